"""The ready-made plans' session packs as book pages: ``book/facilitator/packs/<slug>.md``.

Each page holds the same items as ``compact-course pack`` writes for that plan, one after
another in a ``.cc-pack`` block, so the print styles (``static/compact-print.css``) start
each item and each lesson on a new page when the page is printed from the browser.
"""

from __future__ import annotations

from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.interface_models import fill
from compact_course.core.markdown import HEADER_MD, md_escape, role_title
from compact_course.facilitator.pack import ITEMS, item_body, item_texts
from compact_course.facilitator.ready_made import ReadyMade, ready_made_fit, ready_made_plans

FOLDER = "book/facilitator/packs"


def pack_docname(ready: ReadyMade) -> str:
    return f"{FOLDER}/{ready.slug}"


def pack_page(course: Course, ready: ReadyMade) -> str:
    plan, dropped = ready_made_fit(course, ready)
    docname = pack_docname(ready)
    # Raw HTML links: the items' anchors live in the raw block below, which MyST cannot resolve.
    contents = "".join(f'<li><a href="#{e(name)}">{e(item_texts(course, name).title)}</a></li>' for name, _ in ITEMS)
    body = "".join(item_body(course, plan, name, dropped, from_doc=docname) for name, _ in ITEMS)
    lines = [
        HEADER_MD + f"# {md_escape(f'{plan.title}: {course.plans.pack.labels.pack}')}",
        "",
        md_escape(plan.summary()),
        "",
        "```{raw} html",
        f'<ul class="cc-pack-contents">{contents}</ul>',
        "```",
        "",
        fill(
            course.interface.handouts.back,
            link=f"{{doc}}`{role_title(course.interface.plan.plan_link)} <../{ready.slug}>`",
        ),
        "",
        "```{raw} html",
        f'<div class="cc-pack">{body}</div>',
        "```",
    ]
    return "\n".join(lines) + "\n"


def pack_docnames(course: Course) -> tuple[str, ...]:
    return tuple(pack_docname(ready) for ready in ready_made_plans(course))


def pages(course: Course) -> dict[str, str]:
    return {f"{pack_docname(ready)}.md": pack_page(course, ready) for ready in ready_made_plans(course)}
