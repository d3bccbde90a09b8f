#include "Driver/BuildFacts.h"

#include "Core/FactsIO.h"
#include "Core/SourceFile.h"
#if CLOUDPACT_HAVE_CXX
#include "Cxx/Cxx.h"
#endif

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

extern char **environ;

namespace fs = std::filesystem;

namespace cloudpact {

namespace {

// Options whose value is the next argument (so it is not taken for a source file).
const std::set<std::string> kOptionsWithValue = {"-o",         "-MF",       "-MT",      "-MQ",      "-include",
                                                 "-imacros",   "-isystem",  "-I",       "-iquote",  "-idirafter",
                                                 "-x",         "-Xclang",   "-target",  "--target", "-arch",
                                                 "-isysroot",  "--sysroot", "-D",       "-U",       "-Xpreprocessor"};

bool isTranslationUnit(const std::string &path) {
  for (const char *ext : {".cpp", ".cc", ".cxx", ".c++", ".C"})
    if (path.size() > std::string_view(ext).size() && path.ends_with(ext))
      return true;
  return false;
}

#if CLOUDPACT_HAVE_CXX
std::string hexHash(const std::string &text) {
  char out[17];
  std::snprintf(out, sizeof out, "%016zx", std::hash<std::string>{}(text));
  return out;
}
#endif

int runCompiler(const std::vector<std::string> &command, std::ostream &err) {
  std::vector<char *> argv;
  for (const std::string &arg : command)
    argv.push_back(const_cast<char *>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (int error = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ); error != 0) {
    err << "cloudpact extract: cannot run " << command[0] << ": " << std::strerror(error) << "\n";
    return 127;
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0)
    return 127;
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

} // namespace

bool parseExtractArgs(const std::vector<std::string> &args, ExtractCommand &out, std::string &error) {
  size_t i = 0;
  for (; i < args.size() && args[i] != "--"; ++i) {
    const std::string &arg = args[i];
    if (arg == "--facts-dir" && i + 1 < args.size()) {
      out.factsDir = args[++i];
    } else if (arg.rfind("--facts-dir=", 0) == 0) {
      out.factsDir = arg.substr(12);
    } else if (arg == "--no-compile") {
      out.compile = false;
    } else {
      error = "extract: unknown argument '" + arg + "' (usage: extract --facts-dir DIR [--no-compile] -- COMPILER ARGS...)";
      return false;
    }
  }
  if (out.factsDir.empty()) {
    error = "extract needs --facts-dir DIR";
    return false;
  }
  if (i >= args.size() || i + 1 >= args.size()) {
    error = "extract needs the compile command after --";
    return false;
  }
  out.command.assign(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
  return true;
}

void splitCompileCommand(const std::vector<std::string> &command, std::vector<std::string> &sources,
                         std::vector<std::string> &flags) {
  for (size_t i = 1; i < command.size(); ++i) {
    const std::string &arg = command[i];
    if (arg == "-c")
      continue;
    if (arg == "-o") {
      ++i;
      continue;
    }
    if (kOptionsWithValue.count(arg)) {
      flags.push_back(arg);
      if (i + 1 < command.size())
        flags.push_back(command[++i]);
      continue;
    }
    if (arg[0] != '-' && isTranslationUnit(arg)) {
      sources.push_back(arg);
      continue;
    }
    flags.push_back(arg);
  }
}

int runExtract(const ExtractCommand &command, std::ostream &err) {
  std::vector<std::string> sources, flags;
  splitCompileCommand(command.command, sources, flags);
#if CLOUDPACT_HAVE_CXX
  std::error_code ec;
  fs::create_directories(command.factsDir, ec);
  for (const std::string &source : sources) {
    std::string absolute = fs::absolute(source, ec).lexically_normal().generic_string();
    SourceFile file{absolute, {}};
    if (!readWholeFile(absolute, file.text)) {
      err << "cloudpact extract: warning: cannot read " << source << "\n";
      continue;
    }
    cxx::Options options;
    options.compileFlags = flags;
    options.forFactsFile = true;
    options.roots = {fs::current_path(ec).generic_string()};
    Facts facts;
    cxx::analyze({&file}, options, facts);
    std::string key = absolute;
    for (const std::string &flag : flags)
      key += '\0' + flag;
    fs::path target = fs::path(command.factsDir) / (fs::path(source).filename().string() + "-" + hexHash(key) + ".facts.json");
    fs::path temporary = target;
    temporary += ".tmp" + std::to_string(::getpid());
    {
      std::ofstream out(temporary, std::ios::binary);
      writeFactsFile(out, facts);
      if (!out) {
        err << "cloudpact extract: warning: cannot write " << target.generic_string() << "\n";
        continue;
      }
    }
    fs::rename(temporary, target, ec); // atomic: a parallel build never reads half a file
    if (ec)
      err << "cloudpact extract: warning: cannot write " << target.generic_string() << ": " << ec.message() << "\n";
  }
#else
  if (!sources.empty())
    err << "cloudpact extract: warning: this build has no C++ frontend; nothing extracted\n";
#endif
  return command.compile ? runCompiler(command.command, err) : 0;
}

void loadFactsDirectory(const std::string &dir, Facts &out) {
  SourceRange where{SourceLoc{dir, 0, 0, 0}, {}};
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    out.diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", where, "--facts: no such directory"));
    return;
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && it->path().filename().string().ends_with(".facts.json"))
      files.push_back(it->path());
  std::sort(files.begin(), files.end());
  std::string cwd = fs::current_path(ec).generic_string();
  auto relative = [&cwd](const std::string &path) -> std::string {
    if (path.size() > cwd.size() && path.compare(0, cwd.size(), cwd) == 0 && path[cwd.size()] == '/')
      return path.substr(cwd.size() + 1);
    return path;
  };
  std::vector<Facts> units;
  for (const fs::path &file : files) {
    std::string error;
    Facts unit;
    if (!readFactsFileAt(file.string(), unit, error, relative)) {
      out.diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", SourceRange{SourceLoc{file.generic_string(), 0, 0, 0}, {}},
                                               "cannot read facts file: " + (error.empty() ? "unreadable" : error)));
      continue;
    }
    units.push_back(std::move(unit));
  }
#if CLOUDPACT_HAVE_CXX
  cxx::mergeUnits(std::move(units), out);
#else
  if (!units.empty())
    out.diagnostics.push_back(
        makeDiagnostic(Level::Error, "parse-error", where, "--facts needs a build with the C++ frontend"));
#endif
}

} // namespace cloudpact
