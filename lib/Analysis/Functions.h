#pragma once
// Functions applied by Value::Apply. Frontends register their language's functions here
// (Terraform's format, lower, join...); the solver knows only the table.
#include "Analysis/AbstractValue.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace cloudpact {

class Solver;

/// Evaluates a function over abstract arguments. `solver` resolves structured alternatives
/// (Shape::structured) when a function needs to look inside maps or lists.
using Function = std::function<AbstractValue(const std::vector<AbstractValue> &args, Solver &solver)>;

class FunctionTable {
public:
  void add(std::string name, Function fn) { functions_[std::move(name)] = std::move(fn); }
  const Function *find(const std::string &name) const {
    auto it = functions_.find(name);
    return it == functions_.end() ? nullptr : &it->second;
  }

private:
  std::map<std::string, Function> functions_;
};

} // namespace cloudpact
