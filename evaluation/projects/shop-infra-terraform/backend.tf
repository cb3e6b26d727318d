terraform {
  backend "azurerm" {
    resource_group_name  = "rg-contoso-tfstate"
    storage_account_name = "stcontosotfstate"
    container_name       = "tfstate"
    key                  = "shop/prod.terraform.tfstate"
    use_azuread_auth     = true
  }
}
