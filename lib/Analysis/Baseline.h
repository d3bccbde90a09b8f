#pragma once
// Baselines let a team adopt cloudpact on an existing repository: findings recorded in the
// baseline (by rule and fingerprint, which survive line shifts) are hidden; new ones still fail.
#include "Core/Finding.h"
#include "Core/SourceFile.h"

#include <cstddef>
#include <string>
#include <vector>

namespace cloudpact {

/// A baseline is bounded like any one input.
constexpr size_t kMaxBaselineBytes = kMaxInputBytes;

/// False (with `error`) if the file cannot be written whole (a full disk fails here, not later).
bool writeBaseline(const std::string &path, const std::vector<Finding> &findings, std::string &error);
/// Marks findings present in the baseline as suppressed. Returns false (with `error`) if it is
/// unreadable, not a regular file, larger than kMaxBaselineBytes or not a baseline.
bool applyBaseline(const std::string &path, std::vector<Finding> &findings, std::string &error);

} // namespace cloudpact
