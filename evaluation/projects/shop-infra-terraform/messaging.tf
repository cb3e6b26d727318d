resource "azurerm_servicebus_namespace" "shop" {
  name                = "sb-contoso-shop-${var.env}"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  sku                 = "Standard"
  minimum_tls_version = "1.2"
}

resource "azurerm_eventhub_namespace" "telemetry" {
  name                          = "evh-contoso-shop-${var.env}"
  location                      = azurerm_resource_group.shop.location
  resource_group_name           = azurerm_resource_group.shop.name
  sku                           = "Standard"
  capacity                      = 1
  local_authentication_enabled  = false
  public_network_access_enabled = false
}

resource "azurerm_eventgrid_topic" "orders" {
  name                = "egt-contoso-shop-orders-${var.env}"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  input_schema        = "CloudEventSchemaV1_0"
  local_auth_enabled  = true
}
