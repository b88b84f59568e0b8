#!/usr/bin/env bash
# Installs what TradeKit's scripts need on a fresh machine: pnpm at the pinned version,
# Debian's chromium and a Chinese font when browser tests will run (WITH_CHROMIUM=1), and the workspace's
# packages.
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

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

if [ "${WITH_CHROMIUM:-0}" = 1 ] && [ -z "${CHROMIUM_PATH:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests"
  apt_install chromium
fi

# The story pictures (pnpm stories:shots) show Chinese text: without a Chinese font every character is a
# box. Their baselines were taken with WenQuanYi Zen Hei.
if [ "${WITH_CHROMIUM:-0}" = 1 ] && ! { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh)" ]; }; then
  echo "Installing a Chinese font (Debian's fonts-wqy-zenhei) for the story pictures"
  apt_install fontconfig fonts-wqy-zenhei
fi

pnpm install --frozen-lockfile
