resource "azurerm_resource_group" "ai" {
  name     = "shop-ai"
  location = "westeurope"
}

resource "azurerm_cognitive_account" "openai" {
  name                  = "shop-openai"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "shop-openai"
}

resource "azurerm_cognitive_deployment" "chat" {
  name                 = "chat"
  cognitive_account_id = azurerm_cognitive_account.openai.id

  model {
    format  = "OpenAI"
    name    = var.chat_model.name
    version = var.chat_model.version
  }

  sku {
    name = "Standard"
  }
}
