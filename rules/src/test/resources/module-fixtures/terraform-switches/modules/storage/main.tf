# mi-scan:allow-file test fixture: a module whose callers decide shared key access
resource "azurerm_storage_account" "this" {
  name                      = var.name
  resource_group_name       = "rg-orders"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  shared_access_key_enabled = var.shared_access_key_enabled
}
