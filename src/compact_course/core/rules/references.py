"""Rule: the Q&A, glossary, figures and timeline cite sources (and terms) that exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import Reporter

if TYPE_CHECKING:
    from compact_course.core.rules import Context


def qa_cites_sources(report: Reporter, context: Context) -> None:
    known = context.source_ids
    for i, entry in enumerate(context.course.qa):
        for j, point in enumerate(entry.answer):
            report.need("data/qa.yaml", ("entries", i, "answer", j, "source"), point.source, known, "source")
        for j, example in enumerate(entry.examples):
            report.need("data/qa.yaml", ("entries", i, "examples", j, "source"), example.source, known, "source")


def glossary_cites_sources_and_terms(report: Reporter, context: Context) -> None:
    file = "data/glossary.yaml"
    term_ids = {term.id for term in context.course.terms}
    for i, term in enumerate(context.course.terms):
        if term.source is None:
            report.add(
                file, ("terms", i, "id"), "the term cites no source: give the source of its definition (source:)"
            )
        report.need(file, ("terms", i, "source"), term.source, context.source_ids, "source")
        for j, other in enumerate(term.see_also):
            report.need(file, ("terms", i, "see_also", j), other, term_ids, "glossary term")


def figures_cite_sources(report: Reporter, context: Context) -> None:
    file, figures = "data/figures.yaml", list(enumerate(context.course.figures))
    for i, figure in figures:
        report.need(file, ("figures", i, "source"), figure.source, context.source_ids, "source")
    positions = ((("figures", i, "order"), (f.series, f.order)) for i, f in figures if f.series)
    report.duplicates(file, positions, "series position")


def events_cite_sources(report: Reporter, context: Context) -> None:
    for i, event in enumerate(context.course.events):
        for j, ref in enumerate(event.sources):
            report.need("data/timeline.yaml", ("events", i, "sources", j), ref, context.source_ids, "source")


def sources_outside_the_qa_say_when(report: Reporter, context: Context) -> None:
    """An address the Q&A does not cite needs a date, a year or ``archived``: its archived copy
    must come from its own time, not from the Q&A's (which is what an undated address gets)."""
    cited = {point.source for entry in context.course.qa for point in entry.answer}
    cited |= {example.source for entry in context.course.qa for example in entry.examples}
    for i, source in enumerate(context.course.sources):
        if source.url and source.id not in cited and not (source.date or source.year or source.archived):
            report.add(
                "data/sources.yaml",
                ("sources", i, "url"),
                "the Q&A does not cite this address, so say when it is from (date, year or archived: YYYY) "
                "for its archived copy",
            )
