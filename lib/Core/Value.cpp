#include "Core/Value.h"

namespace cloudpact {

namespace {
ValuePtr make(ValueKind kind, std::string text, SourceRange range) {
  auto value = std::make_shared<Value>();
  value->kind = kind;
  value->text = std::move(text);
  value->range = std::move(range);
  return value;
}
} // namespace

ValuePtr makeLiteral(std::string text, SourceRange range) { return make(ValueKind::Literal, std::move(text), std::move(range)); }

ValuePtr makeConcat(std::vector<ValuePtr> parts, SourceRange range) {
  if (parts.size() == 1 && !range.valid())
    return parts.front();
  auto value = std::make_shared<Value>();
  value->kind = ValueKind::Concat;
  value->parts = std::move(parts);
  value->range = std::move(range);
  return value;
}

ValuePtr makeRef(std::string symbol, SourceRange range, std::string phrase) {
  auto value = std::make_shared<Value>();
  value->kind = ValueKind::Ref;
  value->text = std::move(symbol);
  value->range = std::move(range);
  value->phrase = std::move(phrase);
  return value;
}

ValuePtr makeChoice(std::vector<ValuePtr> alternatives, SourceRange range) {
  auto value = std::make_shared<Value>();
  value->kind = ValueKind::Choice;
  value->parts = std::move(alternatives);
  value->range = std::move(range);
  return value;
}

ValuePtr makeEnvRead(std::string name, SourceRange range, std::string phrase) {
  auto value = std::make_shared<Value>();
  value->kind = ValueKind::EnvRead;
  value->text = std::move(name);
  value->range = std::move(range);
  value->phrase = std::move(phrase);
  return value;
}

ValuePtr makeUnknown(std::string reason, SourceRange range) { return make(ValueKind::Unknown, std::move(reason), std::move(range)); }

ValuePtr makeMap(std::vector<std::pair<std::string, ValuePtr>> fields, SourceRange range) {
  auto value = std::make_shared<Value>();
  value->kind = ValueKind::Map;
  value->fields = std::move(fields);
  value->range = std::move(range);
  return value;
}

ValuePtr makeList(std::vector<ValuePtr> items, SourceRange range) {
  auto value = std::make_shared<Value>();
  value->kind = ValueKind::List;
  value->parts = std::move(items);
  value->range = std::move(range);
  return value;
}

ValuePtr makeGet(ValuePtr base, std::string key, SourceRange range) {
  auto value = std::make_shared<Value>();
  value->kind = ValueKind::Get;
  value->parts = {std::move(base)};
  value->text = std::move(key);
  value->range = std::move(range);
  return value;
}

ValuePtr makeApply(std::string function, std::vector<ValuePtr> args, SourceRange range) {
  auto value = std::make_shared<Value>();
  value->kind = ValueKind::Apply;
  value->text = std::move(function);
  value->parts = std::move(args);
  value->range = std::move(range);
  return value;
}

ValuePtr withPhrase(ValuePtr value, std::string phrase, SourceRange range) {
  auto copy = std::make_shared<Value>(*value);
  copy->phrase = std::move(phrase);
  if (range.valid())
    copy->range = std::move(range);
  return copy;
}

std::string describe(const Value &value) {
  auto list = [](const std::vector<ValuePtr> &parts, const char *sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i)
        out += sep;
      out += parts[i] ? describe(*parts[i]) : "null";
    }
    return out;
  };
  switch (value.kind) {
  case ValueKind::Literal: return "\"" + value.text + "\"";
  case ValueKind::Concat: return "concat(" + list(value.parts, ", ") + ")";
  case ValueKind::Ref: return "ref(" + value.text + ")";
  case ValueKind::Choice: return "choice(" + list(value.parts, " | ") + ")";
  case ValueKind::EnvRead: return "env(" + value.text + ")";
  case ValueKind::Unknown: return "unknown(" + value.text + ")";
  case ValueKind::List: return "[" + list(value.parts, ", ") + "]";
  case ValueKind::Get: return (value.parts.empty() || !value.parts[0] ? std::string("null") : describe(*value.parts[0])) + "[" + value.text + "]";
  case ValueKind::Apply: return value.text + "(" + list(value.parts, ", ") + ")";
  case ValueKind::Map: {
    std::string out = "{";
    for (size_t i = 0; i < value.fields.size(); ++i) {
      if (i)
        out += ", ";
      out += value.fields[i].first + ": " + (value.fields[i].second ? describe(*value.fields[i].second) : "null");
    }
    return out + "}";
  }
  }
  return "?";
}

} // namespace cloudpact
