"""The licence is settled and stated everywhere: About, the README, and inside every export and
package (GIFT and Moodle XML comments, QTI and SCORM manifest rights, LICENSE.txt in the zips).
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from compact_course.export.downloads import offline_zip
from compact_course.export.gift import gift_text
from compact_course.export.licence import IEEE_LOM_NS, IMSMD_NS, licence_lines
from compact_course.export.moodle_xml import moodle_xml
from compact_course.export.qti import qti_package
from compact_course.export.scorm import scorm_package
from helpers import COURSE_ROOT, real_course

CC_BY = "CC BY 4.0"
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"


def assert_full_notice(text: str) -> None:
    assert CC_BY in text and "MIT" in text
    assert "Compact Voice" in text and "quoted with attribution" in text


@pytest.fixture(scope="module")
def course():
    return real_course()


@pytest.fixture
def tiny_book(tmp_path):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>")
    return tmp_path


def test_the_notice_names_both_licences_and_compact_voices_answers(course):
    assert_full_notice(" ".join(licence_lines(course)))


def test_about_states_the_licence_and_nothing_is_left_to_be_confirmed():
    about = (COURSE_ROOT / "book/about.md").read_text(encoding="utf-8")
    section = about.split("## Licence and reuse", 1)[1].split("\n## ", 1)[0]
    assert "to be confirmed" not in about
    assert "CC BY 4.0" in section and "MIT" in section and "Compact Voice" in section
    assert "https://creativecommons.org/licenses/by/4.0/" in section


def test_the_readme_has_one_short_licence_section():
    readme = (COURSE_ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("## Licence") == 1
    section = readme.split("## Licence", 1)[1].split("\n## ", 1)[0]
    assert "CC BY 4.0" in section and "MIT" in section and "Compact Voice" in section


def test_gift_starts_with_the_licence_as_comments(course):
    head = gift_text(course).split("$CATEGORY", 1)[0]
    comments = " ".join(line.removeprefix("// ") for line in head.splitlines() if line.startswith("//"))
    assert_full_notice(comments)


def test_moodle_xml_carries_the_licence_in_a_comment(course):
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    root = ET.fromstring(moodle_xml(course), parser=parser)
    comments = " ".join(str(node.text) for node in root if node.tag is ET.Comment)
    assert_full_notice(comments)


def test_the_qti_manifest_has_rights_metadata(course):
    with zipfile.ZipFile(io.BytesIO(qti_package(course))) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    description = manifest.find(f".//{{{IEEE_LOM_NS}}}rights/{{{IEEE_LOM_NS}}}description/{{{IEEE_LOM_NS}}}string")
    assert description is not None
    assert_full_notice(description.text or "")


def test_the_scorm_package_has_rights_metadata_and_a_licence_file(course, tiny_book):
    with zipfile.ZipFile(io.BytesIO(scorm_package(course, tiny_book, "Working with the Compact"))) as archive:
        manifest_text = archive.read("imsmanifest.xml").decode("utf-8")
        manifest = ET.fromstring(manifest_text)
        licence = archive.read("LICENSE.txt").decode("utf-8")
        location = manifest.findtext(f"{{{CP}}}metadata/{{{ADLCP}}}location")
        assert location
        metadata = ET.fromstring(archive.read(location))
    assert_full_notice(manifest_text.split("<resources", 1)[0])  # the comment in the manifest's metadata
    description = metadata.find(f".//{{{IMSMD_NS}}}rights/{{{IMSMD_NS}}}description/{{{IMSMD_NS}}}langstring")
    assert description is not None
    assert_full_notice(description.text or "")
    assert_full_notice(licence)
    listed = {node.get("href") for node in manifest.iter() if node.tag.endswith("}file")}
    assert {"LICENSE.txt", location} <= listed


def test_the_offline_zip_has_the_licence_file_with_the_full_licence(course, tiny_book):
    with zipfile.ZipFile(io.BytesIO(offline_zip(course, tiny_book))) as archive:
        licence = archive.read("course/LICENSE.txt").decode("utf-8")
    assert_full_notice(licence)
    assert re.search(r"Permission is hereby granted, free of charge", licence)  # the MIT text in full
