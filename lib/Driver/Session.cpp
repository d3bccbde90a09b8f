#include "Driver/Session.h"

#include "Driver/Pipeline.h"
#include "Syntax/ParseCache.h"
#include "Terraform/Terraform.h"
#if CLOUDPACT_HAVE_CXX
#include "Cxx/Cxx.h"
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace cloudpact {

// One frontend's last input (paths and content hashes, in order) and the facts it produced.
struct Session::CachedFacts {
  std::vector<std::pair<std::string, size_t>> inputs; // path and content hash, in order
  bool valid = false;
  Facts facts;
};

struct Session::Caches {
  syntax::ParseCache terraform;
  terraform::RootCache terraformRoots;
  syntax::ParseCache manifests;
#if CLOUDPACT_HAVE_CXX
  cxx::UnitCache cxx;
#endif
};

namespace {

void add(FrontendWork &total, const FrontendWork &run) {
  total.ran = total.ran || run.ran;
  total.parsed += run.parsed;
  total.incremental += run.incremental;
  total.kept += run.kept;
  total.rootsEvaluated += run.rootsEvaluated;
  total.rootsKept += run.rootsKept;
}

std::string plural(unsigned n, const char *noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string milliseconds(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f ms", value);
  return text;
}

std::string describe(const char *name, const FrontendWork &work, const char *noun) {
  std::string out = std::string(name) + ": ";
  if (!work.ran)
    return out + "unchanged";
  out += plural(work.parsed, noun) + " parsed";
  if (work.incremental)
    out += " (" + std::to_string(work.incremental) + " incrementally)";
  out += ", " + std::to_string(work.kept) + " kept";
  if (work.rootsEvaluated || work.rootsKept)
    out += "; " + plural(work.rootsEvaluated, "root module") + " evaluated, " + std::to_string(work.rootsKept) + " kept";
  return out + " (" + milliseconds(work.milliseconds) + ")";
}

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

bool isPolicyName(const std::string &path) {
  std::string name = fs::path(path).filename().string();
  return name == ".cloudpact.yaml" || name == ".cloudpact.yml";
}


bool sameFindings(const std::vector<Finding> &a, const std::vector<Finding> &b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const Finding &x = a[i], &y = b[i];
    if (x.rule != y.rule || x.level != y.level || x.range != y.range || x.message != y.message ||
        x.trace != y.trace)
      return false;
  }
  return true;
}

} // namespace

std::string describe(const AnalysisReport &report) {
  return "analysis " + std::to_string(report.number) + " took " + milliseconds(report.milliseconds) + " (solver " +
         milliseconds(report.solverMilliseconds) + "); " +
         describe("Terraform", report.terraform, "file") + "; " + describe("manifests", report.manifests, "file") +
         "; " + describe("C++", report.cxx, "unit") + "; " + std::to_string(report.findings) + " finding" +
         (report.findings == 1 ? "" : "s");
}

Session::Session(SessionOptions options, SessionCallbacks &callbacks)
    : options_(std::move(options)), callbacks_(callbacks), terraform_(std::make_unique<CachedFacts>()),
      manifests_(std::make_unique<CachedFacts>()), cxx_(std::make_unique<CachedFacts>()),
      caches_(std::make_unique<Caches>()) {
  if (!options_.policyFile.empty())
    options_.policyFile = fs::absolute(options_.policyFile).lexically_normal().generic_string();
}

Session::~Session() = default;

void Session::update(const std::string &path, std::string text, int64_t version,
                     const std::vector<syntax::TextReplacement> &edits) {
  auto previous = buffers_.find(path);
  if (!edits.empty() && previous != buffers_.end()) {
    std::string_view before = previous->second.input.file.file.text;
    switch (previous->second.input.file.kind) {
    case FileKind::Terraform: caches_->terraform.edit(path, before, edits); break;
    case FileKind::Manifest: caches_->manifests.edit(path, before, edits); break;
    case FileKind::Cxx:
    case FileKind::Other: break;
    }
  }
  Buffer &buffer = buffers_[path];
  buffer.input = makeInput(path, std::move(text), classifyPath(path));
  buffer.version = version;
  if (policyLoaded_ && (path == policyPath_ || isPolicyName(path)))
    policyLoaded_ = false;
  changed({path});
}

void Session::close(const std::string &path) {
  if (!buffers_.erase(path))
    return;
  // Back to what the disk says, if the file is part of the workspace.
  if (!options_.root.empty() && diskScanned_) {
    std::string text;
    FileKind kind = classifyPath(path);
    std::string relative = fs::path(path).lexically_relative(options_.root).generic_string();
    bool inside = !relative.empty() && relative.rfind("..", 0) != 0;
    if (inside && kind != FileKind::Other && ReadRoots({options_.root}).read(path, text).ok())
      disk_[path] = makeInput(path, std::move(text), kind);
    else
      disk_.erase(path);
  }
  if (path == policyPath_ || isPolicyName(path))
    policyLoaded_ = false;
  changed({path});
}

void Session::filesChanged(const std::vector<std::string> &paths) {
  diskScanned_ = false;
  policyLoaded_ = false;
  // The C++ units also depend on files that are not inputs: the compile database, headers
  // outside the workspace. Their unit cache decides what to parse again.
  // Terraform's file() and templatefile() may read any file: its root cache decides which roots
  // read a changed one.
  for (const std::string &path : paths) {
    FileKind kind = classifyPath(path);
    if (kind == FileKind::Cxx || fs::path(path).filename() == "compile_commands.json")
      cxx_->valid = false;
    if (kind != FileKind::Terraform && kind != FileKind::Cxx)
      terraform_->valid = false;
  }
  changed(paths);
}

void Session::reloadPolicy() {
  policyLoaded_ = false;
  changed({});
}

void Session::setPolicyFile(std::string path) {
  options_.policyFile = path.empty() ? std::string() : fs::absolute(path).lexically_normal().generic_string();
  reloadPolicy();
}

void Session::changed(std::vector<std::string> paths) {
  for (std::string &path : paths)
    pendingPublish_.push_back(std::move(path));
  stale_ = true;
  if (!options_.deferAnalysis)
    flush();
}

void Session::flush() {
  if (stale_)
    analyze();
}

std::vector<Finding> Session::findingsIn(const std::string &path) const {
  auto it = findings_.find(path);
  return it == findings_.end() ? std::vector<Finding>{} : it->second;
}

std::optional<int64_t> Session::version(const std::string &path) const {
  auto it = buffers_.find(path);
  if (it == buffers_.end())
    return std::nullopt;
  return it->second.version;
}

void Session::scanDisk() {
  disk_.clear();
  diskDiagnostics_.clear();
  diskScanned_ = true;
  if (options_.root.empty())
    return;
  ++stats_.diskScans;
  WalkOptions walk;
  walk.roots = {options_.root};
  for (DiscoveredFile &file : discoverFiles(walk, diskDiagnostics_)) {
    std::string path = file.file.path;
    disk_.emplace(path, makeInput(path, std::move(file.file.text), file.kind));
  }
}

void Session::loadPolicy() {
  policyLoaded_ = true;
  policyDiagnostics_.clear();
  policyPath_ = options_.policyFile;
  if (policyPath_.empty() && !options_.root.empty())
    policyPath_ = findPolicyFile(options_.root);
  if (!policyPath_.empty())
    policyPath_ = fs::absolute(policyPath_).lexically_normal().generic_string();
  ++stats_.policyLoads;
  std::vector<ExtensionRow> extensions = std::move(policy_.cxxExtensions);
  policyText_.clear();
  if (policyPath_.empty()) {
    policy_ = defaultPolicy();
  } else if (auto it = buffers_.find(policyPath_); it != buffers_.end()) {
    policyText_ = it->second.input.file.file.text;
    policy_ = loadPolicyText(policyText_, policyPath_, policyDiagnostics_);
  } else if (!options_.policyFile.empty()) {
    policy_ = cloudpact::loadPolicy(policyPath_, policyDiagnostics_);
    if (!readWholeFile(policyPath_, policyText_))
      policyText_.clear();
  } else {
    policy_ = loadTreePolicy(policyPath_, {options_.root}, policyDiagnostics_, &policyText_);
  }
  if (options_.policyFile.empty() && !policyPath_.empty())
    for (Diagnostic &relaxed : policyRelaxations(defaultPolicy(), policy_, "the built-in policy"))
      policyDiagnostics_.push_back(std::move(relaxed));
  // The C++ tables' rows decide what the units yield.
  if (policy_.cxxExtensions != extensions)
    cxx_->valid = false;
}

Session::Input Session::makeInput(std::string path, std::string text, FileKind kind) {
  Input input;
  input.hash = std::hash<std::string>{}(text);
  input.file = DiscoveredFile{SourceFile{std::move(path), std::move(text)}, kind};
  return input;
}

std::vector<const Session::Input *> Session::inputs() const {
  std::map<std::string_view, const Input *> merged;
  for (const auto &[path, input] : disk_)
    merged[path] = &input;
  for (const auto &[path, buffer] : buffers_)
    if (buffer.input.file.kind != FileKind::Other)
      merged[path] = &buffer.input;
  std::vector<const Input *> out;
  out.reserve(merged.size());
  for (const auto &[path, input] : merged)
    out.push_back(input);
  return out;
}

void Session::analyze() {
  auto started = std::chrono::steady_clock::now();
  AnalysisReport report;
  if (!policyLoaded_)
    loadPolicy();
  if (!diskScanned_)
    scanDisk();
  std::vector<const Input *> all = inputs();

  // Each frontend reruns only when its inputs changed; the others keep their facts.
  std::vector<const Input *> terraformFiles, manifestFiles, cxxFiles;
  for (const Input *input : all) {
    switch (input->file.kind) {
    case FileKind::Terraform: terraformFiles.push_back(input); break;
    case FileKind::Manifest: manifestFiles.push_back(input); break;
    case FileKind::Cxx: cxxFiles.push_back(input); break;
    case FileKind::Other: break;
    }
  }
  ScanOptions scan;
  scan.paths = options_.root.empty() ? std::vector<std::string>{} : std::vector<std::string>{options_.root};
  scan.varFiles = options_.varFiles;
  scan.jobs = 1;
  scan.cxxExtensions = policy_.cxxExtensions;
  // A frontend whose inputs are unchanged keeps its facts. One that runs again parses only the
  // files that changed: the others' parses (trees, documents, translation units) are kept.
  auto refresh = [&](CachedFacts &cache, const std::vector<const Input *> &group, ScanCaches caches,
                     bool withBuildDir, unsigned &counter, FrontendWork &work) {
    std::vector<std::pair<std::string, size_t>> key;
    key.reserve(group.size());
    for (const Input *input : group)
      key.emplace_back(input->file.file.path, input->hash);
    if (cache.valid && cache.inputs == key)
      return;
    cache.inputs = std::move(key);
    cache.valid = true;
    cache.facts = Facts{};
    if (group.empty() && !(withBuildDir && !options_.buildDir.empty()))
      return;
    std::vector<const DiscoveredFile *> files;
    files.reserve(group.size());
    for (const Input *input : group)
      files.push_back(&input->file);
    ScanOptions frontend = scan;
    frontend.buildDir = withBuildDir ? options_.buildDir : std::string();
    frontend.caches = caches;
    syntax::ParseCache *parses = caches.terraform ? caches.terraform : caches.manifests;
    syntax::ParseCache::Stats before = parses ? parses->stats() : syntax::ParseCache::Stats{};
    terraform::RootCache::Stats rootsBefore = caches_->terraformRoots.stats();
#if CLOUDPACT_HAVE_CXX
    cxx::UnitCache::Stats unitsBefore = caches_->cxx.stats();
#endif
    auto started = std::chrono::steady_clock::now();
    cache.facts = extractFacts(files, frontend);
    work.milliseconds = since(started);
    ++counter;
    work.ran = true;
    if (parses) {
      syntax::ParseCache::Stats after = parses->stats();
      work.incremental = after.incremental - before.incremental;
      work.parsed = after.fresh - before.fresh + work.incremental;
      work.kept = after.reused - before.reused;
      parses->sweep(); // every file of this kind was just asked for
    }
    if (caches.terraformRoots) {
      work.rootsEvaluated = caches_->terraformRoots.stats().evaluated - rootsBefore.evaluated;
      work.rootsKept = caches_->terraformRoots.stats().reused - rootsBefore.reused;
    }
#if CLOUDPACT_HAVE_CXX
    if (caches.cxx) {
      work.parsed = caches_->cxx.stats().parsed - unitsBefore.parsed;
      work.kept = caches_->cxx.stats().reused - unitsBefore.reused;
    }
#endif
  };
  ScanCaches terraformCaches, manifestCaches, cxxCaches;
  terraformCaches.terraform = &caches_->terraform;
  terraformCaches.terraformRoots = &caches_->terraformRoots;
  manifestCaches.manifests = &caches_->manifests;
#if CLOUDPACT_HAVE_CXX
  cxxCaches.cxx = &caches_->cxx;
#endif
  refresh(*terraform_, terraformFiles, terraformCaches, false, stats_.terraformExtractions, report.terraform);
  refresh(*manifests_, manifestFiles, manifestCaches, false, stats_.manifestExtractions, report.manifests);
  refresh(*cxx_, cxxFiles, cxxCaches, true, stats_.cxxExtractions, report.cxx);
  add(stats_.terraform, report.terraform);
  add(stats_.manifests, report.manifests);
  add(stats_.cxx, report.cxx);

  Facts facts;
  facts.diagnostics = policyDiagnostics_;
  facts.diagnostics.insert(facts.diagnostics.end(), diskDiagnostics_.begin(), diskDiagnostics_.end());
  for (const CachedFacts *cache : {terraform_.get(), manifests_.get(), cxx_.get()}) {
    Facts copy = cache->facts;
    facts.append(std::move(copy));
  }

  // The file set changes only where texts changed (rebuilt when files went away).
  std::map<std::string, size_t> wanted;
  for (const Input *input : all)
    wanted.emplace(input->file.file.path, input->hash);
  // The policy file too: policy-error findings quote it.
  const std::string &policyText = policyText_;
  bool addPolicy = false;
  if (!policyPath_.empty() && !wanted.count(policyPath_) && !policyText.empty()) {
    addPolicy = true;
    wanted.emplace(policyPath_, std::hash<std::string>{}(policyText));
  }
  bool removed = false;
  for (const auto &[path, hash] : fileHashes_)
    removed = removed || !wanted.count(path);
  if (removed) {
    files_ = FileSet();
    fileHashes_.clear();
  }
  for (const Input *input : all) {
    auto known = fileHashes_.find(input->file.file.path);
    if (known == fileHashes_.end() || known->second != input->hash)
      files_.add(input->file.file);
  }
  if (addPolicy) {
    auto known = fileHashes_.find(policyPath_);
    if (known == fileHashes_.end() || known->second != wanted[policyPath_])
      files_.add(SourceFile{policyPath_, policyText});
  }
  fileHashes_ = std::move(wanted);

  AnalysisOptions analysisOptions;
  analysisOptions.functions = &languageFunctions();
  analysisOptions.today = options_.today;
  auto solving = std::chrono::steady_clock::now();
  AnalysisResult result = cloudpact::analyze(facts, policy_, files_, analysisOptions);
  mergeInstanceDuplicates(result.findings);
  report.solverMilliseconds = since(solving);
  ++stats_.analyses;
  stale_ = false;

  std::map<std::string, std::vector<Finding>> byFile;
  for (Finding &finding : result.findings) {
    if (finding.suppressed || finding.range.file().empty())
      continue;
    byFile[finding.range.file()].push_back(std::move(finding));
  }

  // Publish files whose findings changed, files that lost them all, and files just touched.
  std::set<std::string> touched(pendingPublish_.begin(), pendingPublish_.end());
  pendingPublish_.clear();
  std::set<std::string> candidates = touched;
  for (const auto &[path, list] : findings_)
    candidates.insert(path);
  for (const auto &[path, list] : byFile)
    candidates.insert(path);
  std::map<std::string, std::vector<Finding>> previous = std::move(findings_);
  findings_ = std::move(byFile);
  static const std::vector<Finding> kNone;
  for (const std::string &path : candidates) {
    auto now = findings_.find(path);
    auto before = previous.find(path);
    const std::vector<Finding> &current = now == findings_.end() ? kNone : now->second;
    const std::vector<Finding> &old = before == previous.end() ? kNone : before->second;
    bool relevant = touched.count(path) && (classifyPath(path) != FileKind::Other || path == policyPath_ ||
                                            before != previous.end() || now != findings_.end());
    if (relevant || !sameFindings(current, old))
      callbacks_.onFindingsReady(path, current);
  }

  report.number = stats_.analyses;
  for (const auto &[path, list] : findings_)
    report.findings += list.size();
  report.milliseconds = since(started);
  callbacks_.onAnalysed(report);
}

} // namespace cloudpact
