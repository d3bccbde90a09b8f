// Terraform's functions as the solver applies them: over alternatives, through unknown parts,
// and keeping each part's trace.
#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace cloudpact;
using namespace cloudpact::terraform::test;

namespace {
SourceRange at(uint32_t line) { return SourceRange{SourceLoc{"main.tf", line, 1, 0}, {}}; }

AbstractValue eval(const ValuePtr &value, const Facts &facts = {}) {
  Solver solver(facts, &functions());
  return solver.evaluate(value);
}
} // namespace

TEST(TerraformFunctions, FormatKeepsTheHostSuffixAroundAHole) {
  ValuePtr v = makeApply("format", {makeLiteral("https://%s.openai.azure.com/"), makeUnknown("var.name is not set")});
  EXPECT_EQ(render(eval(v)), std::vector<std::string>{"https://….openai.azure.com/"});
}

TEST(TerraformFunctions, LowerMapsLiteralPiecesAndKeepsHoles) {
  ValuePtr v = makeApply("lower", {makeConcat({makeLiteral("OpenAI."), makeUnknown("x")})});
  EXPECT_EQ(render(eval(v)), std::vector<std::string>{"openai.…"});
}

TEST(TerraformFunctions, EveryCombinationOfAlternatives) {
  ValuePtr v = makeApply("upper", {makeChoice({makeLiteral("a"), makeLiteral("b")})});
  EXPECT_EQ(render(eval(v)), (std::vector<std::string>{"A", "B"}));
}

TEST(TerraformFunctions, JoinKeepsEachElementsTrace) {
  Facts facts;
  facts.assigns.push_back(Assign{"tf:var.parts", makeList({makeLiteral("openai", at(2)), makeLiteral("gpt", at(3))}), at(1),
                                 "default of variable parts"});
  AbstractValue v = eval(makeApply("join", {makeLiteral("."), makeRef("tf:var.parts")}), facts);
  ASSERT_EQ(v.alternatives.size(), 1u);
  EXPECT_EQ(v.alternatives[0].render(), "openai.gpt");
  bool sawElement = false;
  for (const TraceStep &step : v.alternatives[0].trace)
    sawElement = sawElement || step.range.begin.line == 3;
  EXPECT_TRUE(sawElement);
}

TEST(TerraformFunctions, LookupSelectsTheFieldWithItsTrace) {
  Facts facts;
  facts.assigns.push_back(Assign{"tf:var.models",
                                 makeMap({{"chat", makeLiteral("openai.gpt-oss-20b-1:0", at(4))}, {"embed", makeLiteral("amazon.titan", at(5))}}),
                                 at(3), "default of variable models"});
  AbstractValue v = eval(makeApply("lookup", {makeRef("tf:var.models"), makeLiteral("chat")}), facts);
  ASSERT_EQ(v.alternatives.size(), 1u);
  EXPECT_EQ(v.alternatives[0].render(), "openai.gpt-oss-20b-1:0");
  ASSERT_FALSE(v.alternatives[0].trace.empty());
  EXPECT_EQ(v.alternatives[0].trace.front().range.begin.line, 4u);
  AbstractValue missing = eval(makeApply("lookup", {makeRef("tf:var.models"), makeLiteral("x"), makeLiteral("d")}), facts);
  EXPECT_EQ(render(missing), std::vector<std::string>{"d"});
}

TEST(TerraformFunctions, MergeThenAttributeAccess) {
  ValuePtr merged = makeApply("merge", {makeMap({{"model", makeLiteral("a")}}), makeMap({{"model", makeLiteral("b")}})});
  EXPECT_EQ(render(eval(makeGet(merged, "model"))), std::vector<std::string>{"b"});
}

TEST(TerraformFunctions, UnknownIndexPicksAnyElement) {
  ValuePtr list = makeList({makeLiteral("x"), makeLiteral("y")});
  EXPECT_EQ(render(eval(makeApply("$index", {list, makeUnknown("count.index")}))), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(render(eval(makeApply("$index", {list, makeLiteral("1")}))), std::vector<std::string>{"y"});
}

TEST(TerraformFunctions, WhenAddsTheCondition) {
  AbstractValue v = eval(makeApply("$when", {makeLiteral("-var-file=prod.tfvars"), makeLiteral("x")}));
  ASSERT_EQ(v.alternatives.size(), 1u);
  EXPECT_EQ(v.alternatives[0].conditions, std::vector<std::string>{"-var-file=prod.tfvars"});
}

TEST(TerraformFunctions, TryFallsBackOnUnknown) {
  ValuePtr v = makeApply("try", {makeGet(makeMap({}), "missing"), makeLiteral("fallback")});
  EXPECT_EQ(render(eval(v)), std::vector<std::string>{"fallback"});
}

TEST(TerraformFunctions, CoalesceSkipsNullAndEmpty) {
  ValuePtr v = makeApply("coalesce", {makeUnknown("null"), makeLiteral(""), makeLiteral("gpt-4o")});
  EXPECT_EQ(render(eval(v)), std::vector<std::string>{"gpt-4o"});
}

TEST(TerraformFunctions, JsonRoundTrip) {
  ValuePtr body = makeApply("jsondecode", {makeApply("jsonencode", {makeMap({{"model", makeLiteral("gpt-4o")}})})});
  EXPECT_EQ(render(eval(makeGet(body, "model"))), std::vector<std::string>{"gpt-4o"});
}

TEST(TerraformFunctions, ConditionalFunctionDecidesPerAlternative) {
  ValuePtr cond = makeApply("$eq", {makeChoice({makeLiteral("prod"), makeLiteral("prod")}), makeLiteral("prod")});
  EXPECT_EQ(render(eval(makeApply("$if", {cond, makeLiteral("a"), makeLiteral("b")}))), std::vector<std::string>{"a"});
}
