// What analyze() extracts: sinks, variable precedence, modules, diagnostics.
#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace cloudpact;
using namespace cloudpact::terraform::test;

namespace {
using Strings = std::vector<std::string>;

const char *kAgent = R"(variable "agent_model" {
  default = "anthropic.claude-v2"
}
resource "aws_bedrockagent_agent" "this" {
  agent_name       = "a"
  foundation_model = var.agent_model
}
)";
} // namespace

TEST(TerraformExtract, BedrockAgentIsAHostingSink) {
  Facts facts = analyzeFiles({{"main.tf", kAgent}});
  ASSERT_EQ(facts.accesses.size(), 1u);
  const ModelAccess &access = facts.accesses[0];
  EXPECT_EQ(access.kind, AccessKind::Hosting);
  EXPECT_EQ(access.api, "aws_bedrockagent_agent");
  EXPECT_EQ(access.impliedCloud, "aws");
  EXPECT_EQ(access.subject, "aws_bedrockagent_agent.this");
  EXPECT_EQ(access.range.begin.line, 6u);
  EXPECT_EQ(access.range.begin.column, 22u); // the value carrying the model
  EXPECT_EQ(evaluate(facts, access.model), Strings{"anthropic.claude-v2"});
}

TEST(TerraformExtract, TfvarsPrecedence) {
  Facts facts = analyzeFiles({{"main.tf", kAgent},
                              {"terraform.tfvars", "agent_model = \"from-tfvars\"\n"},
                              {"b.auto.tfvars", "agent_model = \"from-b-auto\"\n"},
                              {"a.auto.tfvars", "agent_model = \"from-a-auto\"\n"}});
  EXPECT_EQ(evaluateSymbol(facts, "tf:var.agent_model"), Strings{"from-b-auto"});
}

TEST(TerraformExtract, CandidateVarFilesAreConditionalAlternatives) {
  Facts facts = analyzeFiles({{"main.tf", kAgent}, {"environments/prod.tfvars", "agent_model = \"openai.gpt-oss-120b-1:0\"\n"}});
  Solver solver(facts, &functions());
  AbstractValue v = solver.evaluateSymbol("tf:var.agent_model");
  ASSERT_EQ(v.alternatives.size(), 2u);
  bool conditioned = false;
  for (const Shape &s : v.alternatives)
    if (s.render() == "openai.gpt-oss-120b-1:0")
      conditioned = s.conditions == Strings{"-var-file=environments/prod.tfvars"};
  EXPECT_TRUE(conditioned);
}

TEST(TerraformExtract, PinnedVarFileReplacesCandidates) {
  terraform::Options options;
  options.varFiles = {"environments/prod.tfvars"};
  Facts facts = analyzeFiles({{"main.tf", kAgent},
                              {"environments/prod.tfvars", "agent_model = \"prod-model\"\n"},
                              {"environments/dev.tfvars", "agent_model = \"dev-model\"\n"}},
                             options);
  EXPECT_EQ(evaluateSymbol(facts, "tf:var.agent_model"), Strings{"prod-model"});
}

TEST(TerraformExtract, ModuleInstancesAndOutputs) {
  Facts facts = analyzeFiles({{"main.tf", R"(
module "assistant" {
  source = "./modules/agent"
  model  = "openai.gpt-oss-20b-1:0"
}
module "helper" {
  source = "./modules/agent"
  model  = "meta.llama3"
}
locals { back = module.assistant.model_used }
)"},
                              {"modules/agent/main.tf", R"(
variable "model" {}
resource "aws_bedrockagent_agent" "this" {
  agent_name       = "x"
  foundation_model = var.model
}
output "model_used" { value = aws_bedrockagent_agent.this.foundation_model }
)"}});
  const ModelAccess *assistant = accessFor(facts, "module.assistant.aws_bedrockagent_agent.this");
  const ModelAccess *helper = accessFor(facts, "module.helper.aws_bedrockagent_agent.this");
  ASSERT_NE(assistant, nullptr);
  ASSERT_NE(helper, nullptr);
  EXPECT_EQ(evaluate(facts, assistant->model), Strings{"openai.gpt-oss-20b-1:0"});
  EXPECT_EQ(evaluate(facts, helper->model), Strings{"meta.llama3"});
  EXPECT_EQ(evaluateSymbol(facts, "tf:local.back"), Strings{"openai.gpt-oss-20b-1:0"});
  EXPECT_EQ(facts.accesses.size(), 2u); // modules/agent is not a root of its own
}

TEST(TerraformExtract, RemoteModuleWithoutManifestIsANote) {
  Facts facts = analyzeFiles({{"main.tf", R"(
module "remote" {
  source = "terraform-aws-modules/bedrock/aws"
}
locals { x = module.remote.arn }
)"}});
  ASSERT_TRUE(hasDiagnostic(facts, "remote source"));
  EXPECT_EQ(facts.diagnostics[0].level, Level::Note);
  EXPECT_EQ(evaluateSymbol(facts, "tf:local.x"), Strings{"…"});
}

TEST(TerraformExtract, ProviderAliasGivesTheRegion) {
  Facts facts = analyzeFiles({{"main.tf", R"(
provider "aws" { region = "us-east-1" }
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
resource "aws_bedrockagent_agent" "a" {
  provider         = aws.west
  foundation_model = "x"
}
)"}});
  ASSERT_EQ(facts.accesses.size(), 1u);
  ASSERT_TRUE(facts.accesses[0].region);
  EXPECT_EQ(evaluate(facts, facts.accesses[0].region), Strings{"us-west-2"});
}

TEST(TerraformExtract, AzureDeploymentNamesItsProvider) {
  Facts facts = analyzeFiles({{"main.tf", R"(
resource "azurerm_cognitive_deployment" "gpt" {
  name = "gpt-4o"
  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-08-06"
  }
}
)"}});
  ASSERT_EQ(facts.accesses.size(), 1u);
  EXPECT_EQ(facts.accesses[0].impliedCloud, "azure");
  EXPECT_EQ(evaluate(facts, facts.accesses[0].provider), Strings{"OpenAI"});
  EXPECT_EQ(evaluate(facts, facts.accesses[0].model), Strings{"gpt-4o"});
}

TEST(TerraformExtract, AzapiDeploymentBodyThroughJsonencode) {
  Facts facts = analyzeFiles({{"main.tf", R"(
resource "azapi_resource" "dep" {
  type = "Microsoft.CognitiveServices/accounts/deployments@2023-05-01"
  body = jsonencode({
    properties = { model = { format = "OpenAI", name = "gpt-4o" } }
  })
}
resource "azapi_resource" "acct" {
  type = "Microsoft.CognitiveServices/accounts@2023-05-01"
  body = { kind = "OpenAI" }
}
)"}});
  ASSERT_EQ(facts.accesses.size(), 1u);
  EXPECT_EQ(evaluate(facts, facts.accesses[0].model), Strings{"gpt-4o"});
  EXPECT_EQ(facts.accesses[0].range.begin.line, 5u);
}

TEST(TerraformExtract, SageMakerContainerEnvironmentAndEndpoint) {
  Facts facts = analyzeFiles({{"main.tf", R"(
resource "aws_sagemaker_model" "llm" {
  name = "gpt-oss"
  primary_container {
    image       = "763104351884.dkr.ecr.us-east-1.amazonaws.com/tgi:latest"
    environment = { HF_MODEL_ID = "openai/gpt-oss-20b" }
  }
}
resource "aws_sagemaker_endpoint_configuration" "cfg" {
  production_variants {
    model_name = aws_sagemaker_model.llm.name
  }
}
resource "aws_sagemaker_endpoint" "ep" {
  name                 = "chat"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.cfg.name
}
)"}});
  ASSERT_EQ(facts.accesses.size(), 1u);
  EXPECT_EQ(evaluate(facts, facts.accesses[0].model), Strings{"openai/gpt-oss-20b"});
  EXPECT_EQ(evaluate(facts, makeGet(makeRef("deployment:aws:chat"), "model")), Strings{"openai/gpt-oss-20b"});
}

TEST(TerraformExtract, KubernetesDeploymentEnv) {
  Facts facts = analyzeFiles({{"main.tf", R"(
resource "kubernetes_deployment_v1" "chat" {
  metadata { namespace = "shop" }
  spec {
    template {
      spec {
        container {
          env {
            name  = "OPENAI_BASE_URL"
            value = "https://x.openai.azure.com"
          }
          env {
            name = "MODEL"
            value_from {
              config_map_key_ref {
                name = "llm"
                key  = "model"
              }
            }
          }
        }
      }
    }
  }
}
)"}});
  EXPECT_EQ(evaluateSymbol(facts, "env:OPENAI_BASE_URL"), Strings{"https://x.openai.azure.com"});
  bool linked = false;
  for (const Assign &a : facts.assigns)
    if (a.symbol == "env:MODEL")
      linked = a.value->kind == ValueKind::Ref && a.value->text == "k8s:shop/ConfigMap/llm#model" &&
               a.phrase == "env MODEL of kubernetes_deployment_v1.chat";
  EXPECT_TRUE(linked);
}

TEST(TerraformExtract, ParseErrorIsLocatedAndTheRestIsAnalysed) {
  Facts facts = analyzeFiles({{"broken.tf", "resource \"x\" \"y\" {\n  a = \n  b = \"ok\"\n"}, {"main.tf", kAgent}});
  bool located = false;
  for (const Diagnostic &d : facts.diagnostics)
    located = located || (d.rule == "parse-error" && d.range.file() == "broken.tf" && d.range.begin.line >= 1);
  EXPECT_TRUE(located);
  EXPECT_EQ(facts.accesses.size(), 1u);
}

TEST(TerraformExtract, JsonSyntax) {
  Facts facts = analyzeFiles({{"main.tf.json", R"({
  "variable": { "m": { "default": "openai.gpt-oss-20b-1:0" } },
  "resource": { "aws_bedrockagent_agent": { "a": { "foundation_model": "${var.m}" } } }
})"}});
  ASSERT_EQ(facts.accesses.size(), 1u);
  EXPECT_EQ(evaluate(facts, facts.accesses[0].model), Strings{"openai.gpt-oss-20b-1:0"});
}

TEST(TerraformExtract, CountZeroHasNoInstances) {
  Facts facts = analyzeFiles({{"main.tf", R"(
variable "enabled" { default = false }
resource "aws_bedrockagent_agent" "a" {
  count            = var.enabled ? 1 : 0
  foundation_model = "openai.gpt-oss-20b-1:0"
}
)"}});
  EXPECT_TRUE(facts.accesses.empty());
}

TEST(TerraformExtract, DynamicBlocksExpand) {
  Facts facts = analyzeFiles({{"main.tf", R"(
locals { variants = ["openai.gpt-oss-20b-1:0", "meta.llama3"] }
resource "aws_bedrockagent_prompt" "p" {
  name = "p"
  dynamic "variant" {
    for_each = local.variants
    content {
      name     = "v${variant.key}"
      model_id = variant.value
    }
  }
}
)"}});
  ASSERT_EQ(facts.accesses.size(), 2u);
  EXPECT_EQ(evaluate(facts, facts.accesses[1].model), Strings{"meta.llama3"});
}
