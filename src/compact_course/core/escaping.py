"""Escaping for everything the course writes into HTML: one helper, used everywhere."""

from __future__ import annotations

from html import escape


def e(text: object) -> str:
    """Escape text for HTML content and attribute values (quotes included)."""
    return escape(str(text), quote=True)
