#include "Analysis/Suppressions.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>

namespace cloudpact {

namespace {

constexpr std::string_view kMarker = "cloudpact: ignore[";

bool insideComment(std::string_view before) {
  return before.find('#') != std::string_view::npos || before.find("//") != std::string_view::npos ||
         before.find("/*") != std::string_view::npos;
}

std::string trim(std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r");
  if (b == std::string_view::npos)
    return {};
  size_t e = text.find_last_not_of(" \t\r");
  return std::string(text.substr(b, e - b + 1));
}

bool validDate(const std::string &date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-')
    return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(date[i])))
      return false;
  return true;
}

std::string currentDate() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

} // namespace

std::vector<Suppression> findSuppressions(const std::string &path, std::string_view text,
                                          std::vector<Diagnostic> &problems) {
  std::vector<Suppression> out;
  size_t lineStart = 0;
  uint32_t line = 1;
  while (lineStart <= text.size()) {
    size_t lineEnd = text.find('\n', lineStart);
    std::string_view lineText = text.substr(lineStart, lineEnd == std::string_view::npos ? std::string_view::npos : lineEnd - lineStart);
    size_t at = lineText.find(kMarker);
    if (at != std::string_view::npos && insideComment(lineText.substr(0, at))) {
      Suppression s;
      s.range.begin = SourceLoc{path, line, static_cast<uint32_t>(at + 1), static_cast<uint32_t>(lineStart + at)};
      s.range.end = SourceLoc{path, line, static_cast<uint32_t>(lineText.size() + 1), static_cast<uint32_t>(lineStart + lineText.size())};
      size_t open = at + kMarker.size();
      size_t close = lineText.find(']', open);
      if (close == std::string_view::npos) {
        problems.push_back(makeDiagnostic(Level::Warning, "", s.range, "malformed suppression: missing ']'"));
      } else {
        std::string_view ids = lineText.substr(open, close - open);
        size_t start = 0;
        while (start <= ids.size()) {
          size_t comma = ids.find(',', start);
          std::string id = trim(ids.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
          if (!id.empty())
            s.rules.push_back(id);
          if (comma == std::string_view::npos)
            break;
          start = comma + 1;
        }
        std::string rest = trim(lineText.substr(close + 1));
        // Comment closers are not part of the reason.
        for (std::string_view closer : {"*/", "-->"})
          if (rest.size() >= closer.size() && rest.compare(rest.size() - closer.size(), closer.size(), closer) == 0)
            rest = trim(rest.substr(0, rest.size() - closer.size()));
        if (rest.rfind("until=", 0) == 0) {
          size_t space = rest.find(' ');
          s.until = rest.substr(6, space == std::string::npos ? std::string::npos : space - 6);
          rest = space == std::string::npos ? std::string() : trim(rest.substr(space + 1));
          if (!validDate(s.until)) {
            problems.push_back(makeDiagnostic(Level::Warning, "", s.range,
                                              "suppression expiry '" + s.until + "' is not a date (YYYY-MM-DD)"));
            s.until.clear();
          }
        }
        s.reason = rest;
        if (s.rules.empty())
          problems.push_back(makeDiagnostic(Level::Warning, "", s.range, "suppression names no rule id"));
        if (s.reason.empty())
          problems.push_back(makeDiagnostic(Level::Warning, "", s.range, "suppression without a reason"));
        out.push_back(std::move(s));
      }
    }
    if (lineEnd == std::string_view::npos)
      break;
    lineStart = lineEnd + 1;
    ++line;
  }
  return out;
}

void applySuppressions(std::vector<Finding> &findings, const FileSet &files, std::string today,
                       std::vector<Finding> &unused) {
  if (today.empty())
    today = currentDate();
  std::map<std::string, std::vector<Suppression>> byFile;
  std::vector<Diagnostic> problems;
  for (const auto &[path, file] : files.files()) {
    if (file->text.find(kMarker) == std::string::npos)
      continue;
    byFile[path] = findSuppressions(path, file->text, problems);
  }
  for (Finding &finding : findings) {
    if (finding.rule.empty())
      continue;
    auto it = byFile.find(finding.range.file());
    if (it == byFile.end())
      continue;
    uint32_t line = finding.range.begin.line;
    for (Suppression &s : it->second) {
      uint32_t at = s.range.begin.line;
      if (at != line && at + 1 != line)
        continue;
      if (std::find(s.rules.begin(), s.rules.end(), finding.rule) == s.rules.end())
        continue;
      s.used = true;
      if (!s.until.empty() && s.until < today) {
        finding.message += " (suppression at " + formatLoc(s.range.begin) + " expired on " + s.until + ")";
        continue;
      }
      finding.suppressed = true;
      finding.suppression = "suppressed at " + formatLoc(s.range.begin) + (s.reason.empty() ? "" : ": " + s.reason);
      break;
    }
  }
  for (const Diagnostic &problem : problems) {
    Finding finding;
    finding.level = problem.level;
    finding.range = problem.range;
    finding.message = problem.message;
    findings.push_back(std::move(finding));
  }
  for (auto &[path, list] : byFile)
    for (const Suppression &s : list)
      if (!s.used) {
        Finding finding;
        finding.level = Level::Warning;
        finding.range = s.range;
        std::string ids;
        for (const std::string &id : s.rules)
          ids += (ids.empty() ? "" : ", ") + id;
        finding.message = "unused suppression of " + ids;
        unused.push_back(std::move(finding));
      }
}

} // namespace cloudpact
