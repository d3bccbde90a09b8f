// RUN: cd %S && not %cloudpact check --color never missing-sdk-headers.cpp 2>&1 | FileCheck %s
// RUN: cd %S && %cloudpact facts missing-sdk-headers.cpp 2>&1 | FileCheck --check-prefix=FACTS %s
// Without a compile database and without the SDKs' headers, Clang still keeps what it can:
// calls whose names it could not resolve (curl_easy_perform) are matched by name, and sink
// calls it dropped with their statement (an undeclared Aws namespace) are found in the
// tokens. Such accesses have confidence 0.5; the file's errors are one note.
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>
#include <not-installed/curl.h>
#include <string>

int main() {
  std::string url = "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions";
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, R"({"model": "openai.gpt-oss-20b-1:0"})");
  curl_easy_perform(handle);

  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId("openai.gpt-oss-120b-1:0");
  client.Converse(request);
}

// CHECK:      missing-sdk-headers.cpp: note: no compile_commands.json found (use -p BUILD_DIR); parsing 1 C++ file with -std=c++17
// CHECK-NEXT: missing-sdk-headers.cpp:7:10: note: Clang reported {{[0-9]+}} errors in missing-sdk-headers.cpp; analysed what it recovered (first: 'aws/bedrock-runtime/BedrockRuntimeClient.h' file not found)
// CHECK:      missing-sdk-headers.cpp:16:3: error: call to openai model 'openai.gpt-oss-20b-1:0' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]
// CHECK:      missing-sdk-headers.cpp:20:10: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws; the openai contract allows only azure, openai [exclusivity-call]
// CHECK-NEXT:   client.Converse(request);
// CHECK-NEXT:          ^~~~~~~~~~~~~~~~~
// CHECK-NEXT: missing-sdk-headers.cpp:19:22: note: passed to SetModelId

// FACTS: access call libcurl curl_easy_perform model=ref({{.*}}unresolved:handle.CURLOPT_POSTFIELDS)[model] endpoint=ref({{.*}}unresolved:handle.CURLOPT_URL) region=- provider=- cloud=- @ missing-sdk-headers.cpp:16:3 subject=main confidence=0.5
// FACTS: access call aws-sdk-cpp BedrockRuntime::Converse model=ref({{.*}}@request.ModelId) endpoint=- region=- provider=- cloud=- @ missing-sdk-headers.cpp:20:10 subject=main implied=aws confidence=0.5
