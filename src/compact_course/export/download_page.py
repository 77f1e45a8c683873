"""The quiz-bank list on the facilitator Downloads page (``book/_generated/quiz-bank-downloads.md``).

First the final self-assessment's pool (every module's, one category each), then one line per
module and one per lesson, each linking its bank in every format that
:mod:`compact_course.export.downloads` writes; the page's own words are in
``book/facilitator/downloads.md``, which includes this list.
"""

from __future__ import annotations

from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.interface_models import fill
from compact_course.core.markdown import HEADER_MD
from compact_course.export.common import category_name
from compact_course.export.downloads import BANK_FORMATS, DOWNLOADS, POOL_STEM, lesson_stem, module_stem

LIST_PAGE = "book/_generated/quiz-bank-downloads.md"
# From the page that includes the list (book/facilitator/downloads.html) to the site root.
TO_ROOT = "../../"


def _links(stem: str) -> str:
    return ", ".join(
        f'<a href="{e(TO_ROOT + DOWNLOADS + "/" + stem + ending)}" download>{e(name)}</a>'
        for name, (ending, _) in BANK_FORMATS.items()
    )


def bank_list_html(course: Course) -> str:
    words = course.interface.book
    items = [f"<li><strong>{e(course.assessment.title)}</strong>: {_links(POOL_STEM)}</li>"]
    for module in course.modules:
        lessons = "".join(
            f"<li>{e(fill(words.download_lesson, number=course.lesson_number(lesson.id), title=lesson.title))} "
            f"{_links(lesson_stem(course, lesson))}</li>"
            for lesson in module.lessons
        )
        items.append(
            f"<li><strong>{e(category_name(course, module))}</strong>: {_links(module_stem(course, module))}"
            f"<ul>{lessons}</ul></li>"
        )
    return '<ul class="cc-downloads">' + "".join(items) + "</ul>"


def pages(course: Course) -> dict[str, str]:
    return {LIST_PAGE: HEADER_MD + "\n" + bank_list_html(course) + "\n"}
