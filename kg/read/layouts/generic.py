"""Any other trial page: labelled sections and "Label: value" lines found from a table of the
labels trial sites use, register numbers anywhere in the text.

The generic reader is asked last, when no dedicated reader claims a page. It reads what
it can with confidence — a field only from a label it knows, a register number only in
a register's own format — and says which lines it left unread (``kg build --explain``).
It never invents: a page without a number of its own is refused. Without a register number,
that is the sponsor's number where the page labels it ("Study ID", "Protocol Number" beside a
status, the NIH Clinical Center's "Number"), heads with it ("… (Protocol 275)", "Protocol SAKK
11/16: …", a study group's "EA3202" alone above a status, "Pregnancy (GBG 29)", a network's "USO 22284" alone over the
title on a page heading eligibility, "HO133 News" where HOVON runs the study) or designates its study by it ("the study
(CELZ-201)").
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from kg.model.identifiers import find_registry_ids, listed_identifiers
from kg.model.records import Arm, Identifier, Intervention, Organization, Outcome, Site, SourceDocument, TrialRecord
from kg.model.text import fold, split_glued, strip_bullet
from kg.model.vocab import lookup
from kg.read.parse import prose_pages
from kg.read.parse.criteria import criteria_from_lines, criteria_from_mixed_lines
from kg.read.parse.cues import (
    archived_status,
    background_summary,
    badge,
    first_line_title,
    given_paragraphs,
    group_news_number,
    group_number_line,
    group_number_lines,
    group_serial_heading,
    icon_tags,
    listed_group_numbers,
    named_trial_heading,
    number_sentence,
    number_under_officer,
    numbers_line,
    official_title_line,
    pdq_objectives,
    pdq_outline,
    pdq_summary,
    phase_line,
    phase_under_header,
    protocol_heading,
    protocol_heading_line,
    record_number_line,
    referred_own_number,
    registration_statement,
    registry_design_line,
    sponsor_line,
    stated_design,
    stated_eligible_people,
    stated_enrollment,
    stated_masking,
    stated_phase,
    stated_site,
    stated_start,
    stated_status,
    stated_study,
    stated_study_type,
    summary_paragraph,
    summary_within_paragraph,
    title_above_number_label,
    title_above_summary,
    title_after_labelled_number,
    title_after_number,
    title_before_contents,
    title_before_identifier,
    title_cut_short,
    title_named_by_number,
    title_opened_by,
    title_over_number_sentence,
    title_under_group_serial,
    title_under_number,
    treatment_called,
    typed_intervention_list,
    without_icon_names,
)
from kg.read.parse.fields import (
    group_sizes,
    parse_age_range,
    parse_age_years,
    parse_count,
    parse_date,
    parse_phases,
    typed_interventions,
    value_or_none,
)
from kg.read.parse.labels import LABELS, Reading, label_of, reading
from kg.read.parse.outcomes import TIME_SPAN
from kg.read.parse.sites import sites_from_lines
from kg.read.reader import Outline

__all__ = ["LAYOUT", "claims", "read", "outline", "page_identifiers", "LABELS", "Reading", "reading"]

LAYOUT = "generic"

def claims(text: str) -> bool:
    """Any page that shows a register number of its own and at least two fields the reader
    can read (labels of the table, a badge line, a statement or title by the register number),
    or that labels its number, heads its record with it on a line of its own, or refers its reader to the
    registry's record by it; or a page about one trial that names it by its number in a sentence (a news item).
    """
    text = without_icon_names(text)  # "labelAllogeneic Cell Therapy": an icon's name glued to the line
    if _LISTING_HEADING.search(text):
        return False
    return _trial_page(text) or bool(prose_pages.one_trial_in_prose(text))


#: A heading, alone on its line, over a list of trials: "Clinical Studies Ongoing" (lls.org, generic-holdout), "Current
#: Clinical Trials" (hoacny.com); not "Clinical Trials" alone, a site's section over one trial's page.
_LISTING_HEADING = re.compile(r"(?im)^[ \t]*(?:(?:current|ongoing|open|active|recruiting)[ \t]+(?:clinical[ \t]+)?"
                              r"(?:studies|trials)|(?:clinical[ \t]+)?(?:studies|trials)[ \t]+(?:ongoing|recruiting|open))"
                              r"[ \t]*$")


def _trial_page(text: str) -> bool:
    """A trial's own page (:func:`claims`), not one that only names its trial in prose."""
    if listed_group_numbers(text) or _LISTING_HEADING.search(text):
        # a study group's list of its trials ("Alliance A012301: LoTam: …" / "Alliance A032201: …"), whatever register
        # number one entry labels (allianceforclinicaltrialsinoncology.org); a list under its heading ("Clinical
        # Studies Ongoing" / "… ClinicalTrials.gov identifier: NCT03557970" / the next study, lls.org)
        return False
    found = reading(text)
    identifiers = page_identifiers(text, found)
    if not identifiers:
        return False
    if _labelled_own_number(found) \
            or identifiers in (_labelled_study_id(found), _labelled_protocol_number(found), [protocol_heading(text)],
                               _group_number(text, found), [group_serial_heading(text)]) \
            or referred_own_number(text) in {i.value for i in identifiers} \
            or record_number_line(text, identifiers) is not None or numbers_line(text, identifiers) \
            or number_under_officer(text, identifiers) or _head_badge_number(text, identifiers):
        return True
    if len(find_registry_ids(text)) > len(identifiers):
        # two numbers of one register and no label saying which is the page's: a news item on two trials ("… evaluated in
        # the phase 2a clinical trial GAlette (NCT05626114)" / "… a dose-escalation study (NCT02286089) …",
        # glance.eyesoneyecare.com), whose phase and title may be either's
        return False
    status, phases, _ = _badge(text)
    status, phases = status or stated_status(text), phases or stated_phase(text, identifiers) or phase_line(text)
    return (len(found.sections) + bool(status) + bool(phases) + bool(title_before_identifier(text, identifiers))
            + _stated_summary(text) + registry_design_line(text)) >= 2


#: A phase and the register number after it in the dot-separated facts heading a trial's profile: "FDA Approved · Apr 4,
#: 2024Triple-class-exposed R/R MyelomaPhase 3 · NCT03651128BMS / 2seventy bio" (kolpulse.com, generic-holdout4).
_PHASE_DOT_NUMBER = re.compile(r"(?i)phase\s*(?:[0-4]|iv|i{1,3})[ab]?(?:\s*/\s*(?:phase\s*)?(?:[0-4]|iv|i{1,3})[ab]?)?"
                               r"\s*[·•]\s*(?P<number>[A-Za-z]{2,12}[\w-]{4,30})")


def _head_badge_number(text: str, identifiers: list[Identifier]) -> bool:
    """The page's first line gives its trial's phase and then, after a dot, its register number, the only number the
    page shows: the site's badge of the trial, heading its own page. A phase and a number in a sentence ("a Phase 3 trial
    (NCT03651128)") are no badge.
    """
    first = next((line for line in islice(text.split("\n"), 5) if line.strip()), "")
    match = _PHASE_DOT_NUMBER.search(first)
    numbered = find_registry_ids(match.group("number")) if match else []
    return bool(numbered) and numbered[0] in identifiers and len(find_registry_ids(text)) == 1


def _stated_summary(text: str) -> bool:
    """A paragraph saying what this trial does ("This trial is testing a new treatment called CAR-TA T cells…"), on a
    page that states one register number and no other, and does not report where its trial was registered as a paper
    does ("This trial was registered at www.clinicaltrials.gov as #NCT01287104"), the number apart from that paragraph:
    a sign of the trial's own page.
    """
    shown = {identifier.value for identifier in find_registry_ids(text)}
    summary = summary_paragraph(text.split("\n")) if len(shown) == 1 and not registration_statement(text) else None
    # the number stated apart from that paragraph: "This study is linked the ACT-I Phase I trial (ACTRN12618000076279)"
    # names another trial in the only sentence that has a number
    return summary is not None and shown.pop() not in summary


def _labelled_own_number(found: Reading) -> bool:
    """A page that labels its own register number ("NCT ID: NCT05333705", "NCT Number: …",
    "ClinicalTrials.gov Identifier: …", "Trial ID NCT…") is a trial's page, whatever else it
    shows; a label over numbers of one register (a table's "NCT Number" column) is not.
    """
    labelled = find_registry_ids("\n".join(found.sections.get("registration", [])))
    return bool(labelled) and len({i.scheme for i in labelled}) == len(labelled)


def page_identifiers(text: str, found: Reading) -> list[Identifier]:
    """The register numbers of the page's own trial.

    Numbers under the page's registration and secondary-id labels, when it has them: a number
    in its text ("linked to the ACT-I trial (ACTRN12618000076279)") is another trial's. Without
    such labels, every number the page shows, the first of each register; none on a page with
    three numbers of one register (a review's table, a search result), which lists trials.
    """
    labelled = find_registry_ids("\n".join(found.sections.get("registration", []) + found.sections.get("sponsor_ids", [])
                                           + found.sections.get("secondary_ids", [])))
    if labelled:
        return labelled
    shown = find_registry_ids(text)
    if any(count >= 3 for count in Counter(identifier.scheme for identifier in shown).values()):
        return []
    if not shown:
        # No register number anywhere: the study id the page labels as its own ("Study ID" over "FHCRC-1803") keys it,
        # or the protocol number its heading ends with ("… Graft Versus Host Disease (Protocol 275)").
        heading = protocol_heading(text)
        # (or the study group's number heading the page, "EA3202", or in brackets after its heading, "Pregnancy (GBG 29)";
        # or the sponsor's designation of the study in prose: "the study (CELZ-201)")
        serial = group_serial_heading(text)
        return (_labelled_study_id(found) or _labelled_protocol_number(found) or ([heading] if heading else [])
                or _group_number(text, found) or ([serial] if serial else []) or prose_pages.designated_study(text))
    return [identifier for index, identifier in enumerate(shown)
            if all(other.scheme != identifier.scheme for other in shown[:index])]


def _labelled_study_id(found: Reading) -> list[Identifier]:
    """The first value under a label of the page's own number ("Study ID"), when it reads as an identifier (the
    sponsor's own, scheme ORG); a secondary or protocol number alone keys no trial.
    """
    values = [value for value in map(value_or_none, found.sections.get("registration", [])) if value]
    return listed_identifiers(values[:1])


def _labelled_protocol_number(found: Reading) -> list[Identifier]:
    """The sponsor's protocol number a page labels beside its trial's status, on a page with no register number: a
    hospital's page of a sponsor's trial ("Status" / "Closed", "Protocol Number" / "EX9536-4388", inova.org), keyed by
    that number (scheme ORG). Without a status the label alone makes no trial page (a protocol number in a document
    list, a form).
    """
    if not _values(found, "status"):
        return []
    values = [value for value in map(value_or_none, found.sections.get("sponsor_ids", [])) if value]
    return listed_identifiers(values[:1])


def _group_number(text: str, found: Reading) -> list[Identifier]:
    """The study group's number heading a page with no register number (:func:`group_number_line`), when the page labels
    its trial's status ("STATUS: Active", ecog-acrin.org) or opens the title with that number ("NRG-GI002: A Phase II …",
    nrgoncology.org): the sponsor's id (scheme ORG). A code alone at a page's head with neither (a product's name, a
    document's reference) keys nothing.
    """
    number = group_number_line(text)
    if number and (_values(found, "status") or title_opened_by(text, number) or _titled_criteria(text, number)):
        return [Identifier(number, "ORG")]
    news = group_news_number(text)
    return [Identifier(news, "ORG")] if news else []


def _group_number_title(text: str, identifiers: list[Identifier]) -> str | None:
    """The title under the study group's number that alone keys the page ("USO 22284" / "Molecularly Informed Lung Cancer
    Treatment in a Community Cancer Network: … Module A: Project ENGAGE: …", virginiacancer.com).
    """
    keyed = len(identifiers) == 1 and identifiers[0].scheme == "ORG"
    return title_under_number(text, identifiers[0].value) if keyed else None


#: A section's heading "Overview", perhaps numbered: "1. Overview" (hovon.nl's study page).
_OVERVIEW_HEADING = re.compile(r"(?i)(?:\d{1,2}\.\s*)?(?:study\s+)?overview")
#: A paragraph describing a trial by its design: "Randomized, three-arm, parallel-group, open label, international phase
#: III trial comparing …"; not news ("18APR2018: Study documents …") nor the site's notes.
_DESIGN_OPENING = re.compile(r"(?i)^(?:[\w/-]+,?\s+){0,10}?(?:phase\s+[IV0-4/]+[ab]?\s+)?(?:trial|study)\s+"
                             r"(?:comparing|evaluating|testing|investigating|assessing)\b")


def _overview_paragraph(text: str) -> str | None:
    """The paragraph under the page's "Overview" heading, when it opens by describing the trial's design: the study page
    of a cooperative group ("1. Overview" / "Randomized, three-arm, parallel-group, open label, international phase III
    trial comparing six alternating courses of R-CHOP/R-DHAP …", hovon.nl). A heading over a table of contents ("1.
    Overview" / "Study details") or over other prose gives none.
    """
    lines = [fold(line) for line in text.split("\n") if line.strip()]
    return next((following for heading, following in zip(lines, lines[1:])
                 if _OVERVIEW_HEADING.fullmatch(heading) and len(following) >= 80 and _DESIGN_OPENING.match(following)), None)


#: A heading over a trial's eligibility criteria, alone on its line: "Eligibility Requirements:" (virginiacancer.com).
_ELIGIBILITY_HEADING = re.compile(r"(?im)^[ \t]*(?:eligibility|inclusion)(?:[ \t]+(?:criteria|requirements))?[ \t]*:?[ \t]*$")


def _titled_criteria(text: str, number: str) -> bool:
    """The one study group's number on the page, alone on its line with the title under it, on a page that heads its
    eligibility criteria: a practice's page of the network's trial ("USO 22284" / "Molecularly Informed Lung Cancer
    Treatment …" / "Disease Types: …" / "Eligibility Requirements:", virginiacancer.com). Not a list of the network's
    trials (two such numbers), nor a number without a title under it.
    """
    return bool(_ELIGIBILITY_HEADING.search(text)) and group_number_lines(text) == 1 and bool(title_under_number(text, number))


def _unwrapped(values: list[str]) -> list[str]:
    """A field's values with the lines a value was wrapped onto joined to it: a line that goes on in lower case ("TITULO
    PÚBLICO Tratamiento de la discopatía degenerativa lumbar con células" / "mesenquimales alogénicas (MSV*).",
    nomenclator.org).

    >>> _unwrapped(["Tratamiento de la discopatía degenerativa lumbar con células", "mesenquimales alogénicas (MSV*)."])
    ['Tratamiento de la discopatía degenerativa lumbar con células mesenquimales alogénicas (MSV*).']
    >>> _unwrapped(["A Study of NK Cells", "Phase 1"])
    ['A Study of NK Cells', 'Phase 1']
    """
    joined: list[str] = []
    for value in values:
        if joined and value[:1].islower():
            joined[-1] = f"{joined[-1]} {value}"
        else:
            joined.append(value)
    return joined


def _first(found: Reading, name: str) -> str | None:
    values = _values(found, name)
    return values[0] if values else None


#: A phase field's value, its numbers without the word: "0" (WHO), "I,II" (UMIN-ICDS's "Phase I,II" under a label).
_BARE_PHASES = re.compile(r"(?:[0-4]|I{1,3}V?|IV)(?:\s*[,/]\s*(?:[0-4]|I{1,3}V?|IV))*")


def _values(found: Reading, name: str) -> list[str]:
    return [v for v in (value_or_none(line) for line in found.sections.get(name, [])) if v]


def _badge(text: str) -> tuple[str | None, list[str], str | None]:
    return next((found for found in map(badge, text.split("\n")) if found[0] or found[1]), (None, [], None))


#: Register codes a page prints after a value ("Graft Versus Host Disease 256537 0").
_TRAILING_CODES = re.compile(r"(?:\s+\d+){2,}\s*$|\s+\d{5,}\s*$")
#: A field written under the summary's heading, its value all in quotes: the protocol's title a cancer institute's page
#: gives there ("Summary" / "Protocol Tiltle:  "A Randomized Phase III Post-Operative Trial of Platinum Based Chemotherapy
#: Vs. Capecitabine …"", usahealthsystem.com), a name, not the summary's prose.
_QUOTED_FIELD = re.compile(r'^[A-Z][A-Za-z ]{2,30}:\s*["“][^"”]{10,}["”]\.?$')
#: Prose, not a field's token: a capitalised sentence of eight words or more, ending in a full stop.
_SENTENCES = re.compile(r"^[A-Z][^.]*(?:\s+\S+){7,}.*\.$")


def read(text: str, source: SourceDocument) -> TrialRecord:
    """Read what the labels state, and what a badge line or the title before the register
    number states; leave the rest.
    """
    tags = icon_tags(text)  # "labelAllogeneic Cell Therapy": the trial's keywords
    text = without_icon_names(text)
    found = reading(text)
    record = TrialRecord(source=source, identifiers=page_identifiers(text, found), keywords=tags)
    known = {i.value for i in record.identifiers}
    listed = listed_identifiers(found.sections.get("sponsor_ids", [])) + listed_identifiers(
        found.sections.get("secondary_ids", []), unknown="OTHER")
    record.identifiers += [i for i in listed if i.value not in known]
    titles = _unwrapped(_values(found, "title")) + _unwrapped(_values(found, "official_title"))
    # "… the study (NCT06991361) titled 'Ex Vivo-Expanded (EVE) Regulatory T Cells …'": the text before the number is
    # the sentence that names it, no title.
    record.title = (next(iter(titles), None) or title_cut_short(text) or title_named_by_number(text, record.identifiers)
                    or title_before_identifier(text, record.identifiers)
                    or title_after_number(text, record.identifiers) or _group_number_title(text, record.identifiers)
                    or first_line_title(text)
                    or protocol_heading_line(text)
                    or title_after_labelled_number(text, record.identifiers)
                    or title_under_group_serial(text) or title_above_number_label(text, record.identifiers)
                    or title_before_contents(text) or title_above_summary(text) or _markdown_title(text)
                    or named_trial_heading(text))
    # The registry's official title, which a page labels beside the public one or prints on the line under its title
    # (findatrial.com, seattlecca.org, trialfinderdata.org): the trial's own words, the record's official title.
    official = [value for value in _unwrapped(_values(found, "official_title"))[:1] if value != record.title] or list(
        filter(None, [official_title_line(text, record.title)]))
    badge_status, badge_phases, badge_type = _badge(text)
    # The first status the vocabulary knows: "No longer recruiting" says less than "Completed" after it.
    # (a labelled value may be ClinicalTrials.gov's old header sentence, copied: "目前研究進度 This study has been
    # completed.", vectorite.com.tw NCT00815321)
    record.status = (next(filter(None, (lookup("status", value) or archived_status(value)
                                        for value in _values(found, "status"))), None)
                     or badge_status or stated_status(text))
    phase = _first(found, "phase")
    if phase and _BARE_PHASES.fullmatch(phase.strip()):
        phase = f"Phase {phase}"  # "Phase:  0" on WHO records, "Phase I,II" (UMIN's "Developmental phase")
    record.phases = (parse_phases(phase) or badge_phases or stated_phase(text, record.identifiers) or phase_under_header(text)
                     or phase_line(text) or next((p for p in map(parse_phases, [record.title or "", *titles]) if p), []))
    stated_conditions, stated_sponsor = stated_study(text, record.identifiers)
    record.conditions = list(dict.fromkeys(c for line in _wrapped(found.sections.get("conditions", []))
                                           for part in _listed(strip_bullet(line)) for c in split_glued(part) if value_or_none(c)))
    record.conditions = record.conditions or stated_conditions
    # (or as an article's sentence opening with the trial's number says it: "NCT01691625 (study ID: JR-01) was a
    # single-centre interventional study sponsored by Capital Medical University, conducted at …", cancerfax.com)
    told = number_sentence(text, record.identifiers)
    record.identifiers += [Identifier(told.own_id, "ORG")] if told.own_id and told.own_id not in known else []
    sponsor = (_sponsor(_organisations(_values(found, "sponsor"))) or sponsor_line(text) or stated_sponsor
               or told.sponsor)
    record.sponsors = [Organization(sponsor, "LEAD")] if sponsor else []
    record.sponsors += [Organization(name, "COLLABORATOR") for name in _organisations(_values(found, "collaborators"))
                        if name != sponsor]
    record.sponsors += [Organization(name) for name in map(_funder_name, _organisations(_values(found, "funders"))[:1])
                        if name not in {organization.name for organization in record.sponsors}]
    own = {i.value for i in record.identifiers}
    record.related_ids = list(dict.fromkeys(i.value for i in find_registry_ids("\n".join(found.sections.get("related", [])))
                                            if i.value not in own))
    # A "Purpose:" over sentences rather than a purpose token is the trial's summary, as the NCI's patient version of
    # PDQ heads it ("Purpose:" / "Giving an infusion of natural killer cells from a donor … may help kill …").
    stated_purpose = [value for value in _values(found, "primary_purpose")
                      if not lookup("primary-purpose", value) and len(value.split()) > 8]
    # The NCI's summary unlabelled ("RATIONALE: … PURPOSE: …", findmecure.com, seattlecca.org) is the trial's summary.
    # (a paragraph under the interventions label describes them, not the trial: "Description of intervention(s) /
    # exposure" / "This study will determine the efficacy of autologous adipose derived mesenchymal stem cell
    # injections …", anzctr.org.au)
    describing = {fold(line) for line in found.sections.get("interventions", [])}
    record.brief_summary = (" ".join(fold(line) for line in found.sections.get("brief_summary", [])
                                     if not _QUOTED_FIELD.match(fold(line)))
                            or " ".join(map(fold, stated_purpose)) or pdq_summary(text.split("\n"))
                            or background_summary(text.split("\n"))
                            or summary_paragraph([line for line in text.split("\n") if fold(line) not in describing])
                            or _overview_paragraph(text) or summary_within_paragraph(found.unread))
    record.detailed_description = "\n".join(fold(line) for line in found.sections.get("detailed_description", [])) or None
    # … and its objectives ("OBJECTIVES: I. Compare the efficacy of CYTOIMPLANT (intratumor implants of allogeneic
    # peripheral blood mononuclear cells …) vs gemcitabine"), part of its description as the registry keeps them.
    objectives = pdq_objectives(text.split("\n"))
    if objectives and objectives not in (record.detailed_description or "") + (record.brief_summary or ""):
        record.detailed_description = "\n".join(filter(None, [record.detailed_description, objectives]))
    # (and sentences under a design field, after its value: "Masking open label" / "Primary purpose supportive care" /
    # "mage-a4 tcr gene-modified t cells" / "The study consists of a 2-dose escalation scheme, ... The starting dose is 1-3
    # x 10^9 cells ...", smartpatients.com NCT01694472: the study's description of its design and treatment)
    design_prose = [fold(line) for name in ("study_design", "allocation", "intervention_model", "masking")
                    for line in found.sections.get(name, [])[1:] if _SENTENCES.match(fold(line))]
    record.design_description = " ".join([fold(line) for line in found.sections.get("design_description", [])]
                                         + design_prose) or None
    record.official_title = next((value for value in official
                                  if value not in (record.detailed_description or "") + (record.brief_summary or "")), None)
    # the NCI's outline, unlabelled for the table of labels, says what the patients receive (cancer.gov NCI-2020-14066)
    outline_text = pdq_outline(text.split("\n"))
    if outline_text and outline_text not in (record.detailed_description or "") + (record.brief_summary or ""):
        record.detailed_description = "\n".join(filter(None, [record.detailed_description, outline_text]))
    # Paragraphs no label heads that say what the participants are given ("You'll receive preparation chemotherapy for a
    # few days, then the engineered cells are infused into your bloodstream."): the trial's treatment, as a description.
    known = (record.detailed_description or "") + (record.brief_summary or "")
    # (an "OUTLINE: …" paragraph is the outline already taken, without its heading)
    # (and under a design label: "Study Design" / "... the patient receives twice in each dose. The starting dose is 1-3 x
    # 10^9 cells ...", smartpatients.com NCT01694472, a design told as the patients' course)
    given = [paragraph for paragraph in given_paragraphs(found.unread + found.sections.get("study_design", []))
             if paragraph not in known and re.sub(r"^OUTLINE\s*:\s*", "", paragraph) not in known]
    record.detailed_description = "\n".join(filter(None, [record.detailed_description, *given])) or None
    # ISRCTN's numbered groups ("Trial Group 1: Standard conservative management" / "Trial Group 2: GCSF (Lenograstim)
    # 15 µg"): the trial's arms, each giving what its line names
    grouped = _numbered_groups(found.sections.get("interventions", []))
    record.interventions = [Intervention(name) for arm in grouped for name in arm.interventions] or _interventions(
        found.sections.get("interventions", []))
    # Without a label, a bulleted list typed the registry's way ("• Biological: tumor infiltrating lymphocyte therapy",
    # "• Drug: gemcitabine hydrochloride", findmecure.com) is the trial's interventions.
    record.interventions = record.interventions or _interventions(typed_intervention_list(text.split("\n")))
    # ClinicalTrials.gov's study page as copied, its table under "Condition or disease Intervention/treatment Phase" one row:
    # the conditions, then the typed interventions
    record.interventions = record.interventions or _interventions(_conditions_table_interventions(text.split("\n")))
    # A page that lists no interventions but names its cells as the trial's treatment ("This trial is testing a new
    # treatment called CAR-TA T cells"): that is the intervention.
    called = None if record.interventions else treatment_called(text)
    record.interventions = record.interventions or ([Intervention(called)] if called else [])
    # … or whose summary names them in a bulleted run ("The names of the treatment interventions used in this study are:
    # * B7-H3.CD28Z.CART / B7-H3 CAR T cells * Fludarabine * Cyclophosphamide")
    record.interventions = record.interventions or [Intervention(name) for name in _summary_named(record.brief_summary)]
    # A sample size given group by group ("Control group:30;CIK group:30;NK group:30;") names the trial's arms.
    # Sentences under the interventions label describe what is given ("Patients will be given 230 millions human
    # amnion epithelial cells (hAECs) by intravenous infusion"): part of the trial's description, after the one it has.
    given = [value for value in _values(found, "interventions")
             if not typed_interventions(value)[0][0] and len(value.split()) > 8
             and (_SENTENCE_WORDS.search(value) or _GIVING.match(value))]
    record.detailed_description = "\n".join(filter(None, [record.detailed_description, *given])) or None
    # Groups the interventions field letters ("[A] Control group receiving only myocardial revascularisation", "[B] Direct
    # injection into the scar muscle of self bone marrow mononuclear cells …", isrctn.com): the trial's arms, each line
    # what its group is given.
    lettered = _lettered_groups(found.sections.get("interventions", []))
    record.interventions = record.interventions or [Intervention(text) for text in lettered]
    # The registry's arms table as mirror sites flatten it, under its header "Arm Intervention/Treatment" (clincosm.com):
    # each arm's typed label, its description, then its typed interventions over theirs.
    table_arms, table_interventions = _arms_table(text.split("\n"))
    record.interventions = record.interventions or table_interventions
    # An interventions field of sentences only names no intervention, but its sentences name the cells they give, before
    # the dose or the way it is given: "Mesenchymal stromal cells 2 X 10E6/kg administered intrvenously …", "One to two
    # intravenous infusions of autologous umbilical cord blood derived cells (UCBCs) at a dose of …", "… 230 millions
    # human amnion epithelial cells (hAECs) by intravenous infusion" (anzctr.org.au); a placebo given instead ("… 460
    # million cells or placebo") is one more.
    record.interventions = record.interventions or _described_cells(found.sections.get("interventions", []))
    # an intervention the page lists by name and its arms table describes: "• Biological: Allogeneic adipose-derived stem
    # cells" in the conditions table, and under the arm "Biological: Allogeneic adipose-derived stem cells" / "Culture
    # expanded mesenchymal stem cells isolated from a patient's own abdominal fat tissue" (clincosm.com NCT05017298)
    described = {i.name.lower(): i.description for i in table_interventions if i.description}
    for intervention in record.interventions:
        intervention.description = intervention.description or described.get(intervention.name.lower())
    # a page that repeats each intervention's name under its design fields, maybe with its category, over the sentence
    # that describes it: "allogenic nk cells infusion cellular therapy" / "HLA Haploidentical selected NK cell infusion
    # (one injection of 1x107/kg CD3-CD56+ cells) after chemotherapy associating …" (smartpatients.com NCT01947322)
    for intervention in record.interventions:
        below = None if intervention.description else _described_below(found.unread, intervention.name)
        if below and below not in (record.detailed_description or ""):
            intervention.description = below
    record.arms = grouped or _arm_lines(found.sections.get("interventions", [])) or [
        Arm(text, interventions=[text]) for text in lettered] or table_arms or [
        Arm(name) for name, _ in group_sizes(_first(found, "enrollment"))] or _groups_above(
        text.split("\n"), found.unread, record.interventions)
    record.allocation = _allocation(_first(found, "allocation"))
    record.intervention_model = lookup("intervention-model", _first(found, "intervention_model"))
    record.primary_purpose = lookup("primary-purpose", _first(found, "primary_purpose"))
    record.masking = lookup("masking", _first(found, "masking"))
    # (or as the design field words it: "Study designDouble-blind randomised placebo-controlled trial", isrctn.com)
    record.masking = record.masking or next(filter(None, (stated_masking(value, design=True)
                                                          for value in _values(found, "study_design"))), None)
    record.sites = sites_from_lines(found.sections.get("locations", []))
    if not record.sites and not found.sections.get("locations") and stated_site(text):
        record.sites = [Site(stated_site(text))]  # "… may be eligible to participate in a clinical trial at the NIH Clinical Center"
    if not record.sites and not found.sections.get("locations") and told.site:
        record.sites = [Site(told.site, told.city)]  # "NCT01691625 was a … study conducted at <site>, Beijing, …"
    # (a labelled count of 0 is the count, a withdrawn trial's: "Target sample size: 0", apps.who.int NCT02241395)
    labelled_count = parse_count(_first(found, "enrollment"))
    record.enrollment = labelled_count if labelled_count is not None else stated_enrollment(text)
    record.study_type = (lookup("study-type", _first(found, "study_type")) or badge_type
                         or stated_study_type(text, record.identifiers))
    # ISRCTN's "Study type" is the trial's purpose ("Treatment"); its "Primary study design" the study type.
    # ("Other" is a study type of the WHO's and jRCT's ("Study type | Other |", rctportal.niph.go.jp): a purpose only
    # where the page gives its study type under another label, as ISRCTN does)
    typed = any(lookup("study-type", value) for value in _values(found, "study_type"))
    record.primary_purpose = record.primary_purpose or next(filter(None, (
        lookup("primary-purpose", value) for value in _values(found, "study_type")
        if typed or value.strip().lower() != "other")), None)
    # The design line and the titles state the design in words ("Randomized, Parallel Group, Placebo Controlled Trial").
    designs = [stated_design(value, design=True) for value in _values(found, "study_design") + titles]
    # … or a sentence of the interventions ("One arm will be randomised to receive mesenchymal stromal cell therapy").
    designs.append(stated_design(" ".join(_values(found, "interventions"))))
    record.allocation = record.allocation or next((d[0] for d in designs if d[0]), None)
    record.intervention_model = record.intervention_model or next((d[1] for d in designs if d[1]), None)
    record.study_type = record.study_type or next((d[2] for d in designs if d[2]), None)
    # The registry's own token on a line of its own, its label lost (npcf.us: "INTERVENTIONAL" among bare values).
    bare_type = re.search(r"^[ \t]*(INTERVENTIONAL|OBSERVATIONAL|EXPANDED_ACCESS)[ \t]*$", text, re.MULTILINE)
    record.study_type = record.study_type or (bare_type.group(1) if bare_type else None)
    record.sex = lookup("sex", _first(found, "sex"))
    record.healthy_volunteers = {"yes": True, "true": True, "no": False, "false": False}.get(
        (_first(found, "healthy_volunteers") or "").strip().lower())
    record.min_age_years, record.max_age_years = parse_age_range(_first(found, "ages"))
    record.min_age_years = parse_age_years(_first(found, "min_age")) or record.min_age_years
    record.max_age_years = parse_age_years(_first(found, "max_age")) or record.max_age_years
    eligible_sex, eligible_age = stated_eligible_people(text)  # "Women 18 and older … may be eligible"
    record.sex = record.sex or eligible_sex
    if record.min_age_years is None and record.max_age_years is None:
        record.min_age_years = eligible_age
    start, end = (re.split(r"\s+(?:to|until|through|[-–])\s+", _first(found, "study_dates") or "", maxsplit=1) + [""])[:2]
    # (the NIPH portal's view of a jRCT record prints its dates day first: "Registered date:05/02/2025", "Date of first
    # enrollment05/02/2025" under "JRCT ID: jRCTa030240663", rctportal.niph.go.jp)
    record.start_date = (parse_date(_first(found, "start_date"), day_first=bool(_NIPH_RECORD_HEAD.search(text)))
                         or parse_date(start) or stated_start(text))
    record.completion_date = parse_date(_first(found, "completion_date")) or parse_date(end)
    eligibility = found.sections.get("eligibility", [])
    summary = _PEOPLE_SUMMARY.fullmatch(fold(eligibility[0])) if eligibility else None
    if summary:
        # the registry's sex and age over the criteria, as a sentence: "Eligibility Criteria" / "Male or female
        # participants at least 18 years old." / "Inclusion Criteria: - …" (smartpatients.com NCT01898663): no criterion
        eligibility = eligibility[1:]
        record.sex = record.sex or _SUMMARY_SEX[summary.group("sex").lower()]
        record.min_age_years = record.min_age_years or float(summary.group("age"))
    lists: dict[str, list] = {
        "inclusion": criteria_from_lines(found.sections.get("inclusion", []), "INCLUSION"),
        "exclusion": criteria_from_lines(found.sections.get("exclusion", []), "EXCLUSION"),
        "eligibility": criteria_from_mixed_lines(eligibility),
        "primary_outcomes": _outcomes(found.sections.get("primary_outcomes", []), "PRIMARY"),
        "secondary_outcomes": _outcomes(found.sections.get("secondary_outcomes", []), "SECONDARY"),
    }
    cut = lists.get(found.cut_off or "")
    if cut and len(re.sub(r"\W", "", getattr(cut[-1], "text", None) or getattr(cut[-1], "measure", ""))) <= 2:
        cut.pop()  # the page breaks off a letter or two into its last item ("H", "To"): no item yet
    record.criteria = lists["inclusion"] + lists["exclusion"] + lists["eligibility"]
    record.outcomes = lists["primary_outcomes"] + lists["secondary_outcomes"]
    # a news item about one trial: its headline and its text (kg.read.parse.prose_pages)
    record = prose_pages.amend(record, text, found, trial_page=_trial_page(text))
    # an article headed by its trial's name, whose first sentence opens with the trial's number (cancerfax.com)
    record.title = record.title or title_over_number_sentence(text, record.identifiers)
    return record


#: The head of the NIPH portal's view of a jRCT record ("JRCT ID: jRCTa030240663", rctportal.niph.go.jp).
_NIPH_RECORD_HEAD = re.compile(r"^JRCT ID:[ \t]*jRCT", re.MULTILINE)


#: The sentence a page prints over its criteria for the registry's sex and minimum age: "Male or female participants at
#: least 18 years old." (smartpatients.com NCT01898663). Only as the eligibility field's first line, whole: a criterion
#: that says so among others ("1. Male or female of age ≥18 years;") stays a criterion.
_PEOPLE_SUMMARY = re.compile(r"(?P<sex>Male or female|Female|Male) participants at least (?P<age>\d{1,2}) years old\.")
_SUMMARY_SEX = {"male or female": "ALL", "female": "FEMALE", "male": "MALE"}


#: A Markdown record's first-level heading: "# Intramyocardial Injection of Autologous Umbilical Cord Blood Derived
#: Mononuclear Cells During Surgical Repair of Hypoplastic Left Heart Syndrome" (api.ai-analytics.org NCT03779711), "# CAR-T
#: Long Term Follow Up (LTFU) Study" (api.ai-analytics.org NCT02445222); not a "# label: value" line.
_MARKDOWN_TITLE = re.compile(r"^#[ \t]+(?![\w ]{1,30}:)(?P<title>\S[^\n]{8,400}?)[ \t]*#*[ \t]*$", re.MULTILINE)


def _markdown_title(text: str) -> str | None:
    """The title a Markdown record gives in its first first-level heading."""
    match = _MARKDOWN_TITLE.search(text)
    return fold(match.group("title")) if match else None


def _allocation(value: str | None) -> str | None:
    """The allocation a design value states: a token, or the words it opens with ("Non randomised controlled trial")."""
    opening = re.match(r"\s*((?:non[- ]?)?randomi[sz]ed)\b", value or "", re.IGNORECASE)
    return lookup("allocation", value) or (lookup("allocation", opening.group(1)) if opening else None)


#: Words of a sentence describing what is given, not a name ("Patients will receive pre-…").
#: A long line that opens with the act of giving ("Injection of the number of 7x10^5 NK cells in 3 periods …")
#: describes what a group is given, as a sentence does; a short one ("Infusion of NK cells") names it.
_GIVING = re.compile(r"(?:injections?|infusions?|administrations?|transfusions?)\s+of\b", re.IGNORECASE)
_SENTENCE_WORDS = re.compile(r"\b(?:will|receives?|received|are|is|was|were|be|given|treated|administered|infused|injected)\b",
                             re.IGNORECASE)
#: Sub-labels of a sponsor block ("Primary Sponsor | Name | …", "Sponsor: / Organization:").
_SPONSOR_SUBLABEL = re.compile(r"^(?:name(?:\s+of\s+(?:the\s+)?organi[sz]ation)?|organi[sz]ation(?:\s+name)?)\s*:?\s*",
                               re.IGNORECASE)


#: The funder class ClinicalTrials.gov prints after an organisation ("Li Yu (Other)", "… Co., Ltd. (Industry)").
_FUNDER_CLASS = re.compile(r"\s*\((?:other|industry|nih|u\.?s\.? fed|other u\.?s\.? federal agency|network|individual|"
                           r"ambig|unknown)\)$", re.IGNORECASE)


def _organisations(values: list[str]) -> list[str]:
    """The organisations of a sponsor or collaborator block, without their funder class; "(none)" names none,
    and the block ends at the first line that is no name (a line without letters: "200", "5.6").
    """
    names = []
    for value in values:
        if re.fullmatch(r"[-*•\s]*\[object Object\]\s*", value):
            continue  # a record whose organisations were written out as a script's objects: no name (api.ai-analytics.org)
        if not re.search(r"[^\W\d_]", value):
            break
        name = _FUNDER_CLASS.sub("", value).strip()
        if _FUNDER_CLASS.fullmatch(f" ({name})"):
            continue  # a funder class alone ("Other", PDQ's sponsor column) names no organisation
        if name and not re.fullmatch(r"\(?(?:none|n/?a|-+)\)?", name, re.IGNORECASE):
            names.append(name)
    return names


#: An address after an organisation's name, from the first comma that a number follows in the line ("Chaitanya
#: Vaidyakeeya Seva Sanstha, 44/2 Hill View Society, Paud Phata, …").
_NAME_THEN_ADDRESS = re.compile(r"^(?P<name>[^,]{3,}?),(?=[^,]*\d)")


def _funder_name(value: str) -> str:
    """The funder a CTRI record names under "Source of Monetary or Material Support", without its address ("Chaitanya
    Vaidyakeeya Seva Sanstha, 44/2 Hill View Society, Paud Phata, Paud Road, Pune 411029", ctri.nic.in); a name with a
    comma and no number after it is kept whole ("Stempeutics Research, Inc").

    >>> _funder_name("Chaitanya Vaidyakeeya Seva Sanstha, 44/2 Hill View Society, Paud Phata"), _funder_name("Acme, Inc")
    ('Chaitanya Vaidyakeeya Seva Sanstha', 'Acme, Inc')
    """
    match = _NAME_THEN_ADDRESS.match(value)
    return match.group("name").strip() if match else value.strip()


def _sponsor(values: list[str]) -> str | None:
    """The organisation a sponsor block names: the value after its "Name" or "Organization:" sub-label, up to
    the block's next sub-label ("Address", "Type of Sponsor").
    """
    for value in values:
        name = _SPONSOR_SUBLABEL.sub("", value).strip()
        if re.match(r"(?i)(?:address|type of sponsor|country)\b", name):
            return None
        if name and not name.endswith(":"):
            return name
    return None


#: A registry's category of an intervention before its type and name ("Treatment: Other - Mesenchymal stromal cell
#: therapy", as ANZCTR prints a record imported from ClinicalTrials.gov).
_CATEGORY_TYPED = re.compile(r"^Treatment\s*:\s*(?P<type>[A-Za-z ]+?)\s*[-:]\s+(?P<name>\S.*)$")
#: An arm as "Type: label - description" ("Experimental: Mesenchymal stromal cell therapy - … in addition to
#: corticosteroid therapy", "Active comparator: Corticosteroid therapy -").
_ARM_LINE = re.compile(r"^(?P<type>[A-Za-z ]+?)\s*:\s*(?P<label>\S.*?)\s+-(?:\s+(?P<description>\S.*))?$")


def _arm_lines(lines: list[str]) -> list[Arm]:
    """Arms an interventions section lists as "Type: label - description" lines, the type an arm type."""
    arms: dict[str, Arm] = {}
    for line in map(fold, lines):
        match = _ARM_LINE.match(line)
        if match and lookup("arm-type", match.group("type")) and match.group("label") not in arms:
            arms[match.group("label")] = Arm(match.group("label"), lookup("arm-type", match.group("type")),
                                             match.group("description"))
    return list(arms.values())


#: The header of the registry's arms table, its cells run together: "Arm Intervention/Treatment", "Arm | Intervention/treatment |".
#: (each "|" with the spaces after it: two runs of spaces side by side made a line of spaces quadratic)
_ARMS_TABLE_HEADER = re.compile(r"^\s*(?:\|\s*)?Arm\s*(?:\|\s*)?Intervention\s*/\s*Treatment\s*(?:\|\s*)?$", re.IGNORECASE)
#: An arm's typed label: "Experimental: NK cells", "Active Comparator: Standard chemotherapy".
_TYPED_ARM = re.compile(r"^\s*(?P<type>[A-Za-z ]{4,25}?)\s*:\s*(?P<label>\S.*?)\s*$")


def _arms_table(lines: list[str]) -> tuple[list[Arm], list[Intervention]]:
    """The arms and interventions of the registry's arms table flattened to lines under its header: "Arm
    Intervention/Treatment" / "Experimental: NK cells" / "Drug: NCR300" / "Intravenous infusion of NK cells(NCR300)"
    (clincosm.com NCT05371730). A line under an arm's label and before its first typed intervention describes the arm,
    one under a typed intervention describes it; the table ends at the next label of the page ("Outcome Measures").
    """
    start = next((index for index, line in enumerate(lines) if _ARMS_TABLE_HEADER.match(line)), None)
    if start is None:
        return [], []
    arms: list[Arm] = []
    interventions: dict[str, Intervention] = {}
    described: list[str] = []  # the lines describing what the last arm or intervention line named
    current: Arm | Intervention | None = None

    def close() -> None:
        if current is not None and described and current.description is None:
            current.description = " ".join(described)
        described.clear()

    for line in map(fold, lines[start + 1:]):
        if not line:
            continue
        arm = _TYPED_ARM.match(line)
        typed = [(kind, name) for kind, name in typed_interventions(line) if kind and name]
        if arm and lookup("arm-type", arm.group("type")):
            close()
            current = Arm(arm.group("label"), lookup("arm-type", arm.group("type")))
            arms.append(current)
        elif typed and arms:
            close()
            for kind, name in typed:
                current = interventions.setdefault(name, Intervention(name, kind))
                if name not in arms[-1].interventions:
                    arms[-1].interventions.append(name)
        elif re.match(r"(?i)other\s+names?\s*:", line) and arms:
            # "Other Names:" / "• Celltex-Ad" under an intervention's description: its other names, no description
            close()
            current = None
        elif arms and label_of(line)[0] is None and not re.match(r"(?i)outcome measures?\b", line):
            if current is not None:
                described.append(line)
        else:
            break
    close()
    return arms, list(interventions.values())


#: An item lettered in brackets: "[A] Control group receiving only myocardial revascularisation", "(B) …".
_LETTERED = re.compile(r"^\s*[\[(](?P<letter>[A-Z])[\])]\s+(?P<text>\S.*?)\s*$")


def _lettered_groups(lines: list[str]) -> list[str]:
    """The texts of a list lettered A, B, C … in order, two or more items, nothing else in it.

    >>> _lettered_groups(["[A] Control group receiving only myocardial revascularisation", "[B] Direct injection"])
    ['Control group receiving only myocardial revascularisation', 'Direct injection']
    >>> _lettered_groups(["[A] Standard chemotherapy"])
    []
    """
    matches = [_LETTERED.match(fold(line)) for line in lines if fold(line)]
    if len(matches) < 2 or not all(matches) \
            or [m.group("letter") for m in matches] != [chr(ord("A") + i) for i in range(len(matches))]:
        return []
    return [m.group("text") for m in matches]


#: A numbered group of the interventions field: "Trial Group 2: GCSF (Lenograstim) 15 µg" (isrctn.com ISRCTN91288089).
_NUMBERED_GROUP = re.compile(r"(?i)^(?P<label>(?:trial|study|treatment)\s+group\s+(?P<number>\d{1,2}))\s*:\s*(?P<text>\S.*)$")
#: The dose after a drug's name in a group's line: "GCSF (Lenograstim) 15 µg".
_TRAILING_DOSE = re.compile(r"\s+\d[\d.,]*\s*(?:µg|μg|ug|mcg|mg|g|ml|iu|units?)\b[^()]*$", re.IGNORECASE)
#: A group's line that names care, no treatment: "Standard conservative management", "Usual care".
_CARE_ONLY = re.compile(r"(?i)(?:(?:standard|usual|conventional|conservative|routine|supportive|medical)\s+)+"
                        r"(?:care|management)")


def _numbered_groups(lines: list[str]) -> list[Arm]:
    """The groups an interventions field numbers, two or more from 1 ("Trial Group 1: Standard conservative management" /
    "Trial Group 2: GCSF (Lenograstim) 15 µg", isrctn.com): arms labelled by their number, described by their line, each
    giving the treatment the line names without its dose; a line naming only care ("Standard conservative management")
    gives none. A single group, or numbers out of order, are no list of the trial's groups.

    >>> [(a.label, a.interventions) for a in _numbered_groups(["Trial Group 1: Standard conservative management",
    ...                                                        "Trial Group 2: GCSF (Lenograstim) 15 µg"])]
    [('Trial Group 1', []), ('Trial Group 2', ['GCSF (Lenograstim)'])]
    >>> _numbered_groups(["Trial Group 2: GCSF (Lenograstim) 15 µg"])
    []
    """
    matches = [match for match in (_NUMBERED_GROUP.match(fold(line)) for line in lines) if match]
    if len(matches) < 2 or [int(m.group("number")) for m in matches] != list(range(1, len(matches) + 1)):
        return []
    arms = []
    for match in matches:
        text = match.group("text").strip()
        name = _TRAILING_DOSE.sub("", text).strip()
        arms.append(Arm(match.group("label"), description=text,
                        interventions=[] if _CARE_ONLY.fullmatch(name) else [name]))
    return arms


#: The header of ClinicalTrials.gov's table of conditions and interventions, as its study page (2017-2020) copies.
_CONDITIONS_TABLE_HEADER = re.compile(r"condition\s+or\s+disease\s+intervention/treatment(?:\s+phase)?", re.IGNORECASE)


def _conditions_table_interventions(lines: list[str]) -> list[str]:
    """The typed interventions of the row under ClinicalTrials.gov's header "Condition or disease Intervention/treatment
    Phase", from its first type on: "Adult Solid Neoplasm Drug: Cyclophosphamide Other: Laboratory Biomarker Analysis
    Biological: NY-ESO-1 Reactive TCR Retroviral Vector Transduced Autologous PBL" (clinicaltrials.gov/show/NCT02650986).

    >>> _conditions_table_interventions(["Condition or disease Intervention/treatment Phase", "Adult Solid Neoplasm Drug: "
    ...                                  "Cyclophosphamide Biological: NY-ESO-1 Reactive TCR Transduced Autologous PBL"])
    ['Drug: Cyclophosphamide Biological: NY-ESO-1 Reactive TCR Transduced Autologous PBL']
    >>> _conditions_table_interventions(["Condition or disease", "Adult Solid Neoplasm Drug: Cyclophosphamide"])
    []
    """
    for index, line in enumerate(lines):
        if len(line) < 80 and _CONDITIONS_TABLE_HEADER.fullmatch(line.strip()):
            row = fold(next((after for after in lines[index + 1:index + 3] if after.strip()), ""))
            pairs = typed_interventions(row)
            head = pairs[0][1] if pairs and pairs[0][0] is None else ""
            rest = row[len(head):].strip() if row.startswith(head) else ""
            return [rest] if rest and any(kind for kind, _ in pairs) else []
    return []


def _described_below(lines: list[str], name: str) -> str | None:
    """The sentence on the line after a line that is an intervention's name alone or with a category of up to three
    words in lower case (smartpatients.com: "allogenic nk cells infusion cellular therapy" over its description).

    >>> _described_below(["allogenic nk cells infusion cellular therapy", "HLA Haploidentical selected NK cell infusion "
    ...                   "(one injection of 1x107/kg CD3-CD56+ cells) after chemotherapy."], "allogenic nk cells infusion")[:29]
    'HLA Haploidentical selected N'
    >>> _described_below(["allogenic nk cells infusion were given to Patient 4 in the study", "The study was stopped after"
    ...                   " two patients of the first group died in the first month."], "allogenic nk cells infusion")
    """
    wanted = fold(name).lower()
    for line, after in zip(lines, lines[1:]):
        head = fold(line)
        category = head[len(wanted):]  # "" or " cellular therapy"
        if (head.lower().startswith(wanted) and category == category.lower() and len(category.split()) <= 3
                and (not category or category[0] == " ") and _SENTENCES.match(fold(after))):
            return fold(after)
    return None


def _groups_above(lines: list[str], unread: list[str], interventions: list[Intervention]) -> list[Arm]:
    """The study group named on the unlabelled line over a line that repeats an intervention's name in lower case, the
    way a page that writes its values in lower case lists its groups under its design fields: "Adenovirus-transfected
    autologous DCs + CIK cells" / "adenovirus-transfected dc + cik" (smartpatients.com NCT01898663, whose "Treatment"
    line names the intervention so). The group gives the intervention. A sentence over the name is none, and so is a line
    the reader took as a field's (``unread``: the lines no label heads), "Primary purpose supportive care" over it.

    >>> group, given = "Adenovirus-transfected autologous DCs + CIK cells", "adenovirus-transfected dc + cik"
    >>> [(arm.label, arm.interventions) for arm in _groups_above([group, given], [group], [Intervention(given)])]
    [('Adenovirus-transfected autologous DCs + CIK cells', ['adenovirus-transfected dc + cik'])]
    >>> _groups_above(["Patients are given the cells.", given], ["Patients are given the cells."], [Intervention(given)])
    []
    """
    names = {fold(i.name): i.name for i in interventions if i.name == i.name.lower()}
    if not names:
        return []
    unlabelled = set(unread)
    lines = [fold(line) for line in lines if line.strip()]
    arms: list[Arm] = []
    for head, below in zip(lines, lines[1:]):
        name = names.get(below)
        if (name and head in unlabelled and head[:1].isupper() and not head.endswith(".") and len(head.split()) <= 12
                and head.lower() != name and not _SENTENCES.match(head)):
            arms.append(Arm(head, interventions=[name]))
    return arms


def _interventions(lines: list[str]) -> list[Intervention]:
    """An interventions list: "Type: name" lines (several may share a line), or one name a line.

    A list whose untyped lines read as sentences (long, or ending in a full stop) describes the
    interventions rather than naming them: only its typed lines are taken.
    """
    # ("Intervention(s) | None |": the NIH Clinical Center's protocol of a registry study, which gives none)
    values = [value for value in map(value_or_none, lines)
              if value and value.lower() != "none" and not _arm_lines([value])]
    # a Markdown list's type in bold: "- **BIOLOGICAL:** Autologous (self) mononuclear cells derived from umbilical cord
    # blood" (api.ai-analytics.org NCT03779711)
    values = [strip_bullet(_MARKDOWN_STRONG.sub("", value)) if _MARKDOWN_TYPED.match(value) else value for value in values]
    categorised = [_CATEGORY_TYPED.match(fold(value)) for value in values]
    values = [f"{match.group('type')}: {match.group('name')}" if match and lookup("intervention-type", match.group("type"))
              else value for match, value in zip(categorised, values)]
    # jRCT's field of sub-fields, as the NIPH portal prints it: "Intervention: injection of E-MNC to the submandibular
    # gland Intervention period: 1-year Number of times of intervention: 1 time" names what is given before the next
    # sub-label; the whole field describes it
    described: dict[str, str] = {}
    for index, value in enumerate(values):
        sub = _SUB_LABELLED_INTERVENTION.match(value)
        if sub:
            values[index] = sub.group("name").strip()
            described[values[index]] = value
    values = [item for value in values for listed in _comma_listed(value) for item in _with_placebo(listed)]
    values = [name for value in values for name in _run_together(value)]
    pairs = [pair for value in values for pair in typed_interventions(value) if pair[1]]
    named = all(kind or (len(name.split()) <= 8 and not name.endswith(".") and not _SENTENCE_WORDS.search(name))
                for kind, name in pairs)
    found = [Intervention(_name_before_description(name) if kind else name, kind, described.get(name))
             for kind, name in pairs if kind or named]
    return list({intervention.name: intervention for intervention in found}.values())


#: An interventions field of labelled sub-fields, "Intervention: <what is given>" and a capitalised sub-label after it
#: ("Intervention period:", "Number of times of intervention:"), the NIPH portal's view of a jRCT record.
_SUB_LABELLED_INTERVENTION = re.compile(r"^Intervention\s*:\s*(?P<name>[^:]+?)\s(?=[A-Z][a-z]+(?: [a-z]+){0,5} ?:\s)")


#: A summary's sentence naming what the study gives, then a bulleted run of the names, its line breaks lost: "The names of
#: the treatment interventions used in this study are: * B7-H3.CD28Z.CART / B7-H3 CAR T cells * Fludarabine *
#: Cyclophosphamide" (ignite-sd.com NCT07358260, the registry record's brief summary); "The names of the study drugs
#: involved in this study are: - …".
_NAMES_ARE = re.compile(r"\bThe names of the (?:[a-z]+ ){0,2}(?:interventions|drugs|treatments|products|therapies) "
                        r"(?:[a-z]+ ){1,4}are\s*:\s*(?P<run>[-*•]\s.*)$", re.IGNORECASE)
_NAME_BULLET = re.compile(r"(?:^|\s)[-*•]\s+")


def _summary_named(summary: str | None) -> list[str]:
    """The names a summary's "The names of the … used in this study are:" sentence lists by bullets (each at most eight
    words; none where an item is longer: the run is prose).

    >>> _summary_named("… relapsed or refractory. The names of the treatment interventions used in this study are: * "
    ...                "B7-H3.CD28Z.CART / B7-H3 CAR T cells * Fludarabine * Cyclophosphamide")
    ['B7-H3.CD28Z.CART / B7-H3 CAR T cells', 'Fludarabine', 'Cyclophosphamide']
    >>> _summary_named("The names of the study drugs involved in this study are: - Pembrolizumab - Cyclophosphamide")
    ['Pembrolizumab', 'Cyclophosphamide']
    >>> _summary_named("The names of the study groups are: Group A and Group B"), _summary_named("Patients receive * T cells")
    ([], [])
    """
    match = _NAMES_ARE.search(summary or "")
    if not match:
        return []
    names = [name.strip() for name in _NAME_BULLET.split(match.group("run")) if name.strip()]
    return names if names and all(len(name.split()) <= 8 for name in names) else []


#: Where a name run onto the one before it starts: a capitalised word after a word in lower case ("High tibial osteotomy
#: Allogeneic cell sheet implantation on cartilage defects", the NIPH portal's "Intervention(s)" field, its line breaks
#: lost, rctportal.niph.go.jp jRCTa030240663) …
_NAME_RUN_ON = re.compile(r"(?<=[a-z]) (?=[A-Z][a-z])")
#: … unless that word leads into it ("Injection of Cultured cells"): a word that ends no name.
_LEADING_WORD = re.compile(r"\b(?:of|with|and|or|the|to|in|on|by|for|a|an|at|from|into|via|plus|versus|vs)$", re.IGNORECASE)


def _run_together(value: str) -> list[str]:
    """The names of a value of more than eight words that runs short names together, each capitalised after a word in
    lower case; any other value whole (a sentence, one long name, a name with a lower-case word before a capital, a
    typed "Drug: …" line).

    >>> _run_together("High tibial osteotomy Allogeneic cell sheet implantation on cartilage defects")
    ['High tibial osteotomy', 'Allogeneic cell sheet implantation on cartilage defects']
    >>> _run_together("Intravenous injection of Cultured autologous bone marrow mononuclear cells twice")
    ['Intravenous injection of Cultured autologous bone marrow mononuclear cells twice']
    >>> _run_together("2.5 x 10^6 cells/kg of UDI-001 are administered intravenously. One cycle consists of twice a week")
    ['2.5 x 10^6 cells/kg of UDI-001 are administered intravenously. One cycle consists of twice a week']
    """
    if len(value.split()) <= 8 or ":" in value or not _NAME_RUN_ON.search(value):
        return [value]
    names = _NAME_RUN_ON.split(value)
    if any(_LEADING_WORD.search(name) or len(name.split()) > 8 or name.rstrip().endswith(".")
           or _SENTENCE_WORDS.search(name) for name in names):
        return [value]
    return names


_MARKDOWN_TYPED = re.compile(r"^\s*(?:[-*•]\s+)?(?:\*\*|__)[A-Za-z][\w ]{1,30}:(?:\*\*|__)")
_MARKDOWN_STRONG = re.compile(r"\*\*|__")


#: A description's own numbered part after an intervention's name: "Treatment Plan #1:", "Cohort 2:".
_NUMBERED_PART = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,3}#?\d+[a-z]?\s*:")
#: … or its first sentence, opening on the words a sentence about the patients does: "TAA-specific CTLs Each patient
#: will receive 2 injections at a fixed dose, 28 days apart …" (info.shine.com NCT03093350).
_SENTENCE_OPENING = re.compile(r"\s+(?=(?:Each|Every|All|The|This|These|Patients|Participants|Subjects)\s+[a-z]+\s+[a-z])")


#: Cells a sentence gives, named before their dose or route: up to six words (no article, preposition or count word)
#: ending in "cells", an abbreviation in brackets, then a number, "at a dose" or "by".
_GIVEN_CELLS = re.compile(
    r"(?<![\w-])(?P<name>(?:(?!(?:of|with|the|and|or|to|a|an|at|in|be|will|given|receive|millions?|billions?|cells)\b)"
    r"[A-Za-z][A-Za-z-]*\s+){1,6}cells(?:\s+\([A-Za-z-]{2,12}\))?)\s+(?=\d|at\s+a\s+dose\b|by\s)")
#: A placebo given instead of the cells: "… 460 million cells or placebo in the hospital".
_OR_PLACEBO = re.compile(r"\bor\s+(?:a\s+)?placebo\b", re.IGNORECASE)


def _described_cells(lines: list[str]) -> list[Intervention]:
    """The cells an interventions field of sentences gives (each line one sentence or more, none a name), named before
    their dose, "at a dose" or "by" the route; and a placebo it gives "or" them.

    >>> [i.name for i in _described_cells(["Mesenchymal stromal cells 2 X 10E6/kg administered intrvenously over 15 minutes"])]
    ['Mesenchymal stromal cells']
    >>> [i.name for i in _described_cells(["Patients will receive NK cells after chemotherapy."])]
    []
    """
    values = [fold(line) for line in lines if fold(line)]
    if not values or not all(len(value.split()) > 8 and not typed_interventions(value)[0][0] for value in values):
        return []
    names = [match.group("name") for value in values for match in _GIVEN_CELLS.finditer(value)]
    found = [Intervention(name) for name in dict.fromkeys(names)]
    if found and any(_OR_PLACEBO.search(value) for value in values):
        found.append(Intervention("placebo"))
    return found


def _name_before_description(name: str) -> str:
    """The name of a typed intervention whose description follows it on the same line (ClinicalTrials.gov's
    "Drug: Busulfan" and its description, flattened): the description opens by repeating the name, or with a
    numbered part of its own; a name of at most eight words is whole.

    >>> _name_before_description("Busulfan Busulfan 32 mg/m2 by vein test dose administrated either as an outpatient")
    'Busulfan'
    >>> _name_before_description("Fludarabine Treatment Plan #1: 10 mg/m2 by vein on Days -7 to -4. Participants")
    'Fludarabine'
    >>> _name_before_description("TAA-specific CTLs Each patient will receive 2 injections at a fixed dose, 28 days apart")
    'TAA-specific CTLs'
    >>> _name_before_description("Umbilical cord blood transplant")
    'Umbilical cord blood transplant'
    """
    words = name.split()
    if len(words) <= 8:
        return name
    for end in range(1, 5):
        if words[end:end + end] and [w.lower() for w in words[end:end + end]] == [w.lower() for w in words[:end]]:
            return " ".join(words[:end])
    parts = [part.start() for part in (_NUMBERED_PART.search(name), _SENTENCE_OPENING.search(name)) if part]
    end = min(parts, default=None)
    return name[:end] if end is not None and 0 < len(name[:end].split()) <= 6 else name


#: A product and its placebo named in one value: "BAN2401 and placebo control" (memory.ucsf.edu, generic-holdout4).
_AND_PLACEBO = re.compile(r"^(?P<product>[^\s:][^:]{0,80}?)\s+and\s+(?P<placebo>(?:matching\s+)?placebo(?:\s+control)?)$",
                          re.IGNORECASE)


def _with_placebo(value: str) -> list[str]:
    """The two interventions of a value naming a product "and placebo"; any other value whole (two products joined by
    "and" may be one regimen: "Fludarabine and cyclophosphamide").

    >>> _with_placebo("BAN2401 and placebo control"), _with_placebo("Fludarabine and cyclophosphamide")
    (['BAN2401', 'placebo control'], ['Fludarabine and cyclophosphamide'])
    """
    match = _AND_PLACEBO.match(value.strip())
    return [match.group("product"), match.group("placebo")] if match else [value]


def _comma_listed(value: str) -> list[str]:
    """The names of a value that lists three or more by commas ("CAR-T, chemotherapy, cyclophosphamide, fludarabine,
    prednisone"); any other value whole (a name with a comma, a dose, a sentence, a typed "Drug: …" line).

    >>> _comma_listed("CAR-T, chemotherapy, cyclophosphamide, fludarabine, prednisone")
    ['CAR-T', 'chemotherapy', 'cyclophosphamide', 'fludarabine', 'prednisone']
    >>> _comma_listed("Busulfan 32 mg/m2, by vein, on days -7 to -4")
    ['Busulfan 32 mg/m2, by vein, on days -7 to -4']

    … or by semicolons, where a name may carry its number after a hyphen ("Treatment Agent:Cyclophosphamide; Filgrastim;
    Fludarabine; Interleukin-2; Mesna", MD Anderson's protocol pages, utm-ext01a.mdacc.tmc.edu NCT00338377):

    >>> _comma_listed("Cyclophosphamide; Filgrastim; Fludarabine; Interleukin-2")
    ['Cyclophosphamide', 'Filgrastim', 'Fludarabine', 'Interleukin-2']
    >>> _comma_listed("Fludarabine 25 mg/m2; days -5 to -3; then cells")
    ['Fludarabine 25 mg/m2; days -5 to -3; then cells']
    """
    for separator, number in ((",", _ANY_DIGIT), (";", _DIGIT_NOT_IN_A_NAME)):
        items = [item.strip() for item in value.split(separator)]
        if len(items) >= 3 and all(item and len(item.split()) <= 4 and not number.search(item) and ":" not in item
                                   and not _SENTENCE_WORDS.search(item) for item in items):
            return items
    return [value]


_ANY_DIGIT = re.compile(r"\d")
#: A digit that is no name's own number after a hyphen ("Interleukin-2", "IL-15"): a dose, a day.
_DIGIT_NOT_IN_A_NAME = re.compile(r"(?<![A-Za-z]-)\d")


_TIME_FRAME = re.compile(r"^(.+?)\s*\[\s*time\s*frame\s*:\s*([^\]]*)\]?\s*$", re.IGNORECASE)


def _listed(value: str) -> list[str]:
    """The items of "A; B", unless the parts are "Key: value" pairs of one classification."""
    parts = re.split(r"\s*;\s*", value)
    return [value] if len(parts) > 1 and all(":" in part for part in parts if part) else parts


def _wrapped(lines: list[str]) -> list[str]:
    """Values as written, without the register codes after them, and with hard-wrapped lines
    (after a comma, or going on in lower case) joined.
    """
    values: list[str] = []
    complete = True
    for line in filter(None, map(fold, lines)):
        plain = _TRAILING_CODES.sub("", line)
        if values and not complete and (values[-1].endswith(",") or (line[0].islower() or line[0] == "(") and ":" not in line):
            values[-1] = f"{values[-1]} {plain}"
        else:
            values.append(plain)
        complete = plain != line
    return values


def _outcomes(lines: list[str], kind: str) -> list[Outcome]:
    """One outcome per line; a "Time frame: ..." line or a trailing time span gives its time frame."""
    outcomes: list[Outcome] = []
    bulleted = any(strip_bullet(line) != line.strip() for line in lines if line.strip())
    for raw in lines:
        line = fold(raw)
        if not value_or_none(line) or bulleted and outcomes and strip_bullet(raw) == raw.strip() and "time frame" not in line.lower():
            continue  # under bulleted measures, an unbulleted line is the measure's description
        label, _, rest = line.partition(":")
        if label.strip().lower() in ("time frame", "timepoint", "timepoints", "time point") and outcomes:
            outcomes[-1].time_frame = rest.strip() or None
            continue
        framed = _TIME_FRAME.match(line)
        if framed:
            outcomes.append(Outcome(kind, framed.group(1).lstrip("-*• ").strip(), framed.group(2).strip() or None))
            continue
        bracketed = _BRACKETED_TIME.match(strip_bullet(line))
        if bracketed:  # "1. AE or SAE [From infusion day 365]": the registry's time frame in brackets
            outcomes.append(Outcome(kind, bracketed.group(1), bracketed.group(2)))
            continue
        span = TIME_SPAN.search(line)
        outcomes.append(Outcome(kind, line.lstrip("-*• ").strip(), span.group(0) if span and span.end() == len(line) else None))
    return outcomes


#: A measure followed by its time frame in square brackets, as sites copy the registry's "measure [time frame]".
_BRACKETED_TIME = re.compile(r"^(.+?)\s*\[\s*([^\[\]]*\d[^\[\]]*?)\s*\]\s*$")


def outline(text: str) -> Outline:
    """The labelled fields found through the label table, and the lines neither a label nor a cue of the page's
    layout took (an unlabelled title, official title, summary, objectives or typed intervention list is read).
    """
    record = read(text, SourceDocument(name="", sha256="", layout=LAYOUT))
    text = without_icon_names(text)
    found = reading(text)
    taken = "\n".join(filter(None, [record.title, record.official_title, record.brief_summary, record.detailed_description,
                                     record.design_description, *(a.description for a in record.arms),
                                     *(i.description for i in record.interventions), *record.keywords]))
    typed = {f"{i.type}: {i.name}".lower() for i in record.interventions if i.type} | {
        f"{a.type.replace('_', ' ')}: {a.label}".lower() for a in record.arms if a.type}
    # (a line that repeats a labelled value was not read itself: the label's value was)
    labelled = {fold(value) for values in found.sections.values() for value in values}

    def used(line: str) -> bool:
        plain = strip_bullet(line)
        if plain in labelled:
            return False
        # the line as taken, or without its PDQ heading ("OUTLINE: …") or the number after a title ("… (NCT00003780)")
        return bool(plain) and (plain in taken or re.sub(r"^[A-Z]+\s*:\s*", "", plain) in taken
                                or re.sub(r"\s*\([^()]*\)$", "", plain) in taken
                                or re.sub(r"\s*:\s*", ": ", plain, count=1).lower() in typed)

    return Outline(tuple(found.sections), tuple(line for line in found.unread if not used(line)))
