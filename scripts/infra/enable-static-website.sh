#!/usr/bin/env bash
# azd postprovision hook: turns on the storage account's static website ($web).
#
# Static website is a data-plane setting of the Blob service, which Bicep cannot set.
# Shared keys are disabled on the account, so the call authenticates with the signed-in
# Azure CLI user (--auth-mode login). Setting Blob service properties needs a management
# role on the account (Owner, Contributor or Storage Account Contributor), which the
# person running `azd provision` normally has.
#
# Idempotent: running it again leaves the same settings in place.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$script_dir/common.sh"

require_command az "Install the Azure CLI and run 'az login'."

account="$(require_value AZURE_STORAGE_ACCOUNT_NAME)"
index_document="$(azd_value STATIC_WEBSITE_INDEX_DOCUMENT index.html)"
error_document="$(azd_value STATIC_WEBSITE_404_DOCUMENT 404.html)"

log "Enabling the static website on storage account '$account' (index: $index_document, 404: $error_document)"

attempt=1
max_attempts=6
until az storage blob service-properties update \
  --account-name "$account" \
  --auth-mode login \
  --static-website \
  --index-document "$index_document" \
  --404-document "$error_document" \
  --output none; do
  if (( attempt >= max_attempts )); then
    die "Could not enable the static website on '$account'. Check that the signed-in az user may manage the storage account."
  fi
  log "Attempt $attempt failed (new accounts and role assignments can take a minute); retrying in 20s"
  attempt=$((attempt + 1))
  sleep 20
done

web_endpoint="$(azd_value AZURE_STORAGE_WEB_ENDPOINT)"
log "Static website enabled${web_endpoint:+: $web_endpoint}"
