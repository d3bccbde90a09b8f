// RUN: %check_cloudpact %s %t
// cpp-httplib: the client holds scheme and host, Post adds the path; the body is the argument
// bound to Post's `body` parameter, whatever the overload.
#include <httplib.h>
#include <string>

int main() {
  httplib::Client azure("https://contoso.openai.azure.com");
  azure.Post("/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01", httplib::Headers{{"api-key", "k"}},
             R"({"messages": []})", "application/json");

  httplib::SSLClient bedrock("bedrock-runtime.eu-west-3.amazonaws.com");
  std::string body = R"({"model": "openai.gpt-oss-20b-1:0", "messages": []})";
  bedrock.Post("/openai/v1/chat/completions", body, "application/json");
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: call to openai model 'openai.gpt-oss-20b-1:0' goes through aws (bedrock-runtime.eu-west-3.amazonaws.com) in eu-west-3; the openai contract allows only azure, openai [exclusivity-call]
}
