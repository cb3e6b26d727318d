terraform {
  required_version = ">= 1.6.0"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.116"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "azurerm" {
  features {}
  subscription_id = "466341fa-33ae-490c-a61a-2d72f8651ee8"
  tenant_id       = "fe5a3d44-378c-4892-9934-e7359372175b"
  client_id       = "c301d2da-6e05-4963-b7f9-ccea29b8e192"
  client_secret   = "Qvc8Q~LatKY5.j6XgntpD-8_TjWacyWgxcecY4Ew"
}

provider "azurerm" {
  alias = "shared"
  features {}
  use_oidc        = true
  subscription_id = var.shared_subscription_id
}

provider "azurerm" {
  alias = "dr"
  features {}
  subscription_id = var.dr_subscription_id
  tenant_id       = var.tenant_id
  client_id       = var.dr_client_id
  client_secret   = var.dr_client_secret
}
