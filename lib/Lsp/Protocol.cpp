#include "Lsp/Protocol.h"

#include <limits>

namespace cloudpact::lsp {

namespace {

const char *typeName(const json &value) {
  switch (value.type()) {
  case json::value_t::null: return "null";
  case json::value_t::object: return "an object";
  case json::value_t::array: return "an array";
  case json::value_t::string: return "a string";
  case json::value_t::boolean: return "a boolean";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned: return "an integer";
  case json::value_t::number_float: return "a number";
  default: return "a value";
  }
}

[[noreturn]] void expected(const json &value, const std::string &path, const char *what) {
  throw DecodeError(path, std::string("expected ") + what + ", got " + typeName(value));
}

} // namespace

bool jsonNestingWithin(std::string_view text, size_t limit) {
  size_t depth = 0;
  bool inString = false, escaped = false;
  for (char c : text) {
    if (inString) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit)
        return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

void fromJSON(const json &value, std::string &out, const std::string &path) {
  if (!value.is_string())
    expected(value, path, "a string");
  out = value.get<std::string>();
}

void fromJSON(const json &value, int64_t &out, const std::string &path) {
  if (value.is_number_integer())
    out = value.get<int64_t>();
  else if (value.is_number_float() && value.get<double>() == static_cast<double>(static_cast<int64_t>(value.get<double>())))
    out = static_cast<int64_t>(value.get<double>());
  else
    expected(value, path, "an integer");
}

void fromJSON(const json &value, int &out, const std::string &path) {
  int64_t wide = 0;
  fromJSON(value, wide, path);
  if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
    throw DecodeError(path, "integer out of range");
  out = static_cast<int>(wide);
}

void fromJSON(const json &value, bool &out, const std::string &path) {
  if (!value.is_boolean())
    expected(value, path, "a boolean");
  out = value.get<bool>();
}

void fromJSON(const json &value, json &out, const std::string &) { out = value; }

ObjectReader::ObjectReader(const json &value, std::string path) : object_(value), path_(std::move(path)) {
  if (!value.is_object())
    expected(value, path_, "an object");
}

void fromJSON(const json &value, Position &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("line", out.line);
  reader.required("character", out.character);
  if (out.line < 0)
    throw DecodeError(path + ".line", "must not be negative");
  if (out.character < 0)
    throw DecodeError(path + ".character", "must not be negative");
}

void fromJSON(const json &value, Range &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("start", out.start);
  reader.required("end", out.end);
}

void fromJSON(const json &value, TextDocumentIdentifier &out, const std::string &path) {
  ObjectReader(value, path).required("uri", out.uri);
}

void fromJSON(const json &value, VersionedTextDocumentIdentifier &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("uri", out.uri);
  reader.optional("version", out.version);
}

void fromJSON(const json &value, TextDocumentItem &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("uri", out.uri);
  reader.optional("languageId", out.languageId);
  reader.optional("version", out.version);
  reader.required("text", out.text);
}

void fromJSON(const json &value, DidOpenTextDocumentParams &out, const std::string &path) {
  ObjectReader(value, path).required("textDocument", out.textDocument);
}

void fromJSON(const json &value, TextDocumentContentChangeEvent &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.optional("range", out.range);
  reader.optional("rangeLength", out.rangeLength);
  reader.required("text", out.text);
}

void fromJSON(const json &value, DidChangeTextDocumentParams &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("textDocument", out.textDocument);
  reader.required("contentChanges", out.contentChanges);
}

void fromJSON(const json &value, DidSaveTextDocumentParams &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("textDocument", out.textDocument);
  reader.optional("text", out.text);
}

void fromJSON(const json &value, DidCloseTextDocumentParams &out, const std::string &path) {
  ObjectReader(value, path).required("textDocument", out.textDocument);
}

void fromJSON(const json &value, WorkspaceFolder &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("uri", out.uri);
  reader.optional("name", out.name);
}

void fromJSON(const json &value, ServerSettings &out, const std::string &path) {
  if (!value.is_object())
    return; // other servers' settings shapes are not ours to judge
  if (auto it = value.find("cloudpact"); it != value.end() && it->is_object()) {
    fromJSON(*it, out, path + ".cloudpact");
    return;
  }
  ObjectReader reader(value, path);
  reader.optional("policy", out.policy);
  reader.optional("buildDir", out.buildDir);
}

void fromJSON(const json &value, InitializeParams &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.optional("processId", out.processId);
  reader.optional("rootUri", out.rootUri);
  reader.optional("rootPath", out.rootPath);
  reader.optional("workspaceFolders", out.workspaceFolders);
  reader.optional("initializationOptions", out.initializationOptions);
  auto capabilities = value.find("capabilities");
  if (capabilities != value.end() && !capabilities->is_null()) {
    ObjectReader caps(*capabilities, path + ".capabilities");
    auto general = capabilities->find("general");
    if (general != capabilities->end() && !general->is_null())
      ObjectReader(*general, caps.path() + ".general").optional("positionEncodings", out.positionEncodings);
    auto workspace = capabilities->find("workspace");
    if (workspace != capabilities->end() && !workspace->is_null()) {
      ObjectReader reader(*workspace, caps.path() + ".workspace");
      auto watched = workspace->find("didChangeWatchedFiles");
      if (watched != workspace->end() && !watched->is_null())
        ObjectReader(*watched, reader.path() + ".didChangeWatchedFiles")
            .optional("dynamicRegistration", out.watchedFilesRegistration);
    }
  }
}

void fromJSON(const json &value, CodeDescription &out, const std::string &path) {
  ObjectReader(value, path).required("href", out.href);
}

void fromJSON(const json &value, Location &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("uri", out.uri);
  reader.required("range", out.range);
}

void fromJSON(const json &value, DiagnosticRelatedInformation &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("location", out.location);
  reader.required("message", out.message);
}

void fromJSON(const json &value, Diagnostic &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("range", out.range);
  reader.required("message", out.message);
  reader.optional("severity", out.severity);
  reader.optional("source", out.source);
  reader.optional("codeDescription", out.codeDescription);
  reader.optional("relatedInformation", out.relatedInformation);
  if (auto code = value.find("code"); code != value.end() && !code->is_null()) {
    if (code->is_string())
      out.code = code->get<std::string>();
    else if (code->is_number_integer())
      out.code = std::to_string(code->get<int64_t>());
    else
      expected(*code, path + ".code", "a string or an integer");
  }
}

void fromJSON(const json &value, CodeActionContext &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("diagnostics", out.diagnostics);
  reader.optional("only", out.only);
}

void fromJSON(const json &value, CodeActionParams &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("textDocument", out.textDocument);
  reader.required("range", out.range);
  reader.required("context", out.context);
}

void fromJSON(const json &value, FileEvent &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("uri", out.uri);
  reader.required("type", out.type);
}

void fromJSON(const json &value, DidChangeWatchedFilesParams &out, const std::string &path) {
  ObjectReader(value, path).required("changes", out.changes);
}

void fromJSON(const json &value, DidChangeConfigurationParams &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.optional("settings", out.settings);
}

void fromJSON(const json &value, CancelParams &out, const std::string &path) {
  ObjectReader reader(value, path);
  reader.required("id", out.id);
  if (!out.id.is_string() && !out.id.is_number_integer())
    expected(out.id, path + ".id", "an integer or a string");
}

void to_json(json &out, const Position &value) { out = json{{"line", value.line}, {"character", value.character}}; }

void to_json(json &out, const Range &value) { out = json{{"start", value.start}, {"end", value.end}}; }

void to_json(json &out, const Location &value) { out = json{{"uri", value.uri}, {"range", value.range}}; }

void to_json(json &out, const CodeDescription &value) { out = json{{"href", value.href}}; }

void to_json(json &out, const DiagnosticRelatedInformation &value) {
  out = json{{"location", value.location}, {"message", value.message}};
}

void to_json(json &out, const Diagnostic &value) {
  out = json{{"range", value.range}, {"message", value.message}};
  if (value.severity)
    out["severity"] = value.severity;
  if (!value.code.empty())
    out["code"] = value.code;
  if (value.codeDescription)
    out["codeDescription"] = *value.codeDescription;
  if (!value.source.empty())
    out["source"] = value.source;
  if (!value.relatedInformation.empty())
    out["relatedInformation"] = value.relatedInformation;
}

void to_json(json &out, const PublishDiagnosticsParams &value) {
  out = json{{"uri", value.uri}, {"diagnostics", value.diagnostics}};
  if (value.version)
    out["version"] = *value.version;
}

void to_json(json &out, const TextEdit &value) { out = json{{"range", value.range}, {"newText", value.newText}}; }

void to_json(json &out, const WorkspaceEdit &value) {
  json changes = json::object();
  for (const auto &[uri, edits] : value.changes)
    changes[uri] = edits;
  out = json{{"changes", changes}};
}

void to_json(json &out, const CodeAction &value) {
  out = json{{"title", value.title}};
  if (!value.kind.empty())
    out["kind"] = value.kind;
  if (!value.diagnostics.empty())
    out["diagnostics"] = value.diagnostics;
  if (value.edit)
    out["edit"] = *value.edit;
  if (value.isPreferred)
    out["isPreferred"] = true;
}

void to_json(json &out, const LogMessageParams &value) { out = json{{"type", value.type}, {"message", value.message}}; }

} // namespace cloudpact::lsp
