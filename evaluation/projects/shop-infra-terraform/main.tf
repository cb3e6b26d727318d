resource "azurerm_resource_group" "shop" {
  name     = "rg-contoso-shop-${var.env}"
  location = var.location
}

resource "azurerm_application_insights" "shop" {
  name                = "appi-contoso-shop-${var.env}"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  application_type    = "java"
}

resource "azurerm_key_vault" "shop" {
  name                      = "kv-contoso-shop-${var.env}"
  location                  = azurerm_resource_group.shop.location
  resource_group_name       = azurerm_resource_group.shop.name
  tenant_id                 = var.tenant_id
  sku_name                  = "standard"
  enable_rbac_authorization = true
  purge_protection_enabled  = true
}

resource "azurerm_key_vault_secret" "payment_provider" {
  name         = "payment-provider-api-key"
  value        = "set-manually"
  key_vault_id = azurerm_key_vault.shop.id
  lifecycle {
    ignore_changes = [value]
  }
}

resource "tls_private_key" "jwt" {
  algorithm = "RSA"
  rsa_bits  = 4096
}
