// Stub of cpr (declarations only, for cloudpact's tests).
#pragma once
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

namespace cpr {
template <class T> class StringHolder {
public:
  StringHolder() = default;
  explicit StringHolder(std::string str);
  explicit StringHolder(std::string_view str);
  explicit StringHolder(const char *str);
  StringHolder(const char *str, size_t len);
  const char *c_str() const;
  std::string str() const;

protected:
  std::string str_{};
};

class Url : public StringHolder<Url> {
public:
  Url() = default;
  Url(std::string url);
  Url(std::string_view url);
  Url(const char *url);
  Url(const char *str, size_t len);
};

class Body : public StringHolder<Body> {
public:
  Body() = default;
  Body(std::string body);
  Body(std::string_view body);
  Body(const char *body);
  Body(const char *str, size_t len);
};

struct CaseInsensitiveCompare {
  bool operator()(const std::string &a, const std::string &b) const noexcept;
};
class Header : public std::map<std::string, std::string, CaseInsensitiveCompare> {
public:
  using std::map<std::string, std::string, CaseInsensitiveCompare>::map;
};

class Bearer {
public:
  Bearer(std::string token);
};

class Response {
public:
  long status_code;
  std::string text;
};

class AsyncResponse {
public:
  Response get();
};

class Session {
public:
  Session();
  void SetUrl(const Url &url);
  void SetHeader(const Header &header);
  void SetBody(Body &&body);
  void SetBody(const Body &body);
  void SetOption(const Url &url);
  void SetOption(const Body &body);
  void SetOption(const Header &header);
  Response Post();
  AsyncResponse PostAsync();
};

template <typename... Ts> Response Post(Ts &&...ts);
template <typename... Ts> AsyncResponse PostAsync(Ts... ts);
template <typename... Ts> Response Get(Ts &&...ts);
} // namespace cpr
