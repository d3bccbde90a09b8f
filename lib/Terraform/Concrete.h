#pragma once
// Terraform values as the language sees them (strings, numbers, bools, null, lists, maps) and
// Terraform's functions over them. Used twice: by the frontend to evaluate what is statically
// known (for_each keys, count, conditions), and by the abstract functions the solver applies
// when every argument is known.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cloudpact::terraform {

struct CV {
  enum Kind : unsigned char { Unknown, Null, String, Number, Bool, List, Map };
  Kind kind = Unknown;
  std::string text;                              // String/Number/Bool text; Unknown: the reason
  std::vector<CV> items;                         // List (tuples and sets too)
  std::vector<std::pair<std::string, CV>> fields; // Map (objects too), sorted by key

  static CV unknown(std::string reason);
  static CV null();
  static CV string(std::string text);
  static CV number(double value);
  static CV numberText(std::string text);
  static CV boolean(bool value);
  static CV list(std::vector<CV> items);
  /// Sorts by key; a repeated key keeps the last value.
  static CV map(std::vector<std::pair<std::string, CV>> fields);

  bool isPrimitive() const { return kind == String || kind == Number || kind == Bool; }
  bool isCollection() const { return kind == List || kind == Map; }
  /// True when nothing inside is Unknown.
  bool known() const;
  /// The reason of the first Unknown inside, or "".
  std::string unknownReason() const;
  const CV *field(std::string_view key) const;
  bool operator==(const CV &other) const;
};

/// Number rendering as Terraform prints numbers ("1", "1.5").
std::string formatNumber(double value);
bool parseNumber(std::string_view text, double &out);
/// "true"/"false" (from Bool or String), else false with ok = false.
bool truthy(const CV &value, bool &ok);

/// A Terraform function over known values. Errors return Unknown with the function's message.
using ConcreteFunction = CV (*)(const std::vector<CV> &args);
/// Built-in functions by name (nullptr if not implemented). Internal operators start with '$'.
ConcreteFunction findConcrete(const std::string &name);
/// Functions that see Unknown arguments themselves (others return Unknown for them).
bool acceptsUnknown(const std::string &name);
/// Names of every implemented function.
std::vector<std::string> concreteNames();

std::string jsonEncode(const CV &value);
std::string yamlEncode(const CV &value);
CV jsonDecode(std::string_view text);
CV yamlDecode(std::string_view text);

/// Terraform's `format` over known arguments; error text on failure.
bool formatString(const std::string &format, const std::vector<CV> &args, std::string &out, std::string &error);

} // namespace cloudpact::terraform
