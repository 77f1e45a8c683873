"""The words of the pages Python writes (``data/interface.yaml``): a question's static form,
a lesson page's blocks, the lesson skeleton, the handouts, the book's generated pages and the
LMS guide."""

from __future__ import annotations

from compact_course.core.fields import Model, Text
from compact_course.core.interface_base import Plural, Template


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
    number_words: tuple[Text, ...]  # 0, 1, 2 ... in words


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
