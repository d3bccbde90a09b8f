#pragma once
// The result of analysis: routes (every model access resolved to provider and cloud) and the
// findings derived from them under the policy. Reporters see only these.
#include "Core/Diagnostic.h"
#include "Core/Facts.h"

#include <memory>
#include <string>
#include <vector>

namespace cloudpact {

struct TraceStep {
  SourceRange range;
  std::string phrase;
  bool operator==(const TraceStep &) const = default;
};
using Trace = std::vector<TraceStep>;

enum class Verdict { Allowed, Violation, Unresolved, Reference }; // Reference: named, not judged
const char *verdictName(Verdict verdict);

/// One way a model access resolves: a (provider, cloud) pair with the values that led to it.
struct Route {
  AccessKind kind = AccessKind::Call;
  std::string api;
  std::string subject;
  SourceRange range;       // the access itself
  std::string model;       // model id as written (may contain "…" for unknown parts)
  std::string modelName;   // normalised model name, e.g. "gpt-oss-120b"
  std::string provider;    // "" when unknown
  std::string cloud;       // the destination: who operates the endpoint ("" when unknown)
  std::string destinationKind; // "cloud", "provider-api", "aggregator", "self-hosted" ("" when unknown)
  std::string hostCloud;   // for a self-hosted destination, the cloud of its machine or cluster
  std::string service;     // the service the endpoint names (Bedrock Runtime, Ollama, …), "" when none
  std::vector<std::string> unknownParts; // parts of the model id or endpoint that are not known
  std::string region;      // "" when unknown
  std::string host;        // endpoint host, "" when none
  Verdict verdict = Verdict::Unresolved;
  std::string contract;    // the contract judged, e.g. "openai: azure, openai"
  std::string reason;      // why unresolved, or what broke the contract
  Trace trace;             // first literal ... last step before the access
  std::vector<Trace> alternatives; // other paths to the same (access, route)
};

struct Finding {
  std::string rule;
  Level level = Level::Error;
  SourceRange range;
  std::string message;
  Trace trace;
  std::vector<Trace> alternatives;
  std::string fingerprint; // stable across line shifts; used by baselines and SARIF
  bool suppressed = false;
  std::string suppression; // why it is hidden: "suppressed by comment at …", "in baseline"
  std::shared_ptr<const Route> route; // null for parse-error / policy-error
};

} // namespace cloudpact
