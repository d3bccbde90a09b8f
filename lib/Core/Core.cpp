#include "Core/Diagnostic.h"
#include "Core/Facts.h"
#include "Core/Finding.h"
#include "Core/SourceFile.h"
#include "Core/SourceLoc.h"

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_set>

namespace cloudpact {

const std::string &FileName::nothing() {
  static const std::string nothing;
  return nothing;
}

// Paths are few and live as long as the process: never freed, so FileName stays a pointer.
const std::string *FileName::intern(const std::string &path) {
  if (path.empty())
    return &nothing();
  static std::mutex mutex;
  static auto *table = new std::unordered_set<std::string>();
  std::lock_guard<std::mutex> lock(mutex);
  return &*table->insert(path).first;
}

std::string formatLoc(const SourceLoc &loc) {
  if (!loc.valid())
    return loc.file;
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

const char *levelName(Level level) {
  switch (level) {
  case Level::Note: return "note";
  case Level::Warning: return "warning";
  case Level::Error: return "error";
  }
  return "error";
}

bool parseLevel(const std::string &text, Level &out) {
  if (text == "note") out = Level::Note;
  else if (text == "warning") out = Level::Warning;
  else if (text == "error") out = Level::Error;
  else return false;
  return true;
}

Diagnostic makeDiagnostic(Level level, std::string rule, SourceRange range, std::string message) {
  return Diagnostic{level, std::move(rule), std::move(range), std::move(message)};
}

const char *accessKindName(AccessKind kind) {
  switch (kind) {
  case AccessKind::Call: return "call";
  case AccessKind::Hosting: return "hosting";
  case AccessKind::Reference: return "reference";
  }
  return "call";
}

const char *verdictName(Verdict verdict) {
  switch (verdict) {
  case Verdict::Allowed: return "allowed";
  case Verdict::Violation: return "violation";
  case Verdict::Unresolved: return "unresolved";
  case Verdict::Reference: return "reference";
  }
  return "unresolved";
}

void Facts::append(Facts &&other) {
  auto move_all = [](auto &into, auto &from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  move_all(assigns, other.assigns);
  move_all(accesses, other.accesses);
  move_all(diagnostics, other.diagnostics);
  symbolNames.merge(other.symbolNames);
}

bool readWholeFile(const std::string &path, std::string &text) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return false;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad())
    return false;
  text = buffer.str();
  return true;
}

} // namespace cloudpact
