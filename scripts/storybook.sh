#!/usr/bin/env bash
# Installs what is missing and serves Storybook on http://127.0.0.1:6006
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export STORYBOOK_DISABLE_TELEMETRY=1
exec pnpm storybook
