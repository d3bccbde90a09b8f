#include "Cxx/CxxTables.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

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
