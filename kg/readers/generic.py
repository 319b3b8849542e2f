"""Any other trial page: labelled sections and "Label: value" lines found from a table of the
labels trial sites use, register numbers anywhere in the text.

The generic reader is asked last, when no dedicated reader claims a page. It reads what
it can with confidence — a field only from a label it knows, a register number only in
a register's own format — and says which lines it left unread (``kg build --explain``).
It never invents: a page without a register number is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.identifiers import find_registry_ids
from kg.readers.criteria import criteria_from_lines, criteria_from_mixed_lines
from kg.readers.fields import parse_age_range, parse_age_years, parse_count, parse_date, parse_phases, value_or_none
from kg.readers.outcomes import TIME_SPAN
from kg.records import Identifier, Organization, Outcome, SourceDocument, TrialRecord
from kg.text import fold, split_glued
from kg.vocab import lookup

__all__ = ["LAYOUT", "claims", "read", "LABELS", "Reading", "reading"]

LAYOUT = "generic"

#: Labels trial sites print, by the field they open. One table, not code per site.
LABELS: dict[str, tuple[str, ...]] = {
    "title": ("title", "public title", "scientific title", "official title", "brief title", "study title", "trial title",
              "full title of the trial", "name of trial"),
    "status": ("status", "recruitment status", "overall status", "trial status", "overall recruitment status",
               "recruiting status", "study status"),
    "phase": ("phase", "trial phase", "study phase", "phase of the trial", "clinical phase"),
    "conditions": ("condition", "conditions", "health condition(s) or problem(s) studied", "disease", "diseases",
                   "medical condition", "medical condition(s) being investigated", "condition category", "indication"),
    # Labels of the register number itself: read from the text by the registers' own formats,
    # they only tell the reader that this is a trial record.
    "registration": ("registration number", "trial registration number", "main id", "nct id", "trial id", "study id",
                     "unique id issued by umin", "clinicaltrials gov identifier", "registry number", "register"),
    "sponsor_ids": ("sponsor's protocol code number", "sponsor protocol number", "protocol number", "org study id",
                    "secondary id", "secondary ids", "secondary identifying numbers", "other study id numbers"),
    "sponsor": ("sponsor", "primary sponsor", "lead sponsor", "sponsor name", "name of sponsor"),
    "enrollment": ("enrollment", "enrolment", "target sample size", "target recruitment", "sample size",
                   "number of participants", "target number of participants", "participants", "planned enrollment"),
    "study_type": ("study type", "type of study", "study design type"),
    "sex": ("sex", "gender", "sexes eligible", "gender eligible"),
    "ages": ("age", "ages", "age range", "ages eligible", "ages eligible for study", "age limits"),
    "min_age": ("minimum age", "age minimum", "inclusion age min"),
    "max_age": ("maximum age", "age maximum", "inclusion age max"),
    "start_date": ("start date", "study start", "date of first enrolment", "anticipated start date", "actual study start date"),
    "completion_date": ("completion date", "study completion", "anticipated end date", "actual study completion date"),
    "inclusion": ("inclusion criteria", "key inclusion criteria", "participant inclusion criteria",
                  "principal inclusion criteria", "inclusion"),
    "exclusion": ("exclusion criteria", "key exclusion criteria", "participant exclusion criteria",
                  "principal exclusion criteria", "exclusion"),
    "eligibility": ("eligibility", "eligibility criteria", "criteria", "inclusion and exclusion criteria",
                    "who can participate"),
    "primary_outcomes": ("primary outcome", "primary outcomes", "primary outcome measure", "primary outcome measures",
                         "primary outcome(s)", "primary end point", "primary endpoint", "primary end points",
                         "primary endpoints", "primary end point(s)", "main outcome measures"),
    "secondary_outcomes": ("secondary outcome", "secondary outcomes", "secondary outcome measure",
                           "secondary outcome measures", "secondary outcome(s)", "secondary end point",
                           "secondary endpoint", "secondary end points", "secondary endpoints", "secondary end point(s)"),
}
def _key(label: str) -> str:
    return re.sub(r"[^a-z0-9()]+", " ", label.lower()).strip()


_KEYS = {_key(label): name for name, labels in LABELS.items() for label in labels}
#: "Label: value" on one line, or "Label" alone on its line (optionally "E.3" numbered, in a table cell).
_LINE = re.compile(r"^\s*\|?\s*(?:[A-Z]\.\d+(?:\.\d+)*\s*\|?\s*)?(?P<label>[A-Za-z][A-Za-z ()/&'-]{1,60}?)\s*"
                   r"(?:[:|]\s*(?P<value>.*?))?\s*\|?\s*$")


def _label_of(line: str) -> tuple[str | None, str | None]:
    # Folded first: a long run of spaces made _LINE backtrack for minutes ("a", 8,000 spaces, "x").
    match = _LINE.match(fold(line))
    if not match:
        return None, None
    name = _KEYS.get(_key(match.group("label")))
    return (name, fold(match.group("value")) or None) if name else (None, None)


@dataclass
class Reading:
    """What the generic reader found on a page, and what it left unread."""

    sections: dict[str, list[str]] = field(default_factory=dict)
    unread: list[str] = field(default_factory=list)


def reading(text: str) -> Reading:
    """Cut a page at the labels of :data:`LABELS`; lines before any label, or after one the
    reader does not use, are unread.
    """
    result = Reading()
    current: str | None = None
    for line in text.split("\n"):
        name, value = _label_of(line)
        if name:
            current = name
            result.sections.setdefault(name, [])
            if value:
                result.sections[name].append(value)
        elif current and line.strip():
            result.sections[current].append(line)
        elif line.strip():
            result.unread.append(fold(line))
    return result


def claims(text: str) -> bool:
    """Any page that shows a register number and at least two labels the table knows."""
    return bool(find_registry_ids(text)) and len(reading(text).sections) >= 2


def _first(found: Reading, name: str) -> str | None:
    values = [v for v in (value_or_none(line) for line in found.sections.get(name, [])) if v]
    return values[0] if values else None


def read(text: str, source: SourceDocument) -> TrialRecord:
    """Read what the labels state; leave the rest."""
    found = reading(text)
    record = TrialRecord(source=source, identifiers=find_registry_ids(text))
    known = {i.value for i in record.identifiers}
    record.identifiers += [Identifier(value, "ORG") for value in map(fold, found.sections.get("sponsor_ids", []))
                           if value and value not in known and not find_registry_ids(value)]
    # Only a labelled title: the first line of a page is as often its site's banner.
    record.title = _first(found, "title")
    status = _first(found, "status")
    record.status = lookup("status", status) if status else None
    record.phases = parse_phases(_first(found, "phase")) or parse_phases(record.title)
    record.conditions = [c for line in found.sections.get("conditions", []) for part in re.split(r"\s*;\s*", fold(line))
                         for c in split_glued(part) if value_or_none(c)]
    sponsor = _first(found, "sponsor")
    record.sponsors = [Organization(sponsor, "LEAD")] if sponsor else []
    record.enrollment = parse_count(_first(found, "enrollment"))
    record.study_type = lookup("study-type", _first(found, "study_type"))
    record.sex = lookup("sex", _first(found, "sex"))
    record.min_age_years, record.max_age_years = parse_age_range(_first(found, "ages"))
    record.min_age_years = parse_age_years(_first(found, "min_age")) or record.min_age_years
    record.max_age_years = parse_age_years(_first(found, "max_age")) or record.max_age_years
    record.start_date = parse_date(_first(found, "start_date"))
    record.completion_date = parse_date(_first(found, "completion_date"))
    record.criteria = (criteria_from_lines(found.sections.get("inclusion", []), "INCLUSION")
                       + criteria_from_lines(found.sections.get("exclusion", []), "EXCLUSION")
                       + criteria_from_mixed_lines(found.sections.get("eligibility", [])))
    for kind in ("PRIMARY", "SECONDARY"):
        record.outcomes += _outcomes(found.sections.get(f"{kind.lower()}_outcomes", []), kind)
    return record


def _outcomes(lines: list[str], kind: str) -> list[Outcome]:
    """One outcome per line; a "Time frame: ..." line or a trailing time span gives its time frame."""
    outcomes: list[Outcome] = []
    for line in (fold(line) for line in lines):
        if not value_or_none(line):
            continue
        label, _, rest = line.partition(":")
        if label.strip().lower() in ("time frame", "timepoint", "timepoints", "time point") and outcomes:
            outcomes[-1].time_frame = rest.strip() or None
            continue
        span = TIME_SPAN.search(line)
        outcomes.append(Outcome(kind, line.lstrip("-*• ").strip(), span.group(0) if span and span.end() == len(line) else None))
    return outcomes
