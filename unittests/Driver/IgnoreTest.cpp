#include "Driver/Ignore.h"

#include <gtest/gtest.h>

using namespace cloudpact;

namespace {

TEST(IgnoreRulesTest, GitignoreSemantics) {
  IgnoreRules rules;
  rules.addFile("", "# comment\n*.tfstate\nbuild/\n/only-root.tf\ndocs/**/draft.md\n!keep.tfstate\n");
  EXPECT_TRUE(rules.ignored("a.tfstate", false));
  EXPECT_TRUE(rules.ignored("deep/dir/a.tfstate", false));
  EXPECT_FALSE(rules.ignored("keep.tfstate", false)) << "negation re-includes";
  EXPECT_TRUE(rules.ignored("build", true));
  EXPECT_TRUE(rules.ignored("sub/build", true));
  EXPECT_FALSE(rules.ignored("build", false)) << "directory-only pattern";
  EXPECT_TRUE(rules.ignored("only-root.tf", false));
  EXPECT_FALSE(rules.ignored("sub/only-root.tf", false)) << "anchored pattern";
  EXPECT_TRUE(rules.ignored("docs/draft.md", false));
  EXPECT_TRUE(rules.ignored("docs/a/b/draft.md", false));
  EXPECT_FALSE(rules.ignored("main.tf", false));
}

TEST(IgnoreRulesTest, NestedFilesApplyBelowTheirDirectory) {
  IgnoreRules rules;
  rules.addFile("", "*.log\n");
  rules.addFile("infra", "generated.tf\n!important.log\n");
  EXPECT_TRUE(rules.ignored("infra/generated.tf", false));
  EXPECT_FALSE(rules.ignored("generated.tf", false));
  EXPECT_FALSE(rules.ignored("infra/important.log", false));
  EXPECT_TRUE(rules.ignored("other/important.log", false));
}

} // namespace
