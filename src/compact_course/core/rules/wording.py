"""Rules: corrections that must not come back (issue 24), checked in the course's own words.

Each rule reads every piece of text the course writes itself (lessons, glossary, facilitator
notes, timeline, figure notes, quiz banks and pools, and the hand-written pages in ``book/``),
with quotations taken out: Compact Voice's words, and a misconception quoted as someone's
belief, may say what the course itself must not. A quiz question's prompt and scenario count
as context for its options, so "What did Compact Voice say ...?" attributes every option.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from compact_course.core.rules.reporter import FieldPath, Reporter, lesson_paths

if TYPE_CHECKING:
    from compact_course.core.rules import Context

# Quotations: curly quotes, straight double quotes, and straight single quotes that open after a
# non-letter and close before one (so "council's" is an apostrophe, not a quotation).
QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|\"[^\"\n]*\"|(?<![\w’'])'[^'\n]+?'(?![\w])")
MYST_ROLE = re.compile(r"\{[a-z]+\}`([^`<]*?)\s*(?:<[^>]*>)?`")
ATTRIBUTED = re.compile(r"Compact Voice|\bQ&A\b|\bCompact Voice’s\b")


@dataclass(frozen=True)
class Text:
    """One piece of the course's own text: where it is, what it says, and what attributes it."""

    file: str
    path: FieldPath | int  # a field path in a YAML file, or a line number in a Markdown page
    text: str
    context: str = ""  # a question's prompt and scenario, which attribute its options
    kind: str = "text"  # text | today | takeaway | scenario | page


def unquoted(text: str) -> str:
    """The text with its quotations removed (replaced by an ellipsis)."""
    return QUOTED.sub("…", MYST_ROLE.sub(r"\1", text))


def _lesson_texts(course) -> Iterator[Text]:
    file = "data/lessons.yaml"
    for path, lesson in lesson_paths(course):
        for key in ("questions", "objectives", "key_points"):
            for k, text in enumerate(getattr(lesson, key)):
                yield Text(file, path + (key, k), text)
        practice = lesson.in_practice
        yield Text(file, path + ("in_practice", "scenario"), practice.scenario, kind="scenario")
        yield Text(file, path + ("in_practice", "takeaway"), practice.takeaway, practice.scenario, kind="takeaway")
        for k, prompt in enumerate(lesson.discussion):
            yield Text(file, path + ("discussion", k, "prompt"), prompt.prompt)
        if lesson.today:
            yield Text(file, path + ("today", "text"), lesson.today.text, kind="today")


def _data_texts(course) -> Iterator[Text]:
    for i, term in enumerate(course.terms):
        yield Text("data/glossary.yaml", ("terms", i, "term"), term.term, term.definition)
        yield Text("data/glossary.yaml", ("terms", i, "definition"), term.definition)
    for i, notes in enumerate(course.facilitator):
        path: FieldPath = ("lessons", i)
        for j, timing in enumerate(notes.timings):
            yield Text("data/facilitator.yaml", path + ("timings", j, "activity"), timing.activity)
        for j, prompt in enumerate(notes.discussion):
            for k, answer in enumerate(prompt.good_answers):
                yield Text("data/facilitator.yaml", path + ("discussion", j, "good_answers", k), answer)
        for j, text in enumerate(notes.misconceptions):
            yield Text("data/facilitator.yaml", path + ("misconceptions", j), text)
    for i, event in enumerate(course.events):
        yield Text("data/timeline.yaml", ("events", i, "title"), event.title)
        yield Text("data/timeline.yaml", ("events", i, "description"), event.description)
    for i, figure in enumerate(course.figures):
        if figure.note:
            yield Text("data/figures.yaml", ("figures", i, "note"), figure.note)


def _question_texts(file: str, k: int, question: Any) -> Iterator[Text]:
    path: FieldPath = ("questions", k)
    scenario = getattr(question, "scenario", "")
    context = f"{scenario} {question.prompt}"
    yield Text(file, path + ("prompt",), question.prompt, context)
    if scenario:
        yield Text(file, path + ("scenario",), scenario, context, kind="scenario")
    for key in ("explanation", "hint", "feedback_true", "feedback_false"):
        if getattr(question, key, None):
            yield Text(file, path + (key,), getattr(question, key), context)
    for j, option in enumerate(getattr(question, "options", ())):
        yield Text(file, path + ("options", j, "text"), option.text, context)
        yield Text(file, path + ("options", j, "feedback"), option.feedback, context)
    for j, pair in enumerate(getattr(question, "pairs", ())):
        for key in ("item", "match", "feedback"):
            yield Text(file, path + ("pairs", j, key), getattr(pair, key), context)
    for j, distractor in enumerate(getattr(question, "distractors", ())):
        yield Text(file, path + ("distractors", j), distractor, context)


def _bank_texts(context: Context) -> Iterator[Text]:
    for file, bank in list(context.banks.items()) + list(context.pools.items()):
        for k, question in enumerate(bank.questions):
            yield from _question_texts(file, k, question)


def _page_texts(course) -> Iterator[Text]:
    """The hand-written Markdown pages of book/ and book/facilitator/ (generated pages say so on line 1)."""
    for folder in ("book", "book/facilitator"):
        directory = course.root / folder
        if not directory.is_dir():
            continue
        for page in sorted(directory.glob("*.md")):
            lines = page.read_text(encoding="utf-8").splitlines()
            if lines and "Generated" in lines[0]:
                continue
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield Text(f"{folder}/{page.name}", number, line, kind="page")


def own_texts(context: Context) -> Iterator[Text]:
    course = context.course
    yield from _lesson_texts(course)
    yield from _data_texts(course)
    yield from _bank_texts(context)
    yield from _page_texts(course)


def _report(report: Reporter, text: Text, message: str) -> None:
    if isinstance(text.path, int):
        report.at_line(text.file, text.path, message)
    else:
        report.add(text.file, text.path, message)


def _each(context: Context, report: Reporter, check: Callable[[Text, str], str | None]) -> None:
    for text in own_texts(context):
        message = check(text, unquoted(text.text))
        if message:
            _report(report, text, message)


# --- The corrections ----------------------------------------------------------------------------

NO_LENGTH = re.compile(r"\b(?:no|nor any|not any)\s+source\b[^.]*\b(?:length|figure)\b|\bno figure\b", re.IGNORECASE)
OLD_OMBUDSMAN = re.compile(r"Local Government Ombudsman")
POLICE_AUTHORITY = re.compile(r"\bpolice authorit(?:y|ies)\b", re.IGNORECASE)
SOCIAL_VALUE_LINK = re.compile(r"Social Value Act", re.IGNORECASE)
LINK = re.compile(r"\blink(?:s|ed|ing)?\b", re.IGNORECASE)
NO_COURT = re.compile(r"\bcannot\s+(?:be\s+)?(?:taken|referred|go)\s+to\s+(?:a\s+)?court\b", re.IGNORECASE)
TWELVE_WEEKS = re.compile(r"\b12[- ]weeks?\b", re.IGNORECASE)
MERLIN = re.compile(r"\bMerlin\b")
COUNCIL_CONTRACT = re.compile(r"\bcouncil\b|\bcombined authority\b", re.IGNORECASE)
DWP = re.compile(r"Department for Work and Pensions|\bDWP\b")
# The one name for the steps a local Compact sets out for settling disputes (issue 24 item 4).
DISPUTE_NAME = "dispute resolution procedure"
OTHER_DISPUTE_NAMES = re.compile(r"\bdisputes? (?:procedure|process)\b|\bdispute resolution process\b", re.IGNORECASE)
CAPITALISED_DISPUTE_NAME = re.compile(r"Dispute Resolution Procedure")
FORTY_TWO_ICBS = re.compile(r"\b42\s+(?:ICBs|integrated care boards)\b", re.IGNORECASE)


def notice_has_a_length(report: Reporter, context: Context) -> None:
    """The 2011 Best Value Statutory Guidance asked for three months' notice: 'no source gives a length' is wrong."""

    def check(text: Text, plain: str) -> str | None:
        if NO_LENGTH.search(plain):
            return (
                "says no source gives a length or figure: the Best Value Statutory Guidance (September 2011, "
                "dclg-best-value-guidance-2011) asked councils for at least three months' notice; state it, dated"
            )
        return None

    _each(context, report, check)


def ombudsman_has_its_current_name(report: Reporter, context: Context) -> None:
    def check(text: Text, plain: str) -> str | None:
        if OLD_OMBUDSMAN.search(plain):
            return (
                "'Local Government Ombudsman' outside a quotation: it was renamed the Local Government and "
                "Social Care Ombudsman in 2017 (daveylaw-ombudsman-name-2017)"
            )
        return None

    _each(context, report, check)


def police_authorities_are_dated(report: Reporter, context: Context) -> None:
    def check(text: Text, plain: str) -> str | None:
        if POLICE_AUTHORITY.search(plain) and "2012" not in text.text + text.context:
            return "names police authorities: say they were replaced by police and crime commissioners in November 2012"
        return None

    _each(context, report, check)


def social_value_act_link_is_attributed(report: Reporter, context: Context) -> None:
    """'Links directly to the Compact' is Compact Voice's claim: never the course's own voice."""

    def check(text: Text, plain: str) -> str | None:
        if SOCIAL_VALUE_LINK.search(plain) and LINK.search(plain) and not ATTRIBUTED.search(text.text + text.context):
            return "says the Social Value Act links to the Compact in the course's own voice: attribute it to Compact Voice"
        return None

    _each(context, report, check)


def no_court_is_not_stated_as_law(report: Reporter, context: Context) -> None:
    """A Compact is not enforceable as a contract; that is not the same as 'no court'."""

    def check(text: Text, plain: str) -> str | None:
        if NO_COURT.search(plain) and not ATTRIBUTED.search(text.text + text.context):
            return (
                "states 'cannot be taken to court' as legal fact: attribute it to Compact Voice (a Compact is not "
                "enforceable as a contract, which is not the same as no court)"
            )
        return None

    _each(context, report, check)


def twelve_weeks_is_history(report: Reporter, context: Context) -> None:
    """What to do today (Today notes, takeaways, hand-written pages) never sets 12 weeks as the target."""

    def check(text: Text, plain: str) -> str | None:
        advice = text.kind in ("today", "takeaway", "page")
        if advice and TWELVE_WEEKS.search(plain) and "Consultation Principles" not in text.text:
            return (
                "mentions 12 weeks in advice for today: since July 2012 the Consultation Principles set no "
                "12-week default (hoganlovells-consultation-principles-2012); say so"
            )
        return None

    _each(context, report, check)


def _merlin_units(context: Context) -> Iterator[tuple[str, FieldPath, str]]:
    """Whole scenarios: each quiz question with all its text, each lesson's in-practice and key points."""
    for file, bank in list(context.banks.items()) + list(context.pools.items()):
        for k, question in enumerate(bank.questions):
            yield file, ("questions", k), " ".join(t.text for t in _question_texts(file, k, question))
    for path, lesson in lesson_paths(context.course):
        practice = lesson.in_practice
        yield "data/lessons.yaml", path + ("in_practice",), f"{practice.scenario} {practice.takeaway}"
        for k, point in enumerate(lesson.key_points):
            yield "data/lessons.yaml", path + ("key_points", k), point


def merlin_is_the_dwp_standard(report: Reporter, context: Context) -> None:
    """No scenario applies the Merlin Standard to a council or combined-authority contract as if it were general."""
    for file, path, whole in _merlin_units(context):
        if MERLIN.search(whole) and COUNCIL_CONTRACT.search(whole) and not DWP.search(whole):
            report.add(
                file,
                path,
                "applies the Merlin Standard beside a council or combined authority: say it is the Department for "
                "Work and Pensions' standard for its prime providers, not a general one",
            )


def icb_count_is_dated(report: Reporter, context: Context) -> None:
    def check(text: Text, plain: str) -> str | None:
        if FORTY_TWO_ICBS.search(plain) and not ("2022" in plain and "2026" in plain):
            return "'42 ICBs' is history: date it (July 2022) and say ICBs have merged since April 2026"
        return None

    _each(context, report, check)


def dispute_procedure_has_one_name(report: Reporter, context: Context) -> None:
    """One name for one thing: the glossary's 'dispute resolution procedure', not five variants."""

    def check(text: Text, plain: str) -> str | None:
        found = OTHER_DISPUTE_NAMES.search(plain) or CAPITALISED_DISPUTE_NAME.search(plain)
        if found:
            return f"calls it {found.group(0)!r}: the course's one name is {DISPUTE_NAME!r} (a quotation may differ)"
        return None

    _each(context, report, check)


RULES = (
    notice_has_a_length,
    ombudsman_has_its_current_name,
    police_authorities_are_dated,
    social_value_act_link_is_attributed,
    no_court_is_not_stated_as_law,
    twelve_weeks_is_history,
    merlin_is_the_dwp_standard,
    icb_count_is_dated,
    dispute_procedure_has_one_name,
)
