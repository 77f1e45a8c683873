"""The printable document behind ``compact-course pdf``: built book pages, one after another.

Each page's article is taken from the built HTML (``_build/html``), so the PDF shows what the
web book shows. For print, what only works on screen goes (buttons, live feedback, notices),
images get absolute addresses, a matching question's drop-downs become blanks with one list
of choices (from the quiz's data block, not its markup), and every quiz answer moves out of
its question into an answers appendix (for the course) or stays open where it is (for the
facilitator pack). All text stays as the build
escaped it; nothing here adds words of its own beyond the appendix headings passed in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

from compact_course.core.escaping import e
from compact_course.quiz.data import DATA_CLASS

FACILITATOR_PREFIX = "book/facilitator/"
# On-screen only: controls, live regions, progress notices, the theme's heading links.
SCREEN_ONLY = ".headerlink, script, noscript, button, .cc-controls, .cc-feedback, .cc-hint, .cc-notice, .toggle-details"


def toc_docnames(root: Path, toc_file: str = "_toc.yml") -> list[str]:
    """Every page of an edition in the order its table of contents lists it (the root first)."""
    toc = yaml.safe_load((root / toc_file).read_text(encoding="utf-8"))
    names = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            names.append(chapter["file"])
            names.extend(section["file"] for section in chapter.get("sections", []))
    return names


def split_docnames(names: list[str]) -> tuple[list[str], list[str]]:
    """(learner pages, facilitator pages), each in book order."""
    learner = [name for name in names if not name.startswith(FACILITATOR_PREFIX)]
    facilitator = [name for name in names if name.startswith(FACILITATOR_PREFIX)]
    return learner, facilitator


@dataclass
class Section:
    """One book page, ready to print, and the quiz answers taken out of it."""

    title: str
    html: str
    answers: list[tuple[str, str]] = field(default_factory=list)  # (question label, answer HTML)


def _absolute_sources(article: Tag, page: Path) -> None:
    for image in article.find_all("img"):
        src = str(image.get("src") or "")
        if src and not src.startswith(("data:", "http:", "https:", "file:")):
            image["src"] = (page.parent / src.split("?")[0]).resolve().as_uri()


def _quiz_data(article: Tag) -> dict[str, dict]:
    """Every question's data on the page, by question id, from the quizzes' data blocks."""
    questions = {}
    for block in article.select(f"script.{DATA_CLASS}"):
        for question in json.loads(block.get_text())["questions"]:
            questions[question["id"]] = question
    return questions


def _print_matching(soup: BeautifulSoup, article: Tag, data: dict[str, dict]) -> None:
    for form in article.select("form.cc-question[data-type=matching]"):
        question = data.get(str(form.get("data-question") or form.get("id")))
        if question is None:
            continue
        choices = soup.new_tag("ol", attrs={"class": "cc-pdf-choices", "type": "a"})
        for choice in question["choices"]:
            item = soup.new_tag("li")
            item.string = choice["text"]
            choices.append(item)
        for select in form.find_all("select"):
            blank = soup.new_tag("span", attrs={"class": "cc-pdf-blank"})
            blank.string = " ______"
            select.replace_with(blank)
        matches = form.select_one(".cc-matches")
        if matches is not None:
            matches.insert_after(choices)


def _question_label(question: Tag, title: str) -> str:
    number = question.select_one(".cc-number")
    return f"{title}: {number.get_text(' ', strip=True)}" if number else title


def _take_answers(article: Tag, title: str) -> list[tuple[str, str]]:
    answers = []
    for question in article.select("form.cc-question"):
        details = question.select_one("details.cc-answer")
        if details is None:
            continue
        prompt = question.select_one(".cc-prompt")
        summary = details.find("summary")
        if summary:
            summary.decompose()
        body = "".join(str(child) for child in details.children)
        if prompt:
            # The prompt's words as the page reads them: a glossary link inside it adds no space.
            body = f'<p class="cc-pdf-prompt">{e(" ".join(prompt.get_text().split()))}</p>{body}'
        answers.append((_question_label(question, title), body))
        details.decompose()
    return answers


def printable_section(page: Path, answers_apart: bool) -> Section:
    """The article of one built page, made ready for print."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article") or soup.find("main") or soup.body
    assert isinstance(article, Tag), f"{page} has no article"
    data = _quiz_data(article)  # read before the scripts go
    for element in article.select(SCREEN_ONLY):
        element.decompose()
    for pool_question in article.select("form.cc-question[hidden]"):
        pool_question.decompose()  # the self-assessment prints its first attempt, not its whole pool
    for hidden in article.select("[hidden]"):
        del hidden["hidden"]  # shown by script on screen; print shows the static question
    heading = article.find("h1")
    title = heading.get_text(" ", strip=True) if heading else page.stem
    _absolute_sources(article, page)
    _print_matching(soup, article, data)
    answers = _take_answers(article, title) if answers_apart else []
    for details in article.find_all("details"):
        details["open"] = ""
    return Section(title=title, html="".join(str(child) for child in article.children), answers=answers)


def stylesheets(page: Path) -> list[str]:
    """The stylesheets a built page loads (absolute file addresses, print media kept)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = []
    for link in soup.find_all("link", rel="stylesheet"):
        href = str(link.get("href") or "").split("?")[0]
        if not href or href.startswith(("http:", "https:")):
            continue
        media = str(link.get("media") or "all")
        links.append(f'<link rel="stylesheet" media="{e(media)}" href="{e((page.parent / href).resolve().as_uri())}">')
    return links


PDF_STYLE = """
.cc-pdf-section { break-before: page; }
.cc-pdf-section:first-child { break-before: auto; }
.cc-pdf-contents ol { list-style: none; padding: 0; }
.cc-pdf-contents li { display: flex; gap: 0.5rem; margin: 0.2rem 0; }
.cc-pdf-contents .cc-pdf-title { flex: 1; border-bottom: 1px dotted #767676; }
.cc-pdf-answer { break-inside: avoid; margin: 0 0 0.8rem; }
body { font-size: 11pt; }
"""


def contents_html(heading: str, entries: list[tuple[str, int]]) -> str:
    rows = "".join(
        f'<li><span class="cc-pdf-title">{e(title)}</span><span class="cc-pdf-page">{page}</span></li>'
        for title, page in entries
    )
    return f'<nav class="cc-pdf-contents"><h1>{e(heading)}</h1><ol>{rows}</ol></nav>'


def answers_html(heading: str, sections: list[Section]) -> str:
    items = "".join(
        f'<div class="cc-pdf-answer"><h3>{e(label)}</h3>{body}</div>'
        for section in sections
        for label, body in section.answers
    )
    return f'<div class="cc-pdf-answers"><h1>{e(heading)}</h1>{items}</div>'


def document(title: str, links: list[str], bodies: list[str]) -> str:
    """A whole printable document: every body its own section, starting a new page."""
    sections = "".join(f'<section class="cc-pdf-section">{body}</section>' for body in bodies)
    return (
        f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{e(title)}</title>'
        f'{"".join(links)}<style>{PDF_STYLE}</style></head><body class="cc-pdf">{sections}</body></html>'
    )
