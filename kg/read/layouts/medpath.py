"""MedPath trial pages (trial.medpath.com): a "MedPath" banner, then labelled sections.

The page prints each label on a line of its own and the value below it; the arms and
outcome tables lose their cell borders ("GroupInterventionDescription", "Overall
survival (OS)1 year"). The same page scraped with bullets is read by
:mod:`kg.read.layouts.medpath_bullets`, which shares this module's section reading.
"""

from __future__ import annotations

import re

from kg.model.identifiers import listed_identifiers
from kg.model.records import Arm, Intervention, Organization, Outcome, SourceDocument, TrialRecord
from kg.model.text import fold, is_placeholder, split_glued
from kg.model.vocab import lookup
from kg.read.parse.arms import TABLE_HEADER, split_arm_row
from kg.read.parse.criteria import criteria_from_lines
from kg.read.parse.cues import phase_of_this_study
from kg.read.parse.fields import parse_count, parse_phases, typed_intervention
from kg.read.parse.outcomes import split_glued_row, split_spaced_rows
from kg.read.parse.sections import Sections, split_sections
from kg.read.parse.sites import sites_from_lines
from kg.read.reader import Outline

__all__ = ["LAYOUT", "claims", "read", "outline", "LABELS", "read_sections", "before_form_fields", "is_form_field"]

LAYOUT = "medpath"

#: The labels a MedPath page prints, and the section each opens.
LABELS = {
    "Conditions": "conditions",
    "Interventions": "interventions",
    "Registration Number": "registration",
    "Lead Sponsor": "lead_sponsor",
    "Collaborators": "collaborators",
    "Collaborator": "collaborators",
    "Brief Summary": "brief_summary",
    "Detailed Description": "detailed_description",
    "Recruitment & Eligibility": "recruitment",
    "Status": "status",
    "Sex": "sex",
    "Target Recruitment": "enrollment",
    "Age": "ages",
    "Ages": "ages",
    "Accepts Healthy Volunteers": "healthy_volunteers",
    "Inclusion Criteria": "inclusion",
    "Exclusion Criteria": "exclusion",
    "Study & Design": "design",
    "Study Type": "study_type",
    "Study Design": "study_design",
    "Arm && Interventions": "arms",
    "Arms & Interventions": "arms",
    "Arm & Interventions": "arms",
    "Primary Outcome Measures": "primary_outcomes",
    "Secondary Outcome Measures": "secondary_outcomes",
    "Other Outcome Measures": "other_outcomes",
    "Trial Locations": "locations",
}
_PATTERNS = [(re.compile(r"Locations \(\d+\)"), "location_list"),
             (re.compile(r"© Copyright .*MedPath.*"), "footer")]
_OUTCOME_HEADER = re.compile(r"^\s*Name\s*Time\s*Method\s*", re.IGNORECASE)


def claims(text: str) -> bool:
    """A MedPath page opens with its banner or closes with its copyright line."""
    head = text.lstrip()[:200]
    return head.startswith("MedPath") or bool(re.search(r"All Rights Reserved by MedPath", text[-400:]))


def read(text: str, source: SourceDocument) -> TrialRecord:
    """Read a MedPath page into a record."""
    lines = text.split("\n")
    return read_sections(split_sections(lines, LABELS, _PATTERNS), source, spaced=False)


def read_sections(sections: Sections, source: SourceDocument, *, spaced: bool) -> TrialRecord:
    """Read the sections of a MedPath page; ``spaced`` tables had their cells joined by spaces."""
    record = TrialRecord(source=source)
    preamble = [v for v in sections.values("") if v != "MedPath"]
    if preamble:
        record.title = preamble[0]
    for line in preamble[1:]:
        record.phases = record.phases or parse_phases(line)
        record.status = record.status or lookup("status", line)

    record.identifiers = listed_identifiers(sections.values("registration"), unknown="OTHER")
    # (the EU register's classification of an EUCTR record's condition, glued to it: "HypertensionTherapeutic area:
    # Diseases [C] - Cardiovascular Diseases [C14]" (trial.medpath.com EUCTR2015-003049-24-SE) is no condition)
    record.conditions = [c for line in sections.values("conditions") for c in split_glued(line)
                         if not _THERAPEUTIC_AREA.match(c)]
    record.interventions = [Intervention(name=name, type=kind)
                            for kind, name in map(typed_intervention, sections.values("interventions"))]
    record.sponsors = ([Organization(name, "LEAD") for name in sections.values("lead_sponsor")]
                       + [Organization(name, "COLLABORATOR") for name in sections.values("collaborators")])
    record.brief_summary = sections.text("brief_summary")
    record.detailed_description = sections.text("detailed_description")
    record.phases = record.phases or next((phases for phases in map(phase_of_this_study, filter(None, (
        record.brief_summary, record.detailed_description))) if phases), [])

    record.status = lookup("status", sections.value("status")) or record.status
    record.sex = lookup("sex", sections.value("sex"))
    record.enrollment = parse_count(sections.value("enrollment"))
    record.study_type = lookup("study-type", sections.value("study_type"))
    for token in sections.values("study_design"):
        _design_token(record, token)

    record.criteria = (criteria_from_lines(before_form_fields(sections.every_line("inclusion")), "INCLUSION")
                       + criteria_from_lines(before_form_fields(sections.every_line("exclusion")), "EXCLUSION"))
    record.arms = _arms(sections.values("arms"), record.interventions)
    for kind in ("PRIMARY", "SECONDARY", "OTHER"):
        lines = sections.lines(f"{kind.lower()}_outcomes")
        record.outcomes += _spaced_outcomes(lines, kind) if spaced else _glued_outcomes(lines, kind)
    record.sites = sites_from_lines(sections.lines("location_list") or sections.lines("locations"))
    return record


#: The EU register's "Therapeutic area:" field, a classification of the condition ("Diseases [C] - …").
_THERAPEUTIC_AREA = re.compile(r"^\s*Therapeutic area\s*:")


#: The EU register's section F questions, which MedPath prints after an EUCTR record's criteria ("Are the trial
#: subjects under 18? no", "Number of subjects for this age range:", "F.1.2 Adults (18-64 years)").
_FORM_FIELD = re.compile(r"^\s*(?:Are the trial subjects under 18\?|Number of subjects for this age range:|F\.\d+(?:\.\d+)+\s)")


def is_form_field(line: str) -> bool:
    """Whether a line is one of the EU register's section F questions (:func:`before_form_fields`)."""
    return bool(_FORM_FIELD.match(line))


def before_form_fields(lines: list[str]) -> list[str]:
    """A criteria list's lines up to the EU register's form fields that follow it on an EUCTR record's page.

    >>> before_form_fields(["1. Age : 18- 65 yrs", "Are the trial subjects under 18? no", "F.1.2 Adults ("])
    ['1. Age : 18- 65 yrs']
    >>> before_form_fields(["Are the subjects under 18 years of age?", "Phase F.1 of the study"])
    ['Are the subjects under 18 years of age?', 'Phase F.1 of the study']
    """
    end = next((index for index, line in enumerate(lines) if _FORM_FIELD.match(line)), len(lines))
    return lines[:end]


def _design_token(record: TrialRecord, value: str) -> None:
    """MedPath's "Study Design" prints whichever design tokens the registry had."""
    for field, scheme in (("allocation", "allocation"), ("intervention_model", "intervention-model"),
                          ("primary_purpose", "primary-purpose"), ("masking", "masking")):
        token = lookup(scheme, value)
        if token and getattr(record, field) is None and not (scheme == "allocation" and token == "NA"):
            setattr(record, field, token)
            return


def _arms(rows: list[str], interventions: list[Intervention]) -> list[Arm]:
    arms = []
    for row in rows:
        if not TABLE_HEADER.sub("", row).strip():
            continue
        label, names, description = split_arm_row(row, [i.name for i in interventions])
        arms.append(Arm(label=label, description=description, interventions=names))
    return arms


def _glued_outcomes(lines: list[str], kind: str) -> list[Outcome]:
    """Rows print as "Measure<time frame>" on one line, then an optional description paragraph."""
    outcomes: list[Outcome] = []
    for line in lines:
        line = _OUTCOME_HEADER.sub("", line)
        if not line.strip() or is_placeholder(line):
            continue
        measure, time_frame = split_glued_row(line)
        last = outcomes[-1] if outcomes else None
        if time_frame is None and last is not None and last.description is None:
            last.description = fold(line)
            continue
        outcomes.append(Outcome(kind=kind, measure=measure, time_frame=time_frame))
    return outcomes


def _spaced_outcomes(lines: list[str], kind: str) -> list[Outcome]:
    outcomes = []
    for line in lines:
        line = _OUTCOME_HEADER.sub("", line)
        if is_placeholder(line):
            continue
        for measure, time_frame, method in split_spaced_rows(line):
            description = method if method and fold(method) != measure else None
            outcomes.append(Outcome(kind=kind, measure=measure, time_frame=time_frame, description=description))
    return outcomes


def outline(text: str) -> Outline:
    """The labelled sections of the page."""
    return Outline.of(split_sections(text.split("\n"), LABELS, _PATTERNS))
