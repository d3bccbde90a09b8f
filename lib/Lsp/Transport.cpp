#include "Lsp/Transport.h"

#include "Core/InputFile.h"
#include "Report/Display.h"

#include <algorithm>

#include <cctype>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace cloudpact::lsp {

namespace {

constexpr std::string_view kLengthHeader = "content-length";
constexpr size_t kMaxLengthDigits = 12;
constexpr size_t kMaxHeaderLineBytes = 1024;
constexpr size_t kMaxHeaderBytes = 8 * 1024;

std::string trim(const std::string &text) {
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string::npos)
    return {};
  size_t e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

/// RFC 7230 token characters: what a header name is made of.
bool isHeaderName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

enum class HeaderMatch { No, Yes, NeedMore };

/// Whether a "Content-Length: N" line (the name in any case, N digits, a line break) begins at
/// `at`; NeedMore if `text` ends before that is decided. `nameOnly`: "Content-Length:" with
/// any value will do (where no message body is expected, a broken header counts too).
HeaderMatch matchHeaderLine(std::string_view text, size_t at, bool nameOnly) {
  size_t i = at;
  for (char expected : kLengthHeader) {
    if (i >= text.size())
      return HeaderMatch::NeedMore;
    if (std::tolower(static_cast<unsigned char>(text[i])) != expected)
      return HeaderMatch::No;
    ++i;
  }
  auto skipBlanks = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
      ++i;
  };
  skipBlanks();
  if (i >= text.size())
    return HeaderMatch::NeedMore;
  if (text[i++] != ':')
    return HeaderMatch::No;
  if (nameOnly)
    return HeaderMatch::Yes;
  skipBlanks();
  size_t digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && digits <= kMaxLengthDigits) {
    ++i;
    ++digits;
  }
  if (digits == 0 && i < text.size())
    return HeaderMatch::No;
  if (digits > kMaxLengthDigits)
    return HeaderMatch::No;
  skipBlanks();
  if (i < text.size() && text[i] == '\r')
    ++i;
  if (i >= text.size())
    return HeaderMatch::NeedMore;
  return text[i] == '\n' && digits > 0 ? HeaderMatch::Yes : HeaderMatch::No;
}

class StdioTransport : public Transport {
public:
  StdioTransport(std::istream &in, std::ostream &out) : out_(out), state_(std::make_shared<State>()) {
    // std::cin is tied to std::cout: each read would flush the output from the reader thread
    // while the server writes it, and a message could go out twice or torn.
    in.tie(nullptr);
    reader_ = std::thread([state = state_, &in] {
      FrameReader frames(in);
      for (;;) {
        std::string body;
        Status status = frames.next(body);
        std::lock_guard<std::mutex> lock(state->mutex);
        state->queue.emplace_back(status, std::move(body));
        state->ready.notify_all();
        if (status == Status::End) {
          state->finished = true;
          return;
        }
      }
    });
  }

  ~StdioTransport() override {
    // Input that ends right after `exit` is read to its end in a moment: wait for that, so the
    // reader never outlives a stream that goes away with its owner. A reader still blocked on a
    // terminal or pipe cannot be interrupted portably; it owns its state and ends with the
    // process.
    bool finished;
    {
      std::unique_lock<std::mutex> lock(state_->mutex);
      finished = state_->ready.wait_for(lock, std::chrono::milliseconds(200), [&] { return state_->finished; });
    }
    if (finished)
      reader_.join();
    else
      reader_.detach();
  }

  Status read(std::string &body, int waitMs) override {
    std::unique_lock<std::mutex> lock(state_->mutex);
    auto ready = [&] { return !state_->queue.empty(); };
    if (waitMs < 0)
      state_->ready.wait(lock, ready);
    else if (!state_->ready.wait_for(lock, std::chrono::milliseconds(waitMs), ready))
      return Status::Timeout;
    auto [status, text] = state_->queue.front();
    if (status != Status::End) // End stays: every later read sees it too
      state_->queue.pop_front();
    body = std::move(text);
    return status;
  }

  void send(const nlohmann::json &message) override {
    std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out_.flush();
    failed_ = failed_ || !out_;
  }

  bool failed() const override { return failed_; }

private:
  struct State {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<std::pair<Status, std::string>> queue;
    bool finished = false;
  };
  std::ostream &out_;
  bool failed_ = false;
  std::shared_ptr<State> state_;
  std::thread reader_;
};

class LitTransport : public Transport {
public:
  LitTransport(std::istream &in, std::ostream &out) : in_(in), out_(out) {}

  Status read(std::string &body, int) override { return readDelimited(in_, body); }

  void send(const nlohmann::json &message) override {
    out_ << message.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    out_.flush();
  }

private:
  std::istream &in_;
  std::ostream &out_;
};

} // namespace

FrameReader::FrameReader(std::istream &in, size_t maxBodyBytes) : in_(in), maxBodyBytes_(maxBodyBytes) {}

bool FrameReader::readMore() {
  std::streambuf *stream = in_.rdbuf();
  if (ended_ || !stream)
    return false;
  // Waits for one byte, then takes only what is already there: never blocks for bytes a
  // broken Content-Length promised but that will not come.
  int first = stream->sbumpc();
  if (first == std::char_traits<char>::eof()) {
    ended_ = true;
    return false;
  }
  buffer_ += static_cast<char>(first);
  // A bounded chunk: consuming a message erases it from the front of the buffer, which must
  // stay small for that to be cheap.
  constexpr size_t kChunk = 64 * 1024;
  size_t added = 1;
  for (std::streamsize available; added < kChunk && (available = stream->in_avail()) > 0;) {
    size_t before = buffer_.size();
    buffer_.resize(before + std::min<size_t>(static_cast<size_t>(available), kChunk - added));
    std::streamsize got = stream->sgetn(buffer_.data() + before, static_cast<std::streamsize>(buffer_.size() - before));
    buffer_.resize(before + static_cast<size_t>(std::max<std::streamsize>(got, 0)));
    if (got <= 0)
      break;
    added += static_cast<size_t>(got);
  }
  return true;
}

void FrameReader::discardBefore(size_t offset) { buffer_.erase(0, std::min(offset, buffer_.size())); }

size_t FrameReader::findHeaderLine(size_t from, size_t until, size_t &resume, bool nameOnly) const {
  for (size_t at = from;; ++at) {
    at = buffer_.find_first_of("cC", at);
    if (at == std::string::npos || at >= until) {
      resume = std::min(until, buffer_.size());
      return std::string::npos;
    }
    switch (matchHeaderLine(buffer_, at, nameOnly)) {
    case HeaderMatch::Yes: return at;
    case HeaderMatch::No: break;
    case HeaderMatch::NeedMore:
      resume = at;
      return std::string::npos;
    }
  }
}

Transport::Status FrameReader::next(std::string &body) {
  body.clear();
  if (skipping_) {
    // After a frame whose length is unknown: its body is whatever comes before the next header.
    for (size_t resume = 0;;) {
      size_t header = findHeaderLine(resume, buffer_.size(), resume, /*nameOnly=*/true);
      if (header != std::string::npos) {
        discardBefore(header);
        break;
      }
      discardBefore(resume);
      resume = 0;
      if (!readMore())
        return Transport::Status::End;
    }
    skipping_ = false;
  }

  // Blank lines between messages are tolerated.
  for (;;) {
    size_t text = buffer_.find_first_not_of("\r\n");
    discardBefore(text);
    if (text != std::string::npos)
      break;
    if (!readMore())
      return Transport::Status::End;
  }

  // The header: lines up to an empty one.
  auto malformed = [&](std::string problem) {
    skipping_ = true;
    body = std::move(problem);
    return Transport::Status::Malformed;
  };
  long long length = -1;
  std::string problem;
  size_t at = 0;
  for (;;) {
    size_t end = buffer_.find('\n', at);
    while (end == std::string::npos && buffer_.size() - at <= kMaxHeaderLineBytes) {
      size_t searched = buffer_.size();
      if (!readMore())
        return Transport::Status::End;
      end = buffer_.find('\n', searched);
    }
    std::string_view line = std::string_view(buffer_).substr(at, end == std::string::npos ? kMaxHeaderLineBytes : end - at);
    if (end == std::string::npos || line.size() > kMaxHeaderLineBytes || at > kMaxHeaderBytes) {
      std::string shown = displayText(line, 80);
      discardBefore(at + 1);
      return malformed("malformed header line '" + shown + "'");
    }
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    size_t lineStart = at;
    at = end + 1;
    if (line.empty())
      break;
    size_t resume = 0;
    if (size_t inner = findHeaderLine(lineStart + 1, lineStart + line.size(), resume); inner != std::string::npos) {
      // Noise, then a header on the same line: the rest of a message whose Content-Length was
      // too short. The next message begins at the header.
      std::string noise = displayText(std::string_view(buffer_).substr(lineStart, inner - lineStart), 80);
      discardBefore(inner);
      body = "malformed header line '" + noise + "'";
      return Transport::Status::Malformed;
    }
    size_t colon = line.find(':');
    std::string name = colon == std::string_view::npos ? std::string() : trim(std::string(line.substr(0, colon)));
    if (colon == std::string_view::npos || !isHeaderName(name)) {
      // Not a header: the rest of a message whose Content-Length was too short, or noise.
      std::string shown = displayText(line, 80);
      discardBefore(lineStart + 1);
      return malformed("malformed header line '" + shown + "'");
    }
    if (!equalsIgnoringCase(name, "Content-Length"))
      continue; // Content-Type and the like
    std::string value = trim(std::string(line.substr(colon + 1)));
    bool digits = !value.empty() && value.size() <= kMaxLengthDigits &&
                  std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (digits)
      length = std::stoll(value);
    else
      problem = "invalid Content-Length '" + displayText(value, 80) + "'";
  }
  discardBefore(at);
  if (!problem.empty())
    return malformed(problem);
  if (length < 0)
    return malformed("message without a Content-Length header");

  // The body. A "Content-Length: N" line inside it means the length was wrong: the frame ends
  // there and the next one begins.
  const size_t declared = static_cast<size_t>(length);
  const bool keep = declared <= maxBodyBytes_;
  size_t dropped = 0; // bytes of an over-size body already thrown away
  for (size_t resume = 0;;) {
    size_t inBody = std::min(buffer_.size(), declared - dropped);
    size_t header = findHeaderLine(resume, inBody, resume);
    if (header != std::string::npos) {
      discardBefore(header);
      body = "Content-Length " + std::to_string(declared) + " is longer than the message: the next header begins after " +
             std::to_string(dropped + header) + " bytes";
      return Transport::Status::Malformed;
    }
    if (inBody == declared - dropped && resume >= inBody) {
      if (!keep) {
        discardBefore(inBody);
        body = "a message of " + std::to_string(declared) + " bytes is over the limit of " + formatByteSize(maxBodyBytes_);
        return Transport::Status::Malformed;
      }
      body = buffer_.substr(0, declared);
      discardBefore(declared);
      return Transport::Status::Message;
    }
    if (!keep) {
      discardBefore(resume);
      dropped += resume;
      resume = 0;
    }
    if (!readMore())
      return Transport::Status::End;
  }
}

Transport::Status readDelimited(std::istream &in, std::string &body) {
  body.clear();
  std::string line;
  bool content = false;
  while (std::getline(in, line)) {
    std::string trimmed = trim(line);
    if (trimmed == "---") {
      if (content)
        return Transport::Status::Message;
      body.clear();
      continue;
    }
    if (!trimmed.empty() && trimmed.front() == '#')
      continue;
    if (!trimmed.empty())
      content = true;
    body += line;
    body += '\n';
  }
  return content ? Transport::Status::Message : Transport::Status::End;
}

std::unique_ptr<Transport> makeStdioTransport(std::istream &in, std::ostream &out) {
  return std::make_unique<StdioTransport>(in, out);
}

std::unique_ptr<Transport> makeLitTransport(std::istream &in, std::ostream &out) {
  return std::make_unique<LitTransport>(in, out);
}

} // namespace cloudpact::lsp
