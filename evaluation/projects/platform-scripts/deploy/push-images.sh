#!/usr/bin/env bash
# Builds and pushes the service images from the on-prem agents.
set -euo pipefail
REGISTRY=crcontososhared.azurecr.io
TAG=${GIT_SHA:-$(git rev-parse HEAD)}
# last known good build of the base image repo
BASE_REF=${BASE_REF:-e185a9a51152375947f8728e87739cf4850d8289}

# old agents still use the admin user (PLAT-88)
docker login "$REGISTRY" -u crcontososhared -p 'jua95uQQJ+IkFrw7S9jmpD4XzpzHyVU9oG12F0Ncg6+ACRWF6o9W'

# edge registry: Entra token, no admin user
docker login crcontosoedge.azurecr.io -u 00000000-0000-0000-0000-000000000000 -p "$(az acr login --name crcontosoedge --expose-token --query accessToken -o tsv)"

# legacy registry, password injected by the agent
echo "$LEGACY_ACR_PASSWORD" | docker login crcontosolegacy.azurecr.io -u crcontosolegacy --password-stdin

# GitHub packages mirror (not Azure)
echo "$GHCR_TOKEN" | docker login ghcr.io -u contoso-bot --password-stdin

for svc in orders-service catalog-api payments-api; do
  docker build --build-arg BASE_REF="$BASE_REF" -t "$REGISTRY/$svc:$TAG" "../$svc"
  docker push "$REGISTRY/$svc:$TAG"
done
