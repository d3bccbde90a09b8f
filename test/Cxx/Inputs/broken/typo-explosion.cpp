// Broken code whose typo correction Clang explores for minutes when unbounded (found by fuzzing).
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/InvokeModelRequest.h>
#include <aws/bedrock-runtime/model/InvokeModelWithResponseStreamRequest.h>

int main() {
  Aws::Client::ClientConon config;
  config.region = "us-west-2";
  Aws::BedrockRuntime::BedrockRuntimeClient client(config);

  Aws::B)edrockRuntime::Model::InvokeModelRequest invoke;
  invoke.SetModelId("anthropic.claude-3-haiku-20240307-v1:0");
  invoke.SetContentType("application/json");
  client.InvokeModel(invoke);

  Aws::BedrockRuntime::Model::InvokeModelWithRespo(nseStreamRequest stream;
  stream.WithModelId("openai.gpt-oss-20b-1:0");
  client.InvokeModelWithResponseStream(stream);
}
