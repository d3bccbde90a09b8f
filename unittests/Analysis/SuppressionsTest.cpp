#include "Analysis/Suppressions.h"

#include <gtest/gtest.h>

using namespace cloudpact;

namespace {

Finding findingAt(const std::string &file, uint32_t line, const std::string &rule = "exclusivity-call") {
  Finding finding;
  finding.rule = rule;
  finding.range.begin = SourceLoc{file, line, 1, 0};
  finding.message = "m";
  return finding;
}

TEST(SuppressionsTest, ParsesRulesExpiryAndReasonInEachCommentStyle) {
  std::vector<Diagnostic> problems;
  auto hash = findSuppressions("a.tf", "x = 1 # cloudpact: ignore[exclusivity-hosting] legacy agent\n", problems);
  ASSERT_EQ(hash.size(), 1u);
  EXPECT_EQ(hash[0].rules, std::vector<std::string>{"exclusivity-hosting"});
  EXPECT_EQ(hash[0].reason, "legacy agent");
  auto block = findSuppressions("a.cpp", "/* cloudpact: ignore[exclusivity-call, unresolved-route] until=2027-03-31 migrating */\n", problems);
  ASSERT_EQ(block.size(), 1u);
  EXPECT_EQ(block[0].rules, (std::vector<std::string>{"exclusivity-call", "unresolved-route"}));
  EXPECT_EQ(block[0].until, "2027-03-31");
  EXPECT_EQ(block[0].reason, "migrating");
  EXPECT_TRUE(problems.empty());
  auto notComment = findSuppressions("a.tf", "description = \"cloudpact: ignore[exclusivity-call] x\"\n", problems);
  EXPECT_TRUE(notComment.empty());
}

TEST(SuppressionsTest, MissingReasonIsAWarning) {
  std::vector<Diagnostic> problems;
  findSuppressions("a.cpp", "// cloudpact: ignore[exclusivity-call]\n", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].level, Level::Warning);
  EXPECT_EQ(problems[0].range.begin.line, 1u);
}

TEST(SuppressionsTest, HidesOnTheLineAndTheLineAboveOnlyForNamedRules) {
  FileSet files;
  files.add(SourceFile{"a.cpp", "// cloudpact: ignore[exclusivity-call] known\ncall();\n\ncall(); // cloudpact: ignore[unresolved-route] other\n"});
  std::vector<Finding> findings = {findingAt("a.cpp", 2), findingAt("a.cpp", 4)};
  std::vector<Finding> unused;
  applySuppressions(findings, files, "2026-11-27", unused);
  EXPECT_TRUE(findings[0].suppressed);
  EXPECT_FALSE(findings[1].suppressed);
}

TEST(SuppressionsTest, ExpiredSuppressionStopsHidingAndSaysSo) {
  FileSet files;
  files.add(SourceFile{"a.tf", "# cloudpact: ignore[exclusivity-call] until=2026-01-01 temporary\nx\n"});
  std::vector<Finding> findings = {findingAt("a.tf", 2)};
  std::vector<Finding> unused;
  applySuppressions(findings, files, "2026-11-27", unused);
  EXPECT_FALSE(findings[0].suppressed);
  EXPECT_NE(findings[0].message.find("expired on 2026-01-01"), std::string::npos);
}

TEST(SuppressionsTest, UnusedSuppressionsAreReported) {
  FileSet files;
  files.add(SourceFile{"a.tf", "# cloudpact: ignore[exclusivity-call] nothing here\nx\n"});
  std::vector<Finding> findings;
  std::vector<Finding> unused;
  applySuppressions(findings, files, "2026-11-27", unused);
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_NE(unused[0].message.find("unused suppression"), std::string::npos);
}

} // namespace
