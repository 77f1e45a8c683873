"""The course offline after one visit (issue 28): the learner edition's service worker.

A Sphinx extension, set up by ``sphinx_ext``. After the build it lists what a learner's browser
needs to read the whole learner edition with no network (every page, the files the pages load,
the files the course's scripts load by name, the search index) and writes the service worker
``compact-offline.js`` at the site's root (a worker controls only the folder it is served from)
with that list and a version made from the files' contents, so a new build replaces the old
cache in one piece. The worker's code is ``static/src/offline-sw.js``; the page registers it
(``static/src/offline.js``) after the page has loaded, never on file://, in a learning platform's
frame or in the SCORM package (``export.scorm_files`` leaves the worker out).

The facilitator edition gets no worker: it is for a room with a projector, not a train.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from posixpath import normpath

STATIC = Path(__file__).resolve().parents[1] / "static"
WORKER = "compact-offline.js"
WORKER_SOURCE = STATIC / "src" / "offline-sw.js"
# Loaded by the course's scripts by name (static/src/load.js), not referenced by a page: the
# self-assessment and My progress, and the presenter with its poll data ("Present this lesson"
# on every lesson). The SCORM launch page's script is not: the package never registers the worker.
LOADED_BY_NAME = ("_static/compact-pages.js", "_static/compact-present.js", "_static/compact-poll-data.js")
# Never cached: the Downloads page's files, page sources, build bookkeeping, template macros.
EXCLUDED_DIRS = ("_sources/", "downloads/", "_static/src/", "_static/locales/")
EXCLUDED_NAMES = ("webpack-macros.html", "sbt-webpack-macros.html", ".buildinfo", "objects.inv", WORKER)
LIMIT_BYTES = 5_000_000  # the ceiling; the build fails rather than ship more
REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"'#?]+)""", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')#?]+)""")


def _excluded(relative: str) -> bool:
    return relative.startswith(EXCLUDED_DIRS) or relative.rsplit("/", 1)[-1] in EXCLUDED_NAMES


def _referenced(outdir: Path, relative: str, text: str, pattern: re.Pattern[str]) -> set[str]:
    folder = relative.rsplit("/", 1)[0] if "/" in relative else ""
    found = set()
    for target in pattern.findall(text):
        if "://" in target or target.startswith(("//", "data:", "mailto:", "javascript:")):
            continue
        path = normpath(target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/"))
        if not path.startswith("..") and (outdir / path).is_file() and not _excluded(path):
            found.add(path)
    return found


def offline_files(outdir: Path) -> list[str]:
    """Every file the learner edition needs offline, as POSIX paths from the site's root, sorted."""
    pages = [p.relative_to(outdir).as_posix() for p in outdir.rglob("*.html")]
    files = {page for page in pages if not page.startswith("_static/") and not _excluded(page)}
    for page in sorted(files):
        files |= _referenced(outdir, page, (outdir / page).read_text(encoding="utf-8"), REFERENCE)
    files |= {name for name in LOADED_BY_NAME if (outdir / name).is_file()}
    for sheet in sorted(f for f in files if f.endswith(".css")):
        files |= _referenced(outdir, sheet, (outdir / sheet).read_text(encoding="utf-8"), CSS_URL)
    return sorted(files)


def offline_manifest(outdir: Path) -> dict:
    """The worker's list: the files, their total size and a version digest of their contents."""
    files = offline_files(outdir)
    digest = hashlib.sha256(WORKER_SOURCE.read_bytes())
    size = 0
    for name in files:
        data = (outdir / name).read_bytes()
        size += len(data)
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    if size > LIMIT_BYTES:
        raise ValueError(f"{WORKER}: the offline copy would be {size:,} bytes, over {LIMIT_BYTES:,}")
    return {"version": digest.hexdigest()[:16], "bytes": size, "files": files}


def worker_script(manifest: dict) -> str:
    listing = json.dumps(manifest, separators=(",", ":"), sort_keys=True)
    return f"/* Built by compact_course.book.offline: do not edit. */\nself.COMPACT_OFFLINE = {listing};\n" + (
        WORKER_SOURCE.read_text(encoding="utf-8")
    )


def write_worker(outdir: Path) -> dict:
    manifest = offline_manifest(outdir)
    (outdir / WORKER).write_text(worker_script(manifest), encoding="utf-8")
    return manifest


def _finish(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from compact_course.book.sphinx_ext import FACILITATOR_INDEX

    outdir = Path(app.outdir)
    if FACILITATOR_INDEX in app.env.found_docs:
        (outdir / WORKER).unlink(missing_ok=True)
        return
    write_worker(outdir)


def setup(app):
    # After theme_assets (900): the stylesheet bundle and the wrapped scripts are final by then.
    app.connect("build-finished", _finish, priority=950)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
