#include "Cxx/CxxTables.h"
#include "Policy/LoaderKeys.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace cloudpact;
using namespace cloudpact::cxx;

TEST(CxxTables, AllCellsParse) {
  const Tables &tables = builtinTables();
  for (const auto &error : tables.errors)
    ADD_FAILURE() << error;
  EXPECT_GT(tables.sinks.size(), 40u);
  EXPECT_GT(tables.summaries.size(), 60u);
  EXPECT_EQ(tables.sources.size(), 4u);
}

TEST(CxxTables, EverySinkHasAnApiLabel) {
  const Tables &tables = builtinTables();
  for (const auto &sink : tables.sinks) {
    bool found = false;
    for (const auto &api : tables.apis)
      found = found || (api.ns == sink.ns && api.cls == sink.cls);
    EXPECT_TRUE(found) << sink.ns << "::" << sink.cls << "::" << sink.method;
  }
}

TEST(CxxTables, SinkRowsReadArgumentsOrTheObject) {
  for (const auto &sink : builtinTables().sinks) {
    ASSERT_FALSE(sink.input.empty()) << sink.method;
    for (const auto &alternative : sink.input.alternatives) {
      for (const auto &term : alternative) {
        if (term.kind == PathTerm::Kind::Path) {
          EXPECT_EQ(term.path.root, AccessPath::Root::Argument) << sink.input.source;
        }
      }
    }
  }
}

TEST(CxxTables, ParsesPaths) {
  PathExpr expr;
  std::string error;
  ASSERT_TRUE(parsePathExpr("Argument[-1].ModelId", expr, error)) << error;
  ASSERT_EQ(expr.alternatives.size(), 1u);
  const AccessPath &path = expr.alternatives[0][0].path;
  EXPECT_EQ(path.select, AccessPath::Select::Index);
  EXPECT_EQ(path.index, -1);
  ASSERT_EQ(path.segments.size(), 1u);
  EXPECT_EQ(path.segments[0].name, "ModelId");
  EXPECT_EQ(formatPath(path), "Argument[-1].ModelId");

  ASSERT_TRUE(parsePathExpr("Argument[0].{Argument[1]}", expr, error)) << error;
  ASSERT_TRUE(expr.alternatives[0][0].path.segments[0].dynamic);
  EXPECT_EQ(formatPath(expr.alternatives[0][0].path), "Argument[0].{Argument[1]}");

  ASSERT_TRUE(parsePathExpr("Argument[cpr::Url]", expr, error)) << error;
  EXPECT_EQ(expr.alternatives[0][0].path.select, AccessPath::Select::Type);
  ASSERT_TRUE(parsePathExpr("Argument[scheme_host_port]", expr, error)) << error;
  EXPECT_EQ(expr.alternatives[0][0].path.select, AccessPath::Select::Name);
  ASSERT_TRUE(parsePathExpr("Argument[1..]", expr, error)) << error;
  EXPECT_EQ(expr.alternatives[0][0].path.select, AccessPath::Select::From);
  EXPECT_EQ(expr.alternatives[0][0].path.index, 1);
  ASSERT_TRUE(parsePathExpr("Argument[*].region", expr, error)) << error;
  EXPECT_EQ(expr.alternatives[0][0].path.select, AccessPath::Select::All);

  ASSERT_TRUE(parsePathExpr("Argument[a] | env:OPENAI_API_BASE + \"/\" | \"https://x/\"", expr, error)) << error;
  ASSERT_EQ(expr.alternatives.size(), 3u);
  EXPECT_EQ(expr.alternatives[1].size(), 2u);
  EXPECT_EQ(expr.alternatives[1][0].kind, PathTerm::Kind::Env);
  EXPECT_EQ(expr.alternatives[1][0].text, "OPENAI_API_BASE");
  EXPECT_EQ(expr.alternatives[2][0].kind, PathTerm::Kind::Literal);
  EXPECT_EQ(expr.alternatives[2][0].text, "https://x/");
}

TEST(CxxTables, RejectsBadPaths) {
  PathExpr expr;
  std::string error;
  EXPECT_FALSE(parsePathExpr("Argument[", expr, error));
  EXPECT_NE(error.find("expected"), std::string::npos);
  EXPECT_FALSE(parsePathExpr("Argument[-2]", expr, error));
  EXPECT_FALSE(parsePathExpr("Foo", expr, error));
  EXPECT_FALSE(parsePathExpr("Argument[0].", expr, error));
  EXPECT_FALSE(parsePathExpr("\"open", expr, error));
  EXPECT_FALSE(parsePathExpr("Argument[0] Argument[1]", expr, error));
  EXPECT_TRUE(parsePathExpr("", expr, error));
  EXPECT_TRUE(expr.empty());
}

TEST(CxxTables, NameGlobs) {
  EXPECT_TRUE(nameMatches("Converse*", "Converse"));
  EXPECT_TRUE(nameMatches("Converse*", "ConverseStreamAsync"));
  EXPECT_FALSE(nameMatches("Converse*", "InvokeModel"));
  EXPECT_TRUE(nameMatches("*Request", "ConverseRequest"));
  EXPECT_FALSE(nameMatches("*Request", "RequestBuilder"));
  EXPECT_TRUE(nameMatches("", ""));
  EXPECT_FALSE(nameMatches("", "x"));
  EXPECT_EQ(splitQualified("Aws::BedrockRuntime"), (std::vector<std::string>{"Aws", "BedrockRuntime"}));
  EXPECT_TRUE(splitQualified("").empty());
}

// docs/cxx.md embeds the tables between markers; the text must be the generated one.
// CLOUDPACT_UPDATE_DOCS=1 rewrites it.
TEST(CxxTables, DocumentationIsGeneratedFromTheTables) {
  std::string path = std::string(CLOUDPACT_SOURCE_DIR) + "/docs/cxx.md";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string doc = buffer.str();
  const std::string begin = "<!-- BEGIN GENERATED: cxx tables -->\n", end = "<!-- END GENERATED -->";
  size_t from = doc.find(begin), to = doc.find(end);
  ASSERT_NE(from, std::string::npos) << "missing " << begin;
  ASSERT_NE(to, std::string::npos) << "missing " << end;
  from += begin.size();
  std::string expected = formatTablesMarkdown(builtinTables());
  if (std::getenv("CLOUDPACT_UPDATE_DOCS")) {
    doc.replace(from, to - from, expected);
    std::ofstream(path) << doc;
    return;
  }
  EXPECT_EQ(doc.substr(from, to - from), expected) << "run CxxTests with CLOUDPACT_UPDATE_DOCS=1 to regenerate";
}

namespace {

ExtensionRow extensionRow(std::string table, std::map<std::string, std::string> cells) {
  ExtensionRow row;
  row.table = std::move(table);
  row.cells = std::move(cells);
  for (const auto &[column, text] : row.cells)
    row.where[column] = SourceRange{SourceLoc{"policy.yaml", 3, 7, 20}, SourceLoc{"policy.yaml", 3, 9, 22}};
  return row;
}

TEST(CxxTables, PolicyRowsFollowTheBuiltInOnes) {
  std::vector<Diagnostic> diagnostics;
  Tables tables = tablesWith({extensionRow("sinks", {{"namespace", "acme"}, {"class", "Client"}, {"subtypes", "true"},
                                                     {"method", "Chat*"}, {"input", "Argument[0] | env:ACME_MODEL"},
                                                     {"kind", "model"}, {"cloud", "aws"}}),
                              extensionRow("apis", {{"namespace", "acme"}, {"class", "Client"}, {"label", "acme Client::"}}),
                              extensionRow("summaries", {{"namespace", "acme"}, {"class", "Options"}, {"method", "model"},
                                                         {"input", "Argument[0]"}, {"output", "Argument[-1].Model"},
                                                         {"kind", "setter"}}),
                              extensionRow("sources", {{"namespace", "acme"}, {"method", "setting"},
                                                       {"input", "Argument[0]"}, {"kind", "env"}})},
                             diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  const Tables &builtin = builtinTables();
  ASSERT_EQ(tables.sinks.size(), builtin.sinks.size() + 1);
  const SinkRow &sink = tables.sinks.back();
  EXPECT_EQ(sink.ns, "acme");
  EXPECT_TRUE(sink.subtypes);
  EXPECT_EQ(sink.kind, SinkKind::Model);
  EXPECT_EQ(sink.cloud, "aws");
  EXPECT_EQ(sink.provenance, "policy");
  EXPECT_EQ(sink.input.alternatives.size(), 2u);
  EXPECT_EQ(tables.apis.back().label, "acme Client::");
  EXPECT_EQ(tables.summaries.back().kind, SummaryKind::Setter);
  EXPECT_EQ(formatPath(tables.summaries.back().output.alternatives[0][0].path), "Argument[-1].Model");
  EXPECT_EQ(tables.sources.back().phrase, "read by acme::setting");
}

TEST(CxxTables, PolicyRowWithABadPathIsALocatedError) {
  std::vector<Diagnostic> diagnostics;
  Tables tables = tablesWith({extensionRow("sinks", {{"method", "Chat"}, {"input", "Argument["}, {"kind", "model"}})},
                             diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].rule, "policy-error");
  EXPECT_EQ(formatLoc(diagnostics[0].range.begin), "policy.yaml:3:7");
  EXPECT_NE(diagnostics[0].message.find("bad access path 'Argument['"), std::string::npos) << diagnostics[0].message;
  EXPECT_EQ(tables.sinks.size(), builtinTables().sinks.size());
}

TEST(CxxTables, PolicyKindsAreTheTablesKinds) {
  // lib/Policy checks kinds without the C++ frontend; both must know the same words.
  std::set<std::string> sinkKinds, summaryKinds;
  for (SinkKind kind : {SinkKind::Model, SinkKind::Endpoint, SinkKind::Region, SinkKind::Cloud, SinkKind::Sigv4})
    sinkKinds.insert(sinkKindName(kind));
  for (SummaryKind kind : {SummaryKind::Value, SummaryKind::Setter, SummaryKind::Alias, SummaryKind::Construct,
                           SummaryKind::Format, SummaryKind::Json, SummaryKind::ValueType, SummaryKind::Handle})
    summaryKinds.insert(summaryKindName(kind));
  EXPECT_EQ(sinkKinds, std::set<std::string>(policy_keys::kCxxSinkKinds.begin(), policy_keys::kCxxSinkKinds.end()));
  EXPECT_EQ(summaryKinds,
            std::set<std::string>(policy_keys::kCxxSummaryKinds.begin(), policy_keys::kCxxSummaryKinds.end()));
}

} // namespace
