#include "Analysis/Rules.h"
#include "Report/Display.h"
#include "Report/Report.h"
#include "cloudpact/Version.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace cloudpact {

namespace {
using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

const char *sarifLevel(Level level) {
  switch (level) {
  case Level::Error: return "error";
  case Level::Warning: return "warning";
  case Level::Note: return "note";
  }
  return "note";
}

std::string percentEncode(const std::string &path) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
      out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

struct UriMaker {
  fs::path root;
  json artifactLocation(const std::string &path) const {
    fs::path p(path);
    if (p.is_relative())
      return {{"uri", percentEncode(p.lexically_normal().generic_string())}, {"uriBaseId", "%SRCROOT%"}};
    fs::path relative = p.lexically_relative(root);
    if (!relative.empty() && relative.native().rfind("..", 0) != 0)
      return {{"uri", percentEncode(relative.generic_string())}, {"uriBaseId", "%SRCROOT%"}};
    return {{"uri", "file://" + percentEncode(p.generic_string())}};
  }
};

json regionOf(const SourceRange &range, const FileSet &files) {
  json region = json::object();
  if (!range.valid())
    return region;
  std::string_view line = files.line(range.file(), range.begin.line);
  region["startLine"] = range.begin.line;
  region["startColumn"] = utf16Column(line, range.begin.column);
  if (range.end.valid() && range.end.line >= range.begin.line) {
    std::string_view endLine = range.end.line == range.begin.line ? line : files.line(range.file(), range.end.line);
    region["endLine"] = range.end.line;
    region["endColumn"] = std::max<uint32_t>(utf16Column(endLine, range.end.column),
                                             range.end.line == range.begin.line ? region["startColumn"].get<uint32_t>() : 1);
  }
  return region;
}

json physicalLocation(const SourceRange &range, const FileSet &files, const UriMaker &uris) {
  json location = {{"artifactLocation", uris.artifactLocation(range.file())}};
  json region = regionOf(range, files);
  if (!region.empty())
    location["region"] = std::move(region);
  return location;
}
} // namespace

uint32_t utf16Column(std::string_view line, uint32_t byteColumn) {
  uint32_t units = 0;
  size_t limit = std::min<size_t>(byteColumn > 0 ? byteColumn - 1 : 0, line.size());
  for (size_t i = 0; i < limit;) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 1;
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return units + 1 + static_cast<uint32_t>(byteColumn > 0 && byteColumn - 1 > line.size() ? byteColumn - 1 - line.size() : 0);
}

void writeSarif(std::ostream &out, const std::vector<Finding> &findings, const FileSet &files, const SarifOptions &options) {
  UriMaker uris{options.sourceRoot.empty() ? fs::current_path() : fs::path(options.sourceRoot)};
  json rules = json::array();
  for (const RuleMeta *rule : allRules()) {
    rules.push_back({{"id", rule->id},
                     {"name", rule->name},
                     {"shortDescription", {{"text", rule->summary}}},
                     {"fullDescription", {{"text", rule->description}}},
                     {"helpUri", ruleHelpUri(rule->id)},
                     {"help", {{"text", std::string(rule->summary) + " See " + ruleHelpUri(rule->id)}}},
                     {"defaultConfiguration", {{"level", sarifLevel(rule->defaultLevel)}}},
                     {"properties", {{"tags", {"ai-governance", "cloud"}}}}});
  }
  json results = json::array();
  json notifications = json::array();
  for (const Finding &finding : findings) {
    const RuleMeta *rule = finding.rule.empty() ? nullptr : findRule(finding.rule);
    if (!rule) {
      json notification = {{"level", sarifLevel(finding.level)}, {"message", {{"text", finding.message}}}};
      if (!finding.range.file().empty())
        notification["locations"] = json::array({{{"physicalLocation", physicalLocation(finding.range, files, uris)}}});
      makeDisplayable(notification);
      notifications.push_back(std::move(notification));
      continue;
    }
    size_t ruleIndex = 0;
    for (size_t i = 0; i < allRules().size(); ++i)
      if (allRules()[i] == rule)
        ruleIndex = i;
    json result = {{"ruleId", finding.rule},
                   {"ruleIndex", ruleIndex},
                   {"level", sarifLevel(finding.level)},
                   {"message", {{"text", finding.message}}},
                   {"locations", json::array({{{"physicalLocation", physicalLocation(finding.range, files, uris)}}})},
                   {"partialFingerprints", {{"cloudpactFingerprint/v1", finding.fingerprint}}}};
    if (!finding.trace.empty()) {
      json steps = json::array();
      for (const TraceStep &step : finding.trace) {
        // A value from the command line or the environment has no file to point at.
        json location = {{"message", {{"text", step.phrase}}}};
        if (!step.range.file().empty() && step.range.file().front() != '<')
          location["physicalLocation"] = physicalLocation(step.range, files, uris);
        steps.push_back({{"location", std::move(location)}});
      }
      steps.push_back({{"location", {{"physicalLocation", physicalLocation(finding.range, files, uris)},
                                     {"message", {{"text", finding.route ? finding.route->api : finding.rule}}}}}});
      result["codeFlows"] = json::array({{{"threadFlows", json::array({{{"locations", std::move(steps)}}})}}});
    }
    if (finding.suppressed) {
      bool inSource = finding.suppression.rfind("suppressed at", 0) == 0;
      result["suppressions"] = json::array({{{"kind", inSource ? "inSource" : "external"},
                                             {"justification", finding.suppression}}});
    }
    makeDisplayable(result);
    results.push_back(std::move(result));
  }
  std::string rootUri = "file://" + percentEncode(uris.root.generic_string());
  if (rootUri.back() != '/')
    rootUri += '/';
  json run = {{"tool",
               {{"driver",
                 {{"name", "cloudpact"},
                  {"version", kVersion},
                  {"semanticVersion", kVersion},
                  {"informationUri", kInformationUri},
                  {"rules", std::move(rules)}}}}},
              {"invocations", json::array({{{"executionSuccessful", true},
                                            {"toolExecutionNotifications", std::move(notifications)}}})},
              {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", rootUri}}}}},
              {"columnKind", "utf16CodeUnits"},
              {"results", std::move(results)}};
  json document = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", json::array({std::move(run)})}};
  out << document.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

} // namespace cloudpact
