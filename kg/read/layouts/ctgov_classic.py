"""ClinicalTrials.gov's classic study page (``ct2/show/NCT…``), scraped as text.

The brief title stands before "ClinicalTrials.gov Identifier:"; the conditions,
interventions and phase form a pipe table ("Condition or disease | Intervention/treatment
| Phase |"); the design prints as "Label : | value |" rows; the arms form a second pipe table
("Arm | Intervention/treatment |") whose cells run over several lines; outcomes are "- measure
[ Time Frame: … ]" lines.
"""

from __future__ import annotations

import re

from kg.model.identifiers import find_registry_ids
from kg.model.records import Arm, Intervention, Organization, Outcome, SourceDocument, TrialRecord
from kg.model.text import fold
from kg.model.vocab import lookup
from kg.read.parse.fields import parse_count, parse_date, parse_phases, split_spaced_conditions, typed_interventions
from kg.read.reader import Outline

__all__ = ["LAYOUT", "claims", "read", "outline"]

LAYOUT = "ctgov_classic"

_IDENTIFIER = re.compile(r"ClinicalTrials\.gov Identifier:\s*(NCT\d{8})")
_ROW = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z /()-]*?)\s*:\s*\|?\s*(?P<value>[^|]*?)\s*\|?\s*$")
#: A row of the record view's tracking information: "Estimated Study Start Date  ICMJE February 20, 2020".
_RECORD_ROW = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z /()-]*?)\s+ICMJE\s+(?P<value>\S.*?)\s*$")
#: The sponsor block's labels ("Sponsor:", "Collaborator:", each over its names) and what ends it.
_SPONSOR_ROLE = {"sponsor": "LEAD", "collaborator": "COLLABORATOR", "collaborators": "COLLABORATOR"}
_SPONSOR_END = re.compile(r"^\s*(?:Information provided by|Tracking Information|Study Details|Study Description)|^\s*$")
_OUTCOME = re.compile(r"^\s*[-•*]\s*(?P<measure>.+?)\s*\[\s*Time Frame:\s*(?P<time>[^\]]+?)\s*(?:\]|$)")
#: "Label : | value |" rows -> record field and how to read the value.
_DESIGN = {"study type": "study_type", "allocation": "allocation", "intervention model": "intervention_model",
           "masking": "masking", "primary purpose": "primary_purpose"}


def claims(text: str) -> bool:
    """The classic page names its record "ClinicalTrials.gov Identifier: NCT…"."""
    return bool(_IDENTIFIER.search(text))


def read(text: str, source: SourceDocument) -> TrialRecord:
    """Read a classic ClinicalTrials.gov study page into a record."""
    lines = text.split("\n")
    record = TrialRecord(source=source, identifiers=find_registry_ids(_IDENTIFIER.search(text).group(0)))
    marker = next(i for i, line in enumerate(lines) if _IDENTIFIER.search(line))
    kind: str | None = None  # outcomes are read only under a heading that says their kind
    heading = [fold(line) for line in lines[:marker] if len(fold(line).split()) >= 3 and "|" not in line
               and not fold(line).startswith(("The safety and scientific validity", "Get the latest", "COVID-19"))]
    record.title = heading[-1] if heading else None
    for index, line in enumerate(lines):
        label, _, value = line.partition(":")
        if fold(label) == "Recruitment Status":
            value = fold(value) or (fold(lines[index + 1]) if index + 1 < len(lines) else "")
            record.status = lookup("status", value)
        if re.match(r"^\s*Condition or disease\s*\|", line) and index + 2 < len(lines):
            cells = [fold(cell) for cell in lines[index + 2].split("|")]
            if len(cells) >= 3:
                record.conditions = split_spaced_conditions(cells[0])  # one a line on the site, spaced in the cell
                record.interventions = [Intervention(name, kind) for kind, name in
                                        typed_interventions(cells[1]) if name]
                record.phases = parse_phases(cells[2])
        row = _ROW.match(line) or _RECORD_ROW.match(line)
        if row:
            key = fold(row.group("label")).lower()
            value = fold(row.group("value"))
            key = re.sub(r"^(?:actual|estimated|anticipated)\s+", "", key)
            if key in _DESIGN:
                scheme = _DESIGN[key].replace("_", "-")
                setattr(record, _DESIGN[key], lookup(scheme, value.split("(")[0]) or lookup(scheme, value))
            elif key == "enrollment":
                record.enrollment = parse_count(value)
            elif key == "study start date":
                record.start_date = parse_date(value)
            elif key == "study completion date":
                record.completion_date = parse_date(value)
        heading = re.match(r"^\s*(?:Current\s+)?(Primary|Secondary|Other)(?: Pre-specified)? Outcome Measures?\b", line)
        if heading:
            kind = heading.group(1).upper()
        outcome = _OUTCOME.match(line)
        if outcome and kind:
            record.outcomes.append(Outcome(kind, fold(outcome.group("measure")), fold(outcome.group("time"))))
    record.arms = _arms(lines, record.interventions)
    record.sponsors = _sponsors(lines)
    record.detailed_description = _description(lines)
    return record


#: What ends the description under the conditions table: the design rows ("Study Type : | Interventional … |"),
#: the next part's heading.
_DESCRIPTION_END = re.compile(r"\||^\s*(?:Study Design|Arms and Interventions|Outcome Measures|Eligibility Criteria"
                              r"|Contacts and Locations|Sponsors and Collaborators)\b")


def _description(lines: list[str]) -> str | None:
    """The study's description as a saved page keeps it: the paragraphs right under the conditions table's row
    ("This study proposes to extract, concentrate, and activate gamma delta T-cells from the peripheral blood …"),
    up to the design rows, with any "Detailed Description:" heading left out.
    """
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s*Condition or disease\s*\|", line)), None)
    if start is None:
        return None
    paragraphs = []
    for line in lines[start + 3:]:
        if _DESCRIPTION_END.search(line):
            break
        text = re.sub(r"^(?:Brief Summary|Detailed Description)\s*:\s*", "", fold(line))
        if text:
            paragraphs.append(text)
    return "\n".join(paragraphs) or None


def _sponsors(lines: list[str]) -> list[Organization]:
    """The names under "Sponsor:" and "Collaborator:", each with its role (a label may have lost its names: a
    "Sponsor:" right before "Collaborator:" names no lead sponsor).
    """
    sponsors: list[Organization] = []
    role: str | None = None
    for line in lines:
        label = fold(line).rstrip(":").lower()
        if fold(line).endswith(":") and label in _SPONSOR_ROLE:
            role = _SPONSOR_ROLE[label]
        elif role and _SPONSOR_END.match(line):
            if sponsors:
                break
            role = None
        elif role and not any(s.name == fold(line) for s in sponsors):
            sponsors.append(Organization(fold(line), role))
    return sponsors


_ARMS_HEADER = re.compile(r"^\s*Arm\s*\|\s*Intervention/treatment\s*\|")
#: A line that cannot stand in the arms table: an outcome bullet, a table rule, a heading of the next part.
_AFTER_ARMS = re.compile(r"^\s*(?:[-•*]\s|-{3}|(?:Primary|Secondary|Other)\b.*\bOutcome|Eligibility|Criteria\b)",
                         re.IGNORECASE)


def _arms(lines: list[str], interventions: list[Intervention]) -> list[Arm]:
    """The arms table: each row is an arm cell ("Experimental: NK cells", then its description lines, then a
    line "|") and an intervention cell (each intervention "Biological: NK cells" with its description and
    "Other Name:" lines, ended by a line ending in "|"). The interventions of a row are those of the page's
    interventions that its cell names with their type.
    """
    start = next((i for i, line in enumerate(lines) if _ARMS_HEADER.match(line)), None)
    if start is None:
        return []
    cells: list[list[str]] = [[]]
    for line in lines[start + 1:]:
        if not cells[-1] and (not line.strip() or re.match(r"^\s*-{3}\|", line)):
            continue  # the header's rule, blank lines between rows
        if not cells[-1] and len(cells) % 2 == 1 and _AFTER_ARMS.match(line):
            break  # a row would start here: the table has ended
        text = line.strip()
        if text.endswith("|"):
            cells[-1].append(text[:-1].strip())
            cells.append([])
        else:
            cells[-1].append(text)
    arms = []
    for index in range(0, len(cells), 2):
        arm_cell = [fold(line) for line in cells[index] if fold(line)]
        if not arm_cell:
            continue
        given = " ".join(cells[index + 1]) if index + 1 < len(cells) else ""
        head, _, rest = arm_cell[0].partition(":")
        arm_type = lookup("arm-type", head) if rest.strip() else None
        arms.append(Arm(label=fold(rest) if arm_type else arm_cell[0], type=arm_type,
                        description=" ".join(arm_cell[1:]) or None,
                        interventions=[i.name for i in interventions if _names(given, i.name)]))
    return arms


def _names(cell: str, name: str) -> bool:
    """Whether an intervention cell names ``name`` after a type ("Drug: Cytarabine"), not only in a description."""
    return bool(re.search(rf"(?:^|\s)[A-Z][A-Za-z ]*:\s*{re.escape(name)}(?=\s|$)", fold(cell)))


#: The parts of a classic page the reader reads, by the line that shows each.
_PARTS = {"identifier": _IDENTIFIER, "recruitment status": re.compile(r"^\s*Recruitment Status\s*:"),
          "conditions, interventions and phase": re.compile(r"^\s*Condition or disease\s*\|"),
          "design": re.compile(r"^\s*(?:Study Type|Allocation|Intervention Model|Masking|Primary Purpose)\s*:"),
          "arms": _ARMS_HEADER,
          "outcomes": re.compile(r"^\s*(?:Current\s+)?(?:Primary|Secondary|Other)(?: Pre-specified)? Outcome Measures?\b")}


def outline(text: str) -> Outline:
    """The parts of the page the reader reads, in the order it names them."""
    lines = text.split("\n")
    return Outline(tuple(part for part, pattern in _PARTS.items() if any(pattern.search(line) for line in lines)))
