"""The EU Clinical Trials Register's trial pages (clinicaltrialsregister.eu).

A protocol page opens with the register's boilerplate, then a summary ("EudraCT
Number:2015-001901-15", "Trial Status:Prematurely Ended"), then numbered sections as
table rows ("| E.1.1 | Medical condition(s) being investigated |"). A national version
prints each free-text value in English first, then in the country's language, each
rendering a row of its own. A results page opens "Clinical Trial Results:" with the
title, then "EudraCT number" / value lines (a label row ending in "|" in some copies, its
value on the next line).

Fields are taken by section number, which every language version shares; the summary
and results labels are read with the generic label table.
"""

from __future__ import annotations

import re

from kg.model.identifiers import listed_identifiers
from kg.model.records import Criterion, Organization, Outcome, SourceDocument, TrialRecord
from kg.model.text import fold
from kg.read.layouts import generic
from kg.read.parse.criteria import criteria_from_lines
from kg.read.parse.labels import reading
from kg.read.reader import Outline

__all__ = ["LAYOUT", "claims", "read", "outline", "NUMBERED"]

LAYOUT = "eu_ctr"

#: Protocol sections by number -> the record field they hold.
NUMBERED = {"A.3": "official_title", "A.3.1": "title", "E.1.1": "conditions", "E.3": "inclusion", "E.4": "exclusion",
            "E.5.1": "primary_outcomes", "E.5.2": "secondary_outcomes"}

_ROW = re.compile(r"^\|\s*(?P<number>[A-H]\.\d+(?:\.\d+)*)\.?\s*\|\s*(?P<label>[^|]*?)\s*(?:\|\s*(?P<value>[^|]*?)\s*)?\|?\s*\|?\s*$")
_HEADING = re.compile(r"^\|\s*[A-H]\.\d+(?:\.\d+)*\s+[^|]+\|\s*$")


#: A results page copied without the register's banner: its opening line, then its "EudraCT number" label
#: ("Clinical Trial Results:" / title / "Summary" / "|" / "EudraCT number |", clinicaltrialsregister.eu 2015-005615-32/results).
_RESULTS_OPENING = re.compile(r"^[ \t]*Clinical Trial Results:[ \t]*$(?=[\s\S]{0,2000}?^[ \t]*EudraCT number\b)", re.MULTILINE)
#: A results page's sponsor rows, the label ending in "|" and the value on the next line: "Sponsor protocol code |" /
#: "SPIHF-203", "Sponsor organisation name |" / "Stealth BioTherapeutics, Inc." (2015-005615-32/results).
_RESULTS_SPONSOR_ROW = re.compile(r"^[ \t]*(?P<label>Sponsor protocol code|Sponsor organisation name)[ \t]*\|?[ \t]*\n"
                                  r"[ \t]*(?P<value>[^|\n]*?)[ \t]*\|?[ \t]*$", re.MULTILINE | re.IGNORECASE)
_RESULTS_SPONSOR_LABELS = ("sponsor protocol code", "sponsor organisation name")


def claims(text: str) -> bool:
    """The register's banner, its numbered rows or a results page's opening, and a EudraCT number."""
    banner = "EU Clinical Trials Register" in text or "clinicaltrialsregister.eu" in text
    if not (banner or re.search(r"^\|\s*E\.\d", text, re.MULTILINE)
            or ("Clinical Trial Results:" in text and _RESULTS_OPENING.search(text))):
        return False
    return any(identifier.scheme == "EUDRACT" for identifier in generic.page_identifiers(text, reading(text)))


def numbered_values(text: str) -> dict[str, list[str]]:
    """Section number -> its value, in English: the first rendering of a bilingual value."""
    values: dict[str, list[str]] = {}
    number: str | None = None
    renderings: list[list[str]] = []
    closed = False  # a rendering ends where its line ends with the cell's "|"
    for line in [*text.split("\n"), None]:  # None: the end of the page closes the last section
        row = _ROW.match(line) if line is not None else None
        if line is None or row or _HEADING.match(line):
            if number:
                values[number] = [value for value in (renderings[0] if renderings else []) if value]
            number = row.group("number") if row else None
            renderings, closed = ([[fold(row.group("value"))]] if row and row.group("value") else []), False
            continue
        if number is None or not line.strip(" |"):
            continue
        if not renderings or closed:
            renderings.append([])
        renderings[-1].append(fold(line.strip().strip("|")))
        closed = line.rstrip().endswith("|")
    return values


def read(text: str, source: SourceDocument) -> TrialRecord:
    """The summary and results labels as the generic reader reads them, then the numbered sections."""
    record = generic.read(text, source)
    eudract = [i for i in record.identifiers if i.scheme == "EUDRACT"]
    record.identifiers = eudract[:1] + [i for i in record.identifiers if i not in eudract[:1]]
    _results_sponsor(text, record)
    numbered = {NUMBERED[number]: lines for number, lines in numbered_values(text).items() if number in NUMBERED}
    if numbered.get("title") or numbered.get("official_title"):
        record.title = (numbered.get("title") or numbered["official_title"])[0]
    if numbered.get("conditions"):
        record.conditions = [numbered["conditions"][0]]
    numbered_criteria: list[Criterion] = []
    for kind in ("inclusion", "exclusion"):
        numbered_criteria += criteria_from_lines(numbered.get(kind, []), kind.upper())
    if numbered_criteria:
        record.criteria = numbered_criteria
    for kind in ("primary", "secondary"):
        lines = numbered.get(f"{kind}_outcomes")
        if lines:
            record.outcomes = [o for o in record.outcomes if o.kind != kind.upper()]
            record.outcomes += [Outcome(kind.upper(), line.lstrip("-*• ")) for line in lines]
    return record


def _results_sponsor(text: str, record: TrialRecord) -> None:
    """A results page's sponsor rows: the protocol code the sponsor's own identifier (ORG), the organisation the lead
    sponsor. A label is never a sponsor: the "Sponsors" heading over the rows is not read as a label whose value is the
    next row's label.
    """
    record.sponsors = [s for s in record.sponsors if fold(s.name).lower() not in _RESULTS_SPONSOR_LABELS]
    if "Sponsor " not in text:
        return
    for row in _RESULTS_SPONSOR_ROW.finditer(text):
        value = fold(row.group("value"))
        if not value or value == "-":
            continue
        if row.group("label").lower() == "sponsor protocol code":
            known = {i.value for i in record.identifiers}
            record.identifiers += [i for i in listed_identifiers([value]) if i.value not in known]
        elif not record.sponsors:
            record.sponsors = [Organization(value, "LEAD")]


def outline(text: str) -> Outline:
    """The labelled fields as the generic reader finds them, and the numbered protocol sections read."""
    found = generic.outline(text)
    numbered = tuple(f"{number} ({NUMBERED[number]})" for number in numbered_values(text) if number in NUMBERED)
    return Outline(found.sections + numbered, found.unread)
