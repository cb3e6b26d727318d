#!/usr/bin/env bash
# Nightly reconciliation with the signed-in identity: the function app and the gateway validate Entra tokens.
set -euo pipefail

FUNC_TOKEN="$(az account get-access-token --resource api://orders-func --query accessToken -o tsv)"
API_TOKEN="$(az account get-access-token --resource api://contoso-partners --query accessToken -o tsv)"
curl -sf "https://orders-func.azurewebsites.net/api/totals" -H "Authorization: Bearer ${FUNC_TOKEN}" > totals.json
curl -sf "https://orders-func.azurewebsites.net/api/refunds" -H "Authorization: Bearer ${FUNC_TOKEN}" > refunds.json
curl -sf "https://contoso-partners.azure-api.net/settlements/v1/daily" -H "Authorization: Bearer ${API_TOKEN}" > settlements.json
