#!/usr/bin/env bash
# Validates the AsyncAPI document of the topics with the AsyncAPI CLI (npm @asyncapi/cli):
#  1. the source, contracts/src/main/resources/asyncapi/balloon.asyncapi.yaml (its $refs to the
#     JSON Schemas in contracts/src/main/resources/schemas resolved by the CLI);
#  2. the self-contained document the gateway serves at /q/asyncapi, as the gateway's
#     AsyncApiServedIT wrote it to gateway/target/asyncapi/asyncapi.yaml (when the tests ran).
# The CLI is installed on first use under .ci/tools/asyncapi (git-ignored; npm from apt when
# missing); nothing goes to the home directory: its analytics file lives there too, disabled.
# Exits non-zero on any error-severity finding.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ASYNCAPI_CLI_VERSION=${ASYNCAPI_CLI_VERSION:-4.1.1}   # 5.x and 6.x need Node 24; Debian 12 ships Node 18/20
tools=${BALLOON_ASYNCAPI_TOOLS:-$root/.ci/tools/asyncapi}
cli=$tools/node_modules/.bin/asyncapi

if [ ! -x "$cli" ] || ! grep -q "\"version\": \"$ASYNCAPI_CLI_VERSION\"" "$tools/node_modules/@asyncapi/cli/package.json" 2>/dev/null; then
  if ! command -v npm >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || { echo "npm is missing and I am not root to apt-get install it" >&2; exit 1; }
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
  echo "installing @asyncapi/cli@$ASYNCAPI_CLI_VERSION under $tools"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "@asyncapi/cli@$ASYNCAPI_CLI_VERSION" >/dev/null
fi
echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"balloon-ci"}' > "$tools/analytics.json"
export ASYNCAPI_METRICS_CONFIG_PATH=$tools/analytics.json CI=true

docs=("$root/contracts/src/main/resources/asyncapi/balloon.asyncapi.yaml")
served="$root/gateway/target/asyncapi/asyncapi.yaml"
if [ -f "$served" ]; then docs+=("$served"); else echo "note: $served not there (the gateway's tests did not run): source only"; fi
for doc in "${docs[@]}"; do
  echo "== asyncapi validate ${doc#$root/}"
  "$cli" validate "$doc" --fail-severity error
done
