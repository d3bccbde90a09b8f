#pragma once
// Value expressions: what a frontend knows about the string stored in a symbol or passed to
// a sink. The solver evaluates them to abstract string shapes; Values carry no language.
#include "Core/SourceLoc.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cloudpact {

struct Value;
using ValuePtr = std::shared_ptr<const Value>;

enum class ValueKind {
  Literal, // text
  Concat,  // parts, in order
  Ref,     // text = symbol key; resolved through the Assigns of that symbol
  Choice,  // parts = alternatives (conditionals, several assignments)
  EnvRead, // text = environment variable name; linked to env:<name> symbols
  Unknown, // text = reason
  Map,     // fields: key -> value (objects, maps, JSON bodies)
  List,    // parts = items
  Get,     // parts[0] = base, text = key (attribute or index, as a string)
  Apply,   // text = function name, parts = arguments; evaluated by a FunctionTable
};

struct Value {
  ValueKind kind = ValueKind::Unknown;
  std::string text;
  std::vector<ValuePtr> parts;
  std::vector<std::pair<std::string, ValuePtr>> fields;
  SourceRange range; // where the expression is written (may be invalid for synthesized values)
  std::string phrase; // optional trace phrase for this step, e.g. "read by std::getenv"
};

ValuePtr makeLiteral(std::string text, SourceRange range = {});
ValuePtr makeConcat(std::vector<ValuePtr> parts, SourceRange range = {});
ValuePtr makeRef(std::string symbol, SourceRange range = {}, std::string phrase = {});
ValuePtr makeChoice(std::vector<ValuePtr> alternatives, SourceRange range = {});
ValuePtr makeEnvRead(std::string name, SourceRange range = {}, std::string phrase = {});
ValuePtr makeUnknown(std::string reason, SourceRange range = {});
ValuePtr makeMap(std::vector<std::pair<std::string, ValuePtr>> fields, SourceRange range = {});
ValuePtr makeList(std::vector<ValuePtr> items, SourceRange range = {});
ValuePtr makeGet(ValuePtr base, std::string key, SourceRange range = {});
ValuePtr makeApply(std::string function, std::vector<ValuePtr> args, SourceRange range = {});
/// A copy of `value` whose own trace step reads `phrase` (at `range` if given).
ValuePtr withPhrase(ValuePtr value, std::string phrase, SourceRange range = {});

/// A readable rendering for debugging and `--dump-facts`.
std::string describe(const Value &value);

} // namespace cloudpact
