"""The plan-and-pack page: plan a session and print its pack with a browser only (issue 27, item 4).

In Chromium, on the facilitator edition: the page opens on the first ready-made plan with the
agenda ``compact-course plan`` lays out for it; ticking lessons and changing the group size,
start and minutes lays out a new agenda with the same rules (the shared table of cases holds
the rules; here the page's agenda is compared with Python's for one plan); a plan that does not
fit says so; printing shows only the chosen lessons' parts of the pack, with the plan's copies,
agenda and attendance lines, and none of the form.
"""

from __future__ import annotations

from compact_course.facilitator.agenda import clock
from compact_course.facilitator.plans import plan_for
from compact_course.facilitator.ready_made import ready_made_fit, ready_made_plans
from helpers import real_course

PAGE = "book/facilitator/plan-builder.html"


def _agenda_rows(page) -> list[tuple[str, str]]:
    rows = page.locator(".cc-plan-agenda tbody tr")
    return [(r.locator("th").inner_text(), r.locator("td").last.inner_text()) for r in rows.all()]


def _python_rows(plan) -> list[tuple[str, str]]:
    return [(f"{clock(s.start)}–{clock(s.end)}", str(s.minutes)) for s in plan.slots]


def test_the_page_lays_out_a_plan_like_the_command_and_prints_its_pack(facilitator_page):
    page = facilitator_page
    course = real_course()
    page.goto(PAGE)
    status = page.locator(".cc-plan-status")
    status.wait_for()
    ready = ready_made_plans(course)[0]
    plan, _ = ready_made_fit(course, ready)
    assert _agenda_rows(page) == _python_rows(plan)
    # My own plan: lessons 2, 5 and 11 for 20 people from 13:15, in up to 120 minutes.
    page.locator("#cc-plan-ready").select_option("")  # the ready-made plan's settings stay to be changed
    page.get_by_label("Quiz questions polled in each lesson").fill("2")
    for box in page.locator(".cc-plan-lessons input[type=checkbox]").all():
        box.uncheck()
    for number in (2, 5, 11):
        page.locator(f".cc-plan-lessons input[value='{course.lessons[number - 1].id}']").check()
    page.get_by_label("Group size (people)").fill("20")
    page.get_by_label("Start time").fill("13:15")
    page.get_by_label("Minutes available in all", exact=False).fill("120")
    mine = plan_for(course, lessons="2,5,11", minutes=120, start=13 * 60 + 15, participants=20)
    assert _agenda_rows(page) == _python_rows(mine)
    assert "for 20 people" in status.inner_text()
    # Too little time: the page says what the lessons need.
    page.get_by_label("Minutes available in all", exact=False).fill("30")
    assert f"need {mine.total_minutes} minutes" in status.inner_text()
    assert page.get_by_role("button", name="Print the pack for this plan").is_disabled()
    page.get_by_label("Minutes available in all", exact=False).fill("120")
    # The pack: only these lessons, this plan's copies and attendance lines; on paper, no form.
    page.emulate_media(media="print")
    shown = page.locator("#cc-plan-pack .cc-pack-handout section.cc-pack-lesson:visible")
    assert [s.get_attribute("data-lesson") for s in shown.all()] == [course.lessons[n - 1].id for n in (2, 5, 11)]
    assert page.locator("#cc-plan-pack [data-copies=participants]").first.inner_text() == "20"
    assert page.locator("#cc-plan-pack .cc-attendance tbody tr:visible").count() == 22
    assert page.locator(".cc-plan-form").is_hidden()
    agenda = page.locator("#cc-plan-pack #agenda").inner_text()
    assert "13:15" in agenda and course.lessons[10].title in agenda
    crib = page.locator(f"#crib-{course.lessons[4].id} .cc-crib-times").inner_text()
    assert crib == next(s.times for s in mine.slots if s.lesson and s.lesson.id == course.lessons[4].id)
    assert page.errors == []
