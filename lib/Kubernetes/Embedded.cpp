// Config files embedded in ConfigMap/Secret values, parsed with positions mapped back into the
// manifest, and the same formats kept as files of their own (a `litellm-config.yaml` mounted into
// the proxy). Each format is a row: a cheap marker, detectors over the parsed root, a handler.
#include "Kubernetes/Context.h"
#include "Kubernetes/Expansion.h"
#include "Kubernetes/Tables.h"

#include <algorithm>

namespace cloudpact::kubernetes {

namespace {

/// Who uses a config held in `owner`'s `key`: the first workload mounting it, else the owner.
std::string subjectOf(const Context &ctx, const Object &owner, const std::string &key) {
  if (const std::vector<Mount> *mounts = ctx.mountsOf(owner.kind, owner.ns, owner.name))
    for (const Mount &mount : *mounts)
      if (mount.keys.empty() || std::find(mount.keys.begin(), mount.keys.end(), key) != mount.keys.end())
        return mount.workload->subject();
  return owner.subject();
}

// --- LiteLLM proxy config (catalog §6) ---------------------------------------------------------

/// A LiteLLM setting: `os.environ/NAME` reads NAME, anything else is a literal.
ValuePtr liteLlmValue(const Node &scalar) {
  std::string_view text = scalar.value;
  if (text.starts_with(kLiteLlmEnvPrefix)) {
    std::string name(text.substr(kLiteLlmEnvPrefix.size()));
    return makeEnvRead(name, scalar.range, "read by LiteLLM (os.environ/" + name + ")");
  }
  return literalOf(scalar);
}

bool isLiteLlmConfig(const Node &root) {
  const Node *list = root.get("model_list");
  return list && list->isSequence();
}

/// A file of its own must show more than the key: other tools have a `model_list` too.
bool isLiteLlmConfigFile(const Node &root) {
  if (!isLiteLlmConfig(root))
    return false;
  const std::vector<Node> &entries = itemsOf(root.get("model_list"));
  return std::any_of(entries.begin(), entries.end(), [](const Node &entry) {
    const Node *params = entry.get("litellm_params");
    return params && params->isMapping();
  });
}

void analyzeLiteLlm(Context &ctx, const Node &root, const std::string &subject) {
  for (const Node &entry : itemsOf(root.get("model_list"))) {
    const Node *params = entry.get("litellm_params");
    const Node *model = child(params, "model");
    if (!model || !model->isScalar())
      continue;
    std::string_view text = model->value;

    const LiteLlmPrefixRow *row = nullptr;
    for (const LiteLlmPrefixRow &candidate : liteLlmPrefixes())
      if (text.starts_with(candidate.prefix)) {
        row = &candidate;
        break;
      }

    ModelAccess access;
    access.kind = AccessKind::Call;
    access.api = "LiteLLM model_list";
    access.range = model->range;
    access.subject = subject;
    if (text.starts_with(kLiteLlmEnvPrefix)) {
      access.model = liteLlmValue(*model);
    } else if (row) {
      access.model = placeholderValue(*model, row->prefix.size(), text.size());
    } else {
      access.model = literalOf(*model);
    }

    std::string prefixPhrase = row ? "LiteLLM prefix " + std::string(row->prefix) : std::string();
    if (const Node *base = child(params, "api_base"); base && base->isScalar()) {
      access.endpoint = liteLlmValue(*base);
    } else if (row && !row->endpointEnv.empty()) {
      std::string name(row->endpointEnv);
      access.endpoint = makeEnvRead(name, model->range, "read by LiteLLM for " + prefixPhrase + " without api_base");
    } else if (row && !row->defaultEndpoint.empty()) {
      access.endpoint = withPhrase(makeLiteral(std::string(row->defaultEndpoint), model->range),
                                   "default endpoint of " + prefixPhrase);
    }

    if (row && !row->regionKey.empty()) {
      if (const Node *region = child(params, row->regionKey); region && region->isScalar())
        access.region = liteLlmValue(*region);
      else if (!row->regionEnv.empty())
        access.region = makeEnvRead(std::string(row->regionEnv), model->range,
                                    "read by LiteLLM for " + prefixPhrase + " without " + std::string(row->regionKey));
    }
    if (row && !row->cloud.empty()) {
      access.impliedCloud = std::string(row->cloud);
      access.cloud = withPhrase(makeLiteral(access.impliedCloud, model->range), prefixPhrase + " implies " + access.impliedCloud);
    }
    if (row && !row->provider.empty())
      access.provider = withPhrase(makeLiteral(std::string(row->provider), model->range),
                                   prefixPhrase + " names provider " + std::string(row->provider));
    ctx.out.accesses.push_back(std::move(access));
  }
}

// --- the table of embedded formats -------------------------------------------------------------

struct EmbeddedFormat {
  std::string_view name;
  std::string_view marker; // substring the text must contain before it is parsed
  bool (*detect)(const Node &root);
  /// For a file of its own: the key a line must start with, and the stricter detector.
  std::string_view fileKeyLine;
  bool (*detectFile)(const Node &root);
  void (*analyze)(Context &ctx, const Node &root, const std::string &subject);
};

constexpr EmbeddedFormat kFormats[] = {
    {"LiteLLM proxy config", "model_list", isLiteLlmConfig, "model_list:", isLiteLlmConfigFile, analyzeLiteLlm},
};

const EmbeddedFormat *fileFormatOf(const Node &root) {
  if (!root.isMapping() || root.get("kind"))
    return nullptr;
  for (const EmbeddedFormat &format : kFormats)
    if (format.detectFile(root))
      return &format;
  return nullptr;
}

bool startsSomeLine(std::string_view text, std::string_view prefix) {
  for (size_t pos = text.find(prefix); pos != std::string_view::npos; pos = text.find(prefix, pos + 1))
    if (pos == 0 || text[pos - 1] == '\n')
      return true;
  return false;
}

} // namespace

bool hasConfigFileMarker(std::string_view text) {
  return std::any_of(std::begin(kFormats), std::end(kFormats),
                     [&](const EmbeddedFormat &f) { return startsSomeLine(text, f.fileKeyLine); });
}

bool isConfigFileRoot(const Node &root) { return fileFormatOf(root) != nullptr; }

void analyzeConfigFile(Context &ctx, const SourceFile &file, const Node &root) {
  const EmbeddedFormat *format = fileFormatOf(root);
  if (!format)
    return;
  size_t first = ctx.out.accesses.size();
  format->analyze(ctx, root, std::string(format->name) + " " + file.path);
  // A ConfigMap made from this file (a generator, a chart's .Files.Get) has reported these
  // entries already, under the workload that mounts it: that one stays.
  auto reportedBefore = [&](const ModelAccess &access) {
    return std::any_of(ctx.out.accesses.begin(), ctx.out.accesses.begin() + first, [&](const ModelAccess &earlier) {
      return earlier.range.begin.offset == access.range.begin.offset && earlier.range.begin.file == access.range.begin.file;
    });
  };
  auto kept = std::remove_if(ctx.out.accesses.begin() + first, ctx.out.accesses.end(), reportedBefore);
  ctx.out.accesses.erase(kept, ctx.out.accesses.end());
}

void analyzeEmbedded(Context &ctx, const Object &owner, const std::string &key, const Node &scalar) {
  const std::string &text = scalar.value;
  bool candidate = std::any_of(std::begin(kFormats), std::end(kFormats),
                               [&](const EmbeddedFormat &f) { return text.find(f.marker) != std::string::npos; });
  if (!candidate)
    return;
  syntax::ParseResult parsed = syntax::parseEmbedded(scalar);
  bool recognised = false;
  std::string subject;
  for (const syntax::Document &doc : parsed.documents) {
    if (!doc.root.isMapping())
      continue;
    for (const EmbeddedFormat &format : kFormats) {
      if (text.find(format.marker) == std::string::npos || !format.detect(doc.root))
        continue;
      recognised = true;
      if (subject.empty())
        subject = subjectOf(ctx, owner, key);
      format.analyze(ctx, doc.root, subject);
    }
  }
  // Syntax errors count when the value is meant as a config file (by its key's extension, or
  // because a known format was found in it); other text that merely mentions a marker is left alone.
  bool configFile = std::any_of(configFileExtensions().begin(), configFileExtensions().end(),
                                [&](std::string_view ext) { return key.ends_with(ext); });
  if (configFile || recognised)
    ctx.out.diagnostics.insert(ctx.out.diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
}

} // namespace cloudpact::kubernetes
