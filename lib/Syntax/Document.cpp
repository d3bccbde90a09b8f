// The YAML/JSON document model over tree-sitter.
//
// tree-sitter gives the structure (documents, collections, pairs, scalar extents, anchors, tags).
// Scalar *values* are decoded from the source bytes (YamlScalars.cpp), following the YAML 1.2 rules
// as libyaml implements them (unittests/Syntax/LibyamlDiffTest checks that they agree). While
// decoding, every output byte remembers the source byte it came from; runs of consecutive bytes
// on one source line become the node's `offsets`, so `locate` is exact even inside block scalars.
//
// Conventions: an absent value (`key:`) is NodeKind::Null; an explicit plain `null`/`~` stays a
// Scalar (isPlainNonString() says it is not a string). Aliases copy the anchored node, positions
// included (a finding points where the value is written). Merge keys (`<<`) insert the merged
// entries whose keys the mapping does not define itself, at the position of the `<<` entry.
#include "Syntax/Document.h"

#include "Syntax/DocumentDetail.h"
#include "Syntax/ParseCache.h"
#include "Syntax/TreeSitter.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

namespace cloudpact::syntax {

namespace {

using namespace detail;

// ---------------------------------------------------------------------------------------------
// Scalars

/// Moves a decoded value into `node`, turning per-byte origins into runs on single lines.
void finishScalar(Node &node, Decoded &&decoded, std::string_view source, const LineTable &lines) {
  node.kind = NodeKind::Scalar;
  node.value = std::move(decoded.text);
  node.offsets.clear();
  const std::vector<uint32_t> &from = decoded.from;
  for (size_t i = 0; i < from.size(); ++i) {
    bool continues = i > 0 && from[i] == from[i - 1] + 1 && from[i - 1] < source.size() && source[from[i - 1]] != '\n';
    if (!continues)
      node.offsets.push_back(OffsetMapping{i, lines.loc(from[i])});
  }
  // The common scalar, written as one run from where the node starts, needs no runs at all
  // (locate() starts from the range then): most of a big manifest's memory otherwise.
  if (node.offsets.empty() ||
      (node.offsets.size() == 1 && node.offsets[0].valueOffset == 0 && node.offsets[0].source == node.range.begin))
    std::vector<OffsetMapping>().swap(node.offsets);
}

size_t countNodes(const Node &node) {
  size_t count = 1;
  for (const Node &item : node.items)
    count += countNodes(item);
  for (const auto &[key, value] : node.entries)
    count += countNodes(key) + countNodes(value);
  return count;
}

size_t heightOf(const Node &node) {
  size_t height = 0;
  for (const Node &item : node.items)
    height = std::max(height, heightOf(item));
  for (const auto &[key, value] : node.entries)
    height = std::max({height, heightOf(key), heightOf(value)});
  return height + (node.isMapping() || node.isSequence() ? 1 : 0);
}

/// Shared by the YAML and JSON builders: limits and their diagnostics.
class BuilderBase {
public:
  BuilderBase(std::string_view source, const std::string &file, const ParseLimits &limits,
              std::vector<Diagnostic> &diagnostics)
      : source_(source), file_(file), limits_(limits), lines_(source, file), diagnostics_(diagnostics) {}

protected:
  SourceRange range(TSNode node) const { return lines_.range(ts_node_start_byte(node), ts_node_end_byte(node)); }
  SourceRange pointRange(uint32_t offset) const { return lines_.range(offset, offset); }
  void error(SourceRange where, std::string message) {
    diagnostics_.push_back(makeDiagnostic(Level::Error, "parse-error", std::move(where), std::move(message)));
  }
  /// False (and one diagnostic per parse) when a collection at `depth` is too deep.
  bool checkDepth(size_t depth, TSNode node) {
    if (depth < limits_.maxDepth)
      return true;
    if (!depthReported_)
      error(range(node), "nesting exceeds the maximum depth of " + std::to_string(limits_.maxDepth));
    depthReported_ = true;
    return false;
  }
  Node nullAt(SourceRange where) const {
    Node node;
    node.range = where;
    return node;
  }

  std::string_view source_;
  const std::string &file_;
  const ParseLimits &limits_;
  LineTable lines_;
  std::vector<Diagnostic> &diagnostics_;
  bool depthReported_ = false;
};

// ---------------------------------------------------------------------------------------------
// YAML

class YamlBuilder : BuilderBase {
public:
  using BuilderBase::BuilderBase;

  void stream(TSNode root, std::vector<Document> &documents) {
    if (is(root, "document")) {
      documents.push_back(document(root));
      return;
    }
    if (is(root, "ERROR")) {
      salvage(root, documents);
      return;
    }
    for (const Child &child : childrenOf(root)) {
      if (is(child.node, "document"))
        documents.push_back(document(child.node));
      else if (is(child.node, "ERROR"))
        salvage(child.node, documents);
    }
  }

private:
  struct Anchor {
    Node node;
    size_t size;
    size_t height;
  };

  /// Keeps what an ERROR node still holds: whole documents, and the block mapping pairs at its
  /// outermost indentation (tree-sitter flattens a broken document into one ERROR node).
  void salvage(TSNode error, std::vector<Document> &documents) {
    std::vector<TSNode> pairs;
    uint32_t column = UINT32_MAX;
    for (const Child &child : childrenOf(error)) {
      if (is(child.node, "document")) {
        documents.push_back(document(child.node));
      } else if (is(child.node, "block_mapping_pair")) {
        uint32_t c = ts_node_start_point(child.node).column;
        if (c < column) {
          column = c;
          pairs.clear();
        }
        if (c == column)
          pairs.push_back(child.node);
      }
    }
    if (pairs.empty())
      return;
    anchors_.clear();
    Document doc;
    doc.range = range(error);
    doc.root.kind = NodeKind::Mapping;
    doc.root.range = lines_.range(ts_node_start_byte(pairs.front()), ts_node_end_byte(pairs.back()));
    for (TSNode pairNode : pairs)
      doc.root.entries.push_back(pair(pairNode, static_cast<int>(column), 1));
    documents.push_back(std::move(doc));
  }

  Document document(TSNode node) {
    anchors_.clear();
    Document doc;
    doc.range = range(node);
    doc.root = nullAt(pointRange(ts_node_start_byte(node)));
    for (const Child &child : childrenOf(node)) {
      if (is(child.node, "block_node") || is(child.node, "flow_node")) {
        doc.root = build(child.node, -1, 0);
        break;
      }
    }
    return doc;
  }

  /// A block_node or flow_node (or a bare content node), at block indentation `indent`.
  Node build(TSNode node, int indent, size_t depth) {
    if (!is(node, "block_node") && !is(node, "flow_node"))
      return content(node, indent, depth, node);
    std::string anchor, tag;
    TSNode contentNode{};
    bool haveContent = false;
    for (const Child &child : childrenOf(node)) {
      if (is(child.node, "anchor")) {
        for (const Child &part : childrenOf(child.node))
          if (is(part.node, "anchor_name"))
            anchor = std::string(textOf(source_, part.node));
      } else if (is(child.node, "tag")) {
        tag = std::string(textOf(source_, child.node));
      } else if (ts_node_is_named(child.node) && !is(child.node, "comment") && !is(child.node, "ERROR") &&
                 !haveContent) {
        contentNode = child.node;
        haveContent = true;
      }
    }
    Node result;
    if (haveContent) {
      result = content(contentNode, indent, depth, node);
    } else if (!tag.empty()) {
      // `!!str` alone: an empty scalar of that tag.
      result.kind = NodeKind::Scalar;
      result.range = pointRange(ts_node_end_byte(node));
      result.offsets.push_back(OffsetMapping{0, result.range.begin});
    } else {
      result = nullAt(pointRange(ts_node_end_byte(node)));
    }
    if (!tag.empty())
      result.tag = tag;
    if (!anchor.empty())
      anchors_[anchor] = Anchor{result, countNodes(result), heightOf(result)};
    return result;
  }

  Node content(TSNode node, int indent, size_t depth, TSNode outer) {
    if (is(node, "alias"))
      return alias(node, depth);
    if (is(node, "plain_scalar") || is(node, "single_quote_scalar") || is(node, "double_quote_scalar") ||
        is(node, "block_scalar"))
      return scalar(node, indent);
    if (is(node, "block_mapping") || is(node, "flow_mapping")) {
      if (!checkDepth(depth, node))
        return nullAt(range(node));
      int inner = is(node, "block_mapping") ? static_cast<int>(ts_node_start_point(node).column) : indent;
      return mapping(node, inner, depth + 1);
    }
    if (is(node, "block_sequence") || is(node, "flow_sequence")) {
      if (!checkDepth(depth, node))
        return nullAt(range(node));
      int inner = is(node, "block_sequence") ? static_cast<int>(ts_node_start_point(node).column) : indent;
      return sequence(node, inner, depth + 1);
    }
    if (is(node, "flow_pair")) {
      if (!checkDepth(depth, node))
        return nullAt(range(node));
      Node map;
      map.kind = NodeKind::Mapping;
      map.range = range(node);
      map.entries.push_back(pair(node, indent, depth + 1));
      return map;
    }
    return nullAt(range(outer));
  }

  Node alias(TSNode node, size_t depth) {
    std::string name;
    for (const Child &part : childrenOf(node))
      if (is(part.node, "alias_name"))
        name = std::string(textOf(source_, part.node));
    auto it = anchors_.find(name);
    if (it == anchors_.end()) {
      error(range(node), "unknown alias '*" + name + "'");
      return nullAt(range(node));
    }
    const Anchor &anchor = it->second;
    if (expanded_ + anchor.size > limits_.maxAliasExpansions) {
      if (!budgetReported_)
        error(range(node), "aliases expand to more than " + std::to_string(limits_.maxAliasExpansions) +
                               " nodes (alias bomb?); the rest is not expanded");
      budgetReported_ = true;
      return nullAt(range(node));
    }
    if (depth + anchor.height > limits_.maxDepth) {
      checkDepth(limits_.maxDepth, node);
      return nullAt(range(node));
    }
    expanded_ += anchor.size;
    return anchor.node;
  }

  Node scalar(TSNode node, int indent) {
    Node result;
    result.range = range(node);
    uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    Decoded decoded;
    std::vector<EscapeError> escapeErrors;
    if (is(node, "plain_scalar")) {
      result.style = ScalarStyle::Plain;
      decodeFlowScalar(source_, begin, end, FlowStyle::Plain, decoded, escapeErrors);
    } else if (is(node, "single_quote_scalar")) {
      result.style = ScalarStyle::SingleQuoted;
      if (end - begin >= 2)
        decodeFlowScalar(source_, begin + 1, end - 1, FlowStyle::Single, decoded, escapeErrors);
    } else if (is(node, "double_quote_scalar")) {
      result.style = ScalarStyle::DoubleQuoted;
      if (end - begin >= 2)
        decodeFlowScalar(source_, begin + 1, end - 1, FlowStyle::Double, decoded, escapeErrors);
    } else {
      result.style = source_[begin] == '>' ? ScalarStyle::Folded : ScalarStyle::Literal;
      decodeBlockScalar(source_, begin, end, indent, decoded);
    }
    for (const EscapeError &e : escapeErrors)
      error(lines_.range(e.at, e.at + static_cast<uint32_t>(e.text.size())),
            "invalid escape sequence '" + e.text + "'");
    finishScalar(result, std::move(decoded), source_, lines_);
    return result;
  }

  std::pair<Node, Node> pair(TSNode node, int indent, size_t depth) {
    std::optional<Node> key, value;
    uint32_t valueAt = ts_node_end_byte(node);
    for (const Child &child : childrenOf(node)) {
      if (child.field && std::strcmp(child.field, "key") == 0)
        key = build(child.node, indent, depth);
      else if (child.field && std::strcmp(child.field, "value") == 0)
        value = build(child.node, indent, depth);
      else if (!ts_node_is_named(child.node) && is(child.node, ":"))
        valueAt = ts_node_end_byte(child.node);
    }
    if (!key)
      key = nullAt(pointRange(ts_node_start_byte(node)));
    if (!value)
      value = nullAt(pointRange(valueAt));
    return {std::move(*key), std::move(*value)};
  }

  static bool isMergeKey(const Node &key) {
    return key.isScalar() && key.style == ScalarStyle::Plain && key.tag.empty() && key.value == "<<";
  }

  Node mapping(TSNode node, int indent, size_t depth) {
    Node map;
    map.kind = NodeKind::Mapping;
    map.range = range(node);
    std::vector<std::pair<Node, Node>> entries;
    for (const Child &child : childrenOf(node)) {
      if (is(child.node, "block_mapping_pair") || is(child.node, "flow_pair")) {
        entries.push_back(pair(child.node, indent, depth));
      } else if (is(child.node, "flow_node")) {
        Node key = build(child.node, indent, depth);
        Node value = nullAt(pointRange(ts_node_end_byte(child.node)));
        entries.emplace_back(std::move(key), std::move(value));
      }
    }
    bool hasMerge = false;
    for (const auto &entry : entries)
      hasMerge = hasMerge || isMergeKey(entry.first);
    if (!hasMerge) {
      map.entries = std::move(entries);
      return map;
    }
    std::set<std::string> defined;
    for (const auto &[key, value] : entries)
      if (key.isScalar() && !isMergeKey(key))
        defined.insert(key.value);
    for (auto &entry : entries) {
      if (!isMergeKey(entry.first)) {
        map.entries.push_back(std::move(entry));
        continue;
      }
      const Node &value = entry.second;
      std::vector<const Node *> sources;
      if (value.isMapping()) {
        sources.push_back(&value);
      } else if (value.isSequence()) {
        for (const Node &item : value.items) {
          if (item.isMapping())
            sources.push_back(&item);
          else
            error(item.range, "a merge key ('<<') needs mappings to merge");
        }
      } else {
        error(value.range, "a merge key ('<<') needs a mapping or a sequence of mappings");
      }
      for (const Node *source : sources) {
        for (const auto &[key, merged] : source->entries) {
          if (key.isScalar() && !defined.insert(key.value).second)
            continue;
          map.entries.emplace_back(key, merged);
        }
      }
    }
    return map;
  }

  Node sequence(TSNode node, int indent, size_t depth) {
    Node seq;
    seq.kind = NodeKind::Sequence;
    seq.range = range(node);
    bool block = is(node, "block_sequence");
    for (const Child &child : childrenOf(node)) {
      if (block && is(child.node, "block_sequence_item")) {
        bool found = false;
        for (const Child &inner : childrenOf(child.node)) {
          if (is(inner.node, "block_node") || is(inner.node, "flow_node")) {
            seq.items.push_back(build(inner.node, indent, depth));
            found = true;
            break;
          }
        }
        if (!found)
          seq.items.push_back(nullAt(pointRange(ts_node_end_byte(child.node))));
      } else if (!block && (is(child.node, "flow_node") || is(child.node, "flow_pair"))) {
        seq.items.push_back(build(child.node, indent, depth));
      }
    }
    return seq;
  }

  std::unordered_map<std::string, Anchor> anchors_;
  size_t expanded_ = 0;
  bool budgetReported_ = false;
};

// ---------------------------------------------------------------------------------------------
// JSON

class JsonBuilder : BuilderBase {
public:
  using BuilderBase::BuilderBase;

  void document(TSNode root, std::vector<Document> &documents) {
    if (!is(root, "document"))
      return; // nothing reliable survives a top-level ERROR
    for (const Child &child : childrenOf(root)) {
      if (!ts_node_is_named(child.node) || is(child.node, "comment") || is(child.node, "ERROR"))
        continue;
      Document doc;
      doc.range = range(root);
      doc.root = build(child.node, 0);
      documents.push_back(std::move(doc));
    }
  }

private:
  Node build(TSNode node, size_t depth) {
    if (is(node, "object") || is(node, "array")) {
      if (!checkDepth(depth, node))
        return nullAt(range(node));
      Node result;
      result.range = range(node);
      bool object = is(node, "object");
      result.kind = object ? NodeKind::Mapping : NodeKind::Sequence;
      for (const Child &child : childrenOf(node)) {
        if (!ts_node_is_named(child.node) || is(child.node, "comment") || is(child.node, "ERROR"))
          continue;
        if (object && is(child.node, "pair")) {
          std::optional<Node> key, value;
          uint32_t valueAt = ts_node_end_byte(child.node);
          for (const Child &part : childrenOf(child.node)) {
            if (part.field && std::strcmp(part.field, "key") == 0)
              key = build(part.node, depth + 1);
            else if (part.field && std::strcmp(part.field, "value") == 0)
              value = build(part.node, depth + 1);
            else if (is(part.node, ":"))
              valueAt = ts_node_end_byte(part.node);
          }
          if (!key)
            key = nullAt(pointRange(ts_node_start_byte(child.node)));
          if (!value)
            value = nullAt(pointRange(valueAt));
          result.entries.emplace_back(std::move(*key), std::move(*value));
        } else if (!object) {
          result.items.push_back(build(child.node, depth + 1));
        }
      }
      return result;
    }
    Node result;
    result.range = range(node);
    uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    Decoded decoded;
    if (is(node, "string")) {
      result.style = ScalarStyle::DoubleQuoted;
      if (end - begin >= 2)
        decodeString(begin + 1, end - 1, decoded);
    } else if (is(node, "number") || is(node, "true") || is(node, "false") || is(node, "null")) {
      result.style = ScalarStyle::Plain;
      decoded.putSource(source_, begin, end);
    } else {
      return nullAt(range(node));
    }
    finishScalar(result, std::move(decoded), source_, lines_);
    return result;
  }

  void decodeString(uint32_t begin, uint32_t end, Decoded &out) {
    std::string_view s = source_;
    for (uint32_t i = begin; i < end;) {
      if (s[i] != '\\') {
        out.put(s[i], i);
        ++i;
        continue;
      }
      char c = i + 1 < end ? s[i + 1] : '\0';
      static constexpr std::string_view kFrom = "\"\\/bfnrt", kTo = "\"\\/\b\f\n\r\t";
      if (size_t k = kFrom.find(c); c != '\0' && k != std::string_view::npos) {
        out.put(kTo[k], i);
        i += 2;
        continue;
      }
      uint32_t cp, low;
      if (c == 'u' && i + 6 <= end && hexValue(s, i + 2, 4, cp)) {
        uint32_t len = 6;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 12 <= end && s[i + 6] == '\\' && s[i + 7] == 'u' &&
            hexValue(s, i + 8, 4, low) && low >= 0xDC00 && low < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00); // a surrogate pair
          len = 12;
        }
        out.putCodepoint(cp, i, len);
        i += len;
        continue;
      }
      error(lines_.range(i, std::min(i + 2, end)),
            "invalid escape sequence '" + std::string(s.substr(i, std::min<uint32_t>(2, end - i))) + "'");
      out.put('\\', i);
      ++i;
    }
  }
};

struct ParserDeleter {
  void operator()(TSParser *parser) const { ts_parser_delete(parser); }
};

/// Parses [begin, end) of `text` without the `skipped` byte ranges; positions are the whole text's.
TreePtr parseRanges(TSParser *parser, std::string_view text, const LineTable &lines, uint32_t begin, uint32_t end,
                    const std::vector<std::pair<uint32_t, uint32_t>> &skipped, ParseCache *cache = nullptr,
                    const std::string &file = {}) {
  std::vector<TSRange> ranges;
  auto add = [&](uint32_t from, uint32_t to) {
    if (from >= to)
      return;
    SourceLoc b = lines.loc(from), e = lines.loc(to);
    ranges.push_back(TSRange{TSPoint{b.line - 1, b.column - 1}, TSPoint{e.line - 1, e.column - 1}, from, to});
  };
  uint32_t at = begin;
  for (const auto &[from, to] : skipped) {
    if (to <= at || from >= end)
      continue;
    add(at, std::min(from, end));
    at = std::max(at, to);
  }
  add(at, end);
  if (ranges.empty()) { // everything skipped: parse nothing
    SourceLoc b = lines.loc(begin);
    ranges.push_back(TSRange{TSPoint{b.line - 1, b.column - 1}, TSPoint{b.line - 1, b.column - 1}, begin, begin});
  }
  if (!ts_parser_set_included_ranges(parser, ranges.data(), static_cast<uint32_t>(ranges.size())))
    return nullptr;
  if (cache)
    return cache->parse(parser, file, text);
  return TreePtr(ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size())));
}

ParseResult parseWith(const TSLanguage *language, bool yaml, std::string_view text, const std::string &file,
                      const ParseLimits &limits, ParseCache *cache) {
  ParseResult result;
  SourceRange top{SourceLoc{file, 1, 1, 0}, {}};
  if (text.size() >= UINT32_MAX) {
    result.diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", top, "file too large to parse"));
    return result;
  }
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), language)) {
    result.diagnostics.push_back(
        makeDiagnostic(Level::Error, "parse-error", top, "cannot load the tree-sitter grammar"));
    return result;
  }
  if (!yaml) {
    TreePtr tree = cache ? cache->parse(parser.get(), file, text)
                         : TreePtr(ts_parser_parse_string(parser.get(), nullptr, text.data(),
                                                          static_cast<uint32_t>(text.size())));
    if (!tree)
      return result;
    TSNode root = ts_tree_root_node(tree.get());
    result.diagnostics = locatedSyntaxErrors(file, text, root, text.size());
    JsonBuilder(text, file, limits, result.diagnostics).document(root, result.documents);
    return result;
  }

  std::vector<std::pair<uint32_t, uint32_t>> skipped;
  std::string guarded = guardBlockNesting(text, file, result.diagnostics, skipped);
  if (!guarded.empty())
    text = guarded;
  LineTable lines(text, file);
  uint32_t size = static_cast<uint32_t>(text.size());
  TreePtr tree = parseRanges(parser.get(), text, lines, 0, size, skipped, cache, file);
  if (!tree)
    return result;
  TSNode root = ts_tree_root_node(tree.get());
  std::vector<uint32_t> markers = documentMarkers(text);
  if (!markers.empty() && markers.front() != 0)
    markers.insert(markers.begin(), 0);
  YamlBuilder builder(text, file, limits, result.diagnostics);
  if (!ts_node_has_error(root) || markers.size() < 2) {
    for (Diagnostic &diagnostic : locatedSyntaxErrors(file, text, root, text.size()))
      result.diagnostics.push_back(std::move(diagnostic));
    builder.stream(root, result.documents);
    return result;
  }
  // A syntax error in one document of a stream must not cost the others: parse each
  // document on its own (positions stay those of the whole text).
  for (size_t i = 0; i < markers.size(); ++i) {
    uint32_t begin = markers[i];
    uint32_t end = i + 1 < markers.size() ? markers[i + 1] : size;
    TreePtr part = parseRanges(parser.get(), text, lines, begin, end, skipped);
    if (!part)
      continue;
    TSNode partRoot = ts_tree_root_node(part.get());
    for (Diagnostic &diagnostic : locatedSyntaxErrors(file, text, partRoot, end))
      result.diagnostics.push_back(std::move(diagnostic));
    builder.stream(partRoot, result.documents);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Embedded documents: positions in the inner text → positions in the outer file.

class Remapper {
public:
  explicit Remapper(const Node &outer) : outer_(outer) {}

  SourceLoc loc(const SourceLoc &inner) const { return outer_.locate(inner.offset); }
  SourceRange range(const SourceRange &inner) const {
    SourceRange out;
    out.begin = loc(inner.begin);
    if (inner.end.valid()) {
      if (inner.end.offset > inner.begin.offset) {
        // The end is exclusive: map the last byte and step past it.
        out.end = loc(SourceLoc{inner.end.file, 0, 0, inner.end.offset - 1});
        out.end.column += 1;
        out.end.offset += 1;
      } else {
        out.end = out.begin;
      }
    }
    return out;
  }
  void node(Node &n) const {
    if (n.isScalar() && n.offsets.empty())
      n.offsets.push_back(OffsetMapping{0, n.range.begin}); // remapped below, split where needed
    n.range = range(n.range);
    if (!n.offsets.empty()) {
      std::vector<OffsetMapping> mapped;
      for (size_t i = 0; i < n.offsets.size(); ++i) {
        size_t valueBegin = n.offsets[i].valueOffset;
        size_t valueEnd = i + 1 < n.offsets.size() ? n.offsets[i + 1].valueOffset : n.value.size();
        uint32_t innerBegin = n.offsets[i].source.offset;
        mapped.push_back(OffsetMapping{valueBegin, outer_.locate(innerBegin)});
        // Split where the outer scalar's own runs break (a new source line, an escape).
        size_t innerEnd = innerBegin + (valueEnd - valueBegin);
        auto run = std::upper_bound(outer_.offsets.begin(), outer_.offsets.end(), size_t(innerBegin),
                                    [](size_t offset, const OffsetMapping &r) { return offset < r.valueOffset; });
        for (; run != outer_.offsets.end() && run->valueOffset < innerEnd; ++run)
          mapped.push_back(OffsetMapping{valueBegin + (run->valueOffset - innerBegin), run->source});
      }
      n.offsets = std::move(mapped);
    }
    for (Node &item : n.items)
      node(item);
    for (auto &[key, value] : n.entries) {
      node(key);
      node(value);
    }
  }

private:
  const Node &outer_;
};

bool looksLikeJson(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (isBlank(text[i]) || text[i] == '\n' || text[i] == '\r'))
    ++i;
  return i < text.size() && (text[i] == '{' || text[i] == '[');
}

bool hasErrors(const ParseResult &result) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic &d) { return d.level == Level::Error; });
}

// YAML 1.2 core schema.
bool isDigits(std::string_view s, bool (*digit)(char)) { return !s.empty() && std::all_of(s.begin(), s.end(), digit); }
bool isDec(char c) { return c >= '0' && c <= '9'; }
bool isOct(char c) { return c >= '0' && c <= '7'; }
bool isHex(char c) { return isDec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool coreNull(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }
bool coreBool(std::string_view s) {
  return s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE";
}
bool coreInt(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o')
    return isDigits(s.substr(2), isOct);
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x')
    return isDigits(s.substr(2), isHex);
  if (!s.empty() && (s[0] == '-' || s[0] == '+'))
    s.remove_prefix(1);
  return isDigits(s, isDec);
}
bool coreFloat(std::string_view s) {
  if (s == ".nan" || s == ".NaN" || s == ".NAN")
    return true;
  if (!s.empty() && (s[0] == '-' || s[0] == '+'))
    s.remove_prefix(1);
  if (s == ".inf" || s == ".Inf" || s == ".INF")
    return true;
  size_t i = 0, intDigits = 0, fracDigits = 0;
  while (i < s.size() && isDec(s[i]))
    ++i, ++intDigits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && isDec(s[i]))
      ++i, ++fracDigits;
  }
  if (intDigits == 0 && fracDigits == 0)
    return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
      ++i;
    size_t expDigits = 0;
    while (i < s.size() && isDec(s[i]))
      ++i, ++expDigits;
    if (expDigits == 0)
      return false;
  }
  return i == s.size();
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Node

const Node *Node::get(std::string_view key) const {
  const Node *found = nullptr;
  for (const auto &[k, v] : entries)
    if (k.isScalar() && k.value == key)
      found = &v; // the last one wins, like libyaml-based loaders
  return found;
}

SourceLoc Node::locate(size_t valueOffset) const {
  if (offsets.empty()) {
    // One run from the start of the node (a scalar on one line, or a null/collection).
    SourceLoc loc = range.begin;
    if (kind == NodeKind::Scalar) {
      loc.column += static_cast<uint32_t>(valueOffset);
      loc.offset += static_cast<uint32_t>(valueOffset);
    }
    return loc;
  }
  auto it = std::upper_bound(offsets.begin(), offsets.end(), valueOffset,
                             [](size_t offset, const OffsetMapping &run) { return offset < run.valueOffset; });
  if (it != offsets.begin())
    --it;
  SourceLoc loc = it->source;
  size_t delta = valueOffset >= it->valueOffset ? valueOffset - it->valueOffset : 0;
  loc.column += static_cast<uint32_t>(delta);
  loc.offset += static_cast<uint32_t>(delta);
  return loc;
}

bool Node::isPlainNonString() const {
  if (kind == NodeKind::Null)
    return true;
  if (kind != NodeKind::Scalar)
    return false;
  if (tag == "!!null" || tag == "!!bool" || tag == "!!int" || tag == "!!float")
    return true;
  if (!tag.empty() || style != ScalarStyle::Plain)
    return false;
  return coreNull(value) || coreBool(value) || coreInt(value) || coreFloat(value);
}

// ---------------------------------------------------------------------------------------------
// Entry points

ParseResult parseYaml(std::string_view text, const std::string &file, const ParseLimits &limits) {
  return parseWith(tree_sitter_yaml(), true, text, file, limits, nullptr);
}

ParseResult parseJson(std::string_view text, const std::string &file, const ParseLimits &limits) {
  return parseWith(tree_sitter_json(), false, text, file, limits, nullptr);
}

namespace detail {
ParseResult parseDocuments(std::string_view text, const std::string &file, bool json, const ParseLimits &limits,
                           ParseCache *cache) {
  return json ? parseWith(tree_sitter_json(), false, text, file, limits, cache)
              : parseWith(tree_sitter_yaml(), true, text, file, limits, cache);
}
} // namespace detail

ParseResult parseEmbedded(const Node &scalar, const ParseLimits &limits) {
  const std::string &file = scalar.range.file();
  ParseResult result;
  if (looksLikeJson(scalar.value)) {
    result = parseJson(scalar.value, file, limits);
    if (hasErrors(result)) {
      ParseResult asYaml = parseYaml(scalar.value, file, limits);
      if (!hasErrors(asYaml))
        result = std::move(asYaml);
    }
  } else {
    result = parseYaml(scalar.value, file, limits);
  }
  Remapper remap(scalar);
  for (Document &doc : result.documents) {
    doc.range = remap.range(doc.range);
    remap.node(doc.root);
  }
  for (Diagnostic &diagnostic : result.diagnostics)
    diagnostic.range = remap.range(diagnostic.range);
  return result;
}

} // namespace cloudpact::syntax
