// The built-in policy: the default contract and the classification tables (*.def beside this file).
#include "Policy/Policy.h"

#include <algorithm>
#include <cctype>

namespace cloudpact {

namespace {

struct Spelling {
  const char *from;
  const char *to;
};

const Spelling kProviderAliases[] = {
#define CLOUDPACT_PROVIDER_ALIAS(Spelling, Provider) {Spelling, Provider},
#include "Policy/ProviderNames.def"
};

const Spelling kDestinationAliases[] = {
#define CLOUDPACT_DESTINATION_ALIAS(Spelling, Destination) {Spelling, Destination},
#include "Policy/ProviderNames.def"
};

const Spelling kModelOrgs[] = {
#define CLOUDPACT_MODEL_ORG(Organisation, Provider) {Organisation, Provider},
#include "Policy/ModelFamilies.def"
};

struct LocalServer {
  int port;
  const char *service;
};
const LocalServer kLocalServers[] = {
#define CLOUDPACT_LOCAL_SERVER(Port, Service) {Port, Service},
#include "Policy/LocalServers.def"
};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

/// `{orgs}` in a model-family pattern: the organisations of the table, as an alternation.
std::string expandOrgs(std::string pattern) {
  size_t at = pattern.find("{orgs}");
  if (at == std::string::npos)
    return pattern;
  std::string alternation;
  for (const Spelling &org : kModelOrgs) {
    if (!alternation.empty())
      alternation += '|';
    for (const char *c = org.from; *c; ++c) {
      if (*c == '.' || *c == '-')
        alternation += '\\';
      alternation += *c;
    }
  }
  return pattern.replace(at, 6, alternation);
}

std::vector<ProviderRule> builtinProviderRules() {
  std::vector<ProviderRule> rules;
#define CLOUDPACT_MODEL_FAMILY(Pattern, Provider, Description, Example) rules.push_back({expandOrgs(Pattern), Provider, Description, {}});
#include "Policy/ModelFamilies.def"
  return rules;
}

const CloudRule kCloudRules[] = {
#define CLOUDPACT_ENDPOINT(Host, Path, Destination, Service, ImpliesProvider, Serves) \
  {Host, Destination, Service, Path, ImpliesProvider, {}, std::string_view(#Serves) == "Models"},
#include "Policy/Endpoints.def"
};

const PathRule kPathRules[] = {
#define CLOUDPACT_PATH_SHAPE(Path, Destination, Service, ImpliesProvider) {Path, Destination, Service, ImpliesProvider},
#include "Policy/Endpoints.def"
};

const PathModelRule kPathModelRules[] = {
#define CLOUDPACT_PATH_MODEL(Pattern, Description) {Pattern, Description},
#include "Policy/Endpoints.def"
};

const Destination kDestinations[] = {
#define CLOUDPACT_DESTINATION(Name, Kind, Description) {Name, DestinationKind::Kind, Description, {}},
#include "Policy/Destinations.def"
};

} // namespace

const char *destinationKindName(DestinationKind kind) {
  switch (kind) {
  case DestinationKind::Cloud: return "cloud";
  case DestinationKind::ProviderApi: return "provider-api";
  case DestinationKind::Aggregator: return "aggregator";
  case DestinationKind::SelfHosted: return "self-hosted";
  }
  return "cloud";
}

std::string normalizeProvider(std::string_view name) {
  std::string key = lower(name);
  for (const Spelling &alias : kProviderAliases)
    if (key == alias.from)
      return alias.to;
  for (const Spelling &org : kModelOrgs)
    if (key == org.from)
      return org.to;
  return key;
}

std::string normalizeCloud(std::string_view name) {
  std::string key = lower(name);
  for (const Spelling &alias : kDestinationAliases)
    if (key == alias.from)
      return alias.to;
  return key;
}

const std::vector<std::string> &builtinProviders() {
  static const std::vector<std::string> names = {
#define CLOUDPACT_PROVIDER(Name, Description) Name,
#include "Policy/ProviderNames.def"
  };
  return names;
}

std::string localServerOnPort(int port) {
  for (const LocalServer &server : kLocalServers)
    if (server.port == port)
      return server.service;
  return {};
}

DestinationKind destinationKind(const Policy &policy, const std::string &name) {
  for (const Destination &destination : policy.destinations)
    if (destination.name == name)
      return destination.kind;
  return DestinationKind::Cloud;
}

bool isKnownDestination(const Policy &policy, const std::string &name) {
  return std::any_of(policy.destinations.begin(), policy.destinations.end(),
                     [&](const Destination &d) { return d.name == name; }) ||
         std::any_of(policy.clouds.begin(), policy.clouds.end(), [&](const CloudRule &r) { return r.cloud == name; }) ||
         std::any_of(policy.workloads.begin(), policy.workloads.end(),
                     [&](const WorkloadMapping &w) { return w.cloud == name; });
}

Policy defaultPolicy() {
  Policy policy;
  Contract openai;
  openai.provider = "openai";
  openai.clouds = {"azure", "openai"};
  openai.severity = Level::Error;
  policy.contracts.push_back(openai);
  policy.providers = builtinProviderRules();
  policy.clouds.assign(std::begin(kCloudRules), std::end(kCloudRules));
  policy.paths.assign(std::begin(kPathRules), std::end(kPathRules));
  policy.pathModels.assign(std::begin(kPathModelRules), std::end(kPathModelRules));
  policy.destinations.assign(std::begin(kDestinations), std::end(kDestinations));
  return policy;
}

} // namespace cloudpact
