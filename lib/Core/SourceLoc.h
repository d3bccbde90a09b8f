#pragma once
// Positions in scanned files. Lines and columns are 1-based; columns count bytes.
#include <compare>
#include <cstdint>
#include <string>

namespace cloudpact {

/// A file's display path, interned: every position in a file shares one copy of its path
/// (a large manifest has millions of positions). Compares and converts like a std::string.
class FileName {
public:
  FileName() : path_(&nothing()) {}
  FileName(const std::string &path) : path_(intern(path)) {}
  FileName(const char *path) : path_(intern(path)) {}

  const std::string &str() const { return *path_; }
  operator const std::string &() const { return *path_; }
  bool empty() const { return path_->empty(); }
  size_t size() const { return path_->size(); }
  const char *c_str() const { return path_->c_str(); }

  bool operator==(const FileName &other) const { return path_ == other.path_; }
  std::strong_ordering operator<=>(const FileName &other) const {
    if (path_ == other.path_)
      return std::strong_ordering::equal;
    int c = path_->compare(*other.path_);
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }
  friend bool operator==(const FileName &a, const std::string &b) { return *a.path_ == b; }
  friend bool operator==(const FileName &a, const char *b) { return *a.path_ == b; }
  friend std::string operator+(const FileName &a, const std::string &b) { return *a.path_ + b; }
  friend std::string operator+(const std::string &a, const FileName &b) { return a + *b.path_; }
  friend std::string operator+(const FileName &a, const char *b) { return *a.path_ + b; }
  friend std::string operator+(const char *a, const FileName &b) { return a + *b.path_; }

private:
  static const std::string &nothing();
  static const std::string *intern(const std::string &path);
  const std::string *path_;
};

struct SourceLoc {
  FileName file;     // path as shown to the user (relative to the working directory when possible)
  uint32_t line = 0; // 0 means "no position" (whole file or built-in)
  uint32_t column = 0;
  uint32_t offset = 0; // byte offset in the file

  bool valid() const { return line != 0; }
  auto operator<=>(const SourceLoc &) const = default;
};

struct SourceRange {
  SourceLoc begin;
  SourceLoc end; // exclusive; end.line == 0 means "same as begin"

  const std::string &file() const { return begin.file.str(); }
  bool valid() const { return begin.valid(); }
  auto operator<=>(const SourceRange &) const = default;
};

/// "file:line:col" (or just "file" without a position).
std::string formatLoc(const SourceLoc &loc);

} // namespace cloudpact
