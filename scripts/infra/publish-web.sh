#!/usr/bin/env bash
# azd postdeploy hook: publishes config.js, the one front-end file that depends on the deployment,
# to the storage account's static website ($web), pointed at the deployed function app.
# Everything else on the site is written there by the app: the pages (/, /{slug}/, tags,
# authors, archives, feeds, sitemap) and the theme's assets, which the app publishes itself under
# assets/{content hash}/ with an immutable cache (docs/site.md).
#
#   1. copies web/config.js to a temporary folder (the working tree is never changed),
#   2. rewrites the copy so window.HEALTHFUNCTIONS_API is the function app's base URL, e.g.
#      https://func-abc123.azurewebsites.net (no trailing slash: the pages append /api/... to it),
#   3. uploads it to $web as config.js with `az storage blob upload --auth-mode login`,
#      Content-Type text/javascript and Cache-Control: no-cache (a new deployment shows at once).
#
# Only uploads and overwrites config.js: nothing else in $web is touched. Files an earlier
# version of this script uploaded (css/, js/, img/, post.html, ...) stay until you delete them.
#
# Needs the Azure CLI signed in (`az login`) as someone with a blob data role on the account
# (the template gives the azd user Storage Blob Data Contributor), and the static website
# enabled (the postprovision hook, enable-static-website.sh, does that).
#
# Optional azd environment values:
#   WEB_API_BASE_URL    base URL the pages call instead of AZURE_FUNCTION_APP_URL (e.g. a
#                       custom domain in front of the app; its origin policy is then yours)
#   WEB_PUBLISH_MAX_ATTEMPTS, WEB_PUBLISH_RETRY_SECONDS
#                       retries while fresh role assignments propagate (default 6 x 20 s)
#
# Idempotent: rerunning uploads the same file again with the same properties.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$script_dir/common.sh"

require_command az "Install the Azure CLI and run 'az login'."

account="$(require_value AZURE_STORAGE_ACCOUNT_NAME)"
api_base="$(azd_value WEB_API_BASE_URL)"
if [[ -z "$api_base" ]]; then
  api_base="$(require_value AZURE_FUNCTION_APP_URL)"
fi
web_endpoint="$(azd_value AZURE_STORAGE_WEB_ENDPOINT)"
max_attempts="$(azd_value WEB_PUBLISH_MAX_ATTEMPTS 6)"
retry_seconds="$(azd_value WEB_PUBLISH_RETRY_SECONDS 20)"

web_container="\$web"
source_dir="$repo_root/web"

# The pages do apiBase + '/api/...', so the base is scheme://host[:port][/path] without a
# trailing slash. Anything else (quotes, spaces, a query) is refused rather than written
# into JavaScript.
while [[ "$api_base" == */ ]]; do
  api_base="${api_base%/}"
done
if [[ ! "$api_base" =~ ^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?$ ]]; then
  die "The API base URL '$api_base' is not of the form https://host[/path] (from WEB_API_BASE_URL or AZURE_FUNCTION_APP_URL)."
fi

[[ -f "$source_dir/config.js" ]] || die "No front end at $source_dir (config.js missing)."

stage="$(mktemp -d "${TMPDIR:-/tmp}/healthfunctions-web.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
cp "$source_dir/config.js" "$stage/config.js"

# Point the copy's config.js at the API. Exactly one assignment line is expected.
config="$stage/config.js"
assignment='^[[:space:]]*window\.HEALTHFUNCTIONS_API[[:space:]]*='
matches="$(grep -c "$assignment" "$config" || true)"
[[ "$matches" == 1 ]] || die "Expected one 'window.HEALTHFUNCTIONS_API = ...' line in web/config.js, found ${matches}."
{
  printf '// Written by scripts/infra/publish-web.sh for this deployment (source: web/config.js).\n'
  sed "s|${assignment}.*\$|window.HEALTHFUNCTIONS_API = '${api_base}';|" "$config"
} >"$config.new"
mv "$config.new" "$config"
grep -q "^window\.HEALTHFUNCTIONS_API = '${api_base}';\$" "$config" \
  || die "Could not rewrite window.HEALTHFUNCTIONS_API in the staged config.js."

# retry DESCRIPTION COMMAND...: runs COMMAND until it succeeds; right after provisioning,
# the role assignment that lets you write blobs can take a few minutes to apply.
retry() {
  local description="$1"
  shift
  local attempt=1
  until "$@"; do
    if (( attempt >= max_attempts )); then
      return 1
    fi
    log "Could not ${description} yet (attempt $attempt/$max_attempts; new role assignments can take a few minutes); retrying in ${retry_seconds}s"
    sleep "$retry_seconds"
    attempt=$((attempt + 1))
  done
}

web_container_exists() {
  local exists
  exists="$(az storage container exists --account-name "$account" --auth-mode login \
    --name "$web_container" --query exists --output tsv)" || return 1
  [[ "$exists" == true ]] || die "Container '$web_container' does not exist on '$account': the static website is off. Run: bash scripts/infra/enable-static-website.sh"
}

log "Publishing config.js to '$web_container' on '$account'; the pages call $api_base"
retry "read container '$web_container' on '$account'" web_container_exists \
  || die "Could not read container '$web_container' on '$account'. Check that the signed-in az account has a blob data role (e.g. Storage Blob Data Contributor) on it."

upload_config() {
  az storage blob upload \
    --account-name "$account" \
    --auth-mode login \
    --container-name "$web_container" \
    --name config.js \
    --file "$config" \
    --overwrite \
    --content-type 'text/javascript; charset=utf-8' \
    --content-cache-control 'no-cache' \
    --no-progress \
    --output none
}

retry "upload config.js" upload_config \
  || die "Could not upload config.js to '$web_container' on '$account'. Check that the signed-in az account has Storage Blob Data Contributor on it."

if [[ -n "$web_endpoint" ]]; then
  log "config.js published; the site is at $web_endpoint (API: $api_base)"
else
  log "config.js published to '$web_container' on '$account' (API: $api_base)"
fi
