// RUN: %check_cloudpact %s %t
// A translation unit with errors is still analysed: Clang's errors are one note at the first
// one, and the model access after them is found.
#include <cpr/cpr.h>

int broken() {
  return 1 +;
}
// CHECK-NOTES: :[[@LINE-2]]:13: note: Clang reported 2 errors in parse-errors.cpp; analysed what it recovered (first: expected expression)

struct Incomplete;
Incomplete value;

int main() {
  cpr::Post(cpr::Url{"https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions"},
            cpr::Body{R"({"model": "openai.gpt-oss-120b-1:0"})"});
  // CHECK-NOTES: :[[@LINE-2]]:3: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]
}
