// helm_release values: documents deep-merged in order, `set` paths (with escapes) overriding,
// chart matching, and bad set names diagnosed.
#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace cloudpact;
using namespace cloudpact::terraform::test;

namespace {
using Strings = std::vector<std::string>;

std::vector<const ModelAccess *> helmAccesses(const Facts &facts) {
  std::vector<const ModelAccess *> out;
  for (const ModelAccess &a : facts.accesses)
    if (a.api.rfind("helm_release", 0) == 0)
      out.push_back(&a);
  return out;
}
} // namespace

TEST(TerraformHelm, LaterValuesDocumentsMergeDeeply) {
  // The second document replaces modelSpec but keeps the first document's other keys.
  Facts facts = analyzeFiles({{"main.tf", R"(resource "helm_release" "s" {
  name  = "s"
  chart = "vllm-stack"
  values = [
    yamlencode({ servingEngineSpec = { runtimeClassName = "nvidia", modelSpec = [{ modelURL = "first" }] } }),
    yamlencode({ servingEngineSpec = { modelSpec = [{ modelURL = "second" }] } }),
  ]
}
)"}});
  std::vector<const ModelAccess *> accesses = helmAccesses(facts);
  ASSERT_EQ(accesses.size(), 1u);
  EXPECT_EQ(accesses[0]->kind, AccessKind::Hosting);
  EXPECT_EQ(accesses[0]->impliedCloud, "");
  EXPECT_EQ(accesses[0]->cloud, nullptr);
  EXPECT_EQ(evaluate(facts, accesses[0]->model), Strings{"second"});
  EXPECT_EQ(accesses[0]->range.begin.line, 6u);
}

TEST(TerraformHelm, SetOverridesValuesAndEscapesDots) {
  Facts facts = analyzeFiles({{"main.tf", R"(resource "helm_release" "p" {
  name  = "p"
  chart = "https://charts.example.com/litellm-helm"
  values = [yamlencode({ proxy_config = { model_list = [{ litellm_params = { model = "azure/gpt-4o" } }] } })]
  set {
    name  = "proxy_config.model_list[0].litellm_params.model"
    value = "vertex_ai/gemini-2.5-pro"
  }
  set {
    name  = "extraEnv[0].name"
    value = "A\\.B"
  }
  set {
    name  = "podAnnotations.example\\.com/team"
    value = "ml"
  }
}
)"}});
  std::vector<const ModelAccess *> accesses = helmAccesses(facts);
  ASSERT_EQ(accesses.size(), 1u);
  EXPECT_EQ(accesses[0]->impliedCloud, "gcp");
  EXPECT_EQ(evaluate(facts, accesses[0]->model), Strings{"gemini-2.5-pro"});
  EXPECT_EQ(accesses[0]->range.begin.line, 7u);
  EXPECT_TRUE(facts.diagnostics.empty());
}

TEST(TerraformHelm, OtherChartsAndBadSetNames) {
  Facts facts = analyzeFiles({{"main.tf", R"(resource "helm_release" "x" {
  name  = "x"
  chart = "not-vllm-stack"
  values = [yamlencode({ servingEngineSpec = { modelSpec = [{ modelURL = "m" }] } })]
  set {
    name  = "a[b]"
    value = "1"
  }
}
)"}});
  EXPECT_TRUE(helmAccesses(facts).empty());
  ASSERT_EQ(facts.diagnostics.size(), 1u);
  EXPECT_EQ(facts.diagnostics[0].level, Level::Warning);
  EXPECT_EQ(facts.diagnostics[0].range.begin.line, 7u);
}
