# An Azure OpenAI deployment of an OpenAI model is what the default contract allows: the
# deployment's model.format names the provider outright.
# RUN: %cloudpact check %s | FileCheck --allow-empty --implicit-check-not={{.}} %s
# RUN: %cloudpact facts %s | FileCheck --check-prefix=FACTS %s

resource "azurerm_cognitive_deployment" "gpt" {
  name                 = "gpt-4o"
  cognitive_account_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/openai"
  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-08-06"
  }
}
# FACTS: access hosting azurerm_cognitive_deployment model="gpt-4o" endpoint=- region=- provider="OpenAI" cloud=- @ {{.*}}azure-deployment-openai.tf:11:15 subject=azurerm_cognitive_deployment.gpt implied=azure
