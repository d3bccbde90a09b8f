// What the frontend refuses and where it stops: reads outside the roots, module cycles and
// depth, the evaluation budget.
#include "TestDirectory.h"
#include "TestUtil.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace cloudpact;
using namespace cloudpact::terraform::test;
namespace fs = std::filesystem;

namespace {

const Diagnostic *findDiagnostic(const Facts &facts, const std::string &rule, const std::string &part) {
  for (const Diagnostic &d : facts.diagnostics)
    if (d.rule == rule && d.message.find(part) != std::string::npos)
      return &d;
  return nullptr;
}

bool factsMention(const Facts &facts, const std::string &text) {
  for (const Assign &assign : facts.assigns)
    if (assign.value && describe(*assign.value).find(text) != std::string::npos)
      return true;
  for (const Diagnostic &d : facts.diagnostics)
    if (d.message.find(text) != std::string::npos)
      return true;
  return false;
}

TEST(TerraformBounds, FileThroughALinkOutOfTheRootsIsRefusedAtTheCall) {
  cloudpact::unittest::TestDirectory repo{"cloudpact-repo"}, outside{"cloudpact-outside"};
  std::ofstream(outside.path() / "secret.txt") << "OUTSIDE-MARKER";
  fs::create_symlink(outside.path() / "secret.txt", repo.path() / "model.txt");
  std::string main = (repo.path() / "main.tf").generic_string();
  terraform::Options options;
  options.readRoots = {repo.string()};
  Facts facts = analyzeFiles({{main, "locals {\n  model = file(\"" + repo.string() + "/model.txt\")\n}\n"}}, options);
  const Diagnostic *refused = findDiagnostic(facts, "input-not-analysed", "is a symbolic link that leads outside");
  ASSERT_NE(refused, nullptr);
  EXPECT_EQ(refused->level, Level::Warning);
  EXPECT_EQ(refused->range.begin.line, 2u);
  EXPECT_EQ(refused->range.begin.column, 11u);
  EXPECT_FALSE(factsMention(facts, "OUTSIDE-MARKER"));
}

TEST(TerraformBounds, ModulesCallingEachOtherAreACycleByCallPath) {
  Facts facts = analyzeFiles({{"main.tf", "module \"a\" {\n  source = \"./a\"\n}\n"},
                              {"a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n"},
                              {"b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n"}});
  const Diagnostic *cycle = findDiagnostic(facts, "parse-error", "module.a -> module.b -> module.a");
  ASSERT_NE(cycle, nullptr);
  EXPECT_EQ(cycle->range.file(), "b/main.tf");
}

TEST(TerraformBounds, ABombSpendsTheBudgetAndWhatCameBeforeStays) {
  std::string expr = "local.base";
  for (int i = 0; i < 8; ++i)
    expr = "[for a" + std::to_string(i) + " in local.base : " + expr + "]";
  Facts facts = analyzeFiles({{"main.tf", "resource \"aws_bedrockagent_agent\" \"a\" {\n  foundation_model = \"m\"\n}\n"
                                          "locals {\n  base = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n  bomb = " + expr + "\n}\n"}});
  const Diagnostic *spent = findDiagnostic(facts, "input-not-analysed", "evaluation budget of this root module");
  ASSERT_NE(spent, nullptr);
  EXPECT_EQ(spent->level, Level::Error);
  EXPECT_EQ(spent->range.begin.line, 6u);
  ASSERT_EQ(facts.accesses.size(), 1u);
  EXPECT_EQ(evaluate(facts, facts.accesses[0].model), std::vector<std::string>{"m"});
}

} // namespace
