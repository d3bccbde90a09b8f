#include "Analysis/Analyze.h"

#include <gtest/gtest.h>

using namespace cloudpact;

namespace {

SourceRange at(const std::string &file, uint32_t line, uint32_t column, uint32_t length = 5) {
  uint32_t offset = line * 1000 + column;
  return SourceRange{SourceLoc{file, line, column, offset}, SourceLoc{file, line, column + length, offset + length}};
}

ModelAccess hosting(ValuePtr model, std::string cloud, SourceRange range) {
  ModelAccess access;
  access.kind = AccessKind::Hosting;
  access.api = "aws_bedrockagent_agent";
  access.impliedCloud = std::move(cloud);
  access.model = std::move(model);
  access.range = std::move(range);
  access.subject = "aws_bedrockagent_agent.this";
  return access;
}

AnalysisOptions fixedDay() {
  AnalysisOptions options;
  options.today = "2026-11-27";
  return options;
}

TEST(AnalyzeTest, OpenAIOnBedrockIsAHostingViolationWithTrace) {
  Facts facts;
  facts.assigns.push_back(Assign{"tf:var.agent_model", makeLiteral("openai.gpt-oss-120b-1:0", at("variables.tf", 3, 13, 25)),
                                 at("variables.tf", 3, 3, 35), "default of variable agent_model"});
  facts.accesses.push_back(hosting(makeRef("tf:var.agent_model", at("main.tf", 7, 22)), "aws", at("main.tf", 7, 3, 35)));
  FileSet files;
  AnalysisResult result = analyze(facts, defaultPolicy(), files, fixedDay());
  ASSERT_EQ(result.findings.size(), 1u);
  const Finding &finding = result.findings[0];
  EXPECT_EQ(finding.rule, "exclusivity-hosting");
  EXPECT_EQ(finding.level, Level::Error);
  EXPECT_NE(finding.message.find("openai model 'openai.gpt-oss-120b-1:0' is hosted on aws"), std::string::npos) << finding.message;
  EXPECT_NE(finding.message.find("allows only azure, openai"), std::string::npos) << finding.message;
  ASSERT_EQ(finding.trace.size(), 1u);
  EXPECT_EQ(finding.trace[0].phrase, "default of variable agent_model");
  EXPECT_EQ(finding.trace[0].range.begin.column, 13u) << "the literal's position, the assignment's phrase";
  EXPECT_EQ(finding.fingerprint.size(), 16u);
}

TEST(AnalyzeTest, AnthropicOnBedrockHasNoContractAndIsAllowed) {
  Facts facts;
  facts.accesses.push_back(hosting(makeLiteral("anthropic.claude-v2"), "aws", at("main.tf", 1, 1)));
  FileSet files;
  AnalysisResult result = analyze(facts, defaultPolicy(), files, fixedDay());
  EXPECT_TRUE(result.findings.empty());
  ASSERT_EQ(result.routes.size(), 1u);
  EXPECT_EQ(result.routes[0]->verdict, Verdict::Allowed);
  EXPECT_EQ(result.routes[0]->provider, "anthropic");
}

TEST(AnalyzeTest, AzureEndpointWithUnknownResourceIsCompliant) {
  Facts facts;
  ModelAccess call;
  call.api = "libcurl";
  call.model = makeLiteral("gpt-4o");
  call.endpoint = makeConcat({makeLiteral("https://"), makeEnvRead("AZURE_RESOURCE"), makeLiteral(".openai.azure.com/openai/v1")});
  call.range = at("svc.cpp", 10, 5);
  facts.accesses.push_back(call);
  FileSet files;
  AnalysisResult result = analyze(facts, defaultPolicy(), files, fixedDay());
  EXPECT_TRUE(result.findings.empty());
  ASSERT_EQ(result.routes.size(), 1u);
  EXPECT_EQ(result.routes[0]->cloud, "azure");
}

TEST(AnalyzeTest, UnknownEndpointIsUnresolvedWithTheReason) {
  Facts facts;
  ModelAccess call;
  call.api = "libcurl";
  call.model = makeLiteral("gpt-4o");
  call.endpoint = makeEnvRead("OPENAI_BASE_URL");
  call.range = at("svc.cpp", 10, 5);
  facts.accesses.push_back(call);
  FileSet files;
  AnalysisResult result = analyze(facts, defaultPolicy(), files, fixedDay());
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, "unresolved-route");
  EXPECT_EQ(result.findings[0].level, Level::Note);
  EXPECT_NE(result.findings[0].message.find("OPENAI_BASE_URL"), std::string::npos) << result.findings[0].message;
}

TEST(AnalyzeTest, SeveralPathsToOneRouteAreOneFindingWithTheShortestTrace) {
  Facts facts;
  facts.assigns.push_back(Assign{"a", makeLiteral("openai.gpt-oss-20b-1:0", at("x.tf", 1, 10)), at("x.tf", 1, 1, 30), "first"});
  facts.assigns.push_back(Assign{"b", makeLiteral("openai.gpt-oss-120b-1:0", at("x.tf", 2, 10)), at("x.tf", 2, 1, 30), "second"});
  facts.assigns.push_back(Assign{"c", makeRef("b"), at("x.tf", 3, 1, 30), "third"});
  facts.accesses.push_back(hosting(makeChoice({makeRef("a"), makeRef("c")}), "aws", at("x.tf", 9, 1)));
  FileSet files;
  AnalysisResult result = analyze(facts, defaultPolicy(), files, fixedDay());
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].trace.size(), 1u);
  EXPECT_EQ(result.findings[0].alternatives.size(), 1u);
}

TEST(AnalyzeTest, PolicyExcludeAndRegionsAreHonoured) {
  Policy policy = defaultPolicy();
  policy.contracts[0].exclude = {"openai/gpt-oss-*"};
  Facts facts;
  facts.accesses.push_back(hosting(makeLiteral("openai.gpt-oss-120b-1:0"), "aws", at("main.tf", 1, 1)));
  FileSet files;
  EXPECT_TRUE(analyze(facts, policy, files, fixedDay()).findings.empty());

  Policy regional = defaultPolicy();
  regional.contracts[0].regions = {"westeurope"};
  Facts call;
  ModelAccess access;
  access.model = makeLiteral("gpt-4o");
  access.endpoint = makeLiteral("https://r.openai.azure.com");
  access.region = makeLiteral("eastus");
  access.range = at("main.tf", 2, 1);
  call.accesses.push_back(access);
  AnalysisResult result = analyze(call, regional, files, fixedDay());
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, "exclusivity-call");
  EXPECT_NE(result.findings[0].message.find("eastus"), std::string::npos);
}

TEST(AnalyzeTest, DiagnosticsBecomeFindingsAndOutputIsSorted) {
  Facts facts;
  facts.diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", at("b.tf", 2, 1), "syntax error"));
  facts.diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", at("a.tf", 9, 1), "syntax error"));
  FileSet files;
  AnalysisResult result = analyze(facts, defaultPolicy(), files, fixedDay());
  ASSERT_EQ(result.findings.size(), 2u);
  EXPECT_EQ(result.findings[0].range.file(), "a.tf");
  EXPECT_EQ(result.findings[1].range.file(), "b.tf");
}

TEST(AnalyzeTest, FingerprintSurvivesALineShift) {
  auto fingerprint = [](const std::string &text, uint32_t line) {
    FileSet files;
    files.add(SourceFile{"main.tf", text});
    Facts facts;
    facts.accesses.push_back(hosting(makeLiteral("openai.gpt-oss-120b-1:0"), "aws", at("main.tf", line, 3)));
    return analyze(facts, defaultPolicy(), files, AnalysisOptions{}).findings.at(0).fingerprint;
  };
  std::string original = "resource \"x\" \"y\" {\n  foundation_model = \"openai.gpt-oss-120b-1:0\"\n}\n";
  std::string shifted = "# a comment\n\n" + original;
  EXPECT_EQ(fingerprint(original, 2), fingerprint(shifted, 4));
}

} // namespace

namespace {

TEST(AnalyzeDeploymentTest, AzureDeploymentNameResolvesToItsModelAndFormat) {
  Facts facts;
  facts.assigns.push_back(Assign{"deployment:azure:chat",
                                 makeMap({{"model", makeLiteral("Meta-Llama-3.1-70B-Instruct", at("azure.tf", 8, 15))},
                                          {"provider", makeLiteral("Meta", at("azure.tf", 7, 15))}}),
                                 at("azure.tf", 1, 1, 200), "azurerm_cognitive_deployment.chat"});
  ModelAccess call;
  call.api = "libcurl";
  call.endpoint = makeLiteral("https://shop.openai.azure.com/openai/deployments/chat/chat/completions?api-version=2024-10-21");
  call.range = at("svc.cpp", 10, 5);
  facts.accesses.push_back(call);
  FileSet files;
  AnalysisResult result = analyze(facts, defaultPolicy(), files, fixedDay());
  ASSERT_EQ(result.routes.size(), 1u);
  EXPECT_EQ(result.routes[0]->provider, "meta");
  EXPECT_EQ(result.routes[0]->cloud, "azure");
  EXPECT_EQ(result.routes[0]->verdict, Verdict::Allowed);
}

TEST(AnalyzeDeploymentTest, SageMakerEndpointNameResolvesToTheHostedModel) {
  Facts facts;
  facts.assigns.push_back(Assign{"deployment:aws:chat-endpoint",
                                 makeMap({{"model", makeLiteral("openai/gpt-oss-120b", at("sagemaker.tf", 12, 20))}}),
                                 at("sagemaker.tf", 1, 1, 300), "aws_sagemaker_endpoint.chat"});
  ModelAccess call;
  call.api = "aws-sdk-cpp SageMakerRuntime::InvokeEndpoint";
  call.impliedCloud = "aws";
  call.model = makeLiteral("chat-endpoint");
  call.range = at("svc.cpp", 20, 5);
  facts.accesses.push_back(call);
  FileSet files;
  AnalysisResult result = analyze(facts, defaultPolicy(), files, fixedDay());
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, "exclusivity-call");
  EXPECT_NE(result.findings[0].message.find("gpt-oss-120b"), std::string::npos) << result.findings[0].message;
  ASSERT_FALSE(result.findings[0].trace.empty());
  EXPECT_EQ(result.findings[0].trace.front().range.file(), "sagemaker.tf");
}

TEST(AnalyzeWorkloadsTest, MappingLinksEnvOnlyFromTheMappedWorkload) {
  Policy policy = defaultPolicy();
  policy.workloads.push_back(WorkloadMapping{"shop/Deployment/chat", {"services/chat/*"}, "", {}});
  Facts facts;
  Assign chat{"env:OPENAI_BASE_URL", makeLiteral("https://r.openai.azure.com/openai/v1"), at("chat.yaml", 5, 1), "env of chat"};
  chat.origin = "shop/Deployment/chat";
  Assign other{"env:OPENAI_BASE_URL", makeLiteral("https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1"),
               at("other.yaml", 5, 1), "env of other"};
  other.origin = "shop/Deployment/other";
  facts.assigns.push_back(chat);
  facts.assigns.push_back(other);
  ModelAccess call;
  call.api = "libcurl";
  call.model = makeLiteral("gpt-4o");
  call.endpoint = makeEnvRead("OPENAI_BASE_URL", at("services/chat/main.cpp", 3, 1), "read by std::getenv");
  call.range = at("services/chat/main.cpp", 9, 1);
  facts.accesses.push_back(call);
  FileSet files;
  EXPECT_TRUE(analyze(facts, policy, files, fixedDay()).findings.empty()) << "only the mapped workload reaches the code";
  EXPECT_EQ(analyze(facts, defaultPolicy(), files, fixedDay()).findings.size(), 1u) << "by name, both workloads reach it";
}

} // namespace
