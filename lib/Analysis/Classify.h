#pragma once
// Classification from the policy tables: model id → provider, endpoint → cloud.
#include "Analysis/AbstractValue.h"
#include "Policy/Policy.h"

#include <memory>
#include <string>
#include <vector>

namespace re2 { class RE2; }

namespace cloudpact {

struct ModelClass {
  std::string provider; // "" when no rule matched
  std::string model;    // normalised model name
  std::string rule;     // description of the rule that matched
  std::vector<std::string> unknownParts; // parts of the id that are holes ("account", "project")
};

struct EndpointClass {
  std::string host;       // rendered host ("…" for unknown parts), "" when none
  std::string path;
  int port = -1;          // the explicit port, -1 when none or unknown
  bool hostKnown = false; // the cloud-deciding part of the host is literal
  bool fromPath = false;  // the host is not known; the path's shape decided the destination
  bool servesModels = false; // the matching row is a model service, not a catch-all of its operator
  std::string cloud;      // the destination (Destinations.def)
  DestinationKind kind = DestinationKind::Cloud;
  std::string server;     // for a self-hosted endpoint, the model server its port suggests
  std::string service;
  std::string region;
  std::string impliedProvider;
  std::string pathModel;  // a model resource named in the path (Vertex publishers/...)
  std::string deployment; // a deployment named in the path (Azure /openai/deployments/{name}/)
};

class Classifier {
public:
  explicit Classifier(const Policy &policy);
  ~Classifier();

  ModelClass classifyModel(const Shape &id) const;
  ModelClass classifyModel(const std::string &id) const;
  EndpointClass classifyEndpoint(const Shape &url) const;

private:
  struct CompiledProvider;
  struct CompiledCloud;
  struct CompiledPath;
  std::vector<std::unique_ptr<CompiledProvider>> providers_;
  std::vector<std::unique_ptr<CompiledCloud>> clouds_;
  std::vector<std::unique_ptr<CompiledPath>> paths_;      // path shapes, then path models
  std::vector<std::unique_ptr<CompiledPath>> pathModels_;
  std::vector<Destination> destinations_;
};

/// "gpt-oss-120b-1:0" → "gpt-oss-120b", "claude-3-5-sonnet-20241022-v2:0" → "claude-3-5-sonnet-20241022".
std::string normalizeModelName(std::string_view model);

} // namespace cloudpact
