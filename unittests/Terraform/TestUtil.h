#pragma once
// Helpers for the Terraform frontend's unit tests: run analyze() over in-memory files and
// evaluate what it extracted with the solver and Terraform's functions.
#include "Analysis/Solver.h"
#include "Terraform/Terraform.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace cloudpact::terraform::test {

inline Facts analyzeFiles(const std::map<std::string, std::string> &files, const Options &options = {}) {
  std::vector<SourceFile> sources;
  for (const auto &[path, text] : files)
    sources.push_back(SourceFile{path, text});
  std::vector<const SourceFile *> pointers;
  for (const SourceFile &s : sources)
    pointers.push_back(&s);
  Facts facts;
  analyze(pointers, options, facts);
  return facts;
}

inline const FunctionTable &functions() {
  static const FunctionTable table = [] {
    FunctionTable t;
    registerFunctions(t);
    return t;
  }();
  return table;
}

/// Rendered alternatives ("…" for holes), sorted.
inline std::vector<std::string> render(const AbstractValue &value) {
  std::vector<std::string> out;
  for (const Shape &shape : value.alternatives)
    out.push_back(shape.render());
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<std::string> evaluateSymbol(const Facts &facts, const std::string &symbol) {
  Solver solver(facts, &functions());
  return render(solver.evaluateSymbol(symbol));
}

inline const ModelAccess *accessFor(const Facts &facts, const std::string &subject) {
  for (const ModelAccess &access : facts.accesses)
    if (access.subject == subject)
      return &access;
  return nullptr;
}

inline std::vector<std::string> evaluate(const Facts &facts, const ValuePtr &value) {
  Solver solver(facts, &functions());
  return render(solver.evaluate(value));
}

inline bool hasDiagnostic(const Facts &facts, const std::string &fragment) {
  return std::any_of(facts.diagnostics.begin(), facts.diagnostics.end(),
                     [&](const Diagnostic &d) { return d.message.find(fragment) != std::string::npos; });
}

} // namespace cloudpact::terraform::test
