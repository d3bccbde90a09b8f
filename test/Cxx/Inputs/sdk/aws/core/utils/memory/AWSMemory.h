// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <memory>

namespace Aws {
template <typename T, typename... ArgTypes> std::shared_ptr<T> MakeShared(const char *allocationTag, ArgTypes &&...args);
template <typename T, typename... ArgTypes> std::unique_ptr<T> MakeUnique(const char *allocationTag, ArgTypes &&...args);
} // namespace Aws
