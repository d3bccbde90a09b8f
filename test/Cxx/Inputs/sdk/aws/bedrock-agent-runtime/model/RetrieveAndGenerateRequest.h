// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/bedrock-agent-runtime/model/RetrieveAndGenerateConfiguration.h>

namespace Aws {
namespace BedrockAgentRuntime {
namespace Model {
class RetrieveAndGenerateRequest {
public:
  RetrieveAndGenerateRequest();
  template <typename RetrieveAndGenerateConfigurationT = RetrieveAndGenerateConfiguration>
  void SetRetrieveAndGenerateConfiguration(RetrieveAndGenerateConfigurationT &&value);
  template <typename RetrieveAndGenerateConfigurationT = RetrieveAndGenerateConfiguration>
  RetrieveAndGenerateRequest &WithRetrieveAndGenerateConfiguration(RetrieveAndGenerateConfigurationT &&value);
};
} // namespace Model
} // namespace BedrockAgentRuntime
} // namespace Aws
