#include "Analysis/Rules.h"

namespace cloudpact {
const RuleMeta kPolicyErrorRule{
    "policy-error", "PolicyError", Level::Error,
    "The policy file has an unknown key or a bad value.",
    "The policy (.cloudpact.yaml or --policy) could not be fully loaded; the offending entry is ignored "
    "and the rest of the policy applies."};
} // namespace cloudpact
