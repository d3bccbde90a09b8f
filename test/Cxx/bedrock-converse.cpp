// RUN: %check_cloudpact %s %t
// Bedrock Converse: the model id set on the request, the region of the client's configuration.
#include <aws/core/Aws.h>
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>

int main() {
  Aws::Client::ClientConfiguration config;
  config.region = "us-west-2";
  Aws::BedrockRuntime::BedrockRuntimeClient client(config);
  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId("openai.gpt-oss-120b-1:0");
  auto outcome = client.Converse(request);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws in us-west-2; the openai contract allows only azure, openai [exclusivity-call]
  return outcome.IsSuccess() ? 0 : 1;
}
