#include "Analysis/Baseline.h"

#include "Core/InputFile.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>

namespace cloudpact {

bool writeBaseline(const std::string &path, const std::vector<Finding> &findings, std::string &error) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const Finding &finding : findings) {
    if (finding.rule.empty() || finding.suppressed)
      continue;
    entries.push_back({{"rule", finding.rule},
                       {"fingerprint", finding.fingerprint},
                       {"path", finding.range.file()},
                       {"message", finding.message}});
  }
  nlohmann::ordered_json document = {{"version", 1}, {"findings", entries}};
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    error = "cannot write baseline " + path + ": " + std::strerror(errno);
    return false;
  }
  errno = 0;
  out << document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  out.close();
  if (out.fail()) {
    error = "cannot write baseline " + path + ": " + (errno ? std::strerror(errno) : "write failed");
    return false;
  }
  return true;
}

bool applyBaseline(const std::string &path, std::vector<Finding> &findings, std::string &error) {
  std::string text;
  if (!readInputFile(path, kMaxBaselineBytes, text, error)) {
    error = "cannot read baseline " + error;
    return false;
  }
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object() || !document.contains("findings") ||
      !document["findings"].is_array()) {
    error = path + ": not a cloudpact baseline (expected {\"version\": 1, \"findings\": [...]})";
    return false;
  }
  std::map<std::pair<std::string, std::string>, int> remaining;
  for (const auto &entry : document["findings"]) {
    if (!entry.is_object() || !entry.contains("rule") || !entry.contains("fingerprint") ||
        !entry["rule"].is_string() || !entry["fingerprint"].is_string())
      continue;
    ++remaining[{entry["rule"].get<std::string>(), entry["fingerprint"].get<std::string>()}];
  }
  for (Finding &finding : findings) {
    if (finding.rule.empty() || finding.suppressed)
      continue;
    auto it = remaining.find({finding.rule, finding.fingerprint});
    if (it == remaining.end() || it->second == 0)
      continue;
    --it->second;
    finding.suppressed = true;
    finding.suppression = "in baseline " + path;
  }
  return true;
}

} // namespace cloudpact
