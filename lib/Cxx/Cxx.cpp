// The C++ frontend's driver: finds the compile database (or makes default commands), parses each
// translation unit with Clang, runs the extractor on it, and tidies the merged facts.
#include "Cxx/Cxx.h"

#include "Cxx/Extract.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
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
#include <map>
#include <mutex>
#include <set>
#include <thread>

#ifndef CLOUDPACT_CLANG_RESOURCE_DIR
#define CLOUDPACT_CLANG_RESOURCE_DIR "/usr/lib/llvm-19/lib/clang/19"
#endif

namespace cloudpact::cxx {

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
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic &info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error)
      return;
    ++errors;
    if (!first.empty())
      return;
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    first = text.str().str();
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      const clang::SourceManager &sm = info.getSourceManager();
      clang::SourceLocation location = sm.getFileLoc(info.getLocation());
      clang::FileID file = sm.getFileID(location);
      if (auto entry = sm.getFileEntryRefForID(file)) {
        firstFile = absolutePath(entry->getName().str());
        unsigned offset = sm.getFileOffset(location);
        firstLine = sm.getLineNumber(file, offset);
        firstColumn = sm.getColumnNumber(file, offset);
        firstOffset = offset;
      }
    }
  }

  unsigned errors = 0;
  std::string first, firstFile;
  unsigned firstLine = 0, firstColumn = 0, firstOffset = 0;
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
  ExtractAction(const ExtractOptions &options, Facts &facts, std::map<std::string, std::string> &names)
      : options_(options), facts_(facts), names_(names) {}

protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<ExtractConsumer>(options_, facts_, names_);
  }

  bool BeginSourceFileAction(clang::CompilerInstance &ci) override {
    // A missing SDK header is an error, not the end of the TU: later includes and the code
    // that uses the SDK are still parsed, and the extractor recovers calls by name.
    clang::DiagnosticsEngine &diags = ci.getDiagnostics();
    diags.setSeverity(clang::diag::err_pp_file_not_found, clang::diag::Severity::Error, clang::SourceLocation());
    diags.setErrorLimit(0);
    return true;
  }

private:
  const ExtractOptions &options_;
  Facts &facts_;
  std::map<std::string, std::string> &names_;
};

class ExtractActionFactory : public clang::tooling::FrontendActionFactory {
public:
  ExtractActionFactory(const ExtractOptions &options, Facts &facts, std::map<std::string, std::string> &names)
      : options_(options), facts_(facts), names_(names) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<ExtractAction>(options_, facts_, names_);
  }

private:
  const ExtractOptions &options_;
  Facts &facts_;
  std::map<std::string, std::string> &names_;
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

struct Unit {
  std::string path; // absolute
  Facts facts;
  std::map<std::string, std::string> names;
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

void analyze(const std::vector<const SourceFile *> &files, const Options &options, Facts &out) {
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
  auto displayPath = [&display, cwd](const std::string &absolute) -> std::string {
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

  // The compile database, or default commands.
  std::unique_ptr<clang::tooling::CompilationDatabase> database;
  std::string databaseDir = findDatabaseDirectory(options);
  if (!databaseDir.empty()) {
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
      if (!options.buildDir.empty())
        return;
    }
  }
  if (database) {
    if (units.empty() && files.empty())
      for (const auto &file : database->getAllFiles())
        units.push_back(absolutePath(file));
    database = clang::tooling::inferMissingCompileCommands(std::move(database));
  } else {
    if (units.empty())
      return;
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
  if (units.empty())
    return;
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());

  ExtractOptions extractOptions;
  extractOptions.displayPath = displayPath;

  std::vector<Unit> results(units.size());
  std::vector<std::unique_ptr<ErrorCollector>> errors(units.size());
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    // The scanned files' texts (what the driver read, an editor's unsaved buffer) over the disk,
    // built once per thread.
    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> files(
        new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
    llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memory(new llvm::vfs::InMemoryFileSystem);
    files->pushOverlay(memory);
    for (const auto &[path, file] : overlays)
      memory->addFile(path, 0, llvm::MemoryBuffer::getMemBuffer(file->text, path, /*RequiresNullTerminator=*/false));
    while (true) {
      size_t index = next++;
      if (index >= units.size())
        return;
      Unit &unit = results[index];
      unit.path = units[index];
      errors[index] = std::make_unique<ErrorCollector>();
      clang::tooling::ClangTool tool(*database, {unit.path}, std::make_shared<clang::PCHContainerOperations>(), files);
      tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
          // Few typo corrections: recovery from missing headers needs some, but on broken code
          // unbounded correction can take minutes per TU.
          {"-resource-dir=" CLOUDPACT_CLANG_RESOURCE_DIR, "-w", "-ferror-limit=0", "-fno-caret-diagnostics",
           "-fspell-checking-limit=5", "-Wno-unknown-warning-option"},
          clang::tooling::ArgumentInsertPosition::BEGIN));
      tool.setDiagnosticConsumer(errors[index].get());
      tool.setPrintErrorMessage(false);
      ExtractActionFactory factory(extractOptions, unit.facts, unit.names);
      tool.run(&factory);
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(units.size())));
  if (threads == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < threads; ++i)
      pool.emplace_back(worker);
    for (auto &thread : pool)
      thread.join();
  }

  Facts merged;
  std::map<std::string, std::string> names;
  for (size_t i = 0; i < results.size(); ++i) {
    Unit &unit = results[i];
    const ErrorCollector &collector = *errors[i];
    if (collector.errors > 0) {
      SourceRange where;
      where.begin.file = displayPath(unit.path);
      if (!collector.firstFile.empty()) {
        where.begin.file = displayPath(collector.firstFile);
        where.begin.line = collector.firstLine;
        where.begin.column = collector.firstColumn;
        where.begin.offset = collector.firstOffset;
      }
      std::string count = std::to_string(collector.errors) + " error" + (collector.errors == 1 ? "" : "s");
      merged.diagnostics.push_back(makeDiagnostic(Level::Note, "", where,
                                                  "Clang reported " + count + " in " + displayPath(unit.path) +
                                                      "; analysed what it recovered (first: " + collector.first + ")"));
    }
    merged.append(std::move(unit.facts));
    names.insert(unit.names.begin(), unit.names.end());
  }
  tidy(merged, names);
  out.append(std::move(merged));
}

} // namespace cloudpact::cxx
