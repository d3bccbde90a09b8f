#pragma once
// C++ extraction inside an existing build (DESIGN: Scale). `cloudpact extract` runs as the
// compiler launcher of each compile command: it extracts that translation unit's facts into a
// facts file, then runs the compile itself. `cloudpact check --facts DIR` merges the files
// instead of parsing the C++ again, so a distributed build does the C++ work.
#include "Core/Facts.h"

#include <ostream>
#include <string>
#include <vector>

namespace cloudpact {

struct ExtractCommand {
  std::string factsDir;              // where facts files go
  bool compile = true;               // run the compile command after extracting
  std::vector<std::string> command;  // the compiler and its arguments
};

/// Parses `extract`'s arguments: `--facts-dir DIR [--no-compile] -- COMPILER ARGS...`.
bool parseExtractArgs(const std::vector<std::string> &args, ExtractCommand &out, std::string &error);

/// The translation units a compile command compiles, and its flags without them, the compiler,
/// `-c` and the output (what a compilation database entry holds).
void splitCompileCommand(const std::vector<std::string> &command, std::vector<std::string> &sources,
                         std::vector<std::string> &flags);

/// Extracts and writes one facts file per translation unit, then runs the compile. Returns the
/// compiler's exit status (extraction problems are warnings on `err`: a build never fails
/// because of the analyzer), or 2 for a usage error.
int runExtract(const ExtractCommand &command, std::ostream &err);

/// Reads every `*.facts.json` under `dir` (in name order) and merges them into `out` as one
/// C++ frontend's facts. Paths under the working directory become relative to it. Problems
/// are parse-error diagnostics at the file.
void loadFactsDirectory(const std::string &dir, Facts &out);

} // namespace cloudpact
