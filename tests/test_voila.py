"""The live widgets as learners and facilitators run them: notebooks served by Voila, driven in
Chromium. The front end is the quiz script itself (anywidget), so a lesson quiz in Voila must give
the same feedback as the same quiz on a static page; the self-assessment and the room poll run
there too."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from compact_course import cached_course
from compact_course.core.escaping import json_for_script
from compact_course.core.interface_models import fill
from compact_course.quiz.data import course_manifest
from compact_course.quiz.quiz import Quiz

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "compact_course" / "static"
LESSON = "who-is-the-compact-for"
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _voila(notebook: str, tmp_path: Path):
    port = _free_port()
    voila = Path(sys.executable).parent / "voila"
    log = (tmp_path / "voila.log").open("w")
    process = subprocess.Popen(
        [str(voila), str(ROOT / notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        if process.poll() is not None:
            pytest.fail(f"voila exited: {(tmp_path / 'voila.log').read_text()}")
        time.sleep(0.2)
    return process, log, f"http://127.0.0.1:{port}/"


@pytest.fixture
def voila_url(request, tmp_path):
    process, log, url = _voila(request.param, tmp_path)
    yield url
    process.terminate()
    process.wait(timeout=20)
    log.close()


def _answer_and_check(page, form, label_index: int) -> str:
    form.locator(".cc-options label").nth(label_index).click()
    form.locator('[data-action="check"]').click()
    box = form.locator(".cc-feedback")
    page.wait_for_function("el => el.textContent.length > 0", arg=box.element_handle(), timeout=10_000)
    return box.inner_text()


def _static_page(tmp_path: Path, html: str) -> str:
    """The quiz on a static page, as the book serves it: the manifest, the script, the quiz's HTML."""
    shutil.copy(STATIC / "compact-quiz.js", tmp_path / "compact-quiz.js")
    shutil.copy(STATIC / "compact-quiz.css", tmp_path / "compact-quiz.css")
    (tmp_path / "compact-manifest.js").write_text(
        f"window.CompactCourseManifest = {json_for_script(course_manifest(cached_course()))};\n", encoding="utf-8"
    )
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Quiz</title>'
        '<link rel="stylesheet" href="compact-quiz.css"><script src="compact-manifest.js"></script>'
        f'<script src="compact-quiz.js" defer></script></head><body><main>{html}</main></body></html>',
        encoding="utf-8",
    )
    return page.as_uri()


@pytest.mark.parametrize("voila_url", [f"book/lessons/01-{LESSON}.ipynb"], indirect=True)
def test_a_lesson_quiz_in_voila_gives_the_static_pages_feedback(browser, voila_url, tmp_path):
    quiz = Quiz.for_lesson(cached_course(), LESSON)
    context = browser.new_context()
    live = context.new_page()
    errors: list[str] = []
    live.on("pageerror", lambda error: errors.append(str(error)))
    live.goto(voila_url, timeout=90_000)
    live_form = live.locator(".cc-widget form.cc-question").first
    live_form.wait_for(timeout=90_000)
    static = context.new_page()
    static.on("pageerror", lambda error: errors.append(str(error)))
    static.goto(_static_page(tmp_path, quiz.to_html()))
    static_form = static.locator("form.cc-question").first
    static_form.locator('[data-action="check"]').wait_for(state="visible", timeout=10_000)
    for label_index in (0, 1):  # two answers, one of them (at least) wrong
        seen_live = _answer_and_check(live, live_form, label_index)
        seen_static = _answer_and_check(static, static_form, label_index)
        assert seen_live == seen_static
    assert (
        cached_course().interface.question.wrong in seen_live or cached_course().interface.question.right in seen_live
    )
    assert errors == []
    context.close()


@pytest.mark.parametrize("voila_url", ["book/self-assessment.ipynb"], indirect=True)
def test_the_self_assessment_in_voila_submits_and_shows_the_results(browser, voila_url):
    words = cached_course().interface
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(voila_url, timeout=90_000)
    forms = page.locator(".cc-widget section.cc-quiz[data-mode=exam] form.cc-question:not([hidden])")
    forms.first.wait_for(timeout=90_000)
    assert not forms.first.locator('[data-action="check"]').is_visible()  # exam mode: no checking yet
    forms.first.locator("input").first.check()
    page.get_by_role("button", name=words.exam.submit).click()
    page.get_by_role("button", name=words.exam.submit_anyway).click()
    results = page.locator(".cc-widget .cc-results")
    results.wait_for(timeout=10_000)
    assert f"of {forms.count()} correct" in results.locator(".cc-overall").inner_text()
    mastery = cached_course().assessment.mastery_score
    lines = {fill(words.results.passed, mastery=mastery), fill(words.results.not_passed, mastery=mastery)}
    assert results.locator(".cc-pass-mark").inner_text() in lines
    assert errors == []
    page.close()


@pytest.mark.parametrize("voila_url", ["book/facilitator/room-poll.ipynb"], indirect=True)
def test_room_poll_runs_in_voila(browser, voila_url):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(voila_url, timeout=90_000)
    plus = page.locator(".cc-widget .cc-poll-plus")
    plus.first.wait_for(timeout=90_000)
    for _ in range(3):
        plus.nth(0).click()
    plus.nth(1).click()
    votes = page.locator(".cc-widget .cc-poll-count").first
    page.wait_for_function("el => el.value === '3'", arg=votes.element_handle(), timeout=10_000)
    page.get_by_role("button", name="Reveal answer").click()
    page.locator(".cc-poll-reveal-box").first.wait_for(timeout=10_000)
    assert page.locator(".cc-poll-reveal-box").first.inner_text().strip()
    page.get_by_role("button", name="Next question").click()
    page.get_by_text("Question 2 of").first.wait_for(timeout=10_000)
    assert errors == []
    page.close()
