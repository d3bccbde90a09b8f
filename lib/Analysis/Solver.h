#pragma once
// Evaluates Values over the whole fact graph to abstract string shapes, with provenance.
// Symbols with several Assigns are alternatives; cycles are solved by iteration to a fixpoint
// and widened when they keep growing.
#include "Analysis/AbstractValue.h"
#include "Analysis/Functions.h"
#include "Core/Facts.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cloudpact {

/// How an environment variable set by a workload (an Assign to env:NAME) reaches a read of it
/// (an EnvRead): through the policy's workloads mapping, by name only, or not at all.
enum class EnvLink { None, Mapped, ByName };
/// Without a filter every workload that sets the name reaches every read, by name.
using EnvLinkFilter = std::function<EnvLink(const Assign &set, const Value &read)>;

class Solver {
public:
  Solver(const Facts &facts, const FunctionTable *functions = nullptr, EnvLinkFilter envFilter = nullptr);

  AbstractValue evaluate(const ValuePtr &value);
  AbstractValue evaluateSymbol(const std::string &symbol);
  /// Projects `key` out of every alternative of `base` (maps by key, lists by index).
  AbstractValue project(const AbstractValue &base, const std::string &key);
  /// Items of list alternatives / values of map alternatives, for functions like join and flatten.
  std::vector<AbstractValue> elements(const Shape &structured);
  std::vector<std::pair<std::string, AbstractValue>> fieldsOf(const Shape &structured);

  bool hasSymbol(const std::string &symbol) const { return assigns_.count(symbol) != 0; }

  /// A symbol as messages name it: its frontend's readable name, else the key made readable.
  std::string nameOf(const std::string &symbol) const;

private:
  AbstractValue evaluateUncached(const std::string &symbol);

  std::map<std::string, std::vector<const Assign *>> assigns_;
  const std::map<std::string, std::string> &names_;
  const FunctionTable *functions_;
  EnvLinkFilter envFilter_;
  std::map<std::string, AbstractValue> cache_;
  std::map<std::string, AbstractValue> inProgress_; // current approximation inside a cycle
  std::set<std::string> cycleHit_;
  int depth_ = 0;
};

} // namespace cloudpact
