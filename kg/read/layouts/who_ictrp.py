"""The WHO International Clinical Trials Registry Platform's trial record (trialsearch).

ICTRP shows a register's record as "Label: value" lines ("Main ID:  NCT02185781",
"Public title:", "Scientific title:", "Recruitment status: Pending", "Phase:  0") with the study
design as one sentence of "Allocation: …. Intervention model: …. Masking: …." parts. The generic
label table reads the lines; this reader adds what is ICTRP's own: the trial is the one its
"Main ID:" names, the design sentence is split into its fields, and the scientific title is the
record's official title.
"""

from __future__ import annotations

import re

from kg.model.identifiers import find_registry_ids
from kg.model.records import SourceDocument, TrialRecord
from kg.model.text import fold
from kg.model.vocab import lookup
from kg.read.layouts import generic
from kg.read.parse.fields import parse_date
from kg.read.parse.labels import Reading, reading
from kg.read.reader import Outline

__all__ = ["LAYOUT", "claims", "read", "outline"]

LAYOUT = "who_ictrp"

_MAIN_ID = re.compile(r"^Main ID:\s*(?P<id>\S+)", re.MULTILINE)
#: Design sentence part -> (record field, vocabulary scheme).
_DESIGN = {"allocation": ("allocation", "allocation"), "intervention model": ("intervention_model", "intervention-model"),
           "primary purpose": ("primary_purpose", "primary-purpose"), "masking": ("masking", "masking")}
#: The parts end with a full stop ("Allocation: N/A. Intervention model: …") or, in older records, a comma before the
#: next part's label ("Endpoint Classification: Safety/Efficacy Study, Intervention Model: …").
_DESIGN_PART = re.compile(r"(?P<label>Allocation|Intervention model|Primary purpose|Masking)\s*:\s*"
                          r"(?P<value>.+?)\s*(?:\.\s+(?=[A-Z])|,\s+(?=[A-Z][A-Za-z ]{0,30}:)|\.?\s*$)", re.IGNORECASE)


def claims(text: str) -> bool:
    """ICTRP names the record "Main ID:" under the WHO banner or the platform's name."""
    return bool(_MAIN_ID.search(text)) and bool(re.search(r"World Health Organization|ICTRP|trialsearch", text))


def read(text: str, source: SourceDocument) -> TrialRecord:
    """The labelled lines, the trial named by "Main ID:" first among its identifiers, the design fields."""
    record = generic.read(text, source)
    main = find_registry_ids(_MAIN_ID.search(text).group("id"))  # type: ignore[union-attr]  # claims() found it
    record.identifiers = main + [i for i in record.identifiers if i not in main]
    found = reading(text)
    design = " ".join(fold(line) for line in found.sections.get("study_design", []))
    for part in _DESIGN_PART.finditer(design):
        field_name, scheme = _DESIGN[part.group("label").lower()]
        setattr(record, field_name, getattr(record, field_name) or lookup(scheme, part.group("value")))
    if ":" not in design:  # a bare token ("Study design:  Parallel", ChiCTR's records): the one scheme that knows it
        known = [(name, lookup(scheme, design)) for name, scheme in _DESIGN.values() if lookup(scheme, design)]
        if len(known) == 1 and getattr(record, known[0][0]) is None:
            setattr(record, *known[0])
    # ICTRP writes "Drug: MSC+ATG"; an untyped line is description, not an intervention.
    record.interventions = [intervention for intervention in record.interventions if intervention.type]
    record.official_title = _scientific_title(found, record.title)
    # ICTRP prints its dates day first ("Date of registration: 23/04/2018"): "Date of first enrolment: 01/05/2018" is
    # 1 May (ISRCTN15677760), a date both orders make
    start = next((fold(line) for line in found.sections.get("start_date", []) if fold(line)), None)
    record.start_date = record.start_date or parse_date(start, day_first=True)
    return record


def _scientific_title(found: Reading, title: str | None) -> str | None:
    """The "Scientific title:" under the public one, where it says more: the register's title as the protocol has it,
    naming the intervention ("... of IL-15 Activated Cytokine Induced Killer (CIK) Cells in Relapsing Patients ...",
    NCT02752243, whose public title says "CIK-Cells"): the record's official title (its title is the public one). One the
    public title holds adds nothing
    ("Cancelled by the investigator Clinical trial for umbilical cord blood CIK and NK cells ...", ChiCTR2000030329).
    """
    scientific = next((fold(line) for line in found.sections.get("official_title", []) if fold(line)), None)
    if scientific is None or fold(scientific).lower() in fold(title or "").lower():
        return None
    return scientific


def outline(text: str) -> Outline:
    """The labelled fields, as the generic reader finds them."""
    return generic.outline(text)
