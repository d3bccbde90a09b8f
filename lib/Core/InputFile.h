#pragma once
// Reading what the user names on the command line (a policy, a baseline, var and facts files,
// stdin): only regular files, checked before anything is opened that could block (a FIFO) or
// never end (/dev/zero), and never more than a stated number of bytes.
#include <cstddef>
#include <istream>
#include <string>

namespace cloudpact {

/// Why `path` cannot be read as an input of at most `maxBytes` ("" if it can): "No such file or
/// directory", "not a regular file (a FIFO)", "9 MiB, more than the limit of 8 MiB". Looks with
/// stat only.
std::string inputFileProblem(const std::string &path, size_t maxBytes);

/// Reads the regular file `path`, at most `maxBytes`. The file is opened without blocking and
/// checked with fstat before a byte is read, so a FIFO or device swapped in after a check is
/// refused too. False with `error` ("<path>: not a regular file (a FIFO)").
bool readInputFile(const std::string &path, size_t maxBytes, std::string &text, std::string &error);

/// How reading an open descriptor ended.
enum class DescriptorRead { Complete, TooLarge, Failed }; // Failed: errno says why

/// Reads `fd` from where it stands to its end into `text` (replacing it), never holding more
/// than `maxBytes`: a file that grows past the limit while it is read is TooLarge, not cut.
DescriptorRead readDescriptor(int fd, size_t maxBytes, std::string &text);

/// Reads `in` to its end, but no more than `maxBytes`: false (text incomplete) if it holds more.
bool readInputStream(std::istream &in, size_t maxBytes, std::string &text);

/// "8 MiB", "512 KiB", "67108865 bytes": sizes and limits as messages state them, exactly.
std::string formatByteSize(size_t bytes);

} // namespace cloudpact
