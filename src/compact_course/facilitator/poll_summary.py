"""The room poll's summary: for every question, how many votes went to correct options.

"Votes on correct options" is the share of all votes cast that went to correct options; for
single-answer questions that is the share of the room that was right. Each row's counts are a
:class:`~compact_course.core.tally.Tally` whose ``answered`` and ``total`` are both the votes
cast, so the percentage is rounded as everywhere else in the course (halves up: 5 of 8 is 63%).
"""

from __future__ import annotations

from dataclasses import dataclass

from compact_course.core.escaping import e
from compact_course.core.tally import Tally


@dataclass(frozen=True)
class SummaryRow:
    number: int
    prompt: str
    tally: Tally  # correct: votes on correct options; answered and total: every vote cast
    revealed: bool

    @classmethod
    def of_votes(cls, number: int, prompt: str, votes: int, correct_votes: int, revealed: bool) -> SummaryRow:
        return cls(number, prompt, Tally(correct_votes, votes, votes), revealed)

    @property
    def votes(self) -> int:
        return self.tally.total

    @property
    def correct_votes(self) -> int:
        return self.tally.correct

    @property
    def share(self) -> float | None:
        """Share of votes on correct options, 0 to 1; None when nobody voted."""
        return self.tally.correct / self.tally.total if self.tally.total else None

    @property
    def share_text(self) -> str:
        if not self.tally.total:
            return "no votes"
        return f"{self.correct_votes} of {self.votes} votes on correct options ({self.tally.percent}%)"


@dataclass(frozen=True)
class PollSummary:
    title: str
    rows: tuple[SummaryRow, ...]

    @property
    def text(self) -> str:
        lines = [f"Summary: {self.title}"]
        lines += [
            f"Question {row.number}: {row.share_text}{'' if row.revealed else ' (answer not revealed)'}"
            for row in self.rows
        ]
        return "\n".join(lines)

    def to_html(self) -> str:
        body = "".join(
            f'<tr><th scope="row">{row.number}</th><td>{e(row.prompt)}</td><td>{row.votes}</td>'
            f"<td>{e(row.share_text)}</td><td>{'Yes' if row.revealed else 'No'}</td></tr>"
            for row in self.rows
        )
        return (
            f'<table class="cc-table cc-poll-summary"><caption>Room poll summary: {e(self.title)}</caption><thead><tr>'
            f'<th scope="col">Question</th><th scope="col">Prompt</th><th scope="col">Votes</th>'
            f'<th scope="col">On correct options</th><th scope="col">Answer revealed</th></tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )
