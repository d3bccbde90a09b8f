# azapi deployments of OpenAI models (body.properties.model, also inside jsonencode) are on
# Azure: allowed. The account resource (another azapi type) is not a model access.
# RUN: %cloudpact check %s | FileCheck --allow-empty --implicit-check-not={{.}} %s
# RUN: %cloudpact facts %s | FileCheck --check-prefix=FACTS %s --implicit-check-not=access

resource "azapi_resource" "account" {
  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"
  name      = "contoso-openai"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    kind       = "OpenAI"
    properties = { customSubDomainName = "contoso-openai" }
  }
}
resource "azapi_resource" "gpt" {
  type      = "Microsoft.CognitiveServices/accounts/deployments@2024-10-01"
  name      = "gpt-4o"
  parent_id = azapi_resource.account.id
  body = jsonencode({
    sku = { name = "GlobalStandard", capacity = 10 }
    properties = {
      model = { format = "OpenAI", name = "gpt-4o", version = "2024-08-06" }
    }
  })
}
# FACTS: access hosting azapi_resource model="gpt-4o" endpoint=- region=- provider="OpenAI" cloud=- @ {{.*}}azapi-deployment.tf:22:43 subject=azapi_resource.gpt implied=azure
