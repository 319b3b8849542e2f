"""Which kinds of cells a text gives: the cell-type patterns, and the words that name cells without giving them.

A text is read for its kinds after the cells it names but does not give are blanked (diseases of NK cells, the NK-1
receptor, cells counted or measured, a therapy the patients had before), and a more specific kind found (CAR-NK) is
not also reported as its plain kind (NK).
"""

from __future__ import annotations

import re

__all__ = ["CELL_TYPES", "TOKENS"]

#: Kinds of cells, most specific first; a text that matches a CAR-NK pattern is not also plain NK.
#: Each kind is given as the contract's cell-type token (``TOKENS``): CIML NK cells are NK cells,
#: tumour-infiltrating lymphocytes, γδ T cells and donor lymphocytes are T cells.
CELL_TYPES: list[tuple[str, re.Pattern[str]]] = [
    # "anti CD19 iCAR NK cells" (NCT03824951): an inducible CAR is a CAR
    # (and the haNK family's names, "haNK cells engineered to express a chimeric antigen receptor")
    # a CAR glued to its target's number in a construct's name: "iC9/CD5CAR/IL-15 NK cells" (cancer.gov NCT05110742)
    ("CAR_NK", re.compile(r"(?:\bi?CAR\b|(?-i:(?<=\d)CAR\b)|chimeric antigen receptor)(?:[^.;]|\.(?=\S)){0,60}?"
                          r"(?:\b(?:NK|natural killer)"
                          r"|(?-i:\b(?:[a-z]{1,2}-)?haNK))\b"
                          r"|(?:\b(?:NK|natural killer)|(?-i:\b(?:[a-z]{1,2}-)?haNK))\b[^.;]{0,40}?"
                          r"\b(?:engineered|transduced|modified|expressing|express)\b"
                          r"[^.;]{0,40}?(?:\bCAR\b|chimeric antigen receptor)", re.IGNORECASE)),
    # "CAR-T", "CART19", "CAR-GPC3 T Cells", "anti-CD19 CAR T-cells"; the abbreviation in capitals: "cART" is a
    # combination antiretroviral therapy (NCT02354053, NCT00864916)
    # (and "T" glued to "cells": "an unstimulated leukapheresis for the generation of the CD19 CAR Tcells",
    # ClinicalTrials.gov NCT04100187)
    # (not "CART" the statistical method: "classification and regression tree (CART) analysis")
    ("CAR_T", re.compile(r"(?-i:(?<!tree \()(?<!trees \()"
                         r"(?:\b(?:CAR|Car)[- ]?T(?:cells?)?\b|\bCART(?:[- ]?\d+)?\b)"
                         r"(?!(?<=CART)\)?\s+(?i:analys[ie]s|models?|algorithms?|methods?|trees?)\b)"
                         # universal (allogeneic, off-the-shelf) CAR T cells named with a "U": "CTA101 UCAR-T Cell
                         # Injection" (ctv.veeva.com NCT04227015), Cellectis's "UCART19", "UCARTCS1" ("UCAR" alone is none)
                         r"|\bU(?:CAR[- ]?T(?:cells?)?|CART(?:[- ]?[A-Z]{0,4}\d{1,3})?)\b"
                         r"|\bCAR[- ](?:[A-Z0-9]{2,10}[- ]){1,2}T[- ]?(?i:cells?)\b"
                         # "anti-CD19 CAR transduced T cells", "anti-CD19-CAR engineered peripheral blood lymphocytes"
                         r"|\bCAR[- ](?i:transduced|engineered|modified|expressing|redirected)\s+"
                         r"(?i:T[- ]?cells?|(?:peripheral\s+blood\s+)?(?:T[- ])?lymphocytes)\b)"
                         # (the receptor's words hyphenated into the cells' name: "CD19-chimeric-antigen-receptor-tranduced T
                         # cells", chictr.org.cn ChiCTR-OOC-16007779)
                         r"|chimeric[- ]antigen[- ]receptor[^.]{0,40}?\bT[- ]cells?\b"
                         # "Chimeric Antigen Receptor T (nCAR19-T) Cells", "Autologous T Cell-Engineered With
                         # CD19-specific Chimeric Antigen Receptor" (trial.medpath.com NCT02644655)
                         r"|chimeric antigen receptor\s+T\s*\([^()]{1,20}\)\s*cells?\b"
                         # its abbreviation, the CAR's target number glued to it: "nCAR19-T transfusion" (the same page)
                         r"|(?-i:\b[a-z]?CAR\d{1,3}[- ]T\b)"
                         # the CAR's target glued before it, its other domains after, then the T cells that express it:
                         # "autologous CD19CAR-CD28-CD3zeta-EGFRt-expressing Tcm-enriched T cells" (ClinicalTrials.gov
                         # NCT01815749), "CD19CAR-CD28zeta-4-1BB-expressing Allogeneic T Lymphocytes" (cancer.gov NCT02050347)
                         r"|(?-i:\b[A-Z]{2,5}\d{1,3}CAR)(?:-\S+)?\s+(?:\S+\s+){0,2}?T[- ]?(?:cells?|lymphocytes)\b"
                         # "autologous T cells genetically engineered with a novel B-cell Maturation Antigen (BCMA)-specific
                         # chimeric antigen receptor (CAR)" (recruiting-trials.novartis.com NCT04318327)
                         r"|\bT[- ]?cells?[- ](?:genetically\s+)?(?:engineered|transduced|modified)\s+(?:with|to\s+express)\s+"
                         r"(?:[\w()-]+\s+){0,6}?chimeric antigen receptor"
                         # "T Cells Expressing a Third-generation CAR" (trialfinderdata.org NCT03676504); the receptor
                         # written out: "autologous T cells expressing a chimeric antigen receptor specific to the CD19
                         # antigen" (umin.ac.jp UMIN000015617)
                         # "Retroviral vector-transduced autologous T cells to express anti-GPC3 CARs" (ClinicalTrials.gov
                         # NCT03084380)
                         r"|\bT[- ]?(?:cells?|lymphocytes)\s+(?:expressing|transduced\s+with|(?:engineered\s+)?to\s+express)\s+"
                         r"(?:an?\s+)?"
                         r"(?:[\w-]+\s+){0,2}?(?:(?-i:CAR)s?\b|chimeric\s+antigen\s+receptors?\b)"
                         # a CAR borne by a subset of T cells named between: "Allogenic CD19-targeting CAR-γδT Cell Therapy",
                         # "allogeneic CD19 CAR-γδT cell infusion" (meddatax.com NCT05554939): CAR T cells whatever the subset
                         r"|(?-i:\bCAR)[- ]?(?:γδ|γ/δ|gamma[- /]?delta|Vγ9Vδ2|Vgamma9Vdelta2)[- ]?T\b"
                         # the international names of CAR T cells: a "-cabtagene" (the CAR's gene) and a "-leucel" (the
                         # leukocytes that bear it), "axicabtagene ciloleucel" (trial.medpath.com NCT02348216), "equecabtagene
                         # autoleucel", the NCI's "autologous T lymphocytes ... transduced with a lentiviral vector expressing a
                         # chimeric antigen receptor" (cancer.gov drug dictionary); and the first of them, in one word,
                         # "tisagenlecleucel" (the FDA's KYMRIAH)
                         r"|\b[a-z]+cabtagene\s+[a-z]+leucel\b|\btisagenlecleucel\b", re.IGNORECASE)),
    # "cytokine-induced memory-like (CIML) NK cells", "memory-like NK cells": NK cells of their own kind
    ("CIML_NK", re.compile(r"\bCIML(?:[- ]?NK)?\b|\bmemory[- ]like\s+(?:\(\w+\)\s+)?(?:NK|natural killer)\b",
                           re.IGNORECASE)),
    ("CIK", re.compile(r"\bcytokine[- ]induced killer\b|\bCIK\b", re.IGNORECASE)),
    # a product's code glued to "TIL": "ScTIL210 injection", "single dose of ScTIL injection" (ignite-sd.com NCT05730361),
    # "TIL051"; capitals for the TIL, a capital and a small letter before it ("UNTIL" is no product, and a pathologist's
    # "sTIL", "iTIL" are stromal and intratumoral TILs counted)
    # (the abbreviation in capitals: "up til now" is none, NCT04405661 in tests/data/ctgov-negative)
    # (written to open with the letter T, what comes before it checked behind: the engine then skips to the Ts, where
    # alternatives opening with a look-behind made it try each at every character, four times slower)
    ("TIL", re.compile(r"[Tt](?:(?<=\b[Tt])(?i:umou?r[- ]infiltrating lymphocytes?)\b"
                       r"|(?<=T)IL(?:(?<=(?<![A-Za-z])TIL)|(?<=\b[A-Z][a-z]TIL)|(?<=\b[A-Z][a-z]{2}TIL))s?\d{0,4}(?![A-Za-z]))")),
    # with a slash too: "adoptive transfer of autologous gamma/delta T lymphocytes" (UMIN C000000336)
    ("GAMMA_DELTA_T", re.compile(r"(?:\bgamma[- /]?delta|γ/?δ|\bVγ9Vδ2|\bVgamma9Vdelta2)\s*(?:\(\s*γδ\s*\)\s*)?[- ]?T\b",
                                 re.IGNORECASE)),
    # (not the "NK Cell Donor Lymphocyte Infusions" of knowcancer.com NCT00586703: donor NK cells, infused as a DLI is)
    ("DLI", re.compile(r"(?<!NK[- ]cell )(?<!NK[- ]cells )\bdonor[- ]lymphocytes?(?:[- ]infusions?)?\b|\bDLIs?\b",
                       re.IGNORECASE)),
    # memory T cells given as an infusion of their own: "Ex Vivo T-Cell-Depleted Haploidentical Transplantation Bridging
    # With Chimeric Antigen Receptor T-cell Therapy and Prophylactic Memory T Cell Infusion", "prophylactic CD45RO+ memory
    # T-cell (Tm) infusion" (meddatax.com NCT07087847): like a DLI, a product beside a CAR-T, not folded into it as plain T
    # cells are (_one_product_each); not memory T cells measured ("memory T cell responses") nor those a CAR is made from
    ("MEMORY_T", re.compile(r"\b(?:CD45RO\+?\s*|CD45RA[-−]\s*)?memory\s+T[- ]?cells?\s*(?:\((?-i:Tm|TM)s?\)\s*)?"
                            r"(?:infusions?|transfer)\b", re.IGNORECASE)),
    # invariant NKT cells: "Adoptive Transfer of iNKT Cells" (ctv.veeva.com NCT03175679), "Biological: INKT" (ClinicalTrials.gov
    # NCT00631072); NK cells have no invariant receptor, so "In Vitro Expanded Autologous Invariant Natural Killer Cells"
    # (the same NCT00631072, whose description says "iNKT cells" throughout) are iNKT cells with the T dropped
    ("NKT", re.compile(r"\bi?NKT\b|\bnatural killer T\b|\bNK[- ]T cells?\b|\binvariant\s+(?:natural\s+killer|NK)\b",
                       re.IGNORECASE)),
    # a product's name glued to "NK cell": "the immunotherapy using ZNK cell" (UMIN000011555); capitals only, so that
    # the uterine and decidual NK cells measured in pregnancy studies ("uNK cells", "dNK cells") are none
    # "NK Cell Donor Lymphocyte Infusions" (knowcancer.com NCT00586703) are NK cells, all of it (no T cells' infusion)
    # the NK-92 family's names: "haNK" (high-affinity NK) and its targeted kinds, "PD-L1 t-haNK Cells" (meddatax.com
    # NCT06161545), "qt-haNK"; in its own capitals ("Hank's" salt solution is none)
    ("NK", re.compile(r"\bNK[- ]cells?\s+donor\s+lymphocyte\s+infusions?\b"
                      r"|\bnatural killer\b|(?<![-\w])atural killer\b|\bNK(?:-92)?\b(?![- ]?T\b)|\bNK-?cells?\b"
                      r"|(?-i:\b[A-Z]{1,3}NK)[- ]?(?i:cells?)\b|(?-i:\b(?:[a-z]{1,2}-)?haNK\b)", re.IGNORECASE)),
    # T cells given as a product: "NY-ESO-1 Targeted T Cells", "tumour antigen specific T-cells",
    # "engineered T cells", "TCR-transduced T cells" (a T-cell count or lymphoma is no product)
    # "anti-EBV TCR-T cells", "autologous TCR-T cells engineered to target EBV" (findatrial.com NCT07162012)
    # T cells named by a receptor of their own that is no CAR: "CD19-Synthetic T Cell Antigen Receptor(STAR)-T in B-cell
    # Malignancies Patients", "efficacy of CD19-STAR-T cells" (mycancergenome.org NCT03953599: a TCR whose antigen is bound
    # by an antibody's variable regions, given a token as TCR-T cells are)
    ("T", re.compile(r"\bTCR[- ]T[- ]?cells?\b|(?-i:\bSTAR[- ]T)\b|\bsynthetic\s+T[- ]cell\s+antigen\s+receptors?\b"
                     # a receptor given T cells, named for the therapy: "T Cell Receptor Immunotherapy Targeting MAGE-A3",
                     # "Biological: Anti-MAGE-A3 ... (HLA-A* 01)-restricted T-cell receptor (TCR)" (ctv.veeva.com NCT02153905)
                     r"|\brestricted\s+T[- ]?cell\s+receptors?\b"
                     # peripheral blood lymphocytes a receptor's gene is put in: "NY-ESO-1 Reactive TCR Retroviral Vector
                     # Transduced Autologous PBL" (clinicaltrials.gov/show/NCT02650986)
                     # and spelt out: "Anti-thyroglobulin mTCR-transduced Autologous Peripheral Blood Lymphocytes", "mTCR (T
                     # cell receptor)-engineered peripheral blood lymphocytes" (clinicaltrials.gov/show/NCT02774291); not
                     # the patients' lymphocytes counted or collected ("peripheral blood lymphocyte counts")
                     r"|\b(?:transduced|engineered|gene[- ]modified)\s+(?:autologous\s+|allogeneic\s+)?"
                     r"(?:PBLs?|peripheral\s+blood\s+lymphocytes)\b"
                     # peripheral blood lymphocytes named by the receptor put in them: "BIOLOGICAL: Anti-NY ESO-1 T-cell
                     # receptor PBL" (api.ai-analytics.org NCT00670748); not the receptors of a blood count
                     r"|\bT[- ]?cell\s+receptor\s+(?:\(TCR\)\s+)?(?:(?:transduced|engineered)\s+)?"
                     r"(?:PBLs?|peripheral\s+blood\s+lymphocytes)\b"
                     r"|\bT[- ]?cell\s+receptor\s+(?:\(TCR\)\s+)?(?:immunotherapy|gene\s+therapy)\b"
                     r"|\b(?:engineered|targeted|specific|redirected|transduced|modified|TCR(?:[- ](?:engineered|transduced))?|"
                     r"virus[- ]specific|antigen[- ]specific|cytotoxic"
                     # "their own tumor-reactive T cells grown in vitro" (NCT00091611), "autologous T cells", "ex vivo
                     # expanded T cells", "cultured T cells", "activated T cells"
                     # (and "activited", so spelt: "immunotherapy with the activited T cells from from umbilical cord
                     # blood mononuclear cells ex vivo", anzctr.org.au ACTRN12618001337268)
                     r"|reactive|autologous|expanded|cultured|activ[ai]ted"
                     # the making said as a verb: "the investigators propose modifying T cells to encode a 'switch'"
                     # (ignite-sd.com NCT01204502), "genetically modifying T cells"
                     r"|modifying"
                     # in plain English: "inject the changed T-cells into the body of the patient" (ClinicalTrials.gov
                     # NCT00968760)
                     r"|changed"
                     # cells chosen by what they recognise: "virus-specific, antigen-selected T cells" (ignite-sd.com
                     # NCT03378102), "These selected T-cells are then infused to the patient" (webhealthnetwork.com)
                     r"|selected"
                     # "Donor T Cells After Donor Stem Cell Transplant" (NCT01839916), "CD25/71 allodepleted donor T cells"
                     # (2013-000872-14); not the "donor T cell depletion" of a graft
                     # "Adoptive Immunotherapy with CMV TCR-transduced Donor-derived T cells" (EU register 2008-006649-18)
                     r"|donor(?:[- ]derived)?|allodepleted"
                     # "Biological: Ex Vivo CD3/CD28 costimulated Umbilical Cord Blood T cells" (ctv.veeva.com NCT00891592)
                     r"|(?:co-?)?stimulated"
                     # "the infusion of CD45RA memory T cells containing SARS-CoV-2 specific T cells" (thelancet.com
                     # NCT04578210, the minus of CD45RA− lost)
                     r"|memory"
                     # "MAGE-A4 TCR Gene-Modified T lymphocytes" (smartpatients.com NCT01694472)
                     r"|gene[- ]modified|genetically[- ]modified)\s+(?:(?:umbilical\s+)?cord[- ]blood(?:[- ]derived)?\s+)?"
                     # regulatory T cells given: "Ex Vivo-Expanded (EVE) Regulatory T Cells in Combination With Low-Dose
                     # Interleukin-2" (htsyndication.com NCT06991361), "Expanded CD4+CD25+ Regulatory T Cells" (PMC3053046)
                     # "Ex vivo Expanded Human Autologous Polyclonal Regulatory T Cells" (NCT01210664)
                     # "Epstein-Barr virus (EBV) specific cytoxic T lymphocytes are cultivated in vitro" (ClinicalTrials.gov
                     # NCT00002956, its spelling): one word of their kind between
                     r"(?:\([\w-]+\)\s+)?(?:(?:CD\d+\+*\s*)+\s*)?(?:(?:[\w-]+\s+){0,3}?regulatory\s+|(?-i:[a-z]+)\s+)?"
                     r"T[- ]?(?:cells?|lymphocytes)\b"
                     r"(?![- ](?:lymphoma|leuka?emia|deplet\w*))"
                     # "transfer of effector memory T cells (Tem)" (hra.nhs.uk NCT03836690): T cells given
                     # their abbreviation, specific: "SARS-CoV-2 Specific CTLs are a type of immune cells that are made
                     # from donated blood cells grown in the laboratory" (cancer.gov NCT04742595); not a CTL response
                     r"|\bspecific\s+CTLs?\b(?![- ](?:responses?|activity|precursors?|assays?|epitopes?|frequenc\w*))"
                     # regulatory T cells given, by their abbreviation or named by their source or their giving:
                     # "Safety Study and Therapeutic Effects of Umbilical Cord Blood Treg on Autoimmune Diabetes", "Biological:
                     # Umbilical Cord Blood Regulatory T cells Therapy", "Receive Treg infusion: 1~5*10^6/kg", "Experimental:
                     # Treg Treatment + Insulin" (ClinicalTrials.gov NCT02932826); "0.5 x 10ˆ6, 1.0 x 10ˆ6, 2-3 x 10ˆ6 donor
                     # Treg/kg" (ctv.veeva.com NCT02385019); not Tregs counted or measured ("Treg levels", "Treg frequency")
                     # (and in the other order: "T regulatory cells")
                     r"|\b(?:(?:umbilical\s+)?cord[- ]blood(?:[- ]derived)?|donor(?:[- ]derived)?|third[- ]party|expanded"
                     r"|autologous|allogene?ic)\s+(?:regulatory\s+T[- ]?cells?|T[- ]regulatory\s+cells?|(?-i:T[Rr]egs?))\b"
                     r"|(?:\bregulatory\s+T[- ]?cells?|\bT[- ]regulatory\s+cells?|(?-i:\bT[Rr]egs?))\s*(?:therapy|infusions?|treatment"
                     r"|transfer|immunotherapy|injections?|products?|/\s*kg)\b"
                     # a cellular therapy of a disease with them: "Cellular therapy of type 1 diabetes with T regulatory
                     # cells" (trial.medpath.com ISRCTN06128462)
                     r"|\bcell(?:ular)?\s+(?:immuno)?therap(?:y|ies)\s+(?:of\s+[^.;]{1,60}?\s+)?with\s+(?:[\w-]+\s+){0,3}?"
                     r"(?:regulatory\s+T[- ]?cells?|T[- ]regulatory\s+cells?|(?-i:T[Rr]egs?))\b"
                     r"|\b(?:transfer|infusions?|administration)\s+of\s+(?:[\w-]+\s+){0,3}?T[- ]?(?:cells?|lymphocytes)\b"
                     r"(?![- ](?:lymphoma|leuka?emia|deplet\w*))"
                     # "the DMF5 allogeneic T-cell product" (NCT00924001), "T cell infusion", "adoptive T-cell transfer"
                     r"|\bT[- ]cell\s+(?:products?|infusions?|transfer)\b"
                     # T cells added back after a transplant that depleted them: "Haploidentical stem cell transplantation
                     # with iCasp9 T cell addback" (anzctr.org.au ACTRN12614000290695)
                     r"|\bT[- ]cells?\s+add-?backs?\b"
                     # "Autologous Lymphocyte Infusion" (NCT00079144), "adoptive lymphocyte transfer" (NCT00091611)
                     r"|\blymphocytes?\s+(?:infusions?|transfer)\b"
                     # lymphocytes given back as a therapy, by whose they are: "Biological: therapeutic autologous
                     # lymphocytes", "autologous lymphocyte therapy (ALT)" (ClinicalTrials.gov NCT00002589); not a count
                     # ("autologous lymphocyte count"), nor "lymphocyte depletion", nor a plain "lymphocyte therapy"
                     r"|\btherapeutic\s+(?:autologous|allogene?ic)\s+lymphocytes?\b"
                     r"|\b(?:autologous|allogene?ic)\s+lymphocyte\s+(?:immuno)?therap(?:y|ies)\b"
                     # EU register titles: "T cell therapy for patients with advanced Renal Cell Carcinoma"
                     # (2016-001454-18), "LTX-315 and adoptive T-cell therapy in patients with ..." (2017-002877-20);
                     # not a CAR's, a TCR's or an NK/T cell's therapy, which have their own types
                     r"|(?<!CAR[- ])(?<!CAR)(?<!TCR[- ])(?<!NK[- /])(?<!-)\bT[- ]cell\s+therap(?:y|ies)\b"
                     # the same in the singular of lymphocytes, as a news item names its product: "TVGN-489 is an
                     # investigational allogeneic cytotoxic CD8+ T lymphocyte therapy" (cgtlive.com NCT04765449); not the
                     # "cytotoxic T lymphocyte-associated antigen 4" of a checkpoint antibody
                     r"|(?<!CAR[- ])(?<!CAR)(?<!TCR[- ])(?<!NK[- /])(?<!-)\bT[- ]lymphocyte\s+(?:therap(?:y|ies)|infusions?"
                     r"|products?)\b"
                     # αβ T cells given as a therapy, as jRCT's immune-cell therapy plans write them: "Fourteen subjects were
                     # received abT-cell therapy", "免疫細胞療法(αβT)" (immune-cell therapy (αβT), jrct.niph.go.jp
                     # jRCTc030200089); not a graft "TCRαβ T Cell Depleted", nor T cells "composed of alpha beta T-cells"
                     r"|(?<!TCR)(?:\balpha[- /]?beta|αβ|α/β|(?-i:\bab))[- ]?T(?:[- ]?cells?)?\s*(?:therap(?:y|ies)|infusions?"
                     r"|transfer|immunotherapy|products?)\b"
                     r"|免疫細胞(?:療法|治療)\s*[(（]\s*(?:αβ|alpha[- ]?beta)\s*T\s*(?:細胞)?\s*[)）]",
                     re.IGNORECASE)),
]

#: The cell-type token of each kind that is not one itself.
TOKENS = {"CIML_NK": "NK", "TIL": "T", "GAMMA_DELTA_T": "T", "DLI": "T", "MEMORY_T": "T"}

#: Words that name NK cells without giving them: diseases of NK cells ("extranodal NK/T-cell
#: lymphoma", "aggressive NK-cell leukemia"), the NK-1 receptor of antiemetics, and NK cells that are
#: counted or measured ("NK cell activity", "NK cell counts"). They are blanked before cell types
#: are read, so a lymphoma, antiemetic or immune-monitoring study has no NK product.
_NOT_A_PRODUCT = re.compile(
    r"\b(?:extranodal\s+|nasal[- ]type\s+|aggressive\s+|mature\s+)?(?:NK|natural killer)\s*(?:/|-|\s)\s*(?:T|T-cell|T cell)?"
    r"[- ]?(?:cells?)?[- ]?(?:lymphomas?|leuka?emias?|neoplasms?|malignanc\w*|lymphoproliferative\w*|\(?ENKT\w*)"
    r"|\b(?:NK|natural killer)[- /]+T[- ]?cell\s+(?:lymphomas?|leuka?emias?)|\bENKT?C?L\b|\bNKTCL\b"
    # "T/NK LGL leukemia", "NK cell subtypes of LGL leukemia" (NCT01976182): large granular lymphocyte leukaemia
    r"|\b(?:NK|natural killer)(?:[- ]cells?)?\s+(?:subtypes?\s+of\s+)?(?:LGL|large granular lympho\w*)"
    r"|\bNK-?1(?:R|\s*receptors?)?\b|\bneurokinin\b"
    # cells a therapy acts on through the cells it gives: "NKT cell therapy using alpha-galactosylceramide-pulesed
    # dendritic cells" (jRCTc030220374): the dendritic cells are given, the patient's NKT cells activated
    r"|\b(?:NKT|NK|natural killer(?:\s+T)?)(?:[- ]cells?)?\s+therapy\s+using\s+(?=[^.;]{0,60}?(?:dendritic\s+cells?|\bDCs?\b))"
    r"|\b(?:NK|natural killer)(?:\s*\(NK\))?[- ]?(?:cells?\s+)?"
    r"(?:activit(?:y|ies)|function(?:ality)?|counts?|numbers?|percentages?|cytotoxicity"
    # (a subset that bears a product's code is the product: "the Safety and efficacy of CD73+NK Cell subsets
    # (ZJ-S-0106) in the Rehabilitation Treatment of ... Alzheimer's Disease", chictr.org.cn ChiCTR2600125767)
    r"|subsets?(?!\s*\((?!CD\d)[A-Z][A-Z-]*\d[\w-]*\))"
    r"|subtypes?|populations?|receptors?|ligands?|phenotypes?|frequenc\w+|reconstitution|recovery|levels?|markers?|degranulation|deficiency)\b"
    r"|\b(?:levels?|numbers?|counts?|percentages?|frequenc\w+|proportions?)\s+of\s+(?:circulating\s+)?(?:NK|natural killer)\b"
    r"[- ]?(?:cells?)?"
    # NK cells studied, not given: "Does CMV Induced Changes in NK Lymphocyte Biology Influence the Effectiveness of Antibody
    # Therapy ...", "conduct a g-NK cell analysis", "analyse the g-NK cells", "Determine changes in circulating g-NK cells",
    # "Evaluate whether the presence of g-NK cells improve the outcome", "g-NK (+) individuals" (meddatax.com NCT03417414,
    # an observational study; "g-NK" the NK cells that lack the FcεRγ chain)
    r"|\b(?:[a-z]-)?(?:NK|natural killer)(?:[- ](?:cells?|lymphocytes?))?\s+(?:biology|analys[ie]s|\(\s*[+-]\s*\))"
    r"|\b(?:changes?\s+in|presence\s+of|absence\s+of|analy[sz]e|analy[sz]ing)\s+(?:the\s+)?(?:circulating\s+)?"
    r"(?:[a-z]-)?(?:NK|natural killer)(?:[- ](?:cells?|lymphocytes?))?\b",
    re.IGNORECASE)

#: Words (lowercase) each cell-type pattern needs, one of each group: text without them is not
#: scanned (a CAR-NK product is named with both a CAR and NK cells; "car" alone is in "care").
_CELL_TYPE_NEEDS = {"CAR_NK": (("car", "chimeric antigen receptor"), ("nk", "natural killer")),
                    "CAR_T": (("car-", "car ", "cart", "chimeric antigen receptor", "chimeric-antigen-receptor", "express",
                               "cabtagene", "tisagenlecleucel",
                               *(f"car{digit}" for digit in "123456789")),),
                    "CIML_NK": (("ciml", "memory-like", "memory like"),),
                    "CIK": (("cytokine", "cik"),), "TIL": (("til", "infiltrating lymphocyte"),),
                    "GAMMA_DELTA_T": (("gamma", "γδ", "γ/δ", "vγ9", "vgamma"),), "DLI": (("dli", "donor lymphocyte"),),
                    "MEMORY_T": (("memory t",),),
                    "NKT": (("nk", "natural killer"),), "NK": (("nk", "atural killer"),),
                    "T": (("t cell", "t-cell", "t lymph", "lymphocyte infusion", "lymphocyte transfer", "ctl", "star-t", "treg",
                          "t regulatory", "t-regulatory", "αβ", "免疫細胞", "autologous lymph", "allogeneic lymph", "pbl",
                          "allogenic lymph", "blood lymph"),)}
#: Every word of _CELL_TYPE_NEEDS once, each looked for once in a text; and each kind's groups as sets, to meet the found ones.
_CELL_TYPE_WORDS = tuple(dict.fromkeys(word for groups in _CELL_TYPE_NEEDS.values() for group in groups for word in group))
_CELL_TYPE_NEED_SETS = {token: tuple(frozenset(group) for group in groups) for token, groups in _CELL_TYPE_NEEDS.items()}

#: (Each alternative opens with its first letter, the word boundary checked behind it: the regex engine then skips to
#: the letters, where a leading \b had it try every alternative at every character.)
_NK_WORDS = re.compile(r"[NE](?:(?<=\bN)K|(?<=N)atural killer|(?<=N)eurokinin|(?<=\bE)NKT)", re.IGNORECASE)
#: T cells that are measured, not given: "CMV-specific T cell responses" (NCT00815165), "HCV-specific T Cell Responses"
#: (NCT01403181), "the number and functional status of antigen specific T cells" (NCT00466960).
_T_MEASURED = re.compile(r"\bT[- ]?(?:cells?|lymphocytes?)\s*(?:[- ]mediated\s+)?(?:immune\s+)?(?:responses?|immunity|counts?"
                         r"|activation|functions?|reconstitution|levels?|subsets?|populations?|numbers?|frequenc\w+|epitopes?"
                         # (not a receptor the trial gives T cells: "T Cell Receptor Immunotherapy Targeting MAGE-A3", "Biological:
                         # Anti-MAGE-A3 ... (HLA-A* 01)-restricted T-cell receptor (TCR)", ctv.veeva.com NCT02153905)
                         r"|assays?|recognition|receptors?(?<!restricted\sT.cell\sreceptor)(?<!restricted\sT.cell\sreceptors)"
                         # (nor lymphocytes named by it: "Anti-NY ESO-1 T-cell receptor PBL", api.ai-analytics.org NCT00670748)
                         r"(?!\s*(?:\(TCR\)\s*)?(?:immunotherapy|gene\s+therapy|[- ]?(?:transduced|engineered|modified)"
                         r"|(?:PBLs?|peripheral\s+blood\s+lymphocytes)\b))"
                         r"|repertoire|chimerism)\b"
                         r"|\b(?:levels?|numbers?|counts?|percentages?|frequenc\w+|proportions?|status)\s+of\s+"
                         r"(?:(?:circulating|antigen[- ]specific|[\w+]+-specific|specific|memory|effector|naive)\s+)*"
                         r"(?:T[- ]?(?:cells?|lymphocytes)\b"
                         # (and their abbreviation: "the frequency of EBV-specific CTLs")
                         r"|(?:[\w+-]+[- ])?CTLs?\b)",
                         re.IGNORECASE)
#: Tumour-infiltrating lymphocytes counted in a biopsy, not given: "Patients with high TILs (>= 30%)", "stromal TILs",
#: "sTIL >= 10%", "TIL density", "the percentage of tumor-infiltrating lymphocytes" (a pathologist's measure of breast and
#: other cancers); not a count of cells given as a bound: "Ex vivo–expanded auto-TILs (>1 × 109 cells in a single dose)"
#: (jci.org NCT04443296).
_TIL_MEASURED = re.compile(r"\b(?:high|low|stromal|intra-?tumou?ral)\s+(?:TILs?|tumou?r[- ]infiltrating\s+lymphocytes?)\b"
                           r"|\b[si]?TILs?\s*\(?\s*(?:[≥>≤<](?!\s*\d+(?:[.,]\d+)?\s*(?:[x×✕*]\s*10|[eE]\d|billion|million))"
                           r"|\d+(?:\.\d+)?\s*%)"
                           r"|\b(?:[si]?TILs?|tumou?r[- ]infiltrating\s+lymphocytes?)\s+(?:density|levels?|scores?|counts?"
                           r"|percentages?|infiltrat\w*|status|assessment|evaluation)\b"
                           r"|\b(?:levels?|density|percentages?|numbers?|presence|evaluation|assessment|classification|types?"
                           r"|subsets?)\s+of\s+(?:\w+\s+){0,2}?"
                           r"(?:tumou?r[- ]infiltrating\s+lymphocytes?|[si]?TILs?)\b", re.IGNORECASE)
_T_WORDS = re.compile(r"T(?<=\bT)[- ]?(?:cell|lymph)|C(?<=\bC)TL", re.IGNORECASE)


def _unproduct(text: str) -> str:
    """The text with the cells it names without giving them blanked (diseases, receptors, measurements)."""
    text = _NOT_A_PRODUCT.sub(" ", text) if _NK_WORDS.search(text) else text
    text = _TIL_MEASURED.sub(" ", text) if "TIL" in text or "nfiltrating" in text else text
    return _T_MEASURED.sub(" ", text) if _T_WORDS.search(text) else text


#: A therapy the patients had before, named with what it left them or what it did not cure: "Umbilical Cord Blood-Derived
#: Mesenchymal Stem Cells in the Treatment of Long-Term Cytopenia After CAR-T Therapy", "patients ... who still suffer from
#: severe cytopenia 3 weeks after CAR-T infusion" (meddatax.com NCT07212335); "relapsed after prior CAR-T therapy". Its cells
#: are not the trial's product (the trial's own cells are named elsewhere, as given).
_PRIOR_THERAPY = re.compile(
    r"\b(?:cytopenias?|relaps\w*|toxicit(?:y|ies)|neurotoxicit\w*|hematotoxicit\w*|resistan\w*"
    r"|cytokine\s+release\s+syndrome|CRS|ICANS|infections?|complications?)\b[^.;]{0,60}?"
    r"\b(?:after|following|post)[- ]+(?:(?:the|an?|prior|previous|their)\s+)*"
    r"(?:(?!(?:with|of|and|plus|by|using|followed)\b)[\w-]+\s+){0,3}?(?:therap(?:y|ies)|treatment|infusions?|administration)\b"
    # the earlier therapy named after it: "patients who experience relapse after treatment with CD19 CAR T"
    # (4-traders.com NCT05798897, a trial of multiTAA-specific T cells)
    r"(?:\s+with\s+(?:[\w-]+\s+){0,2}?(?-i:CAR)(?:[- ]?T\b(?:[- ]?cells?\b)?)?)?"
    # a CAR therapy that failed the patients, as news items say it: "patients who have failed CAR T-cell therapy",
    # "progressed on CAR-T", "relapsed after CAR T" (a CAR therapy the trial gives is named elsewhere, as given)
    r"|\b(?:failed|progress(?:ed|ing)\s+(?:on|after|following)|relapsed\s+(?:on|after|following)|refractory\s+to"
    r"|resistant\s+to)\s+(?:(?:the|an?|prior|previous|their)\s+)*(?:[\w-]+\s+){0,2}?(?-i:CAR)(?:[- ]?T\b)?"
    r"(?:[- ]?cells?\b)?(?:\s+(?:therap(?:y|ies)|treatment|infusions?))?"
    r"|\b(?:prior|previous)\s+(?!to\b)(?:(?!(?:with|of|and|plus|by|using|followed)\b)[\w-]+\s+){0,3}?(?:therap(?:y|ies)|treatment"
    r"|infusions?)\b",
    re.IGNORECASE)


#: Words (lowercase) one of which the first alternative of _PRIOR_THERAPY needs, beside "after", "following" or "post".
_PRIOR_CONDITIONS = ("cytopeni", "relaps", "toxicit", "cytokine release", "crs", "icans", "infection", "complication",
                     "resistan")
#: Words (lowercase) one of which the second alternative needs, beside a "CAR".
_FAILED_CAR = ("failed", "progress", "relapsed", "refractory", "resistant")


def _may_name_prior_therapy(text: str, lowered: str) -> bool:
    """Whether the text has the words one of _PRIOR_THERAPY's alternatives needs. The substitution is costly and most
    oncology texts say "refractory" or "progression" with no earlier therapy named, so it runs only where it can match.
    """
    return ("prior" in lowered or "previous" in lowered
            or (any(word in lowered for word in ("after", "following", "post"))
                and any(word in lowered for word in _PRIOR_CONDITIONS))
            or ("CAR" in text and any(word in lowered for word in _FAILED_CAR)))


def _cell_types(text: str) -> list[str]:
    text = _unproduct(text)
    lowered = text.lower()
    if _may_name_prior_therapy(text, lowered):
        text = _PRIOR_THERAPY.sub(" ", text)
        lowered = text.lower()
    found = []
    present = {word for word in _CELL_TYPE_WORDS if word in lowered}
    for token, pattern in CELL_TYPES:
        if any(group.isdisjoint(present) for group in _CELL_TYPE_NEED_SETS[token]):
            continue
        if pattern.search(text):
            found.append(token)
            text = pattern.sub(" ", text)
            lowered = text.lower()
            present = {word for word in _CELL_TYPE_WORDS if word in lowered}
    return _one_product_each(found)


def _one_product_each(found: list[str]) -> list[str]:
    """The kinds, without the plain kind a more specific one names: "CAR-NK cells (natural killer cells engineered ...)"
    is one CAR-NK product, not a second, plain NK one; "anti-CD19 CAR transduced T cells" and "CAR T cells" in two
    sentences of a summary (NCT01593696) are one CAR-T product.
    """
    return [kind for kind in found if not (kind == "NK" and ("CAR_NK" in found or "CIML_NK" in found))
            and not (kind == "T" and ("CAR_T" in found or "GAMMA_DELTA_T" in found))]
