#include "Lsp/Server.h"

#include "Core/InputFile.h"
#include "Driver/Discover.h"
#include "Driver/Session.h"
#include "Lsp/Diagnostics.h"
#include "Lsp/Protocol.h"
#include "Lsp/SourceCode.h"
#include "Lsp/Transport.h"
#include "Report/Display.h"
#include "cloudpact/Version.h"

#include <deque>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <set>

namespace cloudpact::lsp {

namespace {

constexpr int kDebounceMs = 50;

struct Document {
  std::string uri; // as the client spelled it
  std::string text;
  int64_t version = 0;
};

/// A failed request: sent back as a JSON-RPC error.
struct RequestError {
  ErrorCode code;
  std::string message;
};

json errorObject(ErrorCode code, const std::string &message) {
  return json{{"code", static_cast<int>(code)}, {"message", message}};
}

} // namespace

struct Server::Impl : SessionCallbacks {
  Impl(Transport &transport, ServerOptions options, bool debounce)
      : transport(transport), options(std::move(options)), debounce(debounce) {}

  enum class State { Uninitialized, Running, ShuttingDown };

  Transport &transport;
  ServerOptions options;
  bool debounce;
  State state = State::Uninitialized;
  bool exited = false;
  bool inputEnded = false;
  int exitCode = 1;
  std::unique_ptr<Session> session;
  OffsetEncoding encoding = OffsetEncoding::UTF16;
  bool registerWatchers = false;
  std::string rootPath;
  std::string configuredPolicy; // from initializationOptions / didChangeConfiguration
  std::map<std::string, Document> documents; // by path
  /// Open documents larger than a file on disk may be (WalkOptions::maxFileBytes) are not
  /// analysed, like such files: by path, their size, for the error that says so.
  std::map<std::string, size_t> oversized;
  std::deque<std::pair<Transport::Status, std::string>> inbox;
  std::set<std::string> cancelled; // request ids (their JSON text)
  int nextRequestId = 0;

  // ---- Reading ----

  /// Moves what the transport has into the inbox (waiting up to `waitMs` for the first
  /// message); $/cancelRequest is acted on here, ahead of the queue.
  void pump(int waitMs) {
    for (;;) {
      std::string body;
      Transport::Status status = transport.read(body, waitMs);
      waitMs = 0;
      if (status == Transport::Status::Timeout)
        return;
      if (status == Transport::Status::End) {
        inputEnded = true;
        return;
      }
      if (status == Transport::Status::Message && noteCancel(body))
        continue;
      inbox.emplace_back(status, std::move(body));
    }
  }

  bool noteCancel(const std::string &body) {
    if (!jsonNestingWithin(body))
      return false; // handleMessage answers it
    json message = json::parse(body, nullptr, false);
    if (!message.is_object() || message.value("method", json()) != "$/cancelRequest" || message.contains("id"))
      return false;
    auto params = message.find("params");
    if (params == message.end() || !params->is_object())
      return false; // let the normal path report it
    auto id = params->find("id");
    if (id == params->end() || !(id->is_number_integer() || id->is_string()))
      return false;
    cancelled.insert(id->dump());
    return true;
  }

  int run() {
    while (!exited) {
      if (transport.failed()) {
        // The client no longer reads what we write: serving on would be serving no one.
        log("cannot write to the client; exiting");
        return 1;
      }
      if (inbox.empty()) {
        if (inputEnded)
          break;
        bool pending = session && session->stale();
        pump(pending ? kDebounceMs : -1);
        if (inbox.empty()) {
          if (session && session->stale())
            session->flush();
          continue;
        }
      }
      auto [status, body] = std::move(inbox.front());
      inbox.pop_front();
      if (status == Transport::Status::Malformed) {
        log("malformed message: " + body);
        sendError(json(), ErrorCode::ParseError, body);
        continue;
      }
      handleMessage(body);
    }
    return exitCode;
  }

  // ---- Writing ----

  void send(json message) {
    message["jsonrpc"] = "2.0";
    transport.send(message);
  }
  void sendResult(const json &id, json result) { send(json{{"id", id}, {"result", std::move(result)}}); }
  void sendError(const json &id, ErrorCode code, const std::string &message) {
    send(json{{"id", id}, {"error", errorObject(code, message)}});
  }
  void notify(const std::string &method, json params) {
    send(json{{"method", method}, {"params", std::move(params)}});
  }
  void log(const std::string &message) { std::cerr << "cloudpact lsp: " << displayText(message) << "\n"; }
  void showLog(int type, const std::string &message) {
    log(message);
    notify("window/logMessage", LogMessageParams{type, message});
  }

  // ---- Dispatch ----

  void handleMessage(const std::string &body) {
    if (!jsonNestingWithin(body)) {
      sendError(json(), ErrorCode::InvalidRequest,
                "the message nests arrays and objects deeper than " + std::to_string(kMaxJsonNesting) +
                    " levels; it is not read");
      return;
    }
    json message;
    try {
      message = json::parse(body);
    } catch (const json::parse_error &error) {
      std::string what = error.what();
      // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> the useful part
      if (size_t at = what.find("parse error"); at != std::string::npos)
        what = what.substr(at);
      sendError(json(), ErrorCode::ParseError, "invalid JSON: " + what);
      return;
    }
    if (!message.is_object()) {
      sendError(json(), ErrorCode::InvalidRequest,
                message.is_array() ? "batch messages are not supported" : "a message must be a JSON object");
      return;
    }
    json id;
    bool hasId = message.contains("id");
    if (hasId) {
      id = message["id"];
      if (!id.is_number_integer() && !id.is_string()) {
        sendError(json(), ErrorCode::InvalidRequest, "id: expected an integer or a string");
        return;
      }
    }
    if (message.value("jsonrpc", json()) != "2.0") {
      sendError(id, ErrorCode::InvalidRequest, "jsonrpc: expected \"2.0\"");
      return;
    }
    auto methodIt = message.find("method");
    if (methodIt == message.end()) {
      if (hasId && (message.contains("result") || message.contains("error")))
        return; // a reply to one of our requests (client/registerCapability): nothing to do
      sendError(id, ErrorCode::InvalidRequest, "method: missing");
      return;
    }
    if (!methodIt->is_string()) {
      sendError(id, ErrorCode::InvalidRequest, "method: expected a string");
      return;
    }
    std::string method = *methodIt;
    json params = message.contains("params") ? message["params"] : json::object();
    if (hasId)
      onRequest(method, params, id);
    else
      onNotification(method, params);
  }

  void onRequest(const std::string &method, const json &params, const json &id) {
    if (state == State::Uninitialized && method != "initialize") {
      sendError(id, ErrorCode::ServerNotInitialized, "the server is not initialized");
      return;
    }
    if (state == State::ShuttingDown) {
      sendError(id, ErrorCode::InvalidRequest, "the server is shutting down");
      return;
    }
    if (isCancelled(id))
      return;
    try {
      json result;
      if (method == "initialize")
        result = onInitialize(params);
      else if (method == "shutdown")
        result = onShutdown();
      else if (method == "textDocument/codeAction")
        result = onCodeAction(params);
      else {
        sendError(id, ErrorCode::MethodNotFound, "method not found: " + method);
        return;
      }
      if (isCancelled(id))
        return;
      sendResult(id, std::move(result));
    } catch (const DecodeError &error) {
      sendError(id, ErrorCode::InvalidParams, "invalid params: " + std::string(error.what()));
    } catch (const RequestError &error) {
      sendError(id, error.code, error.message);
    } catch (const std::exception &error) {
      sendError(id, ErrorCode::InternalError, std::string("internal error: ") + error.what());
    }
  }

  /// True (and answered) if the client cancelled request `id`.
  bool isCancelled(const json &id) {
    pump(0);
    auto it = cancelled.find(id.dump());
    if (it == cancelled.end())
      return false;
    cancelled.erase(it);
    sendError(id, ErrorCode::RequestCancelled, "request cancelled");
    return true;
  }

  void onNotification(const std::string &method, const json &params) {
    if (method == "exit") {
      exited = true;
      exitCode = state == State::ShuttingDown ? 0 : 1;
      return;
    }
    if (state != State::Running)
      return; // before initialize and after shutdown, notifications are dropped
    try {
      if (method == "initialized")
        onInitialized();
      else if (method == "textDocument/didOpen")
        onDidOpen(params);
      else if (method == "textDocument/didChange")
        onDidChange(params);
      else if (method == "textDocument/didSave")
        onDidSave(params);
      else if (method == "textDocument/didClose")
        onDidClose(params);
      else if (method == "workspace/didChangeWatchedFiles")
        onDidChangeWatchedFiles(params);
      else if (method == "workspace/didChangeConfiguration")
        onDidChangeConfiguration(params);
      else if (method == "$/cancelRequest") {
        CancelParams cancel;
        fromJSON(params, cancel, "params");
        cancelled.insert(cancel.id.dump());
      }
      // Other notifications ($/setTrace, workspace folders, ...) are not ours: ignored.
    } catch (const DecodeError &error) {
      showLog(1, method + ": invalid params: " + error.what());
    } catch (const RequestError &error) {
      showLog(1, method + ": " + error.message);
    } catch (const std::exception &error) {
      showLog(1, method + ": internal error: " + error.what());
    }
  }

  // ---- Paths ----

  std::string pathOf(const std::string &uri, const std::string &where) {
    std::string path, error;
    if (!pathFromUri(uri, path, error))
      throw DecodeError(where, error);
    return path;
  }

  /// A path from the client's settings: relative ones are relative to the workspace root.
  std::string inRoot(const std::string &path) const {
    if (path.empty() || rootPath.empty() || std::filesystem::path(path).is_absolute())
      return path;
    return (std::filesystem::path(rootPath) / path).lexically_normal().generic_string();
  }

  /// A policy path from the client's settings, or "" (the policy found from the root) if it
  /// names something that is not a regular file: loading a FIFO would block the server for
  /// good, and a directory would read as an empty policy. A missing file stays: the engine
  /// reports it as a located policy-error.
  std::string readablePolicy(const std::string &path) {
    std::error_code ec;
    if (path.empty() || !std::filesystem::exists(path, ec))
      return path;
    if (std::string why = inputFileProblem(path, kMaxInputBytes); !why.empty()) {
      showLog(1, "policy " + path + " is not used: " + why);
      return {};
    }
    return path;
  }

  std::string uriOf(const std::string &path) const {
    auto it = documents.find(path);
    return it != documents.end() ? it->second.uri : uriFromPath(path);
  }

  // ---- Lifecycle ----

  json onInitialize(const json &params) {
    if (state != State::Uninitialized)
      throw RequestError{ErrorCode::InvalidRequest, "initialize was already received"};
    InitializeParams init;
    fromJSON(params, init, "params");
    std::string root;
    if (init.rootUri)
      root = pathOf(*init.rootUri, "params.rootUri");
    else if (init.rootPath && !init.rootPath->empty())
      root = std::filesystem::absolute(*init.rootPath).lexically_normal().generic_string();
    else if (init.workspaceFolders && !init.workspaceFolders->empty())
      root = pathOf(init.workspaceFolders->front().uri, "params.workspaceFolders[0].uri");
    while (root.size() > 1 && root.back() == '/')
      root.pop_back();
    for (const std::string &name : init.positionEncodings) {
      if (name == "utf-16" || name == "utf-8" || name == "utf-32") {
        encoding = name == "utf-8" ? OffsetEncoding::UTF8 : name == "utf-32" ? OffsetEncoding::UTF32 : OffsetEncoding::UTF16;
        break;
      }
    }
    registerWatchers = init.watchedFilesRegistration;
    rootPath = root;
    configuredPolicy = readablePolicy(inRoot(init.initializationOptions.policy.value_or("")));

    SessionOptions sessionOptions;
    sessionOptions.root = root;
    sessionOptions.policyFile = !options.policyFile.empty() ? options.policyFile : configuredPolicy;
    sessionOptions.buildDir =
        !options.buildDir.empty() ? options.buildDir : inRoot(init.initializationOptions.buildDir.value_or(""));
    sessionOptions.deferAnalysis = debounce;
    session = std::make_unique<Session>(std::move(sessionOptions), *this);
    state = State::Running;

    json capabilities = {
        {"positionEncoding", encodingName(encoding)},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", true}}}}},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
    };
    return json{{"capabilities", capabilities}, {"serverInfo", {{"name", "cloudpact"}, {"version", kVersion}}}};
  }

  void onInitialized() {
    if (!registerWatchers)
      return;
    // Ask the client to tell us when inputs or the policy change on disk.
    json watchers = json::array();
    for (const char *glob : {"**/*.tf", "**/*.tfvars", "**/*.tf.json", "**/*.tfvars.json", "**/*.yaml", "**/*.yml",
                             "**/*.json", "**/*.{cpp,cc,cxx,c++,h,hh,hpp,hxx}", "**/.gitignore", "**/.cloudpactignore"})
      watchers.push_back(json{{"globPattern", glob}});
    json registration = {{"id", "cloudpact-watched-files"},
                         {"method", "workspace/didChangeWatchedFiles"},
                         {"registerOptions", {{"watchers", watchers}}}};
    send(json{{"id", "cloudpact-" + std::to_string(nextRequestId++)},
              {"method", "client/registerCapability"},
              {"params", {{"registrations", json::array({registration})}}}});
  }

  json onShutdown() {
    state = State::ShuttingDown;
    return nullptr;
  }

  // ---- Documents ----

  size_t maxDocumentBytes() const { return options.maxDocumentBytes ? options.maxDocumentBytes : WalkOptions{}.maxFileBytes; }

  /// Hands a buffer to the engine, unless it is over the size bound: then the engine gets an
  /// empty buffer (it must not fall back on the file on disk) and onFindingsReady adds the
  /// error that says the document was not analysed.
  void updateSession(const std::string &path, const std::string &text, int64_t version,
                     std::vector<syntax::TextReplacement> edits = {}) {
    bool wasOversized = oversized.erase(path) > 0;
    if (text.size() > maxDocumentBytes()) {
      oversized[path] = text.size();
      session->update(path, std::string(), version);
      return;
    }
    if (wasOversized)
      edits.clear(); // the engine's buffer was empty, not the text the edits start from
    session->update(path, text, version, edits);
  }

  void onDidOpen(const json &params) {
    DidOpenTextDocumentParams open;
    fromJSON(params, open, "params");
    std::string path = pathOf(open.textDocument.uri, "params.textDocument.uri");
    Document &document = documents[path] = Document{open.textDocument.uri, std::move(open.textDocument.text),
                                                    open.textDocument.version};
    updateSession(path, document.text, document.version);
  }

  void onDidChange(const json &params) {
    DidChangeTextDocumentParams change;
    fromJSON(params, change, "params");
    std::string path = pathOf(change.textDocument.uri, "params.textDocument.uri");
    auto it = documents.find(path);
    if (it == documents.end())
      throw RequestError{ErrorCode::InvalidParams, "document is not open: " + change.textDocument.uri};
    // The edits go to the engine too, for incremental parsing; after a whole-text event it
    // finds the change itself.
    std::vector<syntax::TextReplacement> edits;
    bool wholeText = false;
    for (const TextDocumentContentChangeEvent &event : change.contentChanges) {
      if (auto edit = applyChange(it->second.text, event, encoding))
        edits.push_back(std::move(*edit));
      else
        wholeText = true;
    }
    it->second.version = change.textDocument.version;
    updateSession(path, it->second.text, it->second.version,
                  wholeText ? std::vector<syntax::TextReplacement>{} : std::move(edits));
  }

  void onDidSave(const json &params) {
    DidSaveTextDocumentParams save;
    fromJSON(params, save, "params");
    std::string path = pathOf(save.textDocument.uri, "params.textDocument.uri");
    auto it = documents.find(path);
    if (it == documents.end())
      return;
    if (save.text)
      it->second.text = *save.text;
    updateSession(path, it->second.text, it->second.version);
  }

  void onDidClose(const json &params) {
    DidCloseTextDocumentParams close;
    fromJSON(params, close, "params");
    std::string path = pathOf(close.textDocument.uri, "params.textDocument.uri");
    documents.erase(path);
    oversized.erase(path);
    session->close(path);
  }

  void onDidChangeWatchedFiles(const json &params) {
    DidChangeWatchedFilesParams watched;
    fromJSON(params, watched, "params");
    std::vector<std::string> paths;
    for (size_t i = 0; i < watched.changes.size(); ++i)
      paths.push_back(pathOf(watched.changes[i].uri, "params.changes[" + std::to_string(i) + "].uri"));
    session->filesChanged(paths);
  }

  void onDidChangeConfiguration(const json &params) {
    DidChangeConfigurationParams change;
    fromJSON(params, change, "params");
    ServerSettings settings;
    fromJSON(change.settings, settings, "params.settings");
    std::string policy = settings.policy ? readablePolicy(inRoot(*settings.policy)) : configuredPolicy;
    if (options.policyFile.empty() && policy != configuredPolicy) {
      configuredPolicy = policy;
      session->setPolicyFile(policy);
    } else {
      session->reloadPolicy();
    }
  }

  // ---- Code actions ----

  json onCodeAction(const json &params) {
    CodeActionParams request;
    fromJSON(params, request, "params");
    std::string path = pathOf(request.textDocument.uri, "params.textDocument.uri");
    json result = json::array();
    if (request.context.only) {
      bool wanted = false;
      for (const std::string &kind : *request.context.only)
        wanted = wanted || kind == "quickfix" || kind.empty();
      if (!wanted)
        return result;
    }
    session->flush();
    std::string text;
    if (auto it = documents.find(path); it != documents.end())
      text = it->second.text;
    else if (const SourceFile *file = session->files().find(path))
      text = file->text;
    else
      return result;

    // The client's diagnostics in the range, else ours.
    std::vector<Diagnostic> diagnostics;
    for (const Diagnostic &diagnostic : request.context.diagnostics)
      if (diagnostic.source == "cloudpact")
        diagnostics.push_back(diagnostic);
    if (diagnostics.empty()) {
      for (const Finding &finding : session->findingsIn(path)) {
        Diagnostic diagnostic = convert(finding);
        if (diagnostic.range.start.line <= request.range.end.line &&
            diagnostic.range.end.line >= request.range.start.line)
          diagnostics.push_back(std::move(diagnostic));
      }
    }
    std::set<std::pair<int, std::string>> seen;
    for (const Diagnostic &diagnostic : diagnostics) {
      if (!seen.insert({diagnostic.range.start.line, diagnostic.code}).second)
        continue;
      if (auto action = suppressionAction(request.textDocument.uri, path, text, diagnostic, encoding))
        result.push_back(*action);
    }
    return result;
  }

  // ---- Results ----

  Finding notAnalysed(const std::string &path, size_t bytes) const {
    Finding finding;
    finding.rule = "input-not-analysed";
    finding.level = Level::Error;
    finding.range = SourceRange{SourceLoc{path, 1, 1, 0}, SourceLoc{path, 1, 1, 0}};
    finding.message = "not analysed: the document (" + formatByteSize(bytes) + ") is larger than the " +
                      formatByteSize(maxDocumentBytes()) + " limit";
    return finding;
  }

  Diagnostic convert(const Finding &finding) const {
    return toDiagnostic(finding, session->files(), encoding, [this](const std::string &path) { return uriOf(path); });
  }

  void onFindingsReady(const std::string &path, const std::vector<Finding> &findings) override {
    PublishDiagnosticsParams publish;
    publish.uri = uriOf(path);
    publish.version = session->version(path);
    if (auto it = oversized.find(path); it != oversized.end())
      publish.diagnostics.push_back(convert(notAnalysed(path, it->second)));
    for (const Finding &finding : findings)
      publish.diagnostics.push_back(convert(finding));
    notify("textDocument/publishDiagnostics", publish);
  }

  void onAnalysed(const AnalysisReport &report) override { log(describe(report)); }
};

Server::Server(Transport &transport, ServerOptions options, bool debounce)
    : impl_(std::make_unique<Impl>(transport, std::move(options), debounce)) {}

Server::~Server() = default;

int Server::run() { return impl_->run(); }

void Server::handleMessage(const std::string &body) { impl_->handleMessage(body); }

bool Server::exited() const { return impl_->exited; }

int Server::exitCode() const { return impl_->exitCode; }

int runServer(std::istream &in, std::ostream &out, const ServerOptions &options) {
  std::unique_ptr<Transport> transport = options.litTest ? makeLitTransport(in, out) : makeStdioTransport(in, out);
  Server server(*transport, options, /*debounce=*/!options.litTest);
  return server.run();
}

} // namespace cloudpact::lsp
