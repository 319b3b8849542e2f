"""The labels trial sites print, and a page cut at them.

One table of synonyms (:data:`LABELS`), not code per site: a line "Label: value", a
label alone on its line, a numbered table cell ("| E.1.1 | Label |"), a markdown field
("- **Status:** Recruiting"), a YAML key ("overall_status:") or an indexed label
("Primary outcome [1] 257583 0") all open the field the label names. Labels of fields
the reader does not use are listed too, so that they close the section before them.
Labels other registers print in their own language have tables of their own, read as
written: Chinese (:data:`CJK_LABELS`), Spanish capitals (:data:`SPANISH_LABELS`), French
and German (:data:`FRENCH_LABELS`, :data:`GERMAN_LABELS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from kg.model.identifiers import find_registry_ids
from kg.model.text import fold, strip_bullet
from kg.model.vocab import lookup
from kg.read.parse.fields import parse_age_range, parse_phases
from kg.read.parse.glued_labels import trailing_labels, unglued_lines
from kg.read.parse.header_row import header_row_lines

__all__ = ["CJK_LABELS", "FRENCH_LABELS", "GERMAN_LABELS", "KOREAN_LABELS", "LABELS", "SPANISH_LABELS", "Reading",
           "cjk_label", "inline_fields",
           "reading", "label_of"]

#: Labels trial sites print, by the field they open.
LABELS: dict[str, tuple[str, ...]] = {
    "title": ("title", "public title", "brief title", "study title", "trial title", "name of trial", "public title of study",
              "title of the trial for lay people in easily understood i e non technical language"),
    # Taken for the title only when the page gives no public one.
    # (the UK Health Research Authority's research summaries head it "Full title")
    "official_title": ("scientific title", "official title", "full title of the trial", "scientific title of study",
                       "full title", "official scientific title",
                       "clinical trial results"),
    "status": ("status", "recruitment status", "overall status", "trial status", "overall recruitment status",
               "recruiting status", "study status", "recruitment status in japan", "overall study status",
               "overall trial status"),
    "phase": ("phase", "trial phase", "study phase", "phase of the trial", "clinical phase", "clinical trials phase",
              "developmental phase", "phase of trial"),
    "conditions": ("condition", "conditions", "health condition(s) or problem(s) studied", "disease", "diseases",
                   "medical condition", "medical condition(s) being investigated", "indication", "primary condition",
                   "medical condition(s) or problem(s) studied", "condition(s) or problem(s) studied", "cancer type",
                   "medical condition or disease under investigation", "eligible conditions", "health condition",
                   # a Markdown record's heading (api.ai-analytics.org)
                   "conditions studied"),
    # Labels of the register number itself: read from the text by the registers' own formats,
    # they only tell the reader that this is a trial record.
    "registration": ("registration number", "trial registration number", "main id", "nct id", "trial id", "study id",
                     "unique id issued by umin", "clinicaltrials gov identifier", "registry number", "register",
                     "ctri number", "eudract number", "isrctn", "registration no", "nct number", "nct no",
                     "clinicaltrials gov id", "clinicaltrials gov number", "jrct id", "trial no",
                     # centerwatch.com's listing, its label glued to the number ("Clinical Study IdentifierNCT04165967")
                     "clinical study identifier",
                     # a sponsor's register of its studies: "Clinicaltrials.gov ID", "EudraCT ID", "EU CT Number" beside
                     # its own "GSK study ID" (gsk-studyregister.com; a sponsor's "... study ID": _SPONSORS_STUDY_ID)
                     "eudract id", "eu ct number",
                     # a university's recruitment page, ClinicalTrials.gov's number as the U.S. government's id of the
                     # study ("U.S. Govt. ID: NCT03707574" beside "IRB Number: AAAS4112", recruit.cumc.columbia.edu)
                     "u.s. govt. id",
                     # a sponsor's site of its trials, its own number of the study above the registers' ("Study
                     # identifier:SD-037-0739" / "ClinicalTrials.gov identifier:N/A", astrazenecaclinicaltrials.com)
                     "study identifier"),
    "sponsor_ids": ("sponsor's protocol code number", "sponsor protocol number", "protocol number", "org study id",
                    "other study id numbers", "protocol id", "protocol ids", "nci protocol id", "protocol id number",
                    # a cancer institute's trial page, label and value on one line ("Protocol No.   EA1131" beside
                    # "Status   Open", usahealthsystem.com)
                    "protocol no.",
                    # ISRCTN's record ("Protocol serial number CS/2008/3027", isrctn.com ISRCTN71717097)
                    "protocol serial number"),
    # Labelled secondary ids: of a register the page does not name, scheme OTHER (tests/data/pages-gold/README.md).
    "secondary_ids": ("secondary id", "secondary ids", "secondary id(s)", "secondary identifying numbers",
                      "secondary ids if any"),
    "sponsor": ("sponsor", "primary sponsor", "lead sponsor", "sponsor name", "name of sponsor", "sponsored by", "sponsors"),
    "collaborators": ("collaborator", "collaborators"),
    # CTRI's funder, after its change flag: "Source of Monetary or Material Support" / "Modification(s)" / "Chaitanya
    # Vaidyakeeya Seva Sanstha, 44/2 Hill View Society, …" (ctri.nic.in CTRI/2013/10/004099): an organisation, no role
    "funders": ("source of monetary or material support",
                # ISRCTN's record, beside its "Sponsor" ("Funder National Institute for Health Research (NIHR) (UK) -
                # Biomedical Research Unit", isrctn.com ISRCTN71717097)
                "funder", "funders"),
    "enrollment": ("enrollment", "enrolment", "target sample size", "target recruitment", "sample size",
                   "number of participants", "target number of participants", "participants", "planned enrollment",
                   "target enrollment"),
    "study_type": ("study type", "type of study", "study design type", "primary study design",
                   # CTRI's "Type of Trial  Interventional" (ctri.nic.in)
                   "type of trial"),
    "study_design": ("study design", "design"),
    # The registry's design fields as mirror sites print them ("Allocation", "Masking", "Purpose").
    "allocation": ("allocation", "secondary study design"),
    "intervention_model": ("intervention model", "interventional model"),
    "primary_purpose": ("primary purpose", "purpose",
                        # UMIN's "Intervention" group of fields ("Purpose of intervention" / "Treatment", umin.ac.jp
                        # UMIN000006650)
                        "purpose of intervention"),
    "masking": ("masking", "blinding", "masking/blinding"),
    # IRCT heads what each group is given "Intervention groups" ("Injection of the number of 7x10^5 NK cells in
    # 3 periods with an interval of 5 days to 3 patients with HCC").
    "interventions": ("intervention(s)", "interventions", "intervention", "description of intervention(s) / exposure",
                      "drugs / interventions", "drugs/interventions", "intervention groups",
                      # a trial finder's "Intervention Name:" / "AstroRx" (neals.org NCT03482050)
                      "intervention name", "intervention names",
                      # a cancer patients' service's facts table: "Treatment Type" / "Allogeneic Cord Blood Dual CD19-BCMA
                      # CAR-T" (cancerfax.com NCT06947473)
                      "treatment type",
                      # a cancer centre's protocol page, the drugs given ("Treatment Agent:Cyclophosphamide; Filgrastim;
                      # Fludarabine; Interleukin-2", utm-ext01a.mdacc.tmc.edu NCT00338377)
                      "treatment agent", "treatment agents",
                      # UMIN's numbered intervention field ("Interventions/Control_1" / "We confirm the status of
                      # cartilage defect", umin.ac.jp UMIN000006650; its index read off by _INDEX)
                      "interventions/control"),
    "locations": ("locations", "location", "trial locations", "study locations", "trial sites", "study sites",
                  "participating sites", "participating centres", "participating centers", "recruiting centres",
                  "recruiting centers", "study centres", "study centers", "sites", "trial centres", "trial centers"),
    "sex": ("sex", "gender", "sexes eligible", "gender eligible", "sexes eligible for study", "genders eligible for study"),
    "healthy_volunteers": ("accepts healthy volunteers", "healthy volunteers", "accepts healthy volunteers?",
                           "healthy volunteers accepted"),
    "ages": ("age", "ages", "age range", "ages eligible", "ages eligible for study", "age limits"),
    "min_age": ("minimum age", "age minimum", "inclusion age min"),
    "max_age": ("maximum age", "age maximum", "inclusion age max"),
    "start_date": ("start date", "study start", "date of first enrolment", "anticipated start date", "actual study start date",
                   "study start date",  # "Anticipated Study Start Date :" once its qualifier is set aside
                   # the NIPH portal's view of a jRCT record, spelt the American way ("Date of first enrollment |
                   # 19/03/2019 |", rctportal.niph.go.jp)
                   "date of first enrollment"),
    # A start and an end date as one value: "Study Date: Sun, 05/01/2016 to Fri, 05/01/2020".
    "study_dates": ("study date", "study dates", "trial dates", "study period", "trial period"),
    "completion_date": ("completion date", "study completion", "anticipated end date", "actual study completion date",
                        "global end of trial date", "end date", "study end date", "study completion date"),
    # "Disease characteristics" and its siblings head the inclusion criteria of NCI's PDQ format.
    "inclusion": ("inclusion criteria", "key inclusion criteria", "disease characteristics", "patient characteristics",
                  "prior concurrent therapy", "participant inclusion criteria",
                  "principal inclusion criteria", "inclusion", "main criteria for inclusion",
                  "you can enter this trial if you", "you may be able to enter this trial if you",
                  # the NIPH portal's view of a jRCT record ("Include criteria | 1. Patients who are suffering form sever
                  # xerostomia …", rctportal.niph.go.jp)
                  "include criteria"),
    "exclusion": ("exclusion criteria", "key exclusion criteria", "participant exclusion criteria",
                  "principal exclusion criteria", "exclusion", "main criteria for exclusion",
                  "you cannot enter this trial if you", "exclude criteria"),
    "eligibility": ("eligibility", "eligibility criteria", "criteria", "inclusion and exclusion criteria",
                    "who can participate", "key inclusion & exclusion criteria", "participant eligibility",
                    "inclusion criteria and exclusion criteria", "inclusion/exclusion criteria", "who can enter",
                    "key inclusion and exclusion criteria", "who can take part in this study?",
                    "who can take part in this study",
                    # cytotargetdb.ca's trial record writes its field names as they are stored ("eligibility_summary",
                    # "ai_summary", "trial_source", "annotation_status"; NCT06373991)
                    "eligibility summary",
                    # the Iranian Registry of Clinical Trials' protocol summary (irct.behdasht.gov.ir, 123dok.com's text
                    # of its PDF, IRCT20190717044241N1)
                    "participants/inclusion and exclusion criteria"),
    "primary_outcomes": ("primary outcome", "primary outcomes", "primary outcome measure", "primary outcome measures",
                         "primary outcome(s)", "primary end point", "primary endpoint", "primary end points",
                         "primary endpoints", "primary end point(s)", "main outcome measures", "outcome measures",
                         "main outcome variables", "current primary outcome measures"),
    "secondary_outcomes": ("secondary outcome", "secondary outcomes", "secondary outcome measure",
                           "secondary outcome measures", "secondary outcome(s)", "secondary end point",
                           "secondary endpoint", "secondary end points", "secondary endpoints", "secondary end point(s)",
                           "key secondary outcomes", "secondary outcome variables", "current secondary outcome measures"),
    # A trial's own summary: what the enrichment reads the cell product, doses and regimens from. (A detailed
    # description stays unread: prose outcomes read from one took each of its sentences for a primary outcome.)
    "brief_summary": ("brief summary", "summary", "plain english summary", "background and study aims",
                      "what this trial studies", "plain-language summary", "plain language summary",
                      # hra.nhs.uk's "Research summary"; trialfinderdata.org's "About This Trial" (the registry's summary)
                      "research summary", "about this trial",
                      # inclinicaltrials.com's heading over the registry's brief summary; clinconnect.io's over its
                      # plain-language retelling of it ("ClinConnect Summary" / "The study will enroll 20 eligible
                      # subjects who will receive NK cell infusion ...", NCT02123836)
                      "clinical trial summary", "clinconnect summary", "ai summary",
                      # the Pan African Clinical Trials Registry's (pactr.samrc.ac.za)
                      "brief summary describing the background and objectives of the trial",
                      # a university's trial page, "Brief Overview" over the protocol's summary (utsouthwestern.edu); the
                      # EU trial's summary as its sponsor declares it, "Sponsor-declared trial summary" (ctis.eu)
                      "brief overview", "sponsor declared trial summary",
                      # a trial's own site, "About the Study" over what the study is (stemcellstudy.ucsf.edu); in French,
                      # "A propos" (the Centre MEARY's project page of EudraCT 2021-006873-50)
                      "about the study", "about this study", "a propos",
                      # a children's hospital's trial page asks its headings (nationwidechildrens.org NCT04254419: "What
                      # Is the Purpose of This Study?" / "To see if it is safe and feasible to treat malignant brain
                      # tumors with donor natural killer (NK) cells.")
                      "what is the purpose of this study?", "what is the purpose of this study",
                      "what is the purpose of the study?",
                      # a university's recruitment page over the study's description ("Additional Study Information:
                      # Major advances are being made in the treatment of cancer. …", recruit.cumc.columbia.edu)
                      "additional study information"),
    # Read for its labelled endpoints ("Primary end point: …") and by the enrichment; never cut into outcomes by sentence.
    # Another trial this one is linked to: "Linked study record: This study is linked the ACT-I Phase I trial
    # (ACTRN12618000076279)".
    "related": ("linked study record", "linked study records", "related studies", "related trials", "related study"),
    # ISRCTN's "Study hypothesis" states what the trial gives and why ("This trial proposes to use engineered
    # T cells (MFEz T cells) …"): its scientific description.
    # (isrctn.com heads it "Study objectives" now)
    "detailed_description": ("detailed description", "settings and conduct", "narrative objectives", "study hypothesis",
                             "study objectives",
                             # … and "What Will Happen During This Study?" over the course the patients are given ("They
                             # will receive NK cell infusions weekly for 3 weeks, followed by 1 week of rest.")
                             "what will happen during this study?", "what will happen during this study",
                             "what will happen during the study?", "what will happen during the study",
                             "what happens during this study?", "what happens during the study?",
                             # cancerfax.com's account of the trial under its summary and facts table (NCT06947473)
                             "about this clinical trial"),
    # the registry's "Intervention Model Description:", as its mirrors print it (clincosm.com NCT04764513): the cohorts and
    # their doses
    "design_description": ("intervention model description",),
    # Fields the reader does not take: their labels only end the section before them.
    "other": ("condition category", "condition code", "classification by specialty", "classification by malignancy",
              "genomic information", "intervention/exposure",
              "intervention code", "comparator / control treatment", "intervention type",
              "control group", "outcomes", "titles & ids", "universal trial number (utn)", "trial acronym", "acronym",
              # the NIPH portal's headings over its outcome rows and after its criteria (rctportal.niph.go.jp)
              "outcome(s)", "related information", "public contact", "scientific contact",
              # UMIN's headings over its groups of fields ("Key secondary outcomes" / "Efficacy" / "Base" / "Study type")
              "base", "assessment",
              # … and its fields over the intervention that the reader does not take ("No. of arms" / "1", "Type of
              # intervention" / "Device,equipment", umin.ac.jp UMIN000006650)
              "no. of arms", "type of intervention",
              "ethics application status", "date submitted", "date registered",
              "date last updated", "type of registration", "contacts", "contact information", "general information",
              # the primary completion date is not the study's; the head of a conditions table whose cells are lost
              # ("Condition or Disease Intervention/Treatment Phase" over "Early Phase 1") ends the summary before it
              "primary completion date", "condition or disease intervention/treatment phase",
              "ethics approval", "ethics approval(s)",
              "reason for update", "registration date", "countries of recruitment", "registration timing",
              "last update", "update count",
              "url", "date of registration", "last refreshed on", "prospective registration",
              "narrative", "objectives",
              "results",
              "ethics committee", "funding source", "source(s) of monetary or material support",
              "who can participate?", "what does the study involve",
              "basic objectives", "key facts", "trial description", "treatment/intervention", "trial contact information",
              "registry information", "alternate title", "basic trial information", "quick facts",
              # trialfinderdata.org's site text after the summary; hra.nhs.uk's fields the reader does not take
              "what stage of research is this?", "who may be eligible", "research type", "iras id", "contact name",
              "contact email", "sponsor organisation", "duration of study in the uk", "rec name", "rec reference",
              "raw json", "who should consider this trial", "why it matters",
              # inclinicaltrials.com's heading after the trial's description
              "recruitment information / eligibility",
              # cancerfax.com's facts table after "Location" (NCT06947473)
              "required biomarker", "estimated participation", "case review",
              # cytotargetdb.ca's record fields after its eligibility summary (NCT06373991)
              "trial source", "annotation status"),
}

#: Labels printed in Chinese, by the field they open: a Taiwanese company's page on its trial (vectorite.com.tw
#: NCT00815321: "針對症狀 Chronic Myeloid Leukemia", "臨床試驗編號 NCT00815321", "臨床階段 Phase II", "臨床試驗位址
#: Singapore General Hospital", "目前研究進度 This study has been completed.", "試驗開始日期 December 28, 2008",
#: "臨床目的 This is an extension of our ongoing clinical trial …", traditional characters, English values) and the
#: Chinese registries' bilingual records (chictr.org.cn, itmctr.ccebtcm.org.cn: "注册号:" / "Registration number:",
#: "注册题目:" / "Public title:", "研究课题的正式科学名称:" / "Scientific title:", simplified characters). Only labels
#: seen on such pages. Where a page labels a field in English too (the bilingual records), the English label's value is
#: the field's (:func:`reading`): the Chinese one is its translation.
CJK_LABELS: dict[str, tuple[str, ...]] = {
    "registration": ("臨床試驗編號", "注册号"),
    "title": ("注册题目",),
    "official_title": ("研究课题的正式科学名称",),
    "conditions": ("針對症狀",),
    "phase": ("臨床階段",),
    "locations": ("臨床試驗位址",),
    "status": ("目前研究進度",),
    "start_date": ("試驗開始日期",),
    # the trial's purpose in a paragraph (the page's only description of the trial): its summary
    "brief_summary": ("臨床目的",),
}
#: Labels printed in Korean, by the field they open, the value after a space on the label's line or under it: the Korean
#: register CRIS's record in its Korean view (cris.nih.go.kr KCT0005020: "CRIS등록번호 KCT0005020", "연구고유번호 KUMC
#: 2019-11-010-001", "요약제목" / "국문" / … / "영문" / "A 8 week, Multi-center, …", "연구제목" likewise), each title in Korean
#: (국문) and in English (영문): the English version is the value (:data:`_KOREAN_TAGS`). Only labels seen on such pages;
#: the labels of fields the reader does not take end the one before them.
KOREAN_LABELS: dict[str, tuple[str, ...]] = {
    "registration": ("CRIS등록번호",),
    "sponsor_ids": ("연구고유번호",),
    "title": ("요약제목",),
    "official_title": ("연구제목",),
    "other": ("연구약어명", "식약처규제연구", "타등록시스템 등록여부"),
}
_KOREAN_KEYS = sorted(((label, name) for name, labels in KOREAN_LABELS.items() for label in labels),
                      key=lambda pair: -len(pair[0]))
#: A Hangul syllable: a line without one in its first words holds no Korean label.
_HANGUL = re.compile("[\uac00-\ud7a3]")
#: CRIS's language tags, alone on their line before each version of a value: Korean (국문) and English (영문).
_KOREAN_TAGS = {"국문": False, "영문": True}


def _korean_label(plain: str) -> tuple[str | None, str | None]:
    """The field a line's Korean label opens and the value after it (:data:`KOREAN_LABELS`).

    >>> _korean_label("CRIS등록번호 KCT0005020"), _korean_label("요약제목")
    (('registration', 'KCT0005020'), ('title', None))
    >>> _korean_label("연구제목에 관한 설명"), _korean_label("CRIS 필수등록항목입니다.")
    ((None, None), (None, None))
    """
    if not _HANGUL.search(plain[:12]):
        return None, None
    for label, name in _KOREAN_KEYS:
        rest = plain[len(label):]
        if plain.startswith(label) and (not rest or rest[0] == " "):
            return name, fold(rest) or None
    return None, None


#: Labels printed in Spanish capitals, by the field they open, the value after a space on the same line: the Spanish
#: register's records as nomenclator.org reprints them ("IDENTIFICADOR 2012-004444-30.", "TITULO PÚBLICO Tratamiento de la
#: discopatía degenerativa lumbar con células" / "mesenquimales alogénicas (MSV*).", "ESTADO EC Finalizado.", "CRITERIOS
#: INCLUSIÓN 1. Discopatía degenerativa lumbar …"). Only in capitals, written with or without their accents: in
#: lower case the words are a Spanish sentence's. Fields the reader does not take ("other") end the one before them.
SPANISH_LABELS: dict[str, tuple[str, ...]] = {
    "registration": ("IDENTIFICADOR",),
    "title": ("TITULO PUBLICO",),
    "official_title": ("TITULO CIENTIFICO",),
    "conditions": ("INDICACION PUBLICA",),
    "inclusion": ("CRITERIOS INCLUSION",),
    "exclusion": ("CRITERIOS EXCLUSION",),
    "other": ("DATOS GENERALES", "INFORMACION", "TIPO", "ESTADO EC", "AREA TERAPEUTICA", "SEXO", "INCLUYE PLACEBO",
              "INDICACION CIENTIFICA"),
}
_SPANISH_KEYS = sorted(((label, name) for name, labels in SPANISH_LABELS.items() for label in labels),
                       key=lambda pair: -len(pair[0]))
#: Spanish capitals without their accents, one letter for one (the line keeps its length).
_UNACCENTED = str.maketrans("ÁÉÍÓÚÜÑ", "AEIOUUN")


def _spanish_label(plain: str) -> tuple[str | None, str | None]:
    """The field a line's Spanish label in capitals opens and the value after it (:data:`SPANISH_LABELS`).

    >>> _spanish_label("IDENTIFICADOR 2012-004444-30.")
    ('registration', '2012-004444-30.')
    >>> _spanish_label("TITULO PÚBLICO Tratamiento de la discopatía degenerativa lumbar con células")
    ('title', 'Tratamiento de la discopatía degenerativa lumbar con células')
    >>> _spanish_label("Tipo de estudio"), _spanish_label("TIPOS DE CÉLULAS")
    ((None, None), (None, None))
    """
    if not plain[:1].isupper():
        return None, None
    head = plain[:40].translate(_UNACCENTED)
    for label, name in _SPANISH_KEYS:
        rest = head[len(label):len(label) + 1]
        if head.startswith(label) and rest in ("", " ", ":"):
            return name, fold(plain[len(label):].lstrip(" :")) or None
    return None, None


#: Labels printed in French, as written (capitalised, accented), by the field they open: the French cancer trials
#: register's records as kusajili.com reprints them ("Référence : RECF0244", "Extrait" over the lay summary, "Extrait
#: Scientifique" after it). "Référence" labels the page's number only when its value is one register number alone
#: (a reference to a paper is none).
FRENCH_LABELS: dict[str, tuple[str, ...]] = {
    "registration": ("Référence",),
    "brief_summary": ("Extrait",),
    "other": ("Extrait Scientifique", "Mise à jour"),
}
#: Labels printed in German, as written, the value after a space on the same line: a Swiss hospital's research-project
#: page (research.kssg.ch: "Kurzfassung MVX-ONCO-1 is a form of active specific immunotherapy …", "Projektpartner Dr.
#: Veronika Nagy, …", "Projektstart 2020"), German labels over English values.
GERMAN_LABELS: dict[str, tuple[str, ...]] = {
    "brief_summary": ("Kurzfassung",),
    "other": ("Projektpartner", "Art des Forschungsprojektes", "Projektstart", "Projektende", "Studiendesign",
              "Verantwortliche Person"),
}
_WRITTEN_KEYS = sorted(((label, name) for table in (FRENCH_LABELS, GERMAN_LABELS) for name, labels in table.items()
                        for label in labels), key=lambda pair: -len(pair[0]))


def _written_label(plain: str) -> tuple[str | None, str | None]:
    """The field a line's French or German label opens, written as the table writes it, and the value after it
    (:data:`FRENCH_LABELS`, :data:`GERMAN_LABELS`). A value on the label's line is taken for a German label, and for a
    French one only when it is the register number "Référence" labels.

    >>> _written_label("Référence : RECF0244"), _written_label("Extrait")
    (('registration', 'RECF0244'), ('brief_summary', None))
    >>> _written_label("Référence : Dupont et al., 2019"), _written_label("Extrait du registre de l'INCa")
    ((None, None), (None, None))
    >>> _written_label("Kurzfassung MVX-ONCO-1 is a form of active specific immunotherapy")
    ('brief_summary', 'MVX-ONCO-1 is a form of active specific immunotherapy')
    """
    for label, name in _WRITTEN_KEYS:
        rest = plain[len(label):]
        if plain.startswith(label) and (not rest or rest[0] in " :"):
            value = fold(rest.strip().lstrip(":").strip()) or None
            german = any(label in labels for labels in GERMAN_LABELS.values())
            if value and name != "other" and not german and (name != "registration" or not _CLOSED["registration"](value)):
                return None, None  # a French value on the line only for the register number ("Extrait du registre ...")
            return name, value
    return None, None


#: The Chinese labels, longest first: "注册号状态" is no "注册号".
_CJK_KEYS = sorted(((label, name) for name, labels in CJK_LABELS.items() for label in labels), key=lambda pair: -len(pair[0]))
#: A character of a Chinese label: Han (traditional and simplified), not the full-width colon that ends one.
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def cjk_label(line: str) -> tuple[str | None, str | None]:
    """The field a line's Chinese label opens and the value after it: "臨床試驗編號 NCT00815321" (a space, no colon),
    "注册号:" (a colon, the value on the lines below), "注册号：ChiCTR2000030509" (a full-width colon).

    A Chinese label is a run of Han characters, so one followed by a space, a colon or the line's end is that label and
    nothing else: "研究课题的正式科学名称简写:" and "注册号状态:" go on in Han, a sentence opening with the label's words
    ("注册号为…") too; English prose never opens with one.

    >>> cjk_label("臨床試驗編號 NCT00815321")
    ('registration', 'NCT00815321')
    >>> cjk_label("注册号:")
    ('registration', None)
    >>> cjk_label("注册号状态:"), cjk_label("Phase II")
    ((None, None), (None, None))
    """
    return _cjk_label(fold(_DECORATION.sub("", line)))


def _cjk_label(plain: str) -> tuple[str | None, str | None]:
    """:func:`cjk_label` of a line without its decoration, folded."""
    if not _HAN.match(plain):
        return None, None
    for label, name in _CJK_KEYS:
        rest = plain[len(label):]
        if plain.startswith(label) and (not rest or rest[0] in " :："):
            return name, fold(rest.strip().lstrip(":：")) or None
    return None, None


#: Fields with a closed set of values: their label may be followed by the value with no colon
#: ("Recruitment Status Recruiting") or none at all ("PhasePHASE1"), when the value reads as one.
_CLOSED: dict[str, Callable[[str], object]] = {
    # "Trial ID NCT06152809", "NCT ID NCT05333705": a register number is a closed value of its own.
    "registration": lambda value: [i.value for i in find_registry_ids(value)] == [value],
    "status": lambda value: lookup("status", value),
    "phase": lambda value: parse_phases(value) if re.fullmatch(r"(?i)(?:early\s+)?phase[\s\d/,&IVab-]*|n/?a", value) else [],
    "sex": lambda value: lookup("sex", value),
    "study_type": lambda value: lookup("study-type", value),
    "allocation": lambda value: lookup("allocation", value),
    "masking": lambda value: lookup("masking", value),
    "ages": lambda value: value[0].isdigit() and any(bound is not None for bound in parse_age_range(value)),
}


def _key(label: str) -> str:
    """Case, spacing and punctuation aside; ClinicalTrials.gov's record view marks labels "ICMJE"."""
    return re.sub(r"\s+icmje$", "", re.sub(r"[^a-z0-9()&/?]+", " ", label.lower().replace("_", " ")).strip())


_KEYS = {_key(label): name for name, labels in LABELS.items() for label in labels}
_CLOSED_LABELS = sorted(((_key(label), name) for name in _CLOSED for label in LABELS[name]), key=lambda pair: -len(pair[0]))
#: Markdown and list decoration around a label: "## ", "- **", "**", "* ".
_DECORATION = re.compile(r"^\s*(?:#{1,6}\s+|[-*•]\s+)?(?:\*\*|__)?|(?:\*\*|__)")
#: "Label: value" on one line, or "Label" alone on its line (optionally "E.3" numbered, in a table cell,
#: with an "[1]" index and register codes after it); a label may hold a full stop ("ClinicalTrials.gov Identifier") and
#: the sign of a number ("Nº Eudra CT", itrt.es).
_LINE = re.compile(r"^\s*\|?\s*(?:[A-Z]\.\d+(?:\.\d+)*\.?\s*\|?\s*)?(?P<label>[A-Za-z][A-Za-zº° ()/&'?_.-]{1,90}?)\s*"
                   r"(?:\[\d+\][\d ]*)?(?:[:|：]\s*(?P<value>.*?))?\s*\|?\s*$")


#: Words that say whether a date or a count is planned or reached: "Start date (estimated)", "Estimated number of
#: participants", "Enrollment (Actual)". They qualify a field without changing which field it is.
_QUALIFIER = re.compile(r"\s*\((?:estimated|anticipated|actual|expected|planned)\)"
                        r"|^(?:estimated|anticipated|actual|expected|planned)\s+(?=\w)", re.IGNORECASE)


#: An index glued to a label of several words: UMIN's "Narrative objectives1 …", "Trial characteristics_1 …",
#: "Interventions/Control_1".
_INDEX = re.compile(r"^([A-Za-z][A-Za-z]*[ /][A-Za-z /]*[a-z])_?\d{1,2}(?=\s|:|$)")


def label_of(line: str, spaced: bool = False, glued: bool = False) -> tuple[str | None, str | None]:
    """The field a line's label opens and the value on the same line, if any.

    On a page that writes "Label Value" with no colon (``spaced``), a known label followed by
    a capitalised value opens its field too; on one that glues them (``glued``: "Enrollment10 (estimated)"),
    a known label followed at once by a capital or a digit. A label may carry a qualifier ("Start date
    (estimated) 2023-12-01", "Estimated number of participants 18").
    """
    return _line_label(line, spaced, glued)[:2]


def _line_label(line: str, spaced: bool, glued: bool, lower: bool = False) -> tuple[str | None, str | None, bool]:
    """:func:`label_of`, and whether the label is a Chinese one (:data:`CJK_LABELS`)."""
    # Folded first: a long run of spaces made the label pattern backtrack for minutes.
    plain = fold(_DECORATION.sub("", line))
    name, value = _cjk_label(plain)
    if name:
        return name, value, True
    name, value = _spanish_label(plain)
    if name:
        return name, value, False
    name, value = _korean_label(plain)
    if name:
        return name, value, False
    name, value = _written_label(plain)
    if name:
        return name, value, False
    return (*_latin_label(line, plain, spaced, glued, lower), False)


def _latin_label(line: str, plain: str, spaced: bool, glued: bool, lower: bool = False) -> tuple[str | None, str | None]:
    """:func:`label_of` of a line that opens with no Chinese label (``plain``: the line folded, undecorated)."""
    indexless = _INDEX.sub(r"\1", plain)
    for candidate in dict.fromkeys((plain, _QUALIFIER.sub("", plain, count=2), indexless)):
        match = _LINE.match(candidate)
        if match and candidate is indexless and candidate != plain and _KEYS.get(_key(match.group("label"))) == "enrollment":
            # a number glued to a count's label is the count ("Target sample size4", the NIPH portal's view of a jRCT
            # record, rctportal.niph.go.jp): UMIN indexes labels of texts ("Narrative objectives1")
            continue
        if match:
            name = _KEYS.get(_key(match.group("label")))
            if name in ("other", None) and match.group("value") and _key(match.group("label")) in _FIELD_WITH_A_VALUE:
                name = _FIELD_WITH_A_VALUE[_key(match.group("label"))]
            if not name and ":" in candidate and strip_bullet(line) == line.strip():
                name = _named_conditions(_key(match.group("label")))  # only a label with a colon, never a list item
            if name:
                return name, fold(match.group("value")) or None
            labelled = _labelled_number(match.group("value"))
            if labelled:
                return "registration", labelled
            if _names_a_register(_key(match.group("label"))) and _CLOSED["registration"](fold(match.group("value") or "")):
                return "registration", fold(match.group("value"))
            if _SPONSORS_STUDY_ID.match(_key(match.group("label"))):
                return "registration", fold(match.group("value")) or None
            if _key(match.group("label")) == "number" and _NIH_PROTOCOL.fullmatch(fold(match.group("value") or "")):
                return "registration", fold(match.group("value"))
    if strip_bullet(line) != line.strip():
        return None, None  # a list item is not a label written without a colon
    if glued:
        name, value = _glued_value(plain)
        if name:
            return name, value
    if lower:
        name, value = _lower_value(plain)
        if name:
            return name, value
        stripped = plain.strip()
        for field, pattern in _LOWER_FIELD_LINES:
            found = pattern.fullmatch(stripped)
            if found:
                return field, found.group("value")
    if not spaced:
        return _gap_row(line) or _closed_value(plain)
    for candidate in dict.fromkeys((_QUALIFIER.sub("", plain, count=2), plain, indexless)):
        name, value = _spaced_value(candidate)
        if name:
            return name, value
    return None, None


#: Labels that head a group of fields alone on their line ("TRIAL DESCRIPTION" over "Public title …", PACTR) and hold a
#: field's value when it follows on their line ("Trial description: This study evaluates the immunogenicity and
#: consistency of 3 Hib-MenCY-TT vaccine lots …", gsk-studyregister.com): the field they then open.
#: "Study Description", a heading over a registry record's "Brief Summary" (clincosm.com, clinicaltrials.gov's old record
#: view), is the summary itself when its text follows on its line ("Study Description:The goal of the main part of this
#: clinical research study is to learn if a vaccine ...", MD Anderson's protocol pages, utm-ext01a.mdacc.tmc.edu).
_FIELD_WITH_A_VALUE = {"trial description": "brief_summary", "study description": "brief_summary"}


#: The words of a register's name in a label the table does not know: "Nº Eudra CT: 2012-004441-32" (itrt.es), "EudraCT
#: No.", "N° ClinicalTrials.gov".
_REGISTER_NAME = re.compile(r"\b(?:eudra\s?ct|clinicaltrials\s(?:gov|gouv)|nct|isrctn|eu\sct|ctis|chictr|anzctr|drks|umin"
                            r"|jrct|ctri)\b")


#: A sponsor's label of its own number for the study: "GSK study ID" / "103813" (gsk-studyregister.com).
_SPONSORS_STUDY_ID = re.compile(r"^[a-z][a-z0-9&]{1,15} study id$")


#: The NIH Clinical Center's protocol number, its year, institute and serial number ("09-C-0053": 2009, the National Cancer
#: Institute; "10-H-0126", "03-CC-0128"), as its protocol pages label it "Number" ("Number | 09-C-0053 |",
#: clinicalstudies.info.nih.gov): under that label alone, only a number in this form is the page's own.
_NIH_PROTOCOL = re.compile(r"\d{2}-[A-Z]{1,2}-\d{4}")


def _names_a_register(key: str) -> bool:
    """Whether a label (its key) names a register: with a value that is one number of that register alone, it labels the
    page's own number.
    """
    return bool(_REGISTER_NAME.search(key))


def _labelled_number(value: str | None) -> str | None:
    """The register number a value labels itself by a label of the number, under a label the table does not know:
    "Trial Registration: ClinicalTrials.gov Identifier: NCT04290546" (gatewaycr.org, the last line of its page on
    NCT04290546) is that number's label; the value is the number alone, not a sentence that names one.

    >>> _labelled_number("ClinicalTrials.gov Identifier: NCT04290546")
    'NCT04290546'
    >>> _labelled_number("This study is linked to NCT04290546") is None
    True
    """
    if not value or ":" not in value:
        return None
    inner = _LINE.match(fold(value))
    if not inner or _KEYS.get(_key(inner.group("label"))) != "registration":
        return None
    number = fold(inner.group("value") or "")
    return number if number and _CLOSED["registration"](number) else None


def _named_conditions(key: str) -> str | None:
    """A label naming the kind of disease it lists ("Bone Marrow Disease(s):", "Cancer conditions") opens the conditions."""
    return "conditions" if re.fullmatch(r"(?:[a-z]+ ){1,3}(?:diseases?|disease\(s\)|conditions?|condition\(s\))", key) else None


def _glued_value(line: str) -> tuple[str | None, str | None]:
    """A known label glued to its value: "Study typeInterventional", "SponsorDana-Farber Cancer Institute (other)",
    "Intervention(s)2.5 x 10^6 cells/kg of UDI-001 are administered intravenously." (rctportal.niph.go.jp), and a
    lettered list glued to its label: "Intervention[A] Control group receiving only myocardial revascularisation"
    (isrctn.com).
    """
    for label, name in _BY_FIRST_WORD.get(line.lower().split(" ")[0][:12], []) + _GLUED_SHORT.get(line[:3].lower(), []):
        head = line[:len(label)]
        # A label is written as a label ("Trial ID", "Sex"), not in capitals as a value is ("PHASE1 · …"); it may
        # end in "(s)" ("Intervention(s)", "Ethics approval(s)").
        if head.lower() == label and (head[-1:].isalpha() or head.endswith("(s)")) and not head.isupper() \
                and _GLUED_OPENING.match(line[len(label):len(label) + 4]):
            return name, line[len(label):].strip()
    return None, None


#: How a value glued to its label opens: a capital or a digit, a lettered item ("[A] Control group …"), or a bound
#: before a number ("Age minimum>= 20age old", "Age maximum< 60age old", rctportal.niph.go.jp jRCTa030240663).
_GLUED_OPENING = re.compile(r"[A-Z0-9]|\[[A-Z]\]|[<>≤≥]=? ?\d")


def _writes_glued_labels(lines: list[str]) -> bool:
    """Three lines that glue a known label to its value make a page that labels that way ("Quick facts" boxes)."""
    return sum(1 for line in lines if _glued_value(fold(_DECORATION.sub("", line)))[0]) >= 3


#: The labels by their first word, longest first: a line is tried only against labels it can begin with.
_BY_FIRST_WORD: dict[str, list[tuple[str, str]]] = {}
for _label, _name in sorted(_KEYS.items(), key=lambda pair: -len(pair[0])):
    _BY_FIRST_WORD.setdefault(_label.split(" ")[0], []).append((_label, _name))


#: The labels by their first three letters, for a first word glued to the value ("PhasePHASE1").
_GLUED_SHORT: dict[str, list[tuple[str, str]]] = {}
for _label, _name in sorted(_KEYS.items(), key=lambda pair: -len(pair[0])):
    if " " not in _label:
        _GLUED_SHORT.setdefault(_label[:3], []).append((_label, _name))


def _spaced_value(line: str, words: int = 1) -> tuple[str | None, str | None]:
    folded = fold(line)
    lowered = folded.lower()
    for label, name in _BY_FIRST_WORD.get(lowered.split(" ")[0], []):
        # (a label written with its abbreviation's full stop: "Protocol No.   EA1131", usahealthsystem.com)
        gap = 2 if lowered.startswith(label + ". ") else 1
        if len(label.split()) >= words and lowered.startswith(label + ". "[-gap:]) \
                and re.match(r"[^a-z]", folded[len(label) + gap:]):
            value = folded[len(label) + gap:].strip()
            if name in _CLOSED and len(value.split()) > 8 and not _CLOSED[name](value):
                continue  # a title that opens with a field's word ("Phase I Research Study Utilizing Allogeneic …")
            return name, value
    return _closed_value(line)


def _gap_row(line: str) -> tuple[str, str] | None:
    """A known label of several words, two spaces and its value on one line: a table's two cells copied as text ("Type
    of Trial  Interventional", "Study Design  Single Arm Study", ctri.nic.in CTRI/2013/10/004099). One space apart the
    words may be a sentence's ("Study design is single arm").

    >>> _gap_row("Study Design  Single Arm Study "), _gap_row("Study Design Single Arm Study")
    (('study_design', 'Single Arm Study'), None)
    """
    head, gap, value = _DECORATION.sub("", line).strip().partition("  ")
    name = _KEYS.get(_key(head)) if gap and " " in head else None
    value = fold(value)
    if name in (None, "other") or not value[:1].isupper() and not value[:1].isdigit():
        return None
    return name, value


def _lower_value(line: str) -> tuple[str | None, str | None]:
    """A known label, a space and a value in lower case, on a short line that is no sentence: "Condition malignant solid
    tumors", "Intervention model single group assignment", "Primary purpose supportive care" (smartpatients.com, which
    writes its values in lower case after labels without colons).

    >>> _lower_value("Intervention model single group assignment")
    ('intervention_model', 'single group assignment')
    >>> _lower_value("Sponsor Tianjin Medical University"), _lower_value("Design of the trial is randomised.")
    ((None, None), (None, None))
    >>> _lower_value("Condition category"), _lower_value("Plain English summary of protocol")
    ((None, None), (None, None))
    """
    if ":" in line or len(line.split()) > 8 or line.rstrip().endswith(".") or _key(line) in _KEYS:
        return None, None
    lowered = line.lower()
    for label, name in _BY_FIRST_WORD.get(lowered.split(" ")[0], []):
        value = line[len(label) + 1:].strip()
        if name == "other" or not lowered.startswith(label + " ") or not value[:1].islower() or value != value.lower():
            continue
        # the words of a longer label ("Condition category", "Secondary outcome measur…"), or of a heading going on
        # ("Plain English summary of protocol"), are no value
        first = value.split()[0]
        if first in _FUNCTION_WORDS or any(key.startswith(f"{label} {first}") for key in _KEYS):
            continue
        return name, value
    return None, None


#: On a page that writes its values in lower case after labels without colons, its "Treatment" line names what the trial
#: gives: "Treatment allogenic nk cells infusion", "Treatment mage-a4 tcr gene-modified t cells" (smartpatients.com
#: NCT01947322, NCT01694472). Only there: "Treatment" alone is no label of the table ("Treatment naive patients …").
_LOWER_TREATMENT = re.compile(r"Treatment (?P<value>[a-z0-9][a-z0-9 ,/+-]{2,80})")


#: ... and its count and its ids on lines of their own, the count before the word "participants" ("Trial size 30
#: participants") and the sponsor's own id after the register number ("Trial identifier NCT01898663, 307-CTC-DC/CIK",
#: smartpatients.com NCT01898663): the enrollment, and the id the sponsor gives (its register number is in the text).
#: Only there, and only so: "Trial size was 30" or an id list that opens with no register number is no such line.
_LOWER_TRIAL_SIZE = re.compile(r"Trial size (?P<value>\d{1,6}) participants?")
_LOWER_OWN_ID = re.compile(r"Trial identifier NCT\d{8}, (?P<value>[A-Za-z0-9][\w/.-]{1,40})")
#: The lower-case layout's lines whose words, not a separator, say their field.
_LOWER_FIELD_LINES = (("interventions", _LOWER_TREATMENT), ("enrollment", _LOWER_TRIAL_SIZE), ("sponsor_ids", _LOWER_OWN_ID))


#: Words a heading goes on with and a field's value does not open with.
_FUNCTION_WORDS = frozenset({"of", "and", "or", "the", "a", "an", "to", "for", "in", "on", "at", "by", "with", "from",
                             "is", "are", "was", "were", "will", "has", "have"})


def _writes_lower_values(lines: list[str]) -> bool:
    """Three lines "Known label value in lower case" make a page that labels its fields that way, each field's value
    on its label's line (smartpatients.com: "Condition malignant solid tumors", "Phase phase 1", "Masking open label").
    """
    return sum(1 for line in lines if _lower_value(fold(_DECORATION.sub("", line)))[0]) >= 3


def _writes_spaced_labels(lines: list[str]) -> bool:
    """Three lines "Multi-word label Value" make a page that labels without colons."""
    return sum(1 for line in lines if ":" not in line and _spaced_value(_DECORATION.sub("", line), words=2)[0]) >= 3


def _closed_value(line: str) -> tuple[str | None, str | None]:
    """A closed field's label, then a value it knows: "Recruitment Status Recruiting", "SexALL"."""
    folded = fold(line)
    lowered = folded.lower()
    for label, name in _CLOSED_LABELS:
        if lowered.startswith(label) and len(folded) > len(label):
            value = folded[len(label):].strip(" :")
            if value and _CLOSED[name](value):
                return name, value
    return None, None


#: Fields whose items may carry labels of their own ("Time frame: 2 years"); in any other field,
#: once it has a value, a "Label: value" line the table does not know ends it ("countries: …"
#: after a condition).
_LIST_FIELDS = {"inclusion", "exclusion", "eligibility", "primary_outcomes", "secondary_outcomes", "locations"}
#: (or a table row "Label | value |": "Intervention(s) | None |" / "Supporting Site | National Cancer Institute |", the NIH
#: Clinical Center's protocol table, clinicalstudies.info.nih.gov)
_UNKNOWN_LABEL = re.compile(r"^\s*(?:[-*]\s+)?(?:\*\*)?[A-Za-z][\w ]{0,30}:(?:\*\*)?(?:\s|$)"
                            r"|^\s*\|?\s*[A-Za-z][\w ()]{0,30}?\s*\|\s*[^|\s][^|]*\|\s*$")

#: On a page that glues every value to its label's colon ("Title:Lymphodepletion Plus …", "Study Status:Open", "Disease
#: Group:Melanoma", MD Anderson's protocol pages, utm-ext01a.mdacc.tmc.edu), a label it glues so ("Words:Value") that the
#: table does not know ends the field before it too.
_COLON_GLUED = re.compile(r"^\s*[A-Za-z][\w ]{0,30}:(?=[A-Z0-9])")


def _writes_colon_glued_labels(lines: list[str]) -> bool:
    """Three lines that glue a value to a known label's colon ("Study Status:Open") make a page that labels that way.

    >>> _writes_colon_glued_labels(["Title:A study", "Study Status:Open", "Treatment Agent:Cyclophosphamide"])
    True
    >>> _writes_colon_glued_labels(["Title: A study", "Status: Open", "Note:The cells are given at 10:30"])
    False
    """
    glued = 0
    for line in lines:
        match = _COLON_GLUED.match(line)
        if match and _KEYS.get(_key(match.group(0)[:-1])):
            glued += 1
            if glued >= 3:
                return True
    return False


def _typed_item(line: str) -> bool:
    """An item of an interventions list written like a label: its type ("Drug: Cytarabine"), an arm's type
    ("Experimental: … - …", "Active comparator: …"), a registry's category ("Treatment: Other - …") or a numbered group
    ("Trial Group 2: …").
    """
    label = line.split(":", 1)[0].strip().lstrip("-* ")
    return label == "Treatment" or bool(lookup("intervention-type", label) or lookup("arm-type", label)
                                        or _NUMBERED_GROUP_LABEL.fullmatch(label))


#: A numbered group of an interventions field, written like a label: "Trial Group 2: GCSF (Lenograstim) 15 µg" under
#: "Trial Group 1: …" (isrctn.com ISRCTN91288089).
_NUMBERED_GROUP_LABEL = re.compile(r"(?i)(?:trial|study|treatment)\s+group\s+\d{1,2}")


#: The parts of the NCI's PDQ summaries, in capitals ("RATIONALE: Giving an infusion of natural killer cells …",
#: "PURPOSE: This phase I/II trial is studying …", "OBJECTIVES:", "OUTLINE:"): under a summary label they are
#: the summary's own paragraphs, though "Purpose" alone labels a design field.
_SUMMARY_FIELDS = {"brief_summary", "detailed_description"}
#: "Description:" alone on its line right under a summary: the trial's description ("Clinical Trial Summary" / "…" /
#: "Description:" / "This is a single arm, open-label, Phase 1 study initiated with 3 cohorts: …", inclinicaltrials.com
#: NCT05247957). Anywhere else the word heads an outcome's or an arm's description, which is none of the trial's.
_DESCRIPTION_HEADING = re.compile(r"^\s*(?:#{1,6}\s+)?(?:\*\*)?Description\s*:?\s*(?:\*\*)?\s*$", re.IGNORECASE)
_PDQ_PART = re.compile(r"^\s*(?:RATIONALE|PURPOSE|OBJECTIVES?|OUTLINE|PROJECTED ACCRUAL)\s*:")


#: An entry of a page's menu or tabs: a bulleted name of at most six words, no colon ("• Overview", "• More info",
#: "- How to Read a Study Record").
_MENU_ENTRY = re.compile(r"^\s*[-*•]\s+[A-Za-z][\w&/'-]*(?:\s+[\w&/'-]+){0,5}\s*$")


def _menu_lines(lines: list[str]) -> set[int]:
    """The lines of a page's menu: three or more bulleted short names in a row, nothing under any of them, no other
    list item next to them ("• Overview", "• Eligibility", "• More info", "• Locations" over a findmecure.com record;
    "- Study Details" … "- How to Read a Study Record" on the 2019 ClinicalTrials.gov page). A section label among them
    heads no section: the page's text under the last entry is not that section's.
    """
    menu: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if _MENU_ENTRY.match(line):
            run.append(index)
            continue
        if not line.strip() and run and index + 1 < len(lines) and _MENU_ENTRY.match(lines[index + 1]):
            continue  # a blank line between two entries
        # the menu stands apart: no other list item right before or after it (MedPath's "- Conditions" /
        # "- Hepatocellular Carcinoma" / "- Interventions" go on with "- Biological: CIK Cell")
        apart = not _BULLETED.match(line) and (run[:1] == [0] or not _BULLETED.match(lines[run[0] - 1])) if run else False
        if len(run) >= 3 and apart and not _lists_values([lines[i] for i in run]):
            menu.update(run)
        run = []
    return menu


_BULLETED = re.compile(r"^\s*[-*•]\s")
#: A Markdown heading: "## Citation".
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+\S")


def _lists_values(entries: list[str]) -> bool:
    """Whether bulleted short lines are labels and their values rather than a menu: a number among them, or a value
    of the label before it (MedPath's "- Status" / "- COMPLETED" / "- Sex" / "- All" / "- Target Recruitment" / "- 55").
    """
    names = [strip_bullet(entry) for entry in entries]
    if any(re.search(r"\d", name) for name in names):
        return True
    for label, value in zip(names, names[1:]):
        name = _KEYS.get(_key(label))
        if name in _CLOSED and _CLOSED[name](value):
            return True
    return False


#: A bilingual record's language tag, alone on its line before each version of a value: "Public title:" / "en" / "Clinical
#: study to assess ..." / "pt-br" / "Estudo Clinico para ..." (ensaiosclinicos.gov.br, the Brazilian register ReBEC).
#: The English version is the value; the tag is none, and the other versions are left unread.
_LANGUAGE_TAG = re.compile(r"(?i:en|pt|es|fr|de|it|nl|zh|ja|ko|ru|ar|fa|tr)(?:-[A-Za-z]{2,4})?")
_ENGLISH_TAGS = frozenset({"en", "en-us", "en-gb"})


#: A colon inside a line, after a word: the end of a label written inside a line ("… on March 22. Brief Summary: The study
#: is …", "Study Type: Interventional Condition: Breast Cancer Intervention: Biological: …").
_INLINE_COLON = re.compile(r"(?<=[A-Za-z]):(?=\s)")


#: The rule row of a Markdown table, cells of dashes between pipes ("---|---|" under "Primary Outcome | Safety |",
#: rctportal.niph.go.jp); a rule of dashes alone ("---") is no table's.
#: (Matched on the stripped line: no run of spaces two patterns can share, which made a line of spaces quadratic.)
_TABLE_RULE = re.compile(r"\|?(?::?-{3,}:?\s*\|\s*)+(?::?-{3,}:?)?")


#: Fields whose labels inside a line cut nothing: none of the table's, one the reader leaves unread, and the endpoints a
#: description states in its text ("Primary end point: To determine the rate of overall survival … Secondary end point:
#: …", read from the description by sentence; ignite-sd.com NCT05333705).
_NOT_INLINE = {None, "other", "primary_outcomes", "secondary_outcomes"}


#: How far before a colon the words of a label written inside a line may start (five words of a label are fewer).
_LABEL_REACH = 200


def _inline_labels(line: str) -> list[tuple[int, str]]:
    """Where each label of the table written inside a line starts, and the label: the longest run of one to five
    capitalised-first words before a colon that the table knows (:data:`_NOT_INLINE` aside).
    """
    found: list[tuple[int, str]] = []
    for colon in _INLINE_COLON.finditer(line):
        # the words just before the colon, in a window of their own: the whole line before each colon made a line of
        # colons quadratic (4,000 "a: " took 1.3 s)
        start = max(0, colon.start() - _LABEL_REACH)
        before = line[start:colon.start()]
        words = list(re.finditer(r"\S+", before))
        if start and words and words[0].start() == 0 and not line[start - 1].isspace():
            words = words[1:]  # a word the window cuts into
        for word in words[-5:]:
            label = before[word.start():]
            if start + word.start() > 0 and label[:1].isupper() and _KEYS.get(_key(label)) not in _NOT_INLINE:
                found.append((start + word.start(), label))
                break
    return found


def inline_fields(lines: list[str]) -> list[str]:
    """The lines of a page, a line that runs a registry's fields together cut before each label of the table: a line
    holding three labels of several words ("Brief Summary:", "Study Start Date:", "Study Type:"), as a syndicated news
    item copies a registry record onto one line (info.shine.com NCT03093350). A line with fewer is a sentence's.

    >>> inline_fields(["U.S. -- The registry received the study on March 22. Brief Summary: The study is being "
    ...                "conducted in patients. Study Start Date: Study Type: Interventional Condition: Breast Cancer "
    ...                "Intervention: Biological: TAA-specific CTLs"])[1:]
    ['Brief Summary: The study is being conducted in patients.', 'Study Start Date:', 'Study Type: Interventional', \
'Condition: Breast Cancer', 'Intervention: Biological: TAA-specific CTLs']
    >>> inline_fields(["Patients: adults. Study Type: none given here."])
    ['Patients: adults. Study Type: none given here.']
    """
    result: list[str] = []
    for line in lines:
        labels = _inline_labels(line) if len(line) > 80 else []
        if len([label for _, label in labels if " " in label]) < 3:
            result.append(line)
            continue
        cuts = [start for start, _ in labels]
        starts = [0, *cuts]
        result += [part for part in (line[a:b].strip() for a, b in zip(starts, [*cuts, len(line)])) if part]
    return result


#: CTRI's flag of a changed field, alone on its line between the field's label and its value ("Public Title of Study" /
#: "Modification(s)" / "A clinical trial to study …", ctri.nic.in's view with changes marked).
_CHANGE_FLAG = re.compile(r"[ \t]*Modification\(s\)[ \t]*")


@dataclass
class Reading:
    """What the generic reader found on a page, and what it left unread."""

    sections: dict[str, list[str]] = field(default_factory=dict)
    unread: list[str] = field(default_factory=list)
    #: The section the page breaks off in, when it stops mid-sentence with no final line
    #: break (a partial download, a copied excerpt): its last item is a fragment.
    cut_off: str | None = None


@lru_cache(maxsize=8)
def reading(text: str) -> Reading:
    """Cut a page at the labels of :data:`LABELS`; lines before any label, or under a label
    of a field the reader does not use, are unread.

    Cached: the readers that claim a page and the one that reads it all ask for the same
    reading of the same text (callers must not change it).
    """
    result = Reading()
    current: str | None = None
    lines = text.split("\n")
    for start, end, cells in reversed(header_row_lines(lines)):
        lines[start:end] = cells  # a one-row table: its cells as "Label: value" lines
    lines = unglued_lines(lines)  # "…临床研究Public title:": a bilingual record's labels glued to the line before
    lines = trailing_labels(lines)  # "… in Tehran Participants/Inclusion and exclusion criteria": an IRCT protocol's PDF
    lines = inline_fields(lines)  # "… on March 22. Brief Summary: … Study Type: Interventional Condition: …"
    spaced, glued = _writes_spaced_labels(lines), _writes_glued_labels(lines)
    # a page that writes each field's value in lower case on its label's line: a line under such a field is none of its
    # ("Primary purpose supportive care" / "mage-a4 tcr gene-modified t cells" / "The study consists of a 2-dose
    # escalation scheme, and the patient receives twice in each dose …", smartpatients.com's "Study Design")
    lower = _writes_lower_values(lines)
    colon_glued = _writes_colon_glued_labels(lines)
    whole = False  # the current field's value was whole on its label's line
    menu = _menu_lines(lines)
    # the values under Chinese labels, apart: a field the page labels in English too keeps the English label's value
    chinese: dict[str, list[str]] = {}
    into = result.sections  # the sections the current label's lines go to
    other_language = False  # under a language tag other than English, until the next label
    for index, line in enumerate(lines):
        if _CHANGE_FLAG.fullmatch(line):
            continue  # CTRI's flag that a field changed, between its label and its value: no value
        tag = _LANGUAGE_TAG.fullmatch(line.strip()) if len(line) <= 8 else None
        if tag:
            other_language = tag.group(0).lower() not in _ENGLISH_TAGS
            continue
        if line.strip() in _KOREAN_TAGS and current in ("title", "official_title"):
            other_language = not _KOREAN_TAGS[line.strip()]  # CRIS's "국문" (Korean) / "영문" (English) under a title
            continue
        name, value, in_chinese = _line_label(line, spaced, glued, lower) if index not in menu else (None, None, False)
        if name:
            other_language = False
            into = chinese if in_chinese else result.sections
        elif other_language:
            continue
        if name and current in _SUMMARY_FIELDS and _PDQ_PART.match(line):
            name = None  # "PURPOSE: This phase I/II trial is studying …" goes on the NCI's summary, it is no design field
        if not name and current == "brief_summary" and _DESCRIPTION_HEADING.match(line):
            name = "detailed_description"  # the summary's own "Description:" (an outcome's is under its measure)
        if name:
            current = None if name == "other" else name
            whole = lower and bool(value) and name not in _LIST_FIELDS | _SUMMARY_FIELDS
            if current:
                into.setdefault(current, [])
                if value:
                    into[current].append(value)
            elif line.strip():
                result.unread.append(fold(line))
        elif not line.strip(" |") or line.lstrip()[:1] in "|-:" and _TABLE_RULE.fullmatch(line.strip()):
            continue  # (a Markdown table's rule row, "---|---|" under a row, holds no text of the field above it)
        elif _MARKDOWN_HEADING.match(line) and current not in _LIST_FIELDS:
            # a Markdown heading the table does not know ends the section before it: "## Primary source", "## Citation"
            # after "## Collaborators" (api.ai-analytics.org NCT03779711) are no collaborators
            current = None
            result.unread.append(fold(line))
        elif current and whole:
            current = None
            result.unread.append(fold(line))
        elif current and (current in _LIST_FIELDS or not into[current]
                          or not (_UNKNOWN_LABEL.match(line) or colon_glued and _COLON_GLUED.match(line))
                          or current == "interventions" and _typed_item(line)
                          or current in _SUMMARY_FIELDS and _PDQ_PART.match(line)):
            # A table cell keeps its text, not the "|" around it.
            into[current].append(line.strip().strip("|").rstrip() if "|" in line else line)
        else:
            current = None  # an unknown label ends the field before it
            result.unread.append(fold(line))
    for name, values in chinese.items():
        if not result.sections.get(name):
            result.sections[name] = values
    if current and not text.endswith("\n") and not re.search(r"[.!?;:)\]]\s*$", text):
        result.cut_off = current
    return result
