// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace BedrockAgentRuntime {
namespace Model {
class KnowledgeBaseRetrieveAndGenerateConfiguration {
public:
  KnowledgeBaseRetrieveAndGenerateConfiguration();
  template <typename KnowledgeBaseIdT = Aws::String> void SetKnowledgeBaseId(KnowledgeBaseIdT &&value);
  template <typename ModelArnT = Aws::String> void SetModelArn(ModelArnT &&value);
  template <typename ModelArnT = Aws::String> KnowledgeBaseRetrieveAndGenerateConfiguration &WithModelArn(ModelArnT &&value);
};
} // namespace Model
} // namespace BedrockAgentRuntime
} // namespace Aws
