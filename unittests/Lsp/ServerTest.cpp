// The protocol layer driven by an in-memory client (clangd's LSPClient shape): one message at a
// time, replies and notifications collected as JSON.
#include "Lsp/Server.h"

#include "Analysis/Rules.h"
#include "Lsp/Protocol.h"
#include "Lsp/Transport.h"

#include "TestDirectory.h"

#include <gtest/gtest.h>

#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>

using namespace cloudpact;
using namespace cloudpact::lsp;
namespace fs = std::filesystem;

namespace {

const char *kViolating = "resource \"aws_bedrockagent_agent\" \"a\" {\n  foundation_model = \"openai.gpt-oss-120b-1:0\"\n}\n";

class MemoryTransport : public Transport {
public:
  std::deque<std::string> incoming; // read by the server's look-ahead
  std::vector<json> sent;
  Status read(std::string &body, int) override {
    if (incoming.empty())
      return Status::Timeout;
    body = incoming.front();
    incoming.pop_front();
    return Status::Message;
  }
  void send(const json &message) override { sent.push_back(message); }
};

class LSPClient {
public:
  explicit LSPClient(ServerOptions options = {}) : server(transport, std::move(options)) {}

  /// Sends a request and returns its whole reply.
  json request(const std::string &method, json params) {
    int id = nextId++;
    server.handleMessage(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
    return replyTo(id);
  }
  void notify(const std::string &method, json params) {
    server.handleMessage(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
  }
  void raw(const std::string &body) { server.handleMessage(body); }

  json replyTo(const json &id) const {
    for (const json &message : transport.sent)
      if (message.contains("id") && message["id"] == id && !message.contains("method"))
        return message;
    return json();
  }
  /// The last diagnostics published for `uri` (null if none were).
  json diagnostics(const std::string &uri) const {
    for (auto it = transport.sent.rbegin(); it != transport.sent.rend(); ++it)
      if ((*it).value("method", "") == "textDocument/publishDiagnostics" && (*it)["params"]["uri"] == uri)
        return (*it)["params"];
    return json();
  }
  std::vector<json> notifications(const std::string &method) const {
    std::vector<json> out;
    for (const json &message : transport.sent)
      if (message.value("method", "") == method)
        out.push_back(message["params"]);
    return out;
  }
  json lastMessage() const { return transport.sent.empty() ? json() : transport.sent.back(); }

  json initialize(json params = json::object()) {
    if (!params.contains("capabilities"))
      params["capabilities"] = json::object();
    json reply = request("initialize", params);
    notify("initialized", json::object());
    return reply;
  }
  void open(const std::string &uri, const std::string &text, int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "terraform"}, {"version", version}, {"text", text}}}});
  }

  MemoryTransport transport;
  Server server;
  int nextId = 1;
};

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

/// didChange params with one edit (`editRange` null: whole-text change).
json didChange(const std::string &uri, int version, json editRange, const std::string &text) {
  json change = {{"text", text}};
  if (!editRange.is_null())
    change["range"] = editRange;
  return {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", json::array({change})}};
}

TEST(ServerTest, InitializeAdvertisesCapabilities) {
  LSPClient client;
  json reply = client.initialize();
  json capabilities = reply["result"]["capabilities"];
  EXPECT_EQ(capabilities["textDocumentSync"],
            json::parse(R"({"openClose": true, "change": 2, "save": {"includeText": true}})"));
  EXPECT_EQ(capabilities["codeActionProvider"]["codeActionKinds"], json::array({"quickfix"}));
  EXPECT_EQ(capabilities["positionEncoding"], "utf-16");
  EXPECT_EQ(reply["result"]["serverInfo"]["name"], "cloudpact");
  // A second initialize is refused.
  EXPECT_EQ(client.request("initialize", {{"capabilities", json::object()}})["error"]["code"], -32600);
}

/// The start character of the one diagnostic published for `text` under the given capabilities.
int startCharacter(json capabilities, const std::string &text) {
  LSPClient client;
  client.initialize({{"capabilities", capabilities}});
  client.open("file:///w/main.tf", text);
  json diagnostics = client.diagnostics("file:///w/main.tf")["diagnostics"];
  EXPECT_EQ(diagnostics.size(), 1u);
  return diagnostics.empty() ? -1 : diagnostics[0]["range"]["start"]["character"].get<int>();
}

TEST(ServerTest, NegotiatesUtf8Positions) {
  LSPClient client;
  json utf8 = {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}};
  json reply = client.initialize({{"capabilities", utf8}});
  EXPECT_EQ(reply["result"]["capabilities"]["positionEncoding"], "utf-8");
  // "é" is two bytes like "ee" but one UTF-16 unit.
  std::string accented = "resource \"aws_bedrockagent_agent\" \"a\" {\n  /*\xC3\xA9*/ foundation_model = \"openai.gpt-oss-120b-1:0\"\n}\n";
  std::string plain = "resource \"aws_bedrockagent_agent\" \"a\" {\n  /*ee*/ foundation_model = \"openai.gpt-oss-120b-1:0\"\n}\n";
  int plainStart = startCharacter(json::object(), plain);
  EXPECT_GT(plainStart, 6);
  EXPECT_EQ(startCharacter(utf8, accented), plainStart);
  EXPECT_EQ(startCharacter(json::object(), accented), plainStart - 1);
  EXPECT_EQ(startCharacter({{"general", {{"positionEncodings", {"utf-32"}}}}}, accented), plainStart - 1);
}

TEST(ServerTest, DiagnosticsForAViolationAndTheirDisappearance) {
  LSPClient client;
  client.initialize();
  client.open("file:///w/main.tf", kViolating);
  json published = client.diagnostics("file:///w/main.tf");
  EXPECT_EQ(published["version"], 1);
  ASSERT_EQ(published["diagnostics"].size(), 1u);
  json diagnostic = published["diagnostics"][0];
  EXPECT_EQ(diagnostic["code"], "exclusivity-hosting");
  EXPECT_EQ(diagnostic["codeDescription"]["href"], ruleHelpUri("exclusivity-hosting"));
  EXPECT_EQ(diagnostic["severity"], 1);
  EXPECT_EQ(diagnostic["source"], "cloudpact");
  EXPECT_EQ(diagnostic["range"]["start"]["line"], 1);
  EXPECT_EQ(diagnostic["range"]["end"]["line"], 1);

  // Incremental edit: replace the model id (line 1, characters 22..45).
  client.notify("textDocument/didChange",
                didChange("file:///w/main.tf", 2, range(1, 22, 1, 45), "anthropic.claude-3-5-sonnet-20240620-v1:0"));
  published = client.diagnostics("file:///w/main.tf");
  EXPECT_EQ(published["version"], 2);
  EXPECT_EQ(published["diagnostics"], json::array());

  // Full-text change brings it back.
  client.notify("textDocument/didChange", didChange("file:///w/main.tf", 3, nullptr, kViolating));
  EXPECT_EQ(client.diagnostics("file:///w/main.tf")["diagnostics"].size(), 1u);
}

TEST(ServerTest, IncrementalEditsCountUtf16Units) {
  LSPClient client;
  client.initialize();
  // The emoji is two UTF-16 units: the model id starts at character 29 on line 1.
  client.open("file:///w/main.tf",
              "resource \"aws_bedrockagent_agent\" \"a\" {\n  /*\xF0\x9F\x98\x80*/ foundation_model = \"openai.gpt-oss-120b-1:0\"\n}\n");
  ASSERT_EQ(client.diagnostics("file:///w/main.tf")["diagnostics"].size(), 1u);
  client.notify("textDocument/didChange", didChange("file:///w/main.tf", 2, range(1, 29, 1, 35), "anthropic"));
  // "openai.gpt-oss..." became "anthropic.gpt-oss...": an Anthropic-prefixed id is no OpenAI model.
  EXPECT_EQ(client.diagnostics("file:///w/main.tf")["diagnostics"], json::array());
}

TEST(ServerTest, KeepsTheClientsUriSpelling) {
  LSPClient client;
  client.initialize();
  // Percent-encoding the client chose (here for '.' and a drive-like colon) comes back unchanged.
  std::string vars = "file:///w/c%3A/vars%2Etf", main = "file:///w/c%3A/main.tf";
  client.open(vars, "variable \"m\" {\n  default = \"openai.gpt-oss-120b-1:0\"\n}\n");
  client.open(main, "resource \"aws_bedrockagent_agent\" \"a\" {\n  foundation_model = var.m\n}\n");
  json diagnostics = client.diagnostics(main)["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["relatedInformation"][0]["location"]["uri"], vars);
  EXPECT_EQ(client.diagnostics(vars)["diagnostics"], json::array());
}

TEST(ServerTest, QuickFixSuppressesTheFinding) {
  LSPClient client;
  client.initialize();
  client.open("file:///w/main.tf", kViolating);
  json diagnostic = client.diagnostics("file:///w/main.tf")["diagnostics"][0];
  json reply = client.request("textDocument/codeAction", {{"textDocument", {{"uri", "file:///w/main.tf"}}},
                                                          {"range", range(1, 0, 1, 0)},
                                                          {"context", {{"diagnostics", {diagnostic}}}}});
  ASSERT_EQ(reply["result"].size(), 1u);
  json action = reply["result"][0];
  EXPECT_EQ(action["kind"], "quickfix");
  json edit = action["edit"]["changes"]["file:///w/main.tf"][0];
  EXPECT_EQ(edit["range"], range(1, 0, 1, 0));
  EXPECT_EQ(edit["newText"], "  # cloudpact: ignore[exclusivity-hosting] <reason>\n");

  // The client applies the edit: the finding is gone.
  client.notify("textDocument/didChange", didChange("file:///w/main.tf", 2, edit["range"], edit["newText"]));
  EXPECT_EQ(client.diagnostics("file:///w/main.tf")["diagnostics"], json::array());

  // Without context diagnostics the server uses its own findings in the range.
  client.open("file:///w/other.tf", kViolating);
  reply = client.request("textDocument/codeAction", {{"textDocument", {{"uri", "file:///w/other.tf"}}},
                                                     {"range", range(0, 0, 2, 0)},
                                                     {"context", {{"diagnostics", json::array()}}}});
  EXPECT_EQ(reply["result"].size(), 1u);
  // Asking only for refactorings gives nothing.
  reply = client.request("textDocument/codeAction", {{"textDocument", {{"uri", "file:///w/other.tf"}}},
                                                     {"range", range(0, 0, 2, 0)},
                                                     {"context", {{"diagnostics", json::array()}, {"only", {"refactor"}}}}});
  EXPECT_EQ(reply["result"], json::array());
}

TEST(ServerTest, MalformedMessagesGetErrorsAndTheServerLivesOn) {
  LSPClient client;
  client.initialize();
  client.raw("{not json");
  EXPECT_EQ(client.lastMessage()["error"]["code"], -32700);
  EXPECT_TRUE(client.lastMessage()["id"].is_null());
  client.raw("[1, 2]");
  EXPECT_EQ(client.lastMessage()["error"]["code"], -32600);
  client.raw(R"({"jsonrpc": "2.0", "id": 5})");
  EXPECT_EQ(client.lastMessage()["error"]["code"], -32600);
  EXPECT_EQ(client.lastMessage()["id"], 5);
  client.raw(R"({"jsonrpc": "1.0", "id": 6, "method": "shutdown"})");
  EXPECT_EQ(client.lastMessage()["error"]["code"], -32600);
  client.raw(R"({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"})");
  EXPECT_EQ(client.lastMessage()["error"]["code"], -32600);

  EXPECT_EQ(client.request("textDocument/hover", json::object())["error"]["code"], -32601);
  json invalid = client.request("textDocument/codeAction",
                                {{"textDocument", {{"uri", 42}}}, {"range", range(0, 0, 0, 0)}, {"context", json::object()}});
  EXPECT_EQ(invalid["error"]["code"], -32602);
  EXPECT_NE(invalid["error"]["message"].get<std::string>().find("params.textDocument.uri"), std::string::npos);
  invalid = client.request("textDocument/codeAction", {{"textDocument", {{"uri", "https://x/y.tf"}}},
                                                       {"range", range(0, 0, 0, 0)},
                                                       {"context", {{"diagnostics", json::array()}}}});
  EXPECT_EQ(invalid["error"]["code"], -32602);

  // A notification cannot be answered: the problem is logged to the client instead.
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///w/a.tf"}}}});
  ASSERT_FALSE(client.notifications("window/logMessage").empty());
  EXPECT_NE(client.notifications("window/logMessage").back()["message"].get<std::string>().find(
                "params.textDocument.text: missing"),
            std::string::npos);
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///w/never-opened.tf"}, {"version", 1}}},
                                           {"contentChanges", json::array()}});
  EXPECT_NE(client.notifications("window/logMessage").back()["message"].get<std::string>().find("not open"),
            std::string::npos);

  // Still alive and working.
  client.open("file:///w/main.tf", kViolating);
  EXPECT_EQ(client.diagnostics("file:///w/main.tf")["diagnostics"].size(), 1u);
  EXPECT_TRUE(client.request("shutdown", nullptr)["result"].is_null());
}

TEST(ServerTest, MessagesNestedTooDeeplyAreRefusedBeforeParsing) {
  LSPClient client;
  client.initialize();
  // 100,000 levels: parsing or copying it as a json value would overflow the stack.
  client.raw(R"({"jsonrpc":"2.0","id":9,"method":"shutdown","params":)" + std::string(100000, '[') +
             std::string(100000, ']') + "}");
  json reply = client.lastMessage();
  EXPECT_EQ(reply["error"]["code"], -32600);
  EXPECT_EQ(reply["error"]["message"], "the message nests arrays and objects deeper than 256 levels; it is not read");
  EXPECT_TRUE(reply["id"].is_null());
  EXPECT_EQ(client.request("shutdown", nullptr)["result"], nullptr); // still serving
}

TEST(ServerTest, DocumentsOverTheSizeBoundAreNotAnalysedAndSaySo) {
  ServerOptions options;
  options.maxDocumentBytes = 200;
  LSPClient client(options);
  client.initialize();
  std::string padding = "# " + std::string(200, 'x') + "\n";
  client.open("file:///w/main.tf", padding + kViolating);
  json diagnostics = client.diagnostics("file:///w/main.tf")["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["code"], "input-not-analysed");
  EXPECT_EQ(diagnostics[0]["severity"], 1);
  EXPECT_EQ(diagnostics[0]["message"], "not analysed: the document (" + std::to_string(padding.size() + strlen(kViolating)) +
                                           " bytes) is larger than the 200 bytes limit");

  // An incremental edit brings it under the bound: analysed from its whole text (the engine
  // never saw the text the edit starts from).
  client.notify("textDocument/didChange", didChange("file:///w/main.tf", 2, range(0, 0, 1, 0), ""));
  diagnostics = client.diagnostics("file:///w/main.tf")["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["code"], "exclusivity-hosting");
  EXPECT_EQ(diagnostics[0]["range"]["start"]["line"], 1);

  client.notify("textDocument/didChange", didChange("file:///w/main.tf", 3, range(0, 0, 0, 0), padding));
  diagnostics = client.diagnostics("file:///w/main.tf")["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["code"], "input-not-analysed");
}

TEST(ServerTest, CancelledRequestsGetRequestCancelled) {
  LSPClient client;
  client.initialize();
  client.open("file:///w/main.tf", kViolating);
  client.notify("$/cancelRequest", {{"id", 7}});
  client.nextId = 7;
  json reply = client.request("textDocument/codeAction", {{"textDocument", {{"uri", "file:///w/main.tf"}}},
                                                          {"range", range(1, 0, 1, 0)},
                                                          {"context", {{"diagnostics", json::array()}}}});
  EXPECT_EQ(reply["error"]["code"], -32800);
  EXPECT_FALSE(reply.contains("result"));
  // A cancel that arrives while the request waits in the queue (seen by look-ahead) counts too.
  client.transport.incoming.push_back(R"({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": "s1"}})");
  client.raw(R"({"jsonrpc": "2.0", "id": "s1", "method": "textDocument/codeAction", "params": {
      "textDocument": {"uri": "file:///w/main.tf"}, "range": {"start": {"line": 0, "character": 0},
      "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}})");
  EXPECT_EQ(client.replyTo("s1")["error"]["code"], -32800);
  // The next request with another id is answered normally.
  EXPECT_TRUE(client.request("textDocument/codeAction", {{"textDocument", {{"uri", "file:///w/main.tf"}}},
                                                         {"range", range(1, 0, 1, 0)},
                                                         {"context", {{"diagnostics", json::array()}}}})
                  .contains("result"));
}

TEST(ServerTest, Lifecycle) {
  LSPClient client;
  EXPECT_EQ(client.request("textDocument/codeAction", json::object())["error"]["code"], -32002);
  client.open("file:///w/main.tf", kViolating); // dropped before initialize
  EXPECT_TRUE(client.notifications("textDocument/publishDiagnostics").empty());
  client.initialize();
  EXPECT_TRUE(client.request("shutdown", nullptr)["result"].is_null());
  EXPECT_EQ(client.request("textDocument/codeAction", json::object())["error"]["code"], -32600);
  EXPECT_FALSE(client.server.exited());
  client.notify("exit", nullptr);
  EXPECT_TRUE(client.server.exited());
  EXPECT_EQ(client.server.exitCode(), 0);
}

class ServerWorkspaceTest : public ::testing::Test {
protected:
  std::string write(const std::string &name, const std::string &text) {
    std::string path = root + "/" + name;
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::string uri(const std::string &name) { return "file://" + root + "/" + name; }
  cloudpact::unittest::TestDirectory directory{"cloudpact-server"};
  std::string root = directory.string();
};

TEST_F(ServerWorkspaceTest, WatchedFilesAndConfigurationReloadThePolicy) {
  write("main.tf", kViolating);
  LSPClient client;
  client.initialize({{"rootUri", "file://" + root},
                     {"capabilities", {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}});
  // The server asked to watch the inputs.
  json registration = client.lastMessage();
  EXPECT_EQ(registration["method"], "client/registerCapability");
  EXPECT_EQ(registration["params"]["registrations"][0]["method"], "workspace/didChangeWatchedFiles");
  client.raw(json{{"jsonrpc", "2.0"}, {"id", registration["id"]}, {"result", nullptr}}.dump()); // its reply is ignored

  client.open(uri("main.tf"), kViolating);
  EXPECT_EQ(client.diagnostics(uri("main.tf"))["diagnostics"].size(), 1u);

  write(".cloudpact.yaml", "contracts:\n  - provider: openai\n    clouds: [aws]\n");
  client.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", uri(".cloudpact.yaml")}, {"type", 1}}}}});
  EXPECT_EQ(client.diagnostics(uri("main.tf"))["diagnostics"], json::array());

  // Configuration names another policy file.
  std::string strict = write("strict.yaml", "contracts:\n  - provider: openai\n    clouds: [azure]\n    severity: warning\n");
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"cloudpact", {{"policy", strict}}}}}});
  json diagnostics = client.diagnostics(uri("main.tf"))["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["severity"], 2);

  // A relative policy path in the settings is relative to the workspace root.
  write("policies/allow.yaml", "contracts:\n  - provider: openai\n    clouds: [aws]\n");
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"policy", "policies/allow.yaml"}}}});
  EXPECT_EQ(client.diagnostics(uri("main.tf"))["diagnostics"], json::array());
}

TEST_F(ServerWorkspaceTest, TraceInAnotherFileIsRelatedInformation) {
  write("main.tf", "resource \"aws_bedrockagent_agent\" \"a\" {\n  foundation_model = var.m\n}\n");
  write("vars.tf", "variable \"m\" {\n  default = \"openai.gpt-oss-120b-1:0\"\n}\n");
  LSPClient client;
  client.initialize({{"rootUri", "file://" + root}});
  client.open(uri("vars.tf"), "variable \"m\" {\n  default = \"openai.gpt-oss-120b-1:0\"\n}\n");
  json diagnostics = client.diagnostics(uri("main.tf"))["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 1u);
  json related = diagnostics[0]["relatedInformation"];
  ASSERT_EQ(related.size(), 1u);
  EXPECT_EQ(related[0]["location"]["uri"], uri("vars.tf"));
  EXPECT_EQ(related[0]["location"]["range"]["start"], json::parse(R"({"line": 1, "character": 12})"));
  EXPECT_EQ(related[0]["message"], "default of variable m");
  // vars.tf itself has no findings; it heard so.
  EXPECT_EQ(client.diagnostics(uri("vars.tf"))["diagnostics"], json::array());

  // didSave carries the text; closing falls back to the disk.
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", uri("vars.tf")}}},
                                         {"text", "variable \"m\" {\n  default = \"anthropic.claude-3-5-sonnet-20240620-v1:0\"\n}\n"}});
  EXPECT_EQ(client.diagnostics(uri("main.tf"))["diagnostics"], json::array());
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", uri("vars.tf")}}}});
  EXPECT_EQ(client.diagnostics(uri("main.tf"))["diagnostics"].size(), 1u);
}

} // namespace
