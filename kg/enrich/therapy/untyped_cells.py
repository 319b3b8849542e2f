"""Cells given that have no cell-type token: mesenchymal stromal, dendritic, amnion epithelial, cord-blood and adipose cells,
macrophages.

Their products have no cell type but a kind of their own (``CellProduct.kind``), read from the words that name them.
"""

from __future__ import annotations

import re

from kg.enrich.therapy.giving_cues import _EVALUATED_OF, _GIVING_BEFORE, _GIVING_CUE, _GIVING_REACH, _IN_PATIENTS
from kg.enrich.therapy.text import Passage
from kg.model.records import TrialRecord

__all__: list[str] = []  # the names here are the package's own

#: Cells given as a therapy of a kind the contract has no cell-type token for: mesenchymal stromal or stem cells, dendritic
#: cells, amnion epithelial cells, cells derived from cord blood, adipose-derived stem cells. (Capitals only for the
#: abbreviations: "MSc" is a degree.)
_UNTYPED_KINDS: list[tuple[str, str]] = [
    # a product's letters glued to the cells' name: "iMesenchymal Stromal Cells(iMSC)" (ctv.veeva.com NCT06321198), "20
    # million allo-hMSCs/kg" (meddatax.com NCT02065245)
    # (and the Italian and Spanish spelling an English text may keep: "Intraarticular injection of 2×10~7 Umbilical-cord
    # mesenchimal stem cells with plateler Rich Plasma(5ml)", clinicaltrials.gov NCT03166865)
    ("mesenchymal-stromal-cells", r"(?:\b|(?-i:\b[a-z]{1,2}(?=M)))mesench[yi]mal\s+(?:stromal|stem)\s+cells?\b"
                                  r"|(?-i:\b[a-z]{0,2}MSCs?\b)"),
    ("dendritic-cells", r"\bdendritic[- ]cells?\b"),
    ("amnion-epithelial-cells", r"\b(?:human\s+)?amnion(?:ic)?\s+(?:epithelial\s+|stem\s+)?cells?\b|(?-i:\bhAECs?\b)"),
    # "Autologous Umbilical Cord Blood Derived Mononuclear Cells", "Autologous (self) mononuclear cells derived from
    # umbilical cord blood" (api.ai-analytics.org NCT03779711)
    ("cord-blood-derived-cells", r"\bcord\s+blood[- ]derived\s+(?:mononuclear\s+)?cells?\b"
                                 r"|\bmononuclear\s+cells?\s+derived\s+from\s+(?:umbilical\s+)?cord\s+blood\b|(?-i:\bUCBCs?\b)"),
    # Stem or stromal cells named by the tissue they are grown from are mesenchymal stromal cells, one product however a
    # page words them: the umbilical cord's (its tissue, not its blood), "stem cells from donated umbilical cords", "human
    # umbilical cord-derived mesenchymal stem cells" (curemydisease.com NCT03186456) beside "umbilical cord blood-derived
    # mesenchymal stem cells" (meddatax.com NCT07212335); fat's, "adipose-derived mesenchymal stem cells" beside
    # "mesenchymal stem cells" (clincosm.com NCT05017298).
    ("mesenchymal-stromal-cells", r"\bumbilical[- ]cord[- ]derived\s+(?:mesenchymal\s+)?(?:stem|stromal)\s+cells?\b"
                                  r"|\b(?:stem|stromal)\s+cells?\s+(?:derived\s+)?from\s+(?:\w+\s+){0,2}?umbilical\s+cords?\b"
                                  r"(?![- ]blood)"),
    ("mesenchymal-stromal-cells", r"\badipose[- ]derived\s+(?:mesenchymal\s+)?(?:stem|stromal)\s+cells?\b"),
    # the mononuclear cells of the bone marrow given as a therapy: "Intervention(s) Biological: Intrathecal autologous bone
    # marrow mononuclear cell transplantation", "Autologous Bone Marrow Mononuclear Cell Therapy in Cerebral Palsy" (WHO
    # ICTRP NCT02241395); not a bone marrow transplant
    ("bone-marrow-mononuclear-cells", r"\bbone[- ]marrow[- ](?:derived\s+)?mononuclear\s+cells?\b|(?-i:\bBM-?MNCs?\b)"),
    # mononuclear cells named by their letters and a prefix of what they are or come from, given: "Intervention: injection
    # of E-MNC to the submandibular gland" (rctportal.niph.go.jp jRCTb070190057, effective mononuclear cells)
    ("mononuclear-cells", r"(?-i:\b[A-Z]{1,3}-MNCs?\b)"),
    ("adipose-derived-cells", r"\badipose[- ]derived\s+regenerative\s+cells?\b"),
    # cells grown into a sheet to be implanted: "Allogeneic cell sheet implantation on cartilage defects", "allogeneic
    # chondrocyte sheets" (rctportal.niph.go.jp jRCTa030240663), "Chondrocyte sheets are fabricated using
    # temperature-responsive culture dish, and to be transplanted to the cartilage defect" (umin.ac.jp UMIN000006650);
    # not a data or information sheet
    ("cell-sheets", r"\b(?:chondrocyte|cell)\s+sheets?\b"),
    # stem cells selected by their CD34 or CD133 marker, given: "repeated autologous infusions of granulocyte colony
    # stimulating factor (GCSF) mobilised CD133+ bone marrow stem cells" (isrctn.com ISRCTN91288089), "intra-carotid
    # arterial transfusion of autologous peripheral blood-derived stem cell/progenitor cell (CD34+) therapy" (WHO ICTRP
    # ISRCTN15677760); not "CD34+ cells/kg", a graft's count, nor "the CD34+ stem cell graft" of a transplant; the donor
    # word may stand between, and the transplant be into the tissue the cells treat: "the effects of CD133+ autologous
    # stem cells transplantation in and around asynergic non-viable left ventricular (LV) segments" (isrctn.com
    # ISRCTN71717097), not a stem cell transplantation in patients
    ("cd34-cd133-stem-cells", r"(?-i:\bCD(?:34|133)\+)\s*(?:(?:autologous|allogeneic)\s+)?"
                              r"(?:(?:bone\s+marrow|peripheral\s+blood)\s+)?(?:stem|progenitor)\s+cells?\b"
                              r"(?![- ]?(?:grafts?|transplant\w*(?!\s+(?:into|in\s+and\s+around)\s)|dose|counts?)\b)"
                              r"|\bstem\s+cells?\s*/\s*progenitor\s+cells?\s*\((?-i:CD(?:34|133))\+\)"),
    # cells of the bone marrow named by it alone: "safety and efficacy of Bone marrow derived autologous cells for the
    # treatment of Acute Paraplegia" (ctri.nic.in CTRI/2013/10/004099)
    ("bone-marrow-derived-cells", r"\bbone[- ]marrow[- ]derived\s+(?:autologous\s+|allogeneic\s+)?cells\b"),
    # lymphocytes activated to be given, of no one cell type by the words, named with the giving: "immune-cell therapy
    # using activated lymphocytes" (umin.ac.jp UMIN000035608), "infusion of activated lymphocytes"; not the lymphocytes a
    # text counts ("activated lymphocytes in the peripheral blood were counted before and after infusion of …")
    ("activated-lymphocytes", r"\b(?:therapy|treatment)\s+(?:using|with)\s+(?:autologous\s+)?activated\s+lymphocytes?\b"
                              r"|\b(?:infusions?|injections?|transfer)\s+of\s+(?:autologous\s+)?activated\s+lymphocytes?\b"),
    # macrophages made into a product: "adenovirally transduced anti-HER2 CAR macrophages", "a HER2-directed chimeric
    # antigen receptor macrophage (CAR-M)" (an OncLive interview, NCT04660929); not the macrophages a text measures or a
    # disease is named for ("tumor-associated macrophages", "macrophage activation syndrome")
    ("macrophages", r"(?-i:\bCAR[- ]?Ms?\b)|\b(?:CAR|chimeric\s+antigen\s+receptor)[- ]macrophages?\b"
                    r"|\b(?:engineered|transduced|modified|autologous|allogeneic|monocyte[- ]derived)\s+(?:[\w-]+\s+){0,2}?"
                    r"macrophages\b(?!\s+(?:activation|colony|polari[sz]ation|infiltration))"),
    # killer cells named by what activated them, neither NK nor T cells by the text's words: "intracavitary interleukin-2
    # plus autologous lymphokine-activated killer cells" (knowcancer.com NCT00003067), "aldesleukin-stimulated
    # lymphokine-activated killer cells", "LAK cells" (knowcancer.com NCT00331526)
    ("lymphokine-activated-killer-cells", r"\blymphokine[- ]activated\s+killer\s+(?:\(LAK\)\s+)?(?:cells?|\(LAK\))"
                                          r"|(?-i:\bLAK)\s+cells?\b"),
]
_UNTYPED_CELLS = re.compile("|".join(pattern for _, pattern in _UNTYPED_KINDS), re.IGNORECASE)
#: The kind of each match of _UNTYPED_CELLS (the first kind whose pattern gives the whole match).
_UNTYPED_KIND = [(kind, re.compile(rf"(?:{pattern})$", re.IGNORECASE)) for kind, pattern in _UNTYPED_KINDS]
#: "Mesenchymal Stromal Cells to Treat Steroid-refractory Graft Versus Host Disease" (ACTRN12610000068066): cells given
#: to treat a disease.
#: (or "for the treatment of": "Bone marrow derived autologous cells for the treatment of Acute Paraplegia", ctri.nic.in
#: CTRI/2013/10/004099)
_TO_TREAT = re.compile(r"^[^.;]{0,20}?\b(?:to\s+treat|for\s+the\s+treatment\s+of)\b", re.IGNORECASE)
#: Cells named as the vaccine given: "PROSPECTIVE, PHASE II CLINICAL TRIAL TO EVALUATE EFFICACY AND SAFETY OF AUTOLOGOUS
#: DENDRITIC CELL VACCINATION IN GLIOBLASTOMA MULTIFORME PATIENTS" (clinicaltrialsregister.eu 2009-009879-35), "dendritic
#: cell vaccine"; not a vaccine's effect on cells ("vaccination increased dendritic cells").
_AS_VACCINE = re.compile(r"^[- ]?vaccin(?:e|es|ation|ations)\b", re.IGNORECASE)


#: Cells transplanted into the tissue they treat are given: "CD133+ autologous stem cells transplantation in and around
#: asynergic non-viable left ventricular (LV) segments" (isrctn.com ISRCTN71717097); not "stem cell transplantation in
#: patients with …", a transplant of the blood-forming cells.
_INTO_TISSUE = re.compile(r"[- ]?transplant\w*\s+(?:into|in\s+and\s+around)\s", re.IGNORECASE)


def _kind_of(cells: str) -> str:
    """The kind of cells without a cell-type token a match of _UNTYPED_CELLS names."""
    return next(kind for kind, pattern in _UNTYPED_KIND if pattern.match(cells))


#: Words (lowercase) one of which _UNTYPED_CELLS needs.
_UNTYPED_WORDS = ("mesenchymal", "mesenchimal", "marrow mononuclear", "marrow-mononuclear", "bm-mnc", "bmmnc", "-mnc", "msc",
                  "dendritic", "amnion", "haec", "cord blood", "ucbc", "adipose", "umbilical", "macrophage", "car-m", "car m",
                  "lymphokine", "lak cell", "activated lymphocyte", "cd34+", "cd133+", "marrow derived", "marrow-derived",
                  "cell sheet", "chondrocyte sheet")


def _names_untyped(record: TrialRecord) -> bool:
    texts = [record.title, record.official_title, record.brief_summary, record.detailed_description,
             *(text for i in record.interventions for text in (i.name, i.description)),
             *(text for a in record.arms for text in (a.label, a.description))]
    lowered = " ".join(text for text in texts if text).lower()
    return any(word in lowered for word in _UNTYPED_WORDS)


def _group_gives_untyped(passage: Passage) -> bool:
    """A sentence of a group's description that gives what the group's name says are cells without a cell-type token:
    "MSCs treatment group" / "Intralesional injection of expanded human umbilical cord-deri" (meddatax.com NCT06429241,
    the description cut by the page); not a group named so whose description gives nothing ("MSC group" / "Follow-up
    only").
    """
    return (passage.place == "arm" and bool(passage.arm) and bool(_UNTYPED_CELLS.search(passage.arm))
            and bool(_GIVING_CUE.search(passage.text)))


def _gives_untyped(sentence: str) -> bool:
    return any(_GIVING_CUE.search(sentence, max(0, m.start() - _GIVING_REACH), m.end() + _GIVING_REACH)
               or _GIVING_BEFORE.search(sentence[max(0, m.start() - 40): m.start()].rsplit(" and ", 1)[-1])
               or _TO_TREAT.search(sentence[m.end():]) or _AS_VACCINE.match(sentence[m.end():])
               or _INTO_TISSUE.match(sentence, m.end())
               # evaluated in patients, as cells of a type are: "to verify the safety and efficacy of allogeneic
               # mesenchymal stem cells from healthy donors in RRI patients" (meddatax.com NCT05939778)
               or (_EVALUATED_OF.search(sentence[max(0, m.start() - 80): m.start()])
                   and _IN_PATIENTS.match(sentence, m.end(), m.end() + 80))
               for m in _UNTYPED_CELLS.finditer(sentence))
