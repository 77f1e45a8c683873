"""Escaping for everything the course writes into HTML: one helper for markup, one for scripts."""

from __future__ import annotations

import json
from html import escape

# Characters that must not appear raw inside a <script> element: "<" could close it or open a
# comment, "&" an entity in XHTML, and U+2028/U+2029 end a line in older JavaScript engines.
_SCRIPT_UNSAFE = (
    ("&", "\\u0026"),
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def e(text: object) -> str:
    """Escape text for HTML content and attribute values (quotes included)."""
    return escape(str(text), quote=True)


def json_for_script(data: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survive raw."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, safe in _SCRIPT_UNSAFE:
        text = text.replace(raw, safe)
    return text
