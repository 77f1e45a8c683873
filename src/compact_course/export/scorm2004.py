"""The SCORM 2004 4th edition manifest, for the same package as SCORM 1.2 (``--format scorm2004``).

The package is the SCORM 1.2 one with another manifest and the launch page told to talk to
SCORM 2004's run-time (``"scorm": "2004"`` in its course data; see static/src/scorm-dialect.js):

    imsmanifest.xml     IMS CP 1.1.4 + ADL CP/SN 1.3 (SCORM 2004 4th Edition): one organisation,
                        one item whose primary objective is satisfied by measure at the mastery
                        score from data/assessment.yaml (imsss:minNormalizedMeasure, 0.8 for 80),
                        completion and success set by the content, one SCO listing every file
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from compact_course.core.course import Course
from compact_course.export.manifest_parts import course_item, sco_resource_and_xml

CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_v1p3"
ADLSEQ_NS = "http://www.adlnet.org/xsd/adlseq_v1p3"
ADLNAV_NS = "http://www.adlnet.org/xsd/adlnav_v1p3"
IMSSS_NS = "http://www.imsglobal.org/xsd/imsss"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_VERSION = "2004 4th Edition"
SCHEMA_LOCATION = " ".join(
    (
        f"{CP_NS} imscp_v1p1.xsd",
        f"{ADLCP_NS} adlcp_v1p3.xsd",
        f"{ADLSEQ_NS} adlseq_v1p3.xsd",
        f"{ADLNAV_NS} adlnav_v1p3.xsd",
        f"{IMSSS_NS} imsss_v1p0.xsd",
    )
)


def manifest_xml_2004(
    title: str,
    files: list[str],
    mastery_score: int,
    version: str,
    launch: str,
    licence_location: str | None,
    course: Course | None = None,
) -> bytes:
    for prefix, namespace in (
        ("", CP_NS),
        ("adlcp", ADLCP_NS),
        ("adlseq", ADLSEQ_NS),
        ("adlnav", ADLNAV_NS),
        ("imsss", IMSSS_NS),
        ("xsi", XSI_NS),
    ):
        ET.register_namespace(prefix, namespace)

    def ss(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
        return ET.SubElement(parent, f"{{{IMSSS_NS}}}{tag}", attributes)

    manifest = ET.Element(
        f"{{{CP_NS}}}manifest",
        {"identifier": "compact-course-scorm2004", "version": version, f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION},
    )
    # ElementTree declares a namespace only where it is used: these two are declared for the schemas.
    manifest.set("xmlns:adlseq", ADLSEQ_NS)
    manifest.set("xmlns:adlnav", ADLNAV_NS)
    item = course_item(manifest, CP_NS, ADLCP_NS, SCHEMA_VERSION, title, licence_location, course)
    sequencing = ss(item, "sequencing")
    objectives = ss(sequencing, "objectives")
    primary = ss(objectives, "primaryObjective", objectiveID="compact-course-passed", satisfiedByMeasure="true")
    ss(primary, "minNormalizedMeasure").text = f"{mastery_score / 100:g}"
    ss(sequencing, "deliveryControls", completionSetByContent="true", objectiveSetByContent="true")
    return sco_resource_and_xml(manifest, CP_NS, f"{{{ADLCP_NS}}}scormType", launch, files)
