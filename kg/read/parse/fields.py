"""Readers of single field values as pages print them: phases, counts, ages, dates, countries."""

from __future__ import annotations

import contextlib
import math
import re
import unicodedata
from datetime import date, datetime
from functools import cache

import pycountry

from kg.model.text import fold, is_placeholder
from kg.model.vocab import lookup

__all__ = [
    "parse_phases", "parse_count", "parse_age_years", "parse_age_range", "parse_date",
    "country_code", "flag_country", "typed_intervention", "typed_interventions", "find_doi", "find_pmid", "value_or_none",
]

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "0": "0", "1": "1", "2": "2", "3": "3", "4": "4"}
_PHASE_NUMBER = r"(iv|iii|ii|i|[0-4])(?:[ab]|\s*[ab]\b)?"
_PHASE_JOIN = r"\s*(?:(?:/|\||,|-|and|&)\s*(?:phase\s*)?|phase\s*)"
_PHASE = re.compile(rf"\b(early\s+)?phase\s*{_PHASE_NUMBER}(?![a-z0-9])((?:{_PHASE_JOIN}{_PHASE_NUMBER}(?![a-z0-9]))*)",
                    re.IGNORECASE)
_PHASE_MORE = re.compile(rf"(?:(?:/|\||,|-|and|&)\s*(?:phase\s*)?|phase\s*){_PHASE_NUMBER}", re.IGNORECASE)


def parse_phases(text: str | None) -> list[str]:
    """The phase tokens a phrase states, in order.

    >>> parse_phases("Phase 1"), parse_phases("PHASE1/PHASE2"), parse_phases("A Phase I/IIa study")
    (['PHASE1'], ['PHASE1', 'PHASE2'], ['PHASE1', 'PHASE2'])
    >>> parse_phases("Phase 1 Phase 2"), parse_phases("Phase 2 study of 3 arms")
    (['PHASE1', 'PHASE2'], ['PHASE2'])
    >>> parse_phases("Early Phase 1"), parse_phases("N/A"), parse_phases("a phase-out of drug")
    (['EARLY_PHASE1'], ['NA'], [])
    >>> parse_phases("EARLY_PHASE1")  # meddatax.com prints the registry's token
    ['EARLY_PHASE1']
    """
    if not text:
        return []
    if lookup("phase", text) == "NA" or fold(text).lower() in {"not applicable", "n/a", "na"}:
        return ["NA"]
    match = _PHASE.search(text.replace("_", " "))  # the registry's own tokens: "EARLY_PHASE1"
    if not match:
        return []
    numbers = [_ROMAN[match.group(2).lower()]]
    numbers += [_ROMAN[m.group(1).lower()] for m in _PHASE_MORE.finditer(match.group(3) or "")]
    tokens = []
    for number in numbers:
        early = number == "0" or (match.group(1) and number == "1" and not tokens)
        token = "EARLY_PHASE1" if early else f"PHASE{number}"
        if token not in tokens:
            tokens.append(token)
    return tokens


def group_sizes(text: str | None) -> list[tuple[str, int]]:
    """The groups and their sizes of a sample size given group by group (ChiCTR's "Control group:30;CIK group:30;NK
    group:30;"); none for any other value.

    >>> group_sizes("Control group:30;CIK group:30;NK group:30;")
    [('Control group', 30), ('CIK group', 30), ('NK group', 30)]
    >>> group_sizes("30"), group_sizes("Children: 10")
    ([], [])
    """
    groups = re.findall(r"(?:^|;)\s*([^;:\d][^;:]{0,80}?)\s*:\s*(\d{1,7})\s*(?=;|$)", text or "")
    if len(groups) >= 2 and re.fullmatch(r"(?:\s*[^;:]+:\s*\d{1,7}\s*;?)+\s*", text or ""):
        return [(fold(name), int(size)) for name, size in groups]
    return []


def parse_count(text: str | None) -> int | None:
    """The first whole number of a phrase ("15 estimated patients", "1,200 participants"); a number
    of more than 12 digits is no count (and one of 4,300 Python will not read).

    A list of group sizes ("Control group:30;CIK group:30;NK group:30;", ChiCTR's target sample size) is its sum.

    >>> parse_count("15 estimated patients"), parse_count("1,200"), parse_count("Not specified"), parse_count("9" * 5000)
    (15, 1200, None, None)
    >>> parse_count("Control group:30;CIK group:30;NK group:30;")
    90
    """
    groups = group_sizes(text)
    if groups:
        return sum(size for _, size in groups)
    match = re.search(r"\d[\d,]*", text or "")
    digits = match.group(0).replace(",", "") if match else ""
    return int(digits) if digits and len(digits) <= 12 else None


_UNIT_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25, "hour": 1 / 8766,
               "minute": 1 / 525960}


def parse_age_years(text: str | None) -> float | None:
    """An age in years from "18 Years", "6 Months", "18", in the units ClinicalTrials.gov gives
    ages in (years, months, weeks, days, hours, minutes).

    >>> parse_age_years("18 Years"), parse_age_years("6 Months"), parse_age_years("N/A"), parse_age_years("1" * 400)
    (18.0, 0.5, None, None)
    >>> parse_age_years("130 Years"), parse_age_years("30 Minutes")
    (130.0, 0.0001)
    """
    match = re.search(r"(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)?", text or "", re.IGNORECASE)
    if not match:
        return None
    years = float(match.group(1)) * _UNIT_YEARS[(match.group(2) or "year").lower()]
    return round(years, 4) if math.isfinite(years) else None


def parse_age_range(text: str | None) -> tuple[float | None, float | None]:
    """Minimum and maximum age in years from "18 to 80 years old", "18+ years", "Up to 17 years".

    A number without its own unit takes the unit of the number after it.

    >>> parse_age_range("18 to 80 years old"), parse_age_range("18+ years old"), parse_age_range("up to 17 years")
    ((18.0, 80.0), (18.0, None), (None, 17.0))
    >>> parse_age_range("6 months to 21 years old")
    (0.5, 21.0)
    """
    text = fold(text).lower()
    found = re.findall(r"(\d+(?:\.\d+)?)\s*(year|month|week|day)?", text)
    if not found:
        return None, None
    units, following = [], "year"
    for _, unit in reversed(found):  # from the end, so that a long run of numbers takes linear time
        following = unit or following
        units.append(following)
    ages = [round(float(number) * _UNIT_YEARS[unit], 4) for (number, _), unit in zip(found[:2], units[::-1])]
    if not all(math.isfinite(age) for age in ages):  # "1111…1 years" of 400 digits is the float inf
        return None, None
    if re.search(r"\b(up to|under|younger than|below|less than)\b|[<≤]", text):
        return None, ages[0]
    return ages[0], ages[1] if len(ages) > 1 else None


#: "2020-12-03" or "2020-12" (years from 1000: strftime writes year 999 without its zero).
_ISO_DATE = re.compile(r"[1-9][0-9]{3}-[0-9]{2}(?:-[0-9]{2})?")
_DATE_FORMATS = (("%Y-%m-%d", 10), ("%B %d, %Y", 10), ("%b %d, %Y", 10), ("%d %B %Y", 10), ("%d %b %Y", 10),
                 ("%Y-%m", 7), ("%B %Y", 7), ("%b %Y", 7), ("%Y/%m/%d", 10))


#: A date printed with its weekday, day and month in digits: "Sun, 05/01/2016".
_WEEKDAY_DATE = re.compile(r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.IGNORECASE)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


#: Day and month in digits, either first, and the year: "19/03/2019".
_DIGITS_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _one_reading(first: str, second: str, year: str) -> str | None:
    """The date a digits-only date makes when only one order of day and month makes one ("19/03/2019"); None when
    both do and differ ("05/01/2016").
    """
    readings = set()
    for month, day in ((first, second), (second, first)):
        with contextlib.suppress(ValueError):
            readings.add(date(int(year), int(month), int(day)).isoformat())
    return readings.pop() if len(readings) == 1 else None


def _on_weekday(weekday: str, first: str, second: str, year: str) -> str | None:
    """The one reading of a digits-only date (month first or day first) that falls on the weekday printed with it;
    None when both or neither do.
    """
    readings = set()
    for month, day in ((first, second), (second, first)):
        with contextlib.suppress(ValueError):
            found = date(int(year), int(month), int(day))
            if _WEEKDAYS[found.weekday()] == weekday.lower():
                readings.add(found.isoformat())
    return readings.pop() if len(readings) == 1 else None


def parse_date(text: str | None, day_first: bool = False) -> str | None:
    """An ISO date (``YYYY-MM-DD`` or ``YYYY-MM``) from the ways pages print dates.

    >>> parse_date("2020-12-03"), parse_date("December 3, 2020"), parse_date("Sep 2025"), parse_date("30 Nov 2017")
    ('2020-12-03', '2020-12-03', '2025-09', '2017-11-30')
    >>> parse_date("2020-12"), parse_date("2020-13"), parse_date("2019-02-29")
    ('2020-12', None, None)

    Day and month in digits only are read when the weekday printed with them tells which is which (aamds.org):

    >>> parse_date("Sun, 05/01/2016"), parse_date("Fri, 05/01/2020"), parse_date("05/01/2016")
    ('2016-05-01', '2020-05-01', None)

    … or when only one order makes a date: "19/03/2019" (a day above 12; the NIPH portal's "Date of first enrollment").

    >>> parse_date("19/03/2019"), parse_date("03/19/2019"), parse_date("19/13/2019")
    ('2019-03-19', '2019-03-19', None)

    … or when the layout prints its dates day first (``day_first``: the WHO ICTRP record view's "Date of first
    enrolment: 01/05/2018", who_ictrp):

    >>> parse_date("01/05/2018", day_first=True), parse_date("05/13/2018", day_first=True)
    ('2018-05-01', None)
    """
    text = fold(text).rstrip(".")
    if not text:
        return None  # most registry studies have no results date: nine failed strptime calls each
    dated = _WEEKDAY_DATE.fullmatch(text)
    if dated:
        return _on_weekday(*dated.groups())
    digits = _DIGITS_DATE.fullmatch(text)
    if digits and day_first:
        day, month, year = digits.groups()
        with contextlib.suppress(ValueError):
            return date(int(year), int(month), int(day)).isoformat()
        return None
    if digits:
        return _one_reading(*digits.groups())
    if _ISO_DATE.fullmatch(text):  # the registry's own form, read without strptime's exceptions
        with contextlib.suppress(ValueError):
            return date.fromisoformat(text if len(text) == 10 else f"{text}-01").isoformat()[:len(text)]
    for pattern, width in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).strftime("%Y-%m-%d")[:width]
        except ValueError:
            continue
    return None


#: Country names registries print that pycountry does not know by that name: ClinicalTrials.gov's
#: own list ("Turkey (Türkiye)", "Libyan Arab Jamahiriya", "Palestinian Territory, occupied",
#: "Virgin Islands (U.S.)", "Macedonia, The Former Yugoslav Republic of"), older and everyday names.
_COUNTRY_ALIASES = {
    "turkey": "TR", "turkiye": "TR", "korea": "KR", "south korea": "KR", "republic of korea": "KR", "korea (south)": "KR",
    "north korea": "KP", "korea (north)": "KP", "russia": "RU", "iran": "IR", "taiwan": "TW", "vietnam": "VN",
    "macedonia": "MK", "the former yugoslav republic of macedonia": "MK", "macedonia, the former yugoslav republic of": "MK",
    "czechia": "CZ", "uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB", "usa": "US",
    "u.s.": "US", "u.s.a.": "US", "united states of america": "US", "the netherlands": "NL", "holland": "NL",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "syria": "SY", "laos": "LA", "moldova": "MD",
    "palestine": "PS", "palestinian territory, occupied": "PS", "palestinian territories, occupied": "PS",
    "occupied palestinian territory": "PS", "hong kong": "HK", "macau": "MO", "macao": "MO", "ivory coast": "CI",
    "congo, the democratic republic of the": "CD", "democratic republic of the congo": "CD",
    "libyan arab jamahiriya": "LY", "virgin islands (u.s.)": "VI", "u.s. virgin islands": "VI",
    "virgin islands (british)": "VG", "british virgin islands": "VG", "cape verde": "CV", "swaziland": "SZ",
    "burma": "MM", "east timor": "TL", "sint maarten": "SX", "saint martin": "MF", "vatican city": "VA",
    "vatican city (holy see)": "VA",
}


def _plain(name: str) -> str:
    """A country name lowercased and without accents: "Côte D'Ivoire" and "Cote D'Ivoire" are one name."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()


@cache
def _countries_by_plain_name() -> dict[str, str]:
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                codes.setdefault(_plain(value), country.alpha_2)
    return codes


@cache
def country_code(name: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country name, or None when it is not a country. A name
    with another in brackets ("Turkey (Türkiye)") is either's country.

    >>> country_code("Belarus"), country_code("Korea, Republic of"), country_code("Minsk Region")
    ('BY', 'KR', None)
    >>> country_code("Turkey (Türkiye)"), country_code("Cote D'Ivoire"), country_code("Virgin Islands (U.S.)")
    ('TR', 'CI', 'VI')
    """
    name = fold(name).strip(" ,.")
    if not name:
        return None
    plain = _plain(name)
    code = _COUNTRY_ALIASES.get(plain) or _countries_by_plain_name().get(plain)
    if code:
        return code
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        pass
    outer, bracket, inner = name.partition(" (")
    if bracket and inner.endswith(")"):
        return country_code(outer) or country_code(inner[:-1])
    return None


def flag_country(text: str) -> str | None:
    """The country of a flag emoji (two regional indicator letters).

    >>> flag_country("🇧🇾")
    'BY'
    """
    letters = [chr(ord(c) - 0x1F1E6 + ord("A")) for c in text.strip() if 0x1F1E6 <= ord(c) <= 0x1F1FF]
    return "".join(letters) if len(letters) == 2 else None


_TYPED = re.compile(r"^\s*([A-Za-z][A-Za-z /]+?)\s*:\s*(.+)$")


def typed_intervention(text: str) -> tuple[str | None, str]:
    """Split "Biological: NK cell infusions" into its type token and name.

    >>> typed_intervention("Biological: NK cell infusions")
    ('BIOLOGICAL', 'NK cell infusions')
    >>> typed_intervention("Cy/Flu chemotherapy")
    (None, 'Cy/Flu chemotherapy')
    """
    match = _TYPED.match(text)
    if match:
        token = lookup("intervention-type", match.group(1))
        if token:
            return token, fold(match.group(2))
    return None, fold(text)


#: Where the next typed intervention starts in a cell or line holding several: after a space ("Biological: NK
#: cells Drug: Cytarabine") or glued to the name before it ("cytarabine hydrochlorideBiological: …").
_NEXT_TYPED = re.compile(r"(?:(?<=[a-z0-9)\]])|(?<=\S)\s+)(?=(?:Biological|Drug|Procedure|Radiation|Device|Genetic|Behavioral|"
                         r"Dietary Supplement|Combination Product|Diagnostic Test|Other)\s*:\s)")


def typed_interventions(text: str) -> list[tuple[str | None, str]]:
    """The (type token, name) pairs of a cell or line listing typed interventions one after another.

    >>> typed_interventions("Biological: NK cells Drug: Cytarabine")
    [('BIOLOGICAL', 'NK cells'), ('DRUG', 'Cytarabine')]
    >>> typed_interventions("Drug: cytarabine hydrochlorideBiological: natural killer cell therapy")
    [('DRUG', 'cytarabine hydrochloride'), ('BIOLOGICAL', 'natural killer cell therapy')]
    """
    return [typed_intervention(part) for part in _NEXT_TYPED.split(text) if part.strip()]


_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)
_PMID = re.compile(r"\bPMID:?\s*(\d{5,9})\b", re.IGNORECASE)
#: Link text glued to a DOI where a page's link was copied: "10.1017/S0267190519000114[Opens in a new
#: window]" (Cambridge Core), "[PubMed]", "[Crossref]", "(opens in new tab)". A bracket of words only
#: ends a DOI; brackets of a DOI's own hold digits or come in pairs ("...(20)30211-7").
_LINK_TEXT = re.compile(r"\[[A-Za-z ]*(?:\]|$)|[\[(]?\s*opens? in (?:a )?new (?:window|tab).*$", re.IGNORECASE)


def find_doi(text: str) -> str | None:
    """The DOI cited in a reference, without trailing punctuation or link text.

    >>> find_doi("Clin Cancer Res. 2017;23(15):4107-4118. doi: 10.1158/1078-0432.CCR-16-2981. Epub 2017")
    '10.1158/1078-0432.CCR-16-2981'
    >>> find_doi("doi: 10.1017/S0267190519000114[Opens in a new window]"), find_doi("10.1016/S0140-6736(20)30211-7.")
    ('10.1017/S0267190519000114', '10.1016/S0140-6736(20)30211-7')
    """
    match = _DOI.search(text)
    if not match:
        return None
    doi = _LINK_TEXT.split(match.group(1), maxsplit=1)[0]
    return doi.rstrip(".,;") if doi.count("(") >= doi.count(")") else doi.rstrip(".,;)")


def find_pmid(text: str) -> str | None:
    """The PubMed id cited in a reference.

    >>> find_pmid("... 2017 Mar 9. PMID: 28280089")
    '28280089'
    """
    match = _PMID.search(text)
    return match.group(1) if match else None


def value_or_none(text: str | None) -> str | None:
    """The folded text, or None for the placeholders pages print for "no value"."""
    return None if is_placeholder(text) else fold(text)



#: The words a disease's name ends in ("Acute Myeloid Leukemia", "Squamous Cell Carcinoma").
_DISEASE_HEAD = (r"(?:leuka?emias?|lymphomas?|cancers?|carcinomas?|melanomas?|myelomas?|sarcomas?|gliomas?|blastomas?|"
                 r"syndromes?|diseases?|tumou?rs?|neoplasms?|malignanc(?:y|ies)|disorders?)")
#: Where a name may end and the next begin: a space before a capital (tried only after a disease's name).
_SPACED_NAMES = re.compile(r"\s+(?=[A-Z])")
#: ... with an abbreviation or a qualifier after a comma ("Leukemia (AML)", "Leukemia, BCR-ABL1 Positive").
_ENDS_IN_DISEASE = re.compile(rf"\b{_DISEASE_HEAD}(?:\s*\([^)]*\)|,\s*[\w-]+(?:\s+[\w-]+)?)?\s*$", re.IGNORECASE)


def split_spaced_conditions(text: str) -> list[str]:
    """Condition names a page joined with spaces, one list item after the other: split after a disease's name
    where what follows is a disease's name too (capitalised, ending in "Leukemia", "Carcinoma", "Syndrome" …).

    >>> split_spaced_conditions("Refractory B-Cell Non-Hodgkin Lymphoma Relapsed B-cell Non-Hodgkin Lymphoma")
    ['Refractory B-Cell Non-Hodgkin Lymphoma', 'Relapsed B-cell Non-Hodgkin Lymphoma']
    >>> split_spaced_conditions("Blast Phase Chronic Myelogenous Leukemia, BCR-ABL1 Positive Recurrent Hodgkin Lymphoma")
    ['Blast Phase Chronic Myelogenous Leukemia, BCR-ABL1 Positive', 'Recurrent Hodgkin Lymphoma']
    >>> split_spaced_conditions("Melanoma (Skin Cancer) Unresectable Melanoma Metastatic Melanoma")
    ['Melanoma (Skin Cancer)', 'Unresectable Melanoma', 'Metastatic Melanoma']
    >>> split_spaced_conditions("Cancer Pain"), split_spaced_conditions("Acute Myeloid Leukemia, BCR-ABL1 Positive")
    (['Cancer Pain'], ['Acute Myeloid Leukemia, BCR-ABL1 Positive'])
    """
    pieces: list[str] = []
    rest = fold(text)
    while True:
        cut = None
        for match in _SPACED_NAMES.finditer(rest):
            if _ENDS_IN_DISEASE.search(rest[:match.start()]) and _ENDS_IN_DISEASE.search(_first_name(rest[match.end():])):
                cut = match  # of places in a row that could end the name, the last: "…, BCR-ABL1 Positive"
            elif cut is not None:
                break
        if cut is None:
            return [*pieces, rest] if rest else pieces
        pieces.append(rest[:cut.start()].strip())
        rest = rest[cut.end():].strip()


def _first_name(text: str) -> str:
    """The first disease name of ``text``: up to the first place it could be split (or all of it)."""
    ends = [m.start() for m in _SPACED_NAMES.finditer(text) if _ENDS_IN_DISEASE.search(text[:m.start()])]
    return text[:ends[0]] if ends else text
