#include "Report/Display.h"
#include "Report/Report.h"

namespace cloudpact {

namespace {

struct Palette {
  bool on;
  const char *bold() const { return on ? "\033[1m" : ""; }
  const char *reset() const { return on ? "\033[0m" : ""; }
  const char *level(Level level) const {
    if (!on)
      return "";
    switch (level) {
    case Level::Error: return "\033[1;31m";
    case Level::Warning: return "\033[1;35m";
    case Level::Note: return "\033[1;30m";
    }
    return "";
  }
  const char *caret() const { return on ? "\033[1;32m" : ""; }
};

void writeHeader(std::ostream &out, const Palette &p, const SourceRange &range, Level level, const std::string &message,
                 const std::string &rule) {
  out << p.bold() << displayText(formatLoc(range.begin)) << ": " << p.reset() << p.level(level) << levelName(level) << ": "
      << p.reset() << p.bold() << displayText(message);
  if (!rule.empty())
    out << " [" << displayText(rule) << "]";
  out << p.reset() << "\n";
}

void writeSnippet(std::ostream &out, const Palette &p, const SourceRange &range, const FileSet &files) {
  if (!range.valid())
    return;
  std::string_view line = files.line(range.file(), range.begin.line);
  if (line.empty())
    return;
  bool sameLine = range.end.valid() && range.end.line == range.begin.line;
  ShownLine shown = displaySnippet(line, range.begin.column, sameLine ? range.end.column : 0);
  out << shown.text << "\n";
  out << p.caret() << shown.marker << p.reset() << "\n";
}

void writeTrace(std::ostream &out, const Palette &p, const Trace &trace) {
  for (const TraceStep &step : trace)
    writeHeader(out, p, step.range, Level::Note, step.phrase, "");
}

} // namespace

FindingCounts countFindings(const std::vector<Finding> &findings) {
  FindingCounts counts;
  for (const Finding &finding : findings) {
    if (finding.suppressed) {
      ++counts.suppressed;
      continue;
    }
    switch (finding.level) {
    case Level::Error: ++counts.errors; break;
    case Level::Warning: ++counts.warnings; break;
    case Level::Note: ++counts.notes; break;
    }
  }
  return counts;
}

std::string findingId(const Finding &finding) { return finding.fingerprint.substr(0, 8); }

void writeText(std::ostream &out, const std::vector<Finding> &findings, const FileSet &files, const TextOptions &options) {
  Palette p{options.color};
  for (const Finding &finding : findings) {
    if (finding.suppressed && !options.showSuppressed)
      continue;
    std::string message = finding.message;
    if (finding.suppressed)
      message += " (" + finding.suppression + ")";
    writeHeader(out, p, finding.range, finding.level, message, finding.rule);
    writeSnippet(out, p, finding.range, files);
    writeTrace(out, p, finding.trace);
  }
  if (!options.summary)
    return;
  FindingCounts counts = countFindings(findings);
  if (counts.errors + counts.warnings + counts.notes + counts.suppressed == 0)
    return;
  auto plural = [](size_t n, const char *word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); };
  out << plural(counts.errors, "error") << ", " << plural(counts.warnings, "warning") << ", " << plural(counts.notes, "note");
  if (counts.suppressed)
    out << " (" << counts.suppressed << " suppressed)";
  out << "\n";
}

void writeExplanation(std::ostream &out, const Finding &finding, const FileSet &files, bool color) {
  Palette p{color};
  writeHeader(out, p, finding.range, finding.level, finding.message, finding.rule);
  writeSnippet(out, p, finding.range, files);
  if (finding.route) {
    const Route &r = *finding.route;
    auto orUnknown = [](const std::string &text) { return text.empty() ? std::string("unknown") : displayText(text); };
    out << "  api:      " << displayText(r.api) << " (" << accessKindName(r.kind) << ")\n";
    if (!r.subject.empty()) out << "  subject:  " << displayText(r.subject) << "\n";
    out << "  provider: " << orUnknown(r.provider) << "\n";
    out << "  model:    " << orUnknown(r.model) << "\n";
    out << "  cloud:    " << orUnknown(r.cloud) << "\n";
    if (!r.region.empty()) out << "  region:   " << displayText(r.region) << "\n";
    if (!r.host.empty()) out << "  endpoint: " << displayText(r.host) << "\n";
    out << "  verdict:  " << verdictName(r.verdict) << " (" << displayText(r.reason) << ")\n";
  }
  out << "trace (" << finding.trace.size() << " steps, first value to the access):\n";
  writeTrace(out, p, finding.trace);
  for (size_t i = 0; i < finding.alternatives.size(); ++i) {
    out << "alternative path " << (i + 1) << ":\n";
    writeTrace(out, p, finding.alternatives[i]);
  }
}

} // namespace cloudpact
