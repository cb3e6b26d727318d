resource "random_password" "sql" {
  length           = 24
  special          = true
  override_special = "!#*-_=+"
}

resource "azurerm_mssql_server" "shop" {
  name                         = "sql-contoso-shop-${var.env}"
  resource_group_name          = azurerm_resource_group.shop.name
  location                     = azurerm_resource_group.shop.location
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = random_password.sql.result
  minimum_tls_version          = "1.2"
}

resource "azurerm_mssql_server" "legacy" {
  name                         = "sql-contoso-shop-legacy"
  resource_group_name          = azurerm_resource_group.shop.name
  location                     = azurerm_resource_group.shop.location
  version                      = "12.0"
  administrator_login          = "legacyadmin"
  administrator_login_password = "ccN61f4aL40=gLjGawXpR"
}

resource "azurerm_mssql_server" "analytics" {
  name                = "sql-contoso-shop-analytics-${var.env}"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  version             = "12.0"
  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "eee8a056-c0c2-4105-8021-a8f0d8491883"
    azuread_authentication_only = true
  }
}

resource "azurerm_postgresql_flexible_server" "reporting" {
  name                   = "psql-contoso-shop-reporting"
  resource_group_name    = azurerm_resource_group.shop.name
  location               = azurerm_resource_group.shop.location
  version                = "16"
  sku_name               = "GP_Standard_D2ds_v5"
  administrator_login    = "pgadmin"
  administrator_password = var.pg_admin_password
  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = true
    tenant_id                     = var.tenant_id
  }
}

resource "azurerm_postgresql_flexible_server" "events" {
  name                = "psql-contoso-shop-events"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  version             = "16"
  sku_name            = "B_Standard_B1ms"
  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = var.tenant_id
  }
}

resource "azurerm_cosmosdb_account" "orders" {
  name                = "cosmos-contoso-shop-${var.env}"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  offer_type          = "Standard"
  kind                = "GlobalDocumentDB"
  consistency_policy {
    consistency_level = "Session"
  }
  geo_location {
    location          = azurerm_resource_group.shop.location
    failover_priority = 0
  }
}

resource "azurerm_redis_cache" "shop" {
  name                = "redis-contoso-shop-${var.env}"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  minimum_tls_version = "1.2"
}

resource "azurerm_redis_cache" "sessions" {
  name                               = "redis-contoso-shop-sessions-${var.env}"
  location                           = azurerm_resource_group.shop.location
  resource_group_name                = azurerm_resource_group.shop.name
  capacity                           = 1
  family                             = "C"
  sku_name                           = "Standard"
  access_keys_authentication_enabled = false
  redis_configuration {
    active_directory_authentication_enabled = true
  }
}
