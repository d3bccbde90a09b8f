// Stub of liboai (declarations only, for cloudpact's tests).
#pragma once
#include <future>
#include <string>

namespace liboai {
class Response {
public:
  std::string content;
  long status_code;
};
using FutureResponse = std::future<Response>;
} // namespace liboai
