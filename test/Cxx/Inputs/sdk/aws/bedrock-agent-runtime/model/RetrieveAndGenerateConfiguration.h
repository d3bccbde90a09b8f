// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/bedrock-agent-runtime/model/KnowledgeBaseRetrieveAndGenerateConfiguration.h>

namespace Aws {
namespace BedrockAgentRuntime {
namespace Model {
enum class RetrieveAndGenerateType { NOT_SET, KNOWLEDGE_BASE, EXTERNAL_SOURCES };
class RetrieveAndGenerateConfiguration {
public:
  RetrieveAndGenerateConfiguration();
  void SetType(RetrieveAndGenerateType value);
  template <typename KnowledgeBaseConfigurationT = KnowledgeBaseRetrieveAndGenerateConfiguration>
  void SetKnowledgeBaseConfiguration(KnowledgeBaseConfigurationT &&value);
  template <typename KnowledgeBaseConfigurationT = KnowledgeBaseRetrieveAndGenerateConfiguration>
  RetrieveAndGenerateConfiguration &WithKnowledgeBaseConfiguration(KnowledgeBaseConfigurationT &&value);
};
} // namespace Model
} // namespace BedrockAgentRuntime
} // namespace Aws
