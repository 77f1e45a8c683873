"""The licence every export and package carries, read from ``data/licence.yaml``.

The course text, data and questions are CC BY 4.0, the code MIT, and the quoted answers of
Compact Voice remain theirs (``LICENSE`` has the full text). GIFT and Moodle XML files carry the
notice as comments, the QTI and SCORM manifests as rights metadata, the zips as LICENSE.txt.
A course without ``data/licence.yaml`` (a test fixture) exports without a notice.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from compact_course.core.course import Course

LICENCE_DATA = Path("data") / "licence.yaml"
LICENCE_FILE = "LICENSE"
LICENCE_IN_ZIP = "LICENSE.txt"
FIELDS = ("notice", "quoted")


def licence_lines(course: Course) -> tuple[str, ...]:
    """The short notice: the course's licence, then the Compact Voice exception."""
    path = course.root / LICENCE_DATA
    if not path.is_file():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = [name for name in FIELDS if not isinstance(data.get(name), str) or not data[name].strip()]
    if missing:
        raise ValueError(f"{LICENCE_DATA}: missing or empty {', '.join(missing)}")
    return tuple(" ".join(data[name].split()) for name in FIELDS)


def licence_text(course: Course) -> bytes:
    """LICENSE.txt for a zip: the short notice, then the full LICENSE of the repository."""
    lines = licence_lines(course)
    full = course.root / LICENCE_FILE
    body = full.read_text(encoding="utf-8") if full.is_file() else ""
    return ("\n\n".join([*lines, body]).strip() + "\n").encode("utf-8")


# The LOM metadata namespaces of the two manifests: IEEE LOM for the QTI 2.1 (IMS CP 1.1)
# package, IMS Metadata 1.2.1 for SCORM 1.2. Both say "other restrictions: yes" and describe them.
IEEE_LOM_NS = "http://ltsc.ieee.org/xsd/LOM"
IMSMD_NS = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"


def add_ieee_lom_rights(metadata: ET.Element, course: Course) -> None:
    """LOM ``rights`` (IEEE LOM binding) under a manifest's ``metadata`` element."""
    lines = licence_lines(course)
    if not lines:
        return
    ET.register_namespace("imsmd", IEEE_LOM_NS)
    rights = ET.SubElement(ET.SubElement(metadata, f"{{{IEEE_LOM_NS}}}lom"), f"{{{IEEE_LOM_NS}}}rights")
    restrictions = ET.SubElement(rights, f"{{{IEEE_LOM_NS}}}copyrightAndOtherRestrictions")
    ET.SubElement(restrictions, f"{{{IEEE_LOM_NS}}}source").text = "LOMv1.0"
    ET.SubElement(restrictions, f"{{{IEEE_LOM_NS}}}value").text = "yes"
    description = ET.SubElement(rights, f"{{{IEEE_LOM_NS}}}description")
    ET.SubElement(description, f"{{{IEEE_LOM_NS}}}string", language="en-GB").text = " ".join(lines)


def imsmd_rights_document(course: Course) -> bytes:
    """A SCORM 1.2 metadata file (IMS Metadata 1.2.1) holding the licence as LOM ``rights``.

    The manifest points at it with ``adlcp:location``, the way SCORM 1.2 attaches metadata.
    """
    ET.register_namespace("imsmd", IMSMD_NS)
    lom = ET.Element(f"{{{IMSMD_NS}}}lom")
    rights = ET.SubElement(lom, f"{{{IMSMD_NS}}}rights")
    restrictions = ET.SubElement(rights, f"{{{IMSMD_NS}}}copyrightandotherrestrictions")
    ET.SubElement(ET.SubElement(restrictions, f"{{{IMSMD_NS}}}source"), f"{{{IMSMD_NS}}}langstring").text = "LOMv1.0"
    ET.SubElement(ET.SubElement(restrictions, f"{{{IMSMD_NS}}}value"), f"{{{IMSMD_NS}}}langstring").text = "yes"
    description = ET.SubElement(rights, f"{{{IMSMD_NS}}}description")
    ET.SubElement(description, f"{{{IMSMD_NS}}}langstring").text = " ".join(licence_lines(course))
    ET.indent(lom)
    return ET.tostring(lom, encoding="utf-8", xml_declaration=True) + b"\n"
