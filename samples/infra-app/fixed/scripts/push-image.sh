#!/usr/bin/env bash
# Builds and pushes the API image with the signed-in identity (federated in CI): no registry password.
set -euo pipefail
docker build -t contoso.azurecr.io/orders-api:"$1" .
az acr login --name contoso
docker push contoso.azurecr.io/orders-api:"$1"
