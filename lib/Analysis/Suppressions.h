#pragma once
// `cloudpact: ignore[rule-id, ...] [until=YYYY-MM-DD] reason` in a comment on the finding's
// line or the line above hides the finding (until the expiry date, if any).
#include "Core/FileSet.h"
#include "Core/Finding.h"

#include <string>
#include <vector>

namespace cloudpact {

struct Suppression {
  SourceRange range;
  std::vector<std::string> rules;
  std::string until;  // "" = no expiry
  std::string reason;
  bool used = false;
};

/// Every suppression comment in `text` (comment markers: #, //, /*).
std::vector<Suppression> findSuppressions(const std::string &path, std::string_view text,
                                          std::vector<Diagnostic> &problems);

/// Marks suppressed findings (they stay in the list with `suppressed` set), appends warnings for
/// malformed suppressions, and fills `unused` with suppressions that hid nothing.
void applySuppressions(std::vector<Finding> &findings, const FileSet &files, std::string today,
                       std::vector<Finding> &unused);

} // namespace cloudpact
