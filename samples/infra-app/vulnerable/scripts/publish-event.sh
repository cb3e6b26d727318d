#!/usr/bin/env bash
# Publishes a test event to the order topic and a message to the audit queue.
set -euo pipefail

curl -sS -X POST "https://orders-events.westeurope-1.eventgrid.azure.net/api/events" \
  -H "aeg-sas-key: oJcW1i2NCabd9tKD0UNXooXBvlEOqNcCoPo+eA74OK0=" \
  -H "Content-Type: application/json" \
  -d @event.json

curl -sS -X POST "https://orders-bus.servicebus.windows.net/audit/messages" \
  -H "Authorization: SharedAccessSignature sr=https%3A%2F%2Forders-bus.servicebus.windows.net%2Faudit&sig=DHPewaQwe7at4AUhpYc3yeGE5fQjKanYL2NFbIhq3hQ%3D&se=1893456000&skn=send" \
  -d @audit.json
