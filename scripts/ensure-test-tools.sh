#!/usr/bin/env bash
# The tests print real PDFs with Chromium and read them back with poppler, and run the language server
# in a real Neovim (test/editors/). Install them when missing (Debian packages; needs root, as on CI and
# the project's machines). Never skip tests instead.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "The tests need: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}) and run again." >&2
  exit 1
fi
echo "Installing ${missing[*]} for the print and editor tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
