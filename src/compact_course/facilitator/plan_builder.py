"""The plan-and-pack page of the facilitator edition, for a facilitator with a browser only:
``book/_generated/plan-builder.md``, included by ``book/facilitator/plan-builder.md``.

It carries, as escaped JSON, what the page's script (``static/src/plan-builder.js``, with the
same layout rules as ``compact-course plan`` in ``plan-layout.js``) needs: every lesson with its
minutes and the questions it polls in order, the timing defaults of ``data/plans.yaml`` and the
ready-made plans. Below it is the session pack of every lesson; the script shows the items of
the lessons chosen (each lesson's parts carry ``data-lesson``) and writes the agenda, the copies
and the attendance lines for the plan, so printing the page prints that plan's pack.
"""

from __future__ import annotations

from compact_course.core.course import Course
from compact_course.core.escaping import json_for_script
from compact_course.core.markdown import HEADER_MD
from compact_course.facilitator.layout import build_plan
from compact_course.facilitator.lesson_time import polled_questions
from compact_course.facilitator.pack import ITEMS, item_body
from compact_course.facilitator.plan_options import settings_with_defaults
from compact_course.facilitator.ready_made import ready_made_fit, ready_made_plans

PAGE = "book/_generated/plan-builder.md"
DOCNAME = "book/facilitator/plan-builder"
SETTINGS = {
    "start": "start", "minutes": "minutes", "days": "days", "day_minutes": "dayMinutes",
    "break_every": "breakEvery", "break_minutes": "breakMinutes", "welcome": "welcome", "close": "close",
    "lunch": "lunch", "participants": "participants", "welcome_per_participant": "welcomePerParticipant",
    "changeover": "changeover", "polls": "polls", "poll_minutes": "pollMinutes",
}  # fmt: skip


def script_settings(settings) -> dict:
    return {js: getattr(settings, py) for py, js in SETTINGS.items()}


def builder_data(course: Course) -> dict:
    lessons = []
    for lesson in course.lessons:
        polls = [q.id for q in polled_questions(course, lesson, len(course.quiz_for(lesson.id).questions))]
        lessons.append(
            {
                "id": lesson.id,
                "number": course.lesson_number(lesson.id),
                "module": course.module_number(course.module_of(lesson.id).id),
                "title": lesson.title,
                "minutes": lesson.minutes,
                "polls": polls,
                "letters": {q.id: len(q.choices()) for q in course.quiz_for(lesson.id).questions},
            }
        )
    ready = []
    for plan in ready_made_plans(course):
        made, _dropped = ready_made_fit(course, plan)
        ready.append({"slug": plan.slug, "title": plan.title, "lessons": [lesson.id for lesson in made.lessons],
                      "settings": script_settings(plan.settings)})  # fmt: skip
    modules = [{"number": course.module_number(m.id), "title": m.title} for m in course.modules]
    defaults = script_settings(settings_with_defaults(course))
    return {"lessons": lessons, "modules": modules, "defaults": defaults, "readyMade": ready}


def pages(course: Course) -> dict[str, str]:
    # Every lesson, over as many days as it takes: the script shows the chosen lessons' parts.
    # Every question listed as polled in the crib: the script keeps those the plan polls.
    most = max(len(course.quiz_for(lesson.id).questions) for lesson in course.lessons)
    settings = settings_with_defaults(course, days=len(course.lessons), polls=most)
    everything = build_plan(course, course.lessons, settings)
    body = "".join(item_body(course, everything, name, from_doc=DOCNAME) for name, _ in ITEMS)
    text = (
        HEADER_MD + "```{raw} html\n"
        f'<script type="application/json" id="cc-plan-data">{json_for_script(builder_data(course))}</script>\n'
        f'<div class="cc-pack cc-plan-pack" id="cc-plan-pack" hidden>{body}</div>\n'
        "```\n"
    )
    return {PAGE: text}
