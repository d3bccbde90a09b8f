// The Kubernetes frontend's entry points: load every manifest of the scan, index the objects,
// then hand each object to the analysis of its kind.
#include "Kubernetes/Kubernetes.h"

#include "Kubernetes/Context.h"

namespace cloudpact::kubernetes {

namespace {
using Handler = void (*)(Context &, const Object &);

struct KindHandler {
  std::string_view group; // "" = core
  std::string_view kind;
  Handler handler;
};

// Workload kinds are found through the pod-template table (podSpecOf), not here.
constexpr KindHandler kHandlers[] = {
    {"", "ConfigMap", analyzeConfigData},
    {"", "Secret", analyzeConfigData},
    {"", "Service", analyzeService},
    {"networking.istio.io", "ServiceEntry", analyzeServiceEntry},
    {"aigateway.envoyproxy.io", "AIGatewayRoute", analyzeEnvoyRoute},
    {"gateway.kgateway.dev", "Backend", analyzeAiBackend},
    {"agentgateway.dev", "AgentgatewayBackend", analyzeAiBackend},
    {"serving.kserve.io", "InferenceService", analyzeInferenceService},
};
} // namespace

bool isManifest(const SourceFile &file) {
  std::string_view text = file.text;
  if (text.starts_with("\xEF\xBB\xBF")) // a byte-order mark (editor buffers keep theirs)
    text.remove_prefix(3);
  return looksLikeManifest(text) || hasConfigFileMarker(text);
}

namespace {
void analyzeLoaded(std::unique_ptr<Manifests> manifests, Facts &out) {
  Index index(manifests->objects);
  Context ctx{*manifests, index, out, {}, {}};

  // What other objects' analyses look up: mounts and security policies.
  for (const Object &object : manifests->objects) {
    if (object.indexOnly)
      continue;
    if (const Node *podSpec = podSpecOf(object))
      recordMounts(ctx, object, podSpec);
    else if (object.group == "serving.kserve.io" && object.kind == "InferenceService")
      recordMounts(ctx, object, at(object.root, "spec.predictor"));
    else if (object.group == "aigateway.envoyproxy.io" && object.kind == "BackendSecurityPolicy")
      recordSecurityPolicy(ctx, object);
  }

  for (const Object &object : manifests->objects) {
    if (object.indexOnly)
      continue;
    const Node *podMetadata = nullptr;
    if (const Node *podSpec = podSpecOf(object, &podMetadata)) {
      analyzePodSpec(ctx, object, podSpec, podMetadata);
      continue;
    }
    for (const KindHandler &row : kHandlers)
      if (row.kind == object.kind && row.group == object.group)
        row.handler(ctx, object);
  }

  // Last, so that a ConfigMap holding the same entries keeps them.
  for (const ConfigFileDocument &config : manifests->configFiles)
    analyzeConfigFile(ctx, *config.file, *config.root);
}
} // namespace

void analyze(const std::vector<const SourceFile *> &files, Facts &out, syntax::ParseCache *parses) {
  analyzeLoaded(loadManifests(files, out.diagnostics, parses), out);
}

void analyzeObjects(const std::vector<const syntax::Node *> &roots, Facts &out,
                    const std::vector<const syntax::Node *> &known) {
  auto manifests = std::make_unique<Manifests>();
  for (const syntax::Node *root : roots)
    if (root)
      collectObjects(*root, manifests->objects);
  for (const syntax::Node *root : known) {
    size_t first = manifests->objects.size();
    if (root)
      collectObjects(*root, manifests->objects);
    for (size_t i = first; i < manifests->objects.size(); ++i)
      manifests->objects[i].indexOnly = true;
  }
  analyzeLoaded(std::move(manifests), out);
}

} // namespace cloudpact::kubernetes
