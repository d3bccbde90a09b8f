#pragma once
// The scanned files by display path, for reporters (source lines) and suppressions.
#include "Core/SourceFile.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace cloudpact {

class FileSet {
public:
  const SourceFile &add(SourceFile file);
  const SourceFile *find(const std::string &path) const;
  /// Line `line` (1-based) of `path` without its newline; empty if unknown.
  std::string_view line(const std::string &path, uint32_t line) const;
  const std::map<std::string, std::shared_ptr<const SourceFile>> &files() const { return files_; }

private:
  std::map<std::string, std::shared_ptr<const SourceFile>> files_;
};

} // namespace cloudpact
