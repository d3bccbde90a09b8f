#include "Analysis/Rules.h"

namespace cloudpact {
const RuleMeta kExclusivityHostingRule{
    "exclusivity-hosting", "ExclusivityHosting", Level::Error,
    "Infrastructure hosts, serves or provisions a contracted provider's model on a cloud outside its contract.",
    "A Terraform resource, Kubernetes workload or gateway configuration provisions or serves a model "
    "whose provider has a contract, on a cloud the contract does not allow."};
} // namespace cloudpact
