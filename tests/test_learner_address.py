"""The learner edition's address for facilitators to share (book/learner_address.py, issue 27).

A tiny Sphinx project on a copy of the course: the Downloads page's directive shows the address
set in the configuration as a link, or says to share the learner zip when none is set; a wrong
address stops the build with an error naming the setting; the course manifest carries it to
the presenter's participants' link (share-address.js, tested in tests/js/).
"""

from __future__ import annotations

import html
import io

import pytest
from sphinx.application import Sphinx
from sphinx.errors import ConfigError

from compact_course.book.learner_address import SETTING, checked_address
from compact_course.book.sphinx_ext import manifest_script
from compact_course.core.interface_models import fill
from helpers import course_copy, real_course


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("", None),
        (None, None),
        ("https://learning.example.org/compact", "https://learning.example.org/compact/"),
        (" http://intranet/course/ ", "http://intranet/course/"),
    ],
)
def test_an_address_is_used_with_one_closing_slash(given, used):
    assert checked_address(given) == used


@pytest.mark.parametrize(
    "given",
    ["learning.example.org/compact", "file:///media/usb/course/", "https://x.org/c/?edition=1", "https://x.org/#a", 3],
)
def test_anything_but_an_http_address_of_a_folder_is_refused(given):
    with pytest.raises(ValueError, match=SETTING):
        checked_address(given)


def _build(tmp_path, address):
    root = course_copy(tmp_path)
    (root / "conf.py").write_text(
        f'extensions = ["compact_course.book.learner_address"]\n{SETTING} = {address!r}\n', encoding="utf-8"
    )
    (root / "index.rst").write_text("Downloads\n=========\n\n.. learner-address::\n", encoding="utf-8")
    out = tmp_path / "out"
    app = Sphinx(
        str(root),
        str(root),
        str(out),
        str(tmp_path / "doctrees"),
        "html",
        status=io.StringIO(),
        warning=io.StringIO(),
        freshenv=True,
    )
    app.build()
    # As the reader sees it: entities decoded, Sphinx's curly apostrophes made straight again.
    return html.unescape((out / "index.html").read_text(encoding="utf-8")).replace("\u2019", "'")


def test_the_downloads_page_links_the_address_set_for_the_learner_edition(tmp_path):
    page = _build(tmp_path, "https://learning.example.org/compact")
    words = real_course().interface.presenter
    before, _, after = words.share_learner_address.partition("{address}")
    link = '<a class="reference external" href="https://learning.example.org/compact/">https://learning.example.org/compact/</a>'
    assert before + link + after in page


def test_with_no_address_the_downloads_page_says_to_share_the_learner_zip(tmp_path):
    page = _build(tmp_path, "")
    words = real_course().interface.presenter
    paragraph = page.split('class="cc-learner-address">', 1)[1].split("</p>", 1)[0]
    assert paragraph == fill(words.share_no_learner_address, setting=SETTING)


def test_a_wrong_address_stops_the_build_naming_the_setting(tmp_path):
    with pytest.raises(ConfigError, match=rf"_config.yml: sphinx.config.{SETTING}: .*must be an http\(s\) address"):
        _build(tmp_path, "intranet/compact")


def test_the_manifest_carries_the_address_to_the_presenter():
    course = real_course()
    assert '"learnerAddress":"https://l.example.org/c/"' in manifest_script(
        course, True, "https://l.example.org/c/"
    ).replace(" ", "")
    assert '"learnerAddress":null' in manifest_script(course, True).replace(" ", "")
