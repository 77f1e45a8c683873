#!/usr/bin/env bash
# Shared set-up for build.sh and test.sh: a project virtualenv with the package installed, at the
# exact versions in constraints.txt (the stored notebook outputs depend on them).
# Usage: source scripts/setup-env.sh EXTRA   (EXTRA is "book", "test" or "dev")
# The install is skipped when a stamp says this extra (or one that includes it) was installed from
# the same pyproject.toml and constraints.txt, so a warm .venv costs nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXTRA="${1:-book}"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
STAMP_KEY="$(cat "$ROOT/pyproject.toml" "$ROOT/constraints.txt" | sha256sum | cut -c1-16)"
if [ "$(cat "$VENV/.installed-$EXTRA" 2>/dev/null)" != "$STAMP_KEY" ]; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -c "$ROOT/constraints.txt" -e "$ROOT[$EXTRA]"
  # What each extra brings with it (pyproject.toml): installing "test" also installs "book" etc.
  case "$EXTRA" in
    dev) INCLUDED="dev test book lint pdf" ;;
    test) INCLUDED="test book lint pdf" ;;
    pdf) INCLUDED="pdf book" ;;
    *) INCLUDED="$EXTRA" ;;
  esac
  for extra in $INCLUDED; do echo "$STAMP_KEY" > "$VENV/.installed-$extra"; done
fi
export PATH="$VENV/bin:$PATH"
cd "$ROOT"
