"""How a cell product is made: expanded ex vivo or not, genetically modified or not, its feeder cells and material.

Patterns only, read by ``products._describe`` over the sentences about one product; the words that say the study's
expansion (a dose-expansion cohort) or the feeder cells' own modification are told apart from the product's.
"""

from __future__ import annotations

import re

__all__: list[str] = []  # the names here are the package's own

_NOT_EXPANDED = re.compile(r"\bnon-?expanded\b|\bunexpanded\b|\bnot (?:been )?expanded\b|\bwithout (?:ex vivo )?expansion\b"
                           r"|\bunmanipulated\b", re.IGNORECASE)
#: Expansion is growing the cells in number ("expanded", "cultured"); "in vitro activated" or
#: "ex vivo stimulated" cells are activated, which says nothing of expansion.
_EXPANDED = re.compile(r"\bexpand(?:ed|ing)\b|\bexpand\s+(?:\w+\s+){0,2}cells\b|\bexpansion\b|\bpropagated\b"
                       r"|\bcultur(?:e|ed|ing)\b|\bcultivat(?:ed|ion)\b|\bamplified from\b"
                       r"|\bgenerated from\b|\bdifferentiated from\b"
                       # "Large numbers of the CAR T cells are grown in the laboratory" (NCT05625594)
                       # "growing them in the laboratory in large numbers" (NCT01174121)
                       r"|\b(?:grown|growing)\s+(?:them\s+|the\s+cells\s+)?(?:in\s+(?:the\s+|a\s+)?(?:laboratory|lab)|ex vivo"
                       r"|in vitro|in culture)\b"
                       # "grew special immune cells (TILs) from it in a lab" (curemydisease.com NCT01005745)
                       r"|\bgrew\s+(?:[\w()-]+\s+){0,6}?(?:in\s+(?:the\s+|a\s+)?(?:laboratory|lab)|ex vivo"
                       r"|in vitro|in culture)\b"
                       # "The process involves the collection and growth in a laboratory of 'T cells' ... found inside the
                       # patient's tumour" (hra.nhs.uk 2018-001608-12)
                       r"|\bgrowth\s+(?:in\s+(?:the\s+|a\s+)?(?:laboratory|lab)|ex vivo|in vitro|in culture)\s+of\b"
                       # plain-language summaries: "These cells are made from your own immune cells, then grown in large
                       # numbers" and "sent to the lab to be engineered and grown" (stellatrials.com NCT07172958); "then
                       # in the laboratory tried to grow T cells that would attack your cancer cells" (cancerresearchuk.org)
                       r"|\bgrown\s+in\s+(?:large\s+|great\s+|high\s+)?numbers\b"
                       # "infusions of their own lab-grown NK cells" (curemydisease.com NCT01875601)
                       r"|\b(?:lab|laboratory)[- ]grown\b"
                       r"|\b(?:engineered|modified|changed)\s+and\s+(?:grown|multiplied)\b"
                       r"|\bin\s+the\s+(?:laboratory|lab)\s+(?:\w+\s+){0,3}?grow\b", re.IGNORECASE)
#: "Expansion" that is about the study, not the cells.
_STUDY_EXPANSION = re.compile(r"\b(?:dose|cohort)[- ]expansion\b|\bexpansion (?:cohort|phase|part|stage)s?\b"
                              r"|\bin vivo expansion\b|\bexpansion in vivo\b|\bexpanded access\b"
                              # "the in vivo expanded haploidentical allogeneic NK cells" (meddatax.com NCT00652899)
                              r"|\bin[- ]vivo[- ]expanded\b"
                              # "a single-arm, open-label, dose-finding and expansion clinical trial" (meddatax.com
                              # NCT06690827)
                              r"|\bexpansion\s+(?:clinical\s+)?(?:trials?|study|studies)\b"
                              r"|\bhomeostatic\s+(?:\S+\s+){0,3}?expansion\b"
                              # the patient's own cells grown by a drug: "In order to activate and expand circulating NK
                              # cells, ... the patients were first subcutaneously injected with ... interleukin (IL)-2"
                              # (ClinicalTrials.gov NCT05519384)
                              r"|\bexpan(?:d|ds|ding|sion\s+of)\s+(?:the\s+)?(?:patients?['’]?\s+)?(?:own\s+)?circulating\b"
                              # the cells' growth in the patient after a transplant, watched: "The investigators will
                              # monitor immune reconstitution, chimerism, Post-transplantation NK cell expansion"
                              # (ClinicalTrials.gov NCT05304754)
                              r"|\bpost-?transplant\w*\s+(?:[\w-]+\s+){0,3}?expansion\b"
                              # the cells' growth in the patient, by a day after their infusion: "incidence of donor
                              # natural killer (NK) cell expansion by day +14 when given after haploidentical donor NK
                              # cells" (meddatax.com NCT01385423)
                              r"|\bexpansion\s+(?:by|at|on|until)\s+day\s*\+?\d+\b"
                              r"|\bexpansion\s+(?:after|following|post)[- ]?(?:infusion|transfer|administration)\b"
                              # the cells' take and growth in the patient, named together: "lymphodepleting chemotherapy
                              # to enhance CAR-T engraftment/expansion" (cytotargetdb.ca NCT06373991)
                              r"|\b(?:engraftment|persistence)\s*(?:/|,|&|and|or)\s*expansion\b"
                              r"|\bexpansion\s*(?:/|,|&|and|or)\s*(?:engraftment|persistence)\b"
                              # the cells that grew in the patient, said of them as a result: "KYV-101 rapidly expanded and
                              # B cell depletion was observed" (lupus.bmj.com NCT05938725); not cells that "can be rapidly
                              # expanded when exposed to ADV antigen" (a making)
                              r"|(?<!\bwere )(?<!\bwas )(?<!\bare )(?<!\bis )(?<!\bbe )(?<!\bbeen )"
                              r"\b(?:rapidly|robustly|quickly|readily)\s+expanded\b"
                              r"(?!\s+(?:ex\s+vivo|in\s+vitro|in\s+(?:the\s+|a\s+)?(?:lab\w*|culture)))",
                              re.IGNORECASE)
_NOT_MODIFIED = re.compile(r"\bnon-?genetically[- ]modified\b|\bnot genetically (?:modified|engineered)\b"
                           r"|\bwithout genetic modification\b|\bunmodified\b", re.IGNORECASE)
_MODIFIED = re.compile(r"\bgenetically (?:modified|engineered)\b|\bgene[- ](?:modified|edited|engineered)\b"
                       # the NCI's plain English: "genetically modifying these specific cells with a type of virus
                       # (retrovirus)", "we are modifying the patients white blood cells with a retrovirus" (ctv.veeva.com
                       # NCT02153905)
                       r"|\bgenetically\s+(?:modifying|engineering)\b|\bwith\s+a\s+(?:retro|lenti)virus\b"
                       r"|\btransduc(?:ed|tion)\b|\bCRISPR\b|\bknock-?out\b|\bengineered to express\b"
                       # a viral vector's gene transfer: "CD19-STAR-T cells are prepared via lentiviral infection"
                       # (mycancergenome.org NCT03953599)
                       r"|\blentiviral\s+(?:vectors?|transduction|infection|gene\s+transfer)\b|\bretroviral\s+(?:vectors?|transduction)\b"
                       # "Evaluate the feasibility and safety of retroviral-mediated gene transfer using a marker gene in
                       # order to gain knowledge that should assist in augmenting TIL immunotherapy" (cancer.gov's PDQ
                       # record of NCI-86-C-183E, archived 2008): a gene put in the cells by a retrovirus
                       r"|\bretroviral[- ]mediated\s+gene\s+transfer\b"
                       # cells said "engineered" are made so by their genes: "engineered T cells (MFEz T cells)"
                       # (ISRCTN65902492), "NK cells engineered to ..."
                       r"|\bengineered\s+(?:[\w+-]+\s+){0,2}?(?:T|NK|immune|killer)?[- ]?(?:cells?|lymphocytes)\b"
                       r"|\b(?:cells?|lymphocytes)\s+(?:\([^()]{0,30}\)\s+)?(?:that\s+(?:are|have\s+been)\s+)?engineered\b"
                       # cells changed to carry a gene: "the investigators propose modifying T cells to encode a 'switch'",
                       # "use gene therapy to produce \"safe\" T cells" (ignite-sd.com NCT01204502); "removing T cells from
                       # the blood and modifying them to be able to target cancer" (cancer.gov NCT03434769) says no gene
                       r"|\bmodif(?:y|ying|ied)\s+(?:[\w-]+\s+){0,2}?(?:cells?|lymphocytes|them)\s+to\s+(?:encode|express|carry)\b"
                       r"|\bgene\s+therapy\s+to\s+(?:produce|make|create|generate)\s+(?:\S+\s+){0,3}?"
                       r"(?:T|NK|immune|killer)?[- ]?(?:cells?|lymphocytes)\b"
                       # the engineered receptors cells are said to express, which no cell has unless its genes are changed:
                       # "FT538 is an off the shelf product comprised of allogeneic natural killer (NK)-cell immunotherapy
                       # lacking CD38 and expressing hnCD16 and IL-15RF" (ClinicalTrials.gov NCT04714372): the high-affinity
                       # non-cleavable CD16 and the IL-15 receptor fusion (not the CD16 NK cells have, "CD16+ NK cells")
                       r"|\bexpress(?:ing|es)?\s+(?:an?\s+)?(?:the\s+)?(?:hnCD16|IL-?15RF)\b"
                       # lymphocytes named by the receptor put in them: "Anti-NY ESO-1 T-cell receptor PBL" (api.ai-analytics.org
                       # NCT00670748), a receptor no peripheral blood lymphocyte carries unless its genes are changed
                       r"|\bT[- ]?cell\s+receptor\s+(?:\(TCR\)\s+)?(?:(?:transduced|engineered)\s+)?"
                       r"(?:PBLs?|peripheral\s+blood\s+lymphocytes)\b"
                       # the cells' DNA changed, in plain English: "Researchers then perform a gene transfer to change the
                       # T-cells' DNA", "changing the T cells' DNA (genetic material) in a specific way" (ClinicalTrials.gov
                       # NCT00968760)
                       r"|\bchang(?:e|es|ed|ing)\s+the\s+(?:[\w-]+\s+)?[\w-]+(?:'|’)s?\s+DNA\b",
                       re.IGNORECASE)
#: (and the artificial antigen-presenting cells the product is named as expanded on: "artificial antigen presenting cell
#: (AAPC)-expanded donor gamma delta T-cells", "AAPC expanded donor gamma delta T-cells", cancer.gov NCI-2021-09278)
_FEEDER = re.compile(r"\bfeeder\s+(?:cells?\s+|cell line\s+)?(?:of\s+|:\s*|\()?(?P<after>[A-Z0-9][\w.+-]*[\w+])"
                     r"|(?P<before>[A-Z0-9][\w.+-]{0,60}[\w+])\s+(?:feeder|feeders)\b"  # bounded: no cell line is longer
                     r"|(?:\b(?i:artificial\s+antigen[- ]presenting\s+cells?)\s*\(\s*[Aa]APCs?\s*\)|\b[Aa]APCs?\b)"
                     r"(?=[- ](?i:expanded|stimulated)\b)"
                     # a feeder named only by its modification: "NK cells ... propagated ex vivo with genetically-modified
                     # feeder cells" (meddatax.com NCT05887882); not the "non-feeder cell regimen" of NCT05250362
                     r"|\b(?i:(?:gene|genetically)[- ](?:modified|engineered)\s+feeder\s+cells?)\b")
_K562 = re.compile(r"\bK562[\w.+-]*[\w+]")
#: The feeder cells' own modification, which is not the product's: "NK cells were expanded in the presence of feeder K562
#: cells gene-modified for expression 4-1BBL and membrane bound IL-21" (ctv.veeva.com NCT04327037), "genetically modified
#: K562 feeder cells".
_FEEDER_MODIFIED = re.compile(r"\b(?:feeders?|K562)[\w.+-]*\s+(?:(?!and\b|or\b)[\w.+-]+\s+){0,2}?"
                              r"(?:that\s+(?:are|were|have\s+been)\s+)?"
                              r"(?:gene[- ]modified|genetically\s+(?:modified|engineered)|engineered|transduced)\b"
                              r"|\b(?:gene[- ]modified|genetically\s+(?:modified|engineered)|engineered|transduced)\s+"
                              r"(?:[\w.+-]+\s+){0,2}?(?:feeders?|K562)\b", re.IGNORECASE)
_STARTING_MATERIAL = re.compile(r"\bCD34\+\s*(?:hematopoietic\s+|haematopoietic\s+)?(?:stem\s+and\s+)?"
                                r"(?:progenitor|stem)\s+cells\b|\bCD34\+ cells\b", re.IGNORECASE)

#: T cells named by the receptor they are given, and cells said changed in the laboratory.
_RECEPTOR_T = re.compile(r"\bTCR[- ]?T\b|\bT[- ]cell\s+receptor\s*(?:\(TCR\)\s*)?[- ]?T[- ]cells?\b|\bTCR\s+T[- ]cells?\b",
                         re.IGNORECASE)
_CHANGED_IN_LAB = re.compile(r"\b(?:changed|modified|altered)\s+in\s+(?:the\s+|a\s+)?(?:laboratory|lab)\b", re.IGNORECASE)
