#pragma once
// What the Kubernetes frontend knows, as data (catalog §5–§6). Code walks manifests and looks
// things up here; a new workload kind, gateway schema, LiteLLM prefix or serving engine is a row.
#include <span>
#include <string_view>

namespace cloudpact::kubernetes {

/// Where a workload kind keeps its pod template spec. `group` "" is the core/apps/batch API
/// (any group matches when the row's group is "*").
struct PodTemplateRow {
  std::string_view group;
  std::string_view kind;
  std::span<const std::string_view> path; // from the object root to the PodSpec
};
std::span<const PodTemplateRow> podTemplates();

/// Where a workload hint says which cloud it runs on.
enum class HintSource { ServiceAccountAnnotation, PodLabel, NodeSelector };
struct CloudHintRow {
  HintSource source;
  std::string_view key;
  std::string_view cloud;
  std::string_view requiredValue; // "" = any value
};
std::span<const CloudHintRow> cloudHints();

/// A LiteLLM `litellm_params.model` prefix and what it implies (catalog §6). Longest prefixes first.
struct LiteLlmPrefixRow {
  std::string_view prefix;
  std::string_view cloud;           // the cloud the prefix fixes, "" when the api_base decides
  std::string_view provider;        // the model provider the prefix fixes, or ""
  std::string_view defaultEndpoint; // used when the entry has no api_base, or ""
  std::string_view endpointEnv;     // env var LiteLLM reads when api_base is absent, or ""
  std::string_view regionKey;       // litellm_params key carrying the region, or ""
  std::string_view regionEnv;       // env var LiteLLM reads when that key is absent, or ""
};
std::span<const LiteLlmPrefixRow> liteLlmPrefixes();
/// The LiteLLM spelling of an environment reference: `os.environ/NAME`.
inline constexpr std::string_view kLiteLlmEnvPrefix = "os.environ/";

/// Envoy AI Gateway AIServiceBackend `spec.schema.name` → cloud and provider it fixes.
struct EnvoySchemaRow {
  std::string_view schema;
  std::string_view cloud;    // "" = an API shape only; the backend host decides
  std::string_view provider; // "" = any provider's models
};
std::span<const EnvoySchemaRow> envoySchemas();
inline constexpr std::string_view kEnvoyModelHeader = "x-ai-eg-model";

/// A CRD whose spec names LLM providers as keys (kgateway Backend, agentgateway backend).
struct AiBackendKindRow {
  std::string_view group;
  std::string_view kind;
  std::string_view api; // ModelAccess::api
  /// Paths ("a.b[].c", `[]` = each item) to LLM nodes: nodes holding provider keys directly
  /// or in their `provider` child, and optionally `hostOverride`/`host`.
  std::span<const std::string_view> llmPaths;
};
std::span<const AiBackendKindRow> aiBackendKinds();

/// A provider key of those CRDs (`bedrock`, `azureopenai`, ...).
struct AiProviderRow {
  std::string_view key;
  std::string_view cloud;           // cloud the provider fixes, or ""
  std::string_view provider;        // model provider it fixes, or ""
  std::string_view modelKey;        // field carrying the model (or deployment)
  std::string_view endpointKey;     // field carrying the endpoint, or ""
  std::string_view defaultEndpoint; // host used when nothing overrides it, or ""
  std::span<const std::string_view> regionKeys;
  std::string_view publisherKey; // field naming the publisher (Vertex), or ""
};
std::span<const AiProviderRow> aiProviders();

/// A model-serving engine recognised in a container (vLLM, TGI, ...).
struct ServingEngineRow {
  std::string_view api;
  std::span<const std::string_view> imageContains;   // substrings of the image reference
  std::span<const std::string_view> commandContains; // substrings of a command/args token
  std::span<const std::string_view> modelFlags;      // `--model X` / `--model=X`
  std::string_view positionalAfter;                  // `vllm serve <model>`: the word before
  std::span<const std::string_view> modelEnv;        // env vars naming the model
  bool matchByEnvAlone;                              // the env var alone identifies the engine
};
std::span<const ServingEngineRow> servingEngines();

/// Environment variables that point a model client at an endpoint (catalog §5).
struct ClientEnvRow {
  std::string_view endpointVar;
  std::string_view client;       // which clients read it
  std::string_view impliedCloud; // the cloud the variable itself fixes, or ""
};
std::span<const ClientEnvRow> clientEnvVars();
/// Environment variables that name the model of such a client in the same container.
std::span<const std::string_view> clientModelVars();

/// KServe InferenceService predictor components that carry a model, and their model flags.
std::span<const std::string_view> kserveComponents();
std::span<const std::string_view> kserveModelFlags();
/// storageUri schemes whose path is a model id (`hf://org/model` → `org/model`).
std::span<const std::string_view> modelIdSchemes();

/// Extensions of ConfigMap/Secret keys that hold a config file (parse errors are reported).
std::span<const std::string_view> configFileExtensions();

} // namespace cloudpact::kubernetes
