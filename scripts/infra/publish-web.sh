#!/usr/bin/env bash
# azd postdeploy hook: publishes the default theme's assets and the script-driven pages (web/)
# to the storage account's static website ($web), pointed at the deployed function app. The
# pages themselves (/, /{slug}/, tags, authors, archives, feeds, sitemap) are written there by
# the app on publish.
#
#   1. copies web/ to a temporary folder (the working tree is never changed),
#   2. rewrites the copy's config.js so window.HEALTHFUNCTIONS_API is the function app's
#      base URL, e.g. https://func-abc123.azurewebsites.net (no trailing slash: the pages
#      append /api/... to it, see web/js/blog.js),
#   3. uploads the copy to $web with `az storage blob upload-batch --auth-mode login`,
#      one batch per content type and cache policy:
#        *.html and config.js        Cache-Control: no-cache
#        css, js, images, fonts      Cache-Control: public, max-age=86400
#
# Only uploads and overwrites: nothing in $web is deleted, so the published post images
# under media/ (written by the app) stay untouched. A file removed from web/ stays in
# $web until you delete it by hand. web/ itself must not contain a media/ folder.
#
# Needs the Azure CLI signed in (`az login`) as someone with a blob data role on the
# account (the template gives the azd user Storage Blob Data Contributor), and the static
# website enabled (the postprovision hook, enable-static-website.sh, does that).
#
# Optional azd environment values:
#   WEB_API_BASE_URL    base URL the pages call instead of AZURE_FUNCTION_APP_URL (e.g. a
#                       custom domain in front of the app; its origin policy is then yours)
#   WEB_PUBLISH_MAX_ATTEMPTS, WEB_PUBLISH_RETRY_SECONDS
#                       retries while fresh role assignments propagate (default 6 x 20 s)
#
# Idempotent: rerunning uploads the same files again with the same properties.
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
[[ ! -e "$source_dir/media" ]] || die "$source_dir/media exists; media/ in \$web belongs to the app's published images, so the front end must not ship one."

stage="$(mktemp -d "${TMPDIR:-/tmp}/healthfunctions-web.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
site_dir="$stage/site"
groups_dir="$stage/groups"
mkdir -p "$site_dir" "$groups_dir"

cp -R "$source_dir/." "$site_dir/"
# Documentation of the folder, not part of the site.
rm -f "$site_dir/README.md"
# The home page at / is written by the app's static site (src/HealthFunctions.Site), like every
# other page; web/ supplies the theme's assets and the script-driven pages beside them.
rm -f "$site_dir/index.html"

# Point the copy's config.js at the API. Exactly one assignment line is expected.
config="$site_dir/config.js"
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

no_cache='no-cache'
long_cache='public, max-age=86400'

# classify PATH: prints "GROUP|CONTENT-TYPE|CACHE-CONTROL" for a path relative to the site.
classify() {
  local path="$1" extension
  if [[ "$path" == "config.js" ]]; then
    printf 'config|text/javascript; charset=utf-8|%s' "$no_cache"
    return
  fi
  extension="$(printf '%s' "${path##*.}" | tr '[:upper:]' '[:lower:]')"
  case "$extension" in
    html | htm) printf 'html|text/html; charset=utf-8|%s' "$no_cache" ;;
    js | mjs) printf 'js|text/javascript; charset=utf-8|%s' "$long_cache" ;;
    css) printf 'css|text/css; charset=utf-8|%s' "$long_cache" ;;
    svg) printf 'svg|image/svg+xml|%s' "$long_cache" ;;
    png) printf 'png|image/png|%s' "$long_cache" ;;
    jpg | jpeg) printf 'jpeg|image/jpeg|%s' "$long_cache" ;;
    gif) printf 'gif|image/gif|%s' "$long_cache" ;;
    webp) printf 'webp|image/webp|%s' "$long_cache" ;;
    avif) printf 'avif|image/avif|%s' "$long_cache" ;;
    ico) printf 'ico|image/x-icon|%s' "$long_cache" ;;
    woff2) printf 'woff2|font/woff2|%s' "$long_cache" ;;
    woff) printf 'woff|font/woff|%s' "$long_cache" ;;
    json) printf 'json|application/json; charset=utf-8|%s' "$long_cache" ;;
    webmanifest) printf 'webmanifest|application/manifest+json; charset=utf-8|%s' "$long_cache" ;;
    txt) printf 'txt|text/plain; charset=utf-8|%s' "$no_cache" ;;
    xml) printf 'xml|application/xml; charset=utf-8|%s' "$no_cache" ;;
    *) printf 'other|application/octet-stream|%s' "$long_cache" ;;
  esac
}

# Sort the staged files into one folder per (content type, cache policy), keeping their
# relative paths, so each folder is one upload-batch call with fixed properties.
file_count=0
while IFS= read -r -d '' file; do
  relative="${file#"$site_dir"/}"
  IFS='|' read -r group content_type cache_control <<<"$(classify "$relative")"
  if [[ "$group" == other ]]; then
    log "WARNING: no known content type for '$relative'; uploading it as application/octet-stream"
  fi
  mkdir -p "$groups_dir/$group/$(dirname "$relative")"
  cp "$file" "$groups_dir/$group/$relative"
  printf '%s\n%s\n' "$content_type" "$cache_control" >"$groups_dir/$group.properties"
  file_count=$((file_count + 1))
done < <(find "$site_dir" -type f ! -name '.*' -print0)
(( file_count > 0 )) || die "Nothing to publish in $source_dir."

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

log "Publishing web/ ($file_count files) to '$web_container' on '$account'; the pages call $api_base"
retry "read container '$web_container' on '$account'" web_container_exists \
  || die "Could not read container '$web_container' on '$account'. Check that the signed-in az account has a blob data role (e.g. Storage Blob Data Contributor) on it."

# upload_group DIR CONTENT-TYPE CACHE-CONTROL EXPECTED: uploads one group and checks that
# az reports every file as uploaded (it logs some per-file failures without failing).
upload_group() {
  local dir="$1" content_type="$2" cache_control="$3" expected="$4" uploaded
  uploaded="$(az storage blob upload-batch \
    --account-name "$account" \
    --auth-mode login \
    --destination "$web_container" \
    --source "$dir" \
    --overwrite \
    --content-type "$content_type" \
    --content-cache-control "$cache_control" \
    --no-progress \
    --query 'length(@)' \
    --output tsv)" || return 1
  if [[ "$uploaded" != "$expected" ]]; then
    log "az uploaded ${uploaded:-0} of $expected files from $(basename "$dir")/"
    return 1
  fi
}

# Assets and config.js first, the HTML pages last, so a page never references a file that
# is not there yet.
upload_order=()
for properties in "$groups_dir"/*.properties; do
  group="$(basename "$properties" .properties)"
  if [[ "$group" != html ]]; then
    upload_order+=("$group")
  fi
done
if [[ -f "$groups_dir/html.properties" ]]; then
  upload_order+=(html)
fi

for group in "${upload_order[@]}"; do
  group_dir="$groups_dir/$group"
  { IFS= read -r content_type && IFS= read -r cache_control; } <"$groups_dir/$group.properties"
  expected="$(find "$group_dir" -type f | wc -l | tr -d '[:space:]')"
  retry "upload the $group files" upload_group "$group_dir" "$content_type" "$cache_control" "$expected" \
    || die "Could not upload the $group files to '$web_container' on '$account'. Check that the signed-in az account has Storage Blob Data Contributor on it."
  log "Uploaded $expected $group file(s): Content-Type '$content_type', Cache-Control '$cache_control'"
done

if [[ -n "$web_endpoint" ]]; then
  log "Front end published: $web_endpoint (API: $api_base)"
else
  log "Front end published to '$web_container' on '$account' (API: $api_base)"
fi
