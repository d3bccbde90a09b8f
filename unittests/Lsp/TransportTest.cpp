#include "Lsp/Server.h"
#include "Lsp/Transport.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace cloudpact::lsp;

namespace {

std::string frame(const std::string &body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

TEST(TransportTest, ReadsFramedMessages) {
  std::istringstream in(frame("{\"a\":1}") + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                        frame("{\"b\":2}"));
  std::string body;
  ASSERT_EQ(readFramed(in, body), Transport::Status::Message);
  EXPECT_EQ(body, "{\"a\":1}");
  ASSERT_EQ(readFramed(in, body), Transport::Status::Message);
  EXPECT_EQ(body, "{\"b\":2}");
  EXPECT_EQ(readFramed(in, body), Transport::Status::End);
}

TEST(TransportTest, BrokenHeadersAreReportedAndSkipped) {
  std::istringstream in("Content-Type: x\r\n\r\n" + std::string("Content-Length: abc\r\n\r\n") + frame("{}"));
  std::string body;
  ASSERT_EQ(readFramed(in, body), Transport::Status::Malformed);
  EXPECT_EQ(body, "message without a Content-Length header");
  ASSERT_EQ(readFramed(in, body), Transport::Status::Malformed);
  EXPECT_EQ(body, "invalid Content-Length 'abc'");
  ASSERT_EQ(readFramed(in, body), Transport::Status::Message);
  EXPECT_EQ(body, "{}");
}

TEST(TransportTest, TruncatedBodyEndsTheInput) {
  std::istringstream in("Content-Length: 10\r\n\r\n{}");
  std::string body;
  EXPECT_EQ(readFramed(in, body), Transport::Status::End);
}

TEST(TransportTest, ReadsLitTestMessages) {
  std::istringstream in("# RUN: comment\n{\"a\":\n 1}\n---\n# CHECK: x\n---\n{\"b\":2}\n");
  std::string body;
  ASSERT_EQ(readDelimited(in, body), Transport::Status::Message);
  EXPECT_EQ(nlohmann::json::parse(body), nlohmann::json({{"a", 1}}));
  ASSERT_EQ(readDelimited(in, body), Transport::Status::Message);
  EXPECT_EQ(nlohmann::json::parse(body), nlohmann::json({{"b", 2}}));
  EXPECT_EQ(readDelimited(in, body), Transport::Status::End);
}

// The whole server over framed streams (its reader thread ends at the end of the input).
TEST(TransportTest, RunServerOverFramedStreams) {
  std::string input = frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})") +
                      frame("not json") + frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
                      frame(R"({"jsonrpc":"2.0","method":"exit"})");
  std::istringstream in(input);
  std::ostringstream out;
  EXPECT_EQ(runServer(in, out, ServerOptions{}), 0);
  EXPECT_EQ(out.str().rfind("Content-Length: ", 0), 0u);
  EXPECT_NE(out.str().find("\r\n\r\n{\"id\":1,"), std::string::npos);
  std::istringstream replies(out.str());
  std::string body;
  ASSERT_EQ(readFramed(replies, body), Transport::Status::Message);
  EXPECT_EQ(nlohmann::json::parse(body)["id"], 1);
  ASSERT_EQ(readFramed(replies, body), Transport::Status::Message);
  EXPECT_EQ(nlohmann::json::parse(body)["error"]["code"], -32700);
  ASSERT_EQ(readFramed(replies, body), Transport::Status::Message);
  EXPECT_EQ(nlohmann::json::parse(body), nlohmann::json::parse(R"({"jsonrpc":"2.0","id":2,"result":null})"));
  EXPECT_EQ(readFramed(replies, body), Transport::Status::End);
}

TEST(TransportTest, ReadingDoesNotFlushTheOutput) {
  // The reader thread must not touch the output: a tied input stream flushes its output
  // before each read, racing with the server's writes (messages sent twice or torn).
  std::istringstream in(frame(R"({"jsonrpc":"2.0","method":"exit"})"));
  std::ostringstream out;
  in.tie(&out);
  auto transport = makeStdioTransport(in, out);
  EXPECT_EQ(in.tie(), nullptr);
  std::string body;
  EXPECT_EQ(transport->read(body, -1), Transport::Status::Message);
  EXPECT_EQ(transport->read(body, -1), Transport::Status::End); // the reader is done with `in`
}

TEST(TransportTest, ExitWithoutShutdownIsExitCodeOne) {
  std::istringstream in(frame(R"({"jsonrpc":"2.0","method":"exit"})"));
  std::ostringstream out;
  EXPECT_EQ(runServer(in, out, ServerOptions{}), 1);
}

} // namespace
