// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>
#include <aws/core/utils/memory/stl/AWSVector.h>
#include <aws/bedrock-runtime/model/Message.h>

namespace Aws {
namespace BedrockRuntime {
namespace Model {
class ConverseRequest {
public:
  ConverseRequest();
  virtual const char *GetServiceRequestName() const;

  const Aws::String &GetModelId() const;
  template <typename ModelIdT = Aws::String> void SetModelId(ModelIdT &&value);
  template <typename ModelIdT = Aws::String> ConverseRequest &WithModelId(ModelIdT &&value);

  template <typename MessagesT = Aws::Vector<Message>> void SetMessages(MessagesT &&value);
  template <typename MessagesT = Aws::Vector<Message>> ConverseRequest &WithMessages(MessagesT &&value);
  template <typename MessagesT = Message> ConverseRequest &AddMessages(MessagesT &&value);

  void SetContentType(const Aws::String &value);
  void SetAccept(const Aws::String &value);
};
} // namespace Model
} // namespace BedrockRuntime
} // namespace Aws
