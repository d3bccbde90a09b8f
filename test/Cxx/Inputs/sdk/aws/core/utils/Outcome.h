// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once

namespace Aws {
namespace Utils {
template <typename R, typename E> class Outcome {
public:
  bool IsSuccess() const;
  const R &GetResult() const;
  const E &GetError() const;
};
} // namespace Utils
} // namespace Aws
