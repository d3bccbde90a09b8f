// Stub of google-cloud-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <string>

namespace google {
namespace cloud {
inline namespace v2_29 {
class Options {
public:
  Options();
  template <typename T> Options &set(typename T::Type value);
};
struct EndpointOption {
  using Type = std::string;
};
} // namespace v2_29
} // namespace cloud
} // namespace google
