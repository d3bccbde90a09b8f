// RUN: %check_cloudpact %s %t
// Function results: every return statement is an alternative, including a string built from
// the parameter, and a std::string_view constant.
#include <cpr/cpr.h>
#include <string>
#include <string_view>

constexpr std::string_view kAzureHost = "https://contoso.openai.azure.com";

std::string endpointFor(const std::string &provider) {
  if (provider == "azure")
    return std::string(kAzureHost) + "/openai/v1/chat/completions";
  return "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions";
}

int main(int argc, char **argv) {
  std::string provider = argc > 1 ? argv[1] : "aws";
  cpr::Post(cpr::Url{endpointFor(provider)}, cpr::Body{R"({"model": "gpt-oss-120b"})"});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: call to openai model 'gpt-oss-120b' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]
  // CHECK-MESSAGES: :13:10: note: returned by endpointFor
}
