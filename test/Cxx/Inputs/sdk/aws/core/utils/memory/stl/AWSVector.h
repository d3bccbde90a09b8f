// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/utils/memory/stl/AWSAllocator.h>
#include <vector>

namespace Aws {
template <typename T> using Vector = std::vector<T, Aws::Allocator<T>>;
} // namespace Aws
