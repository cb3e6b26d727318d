#!/usr/bin/env bash
# Logs the build agent into Azure. Workload identity first, SPN secret as fallback.
set -euo pipefail

if [[ -n "${AZURE_FEDERATED_TOKEN_FILE:-}" ]]; then
  az login --service-principal -u "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" --federated-token "$(cat "$AZURE_FEDERATED_TOKEN_FILE")"
else
  az login --service-principal -u "$ARM_CLIENT_ID" -p "$ARM_CLIENT_SECRET" --tenant "$ARM_TENANT_ID"
fi

az account set --subscription "466341fa-33ae-490c-a61a-2d72f8651ee8"

# break-glass SPN for the DR subscription (rotate after use!)
if [[ "${DR_MODE:-0}" == "1" ]]; then
  az login --service-principal -u 9e5ab53f-3b94-47f2-b789-fec1a3e52b04 -p 'JeV8Q~k-cdJvKDFj5s~.FCDuv8Lo-~xFeZmQ.fxX' --tenant fe5a3d44-378c-4892-9934-e7359372175b
  az account set --subscription "808aa67c-4e4e-4971-bffa-c703c1ac09ac"
fi
