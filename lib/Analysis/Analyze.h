#pragma once
// From facts to routes and findings: solve, classify, check against the policy,
// apply suppressions and the baseline. Knows no source language.
#include "Analysis/Functions.h"
#include "Core/Facts.h"
#include "Core/FileSet.h"
#include "Core/Finding.h"
#include "Policy/Policy.h"

#include <memory>
#include <string>
#include <vector>

namespace cloudpact {

struct AnalysisOptions {
  const FunctionTable *functions = nullptr;
  std::string today; // YYYY-MM-DD for suppression expiry; "" = the current date
};

struct AnalysisResult {
  std::vector<std::shared_ptr<const Route>> routes; // every resolved route, deterministic order
  std::vector<Finding> findings;                    // sorted; includes parse/policy errors and notes
  std::vector<Finding> unusedSuppressions;          // suppression comments that hid nothing
};

AnalysisResult analyze(const Facts &facts, const Policy &policy, const FileSet &files,
                       const AnalysisOptions &options = {});

/// Sort key order used by every output: path, line, column, rule, message.
void sortFindings(std::vector<Finding> &findings);

} // namespace cloudpact
