# mi-scan:allow-file test fixture
# The resources' switches are here; the keys are read in app.tf, a file of the same module folder: the switches are
# reported, and their fixes refused with the use in app.tf.
resource "azurerm_storage_account" "exports" {
  name                     = "ordersexports"
  resource_group_name      = var.resource_group_name
  location                 = var.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # expect: MI-IAC-STORAGE-SHARED-KEY-ACCESS warning
  shared_access_key_enabled = true
}

resource "azurerm_servicebus_namespace" "bus" {
  name                = "orders-bus"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "Standard"
  # expect: MI-IAC-LOCAL-AUTH-ENABLED warning
  local_auth_enabled = true
}

# nothing reads this cache's keys: its fix flips the switch
resource "azurerm_redis_cache" "cache" {
  name                = "orders-cache"
  location            = var.location
  resource_group_name = var.resource_group_name
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  # expect: MI-IAC-REDIS-ACCESS-KEYS warning
  access_keys_authentication_enabled = true
}
