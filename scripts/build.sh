#!/usr/bin/env bash
# Build the course book (strict: warnings are errors); with --serve, serve it on http://127.0.0.1:8000/.
# Usage: scripts/build.sh [--serve] [--port N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh" book
SERVE=0; PORT=8000
while [ $# -gt 0 ]; do
  case "$1" in
    --serve) SERVE=1 ;;
    --port) PORT="$2"; shift ;;
    *) echo "unknown option: $1 (use --serve, --port N)" >&2; exit 2 ;;
  esac
  shift
done
compact-course check
compact-course generate --check
compact-course notebooks --check
jupyter-book build . -W -n --keep-going --all
echo "Built: $PWD/_build/html/index.html"
if [ "$SERVE" = 1 ]; then
  echo "Serving on http://127.0.0.1:$PORT/ (Ctrl+C to stop)"
  python -m http.server --bind 127.0.0.1 --directory _build/html "$PORT"
fi
