#pragma once
// Model ids and model endpoints written in the repository that reach no model access cloudpact
// knows: listed in the route inventory as references, so nothing that names a model is
// invisible to it. They are not judged and give no finding.
#include "Analysis/Classify.h"
#include "Core/Facts.h"
#include "Core/FileSet.h"
#include "Core/Finding.h"

#include <memory>
#include <vector>

namespace cloudpact {

/// Routes of kind reference for the literal assignments of `facts` in the scanned `files` that
/// name a model (or a model service's URL) and lie on no trace of `routes` nor inside an access.
/// (Headers of libraries outside the scan, which define model constants, are not listed.)
std::vector<std::shared_ptr<Route>> referenceRoutes(const Facts &facts, const FileSet &files, const Classifier &classifier,
                                                    const std::vector<std::shared_ptr<const Route>> &routes);

} // namespace cloudpact
