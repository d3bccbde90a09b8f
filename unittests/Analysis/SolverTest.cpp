#include "Analysis/Solver.h"

#include <gtest/gtest.h>

using namespace cloudpact;

namespace {

SourceRange at(uint32_t line, uint32_t column = 1, std::string file = "main.tf") {
  return SourceRange{SourceLoc{file, line, column, line * 100 + column}, SourceLoc{file, line, column + 5, line * 100 + column + 5}};
}

Assign assign(std::string symbol, ValuePtr value, uint32_t line, std::string phrase) {
  return Assign{std::move(symbol), std::move(value), at(line), std::move(phrase)};
}

std::vector<std::string> rendered(const AbstractValue &value) {
  std::vector<std::string> out;
  for (const Shape &shape : value.alternatives)
    out.push_back(shape.render());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SolverTest, ConcatenationKeepsHostSuffixAroundAHole) {
  Facts facts;
  ValuePtr url = makeConcat({makeLiteral("https://"), makeEnvRead("RESOURCE"), makeLiteral(".openai.azure.com/openai")});
  Solver solver(facts);
  AbstractValue value = solver.evaluate(url);
  ASSERT_EQ(value.alternatives.size(), 1u);
  const Shape &shape = value.alternatives[0];
  ASSERT_EQ(shape.pieces.size(), 3u);
  EXPECT_EQ(shape.pieces[0].text, "https://");
  EXPECT_TRUE(shape.pieces[1].hole);
  EXPECT_NE(shape.pieces[1].text.find("RESOURCE"), std::string::npos);
  EXPECT_EQ(shape.pieces[2].text, ".openai.azure.com/openai");
}

TEST(SolverTest, AdjacentLiteralsMerge) {
  Facts facts;
  Solver solver(facts);
  AbstractValue value = solver.evaluate(makeConcat({makeLiteral("openai."), makeLiteral("gpt-oss-120b-1:0")}));
  ASSERT_EQ(value.alternatives.size(), 1u);
  EXPECT_TRUE(value.alternatives[0].isLiteral());
  EXPECT_EQ(value.alternatives[0].literal(), "openai.gpt-oss-120b-1:0");
}

TEST(SolverTest, SeveralAssignsAreAlternatives) {
  Facts facts;
  facts.assigns.push_back(assign("tf:var.model", makeLiteral("a", at(2, 13)), 2, "default of variable model"));
  facts.assigns.push_back(assign("tf:var.model", makeLiteral("b", at(5, 9)), 5, "set in prod.tfvars"));
  Solver solver(facts);
  EXPECT_EQ(rendered(solver.evaluateSymbol("tf:var.model")), (std::vector<std::string>{"a", "b"}));
}

TEST(SolverTest, ChoiceOverTheBoundWidensToCommonPrefixAndSuffix) {
  Facts facts;
  std::vector<ValuePtr> alternatives;
  for (int i = 0; i < 40; ++i)
    alternatives.push_back(makeLiteral("https://r" + std::to_string(i) + ".openai.azure.com"));
  Solver solver(facts);
  AbstractValue value = solver.evaluate(makeChoice(alternatives));
  ASSERT_EQ(value.alternatives.size(), 1u);
  const Shape &shape = value.alternatives[0];
  EXPECT_EQ(shape.render(), "https://r….openai.azure.com");
  EXPECT_NE(shape.holeReason().find("widened"), std::string::npos);
}

TEST(SolverTest, SelfReferenceTerminatesAndKeepsThePrefix) {
  Facts facts;
  // s = "a"; loop { s = s + "b" }
  facts.assigns.push_back(assign("cxx:s", makeLiteral("a"), 1, "initialised"));
  facts.assigns.push_back(assign("cxx:s", makeConcat({makeRef("cxx:s"), makeLiteral("b")}), 2, "appended in a loop"));
  Solver solver(facts);
  AbstractValue value = solver.evaluateSymbol("cxx:s");
  ASSERT_FALSE(value.alternatives.empty());
  for (const Shape &shape : value.alternatives)
    EXPECT_EQ(shape.render().substr(0, 1), "a");
  EXPECT_LE(value.alternatives.size(), kMaxAlternatives);
}

TEST(SolverTest, MutualCycleWithoutABaseTerminates) {
  Facts facts;
  facts.assigns.push_back(assign("tf:local.a", makeRef("tf:local.b"), 1, "local a"));
  facts.assigns.push_back(assign("tf:local.b", makeRef("tf:local.a"), 2, "local b"));
  Solver solver(facts);
  AbstractValue value = solver.evaluateSymbol("tf:local.a");
  ASSERT_EQ(value.alternatives.size(), 1u); // nothing ever flows into the cycle
  EXPECT_NE(value.alternatives[0].holeReason().find("only through itself"), std::string::npos);
}

TEST(SolverTest, MessagesNameSymbolsReadably) {
  Facts facts;
  facts.symbolNames["cxx:c:@F@main#@url"] = "variable url of main";
  facts.assigns.push_back(assign("cxx:c:@F@main#@url@loop40", makeRef("cxx:c:@F@main#@url@loop40"), 1, "loop"));
  facts.assigns.push_back(assign("tf:local.a", makeRef("tf:local.a"), 2, "local a"));
  Solver solver(facts);
  // A version of a local is named as the local; keys without a name are made readable.
  EXPECT_EQ(solver.nameOf("cxx:c:@F@main#@url@120-134'"), "variable url of main");
  EXPECT_EQ(solver.nameOf("cxx:c:@F@other#@x"), "cxx:c:@F@other#@x");
  EXPECT_EQ(solver.nameOf("cxx:c:@F@main#@url@120-134"), "variable url of main");
  EXPECT_EQ(solver.nameOf("tf:module.a.var.model"), "module.a.var.model");
  EXPECT_EQ(solver.nameOf("k8s:shop/ConfigMap/llm#MODEL"), "key MODEL of shop/ConfigMap/llm");
  EXPECT_EQ(solver.nameOf("env:OPENAI_BASE_URL"), "environment variable OPENAI_BASE_URL");
  AbstractValue loop = solver.evaluateSymbol("cxx:c:@F@main#@url@loop40");
  ASSERT_EQ(loop.alternatives.size(), 1u);
  EXPECT_EQ(loop.alternatives[0].holeReason(), "the value of variable url of main is defined only through itself");
  AbstractValue missing = solver.evaluate(makeRef("tf:var.unset"));
  ASSERT_EQ(missing.alternatives.size(), 1u);
  EXPECT_EQ(missing.alternatives[0].holeReason(), "nothing assigns var.unset");
}

TEST(SolverTest, CycleDoesNotFreezeAnInnerSymbolsApproximation) {
  Facts facts;
  facts.assigns.push_back(assign("a", makeLiteral("x"), 1, "a"));
  facts.assigns.push_back(assign("a", makeRef("b"), 2, "a from b"));
  facts.assigns.push_back(assign("b", makeRef("a"), 3, "b from a"));
  Solver solver(facts);
  EXPECT_EQ(rendered(solver.evaluateSymbol("a")), (std::vector<std::string>{"x"}));
  EXPECT_EQ(rendered(solver.evaluateSymbol("b")), (std::vector<std::string>{"x"}));
}

TEST(SolverTest, ProvenanceRunsFromTheLiteralToTheLastAssignment) {
  Facts facts;
  facts.assigns.push_back(assign("tf:var.model", makeLiteral("openai.gpt-oss-120b-1:0", at(3, 13, "variables.tf")), 3,
                                 "default of variable model"));
  facts.assigns.push_back(assign("tf:module.agent.var.model", makeRef("tf:var.model"), 9, "input model of module.agent"));
  Solver solver(facts);
  AbstractValue value = solver.evaluateSymbol("tf:module.agent.var.model");
  ASSERT_EQ(value.alternatives.size(), 1u);
  const Trace &trace = value.alternatives[0].trace;
  ASSERT_EQ(trace.size(), 3u);
  EXPECT_EQ(trace[0].range.file(), "variables.tf");
  EXPECT_EQ(trace[1].phrase, "default of variable model");
  EXPECT_EQ(trace[2].phrase, "input model of module.agent");
}

TEST(SolverTest, EnvReadLinksToEnvSymbolOrIsUnknownWithReason) {
  Facts facts;
  facts.assigns.push_back(assign("env:OPENAI_BASE_URL", makeLiteral("https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1"),
                                 4, "env OPENAI_BASE_URL of Deployment shop/chat"));
  Solver solver(facts);
  AbstractValue linked = solver.evaluate(makeEnvRead("OPENAI_BASE_URL", at(10, 1, "svc.cpp"), "read by std::getenv"));
  ASSERT_EQ(linked.alternatives.size(), 1u);
  EXPECT_EQ(linked.alternatives[0].trace.back().phrase, "read by std::getenv");
  AbstractValue missing = solver.evaluate(makeEnvRead("NOT_SET"));
  ASSERT_EQ(missing.alternatives.size(), 1u);
  EXPECT_NE(missing.alternatives[0].holeReason().find("NOT_SET"), std::string::npos);
}

TEST(SolverTest, GetProjectsThroughMapsListsAndRefs) {
  Facts facts;
  facts.assigns.push_back(assign("tf:var.cfg",
                                 makeMap({{"model", makeLiteral("gpt-4o")},
                                          {"regions", makeList({makeLiteral("eastus"), makeLiteral("westus")})}}),
                                 1, "default of variable cfg"));
  Solver solver(facts);
  EXPECT_EQ(rendered(solver.evaluate(makeGet(makeRef("tf:var.cfg"), "model"))), (std::vector<std::string>{"gpt-4o"}));
  EXPECT_EQ(rendered(solver.evaluate(makeGet(makeGet(makeRef("tf:var.cfg"), "regions"), "1"))),
            (std::vector<std::string>{"westus"}));
  AbstractValue missing = solver.evaluate(makeGet(makeRef("tf:var.cfg"), "nope"));
  ASSERT_EQ(missing.alternatives.size(), 1u);
  EXPECT_TRUE(missing.alternatives[0].hasHole());
}

TEST(SolverTest, ApplyUsesTheFunctionTableAndNamesUnknownFunctions) {
  Facts facts;
  FunctionTable table;
  table.add("upper", [](const std::vector<AbstractValue> &args, Solver &) {
    AbstractValue out;
    for (const Shape &shape : args.at(0).alternatives) {
      std::string text = shape.render();
      for (char &c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      joinInto(out, AbstractValue::literal(text, shape.trace));
    }
    return out;
  });
  Solver solver(facts, &table);
  EXPECT_EQ(rendered(solver.evaluate(makeApply("upper", {makeLiteral("abc")}))), (std::vector<std::string>{"ABC"}));
  AbstractValue unknown = solver.evaluate(makeApply("mystery", {makeLiteral("abc")}));
  ASSERT_EQ(unknown.alternatives.size(), 1u);
  EXPECT_NE(unknown.alternatives[0].holeReason().find("mystery"), std::string::npos);
}

} // namespace
