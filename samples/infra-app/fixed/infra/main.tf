resource "azurerm_linux_web_app" "reports" {
  name                = "orders-reports"
  resource_group_name = var.resource_group_name
  location            = var.location
  service_plan_id     = var.service_plan_id

  identity {
    type = "SystemAssigned"
  }

  site_config {}

  app_settings = {
    "REPORTING_DB_URL" = "jdbc:postgresql://orders-pg.postgres.database.azure.com:5432/reporting?sslmode=require&authenticationPluginClassName=com.azure.identity.extensions.jdbc.postgresql.AzurePostgresqlAuthenticationPlugin"
    "REPORTING_DB_USER" = "orders-reports"
    "LEGACY_DB_URL"    = "jdbc:mysql://orders-mysql.mysql.database.azure.com:3306/legacy?sslMode=REQUIRED&defaultAuthenticationPlugin=com.azure.identity.extensions.jdbc.mysql.AzureMysqlAuthenticationPlugin&authenticationPlugins=com.azure.identity.extensions.jdbc.mysql.AzureMysqlAuthenticationPlugin"
  }
}
