#!/usr/bin/env bash
# Run the whole test suite: data checks, drift checks, unit tests, strict nbval over every
# notebook, the strict book build and the real-browser tests. Installs what the tests need.
# Extra arguments go to pytest (e.g. scripts/test.sh -k quiz).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh" test
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm ci --no-audit --no-fund --silent
fi
compact-course check
compact-course generate --check
compact-course notebooks --check
python -m pytest -p no:cacheprovider --nbval tests book "$@"
