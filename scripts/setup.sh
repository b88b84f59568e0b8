#!/usr/bin/env bash
# Installs what TradeKit's scripts need on a fresh machine: pnpm at the pinned version,
# Debian's chromium when browser tests will run (WITH_CHROMIUM=1), and the workspace's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root for: $*" >&2
    return 1
  fi
}

if ! command -v pnpm >/dev/null || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION"
  as_root npm install -g "pnpm@$PNPM_VERSION" --no-fund --no-audit
fi

if [ "${WITH_CHROMIUM:-0}" = 1 ] && [ -z "${CHROMIUM_PATH:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

pnpm install --frozen-lockfile
