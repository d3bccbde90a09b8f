// RUN: %check_cloudpact %s %t
// liboai: the OpenAI object's root URL (by default OpenAI's API) is the base of its
// ChatCompletion, Completion and Embedding components.
#include "liboai.h"

int main() {
  liboai::OpenAI openai;
  liboai::Conversation convo;
  convo.AddUserData("What is the capital of France?");
  openai.ChatCompletion->create("gpt-4o-mini", convo);

  liboai::OpenAI bedrock("https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1");
  bedrock.ChatCompletion->create("openai.gpt-oss-120b-1:0", convo);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws (bedrock-runtime.us-west-2.amazonaws.com) in us-west-2; the openai contract allows only azure, openai [exclusivity-call]
  bedrock.Embedding->create("amazon.titan-embed-text-v2:0", "hello");
}
