#include "Lsp/Protocol.h"

#include <gtest/gtest.h>

using namespace cloudpact::lsp;

namespace {

template <typename T> std::string decodeError(const char *text) {
  T out;
  try {
    fromJSON(json::parse(text), out, "params");
  } catch (const DecodeError &error) {
    return error.what();
  }
  return "";
}

TEST(ProtocolTest, DecodesDidChange) {
  DidChangeTextDocumentParams params = json::parse(R"({
    "textDocument": {"uri": "file:///a.tf", "version": 3},
    "contentChanges": [{"range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 4}},
                        "rangeLength": 2, "text": "xy"},
                       {"text": "whole"}]})")
                                               .get<DidChangeTextDocumentParams>();
  EXPECT_EQ(params.textDocument.version, 3);
  ASSERT_EQ(params.contentChanges.size(), 2u);
  ASSERT_TRUE(params.contentChanges[0].range);
  EXPECT_EQ(params.contentChanges[0].range->end, (Position{1, 4}));
  EXPECT_FALSE(params.contentChanges[1].range);
}

TEST(ProtocolTest, ErrorsNameTheJsonPath) {
  EXPECT_EQ(decodeError<DidOpenTextDocumentParams>(R"({"textDocument": {"uri": 5, "text": ""}})"),
            "params.textDocument.uri: expected a string, got an integer");
  EXPECT_EQ(decodeError<DidOpenTextDocumentParams>(R"({"textDocument": {"uri": "file:///a"}})"),
            "params.textDocument.text: missing");
  EXPECT_EQ(decodeError<DidChangeTextDocumentParams>(
                R"({"textDocument": {"uri": "file:///a"}, "contentChanges": [{"text": ""}, {"range": {"start": {"line": 0}}, "text": ""}]})"),
            "params.contentChanges[1].range.start.character: missing");
  EXPECT_EQ(decodeError<CodeActionParams>(R"([1])"), "params: expected an object, got an array");
  EXPECT_EQ(decodeError<Position>(R"({"line": -1, "character": 0})"), "params.line: must not be negative");
}

TEST(ProtocolTest, InitializeReadsCapabilitiesAndSettings) {
  InitializeParams params = json::parse(R"({
    "processId": null, "rootUri": "file:///repo",
    "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]},
                     "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}},
    "initializationOptions": {"cloudpact": {"policy": "/p.yaml"}}})")
                                .get<InitializeParams>();
  EXPECT_EQ(params.rootUri.value_or(""), "file:///repo");
  EXPECT_EQ(params.positionEncodings, (std::vector<std::string>{"utf-8", "utf-16"}));
  EXPECT_TRUE(params.watchedFilesRegistration);
  EXPECT_EQ(params.initializationOptions.policy.value_or(""), "/p.yaml");
}

TEST(ProtocolTest, EncodesDiagnostics) {
  Diagnostic diagnostic;
  diagnostic.range = Range{{1, 2}, {1, 5}};
  diagnostic.severity = 1;
  diagnostic.code = "exclusivity-hosting";
  diagnostic.codeDescription = CodeDescription{"https://example/r.md"};
  diagnostic.source = "cloudpact";
  diagnostic.message = "m";
  diagnostic.relatedInformation.push_back({Location{"file:///v.tf", Range{{0, 0}, {0, 1}}}, "default of variable x"});
  json encoded = PublishDiagnosticsParams{"file:///a.tf", 4, {diagnostic}};
  EXPECT_EQ(encoded, json::parse(R"({"uri": "file:///a.tf", "version": 4, "diagnostics": [{
    "range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 5}},
    "severity": 1, "code": "exclusivity-hosting", "codeDescription": {"href": "https://example/r.md"},
    "source": "cloudpact", "message": "m",
    "relatedInformation": [{"location": {"uri": "file:///v.tf",
      "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}},
      "message": "default of variable x"}]}]})"));
  // Round trip of what a client sends back in a code action context.
  Diagnostic back = encoded["diagnostics"][0].get<Diagnostic>();
  EXPECT_EQ(back.code, "exclusivity-hosting");
  EXPECT_EQ(back.range, diagnostic.range);
}

TEST(ProtocolTest, NestingIsCountedOutsideStringsOnly) {
  EXPECT_TRUE(jsonNestingWithin("[[]]", 2));
  EXPECT_FALSE(jsonNestingWithin("[[[]]]", 2));
  EXPECT_FALSE(jsonNestingWithin("{\"a\":{\"b\":[1]}}", 2));
  EXPECT_TRUE(jsonNestingWithin("[[], [], {}]", 2)); // siblings do not add up
  EXPECT_TRUE(jsonNestingWithin(R"({"text":"[[[[[[{{{{"})", 1));
  EXPECT_TRUE(jsonNestingWithin(R"({"text":"a \" [[[[ \\"})", 1)); // escaped quotes stay in the string
  EXPECT_FALSE(jsonNestingWithin(std::string(100000, '[') + std::string(100000, ']')));
  EXPECT_TRUE(jsonNestingWithin(std::string(kMaxJsonNesting, '[') + std::string(kMaxJsonNesting, ']')));
}

} // namespace
