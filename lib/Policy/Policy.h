#pragma once
// Contracts and the classification tables they are judged with.
#include "Core/Diagnostic.h"
#include "Core/SourceLoc.h"

#include <map>
#include <string>
#include <vector>

namespace cloudpact {

/// provider → allowed clouds (optionally regions), with model include/exclude globs.
struct Contract {
  std::string provider;
  std::vector<std::string> clouds;
  std::vector<std::string> regions; // empty: any region
  Level severity = Level::Error;
  std::vector<std::string> include; // globs over "provider/model" (empty: all models)
  std::vector<std::string> exclude;
  SourceRange where; // in the policy file; invalid for the built-in contract
};

/// Model id → provider. `pattern` is an RE2 regex matched against the whole id (case-insensitive);
/// capture group `provider` (if any) names the provider, else `provider` is used; group `model`
/// (if any) is the normalised model name, and `strip` removes a version suffix from it.
struct ProviderRule {
  std::string pattern;
  std::string provider;
  std::string description;
  SourceRange where;
};

/// Who operates an endpoint (lib/Policy/Destinations.def, docs/vocabulary.md).
enum class DestinationKind { Cloud, ProviderApi, Aggregator, SelfHosted };
const char *destinationKindName(DestinationKind kind); // "cloud", "provider-api", …

struct Destination {
  std::string name;
  DestinationKind kind = DestinationKind::Cloud;
  std::string description;
  SourceRange where;
};

/// Endpoint host → destination (`cloud` names it: a cloud, a provider's API, an aggregator or
/// self-hosted). Host globs: `*` matches one or more characters, `{region}` one label (captured
/// as the region), `{label}` one label, `{octet}` one to three digits, `[…]` a character class. `path` (optional) is a path
/// prefix in which `*` stands for one segment's characters; with `impliesProvider` it names the
/// provider of models reached there (Bedrock's /openai/v1).
struct CloudRule {
  std::string host;
  std::string cloud;
  std::string service;
  std::string path;
  std::string impliesProvider;
  SourceRange where;
  bool servesModels = true; // false: the row says only who operates the host (a catch-all)
};

/// A request path that identifies a service whatever host serves it (Vertex AI's
/// /v1/projects/…/publishers/…, Azure OpenAI's /openai/deployments/…): used when the host is
/// not known. Same path syntax as CloudRule.
struct PathRule {
  std::string path;
  std::string cloud;
  std::string service;
  std::string impliesProvider;
};

/// A request path that names the model it calls (Gemini's /v1beta/models/{model}:…, Bedrock's
/// /model/{id}/converse): RE2 over the path with a `model` group.
struct PathModelRule {
  std::string pattern;
  std::string description;
};

/// Which C++ sources run in which workload (image or workload name), and on which cloud a cluster runs.
struct WorkloadMapping {
  std::string workload; // glob over image or "namespace/Kind/name"
  std::vector<std::string> sources; // globs over source paths
  std::string cloud;
  SourceRange where;
};

/// A row the policy adds to one of the C++ frontend's tables (`extensions: cxx:`), with the
/// columns of lib/Cxx/SinkTable.def (and the others) by name. Kinds, clouds and `subtypes` are
/// checked when the policy loads; the C++ frontend parses the access paths.
struct ExtensionRow {
  std::string table;                          // "sinks", "apis", "summaries", "sources"
  std::map<std::string, std::string> cells;   // column → text ("" when not given)
  std::map<std::string, SourceRange> where;   // column → where its value is written
  SourceRange row;                            // the whole row

  bool operator==(const ExtensionRow &other) const { return table == other.table && cells == other.cells; }
};

struct Policy {
  std::vector<Contract> contracts;
  std::vector<ProviderRule> providers; // user rules first, then built-in
  std::vector<CloudRule> clouds;
  std::vector<Destination> destinations; // user rows first, then built-in
  std::vector<PathRule> paths;
  std::vector<PathModelRule> pathModels;
  std::vector<WorkloadMapping> workloads;
  std::vector<ExtensionRow> cxxExtensions; // in file order
  std::string file; // "" for the built-in policy
};

/// The built-in policy: OpenAI only through Azure (or OpenAI's own API), and the catalog tables.
Policy defaultPolicy();

/// Loads a policy file over the defaults: user contracts replace built-in ones of the same
/// provider; user providers/clouds rules take precedence. Problems are policy-error diagnostics.
Policy loadPolicy(const std::string &path, std::vector<Diagnostic> &diagnostics);
/// Same, from text (for tests and the LSP).
Policy loadPolicyText(const std::string &text, const std::string &path, std::vector<Diagnostic> &diagnostics);
/// Where a policy found in the scanned tree allows what `trusted` (named `trustedName` in the
/// messages: "the built-in policy", "--policy p.yaml") does not: a contract with more clouds or
/// regions, a lower severity, more exclusions or fewer models covered. One policy-relaxed warning
/// at each such contract.
std::vector<Diagnostic> policyRelaxations(const Policy &trusted, const Policy &tree, const std::string &trustedName);
/// `.cloudpact.yaml` (or `.cloudpact.yml`) in `start` or its nearest ancestor, or "".
std::string findPolicyFile(const std::string &start);

/// The kind of destination `name` under `policy` (Cloud for a name no row lists).
DestinationKind destinationKind(const Policy &policy, const std::string &name);
/// Whether some row of the policy's tables or of its destinations names `name`.
bool isKnownDestination(const Policy &policy, const std::string &name);
/// The provider names of the built-in vocabulary (ProviderNames.def).
const std::vector<std::string> &builtinProviders();
/// The model server that listens on `port` by default ("Ollama" for 11434), or "".
std::string localServerOnPort(int port);

/// "OpenAI" → "openai", "Mistral AI" → "mistral", "meta-llama" → "meta".
std::string normalizeProvider(std::string_view name);
/// "AWS" → "aws", "Google Cloud" → "gcp", "Microsoft Azure" → "azure".
std::string normalizeCloud(std::string_view name);

/// Matches `text` against a glob with `*` and `?` (used by contracts and workloads).
bool globMatch(std::string_view glob, std::string_view text);

} // namespace cloudpact
