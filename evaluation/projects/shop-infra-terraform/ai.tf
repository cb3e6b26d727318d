resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-contoso-shop-${var.env}"
  location              = "swedencentral"
  resource_group_name   = azurerm_resource_group.shop.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-contoso-shop-${var.env}"
  local_auth_enabled    = false
}

resource "azurerm_search_service" "shop" {
  name                         = "srch-contoso-shop-${var.env}"
  resource_group_name          = azurerm_resource_group.shop.name
  location                     = azurerm_resource_group.shop.location
  sku                          = "basic"
  local_authentication_enabled = true
  authentication_failure_mode  = "http403"
}
