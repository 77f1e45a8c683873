#!/usr/bin/env bash
# Run the whole test suite: lint and types, the script's unit tests, data and drift checks, unit
# tests, strict nbval over every notebook, the strict book build and the real-browser tests.
# Installs what the tests need (Python extras, Debian's chromium, npm packages).
#   scripts/test.sh            everything (what CI runs)
#   scripts/test.sh --fast     lint, types, the script's tests, data checks and Python unit tests
#                              (no notebooks, no book build, no browser, no virtualenv-making
#                              tests): under a minute with a warm .venv
# Further arguments go to pytest (e.g. scripts/test.sh -k quiz).
set -euo pipefail
FAST=0
if [ "${1:-}" = "--fast" ]; then FAST=1; shift; fi
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh" test
if [ "$FAST" = 0 ] && [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --silent
fi
echo "== lint, format, types, import contracts"
ruff check src tests scripts
ruff format --check src tests scripts
mypy
lint-imports --no-cache
echo "== the quiz script: bundle drift and unit tests"
npm test --silent
echo "== course data (incl. item-writing rules), a naive guesser, generated files"
compact-course check
python scripts/guess_benchmark.py
compact-course generate --check
compact-course notebooks --check
compact-course readability --check
echo "== pytest"
if [ "$FAST" = 1 ]; then
  python -m pytest -p no:cacheprovider -n auto -m "not book and not browser and not slow" tests "$@"
else
  python -m pytest -p no:cacheprovider --nbval tests book "$@"
  echo "== page weight and build times beside the stock theme; fails above the budgets"
  python scripts/benchmark.py
fi
