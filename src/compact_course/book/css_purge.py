"""Drop the style rules of the theme's CSS whose classes no built page or shipped script uses.

The theme ships all of Bootstrap and Font Awesome (about 400 KB); a course page uses a small
part of it. A rule is kept unless one of its selectors needs a class that appears neither in
any ``class`` attribute of the built pages nor as a word in a shipped script (scripts add
classes such as ``show`` or ``pst-sidebar-hidden`` at run time). Selectors inside ``:not()``,
``:is()``, ``:where()`` and ``:has()`` never cause a drop, and at-rules other than media,
supports and layer blocks are kept whole, except Font Awesome's font faces, which the course no
longer loads. A rule that needs a ``data-*`` attribute that no page writes and no script sets
(as a word, or as a ``dataset`` property) is dropped too, and so is an ``@keyframes`` block that
no kept rule animates with (issue 30: the theme ships Bootstrap's and Font Awesome's). The
result is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

Matcher = Callable[[str], bool]

CLASS_ATTRIBUTE = re.compile(r'class\s*=\s*"([^"]*)"|class\s*=\s*\'([^\']*)\'')
WORD = re.compile(r"[A-Za-z_][\w-]*")
CLASS_IN_SELECTOR = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")
NESTED_AT_RULES = ("@media", "@supports", "@layer", "@container")


DATA_ATTRIBUTE = re.compile(r"\s(data-[\w-]+)\s*=")
DATA_IN_SELECTOR = re.compile(r"\[\s*(data-[\w-]+)")
CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")
KEYFRAMES = re.compile(r"@(?:-webkit-)?keyframes\s+([\w-]+)")


JS_STRING = re.compile(r'"((?:\\.|[^"\\\n])*)"|\'((?:\\.|[^\'\\\n])*)\'|`((?:\\.|[^`\\])*)`')
# Where a theme script gives an element a class: the call or assignment's string arguments.
CLASS_SETTER = re.compile(
    r"classList\.(?:add|toggle|replace)\(([^()]*)\)"
    r"|(?:className|classList)\s*\+?=\s*((?:\"[^\"]*\"|'[^']*'|`[^`]*`|[\s\w.$+?:])*)"
    r"|setAttribute\(\s*[\"']class[\"']\s*,([^()]*)\)"
)
# Classes a theme script sets through a variable, so that no class setter names them:
# sphinx_highlight.js marks search words with the class its caller passes.
RUNTIME_CLASSES = ("highlighted",)
OWN_NAME = re.compile(r"(?<![\w-])cc-[\w-]*[A-Za-z0-9_]")
ID_SETTER = re.compile(r"""\.id\s*=\s*["'`]([\w-]+)["'`]|setAttribute\(\s*["']id["']\s*,\s*["'`]([\w-]+)""")


def _strings(script: str) -> str:
    return " ".join(m.group(1) or m.group(2) or m.group(3) or "" for m in JS_STRING.finditer(script))


def used_words(
    html_texts: Iterable[str], script_texts: Iterable[str], theme_script_texts: Iterable[str] = ()
) -> set[str]:
    """The words a rule's classes and ``data-*`` attributes are looked up in: every class and
    ``data-*`` attribute in the pages; every word in the strings of the course's own scripts
    (they build their markup from literal class names); the classes the theme's scripts set
    (``script_classes``); and ``data-<word>`` for every word of any script, as
    ``element.dataset.<word>`` sets it."""
    words: set[str] = set()
    for html in html_texts:
        for match in CLASS_ATTRIBUTE.finditer(html):
            words.update((match.group(1) or match.group(2) or "").split())
        words.update(DATA_ATTRIBUTE.findall(html))
    scripts = list(script_texts)
    theme_scripts = list(theme_script_texts)
    for script in scripts:
        words.update(WORD.findall(_strings(script)))
    words |= script_classes(scripts, theme_scripts)
    for script in scripts + theme_scripts:
        words.update("data-" + CAMEL.sub(r"-\1", word).lower() for word in WORD.findall(script))
    return words


def script_classes(script_texts: Iterable[str], theme_script_texts: Iterable[str]) -> set[str]:
    """The classes and ids scripts can give an element at run time: the strings of every class
    setter (``classList.add``, ``className =``, a ``class`` attribute in markup written as a
    string) and id setter (``.id = "..."``), ``RUNTIME_CLASSES``, and in the course's own scripts
    every word that has the course's prefix (they build markup with ``el(tag, text, "cc-...")``
    and name it ``cc-...``)."""
    classes = set(RUNTIME_CLASSES)
    own = list(script_texts)
    for script in own + list(theme_script_texts):
        classes.update(m.group(1) or m.group(2) for m in ID_SETTER.finditer(script))
        for match in CLASS_SETTER.finditer(script):
            classes.update(WORD.findall(_strings(next(group for group in match.groups() if group is not None))))
        for match in CLASS_ATTRIBUTE.finditer(script):  # markup written as a string
            classes.update((match.group(1) or match.group(2) or "").split())
    for script in own:  # anywhere in the text: a string's quotes cannot be paired reliably around regexes
        classes.update(OWN_NAME.findall(script))
    return classes


STRING_OR_COMMENT = re.compile(r""""(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|/\*.*?\*/""", re.S)


def _without_comments(css: str) -> str:
    return STRING_OR_COMMENT.sub(lambda m: "" if m.group(0).startswith("/*") else m.group(0), css)


def _block_end(css: str, start: int) -> int:
    """The index just after the brace that closes the block opened at ``start``."""
    depth, i = 0, start
    while i < len(css):
        string = STRING_OR_COMMENT.match(css, i) if css[i] in "\"'" else None
        if string:
            i = string.end()
            continue
        depth += {"{": 1, "}": -1}.get(css[i], 0)
        i += 1
        if depth == 0:
            return i
    return i


def _statements(css: str) -> Iterator[tuple[str, str | None]]:
    """Top-level statements of comment-free CSS as (prelude, block body or None)."""
    i = 0
    while i < len(css):
        brace, semicolon = css.find("{", i), css.find(";", i)
        if brace < 0 and semicolon < 0:
            return
        if semicolon >= 0 and (brace < 0 or semicolon < brace) and css[i:semicolon].lstrip().startswith("@"):
            yield css[i : semicolon + 1].strip(), None
            i = semicolon + 1
            continue
        if brace < 0:
            return
        end = _block_end(css, brace)
        yield css[i:brace].strip(), css[brace + 1 : end - 1]
        i = end


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:not(a, b)``)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    return parts + [prelude[start:]]


def _selector_is_used(selector: str, words: set[str]) -> bool:
    outside = FUNCTIONAL_PSEUDO.sub("", selector)
    if not all(name in words for name in DATA_IN_SELECTOR.findall(outside)):
        return False
    return all(name in words for name in CLASS_IN_SELECTOR.findall(ATTRIBUTE.sub("", outside)))


def purge(css: str, words: set[str], matches: Matcher | None = None) -> str:
    """``css`` without the rules that no page or script can match; licence comments (``/*!``) first.
    With ``matches`` (a page type's pages, see ``css_match``), a selector must also match there."""
    licences = list(dict.fromkeys(re.findall(r"/\*!.*?\*/", css, re.S)))
    return "\n".join(licences + [_drop_unused_keyframes(_kept_rules(css, words, matches))])


def _drop_unused_keyframes(statements: list[str]) -> str:
    """The kept top-level statements without the ``@keyframes`` that no kept rule animates with."""
    rest = " ".join(s for s in statements if not KEYFRAMES.match(s))
    named = set(WORD.findall(" ".join(re.findall(r"animation(?:-name)?\s*:([^;}]*)", rest))))
    return "".join(s for s in statements if not ((match := KEYFRAMES.match(s)) and match.group(1) not in named))


def _purge_rules(css: str, words: set[str], matches: Matcher | None) -> str:
    return "".join(_kept_rules(css, words, matches))


WHITESPACE_OR_STRING = re.compile(r""""(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\s+""")


def _compact(body: str) -> str:
    """A declaration block with each run of whitespace outside strings made one space, none at the ends."""
    return WHITESPACE_OR_STRING.sub(lambda m: m.group(0) if m.group(0)[0] in "\"'" else " ", body).strip()


def _kept_rules(css: str, words: set[str], matches: Matcher | None = None) -> list[str]:
    kept: list[str] = []
    for prelude, body in _statements(_without_comments(css)):
        if body is None:
            if not prelude.startswith("@charset"):
                kept.append(prelude)
            continue
        if prelude.startswith(NESTED_AT_RULES):
            inner = _purge_rules(body, words, matches)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@font-face"):
            if "Font Awesome" not in body:
                kept.append(f"{prelude}{{{body}}}")
        elif prelude.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            selectors = [
                s.strip()
                for s in _split_selectors(prelude)
                if _selector_is_used(s, words) and (matches is None or matches(s.strip()))
            ]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{_compact(body)}}}")
    return kept
