#pragma once
// Findings as LSP diagnostics, and the quick fix that suppresses one. The only place that
// maps a Finding to the protocol (ranges, UTF-16 columns, severity, rule links, trace).
#include "Core/FileSet.h"
#include "Core/Finding.h"
#include "Lsp/Protocol.h"
#include "Lsp/SourceCode.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cloudpact::lsp {

/// Severity (1 error, 2 warning, 3 information) of a finding's level.
int severityOf(Level level);

/// How a path is spelled as a URI (the server keeps the client's own spelling for open documents).
using UriForPath = std::function<std::string(const std::string &path)>;

/// The diagnostic for `finding`: positions converted with the text in `files`, code = rule id,
/// codeDescription = the rule's help page, relatedInformation = the trace steps.
Diagnostic toDiagnostic(const Finding &finding, const FileSet &files, OffsetEncoding encoding,
                        const UriForPath &uriFor = nullptr);

/// The comment marker a suppression uses in `path` ("#" or "//"), or "" where comments do not exist (JSON).
std::string_view commentMarker(const std::string &path);

/// The quick fix for a cloudpact diagnostic in the document `uri` (file `path`, contents `text`):
/// inserts `<indent><marker> cloudpact: ignore[<rule>] <reason>` on the line above, or adds the
/// rule to a suppression comment already there. None for diagnostics without a rule id or in files
/// without comments.
std::optional<CodeAction> suppressionAction(const std::string &uri, const std::string &path, std::string_view text,
                                            const Diagnostic &diagnostic, OffsetEncoding encoding);

} // namespace cloudpact::lsp
