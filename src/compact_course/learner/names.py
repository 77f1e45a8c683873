"""The self-assessment's fixed names: its pages, quiz ids, storage keys and modes.

The static book's script and saved progress files use these too, so they change only with a
migration of saved answers.
"""

from __future__ import annotations

ASSESSMENT_DOC = "book/self-assessment"
DRAW_DOC = "book/self-assessment-draw"
QUIZ_ID = "self-assessment"
ID_PREFIX = "sa-"
STORE = "assessment"
DRAW_QUIZ_ID = f"{QUIZ_ID}-draw"
DRAW_ID_PREFIX = "sd-"
DRAW_STORE = "assessment-draw"
MODES = ("exam", "practice")


def check_mode(mode: str) -> str:
    """``mode`` itself if it is one of :data:`MODES`; otherwise ValueError naming the choices."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}; got {mode!r}")
    return mode
