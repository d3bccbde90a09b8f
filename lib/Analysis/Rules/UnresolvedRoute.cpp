#include "Analysis/Rules.h"

namespace cloudpact {
const RuleMeta kUnresolvedRouteRule{
    "unresolved-route", "UnresolvedRoute", Level::Note,
    "A model access whose provider or cloud cannot be determined statically.",
    "The model id or the endpoint of a model access depends on a value the analysis cannot see "
    "(an unset environment variable, a remote module, a runtime input), so the contract cannot be checked."};
} // namespace cloudpact
