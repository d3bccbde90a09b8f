// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact facts -p . openai-cpp-default-base.cpp | FileCheck --check-prefix=FACTS %s
// openai::start without a base URL: $OPENAI_API_BASE if a workload sets it, else OpenAI's API.
#include "openai.hpp"

int main() {
  openai::start();
  // FACTS: assign cxx:global:openai-cpp.base_url = choice(concat(env(OPENAI_API_BASE), "/") | "https://api.openai.com/v1/") @ openai-cpp-default-base.cpp:[[@LINE-1]]:3 "passed to start"
  openai::Json request = {{"model", "gpt-4o"}, {"temperature", 0}};
  openai::chat().create(request);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: note: cannot check the route of this model access: the cloud is not known: endpoint …/chat/completions: environment variable OPENAI_API_BASE is not set by any scanned workload [unresolved-route]
  // FACTS: access call openai-cpp chat::create model=ref({{.*}}@request)[model] endpoint=concat(ref(cxx:global:openai-cpp.base_url), "chat/completions") {{.*}} @ openai-cpp-default-base.cpp:[[@LINE-2]]:18
}
