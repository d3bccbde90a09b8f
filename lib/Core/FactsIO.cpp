#include "Core/FactsIO.h"

#include "Core/InputFile.h"

#include <nlohmann/json.hpp>

#include <array>

namespace cloudpact {

namespace {

using json = nlohmann::json;

constexpr std::string_view kFormat = "cloudpact-facts";
constexpr int kVersion = 1;

struct KindName {
  ValueKind kind;
  const char *name;
};
constexpr KindName kKinds[] = {
    {ValueKind::Literal, "literal"}, {ValueKind::Concat, "concat"},   {ValueKind::Ref, "ref"},
    {ValueKind::Choice, "choice"},   {ValueKind::EnvRead, "env"},     {ValueKind::Unknown, "unknown"},
    {ValueKind::Map, "map"},         {ValueKind::List, "list"},       {ValueKind::Get, "get"},
    {ValueKind::Apply, "apply"},
};

json rangeJson(const SourceRange &range) {
  if (!range.valid() && range.file().empty())
    return nullptr;
  return json::array({range.file(), range.begin.line, range.begin.column, range.begin.offset, range.end.line,
                      range.end.column, range.end.offset});
}

json valueJson(const ValuePtr &value) {
  if (!value)
    return nullptr;
  json out;
  for (const KindName &row : kKinds)
    if (row.kind == value->kind)
      out["k"] = row.name;
  if (!value->text.empty())
    out["t"] = value->text;
  if (!value->parts.empty()) {
    json parts = json::array();
    for (const ValuePtr &part : value->parts)
      parts.push_back(valueJson(part));
    out["p"] = std::move(parts);
  }
  if (!value->fields.empty()) {
    json fields = json::array();
    for (const auto &[key, field] : value->fields)
      fields.push_back(json::array({key, valueJson(field)}));
    out["f"] = std::move(fields);
  }
  if (json range = rangeJson(value->range); !range.is_null())
    out["r"] = std::move(range);
  if (!value->phrase.empty())
    out["ph"] = value->phrase;
  return out;
}

class Reader {
public:
  explicit Reader(const std::function<std::string(const std::string &)> &mapPath) : mapPath_(mapPath) {}

  SourceRange range(const json &node) {
    SourceRange out;
    if (node.is_null())
      return out;
    if (!node.is_array() || node.size() != 7)
      throw std::runtime_error("a range is [file, line, column, offset, end line, end column, end offset]");
    std::string file = node[0].get<std::string>();
    if (mapPath_)
      file = mapPath_(file);
    out.begin = SourceLoc{file, node[1].get<uint32_t>(), node[2].get<uint32_t>(), node[3].get<uint32_t>()};
    uint32_t endLine = node[4].get<uint32_t>();
    if (endLine)
      out.end = SourceLoc{file, endLine, node[5].get<uint32_t>(), node[6].get<uint32_t>()};
    return out;
  }

  ValuePtr value(const json &node, int depth = 0) {
    if (node.is_null())
      return nullptr;
    if (depth > 512)
      throw std::runtime_error("values nested too deeply");
    auto out = std::make_shared<Value>();
    std::string kind = node.at("k").get<std::string>();
    bool known = false;
    for (const KindName &row : kKinds)
      if (kind == row.name) {
        out->kind = row.kind;
        known = true;
      }
    if (!known)
      throw std::runtime_error("unknown value kind '" + kind + "'");
    out->text = node.value("t", "");
    if (node.contains("p"))
      for (const json &part : node["p"])
        out->parts.push_back(value(part, depth + 1));
    if (node.contains("f"))
      for (const json &field : node["f"])
        out->fields.emplace_back(field.at(0).get<std::string>(), value(field.at(1), depth + 1));
    if (node.contains("r"))
      out->range = range(node["r"]);
    out->phrase = node.value("ph", "");
    return out;
  }

private:
  const std::function<std::string(const std::string &)> &mapPath_;
};

} // namespace

void writeFactsFile(std::ostream &out, const Facts &facts) {
  json doc;
  doc["format"] = kFormat;
  doc["version"] = kVersion;
  json assigns = json::array();
  for (const Assign &assign : facts.assigns) {
    json a = {{"symbol", assign.symbol}, {"value", valueJson(assign.value)}, {"range", rangeJson(assign.range)},
              {"phrase", assign.phrase}};
    if (!assign.origin.empty())
      a["origin"] = assign.origin;
    if (!assign.originImage.empty())
      a["originImage"] = assign.originImage;
    assigns.push_back(std::move(a));
  }
  doc["assigns"] = std::move(assigns);
  json accesses = json::array();
  for (const ModelAccess &access : facts.accesses) {
    json a = {{"kind", accessKindName(access.kind)}, {"api", access.api},          {"impliedCloud", access.impliedCloud},
              {"model", valueJson(access.model)},    {"endpoint", valueJson(access.endpoint)},
              {"region", valueJson(access.region)},  {"provider", valueJson(access.provider)},
              {"cloud", valueJson(access.cloud)},    {"range", rangeJson(access.range)},
              {"subject", access.subject},           {"confidence", access.confidence}};
    if (!access.viaEnv.empty())
      a["viaEnv"] = access.viaEnv;
    if (access.hostOnly)
      a["hostOnly"] = true;
    accesses.push_back(std::move(a));
  }
  doc["accesses"] = std::move(accesses);
  json diagnostics = json::array();
  for (const Diagnostic &diagnostic : facts.diagnostics)
    diagnostics.push_back({{"level", levelName(diagnostic.level)},
                           {"rule", diagnostic.rule},
                           {"range", rangeJson(diagnostic.range)},
                           {"message", diagnostic.message}});
  doc["diagnostics"] = std::move(diagnostics);
  doc["names"] = facts.symbolNames;
  out << doc.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
}

bool readFactsFile(std::string_view text, Facts &out, std::string &error,
                   const std::function<std::string(const std::string &)> &mapPath) {
  try {
    json doc = json::parse(text);
    if (!doc.is_object() || doc.value("format", "") != kFormat) {
      error = "not a cloudpact facts file";
      return false;
    }
    if (doc.value("version", 0) != kVersion) {
      error = "unsupported facts file version " + std::to_string(doc.value("version", 0)) + " (expected " +
              std::to_string(kVersion) + ")";
      return false;
    }
    Reader reader(mapPath);
    Facts facts;
    for (const json &a : doc.at("assigns"))
      facts.assigns.emplace_back(a.at("symbol").get<std::string>(), reader.value(a.at("value")), reader.range(a.at("range")),
                                 a.value("phrase", ""), a.value("origin", ""), a.value("originImage", ""));
    for (const json &a : doc.at("accesses")) {
      ModelAccess access;
      access.kind = a.at("kind").get<std::string>() == accessKindName(AccessKind::Hosting) ? AccessKind::Hosting
                                                                                            : AccessKind::Call;
      access.api = a.value("api", "");
      access.impliedCloud = a.value("impliedCloud", "");
      access.model = reader.value(a.at("model"));
      access.endpoint = reader.value(a.at("endpoint"));
      access.region = reader.value(a.at("region"));
      access.provider = reader.value(a.at("provider"));
      access.cloud = reader.value(a.at("cloud"));
      access.range = reader.range(a.at("range"));
      access.subject = a.value("subject", "");
      access.confidence = a.value("confidence", 1.0);
      access.viaEnv = a.value("viaEnv", "");
      access.hostOnly = a.value("hostOnly", false);
      facts.accesses.push_back(std::move(access));
    }
    for (const json &d : doc.at("diagnostics")) {
      Level level = Level::Note;
      if (!parseLevel(d.value("level", ""), level))
        throw std::runtime_error("unknown diagnostic level");
      facts.diagnostics.push_back(
          makeDiagnostic(level, d.value("rule", ""), reader.range(d.at("range")), d.value("message", "")));
    }
    if (doc.contains("names"))
      facts.symbolNames = doc["names"].get<std::map<std::string, std::string>>();
    out.append(std::move(facts));
    return true;
  } catch (const std::exception &e) {
    std::string what = e.what();
    if (size_t at = what.find("] "); what.rfind("[json.exception", 0) == 0 && at != std::string::npos)
      what = what.substr(at + 2);
    error = what;
    return false;
  }
}

bool readFactsFileAt(const std::string &path, Facts &out, std::string &error,
                     const std::function<std::string(const std::string &)> &mapPath) {
  std::string text;
  return readInputFile(path, kMaxFactsFileBytes, text, error) && readFactsFile(text, out, error, mapPath);
}

} // namespace cloudpact
