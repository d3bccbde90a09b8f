#include "Kubernetes/Context.h"
#include "Kubernetes/Expansion.h"

#include <gtest/gtest.h>

using namespace cloudpact;
using namespace cloudpact::kubernetes;

namespace {

std::string render(std::string_view input) {
  std::string out;
  for (const ExpansionPiece &piece : splitExpansion(input))
    out += piece.variable ? "<" + piece.text + ">" : "[" + piece.text + "]";
  return out;
}

/// A plain one-line scalar at line 3, column 10 of "m.yaml".
syntax::Node scalar(std::string text) {
  syntax::Node node;
  node.kind = syntax::NodeKind::Scalar;
  node.value = std::move(text);
  node.range.begin = SourceLoc{"m.yaml", 3, 10, 100};
  node.offsets.push_back({0, node.range.begin});
  return node;
}

TEST(Expansion, SplitsReferencesAndText) {
  EXPECT_EQ(render("plain"), "[plain]");
  EXPECT_EQ(render("$(A)"), "<A>");
  EXPECT_EQ(render("http://$(HOST):$(PORT)/v1"), "[http://]<HOST>[:]<PORT>[/v1]");
}

TEST(Expansion, FollowsKubernetesEscapes) {
  EXPECT_EQ(render("$$(A)"), "[$(A)]");     // `$$` is one `$`, the rest is text
  EXPECT_EQ(render("a$$b"), "[a$b]");
  EXPECT_EQ(render("$(A"), "[$(A]");        // incomplete reference stays as written
  EXPECT_EQ(render("$x"), "[$x]");          // `$` not followed by `(` or `$`
  EXPECT_EQ(render("end$"), "[end$]");      // a trailing `$`
  EXPECT_EQ(render("$()"), "<>");           // an empty name is a (never defined) reference
  EXPECT_EQ(render("$$$(A)"), "[$]<A>");
}

TEST(Expansion, PiecesRememberTheirBytes) {
  auto pieces = splitExpansion("ab$(HOST)cd");
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[1].begin, 2u);
  EXPECT_EQ(pieces[1].end, 9u);
  EXPECT_EQ(pieces[2].begin, 9u);
}

TEST(Expansion, LiteralWhenNothingIsDefined) {
  syntax::Node node = scalar("https://$(HOST)/$$(X)");
  ValuePtr value = expandScalar(node, 0, node.value.size(), [](const std::string &) { return nullptr; });
  ASSERT_EQ(value->kind, ValueKind::Literal);
  EXPECT_EQ(value->text, "https://$(HOST)/$(X)");
  EXPECT_EQ(value->range.begin.column, 10u);
}

TEST(Expansion, DefinedVariablesBecomeLocatedSteps) {
  syntax::Node node = scalar("https://$(HOST)/v1");
  ValuePtr host = makeLiteral("api.example.com");
  ValuePtr value = expandScalar(node, 0, node.value.size(),
                                [&](const std::string &name) { return name == "HOST" ? host : nullptr; });
  ASSERT_EQ(value->kind, ValueKind::Concat);
  ASSERT_EQ(value->parts.size(), 3u);
  EXPECT_EQ(value->parts[0]->text, "https://");
  const Value &step = *value->parts[1];
  EXPECT_EQ(step.phrase, "expands $(HOST)");
  EXPECT_EQ(step.range.begin.column, 18u); // 10 + strlen("https://")
  ASSERT_EQ(step.parts.size(), 1u);
  EXPECT_EQ(step.parts[0], host);
  EXPECT_EQ(value->parts[2]->text, "/v1");
  EXPECT_EQ(value->parts[2]->range.begin.column, 25u);
}

TEST(Expansion, SubrangeOfAScalar) {
  syntax::Node node = scalar("--model=$(M)");
  ValuePtr model = makeLiteral("org/model");
  ValuePtr value = expandScalar(node, 8, node.value.size(), [&](const std::string &) { return model; });
  ASSERT_EQ(value->kind, ValueKind::Concat);
  EXPECT_EQ(value->range.begin.column, 18u);
}

TEST(Base64, DecodesStandardAndUrlAlphabets) {
  EXPECT_EQ(decodeBase64("aGVsbG8gd29ybGQ="), "hello world");
  EXPECT_EQ(decodeBase64("aGVsbG8\n gd29y\nbGQ="), "hello world");
  EXPECT_EQ(decodeBase64("aHR0cHM6Ly9hcGkub3BlbmFpLmNvbQ"), "https://api.openai.com");
  EXPECT_EQ(decodeBase64(""), "");
  EXPECT_EQ(decodeBase64("-_8"), decodeBase64("+/8"));
}

TEST(Base64, RejectsMalformedInput) {
  EXPECT_FALSE(decodeBase64("a"));         // one symbol cannot hold a byte
  EXPECT_FALSE(decodeBase64("ab!d"));
  EXPECT_FALSE(decodeBase64("ab=c"));      // a digit after padding
  EXPECT_FALSE(decodeBase64("abc==="));
}

} // namespace
