#pragma once
// Terraform configuration as blocks and attributes, read from native HCL syntax (tree-sitter)
// or JSON syntax (.tf.json). Expressions stay syntax nodes; Evaluator turns them into Values.
#include "Core/Diagnostic.h"
#include "Core/SourceLoc.h"
#include "Syntax/Document.h"
#include "Syntax/TreeSitter.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudpact::terraform {

/// One parsed file. Synthetic sources (template files, JSON strings holding templates) shift
/// their positions back into the file they came from.
struct ParsedFile {
  std::string path; // display path
  std::string text;
  syntax::TreePtr tree;                  // native syntax
  std::shared_ptr<const syntax::Document> json; // JSON syntax
  uint32_t lineShift = 0;   // subtracted from lines of the tree
  uint32_t offsetShift = 0; // subtracted from byte offsets of the tree
  SourceRange pinned;       // when valid, every node maps to this range (JSON strings)

  SourceRange rangeOf(TSNode node) const;
  std::string_view textOf(TSNode node) const;
};

/// An expression: a tree-sitter `expression` node, a template body, or a JSON value.
struct Expr {
  const ParsedFile *file = nullptr;
  TSNode node{};                       // HCL: an expression (or template) node
  const syntax::Node *json = nullptr;  // JSON syntax value
  bool jsonLiteral = false;            // tfvars.json: strings are plain strings, not templates

  bool valid() const { return file && (json || !ts_node_is_null(node)); }
  SourceRange range() const;
};

struct Attribute {
  std::string name;
  Expr expr;
  SourceRange range;     // the whole `name = value`
  SourceRange nameRange; // the name
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;
  SourceRange range;
  SourceRange typeRange;
  const ParsedFile *file = nullptr;

  const Attribute *attr(std::string_view name) const;
  std::vector<const Block *> children(std::string_view type) const;
};

/// A configuration file's top-level blocks (and, for tfvars, top-level attributes).
struct FileContents {
  std::vector<Block> blocks;
  std::vector<Attribute> attributes;
};

/// Reads native syntax. Syntax errors become parse-error diagnostics; the rest is still read.
FileContents readHcl(const ParsedFile &file, std::vector<Diagnostic> &diagnostics);
/// Reads JSON syntax (.tf.json: templates in strings; tfvars.json: plain values).
FileContents readJson(const ParsedFile &file, bool tfvars, std::vector<Diagnostic> &diagnostics);

/// Parses `text` as native syntax into `file` (which keeps the tree and the text).
void parseHcl(ParsedFile &file);

/// Decodes a quoted string literal's body ("\n", "\"", "\u00e9", "$${" ...).
std::string unescapeQuoted(std::string_view body);

} // namespace cloudpact::terraform
