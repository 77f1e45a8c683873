#!/usr/bin/env bash
# Shared set-up for build.sh and test.sh: a project virtualenv with the package installed, at the
# exact versions in constraints.txt (the stored notebook outputs depend on them).
# Usage: source scripts/setup-env.sh EXTRA   (EXTRA is "book", "test" or "dev")
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXTRA="${1:-book}"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$ROOT/.venv/bin/python" ]; then
  "$PYTHON" -m venv "$ROOT/.venv"
fi
"$ROOT/.venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  -c "$ROOT/constraints.txt" -e "$ROOT[$EXTRA]"
export PATH="$ROOT/.venv/bin:$PATH"
cd "$ROOT"
