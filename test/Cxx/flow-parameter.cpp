// RUN: %check_cloudpact %s %t
// Arguments flow into the callee's parameters at every call site (strings and SDK objects);
// two callers give the access two alternatives.
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>
#include <string>

void converse(const Aws::BedrockRuntime::BedrockRuntimeClient &client, const std::string &model) {
  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId(model);
  client.Converse(request);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: call to openai model 'openai.gpt-oss-20b-1:0' goes through aws in ca-central-1; the openai contract allows only azure, openai [exclusivity-call]
}

int main() {
  Aws::Client::ClientConfiguration config;
  config.region = "ca-central-1";
  Aws::BedrockRuntime::BedrockRuntimeClient client(config);
  converse(client, "amazon.nova-pro-v1:0");
  converse(client, "openai.gpt-oss-20b-1:0");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: note: passed to parameter model of converse
}
