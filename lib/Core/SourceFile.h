#pragma once
// Source files and the one way cloudpact reads a file a scanned repository names.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudpact {

/// A scanned file's contents. `path` is the display path used in every SourceLoc.
struct SourceFile {
  std::string path;
  std::string text;
};

/// Reads a whole regular file (binary-safe); false if it is not one or cannot be read.
/// For files the user names; files a repository names go through ReadRoots::read.
bool readWholeFile(const std::string &path, std::string &text);

/// Files larger than this are not read (an error says so): the bound on any one input.
inline constexpr size_t kMaxInputBytes = 64 * 1024 * 1024;

/// Why a confined read gave no text.
enum class ReadRefusal {
  None,
  Missing,      // no such file
  NotRegular,   // a directory, FIFO, socket or device
  OutsideRoots, // resolves (through symbolic links) outside every root
  SystemPath,   // resolves into /proc, /sys or /dev
  TooLarge,     // over the size bound
  Unreadable,   // permissions, I/O errors
};

struct ReadOutcome {
  ReadRefusal refusal = ReadRefusal::None;
  std::string reason; // a phrase to follow the path: "is a FIFO, not a regular file"
  bool ok() const { return refusal == ReadRefusal::None; }
};

/// The directories a scan may read from: its roots, resolved. A repository under scan chooses
/// the paths inside it (file() arguments, module sources, symbolic links) but never gets a
/// byte from outside the roots, from the system's virtual trees or from anything that is not
/// a regular file.
class ReadRoots {
public:
  ReadRoots() = default;
  /// Each root is a directory, or a file whose directory becomes the root.
  explicit ReadRoots(const std::vector<std::string> &roots);
  void add(const std::string &root);
  bool empty() const { return resolved_.empty(); }
  const std::vector<std::string> &resolved() const { return resolved_; }

  /// Whether `path` resolves to a regular file (or, with `directory`, a directory) inside a
  /// root. A ReadRoots without roots admits nothing.
  ReadOutcome check(const std::string &path, bool directory = false) const;
  /// Reads the file `path` if check() admits it, at most `maxBytes`; a UTF-8 byte-order mark
  /// at the start is dropped (it is no part of the text any parser sees).
  ReadOutcome read(const std::string &path, std::string &text, size_t maxBytes = kMaxInputBytes) const;

private:
  ReadOutcome admit(const std::string &path, bool directory, std::string &resolved) const;
  std::vector<std::string> resolved_; // the roots, symbolic links resolved
  std::vector<std::string> given_;    // the roots as named and resolved, absolute: for messages
};

/// Drops a leading UTF-8 byte-order mark; true if there was one.
bool stripByteOrderMark(std::string &text);

/// The first byte of `text` a text parser would stumble over: a NUL, or a byte that is not
/// part of well-formed UTF-8.
struct EncodingProblem {
  size_t offset = 0;
  uint32_t line = 1;   // 1-based
  uint32_t column = 1; // 1-based, in bytes
  std::string what;    // "a NUL byte", "invalid UTF-8"
};
std::optional<EncodingProblem> findEncodingProblem(std::string_view text);

} // namespace cloudpact
