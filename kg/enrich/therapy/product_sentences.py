"""Which sentences speak of the product without naming it: those that go on about the cells just named, or dose them.

A trial's text names its product once and then says "These cells", tells the making step by step, or gives a dose
in a sentence of its own; these patterns join such sentences to the product they follow.
"""

from __future__ import annotations

import re

from kg.enrich.therapy.cell_kinds import _unproduct
from kg.enrich.therapy.quantities import cell_doses
from kg.enrich.therapy.text import Passage
from kg.model.records import DoseLevel

__all__: list[str] = []  # the names here are the package's own

#: A sentence that says which cells of a plain kind are the product: "In this study, the NK cells given are called
#: iC9/CD5CAR/IL-15 NK cells." (cancer.gov NCT05110742, after "The NK cells are separated from a donor's umbilical cord
#: blood. These separated NK cells will then be grown in the lab ..."): the sentences that speak of NK cells speak of it.
_CALLED_KIND = re.compile(r"\b(?:the|these)\s+(?P<kind>NK|natural\s+killer|T)[- ]cells\s+(?:[\w-]+\s+){0,2}?(?:are|is)\s+"
                          r"(?:called|known\s+as|named)\b", re.IGNORECASE)
_PLAIN_KIND = {"nk": re.compile(r"\b(?:NK|natural\s+killer)(?:\s+\(NK\))?[- ]cells?\b", re.IGNORECASE),
               "t": re.compile(r"\bT[- ]cells?\b", re.IGNORECASE)}


def _plain_kind_called(passages: list[Passage], patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """The plain kind of cells (NK or T cells) a sentence says the product is called by, if one does."""
    for passage in passages:
        called = _CALLED_KIND.search(passage.text) if "called" in passage.text or "known" in passage.text \
            or "named" in passage.text else None
        if called and any(pattern.search(_unproduct(passage.text[called.end():])) for pattern in patterns):
            kind = called.group("kind").lower()
            return _PLAIN_KIND["t" if kind == "t" else "nk"]
    return None


def _steps_of_making(passages: list[Passage], index: int, about: list[Passage]) -> list[Passage]:
    """The sentences of one place just before the product's harvest (``passages[index]``) that tell its making step by
    step from the collection of its material; none where the sentences before are not such steps.
    """
    steps: list[Passage] = []
    for before in reversed(passages[max(0, index - _MAKING_STEPS):index]):
        if before in about or before.place != passages[index].place or not _MAKING_STEP.search(before.text):
            break
        steps.insert(0, before)
        if _MATERIAL_COLLECTED.search(before.text):
            return steps
    return []


#: A sentence about the dose of an infusion, and cells that are not the product (a graft's stem cells).
#: "The first phase will have 3 cohorts(Dose escalation, x5 dose increments between cohorts, 2×10^6、 1×10^7/kg and 5×10^7
#: of cells per kg of body weight)" (the Intervention Model Description of NCT04764513).
#: A numbered dose with its amount: "Dose 1 (2.5 x 10^6/k[g])", a results view's group title (NCT00789776).
#: A dose of a number of cells, written in powers of ten: "All three groups use a unified single dose of 2×10⁶ cells/kg body
#: weight" (meddatax.com NCT07212335, whose sentence does not name its mesenchymal stem cells again).
_INFUSION_DOSE = re.compile(r"\b(?:infusion|cell)\s+dose\b|\bdose[- ]levels?\b|\bdose[- ]escalation\b|\bdose\s+increments?\b"
                            r"|\bdose\s+\d+\s*\("
                            # a numbered level of cells: "Level 1: 1.25 X 109 cells Level 2: 2.50 X 109 cells" (trial.medpath.com
                            # NCT03366064, under "The NK cell dose is as follows;")
                            r"|(?:^|\n|[.;:(]\s*)level\s+(?:\d|one|two|three)\s*:\s*(?=\d+(?:\.\d+)?\s*(?:[×x*]\s*10|10[⁰¹²³⁴⁵⁶⁷⁸⁹])"
                            r"[^.;:]{0,12}?\bcells\b)"
                            # "The study includes three dose groups: 1×107 CAR-positive cells/kg, 3×107 ..." (meddatax.com
                            # NCT06690827)
                            r"|\bdose\s+(?:groups?|cohorts?)\b[^.;]{0,10}?(?=\d+(?:\.\d+)?\s*(?:[×x*]\s*10|10[⁰¹²³⁴⁵⁶⁷⁸⁹]))"
                            # (and "a dosage of": "a dosage of 1×10⁶ CAR⁺ cells per kilogram was selected", meddatax.com
                            # NCT07324889, whose sentence does not name its CAR-T cells again)
                            r"|\b(?:doses?|a\s+dosage)\s+of\s+(?=\d+(?:\.\d+)?\s*(?:[×x*]\s*10|10[⁰¹²³⁴⁵⁶⁷⁸⁹]|(?:million|billion)\b))"
                            # a dose level said to be an amount: "The starting dose is 1-3 x 10^9 cells of each TCR
                            # gene-modified cells and the second one is 3-8 x 10^9 cells" (smartpatients.com NCT01694472)
                            r"|\b(?:starting|initial|first|highest|lowest|maximum)\s+dose\s+(?:is|was|will\s+be)\s+"
                            r"(?=\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?\s*(?:[×x*]\s*10|10[⁰¹²³⁴⁵⁶⁷⁸⁹]|(?:million|billion)\b))"
                            # an amount of cells per kilogram said given: "In intervention group 1, 1 million cells per
                            # kilogram of the person's body weight are injected 4 hours before the injection of
                            # hematopoietic stem cells" (irct.behdasht.gov.ir IRCT20140911019125N10, whose sentence does
                            # not name its mesenchymal stem cells again)
                            r"|\b\d+(?:\.\d+)?\s*(?:[×x*]\s*10\S{1,4}|million|billion)\s+cells?\s*(?:/\s*kg|per\s+(?:kg|kilogram))\b"
                            r"[^.;]{0,60}?\b(?:are|is|will\s+be|were|was)\s+(?:injected|infused|administered|given)\b"
                            # and said received: "a patient with advanced HBV-HCC ... received 7.9×107 cells/kg after
                            # lymphodepletion" (e-cmh.org NCT05339321)
                            r"|\breceiv(?:ed|es?)\s+\d+(?:\.\d+)?\s*(?:[×x*]\s*10\S{1,4}|million|billion)\s+cells?\s*"
                            r"(?:/\s*kg|per\s+(?:kg|kilogram))\b"
                            # a table of labelled levels under a heading naming the cells: "Dose CAR+ cells/kg Low 1×105
                            # Medium 2×106 High 6×106" (meddatax.com NCT03559439)
                            r"|\bdoses?\s+(?:[A-Za-z][\w+-]*\s+){0,3}?cells?\s*(?:/\s*kg|per\s+kg)?\s+"
                            r"(?:low|medium|middle|intermediate|high)(?:[- ]dose)?\s*:?\s+(?=\d+(?:\.\d+)?\s*[×x*]\s*10)",
                            re.IGNORECASE)
_OTHER_CELLS = re.compile(r"\bCD34\b|\bstem cells?\b|\bgraft\b|\bmarrow\b|\btransplant\w*|\bHSCT?\b", re.IGNORECASE)
#: A transplant named only as the time the cells are given: "are injected 4 hours before the injection of hematopoietic
#: stem cells", "will be injected in a divided manner on days 0, +2, +4, +6 after transplantation" (irct.behdasht.gov.ir
#: IRCT20140911019125N10): the dose is not the graft's.
_GRAFT_AS_TIME = re.compile(r"\b(?:before|after|following|prior\s+to)\s+(?:the\s+)?(?:(?:injection|infusion|transplant\w*)\s+"
                            r"of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:stem\s+cells?|marrow|grafts?)|(?:[\w-]+\s+){0,2}?"
                            r"(?:transplant\w*|HSCT|SCT))\b", re.IGNORECASE)


def _other_cells(text: str) -> bool:
    """Whether a sentence speaks of cells other than the product (a graft's), beyond the time of the product's giving."""
    return bool(_OTHER_CELLS.search(text)) and bool(_OTHER_CELLS.search(_GRAFT_AS_TIME.sub(" ", text)))


#: A sentence that goes on about the cells the sentence before named.
#: "T cells are taken from a patient's blood" after "CAR T cell therapy is a type of treatment in which a patient's
#: T cells ... are changed in the laboratory" (NCT05625594): the kind of cells the product is made of.
_THESE_CELLS = re.compile(r"\s*(?:These|The|Such|Those|Their)\s+(?:\w+\s+)?cells\b|\s*They\b|\s*(?:T|NK)[- ]cells\s+are\b"
                          # the therapy just named, said what it is: "The therapy used in this study is called E7 T-cell
                          # receptor (TCR) T cell therapy. This therapy is a type of treatment in which a participant's T
                          # cells (a type of immune system cell) are changed in the laboratory to attack cancer cells."
                          # (inclinicaltrials.com NCT04015336)
                          r"|\s*(?:This|The|Such)\s+(?:therapy|treatment)\s+is\s+an?\s+(?:\w+\s+)?(?:of|in)\b"
                          # the making of the cells just named: "TIL (LN-144/LN-145) is made up of specialised white blood
                          # cells ... The process involves the collection and growth in a laboratory of 'T cells'"
                          # (hra.nhs.uk 2018-001608-12); "The process begins with the collection of immune cells"
                          r"|\s*(?:The|This)\s+(?:manufacturing\s+|production\s+)?process\s+(?:involves|begins|includes|consists)\b"
                          # the participants given the cells just named: "Some participants will also receive PD-L1 t-haNK
                          # cells by intravenous infusion. These are cells that attack cancer cells. These participants will
                          # receive this treatment on days 1, 5, 8, 12, and 15." (meddatax.com NCT06161545)
                          r"|\s*(?:These|Those)\s+(?:participants|patients|subjects)\s+will\s+(?:also\s+)?receive\s+"
                          r"(?:this|these)\s+(?:treatments?|therap(?:y|ies)|cells|infusions?)\b"
                          # the cells just collected for the product, made: "patients will have cells collected by
                          # leukapheresis ... for CART22 manufacturing ... Cells will be transduced with the anti-CD22
                          # TCRζ/4-1BB lentiviral vector, expanded in vitro and then frozen" (ClinicalTrials.gov NCT02650414)
                          r"|\s*Cells\s+will\s+be\s+(?:transduced|expanded|engineered|cultured|grown|modified)\b")
#: A sentence that gives the cells the sentence before named, by "the cells": "This early-stage trial tests whether stem
#: cells from donated umbilical cords are safe ... Forty participants will receive three monthly infusions of the cells"
#: (curemydisease.com NCT03186456).
_GIVEN_THE_CELLS = re.compile(r"\b(?:infusions?|injections?|doses?|administrations?|transfusions?)\s+of\s+(?:the|these)\s+cells\b"
                              r"|\b(?:receive|be\s+given)\s+(?:the|these)\s+cells\b", re.IGNORECASE)
#: A sentence that names the cells the sentence before it describes.
_CALLED = re.compile(r"\s*(?:These|The|Such|Those)\s+cells\s+are\s+(?:called|known\s+as|named)\b")
#: A sentence of the product's making from a material, and one of the material's collection.
_MADE_FROM = re.compile(r"\b(?:isolated|purified|separated|manufactur\w*)\b", re.IGNORECASE)
#: The product made of what the sentence before names ("After making them potential cancer killer γδ T Cells"), and a
#: material separated or taken from somewhere.
_MADE_OF_THEM = re.compile(r"\b(?:making|turning|converting|growing|expanding|culturing|training)\s+(?:them|these\s+cells)\b",
                           re.IGNORECASE)
_TAKEN_FROM = re.compile(r"\b(?:separated|isolated|collected|harvested|obtained|taken|drawn)\s+from\b", re.IGNORECASE)
_COLLECTED = re.compile(r"\bblood\b[^.;]{0,40}?\b(?:will\s+be|is|are)\s+(?:collected|drawn|taken|harvested)\b", re.IGNORECASE)
#: Cells collected from someone, and cells being made into a product.
_CELLS_COLLECTED = re.compile(r"\bcells\b[^.;]{0,40}?\b(?:collected|taken|drawn|removed|harvested)\s+from\b", re.IGNORECASE)
_MAKING = re.compile(r"\b(?:engineered|grown|expanded|modified|cultured|manufactured|transduced)\b", re.IGNORECASE)
#: The product taken from its culture, the steps of a making told one sentence at a time, and the material it starts from:
#: "PBMCs of enrolled patients were collected and then further separated by density gradient centrifugation. After washing
#: three times, the cells were resuspended in serum-free medium with recombinant human IL-2 and α-GalCer. Restimulation
#: with α-GalCer-pulsed autologous DCs was done on days 7. After 14 days of cultivation, the iNKT cells were harvested"
#: (ctv.veeva.com NCT03175679).
_OUT_OF_CULTURE = re.compile(r"\bharvested\b|\bafter\s+\d+\s+days?\s+of\s+(?:culture|cultivation|expansion|incubation)\b",
                             re.IGNORECASE)
_MAKING_STEP = re.compile(r"\b(?:wash\w*|resuspen\w*|centrifug\w*|separat\w*|isolat\w*|purif\w*|(?:re)?stimulat\w*|cultur\w*"
                          r"|cultivat\w*|incubat\w*|pulsed|medium)\b", re.IGNORECASE)
_MATERIAL_COLLECTED = re.compile(r"\b(?:PBMCs?|blood|(?:mononuclear\s+)?cells|leuka?pheresis\s+products?)\b[^.;]{0,60}?"
                                 r"\b(?:were|was|are|is|will\s+be)\s+(?:collected|drawn|obtained|taken)\b"
                                 # "UCMCs are isolated from the Umbilical cord blood" (anzctr.org.au ACTRN12618001337268)
                                 r"|\b(?:were|was|are|is|will\s+be)\s+(?:isolated|separated|collected|obtained)\s+from\s+"
                                 r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:blood|marrow|tissues?|tumou?rs?)\b", re.IGNORECASE)
#: The participants undergoing the collection of their white blood cells, or the donors of the product theirs: "On day
#: -10, eligible donors (adult family member of recipient) will undergo apheresis once." (clinconnect.io NCT02123836)
#: (and those the sentence calls "they": "If the patients meet all of the requirements for the study they will undergo
#: leukapheresis to obtain white blood cells to make the anti MAGE-A3 cells", ctv.veeva.com NCT02153905)
#: The patients' leukapheresis and the culture of its cells, in the sentence before the one that names the product: "Patients
#: undergo outpatient leukapheresis on day -4 or -5, and cells are incubated ex vivo with interleukin-2 (IL-2).
#: Lymphokine-activated killer (LAK) cells and IL-2 are infused on day 1." (knowcancer.com NCT00003067): the making of
#: those cells.
_LEUKAPHERESIS_CULTURED = re.compile(r"\b(?:patients|participants|subjects)\s+(?:will\s+)?undergo\s+(?:an?\s+)?(?:outpatient\s+)?"
                                     r"(?:leuka?p|ap)heresis\b[^.;]{0,80}?\bcells\s+(?:are|were|will\s+be)\s+"
                                     r"(?:incubated|cultured|cultivated|stimulated|activated|expanded)\b", re.IGNORECASE)
_HAVE_LEUKAPHERESIS = re.compile(r"\b(?:participants|patients|subjects|donors?|they)\s+(?:\([^()]{1,60}\)\s+)?(?:will\s+)?"
                                 r"(?:have|undergo|get)\s+(?:an?\s+)?(?:leuka?p|ap)heresis\b", re.IGNORECASE)
#: The whole course of the cells in one sentence that need not name them, from their material through a culture to the
#: patient: "Peripheral blood mononuclear cells (PBMCs) were isolated from patient-related donor and cultured in vitro for
#: 15 days and infused to the patient in two consecutive days." (trial.medpath.com NCT04162158, whose title names its
#: "Allogeneic NK Cells")
#: The NCI's plain English of the same course: "an experimental therapy ... that involves taking white blood cells from the
#: patient, growing them in the laboratory in large numbers, genetically modifying these specific cells with a type of virus
#: (retrovirus) to attack only the tumor cells, and then giving the cells back to the patient" (ctv.veeva.com NCT02153905).
_MADE_AND_GIVEN = re.compile(r"\b(?:isolated|separated|collected|obtained|harvested)\s+from\b[^.;]{0,80}?"
                             r"\b(?:cultured|expanded|grown|cultivated)\b[^.;]{0,80}?"
                             r"\b(?:re)?(?:infused|transfused)\s+(?:back\s+)?(?:in)?to\s+(?:the\s+)?(?:patients?|participants?|recipients?)\b"
                             r"|\b(?:taking|collecting|removing)\s+(?:[\w-]+\s+){0,3}?cells\s+from\s+(?:the|a|each)\s+(?:patient|participant)s?"
                             r"\b[^.;]{0,120}?\b(?:growing|expanding|culturing)\b[^.;]{0,200}?\b(?:giving|returning|infusing)\s+"
                             r"(?:the\s+|these\s+)?cells\s+back\b",
                             re.IGNORECASE)
#: How many sentences such a making may take before the product's harvest.
_MAKING_STEPS = 4
#: T cells said to be genetically changed: in a trial of a CAR-T product, its cells.
_MODIFIED_T = re.compile(r"\bT[- ]?(?:cells?|lymphocytes)\s+(?:transduced|engineered|modified)\b"
                         # (and plain "modified": "followed by an infusion of modified T cells designed to target cancer
                         # cells", findatrial.com NCT06847269, a trial of CAR T cells)
                         r"|\b(?:transduced|engineered|(?:genetically\s+)?modified)\s+T[- ]?(?:cells?|lymphocytes)\b"
                         # in plain English: "collecting a patient’s immune T-cells and modifying them in the lab"
                         # (sclerodermanews.com NCT06375993)
                         r"|\bT[- ]?(?:cells?|lymphocytes)\s+and\s+(?:genetically\s+)?(?:modifying|engineering)\s+them\b"
                         # the cells, then a relative clause that engineers them: "use T cells obtained directly from the
                         # patient, which can be genetically engineered to express a chimeric antigen receptor (CAR)"
                         # (ClinicalTrials.gov NCT04571138)
                         r"|\bT[- ]?(?:cells?|lymphocytes)\b[^.;,]{0,60},\s+which\s+(?:can|will|are|were)\s+(?:be\s+)?"
                         r"(?:genetically\s+)?(?:engineered|modified|transduced)\b",
                         re.IGNORECASE)
#: The plain English of a product of one kind, where it is given or used: "This study tested a new way to treat metastatic
#: melanoma by using a patient's own immune cells" (curemydisease.com NCT01005745).
#: The NIH's: "A new cancer treatment takes a person s own T cells, modifies them in a laboratory so they can better fight
#: cancer cells, and then gives them back to the person" (trialfinderdata.org NCT05003895).
_PLAIN_PRODUCT = re.compile(r"\b(?:using|uses?|giving|gave|infus\w+|receiv\w+)\s+(?:[\w'’-]+\s+){0,4}?immune\s+cells\b"
                            r"|\btakes?\s+(?:[\w'’-]+\s+){0,3}?own\s+(?:T[- ]|NK[- ]|immune\s+)?cells\b"
                            # "To characterize the yield of lymphocyte subsets in each study product following depletion
                            # of TCR-alpha-beta T cells and B cells from non-mobilized, two-blood volume leukapheresis of
                            # study donors." (cancer.gov NCT03939585, a trial of donor lymphocytes)
                            r"|\b(?:the|each|this)\s+study\s+products?\b"
                            # the cells a cellular immunotherapy uses, named after it: "cellular immunotherapy utilizing ex
                            # vivo expanded autologous central memory" (ClinicalTrials.gov NCT01815749, cut before "T cells")
                            r"|\bcellular\s+immunotherapy\s+(?:utilizing|utilising|using)\s",
                            re.IGNORECASE)


#: An arm named by its dose: "High dose group" (meddatax.com NCT04538313), "Dose Level 1: FT538 at 1 x10^8 cells/dose"
#: (ClinicalTrials.gov NCT04714372), "Dose 2"; not a drug's high dose ("High-dose IL-2 and TIL") nor "Multiple doses".
_DOSE_GROUP = re.compile(r"\bdose[- ](?:\d+|one|two|three|four|five|levels?|groups?|cohorts?|arms?)\b", re.IGNORECASE)


def _labelled_arm(dose: DoseLevel, labels: list[str]) -> str | None:
    """The one arm whose label states the dose: a registry's arm "Dose Level 2: FT538 at 3 x10^8 cells/dose" gives the
    dose its summary says, "The subsequent planned FT538 cohorts are 3x10e8, 1x10e9, and 1.5 x10e9 FT538 cells per dose"
    (ClinicalTrials.gov NCT04714372, whose intervention all four arms list). Two arms naming it, or none: no arm.
    """
    named = [label for label in labels if "10" in label or "illion" in label
             if any(_same_amount(dose, stated) for stated in cell_doses(label))]
    return named[0] if len(named) == 1 else None


def _same_amount(one: DoseLevel, other: DoseLevel) -> bool:
    """The same amount in the same unit, wherever said."""
    return (one.minimum, one.maximum, one.unit) == (other.minimum, other.maximum, other.unit)
