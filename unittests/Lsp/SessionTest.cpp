// The engine behind the language server: buffers over disk, per-frontend caching, per-file
// publishing. Real frontends, a temporary workspace, no threads.
#include "Driver/Session.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace cloudpact;
namespace fs = std::filesystem;

namespace {

const char *kViolating = "resource \"aws_bedrockagent_agent\" \"a\" {\n  foundation_model = \"openai.gpt-oss-120b-1:0\"\n}\n";
const char *kClean =
    "resource \"aws_bedrockagent_agent\" \"a\" {\n  foundation_model = \"anthropic.claude-3-5-sonnet-20240620-v1:0\"\n}\n";
const char *kConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: llm\ndata:\n  KEY: value\n";

struct Recorder : SessionCallbacks {
  std::vector<std::pair<std::string, std::vector<Finding>>> published;
  void onFindingsReady(const std::string &path, const std::vector<Finding> &findings) override {
    published.emplace_back(path, findings);
  }
  /// The last publication for `path`, or -1 if there was none.
  int lastCount(const std::string &path) const {
    for (auto it = published.rbegin(); it != published.rend(); ++it)
      if (it->first == path)
        return static_cast<int>(it->second.size());
    return -1;
  }
  int timesPublished(const std::string &path) const {
    int n = 0;
    for (const auto &entry : published)
      n += entry.first == path;
    return n;
  }
};

class SessionTest : public ::testing::Test {
protected:
  void SetUp() override {
    root = (fs::temp_directory_path() / ("cloudpact-session-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name()))
               .generic_string();
    fs::remove_all(root);
    fs::create_directories(root);
  }
  void TearDown() override { fs::remove_all(root); }
  std::string write(const std::string &name, const std::string &text) {
    std::string path = root + "/" + name;
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  SessionOptions options() {
    SessionOptions o;
    o.root = root;
    o.today = "2026-01-01";
    return o;
  }
  std::string root;
  Recorder recorder;
};

TEST_F(SessionTest, BufferTakesPrecedenceOverDisk) {
  std::string main = write("main.tf", kViolating);
  Session session(options(), recorder);
  session.update(main, kClean, 1);
  EXPECT_EQ(recorder.lastCount(main), 0);
  EXPECT_EQ(session.version(main).value_or(-1), 1);
  // Closing the buffer goes back to what the disk says.
  session.close(main);
  EXPECT_EQ(recorder.lastCount(main), 1);
  EXPECT_FALSE(session.version(main));
  ASSERT_EQ(session.findingsIn(main).size(), 1u);
  EXPECT_EQ(session.findingsIn(main)[0].rule, "exclusivity-hosting");
  EXPECT_EQ(session.findingsIn(main)[0].range.begin.line, 2u);
}

TEST_F(SessionTest, FirstAnalysisPublishesTheWholeWorkspace) {
  std::string main = write("infra/main.tf", kViolating);
  std::string other = write("other.tf", "variable \"x\" {}\n");
  Session session(options(), recorder);
  session.update(other, "variable \"x\" {}\n", 1);
  EXPECT_EQ(recorder.lastCount(main), 1); // not open, still reported
  EXPECT_EQ(recorder.lastCount(other), 0); // the updated file always hears back
}

TEST_F(SessionTest, FixingUpstreamClearsTheSinkFile) {
  std::string main = write("main.tf", "resource \"aws_bedrockagent_agent\" \"a\" {\n  foundation_model = var.m\n}\n");
  std::string vars = write("vars.tf", "variable \"m\" {\n  default = \"openai.gpt-oss-120b-1:0\"\n}\n");
  Session session(options(), recorder);
  session.update(vars, "variable \"m\" {\n  default = \"openai.gpt-oss-120b-1:0\"\n}\n", 1);
  ASSERT_EQ(session.findingsIn(main).size(), 1u);
  ASSERT_EQ(session.findingsIn(main)[0].trace.size(), 1u);
  EXPECT_EQ(session.findingsIn(main)[0].trace[0].range.file(), vars);
  size_t before = recorder.published.size();
  session.update(vars, "variable \"m\" {\n  default = \"anthropic.claude-3-5-sonnet-20240620-v1:0\"\n}\n", 2);
  // main.tf was not touched but lost its finding: it gets an empty publication.
  EXPECT_EQ(recorder.lastCount(main), 0);
  EXPECT_GT(recorder.published.size(), before);
}

TEST_F(SessionTest, OnlyChangedFrontendsRerun) {
  std::string main = write("main.tf", kViolating);
  std::string cm = write("cm.yaml", kConfigMap);
  Session session(options(), recorder);
  session.update(main, kViolating, 1);
  EXPECT_EQ(session.stats().terraformExtractions, 1u);
  EXPECT_EQ(session.stats().manifestExtractions, 1u);
  EXPECT_EQ(session.stats().diskScans, 1u);

  session.update(cm, std::string(kConfigMap) + "  OTHER: x\n", 1);
  EXPECT_EQ(session.stats().terraformExtractions, 1u); // cached
  EXPECT_EQ(session.stats().manifestExtractions, 2u);

  session.update(main, kViolating, 2); // same text: nothing to extract, analysis reruns
  EXPECT_EQ(session.stats().terraformExtractions, 1u);
  EXPECT_EQ(session.stats().manifestExtractions, 2u);
  EXPECT_EQ(session.stats().analyses, 3u);

  session.update(main, kClean, 3);
  EXPECT_EQ(session.stats().terraformExtractions, 2u);
  EXPECT_EQ(session.stats().manifestExtractions, 2u);
  EXPECT_EQ(session.stats().diskScans, 1u);
}

TEST_F(SessionTest, UnchangedFilesAreNotRepublished) {
  std::string main = write("main.tf", kViolating);
  std::string cm = write("cm.yaml", kConfigMap);
  Session session(options(), recorder);
  session.update(cm, kConfigMap, 1);
  EXPECT_EQ(recorder.timesPublished(main), 1);
  session.update(cm, std::string(kConfigMap) + "  OTHER: x\n", 2);
  EXPECT_EQ(recorder.timesPublished(main), 1);
  EXPECT_EQ(recorder.timesPublished(cm), 2);
}

TEST_F(SessionTest, PolicyReloadsFromDiskAndFromItsBuffer) {
  std::string main = write("main.tf", kViolating);
  Session session(options(), recorder);
  session.update(main, kViolating, 1);
  EXPECT_EQ(recorder.lastCount(main), 1);
  EXPECT_EQ(session.policyPath(), "");

  // A policy appears on disk; the editor says the watched files changed.
  std::string policy = write(".cloudpact.yaml", "contracts:\n  - provider: openai\n    clouds: [azure, openai, aws]\n");
  session.filesChanged({policy});
  EXPECT_EQ(session.policyPath(), policy);
  EXPECT_EQ(recorder.lastCount(main), 0);

  // The policy is open and being edited: its buffer is the policy, its errors are its diagnostics.
  session.update(policy, "contracts:\n  - provider: openai\n    clouds: [azure]\n    severty: error\n", 1);
  EXPECT_EQ(recorder.lastCount(main), 1);
  ASSERT_EQ(recorder.lastCount(policy), 1);
  EXPECT_EQ(session.findingsIn(policy)[0].rule, "policy-error");
  EXPECT_EQ(session.findingsIn(policy)[0].range.begin.line, 4u);

  session.close(policy); // back to the allowing policy on disk
  EXPECT_EQ(recorder.lastCount(main), 0);
  EXPECT_EQ(recorder.lastCount(policy), 0);
}

TEST_F(SessionTest, ExplicitPolicyFile) {
  std::string main = write("main.tf", kViolating);
  std::string allow = write("policies/allow.yaml", "contracts:\n  - provider: openai\n    clouds: [aws]\n");
  Session session(options(), recorder);
  session.update(main, kViolating, 1);
  EXPECT_EQ(recorder.lastCount(main), 1);
  session.setPolicyFile(allow);
  EXPECT_EQ(recorder.lastCount(main), 0);
  session.setPolicyFile("");
  EXPECT_EQ(recorder.lastCount(main), 1);
  EXPECT_EQ(session.stats().policyLoads, 3u);
}

TEST_F(SessionTest, DeferredAnalysisWaitsForFlush) {
  std::string main = write("main.tf", kClean);
  SessionOptions o = options();
  o.deferAnalysis = true;
  Session session(o, recorder);
  session.update(main, kViolating, 1);
  session.update(main, kClean, 2);
  session.update(main, kViolating, 3);
  EXPECT_TRUE(recorder.published.empty());
  EXPECT_TRUE(session.stale());
  session.flush();
  EXPECT_FALSE(session.stale());
  EXPECT_EQ(session.stats().analyses, 1u); // three edits, one analysis
  EXPECT_EQ(recorder.lastCount(main), 1);
}

TEST_F(SessionTest, WithoutRootOnlyBuffersCount) {
  write("main.tf", kViolating);
  SessionOptions o = options();
  o.root.clear();
  Session session(o, recorder);
  std::string buffer = "/nowhere/x/main.tf";
  session.update(buffer, kViolating, 1);
  EXPECT_EQ(recorder.lastCount(buffer), 1);
  EXPECT_EQ(recorder.lastCount(root + "/main.tf"), -1);
  EXPECT_EQ(session.stats().diskScans, 0u);
  session.close(buffer);
  EXPECT_EQ(recorder.lastCount(buffer), 0);
}

TEST_F(SessionTest, SuppressedFindingsAreNotPublished) {
  std::string main = write("main.tf", kViolating);
  Session session(options(), recorder);
  session.update(main,
                 "resource \"aws_bedrockagent_agent\" \"a\" {\n  # cloudpact: ignore[exclusivity-hosting] approved\n"
                 "  foundation_model = \"openai.gpt-oss-120b-1:0\"\n}\n",
                 1);
  EXPECT_EQ(recorder.lastCount(main), 0);
}

} // namespace
