#!/usr/bin/env bash
# Publishes a test event with the signed-in Azure CLI identity (no keys).
set -euo pipefail

TOKEN="$(az account get-access-token --resource https://eventgrid.azure.net --query accessToken -o tsv)"
curl -sS -X POST "https://orders-events.westeurope-1.eventgrid.azure.net/api/events" \
  -H "Authorization: Bearer ${TOKEN}" \
  -H "Content-Type: application/json" \
  -d @event.json

az servicebus queue show --namespace-name orders-bus --name audit --resource-group orders-rg --auth-mode login > /dev/null
