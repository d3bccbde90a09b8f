// RUN: %check_cloudpact %s %t
// ConverseStream takes a non-const request; the region comes from the Bedrock-specific
// configuration type (a GenericClientConfiguration).
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseStreamRequest.h>

int main() {
  Aws::BedrockRuntime::BedrockRuntimeClientConfiguration config;
  config.region = "us-east-1";
  Aws::BedrockRuntime::BedrockRuntimeClient client(config);
  Aws::BedrockRuntime::Model::ConverseStreamRequest request;
  request.SetModelId("us.openai.gpt-oss-120b-1:0");
  client.ConverseStream(request);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: call to openai model 'us.openai.gpt-oss-120b-1:0' goes through aws in us-east-1; the openai contract allows only azure, openai [exclusivity-call]
}
