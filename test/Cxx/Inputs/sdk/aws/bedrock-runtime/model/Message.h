// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace BedrockRuntime {
namespace Model {
enum class ConversationRole { NOT_SET, user, assistant };
class ContentBlock {
public:
  ContentBlock();
  template <typename TextT = Aws::String> ContentBlock &WithText(TextT &&value);
};
class Message {
public:
  Message();
  Message &WithRole(ConversationRole value);
  template <typename ContentT = ContentBlock> Message &AddContent(ContentT &&value);
};
} // namespace Model
} // namespace BedrockRuntime
} // namespace Aws
