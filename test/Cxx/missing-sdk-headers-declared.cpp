// RUN: cd %S && not %cloudpact check --color never missing-sdk-headers-declared.cpp 2>&1 | FileCheck %s
// RUN: cd %S && %cloudpact facts missing-sdk-headers-declared.cpp 2>&1 | FileCheck --check-prefix=FACTS %s
// Without the SDK's headers, a client and a request declared with its types are variables
// Clang keeps (their types invalid) but drops from the expressions that use them. The call
// is one access, at the method's name, and its model follows the request variable.
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>

void chat(Aws::BedrockRuntime::BedrockRuntimeClient &client) {
  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId("openai.gpt-oss-120b-1:0");
  client.Converse(request);
}

// CHECK:      missing-sdk-headers-declared.cpp:11:10: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws; the openai contract allows only azure, openai [exclusivity-call]
// CHECK-NEXT:   client.Converse(request);
// CHECK-NEXT:          ^~~~~~~~~~~~~~~~~
// CHECK-NEXT: missing-sdk-headers-declared.cpp:10:22: note: passed to SetModelId
// CHECK-NOT:  unresolved-route
// CHECK:      1 error, 0 warnings, 2 notes

// FACTS:     access call aws-sdk-cpp BedrockRuntime::Converse model=ref({{.*}}@request.ModelId) endpoint=- region=- provider=- cloud=- @ missing-sdk-headers-declared.cpp:11:10 subject=chat implied=aws confidence=0.5
// FACTS-NOT: access
