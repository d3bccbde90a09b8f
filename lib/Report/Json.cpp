#include "Report/Display.h"
#include "Report/Report.h"

#include "cloudpact/Version.h"

#include <nlohmann/json.hpp>

namespace cloudpact {

namespace {
using json = nlohmann::ordered_json;

json locationJson(const SourceRange &range) {
  json loc = {{"path", range.file()}, {"line", range.begin.line}, {"column", range.begin.column}};
  if (range.end.valid()) {
    loc["endLine"] = range.end.line;
    loc["endColumn"] = range.end.column;
  }
  return loc;
}

json traceJson(const Trace &trace) {
  json steps = json::array();
  for (const TraceStep &step : trace) {
    json s = locationJson(step.range);
    s["message"] = step.phrase;
    steps.push_back(std::move(s));
  }
  return steps;
}
} // namespace

void writeJson(std::ostream &out, const std::vector<Finding> &findings, bool showSuppressed) {
  json list = json::array();
  for (const Finding &finding : findings) {
    if (finding.suppressed && !showSuppressed)
      continue;
    json f = {{"id", findingId(finding)},
              {"rule", finding.rule.empty() ? json(nullptr) : json(finding.rule)},
              {"level", levelName(finding.level)},
              {"message", finding.message},
              {"location", locationJson(finding.range)},
              {"fingerprint", finding.fingerprint},
              {"trace", traceJson(finding.trace)}};
    if (!finding.alternatives.empty()) {
      json alternatives = json::array();
      for (const Trace &trace : finding.alternatives)
        alternatives.push_back(traceJson(trace));
      f["alternatives"] = std::move(alternatives);
    }
    if (finding.route) {
      const Route &r = *finding.route;
      f["route"] = {{"kind", accessKindName(r.kind)}, {"api", r.api},          {"subject", r.subject},
                    {"provider", r.provider},         {"model", r.model},      {"modelName", r.modelName},
                    {"cloud", r.cloud},               {"region", r.region},    {"host", r.host},
                    {"verdict", verdictName(r.verdict)}, {"contract", r.contract}, {"reason", r.reason}};
    }
    if (finding.suppressed)
      f["suppression"] = finding.suppression;
    makeDisplayable(f);
    list.push_back(std::move(f));
  }
  FindingCounts counts = countFindings(findings);
  json document = {{"tool", "cloudpact"},
                   {"version", kVersion},
                   {"findings", std::move(list)},
                   {"summary",
                    {{"errors", counts.errors}, {"warnings", counts.warnings}, {"notes", counts.notes},
                     {"suppressed", counts.suppressed}}}};
  out << document.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

} // namespace cloudpact
