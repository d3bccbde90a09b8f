// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace SageMakerRuntime {
namespace Model {
class InvokeEndpointRequest {
public:
  InvokeEndpointRequest();
  const Aws::String &GetEndpointName() const;
  template <typename EndpointNameT = Aws::String> void SetEndpointName(EndpointNameT &&value);
  template <typename EndpointNameT = Aws::String> InvokeEndpointRequest &WithEndpointName(EndpointNameT &&value);
  template <typename TargetModelT = Aws::String> void SetTargetModel(TargetModelT &&value);
  void SetContentType(const Aws::String &value);
};
} // namespace Model
} // namespace SageMakerRuntime
} // namespace Aws
