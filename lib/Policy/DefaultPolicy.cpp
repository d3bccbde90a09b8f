#include "Policy/Policy.h"

namespace cloudpact {

namespace {

// Model-id patterns → provider (catalog §2). First match wins; RE2 syntax, whole match,
// case-insensitive. Group `provider` names the provider, group `model` the model name,
// group `inner` is classified again (ARNs wrap model ids).
const ProviderRule kProviderRules[] = {
    {R"(arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:(?:foundation-model|inference-profile|provisioned-model|custom-model)/(?P<inner>.+))",
     "", "Bedrock ARN (foundation model, inference profile, provisioned or custom model)", {}},
    {R"((?:(?:us|eu|apac|global|jp|au|ca|in|us-gov)\.)?(?P<provider>openai|anthropic|meta|amazon|mistral|cohere|ai21|deepseek|qwen|writer|stability|twelvelabs|luma|minimax|moonshot|nvidia|google|xai)\.(?P<model>[a-z0-9][a-z0-9.:_\-]*))",
     "", "Bedrock / OCI model id, with an optional cross-region inference prefix", {}},
    {R"((?:projects/[^/]+/locations/[^/]+/)?publishers/(?P<provider>[a-z0-9\-]+)/models/(?P<model>[^/:@]+)(?:@[^/:]*)?(?::[a-zA-Z]+)?)",
     "", "Vertex AI publisher model resource name", {}},
    {R"((?P<provider>[a-z0-9\-]+)/(?P<model>[a-z0-9.\-]+)-maas)", "", "Vertex AI model-as-a-service id", {}},
    {R"(@cf/(?P<provider>[a-z0-9\-]+)/(?P<model>.+))", "", "Cloudflare Workers AI model", {}},
    {R"((?:hf://|https://huggingface\.co/)?(?P<provider>openai|meta-llama|mistralai|google|qwen|deepseek-ai|microsoft|anthropic)/(?P<model>[A-Za-z0-9._\-]+))",
     "", "Hugging Face repository id", {}},
    {R"((?P<model>(?:gpt-|chatgpt-|text-embedding-|dall-e-|whisper-|tts-|davinci|babbage|omni-moderation|codex-|computer-use-)[a-z0-9.\-]*|o[1-9](?:-[a-z0-9.\-]+)?))",
     "openai", "OpenAI model name", {}},
    {R"((?P<model>claude-[a-z0-9.\-@]+))", "anthropic", "Anthropic model name", {}},
    {R"((?P<model>gemini-[a-z0-9.\-]+))", "google", "Google Gemini model name", {}},
    {R"((?P<model>(?:meta-)?llama[a-z0-9.\-]*))", "meta", "Meta Llama model name", {}},
    {R"((?P<model>(?:mistral|mixtral|codestral|ministral|pixtral)[a-z0-9.\-]*))", "mistral", "Mistral model name", {}},
    {R"((?P<model>command-[a-z0-9.\-]+))", "cohere", "Cohere model name", {}},
    {R"((?P<model>deepseek-[a-z0-9.\-]+))", "deepseek", "DeepSeek model name", {}},
};

// Endpoint hosts → cloud (catalog §3). `{region}` captures one label; `*` any characters.
// More specific rows first: the first match wins.
const CloudRule kCloudRules[] = {
    {"bedrock-mantle.{region}.api.aws", "aws", "Bedrock Mantle (OpenAI-compatible)", "", "openai", {}},
    {"bedrock-runtime.{region}.amazonaws.com", "aws", "Bedrock Runtime", "/openai/v1", "openai", {}},
    {"bedrock-runtime-fips.{region}.amazonaws.com", "aws", "Bedrock Runtime", "/openai/v1", "openai", {}},
    {"bedrock-runtime.{region}.api.aws", "aws", "Bedrock Runtime", "/openai/v1", "openai", {}},
    {"bedrock-runtime.{region}.amazonaws.com", "aws", "Bedrock Runtime", "", "", {}},
    {"bedrock-runtime-fips.{region}.amazonaws.com", "aws", "Bedrock Runtime", "", "", {}},
    {"bedrock-runtime.{region}.api.aws", "aws", "Bedrock Runtime", "", "", {}},
    {"bedrock-runtime.{region}.amazonaws.com.cn", "aws", "Bedrock Runtime", "", "", {}},
    {"bedrock-agent-runtime.{region}.amazonaws.com", "aws", "Bedrock Agent Runtime", "", "", {}},
    {"bedrock-agent.{region}.amazonaws.com", "aws", "Bedrock Agents", "", "", {}},
    {"bedrock.{region}.amazonaws.com", "aws", "Bedrock", "", "", {}},
    {"bedrock-fips.{region}.amazonaws.com", "aws", "Bedrock", "", "", {}},
    {"runtime.sagemaker.{region}.amazonaws.com", "aws", "SageMaker Runtime", "", "", {}},
    {"*.amazonaws.com", "aws", "AWS", "", "", {}},
    {"*.amazonaws.com.cn", "aws", "AWS", "", "", {}},
    {"*.api.aws", "aws", "AWS", "", "", {}},
    {"*.openai.azure.com", "azure", "Azure OpenAI", "", "", {}},
    {"*.cognitiveservices.azure.com", "azure", "Azure AI Services", "", "", {}},
    {"*.services.ai.azure.com", "azure", "Azure AI Foundry", "", "", {}},
    {"*.{region}.inference.ai.azure.com", "azure", "Azure AI serverless endpoint", "", "", {}},
    {"*.models.ai.azure.com", "azure", "Azure AI model endpoint", "", "", {}},
    {"*.inference.ml.azure.com", "azure", "Azure ML online endpoint", "", "", {}},
    {"*.azure-api.net", "azure", "Azure API Management", "", "", {}},
    {"*.azure.com", "azure", "Azure", "", "", {}},
    {"{region}-aiplatform.googleapis.com", "gcp", "Vertex AI", "", "", {}},
    {"aiplatform.googleapis.com", "gcp", "Vertex AI", "", "", {}},
    {"*.prediction.vertexai.goog", "gcp", "Vertex AI dedicated endpoint", "", "", {}},
    {"generativelanguage.googleapis.com", "google", "Gemini Developer API", "", "google", {}},
    {"*.googleapis.com", "gcp", "Google Cloud", "", "", {}},
    {"inference.generativeai.{region}.oci.oraclecloud.com", "oci", "OCI Generative AI", "", "", {}},
    {"*.oraclecloud.com", "oci", "Oracle Cloud", "", "", {}},
    {"*.oraclecloud.eu", "oci", "Oracle Cloud", "", "", {}},
    {"api.openai.com", "openai", "OpenAI API", "", "", {}},
    {"api.anthropic.com", "anthropic", "Anthropic API", "", "anthropic", {}},
    {"gateway.ai.cloudflare.com", "cloudflare", "Cloudflare AI Gateway", "", "", {}},
    {"api.cloudflare.com", "cloudflare", "Cloudflare Workers AI", "", "", {}},
    {"openrouter.ai", "openrouter", "OpenRouter", "", "", {}},
    {"api.mistral.ai", "mistral", "Mistral API", "", "mistral", {}},
    {"api.together.xyz", "together", "Together AI", "", "", {}},
    {"api.groq.com", "groq", "Groq", "", "", {}},
};

} // namespace

Policy defaultPolicy() {
  Policy policy;
  Contract openai;
  openai.provider = "openai";
  openai.clouds = {"azure", "openai"};
  openai.severity = Level::Error;
  policy.contracts.push_back(openai);
  policy.providers.assign(std::begin(kProviderRules), std::end(kProviderRules));
  policy.clouds.assign(std::begin(kCloudRules), std::end(kCloudRules));
  return policy;
}

} // namespace cloudpact
