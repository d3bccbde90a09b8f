// Root modules kept between runs: a root is evaluated again only when a file of its module
// tree, a variable file it uses or a file it reads changed; every kept run gives exactly what
// a run without the cache gives.
#include "TestUtil.h"

#include "TestDirectory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace cloudpact;
using namespace cloudpact::terraform;
namespace fs = std::filesystem;

namespace {

std::string render(const ValuePtr &value) { return value ? describe(*value) : "-"; }

/// Every fact, in order, as text.
std::string render(const Facts &facts) {
  std::string out;
  for (const Assign &assign : facts.assigns)
    out += "assign " + assign.symbol + " = " + render(assign.value) + " @ " + formatLoc(assign.range.begin) + " " +
           assign.phrase + "\n";
  for (const ModelAccess &access : facts.accesses)
    out += "access " + access.api + " " + render(access.model) + " " + render(access.region) + " @ " +
           formatLoc(access.range.begin) + " " + access.subject + "\n";
  for (const Diagnostic &diagnostic : facts.diagnostics)
    out += "diagnostic " + formatLoc(diagnostic.range.begin) + " " + diagnostic.message + "\n";
  return out;
}

class RootCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    files[root + "/modules/agent/main.tf"] =
        "variable \"model\" {}\nresource \"aws_bedrockagent_agent\" \"this\" {\n  foundation_model = var.model\n"
        "  instruction      = file(\"${path.module}/prompt.txt\")\n}\n";
    files[root + "/envs/a/main.tf"] =
        "variable \"model\" {}\nmodule \"agent\" {\n  source = \"../../modules/agent\"\n  model  = var.model\n}\n";
    files[root + "/envs/a/terraform.tfvars"] = "model = \"openai.gpt-oss-120b-1:0\"\n";
    files[root + "/envs/b/main.tf"] =
        "module \"agent\" {\n  source = \"../../modules/agent\"\n  model  = \"anthropic.claude-3-5-sonnet-20240620-v1:0\"\n}\n"
        "resource \"aws_bedrockagent_agent\" \"own\" {\n  foundation_model = trimspace(file(\"${path.module}/model.txt\"))\n}\n";
    files[root + "/envs/c/main.tf"] =
        "resource \"aws_bedrockagent_agent\" \"c\" {\n  foundation_model = \"meta.llama3-70b-instruct-v1:0\"\n}\n";
    writeDisk("modules/agent/prompt.txt", "Be brief.\n");
    writeDisk("envs/b/model.txt", "openai.gpt-oss-20b-1:0\n");
  }

  void writeDisk(const std::string &name, const std::string &text) {
    fs::create_directories(fs::path(root + "/" + name).parent_path());
    std::ofstream(root + "/" + name, std::ios::binary) << text;
  }

  Facts run(RootCache *cache) {
    Options options;
    options.roots = cache;
    return test::analyzeFiles(files, options);
  }

  /// Runs with the cache, checks the result against a run without it, and returns how many
  /// roots were evaluated in this run.
  unsigned evaluatedNow() {
    unsigned before = cache.stats().evaluated;
    std::string kept = render(run(&cache));
    EXPECT_EQ(kept, render(run(nullptr)));
    return cache.stats().evaluated - before;
  }

  cloudpact::unittest::TestDirectory directory{"cloudpact-roots"};
  std::string root = directory.string();
  std::map<std::string, std::string> files;
  RootCache cache;
};

TEST_F(RootCacheTest, UnchangedRootsAreNotEvaluatedAgain) {
  EXPECT_EQ(evaluatedNow(), 3u);
  EXPECT_EQ(evaluatedNow(), 0u);
  EXPECT_EQ(cache.stats().reused, 3u);
  std::string facts = render(run(&cache));
  EXPECT_NE(facts.find("openai.gpt-oss-120b-1:0"), std::string::npos) << facts;
  EXPECT_NE(facts.find("openai.gpt-oss-20b-1:0"), std::string::npos) << facts;
}

TEST_F(RootCacheTest, EditedFileEvaluatesOnlyTheRootsThatUseIt) {
  evaluatedNow();
  files[root + "/envs/c/main.tf"] += "# a comment\n";
  EXPECT_EQ(evaluatedNow(), 1u);
  // The shared module: both roots that call it.
  files[root + "/modules/agent/main.tf"] += "output \"id\" {\n  value = aws_bedrockagent_agent.this.id\n}\n";
  EXPECT_EQ(evaluatedNow(), 2u);
  // A root's variable file.
  files[root + "/envs/a/terraform.tfvars"] = "model = \"mistral.mistral-large-2402-v1:0\"\n";
  EXPECT_EQ(evaluatedNow(), 1u);
  EXPECT_NE(render(run(&cache)).find("mistral.mistral-large-2402-v1:0"), std::string::npos);
}

TEST_F(RootCacheTest, FilesReadByFileFunctionAreInputs) {
  evaluatedNow();
  writeDisk("envs/b/model.txt", "openai.gpt-4o-2024-08-06\n");
  EXPECT_EQ(evaluatedNow(), 1u);
  EXPECT_NE(render(run(&cache)).find("openai.gpt-4o-2024-08-06"), std::string::npos);
  // Read by the shared module: both roots. A file that disappears is a change too.
  fs::remove(root + "/modules/agent/prompt.txt");
  EXPECT_EQ(evaluatedNow(), 2u);
  writeDisk("modules/agent/prompt.txt", "Back.\n");
  EXPECT_EQ(evaluatedNow(), 2u);
}

TEST_F(RootCacheTest, NewAndRemovedFilesChangeTheTree) {
  evaluatedNow();
  // A new file in a root's directory.
  files[root + "/envs/a/extra.tf"] = "locals {\n  x = 1\n}\n";
  EXPECT_EQ(evaluatedNow(), 1u);
  files.erase(root + "/envs/a/extra.tf");
  EXPECT_EQ(evaluatedNow(), 1u);
  // A new variable file may apply to any root.
  files[root + "/envs/prod.tfvars"] = "model = \"x\"\n";
  EXPECT_EQ(evaluatedNow(), 3u);
  // A root that goes away is forgotten; the others stay kept.
  files.erase(root + "/envs/c/main.tf");
  EXPECT_EQ(evaluatedNow(), 0u);
  files[root + "/envs/c/main.tf"] = "resource \"aws_bedrockagent_agent\" \"c\" {\n  foundation_model = \"x\"\n}\n";
  EXPECT_EQ(evaluatedNow(), 1u);
}

/// The Terraform inputs of test/Terraform: single .tf files, and the files of split-file tests.
std::vector<std::pair<std::string, std::map<std::string, std::string>>> terraformFixtures() {
  std::vector<std::pair<std::string, std::map<std::string, std::string>>> out;
  for (const auto &entry : fs::directory_iterator(std::string(CLOUDPACT_SOURCE_DIR) + "/test/Terraform")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".tf") {
      out.push_back({name, {{"fixture/" + name, text.str()}}});
      continue;
    }
    if (entry.path().extension() != ".test")
      continue;
    std::map<std::string, std::string> files;
    std::string current, line;
    while (std::getline(text, line)) {
      if (line.rfind("#--- ", 0) == 0) {
        current = "fixture/" + line.substr(5);
        files[current];
      } else if (!current.empty()) {
        files[current] += line + "\n";
      }
    }
    if (!files.empty())
      out.push_back({name, std::move(files)});
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(RootCacheFixtures, KeptRootsGiveWhatAFreshRunGives) {
  // Every Terraform input of the lit suite: evaluated with the cache, again with every root
  // kept, and after an edit of one file, the facts are those of a run without the cache.
  auto fixtures = terraformFixtures();
  ASSERT_GT(fixtures.size(), 40u);
  for (auto &[name, files] : fixtures) {
    SCOPED_TRACE(name);
    RootCache cache;
    Options cached;
    cached.roots = &cache;
    std::string fresh = render(test::analyzeFiles(files));
    EXPECT_EQ(render(test::analyzeFiles(files, cached)), fresh);
    EXPECT_EQ(render(test::analyzeFiles(files, cached)), fresh);
    EXPECT_EQ(cache.stats().evaluated, cache.stats().reused);
    for (auto &[path, text] : files)
      if (path.ends_with(".tf")) {
        text += "\nlocals {\n  cloudpact_edit = 1\n}\n";
        break;
      }
    EXPECT_EQ(render(test::analyzeFiles(files, cached)), render(test::analyzeFiles(files)));
  }
}

} // namespace
