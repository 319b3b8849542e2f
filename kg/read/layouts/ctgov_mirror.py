"""ClinicalTrials.gov mirror pages (meddatax.com and alike): registry tokens under explained headings.

Every section heading is followed by a sentence explaining it ("Get a concise snapshot
of the trial, ..."); values are printed as ClinicalTrials.gov API tokens (RECRUITING,
PHASE1/PHASE2, NON_RANDOMIZED), sometimes under labels of their own ("Recruitment
Status"), sometimes bare, in which case a value's token says which field it is.

Its results page (``/clinical-trials/NCT…/results``) has no explained headings: "Trial Outcomes & Findings for TITLE
(NCT NCT…)", the status, phase and enrollment (labelled, or bare tokens), then the participant flow, whose groups
(title, then description: what the group is given) are the trial's arms.
"""

from __future__ import annotations

import re

from kg.model.identifiers import find_registry_ids, scheme_of
from kg.model.records import Arm, Identifier, Intervention, Organization, Reference, Site, SourceDocument, TrialRecord
from kg.model.text import fold
from kg.model.vocab import lookup
from kg.read.parse.criteria import criteria_from_lines
from kg.read.parse.fields import (
    country_code,
    find_doi,
    find_pmid,
    parse_age_years,
    parse_count,
    parse_date,
    parse_phases,
    split_spaced_conditions,
    value_or_none,
)
from kg.read.parse.sections import Sections, split_sections
from kg.read.reader import Outline

__all__ = ["LAYOUT", "claims", "read", "outline"]

LAYOUT = "ctgov_mirror"

LABELS = {
    "Study Results": "results",
    "Basic Information": "basic",
    "Recruitment Status": "status",
    "Clinical Phase": "phase",
    "Total Enrollment": "enrollment",
    "Study Classification": "study_type",
    "Study Start Date": "start_date",
    "Study Completion Date": "completion_date",
    "Primary Completion Date": "primary_completion_date",
    "Brief Summary": "brief_summary",
    "Related Clinical Trials": "related",
    "More Related Trials": "related_more",
    "Detailed Description": "detailed_description",
    "Conditions": "conditions",
    "Keywords": "keywords",
    "Study Design": "design",
    "Study Groups": "arms",
    "Interventions": "interventions",
    "Other Intervention Names": "other_names",
    "Eligibility Criteria": "eligibility",
    "Sponsors": "sponsors",
    "Lead Sponsor": "lead_sponsor",
    "Collaborators": "collaborators",
    "Responsible Party": "responsible_party",
    "Principal Investigators": "investigators",
    "Locations": "locations",
    "Countries": "countries",
    "Central Contacts": "contacts",
    "Facility Contacts": "facility_contacts",
    "References": "references",
    "Other Identifiers": "other_identifiers",
}
_EXPLAINER = re.compile(
    r"^(Get|Review|Explore|See|Understand|Learn|Discover|Check|Meet|Identify|Reach|Find|Dive)\b.*\.$")
_ELIGIBILITY_LABELS = {"Inclusion Criteria": "inclusion", "Exclusion Criteria": "exclusion",
                       "Minimum Age": "min_age", "Maximum Age": "max_age", "Sex": "sex",
                       "Accepts Healthy Volunteers": "healthy_volunteers", "Healthy Volunteers": "healthy_volunteers"}
_AGE = re.compile(r"^\d+(?:\.\d+)?\s+(?:Years?|Months?|Weeks?|Days?)$", re.IGNORECASE)
_SPONSOR_CLASSES = {"OTHER", "INDUSTRY", "NIH", "FED", "OTHER_GOV", "INDIV", "NETWORK", "AMBIG", "UNKNOWN"}
#: The labelled rendering states each group's type: "Group Type EXPERIMENTAL".
_GROUP_TYPE = re.compile(r"^Group Type\s+([A-Z_]+)$")
#: ... and each of its interventions' type after the intervention's name: "NCR300" / "Intervention Type DRUG".
_INTERVENTION_TYPE = re.compile(r"^Intervention Type\s+([A-Z_]+)$")
#: A group's description may run to a second paragraph, a sentence saying what the group is given, where a group's label
#: is a title: "CD19 CAR NK cells" / "anti-CD19 CAR NK cells" / "Patients will receive Fludarabine (25 mg/m2 per day) and
#: Cyclophosphamide (300mg/" (meddatax.com NCT06464679, compact rendering, the excerpt cut there).
_GIVING_SENTENCE = re.compile(r"^(?:All\s+)?(?:patients|participants|subjects)\s+(?:will|shall|are|were|receive[sd]?|get)\b",
                              re.IGNORECASE)
_ID_TYPES = {"EUDRACT_NUMBER": "EUDRACT", "CTIS": "EUCT"}


#: The results page's first line: "Trial Outcomes & Findings for NK Cell Based … (NCT NCT01370213)".
_RESULTS_TITLE = re.compile(r"^\s*Trial Outcomes & Findings for (?P<title>.+?)\s*\(NCT (?P<number>NCT\d{8})\)\s*$", re.MULTILINE)


def claims(text: str) -> bool:
    """The mirror explains its headings with fixed sentences (its results page opens "Trial Outcomes & Findings for …
    (NCT NCT…)" over "NCT ID:" and the participant flow).
    """
    return ("Get a concise snapshot of the trial" in text
            or sum(1 for line in text.split("\n") if _EXPLAINER.match(line.strip())) >= 3
            or bool(_RESULTS_TITLE.search(text[:1000]) and "NCT ID:" in text and "Participant Flow" in text))


def read(text: str, source: SourceDocument) -> TrialRecord:
    """Read a ClinicalTrials.gov mirror page into a record."""
    if _RESULTS_TITLE.search(text[:1000]) and "Get a concise snapshot of the trial" not in text:
        return _results_page(text, source)
    lines = _without_explainers(text)
    sections = split_sections(lines, LABELS)
    record = TrialRecord(source=source)
    _preamble(record, sections.values(""))
    _basic_information(record, sections)
    record.brief_summary = sections.text("brief_summary")
    record.detailed_description = sections.text("detailed_description")
    # The mirror joins the registry's condition list with spaces on one line.
    record.conditions = [name for value in sections.values("conditions") for name in split_spaced_conditions(value)]
    _design(record, sections.values("design"))
    record.interventions = [Intervention(name, kind, description)
                            for name, description, kind in _entries(sections.values("interventions"))]
    record.arms = _arms(sections.values("arms"), record.interventions)
    last = record.arms[-1] if record.arms else None
    if last and not (last.type or last.description or last.interventions) and sections.values("arms")[-1] == last.label:
        record.arms.pop()  # the excerpt ends in a group's label ("anti"): no group is read of it
    listed = {i.name for i in record.interventions}
    record.interventions += [i for i in _typed_in_arms(sections.values("arms")) if i.name not in listed]
    record.interventions += _recurring_in_arms(sections.values("arms"), record.arms, record.interventions)
    _eligibility(record, sections.lines("eligibility"))
    record.sponsors = (_sponsors(sections.values("sponsors"), None) + _sponsors(sections.values("lead_sponsor"), "LEAD")
                       + _sponsors(sections.values("collaborators"), "COLLABORATOR"))
    record.sites = _sites(sections.values("locations"))
    record.references = [Reference(citation=c, doi=find_doi(c), pmid=find_pmid(c))
                         for c in sections.values("references")]
    record.identifiers += _other_identifiers(sections.values("other_identifiers"))
    record.related_ids = [i.value for name in ("related", "related_more")
                          for line in sections.values(name) for i in find_registry_ids(line)]
    return record


#: The results page's labels of the trial's facts (each over its value), and where its overview ends.
_RESULTS_LABELS = {"recruitment status": "status", "study phase": "phase", "target enrollment": "enrollment"}
#: The participant flow's groups end at its first row ("Overall Study", "STARTED") or the table's rule.
_FLOW_END = re.compile(r"^\s*\|?\s*(?:Overall Study|STARTED|COMPLETED|NOT COMPLETED|Reasons for withdrawal|Baseline "
                       r"Characteristics|Outcome Measures|Adverse Events)\b|^\s*\|?-{3}")


def _results_page(text: str, source: SourceDocument) -> TrialRecord:
    """The mirror's results page (meddatax.com NCT01370213): the title and number of its first line, the trial's status,
    phase and enrollment, and the participant flow's groups as arms, each with its description ("Patients with high
    risk acute myeloid disease treated with preparative regimen including Fludara, Cytoxan and total body irradiation
    followed by haploidentical donor NK cells, Interleukin-2, …"). The "Results Overview" describes an outcome's
    measurement, not the trial, and is left out.
    """
    head = _RESULTS_TITLE.search(text)
    record = TrialRecord(source=source, title=fold(head.group("title")))
    lines = [line.strip() for line in text.split("\n")]
    _preamble(record, [line for line in lines if line.startswith(("NCT ID:", "Last Updated:"))])
    record.identifiers = record.identifiers or find_registry_ids(head.group("number"))
    flow = next((i for i, line in enumerate(lines) if line == "Participant Flow"), len(lines))
    label = None
    for line in lines[:flow]:
        if not line:
            continue
        if line.lower() in _RESULTS_LABELS:
            label = _RESULTS_LABELS[line.lower()]
            continue
        # a value under its label, or a bare registry token ("TERMINATED", "NA", "16 participants")
        if (label == "status" or label is None) and lookup("status", line) and line.isupper():
            record.status = record.status or lookup("status", line)
        elif (label == "phase" or label is None) and re.fullmatch(r"(?:EARLY_)?PHASE\d(?:/PHASE\d)?|NA", line):
            record.phases = record.phases or parse_phases(line)
        elif (label == "enrollment" or label is None) and re.fullmatch(r"[\d,]+ participants?", line):
            record.enrollment = record.enrollment or parse_count(line)
        label = None
    record.arms = _flow_groups(lines[flow:])
    return record


def _flow_groups(lines: list[str]) -> list[Arm]:
    """The groups of the participant flow's first table, after its "Measure" header: a group's title, then its
    description, one a line ("CD34+ Selection Schema : High-Risk Acute Myeloid Disease" / "Patients with high risk
    …"); in the table rendering ("| Measure |") each group's cell ends in a line "|".
    """
    start = next((i for i, line in enumerate(lines) if line in ("Measure", "| Measure |")), None)
    if start is None:
        return []
    cells: list[list[str]] = [[]]
    for line in lines[start + 1:]:
        if _FLOW_END.match(line):
            break
        if lines[start] == "| Measure |":
            if line == "|":
                cells.append([])
            elif line:
                cells[-1].append(line)
        elif line:
            if len(cells[-1]) == 2:
                cells.append([])
            cells[-1].append(line)
    return [Arm(label=fold(cell[0]), description=" ".join(map(fold, cell[1:])) or None) for cell in cells if cell]


def _preamble(record: TrialRecord, lines: list[str]) -> None:
    """Before the first heading: the title, "NCT ID: ...", "Last Updated: ..."."""
    for line in lines:
        label, _, value = line.partition(":")
        if value and label.strip().upper() in ("NCT ID", "TRIAL ID", "STUDY ID"):
            record.identifiers += find_registry_ids(value)
        elif value and label.strip().lower() == "last updated":
            record.last_updated = parse_date(value)
        elif record.title is None and [i.value for i in find_registry_ids(line)] != [line.strip()]:
            record.title = line


def _basic_information(record: TrialRecord, sections: Sections) -> None:
    """Labelled values when the page has labels; otherwise each bare value says what it is."""
    record.status = lookup("status", sections.value("status"))
    record.phases = parse_phases(sections.value("phase"))
    record.enrollment = parse_count(sections.value("enrollment"))
    record.study_type = lookup("study-type", sections.value("study_type"))
    record.start_date = parse_date(sections.value("start_date"))
    record.completion_date = parse_date(sections.value("completion_date"))
    dates = []
    for value in sections.values("basic"):
        if lookup("status", value) and record.status is None:
            record.status = lookup("status", value)
        elif parse_phases(value) and not record.phases:
            record.phases = parse_phases(value)
        elif re.fullmatch(r"\d[\d,]*\s+participants?", value) and record.enrollment is None:
            record.enrollment = parse_count(value)
        elif lookup("study-type", value) and record.study_type is None:
            record.study_type = lookup("study-type", value)
        elif parse_date(value):
            dates.append(parse_date(value))
    if dates and record.start_date is None:
        record.start_date = dates[0]
    if len(dates) > 1 and record.completion_date is None:
        record.completion_date = dates[-1]


#: A line of prose among the design's labels and tokens: the registry's intervention model description, printed without
#: its label ("Intervention Model" / "SEQUENTIAL" / "CD19-BCMA Targeted CAR-T Dose 1 5.0 e5/ kg CD19-BCMA CAR-T positive
#: T cells", meddatax.com NCT06371040): several words, not all capitals.
_DESIGN_PROSE = re.compile(r"^(?=.*[a-z])\S+(?:\s+\S+){3,}$")


def _design(record: TrialRecord, values: list[str]) -> None:
    """Design values are bare tokens; each belongs to the one scheme that knows it. Lines of prose among them are the
    intervention model's description (where studies state their dose levels and cohorts).
    """
    prose = []
    for value in values:
        if _DESIGN_PROSE.match(value):
            prose.append(value)
            continue
        for field, scheme in (("allocation", "allocation"), ("intervention_model", "intervention-model"),
                              ("primary_purpose", "primary-purpose"), ("masking", "masking")):
            if value.isupper() and getattr(record, field) is None and lookup(scheme, value):
                setattr(record, field, lookup(scheme, value))
                break
    record.design_description = "\n".join(prose) or None


def _entries(values: list[str]) -> list[tuple[str, str | None, str | None]]:
    """The interventions section's entries: name, description, then "Intervention Type BIOLOGICAL", which closes the
    entry and gives its type ("Anti-CD19 iCAR NK Cells" / "Anti-CD19 iCAR NK Cells injection" / "Intervention Type
    BIOLOGICAL", meddatax.com NCT03824951); without type lines, name / description lines in turn.
    """
    if not any(_INTERVENTION_TYPE.match(value) for value in values):
        return [(name, description, None) for name, description in _pairs(values)]
    entries: list[tuple[str, str | None, str | None]] = []
    current: list[str] = []
    for value in values:
        typed = _INTERVENTION_TYPE.match(value)
        if typed and current:
            entries.append((current[0], " ".join(current[1:]) or None, lookup("intervention-type", typed.group(1))))
        if typed:
            current = []
        else:
            current.append(value)
    if current:  # the excerpt breaks off before the entry's type
        entries.append((current[0], " ".join(current[1:]) or None, None))
    return entries


def _pairs(values: list[str]) -> list[tuple[str, str | None]]:
    """Name / description lines, in turn."""
    return [(values[i], values[i + 1] if i + 1 < len(values) else None) for i in range(0, len(values), 2)]


def _without_explainers(text: str) -> list[str]:
    """The page's lines without the mirror's explaining sentences, nor one the excerpt breaks off in
    ("Review each arm" as the last line).
    """
    lines = [line for line in text.split("\n") if not _EXPLAINER.match(line.strip())]
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and _EXPLAINER.match(lines[-1].strip() + ".") and len(lines[-1].split()) >= 2:
        lines.pop()
    return lines


def _typed_in_arms(values: list[str]) -> list[Intervention]:
    """The interventions a group names with their type ("NCR300" / "Intervention Type DRUG"), each with the line after
    its type as its description, unless that line opens the next group (as _arms reads it): "Tumor infiltrating
    lymphocyte" / "Intervention Type DRUG" / "Tumor infiltrating lymphocytes were isolated from tumor tissues ... These
    TILs were cultured in human IL-2 medium for 4 to 5 weeks." (meddatax.com NCT04538313, whose page the excerpt cuts
    before its Interventions section).
    """
    return [Intervention(values[i - 1], lookup("intervention-type", typed.group(1)),
                         values[i + 1] if i + 1 < len(values) and not _starts_group(values, i + 1)
                         and not any(map(_INTERVENTION_TYPE.match, values[i + 1:i + 3])) else None)
            for i, typed in enumerate(map(_INTERVENTION_TYPE.match, values)) if typed and i]


def _arms(values: list[str], interventions: list[Intervention]) -> list[Arm]:
    """Each group: label ("Experimental: label" in the labelled rendering), description, then
    (intervention, its description) pairs.

    Intervention names come from the page's Interventions list, or from the line before an
    "Intervention Type X" line; without either, a line that recurs under several groups is an intervention.
    """
    described = {i.name: i.description for i in interventions}
    # A typed intervention's description is the line after its type, unless that line opens the next group.
    described = described or {values[n - 1]: values[n + 1] if n + 1 < len(values) and not _starts_group(values, n + 1)
                               else None for n, value in enumerate(values) if n and _INTERVENTION_TYPE.match(value)}
    if not described:
        described = {value: values[i + 1] if i + 1 < len(values) else None
                     for i, value in enumerate(values) if values.count(value) > 1}
    arms: list[Arm] = []
    index = 0
    while index < len(values):
        value = values[index]
        index += 1
        group_type = _GROUP_TYPE.match(value)
        if group_type and arms:
            arms[-1].type = arms[-1].type or lookup("arm-type", group_type.group(1))
        elif value in described and arms:
            arms[-1].interventions.append(value)
            if index < len(values) and _INTERVENTION_TYPE.match(values[index]):
                index += 1
            if index < len(values) and values[index] == described[value]:
                index += 1
        elif arms and arms[-1].description is None and not arms[-1].interventions:
            arms[-1].description = value
        elif arms and arms[-1].description and not arms[-1].interventions and _GIVING_SENTENCE.match(value):
            arms[-1].description += "\n" + value  # a paragraph more of the group's description, no group's label
        else:
            arm_type, _, label = value.partition(":")
            if label.strip() and lookup("arm-type", arm_type):
                arms.append(Arm(label=label.strip(), type=lookup("arm-type", arm_type)))
            else:
                arms.append(Arm(label=value))
    return arms


def _recurring_in_arms(values: list[str], arms: list[Arm], interventions: list[Intervention]) -> list[Intervention]:
    """The interventions the groups name by a line that recurs under several of them, untyped, with the line after it as
    its description: "MSC" / "bone marrow derived cultured MSC (mesenchymal stem cell)" under each group (meddatax.com
    NCT03371329, the compact rendering). :func:`_arms` links them; the page lists them nowhere else.

    >>> arms = [Arm("Group 1", interventions=["MSC"]), Arm("Group 2", interventions=["MSC"])]
    >>> _recurring_in_arms(["Group 1", "MSC", "bone marrow derived MSC", "Group 2", "MSC", "bone marrow derived MSC"],
    ...                    arms, [])
    [Intervention(name='MSC', type=None, description='bone marrow derived MSC')]
    """
    listed = {i.name for i in interventions}
    named = [name for arm in arms for name in arm.interventions if name not in listed]
    found: list[Intervention] = []
    for name in dict.fromkeys(named):
        at = values.index(name) if name in values else -1
        after = values[at + 1] if 0 <= at < len(values) - 1 else None
        described = after if after and values.count(after) > 1 and not _starts_group(values, at + 1) else None
        found.append(Intervention(name, None, described))
    return found


def _starts_group(values: list[str], index: int) -> bool:
    """Whether ``values[index]`` is a group's label: the line after it states the group's type."""
    return index + 1 < len(values) and bool(_GROUP_TYPE.match(values[index + 1]))


def _eligibility(record: TrialRecord, lines: list[str]) -> None:
    sections = split_sections(lines, _ELIGIBILITY_LABELS)
    tail: list[str] = []
    exclusion = sections.lines("exclusion")
    while exclusion and (not exclusion[-1].strip() or not exclusion[-1].lstrip().startswith(("*", "-", "•"))):
        if exclusion[-1].strip():
            tail.insert(0, fold(exclusion[-1]))
        exclusion = exclusion[:-1]
    record.criteria = (criteria_from_lines(sections.lines("inclusion"), "INCLUSION")
                       + criteria_from_lines(exclusion, "EXCLUSION"))
    ages = [parse_age_years(v) for v in tail if _AGE.match(v)]
    record.min_age_years = parse_age_years(sections.value("min_age")) or (ages[0] if ages else None)
    record.max_age_years = parse_age_years(sections.value("max_age")) or (ages[1] if len(ages) > 1 else None)
    for value in tail + sections.values("sex"):
        record.sex = record.sex or (lookup("sex", value) if value.isupper() else None)
    volunteers = sections.value("healthy_volunteers") or next((v for v in tail if v in ("Yes", "No")), None)
    record.healthy_volunteers = {"Yes": True, "No": False}.get(volunteers or "")


def _sponsors(values: list[str], role: str | None) -> list[Organization]:
    return [Organization(name, role) for name in values if name not in _SPONSOR_CLASSES]


def _sites(values: list[str]) -> list[Site]:
    """A facility line, then "City, State, Country" (the state may be empty)."""
    sites: list[Site] = []
    name: str | None = None
    for value in values:
        parts = [p.strip() for p in value.split(",")]
        country = country_code(parts[-1]) if len(parts) > 1 else None
        if name and country:
            sites.append(Site(name=name, city=value_or_none(parts[0]), country=country))
            name = None
        elif not value.isupper():
            name = value
    return sites


def _other_identifiers(values: list[str]) -> list[Identifier]:
    """Each identifier prints as its value, "Identifier Type: ..." and "Identifier Source: ..."."""
    identifiers: list[Identifier] = []
    for value in values:
        label, _, detail = value.partition(":")
        detail = detail.strip()
        if label == "Identifier Type" and identifiers:
            scheme = _ID_TYPES.get(detail)
            if scheme:
                identifiers[-1] = Identifier(identifiers[-1].value, scheme)
        elif label == "Identifier Source" and identifiers:
            if detail == "org_study_id":
                identifiers[-1] = Identifier(identifiers[-1].value, "ORG")
        else:
            identifiers.append(Identifier(value, scheme_of(value) or "OTHER"))
    return identifiers


def outline(text: str) -> Outline:
    """The labelled sections, the mirror's explaining sentences left out."""
    return Outline.of(split_sections(_without_explainers(text), LABELS))
