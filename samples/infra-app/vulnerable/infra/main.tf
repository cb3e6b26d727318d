resource "azurerm_linux_web_app" "reports" {
  name                = "orders-reports"
  resource_group_name = var.resource_group_name
  location            = var.location
  service_plan_id     = var.service_plan_id

  site_config {}

  app_settings = {
    "REPORTING_DB_URL" = "jdbc:postgresql://orders-pg.postgres.database.azure.com:5432/reporting?user=reports&password=Pg$7hT2k9Qz1mX&sslmode=require"
    "LEGACY_DB_URL"    = "jdbc:mysql://legacy:My5ql-R0t8tK3y@orders-mysql.mysql.database.azure.com:3306/legacy?sslMode=REQUIRED"
  }
}
