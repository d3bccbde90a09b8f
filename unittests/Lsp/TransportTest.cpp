#include "Lsp/Server.h"
#include "Lsp/Transport.h"

#include <gtest/gtest.h>

#include <ext/stdio_filebuf.h>

#include <chrono>
#include <future>
#include <sstream>
#include <unistd.h>

using namespace cloudpact::lsp;

namespace {

std::string frame(const std::string &body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

TEST(TransportTest, ReadsFramedMessages) {
  std::istringstream in(frame("{\"a\":1}") + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                        frame("{\"b\":2}"));
  FrameReader frames(in);
  std::string body;
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, "{\"a\":1}");
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, "{\"b\":2}");
  EXPECT_EQ(frames.next(body), Transport::Status::End);
}

TEST(TransportTest, BrokenHeadersAreReportedAndSkipped) {
  std::istringstream in("Content-Type: x\r\n\r\n" + std::string("Content-Length: abc\r\n\r\n") + frame("{}"));
  FrameReader frames(in);
  std::string body;
  ASSERT_EQ(frames.next(body), Transport::Status::Malformed);
  EXPECT_EQ(body, "message without a Content-Length header");
  ASSERT_EQ(frames.next(body), Transport::Status::Malformed);
  EXPECT_EQ(body, "invalid Content-Length 'abc'");
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, "{}");
}

TEST(TransportTest, TruncatedBodyEndsTheInput) {
  std::istringstream in("Content-Length: 10\r\n\r\n{}");
  FrameReader frames(in);
  std::string body;
  EXPECT_EQ(frames.next(body), Transport::Status::End);
}

const std::string kShutdown = R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})";
const std::string kExit = R"({"jsonrpc":"2.0","method":"exit"})";

TEST(TransportTest, ALengthTooLongEndsAtTheNextHeader) {
  std::istringstream in("Content-Length: 500\r\n\r\n{\"a\":1}" + frame(kShutdown) + frame(kExit));
  FrameReader frames(in);
  std::string body;
  ASSERT_EQ(frames.next(body), Transport::Status::Malformed);
  EXPECT_EQ(body, "Content-Length 500 is longer than the message: the next header begins after 7 bytes");
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, kShutdown);
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, kExit);
  EXPECT_EQ(frames.next(body), Transport::Status::End);
}

TEST(TransportTest, ALengthTooShortLeavesNoiseThatIsSkipped) {
  std::istringstream in("Content-Length: 3\r\n\r\n{\"a\":1}" + frame(kShutdown));
  FrameReader frames(in);
  std::string body;
  ASSERT_EQ(frames.next(body), Transport::Status::Message); // the server answers it with a parse error
  EXPECT_EQ(body, "{\"a");
  ASSERT_EQ(frames.next(body), Transport::Status::Malformed);
  EXPECT_EQ(body, "malformed header line '\":1}'");
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, kShutdown);
}

TEST(TransportTest, AMissingLengthSkipsTheBodyToTheNextHeader) {
  std::istringstream in("Content-Type: x\r\n\r\n{\"a\":\"b\"}\n\n{\"c\":1}" + frame(kShutdown));
  FrameReader frames(in);
  std::string body;
  ASSERT_EQ(frames.next(body), Transport::Status::Malformed);
  EXPECT_EQ(body, "message without a Content-Length header");
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, kShutdown);
}

TEST(TransportTest, NoiseBeforeAHeaderIsSkipped) {
  std::istringstream in("garbage\r\nmore garbage: \x1b[2J\r\n\r\n" + frame(kShutdown));
  FrameReader frames(in);
  std::string body;
  ASSERT_EQ(frames.next(body), Transport::Status::Malformed);
  EXPECT_EQ(body, "malformed header line 'garbage'");
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, kShutdown);
}

TEST(TransportTest, HeaderTextInsideAJsonStringIsNoHeader) {
  // JSON strings hold no raw line breaks, so this cannot be mistaken for a header line.
  std::string message = R"({"text":"Content-Length: 5\r\n\r\nhello"})";
  std::istringstream in(frame(message) + frame(kExit));
  FrameReader frames(in);
  std::string body;
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, message);
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, kExit);
}

TEST(TransportTest, AFrameOverTheLimitIsDroppedWithoutBeingKept) {
  std::string big = "{\"text\":\"" + std::string(100, 'x') + "\"}";
  std::istringstream in(frame(big) + frame(kExit));
  FrameReader frames(in, 64); // the exit message fits, the big one does not
  std::string body;
  ASSERT_EQ(frames.next(body), Transport::Status::Malformed);
  EXPECT_EQ(body, "a message of 111 bytes is over the limit of 64 bytes");
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(body, kExit);
}

// Over a real pipe that stays open: a wrong length must not make the reader wait for bytes
// that never come while the messages after it are already there.
TEST(TransportTest, AWrongLengthDoesNotWaitForBytesThatNeverCome) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string input = "Content-Length: 100000\r\n\r\n{\"a\":1}" + frame(kShutdown);
  ASSERT_EQ(::write(fds[1], input.data(), input.size()), static_cast<ssize_t>(input.size()));
  __gnu_cxx::stdio_filebuf<char> buffer(fds[0], std::ios::in);
  std::istream in(&buffer);
  auto reading = std::async(std::launch::async, [&] {
    FrameReader frames(in);
    std::string first, second;
    Transport::Status a = frames.next(first), b = frames.next(second);
    return std::make_pair(a == Transport::Status::Malformed, b == Transport::Status::Message ? second : "");
  });
  bool done = reading.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  ::close(fds[1]); // lets a stuck reader end, so the test fails instead of hanging
  ASSERT_TRUE(done);
  auto [malformed, shutdown] = reading.get();
  EXPECT_TRUE(malformed);
  EXPECT_EQ(shutdown, kShutdown);
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
  FrameReader frames(replies);
  std::string body;
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(nlohmann::json::parse(body)["id"], 1);
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(nlohmann::json::parse(body)["error"]["code"], -32700);
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(nlohmann::json::parse(body), nlohmann::json::parse(R"({"jsonrpc":"2.0","id":2,"result":null})"));
  EXPECT_EQ(frames.next(body), Transport::Status::End);
}

// A broken frame is answered and shutdown and exit after it are still heard.
TEST(TransportTest, ShutdownAndExitAreHeardAfterABrokenFrame) {
  std::string input = frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})") +
                      "Content-Length: 99999\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}" +
                      frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") + frame(kExit);
  std::istringstream in(input);
  std::ostringstream out;
  EXPECT_EQ(runServer(in, out, ServerOptions{}), 0);
  std::istringstream replies(out.str());
  FrameReader frames(replies);
  std::string body;
  ASSERT_EQ(frames.next(body), Transport::Status::Message); // initialize
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(nlohmann::json::parse(body)["error"]["code"], -32700);
  ASSERT_EQ(frames.next(body), Transport::Status::Message);
  EXPECT_EQ(nlohmann::json::parse(body), nlohmann::json::parse(R"({"jsonrpc":"2.0","id":2,"result":null})"));
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

TEST(TransportTest, TheServerEndsWhenTheClientStopsReading) {
  // Shutdown and exit would end it with 0; a reply that cannot be written ends it first, with 1.
  std::istringstream in(frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})") +
                        frame(kShutdown) + frame(kExit));
  std::ostream closed(nullptr); // every write fails, as on a pipe whose reader has gone
  EXPECT_EQ(runServer(in, closed, ServerOptions{}), 1);
}

TEST(TransportTest, ExitWithoutShutdownIsExitCodeOne) {
  std::istringstream in(frame(R"({"jsonrpc":"2.0","method":"exit"})"));
  std::ostringstream out;
  EXPECT_EQ(runServer(in, out, ServerOptions{}), 1);
}

} // namespace
