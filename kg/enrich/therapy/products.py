"""The cell product of a trial: cell type, donor, tissue, manufacture, infusions and doses.

Each attribute is read from the sentences that speak of the cells themselves, and from
the donor's eligibility criteria for where the cells come from; nothing is guessed.
This module finds the products a record gives and describes each; the patterns it reads live
beside it: ``cell_kinds`` (which kinds), ``product_sources`` (donor and tissue),
``product_names``, ``manufacture``, ``giving_cues``, ``untyped_cells`` and
``product_sentences``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kg.enrich.therapy.cell_kinds import _NOT_A_PRODUCT, CELL_TYPES, TOKENS, _cell_types, _one_product_each, _unproduct
from kg.enrich.therapy.giving_cues import _GIVES_CELLS, _given_cell_types, _given_with, _measured_title
from kg.enrich.therapy.manufacture import (
    _CHANGED_IN_LAB,
    _EXPANDED,
    _FEEDER,
    _FEEDER_MODIFIED,
    _K562,
    _MODIFIED,
    _NOT_EXPANDED,
    _NOT_MODIFIED,
    _RECEPTOR_T,
    _STARTING_MATERIAL,
    _STUDY_EXPANSION,
)
from kg.enrich.therapy.product_names import _ACTS_ON, _car_coded_names, _made_names, _names_pattern, _product_names
from kg.enrich.therapy.product_sentences import (
    _CALLED,
    _CELLS_COLLECTED,
    _COLLECTED,
    _DOSE_GROUP,
    _GIVEN_THE_CELLS,
    _HAVE_LEUKAPHERESIS,
    _INFUSION_DOSE,
    _LEUKAPHERESIS_CULTURED,
    _MADE_AND_GIVEN,
    _MADE_FROM,
    _MADE_OF_THEM,
    _MAKING,
    _MAKING_STEP,
    _MODIFIED_T,
    _OUT_OF_CULTURE,
    _PLAIN_PRODUCT,
    _TAKEN_FROM,
    _THESE_CELLS,
    _labelled_arm,
    _other_cells,
    _plain_kind_called,
    _same_amount,
    _steps_of_making,
)
from kg.enrich.therapy.product_sources import (
    _ALLOGENEIC_GRAFT,
    _AUTOLOGOUS_CORD_BLOOD,
    _CELLS_FROM_BLOOD,
    _NOT_THE_GRAFTS,
    _TRANSPLANT,
    _first,
    _keyword_donor,
    _source,
)
from kg.enrich.therapy.quantities import cell_doses
from kg.enrich.therapy.schedules import _TO_SENTENCE_END, INFUSION_DAY, infusion_count, named_infusion_count
from kg.enrich.therapy.text import GIVING_PLACES, STRUCTURED_LAYOUTS, Passage, donor_clauses
from kg.enrich.therapy.untyped_cells import (
    _UNTYPED_CELLS,
    _gives_untyped,
    _group_gives_untyped,
    _kind_of,
    _names_untyped,
)
from kg.model.records import CellProduct, DoseLevel, TrialRecord

__all__ = ["BACKGROUND", "cell_products"]

#: The NK cell lines products are made from, by name (the lines product_sources reads as CELL_LINE).
_NK_CELL_LINE = re.compile(r"\bNK-92\b|\bNK[- ]cell line\b|\bKHYG-1\b", re.IGNORECASE)

#: Sentences that tell the background (other therapies, earlier studies), not this trial's product:
#: their donor, tissue or manufacture is not the product's.
BACKGROUND = re.compile(r"\bin recent years\b|\b(?:have|has|had) been (?:shown|reported|demonstrated|used|proven|found|"
                         r"studied|tested|investigated|extended|applied|developed)\b|\bprevious(?:ly)?\b"
                         # "the current trials have focused on bone marrow-derived stem cells" (pactr.samrc.ac.za
                         # PACTR202007828853091): trials other than this one
                         r"|\b(?:studies|trials) (?:have|has|showed|suggest)\b"
                         # (not the cells "that can be given to the patient by vein", cancer.gov NCT05110742: what the
                         # trial's cells are grown for)
                         # a plan given up: "NOTE: Originally, our designed proposal was to use autologous PBMCs from
                         # cancer patients to ex vivo expand Vγ9Vδ2-T cells" (ClinicalTrials.gov NCT03183232)
                         r"|\boriginally,"
                         r"|\b(?:have|has) (?:shown|demonstrated|reported)\b|\bcould be\b|\bcan be\b(?<!\bthat can be)"
                         r"(?<!\bwhich can be)|\bliterature\b"
                         r"|\bwere reported\b|\bother (?:studies|trials|groups)\b|\bin (?:mice|animal|murine|preclinical)\b"
                         r"|\bso far\b|\busually\b|\btypically\b|\bgenerally\b"
                         # an aim beyond this study: "Researchers aim to develop a new therapy which uses a patient's own
                         # immune cells called T cells to treat AML" (NCT03885076, which gives nobody cells)
                         r"|\baims? to develop\b"
                         # a journal's report of another study (_JOURNAL_REPORT)
                         r"|\b(?:journal|lancet|NEJM|blood)\s+(?:of\s+[\w ]{1,30}?\s+)?(?:published|reported)\b"
                         # the findings of laboratory experiments: "Experiments to block the MHC class-I and -II pathways on
                         # tumors-RNA transfected DCs showed that only MHC class-I blocking led to a significant reduction of
                         # heterogeneous CIK cells cytotoxicity after the co-culture." (ClinicalTrials.gov NCT01868490)
                         r"|\bexperiments?\b[^.;]{0,120}?\b(?:showed|demonstrated|revealed)\s+that\b",
                         re.IGNORECASE)
#: A journal's report of another study: "In 2018, New England Journal published the long-term follow-up data of CD19 CAR-T
#: for relapse/refractory (R/R) ALL, 53 patients with r/r ALL who received a single infusion of CD19 CAR-T", "In December
#: 2020, lancet reported a clinical study of 19 patients" (ClinicalTrials.gov NCT05164042): its infusions are not this
#: trial's (though a sentence of this trial's cells that speaks of the patients' "previous HSCT" counts its own).
_JOURNAL_REPORT = re.compile(r"\b(?:journal|lancet|NEJM|blood)\s+(?:of\s+[\w ]{1,30}?\s+)?(?:published|reported)\b",
                             re.IGNORECASE)

#: A study that says it gives nobody the cells it studies: "Currently this is only an exploratory study and none of the
#: samples collected will be used for treatment" (NCT03885076, "Gamma Delta T Cells in AML").
#: Nor does a study that collects cells to make a product for another trial: "The purpose of this study is to
#: manufacture MG4101 (allogeneic natural killer cell) which will be used for clinical trial in HCC after TACE"
#: (NCT02716571, whose participants are healthy donors).
_NONE_GIVEN = re.compile(r"\bnone of the (?:samples|cells)\b[^.;]{0,40}\bwill be used for (?:treatment|therapy)\b"
                         r"|\b(?:samples|cells) (?:collected )?will not be used for (?:treatment|therapy)\b"
                         r"|\bpurpose of this study is to manufacture\b[^.;]{0,120}\bwill be used (?:for|in) "
                         r"(?:an?other |a separate )?clinical trials?\b", re.IGNORECASE)


#: A study that follows up the participants of earlier trials, who were given the cells there: "Long-Term Follow-up Protocol
#: for Participants Treated With Gene-Modified T Cells" (NCT03435796), "Long Term Follow-Up of Patients Exposed to
#: Lentiviral-Based CAR T-Cell Therapy" (NCT02445222's official title), "Long-term Follow-up After Adoptive Transfer of
#: Genetically Modified Cell Products" (NCT05713214), "Gene Therapy Follow-up Protocol for People Previously Enrolled in NCI
#: Experimental Transplantation and Immunology Branch Studies", "CAR-T Long Term Follow Up (LTFU) Study" (NCT02445222): a
#: title that is the follow-up (a few words before it at most), of people treated before or after their treatment.
_FOLLOW_UP_STUDY = re.compile(
    r"^(?:[\w-]+\s+){0,3}?(?:long[- ]term\s+)?follow[- ]?up\s+(?:\(LTFU\)\s+)?(?:(?:protocol|study)\s+)?"
    r"(?:(?:for|of|in)\s+(?:all\s+)?(?:participants|subjects|patients|people|persons|children|adults|recipients)\s+"
    r"(?:(?:who\s+(?:have\s+|had\s+)?)?(?:previously\s+)?(?:treated|exposed|received|receiving|enrolled|dosed|infused)"
    r"|previously|after)\b"
    r"|after\s+(?:(?:the\s+)?adoptive\s+transfer|treatment|infusion|receipt|administration)\b)"
    r"|^(?:[\w-]+\s+){0,3}?long[- ]term\s+follow[- ]?up\s+(?:\(LTFU\)\s+)?(?:study|protocol)\s*$", re.IGNORECASE)
#: The description of the intervention that names the cells, saying it gives nothing: "Genetic: Gene-modified (GM) T cell
#: therapy" described "No investigational product will be administered" (NCT03435796). (Said of a control arm, it says
#: nothing of the cells other arms are given: only the cells' own intervention counts.)
_NOTHING_ADMINISTERED = re.compile(r"\bno\s+(?:investigational|study)\s+(?:medicinal\s+)?(?:products?|drugs?|treatments?"
                                   r"|interventions?)\s+(?:will\s+be|is|are)\s+(?:administered|given)\b", re.IGNORECASE)
#: A study's own word that it gives no therapy: "This trial does not include any therapy and is only for patients
#: previously treated on gene-therapy trials" (clinicaltrialsgps.com, the NCI's gene therapy follow-up protocol).
_NO_THERAPY = re.compile(r"\b(?:trial|study|protocol)\s+does\s+not\s+(?:include|involve)\s+any\s+(?:therapy|treatment)\b"
                         # a study that calls itself observational and no treatment: "This study tracks 50 people with
                         # blood cancers who are receiving CAR T therapy. ... This is an observational study, not a new
                         # treatment." (curemydisease.com NCT05397132): the cells are the participants' care, not the
                         # study's; "Study involves observation and data collection; no treatment is provided."
                         # (bereflected.org 338552)
                         r"|\b(?:observational|non-?interventional)\s+(?:study|trial|registry)\s*,?\s*(?:and\s+|but\s+)?"
                         r"not\s+an?\s+(?:new\s+)?(?:treatment|therapy|interventional)\b"
                         r"|\b(?:study|trial)\s+involves\s+(?:only\s+)?observation\b[^.;]{0,60}?[;,]\s*no\s+(?:treatment|therapy)"
                         r"\s+(?:is|will\s+be)\s+(?:provided|given|administered)\b",
                         re.IGNORECASE)


def cell_products(record: TrialRecord, giving: list[Passage],
                  all_passages: Callable[[], list[Passage]]) -> list[CellProduct]:
    """The cell products the record describes (one per cell type it gives): ``giving`` are the
    sentences of its title, interventions and arms, ``all_passages()`` all its therapy's sentences.

    The types are read from what names the therapy (the title and the interventions) or, when
    those name none, from the sentences of the interventions and arms; in a registry study, a summary
    names a product only when the title or interventions give cells without naming them.
    """
    products = _products(record, giving, all_passages)
    # a follow-up of earlier trials' recipients gives no cells of its own, whatever cells its title and arms name
    if products and (any(_FOLLOW_UP_STUDY.search(p.text) for p in giving if p.place == "title")
                     or any(_NOTHING_ADMINISTERED.search(p.text) and _cell_types(p.intervention)
                            for p in giving if p.place == "intervention" and p.intervention)):
        return []
    # asked only of a record that would have products: most registry studies name no cells, and their summaries are
    # then never cut into sentences
    if products and any(_NONE_GIVEN.search(p.text) or _NO_THERAPY.search(p.text) for p in all_passages()):
        return []
    if len(products) == 1 and not products[0].donor_types and record.keywords and record.source.layout in STRUCTURED_LAYOUTS:
        # a registry study whose text says nothing of the donor, its keywords the donor word alone ("allogenic",
        # NCT05886491)
        donor = _keyword_donor(record.keywords)
        products[0].donor_types = [donor] if donor else []
    if len(products) == 1 and products[0].infusions is None and record.outcomes and record.source.layout in STRUCTURED_LAYOUTS:
        products[0].infusions = _outcomes_single_infusion(record, products[0].cell_type)
    return products


#: An outcome of one infusion of the cells: "To determine dose-limiting toxicity (TLD) of a single infusion of aloreactive NK
#: cells or ex vivo IL-15-stimulated NK cells after haploTPH" (ClinicalTrials.gov NCT05304754, whose arms and interventions
#: never count the infusions): the cells named after it, up to five words before "cells".
_SINGLE_INFUSION_OF_CELLS = re.compile(r"\ba\s+single\s+(?:dose|infusion)\s+of\s+(?P<cells>(?:[\w+-]+\s+){0,5}?"
                                       r"(?:cells?|lymphocytes|TILs?))\b", re.IGNORECASE)


def _outcomes_single_infusion(record: TrialRecord, cell_type: str | None) -> int | None:
    """1 where a registry study's outcome (its measure or description) speaks of a single infusion of the product's kind of
    cells; None otherwise (a single infusion of another kind, or of a drug).
    """
    for outcome in record.outcomes:
        for text in (outcome.measure, outcome.description):
            if not text or "single" not in text:
                continue
            for match in _SINGLE_INFUSION_OF_CELLS.finditer(text):
                if cell_type in {TOKENS.get(kind, kind) for kind in _cell_types(_unproduct(match.group("cells")))}:
                    return 1
    return None


#: Words (lowercase) one of which each alternative of _INFUSION_DOSE needs: "dose", "dosage", "level", or an amount per "kg"
#: or "kilogram".
_DOSE_WORDS = ("dos", "level", "kg", "kilogram")


def _says_dose(lowered: str, text: str) -> bool:
    """Whether a sentence says a dose of cells (_INFUSION_DOSE searched only where its words are)."""
    return any(word in lowered for word in _DOSE_WORDS) and bool(_INFUSION_DOSE.search(text))


def _says_dose_or_day(text: str) -> bool:
    """Whether a sentence says a dose of cells or the day of an infusion (each pattern searched only where its words are)."""
    lowered = text.lower()
    return _says_dose(lowered, text) or ("day" in lowered and bool(INFUSION_DAY.search(text)))


def _products(record: TrialRecord, giving: list[Passage], all_passages: Callable[[], list[Passage]]) -> list[CellProduct]:
    titles = [p.text for p in giving if p.place == "title" and not _measured_title(p.text)]
    named = titles + [i.name for i in record.interventions]
    types = _cell_types(" ".join(named)) or _cell_types(" ".join(p.text for p in giving if p.place in GIVING_PLACES))
    # a registry study's brief title that names plain cells its official title says are CAR cells: "A Pediatric and Young
    # Adult Trial of Genetically Modified T Cells Directed Against CD22 ..." and "... (PLAT)-07: A Phase 1/2 Study of
    # CD22-Specific CAR T Cells for CD22+ Leukemia or Lymphoma" (ClinicalTrials.gov NCT04571138, its intervention
    # "SCRI-CAR22v2"): the CAR T cells
    if types and set(types) <= {"T", "NK"} and record.official_title and record.source.layout in STRUCTURED_LAYOUTS:
        specific = {"T": "CAR_T", "NK": "CAR_NK"}
        exact = _cell_types(_unproduct(record.official_title))
        types = _one_product_each(list(dict.fromkeys(types + [specific[k] for k in types if specific[k] in exact])))
    # a registry study that names its cells only where its summary says what a coded intervention is: the code names them
    defined = _defined_kinds(record, all_passages) if not types and record.source.layout in STRUCTURED_LAYOUTS else []
    types = types or _one_product_each(list(dict.fromkeys(kind for _, kind in defined)))
    # (the title's own kinds are read only where they can count: a page's record that names some kind)
    in_title = _cell_types(" ".join(titles)) if types and record.source.layout not in STRUCTURED_LAYOUTS else []
    if in_title and len(types) > len(in_title):
        # a page's list of interventions that names a kind of cells its title, summary and arms never speak of, beside
        # the title's own: "Drugs / interventions CAR-T, chemotherapy, ..." of a page on CIML NK cells (findatrial.com
        # NCT06152809) are the site's tags, not the trial's product
        spoken = " ".join(p.text for p in all_passages() if p.place != "intervention")
        types = [kind for kind in types if kind in in_title or dict(CELL_TYPES)[kind].search(_unproduct(spoken))]
    if not types and (record.source.layout not in STRUCTURED_LAYOUTS or not record.title
                      or _GIVES_CELLS.search(_NOT_A_PRODUCT.sub(" ", " ".join(named)))):
        # a page, or a registry study whose title gives cells without naming them: the summary names them
        # where it gives them (cells counted, measured or named as the target of a drug are no product)
        types = _one_product_each(list(dict.fromkeys(kind for p in all_passages()
                                                     if not BACKGROUND.search(p.text) or _INVESTIGATORS_PLAN.search(p.text)
                                                     for kind in _given_cell_types(p.text))))
    if types and record.source.layout not in STRUCTURED_LAYOUTS:
        # cells given together with the named ones: "After making them potential cancer killer γδ T Cell and DC-CIK, they
        # will be infused to the patients" (NCT03183232, whose title names the γδ T cells alone)
        together = [kind for p in all_passages() if p.place != "title" and not BACKGROUND.search(p.text)
                    for kind in _given_with(p.text, types)]
        types = _one_product_each(list(dict.fromkeys(types + together)))
    # (without types, only whether there are any passages counts: the summaries are not cut into sentences for that)
    passages = all_passages() if types or not giving else giving
    if not types and not passages:
        # a page that gives nothing but its criteria ("Available related HLA haploidentical natural killer (NK)
        # cell donor"): the donor's criteria name the cells the donor gives
        passages = [Passage(clause, place="criteria") for clause in donor_clauses(record)]
        types = _cell_types(" ".join(p.text for p in passages))
        if not types:
            # or a criterion that names the trial's own agent: the cells the patients choose, or those of the
            # pregnancy warning
            passages = [Passage(clause, place="criteria") for clause in _agent_clauses(record)]
            types = _cell_types(" ".join(p.text for p in passages))
    if not types:
        return _untyped_products(record, giving, all_passages) or _short_named_product(record, all_passages)
    products = []
    for token in dict.fromkeys(TOKENS.get(kind, kind) for kind in types):
        kinds = [kind for kind in types if TOKENS.get(kind, kind) == token]
        patterns = [dict(CELL_TYPES)[kind] for kind in kinds]
        if token == "CAR_T":
            patterns.append(_MODIFIED_T)  # "autologous T-lymphocytes transduced by the ... retroviral vector": the CAR's cells
        if token in ("NK", "CAR_NK"):
            # NK cells made from a cell line, named by the line: "Based on the clinically usable human NK cell line NK-92,
            # the continuously expanding cell clone NK-92/5.28.z was generated that harbors a CAR specific for ... HER2",
            # "GMP-compliant processes for expansion of clinical doses of NK-92/5.28.z cells were developed" (ekfs.de
            # NCT03383978)
            patterns.append(_NK_CELL_LINE)
        if len(types) == 1:
            patterns.append(_PLAIN_PRODUCT)
        # (and in a trial of one kind, the name the text says is made from the cells collected for it)
        names = list(dict.fromkeys(_product_names(passages, patterns, record)
                                   + (_made_names(passages) if len(types) == 1 else [])
                                   + [name for name, kind in defined if kind in kinds]
                                   + (_car_coded_names(record) if token in ("CAR_T", "CAR_NK") else [])))
        named_as = _names_pattern(names)
        if named_as:
            patterns.append(named_as)  # "(2 million cells/kilogram (kg) of Prochymal®)": the product by its name
        plain = _plain_kind_called(passages, patterns)
        if plain:
            patterns.append(plain)  # "In this study, the NK cells given are called iC9/CD5CAR/IL-15 NK cells."
        about: list[Passage] = []
        for index, passage in enumerate(passages):
            text = _unproduct(passage.text)
            if any(pattern.search(text) for pattern in patterns):
                about.append(passage)
            elif about and about[-1] is passages[index - 1] and (_THESE_CELLS.match(passage.text)
                                                                  or _GIVEN_THE_CELLS.search(passage.text)):
                about.append(passage)  # "These cells are developed from healthy donors": the product named just before
        # asked of a set as well as kept in order: of the list, passage by passage, it made a page of many passages quadratic
        taken = set(about)

        def take(*taking: Passage, about: list[Passage] = about, taken: set[Passage] = taken) -> None:
            about.extend(taking)
            taken.update(taking)

        for index, passage in enumerate(passages):
            # "Peripheral blood will be collected from a vein of arm." before "Peripheral blood mononuclear cells(PBMC) will be
            # isolated and purified for NK manufacturing." (NCT03634501): the collection of the product's material
            if (index and passage in taken and _MADE_FROM.search(passage.text) and passages[index - 1] not in taken
                    and _COLLECTED.search(passages[index - 1].text)):
                take(passages[index - 1])
            # "PBMCs will be separated from peripheral blood of suitable donors. After making them potential cancer killer
            # γδ T Cells, they will be infused to the patients" (trial.medpath.com NCT04008381): what the cells are made
            # from, "them" of the sentence that makes them
            elif (index and passage in taken and _MADE_OF_THEM.search(passage.text) and passages[index - 1] not in taken
                  and _TAKEN_FROM.search(passages[index - 1].text)):
                take(passages[index - 1])
            # "... taking white blood cells from patients' tumors, growing them in the laboratory in large numbers, and
            # then giving the cells back to the patient. These cells are called Tumor Infiltrating Lymphocytes, or TIL"
            # (NCT01174121): the sentence before a naming describes the cells it names
            elif (index and passage in taken and _CALLED.match(passage.text) and passages[index - 1] not in taken
                  and passages[index - 1].place == passage.place):
                take(passages[index - 1])
            # "First, you will have cells collected from your blood during an outpatient procedure. Those cells are then
            # sent to the lab to be engineered and grown." (stellatrials.com NCT07172958): in a trial of one product,
            # cells collected and then made into something are its cells, though neither sentence names it
            elif (len(types) == 1 and index and passage not in taken and passages[index - 1] not in taken
                  and _THESE_CELLS.match(passage.text) and _MAKING.search(passage.text)
                  and _CELLS_COLLECTED.search(passages[index - 1].text)):
                take(passages[index - 1], passage)
            # "Patients will donate 250 - 300mL of blood, from which T cells will be isolated and expanded" (anzctr.org.au
            # ACTRN12613000981729): in a trial of one product, the blood its cells are isolated from
            elif len(types) == 1 and passage not in taken and _CELLS_FROM_BLOOD.search(passage.text):
                take(passage)
            # "Peripheral blood mononuclear cells (PBMCs) were isolated from patient-related donor and cultured in vitro
            # for 15 days and infused to the patient in two consecutive days." (trial.medpath.com NCT04162158): in a trial
            # of one product, cells made and given in one sentence are its cells
            elif len(types) == 1 and passage not in taken and _MADE_AND_GIVEN.search(passage.text):
                take(passage)
            # "Participants will have leukapheresis. ... A machine will separate the white blood cells from their blood."
            # (trialfinderdata.org NCT05003895): in a trial of one product and no transplant, the participants' (or donors') own
            # collection of blood cells is its material's
            elif (len(types) == 1 and "pheresis" in passage.text and passage not in taken
                  and _HAVE_LEUKAPHERESIS.search(passage.text)
                  and not _TRANSPLANT.search(passage.text)):
                take(passage)
            elif index and passage in taken and _OUT_OF_CULTURE.search(passage.text) and passages[index - 1] not in taken:
                take(*_steps_of_making(passages, index, about))
            # "UCMCs are isolated from the Umbilical cord blood and seeded in serum-free medium ... The cells are stimulated
            # with different cytokines ..., The cells are reconstituted with fresh, complete culture medium until the mature
            # immune cells are harvested on day 14." (anzctr.org.au ACTRN12618001337268, whose title names the "activited T
            # cells from from umbilical cord blood mononuclear cells"): in a trial of one product, a making told step by
            # step from the isolation of its material to a harvest is the product's, though no step names it
            elif (len(types) == 1 and index and passage not in taken and _OUT_OF_CULTURE.search(passage.text)
                  and _MAKING_STEP.search(passage.text) and not _other_cells(passage.text)):
                steps = _steps_of_making(passages, index, about)
                if steps and not any(_other_cells(step.text) for step in steps):
                    take(*steps, passage)
        # the description of an intervention that names the product speaks of it, though its sentences need not name
        # it again: "Biological: Ex vivo Expanded Human Autologous Polyclonal Regulatory T Cells" over "... Then, the Tregs
        # will be infused back into the patient in a single infusion. The first cohort will receive 0.05 x10^8 cells."
        # (NCT01210664)
        named = {p.text for p in about if p.place == "intervention" and p.intervention is None}
        take(*[p for p in passages if p.intervention in named and p not in taken])
        # the arms that give the product: their descriptions speak of it even where they do not name it
        # (and the arms that list an intervention described as the product: "Experimental: Cohort 1 - Low dose SNK01" lists
        # "Biological: SNK01", "Patient-specific ex vivo expanded autologous natural killer cells", ClinicalTrials.gov
        # NCT04678453)
        described = {p.intervention.lower() for p in about if p.intervention}
        arms = {p.arm for p in about if p.arm} | {a.label for a in record.arms
                                                  if any(pattern.search(a.label) for pattern in patterns)
                                                  or described & {name.lower() for name in a.interventions}}
        take(*[p for p in passages if p.arm in arms and p not in taken])
        # a trial of one product doses it in sentences that need not name it again ("The initial infusion
        # dose level will start from 2x10^6/kg to 5x10^7/kg", NCT04765462)
        dosing = [p for p in passages if p not in taken and _says_dose_or_day(p.text)
                  and not _other_cells(p.text)] if len(types) == 1 else []
        products.append(_describe(token, about, donor_clauses(record), donor_lymphocytes="DLI" in kinds, dosing=dosing,
                                  given_in=_only_arms(record), arm_labels=[a.label for a in record.arms],
                                  names=frozenset(name.lower() for name in names)))
    return products


#: A criterion that names the trial's own agent: the pregnancy warning ("The effects of virus-specific, antigen-selected T
#: cells on the developing human fetus are unknown", ignite-sd.com NCT03378102; the same warning names a trial's drug
#: elsewhere: "The effects of Niraparib on the developing human fetus are unknown", "The effects of the trial drug ...")
#: and the treatment the patients choose ("patients voluntarily choose transfusion of anti-CD19 CAR-T cells as the first
#: treatment program", ignite-sd.com NCT04289220). Not a therapy the patients had before ("prior CAR-T cell therapy").
_NAMES_THE_AGENT = re.compile(r"\beffects?\s+of\s+(?P<agent>[^.;]{1,100}?)\s+on\s+the\s+developing\s+(?:human\s+)?fet(?:us|al)\b"
                              r"|\b(?:voluntarily\s+)?(?:choose|chooses|elect|elects)\s+(?:to\s+receive\s+)?"
                              r"(?P<chosen>(?:the\s+)?(?:transfusions?|infusions?|treatment|therapy)\s+(?:of|with)\s+[^.;]{1,80})",
                              re.IGNORECASE)


def _agent_clauses(record: TrialRecord) -> list[str]:
    """What the inclusion criteria of a page that gives nothing else name as the trial's agent."""
    found = []
    for criterion in record.criteria:
        if criterion.kind == "EXCLUSION":
            continue
        for match in _NAMES_THE_AGENT.finditer(criterion.text):
            found.append(match.group("agent") or match.group("chosen"))
    return found


def _untyped_products(record: TrialRecord, giving: list[Passage],
                      all_passages: Callable[[], list[Passage]]) -> list[CellProduct]:
    """The product of cells of a kind without a cell-type token, where the record gives them: an intervention named
    by them ("Drug: MSC+ATG", NCT02218437), or a sentence with a word of giving near them ("the Injection of Mesenchymal
    Stem Cells", "autologous dendritic cell therapy") -- of its title, interventions and arms, and of a page's summary
    or of a registry study's whose title or interventions give cells.
    """
    if not _names_untyped(record):
        return []  # most records: none of the words, and their summaries need not be cut into sentences
    titles = [p for p in giving if p.place == "title" and not _measured_title(p.text)]
    named = [i.name for i in record.interventions]
    if not any(_UNTYPED_CELLS.search(name) for name in named):
        places = titles + [p for p in giving if p.place in GIVING_PLACES]
        if record.source.layout not in STRUCTURED_LAYOUTS or _GIVES_CELLS.search(" ".join([*named, record.title or ""])):
            places += [p for p in all_passages() if p.place == "summary"]
        if not any(_gives_untyped(p.text) or _group_gives_untyped(p) for p in places if not BACKGROUND.search(p.text)):
            return []
    passages = all_passages()
    named_as = _names_pattern(_product_names(passages, [_UNTYPED_CELLS], record))
    about = [p for index, p in enumerate(passages) if _UNTYPED_CELLS.search(p.text) or (named_as and named_as.search(p.text))
             or _group_gives_untyped(p)
             or (index and _GIVEN_THE_CELLS.search(p.text) and _UNTYPED_CELLS.search(passages[index - 1].text))
             or (index + 1 < len(passages) and _LEUKAPHERESIS_CULTURED.search(p.text)
                 and _UNTYPED_CELLS.search(passages[index + 1].text) and not _other_cells(p.text))]
    # cells of two kinds ("mesenchymal stromal cells" and "dendritic cells") are two products, each described by the
    # sentences that name it; a dose that names neither belongs to the product only where there is one
    kinds = list(dict.fromkeys(_kind_of(m.group(0)) for p in about for m in _UNTYPED_CELLS.finditer(p.text)))
    dosing = [p for p in passages if p not in about and _says_dose(p.text.lower(), p.text) and not _other_cells(p.text)]
    if not kinds:  # named only where no sentence is read (an intervention's name): a product of no known kind
        return [_describe(None, about, donor_clauses(record), dosing=dosing, given_in=_only_arms(record),
                          arm_labels=[a.label for a in record.arms])]
    products = []
    for kind in kinds:
        its = about if len(kinds) == 1 else [p for p in about if any(_kind_of(m.group(0)) == kind
                                                                    for m in _UNTYPED_CELLS.finditer(p.text))]
        product = _describe(None, its, donor_clauses(record), dosing=dosing if len(kinds) == 1 else [],
                            given_in=_only_arms(record), arm_labels=[a.label for a in record.arms])
        product.kind = kind
        products.append(product)
    return products


#: A cell therapy's international name in its short form ("obe-cel", "tisa-cel", "axi-cel": the "-cel" stem of cell
#: therapies), made from cells the text says are collected for it: "We will screen patients to make sure they are
#: suitable for the trial, and then collect white blood cells (leukapheresis) to make obe-cel." (trial.medpath.com
#: NCT07053800, whose text never says which cells obe-cel is: the product's kind stays unsaid).
_SHORT_CEL_NAME = r"[a-z]{2,10}-cel"
_MADE_FOR_NAME = re.compile(rf"\b(?:collect|take|draw|harvest|remove|obtain)(?:s|ed|ing)?\s+(?:[\w()-]+\s+){{0,5}}?"
                            rf"(?:cells|blood)\b[^.;]{{0,40}}?\bto\s+(?:make|manufacture|produce|prepare|create)\s+"
                            rf"(?:the\s+)?(?P<name>{_SHORT_CEL_NAME})\b", re.IGNORECASE)


#: How a registry study's summary or description says what an intervention it names only by a code is: "FT538 is an
#: off the shelf product comprised of allogeneic natural killer (NK)-cell immunotherapy lacking CD38 and expressing hnCD16
#: and IL-15RF" (NCT04714372, whose interventions are "Drug: FT538" and "Drug: Daratumumab/rHuPH20").
_IS = r"\s+(?:is|are)\s"
_IS_WORD = re.compile(_IS)


def _ends_with_name(text: str, name: str, end: int) -> bool:
    """Whether ``text`` before ``end`` ends with ``name``, a whole name (no letter, digit, "_" or "-" glued before it)."""
    start = end - len(name)
    return start >= 0 and text.startswith(name, start) and not (start and (text[start - 1].isalnum() or text[start - 1] in "_-"))


def _subjects(text: str, names: list[str]) -> Iterator[tuple[str, str]]:
    """Each (name, what) where one of ``names`` "is" / "are" what follows in ``text``, up to the sentence's end: left to
    right and not overlapping, as one pattern of the names would find them.
    """
    found = sorted((is_word.start() - len(name), order, is_word.end(), name)
                   for is_word in _IS_WORD.finditer(text)
                   for order, name in enumerate(names) if _ends_with_name(text, name, is_word.start()))
    done = 0
    for start, _, after, name in found:
        if start >= done:
            what = _TO_SENTENCE_END.match(text, after)
            yield name, what.group()
            done = what.end()


def _defined_kinds(record: TrialRecord, all_passages: Callable[[], list[Passage]]) -> list[tuple[str, str]]:
    """Each intervention a registry study's summary or description says is cells, with the kind of cells (the words up
    to what it does to cells: a code that "targets" or "engages" NK cells is no NK cells).
    """
    described = " ".join(text for text in (record.brief_summary, record.detailed_description) if text)
    named = [name for name in dict.fromkeys(i.name.strip() for i in record.interventions) if 2 < len(name) <= 40
             and name in described]
    if not named:
        return []
    # (where each "is" / "are" stands, asked of every name: a pattern made of the study's names cost a compilation per
    # study, half again of the whole therapy reading's time where it ran)
    ends = [match.start() for match in _IS_WORD.finditer(described)]
    names = [name for name in named if any(_ends_with_name(described, name, end) for end in ends)]
    if not names:
        return []  # most records: the summary says of no intervention what it is
    defined: list[tuple[str, str]] = []
    for passage in all_passages():
        if passage.place != "summary" or BACKGROUND.search(passage.text):
            continue
        for name, what in _subjects(passage.text, names):
            what = _unproduct(what)
            # (the "kill" of "natural killer" is the cells' name, not what the code does to them)
            acts = next((m.start() for m in _ACTS_ON.finditer(what) if what[m.start():m.start() + 6].lower() != "killer"),
                        len(what))
            kinds = _cell_types(what[:acts])
            if not kinds and _CELL_THERAPY.search(what[:acts]):
                # "GDX012 is a novel cell therapy developed for the treatment of certain types of cancer" (NCT05886491):
                # the kind its keywords name ("gamma delta T cells")
                kinds = _cell_types(_unproduct(" ; ".join(record.keywords)))
            defined += [(name, kind) for kind in kinds]
    return list(dict.fromkeys(defined))


#: A therapy of cells whose kind the sentence does not name.
_CELL_THERAPY = re.compile(r"\b(?:cell(?:ular)?|cell-based)\s+(?:therapy|immunotherapy|product)\b", re.IGNORECASE)


def _short_named_product(record: TrialRecord, all_passages: Callable[[], list[Passage]]) -> list[CellProduct]:
    """The product of a trial that names it only by a cell therapy's short name, made from cells it says are collected
    for it: no cell type, its donor and tissue from the sentences that name it.
    """
    texts = [record.title, record.brief_summary, record.detailed_description,
             *(text for i in record.interventions for text in (i.name, i.description))]
    if not any(text and "-cel" in text.lower() for text in texts):
        return []  # most records
    passages = [p for p in all_passages() if not BACKGROUND.search(p.text)]
    names = {m.group("name").lower() for p in passages for m in _MADE_FOR_NAME.finditer(p.text)}
    if not names:
        return []
    named = _names_pattern(sorted(names))
    about = [p for p in passages if named and named.search(p.text)]
    return [_describe(None, about, donor_clauses(record), given_in=_only_arms(record),
                      arm_labels=[a.label for a in record.arms])]


#: A sentence that says what the investigators mean to do speaks of this trial, whatever general claim it holds besides
#: ("can be"): "the investigators propose modifying T cells to encode a 'switch' so that they can be eliminated if
#: problems arise" (ignite-sd.com NCT01204502); not "the investigators will measure NK cell cytotoxicity", nor an aim of
#: a therapy still to be made, "Researchers aim to develop a new therapy which uses a patient's own immune cells"
#: (NCT03885076). So does the study's own hypothesis: "The specific hypothesis is that SARS-CoV-2 specific T cells can be
#: isolated from the blood of convalescent donors rapidly" (trial.medpath.com NCT04351659).
_INVESTIGATORS_PLAN = re.compile(r"\binvestigators\s+(?:propose|plan|want|intend)\b"
                                 r"|^(?:the|our)\s+(?:(?:specific|central|main|primary|study)\s+)?hypothesis\s+is\s+that\b"
                                 r"|^we\s+hypothesi[sz]e\s+that\b", re.IGNORECASE)
#: A dose said to be each infusion's.
_PER_INFUSION = re.compile(r"\bper\s+(?:infusion|transfusion|injection)\b", re.IGNORECASE)


def _describe(cell_type: str | None, passages: list[Passage], donor_clauses: list[str], *,
              donor_lymphocytes: bool = False, dosing: list[Passage] | None = None,
              given_in: dict[str, str] | None = None, arm_labels: list[str] | None = None,
              names: frozenset[str] = frozenset()) -> CellProduct:
    product = CellProduct(cell_type=cell_type)
    about = [text for text in map(_this_trials, (p.text for p in passages)) if text]
    if cell_type in _NOT_THE_GRAFTS:
        # mesenchymal stromal cells "after allogeneic haemopoietic stem cell tranplantation", "CAR-T Cell Therapy Combined
        # With Allogeneic Hematopoietic Stem Cell Transplantation" (meddatax.com NCT06913179), "IL-15 Activated Cytokine
        # Induced Killer (CIK) Cells in Relapsing Patients ... After Allogeneic SCT" (apps.who.int NCT02752243): the
        # transplant's donor, not the cells'
        about = [_ALLOGENEIC_GRAFT.sub(" ", text) for text in about]
    if cell_type is None:
        # and a criterion of the patients' transplant, "allogenic BMT from related or unrelated donor" (NCT01941394): the
        # donor of the graft, not of the stromal cells (a donor of those is said of them)
        donor_clauses = [clause for clause in donor_clauses if not _TRANSPLANT.search(clause)]
    # The donor and tissue what names the product (title, interventions, arms) gives; the summaries and
    # the donor's criteria only for what that leaves open ("CIK cells are expanded conventionally from
    # peripheral blood" in a summary is no source of the "Cord Blood-derived" CIK cells of the title).
    named = [p.text for p in passages if p.place != "summary"]
    named_donors, named_tissues = _source([_ALLOGENEIC_GRAFT.sub(" ", text) for text in named]
                                          if cell_type in _NOT_THE_GRAFTS else named, [])
    donors, tissues = _source(about, donor_clauses)
    # "donor" cells of a title, said "haploidentical" elsewhere: the donor is haploidentical
    product.donor_types = donors if named_donors == ["ALLOGENEIC"] and donors == ["HAPLOIDENTICAL"] else named_donors or donors
    product.tissue_sources = named_tissues or tissues
    if "UMBILICAL_CORD_BLOOD" in named_tissues and not named_donors and not _first(_AUTOLOGOUS_CORD_BLOOD, about):
        # "Cord Blood-derived Cytokine-induced Killer Cells" (NCT01914263): cells grown from cord blood are another
        # person's, whatever a summary says of other products ("Autologous CIK cells infusion ...")
        product.donor_types = ["ALLOGENEIC"]
    if product.tissue_sources and "UMBILICAL_CORD_BLOOD" in product.tissue_sources and not product.donor_types:
        product.donor_types = ["ALLOGENEIC"]  # cord blood is always another person's
    if donor_lymphocytes and not product.donor_types:
        product.donor_types = ["ALLOGENEIC"]  # donor lymphocytes are the transplant donor's

    manufacture = [_STUDY_EXPANSION.sub(" ", text) for text in about]
    if _first(_NOT_EXPANDED, manufacture):
        product.ex_vivo_expanded = False
    elif _first(_EXPANDED, manufacture):
        product.ex_vivo_expanded = True
    if _first(_NOT_MODIFIED, about):
        product.genetically_modified = False
    elif cell_type in ("CAR_NK", "CAR_T") or _first(_MODIFIED, [_FEEDER_MODIFIED.sub(" ", text) for text in about]):
        product.genetically_modified = True
    elif cell_type == "T" and _first(_RECEPTOR_T, about) and _first(_CHANGED_IN_LAB, about):
        # "E7 T-cell receptor (TCR) T cell therapy ... a type of treatment in which a participant's T cells (a type of
        # immune system cell) are changed in the laboratory" (inclinicaltrials.com NCT04015336): the receptor put in them
        product.genetically_modified = True
    feeder = _first(_FEEDER, about) or _first(_K562, [t for t in about if _EXPANDED.search(t)])
    if feeder:
        product.feeder_cells = feeder.groupdict().get("after") or feeder.groupdict().get("before") or feeder.group(0)
    material = _first(_STARTING_MATERIAL, about)
    product.starting_material = material.group(0) if material else None

    product.infusions = next((n for n in (infusion_count(p.text) for p in passages if not _JOURNAL_REPORT.search(p.text))
                              if n is not None), None)
    if product.infusions is None and names:
        # a count said of the product by its code name: "6 doses of SAR445419 given thrice weekly" (ClinicalTrials.gov
        # NCT05712278), "Single infusion of SCRI-CAR22v2" (NCT04571138)
        product.infusions = next((n for n in (named_infusion_count(p.text, names) for p in passages
                                              if not _JOURNAL_REPORT.search(p.text)) if n is not None), None)
    if product.infusions is None:
        # a trial of one product gives it on the protocol's day of infusion, in a sentence that need not name it: "The
        # protocol will be performed into screening period (-30~-10 days), ..., pre-infusion evaluation (-2~-1 days),
        # infusion (day 0), and follow-up period (1-720 days)." (ctv.veeva.com NCT05563545)
        # (and the infusions its dose is given per: "Four repeated infusions will be given for a target dose of 1x10e10
        # T cell per infusion." (trial.medpath.com NCT00394381))
        product.infusions = next((n for n in (infusion_count(p.text) for p in dosing or []
                                              if INFUSION_DAY.search(p.text) or _PER_INFUSION.search(p.text))
                                  if n is not None), None)
    doses: list[DoseLevel] = []

    def arm_of(passage: Passage) -> str | None:
        # a dose in the description of an intervention that one arm alone lists is given in that arm
        return passage.arm or (given_in or {}).get((passage.intervention or "").lower())

    # an arm's dose first, its intervention's too: it names its arm (a registry's summary saying the same doses again,
    # "The protocol preset 2 dose levels: Dose 1 (DL-1) was 5×10^5 (±20%) CAR T cells/kg ...", before the description of
    # the intervention its one arm lists, ClinicalTrials.gov NCT04835519, does not take the arm away)
    for passage in sorted([*passages, *(dosing or [])], key=lambda p: arm_of(p) is None):
        for dose in cell_doses(passage.text):
            dose.arm = arm_of(passage) or _labelled_arm(dose, arm_labels or [])
            if dose.arm and _DOSE_GROUP.search(dose.arm):
                # the amount of a group named by its dose is that group's one dose: "High dose group" over "10^10 TIL"
                # (meddatax.com NCT04538313), "Dose Level 1: FT538 at 1 x10^8 cells/dose" (ClinicalTrials.gov NCT04714372)
                dose.per_dose = True
            known = next((known for known in doses if _same_dose(dose, known)), None)
            if known is None:
                doses.append(dose)
            elif dose.per_dose:
                # the arm's "the dosage of anti-CD19 UCAR-T cells between 1 and 5 ×10^7 cells/Kg" and its intervention's
                # "Dose range:1 to 5 ×10^7 cells/Kg, Dose level one: 1×10^7 cells/Kg, ..." (NCT04264039): one dose level,
                # which one of its statements says is one administration's
                known.per_dose = True
    if product.infusions == 1 and _first(_MULTIPLE_DOSES, about):
        # "a single-dose escalation and multiple-dose extention clinical study", "starting with single dose of ScTIL
        # injection" (ignite-sd.com NCT05730361): one dose in some of the trial's groups, several in others
        product.infusions = None
    if _first(_SINGLE_DOSE_LEVELS, about):
        # the levels of a single-dose escalation are each one dose: "Group 2: ScTIL1.5x10^10 alone" of the same study
        for dose in doses:
            dose.per_dose = True
    if product.infusions == 1:
        # a dose given in a single infusion is that infusion's: "Then, the Tregs will be infused back into the patient in
        # a single infusion. The first cohort will receive 0.05 x10^8 cells." (ClinicalTrials.gov NCT01210664)
        for dose in doses:
            dose.per_dose = True
    product.doses = doses
    return product


#: A study that gives its dose levels once each: "an open-lable, single-arm, single-dose escalation and multiple-dose
#: extention clinical study of cell therapy" (ignite-sd.com NCT05730361), "single ascending dose".
_SINGLE_DOSE_LEVELS = re.compile(r"\bsingle[- ](?:ascending[- ])?dose[- ](?:escalat\w*|ascending|cohorts?|groups?|levels?)\b"
                                 r"|\bsingle[- ]ascending[- ]doses?\b", re.IGNORECASE)
#: Groups given the cells more than once: "multiple-dose extention", "multiple ascending doses", "repeated doses".
_MULTIPLE_DOSES = re.compile(r"\bmultiple[- ](?:ascending[- ])?doses?\b|\brepeated[- ]doses?\b|\brepeat[- ]dosing\b",
                             re.IGNORECASE)


def _only_arms(record: TrialRecord) -> dict[str, str]:
    """Each intervention (by its name in lower case) that one arm alone lists, with that arm's label: a registry's arm
    "Experimental: anti-CD19 UCAR-T cells" lists "Biological: anti-CD19 UCAR-T cells", whose description "Dose level one:
    1×10^7 cells/Kg, ..." gives the doses of that arm (NCT04264039). An intervention two arms list, or none, names no arm.
    """
    arms: dict[str, list[str]] = {}
    for arm in record.arms:
        for name in dict.fromkeys(n.lower() for n in arm.interventions):
            arms.setdefault(name, []).append(arm.label)
    return {name: labels[0] for name, labels in arms.items() if len(labels) == 1 and labels[0]}


#: Where a sentence turns from the background to this trial: "The safety about the repeated dose of cultivated NK cell ...
#: was checked in the our previous phase I clinical study, so in this study, main purpose is to evaluate the safety of the
#: combined therapy of the cultivated NK cell, chemotherapy and IgG1 antibody" (UMIN000013378).
_THIS_TRIAL = re.compile(r"\b(?:in|for)\s+(?:this|the\s+present|the\s+current)\s+(?:study|trial)\b", re.IGNORECASE)


def _this_trials(text: str) -> str | None:
    """The part of a sentence that tells of this trial: all of it, none of a background sentence, or what follows
    the words that turn from the background to this trial.
    """
    background = BACKGROUND.search(text)
    if not background or _INVESTIGATORS_PLAN.search(text):
        return text
    turn = _THIS_TRIAL.search(text, background.end())
    return text[turn.start():] if turn and not BACKGROUND.search(text, turn.start()) else None


def _same_dose(one: DoseLevel, other: DoseLevel) -> bool:
    """The same amount: a dose stated in the summary and again in its arm is one dose level."""
    return _same_amount(one, other) and (one.arm == other.arm or None in (one.arm, other.arm))
