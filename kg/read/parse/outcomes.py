"""Outcome measures: rows of measure / time frame / method, glued or spaced, and endpoints in prose."""

from __future__ import annotations

import re

from kg.model.records import Outcome
from kg.model.text import fold

__all__ = ["split_glued_row", "split_spaced_rows", "outcomes_from_prose", "TIME_SPAN"]

_UNIT = r"(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|cycles?)"

#: A span of time as outcome time frames state it: "3 months", "28-30 days", "day 0 through day 28".
TIME_SPAN = re.compile(rf"\b(?:\d+(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?\s*{_UNIT}"
                       rf"|(?:day|week|month|cycle)\s*\d+(?:\s*(?:-|–|to|through)\s*(?:day|week|month|cycle)?\s*\d+)?)\b",
                       re.IGNORECASE)

#: Words that open a time frame ("Up to 2 years", "Day 28", "Baseline and week 4").
_TIME_WORDS = (r"(?:Up to|Within|At|After|Approximately|About|Through|Throughout|Until|From|During|Before|"
               r"Day|Days|Week|Weeks|Month|Months|Year|Years|Cycle|Baseline|Screening|End of|Pre|Post|Every)\b")

#: Where a time frame cell was glued to the measure before it: "(OS)1 year", "immunotherapy30 days",
#: "DLTsUp to 28 days".
_GLUED_TIME = re.compile(rf"(?:(?<=[A-Za-z)\]%.])(?=\d+(?:\.\d+)?\s*(?:-|–|to)?\s*\d*\s*{_UNIT}\b)"
                         rf"|(?<=[a-z)\]%])(?={_TIME_WORDS}))")
#: Any cell border lost to gluing: a lowercase letter, digit or bracket before a capital or digit.
_GLUE = re.compile(r"(?:(?<=[a-z]{2})|(?<=[0-9)\]%]))(?=[A-Z])|(?<=[a-z)\]%])(?=\d)")
_TIME_CUE = re.compile(rf"\b(?:{_UNIT}|baseline|day|week|month|year|visit|follow-up|completion)\b", re.IGNORECASE)


def split_glued_row(line: str) -> tuple[str, str | None]:
    """Split a table row whose measure and time frame cells were glued together.

    A border followed by something that opens a time frame ("1 year", "Up to ...") wins;
    failing that, the first border followed by a short phrase that speaks of time.

    >>> split_glued_row("Overall survival (OS)1 year")
    ('Overall survival (OS)', '1 year')
    >>> split_glued_row("Number of T, B, NK cells after immunotherapy30 days after the first infusion")
    ('Number of T, B, NK cells after immunotherapy', '30 days after the first infusion')
    >>> split_glued_row("Incidence of DLTsUp to 28 days")
    ('Incidence of DLTs', 'Up to 28 days')
    >>> split_glued_row("Adverse events graded with CTCAE,version 4.0Measured from day 0 through day 28")
    ('Adverse events graded with CTCAE,version 4.0', 'Measured from day 0 through day 28')
    >>> split_glued_row("Change in HbA1c levels6 months")
    ('Change in HbA1c levels', '6 months')
    >>> split_glued_row("Treatment-related adverse events")
    ('Treatment-related adverse events', None)
    """
    match = _GLUED_TIME.search(line)
    if match and match.start() > 0:
        return fold(line[: match.start()]), fold(line[match.start():])
    for border in _GLUE.finditer(line):
        rest = line[border.start():]
        if border.start() > 0 and len(rest) <= 100 and _TIME_CUE.search(" ".join(rest.split()[:6])):
            return fold(line[: border.start()]), fold(rest)
    return fold(line), None


def split_spaced_rows(text: str) -> list[tuple[str, str | None, str | None]]:
    """Rows of (measure, time frame, method) from text whose cells were joined by spaces.

    The method cell is often the measure again; a segment between two time frames that
    repeats the previous measure is that row's method, the rest opens the next row.

    >>> split_spaced_rows("Dose limiting toxicities (DLTs) 1 month Dose limiting toxicities (DLTs)")
    [('Dose limiting toxicities (DLTs)', '1 month', 'Dose limiting toxicities (DLTs)')]
    >>> split_spaced_rows("Peak NK levels 3 months MRD negative rate 3 months CR 3 months CR")
    [('Peak NK levels', '3 months', None), ('MRD negative rate', '3 months', None), ('CR', '3 months', 'CR')]
    """
    spans = list(TIME_SPAN.finditer(text))
    if not spans:
        return [(fold(text), None, None)] if fold(text) else []
    rows: list[tuple[str, str | None, str | None]] = []
    measure = fold(text[: spans[0].start()])
    for index, span in enumerate(spans):
        end = spans[index + 1].start() if index + 1 < len(spans) else len(text)
        segment = fold(text[span.end(): end])
        last = index + 1 == len(spans)
        if last:
            method, following = segment or None, ""
        elif measure and segment.startswith(measure):
            method, following = measure, fold(segment[len(measure):])
        else:
            method, following = None, segment
        if measure:
            rows.append((measure, fold(span.group(0)), method))
        measure = following
    return rows


_ENDPOINT_HEADING = re.compile(
    r"^\s*(primary|secondary|other|exploratory|tertiary)\s+(?:end\s*-?\s*points?|outcomes?(?:\s+measures?)?)\s*:?\s*(.*)$",
    re.IGNORECASE)
_NEXT_HEADING = re.compile(r"^\s*[A-Z][\w /&-]{0,40}:\s*$")
#: Where a paragraph that runs its labels inline ("Primary end point: … cohort Secondary end point: … Study Design:
#: This study …") opens its next labelled part: an endpoint label anywhere, or a capitalised label of at most three
#: words after a sentence's end.
_INLINE_LABEL = re.compile(r"\s+(?=(?:primary|secondary|other|exploratory|tertiary)\s+(?:end\s*-?\s*points?|outcomes?"
                           r"(?:\s+measures?)?)\s*:)|(?<=[.!?])\s+(?=[A-Z][a-z]+(?:\s+[A-Za-z]+){0,2}:\s)",
                           re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_PROSE_TIME = re.compile(rf"\b(?:at|within|after|over|for|up to)\s+({TIME_SPAN.pattern})", re.IGNORECASE)


def outcomes_from_prose(text: str | None) -> list[Outcome]:
    r"""Outcomes stated as "Primary end point:" / "Secondary outcomes:" paragraphs in a description.

    Each sentence is one measure; a time stated in it ("at 2 years") is its time frame.

    >>> outcomes_from_prose("Primary end point:\n\nOverall survival at 2 years\n\nStudy Design:\n\nPhase I.")
    [Outcome(kind='PRIMARY', measure='Overall survival at 2 years', time_frame='2 years', description=None)]

    A paragraph may run its labels inline (ignite-sd.com NCT05333705's detailed description):

    >>> [o.measure for o in outcomes_from_prose("Primary end point: Overall survival of the cohort Secondary end "
    ...                                         "point: Relapse. Toxicity. Study Design: This is a phase I trial.")]
    ['Overall survival of the cohort', 'Relapse', 'Toxicity']
    """
    outcomes: list[Outcome] = []
    kind: str | None = None
    parts = [(index > 0, part) for line in (text or "").split("\n") for index, part in enumerate(_INLINE_LABEL.split(line))]
    for inline, line in parts:
        heading = _ENDPOINT_HEADING.match(line)
        if heading:
            kind = {"primary": "PRIMARY", "secondary": "SECONDARY"}.get(heading.group(1).lower(), "OTHER")
            line = heading.group(2)
        elif _NEXT_HEADING.match(line) or inline:  # an inline label of another part ends the endpoints
            kind = None
            continue
        if kind is None or not line.strip():
            continue
        for sentence in _SENTENCE_END.split(fold(line)):
            time = _PROSE_TIME.search(sentence)
            outcomes.append(Outcome(kind=kind, measure=sentence.rstrip(". "),
                                    time_frame=fold(time.group(1)) if time else None))
    return outcomes
