// Stub of Boost.Beast's HTTP messages (declarations only, for cloudpact's tests): the class
// structure of boost/beast/http/{message,fields,verb,field,write}.hpp.
#pragma once
#include <string>
#include <string_view>

namespace boost::beast::http {

enum class verb { get, post, put };
enum class field { accept, authorization, content_type, host, user_agent };

template <class Allocator = std::allocator<char>> class basic_fields {
public:
  void set(field name, std::string_view value);
  void set(std::string_view name, std::string_view value);
};
using fields = basic_fields<>;

template <class CharT> struct basic_string_body {
  using value_type = std::basic_string<CharT>;
};
using string_body = basic_string_body<char>;

template <bool isRequest, class Fields = fields> class header;
template <class Fields> class header<true, Fields> : public Fields {
public:
  header() = default;
  void method(verb v);
  std::string_view target() const;
  void target(std::string_view s);
};

template <bool isRequest, class Body, class Fields = fields> class message : public header<isRequest, Fields> {
public:
  message() = default;
  message(verb method, std::string_view target, unsigned version);
  typename Body::value_type &body();
  void prepare_payload();
};
template <class Body, class Fields = fields> using request = message<true, Body, Fields>;

template <class SyncWriteStream, bool isRequest, class Body, class Fields>
std::size_t write(SyncWriteStream &stream, const message<isRequest, Body, Fields> &msg);
template <class AsyncWriteStream, bool isRequest, class Body, class Fields, class Handler>
void async_write(AsyncWriteStream &stream, const message<isRequest, Body, Fields> &msg, Handler &&handler);

} // namespace boost::beast::http
