#pragma once
// Baselines let a team adopt cloudpact on an existing repository: findings recorded in the
// baseline (by rule and fingerprint, which survive line shifts) are hidden; new ones still fail.
#include "Core/Finding.h"

#include <string>
#include <vector>

namespace cloudpact {

bool writeBaseline(const std::string &path, const std::vector<Finding> &findings, std::string &error);
/// Marks findings present in the baseline as suppressed. Returns false (with `error`) if unreadable.
bool applyBaseline(const std::string &path, std::vector<Finding> &findings, std::string &error);

} // namespace cloudpact
