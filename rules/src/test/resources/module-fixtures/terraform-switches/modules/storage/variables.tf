# mi-scan:allow-file test fixture: the module's inputs
variable "name" {
  type = string
}

variable "shared_access_key_enabled" {
  type    = bool
  default = false
}
