#pragma once
// The LSP types cloudpact speaks: one plain struct per protocol type, with nlohmann
// to_json/from_json. Decoding goes through fromJSON(value, out, path), which throws
// DecodeError naming the JSON path of the bad field ("params.textDocument.uri").
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cloudpact::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
};

/// How deep a message may nest arrays and objects. LSP messages nest a dozen levels; parsing
/// and copying a JSON value recurses once per level, so a deeper message is refused before it
/// is parsed (100,000 levels would overflow the stack).
constexpr size_t kMaxJsonNesting = 256;

/// True if `text` nests arrays and objects (outside strings) no deeper than `limit`. A scan of
/// brackets, without building any value: linear in the text, constant in memory.
bool jsonNestingWithin(std::string_view text, size_t limit = kMaxJsonNesting);

/// A field that is missing or has the wrong type; `path` names it.
class DecodeError : public std::runtime_error {
public:
  DecodeError(std::string path, const std::string &problem)
      : std::runtime_error(path + ": " + problem), path(std::move(path)) {}
  std::string path;
};

// Primitive decoders (throw DecodeError).
void fromJSON(const json &value, std::string &out, const std::string &path);
void fromJSON(const json &value, int64_t &out, const std::string &path);
void fromJSON(const json &value, int &out, const std::string &path);
void fromJSON(const json &value, bool &out, const std::string &path);
void fromJSON(const json &value, json &out, const std::string &path);
template <typename T> void fromJSON(const json &value, std::vector<T> &out, const std::string &path) {
  if (!value.is_array())
    throw DecodeError(path, "expected an array");
  out.clear();
  out.resize(value.size());
  for (size_t i = 0; i < value.size(); ++i)
    fromJSON(value[i], out[i], path + "[" + std::to_string(i) + "]");
}
template <typename T> void fromJSON(const json &value, std::optional<T> &out, const std::string &path) {
  if (value.is_null()) {
    out.reset();
    return;
  }
  T inner{};
  fromJSON(value, inner, path);
  out = std::move(inner);
}

/// Reads the fields of one JSON object, extending the path for each.
class ObjectReader {
public:
  ObjectReader(const json &value, std::string path);
  template <typename T> void required(const char *key, T &out) const {
    auto it = object_.find(key);
    if (it == object_.end())
      throw DecodeError(path_ + "." + key, "missing");
    fromJSON(*it, out, path_ + "." + key);
  }
  /// Absent or null leaves `out` unchanged.
  template <typename T> void optional(const char *key, T &out) const {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null())
      return;
    fromJSON(*it, out, path_ + "." + key);
  }
  const json &object() const { return object_; }
  const std::string &path() const { return path_; }

private:
  const json &object_;
  std::string path_;
};

struct Position {
  int line = 0;      // 0-based
  int character = 0; // 0-based, in the negotiated encoding's code units
  friend bool operator==(const Position &, const Position &) = default;
  friend auto operator<=>(const Position &, const Position &) = default;
};
struct Range {
  Position start, end;
  friend bool operator==(const Range &, const Range &) = default;
};
struct Location {
  std::string uri;
  Range range;
};
struct TextDocumentIdentifier {
  std::string uri;
};
struct VersionedTextDocumentIdentifier {
  std::string uri;
  int64_t version = 0;
};
struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  int64_t version = 0;
  std::string text;
};
struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
};
struct TextDocumentContentChangeEvent {
  std::optional<Range> range; // absent: `text` is the whole document
  std::optional<int> rangeLength;
  std::string text;
};
struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges;
};
struct DidSaveTextDocumentParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> text;
};
struct DidCloseTextDocumentParams {
  TextDocumentIdentifier textDocument;
};

struct WorkspaceFolder {
  std::string uri;
  std::string name;
};
/// Our settings, from initializationOptions or didChangeConfiguration's
/// `settings` (either flat or under a "cloudpact" key).
struct ServerSettings {
  std::optional<std::string> policy;
  std::optional<std::string> buildDir;
};
struct InitializeParams {
  std::optional<int64_t> processId;
  std::optional<std::string> rootUri;
  std::optional<std::string> rootPath;
  std::optional<std::vector<WorkspaceFolder>> workspaceFolders;
  std::vector<std::string> positionEncodings; // capabilities.general.positionEncodings
  bool watchedFilesRegistration = false;      // capabilities.workspace.didChangeWatchedFiles.dynamicRegistration
  ServerSettings initializationOptions;
};

struct CodeDescription {
  std::string href;
};
struct DiagnosticRelatedInformation {
  Location location;
  std::string message;
};
struct Diagnostic {
  Range range;
  int severity = 0; // 1 error, 2 warning, 3 information, 4 hint; 0 = absent
  std::string code; // rule id ("" = absent)
  std::optional<CodeDescription> codeDescription;
  std::string source;
  std::string message;
  std::vector<DiagnosticRelatedInformation> relatedInformation;
};
struct PublishDiagnosticsParams {
  std::string uri;
  std::optional<int64_t> version;
  std::vector<Diagnostic> diagnostics;
};

struct CodeActionContext {
  std::vector<Diagnostic> diagnostics;
  std::optional<std::vector<std::string>> only;
};
struct CodeActionParams {
  TextDocumentIdentifier textDocument;
  Range range;
  CodeActionContext context;
};
struct TextEdit {
  Range range;
  std::string newText;
};
struct WorkspaceEdit {
  std::map<std::string, std::vector<TextEdit>> changes; // uri -> edits
};
struct CodeAction {
  std::string title;
  std::string kind; // "quickfix"
  std::vector<Diagnostic> diagnostics;
  std::optional<WorkspaceEdit> edit;
  bool isPreferred = false;
};

struct FileEvent {
  std::string uri;
  int type = 0; // 1 created, 2 changed, 3 deleted
};
struct DidChangeWatchedFilesParams {
  std::vector<FileEvent> changes;
};
struct DidChangeConfigurationParams {
  json settings;
};
struct CancelParams {
  json id; // number or string
};
struct LogMessageParams {
  int type = 3; // 1 error, 2 warning, 3 info, 4 log
  std::string message;
};

// Encoders for what the server sends.
void to_json(json &out, const Position &value);
void to_json(json &out, const Range &value);
void to_json(json &out, const Location &value);
void to_json(json &out, const CodeDescription &value);
void to_json(json &out, const DiagnosticRelatedInformation &value);
void to_json(json &out, const Diagnostic &value);
void to_json(json &out, const PublishDiagnosticsParams &value);
void to_json(json &out, const TextEdit &value);
void to_json(json &out, const WorkspaceEdit &value);
void to_json(json &out, const CodeAction &value);
void to_json(json &out, const LogMessageParams &value);
// (Declared before any from_json body: nlohmann caches whether a type converts to json.)

// Decoders for what clients send.
void fromJSON(const json &value, Position &out, const std::string &path);
void fromJSON(const json &value, Range &out, const std::string &path);
void fromJSON(const json &value, TextDocumentIdentifier &out, const std::string &path);
void fromJSON(const json &value, VersionedTextDocumentIdentifier &out, const std::string &path);
void fromJSON(const json &value, TextDocumentItem &out, const std::string &path);
void fromJSON(const json &value, DidOpenTextDocumentParams &out, const std::string &path);
void fromJSON(const json &value, TextDocumentContentChangeEvent &out, const std::string &path);
void fromJSON(const json &value, DidChangeTextDocumentParams &out, const std::string &path);
void fromJSON(const json &value, DidSaveTextDocumentParams &out, const std::string &path);
void fromJSON(const json &value, DidCloseTextDocumentParams &out, const std::string &path);
void fromJSON(const json &value, WorkspaceFolder &out, const std::string &path);
void fromJSON(const json &value, ServerSettings &out, const std::string &path);
void fromJSON(const json &value, InitializeParams &out, const std::string &path);
void fromJSON(const json &value, CodeDescription &out, const std::string &path);
void fromJSON(const json &value, Location &out, const std::string &path);
void fromJSON(const json &value, DiagnosticRelatedInformation &out, const std::string &path);
void fromJSON(const json &value, Diagnostic &out, const std::string &path);
void fromJSON(const json &value, CodeActionContext &out, const std::string &path);
void fromJSON(const json &value, CodeActionParams &out, const std::string &path);
void fromJSON(const json &value, FileEvent &out, const std::string &path);
void fromJSON(const json &value, DidChangeWatchedFilesParams &out, const std::string &path);
void fromJSON(const json &value, DidChangeConfigurationParams &out, const std::string &path);
void fromJSON(const json &value, CancelParams &out, const std::string &path);

// nlohmann entry points (the path starts at "params").
#define CLOUDPACT_LSP_FROM_JSON(Type)                                                                               \
  inline void from_json(const json &value, Type &out) { fromJSON(value, out, "params"); }
CLOUDPACT_LSP_FROM_JSON(Position)
CLOUDPACT_LSP_FROM_JSON(Range)
CLOUDPACT_LSP_FROM_JSON(DidOpenTextDocumentParams)
CLOUDPACT_LSP_FROM_JSON(DidChangeTextDocumentParams)
CLOUDPACT_LSP_FROM_JSON(DidSaveTextDocumentParams)
CLOUDPACT_LSP_FROM_JSON(DidCloseTextDocumentParams)
CLOUDPACT_LSP_FROM_JSON(InitializeParams)
CLOUDPACT_LSP_FROM_JSON(Diagnostic)
CLOUDPACT_LSP_FROM_JSON(CodeActionParams)
CLOUDPACT_LSP_FROM_JSON(DidChangeWatchedFilesParams)
CLOUDPACT_LSP_FROM_JSON(DidChangeConfigurationParams)
#undef CLOUDPACT_LSP_FROM_JSON

} // namespace cloudpact::lsp
