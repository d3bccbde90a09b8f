// Terraform's functions over abstract values, for the solver. Functions that select or
// rearrange parts of maps and lists (lookup, element, merge, concat, values, ...) work on the
// Values themselves so every part keeps its own trace; functions that compute new text run the
// concrete implementation (Concrete.cpp) on each combination of known alternatives, and the
// string functions that can see through unknown parts (format, join, lower, trimprefix, ...)
// keep the known literal pieces around the holes.
#include "Terraform/Concrete.h"
#include "Terraform/Terraform.h"

#include "Analysis/Solver.h"

#include <algorithm>
#include <cctype>

namespace cloudpact::terraform {

namespace {
constexpr size_t kMaxCombinations = 64;
constexpr int kMaxDepth = 24;
constexpr size_t kMaxElements = 10000;
const char *const kNull = "null";

void appendTrace(Trace &into, const Trace &from) {
  for (const TraceStep &step : from)
    if (std::find(into.begin(), into.end(), step) == into.end())
      into.push_back(step);
}
void appendConditions(std::vector<std::string> &into, const std::vector<std::string> &from) {
  for (const std::string &c : from)
    if (std::find(into.begin(), into.end(), c) == into.end())
      into.push_back(c);
}

bool isNullShape(const Shape &s) { return !s.structured && s.pieces.size() == 1 && s.pieces[0].hole && s.pieces[0].text == kNull; }
bool isKnownShape(const Shape &s) { return s.structured || !s.hasHole(); }
bool isListShape(const Shape &s) { return s.structured && s.structured->kind == ValueKind::List; }
bool isMapShape(const Shape &s) { return s.structured && s.structured->kind == ValueKind::Map; }

Shape holeShape(std::string reason) {
  Shape s;
  s.pieces.push_back(Piece{true, std::move(reason)});
  return s;
}

CV toCV(const Shape &shape, Solver &solver, int depth);

CV toCV(const AbstractValue &value, Solver &solver, int depth) {
  if (value.alternatives.size() != 1)
    return CV::unknown(value.alternatives.empty() ? "no value" : "several possible values");
  return toCV(value.alternatives[0], solver, depth);
}

CV toCV(const Shape &shape, Solver &solver, int depth) {
  if (depth > kMaxDepth)
    return CV::unknown("value nested too deeply");
  if (shape.structured) {
    if (shape.structured->kind == ValueKind::List) {
      if (shape.structured->parts.size() > kMaxElements)
        return CV::unknown("list too long");
      std::vector<CV> items;
      for (const AbstractValue &item : solver.elements(shape))
        items.push_back(toCV(item, solver, depth + 1));
      return CV::list(std::move(items));
    }
    if (shape.structured->fields.size() > kMaxElements)
      return CV::unknown("map too large");
    std::vector<std::pair<std::string, CV>> fields;
    for (auto &[key, value] : solver.fieldsOf(shape))
      fields.emplace_back(key, toCV(value, solver, depth + 1));
    return CV::map(std::move(fields));
  }
  if (isNullShape(shape))
    return CV::null();
  if (shape.hasHole())
    return CV::unknown(shape.holeReason());
  return CV::string(shape.literal());
}

ValuePtr toValue(const CV &cv) {
  switch (cv.kind) {
  case CV::List: {
    std::vector<ValuePtr> items;
    for (const CV &item : cv.items)
      items.push_back(toValue(item));
    return makeList(std::move(items));
  }
  case CV::Map: {
    std::vector<std::pair<std::string, ValuePtr>> fields;
    for (const auto &[key, value] : cv.fields)
      fields.emplace_back(key, toValue(value));
    return makeMap(std::move(fields));
  }
  case CV::Null: return makeUnknown(kNull);
  case CV::Unknown: return makeUnknown(cv.text);
  default: return makeLiteral(cv.text);
  }
}

Shape fromCV(const CV &cv) {
  Shape s;
  switch (cv.kind) {
  case CV::List:
  case CV::Map: s.structured = toValue(cv); break;
  case CV::Null: s.pieces.push_back(Piece{true, kNull}); break;
  case CV::Unknown: s.pieces.push_back(Piece{true, cv.text.empty() ? "unknown value" : cv.text}); break;
  default:
    if (!cv.text.empty())
      s.pieces.push_back(Piece{false, cv.text});
  }
  return s;
}

// Every combination of the arguments' alternatives (bounded), with joined traces.
template <typename F> AbstractValue forEachCombination(const std::vector<AbstractValue> &args, const std::string &name, F &&f) {
  AbstractValue result;
  size_t total = 1;
  for (const AbstractValue &arg : args) {
    if (arg.alternatives.empty())
      return AbstractValue{}; // bottom: nothing flows yet
    total *= arg.alternatives.size();
    if (total > kMaxCombinations)
      return AbstractValue::unknown(name + "() over too many combinations of values");
  }
  std::vector<size_t> index(args.size(), 0);
  for (size_t n = 0; n < total; ++n) {
    std::vector<const Shape *> combo;
    Trace trace;
    std::vector<std::string> conditions;
    for (size_t i = 0; i < args.size(); ++i) {
      const Shape &s = args[i].alternatives[index[i]];
      combo.push_back(&s);
      appendTrace(trace, s.trace);
      appendConditions(conditions, s.conditions);
    }
    AbstractValue part = f(combo);
    for (Shape &s : part.alternatives) {
      Trace joined = trace;
      appendTrace(joined, s.trace);
      s.trace = std::move(joined);
      appendConditions(s.conditions, conditions);
    }
    joinInto(result, std::move(part));
    for (size_t i = args.size(); i-- > 0;) {
      if (++index[i] < args[i].alternatives.size())
        break;
      index[i] = 0;
    }
  }
  widen(result, "more than " + std::to_string(kMaxAlternatives) + " alternatives from " + name + "()");
  return result;
}

AbstractValue single(Shape shape) { return AbstractValue{{std::move(shape)}}; }

// ---- shape-level string functions: literal pieces are transformed, holes are kept.
using ShapeFunction = bool (*)(const std::vector<const Shape *> &args, Shape &out);

bool shapeCase(const std::vector<const Shape *> &a, Shape &out, bool upper) {
  if (a.size() != 1 || a[0]->structured)
    return false;
  for (Piece p : a[0]->pieces) {
    if (!p.hole)
      for (char &c : p.text)
        c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
    appendPiece(out.pieces, p);
  }
  return true;
}
bool shapeLower(const std::vector<const Shape *> &a, Shape &out) { return shapeCase(a, out, false); }
bool shapeUpper(const std::vector<const Shape *> &a, Shape &out) { return shapeCase(a, out, true); }

bool shapeTrimPrefix(const std::vector<const Shape *> &a, Shape &out) {
  if (a.size() != 2 || a[0]->structured || !a[1]->isLiteral())
    return false;
  std::string prefix = a[1]->literal();
  out.pieces = a[0]->pieces;
  if (!out.pieces.empty() && !out.pieces[0].hole && out.pieces[0].text.compare(0, prefix.size(), prefix) == 0) {
    out.pieces[0].text.erase(0, prefix.size());
    if (out.pieces[0].text.empty())
      out.pieces.erase(out.pieces.begin());
  }
  return true;
}
bool shapeTrimSuffix(const std::vector<const Shape *> &a, Shape &out) {
  if (a.size() != 2 || a[0]->structured || !a[1]->isLiteral())
    return false;
  std::string suffix = a[1]->literal();
  out.pieces = a[0]->pieces;
  if (!out.pieces.empty() && !out.pieces.back().hole) {
    std::string &t = out.pieces.back().text;
    if (t.size() >= suffix.size() && t.compare(t.size() - suffix.size(), suffix.size(), suffix) == 0) {
      t.erase(t.size() - suffix.size());
      if (t.empty())
        out.pieces.pop_back();
    }
  }
  return true;
}
bool shapeTrimSpace(const std::vector<const Shape *> &a, Shape &out) {
  if (a.size() != 1 || a[0]->structured)
    return false;
  out.pieces = a[0]->pieces;
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  if (!out.pieces.empty() && !out.pieces.front().hole) {
    std::string &t = out.pieces.front().text;
    t.erase(t.begin(), std::find_if_not(t.begin(), t.end(), space));
  }
  if (!out.pieces.empty() && !out.pieces.back().hole) {
    std::string &t = out.pieces.back().text;
    t.erase(std::find_if_not(t.rbegin(), t.rend(), space).base(), t.end());
  }
  out.pieces.erase(std::remove_if(out.pieces.begin(), out.pieces.end(), [](const Piece &p) { return !p.hole && p.text.empty(); }),
                   out.pieces.end());
  return true;
}
bool shapeReplace(const std::vector<const Shape *> &a, Shape &out) {
  if (a.size() != 3 || a[0]->structured || !a[1]->isLiteral() || !a[2]->isLiteral())
    return false;
  std::string search = a[1]->literal(), repl = a[2]->literal();
  if (search.empty() || (search.size() >= 2 && search.front() == '/' && search.back() == '/'))
    return false;
  for (Piece p : a[0]->pieces) {
    if (!p.hole) {
      std::string replaced;
      size_t start = 0;
      for (;;) {
        size_t at = p.text.find(search, start);
        if (at == std::string::npos) {
          replaced += p.text.substr(start);
          break;
        }
        replaced += p.text.substr(start, at - start) + repl;
        start = at + search.size();
      }
      p.text = replaced;
    }
    appendPiece(out.pieces, p);
  }
  return true;
}
bool shapeToString(const std::vector<const Shape *> &a, Shape &out) {
  if (a.size() != 1 || a[0]->structured)
    return false;
  out.pieces = a[0]->pieces;
  return true;
}
// format with %s/%v verbs (no width) over partly unknown strings.
bool shapeFormat(const std::vector<const Shape *> &a, Shape &out) {
  if (a.empty() || !a[0]->isLiteral())
    return false;
  std::string fmt = a[0]->literal();
  size_t next = 1;
  std::string literal;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      literal += fmt[i];
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '%') {
      literal += '%';
      ++i;
      continue;
    }
    if (i + 1 >= fmt.size() || next >= a.size())
      return false;
    char verb = fmt[i + 1];
    const Shape &arg = *a[next++];
    ++i;
    appendPiece(out.pieces, Piece{false, literal});
    literal.clear();
    if ((verb == 's' || verb == 'v' || verb == 'd') && !arg.structured) {
      for (const Piece &p : arg.pieces)
        appendPiece(out.pieces, p);
    } else {
      appendPiece(out.pieces, Piece{true, "format() of a value not known statically"});
    }
  }
  appendPiece(out.pieces, Piece{false, literal});
  return true;
}

struct ShapeEntry {
  const char *name;
  ShapeFunction fn;
};
const ShapeEntry kShapeFunctions[] = {
    {"format", shapeFormat},       {"lower", shapeLower},         {"replace", shapeReplace},
    {"tostring", shapeToString},   {"trimprefix", shapeTrimPrefix}, {"trimspace", shapeTrimSpace},
    {"trimsuffix", shapeTrimSuffix}, {"upper", shapeUpper},
};

ShapeFunction findShapeFunction(const std::string &name) {
  for (const ShapeEntry &e : kShapeFunctions)
    if (name == e.name)
      return e.fn;
  return nullptr;
}

// The generic function: concrete on known combinations, shape-level over holes.
Function concreteFunction(const std::string &name, ConcreteFunction fn) {
  ShapeFunction shapeFn = findShapeFunction(name);
  bool lenient = acceptsUnknown(name);
  return [name, fn, shapeFn, lenient](const std::vector<AbstractValue> &args, Solver &solver) {
    return forEachCombination(args, name, [&](const std::vector<const Shape *> &combo) {
      std::vector<CV> values;
      std::string unknown;
      for (const Shape *s : combo) {
        values.push_back(toCV(*s, solver, 0));
        if (unknown.empty())
          unknown = values.back().unknownReason();
      }
      if (!unknown.empty() && !lenient) {
        Shape out;
        if (shapeFn && shapeFn(combo, out))
          return single(std::move(out));
        return single(holeShape(unknown));
      }
      return single(fromCV(fn(values)));
    });
  };
}

// ---- functions over the Values themselves (parts keep their traces)

// Every element of a collection, for `each.value`, `v` in a for expression, and splats.
// Large collections are gathered first and widened once (linear), not joined one by one.
AbstractValue allElements(const AbstractValue &coll, Solver &solver, bool keys, bool setKeys) {
  AbstractValue gathered;
  auto add = [&](AbstractValue &&v) {
    for (Shape &s : v.alternatives)
      gathered.alternatives.push_back(std::move(s));
  };
  for (const Shape &s : coll.alternatives) {
    if (isMapShape(s)) {
      if (keys) {
        for (const auto &field : s.structured->fields) {
          AbstractValue k = AbstractValue::literal(field.first, s.trace);
          for (Shape &ks : k.alternatives)
            appendConditions(ks.conditions, s.conditions);
          add(std::move(k));
        }
      } else {
        for (AbstractValue &v : solver.elements(s))
          add(std::move(v));
      }
    } else if (isListShape(s)) {
      if (keys && !setKeys) {
        for (size_t i = 0; i < s.structured->parts.size(); ++i)
          add(AbstractValue::literal(std::to_string(i), s.trace));
      } else {
        for (AbstractValue &v : solver.elements(s))
          add(std::move(v));
      }
    } else {
      add(single(s));
    }
  }
  std::string reason = "more than " + std::to_string(kMaxAlternatives) + " elements";
  if (gathered.alternatives.size() > kMaxAlternatives * 4) {
    widen(gathered, reason);
    return gathered;
  }
  AbstractValue result;
  joinInto(result, std::move(gathered));
  widen(result, reason);
  return result;
}

AbstractValue fnValuesOf(const std::vector<AbstractValue> &a, Solver &solver) {
  return a.size() == 1 ? allElements(a[0], solver, false, false) : AbstractValue::unknown("$values needs one argument");
}
AbstractValue fnKeysOf(const std::vector<AbstractValue> &a, Solver &solver) {
  return a.size() == 1 ? allElements(a[0], solver, true, false) : AbstractValue::unknown("$keys needs one argument");
}
AbstractValue fnEachKey(const std::vector<AbstractValue> &a, Solver &solver) {
  return a.size() == 1 ? allElements(a[0], solver, true, true) : AbstractValue::unknown("$each_key needs one argument");
}

// base[key]: a known key projects; an unknown key (count.index, each.key) may pick any element.
AbstractValue fnIndex(const std::vector<AbstractValue> &a, Solver &solver) {
  if (a.size() != 2)
    return AbstractValue::unknown("index needs two arguments");
  AbstractValue result;
  for (const Shape &key : a[1].alternatives) {
    AbstractValue part = key.isLiteral() ? solver.project(a[0], key.literal()) : allElements(a[0], solver, false, false);
    for (Shape &s : part.alternatives) {
      appendTrace(s.trace, key.trace);
      appendConditions(s.conditions, key.conditions);
    }
    joinInto(result, std::move(part));
  }
  widen(result, "more than " + std::to_string(kMaxAlternatives) + " alternatives");
  return result;
}

AbstractValue fnLookup(const std::vector<AbstractValue> &a, Solver &solver) {
  if (a.size() < 2 || a.size() > 3)
    return AbstractValue::unknown("lookup: needs a map and a key");
  AbstractValue result;
  for (const Shape &key : a[1].alternatives) {
    for (const Shape &m : a[0].alternatives) {
      AbstractValue part;
      if (!key.isLiteral() || !isMapShape(m)) {
        part = isMapShape(m) ? allElements(single(m), solver, false, false)
                             : AbstractValue::unknown(m.hasHole() ? m.holeReason() : "lookup: needs a map");
      } else {
        std::string k = key.literal();
        const auto &fields = m.structured->fields;
        auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &f) { return f.first == k; });
        if (it != fields.end())
          part = solver.project(single(m), k);
        else if (a.size() == 3)
          part = a[2];
        else
          part = AbstractValue::unknown("lookup: the map has no key \"" + k + "\"");
      }
      for (Shape &s : part.alternatives) {
        appendTrace(s.trace, key.trace);
        appendConditions(s.conditions, key.conditions);
      }
      joinInto(result, std::move(part));
    }
  }
  widen(result, "more than " + std::to_string(kMaxAlternatives) + " alternatives");
  return result;
}

AbstractValue fnElement(const std::vector<AbstractValue> &a, Solver &solver) {
  if (a.size() != 2)
    return AbstractValue::unknown("element: needs a list and an index");
  AbstractValue result;
  for (const Shape &list : a[0].alternatives) {
    for (const Shape &index : a[1].alternatives) {
      AbstractValue part;
      double i = 0;
      if (isListShape(list) && index.isLiteral() && parseNumber(index.literal(), i) && i >= 0 && !list.structured->parts.empty()) {
        size_t n = list.structured->parts.size();
        part = solver.project(single(list), std::to_string(static_cast<size_t>(i) % n));
      } else if (isListShape(list)) {
        part = allElements(single(list), solver, false, false);
      } else {
        part = AbstractValue::unknown(list.hasHole() ? list.holeReason() : "element: needs a list");
      }
      joinInto(result, std::move(part));
    }
  }
  widen(result, "more than " + std::to_string(kMaxAlternatives) + " alternatives");
  return result;
}

AbstractValue fnCoalesce(const std::vector<AbstractValue> &a, Solver &) {
  AbstractValue result;
  for (const AbstractValue &arg : a) {
    bool surelySet = !arg.alternatives.empty();
    for (const Shape &s : arg.alternatives) {
      if (isNullShape(s) || (s.isLiteral() && s.literal().empty()))
        continue;
      if (s.hasHole())
        surelySet = false;
      joinInto(result, single(s));
    }
    for (const Shape &s : arg.alternatives)
      if (isNullShape(s) || (s.isLiteral() && s.literal().empty()))
        surelySet = false;
    if (surelySet)
      break;
  }
  if (result.empty())
    return AbstractValue::unknown("coalesce: no non-null, non-empty argument");
  widen(result, "more than " + std::to_string(kMaxAlternatives) + " alternatives");
  return result;
}

AbstractValue fnTry(const std::vector<AbstractValue> &a, Solver &) {
  for (const AbstractValue &arg : a)
    if (!arg.empty() && std::all_of(arg.alternatives.begin(), arg.alternatives.end(), isKnownShape))
      return arg;
  return a.empty() ? AbstractValue::unknown("try: needs arguments") : a.back();
}

AbstractValue fnCan(const std::vector<AbstractValue> &a, Solver &) {
  if (a.size() != 1)
    return AbstractValue::unknown("can: needs one argument");
  if (std::all_of(a[0].alternatives.begin(), a[0].alternatives.end(), isKnownShape))
    return AbstractValue::literal("true");
  return AbstractValue::unknown("can() of a value not known statically");
}

// join(sep, lists...): elements concatenated with their own traces.
AbstractValue fnJoin(const std::vector<AbstractValue> &a, Solver &solver) {
  if (a.size() < 2)
    return AbstractValue::unknown("join: needs a separator and lists");
  std::vector<AbstractValue> lists(a.begin() + 1, a.end());
  return forEachCombination(lists, "join", [&](const std::vector<const Shape *> &combo) {
    std::vector<AbstractValue> parts;
    bool first = true;
    for (const Shape *list : combo) {
      if (!isListShape(*list))
        return AbstractValue::unknown(list->hasHole() ? list->holeReason() : "join: needs lists of strings");
      for (AbstractValue &item : solver.elements(*list)) {
        if (!first)
          parts.push_back(a[0]);
        parts.push_back(std::move(item));
        first = false;
      }
    }
    return concatValues(parts);
  });
}

// Structure-building functions produce new Map/List Values whose parts are the original ones.
template <typename F> AbstractValue structural(const std::vector<AbstractValue> &args, const std::string &name, F &&build) {
  return forEachCombination(args, name, [&](const std::vector<const Shape *> &combo) {
    Shape out;
    std::string problem;
    ValuePtr built = build(combo, problem);
    if (!built)
      return AbstractValue::unknown(problem.empty() ? name + "() of a value not known statically" : problem);
    out.structured = built;
    return single(std::move(out));
  });
}

AbstractValue fnMerge(const std::vector<AbstractValue> &a, Solver &) {
  return structural(a, "merge", [](const std::vector<const Shape *> &combo, std::string &problem) -> ValuePtr {
    std::vector<std::pair<std::string, ValuePtr>> fields;
    for (const Shape *s : combo) {
      if (isNullShape(*s))
        continue;
      if (!isMapShape(*s)) {
        problem = s->hasHole() ? s->holeReason() : "merge: arguments must be maps or objects";
        return nullptr;
      }
      for (const auto &field : s->structured->fields) {
        auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &f) { return f.first == field.first; });
        if (it != fields.end())
          it->second = field.second;
        else
          fields.push_back(field);
      }
    }
    return makeMap(std::move(fields));
  });
}

AbstractValue fnConcat(const std::vector<AbstractValue> &a, Solver &) {
  return structural(a, "concat", [](const std::vector<const Shape *> &combo, std::string &problem) -> ValuePtr {
    std::vector<ValuePtr> items;
    for (const Shape *s : combo) {
      if (!isListShape(*s)) {
        problem = s->hasHole() ? s->holeReason() : "concat: arguments must be lists";
        return nullptr;
      }
      items.insert(items.end(), s->structured->parts.begin(), s->structured->parts.end());
    }
    return makeList(std::move(items));
  });
}

AbstractValue fnValues(const std::vector<AbstractValue> &a, Solver &) {
  return structural(a, "values", [](const std::vector<const Shape *> &combo, std::string &problem) -> ValuePtr {
    if (combo.size() != 1 || !isMapShape(*combo[0])) {
      problem = combo.size() == 1 && combo[0]->hasHole() ? combo[0]->holeReason() : "values: needs a map";
      return nullptr;
    }
    std::vector<ValuePtr> items;
    auto fields = combo[0]->structured->fields;
    std::stable_sort(fields.begin(), fields.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
    for (const auto &f : fields)
      items.push_back(f.second);
    return makeList(std::move(items));
  });
}

AbstractValue fnKeys(const std::vector<AbstractValue> &a, Solver &) {
  return structural(a, "keys", [](const std::vector<const Shape *> &combo, std::string &problem) -> ValuePtr {
    if (combo.size() != 1 || !isMapShape(*combo[0])) {
      problem = combo.size() == 1 && combo[0]->hasHole() ? combo[0]->holeReason() : "keys: needs a map";
      return nullptr;
    }
    std::vector<std::string> names;
    for (const auto &f : combo[0]->structured->fields)
      names.push_back(f.first);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<ValuePtr> items;
    for (const std::string &n : names)
      items.push_back(makeLiteral(n));
    return makeList(std::move(items));
  });
}

AbstractValue fnZipmap(const std::vector<AbstractValue> &a, Solver &solver) {
  return structural(a, "zipmap", [&](const std::vector<const Shape *> &combo, std::string &problem) -> ValuePtr {
    if (combo.size() != 2 || !isListShape(*combo[0]) || !isListShape(*combo[1])) {
      problem = "zipmap: needs two lists";
      return nullptr;
    }
    std::vector<AbstractValue> keys = solver.elements(*combo[0]);
    const auto &values = combo[1]->structured->parts;
    if (keys.size() != values.size()) {
      problem = "zipmap: lists have different lengths";
      return nullptr;
    }
    std::vector<std::pair<std::string, ValuePtr>> fields;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i].alternatives.size() != 1 || !keys[i].alternatives[0].isLiteral()) {
        problem = "zipmap: keys not known statically";
        return nullptr;
      }
      fields.emplace_back(keys[i].alternatives[0].literal(), values[i]);
    }
    return makeMap(std::move(fields));
  });
}

void flattenInto(const ValuePtr &list, Solver &solver, std::vector<ValuePtr> &out, int depth) {
  for (const ValuePtr &item : list->parts) {
    if (depth < kMaxDepth && item && item->kind == ValueKind::List) {
      flattenInto(item, solver, out, depth + 1);
      continue;
    }
    if (depth < kMaxDepth && item && item->kind != ValueKind::Literal) {
      AbstractValue v = solver.evaluate(item);
      if (v.alternatives.size() == 1 && isListShape(v.alternatives[0])) {
        flattenInto(v.alternatives[0].structured, solver, out, depth + 1);
        continue;
      }
    }
    out.push_back(item);
  }
}

AbstractValue fnFlatten(const std::vector<AbstractValue> &a, Solver &solver) {
  return structural(a, "flatten", [&](const std::vector<const Shape *> &combo, std::string &problem) -> ValuePtr {
    if (combo.size() != 1 || !isListShape(*combo[0])) {
      problem = combo.size() == 1 && combo[0]->hasHole() ? combo[0]->holeReason() : "flatten: needs a list";
      return nullptr;
    }
    std::vector<ValuePtr> items;
    flattenInto(combo[0]->structured, solver, items, 0);
    return makeList(std::move(items));
  });
}

// Conversions that keep a collection as it is.
AbstractValue fnIdentityCollection(const std::vector<AbstractValue> &a, Solver &) {
  if (a.size() != 1)
    return AbstractValue::unknown("conversion needs one argument");
  return a[0];
}

AbstractValue fnOne(const std::vector<AbstractValue> &a, Solver &solver) {
  if (a.size() != 1)
    return AbstractValue::unknown("one: needs a list");
  AbstractValue result;
  for (const Shape &s : a[0].alternatives) {
    if (isListShape(s) && s.structured->parts.size() == 1)
      joinInto(result, solver.project(single(s), "0"));
    else if (isListShape(s) && s.structured->parts.empty())
      joinInto(result, AbstractValue::unknown(kNull, s.trace));
    else
      joinInto(result, AbstractValue::unknown(s.hasHole() ? s.holeReason() : "one: needs a list of at most one element"));
  }
  return result;
}

// `cond ? a : b` decided per alternative of the condition: an arm taken only under an
// assumption (e.g. -var-file=prod.tfvars) carries that condition, and the condition's trace
// shows where the assumption comes from. The value's own trace is otherwise the arm's.
AbstractValue fnIf(const std::vector<AbstractValue> &a, Solver &) {
  if (a.size() != 3)
    return AbstractValue::unknown("conditional needs three operands");
  AbstractValue result;
  auto take = [&](const AbstractValue &arm, const Shape &cond) {
    AbstractValue copy = arm;
    for (Shape &s : copy.alternatives) {
      appendConditions(s.conditions, cond.conditions);
      if (!cond.conditions.empty())
        appendTrace(s.trace, cond.trace);
    }
    joinInto(result, std::move(copy));
  };
  for (const Shape &c : a[0].alternatives) {
    bool isTrue = c.isLiteral() && c.literal() == "true";
    bool isFalse = c.isLiteral() && c.literal() == "false";
    if (!isFalse)
      take(a[1], c);
    if (!isTrue)
      take(a[2], c);
  }
  widen(result, "more than " + std::to_string(kMaxAlternatives) + " alternatives");
  return result;
}

// $when(condition, value): the value holds only under an assumption (e.g. -var-file=prod.tfvars).
AbstractValue fnWhen(const std::vector<AbstractValue> &a, Solver &) {
  if (a.size() != 2)
    return AbstractValue::unknown("$when needs two arguments");
  AbstractValue result = a[1];
  for (const Shape &c : a[0].alternatives)
    if (c.isLiteral())
      for (Shape &s : result.alternatives)
        appendConditions(s.conditions, {c.literal()});
  return result;
}

// Functions whose result is not known before apply, or that read files at a path not known
// statically.
AbstractValue fnNotStatic(const std::vector<AbstractValue> &, Solver &) {
  return AbstractValue::unknown("file path not known statically");
}

struct NativeEntry {
  const char *name;
  Function fn;
};
} // namespace

void registerFunctions(FunctionTable &table) {
  for (const std::string &name : concreteNames())
    table.add(name, concreteFunction(name, findConcrete(name)));
  const NativeEntry natives[] = {
      {"$each_key", fnEachKey},
      {"$if", fnIf},
      {"$index", fnIndex},
      {"$keys", fnKeysOf},
      {"$values", fnValuesOf},
      {"$when", fnWhen},
      {"can", fnCan},
      {"coalesce", fnCoalesce},
      {"concat", fnConcat},
      {"element", fnElement},
      {"file", fnNotStatic},
      {"flatten", fnFlatten},
      {"join", fnJoin},
      {"keys", fnKeys},
      {"lookup", fnLookup},
      {"merge", fnMerge},
      {"one", fnOne},
      {"templatefile", fnNotStatic},
      {"tolist", fnIdentityCollection},
      {"tomap", fnIdentityCollection},
      {"try", fnTry},
      {"values", fnValues},
      {"zipmap", fnZipmap},
  };
  for (const NativeEntry &entry : natives)
    table.add(entry.name, entry.fn);
}

} // namespace cloudpact::terraform
