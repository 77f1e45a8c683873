"""The Downloads pages: every file they link exists and opens, and the learner edition offers no
answers (no quiz banks); the facilitator edition has the banks per module and per lesson.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import unquote

from compact_course.export.download_page import bank_list_html
from compact_course.export.downloads import BANK_FORMATS, POOL_STEM, bank_files, pool_files
from helpers import real_course

DOWNLOAD_LINK = re.compile(r'href="([^"]*downloads/[^"#]+)"')


def linked_downloads(html: Path, page: str) -> list[Path]:
    text = (html / page).read_text(encoding="utf-8")
    base = (html / page).parent
    return [(base / unquote(href)).resolve() for href in DOWNLOAD_LINK.findall(text)]


def assert_opens(path: Path) -> None:
    assert path.is_file(), f"{path} is linked but missing"
    data = path.read_bytes()
    if path.suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None and archive.namelist()
            for name in archive.namelist():
                if name.endswith(".xml"):
                    ET.fromstring(archive.read(name))
    elif path.suffix == ".xml":
        ET.fromstring(data)
    else:
        assert data.decode("utf-8").strip(), f"{path} is empty"
        assert "::" in data.decode("utf-8"), f"{path} holds no GIFT question"


def test_every_module_and_lesson_has_a_bank_in_every_format():
    course = real_course()
    files = bank_files(course)
    assert len(files) == (len(course.modules) + len(course.lessons)) * len(BANK_FORMATS)
    listed = re.findall(r'href="\.\./\.\./downloads/([^"]+)"', bank_list_html(course))
    assert sorted(listed) == sorted([*files, *pool_files(course)])


def test_the_self_assessment_pool_is_offered_in_every_format_with_every_pool_question():
    course = real_course()
    files = pool_files(course)
    assert sorted(files) == sorted(POOL_STEM + ending for ending, _ in BANK_FORMATS.values())
    gift = files[POOL_STEM + "-gift.txt"].decode("utf-8")
    assert sorted(re.findall(r"^::([^:]+)::", gift, re.MULTILINE)) == sorted(q.id for q in course.pool_questions())
    xml = ET.fromstring(files[POOL_STEM + "-moodle.xml"])
    categories = [c.findtext("category/text") for c in xml.iter("question") if c.get("type") == "category"]
    assert categories == [f"$course$/top/Compact course/Module {n}" for n in range(1, len(course.modules) + 1)]


def test_the_learner_downloads_are_there_and_open_and_hold_no_answers(learner_downloads):
    links = linked_downloads(learner_downloads, "book/downloads.html")
    assert {path.name for path in links} == {"course-offline.zip", "course-scorm12.zip", "course-scorm2004.zip"}
    for path in links:
        assert_opens(path)
    names = {path.name for path in (learner_downloads / "downloads").iterdir()}
    assert not [name for name in names if name.startswith(("quiz-bank-", POOL_STEM))]
    with zipfile.ZipFile(learner_downloads / "downloads" / "course-offline.zip") as archive:
        assert "course/index.html" in archive.namelist()
        assert not [name for name in archive.namelist() if "/facilitator/" in name or "/downloads/" in name]


def test_the_facilitator_downloads_are_there_and_open(facilitator_book):
    course = real_course()
    links = linked_downloads(facilitator_book, "book/facilitator/downloads.html")
    expected = {"course-offline.zip", "course-offline-learner.zip", "course-scorm12.zip", "course-scorm2004.zip"}
    expected |= {*bank_files(course), *pool_files(course)}
    assert {path.name for path in links} == expected
    for path in links:
        assert_opens(path)
    # The page says which zip holds the answer keys, and offers the learner edition for participants.
    page = (facilitator_book / "book/facilitator/downloads.html").read_text(encoding="utf-8")
    assert "holds the answer keys" in page and "no answer keys" in page
    with zipfile.ZipFile(facilitator_book / "downloads" / "course-offline.zip") as archive:
        assert [name for name in archive.namelist() if "/facilitator/answer-key-module-1" in name]
    with zipfile.ZipFile(facilitator_book / "downloads" / "course-offline-learner.zip") as archive:
        assert "course/index.html" in archive.namelist()
        assert not [name for name in archive.namelist() if "/facilitator/" in name or "/downloads/" in name]
    with zipfile.ZipFile(facilitator_book / "downloads" / "course-scorm12.zip") as archive:
        # The learner edition, without the downloads (this package among them).
        assert not [name for name in archive.namelist() if "facilitator/" in name or name.startswith("downloads/")]
        assert "book/downloads.html" in archive.namelist()


def test_the_lms_page_links_to_the_downloads_instead_of_starting_with_a_command(facilitator_book):
    page = (facilitator_book / "book/facilitator/lms-import.html").read_text(encoding="utf-8")
    first_command = page.find("compact-course export")
    assert 0 < page.find('href="downloads.html') < first_command


# --- The import guide's figures (issue 29) -------------------------------------------------------

GUIDE = "book/facilitator/lms-import.md"
FIGURE_SPAN = re.compile(r'<span class="cc-build-figure" data-file="([^"]+)" data-figure="(size|files)">([^<]*)</span>')


def test_the_guide_types_no_figure_and_includes_the_generated_ones():
    from helpers import COURSE_ROOT

    text = (COURSE_ROOT / GUIDE).read_text(encoding="utf-8")
    for snippet in ("lms-pool.md", "lms-figures.md", "lms-packages.md"):
        assert f"../_generated/{snippet}" in text
    assert not re.search(r"\d+(\.\d+)?\s*(MB|KB|kB)\b", text), "a size typed into the guide"
    assert f"{real_course().assessment.mastery_score}%" not in text, "the pass mark typed into the guide"
    assert not re.search(r"\b\d+ (questions|files|bytes)\b", text), "a count typed into the guide"


def test_the_generated_figures_follow_the_data(tmp_path):
    from compact_course.core.course import load_course
    from compact_course.export.lms_guide import FIGURES_PAGE, POOL_PAGE, pages
    from helpers import course_copy, edit

    course = real_course()
    figures = pages(course)[FIGURES_PAGE]
    assert f"**Pass mark:** {course.assessment.mastery_score}%" in figures
    assert f"{len(course.assessment.fixed)} questions in its first attempt (the fixed selection)" in figures
    assert f"drawn from {len(course.pool_questions())} questions" in figures
    pool = pages(course)[POOL_PAGE]
    for number, module in enumerate(course.modules, start=1):
        count = len(course.pool_questions(module.id))
        assert f"| `Compact course/Module {number}` | {count} |" in pool
    root = course_copy(tmp_path)
    edit(root, "data/assessment.yaml", "mastery_score: 80", "mastery_score: 75")
    edit(root, "data/assessment.yaml", "per_module: 3", "per_module: 4")
    changed = pages(load_course(root))
    assert "**Pass mark:** 75% (the package's mastery score; 0.75" in changed[FIGURES_PAGE]
    assert f"then {4 * len(course.modules)} in each new attempt (4 from each" in changed[FIGURES_PAGE]


def test_the_build_fills_the_package_sizes_into_the_guide(tmp_path):
    from compact_course.export.lms_guide import GUIDE_HTML, fill_built_figures, packages_md

    words = real_course().interface.lms
    page = tmp_path / GUIDE_HTML
    page.parent.mkdir(parents=True)
    page.write_text(f"<main>{packages_md(words)}</main>", encoding="utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "x" * 10)
        archive.writestr("b.txt", "y")
    files = {"course-scorm12.zip": buffer.getvalue()}
    assert fill_built_figures(tmp_path, files, words)
    found = {(name, kind): value for name, kind, value in FIGURE_SPAN.findall(page.read_text(encoding="utf-8"))}
    size = len(files["course-scorm12.zip"])
    assert found[("course-scorm12.zip", "size")] == f"{size / 1_000_000:.1f} MB ({size:,} bytes)"
    assert found[("course-scorm12.zip", "files")] == "2"
    assert found[("course-scorm2004.zip", "size")] == words.unmeasured  # not made: left as it was
    assert not fill_built_figures(tmp_path / "elsewhere", files, words)


def test_the_built_guide_states_the_sizes_of_the_packages_beside_it(facilitator_book):
    page = (facilitator_book / "book/facilitator/lms-import.html").read_text(encoding="utf-8")
    found = FIGURE_SPAN.findall(page)
    assert {(name, kind) for name, kind, _ in found} == {
        (name, kind) for name in ("course-scorm12.zip", "course-scorm2004.zip") for kind in ("size", "files")
    }
    for name, kind, value in found:
        data = (facilitator_book / "downloads" / name).read_bytes()
        if kind == "size":
            assert value == f"{len(data) / 1_000_000:.1f} MB ({len(data):,} bytes)"
        else:
            assert value == f"{len(zipfile.ZipFile(io.BytesIO(data)).namelist()):,}"


def test_the_guide_starts_with_a_browser_only_session_and_the_front_page_links_it(facilitator_book):
    # Issue 27, item 5: Python, Voila and the command line come after, in their own section.
    guide = (facilitator_book / "book/facilitator/index.html").read_text(encoding="utf-8")
    browser_only = guide.find("Run a session with a web browser only")
    python = guide.find("If you have Python")
    assert 0 < browser_only < python
    assert guide.find("Voila") > python and guide.find("compact-course plan") > python
    assert guide.find("room-poll-static.html") < python and guide.find("plan-builder.html") < python
    front = (facilitator_book / "book/index.html").read_text(encoding="utf-8")
    article = front[front.find("<article") :]
    assert article.find('href="facilitator/index.html"') < article.find("<h2")
