#!/usr/bin/env bash
# Debian packages the project needs beyond Node: headless Chromium for the report's browser test.
# Runs as part of `npm install` (postinstall) and in CI; skips quietly where it cannot install.
set -u
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "twolevel: chromium not found; the report's browser test will be skipped (install Debian's 'chromium' to enable it)." >&2
  exit 0
fi
apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
  || echo "twolevel: could not install chromium; the report's browser test will be skipped." >&2
exit 0
