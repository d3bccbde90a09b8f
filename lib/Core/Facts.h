#pragma once
// What frontends emit: flow edges between symbols, model-access sinks, and diagnostics.
#include "Core/Diagnostic.h"
#include "Core/Value.h"

#include <optional>
#include <string>
#include <map>
#include <vector>

namespace cloudpact {

/// A flow edge: `symbol` may hold `value`. Several Assigns to one symbol are alternatives.
/// Symbol keys are stable and prefixed by frontend: tf:, k8s:, env:, cxx:.
struct Assign {
  Assign() = default;
  Assign(std::string symbol, ValuePtr value, SourceRange range, std::string phrase, std::string origin = {},
         std::string originImage = {})
      : symbol(std::move(symbol)), value(std::move(value)), range(std::move(range)), phrase(std::move(phrase)),
        origin(std::move(origin)), originImage(std::move(originImage)) {}

  std::string symbol;
  ValuePtr value;
  SourceRange range;  // where the assignment is written: a trace step
  std::string phrase; // e.g. "default of variable agent_model", "set in terraform.tfvars"
  /// For env:* symbols: the workload that sets the variable ("namespace/Kind/name") and its
  /// container image, so the policy's `workloads` mapping can link it to the right code.
  std::string origin;
  std::string originImage;
};

enum class AccessKind { Call, Hosting, Reference }; // Reference: a route of the inventory only
const char *accessKindName(AccessKind kind);

/// A place where a model is called or hosted.
struct ModelAccess {
  AccessKind kind = AccessKind::Call;
  std::string api;        // e.g. "aws-sdk-cpp BedrockRuntime::Converse", "aws_bedrockagent_agent"
  std::string impliedCloud; // the cloud the API itself fixes ("aws" for Bedrock), or empty
  ValuePtr model;         // model id as the access names it (null: not given)
  ValuePtr endpoint;      // URL or host (null: not given)
  ValuePtr region;        // cloud region (null: not given)
  ValuePtr provider;      // provider named outright (Azure deployment model.format, gateway schema)
  ValuePtr cloud;         // cloud named outright (cluster mapping, gateway backend), else null
  SourceRange range;      // primary location: the call, attribute or scalar
  std::string subject;    // what is accessing, e.g. "module.assistant.aws_bedrockagent_agent.this"
  double confidence = 1.0; // < 1 when matched by name only (missing headers)
  /// Set when the access is a workload's client configuration in environment variable NAME
  /// (OPENAI_BASE_URL, ...). When code in the scan reads NAME, the read is the access and this
  /// one is dropped, so one route is not reported twice.
  std::string viaEnv;
  /// The access names nothing but a host (an ExternalName Service, a ServiceEntry): it is a
  /// model route only when that host is a model service.
  bool hostOnly = false;
};

struct Facts {
  std::vector<Assign> assigns;
  std::vector<ModelAccess> accesses;
  std::vector<Diagnostic> diagnostics;
  /// Readable names of symbols whose keys are not ("cxx:c:@F@main#@url" → "variable url of
  /// main"), for messages about them.
  std::map<std::string, std::string> symbolNames;

  void append(Facts &&other);
};

} // namespace cloudpact
