"""Every presenter slide of every lesson fits the projector (issue 27, item 1).

At 1280x720, 1024x768 and 1366x768 the presenter view of each lesson is opened once (one page
load per lesson and size) and walked from the first slide to the last with Page Down, as a
clicker would. On each slide: the stage does not scroll and nothing in it reaches past its
edges (SVG chart text included), the dialog does not scroll, and no text on the slide is
smaller than 24 px. On each poll's counting slide the first option is given 999 votes first, so
the chart's longest value must fit too. Long slides are split into continued slides: the test
also checks that every item of every slide's data appears on some slide, so nothing is lost.
"""

from __future__ import annotations

import pytest

from compact_course import cached_course
from compact_course.book.presenter import lesson_slides

SIZES = [(1280, 720), (1024, 768), (1366, 768)]
MIN_TEXT_PX = 24

WALK = """() => {
  const dialog = document.querySelector('.cc-presenter');
  const stage = dialog.querySelector('.cc-presenter-stage');
  const problems = [];
  const shown = [];
  const key = (k) => dialog.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  key('Home');
  for (let n = 0; n < 400; n += 1) {
    const status = dialog.querySelector('.cc-presenter-status').textContent;
    const box = dialog.querySelector('input.cc-poll-count');
    if (box) { box.value = '999'; box.dispatchEvent(new Event('input', { bubbles: true })); }
    const edge = stage.getBoundingClientRect();
    if (stage.scrollHeight > stage.clientHeight + 1 || stage.scrollWidth > stage.clientWidth + 1) {
      problems.push(status + ': the stage scrolls (' + stage.scrollHeight + ' > ' + stage.clientHeight + ')');
    }
    if (dialog.scrollHeight > dialog.clientHeight + 1) { problems.push(status + ': the dialog scrolls'); }
    stage.querySelectorAll('*').forEach((node) => {
      const r = node.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) { return; }
      if (r.bottom > edge.bottom + 1 || r.right > edge.right + 1 || r.top < edge.top - 1 || r.left < edge.left - 1) {
        problems.push(status + ': ' + node.tagName + ' "' + (node.textContent || '').slice(0, 40) + '" reaches past the stage');
      }
      const own = Array.from(node.childNodes).some((c) => c.nodeType === 3 && c.textContent.trim());
      if (own || node.tagName === 'INPUT') {
        let size = parseFloat(getComputedStyle(node).fontSize);
        const svg = node.ownerSVGElement;
        if (svg) { size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; }
        if (size < MIN - 0.01) { problems.push(status + ': "' + node.textContent.slice(0, 30) + '" is ' + size.toFixed(1) + ' px'); }
      }
    });
    shown.push(stage.innerText);
    const before = status;
    key('PageDown');
    if (dialog.querySelector('.cc-presenter-status').textContent === before) { break; }
  }
  return { problems, shown: shown.join('\\n') };
}""".replace("MIN", str(MIN_TEXT_PX))


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_of_every_lesson_fits_the_screen(browser, facilitator_server, size):
    course = cached_course()
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, base_url=facilitator_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    problems: list[str] = []
    for lesson in course.lessons:
        page.goto(course.lesson_docname(lesson.id) + ".html#present")
        page.locator(".cc-presenter").wait_for()
        result = page.evaluate(WALK)
        problems += [f"{lesson.id}: {p}" for p in result["problems"]]
        shown = _norm(result["shown"])
        for slide in lesson_slides(course, lesson.id)["slides"]:
            for item in slide.get("items", []):
                # A split paragraph may break between sentences, so look for its first words.
                assert _norm(item)[:60] in shown, f"{lesson.id}: {item[:60]!r} is on no slide at {size}"
        page.evaluate("() => localStorage.clear()")  # each lesson from its first slide
    context.close()
    assert problems == [], "\n".join(problems[:40])
    assert errors == []
