"""Rule: every facilitator timing says which part of its lesson it covers.

Session plans and the facilitator crib split a lesson's minutes into reading, scenario,
discussion and quiz; a timing without a ``part`` would be counted nowhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import Reporter

if TYPE_CHECKING:
    from compact_course.core.rules import Context

FILE = "data/facilitator.yaml"


def every_timing_names_its_part(report: Reporter, context: Context) -> None:
    for i, notes in enumerate(context.course.facilitator):
        for j, timing in enumerate(notes.timings):
            if timing.part is None:
                message = f"timing {timing.activity!r} has no part (one of reading, scenario, discussion, quiz)"
                report.add(FILE, ("lessons", i, "timings", j, "activity"), message)
