#pragma once
// The Kubernetes frontend: manifests (.yaml/.yml/.json, multi-document) → facts.
#include "Core/Facts.h"
#include "Core/SourceFile.h"

#include <vector>

namespace cloudpact::syntax {
class ParseCache;
}

namespace cloudpact::kubernetes {

/// True if the file looks like a manifest stream (some document has apiVersion and kind).
bool isManifest(const SourceFile &file);
/// Analyses all manifests of the scan together (names resolve across files per namespace).
/// `parses`: documents kept from an earlier run (the language server); null parses everything.
void analyze(const std::vector<const SourceFile *> &files, Facts &out, syntax::ParseCache *parses = nullptr);

} // namespace cloudpact::kubernetes
