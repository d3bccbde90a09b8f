// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact routes -p . bedrock-converse-async.cpp | FileCheck --check-prefix=ROUTES %s
// The asynchronous and callable forms, a request built by a WithModelId chain, a client made by
// Aws::MakeShared and used through the shared pointer.
#include <aws/core/Aws.h>
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>

using namespace Aws::BedrockRuntime;

int main() {
  BedrockRuntimeClientConfiguration config;
  config.region = "eu-central-1";
  auto client = Aws::MakeShared<BedrockRuntimeClient>("chat", config);
  client->ConverseAsync(Model::ConverseRequest().WithModelId("eu.openai.gpt-oss-20b-1:0"),
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: call to openai model 'eu.openai.gpt-oss-20b-1:0' goes through aws in eu-central-1; the openai contract allows only azure, openai [exclusivity-call]
                        [](auto &&...) {});
  Model::ConverseRequest request;
  request.WithModelId("anthropic.claude-3-5-sonnet-20240620-v1:0").AddMessages(Model::Message());
  auto future = client->ConverseCallable(request);
  // ROUTES-DAG: anthropic anthropic.claude-3-5-sonnet-20240620-v1:0 aws eu-central-1 - aws-sdk-cpp BedrockRuntime::ConverseCallable call allowed bedrock-converse-async.cpp:[[@LINE-1]]:25
  future.wait();
}
