#pragma once
#include <string>

namespace cloudpact {

/// A scanned file's contents. `path` is the display path used in every SourceLoc.
struct SourceFile {
  std::string path;
  std::string text;
};

/// Reads a whole regular file (binary-safe); false if it is not one or cannot be read.
bool readWholeFile(const std::string &path, std::string &text);

} // namespace cloudpact
