// Stub of cpp-httplib (declarations only, for cloudpact's tests).
#pragma once
#include <map>
#include <string>

namespace httplib {
namespace detail {
struct ci {
  bool operator()(const std::string &s1, const std::string &s2) const;
};
} // namespace detail
using Headers = std::multimap<std::string, std::string, detail::ci>;

struct Response {
  int status = -1;
  std::string body;
};

class Result {
public:
  explicit operator bool() const;
  const Response &value() const;
  const Response *operator->() const;
};

class ClientImpl {
public:
  explicit ClientImpl(const std::string &host);
  explicit ClientImpl(const std::string &host, int port);
  virtual ~ClientImpl();
  Result Get(const std::string &path);
  Result Post(const std::string &path);
  Result Post(const std::string &path, const std::string &body, const std::string &content_type);
  Result Post(const std::string &path, const Headers &headers, const std::string &body, const std::string &content_type);
  void set_bearer_token_auth(const std::string &token);
  void set_default_headers(Headers headers);
};

class Client {
public:
  explicit Client(const std::string &scheme_host_port);
  explicit Client(const std::string &scheme_host_port, const std::string &client_cert_path,
                  const std::string &client_key_path);
  explicit Client(const std::string &host, int port);
  ~Client();
  Result Get(const std::string &path);
  Result Post(const std::string &path);
  Result Post(const std::string &path, const std::string &body, const std::string &content_type);
  Result Post(const std::string &path, const Headers &headers, const std::string &body, const std::string &content_type);
  void set_bearer_token_auth(const std::string &token);
  void set_default_headers(Headers headers);
};

class SSLClient final : public ClientImpl {
public:
  explicit SSLClient(const std::string &host);
  explicit SSLClient(const std::string &host, int port);
  ~SSLClient() override;
};
} // namespace httplib
