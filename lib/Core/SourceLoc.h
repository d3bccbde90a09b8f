#pragma once
// Positions in scanned files. Lines and columns are 1-based; columns count bytes.
#include <compare>
#include <cstdint>
#include <string>

namespace cloudpact {

struct SourceLoc {
  std::string file;  // path as shown to the user (relative to the working directory when possible)
  uint32_t line = 0; // 0 means "no position" (whole file or built-in)
  uint32_t column = 0;
  uint32_t offset = 0; // byte offset in the file

  bool valid() const { return line != 0; }
  auto operator<=>(const SourceLoc &) const = default;
};

struct SourceRange {
  SourceLoc begin;
  SourceLoc end; // exclusive; end.line == 0 means "same as begin"

  const std::string &file() const { return begin.file; }
  bool valid() const { return begin.valid(); }
  auto operator<=>(const SourceRange &) const = default;
};

/// "file:line:col" (or just "file" without a position).
std::string formatLoc(const SourceLoc &loc);

} // namespace cloudpact
