#pragma once
// State shared by the Kubernetes analyses of one scan, and the analyses themselves. Each
// analysis handles one family of kinds and only emits facts; lookups go through the Index.
#include "Core/Facts.h"
#include "Kubernetes/Kubernetes.h"
#include "Kubernetes/Manifest.h"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cloudpact::kubernetes {

/// A workload that mounts a ConfigMap or Secret as files.
struct Mount {
  const Object *workload = nullptr;
  std::vector<std::string> keys; // the keys projected by `items`; empty = every key
};

struct Context {
  Manifests &manifests;
  const Index &index;
  Facts &out;
  /// "ConfigMap|<ns>|<name>" / "Secret|<ns>|<name>" → workloads mounting it, in object order.
  std::map<std::string, std::vector<Mount>> mounts;
  /// "<ns>|<AIServiceBackend name>" → the Envoy AI Gateway BackendSecurityPolicy targeting it.
  std::map<std::string, const Object *> securityPolicies;

  const std::vector<Mount> *mountsOf(const std::string &kind, const std::string &ns, const std::string &name) const {
    auto it = mounts.find(kind + "|" + ns + "|" + name);
    return it == mounts.end() ? nullptr : &it->second;
  }
};

/// Which cloud a workload runs on, as a hint found in the manifests.
struct CloudHint {
  std::string cloud;
  SourceRange range;  // the annotation, label or selector value
  std::string phrase; // e.g. "annotation eks.amazonaws.com/role-arn of ServiceAccount shop/llm"
};
/// The `cloud` Value of an access from a hint (null without one).
ValuePtr cloudValue(const std::optional<CloudHint> &hint);

// --- Workloads.cpp ---
/// The PodSpec of a workload kind (per the pod-template table) and its pod metadata, or null.
const Node *podSpecOf(const Object &object, const Node **podMetadata = nullptr);
/// Records which ConfigMaps/Secrets the workload mounts as files.
void recordMounts(Context &ctx, const Object &workload, const Node *podSpec);
std::optional<CloudHint> cloudHintOf(const Context &ctx, const Object &workload, const Node *podSpec,
                                     const Node *podMetadata);
/// Env, command, args and serving engines of every container of a PodSpec.
void analyzePodSpec(Context &ctx, const Object &workload, const Node *podSpec, const Node *podMetadata);

/// An env var of one container, after envFrom and env (later definitions override earlier ones).
using EnvVar = EnvVariable;
/// The environment of one container, and its command and args split into tokens.
struct ContainerView {
  std::vector<EnvVar> env;
  ValuePtr lookup(const std::string &name) const; // null when not defined
};
/// Emits the container's env Assigns and serving-engine accesses; returns its environment.
/// `detectServing` false skips the serving-engine table (the caller knows the server).
ContainerView analyzeContainer(Context &ctx, const Object &owner, const Node &container,
                               const std::optional<CloudHint> &hint, bool detectServing = true);

/// A word of a container's command/args (an item, or a whitespace-separated word inside one).
struct Token {
  const Node *scalar = nullptr;
  size_t begin = 0, end = 0; // bytes of scalar->value
  std::string_view text() const { return std::string_view(scalar->value).substr(begin, end - begin); }
};
std::vector<Token> tokensOf(const Node *list);
/// The Value of a token after `$(VAR)` expansion over `env`; a shell `$VAR`/`${VAR}` word reads VAR.
ValuePtr tokenValue(const Token &token, const ContainerView &env);
/// The value of `flag X` or `flag=X` in `tokens` (first match), or null.
ValuePtr flagValue(const std::vector<Token> &tokens, std::span<const std::string_view> flags,
                   const ContainerView &env, SourceRange *where = nullptr);

// --- ConfigData.cpp ---
/// ConfigMap data and Secret stringData/data → Assigns; embedded config files → accesses.
void analyzeConfigData(Context &ctx, const Object &object);
std::optional<std::string> decodeBase64(std::string_view text);

// --- Embedded.cpp ---
/// Parses a config file held in a ConfigMap/Secret value if a known format may be in it.
void analyzeEmbedded(Context &ctx, const Object &owner, const std::string &key, const Node &scalar);
/// A config file kept as a file of its own; its subject names the file. Entries some ConfigMap
/// analysed before already reported (at the same place) are not reported again.
void analyzeConfigFile(Context &ctx, const SourceFile &file, const Node &root);

// --- Gateways.cpp ---
/// Records BackendSecurityPolicies (before the other analyses run).
void recordSecurityPolicy(Context &ctx, const Object &policy);
void analyzeEnvoyRoute(Context &ctx, const Object &route);
void analyzeAiBackend(Context &ctx, const Object &backend);
void analyzeInferenceService(Context &ctx, const Object &service);
void analyzeService(Context &ctx, const Object &service);
void analyzeServiceEntry(Context &ctx, const Object &entry);

} // namespace cloudpact::kubernetes
