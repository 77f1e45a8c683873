"""The course's interface text (``data/interface.yaml``): feedback lines, exam mode, results,
the record of learning, My progress, the notices about saved progress, the facilitators' tools,
and the words of every page Python writes (forms, lesson blocks, handouts, generated pages), as
data. Unknown fields are errors (:class:`compact_course.core.fields.Model`).

The live course reads it from :attr:`Course.interface <compact_course.core.course.Course>`; the
static book's script gets the same text through the course manifest (``interface`` in
``compact_course.book.sphinx_ext.course_manifest``), so every sentence exists once.
Placeholders are ``{name}``; :func:`fill` and the script's ``fill`` (static/src/text.js) fill
them the same way, and a missing value is an error, never a silent gap.
"""

from __future__ import annotations

from compact_course.core.fields import Model, Text
from compact_course.core.interface_base import PLACEHOLDER, Plural, Template, fill
from compact_course.core.interface_facilitator import PartText, PlanText, PollText, PresenterText
from compact_course.core.interface_pages import (
    BookText,
    FormText,
    HandoutText,
    LessonText,
    LmsText,
    NotebookText,
    TypeText,
)

__all__ = [
    "PLACEHOLDER",
    "BookText",
    "FormText",
    "HandoutText",
    "InterfaceText",
    "LessonText",
    "LmsText",
    "NotebookText",
    "PartText",
    "PlanText",
    "Plural",
    "PollText",
    "PresenterText",
    "Template",
    "TypeText",
    "fill",
]


class QuestionText(Model):
    right: Text
    wrong: Text
    unanswered: Text
    not_answered: Text
    next_step: Text
    cleared: Text
    revealed: Text
    reveal_ask: Text
    reveal_yes: Text
    reveal_no: Text
    revealed_counts: Text
    missed: Template  # {option}
    match_right: Template  # {item}, {feedback}
    match_wrong: Template  # {item}, {choice}, {feedback}
    match_blank: Template  # {item}, {feedback}
    read_more: Template
    hint: Template
    mark_right: Text
    mark_wrong: Text
    score: Template
    first_score: Template


class ExamText(Model):
    legend: Text
    exam_mode: Text
    practice_mode: Text
    submit: Text
    start_again: Text
    unanswered_ask: Plural
    submit_anyway: Text
    keep_answering: Text
    unanswered_after: Plural
    restart_ask: Text
    restart_yes: Text
    restart_no: Text
    restart_kept: Text
    cleared: Text
    question_number: Template
    seen: Plural  # {count} of {total}
    seen_none: Template  # {total}
    new_set: Text
    attempt: Template  # {attempt}: said with `seen` before an attempt after the first


class ResultsText(Model):
    heading: Text
    overall: Template
    overall_none: Template
    passed: Template  # {mastery}
    not_passed: Template  # {mastery}
    revealed: Plural
    table_caption: Text
    column_module: Text
    column_correct: Text
    column_questions: Text
    column_score: Text
    not_attempted: Text
    rests_on: Plural
    rests_on_note: Text
    chart_label: Template
    chart_caption: Text
    revisit_heading: Text
    revisit_intro: Text
    revisit_none: Text
    revisit_item: Template
    not_studied_heading: Text
    not_studied_intro: Text
    not_studied_none: Text
    completed_heading: Text
    completed_none: Text
    changed: Plural
    print: Text
    download_csv: Text
    download_json: Text
    first_attempts: Template
    module_title: Template  # {number}, {title}: a module's heading on the results and My progress
    lesson_title: Template  # {number}, {title}
    module_short: Template  # {number}: the chart's row label
    chart_score: Template  # {number}, {percent}: one module in the chart's description


class ProgressText(Model):
    latest_heading: Text
    latest: Template
    latest_none: Text
    column_lesson: Text
    column_answered: Text
    column_correct: Text
    column_first: Text
    column_status: Text
    status_none: Text
    status_some: Text
    status_all: Text
    changed: Template
    first_cell: Template
    answered_cell: Template  # {answered}, {total}
    table_caption: Template
    summary: Template
    left_heading: Text
    left_none: Text
    actions_heading: Text
    export: Text
    import_label: Text
    reset: Text
    reset_ask: Text
    reset_yes: Text
    reset_no: Text
    reset_kept: Text
    reset_done: Text
    imported: Template
    imported_skipped: Template
    import_failed: Template
    import_not_json: Text
    no_manifest: Text
    # A progress code (issue 28): copy it on one device, paste it on another.
    code_copy: Text
    code_label: Text
    code_copied: Text
    code_select: Text
    code_paste_label: Text
    code_import: Text
    code_empty: Text
    code_damaged: Text
    code_version: Text
    code_unsupported: Text


class StorageText(Model):
    not_saved: Text
    download: Text
    not_saved_progress: Text
    set_aside: Template
    why_not_json: Text
    why_not_shape: Text
    not_an_export: Text
    other_version: Template


class OfflineText(Model):
    """The notice that the course has been kept for reading with no network (issue 28)."""

    ready: Text
    close: Text


class QuizText(Model):
    """The line above each quiz on the static page."""

    intro_practice: Plural  # {count} questions
    intro_exam: Plural
    intro_pool: Plural
    answers_below: Text
    pass_mark: Template  # {percent}: the mastery score in data/assessment.yaml


class RecordText(Model):
    """The record of learning on My progress: the course, the learner, the dates, each lesson quiz's
    result and the self-assessment's with its pass mark (printed, or as a CSV)."""

    heading: Text
    intro: Text
    name_label: Text
    course: Text
    learner: Text
    name_missing: Text
    date: Text
    started: Text
    last_activity: Text
    no_activity: Text
    lessons_heading: Text
    lessons_note: Text
    module_caption: Template  # {number}, {title}, {right}, {total}
    lesson: Template  # {number}, {title}
    column_lesson: Text
    column_answered: Text
    column_right: Text
    column_first: Text
    column_shown: Text
    of: Template  # {count}, {total}
    assessment_heading: Text
    assessment: Template  # {title}, {date}, {correct}, {total}, {percent}
    not_taken: Text
    pass_mark: Template  # {mastery}
    result_passed: Text  # the self-assessment's result in the record's CSV
    result_not_passed: Text
    result_not_taken: Text
    print: Text
    download_csv: Text


class InterfaceText(Model):
    quiz: QuizText
    question: QuestionText
    exam: ExamText
    results: ResultsText
    progress: ProgressText
    storage: StorageText
    presenter: PresenterText
    poll: PollText
    form: FormText
    lesson: LessonText
    notebook: NotebookText
    handouts: HandoutText
    book: BookText
    lms: LmsText
    plan: PlanText
    offline: OfflineText
    record: RecordText
