# terraform init -backend-config=env/backend-dr.hcl   (DR state account, no RBAC yet)
resource_group_name  = "rg-contoso-tfstate-dr"
storage_account_name = "stcontosotfstatedr"
container_name       = "tfstate"
key                  = "shop/dr.terraform.tfstate"
access_key           = "OIhdyWw5suywBxy2JUqFAFatIN2enGnqkJ4V6anqaTFwuWgJLNIgKwX/3/WVJ+UlZ0u43Ycs839Qqb58gwKg8w=="
