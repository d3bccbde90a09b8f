#pragma once
// The Kubernetes frontend: manifests (.yaml/.yml/.json, multi-document) → facts.
#include "Core/Facts.h"
#include "Core/SourceFile.h"

#include <string>
#include <vector>

namespace cloudpact::syntax {
class ParseCache;
struct Node;
}

namespace cloudpact::kubernetes {

/// True if the file looks like a manifest stream (some document has apiVersion and kind).
bool isManifest(const SourceFile &file);
/// Analyses all manifests of the scan together (names resolve across files per namespace).
/// `parses`: documents kept from an earlier run (the language server); null parses everything.
void analyze(const std::vector<const SourceFile *> &files, Facts &out, syntax::ParseCache *parses = nullptr);
/// One variable of a container's environment as a workload sets it.
struct EnvVariable {
  std::string name;
  ValuePtr value;
  SourceRange range;
};
/// The calls a container's environment configures (catalog §5): for each client endpoint
/// variable it sets (OPENAI_BASE_URL, ...), a call from `subject` to the model a model variable
/// beside it names (OPENAI_MODEL, ...). Appended to `out`.
void clientEnvAccesses(const std::vector<EnvVariable> &env, const std::string &subject, std::vector<ModelAccess> &out);

/// Analyses objects that come from elsewhere than manifest files, as document roots with their
/// own positions (Terraform's kubernetes_manifest resources). Names resolve among them and the
/// `known` objects, which are looked up (an envFrom's ConfigMap keys) but not analysed.
void analyzeObjects(const std::vector<const syntax::Node *> &roots, Facts &out,
                    const std::vector<const syntax::Node *> &known = {});

} // namespace cloudpact::kubernetes
