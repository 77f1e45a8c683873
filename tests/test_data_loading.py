"""The loader accepts the real course and rejects bad input with file, line and field.

The real data is tested as a whole once: it loads, and every address the seed Q&A cites and
every address in the shared figures-and-context notes is a source. The addresses are copied
here (normalised) rather than read from ../shared, so the project does not depend on files
outside it when tests run.

Bad input is tested on the tiny fixture course in tests/fixtures/course/ (two modules of one
lesson each): each case copies it, makes one edit, and expects a problem at the exact file,
line and field path, with a message saying what is wrong. Expected lines are computed from
the edited copy, never typed in, and the fixture never changes with the course's content.
"""

from __future__ import annotations

import dataclasses

import pytest

from compact_course.core.course import load_course
from compact_course.core.yamlmarks import CourseDataError
from helpers import COURSE_ROOT, FIXTURE_ROOT, edit, find_problem, fixture_copy, line_of, load_problems

QA = "data/qa.yaml"
SRC = "data/sources.yaml"
FIG = "data/figures.yaml"
TL = "data/timeline.yaml"
GL = "data/glossary.yaml"
LS = "data/lessons.yaml"
FA = "data/facilitator.yaml"
AS = "data/assessment.yaml"
ALPHA = "quizzes/alpha-lesson.yaml"
POOL_BETA = "quizzes/assessment/m2-beta.yaml"
BETA = "quizzes/beta-lesson.yaml"
ALPHA_LESSON = "modules[0].lessons[0]"
BETA_LESSON = "modules[1].lessons[0]"

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

# Every address in /work/shared/sources/figures-and-context.md (44 distinct), including its section
# "The rules a commissioner works under in 2026" (issue 24).
CONTEXT_ADDRESSES = (
    "http://election.compactvoice.org.uk/blogs/adam/2011/07/27/203-it%E2%80%99s-magic-number",
    "http://election.compactvoice.org.uk/news/2011/08/16/research-indicates-88-local-areas-support-compact",
    "http://election.compactvoice.org.uk/news/2012/07/09/survey-findings-highlight-gap-perceptions-between-statutory-and-voluntary-and-commun",
    "http://election.compactvoice.org.uk/news/2015/01/07/nao-report-governments-implementation-national-compact-follow-published",
    "http://election.compactvoice.org.uk/news/2015/03/30/annual-survey-local-compacts-published",
    "http://election.compactvoice.org.uk/resources/compact-text-format",
    "http://tenantadvisor.net/?p=471",
    "http://www.compactvoice.org.uk/blogs/adam/2012/07/23/local-compacts-big-picture-compact-voice-annual-survey-local-compacts-explaine",
    "http://www.compactvoice.org.uk/news/2013/09/23/survey-reveals-highest-ever-levels-support-compact-despite-lack-resources",
    "http://www.daveylaw.co.uk/news/local-government-ombudsman-announces-name-change",
    "http://www.governmentfunding.org.uk/News.aspx?WCI=htmResults&WCU=CBC=View,SEARCH=,DSCODE=DSCLIVEGF,NEWSITEMID=12-N444",
    "http://www.governmentfunding.org.uk/News.aspx?WCI=htmResults&WCU=CBC=View,SEARCH=,DSCODE=DSCLIVEGF,NEWSITEMID=12-N532",
    "http://www.navca.org.uk/best-value-statutory-guidance",
    "https://clarkslegal.com/insights/articles/procurement-act-2023-coming-into-force-on-24-february-2025/",
    "https://england.shelter.org.uk/professional_resources/legal/housing_options/discrimination_in_housing/public_sector_equality_duty_under_the_equality_act_2010",
    "https://gov.uk/government/publications/civil-society-covenant-framework-launch/annex-a-civil-society-covenant-framework",
    "https://localgovernmentlawyer.co.uk/governance/314-governance-a-risk-articles/59468-complying-with-the-public-sector-equality-duty-2",
    "https://nexa.careers/news/understanding-the-procurement-act-2023",
    "https://readkong.com/page/best-value-statutory-guidance-www-communities-gov-uk-6468139",
    "https://vcse-ics.co.uk/nhs-provider-selection-regime",
    "https://www.bevanbrittan.com/insights/articles/2016/what-should-a-consultation-look-like/",
    "https://www.birketts.co.uk/legal-update/procurement-act-2023-where-are-we-now-part-2/",
    "https://www.bond.org.uk/news/2025/07/the-civil-society-covenant-a-step-in-the-right-direction",
    "https://www.bond.org.uk/press-releases/2025/07/government-launches-the-civil-society-covenant-bond-reaction",
    "https://www.capitallaw.co.uk/?p=12174",
    "https://www.civilsociety.co.uk/news/government-departments-have-made-slow-progress-on-compact-recommendations--says-nao.html",
    "https://www.civilsociety.co.uk/news/government-must-report-on-compact-implementation--says-nao.html",
    "https://www.civilsociety.co.uk/news/work-programme-providers-urged-to-register-for-merlin-assessment.html",
    "https://www.england.nhs.uk/commissioning/how-commissioning-is-changing/nhs-provider-selection-regime/provider-selection-regime-frequently-asked-questions/",
    "https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/",
    "https://www.england.nhs.uk/south-east/legislative-proposals/",
    "https://www.gardencourtchambers.co.uk/news/social-welfare-updates/the-equality-act-2010-and-cuts-in-services",
    "https://www.gov.uk/government/publications/the-merlin-standard-guide-for-dwp-providers",
    "https://www.gov.uk/guidance/illustration-document-progress-signs-for-implementing-the-civil-society-covenant",
    "https://www.hempsons.co.uk/news-articles/the-provider-selection-regime-is-now-in-force/",
    "https://www.hoganlovells.com/en/blogs/focus-on-regulation/government-publishes-new-consultation-principles",
    "https://www.landmarkchambers.co.uk/news-and-cases/clinical-commissioning-groups-are-now-abolished-and-are-replaced-with-integrated-care-boards",
    "https://www.ncvo.org.uk/get-involved/civil-society-covenant/",
    "https://www.oneeastmidlands.org.uk/node/3124",
    "https://www.shropshirestar.com/news/politics/2025/11/13/west-mercia-police-and-crime-commissioner-surprised-as-government-plans-to-scrap-his-role/",
    "https://www.the-independent.com/bulletin/news/police-crime-commissioners-scrapped-crime-b2864540.html",
    "https://www.themj.co.uk/mayors-council-leaders-police-crime-commissioner-functions",
    "https://www.thirdsector.co.uk/government-consultations-short-implementation-slow-national-audit-office-says/policy-and-politics/article/1328228",
    "https://www.thirdsector.co.uk/government-departments-support-compact-finds-nao-report/infrastructure/article/1111003",
)


@pytest.fixture(scope="module")
def course():
    return load_course(COURSE_ROOT)


# --- The real data, as a whole ------------------------------------------------------------------


def test_real_course_loads_with_19_qa_entries(course):
    assert len(course.qa) == 19


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


# --- Look-ups and immutability, on the fixture ---------------------------------------------------


@pytest.fixture(scope="module")
def fixture():
    return load_course(FIXTURE_ROOT)


def test_look_ups_return_the_named_items(fixture):
    entry = fixture.qa_entry("qa-alpha")
    assert entry.question == "What is the alpha question?"
    assert fixture.lesson_for_qa(entry.id).id == "alpha-lesson"
    bank = fixture.quiz_for("beta-lesson")
    assert bank.quiz.lesson == "beta-lesson"
    first = bank.questions[0]
    assert fixture.question(first.id) is first
    assert fixture.bank_of_question(first.id) is bank
    assert fixture.module_of("beta-lesson").id == "m2-beta"
    assert fixture.lesson_number("beta-lesson") == 2
    assert [f.id for f in fixture.series("beta-agreement")] == ["beta-agreement-2012", "beta-agreement-2013"]
    with pytest.raises(KeyError, match="no lesson 'no-such-lesson'"):
        fixture.lesson("no-such-lesson")


def test_replacing_a_field_leaves_the_original_course_as_it_was(fixture):
    # A replaced course gets its own look-up tables; the original's must not see the change.
    extra = fixture.quizzes[0].model_copy(
        update={"quiz": fixture.quizzes[0].quiz.model_copy(update={"lesson": "beta-lesson"})}
    )
    changed = dataclasses.replace(fixture, quizzes=(extra,))
    assert changed.quiz_for("beta-lesson") is extra
    assert fixture.quiz_for("beta-lesson") is fixture.quizzes[1]
    with pytest.raises(KeyError):
        changed.question("q-beta-01")
    assert fixture.question("q-beta-01").id == "q-beta-01"


def test_a_course_cannot_be_changed(fixture):
    with pytest.raises(dataclasses.FrozenInstanceError):
        fixture.quizzes = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        fixture._index.questions["q-new"] = fixture.all_questions()[0]  # type: ignore[index]


def test_the_fixture_loads_unchanged(tmp_path):
    # Every bad-input case below relies on an unedited copy being valid.
    copied = load_course(fixture_copy(tmp_path))
    assert [lesson.id for lesson in copied.lessons] == ["alpha-lesson", "beta-lesson"]


# --- Bad input: one edit each, one exact problem expected ---------------------------------------


# Every case registers itself, so none can be written and then left out of the run.
BAD_INPUT_CASES: list = []


def bad_input(case):
    BAD_INPUT_CASES.append(case)
    return case


@bad_input
def unknown_field_in_qa_entry(root):
    line = edit(root, QA, "  - id: qa-beta\n", '  - id: qa-beta\n    titel: "A typo"\n') + 1
    return QA, line, "entries[1].titel", "unknown field"


@bad_input
def unknown_field_in_question(root):
    line = edit(root, ALPHA, "  - id: q-alpha-02\n", "  - id: q-alpha-02\n    difficulty: hard\n") + 1
    return ALPHA, line, "questions[1].difficulty", "unknown field"


@bad_input
def unknown_top_level_field(root):
    line = edit(root, SRC, "sources:\n", "version: 2\nsources:\n")
    return SRC, line, "version", "unknown field"


@bad_input
def duplicate_yaml_key(root):
    prompt = '    prompt: "Which letter is alpha?"\n'
    first = edit(root, ALPHA, prompt, prompt + '    prompt: "A second prompt"\n')
    return ALPHA, first + 1, "prompt", f"duplicate key (first given on line {first})"


@bad_input
def duplicate_qa_id(root):
    first = line_of(root, QA, "  - id: qa-alpha\n")
    line = edit(root, QA, "  - id: qa-beta\n", "  - id: qa-alpha\n")
    return QA, line, "entries[1].id", f"duplicate id 'qa-alpha' (first on line {first})"


@bad_input
def duplicate_source_id(root):
    first = line_of(root, SRC, "  - id: src-alpha-report\n")
    line = edit(root, SRC, "  - id: src-alpha-cases\n", "  - id: src-alpha-report\n")
    return SRC, line, "sources[1].id", f"duplicate id 'src-alpha-report' (first on line {first})"


@bad_input
def duplicate_source_address(root):
    address = '    url: "https://alpha.example.org/report"\n'
    first = line_of(root, SRC, address)
    line = edit(root, SRC, '    url: "https://alpha.example.org/cases"\n', address)
    return SRC, line, "sources[1].url", f"duplicate address 'https://alpha.example.org/report' (first on line {first})"


@bad_input
def duplicate_figure_id(root):
    first = line_of(root, FIG, "  - id: beta-agreement-2012\n")
    line = edit(root, FIG, "  - id: beta-respondents-2013\n", "  - id: beta-agreement-2012\n")
    return FIG, line, "figures[2].id", f"duplicate id 'beta-agreement-2012' (first on line {first})"


@bad_input
def duplicate_event_id(root):
    first = line_of(root, TL, "  - id: alpha-begins\n")
    line = edit(root, TL, "  - id: beta-survey-published\n", "  - id: alpha-begins\n")
    return TL, line, "events[1].id", f"duplicate id 'alpha-begins' (first on line {first})"


@bad_input
def duplicate_glossary_term(root):
    first = line_of(root, GL, '    term: "Alpha term"\n')
    line = edit(root, GL, '    term: "Beta term"\n', '    term: "Alpha term"\n')
    return GL, line, "terms[1].term", f"duplicate term 'Alpha term' (first on line {first})"


@bad_input
def duplicate_module_id(root):
    first = line_of(root, LS, "  - id: m1-alpha\n")
    line = edit(root, LS, "  - id: m2-beta\n", "  - id: m1-alpha\n")
    return LS, line, "modules[1].id", f"duplicate id 'm1-alpha' (first on line {first})"


@bad_input
def duplicate_lesson_id(root):
    first = line_of(root, LS, "      - id: alpha-lesson\n")
    line = edit(root, LS, "      - id: beta-lesson\n", "      - id: alpha-lesson\n")
    return LS, line, f"{BETA_LESSON}.id", f"duplicate lesson id 'alpha-lesson' (first on line {first})"


@bad_input
def duplicate_discussion_prompt_id(root):
    first = line_of(root, LS, "          - id: d-alpha-1\n")
    line = edit(root, LS, "          - id: d-alpha-2\n", "          - id: d-alpha-1\n")
    return (
        LS,
        line,
        f"{ALPHA_LESSON}.discussion[1].id",
        f"duplicate discussion prompt id 'd-alpha-1' (first on line {first})",
    )


@bad_input
def duplicate_series_position(root):
    first = line_of(root, FIG, "    order: 1\n")
    line = edit(root, FIG, "    order: 2\n", "    order: 1\n")
    return FIG, line, "figures[1].order", f"duplicate series position ('beta-agreement', 1) (first on line {first})"


@bad_input
def duplicate_question_id_across_banks(root):
    line = edit(root, BETA, "  - id: q-beta-02\n", "  - id: q-alpha-02\n")
    return BETA, line, "questions[1].id", "duplicate question id 'q-alpha-02' (also in quizzes/alpha-lesson.yaml)"


@bad_input
def duplicate_quiz_id(root):
    line = edit(root, BETA, "  id: quiz-beta-lesson\n", "  id: quiz-alpha-lesson\n")
    return BETA, line, "quiz.id", "duplicate quiz id 'quiz-alpha-lesson' (also in quizzes/alpha-lesson.yaml)"


@bad_input
def two_banks_for_one_lesson(root):
    second = "quizzes/zz-second-alpha.yaml"  # sorts after alpha-lesson.yaml, so it is the second
    (root / second).write_text((root / ALPHA).read_text(encoding="utf-8"), encoding="utf-8")
    line = line_of(root, second, "  lesson: alpha-lesson\n")
    return second, line, "quiz.lesson", "lesson 'alpha-lesson' already has a bank: quizzes/alpha-lesson.yaml"


@bad_input
def dangling_answer_point_source(root):
    line = edit(root, QA, "        source: src-alpha-report\n", "        source: src-alpha-missing\n")
    return QA, line, "entries[0].answer[1].source", "unknown source 'src-alpha-missing'"


@bad_input
def dangling_example_source(root):
    line = edit(root, QA, "        source: src-alpha-cases\n", "        source: src-alpha-casez\n")
    return QA, line, "entries[0].examples[0].source", "unknown source 'src-alpha-casez'"


@bad_input
def dangling_glossary_source(root):
    line = edit(root, GL, "    source: src-alpha-report\n", "    source: src-alpha-reprot\n")
    return GL, line, "terms[0].source", "unknown source 'src-alpha-reprot'"


@bad_input
def dangling_figure_source(root):
    old = "    source: src-beta-survey\n    series: beta-agreement\n    order: 1\n"
    line = edit(root, FIG, old, old.replace("src-beta-survey", "src-beta-survy"))
    return FIG, line, "figures[0].source", "unknown source 'src-beta-survy'"


@bad_input
def dangling_event_source(root):
    line = edit(root, TL, "sources: [src-alpha-report, src-beta-survey]", "sources: [src-alpha-report, src-beta-surve]")
    return TL, line, "events[1].sources[1]", "unknown source 'src-beta-surve'"


@bad_input
def dangling_see_also(root):
    line = edit(root, GL, "see_also: [beta-term]", "see_also: [beta-terms]")
    return GL, line, "terms[0].see_also[0]", "unknown glossary term 'beta-terms'"


@bad_input
def dangling_lesson_qa(root):
    line = edit(root, LS, "        qa: qa-beta\n", "        qa: qa-bet\n")
    return LS, line, f"{BETA_LESSON}.qa", "unknown Q&A entry 'qa-bet'"


@bad_input
def dangling_facilitator_lesson(root):
    line = edit(root, FA, "  - lesson: beta-lesson\n", "  - lesson: beta-lesso\n")
    return FA, line, "lessons[1].lesson", "unknown lesson 'beta-lesso'"


@bad_input
def dangling_facilitator_prompt(root):
    line = edit(root, FA, "      - prompt: d-alpha-1\n", "      - prompt: d-alpha-9\n")
    return FA, line, "lessons[0].discussion[0].prompt", "discussion prompt of lesson 'alpha-lesson': 'd-alpha-9'"


@bad_input
def dangling_spark_question(root):
    line = edit(root, FA, "spark_questions: [q-alpha-01, q-alpha-03]", "spark_questions: [q-alpha-01, q-alpha-99]")
    return FA, line, "lessons[0].spark_questions[1]", "unknown quiz question 'q-alpha-99'"


@bad_input
def dangling_quiz_qa(root):
    line = edit(
        root, ALPHA, "    qa: [qa-alpha]\n    answer: false\n", "    qa: [qa-alpha, qa-bta]\n    answer: false\n"
    )
    return ALPHA, line, "questions[2].qa[1]", "unknown Q&A entry 'qa-bta'"


@bad_input
def dangling_quiz_lesson(root):
    line = edit(root, BETA, "  lesson: beta-lesson\n", "  lesson: beta-lesson-x\n")
    return BETA, line, "quiz.lesson", "unknown lesson 'beta-lesson-x'"


@bad_input
def unknown_chart(root):
    line = edit(root, LS, "        charts: [timeline]\n", "        charts: [timelines]\n")
    return LS, line, f"{ALPHA_LESSON}.charts[0]", "unknown chart 'timelines'"


@bad_input
def chart_shown_twice(root):
    old = "        discussion:\n          - id: d-beta-1\n"
    line = edit(root, LS, old, "        charts: [timeline]\n" + old)
    return LS, line, f"{BETA_LESSON}.charts[0]", "chart 'timeline' is already shown in another lesson"


@bad_input
def fixed_selection_misses_a_module(root):
    line = edit(
        root,
        AS,
        "fixed: [q-sa-alpha-01, q-sa-alpha-02, q-sa-alpha-03, q-sa-beta-01, q-sa-beta-02, q-sa-beta-03]",
        "fixed: [q-sa-alpha-01, q-sa-alpha-02, q-sa-alpha-03, q-sa-beta-01, q-sa-beta-02, q-sa-alpha-04]",
    )
    return AS, line, "fixed", "the fixed selection has 2 question(s) from module 'm2-beta'; it needs at least 3"


@bad_input
def fixed_selection_names_an_unknown_question(root):
    line = edit(root, AS, "q-sa-beta-03]", "q-sa-beta-99]")
    return AS, line, "fixed[5]", "unknown self-assessment question 'q-sa-beta-99'"


@bad_input
def fixed_selection_names_a_lesson_question(root):
    line = edit(root, AS, "q-sa-beta-03]", "q-beta-01]")
    return (
        AS,
        line,
        "fixed[5]",
        "'q-beta-01' is a lesson question; the self-assessment asks only its own pool's questions",
    )


@bad_input
def fixed_selection_names_a_question_twice(root):
    line = edit(root, AS, "q-sa-beta-03]", "q-sa-beta-03, q-sa-alpha-01]")
    return AS, line, "fixed[6]", f"duplicate question 'q-sa-alpha-01' (first on line {line})"


@bad_input
def draw_takes_fewer_than_three_per_module(root):
    line = edit(root, AS, "  per_module: 3\n", "  per_module: 2\n")
    return AS, line, "draw.per_module", "a draw must take at least 3 questions from every module"


@bad_input
def pool_question_draws_on_another_module(root):
    old = 'prompt: "Statement 1 about beta that the learner judges."\n    qa: [qa-beta]\n'
    line = edit(root, POOL_BETA, old, old.replace("qa-beta", "qa-alpha")) + 1
    return POOL_BETA, line, "questions[0].qa[0]", "'qa-alpha' is not taught in module 'm2-beta'"


@bad_input
def pool_named_after_another_module(root):
    line = edit(root, POOL_BETA, "  module: m2-beta\n", "  module: m1-alpha\n")
    return (
        POOL_BETA,
        line,
        "pool.module",
        "the pool for module 'm1-alpha' must be named quizzes/assessment/m1-alpha.yaml",
    )


@bad_input
def pool_question_reuses_a_lesson_id(root):
    line = edit(root, POOL_BETA, "  - id: q-sa-beta-09\n", "  - id: q-beta-01\n")
    return POOL_BETA, line, "questions[8].id", "'q-beta-01' is already a lesson question's id"


@bad_input
def pool_too_small_for_a_draw(root):
    path = root / POOL_BETA
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - id: q-sa-beta-06\n")], encoding="utf-8")
    line = line_of(root, LS, "  - id: m2-beta\n")
    return (
        LS,
        line,
        "modules[1].id",
        "module has 5 self-assessment question(s) in quizzes/assessment/m2-beta.yaml; at least 6 are needed",
    )


@bad_input
def empty_text(root):
    line = edit(root, ALPHA, '  title: "Alpha quiz"\n', '  title: ""\n')
    return ALPHA, line, "quiz.title", "must not be empty"


@bad_input
def whitespace_only_text(root):
    old = '    prompt: "Which are Greek letters? Select all that apply."\n'
    line = edit(root, ALPHA, old, '    prompt: "   \\t  "\n')
    return ALPHA, line, "questions[1].prompt", "must not be empty"


@bad_input
def malformed_url(root):
    line = edit(root, SRC, '    url: "https://beta.example.org/survey"\n', '    url: "beta.example.org/survey"\n')
    return SRC, line, "sources[2].url", "'beta.example.org/survey' is not an http(s) address with a host"


@bad_input
def malformed_email(root):
    line = edit(root, QA, "        email: alpha@example.org\n", "        email: alpha-at-example.org\n")
    return QA, line, "entries[0].examples[1].email", "'alpha-at-example.org' is not an e-mail address"


@bad_input
def example_saying_nothing(root):
    item = edit(
        root,
        QA,
        '      - title: "Contact the alpha team"\n        email: alpha@example.org\n',
        '      - title: "Contact the alpha team"\n',
    )
    return QA, item, "entries[0].examples[1]", "an example needs at least one of note, source or email"


@bad_input
def percentage_above_100(root):
    # A rule across fields (unit and value) is reported at the figure itself.
    item = line_of(root, FIG, "  - id: beta-agreement-2012\n")
    edit(root, FIG, "    value: 80\n", "    value: 120\n")
    return FIG, item, "figures[0]", "a percentage must lie between 0 and 100, not 120"


@bad_input
def percentage_below_0(root):
    item = line_of(root, FIG, "  - id: beta-agreement-2012\n")
    edit(root, FIG, "    value: 80\n", "    value: -5\n")
    return FIG, item, "figures[0]", "a percentage must lie between 0 and 100, not -5"


@bad_input
def negative_count(root):
    item = line_of(root, FIG, "  - id: beta-respondents-2013\n")
    edit(root, FIG, "    value: 150\n", "    value: -150\n")
    return FIG, item, "figures[2]", "a count figure cannot be negative"


@bad_input
def series_without_order(root):
    item = line_of(root, FIG, "  - id: beta-agreement-2013\n")
    edit(root, FIG, "    order: 2\n", "")
    return FIG, item, "figures[1]", "series and order go together"


@bad_input
def bad_date(root):
    line = edit(root, TL, '    date: "2010"\n', '    date: "2010-13"\n')
    return TL, line, "events[0].date", "'2010-13' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"


@bad_input
def non_kebab_id(root):
    line = edit(root, TL, "  - id: alpha-begins\n", "  - id: Alpha_Begins\n")
    return TL, line, "events[0].id", "'Alpha_Begins' is not a kebab-case id"


@bad_input
def yaml_syntax_error(root):
    line = edit(root, TL, '    title: "Alpha begins"\n', "    title: Alpha: begins\n")
    return TL, line, "", "YAML syntax error"


@bad_input
def unclosed_list(root):
    # The parser notices the missing "]" only at the next item; the problem also names where the list began.
    begins = edit(root, TL, "    sources: [src-alpha-report]\n", "    sources: [src-alpha-report\n")
    noticed = line_of(root, TL, "  - id: beta-survey-published\n")
    return (
        TL,
        noticed,
        "",
        f"YAML syntax error: expected ',' or ']', but got ':' (the list that is not closed begins on line {begins})",
    )


@bad_input
def unclosed_mapping(root):
    begins = edit(root, AS, 'title: "Fixture self-assessment"\n', 'title: {"Fixture self-assessment"\n')
    return AS, begins + 1, "", f"(the mapping that is not closed begins on line {begins})"


@bad_input
def empty_file(root):
    (root / GL).write_text("", encoding="utf-8")
    return GL, 1, "", "the file is empty"


@bad_input
def comment_only_file(root):
    (root / GL).write_text("# The glossary comes later.\n\n# Nothing here yet.\n", encoding="utf-8")
    return GL, 1, "", "the file is empty"


@bad_input
def not_utf8(root):
    (root / GL).write_bytes("terms: caf\u00e9\n".encode("latin-1"))
    return GL, 1, "", "not valid UTF-8"


@bad_input
def top_level_list(root):
    (root / GL).write_text("- id: alpha-term\n", encoding="utf-8")
    return GL, 1, "", "Input should be a valid dictionary"


@bad_input
def single_with_two_correct(root):
    item = line_of(root, ALPHA, "  - id: q-alpha-01\n")
    old = '      - text: "The last letter"\n'
    edit(root, ALPHA, old, old + "        correct: true\n")
    return ALPHA, item, "questions[0]", "needs exactly one correct option, has 2"


@bad_input
def multiple_with_none_correct(root):
    item = line_of(root, ALPHA, "  - id: q-alpha-02\n")
    for feedback in ('        feedback: "Yes: alpha is Greek."\n', '        feedback: "Yes: beta is Greek."\n'):
        edit(root, ALPHA, "        correct: true\n" + feedback, feedback)
    return ALPHA, item, "questions[1]", "needs at least one correct option"


@bad_input
def duplicated_option(root):
    item = line_of(root, ALPHA, "  - id: q-alpha-01\n")
    edit(root, ALPHA, '      - text: "A number"\n', '      - text: "The last letter"\n')
    return ALPHA, item, "questions[0]", "option 'The last letter' is given twice"


@bad_input
def all_of_the_above_option(root):
    item = line_of(root, ALPHA, "  - id: q-alpha-01\n")
    edit(root, ALPHA, '      - text: "A number"\n', '      - text: "All of the above"\n')
    return ALPHA, item, "questions[0]", "'all/none of the above' options are not allowed"


@bad_input
def too_few_options(root):
    options = line_of(root, BETA, '    options:\n      - text: "Second in line"\n')
    edit(
        root,
        BETA,
        '      - text: "The first letter"\n        feedback: "No: that is alpha."\n'
        '        misconception: "Beta is the first letter."\n',
        "",
    )
    return BETA, options, "questions[0].options", "at least 2 items"


@bad_input
def true_false_missing_feedback_false(root):
    item = line_of(root, ALPHA, "  - id: q-alpha-03\n")
    edit(root, ALPHA, '    feedback_false: "Right: alpha comes before beta."\n', "")
    return ALPHA, item, "questions[2].feedback_false", "required field is missing"


@bad_input
def scenario_missing_scenario(root):
    item = line_of(root, ALPHA, "  - id: q-alpha-04\n")
    edit(root, ALPHA, '    scenario: "A colleague lists the letters in order."\n', "")
    return ALPHA, item, "questions[3].scenario", "required field is missing"


@bad_input
def matching_duplicate_match(root):
    item = line_of(root, ALPHA, "  - id: q-alpha-05\n")
    edit(root, ALPHA, '        match: "Second"\n', '        match: "First"\n')
    return ALPHA, item, "questions[4]", "match 'First' is given twice"


@bad_input
def matching_distractor_repeats_a_match(root):
    item = line_of(root, ALPHA, "  - id: q-alpha-05\n")
    edit(root, ALPHA, 'distractors: ["Tenth"]', 'distractors: ["Second"]')
    return ALPHA, item, "questions[4]", "match 'Second' is given twice"


@bad_input
def timings_not_summing(root):
    timings = line_of(root, FA, "  - lesson: alpha-lesson\n") + 1
    edit(
        root,
        FA,
        '      - activity: "Introduce alpha"\n        minutes: 5\n',
        '      - activity: "Introduce alpha"\n        minutes: 6\n',
    )
    return FA, timings, "lessons[0].timings", "timings add up to 21 minutes but the lesson takes 20"


@bad_input
def lesson_without_facilitator_notes(root):
    edit(
        root,
        FA,
        '  - lesson: beta-lesson\n    timings:\n      - activity: "Introduce beta"\n        minutes: 15\n        part: reading\n',
        "",
    )
    line = line_of(root, LS, "      - id: beta-lesson\n")
    return LS, line, f"{BETA_LESSON}.id", "lesson has no facilitator notes in data/facilitator.yaml"


@bad_input
def lesson_with_two_sets_of_notes(root):
    line = edit(root, FA, "  - lesson: beta-lesson\n", "  - lesson: alpha-lesson\n")
    return FA, line, "lessons[1].lesson", "lesson 'alpha-lesson' already has facilitator notes"


@bad_input
def lesson_without_a_bank(root):
    (root / BETA).unlink()
    line = line_of(root, LS, "      - id: beta-lesson\n")
    return LS, line, f"{BETA_LESSON}.id", "lesson has no quiz bank (expected quizzes/beta-lesson.yaml)"


@bad_input
def no_quiz_banks(root):
    for path in (root / "quizzes").glob("*.yaml"):
        path.unlink()
    return "quizzes", 1, "", "no quiz banks found"


@bad_input
def bank_name_not_matching_lesson(root):
    (root / BETA).rename(root / "quizzes/beta.yaml")
    line = line_of(root, "quizzes/beta.yaml", "  lesson: beta-lesson\n")
    return "quizzes/beta.yaml", line, "quiz.lesson", "must be named quizzes/beta-lesson.yaml"


@bad_input
def qa_entry_covered_by_too_few_questions(root):
    # qa-beta has exactly four questions; point one of them elsewhere.
    edit(root, BETA, "    qa: [qa-beta]\n    answer: true\n", "    qa: [qa-alpha]\n    answer: true\n")
    line = line_of(root, QA, "  - id: qa-beta\n")
    return QA, line, "entries[1].id", "only 3 quiz questions draw on this entry; at least 4 are needed"


@bad_input
def lesson_teaching_taught_qa(root):
    line = edit(root, LS, "        qa: qa-beta\n", "        qa: qa-alpha\n")
    return LS, line, f"{BETA_LESSON}.qa", "Q&A entry 'qa-alpha' is already taught by another lesson"


@bad_input
def qa_entry_taught_by_no_lesson(root):
    edit(root, LS, "        qa: qa-beta\n", "        qa: qa-alpha\n")
    line = line_of(root, QA, "  - id: qa-beta\n")
    return QA, line, "entries[1].id", "no lesson in data/lessons.yaml teaches this Q&A entry"


@bad_input
def wrong_type(root):
    line = edit(root, QA, '    question: "What is the beta question?"\n', "    question: 5\n")
    return QA, line, "entries[1].question", "Input should be a valid string"


@bad_input
def wrong_type_in_question(root):
    line = edit(root, ALPHA, "    answer: false\n", '    answer: "no"\n')
    return ALPHA, line, "questions[2].answer", "Input should be a valid boolean"


@bad_input
def lesson_too_long(root):
    line = edit(root, LS, "        minutes: 15\n", "        minutes: 500\n")
    return LS, line, f"{BETA_LESSON}.minutes", "less than or equal to 120"


@bad_input
def unknown_question_type(root):
    line = edit(root, ALPHA, "  - id: q-alpha-04\n    type: scenario\n", "  - id: q-alpha-04\n    type: essay\n") + 1
    return ALPHA, line, "questions[3].type", "'essay'"


@bad_input
def missing_file(root):
    (root / GL).unlink()
    return GL, 1, "", "file is missing"


@pytest.mark.parametrize("case", BAD_INPUT_CASES, ids=lambda case: case.__name__)
def test_bad_input_is_reported_with_file_line_and_field(tmp_path, case):
    root = fixture_copy(tmp_path)
    file, line, field, fragment = case(root)
    problems, message = load_problems(root)
    problem = find_problem(problems, file, line, field, fragment)
    # The text a person reads names the same place: "file:line: field: message".
    where = f"{file}:{line}: {field}: " if field else f"{file}:{line}: "
    assert f"{where}{problem.message}" in message


def test_all_problems_are_reported_in_one_run(tmp_path):
    root = fixture_copy(tmp_path)
    expected = [malformed_url(root), empty_text(root), bad_date(root)]
    problems, message = load_problems(root)
    for file, line, field, fragment in expected:
        find_problem(problems, file, line, field, fragment)
    assert message.startswith(f"{len(problems)} problems in the course data:")


def test_all_cross_reference_problems_are_reported_in_one_run(tmp_path):
    root = fixture_copy(tmp_path)
    expected = [dangling_figure_source(root), dangling_quiz_qa(root), dangling_see_also(root)]
    problems, _ = load_problems(root)
    for file, line, field, fragment in expected:
        find_problem(problems, file, line, field, fragment)


def test_a_syntax_error_does_not_hide_problems_in_other_files(tmp_path):
    root = fixture_copy(tmp_path)
    expected = [yaml_syntax_error(root), malformed_email(root), empty_file(root)]
    problems, _ = load_problems(root)
    for file, line, field, fragment in expected:
        find_problem(problems, file, line, field, fragment)


def test_error_is_a_course_data_error_listing_each_problem_once(tmp_path):
    root = fixture_copy(tmp_path)
    dangling_quiz_lesson(root)
    with pytest.raises(CourseDataError) as caught:
        load_course(root)
    lines = str(caught.value).splitlines()[1:]
    assert len(lines) == len(set(lines)) == len(caught.value.problems)
