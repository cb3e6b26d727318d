terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 5.0"
    }
  }
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "container_app_environment_id" {
  type = string
}

variable "key_vault_id" {
  type = string
}

resource "azurerm_redis_cache" "sessions" {
  name                               = "orders-sessions"
  location                           = var.location
  resource_group_name                = var.resource_group_name
  capacity                           = 1
  family                             = "C"
  sku_name                           = "Standard"
  minimum_tls_version                = "1.2"
  access_keys_authentication_enabled = false

  redis_configuration {
    active_directory_authentication_enabled = true
  }
}

resource "azurerm_cosmosdb_account" "catalog" {
  name                         = "orders-catalog"
  location                     = var.location
  resource_group_name          = var.resource_group_name
  offer_type                   = "Standard"
  local_authentication_enabled = false

  consistency_policy {
    consistency_level = "Session"
  }
  geo_location {
    location          = var.location
    failover_priority = 0
  }
}

data "azurerm_key_vault_secret" "sendgrid" {
  name         = "sendgrid-api-key"
  key_vault_id = var.key_vault_id
}

resource "azurerm_container_app" "notifier" {
  name                         = "orders-notifier"
  container_app_environment_id = var.container_app_environment_id
  resource_group_name          = var.resource_group_name
  revision_mode                = "Single"

  identity {
    type = "SystemAssigned"
  }

  # a third-party key stays a secret: Key Vault, read with the app's identity
  secret {
    name                = "sendgrid-api-key"
    key_vault_secret_id = data.azurerm_key_vault_secret.sendgrid.versionless_id
    identity            = "System"
  }

  template {
    container {
      name   = "notifier"
      image  = "ordersacr.azurecr.io/notifier:1.4"
      cpu    = 0.5
      memory = "1Gi"
      env {
        name  = "REDIS_HOST"
        value = azurerm_redis_cache.sessions.hostname
      }
      env {
        name        = "SENDGRID_API_KEY"
        secret_name = "sendgrid-api-key"
      }
      env {
        name  = "COSMOS_ENDPOINT"
        value = azurerm_cosmosdb_account.catalog.endpoint
      }
    }
  }
}

resource "azurerm_redis_cache_access_policy_assignment" "notifier_data" {
  name               = "notifier-data-contributor"
  redis_cache_id     = azurerm_redis_cache.sessions.id
  access_policy_name = "Data Contributor"
  object_id          = azurerm_container_app.notifier.identity[0].principal_id
  object_id_alias    = "notifier"
}

resource "azurerm_cosmosdb_sql_role_assignment" "notifier_data" {
  resource_group_name = azurerm_cosmosdb_account.catalog.resource_group_name
  account_name        = azurerm_cosmosdb_account.catalog.name
  role_definition_id  = "${azurerm_cosmosdb_account.catalog.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002" # Cosmos DB Built-in Data Contributor
  principal_id        = azurerm_container_app.notifier.identity[0].principal_id
  scope               = azurerm_cosmosdb_account.catalog.id
}

resource "azurerm_role_assignment" "notifier_key_vault_secrets_user" {
  scope                = var.key_vault_id
  role_definition_name = "Key Vault Secrets User" # 4633458b-17de-408a-b874-0445c86b69e6
  principal_id         = azurerm_container_app.notifier.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}
