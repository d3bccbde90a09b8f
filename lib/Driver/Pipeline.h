#pragma once
// The whole scan: discover files, run the frontends (in parallel), analyse.
// Used by the CLI and the language server.
#include "Analysis/Analyze.h"
#include "Analysis/Functions.h"
#include "Core/Facts.h"
#include "Core/FileSet.h"
#include "Driver/Discover.h"
#include "Policy/Policy.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cloudpact {
namespace syntax {
class ParseCache;
}
namespace cxx {
class UnitCache;
}
namespace terraform {
class RootCache;
}

/// What a long-lived caller (the language server) keeps between runs so that only what changed
/// is parsed again. One per frontend; null members: parse everything.
struct ScanCaches {
  syntax::ParseCache *terraform = nullptr;
  terraform::RootCache *terraformRoots = nullptr;
  syntax::ParseCache *manifests = nullptr;
  cxx::UnitCache *cxx = nullptr; // only in builds with the C++ frontend
};

struct ScanOptions {
  std::vector<std::string> paths;       // files and directories (default ".")
  std::string policyFile;               // --policy; "" = .cloudpact.yaml found upwards, else built-in
  bool noTreePolicy = false;            // --no-tree-policy: never read a policy found in the tree
  std::string buildDir;                 // -p
  std::vector<std::string> varFiles;    // --var-file
  struct Var {
    std::string name, value;
    size_t afterVarFiles = 0; // how many --var-files precede it on the command line
  };
  std::vector<Var> vars;                // --var NAME=VALUE, in order
  std::map<std::string, std::string> varEnvironment;    // TF_VAR_NAME values (the CLI's environment)
  std::string workspace;                                 // TF_WORKSPACE (the CLI's environment)
  unsigned jobs = 0;                    // 0 = hardware concurrency
  size_t maxFileBytes = kMaxInputBytes; // larger inputs are input-not-analysed errors
  std::optional<SourceFile> stdinFile;  // `check -`: a manifest stream read from stdin
  std::string today;                    // for suppression expiry (tests); "" = now
  ScanCaches caches;
  std::vector<ExtensionRow> cxxExtensions; // the policy's C++ table rows (runScan fills them in)
  std::string factsDir;                 // --facts: C++ facts files written by `extract` (no C++ parsing)
  /// Called from the scanning thread(s) as phases advance: ("parsing", done, total)...
  std::function<void(const std::string &phase, size_t done, size_t total)> progress;
};

struct ScanResult {
  FileSet files;
  Facts facts;
  Policy policy;
  AnalysisResult analysis;
};

/// Loads the policy a scan of `paths` uses, appending policy-error diagnostics. `text`, when
/// given, receives the policy file's text (for snippets).
Policy resolvePolicy(const ScanOptions &options, std::vector<Diagnostic> &diagnostics, std::string *text = nullptr);
/// A policy file found in the scanned tree (not named by the user): read only if it resolves
/// to a regular file inside the directory it was found in or a scanned root; otherwise the
/// built-in policy and an input-not-analysed error at the file.
Policy loadTreePolicy(const std::string &file, const std::vector<std::string> &scanRoots,
                      std::vector<Diagnostic> &diagnostics, std::string *text = nullptr);
/// Runs the frontends over discovered files (deterministic whatever the job count).
Facts extractFacts(const std::vector<const DiscoveredFile *> &files, const ScanOptions &options);
/// The function table frontends register (Terraform's functions).
const FunctionTable &languageFunctions();
ScanResult runScan(const ScanOptions &options);
/// One finding for an access that several module instances share: findings equal in rule,
/// level, range, message and suppression become the first of them, whose notes list the
/// instances (at most kListedInstances) and whose alternatives keep the other traces.
void mergeInstanceDuplicates(std::vector<Finding> &findings);
inline constexpr size_t kListedInstances = 16;

} // namespace cloudpact
