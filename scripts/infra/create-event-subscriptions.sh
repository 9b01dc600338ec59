#!/usr/bin/env bash
# azd postdeploy hook: points the storage account's Event Grid system topic at the app.
#
# Flex Consumption has no polling blob trigger, so blob events are pushed:
#   1. BlobCreated under posts/ -> the Functions blobs extension webhook, which runs the
#      Event Grid-sourced blob trigger PublishOnBlobEvent
#      (https://<host>/runtime/webhooks/blobs?functionName=Host.Functions.PublishOnBlobEvent&code=<blobs_extension system key>)
#   2. BlobDeleted under posts/ -> the app's own HTTP function BlobDeletedWebhook
#      (https://<host>/api/events/blob-deleted?code=<function key>)
#
# Both URLs carry keys that exist only after the code has been deployed and the host
# has started, hence a postdeploy hook rather than Bicep. Event Grid validates each
# webhook when a subscription is created or its endpoint changes; the app answers the
# validation handshake itself.
#
# Idempotent: existing subscriptions are updated in place (keys may have rotated).
# The keys are never printed.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$script_dir/common.sh"

require_command az "Install the Azure CLI and run 'az login'."

resource_group="$(require_value AZURE_RESOURCE_GROUP)"
app_name="$(require_value AZURE_FUNCTION_APP_NAME)"
system_topic="$(require_value AZURE_EVENTGRID_SYSTEM_TOPIC_NAME)"
posts_container="$(azd_value AZURE_STORAGE_POSTS_CONTAINER posts)"

publish_function="$(azd_value PUBLISH_EVENT_FUNCTION_NAME PublishOnBlobEvent)"
delete_function="$(azd_value DELETE_WEBHOOK_FUNCTION_NAME BlobDeletedWebhook)"
delete_route="$(azd_value DELETE_WEBHOOK_ROUTE api/events/blob-deleted)"

created_subscription="$(azd_value EVENTGRID_CREATED_SUBSCRIPTION_NAME posts-blob-created)"
deleted_subscription="$(azd_value EVENTGRID_DELETED_SUBSCRIPTION_NAME posts-blob-deleted)"

subject_prefix="/blobServices/default/containers/${posts_container}/"

# How long to wait for the freshly deployed host to come up and create its keys.
max_attempts="$(azd_value EVENTGRID_HOOK_MAX_ATTEMPTS 20)"
retry_seconds="$(azd_value EVENTGRID_HOOK_RETRY_SECONDS 15)"

host_name="$(az functionapp show --resource-group "$resource_group" --name "$app_name" \
  --query defaultHostName --output tsv)"
[[ -n "$host_name" ]] || die "Could not read the default host name of '$app_name'."
base_url="https://${host_name}"

# Wake the app so the host starts and writes its keys (a cold Flex app has no instance).
wake_app() {
  if command -v curl >/dev/null 2>&1; then
    curl --silent --output /dev/null --max-time 30 "$base_url/" || true
  fi
}

# retry_for_value DESCRIPTION ATTEMPTS COMMAND...: runs COMMAND until it prints a value.
retry_for_value() {
  local description="$1" attempts="$2"
  shift 2
  local attempt=1 value=""
  while (( attempt <= attempts )); do
    value="$("$@" 2>/dev/null || true)"
    if [[ -n "$value" && "$value" != "None" && "$value" != "null" ]]; then
      printf '%s' "$value"
      return 0
    fi
    log "Waiting for $description (attempt $attempt/$attempts)"
    wake_app
    sleep "$retry_seconds"
    attempt=$((attempt + 1))
  done
  return 1
}

blobs_extension_key() {
  az functionapp keys list --resource-group "$resource_group" --name "$app_name" \
    --query "systemKeys.blobs_extension" --output tsv
}

delete_function_key() {
  az functionapp function keys list --resource-group "$resource_group" --name "$app_name" \
    --function-name "$delete_function" --query "default" --output tsv
}

host_default_key() {
  az functionapp keys list --resource-group "$resource_group" --name "$app_name" \
    --query "functionKeys.default" --output tsv
}

log "Reading keys of '$app_name' (the host may need a minute to start after deployment)"
wake_app

blobs_key="$(retry_for_value "the blobs_extension system key" "$max_attempts" blobs_extension_key)" \
  || die "The host of '$app_name' never created the blobs_extension key. Is ${publish_function} deployed with Source = BlobTriggerSource.EventGrid? Check the app's logs in Application Insights."

# The host is up by now, so a missing function key most likely means another function name.
delete_key="$(retry_for_value "a function key for ${delete_function}" 3 delete_function_key)" || {
  log "No function key for ${delete_function}; falling back to the host default key"
  delete_key="$(retry_for_value "the host default key" 3 host_default_key)" \
    || die "Could not read any key to call ${delete_function}."
}

# upsert_subscription NAME EVENT_TYPE ENDPOINT
upsert_subscription() {
  local name="$1" event_type="$2" endpoint="$3"
  local common_args=(
    --resource-group "$resource_group"
    --system-topic-name "$system_topic"
    --name "$name"
  )
  local settings_args=(
    --endpoint-type webhook
    --endpoint "$endpoint"
    --included-event-types "$event_type"
    --subject-begins-with "$subject_prefix"
  )
  local verb=create
  if az eventgrid system-topic event-subscription show "${common_args[@]}" --output none 2>/dev/null; then
    verb=update
  fi

  local attempt=1
  # Creating or re-pointing a webhook subscription makes Event Grid validate the endpoint;
  # that can fail while the app is still cold, so retry a few times.
  until az eventgrid system-topic event-subscription "$verb" "${common_args[@]}" "${settings_args[@]}" --output none; do
    if (( attempt >= 5 )); then
      die "Could not ${verb} event subscription '$name' on '$system_topic'."
    fi
    log "Could not ${verb} '$name' yet (endpoint validation needs a running app); retrying in ${retry_seconds}s"
    wake_app
    sleep "$retry_seconds"
    attempt=$((attempt + 1))
  done
  log "Event subscription '$name' ${verb}d: ${event_type} under ${subject_prefix}"
}

upsert_subscription "$created_subscription" "Microsoft.Storage.BlobCreated" \
  "${base_url}/runtime/webhooks/blobs?functionName=Host.Functions.${publish_function}&code=${blobs_key}"

upsert_subscription "$deleted_subscription" "Microsoft.Storage.BlobDeleted" \
  "${base_url}/${delete_route}?code=${delete_key}"

log "Blob events of container '${posts_container}' now reach ${base_url}"
