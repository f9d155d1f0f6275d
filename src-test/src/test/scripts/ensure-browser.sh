#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through its ChromeDriver. Install both when missing and
# this user may (root with apt-get); otherwise stop with one line saying what to install.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "Chromium and ChromeDriver are installed"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium and ChromeDriver for the browser tests (Debian packages chromium, chromium-driver)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium chromium-driver >/dev/null
  exit 0
fi
echo "The browser tests need Chromium and ChromeDriver: install the packages chromium and chromium-driver (e.g. sudo apt-get install chromium chromium-driver), or skip them with -Dit.test='!WidgetBrowserIT'" >&2
exit 1
