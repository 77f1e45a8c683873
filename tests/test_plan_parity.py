"""The page's plan builder and ``compact-course plan`` follow one set of rules (issue 27, item 4).

``tests/fixtures/plan_cases.json`` is the shared table: a choice of lessons and settings, and
the plan Python lays out for it (or the kind of refusal). Here it must be what Python makes
now, and the lessons' data in it must be the course's; ``tests/js/plan-layout.test.mjs`` runs
the script's layout (``static/src/plan-layout.js``) on the same table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
sys.path.insert(0, str(FIXTURES))

import make_plan_cases  # noqa: E402


def test_the_shared_table_is_what_python_lays_out_now():
    stored = json.loads((FIXTURES / "plan_cases.json").read_text(encoding="utf-8"))
    assert stored == make_plan_cases.cases(), "run tests/fixtures/make_plan_cases.py"


def test_the_table_covers_plans_that_fit_over_days_with_lunch_and_every_refusal():
    stored = json.loads((FIXTURES / "plan_cases.json").read_text(encoding="utf-8"))
    kinds = {case["expected"].get("error", "fits") for case in stored}
    assert kinds == {"fits", "lesson-too-long", "past-midnight", "too-many-days", "too-many-minutes"}
    slots = [slot[0] for case in stored for day in case["expected"].get("days", []) for slot in day]
    assert {"welcome", "lesson", "break", "lunch", "changeover", "close"} <= set(slots)
    assert any(len(case["expected"].get("days", [])) > 1 for case in stored)
