// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact routes -p . ai-sdk-cpp.cpp | FileCheck --check-prefix=ROUTES %s
// ClickHouse/ai-sdk-cpp: the client's base URL comes from the provider's factory (its default, or
// the base_url argument), the model from the options (a data member, the SDK's model-name
// constants, or the constructor). The calls to OpenAI's and Anthropic's own APIs are allowed.
// ROUTES: anthropic  claude-sonnet-4-5        anthropic  -          api.anthropic.com {{.*}} allowed{{.*}}ai-sdk-cpp.cpp:30:10
// ROUTES: openai     openai.gpt-oss-120b-1:0  aws {{.*}} violation
// ROUTES: openai     gpt-4.1                  openai     -          api.openai.com {{.*}} allowed{{.*}}ai-sdk-cpp.cpp:20:10
// ROUTES: 3 routes (1 violating, 0 unresolved)
#include <ai/anthropic.h>
#include <ai/openai.h>
#include <string>

int main() {
  // OpenAI's own API: allowed.
  auto openai = ai::openai::create_client();
  ai::GenerateOptions options;
  options.model = ai::openai::models::kGpt41;
  options.prompt = "What is the capital of France?";
  openai.generate_text(options);

  // An OpenAI-compatible endpoint on Bedrock.
  auto bedrock = ai::openai::create_client("key", "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1");
  bedrock.generate_text(ai::GenerateOptions("openai.gpt-oss-120b-1:0", "Summarise the ticket."));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]

  // Anthropic's own API, streamed.
  auto claude = ai::anthropic::create_client();
  ai::StreamOptions stream(ai::GenerateOptions("claude-sonnet-4-5", "Hello"));
  claude.stream_text(stream);
}
