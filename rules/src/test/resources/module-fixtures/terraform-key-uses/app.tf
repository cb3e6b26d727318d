# mi-scan:allow-file test fixture
resource "azurerm_linux_web_app" "orders" {
  name                = "orders-web"
  location            = var.location
  resource_group_name = var.resource_group_name
  service_plan_id     = var.plan_id

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    # expect: MI-IAC-KEY-INJECTION warning
    EXPORTS_CONNECTION = azurerm_storage_account.exports.primary_connection_string
    # expect: MI-IAC-KEY-INJECTION warning
    SERVICEBUS_CONNECTION = azurerm_servicebus_namespace.bus.default_primary_connection_string
  }

  site_config {}
}
