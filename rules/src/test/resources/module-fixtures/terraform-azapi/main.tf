# mi-scan:allow-file test fixture: a module argument that reaches an azapi_resource body
module "storage" {
  source = "./modules/storage"
  name   = "stordersdata"
  # expect: MI-IAC-STORAGE-SHARED-KEY-ACCESS warning
  shared_access_key_enabled = true
}
