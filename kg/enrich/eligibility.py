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

from kg.model.records import Criterion, Threshold, TrialRecord

__all__ = ["QUANTITIES", "PATIENT_UNITS", "criterion_thresholds", "read_thresholds"]

#: Quantity token -> how criteria name it. Order matters where one name holds another
#: (creatinine clearance before creatinine).
QUANTITIES: dict[str, str] = {
    "AGE": r"\bage[ds]?\b(?!\s*-?\s*(?:appropriate|related|matched|adjusted|specific))|\byears?\s+(?:of\s+age|old)\b",
    "ECOG": r"\bECOG\b|Eastern\s+Cooperative\s+(?:Oncology\s+)?Group|\bZubrod\b|\bWHO\s+performance\s+status",
    "KARNOFSKY": r"\bKarnofsky\b|\bKPS\b",
    "LANSKY": r"\bLansky\b",
    "CREATININE_CLEARANCE": r"creatinine\s+clearance|\bCrCl\b|\be?GFR\b|glomerular\s+filtration\s+rate",
    "CREATININE": r"\bcreatinine\b",
    "BILIRUBIN": r"\bbilirubin\b",
    "ALT": r"\bALT\b|alanine\s+(?:amino)?transaminase|alanine\s+aminotransferase|\bSGPT\b",
    "AST": r"\bAST\b|aspartate\s+(?:amino)?transaminase|aspartate\s+aminotransferase|\bSGOT\b",
    "LVEF": r"\bLVEF\b|\bejection\s+fraction\b|\bEF\b",
    "ANC": r"\bANC\b|absolute\s+neutrophil\s+count|\bneutrophils?\b(?:\s+count)?|\bgranulocytes?\b",
    "PLATELETS": r"\bplatelets?\b(?:\s+counts?)?|\bPLT\b",
    "HEMOGLOBIN": r"\bha?emoglobin\b|\bHgb\b|\bHb\b",
    "DLCO": r"\bDLCO\b|diffusing\s+capacity",
    "FEV1": r"\bFEV\s?1\b",
    "OXYGEN_SATURATION": r"oxygen\s+saturation|\bSpO2\b|\bSaO2\b|\bO2\s+sat",
    "PRIOR_LINES": r"\b(?:prior|previous)\s+(?:lines?|regimens?)\b|\blines?\s+of\s+(?:prior\s+|previous\s+)?(?:systemic\s+)?"
                   r"(?:therapy|therapies|treatment|chemotherapy)",
}
_QUANTITY = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in QUANTITIES.items()), re.IGNORECASE)

#: The unit a patient's value of each quantity is given in (``kg query trials_for_patient``).
PATIENT_UNITS = {"AGE": "a", "CREATININE": "mg/dL", "CREATININE_CLEARANCE": "mL/min", "BILIRUBIN": "mg/dL",
                 "LVEF": "%", "ANC": "/uL", "PLATELETS": "/uL", "HEMOGLOBIN": "g/dL", "DLCO": "%", "FEV1": "%",
                 "OXYGEN_SATURATION": "%"}
#: A unit that is a plain multiple of a patient's unit: unit -> (patient unit, factor).
_SCALES = {"10*9/L": ("/uL", 1000.0), "10*3/uL": ("/uL", 1000.0), "/mm3": ("/uL", 1.0), "g/L": ("g/dL", 0.1),
           "mg/dL": ("mg/dL", 1.0), "mL/min": ("mL/min", 1.0), "g/dL": ("g/dL", 1.0), "/uL": ("/uL", 1.0),
           "%": ("%", 1.0), "a": ("a", 1.0)}
#: Quantities scored on a scale without a unit.
_UNITLESS = {"ECOG", "KARNOFSKY", "LANSKY", "PRIOR_LINES"}
#: Quantities whose limit may be given as a multiple of the upper limit of normal.
_ULN_QUANTITIES = {"BILIRUBIN", "ALT", "AST", "CREATININE"}

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_TIMES_TEN = r"\s*(?:x|×|\*|X)\s*10\s*(?:\^|e|E)?\s*(?P<exp>[0-9]|⁹|³)"
_ULN = (r"(?:x|×|X|times)?\s*(?:the\s+)?(?:institutional\s+|upper\s+)?(?:ULN|upper\s+limits?\s+of\s+(?:the\s+)?normal"
        r"(?:\s+(?:value|range))?|(?:institutional\s+)?norm(?:al)?\b(?!\s+range))")
_UNIT = (rf"(?P<uln>{_ULN})|(?P<unit>mg\s*/\s*dl|µmol\s*/\s*l|umol\s*/\s*l|μmol\s*/\s*l|ml\s*/\s*min(?:\s*/\s*1\.73\s*m(?:2|²|\^2))?|"
         r"g\s*/\s*dl|gm\s*/\s*dl|g\s*/\s*l|%|percent|/\s*(?:µl|ul|μl|mcl)|/\s*mm(?:3|³|\^3)|per\s+(?:cu(?:bic)?\.?\s*mm|mm3|µl|ul)|"
         r"cells\s*/\s*(?:µl|ul|μl|mm3)|years?|yrs?|months?)")
_BEFORE = (r"(?P<op>≥|≤|>=|<=|=>|=<|>|<|=|⩾|⩽|at\s+least|greater\s+than\s+or\s+equal\s+to|less\s+than\s+or\s+equal\s+to|"
           r"greater\s+than|more\s+than|higher\s+than|less\s+than|lower\s+than|fewer\s+than|above|below|over|under|"
           r"not\s+(?:more|greater|higher)\s+than|no\s+(?:more|greater|higher)\s+than|not\s+(?:less|lower)\s+than|"
           r"no\s+(?:less|lower)\s+than|up\s+to|older\s+than|younger\s+than|exceeding|minimum(?:\s+of)?|maximum(?:\s+of)?)")
_AFTER = (r"(?P<after>or\s+(?:more|greater|higher|above|older|over)|or\s+(?:less|lower|fewer|below|younger|under)|"
          r"and\s+(?:older|above|over))")
_VALUE = rf"(?P<value>{_NUMBER})(?:{_TIMES_TEN})?"
#: The unit pattern once more without its group names, for a unit the reading does not keep.
_ANY_UNIT = re.sub(r"\(\?P<\w+>", "(?:", _UNIT)
_LIMIT = re.compile(rf"(?:{_BEFORE}\s*:?\s*)?{_VALUE}\s*(?:{_UNIT})?(?:\s*{_AFTER})?", re.IGNORECASE)
_RANGE = re.compile(rf"(?:between\s+|from\s+)?(?P<low>{_NUMBER})\s*(?:{_ANY_UNIT})?\s*(?:-|–|to|and)\s*(?P<high>{_NUMBER})\s*"
                    rf"(?:{_UNIT})?", re.IGNORECASE)
_LIST = re.compile(r"(?P<first>\d)(?:\s*,\s*\d)*\s*,?\s*(?:or|and)\s+(?P<last>\d)\b")

#: An age written before the word "age" or "years old": "18 years of age", "18-75 years old".
_AGE_BEFORE = re.compile(r"(?:(?:between\s+)?(?P<low>\d{1,3})\s*(?:-|–|to|and)\s*)?(?P<value>\d{1,3})\s*(?:years?|yrs?)?\s*"
                         r"(?:of\s+)?$",
                         re.IGNORECASE)

_OPERATORS = {"≥": ">=", ">=": ">=", "=>": ">=", "⩾": ">=", "≤": "<=", "<=": "<=", "=<": "<=", "⩽": "<=", ">": ">", "<": "<",
              "=": "=", "at least": ">=", "greater than or equal to": ">=", "less than or equal to": "<=", "greater than": ">",
              "more than": ">", "higher than": ">", "less than": "<", "lower than": "<", "fewer than": "<", "above": ">",
              "below": "<", "over": ">", "under": "<", "not more than": "<=", "no more than": "<=", "not greater than": "<=",
              "no greater than": "<=", "not higher than": "<=", "no higher than": "<=", "not less than": ">=",
              "no less than": ">=", "not lower than": ">=", "no lower than": ">=", "up to": "<=", "older than": ">",
              "younger than": "<", "exceeding": ">", "minimum": ">=", "minimum of": ">=", "maximum": "<=", "maximum of": "<="}
_UNITS = {"mg/dl": "mg/dL", "gm/dl": "g/dL", "g/dl": "g/dL", "g/l": "g/L", "µmol/l": "umol/L", "umol/l": "umol/L",
          "μmol/l": "umol/L", "ml/min": "mL/min", "%": "%", "percent": "%", "/µl": "/uL", "/ul": "/uL", "/μl": "/uL",
          "/mcl": "/uL", "/mm3": "/mm3", "/mm³": "/mm3", "/mm^3": "/mm3", "year": "a", "years": "a", "yr": "a",
          "yrs": "a", "month": "mo", "months": "mo"}
#: Words between a quantity's name and its limit that keep them together ("ECOG performance status of").
_LINK = re.compile(r"^[\s:()]*(?:(?:performance\s+)?(?:status|score|scale|count|level|value|concentration|clearance|"
                   r"\(?(?:ECOG|KPS|ANC|ALT|AST|LVEF|PS|CrCl|eGFR)\)?|serum|total|direct|of|is|must\s+be|should\s+be|be|"
                   r"at\s+screening|measured|calculated|by\s+\w+|\(\w+\)|\d*\s*hours?\s+urine)\s*[:,]?\s*)*",
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
    if text.startswith(("per", "cells/")):
        return "/mm3" if "mm" in text else "/uL"
    if text.startswith("ml/min/1.73"):
        return "mL/min/{1.73_m2}"
    return _UNITS.get(text, raw)


def _scaled(value: float, exponent: str | None) -> tuple[float, str | None]:
    """A value written "1.5 x 10^9/L" as (1.5, "10*9/L")."""
    if exponent is None:
        return value, None
    power = {"⁹": "9", "³": "3"}.get(exponent, exponent)
    return value, "10*9/L" if power == "9" else "10*3/uL" if power == "3" else None


def _limits(quantity: str, text: str) -> list[tuple[str, float, str | None]]:
    """The limits stated right after a quantity's name: (comparator, value, unit)."""
    text = text[_LINK.match(text).end():]  # type: ignore[union-attr]  # the pattern matches the empty string
    if quantity in ("ECOG", "KARNOFSKY", "LANSKY", "PRIOR_LINES"):
        listed = _LIST.match(text)
        if listed and quantity == "ECOG":
            return [("<=", float(listed.group("last")), None)]
    ranged = _RANGE.match(text)
    if ranged and not re.match(r"\s*(?:x|×|times|mg|g/|µ|u|%)", text[ranged.end("low"):ranged.end("low") + 3], re.IGNORECASE):
        low, high = _number(ranged.group("low")), _number(ranged.group("high"))
        if low < high:
            unit = _unit(ranged, quantity)
            if quantity == "ECOG" and low == 0:
                return [("<=", high, None)]
            return [(">=", low, unit), ("<=", high, unit)]
    limit = _LIMIT.match(text)
    if not limit or not (limit.group("op") or limit.group("after")):
        return []
    value, unit = _scaled(_number(limit.group("value")), limit.group("exp"))
    unit = unit or _unit(limit, quantity)
    if quantity in _UNITLESS:
        unit = None
    if unit == "ULN" and quantity not in _ULN_QUANTITIES:
        return []
    if quantity == "AGE" and unit not in ("a", None):
        return []  # months or days of age: not comparable with an age in years
    if limit.group("op"):
        comparator = _OPERATORS[re.sub(r"\s+", " ", limit.group("op").lower())]
    else:
        after = limit.group("after").lower()
        comparator = ">=" if re.search(r"more|greater|higher|above|older|over", after) else "<="
    return [(comparator, value, unit)]


def criterion_thresholds(criterion: Criterion) -> list[Threshold]:
    """The thresholds one criterion states, each once.

    >>> [(t.quantity, t.comparator, t.value, t.unit) for t in criterion_thresholds(Criterion("INCLUSION", "Age ≥ 18 years"))]
    [('AGE', '>=', 18.0, 'a')]
    >>> [(t.quantity, t.comparator, t.value, t.unit) for t in criterion_thresholds(Criterion("EXCLUSION", "ALT or AST > 5 x ULN"))]
    [('ALT', '>', 5.0, 'ULN'), ('AST', '>', 5.0, 'ULN')]
    """
    text = criterion.text
    mentions = list(_QUANTITY.finditer(text))
    stated: dict[tuple[str, str, float, str | None], int | None] = {}
    waiting: list[re.Match[str]] = []  # names sharing the limit that follows them: "ALT or AST > 5 x ULN"
    for index, mention in enumerate(mentions):
        quantity = mention.lastgroup or ""
        end = mentions[index + 1].start() if index + 1 < len(mentions) else len(text)
        following = text[mention.end():end]
        limits = _limits(quantity, following) or _limits_around(quantity, text[:mention.start()], following)
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


#: What may stand between two names that share one limit: "ALT or AST", "SGOT/SGPT", "AST (SGOT), ALT".
_JOINED = re.compile(r"[\s()]*(?:,|/|and|or|and/or)?[\s()]*", re.IGNORECASE)
#: An age whose comparator stands before the name: "under age 60", "over the age of 18".
_OPERATOR_BEFORE = re.compile(rf"{_BEFORE}\s+(?:the\s+)?$", re.IGNORECASE)
#: A count whose limit stands before the name: "at least 1500 granulocytes", "≥ 2 prior lines".
_LIMIT_BEFORE = re.compile(rf"{_BEFORE}\s*(?P<value>{_NUMBER})\s*(?:/\s*(?:µl|ul|mm3))?\s*$", re.IGNORECASE)


def _limits_around(quantity: str, before: str, following: str) -> list[tuple[str, float, str | None]]:
    """Limits written around a name rather than after it."""
    if quantity == "AGE":
        # "18 years of age or older", "between 18 and 75 years of age", "patients 18-75 years old".
        value = _AGE_BEFORE.search(before[-30:])
        after = re.match(r"\s*(?:or\s+(?P<up>older|more|above|over)|and\s+(?P<and>older|above|over)|"
                         r"or\s+(?P<down>younger|less|below|under))", following, re.IGNORECASE)
        if value and value.group("low"):
            return [(">=", float(value.group("low")), "a"), ("<=", float(value.group("value")), "a")]
        if value and after:
            return [("<=" if after.group("down") else ">=", float(value.group("value")), "a")]
        operator = _OPERATOR_BEFORE.search(before[-30:])
        number = re.match(rf"\s*(?:of\s+)?(?P<value>{_NUMBER})\s*(?:years?|yrs?)?\b(?!\s*(?:months?|weeks?|days?))", following,
                          re.IGNORECASE)
        if operator and number:
            return [(_OPERATORS[re.sub(r"\s+", " ", operator.group("op").lower())], _number(number.group("value")), "a")]
        return []
    if quantity in ("ANC", "PLATELETS", "PRIOR_LINES"):
        limit = _LIMIT_BEFORE.search(before[-40:])
        if limit:
            unit = None if quantity == "PRIOR_LINES" else "/uL" if "/" in limit.group(0) else None
            return [(_OPERATORS[re.sub(r"\s+", " ", limit.group("op").lower())], _number(limit.group("value")), unit)]
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

