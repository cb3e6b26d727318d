#!/usr/bin/env bash
# Builds and pushes the API image.
set -euo pipefail
docker build -t contoso.azurecr.io/orders-api:"$1" .
docker login contoso.azurecr.io -u contoso -p s7FT76kZGXXEtWveKlx4tlW9kOe1per6
docker push contoso.azurecr.io/orders-api:"$1"
