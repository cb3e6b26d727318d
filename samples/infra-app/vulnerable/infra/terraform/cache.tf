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

variable "sendgrid_api_key" {
  type      = string
  sensitive = true
  default   = "rBW_M6WKgkbFDlQLzEV13d3-kuBzgWw1"
}

resource "azurerm_redis_cache" "sessions" {
  name                = "orders-sessions"
  location            = var.location
  resource_group_name = var.resource_group_name
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  minimum_tls_version = "1.2"
}

resource "azurerm_cosmosdb_account" "catalog" {
  name                = "orders-catalog"
  location            = var.location
  resource_group_name = var.resource_group_name
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }
  geo_location {
    location          = var.location
    failover_priority = 0
  }
}

resource "azurerm_container_app" "notifier" {
  name                         = "orders-notifier"
  container_app_environment_id = var.container_app_environment_id
  resource_group_name          = var.resource_group_name
  revision_mode                = "Single"

  secret {
    name  = "redis-key"
    value = azurerm_redis_cache.sessions.primary_access_key
  }

  template {
    container {
      name   = "notifier"
      image  = "ordersacr.azurecr.io/notifier:1.4"
      cpu    = 0.5
      memory = "1Gi"
      env {
        name        = "REDIS_KEY"
        secret_name = "redis-key"
      }
      env {
        name  = "SENDGRID_API_KEY"
        value = "Pw-ORh_308LOEtGcSaj!7"
      }
      env {
        name  = "COSMOS_ENDPOINT"
        value = azurerm_cosmosdb_account.catalog.endpoint
      }
    }
  }
}
