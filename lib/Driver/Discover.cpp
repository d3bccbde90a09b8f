#include "Driver/Discover.h"

#include "Core/SourceFile.h"
#include "Driver/Ignore.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace cloudpact {

namespace {

bool endsWith(const std::string &text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct Suffix {
  std::string_view suffix;
  FileKind kind;
};

// Longest suffixes first: ".tf.json" is Terraform, ".json" a manifest candidate.
const Suffix kSuffixes[] = {
    {".tf.json", FileKind::Terraform}, {".tfvars.json", FileKind::Terraform}, {".tf", FileKind::Terraform},
    {".tfvars", FileKind::Terraform},  {".yaml", FileKind::Manifest},         {".yml", FileKind::Manifest},
    {".json", FileKind::Manifest},     {".cpp", FileKind::Cxx},               {".cc", FileKind::Cxx},
    {".cxx", FileKind::Cxx},           {".c++", FileKind::Cxx},               {".h", FileKind::Cxx},
    {".hh", FileKind::Cxx},            {".hpp", FileKind::Cxx},               {".hxx", FileKind::Cxx},
};

// Files with those suffixes that are never inputs.
const std::string_view kIgnoredNames[] = {".cloudpact.yaml", ".cloudpact.yml", "package.json",
                                          "package-lock.json", "compile_commands.json", "tsconfig.json",
                                          ".pre-commit-hooks.yaml", ".pre-commit-config.yaml"};

std::string displayPath(const fs::path &path) {
  std::string text = path.lexically_normal().generic_string();
  while (text.rfind("./", 0) == 0)
    text.erase(0, 2);
  return text.empty() ? "." : text;
}

SourceRange fileRange(const std::string &path) { return SourceRange{SourceLoc{path, 0, 0, 0}, {}}; }

/// The git directory of the work tree whose top is `top`: `top/.git`, or where a `.git` file
/// (worktrees, submodules) points.
fs::path gitDirectory(const fs::path &top) {
  fs::path dotGit = top / ".git";
  std::error_code ec;
  if (fs::is_directory(dotGit, ec))
    return dotGit;
  std::string text;
  const std::string_view prefix = "gitdir:";
  if (!readWholeFile(dotGit.string(), text) || text.rfind(prefix, 0) != 0)
    return {};
  std::string target = text.substr(prefix.size());
  target.erase(0, target.find_first_not_of(" \t"));
  target.erase(target.find_last_not_of(" \t\r\n") + 1);
  fs::path dir(target);
  return dir.is_relative() ? top / dir : dir;
}

/// What git ignores above a walk root inside a work tree: `info/exclude` of the repository and
/// the .gitignore files from the top of the work tree down to the root's parent (the root's own
/// are read by the walk). `relative` receives the root's path from the top ("" for the top or
/// outside any work tree), the prefix under which the walk matches paths.
IgnoreRules enclosingRules(const fs::path &root, std::string &relative) {
  IgnoreRules rules;
  relative.clear();
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(root, ec), ec);
  if (ec)
    return rules;
  fs::path top;
  for (fs::path dir = absolute;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      top = dir;
      break;
    }
    if (dir == dir.parent_path())
      return rules;
  }
  if (fs::path gitDir = gitDirectory(top); !gitDir.empty()) {
    if (std::string text; readWholeFile((gitDir / "info" / "exclude").string(), text))
      rules.addFile("", text);
  }
  fs::path below = absolute.lexically_relative(top);
  if (below.empty() || below == ".")
    return rules;
  relative = below.generic_string();
  std::string base;
  fs::path dir = top;
  for (const fs::path &part : below) {
    if (std::string text; readWholeFile((dir / ".gitignore").string(), text))
      rules.addFile(base, text);
    dir /= part;
    base = base.empty() ? part.generic_string() : base + "/" + part.generic_string();
  }
  return rules;
}

struct Walker {
  const WalkOptions &options;
  std::vector<Diagnostic> &diagnostics;
  ReadRoots roots;
  std::vector<DiscoveredFile> out;

  void addFile(const fs::path &path, const std::string &shown) {
    FileKind kind = classifyPath(shown);
    if (kind == FileKind::Other)
      return;
    std::string text;
    if (ReadOutcome read = roots.read(path.string(), text, options.maxFileBytes); !read.ok()) {
      diagnostics.push_back(makeDiagnostic(Level::Error, "input-not-analysed", fileRange(shown),
                                           "not analysed: the file " + read.reason));
      return;
    }
    // Text a parser may stumble over is still analysed. A NUL, which parsers take for the
    // end of the input, is read as a space: every position stays where it was.
    if (auto problem = findEncodingProblem(text)) {
      SourceLoc at{shown, problem->line, problem->column, static_cast<uint32_t>(problem->offset)};
      bool nul = text[problem->offset] == '\0';
      diagnostics.push_back(makeDiagnostic(Level::Warning, "parse-error", SourceRange{at, at},
                                           problem->what + (nul ? " (read as a space)" : "") +
                                               "; the file is analysed as text"));
      std::replace(text.begin(), text.end(), '\0', ' ');
    }
    out.push_back(DiscoveredFile{SourceFile{shown, std::move(text)}, kind});
  }

  void walkDirectory(const fs::path &root, const fs::path &dir, const std::string &relative, IgnoreRules rules) {
    if (options.gitignore) {
      for (const char *name : {".gitignore", ".cloudpactignore"}) {
        if (std::string text; roots.read((dir / name).string(), text).ok())
          rules.addFile(relative, text);
      }
    }
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", fileRange(displayPath(dir)),
                                           "cannot read directory: " + ec.message()));
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec)
        break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.path() < b.path(); });
    for (const auto &entry : entries) {
      std::string name = entry.path().filename().string();
      std::string childRelative = relative.empty() ? name : relative + "/" + name;
      std::error_code statError;
      bool isSymlink = entry.is_symlink(statError);
      bool isDirectory = entry.is_directory(statError);
      if (isDirectory) {
        if (isSymlink || name == ".git" || name == "node_modules" || (name.size() > 1 && name[0] == '.'))
          continue; // directory symlinks are not followed: no loops, no escaping the tree
        if (rules.ignored(childRelative, true))
          continue;
        walkDirectory(root, entry.path(), childRelative, rules);
      } else {
        // Not only regular files: a FIFO or a link out of the tree with an input's name is
        // refused with an error, not passed over.
        if (rules.ignored(childRelative, false))
          continue;
        addFile(entry.path(), displayPath(entry.path()));
      }
    }
  }
};

} // namespace

FileKind classifyPath(const std::string &path) {
  std::string name = fs::path(path).filename().string();
  for (std::string_view ignored : kIgnoredNames)
    if (name == ignored)
      return FileKind::Other;
  for (const Suffix &suffix : kSuffixes)
    if (endsWith(name, suffix.suffix))
      return suffix.kind;
  return FileKind::Other;
}

std::vector<DiscoveredFile> discoverFiles(const WalkOptions &options, std::vector<Diagnostic> &diagnostics) {
  Walker walker{options, diagnostics, ReadRoots(options.roots), {}};
  for (const std::string &root : options.roots) {
    fs::path path(root);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", fileRange(root), "no such file or directory"));
      continue;
    }
    if (fs::is_directory(status)) {
      std::string relative;
      IgnoreRules rules = options.gitignore ? enclosingRules(path, relative) : IgnoreRules();
      walker.walkDirectory(path, path, relative, std::move(rules));
    }
    else
      walker.addFile(path, displayPath(path));
  }
  auto &files = walker.out;
  std::sort(files.begin(), files.end(), [](const auto &a, const auto &b) { return a.file.path < b.file.path; });
  files.erase(std::unique(files.begin(), files.end(), [](const auto &a, const auto &b) { return a.file.path == b.file.path; }),
              files.end());
  return std::move(files);
}

} // namespace cloudpact
