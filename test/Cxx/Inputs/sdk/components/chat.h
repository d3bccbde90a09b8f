// Stub of liboai (declarations only, for cloudpact's tests).
#pragma once
#include "../core/authorization.h"
#include "../core/response.h"
#include <optional>
#include <string>
#include <string_view>

namespace liboai {
class Conversation final {
public:
  Conversation();
  bool SetSystemData(std::string_view data) &noexcept;
  bool AddUserData(std::string_view data) &noexcept;
  bool Update(const Response &response) &noexcept;
  std::string GetLastResponse() const &noexcept;
};

class ChatCompletion final {
public:
  ChatCompletion(const std::string &root = "https://api.openai.com/v1");
  Response create(const std::string &model, Conversation &conversation,
                  std::optional<std::string> function_call = std::nullopt,
                  std::optional<float> temperature = std::nullopt, std::optional<float> top_p = std::nullopt,
                  std::optional<uint16_t> n = std::nullopt) const &noexcept(false);
  FutureResponse create_async(const std::string &model, Conversation &conversation,
                              std::optional<std::string> function_call = std::nullopt,
                              std::optional<float> temperature = std::nullopt) const &noexcept(false);
};
} // namespace liboai
