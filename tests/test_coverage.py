"""The quiz banks cover the course: every question type is used, and there are enough questions.

Rules the loader already enforces (every Q&A entry drawn on by at least four questions, one
bank per lesson named after it, quiz ids `quiz-<lesson>`, each bank drawing on its lesson's
entry, unique question ids) are not restated here: ``real_course()``
would have raised before any assertion ran. They are tested, failing, on the fixture course
in test_data_loading.py and test_check_rules.py.
"""

from __future__ import annotations

from collections import Counter

from compact_course.core import models as m
from helpers import real_course

MIN_PER_TYPE = 8
MIN_QUESTIONS = 76


def test_every_question_type_is_used_at_least_eight_times():
    used = Counter(q.type for q in real_course().all_questions())
    assert set(used) == set(m.QUESTION_TYPES)
    assert all(used[t] >= MIN_PER_TYPE for t in m.QUESTION_TYPES), dict(used)


def test_there_are_at_least_76_questions():
    assert len(real_course().all_questions()) >= MIN_QUESTIONS
