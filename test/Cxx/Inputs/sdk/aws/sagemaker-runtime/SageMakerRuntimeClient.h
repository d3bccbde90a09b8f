// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/client/ClientConfiguration.h>
#include <aws/core/client/GenericClientConfiguration.h>
#include <aws/core/utils/Outcome.h>
#include <aws/sagemaker-runtime/model/InvokeEndpointRequest.h>
#include <memory>

namespace Aws {
namespace SageMakerRuntime {
using SageMakerRuntimeClientConfiguration = Aws::Client::GenericClientConfiguration;
class SageMakerRuntimeError {};
class SageMakerRuntimeEndpointProviderBase {};
namespace Model {
class InvokeEndpointResult {};
using InvokeEndpointOutcome = Aws::Utils::Outcome<InvokeEndpointResult, SageMakerRuntimeError>;
} // namespace Model

class SageMakerRuntimeClient {
public:
  SageMakerRuntimeClient(const Aws::SageMakerRuntime::SageMakerRuntimeClientConfiguration &clientConfiguration =
                             Aws::SageMakerRuntime::SageMakerRuntimeClientConfiguration(),
                         std::shared_ptr<SageMakerRuntimeEndpointProviderBase> endpointProvider = nullptr);
  /* Legacy constructor */
  SageMakerRuntimeClient(const Aws::Client::ClientConfiguration &clientConfiguration);
  virtual ~SageMakerRuntimeClient();

  Model::InvokeEndpointOutcome InvokeEndpoint(const Model::InvokeEndpointRequest &request) const;
  void OverrideEndpoint(const Aws::String &endpoint);
};
} // namespace SageMakerRuntime
} // namespace Aws
