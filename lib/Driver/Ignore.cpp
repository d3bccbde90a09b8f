#include "Driver/Ignore.h"

#include <re2/re2.h>

namespace cloudpact {

struct IgnoreRules::Rule {
  std::string baseDir;
  bool negate = false;
  bool directoryOnly = false;
  std::unique_ptr<RE2> regex;
};

IgnoreRules::IgnoreRules() = default;
IgnoreRules::~IgnoreRules() = default;
IgnoreRules::IgnoreRules(const IgnoreRules &) = default;
IgnoreRules &IgnoreRules::operator=(const IgnoreRules &) = default;

namespace {
std::string globToRegex(const std::string &glob) {
  std::string out;
  for (size_t i = 0; i < glob.size(); ++i) {
    char c = glob[i];
    if (c == '*' && i + 1 < glob.size() && glob[i + 1] == '*') {
      bool slashAfter = i + 2 < glob.size() && glob[i + 2] == '/';
      if (slashAfter) {
        out += "(?:.*/)?";
        i += 2;
      } else {
        out += ".*";
        i += 1;
      }
    } else if (c == '*') {
      out += "[^/]*";
    } else if (c == '?') {
      out += "[^/]";
    } else if (c == '[') {
      size_t close = glob.find(']', i + 1);
      if (close == std::string::npos) {
        out += "\\[";
      } else {
        std::string cls = glob.substr(i + 1, close - i - 1);
        if (!cls.empty() && cls[0] == '!')
          cls[0] = '^';
        out += "[" + cls + "]";
        i = close;
      }
    } else if (c == '\\' && i + 1 < glob.size()) {
      out += RE2::QuoteMeta(std::string(1, glob[++i]));
    } else {
      out += RE2::QuoteMeta(std::string(1, c));
    }
  }
  return out;
}
} // namespace

void IgnoreRules::addFile(const std::string &baseDir, const std::string &text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? text.size() : end + 1;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t') && !(line.size() >= 2 && line[line.size() - 2] == '\\'))
      line.pop_back();
    if (line.empty() || line[0] == '#')
      continue;
    auto rule = std::make_shared<Rule>();
    rule->baseDir = baseDir;
    if (line[0] == '!') {
      rule->negate = true;
      line.erase(0, 1);
    } else if (line[0] == '\\') {
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      rule->directoryOnly = true;
      line.pop_back();
    }
    if (line.empty())
      continue;
    bool anchored = line.find('/') != std::string::npos;
    if (line[0] == '/')
      line.erase(0, 1);
    std::string regex = anchored ? globToRegex(line) : "(?:.*/)?" + globToRegex(line);
    rule->regex = std::make_unique<RE2>(regex);
    if (rule->regex->ok())
      rules_.push_back(std::move(rule));
  }
}

bool IgnoreRules::ignored(const std::string &path, bool isDirectory) const {
  bool result = false;
  for (const auto &rule : rules_) {
    if (rule->directoryOnly && !isDirectory)
      continue;
    std::string relative;
    if (rule->baseDir.empty()) {
      relative = path;
    } else if (path.size() > rule->baseDir.size() && path.compare(0, rule->baseDir.size(), rule->baseDir) == 0 &&
               path[rule->baseDir.size()] == '/') {
      relative = path.substr(rule->baseDir.size() + 1);
    } else {
      continue;
    }
    if (RE2::FullMatch(relative, *rule->regex))
      result = !rule->negate;
  }
  return result;
}

} // namespace cloudpact
