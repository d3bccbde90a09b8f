// RUN: %check_cloudpact %s %t
// olrea/openai-cpp: openai::start's base URL (here Bedrock's OpenAI-compatible Mantle
// endpoint) and the "model" of the JSON body given to chat().create.
#include "openai.hpp"

int main() {
  openai::start("", "", true, "https://bedrock-mantle.us-east-1.api.aws/openai/v1/");
  auto chat = openai::chat().create(R"(
  // CHECK-MESSAGES: :[[@LINE-1]]:30: error: call to openai model 'openai.gpt-oss-120b' goes through aws (bedrock-mantle.us-east-1.api.aws) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]
    {
      "model": "openai.gpt-oss-120b",
      "messages": [{"role": "user", "content": "Say this is a test"}],
      "max_tokens": 7
    }
  )"_json);
  return chat.dump().empty();
}
