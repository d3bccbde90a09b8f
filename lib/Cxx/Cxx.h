#pragma once
// The C++ frontend (Clang LibTooling): SDK calls and string value flow → facts.
#include "Core/Facts.h"
#include "Core/SourceFile.h"
#include "Policy/Policy.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cloudpact::cxx {

struct Options;

/// Kept between runs by a long-lived caller (the language server): each translation unit's
/// facts with what they depend on. A unit is parsed again only when its compile command, or a
/// file it read, changed (scanned files by content, other files by size and modification time);
/// a unit that had errors is also parsed again when the set of scanned files changed (a missing
/// header may have appeared). Units absent from a run are forgotten. One analyze() at a time.
class UnitCache {
public:
  UnitCache();
  ~UnitCache();
  UnitCache(const UnitCache &) = delete;
  UnitCache &operator=(const UnitCache &) = delete;
  struct Stats {
    unsigned parsed = 0; // units parsed by Clang, over the cache's life
    unsigned reused = 0; // units whose cached facts were reused
  };
  const Stats &stats() const { return stats_; }

private:
  friend void analyze(const std::vector<const SourceFile *> &, const Options &, Facts &);
  struct Entry;
  std::map<std::string, Entry> entries_; // by absolute unit path
  Stats stats_;
};

struct Options {
  std::string buildDir;           // -p: directory holding compile_commands.json ("" = search)
  std::vector<std::string> roots; // scanned roots, to find compile_commands.json and include dirs
  unsigned threads = 1;
  UnitCache *cache = nullptr;     // facts kept between runs (the language server); null = parse all
  std::vector<ExtensionRow> extensions; // the policy's rows for the tables (`extensions: cxx:`)
  /// A compiler's flags for the translation units among `files`, as a build runs them (the
  /// compiler and the source files left out), instead of a compile database: `cloudpact extract`.
  std::optional<std::vector<std::string>> compileFlags;
  /// Facts of one unit for a facts file (`cloudpact extract`): every path absolute, and the
  /// merge across units (mergeUnits) left to the reader.
  bool forFactsFile = false;
};

/// Analyses the C++ translation units among `files` (or those of the compile database).
void analyze(const std::vector<const SourceFile *> &files, const Options &options, Facts &out);
/// Merges the facts of translation units extracted separately (facts files of `cloudpact
/// extract`, in a fixed order) as analyze() merges its own units: what several units saw in a
/// shared header once, property copies of objects that never had the property dropped.
void mergeUnits(std::vector<Facts> units, Facts &out);

} // namespace cloudpact::cxx
