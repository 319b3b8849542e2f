"""The names a record gives its cell product: a brand or code beside the words for its cells, or a registry entry.

A product named ("Prochymal®", "MG4101") lets the sentences that call it by its name, not by its cells, describe it.
"""

from __future__ import annotations

import re

from kg.enrich.therapy.cell_kinds import _unproduct
from kg.enrich.therapy.text import Passage, sentences
from kg.model.records import TrialRecord

__all__: list[str] = []  # the names here are the package's own

#: A product's own name beside the words for its cells: "ex-vivo cultured adult human mesenchymal stem cells (hMSCs)
#: (Prochymal®)" (ignite-sd.com NCT00136903), "ScTIL210(Super circulating tumor infiltrating lymphocytes)", "MG4101
#: (allogeneic natural killer cell)" (NCT02716571): a brand or code in brackets after them, or before the bracket they
#: stand in.
_NAME = r"[A-Za-z][\w-]{1,30}[®™]?"
#: (not a register's number: "NCT01234567, a phase 1 study of ...")
_NOT_A_NUMBER = r"(?!(?:NCT|ChiCTR|ISRCTN|ACTRN|CTRI|DRKS|EUCTR|KCT|JPRN|IRCT)\d)"
#: The name may be the code and the form the cells are given in, after that form: "autologous human polyclonal regulatory
#: T cell injection (NP001 cell injection)", "Biological: Autologous Human Polyclonal Regulatory T Cells Injection (NP001
#: Cell Injection)" (ctv.veeva.com NCT06671236), whose sentences then say "NP001 cell injection" alone.
_GIVEN_FORM = r"(?i:(?:cells?\s+)?(?:injections?|infusions?|products?|suspensions?))"
#: (and the word "cells" the kind's words leave after them: "Off-the-shelf Natural Killer (NK) Cells (SAR445419)",
#: ClinicalTrials.gov NCT05712278, whose pattern reads "Natural Killer" and "NK")
_NAMED_AFTER = re.compile(rf"\s*(?:{_GIVEN_FORM}\s*)?(?:\([^()]{{1,20}}\)\s*)?(?:(?i:cells?)\s*)?"
                          rf"\(\s*(?P<name>{_NAME})(?:\s+{_GIVEN_FORM})?\s*\)")
_NAMED_BEFORE = re.compile(rf"(?P<name>{_NAME})\s*\(\s*(?:[\w-]+\s+){{0,6}}$")
_CLOSED_AFTER = re.compile(r"[^()]{0,40}?\)")
#: The product's name set before the words for it, as news items write it: "evaluating AlloNK (AB-101), an investigational
#: allogeneic natural killer (NK) cell therapy" (cgtlive.com NCT06265220); not a register's number ("NCT01234567, a phase 1
#: study of ...")
_NAMED_BEFORE_APPOSED = re.compile(rf"(?<![\w-]){_NOT_A_NUMBER}"
                                   rf"(?P<name>{_NAME})\s*(?:\([^()]{{1,20}}\)\s*)?,\s+an?\s+(?:[\w-]+\s+){{0,4}}$")
#: The product's name as the subject of the sentence that says what it is, as news items open: "TVGN-489 is an
#: investigational allogeneic cytotoxic CD8+ T lymphocyte therapy" (cgtlive.com NCT04765449); a few words between, and
#: not a register's number
_NAMED_SUBJECT = re.compile(rf"(?:^|(?<=[\s\"“(])){_NOT_A_NUMBER}"
                            rf"(?P<name>{_NAME})\s+(?:is|are)\s+an?\s+(?:[\w+-]+\s+){{0,6}}$")
#: The product's name set after the words for its kind of therapy, as news items write it: "the autologous
#: tumor-infiltrating lymphocyte (TIL) cell therapy lifileucel (LN-145; Amtagvi)" (join.targetedonc.com NCT04614103)
_NAMED_APPOSED = re.compile(rf"\)?\s*(?:\([^()]{{1,20}}\)\s*)?(?:cells?\s+)?therapy\s+(?P<name>{_NAME})(?![\w-])")
#: Words a registry's entry of a product may be named that are no name of it.
_GENERIC_NAMES = frozenset({"treatment", "therapy", "infusion", "injection", "cells", "product", "intervention", "experimental",
                            "control", "placebo", "biological", "immunotherapy", "transplant", "transplantation", "standard"})
#: What a product does to cells its entry's description names, which are then not it: "activates NK cells".
_ACTS_ON = re.compile(r"\b(?:activat|stimulat|enhanc|target|bind|block|inhibit|recruit|engag|redirect|deplet|induc|boost"
                      r"|increas|mobiliz|kill|attack|recogni[sz])\w*|\bagainst\b", re.IGNORECASE)


#: Words in brackets that look like a code but say something of the cells: a marker ("CD8", "CD3-"), an HLA type, a
#: cytokine ("IL-2"), a numbered group or day.
_NOT_A_NAME = re.compile(r"(?:CD\d+|HLA|IL-?\d|day|dose|arm|group|cohort|phase|level|step|part)[\w-]*",
                         re.IGNORECASE)


def _looks_like_a_name(token: str) -> bool:
    """A word that names a product rather than says something: marked as a brand ("Prochymal®"), a code ("MG4101",
    "ScTIL210", "hMSCs"), or a cell therapy's international name ("lifileucel", "remestemcel-L").
    """
    bare = token.rstrip("®™")
    if len(bare) < 3 or _NOT_A_NAME.fullmatch(bare):
        return False
    return (bare != token or any(c.isdigit() for c in bare) or bool(re.search(r"[a-z][A-Z]", bare))
            or bool(re.search(r"cel(?:-[A-Z])?$", bare, re.IGNORECASE)))


def _product_names(passages: list[Passage], patterns: list[re.Pattern[str]], record: TrialRecord) -> list[str]:
    """The names a record gives its product: in brackets beside the words for its cells, and the registry's entry of a
    biological or genetic intervention that says it is these cells ("Biological: ScTIL210", described "... tumor
    infiltrating lymphocytes"): its name, where that is one word.
    """
    names: list[str] = []
    for passage in passages:
        if "(" not in passage.text and " is a" not in passage.text and " are a" not in passage.text:
            continue
        text = _unproduct(passage.text)
        for pattern in patterns:
            for match in pattern.finditer(text):
                after = _NAMED_AFTER.match(text, match.end()) or _NAMED_APPOSED.match(text, match.end())
                before = _NAMED_BEFORE.search(text, max(0, match.start() - 80), match.start())
                names += [found.group("name") for found in (after, before if before and _CLOSED_AFTER.match(text, match.end())
                                                                    else None) if found and _looks_like_a_name(found.group("name"))]
                apposed = (_NAMED_BEFORE_APPOSED.search(text, max(0, match.start() - 80), match.start())
                           or _NAMED_SUBJECT.search(text, max(0, match.start() - 80), match.start()))
                if apposed and _looks_like_a_name(apposed.group("name")):
                    names.append(apposed.group("name"))
    for intervention in record.interventions:
        if intervention.type not in ("BIOLOGICAL", "GENETIC"):
            continue
        name = re.sub(r"\s*\([^()]*\)", " ", intervention.name).strip().rstrip("®™")
        if not re.fullmatch(r"[A-Za-z][\w-]{2,30}", name) or name.lower() in _GENERIC_NAMES:
            continue
        if _defines(intervention.description or "", patterns):
            names.append(name)
    return list(dict.fromkeys(name.rstrip("®™") for name in names))


#: A name the text says is made from cells collected for it: "white blood cells will be taken during leukapheresis for the
#: manufacture of the IMA203 product", "IMA203 product will be made from the patient's white blood cells"
#: (clinicaltrials.gov NCT03686124, whose cells are named only in "the T-cell infusion"): a cell product's name.
_CELLS = r"(?:cells|blood|lymphocytes|PBMCs?|leuka?pheresis\s+products?)"
_MADE_NAMED = re.compile(rf"(?<![\w-])(?P<made>{_NAME})(?:\s+(?:cell\s+)?products?)?\s+(?:will\s+be|is|are)\s+"
                         rf"(?:made|manufactured|produced|generated|prepared|derived)\s+from\s+(?:[\w'’-]+\s+){{0,3}}?{_CELLS}\b"
                         rf"|\b{_CELLS}\b[^.;]{{0,60}}?\b(?:taken|collected|drawn|harvested|obtained|removed)\b[^.;]{{0,60}}?"
                         rf"\bfor\s+(?:the\s+)?(?:manufactur\w*|production|generation|preparation|making)\s+of\s+(?:the\s+)?"
                         rf"(?P<made_for>{_NAME})(?![\w-])", re.IGNORECASE)


def _made_names(passages: list[Passage]) -> list[str]:
    """The names the sentences say are made from cells collected for them (asked of a trial of one kind of cells)."""
    found = [m.group("made") or m.group("made_for") for p in passages if "from" in p.text or " for " in p.text
             for m in _MADE_NAMED.finditer(p.text)]
    return list(dict.fromkeys(name for name in found if _looks_like_a_name(name)))


def _defines(description: str, patterns: list[re.Pattern[str]]) -> bool:
    """Whether an entry's description opens by saying which cells it is ("Super circulating tumor infiltrating
    lymphocytes ...", "ex vivo cultured adult human mesenchymal stem cells"), not what it does to cells.
    """
    first = sentences(description)[:1]
    if not first:
        return False
    text = _unproduct(first[0])
    found = [m for pattern in patterns for m in [pattern.search(text)] if m and m.start() <= 100]
    return bool(found) and not _ACTS_ON.search(text, 0, min(m.start() for m in found))


def _names_pattern(names: list[str]) -> re.Pattern[str] | None:
    """Where a text names the product by one of its names."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])", re.IGNORECASE) if names else None


#: A registry entry named by a CAR product's code: "Biological: SCRI-CAR22v2" ("Single infusion of SCRI-CAR22v2",
#: ClinicalTrials.gov NCT04571138, whose titles name "CD22-Specific CAR T Cells"), "CART22", "CAR33": "CAR" in capitals,
#: not glued to a letter before it, then the target's number (not "Drug: Carboplatin", nor "Biological: AFM13", an
#: antibody given beside the cells).
_CAR_CODE = re.compile(r"(?<![A-Za-z])CAR-?(?:T|NK)?-?\d")
_ONE_WORD_CODE = re.compile(r"[A-Za-z][\w-]{2,30}")


def _car_coded_names(record: TrialRecord) -> list[str]:
    """The one-word names of a record's biological or genetic interventions that are a CAR product's code (asked of a
    trial whose product is CAR T or CAR NK cells).
    """
    return [name for name in (i.name.strip() for i in record.interventions if i.type in ("BIOLOGICAL", "GENETIC"))
            if _ONE_WORD_CODE.fullmatch(name) and _CAR_CODE.search(name)]
