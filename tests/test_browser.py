"""Real-browser tests of the built book: keyboard and mouse quizzes, requests, axe, errors, layout.

They use the book the way learners do: the static HTML served from a local web server and
driven in headless Chromium. No page may request anything outside the book's folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compact_course import cached_course
from compact_course.quiz.data import question_data

pytestmark = pytest.mark.browser

LESSON_1 = "book/lessons/01-who-is-the-compact-for.html"
LESSON_2 = "book/lessons/02-not-legally-binding.html"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# None: every JavaScript error on every page is a failure.
TOLERATED_ERRORS: tuple[str, ...] = ()
FIXTURES = Path(__file__).parent / "js" / "fixtures"  # the script's behaviour tables


def spec_of(page, question_id: str) -> dict:
    """The question's data as the page read it from its quiz's data block (question-spec.js)."""
    return page.evaluate("id => window.CompactQuiz.specOf(id)", question_id)


def correct_response(spec: dict):
    if spec["type"] == "matching":
        return {item["key"]: item["answer"] for item in spec["items"]}
    keys = [c["key"] for c in spec["choices"] if c["correct"]]
    return keys if spec["type"] == "multiple" else keys[0]


def wrong_response(spec: dict):
    if spec["type"] == "matching":
        keys = [c["key"] for c in spec["choices"]]
        return {item["key"]: next(k for k in keys if k != item["answer"]) for item in spec["items"]}
    wrong = [c["key"] for c in spec["choices"] if not c["correct"]]
    return [wrong[0]] if spec["type"] == "multiple" else wrong[0]


def active(page) -> str:
    return page.evaluate(
        "() => { const a = document.activeElement; return (a.id || '') + '|' + (a.getAttribute('data-action') || '') "
        "+ '|' + (a.closest('form') ? a.closest('form').id : ''); }"
    )


def tab_to(page, predicate: str, limit: int = 800) -> None:
    """Press Tab until ``predicate`` (a JS expression over ``a``, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const a = document.activeElement; return !!({predicate}); }}"):
            return
    raise AssertionError(f"could not reach an element matching {predicate} with the Tab key")


def answer_by_keyboard(page, form_id: str, response) -> None:
    """Select ``response`` in the form using only Tab, arrow keys and Space."""
    spec = spec_of(page, form_id)
    if spec["type"] == "matching":
        options = [c["key"] for c in spec["choices"]]
        for item in spec["items"]:
            tab_to(page, f"a.id === '{form_id}-{item['key']}'")
            for _ in range(options.index(response[item["key"]]) + 1):  # index 0 is "Choose a match"
                page.keyboard.press("ArrowDown")
        return
    inputs = page.evaluate(f"() => [...document.querySelectorAll('#{form_id} input')].map(i => i.value)")
    if spec["type"] == "multiple":
        for value in inputs:
            tab_to(page, f"a.value === '{value}' && !!a.closest('#{form_id}')")
            if value in response:
                page.keyboard.press("Space")
        return
    tab_to(page, f"a.type === 'radio' && !!a.closest('#{form_id}')")
    page.keyboard.press("Space")  # selects the focused (first) radio
    for _ in range(inputs.index(response)):
        page.keyboard.press("ArrowDown")


def answer_by_mouse(page, form_id: str, response) -> None:
    form = page.locator(f"#{form_id}")
    if isinstance(response, dict):
        for item_key, choice_key in response.items():
            form.locator(f"#{form_id}-{item_key}").select_option(choice_key)
        return
    for key in response if isinstance(response, list) else [response]:
        form.locator(f"label:has(> input[value='{key}'])").click()


def check_by_mouse(page, form_id: str, response) -> None:
    answer_by_mouse(page, form_id, response)
    page.locator(f"#{form_id} button[data-action=check]").click()


def press_button(page, form_id: str, action: str) -> None:
    tab_to(page, f"a.getAttribute('data-action') === '{action}' && a.closest('form').id === '{form_id}'")
    page.keyboard.press("Enter")


def feedback(page, form_id: str) -> str:
    return page.locator(f"#{form_id} .cc-feedback").inner_text()


def question_ids(page) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('form.cc-question')].map(f => f.id)")


def lesson_with(qtype: str) -> str:
    """The first lesson page whose quiz asks a question of this type (lesson 1's bank no longer has every type)."""
    course = cached_course()
    lesson_id = next(
        lesson.id for lesson in course.lessons if any(q.type == qtype for q in course.quiz_for(lesson.id).questions)
    )
    return course.lesson_docname(lesson_id) + ".html"


def question_of_type(page, qtype: str) -> str:
    return page.evaluate(f"() => document.querySelector('form.cc-question[data-type=\"{qtype}\"]').id")


@pytest.mark.parametrize("qtype", ["single", "scenario", "multiple", "true-false", "matching"])
def test_each_question_type_by_keyboard_only(page, qtype):
    page.goto(lesson_with(qtype))
    form_id = question_of_type(page, qtype)
    spec = spec_of(page, form_id)
    region = page.locator(f"#{form_id} .cc-feedback")
    assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"

    answer_by_keyboard(page, form_id, wrong_response(spec))
    press_button(page, form_id, "check")
    assert "Not quite" in feedback(page, form_id)
    assert "✗" in feedback(page, form_id)  # said with a symbol and words, not colour alone

    press_button(page, form_id, "retry")
    assert "cleared" in feedback(page, form_id)

    answer_by_keyboard(page, form_id, correct_response(spec))
    press_button(page, form_id, "check")
    text = feedback(page, form_id)
    assert "Correct" in text and spec["explanation"] in text

    # Show answer asks first (the question would then count as not known); Escape says no.
    words = cached_course().interface.question
    press_button(page, form_id, "reveal")
    ask = page.locator(f"#{form_id} .cc-confirm-reveal")
    assert ask.is_visible() and words.reveal_ask in ask.inner_text()
    assert active(page).endswith("|" + form_id) and not page.locator(f"#{form_id} details.cc-answer").is_visible()
    page.keyboard.press("Escape")
    assert not ask.is_visible() and active(page) == f"|reveal|{form_id}"
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")  # from "Cancel" to "Show the answer"
    page.keyboard.press("Enter")
    assert page.locator(f"#{form_id} details.cc-answer").evaluate("d => d.open && !d.hidden")
    press_button(page, form_id, "check")  # the form still holds the right answer
    assert words.revealed_counts in feedback(page, form_id)  # right, but it counts as not known
    assert page.errors == []


def test_whole_quiz_by_keyboard_shows_the_score(page):
    page.goto(LESSON_1)
    ids = question_ids(page)
    for index, form_id in enumerate(ids):
        spec = spec_of(page, form_id)
        response = wrong_response(spec) if index == 0 else correct_response(spec)
        answer_by_keyboard(page, form_id, response)
        if spec["type"] in ("single", "scenario", "true-false"):
            page.keyboard.press("Enter")  # Enter on a radio submits its form: checks the answer
        else:
            press_button(page, form_id, "check")
    score = page.locator("section.cc-quiz .cc-score")
    assert score.get_attribute("aria-live") == "polite"
    assert score.inner_text().startswith(f"Score: {len(ids) - 1} of {len(ids)} correct. First attempts: ")


def test_whole_quiz_by_mouse(page):
    page.goto(LESSON_2)
    ids = question_ids(page)
    assert ids
    for form_id in ids:
        spec = spec_of(page, form_id)
        form = page.locator(f"#{form_id}")
        check_by_mouse(page, form_id, correct_response(spec))
        assert "Correct" in feedback(page, form_id)
        if spec.get("hint"):
            form.locator("button[data-action=hint]").click()
            assert spec["hint"] in form.locator(".cc-hint").inner_text()
    assert (
        page.locator(".cc-score").inner_text().startswith(f"Score: {len(ids)} of {len(ids)} correct. First attempts: ")
    )
    first = page.locator(f"#{ids[0]}")
    first.locator("button[data-action=reveal]").click()
    words = cached_course().interface.question
    first.get_by_role("button", name=words.reveal_yes).click()
    assert first.locator("details.cc-answer").evaluate("d => d.open")
    # Seeing the answer makes the question count as not known, in the score too.
    assert page.locator(".cc-score").inner_text().startswith(f"Score: {len(ids) - 1} of {len(ids)} correct.")
    first.locator("button[data-action=reveal]").click()  # asked once per question
    assert not first.locator(".cc-confirm-reveal").is_visible()
    page.reload()
    assert page.locator(".cc-score").inner_text().startswith(f"Score: {len(ids) - 1} of {len(ids)} correct.")
    assert page.errors == []


@pytest.mark.parametrize("lesson_page", [LESSON_1, LESSON_2])
def test_the_page_reads_each_question_from_its_quiz_data_as_python_writes_it(page, lesson_page):
    # The script reads the data block (quiz_data), completed with the lesson and module from the manifest.
    course = cached_course()
    page.goto(lesson_page)
    doc = lesson_page.removesuffix(".html")
    by_id = {q.id: q for bank in course.quizzes for q in bank.questions}
    ids = question_ids(page)
    assert ids and {page.evaluate("id => document.getElementById(id).dataset.type", i) for i in ids}
    for question_id in ids:
        read = spec_of(page, question_id)
        expected = json.loads(json.dumps(question_data(course, by_id[question_id], doc)))
        lesson = course.lesson(expected.pop("lesson"))
        assert read.pop("lesson")["title"] == lesson.title
        assert read.pop("module")["id"] == course.module_of(lesson.id).id
        assert read == expected, question_id
    assert page.errors == []


def _check_page(page, url: str, origin: str, axe_source: str) -> list[str]:
    problems = []
    page.requests.clear()
    page.errors.clear()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(50)
    for request in page.requests:
        if not (request.startswith(origin) or request.startswith(("data:", "blob:"))):
            problems.append(f"{url}: external request {request}")
    for error in page.errors:
        if not any(tolerated in error for tolerated in TOLERATED_ERRORS):
            problems.append(f"{url}: {error}")
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        """async tags => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
        }""",
        AXE_TAGS,
    )
    problems += [f"{url}: axe {v}" for v in violations]
    return problems


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_page_local_only_accessible_and_error_free(browser, book_server, page_list, axe_source, output_dir, mode):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=book_server, color_scheme=mode)
    context.add_init_script(f"window.localStorage.setItem('mode', '{mode}');")
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(f"pageerror: {error}"))
    page.on(
        "console", lambda msg: page.errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None
    )
    problems = []
    pages = page_list
    assert len(pages) > 25
    for url in pages:
        problems += _check_page(page, url, book_server, axe_source)
    context.close()
    (output_dir / f"page-problems-{mode}.txt").write_text("\n".join(problems) + "\n", encoding="utf-8")
    assert problems == [], f"{len(problems)} problems; see test-output/page-problems-{mode}.txt"


@pytest.mark.parametrize("width", [375, 1280])
def test_lesson_layout_and_screenshots(browser, book_server, output_dir, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, base_url=book_server)
    page = context.new_page()
    page.goto(LESSON_1)
    page.screenshot(path=str(output_dir / f"lesson-01-{width}px.png"), full_page=True)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a {width}px screen"
    wide = page.evaluate(
        """w => [...document.querySelectorAll('article.bd-article *')].filter(e => e.getBoundingClientRect().right > w + 1
             && getComputedStyle(e).position !== 'fixed' && !e.closest('.table-wrapper, pre, .highlight'))
             .slice(0, 5).map(e => e.tagName + '.' + e.className)""",
        width,
    )
    assert wide == []
    context.close()


def test_progress_survives_reload_and_shows_on_my_progress(page):
    page.goto(LESSON_1)
    first = question_ids(page)[0]
    check_by_mouse(page, first, correct_response(spec_of(page, first)))
    page.goto(LESSON_2)
    second = question_ids(page)[0]
    check_by_mouse(page, second, wrong_response(spec_of(page, second)))
    page.reload()
    assert "Not quite" in feedback(page, second)  # restored after reload
    page.goto("book/progress.html")
    rows = page.locator("#cc-progress tr[data-lesson]")
    row1 = page.locator("#cc-progress tr[data-lesson='who-is-the-compact-for']").inner_text()
    row2 = page.locator("#cc-progress tr[data-lesson='not-legally-binding']").inner_text()
    assert "1 of 5" in row1 and "In progress" in row1
    assert "1 of 5" in row2 and "In progress" in row2
    assert rows.count() == len(cached_course().lessons)
    assert "You have answered 2 of" in page.locator(".cc-progress-summary").inner_text()
    assert page.errors == []


def test_progress_reset_needs_confirmation_and_clears(page):
    page.goto(LESSON_1)
    first = question_ids(page)[0]
    check_by_mouse(page, first, correct_response(spec_of(page, first)))
    page.goto("book/progress.html")
    page.get_by_role("button", name="Reset progress").click()
    page.get_by_role("button", name="Cancel").click()
    assert "1 of 5" in page.locator("tr[data-lesson='who-is-the-compact-for']").inner_text()
    page.get_by_role("button", name="Reset progress").click()
    page.get_by_role("button", name="Yes, delete my progress").click()
    assert "0 of 5" in page.locator("tr[data-lesson='who-is-the-compact-for']").inner_text()
    assert "deleted" in page.locator(".cc-progress-message").inner_text()


def test_progress_export_and_import_round_trip(page, tmp_path):
    page.goto(LESSON_1)
    first = question_ids(page)[0]
    check_by_mouse(page, first, correct_response(spec_of(page, first)))
    page.goto("book/progress.html")
    with page.expect_download() as download_info:
        page.get_by_role("button", name=cached_course().interface.progress.export).click()
    exported = tmp_path / "progress.json"
    download_info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "compact-course-progress"
    assert f"compact-course:v1:lesson:{first}" in data["records"]
    page.evaluate("() => localStorage.clear()")
    page.reload()
    assert "0 of 5" in page.locator("tr[data-lesson='who-is-the-compact-for']").inner_text()
    page.set_input_files("#cc-import-file", str(exported))
    page.wait_for_function("() => document.querySelector('.cc-progress-message').textContent.includes('Imported')")
    assert "1 of 5" in page.locator("tr[data-lesson='who-is-the-compact-for']").inner_text()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    page.set_input_files("#cc-import-file", str(bad))
    page.wait_for_function(
        "() => document.querySelector('.cc-progress-message').textContent.includes('Nothing was imported')"
    )
    assert "1 of 5" in page.locator("tr[data-lesson='who-is-the-compact-for']").inner_text()


def test_corrupt_storage_is_set_aside_with_a_notice_and_valid_progress_kept(page):
    page.goto(LESSON_1)
    ids = question_ids(page)
    check_by_mouse(page, ids[1], correct_response(spec_of(page, ids[1])))
    corrupt_key = f"compact-course:v1:lesson:{ids[0]}"
    page.evaluate(
        "key => { localStorage.setItem(key, '{not json'); localStorage.setItem('compact-course:v1:lesson:q-x-01', '[1,2]'); }",
        corrupt_key,
    )
    page.errors.clear()
    page.reload()
    assert page.errors == []
    notice = page.locator("#cc-notices")
    assert notice.is_visible() and "set aside" in notice.inner_text()
    assert "Correct" in feedback(page, ids[1])  # the valid answer is still there
    kept = page.evaluate("key => localStorage.getItem('compact-course:set-aside:' + key)", corrupt_key)
    assert kept == "{not json"
    page.goto("book/progress.html")
    assert page.errors == []
    assert "1 of 5" in page.locator("tr[data-lesson='who-is-the-compact-for']").inner_text()


def test_self_assessment_exam_mode_gives_per_module_results_and_advice(page):
    course = cached_course()
    page.goto("book/self-assessment.html")
    section = page.locator("section.cc-quiz[data-mode=exam]").first
    ids = page.evaluate(
        "() => [...document.querySelectorAll('section.cc-quiz[data-mode=exam] form.cc-question')]"
        ".filter(f => !f.hidden).map(f => f.id)"
    )
    assert ids == [f"sa-{qid}" for qid in course.assessment.fixed]  # the first attempt
    # Exam mode gives no feedback until everything is submitted.
    assert section.locator(".cc-controls:not([hidden]) button[data-action=check]").count() == 0
    missed_lessons = set()
    responses = {}
    for index, form_id in enumerate(ids):
        spec = spec_of(page, form_id)
        response = wrong_response(spec) if index < 2 else correct_response(spec)
        responses[spec["id"]] = response
        if index < 2:
            missed_lessons.add(spec["lesson"]["title"])
        answer_by_mouse(page, form_id, response)
        assert feedback(page, form_id) == ""
    page.get_by_role("button", name="Submit all answers").click()
    results = page.locator(".cc-results")
    assert results.is_visible()
    total = len(ids)
    assert f"Overall: {total - 2} of {total} correct" in results.inner_text()
    rows = results.locator("table.cc-module-scores tbody tr")
    assert rows.count() == len(course.modules)
    advice = results.locator("ol.cc-advice li").all_inner_texts()
    assert {text.split(": ", 1)[1].split(" (")[0] for text in advice} == missed_lessons
    assert results.locator("svg[role=img]").get_attribute("aria-label").startswith("Bar chart of your score per module")
    with page.expect_download() as download_info:
        page.get_by_role("button", name=cached_course().interface.results.download_csv).click()
    csv_text = Path(download_info.value.path()).read_text(encoding="utf-8")
    rows = [row.split(",") for row in csv_text.strip().splitlines()]
    assert rows[0][:3] == ["date", "scope", "module"]
    overall = dict(zip(rows[0], rows[-1], strict=True))
    assert (overall["scope"], overall["correct"], overall["answered"], overall["total"]) == (
        "overall",
        str(total - 2),
        str(total),
        str(total),
    )
    page.emulate_media(media="print")  # the printed results: the results only, dated, no buttons
    words = cached_course().interface
    assert results.is_visible() and words.record.date in results.locator("dl.cc-record-facts dt").all_inner_texts()
    assert not page.locator(f"#{ids[0]}").is_visible()
    assert not results.get_by_role("button", name=words.results.print).is_visible()
    page.emulate_media(media="screen")
    page.reload()
    assert page.locator(".cc-results").is_visible()  # results are kept after a reload
    assert page.errors == []


def test_the_draw_in_the_browser_draws_the_tables_sets(page):
    course = cached_course()
    cases = json.loads((FIXTURES / "draw_cases.json").read_text(encoding="utf-8"))
    page.goto("book/self-assessment.html")
    for vector in cases["hashes"]:
        assert page.evaluate("t => window.CompactQuiz.fnv1a32(t)", vector["text"]) == vector["fnv1a"]
    pool = [  # the self-assessment's own pool, as its page hands it to drawIds
        {
            "id": q.id,
            "module": {
                "id": course.module_of_question(q.id).id,
                "number": course.module_number(course.module_of_question(q.id).id),
            },
        }
        for q in course.pool_questions()
    ]
    module_of = {q["id"]: q["module"]["id"] for q in pool}
    # The table was computed over its own frozen pool (modules 1-4); each module's draw is independent of
    # the others', so the page's draw over the course's pool, kept to the table's modules, is the table's.
    table_modules = {q["module"]["id"] for q in cases["pool"]}
    assert {q["id"] for q in pool if q["module"]["id"] in table_modules} == {q["id"] for q in cases["pool"]}
    other_modules = {q["module"]["id"] for q in pool} - table_modules
    assert other_modules  # the course's pool has grown beyond the table's modules: they are drawn too
    for case in cases["cases"]:
        drawn = page.evaluate(
            "([pool, seed, n]) => window.CompactQuiz.drawIds(pool, seed, n)", [pool, case["seed"], case["per_module"]]
        )
        assert [i for i in drawn if module_of[i] in table_modules] == case["expected"]
        for module_id in other_modules:
            in_module = [q["id"] for q in pool if q["module"]["id"] == module_id]
            chosen = [i for i in drawn if module_of[i] == module_id]
            assert len(chosen) == min(case["per_module"], len(in_module)) and len(set(chosen)) == len(chosen)

    assert page.errors == []


def test_on_a_phone_a_chosen_match_is_written_out_in_full(page):
    # A closed drop-down cuts a long match off at 390 px (issue 18): the page shows it in full.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(lesson_with("matching"))
    selects = page.locator("form[data-type=matching] select")
    assert selects.count() > 0
    select = selects.first
    longest = max(select.locator("option").all_inner_texts(), key=len)
    select.select_option(label=longest)
    shown = page.locator("form[data-type=matching] .cc-chosen").first
    assert shown.inner_text() == longest
    assert shown.get_attribute("aria-hidden") == "true"  # the drop-down itself announces its value
    box = shown.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    select.select_option(value="")
    assert shown.inner_text() == ""
    assert page.errors == []
