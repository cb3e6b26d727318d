# mi-scan:allow-file test fixture: a module that deploys the account with azapi, its type from a variable
resource "azapi_resource" "this" {
  type      = var.resource_types.storage_account
  name      = var.name
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders"
  body = {
    properties = {
      allowSharedKeyAccess = var.shared_access_key_enabled
    }
  }
}
