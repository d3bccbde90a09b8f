#pragma once
// Finding the files of a scan: respects .gitignore and .cloudpactignore (inside a git work
// tree also the repository's info/exclude and the .gitignore files above the scanned
// directory), skips hidden directories, never follows directory symlinks. Every file is read
// through ReadRoots (nothing outside the roots, no FIFOs or devices); an input that cannot be
// read whole is an input-not-analysed error, never a silent skip.
#include "Core/Diagnostic.h"
#include "Core/SourceFile.h"

#include <string>
#include <vector>

namespace cloudpact {

enum class FileKind { Terraform, Manifest, Cxx, Other };

struct WalkOptions {
  std::vector<std::string> roots;
  bool gitignore = true;
  size_t maxFileBytes = kMaxInputBytes;
};

struct DiscoveredFile {
  SourceFile file;
  FileKind kind = FileKind::Other;
};

/// What a path's name says it is (content decides later for manifests).
FileKind classifyPath(const std::string &path);

/// Walks the roots; files come back sorted by path. Problems become diagnostics.
std::vector<DiscoveredFile> discoverFiles(const WalkOptions &options, std::vector<Diagnostic> &diagnostics);

} // namespace cloudpact
