#!/usr/bin/env bash
# Builds and lints the Bicep templates under infra/ with the Bicep CLI shipped in the
# NuGet package Azure.Bicep.CommandLine.linux-x64 (restored by tools/bicep/BicepCli.csproj).
# Needs only the .NET SDK and a NuGet feed: no Azure login, no az CLI, no other download.
#
# Fails on any diagnostic at all. `bicep lint` exits 0 when it only finds warnings, so
# the script treats every line Bicep writes to stderr as a failure.
#
# Usage: bash scripts/infra/lint.sh
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

bicep_project="tools/bicep/BicepCli.csproj"
package_id="azure.bicep.commandline.linux-x64"
# The version lives in one place: the PackageDownload item of the tools project.
bicep_version="$(sed -n 's/.*Include="Azure\.Bicep\.CommandLine\.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$bicep_project")"
if [[ -z "$bicep_version" ]]; then
  echo "lint: could not read the Bicep version from $bicep_project" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "lint: restoring Bicep CLI $bicep_version ($bicep_project)"
dotnet restore "$bicep_project" --nologo --verbosity quiet

# The NuGet global packages folder: NUGET_PACKAGES when set, else what NuGet reports
# (honours a globalPackagesFolder in NuGet.Config), else the default ~/.nuget/packages.
packages_root="${NUGET_PACKAGES:-}"
if [[ -z "$packages_root" ]]; then
  packages_root="$(dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: *//p' | head -n 1)"
fi
packages_root="${packages_root:-${HOME:-~}/.nuget/packages}"
packages_root="${packages_root%/}"
bicep="$packages_root/$package_id/$bicep_version/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "lint: bicep binary not found at $bicep" >&2
  exit 1
fi
chmod +x "$bicep"
echo "lint: using $("$bicep" --version)"

diagnostics="$(mktemp)"
trap 'rm -f "$diagnostics"' EXIT
failed=0

# run_step LABEL COMMAND...: runs COMMAND, discards its stdout, fails on a non-zero
# exit code or on any non-blank line written to stderr (errors, warnings, infos).
run_step() {
  local label="$1"
  shift
  echo "lint: $label"
  local rc=0
  "$@" >/dev/null 2>"$diagnostics" || rc=$?
  if [[ "$rc" -ne 0 ]] || grep -q '[^[:space:]]' "$diagnostics"; then
    cat "$diagnostics" >&2
    echo "lint: '$label' reported problems (exit code $rc)" >&2
    failed=1
  fi
}

# --no-restore everywhere: infra/ references no registry modules, and without it Bicep
# still tries to download the public module index on every build and lint.
run_step "bicep build infra/main.bicep" "$bicep" build --no-restore infra/main.bicep --stdout
run_step "bicep lint infra/main.bicep" "$bicep" lint --no-restore infra/main.bicep
# Also lint every .bicep file on its own, in case one is not (yet) referenced from main.bicep.
run_step "bicep lint infra/**/*.bicep" "$bicep" lint --no-restore --pattern 'infra/**/*.bicep'

if [[ "$failed" -ne 0 ]]; then
  echo "lint: FAILED" >&2
  exit 1
fi
echo "lint: OK (0 errors, 0 warnings)"
