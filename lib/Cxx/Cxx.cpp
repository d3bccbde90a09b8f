// The C++ frontend's driver: finds the compile database (or makes default commands), parses each
// translation unit with Clang, runs the extractor on it, and tidies the merged facts.
#include "Cxx/Cxx.h"

#include "Cxx/Extract.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/HeaderSearchOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#ifndef CLOUDPACT_CLANG_RESOURCE_DIR
#define CLOUDPACT_CLANG_RESOURCE_DIR "/usr/lib/llvm-19/lib/clang/19"
#endif

namespace cloudpact::cxx {

namespace detail {

/// Clang's errors in one unit: how many, and the first (for the "Clang reported" note).
struct ClangErrors {
  unsigned count = 0;
  std::string first;
  std::string file; // absolute; empty when the first error has no location
  unsigned line = 0, column = 0, offset = 0;
};

/// A file a unit read, and what tells whether it changed since.
struct Dependency {
  std::string path;     // absolute, as Clang opened it (".." kept, see SeenFile)
  std::string name;     // as Clang named it: gives the display path the facts hold
  std::string shown;    // that display path
  bool scanned = false; // one of the scanned files (its text may be an editor buffer): by content
  bool stale = false;   // changed while Clang read it, or unreadable: always parse again
  size_t hash = 0;      // scanned: hash of the text
  uint64_t size = 0;
  int64_t mtime = 0; // other files: modification time in nanoseconds
};

/// What one parse of a unit gave.
struct ParsedUnit {
  Facts facts;
  std::map<std::string, std::string> names;
  ClangErrors errors;
  std::vector<Dependency> dependencies;
  bool read = false; // Clang ran over the unit (the dependencies are known)
};

} // namespace detail

struct UnitCache::Entry {
  std::string command; // the compile command(s) the unit was parsed with
  size_t scannedSet = 0; // for a unit with errors: hash of the scanned files' paths then
  detail::ParsedUnit unit;
};

UnitCache::UnitCache() = default;
UnitCache::~UnitCache() = default;

namespace {

bool hasExtension(const std::string &path, std::initializer_list<const char *> extensions) {
  llvm::StringRef ext = llvm::sys::path::extension(path);
  for (const char *candidate : extensions)
    if (ext == candidate)
      return true;
  return false;
}

bool isTranslationUnit(const std::string &path) { return hasExtension(path, {".cpp", ".cc", ".cxx", ".c++", ".C"}); }
bool isCxxFile(const std::string &path) {
  return isTranslationUnit(path) || hasExtension(path, {".h", ".hh", ".hpp", ".hxx", ".h++", ".inc", ".ipp", ".tpp"});
}

std::string absolutePath(const std::string &path) {
  llvm::SmallString<256> result(path);
  llvm::sys::fs::make_absolute(result);
  llvm::sys::path::remove_dots(result, /*remove_dot_dot=*/true);
  return result.str().str();
}

std::string currentDirectory() {
  llvm::SmallString<256> cwd;
  llvm::sys::fs::current_path(cwd);
  return cwd.str().str();
}

/// Collects Clang's errors for one TU.
class ErrorCollector : public clang::DiagnosticConsumer {
public:
  explicit ErrorCollector(detail::ClangErrors &out) : out_(out) {}

  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic &info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error)
      return;
    ++out_.count;
    if (!out_.first.empty())
      return;
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    out_.first = text.str().str();
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      const clang::SourceManager &sm = info.getSourceManager();
      clang::SourceLocation location = sm.getFileLoc(info.getLocation());
      clang::FileID file = sm.getFileID(location);
      if (auto entry = sm.getFileEntryRefForID(file)) {
        // Relative to the compile command's directory (Clang's file system's, not the process's).
        llvm::SmallString<256> path(entry->getName());
        sm.getFileManager().makeAbsolutePath(path);
        llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
        out_.file = path.str().str();
        unsigned offset = sm.getFileOffset(location);
        out_.line = sm.getLineNumber(file, offset);
        out_.column = sm.getColumnNumber(file, offset);
        out_.offset = offset;
      }
    }
  }

private:
  detail::ClangErrors &out_;
};

/// A file Clang read for a unit, as its FileManager saw it.
struct SeenFile {
  /// Absolute (a relative name resolved against the compile command's directory), ".." kept:
  /// Clang's own paths can climb out of a symbolic link ("/../lib/gcc/…/../../../../include").
  std::string path;
  std::string name; // as Clang named it
  uint64_t size = 0;
  time_t mtime = 0;
};

class ExtractConsumer : public clang::ASTConsumer {
public:
  ExtractConsumer(const ExtractOptions &options, Facts &facts, std::map<std::string, std::string> &names)
      : options_(options), facts_(facts), names_(names) {}

  void HandleTranslationUnit(clang::ASTContext &context) override {
    ExtractOptions options = options_;
    options.recover = context.getDiagnostics().hasErrorOccurred();
    extractTranslationUnit(context, options, facts_, names_);
  }

private:
  const ExtractOptions &options_;
  Facts &facts_;
  std::map<std::string, std::string> &names_;
};

class ExtractAction : public clang::ASTFrontendAction {
public:
  ExtractAction(const ExtractOptions &options, Facts &facts, std::map<std::string, std::string> &names,
                std::vector<SeenFile> *seen)
      : options_(options), facts_(facts), names_(names), seen_(seen) {}

protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<ExtractConsumer>(options_, facts_, names_);
  }

  bool BeginInvocation(clang::CompilerInstance &ci) override {
    // Clang works in the compile command's directory without changing the process's (units
    // are parsed on several threads): relative search directories are made absolute against it,
    // so the headers found in them have absolute names, as the extractor's locations need.
    if (!ci.hasFileManager())
      return true;
    for (auto &entry : ci.getHeaderSearchOpts().UserEntries) {
      if (entry.Path.empty() || llvm::sys::path::is_absolute(entry.Path))
        continue;
      llvm::SmallString<256> path(entry.Path);
      ci.getFileManager().makeAbsolutePath(path);
      entry.Path = path.str().str();
    }
    return true;
  }

  bool BeginSourceFileAction(clang::CompilerInstance &ci) override {
    // A missing SDK header is an error, not the end of the TU: later includes and the code
    // that uses the SDK are still parsed, and the extractor recovers calls by name.
    clang::DiagnosticsEngine &diags = ci.getDiagnostics();
    diags.setSeverity(clang::diag::err_pp_file_not_found, clang::diag::Severity::Error, clang::SourceLocation());
    diags.setErrorLimit(0);
    return true;
  }

  /// For the cache: every file the SourceManager holds (the main file and each header entered,
  /// also those a guard or #pragma once skipped later), with the size and time Clang saw.
  void EndSourceFileAction() override {
    if (!seen_)
      return;
    clang::CompilerInstance &ci = getCompilerInstance();
    const clang::SourceManager &sm = ci.getSourceManager();
    const clang::FileManager &fm = ci.getFileManager();
    for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) {
      // The extractor names a file by its content cache's entry (getFileEntryRefForID).
      clang::FileEntryRef entry = it->second && it->second->OrigEntry ? *it->second->OrigEntry : it->first;
      SeenFile file;
      file.name = entry.getName().str();
      llvm::SmallString<256> path(file.name);
      fm.makeAbsolutePath(path);
      file.path = path.str().str();
      file.size = static_cast<uint64_t>(entry.getSize());
      file.mtime = entry.getModificationTime();
      seen_->push_back(std::move(file));
    }
  }

private:
  const ExtractOptions &options_;
  Facts &facts_;
  std::map<std::string, std::string> &names_;
  std::vector<SeenFile> *seen_;
};

class ExtractActionFactory : public clang::tooling::FrontendActionFactory {
public:
  ExtractActionFactory(const ExtractOptions &options, Facts &facts, std::map<std::string, std::string> &names,
                       std::vector<SeenFile> *seen)
      : options_(options), facts_(facts), names_(names), seen_(seen) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<ExtractAction>(options_, facts_, names_, seen_);
  }

private:
  const ExtractOptions &options_;
  Facts &facts_;
  std::map<std::string, std::string> &names_;
  std::vector<SeenFile> *seen_;
};

/// compile_commands.json: -p, else at a scanned root or in its build/ directory.
std::string findDatabaseDirectory(const Options &options) {
  if (!options.buildDir.empty())
    return options.buildDir;
  for (const auto &root : options.roots) {
    std::string dir = root;
    if (!llvm::sys::fs::is_directory(dir))
      dir = llvm::sys::path::parent_path(absolutePath(root)).str();
    for (const char *sub : {"", "build"}) {
      llvm::SmallString<256> candidate(dir);
      if (*sub)
        llvm::sys::path::append(candidate, sub);
      llvm::SmallString<256> file(candidate);
      llvm::sys::path::append(file, "compile_commands.json");
      if (llvm::sys::fs::exists(file))
        return candidate.str().str();
    }
  }
  return {};
}

/// Directories named include (or inc) under the scanned roots, for the default command.
std::vector<std::string> findIncludeDirectories(const Options &options) {
  std::vector<std::string> dirs;
  std::set<std::string> seen;
  for (const auto &root : options.roots) {
    if (!llvm::sys::fs::is_directory(root))
      continue;
    std::string absoluteRoot = absolutePath(root);
    if (seen.insert(absoluteRoot).second)
      dirs.push_back(absoluteRoot);
    std::error_code ec;
    for (llvm::sys::fs::recursive_directory_iterator it(absoluteRoot, ec), end; it != end && !ec; it.increment(ec)) {
      if (it.level() > 6) {
        it.no_push();
        continue;
      }
      llvm::StringRef name = llvm::sys::path::filename(it->path());
      if (it->type() != llvm::sys::fs::file_type::directory_file)
        continue;
      if (name.starts_with(".") || name == "node_modules" || name.starts_with("build") || name == "Inputs") {
        it.no_push();
        continue;
      }
      if ((name == "include" || name == "inc") && seen.insert(it->path()).second)
        dirs.push_back(it->path());
    }
  }
  return dirs;
}

// -- the unit cache ----------------------------------------------------------------------------

/// A scanned file's fingerprint.
struct ScannedText {
  size_t hash = 0;
  uint64_t size = 0;
};
using ScannedFiles = std::map<std::string, ScannedText>; // by absolute path

using DisplayPath = std::function<std::string(const std::string &)>;

/// Where the scanned files' overlay looks a path up: without "." and "..", as written.
std::string overlayKey(const std::string &path) {
  llvm::SmallString<256> key(path);
  llvm::sys::path::remove_dots(key, /*remove_dot_dot=*/true);
  return key.str().str();
}

/// What the cache compares a unit's command with: every command the database gives for it.
std::string commandKey(const clang::tooling::CompilationDatabase &database, const std::string &unit) {
  std::string key;
  for (const auto &command : database.getCompileCommands(unit)) {
    key += command.Directory;
    key += '\0';
    key += command.Filename;
    key += '\0';
    for (const auto &argument : command.CommandLine) {
      key += argument;
      key += '\0';
    }
    key += '\x1e';
  }
  return key;
}

/// The seen files' fingerprints. A file not scanned is stat'ed now, at full time resolution;
/// when that disagrees with what Clang saw, it changed during the parse and is marked stale.
std::vector<detail::Dependency> fingerprint(const std::vector<SeenFile> &seen, const ScannedFiles &scanned,
                                            const DisplayPath &displayPath) {
  std::vector<detail::Dependency> dependencies;
  std::set<std::string> done;
  for (const auto &file : seen) {
    if (!done.insert(file.path).second)
      continue;
    detail::Dependency dependency;
    dependency.path = file.path;
    dependency.name = file.name;
    dependency.shown = displayPath(absolutePath(file.name));
    if (auto it = scanned.find(overlayKey(file.path)); it != scanned.end()) {
      dependency.scanned = true;
      dependency.hash = it->second.hash;
      dependency.size = it->second.size;
    } else {
      llvm::sys::fs::file_status status;
      if (llvm::sys::fs::status(file.path, status) || status.getSize() != file.size ||
          llvm::sys::toTimeT(status.getLastModificationTime()) != file.mtime) {
        dependency.stale = true;
      } else {
        dependency.size = status.getSize();
        dependency.mtime = status.getLastModificationTime().time_since_epoch().count();
      }
    }
    dependencies.push_back(std::move(dependency));
  }
  return dependencies;
}

/// Whether a unit's dependencies are as they were. What is learnt about a file (its overlay
/// text, its status on disk, its display path) is kept for the other units of the run.
class DependencyCheck {
public:
  DependencyCheck(const ScannedFiles &scanned, const DisplayPath &displayPath)
      : scanned_(scanned), displayPath_(displayPath) {}

  bool unchanged(const detail::Dependency &dependency) {
    if (dependency.stale)
      return false;
    const File &file = lookUp(dependency.path);
    if (dependency.scanned) {
      if (!file.text || file.text->hash != dependency.hash || file.text->size != dependency.size)
        return false;
    } else {
      // A file now scanned may hold an editor's buffer: parse again. One gone: parse again.
      if (file.text || !file.status || file.status->first != dependency.size || file.status->second != dependency.mtime)
        return false;
    }
    // The facts hold display paths: the same file shown differently is a change too.
    auto [shown, added] = shown_.try_emplace(dependency.name);
    if (added)
      shown->second = displayPath_(absolutePath(dependency.name));
    return shown->second == dependency.shown;
  }

private:
  struct File {
    const ScannedText *text = nullptr;                  // in the overlay
    std::optional<std::pair<uint64_t, int64_t>> status; // else on disk: size, time
  };

  const File &lookUp(const std::string &path) {
    auto [it, added] = files_.try_emplace(path);
    if (added) {
      if (auto text = scanned_.find(overlayKey(path)); text != scanned_.end()) {
        it->second.text = &text->second;
      } else {
        llvm::sys::fs::file_status status;
        if (!llvm::sys::fs::status(path, status))
          it->second.status = std::make_pair(status.getSize(), status.getLastModificationTime().time_since_epoch().count());
      }
    }
    return it->second;
  }

  const ScannedFiles &scanned_;
  const DisplayPath &displayPath_;
  std::map<std::string, File> files_;
  std::map<std::string, std::string> shown_;
};

// -- tidying the merged facts -------------------------------------------------------------------

struct Tidy {
  std::set<std::string> assigned;
  const std::map<std::string, std::string> &names;

  static bool isCxxSymbol(const std::string &symbol) { return symbol.rfind("cxx:", 0) == 0; }

  bool isProperty(const std::string &symbol) const {
    // "<object key>.<Property>": the object's key is a symbol we named.
    size_t dot = symbol.rfind('.');
    if (dot == std::string::npos || dot + 1 >= symbol.size())
      return false;
    const std::string property = symbol.substr(dot + 1);
    return property.find_first_of("@#:/") == std::string::npos && (names.count(symbol.substr(0, dot)) || symbol.rfind("cxx:global:", 0) == 0 ||
                                                                  isProperty(symbol.substr(0, dot)));
  }

  bool dangling(const ValuePtr &value) const {
    return value && value->kind == ValueKind::Ref && isCxxSymbol(value->text) && !assigned.count(value->text);
  }

  std::string describeSymbol(const std::string &symbol) const {
    auto it = names.find(symbol);
    if (it != names.end())
      return it->second;
    size_t dot = symbol.rfind('.');
    if (dot != std::string::npos) {
      auto owner = names.find(symbol.substr(0, dot));
      if (owner != names.end())
        return symbol.substr(dot + 1) + " of " + owner->second;
      if (symbol.rfind("cxx:global:", 0) == 0)
        return symbol.substr(dot + 1) + " of " + symbol.substr(11, dot - 11);
    }
    return symbol;
  }

  ValuePtr unknownFor(const ValuePtr &ref) const {
    std::string what = describeSymbol(ref->text);
    std::string reason;
    if (ref->text.size() > 7 && ref->text.compare(ref->text.size() - 7, 7, "#return") == 0)
      reason = "no definition seen for " + what;
    else if (ref->text.find("#param") != std::string::npos)
      reason = "no call seen for " + what;
    else if (isProperty(ref->text))
      reason = what + " never set";
    else
      reason = "no value seen for " + what;
    return makeUnknown(reason, ref->range);
  }

  /// A property that was never set (or a member of one): the access does not give it.
  bool absent(const ValuePtr &value) const {
    if (!value)
      return true;
    if (dangling(value))
      return isProperty(value->text);
    if (value->kind == ValueKind::Get && !value->parts.empty())
      return absent(value->parts[0]);
    return false;
  }

  static ValuePtr innermost(ValuePtr value) {
    while (value && value->kind == ValueKind::Get && !value->parts.empty())
      value = value->parts[0];
    return value;
  }

  /// Replaces Refs to symbols nothing assigns. `top`: an absent property is "not given" (null).
  ValuePtr rewrite(const ValuePtr &value, bool top, int depth = 0) const {
    if (!value || depth > 64)
      return value;
    if (absent(value)) {
      if (top)
        return nullptr;
      ValuePtr ref = innermost(value);
      return ref && ref->kind == ValueKind::Ref ? unknownFor(ref) : makeUnknown("not given");
    }
    if (dangling(value))
      return unknownFor(value);
    if (value->parts.empty() && value->fields.empty())
      return value;
    bool changed = false;
    auto copy = std::make_shared<Value>(*value);
    if (value->kind == ValueKind::Choice) {
      std::vector<ValuePtr> kept;
      for (const auto &part : value->parts) {
        if (absent(part)) {
          changed = true;
          continue;
        }
        ValuePtr rewritten = rewrite(part, top, depth + 1);
        changed = changed || rewritten != part;
        if (rewritten)
          kept.push_back(rewritten);
      }
      if (kept.empty())
        return top ? nullptr : makeUnknown("not given", value->range);
      if (kept.size() == 1 && changed)
        return kept.front();
      copy->parts = std::move(kept);
    } else {
      for (auto &part : copy->parts) {
        ValuePtr rewritten = rewrite(part, false, depth + 1);
        if (!rewritten)
          rewritten = makeUnknown("not given");
        changed = changed || rewritten != part;
        part = rewritten;
      }
      for (auto &field : copy->fields) {
        ValuePtr rewritten = rewrite(field.second, false, depth + 1);
        changed = changed || rewritten != field.second;
        field.second = rewritten;
      }
    }
    return changed ? copy : value;
  }
};

void tidy(Facts &facts, const std::map<std::string, std::string> &names) {
  // Same fact from several TUs (a header's inline function): keep the first.
  {
    std::set<std::string> seen;
    std::vector<Assign> assigns;
    for (auto &assign : facts.assigns) {
      std::string key = assign.symbol + "\x1f" + formatLoc(assign.range.begin) + "\x1f" + assign.phrase + "\x1f" +
                        (assign.value ? describe(*assign.value) : std::string());
      if (seen.insert(key).second)
        assigns.push_back(std::move(assign));
    }
    facts.assigns = std::move(assigns);
    std::set<std::string> seenAccesses;
    std::vector<ModelAccess> accesses;
    for (auto &access : facts.accesses)
      if (seenAccesses.insert(formatLoc(access.range.begin) + "\x1f" + access.api).second)
        accesses.push_back(std::move(access));
    facts.accesses = std::move(accesses);
  }
  Tidy t{{}, names};
  // Property copies from objects that never had the property: drop them, to a fixpoint.
  bool changed = true;
  while (changed) {
    changed = false;
    t.assigned.clear();
    for (const auto &assign : facts.assigns)
      t.assigned.insert(assign.symbol);
    std::vector<Assign> kept;
    for (auto &assign : facts.assigns) {
      if (t.isProperty(assign.symbol) && t.dangling(assign.value) && t.isProperty(assign.value->text)) {
        changed = true;
        continue;
      }
      kept.push_back(std::move(assign));
    }
    facts.assigns = std::move(kept);
  }
  t.assigned.clear();
  for (const auto &assign : facts.assigns)
    t.assigned.insert(assign.symbol);
  for (auto &assign : facts.assigns) {
    ValuePtr rewritten = t.rewrite(assign.value, false);
    assign.value = rewritten ? rewritten : makeUnknown("not given", assign.range);
  }
  for (auto &access : facts.accesses)
    for (ValuePtr *field : {&access.model, &access.endpoint, &access.region, &access.provider, &access.cloud})
      *field = t.rewrite(*field, true);
}

} // namespace

void mergeUnits(std::vector<Facts> units, Facts &out) {
  Facts merged;
  std::map<std::string, std::string> names;
  for (Facts &unit : units) {
    names.insert(unit.symbolNames.begin(), unit.symbolNames.end());
    unit.symbolNames.clear();
    merged.append(std::move(unit));
  }
  tidy(merged, names);
  merged.symbolNames = std::move(names);
  out.append(std::move(merged));
}

void analyze(const std::vector<const SourceFile *> &files, const Options &options, Facts &out) {
  UnitCache *cache = options.cache;
  // Display paths: scanned files keep theirs; other files relative to the working directory.
  std::string cwd = currentDirectory();
  std::map<std::string, std::string> display;
  std::vector<std::string> units;
  std::vector<std::pair<std::string, const SourceFile *>> overlays;
  for (const SourceFile *file : files) {
    if (!file || !isCxxFile(file->path))
      continue;
    std::string absolute = absolutePath(file->path);
    display.emplace(absolute, file->path);
    overlays.emplace_back(absolute, file);
    if (isTranslationUnit(file->path))
      units.push_back(absolute);
  }
  DisplayPath displayPath = [&display, cwd, &options](const std::string &absolute) -> std::string {
    if (options.forFactsFile)
      return absolute;
    auto it = display.find(absolute);
    if (it != display.end())
      return it->second;
    llvm::StringRef path(absolute);
    if (path == cwd)
      return ".";
    if (path.starts_with(cwd + "/"))
      return path.substr(cwd.size() + 1).str();
    return absolute;
  };
  // A run without units leaves nothing in the cache.
  auto forgetAll = [cache]() {
    if (cache)
      cache->entries_.clear();
  };

  // The compile database, or default commands.
  std::unique_ptr<clang::tooling::CompilationDatabase> database;
  std::string databaseDir = options.compileFlags ? std::string() : findDatabaseDirectory(options);
  if (options.compileFlags) {
    database = std::make_unique<clang::tooling::FixedCompilationDatabase>(cwd, *options.compileFlags);
  } else if (!databaseDir.empty()) {
    std::string file = absolutePath(databaseDir + "/compile_commands.json");
    std::string error;
    if (!llvm::sys::fs::exists(file))
      error = "no such file (-p names the directory that holds compile_commands.json)";
    else
      database = clang::tooling::JSONCompilationDatabase::loadFromFile(file, error,
                                                                       clang::tooling::JSONCommandLineSyntax::AutoDetect);
    if (!database) {
      SourceRange where;
      where.begin.file = displayPath(file);
      out.diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", where, "cannot load compile database: " + error));
      if (!options.buildDir.empty()) {
        forgetAll();
        return;
      }
    }
  }
  if (options.compileFlags) {
    // The build's own command: nothing to infer or announce.
  } else if (database) {
    if (units.empty() && files.empty())
      for (const auto &file : database->getAllFiles())
        units.push_back(absolutePath(file));
    database = clang::tooling::inferMissingCompileCommands(std::move(database));
  } else {
    if (units.empty()) {
      forgetAll();
      return;
    }
    std::vector<std::string> args = {"-std=c++17"};
    std::string shown;
    for (const auto &dir : findIncludeDirectories(options)) {
      args.push_back("-I" + dir);
      shown += " -I" + displayPath(dir);
    }
    database = std::make_unique<clang::tooling::FixedCompilationDatabase>(cwd, args);
    SourceRange where;
    where.begin.file = displayPath(*std::min_element(units.begin(), units.end()));
    out.diagnostics.push_back(makeDiagnostic(
        Level::Note, "", where,
        "no compile_commands.json found (use -p BUILD_DIR); parsing " + std::to_string(units.size()) +
            " C++ file" + (units.size() == 1 ? "" : "s") + " with -std=c++17" + shown));
  }
  if (units.empty()) {
    forgetAll();
    return;
  }
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());

  // With a cache: which units are as they were (command, files read), and which to parse.
  ScannedFiles scanned;
  size_t scannedSet = 0;
  std::vector<std::string> commands(units.size());
  std::vector<detail::ParsedUnit> results(units.size());
  std::vector<const detail::ParsedUnit *> reused(units.size(), nullptr);
  std::vector<size_t> pending;
  if (cache) {
    for (const auto &[path, file] : overlays)
      scanned.try_emplace(path, ScannedText{std::hash<std::string>{}(file->text), file->text.size()});
    std::string paths;
    for (const auto &entry : scanned) {
      paths += entry.first;
      paths += '\0';
    }
    scannedSet = std::hash<std::string>{}(paths);
    DependencyCheck check(scanned, displayPath);
    // The policy's table rows change what every unit yields.
    std::string tablesKey;
    for (const ExtensionRow &row : options.extensions) {
      tablesKey += row.table;
      for (const auto &[column, text] : row.cells)
        tablesKey += '\x1f' + column + '=' + text;
      tablesKey += '\x1e';
    }
    for (size_t i = 0; i < units.size(); ++i) {
      commands[i] = commandKey(*database, units[i]) + tablesKey;
      auto it = cache->entries_.find(units[i]);
      if (it == cache->entries_.end())
        continue;
      const UnitCache::Entry &entry = it->second;
      bool same = entry.unit.read && entry.command == commands[i] &&
                  (entry.unit.errors.count == 0 || entry.scannedSet == scannedSet);
      for (size_t d = 0; same && d < entry.unit.dependencies.size(); ++d)
        same = check.unchanged(entry.unit.dependencies[d]);
      if (same)
        reused[i] = &entry.unit;
    }
  }
  for (size_t i = 0; i < units.size(); ++i)
    if (!reused[i])
      pending.push_back(i);

  ExtractOptions extractOptions;
  extractOptions.displayPath = displayPath;
  std::optional<Tables> extended;
  if (!options.extensions.empty()) {
    extended = tablesWith(options.extensions, out.diagnostics);
    extractOptions.tables = &*extended;
  }

  std::atomic<size_t> next{0};
  auto worker = [&]() {
    // The scanned files' texts (what the driver read, an editor's unsaved buffer) over the disk,
    // built once per thread. The disk is a file system of the thread's own: ClangTool moves its
    // working directory to each compile command's, and the process's must stay where it is (a
    // shared one would be left wherever the last of several threads put it).
    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> files(new llvm::vfs::OverlayFileSystem(
        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(llvm::vfs::createPhysicalFileSystem().release())));
    llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memory(new llvm::vfs::InMemoryFileSystem);
    files->pushOverlay(memory);
    for (const auto &[path, file] : overlays)
      memory->addFile(path, 0, llvm::MemoryBuffer::getMemBuffer(file->text, path, /*RequiresNullTerminator=*/false));
    while (true) {
      size_t slot = next++;
      if (slot >= pending.size())
        return;
      size_t index = pending[slot];
      detail::ParsedUnit &unit = results[index];
      ErrorCollector errors(unit.errors);
      clang::tooling::ClangTool tool(*database, {units[index]}, std::make_shared<clang::PCHContainerOperations>(), files);
      tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
          // Few typo corrections: recovery from missing headers needs some, but on broken code
          // unbounded correction can take minutes per TU.
          {"-resource-dir=" CLOUDPACT_CLANG_RESOURCE_DIR, "-w", "-ferror-limit=0", "-fno-caret-diagnostics",
           "-fspell-checking-limit=5", "-Wno-unknown-warning-option"},
          clang::tooling::ArgumentInsertPosition::BEGIN));
      // A relative input in the command (resolved against its directory) is named by its
      // absolute path, as the relative search directories are (ExtractAction::BeginInvocation).
      tool.appendArgumentsAdjuster(
          [&unit = units[index]](const clang::tooling::CommandLineArguments &args, llvm::StringRef file) {
            if (file.empty() || llvm::sys::path::is_absolute(file))
              return args;
            clang::tooling::CommandLineArguments adjusted = args;
            for (auto &argument : adjusted)
              if (argument == file)
                argument = unit;
            return adjusted;
          });
      tool.setDiagnosticConsumer(&errors);
      tool.setPrintErrorMessage(false);
      std::vector<SeenFile> seen;
      ExtractActionFactory factory(extractOptions, unit.facts, unit.names, cache ? &seen : nullptr);
      tool.run(&factory);
      if (cache) {
        unit.read = !seen.empty();
        unit.dependencies = fingerprint(seen, scanned, displayPath);
      }
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(pending.size())));
  if (threads == 1) {
    if (!pending.empty())
      worker();
  } else {
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < threads; ++i)
      pool.emplace_back(worker);
    for (auto &thread : pool)
      thread.join();
  }

  // Merge in unit order, cached or not, so a cached run's output is an uncached run's.
  Facts merged;
  std::map<std::string, std::string> names;
  for (size_t i = 0; i < units.size(); ++i) {
    const detail::ParsedUnit *unit = reused[i];
    if (cache && unit) {
      ++cache->stats_.reused;
    } else if (cache) {
      ++cache->stats_.parsed;
      if (results[i].read) {
        UnitCache::Entry &entry = cache->entries_[units[i]];
        entry.command = std::move(commands[i]);
        entry.scannedSet = scannedSet;
        entry.unit = std::move(results[i]);
        unit = &entry.unit;
      } else {
        cache->entries_.erase(units[i]);
        unit = &results[i];
      }
    } else {
      unit = &results[i];
    }
    const detail::ClangErrors &errors = unit->errors;
    if (errors.count > 0) {
      SourceRange where;
      where.begin.file = displayPath(units[i]);
      if (!errors.file.empty()) {
        where.begin.file = displayPath(errors.file);
        where.begin.line = errors.line;
        where.begin.column = errors.column;
        where.begin.offset = errors.offset;
      }
      std::string count = std::to_string(errors.count) + " error" + (errors.count == 1 ? "" : "s");
      // A facts file is read elsewhere: its messages name the unit without a machine's path.
      std::string unitName = options.forFactsFile ? llvm::sys::path::filename(units[i]).str() : displayPath(units[i]);
      merged.diagnostics.push_back(makeDiagnostic(Level::Note, "", where,
                                                  "Clang reported " + count + " in " + unitName +
                                                      "; analysed what it recovered (first: " + errors.first + ")"));
    }
    if (cache) {
      Facts copy = unit->facts; // the cache keeps its own
      merged.append(std::move(copy));
    } else {
      merged.append(std::move(results[i].facts));
    }
    names.insert(unit->names.begin(), unit->names.end());
  }
  if (cache)
    for (auto it = cache->entries_.begin(); it != cache->entries_.end();)
      it = std::binary_search(units.begin(), units.end(), it->first) ? std::next(it) : cache->entries_.erase(it);
  if (!options.forFactsFile)
    tidy(merged, names);
  merged.symbolNames.insert(names.begin(), names.end());
  out.append(std::move(merged));
}

} // namespace cloudpact::cxx
