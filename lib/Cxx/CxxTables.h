#pragma once
// The C++ frontend's knowledge as data: sink, summary and source rows (SinkTable.def,
// SummaryTable.def, SourceTable.def) and the access-path language their Input/Output cells use.
// No Clang here: the tables are parsed and checked by unit tests without building an AST.
//
// Access paths (CodeQL models-as-data style):
//   expr   := alt ('|' alt)*          or else: the first alternative that is given
//                                     (an env: term may be unset, so it joins the next one)
//   alt    := term ('+' term)*        concatenation
//   term   := "literal" | env:NAME | path
//   path   := root ('.' segment)*
//   root   := Argument[N]             N-th argument; -1 is the object (this)
//           | Argument[N..]           arguments from N on (construct rows)
//           | Argument[*]             every argument
//           | Argument[name]          the argument bound to the parameter called name
//           | Argument[ns::Type]      the argument whose type is ns::Type
//           | ReturnValue | Global[name]
//   segment:= Name | {path}           a property; {path} names it by the path's value
//                                     (an enumerator's or a literal's text: CURLOPT_URL)
#include "Core/Diagnostic.h"
#include "Policy/Policy.h"

#include <memory>
#include <string>
#include <vector>

namespace cloudpact::cxx {

struct AccessPath;

struct PathSegment {
  std::string name;                    // fixed property name
  std::shared_ptr<AccessPath> dynamic; // or the path whose value names it
};

struct AccessPath {
  enum class Root { Argument, ReturnValue, Global };
  enum class Select { Index, From, All, Name, Type };
  Root root = Root::Argument;
  Select select = Select::Index;
  int index = 0;            // Index, From
  std::string selector;     // Name (parameter name), Type (qualified type), Global name
  std::vector<PathSegment> segments;
};

struct PathTerm {
  enum class Kind { Literal, Env, Path };
  Kind kind = Kind::Literal;
  std::string text; // literal text or environment variable name
  AccessPath path;
};

struct PathExpr {
  std::vector<std::vector<PathTerm>> alternatives; // each a concatenation of terms
  std::string source;                              // the cell as written
  bool empty() const { return alternatives.empty(); }
};

/// Parses an Input/Output cell; "" parses to an empty expression. False with `error` set.
bool parsePathExpr(const std::string &text, PathExpr &out, std::string &error);
/// The path back as text (for messages and docs).
std::string formatPath(const AccessPath &path);

enum class SinkKind { Model, Endpoint, Region, Cloud, Sigv4 };
enum class SummaryKind { Value, Setter, Alias, Construct, Format, Json, ValueType, Handle };
enum class SourceKind { Env };

const char *sinkKindName(SinkKind kind);
const char *summaryKindName(SummaryKind kind);

struct SinkRow {
  std::string ns, cls;
  bool subtypes = false;
  std::string method;
  PathExpr input;
  SinkKind kind = SinkKind::Model;
  std::string cloud; // "" for none
  std::string provenance;
};

struct ApiRow {
  std::string ns, cls, label;
};

struct SummaryRow {
  std::string ns, cls;
  bool subtypes = false;
  std::string method;
  PathExpr input, output;
  SummaryKind kind = SummaryKind::Value;
  std::string provenance;
};

struct SourceRow {
  std::string ns, cls, method;
  PathExpr input;
  SourceKind kind = SourceKind::Env;
  std::string phrase;
};

struct Tables {
  std::vector<SinkRow> sinks;
  std::vector<ApiRow> apis;
  std::vector<SummaryRow> summaries;
  std::vector<SourceRow> sources;
  std::vector<std::string> errors; // cells that failed to parse: "SinkTable.def row 3: ..."
};

/// The built-in tables, parsed once.
const Tables &builtinTables();
/// The built-in tables with a policy's rows after them (`extensions: cxx:`). A cell that does
/// not parse drops its row with a policy-error diagnostic at the cell.
Tables tablesWith(const std::vector<ExtensionRow> &rows, std::vector<Diagnostic> &diagnostics);

/// The tables as Markdown (docs/cxx.md embeds this between its GENERATED markers).
std::string formatTablesMarkdown(const Tables &tables);

/// Globs in Class and Method cells: '*' matches any run of characters.
bool nameMatches(const std::string &pattern, const std::string &name);
/// "Aws::BedrockRuntime" → {"Aws", "BedrockRuntime"}; "" → {}.
std::vector<std::string> splitQualified(const std::string &name);

} // namespace cloudpact::cxx
