// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace BedrockAgentRuntime {
namespace Model {
class InvokeInlineAgentRequest {
public:
  InvokeInlineAgentRequest();
  const Aws::String &GetFoundationModel() const;
  template <typename FoundationModelT = Aws::String> void SetFoundationModel(FoundationModelT &&value);
  template <typename FoundationModelT = Aws::String> InvokeInlineAgentRequest &WithFoundationModel(FoundationModelT &&value);
  template <typename InstructionT = Aws::String> void SetInstruction(InstructionT &&value);
  template <typename SessionIdT = Aws::String> void SetSessionId(SessionIdT &&value);
  template <typename InputTextT = Aws::String> void SetInputText(InputTextT &&value);
};
} // namespace Model
} // namespace BedrockAgentRuntime
} // namespace Aws
