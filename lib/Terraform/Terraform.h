#pragma once
// The Terraform frontend: .tf, .tf.json, .tfvars(.json) → facts.
#include "Analysis/Functions.h"
#include "Core/Facts.h"
#include "Core/SourceFile.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cloudpact::syntax {
class ParseCache;
}

namespace cloudpact::terraform {

class RootCache;

struct Options {
  std::vector<std::string> varFiles; // --var-file, in order (later wins)
  /// --var NAME=VALUE in command-line order, each after the --var-files given before it (later
  /// wins), and the TF_VAR_NAME environment variables (before every variable file), as
  /// `terraform plan` takes them.
  struct Var {
    std::string name, value;
    size_t afterVarFiles = 0; // how many varFiles precede it on the command line
  };
  std::vector<Var> vars;
  std::map<std::string, std::string> environment;
  /// The selected workspace (TF_WORKSPACE); "" = the one `.terraform/environment` names, else
  /// any workspace (terraform.workspace unknown).
  std::string workspace;
  /// Parses kept from an earlier run (the language server): unchanged files are not parsed
  /// again, changed ones incrementally. Null: parse everything.
  syntax::ParseCache *parses = nullptr;
  /// Root modules' facts kept from an earlier run (the language server). Null: evaluate all.
  RootCache *roots = nullptr;
  /// The scan's roots: module directories and the files file() and templatefile() read must
  /// resolve inside them (ReadRoots). Empty: the scanned files' common directory.
  std::vector<std::string> readRoots;
};

/// Each root module's facts, kept between runs with what they were computed from: the files of
/// every module of its tree, the variable files it used, the files file() and templatefile()
/// read, its place among the roots. A root whose inputs are all unchanged is not evaluated
/// again. One run at a time.
class RootCache {
public:
  RootCache();
  ~RootCache();
  RootCache(const RootCache &) = delete;
  RootCache &operator=(const RootCache &) = delete;
  struct Stats {
    unsigned evaluated = 0; // root modules evaluated, over the cache's life
    unsigned reused = 0;    // root modules whose kept facts were used
  };
  const Stats &stats() const { return stats_; }

private:
  friend class Analyzer;
  struct Entry;
  std::map<std::string, std::unique_ptr<Entry>> entries_; // by root directory
  Stats stats_;
};

/// Analyses every Terraform file of the scan (grouped into modules by directory).
void analyze(const std::vector<const SourceFile *> &files, const Options &options, Facts &out);
/// Terraform's functions, for Value::Apply nodes the frontend emits.
void registerFunctions(FunctionTable &table);

} // namespace cloudpact::terraform
