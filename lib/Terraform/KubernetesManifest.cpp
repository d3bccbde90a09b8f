// kubernetes_manifest → Kubernetes objects for the Kubernetes frontend. The `manifest` value (an
// HCL object, or one built with functions) is lowered to the document model: what Terraform
// knows statically becomes scalars placed where they are written (a heredoc's lines at their
// lines), the rest is null. A manifest file read with yamldecode(file()) is the Kubernetes
// frontend's own input.
#include "Kubernetes/Kubernetes.h"
#include "Syntax/Document.h"
#include "Terraform/Analyzer.h"

#include <map>
#include <string_view>

namespace cloudpact::terraform {

namespace {

constexpr int kMaxDepth = 64;

class Lowering {
public:
  explicit Lowering(Analyzer &analyzer) : a_(analyzer) {}

  syntax::Node node(ValuePtr value, const SourceRange &fallback, int depth) {
    value = follow(value);
    SourceRange range = value && value->range.valid() ? value->range : fallback;
    if (!value || depth > kMaxDepth)
      return null(range);
    switch (value->kind) {
    case ValueKind::Map: {
      syntax::Node out = collection(syntax::NodeKind::Mapping, range);
      for (const auto &[key, field] : value->fields) {
        SourceRange at = field && field->range.valid() ? field->range : range;
        out.entries.emplace_back(scalar(key, at), node(field, at, depth + 1));
      }
      return out;
    }
    case ValueKind::List: {
      syntax::Node out = collection(syntax::NodeKind::Sequence, range);
      for (const ValuePtr &item : value->parts)
        out.items.push_back(node(item, range, depth + 1));
      return out;
    }
    case ValueKind::Literal: return scalar(value->text, range);
    default: return constant(a_.constant(value), range, depth);
    }
  }

private:
  /// Through locals and variables with a single structured value (manifest = local.deployment).
  ValuePtr follow(ValuePtr value) {
    for (int hop = 0; hop < 8 && value && value->kind == ValueKind::Ref; ++hop) {
      const std::vector<Assign> &assigns = a_.assignsOf(value->text);
      if (assigns.size() != 1 || !assigns[0].value)
        break;
      value = assigns[0].value;
    }
    return value;
  }

  syntax::Node constant(const CV &value, const SourceRange &range, int depth) {
    if (depth > kMaxDepth)
      return null(range);
    switch (value.kind) {
    case CV::String:
    case CV::Number:
    case CV::Bool: return scalar(value.text, range);
    case CV::Map: {
      syntax::Node out = collection(syntax::NodeKind::Mapping, range);
      for (const auto &[key, field] : value.fields)
        out.entries.emplace_back(scalar(key, range), constant(field, range, depth + 1));
      return out;
    }
    case CV::List: {
      syntax::Node out = collection(syntax::NodeKind::Sequence, range);
      for (const CV &item : value.items)
        out.items.push_back(constant(item, range, depth + 1));
      return out;
    }
    case CV::Null:
    case CV::Unknown: return null(range);
    }
    return null(range);
  }

  syntax::Node scalar(std::string text, const SourceRange &range) {
    syntax::Node out;
    out.kind = syntax::NodeKind::Scalar;
    out.style = syntax::ScalarStyle::DoubleQuoted; // Terraform's values are strings to Kubernetes
    out.range = range;
    out.offsets = placeLines(text, range);
    out.value = std::move(text);
    return out;
  }

  /// Where the lines of a string are written. A quoted literal starts after its quote; the
  /// lines of a heredoc are its body's lines, after the indentation `<<-` strips; otherwise
  /// (a value Terraform computed) every line points at the expression.
  std::vector<syntax::OffsetMapping> placeLines(const std::string &text, const SourceRange &range) {
    std::vector<syntax::OffsetMapping> runs{{0, range.begin}};
    std::string_view source = sourceOf(range);
    if (source.starts_with("\"") && range.begin.line == range.end.line) {
      runs[0].source.column += 1;
      runs[0].source.offset += 1;
      return runs;
    }
    bool heredoc = source.starts_with("<<");
    size_t bodyStart = source.find('\n');
    if (!heredoc || bodyStart == std::string_view::npos) {
      for (size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '\n')
          runs.push_back({i + 1, range.begin});
      return runs;
    }
    // The body's lines in the file, and the indentation `<<-` removes from each.
    std::vector<std::pair<size_t, size_t>> lines; // offset in `source`, length
    for (size_t at = bodyStart + 1; at < source.size();) {
      size_t end = source.find('\n', at);
      if (end == std::string_view::npos)
        break; // the closing marker's line
      lines.emplace_back(at, end - at);
      at = end + 1;
    }
    size_t strip = 0;
    if (source.starts_with("<<-")) {
      strip = std::string_view::npos;
      for (const auto &[at, length] : lines) {
        std::string_view line = source.substr(at, length);
        size_t indent = line.find_first_not_of(" \t");
        if (indent != std::string_view::npos)
          strip = std::min(strip, indent);
      }
      if (strip == std::string_view::npos)
        strip = 0;
    }
    runs.clear();
    size_t valueOffset = 0;
    for (size_t k = 0; k < lines.size() && valueOffset <= text.size(); ++k) {
      const auto &[at, length] = lines[k];
      size_t skip = std::min(strip, length);
      SourceLoc loc = range.begin;
      loc.line = range.begin.line + 1 + static_cast<uint32_t>(k);
      loc.column = 1 + static_cast<uint32_t>(skip);
      loc.offset = range.begin.offset + static_cast<uint32_t>(at + skip);
      runs.push_back({valueOffset, loc});
      size_t next = text.find('\n', valueOffset);
      if (next == std::string::npos)
        break;
      valueOffset = next + 1;
    }
    if (runs.empty())
      runs.push_back({0, range.begin});
    return runs;
  }

  std::string_view sourceOf(const SourceRange &range) {
    if (!range.valid() || !range.end.valid() || range.end.offset < range.begin.offset)
      return {};
    auto [it, added] = texts_.try_emplace(range.file());
    if (added) {
      bool ok = false;
      std::string problem;
      it->second = a_.readFileUnrecorded(range.file(), ok, problem);
    }
    std::string_view text = it->second;
    if (range.end.offset > text.size())
      return {};
    return text.substr(range.begin.offset, range.end.offset - range.begin.offset);
  }
  static syntax::Node collection(syntax::NodeKind kind, const SourceRange &range) {
    syntax::Node out;
    out.kind = kind;
    out.range = range;
    return out;
  }
  static syntax::Node null(const SourceRange &range) {
    syntax::Node out;
    out.range = range;
    return out;
  }

  Analyzer &a_;
  std::map<std::string, std::string> texts_; // the files values are written in, by path
};

} // namespace

bool lowerKubernetesManifest(Analyzer &analyzer, Instance &instance, const Block &block, syntax::Node &out) {
  const Attribute *manifest = block.attr("manifest");
  if (!manifest)
    return false;
  Scope scope = analyzer.resourceScope(instance, block);
  ValuePtr value = analyzer.convert(manifest->expr, scope);
  // yamldecode(file("deploy.yaml")) of a manifest in the scanned tree: the Kubernetes frontend
  // reads that file itself, with its exact positions.
  if (value && value->kind == ValueKind::Map && value->range.valid()) {
    const std::string &origin = value->range.file();
    bool manifestFile = origin.ends_with(".yaml") || origin.ends_with(".yml") ||
                        (origin.ends_with(".json") && !origin.ends_with(".tf.json"));
    if (manifestFile && origin != block.range.file())
      return false;
  }
  out = Lowering(analyzer).node(value, manifest->expr.range(), 0);
  return out.isMapping();
}

void analyzeKubernetesManifests(const std::vector<syntax::Node> &objects, const std::vector<syntax::Node> &known,
                                Facts &out) {
  std::vector<const syntax::Node *> roots, knownRoots;
  for (const syntax::Node &object : objects)
    roots.push_back(&object);
  for (const syntax::Node &object : known)
    knownRoots.push_back(&object);
  kubernetes::analyzeObjects(roots, out, knownRoots);
}

syntax::Node configObjectNode(const std::string &kind, const std::string &ns, const std::string &name,
                              const std::vector<std::string> &keys, const SourceRange &where) {
  auto scalar = [&](std::string text) {
    syntax::Node node;
    node.kind = syntax::NodeKind::Scalar;
    node.style = syntax::ScalarStyle::DoubleQuoted;
    node.value = std::move(text);
    node.range = where;
    return node;
  };
  auto mapping = [&]() {
    syntax::Node node;
    node.kind = syntax::NodeKind::Mapping;
    node.range = where;
    return node;
  };
  syntax::Node metadata = mapping();
  metadata.entries.emplace_back(scalar("name"), scalar(name));
  metadata.entries.emplace_back(scalar("namespace"), scalar(ns));
  syntax::Node data = mapping();
  for (const std::string &key : keys)
    data.entries.emplace_back(scalar(key), scalar(""));
  syntax::Node root = mapping();
  root.entries.emplace_back(scalar("apiVersion"), scalar("v1"));
  root.entries.emplace_back(scalar("kind"), scalar(kind));
  root.entries.emplace_back(scalar("metadata"), std::move(metadata));
  root.entries.emplace_back(scalar("data"), std::move(data));
  return root;
}

} // namespace cloudpact::terraform
