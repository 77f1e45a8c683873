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
from compact_course.export.downloads import BANK_FORMATS, bank_files
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
    assert sorted(listed) == sorted(files)


def test_the_learner_downloads_are_there_and_open_and_hold_no_answers(learner_downloads):
    links = linked_downloads(learner_downloads, "book/downloads.html")
    assert {path.name for path in links} == {"course-offline.zip", "course-scorm12.zip"}
    for path in links:
        assert_opens(path)
    names = {path.name for path in (learner_downloads / "downloads").iterdir()}
    assert not [name for name in names if name.startswith("quiz-bank-")]
    with zipfile.ZipFile(learner_downloads / "downloads" / "course-offline.zip") as archive:
        assert "course/index.html" in archive.namelist()
        assert not [name for name in archive.namelist() if "/facilitator/" in name or "/downloads/" in name]


def test_the_facilitator_downloads_are_there_and_open(facilitator_book):
    course = real_course()
    links = linked_downloads(facilitator_book, "book/facilitator/downloads.html")
    assert {path.name for path in links} == {
        "course-offline.zip",
        "course-offline-learner.zip",
        "course-scorm12.zip",
        *bank_files(course),
    }
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
