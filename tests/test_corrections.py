"""Issue 24 item 2: dated or wrong claims, corrected, each held by a check rule or a test.

The rules (``compact_course.core.rules.wording``) read the course's own words with quotations
taken out. Each rule has a planted violation here, in a copy of the fixture course, reported
at its file, line and field; the real course passes them all (``compact-course check``).
Corrections of single items (a quiz key, a source title, a figure note) have their own tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compact_course.core.course import cached_course
from compact_course.core.rules.wording import unquoted
from helpers import COURSE_ROOT, edit, find_problem, fixture_copy, line_of, load_problems

LS = "data/lessons.yaml"
GL = "data/glossary.yaml"
ALPHA = "quizzes/alpha-lesson.yaml"
KEY_POINT = "modules[0].lessons[0].key_points[0]"
SEED = Path("/work/shared/seeds/000_51b8834a7c905a2b.txt")


@pytest.fixture(scope="module")
def course():
    return cached_course()


def _planted_key_point(tmp_path, text: str):
    root = fixture_copy(tmp_path)
    line = edit(root, LS, '"Alpha is the first letter."', f'"{text}"')
    problems, _ = load_problems(root)
    return problems, line


@pytest.mark.parametrize(
    ("planted", "fragment"),
    [
        ("No source this course cites gives a length for notice.", "three months' notice"),
        ("Contact the Local Government Ombudsman.", "Local Government and Social Care Ombudsman in 2017"),
        ("Police authorities can sign up too.", "November 2012"),
        ("The Social Value Act links directly to the Compact.", "attribute it to Compact Voice"),
        ("Panel members cannot be taken to court.", "not enforceable as a contract"),
        ("A county council's contract follows the Merlin Standard.", "Department for Work and Pensions"),
        ("There are 42 ICBs in England.", "April 2026"),
        ("Settle it through the local dispute procedure.", "dispute resolution procedure"),
    ],
)
def test_each_correction_rule_catches_a_planted_violation(tmp_path, planted, fragment):
    problems, line = _planted_key_point(tmp_path, planted)
    find_problem(problems, LS, line, KEY_POINT, fragment)


@pytest.mark.parametrize(
    "allowed",
    [
        "The guide names the 'Local Government Ombudsman', renamed in 2017 the Local Government and Social Care Ombudsman.",
        "Compact Voice said the Social Value Act makes explicit links to the Compact.",
        "Compact Voice said panel members cannot be taken to court.",
        "Police authorities were replaced by PCCs in November 2012.",
        "ICBs were set up in 2022 (42 ICBs then); some have merged since April 2026.",
    ],
)
def test_quoted_attributed_or_dated_wording_passes(tmp_path, allowed):
    root = fixture_copy(tmp_path)
    edit(root, LS, '"Alpha is the first letter."', f'"{allowed}"')
    from compact_course.core.course import load_course

    load_course(root)  # no problem raised


def test_twelve_weeks_in_today_advice_needs_the_consultation_principles(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(root, LS, 'takeaway: "Alpha comes first."', 'takeaway: "Plan for 12 weeks of consultation."')
    problems, _ = load_problems(root)
    find_problem(problems, LS, line, "modules[0].lessons[0].in_practice.takeaway", "Consultation Principles")


def test_a_hand_written_page_is_checked_line_by_line(tmp_path):
    root = fixture_copy(tmp_path)
    (root / "book").mkdir()
    (root / "book" / "page.md").write_text(
        "# A page\n\nAgree the notice period in writing: no source gives a figure.\n"
    )
    problems, _ = load_problems(root)
    find_problem(problems, "book/page.md", 3, "", "three months' notice")


def test_a_quiz_option_is_attributed_by_its_prompt(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(
        root,
        ALPHA,
        'prompt: "Which letter is alpha?"',
        'prompt: "Which letter is alpha? Contact the Local Government Ombudsman."',
    )
    problems, _ = load_problems(root)
    find_problem(problems, ALPHA, line, "questions[0].prompt", "renamed")


def test_every_glossary_term_cites_a_source(tmp_path, course):
    assert all(term.source for term in course.terms)
    root = fixture_copy(tmp_path)
    edit(root, GL, "    source: src-alpha-report\n\n", "\n")
    problems, _ = load_problems(root)
    find_problem(problems, GL, line_of(root, GL, "- id: alpha-term"), "terms[0].id", "cites no source")


def test_quotations_are_taken_out_before_the_rules_read(course):
    assert "Ombudsman" not in unquoted("the 'Local Government Ombudsman', as it was")
    assert "council’s" in unquoted("the council’s grant") or "council's" in unquoted("the council's grant")
    assert unquoted("the council's grant and the groups' views") == "the council's grant and the groups' views"


# --- Corrections of single items ---------------------------------------------------------------


def test_the_compact_today_page_says_once_whether_the_national_compact_is_in_force():
    text = (COURSE_ROOT / "book" / "compact-today.md").read_text(encoding="utf-8")
    assert text.count("Is the national Compact still in force?") == 1
    assert "No source this course cites records a formal withdrawal" in text
    assert "three months' notice" in text and "source-dclg-best-value-guidance-2011" in text
    assert "no source gives a figure" not in text and "gives a length for it" not in text


def test_the_2011_guidance_is_stated_with_its_source_in_lesson_7_and_the_notes(course):
    lesson_7 = course.lesson("commissioning-and-decommissioning")
    assert "three months" in lesson_7.today.text and "dclg-best-value-guidance-2011" in lesson_7.today.sources
    notes = course.notes_for("commissioning-and-decommissioning")
    answers = " ".join(a for p in notes.discussion for a in p.good_answers)
    assert "three months' notice" in answers and "no source does" not in answers


def test_quiz_keys_on_early_engagement_say_how_within_procurement_rules(course):
    # A council's tender: the Procurement Act 2023's preliminary market engagement, with no unfair advantage.
    key = next(o for o in course.question("q-helping-commissioners-06").options if o.correct)
    assert "Procurement Act 2023" in key.feedback and "unfair advantage" in key.feedback
    # An ICB's health care services: the Provider Selection Regime, with transparent decisions.
    key = next(o for o in course.question("q-helping-commissioners-03").options if o.correct)
    assert "Provider Selection Regime" in key.text and "transparent" in key.feedback


def test_the_nao_key_treats_12_weeks_as_history(course):
    question = course.question("q-nao-review-06")
    key = next(o for o in question.options if o.correct)
    assert "12" not in key.text
    assert "Consultation Principles" in key.feedback


def test_the_social_value_act_key_is_attributed(course):
    # The pool question on the Social Value Act's link to the Compact gives the link as Compact Voice's words.
    question = next(q for q in course.pool_questions() if q.id == "q-sa-m2-02")
    assert "Social Value Act" in question.prompt + getattr(question, "scenario", "")
    key = next(o for o in question.options if o.correct)
    assert "Compact Voice" in key.text and "directly" not in key.text


def test_the_consultation_principles_event_is_restored_with_its_source(course):
    event = next(e for e in course.events if e.id == "consultation-principles-2012")
    assert event.date == "2012-07" and "hoganlovells-consultation-principles-2012" in event.sources


def test_the_third_sector_headline_is_as_published(course):
    assert course.source("thirdsector-nao-2012").title.startswith("Government departments could do more to support")


def test_the_two_notes_on_202_local_compacts_agree(course):
    notes = {course.figure(fid).note for fid in ("local-compacts-active-2011", "local-compacts-active-2012")}
    assert len(notes) == 1 and "do not date" in notes.pop()


def test_the_pcc_entry_names_the_announced_abolition(course):
    pcc = course.term("pcc")
    assert "13 November 2025" in pcc.definition and "2028" in pcc.definition and "announced" in pcc.definition


def test_the_source_s_other_slips_are_marked_sic(course):
    answers = " ".join(p.text for entry in course.qa for p in entry.answer)
    examples = " ".join(x.note or "" for entry in course.qa for x in entry.examples)
    assert "most notable [sic]" in answers
    assert "others [sic] areas" in examples
    assert answers.count("Health Services [sic] Ombudsman") == 2
    assert "Health Services Ombudsman" not in answers


# Quotations in lessons from other cited sources (the NAO, the Covenant, the Consultation Principles ...).
OTHER_SOURCES = {
    "at best, adequate",
    "Recognition and value",
    "Partnership and collaboration",
    "reasonable expectations",
}
OTHER_SOURCES |= {"a proportionate amount of time", "due regard", "have regard"}
QUOTE = re.compile(r"(?<![\w’'])'([^'\n]{8,}?)'(?![\w])")


@pytest.mark.skipif(not SEED.is_file(), reason="the seed Q&A is outside the project")
def test_quotations_of_compact_voice_in_the_lessons_match_the_seed(course):
    # A quotation in a lesson is the seed's words, unless it quotes another cited source (OTHER_SOURCES).
    seed = " ".join(SEED.read_text(encoding="utf-8").replace("‘", "'").replace("’", "'").split()).lower()
    for lesson_ in course.lessons:
        practice = lesson_.in_practice
        texts = (*lesson_.key_points, *(p.prompt for p in lesson_.discussion), practice.scenario, practice.takeaway)
        for text in texts:
            for quoted in set(QUOTE.findall(text)) - OTHER_SOURCES:
                assert " ".join(quoted.split()).lower() in seed, f"{lesson_.id}: '{quoted}' is not in the seed"
