"""The cell product of a trial: cell type, donor, tissue, manufacture, infusions and doses.

Each attribute is read from the sentences that speak of the cells themselves, and from
the donor's eligibility criteria for where the cells come from; nothing is guessed.
"""

from __future__ import annotations

import re

from kg.enrich.therapy.quantities import cell_doses
from kg.enrich.therapy.schedules import infusion_count
from kg.enrich.therapy.text import Passage, donor_clauses
from kg.model.records import CellProduct, DoseLevel, TrialRecord

__all__ = ["CELL_TYPES", "cell_products"]

#: Cell types, most specific first; a text that matches a CAR-NK pattern is not also plain NK.
CELL_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("CAR_NK", re.compile(r"(?:\bCAR\b|chimeric antigen receptor)(?:[^.;]|\.(?=\S)){0,60}?\b(?:NK|natural killer)\b"
                          r"|\b(?:NK|natural killer)\b[^.;]{0,40}?\b(?:engineered|transduced|modified|expressing|express)\b"
                          r"[^.;]{0,40}?(?:\bCAR\b|chimeric antigen receptor)", re.IGNORECASE)),
    ("CAR_T", re.compile(r"\bCAR[- ]?T\b|chimeric antigen receptor[^.]{0,40}?\bT[- ]cells?\b", re.IGNORECASE)),
    ("CIK", re.compile(r"\bcytokine[- ]induced killer\b|\bCIK\b", re.IGNORECASE)),
    ("NKT", re.compile(r"\bNKT\b|\bnatural killer T\b|\bNK[- ]T cells?\b", re.IGNORECASE)),
    ("NK", re.compile(r"\bnatural killer\b|(?<![-\w])atural killer\b|\bNK(?:-92)?\b(?![- ]?T\b)|\bNK-?cells?\b",
                      re.IGNORECASE)),
]

_HAPLO = re.compile(r"\bhaplo-?identical\b|\bhaploid\b|\bhaplo\b", re.IGNORECASE)
_AUTOLOGOUS = re.compile(r"\bautologous\b", re.IGNORECASE)
_ALLOGENEIC = re.compile(r"\ballogen(?:e)?ic\b|\bdonors?\b|\bdonated\b|\bdonor-derived\b|\bthird[- ]party\b"
                         r"|\bunrelated\b", re.IGNORECASE)
_TISSUES: list[tuple[str, re.Pattern[str]]] = [
    ("PERIPHERAL_BLOOD", re.compile(r"\bperipheral blood\b|\bPBMCs?\b|\b(?:leuk(?:ocyt)?)?apheresis\b|\bPB-NK\b",
                                    re.IGNORECASE)),
    ("UMBILICAL_CORD_BLOOD", re.compile(r"\bcord blood\b|\bUCB\b|\bCB-(?:derived|NK)\b|\bCB\b(?=\s+units?\b)",
                                        re.IGNORECASE)),
    ("BONE_MARROW", re.compile(r"\bbone marrow[- ]derived\b|\bharvested from (?:the )?bone marrow\b", re.IGNORECASE)),
    ("CELL_LINE", re.compile(r"\bNK-92\b|\bNK[- ]cell line\b|\bKHYG-1\b", re.IGNORECASE)),
    ("IPSC", re.compile(r"\biPSCs?\b|\binduced pluripotent\b", re.IGNORECASE)),
    ("PLACENTA", re.compile(r"\bplacenta(?:l)?\b", re.IGNORECASE)),
]
_NOT_EXPANDED = re.compile(r"\bnon-?expanded\b|\bunexpanded\b|\bnot (?:been )?expanded\b|\bwithout (?:ex vivo )?expansion\b"
                           r"|\bunmanipulated\b", re.IGNORECASE)
_EXPANDED = re.compile(r"\bex[- ]vivo\b|\bin[- ]vitro\b|\bexpand(?:ed|ing)\b|\bexpansion\b|\bcultur(?:e|ed|ing)\b"
                       r"|\bgenerated from\b|\bdifferentiated\b|\bmanufactured\b", re.IGNORECASE)
#: "Expansion" that is about the study, not the cells.
_STUDY_EXPANSION = re.compile(r"\b(?:dose|cohort)[- ]expansion\b|\bexpansion (?:cohort|phase|part|stage)s?\b"
                              r"|\bin vivo expansion\b|\bexpansion in vivo\b|\bexpanded access\b"
                              r"|\bhomeostatic\s+(?:\S+\s+){0,3}?expansion\b", re.IGNORECASE)
_NOT_MODIFIED = re.compile(r"\bnon-?genetically[- ]modified\b|\bnot genetically (?:modified|engineered)\b"
                           r"|\bwithout genetic modification\b|\bunmodified\b", re.IGNORECASE)
_MODIFIED = re.compile(r"\bgenetically (?:modified|engineered)\b|\bgene[- ](?:modified|edited|engineered)\b"
                       r"|\btransduc(?:ed|tion)\b|\bCRISPR\b|\bknock-?out\b|\bengineered to express\b", re.IGNORECASE)
_FEEDER = re.compile(r"\bfeeder\s+(?:cells?\s+|cell line\s+)?(?:of\s+|:\s*|\()?(?P<after>[A-Z0-9][\w.+-]*[\w+])"
                     r"|(?P<before>[A-Z0-9][\w.+-]{0,60}[\w+])\s+(?:feeder|feeders)\b")  # bounded: no cell line is longer
_K562 = re.compile(r"\bK562[\w.+-]*[\w+]")
_STARTING_MATERIAL = re.compile(r"\bCD34\+\s*(?:hematopoietic\s+|haematopoietic\s+)?(?:stem\s+and\s+)?"
                                r"(?:progenitor|stem)\s+cells\b|\bCD34\+ cells\b", re.IGNORECASE)


#: Words (lowercase) each cell-type pattern needs, one of each group: text without them is not
#: scanned (a CAR-NK product is named with both a CAR and NK cells; "car" alone is in "care").
_CELL_TYPE_NEEDS = {"CAR_NK": (("car", "chimeric antigen receptor"), ("nk", "natural killer")),
                    "CAR_T": (("car-t", "car t", "cart", "chimeric antigen receptor"),),
                    "CIK": (("cytokine", "cik"),), "NKT": (("nk", "natural killer"),), "NK": (("nk", "atural killer"),)}


def _cell_types(text: str) -> list[str]:
    found = []
    for token, pattern in CELL_TYPES:
        lowered = text.lower()
        if not all(any(word in lowered for word in group) for group in _CELL_TYPE_NEEDS[token]):
            continue
        if pattern.search(text):
            found.append(token)
            text = pattern.sub(" ", text)
    # "CAR-NK cells (natural killer cells engineered ...)": what the CAR-NK match leaves is
    # the same product, not a second, plain NK one.
    return [token for token in found if not (token == "NK" and "CAR_NK" in found)]


def _first(pattern: re.Pattern[str], texts: list[str]) -> re.Match[str] | None:
    return next((m for m in (pattern.search(t) for t in texts) if m), None)


def cell_products(record: TrialRecord, passages: list[Passage]) -> list[CellProduct]:
    """The cell products the record describes in ``passages``, its therapy's sentences (one per cell type it gives)."""
    named = [p.text for p in passages[:1]] + [i.name for i in record.interventions]
    types = _cell_types(" ".join(named)) or _cell_types(" ".join(p.text for p in passages))
    products = []
    for cell_type in types:
        about = [p.text for p in passages if re.search(dict(CELL_TYPES)[cell_type], p.text)]
        products.append(_describe(cell_type, about, donor_clauses(record)))
    return products


def _describe(cell_type: str, about: list[str], donor_clauses: list[str]) -> CellProduct:
    product = CellProduct(cell_type=cell_type)
    sourced = about + donor_clauses
    if _first(_HAPLO, sourced):
        product.donor_types = ["HAPLOIDENTICAL"]
    else:
        product.donor_types += ["AUTOLOGOUS"] if _first(_AUTOLOGOUS, about) else []
        product.donor_types += ["ALLOGENEIC"] if _first(_ALLOGENEIC, sourced) else []
    product.tissue_sources = [token for token, pattern in _TISSUES if _first(pattern, sourced)]
    if product.tissue_sources and "UMBILICAL_CORD_BLOOD" in product.tissue_sources and not product.donor_types:
        product.donor_types = ["ALLOGENEIC"]  # cord blood is always another person's

    manufacture = [_STUDY_EXPANSION.sub(" ", text) for text in about]
    if _first(_NOT_EXPANDED, manufacture):
        product.ex_vivo_expanded = False
    elif _first(_EXPANDED, manufacture):
        product.ex_vivo_expanded = True
    if _first(_NOT_MODIFIED, about):
        product.genetically_modified = False
    elif cell_type in ("CAR_NK", "CAR_T") or _first(_MODIFIED, about):
        product.genetically_modified = True
    feeder = _first(_FEEDER, about) or _first(_K562, [t for t in about if _EXPANDED.search(t)])
    if feeder:
        product.feeder_cells = feeder.groupdict().get("after") or feeder.groupdict().get("before") or feeder.group(0)
    material = _first(_STARTING_MATERIAL, about)
    product.starting_material = material.group(0) if material else None

    product.infusions = next((n for n in map(infusion_count, about) if n is not None), None)
    doses: list[DoseLevel] = []
    for text in about:
        doses += [dose for dose in cell_doses(text) if dose not in doses]
    product.doses = doses
    return product
