#!/usr/bin/env bash
# Test-only browser tools from npm, never shipped with the app: axe-core, which the
# accessibility test injects into Chromium. Installed into .test-tools/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.14.1
package=.test-tools/node_modules/axe-core/package.json
if [ -f "$package" ] && grep -q "\"version\": \"$AXE_VERSION\"" "$package"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: the axe accessibility scan will be skipped (apt-get install npm)." >&2
  exit 0
fi
npm install --prefix .test-tools --no-audit --no-fund --silent "axe-core@$AXE_VERSION"
