#!/usr/bin/env bash
# Installs what is missing and runs the whole suite; ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_CHROMIUM=1 bash scripts/setup.sh
export STORYBOOK_DISABLE_TELEMETRY=1
exec node scripts/verify.mjs
