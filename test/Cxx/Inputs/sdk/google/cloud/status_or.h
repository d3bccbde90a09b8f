// Stub of google-cloud-cpp (declarations only, for cloudpact's tests).
#pragma once

namespace google {
namespace cloud {
inline namespace v2_29 {
template <typename T> class StatusOr {
public:
  bool ok() const;
  T &value();
  T &operator*();
  T *operator->();
};
} // namespace v2_29
} // namespace cloud
} // namespace google
