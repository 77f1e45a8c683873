#!/usr/bin/env bash
# Build the course book (strict: warnings are errors) and the files of its Downloads page.
# The learner edition (no answer keys or facilitator notes) goes to _build/html; with
# --facilitator, the facilitator edition (everything) also goes to _build/facilitator/html.
# With --serve, serve the edition just built on http://127.0.0.1:8000/.
# Usage: scripts/build.sh [--facilitator] [--serve] [--port N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh" book
SERVE=0; PORT=8000; FACILITATOR=0
while [ $# -gt 0 ]; do
  case "$1" in
    --serve) SERVE=1 ;;
    --port) PORT="$2"; shift ;;
    --facilitator) FACILITATOR=1 ;;
    *) echo "unknown option: $1 (use --facilitator, --serve, --port N)" >&2; exit 2 ;;
  esac
  shift
done
compact-course check
compact-course generate --check
compact-course notebooks --check
# The learner edition always: it is the default and what the SCORM package holds. Start clean:
# Sphinx keeps pages of earlier builds, and no facilitator page may stay in it.
rm -rf _build/html
jupyter-book build . -W -n --keep-going --all
# The downloads (SCORM package, offline zip) are made from the built pages, so they come after.
compact-course downloads --html _build/html --edition learner
SITE=_build/html
if [ "$FACILITATOR" = 1 ]; then
  # jupyter-book writes to <path-output>/_build/html; move it to _build/facilitator/html.
  rm -rf _build/facilitator/html _build/facilitator/_build/html
  jupyter-book build . -W -n --keep-going --all --toc _toc-facilitator.yml --path-output _build/facilitator
  mv _build/facilitator/_build/html _build/facilitator/html
  compact-course downloads --html _build/facilitator/html --edition facilitator --learner-html _build/html
  SITE=_build/facilitator/html
fi
echo "Built: $PWD/$SITE/index.html"
if [ "$SERVE" = 1 ]; then
  echo "Serving on http://127.0.0.1:$PORT/ (Ctrl+C to stop)"
  python -m http.server --bind 127.0.0.1 --directory "$SITE" "$PORT"
fi
