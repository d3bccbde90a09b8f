// Expressions as Terraform evaluates them, through analyze() and the solver.
#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace cloudpact;
using namespace cloudpact::terraform::test;

namespace {
using Strings = std::vector<std::string>;

Strings local(const std::string &body, const std::string &name, const std::string &extra = "") {
  Facts facts = analyzeFiles({{"main.tf", "locals {\n" + body + "\n}\n" + extra}});
  return evaluateSymbol(facts, "tf:local." + name);
}
} // namespace

TEST(TerraformEvaluator, TemplatesAndEscapes) {
  EXPECT_EQ(local("a = \"x\"\nb = \"${local.a}-\\\"q\\\" $${lit} %%{lit}\"", "b"), Strings{"x-\"q\" ${lit} %{lit}"});
  EXPECT_EQ(local("b = \"%{ if true }yes%{ else }no%{ endif }\"", "b"), Strings{"yes"});
  EXPECT_EQ(local("l = [\"a\", \"b\"]\nb = \"%{ for x in local.l }<${x}>%{ endfor }\"", "b"), Strings{"<a><b>"});
  EXPECT_EQ(local("b = \"a %{~ if true ~} b %{~ endif ~} c\"", "b"), Strings{"abc"});
}

TEST(TerraformEvaluator, Heredocs) {
  EXPECT_EQ(local("h = <<EOT\n  keep ${\"x\"}\nEOT", "h"), Strings{"  keep x\n"});
  EXPECT_EQ(local("h = <<-EOT\n    one\n      two\n    EOT", "h"), Strings{"one\n  two\n"});
}

TEST(TerraformEvaluator, ConditionalPicksTheKnownArm) {
  EXPECT_EQ(local("e = \"prod\"\nm = local.e == \"prod\" ? \"a\" : \"b\"", "m"), Strings{"a"});
}

TEST(TerraformEvaluator, ConditionalOnUnknownKeepsBothArms) {
  EXPECT_EQ(local("m = var.x ? \"a\" : \"b\"", "m", "variable \"x\" {}\n"), (Strings{"a", "b"}));
}

TEST(TerraformEvaluator, ForExpressionsFilterAndGroup) {
  EXPECT_EQ(local("l = [\"a\", \"bb\", \"c\"]\nr = join(\",\", [for s in local.l : upper(s) if s != \"bb\"])", "r"), Strings{"A,C"});
  EXPECT_EQ(local("m = { x = \"1\", y = \"2\" }\nr = join(\",\", [for k, v in local.m : \"${k}=${v}\"])", "r"), Strings{"x=1,y=2"});
  EXPECT_EQ(local("l = [\"a\", \"b\", \"a\"]\ng = { for s in local.l : s => s... }\nr = length(local.g.a)", "r"), Strings{"2"});
}

TEST(TerraformEvaluator, SplatsAndIndexes) {
  EXPECT_EQ(local("l = [{ n = \"a\" }, { n = \"b\" }]\nr = join(\"+\", local.l[*].n)", "r"), Strings{"a+b"});
  EXPECT_EQ(local("m = { k = [\"x\", \"y\"] }\nr = local.m[\"k\"][1]", "r"), Strings{"y"});
  EXPECT_EQ(local("m = { k = [\"x\", \"y\"] }\nr = local.m.k.0", "r"), Strings{"x"});
}

TEST(TerraformEvaluator, OptionalAttributeDefaults) {
  Facts facts = analyzeFiles({{"main.tf", R"(
variable "cfg" {
  type = object({
    model  = optional(string, "openai.gpt-oss-20b-1:0")
    region = optional(string)
  })
  default = {}
}
locals { m = var.cfg.model }
)"}});
  EXPECT_EQ(evaluateSymbol(facts, "tf:local.m"), Strings{"openai.gpt-oss-20b-1:0"});
}

TEST(TerraformEvaluator, LocalCycleTerminatesWithAnError) {
  Facts facts = analyzeFiles({{"main.tf", "locals {\n  a = local.b\n  b = \"x${local.a}\"\n  c = \"ok\"\n}\n"}});
  ASSERT_TRUE(hasDiagnostic(facts, "cycle: local.a -> local.b -> local.a"));
  EXPECT_EQ(evaluateSymbol(facts, "tf:local.c"), Strings{"ok"});
  EXPECT_EQ(evaluateSymbol(facts, "tf:local.a"), Strings{"…"});
}

TEST(TerraformEvaluator, UnknownFunctionNamesItself) {
  Facts facts = analyzeFiles({{"main.tf", "locals { h = md5(\"x\") }\n"}});
  Solver solver(facts, &functions());
  AbstractValue v = solver.evaluateSymbol("tf:local.h");
  ASSERT_EQ(v.alternatives.size(), 1u);
  EXPECT_NE(v.alternatives[0].holeReason().find("md5"), std::string::npos);
}

TEST(TerraformEvaluator, CountIndexPicksEachElement) {
  Facts facts = analyzeFiles({{"main.tf", R"(
variable "models" { default = ["openai.gpt-oss-20b-1:0", "meta.llama3"] }
resource "aws_bedrockagent_agent" "a" {
  count            = length(var.models)
  foundation_model = var.models[count.index]
}
)"}});
  const ModelAccess *access = accessFor(facts, "aws_bedrockagent_agent.a");
  ASSERT_NE(access, nullptr);
  EXPECT_EQ(evaluate(facts, access->model), (Strings{"meta.llama3", "openai.gpt-oss-20b-1:0"}));
}

TEST(TerraformEvaluator, ForEachEachValue) {
  Facts facts = analyzeFiles({{"main.tf", R"(
resource "aws_bedrockagent_agent" "a" {
  for_each         = { x = { model = "m1" }, y = { model = "m2" } }
  agent_name       = each.key
  foundation_model = each.value.model
}
)"}});
  EXPECT_EQ(evaluateSymbol(facts, "tf:aws_bedrockagent_agent.a.agent_name"), (Strings{"x", "y"}));
  EXPECT_EQ(evaluateSymbol(facts, "tf:aws_bedrockagent_agent.a.foundation_model"), (Strings{"m1", "m2"}));
}

TEST(TerraformEvaluator, LargeForEachStaysBounded) {
  std::string keys;
  for (int i = 0; i < 10000; ++i)
    keys += "k" + std::to_string(i) + " = \"openai.gpt-oss-20b-1:" + std::to_string(i) + "\"\n";
  Facts facts = analyzeFiles({{"main.tf", "locals {\n big = {\n" + keys + "}\n}\n"
                                          "resource \"aws_bedrockagent_agent\" \"a\" {\n"
                                          "  for_each = local.big\n  foundation_model = each.value\n}\n"}});
  const ModelAccess *access = accessFor(facts, "aws_bedrockagent_agent.a");
  ASSERT_NE(access, nullptr);
  Strings values = evaluate(facts, access->model);
  ASSERT_EQ(values.size(), 1u); // widened, keeping the common prefix
  EXPECT_EQ(values[0].rfind("openai.gpt-oss-20b-1:", 0), 0u);
}

TEST(TerraformEvaluator, DeeplyNestedBracketsDoNotCrash) {
  std::string deep = "locals { x = " + std::string(10000, '[') + "\"a\"" + std::string(10000, ']') + " }\n";
  Facts facts = analyzeFiles({{"main.tf", deep}});
  SUCCEED();
}

TEST(TerraformEvaluator, FileOutsideTheScannedTreeIsUnknown) {
  // file() reads only inside the scanned tree; outside it is unknown.
  Facts facts = analyzeFiles({{"main.tf", "locals { x = file(\"/etc/hostname\") }\n"}});
  Solver solver(facts, &functions());
  AbstractValue v = solver.evaluateSymbol("tf:local.x");
  ASSERT_EQ(v.alternatives.size(), 1u);
  EXPECT_NE(v.alternatives[0].holeReason().find("outside the scanned tree"), std::string::npos);
}
