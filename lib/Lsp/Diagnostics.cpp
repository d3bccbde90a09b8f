#include "Lsp/Diagnostics.h"

#include "Analysis/Rules.h"
#include "Driver/Discover.h"
#include "Report/Display.h"

namespace cloudpact::lsp {

namespace {

Position convert(const SourceLoc &loc, const FileSet &files, OffsetEncoding encoding) {
  return positionOf(loc.line, loc.column, files.line(loc.file, loc.line), encoding);
}

Range convert(const SourceRange &range, const FileSet &files, OffsetEncoding encoding) {
  Range out;
  out.start = convert(range.begin, files, encoding);
  out.end = range.end.valid() ? convert(range.end, files, encoding) : out.start;
  if (out.end < out.start)
    out.end = out.start;
  return out;
}

bool endsWith(const std::string &text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Line `line` (0-based) of `text`, without its terminator.
std::string_view lineAt(std::string_view text, int line, bool &exists, bool &crlf) {
  size_t begin = 0;
  exists = false;
  for (int current = 0; current < line; ++current) {
    size_t newline = text.find('\n', begin);
    if (newline == std::string_view::npos)
      return {};
    begin = newline + 1;
  }
  exists = true;
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos)
    end = text.size();
  crlf = end > begin && end < text.size() && text[end - 1] == '\r';
  return text.substr(begin, end - begin - (crlf ? 1 : 0));
}

} // namespace

int severityOf(Level level) {
  switch (level) {
  case Level::Error: return 1;
  case Level::Warning: return 2;
  case Level::Note: return 3;
  }
  return 1;
}

Diagnostic toDiagnostic(const Finding &finding, const FileSet &files, OffsetEncoding encoding,
                        const UriForPath &uriFor) {
  Diagnostic out;
  out.range = convert(finding.range, files, encoding);
  out.severity = severityOf(finding.level);
  out.code = finding.rule;
  if (!finding.rule.empty() && findRule(finding.rule))
    out.codeDescription = CodeDescription{ruleHelpUri(finding.rule)};
  out.source = "cloudpact";
  out.message = displayText(finding.message);
  for (const TraceStep &step : finding.trace) {
    if (step.range.file().empty() || step.range.file().front() == '<') // -var, TF_VAR_: no file
      continue;
    DiagnosticRelatedInformation info;
    info.location.uri = uriFor ? uriFor(step.range.file()) : uriFromPath(step.range.file());
    info.location.range = convert(step.range, files, encoding);
    info.message = displayText(step.phrase);
    out.relatedInformation.push_back(std::move(info));
  }
  return out;
}

std::string_view commentMarker(const std::string &path) {
  if (endsWith(path, ".json"))
    return {};
  switch (classifyPath(path)) {
  case FileKind::Cxx: return "//";
  case FileKind::Terraform:
  case FileKind::Manifest: return "#";
  case FileKind::Other: break;
  }
  if (endsWith(path, ".yaml") || endsWith(path, ".yml"))
    return "#"; // the policy file
  return {};
}

std::optional<CodeAction> suppressionAction(const std::string &uri, const std::string &path, std::string_view text,
                                            const Diagnostic &diagnostic, OffsetEncoding encoding) {
  std::string_view marker = commentMarker(path);
  if (diagnostic.code.empty() || marker.empty())
    return std::nullopt;
  int line = diagnostic.range.start.line;
  bool exists = false, crlf = false;
  std::string_view lineText = lineAt(text, line, exists, crlf);
  if (!exists)
    return std::nullopt;

  CodeAction action;
  action.title = "Suppress " + diagnostic.code + " here (cloudpact: ignore comment)";
  action.kind = "quickfix";
  action.diagnostics = {diagnostic};
  TextEdit edit;

  // A suppression comment on the line above takes one more rule id.
  constexpr std::string_view kMarker = "cloudpact: ignore[";
  bool aboveExists = false, aboveCrlf = false;
  std::string_view above = line > 0 ? lineAt(text, line - 1, aboveExists, aboveCrlf) : std::string_view();
  size_t at = aboveExists ? above.find(kMarker) : std::string_view::npos;
  size_t close = at == std::string_view::npos ? std::string_view::npos : above.find(']', at);
  if (close != std::string_view::npos) {
    std::string_view ids = above.substr(at + kMarker.size(), close - at - kMarker.size());
    if (ids.find(diagnostic.code) != std::string_view::npos)
      return std::nullopt; // already there: the finding is suppressed by something else
    Position insert{line - 1, static_cast<int>(unitsIn(above.substr(0, close), encoding))};
    edit.range = Range{insert, insert};
    edit.newText = ", " + diagnostic.code;
  } else {
    std::string indent(lineText.substr(0, lineText.find_first_not_of(" \t")));
    edit.range = Range{Position{line, 0}, Position{line, 0}};
    edit.newText = indent + std::string(marker) + " cloudpact: ignore[" + diagnostic.code + "] <reason>" +
                   (crlf ? "\r\n" : "\n");
  }
  action.edit = WorkspaceEdit{};
  action.edit->changes[uri].push_back(std::move(edit));
  action.isPreferred = false;
  return action;
}

} // namespace cloudpact::lsp
