"""Regimens given around the cell therapy: chemotherapy, lymphodepletion, GVHD prophylaxis,
premedication — named as the document names them, with their drugs.
"""

from __future__ import annotations

import re

from kg.enrich.therapy.schedules import days_given
from kg.enrich.therapy.text import Passage, negated
from kg.model.records import Regimen, TrialRecord
from kg.model.text import fold

__all__ = ["DRUGS", "regimens"]

#: Drugs of the regimens given with cell therapies (and their common abbreviations).
DRUGS = (r"fludarabine|cyclophosphamide|cytarabine|cytosine arabinoside|ara-?c|idarubicin|daunorubicin|mitoxantrone|etoposide|busulfan"
         r"|melphalan|treosulfan|thiotepa|bendamustine|decitabine|azacitidine|venetoclax|anthracyclines?|clofarabine"
         r"|methotrexate|tacrolimus|cyclosporine|ciclosporin|mycophenolate(?: mofetil)?|sirolimus|ATG|G-CSF"
         r"|antithymocyte globulin|flu|cy|ida|hd-ara-c|mesna|total[- ]body irradiation|TBI|MMF|PTCy"
         # antithymocyte globulin as pages spell it: "Patients receive anti-thymocyte globulin intravenously (IV) over 4
         # hours on days -9 and -8" (sparkcures.com NCT02727803, the NCI's outline), "rabbit anti-thymocyte globulin"
         # (meddatax.com NCT01370213), "anti–T-lymphocyte globulin" (Blood 1998;91:756), "thymoglobulin"
         r"|anti[-–]?thymocyte globulin|anti[-–]?T-lymphocyte globulin|thymoglobulin"
         # chemotherapy given with cell products of solid tumours (CIK with gemcitabine and cisplatin)
         r"|gemcitabine|cisplatin|carboplatin|oxaliplatin|paclitaxel|docetaxel|irinotecan|capecitabine"
         r"|5-fluorouracil|doxorubicin|vincristine|temozolomide|pemetrexed|carmustine|etoposide phosphate"
         # the oral fluoropyrimidine given with cells for liver cancer: "Drug: Tegafur" beside "Biological: iNKT cells" and
         # "Drug: IL-2" (ctv.veeva.com NCT03175679)
         r"|tegafur"
         # the myeloma drugs given with NK cells: "Expanded and activated autologous NK cells (NKAEs) + chemotherapy
         # (lenalidomide OR bortezomib)" (meddatax.com NCT02481934), "lenalidomide orally (PO) once daily (QD) on days -8 to
         # -2, high-dose melphalan IV ... and UCB-derived NK cells IV" (ClinicalTrials.gov NCT01729091)
         r"|lenalidomide|bortezomib"
         # given to deplete the lymphocytes beside cyclophosphamide: "NMA lymphodepletion treatment with
         # hydroxychloroquine(600mg,single-dose) and cyclophosphamide" before TILs (meddatax.com NCT04960072)
         r"|hydroxychloroquine"
         # "lymphodepleting chemotherapy with cyclophosphamide and fludara" (NCT02482090)
         r"|fludara"
         # as a registry record spells it: "treated with fluorodarabine 30 mg/m^2( body surface area) and cyclophosphamide
         # 250 mg/m^2( body surface area) for 3 days" (ClinicalTrials.gov NCT04835519)
         r"|fluorodarabine"
         # combination regimens known by their acronym, given as one drug: "Drug: FOLFOX4" (NCT03084809)
         r"|m?FOLFOX\d?|FOLFIRI(?:NOX)?|XELOX|CAPOX|R-CHOP"
         # brand names, as the NCI gives them (docs/vocabulary-sources.md, "Brand names of regimen drugs"):
         # "Drug: Cytoxan" (NCT04264039)
         r"|cytoxan|neosar|clafen|alkeran")
_DRUG = rf"\b(?:{DRUGS})\b"
#: A list of drugs: "cyclophosphamide and fludarabine (Cy/Flu)", "Flu/Cy", "fludarabine, cytarabine, G-CSF", with spaces
#: only: "fludarabine cyclophosphamide (Flu-Cy) conditioning" (glycostem.com, EudraCT 2010-018988-41), with salts and a
#: comma before the last: "cyclophosphamide, fludarabine phosphate, and total-body irradiation" (meddatax.com NCT00652899).
#: With a hyphen: "Comparing 2-day vs 3-day flu-CY lymphodepleting regimens for CD19 CAR T-cell therapy" (Front. Immunol.
#: 2024, doi 10.3389/fimmu.2024.1403145), "fludarabine cyclophosphamide (Flu-Cy) conditioning" (glycostem.com).
#: A drug's salt after its name: "fludarabine phosphate", "gemcitabine hydrochloride".
_SALT = r"(?:\s+(?:phosphate|hydrochloride|monophosphate))?"
_DRUG_LIST = rf"{_DRUG}{_SALT}(?:\s*(?:,\s*and|,|/|\+|and|plus|&|-)\s*{_DRUG}{_SALT}|\s+{_DRUG}{_SALT})*(?:\s*\([^()]{{2,20}}\))?"

#: A list of drugs, each possibly with its dose in brackets after it: "fludarabine (30 mg/m2/day) and cyclophosphamide (300
#: mg/m2/day)" (lupus.bmj.com NCT05938725); a bracket without a number after a drug ends the list as in _DRUG_LIST.
#: (the NEJM's long form too: "lymphodepletion with fludarabine (30 mg per square meter of body surface area per day) and
#: cyclophosphamide (500 mg per square meter per day)", a CD19 CAR-T study's methods as potassium-channel.com quotes them)
_DOSE_BRACKET = r"(?:\s*\((?=[^()]{0,30}\d)[^()]{1,60}\))?"
_DOSED_DRUG_LIST = (rf"{_DRUG}{_SALT}{_DOSE_BRACKET}(?:\s*(?:,\s*and|,|/|\+|and|plus|&)\s*{_DRUG}{_SALT}{_DOSE_BRACKET})*"
                    rf"(?:\s*\([^()]{{2,20}}\))?")
#: A drug's dose in brackets after it, glued or spaced, is the drug's, not the regimen's name: "NMA lymphodepletion treatment
#: with hydroxychloroquine(600mg,single-dose) and cyclophosphamide" (meddatax.com NCT04960072) names "hydroxychloroquine and
#: cyclophosphamide", as "fludarabine (30 mg/m2/day) and cyclophosphamide (300 mg/m2/day)" (lupus.bmj.com NCT05938725) names
#: "fludarabine and cyclophosphamide". Not a bracket without an amount ("(Cy/Flu)", "(FLAG - fludarabine, ...)").
_DOSE_IN_NAME = re.compile(r"(?<=[a-z])\s*\((?=[^()]{0,30}?\d[\d.,]*\s*(?:mg|g|mcg|µg|μg)\b)[^()]{1,60}\)",
                           re.IGNORECASE)

#: A drug's dose written after it without brackets, a note in brackets after the unit: "30 mg/m^2( body surface area)",
#: "250 mg/m2/day", "60mg/kg".
_UNBRACKETED_DOSE = (r"\s+\d[\d.,]*\s*(?:mg|g|mcg|µg|μg)(?:\s*/\s*(?:m\^?2|m²|㎡|kg))?(?:\s*/\s*day)?"
                     r"(?:\s*\((?![^()]{0,30}\d)[^()]{1,30}\))?")
#: "high-dose cytarabine": the dose level a chemotherapy names its drug with.
_DOSE_LEVEL = r"(?:(?:high|low|intermediate)[- ]dose\s+)?"
#: "lymphodepletion" as pages spell it: "Lymophodepletion (-5~-3 days)" (ctv.veeva.com NCT05563545), a letter or two
#: dropped, doubled or swapped between "lym" and "depletion" ("lymphdepletion", "lympodepletion").
_LYMPHODEPLETION_SPELT = r"lym[a-z]{0,5}?deplet(?:ion|ing)"
_GVHD = r"(?:acute\s+)?(?:GVHD|graft[- ]versus[- ]host[- ]disease(?:\s*\(\s*GVHD\s*\))?)"

#: What follows a chemotherapy named without its purpose, saying it is given before the cells: "..., followed by an
#: infusion of modified T cells" (findatrial.com NCT06847269), "prior to the infusion of the T cells" (paidtrials.com
#: CHARKALL): it makes room for them (LYMPHODEPLETION), or conditions their graft ("High-dose chemotherapy with
#: melphalan and autologous hematopoietic stem cell transplantation", ctv.veeva.com and crick.ai NCT01040026).
#: (the days of the drugs between: "cytoreductive chemotherapy with cyclophosphamide and fludarabine on days -5, -4 and -3
#: followed by infusion of STAR-T cells", "cyclophosphamide and fludarabine on days -5 to -3 prior to cell infusion",
#: ClinicalTrials.gov NCT05739409)
_THEN_CELLS = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?(?:on\s+days?\s+[-−+]?\d{1,3}(?:\s*(?:,\s*and|,|and|to|through|-|–)\s*"
                         r"[-−+]?\d{1,3}){0,6}\s*)?,?\s*(?:followed\s+(?:by|with)|before|prior\s+to|then)\s+"
                         r"(?:an?\s+|the\s+)?(?:single\s+)?(?:(?:infusions?|transfer|administration)\s+of\s+(?:the\s+)?)?"
                         r"(?:[\w+-]+\s+){0,4}?(?:cells?|lymphocytes|TILs?)\b", re.IGNORECASE)
_THEN_GRAFT = re.compile(r"^\s*,?\s*(?:and|followed\s+(?:by|with)|before|prior\s+to)\s+(?:an?\s+|the\s+)?(?:[\w+-]+\s+){0,4}?"
                         r"(?:transplant\w*|HSCT|SCT|HCT|graft)\b", re.IGNORECASE)

#: Drugs given with antihistamines before an infusion, against its reactions (fever, allergy).
_PREMEDICATION_DRUG = (r"(?:acetaminophen|paracetamol|antipyretics?|diphenhydramine|chlorphenamine|chlorpheniramine"
                       r"|promethazine|(?:cortico)?steroids?|hydrocortisone|dexamethasone|methylprednisolone)\b")
_PREMEDICATION_JOIN = r"\s*(?:,\s*and|,|/|\+|and|plus|&)\s*"
_ANTIHISTAMINES = (rf"(?:{_PREMEDICATION_DRUG}{_PREMEDICATION_JOIN})*antihistamines?"
                   rf"(?:{_PREMEDICATION_JOIN}{_PREMEDICATION_DRUG})*")

#: A combination regimen's acronym: capitalised parts of letters joined by "/" or "-" ("GEM/DOX", "R-GemOx"), each after the
#: first of two letters or more, that is not a list of the drugs above ("Flu/Cy").
_REGIMEN_ACRONYM = rf"(?!(?i:{_DRUG_LIST})(?![\w/-]))\b[A-Z][A-Za-z]{{0,6}}(?:[/-][A-Z][A-Za-z]{{1,6}})+\b(?![/-]?\d)"

#: A drug a bracket says is added to a regimen where needed: "patients will undergo lymphodepletion chemotherapy with
#: cyclophosphamide (fludarabine will be added if necessary)" (ctv.veeva.com NCT07266181): the drug is given to some, a row
#: of its own for the regimen's purpose (the bracket is no dose of the drug before it).
_ADDED = rf"\s*{_DRUG}\s+(?:will|may|can|could|is\s+to|are\s+to)\s+be\s+added\b"
_ADDED_IF_NEEDED = re.compile(rf"(?P<kind>lymphodeplet\w*|(?:pre-?)?conditioning|preparative)\s+(?:chemotherapy\s+|regimen\s+"
                              rf"|therapy\s+|treatment\s+)?(?:with|of|using|consisting\s+of|comprising)\s+{_DRUG_LIST}\s*"
                              rf"\((?={_ADDED})\s*(?P<name>{_DRUG})[^()]{{0,80}}\)",
                              re.IGNORECASE)

_PATTERNS: list[tuple[str | None, re.Pattern[str]]] = [
    # "anthracycline-based chemotherapy": one drug class names the chemotherapy; "platinum-containing chemotherapy"
    # (trial.medpath.com NCT04836728, given with CIK cells and a PD-1 inhibitor); an antibody a chemotherapy contains:
    # "ex vivo expanded auto-NK cells ... combined with rituximab-containing chemotherapy" (haematologica.org UMIN000014072;
    # the antibody alone, "NK cells combined with rituximab", is no regimen)
    ("CHEMOTHERAPY", re.compile(rf"(?P<name>(?:{_DRUG}|platinum|taxane|rituximab)[- ](?:based|containing)\s+"
                                rf"(?:doublet\s+)?chemotherapy)\b",
                                re.IGNORECASE)),
    # "standard cytarabine based consolidation" (EU register 2013-003421-28, E.2.1)
    ("CHEMOTHERAPY", re.compile(rf"(?P<name>{_DRUG_LIST}(?:\s+|-)based\s+consolidation)\b", re.IGNORECASE)),
    # "cyclophosphamide and fludarabine (Cy/Flu) based lymphodepleting chemotherapy",
    # "busulfan and cyclophosphamide-based myeloablative conditioning regimen"
    (None, re.compile(rf"(?P<name>{_DRUG_LIST})(?:\s+|-)based\s+(?P<kind>lymphodeplet\w*|conditioning|preparative"
                      rf"|myeloablative|non-myeloablative|reduced[- ]intensity)?\s*(?:\w+\s+)?(?:chemotherapy|regimen)",
                      re.IGNORECASE)),
    # "post-transplant cyclophosphamide (PTCy) for GVHD prophylaxis", "tacrolimus and MMF as GVHD prophylaxis"
    ("GVHD_PROPHYLAXIS", re.compile(rf"(?P<name>(?:post-?transplant(?:ation)?\s+)?{_DRUG_LIST})\s+(?:for|as)\s+{_GVHD}\s+"
                                    rf"(?:prophylaxis|prevention)", re.IGNORECASE)),
    # "a preconditioning regimen of chemotherapy medications (cyclophosphamide and fludarabine)" (hra.nhs.uk
    # 2018-001608-12): a regimen named by its purpose, its drugs in brackets after it, is the drugs
    (None, re.compile(rf"(?P<kind>(?:pre-?)?conditioning|lymphodeplet\w*|preparative)\s+(?:regimen|chemotherapy)\s+of\s+"
                      rf"(?:chemotherapy\s+)?(?:medications?|drugs?|agents?)?\s*\((?P<name>{_DRUG_LIST})\)", re.IGNORECASE)),
    # "chemotherapy (cyclophosphamide, fludarabine)", "chemotherapy (Fludarabine and Cytarabine, with Venetoclax)"
    # "After preconditioning with chemotherapy ( Fludarabine, ...)" (NCT04264039): what the chemotherapy is for, before it
    (None, re.compile(rf"(?P<kind>lymphodeplet\w*\s+|(?:pre-?)?conditioning\s+(?:with\s+)?)?\bchemotherapy\s*\((?P<name>{_DRUG_LIST}"
                      rf"(?:,?\s*(?:in combination with|combined with|with|plus|and)\s*{_DRUG_LIST})*)\)", re.IGNORECASE)),
    # "chemotherapy (HD-ARA-C+IDA)", "chemotherapy (FLAG - fludarabine, cytarabine, G-CSF)"
    # (not "Extracorporeal Photochemotherapy (ECP)", NCT00248365)
    (None, re.compile(r"(?P<kind>lymphodeplet\w*\s+|(?:pre-?)?conditioning\s+(?:with\s+)?)?\bchemotherapy\s*"
                      r"\((?P<name>[A-Z0-9][\w+/-]{1,20})"
                      r"(?:\s*[-–:,]\s*(?P<drugs>[^()]{3,80}))?\)")),
    # "preparative chemotherapy comprising cyclophosphamide IV over 1 hour on days -7 and -6 and fludarabine IV over 15-30
    # minutes on days -5 to -1" (NCT00079144),
    # "preparative regimen comprising fludarabine 25 mg/m(2) on Days -4, -3 and -2 and cyclophosphamide 900 mg/m(2) on day
    # -2" (NCT01593696): the drugs each with its dose, up to what follows the regimen
    # "preparative regiment consisting of cyclophosphamide (60 mg/kg/day times 2 days intravenous (IV)) and fludarabine
    # (25 mg/m2/day IV times 5 days)" (NCT00924001; "regiment" as written)
    # (a bracket that adds another drug to it is no dose: _ADDED_IF_NEEDED)
    (None, re.compile(rf"(?P<kind>lymphodeplet\w*|conditioning|preparative)\s+(?:chemotherapy|regimen|regiment)\s+(?:comprising"
                      rf"|consisting\s+of|composed\s+of|including|of|with)\s+(?P<drugs>{_DRUG}\s*(?:\d|\((?!{_ADDED})"
                      rf"|(?:IV|PO|SC)\b"
                      rf"|intravenous\w*|orally|subcutaneous\w*|over\b|on\s+days?\b)"
                      rf"(?:(?!\b(?:followed|then|prior|before|after)\b)[^.;]){{0,160}})", re.IGNORECASE)),
    # (and what they undergo: "CONDITIONING REGIMEN: Patients undergo total body irradiation on days -9 to -6", cancer.gov
    # NCI-2020-08290, NCT04556266: the irradiation is the regimen, not the heading)
    # the NCI's outlines: "OUTLINE: MYELOABLATIVE CONDITIONING REGIMEN: Patients receive fludarabine intravenously (IV)
    # over 1 hour on days -8 to -6 and cyclophosphamide IV on days -7 and -6", "LYMPHODEPLETION: Patients receive ...":
    # the heading says what for, the sentence which drugs (read only where no list of interventions names them)
    # "POST-TRANSPLANTATION IMMUNOSUPPRESSION: Patients receive cyclophosphamide IV over 1 hour on day 3 and mycophenolate
    # mofetil ..." (NCT00789776): the transplant's GVHD prophylaxis
    (None, re.compile(rf"(?P<kind>lymphodeplet\w*|(?:non-?\s?myeloablative\s+|nonmyeloablative\s+|myeloablative\s+"
                      rf"|reduced[- ]intensity\s+)?(?:conditioning|preparative)(?:\s+(?:regimen|chemotherapy))?"
                      rf"|post-?transplant(?:ation)?\s+immunosuppression|GVHD\s+prophylaxis)\s*:\s*"
                      rf"(?:patients|participants)\s+(?:will\s+)?(?:then\s+)?(?:receive|undergo)\s+(?P<drugs>[^.;]{{0,60}}?{_DRUG}[^.;]{{0,240}})",
                      re.IGNORECASE)),
    # the NCI's summaries: "Drugs used in chemotherapy, such as cyclophosphamide and fludarabine phosphate, work in
    # different ways to stop the growth of cancer cells, ... and may work to suppress the immune system and allow antiCD9
    # chimeric antigen receptor T-cells to work better" (cancer.gov NCI-2018-00983, NCT03434769): the drugs the trial
    # gives, named together, and what for (to stop the cancer's growth alone: CHEMOTHERAPY)
    # (the drugs as the sentence lists them, "capecitabine, irinotecan, and oxaliplatin", NCT00296062)
    (None, re.compile(rf"\bdrugs\s+used\s+in\s+chemotherapy,?\s+(?:such\s+as|including)\s+(?P<name>[^.;]{{0,120}}?{_DRUG}"
                      rf"[^.;]{{0,120}}?),?\s+(?:may\s+)?works?\b\s*(?P<why>[^.;]{{0,300}})", re.IGNORECASE)),
    # (and drugs "to promote" the cells' growth in the patient: "Use of Cyclophosphamide/Fludarabine to Promote in Vivo
    # Expansion of Donor Lymphocyte Infusions (DLI) to Enhance Efficacy After Allogeneic Transplant", ClinicalTrials.gov
    # NCT00167180)
    # MD Anderson's plain English: "Fludarabine and melphalan are given to treat the cancer and lower the immune system in
    # order to lower the risk of the body rejecting the NK cells", "Cyclophosphamide is given to lower the immune system in
    # order to lower the risk of graft-versus-host disease" (NCT01904136): the drugs, and what for
    # "You will receive fludarabine and cyclophosphamide to help prepare your body for CAR-NK infusion" (NCT03056339)
    (None, re.compile(rf"(?:\breceive\s+)?(?P<name>{_DRUG_LIST})\s+(?:(?:is|are)\s+given\s+(?:to|in order to|as)"
                      rf"\s|to\s+(?:help\s+)?(?=prepare|lower|prevent|reduce|suppress|deplete|promote))\s*(?P<why>[^.;]{{0,200}})",
                      re.IGNORECASE)),
    # "lymphodepletion with fludarabine/cyclophosphamide", "conditioning with busulfan and fludarabine",
    # "lymphodepleting therapy with Fludarabine and Cyclophosphamide" (NCT06152809), "Infusion of haploidentical
    # NK cells after immunosuppression with cyclophosphamide and fludarabine" (NCT02229266, its NK-cell arm)
    # "3 days of lymphodepletion (LD) with fludarabine (30 mg/m2/day) and cyclophosphamide (300 mg/m2/day)" (lupus.bmj.com
    # NCT05938725): its abbreviation after the purpose, each drug's dose in brackets after it, one regimen
    # (and "by": "intraperitoneal (IP) infusion of RNK001 combined with IL2 without or with lymphodepletion by
    # Fludarabine/Cyclophosphamide (Flu/Cy)", ijgc.bmj.com NCT03539406)
    # (and "containing": "underwent HLA-haploidentical HCT after reduced-intensity conditioning containing busulfan,
    # fludarabine, and antithymocyte globulin", Biol Blood Marrow Transplant 2014;20:696, PMID 24525278)
    (None, re.compile(rf"(?P<kind>lymphodeplet\w*|conditioning|immunosuppress\w*|preparative)\s+(?:\([A-Z]{{1,6}}\)\s+)?"
                      rf"(?:chemotherapy\s+|regimen\s+|therapy\s+|treatment\s+)?(?:with|using|of|consisting of|comprising|by"
                      rf"|containing|composed\s+(?:of|by))\s+"
                      rf"(?P<name>{_DOSED_DRUG_LIST})", re.IGNORECASE)),
    # "lymphodepleting cyclophosphamide and fludarabine"; the drugs in brackets after it: "Protocol of immunotherapy includes
    # conditioning (fludarabine + cyclophosphamide or any other protocol of chemotherapy) followed by expanded NK cells
    # intravenous infusion" (ctv.veeva.com NCT04327037)
    (None, re.compile(rf"(?P<kind>lymphodeplet\w*|conditioning)\s+(?:\(\s*)?(?P<name>{_DRUG_LIST})", re.IGNORECASE)),
    # "Conditioning chemotherapy (fludarabine 30 mg/m2 and cyclophosphamide 500 mg/m2 on Days -5 to -3)"
    (None, re.compile(rf"(?P<kind>lymphodeplet\w*|conditioning)\s+(?:chemotherapy|regimen)\s*\((?P<drugs>[^()]*?{_DRUG}[^()]*)\)",
                      re.IGNORECASE)),
    # (and "composed by": "intravenous non-myeloablative (NMA) lymphodepleting chemotherapy composed by fludarabine and
    # cyclophosphamide", clincosm.com NCT03475134)
    # drugs, each with what it is in brackets, then what they are for after a colon: "Fludarabine (antimetabolite, purine
    # analog) and Cyclophosphamide (alkylating agent): lymphodepleting chemotherapy to enhance CAR-T engraftment"
    # (cytotargetdb.ca NCT06373991)
    (None, re.compile(rf"(?P<name>{_DRUG}(?:\s*\([^()]{{1,60}}\))?(?:\s*(?:,\s*and|,|and|\+|/)\s*{_DRUG}(?:\s*\([^()]{{1,60}}\))?)+)"
                      rf"\s*:\s*(?P<kind>lymphodeplet\w*)", re.IGNORECASE)),
    # "Flu/Cy lymphodepletion", "following a cyclophosphamide/fludarabine preparative regimen" (NCT01593696)
    (None, re.compile(rf"(?P<name>{_DRUG_LIST})\s+(?P<kind>lymphodeplet\w*|conditioning|preparative)", re.IGNORECASE)),
    ("GVHD_PROPHYLAXIS", re.compile(
        r"(?P<name>(?:prophylaxis|prevention)\s+(?:of|against)\s+(?:acute\s+)?graft[- ]versus[- ]host[- ]disease"
        r"(?:\s*\(\s*GVHD\s*\))?|(?:acute\s+)?(?:GVHD|graft[- ]versus[- ]host[- ]disease(?:\s*\(\s*GVHD\s*\))?)\s+"
        r"(?:prophylaxis|prevention))", re.IGNORECASE)),
    # "a three-day regimen of chemotherapy consisting of fludarabine and cyclophosphamide aimed to deplete the lymphocytes",
    # "1 cycle of consolidation chemotherapy with high-dose cytarabine" (NCT02229266, its control arm),
    # "a single course of chemotherapy using age-based doses of fludarabine and cyclophosphamide, followed by an infusion
    # of modified T cells" (findatrial.com NCT06847269): what it is for, from what follows it (_THEN_CELLS)
    # ("associating", as a French text says it: "NK cell infusion (...) after chemotherapy associating fludarabine,
    # cytosine arabinoside and cyclophosphamide", smartpatients.com NCT01947322)
    (None, re.compile(rf"chemotherapy\s+(?:consisting\s+of|comprising|composed\s+of|of|with|using|associating)\s+"
                      rf"(?:(?:[\w-]+\s+)?doses?\s+of\s+)?(?P<name>{_DOSE_LEVEL}{_DRUG_LIST})", re.IGNORECASE)),
    # "the patient may receive treatment with cyclophosphamide and fludarabine (Cy and Flu) prior to the infusion of the
    # T cells" (paidtrials.com, CHARKALL): a treatment with drugs is a regimen where the cells follow it
    (None, re.compile(rf"\btreatment\s+with\s+(?P<name>{_DRUG_LIST})(?={_THEN_CELLS.pattern[1:]})", re.IGNORECASE)),
    # drugs a sentence or title opens with, the cells after them: "Carboplatin and Docetaxel Followed by Epstein-Barr Virus
    # Cytotoxic T Lymphocytes (CADEN)" (ClinicalTrials.gov NCT00953420); what for, as the sentences say (none here)
    (None, re.compile(rf"^(?P<name>{_DRUG_LIST})(?={_THEN_CELLS.pattern[1:]})", re.IGNORECASE)),
    # "pre-conditioning chemotherapy", "lymphodepleting chemotherapy", "nonmyeloablative lymphodepletion (NMA LD)
    # preconditioning regimen", "lymphocyte depleting preparative regimen": named by its purpose, its drugs unnamed
    # (and of the lymphoid tissue: "following a nonmyeloablative lymphoid depleting preparative regimen", clinicaltrials.gov
    # /show/NCT02774291)
    # (the kind of a transplant's conditioning with it: "co-infused following a myeloablative conditioning regimen"
    # (ctv.veeva.com NCT00891592)
    # (with the qualifiers the text gives it up to the head noun: "after a standard chemotherapy based conditioning
    # regimen, will be administered to the patient" (trial.medpath.com NCT03559764), not its "conditioning regimen" alone)
    (None, re.compile(r"(?P<name>(?:(?:standard|conventional|usual|routine)\s+)?"
                      r"(?:(?:chemotherapy|chemo|radiation|irradiation|radiotherapy|TBI)[- ]based\s+)?"
                      r"(?:non-?\s?myeloablative\s+|NMA\s+|myeloablative\s+|reduced[- ]intensity\s+)?"
                      r"(?P<kind>(?:pre-?)?conditioning|lymphodeplet\w*|"
                      r"lymph(?:ocyte|oid)[- ]depleting)\s+(?:\([A-Z ]{2,10}\)\s+)?(?:(?:pre-?conditioning|preparative)\s+)?"
                      # "will receive lymphodepletion conditioning, followed by a single intravenous infusion of CD19
                      # CAR-γδ T cells" (clinicaltrialcompass.org NCT07535138): a lymphodepletion named with the word
                      # of a conditioning (no transplant: its purpose is the lymphodepletion's)
                      r"(?:chemotherapy|regimen|(?<=lymphodepletion )conditioning(?:\s+(?:chemotherapy|regimen))?"
                      # "Investigators infuse NK cells after myeloablative conditioning therapy" (inclinicaltrials.com
                      # NCT05250362): a conditioning's therapy, named by its intensity (not "lymphodepleting therapy with
                      # Fludarabine ...", read above with its drugs)
                      r"|(?<=conditioning )therapy))\b(?!\s*\()",
                      re.IGNORECASE)),
    # "You'll receive preparation chemotherapy for a few days, then the engineered cells are infused into your
    # bloodstream" (stellatrials.com NCT07172958), "This preparative chemotherapy, also known as lymphodepletion, reduces
    # the number of existing immune cells, creating space for the infused CAR-T cells" (bookmarksclub.com): a chemotherapy
    # named by what it prepares for, its drugs unnamed
    (None, re.compile(r"(?P<name>(?P<kind>prepar(?:ation|atory|ative))\s+chemotherapy)\b(?!\s*\()", re.IGNORECASE)),
    # "After preparative NMA-LD, patients are infused with their autologous TIL (lifileucel)" (NCT05398640): the
    # nonmyeloablative lymphodepletion by its abbreviation ("nonmyeloablative lymphodepletion (NMA LD)" above)
    # the abbreviation where the page spells it out: "the known safety profiles of non-myeloablative lymphodepletion
    # (NMA-LD) and interleukin-2 (IL-2)" (join.targetedonc.com NCT04614103): the regimen by its words (its abbreviation
    # named elsewhere on the page is the same regimen)
    ("LYMPHODEPLETION", re.compile(r"(?P<name>\b(?:non-?\s?myeloablative|nonmyeloablative)\s+lymphodeplet\w*)\s*"
                                   r"\(\s*(?P<abbreviation>NMA[- ]?LD)\s*\)", re.IGNORECASE)),
    ("LYMPHODEPLETION", re.compile(r"(?P<name>(?i:preparative\s+)?\bNMA[- ]LD)\b")),
    # a course of a drug: "Before receiving NAM cells, patients must first have a round of cyclophosphamide a[...]"
    # (lymphomanewstoday.com NCT03019666): a chemotherapy, its purpose what the sentence says of it (none here)
    (None, re.compile(rf"\b(?:an?|one|two|three|\d)\s+(?:rounds?|courses?)\s+of\s+(?P<name>{_DOSE_LEVEL}{_DRUG_LIST})",
                      re.IGNORECASE)),
    # a chemotherapy named by what it does to the patient: "Sixteen participants received chemotherapy to lower their
    # immune system, then infusions of their own lab-grown NK cells" (curemydisease.com NCT01875601); MD Anderson's
    # "... are given to treat the cancer and lower the immune system" (NCT01904136) names the drugs (above)
    (None, re.compile(r"(?P<name>\bchemotherapy)\s+(?P<why>to\s+(?:help\s+)?(?:lower|weaken|suppress)\w*\s+(?:the|their|your)"
                      r"\s+immune\s+system[^.;]{0,120})", re.IGNORECASE)),
    # a drug the cells are given with, and what for: "a donor lymphocyte infusion (DLI) given with methotrexate to hasten
    # immune recovery without causing severe graft-versus-host disease (GVHD)" (meddatax.com NCT01027702)
    (None, re.compile(rf"\b(?:cells?|lymphocytes|infusions?|DLI)\s+(?:\([A-Z]{{2,6}}\)\s+)?given\s+(?:together\s+)?with\s+"
                      rf"(?P<name>{_DRUG_LIST})\s+(?P<why>to\s+[^.;]{{0,200}})", re.IGNORECASE)),
    # "NK cell infusion combined with consolidation chemotherapy" (NCT04209712), "1 cycle of consolidation
    # chemotherapy": a course of chemotherapy the trial gives, named by its phase of treatment. Without such a
    # cue ("patients in remission after induction chemotherapy") it is the patient's past treatment.
    # "whether giving additional consolidation chemotherapy and DLI might decrease likelihood of second relapse"
    # (ctv.veeva.com NCT03297528): the trial's giving (not "after ... therapy with induction chemotherapy and DLI")
    ("CHEMOTHERAPY", re.compile(r"(?:\b(?:combined|combination|together|along)\s+with|\bplus|\bcycles?\s+of|\bgiving)\s+"
                                r"(?:(?:the|a|an|one|two|standard|\d)\s+)?(?P<name>(?:standard\s+|intensive\s+|additional\s+)?"
                                r"(?:consolidation|induction|re-?induction|salvage|maintenance)\s+chemotherapy"
                                # a chemotherapy given with radiotherapy, the cells with both: "Natural Killer (NK) cell
                                # therapy administered in combination with concurrent chemoradiotherapy (CRT)" (ctv.veeva.com
                                # NCT07247201), as jci.org's "cisplatin CCRT plus TIL infusion" (NCT04443296) gives its
                                # cisplatin (not "prior platinum-based chemoradiotherapy", the patients' past)
                                r"|(?:concurrent\s+)?chemo-?radiotherapy(?:\s*\(C?CRT\))?)(?!\w)",
                                re.IGNORECASE)),
    # a numbered cycle of the chemotherapy the cells are given with, as a trial's schedule counts it: "Combined
    # administration of SNK01 starts from the Cycle 2 (Week 4) of Cytotoxic Chemotherapy" (clincosm.com NCT04872634).
    # Not the patients' past ("received at least 2 cycles of cytotoxic chemotherapy": no cycle numbered)
    ("CHEMOTHERAPY", re.compile(r"\bcycle\s+\d{1,2}\s*(?:\([^()]{1,20}\)\s*)?of\s+(?:the\s+)?"
                                r"(?P<name>(?:cytotoxic\s+|systemic\s+|combination\s+)?chemotherapy)\b(?!\s*\()",
                                re.IGNORECASE)),
    # "Gamma Delta T-cell Infusion Following Hematopoietic Stem Cell Transplantation and Post-transplant
    # Cyclophosphamide" (NCT03533816): cyclophosphamide given after a transplant is its GVHD prophylaxis
    ("GVHD_PROPHYLAXIS", re.compile(r"(?P<name>post-?transplant(?:ation)?\s+cyclophosphamide(?:\s*\(PTCy\))?|\bPTCy\b)",
                                    re.IGNORECASE)),
    # the cells given after the drugs: "allogeneic tumour-activated natural killer lymphocytes after low dose TBI and
    # fludarabine" (ISRCTN11950134): what is given before the cells, without a transplant, depletes the lymphocytes
    (None, re.compile(rf"\b(?:cells?|lymphocytes|infusions?)\s+(?:given\s+)?(?P<before_cells>after|following)\s+"
                      rf"(?P<name>{_DOSE_LEVEL}{_DRUG_LIST})(?!\s*-?\s*based)", re.IGNORECASE)),
    # the NIH's plain English: "They will get the chemotherapy drugs fludarabine and cyclophosphamide by IV for 3 days. Then
    # they will receive the modified white blood cells by IV." (trialfinderdata.org NCT05003895): the drugs given, what for
    # from what follows them (_THEN_CELLS_NEXT)
    (None, re.compile(rf"\b(?:get|gets|receive|receives|be\s+given)\s+(?:the\s+)?chemotherapy\s+(?:drugs?|medicines?|agents?)\s+"
                      rf"(?P<name>{_DRUG_LIST})", re.IGNORECASE)),
    # ... and the drugs counted, not named: "Participants will get 2 chemotherapy drugs over 5 days. Two days later,
    # participants will get an intravenous (IV) catheter in an arm. They will get the split doses CART cells on day0"
    # (ClinicalTrials.gov NCT03196414): a regimen given, what for as what follows says (here nothing: CHEMOTHERAPY). Only
    # what the patients "will" get: "had received two chemotherapy drugs" is their past.
    (None, re.compile(r"\bwill\s+(?:get|receive|be\s+given)\s+(?P<name>(?:\d|two|three|four)\s+chemotherapy\s+"
                      r"(?:drugs|medicines|agents))\b", re.IGNORECASE)),
    # the drugs the patients are said to receive, named together, each with its dose: "Patients will receive Fludarabine
    # (25 mg/m2 per day) and Cyclophosphamide (300mg/" (meddatax.com NCT06464679, an arm's description cut in the second
    # dose): one regimen, what for as what follows it says (none here: CHEMOTHERAPY); a drug alone is read below with its
    # dose (_DOSED_DRUG)
    (None, re.compile(rf"\b(?:patients|participants|subjects)\s+(?:will\s+)?(?:then\s+)?(?:receive|be\s+given)\s+"
                      rf"(?P<name>{_DRUG}{_SALT}{_DOSE_BRACKET}(?:\s*(?:,\s*and|,|/|\+|and|plus|&)\s*{_DRUG}{_SALT}"
                      rf"{_DOSE_BRACKET})+)", re.IGNORECASE)),
    # a regimen named by its purpose alone, the cells after it: "Following manufacture of the drug product, subjects will
    # receive preconditioning prior to CT041 infusion." (ClinicalTrials.gov NCT04404595)
    (None, re.compile(r"\b(?:receive|receives|undergo|undergoes|get|gets|be\s+given)\s+(?P<name>(?P<kind>(?:pre-?)?conditioning"
                      r"|lymphodepletion))\s+(?:prior\s+to|before)\s+(?:the\s+)?(?:[\w.+-]+\s+){0,3}?"
                      r"(?:infusions?|transfer|administration|cells?)\b", re.IGNORECASE)),
    # a lymphodepletion named alone, the cells given after it: "42 heavily pretreated patients received 2 to 4 cycles of
    # lymphodepletion followed by AFM13-NK cell infusion" (acir.org NCT04074746), "a patient ... received 7.9×107 cells/kg
    # after lymphodepletion" (e-cmh.org NCT05339321)
    ("LYMPHODEPLETION", re.compile(r"\b(?:cycles?|courses?|rounds?)\s+of\s+(?P<name>lymphodepletion)(?=\s+(?:followed\s+by|before"
                                   r"|prior\s+to|then)\b)", re.IGNORECASE)),
    ("LYMPHODEPLETION", re.compile(r"\b(?:cells?(?:/kg)?|infusions?|transfusions?)\s+(?:[\w/-]+\s+){0,2}?(?:after|following)\s+"
                                   r"(?P<name>lymphodepletion)\b", re.IGNORECASE)),
    # a period of the protocol named lymphodepletion, its days in brackets: "The protocol will be performed into screening
    # period (-30~-10 days), prophase of lymophodepletion (-10~-5 days), Lymophodepletion (-5~-3 days), pre-infusion
    # evaluation (-2~-1 days), infusion (day 0), ..." (ctv.veeva.com NCT05563545, its spelling; not the "prophase of" it,
    # a period before it)
    ("LYMPHODEPLETION", re.compile(rf"(?<!\bof )(?<![-\w])(?P<name>{_LYMPHODEPLETION_SPELT})\s*"
                                   r"\((?=[^()]{0,40}\d)(?=[^()]{0,40}\b(?:days?|D)\b)[^()]{1,40}\)", re.IGNORECASE)),
    # (and the other drugs given with the antihistamines against the infusion's reactions, one row: "After prophylactic
    # administration of antihistamines and acetaminophen, patients will be infused with CD19 CAR-T cells" (ctv.veeva.com
    # NCT07266181))
    ("PREMEDICATION", re.compile(rf"(?P<name>anti-?allergic\s+(?:therapy|treatment|medication|drugs?)"
                                 rf"|premedication(?:\s+with\s+(?:{_ANTIHISTAMINES}|[a-z][\w -]{{2,40}}?(?=[,.;]|$)))?"
                                 rf"|{_ANTIHISTAMINES})",
                                 re.IGNORECASE)),
    # a regimen named by its acronym, as trial texts name combinations: "the sarcoma chemotherapy regimen GEM/DOX (gemcitabine
    # and docetaxel)" (trialfinderdata.org NCT05634369), its drugs in brackets after it; "The intervention was R-GemOx
    # regimen combined with autologous NK cells" (trial.medpath.com NCT05909098). An acronym of capitalised parts joined by
    # "/" or "-" (not a list of the drugs above, read as such; not "CD19/CD22", antigens).
    (None, re.compile(rf"\b(?i:regimen)\s+(?P<name>{_REGIMEN_ACRONYM}\s*\((?P<drugs>(?i:{_DRUG_LIST}))\))")),
    (None, re.compile(rf"(?P<name>{_REGIMEN_ACRONYM})\s+(?i:regimen)\b")),
    # a drug named after an interleukin by a slash, as a chemoimmunotherapy is named: "Phase I/II Chemoimmunotherapy with
    # IL-2/CY, plus Tumor Infiltrating Lymphocytes ...", "Evaluate the toxicity and therapeutic efficacy of
    # interleukin-2/cyclophosphamide in patients with advanced cancer" (cancer.gov's PDQ record of NCI-86-C-183E, archived
    # 2008): the drug is the chemotherapy given with the cytokine (not "IL-2/IL-15", two cytokines; not "Flu/Cy")
    ("CHEMOTHERAPY", re.compile(rf"\b(?:IL|interleukin)-?\d{{1,2}}\s*/\s*(?P<name>{_DRUG})(?![\w/-])", re.IGNORECASE)),
    # the drugs the patients are said to be treated with, named together, each with its dose written after it without
    # brackets: "the patients who planned to reinfuse CAR T cells were treated with fluorodarabine 30 mg/m^2( body surface
    # area) and cyclophosphamide 250 mg/m^2( body surface area) for 3 days" (ClinicalTrials.gov NCT04835519): one regimen,
    # what for as the sentence says before it (_CHEMOTHERAPY_BEFORE_CELLS); not one drug alone ("treated with cytarabine
    # 100 mg/m2", read with its dose below)
    (None, re.compile(rf"\b(?:pre-?)?treated\s+with\s+(?P<name>{_DRUG}{_SALT}{_UNBRACKETED_DOSE}(?:\s*(?:,\s*and|,|and|plus|&)\s*"
                      rf"{_DRUG}{_SALT}{_UNBRACKETED_DOSE})+)", re.IGNORECASE)),
]
_OUTLINE = next(pattern for _, pattern in _PATTERNS if "receive" in pattern.pattern)
#: The regimens named by their acronym (_REGIMEN_ACRONYM).
_NAMED_REGIMENS = frozenset(pattern for _, pattern in _PATTERNS if _REGIMEN_ACRONYM in pattern.pattern)
assert len(_NAMED_REGIMENS) == 2
#: The drugs said "treated with", each dosed (the last of _PATTERNS).
_TREATED_WITH_DOSED = _PATTERNS[-1][1]
#: A sentence that opens by saying the chemotherapy comes before the cells, then tells which: "Subjects will be pretreated
#: with chemotherapy prior to infusion of CAR T cells: about 5 days before cells transfusion, the patients ... were treated
#: with fluorodarabine 30 mg/m^2( body surface area) and cyclophosphamide 250 mg/m^2( body surface area) for 3 days"
#: (ClinicalTrials.gov NCT04835519).
_CHEMOTHERAPY_BEFORE_CELLS = re.compile(r"\bchemotherapy\s+(?:before|prior\s+to)\s+(?:the\s+)?(?:re-?)?(?:infusion|transfusion"
                                        r"|administration)\s+of\s+(?:the\s+)?(?:[\w+-]+\s+){0,4}?(?:cells?|lymphocytes|TILs?)\b",
                                        re.IGNORECASE)
#: The drugs the patients receive, with their doses: where the registry lists the drugs as interventions, those are the
#: rows (as of an outline's sentence).
_RECEIVED = next(pattern for _, pattern in _PATTERNS if pattern.pattern.startswith(r"\b(?:patients|participants|subjects)"))
#: A chemotherapy or treatment described by its drugs ("chemotherapy using age-based doses of fludarabine and
#: cyclophosphamide", "treatment with cyclophosphamide and fludarabine"): what follows it says what for (_THEN_CELLS).
#: Not a combination known by its acronym ("chemotherapy (FLAG - fludarabine, cytarabine, G-CSF) followed by three doses
#: of NK cells infusion", the seeds' NCT05272293), which treats the disease whatever comes after it.
_COURSES = frozenset(pattern for _, pattern in _PATTERNS
                     if pattern.pattern.startswith((r"chemotherapy\s+(?:consisting", r"\btreatment\s+with",
                                                    r"\b(?:get|gets|receive|receives|be\s+given)\s+(?:the\s+)?chemotherapy",
                                                    r"\bwill\s+(?:get|receive|be\s+given)\s+(?P<name>(?:\d|two",
                                                    r"\b(?:patients|participants|subjects)\s+(?:will\s+)?(?:then\s+)?"
                                                    r"(?:receive|be\s+given)\s+(?P<name>")))
assert len(_COURSES) == 5
#: Words one of which each pattern above needs (lowercase), so that a passage without any is
#: not scanned: the same regimens are found, several times faster.
_NEEDS = [("chemotherapy",), ("based",), ("based",), ("prophylaxis", "prevention"),
          ("lymphodeplet", "conditioning", "preparative"), ("chemotherapy",), ("chemotherapy",),
          ("lymphodeplet", "conditioning", "preparative"),
          ("receive", "undergo"), ("drugs used in",), ("given", " to "),
          ("lymphodeplet", "conditioning", "immunosuppress", "preparative"),
          ("lymphodeplet", "conditioning"),
          ("lymphodeplet", "conditioning"),
          ("lymphodeplet",),
          ("lymphodeplet", "conditioning", "preparative"), ("prophylaxis", "prevention"), ("chemotherapy",), ("treatment",),
          ("followed", "before", "prior", "then"),
          ("lymphodeplet", "conditioning", "lymphocyte depleting", "lymphocyte-depleting", "lymphoid depleting",
           "lymphoid-depleting"), ("prepar",),
          ("myeloablative",), ("nma",), ("round", "course"),
          ("immune system",), ("given",), ("chemotherapy", "chemoradiotherapy", "chemo-radiotherapy"), ("cycle",),
          ("cyclophosphamide", "ptcy"), ("after", "following"),
          ("chemotherapy",), ("chemotherapy",), ("receive", "given"), ("conditioning", "lymphodepletion"),
          ("lymphodepletion",),
          ("lymphodepletion",),
          ("deplet",), ("allergic", "premedication", "antihistamine"), ("regimen",), ("regimen",), ("il-", "il2", "interleukin"),
          ("treated with",)]
assert len(_NEEDS) == len(_PATTERNS)
#: Every word of _NEEDS once, each looked for once in a passage; and each pattern's words as a set, to meet the found ones.
_NEED_WORDS = tuple(dict.fromkeys(word for needs in _NEEDS for word in needs))
_NEED_SETS = [frozenset(needs) for needs in _NEEDS]
_PURPOSES = {"lymphodeplet": "LYMPHODEPLETION", "conditioning": "LYMPHODEPLETION", "pre-conditioning": "LYMPHODEPLETION",
             "lymphocyte depleting": "LYMPHODEPLETION", "lymphocyte-depleting": "LYMPHODEPLETION",
             "lymphoid depleting": "LYMPHODEPLETION", "lymphoid-depleting": "LYMPHODEPLETION",
             "preconditioning": "LYMPHODEPLETION", "preparative": "LYMPHODEPLETION", "preparation": "LYMPHODEPLETION",
             "preparatory": "LYMPHODEPLETION",
             "myeloablative": "CONDITIONING", "non-myeloablative": "LYMPHODEPLETION", "reduced": "CONDITIONING",
             "nonmyeloablative": "LYMPHODEPLETION", "non- myeloablative": "LYMPHODEPLETION",
             "immunosuppress": "LYMPHODEPLETION"}
#: Drugs that are a regimen beside cells the trial gives, never of a transplant alone: the myeloma drugs given with NK cells
#: are its chemotherapy, while "Iberdomide Maintenance Versus Lenalidomide Maintenance Therapy Following Autologous Stem Cell
#: Transplant" (NCT05827016) gives a maintenance after the graft, no regimen around it.
_BESIDE_CELLS_ONLY = frozenset({"lenalidomide", "bortezomib"})
#: The drugs a lymphodepletion before cells is made of.
_LYMPHODEPLETING_DRUGS = frozenset({"fludarabine", "cyclophosphamide", "bendamustine"})
#: Drugs of a GVHD prophylaxis: "immunosuppression with tacrolimus and MMF" is one, not a lymphodepletion.
_GVHD_DRUGS = frozenset({"tacrolimus", "cyclosporine", "ciclosporin", "mycophenolate", "mycophenolate mofetil", "sirolimus",
                         "methotrexate", "atg", "antithymocyte globulin"})
#: A conditioning of a transplant (CONDITIONING) rather than a lymphodepletion before cells: the
#: sentence says myeloablative or reduced-intensity, or speaks of the transplant it prepares for.
#: "non-myeloablative immunosuppressive conditioning" before NK cells stays a lymphodepletion.
_TRANSPLANT_CONDITIONING = re.compile(r"(?<!non-)(?<!non )(?<!non- )\bmyeloablative\b|\breduced[- ]intensity\b|\bRIC\b|\bMAC\b"
                                      r"|\b(?:stem cell|marrow|cord blood|haematopoietic|hematopoietic|HSCT?|allogeneic)\s+"
                                      r"(?:\w+\s+)?transplant\w*|\bHSCT\b"
                                      # "a non-myeloablative preparative regimen of busulfan and fludarabine followed by
                                      # AlloSCT" (NCT00670410)
                                      r"|\b(?:allo|auto)-?(?:SCT|HSCT|HCT|BMT)\b|\bHCT\b|\bBMT\b", re.IGNORECASE)


#: A transplant the patients cannot have: "Ten elderly AML patients ineligible to receive allogeneic stem-cell transplantation
#: (Allo-SCT) were treated with oNKord® following chemotherapy and fludarabine cyclophosphamide (Flu-Cy) conditioning"
#: (glycostem.com, EudraCT 2010-018988-41): no transplant the regimen conditions.
_NO_TRANSPLANT = re.compile(r"\b(?:ineligible|not\s+eligible|unfit|not\s+fit|not\s+candidates?|unsuitable)\s+(?:for|to\s+receive"
                            r"|to\s+undergo)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:transplant\w*|SCT|HSCT|HCT|BMT)\b"
                            r"(?:\s*\([^()]{0,20}\))?", re.IGNORECASE)


def _names_a_transplant(text: str) -> bool:
    """Whether a text says the regimen conditions a transplant (_TRANSPLANT_CONDITIONING), leaving out any the patients
    cannot have.
    """
    return bool(_TRANSPLANT_CONDITIONING.search(_NO_TRANSPLANT.sub(" ", text) if "ligible" in text or "fit" in text
                                                or "candidate" in text or "suitable" in text else text))


#: The chemotherapy of solid tumours given with their cell products (DRUGS): cells given "after" it follow a treatment of
#: the tumour, which depletes no lymphocytes the text speaks of: "Haploidentical NK Cells After Pemetrexed in Patients With
#: Stage IV Non-Small Cell Lung Cancer" (trial.medpath.com NCT03366064, "Eligible patients receive pemetrexed 500 mg/m2
#: intravenously (Day 1). On Day 8, patients receive donor-derived NK cells").
_TUMOUR_CHEMOTHERAPY = frozenset({"gemcitabine", "cisplatin", "carboplatin", "oxaliplatin", "paclitaxel", "docetaxel",
                                  "irinotecan", "capecitabine", "5-fluorouracil", "pemetrexed", "tegafur", "temozolomide"})


def _purpose(fixed: str | None, match: re.Match[str], sentence: str) -> str:
    if fixed:
        return fixed
    if match.groupdict().get("before_cells"):
        drugs = [drug.lower() for drug in _components(match)]
        if drugs and all(drug in _TUMOUR_CHEMOTHERAPY for drug in drugs):
            return "CHEMOTHERAPY"
        return "CONDITIONING" if _names_a_transplant(sentence) else "LYMPHODEPLETION"
    kind = (match.groupdict().get("kind") or "").strip().lower()
    if kind.startswith(("post-transplant", "posttransplant", "gvhd")):
        return "GVHD_PROPHYLAXIS"
    purpose = next((purpose for prefix, purpose in _PURPOSES.items() if kind.startswith(prefix)), None)
    if kind.startswith("immunosuppress") and all(drug.lower() in _GVHD_DRUGS for drug in _components(match)):
        return "GVHD_PROPHYLAXIS"
    why = match.groupdict().get("why")
    if why:
        if _GVHD_WORDS.search(why):
            return "GVHD_PROPHYLAXIS"
        if _PROMOTES_EXPANSION.match(why):
            return "LYMPHODEPLETION"  # room for the cells given to grow in the patient (the transplant before them aside)
        if _LOWERS_IMMUNITY.search(why):
            return "CONDITIONING" if _names_a_transplant(why) else "LYMPHODEPLETION"
        return "CHEMOTHERAPY"
    if purpose is None and re.search(r"\bcytoreductive\s+$", sentence[max(0, match.start() - 20): match.start()],
                                     re.IGNORECASE):
        # "cytoreductive chemotherapy with cyclophosphamide and fludarabine on days -5, -4 and -3 followed by infusion of
        # CD19-STAR-T cells": the text's own purpose, the tumour's reduction (held-out 12's gold, NCT03953599)
        return "CHEMOTHERAPY"
    if purpose is None:
        # no kind named with the drugs: what follows may say it (the cells, a graft), or the sentence ("aimed to deplete
        # the lymphocytes")
        after = sentence[match.end():] if match.re in _COURSES else ""
        if _THEN_GRAFT.match(after) or (_THEN_CELLS.match(after) and _names_a_transplant(sentence)):
            return "CONDITIONING"
        return "LYMPHODEPLETION" if _THEN_CELLS.match(after) or _DEPLETES_LYMPHOCYTES.search(sentence) else "CHEMOTHERAPY"
    if purpose == "LYMPHODEPLETION" and not kind.startswith("lymphodeplet") and _names_a_transplant(sentence):
        return "CONDITIONING"
    return purpose


#: Drugs given to make the infused cells grow in the patient: "to Promote in Vivo Expansion of Donor Lymphocyte Infusions
#: (DLI)" (ClinicalTrials.gov NCT00167180).
_PROMOTES_EXPANSION = re.compile(r"promote\s+(?:the\s+)?(?:in\s+vivo\s+)?(?:expansion|proliferation|engraftment|persistence)\s+"
                                 r"of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:cells?|lymphocytes?|infusions?|DLI|TILs?)\b",
                                 re.IGNORECASE)
#: What a drug given "to lower the immune system" or "to prevent rejection of the cells" is for.
_LOWERS_IMMUNITY = re.compile(r"\b(?:lower|weaken)\w*\s+(?:the|their|your|his\s+or\s+her)\s+immune\s+system\b"
                              r"|\bsuppress\w*\s+the\s+immune\b|\breject\w*\b"
                              r"|\bprepare\s+(?:your|the|their)\s+body\b"
                              r"|\bdeplet\w*\b|\bmake\s+room\b", re.IGNORECASE)
#: The sentence after a course of drugs, giving the cells: "Then they will receive the modified white blood cells by IV."
#: (trialfinderdata.org NCT05003895)
_THEN_CELLS_NEXT = re.compile(r"\s*(?:Then|Next|After\s+(?:that|this)),?\s+(?:they|participants|patients|subjects)\s+(?:will\s+)?"
                              r"(?:receive|get|be\s+given)\s+(?:the\s+|their\s+)?(?:[\w+-]+\s+){0,4}?(?:cells?|lymphocytes|TILs?)\b",
                              re.IGNORECASE)
_DEPLETES_LYMPHOCYTES = re.compile(r"lymphodeplet\w*|\bdeplet\w*\s+(?:the\s+)?lymphocytes\b", re.IGNORECASE)


#: "highly emetogenic chemotherapy (HEC)", "platinum-based doublet chemotherapy (PDCT)": the
#: bracket abbreviates the words before it; it names no drugs.
def _abbreviates_words_before(text: str, match: re.Match[str]) -> bool:
    name = match.groupdict().get("name") or ""
    if match.groupdict().get("drugs") or not re.fullmatch(r"[A-Z]{2,6}", name) or re.fullmatch(_DRUG, name, re.IGNORECASE):
        return False
    words = re.findall(r"[A-Za-z]+", text[max(0, match.start() - 80): match.end()].rsplit("(", 1)[0])[-6:]
    initials = "".join(word[0].upper() for word in words)
    return name[0] in initials and name[-1] in "CT"


#: Drugs that, given as an intervention of a trial of cells or of a transplant, are its
#: chemotherapy, lymphodepletion or conditioning ("Drug: Fludarabine", "Flu/Cy").
_INTERVENTION_DRUG = re.compile(rf"^\s*(?:{_DRUG_LIST})(?:\s+(?:phosphate|hydrochloride|monophosphate|IV|injection))?"
                                rf"(?:\s*(?:,|/|\+|and|plus)\s*(?:{_DRUG_LIST})(?:\s+phosphate)?)*\s*$", re.IGNORECASE)
#: Supportive drugs of the list (a growth factor, a uroprotector): given alone they are no regimen.
_SUPPORTIVE = re.compile(r"^\s*(?:G-CSF|mesna)\s*$", re.IGNORECASE)
_LYMPHODEPLETION_WORDS = re.compile(r"lymphodeplet\w*|lympho-?depleting|preparative", re.IGNORECASE)
#: "After preconditioning with chemotherapy ( Fludarabine, Cytoxan and/or Melphalan), the dosage of anti-CD19 UCAR-T cells
#: ..." (NCT04264039): a preconditioning is a conditioning (of a transplant where the text speaks of one, else a
#: lymphodepletion before the cells)
_CONDITIONING_WORDS = re.compile(r"\b(?:pre-?)?conditioning\b", re.IGNORECASE)
_GVHD_WORDS = re.compile(r"\bGVHD\b|graft[- ]versus[- ]host", re.IGNORECASE)


#: The cells given after the conditioning of a transplant: "Natural killer cells from a haploidentical family member will
#: be given after high dose chemotherapy and positively selected autologous stem cells" (ctv.veeva.com NCT02130869),
#: "giving cells called natural killer (NK) cells after receiving 1 of 3 pre-treatment plans and a UCB transplant"
#: (aamds.org NCT02727803). The chemotherapy before a graft of stem cells is its conditioning.
_BEFORE_THE_GRAFT = re.compile(r"\b(?:high[- ]dose\s+chemotherapy|pre-?treatment\s+(?:plans?|regimens?)|preparative\s+regimens?"
                               r"|(?:myeloablative\s+|reduced[- ]intensity\s+)?conditioning(?:\s+(?:regimens?|chemotherapy))?)"
                               r"\s+(?:and|followed\s+by|before|prior\s+to)\s+(?:an?\s+|the\s+)?(?:[\w+-]+\s+){0,4}?"
                               r"(?:transplant\w*|stem[- ]cells?|HSCT|SCT|HCT|graft)\b", re.IGNORECASE)


#: A transplant named by the intensity of its conditioning: "Intentional Rejection of the Donor Graft Using Recipient
#: Leukocyte Infusion(s) Following Nonmyeloablative Allogeneic Stem Cell Transplant (RLI)" (ClinicalTrials.gov NCT00909948,
#: whose listed "Other: Fludarabine and total body irradiation" is that conditioning).
_CONDITIONED_TRANSPLANT = re.compile(r"\b(?:non-?\s?myeloablative|myeloablative|reduced[- ]intensity)\s+(?:[\w-]+\s+){0,3}?"
                                     r"(?:transplant\w*|HSCT|SCT|HCT|BMT)\b", re.IGNORECASE)


def _intervention_purpose(name: str, texts: list[str], title: str = "") -> str | None:
    """The purpose of a drug given as an intervention, from the sentences that name it; a drug no sentence gives a
    purpose, of a trial whose only chemotherapy is the conditioning of its graft, is that conditioning. An
    immunosuppressant no sentence gives a purpose has none (None): it is no chemotherapy by what it is.
    """
    first = re.split(r"[\s/,+]", name.strip())[0]
    about = [t for t in texts if re.search(rf"\b{re.escape(first)}", t, re.IGNORECASE)]
    if any(_GVHD_WORDS.search(t) and re.search(r"prophyla|prevent", t, re.IGNORECASE) for t in about):
        return "GVHD_PROPHYLAXIS"
    if any(_CONDITIONING_WORDS.search(t) and (_names_a_transplant(t) or _names_a_transplant(title))
           for t in about):
        return "CONDITIONING"  # a conditioning in a trial titled by its transplant is the transplant's
    if any(_LYMPHODEPLETION_WORDS.search(t) or _CONDITIONING_WORDS.search(t) for t in about):
        return "LYMPHODEPLETION"
    drugs = [_written_out(d) for d in re.findall(_DRUG, name, re.IGNORECASE)]
    immunosuppressant = bool(drugs) and all(drug in _IMMUNOSUPPRESSANTS for drug in drugs)
    if (not immunosuppressant and any(_BEFORE_THE_GRAFT.search(t) for t in texts)
            and not any(_OTHER_CHEMOTHERAPY.search(t) for t in texts)):
        return "CONDITIONING"  # the trial's only chemotherapy, the graft's conditioning: not an immunosuppressant's
    if not immunosuppressant and _CONDITIONED_TRANSPLANT.search(title) and not any(_OTHER_CHEMOTHERAPY.search(t) for t in texts):
        return "CONDITIONING"  # the drugs of a transplant the title names by its conditioning's intensity
    listed_before = _LISTED_BEFORE_TRANSPLANT.match(title)
    if listed_before and re.search(rf"\b{re.escape(first)}", listed_before.group("drugs"), re.IGNORECASE):
        return "CONDITIONING"
    if drugs and all(drug in _LYMPHODEPLETING_DRUGS for drug in drugs) and _LYMPHODEPLETION_WORDS.search(title):
        # the drugs a lymphodepletion is made of, in a trial titled by it: "Lymphodepletion Plus Adoptive Cell Transfer
        # With or Without Dendritic Cell Immunization ..." beside "Treatment Agent:Cyclophosphamide; ...; Fludarabine"
        # (MD Anderson's protocol page of NCT00338377)
        return "LYMPHODEPLETION"
    if immunosuppressant:
        # an outline's heading over the drug says what for: "POST-TRANSPLANTATION IMMUNOSUPPRESSION: Patients receive
        # cyclophosphamide IV over 1 hour on day 3 and mycophenolate mofetil orally (PO) ..." (NCT00789776)
        for text in about:
            for outline in _OUTLINE.finditer(text):
                if re.search(rf"\b{re.escape(first)}", outline.group("drugs"), re.IGNORECASE):
                    return _purpose(None, outline, text)
        return None  # "Drug: Tacrolimus", "Drug: Mycophenolate Mofetil" given after the graft, no purpose said (NCT00789776)
    return "CHEMOTHERAPY"


#: Drugs that are no chemotherapy by what they are: the immunosuppressants of a GVHD prophylaxis (not its methotrexate,
#: a chemotherapy drug too). Listed without a purpose they get none, not CHEMOTHERAPY.
_IMMUNOSUPPRESSANTS = _GVHD_DRUGS - {"methotrexate"}


#: The NCI's titles list a transplant's conditioning before it: "Fludarabine Phosphate, Cyclophosphamide, Total-Body
#: Irradiation, and Donor Bone Marrow Transplant Followed by Donor Natural Killer Cell Therapy, Mycophenolate Mofetil, and
#: Tacrolimus in Treating Patients With Hematologic Cancer" (NCT00789776); crick.ai NCT00014235 "studies fludarabine
#: phosphate and total-body radiation followed by donor peripheral blood stem cell transplant and immunosuppression": the
#: drugs before the transplant, none after it.
_LISTED_BEFORE_TRANSPLANT = re.compile(r"^(?P<drugs>(?:(?!\b(?:after|following|followed\s+by|then|with)\b)[^.;:])+?)"
                                       r",?\s+(?:and|followed\s+by|before)\s+(?:(?:donor|allogeneic|autologous|unrelated"
                                       r"|related|umbilical|cord|blood|peripheral|haploidentical|reduced[- ]intensity)\s+)*"
                                       r"(?:bone\s+marrow|(?:hematopoietic\s+|haematopoietic\s+)?stem\s+cell|cord\s+blood)\s+"
                                       r"transplant(?:ation)?\b", re.IGNORECASE)


#: Chemotherapy the text gives besides a conditioning: a course named by its phase, or a lymphodepletion.
_OTHER_CHEMOTHERAPY = re.compile(r"\b(?:consolidation|induction|re-?induction|salvage|maintenance)\s+"
                                 r"(?:chemotherapy|therapy|cycles?)\b|\blymphodeplet\w*|\blympho-?depleting\b", re.IGNORECASE)


#: A chemotherapy the registry lists as a drug intervention of the trial, named by its phase or by no drug: "Drug: Induction
#: Chemotherapy" beside "Procedure: Donor Lymphocyte Infusion" (NCT00167180), "Drug: chemotherapy alone", the comparator of
#: "Drug: Autologous CIK Transfusion plus Chemotherapy" (NCT01533727). A treatment the trial gives (its drugs unnamed),
#: unlike a text's passing "chemotherapy". (The registry's "Drug: Chemotherapy" of "Alflutinib Versus Alflutinib Plus
#: Chemotherapy for NSCLC", NCT05209256 in tests/data/ctgov-negative, gives no cells: no regimen, as for any such study.)
_LISTED_CHEMOTHERAPY = re.compile(r"^\s*(?:(?:standard|conventional|adjuvant|neoadjuvant|systemic|combination|intensive|"
                                  r"consolidation|induction|re-?induction|salvage|maintenance)\s+)*chemotherapy"
                                  r"(?:\s+(?:alone|only))?\s*$", re.IGNORECASE)


#: Abbreviations of the drugs, written out for the components.
_ABBREVIATIONS = {"flu": "fludarabine", "fludara": "fludarabine", "fluorodarabine": "fludarabine", "cy": "cyclophosphamide",
                  "ara-c": "cytarabine", "cytosine arabinoside": "cytarabine",
                  "arac": "cytarabine",
                  "ida": "idarubicin", "mmf": "mycophenolate mofetil", "ptcy": "cyclophosphamide",
                  "atg": "antithymocyte globulin", "anti-thymocyte globulin": "antithymocyte globulin",
                  "anti–thymocyte globulin": "antithymocyte globulin", "thymoglobulin": "antithymocyte globulin",
                  "anti-t-lymphocyte globulin": "antithymocyte globulin", "anti–t-lymphocyte globulin": "antithymocyte globulin",
                  "tbi": "total body irradiation",
                  # brand names (docs/vocabulary-sources.md)
                  "cytoxan": "cyclophosphamide", "neosar": "cyclophosphamide", "clafen": "cyclophosphamide",
                  "alkeran": "melphalan"}
_NEGATED_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:will|is|are|was|were|should)\s+not\b|^[^.;]{0,30}?\bnot\s+(?:be\s+)?"
                            r"(?:given|administered|required|used|conducted)\b", re.IGNORECASE)


def _written_out(drug: str) -> str:
    """A drug's name in lower case, an abbreviation written out ("Flu" -> "fludarabine")."""
    return _ABBREVIATIONS.get(drug.lower(), drug.lower())


def _components(match: re.Match[str]) -> list[str]:
    """The drugs a regimen names, written out (an abbreviation in brackets repeats them, so it is skipped)."""
    drugs = match.groupdict().get("drugs") or re.sub(r"\([^)]*\)", "", match.group("name"))
    components: list[str] = []
    for found in re.finditer(_DRUG, drugs, re.IGNORECASE):
        drug = fold(found.group(0))
        drug = _ABBREVIATIONS.get(drug.lower(), drug)
        if drug.lower() not in (c.lower() for c in components):
            components.append(drug)
    return components


#: A regimen's heading over its drugs numbered: "Preparative Regimen: 1) fludarabine 40 mg/m^2 x 4 doses on Days -22
#: through -19 pretransplant (pre-tx), 2) cyclophosphamide 50 mg/kg x 2 doses on Days -20 and -19 pre-tx, 3) total body
#: irradiation 200 cGy twice a day (BID) ... on Day -18 pre-tx" (meddatax.com NCT01370213)
_NUMBERED_ITEM = re.compile(rf"(?:^|[\s,;])\(?\d\\?\)\s*(?P<drug>{_DRUG}(?:\s+(?:phosphate|hydrochloride))?)", re.IGNORECASE)
_NUMBERED_REGIMEN = re.compile(rf"(?P<kind>preparative|conditioning|lymphodeplet\w*)\s+(?:regimen|chemotherapy)\s*:\s*"
                               rf"\(?1\\?\)\s*{_DRUG}(?:[^.;]{{0,200}}?[\s,;]\(?\d\\?\)\s*{_DRUG})*[^.;]{{0,200}}?(?=[.;]|$"
                               rf"|\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s*:)", re.IGNORECASE)
#: Days before the transplant: "on Days -22 through -19 pretransplant (pre-tx)".
_BEFORE_TRANSPLANT = re.compile(r"\bpre-?transplant\w*\b|\bpre-?tx\b|\bbefore\s+(?:the\s+)?transplant\w*", re.IGNORECASE)


#: Cells given for a GVHD prophylaxis, just before its name: "Mesenchymal Stem Cells Infusion for aGVHD Prophylaxis",
#: "Infusion of Mesenchymal Stem Cell (MSC) at day of recovery after bone marrow transplant (BMT) ... for acute
#: Graft-versus-host Disease (GVHD) prophylaxis and treatment" (NCT01941394), "Multipotent Mesenchymal Stromal Cells for
#: the Prophylaxis of Acute Graft-versus-Host Disease" (Stem Cells International 2012, 968213): the purpose of the cells,
#: no regimen of drugs ("Standard GVHD prophylaxis + MMSC" of the same study is one).
#: A drug named with its dose per body size: "Cyclophosphamide 500 mg - 2000 mg/m2 (day 2) with or without Fludarabine 30
#: mg/m2 /day" (trial.medpath.com NCT02644655), "fludarabine 25 mg/m(2)", "cyclophosphamide (60 mg/kg/day ...)".
#: (and after a comma, or a flat daily dose by mouth: "Cyclophosphamide: cyclophosphamide, 500 mg/m2", "Temozolomide,
#: 150 mg oral/day", as an arm's description doses each drug after its name: "Lenalidomide: Lenalidomide, 10 mg oral/day
#: during 21 days (cycle)", meddatax.com NCT02481934)
#: (and the drug said given, its dose after: "During EBRT, cisplatin was given weekly at 30–40 mg/m2 for a maximum of 6
#: doses", jci.org NCT04443296)
_DOSED_DRUG = re.compile(rf"(?P<name>{_DRUG})(?:\s+(?:was|were|is|are|will\s+be)\s+(?:given|administered)\s+(?:[\w-]+\s+){{0,3}}?"
                         rf"(?:at|in)\s+(?:a\s+dose\s+of\s+)?(?=\d))?"
                         rf"\s*(?:\(\s*|,\s*)?\d[\d.,]*\s*(?:mg|g)?\s*(?:(?:[-–~]|to)\s*\d[\d.,]*\s*)?"
                         # (the square metre as one sign: "fludarabine 25mg/㎡/day", ClinicalTrials.gov NCT05519384)
                         r"(?:(?:mg|g|mcg|µg|μg)\s*/\s*(?:(?:m2|m²|m\^2|m\(2\)|kg)\b|㎡)"
                         r"|mg\s+(?:oral(?:ly)?|p\.?o\.?)\s*/\s*day\b)", re.IGNORECASE)
#: A treatment the patients had before the trial, said right before its name: "SNK01 (Natural Killer Cells) Plus Pembrolizumab
#: in Patients with Stage IV Non-Small Cell Lung Cancer Who Failed First-Line Platinum-Based Chemotherapy" (trial.medpath.com
#: KCT0003463), "progressed after platinum-based chemotherapy", "refractory to fludarabine".
_HAD_BEFORE = re.compile(r"\b(?:failed|failure\s+(?:of|on)|progress\w*\s+(?:on|after|during|following)|refractory\s+to"
                         r"|resistant\s+to|relaps\w*\s+after|previously\s+treated\s+with|pre-?treated\s+with)\s+"
                         r"(?:(?:an?|the|their|prior|previous|standard)\s+)?(?:(?:first|second|third|1st|2nd|3rd)[- ]line\s+)?$",
                         re.IGNORECASE)
#: A drug said given on days before the transplant: "Anti-thymocyte globulin: rabbit anti-thymocyte globulin will be
#: administered on day -6 (0.5 mg/kg) and day -5 (3 mg/kg/day) pre-tx." (meddatax.com NCT01370213, beside its numbered
#: "Preparative Regimen"): a drug of the transplant's conditioning, or, an immunosuppressant (_GVHD_DRUGS, ATG too), given
#: before the graft for a purpose the text does not say (its GVHD prophylaxis or the conditioning): that purpose empty.
_ON_DAYS_BEFORE_THE_TRANSPLANT = re.compile(rf"(?P<name>{_DRUG})\s+(?:will\s+be|is|are)\s+(?:given|administered|infused)\s+"
                                            rf"(?:\w+\s+)?on\s+days?\s*[-−]\s?\d{{1,2}}\b(?:[^.;]|\.(?=\d)){{0,80}}?"
                                            rf"(?:\bpre-?tx\b|\bpre-?transplant\w*|\bbefore\s+(?:the\s+)?transplant\w*)",
                                            re.IGNORECASE)
#: A heading that says what the drugs after it are given before: "Pretreatment regimen before cell infusion: intravenous
#: infusion of cyclophosphamide 60mg/kg day -7, intravenous infusion of fludarabine 25mg/㎡/day day -6 to -2 days"
#: (ClinicalTrials.gov NCT05519384).
_BEFORE_THE_CELLS_HEADING = re.compile(r"\b(?:pre-?treatment|preparative|pre-?conditioning)\s+(?:regimen|chemotherapy)\s+"
                                       r"(?:before|prior\s+to)\s+(?:the\s+)?(?:cells?\s+)?(?:re-?)?(?:infusion|transfusion)\s*:"
                                       r"[^.;:]*$", re.IGNORECASE)
#: What a drug is given before: "before reinfusion of ScTIL", "prior to the infusion of the T cells".
_BEFORE_AN_INFUSION = re.compile(r"\b(?:before|prior\s+to)\s+(?:the\s+)?(?:re-?)?(?:infusion|transfusion|administration|transfer)"
                                 r"\s+of\b", re.IGNORECASE)
#: "... with or without Fludarabine 30 mg/m2 /day" gives the drug to some: no denial.
_WITH_OR_WITHOUT = re.compile(r"\bwith\s+or\s+without\b|\bwithout\s+or\s+with\b", re.IGNORECASE)
_CELLS_FOR = re.compile(r"\b(?:cells?|MSCs?|lymphocytes?|infusions?)\b[^.;]{0,120}?\b(?:for|as)\s+(?:the\s+|an?\s+)?"
                        r"(?:acute\s+|chronic\s+|a|c)?$", re.IGNORECASE)  # "aGVHD", "cGVHD"


#: A drug said given as a regimen's purpose: "Fixed dose subcutaneous daratumumab is given on Day -12 and Day 5 prior to the
#: NK cells as lymphodepletion" (ClinicalTrials.gov NCT04714372); not what it is given for besides ("and on Day +3, Day +10,
#: and Day +17 to maximize targeting").
_GIVEN_AS_PURPOSE = re.compile(r"(?<![\w-])(?P<drug>[A-Za-z][\w-]{2,30})\s+(?:is|are|will\s+be)\s+(?:given|administered)\b"
                               r"[^.;]{0,80}?\bas\s+(?:a\s+|the\s+)?(?P<kind>lymphodeplet\w*|conditioning)\b", re.IGNORECASE)
#: A drug of the regimens (DRUGS): read by the patterns above, not as a listed drug given as a purpose.
_A_REGIMEN_DRUG = re.compile(_DRUG, re.IGNORECASE)
#: The first word of a registry's drug entry: "Daratumumab" of "Daratumumab/rHuPH20".
_LISTED_FIRST_WORD = re.compile(r"[A-Za-z][\w-]{2,30}(?=$|[/ +(])")
#: A transplant a trial names (its title's: a conditioning before it is the graft's).
_TRANSPLANT = re.compile(r"\btransplant\w*|\bHSCT\b|\bSCT\b|\bgraft\b(?![- ]versus[- ]host)", re.IGNORECASE)
#: Cells the trial gives after a transplant: "the side effects and best dose of donor-derived CAR T cells following
#: allogeneic stem cell transplantation", "Giving 19-28z CAR T cells after stem cell transplantation from a donor"
#: (cancer.gov NCI-2020-08290, NCT04556266). (Not "cells for patients who relapsed after a transplant": the cells are
#: named right before the word "after".)
_CELLS_AFTER_TRANSPLANT = re.compile(r"\b(?:cells?|lymphocytes|infusions?)\s+(?:(?:given|administered|infused)\s+)?"
                                     r"(?:after|following)\s+(?:an?\s+|the\s+)?(?:[\w()-]+\s+){0,4}?"
                                     r"(?:transplant\w*|HSCT|SCT|HCT|BMT)\b", re.IGNORECASE)


def regimens(record: TrialRecord, passages: list[Passage], *, gives_cells: bool = True) -> list[Regimen]:
    """The regimens a record's therapy sentences (``passages``) and interventions name, once each.

    Regimens are what is given *around* a cell therapy (a transplant's conditioning and prophylaxis too, where the
    trial gives cells beside it): a study that gives no cells (``gives_cells`` false) has none, however it names its
    chemotherapy ("highly emetogenic chemotherapy (HEC)") and whatever transplant it conditions ("Allogeneic Stem Cell
    Transplantation for Children and Adolescents With Acute Lymphoblastic Leukaemia" with its "Drug: Treosulfan",
    tests/data/ctgov-negative NCT01949129; the transplant-only trials of held-out 5, 7 and 8 have no regimen either).
    """
    if not gives_cells:
        return []
    found: dict[tuple[str, str], Regimen] = {}
    abbreviations: list[str] = []
    acronyms: set[str] = set()  # regimens named by their acronym: a combination, though its drugs go unnamed
    received: list[tuple[str, str]] = []  # the drugs said received with their doses, no purpose said (_RECEIVED)
    dated_before_graft: list[Passage] = []  # passages that may say a drug is given on days before a transplant
    # drugs a record lists as its interventions are its regimens, each a row: an outline's sentence of them is not read
    # as one more
    lists_drugs = any(_INTERVENTION_DRUG.match(i.name) for i in record.interventions)
    # the trial's cells given after a transplant, as its title or summary says: a conditioning it names is the transplant's
    after_transplant = any(_CELLS_AFTER_TRANSPLANT.search(p.text) for p in passages if p.place in ("title", "summary"))
    for place, passage in enumerate(passages):
        taken: list[tuple[int, int]] = []
        lowered = passage.text.lower()
        if " day" in lowered and ("tx" in lowered or "transplant" in lowered):
            dated_before_graft.append(passage)
        present = {word for word in _NEED_WORDS if word in lowered}
        for (fixed, pattern), needs in zip(_PATTERNS, _NEED_SETS):
            if needs.isdisjoint(present) or (lists_drugs and pattern in (_OUTLINE, _RECEIVED)):
                continue
            for match in pattern.finditer(passage.text):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue  # an earlier, more specific pattern read this text already
                taken.append(match.span())
                sentence_start = passage.text[: match.start()]
                # (an option is no negation: "combined with IL2 without or with lymphodepletion by Fludarabine/Cyclophosphamide
                # (Flu/Cy)", ijgc.bmj.com NCT03539406)
                if negated(_WITH_OR_WITHOUT.sub(" ", sentence_start[-60:])) or re.match(r"\s*No\b", passage.text):
                    continue
                if _NEGATED_AFTER.match(passage.text[match.end():]) or _abbreviates_words_before(passage.text, match):
                    continue
                if _HAD_BEFORE.search(sentence_start[-60:]):
                    continue  # the patients' treatment before the trial: "Who Failed First-Line Platinum-Based Chemotherapy"
                components = _components(match)
                if fixed == "GVHD_PROPHYLAXIS" and not components and _CELLS_FOR.search(sentence_start[-160:]):
                    continue  # the cells' own purpose, not a regimen given beside them
                if components and all(_SUPPORTIVE.match(c) for c in components):
                    continue  # "Mesna is given to lower the risk of side effects to the bladder" (NCT01904136)
                name = fold(_DOSE_IN_NAME.sub("", match.groupdict().get("name") or " and ".join(components))).strip(" ,;")
                purpose = _purpose(fixed, match, passage.text)
                following = passages[place + 1] if place + 1 < len(passages) else None
                if (purpose == "CHEMOTHERAPY" and match.re in _COURSES and following is not None
                        and following.place == passage.place and _THEN_CELLS_NEXT.match(following.text)):
                    # the drugs of one sentence, the cells given in the next: they make room for the cells
                    purpose = "CONDITIONING" if _names_a_transplant(passage.text) else "LYMPHODEPLETION"
                if (purpose == "CHEMOTHERAPY" and match.re is _TREATED_WITH_DOSED
                        and _CHEMOTHERAPY_BEFORE_CELLS.search(passage.text, 0, match.start())):
                    purpose = "CONDITIONING" if _names_a_transplant(passage.text) else "LYMPHODEPLETION"
                if (purpose == "LYMPHODEPLETION" and (match.groupdict().get("kind") or "").lower().startswith("conditioning")
                        and (_names_a_transplant(record.title or "") or after_transplant)):
                    # "CONDITIONING: Patients receive fludarabine ..." of a trial titled "... Donor Bone Marrow
                    # Transplant Followed by Donor Natural Killer Cell Therapy" (NCT00789776): the transplant's; and
                    # "CONDITIONING REGIMEN: Patients undergo total body irradiation" of a trial that gives "donor-derived
                    # CAR T cells following allogeneic stem cell transplantation" (cancer.gov NCI-2020-08290, NCT04556266)
                    purpose = "CONDITIONING"
                if match.groupdict().get("abbreviation"):
                    abbreviations.append(match.group("abbreviation"))
                if match.re in _NAMED_REGIMENS:
                    acronyms.add(name.lower())
                regimen = Regimen(name=name, purpose=purpose, components=components,
                                  days=days_given(passage.text[match.start():]))
                found.setdefault((name.lower(), regimen.purpose), regimen)
                if match.re is _RECEIVED and purpose == "CHEMOTHERAPY":
                    received.append((name.lower(), purpose))
        if "added" in lowered:  # a drug added to the regimen where needed, a row of its own (_ADDED_IF_NEEDED)
            for match in _ADDED_IF_NEEDED.finditer(passage.text):
                if negated(passage.text[max(0, match.start() - 60): match.start()]):
                    continue
                purpose = _purpose(None, match, passage.text)
                found.setdefault((match.group("name").lower(), purpose),
                                 Regimen(fold(match.group("name")), purpose, _components(match),
                                         days=days_given(passage.text[match.start("name"):])))
    # the drugs said received, each with its dose ("Patients will receive fludarabine (30 mg/m2) and cyclophosphamide (500
    # mg/m2)"), where another sentence names them with their purpose ("lymphodepletion with fludarabine and
    # cyclophosphamide"): that regimen, dosed
    for key in received:
        drugs = {c.lower() for c in found[key].components}
        if any(other != key and r.purpose != "CHEMOTHERAPY" and drugs <= {c.lower() for c in r.components}
               for other, r in found.items()):
            del found[key]
    # a regimen's heading over its drugs numbered: a row each (the drugs are listed separately), its purpose the heading's
    for passage in passages:
        if ")" not in passage.text:
            continue
        for listing in _NUMBERED_REGIMEN.finditer(passage.text):
            kind = listing.group("kind").lower()
            purpose = ("CONDITIONING" if _names_a_transplant(passage.text) or _BEFORE_TRANSPLANT.search(listing.group(0))
                       else "LYMPHODEPLETION")
            if kind.startswith("conditioning") and purpose == "LYMPHODEPLETION" and _TRANSPLANT.search(record.title or ""):
                purpose = "CONDITIONING"
            items = list(_NUMBERED_ITEM.finditer(listing.group(0)))
            for index, item in enumerate(items):
                end = items[index + 1].start() if index + 1 < len(items) else len(listing.group(0))
                name = fold(item.group("drug"))
                drug = re.match(_DRUG, name, re.IGNORECASE).group(0).lower()
                drug = _ABBREVIATIONS.get(drug, drug)
                found.setdefault((name.lower(), purpose), Regimen(name, purpose, [drug],
                                                                  days=days_given(listing.group(0)[item.start():end])))
    # a drug the trial's sentences name with its dose, where nothing above named it: "Cyclophosphamide 500 mg - 2000 mg/m2
    # (day 2) with or without Fludarabine 30 mg/m2 /day, 4 days (day-6,-5,-4,-3); nCAR19-T transfusion:day 0(5×10※5/kg,
    # ...)" (trial.medpath.com NCT02644655): a row each, for what the sentences that name it say (the drugs a registry
    # lists as interventions are read below, as they are listed)
    named_drugs = {c.lower() for r in found.values() for c in r.components}
    # (nor where the registry lists a chemotherapy by name, its drugs a choice its description doses: "Drug: chemotherapy" /
    # "platinum combined doublets: Paclitaxel 175mg/m2 D1, or Docetaxel75mg/m2 D1, or Pemetrexed Disodium 500mg/m2,D1;
    # combined cisplatin 25mg/m2,D1-3 or carboplatin AUC=5", ClinicalTrials.gov NCT02621333: the listed chemotherapy is
    # the row, below)
    lists_chemotherapy = any(i.type == "DRUG" and _LISTED_CHEMOTHERAPY.match(i.name) for i in record.interventions)
    plain_texts = [p.text for p in passages]
    # a drug said given on days before the transplant, where nothing above named it (_ON_DAYS_BEFORE_THE_TRANSPLANT)
    for passage in dated_before_graft:
        for match in _ON_DAYS_BEFORE_THE_TRANSPLANT.finditer(passage.text):
            name = fold(match.group("name"))
            drug = _written_out(name)
            if drug in named_drugs or _SUPPORTIVE.match(drug) or negated(passage.text[max(0, match.start() - 60):
                                                                                      match.start()]):
                continue
            named_drugs.add(drug)
            purpose = None if drug in _GVHD_DRUGS else "CONDITIONING"
            found.setdefault((name.lower(), purpose), Regimen(name, purpose, [drug],
                                                             days=days_given(passage.text[match.start():])))
    for passage in passages:
        if "/" not in passage.text:
            continue
        for match in _DOSED_DRUG.finditer(passage.text):
            name = fold(match.group("name"))
            drug = _written_out(name)
            if (drug in named_drugs or _SUPPORTIVE.match(drug) or lists_drugs or lists_chemotherapy
                    or negated(_WITH_OR_WITHOUT.sub(" ", passage.text[max(0, match.start() - 60): match.start()]))):
                continue
            named_drugs.add(drug)
            purpose = _intervention_purpose(name, plain_texts, record.title or "")
            if purpose == "CHEMOTHERAPY" and (_BEFORE_AN_INFUSION.search(passage.text, match.end(), match.end() + 200)
                                              or _BEFORE_THE_CELLS_HEADING.search(passage.text, max(0, match.start() - 200),
                                                                                  match.start())):
                # "Fludarabine 25mg/m2/day and cyclophosphamide 250mg/m2/day will be intravenously administered at 5 and
                # 4 days (Day -5 and Day -4) before reinfusion of ScTIL and B lymphocyte adjuvant at Day 0" (ignite-sd.com
                # NCT05730361): the drugs make room for the cells (or condition a graft the sentence names)
                purpose = "CONDITIONING" if _names_a_transplant(passage.text) else "LYMPHODEPLETION"
            found.setdefault((name.lower(), purpose), Regimen(name, purpose, [drug],
                                                              days=days_given(passage.text[match.start():])))
    # an arm's description speaks of the drugs its label names: "Lymphodepletive regimen, ..." of the arm
    # "Cyclophosphamide + Fludarabine + Infusion of CAR-T Cells" (NCT03434769) says what its two drugs are for
    # one regimen named twice with the same drugs ("a cyclophosphamide/fludarabine preparative regimen", then "preparative
    # regimen comprising fludarabine 25 mg/m(2) ... and cyclophosphamide 900 mg/m(2)", NCT01593696) is one regimen
    # and so is a regimen named again with fewer of its drugs ("preconditioning chemotherapy with cyclophosphamide and
    # fludarabine", then "lymphodepleting chemotherapy with cyclophosphamide and fludara", NCT02482090)
    named = [(key, frozenset(c.lower() for c in r.components), r.purpose) for key, r in found.items() if r.components]
    for key, drugs, purpose in named:
        if any(other_key != key and purpose == other_purpose and (drugs < other or (drugs == other and other_key in
                                                                                     list(found)[:list(found).index(key)]))
               for other_key, other, other_purpose in named if other_key in found):
            del found[key]
    texts = [f"{p.arm}: {p.text}" if p.arm else p.text for p in passages]
    # drugs the registry lists separately as the trial's treatments ("Drug: Cyclophosphamide Drug: Fludarabine") are a
    # row each, with the purpose the sentence naming them together gives: with "patients will receive a two drugs
    # cyclophosphamide and fludarabine to prepare the body to receive the TILs" (NCT01883323) two lymphodepletion rows.
    # A site's untyped tags ("Drugs / interventions CAR-T, chemotherapy, cyclophosphamide, fludarabine", findatrial.com
    # NCT06152809) list no treatments: the sentence's regimen stays one row.
    listed = {i.name.lower(): i for i in record.interventions if i.type == "DRUG" and _INTERVENTION_DRUG.match(i.name)
              and not _SUPPORTIVE.match(i.name) and len(re.findall(_DRUG, i.name, re.IGNORECASE)) == 1}
    listed_drugs = {_written_out(d): name for name in listed
                    for d in re.findall(_DRUG, name, re.IGNORECASE)}
    for key, regimen in list(found.items()):
        drugs = [c.lower() for c in regimen.components]
        if len(drugs) > 1 and all(d in listed_drugs for d in drugs) and not re.search(r"\(", regimen.name):
            del found[key]
            for drug in drugs:
                intervention = listed[listed_drugs[drug]]
                found.setdefault((intervention.name.lower(), regimen.purpose),
                                 Regimen(intervention.name, regimen.purpose, [drug], days=regimen.days))
    # a drug the registry lists that a sentence says is given as the lymphodepletion, though no regimen's drug: "Fixed dose
    # subcutaneous daratumumab is given on Day -12 and Day 5 prior to the NK cells as lymphodepletion" beside "Drug:
    # Daratumumab/rHuPH20" (ClinicalTrials.gov NCT04714372): a row of the listed drug, that purpose
    given_as = [m for p in passages if " as " in p.text and ("given" in p.text or "administered" in p.text)
                for m in _GIVEN_AS_PURPOSE.finditer(p.text)]
    if given_as:
        entries = {_LISTED_FIRST_WORD.match(i.name).group(0).lower(): i.name for i in record.interventions
                   if i.type == "DRUG" and _LISTED_FIRST_WORD.match(i.name)}
        for match in given_as:
            drug = match.group("drug").lower()
            if drug in entries and not _A_REGIMEN_DRUG.fullmatch(drug):
                kind = match.group("kind").lower()
                purpose = ("CONDITIONING" if kind.startswith("conditioning") and _names_a_transplant(match.string)
                           else "LYMPHODEPLETION")
                found.setdefault((entries[drug].lower(), purpose), Regimen(entries[drug], purpose, [drug]))
    in_sentences = [name for name, _ in found]
    for intervention in record.interventions:
        described = f"{intervention.name} {intervention.description or ''}"
        if re.search(r"lymphodeplet|conditioning", described, re.IGNORECASE):
            purpose = "CONDITIONING" if _names_a_transplant(described) else "LYMPHODEPLETION"
        elif _INTERVENTION_DRUG.match(intervention.name) and not _SUPPORTIVE.match(intervention.name):
            purpose = _intervention_purpose(intervention.name, texts + [intervention.description or ""], record.title or "")
        elif intervention.type == "DRUG" and _LISTED_CHEMOTHERAPY.match(intervention.name):
            purpose = "CHEMOTHERAPY"
        else:
            continue
        name = intervention.name.lower()
        if any(name in known or known in name for known in in_sentences) or any(name == key[0] for key in found):
            continue  # named already, with its purpose, in the sentences (or listed twice); "Etoposide" beside
            # "Etoposide phosphate" in a list of interventions (NCT02130869) is another of its treatments
        drugs = [_written_out(drug) for drug in re.findall(_DRUG, intervention.name, re.IGNORECASE)]
        regimen = Regimen(intervention.name, purpose, list(dict.fromkeys(drugs)),
                          days=days_given(intervention.description or ""))
        found.setdefault((intervention.name.lower(), regimen.purpose), regimen)
    # drugs a registry lists with no purpose said, where the record names a lymphodepletion without its drugs: "A short
    # course of outpatient lymphodepleting chemotherapy is given on Day -4 and Day -3 to promote adoptive transfer" beside
    # "Drug: Fludarabine" and "Drug: Cyclophosphamide" (ClinicalTrials.gov NCT04714372) are that lymphodepletion (the
    # drugs lymphodepletions are made of only: not a myeloma drug given beside the cells)
    if any(not r.components and r.purpose == "LYMPHODEPLETION" for r in found.values()):
        for key, regimen in list(found.items()):
            if (regimen.purpose == "CHEMOTHERAPY" and regimen.components
                    and all(c.lower() in _LYMPHODEPLETING_DRUGS for c in regimen.components)):
                del found[key]
                found.setdefault((key[0], "LYMPHODEPLETION"), Regimen(regimen.name, "LYMPHODEPLETION", regimen.components,
                                                                      days=regimen.days))
    # one drug named with its purpose and again without ("chemotherapy with fludarabine 30mg/m2/day and cytarabine" of an
    # arm, "SAR445419 administered after fludarabine and cytarabine conditioning" of the summary, NCT05712278): one row
    purposeful = {key[0] for key, regimen in found.items() if regimen.purpose != "CHEMOTHERAPY"}
    for key in [key for key in found if key[1] == "CHEMOTHERAPY" and key[0] in purposeful]:
        del found[key]
    # "lymphodepleting chemotherapy" said beside the regimen that names its drugs is that regimen
    # and two namings of a regimen without drugs for one purpose ("nonmyeloablative lymphodepletion (NMA LD)
    # preconditioning regimen", then "a lymphocyte depleting preconditioning regimen") are one regimen
    with_drugs = {r.purpose for r in found.values() if r.components}
    # a regimen named by an abbreviation the page spells out ("non-myeloablative lymphodepletion (NMA-LD)") is the
    # regimen of the words, wherever the abbreviation stands alone
    spelt = {re.sub(r"[- ]", "", a).lower() for a in abbreviations}
    for key, regimen in list(found.items()):
        if not regimen.components and re.sub(r"[- ]|^preparative", "", key[0]) in spelt:
            del found[key]
    kept, unnamed = [], set()
    for regimen in found.values():
        if not regimen.components and regimen.name.lower() not in acronyms:
            if regimen.purpose in with_drugs | unnamed:
                continue
            unnamed.add(regimen.purpose)
        if not gives_cells and regimen.components and all(c.lower() in _BESIDE_CELLS_ONLY for c in regimen.components):
            continue  # "Lenalidomide Maintenance Therapy Following Autologous Stem Cell Transplant" (NCT05827016)
        kept.append(regimen)
    return kept
