#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through its ChromeDriver; no other test needs them.
# When this run includes a browser test and the two are missing, install them if this user may
# (root with apt-get); otherwise stop with one line saying what to install.
#
#   ensure-browser.sh <browser tests directory> [<it.test>]
#
# <browser tests directory> holds the browser tests (src/test/java/io/convot/it/browser); <it.test>
# is the run's selection (-Dit.test=AppsIT,Widget*IT,!SomeIT, as failsafe reads it), absent when
# every test runs.
set -euo pipefail

tests_dir=${1:?the browser tests directory}
selection=${2-}

# The browser test classes, as io/convot/it/browser/WidgetBrowserIT.
browser_tests() {
  local root=${tests_dir%/io/convot/it/browser}
  find "$tests_dir" -name '*IT.java' 2>/dev/null | sed -e "s|^$root/||" -e 's|\.java$||'
}

# Whether failsafe pattern $2 (AppsIT, *IT, io.convot.it.browser.*, **/browser/*IT, Foo#method)
# selects class $1. A %regex[...] pattern is taken to select everything: better an unneeded check.
matches() {
  local class=$1 pattern=${2%%#*}
  [[ $pattern == %regex* ]] && return 0
  pattern=${pattern%.java}
  pattern=${pattern%.class}
  [[ $pattern == */* ]] || pattern=${pattern//./\/}
  [[ $pattern == */* ]] || pattern="**/$pattern"
  # shellcheck disable=SC2053  # the right-hand side is a pattern on purpose
  [[ $class == $pattern || $class == ${pattern#\*\*/} ]]
}

# Whether the selection runs class $1: a pattern includes it (or there are only exclusions) and no
# exclusion of the whole class (a !Class#method exclusion leaves the class running) names it.
selected() {
  local class=$1 pattern included=0 positives=0
  local -a patterns
  IFS=',' read -ra patterns <<<"$selection"
  for pattern in "${patterns[@]}"; do
    pattern=${pattern//[[:space:]]/}
    [[ -n $pattern ]] || continue
    if [[ $pattern == '!'* ]]; then
      pattern=${pattern#!}
      [[ $pattern == *#* ]] && continue
      matches "$class" "$pattern" && return 1
    else
      positives=1
      matches "$class" "$pattern" && included=1
    fi
  done
  (( included || !positives ))
}

if [[ -n ${selection//[[:space:],]/} ]]; then
  needed=0
  while read -r class; do
    [[ -n $class ]] && selected "$class" && needed=1
  done < <(browser_tests)
  if (( !needed )); then
    echo "No browser test in this run (-Dit.test=$selection): Chromium is not needed"
    exit 0
  fi
fi

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
echo "The browser tests need Chromium and ChromeDriver: install the packages chromium and chromium-driver (e.g. sudo apt-get install chromium chromium-driver), or leave them out with -Dit.test='!WidgetBrowserIT'" >&2
exit 1
