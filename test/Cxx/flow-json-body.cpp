// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact routes -p . flow-json-body.cpp | FileCheck --check-prefix=ROUTES %s
// The "model" of a JSON request body: a raw string literal, a body concatenated around a
// variable, and nlohmann::json built from an initializer list or by subscript.
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>
#include <string>

using nlohmann::json;

static const cpr::Url kAzure{"https://contoso.openai.azure.com/openai/v1/chat/completions"};
static const cpr::Url kBedrock{"https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions"};

int main() {
  cpr::Post(kAzure, cpr::Body{R"({
    "model": "gpt-4o",
    "messages": [{"role": "user", "content": "hello"}]
  })"});
  // ROUTES-DAG: openai gpt-4o azure - contoso.openai.azure.com cpr::Post call allowed flow-json-body.cpp:[[@LINE-4]]:3

  std::string family = "gpt-oss-20b";
  std::string body = "{\"messages\": [], \"model\": \"openai." + family + "-1:0\", \"stream\": false}";
  cpr::Post(kBedrock, cpr::Body{body});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: call to openai model 'openai.gpt-oss-20b-1:0' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]

  json request = {{"model", "openai.gpt-oss-120b-1:0"}, {"max_tokens", 64}};
  cpr::Post(kBedrock, cpr::Body{request.dump()});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]

  json chat;
  chat["messages"] = json::array();
  chat["model"] = "gpt-4.1-mini";
  cpr::Post(kAzure, cpr::Body{chat.dump()});
  // ROUTES-DAG: openai gpt-4.1-mini azure - contoso.openai.azure.com cpr::Post call allowed flow-json-body.cpp:[[@LINE-1]]:3
}
