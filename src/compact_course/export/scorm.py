"""The whole course as one SCORM 1.2 package (``compact-course export --format scorm12``), or the
same package for SCORM 2004 4th edition (``--format scorm2004``, manifest in :mod:`.scorm2004`).

The package is the built book plus two files at its root:

    imsmanifest.xml     IMS CP 1.1.2 + ADL CP 1.2 manifest: one organisation, one item (with the
                        mastery score from data/assessment.yaml), one SCO listing every file
    scorm-launch.html   the SCO: it holds the one LMS session and shows the book in a frame;
                        the quiz script's SCORM adapter (static/src/scorm*.js) does the talking

The zip is deterministic: entries sorted, every timestamp fixed, the same bytes for the same
build. Without an LMS the launch page simply opens the book.
"""

from __future__ import annotations

import hashlib
import sys
import xml.etree.ElementTree as ET
import zipfile
from io import BytesIO
from pathlib import Path

from compact_course.core.course import Course, load_course
from compact_course.core.escaping import e, json_for_script
from compact_course.core.paths import course_title, default_root
from compact_course.export.licence import LICENCE_IN_ZIP, imsmd_rights_document, licence_lines, licence_text
from compact_course.export.manifest_parts import course_item, sco_resource_and_xml
from compact_course.export.scorm2004 import manifest_xml_2004
from compact_course.export.scorm_build import BuildFailedError, ensure_built
from compact_course.export.scorm_files import package_files, question_index, start_page

CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
LAUNCH_PAGE = "scorm-launch.html"
# The launch page's layout, a file beside it: a learning platform may serve the package with a
# strict Content-Security-Policy, which blocks an inline <style> (issue 30).
LAUNCH_CSS = "scorm-launch.css"
LAUNCH_STYLE = (
    b"html, body { margin: 0; height: 100%; overflow: hidden; }\n"
    b"#cc-scorm-frame { display: block; border: 0; width: 100%; height: 100%; }\n"
)
MANIFEST = "imsmanifest.xml"
LICENCE_METADATA = "licence-metadata.xml"
MAX_BYTES = 5 * 1024 * 1024
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
VERSIONS = ("1.2", "2004")
FORMAT_VERSIONS = {"scorm12": "1.2", "scorm2004": "2004"}


def launch_page(title: str, start: str, index: dict, mastery_score: int, scorm: str = "1.2") -> bytes:
    """The SCO's page: course data for the adapter, the quiz script, and an empty frame."""
    data = json_for_script({"version": 1, "scorm": scorm, "start": start, "mastery": mastery_score, **index})
    html = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<link rel="stylesheet" href="{LAUNCH_CSS}">
<script type="application/json" id="cc-scorm-course">{data}</script>
<script src="_static/compact-quiz.js"></script>
</head>
<body>
<iframe id="cc-scorm-frame" name="cc-scorm-frame" title="{e(title)}"></iframe>
</body>
</html>
"""
    return html.encode("utf-8")


def manifest_xml(title: str, files: list[str], mastery_score: int, version: str, course: Course | None = None) -> bytes:
    ET.register_namespace("", CP_NS)
    ET.register_namespace("adlcp", ADLCP_NS)
    manifest = ET.Element(f"{{{CP_NS}}}manifest", {"identifier": "compact-course-scorm12", "version": version})
    item = course_item(manifest, CP_NS, ADLCP_NS, "1.2", title, LICENCE_METADATA, course)
    ET.SubElement(item, f"{{{ADLCP_NS}}}masteryscore").text = str(mastery_score)
    return sco_resource_and_xml(manifest, CP_NS, f"{{{ADLCP_NS}}}scormtype", LAUNCH_PAGE, files)


def deterministic_zip(files: dict[str, bytes]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files, key=lambda n: (n != MANIFEST, n)):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine writes it
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()


def scorm_package(course: Course, html_dir: Path, title: str, scorm: str = "1.2") -> bytes:
    """The SCORM zip (``scorm``: "1.2" or "2004") of the book built in ``html_dir``."""
    if scorm not in VERSIONS:
        raise ValueError(f"unknown SCORM version {scorm!r}: use one of {', '.join(VERSIONS)}")
    files = package_files(html_dir)
    mastery = course.assessment.mastery_score
    files[LAUNCH_PAGE] = launch_page(title, start_page(files), question_index(files), mastery, scorm)
    files[LAUNCH_CSS] = LAUNCH_STYLE
    licensed = bool(licence_lines(course))
    if licensed:
        files[LICENCE_IN_ZIP] = licence_text(course)
        files[LICENCE_METADATA] = imsmd_rights_document(course)
    listed = sorted(files)
    version = hashlib.sha256(b"".join(name.encode() + files[name] for name in listed)).hexdigest()[:12]
    if scorm == "2004":
        location = LICENCE_METADATA if licensed else None
        files[MANIFEST] = manifest_xml_2004(title, listed, mastery, version, LAUNCH_PAGE, location, course)
    else:
        files[MANIFEST] = manifest_xml(title, listed, mastery, version, course)
    return deterministic_zip(files)


def run(args) -> int:
    """``compact-course export --format scorm12|scorm2004 --out FILE.zip``: build if stale, then package."""
    root = Path(args.root).resolve() if args.root else default_root()
    course = load_course(root)
    try:
        html, built = ensure_built(root)
    except BuildFailedError as error:
        print(f"compact-course export: {error}", file=sys.stderr)
        return 1
    scorm = FORMAT_VERSIONS.get(args.format, "1.2")
    package = scorm_package(course, html, course_title(root), scorm)
    if len(package) > MAX_BYTES:
        print(f"compact-course export: the package is {len(package)} bytes, over {MAX_BYTES}", file=sys.stderr)
        return 1
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(package)
    how = "built the book and wrote" if built else "reused the fresh build and wrote"
    print(f"{how} a SCORM {scorm} package of {len(package)} bytes to {out}")
    return 0
