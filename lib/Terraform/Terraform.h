#pragma once
// The Terraform frontend: .tf, .tf.json, .tfvars(.json) → facts.
#include "Analysis/Functions.h"
#include "Core/Facts.h"
#include "Core/SourceFile.h"

#include <string>
#include <vector>

namespace cloudpact::syntax {
class ParseCache;
}

namespace cloudpact::terraform {

struct Options {
  std::vector<std::string> varFiles; // --var-file, in order (later wins)
  /// Parses kept from an earlier run (the language server): unchanged files are not parsed
  /// again, changed ones incrementally. Null: parse everything.
  syntax::ParseCache *parses = nullptr;
};

/// Analyses every Terraform file of the scan (grouped into modules by directory).
void analyze(const std::vector<const SourceFile *> &files, const Options &options, Facts &out);
/// Terraform's functions, for Value::Apply nodes the frontend emits.
void registerFunctions(FunctionTable &table);

} // namespace cloudpact::terraform
