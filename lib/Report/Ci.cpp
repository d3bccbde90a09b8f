// CI annotations: GitHub Actions workflow commands and GitLab Code Quality.
#include "Report/Display.h"
#include "Report/Report.h"

#include <nlohmann/json.hpp>

namespace cloudpact {

namespace {

// GitHub's escaping: data escapes % CR LF; property values also escape : and ,.
std::string escapeData(const std::string &text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '%': out += "%25"; break;
    case '\r': out += "%0D"; break;
    case '\n': out += "%0A"; break;
    default: out += c;
    }
  }
  return out;
}

std::string escapeProperty(const std::string &text) {
  std::string out;
  for (char c : escapeData(text)) {
    switch (c) {
    case ':': out += "%3A"; break;
    case ',': out += "%2C"; break;
    default: out += c;
    }
  }
  return out;
}

const char *githubCommand(Level level) {
  switch (level) {
  case Level::Error: return "error";
  case Level::Warning: return "warning";
  case Level::Note: return "notice";
  }
  return "notice";
}

const char *gitlabSeverity(Level level) {
  switch (level) {
  case Level::Error: return "major";
  case Level::Warning: return "minor";
  case Level::Note: return "info";
  }
  return "info";
}

} // namespace

void writeGithub(std::ostream &out, const std::vector<Finding> &findings) {
  for (const Finding &finding : findings) {
    if (finding.suppressed)
      continue;
    out << "::" << githubCommand(finding.level) << " file=" << escapeProperty(displayText(finding.range.file()));
    if (finding.range.valid()) {
      out << ",line=" << finding.range.begin.line << ",col=" << finding.range.begin.column;
      if (finding.range.end.valid())
        out << ",endLine=" << finding.range.end.line << ",endColumn=" << finding.range.end.column;
    }
    out << ",title=" << escapeProperty(finding.rule.empty() ? "cloudpact" : "cloudpact " + displayText(finding.rule));
    std::string message = displayText(finding.message);
    for (const TraceStep &step : finding.trace)
      message += "\n  " + displayText(formatLoc(step.range.begin)) + ": " + displayText(step.phrase);
    out << "::" << escapeData(message) << "\n";
  }
}

void writeGitlab(std::ostream &out, const std::vector<Finding> &findings) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const Finding &finding : findings) {
    if (finding.suppressed || finding.rule.empty())
      continue;
    nlohmann::ordered_json issue = {{"type", "issue"},
                                    {"description", finding.message},
                                    {"check_name", finding.rule},
                                    {"categories", {"Security"}},
                                    {"fingerprint", finding.fingerprint},
                                    {"severity", gitlabSeverity(finding.level)},
                                    {"location",
                                     {{"path", finding.range.file()},
                                      {"lines", {{"begin", std::max<uint32_t>(finding.range.begin.line, 1)}}}}}};
    makeDisplayable(issue);
    issues.push_back(std::move(issue));
  }
  out << issues.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

} // namespace cloudpact
