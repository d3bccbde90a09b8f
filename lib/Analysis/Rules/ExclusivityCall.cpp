#include "Analysis/Rules.h"

namespace cloudpact {
const RuleMeta kExclusivityCallRule{
    "exclusivity-call", "ExclusivityCall", Level::Error,
    "A model call reaches a contracted provider's model through a cloud outside its contract.",
    "The call's model id, endpoint or SDK resolves to a provider that has a contract in the policy, "
    "and the cloud it goes through is not one the contract allows."};
} // namespace cloudpact
