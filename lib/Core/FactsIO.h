#pragma once
// Facts as a file: what `cloudpact extract` writes for one translation unit inside a build, and
// `cloudpact check --facts DIR` reads back (DESIGN: Scale). JSON, versioned, self-contained.
#include "Core/Facts.h"
#include "Core/SourceFile.h"

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace cloudpact {

void writeFactsFile(std::ostream &out, const Facts &facts);

/// Reads a facts file into `out` (appending). `mapPath` rewrites every file name it holds (the
/// writer's absolute paths to the reader's display paths); null keeps them. False with `error`.
bool readFactsFile(std::string_view text, Facts &out, std::string &error,
                   const std::function<std::string(const std::string &)> &mapPath = nullptr);

/// The most one facts file (one translation unit's facts) may hold: the bound on any one input.
constexpr size_t kMaxFactsFileBytes = kMaxInputBytes;

/// Reads the facts file at `path` (a regular file of at most kMaxFactsFileBytes) into `out`.
bool readFactsFileAt(const std::string &path, Facts &out, std::string &error,
                     const std::function<std::string(const std::string &)> &mapPath = nullptr);

} // namespace cloudpact
