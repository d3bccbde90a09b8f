// Stub of liboai (declarations only, for cloudpact's tests).
#pragma once
#include "chat.h"
#include <optional>
#include <string>

namespace liboai {
class Azure final {
public:
  Azure();
  Response create_chat_completion(const std::string &resource_name, const std::string &deployment_id,
                                  const std::string &api_version, const Conversation &conversation,
                                  std::optional<float> temperature = std::nullopt,
                                  std::optional<uint16_t> n = std::nullopt) const &noexcept(false);
  FutureResponse create_chat_completion_async(const std::string &resource_name, const std::string &deployment_id,
                                              const std::string &api_version, const Conversation &conversation,
                                              std::optional<float> temperature = std::nullopt) const &noexcept(false);
  Response create_completion(const std::string &resource_name, const std::string &deployment_id,
                             const std::string &api_version, std::optional<std::string> prompt = std::nullopt) const
      &noexcept(false);
  Response create_embedding(const std::string &resource_name, const std::string &deployment_id,
                            const std::string &api_version, const std::string &input) const &noexcept(false);
};
} // namespace liboai
