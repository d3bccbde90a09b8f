#include "Analysis/Rules.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>

using namespace cloudpact;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path &path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Every rule has a documentation page with the sections users look for, and a lit test.
TEST(RulesTest, EveryRuleHasADocPageAndATest) {
  fs::path root(CLOUDPACT_SOURCE_DIR);
  for (const RuleMeta *rule : allRules()) {
    fs::path doc = root / "docs" / "rules" / (std::string(rule->id) + ".md");
    ASSERT_TRUE(fs::exists(doc)) << doc;
    std::string text = readFile(doc);
    for (const char *section : {"## Summary", "## Example", "## Why", "## How to fix", "## Options"})
      EXPECT_NE(text.find(section), std::string::npos) << doc << " lacks " << section;
    bool tested = false;
    for (const auto &entry : fs::recursive_directory_iterator(root / "test"))
      if (entry.is_regular_file() && readFile(entry.path()).find("[" + std::string(rule->id) + "]") != std::string::npos) {
        tested = true;
        break;
      }
    EXPECT_TRUE(tested) << "no lit test expects [" << rule->id << "]";
  }
}

TEST(RulesTest, IdsAreUniqueAndHelpUrisPointIntoDocs) {
  std::set<std::string_view> ids;
  for (const RuleMeta *rule : allRules()) {
    EXPECT_TRUE(ids.insert(rule->id).second) << rule->id;
    EXPECT_EQ(findRule(rule->id), rule);
    EXPECT_NE(ruleHelpUri(rule->id).find("/docs/rules/" + std::string(rule->id) + ".md"), std::string::npos);
  }
}

} // namespace
