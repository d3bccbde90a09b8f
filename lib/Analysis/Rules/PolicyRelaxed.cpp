#include "Analysis/Rules.h"

namespace cloudpact {
const RuleMeta kPolicyRelaxedRule{
    "policy-relaxed", "PolicyRelaxed", Level::Warning,
    "A policy found in the scanned tree allows what the trusted policy does not.",
    "The repository's own .cloudpact.yaml replaces a contract of the built-in policy with a looser "
    "one: more clouds or regions, a lower severity, more excluded models or fewer covered. It is "
    "applied, so the findings it allows are not reported; the warning says so where the contract is "
    "written. CI that must not trust the repository runs with --no-tree-policy (and --policy)."};
} // namespace cloudpact
