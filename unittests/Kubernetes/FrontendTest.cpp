// End-to-end tests of the Kubernetes frontend: manifests in, facts out.
#include "Kubernetes/Kubernetes.h"
#include "Kubernetes/Tables.h"

#include <gtest/gtest.h>

#include <chrono>

using namespace cloudpact;

namespace {

Facts analyze(std::vector<SourceFile> files) {
  std::vector<const SourceFile *> pointers;
  for (const SourceFile &file : files)
    pointers.push_back(&file);
  Facts facts;
  kubernetes::analyze(pointers, facts);
  return facts;
}
Facts analyze(std::string text, std::string path = "m.yaml") { return analyze({{std::move(path), std::move(text)}}); }

const Assign *findAssign(const Facts &facts, const std::string &symbol) {
  for (const Assign &assign : facts.assigns)
    if (assign.symbol == symbol)
      return &assign;
  return nullptr;
}

std::vector<const ModelAccess *> accesses(const Facts &facts, const std::string &api) {
  std::vector<const ModelAccess *> out;
  for (const ModelAccess &access : facts.accesses)
    if (access.api == api)
      out.push_back(&access);
  return out;
}

std::string text(const ValuePtr &value) { return value ? describe(*value) : "null"; }

/// A workload of `kind` whose pod spec sits at `path`, with one container setting env X.
std::string workload(std::string_view group, std::string_view kind, std::span<const std::string_view> path) {
  std::string out = "apiVersion: " + (group.empty() ? std::string("v1") : std::string(group) + "/v1") +
                    "\nkind: " + std::string(kind) + "\nmetadata:\n  name: w\n";
  std::string indent;
  for (std::string_view segment : path) {
    out += indent + std::string(segment) + ":\n";
    indent += "  ";
  }
  out += indent + "containers:\n" + indent + "  - name: c\n" + indent + "    env:\n" + indent +
         "      - name: X\n" + indent + "        value: v\n";
  return out;
}

TEST(Frontend, EveryWorkloadKindSetsEnv) {
  for (const kubernetes::PodTemplateRow &row : kubernetes::podTemplates()) {
    std::string group = row.group.empty() ? "" : std::string(row.group);
    if (group == "apps" || group == "batch" || group == "argoproj.io" || group == "serving.knative.dev" || group.empty()) {
      Facts facts = analyze(workload(group, row.kind, row.path));
      const Assign *assign = findAssign(facts, "env:X");
      ASSERT_NE(assign, nullptr) << row.kind;
      EXPECT_EQ(assign->phrase, "env X of " + std::string(row.kind) + " default/w");
      EXPECT_EQ(text(assign->value), "\"v\"");
    }
  }
}

TEST(Frontend, EnvSourcesAndNamespaces) {
  Facts facts = analyze(R"Y(apiVersion: apps/v1
kind: Deployment
metadata: {name: chat, namespace: shop}
spec:
  template:
    spec:
      initContainers:
        - name: init
          env: [{name: INIT, value: "1"}]
      containers:
        - name: app
          env:
            - name: BASE
              valueFrom: {configMapKeyRef: {name: cfg, key: OPENAI_BASE_URL}}
            - name: KEY
              valueFrom: {secretKeyRef: {name: creds, key: api-key}}
            - name: POD
              valueFrom: {fieldRef: {fieldPath: metadata.name}}
            - name: EMPTY
)Y");
  EXPECT_EQ(text(findAssign(facts, "env:BASE")->value), "ref(k8s:shop/ConfigMap/cfg#OPENAI_BASE_URL)");
  EXPECT_EQ(text(findAssign(facts, "env:KEY")->value), "ref(k8s:shop/Secret/creds#api-key)");
  EXPECT_EQ(text(findAssign(facts, "env:POD")->value), "unknown(fieldRef metadata.name)");
  EXPECT_EQ(text(findAssign(facts, "env:EMPTY")->value), "\"\"");
  ASSERT_NE(findAssign(facts, "env:INIT"), nullptr);
  // The env entry is the trace step.
  EXPECT_EQ(findAssign(facts, "env:BASE")->range.begin.line, 13u);
  EXPECT_EQ(findAssign(facts, "env:BASE")->phrase, "env BASE of Deployment shop/chat");
}

TEST(Frontend, ExpansionUsesOnlyEarlierVariables) {
  Facts facts = analyze(R"Y(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      env:
        - {name: URL, value: "https://$(HOST)/v1"}
        - {name: HOST, value: api.openai.com}
        - {name: URL2, value: "https://$(HOST)/v1?q=$$(HOST)"}
)Y");
  EXPECT_EQ(text(findAssign(facts, "env:URL")->value),
            "concat(\"https://\", unknown($(HOST) is not set in the container), \"/v1\")");
  EXPECT_EQ(text(findAssign(facts, "env:URL2")->value),
            "concat(\"https://\", concat(\"api.openai.com\"), \"/v1?q=$(HOST)\")");
}

TEST(Frontend, EnvFromAcrossFilesWithPrefix) {
  Facts facts = analyze({{"cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: ns}\n"
                                     "data:\n  OPENAI_BASE_URL: https://x.openai.azure.com\n"},
                         {"sec.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: ns}\n"
                                      "stringData: {TOKEN: t}\n"},
                         {"d.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, namespace: ns}\n"
                                    "spec:\n  template:\n    spec:\n      containers:\n        - name: c\n"
                                    "          envFrom:\n            - configMapRef: {name: cfg}\n"
                                    "            - secretRef: {name: s}\n              prefix: S_\n"}});
  const Assign *base = findAssign(facts, "env:OPENAI_BASE_URL");
  ASSERT_NE(base, nullptr);
  EXPECT_EQ(text(base->value), "ref(k8s:ns/ConfigMap/cfg#OPENAI_BASE_URL)");
  EXPECT_EQ(base->range.file(), "d.yaml");
  ASSERT_NE(findAssign(facts, "env:S_TOKEN"), nullptr);
  EXPECT_EQ(text(findAssign(facts, "env:S_TOKEN")->value), "ref(k8s:ns/Secret/s#TOKEN)");
}

TEST(Frontend, ConfigMapAndSecretKeys) {
  Facts facts = analyze(R"Y(apiVersion: v1
kind: Secret
metadata: {name: s, namespace: ns}
data:
  URL: aHR0cHM6Ly9hcGkub3BlbmFpLmNvbQ==
  BAD: "not base64!"
stringData:
  PLAIN: hello
)Y");
  const Assign *url = findAssign(facts, "k8s:ns/Secret/s#URL");
  ASSERT_NE(url, nullptr);
  EXPECT_EQ(text(url->value), "\"https://api.openai.com\"");
  EXPECT_EQ(url->range.begin.line, 5u); // the base64 scalar
  EXPECT_EQ(url->phrase, "key URL of Secret ns/s");
  EXPECT_EQ(text(findAssign(facts, "k8s:ns/Secret/s#PLAIN")->value), "\"hello\"");
  ASSERT_EQ(facts.diagnostics.size(), 1u);
  EXPECT_EQ(facts.diagnostics[0].level, Level::Warning);
  EXPECT_EQ(facts.diagnostics[0].range.begin.line, 6u);
}

TEST(Frontend, LiteLlmEntriesPointIntoTheBlockScalar) {
  Facts facts = analyze(R"Y(apiVersion: v1
kind: ConfigMap
metadata: {name: litellm, namespace: ai}
data:
  config.yaml: |
    model_list:
      - model_name: gpt
        litellm_params:
          model: azure/gpt-4o
          api_base: https://res.openai.azure.com/
      - model_name: oss
        litellm_params:
          model: bedrock/converse/openai.gpt-oss-120b-1:0
          aws_region_name: os.environ/AWS_REGION
      - model_name: v
        litellm_params: {model: vertex_ai/gemini-2.5-pro, vertex_location: us-central1}
      - model_name: o
        litellm_params: {model: openai/gpt-4o}
)Y");
  auto found = accesses(facts, "LiteLLM model_list");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(text(found[0]->model), "\"gpt-4o\"");
  EXPECT_EQ(found[0]->impliedCloud, "azure");
  EXPECT_EQ(text(found[0]->endpoint), "\"https://res.openai.azure.com/\"");
  EXPECT_EQ(found[0]->range.begin.line, 9u);
  EXPECT_EQ(found[0]->range.begin.column, 18u);
  EXPECT_EQ(found[0]->subject, "ConfigMap ai/litellm");

  EXPECT_EQ(text(found[1]->model), "\"openai.gpt-oss-120b-1:0\"");
  EXPECT_EQ(found[1]->model->range.begin.column, 18u + std::string("bedrock/converse/").size());
  EXPECT_EQ(text(found[1]->cloud), "\"aws\"");
  EXPECT_EQ(text(found[1]->region), "env(AWS_REGION)");
  EXPECT_EQ(found[1]->range.begin.line, 13u);

  EXPECT_EQ(found[2]->impliedCloud, "gcp");
  EXPECT_EQ(text(found[2]->region), "\"us-central1\"");
  EXPECT_EQ(found[2]->range.begin.line, 16u);

  EXPECT_EQ(found[3]->impliedCloud, "");
  EXPECT_EQ(found[3]->cloud, nullptr);
  EXPECT_EQ(text(found[3]->endpoint), "\"https://api.openai.com/v1\"");
}

TEST(Frontend, LiteLlmSubjectIsTheMountingWorkload) {
  Facts facts = analyze(R"Y(apiVersion: v1
kind: ConfigMap
metadata: {name: litellm}
data:
  config.yaml: |
    model_list:
      - model_name: a
        litellm_params: {model: azure/gpt-4o}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: proxy}
spec:
  template:
    spec:
      volumes: [{name: cfg, configMap: {name: litellm}}]
      containers:
        - name: litellm
          image: ghcr.io/berriai/litellm:main
          volumeMounts: [{name: cfg, mountPath: /app/config}]
)Y");
  auto found = accesses(facts, "LiteLLM model_list");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->subject, "Deployment default/proxy");
  EXPECT_EQ(text(found[0]->endpoint), "env(AZURE_API_BASE)");
}

TEST(Frontend, MalformedEmbeddedConfigIsLocated) {
  Facts facts = analyze(R"Y(apiVersion: v1
kind: ConfigMap
metadata: {name: litellm}
data:
  config.yaml: |
    model_list:
      - model_name: a
        litellm_params: {model: [unclosed
)Y");
  ASSERT_FALSE(facts.diagnostics.empty());
  EXPECT_EQ(facts.diagnostics[0].level, Level::Error);
  EXPECT_GE(facts.diagnostics[0].range.begin.line, 6u);
}

TEST(Frontend, EnvoyAiGatewayRouteToBedrock) {
  Facts facts = analyze(R"Y(apiVersion: aigateway.envoyproxy.io/v1alpha1
kind: AIGatewayRoute
metadata: {name: route}
spec:
  rules:
    - matches:
        - headers:
            - {type: Exact, name: x-ai-eg-model, value: openai.gpt-oss-120b-1:0}
      backendRefs:
        - name: aws
---
apiVersion: aigateway.envoyproxy.io/v1alpha1
kind: AIServiceBackend
metadata: {name: aws}
spec:
  schema: {name: AWSBedrock}
  backendRef: {name: aws-backend, kind: Backend, group: gateway.envoyproxy.io}
---
apiVersion: aigateway.envoyproxy.io/v1alpha1
kind: BackendSecurityPolicy
metadata: {name: creds}
spec:
  targetRefs: [{group: aigateway.envoyproxy.io, kind: AIServiceBackend, name: aws}]
  type: AWSCredentials
  awsCredentials: {region: us-east-1}
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: Backend
metadata: {name: aws-backend}
spec:
  endpoints:
    - fqdn: {hostname: bedrock-runtime.us-east-1.amazonaws.com, port: 443}
)Y");
  auto found = accesses(facts, "Envoy AI Gateway AIGatewayRoute");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text(found[0]->model), "\"openai.gpt-oss-120b-1:0\"");
  EXPECT_EQ(found[0]->impliedCloud, "aws");
  EXPECT_EQ(text(found[0]->cloud), "\"aws\"");
  EXPECT_EQ(found[0]->cloud->phrase, "schema AWSBedrock of AIServiceBackend default/aws");
  EXPECT_EQ(text(found[0]->endpoint), "\"bedrock-runtime.us-east-1.amazonaws.com\"");
  EXPECT_EQ(text(found[0]->region), "\"us-east-1\"");
  EXPECT_EQ(found[0]->range.begin.line, 8u);
  EXPECT_EQ(found[0]->subject, "AIGatewayRoute default/route");
}

TEST(Frontend, KgatewayBackendsOldAndNew) {
  Facts facts = analyze(R"Y(apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: {name: new}
spec:
  type: AI
  ai:
    llm:
      provider:
        bedrock: {model: openai.gpt-oss-20b-1:0, region: us-west-2}
---
apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: {name: old}
spec:
  type: AI
  ai:
    llm:
      azureopenai: {endpoint: res.openai.azure.com, deploymentName: gpt-4o}
---
apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: {name: pools}
spec:
  type: AI
  ai:
    multipool:
      priorities:
        - pool:
            - provider: {openai: {model: gpt-4o}}
            - provider: {vertexai: {model: gemini-2.5-pro, location: us-central1, publisher: GOOGLE}}
)Y");
  auto found = accesses(facts, "kgateway AI Backend");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0]->impliedCloud, "aws");
  EXPECT_EQ(text(found[0]->region), "\"us-west-2\"");
  EXPECT_EQ(found[1]->impliedCloud, "azure");
  EXPECT_EQ(text(found[1]->endpoint), "\"res.openai.azure.com\"");
  EXPECT_EQ(text(found[1]->model), "\"gpt-4o\"");
  EXPECT_EQ(text(found[2]->endpoint), "\"api.openai.com\"");
  EXPECT_EQ(found[2]->cloud, nullptr);
  EXPECT_EQ(found[3]->impliedCloud, "gcp");
  EXPECT_EQ(text(found[3]->provider), "\"google\"");
}

TEST(Frontend, ServingContainersAndCloudHints) {
  Facts facts = analyze(R"Y(apiVersion: v1
kind: ServiceAccount
metadata:
  name: gpu
  namespace: ml
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::1:role/gpu
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: vllm, namespace: ml}
spec:
  template:
    spec:
      serviceAccountName: gpu
      containers:
        - name: server
          image: vllm/vllm-openai:v0.10.0
          command: ["/bin/sh", "-c"]
          args: ["vllm serve openai/gpt-oss-120b --port 8000"]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tgi, namespace: ml}
spec:
  template:
    spec:
      nodeSelector: {cloud.google.com/gke-nodepool: gpu}
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:3
          env: [{name: MODEL_ID, value: openai/gpt-oss-20b}]
)Y");
  auto vllm = accesses(facts, "vLLM");
  ASSERT_EQ(vllm.size(), 1u);
  EXPECT_EQ(vllm[0]->kind, AccessKind::Hosting);
  EXPECT_EQ(text(vllm[0]->model), "\"openai/gpt-oss-120b\"");
  EXPECT_EQ(vllm[0]->range.begin.line, 20u);
  EXPECT_EQ(vllm[0]->range.begin.column, 30u); // the word after `serve` inside the script
  EXPECT_EQ(text(vllm[0]->cloud), "\"aws\"");
  EXPECT_EQ(vllm[0]->cloud->phrase, "annotation eks.amazonaws.com/role-arn of ServiceAccount ml/gpu");
  EXPECT_EQ(vllm[0]->subject, "StatefulSet ml/vllm");

  auto tgi = accesses(facts, "Text Generation Inference");
  ASSERT_EQ(tgi.size(), 1u);
  EXPECT_EQ(text(tgi[0]->model), "\"openai/gpt-oss-20b\"");
  EXPECT_EQ(text(tgi[0]->cloud), "\"gcp\"");
  EXPECT_EQ(tgi[0]->cloud->phrase, "nodeSelector cloud.google.com/gke-nodepool of Deployment ml/tgi");
}

TEST(Frontend, KServeInferenceService) {
  Facts facts = analyze(R"Y(apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: oss, namespace: ml}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      storageUri: hf://openai/gpt-oss-20b
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: args, namespace: ml}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      args: ["--model_name=llama", "--model_id=meta-llama/Llama-3.1-8B-Instruct"]
)Y");
  auto found = accesses(facts, "KServe InferenceService");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text(found[0]->model), "\"openai/gpt-oss-20b\"");
  EXPECT_EQ(found[0]->cloud, nullptr);
  EXPECT_EQ(found[0]->model->range.begin.column, 24u);
  EXPECT_EQ(text(found[1]->model), "\"meta-llama/Llama-3.1-8B-Instruct\"");
}

TEST(Frontend, ExternalHosts) {
  Facts facts = analyze(R"Y(apiVersion: v1
kind: Service
metadata: {name: openai}
spec: {type: ExternalName, externalName: api.openai.com}
---
apiVersion: v1
kind: Service
metadata: {name: internal}
spec: {type: ClusterIP}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: llm}
spec:
  hosts: [bedrock-runtime.us-east-1.amazonaws.com, res.openai.azure.com]
  location: MESH_EXTERNAL
)Y");
  auto services = accesses(facts, "Kubernetes ExternalName Service");
  ASSERT_EQ(services.size(), 1u);
  EXPECT_EQ(text(services[0]->endpoint), "\"api.openai.com\"");
  auto entries = accesses(facts, "Istio ServiceEntry");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(text(entries[1]->endpoint), "\"res.openai.azure.com\"");
}

TEST(Frontend, AliasBombErrorsQuickly) {
  std::string bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n"
                     "  a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'k'; ++name, ++previous)
    bomb += std::string("  ") + name + ": &" + name + " [*" + previous + ", *" + previous + ", *" + previous + ", *" +
            previous + ", *" + previous + ", *" + previous + ", *" + previous + ", *" + previous + ", *" + previous +
            ", *" + previous + "]\n";
  auto start = std::chrono::steady_clock::now();
  Facts facts = analyze(bomb);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 5);
  bool error = false;
  for (const Diagnostic &d : facts.diagnostics)
    error |= d.level == Level::Error;
  EXPECT_TRUE(error);
}

TEST(Frontend, DeepNestingDoesNotCrash) {
  std::string deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: ";
  deep += std::string(10000, '[') + std::string(10000, ']') + "\n";
  Facts facts = analyze(deep);
  EXPECT_FALSE(facts.diagnostics.empty());
}

TEST(Frontend, NonManifestsAreNotClaimed) {
  EXPECT_FALSE(kubernetes::isManifest({"values.yaml", "replicaCount: 1\nimage: {repository: x}\n"}));
  EXPECT_TRUE(kubernetes::isManifest({"-", "apiVersion: v1\nkind: Pod\n"}));
}

} // namespace
