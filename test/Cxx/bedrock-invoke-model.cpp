// RUN: %check_cloudpact %s %t
// InvokeModel and InvokeModelWithResponseStream; an Anthropic model on Bedrock breaks no
// contract of the default policy, an OpenAI one does.
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/InvokeModelRequest.h>
#include <aws/bedrock-runtime/model/InvokeModelWithResponseStreamRequest.h>

int main() {
  Aws::Client::ClientConfiguration config;
  config.region = "us-west-2";
  Aws::BedrockRuntime::BedrockRuntimeClient client(config);

  Aws::BedrockRuntime::Model::InvokeModelRequest invoke;
  invoke.SetModelId("anthropic.claude-3-haiku-20240307-v1:0");
  invoke.SetContentType("application/json");
  client.InvokeModel(invoke);

  Aws::BedrockRuntime::Model::InvokeModelWithResponseStreamRequest stream;
  stream.WithModelId("openai.gpt-oss-20b-1:0");
  client.InvokeModelWithResponseStream(stream);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: call to openai model 'openai.gpt-oss-20b-1:0' goes through aws in us-west-2; the openai contract allows only azure, openai [exclusivity-call]
}
