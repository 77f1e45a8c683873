"""The pieces every group of ``data/interface.yaml`` is made of: a template with ``{name}``
placeholders, :func:`fill`, and a :class:`Plural` pair chosen by a count.

:func:`fill` and the script's ``fill`` (static/src/text.js) fill placeholders the same way, and
a missing value is an error, never a silent gap.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

from compact_course.core.fields import Model, Text

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _placeholders_well_formed(value: str) -> str:
    bare = PLACEHOLDER.sub("", value)
    if "{" in bare or "}" in bare:
        raise ValueError(f"{value!r}: braces are only for placeholders such as {{count}} (lower-case names)")
    return value


Template = Annotated[Text, AfterValidator(_placeholders_well_formed)]


def fill(template: str, **values: object) -> str:
    """``template`` with each ``{name}`` replaced by ``values[name]``; KeyError if one is missing."""
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template)


class Plural(Model):
    """A sentence that depends on a count: ``one`` for exactly 1, ``other`` otherwise."""

    one: Template
    other: Template

    def fill(self, count: int, **values: object) -> str:
        return fill(self.one if count == 1 else self.other, count=count, **values)
