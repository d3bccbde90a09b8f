// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact routes -p . flow-branches.cpp | FileCheck --check-prefix=ROUTES %s
// Branches join their values (each path is a route), a switch joins its cases, a loop that
// appends terminates, and a local reassigned after a call does not change what the call saw.
#include <httplib.h>
#include <string>

int main(int argc, char **argv) {
  std::string host;
  switch (argc) {
  case 1:
    host = "https://api.openai.com";
    break;
  case 2:
    host = "https://contoso.openai.azure.com";
    break;
  default:
    host = "https://bedrock-runtime.us-east-1.amazonaws.com";
  }
  std::string path = "/openai/v1";
  for (int i = 1; i < argc; ++i)
    path += std::string("/") + argv[i];
  std::string model = argc > 3 ? "gpt-4o" : "openai.gpt-oss-120b-1:0";
  httplib::Client client(host);
  client.Post(path, "{\"model\": \"" + model + "\"}", "application/json");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: call to openai model 'gpt-4o' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]
  // ROUTES-DAG: openai gpt-4o aws us-east-1 bedrock-runtime.us-east-1.amazonaws.com cpp-httplib Client::Post call violation (openai: azure, openai) flow-branches.cpp:[[@LINE-2]]:10
  // ROUTES-DAG: openai gpt-4o azure - contoso.openai.azure.com cpp-httplib Client::Post call allowed flow-branches.cpp:[[@LINE-3]]:10
  // ROUTES-DAG: openai gpt-4o openai - api.openai.com cpp-httplib Client::Post call allowed flow-branches.cpp:[[@LINE-4]]:10
  // ROUTES-NOT: never.example.com
  // ROUTES: 3 routes (1 violating, 0 unresolved)
  host = "https://never.example.com";
  return 0;
}
