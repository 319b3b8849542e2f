"""Regimens given around the cell therapy: chemotherapy, lymphodepletion, GVHD prophylaxis,
premedication — named as the document names them, with their drugs.
"""

from __future__ import annotations

import re

from kg.enrich.therapy.text import Passage, negated
from kg.model.records import Regimen, TrialRecord
from kg.model.text import fold

__all__ = ["DRUGS", "regimens"]

#: Drugs of the regimens given with cell therapies (and their common abbreviations).
DRUGS = (r"fludarabine|cyclophosphamide|cytarabine|ara-?c|idarubicin|daunorubicin|mitoxantrone|etoposide|busulfan"
         r"|melphalan|treosulfan|thiotepa|bendamustine|decitabine|azacitidine|venetoclax|anthracyclines?|clofarabine"
         r"|methotrexate|tacrolimus|cyclosporine|ciclosporin|mycophenolate(?: mofetil)?|sirolimus|ATG|G-CSF"
         r"|antithymocyte globulin|flu|cy|ida|hd-ara-c|mesna|total body irradiation|TBI|MMF|PTCy")
_DRUG = rf"\b(?:{DRUGS})\b"
#: A list of drugs: "cyclophosphamide and fludarabine (Cy/Flu)", "Flu/Cy", "fludarabine, cytarabine, G-CSF".
_DRUG_LIST = rf"{_DRUG}(?:\s*(?:,|/|\+|and|plus|&)\s*{_DRUG})*(?:\s*\([^()]{{2,20}}\))?"

_GVHD = r"(?:acute\s+)?(?:GVHD|graft[- ]versus[- ]host[- ]disease(?:\s*\(\s*GVHD\s*\))?)"

_PATTERNS: list[tuple[str | None, re.Pattern[str]]] = [
    # "anthracycline-based chemotherapy": one drug class names the chemotherapy
    ("CHEMOTHERAPY", re.compile(rf"(?P<name>{_DRUG}-based\s+chemotherapy)\b", re.IGNORECASE)),
    # "cyclophosphamide and fludarabine (Cy/Flu) based lymphodepleting chemotherapy",
    # "busulfan and cyclophosphamide-based myeloablative conditioning regimen"
    (None, re.compile(rf"(?P<name>{_DRUG_LIST})(?:\s+|-)based\s+(?P<kind>lymphodeplet\w*|conditioning|preparative"
                      rf"|myeloablative|non-myeloablative|reduced[- ]intensity)?\s*(?:\w+\s+)?(?:chemotherapy|regimen)",
                      re.IGNORECASE)),
    # "post-transplant cyclophosphamide (PTCy) for GVHD prophylaxis", "tacrolimus and MMF as GVHD prophylaxis"
    ("GVHD_PROPHYLAXIS", re.compile(rf"(?P<name>(?:post-?transplant(?:ation)?\s+)?{_DRUG_LIST})\s+(?:for|as)\s+{_GVHD}\s+"
                                    rf"(?:prophylaxis|prevention)", re.IGNORECASE)),
    # "chemotherapy (cyclophosphamide, fludarabine)", "chemotherapy (Fludarabine and Cytarabine, with Venetoclax)"
    (None, re.compile(rf"(?P<kind>lymphodeplet\w*\s+|conditioning\s+)?chemotherapy\s*\((?P<name>{_DRUG_LIST}"
                      rf"(?:,?\s*(?:in combination with|combined with|with|plus|and)\s*{_DRUG_LIST})*)\)", re.IGNORECASE)),
    # "chemotherapy (HD-ARA-C+IDA)", "chemotherapy (FLAG - fludarabine, cytarabine, G-CSF)"
    (None, re.compile(r"(?P<kind>lymphodeplet\w*\s+|conditioning\s+)?chemotherapy\s*\((?P<name>[A-Z0-9][\w+/-]{1,20})"
                      r"(?:\s*[-–:,]\s*(?P<drugs>[^()]{3,80}))?\)")),
    # "lymphodepletion with fludarabine/cyclophosphamide", "conditioning with busulfan and fludarabine"
    (None, re.compile(rf"(?P<kind>lymphodeplet\w*|conditioning)\s+(?:chemotherapy\s+|regimen\s+)?(?:with|using|of|"
                      rf"consisting of)\s+(?P<name>{_DRUG_LIST})", re.IGNORECASE)),
    # "lymphodepleting cyclophosphamide and fludarabine"
    (None, re.compile(rf"(?P<kind>lymphodeplet\w*|conditioning)\s+(?P<name>{_DRUG_LIST})", re.IGNORECASE)),
    # "Conditioning chemotherapy (fludarabine 30 mg/m2 and cyclophosphamide 500 mg/m2 on Days -5 to -3)"
    (None, re.compile(rf"(?P<kind>lymphodeplet\w*|conditioning)\s+(?:chemotherapy|regimen)\s*\((?P<drugs>[^()]*?{_DRUG}[^()]*)\)",
                      re.IGNORECASE)),
    # "Flu/Cy lymphodepletion"
    (None, re.compile(rf"(?P<name>{_DRUG_LIST})\s+(?P<kind>lymphodeplet\w*|conditioning)", re.IGNORECASE)),
    ("GVHD_PROPHYLAXIS", re.compile(
        r"(?P<name>(?:prophylaxis|prevention)\s+(?:of|against)\s+(?:acute\s+)?graft[- ]versus[- ]host[- ]disease"
        r"(?:\s*\(\s*GVHD\s*\))?|(?:acute\s+)?(?:GVHD|graft[- ]versus[- ]host[- ]disease(?:\s*\(\s*GVHD\s*\))?)\s+"
        r"(?:prophylaxis|prevention))", re.IGNORECASE)),
    ("PREMEDICATION", re.compile(r"(?P<name>anti-?allergic\s+(?:therapy|treatment|medication|drugs?)"
                                 r"|premedication(?:\s+with\s+[a-z][\w -]{2,40}?(?=[,.;]|$))?|antihistamines?)",
                                 re.IGNORECASE)),
]
#: Words one of which each pattern above needs (lowercase), so that a passage without any is
#: not scanned: the same regimens are found, several times faster.
_NEEDS = [("chemotherapy",), ("based",), ("prophylaxis", "prevention"), ("chemotherapy",), ("chemotherapy",),
          ("lymphodeplet", "conditioning"), ("lymphodeplet", "conditioning"), ("lymphodeplet", "conditioning"),
          ("lymphodeplet", "conditioning"), ("prophylaxis", "prevention"), ("allergic", "premedication", "antihistamine")]
assert len(_NEEDS) == len(_PATTERNS)
_PURPOSES = {"lymphodeplet": "LYMPHODEPLETION", "conditioning": "LYMPHODEPLETION", "preparative": "LYMPHODEPLETION",
             "myeloablative": "LYMPHODEPLETION", "non-myeloablative": "LYMPHODEPLETION", "reduced": "LYMPHODEPLETION"}
#: Between the drugs of a regimen's name (the pieces are folded: spaces around the separator
#: in the pattern made a long run of spaces take quadratic time).
_SPLIT_DRUGS = re.compile(r",|/|\+|\band\b|\bplus\b|&", re.IGNORECASE)


def _purpose(fixed: str | None, match: re.Match[str]) -> str:
    if fixed:
        return fixed
    kind = (match.groupdict().get("kind") or "").strip().lower()
    return next((purpose for prefix, purpose in _PURPOSES.items() if kind.startswith(prefix)), "CHEMOTHERAPY")


#: Abbreviations of the drugs, written out for the components.
_ABBREVIATIONS = {"flu": "fludarabine", "cy": "cyclophosphamide", "ara-c": "cytarabine", "arac": "cytarabine",
                  "ida": "idarubicin", "mmf": "mycophenolate mofetil", "ptcy": "cyclophosphamide",
                  "atg": "antithymocyte globulin", "tbi": "total body irradiation"}
_NEGATED_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:will|is|are|was|were|should)\s+not\b|^[^.;]{0,30}?\bnot\s+(?:be\s+)?"
                            r"(?:given|administered|required|used|conducted)\b", re.IGNORECASE)


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


def regimens(record: TrialRecord, passages: list[Passage]) -> list[Regimen]:
    """The regimens a record's therapy sentences (``passages``) and interventions name, once each."""
    found: dict[tuple[str, str], Regimen] = {}
    for passage in passages:
        taken: list[tuple[int, int]] = []
        lowered = passage.text.lower()
        for (fixed, pattern), needs in zip(_PATTERNS, _NEEDS):
            if not any(word in lowered for word in needs):
                continue
            for match in pattern.finditer(passage.text):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue  # an earlier, more specific pattern read this text already
                taken.append(match.span())
                sentence_start = passage.text[: match.start()]
                if negated(sentence_start[-60:]) or re.match(r"\s*No\b", passage.text):
                    continue
                if _NEGATED_AFTER.match(passage.text[match.end():]):
                    continue
                components = _components(match)
                name = fold(match.groupdict().get("name") or " and ".join(components)).strip(" ,;")
                regimen = Regimen(name=name, purpose=_purpose(fixed, match), components=components)
                found.setdefault((name.lower(), regimen.purpose), regimen)
    for intervention in record.interventions:
        described = f"{intervention.name} {intervention.description or ''}"
        if re.search(r"lymphodeplet|conditioning", described, re.IGNORECASE):
            regimen = Regimen(intervention.name, "LYMPHODEPLETION",
                              [fold(d) for d in _SPLIT_DRUGS.split(intervention.name) if fold(d)])
            found.setdefault((intervention.name.lower(), regimen.purpose), regimen)
    return list(found.values())
