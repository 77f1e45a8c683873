"""The loader accepts the real course and rejects bad input with file, line and field.

The good-data tests check the checked-in data against the seed Q&A: every address the seed
cites, and every address in the shared figures-and-context notes, must be a source. The
addresses are copied here (normalised) rather than read from ../shared, so the project
does not depend on files outside it when tests run.

Each bad-input case copies data/ and quizzes/, makes one edit, and expects a problem at
the exact file, line and field path, with a message saying what is wrong. Expected lines
are computed from the edited copy, never typed in.
"""

from __future__ import annotations

import re

import pytest
import yaml

from compact_course.core.course import load_course
from compact_course.core.yamlmarks import CourseDataError
from helpers import (
    COURSE_ROOT,
    course_copy,
    edit,
    find_problem,
    index_of,
    lesson_path,
    line_of,
    load_problems,
)

QA = "data/qa.yaml"
SRC = "data/sources.yaml"
FIG = "data/figures.yaml"
TL = "data/timeline.yaml"
GL = "data/glossary.yaml"
LS = "data/lessons.yaml"
FA = "data/facilitator.yaml"
BANK = "quizzes/who-is-the-compact-for.yaml"

# Every address cited in /work/shared/seeds/000_51b8834a7c905a2b.txt (24 distinct), with
# "http://" added where the seed omits it and trailing . , ; removed. The seed breaks the
# Herefordshire address across a table row ("www.compactvoice.org.uk/resources" then
# "/case-studies/herefordshire-three-sector-compact"); it is joined back here.
SEED_ADDRESSES = (
    "http://www.compactvoice.org.uk/compactawards2013",
    "http://www.compactvoice.org.uk/news/2012/01/05/compact-voice-welcomes-nao-report-central-government%E2%80%99s-implementation-national-compa",
    "http://www.compactvoice.org.uk/news/OGP",
    "http://www.compactvoice.org.uk/page/compact-departmental-business-plans",
    "http://www.compactvoice.org.uk/page/compact-voice-and-ocs-201314-joint-action-plan",
    "http://www.compactvoice.org.uk/resources/briefings-and-responses/briefing-best-value-guidance-and-compact",
    "http://www.compactvoice.org.uk/resources/briefings-and-responses/briefing-compact-and-clinical-commissioning-groups",
    "http://www.compactvoice.org.uk/resources/briefings-and-responses/briefing-compact-and-police-and-crime-commissioners",
    "http://www.compactvoice.org.uk/resources/case-studies",
    "http://www.compactvoice.org.uk/resources/case-studies/cumbria-using-compact-when-negotiating-contracts",
    "http://www.compactvoice.org.uk/resources/case-studies/herefordshire-three-sector-compact",
    "http://www.compactvoice.org.uk/sites/default/files/annual_local_compacts_survey_2013.pdf",
    "http://www.compactvoice.org.uk/sites/default/files/bv_and_the_compact.pdf",
    "http://www.compactvoice.org.uk/sites/default/files/community_groups_implementation_guide.pdf",
    "http://www.compactvoice.org.uk/sites/default/files/compact_at_work_-_glos_tpc.pdf",
    "http://www.compactvoice.org.uk/sites/default/files/nalc_guidance.pdf",
    "http://www.compactvoice.org.uk/sites/default/files/shortlisted_nominations_booklet_0.pdf",
    "http://www.compactvoice.org.uk/sites/default/files/the_compact_accountability_guide.pdf",
    "http://www.compactvoice.org.uk/sites/default/files/understanding_commissioning_and_procurement_guide.pdf",
    "http://www.compactvoice.org.uk/support/engagement-team",
    "http://www.merlinstandard.co.uk/",
    "http://www.nao.org.uk/decommissioning/",
    "http://www.navca.org.uk/localvs/lcp/briefings/decommissioning",
    "http://www.ncvo.org.uk/practical-support/public-services",
)

# Every address in /work/shared/sources/figures-and-context.md (17 distinct).
CONTEXT_ADDRESSES = (
    "http://election.compactvoice.org.uk/blogs/adam/2011/07/27/203-it%E2%80%99s-magic-number",
    "http://election.compactvoice.org.uk/news/2011/08/16/research-indicates-88-local-areas-support-compact",
    "http://election.compactvoice.org.uk/news/2012/07/09/survey-findings-highlight-gap-perceptions-between-statutory-and-voluntary-and-commun",
    "http://election.compactvoice.org.uk/news/2015/01/07/nao-report-governments-implementation-national-compact-follow-published",
    "http://election.compactvoice.org.uk/news/2015/03/30/annual-survey-local-compacts-published",
    "http://election.compactvoice.org.uk/resources/compact-text-format",
    "http://www.compactvoice.org.uk/blogs/adam/2012/07/23/local-compacts-big-picture-compact-voice-annual-survey-local-compacts-explaine",
    "http://www.compactvoice.org.uk/news/2013/09/23/survey-reveals-highest-ever-levels-support-compact-despite-lack-resources",
    "https://gov.uk/government/publications/civil-society-covenant-framework-launch/annex-a-civil-society-covenant-framework",
    "https://www.bond.org.uk/news/2025/07/the-civil-society-covenant-a-step-in-the-right-direction",
    "https://www.bond.org.uk/press-releases/2025/07/government-launches-the-civil-society-covenant-bond-reaction",
    "https://www.civilsociety.co.uk/news/government-departments-have-made-slow-progress-on-compact-recommendations--says-nao.html",
    "https://www.civilsociety.co.uk/news/government-must-report-on-compact-implementation--says-nao.html",
    "https://www.gov.uk/guidance/illustration-document-progress-signs-for-implementing-the-civil-society-covenant",
    "https://www.ncvo.org.uk/get-involved/civil-society-covenant/",
    "https://www.thirdsector.co.uk/government-consultations-short-implementation-slow-national-audit-office-says/policy-and-politics/article/1328228",
    "https://www.thirdsector.co.uk/government-departments-support-compact-finds-nao-report/infrastructure/article/1111003",
)


@pytest.fixture(scope="module")
def course():
    return load_course(COURSE_ROOT)


# --- The real data ----------------------------------------------------------------------------


def test_real_course_loads_with_19_qa_entries(course):
    assert len(course.qa) == 19
    assert len({entry.id for entry in course.qa}) == 19


def test_address_lists_are_distinct_and_complete():
    assert len(set(SEED_ADDRESSES)) == 24
    assert len(set(CONTEXT_ADDRESSES)) == 17


@pytest.mark.parametrize("address", SEED_ADDRESSES)
def test_every_seed_address_is_a_source(course, address):
    assert address in {source.url for source in course.sources}


@pytest.mark.parametrize("address", CONTEXT_ADDRESSES)
def test_every_context_address_is_a_source(course, address):
    assert address in {source.url for source in course.sources}


def test_qa_entries_cite_the_seed_addresses(course):
    # Each seed address is cited by the Q&A itself (an answer point or an example), not only listed.
    cited = {
        course.source(ref).url
        for entry in course.qa
        for ref in [p.source for p in entry.answer] + [x.source for x in entry.examples]
        if ref is not None
    }
    assert set(SEED_ADDRESSES) <= cited


def test_every_lesson_teaches_a_distinct_qa_entry(course):
    taught = [lesson.qa for lesson in course.lessons]
    assert sorted(taught) == sorted(entry.id for entry in course.qa)


def test_look_ups_return_the_named_items(course):
    entry = course.qa_entry("qa-who-is-the-compact-for")
    assert entry.question == "Who is the Compact for?"
    assert course.lesson_for_qa(entry.id).id == "who-is-the-compact-for"
    bank = course.quiz_for("who-is-the-compact-for")
    assert bank.quiz.lesson == "who-is-the-compact-for"
    first = bank.questions[0]
    assert course.question(first.id) is first
    assert course.bank_of_question(first.id) is bank
    with pytest.raises(KeyError, match="no lesson 'no-such-lesson'"):
        course.lesson("no-such-lesson")


def test_copied_course_loads_unchanged(tmp_path):
    # The bad-input cases below rely on an unedited copy being valid.
    copied = load_course(course_copy(tmp_path))
    assert len(copied.qa) == 19


# --- Bad input: one edit each, one exact problem expected ---------------------------------------


def _question_index(root, qid, bank=BANK):
    return index_of(root, bank, "questions", qid)


def unknown_field_in_qa_entry(root):
    i = index_of(root, QA, "entries", "qa-not-legally-binding")
    line = (
        edit(root, QA, "  - id: qa-not-legally-binding\n", '  - id: qa-not-legally-binding\n    titel: "A typo"\n') + 1
    )
    return QA, line, f"entries[{i}].titel", "unknown field"


def unknown_field_in_question(root):
    k = _question_index(root, "q-who-is-the-compact-for-05")
    line = (
        edit(
            root,
            BANK,
            "  - id: q-who-is-the-compact-for-05\n",
            "  - id: q-who-is-the-compact-for-05\n    difficulty: hard\n",
        )
        + 1
    )
    return BANK, line, f"questions[{k}].difficulty", "unknown field"


def unknown_top_level_field(root):
    line = edit(root, SRC, "\nsources:\n", "\nversion: 2\nsources:\n") + 1
    return SRC, line, "version", "unknown field"


def duplicate_yaml_key(root):
    prompt = '    prompt: "In Compact Voice\'s answer, which relationships is the Compact relevant to?"\n'
    first = edit(root, BANK, prompt, prompt + '    prompt: "A second prompt"\n')
    line = first + 1
    return BANK, line, "prompt", f"duplicate key (first given on line {first})"


def duplicate_qa_id(root):
    first = line_of(root, QA, "  - id: qa-not-legally-binding\n")
    i = index_of(root, QA, "entries", "qa-helping-commissioners")
    line = edit(root, QA, "  - id: qa-helping-commissioners\n", "  - id: qa-not-legally-binding\n")
    return QA, line, f"entries[{i}].id", f"duplicate id 'qa-not-legally-binding' (first on line {first})"


def duplicate_source_id(root):
    first = line_of(root, SRC, "  - id: cv-case-studies\n")
    i = index_of(root, SRC, "sources", "cv-commissioning-guide")
    line = edit(root, SRC, "  - id: cv-commissioning-guide\n", "  - id: cv-case-studies\n")
    return SRC, line, f"sources[{i}].id", f"duplicate id 'cv-case-studies' (first on line {first})"


def duplicate_source_address(root):
    data = yaml.safe_load((root / SRC).read_text(encoding="utf-8"))
    i = next(n for n, s in enumerate(data["sources"]) if s.get("url") == "http://www.merlinstandard.co.uk/")
    first = line_of(root, SRC, '    url: "http://www.compactvoice.org.uk/resources/case-studies"\n')
    line = edit(
        root,
        SRC,
        '    url: "http://www.merlinstandard.co.uk/"\n',
        '    url: "http://www.compactvoice.org.uk/resources/case-studies"\n',
    )
    return (
        SRC,
        line,
        f"sources[{i}].url",
        f"duplicate address 'http://www.compactvoice.org.uk/resources/case-studies' (first on line {first})",
    )


def duplicate_question_id_across_banks(root):
    k = _question_index(root, "q-who-is-the-compact-for-05")
    line = edit(root, BANK, "  - id: q-who-is-the-compact-for-05\n", "  - id: q-arbitration-elsewhere-01\n")
    return (
        BANK,
        line,
        f"questions[{k}].id",
        "duplicate question id 'q-arbitration-elsewhere-01' (also in quizzes/arbitration-elsewhere.yaml)",
    )


def dangling_answer_point_source(root):
    i = index_of(root, QA, "entries", "qa-town-and-parish-councils")
    data = yaml.safe_load((root / QA).read_text(encoding="utf-8"))
    j = next(
        n
        for n, p in enumerate(data["entries"][i]["answer"])
        if isinstance(p, dict) and p.get("source") == "cv-glos-town-parish-case-study"
    )
    old = 'resulting benefits of doing so."\n        source: cv-glos-town-parish-case-study\n'
    line = edit(root, QA, old, old.replace("cv-glos-town-parish-case-study", "cv-glos-missing")) + 1
    return QA, line, f"entries[{i}].answer[{j}].source", "unknown source 'cv-glos-missing'"


def dangling_example_source(root):
    i = index_of(root, QA, "entries", "qa-helping-commissioners")
    data = yaml.safe_load((root / QA).read_text(encoding="utf-8"))
    j = next(n for n, x in enumerate(data["entries"][i]["examples"]) if x.get("page") == "34")
    old = '        source: cv-commissioning-guide\n        page: "34"\n'
    line = edit(root, QA, old, old.replace("cv-commissioning-guide", "cv-commissioning-guid"))
    return QA, line, f"entries[{i}].examples[{j}].source", "unknown source 'cv-commissioning-guid'"


def dangling_figure_source(root):
    i = index_of(root, FIG, "figures", "survey-2011-agreement")
    old = '    source: cv-survey-2011-news\n    note: "First annual survey'
    line = edit(root, FIG, old, old.replace("cv-survey-2011-news", "cv-survey-2011-newz"))
    return FIG, line, f"figures[{i}].source", "unknown source 'cv-survey-2011-newz'"


def dangling_event_source(root):
    i = index_of(root, TL, "events", "compact-renewed")
    line = edit(root, TL, "sources: [cv-qa, cv-compact-text-2010]", "sources: [cv-qa, cv-compact-text-2011]")
    return TL, line, f"events[{i}].sources[1]", "unknown source 'cv-compact-text-2011'"


def dangling_see_also(root):
    i = index_of(root, GL, "terms", "local-compact")
    line = edit(
        root,
        GL,
        "see_also: [the-compact, compact-group, dispute-resolution-procedure]",
        "see_also: [the-compact, compact-groups, dispute-resolution-procedure]",
    )
    return GL, line, f"terms[{i}].see_also[1]", "unknown glossary term 'compact-groups'"


def dangling_lesson_qa(root):
    path = lesson_path(root, "not-legally-binding")
    line = edit(root, LS, "        qa: qa-not-legally-binding\n", "        qa: qa-not-legaly-binding\n")
    return LS, line, f"{path}.qa", "unknown Q&A entry 'qa-not-legaly-binding'"


def dangling_facilitator_lesson(root):
    i = index_of(root, FA, "lessons", "not-legally-binding", key="lesson")
    line = edit(root, FA, "  - lesson: not-legally-binding\n", "  - lesson: not-legaly-binding\n")
    return FA, line, f"lessons[{i}].lesson", "unknown lesson 'not-legaly-binding'"


def dangling_facilitator_prompt(root):
    i = index_of(root, FA, "lessons", "who-is-the-compact-for", key="lesson")
    line = edit(
        root, FA, "      - prompt: d-who-is-the-compact-for-1\n", "      - prompt: d-who-is-the-compact-for-9\n"
    )
    return FA, line, f"lessons[{i}].discussion[0].prompt", "'d-who-is-the-compact-for-9'"


def dangling_spark_question(root):
    i = index_of(root, FA, "lessons", "who-is-the-compact-for", key="lesson")
    line = edit(
        root,
        FA,
        "spark_questions: [q-who-is-the-compact-for-02, q-who-is-the-compact-for-03]",
        "spark_questions: [q-who-is-the-compact-for-02, q-who-is-the-compact-for-99]",
    )
    return FA, line, f"lessons[{i}].spark_questions[1]", "unknown quiz question 'q-who-is-the-compact-for-99'"


def dangling_quiz_qa(root):
    k = _question_index(root, "q-who-is-the-compact-for-02")
    line = edit(
        root,
        BANK,
        "    qa: [qa-who-is-the-compact-for, qa-has-its-time-passed]\n",
        "    qa: [qa-who-is-the-compact-for, qa-has-its-time-pased]\n",
    )
    return BANK, line, f"questions[{k}].qa[1]", "unknown Q&A entry 'qa-has-its-time-pased'"


def dangling_quiz_lesson(root):
    line = edit(root, BANK, "  lesson: who-is-the-compact-for\n", "  lesson: who-is-the-compact-fr\n")
    return BANK, line, "quiz.lesson", "unknown lesson 'who-is-the-compact-fr'"


def unknown_chart(root):
    path = lesson_path(root, "not-legally-binding")
    line = edit(root, LS, "        charts: [timeline]\n", "        charts: [timelines]\n")
    return LS, line, f"{path}.charts[0]", "unknown chart 'timelines'"


def empty_text(root):
    line = edit(root, BANK, '  title: "Who is the Compact for?"\n', '  title: ""\n')
    return BANK, line, "quiz.title", "must not be empty"


def whitespace_only_text(root):
    k = _question_index(root, "q-who-is-the-compact-for-05")
    old = '    prompt: "In Compact Voice\'s answer, which relationships is the Compact relevant to?"\n'
    line = edit(root, BANK, old, '    prompt: "   \\t  "\n')
    return BANK, line, f"questions[{k}].prompt", "must not be empty"


def malformed_url(root):
    data = yaml.safe_load((root / SRC).read_text(encoding="utf-8"))
    i = next(n for n, s in enumerate(data["sources"]) if s.get("url") == "http://www.merlinstandard.co.uk/")
    line = edit(root, SRC, '    url: "http://www.merlinstandard.co.uk/"\n', '    url: "www.merlinstandard.co.uk"\n')
    return SRC, line, f"sources[{i}].url", "'www.merlinstandard.co.uk' is not an http(s) address with a host"


def malformed_email(root):
    i = index_of(root, QA, "entries", "qa-endorsement-logo")
    data = yaml.safe_load((root / QA).read_text(encoding="utf-8"))
    j = next(n for n, x in enumerate(data["entries"][i]["examples"]) if x.get("email"))
    old = 'Contact us."\n        email: compact@compactvoice.org.uk\n'
    line = edit(root, QA, old, old.replace("compact@", "compact-at-")) + 1
    return QA, line, f"entries[{i}].examples[{j}].email", "'compact-at-compactvoice.org.uk' is not an e-mail address"


def percentage_above_100(root):
    # A rule across fields (unit and value) is reported at the figure itself.
    i = index_of(root, FIG, "figures", "survey-2011-agreement")
    item = line_of(root, FIG, "  - id: survey-2011-agreement\n")
    edit(root, FIG, "    value: 88\n", "    value: 120\n")
    return FIG, item, f"figures[{i}]", "a percentage must lie between 0 and 100, not 120"


def percentage_below_0(root):
    i = index_of(root, FIG, "figures", "survey-2011-agreement")
    item = line_of(root, FIG, "  - id: survey-2011-agreement\n")
    edit(root, FIG, "    value: 88\n", "    value: -5\n")
    return FIG, item, f"figures[{i}]", "a percentage must lie between 0 and 100, not -5"


def bad_date(root):
    i = index_of(root, TL, "events", "compact-refreshed")
    line = edit(root, TL, '    date: "2009"\n', '    date: "2009-13"\n')
    return TL, line, f"events[{i}].date", "'2009-13' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"


def non_kebab_id(root):
    i = index_of(root, TL, "events", "compact-refreshed")
    line = edit(root, TL, "  - id: compact-refreshed\n", "  - id: Compact_Refreshed\n")
    return TL, line, f"events[{i}].id", "'Compact_Refreshed' is not a kebab-case id"


def yaml_syntax_error(root):
    line = edit(root, TL, '    title: "The Compact is refreshed"\n', "    title: The Compact: refreshed\n")
    return TL, line, "", "YAML syntax error"


def single_with_two_correct(root):
    k = _question_index(root, "q-who-is-the-compact-for-05")
    item = line_of(root, BANK, "  - id: q-who-is-the-compact-for-05\n")
    old = '      - text: "Only contracts above a set value"\n'
    edit(root, BANK, old, old + "        correct: true\n")
    return BANK, item, f"questions[{k}]", "needs exactly one correct option, has 2"


def multiple_with_none_correct(root):
    k = _question_index(root, "q-who-is-the-compact-for-01")
    item = line_of(root, BANK, "  - id: q-who-is-the-compact-for-01\n")
    text = (root / BANK).read_text(encoding="utf-8")
    start = text.index("  - id: q-who-is-the-compact-for-01\n")
    end = text.index("\n  - id: ", start + 1)
    block = text[start:end]
    assert block.count("        correct: true\n") >= 1
    (root / BANK).write_text(text[:start] + block.replace("        correct: true\n", "") + text[end:], encoding="utf-8")
    return BANK, item, f"questions[{k}]", "needs at least one correct option"


def duplicated_option(root):
    k = _question_index(root, "q-who-is-the-compact-for-05")
    item = line_of(root, BANK, "  - id: q-who-is-the-compact-for-05\n")
    edit(
        root,
        BANK,
        '      - text: "Only contracts above a set value"\n',
        '      - text: "Only dealings between central government and national charities"\n',
    )
    return (
        BANK,
        item,
        f"questions[{k}]",
        "option 'Only dealings between central government and national charities' is given twice",
    )


def all_of_the_above_option(root):
    k = _question_index(root, "q-who-is-the-compact-for-05")
    item = line_of(root, BANK, "  - id: q-who-is-the-compact-for-05\n")
    edit(root, BANK, '      - text: "Only contracts above a set value"\n', '      - text: "All of the above"\n')
    return BANK, item, f"questions[{k}]", "'all/none of the above' options are not allowed"


def true_false_missing_feedback_false(root):
    k = _question_index(root, "q-who-is-the-compact-for-03")
    item = line_of(root, BANK, "  - id: q-who-is-the-compact-for-03\n")
    text = (root / BANK).read_text(encoding="utf-8")
    match = re.search(r"^    feedback_false: .*\n", text, flags=re.MULTILINE)
    assert match and text.count("feedback_false:") == 1
    (root / BANK).write_text(text[: match.start()] + text[match.end() :], encoding="utf-8")
    return BANK, item, f"questions[{k}].feedback_false", "required field is missing"


def scenario_missing_scenario(root):
    k = _question_index(root, "q-who-is-the-compact-for-02")
    item = line_of(root, BANK, "  - id: q-who-is-the-compact-for-02\n")
    text = (root / BANK).read_text(encoding="utf-8")
    match = re.search(r"^    scenario: .*\n", text, flags=re.MULTILINE)
    assert match and text.count("    scenario:") == 1
    (root / BANK).write_text(text[: match.start()] + text[match.end() :], encoding="utf-8")
    return BANK, item, f"questions[{k}].scenario", "required field is missing"


def matching_duplicate_match(root):
    k = _question_index(root, "q-who-is-the-compact-for-04")
    item = line_of(root, BANK, "  - id: q-who-is-the-compact-for-04\n")
    edit(
        root,
        BANK,
        '        match: "A body that often signs up to its local Compact"\n',
        '        match: "A private-sector body Compact Voice encouraged local Compacts to bring in"\n',
    )
    return (
        BANK,
        item,
        f"questions[{k}]",
        "match 'A private-sector body Compact Voice encouraged local Compacts to bring in' is given twice",
    )


def timings_not_summing(root):
    i = index_of(root, FA, "lessons", "who-is-the-compact-for", key="lesson")
    notes = yaml.safe_load((root / FA).read_text(encoding="utf-8"))["lessons"][i]
    lessons = yaml.safe_load((root / LS).read_text(encoding="utf-8"))
    minutes = next(
        l["minutes"] for mod in lessons["modules"] for l in mod["lessons"] if l["id"] == "who-is-the-compact-for"
    )
    total = sum(t["minutes"] for t in notes["timings"])
    assert total == minutes
    timings = line_of(root, FA, "  - lesson: who-is-the-compact-for\n") + 1
    first = notes["timings"][0]["minutes"]
    # Change the first timing of this lesson only (the first "minutes:" after its timings key).
    text = (root / FA).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[timings - 1].strip() == "timings:"
    n = next(n for n in range(timings, len(lines)) if lines[n].strip().startswith("minutes:"))
    assert lines[n].strip() == f"minutes: {first}"
    lines[n] = lines[n].replace(f"minutes: {first}", f"minutes: {first + 1}")
    (root / FA).write_text("\n".join(lines), encoding="utf-8")
    return FA, timings, f"lessons[{i}].timings", f"timings add up to {total + 1} minutes but the lesson takes {minutes}"


def bank_name_not_matching_lesson(root):
    (root / BANK).rename(root / "quizzes/who-is-it-for.yaml")
    line = line_of(root, "quizzes/who-is-it-for.yaml", "  lesson: who-is-the-compact-for\n")
    return "quizzes/who-is-it-for.yaml", line, "quiz.lesson", "must be named quizzes/who-is-the-compact-for.yaml"


def qa_entry_covered_by_too_few_questions(root):
    # Keep exactly three references to one entry across all banks; drop the rest.
    target = "qa-safeguarding-authors"
    kept = 0
    for path in sorted((root / "quizzes").glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for n, text in enumerate(lines):
            found = re.fullmatch(r"(    qa: \[)(.*)(\])", text)
            if not found or target not in [r.strip() for r in found.group(2).split(",")]:
                continue
            kept += 1
            if kept > 3:
                refs = [r.strip() for r in found.group(2).split(",") if r.strip() != target] or [
                    "qa-who-is-the-compact-for"
                ]
                lines[n] = f"{found.group(1)}{', '.join(refs)}{found.group(3)}"
        path.write_text("\n".join(lines), encoding="utf-8")
    assert kept >= 4, "the case needs an entry with at least four questions to start with"
    i = index_of(root, QA, "entries", target)
    line = line_of(root, QA, f"  - id: {target}\n")
    return QA, line, f"entries[{i}].id", "only 3 quiz questions draw on this entry; at least 4 are needed"


def lesson_teaching_taught_qa(root):
    path = lesson_path(root, "not-legally-binding")
    line = edit(root, LS, "        qa: qa-not-legally-binding\n", "        qa: qa-who-is-the-compact-for\n")
    return LS, line, f"{path}.qa", "Q&A entry 'qa-who-is-the-compact-for' is already taught by another lesson"


def wrong_type(root):
    i = index_of(root, QA, "entries", "qa-who-is-the-compact-for")
    line = edit(root, QA, '    question: "Who is the Compact for?"\n', "    question: 5\n")
    return QA, line, f"entries[{i}].question", "Input should be a valid string"


def wrong_type_in_question(root):
    k = _question_index(root, "q-who-is-the-compact-for-03")
    line = edit(root, BANK, "    answer: false\n", '    answer: "no"\n')
    return BANK, line, f"questions[{k}].answer", "Input should be a valid boolean"


def unknown_question_type(root):
    k = _question_index(root, "q-who-is-the-compact-for-05")
    line = line_of(root, BANK, "  - id: q-who-is-the-compact-for-05\n") + 1
    edit(
        root,
        BANK,
        "  - id: q-who-is-the-compact-for-05\n    type: single\n",
        "  - id: q-who-is-the-compact-for-05\n    type: essay\n",
    )
    return BANK, line, f"questions[{k}].type", "'essay'"


def missing_file(root):
    (root / GL).unlink()
    return GL, 1, "", "file is missing"


BAD_INPUT_CASES = [
    unknown_field_in_qa_entry,
    unknown_field_in_question,
    unknown_top_level_field,
    duplicate_yaml_key,
    duplicate_qa_id,
    duplicate_source_id,
    duplicate_source_address,
    duplicate_question_id_across_banks,
    dangling_answer_point_source,
    dangling_example_source,
    dangling_figure_source,
    dangling_event_source,
    dangling_see_also,
    dangling_lesson_qa,
    dangling_facilitator_lesson,
    dangling_facilitator_prompt,
    dangling_spark_question,
    dangling_quiz_qa,
    dangling_quiz_lesson,
    unknown_chart,
    empty_text,
    whitespace_only_text,
    malformed_url,
    malformed_email,
    percentage_above_100,
    percentage_below_0,
    bad_date,
    non_kebab_id,
    yaml_syntax_error,
    single_with_two_correct,
    multiple_with_none_correct,
    duplicated_option,
    all_of_the_above_option,
    true_false_missing_feedback_false,
    scenario_missing_scenario,
    matching_duplicate_match,
    timings_not_summing,
    bank_name_not_matching_lesson,
    qa_entry_covered_by_too_few_questions,
    lesson_teaching_taught_qa,
    wrong_type,
    wrong_type_in_question,
    unknown_question_type,
    missing_file,
]


@pytest.mark.parametrize("case", BAD_INPUT_CASES, ids=lambda case: case.__name__)
def test_bad_input_is_reported_with_file_line_and_field(tmp_path, case):
    root = course_copy(tmp_path)
    file, line, field, fragment = case(root)
    problems, message = load_problems(root)
    problem = find_problem(problems, file, line, field, fragment)
    # The text a person reads names the same place: "file:line: field: message".
    where = f"{file}:{line}: {field}: " if field else f"{file}:{line}: "
    assert f"{where}{problem.message}" in message


def test_there_are_enough_distinct_bad_input_cases():
    assert len({case.__name__ for case in BAD_INPUT_CASES}) >= 25


def test_all_problems_are_reported_in_one_run(tmp_path):
    root = course_copy(tmp_path)
    url_file, url_line, url_field, url_text = malformed_url(root)
    title_file, title_line, title_field, title_text = empty_text(root)
    date_file, date_line, date_field, date_text = bad_date(root)
    problems, message = load_problems(root)
    find_problem(problems, url_file, url_line, url_field, url_text)
    find_problem(problems, title_file, title_line, title_field, title_text)
    find_problem(problems, date_file, date_line, date_field, date_text)
    assert message.startswith(f"{len(problems)} problems in the course data:")


def test_all_cross_reference_problems_are_reported_in_one_run(tmp_path):
    root = course_copy(tmp_path)
    expected = [dangling_figure_source(root), dangling_quiz_qa(root), dangling_see_also(root)]
    problems, _ = load_problems(root)
    for file, line, field, fragment in expected:
        find_problem(problems, file, line, field, fragment)


def test_a_syntax_error_does_not_hide_problems_in_other_files(tmp_path):
    root = course_copy(tmp_path)
    expected = [yaml_syntax_error(root), malformed_email(root)]
    problems, _ = load_problems(root)
    for file, line, field, fragment in expected:
        find_problem(problems, file, line, field, fragment)


def test_error_is_a_course_data_error_listing_each_problem_once(tmp_path):
    root = course_copy(tmp_path)
    dangling_quiz_lesson(root)
    with pytest.raises(CourseDataError) as caught:
        load_course(root)
    lines = str(caught.value).splitlines()[1:]
    assert len(lines) == len(set(lines)) == len(caught.value.problems)
