#include "Analysis/Classify.h"

#include <gtest/gtest.h>

using namespace cloudpact;

namespace {

Shape shapeOf(std::initializer_list<std::pair<bool, std::string>> pieces) {
  Shape shape;
  for (const auto &[hole, text] : pieces)
    appendPiece(shape.pieces, Piece{hole, text});
  return shape;
}

Shape literal(const std::string &text) { return shapeOf({{false, text}}); }

struct ModelCase {
  const char *id;
  const char *provider;
  const char *model;
};

class ModelClassification : public testing::TestWithParam<ModelCase> {};

TEST_P(ModelClassification, ProviderAndNormalisedName) {
  static const Classifier classifier(defaultPolicy());
  const ModelCase &c = GetParam();
  ModelClass result = classifier.classifyModel(std::string(c.id));
  EXPECT_EQ(result.provider, c.provider) << c.id;
  if (*c.provider) {
    EXPECT_EQ(result.model, c.model) << c.id;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Catalog, ModelClassification,
    testing::Values(
        ModelCase{"openai.gpt-oss-120b-1:0", "openai", "gpt-oss-120b"},
        ModelCase{"openai.gpt-oss-20b-1:0", "openai", "gpt-oss-20b"},
        ModelCase{"us.openai.gpt-oss-120b-1:0", "openai", "gpt-oss-120b"},
        ModelCase{"global.openai.gpt-5.5", "openai", "gpt-5.5"},
        ModelCase{"openai.gpt-5.4", "openai", "gpt-5.4"},
        ModelCase{"arn:aws:bedrock:us-west-2::foundation-model/openai.gpt-oss-120b-1:0", "openai", "gpt-oss-120b"},
        ModelCase{"arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.openai.gpt-oss-20b-1:0", "openai", "gpt-oss-20b"},
        ModelCase{"arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/anthropic.claude-v2", "anthropic", "claude"},
        ModelCase{"projects/p/locations/us-central1/publishers/openai/models/gpt-oss-120b-maas", "openai", "gpt-oss-120b"},
        ModelCase{"publishers/google/models/gemini-2.5-flash", "google", "gemini-2.5-flash"},
        ModelCase{"publishers/anthropic/models/claude-sonnet-4@20250514", "anthropic", "claude-sonnet-4"},
        ModelCase{"openai/gpt-oss-120b-maas", "openai", "gpt-oss-120b"},
        ModelCase{"meta/llama-3.3-70b-instruct-maas", "meta", "llama-3.3-70b-instruct"},
        ModelCase{"openai/gpt-oss-120b", "openai", "gpt-oss-120b"},
        ModelCase{"hf://openai/gpt-oss-20b", "openai", "gpt-oss-20b"},
        ModelCase{"meta-llama/Llama-3.1-8B-Instruct", "meta", "llama-3.1-8b-instruct"},
        ModelCase{"@cf/openai/gpt-oss-120b", "openai", "gpt-oss-120b"},
        ModelCase{"gpt-4o", "openai", "gpt-4o"},
        ModelCase{"o3", "openai", "o3"},
        ModelCase{"o4-mini", "openai", "o4-mini"},
        ModelCase{"text-embedding-3-large", "openai", "text-embedding-3-large"},
        ModelCase{"anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic", "claude-3-5-sonnet-20241022"},
        ModelCase{"meta.llama3-1-70b-instruct-v1:0", "meta", "llama3-1-70b-instruct"},
        ModelCase{"amazon.nova-lite-v1:0", "amazon", "nova-lite"},
        ModelCase{"claude-sonnet-4-20250514", "anthropic", "claude-sonnet-4-20250514"},
        // Near misses: not models of a known provider.
        ModelCase{"my-deployment", "", ""},
        ModelCase{"openaix.gpt-4", "", ""},
        ModelCase{"o", "", ""},
        ModelCase{"oracle-db", "", ""}));

TEST(ModelClassificationWithHoles, KnownPrefixIsEnough) {
  Classifier classifier(defaultPolicy());
  EXPECT_EQ(classifier.classifyModel(shapeOf({{false, "openai."}, {true, "version"}})).provider, "openai");
  EXPECT_EQ(classifier.classifyModel(shapeOf({{false, "gpt-"}, {true, "size"}})).provider, "openai");
  EXPECT_EQ(classifier.classifyModel(shapeOf({{true, "provider"}, {false, ".gpt-oss-120b-1:0"}})).provider, "");
  EXPECT_EQ(classifier.classifyModel(shapeOf({{true, "everything"}})).provider, "");
}

struct HostCase {
  const char *url;
  const char *cloud;
  const char *region;
  const char *impliedProvider;
};

class EndpointClassification : public testing::TestWithParam<HostCase> {};

TEST_P(EndpointClassification, CloudRegionAndImpliedProvider) {
  static const Classifier classifier(defaultPolicy());
  const HostCase &c = GetParam();
  EndpointClass result = classifier.classifyEndpoint(literal(c.url));
  EXPECT_EQ(result.cloud, c.cloud) << c.url;
  EXPECT_EQ(result.region, c.region) << c.url;
  EXPECT_EQ(result.impliedProvider, c.impliedProvider) << c.url;
}

INSTANTIATE_TEST_SUITE_P(
    Catalog, EndpointClassification,
    testing::Values(
        HostCase{"https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse", "aws", "us-east-1", ""},
        HostCase{"https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1/chat/completions", "aws", "us-west-2", "openai"},
        HostCase{"https://bedrock-mantle.us-east-1.api.aws/openai/v1", "aws", "us-east-1", "openai"},
        HostCase{"https://runtime.sagemaker.eu-west-1.amazonaws.com/endpoints/e/invocations", "aws", "eu-west-1", ""},
        HostCase{"bedrock-runtime.us-east-1.amazonaws.com", "aws", "us-east-1", ""},
        HostCase{"https://my-res.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21", "azure", "", "openai"},
        HostCase{"https://my-res.cognitiveservices.azure.com/", "azure", "", ""},
        HostCase{"https://proj.services.ai.azure.com/models", "azure", "", ""},
        HostCase{"https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/endpoints/openapi", "gcp", "us-central1", ""},
        HostCase{"https://inference.generativeai.us-chicago-1.oci.oraclecloud.com", "oci", "us-chicago-1", ""},
        HostCase{"https://api.openai.com/v1/", "openai", "", "openai"},
        HostCase{"https://API.OpenAI.com:443/v1", "openai", "", "openai"},
        HostCase{"https://gateway.ai.cloudflare.com/v1/acct/gw/openai", "openai", "", "openai"},
        HostCase{"https://gateway.ai.cloudflare.com/v1/acct/gw/aws-bedrock/bedrock-runtime/us-east-1", "aws", "", ""},
        HostCase{"https://gateway.ai.cloudflare.com/v1/acct/gw", "cloudflare-ai-gateway", "", ""},
        HostCase{"https://openrouter.ai/api/v1", "openrouter", "", ""},
        HostCase{"https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent", "google", "", "google"},
        HostCase{"http://localhost:11434/api/chat", "self-hosted", "", ""},
        HostCase{"http://vllm.models.svc.cluster.local:8000/v1", "self-hosted", "", ""},
        // Near misses.
        HostCase{"https://openai.azure.com.evil.example/v1", "", "", ""},
        HostCase{"https://api.openai.com.attacker.net/v1", "", "", ""},
        HostCase{"https://notamazonaws.com/", "", "", ""},
        HostCase{"https://localhost.attacker.net/v1", "", "", ""},
        HostCase{"https://10.example.com/v1", "", "", ""}));

TEST(EndpointClassificationWithHoles, KnownHostSuffixDecides) {
  Classifier classifier(defaultPolicy());
  EndpointClass azure =
      classifier.classifyEndpoint(shapeOf({{false, "https://"}, {true, "resource"}, {false, ".openai.azure.com/openai/v1"}}));
  EXPECT_EQ(azure.cloud, "azure");
  EXPECT_TRUE(azure.hostKnown);
  EndpointClass bedrock = classifier.classifyEndpoint(
      shapeOf({{false, "https://bedrock-runtime."}, {true, "region"}, {false, ".amazonaws.com/openai/v1"}}));
  EXPECT_EQ(bedrock.cloud, "aws");
  EXPECT_EQ(bedrock.region, "");
  EXPECT_EQ(bedrock.impliedProvider, "openai");
  EndpointClass open = classifier.classifyEndpoint(shapeOf({{false, "https://"}, {true, "host"}}));
  EXPECT_FALSE(open.hostKnown);
  EXPECT_EQ(open.cloud, "");
  EndpointClass tail = classifier.classifyEndpoint(shapeOf({{false, "https://api.openai.com"}, {true, "rest"}}));
  EXPECT_EQ(tail.cloud, "") << "the hole may extend the host";
}

TEST(Normalisation, ProviderAndCloudSpellings) {
  EXPECT_EQ(normalizeProvider("OpenAI"), "openai");
  EXPECT_EQ(normalizeProvider("Mistral AI"), "mistral");
  EXPECT_EQ(normalizeProvider("meta-llama"), "meta");
  EXPECT_EQ(normalizeCloud("AWS"), "aws");
  EXPECT_EQ(normalizeCloud("Google Cloud"), "gcp");
  EXPECT_EQ(normalizeModelName("gpt-oss-120b-1:0"), "gpt-oss-120b");
}

} // namespace
