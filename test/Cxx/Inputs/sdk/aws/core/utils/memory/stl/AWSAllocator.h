// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <memory>

namespace Aws {
template <typename T> class Allocator : public std::allocator<T> {
public:
  using Base = std::allocator<T>;
  Allocator() noexcept = default;
  Allocator(const Allocator &) noexcept = default;
  template <typename U> Allocator(const Allocator<U> &) noexcept {}
  template <typename U> struct rebind { using other = Allocator<U>; };
};
} // namespace Aws
