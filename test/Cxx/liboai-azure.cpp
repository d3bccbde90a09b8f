// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact routes -p . liboai-azure.cpp | FileCheck --check-prefix=ROUTES %s
// A compliant program: OpenAI models through Azure OpenAI with liboai's Azure component.
// No CHECK-MESSAGES lines: cloudpact check must print nothing.
#include "liboai.h"
#include <string>

static const std::string kResource = "contoso-eastus";

std::string deployment() { return "gpt-4o"; }

int main() {
  liboai::OpenAI oai;
  liboai::Conversation convo;
  convo.AddUserData("Summarise the release notes.");
  oai.auth.SetAzureKeyEnv("AZURE_API_KEY");
  oai.Azure->create_chat_completion(kResource, deployment(), "2024-06-01", convo);
  // ROUTES: openai gpt-4o azure - contoso-eastus.openai.azure.com liboai Azure::create_chat_completion call allowed liboai-azure.cpp:[[@LINE-1]]:14
  oai.Azure->create_embedding(kResource, "text-embedding-3-small", "2024-06-01", "hello");
  // ROUTES: openai text-embedding-3-small azure - contoso-eastus.openai.azure.com liboai Azure::create_embedding call allowed liboai-azure.cpp:[[@LINE-1]]:14
}
