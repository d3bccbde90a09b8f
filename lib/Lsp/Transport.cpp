#include "Lsp/Transport.h"

#include <cctype>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace cloudpact::lsp {

namespace {

constexpr size_t kMaxMessageBytes = 256u << 20;

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

class StdioTransport : public Transport {
public:
  StdioTransport(std::istream &in, std::ostream &out) : out_(out), state_(std::make_shared<State>()) {
    // std::cin is tied to std::cout: each read would flush the output from the reader thread
    // while the server writes it, and a message could go out twice or torn.
    in.tie(nullptr);
    reader_ = std::thread([state = state_, &in] {
      for (;;) {
        std::string body;
        Status status = readFramed(in, body);
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
  }

private:
  struct State {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<std::pair<Status, std::string>> queue;
    bool finished = false;
  };
  std::ostream &out_;
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

Transport::Status readFramed(std::istream &in, std::string &body) {
  body.clear();
  std::string line;
  bool sawHeader = false, badHeader = false;
  long long length = -1;
  std::string problem;
  for (;;) {
    if (!std::getline(in, line))
      return Transport::Status::End;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (line.empty()) {
      if (!sawHeader)
        continue; // stray blank line between messages
      break;
    }
    sawHeader = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      badHeader = true;
      problem = "malformed header line '" + line.substr(0, 80) + "'";
      continue;
    }
    std::string name = trim(line.substr(0, colon));
    std::string value = trim(line.substr(colon + 1));
    if (equalsIgnoringCase(name, "Content-Length")) {
      bool digits = !value.empty() && value.size() < 12;
      for (char c : value)
        digits = digits && std::isdigit(static_cast<unsigned char>(c));
      if (!digits) {
        badHeader = true;
        problem = "invalid Content-Length '" + value + "'";
        continue;
      }
      length = std::stoll(value);
    }
  }
  if (badHeader) {
    body = problem;
    return Transport::Status::Malformed;
  }
  if (length < 0) {
    body = "message without a Content-Length header";
    return Transport::Status::Malformed;
  }
  if (static_cast<size_t>(length) > kMaxMessageBytes) {
    body = "Content-Length " + std::to_string(length) + " is too large";
    in.ignore(length);
    return in ? Transport::Status::Malformed : Transport::Status::End;
  }
  body.resize(static_cast<size_t>(length));
  in.read(body.data(), length);
  if (in.gcount() != length) {
    body.clear();
    return Transport::Status::End;
  }
  return Transport::Status::Message;
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
