// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/bedrock-runtime/BedrockRuntimeServiceClientModel.h>
#include <aws/core/auth/AWSCredentials.h>

namespace Aws {
namespace BedrockRuntime {
class BedrockRuntimeClient {
public:
  BedrockRuntimeClient(const Aws::BedrockRuntime::BedrockRuntimeClientConfiguration &clientConfiguration =
                           Aws::BedrockRuntime::BedrockRuntimeClientConfiguration(),
                       std::shared_ptr<BedrockRuntimeEndpointProviderBase> endpointProvider = nullptr);
  BedrockRuntimeClient(const Aws::Auth::AWSCredentials &credentials,
                       std::shared_ptr<BedrockRuntimeEndpointProviderBase> endpointProvider = nullptr,
                       const Aws::BedrockRuntime::BedrockRuntimeClientConfiguration &clientConfiguration =
                           Aws::BedrockRuntime::BedrockRuntimeClientConfiguration());
  /* Legacy constructor */
  BedrockRuntimeClient(const Aws::Client::ClientConfiguration &clientConfiguration);
  virtual ~BedrockRuntimeClient();

  Model::ConverseOutcome Converse(const Model::ConverseRequest &request) const;
  template <typename ConverseRequestT = Model::ConverseRequest>
  Model::ConverseOutcomeCallable ConverseCallable(const ConverseRequestT &request) const;
  template <typename ConverseRequestT = Model::ConverseRequest>
  void ConverseAsync(const ConverseRequestT &request, const ConverseResponseReceivedHandler &handler,
                     const std::shared_ptr<const Aws::Client::AsyncCallerContext> &context = nullptr) const;

  Model::ConverseStreamOutcome ConverseStream(Model::ConverseStreamRequest &request) const;

  Model::InvokeModelOutcome InvokeModel(const Model::InvokeModelRequest &request) const;
  template <typename InvokeModelRequestT = Model::InvokeModelRequest>
  Model::InvokeModelOutcomeCallable InvokeModelCallable(const InvokeModelRequestT &request) const;
  template <typename InvokeModelRequestT = Model::InvokeModelRequest>
  void InvokeModelAsync(const InvokeModelRequestT &request, const InvokeModelResponseReceivedHandler &handler,
                        const std::shared_ptr<const Aws::Client::AsyncCallerContext> &context = nullptr) const;

  Model::InvokeModelWithResponseStreamOutcome
  InvokeModelWithResponseStream(Model::InvokeModelWithResponseStreamRequest &request) const;

  void OverrideEndpoint(const Aws::String &endpoint);
};
} // namespace BedrockRuntime
} // namespace Aws
