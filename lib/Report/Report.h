#pragma once
// Reporters: findings → text (clang style) or JSON. They know findings only.
#include "Core/FileSet.h"
#include "Core/Finding.h"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace cloudpact {

struct TextOptions {
  bool color = false;
  bool showSuppressed = false;
  bool summary = true;
};

void writeText(std::ostream &out, const std::vector<Finding> &findings, const FileSet &files, const TextOptions &options);
/// One finding's whole trace and its alternative paths, for `cloudpact explain`.
void writeExplanation(std::ostream &out, const Finding &finding, const FileSet &files, bool color);
void writeJson(std::ostream &out, const std::vector<Finding> &findings, bool showSuppressed);

struct SarifOptions {
  std::string sourceRoot; // absolute directory that %SRCROOT% stands for (default: the working directory)
};
/// SARIF 2.1.0 with rules metadata, codeFlows for traces and partialFingerprints.
void writeSarif(std::ostream &out, const std::vector<Finding> &findings, const FileSet &files, const SarifOptions &options);
/// GitHub Actions workflow commands (::error file=...::message).
void writeGithub(std::ostream &out, const std::vector<Finding> &findings);
/// GitLab Code Quality report (JSON array).
void writeGitlab(std::ostream &out, const std::vector<Finding> &findings);

/// Route inventory: every model access with its verdict.
enum class RoutesFormat { Table, Json, Csv, CycloneDx };
void writeRoutes(std::ostream &out, const std::vector<std::shared_ptr<const Route>> &routes, RoutesFormat format, bool color);

/// Byte column (1-based) → UTF-16 code units column (1-based), as LSP and SARIF count.
uint32_t utf16Column(std::string_view line, uint32_t byteColumn);

/// Counts of shown findings by level.
struct FindingCounts {
  size_t errors = 0, warnings = 0, notes = 0, suppressed = 0;
};
FindingCounts countFindings(const std::vector<Finding> &findings);

/// A short id for `cloudpact explain`: the first 8 hex digits of the fingerprint.
std::string findingId(const Finding &finding);

} // namespace cloudpact
