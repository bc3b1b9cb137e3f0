#!/usr/bin/env bash
# Lints the gateway's public OpenAPI document with Redocly's CLI.
# The document is the one Quarkus writes at build time (quarkus.smallrye-openapi.store-schema-directory
# = gateway/target/openapi); if it is missing, the gateway is packaged first (tests skipped).
# Redocly runs through npx from the npm registry (cached under ~/.npm, nothing lands in the tree).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
doc="$root/gateway/target/openapi/openapi.yaml"
if [ ! -f "$doc" ]; then
  (cd "$root" && ./mvnw -B -q -pl gateway package -DskipTests)
fi
REDOCLY_VERSION=${REDOCLY_VERSION:-2.77.0}
cd "$root/gateway"
npx --yes "@redocly/cli@${REDOCLY_VERSION}" lint --config redocly.yaml "$doc"
