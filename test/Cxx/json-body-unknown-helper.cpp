// RUN: %check_cloudpact %s %t
// A request body built partly by a helper the scan does not define (an escaping function from
// another library) keeps its known parts: the "model" key beside the escaped prompt is found.
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>
#include <string>

std::string escapeJson(const std::string &text);
std::string userPrompt();

static const cpr::Url kBedrock{"https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions"};

int main() {
  std::string body = "{\"model\": \"openai.gpt-oss-20b-1:0\", \"messages\": [{\"role\": \"user\", \"content\": \"" +
                     escapeJson(userPrompt()) + "\"}]}";
  cpr::Post(kBedrock, cpr::Body{body});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: call to openai model 'openai.gpt-oss-20b-1:0' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]

  nlohmann::json request = {{"model", "openai.gpt-oss-120b-1:0"}, {"prompt", escapeJson(userPrompt())}};
  cpr::Post(kBedrock, cpr::Body{request.dump()});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]
}
