"""MedPath pages scraped as a bulleted list: every label and value behind "- ", headings lost.

The banner and the "Inclusion Criteria" / "Exclusion Criteria" labels are gone: the
criteria follow the "Target Recruitment" value, and an empty bullet ("-") stands where
the exclusion list's label was. Table cells are joined by spaces rather than glued.
"""

from __future__ import annotations

import re

from kg.model.records import Criterion, SourceDocument, TrialRecord
from kg.model.text import fold
from kg.read.layouts import medpath
from kg.read.parse.criteria import criteria_from_lines, kinds_in_order
from kg.read.parse.sections import split_sections
from kg.read.reader import Outline

__all__ = ["LAYOUT", "claims", "read", "outline"]

LAYOUT = "medpath_bullets"

_BULLET = re.compile(r"^- ?")
#: An item's list number glued to or spaced from its text ("1.The subject", "2. Age").
_LIST_NUMBER = re.compile(r"^\d{1,2}\.(?!\d)")
_EMPTY_BULLET = "-"
_LABEL_LINES = {f"- {label}" for label in ("Conditions", "Registration Number", "Brief Summary", "Status",
                                           "Target Recruitment", "Study Type", "Primary Outcome Measures")}


def claims(text: str) -> bool:
    """Several MedPath labels stand behind bullets."""
    lines = {line.strip() for line in text.split("\n")}
    return len(lines & _LABEL_LINES) >= 3


def read(text: str, source: SourceDocument) -> TrialRecord:
    """Read a bulleted MedPath page into a record."""
    lines = [line.strip() if line.strip() == _EMPTY_BULLET else _BULLET.sub("", line)
             for line in _with_sub_items_joined(text.split("\n"))]
    sections = split_sections(lines, medpath.LABELS)
    record = medpath.read_sections(sections, source, spaced=True)
    if not record.criteria:
        record.criteria = _unlabelled_criteria(sections.lines("enrollment")[1:])
    return record


def _with_sub_items_joined(lines: list[str]) -> list[str]:
    """A list whose items are an empty bullet and the item's text on the next line, or a list number glued to the
    text ("1.The subject is suffering from any disease ..., for example:"), shows its nesting: "- text" lines under
    such an item ending in a colon ("Patients who have clinical laboratory test results as follows:") are that
    item's sub-items, joined onto it with "; ". A MedPath label ("- Study Type") is no sub-item.
    """
    joined: list[str] = []
    nesting = False  # the last line kept is an item opened by an empty bullet that ends in a colon, or its sub-items
    for line in lines:
        if nesting and re.match(r"^- \S", line) and fold(line[2:]) not in medpath.LABELS:
            parent = joined[-1].rstrip()
            joined[-1] = f"{parent}{' ' if parent.endswith(':') else '; '}{line[2:].strip()}"
            continue
        opened = len(joined) >= 1 and joined[-1].strip() == _EMPTY_BULLET or bool(_LIST_NUMBER.match(line))
        nesting = opened and line.rstrip().endswith(":") and not line.startswith("-")
        joined.append(line)
    return joined


def _unlabelled_criteria(lines: list[str]) -> list[Criterion]:
    """Criteria after the enrollment value: inclusion first, then exclusion after two or more
    empty bullets in a row (a single empty bullet may stand between any two items, so it
    says nothing). Without such a gap the page does not show where exclusion starts: it is
    where the items' wording places it (``kinds_in_order``), and an item whose wording states
    its kind ("Patients who are pregnant or lactating are not eligible.") keeps it.
    """
    lines = [line for line in lines if line.strip()]
    split = None
    for index in range(1, len(lines) - 2):
        if lines[index] == lines[index + 1] == _EMPTY_BULLET:
            split = index
            break
    form = [index for index, line in enumerate(lines) if medpath.is_form_field(line)]
    if split is None and form and 0 < form[0] and form[-1] < len(lines) - 1 and form == list(range(form[0], form[-1] + 1)):
        # the EU register's section F questions between an EUCTR record's two lists ("6 Access to a smartphone." /
        # "Are the trial subjects under 18? no" / … / "F.1.3.1 Number of subjects for this age range 100" / "1. Medical
        # history …", trial.medpath.com EUCTR2015-003049-24-SE): no criteria, where the exclusion list starts
        return (criteria_from_lines([line for line in lines[:form[0]] if line != _EMPTY_BULLET], "INCLUSION")
                + criteria_from_lines([line for line in lines[form[-1] + 1:] if line != _EMPTY_BULLET], "EXCLUSION"))
    if split is None:
        criteria = criteria_from_lines([line for line in lines if line != _EMPTY_BULLET], None)
        for criterion, kind in zip(criteria, kinds_in_order([criterion.text for criterion in criteria])):
            criterion.kind = kind
        return criteria
    inclusion = [line for line in lines[:split] if line != _EMPTY_BULLET]
    exclusion = [line for line in lines[split:] if line != _EMPTY_BULLET]
    return criteria_from_lines(inclusion, "INCLUSION") + criteria_from_lines(exclusion, "EXCLUSION")


def outline(text: str) -> Outline:
    """The labelled sections, once the bullets are taken off."""
    lines = [line.strip() if line.strip() == _EMPTY_BULLET else _BULLET.sub("", line) for line in text.split("\n")]
    return Outline.of(split_sections(lines, medpath.LABELS))
