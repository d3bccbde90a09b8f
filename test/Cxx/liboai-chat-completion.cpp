// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact routes -p . liboai-chat-completion.cpp | FileCheck --check-prefix=ROUTES %s
// liboai: the OpenAI object's root URL (by default OpenAI's API) is the base of its
// ChatCompletion, Completion and Embedding components.
#include "liboai.h"

int main() {
  liboai::OpenAI openai;
  liboai::Conversation convo;
  convo.AddUserData("What is the capital of France?");
  openai.ChatCompletion->create("gpt-4o-mini", convo);
  // ROUTES-DAG: openai gpt-4o-mini openai - api.openai.com liboai ChatCompletion::create call allowed liboai-chat-completion.cpp:[[@LINE-1]]:26

  liboai::OpenAI bedrock("https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1");
  bedrock.ChatCompletion->create("openai.gpt-oss-120b-1:0", convo);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws (bedrock-runtime.us-west-2.amazonaws.com) in us-west-2; the openai contract allows only azure, openai [exclusivity-call]
  bedrock.Embedding->create("amazon.titan-embed-text-v2:0", "hello");
  // ROUTES-DAG: amazon amazon.titan-embed-text-v2:0 aws us-west-2 bedrock-runtime.us-west-2.amazonaws.com liboai Embeddings::create call allowed liboai-chat-completion.cpp:[[@LINE-1]]:22
}
