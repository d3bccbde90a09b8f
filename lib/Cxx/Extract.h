#pragma once
// Per-translation-unit extraction: a Clang AST → facts (flow edges, model accesses).
// Internal to lib/Cxx; the driver (Cxx.cpp) runs it once per TU.
#include "Core/Facts.h"
#include "Cxx/CxxTables.h"

#include <functional>
#include <map>
#include <string>

namespace clang {
class ASTContext;
}

namespace cloudpact::cxx {

struct ExtractOptions {
  /// Display path for an absolute file path (SourceFile::path for scanned files).
  std::function<std::string(const std::string &absolutePath)> displayPath;
  /// True when the TU had Clang errors: unresolved calls are matched by name (confidence 0.5)
  /// and the main file's tokens are scanned for sink calls Clang dropped.
  bool recover = false;
  /// The tables to match with; null: the built-in ones.
  const Tables *tables = nullptr;
};

/// Extracts the facts of one parsed translation unit into `out`. `symbolNames` receives a
/// readable name for each cxx: symbol it creates ("parameter region of make_url").
void extractTranslationUnit(clang::ASTContext &context, const ExtractOptions &options, Facts &out,
                            std::map<std::string, std::string> &symbolNames);

} // namespace cloudpact::cxx
