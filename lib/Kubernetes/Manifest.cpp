#include "Kubernetes/Manifest.h"

#include "Kubernetes/Expansion.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>
#include <unordered_set>

namespace cloudpact::kubernetes {

// --- accessors --------------------------------------------------------------------------------

const Node *child(const Node *node, std::string_view key) { return node ? node->get(key) : nullptr; }

namespace {
void collectSegments(const Node *node, std::string_view path, std::vector<const Node *> &out) {
  if (!node)
    return;
  if (path.empty()) {
    out.push_back(node);
    return;
  }
  size_t dot = path.find('.');
  std::string_view segment = path.substr(0, dot);
  std::string_view rest = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  bool each = segment.ends_with("[]");
  if (each)
    segment.remove_suffix(2);
  const Node *next = segment.empty() ? node : node->get(segment);
  if (!next)
    return;
  if (!each) {
    collectSegments(next, rest, out);
    return;
  }
  for (const Node &item : itemsOf(next))
    collectSegments(&item, rest, out);
}
} // namespace

void collect(const Node *node, std::string_view path, std::vector<const Node *> &out) {
  collectSegments(node, path, out);
}

const Node *at(const Node *node, std::string_view path) {
  while (node && !path.empty()) {
    size_t dot = path.find('.');
    node = node->get(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return node;
}

std::optional<std::string> scalarText(const Node *node) {
  if (!node || !node->isScalar())
    return std::nullopt;
  if (node->isPlainNonString() && (node->value == "null" || node->value == "~" || node->value == "Null" ||
                                   node->value == "NULL"))
    return std::nullopt;
  return node->value;
}

const std::vector<Node> &itemsOf(const Node *node) {
  static const std::vector<Node> empty;
  return node && node->isSequence() ? node->items : empty;
}

const std::vector<std::pair<Node, Node>> &entriesOf(const Node *node) {
  static const std::vector<std::pair<Node, Node>> empty;
  return node && node->isMapping() ? node->entries : empty;
}

ValuePtr literalOf(const Node &scalar, std::string phrase) {
  ValuePtr value = placeholderValue(scalar, 0, scalar.value.size());
  return phrase.empty() ? value : withPhrase(value, std::move(phrase));
}

SourceRange subRange(const Node &scalar, size_t begin, size_t end) {
  if (begin == 0 && end >= scalar.value.size())
    return scalar.range;
  SourceRange range;
  range.begin = scalar.locate(begin);
  range.end = scalar.locate(std::min(end, scalar.value.size()));
  if (!range.begin.valid())
    return scalar.range;
  return range;
}

// --- text checks ------------------------------------------------------------------------------

namespace {
/// True if some line starts (after indentation, `- ` items and an opening quote) with `key`
/// followed by optional spaces/closing quote and ':'.
bool hasKeyLine(std::string_view text, std::string_view key) {
  size_t pos = 0;
  while ((pos = text.find(key, pos)) != std::string_view::npos) {
    size_t start = pos;
    pos += key.size();
    // Before: one quote, then only spaces, tabs and '-' back to the line start or a '{' or ','.
    size_t i = start;
    bool ok = true;
    if (i > 0 && (text[i - 1] == '"' || text[i - 1] == '\''))
      --i;
    while (i > 0 && text[i - 1] != '\n') {
      char c = text[i - 1];
      if (c == '{' || c == ',') // a key inside a flow mapping
        break;
      if (c != ' ' && c != '\t' && c != '-' && c != '\r') {
        ok = false;
        break;
      }
      --i;
    }
    if (!ok)
      continue;
    size_t j = pos;
    if (j < text.size() && (text[j] == '"' || text[j] == '\''))
      ++j;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t'))
      ++j;
    if (j < text.size() && text[j] == ':')
      return true;
  }
  return false;
}

bool inComment(std::string_view text, size_t offset) {
  size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
  for (size_t i = lineStart; i < offset; ++i)
    if (text[i] == '#' && (i == lineStart || text[i - 1] == ' ' || text[i - 1] == '\t'))
      return true;
  return false;
}

void scalarSpans(const Node &root, std::vector<std::pair<uint32_t, uint32_t>> &spans) {
  std::vector<const Node *> stack{&root};
  while (!stack.empty()) {
    const Node *node = stack.back();
    stack.pop_back();
    if (node->isScalar()) {
      uint32_t begin = node->range.begin.offset;
      uint32_t end = node->range.end.valid() ? node->range.end.offset
                                             : begin + static_cast<uint32_t>(node->value.size());
      spans.emplace_back(begin, end);
    }
    for (const Node &item : node->items)
      stack.push_back(&item);
    for (const auto &[key, value] : node->entries) {
      stack.push_back(&key);
      stack.push_back(&value);
    }
  }
}
} // namespace

bool looksLikeManifest(std::string_view text) {
  return hasKeyLine(text, "apiVersion") && hasKeyLine(text, "kind");
}

std::optional<size_t> helmTemplateMarker(std::string_view text, const syntax::ParseResult &parsed) {
  std::vector<size_t> markers;
  for (size_t pos = text.find("{{"); pos != std::string_view::npos; pos = text.find("{{", pos + 2))
    if (!inComment(text, pos))
      markers.push_back(pos);
  if (markers.empty())
    return std::nullopt;
  bool failed = std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(),
                            [](const Diagnostic &d) { return d.level == Level::Error; });
  if (failed)
    return markers.front();
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (const syntax::Document &doc : parsed.documents)
    scalarSpans(doc.root, spans);
  std::sort(spans.begin(), spans.end());
  for (size_t marker : markers) {
    // The last span starting at or before the marker; spans do not overlap.
    auto it = std::upper_bound(spans.begin(), spans.end(),
                               std::make_pair(static_cast<uint32_t>(marker), UINT32_MAX));
    bool inside = false;
    if (it != spans.begin()) {
      --it;
      inside = marker >= it->first && marker < it->second;
    }
    if (!inside)
      return marker;
  }
  return std::nullopt;
}

SourceLoc locationOf(std::string_view text, size_t offset, const std::string &file) {
  SourceLoc loc;
  loc.file = file;
  loc.line = 1;
  loc.column = 1;
  loc.offset = static_cast<uint32_t>(offset);
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

// --- loading ----------------------------------------------------------------------------------

namespace {
bool endsWith(std::string_view text, std::string_view suffix) { return text.ends_with(suffix); }

std::shared_ptr<const syntax::ParseResult> parseFile(const SourceFile &file, syntax::ParseCache *cache) {
  bool json = endsWith(file.path, ".json");
  if (cache)
    return cache->documents(file.path, file.text, json);
  return std::make_shared<const syntax::ParseResult>(json ? syntax::parseJson(file.text, file.path)
                                                          : syntax::parseYaml(file.text, file.path));
}

void addObject(const SourceFile *file, const Node &node, bool requireApiVersion, std::vector<Object> &out) {
  if (!node.isMapping())
    return;
  auto apiVersion = scalarText(node.get("apiVersion"));
  auto kind = scalarText(node.get("kind"));
  if (!kind || kind->empty() || (requireApiVersion && !apiVersion))
    return;
  const Node *items = node.get("items");
  if (kind->ends_with("List") && items && items->isSequence()) {
    for (const Node &item : items->items)
      addObject(file, item, false, out);
    return;
  }
  Object object;
  object.file = file;
  object.root = &node;
  object.apiVersion = apiVersion.value_or("");
  size_t slash = object.apiVersion.find('/');
  object.group = slash == std::string::npos ? "" : object.apiVersion.substr(0, slash);
  object.kind = *kind;
  const Node *metadata = node.get("metadata");
  object.name = scalarText(child(metadata, "name")).value_or("");
  object.ns = scalarText(child(metadata, "namespace")).value_or("");
  if (object.ns.empty())
    object.ns = "default";
  out.push_back(std::move(object));
}
/// A warning per mapping key written twice (the last one wins, as in kubectl). Alias copies share
/// positions, so each written duplicate is reported once.
void duplicateKeys(const Node &root, std::set<uint32_t> &reported, std::vector<Diagnostic> &out) {
  std::vector<const Node *> stack{&root};
  std::unordered_set<std::string_view> seen;
  while (!stack.empty()) {
    const Node *node = stack.back();
    stack.pop_back();
    seen.clear();
    for (const auto &[key, value] : node->entries) {
      if (key.isScalar() && !seen.insert(key.value).second && reported.insert(key.range.begin.offset).second)
        out.push_back(makeDiagnostic(Level::Warning, "", key.range,
                                     "duplicate key '" + key.value + "'; the last one wins"));
      stack.push_back(&value);
    }
    for (const Node &item : node->items)
      stack.push_back(&item);
  }
}
} // namespace

void collectObjects(const Node &root, std::vector<Object> &out) { addObject(nullptr, root, true, out); }

std::unique_ptr<Manifests> loadManifests(const std::vector<const SourceFile *> &files,
                                         std::vector<Diagnostic> &diagnostics, syntax::ParseCache *cache) {
  auto result = std::make_unique<Manifests>();
  result->parsed.resize(files.size());

  // Parse in parallel; everything after this runs in input order.
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < files.size(); i = next++)
      result->parsed[i] = parseFile(*files[i], cache);
  };
  size_t threads = std::min<size_t>(files.size(), std::max(1u, std::min(4u, std::thread::hardware_concurrency())));
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t)
      pool.emplace_back(worker);
    for (std::thread &thread : pool)
      thread.join();
  }

  for (size_t i = 0; i < files.size(); ++i) {
    const SourceFile &file = *files[i];
    const syntax::ParseResult &parsed = *result->parsed[i];
    if (auto marker = helmTemplateMarker(file.text, parsed)) {
      SourceRange range;
      range.begin = locationOf(file.text, *marker, file.path);
      diagnostics.push_back(makeDiagnostic(
          Level::Note, "", range,
          "Helm template syntax '{{' found; this file is not analysed: render the chart and pipe "
          "it in ('helm template ... | cloudpact check -')"));
      continue;
    }
    // A file let in only by a config file's key line is somebody else's YAML unless a document
    // of it is that config file: then, and for manifests, its errors and warnings count.
    std::string_view text = file.text;
    if (text.starts_with("\xEF\xBB\xBF")) // a byte-order mark
      text.remove_prefix(3);
    bool counts = looksLikeManifest(text);
    std::vector<Diagnostic> found = parsed.diagnostics;
    std::set<uint32_t> reported;
    for (const syntax::Document &doc : parsed.documents) {
      duplicateKeys(doc.root, reported, found);
      size_t before = result->objects.size();
      addObject(&file, doc.root, true, result->objects);
      if (result->objects.size() == before && isConfigFileRoot(doc.root)) {
        result->configFiles.push_back(ConfigFileDocument{&file, &doc.root});
        counts = true;
      }
    }
    if (counts)
      diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  }
  return result;
}

// --- index ------------------------------------------------------------------------------------

namespace {
std::string indexKey(std::string_view kind, std::string_view ns, std::string_view name) {
  std::string key;
  key.reserve(kind.size() + ns.size() + name.size() + 2);
  key.append(kind).append("|").append(ns).append("|").append(name);
  return key;
}
} // namespace

Index::Index(const std::vector<Object> &objects) {
  for (const Object &object : objects)
    byKey_.emplace(indexKey(object.kind, object.ns, object.name), &object);
}

const Object *Index::find(std::string_view group, std::string_view kind, std::string_view ns,
                          std::string_view name) const {
  auto [begin, end] = byKey_.equal_range(indexKey(kind, ns, name));
  for (auto it = begin; it != end; ++it)
    if (group == "*" || it->second->group == group)
      return it->second;
  return nullptr;
}

} // namespace cloudpact::kubernetes
