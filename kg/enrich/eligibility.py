"""Eligibility criteria -> thresholds: the measured quantity, the comparator, the value and its unit.

Criteria state their limits in a few dozen recurring forms: "Age ≥ 18 years", "ECOG 0-2", "KPS
score ≥ 70", "Serum creatinine of 2.0 mg/dl or less", "ALT ≤ 3×ULN", "platelet count of 100,000
per cu mm or more", "ejection fraction ≥ 50%". Each is read as one :class:`Threshold` per limit
(a range gives two); a criterion that names no quantity of :data:`QUANTITIES`, or states no limit
for it, gives none: its text stays text. Two limits joined by "or" ("creatinine ≤ 1.5 mg/dL or
clearance ≥ 60 mL/min") are alternatives: either one satisfies the criterion.

Units are UCUM codes (``ULN`` for multiples of the upper limit of normal, ``a`` for years). A
value in a unit that scales to the unit a patient's value is given in (10^9/L and /mm3 to /uL,
g/L to g/dL) also gets its normalised value, so that ``trials_for_patient`` compares like with
like; no conversion needs a molar mass, so µmol/L creatinine stays as stated.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
import string

from kg.model.records import Criterion, Threshold, TrialRecord
from kg.model.text import class_characters

__all__ = ["QUANTITIES", "PATIENT_UNITS", "criterion_thresholds", "read_thresholds"]

#: Quantity token -> how criteria name it. Order matters where one name holds another
#: (creatinine clearance before creatinine).
QUANTITIES: dict[str, str] = {
    # Not "gestational age" (weeks of pregnancy); an age may be written in days or months ("≥ 28 days of age").
    "AGE": r"(?<!gestational\s)(?<!gestation\s)\bage[ds]?(?:\b|(?=\d))(?!\s*-?\s*(?:appropriate|related|matched|adjusted|specific))|"
           r"\b(?:years?|months?|days?)\s+(?:of\s+age|old)\b",
    "ECOG": r"\bECOG\b|Eastern\s+Cooperative\s+(?:Oncology\s+)?Group|\bZubrod\b|\bWHO\s+performance\s+status",
    "KARNOFSKY": r"\bKarnofsky\b|\bKPS\b",
    "LANSKY": r"\bLansky\b",
    "CREATININE_CLEARANCE": r"creatinine\s+clearance|\bCrCl\b|\be?GFR\b|glomerular\s+filtration\s+rate",
    # "Cr"/"Scr" only as written (case-sensitive): "CR" is a complete remission.
    "CREATININE": r"\bcreatinine\b|(?-i:\bS?Cr\b)",
    "BILIRUBIN": r"\bbilirubin\b|\bT?BIL\b",
    "ALT": r"\bALT\b|alanine\s+(?:amino)?transaminase|alanine\s+aminotransferase|\bSGPT\b",
    "AST": r"\bAST\b|aspartate\s+(?:amino)?transaminase|aspartate\s+aminotransferase|\bSGOT\b",
    "LVEF": r"\bLVEF\b|\bejection\s+fraction\b|\bEF\b",
    "ANC": r"\bANC\b|absolute\s+neutrophil\s+count|\bneutrophils?\b(?:\s+count)?|\bgranulocytes?\b",
    "PLATELETS": r"\bplatelets?\b(?:\s+counts?)?|\bPLT\b|\bthrombocytopenia\b",
    # Not glycated haemoglobin (HbA1c), a measure of blood glucose.
    "HEMOGLOBIN": r"(?<!glycated\s)(?<!glycosylated\s)\bha?emoglobin\b(?!\s*A\s*1\s*c)|\bHgb\b|\bHb\b",
    "DLCO": r"\bDLCO\b|diffusi(?:ng|on)\s+capacity",
    "FEV1": r"\bFEV\s?1\b",
    "OXYGEN_SATURATION": r"oxygen\s+saturation|\bSpO2\b|\bSaO2\b|\bO2\s+sat",
    # "prior lines", "previous platinum-containing regimens", "prior standard therapy lines" (words, not numbers, between).
    "PRIOR_LINES": r"\b(?:prior|previous)\s+(?:[a-z-]+\s+){0,3}?(?:lines?|regimens?)\b|"
                   r"\blines?\s+of\s+(?:prior\s+|previous\s+)?(?:systemic\s+)?"
                   r"(?:therapy|therapies|treatment|chemotherapy)",
}
_QUANTITY = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in QUANTITIES.items()), re.IGNORECASE)
#: Where a name of :data:`QUANTITIES` can start: a word starting with one of the first letters of the
#: names written after ``\b``, or the first two letters of a name written without it ("Eastern",
#: "creatinine clearance", "glomerular", "alanine", "aspartate", "absolute", "diffusion", "oxygen").
#: It only rules positions out (a name added to QUANTITIES must keep to it: tests/test_eligibility.py
#: holds one mention of each name): without it the regex tries its few dozen names at every character,
#: and that was most of the time of reading the thresholds of a registry study.
_NAME_START = r"(?=\b[abcdefghklmnopstwyz]|[acdego][abilrsx])"
_QUANTITY_AT = re.compile(f"{_NAME_START}(?:{_QUANTITY.pattern})", re.IGNORECASE)
_CAN_START = re.compile(_NAME_START, re.IGNORECASE)


def _first_characters(items: _sre_parse.SubPattern | list) -> tuple[set[int] | None, bool]:
    """The characters a match of a parsed pattern can start with (None: it can start with others too, those of a
    category such as the digits, or any character), and whether it can match the empty string.
    """
    first: set[int] = set()
    for op, arg in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width: the next item starts the match
        if op is _sre.LITERAL:
            return first | {arg}, False
        if op is _sre.IN:
            named, complete = class_characters(arg)
            return (first | named, False) if complete else (None, False)
        if op is _sre.SUBPATTERN:
            inner, empty = _first_characters(arg[3])
        elif op is _sre.BRANCH:
            inner, empty = set(), False
            for branch in arg[1]:
                found, can_be_empty = _first_characters(branch)
                if found is None:
                    return None, False
                inner, empty = inner | found, empty or can_be_empty
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            inner, empty = _first_characters(arg[2])
            empty = empty or arg[0] == 0
        else:
            return None, False
        if inner is None:
            return None, False
        first |= inner
        if not empty:
            return first, False
    return first, True


def _names_starting(character: str) -> re.Pattern[str] | None:
    """_QUANTITY with only the names that can start with ``character`` (in their order), or None for none."""
    kept = []
    for name, pattern in QUANTITIES.items():
        first, empty = _first_characters(_sre_parse.parse(pattern, re.IGNORECASE))
        if first is None or empty or any(re.fullmatch(re.escape(chr(code)), character, re.IGNORECASE) for code in first):
            kept.append(f"(?P<{name}>{pattern})")
    return re.compile("|".join(kept), re.IGNORECASE) if kept else None


#: For each ASCII letter and digit, the names that can start with it: at a place where a name can start, only those
#: are tried (a few of the seventeen), and only there.
_STARTING = {character: pattern for character in string.ascii_letters + string.digits
             if (pattern := _names_starting(character)) is not None}


def _quantity_mentions(text: str) -> list[re.Match[str]]:
    """``list(_QUANTITY_AT.finditer(text))``, found in a third less time: at each place where a name can start, the
    names that can start with its character (all of them at a character that is no ASCII letter or digit).
    """
    found: list[re.Match[str]] = []
    end = 0
    for place in _CAN_START.finditer(text):
        at = place.start()
        if at < end:
            continue
        mention = _STARTING.get(text[at], _QUANTITY).match(text, at)
        if mention:
            found.append(mention)
            end = mention.end()
    return found

#: The unit a patient's value of each quantity is given in (``kg query trials_for_patient``).
PATIENT_UNITS = {"AGE": "a", "CREATININE": "mg/dL", "CREATININE_CLEARANCE": "mL/min", "BILIRUBIN": "mg/dL",
                 "LVEF": "%", "ANC": "/uL", "PLATELETS": "/uL", "HEMOGLOBIN": "g/dL", "DLCO": "%", "FEV1": "%",
                 "OXYGEN_SATURATION": "%"}
#: A unit that is a plain multiple of a patient's unit: unit -> (patient unit, factor).
_SCALES = {"10*9/L": ("/uL", 1000.0), "10*3/uL": ("/uL", 1000.0), "/mm3": ("/uL", 1.0), "g/L": ("g/dL", 0.1),
           "mg/dL": ("mg/dL", 1.0), "mL/min": ("mL/min", 1.0), "g/dL": ("g/dL", 1.0), "/uL": ("/uL", 1.0),
           "%": ("%", 1.0), "a": ("a", 1.0), "d": ("a", 1 / 365.25), "wk": ("a", 7 / 365.25), "mo": ("a", 1 / 12)}
#: Quantities scored on a scale without a unit.
_UNITLESS = {"ECOG", "KARNOFSKY", "LANSKY", "PRIOR_LINES"}
#: Quantities whose limit may be given as a multiple of the upper limit of normal.
_ULN_QUANTITIES = {"BILIRUBIN", "ALT", "AST", "CREATININE"}

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
#: "x 10^9/L", "× 10⁹/L", and "x 109/L" where the superscript was lost in copying.
_TIMES_TEN = r"\s*(?:x|×|\*|X)\s*10\s*(?:\^|e|E)?\s*(?P<exp>[0-9]|⁹|³)"
_ULN = (r"(?:x|×|X|times)?\s*(?:of\s+)?(?:the\s+)?(?:institutional\s+|upper\s+)?(?:ULN|upper\s+limits?\s+of\s+(?:the\s+)?normal"
        r"(?:\s+(?:value|range))?|(?:maximum|upper)\s+normal\s+(?:value|limit)|normal\s+upper\s+limit|"
        r"(?:institutional\s+)?norm(?:al)?\b(?!\s+range))")
_UNIT = (rf"(?P<uln>{_ULN})|(?P<unit>mg\s*/\s*dl|µmol\s*/\s*l|umol\s*/\s*l|μmol\s*/\s*l|ml\s*/\s*min(?:\s*/\s*1\.73\s*m(?:2|²|\^2))?|"
         r"g(?:m|r)?\s*/\s*dl|g\s*/\s*l|mmol\s*/\s*l|g(?:m|r)?\s*%|%|percent|"
         r"(?:k|10\^?3)\s*/\s*(?:µl|ul|μl|mcl)|(?:i?u)\s*/\s*m?l\b|"
         r"(?:cells|platelets)?\s*/\s*(?:µl|ul|μl|mcl|microl(?:iter|itre)?)\b|/\s*mm(?:3|³|\^3)|"
         r"per\s+(?:cu(?:bic)?\.?\s*mm|mm3|µl|ul|microl(?:iter|itre)?)\b|ml\s+per\s+min(?:ute)?|"
         r"cells\s*/\s*(?:µl|ul|μl|mm3|mm³)|years?|yrs?|months?|days?|weeks?|l(?:iters?|itres?)?\b)")
_BEFORE = (r"(?P<op>>\s*or\s*=(?:\s*to)?|<\s*or\s*=(?:\s*to)?|>\s*=|<\s*=|≥|≤|≧|≦|>=|<=|=>|=<|>|<|=|⩾|⩽|at\s+least|"
           r"greater\s+than\s+or\s+equal\s+to|less\s+than\s+or\s+equal\s+to|(?:greater|bigger|higher|more)\s+or\s+equal\s+to|"
           r"(?:less|lower|smaller)\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:greater|more|higher)\s+than|"
           r"equal\s+to\s+or\s+(?:less|lower)\s+than|up\s+to\s+and\s+including|superior\s+to|inferior\s+to|"
           r"greater\s+than|more\s+than|higher\s+than|less\s+than|lower\s+than|fewer\s+than|above|below|over|under|"
           r"not\s+(?:more|greater|higher)\s+than|no\s+(?:more|greater|higher)\s+than|not\s+(?:less|lower)\s+than|"
           r"no\s+(?:less|lower)\s+than|up\s+to|older\s+than|younger\s+than|exceeding|minimum(?:\s+of)?|maximum(?:\s+of)?)")
_AFTER = (r"(?P<after>or\s+(?:more|greater|higher|above|older|over)|or\s+(?:less|lower|fewer|below|younger|under)|"
          r"and\s+(?:older|above|over|up)\b|\+)")
_VALUE = rf"(?P<value>{_NUMBER})(?:{_TIMES_TEN})?"
#: The unit pattern once more without its group names, for a unit the reading does not keep.
_ANY_UNIT = re.sub(r"\(\?P<\w+>", "(?:", _UNIT)
_LIMIT = re.compile(rf"(?:{_BEFORE}\s*:?\s*)?{_VALUE}\s*(?:{_UNIT})?(?:\s*{_AFTER})?", re.IGNORECASE)
#: "N and M" is a range only after "between" ("ECOG 3 and 4" lists two scores).
_RANGE = re.compile(rf"(?:(?P<between>between)\s+|from\s+)?(?P<low>{_NUMBER})\s*(?:{_ANY_UNIT})?\s*(?P<to>-|–|~|to|and)\s*"
                    rf"(?P<high>{_NUMBER})\s*(?:{_UNIT})?", re.IGNORECASE)
_LIST = re.compile(r"(?P<first>\d)(?:\s*,\s*\d)*\s*,?\s*(?:or|and)\s+(?P<last>\d)\b")

#: An age written before the word "age" or "years old": "18 years of age", "18-75 years old".
_AGE_BEFORE = re.compile(r"(?:(?:between\s+)?(?P<low>\d{1,3})\s*(?:-|–|to|and)\s*)?(?P<value>\d{1,3})\s*(?:years?|yrs?)?\s*"
                         r"(?:of\s+)?$",
                         re.IGNORECASE)

_OPERATORS = {"≥": ">=", ">=": ">=", "=>": ">=", "⩾": ">=", "≧": ">=", "≤": "<=", "<=": "<=", "=<": "<=", "⩽": "<=", "≦": "<=",
              ">": ">", "<": "<", "superior to": ">", "inferior to": "<", "up to and including": "<=",
              "=": "=", "at least": ">=", "greater than or equal to": ">=", "less than or equal to": "<=", "greater than": ">",
              "more than": ">", "higher than": ">", "less than": "<", "lower than": "<", "fewer than": "<", "above": ">",
              "below": "<", "over": ">", "under": "<", "not more than": "<=", "no more than": "<=", "not greater than": "<=",
              "no greater than": "<=", "not higher than": "<=", "no higher than": "<=", "not less than": ">=",
              "no less than": ">=", "not lower than": ">=", "no lower than": ">=", "up to": "<=", "older than": ">",
              "younger than": "<", "exceeding": ">", "minimum": ">=", "minimum of": ">=", "maximum": "<=", "maximum of": "<="}
_UNITS = {"mg/dl": "mg/dL", "gm/dl": "g/dL", "gr/dl": "g/dL", "g/dl": "g/dL", "g/l": "g/L", "µmol/l": "umol/L", "umol/l": "umol/L",
          "μmol/l": "umol/L", "ml/min": "mL/min", "%": "%", "percent": "%", "/µl": "/uL", "/ul": "/uL", "/μl": "/uL",
          "/mcl": "/uL", "/mm3": "/mm3", "/mm³": "/mm3", "/mm^3": "/mm3", "year": "a", "years": "a", "yr": "a",
          "yrs": "a", "month": "mo", "months": "mo", "day": "d", "days": "d", "week": "wk", "weeks": "wk", "mmol/l": "mmol/L",
          "gm%": "g/dL", "g%": "g/dL", "gr%": "g/dL", "iu/l": "[IU]/L", "iu/ml": "[IU]/mL", "u/l": "U/L", "u/ml": "U/mL",
          "l": "L", "liter": "L", "liters": "L", "litre": "L", "litres": "L"}
#: Words between a quantity's name and its limit that keep them together ("ECOG performance status of").
#: A parenthesis or bracket without a number ("(Cockcroft-Gault)", "[CrCl]") is a gloss on the name.
_LINK = re.compile(r"^\s*(?:(?:\([^()\d]{0,80}\)|\[[^\[\]\d]{0,80}\]|[:()\[\]]|(?:performance\s+)?"
                   r"(?:status|scores?|scale|counts?|levels?|values?|concentrations?|clearance|rate|range|"
                   r"(?:ECOG|KPS|ANC|ALT|AST|LVEF|PS|CrCl|eGFR)|serum|total|direct|of\s+(?:people|patients|participants|subjects)|"
                   r"of|is|are|must\s+be|should\s+be|be|at\s+(?:screening|rest)|measured|calculated|by\s+\w+|"
                   r"(?:in|on)\s+(?:indoor|room)\s+air|\d*\s*hours?\s+urine)(?![a-z]))\s*[:,]?\s*)*",
                   re.IGNORECASE)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _unit(match: re.Match[str], quantity: str) -> str | None:
    if match.group("uln"):
        return "ULN"
    raw = match.group("unit")
    if raw is None:
        return "a" if quantity == "AGE" else None
    text = re.sub(r"\s+", "", raw.lower())
    if re.match(r"(?:k|10\^?3)/", text):
        return "10*3/uL"  # "80 K/uL": thousands per microlitre
    if text.startswith(("per", "cells/", "platelets/", "/micro")) and not text.startswith("percent"):
        return "/mm3" if "mm" in text else "/uL"
    if text.startswith("ml/min/1.73"):
        return "mL/min/{1.73_m2}"
    if text.startswith("mlpermin"):
        return "mL/min"
    return _UNITS.get(text, raw)


def _comparator(operator: str) -> str:
    """The comparator an operator written before a value states ("> or = to", "> =", "greater or equal to")."""
    written = re.sub(r"\s+", " ", operator.lower())
    if written in _OPERATORS:
        return _OPERATORS[written]
    symbol = re.fullmatch(r"([<>]) ?(?:or ?)?=(?: ?to)?", written)
    if symbol:
        return symbol.group(1) + "="
    return ">=" if re.search(r"greater|bigger|higher|more", written) else "<="  # "… or equal to" / "equal to or …"


def _scaled(value: float, exponent: str | None) -> tuple[float, str | None]:
    """A value written "1.5 x 10^9/L" as (1.5, "10*9/L")."""
    if exponent is None:
        return value, None
    power = {"⁹": "9", "³": "3"}.get(exponent, exponent)
    return value, "10*9/L" if power == "9" else "10*3/uL" if power == "3" else None


#: Quantities where a range from 0 states only its upper limit ("ECOG 0-2", "0-6 years of age").
_FROM_ZERO = {"AGE", "ECOG", "KARNOFSKY", "LANSKY", "PRIOR_LINES"}
#: Scores whose scale ends at 100, where a range up to 100 states only its lower limit ("KPS 70-100").
_TO_HUNDRED = {"KARNOFSKY", "LANSKY"}
#: Cell counts, given per volume.
_COUNTS = {"ANC", "PLATELETS"}
#: Units an age may be given in: years, months, weeks, days.
_AGE_UNITS = {"a", "mo", "wk", "d"}
#: A name of no quantity of the vocabulary listed with one that is, sharing its limit: "DLCO, FEV1, and FVC ≥ 50%".
_OTHER_NAME = re.compile(r"\s*,?\s*(?:and|or|and/or)\s+(?-i:[A-Z][A-Z0-9]{1,5})\b\s*", re.IGNORECASE)
#: What joins a second limit to the first: "≥ 3 years and ≤ 18 years", "<11 g/dL in females and <12 g/dL in males",
#: "≤ 3.0 mg/dL (≤ 260 µmol/L)", "≤ 2.5 x ULN (≤ 5.0 x ULN in patients with liver metastases)".
_SECOND = re.compile(r"\s*(?:in\s+(?:fe)?males?\s*|in\s+(?:wo)?men\s*)?(?:,|and|or|to|\()\s*", re.IGNORECASE)
#: A limit said to include its value: "more than 18 years old (including 18 years old)".
_INCLUSIVE = re.compile(r"\s*(?:\(\s*|,\s*)?(?:including|inclusive)\b", re.IGNORECASE)


def _one(quantity: str, limit: re.Match[str]) -> tuple[str, float, str | None] | None:
    """One limit read by :data:`_LIMIT`, or None where its unit does not fit the quantity."""
    value, unit = _scaled(_number(limit.group("value")), limit.group("exp"))
    unit = unit or _unit(limit, quantity)
    if quantity in _UNITLESS:
        unit = None
    if unit == "ULN" and quantity not in _ULN_QUANTITIES:
        return None
    if quantity == "AGE" and unit not in _AGE_UNITS:
        return None
    if quantity in _COUNTS and unit == "g/L":
        unit = "10*9/L"  # "platelets < 150 G/L": giga per litre; no cell count is in grams
    if limit.group("op"):
        comparator = _comparator(limit.group("op"))
    else:
        after = limit.group("after").lower()
        comparator = ">=" if re.search(r"more|greater|higher|above|older|over|up|\+", after) else "<="
    return comparator, value, unit


def _inclusive(limits: list[tuple[str, float, str | None]], rest: str) -> list[tuple[str, float, str | None]]:
    if not _INCLUSIVE.match(rest):
        return limits
    return [(comparator if "=" in comparator else comparator + "=", value, unit) for comparator, value, unit in limits]


def _limits(quantity: str, text: str) -> list[tuple[str, float, str | None]]:
    """The limits stated right after a quantity's name: (comparator, value, unit)."""
    text = text[_LINK.match(text).end():]  # type: ignore[union-attr]  # the pattern matches the empty string
    if quantity in ("ECOG", "KARNOFSKY", "LANSKY", "PRIOR_LINES"):
        listed = _LIST.match(text)
        if listed and quantity == "ECOG":
            # "0, 1 or 2" is "≤ 2"; "3 and 4" lists scores without stating a limit.
            return [("<=", float(listed.group("last")), None)] if listed.group("first") == "0" else []
    ranged = _RANGE.match(text)
    if (ranged and (ranged.group("to").lower() != "and" or ranged.group("between"))
            and not re.match(r"\s*(?:x|×|times|mg|g/|µ|u|%)", text[ranged.end("low"):ranged.end("low") + 3], re.IGNORECASE)):
        low, high = _number(ranged.group("low")), _number(ranged.group("high"))
        if low < high:
            unit = None if quantity in _UNITLESS else _unit(ranged, quantity)
            if quantity == "AGE" and unit not in _AGE_UNITS:
                return []
            limits = [] if low == 0 and quantity in _FROM_ZERO else [(">=", low, unit)]
            return limits if high == 100 and quantity in _TO_HUNDRED else [*limits, ("<=", high, unit)]
    limit = _LIMIT.match(text)
    if not limit or not (limit.group("op") or limit.group("after")):
        other = _OTHER_NAME.match(text)
        return _limits(quantity, text[other.end():]) if other else []
    first = _one(quantity, limit)
    if first is None:
        return []
    limits = [first]
    joined = _SECOND.match(text, limit.end())
    second = _LIMIT.match(text, joined.end()) if joined else None
    if second and second.group("op"):
        also = _one(quantity, second)
        if also:
            if first[2] is None and also[2] is not None and quantity not in _UNITLESS:
                limits = [(first[0], first[1], also[2])]  # "≥1.5 and ≥1.4 mg/dL": the unit is written once
            limits.append(also)
    return _inclusive(limits, text[(second if len(limits) > 1 else limit).end():])


def criterion_thresholds(criterion: Criterion) -> list[Threshold]:
    """The thresholds one criterion states, each once.

    >>> [(t.quantity, t.comparator, t.value, t.unit) for t in criterion_thresholds(Criterion("INCLUSION", "Age ≥ 18 years"))]
    [('AGE', '>=', 18.0, 'a')]
    >>> [(t.quantity, t.comparator, t.value, t.unit) for t in criterion_thresholds(Criterion("EXCLUSION", "ALT or AST > 5 x ULN"))]
    [('ALT', '>', 5.0, 'ULN'), ('AST', '>', 5.0, 'ULN')]
    """
    text = criterion.text
    if not (_DIGIT.search(text) or _NUMBER_WORD.search(text)):
        return []  # no limit without a number; this keeps the reading cheap over a whole registry
    # A name right after a number and before "/" is a unit ("100,000 platelets/microL"), not a quantity named.
    mentions = [mention for mention in _quantity_mentions(text)
                if not (_UNIT_WORD.search(text[:mention.start()][-12:]) and text[mention.end():].lstrip().startswith("/"))]
    stated: dict[tuple[str, str, float, str | None], int | None] = {}
    waiting: list[re.Match[str]] = []  # names sharing the limit that follows them: "ALT or AST > 5 x ULN"
    for index, mention in enumerate(mentions):
        quantity = mention.lastgroup or ""
        end = mentions[index + 1].start() if index + 1 < len(mentions) else len(text)
        following = text[mention.end():end]
        if index + 1 < len(mentions) and mentions[index + 1].lastgroup == quantity and not re.search(r"\d", following):
            continue  # a name and its abbreviation: "diffusion capacity of carbon monoxide (DLCO) > 60%"
        before = text[:mention.start()]
        if _NOT_A_LEVEL.search(before[-40:]):
            waiting = []
            continue  # "change in Hb level ≥ 2 g/dL" limits a change, not the level
        limits = _limits(quantity, following) or _limits_around(quantity, mention.group(), before, following)
        if not limits:
            waiting = [*waiting, mention] if _JOINED.fullmatch(following) else []
            continue
        for named in [*waiting, mention]:
            shared = named.lastgroup or ""
            for comparator, value, unit in limits if shared == quantity else _shared(shared, limits):
                stated.setdefault((shared, comparator, value, unit), _alternative(text, named.start()))
        waiting = []
    return [Threshold(quantity, comparator, value, unit, criterion.text, criterion.kind, criterion.population, group,
                      *_normalised(quantity, value, unit))
            for (quantity, comparator, value, unit), group in stated.items()]


#: A number, in digits or words: a digit is looked for alone first (most criteria with a number have one; one regex of
#: both tried the words at every character before the first digit).
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six)\b", re.IGNORECASE)
#: What may stand between two names that share one limit: "ALT or AST", "SGOT/SGPT", "AST (SGOT), ALT".
_JOINED = re.compile(r"[\s()\[\]]*(?:,\s*(?:and|or)?|/|and|or|and/or|&)?[\s()\[\]]*"
                     r"(?:(?:total|serum|plasma|direct|blood|PPO|the)\s+)?", re.IGNORECASE)
#: Words before a name that make what follows a change of the quantity, not its level.
_NOT_A_LEVEL = re.compile(r"\b(?:change|decrease|increase|drop|fall|rise|reduction|decline)\s+(?:in|of)\s+(?:the\s+)?$",
                          re.IGNORECASE)
#: A number right before a name: the name is then the unit ("100,000 platelets/microL").
_UNIT_WORD = re.compile(r"\d\s*$")
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT = r"\d+|one|two|three|four|five|six"
#: Lines of therapy counted before the name: "≥ 2 prior lines", "at least two prior standard therapy lines",
#: "2 or more lines of chemotherapy".
_LINES_BEFORE = re.compile(rf"(?:{_BEFORE}\s*(?P<value>{_COUNT})|"
                           rf"(?P<count>{_COUNT})\s+(?P<after>or\s+(?:more|greater|fewer|less)))\s*$", re.IGNORECASE)
#: An age limited before the word "years old" / "years of age": "≥18 years old", "at least 18 years of age";
#: with a lower limit before it: "≥ 12 years to < 18 years of age", "≥ 28 days to < 18 years of age".
#: What names a subgroup before an age: "for adolescents under 18 years of age", "for < 1 year of age".
_SUBGROUP = re.compile(r"\bfor\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_AGE_LIMIT_BEFORE = re.compile(rf"{_BEFORE}\s*(?P<value>\d{{1,3}}(?:\.\d+)?)\s*$", re.IGNORECASE)
_AGE_LOWER_BEFORE = re.compile(rf"{_BEFORE}\s*(?P<value>\d{{1,3}}(?:\.\d+)?)\s*(?P<unit>years?|months?|weeks?|days?)\s*(?:to|-|–)\s*$",
                               re.IGNORECASE)
#: An age whose comparator stands before the name: "under age 60", "over the age of 18".
_OPERATOR_BEFORE = re.compile(rf"{_BEFORE}\s+(?:the\s+)?$", re.IGNORECASE)
#: A count whose limit stands before the name: "at least 1500 granulocytes", "≥ 2 prior lines".
_LIMIT_BEFORE = re.compile(rf"{_BEFORE}\s*(?P<value>{_NUMBER})\s*(?:/\s*(?:µl|ul|mm3))?\s*$", re.IGNORECASE)


def _age_unit(words: str) -> str:
    word = words.lower()
    return "d" if word.startswith("day") else "wk" if word.startswith("week") else "mo" if word.startswith("month") else "a"


def _limits_around(quantity: str, name: str, before: str, following: str) -> list[tuple[str, float, str | None]]:
    """Limits written around a name rather than after it."""
    if quantity == "AGE":
        unit = _age_unit(name)  # the name may hold the unit: "28 days of age", "18 years old"
        # "18 years of age or older", "between 18 and 75 years of age", "patients 18-75 years old".
        value = _AGE_BEFORE.search(before[-30:])
        after = re.match(r"\s*(?:or\s+(?P<up>older|more|above|over)|and\s+(?P<and>older|above|over)|"
                         r"or\s+(?P<down>younger|less|below|under))", following, re.IGNORECASE)
        if value and value.group("low"):
            low, high = float(value.group("low")), float(value.group("value"))
            return [*([] if low == 0 else [(">=", low, unit)]), ("<=", high, unit)]
        if value and after:
            return [("<=" if after.group("down") else ">=", float(value.group("value")), unit)]
        tail = before[-40:]
        stated = _AGE_LIMIT_BEFORE.search(tail)
        if stated and _SUBGROUP.search(tail[:stated.start()]):
            return []  # "for individuals ≥ 1 year of age": whom a rule is for, not a limit on age
        if stated:
            limits = _inclusive([(_comparator(stated.group("op")), float(stated.group("value")), unit)], following)
            lower = _AGE_LOWER_BEFORE.search(tail[:stated.start()])
            if lower:
                limits.insert(0, (_comparator(lower.group("op")), float(lower.group("value")), _age_unit(lower.group("unit"))))
            return limits
        operator = _OPERATOR_BEFORE.search(before[-30:])
        number = re.match(rf"\s*:?\s*(?:of\s+)?(?P<value>{_NUMBER})\s*(?P<unit>years?|yrs?|months?|weeks?|days?)?\b", following,
                          re.IGNORECASE)
        if operator and number:
            return [(_comparator(operator.group("op")), _number(number.group("value")), _age_unit(number.group("unit") or "a"))]
        return []
    if quantity == "PRIOR_LINES":
        lines = _LINES_BEFORE.search(before[-40:])
        if lines:
            count = (lines.group("value") or lines.group("count")).lower()
            comparator = _comparator(lines.group("op")) if lines.group("op") else (
                ">=" if re.search(r"more|greater", lines.group("after"), re.IGNORECASE) else "<=")
            return [(comparator, float(_WORD_NUMBERS.get(count) or count), None)]
    if quantity in ("ANC", "PLATELETS"):
        limit = _LIMIT_BEFORE.search(before[-40:])
        if limit:
            unit = "/uL" if "/" in limit.group(0) else None
            return [(_comparator(limit.group("op")), _number(limit.group("value")), unit)]
    return []


def _shared(quantity: str, limits: list[tuple[str, float, str | None]]) -> list[tuple[str, float, str | None]]:
    """The limits another name states, as they apply to ``quantity`` (only where its unit fits it)."""
    def fits(unit: str | None) -> bool:
        if unit is None or unit == "ULN":
            return unit is None or quantity in _ULN_QUANTITIES
        return PATIENT_UNITS.get(quantity) == _SCALES.get(unit, ("",))[0]

    return [(comparator, value, unit) for comparator, value, unit in limits if fits(unit)]


#: A quantity's name with its named groups made plain, to cut a criterion at "or" before a name.
_ANY_QUANTITY = re.sub(r"\(\?P<\w+>", "(?:", _QUANTITY.pattern)
_OR_BEFORE_NAME = re.compile(rf"\s+or\s+(?=[A-Za-z(]*\s*(?:{_ANY_QUANTITY}))", re.IGNORECASE)


def _alternative(text: str, at: int) -> int | None:
    """Which "or"-joined alternative of a criterion a limit stands in (None when the criterion joins
    its limits by "and"): "creatinine ≤ 1.5 mg/dL or creatinine clearance ≥ 60 mL/min" has two.
    A name joined to the next by "or" that shares its limit ("ALT or AST > 5 x ULN") is no alternative.
    """
    cuts = [cut.start() for cut in _OR_BEFORE_NAME.finditer(text) if _limits_before(text[:cut.start()])]
    if not cuts:
        return None
    return sum(1 for cut in cuts if cut < at)


def _limits_before(text: str) -> bool:
    """Whether a stretch of a criterion ends with a limit (a number, a unit or "ULN"), not a bare name."""
    return bool(re.search(r"(?:\d|%|ULN|normal|dl|/l|min|years?|old|older)\W*$", text, re.IGNORECASE))


def _normalised(quantity: str, value: float, unit: str | None) -> tuple[float | None, str | None]:
    """The value in the unit a patient's value of the quantity is given in, where it only scales."""
    if quantity in _UNITLESS or unit == "ULN":
        return value, unit
    if unit is None or unit not in _SCALES:
        return None, None
    target, factor = _SCALES[unit]
    if PATIENT_UNITS.get(quantity) != target:
        return None, None
    return round(value * factor, 6), target


def read_thresholds(record: TrialRecord) -> list[Threshold]:
    """Every threshold the record's criteria state, in the criteria's order."""
    return [threshold for criterion in record.criteria for threshold in criterion_thresholds(criterion)]

