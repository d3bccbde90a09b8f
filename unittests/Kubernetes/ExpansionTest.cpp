#include "Kubernetes/Context.h"
#include "Kubernetes/Expansion.h"

#include <gtest/gtest.h>

using namespace cloudpact;
using namespace cloudpact::kubernetes;

namespace {

std::string render(std::string_view input, ExpansionSyntax syntax = ExpansionSyntax::Kubernetes) {
  std::string out;
  for (const ExpansionPiece &piece : splitExpansion(input, syntax)) {
    switch (piece.kind) {
    case PieceKind::Text: out += "[" + piece.text + "]"; break;
    case PieceKind::Reference: out += "<" + piece.text + ">"; break;
    case PieceKind::Placeholder: out += "{" + piece.text + (piece.fallback ? "|" + *piece.fallback : "") + "}"; break;
    }
  }
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

TEST(Expansion, ReadsDeployTimePlaceholders) {
  EXPECT_EQ(render("${BASE}/v1"), "{BASE}[/v1]");
  EXPECT_EQ(render("${REGION:-us-east-1}"), "{REGION|us-east-1}");
  EXPECT_EQ(render("${A:=x}${B-y}${C=}"), "{A|x}{B|y}{C|}");
  EXPECT_EQ(render("$${BASE}"), "[${BASE}]");          // Kubernetes' `$$` first: no placeholder
  EXPECT_EQ(render("${{ secrets.KEY }}"), "[${{ secrets.KEY }}]"); // not a variable name
  EXPECT_EQ(render("${A"), "[${A]");
  EXPECT_EQ(render("${A?err}"), "[${A?err}]");        // an operator envsubst does not default with
  // Outside env, command and args only placeholders count.
  EXPECT_EQ(render("$(HOST)/${P}", ExpansionSyntax::Placeholders), "[$(HOST)/]{P}");
  EXPECT_EQ(render("$${P}", ExpansionSyntax::Placeholders), "[$${P}]");
}

TEST(Expansion, LiteralWhenThereIsNothingToExpand) {
  syntax::Node node = scalar("https://$$(X)/$x");
  ValuePtr value = expandScalar(node, 0, node.value.size(), [](const std::string &) { return nullptr; });
  ASSERT_EQ(value->kind, ValueKind::Literal);
  EXPECT_EQ(value->text, "https://$(X)/$x");
  EXPECT_EQ(value->range.begin.column, 10u);
}

TEST(Expansion, UndefinedReferencesAreHoles) {
  syntax::Node node = scalar("$(BASE)/v1/projects/p");
  ValuePtr value = expandScalar(node, 0, node.value.size(), [](const std::string &) { return nullptr; });
  ASSERT_EQ(value->kind, ValueKind::Concat);
  ASSERT_EQ(value->parts.size(), 2u);
  EXPECT_EQ(value->parts[0]->kind, ValueKind::Unknown);
  EXPECT_EQ(value->parts[0]->text, "$(BASE) is not set in the container");
  EXPECT_EQ(value->parts[0]->range.begin.column, 10u);
  EXPECT_EQ(value->parts[1]->text, "/v1/projects/p");
  EXPECT_EQ(value->parts[1]->range.begin.column, 17u);
}

TEST(Expansion, PlaceholdersAreHolesWithTheirDefault) {
  syntax::Node node = scalar("https://${HOST:-api.openai.com}/v1");
  ValuePtr value = placeholderValue(node, 0, node.value.size());
  ASSERT_EQ(value->kind, ValueKind::Concat);
  ASSERT_EQ(value->parts.size(), 3u);
  const Value &choice = *value->parts[1];
  ASSERT_EQ(choice.kind, ValueKind::Choice);
  ASSERT_EQ(choice.parts.size(), 2u);
  EXPECT_EQ(choice.parts[0]->text, "${HOST:-api.openai.com} is substituted at deploy time");
  EXPECT_EQ(choice.parts[1]->text, "api.openai.com");
  EXPECT_EQ(choice.parts[1]->range.begin.column, 26u); // 10 + strlen("https://${HOST:-")
  EXPECT_EQ(describe(*placeholderValue(scalar("${M}"), 0, 4)), "concat(unknown(${M} is substituted at deploy time))");
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
