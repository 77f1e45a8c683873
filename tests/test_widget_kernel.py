"""The live widget end to end in a real kernel (issue 26 item 1): what the quiz script writes to
the model reaches the Python traits a notebook reads.

The front end's side runs in node: the real modules (question-spec.js, question-state.js and
widget.js's ``syncQuiz``) answer a lesson quiz, built from the same data block the widget
carries, and give the state ``model.set`` + ``save_changes`` would send. The kernel's side is
a real ipykernel (jupyter_client) holding ``Quiz.widget``; the state arrives as the front end
sends it, an ipywidgets ``comm_msg`` with ``method: update`` on the widget's comm, and the
notebook reads ``widget.results`` and ``widget.score`` back.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from compact_course.quiz.quiz import Quiz
from helpers import COURSE_ROOT, real_course

jupyter_client = pytest.importorskip("jupyter_client")
pytestmark = pytest.mark.slow  # starts a kernel and node: about 10 s, outside the fast tier

WIDGET_JS = COURSE_ROOT / "src" / "compact_course" / "static" / "src"
DATA_BLOCK = re.compile(r'<script type="application/json" class="cc-quiz-data">(.*?)</script>', re.S)
TIMEOUT = 60

# The front end: the first question answered right, the second's answer shown and then answered,
# the rest not answered (only questions answered by one choice, as a radio button answers).
FRONT_END = """
import { readFileSync } from "node:fs";
import { specOf } from "%(src)s/question-spec.js";
import * as q from "%(src)s/question-state.js";
import { syncQuiz } from "%(src)s/widget.js";
const { data, manifest } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const specs = data.questions.map((question) => specOf(question, manifest, ""));
const context = { time: "2026-01-02T03:04:05.000Z", page: "/lesson.html" };
const right = (spec) => spec.choices.find((choice) => choice.correct).key;
const states = specs.map((spec, i) => {
  if (i === 0) { return q.check(q.initialState(), spec, right(spec), context, true).state; }
  if (i === 1) { return q.check(q.reveal(q.initialState(), spec, context).state, spec, right(spec), context, true).state; }
  return q.initialState();
});
const quiz = { questions: specs.map((spec, i) => ({ spec, result: states[i].result, first: states[i].first,
  revealed: states[i].revealed })) };
const traits = {};
let saved = 0;
syncQuiz({ set: (name, value) => { traits[name] = value; }, save_changes: () => { saved += 1; } }, quiz);
if (saved !== 1) { throw new Error("syncQuiz saved " + saved + " times"); }
process.stdout.write(JSON.stringify(traits));
"""


def _one_choice_lesson(course):
    """A lesson whose first two quiz questions are each answered by one choice."""
    for lesson in course.lessons:
        questions = course.quiz_for(lesson.id).questions
        if all(q.type in ("single", "scenario", "true-false") for q in questions[:2]):  # type: ignore[attr-defined]
            return lesson
    raise AssertionError("no lesson quiz starts with two one-choice questions")


def _front_end_state(tmp_path: Path, widget) -> dict:
    data = json.loads(DATA_BLOCK.search(widget.html).group(1))
    given = tmp_path / "widget.json"
    given.write_text(json.dumps({"data": data, "manifest": widget.manifest}), encoding="utf-8")
    script = tmp_path / "front-end.mjs"
    script.write_text(FRONT_END % {"src": WIDGET_JS.as_uri()}, encoding="utf-8")
    done = subprocess.run(["node", str(script), str(given)], capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _run(client, code: str) -> str:
    """Execute ``code`` in the kernel; its standard output (an error fails the test)."""
    out: list[str] = []

    def hook(msg):
        if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            raise AssertionError("\n".join(msg["content"]["traceback"]))

    reply = client.execute_interactive(code, timeout=TIMEOUT, output_hook=hook)
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(out)


def _send_from_front_end(client, comm_id: str, state: dict) -> None:
    """What anywidget's ``model.save_changes()`` sends: an ipywidgets update on the widget's comm."""
    content = {"comm_id": comm_id, "data": {"method": "update", "state": state, "buffer_paths": []}}
    msg = client.session.msg("comm_msg", content)
    client.shell_channel.send(msg)
    while True:  # the kernel has handled it once it reports idle for this message
        reply = client.get_iopub_msg(timeout=TIMEOUT)
        parent = reply["parent_header"].get("msg_id")
        status = reply["content"].get("execution_state") if reply["msg_type"] == "status" else None
        if parent == msg["header"]["msg_id"] and status == "idle":
            return


@pytest.fixture
def kernel():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(COURSE_ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    manager = jupyter_client.KernelManager(kernel_name="python3")
    manager.start_kernel(env=env, cwd=str(COURSE_ROOT))
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=TIMEOUT)
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_answers_and_score_written_by_the_script_reach_the_python_traits(kernel, tmp_path):
    course = real_course()
    lesson = _one_choice_lesson(course)
    quiz = Quiz.for_lesson(course, lesson.id)
    state = _front_end_state(tmp_path, quiz.widget)
    questions = [q.id for q in quiz.questions]
    assert state["score"] == {
        "correct": 1,
        "answered": 2,
        "total": len(questions),
    }  # the shown answer counts as not known
    assert state["results"][questions[1]] == {
        "answered": True,
        "correct": False,
        "revealed": True,
        "first_correct": False,
    }

    comm_id = _run(
        kernel,
        "from compact_course import cached_course\nfrom compact_course.quiz.quiz import Quiz\n"
        f"quiz = Quiz.for_lesson(cached_course(), {lesson.id!r})\n"
        "widget = quiz.widget\n"
        "print(widget.model_id, end='')",
    )
    assert re.fullmatch(r"[0-9a-f]{32}", comm_id), comm_id
    assert json.loads(_run(kernel, "import json; print(json.dumps([widget.results, widget.score]))")) == [{}, {}]

    _send_from_front_end(kernel, comm_id, state)
    seen = json.loads(_run(kernel, "print(json.dumps({'results': widget.results, 'score': widget.score}))"))
    assert seen == state
    assert seen["results"][questions[0]] == {
        "answered": True,
        "correct": True,
        "revealed": False,
        "first_correct": True,
    }
