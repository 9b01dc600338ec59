# Shared helpers for the azd hook scripts in scripts/infra/. Source it; do not run it.
# shellcheck shell=bash

log() {
  printf '[%s] %s\n' "$(basename "$0")" "$*" >&2
}

die() {
  log "ERROR: $*"
  exit 1
}

require_command() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not on PATH. $2"
}

# azd_value NAME [DEFAULT]: the value of an azd environment value. azd exports them to
# hook processes as environment variables; when a script is run by hand, fall back to
# `azd env get-value`.
azd_value() {
  local name="$1"
  local default="${2-}"
  local value="${!name-}"
  if [[ -z "$value" ]] && command -v azd >/dev/null 2>&1; then
    value="$(azd env get-value "$name" 2>/dev/null || true)"
  fi
  if [[ -z "$value" ]]; then
    value="$default"
  fi
  printf '%s' "$value"
}

# require_value NAME: like azd_value, but fails when there is no value.
require_value() {
  local value
  value="$(azd_value "$1")"
  [[ -n "$value" ]] || die "$1 is not set. Run 'azd provision' first (or 'azd env get-values' to check)."
  printf '%s' "$value"
}
