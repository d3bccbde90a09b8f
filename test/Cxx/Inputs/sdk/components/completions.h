// Stub of liboai (declarations only, for cloudpact's tests).
#pragma once
#include "../core/response.h"
#include <optional>
#include <string>

namespace liboai {
class Completions final {
public:
  Completions(const std::string &root = "https://api.openai.com/v1");
  Response create(const std::string &model_id, std::optional<std::string> prompt = std::nullopt,
                  std::optional<uint16_t> max_tokens = std::nullopt) const &noexcept(false);
};
} // namespace liboai
