"""Session plans: fitting, clock times, breaks, lunch, several days, refusals and the CLI.

Expected times are computed from the lesson data and the documented rules, never typed in,
so editing a lesson's minutes does not break these tests, but breaking a rule does.
Synthetic timings come from real lessons copied with different ``minutes``.
"""

from __future__ import annotations

import math
import re
import shlex

import pytest
import yaml

from compact_course.cli import main
from compact_course.core.course import load_course
from compact_course.core.escaping import e
from compact_course.facilitator import plan_render, ready_made
from compact_course.facilitator.agenda import (
    BREAK,
    CLOSE,
    CLOSE_MINUTES,
    LESSON,
    LUNCH,
    WELCOME,
    WELCOME_MINUTES,
    PlanDoesNotFit,
    PlanError,
    Settings,
    clock,
    parse_clock,
)
from compact_course.facilitator.fit import fit_plan
from compact_course.facilitator.layout import build_plan
from compact_course.facilitator.plan_options import settings_with_defaults
from compact_course.facilitator.plans import plan_for, select_lessons
from helpers import COURSE_ROOT, course_copy, edit, line_of, load_problems, real_course

START = 9 * 60 + 30


@pytest.fixture(scope="module")
def course():
    return real_course()


def with_minutes(course, minutes):
    """Real lessons (so look-ups work) with the given minutes, in course order."""
    return [lesson.model_copy(update={"minutes": value}) for lesson, value in zip(course.lessons, minutes)]


def assert_contiguous(plan):
    for day in plan.days:
        assert day.slots[0].start == plan.settings.start
        for before, after in zip(day.slots, day.slots[1:]):
            assert after.start == before.end, f"gap or overlap between {before.title} and {after.title}"


def lesson_ids(plan):
    return [lesson.id for lesson in plan.lessons]


# --- Choosing lessons ---------------------------------------------------------------------------


def test_modules_by_number_and_id_select_their_lessons_in_course_order(course):
    first, third = course.modules[0], course.modules[2]
    by_number = select_lessons(course, "3,1")
    by_id = select_lessons(course, f"{first.id},{third.id}")
    expected = [lesson.id for lesson in first.lessons + third.lessons]
    assert [lesson.id for lesson in by_number] == expected
    assert [lesson.id for lesson in by_id] == expected


def test_lessons_by_number_or_id_combine_with_modules(course):
    last = course.lessons[-1]
    chosen = select_lessons(course, "1", f"{len(course.lessons)},{course.lessons[6].id}")
    expected = [lesson.id for lesson in course.modules[0].lessons] + [course.lessons[6].id, last.id]
    assert [lesson.id for lesson in chosen] == expected


def test_no_selection_means_the_whole_course(course):
    assert select_lessons(course) == course.lessons


@pytest.mark.parametrize(
    "modules, lessons, fragment",
    [
        ("0", None, "unknown module '0'"),
        (str(99), None, "unknown module '99'"),
        ("m9-nothing", None, "unknown module 'm9-nothing'"),
        (None, "no-such-lesson", "unknown lesson 'no-such-lesson'"),
        (None, "999", "unknown lesson '999'"),
        (" , ", None, "--modules is empty"),
    ],
)
def test_unknown_selections_are_named(course, modules, lessons, fragment):
    with pytest.raises(PlanError, match=re.escape(fragment)):
        select_lessons(course, modules, lessons)


# --- Clock times ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, minutes", [("09:30", 570), ("9:05", 545), ("00:00", 0), ("23:59", 1439), (" 13:15 ", 795)]
)
def test_clock_times_parse(text, minutes):
    assert parse_clock(text) == minutes
    assert clock(minutes) == text.strip().rjust(5, "0")


@pytest.mark.parametrize("text", ["24:00", "12:60", "9.30", "930", "noon", "", "-1:30", "09:30pm"])
def test_invalid_clock_times_are_rejected(text):
    with pytest.raises(PlanError, match="24-hour clock time"):
        parse_clock(text)


def test_slots_run_back_to_back_from_the_start_time(course):
    plan = plan_for(course, modules="2", start=13 * 60 + 45)
    assert_contiguous(plan)
    assert plan.days[0].slots[0].start == 13 * 60 + 45
    markdown = plan_render.render_markdown(course, plan)
    for slot in plan.slots:
        assert f"| {clock(slot.start)}–{clock(slot.end)} |" in markdown


# --- Fitting and the welcome and close -------------------------------------------------------------


def test_lessons_take_their_own_minutes_between_a_welcome_and_a_close(course):
    # Raw Settings add nothing around the lessons (no polls, changeovers or per-person welcome).
    module = course.modules[0]
    plan = build_plan(course, module.lessons, Settings(start=START, break_every=0))
    kinds = [slot.kind for slot in plan.slots]
    assert kinds == [WELCOME] + [LESSON] * len(module.lessons) + [CLOSE]
    assert [(s.lesson.id, s.minutes) for s in plan.slots if s.kind == LESSON] == [
        (l.id, l.minutes) for l in module.lessons
    ]
    assert plan.slots[0].minutes == WELCOME_MINUTES
    assert plan.slots[-1].minutes == CLOSE_MINUTES
    assert plan.total_minutes == WELCOME_MINUTES + sum(l.minutes for l in module.lessons) + CLOSE_MINUTES


def test_a_plan_that_exactly_fills_the_minutes_is_accepted(course):
    needed = plan_for(course, modules="1", start=START).total_minutes
    assert plan_for(course, modules="1", start=START, minutes=needed).total_minutes == needed


def test_welcome_and_close_lengths_can_be_changed_or_dropped(course):
    plan = plan_for(course, lessons="1", start=START, welcome=0, close=3)
    assert [slot.kind for slot in plan.slots] == [LESSON, CLOSE]
    assert plan.slots[-1].minutes == 3


# --- Breaks and lunch ------------------------------------------------------------------------------


def test_a_break_follows_the_lesson_that_reaches_the_threshold(course):
    lessons = with_minutes(course, [20, 20, 20, 20, 20])
    plan = build_plan(course, lessons, Settings(start=START, break_every=60, break_minutes=15))
    kinds = [slot.kind for slot in plan.slots]
    assert kinds == [WELCOME, LESSON, LESSON, LESSON, BREAK, LESSON, LESSON, CLOSE]
    assert plan.of_kind_count(BREAK) == 1
    assert next(s for s in plan.slots if s.kind == BREAK).minutes == 15


def test_lessons_are_not_cut_so_a_break_can_come_after_the_threshold(course):
    lessons = with_minutes(course, [25, 25, 25, 25])
    plan = build_plan(course, lessons, Settings(start=START, break_every=60))
    assert [slot.kind for slot in plan.slots] == [WELCOME, LESSON, LESSON, LESSON, BREAK, LESSON, CLOSE]


def test_never_a_break_right_before_the_close(course):
    lessons = with_minutes(course, [30, 30])
    plan = build_plan(course, lessons, Settings(start=START, break_every=60))
    assert BREAK not in [slot.kind for slot in plan.slots]
    assert plan.slots[-2].kind == LESSON and plan.slots[-1].kind == CLOSE


def test_break_every_zero_means_no_breaks(course):
    plan = plan_for(course, start=START, break_every=0, day_minutes=1000)
    assert plan.of_kind_count(BREAK) == 0


def test_every_break_in_a_real_plan_follows_enough_lesson_time(course):
    plan = plan_for(course, start=START, break_every=45, day_minutes=600)
    for day in plan.days:
        since = 0
        for index, slot in enumerate(day.slots):
            if slot.kind == LESSON:
                since += slot.minutes
                following = day.slots[index + 1]
                if since >= 45 and following.kind != CLOSE:
                    assert following.kind == BREAK, f"no break after {slot.title}"
            elif slot.kind == BREAK:
                assert since >= 45
                since = 0


def test_lunch_replaces_the_break_nearest_the_middle_of_the_day(course):
    lessons = with_minutes(course, [30] * 8)
    plan = build_plan(
        course, lessons, Settings(start=START, break_every=60, break_minutes=10, lunch=40, day_minutes=600)
    )
    day = plan.days[0]
    breaks_and_lunch = [slot for slot in day.slots if slot.kind in (BREAK, LUNCH)]
    assert [slot.kind for slot in breaks_and_lunch] == [BREAK, LUNCH, BREAK]
    lunch = breaks_and_lunch[1]
    assert lunch.minutes == 40
    middle = day.start + (day.minutes - (40 - 10)) / 2  # the day's middle before lunch lengthened it
    assert all(abs(lunch.start - middle) <= abs(other.start - middle) for other in breaks_and_lunch)


# --- Several days ------------------------------------------------------------------------------------


def test_multi_day_plans_split_at_the_day_length_and_restart_the_clock(course):
    plan = plan_for(course, start=START, days=3, day_minutes=200)
    assert len(plan.days) > 1
    assert lesson_ids(plan) == [lesson.id for lesson in course.lessons]
    assert_contiguous(plan)
    for day in plan.days:
        assert day.minutes <= 200
        assert day.slots[0].kind == WELCOME and day.slots[-1].kind == CLOSE
    assert plan.days[1].slots[0].title == "Welcome back and recap of day 1"
    assert plan.days[0].slots[-1].title.startswith("Close of day 1")
    assert plan.days[-1].slots[-1].title.startswith("Close: ")
    # Greedy: each day (but the last) had no room for the next day's first lesson.
    for day, following in zip(plan.days, plan.days[1:]):
        first_next = next(slot.lesson for slot in following.slots if slot.kind == LESSON)
        day_lessons = [slot.lesson for slot in day.slots if slot.kind == LESSON]
        longer = build_plan(
            course, day_lessons + [first_next], settings_with_defaults(course, start=START, day_minutes=1000)
        )
        assert longer.total_minutes > 200
    markdown = plan_render.render_markdown(course, plan)
    for day in plan.days:
        assert f"## Day {day.number}: {clock(day.start)} to {clock(day.end)}" in markdown


def test_a_selection_that_fits_in_fewer_days_uses_fewer(course):
    plan = plan_for(course, modules="1", start=START, days=2)
    assert len(plan.days) == 1


# --- Refusals ----------------------------------------------------------------------------------------


def test_refuses_when_the_minutes_are_too_few_and_says_how_many_are_needed(course):
    needed = plan_for(course, modules="1,3", start=START).total_minutes
    with pytest.raises(PlanDoesNotFit) as refusal:
        plan_for(course, modules="1,3", start=START, minutes=needed - 1)
    message = str(refusal.value)
    assert f"needs {needed} minutes" in message
    assert f"only {needed - 1} minutes are available" in message
    assert "fewer modules" in message and "--minutes" in message and "--days" in message


def test_refuses_when_more_days_are_needed_than_allowed(course):
    two_days = plan_for(course, start=START, days=5, day_minutes=240)
    with pytest.raises(PlanDoesNotFit) as refusal:
        plan_for(course, start=START, days=len(two_days.days) - 1, day_minutes=240)
    message = str(refusal.value)
    assert f"needs {two_days.total_minutes} minutes over {len(two_days.days)} days" in message
    assert "at most 240 minutes" in message and "--days" in message


def test_refuses_a_lesson_longer_than_a_day(course):
    longest = max(course.lessons, key=lambda lesson: lesson.minutes)
    with pytest.raises(PlanDoesNotFit, match=re.escape(f"takes {longest.minutes} minutes")):
        plan_for(course, lessons=longest.id, start=START, day_minutes=longest.minutes, polls=0)


def test_refuses_a_day_that_runs_past_midnight(course):
    with pytest.raises(PlanDoesNotFit, match="past midnight"):
        plan_for(course, modules="1", start=23 * 60)


@pytest.mark.parametrize(
    "settings, fragment",
    [
        ({"minutes": 0}, "--minutes must be at least 1"),
        ({"days": 0}, "--days must be at least 1"),
        ({"break_every": -5}, "--break-every cannot be negative"),
        ({"lunch": 5}, "--lunch must be 0"),
        ({"day_minutes": 2000}, "--day-minutes cannot be more than a whole day"),
    ],
)
def test_bad_settings_are_errors(settings, fragment):
    with pytest.raises(PlanError, match=re.escape(fragment)):
        Settings(**settings)


# --- The command ---------------------------------------------------------------------------------------


def run(capsys, *args):
    status = main(["--root", str(COURSE_ROOT), "plan", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_plan_command_prints_the_markdown_agenda(capsys, course):
    status, out, err = run(capsys, "--minutes", "300", "--modules", "1,3", "--start", "09:30", "--break-every", "60")
    assert status == 0 and err == ""
    plan = plan_for(course, modules="1,3", start=START, minutes=300)
    assert out == plan_render.render_markdown(course, plan)
    for lesson in plan.lessons:
        assert plan_render.md_text(lesson.title, myst=False) in out
    welcome = course.plans.timing.welcome + 6  # twelve people at half a minute each
    assert f"| 09:30–09:{30 + welcome} | Welcome, introductions and ground rules | {welcome} |" in out


def test_plan_command_prints_an_accessible_html_page(capsys, course):
    status, out, _ = run(capsys, "--modules", "2", "--format", "html", "--title", "Plan <&> test")
    assert status == 0
    assert out.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in out
    assert "<title>Plan &lt;&amp;&gt; test</title>" in out and "<&>" not in out
    plan = plan_for(course, modules="2", start=START)
    assert out.count("<caption>") == len(plan.days)
    assert out.count('<th scope="row">') == len(plan.slots)
    for lesson in plan.lessons:
        for objective in lesson.objectives:
            assert e(objective) in out


def test_plan_command_refusal_exits_1_with_the_numbers(capsys, course):
    needed = plan_for(course, modules="1,3", start=START).total_minutes
    status, out, err = run(capsys, "--minutes", "90", "--modules", "1,3", "--start", "09:30")
    assert status == 1 and out == ""
    assert f"needs {needed} minutes" in err and "only 90 minutes are available" in err


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--start", "9.30"], "--start must be a 24-hour clock time"),
        (["--start", "25:00"], "--start must be a 24-hour clock time"),
        (["--modules", "9"], "unknown module '9'"),
        (["--lessons", "nothing-here"], "unknown lesson 'nothing-here'"),
        (["--days", "0"], "--days must be at least 1"),
    ],
)
def test_plan_command_errors_exit_2(capsys, args, fragment):
    status, out, err = run(capsys, *args)
    assert status == 2 and out == ""
    assert fragment in err


# --- The ready-made plans in the book ------------------------------------------------------------------


def test_ready_made_plan_pages_match_the_generator():
    course = real_course()
    for path, text in ready_made.pages(course).items():
        on_disk = COURSE_ROOT / path
        assert on_disk.is_file(), f"{path} is missing: run `compact-course generate`"
        assert on_disk.read_text(encoding="utf-8") == text, f"{path} has drifted: run `compact-course generate`"


# Read straight from the file so collecting the tests does not load the course.
READY_MADE_SLUGS = [plan["slug"] for plan in yaml.safe_load((COURSE_ROOT / "data/plans.yaml").read_text())["plans"]]


def ready_made_named(course, slug):
    return next(ready for ready in ready_made.ready_made_plans(course) if ready.slug == slug)


@pytest.mark.parametrize("slug", READY_MADE_SLUGS)
def test_ready_made_pages_show_the_command_that_prints_the_same_agenda(capsys, slug):
    course = real_course()
    ready = ready_made_named(course, slug)
    page = ready_made.pages(course)[f"book/facilitator/{ready.slug}.md"]
    assert ready.command() in page
    words = shlex.split(ready.command())[2:]  # drop "compact-course plan"
    status, out, _ = run(capsys, *words, "--title", ready.title)
    assert status == 0
    plan, dropped = ready_made.ready_made_fit(course, ready)
    assert out == plan_render.render_markdown(course, plan, dropped=dropped)
    assert plan.total_minutes <= ready.settings.minutes
    for slot in plan.slots:  # the page shows the same rows, with links
        assert f"| {plan_render.md_text(slot.times, myst=True)} |" in page


def test_the_taster_fits_an_hour_with_its_polls_changeovers_and_a_welcome_for_twelve():
    course = real_course()
    ready = ready_made_named(course, "plan-taster")
    taster = ready_made.ready_made_plan(course, ready)
    assert taster.total_minutes <= 60
    assert len(taster.module_numbers) >= 2
    assert ready.settings.participants == 12 and taster.slots[0].minutes == ready.settings.welcome_minutes > 10
    assert all(slot.polled for slot in taster.slots if slot.kind == LESSON)
    assert taster.of_kind_count("changeover") == len(taster.lessons) - 1
    assert taster.total_minutes == sum(slot.minutes for slot in taster.slots)


def test_the_second_half_day_the_half_day_page_suggests_fits():
    course = real_course()
    half_day = ready_made_named(course, "plan-half-day")
    suggested = re.search(r"`(compact-course plan [^`]+)`", half_day.why).group(1)
    words = shlex.split(suggested)[2:]
    minutes = int(words[words.index("--minutes") + 1])
    modules = words[words.index("--modules") + 1]
    assert "--fit" in words
    lessons = select_lessons(course, modules)
    plan, _dropped = fit_plan(course, lessons, settings_with_defaults(course, start=START, minutes=minutes))
    covered = set(half_day.modules) | set(modules.split(","))
    assert covered == {str(n) for n in range(1, len(course.modules) + 1)}
    assert plan.total_minutes <= minutes


# --- data/plans.yaml -------------------------------------------------------------------------------


def test_ready_made_plans_come_from_the_data_file(tmp_path):
    root = course_copy(tmp_path)
    edit(root, "data/plans.yaml", 'title: "60-minute taster"', 'title: "Lunchtime taster"')
    edit(root, "data/plans.yaml", "A first taste of the course", "A quick taste of the course")
    edit(root, "data/plans.yaml", "      polls: 1\n", "      polls: 1\n      break_every: 0\n")
    course = load_course(root)
    page = ready_made.pages(course)["book/facilitator/plan-taster.md"]
    assert page.count("Lunchtime taster") == 1 and "60-minute taster" not in page
    assert "A quick taste of the course" in page and "A first taste" not in page
    assert "--break-every 0" in ready_made_named(course, "plan-taster").command()


def test_settings_a_ready_made_plan_leaves_out_take_the_command_defaults():
    course = real_course()
    taster = ready_made_named(course, "plan-taster")
    assert taster.settings == settings_with_defaults(course, minutes=60, start=START, polls=1)
    assert taster.modules == () and len(taster.lessons) == 2


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ('start: "09:30"\n      polls: 1', 'start: "9.30"\n      polls: 1', "plans[0].settings.start", "HH:MM"),
        ("      polls: 1\n", "      polls: 1\n      coffee: 10\n", "plans[0].settings.coffee", "unknown field"),
        ("      polls: 1\n", "      polls: -1\n", "plans[0].settings.polls", "greater than or equal to 0"),
        ("  changeover: 2\n", "  changeover: -2\n", "timing.changeover", "greater than or equal to 0"),
        ("slug: plan-half-day", "slug: plan-taster", "plans", "plan slug 'plan-taster' is given twice"),
    ],
)
def test_bad_plans_are_reported_with_file_line_and_field(tmp_path, old, new, field, message):
    root = course_copy(tmp_path)
    line = edit(root, "data/plans.yaml", old, new)
    problems, _ = load_problems(root)
    [problem] = [p for p in problems if p.file == "data/plans.yaml"]
    assert (problem.field, message in problem.message) == (field, True), problem
    if field != "plans":
        assert problem.line in (line, line + 1)
    else:
        assert problem.line == line_of(root, "data/plans.yaml", "plans:")


# --- Timings that hold: welcome, changeovers, polls, parts; --fit ------------------------------------


def test_the_welcome_grows_with_the_group(course):
    timing = course.plans.timing
    small = plan_for(course, lessons="1", start=START, participants=4)
    large = plan_for(course, lessons="1", start=START, participants=30)
    assert small.slots[0].minutes == timing.welcome + math.ceil(4 * timing.welcome_per_participant)
    assert large.slots[0].minutes == timing.welcome + math.ceil(30 * timing.welcome_per_participant)
    assert large.total_minutes - small.total_minutes == large.slots[0].minutes - small.slots[0].minutes > 0
    assert "for 30 participants" in large.summary()


def test_changeovers_separate_lessons_without_a_break_between(course):
    plan = plan_for(course, modules="1", start=START, break_every=0, changeover=3)
    kinds = [slot.kind for slot in plan.slots]
    assert kinds[1::2][: len(plan.lessons)] == [LESSON] * len(plan.lessons)
    assert kinds.count("changeover") == len(plan.lessons) - 1
    assert all(slot.minutes == 3 for slot in plan.slots if slot.kind == "changeover")


def test_lesson_slots_count_their_polls_and_name_their_parts(course):
    plan = plan_for(course, modules="2", start=START, polls=2, poll_minutes=3)
    for slot in plan.slots:
        if slot.kind != LESSON:
            continue
        assert len(slot.polled) == 2
        assert slot.minutes == slot.lesson.minutes + 6
        parts = dict(slot.parts)
        assert sum(parts.values()) == slot.minutes and parts["quiz"] == 6
        assert set(parts) <= {"reading", "scenario", "discussion", "quiz"}
        starters = course.notes_for(slot.lesson.id).spark_questions
        assert slot.polled[: len(starters)] == tuple(starters[:2])
    assert "with 8 quiz questions polled, 3 minutes each" in plan.summary()


def test_fit_drops_the_least_central_lessons_and_keeps_course_order(course):
    lessons = select_lessons(course, "1,2")
    settings = settings_with_defaults(course, start=START, minutes=150)
    plan, dropped = fit_plan(course, lessons, settings)
    assert plan.total_minutes <= 150
    kept = [lesson.id for lesson in plan.lessons]
    assert kept == [lesson.id for lesson in lessons if lesson not in dropped]
    worst_kept = max(course.plans.priorities[lesson_id] for lesson_id in kept)
    assert all(course.plans.priorities[lesson.id] >= worst_kept for lesson in dropped)
    with pytest.raises(PlanDoesNotFit):
        build_plan(course, [*plan.lessons, dropped[0]], settings)


def test_a_selection_that_does_not_fit_says_which_lessons_to_drop_and_fit_drops_them(capsys, course):
    args = ("--modules", "1,2", "--minutes", "150", "--start", "09:30")
    status, _, err = run(capsys, *args)
    plan, dropped = fit_plan(course, select_lessons(course, "1,2"), settings_with_defaults(course, minutes=150))
    assert status == 1 and "To fit, drop the least central" in err and "--fit" in err
    for lesson in dropped:
        assert f"lesson {course.lesson_number(lesson.id)} ({lesson.title})" in err
    status, out, err = run(capsys, *args, "--fit")
    assert status == 0 and err == ""
    assert out == plan_render.render_markdown(course, plan, dropped=dropped)
    assert (
        "Left out to fit the time: "
        + plan_render.md_text(f"Lesson {course.lesson_number(dropped[0].id)}: {dropped[0].title}", myst=False)
        in out
    )


def test_participants_must_be_at_least_one(capsys):
    status, _, err = run(capsys, "--lessons", "1", "--participants", "0")
    assert status == 2 and "--participants must be at least 1" in err


def test_ready_made_plans_link_each_lesson_to_its_presenter_view():
    from compact_course.facilitator.ready_made import ready_made_fit, ready_made_page, ready_made_plans

    course = load_course()
    for ready in ready_made_plans(course):
        page = ready_made_page(course, ready)
        plan, _ = ready_made_fit(course, ready)
        lessons = [slot.lesson for slot in plan.slots if slot.lesson is not None]
        assert lessons
        for lesson in lessons:
            target = f"../lessons/{course.lesson_number(lesson.id):02d}-{lesson.id}.html#present"
            assert f'<a href="{target}">present it</a>' in page, (ready.slug, lesson.id)
