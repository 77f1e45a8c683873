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

import re
from typing import Annotated

from pydantic import AfterValidator

from compact_course.core.fields import Model, Text

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _placeholders_well_formed(value: str) -> str:
    bare = PLACEHOLDER.sub("", value)
    if "{" in bare or "}" in bare:
        raise ValueError(f"{value!r}: braces are only for placeholders such as {{count}} (lower-case names)")
    return value


Template = Annotated[Text, AfterValidator(_placeholders_well_formed)]


def fill(template: str, **values: object) -> str:
    """``template`` with each ``{name}`` replaced by ``values[name]``; KeyError if one is missing."""
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template)


class Plural(Model):
    """A sentence that depends on a count: ``one`` for exactly 1, ``other`` otherwise."""

    one: Template
    other: Template

    def fill(self, count: int, **values: object) -> str:
        return fill(self.one if count == 1 else self.other, count=count, **values)


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
    draw_label: Text
    draw_button: Text
    drew: Template
    draw_bad_seed: Text
    question_number: Template
    seen: Plural  # {count} of {total}
    seen_none: Template  # {total}
    new_set: Text


class ResultsText(Model):
    heading: Text
    date: Template
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
    record_heading: Text
    record_name: Text
    record_not_taken: Text
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


class PresenterText(Model):
    """The presenter view of a lesson, its speaker view and the session's export."""

    lesson_heading: Template
    title_lead: Text
    answer_lead: Text
    answer_source: Template
    scenario_lead: Text
    suggestion_heading: Text
    discussion_heading: Template
    poll_heading: Template
    poll_votes_heading: Template
    poll_answer_heading: Template
    points_heading: Text
    notes_label: Template
    continued: Template
    new_window: Template
    status: Template
    previous: Text
    next: Text
    leave: Text
    speaker: Text
    participants: Text
    participants_heading: Text
    participants_back: Text
    new_session: Text
    new_session_ask: Text
    new_session_yes: Text
    new_session_no: Text
    new_session_done: Text
    export: Text
    menu: Text
    blanked: Text
    not_kept: Text
    resumed: Template
    end: Text
    keys_heading: Text
    keys: list[Text]
    speaker_title: Template
    speaker_now: Text
    speaker_next: Text
    speaker_notes: Text
    speaker_no_notes: Text
    speaker_waiting: Text
    timer: Text
    timer_restart: Text
    timer_value: Template
    csv_started: Text
    csv_lesson: Text
    csv_question: Text
    csv_prompt: Text
    csv_votes: Template
    csv_total: Text
    csv_key: Text
    csv_revealed: Text
    csv_time: Text
    csv_yes: Text
    csv_no: Text


class PollText(Model):
    """The room poll's words, on its page and on the presenter's poll slides."""

    question_position: Template
    scenario: Text
    items: Text
    matches: Text
    answer: Text
    explanation: Text
    votes_for: Template
    plus_one: Template
    reveal: Text
    revealed: Template
    vote_count: Plural
    announce_count: Template
    count_range: Template
    correct: Text
    chart: Template
    chart_row: Template
    share: Template
    chat_label: Text
    chat_button: Text
    chat_added: Template
    chat_bad: Template
    page_keys: list[Text]
    page_set: Text
    page_set_option: Plural
    page_previous: Text
    page_next: Text
    page_summary: Text
    page_not_loaded: Text
    summary_heading: Text
    summary_caption: Template
    summary_shown: Text
    column_question: Text
    column_prompt: Text
    column_votes: Text
    column_correct: Text
    column_revealed: Text
    revealed_yes: Text
    revealed_no: Text
    download: Text
    share_correct: Template  # {correct}, {votes}, {percent}: the summary's share on correct options
    share_none: Text
    csv_correct_votes: Text
    csv_percent: Text
    csv_yes: Text
    csv_no: Text
    # The room's three answers to a matching question, and how the room votes (under the prompt).
    matching_all: Text
    matching_some: Text
    matching_none: Text
    how_multiple: Text
    how_matching: Text
    # The question sets (facilitator/poll_questions.py).
    set_starters: Text
    set_module_starters: Template
    set_module: Template
    set_lesson: Template
    # The poll notebook without a kernel (facilitator/poll.py).
    static_text: Plural  # {title}
    static_needs: Text
    static_how: Text
    static_first: Template  # {title}
    static_sets: Text


class TypeText(Model):
    """What each question type asks the reader to do: one field per type of the registry
    (core/question_types.py), ``true-false`` as ``true_false``."""

    single: Text
    scenario: Text
    multiple: Text
    true_false: Text
    matching: Text

    def of(self, qtype: str) -> str:
        return str(getattr(self, qtype.replace("-", "_")))


class FormText(Model):
    """A question's static form (quiz/html.py), its answer and the script's buttons."""

    question_in_lesson: Template  # {lesson}.{number}
    question_of: Template  # {number} of {total}
    scenario: Text
    types: TypeText
    true_label: Text  # a true-or-false question's two options
    false_label: Text
    choose_match: Text
    answer_summary: Text
    hint: Text
    correct: Template  # {answers}
    match_line: Template  # {item}, {match}
    read_more: Template  # {link}
    check: Text
    retry: Text
    reveal: Text
    show_hint: Text


class LessonText(Model):
    """The blocks of a lesson page (book/pages.py) and their plain-text forms."""

    question_label: Text
    published: Template  # {date}
    undated_archived: Template  # {year}
    undated: Text
    module: Template  # {number}
    time_label: Text
    time: Template  # {minutes}
    questions_heading: Text
    objectives_heading: Text
    overview_text: Template
    present: Text
    answer_heading: Text
    answer_quoted: Text
    attribution: Template  # {publisher}, {title}
    archived_copy: Text
    qa_text: Template
    key_points_text: Template
    reveal: Template  # {label}
    in_practice_text: Template
    sources_intro: Text
    sources_text: Template
    page: Template
    email: Template
    further_none: Text
    further_intro: Text
    further_text: Template
    discussion_text: Template
    today_region: Text
    today_label: Text
    today_sources: Template
    today_more: Template  # {link}
    today_link: Text
    today_text: Template
    reflection_text: Template


class NotebookText(Model):
    """The lesson skeleton's title and headings (book/notebooks.py)."""

    title: Template  # {number}, {title}
    sources_heading: Text
    key_points: Text
    in_practice: Text
    further_reading: Text
    discussion: Text
    discussion_intro: Text
    check: Text
    reflection: Text
    reflection_intro: Text


class HandoutText(Model):
    """The learner handout, answer key and facilitator notes of a module (facilitator/handouts.py)."""

    handout_title: Template
    handout_intro: Text
    lesson_page: Template
    key_points: Text
    discussion: Text
    quiz_questions: Text
    back: Template
    guide: Text
    matching_caption: Template
    column_item: Text
    column_letter: Text
    matches_to_choose: Text
    unused_matches: Template
    correct: Text
    incorrect: Text
    starter: Text
    starter_text: Text
    answer: Text
    why: Text
    explanation: Text
    read_more: Template
    key_title: Template
    key_intro: Text
    learner_handout: Template
    handout_link: Template
    facilitator_notes: Template
    notes_link: Template
    answer_key: Template
    key_link: Template
    no_notes: Template
    timings: Text
    timings_caption: Template
    column_activity: Text
    column_minutes: Text
    total: Text
    good_answers: Text
    no_good_answers: Text
    discussion_notes: Text
    misconceptions: Text
    none_recorded: Text
    sparks: Text
    sparks_intro: Text
    sparks_none: Text
    notes_title: Template
    notes_intro: Text


class BookText(Model):
    """The book's generated pages: contents parts, glossary, sources, PDF headings, chart tables, course facts."""

    part_start: Text
    part_module: Template
    part_check: Text
    part_facilitators: Text
    part_reference: Text
    glossary_heading: Text
    glossary_intro: Text
    see_also: Template
    term_source: Template
    sources_heading: Text
    sources_intro: Text
    pdf_contents: Text
    pdf_answers: Text
    chart_data: Template
    chart_sources: Text
    chart_text: Template
    quiz_text: Plural  # {title}
    fresh_draw_title: Template
    download_lesson: Template
    course_has: Template  # {lessons}, {modules}: the two plurals below
    lessons: Plural
    modules: Plural  # {words}: the count in words
    module_start: Template
    length: Template
    length_range: Template
    about_minutes: Plural
    about_hours: Plural
    about_half_hours: Template
    fresh_draw: Plural  # {words}


class LmsText(Model):
    """The LMS import guide's tables and figures (export/lms_guide.py)."""

    scorm12: Text
    scorm2004: Text
    unmeasured: Text
    megabytes: Template
    column_standard: Text
    column_file: Text
    column_size: Text
    column_files: Text
    module: Template
    column_module: Text
    column_category: Text
    column_pool: Text
    column_random: Text
    column_fixed: Text
    pass_mark_label: Text
    pass_mark: Template
    assessment_label: Text
    assessment: Template
    lessons_label: Text
    lessons: Template
    records_label: Text
    records: Template


class PlanText(Model):
    """The plan-and-pack page: its form, the agenda it lays out and what it says when a plan does not fit."""

    ready_label: Text
    ready_none: Text
    lessons_legend: Text
    module_legend: Template
    lesson_label: Template
    minutes_label: Text
    days_label: Text
    participants_label: Text
    start_label: Text
    break_every_label: Text
    break_label: Text
    lunch_label: Text
    polls_label: Text
    agenda_heading: Text
    agenda_caption: Template
    column_time: Text
    column_session: Text
    column_minutes: Text
    welcome: Text
    welcome_back: Template
    lesson: Template
    break_slot: Text
    lunch: Text
    changeover: Text
    close: Text
    close_day: Template
    summary: Template
    print: Text
    error_no_lessons: Text
    error_lesson_too_long: Template
    error_too_many_days: Template
    error_too_many_minutes: Template
    error_past_midnight: Text
    error_number: Template
    error_start: Text
    # The agenda as ``compact-course plan``, the plan pages and the packs write it.
    default_title: Text
    agenda_summary: Template
    days: Plural
    lessons_part: Template
    lessons: Plural
    polled_part: Template
    questions: Plural
    welcome_part: Template
    participants: Plural
    close_part: Template
    close_part_days: Template
    changeovers: Plural
    breaks: Plural
    lunch_part: Template
    lunch_part_days: Template
    list_last: Template
    left_out: Template
    covers_heading: Text
    lesson_line: Template
    lesson_page: Template
    present_it: Text
    notes_link: Template
    objectives_lead: Text
    agenda_table: Template
    ready_intro: Text
    materials_heading: Text
    materials_intro: Template
    pack_link: Text
    materials_module: Template
    handout_link: Text
    key_link: Text
    facilitator_notes_link: Text
    materials_poll: Template
    poll_link: Text
    plan_link: Text


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
