resource "azurerm_service_plan" "shop" {
  name                = "asp-contoso-shop-${var.env}"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "shop" {
  name                = "app-contoso-shop-${var.env}"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  service_plan_id     = azurerm_service_plan.shop.id
  https_only          = true

  identity {
    type = "SystemAssigned"
  }

  site_config {
    application_stack {
      java_server         = "JAVA"
      java_server_version = "21"
      java_version        = "21"
    }
  }

  app_settings = {
    "SPRING_PROFILES_ACTIVE"                = var.env
    "AZURE_STORAGE_CONNECTION_STRING"       = azurerm_storage_account.app.primary_connection_string
    "SERVICEBUS_CONNECTION"                 = azurerm_servicebus_namespace.shop.default_primary_connection_string
    "COSMOS_KEY"                            = azurerm_cosmosdb_account.orders.primary_key
    "SPRING_DATASOURCE_URL"                 = "jdbc:sqlserver://${azurerm_mssql_server.shop.fully_qualified_domain_name}:1433;database=shop;encrypt=true"
    "SPRING_DATASOURCE_PASSWORD"            = random_password.sql.result
    "SPRING_DATA_REDIS_HOST"                = azurerm_redis_cache.shop.hostname
    "EVENTGRID_TOPIC_ENDPOINT"              = azurerm_eventgrid_topic.orders.endpoint
    "EVENTHUB_NAMESPACE"                    = "${azurerm_eventhub_namespace.telemetry.name}.servicebus.windows.net"
    "LEGACY_SQL_PASSWORD"                   = "@Microsoft.KeyVault(VaultName=${azurerm_key_vault.shop.name};SecretName=legacy-sql-password)"
    "PAYMENT_PROVIDER_KEY"                  = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.payment_provider.versionless_id})"
    "APPLICATIONINSIGHTS_CONNECTION_STRING" = azurerm_application_insights.shop.connection_string
  }

  connection_string {
    name  = "ReportingDb"
    type  = "SQLAzure"
    value = "Server=tcp:${azurerm_mssql_server.legacy.fully_qualified_domain_name},1433;Database=reporting;User ID=legacyadmin;Password=${var.legacy_sql_admin_password};Encrypt=true"
  }
}

resource "azurerm_linux_function_app" "notify" {
  name                       = "func-contoso-shop-notify-${var.env}"
  resource_group_name        = azurerm_resource_group.shop.name
  location                   = azurerm_resource_group.shop.location
  service_plan_id            = azurerm_service_plan.shop.id
  storage_account_name       = azurerm_storage_account.functions.name
  storage_account_access_key = azurerm_storage_account.functions.primary_access_key

  site_config {
    application_stack {
      java_version = "21"
    }
  }

  app_settings = {
    "ServiceBusConnection__fullyQualifiedNamespace" = "${azurerm_servicebus_namespace.shop.name}.servicebus.windows.net"
    "AZURE_OPENAI_ENDPOINT"                         = azurerm_cognitive_account.openai.endpoint
    "AZURE_OPENAI_API_KEY"                          = "3b7c17d26fd38cfd3ca97f6303cc6784"
  }
}

resource "azurerm_linux_function_app" "audit" {
  name                          = "func-contoso-shop-audit-${var.env}"
  resource_group_name           = azurerm_resource_group.shop.name
  location                      = azurerm_resource_group.shop.location
  service_plan_id               = azurerm_service_plan.shop.id
  storage_account_name          = azurerm_storage_account.data.name
  storage_uses_managed_identity = true

  identity {
    type = "SystemAssigned"
  }

  site_config {
    application_stack {
      java_version = "21"
    }
  }
}
