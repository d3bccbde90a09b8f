// RUN: %check_cloudpact %s %t
// Out-parameters: what a function holds in a non-const std::string& when it returns reaches
// the caller's argument after the call (assigned, or built with modelled appends; intermediate
// values do not leak out); a const reference is only an input.
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>
#include <cpr/cpr.h>
#include <string>

void pickModel(const std::string &tier, std::string &model) {
  if (tier == "large")
    model = "openai.gpt-oss-120b-1:0";
  else
    model = "amazon.nova-lite-v1:0";
}

bool endpointFrom(std::string &out) {
  out.append("https://bedrock-runtime.");
  out += "us-west-2.amazonaws.com";
  return true;
}

void describe(const std::string &model) { (void)model; }

int main() {
  Aws::BedrockRuntime::BedrockRuntimeClient client;
  std::string model;
  pickModel("large", model);
  describe(model);
  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId(model);
  client.Converse(request);
  // CHECK-NOTES: :[[@LINE-1]]:10: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws; the openai contract allows only azure, openai [exclusivity-call]
  // CHECK-NOTES: :12:13: note: assigned to model
  // CHECK-NOTES: :15:1: note: out-parameter model on return
  // CHECK-NOTES: :28:3: note: set by pickModel through parameter model
  // CHECK-NOTES: :31:11: note: passed to SetModelId

  std::string url;
  if (endpointFrom(url))
    cpr::Post(cpr::Url{url + "/openai/v1/chat/completions"}, cpr::Body{R"({"model": "gpt-oss-120b"})"});
  // CHECK-NOTES: :[[@LINE-1]]:5: error: call to openai model 'gpt-oss-120b' goes through aws (bedrock-runtime.us-west-2.amazonaws.com) in us-west-2; the openai contract allows only azure, openai [exclusivity-call]
  // CHECK-NOTES: :39:15: note: value of url
  // CHECK-NOTES: :40:7: note: passed to parameter out of endpointFrom
  // CHECK-NOTES: :18:14: note: appended to out
  // CHECK-NOTES: :19:10: note: appended to out
  // CHECK-NOTES: :20:3: note: out-parameter out on return
  // CHECK-NOTES: :40:7: note: set by endpointFrom through parameter out
}
