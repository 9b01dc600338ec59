#!/usr/bin/env bash
# Runs the blog locally: Azurite (in memory, default ports 10000-10002) and the Functions app.
# With Azure Functions Core Tools on PATH it runs `func start` in src/HealthFunctions; without
# them it runs src/HealthFunctions.LocalHost, which hosts the same function classes on plain
# ASP.NET Core at http://127.0.0.1:7071 (API under /api; at / the static site from $web, then web/ for config.js and the theme's files).
# Ctrl+C (or SIGTERM) stops the app and the Azurite this script started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ ! -d node_modules ]]; then
  echo "== npm ci (Azurite)"
  npm ci --no-audit --no-fund --loglevel=error
fi

listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

azurite_pid=""
app_pid=""
stop() {
  local pid
  for pid in "$app_pid" "$azurite_pid"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [[ -n "$azurite_pid" ]]; then echo "== stopped Azurite"; fi
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if listening 10000; then
  echo "== something already listens on 127.0.0.1:10000; using it as Azurite"
else
  echo "== starting Azurite (in memory) on 127.0.0.1:10000-10002"
  node_modules/.bin/azurite --silent --inMemoryPersistence --skipApiVersionCheck --loose --disableTelemetry \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do
    if listening 10000 && listening 10002; then break; fi
    if ! kill -0 "$azurite_pid" 2>/dev/null; then echo "Azurite exited before it listened" >&2; exit 1; fi
    sleep 0.2
  done
  listening 10000 || { echo "Azurite did not listen on 10000 within 20 s" >&2; exit 1; }
fi

if command -v func >/dev/null 2>&1; then
  cd "$root/src/HealthFunctions"
  if [[ ! -f local.settings.json ]]; then
    cp local.settings.example.json local.settings.json
    echo "== created src/HealthFunctions/local.settings.json from local.settings.example.json"
  fi
  echo "== func start"
  func start &
  app_pid=$!
else
  echo "== 'func' is not on PATH: running src/HealthFunctions.LocalHost (same function classes) on http://127.0.0.1:7071"
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  dotnet run --project "$root/src/HealthFunctions.LocalHost" -- --urls "${LOCALHOST_URLS:-http://127.0.0.1:7071}" &
  app_pid=$!
fi
# Waiting in the background lets Ctrl+C and `kill` reach the traps above at once.
wait "$app_pid"
