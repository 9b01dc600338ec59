#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs the repo's own dependencies (npm ci for
# Azurite, NuGet restore, Debian chromium when missing), checks formatting, builds with warnings as errors, runs every test
# project (the integration tests start and stop their own Azurite), and lints the Bicep.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== Chromium for the browser tests (Debian package)"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing: install it (sudo apt-get install chromium) and run again" >&2
    exit 1
  fi
fi

echo "== npm ci (Azurite)"
npm ci --no-audit --no-fund --loglevel=error

echo "== restore and build"
dotnet restore HealthFunctions.sln
dotnet build HealthFunctions.sln --no-restore -c Release

echo "== dotnet format (verify)"
dotnet format HealthFunctions.sln --no-restore --verify-no-changes

echo "== tests"
dotnet test --solution HealthFunctions.sln --no-build -c Release

echo "== infra lint (Bicep)"
bash scripts/infra/lint.sh
