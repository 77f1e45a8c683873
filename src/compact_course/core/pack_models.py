"""Typed, immutable model of the ``pack`` section of ``data/plans.yaml``: the words of a session pack.

A session pack (``compact-course pack``) prints a learner handout, an answer list, a
facilitator crib, an agenda, an evaluation form and A-D voting cards for one plan. Every
heading and instruction a participant or facilitator reads comes from here, so no course
text lives in Python. Like every course model, these forbid unknown fields and are frozen.
"""

from __future__ import annotations

from pydantic import Field

from compact_course.core.fields import Model, Text


class PackItem(Model):
    """One printed item: its heading and the short paragraph under it."""

    title: Text
    intro: Text


class EvaluationForm(Model):
    """Confidence before and after the session against each lesson's objectives, then open questions."""

    title: Text
    intro: Text
    statement: Text
    before: Text
    after: Text
    scale: tuple[Text, ...] = Field(min_length=3, max_length=7)
    questions: tuple[Text, ...] = Field(min_length=1)


class CoverTexts(Model):
    """The pack's first page: what to copy for whom, and how many."""

    title: Text
    intro: Text
    participants: Text
    facilitator: Text
    item: Text
    copies: Text
    pages: Text
    pages_pending: Text


class AttendanceTexts(Model):
    title: Text
    intro: Text
    name: Text
    organisation: Text
    signature: Text


class TallyTexts(Model):
    """The facilitator's sheet for counting the evaluation forms' circled numbers."""

    title: Text
    intro: Text
    returned: Text


class PackLabels(Model):
    """Headings and labels used inside the items, in the order they appear."""

    pack: Text
    lesson: Text
    questions_answered: Text
    scenario: Text
    discussion: Text
    quiz: Text
    notes: Text
    answer_here: Text
    true: Text
    false: Text
    matching: Text
    lesson_page: Text
    timings: Text
    activity: Text
    part: Text
    minutes: Text
    poll: Text
    suggested: Text
    good_answers: Text
    misconceptions: Text
    none_recorded: Text
    answer: Text


class PackTexts(Model):
    handout: PackItem
    answers: PackItem
    crib: PackItem
    agenda: PackItem
    evaluation: EvaluationForm
    cards: PackItem
    cover: CoverTexts
    attendance: AttendanceTexts
    tally: TallyTexts
    labels: PackLabels
