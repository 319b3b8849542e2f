"""ClinicalTrials.Veeva trial pages (ctv.veeva.com): the registry record re-laid out.

The page opens with the title and the sponsor (under its one-letter logo), then
labelled sections; the arms follow "N participants in K patient groups", each as
label, arm type, "Description:" and "Treatment:" lines.
"""

from __future__ import annotations

import re

from kg.model.identifiers import listed_identifiers
from kg.model.records import Arm, Intervention, Organization, Site, SourceDocument, TrialRecord
from kg.model.text import fold, is_placeholder
from kg.model.vocab import lookup
from kg.read.parse.criteria import criteria_from_lines, criteria_from_mixed_lines
from kg.read.parse.fields import country_code, parse_age_range, parse_count, parse_phases, typed_intervention
from kg.read.parse.sections import split_sections
from kg.read.reader import Outline

__all__ = ["LAYOUT", "claims", "read", "outline"]

LAYOUT = "veeva"

LABELS = {
    "Status and phase": "status_phase",
    "Status": "status_phase",
    "Phase": "status_phase",
    "Conditions": "conditions",
    "Treatments": "treatments",
    "Study type": "study_type",
    "Funder types": "funder_types",
    "Identifiers": "identifiers",
    "Details and patient eligibility": "details",
    "About": "brief_summary",
    "Full description": "detailed_description",
    "Enrollment": "enrollment",
    "Sex": "sex",
    "Ages": "ages",
    "Volunteers": "volunteers",
    "Inclusion criteria": "inclusion",
    "Exclusion criteria": "exclusion",
    "Inclusion and exclusion criteria": "criteria",
    "Trial design": "design",
    "Primary purpose": "primary_purpose",
    "Allocation": "allocation",
    "Interventional model": "intervention_model",
    "Masking": "masking",
    "Trial contacts and locations": "locations",
    "Central trial contact": "contacts",
    "Sponsors": "sponsors",
    "Sponsor": "sponsors",
    "Collaborators": "collaborators",
    "Data sourced from clinicaltrials.gov": "footer",
    "Clinical trials": "footer",
}
_PATTERNS = [(re.compile(r"\d+ participants? in \d+ (?:patient )?groups?.*", re.IGNORECASE), "arms"),
             (re.compile(r"© Copyright .*Veeva.*"), "footer")]
_TYPED_SPLIT = re.compile(r",\s*(?=[A-Z][A-Za-z ]+:\s)")


#: Labels only Veeva prints; a page scraped without its banner still shows them.
_OWN_LABELS = {"Status and phase", "Funder types", "Details and patient eligibility", "Trial design",
               "Trial contacts and locations", "Inclusion and exclusion criteria", "Volunteers", "Treatments"}


def claims(text: str) -> bool:
    """A Veeva page names itself in its banner or footer, or prints several of its own labels."""
    if text.lstrip().startswith("ClinicalTrials.Veeva") or "Veeva Systems" in text[-400:]:
        return True
    return len({line.strip() for line in text.split("\n")} & _OWN_LABELS) >= 3


def read(text: str, source: SourceDocument) -> TrialRecord:
    """Read a ClinicalTrials.Veeva page into a record."""
    sections = split_sections(text.split("\n"), LABELS, _PATTERNS)
    record = TrialRecord(source=source)
    preamble = [v for v in sections.values("") if v not in ("ClinicalTrials.Veeva", "Menu")]
    if preamble:
        record.title = preamble[0]
    sponsor = _sponsor_under_logo(preamble[1:])
    if sponsor:
        record.sponsors.append(Organization(sponsor, "LEAD"))
    record.sponsors += [Organization(name, "COLLABORATOR") for name in sections.values("collaborators")]

    for line in sections.values("status_phase"):
        record.phases += [phase for phase in parse_phases(line) if phase not in record.phases]
        record.status = record.status or lookup("status", line)
    record.phases.sort()
    record.conditions = sections.values("conditions")
    record.interventions = [Intervention(name=name, type=kind) for line in sections.values("treatments")
                            for kind, name in map(typed_intervention, _TYPED_SPLIT.split(line))]
    record.study_type = lookup("study-type", sections.value("study_type"))
    record.identifiers = listed_identifiers(sections.values("identifiers"))
    record.brief_summary = sections.text("brief_summary")
    record.detailed_description = sections.text("detailed_description")

    record.enrollment = parse_count(sections.value("enrollment"))
    record.sex = lookup("sex", sections.value("sex"))
    record.min_age_years, record.max_age_years = parse_age_range(sections.value("ages"))
    volunteers = (sections.value("volunteers") or "").lower()
    record.healthy_volunteers = (False if volunteers.startswith("no") else True if "accepts" in volunteers else None)
    record.criteria = (criteria_from_lines(sections.lines("inclusion"), "INCLUSION")
                       + criteria_from_lines(sections.lines("exclusion"), "EXCLUSION")
                       + criteria_from_mixed_lines(sections.lines("criteria")))

    record.primary_purpose = lookup("primary-purpose", sections.value("primary_purpose"))
    record.allocation = lookup("allocation", sections.value("allocation"))
    record.intervention_model = lookup("intervention-model", sections.value("intervention_model"))
    record.masking = lookup("masking", sections.value("masking"))
    record.arms = _arms(sections.lines("arms"))
    record.sites = _sites(sections.lines("locations"))
    return record


def _sponsor_under_logo(lines: list[str]) -> str | None:
    """The sponsor prints under its logo: a letter that repeats its initial, or "<name> logo"."""
    for logo, name in zip(lines, lines[1:]):
        if (len(logo) == 1 and name[:1].upper() == logo.upper()) or logo == f"{name} logo":
            return name
    return None


def _arms(lines: list[str]) -> list[Arm]:
    """Blocks of: label, arm type ("Experimental group"), "Description:" text, "Treatment:" lines."""
    arms: list[Arm] = []
    field: str | None = None
    for line in (fold(line) for line in lines):
        if not line:
            continue
        if line in ("Description:", "Treatment:", "Treatments:"):
            field = line.rstrip(":").lower()
            continue
        if field == "treatment":
            names = [typed_intervention(part) for part in _TYPED_SPLIT.split(line)]
            if all(kind for kind, _ in names):
                arms[-1].interventions += [name for _, name in names]
                continue
            field = None
        if field == "description" and arms:
            arms[-1].description = f"{arms[-1].description} {line}" if arms[-1].description else line
            continue
        arm_type = lookup("arm-type", line)
        if arm_type and arms and arms[-1].type is None and not arms[-1].description:
            arms[-1].type = arm_type
            continue
        arms.append(Arm(label=line))
        field = None
    return arms


def _sites(lines: list[str]) -> list[Site]:
    """Sites print as a name line then "City, Region, Country"; counts and "Loading..." are skipped."""
    sites: list[Site] = []
    name: str | None = None
    for line in (fold(line) for line in lines):
        if not line or line.isdigit() or is_placeholder(line):
            continue
        parts = [p.strip() for p in line.split(",")]
        country = country_code(parts[-1]) if len(parts) > 1 else None
        if name and country:
            sites.append(Site(name=name, city=parts[0] or None, country=country))
            name = None
        else:
            name = line
    return sites


def outline(text: str) -> Outline:
    """The labelled sections of the page."""
    return Outline.of(split_sections(text.split("\n"), LABELS, _PATTERNS))
