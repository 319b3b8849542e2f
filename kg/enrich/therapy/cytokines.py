"""Cytokines: which ones a trial gives patients or grows its cells with, at what dose and schedule."""

from __future__ import annotations

import re

from kg.enrich.therapy.quantities import cytokine_dose
from kg.enrich.therapy.schedules import duration_days, frequency, number_of_doses, route
from kg.enrich.therapy.text import Passage, negated
from kg.model.records import CytokineUse

__all__ = ["CYTOKINES", "cytokine_uses"]


def _interleukin(number: int, *aliases: str) -> re.Pattern[str]:
    # "IL-2", "interleukin 2", "interleukin (IL)-2", "rhIL-15" (recombinant human)
    names = [rf"(?<![A-Za-z0-9])(?:rh|h)?(?:IL|interleukin)(?:\s*\(IL\))?[- ]?{number}(?![\d])(?!\s*R\b)", *aliases]
    return re.compile("|".join(names), re.IGNORECASE)


#: Cytokine tokens and how texts name them (drug names included: aldesleukin is IL-2,
#: N-803 / ALT-803 an IL-15 superagonist).
CYTOKINES: list[tuple[str, re.Pattern[str]]] = [
    ("IL-2", _interleukin(2, r"\baldesleukin\b", r"\bproleukin\b")),
    ("IL-7", _interleukin(7)),
    ("IL-12", _interleukin(12)),
    ("IL-15", _interleukin(15, r"\b(?:N|ALT)-?803\b", r"\bnogapendekin\b")),
    ("IL-18", _interleukin(18)),
    ("IL-21", _interleukin(21)),
]
#: A cytokine shown on feeder cells ("K562-mbIL21-41BBL", "membrane-bound IL-21").
_MEMBRANE_BOUND = re.compile(r"\bmb-?IL-?(\d{1,2})\b|\bmb(\d{2})\b|membrane[- ]bound\s+(?:IL|interleukin)[- ]?(\d{1,2})",
                             re.IGNORECASE)
#: Words that put a cytokine in the making of the cells rather than into the patient.
_EX_VIVO_BEFORE = re.compile(r"(?:(?:expan\w*|cultur\w*|activat\w*|stimulat\w*|prim(?:ed|ing)|incubat\w*|induced|"
                             r"generated|grown|feeder\w*)\s+(?:\S+\s+){0,4}?(?:with|in|by|using|of)|in the presence of)"
                             r"\s+(?:\S+\s+){0,7}$", re.IGNORECASE)
#: A denial after the name: "IL-2 will not be administered".
_NEGATED_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:will|is|are|was|were|should)\s+not\b|^[^.;]{0,30}?\bnot\s+(?:be\s+)?"
                            r"(?:given|administered|required|used)\b", re.IGNORECASE)
#: A cytokine gene the cells are engineered with ("IL15-transduced", "expressing IL-15") is
#: part of the product, not a cytokine given or used to grow the cells.
_ENGINEERED_AFTER = re.compile(r"^[-\s]*(?:transduced|expressing|secreting|armou?red|encoding|(?:[-\w]+\s+)?receptor\s+fusion)\b",
                               re.IGNORECASE)
_ENGINEERED_BEFORE = re.compile(r"(?:transduced|expressing|secreting|armou?red|encoding|engineered)\s+(?:with\s+)?"
                                r"(?:\S+\s+){0,5}$", re.IGNORECASE)
_EX_VIVO_AFTER = re.compile(r"^[-\s]*(?:\)\s*)?-?(?:activated|stimulated|expanded|induced|primed|pre-?activated)\b",
                            re.IGNORECASE)


#: What every name in CYTOKINES starts with or holds: text without it names no cytokine.
_ANY_NAME = re.compile(r"(?<![A-Za-z0-9])(?:rh|h)?(?:IL|interleukin)|aldesleukin|proleukin|803|nogapendekin", re.IGNORECASE)


def _mentions(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, cytokine, membrane-bound) of each cytokine named in ``text``, in order."""
    found = []
    for token, pattern in CYTOKINES if _ANY_NAME.search(text) else ():
        found += [(m.start(), m.end(), token, False) for m in pattern.finditer(text)]
    for match in _MEMBRANE_BOUND.finditer(text):
        number = next(group for group in match.groups() if group)
        found.append((match.start(), match.end(), f"IL-{int(number)}", True))
    found.sort()
    kept: list[tuple[int, int, str, bool]] = []
    for mention in found:  # "mbIL21" also matches IL-21: keep the wider reading
        if kept and mention[0] < kept[-1][1]:
            if mention[3]:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def _route_named_with(record_text: str, cytokine: str) -> str | None:
    """The route a document gives a cytokine anywhere ("SC IL-2", "IL-2 subcutaneously")."""
    pattern = dict(CYTOKINES)[cytokine]
    for match in pattern.finditer(record_text):
        window = record_text[max(0, match.start() - 30): match.end() + 20]
        if route(window):
            return route(window)
    return None


def cytokine_uses(passages: list[Passage]) -> list[CytokineUse]:
    """The cytokines of a trial's therapy sentences: one use per cytokine, role, arm and dose."""
    everything = "\n".join(p.text for p in passages)
    if not (_ANY_NAME.search(everything) or _MEMBRANE_BOUND.search(everything)):
        return []  # no cytokine named anywhere: most of the registry's studies
    uses: list[CytokineUse] = []
    # Asked once per cytokine and passage, not per mention: per mention, a text naming IL-2 800
    # times took 20 s (each mention looked at every other and copied the rest of the text).
    named_routes: dict[str, str | None] = {}
    for passage in passages:
        mentions = _mentions(passage.text)
        feeders = "feeder" in passage.text.lower()
        for index, (start, end, cytokine, membrane_bound) in enumerate(mentions):
            previous_end = mentions[index - 1][1] if index else 0
            following = mentions[index + 1][0] if index + 1 < len(mentions) else len(passage.text)
            segment = passage.text[start:following]
            if negated(passage.text[previous_end:start]) or _NEGATED_AFTER.match(passage.text[end:end + 200]):
                continue
            if not membrane_bound and (_ENGINEERED_AFTER.match(passage.text[end:end + 40])
                                       or _ENGINEERED_BEFORE.search(passage.text[max(0, start - 40):start])):
                continue
            ex_vivo = (membrane_bound or bool(_EX_VIVO_BEFORE.search(passage.text[max(0, start - 80):start]))
                       or bool(_EX_VIVO_AFTER.match(passage.text[end:end + 20])) or feeders)
            use = CytokineUse(cytokine=cytokine, role="EX_VIVO_EXPANSION" if ex_vivo else "IN_VIVO_SUPPORT",
                              arm=passage.arm)
            if not ex_vivo:
                # "1 MIU of IL-2": the dose may come before the name, in the same clause.
                clause_before = re.split(r"[,;]", passage.text[previous_end:start])[-1]
                dose = cytokine_dose(segment) or cytokine_dose(clause_before)
                if dose:
                    use.dose, use.unit = dose
                if cytokine not in named_routes:
                    named_routes[cytokine] = _route_named_with(everything, cytokine)
                use.route = route(segment) or named_routes[cytokine]
                use.frequency = frequency(segment)
                use.number_of_doses = number_of_doses(segment)
                use.duration_days = duration_days(segment)
            uses.append(use)
    return _merge(uses)


def _merge(uses: list[CytokineUse]) -> list[CytokineUse]:
    """One use per cytokine, role, arm and dose; a use without a dose says nothing more
    when the same cytokine and role have a dose elsewhere.
    """
    dosed = {(u.cytokine, u.role) for u in uses if u.dose is not None}
    merged: dict[tuple[str, str, str | None, float | None], CytokineUse] = {}
    for use in uses:
        if use.dose is None and (use.cytokine, use.role) in dosed:
            continue
        key = (use.cytokine, use.role, use.arm if use.dose is not None else None, use.dose)
        if use.dose is None:
            use.arm = None
        known = merged.setdefault(key, use)
        for field in ("unit", "route", "frequency", "number_of_doses", "duration_days"):
            if getattr(known, field) is None:
                setattr(known, field, getattr(use, field))
    return list(merged.values())
