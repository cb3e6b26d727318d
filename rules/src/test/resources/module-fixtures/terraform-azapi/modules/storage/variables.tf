# mi-scan:allow-file test fixture: the module's inputs
variable "name" {
  type = string
}

variable "resource_types" {
  type = object({
    storage_account = optional(string, "Microsoft.Storage/storageAccounts@2023-05-01")
  })
  default = {}
}

variable "shared_access_key_enabled" {
  type    = bool
  default = false
}
