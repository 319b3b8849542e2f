"""Whether a text gives cells or only studies them: the words of giving near the cells, and titles that measure cells.

A summary names many cells it does not give (counted, measured, a drug's target); a kind is taken from it only
where a word of giving stands near the cells.
"""

from __future__ import annotations

import re

from kg.enrich.therapy.cell_kinds import CELL_TYPES, _cell_types, _unproduct

__all__: list[str] = []  # the names here are the package's own

#: Words that say cells are given, near the cells they give: "infusion of NK cells", "NK cells will be administered",
#: "adoptive transfer", "expanded NK cells", "NK cell immunotherapy", "a dose of ...".
_GIVING_CUE = re.compile(r"\binfus\w*|\badminist\w*|\binject\w*|\badoptive\b|\btransfer\w*|\bimmunotherap\w*"
                         # "antigen-specific T cell (TAA-T) therapy" (findatrial.com NCT05238792): its abbreviation between
                         # (and lymphocytes: "SARS-CoV-2 specific Cytotoxic CD8+ T lymphocytes (CTL) therapy",
                         # cgtlive.com NCT04765449)
                         r"|\b(?:cells?|lymphocytes?|based)\s+(?:\([^()]{1,20}\)\s+)?therap\w*"
                         r"|\bexpanded\b|\bex[- ]vivo\b|\bproducts?\b|\bdoses?\b"
                         r"|\bgiv(?:en|ing)\b"
                         r"|\bmanufactur\w*|\bcultur\w*"
                         # cells made ready to give: "Type: Universal off-the-shelf NKG2D-ACE2 CAR-NK cells" (genengnews.com
                         # NCT04324996, beside "Candidate: Natural killer (NK) cell therapy")
                         r"|\boff[- ]the[- ]shelf\b"
                         # cells changed to be given: "the investigators propose modifying T cells to encode a 'switch'",
                         # "use gene therapy to produce \"safe\" T cells" (ignite-sd.com NCT01204502); not a
                         # "disease-modifying" drug
                         r"|(?<!-)\bmodifying\b|\bgene\s+therapy\b"
                         # "MAGE-A4 TCR Gene-Modified T lymphocytes" (smartpatients.com NCT01694472)
                         r"|\bgene[- ]modified\b"
                         # the first study that gives them to people: "the first-in-human, multicenter, phase 1 study of
                         # adenovirally transduced anti-HER2 CAR macrophages (NCT04660929)" (an OncLive interview)
                         r"|\bfirst[- ]in[- ](?:human|man)\b"
                         # cells given with a graft: "Mesenchymal Stem Cells Co-transplantation in Alternative Donor
                         # Transplantation of Severe Aplastic Anemia" (WHO ICTRP NCT02247973)
                         r"|\bco-?transplant\w*", re.IGNORECASE)
#: Words that give the cells only when the cells follow them: "patients will receive NK cells", "treated with
#: CIK cells", "This study uses NK cells obtained from a relative" (NCT00660166) (not "MS patients treated with
#: fingolimod" after "NK cells", NCT01790269).
#: The heading of a plain-language page over the trial's product: "Active substance" / "human umbilical cord-derived
#: mesenchymal stem cells" (curemydisease.com NCT03186456), "Active substance" / "activated natural killer (NK) cells and
#: recombinant human interleukin-15 (rhIL15)" (curemydisease.com NCT01875601).
_GIVING_BEFORE = re.compile(r"\breceiv\w*|\btreat\w*\s+with\b|\b(?:study|trial)\s+uses\b|\bactive\s+substances?\b",
                            re.IGNORECASE)

#: How near a giving word stands to the cells it gives (a clause's worth).
_GIVING_REACH = 80
#: Cells whose safety or efficacy a study evaluates in patients are given to them: "a single dose escalation study to
#: evaluate the safety and clinical activity of ThisCART7(Allogeneic CAR-T targeting CD7) in patients with refractory
#: or relapsed CD7 positive T cell malignancies" (meddatax.com NCT05127135). Not "the activity of NK cells" (a
#: measurement), nor the cells' safety without the people they are given to.
_EVALUATED = r"\b(?:safety|efficacy|tolerability|feasibility|clinical\s+activity)\s+of\b"
_EVALUATED_WORDS = re.compile(_EVALUATED, re.IGNORECASE)
_EVALUATED_OF = re.compile(_EVALUATED + r"[^.;]{0,40}$", re.IGNORECASE)
_IN_PATIENTS = re.compile(r"[^.;]{0,40}?\bin\s+(?:[\w-]+\s+){0,2}?(?:patients|subjects|participants|children|adults)\b",
                          re.IGNORECASE)


def _given_cell_types(sentence: str) -> list[str]:
    """The cell types a sentence of a summary gives: named with a word of giving near them. "the percentages of CD3+,
    CD3+CD4+, and NK cells ... were significantly decreased" (NCT02660411, a trial of anaesthetics) gives none.
    """
    # (the kinds first: most sentences name none, and _cell_types tries only the kinds whose words a sentence has, where
    # the giving words are searched for in all of it)
    kinds = _cell_types(sentence)
    if not kinds or not (_GIVING_CUE.search(sentence) or _GIVING_BEFORE.search(sentence) or _EVALUATED_WORDS.search(sentence)
                         or "donors" in sentence):
        return []
    text = _unproduct(sentence)
    patterns = dict(CELL_TYPES)
    return [kind for kind in kinds
            if any(_GIVING_CUE.search(text, max(0, m.start() - _GIVING_REACH), m.end() + _GIVING_REACH)
                   or _GIVING_BEFORE.search(text[max(0, m.start() - 40): m.start()].rsplit(" and ", 1)[-1])
                   or (_EVALUATED_OF.search(text[max(0, m.start() - 80): m.start()])
                       and _IN_PATIENTS.match(text, m.end(), m.end() + 80))
                   or _donors_of_the_given(text, m)
                   for m in patterns[kind].finditer(text))]


#: The match between the cells' donors and the patients, the cells named right before "donors": "There were no cases of
#: Graft-vs-Host Disease (GvHD) despite high HLA-mismatch between allogeneic CAR-T donors and patients." (a CRISPR
#: Therapeutics release on CTX110, wallstreet-online.de NCT04035434): the patients were given those donors' cells.
_MISMATCH_BETWEEN = re.compile(r"\bmis-?match\w*\s+between\s+(?:(?:allogeneic|allogenic|haploidentical|unrelated|"
                               r"third[- ]party|healthy)\s+)?$", re.IGNORECASE)
_DONORS_AND_PATIENTS = re.compile(r"(?:\s*cells?)?\s+donors\s+and\s+(?:the\s+)?(?:patients|recipients)\b", re.IGNORECASE)


def _donors_of_the_given(text: str, cells: re.Match[str]) -> bool:
    """Cells named between "mismatch between" and "donors and patients" (:data:`_MISMATCH_BETWEEN`); not the donors of
    a graft ("KIR mismatch between stem cell donors and patients" names no kind of the contract before "donors").
    """
    return bool(_DONORS_AND_PATIENTS.match(text, cells.end())
                and _MISMATCH_BETWEEN.search(text, max(0, cells.start() - 60), cells.start()))


#: What joins two kinds of cells given together: "γδ T Cell and DC-CIK", "NK cells + CIK cells".
_JOINED = re.compile(r"\s*(?:cells?\s*)?(?:and|plus|\+|&|/)\s*(?:\w{1,4}-)?", re.IGNORECASE)


def _given_with(sentence: str, types: list[str]) -> list[str]:
    """The kinds of cells a sentence gives joined by "and" to one of ``types``: "After making them potential cancer
    killer γδ T Cell and DC-CIK, they will be infused" gives CIK cells with the γδ T cells (not "CIK cells are a subset of
    ... T lymphocytes", which defines one kind by the other).
    """
    given = _given_cell_types(sentence)
    if len(given) < 2 or not set(given) & set(types):
        return []
    text = _unproduct(sentence)
    patterns = dict(CELL_TYPES)
    spans = {kind: [m.span() for m in patterns[kind].finditer(text)] for kind in given}
    return [other for other in given if other not in types
            for kind in given if kind in types
            if any(_JOINED.fullmatch(text[a_end:b_start]) or _JOINED.fullmatch(text[b_end:a_start])
                   for a_start, a_end in spans[kind] for b_start, b_end in spans[other])]


#: A title that studies cells rather than gives them: "Monitoring Natural Killer Cells in Multiple Sclerosis Patients
#: Treated With Fingolimod" (NCT01790269), "p16 and Ki-67 Stainings and Natural Killer (NK) Cells in CIN-II Management"
#: (NCT02522585): a word of measuring and none of giving or of a product's making. ("Activity" is not one: "to Assess
#: the Activity of NY-ESO-1 Targeted T Cells", 2012-005327-33, is the product's.)
_MEASURING_WORDS = re.compile(r"\b(?:monitor\w*|stainings?|expression|kinetics|reconstitution|frequenc\w*|functions?"
                              # "Analysis of T Cell and Natural Killer (NK) Cell in Relation to Viral Infections in Pediatric
                              # Stem Cell Transplant Patients and Donors" (NCT02301065, an observational study)
                              r"|analy[sz]\w*|(?<=in )relation|correlat\w*"
                              r"|markers?|(?<!antigen )receptors?|levels?|counts?|changes?|profil\w*|phenotyp\w*|\w*responsive\w*"
                              r"|dysfunction\w*"
                              # in French: "Étude visant à déterminer les fonctions des cellules "natural killer" (NK)"
                              # (kusajili.fr RECF0903, blood samples studied, no cells given)
                              r"|fonctions?)\b", re.IGNORECASE)
_PRODUCT_WORDS = re.compile(r"\binfus\w*|\btherap\w*|\btransfer\w*|\badminist\w*|\binject\w*|\bexpanded\b|\bactivated\b"
                            r"|\bdonor\b|\ballogene\w*|\bautologous\b|\bhaplo\w*|\bCAR\b|\bdoses?\b|\bengineered\b"
                            r"|\bmodified\b|\bchimeric\b", re.IGNORECASE)


def _measured_title(title: str) -> bool:
    return bool(_MEASURING_WORDS.search(title)) and not _PRODUCT_WORDS.search(title)


#: Words of a title or intervention that say cells are given.
_GIVES_CELLS = re.compile(r"\bcells?\b|\blymphocytes?\b|\bcell therapy\b|\badoptive\b", re.IGNORECASE)
