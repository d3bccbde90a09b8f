#pragma once
// .gitignore / .cloudpactignore patterns (gitignore syntax: negation, directory-only,
// anchored patterns, `**`), collected per directory while walking.
#include <memory>
#include <string>
#include <vector>

namespace re2 { class RE2; }

namespace cloudpact {

class IgnoreRules {
public:
  IgnoreRules();
  ~IgnoreRules();
  IgnoreRules(const IgnoreRules &);
  IgnoreRules &operator=(const IgnoreRules &);

  /// Adds the patterns of one ignore file found in `baseDir` (relative to the walk root, "" = root).
  void addFile(const std::string &baseDir, const std::string &text);
  /// `path` relative to the walk root, with '/' separators.
  bool ignored(const std::string &path, bool isDirectory) const;

private:
  struct Rule;
  std::vector<std::shared_ptr<Rule>> rules_;
};

} // namespace cloudpact
