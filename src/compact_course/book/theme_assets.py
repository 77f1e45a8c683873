"""Light pages (issue 16): what the theme ships to each page, trimmed and bundled.

A Sphinx extension, set up by ``sphinx_ext``. On each page it
- drops the assets of extensions that nothing on the page uses (togglebutton, copybutton,
  sphinx-design tabs and styles, Thebe), keeping them only where the page's HTML needs them;
- replaces the page's own stylesheets (screen ones, from ``_static``) by one bundle, so a first
  visit makes a few requests instead of a dozen;
- gives the templates ``compact_theme_digest`` for the theme script's cache-busting query;
- makes the page's table boxes and code blocks, which scroll sideways on a narrow screen, named
  regions (``scroll_regions``).
After the build it writes the bundle (the theme's CSS with the rules no page or script can
match purged, see ``css_purge``), wraps the theme's scripts so that refused or full browser
storage raises no page error, and removes what the site must not carry: source maps, Font
Awesome's script and fonts (the templates draw inline SVG icons instead).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from importlib import metadata
from pathlib import Path

from compact_course.book.css_match import Pages, created_tags, selector_matches
from compact_course.book.css_purge import purge, script_classes, used_words
from compact_course.book.scroll_regions import name_scroll_regions
from compact_course.book.strict_pages import column_rules

STATIC = Path(__file__).resolve().parents[1] / "static"
# One bundle a page type, named by its inputs' digest, so caches never mix versions (issue 30).
BUNDLE = "compact-bundle-{kind}.{digest}.css"
BUNDLE_LINK = re.compile(r'href="[^"]*_static/compact-bundle-([a-z]+)\.[0-9a-f]+\.css"')
# Page types by the folder of their document; every other page is a "page".
PAGE_KINDS = (("lessons", "lesson"), ("facilitator", "facilitator"))
DEFAULT_KIND = "page"
# Loaded by the theme's own template before every other stylesheet (its webpack macro).
THEME_CSS = ("basic.css", "styles/pydata-sphinx-theme.css")
# The course's own files: scripts whose every string may be a class name (they build markup).
OWN_PREFIX = "compact-"
# Extension assets, each kept only on pages whose HTML contains the marker.
OPTIONAL_ASSETS = {
    "togglebutton": ('class="toggle', "admonition dropdown"),
    "copybutton": ('class="highlight',),
    "clipboard.min.js": ('class="highlight',),
    "sphinx-design": ('class="sd-',),
    "design-tabs": ('class="sd-tab',),
}
INLINE_SCRIPT_OWNERS = {
    "toggleHint": "togglebutton",
    "togglebuttonSelector": "togglebutton",
    "toggleOpenOnPrint": "togglebutton",
}
# Theme scripts that touch localStorage or sessionStorage, run with guarded stand-ins, and the
# globals each must still define for the scripts that use them (searchindex.js calls Search).
STORAGE_GUARDED = {
    "scripts/pydata-sphinx-theme.js": (),
    "sphinx_highlight.js": ("SPHINX_HIGHLIGHT_ENABLED", "_highlight", "_highlightText", "SphinxHighlight"),
    "searchtools.js": ("Search",),
}
STORAGE_GUARD_OPEN = "(function (localStorage, sessionStorage) {\n"
STORAGE_GUARD_CLOSE = (
    "\n})(...['localStorage', 'sessionStorage'].map(function (name) {\n"
    "  // Refused storage throws on access, full storage on write: the theme only loses a preference.\n"
    "  function call(method, args) { try { return window[name][method].apply(window[name], args); } catch (e) { return null; } }\n"
    "  return { getItem: function () { return call('getItem', arguments); }, setItem: function () { call('setItem', arguments); },\n"
    "    removeItem: function () { call('removeItem', arguments); } };\n"
    "}));\n"
)
REMOVED_FROM_SITE = ("scripts/fontawesome.js", "scripts/fontawesome.js.LICENSE.txt", "vendor/fontawesome")


def theme_digest(static: Path = STATIC) -> str:
    """A short digest of what the bundle and the wrapped scripts are made from."""
    digest = hashlib.sha256()
    for package in ("sphinx", "pydata-sphinx-theme", "sphinx-book-theme", "myst-nb"):
        digest.update(f"{package}={metadata.version(package)};".encode())
    for path in (
        sorted(static.glob("compact-*.css"))
        + [Path(__file__)]
        + [Path(__file__).with_name(name) for name in ("css_purge.py", "css_match.py")]
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _filename(asset) -> str:
    return str(getattr(asset, "filename", "") or "")


def _is_local(filename: str) -> bool:
    return bool(filename) and "://" not in filename and not filename.startswith("//")


def _needed(asset, body: str) -> bool:
    filename = _filename(asset)
    if "thebe" in filename.lower():
        return False
    inline = str(getattr(asset, "attributes", {}).get("body", ""))
    if "THEBE_JS_URL" in inline:
        return False
    owners = [owner for marker, owner in INLINE_SCRIPT_OWNERS.items() if marker in inline]
    owners += [name for name in OPTIONAL_ASSETS if name in filename]
    return all(any(marker in body for marker in OPTIONAL_ASSETS[owner]) for owner in owners)


def _media(asset) -> str:
    return str(getattr(asset, "attributes", {}).get("media", "all") or "all")


def _bundled(asset) -> bool:
    filename = _filename(asset)
    optional = any(name in filename for name in OPTIONAL_ASSETS)
    return _is_local(filename) and not optional and set(getattr(asset, "attributes", {})) <= {"media", "rel", "type"}


def _region_names(app):
    from compact_course.core.course import cached_course

    return cached_course(str(app.srcdir)).accessibility.region_names


def _trim_page(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = name_scroll_regions(str(context["body"]), _region_names(app))
    body = str(context.get("body", ""))
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if _needed(s, body)]
    if "css_files" not in context:
        return
    css = [c for c in context["css_files"] if _needed(c, body)]
    sources = [(_filename(c), _media(c)) for c in css if _bundled(c)]
    recorded = app.builder.__dict__.setdefault("compact_bundle_sources", sources)
    if sources and sources == recorded:
        from sphinx.builders.html._assets import _CascadingStyleSheet

        name = BUNDLE.format(kind=page_kind(pagename), digest=app.config.compact_theme_digest)
        bundle = _CascadingStyleSheet("_static/" + name)
        css = [bundle] + [c for c in css if not _bundled(c)]
    context["css_files"] = css
    context["compact_theme_digest"] = app.config.compact_theme_digest


def _static_name(filename: str) -> str:
    return filename.split("?", 1)[0].removeprefix("_static/")


def page_kind(pagename: str) -> str:
    """The stylesheet a page links (issue 30): its type's own bundle, purged against that type's pages."""
    return next((kind for folder, kind in PAGE_KINDS if f"/{folder}/" in f"/{pagename}"), DEFAULT_KIND)


def bundle_text(static: Path, sources: list[tuple[str, str]], pages: list[str], extra: str = "") -> str:
    """One page type's bundle: the theme's CSS then the pages' stylesheets in their order, each
    purged to the rules that ``pages`` use or their scripts can make them use (``css_purge``,
    ``css_match``) and kept to its media (a print stylesheet becomes an ``@media print`` block),
    then ``extra`` (rules made by the build, such as the table columns' widths), purged alike."""
    scripts = page_scripts(static, pages)
    own = [p.read_text(encoding="utf-8") for p in scripts if p.name.startswith(OWN_PREFIX)]
    theme = [p.read_text(encoding="utf-8") for p in scripts if not p.name.startswith(OWN_PREFIX)]
    words, classes = used_words(pages, own, theme), script_classes(own, theme)
    if not any(setting in text for text in pages + own + theme for setting in SWITCHER_SETTINGS):  # never runs
        words = (words - SWITCHER_CLASSES) | (used_words(pages, []) & SWITCHER_CLASSES)
        classes -= SWITCHER_CLASSES
    tags, parsed = created_tags(own + theme), Pages(pages)

    def matches(selector: str) -> bool:
        return selector_matches(selector, parsed, classes, tags)

    parts = []
    for name, media in [(name, "all") for name in THEME_CSS] + [(_static_name(s), m) for s, m in sources]:
        path = static / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if path.parent != static:  # styles/…: its url()s are relative to that folder
            text = text.replace("url(../", "url(")
        text = purge(text, words, matches)
        if text.strip():
            parts.append(f"/* {name} */\n" + (text if media == "all" else f"@media {media} {{\n{text}\n}}"))
    if extra and (text := purge(extra, words, matches)).strip():
        parts.append("/* made by the build */\n" + text)
    return "\n".join(parts) + "\n"


def write_bundles(outdir: Path, sources: list[tuple[str, str]], digest: str, extra: str = "") -> dict[str, str]:
    """Write each page type's bundle, for the pages that link it; return {file name: text}."""
    static = outdir / "_static"
    kinds: dict[str, list[str]] = {}
    for path in sorted(outdir.rglob("*.html")):
        if "_static" not in path.parts:
            text = path.read_text(encoding="utf-8")
            if found := BUNDLE_LINK.search(text):
                kinds.setdefault(found.group(1), []).append(text)
    for old in static.glob(BUNDLE.format(kind="*", digest="*")):
        old.unlink()
    written = {}
    for kind, pages in sorted(kinds.items()):
        name = BUNDLE.format(kind=kind, digest=digest)
        written[name] = bundle_text(static, sources, pages, extra)
        (static / name).write_text(written[name], encoding="utf-8")
    return written


SCRIPT_SOURCE = re.compile(r'<script\b[^>]*\ssrc="([^"?#]+)')
# Scripts that hold data (text a script writes with textContent), not code that adds classes.
DATA_SCRIPTS = (
    "compact-manifest.js",
    "compact-poll-data.js",
    "compact-glossary-data.js",
    "searchindex.js",
    "language_data.js",
)


# Classes only the theme script's version switcher, version warning and announcement banner set:
# they run only where the book sets ``theme_switcher_json_url`` or an announcement (it does not).
SWITCHER_SETTINGS = ("theme_switcher_json_url =", "data-pst-announcement-url")
SWITCHER_CLASSES = frozenset(
    [
        "dropdown-item",
        "list-group-item",
        "list-group-item-action",
        "py-1",
        "bd-header-announcement__content",
        "ms-auto",
        "me-auto",
        "sidebar-message",
        "text-wrap",
        "font-weight-bold",
        "ms-3",
        "my-1",
        "align-baseline",
        "pst-button-link-to-stable-version",
        "fa-solid",
        "fa-xmark",
    ]
)
# The bundles compact-quiz.js loads by name, and the markup that makes it load each
# (static/src/main.js; the SCORM launch page has a stylesheet of its own).
LOADED_ON_DEMAND = {
    "compact-pages.js": ('id="cc-progress"', 'data-mode="exam"'),
    "compact-present.js": ('class="cc-present', 'id="cc-room-poll"', 'id="cc-plan-builder"'),
}


def page_scripts(static: Path, pages: list[str]) -> list[Path]:
    """The code that can add classes to a page: the scripts the pages load, and the course's
    bundles that the quiz script loads where a page has their markup (not the theme's scripts
    that no page loads, such as Bootstrap's, nor the data files)."""
    loaded = {src.rsplit("/", 1)[-1] for page in pages for src in SCRIPT_SOURCE.findall(page)}
    if "compact-quiz.js" in loaded:
        loaded.update(name for name, markers in LOADED_ON_DEMAND.items() if any(m in p for m in markers for p in pages))
    return [path for path in sorted(static.rglob("*.js")) if path.name in loaded and path.name not in DATA_SCRIPTS]


def guard_storage(path: Path, exported: tuple[str, ...] = ()) -> None:
    """Run a theme script with storage stand-ins that swallow SecurityError and QuotaExceededError."""
    text = path.read_text(encoding="utf-8")
    if text.startswith(STORAGE_GUARD_OPEN):
        return
    export = "".join(f"\nwindow.{name} = {name};" for name in exported)
    path.write_text(STORAGE_GUARD_OPEN + text + export + STORAGE_GUARD_CLOSE, encoding="utf-8")


def strip_source_maps(static: Path) -> None:
    for map_file in sorted(static.rglob("*.map")):
        map_file.unlink()
    for path in sorted(static.rglob("*")):
        if path.suffix in (".js", ".css") and path.is_file():
            text = path.read_text(encoding="utf-8")
            lines = [line for line in text.splitlines(keepends=True) if "sourceMappingURL=" not in line]
            if len(lines) != len(text.splitlines(keepends=True)):
                path.write_text("".join(lines), encoding="utf-8")


def _finish(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    static = outdir / "_static"
    for name in REMOVED_FROM_SITE:
        target = static / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    strip_source_maps(static)
    for name, exported in STORAGE_GUARDED.items():
        if (static / name).is_file():
            guard_storage(static / name, exported)
    sources = list(app.builder.__dict__.get("compact_bundle_sources", []))
    widths = app.builder.__dict__.get("compact_strict", {}).get("widths", set())
    write_bundles(outdir, sources, app.config.compact_theme_digest, column_rules(widths))


def _set_digest(app, config) -> None:
    config.compact_theme_digest = theme_digest()


def setup(app):
    app.add_config_value("compact_theme_digest", "", "html")
    app.connect("config-inited", _set_digest)
    app.connect("html-page-context", _trim_page, priority=900)
    # After the other build-finished handlers, so that every script they write is seen.
    app.connect("build-finished", _finish, priority=900)
    app.add_css_file("compact-theme.css", priority=900)
    app.add_js_file("compact-theme.js", defer="defer")
    # Pages are bundled from the stylesheet list recorded on the first page written.
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": False}
