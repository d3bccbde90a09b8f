#pragma once
// Moving JSON-RPC messages: Content-Length framing over stdio (a reader thread lets the server
// look ahead for $/cancelRequest and coalesce edits), or the lit-test form: plain JSON messages
// separated by `---` lines, `#` comment lines ignored, replies pretty-printed for FileCheck.
#include "Core/SourceFile.h"

#include <nlohmann/json.hpp>

#include <cstddef>

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
  /// True once a send could not be written (the client closed its end).
  virtual bool failed() const { return false; }
};

/// The largest message body the framed transport takes: twice the bound on one input, so that
/// a document over that bound still arrives and is answered with a located diagnostic.
constexpr size_t kMaxFrameBytes = 2 * kMaxInputBytes;

/// Reads `Content-Length: N` framed messages from a byte stream and keeps its footing when the
/// framing is broken: a header that is not one, a missing or invalid length, a length longer
/// than the message (the next `Content-Length:` line shows up inside it) or over the frame
/// limit each give one Malformed status, and reading goes on at the next `Content-Length: N`
/// line. Such a line cannot occur inside a JSON body (JSON strings hold no raw line breaks),
/// so finding one is a sure sign where the next message begins. Reads only what the stream
/// has (it never waits for more bytes than a message needs), so a wrong length cannot make
/// the server wait for bytes that never come while later messages queue behind them.
class FrameReader {
public:
  explicit FrameReader(std::istream &in, size_t maxBodyBytes = kMaxFrameBytes);
  /// The next message; End when the input is closed.
  Transport::Status next(std::string &body);

private:
  /// Waits for more input and appends what is there; false at the end of the input.
  bool readMore();
  /// The first "Content-Length: N" line that begins in buffer_[from, until), or npos. `resume`
  /// is where to search again once more input is here (a line that may be one, or `until`).
  /// `nameOnly`: any "Content-Length:" will do, whatever follows it.
  size_t findHeaderLine(size_t from, size_t until, size_t &resume, bool nameOnly = false) const;
  void discardBefore(size_t offset);

  std::istream &in_;
  size_t maxBodyBytes_;
  std::string buffer_; // bytes read and not yet consumed, from buffer_[0]
  bool ended_ = false;
  bool skipping_ = false; // after a frame without a usable length: look for the next header
};
/// Reads one lit-test message: lines up to a `---` line, skipping `#` comment lines.
Transport::Status readDelimited(std::istream &in, std::string &body);

/// The real thing: framed messages both ways, input read by a background thread.
std::unique_ptr<Transport> makeStdioTransport(std::istream &in, std::ostream &out);
/// For lit tests: `---`-separated input read on demand, pretty-printed output (one message per
/// line group), no framing.
std::unique_ptr<Transport> makeLitTransport(std::istream &in, std::ostream &out);

} // namespace cloudpact::lsp
