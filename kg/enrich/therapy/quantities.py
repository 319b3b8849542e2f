"""Quantities as registries write them: cell doses and cytokine doses, in every notation.

Numbers come as ``1.0×10^8``, ``1.0×108`` (the superscript lost in scraping), ``2 x 10e6``,
``5 × 10(6)``, ``1e8``, ``0.1-2*10E7``, ``1.0-3.0 x 10^9``, ``2.5 billion``; units as
``cells``, ``cells/kg``, ``IU``, ``MIU``, ``1mIU`` (a million units, as trial pages use it),
``units``, ``µg/m2``. Values come out as floats, units as UCUM codes.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.model.records import DoseLevel

__all__ = ["Amount", "find_amounts", "cell_doses", "cytokine_dose", "UCUM_TOKENS"]

#: (and the superscript plus of a marker: "a dosage of 1×10⁶ CAR⁺ cells per kilogram", meddatax.com NCT07324889, as "CAR+")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")

#: (a decimal comma before a power of ten, one or two digits after it: "DL1: 1,5x10^7 CoV-2-STs in total" (trial.medpath.com
#: NCT05447013); three digits after a comma are a thousands separator)
#: (and a decimal written without its leading zero, before a power of ten: "Group 1 MSC dose .5 x 10^6/kg IV" beside "Group 2
#: MSC dose 1 x 10^6/kg IV", meddatax.com NCT03371329; a full stop alone before a number, "… 2019. 5 patients", is none)
_MANTISSA = (r"\d{1,3}(?:,\d{3})+(?!\d)|\d+,\d{1,2}(?=\s*(?:[x×✕*]|times)\s*10)|\d+(?:\.\d+)?"
             r"|(?<![\w.,])\.\d{1,2}(?=\s*(?:[x×✕*]|times)\s*10)")
#: "× 10^8", "x10e6", "*10E7", "× 10(6)", and "×108" where the superscript 8 was lost; a stray letter glued to the "x"
#: where a power sign follows: "at cell dose of 0.5 dx 10^8 CD3+T-cells/kg" (ClinicalTrials.gov NCT00167180).
#: (the power sign as a Chinese input method may write it: "∧", and "※" in "nCAR19-T transfusion:day 0(5×10※5/kg,1×10※6/kg,
#: 3×10※6/kg)", trial.medpath.com NCT02644655), and the modifier letter circumflex "ˆ" (U+02C6) a word processor puts for
#: "^": "0.5 x 10ˆ6, 1.0 x 10ˆ6, 2-3 x 10ˆ6 donor Treg/kg" (ctv.veeva.com NCT02385019); and a tilde glued to the ten
#: where the superscript was: "Intraarticular injection of 2×10~7 Umbilical-cord mesenchimal stem cells", "Allogeneic
#: UC-MSCs 1 x 10~7 diluted on 5 mL" (clinicaltrials.gov NCT03166865; "10 ~ 20" is a range, no power)
_TIMES_TEN = (r"\s*(?:(?:[x×✕*]|times)\s*10\s*(?:\^|ˆ|∧|※|\*\*|[eE]|(?<=10)~)?|[a-wyz][x×]\s*10\s*(?:\^|ˆ|∧|※|\*\*))"
              r"\s*\(?\s*(?P<{name}>-?\d{{1,2}})\s*\)?")
#: "1e8", and the power as "E6" after a multiplication sign: "at the dose of 1x E6 cells, 1x E7 cells, and 1x E8
#: cells/times" (ctv.veeva.com NCT06671236); a small "e" set apart from its number: "CD19-BCMA Targeted CAR-T Dose 1 5.0
#: e5/ kg CD19-BCMA CAR-T positive T cells" (meddatax.com NCT06371040; not a capital, as in "HPV-16 E6 E7-specific T
#: cells", where the "E6" is a gene).
_E_NOTATION = r"(?:(?:\s*[x×✕*]\s*)?[eE]|[ \t]+(?-i:e)(?=\d{{1,2}}(?![\w.])))\s*\+?(?P<{name}>-?\d{{1,2}})(?!\d)"
#: "2.5 billion cells", and "mln" for million: "infusion of Mesenchymal stem cells at dose 1 mln cells per kg"
#: (NCT01941394).
_WORDS = r"\s*(?P<{name}>million|billion|thousand|mln)\b"


def _scaled(name: str) -> str:
    return (rf"(?:{_TIMES_TEN.format(name=f'{name}_ten')}|{_E_NOTATION.format(name=f'{name}_e')}"
            rf"|{_WORDS.format(name=f'{name}_word')})?")


#: A number or a range of numbers, each end possibly scaled: "1.0-3.0 x 10^9", "1 x 10^6 to 5 x 10^6", "between 1 and 5
#: x 10^7". Two numbers joined by "and" are a range only after "between": "Subsequent dose groups included 2.0 × 107 and
#: 3.0 × 107 CAR positive NK cells/kg" (ctv.veeva.com NCT05563545) are two doses.
_AMOUNT = re.compile(
    rf"(?<![\w.^ˆ∧])(?:(?P<between>between)\s+)?(?P<low>{_MANTISSA}){_scaled('low')}"
    rf"(?:\s*(?:-|–|~|to|(?(between)and|(?!)))\s*(?P<high>{_MANTISSA}){_scaled('high')})?",
    re.IGNORECASE)

_WORD_FACTORS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "mln": 1e6}

#: "10^7 NK cells/kg": a power of ten with no number before it; and the power in brackets glued to the ten, as PubMed
#: prints a superscript: "AFM13-NK cell infusion at 3 dose levels (10(6), 10(7) and 10(8)_kg(-1))" (NCT04074746).
_BARE_POWER = re.compile(r"(?<![\w.×x*])10(?:\s*(?:\^|ˆ|∧|\*\*)\s*\(?(?P<power>\d{1,2})\)?|\((?P<bracketed>\d{1,2})\))")
#: "10⁷ cells/kg" (not the "10⁷" of "2 × 10⁷", nor of "1.10⁷").
_SUPERSCRIPT_POWER = re.compile(r"(?<![\w.×x*^])(?<![×x*] )10([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")
#: "10^6 to 10^7 cells/kg": a range of two bare powers of ten.
_BARE_POWER_RANGE = re.compile(r"^\s*(?:-|–|~|to)\s*$")
#: "550 ± 450 x 10⁶ polyTregs" (meddatax.com NCT02711826): a mean and its spread, the spread's power of ten the mean's too;
#: the stated value is the mean.
_MEAN_SPREAD = re.compile(rf"(?<![\w.])(?P<mean>{_MANTISSA})\s*(?:±|\+/-|\+-)\s*(?:{_MANTISSA}){_TIMES_TEN.format(name='power')}")
#: "(0.2–29)×106 cells/kg": a bracketed range, then its scale.
_BRACKETED_RANGE = re.compile(rf"\(\s*(?P<low>{_MANTISSA})\s*(?:-|–|to)\s*(?P<high>{_MANTISSA})\s*\)"
                              rf"{_TIMES_TEN.format(name='power')}")


#: How far around a number its unit and cues are looked for: a sentence's worth. Looking
#: through the whole rest of the text for each number took quadratic time on long texts.
_AROUND = 200


class _Spans:
    """Stretches of a text, asked whether a position lies in one, in logarithmic time (asking
    every stretch for every number was quadratic in the numbers of a long text).
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))  # farthest end so far

    def cover(self, position: int, *, start_before: bool = False) -> bool:
        """Whether a stretch starting at or before ``position`` (before it, with ``start_before``) ends after it."""
        at = bisect.bisect_right(self.starts, position - 1 if start_before else position) - 1
        return at >= 0 and self.reach[at] > position


@dataclass(frozen=True)
class Amount:
    """A number or range found in text, with where it ends (so the unit after it can be read)."""

    low: float
    high: float
    start: int
    end: int


def _factor(match: re.Match[str], end: str) -> float | None:
    ten, e, word = match.group(f"{end}_ten"), match.group(f"{end}_e"), match.group(f"{end}_word")
    if ten is not None:
        return 10.0 ** int(ten)
    if e is not None:
        return 10.0 ** int(e)
    if word is not None:
        return _WORD_FACTORS[word.lower()]
    return None



def _value(match: re.Match[str], end: str, factor: float | None) -> float:
    """One end's value: its mantissa times its scale. A bare "10" with an "e" glued to it is the ten the power is of, as
    the contract reads prose (queries.md: "10e6" in prose means 10^6): "the patients were treated with autologous TILs
    10e9-10e10" (NCT01462903) gives 1e9 to 1e10 cells, not ten times that; "1e9", "5e5" and "2 x 10e6" keep their
    mantissa, and so does the upper end of "1-10e6 cells", a range of numbers the "e6" scales.
    """
    if _tens_power(match, end) and (match.group("high") is None or all(_tens_power(match, side) for side in ("low", "high"))):
        return factor or 10.0
    return _number(match.group(end)) * (factor or 1.0)


def _tens_power(match: re.Match[str], end: str) -> bool:
    """Whether ``end`` is written as a "10" with an "e" and its power glued to it ("10e9")."""
    return (match.group(end) == "10" and match.group(f"{end}_e") is not None
            and match.string[match.end(end):match.end(end) + 1] in ("e", "E"))

def find_amounts(text: str) -> list[Amount]:
    """Every number or range in ``text``; a range's lower end takes the scale of its upper end
    when it has none of its own ("1.0-3.0 x 10^9" is 1e9 to 3e9).

    >>> [(a.low, a.high) for a in find_amounts("1.0×108 cells, 2 x 10e6/kg, 5 × 10(6), 1.0-3.0 x 10^9")]
    [(100000000.0, 100000000.0), (2000000.0, 2000000.0), (5000000.0, 5000000.0), (1000000000.0, 3000000000.0)]
    >>> [(a.low, a.high) for a in find_amounts("0.1-2*10E7 NK cells/kg and 2.5 billion cells")]
    [(1000000.0, 20000000.0), (2500000000.0, 2500000000.0)]
    """
    # "10⁷/kg": a power of ten written with a superscript and no number before it (read before the
    # superscripts are made digits, when "10⁷" would become the number 107)
    special: list[Amount] = [Amount(10.0 ** int(m.group(1).translate(_SUPERSCRIPTS)),
                                    10.0 ** int(m.group(1).translate(_SUPERSCRIPTS)), m.start(), m.end())
                             for m in _SUPERSCRIPT_POWER.finditer(text)] if "10" in text else []
    text = text.translate(_SUPERSCRIPTS)
    amounts = []
    for match in _BRACKETED_RANGE.finditer(text):
        factor = 10.0 ** int(match.group("power"))
        special.append(Amount(float(match.group("low")) * factor, float(match.group("high")) * factor,
                              match.start(), match.end()))
    for match in _MEAN_SPREAD.finditer(text) if "±" in text or "+" in text else ():
        value = _number(match.group("mean")) * 10.0 ** int(match.group("power"))
        special.append(Amount(value, value, match.start(), match.end()))
    scaled = _Spans(m.span() for m in _AMOUNT.finditer(text))
    bracketed = _Spans((a.start, a.end) for a in special)
    for match in _BARE_POWER.finditer(text):
        inside = scaled.cover(match.start(), start_before=True)  # the "x 10^9" of "1.0 x 10^9"
        if not inside and not bracketed.cover(match.start()):
            value = 10.0 ** int(match.group("power") or match.group("bracketed"))
            special.append(Amount(value, value, match.start(), match.end()))
    special = _bare_power_ranges(sorted(special, key=lambda a: a.start), text)
    taken = _Spans((a.start, a.end) for a in special)
    scales: dict[int, float] = {}  # where a single number scaled by its own power of ten starts: its scale
    for match in _AMOUNT.finditer(text):
        if taken.cover(match.start()):
            continue
        low_factor = _factor(match, "low")
        if match.group("high") is None:
            value = _value(match, "low", low_factor)
            amounts.append(Amount(value, value, match.start(), match.end()))
            if low_factor:
                scales[match.start()] = low_factor
            continue
        high_factor = _factor(match, "high")
        low_value = _value(match, "low", low_factor or high_factor)
        high_value = _value(match, "high", high_factor)
        amounts.append(Amount(min(low_value, high_value), max(low_value, high_value), match.start(), match.end()))
    amounts = _listed_scale(amounts, scales, text) if len(scales) < len(amounts) - 1 else amounts
    # "9999…9 IU" of 400 digits is no dose (and an infinite float no literal).
    return sorted((a for a in amounts + special if math.isfinite(a.high)), key=lambda a: a.start)


def _number(mantissa: str) -> float:
    """A mantissa's value: "1,000" a thousand, "1,5" (a decimal comma, which _MANTISSA takes only before a power of ten)
    one and a half.
    """
    return float(mantissa.replace(",", "") if re.search(r",\d{3}\b", mantissa) else mantissa.replace(",", "."))


#: Between two numbers of a list: "20, 50, 70, 100 and >100 x 10^6/kg" (ctv.veeva.com NCT04327037).
_LIST_GAP = re.compile(r"\s*(?:,|、|，)\s*(?:(?:and|or)\s+)?[>≥]?\s*|\s+(?:and|or)\s+[>≥]?\s*", re.IGNORECASE)


def _listed_scale(amounts: list[Amount], scales: dict[int, float], text: str) -> list[Amount]:
    """The amounts, the bare numbers of a list given the scale of the last, the one that has it: "different doses of NK
    cells: 20, 50, 70, 100 and >100 x 10^6/kg" (ctv.veeva.com NCT04327037) are 2e7, 5e7, 7e7, 1e8 and 1e8. Only a list
    of at least two bare numbers before the scaled one, rising to it: "3 patients and 2 x 10^6 cells" is no list.
    """
    scaled = list(amounts)
    index = 0
    while index < len(scaled):
        run = index
        while (run + 1 < len(scaled) and scaled[run].start not in scales and scaled[run].low == scaled[run].high
               and _LIST_GAP.fullmatch(text[scaled[run].end: scaled[run + 1].start])):
            run += 1
        last = scaled[run]
        bare = scaled[index:run]
        raw = [a.low for a in bare]
        if (len(bare) >= 2 and last.start in scales and all(a.start not in scales for a in bare)
                and raw == sorted(raw) and raw[-1] <= last.low / scales[last.start]):
            factor = scales[last.start]
            scaled[index:run] = [Amount(a.low * factor, a.high * factor, a.start, a.end) for a in bare]
        index = run + 1
    return scaled


def _bare_power_ranges(amounts: list[Amount], text: str) -> list[Amount]:
    """The amounts, "10^6 to 10^7" joined into one range."""
    joined: list[Amount] = []
    for amount in amounts:
        last = joined[-1] if joined else None
        if (last is not None and last.low == last.high and amount.low == amount.high and last.high < amount.low
                and _BARE_POWER_RANGE.match(text[last.end: amount.start])):
            joined[-1] = Amount(last.low, amount.high, last.start, amount.end)
        else:
            joined.append(amount)
    return joined


#: What may stand between a cell dose and the word "cells": a few words naming the cells.
_CELL_WORDS = re.compile(
    r"^\s*(?:[A-Za-z][\w+/-]*\s+){0,6}?(?:(?:CAR-)?NK[- ]cells?|cells?|NK|TILs?|lymphocytes|CAR[- ]?T(?![- ]?cell)s?"
    # "20 million allo-hMSCs/kg" (meddatax.com NCT02065245): human MSCs, allogeneic or autologous
    r"|CIKs?|(?:(?:allo|auto)-)?h?MSCs?|PBMCs?"
    # T cells named by their marker, glued to it: "0.5 dx 10^8 CD3+T-cells/kg" (NCT00167180)
    r"|(?:CD\d+\+)?T-cells?"
    # specific T cells by their abbreviation, the virus's name glued before it: "DL1: 1,5x10^7 CoV-2-STs in total"
    # (trial.medpath.com NCT05447013, "SARS-CoV-2 specific T-cells (CoV-2-STs)"), "VSTs", "CTLs"
    r"|(?:[A-Za-z][\w-]*-)?(?-i:V?STs|VST|CTLs?)"
    # regulatory T cells by their abbreviation, how they were made glued before it: "2-3 x 10ˆ6 donor Treg/kg"
    # (ctv.veeva.com NCT02385019), "550 ± 450 x 10⁶ polyTregs" (meddatax.com NCT02711826)
    r"|(?-i:[a-z]{0,6}T[Rr]egs?))\b(?P<tail>[^;,.]{0,40})", re.IGNORECASE)
#: Cells per square metre of body surface: a dose the contract has no unit for (left out, not misread as cells).
_PER_BODY_AREA = re.compile(r"^\s*(?:/\s*m2|/\s*m²|/\s*m\^2|per\s+(?:square\s+met(?:er|re)|m2|m²))", re.IGNORECASE)
#: … or a count multiplied by the body surface area, written before or after it: "The dose of autologous NK cells was body
#: surface area x (2-4) x 109 cells" (trial.medpath.com NCT05909098), "1 x 10^9 cells x BSA".
_TIMES_BODY_AREA_BEFORE = re.compile(r"\b(?:body\s+surface\s+area|BSA)\s*(?:\(\s*m2\s*\)\s*)?[x×*]\s*$", re.IGNORECASE)
_TIMES_BODY_AREA_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:cells?\s*)?[x×*]\s*(?:the\s+)?(?:body\s+surface\s+area|BSA)\b",
                                    re.IGNORECASE)
#: A lab value, not a dose: cells per volume of blood.
_PER_VOLUME = re.compile(r"^\s*/\s*(?:l|ml|µl|ul|μl|mm3|mm\^3|hpf)\b", re.IGNORECASE)
#: (and "/k" where the text ends: a page excerpt cut inside the unit, "Arm/Group Title Dose 1 (2.5 x 10^6/k", the results
#: view of ClinicalTrials.gov NCT00789776; nothing but "/kg" begins so after a count of cells)
#: ("2 million cells/kilogram (kg) of Prochymal", ignite-sd.com NCT00136903)
#: (and "kg" to the power -1, as PubMed prints it, a space printed "_": "at 3 dose levels (10(6), 10(7) and 10(8)_kg(-1))",
#: NCT04074746; "kg⁻¹" comes as "kg-1")
#: (and the form the cells are given in between: "10^6, 5x10^6 and 3x10^7 JK500 cells injection /kg/ time",
#: ClinicalTrials.gov NCT05519384)
_PER_KG = re.compile(r"^\s*(?:(?:injection|infusion|suspension)\s*(?=/))?"
                     r"(?:/\s*(?:kg|kilogram)|per\s+kg|per\s+kilogram|/\s*k\s*$|[_·]?\s*kg\s*(?:\(\s*-\s*1\s*\)|-1\b))",
                     re.IGNORECASE)
#: The allowance an amount is given with, between it and the cells: "Dose 1 (DL-1) was 5×10^5 (±20%) CAR T cells/kg"
#: (ClinicalTrials.gov NCT04835519).
_TOLERANCE = re.compile(r"^\s*\(\s*(?:±|\+/-)\s*\d{1,2}(?:\.\d)?\s*%\s*\)")
#: A part of a dose split over days: "Subjects \<50kg will receive 0.2-1 x 10\^7 CART22 cells/kg as a split dose over three
#: days as follows: * Day 1, 10% fraction: 0.2-1x10\^6 CART22 cells/kg" (ClinicalTrials.gov NCT02650414): the dose is the
#: whole, each fraction no dose level of its own.
_FRACTION_BEFORE = re.compile(r"\bfraction\s*:?\s*$", re.IGNORECASE)
#: (and the amount given at once: "auto-TILs (>1 × 109 cells in a single dose)", jci.org NCT04443296; the whole of a split
#: dose, "0.2-1 x 10^7 CART22 cells/kg as a split dose over three days", NCT02650414)
#: (and the cells in the volume of one syringe or bag: "Allogeneic UC-MSCs 1 x 10~7 diluted on 5 mL of Platelet Rich Plasma",
#: the intervention of an intra-articular injection, clinicaltrials.gov NCT03166865; "... cells suspended in 100 mL")
_PER_DOSE_AFTER = re.compile(r"^\s*(?:/\s*kg\s*)?(?:/\s*(?:dose|infusion|injection)|per\s+(?:dose|infusion|injection))"
                             r"|\b(?:for|at|in)\s+each\s+(?:dose|infusion|injection)\b"
                             r"|^\s*(?:/\s*kg\s*)?(?:in|as)\s+a\s+(?:single|split)\s+(?:dose|infusion|injection)\b"
                             r"|^\s*(?:/\s*kg\s*)?(?:(?:are|is|will\s+be)\s+)?(?:diluted|suspended|resuspended)\s+(?:in|on)\s+"
                             r"\d+(?:\.\d+)?\s*ml\b",
                             re.IGNORECASE)
#: An amount given on a schedule of administrations is each one's: "Mesenchymal stromal cells 2 X 10E6/kg administered
#: intrvenously over 15 minutes weekly for two weeks" (ACTRN12610000068066).
_GIVEN_EACH_TIME = re.compile(r"^\s*(?:administered|given|infused|injected)\b[^.;]{0,60}?\b(?:weekly|daily|every|once|each)\b",
                              re.IGNORECASE)
#: An amount given by one administration: "20 million allo-hMSCs/kg delivered via peripheral intravenous infusion"
#: (meddatax.com NCT02065245).
_GIVEN_BY_ONE = re.compile(r"^\s*(?:delivered|administered|given|infused|injected)\s+(?:via|by|as|in)\s+"
                           r"(?:an?\s+|one\s+|a\s+single\s+)?(?:[\w-]+\s+){0,3}?(?:infusion|injection)\b", re.IGNORECASE)
#: Between two amounts of one dose statement: "as set dose of 230 million cells or 460 million cells" (ACTRN12622000588796p).
_ALTERNATIVE = re.compile(r"\s*(?:,\s*)?(?:or|and|,)\s*")
_UPPER_LIMIT = re.compile(r"(?:<|≤|less than|fewer than|no more than|maximum of)\s*$", re.IGNORECASE)
#: (the ideographic comma of a page written in Chinese: "2×10^6、 1×10^7/kg and 5×10^7 of cells per kg", NCT04764513)
#: (and an open level last: "20, 50, 70, 100 and >100 x 10^6/kg", ctv.veeva.com NCT04327037)
_LIST_GOES_ON = re.compile(r"^\s*(?:,|;|、|，|and|or)\s*(?:and\s+|or\s+)?(?=[>≥]?\s*\(?\d)", re.IGNORECASE)
#: An open level, a lower bound and no amount of its own: the ">100 x 10^6/kg" of "different doses of NK cells: 20, 50, 70,
#: 100 and >100 x 10^6/kg" (ctv.veeva.com NCT04327037); its unit is the list's.
#: The size of the group given a dose, between the doses of a list: "Participants received 100 million (n = 3), 300 million
#: (n = 4), or 109 iNKT cells (n = 14)" (cgtlive.com NCT04582201); the list goes on after it.
_GROUP_SIZE = re.compile(r"^\s*\(\s*n\s*=\s*\d{1,4}\s*\)", re.IGNORECASE)
_IN_GROUP_SIZE = re.compile(r"\(\s*n\s*=\s*$", re.IGNORECASE)
#: A power of ten whose superscript a page lost, the last of a list of cell counts: the "109" (10⁹) of "100 million (n = 3),
#: 300 million (n = 4), or 109 iNKT cells" (cgtlive.com NCT04582201), larger than the amount listed before it.
_FLATTENED_POWER = re.compile(r"10(?:[5-9]|1[0-2])")
_OPEN_LEVEL = re.compile(r"(?:>|≥|\bmore\s+than|\bgreater\s+than)\s*$", re.IGNORECASE)
_DOSE_BEFORE = re.compile(r"\bdose\s+(?:level\s+)?(?:of\s+)?\(?$|\bdoses?\s+of\s+\(?$"
                          # "a dosage of 1×10⁶ CAR⁺ cells per kilogram was selected" (meddatax.com NCT07324889): a dosage
                          # of so many cells is one administration's amount, as a dose of them is
                          r"|\ba\s+dosage\s+of\s+\(?$"
                          # the next level of a dose escalation, the dose raised to it: "at a dosage of 1×10^5 CAR-T cells/kg
                          # body weight. If this dose is well tolerated, dosing will be increased to 5×10^5 CAR T cells/kg
                          # body weight." (trial.medpath.com NCT04863066); not the cells that grew ("increased to")
                          r"|\bdos(?:e|ing|age)\s+(?:will\s+be\s+|is\s+|was\s+|would\s+be\s+)?(?:then\s+)?"
                          r"(?:increased|escalated|raised)\s+to\s+\(?$"
                          # "intravenously injection of 7x10^8 cells" (IRCT20140818018842N41): one administration's amount
                          # "Injection of the number of 7x10^5 NK cells in 3 periods" (the same page's intervention groups)
                          r"|\b(?:injection|infusion|administration)\s+of\s+(?:the\s+number\s+of\s+)?\(?$"
                          # "Dose level 1 (1 x 10^6/kg)": a numbered dose level is the amount of one infusion
                          r"|\bdose\s+level\s+(?:\d|one|two|three|four|five|six)\s*:?\s*\(?$"
                          # the levels of a list said "as follows": "The NK cell dose is as follows; Level 1: 1.25 X 109 cells
                          # Level 2: 2.50 X 109 cells Level 3: 5.00 X 109 cells" (trial.medpath.com NCT03366064): a level
                          # that opens a line, a clause or the list's next item is a dose level (not "Evidence level 2:")
                          r"|(?:^|\n|[.;:(]\s*|\bcells?\s+)level\s+(?:\d|one|two|three|four|five|six)\s*:\s*$"
                          r"|\b(?:infusion|cell)\s+dose\s+(?:level\s+)?(?:\w+\s+){0,3}?(?:from|of|at|is|be)\s+$"
                          # "The initial dose is 1.0 × 107 CAR positive NK cells/kg (body weight)" (ctv.veeva.com NCT05563545):
                          # the dose is what one administration gives, as a "dose of" is
                          r"|\bdose\s+(?:is|was|will\s+be)\s+\(?$"
                          # a numbered dose and its level's name: "Dose 1 (DL-1) was 5×10^5 (±20%) CAR T cells/kg, and
                          # dose 2 (DL-2) was 1×10^6" (ClinicalTrials.gov NCT04835519)
                          r"|\bdose\s+(?:\d|one|two|three|four|five)\s*(?:\([\w-]{1,8}\)\s*)?(?:is|was|will\s+be)\s+$"
                          # and the amount right after its numbered dose: "CD19-BCMA Targeted CAR-T Dose 1 5.0 e5/ kg
                          # CD19-BCMA CAR-T positive T cells" (meddatax.com NCT06371040, the groups "Dose 1", "Dose 2")
                          r"|\bdose\s+(?:\d|one|two|three|four|five)\s*:?\s+$"
                          # and the next level after it: "The starting dose is 1-3 x 10^9 cells of each TCR gene-modified
                          # cells and the second one is 3-8 x 10^9 cells" (smartpatients.com NCT01694472)
                          r"|\bdose\s+(?:is|was|will\s+be)\b[^.;]{1,120}?\bthe\s+(?:second|third|next)\s+one\s+(?:is|was|will\s+be)\s+$"
                          # "Anti-mesothelin CAR-T cells Injection will be infused at a dose ranging from 0.1×10^6/Kg ~
                          # 2.0×10^6/Kg" (ClinicalTrials.gov NCT05783089): the range of one infusion's dose
                          r"|\bat\s+(?:a\s+)?doses?\s+(?:ranging\s+)?(?:from|between)\s+\(?$", re.IGNORECASE)
#: "Total dose of 50-600 thousand /kg Anti-CD19 CAR NK cells" (ClinicalTrials.gov NCT03690310): a total, which may be
#: given in several infusions, is no one administration's dose.
_TOTAL_BEFORE = re.compile(r"\b(?:total|cumulative|overall)\s+$", re.IGNORECASE)
#: A sentence about the dose levels of a study, each of its cohorts or groups given one of them: "The first phase will have
#: 3 cohorts(Dose escalation, x5 dose increments between cohorts, 2×10^6、 1×10^7/kg and 5×10^7 of cells per kg of body
#: weight)" (clincosm.com NCT04764513), "Subsequent dose groups included 2.0 × 107 and 3.0 × 107 CAR positive NK cells/kg"
#: (ctv.veeva.com NCT05563545), "There will be three CAR T cell dose groups:0.25*10^6 cells per kilogram of body weight;0.5
#: *10^6 cells per kilogram ..." (crick.ai NCT05290155).
#: "Patients will be separated into six cohorts based on dose of DLI received: 3 x 10^4, 4 x 10^4, ... cells/ kg of body
#: weight" (meddatax.com NCT01027702): cohorts told apart by their dose.
#: "10 patients will be enrolled in phase I to test different doses of NK cells: 20, 50, 70, 100 and >100 x 10^6/kg"
#: (ctv.veeva.com NCT04327037): the doses the patients are given, tested against each other.
_DOSE_LEVELS = re.compile(r"\bdose[- ](?:escalat\w*|increments?|groups?|cohorts?|levels?)\b|\bescalating\s+doses?\b"
                          r"|\bdifferent\s+doses\b"
                          r"|\bdose[- ]escalating\b|\bcohorts?\s+(?:based\s+on|by|according\s+to)\s+(?:the\s+)?dose\b",
                          re.IGNORECASE)
#: What a culture yields is no dose: "These TILs were cultured in human IL-2 medium for 4 to 5 weeks. 10e9 to 10e10 TILs were
#: yielded." (meddatax.com NCT04538313, whose group's dose is "10^10 TIL").
_YIELDED = re.compile(r"^\s*(?:were|was|are|is|will\s+be|can\s+be)\s+yielded\b", re.IGNORECASE)
#: "total" said of the cells' amount, a few words before it ("in total" after another drug's dose is not: "Drug: Melphalan 50
#: to 70 mg/m^2 in total for 1 or 2 days", after the cell dose levels of NCT04264039).
_TOTAL_AMOUNT = re.compile(r"\b(?:total|cumulative)\b(?:\s+[\w-]+){0,4}?\s*(?:of|:|is|was)?\s*\(?$", re.IGNORECASE)
#: "in total" right after the cells: "DL1: 1,5x10^7 CoV-2-STs in total" (trial.medpath.com NCT05447013), a total, no one
#: administration's dose.
_TOTAL_AFTER = re.compile(r"^\s*(?:/\s*kg\s*)?in\s+total\b", re.IGNORECASE)


def _said_total(text: str, amount: Amount) -> bool:
    """Whether the text says the amount is a total: "total dose of ...", "... cells in total"."""
    if _TOTAL_AMOUNT.search(text, max(0, amount.start - 40), amount.start):
        return True
    after = text[amount.end: amount.end + _AROUND]
    words = _CELL_WORDS.match(_PER_KG.sub("", after, count=1))
    return bool(_TOTAL_AFTER.match(words.group("tail") if words else after))


#: A count glued to the product's name before it: "Group 2: ScTIL1.5x10^10 alone" (ignite-sd.com NCT05730361).
_GLUED_COUNT = re.compile(r"(?<=[A-Za-z])(?=\d+(?:\.\d+)?\s*[x×]\s*10\s*(?:\^|∧|※|\*\*))")
#: The cells named right before a bare count of them: "single dose of ScTIL injection of 5x10^9 alone", "Group 3: ScTIL
#: 5x10^9 plus B lymphocytes adjuvant 5x10^9" (ignite-sd.com NCT05730361).
_CELLS_BEFORE = re.compile(r"(?:\bcells?|\blymphocytes|TILs?|\bCIKs?|\bNK|\bCAR[- ]?T|MSCs?)\s*"
                           r"(?:(?:injection|infusion|product)\s+)?(?:of\s+)?$")


#: A dose of cells whose count the sentence says without the word "cells" again: "The starting dose is FT538 1x10e8 cells
#: per dose with a lower safety dose of 5x10e7 if needed (Dose Level -1)" (ClinicalTrials.gov NCT04714372): the count
#: right after "dose of" or "dose (", nothing of a unit after it, in a sentence whose other dose is so many cells, is that
#: many cells. Alone it has no unit: "CD7 CAR T cells will be given once intravenously at one dose (1×106, with an
#: allowance of ± 20%)" (trial.medpath.com NCT04689659) may be cells or cells per kilogram.
_BARE_DOSE_BEFORE = re.compile(r"\bdose\s+(?:of\s+|\(\s*)$", re.IGNORECASE)
_NO_UNIT_AFTER = re.compile(r"\s*(?:[,;)]|if\b|when\b|\.(?!\d))", re.IGNORECASE)
#: A cytokine's or a drug's dose said the same way ("IL-2 at a dose of 1×10^6, three times a week, after the NK cells"):
#: not the cells'.
_OTHER_AGENT = re.compile(r"\binterleukin|\bIL-?\d|\b(?:IU|MIU|mg|µg|ug)\b", re.IGNORECASE)


#: A table of dose levels, its unit in the column's heading before the levels and each level labelled: "Dose CAR+
#: cells/kg Low 1×105 Medium 2×106 High 6×106" (meddatax.com NCT03559439, the superscripts lost after the "×10"). The
#: heading names the cells (and "/kg"); each label opens a level, its amount alone after it.
_LEVEL_TABLE_HEADING = re.compile(r"\bdoses?\s*\(?\s*(?:[A-Za-z][\w+-]*\s+){0,3}?cells?\s*(?P<per_kg>/\s*kg|per\s+kg)?"
                                  r"\s*\)?\s+$", re.IGNORECASE)
_LEVEL_LABEL = re.compile(r"(?<![\w-])(?:low|medium|middle|intermediate|high)(?:[- ]dose)?\s*:?\s+$", re.IGNORECASE)
#: What may end a level of such a table: the next level's label, or the table's end.
_LEVEL_ENDS = re.compile(r"[ \t]*(?:$|[\n.;])|\s*(?:low|medium|middle|intermediate|high)(?:[- ]dose)?\s*:?\s+\d",
                         re.IGNORECASE)


def _level_table(text: str, amounts: list[Amount]) -> tuple[list[DoseLevel], set[int]]:
    """The doses of a table of labelled levels whose heading gives the unit ("Dose CAR+ cells/kg Low 1×105 Medium 2×106
    High 6×106"), and where their amounts start. Each level is one amount of cells with nothing after it but the next
    label; levels without a heading naming the cells are none ("WBC Low 3×109 High 10×109"). The heading's "Dose" says
    which amount, not that it is one administration's: per dose is left to the sentence.
    """
    run: list[Amount] = []
    heading: re.Match[str] | None = None
    for amount in amounts:
        label = _LEVEL_LABEL.search(text, max(0, amount.start - 20), amount.start) if amount.high >= 1e4 else None
        level = label is not None and _LEVEL_ENDS.match(text, amount.end) is not None
        if level and run and not text[run[-1].end: label.start()].strip():
            run.append(amount)  # the next level, right after the last
            continue
        if len(run) >= 2:
            break
        heading = _LEVEL_TABLE_HEADING.search(text, max(0, label.start() - 60), label.start()) if level else None
        run = [amount] if heading else []
    if len(run) < 2 or heading is None:
        return [], set()
    unit = "{cells}/kg" if heading.group("per_kg") else "{cells}"
    return [DoseLevel(a.low, a.high, unit, False) for a in run], {a.start for a in run}


def cell_doses(text: str) -> list[DoseLevel]:
    """The cell doses a sentence states, with their unit and whether they are per dose.

    >>> cell_doses("3 dose levels (1.0×108 cells/dose,5.0×108 cells/dose,2.0×109 cells/dose)")
    [DoseLevel(minimum=100000000.0, maximum=100000000.0, unit='{cells}', per_dose=True), \
DoseLevel(minimum=500000000.0, maximum=500000000.0, unit='{cells}', per_dose=True), \
DoseLevel(minimum=2000000000.0, maximum=2000000000.0, unit='{cells}', per_dose=True)]
    >>> cell_doses("a fixed dose of 1.0-3.0 x 10^9 allogeneic UCB-NK cells")
    [DoseLevel(minimum=1000000000.0, maximum=3000000000.0, unit='{cells}', per_dose=True)]
    >>> cell_doses("twice a week of NK cells (0.1-2*10E7 NK cells/kg body weight)")
    [DoseLevel(minimum=1000000.0, maximum=20000000.0, unit='{cells}/kg', per_dose=False)]
    >>> cell_doses("three fixed dose (1 x 108/kg) infusions of ex-vivo expanded donor NK cells")
    [DoseLevel(minimum=100000000.0, maximum=100000000.0, unit='{cells}/kg', per_dose=True)]
    >>> cell_doses("Two doses of expanded haploidentical NK cells (30-100 x 10^6 cells /kg)")
    [DoseLevel(minimum=30000000.0, maximum=100000000.0, unit='{cells}/kg', per_dose=False)]
    >>> cell_doses("Cohort 2: 6×10∧6/kg CAR-NK cells, 2 infusions")
    [DoseLevel(minimum=6000000.0, maximum=6000000.0, unit='{cells}/kg', per_dose=False)]
    >>> cell_doses("The initial infusion dose level will start from 2x10^6/kg to 5x10^7/kg in every 2-4 weeks.")
    [DoseLevel(minimum=2000000.0, maximum=50000000.0, unit='{cells}/kg', per_dose=True)]
    >>> cell_doses("neutrophils < 0.5 x 10e6/L; WBC ≥ 3×109/L; 12 patients")
    []
    >>> cell_doses("starting with single dose of ScTIL injection of 5x10^9 alone. Group 2: ScTIL1.5x10^10 alone")
    [DoseLevel(minimum=5000000000.0, maximum=5000000000.0, unit='{cells}', per_dose=True), \
DoseLevel(minimum=15000000000.0, maximum=15000000000.0, unit='{cells}', per_dose=False)]
    """
    text = _GLUED_COUNT.sub(" ", text) if "10" in text else text
    doses: list[DoseLevel] = []
    previous: tuple[int, bool] = (-1, False)  # where the last dose statement ended, and whether it was per dose
    listed: list[Amount] = []  # "0.5 × 109, 1 × 109, 2 × 109 cells": amounts waiting for the unit after the last
    bare: list[Amount] = []  # "a lower safety dose of 5x10e7": amounts of a dose waiting for a unit another dose says
    translated = text.translate(_SUPERSCRIPTS)
    amounts = _ranges_per_kg(find_amounts(text), translated)
    tabled, in_table = _level_table(translated, amounts) if "dose" in text.lower() else ([], set())
    amounts = [a for a in amounts if a.start not in in_table]
    bounded = _bounded_range(amounts, text, translated)
    if bounded:
        doses.append(bounded)
        amounts = [a for a in amounts if a.low < 1e4]
    for amount in amounts:
        if amount.high < 1e4 and listed and _FLATTENED_POWER.fullmatch(text, amount.start, amount.end):
            power = 10.0 ** int(text[amount.start + 2: amount.end])
            if listed[-1].high < power < 1e13:
                amount = Amount(power, power, amount.start, amount.end)  # "or 109 iNKT cells" after "300 million"
        if amount.high < 1e4:
            if _IN_GROUP_SIZE.search(text, max(0, amount.start - 8), amount.start):
                continue  # "100 million (n = 3), 300 million (n = 4)": a group's size between the listed doses
            listed = []
            continue  # counts of patients, days, percentages: not cells
        if _UPPER_LIMIT.search(text[max(0, amount.start - 12): amount.start]):
            continue  # "< 1 x 10^5/kg CD3+ T cells": a purity limit, not a dose
        if ("urface" in text or "BSA" in text) and (
                _TIMES_BODY_AREA_BEFORE.search(text, max(0, amount.start - 30), amount.start)
                or _TIMES_BODY_AREA_AFTER.match(text, amount.end, amount.end + 40)):
            listed = []
            continue  # a count per square metre of body surface: no unit of the contract's
        if _FRACTION_BEFORE.search(text, max(0, amount.start - 20), amount.start):
            listed = []
            continue  # a part of a split dose, not a dose level
        if _LIST_GOES_ON.match(_GROUP_SIZE.sub("", text[amount.end: amount.end + _AROUND], count=1)):
            listed.append(amount)
            continue
        after = translated[amount.end: amount.end + _AROUND]
        if _PER_VOLUME.match(after):
            continue
        tolerance = _TOLERANCE.match(after)
        if tolerance:
            after = after[tolerance.end():]
        open_level = bool(_OPEN_LEVEL.search(text, max(0, amount.start - 13), amount.start))
        per_kg_first = _PER_KG.match(after)  # "6×10^6/kg CAR-NK cells"
        if per_kg_first:
            after = after[per_kg_first.end():]
        words = _CELL_WORDS.match(after)
        if not words:
            if (not per_kg_first and amount.low >= 1e5 and not re.match(r"\s*/", after)
                    and _CELLS_BEFORE.search(text, max(0, amount.start - 40), amount.start)):
                # a bare count after the cells' name: that many cells
                dose = DoseLevel(amount.low, amount.high, "{cells}",
                                 _dose_before(text, amount.start) or bool(_PER_DOSE_AFTER.match(after)))
                doses += [dose] if dose not in doses else []
                continue
            if (not per_kg_first and amount.low >= 1e5 and _NO_UNIT_AFTER.match(after)
                    and _BARE_DOSE_BEFORE.search(text, max(0, amount.start - 20), amount.start)):
                bare.append(amount)  # a dose of so many, the unit said by another dose of the sentence (or none)
                continue
            if per_kg_first and amount.low >= 1e5:
                # "three fixed dose (1 x 108/kg) infusions of ... NK cells": a count per kilogram
                # this large in a sentence about the cells is a cell dose (each of a list before it too: "20, 50, 70,
                # 100 and >100 x 10^6/kg", ctv.veeva.com NCT04327037)
                per_dose = _dose_before(text, (listed or [amount])[0].start) or bool(_GIVEN_EACH_TIME.match(after))
                for low, high in _levels(listed, amount, open_level):
                    dose = DoseLevel(low, high, "{cells}/kg", per_dose)
                    doses += [dose] if dose not in doses else []
                listed = []
            continue
        tail = after[words.end() - len(words.group("tail")):]
        if _PER_VOLUME.match(tail) or _PER_BODY_AREA.match(tail) or _YIELDED.match(tail):
            listed = []
            continue
        unit = "{cells}/kg" if per_kg_first or _PER_KG.match(tail) else "{cells}"
        per_dose = bool(_PER_DOSE_AFTER.search(tail) or _GIVEN_EACH_TIME.match(tail)
                        or _GIVEN_BY_ONE.match(_PER_KG.sub("", tail, count=1))) or _dose_before(
            text, (listed or [amount])[0].start)
        start = (listed or [amount])[0].start
        if not per_dose and previous[1] and previous[0] >= 0 and _ALTERNATIVE.fullmatch(text[previous[0]: start]):
            per_dose = True  # "a dose of 230 million cells or 460 million cells": the other of the doses
        if per_dose and _TOTAL_AFTER.match(tail):
            per_dose = False  # "1,5x10^7 CoV-2-STs in total; DL2: ... at each dose level": a total, whatever follows
        offset = amount.end + (per_kg_first.end() if per_kg_first else 0)
        previous = (offset + words.end() - len(words.group("tail")), per_dose)
        for low, high in _levels(listed, amount, open_level):
            dose = DoseLevel(low, high, unit, per_dose)
            if dose not in doses:
                doses.append(dose)
        listed = []
    if bare and any(dose.unit == "{cells}" for dose in doses) and not _OTHER_AGENT.search(text):
        # a dose of cells whose count the sentence gives without the word again: that many cells, one dose
        doses += [DoseLevel(a.low, a.high, "{cells}", True) for a in bare
                  if DoseLevel(a.low, a.high, "{cells}", True) not in doses]
    if len(doses) > 1 and _DOSE_LEVELS.search(text) and not any(
            _said_total(translated, amount) for amount in amounts if amount.high >= 1e4):
        # the levels of a dose escalation: each is the dose a cohort or group is given, one administration's
        doses = [dataclasses.replace(dose, per_dose=True) for dose in doses]
    # (a table's levels after: the groups a sentence names by their dose do not make a table's column one administration's)
    return doses + [dose for dose in tabled if dose not in doses]


def _levels(listed: list[Amount], amount: Amount, open_level: bool) -> list[tuple[float, float | None]]:
    """The dose levels of a statement: each amount of a list before it, and its own; an open level (">1 × 109 cells") at
    the end of a list is the list's beyond its last ("20, 50, 70, 100 and >100 x 10^6/kg", ctv.veeva.com NCT04327037: no
    level of its own), while alone it is a dose with a lower bound and no upper one ("Ex vivo–expanded auto-TILs (>1 × 109
    cells in a single dose)", jci.org NCT04443296).
    """
    levels: list[tuple[float, float | None]] = [(each.low, each.high) for each in listed]
    if not open_level:
        levels.append((amount.low, amount.high))
    elif not listed:
        levels.append((amount.low, None))
    return levels


#: "minimum of 1x10^9 cells", "up to a maximum of 3 X 10(11) lymphocytes": the two ends of one dose.
#: And the ends of the doses a protocol allows: "The lowest dose is 1×10^5 CAR T cells/kg (±20%), and the highest dose is
#: 1×10^6 CAR T cells/kg (±20%)" (ClinicalTrials.gov NCT04835519), a range of doses.
_MINIMUM_BEFORE = re.compile(r"\b(?:a\s+)?minimum(?:\s+of)?\s*$|\bat\s+least\s*$|\blowest\s+dose\s+is\s*$", re.IGNORECASE)
_MAXIMUM_BEFORE = re.compile(r"\bup\s+to(?:\s+a\s+maximum\s+of)?\s*$|\b(?:a\s+)?maximum(?:\s+of)?\s*$"
                             r"|\bhighest\s+dose\s+is\s*$", re.IGNORECASE)


def _bounded_range(amounts: list[Amount], text: str, translated: str) -> DoseLevel | None:
    """One dose between the minimum and the maximum a sentence gives of the cells: "infusion of up to 2x10^11
    lymphocytes (minimum of 1x10^9 cells)" is 1e9 to 2e11 cells; a bound alone is no dose range.
    """
    lowered = text.lower()
    if "minimum" not in lowered and "at least" not in lowered and "lowest dose" not in lowered:
        return None
    large = [a for a in amounts if a.low == a.high and a.high >= 1e4]
    lows = [a for a in large if _MINIMUM_BEFORE.search(text, max(0, a.start - 20), a.start)]
    highs = [a for a in large if _MAXIMUM_BEFORE.search(text, max(0, a.start - 30), a.start)]
    if len(lows) != 1 or len(highs) != 1 or len(large) != 2 or lows[0].low >= highs[0].high:
        return None
    if not any(_CELL_WORDS.match(translated[a.end: a.end + _AROUND]) for a in large):
        return None
    return DoseLevel(lows[0].low, highs[0].high, "{cells}/kg" if all(_per_kg(translated, a) for a in large) else "{cells}",
                     "lowest dose" in lowered)


def _per_kg(text: str, amount: Amount) -> bool:
    """Whether the amount is per kilogram: "2 x 10^6/kg", "2 x 10^6 cells/kg"."""
    after = text[amount.end: amount.end + _AROUND]
    words = _CELL_WORDS.match(after)
    return bool(_PER_KG.match(after) or (words and _PER_KG.match(words.group("tail"))))


#: "from 2x10^6/kg to 5x10^7/kg" (NCT04765462): each end of a range written with its own "/kg".
_RANGE_PER_KG = re.compile(r"\s*(?:/\s*kg|per\s+kg)\s*(?:-|–|~|to)\s*$", re.IGNORECASE)


def _ranges_per_kg(amounts: list[Amount], text: str) -> list[Amount]:
    """The amounts, two joined into one range where a range gives each end its "/kg"."""
    joined: list[Amount] = []
    for amount in amounts:
        last = joined[-1] if joined else None
        if (last is not None and last.low == last.high and amount.low == amount.high and last.high < amount.low
                and _RANGE_PER_KG.fullmatch(text[last.end: amount.start]) and _PER_KG.match(text[amount.end:])):
            joined[-1] = Amount(last.low, amount.high, last.start, amount.end)
        else:
            joined.append(amount)
    return joined


def _dose_before(text: str, position: int) -> bool:
    """Whether "dose of" ends right before ``position`` (searched near it: a search of all the text before was quadratic),
    and not "total dose of".
    """
    found = _DOSE_BEFORE.search(text, max(0, position - _AROUND), position)
    return bool(found) and not _TOTAL_BEFORE.search(text, max(0, found.start() - 20), found.start())


#: Cytokine dose units as written -> (factor, UCUM code). "mIU" on trial pages means a
#: million units (1 mIU of IL-2 is a clinical dose; a thousandth of a unit is not).
_CYTOKINE_UNITS: list[tuple[re.Pattern[str], float, str]] = [
    (re.compile(r"^\s*(?:MIU|mIU|MU|million\s+(?:international\s+)?(?:IU|units?))\b"), 1e6, "[IU]"),
    # "WU" (万单位, ten thousand units) of a record written in China: "injected with 100WU/ m2 of interleukin (IL)-2"
    # (ClinicalTrials.gov NCT05519384)
    (re.compile(r"^\s*(?:WU|WIU|万\s*(?:IU|U|单位))(?![\w-])"), 1e4, "[IU]"),
    # "UI" (unités internationales): "IL-2 1x10^6 UI/m2 subcutaneous" (NCT02763475)
    (re.compile(r"^\s*(?:IU|UI|international\s+units?|units?|U)\b", re.IGNORECASE), 1.0, "[IU]"),
    (re.compile(r"^\s*(?:µg|μg|ug|mcg|micrograms?)", re.IGNORECASE), 1.0, "ug"),
    (re.compile(r"^\s*(?:ng|nanograms?)\b", re.IGNORECASE), 1.0, "ng"),
    (re.compile(r"^\s*(?:mg|milligrams?)\b", re.IGNORECASE), 1.0, "mg"),
]
_PER_AREA = re.compile(r"^\s*(?:/\s*m2|/\s*m²|/\s*m\^2|per\s+(?:square\s+meter|m2))", re.IGNORECASE)
_PER_BODY_WEIGHT = re.compile(r"^\s*(?:/\s*kg|per\s+kg)", re.IGNORECASE)

#: UCUM codes -> the unit tokens of the stored-query contract.
UCUM_TOKENS = {"[IU]": "IU", "ug": "ug", "ng": "ng", "mg": "mg", "{cells}": "cells"}


def cytokine_dose(text: str) -> tuple[float, str] | None:
    """The first cytokine dose in ``text``: its value and UCUM unit.

    >>> cytokine_dose("low-dose interleukin-2 (1mIU ih, Qd) for 28 days")
    (1000000.0, '[IU]')
    >>> cytokine_dose("in a fixed dose of 3.0 x 10^6 units starting 4 hours after")
    (3000000.0, '[IU]')
    >>> cytokine_dose("IL-15 at 1 µg/kg/day"), cytokine_dose("2 x 10^6 IU/m2 three times a week")
    ((1.0, 'ug/kg'), (2000000.0, '[IU]/m2'))
    >>> cytokine_dose("injected with 100WU/ m2 of interleukin (IL)-2")
    (1000000.0, '[IU]/m2')
    >>> cytokine_dose("for 28 days") is None
    True
    """
    for amount in find_amounts(text):
        after = text[amount.end: amount.end + _AROUND]
        for pattern, factor, code in _CYTOKINE_UNITS:
            unit = pattern.match(after)
            if not unit:
                continue
            rest = after[unit.end():]
            if _PER_AREA.match(rest):
                code += "/m2"
            elif _PER_BODY_WEIGHT.match(rest):
                code += "/kg"
            return amount.low * factor, code
    return None
