// Gateways and model serving: Envoy AI Gateway, kgateway/agentgateway AI backends, KServe,
// ExternalName Services and Istio ServiceEntries.
#include "Kubernetes/Context.h"
#include "Kubernetes/Expansion.h"
#include "Kubernetes/Tables.h"

#include <algorithm>
#include <cctype>

namespace cloudpact::kubernetes {

namespace {
constexpr std::string_view kEnvoyGroup = "aigateway.envoyproxy.io";
constexpr std::string_view kEnvoyBackendGroup = "gateway.envoyproxy.io";

ValuePtr namedLiteral(std::string_view text, const SourceRange &range, std::string phrase) {
  return withPhrase(makeLiteral(std::string(text), range), std::move(phrase));
}

/// The endpoint an AIServiceBackend's backendRef leads to: Envoy Gateway Backend endpoints
/// (fqdn hostnames, IPs), or a Service (its externalName, else its in-cluster name).
ValuePtr backendEndpoint(const Context &ctx, const Object &aiBackend) {
  const Node *ref = at(aiBackend.root, "spec.backendRef");
  auto name = scalarText(child(ref, "name"));
  if (!name)
    return nullptr;
  std::string ns = scalarText(child(ref, "namespace")).value_or(aiBackend.ns);
  std::string kind = scalarText(child(ref, "kind")).value_or("Backend");
  if (kind == "Service") {
    const Object *service = ctx.index.find("", "Service", ns, *name);
    const Node *external = service ? at(service->root, "spec.externalName") : nullptr;
    if (external && external->isScalar())
      return literalOf(*external, "externalName of " + service->subject());
    return namedLiteral(*name + "." + ns + ".svc.cluster.local", ref->range, "in-cluster Service " + ns + "/" + *name);
  }
  const Object *backend = ctx.index.find(kEnvoyBackendGroup, "Backend", ns, *name);
  if (!backend)
    return nullptr;
  std::vector<ValuePtr> hosts;
  for (const Node &endpoint : itemsOf(at(backend->root, "spec.endpoints"))) {
    const Node *host = at(&endpoint, "fqdn.hostname");
    if (!host)
      host = at(&endpoint, "ip.address");
    if (host && host->isScalar())
      hosts.push_back(literalOf(*host, "endpoint of " + backend->subject()));
  }
  if (hosts.empty())
    return nullptr;
  return hosts.size() == 1 ? hosts.front() : makeChoice(std::move(hosts), at(backend->root, "spec.endpoints")->range);
}

/// Region from the BackendSecurityPolicy of an AIServiceBackend.
ValuePtr backendRegion(const Context &ctx, const Object &aiBackend) {
  const Object *policy = nullptr;
  if (auto ref = scalarText(at(aiBackend.root, "spec.backendSecurityPolicyRef.name")))
    policy = ctx.index.find(kEnvoyGroup, "BackendSecurityPolicy", aiBackend.ns, *ref);
  if (!policy) {
    auto it = ctx.securityPolicies.find(aiBackend.ns + "|" + aiBackend.name);
    policy = it == ctx.securityPolicies.end() ? nullptr : it->second;
  }
  if (!policy)
    return nullptr;
  for (const char *path : {"spec.awsCredentials.region", "spec.gcpCredentials.region"})
    if (const Node *region = at(policy->root, path); region && region->isScalar())
      return literalOf(*region, "region of " + policy->subject());
  return nullptr;
}
} // namespace

// --- Envoy AI Gateway ---------------------------------------------------------------------------

void recordSecurityPolicy(Context &ctx, const Object &policy) {
  for (const Node &target : itemsOf(at(policy.root, "spec.targetRefs"))) {
    auto kind = scalarText(target.get("kind"));
    auto name = scalarText(target.get("name"));
    if (kind == "AIServiceBackend" && name)
      ctx.securityPolicies.emplace(policy.ns + "|" + *name, &policy);
  }
}

void analyzeEnvoyRoute(Context &ctx, const Object &route) {
  for (const Node &rule : itemsOf(at(route.root, "spec.rules"))) {
    std::vector<const Node *> models;
    std::vector<const Node *> headers;
    collect(&rule, "matches[].headers[]", headers);
    for (const Node *header : headers)
      if (scalarText(header->get("name")) == kEnvoyModelHeader)
        if (const Node *value = header->get("value"); value && value->isScalar())
          models.push_back(value);

    for (const Node &ref : itemsOf(rule.get("backendRefs"))) {
      if (scalarText(ref.get("kind")).value_or("AIServiceBackend") != "AIServiceBackend")
        continue; // InferencePools and other in-cluster targets are served, not called
      auto name = scalarText(ref.get("name"));
      if (!name)
        continue;
      std::string ns = scalarText(ref.get("namespace")).value_or(route.ns);
      const Object *backend = ctx.index.find(kEnvoyGroup, "AIServiceBackend", ns, *name);

      ModelAccess base;
      base.kind = AccessKind::Call;
      base.api = "Envoy AI Gateway AIGatewayRoute";
      base.subject = route.subject();
      if (backend) {
        if (const Node *schema = at(backend->root, "spec.schema.name"); schema && schema->isScalar()) {
          for (const EnvoySchemaRow &row : envoySchemas()) {
            if (row.schema != schema->value)
              continue;
            std::string phrase = "schema " + schema->value + " of " + backend->subject();
            base.impliedCloud = std::string(row.cloud);
            if (!row.cloud.empty())
              base.cloud = namedLiteral(row.cloud, schema->range, phrase);
            if (!row.provider.empty())
              base.provider = namedLiteral(row.provider, schema->range, phrase);
          }
        }
        base.endpoint = backendEndpoint(ctx, *backend);
        base.region = backendRegion(ctx, *backend);
      }
      const Node *override = ref.get("modelNameOverride");
      if (override && !override->isScalar())
        override = nullptr;

      if (models.empty()) {
        ModelAccess access = base;
        access.model = override ? literalOf(*override, "modelNameOverride of backendRef " + *name) : nullptr;
        access.range = override ? override->range : ref.range;
        ctx.out.accesses.push_back(std::move(access));
      }
      for (const Node *model : models) {
        ModelAccess access = base;
        access.model = override ? literalOf(*override, "modelNameOverride of backendRef " + *name) : literalOf(*model);
        access.range = model->range;
        ctx.out.accesses.push_back(std::move(access));
      }
    }
  }
}

// --- kgateway / agentgateway AI backends ------------------------------------------------------

void analyzeAiBackend(Context &ctx, const Object &object) {
  const AiBackendKindRow *kindRow = nullptr;
  for (const AiBackendKindRow &row : aiBackendKinds())
    if (row.group == object.group && row.kind == object.kind)
      kindRow = &row;
  if (!kindRow)
    return;

  auto hasProviderKey = [](const Node *node) {
    return std::any_of(aiProviders().begin(), aiProviders().end(),
                       [&](const AiProviderRow &row) { return child(node, row.key) != nullptr; });
  };
  std::vector<const Node *> llms;
  for (std::string_view path : kindRow->llmPaths)
    collect(object.root, path, llms);

  for (const Node *llm : llms) {
    const Node *providers = hasProviderKey(llm) ? llm : child(llm, "provider");
    for (const AiProviderRow &row : aiProviders()) {
      const Node *settings = child(providers, row.key);
      if (!settings)
        continue;
      // The provider key (`bedrock:`) is where the cloud is named.
      SourceRange named = settings->range;
      for (const auto &[key, value] : entriesOf(providers))
        if (&value == settings)
          named = key.range;
      std::string where = std::string(row.key) + " provider of " + object.subject();
      ModelAccess access;
      access.kind = AccessKind::Call;
      access.api = std::string(kindRow->api);
      access.subject = object.subject();
      access.impliedCloud = std::string(row.cloud);
      const Node *model = child(settings, row.modelKey);
      if (model && model->isScalar())
        access.model = literalOf(*model);
      access.range = access.model ? model->range : named;

      const Node *host = nullptr;
      for (const Node *holder : {llm, settings}) {
        for (const char *path : {"hostOverride.host", "host"})
          if (!host)
            if (const Node *candidate = at(holder, path); candidate && candidate->isScalar())
              host = candidate;
      }
      if (!host && !row.endpointKey.empty())
        if (const Node *candidate = child(settings, row.endpointKey); candidate && candidate->isScalar())
          host = candidate;
      if (host)
        access.endpoint = literalOf(*host);
      else if (!row.defaultEndpoint.empty())
        access.endpoint = namedLiteral(row.defaultEndpoint, named, "default endpoint of " + where);

      for (std::string_view key : row.regionKeys)
        if (const Node *region = child(settings, key); region && region->isScalar() && !access.region)
          access.region = literalOf(*region);
      if (!row.cloud.empty())
        access.cloud = namedLiteral(row.cloud, named, where);
      if (!row.provider.empty()) {
        access.provider = namedLiteral(row.provider, named, where);
      } else if (!row.publisherKey.empty()) {
        if (const Node *publisher = child(settings, row.publisherKey); publisher && publisher->isScalar()) {
          std::string lower = publisher->value;
          std::transform(lower.begin(), lower.end(), lower.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
          access.provider = withPhrase(makeLiteral(lower, publisher->range), "publisher of " + where);
        }
      }
      ctx.out.accesses.push_back(std::move(access));
    }
  }
}

// --- KServe -------------------------------------------------------------------------------------

void analyzeInferenceService(Context &ctx, const Object &service) {
  const Node *predictor = at(service.root, "spec.predictor");
  if (!predictor || !predictor->isMapping())
    return;
  std::optional<CloudHint> hint = cloudHintOf(ctx, service, predictor, child(service.root, "metadata"));
  for (std::string_view componentKey : kserveComponents()) {
    const Node *component = child(predictor, componentKey);
    if (!component || !component->isMapping())
      continue;
    ContainerView view = analyzeContainer(ctx, service, *component, hint, false);
    ModelAccess access;
    access.kind = AccessKind::Hosting;
    access.api = "KServe InferenceService";
    access.subject = service.subject();
    access.cloud = cloudValue(hint);
    access.range = component->range;
    if (const Node *uri = component->get("storageUri"); uri && uri->isScalar()) {
      access.model = literalOf(*uri);
      access.range = uri->range;
      for (std::string_view scheme : modelIdSchemes())
        if (uri->value.starts_with(scheme))
          access.model = placeholderValue(*uri, scheme.size(), uri->value.size());
    } else {
      SourceRange where;
      std::vector<Token> tokens = tokensOf(component->get("args"));
      if ((access.model = flagValue(tokens, kserveModelFlags(), view, &where)))
        access.range = where;
    }
    ctx.out.accesses.push_back(std::move(access));
  }
  for (const Node &container : itemsOf(predictor->get("containers")))
    analyzeContainer(ctx, service, container, hint);
}

// --- hosts outside the cluster ------------------------------------------------------------------

void analyzeService(Context &ctx, const Object &service) {
  if (scalarText(at(service.root, "spec.type")) != "ExternalName")
    return;
  const Node *host = at(service.root, "spec.externalName");
  if (!host || !host->isScalar())
    return;
  ModelAccess access;
  access.kind = AccessKind::Call;
  access.api = "Kubernetes ExternalName Service";
  access.hostOnly = true;
  access.endpoint = literalOf(*host);
  access.range = host->range;
  access.subject = service.subject();
  ctx.out.accesses.push_back(std::move(access));
}

void analyzeServiceEntry(Context &ctx, const Object &entry) {
  for (const Node &host : itemsOf(at(entry.root, "spec.hosts"))) {
    if (!host.isScalar())
      continue;
    ModelAccess access;
    access.kind = AccessKind::Call;
    access.api = "Istio ServiceEntry";
    access.hostOnly = true;
    access.endpoint = literalOf(host);
    access.range = host.range;
    access.subject = entry.subject();
    ctx.out.accesses.push_back(std::move(access));
  }
}

} // namespace cloudpact::kubernetes
