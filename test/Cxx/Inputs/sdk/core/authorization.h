// Stub of liboai (declarations only, for cloudpact's tests).
#pragma once
#include <string_view>

namespace liboai {
class Authorization final {
public:
  static Authorization &Authorizer() noexcept;
  bool SetKey(std::string_view key) noexcept;
  bool SetKeyEnv(std::string_view var) noexcept;
  bool SetAzureKey(std::string_view key) noexcept;
  bool SetAzureKeyEnv(std::string_view var) noexcept;
};
} // namespace liboai
