#pragma once
// The C++ frontend (Clang LibTooling): SDK calls and string value flow → facts.
#include "Core/Facts.h"
#include "Core/SourceFile.h"

#include <string>
#include <vector>

namespace cloudpact::cxx {

struct Options {
  std::string buildDir;           // -p: directory holding compile_commands.json ("" = search)
  std::vector<std::string> roots; // scanned roots, to find compile_commands.json and include dirs
  unsigned threads = 1;
};

/// Analyses the C++ translation units among `files` (or those of the compile database).
void analyze(const std::vector<const SourceFile *> &files, const Options &options, Facts &out);

} // namespace cloudpact::cxx
