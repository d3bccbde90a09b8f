#include "Analysis/Analyze.h"

#include "Analysis/Classify.h"
#include "Analysis/References.h"
#include "Analysis/Rules.h"
#include "Analysis/Solver.h"
#include "Analysis/Suppressions.h"
#include "Core/Hash.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace cloudpact {

namespace {

constexpr size_t kMaxCombinations = 64;

/// One alternative of an optional value: absent values give one empty alternative.
struct Alt {
  const Shape *shape = nullptr;
};

std::vector<Alt> altsOf(const AbstractValue *value) {
  std::vector<Alt> out;
  if (!value || value->alternatives.empty()) {
    out.push_back(Alt{});
    return out;
  }
  for (const Shape &shape : value->alternatives)
    out.push_back(Alt{&shape});
  return out;
}

bool rangeWithin(const SourceRange &inner, const SourceRange &outer) {
  if (inner.file() != outer.file() || !outer.end.valid())
    return false;
  return outer.begin.offset <= inner.begin.offset &&
         (inner.end.valid() ? inner.end.offset : inner.begin.offset) <= outer.end.offset;
}

/// Merges a literal's own step into the assignment that contains it, keeping the inner position,
/// and drops steps inside the access itself (the finding's primary location shows them).
Trace tidyTrace(const Trace &raw, const SourceRange &access) {
  Trace out;
  for (const TraceStep &step : raw) {
    if (step.range.begin == access.begin || rangeWithin(step.range, access))
      continue;
    // A literal's own step ("value '…'") inside the assignment that holds it becomes that
    // assignment's step; other steps (a getenv read, a parameter) keep their own phrase.
    if (!out.empty() && rangeWithin(out.back().range, step.range) && !step.phrase.empty() &&
        out.back().phrase.rfind("value '", 0) == 0) {
      out.back().phrase = step.phrase;
      continue;
    }
    if (std::find(out.begin(), out.end(), step) == out.end())
      out.push_back(step);
  }
  return out;
}

std::string joinList(const std::vector<std::string> &items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i ? ", " : "") + items[i];
  return out;
}

const Contract *contractFor(const Policy &policy, const std::string &provider) {
  for (const Contract &contract : policy.contracts)
    if (contract.provider == provider)
      return &contract;
  return nullptr;
}

bool contractCovers(const Contract &contract, const std::string &provider, const std::string &model) {
  std::string key = provider + "/" + model;
  for (const std::string &glob : contract.exclude)
    if (globMatch(glob, key))
      return false;
  if (contract.include.empty())
    return true;
  return std::any_of(contract.include.begin(), contract.include.end(),
                     [&](const std::string &glob) { return globMatch(glob, key); });
}

std::string contractText(const Contract &contract) {
  std::string text = joinList(contract.clouds);
  if (!contract.regions.empty())
    text += " in " + joinList(contract.regions);
  return text;
}

bool contractLists(const Contract &contract, const std::string &destination) {
  return std::find(contract.clouds.begin(), contract.clouds.end(), destination) != contract.clouds.end();
}

/// What a contract's `clouds` list is checked against: the destination, or for a self-hosted
/// one that the contract does not name, the cloud of the machine that serves it.
std::string judgedCloud(const Route &route, const Contract &contract) {
  if (route.destinationKind == "self-hosted" && !contractLists(contract, route.cloud))
    return route.hostCloud;
  return route.cloud;
}

void judge(Route &route, const Policy &policy, const std::string &holeReason) {
  if (!route.provider.empty() && !route.cloud.empty()) {
    const Contract *contract = contractFor(policy, route.provider);
    if (!contract) {
      route.verdict = Verdict::Allowed;
      route.reason = "no contract for provider " + route.provider;
      return;
    }
    route.contract = route.provider + ": " + contractText(*contract);
    if (!contractCovers(*contract, route.provider, route.modelName)) {
      route.verdict = Verdict::Allowed;
      route.reason = "model excluded from the " + route.provider + " contract";
      return;
    }
    std::string cloud = judgedCloud(route, *contract);
    if (cloud.empty()) {
      route.verdict = Verdict::Unresolved;
      route.reason = "the endpoint is self-hosted (" + (route.host.empty() ? route.cloud : route.host) +
                     ") and the cloud of the machine or cluster that serves it is not known";
      return;
    }
    if (route.destinationKind == "aggregator" && !contractLists(*contract, cloud)) {
      route.verdict = Verdict::Unresolved;
      route.reason = cloud + " is an aggregator: the cloud it forwards the request to is not known";
      return;
    }
    if (!contractLists(*contract, cloud)) {
      route.verdict = Verdict::Violation;
      route.reason = "cloud " + cloud + " is outside the contract";
      return;
    }
    if (!contract->regions.empty()) {
      if (route.region.empty()) {
        route.verdict = Verdict::Unresolved;
        route.reason = "the region is not known and the " + route.provider + " contract restricts regions";
        return;
      }
      if (std::find(contract->regions.begin(), contract->regions.end(), route.region) == contract->regions.end()) {
        route.verdict = Verdict::Violation;
        route.reason = "region " + route.region + " is outside the contract";
        return;
      }
    }
    route.verdict = Verdict::Allowed;
    route.reason = "allowed by the " + route.provider + " contract";
    return;
  }
  if (route.provider.empty() && !route.cloud.empty()) {
    bool everyContractAllows = std::all_of(policy.contracts.begin(), policy.contracts.end(), [&](const Contract &c) {
      return contractLists(c, judgedCloud(route, c)) && c.regions.empty();
    });
    if (everyContractAllows) {
      route.verdict = Verdict::Allowed;
      route.reason = "every contract allows " + route.cloud;
      return;
    }
    route.verdict = Verdict::Unresolved;
    route.reason = "the model's provider is not known" + (holeReason.empty() ? std::string() : ": " + holeReason);
    return;
  }
  if (!route.provider.empty() && !contractFor(policy, route.provider)) {
    route.verdict = Verdict::Allowed;
    route.reason = "no contract for provider " + route.provider;
    return;
  }
  route.verdict = Verdict::Unresolved;
  if (route.provider.empty())
    route.reason = "neither the model's provider nor the cloud is known";
  else
    route.reason = "the cloud is not known";
  if (!holeReason.empty())
    route.reason += ": " + holeReason;
}

std::string describeRoute(const Route &route) {
  std::string via = route.cloud;
  std::string detail;
  if (!route.host.empty() && route.host.find("…") == std::string::npos)
    detail = route.host;
  if (route.destinationKind == "self-hosted" && !route.service.empty())
    detail += (detail.empty() ? "" : ", ") + route.service;
  if (!detail.empty())
    via += " (" + detail + ")";
  if (route.destinationKind == "self-hosted" && !route.hostCloud.empty())
    via += " on " + route.hostCloud;
  if (!route.region.empty())
    via += " in " + route.region;
  if (!route.unknownParts.empty())
    via += " (" + joinList(route.unknownParts) + " unknown)";
  return via;
}

std::string findingMessage(const Route &route, const std::vector<std::string> &conditions) {
  std::string message;
  std::string model = route.model.empty() ? route.provider + " model" : route.provider + " model '" + route.model + "'";
  if (route.verdict == Verdict::Violation) {
    if (route.kind == AccessKind::Hosting)
      message = model + " is hosted on " + describeRoute(route);
    else
      message = "call to " + model + " goes through " + describeRoute(route);
    message += "; the " + route.provider + " contract allows only " + route.contract.substr(route.contract.find(": ") + 2);
  } else {
    message = std::string("cannot check the route of this model access: ") + route.reason;
  }
  if (!conditions.empty())
    message += " (with " + joinList(conditions) + ")";
  return message;
}

std::string trimmed(std::string_view text) {
  size_t b = text.find_first_not_of(" \t");
  size_t e = text.find_last_not_of(" \t\r");
  return b == std::string_view::npos ? std::string() : std::string(text.substr(b, e - b + 1));
}

/// Stable across line shifts: rule, file, the access's source line text and its route.
std::string fingerprintOf(const Finding &finding, const FileSet &files) {
  uint64_t hash = stableHash(finding.rule);
  hash = stableHash("|" + finding.range.file(), hash); // separates the rule from the path
  hash = stableHash(trimmed(files.line(finding.range.file(), finding.range.begin.line)), hash);
  if (finding.route) {
    hash = stableHash(finding.route->provider + "|" + finding.route->cloud + "|" + finding.route->region + "|" +
                     finding.route->api + "|" + finding.route->subject,
                 hash);
  } else {
    hash = stableHash(finding.message, hash);
  }
  return hexDigits(hash);
}

} // namespace

void sortFindings(std::vector<Finding> &findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
    return std::tie(a.range.begin.file, a.range.begin.line, a.range.begin.column, a.rule, a.message) <
           std::tie(b.range.begin.file, b.range.begin.line, b.range.begin.column, b.rule, b.message);
  });
}

namespace {
/// Links env vars to reads through the policy's `workloads` mapping; code that no mapping
/// covers links by name to every workload that sets the variable.
EnvLinkFilter workloadFilter(const Policy &policy) {
  return [&policy](const Assign &set, const Value &read) {
    bool mapped = false;
    for (const WorkloadMapping &mapping : policy.workloads) {
      bool covers = std::any_of(mapping.sources.begin(), mapping.sources.end(),
                                [&](const std::string &glob) { return globMatch(glob, read.range.file()); });
      if (!covers)
        continue;
      mapped = true;
      if ((!set.origin.empty() && globMatch(mapping.workload, set.origin)) ||
          (!set.originImage.empty() && globMatch(mapping.workload, set.originImage)))
        return EnvLink::Mapped;
    }
    return mapped ? EnvLink::None : EnvLink::ByName;
  };
}

/// Names of environment variables that some code in the scan reads.
std::set<std::string> envReadNames(const Facts &facts) {
  std::set<std::string> names;
  std::set<const Value *> seen;
  std::vector<const Value *> stack;
  auto push = [&](const ValuePtr &value) {
    if (value && seen.insert(value.get()).second)
      stack.push_back(value.get());
  };
  for (const Assign &assign : facts.assigns)
    push(assign.value);
  for (const ModelAccess &access : facts.accesses)
    for (const ValuePtr &value : {access.model, access.endpoint, access.region, access.provider, access.cloud})
      push(value);
  while (!stack.empty()) {
    const Value *value = stack.back();
    stack.pop_back();
    if (value->kind == ValueKind::EnvRead)
      names.insert(value->text);
    for (const ValuePtr &part : value->parts)
      push(part);
    for (const auto &field : value->fields)
      push(field.second);
  }
  return names;
}

/// The cloud a workload runs on, from the policy's `workloads` mapping: a workload name
/// ("shop/Deployment/chat") or a path glob ("deploy/eks-prod/**").
std::string workloadCloud(const Policy &policy, const std::string &subject, const std::string &file) {
  // Subjects read "Deployment shop/chat-svc"; mappings name workloads "shop/Deployment/chat-svc".
  std::string key = subject;
  if (size_t space = subject.find(' '), slash = subject.find('/');
      space != std::string::npos && slash != std::string::npos && space < slash)
    key = subject.substr(space + 1, slash - space - 1) + "/" + subject.substr(0, space) + subject.substr(slash);
  for (const WorkloadMapping &mapping : policy.workloads)
    if (!mapping.cloud.empty() &&
        (globMatch(mapping.workload, key) || globMatch(mapping.workload, subject) || globMatch(mapping.workload, file)))
      return mapping.cloud;
  return {};
}
} // namespace

AnalysisResult analyze(const Facts &facts, const Policy &policy, const FileSet &files, const AnalysisOptions &options) {
  Solver solver(facts, options.functions, workloadFilter(policy));
  Classifier classifier(policy);
  AnalysisResult result;

  // (access index, provider, cloud, region, verdict) → route with the shortest trace.
  using RouteKey = std::tuple<size_t, std::string, std::string, std::string, int>;
  std::map<RouteKey, std::pair<Route, std::vector<std::string>>> grouped;

  std::set<std::string> readByCode = envReadNames(facts);
  for (size_t index = 0; index < facts.accesses.size(); ++index) {
    const ModelAccess &access = facts.accesses[index];
    if (!access.viaEnv.empty() && readByCode.count(access.viaEnv))
      continue; // the code that reads the variable is the access
    auto eval = [&](const ValuePtr &value) -> std::optional<AbstractValue> {
      if (!value)
        return std::nullopt;
      return solver.evaluate(value);
    };
    std::optional<AbstractValue> model = eval(access.model), endpoint = eval(access.endpoint),
                                 region = eval(access.region), provider = eval(access.provider),
                                 cloud = eval(access.cloud);
    size_t combinations = 0;
    for (const Alt &m : altsOf(model ? &*model : nullptr))
      for (const Alt &e : altsOf(endpoint ? &*endpoint : nullptr))
        for (const Alt &r : altsOf(region ? &*region : nullptr))
          for (const Alt &p : altsOf(provider ? &*provider : nullptr))
            for (const Alt &c : altsOf(cloud ? &*cloud : nullptr)) {
              if (++combinations > kMaxCombinations)
                break;
              Route route;
              route.kind = access.kind;
              route.api = access.api;
              route.subject = access.subject;
              route.range = access.range;
              Trace trace;
              std::vector<std::string> conditions;
              std::string holeReason;
              auto take = [&](const Alt &alt) {
                if (!alt.shape)
                  return;
                for (const TraceStep &step : alt.shape->trace)
                  if (std::find(trace.begin(), trace.end(), step) == trace.end())
                    trace.push_back(step);
                for (const std::string &cond : alt.shape->conditions)
                  if (std::find(conditions.begin(), conditions.end(), cond) == conditions.end())
                    conditions.push_back(cond);
              };
              take(m); take(e); take(r); take(p); take(c);

              EndpointClass endpointClass;
              if (e.shape) {
                endpointClass = classifier.classifyEndpoint(*e.shape);
                route.host = endpointClass.host;
              }
              if (access.hostOnly && !endpointClass.servesModels)
                continue; // a host of no model service: not a model access
              // Cloud: named outright > endpoint host (or, when the host is unknown, the shape of
              // its path) > the API's own cloud.
              if (c.shape && c.shape->isLiteral() && !c.shape->literal().empty())
                route.cloud = normalizeCloud(c.shape->literal());
              else if (endpointClass.hostKnown || endpointClass.fromPath) {
                route.cloud = endpointClass.cloud;
                if (endpointClass.fromPath)
                  route.unknownParts.push_back("host");
              }
              else if (!access.impliedCloud.empty())
                route.cloud = access.impliedCloud;
              else if (std::string mapped = workloadCloud(policy, access.subject, access.range.file()); !mapped.empty())
                route.cloud = mapped;
              else if (e.shape)
                holeReason = e.shape->hasHole() ? "endpoint " + e.shape->render() + ": " + e.shape->holeReason()
                                                : "endpoint host '" + endpointClass.host + "' is not a known cloud";
              else if (c.shape && c.shape->hasHole())
                holeReason = c.shape->holeReason();
              else
                holeReason = "no endpoint or cloud is known for this access";
              // The service the endpoint names, when it is the route's destination (also a named cloud
              // the endpoint agrees with): for a self-hosted one, the server its port suggests.
              if ((endpointClass.hostKnown || endpointClass.fromPath) && endpointClass.cloud == route.cloud)
                route.service = endpointClass.server.empty() ? endpointClass.service : endpointClass.server;
              if (!route.cloud.empty()) {
                route.destinationKind = destinationKindName(destinationKind(policy, route.cloud));
                if (route.destinationKind == "self-hosted")
                  route.hostCloud = workloadCloud(policy, access.subject, access.range.file());
              }
              // Region: named outright > endpoint host.
              if (r.shape && r.shape->isLiteral())
                route.region = r.shape->literal();
              else if (!endpointClass.region.empty())
                route.region = endpointClass.region;
              // Provider: named outright > model id > endpoint.
              if (m.shape) {
                route.model = m.shape->render();
                ModelClass modelClass = classifier.classifyModel(*m.shape);
                route.provider = modelClass.provider;
                route.modelName = modelClass.model;
                for (const std::string &part : modelClass.unknownParts)
                  if (std::find(route.unknownParts.begin(), route.unknownParts.end(), part) == route.unknownParts.end())
                    route.unknownParts.push_back(part);
                if (modelClass.provider.empty() && m.shape->hasHole())
                  holeReason = "model id " + m.shape->render() + ": " + m.shape->holeReason();
                else if (modelClass.provider.empty() && !modelClass.rule.empty())
                  holeReason = "model id '" + route.model + "' is a " + modelClass.rule;
              }
              if (p.shape && p.shape->isLiteral() && !p.shape->literal().empty())
                route.provider = normalizeProvider(p.shape->literal());
              if (route.provider.empty() && !endpointClass.pathModel.empty()) {
                ModelClass pathClass = classifier.classifyModel(endpointClass.pathModel);
                route.provider = pathClass.provider;
                if (route.modelName.empty())
                  route.modelName = pathClass.model;
                if (route.model.empty())
                  route.model = endpointClass.pathModel;
              }
              // A deployment or endpoint name (Azure deployment, SageMaker endpoint) resolves through
              // the infrastructure that defines it: symbol deployment:<cloud>:<name> = {model, provider}.
              if (!route.cloud.empty()) {
                std::vector<std::string> names;
                if (!endpointClass.deployment.empty())
                  names.push_back(endpointClass.deployment);
                if (m.shape && m.shape->isLiteral())
                  names.push_back(m.shape->literal());
                for (const std::string &name : names) {
                  std::string symbol = "deployment:" + route.cloud + ":" + name;
                  if (!solver.hasSymbol(symbol))
                    continue;
                  AbstractValue deployment = solver.evaluateSymbol(symbol);
                  AbstractValue model = solver.project(deployment, "model");
                  AbstractValue provider = solver.project(deployment, "provider");
                  const Shape *modelShape = model.alternatives.empty() ? nullptr : &model.alternatives.front();
                  const Shape *providerShape = provider.alternatives.empty() ? nullptr : &provider.alternatives.front();
                  if (providerShape && providerShape->isLiteral() && !providerShape->literal().empty()) {
                    route.provider = normalizeProvider(providerShape->literal());
                    take(Alt{providerShape});
                  }
                  if (modelShape && !modelShape->hasHole()) {
                    ModelClass deployed = classifier.classifyModel(*modelShape);
                    if (route.provider.empty())
                      route.provider = deployed.provider;
                    route.modelName = deployed.model.empty() ? normalizeModelName(modelShape->render()) : deployed.model;
                    route.model = name + " (" + modelShape->render() + ")";
                    take(Alt{modelShape});
                  }
                  if (!route.provider.empty()) {
                    holeReason.clear();
                    break;
                  }
                }
              }
              if (route.provider.empty() && !endpointClass.impliedProvider.empty())
                route.provider = endpointClass.impliedProvider;
              if (route.modelName.empty() && !route.model.empty() && route.model.find("…") == std::string::npos)
                route.modelName = normalizeModelName(route.model);
              if (route.provider.empty() && holeReason.empty() && m.shape)
                holeReason = "model id '" + route.model + "' matches no provider pattern";
              judge(route, policy, holeReason);
              route.trace = tidyTrace(trace, access.range);

              RouteKey key{index, route.provider, route.cloud, route.region, static_cast<int>(route.verdict)};
              auto it = grouped.find(key);
              if (it == grouped.end()) {
                grouped.emplace(key, std::make_pair(std::move(route), conditions));
              } else {
                Route &kept = it->second.first;
                if (route.trace.size() < kept.trace.size()) {
                  kept.alternatives.push_back(kept.trace);
                  kept.trace = route.trace;
                  kept.model = route.model;
                  kept.modelName = route.modelName;
                  it->second.second = conditions;
                } else if (route.trace != kept.trace &&
                           std::find(kept.alternatives.begin(), kept.alternatives.end(), route.trace) == kept.alternatives.end()) {
                  kept.alternatives.push_back(route.trace);
                }
              }
            }
  }

  for (auto &[key, entry] : grouped) {
    auto route = std::make_shared<Route>(std::move(entry.first));
    result.routes.push_back(route);
    if (route->verdict == Verdict::Allowed)
      continue;
    Finding finding;
    finding.route = route;
    finding.range = route->range;
    finding.trace = route->trace;
    finding.alternatives = route->alternatives;
    finding.message = findingMessage(*route, entry.second);
    if (route->verdict == Verdict::Violation) {
      finding.rule = route->kind == AccessKind::Hosting ? std::string(kExclusivityHostingRule.id)
                                                        : std::string(kExclusivityCallRule.id);
      const Contract *contract = contractFor(policy, route->provider);
      finding.level = contract ? contract->severity : Level::Error;
    } else {
      finding.rule = std::string(kUnresolvedRouteRule.id);
      finding.level = kUnresolvedRouteRule.defaultLevel;
    }
    result.findings.push_back(std::move(finding));
  }
  for (auto &reference : referenceRoutes(facts, files, classifier, result.routes))
    result.routes.push_back(std::move(reference));
  std::stable_sort(result.routes.begin(), result.routes.end(), [](const auto &a, const auto &b) {
    return std::tie(a->range.begin.file, a->range.begin.line, a->range.begin.column, a->provider, a->cloud, a->region) <
           std::tie(b->range.begin.file, b->range.begin.line, b->range.begin.column, b->provider, b->cloud, b->region);
  });

  for (const Diagnostic &diagnostic : facts.diagnostics) {
    Finding finding;
    finding.rule = diagnostic.rule;
    finding.level = diagnostic.level;
    finding.range = diagnostic.range;
    finding.message = diagnostic.message;
    result.findings.push_back(std::move(finding));
  }
  for (Finding &finding : result.findings)
    finding.fingerprint = fingerprintOf(finding, files);

  applySuppressions(result.findings, files, options.today, result.unusedSuppressions);
  sortFindings(result.findings);
  sortFindings(result.unusedSuppressions);
  return result;
}

} // namespace cloudpact
