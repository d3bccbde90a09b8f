// Workloads: pod templates, containers, env/envFrom, command/args, mounts, cloud hints and
// model-serving engines.
#include "Kubernetes/Context.h"
#include "Kubernetes/Expansion.h"
#include "Kubernetes/Tables.h"

#include <algorithm>
#include <cctype>

namespace cloudpact::kubernetes {

namespace {
/// Groups of the built-in workload APIs (a row for "apps" also matches the old "extensions").
bool builtinGroup(std::string_view group) {
  return group.empty() || group == "apps" || group == "batch" || group == "extensions";
}

std::string symbolOf(const std::string &ns, std::string_view kind, const std::string &name, const std::string &key) {
  return "k8s:" + ns + "/" + std::string(kind) + "/" + name + "#" + key;
}

bool isShellVariableName(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])))
    return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

/// `$NAME` or `${NAME}` as a whole word, else "".
std::string_view shellVariable(std::string_view word) {
  if (word.size() < 2 || word[0] != '$')
    return {};
  word.remove_prefix(1);
  if (word.front() == '{') {
    if (word.size() < 3 || word.back() != '}')
      return {};
    word = word.substr(1, word.size() - 2);
  }
  return isShellVariableName(word) ? word : std::string_view();
}

/// A one-part concat carrying a trace step at `range`.
ValuePtr step(ValuePtr inner, SourceRange range, std::string phrase) {
  auto value = std::make_shared<Value>();
  value->kind = ValueKind::Concat;
  value->parts = {std::move(inner)};
  value->range = std::move(range);
  value->phrase = std::move(phrase);
  return value;
}

/// Keys of a ConfigMap (data, binaryData) or Secret (data, stringData), in source order.
std::vector<std::string> dataKeys(const Object &object) {
  std::vector<std::string> keys;
  auto add = [&](const Node *map) {
    for (const auto &[key, value] : entriesOf(map))
      if (key.isScalar() && std::find(keys.begin(), keys.end(), key.value) == keys.end())
        keys.push_back(key.value);
  };
  add(child(object.root, "data"));
  add(child(object.root, object.kind == "Secret" ? "stringData" : "binaryData"));
  return keys;
}
} // namespace

ValuePtr cloudValue(const std::optional<CloudHint> &hint) {
  if (!hint)
    return nullptr;
  return withPhrase(makeLiteral(hint->cloud, hint->range), hint->phrase);
}

// --- pod templates and mounts -----------------------------------------------------------------

const Node *podSpecOf(const Object &object, const Node **podMetadata) {
  for (const PodTemplateRow &row : podTemplates()) {
    if (row.kind != object.kind)
      continue;
    if (row.group != object.group && !(builtinGroup(row.group) && builtinGroup(object.group)))
      continue;
    const Node *node = object.root;
    const Node *metadata = nullptr;
    for (std::string_view segment : row.path) {
      if (segment == "spec")
        metadata = child(node, "metadata");
      node = child(node, segment);
    }
    if (!node || !node->isMapping())
      return nullptr;
    if (podMetadata)
      *podMetadata = metadata;
    return node;
  }
  return nullptr;
}

void recordMounts(Context &ctx, const Object &workload, const Node *podSpec) {
  // Volumes some container actually mounts.
  std::vector<std::string> mounted;
  for (const char *list : {"containers", "initContainers"})
    for (const Node &container : itemsOf(child(podSpec, list)))
      for (const Node &mount : itemsOf(container.get("volumeMounts")))
        if (auto name = scalarText(mount.get("name")))
          mounted.push_back(*name);

  auto add = [&](std::string_view kind, const Node *source, std::string_view nameKey) {
    auto name = scalarText(child(source, nameKey));
    if (!name)
      return;
    Mount m{&workload, {}};
    for (const Node &item : itemsOf(child(source, "items")))
      if (auto key = scalarText(item.get("key")))
        m.keys.push_back(*key);
    ctx.mounts[std::string(kind) + "|" + workload.ns + "|" + *name].push_back(std::move(m));
  };
  for (const Node &volume : itemsOf(child(podSpec, "volumes"))) {
    auto name = scalarText(volume.get("name"));
    if (!name || std::find(mounted.begin(), mounted.end(), *name) == mounted.end())
      continue;
    add("ConfigMap", volume.get("configMap"), "name");
    add("Secret", volume.get("secret"), "secretName");
    for (const Node &source : itemsOf(at(&volume, "projected.sources"))) {
      add("ConfigMap", source.get("configMap"), "name");
      add("Secret", source.get("secret"), "name");
    }
  }
}

std::optional<CloudHint> cloudHintOf(const Context &ctx, const Object &workload, const Node *podSpec,
                                     const Node *podMetadata) {
  std::string account = scalarText(child(podSpec, "serviceAccountName"))
                            .value_or(scalarText(child(podSpec, "serviceAccount")).value_or("default"));
  const Object *sa = ctx.index.find("", "ServiceAccount", workload.ns, account);
  const Node *annotations = sa ? at(sa->root, "metadata.annotations") : nullptr;
  const Node *labels = child(podMetadata, "labels");
  const Node *selector = child(podSpec, "nodeSelector");
  std::vector<const Node *> expressions;
  collect(podSpec,
          "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[]."
          "matchExpressions[]",
          expressions);

  for (const CloudHintRow &row : cloudHints()) {
    auto matches = [&](const Node *value) {
      return value && value->isScalar() && !value->value.empty() &&
             (row.requiredValue.empty() || value->value == row.requiredValue);
    };
    std::string key(row.key);
    switch (row.source) {
    case HintSource::ServiceAccountAnnotation:
      if (const Node *value = child(annotations, key); matches(value))
        return CloudHint{std::string(row.cloud), value->range, "annotation " + key + " of " + sa->subject()};
      break;
    case HintSource::PodLabel:
      if (const Node *value = child(labels, key); matches(value))
        return CloudHint{std::string(row.cloud), value->range, "label " + key + " of " + workload.subject()};
      break;
    case HintSource::NodeSelector:
      if (const Node *value = child(selector, key); matches(value))
        return CloudHint{std::string(row.cloud), value->range, "nodeSelector " + key + " of " + workload.subject()};
      for (const Node *expression : expressions) {
        const Node *name = expression->get("key");
        if (name && name->isScalar() && name->value == row.key)
          return CloudHint{std::string(row.cloud), name->range, "node affinity " + key + " of " + workload.subject()};
      }
      break;
    }
  }
  return std::nullopt;
}

void analyzePodSpec(Context &ctx, const Object &workload, const Node *podSpec, const Node *podMetadata) {
  std::optional<CloudHint> hint = cloudHintOf(ctx, workload, podSpec, podMetadata);
  for (const char *list : {"initContainers", "containers"})
    for (const Node &container : itemsOf(child(podSpec, list)))
      analyzeContainer(ctx, workload, container, hint);
}

// --- containers -------------------------------------------------------------------------------

ValuePtr ContainerView::lookup(const std::string &name) const {
  for (const EnvVar &var : env)
    if (var.name == name)
      return var.value;
  return nullptr;
}

std::vector<Token> tokensOf(const Node *list) {
  std::vector<Token> tokens;
  for (const Node &item : itemsOf(list)) {
    if (!item.isScalar())
      continue;
    const std::string &text = item.value;
    size_t i = 0;
    bool split = text.find_first_of(" \t\n") != std::string::npos;
    if (!split) {
      tokens.push_back(Token{&item, 0, text.size()});
      continue;
    }
    while (i < text.size()) {
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
        ++i;
      size_t begin = i;
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
        ++i;
      if (i > begin)
        tokens.push_back(Token{&item, begin, i});
    }
  }
  return tokens;
}

ValuePtr tokenValue(const Token &token, const ContainerView &env) {
  // A word that is only `$VAR` or `${VAR}` is the shell's read of VAR (a `sh -c` script), not a
  // deploy-time placeholder.
  SourceRange where = subRange(*token.scalar, token.begin, token.end);
  std::string_view variable = shellVariable(token.text());
  if (variable.empty()) {
    ValuePtr value = expandScalar(*token.scalar, token.begin, token.end,
                                  [&](const std::string &name) { return env.lookup(name); });
    if (value->kind != ValueKind::Literal)
      return value;
    variable = shellVariable(value->text); // `$$VAR` is the shell's `$VAR` once Kubernetes is done
    if (variable.empty())
      return value;
    where = value->range;
  }
  std::string name(variable);
  ValuePtr read = env.lookup(name);
  if (!read)
    return makeUnknown("shell variable $" + name + " is not set in the container", where);
  return step(read, where, "expands $" + name);
}

ValuePtr flagValue(const std::vector<Token> &tokens, std::span<const std::string_view> flags,
                   const ContainerView &env, SourceRange *where) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view text = tokens[i].text();
    for (std::string_view flag : flags) {
      if (text == flag && i + 1 < tokens.size()) {
        ValuePtr value = tokenValue(tokens[i + 1], env);
        if (where)
          *where = subRange(*tokens[i + 1].scalar, tokens[i + 1].begin, tokens[i + 1].end);
        return value;
      }
      if (text.size() > flag.size() && text.starts_with(flag) && text[flag.size()] == '=') {
        Token rest{tokens[i].scalar, tokens[i].begin + flag.size() + 1, tokens[i].end};
        if (where)
          *where = subRange(*rest.scalar, rest.begin, rest.end);
        return tokenValue(rest, env);
      }
    }
  }
  return nullptr;
}

void clientEnvAccesses(const std::vector<EnvVariable> &env, const std::string &subject, std::vector<ModelAccess> &out) {
  auto lookup = [&env](std::string_view name) -> ValuePtr {
    for (const EnvVariable &var : env)
      if (var.name == name)
        return var.value;
    return nullptr;
  };
  ValuePtr model;
  for (std::string_view name : clientModelVars())
    if (!model)
      model = lookup(name);
  for (const ClientEnvRow &row : clientEnvVars()) {
    for (const EnvVariable &var : env) {
      if (var.name != row.endpointVar || !var.value)
        continue;
      ModelAccess access;
      access.kind = AccessKind::Call;
      access.api = std::string(row.client) + " (env " + var.name + ")";
      access.impliedCloud = std::string(row.impliedCloud);
      access.endpoint = var.value;
      access.model = model;
      access.range = var.value->range.valid() ? var.value->range : var.range;
      access.subject = subject;
      access.viaEnv = var.name;
      out.push_back(std::move(access));
    }
  }
}

namespace {
/// A container configuring a model client through its environment (OPENAI_BASE_URL and a model
/// variable beside it) is a call from that workload.
void emitClientEnv(Context &ctx, const Object &owner, const ContainerView &view) {
  clientEnvAccesses(view.env, owner.subject(), ctx.out.accesses);
}

void emitServing(Context &ctx, const Object &owner, const Node &container, const ContainerView &view,
                 const std::optional<CloudHint> &hint) {
  const Node *image = container.get("image");
  std::string imageText = scalarText(image).value_or("");
  std::vector<Token> tokens = tokensOf(container.get("command"));
  std::vector<Token> args = tokensOf(container.get("args"));
  tokens.insert(tokens.end(), args.begin(), args.end());

  for (const ServingEngineRow &row : servingEngines()) {
    bool matched = std::any_of(row.imageContains.begin(), row.imageContains.end(),
                               [&](std::string_view s) { return imageText.find(s) != std::string::npos; });
    for (const Token &token : tokens) {
      if (matched)
        break;
      std::string_view text = token.text();
      if (text.starts_with("-"))
        continue;
      matched = std::any_of(row.commandContains.begin(), row.commandContains.end(),
                            [&](std::string_view s) { return text.find(s) != std::string_view::npos; });
    }
    if (!matched && row.matchByEnvAlone)
      matched = std::any_of(row.modelEnv.begin(), row.modelEnv.end(),
                            [&](std::string_view name) { return view.lookup(std::string(name)) != nullptr; });
    if (!matched)
      continue;

    SourceRange where;
    ValuePtr model = flagValue(tokens, row.modelFlags, view, &where);
    if (!model && !row.positionalAfter.empty()) {
      for (size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (tokens[i].text() == row.positionalAfter && !tokens[i + 1].text().starts_with("-")) {
          model = tokenValue(tokens[i + 1], view);
          where = subRange(*tokens[i + 1].scalar, tokens[i + 1].begin, tokens[i + 1].end);
          break;
        }
      }
    }
    for (std::string_view name : row.modelEnv) {
      if (model)
        break;
      for (const EnvVar &var : view.env) {
        if (var.name == name) {
          model = var.value;
          where = var.range;
          break;
        }
      }
    }

    ModelAccess access;
    access.kind = AccessKind::Hosting;
    access.api = std::string(row.api);
    access.model = model;
    access.cloud = cloudValue(hint);
    access.range = where.valid() ? where : (image ? image->range : container.range);
    access.subject = owner.subject();
    ctx.out.accesses.push_back(std::move(access));
    return;
  }
}
} // namespace

ContainerView analyzeContainer(Context &ctx, const Object &owner, const Node &container,
                               const std::optional<CloudHint> &hint, bool detectServing) {
  ContainerView view;
  auto define = [&](std::string name, ValuePtr value, SourceRange range) {
    for (EnvVar &var : view.env) {
      if (var.name == name) {
        var.value = std::move(value);
        var.range = std::move(range);
        return;
      }
    }
    view.env.push_back(EnvVar{std::move(name), std::move(value), std::move(range)});
  };

  // envFrom first: env entries override it and may refer to it.
  for (const Node &source : itemsOf(container.get("envFrom"))) {
    std::string prefix = scalarText(source.get("prefix")).value_or("");
    for (auto [refKey, kind] : {std::pair<const char *, const char *>{"configMapRef", "ConfigMap"},
                                std::pair<const char *, const char *>{"secretRef", "Secret"}}) {
      auto name = scalarText(at(&source, std::string(refKey) + ".name"));
      if (!name)
        continue;
      const Object *object = ctx.index.find("", kind, owner.ns, *name);
      if (!object)
        continue;
      for (const std::string &key : dataKeys(*object))
        define(prefix + key, makeRef(symbolOf(owner.ns, kind, *name, key), source.range), source.range);
    }
  }

  for (const Node &entry : itemsOf(container.get("env"))) {
    auto name = scalarText(entry.get("name"));
    if (!name || name->empty())
      continue;
    ValuePtr value;
    if (const Node *from = entry.get("valueFrom")) {
      const Node *ref = nullptr;
      if ((ref = from->get("configMapKeyRef")) || (ref = from->get("secretKeyRef"))) {
        const char *kind = from->get("configMapKeyRef") ? "ConfigMap" : "Secret";
        auto refName = scalarText(ref->get("name"));
        auto key = scalarText(ref->get("key"));
        if (refName && key)
          value = makeRef(symbolOf(owner.ns, kind, *refName, *key), ref->range);
        else
          value = makeUnknown(std::string(kind) + " reference without name or key", ref->range);
      } else if (const Node *field = from->get("fieldRef")) {
        value = makeUnknown("fieldRef " + scalarText(field->get("fieldPath")).value_or("?"), field->range);
      } else if (const Node *resource = from->get("resourceFieldRef")) {
        value = makeUnknown("resourceFieldRef " + scalarText(resource->get("resource")).value_or("?"), resource->range);
      } else {
        value = makeUnknown("valueFrom not understood", from->range);
      }
    } else if (const Node *literal = entry.get("value"); literal && literal->isScalar()) {
      value = expandScalar(*literal, 0, literal->value.size(),
                           [&](const std::string &var) { return view.lookup(var); });
    } else {
      value = makeLiteral("", entry.range);
    }
    define(*name, std::move(value), entry.range);
  }

  // The workload and image let the policy's `workloads` mapping link the variable to code.
  std::string origin = owner.ns + "/" + owner.kind + "/" + owner.name;
  std::string image = scalarText(container.get("image")).value_or("");
  for (const EnvVar &var : view.env)
    ctx.out.assigns.push_back(Assign{"env:" + var.name, var.value, var.range,
                                     "env " + var.name + " of " + owner.subject(), origin, image});

  emitClientEnv(ctx, owner, view);

  if (detectServing)
    emitServing(ctx, owner, container, view, hint);
  return view;
}

} // namespace cloudpact::kubernetes
