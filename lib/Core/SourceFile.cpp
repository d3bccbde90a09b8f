#include "Core/SourceFile.h"

#include "Core/InputFile.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cloudpact {

namespace {

// The kernel's virtual trees: their "files" are the process's environment, memory and devices.
const std::string_view kSystemTrees[] = {"/proc", "/sys", "/dev"};

struct FileType {
  mode_t type;
  std::string_view name;
};
const FileType kFileTypes[] = {
    {S_IFDIR, "a directory"}, {S_IFIFO, "a FIFO"},   {S_IFSOCK, "a socket"},
    {S_IFCHR, "a device"},    {S_IFBLK, "a device"},
};

std::string_view typeName(mode_t mode) {
  for (const FileType &type : kFileTypes)
    if ((mode & S_IFMT) == type.type)
      return type.name;
  return "not a regular file";
}

bool isUnder(std::string_view path, std::string_view dir) {
  if (dir == "/")
    return !path.empty() && path[0] == '/';
  return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

/// The path with every symbolic link resolved; empty (and `error` set) when it cannot be.
std::string resolve(const std::string &path, int &error) {
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
  if (!real) {
    error = errno;
    return {};
  }
  return real.get();
}

std::string lexicalAbsolute(const std::string &path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().generic_string();
}

ReadOutcome refuse(ReadRefusal refusal, std::string reason) { return ReadOutcome{refusal, std::move(reason)}; }

} // namespace

ReadRoots::ReadRoots(const std::vector<std::string> &roots) {
  for (const std::string &root : roots)
    add(root);
}

void ReadRoots::add(const std::string &root) {
  std::error_code ec;
  fs::path dir = root.empty() ? fs::path(".") : fs::path(root);
  if (!fs::is_directory(dir, ec)) {
    dir = dir.parent_path();
    if (dir.empty())
      dir = ".";
  }
  int error = 0;
  std::string resolved = resolve(dir.string(), error);
  if (resolved.empty())
    return;
  for (std::string known : {resolved, lexicalAbsolute(dir.string())})
    if (std::find(given_.begin(), given_.end(), known) == given_.end())
      given_.push_back(known);
  if (std::find(resolved_.begin(), resolved_.end(), resolved) == resolved_.end())
    resolved_.push_back(std::move(resolved));
}

ReadOutcome ReadRoots::check(const std::string &path, bool directory) const {
  std::string resolved;
  return admit(path, directory, resolved);
}

ReadOutcome ReadRoots::admit(const std::string &path, bool directory, std::string &resolved) const {
  int error = 0;
  resolved = resolve(path, error);
  if (resolved.empty())
    return error == ENOENT || error == ENOTDIR ? refuse(ReadRefusal::Missing, "does not exist")
                                               : refuse(ReadRefusal::Unreadable, std::string("cannot be read: ") + std::strerror(error));
  struct stat linkInfo{};
  bool isLink = ::lstat(path.c_str(), &linkInfo) == 0 && S_ISLNK(linkInfo.st_mode);
  std::string lexical = lexicalAbsolute(path);
  bool lexicallyInside = std::any_of(given_.begin(), given_.end(), [&](const std::string &root) { return isUnder(lexical, root); });
  for (std::string_view tree : kSystemTrees)
    if (isUnder(resolved, tree))
      return refuse(ReadRefusal::SystemPath, std::string(isLink || lexicallyInside ? "leads into " : "is in ") +
                                                 std::string(tree) + ", which is never read");
  bool inside = std::any_of(resolved_.begin(), resolved_.end(), [&](const std::string &root) { return isUnder(resolved, root); });
  if (!inside)
    return refuse(ReadRefusal::OutsideRoots, lexicallyInside ? "is a symbolic link that leads outside the scanned tree"
                                                             : "is outside the scanned tree");
  struct stat info{};
  if (::stat(resolved.c_str(), &info) != 0)
    return refuse(ReadRefusal::Unreadable, std::string("cannot be read: ") + std::strerror(errno));
  bool wanted = directory ? S_ISDIR(info.st_mode) : S_ISREG(info.st_mode);
  if (!wanted)
    return refuse(ReadRefusal::NotRegular, "is " + std::string(typeName(info.st_mode)) +
                                               (directory ? ", not a directory" : ", not a regular file"));
  return {};
}

ReadOutcome ReadRoots::read(const std::string &path, std::string &text, size_t maxBytes) const {
  text.clear();
  std::string resolved;
  if (ReadOutcome admitted = admit(path, false, resolved); !admitted.ok())
    return admitted;
  // The resolved path, not followed again: should it have changed since admit() (a FIFO, a
  // link), opening it neither waits nor leaves the roots.
  int fd = ::open(resolved.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW);
  if (fd < 0)
    return refuse(ReadRefusal::Unreadable, std::string("cannot be read: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info{};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode))
    return refuse(ReadRefusal::NotRegular, "is " + std::string(typeName(info.st_mode)) + ", not a regular file");
  if (static_cast<unsigned long long>(info.st_size) > maxBytes)
    return refuse(ReadRefusal::TooLarge, "is larger than the " + formatByteSize(maxBytes) + " limit");
  text.reserve(static_cast<size_t>(info.st_size));
  switch (readDescriptor(fd, maxBytes, text)) {
  case DescriptorRead::Failed:
    return refuse(ReadRefusal::Unreadable, std::string("cannot be read: ") + std::strerror(errno));
  case DescriptorRead::TooLarge: // grew while being read
    return refuse(ReadRefusal::TooLarge, "is larger than the " + formatByteSize(maxBytes) + " limit");
  case DescriptorRead::Complete:
    break;
  }
  stripByteOrderMark(text);
  return {};
}

bool stripByteOrderMark(std::string &text) {
  if (text.rfind("\xEF\xBB\xBF", 0) != 0)
    return false;
  text.erase(0, 3);
  return true;
}

std::optional<EncodingProblem> findEncodingProblem(std::string_view text) {
  uint32_t line = 1;
  size_t lineStart = 0;
  auto problem = [&](size_t offset, const char *what) {
    return EncodingProblem{offset, line, static_cast<uint32_t>(offset - lineStart + 1), what};
  };
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++line;
      lineStart = ++i;
      continue;
    }
    if (byte == 0)
      return problem(i, "a NUL byte");
    if (byte < 0x80) {
      ++i;
      continue;
    }
    // Well-formed UTF-8 (Unicode 15, table 3-7): lead byte, then continuation bytes whose
    // first one has a narrower range for E0, ED, F0 and F4 (no overlongs, no surrogates).
    size_t length = byte >= 0xC2 && byte <= 0xDF ? 2 : byte >= 0xE0 && byte <= 0xEF ? 3 : byte >= 0xF0 && byte <= 0xF4 ? 4 : 0;
    unsigned char low = byte == 0xE0 ? 0xA0 : byte == 0xF0 ? 0x90 : 0x80;
    unsigned char high = byte == 0xED ? 0x9F : byte == 0xF4 ? 0x8F : 0xBF;
    bool valid = length != 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      valid = k == 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xBF;
    }
    if (!valid)
      return problem(i, "invalid UTF-8");
    i += length;
  }
  return std::nullopt;
}

} // namespace cloudpact
