"""Eligibility criteria lists: bullets, inline numbering, and patient / donor sub-lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.model.records import Criterion
from kg.model.text import fold, is_placeholder, strip_bullet
from kg.model.vocab import lookup

__all__ = ["split_numbered", "criteria_from_lines", "criteria_from_mixed_lines", "population_heading"]

#: A list number inside running text: "1.Age", "; 2. Patients", "(3) Women".
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[\s;.,:]))\(?(\d{1,2})[.)]\s*(?!\d)(?=\S)")

#: Words around a population name in a sub-heading ("Donor inclusion criteria:").
_HEADING_NOISE = re.compile(r"\b(for|the|all|inclusion|exclusion|eligibility|criteria|criterion|key)\b", re.IGNORECASE)


def split_numbered(text: str) -> list[str]:
    """Split a run of text at its list numbers, when they count up one by one.

    Numbers that do not continue the count (doses, "1.5×ULN", dates) stay in the text.
    Text before the first number is an item of its own (a list whose first number was lost).

    >>> split_numbered("1.Age ≥ 18 years; 2.Bilirubin ≤ 1.5×ULN; 3. Consent")
    ['Age ≥ 18 years', 'Bilirubin ≤ 1.5×ULN', 'Consent']
    >>> split_numbered("CNS involvement; 2. Prior CAR-T within 6 months; 3. Active infection.")
    ['CNS involvement', 'Prior CAR-T within 6 months', 'Active infection.']
    >>> split_numbered("Platelets > 50 x 10^9/L and creatinine < 2.0 mg/dL")
    ['Platelets > 50 x 10^9/L and creatinine < 2.0 mg/dL']
    """
    cuts: list[tuple[int, int]] = []
    expected: int | None = None
    for match in _INLINE_NUMBER.finditer(text):
        number = int(match.group(1))
        if expected is None:
            if match.start() == 0 or number > 1:
                expected = number
            else:
                continue
        if number != expected:
            continue
        cuts.append((match.start(), match.end()))
        expected = number + 1
    if len(cuts) < 2 and not (cuts and cuts[0][0] > 0):
        return [_tidy(text)] if _tidy(text) else []
    pieces = [text[: cuts[0][0]]] + [text[end: next_start] for (_, end), (next_start, _) in
                                     zip(cuts, cuts[1:] + [(len(text), 0)])]
    return [piece for piece in (_tidy(p) for p in pieces) if piece]


def _tidy(text: str) -> str:
    return fold(text).rstrip(";").strip()


def population_heading(line: str) -> str | None:
    """The population a sub-heading such as "Donors:" or "Patient inclusion criteria:" opens.

    >>> population_heading("Donors:"), population_heading("Recipient Inclusion Criteria:")
    ('DONOR', 'PATIENT')
    >>> population_heading("Patients may belong to any of the following categories:") is None
    True
    """
    text = fold(line)
    if not text.endswith(":") or len(text.split()) > 5:
        return None
    words = fold(_HEADING_NOISE.sub(" ", text.rstrip(":")))
    return lookup("population", words)


def _is_heading(line: str) -> bool:
    """A short unbulleted line ending in a colon ("Donors:", "General:", "For AML subjects:")
    introduces the items after it; it is not a criterion.
    """
    text = fold(line)
    return text.endswith(":") and len(text.split()) <= 3 or population_heading(text) is not None


def criteria_from_lines(lines: Iterable[str], kind: str, population: str | None = None) -> list[Criterion]:
    """The criteria of one list (inclusion or exclusion), one per bullet or list number.

    A sub-heading such as "Donors:" switches the population of the items after it.
    """
    criteria: list[Criterion] = []
    lines = [piece for raw in lines for piece in _FLAT_BULLET.split(raw)]
    bulleted = any(strip_bullet(raw) != raw.strip() for raw in lines)
    for raw in lines:
        if not raw.strip() or is_placeholder(raw):
            continue
        if strip_bullet(raw) == raw.strip():
            if _is_heading(raw):
                population = population_heading(raw) or population
                continue
            if bulleted and criteria and criteria[-1].population == population:
                # A hard-wrapped bullet: the line goes on with the item above it.
                criteria[-1].text = fold(f"{criteria[-1].text} {raw}")
                continue
        for text in split_numbered(strip_bullet(raw)):
            criteria.append(Criterion(kind=kind, text=text, population=population))
    return criteria


#: A list flattened onto one line: "* first item * second item".
_FLAT_BULLET = re.compile(r"(?<=\S)\s+(?=[*•]\s)")


_INLINE_KIND = re.compile(r"(?<=\S)\s+(?=(?:inclusion|exclusion)\s+criteria\s*:)|(?<=criteria:)\s+(?=\S)", re.IGNORECASE)
_KIND_HEADING = re.compile(r"\b(inclusion|exclusion)\s+criteri(?:a|on)\b", re.IGNORECASE)


def criteria_from_mixed_lines(lines: Iterable[str]) -> list[Criterion]:
    """One list holding both kinds, opened by headings such as "Patient Inclusion Criteria"."""
    criteria: list[Criterion] = []
    kind, block = "INCLUSION", []
    # A flattened page runs "Inclusion Criteria: … Exclusion Criteria: …" on one line.
    lines = [piece for line in lines for piece in _INLINE_KIND.split(line) if piece.strip()]
    for line in [*lines, "Inclusion criteria"]:
        heading = _KIND_HEADING.search(line)
        if heading and len(line.split()) <= 8 and strip_bullet(line) == line.strip():
            criteria += criteria_from_lines(block, kind, population_heading(_KIND_HEADING.sub("", line) + ":"))
            kind, block = heading.group(1).upper(), []
        else:
            block.append(line)
    return criteria
