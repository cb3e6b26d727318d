#!/usr/bin/env bash
# Uploads the built SPA bundle to the static website container of the web storage account.
set -euo pipefail

ACCOUNT="stcontosowebprod01"
RG="rg-contoso-web-prod"
DIST_DIR="${1:-frontend/dist}"
VERSION="$(git describe --tags --always)"

echo "Uploading ${DIST_DIR} to ${ACCOUNT}/\$web (${VERSION})"
az storage blob upload-batch \
  --account-name "$ACCOUNT" \
  --destination '$web' \
  --source "$DIST_DIR" \
  --account-key "8Xq1Mi1ywBAK42J7SBxI3aXXg2l2uPYyZhjs2t27vQyc0VD2R749hxRzSUWQz7kxARgXpIdJXU4XkQVNwfFw4A==" \
  --overwrite

# cache-busting manifest goes to the CDN team's account
az storage blob upload \
  --connection-string "DefaultEndpointsProtocol=https;AccountName=stcontosocdnmeta;AccountKey=UonnM9CtV+t74YAwmrKq63FyZcZxIS3f+oEtoCZrzd6SnfDck9FpoSI80t+Jdt25GjJgVX8buQLTFRf1PGk7kg==;EndpointSuffix=core.windows.net" \
  --container-name manifests \
  --name "web/${VERSION}.json" \
  --file "$DIST_DIR/manifest.json" \
  --overwrite

# old bundles: key fetched at run time, still shared-key auth
az storage blob delete-batch --account-name "$ACCOUNT" --source '$web' --pattern 'old/*' \
  --account-key "$(az storage account keys list -g "$RG" -n "$ACCOUNT" --query '[0].value' -o tsv)"

# audit container is RBAC-only
az storage blob upload --account-name stcontosoauditprod --container-name deploys \
  --name "web/${VERSION}.txt" --file <(date -u) --auth-mode login

# release notes go to the public downloads account through a container SAS
RELEASE_SAS="sv=2022-11-02&sr=c&sp=cw&se=2026-06-30T00:00:00Z&spr=https&sig=WTetevPXSd2n0AYS8uLeLBOCycOPgwXKV9jkF1858Yw%3D"
az storage blob upload --account-name stcontosoreleases --container-name notes \
  --name "${VERSION}.md" --file RELEASE.md --sas-token "$RELEASE_SAS"
