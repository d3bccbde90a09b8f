#include "Analysis/Solver.h"

#include <algorithm>
#include <cctype>

namespace cloudpact {

namespace {
constexpr int kMaxDepth = 400;
constexpr int kMaxRounds = 6;

void addStep(AbstractValue &value, const SourceRange &range, const std::string &phrase) {
  if (!range.valid())
    return;
  TraceStep step{range, phrase};
  for (Shape &shape : value.alternatives)
    if (shape.trace.empty() || !(shape.trace.back() == step))
      shape.trace.push_back(step);
}

void prependTrace(AbstractValue &value, const Trace &outer) {
  for (Shape &shape : value.alternatives) {
    Trace joined = shape.trace;
    for (const TraceStep &step : outer)
      if (std::find(joined.begin(), joined.end(), step) == joined.end())
        joined.push_back(step);
    shape.trace = std::move(joined);
  }
}

bool sameShapes(const AbstractValue &a, const AbstractValue &b) {
  if (a.alternatives.size() != b.alternatives.size())
    return false;
  for (const Shape &x : a.alternatives) {
    bool found = std::any_of(b.alternatives.begin(), b.alternatives.end(), [&](const Shape &y) {
      return x.structured == y.structured && x.pieces == y.pieces && x.conditions == y.conditions;
    });
    if (!found)
      return false;
  }
  return true;
}

std::string literalPhrase(const std::string &text) {
  std::string shown = text.size() > 60 ? text.substr(0, 57) + "..." : text;
  return "value '" + shown + "'";
}
} // namespace

Solver::Solver(const Facts &facts, const FunctionTable *functions, EnvLinkFilter envFilter)
    : names_(facts.symbolNames), functions_(functions), envFilter_(std::move(envFilter)) {
  for (const Assign &assign : facts.assigns)
    assigns_[assign.symbol].push_back(&assign);
}

std::string Solver::nameOf(const std::string &symbol) const {
  // A version of a local ("...@120-134", "...@loop120") is named as the local.
  for (std::string key = symbol;;) {
    if (auto it = names_.find(key); it != names_.end())
      return it->second;
    size_t at = key.rfind('@');
    if (at == std::string::npos || at + 1 >= key.size() ||
        !(std::isdigit(static_cast<unsigned char>(key[at + 1])) || key.compare(at + 1, 4, "loop") == 0))
      break;
    key.erase(at);
  }
  if (symbol.starts_with("tf:"))
    return symbol.substr(3);
  if (symbol.starts_with("env:"))
    return "environment variable " + symbol.substr(4);
  if (symbol.starts_with("k8s:")) {
    size_t hash = symbol.find('#');
    if (hash != std::string::npos)
      return "key " + symbol.substr(hash + 1) + " of " + symbol.substr(4, hash - 4);
  }
  return symbol;
}

AbstractValue Solver::evaluateSymbol(const std::string &symbol) {
  if (auto it = cache_.find(symbol); it != cache_.end())
    return it->second;
  if (auto it = inProgress_.find(symbol); it != inProgress_.end()) {
    cycleHit_.insert(symbol);
    return it->second;
  }
  auto found = assigns_.find(symbol);
  if (found == assigns_.end())
    return AbstractValue::unknown("nothing assigns " + nameOf(symbol));

  inProgress_[symbol] = AbstractValue{};
  AbstractValue result;
  bool cyclic = false;
  for (int round = 0;; ++round) {
    cycleHit_.erase(symbol);
    result = evaluateUncached(symbol);
    if (!cycleHit_.count(symbol))
      break;
    cyclic = true;
    if (sameShapes(result, inProgress_[symbol]))
      break;
    if (round + 1 >= kMaxRounds) {
      widen(result, "value of " + nameOf(symbol) + " grows in a cycle", 0);
      break;
    }
    inProgress_[symbol] = result;
  }
  inProgress_.erase(symbol);
  cycleHit_.erase(symbol);
  if (cyclic && result.alternatives.empty())
    result = AbstractValue::unknown("the value of " + nameOf(symbol) + " is defined only through itself");
  // Results that read an enclosing symbol's unfinished approximation are not final.
  bool dependsOnOpenCycle = std::any_of(cycleHit_.begin(), cycleHit_.end(),
                                        [&](const std::string &s) { return inProgress_.count(s) != 0; });
  if (!dependsOnOpenCycle)
    cache_[symbol] = result;
  return result;
}

AbstractValue Solver::evaluateUncached(const std::string &symbol) {
  AbstractValue result;
  for (const Assign *assign : assigns_[symbol]) {
    AbstractValue value = evaluate(assign->value);
    addStep(value, assign->range, assign->phrase);
    joinInto(result, std::move(value));
  }
  widen(result, "more than " + std::to_string(kMaxAlternatives) + " alternatives for " + nameOf(symbol));
  return result;
}

AbstractValue Solver::evaluate(const ValuePtr &value) {
  if (!value)
    return AbstractValue::unknown("no value");
  if (depth_ > kMaxDepth)
    return AbstractValue::unknown("value nested too deeply");
  ++depth_;
  AbstractValue result;
  switch (value->kind) {
  case ValueKind::Literal: {
    Trace trace;
    if (value->range.valid())
      trace.push_back(TraceStep{value->range, value->phrase.empty() ? literalPhrase(value->text) : value->phrase});
    result = AbstractValue::literal(value->text, std::move(trace));
    break;
  }
  case ValueKind::Concat: {
    std::vector<AbstractValue> parts;
    parts.reserve(value->parts.size());
    for (const ValuePtr &part : value->parts)
      parts.push_back(evaluate(part));
    result = concatValues(parts);
    break;
  }
  case ValueKind::Ref:
    result = evaluateSymbol(value->text);
    break;
  case ValueKind::Choice:
    for (const ValuePtr &alternative : value->parts)
      joinInto(result, evaluate(alternative));
    widen(result, "more than " + std::to_string(kMaxAlternatives) + " alternatives");
    break;
  case ValueKind::EnvRead: {
    auto found = assigns_.find("env:" + value->text);
    if (found == assigns_.end()) {
      result = AbstractValue::unknown("environment variable " + value->text + " is not set by any scanned workload");
      break;
    }
    size_t linked = 0;
    for (const Assign *assign : found->second) {
      EnvLink link = envFilter_ ? envFilter_(*assign, *value) : EnvLink::ByName;
      if (link == EnvLink::None)
        continue;
      ++linked;
      AbstractValue set = evaluate(assign->value);
      addStep(set, assign->range, link == EnvLink::ByName ? assign->phrase + " (linked to the read by name)" : assign->phrase);
      joinInto(result, std::move(set));
    }
    if (!linked)
      result = AbstractValue::unknown("no workload mapped to " + value->range.file() + " sets " + value->text);
    widen(result, "more than " + std::to_string(kMaxAlternatives) + " workloads set " + value->text);
    break;
  }
  case ValueKind::Unknown:
    result = AbstractValue::unknown(value->text);
    break;
  case ValueKind::Map:
  case ValueKind::List: {
    Shape shape;
    shape.structured = value;
    result.alternatives.push_back(std::move(shape));
    break;
  }
  case ValueKind::Get: {
    AbstractValue base = evaluate(value->parts.empty() ? nullptr : value->parts[0]);
    result = project(base, value->text);
    break;
  }
  case ValueKind::Apply: {
    const Function *fn = functions_ ? functions_->find(value->text) : nullptr;
    if (!fn) {
      result = AbstractValue::unknown("function " + value->text + " is not evaluated");
      break;
    }
    std::vector<AbstractValue> args;
    for (const ValuePtr &arg : value->parts)
      args.push_back(evaluate(arg));
    result = (*fn)(args, *this);
    break;
  }
  }
  if (value->kind != ValueKind::Literal && !value->phrase.empty())
    addStep(result, value->range, value->phrase);
  --depth_;
  return result;
}

AbstractValue Solver::project(const AbstractValue &base, const std::string &key) {
  AbstractValue result;
  for (const Shape &shape : base.alternatives) {
    AbstractValue part;
    if (shape.structured && shape.structured->kind == ValueKind::Map) {
      auto &fields = shape.structured->fields;
      auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &f) { return f.first == key; });
      part = it == fields.end() ? AbstractValue::unknown("no attribute '" + key + "'") : evaluate(it->second);
    } else if (shape.structured && shape.structured->kind == ValueKind::List) {
      auto &items = shape.structured->parts;
      char *end = nullptr;
      unsigned long index = std::strtoul(key.c_str(), &end, 10);
      bool numeric = !key.empty() && end && *end == '\0';
      part = numeric && index < items.size() ? evaluate(items[index])
                                             : AbstractValue::unknown("no element [" + key + "]");
    } else if (shape.hasHole()) {
      part = AbstractValue::unknown(shape.holeReason());
    } else {
      part = AbstractValue::unknown("'" + key + "' of a string value");
    }
    prependTrace(part, shape.trace);
    for (Shape &s : part.alternatives)
      for (const std::string &c : shape.conditions)
        if (std::find(s.conditions.begin(), s.conditions.end(), c) == s.conditions.end())
          s.conditions.push_back(c);
    joinInto(result, std::move(part));
  }
  widen(result, "more than " + std::to_string(kMaxAlternatives) + " alternatives");
  return result;
}

std::vector<AbstractValue> Solver::elements(const Shape &structured) {
  std::vector<AbstractValue> out;
  if (!structured.structured)
    return out;
  if (structured.structured->kind == ValueKind::List) {
    for (const ValuePtr &item : structured.structured->parts)
      out.push_back(evaluate(item));
  } else {
    for (const auto &field : structured.structured->fields)
      out.push_back(evaluate(field.second));
  }
  for (AbstractValue &v : out)
    prependTrace(v, structured.trace);
  return out;
}

std::vector<std::pair<std::string, AbstractValue>> Solver::fieldsOf(const Shape &structured) {
  std::vector<std::pair<std::string, AbstractValue>> out;
  if (!structured.structured || structured.structured->kind != ValueKind::Map)
    return out;
  for (const auto &field : structured.structured->fields) {
    AbstractValue v = evaluate(field.second);
    prependTrace(v, structured.trace);
    out.emplace_back(field.first, std::move(v));
  }
  return out;
}

} // namespace cloudpact
