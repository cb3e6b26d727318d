# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/azurerm" {
  version     = "3.116.0"
  constraints = "~> 3.116"
  hashes = [
    "h1:bLDmbSRyZ91SFhme5tEY3wOCK5HZmE1efQG6HjJxA2s=",
    "zh:5c86547e55303ef6b12deb6f86ad26fea40becc7e3c0a936250214fb4031873b",
    "zh:f30910d42362783b1eef234e866c80f08bba1212987f859f06a6813e5235afa1",
  ]
}

provider "registry.terraform.io/hashicorp/random" {
  version     = "3.6.3"
  constraints = "~> 3.6"
  hashes = [
    "h1:OamWjpQdFQNNS7NdffEGWErWc9f7FIDx1WgfESU6bs8=",
    "zh:fd796f7b59941a94841874e0c0a1118bc6a5644abce4a353d47fe1fa1321a8e4",
  ]
}
