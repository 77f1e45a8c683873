"""Field types every model shares: non-empty text, kebab-case ids, addresses, dates, flags.

Each rejects bad values with a message a course author can act on; :class:`Model` forbids
unknown fields and freezes every instance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Strict

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
FORBIDDEN_OPTIONS = re.compile(r"\b(all|none) of the above\b", re.IGNORECASE)


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _kebab(value: str) -> str:
    if not KEBAB.match(value):
        raise ValueError(f"{value!r} is not a kebab-case id (lower-case words joined by '-')")
    return value


def _url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value or "." not in parts.netloc:
        raise ValueError(f"{value!r} is not an http(s) address with a host")
    return value


def _date(value: str) -> str:
    if not DATE.match(value):
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _email(value: str) -> str:
    if not EMAIL.match(value):
        raise ValueError(f"{value!r} is not an e-mail address")
    return value


Text = Annotated[str, Strict(), AfterValidator(_non_blank)]
Id = Annotated[str, Strict(), AfterValidator(_kebab)]
Url = Annotated[str, Strict(), AfterValidator(_url)]
DateText = Annotated[str, Strict(), AfterValidator(_date)]
Email = Annotated[str, Strict(), AfterValidator(_email)]
Flag = Annotated[bool, Strict()]
Count = Annotated[int, Strict()]


def _unique(values: Iterable[Any], what: str) -> None:
    seen = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} {value!r} is given twice")
        seen.add(value)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
