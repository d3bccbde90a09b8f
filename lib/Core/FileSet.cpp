#include "Core/FileSet.h"

namespace cloudpact {

const SourceFile &FileSet::add(SourceFile file) {
  auto shared = std::make_shared<const SourceFile>(std::move(file));
  auto &slot = files_[shared->path];
  slot = shared;
  return *slot;
}

const SourceFile *FileSet::find(const std::string &path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : it->second.get();
}

std::string_view FileSet::line(const std::string &path, uint32_t line) const {
  const SourceFile *file = find(path);
  if (!file || line == 0)
    return {};
  std::string_view text = file->text;
  size_t pos = 0;
  for (uint32_t current = 1; current < line; ++current) {
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos)
      return {};
    ++pos;
  }
  size_t end = text.find('\n', pos);
  std::string_view result = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
  if (!result.empty() && result.back() == '\r')
    result.remove_suffix(1);
  return result;
}

} // namespace cloudpact
