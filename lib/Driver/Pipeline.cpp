#include "Driver/Pipeline.h"

#include "Driver/BuildFacts.h"
#include "Kubernetes/Kubernetes.h"
#include "Terraform/Terraform.h"
#if CLOUDPACT_HAVE_CXX
#include "Cxx/Cxx.h"
#endif

#include <filesystem>
#include <fstream>
#include <sstream>
#include <atomic>
#include <future>
#include <mutex>
#include <thread>

namespace cloudpact {

Policy loadTreePolicy(const std::string &file, const std::vector<std::string> &scanRoots,
                      std::vector<Diagnostic> &diagnostics, std::string *text) {
  std::vector<std::string> roots = scanRoots;
  roots.push_back(std::filesystem::path(file).parent_path().string());
  std::string content;
  if (ReadOutcome read = ReadRoots(roots).read(file, content); !read.ok()) {
    diagnostics.push_back(makeDiagnostic(Level::Error, "input-not-analysed", SourceRange{SourceLoc{file, 0, 0, 0}, {}},
                                         "not analysed: the policy file " + read.reason + "; the built-in policy is used"));
    return defaultPolicy();
  }
  Policy policy = loadPolicyText(content, file, diagnostics);
  if (text)
    *text = std::move(content);
  return policy;
}

Policy resolvePolicy(const ScanOptions &options, std::vector<Diagnostic> &diagnostics, std::string *text) {
  if (!options.policyFile.empty()) {
    if (text && !readWholeFile(options.policyFile, *text))
      text->clear();
    return loadPolicy(options.policyFile, diagnostics);
  }
  std::string start = options.paths.empty() ? "." : options.paths.front();
  if (options.stdinFile && options.paths.empty())
    start = ".";
  if (options.noTreePolicy)
    return defaultPolicy();
  std::string file = findPolicyFile(start);
  if (file.empty())
    return defaultPolicy();
  Policy tree = loadTreePolicy(file, options.paths.empty() ? std::vector<std::string>{"."} : options.paths, diagnostics, text);
  // The repository's own policy may loosen the built-in contract: it applies, but not silently.
  for (Diagnostic &relaxed : policyRelaxations(defaultPolicy(), tree, "the built-in policy"))
    diagnostics.push_back(std::move(relaxed));
  return tree;
}

const FunctionTable &languageFunctions() {
  static const FunctionTable table = [] {
    FunctionTable t;
    terraform::registerFunctions(t);
    return t;
  }();
  return table;
}

Facts extractFacts(const std::vector<const DiscoveredFile *> &files, const ScanOptions &options) {
  std::vector<const SourceFile *> terraformFiles, manifestFiles, cxxFiles;
  for (const DiscoveredFile *file : files) {
    switch (file->kind) {
    case FileKind::Terraform: terraformFiles.push_back(&file->file); break;
    case FileKind::Manifest:
      if (kubernetes::isManifest(file->file))
        manifestFiles.push_back(&file->file);
      break;
    case FileKind::Cxx: cxxFiles.push_back(&file->file); break;
    case FileKind::Other: break;
    }
  }
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::atomic<size_t> parsed{0};
  size_t total = terraformFiles.size() + manifestFiles.size() + cxxFiles.size();
  std::mutex progressMutex;
  auto report = [&](size_t count) {
    size_t done = parsed += count;
    if (options.progress) {
      std::lock_guard<std::mutex> lock(progressMutex);
      options.progress("parsing files", done, total);
    }
  };
  report(0);

  // Each frontend fills its own Facts; they are merged in a fixed order afterwards.
  Facts terraformFacts, manifestFacts, cxxFacts;
  auto runTerraform = [&] {
    terraform::Options tfOptions;
    tfOptions.varFiles = options.varFiles;
    for (const ScanOptions::Var &var : options.vars)
      tfOptions.vars.push_back(terraform::Options::Var{var.name, var.value, var.afterVarFiles});
    tfOptions.environment = options.varEnvironment;
    tfOptions.workspace = options.workspace;
    tfOptions.parses = options.caches.terraform;
    tfOptions.roots = options.caches.terraformRoots;
    tfOptions.readRoots = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
    terraform::analyze(terraformFiles, tfOptions, terraformFacts);
    report(terraformFiles.size());
  };
  auto runKubernetes = [&] {
    kubernetes::analyze(manifestFiles, manifestFacts, options.caches.manifests);
    report(manifestFiles.size());
  };
  auto runCxx = [&] {
    if (!options.factsDir.empty()) {
      loadFactsDirectory(options.factsDir, cxxFacts);
      return;
    }
#if CLOUDPACT_HAVE_CXX
    if (cxxFiles.empty() && options.buildDir.empty())
      return;
    cxx::Options cxxOptions;
    cxxOptions.buildDir = options.buildDir;
    cxxOptions.roots = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
    cxxOptions.threads = jobs;
    cxxOptions.cache = options.caches.cxx;
    cxxOptions.extensions = options.cxxExtensions;
    cxx::analyze(cxxFiles, cxxOptions, cxxFacts);
    report(cxxFiles.size());
#else
    if (!cxxFiles.empty())
      cxxFacts.diagnostics.push_back(makeDiagnostic(Level::Note, "", SourceRange{SourceLoc{cxxFiles.front()->path, 0, 0, 0}, {}},
                                                    "C++ files skipped: this build has no C++ frontend"));
#endif
  };
  if (jobs <= 1) {
    runTerraform();
    runKubernetes();
    runCxx();
  } else {
    auto cxxTask = std::async(std::launch::async, runCxx);
    auto k8sTask = std::async(std::launch::async, runKubernetes);
    runTerraform();
    k8sTask.get();
    cxxTask.get();
  }
  Facts facts;
  facts.append(std::move(terraformFacts));
  facts.append(std::move(manifestFacts));
  facts.append(std::move(cxxFacts));
  return facts;
}

ScanResult runScan(const ScanOptions &options) {
  ScanResult result;
  std::vector<Diagnostic> diagnostics;
  std::string policyText;
  result.policy = resolvePolicy(options, diagnostics, &policyText);

  WalkOptions walk;
  walk.roots = options.paths;
  if (walk.roots.empty() && !options.stdinFile)
    walk.roots = {"."};
  walk.maxFileBytes = options.maxFileBytes;
  std::vector<DiscoveredFile> files = discoverFiles(walk, diagnostics);
  if (options.stdinFile) {
    files.push_back(DiscoveredFile{*options.stdinFile, FileKind::Manifest});
    stripByteOrderMark(files.back().file.text); // as every file read is
  }
  for (const DiscoveredFile &file : files)
    result.files.add(file.file);
  // Policy errors are reported against the policy file: keep its text for snippets.
  if (!result.policy.file.empty() && !policyText.empty() && !result.files.find(result.policy.file))
    result.files.add(SourceFile{result.policy.file, std::move(policyText)});

  if (options.progress)
    options.progress("discovered files", files.size(), files.size());
  std::vector<const DiscoveredFile *> inputs;
  inputs.reserve(files.size());
  for (const DiscoveredFile &file : files)
    inputs.push_back(&file);
  ScanOptions withPolicy = options;
  withPolicy.cxxExtensions = result.policy.cxxExtensions;
  result.facts = extractFacts(inputs, withPolicy);
  if (options.progress)
    options.progress("analysing routes", result.facts.accesses.size(), result.facts.accesses.size());
  result.facts.diagnostics.insert(result.facts.diagnostics.begin(), diagnostics.begin(), diagnostics.end());

  AnalysisOptions analysisOptions;
  analysisOptions.functions = &languageFunctions();
  analysisOptions.today = options.today;
  result.analysis = analyze(result.facts, result.policy, result.files, analysisOptions);
  mergeInstanceDuplicates(result.analysis.findings);
  return result;
}

void mergeInstanceDuplicates(std::vector<Finding> &findings) {
  struct Group {
    size_t first;
    std::vector<std::string> subjects;
  };
  std::map<std::tuple<std::string, Level, std::string, std::string, std::string, bool>, Group> groups;
  std::vector<bool> merged(findings.size(), false);
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding &f = findings[i];
    if (!f.route || f.route->subject.empty())
      continue;
    auto [it, fresh] = groups.try_emplace(
        {f.rule, f.level, formatLoc(f.range.begin), formatLoc(f.range.end), f.message, f.suppressed}, Group{i, {}});
    it->second.subjects.push_back(f.route->subject);
    if (fresh)
      continue;
    Finding &kept = findings[it->second.first];
    // Another instance's path to the same access (its inputs may come from elsewhere).
    if (f.trace != kept.trace && kept.alternatives.size() < kListedInstances &&
        std::find(kept.alternatives.begin(), kept.alternatives.end(), f.trace) == kept.alternatives.end())
      kept.alternatives.push_back(f.trace);
    merged[i] = true;
  }
  for (auto &[k, group] : groups) {
    if (group.subjects.size() < 2)
      continue;
    Finding &kept = findings[group.first];
    kept.message += " (in " + std::to_string(group.subjects.size()) + " module instances)";
    for (size_t n = 0; n < group.subjects.size() && n < kListedInstances; ++n)
      kept.trace.push_back(TraceStep{kept.range, "instance " + group.subjects[n]});
    if (group.subjects.size() > kListedInstances)
      kept.trace.push_back(TraceStep{kept.range, "and " + std::to_string(group.subjects.size() - kListedInstances) +
                                                     " more instances"});
  }
  size_t next = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (merged[i])
      continue;
    if (next != i)
      findings[next] = std::move(findings[i]);
    ++next;
  }
  findings.resize(next);
}

} // namespace cloudpact
