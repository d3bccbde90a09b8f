#include "Cxx/CxxTables.h"

#include <cctype>

namespace cloudpact::cxx {

namespace {

class PathParser {
public:
  PathParser(const std::string &text) : text_(text) {}

  bool parseExpr(PathExpr &out, std::string &error) {
    skipSpace();
    if (atEnd())
      return true;
    while (true) {
      std::vector<PathTerm> alternative;
      if (!parseAlternative(alternative))
        return fail(error);
      out.alternatives.push_back(std::move(alternative));
      skipSpace();
      if (atEnd())
        return true;
      if (!eat('|'))
        return fail(error, "expected '|' or '+'");
    }
  }

  bool parsePath(AccessPath &path) {
    skipSpace();
    if (eatWord("Argument[")) {
      path.root = AccessPath::Root::Argument;
      size_t close = text_.find(']', pos_);
      if (close == std::string::npos)
        return expected("']'");
      std::string selector = text_.substr(pos_, close - pos_);
      pos_ = close + 1;
      if (!parseSelector(selector, path))
        return false;
    } else if (eatWord("ReturnValue")) {
      path.root = AccessPath::Root::ReturnValue;
    } else if (eatWord("Global[")) {
      path.root = AccessPath::Root::Global;
      size_t close = text_.find(']', pos_);
      if (close == std::string::npos || close == pos_)
        return expected("a global name and ']'");
      path.selector = text_.substr(pos_, close - pos_);
      pos_ = close + 1;
    } else {
      return expected("Argument[...], ReturnValue, Global[...], \"literal\" or env:NAME");
    }
    while (eat('.')) {
      PathSegment segment;
      if (eat('{')) {
        auto inner = std::make_shared<AccessPath>();
        if (!parsePath(*inner))
          return false;
        if (!eat('}'))
          return expected("'}'");
        segment.dynamic = std::move(inner);
      } else {
        segment.name = identifier();
        if (segment.name.empty())
          return expected("a property name");
      }
      path.segments.push_back(std::move(segment));
    }
    return true;
  }

  std::string message;

private:
  bool parseAlternative(std::vector<PathTerm> &terms) {
    while (true) {
      PathTerm term;
      if (!parseTerm(term))
        return false;
      terms.push_back(std::move(term));
      skipSpace();
      if (!eat('+'))
        return true;
    }
  }

  bool parseTerm(PathTerm &term) {
    skipSpace();
    if (eat('"')) {
      size_t close = text_.find('"', pos_);
      if (close == std::string::npos)
        return expected("closing '\"'");
      term.kind = PathTerm::Kind::Literal;
      term.text = text_.substr(pos_, close - pos_);
      pos_ = close + 1;
      return true;
    }
    if (eatWord("env:")) {
      term.kind = PathTerm::Kind::Env;
      term.text = identifier();
      if (term.text.empty())
        return expected("an environment variable name");
      return true;
    }
    term.kind = PathTerm::Kind::Path;
    return parsePath(term.path);
  }

  bool parseSelector(const std::string &selector, AccessPath &path) {
    if (selector == "*") {
      path.select = AccessPath::Select::All;
      return true;
    }
    bool numeric = !selector.empty();
    size_t digits = 0;
    for (size_t i = 0; i < selector.size(); ++i) {
      char c = selector[i];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ++digits;
      } else if (!(c == '-' && i == 0) && !(c == '.' && i + 2 == selector.size() && selector[i + 1] == '.') &&
                 !(c == '.' && i + 1 == selector.size() && i > 0 && selector[i - 1] == '.')) {
        numeric = false;
        break;
      }
    }
    if (numeric && digits > 0) {
      bool from = selector.size() > 2 && selector.compare(selector.size() - 2, 2, "..") == 0;
      path.select = from ? AccessPath::Select::From : AccessPath::Select::Index;
      path.index = std::stoi(from ? selector.substr(0, selector.size() - 2) : selector);
      if (path.index < -1)
        return expected("an argument index of -1 or more");
      return true;
    }
    if (selector.empty())
      return expected("an argument selector");
    for (char c : selector)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':'))
        return expected("an argument index, '*', a parameter name or a type name");
    path.selector = selector;
    path.select = selector.find("::") != std::string::npos ? AccessPath::Select::Type : AccessPath::Select::Name;
    return true;
  }

  std::string identifier() {
    size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_'))
      ++pos_;
    return text_.substr(start, pos_ - start);
  }

  void skipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
      ++pos_;
  }
  bool atEnd() const { return pos_ >= text_.size(); }
  bool eat(char c) {
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool eatWord(const char *word) {
    std::string w(word);
    if (text_.compare(pos_, w.size(), w) == 0) {
      pos_ += w.size();
      return true;
    }
    return false;
  }
  bool expected(const std::string &what) {
    if (message.empty())
      message = "expected " + what + " at offset " + std::to_string(pos_);
    return false;
  }
  bool fail(std::string &error, const std::string &what = {}) {
    if (!what.empty())
      expected(what);
    error = message;
    return false;
  }

  const std::string &text_;
  size_t pos_ = 0;
};

} // namespace

bool parsePathExpr(const std::string &text, PathExpr &out, std::string &error) {
  out = PathExpr{};
  out.source = text;
  PathParser parser(text);
  return parser.parseExpr(out, error);
}

std::string formatPath(const AccessPath &path) {
  std::string out;
  switch (path.root) {
  case AccessPath::Root::ReturnValue: out = "ReturnValue"; break;
  case AccessPath::Root::Global: out = "Global[" + path.selector + "]"; break;
  case AccessPath::Root::Argument:
    switch (path.select) {
    case AccessPath::Select::Index: out = "Argument[" + std::to_string(path.index) + "]"; break;
    case AccessPath::Select::From: out = "Argument[" + std::to_string(path.index) + "..]"; break;
    case AccessPath::Select::All: out = "Argument[*]"; break;
    case AccessPath::Select::Name:
    case AccessPath::Select::Type: out = "Argument[" + path.selector + "]"; break;
    }
    break;
  }
  for (const auto &segment : path.segments)
    out += "." + (segment.dynamic ? "{" + formatPath(*segment.dynamic) + "}" : segment.name);
  return out;
}

const char *sinkKindName(SinkKind kind) {
  switch (kind) {
  case SinkKind::Model: return "model";
  case SinkKind::Endpoint: return "endpoint";
  case SinkKind::Region: return "region";
  case SinkKind::Cloud: return "cloud";
  case SinkKind::Sigv4: return "sigv4";
  }
  return "?";
}

const char *summaryKindName(SummaryKind kind) {
  switch (kind) {
  case SummaryKind::Value: return "value";
  case SummaryKind::Setter: return "setter";
  case SummaryKind::Alias: return "alias";
  case SummaryKind::Construct: return "construct";
  case SummaryKind::Format: return "format";
  case SummaryKind::Json: return "json";
  case SummaryKind::ValueType: return "value_type";
  case SummaryKind::Handle: return "handle";
  }
  return "?";
}

namespace {

bool sinkKindFromName(const std::string &name, SinkKind &out) {
  for (SinkKind kind : {SinkKind::Model, SinkKind::Endpoint, SinkKind::Region, SinkKind::Cloud, SinkKind::Sigv4})
    if (name == sinkKindName(kind)) {
      out = kind;
      return true;
    }
  return false;
}

bool summaryKindFromName(const std::string &name, SummaryKind &out) {
  for (SummaryKind kind : {SummaryKind::Value, SummaryKind::Setter, SummaryKind::Alias, SummaryKind::Construct,
                           SummaryKind::Format, SummaryKind::Json, SummaryKind::ValueType, SummaryKind::Handle})
    if (name == summaryKindName(kind)) {
      out = kind;
      return true;
    }
  return false;
}

void parseCell(Tables &tables, const char *table, size_t row, const char *text, PathExpr &out) {
  std::string error;
  if (!parsePathExpr(text, out, error))
    tables.errors.push_back(std::string(table) + " row " + std::to_string(row + 1) + ": '" + text + "': " + error);
}

void addSink(Tables &t, const char *ns, const char *cls, bool subtypes, const char *method, const char *input,
             const char *kind, const char *cloud, const char *provenance) {
  SinkRow row;
  row.ns = ns;
  row.cls = cls;
  row.subtypes = subtypes;
  row.method = method;
  parseCell(t, "SinkTable.def", t.sinks.size(), input, row.input);
  if (!sinkKindFromName(kind, row.kind))
    t.errors.push_back("SinkTable.def row " + std::to_string(t.sinks.size() + 1) + ": unknown kind '" + kind + "'");
  row.cloud = std::string(cloud) == "none" ? std::string() : std::string(cloud);
  row.provenance = provenance;
  t.sinks.push_back(std::move(row));
}

void addSummary(Tables &t, const char *ns, const char *cls, bool subtypes, const char *method, const char *input,
                const char *output, const char *kind, const char *provenance) {
  SummaryRow row;
  row.ns = ns;
  row.cls = cls;
  row.subtypes = subtypes;
  row.method = method;
  parseCell(t, "SummaryTable.def", t.summaries.size(), input, row.input);
  parseCell(t, "SummaryTable.def", t.summaries.size(), output, row.output);
  if (!summaryKindFromName(kind, row.kind))
    t.errors.push_back("SummaryTable.def row " + std::to_string(t.summaries.size() + 1) + ": unknown kind '" + kind + "'");
  row.provenance = provenance;
  t.summaries.push_back(std::move(row));
}

void addSource(Tables &t, const char *ns, const char *cls, const char *method, const char *input, const char *kind,
               const char *phrase) {
  SourceRow row;
  row.ns = ns;
  row.cls = cls;
  row.method = method;
  parseCell(t, "SourceTable.def", t.sources.size(), input, row.input);
  if (std::string(kind) != "env")
    t.errors.push_back("SourceTable.def row " + std::to_string(t.sources.size() + 1) + ": unknown kind '" + kind + "'");
  row.phrase = phrase;
  t.sources.push_back(std::move(row));
}

Tables buildTables() {
  Tables t;
#define CLOUDPACT_SINK(Namespace, Class, Subtypes, Method, Input, Kind, Cloud, Provenance) \
  addSink(t, Namespace, Class, Subtypes, Method, Input, #Kind, #Cloud, #Provenance);
#define CLOUDPACT_API(Namespace, Class, Label) t.apis.push_back(ApiRow{Namespace, Class, Label});
#include "Cxx/SinkTable.def"
#define CLOUDPACT_SUMMARY(Namespace, Class, Subtypes, Method, Input, Output, Kind, Provenance) \
  addSummary(t, Namespace, Class, Subtypes, Method, Input, Output, #Kind, #Provenance);
#include "Cxx/SummaryTable.def"
#define CLOUDPACT_SOURCE(Namespace, Class, Method, Input, Kind, Phrase) \
  addSource(t, Namespace, Class, Method, Input, #Kind, Phrase);
#include "Cxx/SourceTable.def"
  return t;
}

} // namespace

const Tables &builtinTables() {
  static const Tables tables = buildTables();
  return tables;
}

Tables tablesWith(const std::vector<ExtensionRow> &rows, std::vector<Diagnostic> &diagnostics) {
  Tables tables = builtinTables();
  for (const ExtensionRow &row : rows) {
    auto cell = [&](const char *column) -> const std::string & {
      static const std::string none;
      auto it = row.cells.find(column);
      return it == row.cells.end() ? none : it->second;
    };
    auto path = [&](const char *column, PathExpr &out) {
      std::string error;
      if (parsePathExpr(cell(column), out, error))
        return true;
      auto where = row.where.find(column);
      diagnostics.push_back(makeDiagnostic(Level::Error, "policy-error", where == row.where.end() ? row.row : where->second,
                                           "bad access path '" + cell(column) + "' in '" + column + "': " + error));
      return false;
    };
    if (row.table == "sinks") {
      SinkRow sink{cell("namespace"), cell("class"), cell("subtypes") == "true", cell("method"), {}, {}, cell("cloud"), "policy"};
      if (path("input", sink.input) && sinkKindFromName(cell("kind"), sink.kind))
        tables.sinks.push_back(std::move(sink));
    } else if (row.table == "apis") {
      tables.apis.push_back(ApiRow{cell("namespace"), cell("class"), cell("label")});
    } else if (row.table == "summaries") {
      SummaryRow summary{cell("namespace"), cell("class"), cell("subtypes") == "true", cell("method"), {}, {}, {}, "policy"};
      bool ok = path("input", summary.input);
      ok = path("output", summary.output) && ok;
      if (ok && summaryKindFromName(cell("kind"), summary.kind))
        tables.summaries.push_back(std::move(summary));
    } else if (row.table == "sources") {
      SourceRow source{cell("namespace"), cell("class"), cell("method"), {}, SourceKind::Env, cell("phrase")};
      if (source.phrase.empty())
        source.phrase = "read by " + (source.ns.empty() ? std::string() : source.ns + "::") +
                        (source.cls.empty() ? std::string() : source.cls + "::") + source.method;
      if (path("input", source.input))
        tables.sources.push_back(std::move(source));
    }
  }
  return tables;
}

namespace {
std::string qualified(const std::string &ns, const std::string &cls, const std::string &method) {
  std::string out = ns;
  for (const std::string *part : {&cls, &method})
    if (!part->empty())
      out += (out.empty() ? "" : "::") + *part;
  return out.empty() ? std::string("(global)") : out;
}
std::string code(const std::string &text) {
  if (text.empty())
    return {};
  std::string out = "`";
  for (char c : text)
    out += c == '|' ? std::string("\\|") : std::string(1, c); // a bar would end the table cell
  return out + "`";
}
} // namespace

std::string formatTablesMarkdown(const Tables &tables) {
  std::string out;
  out += "### Model accesses (SinkTable.def)\n\n";
  out += "| API | call | model | endpoint | region / cloud | implied cloud |\n|---|---|---|---|---|---|\n";
  // One line per (namespace, class, method), the inputs grouped by kind.
  for (size_t i = 0; i < tables.sinks.size();) {
    const SinkRow &first = tables.sinks[i];
    std::string label;
    for (const auto &api : tables.apis)
      if (api.ns == first.ns && api.cls == first.cls)
        label = api.label + "…";
    std::string model, endpoint, region, cloud = first.cloud.empty() ? "—" : first.cloud;
    size_t j = i;
    for (; j < tables.sinks.size() && tables.sinks[j].ns == first.ns && tables.sinks[j].cls == first.cls &&
           tables.sinks[j].method == first.method;
         ++j) {
      const SinkRow &row = tables.sinks[j];
      std::string *cell = row.kind == SinkKind::Model ? &model : row.kind == SinkKind::Endpoint ? &endpoint : &region;
      std::string text = code(row.input.source);
      if (row.kind == SinkKind::Sigv4)
        text += " (SigV4: region, cloud aws)";
      *cell += (cell->empty() ? "" : "<br>") + text;
    }
    out += "| " + label + " | " + code(qualified(first.ns, first.cls, first.method) + (first.subtypes ? " (and subclasses)" : "")) +
           " | " + model + " | " + endpoint + " | " + region + " | " + cloud + " |\n";
    i = j;
  }
  out += "\n### How library calls move values (SummaryTable.def)\n\n";
  out += "| call | input | output | kind |\n|---|---|---|---|\n";
  for (const auto &row : tables.summaries)
    out += "| " + code(qualified(row.ns, row.cls, row.method)) + " | " + code(row.input.source) + " | " +
           code(row.output.source) + " | " + summaryKindName(row.kind) + " |\n";
  out += "\n### Environment reads (SourceTable.def)\n\n";
  out += "| call | variable name | trace step |\n|---|---|---|\n";
  for (const auto &row : tables.sources)
    out += "| " + code(qualified(row.ns, row.cls, row.method)) + " | " + code(row.input.source) + " | " + row.phrase + " |\n";
  return out;
}

bool nameMatches(const std::string &pattern, const std::string &name) {
  // Iterative glob with '*' only.
  size_t p = 0, n = 0, star = std::string::npos, mark = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string::npos) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

std::vector<std::string> splitQualified(const std::string &name) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < name.size()) {
    size_t next = name.find("::", start);
    std::string part = name.substr(start, next == std::string::npos ? std::string::npos : next - start);
    if (!part.empty())
      parts.push_back(part);
    if (next == std::string::npos)
      break;
    start = next + 2;
  }
  return parts;
}

} // namespace cloudpact::cxx
