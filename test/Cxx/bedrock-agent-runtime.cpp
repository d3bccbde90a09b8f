// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact facts -p . bedrock-agent-runtime.cpp | FileCheck --check-prefix=FACTS %s
// Bedrock Agent Runtime: an inline agent's foundation model, and the model ARN of a
// knowledge-base RetrieveAndGenerate configuration nested in the request.
#include <aws/bedrock-agent-runtime/BedrockAgentRuntimeClient.h>

namespace agents = Aws::BedrockAgentRuntime;

int main() {
  Aws::Client::ClientConfiguration config;
  config.region = "us-east-1";
  agents::BedrockAgentRuntimeClient client(config);

  agents::Model::InvokeInlineAgentRequest inline_agent;
  inline_agent.SetFoundationModel("openai.gpt-oss-120b-1:0");
  inline_agent.SetInstruction("You are a helpful assistant.");
  client.InvokeInlineAgent(inline_agent);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws in us-east-1; the openai contract allows only azure, openai [exclusivity-call]

  agents::Model::KnowledgeBaseRetrieveAndGenerateConfiguration knowledge_base;
  knowledge_base.SetKnowledgeBaseId("KB12345678");
  knowledge_base.SetModelArn("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0");
  // FACTS: assign {{.*}}@knowledge_base.ModelArn = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0" @ bedrock-agent-runtime.cpp:[[@LINE-1]]:18 "passed to SetModelArn"
  agents::Model::RetrieveAndGenerateConfiguration configuration;
  configuration.SetType(agents::Model::RetrieveAndGenerateType::KNOWLEDGE_BASE);
  configuration.SetKnowledgeBaseConfiguration(knowledge_base);
  // FACTS: assign {{.*}}@configuration.ModelArn = ref({{.*}}@knowledge_base.ModelArn) @ bedrock-agent-runtime.cpp:[[@LINE-1]]:17 "passed to SetKnowledgeBaseConfiguration"
  agents::Model::RetrieveAndGenerateRequest request;
  request.SetRetrieveAndGenerateConfiguration(configuration);
  // FACTS: assign {{.*}}@request.ModelArn = ref({{.*}}@configuration.ModelArn) @ bedrock-agent-runtime.cpp:[[@LINE-1]]:11 "passed to SetRetrieveAndGenerateConfiguration"
  client.RetrieveAndGenerate(request);
  // FACTS: access call aws-sdk-cpp BedrockAgentRuntime::RetrieveAndGenerate model=ref({{.*}}@request.ModelArn) endpoint=- region=ref({{.*}}@client.region) {{.*}} @ bedrock-agent-runtime.cpp:[[@LINE-1]]:10 subject=main implied=aws
}
