"""The facilitators' tools' words (``data/interface.yaml``): the presenter view, the room
poll and the plan-and-pack page, with the agenda Python writes."""

from __future__ import annotations

from compact_course.core.fields import Model, Text
from compact_course.core.interface_base import Plural, Template


class PartText(Model):
    """A lesson's parts (data/facilitator.yaml timings' ``part``, and minutes no timing tags)."""

    reading: Text
    scenario: Text
    discussion: Text
    quiz: Text
    other: Text

    def of(self, part: str) -> str:
        return str(getattr(self, part))


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
    participants_private: Text
    share_learner_address: Template
    share_no_learner_address: Template
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
    pages_range: Template
    pages_one: Template
    set_pages: Template
    measure_title: Text
    # The agenda as ``compact-course plan``, the plan pages and the packs write it.
    default_title: Text
    parts: PartText
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
