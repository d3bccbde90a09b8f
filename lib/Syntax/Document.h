#pragma once
// The YAML/JSON document model with positions, built over the tree-sitter YAML and JSON
// grammars. Used by Policy, Kubernetes, and Terraform's yamldecode/jsondecode.
#include "Core/Diagnostic.h"
#include "Core/SourceLoc.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cloudpact::syntax {

enum class NodeKind { Null, Scalar, Mapping, Sequence };
enum class ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

/// Maps a byte offset in a decoded scalar back to the source (block scalars span lines).
struct OffsetMapping {
  size_t valueOffset; // start of a run in the decoded value
  SourceLoc source;   // where that run starts in the file
};

struct Node {
  NodeKind kind = NodeKind::Null;
  std::string value;       // decoded scalar text (empty for collections)
  std::string tag;         // explicit tag as written ("!!str", "!Ref"), empty when none
  ScalarStyle style = ScalarStyle::Plain;
  SourceRange range;       // the whole node
  std::vector<Node> items;                      // Sequence
  std::vector<std::pair<Node, Node>> entries;   // Mapping, in source order (key, value)
  std::vector<OffsetMapping> offsets;           // Scalar: its runs; none = one run from range.begin

  bool isScalar() const { return kind == NodeKind::Scalar; }
  bool isMapping() const { return kind == NodeKind::Mapping; }
  bool isSequence() const { return kind == NodeKind::Sequence; }
  bool isNull() const { return kind == NodeKind::Null; }
  /// The value of a mapping entry whose key is the scalar `key`, or nullptr.
  const Node *get(std::string_view key) const;
  /// Source position of the byte at `valueOffset` of a decoded scalar.
  SourceLoc locate(size_t valueOffset) const;
  /// A plain scalar that YAML 1.2 core schema resolves to null/bool/int/float is not a string.
  bool isPlainNonString() const;
};

struct Document {
  Node root;
  SourceRange range;
};

struct ParseLimits {
  size_t maxAliasExpansions = 10000; // total nodes copied through aliases per stream
  size_t maxDepth = 256;
};

struct ParseResult {
  std::vector<Document> documents;
  std::vector<Diagnostic> diagnostics; // parse-error with file:line:col; partial documents kept
};

/// Parses a YAML stream (several documents). `file` names positions.
ParseResult parseYaml(std::string_view text, const std::string &file, const ParseLimits &limits = {});
/// Parses one JSON text.
ParseResult parseJson(std::string_view text, const std::string &file, const ParseLimits &limits = {});
/// Parses a YAML (or JSON) file embedded in a scalar, positions mapped back through its offsets.
ParseResult parseEmbedded(const Node &scalar, const ParseLimits &limits = {});

} // namespace cloudpact::syntax
