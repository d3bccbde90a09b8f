#include "Driver/Discover.h"

#include "Driver/Ignore.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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

std::string readAll(const fs::path &path, bool &ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::stringstream buffer;
  if (ok)
    buffer << in.rdbuf();
  return buffer.str();
}

struct Walker {
  const WalkOptions &options;
  std::vector<Diagnostic> &diagnostics;
  std::vector<DiscoveredFile> out;

  void addFile(const fs::path &path, const std::string &shown) {
    FileKind kind = classifyPath(shown);
    if (kind == FileKind::Other)
      return;
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec) {
      diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", fileRange(shown), "cannot read file: " + ec.message()));
      return;
    }
    if (size > options.maxFileBytes) {
      diagnostics.push_back(makeDiagnostic(Level::Note, "", fileRange(shown),
                                           "skipped: file is larger than " + std::to_string(options.maxFileBytes) + " bytes"));
      return;
    }
    bool ok = false;
    std::string text = readAll(path, ok);
    if (!ok) {
      diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", fileRange(shown), "cannot read file"));
      return;
    }
    if (text.find('\0') != std::string::npos) {
      diagnostics.push_back(makeDiagnostic(Level::Note, "", fileRange(shown), "skipped: binary file"));
      return;
    }
    out.push_back(DiscoveredFile{SourceFile{shown, std::move(text)}, kind});
  }

  void walkDirectory(const fs::path &root, const fs::path &dir, const std::string &relative, IgnoreRules rules) {
    if (options.gitignore) {
      for (const char *name : {".gitignore", ".cloudpactignore"}) {
        bool ok = false;
        fs::path ignoreFile = dir / name;
        std::error_code ec;
        if (!fs::is_regular_file(ignoreFile, ec))
          continue;
        std::string text = readAll(ignoreFile, ok);
        if (ok)
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
      } else if (entry.is_regular_file(statError)) {
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
  Walker walker{options, diagnostics, {}};
  for (const std::string &root : options.roots) {
    fs::path path(root);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", fileRange(root), "no such file or directory"));
      continue;
    }
    if (fs::is_directory(status))
      walker.walkDirectory(path, path, "", IgnoreRules());
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
