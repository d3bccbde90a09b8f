#include "Analysis/Rules.h"

namespace cloudpact {
const RuleMeta kParseErrorRule{
    "parse-error", "ParseError", Level::Error,
    "An input file could not be read or parsed; the rest of the scan goes on.",
    "A Terraform, Kubernetes or C++ file has a syntax error, is unreadable, or exceeds a limit. "
    "Findings in the unreadable part may be missing."};
} // namespace cloudpact
