#pragma once
// Moving JSON-RPC messages: Content-Length framing over stdio (a reader thread lets the server
// look ahead for $/cancelRequest and coalesce edits), or the lit-test form: plain JSON messages
// separated by `---` lines, `#` comment lines ignored, replies pretty-printed for FileCheck.
#include <nlohmann/json.hpp>

#include <istream>
#include <memory>
#include <ostream>
#include <string>

namespace cloudpact::lsp {

class Transport {
public:
  enum class Status {
    Message,   // `body` holds one message
    Malformed, // the framing was broken; `body` says how (the reader goes on with the next message)
    Timeout,   // nothing arrived in time
    End,       // the input is closed
  };
  virtual ~Transport() = default;
  /// The next message. `waitMs` < 0 waits as long as it takes; 0 only takes one already here.
  virtual Status read(std::string &body, int waitMs) = 0;
  virtual void send(const nlohmann::json &message) = 0;
};

/// Reads one `Content-Length: N` framed message from `in`, waiting for it.
Transport::Status readFramed(std::istream &in, std::string &body);
/// Reads one lit-test message: lines up to a `---` line, skipping `#` comment lines.
Transport::Status readDelimited(std::istream &in, std::string &body);

/// The real thing: framed messages both ways, input read by a background thread.
std::unique_ptr<Transport> makeStdioTransport(std::istream &in, std::ostream &out);
/// For lit tests: `---`-separated input read on demand, pretty-printed output (one message per
/// line group), no framing.
std::unique_ptr<Transport> makeLitTransport(std::istream &in, std::ostream &out);

} // namespace cloudpact::lsp
