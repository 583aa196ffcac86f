#!/usr/bin/env bash
# Installs what the browser test (test/dashboard-browser.e2e-spec.ts) needs when it is missing: Debian's
# `chromium` (driven by playwright-core, which downloads no browser of its own) and a CJK font, without
# which every Chinese label of /dashboard renders as boxes in the screenshot. Run by `npm test` before jest;
# a no-op once both are there. CHROMIUM_PATH points the test at another Chromium (and skips its install).
set -euo pipefail

packages=()
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || packages+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh-cn family 2>/dev/null)" ]; then
  packages+=(fonts-noto-cjk)
fi
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "ensure-chromium: missing ${packages[*]}; install them as root (apt-get install -y ${packages[*]})" >&2
  exit 1
fi

echo "ensure-chromium: installing ${packages[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
