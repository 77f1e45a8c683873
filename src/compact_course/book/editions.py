"""Two editions from one source: links into pages the current edition leaves out become plain text.

The learner edition (``_toc.yml``) builds only the pages its table of contents lists
(``only_build_toc_files``), so the facilitator pages are neither in its menu nor in its search
index. A learner page may still point at one of them (for example the welcome page's
"facilitator notes"): in the learner edition the link is dropped and its words kept, so the
strict build (``-W -n``) does not fail on a reference it cannot resolve, and no learner meets a
broken link. A reference to a page that does not exist at all still fails the build as before.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

# Sphinx's doc role, and MyST's Markdown links to other documents.
DOCUMENT_REFERENCES = ("doc", "myst")


def referenced_document(reference: addnodes.pending_xref) -> str | None:
    """The docname a document reference points at, relative to the source root (None if not one)."""
    if reference.get("reftype") not in DOCUMENT_REFERENCES:
        return None
    target = str(reference.get("reftarget", "")).split("#", 1)[0]
    if not target or "://" in target:
        return None
    if target.startswith("/"):
        name = target.lstrip("/")
    else:
        name = posixpath.normpath(posixpath.join(posixpath.dirname(reference.get("refdoc", "")), target))
    for suffix in (".md", ".ipynb"):
        name = name.removesuffix(suffix)
    return name


def left_out(name: str, built: set[str] | dict, srcdir: Path, suffixes) -> bool:
    """A page with a source file that this edition does not build."""
    return name not in built and any((srcdir / f"{name}{suffix}").is_file() for suffix in suffixes)


class KeepWordsOfLinksToOtherEdition(SphinxPostTransform):
    # Before MyST's (9) and Sphinx's (10) reference resolvers, which would warn.
    default_priority = 5

    def run(self, **kwargs) -> None:
        env = self.env
        srcdir = Path(env.srcdir)
        suffixes = tuple(env.config.source_suffix)
        for reference in list(self.document.findall(addnodes.pending_xref)):
            name = referenced_document(reference)
            if name is not None and left_out(name, env.all_docs, srcdir, suffixes):
                reference.replace_self(nodes.inline("", "", *reference.children))


def setup(app):
    app.add_post_transform(KeepWordsOfLinksToOtherEdition)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
