"""The book room's generated pages and page helpers: TOC, course facts, the Q&A attribution.

Each test changes the data (a copied or replaced course) and checks the output follows, so
nothing here passes merely because today's data happens to match a typed-in number.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from compact_course import generate
from compact_course.book import course_facts, toc
from compact_course.book.pages import LessonPage
from compact_course.generate import drift, generated_files
from helpers import COURSE_ROOT, real_course

BOOK_SRC = COURSE_ROOT / "src" / "compact_course" / "book"


@pytest.fixture(scope="module")
def course():
    return real_course()


def with_fifth_module(course):
    extra = course.modules[-1].model_copy(
        update={
            "id": "module-five",
            "title": "A fifth module",
            "lessons": tuple(
                lesson.model_copy(update={"id": f"{lesson.id}-again", "minutes": 30})
                for lesson in course.modules[-1].lessons
            ),
        }
    )
    return dataclasses.replace(course, modules=course.modules + (extra,))


def test_toc_lists_every_module_s_facilitator_pages_even_a_fifth(course):
    # Before: the facilitator part listed notes, handouts and answer keys for modules 1-4 only.
    five = with_fifth_module(course)
    files = [
        entry["file"]
        for part in yaml.safe_load(toc.toc_yaml(five, facilitator=True))["parts"]
        for entry in part["chapters"]
    ]
    for kind in ("notes-module", "handout-module", "answer-key-module"):
        assert [f for f in files if f.startswith(f"book/facilitator/{kind}-")] == [
            f"book/facilitator/{kind}-{n}" for n in range(1, len(five.modules) + 1)
        ]
    assert f"{five.lesson_docname(five.modules[-1].lessons[0].id)}" in files


def test_toc_lists_every_generated_facilitator_page_and_nothing_missing(course):
    generated = {path.removesuffix(".md") for path in generated_files(course) if path.startswith("book/facilitator/")}
    listed = set(toc.facilitator_pages(course))
    assert generated <= listed
    for docname in listed:
        assert (COURSE_ROOT / f"{docname}.md").is_file() or (COURSE_ROOT / f"{docname}.ipynb").is_file(), docname


def test_course_facts_follow_the_data(course):
    modules = course_facts.modules_md(course)
    assert f"The course has {len(course.lessons)} lessons in five modules:" in modules
    for number, module in enumerate(course.modules, start=1):
        assert f"{number}. **" in modules and course.lesson_docname(module.lessons[0].id) in modules
    five = with_fifth_module(course)
    assert f"The course has {len(five.lessons)} lessons in six modules:" in course_facts.modules_md(five)
    total = sum(lesson.minutes for lesson in five.lessons)
    assert course_facts.about_hours(course.interface.book, total) in course_facts.length_md(five)
    assert f"All {len(five.lessons)} lessons" in course_facts.length_md(five)


@pytest.mark.parametrize(
    ("minutes", "said"),
    [(295, "about 5 hours"), (270, "about 4 and a half hours"), (60, "about 1 hour"), (30, "about 30 minutes")],
)
def test_about_hours_rounds_to_the_nearest_half_hour(minutes, said):
    assert course_facts.about_hours(real_course().interface.book, minutes) == said


def test_fresh_draw_sentence_follows_per_module(course):
    assert "three questions from every module" in course_facts.fresh_draw_md(course)
    draw = course.assessment.draw.model_copy(update={"per_module": 1})
    one = dataclasses.replace(course, assessment=course.assessment.model_copy(update={"draw": draw}))
    assert "one question from every module" in course_facts.fresh_draw_md(one)


def test_front_pages_type_no_course_counts_and_include_the_generated_facts():
    index = (COURSE_ROOT / "book/index.md").read_text(encoding="utf-8")
    how_to = (COURSE_ROOT / "book/how-to-use.md").read_text(encoding="utf-8")
    for text in (index, how_to):
        assert not re.search(r"\b19\b|\bfour modules\b|\babout \d+ hours\b", text)
    assert "```{include} _generated/course-modules.md" in index
    assert "```{include} _generated/course-length.md" in index
    text = (COURSE_ROOT / "book" / "self-assessment.ipynb").read_text(encoding="utf-8")
    assert "three questions" not in text and "{include} _generated/fresh-draw.md" in text


def test_generate_check_notices_a_stale_course_fact(course, monkeypatch):
    # Only the facts provider: the other generators have their own rules about a fifth module.
    monkeypatch.setattr(generate, "PROVIDERS", ("compact_course.book.course_facts",))
    five = with_fifth_module(course)
    assert "book/_generated/course-modules.md" in drift(five)
    assert "book/_generated/course-modules.md" not in drift(course)


def test_the_q_and_a_attribution_takes_its_title_from_data_sources(course):
    lesson_id = course.lessons[0].id
    source = course.source("cv-qa")
    renamed = source.model_copy(update={"title": "A renamed Q&A", "publisher": "A publisher"})
    other = dataclasses.replace(course, sources=tuple(renamed if s.id == "cv-qa" else s for s in course.sources))
    html = LessonPage(other, lesson_id).qa().html
    assert "Source: A publisher, <cite>A renamed Q&amp;A</cite>" in html
    assert f"<cite>{source.title.replace('&', '&amp;')}</cite>" in LessonPage(course, lesson_id).qa().html


def test_the_closing_block_is_the_lesson_s_aims_not_its_key_points_again(course):
    for lesson in course.lessons:
        page = LessonPage(course, lesson.id)
        closing = page.reflection()
        assert closing.html.count("<li>") == len(lesson.objectives)
        assert not any(point.replace("'", "&#x27;") in closing.html for point in lesson.key_points)


def _functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.name for node in tree.body if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")]


def test_every_public_function_of_the_book_room_is_used_somewhere():
    # Before: pages.source_html was defined and never called.
    searched = [p for p in (COURSE_ROOT / "src").rglob("*.py")] + list((COURSE_ROOT / "book").rglob("*.ipynb"))
    searched += list((COURSE_ROOT / "tests").glob("*.py"))
    texts = {path: path.read_text(encoding="utf-8") for path in searched}
    unused = []
    for module in sorted(BOOK_SRC.glob("*.py")):
        for name in _functions(module):
            if name in {"pages", "register", "setup"}:  # entry points found by name (generate, cli, Sphinx)
                continue
            uses = sum(len(re.findall(rf"\b{name}\b", text)) for path, text in texts.items() if path != module)
            own = len(re.findall(rf"\b{name}\b", texts.get(module, "")))
            if uses == 0 and own <= 1:
                unused.append(f"{module.name}:{name}")
    assert unused == []
