"""ClinicalTrials.gov's classic study page (``ct2/show/NCT…``), scraped as text.

The brief title stands before "ClinicalTrials.gov Identifier:"; the conditions,
interventions and phase form a pipe table ("Condition or disease | Intervention/treatment
| Phase |"); the design prints as "Label : | value |" rows (the official title among them); the arms form a second pipe table
("Arm | Intervention/treatment |") whose cells run over several lines; outcomes are "- measure
[ Time Frame: … ]" lines. The 2019 page's text keeps no pipes: the conditions table is a header line
("Condition or disease Intervention/treatment Phase") over one line of the three cells run together, the arms
table a header line ("Arm Intervention/treatment") over each row's arm ("Experimental: Anti-CD19 CAR NK Cells"),
its description, then its typed interventions with theirs. The page of 2008-2012 heads its brief summary "Purpose" and
its conditions table "Condition Intervention Phase" (or "Condition Phase"), over the cells run together on one line or
one cell a line, and its description "Detailed Description:"; its header states the status in a sentence ("This study
has been completed.").
"""

from __future__ import annotations

import re

from kg.model.identifiers import find_registry_ids
from kg.model.records import Arm, Intervention, Organization, Outcome, SourceDocument, TrialRecord
from kg.model.text import fold
from kg.model.vocab import lookup
from kg.model.vocab import scheme as vocab_scheme
from kg.read.parse.cues import archived_status
from kg.read.parse.fields import parse_count, parse_date, parse_phases, split_spaced_conditions, typed_interventions
from kg.read.reader import Outline

__all__ = ["LAYOUT", "claims", "read", "outline"]

LAYOUT = "ctgov_classic"

#: (the 2020 page as scraped without the site's name before it: the disclaimer's last sentence, then "Identifier:":
#: "... Read our disclaimer for details. Identifier: NCT02650986", clinicaltrials.gov/show/NCT02650986)
_IDENTIFIER = re.compile(r"(?:ClinicalTrials\.gov |Read our disclaimer for details\.\s+)Identifier:\s*(NCT\d{8})")
#: The old record view's link to the archive: the one place its scraped text keeps the number.
_ARCHIVED = re.compile(r"Complete list of historical versions of study (NCT\d{8}) on Archive Site")
_ROW = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z /()-]*?)\s*:\s*\|?\s*(?P<value>[^|]*?)\s*\|?\s*$")
#: A row of the record view's tracking information: "Estimated Study Start Date  ICMJE February 20, 2020".
_RECORD_ROW = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z /()-]*?)\s+ICMJE\s+(?P<value>\S.*?)\s*$")
#: The lines that open the 2012 page's status and sponsor block, under its title.
_HEADER_BLOCK = re.compile(r"^\s*(?:The recruitment status of this study|Recruitment status was|Verified [A-Z][a-z]+ \d{4} by"
                           r"|Sponsor:|Information provided by)")
#: The sponsor block's labels ("Sponsor:", "Collaborator:", each over its names) and what ends it.
_SPONSOR_ROLE = {"sponsor": "LEAD", "collaborator": "COLLABORATOR", "collaborators": "COLLABORATOR"}
#: (the 2008 page's "Sponsor:" without its name, over "ClinicalTrials.gov Identifier:" and its number, NCT00717184)
_SPONSOR_END = re.compile(r"^\s*(?:Information provided by|Tracking Information|Study Details|Study Description"
                          r"|ClinicalTrials\.gov Identifier:)|^\s*$")
_OUTCOME = re.compile(r"^\s*[-•*]\s*(?P<measure>.+?)\s*\[\s*Time Frame:\s*(?P<time>[^\]]+?)\s*(?:\]|$)")
#: The record view's one outcome of a heading, written without a bullet under the heading and its "(submitted: ...)" line:
#: "Current Primary Outcome Measures  ICMJE / (submitted: April 14, 2011) / Safety and toxicity donor CD56+CD3- NK cells
#: [ Time Frame: Day 28 post NK cell infusion ]" (NCT01336478; NCT03881774 the same way).
_LONE_OUTCOME = re.compile(r"^(?P<measure>[^\s\[•*-][^\[]*?)\s*\[\s*Time Frame:\s*(?P<time>[^\]]+?)\s*(?:\]|$)")
_SUBMITTED = re.compile(r"^\s*\(submitted:[^)]*\)\s*$")
#: "Label : | value |" rows -> record field and how to read the value.
_DESIGN = {"study type": "study_type", "allocation": "allocation", "intervention model": "intervention_model",
           "masking": "masking", "primary purpose": "primary_purpose"}


#: The lines of the classic page's header and first table, under its number: the register's status line ("Recruitment
#: Status : Completed", "Expanded Access Status :", the 2012 page's "Recruitment status was  Recruiting"), its dates of
#: the record ("First Posted : July 5, 2019"; before 2017 "First received: November 24, 2011") and the conditions table
#: ("Condition or disease | Intervention/treatment | Phase |"). Another site that names the trial by its register number
#: prints its own labels ("Overall status", "Last Update: Jul 29, 2022", recruiting-trials.novartis.com NCT04318327).
_CLASSIC_LINE = re.compile(r"^\s*(?:Recruitment Status\s*:|Expanded Access Status\s*:|Recruitment status was\b"
                           r"|First Posted\b|First received:|Condition or disease\s*(?:\||Intervention/treatment\b))",
                           re.MULTILINE)


def claims(text: str) -> bool:
    """The classic page names its record "ClinicalTrials.gov Identifier: NCT…" over the register's status line, its
    dates or its conditions table (the old record view: "Complete list of historical versions of study NCT… on Archive
    Site", with its "First received:" date).
    """
    if _IDENTIFIER.search(text):
        return bool(_CLASSIC_LINE.search(text))
    return bool(_ARCHIVED.search(text) and re.search(r"^\s*First received:", text, re.M))


def read(text: str, source: SourceDocument) -> TrialRecord:
    """Read a classic ClinicalTrials.gov study page into a record."""
    lines = text.split("\n")
    if not _IDENTIFIER.search(text):
        return _archived_record(lines, source)
    found = _IDENTIFIER.search(text)
    record = TrialRecord(source=source, identifiers=find_registry_ids(found.group(0)))
    # The line of the label: the 2012 page puts the number on the line after it.
    marker = text.count("\n", 0, found.start())
    # An outcome's kind is its heading's; outcomes above any heading are of no stated kind (a page excerpt that
    # cut the heading off: "- 2-year overall survival [ Time Frame: 2 years after study inclusion ]" right after
    # the arms table, NCT02229266), and those under an "Original ..." heading are not read (the current ones
    # replace them).
    kind: str | None = None
    superseded = False
    under_heading = False  # the line before is an outcome heading (or its "(submitted: ...)" line)
    # The 2012 page prints its status and sponsor block between the title and the number: the title is above it.
    # (the 2008 page opens it with its status sentence: "This study has been completed.", NCT00717184)
    top = next((i for i, line in enumerate(lines[:marker]) if _HEADER_BLOCK.match(line) or archived_status(line)), marker)
    heading = [fold(line) for line in lines[:top] if len(fold(line).split()) >= 3 and "|" not in line
               and not fold(line).startswith(("The safety and scientific validity", "Get the latest", "COVID-19"))]
    record.title = heading[-1] if heading else None
    # the header's status sentence ("This study has been completed."; "The recruitment status of this study is unknown
    # because the information has not been verified recently.", the status before it only "Recruitment status was")
    record.status = next(filter(None, (archived_status(line) or ("UNKNOWN" if _UNKNOWN_STATUS.match(line) else None)
                                       for line in lines[:marker])), None)
    official: str | None = None
    for index, line in enumerate(lines):
        label, _, value = line.partition(":")
        if fold(label) == "Recruitment Status":
            value = fold(value) or (fold(lines[index + 1]) if index + 1 < len(lines) else "")
            record.status = lookup("status", value)
        if _PLAIN_CONDITIONS.match(line) and not record.interventions:
            at = next((at for at in range(index + 1, len(lines)) if fold(lines[at])), None)
            if at is not None:
                _plain_conditions_row(fold(lines[at]), record, cut=_cut_at_the_end(lines, at))
        if _OLD_CONDITIONS.match(line) and not record.interventions and not record.conditions:
            _old_conditions_table(lines[index + 1:], record)
        if re.match(r"^\s*Condition or disease\s*\|", line) and index + 2 < len(lines):
            cells = [fold(cell) for cell in lines[index + 2].split("|")]
            if len(cells) >= 3:
                record.conditions = split_spaced_conditions(cells[0])  # one a line on the site, spaced in the cell
                record.interventions = [Intervention(name, kind) for kind, name in
                                        typed_interventions(cells[1]) if name]
                record.phases = parse_phases(cells[2])
            elif len(cells) == 2 and not any(fold(line) for line in lines[index + 3:]):
                # the excerpt ends in the row, cut in its interventions: "Non Hodgkin's Lymphoma Hodgkin Disease Multiple
                # Myeloma | Other: Fludarabine and total body irradiation Radiation: Total b" (ClinicalTrials.gov
                # NCT00909948): its conditions and the interventions before the cut one
                record.conditions = split_spaced_conditions(cells[0])
                record.interventions = [Intervention(name, kind) for kind, name in
                                        typed_interventions(cells[1])[:-1] if name]
        row = _ROW.match(line) or _RECORD_ROW.match(line)
        if row and fold(row.group("label")).lower() == "study design" and _ROW.match(row.group("value")):
            row = _ROW.match(row.group("value"))  # the 2008-2012 page's first design row: "Study Design: Allocation: …"
        if row:
            key = fold(row.group("label")).lower()
            value = fold(row.group("value"))
            key = re.sub(r"^(?:actual|estimated|anticipated)\s+", "", key)
            if key in _DESIGN:
                scheme = _DESIGN[key].replace("_", "-")
                setattr(record, _DESIGN[key], lookup(scheme, value.split("(")[0]) or lookup(scheme, value)
                        or (vocab_scheme(scheme).lookup_cut(value) if _cut_at_the_end(lines, index) else None))
            elif key == "enrollment":
                record.enrollment = parse_count(value)
            elif key == "study start date":
                record.start_date = parse_date(value)
            elif key == "study completion date":
                record.completion_date = parse_date(value)
            elif key == "official title" and official is None:
                official = value or None
        heading = re.match(r"^\s*(?:Current\s+)?(Primary|Secondary|Other)(?: Pre-specified)? Outcome Measures?\b", line)
        if heading:
            kind, superseded = heading.group(1).upper(), False
            under_heading = True
        elif re.match(r"^\s*Original\s+(?:Primary|Secondary|Other)(?: Pre-specified)? Outcome Measures?\b", line):
            kind, superseded = None, True
        outcome = _OUTCOME.match(line) or (under_heading and not heading and _LONE_OUTCOME.match(line))
        under_heading = bool(heading) or (under_heading and bool(_SUBMITTED.match(line)))
        if outcome and not superseded:
            record.outcomes.append(Outcome(kind, fold(outcome.group("measure")), fold(outcome.group("time"))))
    # The design rows' "Official Title: | Phase 1/ Phase 2 Study of the Therapeutic Effect of Ex-vivo Expanded Umbilical
    # Cord Blood Regulatory T Cells on Autoimmune Diabetes |" (NCT02932826; the 2019 page without pipes: "Official Title:
    # An Observational Clinical Study on ...", NCT03690310): the protocol's title beside the brief one, kept where it
    # differs from it (as the registry's JSON reader keeps it).
    record.official_title = official if official != record.title else None
    record.arms = _arms(lines, record.interventions) or _plain_arms(lines, record.interventions)
    if not record.arms:
        _describe_bulleted_interventions(lines, record.interventions)
    if not superseded:
        record.outcomes += _cut_outcome(lines, kind, bool(record.arms))
    record.sponsors = _sponsors(lines)
    record.brief_summary = _summary(lines) or _purpose(lines)
    record.detailed_description = _description(lines) or _old_description(lines)
    if not record.interventions:
        record.interventions = _results_interventions(lines)
    groups = _result_groups(lines, record.interventions) if not record.arms else []
    record.arms = record.arms or groups
    if not groups:
        record.detailed_description = "\n".join(filter(None, [record.detailed_description, _group_titles(lines),
                                                              _group_descriptions(lines)])) or None
    return record


#: The links under the header ("- Study Details", "- How to Read a Study Record"): the brief summary follows them.
_HEADER_LINK = re.compile(r"^\s*-\s*(?:Study Details|Tabular View|No Results Posted|Study Results|Disclaimer"
                          r"|How to Read a Study Record)\s*$")
#: What ends a brief summary: the conditions table, a "Detailed Description:" heading, the next part.
_SUMMARY_END = re.compile(r"^\s*(?:Condition or disease\s*(?:\||Intervention/treatment\b)|Detailed Description\s*:"
                          r"|Study Design\b|Arms and Interventions"
                          r"|Outcome Measures|Eligibility Criteria|Contacts and Locations|Sponsors and Collaborators"
                          r"|Study Type\b|Tracking Information)")


def _summary(lines: list[str]) -> str | None:
    """The brief summary: the paragraphs under the header's links, before the conditions table ("RATIONALE: Giving
    an infusion of donor lymphocytes …", NCT00534118), or under a "Brief Summary:" heading (NCT01174121).
    """
    heading = next((i for i, line in enumerate(lines) if re.match(r"^\s*Brief Summary\s*:", line)), None)
    if heading is None:
        heading = max((i for i, line in enumerate(lines) if _HEADER_LINK.match(line)), default=None)
    if heading is None:
        return None
    paragraphs = []
    for line in [re.sub(r"^\s*Brief Summary\s*:\s*", "", lines[heading]), *lines[heading + 1:]]:
        if _SUMMARY_END.match(line) or "|" in line:
            break
        if not _HEADER_LINK.match(line) and fold(line):
            paragraphs.append(fold(line))
    return "\n".join(paragraphs) or None


#: The 2012 page's sentence over its last known status ("Recruitment status was  Recruiting").
_UNKNOWN_STATUS = re.compile(r"^\s*The recruitment status of this study is unknown\b")
#: The 2008-2012 page's heading of its brief summary, alone on its line; what ends the summary under it (the conditions
#: table, the design rows).
_PURPOSE = re.compile(r"^\s*Purpose\s*$")
_PURPOSE_END = re.compile(r"^\s*(?:Conditions?\s+(?:Intervention\s+)?Phase\s*$|Condition or disease\b|Study Type\s*:"
                          r"|Study Design\s*:|Official Title\s*:)")


def _purpose(lines: list[str]) -> str | None:
    """The 2008-2012 page's brief summary, under its "Purpose" heading up to the conditions table: "1. To demonstrate the
    feasibility of leukapheresis and ex vivo activation of autologous NK cells in patients with metastatic NPC" / "2. To
    demonstrate the safety of low dose systemic IL-2 in combination with escalating doses of autologous Ex Vivo Activated
    NK cells …" (NCT00717184); "To study the efficacy and safety of autologous CIK cells infusion …" (NCT01498055).
    """
    start = next((i for i, line in enumerate(lines) if _PURPOSE.match(line)), None)
    if start is None:
        return None
    paragraphs = []
    for line in lines[start + 1:]:
        if _PURPOSE_END.match(line) or "|" in line:
            break
        if fold(line):
            paragraphs.append(fold(line))
    return "\n".join(paragraphs) or None


#: The 2008-2012 page's conditions table, its header "Condition Intervention Phase" ("Condition Phase" without
#: interventions) over its cells: run together on one line ("Metastatic Nasopharyngeal Drug: Interleukin, NK cells Phase
#: 1", NCT00717184) or one a line ("Lung Cancer" / "Phase 2" / "Phase 3", NCT01498055), up to a blank line.
_OLD_CONDITIONS = re.compile(r"^\s*Conditions?\s+(?:Interventions?\s+)?Phase\s*$")
_PHASE_ONLY = re.compile(r"^\s*(?:(?:Early\s+)?Phase\s+(?:\d|IV|I{1,3})(?:\s*/?\s*(?:Phase\s+)?(?:\d|IV|I{1,3})\b)*"
                         r"|Not Applicable|N/A)\s*$")


def _old_conditions_table(lines: list[str], record: TrialRecord) -> None:
    """The conditions, interventions and phases of the 2008-2012 page's table (:data:`_OLD_CONDITIONS`): a row of one line
    is parted as the 2019 page's; cells one a line are a phase, a typed intervention, or a condition.
    """
    cells = []
    for line in lines:
        if not fold(line):
            if cells:
                break
            continue
        cells.append(fold(line))
    if len(cells) == 1 and _FIRST_TYPED.search(cells[0]):
        _plain_conditions_row(cells[0], record)
        return
    for cell in cells:
        if _PHASE_ONLY.match(cell):
            record.phases += [phase for phase in parse_phases(cell) if phase not in record.phases]
        elif _TYPED_LINE.match(cell):
            record.interventions += [Intervention(name, kind) for kind, name in typed_interventions(cell) if name]
        elif not _FIRST_TYPED.search(cell):
            record.conditions.append(cell)


#: The 2008-2012 page's "Detailed Description:" heading alone on its line, and what ends the description under it.
_OLD_DESCRIPTION = re.compile(r"^\s*Detailed Description\s*:\s*$")
_OLD_DESCRIPTION_END = re.compile(r"\||^\s*(?:Arms\s+Assigned Interventions|Eligibility|Ages Eligible|Genders Eligible"
                                  r"|Accepts Healthy|Criteria|Contacts and Locations|Locations|Investigators|More Information"
                                  r"|Study Type\s*:|Biospecimen|Outcome Measures|Primary Outcome|Secondary Outcome)\b")


def _old_description(lines: list[str]) -> str | None:
    """The paragraphs under the 2008-2012 page's "Detailed Description:" heading ("We are investigating the use of immune
    cell therapy in metastatic Nasopharyngeal Cancer (NPC) …", NCT00717184), up to the next part of the page.
    """
    start = next((i for i, line in enumerate(lines) if _OLD_DESCRIPTION.match(line)), None)
    if start is None:
        return None
    paragraphs = []
    for line in lines[start + 1:]:
        if _OLD_DESCRIPTION_END.search(line):
            break
        if fold(line):
            paragraphs.append(fold(line))
    return "\n".join(paragraphs) or None


def _results_interventions(lines: list[str]) -> list[Intervention]:
    """The results view's interventions: "Interventions Biological: Umbilical Cord Mesenchymal Stem Cells …", then
    one a line ("Other: Vehicle + Heparin …") up to the next label (NCT04355728).
    """
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s*Interventions\s+[A-Z][A-Za-z ]*:", line)), None)
    if start is None:
        return []
    given = [fold(lines[start]).removeprefix("Interventions").strip()]
    for line in lines[start + 1:]:
        if not re.match(r"^\s*(?:Biological|Drug|Device|Procedure|Radiation|Behavioral|Genetic|Dietary Supplement"
                        r"|Combination Product|Diagnostic Test|Other)\s*:", line):
            break
        given.append(fold(line))
    return [Intervention(name, kind) for text in given for kind, name in typed_interventions(text) if name]


def _group_titles(lines: list[str]) -> str | None:
    """The results view's participant flow's group titles, run together on the line of their label: "Arm/Group Title Dose 1
    (2.5 x 10^6/k" (NCT00789776, the excerpt cut there). Where the titles are no arms (which title ends where cannot be
    read), they are the study's text: a group titled by its dose says the dose.
    """
    row = next((line for line in lines if re.match(r"^\s*Arm/Group Title\s+\S", line)), None)
    if row is None:
        return None
    return fold(row).removeprefix("Arm/Group Title").strip() or None


def _group_descriptions(lines: list[str]) -> str | None:
    """The results view's arm/group descriptions: the paragraphs under "Hide Arm/Group Description" (or "Arm/Group
    Description"), up to the next row of the participant flow ("Period Title", "Started"). They say what each group
    is given ("Participants in this group will be treated with two infusions of UC-MCSs …", NCT04355728); where the
    group titles, run together on one line, cannot be told apart, the paragraphs are the study's description, not arms.
    """
    return "\n".join(_group_paragraphs(lines)) or None


def _result_groups(lines: list[str], interventions: list[Intervention]) -> list[Arm]:
    """The participant flow's groups as arms, where their titles can be told apart. Each group's description is the arm's
    paragraph, then a paragraph for each of its interventions that starts with the intervention's name and a colon
    ("Umbilical Cord Mesenchymal Stem Cells + Heparin along with best supportive care.: UC-MSC will be administered at
    100x10^6 cells/infusion ...", NCT04355728): a paragraph that does not starts the next group. The titles stand run
    together ("UC-MSCs Group Control Group"); they part where each ends in the same word ("Group"), said as often as there
    are groups. Otherwise no arms are made.
    """
    groups: list[list[str]] = []
    for paragraph in _group_paragraphs(lines):
        if groups and any(paragraph.startswith(f"{i.name}:") for i in interventions):
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    titles = _split_titles(_group_titles(lines) or "", len(groups)) if len(groups) > 1 else []
    return [Arm(label=title, description=" ".join(group),
                interventions=[i.name for i in interventions if any(p.startswith(f"{i.name}:") for p in group)])
            for title, group in zip(titles, groups)]


def _split_titles(text: str, count: int) -> list[str]:
    """``count`` titles run together, parted where each ends with the same word, said ``count`` times."""
    words = text.split()
    if not words or words.count(words[-1]) != count:
        return []
    ends = [i + 1 for i, word in enumerate(words) if word == words[-1]]
    titles = [" ".join(words[start:end]) for start, end in zip([0, *ends[:-1]], ends)]
    return titles if all(titles) else []


def _group_paragraphs(lines: list[str]) -> list[str]:
    """The paragraphs under the participant flow's "Arm/Group Description" label."""
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s*(?:Hide )?Arm/Group Description\s*$", line)), None)
    if start is None:
        return []
    paragraphs = []
    for line in lines[start + 1:]:
        if re.match(r"^\s*(?:Period Title|Started|Completed|Not Completed|Arm/Group Title|Overall Number|Baseline"
                    r"|Outcome Measures|Adverse Events|Show |Hide )", line):
            break
        if fold(line):
            paragraphs.append(fold(line))
    return paragraphs


#: A value of the old record view's tracking table that is no text of the study: a date, "Same as current", an outcome.
_TRACKING_VALUE = re.compile(r"^(?:[A-Z][a-z]+ \d{1,2}, \d{4}|[A-Z][a-z]+ \d{4})\b|^(?:Same as current|Not Provided)$"
                             r"|\[\s*Time Frame:|^[•*-]\s")


def _archived_record(lines: list[str], source: SourceDocument) -> TrialRecord:
    """The old record view (NCT00769106, 2015): the brief title is the page's first line, the status its header
    sentence, and the tracking table's values follow the archive link without their labels; its prose (the titles
    again, the brief summary, the detailed description) is kept as the summary, the dates and outcomes left out.
    """
    marker = next(i for i, line in enumerate(lines) if _ARCHIVED.search(line))
    record = TrialRecord(source=source, identifiers=find_registry_ids(_ARCHIVED.search(lines[marker]).group(1)))
    record.title = next((fold(line) for line in lines if fold(line)), None)
    for line in lines[:marker]:
        record.status = archived_status(line) or record.status
    prose = [fold(line) for line in lines[marker + 1:] if fold(line) and not _TRACKING_VALUE.search(fold(line))]
    record.brief_summary = "\n".join(prose) or None
    return record


#: What ends the description under the conditions table: the design rows ("Study Type : | Interventional … |"),
#: the next part's heading.
_DESCRIPTION_END = re.compile(r"\||^\s*(?:Study Design|Arms and Interventions|Outcome Measures|Eligibility Criteria"
                              r"|Contacts and Locations|Sponsors and Collaborators)\b|^\s*(?:Layout table for\b|Study Type\s*:)")


#: The description's own heading over a paragraph of its design, alone on its line: "Study Design:" / "A phase I/II,
#: randomised, double-blind, placebo controlled, single-centre study of …" (clinicaltrials.gov NCT00285454) …
_DESCRIPTIONS_OWN_HEADING = re.compile(r"^\s*Study Design\s*:\s*$")
#: … not the page's design rows under it ("Study Design:" / "Allocation: Randomized", "Study Type : | …").
_DESIGN_ROW_NEXT = re.compile(r"^\s*(?:Allocation|Intervention Model|Masking|Primary Purpose|Observational Model|Time Perspective"
                              r"|Endpoint Classification|Study Type)\b|.*\|")


def _ends_description(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` ends the description: a heading or table of the page's own, but a "Study Design:" heading
    over a paragraph of prose, which is the description's (_DESCRIPTIONS_OWN_HEADING).
    """
    if not _DESCRIPTIONS_OWN_HEADING.match(lines[index]):
        return bool(_DESCRIPTION_END.search(lines[index]))
    following = next((later for later in lines[index + 1:index + 4] if later.strip()), "")
    return bool(_DESIGN_ROW_NEXT.match(following))


def _description(lines: list[str]) -> str | None:
    """The study's description as a saved page keeps it: the paragraphs right under the conditions table's row
    ("This study proposes to extract, concentrate, and activate gamma delta T-cells from the peripheral blood …"),
    up to the design rows, with any "Detailed Description:" heading left out.
    """
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s*Condition or disease\s*\|", line)), None)
    if start is not None:
        start += 3  # the header, its rule, the row
    else:
        # the 2019 page: the header line without pipes, then the row's one line
        start = next((i for i, line in enumerate(lines) if _PLAIN_CONDITIONS.match(line)), None)
        if start is None:
            return None
        start = next((i + 1 for i in range(start + 1, len(lines)) if fold(lines[i])), len(lines))
    paragraphs = []
    for index, line in enumerate(lines[start:], start):
        if _ends_description(lines, index):
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
    ended = False  # the table ends before the page does
    for line in lines[start + 1:]:
        if not cells[-1] and (not line.strip() or re.match(r"^\s*-{3}\|", line)):
            continue  # the header's rule, blank lines between rows
        if not cells[-1] and len(cells) % 2 == 1 and _AFTER_ARMS.match(line):
            ended = True
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
        if index + 1 < len(cells):
            _describe_interventions(cells[index + 1], interventions)
    if arms and not ended and len(cells) % 2 == 0 and cells[-1]:
        # the excerpt ends in the last row's intervention cell, its last intervention cut mid-word: "Drug: Allogeneic
        # adipose-derived mesen" (clinicaltrials.gov NCT05362786, Dose Arm 2): that arm gives what the excerpt holds,
        # as the conditions row's cut cell reads (one the page names whole is the page's own)
        kind, name = (typed_interventions(" ".join(cells[-1])) or [(None, "")])[-1]
        if kind and name and not arms[-1].interventions and not any(_names(name, i.name) for i in interventions):
            interventions.append(Intervention(name, kind))
            arms[-1].interventions.append(name)
    return arms


#: The 2019 page's conditions table, its pipes lost: "Condition or disease Intervention/treatment Phase" over one line
#: "Refractory B-Cell Lymphoma Biological: Anti-CD19 CAR NK Cells Early Phase 1" (NCT03690310).
_PLAIN_CONDITIONS = re.compile(r"^\s*Condition or disease\s+Intervention/treatment\s+Phase\s*$")
_INTERVENTION_TYPE = (r"(?:Biological|Drug|Device|Procedure|Radiation|Behavioral|Genetic|Dietary Supplement"
                      r"|Combination Product|Diagnostic Test|Other)\s*:")
_FIRST_TYPED = re.compile(rf"(?:^|\s){_INTERVENTION_TYPE}")
#: The phase cell at the row's end: "Early Phase 1", "Phase 1 Phase 2", "Not Applicable".
_PHASE_CELL = re.compile(r"\s(?:(?:Early\s+)?Phase\s+(?:\d|IV|I{1,3})(?:\s*/?\s*(?:Phase\s+)?(?:\d|IV|I{1,3})\b)*"
                         r"|Not Applicable|N/A)\s*$")


def _plain_conditions_row(row: str, record: TrialRecord, cut: bool = False) -> None:
    """The conditions table's row with its cells run together: the conditions before the first typed intervention, the
    interventions up to the phase cell at the end. A row without a typed intervention or a phase is left unread (where
    its cells part cannot be told), unless the page's excerpt ends in it: then its interventions are those before the
    one it cuts ("... Biological: TGFbDNRII-transduced Autologou", clinicaltrials.gov/show/NCT02650986), as in the
    row with pipes.
    """
    typed, phase = _FIRST_TYPED.search(row), _PHASE_CELL.search(row)
    if not typed or (phase.start() <= typed.start() if phase else not cut):
        return
    record.conditions = split_spaced_conditions(row[:typed.start()])
    items = typed_interventions(row[typed.start():phase.start() if phase else None])
    record.interventions = [Intervention(name, kind) for kind, name in (items if phase else items[:-1]) if name]
    if phase:
        record.phases = parse_phases(phase.group(0))


#: The 2019 page's arms table, its pipes lost (NCT03690310), and the parts of the page after it.
_PLAIN_ARMS_HEADER = re.compile(r"^\s*Arm\s+Intervention/treatment\s*$")
_PLAIN_ARMS_END = re.compile(r"^\s*(?:Outcome Measures|Primary Outcome|Secondary Outcome|Eligibility Criteria"
                             r"|Contacts and Locations|Sponsors and Collaborators|More Information)\b")
_ARM_LINE = re.compile(r"^\s*(?P<type>Experimental|Active Comparator|Placebo Comparator|Sham Comparator|No Intervention"
                       r"|Other)\s*:\s*(?P<label>\S.*?)\s*$")
_TYPED_LINE = re.compile(rf"^\s*{_INTERVENTION_TYPE}")


def _plain_arms(lines: list[str], interventions: list[Intervention]) -> list[Arm]:
    """The arms table without pipes: each row is its arm's typed label ("Experimental: Anti-CD19 CAR NK Cells"), the
    arm's description ("Total dose of 50-600 thousand /kg Anti-CD19 CAR NK cells ..."), then its typed interventions
    ("Biological: CAR-CD19 T Cells"), each over its description. An "Other:" line names an intervention where it names
    one of the page's, an arm otherwise.
    """
    start = next((i for i, line in enumerate(lines) if _PLAIN_ARMS_HEADER.match(line)), None)
    if start is None:
        return []
    names = {i.name for i in interventions}
    rows: list[tuple[re.Match[str], list[str], list[str]]] = []  # (arm line, description lines, intervention lines)
    for line in lines[start + 1:]:
        text = fold(line)
        if _PLAIN_ARMS_END.match(text) or _OUTCOME.match(text) or (not rows and text and not _ARM_LINE.match(text)):
            break
        arm = _ARM_LINE.match(text)
        typed = _TYPED_LINE.match(text)
        if arm and not (arm.group("type") == "Other" and arm.group("label") in names):
            rows.append((arm, [], []))
        elif text and (typed or rows[-1][2]):
            rows[-1][2].append(text)
        elif text:
            rows[-1][1].append(text)
    arms = []
    for arm, description, cell in rows:
        arms.append(Arm(label=fold(arm.group("label")), type=lookup("arm-type", arm.group("type")),
                        description=" ".join(description) or None,
                        interventions=[i.name for i in interventions if any(_names(line, i.name) for line in cell)]))
        _describe_interventions(cell, interventions)
    return arms


def _describe_interventions(cell: list[str], interventions: list[Intervention]) -> None:
    """Give each intervention the description its cell prints under its typed name ("Biological: Autologous CAR-T" over
    "Patients will be drawn 50-100 ml blood to obtain enough peripheral blood mononuclear cells (PBMC) for CAR-T
    manufacturing. ...", NCT03121625), up to its "Other Name:" line, the next typed name, or an outcome line where an
    excerpt's table breaks off.
    """
    by_name = {i.name: i for i in interventions}
    current: Intervention | None = None
    text: list[str] = []
    for line in [*map(fold, cell), None]:
        named = line is not None and next((by_name[name] for kind, name in typed_interventions(line)
                                           if kind and name in by_name and _names(line, name)
                                           and fold(line).endswith(name)), None)
        if line is None or named or line.startswith("Other Name") or _AFTER_ARMS.match(line) or _OUTCOME.match(line):
            if current is not None and current.description is None and text:
                current.description = " ".join(text)
            current, text = named or None, []
            continue
        if current is not None and line:
            text.append(line)


_BULLET = re.compile(r"^\s*[-•*]\s+(?P<rest>\S.*)$")


def _describe_bulleted_interventions(lines: list[str], interventions: list[Intervention]) -> None:
    """A page with no arms table (the expanded-access view) prints each intervention as a bullet of its typed name over
    its description: "- Biological: Lifileucel" over "A portion of the patient's tumor is resected ... followed by a
    short course of high-dose IL-2.Other Name: LN-144" (NCT05398640). The description runs to a blank line or the next
    bullet; its "Other Name:" is no part of it.
    """
    by_name = {i.name: i for i in interventions}
    for index, line in enumerate(lines):
        bullet = _BULLET.match(line)
        named = bullet and next((by_name[name] for kind, name in typed_interventions(bullet.group("rest"))
                                 if kind and name in by_name and fold(bullet.group("rest")).endswith(name)), None)
        if not named or named.description is not None:
            continue
        text = []
        for following in lines[index + 1:]:
            if not following.strip() or _BULLET.match(following):
                break
            text.append(fold(following))
        description = re.split(r"\s*Other Names?:", " ".join(text))[0].strip()
        named.description = description or None


def _names(cell: str, name: str) -> bool:
    """Whether an intervention cell names ``name`` after a type ("Drug: Cytarabine"), not only in a description."""
    return bool(re.search(rf"(?:^|\s)[A-Z][A-Za-z ]*:\s*{re.escape(name)}(?=\s|$)", fold(cell)))


#: The parts of a classic page the reader reads, by the line that shows each.
_PARTS = {"identifier": _IDENTIFIER, "archive link (old record view)": _ARCHIVED,
          "recruitment status": re.compile(r"^\s*Recruitment Status\s*:"),
          "brief summary": re.compile(r"^\s*Brief Summary\s*:"),
          "purpose (2008-2012 page)": _PURPOSE,
          "interventions (results view)": re.compile(r"^\s*Interventions\s+[A-Z][A-Za-z ]*:"),
          "group descriptions (results view)": re.compile(r"^\s*(?:Hide )?Arm/Group Description\s*$"),
          "conditions, interventions and phase": re.compile(r"^\s*Condition or disease\s*(?:\||Intervention/treatment)"
                                                            rf"|{_OLD_CONDITIONS.pattern}"),
          "detailed description (2008-2012 page)": _OLD_DESCRIPTION,
          "design": re.compile(r"^\s*(?:Study Type|Allocation|Intervention Model|Masking|Primary Purpose)\s*:"),
          "official title": re.compile(r"^\s*Official Title\s*:"),
          "arms": re.compile(rf"{_ARMS_HEADER.pattern}|{_PLAIN_ARMS_HEADER.pattern}"),
          "outcomes": re.compile(r"^\s*(?:Current\s+)?(?:Primary|Secondary|Other)(?: Pre-specified)? Outcome Measures?\b")}


#: A bulleted line: an outcome's measure when the excerpt ends in it before its "[ Time Frame: ... ]".
_BULLETED = re.compile(r"^\s*[-•*]\s*(?P<measure>\S.*)$")


def _cut_outcome(lines: list[str], kind: str | None, after_arms: bool) -> list[Outcome]:
    """The outcome the page's excerpt ends in, before its time frame: its last line with text bulleted, right after
    an outcome or the arms table's last cell ("Other Name: Cisplatin |" / "- Progression-free survi", NCT01631357;
    "- Change From Baseline in western Ontario", NCT03166865). A bulleted last line anywhere else is not read.
    """
    texts = [line for line in lines[-40:] if line.strip()]
    if len(texts) < 2:
        return []
    last, before = _BULLETED.match(texts[-1]), texts[-2]
    if not last or _OUTCOME.match(texts[-1]) or not (_OUTCOME.match(before) or after_arms and before.rstrip().endswith("|")):
        return []
    return [Outcome(kind, fold(last.group("measure")))]


def _cut_at_the_end(lines: list[str], index: int) -> bool:
    """Whether the page's excerpt ends inside line ``index``: its last line with text, its cell not closed by a "|"
    ("Allocation: | Non-Randomi", clinicaltrials.gov NCT03533816).
    """
    return not lines[index].rstrip().endswith("|") and not any(line.strip() for line in lines[index + 1:])


def outline(text: str) -> Outline:
    """The parts of the page the reader reads, in the order it names them."""
    lines = text.split("\n")
    return Outline(tuple(part for part, pattern in _PARTS.items() if any(pattern.search(line) for line in lines)))
