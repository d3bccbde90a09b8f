// cloudpact: which cloud does each AI-model access go through, and does that honour the contracts?
#include "Analysis/Baseline.h"
#include "Analysis/Rules.h"
#include "Core/InputFile.h"
#include "Driver/BuildFacts.h"
#include "Driver/Pipeline.h"
#include "Lsp/Server.h"
#include "Report/Display.h"
#include "Report/Report.h"
#include "cloudpact/Version.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

extern char **environ;

using namespace cloudpact;

namespace {

constexpr const char *kUsage = R"(usage: cloudpact <command> [options] [PATH...]

Finds every AI-model access in Terraform, Kubernetes manifests and C++ code, resolves
the cloud it goes through, and checks it against the contracts of the policy
(default: OpenAI models only through Microsoft Azure or OpenAI's own API).

commands:
  check [PATH...]        report contract violations (default PATH: .)
  routes [PATH...]       list every model access: provider, model, cloud, verdict
  explain ID [PATH...]   print one finding's whole trace and its alternative paths
  facts [PATH...]        print what the frontends extracted (for debugging)
  extract --facts-dir DIR [--no-compile] -- COMPILER ARGS...
                         as a build's compiler launcher: write the C++ facts of the
                         compiled translation unit to DIR, then run the compile
  lsp                    run the language server on stdin/stdout
  rules                  list the rules
  help                   this text

options:
  --policy FILE          policy file (default: .cloudpact.yaml found upwards, else built-in)
  --no-tree-policy       ignore .cloudpact.yaml in the scanned tree (CI that trusts only the
                         built-in policy or --policy)
  --format FORMAT        check: text (default), json, sarif, github, gitlab
                         routes: table (default), json, csv, cyclonedx
  --output FILE          write the report to FILE instead of stdout
  --fail-on LEVEL        exit 1 if a finding is at least LEVEL: error (default), warning, note
  -p BUILD_DIR           directory with compile_commands.json for C++ (as clang-tidy)
  --facts DIR            C++ facts written by `cloudpact extract` (no C++ parsing)
  --var-file FILE        Terraform -var-file to pin (repeatable)
  --var NAME=VALUE       Terraform variable, as terraform plan -var (repeatable; in order
                         with --var-file). TF_VAR_NAME environment variables are read too
  -j N                   parallel jobs (default: all cores)
  --baseline FILE        hide findings recorded in FILE
  --write-baseline FILE  record the current findings in FILE and exit 0
  --report-unused-suppressions
                         warn about suppression comments that hide nothing
  --show-suppressed      also print suppressed findings
  --stdin-filename NAME  name for a manifest stream read from `-`
  --files                the PATHs are changed files (pre-commit): scan the whole
                         repository for context, report what touches those files
  --color WHEN           auto (default), always or never; NO_COLOR is honoured
  --quiet                no summary line
  --version              print the version

examples:
  cloudpact check                              scan the current repository
  cloudpact check infra/ services/ -p build    with the C++ compile database in build/
  helm template chart | cloudpact check -      a rendered Helm chart from stdin
  cloudpact check --format sarif -o cloudpact.sarif
  cloudpact routes --format cyclonedx -o ai-bom.json
  cloudpact explain 3f2a9c1e                   the full trace of one finding

exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or internal error.
)";

struct CliOptions {
  std::string command;
  ScanOptions scan;
  ExtractCommand extract;
  std::string format = "text";
  std::string output;
  Level failOn = Level::Error;
  std::string baseline, writeBaseline;
  bool reportUnused = false;
  bool showSuppressed = false;
  std::string color = "auto";
  bool quiet = false;
  std::string stdinFilename = "<stdin>";
  bool readStdin = false;
  std::string explainId;
  bool changedFiles = false;
  bool litTest = false;
};

int usageError(const std::string &message) {
  std::cerr << "cloudpact: error: " << displayText(message) << "\nTry 'cloudpact help'.\n";
  return 2;
}

/// An error that ends the run (exit status 2); `message` may name paths and values from the
/// repository, so it is shown through displayText like any report.
int fatalError(const std::string &message) {
  std::cerr << "cloudpact: error: " << displayText(message) << "\n";
  return 2;
}

/// Files the command line names, checked before the scan: each must be a regular file (a FIFO
/// would block the scan, a device feed it without end) no larger than a scanned file may be
/// (ScanOptions::maxFileBytes). Standard input has the same bound.
struct NamedInput {
  std::string_view option;
  const char *noun; // for messages: "cannot read <noun> <path>"
};
constexpr NamedInput kNamedInputs[] = {
    {"--policy", "policy"},
    {"--var-file", "var file"},
    {"--baseline", "baseline"},
};

const char *namedInputNoun(std::string_view option) {
  for (const NamedInput &row : kNamedInputs)
    if (option == row.option)
      return row.noun;
  return "file";
}

bool parseArgs(int argc, char **argv, CliOptions &options, int &exitCode) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cout << kUsage;
    exitCode = 2;
    return false;
  }
  size_t i = 0;
  if (args[0] == "--version" || args[0] == "version") {
    std::cout << "cloudpact " << kVersion << "\n";
    exitCode = 0;
    return false;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    exitCode = 0;
    return false;
  }
  options.command = args[i++];
  if (options.command == "extract") {
    std::string error;
    if (!parseExtractArgs(std::vector<std::string>(args.begin() + static_cast<std::ptrdiff_t>(i), args.end()),
                          options.extract, error)) {
      exitCode = usageError(error);
      return false;
    }
    return true;
  }
  static const std::map<std::string, std::string> kCommands = {
      {"check", ""}, {"explain", ""}, {"extract", ""}, {"facts", ""}, {"rules", ""}, {"routes", ""}, {"lsp", ""}};
  if (!kCommands.count(options.command)) {
    exitCode = usageError("unknown command '" + options.command + "'");
    return false;
  }
  auto value = [&](const std::string &arg, const std::string &name, std::string &out) -> bool {
    // --name=value or --name value
    if (arg.size() > name.size() && arg.compare(0, name.size() + 1, name + "=") == 0) {
      out = arg.substr(name.size() + 1);
      return true;
    }
    if (arg == name) {
      if (i >= args.size()) {
        exitCode = usageError("option " + name + " needs a value");
        return false;
      }
      out = args[i++];
      return true;
    }
    return false;
  };
  while (i < args.size()) {
    std::string arg = args[i++];
    std::string v;
    if (exitCode != -1)
      return false;
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      exitCode = 0;
      return false;
    } else if (arg == "--version") {
      std::cout << "cloudpact " << kVersion << "\n";
      exitCode = 0;
      return false;
    } else if (value(arg, "--policy", v)) {
      options.scan.policyFile = v;
    } else if (value(arg, "--format", v) || value(arg, "-f", v)) {
      options.format = v;
    } else if (value(arg, "--output", v) || value(arg, "-o", v)) {
      options.output = v;
    } else if (value(arg, "--fail-on", v)) {
      if (!parseLevel(v, options.failOn)) {
        exitCode = usageError("--fail-on takes error, warning or note, not '" + v + "'");
        return false;
      }
    } else if (value(arg, "-p", v) || value(arg, "--build-dir", v)) {
      options.scan.buildDir = v;
    } else if (value(arg, "--facts", v)) {
      options.scan.factsDir = v;
    } else if (value(arg, "--var-file", v)) {
      options.scan.varFiles.push_back(v);
    } else if (value(arg, "--var", v)) {
      size_t equals = v.find('=');
      if (equals == std::string::npos || equals == 0) {
        exitCode = usageError("--var takes NAME=VALUE, not '" + v + "'");
        return false;
      }
      options.scan.vars.push_back({v.substr(0, equals), v.substr(equals + 1), options.scan.varFiles.size()});
    } else if (value(arg, "-j", v) || value(arg, "--jobs", v)) {
      char *end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (!end || *end || n < 1 || n > 1024) {
        exitCode = usageError("-j takes a positive number, not '" + v + "'");
        return false;
      }
      options.scan.jobs = static_cast<unsigned>(n);
    } else if (arg.size() > 2 && arg.compare(0, 2, "-j") == 0 && std::isdigit(static_cast<unsigned char>(arg[2]))) {
      options.scan.jobs = static_cast<unsigned>(std::atoi(arg.c_str() + 2));
    } else if (value(arg, "--baseline", v)) {
      options.baseline = v;
    } else if (value(arg, "--write-baseline", v)) {
      options.writeBaseline = v;
    } else if (arg == "--report-unused-suppressions") {
      options.reportUnused = true;
    } else if (arg == "--show-suppressed") {
      options.showSuppressed = true;
    } else if (value(arg, "--stdin-filename", v)) {
      options.stdinFilename = v;
    } else if (value(arg, "--color", v)) {
      if (v != "auto" && v != "always" && v != "never") {
        exitCode = usageError("--color takes auto, always or never");
        return false;
      }
      options.color = v;
    } else if (value(arg, "--today", v)) {
      options.scan.today = v;
    } else if (arg == "--files") {
      options.changedFiles = true;
    } else if (arg == "--lit-test") {
      options.litTest = true;
    } else if (arg == "--no-tree-policy") {
      options.scan.noTreePolicy = true;
    } else if (arg == "--quiet" || arg == "-q") {
      options.quiet = true;
    } else if (arg == "-") {
      options.readStdin = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      exitCode = usageError("unknown option '" + arg + "'");
      return false;
    } else if (options.command == "explain" && options.explainId.empty()) {
      options.explainId = arg;
    } else {
      options.scan.paths.push_back(arg);
    }
  }
  if (exitCode != -1)
    return false;
  static const std::map<std::string, std::vector<std::string>> kFormats = {
      {"check", {"text", "json", "sarif", "github", "gitlab"}},
      {"explain", {"text"}},
      {"facts", {"text"}},
      {"routes", {"table", "json", "csv", "cyclonedx"}}};
  if (options.command == "routes" && options.format == "text")
    options.format = "table";
  if (auto it = kFormats.find(options.command); it != kFormats.end() &&
      std::find(it->second.begin(), it->second.end(), options.format) == it->second.end()) {
    std::string expected;
    for (const std::string &f : it->second)
      expected += (expected.empty() ? "" : ", ") + f;
    exitCode = usageError("unknown format '" + options.format + "' for " + options.command + " (expected " + expected + ")");
    return false;
  }
  if (options.command == "explain" && options.explainId.empty()) {
    exitCode = usageError("explain needs a finding id (the id column of --format json)");
    return false;
  }
  return true;
}

bool useColor(const CliOptions &options) {
  if (options.color == "always")
    return true;
  if (options.color == "never" || !options.output.empty())
    return false;
  const char *noColor = std::getenv("NO_COLOR");
  if (noColor && *noColor)
    return false;
  return isatty(STDOUT_FILENO);
}

std::string describeOrDash(const ValuePtr &value) { return value ? describe(*value) : "-"; }

/// What the frontends extracted, one line per fact. The lines echo the repository's values, so
/// each is shown through displayText.
void writeFacts(std::ostream &out, const Facts &facts) {
  auto emit = [&](const std::ostringstream &line) { out << displayText(line.str(), 4 * kMaxShownBytes) << "\n"; };
  for (const Assign &assign : facts.assigns) {
    std::ostringstream line;
    line << "assign " << assign.symbol << " = " << describeOrDash(assign.value) << " @ " << formatLoc(assign.range.begin)
         << " \"" << assign.phrase << "\"";
    emit(line);
  }
  for (const ModelAccess &access : facts.accesses) {
    std::ostringstream line;
    line << "access " << accessKindName(access.kind) << " " << access.api << " model=" << describeOrDash(access.model)
         << " endpoint=" << describeOrDash(access.endpoint) << " region=" << describeOrDash(access.region)
         << " provider=" << describeOrDash(access.provider) << " cloud=" << describeOrDash(access.cloud) << " @ "
         << formatLoc(access.range.begin) << " subject=" << access.subject;
    if (!access.impliedCloud.empty())
      line << " implied=" << access.impliedCloud;
    if (access.confidence < 1.0)
      line << " confidence=" << access.confidence;
    emit(line);
  }
  for (const Diagnostic &diagnostic : facts.diagnostics) {
    std::ostringstream line;
    line << formatLoc(diagnostic.range.begin) << ": " << levelName(diagnostic.level) << ": " << diagnostic.message;
    if (!diagnostic.rule.empty())
      line << " [" << diagnostic.rule << "]";
    emit(line);
  }
}

int listRules(std::ostream &out) {
  for (const RuleMeta *rule : allRules())
    out << rule->id << " (" << levelName(rule->defaultLevel) << "): " << rule->summary << "\n";
  return 0;
}

/// Prints "phase done/total" on stderr while a scan runs longer than a second (TTY only).
class ProgressLine {
public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {
    if (enabled_)
      thread_ = std::thread([this] { loop(); });
  }
  ~ProgressLine() { stop(); }

  void update(const std::string &phase, size_t done, size_t total) {
    std::lock_guard<std::mutex> lock(mutex_);
    phase_ = phase;
    done_ = done;
    total_ = total;
  }
  void stop() {
    if (!enabled_)
      return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
      thread_.join();
    if (shown_)
      std::cerr << "\r\033[K" << std::flush;
    enabled_ = false;
  }

private:
  void loop() {
    // CLOUDPACT_PROGRESS_DELAY_MS shortens the one-second grace period (tests use 0).
    long delay = 1000;
    if (const char *text = std::getenv("CLOUDPACT_PROGRESS_DELAY_MS"))
      delay = std::strtol(text, nullptr, 10);
    std::unique_lock<std::mutex> lock(mutex_);
    if (delay > 0 && wake_.wait_for(lock, std::chrono::milliseconds(delay), [this] { return stopped_; }))
      return;
    do {
      std::cerr << "\r\033[Kcloudpact: " << phase_ << " " << done_ << "/" << total_ << std::flush;
      shown_ = true;
      wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stopped_; });
    } while (!stopped_);
  }

  bool enabled_;
  bool stopped_ = false;
  bool shown_ = false;
  std::string phase_ = "starting";
  size_t done_ = 0, total_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

/// pre-commit mode: keep findings whose access or trace touches one of the changed files.
void keepChangedFiles(std::vector<Finding> &findings, const std::vector<std::string> &changed) {
  std::set<std::string> wanted;
  for (const std::string &path : changed)
    wanted.insert(std::filesystem::path(path).lexically_normal().generic_string());
  auto touches = [&](const Finding &finding) {
    if (wanted.count(finding.range.file()))
      return true;
    for (const TraceStep &step : finding.trace)
      if (wanted.count(step.range.file()))
        return true;
    return false;
  };
  findings.erase(std::remove_if(findings.begin(), findings.end(), [&](const Finding &f) { return !touches(f); }),
                 findings.end());
}

/// The named inputs that cannot be read (see kNamedInputs): a usage error for the first.
/// A policy that does not exist is left to the scan, which reports it as a located policy-error.
int checkNamedInputs(const CliOptions &options) {
  std::vector<std::pair<std::string_view, std::string>> named; // (option, path)
  std::error_code ec;
  if (!options.scan.policyFile.empty() && std::filesystem::exists(options.scan.policyFile, ec))
    named.emplace_back("--policy", options.scan.policyFile);
  for (const std::string &path : options.scan.varFiles)
    named.emplace_back("--var-file", path);
  if (!options.baseline.empty())
    named.emplace_back("--baseline", options.baseline);
  for (const auto &[option, path] : named)
    if (std::string why = inputFileProblem(path, options.scan.maxFileBytes); !why.empty())
      return usageError(std::string("cannot read ") + namedInputNoun(option) + " " + path + ": " + why);
  return 0;
}

/// Standard input as the `-` file: at most as much as a scanned file may hold.
int readStandardInput(CliOptions &options) {
  std::string text;
  size_t limit = options.scan.maxFileBytes;
  if (!readInputStream(std::cin, limit, text))
    return fatalError("standard input holds more than " + formatByteSize(limit) + ", the limit for one file");
  if (std::cin.bad())
    return fatalError(std::string("cannot read standard input: ") + std::strerror(errno));
  options.scan.stdinFile = SourceFile{options.stdinFilename, std::move(text)};
  return 0;
}

int writeReport(CliOptions &options, const ScanResult &scan, const std::vector<std::string> &changed, std::ostream &out);

int run(CliOptions &options) {
  if (options.command == "rules")
    return listRules(std::cout);
  if (options.command == "extract")
    return runExtract(options.extract, std::cerr); // the compiler it runs keeps the default SIGPIPE
  // A reader that goes away (a closed pipe) makes writes fail instead of killing the process,
  // so the failure is reported and the exit status says so.
  std::signal(SIGPIPE, SIG_IGN);
  if (int status = checkNamedInputs(options))
    return status;
  if (options.command == "lsp") {
    lsp::ServerOptions server;
    server.litTest = options.litTest;
    server.policyFile = options.scan.policyFile;
    server.buildDir = options.scan.buildDir;
    return lsp::runServer(std::cin, std::cout, server);
  }
  if (options.readStdin)
    if (int status = readStandardInput(options))
      return status;
  std::vector<std::string> changed;
  if (options.changedFiles) {
    changed = options.scan.paths;
    options.scan.paths = {"."};
  }
  ProgressLine progress(!options.quiet && isatty(STDERR_FILENO) && options.output != "-");
  options.scan.progress = [&](const std::string &phase, size_t done, size_t total) { progress.update(phase, done, total); };
  ScanResult scan = runScan(options.scan);
  progress.stop();

  std::ofstream file;
  std::ostream *out = &std::cout;
  std::string destination = options.output.empty() ? "standard output" : options.output;
  if (!options.output.empty()) {
    file.open(options.output, std::ios::binary);
    if (!file)
      return fatalError("cannot write " + destination + ": " + std::strerror(errno));
    out = &file;
  }
  errno = 0;
  int status = writeReport(options, scan, changed, *out);
  // A report that did not reach its reader (a full disk, a closed pipe) is no report: the
  // exit status must not be that of a good run.
  out->flush();
  if (file.is_open())
    file.close();
  if (out->fail()) {
    int writeErrno = errno;
    return fatalError("cannot write the report to " + destination + ": " +
                      (writeErrno ? std::strerror(writeErrno) : "write failed"));
  }
  return status;
}

int writeReport(CliOptions &options, const ScanResult &scan, const std::vector<std::string> &changed, std::ostream &output) {
  std::ostream *out = &output;
  if (options.command == "facts") {
    writeFacts(*out, scan.facts);
    return 0;
  }
  if (options.command == "routes") {
    static const std::map<std::string, RoutesFormat> kRouteFormats = {
        {"table", RoutesFormat::Table}, {"json", RoutesFormat::Json}, {"csv", RoutesFormat::Csv}, {"cyclonedx", RoutesFormat::CycloneDx}};
    writeRoutes(*out, scan.analysis.routes, kRouteFormats.at(options.format), useColor(options));
    return 0;
  }

  std::vector<Finding> findings = scan.analysis.findings;
  if (options.reportUnused)
    findings.insert(findings.end(), scan.analysis.unusedSuppressions.begin(), scan.analysis.unusedSuppressions.end());
  if (options.changedFiles)
    keepChangedFiles(findings, changed);
  sortFindings(findings);

  if (!options.writeBaseline.empty()) {
    std::string error;
    if (!writeBaseline(options.writeBaseline, findings, error))
      return fatalError(error);
    size_t written = 0;
    for (const Finding &f : findings)
      written += !f.rule.empty() && !f.suppressed;
    std::cerr << "cloudpact: wrote " << written << " findings to " << displayText(options.writeBaseline) << "\n";
    return 0;
  }
  if (!options.baseline.empty()) {
    std::string error;
    if (!applyBaseline(options.baseline, findings, error))
      return fatalError(error);
  }

  if (options.command == "explain") {
    for (const Finding &finding : findings) {
      if (!finding.fingerprint.empty() && finding.fingerprint.rfind(options.explainId, 0) == 0) {
        writeExplanation(*out, finding, scan.files, useColor(options));
        return 0;
      }
    }
    return fatalError("no finding with id " + options.explainId);
  }

  if (options.format == "json") {
    writeJson(*out, findings, options.showSuppressed);
  } else if (options.format == "sarif") {
    writeSarif(*out, findings, scan.files, SarifOptions{});
  } else if (options.format == "github") {
    writeGithub(*out, findings);
  } else if (options.format == "gitlab") {
    writeGitlab(*out, findings);
  } else {
    TextOptions text;
    text.color = useColor(options);
    text.showSuppressed = options.showSuppressed;
    text.summary = !options.quiet;
    writeText(*out, findings, scan.files, text);
  }

  for (const Finding &finding : findings)
    if (!finding.suppressed && !finding.rule.empty() && finding.level >= options.failOn)
      return 1;
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  std::ios::sync_with_stdio(false);
  CliOptions options;
  int exitCode = -1;
  if (!parseArgs(argc, argv, options, exitCode))
    return exitCode;
  // Terraform reads TF_VAR_NAME and TF_WORKSPACE from the environment of `terraform plan`; so
  // does the CLI.
  if (const char *workspace = std::getenv("TF_WORKSPACE"))
    options.scan.workspace = workspace;
  for (char **entry = environ; entry && *entry; ++entry) {
    std::string_view text(*entry);
    size_t equals = text.find('=');
    if (text.starts_with("TF_VAR_") && equals != std::string_view::npos && equals > 7)
      options.scan.varEnvironment.emplace(std::string(text.substr(7, equals - 7)), std::string(text.substr(equals + 1)));
  }
  try {
    return run(options);
  } catch (const std::exception &error) {
    std::cerr << "cloudpact: internal error: " << error.what() << "\n";
    return 2;
  }
}
