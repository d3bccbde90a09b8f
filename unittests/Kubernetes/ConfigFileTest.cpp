// Config files kept as files of their own (a LiteLLM proxy config beside the manifests).
#include "Kubernetes/Context.h"
#include "Kubernetes/Kubernetes.h"

#include <gtest/gtest.h>

using namespace cloudpact;
using namespace cloudpact::kubernetes;

namespace {

constexpr std::string_view kConfig = "model_list:\n"
                                     "  - model_name: a\n"
                                     "    litellm_params: {model: anthropic/claude-sonnet-4-20250514}\n"
                                     "  - model_name: b\n"
                                     "    litellm_params: {model: azure/gpt-4o}\n";

TEST(ConfigFile, TheKeyLineLetsTheFileIn) {
  EXPECT_TRUE(isManifest(SourceFile{"litellm-config.yaml", std::string(kConfig)}));
  EXPECT_TRUE(isManifest(SourceFile{"c.yaml", "\xEF\xBB\xBFmodel_list:\n  - {}\n"}));
  // Indented, it is a key of something else (a ConfigMap value, Helm values).
  EXPECT_FALSE(isManifest(SourceFile{"values.yaml", "proxy:\n  model_list:\n    - {}\n"}));
  EXPECT_FALSE(isManifest(SourceFile{"values.yaml", "# model_list: []\n"}));
}

TEST(ConfigFile, NeedsEntriesWithLiteLlmParams) {
  auto rootOf = [](std::string text) {
    syntax::ParseResult parsed = syntax::parseYaml(text, "c.yaml");
    EXPECT_EQ(parsed.documents.size(), 1u);
    return parsed.documents.front().root;
  };
  EXPECT_TRUE(isConfigFileRoot(rootOf(std::string(kConfig))));
  EXPECT_FALSE(isConfigFileRoot(rootOf("model_list: [gpt-4o, claude]\n")));
  EXPECT_FALSE(isConfigFileRoot(rootOf("model_list: []\n")));
  EXPECT_FALSE(isConfigFileRoot(rootOf("apiVersion: v1\nkind: X\nmodel_list:\n  - litellm_params: {model: a}\n")));
}

TEST(ConfigFile, EntriesReportedBeforeAreNotReportedAgain) {
  SourceFile file{"litellm-config.yaml", std::string(kConfig)};
  syntax::ParseResult parsed = syntax::parseYaml(file.text, file.path);
  ASSERT_EQ(parsed.documents.size(), 1u);
  Manifests manifests;
  Index index(manifests.objects);
  Facts facts;
  Context ctx{manifests, index, facts, {}, {}};

  analyzeConfigFile(ctx, file, parsed.documents.front().root);
  ASSERT_EQ(facts.accesses.size(), 2u);
  EXPECT_EQ(facts.accesses[0].subject, "LiteLLM proxy config litellm-config.yaml");
  EXPECT_EQ(facts.accesses[1].range.begin.line, 5u);

  // As when a ConfigMap generated from the file came first: its entries sit at the same places.
  facts.accesses[0].subject = "Deployment gw/litellm-proxy";
  analyzeConfigFile(ctx, file, parsed.documents.front().root);
  ASSERT_EQ(facts.accesses.size(), 2u);
  EXPECT_EQ(facts.accesses[0].subject, "Deployment gw/litellm-proxy");
}

} // namespace
