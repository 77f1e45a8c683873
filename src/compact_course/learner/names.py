"""The self-assessment's fixed names: its page, quiz id, storage keys and modes.

The static book's script and saved progress files use these too, so they change only with a
migration of saved answers. (Earlier books also had a fresh-draw page, quiz
"self-assessment-draw" with the store "assessment-draw": its saved answers stay readable.)
"""

from __future__ import annotations

ASSESSMENT_DOC = "book/self-assessment"
QUIZ_ID = "self-assessment"
ID_PREFIX = "sa-"
STORE = "assessment"
MODES = ("exam", "practice")


def check_mode(mode: str) -> str:
    """``mode`` itself if it is one of :data:`MODES`; otherwise ValueError naming the choices."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}; got {mode!r}")
    return mode
