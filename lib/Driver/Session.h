#pragma once
// The engine the language server drives: a workspace of files (disk snapshot plus unsaved
// editor buffers, which win), extraction results cached per frontend by content hash, and an
// analysis rerun over the merged facts whenever something changed. No JSON, no threads: all
// work runs on the caller (clangd's ClangdServer with AsyncThreadsCount = 0).
#include "Core/FileSet.h"
#include "Core/Finding.h"
#include "Driver/Discover.h"
#include "Policy/Policy.h"
#include "Syntax/ParseCache.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cloudpact {

struct SessionOptions {
  std::string root;       // workspace root directory (absolute); "" = open buffers only
  std::string policyFile; // explicit policy file; "" = .cloudpact.yaml found from the root upwards
  std::string buildDir;   // -p for the C++ frontend
  std::vector<std::string> varFiles;
  std::string today;      // suppression expiry date for tests; "" = now
  /// false: every change is analysed before update() returns. true: changes only mark the
  /// session stale and the owner calls flush() when idle (the server debounces edits this way).
  bool deferAnalysis = false;
};

/// What one frontend did in one analysis.
struct FrontendWork {
  bool ran = false;         // false: its inputs were unchanged and its facts were reused whole
  unsigned parsed = 0;      // files (C++: translation units) parsed again
  unsigned incremental = 0; // of those, parsed from their previous tree
  unsigned kept = 0;        // files or units whose earlier parse was reused
  unsigned rootsEvaluated = 0; // Terraform: root modules evaluated again
  unsigned rootsKept = 0;      // Terraform: root modules whose facts were reused
  double milliseconds = 0;  // the frontend's whole run
};

/// What one analysis did, for logs and tests.
struct AnalysisReport {
  unsigned number = 0; // 1 for the session's first analysis
  double milliseconds = 0;         // the whole analysis
  double solverMilliseconds = 0;   // the solver and the checks over all facts
  FrontendWork terraform, manifests, cxx;
  size_t findings = 0; // unsuppressed
};
/// "analysis 2 took 12 ms (solver 3 ms); Terraform: 1 file parsed (1 incrementally), 3 kept; 1 root
/// module evaluated, 0 kept (8 ms); manifests: unchanged; C++: unchanged; 1 finding"
std::string describe(const AnalysisReport &report);

/// Receives results. Findings are grouped by the file of their primary location.
class SessionCallbacks {
public:
  virtual ~SessionCallbacks() = default;
  /// The current (unsuppressed) findings located in `path`; empty means "none any more".
  /// Called for every file whose findings changed, and for every file just updated.
  virtual void onFindingsReady(const std::string &path, const std::vector<Finding> &findings) = 0;
  /// After each analysis, once its findings are published.
  virtual void onAnalysed(const AnalysisReport &) {}
};

/// How much work the session did, for tests and logs.
struct SessionStats {
  unsigned analyses = 0;           // solver/check runs
  unsigned terraformExtractions = 0;
  unsigned manifestExtractions = 0;
  unsigned cxxExtractions = 0;
  unsigned diskScans = 0;
  unsigned policyLoads = 0;
  FrontendWork terraform, manifests, cxx; // totals over all analyses (`ran`: ever)
};

class Session {
public:
  Session(SessionOptions options, SessionCallbacks &callbacks);
  ~Session();

  /// An editor buffer was opened or changed: its text replaces the file's disk contents.
  /// `edits`, when the editor sent them, turned the buffer's previous text into `text`: the
  /// file's kept syntax tree takes them, for an incremental parse.
  void update(const std::string &path, std::string text, int64_t version,
              const std::vector<syntax::TextReplacement> &edits = {});
  /// The buffer was closed: the file is read from disk again (or dropped if it is not there).
  void close(const std::string &path);
  /// Files changed on disk (created, changed, deleted): the workspace is rescanned; unchanged
  /// frontend inputs keep their cached facts.
  void filesChanged(const std::vector<std::string> &paths);
  /// Reads the policy again (explicit file, an open buffer of it, or the one found upwards).
  void reloadPolicy();
  /// Changes the explicit policy file ("" = look for .cloudpact.yaml) and reloads it.
  void setPolicyFile(std::string path);
  /// Runs the analysis now if anything changed since the last run.
  void flush();
  bool stale() const { return stale_; }

  /// The files the last analysis saw (buffers and disk), for positions and source lines.
  const FileSet &files() const { return files_; }
  /// Findings of the last analysis located in `path` (unsuppressed).
  std::vector<Finding> findingsIn(const std::string &path) const;
  /// The version of an open buffer, if `path` is open.
  std::optional<int64_t> version(const std::string &path) const;
  /// The policy file in use ("" = built-in).
  const std::string &policyPath() const { return policyPath_; }
  const SessionStats &stats() const { return stats_; }

private:
  /// A file as the analysis sees it, with its content hash (computed once per change).
  struct Input {
    DiscoveredFile file;
    size_t hash = 0;
  };
  struct Buffer {
    Input input; // kind Other for files that are not inputs (a policy file, a README)
    int64_t version = 0;
  };
  struct CachedFacts; // a frontend's input fingerprint and its facts
  struct Caches;      // parses kept per frontend

  void changed(std::vector<std::string> paths);
  void scanDisk();
  void loadPolicy();
  void analyze();
  std::vector<const Input *> inputs() const;
  static Input makeInput(std::string path, std::string text, FileKind kind);

  SessionOptions options_;
  SessionCallbacks &callbacks_;
  std::map<std::string, Buffer> buffers_;          // open editor buffers by path
  std::map<std::string, Input> disk_;              // workspace files as last read
  bool diskScanned_ = false;
  std::vector<Diagnostic> diskDiagnostics_;
  Policy policy_;
  std::string policyPath_;
  std::string policyText_; // as loaded, for the snippets of policy-error findings
  std::vector<Diagnostic> policyDiagnostics_;
  bool policyLoaded_ = false;
  std::unique_ptr<CachedFacts> terraform_, manifests_, cxx_;
  std::unique_ptr<Caches> caches_;
  FileSet files_;
  std::map<std::string, size_t> fileHashes_;       // what files_ holds, by path
  std::map<std::string, std::vector<Finding>> findings_; // by file, last analysis
  std::vector<std::string> pendingPublish_;              // files updated since the last analysis
  bool stale_ = true;
  SessionStats stats_;
};

} // namespace cloudpact
