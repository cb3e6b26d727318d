# mi-scan:allow-file test fixture: Terraform module arguments decide the module's key switches
module "orders_storage" {
  source = "./modules/storage"
  name   = "stordersdata"
  # expect: MI-IAC-STORAGE-SHARED-KEY-ACCESS warning
  shared_access_key_enabled = true
}

# good: keys off for this call
module "billing_storage" {
  source                    = "./modules/storage"
  name                      = "stbillingdata"
  shared_access_key_enabled = false
}

# a registry module is not in the tree; an argument named as the setting it feeds says what it does
module "registry_storage" {
  source  = "Azure/avm-res-storage-storageaccount/azurerm"
  version = "0.6.0"
  name    = "stregistry"
  # expect: MI-IAC-STORAGE-SHARED-KEY-ACCESS warning
  shared_access_key_enabled = true
}
