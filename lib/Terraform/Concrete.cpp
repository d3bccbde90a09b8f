#include "Terraform/Concrete.h"

#include "Syntax/Document.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace cloudpact::terraform {

CV CV::unknown(std::string reason) {
  CV v;
  v.kind = Unknown;
  v.text = std::move(reason);
  return v;
}
CV CV::null() {
  CV v;
  v.kind = Null;
  return v;
}
CV CV::string(std::string text) {
  CV v;
  v.kind = String;
  v.text = std::move(text);
  return v;
}
CV CV::number(double value) {
  CV v;
  v.kind = Number;
  v.text = formatNumber(value);
  return v;
}
CV CV::numberText(std::string text) {
  CV v;
  v.kind = Number;
  double d = 0;
  v.text = parseNumber(text, d) ? formatNumber(d) : std::move(text);
  return v;
}
CV CV::boolean(bool value) {
  CV v;
  v.kind = Bool;
  v.text = value ? "true" : "false";
  return v;
}
CV CV::list(std::vector<CV> items) {
  CV v;
  v.kind = List;
  v.items = std::move(items);
  return v;
}
CV CV::map(std::vector<std::pair<std::string, CV>> fields) {
  CV v;
  v.kind = Map;
  std::stable_sort(fields.begin(), fields.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
  for (auto &field : fields) {
    if (!v.fields.empty() && v.fields.back().first == field.first)
      v.fields.back().second = std::move(field.second);
    else
      v.fields.push_back(std::move(field));
  }
  return v;
}

bool CV::known() const { return unknownReason().empty() && kind != Unknown; }

std::string CV::unknownReason() const {
  if (kind == Unknown)
    return text.empty() ? "unknown value" : text;
  for (const CV &item : items)
    if (std::string r = item.unknownReason(); !r.empty())
      return r;
  for (const auto &field : fields)
    if (std::string r = field.second.unknownReason(); !r.empty())
      return r;
  return {};
}

const CV *CV::field(std::string_view key) const {
  for (const auto &f : fields)
    if (f.first == key)
      return &f.second;
  return nullptr;
}

bool CV::operator==(const CV &other) const {
  if (kind != other.kind) {
    // Terraform compares after conversion: "1" == 1 is false, but our literals lose their
    // type, so a number and its text compare equal.
    if (isPrimitive() && other.isPrimitive())
      return text == other.text;
    return false;
  }
  return text == other.text && items == other.items && fields == other.fields;
}

std::string formatNumber(double value) {
  if (std::isnan(value))
    return "NaN";
  if (std::isinf(value))
    return value > 0 ? "+Inf" : "-Inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", value);
    return buf;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", value);
  double back = std::strtod(buf, nullptr);
  if (back != value)
    std::snprintf(buf, sizeof buf, "%.17g", value);
  return buf;
}

bool parseNumber(std::string_view text, double &out) {
  if (text.empty())
    return false;
  std::string s(text);
  char *end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end && *end == '\0' && !std::isspace(static_cast<unsigned char>(s[0]));
}

bool truthy(const CV &value, bool &ok) {
  ok = value.isPrimitive() && (value.text == "true" || value.text == "false");
  return ok && value.text == "true";
}

// ----------------------------------------------------------------------------------------
// Encoders and decoders

namespace {
void jsonString(std::string &out, std::string_view s) {
  out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    case '<': out += "\\u003c"; break; // Go's encoding/json escapes HTML characters
    case '>': out += "\\u003e"; break;
    case '&': out += "\\u0026"; break;
    default:
      if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                 (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
        out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
        i += 2;
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  out += '"';
}

void jsonEncodeInto(std::string &out, const CV &v) {
  switch (v.kind) {
  case CV::Null:
  case CV::Unknown: out += "null"; break;
  case CV::String: jsonString(out, v.text); break;
  case CV::Number:
  case CV::Bool: out += v.text; break;
  case CV::List:
    out += '[';
    for (size_t i = 0; i < v.items.size(); ++i) {
      if (i)
        out += ',';
      jsonEncodeInto(out, v.items[i]);
    }
    out += ']';
    break;
  case CV::Map:
    out += '{';
    for (size_t i = 0; i < v.fields.size(); ++i) {
      if (i)
        out += ',';
      jsonString(out, v.fields[i].first);
      out += ':';
      jsonEncodeInto(out, v.fields[i].second);
    }
    out += '}';
    break;
  }
}

void yamlScalar(std::string &out, const CV &v) {
  switch (v.kind) {
  case CV::Null:
  case CV::Unknown: out += "null"; break;
  case CV::Number:
  case CV::Bool: out += v.text; break;
  default: {
    out += '"';
    for (char c : v.text) {
      switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
      }
    }
    out += '"';
  }
  }
}

void yamlEncodeInto(std::string &out, const CV &v, int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  if (v.kind == CV::Map) {
    for (const auto &[key, value] : v.fields) {
      out += pad;
      yamlScalar(out, CV::string(key));
      out += ':';
      if (value.kind == CV::Map && !value.fields.empty()) {
        out += '\n';
        yamlEncodeInto(out, value, indent + 2);
      } else if (value.kind == CV::List && !value.items.empty()) {
        out += '\n';
        yamlEncodeInto(out, value, indent);
      } else {
        out += ' ';
        if (value.kind == CV::Map)
          out += "{}";
        else if (value.kind == CV::List)
          out += "[]";
        else
          yamlScalar(out, value);
        out += '\n';
      }
    }
    return;
  }
  if (v.kind == CV::List) {
    for (const CV &item : v.items) {
      out += pad;
      out += "- ";
      if ((item.kind == CV::Map && !item.fields.empty()) || (item.kind == CV::List && !item.items.empty())) {
        std::string nested;
        yamlEncodeInto(nested, item, indent + 2);
        // The first line of the nested block continues after "- ".
        out += nested.substr(static_cast<size_t>(indent) + 2);
      } else {
        if (item.kind == CV::Map)
          out += "{}";
        else if (item.kind == CV::List)
          out += "[]";
        else
          yamlScalar(out, item);
        out += '\n';
      }
    }
    return;
  }
  out += pad;
  yamlScalar(out, v);
  out += '\n';
}

CV fromNode(const syntax::Node &node, bool yaml, int depth) {
  if (depth > 256)
    return CV::unknown("document nested too deeply");
  switch (node.kind) {
  case syntax::NodeKind::Null: return CV::null();
  case syntax::NodeKind::Scalar: {
    if (node.style == syntax::ScalarStyle::Plain) {
      const std::string &t = node.value;
      if (t == "null" || t == "~" || t == "Null" || t == "NULL" || (yaml && t.empty()))
        return CV::null();
      if (t == "true" || t == "false")
        return CV::boolean(t == "true");
      if (yaml && (t == "True" || t == "TRUE" || t == "False" || t == "FALSE"))
        return CV::boolean(t[0] == 'T' || t[0] == 't');
      double d = 0;
      if (parseNumber(t, d) && (!yaml || node.isPlainNonString()))
        return CV::numberText(t);
    }
    return CV::string(node.value);
  }
  case syntax::NodeKind::Sequence: {
    std::vector<CV> items;
    for (const syntax::Node &item : node.items)
      items.push_back(fromNode(item, yaml, depth + 1));
    return CV::list(std::move(items));
  }
  case syntax::NodeKind::Mapping: {
    std::vector<std::pair<std::string, CV>> fields;
    for (const auto &[key, value] : node.entries)
      fields.emplace_back(key.value, fromNode(value, yaml, depth + 1));
    return CV::map(std::move(fields));
  }
  }
  return CV::unknown("unreadable document");
}
} // namespace

std::string jsonEncode(const CV &value) {
  std::string out;
  jsonEncodeInto(out, value);
  return out;
}

std::string yamlEncode(const CV &value) {
  std::string out;
  if (value.kind == CV::Map && value.fields.empty())
    return "{}\n";
  if (value.kind == CV::List && value.items.empty())
    return "[]\n";
  yamlEncodeInto(out, value, 0);
  return out;
}

CV jsonDecode(std::string_view text) {
  syntax::ParseResult parsed = syntax::parseJson(text, "<jsondecode>");
  if (!parsed.diagnostics.empty() || parsed.documents.size() != 1)
    return CV::unknown("jsondecode: the text is not valid JSON");
  return fromNode(parsed.documents[0].root, false, 0);
}

CV yamlDecode(std::string_view text) {
  syntax::ParseResult parsed = syntax::parseYaml(text, "<yamldecode>");
  if (!parsed.diagnostics.empty())
    return CV::unknown("yamldecode: the text is not valid YAML");
  if (parsed.documents.empty())
    return CV::null();
  if (parsed.documents.size() > 1)
    return CV::unknown("yamldecode: more than one YAML document");
  return fromNode(parsed.documents[0].root, true, 0);
}

// ----------------------------------------------------------------------------------------
// format

bool formatString(const std::string &format, const std::vector<CV> &args, std::string &out, std::string &error) {
  size_t next = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c != '%') {
      out += c;
      continue;
    }
    if (++i >= format.size()) {
      error = "format: a verb is missing after '%'";
      return false;
    }
    if (format[i] == '%') {
      out += '%';
      continue;
    }
    bool left = false, zero = false, plus = false, space = false;
    for (; i < format.size(); ++i) {
      char f = format[i];
      if (f == '-')
        left = true;
      else if (f == '0')
        zero = true;
      else if (f == '+')
        plus = true;
      else if (f == ' ')
        space = true;
      else if (f == '#')
        ;
      else
        break;
    }
    if (i < format.size() && format[i] == '[') {
      size_t close = format.find(']', i);
      if (close == std::string::npos) {
        error = "format: unterminated argument index";
        return false;
      }
      next = static_cast<size_t>(std::atoi(format.substr(i + 1, close - i - 1).c_str())) - 1;
      i = close + 1;
    }
    int width = -1, precision = -1;
    if (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) {
      width = 0;
      while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i])))
        width = width * 10 + (format[i++] - '0');
    }
    if (i < format.size() && format[i] == '.') {
      ++i;
      precision = 0;
      while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i])))
        precision = precision * 10 + (format[i++] - '0');
    }
    if (i >= format.size()) {
      error = "format: a verb is missing";
      return false;
    }
    char verb = format[i];
    if (next >= args.size()) {
      error = "format: not enough arguments for the verbs";
      return false;
    }
    const CV &arg = args[next++];
    std::string piece;
    switch (verb) {
    case 'v':
      piece = arg.isPrimitive() ? arg.text : jsonEncode(arg);
      break;
    case 's':
      if (!arg.isPrimitive()) {
        error = "format: %s needs a string";
        return false;
      }
      piece = arg.text;
      if (precision >= 0 && static_cast<size_t>(precision) < piece.size())
        piece = piece.substr(0, static_cast<size_t>(precision));
      break;
    case 'q':
      if (!arg.isPrimitive()) {
        error = "format: %q needs a string";
        return false;
      }
      piece = jsonEncode(CV::string(arg.text));
      break;
    case 't':
      if (arg.text != "true" && arg.text != "false") {
        error = "format: %t needs a bool";
        return false;
      }
      piece = arg.text;
      break;
    case 'd':
    case 'f':
    case 'e':
    case 'g':
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      double d = 0;
      if (!arg.isPrimitive() || !parseNumber(arg.text, d)) {
        error = std::string("format: %") + verb + " needs a number";
        return false;
      }
      char buf[128];
      if (verb == 'd') {
        std::snprintf(buf, sizeof buf, plus ? "%+lld" : (space ? "% lld" : "%lld"), static_cast<long long>(d));
      } else if (verb == 'f' || verb == 'e' || verb == 'g') {
        char spec[16];
        std::snprintf(spec, sizeof spec, "%%%s.%d%c", plus ? "+" : "", precision >= 0 ? precision : 6, verb);
        if (verb == 'g' && precision < 0)
          std::snprintf(spec, sizeof spec, "%%%sg", plus ? "+" : "");
        std::snprintf(buf, sizeof buf, spec, d);
      } else if (verb == 'x' || verb == 'X' || verb == 'o') {
        char spec[8] = {'%', 'l', 'l', verb, 0};
        std::snprintf(buf, sizeof buf, spec, static_cast<long long>(d));
      } else {
        std::string bits;
        unsigned long long n = static_cast<unsigned long long>(d);
        do {
          bits.insert(bits.begin(), static_cast<char>('0' + (n & 1)));
          n >>= 1;
        } while (n);
        std::snprintf(buf, sizeof buf, "%s", bits.c_str());
      }
      piece = buf;
      break;
    }
    default:
      error = std::string("format: unsupported verb %") + verb;
      return false;
    }
    if (width > 0 && piece.size() < static_cast<size_t>(width)) {
      size_t fill = static_cast<size_t>(width) - piece.size();
      if (left)
        piece.append(fill, ' ');
      else if (zero && verb != 's' && verb != 'q' && verb != 'v')
        piece.insert(piece.front() == '-' || piece.front() == '+' ? 1 : 0, fill, '0');
      else
        piece.insert(0, fill, ' ');
    }
    out += piece;
  }
  return true;
}

// ----------------------------------------------------------------------------------------
// The functions

namespace {
CV fail(const std::string &name, const std::string &message) { return CV::unknown(name + ": " + message); }

bool asNumber(const CV &v, double &out) { return v.isPrimitive() && parseNumber(v.text, out); }

bool isNull(const CV &v) { return v.kind == CV::Null; }

CV asList(const CV &v) {
  if (v.kind == CV::List)
    return v;
  if (v.kind == CV::Map) {
    std::vector<CV> items;
    for (const auto &f : v.fields)
      items.push_back(f.second);
    return CV::list(std::move(items));
  }
  return CV::unknown("not a collection");
}

size_t utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80)
      ++n;
  return n;
}

std::vector<std::string> utf8Chars(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    out.emplace_back(s.substr(i, len));
    i += len;
  }
  return out;
}

std::string toLower(std::string s) {
  for (char &c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string toUpper(std::string s) {
  for (char &c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Go's regexp replacement syntax ($1, ${1}, ${name}) → RE2's (\1).
std::string goReplacement(const RE2 &re, const std::string &repl) {
  std::string out;
  const auto &named = re.NamedCapturingGroups();
  for (size_t i = 0; i < repl.size(); ++i) {
    char c = repl[i];
    if (c == '\\') {
      out += "\\\\";
      continue;
    }
    if (c != '$' || i + 1 >= repl.size()) {
      out += c;
      continue;
    }
    if (repl[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    std::string name;
    size_t j = i + 1;
    if (repl[j] == '{') {
      size_t close = repl.find('}', j);
      if (close == std::string::npos) {
        out += c;
        continue;
      }
      name = repl.substr(j + 1, close - j - 1);
      j = close + 1;
    } else {
      while (j < repl.size() && (std::isalnum(static_cast<unsigned char>(repl[j])) || repl[j] == '_'))
        name += repl[j++];
    }
    if (name.empty()) {
      out += c;
      continue;
    }
    int group = -1;
    if (std::all_of(name.begin(), name.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
      group = std::atoi(name.c_str());
    else if (auto it = named.find(name); it != named.end())
      group = it->second;
    if (group >= 0 && group <= 9)
      out += "\\" + std::to_string(group);
    i = j - 1;
  }
  return out;
}

CV regexResult(const RE2 &re, const std::vector<re2::StringPiece> &groups) {
  int count = re.NumberOfCapturingGroups();
  if (count == 0)
    return CV::string(std::string(groups[0]));
  const auto &names = re.CapturingGroupNames();
  if (!names.empty()) {
    std::vector<std::pair<std::string, CV>> fields;
    for (const auto &[index, name] : names)
      fields.emplace_back(name, groups[static_cast<size_t>(index)].data() ? CV::string(std::string(groups[static_cast<size_t>(index)])) : CV::null());
    return CV::map(std::move(fields));
  }
  std::vector<CV> items;
  for (int g = 1; g <= count; ++g)
    items.push_back(groups[static_cast<size_t>(g)].data() ? CV::string(std::string(groups[static_cast<size_t>(g)])) : CV::null());
  return CV::list(std::move(items));
}

CV regexAll(const std::vector<CV> &a, bool all) {
  const char *name = all ? "regexall" : "regex";
  if (a.size() != 2 || !a[0].isPrimitive() || !a[1].isPrimitive())
    return fail(name, "needs a pattern and a string");
  RE2 re(a[0].text);
  if (!re.ok())
    return fail(name, "invalid pattern: " + re.error());
  int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
  std::vector<CV> matches;
  re2::StringPiece input(a[1].text);
  size_t pos = 0;
  while (pos <= input.size()) {
    if (!re.Match(input, pos, input.size(), RE2::UNANCHORED, groups.data(), n))
      break;
    matches.push_back(regexResult(re, groups));
    if (!all)
      return matches.back();
    size_t end = static_cast<size_t>(groups[0].data() - input.data()) + groups[0].size();
    pos = end > pos ? end : pos + 1;
    if (matches.size() > 10000)
      break;
  }
  if (!all)
    return fail(name, "pattern did not match any part of the given string");
  return CV::list(std::move(matches));
}

// --- string functions
CV fnLower(const std::vector<CV> &a) { return a.size() == 1 && a[0].isPrimitive() ? CV::string(toLower(a[0].text)) : fail("lower", "needs a string"); }
CV fnUpper(const std::vector<CV> &a) { return a.size() == 1 && a[0].isPrimitive() ? CV::string(toUpper(a[0].text)) : fail("upper", "needs a string"); }
CV fnTitle(const std::vector<CV> &a) {
  if (a.size() != 1 || !a[0].isPrimitive())
    return fail("title", "needs a string");
  std::string s = a[0].text;
  bool start = true;
  for (char &c : s) {
    if (start && std::isalpha(static_cast<unsigned char>(c)))
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    start = isSpace(c);
  }
  return CV::string(s);
}
CV fnTrimPrefix(const std::vector<CV> &a) {
  if (a.size() != 2 || !a[0].isPrimitive() || !a[1].isPrimitive())
    return fail("trimprefix", "needs two strings");
  const std::string &s = a[0].text, &p = a[1].text;
  return CV::string(s.compare(0, p.size(), p) == 0 ? s.substr(p.size()) : s);
}
CV fnTrimSuffix(const std::vector<CV> &a) {
  if (a.size() != 2 || !a[0].isPrimitive() || !a[1].isPrimitive())
    return fail("trimsuffix", "needs two strings");
  const std::string &s = a[0].text, &p = a[1].text;
  return CV::string(s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0 ? s.substr(0, s.size() - p.size()) : s);
}
CV fnTrimSpace(const std::vector<CV> &a) {
  if (a.size() != 1 || !a[0].isPrimitive())
    return fail("trimspace", "needs a string");
  std::string s = a[0].text;
  size_t b = 0, e = s.size();
  while (b < e && isSpace(s[b]))
    ++b;
  while (e > b && isSpace(s[e - 1]))
    --e;
  return CV::string(s.substr(b, e - b));
}
CV fnTrim(const std::vector<CV> &a) {
  if (a.size() != 2 || !a[0].isPrimitive() || !a[1].isPrimitive())
    return fail("trim", "needs two strings");
  const std::string &s = a[0].text, &set = a[1].text;
  size_t b = 0, e = s.size();
  while (b < e && set.find(s[b]) != std::string::npos)
    ++b;
  while (e > b && set.find(s[e - 1]) != std::string::npos)
    --e;
  return CV::string(s.substr(b, e - b));
}
CV fnFormat(const std::vector<CV> &a) {
  if (a.empty() || !a[0].isPrimitive())
    return fail("format", "needs a format string");
  std::string out, error;
  if (!formatString(a[0].text, std::vector<CV>(a.begin() + 1, a.end()), out, error))
    return CV::unknown(error);
  return CV::string(out);
}
CV fnFormatList(const std::vector<CV> &a) {
  if (a.empty() || !a[0].isPrimitive())
    return fail("formatlist", "needs a format string");
  size_t n = 0;
  bool anyList = false;
  for (size_t i = 1; i < a.size(); ++i) {
    if (a[i].kind == CV::List) {
      if (anyList && a[i].items.size() != n)
        return fail("formatlist", "argument lists have different lengths");
      n = a[i].items.size();
      anyList = true;
    }
  }
  if (!anyList)
    n = 1;
  std::vector<CV> out;
  for (size_t k = 0; k < n; ++k) {
    std::vector<CV> args;
    for (size_t i = 1; i < a.size(); ++i)
      args.push_back(a[i].kind == CV::List ? a[i].items[k] : a[i]);
    std::string s, error;
    if (!formatString(a[0].text, args, s, error))
      return CV::unknown(error);
    out.push_back(CV::string(s));
  }
  return CV::list(std::move(out));
}
CV fnJoin(const std::vector<CV> &a) {
  if (a.size() < 2 || !a[0].isPrimitive())
    return fail("join", "needs a separator and lists");
  std::string out;
  bool first = true;
  for (size_t i = 1; i < a.size(); ++i) {
    if (a[i].kind != CV::List)
      return fail("join", "needs lists of strings");
    for (const CV &item : a[i].items) {
      if (!item.isPrimitive())
        return fail("join", "needs lists of strings");
      if (!first)
        out += a[0].text;
      out += item.text;
      first = false;
    }
  }
  return CV::string(out);
}
CV fnSplit(const std::vector<CV> &a) {
  if (a.size() != 2 || !a[0].isPrimitive() || !a[1].isPrimitive())
    return fail("split", "needs a separator and a string");
  const std::string &sep = a[0].text, &s = a[1].text;
  std::vector<CV> out;
  if (sep.empty()) {
    for (std::string &c : utf8Chars(s))
      out.push_back(CV::string(c));
    return CV::list(std::move(out));
  }
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    if (at == std::string::npos) {
      out.push_back(CV::string(s.substr(start)));
      break;
    }
    out.push_back(CV::string(s.substr(start, at - start)));
    start = at + sep.size();
  }
  return CV::list(std::move(out));
}
CV fnReplace(const std::vector<CV> &a) {
  if (a.size() != 3 || !a[0].isPrimitive() || !a[1].isPrimitive() || !a[2].isPrimitive())
    return fail("replace", "needs three strings");
  std::string s = a[0].text;
  const std::string &search = a[1].text, &repl = a[2].text;
  if (search.size() >= 2 && search.front() == '/' && search.back() == '/') {
    RE2 re(search.substr(1, search.size() - 2));
    if (!re.ok())
      return fail("replace", "invalid pattern: " + re.error());
    RE2::GlobalReplace(&s, re, goReplacement(re, repl));
    return CV::string(s);
  }
  if (search.empty())
    return CV::string(s);
  std::string out;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(search, start);
    if (at == std::string::npos) {
      out += s.substr(start);
      break;
    }
    out += s.substr(start, at - start) + repl;
    start = at + search.size();
  }
  return CV::string(out);
}
CV fnRegex(const std::vector<CV> &a) { return regexAll(a, false); }
CV fnRegexAll(const std::vector<CV> &a) { return regexAll(a, true); }
CV fnSubstr(const std::vector<CV> &a) {
  double off = 0, len = 0;
  if (a.size() != 3 || !a[0].isPrimitive() || !asNumber(a[1], off) || !asNumber(a[2], len))
    return fail("substr", "needs a string, an offset and a length");
  std::vector<std::string> chars = utf8Chars(a[0].text);
  long n = static_cast<long>(chars.size());
  long o = static_cast<long>(off);
  if (o < 0)
    o += n;
  if (o < 0 || o > n)
    return fail("substr", "offset out of range");
  long l = static_cast<long>(len);
  long end = l < 0 ? n : std::min(n, o + l);
  std::string out;
  for (long i = o; i < end; ++i)
    out += chars[static_cast<size_t>(i)];
  return CV::string(out);
}
CV fnStartsWith(const std::vector<CV> &a) {
  if (a.size() != 2 || !a[0].isPrimitive() || !a[1].isPrimitive())
    return fail("startswith", "needs two strings");
  return CV::boolean(a[0].text.compare(0, a[1].text.size(), a[1].text) == 0);
}
CV fnEndsWith(const std::vector<CV> &a) {
  if (a.size() != 2 || !a[0].isPrimitive() || !a[1].isPrimitive())
    return fail("endswith", "needs two strings");
  const std::string &s = a[0].text, &p = a[1].text;
  return CV::boolean(s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0);
}
CV fnStrContains(const std::vector<CV> &a) {
  if (a.size() != 2 || !a[0].isPrimitive() || !a[1].isPrimitive())
    return fail("strcontains", "needs two strings");
  return CV::boolean(a[0].text.find(a[1].text) != std::string::npos);
}
CV fnStrRev(const std::vector<CV> &a) {
  if (a.size() != 1 || !a[0].isPrimitive())
    return fail("strrev", "needs a string");
  std::vector<std::string> chars = utf8Chars(a[0].text);
  std::string out;
  for (auto it = chars.rbegin(); it != chars.rend(); ++it)
    out += *it;
  return CV::string(out);
}

// --- collection functions
CV fnLength(const std::vector<CV> &a) {
  if (a.size() != 1)
    return fail("length", "needs one argument");
  if (a[0].kind == CV::List)
    return CV::number(static_cast<double>(a[0].items.size()));
  if (a[0].kind == CV::Map)
    return CV::number(static_cast<double>(a[0].fields.size()));
  if (a[0].kind == CV::Unknown)
    return a[0];
  if (a[0].isPrimitive())
    return CV::number(static_cast<double>(utf8Length(a[0].text)));
  return fail("length", "argument must not be null");
}
CV fnCoalesce(const std::vector<CV> &a) {
  for (const CV &v : a) {
    if (v.kind == CV::Unknown)
      return v;
    if (isNull(v) || (v.kind == CV::String && v.text.empty()))
      continue;
    return v;
  }
  return fail("coalesce", "no non-null, non-empty argument");
}
CV fnCoalesceList(const std::vector<CV> &a) {
  for (const CV &v : a)
    if (v.kind == CV::List && !v.items.empty())
      return v;
  return CV::list({});
}
CV fnLookup(const std::vector<CV> &a) {
  if (a.size() < 2 || a.size() > 3 || a[0].kind != CV::Map || !a[1].isPrimitive())
    return fail("lookup", "needs a map and a key");
  if (const CV *v = a[0].field(a[1].text))
    return *v;
  if (a.size() == 3)
    return a[2];
  return fail("lookup", "the map has no key \"" + a[1].text + "\"");
}
CV fnMerge(const std::vector<CV> &a) {
  std::vector<std::pair<std::string, CV>> fields;
  for (const CV &v : a) {
    if (isNull(v))
      continue;
    if (v.kind != CV::Map)
      return fail("merge", "arguments must be maps or objects");
    for (const auto &f : v.fields)
      fields.push_back(f);
  }
  return CV::map(std::move(fields));
}
CV fnConcat(const std::vector<CV> &a) {
  std::vector<CV> items;
  for (const CV &v : a) {
    if (v.kind != CV::List)
      return fail("concat", "arguments must be lists");
    items.insert(items.end(), v.items.begin(), v.items.end());
  }
  return CV::list(std::move(items));
}
CV fnElement(const std::vector<CV> &a) {
  double i = 0;
  if (a.size() != 2 || a[0].kind != CV::List || !asNumber(a[1], i))
    return fail("element", "needs a list and an index");
  if (a[0].items.empty())
    return fail("element", "cannot use element function with an empty list");
  long n = static_cast<long>(a[0].items.size());
  long k = static_cast<long>(i);
  if (k < 0)
    return fail("element", "negative index");
  return a[0].items[static_cast<size_t>(k % n)];
}
CV fnIndexOf(const std::vector<CV> &a) {
  if (a.size() != 2 || a[0].kind != CV::List)
    return fail("index", "needs a list and a value");
  for (size_t i = 0; i < a[0].items.size(); ++i)
    if (a[0].items[i] == a[1])
      return CV::number(static_cast<double>(i));
  return fail("index", "item not found");
}
void flattenInto(const CV &v, std::vector<CV> &out, int depth) {
  for (const CV &item : v.items) {
    if (item.kind == CV::List && depth < 64)
      flattenInto(item, out, depth + 1);
    else
      out.push_back(item);
  }
}
CV fnFlatten(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::List)
    return fail("flatten", "needs a list");
  std::vector<CV> out;
  flattenInto(a[0], out, 0);
  return CV::list(std::move(out));
}
CV fnKeys(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::Map)
    return fail("keys", "needs a map");
  std::vector<CV> out;
  for (const auto &f : a[0].fields)
    out.push_back(CV::string(f.first));
  return CV::list(std::move(out));
}
CV fnValues(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::Map)
    return fail("values", "needs a map");
  return asList(a[0]);
}
CV fnZipmap(const std::vector<CV> &a) {
  if (a.size() != 2 || a[0].kind != CV::List || a[1].kind != CV::List)
    return fail("zipmap", "needs two lists");
  if (a[0].items.size() != a[1].items.size())
    return fail("zipmap", "lists have different lengths");
  std::vector<std::pair<std::string, CV>> fields;
  for (size_t i = 0; i < a[0].items.size(); ++i) {
    if (!a[0].items[i].isPrimitive())
      return fail("zipmap", "keys must be strings");
    fields.emplace_back(a[0].items[i].text, a[1].items[i]);
  }
  return CV::map(std::move(fields));
}
CV fnContains(const std::vector<CV> &a) {
  if (a.size() != 2 || a[0].kind != CV::List)
    return fail("contains", "needs a list and a value");
  for (const CV &item : a[0].items)
    if (item == a[1])
      return CV::boolean(true);
  return CV::boolean(false);
}
CV fnDistinct(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::List)
    return fail("distinct", "needs a list");
  std::vector<CV> out;
  for (const CV &item : a[0].items)
    if (std::find(out.begin(), out.end(), item) == out.end())
      out.push_back(item);
  return CV::list(std::move(out));
}
CV fnCompact(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::List)
    return fail("compact", "needs a list");
  std::vector<CV> out;
  for (const CV &item : a[0].items)
    if (!isNull(item) && !(item.isPrimitive() && item.text.empty()))
      out.push_back(item);
  return CV::list(std::move(out));
}
CV fnReverse(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::List)
    return fail("reverse", "needs a list");
  std::vector<CV> out(a[0].items.rbegin(), a[0].items.rend());
  return CV::list(std::move(out));
}
CV fnSort(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::List)
    return fail("sort", "needs a list");
  std::vector<CV> out = a[0].items;
  for (const CV &item : out)
    if (!item.isPrimitive())
      return fail("sort", "needs a list of strings");
  std::sort(out.begin(), out.end(), [](const CV &x, const CV &y) { return x.text < y.text; });
  for (CV &item : out)
    item.kind = CV::String;
  return CV::list(std::move(out));
}
CV fnToSet(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::List)
    return fail("toset", "needs a list");
  std::vector<CV> out;
  bool primitives = true;
  for (const CV &item : a[0].items) {
    primitives = primitives && item.isPrimitive();
    if (std::find(out.begin(), out.end(), item) == out.end())
      out.push_back(item);
  }
  if (primitives) // sets of strings iterate in lexical order
    std::sort(out.begin(), out.end(), [](const CV &x, const CV &y) { return x.text < y.text; });
  return CV::list(std::move(out));
}
CV fnToList(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::List)
    return fail("tolist", "needs a list, tuple or set");
  return a[0];
}
CV fnToMap(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::Map)
    return fail("tomap", "needs a map or object");
  return a[0];
}
CV fnToString(const std::vector<CV> &a) {
  if (a.size() != 1)
    return fail("tostring", "needs one argument");
  if (isNull(a[0]))
    return a[0];
  if (!a[0].isPrimitive())
    return fail("tostring", "cannot convert a collection to a string");
  return CV::string(a[0].text);
}
CV fnToNumber(const std::vector<CV> &a) {
  double d = 0;
  if (a.size() == 1 && isNull(a[0]))
    return a[0];
  if (a.size() != 1 || !asNumber(a[0], d))
    return fail("tonumber", "cannot convert to a number");
  return CV::number(d);
}
CV fnToBool(const std::vector<CV> &a) {
  if (a.size() == 1 && isNull(a[0]))
    return a[0];
  bool ok = false;
  bool value = a.size() == 1 && truthy(a[0], ok);
  return ok ? CV::boolean(value) : fail("tobool", "cannot convert to a bool");
}
CV fnOne(const std::vector<CV> &a) {
  if (a.size() != 1 || a[0].kind != CV::List)
    return fail("one", "needs a list");
  if (a[0].items.empty())
    return CV::null();
  if (a[0].items.size() > 1)
    return fail("one", "list has more than one element");
  return a[0].items[0];
}
CV fnRange(const std::vector<CV> &a) {
  double start = 0, limit = 0, step = 1;
  if (a.size() == 1) {
    if (!asNumber(a[0], limit))
      return fail("range", "needs numbers");
  } else if (a.size() == 2 || a.size() == 3) {
    if (!asNumber(a[0], start) || !asNumber(a[1], limit) || (a.size() == 3 && !asNumber(a[2], step)))
      return fail("range", "needs numbers");
  } else {
    return fail("range", "needs one to three numbers");
  }
  if (a.size() < 3 && limit < start)
    step = -1;
  if (step == 0)
    return fail("range", "step must not be zero");
  std::vector<CV> out;
  for (double v = start; step > 0 ? v < limit : v > limit; v += step) {
    if (out.size() >= 1024)
      return fail("range", "more than 1024 elements");
    out.push_back(CV::number(v));
  }
  return CV::list(std::move(out));
}
CV fnSlice(const std::vector<CV> &a) {
  double s = 0, e = 0;
  if (a.size() != 3 || a[0].kind != CV::List || !asNumber(a[1], s) || !asNumber(a[2], e))
    return fail("slice", "needs a list and two indexes");
  size_t n = a[0].items.size();
  if (s < 0 || e > static_cast<double>(n) || s > e)
    return fail("slice", "index out of range");
  return CV::list(std::vector<CV>(a[0].items.begin() + static_cast<long>(s), a[0].items.begin() + static_cast<long>(e)));
}

// --- numbers
CV numeric(const std::vector<CV> &a, const char *name, double (*op)(double, double)) {
  double x = 0, y = 0;
  if (a.size() != 2 || !asNumber(a[0], x) || !asNumber(a[1], y))
    return fail(name, "needs numbers");
  return CV::number(op(x, y));
}
CV fnMin(const std::vector<CV> &a) {
  if (a.empty())
    return fail("min", "needs numbers");
  double best = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    double v = 0;
    if (!asNumber(a[i], v))
      return fail("min", "needs numbers");
    best = i == 0 ? v : std::min(best, v);
  }
  return CV::number(best);
}
CV fnMax(const std::vector<CV> &a) {
  if (a.empty())
    return fail("max", "needs numbers");
  double best = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    double v = 0;
    if (!asNumber(a[i], v))
      return fail("max", "needs numbers");
    best = i == 0 ? v : std::max(best, v);
  }
  return CV::number(best);
}
CV fnAbs(const std::vector<CV> &a) {
  double v = 0;
  return a.size() == 1 && asNumber(a[0], v) ? CV::number(std::fabs(v)) : fail("abs", "needs a number");
}
CV fnCeil(const std::vector<CV> &a) {
  double v = 0;
  return a.size() == 1 && asNumber(a[0], v) ? CV::number(std::ceil(v)) : fail("ceil", "needs a number");
}
CV fnFloor(const std::vector<CV> &a) {
  double v = 0;
  return a.size() == 1 && asNumber(a[0], v) ? CV::number(std::floor(v)) : fail("floor", "needs a number");
}

// --- encoding
CV fnJsonEncode(const std::vector<CV> &a) { return a.size() == 1 ? CV::string(jsonEncode(a[0])) : fail("jsonencode", "needs one argument"); }
CV fnJsonDecode(const std::vector<CV> &a) { return a.size() == 1 && a[0].isPrimitive() ? jsonDecode(a[0].text) : fail("jsondecode", "needs a string"); }
CV fnYamlEncode(const std::vector<CV> &a) { return a.size() == 1 ? CV::string(yamlEncode(a[0])) : fail("yamlencode", "needs one argument"); }
CV fnYamlDecode(const std::vector<CV> &a) { return a.size() == 1 && a[0].isPrimitive() ? yamlDecode(a[0].text) : fail("yamldecode", "needs a string"); }

// --- try/can: an Unknown argument is one that could not be evaluated.
CV fnTry(const std::vector<CV> &a) {
  for (const CV &v : a)
    if (v.known())
      return v;
  return a.empty() ? fail("try", "needs arguments") : CV::unknown(a.back().unknownReason());
}
CV fnCan(const std::vector<CV> &a) {
  if (a.size() != 1)
    return fail("can", "needs one argument");
  return a[0].known() ? CV::boolean(true) : CV::unknown(a[0].unknownReason());
}

// --- operators (internal names; the frontend lowers HCL operators to them)
CV opEq(const std::vector<CV> &a) { return a.size() == 2 ? CV::boolean(a[0] == a[1]) : fail("==", "needs two operands"); }
CV opNe(const std::vector<CV> &a) { return a.size() == 2 ? CV::boolean(!(a[0] == a[1])) : fail("!=", "needs two operands"); }
CV opNot(const std::vector<CV> &a) {
  bool ok = false;
  bool v = a.size() == 1 && truthy(a[0], ok);
  return ok ? CV::boolean(!v) : fail("!", "needs a bool");
}
CV opAnd(const std::vector<CV> &a) {
  bool ok1 = false, ok2 = false;
  bool x = a.size() == 2 && truthy(a[0], ok1);
  bool y = a.size() == 2 && truthy(a[1], ok2);
  return ok1 && ok2 ? CV::boolean(x && y) : fail("&&", "needs bools");
}
CV opOr(const std::vector<CV> &a) {
  bool ok1 = false, ok2 = false;
  bool x = a.size() == 2 && truthy(a[0], ok1);
  bool y = a.size() == 2 && truthy(a[1], ok2);
  return ok1 && ok2 ? CV::boolean(x || y) : fail("||", "needs bools");
}
CV opCompare(const std::vector<CV> &a, const char *name, bool (*cmp)(double, double)) {
  double x = 0, y = 0;
  if (a.size() != 2 || !asNumber(a[0], x) || !asNumber(a[1], y))
    return fail(name, "needs numbers");
  return CV::boolean(cmp(x, y));
}
CV opLt(const std::vector<CV> &a) { return opCompare(a, "<", [](double x, double y) { return x < y; }); }
CV opLe(const std::vector<CV> &a) { return opCompare(a, "<=", [](double x, double y) { return x <= y; }); }
CV opGt(const std::vector<CV> &a) { return opCompare(a, ">", [](double x, double y) { return x > y; }); }
CV opGe(const std::vector<CV> &a) { return opCompare(a, ">=", [](double x, double y) { return x >= y; }); }
CV opAdd(const std::vector<CV> &a) { return numeric(a, "+", [](double x, double y) { return x + y; }); }
CV opSub(const std::vector<CV> &a) { return numeric(a, "-", [](double x, double y) { return x - y; }); }
CV opMul(const std::vector<CV> &a) { return numeric(a, "*", [](double x, double y) { return x * y; }); }
CV opDiv(const std::vector<CV> &a) { return numeric(a, "/", [](double x, double y) { return x / y; }); }
CV opMod(const std::vector<CV> &a) { return numeric(a, "%", [](double x, double y) { return std::fmod(x, y); }); }
CV opNeg(const std::vector<CV> &a) {
  double v = 0;
  return a.size() == 1 && asNumber(a[0], v) ? CV::number(-v) : fail("-", "needs a number");
}

struct Entry {
  const char *name;
  ConcreteFunction fn;
  bool acceptsUnknown;
};

// Sorted by name.
const Entry kFunctions[] = {
    {"$add", opAdd, false},
    {"$and", opAnd, false},
    {"$div", opDiv, false},
    {"$eq", opEq, false},
    {"$ge", opGe, false},
    {"$gt", opGt, false},
    {"$le", opLe, false},
    {"$lt", opLt, false},
    {"$mod", opMod, false},
    {"$mul", opMul, false},
    {"$ne", opNe, false},
    {"$neg", opNeg, false},
    {"$not", opNot, false},
    {"$or", opOr, false},
    {"$sub", opSub, false},
    {"abs", fnAbs, false},
    {"can", fnCan, true},
    {"ceil", fnCeil, false},
    {"coalesce", fnCoalesce, true},
    {"coalescelist", fnCoalesceList, false},
    {"compact", fnCompact, false},
    {"concat", fnConcat, false},
    {"contains", fnContains, false},
    {"distinct", fnDistinct, false},
    {"element", fnElement, false},
    {"endswith", fnEndsWith, false},
    {"flatten", fnFlatten, false},
    {"floor", fnFloor, false},
    {"format", fnFormat, false},
    {"formatlist", fnFormatList, false},
    {"index", fnIndexOf, false},
    {"join", fnJoin, false},
    {"jsondecode", fnJsonDecode, false},
    {"jsonencode", fnJsonEncode, false},
    {"keys", fnKeys, false},
    {"length", fnLength, false},
    {"lookup", fnLookup, false},
    {"lower", fnLower, false},
    {"max", fnMax, false},
    {"merge", fnMerge, false},
    {"min", fnMin, false},
    {"one", fnOne, false},
    {"range", fnRange, false},
    {"regex", fnRegex, false},
    {"regexall", fnRegexAll, false},
    {"replace", fnReplace, false},
    {"reverse", fnReverse, false},
    {"slice", fnSlice, false},
    {"sort", fnSort, false},
    {"split", fnSplit, false},
    {"startswith", fnStartsWith, false},
    {"strcontains", fnStrContains, false},
    {"strrev", fnStrRev, false},
    {"substr", fnSubstr, false},
    {"title", fnTitle, false},
    {"tobool", fnToBool, false},
    {"tolist", fnToList, false},
    {"tomap", fnToMap, false},
    {"tonumber", fnToNumber, false},
    {"toset", fnToSet, false},
    {"tostring", fnToString, false},
    {"trim", fnTrim, false},
    {"trimprefix", fnTrimPrefix, false},
    {"trimspace", fnTrimSpace, false},
    {"trimsuffix", fnTrimSuffix, false},
    {"try", fnTry, true},
    {"upper", fnUpper, false},
    {"values", fnValues, false},
    {"yamldecode", fnYamlDecode, false},
    {"yamlencode", fnYamlEncode, false},
    {"zipmap", fnZipmap, false},
};

const Entry *findEntry(const std::string &name) {
  auto it = std::lower_bound(std::begin(kFunctions), std::end(kFunctions), name,
                             [](const Entry &e, const std::string &n) { return std::string_view(e.name) < n; });
  return it != std::end(kFunctions) && name == it->name ? it : nullptr;
}
} // namespace

ConcreteFunction findConcrete(const std::string &name) {
  const Entry *e = findEntry(name);
  return e ? e->fn : nullptr;
}

bool acceptsUnknown(const std::string &name) {
  const Entry *e = findEntry(name);
  return e && e->acceptsUnknown;
}

std::vector<std::string> concreteNames() {
  std::vector<std::string> out;
  for (const Entry &e : kFunctions)
    out.push_back(e.name);
  return out;
}

} // namespace cloudpact::terraform
