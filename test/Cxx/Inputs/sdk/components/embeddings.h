// Stub of liboai (declarations only, for cloudpact's tests).
#pragma once
#include "../core/response.h"
#include <optional>
#include <string>

namespace liboai {
class Embeddings final {
public:
  Embeddings(const std::string &root = "https://api.openai.com/v1");
  Response create(const std::string &model_id, std::optional<std::string> input = std::nullopt,
                  std::optional<std::string> user = std::nullopt) const &noexcept(false);
};
} // namespace liboai
