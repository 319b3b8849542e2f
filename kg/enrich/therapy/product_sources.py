"""Whose cells a product is and the tissue they come from: autologous, allogeneic or haploidentical donors, and tissues.

A transplant's graft (its donor, its stem cells) is often named beside the product; the graft patterns here keep the
graft's donor and tissue from being read as the product's own.
"""

from __future__ import annotations

import re

__all__: list[str] = []  # the names here are the package's own

#: "HLA haplotype mismatched" (NCT00660166) is a haploidentical donor too.
_HAPLO = re.compile(r"\bhaplo-?identical\b|\bhaploid\b|\bhaplo\b|\bhaplotype[- ]mismatched\b", re.IGNORECASE)
#: "autologous", and in plain English: "made from the participant's own blood", "the patient's own cells".
#: (the apostrophe lost as a space: "A new cancer treatment takes a person s own T cells", trialfinderdata.org NCT05003895)
#: (not "donor derived autologous": "allogeneic, donor derived autologous CD19-28z chimeric antigen receptor-expressing
#: T-lymphocytes (19-28z CAR T cells) administered following T-cell depletion allogeneic hematopoietic stem cell
#: transplantation", cancer.gov NCT04556266: cells taken from the patient after the transplant are the donor's)
_AUTOLOGOUS = re.compile(r"(?<!donor derived )(?<!donor-derived )\bautologous\b"
                         # "auto-" written for it before the cells: "Ex vivo–expanded auto-TILs" (jci.org NCT04443296),
                         # "ex vivo expanded auto-NK cells" (haematologica.org UMIN000014072); not "auto-HSCT", a transplant
                         r"|\bauto-(?=(?:TILs?|NK|CIKs?|CTLs?|T[- ]?cells?|DC-CIK|lymphocytes)\b)"
                         # "patient-derived" before the cells: "patient-derived NK cells" (not a "patient-derived
                         # xenograft", a model of the tumour)
                         r"|\b(?:patient|participant|subject)[- ]derived\s+(?:(?!xenograft|organoid|tumou?r|cancer|PDX)[\w-]+\s+)"
                         r"{0,3}?(?:cells?|lymphocytes|NK|TILs?"
                         r"|T[- ]cells?|DCs?)\b"
                         r"|\b(?:participant|patient|subject|child|person)(?:(?:'|’)?s?(?:'|’)?|\ss)\s+own\s+"
                         r"(?:\w+\s+){0,2}?(?:blood|cells|immune cells|T cells|NK cells|lymphocytes)\b|\byour own\s+"
                         r"(?:\w+\s+){0,2}?(?:blood|cells)\b"
                         r"|\bfrom (?:the|each) (?:patient|participant) (?:him|her|them)sel(?:f|ves)\b"
                         # the NCI's plain English: "a patient's T cells ... are changed in the laboratory",
                         # "T cells are taken from a patient's blood" (NCT05625594)
                         # ("the donor's T cells attack the patient's cells" says nothing of whose the product is)
                         # "an infusion of their own tumor-reactive T cells" (NCT00091611)
                         r"|\btheir own\s+(?:[\w-]+\s+){0,2}?(?:T cells|NK cells|immune cells|cells|lymphocytes|blood)\b"
                         r"|\b(?:a|the|each) (?:patient|participant)(?:'|’)s\s+(?:own\s+)?(?:T cells|NK cells|immune cells|cells"
                         r"|blood)\s+(?:\([^()]{0,60}\)\s+)?(?:are|is|will be)\s+(?:changed|collected|taken|modified|engineered"
                         r"|removed|harvested|drawn)\b"
                         # (and "directly": "the investigators will attempt to use T cells obtained directly from the
                         # patient, which can be genetically engineered", ClinicalTrials.gov NCT04571138)
                         r"|\b(?:taken|collected|removed|obtained|harvested|drawn) (?:directly )?from (?:a|the|each) "
                         r"(?:patient|participant)\b"
                         # the patient's tissue the cells are grown from: "Tumor-infiltrating lymphocytes will be expanded
                         # from resected melanoma samples from the patient" (centerwatch.com NCT04165967)
                         r"|\b(?:expanded|grown|generated|isolated|cultured|derived|manufactured|made)\s+from\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:samples?|tumou?rs?|tissues?|biops(?:y|ies)|specimens?|lesions?)\s+(?:of|from)\s+(?:the|each|a)\s+"
                         r"(?:patient|participant)s?\b"
                         # the product made from them: "IMA203 product will be made from the patient's white blood cells"
                         # (clinicaltrials.gov NCT03686124)
                         r"|\b(?:made|manufactured|produced|generated|prepared|derived|grown)\s+from\s+(?:a|the|each)\s+"
                         r"(?:patient|participant|subject)(?:'|’)s\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:cells|blood|lymphocytes)\b"
                         # the same in the gerund: "ADI-001 involves collecting a patient’s immune T-cells and modifying
                         # them in the lab" (sclerodermanews.com NCT06375993)
                         r"|\b(?:collecting|taking|removing|harvesting|drawing)\s+(?:a|the|each)\s+(?:patient|participant)"
                         r"(?:'|’)s\s+(?:own\s+)?(?:immune\s+)?(?:T[- ]cells|NK cells|immune cells|cells|blood|lymphocytes)\b"
                         # the cells given back where they came from: "The gene transfer involves drawing blood, separating
                         # out T cells ..., changing the T cells' DNA ... in a specific way, and returning the changed T
                         # cells back to the body." (ClinicalTrials.gov NCT00968760)
                         r"|\breturn(?:ing|ed|s)?\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:T[- ]?cells?|NK[- ]cells?|cells|lymphocytes)"
                         r"\s+back\s+(?:to|into)\s+(?:the\s+)?(?:body|patient|participant)\b"
                         # "PBMCs of enrolled patients were collected" (ctv.veeva.com NCT03175679)
                         r"|\b(?:PBMCs?|blood|cells|lymphocytes)\s+(?:of|from)\s+(?:the\s+)?(?:enrolled\s+|each\s+)?"
                         r"(?:patients|participants|subjects)\s+(?:were|was|are|is|will\s+be)\s+(?:collected|drawn|taken|obtained)\b"
                         # the NCI's plain English of TIL: "taking white blood cells from patients' tumors, growing
                         # them in the laboratory in large numbers, and then giving the cells back to the patient"
                         # (NCT01174121): the cells go back to the patients they came from
                         r"|\b(?:giving|returning|putting|infusing)\s+(?:the\s+|these\s+)?cells\s+back\s+(?:in)?to\s+"
                         r"(?:the\s+)?(?:patient|participant)s?\b"
                         r"|\bfrom\s+(?:the\s+)?(?:patients|participants)(?:'|’)\s+(?:own\s+)?tumou?rs?\b"
                         # the participants' own tissue the product is made from: "Participants will undergo tumor
                         # resection from which the tumor infiltrating lymphocyte (TIL) product will be generated"
                         # (meddatax.com NCT04052334)
                         r"|\b(?:participants|patients|subjects)\s+(?:will\s+)?undergo\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                         r"(?:resection|biopsy|surgery|excision|leuka?pheresis|apheresis)\b[^.;]{0,20}?\bfrom\s+which\b"
                         r"[^.;]{0,80}?\b(?:generated|grown|made|manufactured|derived|expanded|prepared|produced|isolated)\b"
                         # the participants undergo the collection of the cells' material: "Participants undergo the
                         # following procedures: Peripheral blood will be collected from a vein of arm" (NCT03634501)
                         r"|\b(?:participants|patients|subjects)\s+(?:will\s+)?undergo\s+the\s+following\s+procedures?\s*:\s*"
                         r"(?:peripheral\s+)?blood\s+(?:will\s+be|is)\s+(?:collected|drawn|taken)\b"
                         # the subjects' material collected to make the cells: "Subjects will be collected large numbers of
                         # peripheral blood mononuclear cells (PBMC) for the generation of the CD19 CAR-T cells"
                         # (ctv.veeva.com NCT03263208); "To prepare the lymphoma, MM or CLL specific T cells investigators
                         # will take 240 ml (up to 16 tablespoonfuls)of blood from the patient" (paidtrials.com CHARKALL)
                         # (not "The subject or his/her donor will give blood to make ... T cells", CARPASCIO)
                         # the patients' own apheresis yields the cells: "Patients undergo leukapheresis to obtain
                         # lymphokine-activated killer (LAK) cells" (knowcancer.com NCT00331526)
                         r"|\b(?:subjects|patients|participants)\s+(?:will\s+)?undergo\s+(?:an?\s+)?(?:outpatient\s+)?"
                         r"(?:leuka?pheresis|apheresis)\s+to\s+(?:obtain|collect|harvest|generate|make)\b"
                         r"|\b(?:subjects|patients|participants)\s+will\s+(?:be\s+collected|undergo\s+(?:leuka?pheresis|apheresis))\b"
                         r"[^.;]{0,100}?\bfor\s+(?:the\s+)?(?:generation|manufactur\w*|production|preparation)\s+of\b"
                         # the patients screened, then their cells collected to make the product: "We will screen patients
                         # to make sure they are suitable for the trial, and then collect white blood cells (leukapheresis)
                         # to make obe-cel." (trial.medpath.com NCT07053800)
                         r"|\b(?:screen|enrol|enroll)\s+(?:the\s+)?(?:patients|participants|subjects)\b[^.;]{0,80}?\bthen\s+"
                         r"collect\s+(?:their\s+)?(?:[\w-]+\s+){0,2}?(?:cells|blood)\b[^.;]{0,40}?\bto\s+(?:make|manufacture"
                         r"|produce|prepare)\b"
                         r"|\bto\s+(?:prepare|make|generate|manufacture|produce)\b[^.;]{0,80}?\b(?:take|collect|draw|obtain|harvest)\b"
                         r"[^.;]{0,60}?\bfrom\s+the\s+(?:patient|subject|participant)\b"
                         # the patient's leukapheresis made into the cells: "After a patient enrolls,leukapheresis will be
                         # performed to obtain peripheral blood mononuclear cells which will be sent to a manufacturing site
                         # to produce anti- BCMA CAR T cells" (trial.medpath.com NCT03559764); "the patient's leukapheresis",
                         # "leukapheresis of the participant" (not a donor's leukapheresis)
                         r"|\b(?:patient|participant|subject)s?\b(?:(?!donor)[^.;]){0,40}?\b(?:leuka?pheresis|apheresis)\s+"
                         r"(?:will\s+be|is|was)\s+(?:performed|done|carried\s+out)\s+to\s+(?:obtain|collect|harvest)\b"
                         r"(?:(?!donor)[^.;]){0,100}?\bto\s+(?:produce|make|manufacture|generate|prepare)\b"
                         # (in the plain forms too, made into something in the same sentence: a patient's apheresis of
                         # stem cells for a transplant is the graft's)
                         r"|(?:\b(?:patient|participant|subject)(?:'|’)s\s+(?:own\s+)?(?:leuka?pheresis|apheresis)\b"
                         r"|\b(?:leuka?pheresis|apheresis)\s+(?:products?\s+)?(?:of|from)\s+(?:the|each|a)\s+(?:patient|participant"
                         r"|subject)\b)[^.;]{0,100}?\b(?:produc(?:e|ed|es|ing|tion)\b|manufactur|mak|generat|prepar|expand|cultur|transduc|engineer"
                         r"|modif)\w*",
                         re.IGNORECASE)
_ALLOGENEIC = re.compile(r"\ballogen(?:e)?ic\b|\bdonors?\b|\bdonated\b|\bdonor-derived\b|\bthird[- ]party\b"
                         r"|\bunrelated\b"
                         # "collected from the blood of a parent, child or sibling", "NK cells obtained from a relative"
                         # (NCT00660166)
                         r"|\b(?:from|of)\s+(?:the\s+blood\s+of\s+)?(?:a|an|the\s+patient's)\s+(?:healthy\s+)?(?:relative|family\s+member"
                         r"|sibling|parent|brother|sister)\b", re.IGNORECASE)
#: The blood cells are taken from to be made into the product: "Patients will donate 250 - 300mL of blood, from which T cells
#: will be isolated and expanded" (anzctr.org.au ACTRN12613000981729).
_BLOOD_FROM_WHICH = (r"(?<!cord )\bblood,?\s+from\s+which\s+(?:the\s+)?(?:[\w+-]+\s+){0,3}?(?:cells|lymphocytes)\s+"
                     r"(?:will\s+be|are|were|is)\s+(?:isolated|separated|collected|obtained|harvested|derived|generated"
                     r"|expanded|grown|cultured)\b")
_CELLS_FROM_BLOOD = re.compile(_BLOOD_FROM_WHICH, re.IGNORECASE)
_TISSUES: list[tuple[str, re.Pattern[str]]] = [
    ("PERIPHERAL_BLOOD", re.compile(r"\bperipheral blood\b|\bPBMCs?\b|\b(?:leuk(?:ocyt)?)?apheresis\b|\bPB-NK\b"
                                    r"|\b(?:taken|collected|drawn|removed|obtained) from (?:a|the|each|your) (?:patient|"
                                    r"participant|donor)(?:'|’)s\s+blood\b"
                                    # "These cells will be collected from the blood of a parent, child or sibling" (NCT00660166)
                                    # "SARS-CoV-2 specific T cells can be isolated from the blood of convalescent donors"
                                    # (trial.medpath.com NCT04351659)
                                    r"|\b(?:taken|collected|drawn|removed|obtained|isolated|harvested|extracted)\s+from\s+"
                                    r"the\s+blood\s+of\b"
                                    # the reader addressed: "you will have cells collected from your blood" (stellatrials.com
                                    # NCT07172958), "The researchers removed some T cells from your blood" (cancerresearchuk.org)
                                    r"|\b(?:taken|collected|drawn|removed|obtained)\s+(?:\w+\s+){0,3}?from\s+your\s+(?:own\s+)?blood\b"
                                    # the NCI's summaries: "Therapy with antiCD9 chimeric antigen receptor T-cells works by
                                    # removing T cells from the blood and modifying them to be able to target cancer"
                                    # (cancer.gov NCI-2018-00983, NCT03434769)
                                    r"|\b(?:removing|taking|collecting)\s+(?:T|NK|immune|white\s+blood)[- ]cells\s+from\s+"
                                    r"the\s+(?:patient(?:'|’)s\s+)?blood\b"
                                    # blood drawn and the cells separated out of it: "The gene transfer involves drawing blood,
                                    # separating out T cells" (ClinicalTrials.gov NCT00968760)
                                    r"|\bdraw(?:ing|n)?\s+blood\b[^.;]{0,80}?\bseparat\w*\s+(?:out\s+)?(?:the\s+)?(?:[\w-]+\s+)?"
                                    r"(?:T[- ]?cells?|NK[- ]cells?|cells|lymphocytes)\b"
                                    # the mononuclear cells of the periphery, "blood" left out: "NK cells will be selected
                                    # from HLA mismatch familial donor peripheral mononuclear cells" (smartpatients.com
                                    # NCT01947322)
                                    r"|\bperipheral\s+mononuclear\s+cells?\b"
                                    # "made from donated blood cells" (cancer.gov NCT04742595): a blood donation's, not a
                                    # graft of stem cells
                                    r"|\bdonated\s+blood\b(?!\s+(?:stem|progenitor))"
                                    # the blood the cells are made from
                                    rf"|{_BLOOD_FROM_WHICH}"
                                    # blood collected to make the product: "Blood for T cell therapy manufacture must be
                                    # collected prior to the completion of the third cycle of chemotherapy" (anzctr.org.au
                                    # ACTRN12613000866707)
                                    r"|(?<!cord )\bblood\s+(?:samples?\s+)?for\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
                                    r"(?:manufactur\w*|production|generation|preparation)\b[^.;]{0,30}?"
                                    r"\b(?:collected|drawn|taken|obtained)\b",
                                    re.IGNORECASE)),
    # (hyphenated too: "cord-blood-derived cytokine-preactivated and expanded NK cells", acir.org NCT04074746)
    ("UMBILICAL_CORD_BLOOD", re.compile(r"\bcord[- ]blood\b|\bUCB\b|\bCB-(?:derived|NK)\b|\bCB\b(?=\s+units?\b)",
                                        re.IGNORECASE)),
    # (and the cells named by it: "Intrathecal autologous bone marrow mononuclear cell transplantation", WHO ICTRP
    # NCT02241395)
    ("BONE_MARROW", re.compile(r"\bbone marrow[- ]derived\b|\bharvested from (?:the )?bone marrow\b"
                               r"|\bbone[- ]marrow[- ]mononuclear\s+cells?\b|(?-i:\bBM-?MNCs?\b)", re.IGNORECASE)),
    ("CELL_LINE", re.compile(r"\bNK-92\b|\bNK[- ]cell line\b|\bKHYG-1\b", re.IGNORECASE)),
    ("IPSC", re.compile(r"\biPSCs?\b|\binduced pluripotent\b", re.IGNORECASE)),
    ("PLACENTA", re.compile(r"\bplacenta(?:l)?\b", re.IGNORECASE)),
]
#: Words (lowercase) one of which each of _TISSUES' patterns needs: most texts about a product name no tissue, and the
#: patterns are searched in them only where one can match.
_TISSUE_NEEDS = {"PERIPHERAL_BLOOD": ("blood", "pbmc", "apheresis", "pb-nk", "peripheral mononuclear"),
                 "UMBILICAL_CORD_BLOOD": ("cord", "cb"),
                 "BONE_MARROW": ("bone marrow", "bone-marrow", "bm-mnc", "bmmnc"), "CELL_LINE": ("nk-92", "cell line", "khyg-1"),
                 "IPSC": ("ipsc", "induced pluripotent"), "PLACENTA": ("placenta",)}
#: A child's own banked cord blood: the one cord blood that is autologous.
_AUTOLOGOUS_CORD_BLOOD = re.compile(r"\bautologous\s+(?:\S+\s+){0,2}?(?:umbilical\s+)?cord blood\b|\bown\s+(?:umbilical\s+)?"
                                    r"cord blood\b", re.IGNORECASE)


def _first(pattern: re.Pattern[str], texts: list[str]) -> re.Match[str] | None:
    return next((m for m in (pattern.search(t) for t in texts) if m), None)


#: A transplant or graft of stem cells or marrow (not the graft of "graft-versus-host disease").
_TRANSPLANT = re.compile(r"\btransplant\w*|\btranplant\w*|\b(?:allo-?)?(?:HSCT|SCT|HCT|BMT)\b|\bgraft(?:s|ed|ing)?\b(?![- ]versus)",
                         re.IGNORECASE)
#: An allogeneic transplant, which says nothing of whose the cells given after it are when they are not its donor's
#: lymphocytes or NK cells: "mesenchymal stromal cells to treat ... graft versus host disease after allogeneic haemopoietic
#: stem cell tranplantation" (ACTRN12610000068066).
#: Products the donor of a transplant beside them says nothing of: stromal cells and untyped products, CAR-T, CAR-NK and
#: CIK cells (made for the trial); not NK or T cells, a DLI, given from the graft's donor.
_NOT_THE_GRAFTS = frozenset({None, "CAR_T", "CAR_NK", "CIK"})
_ALLOGENEIC_GRAFT = re.compile(r"\ballogen(?:e)?ic\s+(?:\S+\s+){0,3}?(?:stem[- ]cells?\s+)?(?:transplant\w*|tranplant\w*|HSCT|SCT|HCT"
                               r"|BMT|graft\w*)\b", re.IGNORECASE)


#: The graft of the transplant the patients relapsed after, said after it: "AML, MDS, JMML who relapse after stem cell
#: transplantation using HLA-matched related donor or related donor haploidentical stem cells" (meddatax.com NCT04024761,
#: whose CIML NK cells the page never says whose): the graft's donor, not the product's. The clause ends where it names
#: cells that are given (NK, T cells, lymphocytes, a CAR) or says something more of the patients ("and have an available
#: donor willing to participate", withpower.com's CIML NK page).
_PATIENTS_GRAFT = re.compile(
    r"\b(?:relaps\w*|recurr\w*|progress\w*)\s+(?:[\w-]+\s+){0,2}?(?:after|following|post)[- ]+(?:[\w()-]+\s+){0,4}?"
    r"(?:transplant\w*|tranplant\w*|HCT|HSCT|SCT|BMT)\b(?:\s*\([^()]{0,30}\))?\s+(?:using|with|from)\s+"
    r"(?:(?!\b(?:NK|CIML|natural\s+killer|T[- ]cells?|lymphocytes?|CIK|CAR|DLI|who|which|whose|will|have|has|are|is)\b)[^.;]){1,160}",
    re.IGNORECASE)


#: Cells measured in the blood, no tissue they come from: "To assess the persistence in peripheral blood and intratumoral
#: infiltration of anti-GPC3 CAR-T cells" (ClinicalTrials.gov NCT03084380).
_MEASURED_IN_BLOOD = re.compile(r"\b(?:persistence|persist\w*|expansion|kinetics|levels?|detection|detected|trafficking|presence"
                                r"|frequenc\w+|numbers?|counts?|concentrations?|survival|engraftment)\s+(?:[\w-]+\s+){0,4}?"
                                r"in\s+(?:the\s+)?(?:patients(?:'|’)\s+)?peripheral blood\b", re.IGNORECASE)


#: The recipient's own cells, given against a donor's graft: "Intentional Rejection of the Donor Graft Using Recipient
#: Leukocyte Infusion(s) Following Nonmyeloablative Allogeneic Stem Cell Transplant", "followed by recipient lymphocyte
#: infusion (RLI) in an attempt to deliberately reject the donor graft" (ClinicalTrials.gov NCT00909948): the patient's
#: own, whatever donor the text names (the graft's).
_RECIPIENT_CELLS = re.compile(r"\brecipient(?:(?:'|’)s)?\s+(?:lymphocyte|leukocyte|leucocyte)s?\s+infusions?\b", re.IGNORECASE)


def _source(about: list[str], donor_clauses: list[str]) -> tuple[list[str], list[str]]:
    """The donor types and tissues the sentences ``about`` a product and the donor's criteria give."""
    about = [_PATIENTS_GRAFT.sub(" ", text) if "after" in text or "following" in text or "post" in text else text
             for text in about]
    sourced = about + donor_clauses
    if _first(_RECIPIENT_CELLS, about):
        donors = ["AUTOLOGOUS"]
    elif _first(_HAPLO, sourced) and not _only_the_transplants(sourced):
        donors = ["HAPLOIDENTICAL"]
    else:
        # "given to the patient early after an autologous stem cell transplantation" (NCT00660166): the transplant's
        # graft is the patient's own, which says nothing of whose the cells given after it are
        own = [_AUTOLOGOUS_GRAFT.sub(" ", _REPLACED_AUTOLOGOUS.sub(" ", text)) for text in about]
        donors = ["AUTOLOGOUS"] if _first(_AUTOLOGOUS, own) else []
        donors += ["ALLOGENEIC"] if _first(_ALLOGENEIC, sourced) else []
    # "haploidentical donor NK cells ... and filgrastim mobilized CD34+ selected peripheral blood stem cell graft from the
    # same donor" (meddatax.com NCT01370213): the graft of a transplant, not what the product is made from
    tissued = [_MEASURED_IN_BLOOD.sub(" ", _STEM_CELL_GRAFT.sub(" ", text)) for text in sourced]
    lowered = "\n".join(tissued).lower()
    return donors, [token for token, pattern in _TISSUES
                    if any(word in lowered for word in _TISSUE_NEEDS[token]) and _first(pattern, tissued)]


#: Autologous cells or a protocol the trial gave up for others: "by changing the autologous protocol with the allogeneic
#: protocol. After the allogeneic protocol was approved, we adapted allogeneic cells instead of autologous in our
#: subsequentially clinical study" (ClinicalTrials.gov NCT03183232).
_REPLACED_AUTOLOGOUS = re.compile(r"\b(?:instead\s+of|rather\s+than|chang\w*|replac\w*)\s+(?:the\s+|an?\s+)?autologous\b",
                                  re.IGNORECASE)
#: A transplant's graft of stem cells from the blood.
_STEM_CELL_GRAFT = re.compile(r"\bperipheral[- ]blood\s+(?:hematopoietic\s+|haematopoietic\s+)?(?:stem|progenitor)\s+cells?\b"
                              r"|\bPBSCs?\b", re.IGNORECASE)


#: An autologous transplant or graft: "autologous stem cell transplantation", "Autologous Stem Cell Transplant", "ASCT",
#: "CD133+ selected autologous stem cell infusion".
#: (not the stem cells given as a product of their own: "autologous adipose derived stem cells injected into the ovary",
#: pactr.samrc.ac.za PACTR202007828853091; "autologous mesenchymal stem cells"; nor the marrow's mononuclear cells:
#: "Intrathecal autologous bone marrow mononuclear cell transplantation", WHO ICTRP NCT02241395; nor stem cells
#: transplanted into the tissue they treat: "CD133+ autologous stem cells transplantation in and around asynergic
#: non-viable left ventricular (LV) segments", isrctn.com ISRCTN71717097)
_AUTOLOGOUS_GRAFT = re.compile(r"\bautologous\s+(?:(?!adipose|mesenchymal)\S+\s+){0,3}?"
                               r"(?:stem[- ]cells?|HSCs?|HSCT|SCT|transplant\w*|graft\w*"
                               r"|(?:bone[- ])?marrow(?![- ]mononuclear))\b"
                               r"(?![- ]?(?:transplant\w*\s+)?(?:into|in\s+and\s+around)\s)|\bA(?:HS|HSC|S)CT\b", re.IGNORECASE)
#: "haploidentical" said of a transplant ("TCRαβ T Cell Depleted Haploidentical Transplant").
_HAPLO_TRANSPLANT = re.compile(r"\bhaplo(?:-?identical)?\b[- ](?:\S+\s+){0,4}?(?:transplant\w*|HCT|HSCT|SCT|graft)",
                               re.IGNORECASE)
_DONOR_CELLS = re.compile(r"\bdonor\b|\bdonor-derived\b", re.IGNORECASE)


def _only_the_transplants(texts: list[str]) -> bool:
    """Whether "haploidentical" qualifies only the transplant, and the product is not said to be the
    donor's: cells given after a haploidentical transplant are not for that the donor's.
    """
    every = sum(len(_HAPLO.findall(t)) for t in texts)
    of_transplant = sum(len(_HAPLO_TRANSPLANT.findall(t)) for t in texts)
    # (the donor of the transplant's own name is the transplant's: "CIML NK Cell Adoptive Therapy After Haploidentical
    # Donor Hematopoietic Cell Transplantation", ClinicalTrials.gov NCT02782546)
    return every == of_transplant and not any(_DONOR_CELLS.search(_HAPLO_TRANSPLANT.sub(" ", t)) for t in texts)


#: A registry keyword that is the donor word alone: "allogenic" among "cell therapy", "gamma delta T cells" (ClinicalTrials.gov
#: NCT05886491, whose text never says whose cells GDX012 is made of); with the cells or the therapy after it ("allogeneic
#: NK cells", "autologous cell therapy"). Not a keyword of the transplant ("allogeneic stem cell transplantation"), whose
#: donor is the graft's.
_DONOR_KEYWORD = re.compile(r"(?P<donor>allogen(?:e)?ic|autologous)(?:\s+(?:(?:(?!stem|progenitor|ha?ematopoietic)[\w-]+\s+){0,2}?"
                            r"cells?|cell(?:ular)?\s+(?:therapy|immunotherapy|products?)))?", re.IGNORECASE)


def _keyword_donor(keywords: list[str]) -> str | None:
    """The donor a registry study's keywords name alone (one donor, not both)."""
    found = {("AUTOLOGOUS" if match.group("donor").lower() == "autologous" else "ALLOGENEIC")
             for match in map(_DONOR_KEYWORD.fullmatch, keywords) if match}
    return found.pop() if len(found) == 1 else None
