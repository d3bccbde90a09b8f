#pragma once
// The cloudpact language server: the protocol layer over cloudpact::Session (lib/Driver). It
// decodes JSON-RPC, negotiates capabilities and dispatches to the engine; it analyses nothing.
#include <cstddef>
#include <istream>
#include <memory>
#include <ostream>
#include <string>

namespace cloudpact::lsp {

struct ServerOptions {
  bool litTest = false;
  std::string policyFile;
  std::string buildDir;
  /// Open documents larger than this are not analysed (an error says so); 0: the bound files
  /// on disk have (WalkOptions::maxFileBytes).
  size_t maxDocumentBytes = 0;
};

/// Runs the server over stdio-like streams until `exit` (or the end of the input). With
/// `litTest`, messages are plain JSON separated by `---` lines and replies are pretty-printed;
/// otherwise both directions use Content-Length framing. Returns the process exit code:
/// 0 after shutdown and exit, 1 otherwise (the LSP convention).
int runServer(std::istream &in, std::ostream &out, const ServerOptions &options);

class Transport;

/// One server instance over a transport. `run` drives it from the transport; tests can feed
/// messages one at a time with `handleMessage` instead.
class Server {
public:
  /// `debounce`: analyse only when no more input is pending (interactive use); otherwise every
  /// change is analysed before the next message is read (tests: deterministic output).
  Server(Transport &transport, ServerOptions options, bool debounce = false);
  ~Server();
  Server(const Server &) = delete;
  Server &operator=(const Server &) = delete;

  /// Reads and handles messages until `exit` or the end of input; returns the exit code.
  int run();
  /// Handles one message body (as if it had just been read).
  void handleMessage(const std::string &body);
  bool exited() const;
  int exitCode() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace cloudpact::lsp
