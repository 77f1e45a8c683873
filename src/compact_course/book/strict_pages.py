"""Pages that a strict Content-Security-Policy accepts, and valid HTML around them (issue 30).

Councils and NHS trusts serve intranet pages with a policy such as ``default-src 'self';
script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'``.
Under it a browser runs no inline script and applies no ``style`` attribute. A Sphinx extension,
set up by ``sphinx_ext``; on each page it
- drops the inline scripts the course does not use (Sphinx's page name and the theme's
  search-as-you-type option, read only by features the course leaves off; sphinx-thebe's
  kernel snippet and configuration) and moves any other inline script into a file of
  ``_static`` named by its digest;
- gives table columns with a set width (MyST's ``:widths:``) a class instead of a ``style``
  attribute, and the bundle one rule per width used.
After the build it writes the root redirect page as a whole document (doctype, language, title
and a link) and checks every page: an inline script, an event-handler attribute, a ``style``
attribute or element left anywhere is a build warning (an error in the strict build).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from docutils import nodes

from compact_course.book.page_meta import HOME_DESCRIPTION
from compact_course.core.escaping import e

# Inline scripts whose only readers are features the course leaves off: the theme's version
# switcher (the page name) and search-as-you-type (off: an absent option reads as false).
DROPPED_INLINE = ("DOCUMENTATION_OPTIONS.pagename", "DOCUMENTATION_OPTIONS.search_as_you_type", "THEBE_JS_URL")
THEBE_RAW = ("text/x-thebe-config", "kernelName =")
INLINE_NAME = "compact-inline.{digest}.js"
COLUMN = re.compile(r'<col style="width: ?(\d+(?:\.\d+)?)%" ?/?>')
COLUMN_CLASS = "cc-col-{width}"
# What a strict policy blocks, as the final check finds it in a written page.
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
EVENT_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)
SCRIPT_OR_COMMENT = re.compile(r"<script\b[^>]*>.*?</script>|<!--.*?-->", re.S | re.I)
REDIRECT = re.compile(r'http-equiv="Refresh"\s+content="\d+;\s*url=([^"]+)"', re.I)


def _store(app) -> dict:
    return app.builder.__dict__.setdefault("compact_strict", {"scripts": {}, "widths": set()})


def _drop_thebe(app, doctree, docname) -> None:
    """sphinx-thebe appends its configuration and an inline script to every page; the course
    runs no code in the browser."""
    for raw in list(doctree.findall(nodes.raw)):
        if any(marker in raw.astext() for marker in THEBE_RAW):
            raw.parent.remove(raw)


def _externalise(app, script):
    body = str(getattr(script, "attributes", {}).get("body", ""))
    if not body or getattr(script, "filename", None):
        return script
    if any(marker in body for marker in DROPPED_INLINE):
        return None
    from sphinx.builders.html._assets import _JavaScript

    name = INLINE_NAME.format(digest=hashlib.sha256(body.encode()).hexdigest()[:12])
    _store(app)["scripts"][name] = body
    attributes = {k: v for k, v in script.attributes.items() if k != "body"}
    return _JavaScript("_static/" + name, priority=getattr(script, "priority", 500), **attributes)


def column_classes(body: str, widths: set[str]) -> str:
    """``body`` with each column's ``style`` width replaced by a class; the widths are recorded."""

    def replace(match: re.Match) -> str:
        width = match.group(1).removesuffix(".0").replace(".", "-")
        widths.add(match.group(1))
        return f'<col class="{COLUMN_CLASS.format(width=width)}" />'

    return COLUMN.sub(replace, body)


def column_rules(widths: set[str]) -> str:
    """The bundle's rules for the column classes, in a fixed order."""
    rules = []
    for width in sorted(widths, key=float):
        name = COLUMN_CLASS.format(width=width.removesuffix(".0").replace(".", "-"))
        rules.append(f"col.{name} {{ width: {width}%; }}")
    return "\n".join(rules)


def _page(app, pagename, templatename, context, doctree) -> None:
    if "script_files" in context:
        scripts = [_externalise(app, s) for s in context["script_files"]]
        context["script_files"] = [s for s in scripts if s is not None]
    if "body" in context:
        context["body"] = column_classes(str(context["body"]), _store(app)["widths"])


def blocked(html: str) -> list[str]:
    """What a strict Content-Security-Policy would block in a page, each as a short excerpt."""
    found = [m.group(0)[:80] for m in INLINE_SCRIPT.finditer(html)]
    markup = SCRIPT_OR_COMMENT.sub("", html)
    for pattern in (EVENT_ATTRIBUTE, STYLE_ATTRIBUTE, STYLE_ELEMENT):
        found += [m.group(0)[:80] for m in pattern.finditer(markup)]
    return found


def redirect_page(target: str, title: str, language: str, description: str = "") -> str:
    """The root page: a whole document that sends the reader to ``target``, with a link too."""
    meta = f'<meta name="description" content="{e(description)}">\n' if description else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{e(language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n{meta}"
        f'<meta http-equiv="Refresh" content="0; url={e(target)}">\n</head>\n'
        f'<body>\n<p><a href="{e(target)}">{e(title)}</a></p>\n</body>\n</html>\n'
    )


def _finish(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from sphinx.util import logging

    outdir = Path(app.outdir)
    for name, body in sorted(_store(app)["scripts"].items()):
        (outdir / "_static" / name).write_text(body.rstrip() + "\n", encoding="utf-8")
    index = outdir / "index.html"
    if index.is_file():
        match = REDIRECT.search(index.read_text(encoding="utf-8"))
        if match and "<title>" not in index.read_text(encoding="utf-8"):
            title = app.config.html_title or app.config.project
            description = app.builder.__dict__.get(HOME_DESCRIPTION, "")
            page = redirect_page(match.group(1), title, app.config.language or "en", description)
            index.write_text(page, encoding="utf-8")
    logger = logging.getLogger(__name__)
    for path in sorted(outdir.rglob("*.html")):
        if "_static" in path.relative_to(outdir).parts:
            continue
        for excerpt in blocked(path.read_text(encoding="utf-8")):
            logger.warning("%s: blocked by a strict Content-Security-Policy: %s", path.relative_to(outdir), excerpt)


def setup(app):
    app.connect("doctree-resolved", _drop_thebe, priority=900)  # after sphinx-thebe's own (500)
    app.connect("html-page-context", _page, priority=950)  # after theme_assets' trimming (900)
    # After sphinx-external-toc's redirect (500) and the bundle (theme_assets, 900).
    app.connect("build-finished", _finish, priority=950)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": False}
