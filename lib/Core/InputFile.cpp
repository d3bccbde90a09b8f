#include "Core/InputFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cloudpact {

namespace {

struct FileTypeName {
  mode_t type;
  const char *name;
};
constexpr FileTypeName kFileTypeNames[] = {
    {S_IFDIR, "a directory"},         {S_IFIFO, "a FIFO"},           {S_IFSOCK, "a socket"},
    {S_IFCHR, "a character device"}, {S_IFBLK, "a block device"}, {S_IFLNK, "a symbolic link"},
};

std::string typeName(mode_t mode) {
  for (const FileTypeName &row : kFileTypeNames)
    if ((mode & S_IFMT) == row.type)
      return row.name;
  return "not a file";
}

std::string statProblem(const struct stat &info, size_t maxBytes) {
  if (!S_ISREG(info.st_mode))
    return "not a regular file (" + typeName(info.st_mode) + ")";
  if (static_cast<unsigned long long>(info.st_size) > maxBytes)
    return formatByteSize(static_cast<size_t>(info.st_size)) + ", more than the limit of " + formatByteSize(maxBytes);
  return {};
}

} // namespace

std::string formatByteSize(size_t bytes) {
  // Exact or not at all: "64.0 MiB is larger than the 64 MiB limit" would read as a contradiction.
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0)
    return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::string inputFileProblem(const std::string &path, size_t maxBytes) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    return std::strerror(errno);
  return statProblem(info, maxBytes);
}

bool readInputFile(const std::string &path, size_t maxBytes, std::string &text, std::string &error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    error = path + ": " + std::strerror(errno);
    ::close(fd);
    return false;
  }
  if (std::string problem = statProblem(info, maxBytes); !problem.empty()) {
    error = path + ": " + problem;
    ::close(fd);
    return false;
  }
  text.reserve(static_cast<size_t>(info.st_size));
  DescriptorRead outcome = readDescriptor(fd, maxBytes, text);
  if (outcome == DescriptorRead::Failed)
    error = path + ": " + std::strerror(errno);
  else if (outcome == DescriptorRead::TooLarge)
    error = path + ": more than the limit of " + formatByteSize(maxBytes);
  ::close(fd);
  return outcome == DescriptorRead::Complete;
}

DescriptorRead readDescriptor(int fd, size_t maxBytes, std::string &text) {
  text.clear();
  char buffer[1 << 16];
  for (;;) {
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      int saved = errno;
      text.clear();
      errno = saved;
      return DescriptorRead::Failed;
    }
    if (got == 0)
      return DescriptorRead::Complete;
    if (text.size() + static_cast<size_t>(got) > maxBytes) { // the size changed while being read
      text.clear();
      return DescriptorRead::TooLarge;
    }
    text.append(buffer, static_cast<size_t>(got));
  }
}

bool readInputStream(std::istream &in, size_t maxBytes, std::string &text) {
  text.clear();
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    size_t got = static_cast<size_t>(in.gcount());
    if (text.size() + got > maxBytes) {
      text.append(buffer, maxBytes - text.size());
      return false;
    }
    text.append(buffer, got);
  }
  return true;
}

} // namespace cloudpact
