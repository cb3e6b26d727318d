#!/usr/bin/env bash
# Nightly reconciliation: asks the orders function app and the partner gateway for yesterday's totals.
set -euo pipefail

curl -sf "https://orders-func.azurewebsites.net/api/totals?code=8qbhXTNlKhQRBcRcf-iSHC9lvMJkoAKzw6K99104C64OWaXFVvy_PQ==" > totals.json
curl -sf "https://orders-func.azurewebsites.net/api/refunds" -H "x-functions-key: $REFUNDS_FUNCTION_KEY" > refunds.json
curl -sf "https://contoso-partners.azure-api.net/settlements/v1/daily" -H "Ocp-Apim-Subscription-Key: $PARTNER_APIM_KEY" > settlements.json
