"""The parts of an IMS content-packaging manifest that SCORM 1.2 and SCORM 2004 share.

Both packages hold one organisation with one item (the course) and one SCO resource listing every
file; they differ in their namespaces, the name of the resource's SCORM type attribute and what
the item carries (a mastery score in 1.2, sequencing in 2004), which the callers add.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from compact_course.core.course import Course
from compact_course.export.licence import licence_lines


def cp_element(cp_ns: str, parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{cp_ns}}}{tag}", attributes)
    element.text = text
    return element


def course_item(
    manifest: ET.Element,
    cp_ns: str,
    adlcp_ns: str,
    schema_version: str,
    title: str,
    licence_location: str | None,
    course: Course | None,
) -> ET.Element:
    """The metadata (schema, version, licence) and the organisation with its one item; return the item."""
    metadata = cp_element(cp_ns, manifest, "metadata")
    cp_element(cp_ns, metadata, "schema", "ADL SCORM")
    cp_element(cp_ns, metadata, "schemaversion", schema_version)
    if course is not None and licence_location and licence_lines(course):
        # The licence: a comment for people, LOM rights in a metadata file for the platform.
        metadata.append(ET.Comment(" " + " ".join(licence_lines(course)).replace("--", "-") + " "))
        ET.SubElement(metadata, f"{{{adlcp_ns}}}location").text = licence_location
    organizations = cp_element(cp_ns, manifest, "organizations", default="compact-course-org")
    organization = cp_element(cp_ns, organizations, "organization", identifier="compact-course-org")
    cp_element(cp_ns, organization, "title", title)
    item = cp_element(cp_ns, organization, "item", identifier="compact-course-item", identifierref="compact-course-sco")
    item.set("isvisible", "true")
    cp_element(cp_ns, item, "title", title)
    return item


def sco_resource_and_xml(manifest: ET.Element, cp_ns: str, scorm_type: str, launch: str, files: list[str]) -> bytes:
    """The one SCO resource listing every file (``scorm_type``: the attribute naming it a SCO), then
    the manifest as indented XML."""
    resources = cp_element(cp_ns, manifest, "resources")
    resource = cp_element(cp_ns, resources, "resource", identifier="compact-course-sco", type="webcontent", href=launch)
    resource.set(scorm_type, "sco")
    for name in files:
        cp_element(cp_ns, resource, "file", href=name)
    ET.indent(manifest)
    return ET.tostring(manifest, encoding="utf-8", xml_declaration=True) + b"\n"
