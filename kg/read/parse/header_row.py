"""A table of one trial printed as a header line of labels over its row of values.

Hospital and cancer-information sites show a trial's key facts as a one-row table: the column
headers on one line ("Status Conditions Phase Study ID", or glued: "PhaseTypeStatusAgeSponsorProtocol
IDs"), the row's cells run together under it, a cell of many values one value a line. The cells
are told apart by their form: a status or purpose the vocabulary knows, a phase, an age range, an
identifier; a column of free text (conditions, a sponsor) holds what lies between its neighbours.
Each cell is given back as a "Label: value" line of the label table, for the generic reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.model.identifiers import is_listed_identifier
from kg.model.text import fold
from kg.model.vocab import lookup

__all__ = ["header_row_lines"]

#: The column headers these tables use, by the label-table field they stand for.
_COLUMNS: dict[str, str] = {
    "status": "status", "phase": "phase", "conditions": "conditions", "condition": "conditions",
    "study id": "registration", "protocol ids": "sponsor_ids", "protocol id": "sponsor_ids", "age": "ages",
    "sponsor": "sponsor", "type": "primary_purpose",
}
_HEADER_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z])")

_PHASE = r"(?:Phase\s*(?:I{1,3}|IV|[0-4])(?:\s*/\s*(?:I{1,3}|IV|[0-4]))?|N/?A)"
_IDENTIFIER = r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+"


def _words(value: str, known: Callable[[str], object]) -> str | None:
    """The opening words (one to three, or up to a glued capital) of ``value`` that ``known`` accepts."""
    glued = re.split(r"(?<=[a-z])(?=[A-Z0-9])", value, maxsplit=1)[0]
    words = value.split()
    for candidate in [glued, *(" ".join(words[:n]) for n in (3, 2, 1))]:
        if candidate and known(candidate.strip(" ,;")):
            return candidate
    return None


def _status(rest: str) -> str | None:
    """The status cell: a status in one to three words, or a status word glued to a cell after it in lower case
    ("Completedany age", cancer.gov's PDQ record as archived in 2008, webarchive.library.unt.edu).
    """
    known = _words(rest, _is_status)
    glued = _STATUS_GLUED_TO_LOWER.match(rest)
    return known or (glued.group("status") if glued and _is_status(glued.group("status")) else None)


def _is_status(word: str) -> bool:
    return bool(lookup("status", word)) or word.lower() in {"closed", "active", "open", "completed"}


#: A status word glued to the lower-case cell after it: "Completed" of "Completedany age".
_STATUS_GLUED_TO_LOWER = re.compile(r"(?P<status>Active|Closed|Completed|Open|Recruiting|Withdrawn|Suspended|Terminated)"
                                    r"(?=[a-z]{2,}\s)")
#: An age cell: "15 to 75", "18-65 years", or PDQ's "any age" and "18 and over" / "21 and under".
_AGES = r"(?:\d{1,3}\s*(?:to|-|–)\s*\d{1,3}(?:\s*years?)?|any\s+age|\d{1,3}\s+and\s+(?:over|under))"

#: Each closed column's cell, found at the start of what is left of the row.
_CELL: dict[str, Callable[[str], str | None]] = {
    "status": _status,
    "primary_purpose": lambda rest: _words(rest, lambda word: lookup("primary-purpose", word)),
    "phase": lambda rest: (m.group(0) if (m := re.match(rf"{_PHASE}(?:\s*,\s*{_PHASE})*", rest)) else None),
    "ages": lambda rest: (m.group(0) if (m := re.match(_AGES, rest, re.I)) else None),
}
#: Where a closed column's cell begins inside the text after a free-text cell.
_FIND: dict[str, re.Pattern[str]] = {
    "phase": re.compile(_PHASE), "ages": re.compile(r"\d{1,3}\s*(?:to|-|–)\s*\d{1,3}"),
    "sponsor_ids": re.compile(_IDENTIFIER), "registration": re.compile(_IDENTIFIER),
}


def _columns(line: str) -> list[tuple[str, str]] | None:
    """The (header, field) of each column of a header line, or None when the line is anything else."""
    words = _HEADER_WORDS.sub(" ", fold(line)).lower().split()
    columns: list[tuple[str, str]] = []
    while words:
        for size in (2, 1):
            header = " ".join(words[:size])
            if len(words) >= size and header in _COLUMNS:
                columns.append((header, _COLUMNS[header]))
                words = words[size:]
                break
        else:
            return None
    return columns if len(columns) >= 3 and len({field for _, field in columns}) == len(columns) else None


def header_row_lines(lines: list[str]) -> list[tuple[int, int, list[str]]]:
    r"""The one-row tables of a page: (index of the header line, index after the row, the row as "Label: value"
    lines). The row runs from the line after the header to the first blank line.

    >>> page = ["Status Conditions Phase Study ID", "Closed Acute Lymphoid Leukemia (ALL)",
    ...         "Chronic Myeloid Leukemia (CML)Hodgkin's Lymphoma", "Phase I/II FHCRC-1803", ""]
    >>> print("\n".join(header_row_lines(page)[0][2]))
    Conditions: Acute Lymphoid Leukemia (ALL)
    Conditions: Chronic Myeloid Leukemia (CML)Hodgkin's Lymphoma
    Phase: Phase I/II
    Study ID: FHCRC-1803
    >>> glued = ["PhaseTypeStatusAgeSponsorProtocol IDs", "Phase II, Phase ITreatmentActive15 to 75OtherAMC-UUCM-2008-0383",
    ...          "2008-0383, NCT00823524"]
    >>> print("\n".join(header_row_lines(glued)[0][2]))
    Phase: Phase II, Phase I
    Purpose: Treatment
    Age: 15 to 75
    Sponsor: Other
    Protocol ID: AMC-UUCM-2008-0383
    Protocol ID: 2008-0383
    Protocol ID: NCT00823524
    """
    tables = []
    for index, line in enumerate(lines):
        columns = _columns(line) if 10 <= len(line.strip()) <= 80 else None
        if not columns:
            continue
        end = next((i for i in range(index + 1, len(lines)) if not lines[i].strip()), len(lines))
        rest = "\n".join(fold(row) for row in lines[index + 1:end])
        tables.append((index, end, _cells(columns, rest)))
    return tables


_LABEL = {"status": "Status", "phase": "Phase", "conditions": "Conditions", "sponsor_ids": "Protocol ID", "ages": "Age",
          "registration": "Study ID",
          "sponsor": "Sponsor", "primary_purpose": "Purpose"}


def _cells(columns: list[tuple[str, str]], rest: str) -> list[str]:
    cells: list[str] = []
    for position, (_, name) in enumerate(columns):
        rest = rest.lstrip(" \n,")
        following = columns[position + 1][1] if position + 1 < len(columns) else None
        if name in _CELL:
            value = _CELL[name](rest)
            if value is None:
                continue  # the cell is empty, or not of its column's form: left unread
            rest = rest[len(value):]
            if name != "status" or lookup("status", value):  # "Closed": a status the registry has no token for
                cells.append(f"{_LABEL[name]}: {value.strip()}")
            continue
        if following is None:
            identifiers = name in ("sponsor_ids", "registration")
            values = re.split(r"\s*[,\n]\s*", rest) if identifiers else rest.split("\n")
            rest = ""
        else:
            end = _next_cell(following, rest)
            values, rest = rest[:end].split("\n"), rest[end:]
        for value in filter(None, (v.strip(" ,") for v in values)):
            if name in ("sponsor_ids", "registration") and not is_listed_identifier(value):
                continue
            cells.append(f"{_LABEL[name]}: {value}")
    return cells


#: A sponsor's abbreviation in capitals, then an id opening with the same letters and a hyphen: "NCINCI-86-C-183E".
_SPONSOR_BEFORE_OWN_ID = re.compile(r"(?P<sponsor>[A-Z]{2,10})(?=(?P=sponsor)-[A-Z0-9])")


def _next_cell(name: str, rest: str) -> int:
    """Where the next column's cell begins in ``rest``: found by its form, or at a glued capital for a word column."""
    if name in _FIND:
        found = _FIND[name].search(rest)
        if found and found.start() == 0 and name in ("sponsor_ids", "registration"):
            # the sponsor's abbreviation glued to the id that opens with it: "NCINCI-86-C-183E" is "NCI" and
            # "NCI-86-C-183E" (cancer.gov's PDQ record, archived 2008)
            doubled = _SPONSOR_BEFORE_OWN_ID.match(rest)
            return len(doubled.group("sponsor")) if doubled else 0
        return found.start() if found else len(rest)
    for match in re.finditer(r"(?<=[a-z\)])(?=[A-Z])|\n", rest):
        start = match.end()
        if name in _CELL and _CELL[name](rest[start:]):
            return start
    return len(rest)
