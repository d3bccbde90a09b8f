#pragma once
// Problems with the input itself (parse-error, policy-error) and informational notes.
#include "Core/SourceLoc.h"

#include <string>
#include <vector>

namespace cloudpact {

enum class Level { Note = 0, Warning = 1, Error = 2 };
const char *levelName(Level level);
bool parseLevel(const std::string &text, Level &out);

struct Diagnostic {
  Level level = Level::Error;
  std::string rule; // "parse-error", "policy-error", or empty for plain notes
  SourceRange range;
  std::string message;
};

Diagnostic makeDiagnostic(Level level, std::string rule, SourceRange range, std::string message);

} // namespace cloudpact
