// The engine behind the language server: buffers over disk, per-frontend caching, per-file
// publishing. Real frontends, a temporary workspace, no threads.
#include "Driver/Session.h"

#include "TestDirectory.h"

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
  void onAnalysed(const AnalysisReport &report) override { reports.push_back(report); }
  std::vector<AnalysisReport> reports;
  int timesPublished(const std::string &path) const {
    int n = 0;
    for (const auto &entry : published)
      n += entry.first == path;
    return n;
  }
};

class SessionTest : public ::testing::Test {
protected:
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
  cloudpact::unittest::TestDirectory directory{"cloudpact-session"};
  std::string root = directory.string();
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

  session.close(policy); // back to the allowing policy on disk, which says that it allows aws
  EXPECT_EQ(recorder.lastCount(main), 0);
  ASSERT_EQ(recorder.lastCount(policy), 1);
  EXPECT_EQ(session.findingsIn(policy)[0].rule, "policy-relaxed");
  EXPECT_EQ(session.findingsIn(policy)[0].range.begin.line, 2u);
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

/// Findings of `path` as text, for comparing sessions.
std::string render(const std::vector<Finding> &findings) {
  std::string out;
  for (const Finding &finding : findings) {
    out += formatLoc(finding.range.begin) + " " + finding.rule + " " + finding.message;
    for (const TraceStep &step : finding.trace)
      out += "\n  " + formatLoc(step.range.begin) + " " + step.phrase;
    out += "\n";
  }
  return out;
}

TEST_F(SessionTest, EditingOneFileParsesOnlyThatFile) {
  std::string main = write("stack/main.tf", "variable \"model\" {\n  default = \"anthropic.claude-3-5-sonnet-20240620-v1:0\"\n}\n");
  std::string agent = write("stack/agent.tf", "resource \"aws_bedrockagent_agent\" \"a\" {\n  foundation_model = var.model\n}\n");
  write("stack/other.tf", "locals {\n  unused = \"x\"\n}\n");
  write("stack/terraform.tfvars", "region = \"us-east-1\"\n");
  std::string cm = write("k8s/cm.yaml", kConfigMap);
  write("k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: chat\nspec:\n  template:\n"
                           "    spec:\n      containers:\n        - name: app\n          envFrom:\n"
                           "            - configMapRef: {name: llm}\n");
  Session session(options(), recorder);
  std::string text = "variable \"model\" {\n  default = \"openai.gpt-oss-120b-1:0\"\n}\n";
  session.update(main, text, 1);
  ASSERT_EQ(recorder.reports.size(), 1u);
  const AnalysisReport &first = recorder.reports[0];
  EXPECT_EQ(first.terraform.parsed, 4u);
  EXPECT_EQ(first.terraform.incremental, 0u);
  EXPECT_EQ(first.manifests.parsed, 2u);

  // A keystroke in main.tf: that file is parsed again from its previous tree; the other
  // Terraform files keep their trees; manifests are not looked at.
  text.insert(text.find("gpt-oss"), "x");
  session.update(main, text, 2);
  ASSERT_EQ(recorder.reports.size(), 2u);
  const AnalysisReport &edit = recorder.reports[1];
  EXPECT_TRUE(edit.terraform.ran);
  EXPECT_EQ(edit.terraform.parsed, 1u);
  EXPECT_EQ(edit.terraform.incremental, 1u);
  EXPECT_EQ(edit.terraform.kept, 3u);
  EXPECT_FALSE(edit.manifests.ran);
  EXPECT_FALSE(edit.cxx.ran);
  EXPECT_EQ(edit.number, 2u);

  // An edit of one manifest keeps the other's documents.
  session.update(cm, std::string(kConfigMap) + "  OTHER: x\n", 1);
  const AnalysisReport &manifest = recorder.reports.back();
  EXPECT_FALSE(manifest.terraform.ran);
  EXPECT_EQ(manifest.manifests.parsed, 1u);
  EXPECT_EQ(manifest.manifests.incremental, 1u);
  EXPECT_EQ(manifest.manifests.kept, 1u);

  // What the kept parses give is what a new session, parsing everything, gives.
  Recorder other;
  Session fresh(options(), other);
  fresh.update(main, text, 1);
  fresh.update(cm, std::string(kConfigMap) + "  OTHER: x\n", 1);
  EXPECT_EQ(render(session.findingsIn(agent)), render(fresh.findingsIn(agent)));
  ASSERT_EQ(session.findingsIn(agent).size(), 1u);
  EXPECT_NE(session.findingsIn(agent)[0].message.find("openai.xgpt-oss"), std::string::npos)
      << session.findingsIn(agent)[0].message;
  AnalysisReport timed = recorder.reports[1];
  timed.milliseconds = 12;
  timed.solverMilliseconds = 3;
  timed.terraform.milliseconds = 8;
  EXPECT_EQ(describe(timed), "analysis 2 took 12 ms (solver 3 ms); Terraform: 1 file parsed (1 incrementally), 3 kept; "
                             "1 root module evaluated, 0 kept (8 ms); manifests: unchanged; C++: unchanged; 1 finding");
}

TEST_F(SessionTest, EditorEditsReachTheKeptTree) {
  std::string main = write("main.tf", kClean);
  Session session(options(), recorder);
  session.update(main, kClean, 1);
  // The editor's replacement of the model id, as the server hands it over.
  std::string text = kClean;
  size_t at = text.find("anthropic.claude-3-5-sonnet-20240620-v1:0");
  syntax::TextReplacement edit{at, std::string("anthropic.claude-3-5-sonnet-20240620-v1:0").size(),
                               "openai.gpt-oss-120b-1:0"};
  text.replace(edit.offset, edit.removed, edit.inserted);
  ASSERT_EQ(text, kViolating);
  session.update(main, text, 2, {edit});
  EXPECT_EQ(recorder.reports.back().terraform.incremental, 1u);
  EXPECT_EQ(recorder.lastCount(main), 1);
  // Edits that do not match the buffer (a confused client) still give the right result.
  session.update(main, kClean, 3, {syntax::TextReplacement{0, 1, "#"}});
  EXPECT_EQ(recorder.lastCount(main), 0);
}

TEST_F(SessionTest, FilesReadByTerraformAreWatched) {
  write("stack/model.txt", "anthropic.claude-3-5-sonnet-20240620-v1:0\n");
  std::string main = write("stack/main.tf", "resource \"aws_bedrockagent_agent\" \"a\" {\n"
                                            "  foundation_model = trimspace(file(\"${path.module}/model.txt\"))\n}\n");
  write("other/main.tf", kClean);
  Session session(options(), recorder);
  session.flush();
  EXPECT_TRUE(session.findingsIn(main).empty());
  // Not a Terraform file, but the stack reads it: that root is evaluated again, the other kept.
  std::string model = write("stack/model.txt", "openai.gpt-oss-120b-1:0\n");
  session.filesChanged({model});
  EXPECT_EQ(recorder.reports.back().terraform.rootsEvaluated, 1u);
  EXPECT_EQ(recorder.reports.back().terraform.rootsKept, 1u);
  EXPECT_EQ(recorder.reports.back().terraform.parsed, 0u);
  EXPECT_EQ(recorder.lastCount(main), 1);
}

TEST_F(SessionTest, DeletedFilesAreForgotten) {
  write("a.tf", kClean);
  std::string b = write("b.tf", kViolating);
  Session session(options(), recorder);
  session.flush();
  EXPECT_EQ(recorder.reports.back().terraform.parsed, 2u);
  fs::remove(b);
  session.filesChanged({b});
  EXPECT_EQ(recorder.reports.back().terraform.parsed, 0u);
  EXPECT_EQ(recorder.reports.back().terraform.kept, 1u);
  EXPECT_EQ(recorder.lastCount(b), 0);
  // Created again: its old tree was dropped, so it is parsed from nothing.
  write("b.tf", kViolating);
  session.filesChanged({b});
  EXPECT_EQ(recorder.reports.back().terraform.parsed, 1u);
  EXPECT_EQ(recorder.reports.back().terraform.incremental, 0u);
  EXPECT_EQ(recorder.lastCount(b), 1);
}

} // namespace
