variable "env" {
  type    = string
  default = "dev"
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "tenant_id" {
  type = string
}

variable "shared_subscription_id" {
  type = string
}

variable "dr_subscription_id" {
  type = string
}

variable "dr_client_id" {
  type = string
}

variable "dr_client_secret" {
  type      = string
  sensitive = true
}

variable "legacy_sql_admin_password" {
  type      = string
  sensitive = true
  default   = "iMxo^v2X903xo-tg"
}

variable "pg_admin_password" {
  type      = string
  sensitive = true
}

variable "openai_api_key" {
  type      = string
  sensitive = true
  default   = ""
}

variable "ssh_public_key_path" {
  type    = string
  default = "~/.ssh/contoso_deploy.pub"
}

variable "key_vault_secret_expiry_days" {
  type    = number
  default = 90
}
