#!/usr/bin/env bash
# Post-deployment smoke test. Reads ../.env
set -euo pipefail
source "$(dirname "$0")/../.env"

curl -sf "$FUNC_BASE_URL/admin/host/status" -H "x-functions-key: $FUNC_MASTER_KEY" | jq .state
curl -sf "$APIM_BASE_URL/health" -H "Ocp-Apim-Subscription-Key: $APIM_SUBSCRIPTION_KEY"
curl -sf -X POST "$EVENTGRID_TOPIC_ENDPOINT" -H "aeg-sas-key: $EVENTGRID_TOPIC_KEY" -H "Content-Type: application/cloudevents-batch+json" -d @"$(dirname "$0")/event.json"

# local host needs no key
curl -sf "http://localhost:7071/api/health" || echo "local host not running"
