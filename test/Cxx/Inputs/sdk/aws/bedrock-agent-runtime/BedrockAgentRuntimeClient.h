// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/bedrock-agent-runtime/model/InvokeInlineAgentRequest.h>
#include <aws/bedrock-agent-runtime/model/RetrieveAndGenerateRequest.h>
#include <aws/core/client/ClientConfiguration.h>
#include <aws/core/client/GenericClientConfiguration.h>
#include <aws/core/utils/Outcome.h>
#include <memory>

namespace Aws {
namespace BedrockAgentRuntime {
using BedrockAgentRuntimeClientConfiguration = Aws::Client::GenericClientConfiguration;
class BedrockAgentRuntimeError {};
class BedrockAgentRuntimeEndpointProviderBase {};
namespace Model {
class InvokeInlineAgentResult {};
class RetrieveAndGenerateResult {};
using InvokeInlineAgentOutcome = Aws::Utils::Outcome<InvokeInlineAgentResult, BedrockAgentRuntimeError>;
using RetrieveAndGenerateOutcome = Aws::Utils::Outcome<RetrieveAndGenerateResult, BedrockAgentRuntimeError>;
} // namespace Model

class BedrockAgentRuntimeClient {
public:
  BedrockAgentRuntimeClient(const Aws::BedrockAgentRuntime::BedrockAgentRuntimeClientConfiguration &clientConfiguration =
                                Aws::BedrockAgentRuntime::BedrockAgentRuntimeClientConfiguration(),
                            std::shared_ptr<BedrockAgentRuntimeEndpointProviderBase> endpointProvider = nullptr);
  /* Legacy constructor */
  BedrockAgentRuntimeClient(const Aws::Client::ClientConfiguration &clientConfiguration);
  virtual ~BedrockAgentRuntimeClient();

  Model::InvokeInlineAgentOutcome InvokeInlineAgent(Model::InvokeInlineAgentRequest &request) const;
  Model::RetrieveAndGenerateOutcome RetrieveAndGenerate(const Model::RetrieveAndGenerateRequest &request) const;
  void OverrideEndpoint(const Aws::String &endpoint);
};
} // namespace BedrockAgentRuntime
} // namespace Aws
