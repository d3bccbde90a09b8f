#pragma once
// The Kubernetes frontend: manifests (.yaml/.yml/.json, multi-document) → facts.
#include "Core/Facts.h"
#include "Core/SourceFile.h"

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
/// Analyses objects that come from elsewhere than manifest files, as document roots with their
/// own positions (Terraform's kubernetes_manifest resources). They are indexed only among
/// themselves: an envFrom naming a ConfigMap outside them gives no keys.
void analyzeObjects(const std::vector<const syntax::Node *> &roots, Facts &out);

} // namespace cloudpact::kubernetes
