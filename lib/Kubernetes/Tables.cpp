#include "Kubernetes/Tables.h"

namespace cloudpact::kubernetes {

using SV = std::string_view;

// ---------------------------------------------------------------------------------------------
// Workload kinds → pod template spec.
namespace {
constexpr SV kPodPath[] = {"spec"};
constexpr SV kTemplatePath[] = {"spec", "template", "spec"};
constexpr SV kCronJobPath[] = {"spec", "jobTemplate", "spec", "template", "spec"};
constexpr SV kPodTemplatePath[] = {"template", "spec"};

// group, kind, path
constexpr PodTemplateRow kPodTemplates[] = {
    {"", "Pod", kPodPath},
    {"", "PodTemplate", kPodTemplatePath},
    {"", "ReplicationController", kTemplatePath},
    {"apps", "Deployment", kTemplatePath},
    {"apps", "StatefulSet", kTemplatePath},
    {"apps", "DaemonSet", kTemplatePath},
    {"apps", "ReplicaSet", kTemplatePath},
    {"batch", "Job", kTemplatePath},
    {"batch", "CronJob", kCronJobPath},
    {"argoproj.io", "Rollout", kTemplatePath},
    {"serving.knative.dev", "Service", kTemplatePath},
};
} // namespace
std::span<const PodTemplateRow> podTemplates() { return kPodTemplates; }

// ---------------------------------------------------------------------------------------------
// Cloud hints (catalog §6, "Cloud-identity hints").
namespace {
constexpr CloudHintRow kCloudHints[] = {
    {HintSource::ServiceAccountAnnotation, "eks.amazonaws.com/role-arn", "aws", ""},
    {HintSource::ServiceAccountAnnotation, "iam.gke.io/gcp-service-account", "gcp", ""},
    {HintSource::ServiceAccountAnnotation, "azure.workload.identity/client-id", "azure", ""},
    {HintSource::PodLabel, "azure.workload.identity/use", "azure", "true"},
    {HintSource::NodeSelector, "eks.amazonaws.com/nodegroup", "aws", ""},
    {HintSource::NodeSelector, "cloud.google.com/gke-nodepool", "gcp", ""},
    {HintSource::NodeSelector, "cloud.google.com/gke-accelerator", "gcp", ""},
    {HintSource::NodeSelector, "iam.gke.io/gke-metadata-server-enabled", "gcp", ""},
    {HintSource::NodeSelector, "kubernetes.azure.com/agentpool", "azure", ""},
};
} // namespace
std::span<const CloudHintRow> cloudHints() { return kCloudHints; }

// ---------------------------------------------------------------------------------------------
// LiteLLM `litellm_params.model` prefixes (catalog §5 env vars, §6 LiteLLM row).
namespace {
// prefix, cloud, provider, defaultEndpoint, endpointEnv, regionKey, regionEnv
// The providers and their default bases: docs.litellm.ai/docs/providers (one page per prefix).
// Where a prefix has a default base, the endpoint decides the destination (Endpoints.def).
constexpr LiteLlmPrefixRow kLiteLlmPrefixes[] = {
    {"bedrock/converse/", "aws", "", "", "", "aws_region_name", "AWS_REGION_NAME"},
    {"bedrock/invoke/", "aws", "", "", "", "aws_region_name", "AWS_REGION_NAME"},
    {"bedrock/", "aws", "", "", "", "aws_region_name", "AWS_REGION_NAME"},
    {"sagemaker_chat/", "aws", "", "", "", "aws_region_name", "AWS_REGION_NAME"},
    {"sagemaker/", "aws", "", "", "", "aws_region_name", "AWS_REGION_NAME"},
    {"azure_ai/", "azure", "", "", "AZURE_AI_API_BASE", "", ""},
    {"azure_text/", "azure", "openai", "", "AZURE_API_BASE", "", ""},
    {"azure/", "azure", "openai", "", "AZURE_API_BASE", "", ""},
    {"vertex_ai_beta/", "gcp", "", "", "", "vertex_location", "VERTEXAI_LOCATION"},
    {"vertex_ai/", "gcp", "", "", "", "vertex_location", "VERTEXAI_LOCATION"},
    {"oci/", "oci", "", "", "", "oci_region", ""},
    {"cloudflare/", "cloudflare", "", "", "", "", ""},
    {"watsonx_text/", "ibm", "", "", "WATSONX_URL", "", ""},
    {"watsonx/", "ibm", "", "", "WATSONX_URL", "", ""},
    {"anthropic/", "", "anthropic", "https://api.anthropic.com", "", "", ""},
    {"gemini/", "", "google", "https://generativelanguage.googleapis.com", "", "", ""},
    {"text-completion-openai/", "", "", "https://api.openai.com/v1", "", "", ""},
    {"openai/", "", "", "https://api.openai.com/v1", "", "", ""},
    {"mistral/", "", "mistral", "https://api.mistral.ai/v1", "", "", ""},
    {"codestral/", "", "mistral", "https://codestral.mistral.ai/v1", "", "", ""},
    {"cohere_chat/", "", "cohere", "https://api.cohere.ai", "", "", ""},
    {"cohere/", "", "cohere", "https://api.cohere.ai", "", "", ""},
    {"deepseek/", "", "deepseek", "https://api.deepseek.com", "", "", ""},
    {"xai/", "", "xai", "https://api.x.ai/v1", "", "", ""},
    {"perplexity/", "", "perplexity", "https://api.perplexity.ai", "", "", ""},
    {"moonshot/", "", "moonshot", "https://api.moonshot.ai/v1", "", "", ""},
    {"dashscope/", "", "", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", "", "", ""},
    {"volcengine/", "", "", "https://ark.cn-beijing.volces.com/api/v3", "", "", ""},
    {"groq/", "", "", "https://api.groq.com/openai/v1", "", "", ""},
    {"together_ai/", "", "", "https://api.together.xyz/v1", "", "", ""},
    {"fireworks_ai/", "", "", "https://api.fireworks.ai/inference/v1", "", "", ""},
    {"cerebras/", "", "", "https://api.cerebras.ai/v1", "", "", ""},
    {"deepinfra/", "", "", "https://api.deepinfra.com/v1/openai", "", "", ""},
    {"sambanova/", "", "", "https://api.sambanova.ai/v1", "", "", ""},
    {"nebius/", "", "", "https://api.studio.nebius.ai/v1", "", "", ""},
    {"novita/", "", "", "https://api.novita.ai/v3/openai", "", "", ""},
    {"replicate/", "", "", "https://api.replicate.com/v1", "", "", ""},
    {"huggingface/", "", "", "https://router.huggingface.co", "", "", ""},
    {"openrouter/", "", "", "https://openrouter.ai/api/v1", "", "", ""},
    {"ollama_chat/", "", "", "http://localhost:11434", "", "", ""},
    {"ollama/", "", "", "http://localhost:11434", "", "", ""},
    {"lm_studio/", "", "", "http://localhost:1234/v1", "", "", ""},
    {"llamafile/", "", "", "http://127.0.0.1:8080/v1", "", "", ""},
    {"hosted_vllm/", "", "", "", "HOSTED_VLLM_API_BASE", "", ""},
};
} // namespace
std::span<const LiteLlmPrefixRow> liteLlmPrefixes() { return kLiteLlmPrefixes; }

// ---------------------------------------------------------------------------------------------
// Envoy AI Gateway AIServiceBackend schemas (catalog §6).
namespace {
constexpr EnvoySchemaRow kEnvoySchemas[] = {
    {"AWSBedrock", "aws", ""},
    {"AWSAnthropic", "aws", "anthropic"},
    {"AzureOpenAI", "azure", ""},
    {"GCPVertexAI", "gcp", ""},
    {"GCPAnthropic", "gcp", "anthropic"},
    {"OpenAI", "", ""},
    {"Anthropic", "", "anthropic"},
    {"Cohere", "", "cohere"},
};
} // namespace
std::span<const EnvoySchemaRow> envoySchemas() { return kEnvoySchemas; }

// ---------------------------------------------------------------------------------------------
// kgateway / agentgateway AI backends (catalog §6).
namespace {
// Paths to "LLM nodes": a node whose provider keys sit in it or in its `provider` child.
// kgateway: current `spec.ai.llm.provider.<p>`, older `spec.ai.llm.<p>`; multipool pools.
constexpr SV kKgatewayLlms[] = {"spec.ai.llm", "spec.ai.multipool.priorities[].pool[]"};
// agentgateway: `spec.ai.provider.<p>`, groups of providers.
constexpr SV kAgentgatewayLlms[] = {"spec.ai", "spec.ai.groups[].providers[]"};

constexpr AiBackendKindRow kAiBackendKinds[] = {
    {"gateway.kgateway.dev", "Backend", "kgateway AI Backend", kKgatewayLlms},
    {"agentgateway.dev", "AgentgatewayBackend", "agentgateway AI backend", kAgentgatewayLlms},
};

constexpr SV kNoKeys[] = {""};
constexpr SV kVertexRegion[] = {"location", "region"};
constexpr SV kBedrockRegion[] = {"region"};

// key, cloud, provider, modelKey, endpointKey, defaultEndpoint, regionKeys, publisherKey
constexpr AiProviderRow kAiProviders[] = {
    {"openai", "", "", "model", "", "api.openai.com", std::span<const SV>(kNoKeys, 0), ""},
    {"azureopenai", "azure", "", "deploymentName", "endpoint", "", std::span<const SV>(kNoKeys, 0), ""},
    {"anthropic", "", "anthropic", "model", "", "api.anthropic.com", std::span<const SV>(kNoKeys, 0), ""},
    {"gemini", "", "google", "model", "", "generativelanguage.googleapis.com", std::span<const SV>(kNoKeys, 0), ""},
    {"vertexai", "gcp", "", "model", "", "", kVertexRegion, "publisher"},
    {"bedrock", "aws", "", "model", "", "", kBedrockRegion, ""},
};
} // namespace
std::span<const AiBackendKindRow> aiBackendKinds() { return kAiBackendKinds; }
std::span<const AiProviderRow> aiProviders() { return kAiProviders; }

// ---------------------------------------------------------------------------------------------
// Model-serving engines (catalog §6: vLLM, TGI; KServe below).
namespace {
constexpr SV kVllmImages[] = {"vllm"};
constexpr SV kVllmCommands[] = {"vllm"};
constexpr SV kVllmFlags[] = {"--model"};
constexpr SV kTgiImages[] = {"text-generation-inference"};
constexpr SV kTgiCommands[] = {"text-generation-launcher"};
constexpr SV kTgiFlags[] = {"--model-id"};
constexpr SV kTgiEnv[] = {"MODEL_ID"};
constexpr SV kSglangImages[] = {"sglang"};
constexpr SV kSglangCommands[] = {"sglang.launch_server"};
constexpr SV kSglangFlags[] = {"--model-path", "--model"};
constexpr SV kHfEnv[] = {"HF_MODEL_ID"};

// api, imageContains, commandContains, modelFlags, positionalAfter, modelEnv, matchByEnvAlone
constexpr ServingEngineRow kServingEngines[] = {
    {"vLLM", kVllmImages, kVllmCommands, kVllmFlags, "serve", kHfEnv, false},
    {"Text Generation Inference", kTgiImages, kTgiCommands, kTgiFlags, "", kTgiEnv, false},
    {"SGLang", kSglangImages, kSglangCommands, kSglangFlags, "", {}, false},
    {"Hugging Face model container", {}, {}, {}, "", kHfEnv, true},
};
} // namespace
std::span<const ServingEngineRow> servingEngines() { return kServingEngines; }

// Client configuration read from the environment (catalog §5), sorted by variable. The SDKs'
// own variables: cohere-python (CO_API_URL), groq-python (GROQ_BASE_URL), together-python
// (TOGETHER_BASE_URL), huggingface_hub (HF_INFERENCE_ENDPOINT); and Open WebUI's
// (docs.openwebui.com/getting-started/env-configuration: OLLAMA_BASE_URL, OLLAMA_API_BASE_URL,
// OPENAI_API_BASE_URL). Not OLLAMA_HOST: on the Ollama server itself it is the listen address.
constexpr ClientEnvRow kClientEnvVars[] = {
    {"ANTHROPIC_BASE_URL", "Anthropic SDK", ""},
    {"AWS_BEDROCK_BASE_URL", "OpenAI SDK BedrockOpenAI", "aws"},
    {"AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "AWS SDK Bedrock Runtime", "aws"},
    {"AZURE_OPENAI_ENDPOINT", "OpenAI SDK AzureOpenAI", ""},
    {"CO_API_URL", "Cohere SDK", ""},
    {"GOOGLE_CLOUD_CPP_PREDICTION_SERVICE_ENDPOINT", "google-cloud-cpp Vertex AI", "gcp"},
    {"GROQ_BASE_URL", "Groq SDK", ""},
    {"HF_INFERENCE_ENDPOINT", "Hugging Face Hub client", ""},
    {"OLLAMA_API_BASE_URL", "Ollama client (Open WebUI)", ""},
    {"OLLAMA_BASE_URL", "Ollama client", ""},
    {"OPENAI_API_BASE", "OpenAI-compatible client", ""},
    {"OPENAI_API_BASE_URL", "OpenAI-compatible client (Open WebUI)", ""},
    {"OPENAI_BASE_URL", "OpenAI SDK", ""},
    {"TOGETHER_BASE_URL", "Together SDK", ""},
};
constexpr std::string_view kClientModelVars[] = {
    "ANTHROPIC_MODEL", "AZURE_OPENAI_DEPLOYMENT", "AZURE_OPENAI_DEPLOYMENT_NAME", "BEDROCK_MODEL_ID", "CHAT_MODEL",
    "DEEPSEEK_MODEL", "DEFAULT_MODEL", "GEMINI_MODEL", "GROQ_MODEL", "LLM_MODEL", "MISTRAL_MODEL", "MODEL_NAME",
    "OLLAMA_MODEL", "OPENAI_MODEL", "OPENAI_MODEL_NAME",
};

std::span<const ClientEnvRow> clientEnvVars() { return kClientEnvVars; }
std::span<const std::string_view> clientModelVars() { return kClientModelVars; }

namespace {
constexpr SV kKserveComponents[] = {"model", "huggingface"};
constexpr SV kKserveFlags[] = {"--model_id", "--model-id"};
constexpr SV kModelIdSchemes[] = {"hf://"};
constexpr SV kConfigFileExtensions[] = {".yaml", ".yml", ".json"};
} // namespace
std::span<const std::string_view> kserveComponents() { return kKserveComponents; }
std::span<const std::string_view> kserveModelFlags() { return kKserveFlags; }
std::span<const std::string_view> modelIdSchemes() { return kModelIdSchemes; }
std::span<const std::string_view> configFileExtensions() { return kConfigFileExtensions; }

} // namespace cloudpact::kubernetes
