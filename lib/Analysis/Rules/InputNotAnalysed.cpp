#include "Analysis/Rules.h"

namespace cloudpact {
const RuleMeta kInputNotAnalysedRule{
    "input-not-analysed", "InputNotAnalysed", Level::Error,
    "A file of a kind cloudpact analyses was not read; what it holds is not checked.",
    "A Terraform file, manifest or policy in the scanned tree is a symbolic link leading out of "
    "the tree or into /proc, /sys or /dev, is a FIFO, socket or device, is larger than the input "
    "limit, or cannot be read; or a bound on the work (nesting depth, evaluation budget, module "
    "depth or instances) stopped the analysis of part of it. A file a Terraform function would "
    "read is refused for the same reasons (at warning level). Findings it would give are missing."};
} // namespace cloudpact
