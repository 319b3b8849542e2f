"""Values a document states in its prose rather than in a field.

Each rule fills a field only when the document's own field for it is empty, and only
from wording that states the value ("A Phase I ... Study", "open-label", "Age ≥ 18
years"): never a guess.
"""

from __future__ import annotations

import re

from kg.model.records import TrialRecord
from kg.read.parse.cues import stated_design, stated_enrollment, stated_masking
from kg.read.parse.fields import parse_phases
from kg.read.parse.outcomes import outcomes_from_prose

__all__ = ["complete_from_prose", "ages_from_criteria", "ages_from_exclusions", "ages_from_prose"]

#: (or a summary's design, or its trial's number, stated with the phase: "Design: single-arm, Phase I, 3+3 dose escalation",
#: "Trial: NCT06373991 (Phase 1, single-arm)", cytotargetdb.ca's record summaries)
_SELF_PHASE = re.compile(r"\b(?:this|the)\s+(?:study|trial)\s+is\s+an?\s+[^.]{0,40}?\bphase\b[^.]{0,20}"
                         r"|\bdesign:\s+(?:[\w-]+,\s+){0,3}phase\s+[0-4IV]+\b|\btrial:?\s+NCT\d{8}\s+\(phase\s+[0-4IV]+\b",
                         re.IGNORECASE)
#: "open-label", or "open" alone among a design's words ("A six months, randomised, open, parallel group, multicentre
#: study", astrazenecaclinicaltrials.com SD-037-0739; "an open, randomised study"; "an open, single-center, phase 1
#: clinical trial", meddatax.com and clincosm.com NCT05042206); not "open" otherwise ("open surgery").
_OPEN_LABEL = re.compile(r"\bopen[- ]label\b|\brandomi[sz]ed,\s+open\b(?![- ])"
                         r"|\bopen,\s+(?:randomi[sz]ed|parallel|(?:multi|single)-?\s?cent(?:re|er)|controlled|comparative"
                         r"|single[- ]arm)\b",
                         re.IGNORECASE)

_YEARS = r"(?:years?|yrs?)"
#: A criterion is about age when it names age or counts years of age.
_ABOUT_AGE = re.compile(rf"\bage[ds]?\b|{_YEARS}\s*(?:old|of age|or older|and older|or above)"
                        rf"|^\s*\d{{1,2}}\s*{_YEARS}\s*(?:to|-|–)\s*\d{{1,3}}\s*{_YEARS}"  # "13 Years to 70 Years, …"
                        r"|^\s*adults\s+\d", re.IGNORECASE)
#: A whole number of years: not the start of a longer number ("92%" is no "9", "1.5" no "1").
_AGE = r"(\d{1,3})(?![\d.,])"
_AGE_RANGE = re.compile(rf"(\d{{1,2}})\s*(?:{_YEARS})?\s*(?:-|–|to|and)\s*(\d{{1,3}})(?![\d.,])\s*{_YEARS}", re.IGNORECASE)
#: A criterion that opens with the adults it takes and their ages, no unit: "Adults 18–70 with active SLE (2019 EULAR/ACR
#: or 2012 SLICC), on stable ≥2 months steroids ..." (cytotargetdb.ca NCT06310811's summary of its criteria); not a
#: count or a measure after the word ("Adults 18-70 kg", "adults 2-3 times").
_ADULTS_RANGE = re.compile(r"\s*adults\s+(1[6-9]|[2-9]\d)\s*(?:-|–|to)\s*([2-9]\d|1[0-2]\d)(?![\d.,%])"
                           r"(?!\s*(?:%|(?:kg|mg|g|ml|cm|mm|m2|times)\b))", re.IGNORECASE)
#: Both signs of an age range lost in copying, "=" left for each ("Male or female aged =40 years and =75 years",
#: trial.medpath.com EUCTR2015-003049-24-SE, the EU register's "≥40 years and ≤75 years"): two ages joined, the lower
#: the minimum, the higher the maximum (one such age alone, "aged =18 years", is a minimum: _AGE_MIN).
_LOST_SIGNS_RANGE = re.compile(rf"\bage[ds]?\s*=\s*(\d{{1,2}})\s*(?:{_YEARS}\s*)?(?:and|to|-|–)\s*=\s*(\d{{1,3}})\s*{_YEARS}",
                               re.IGNORECASE)
_AT_LEAST = r"(?:≥|>=|>|at least|over|above|older than)"
_AT_MOST = r"(?:≤|<=|<|under|below|less than|younger than|up to)"
#: A bound is an age when years follow it ("≥ 18 years") or "age" comes just before it ("Age ≥ 18").
#: (and a "≥" lost in a copy, its "=" glued to the age: "1.The subject is aged =18 years at signature of the ICF",
#: trial.medpath.com KCT0000709, whose "metformin monotherapy =1000 mg/day" lost its "≥" the same way)
_AGE_MIN = re.compile(rf"{_AT_LEAST}\s*{_AGE}\s*{_YEARS}|\bage[ds]?\s*(?:of\s+)?:?\s*{_AT_LEAST}\s*{_AGE}(?!\s*%)"
                      rf"|{_AGE}\s*{_YEARS}\s*(?:old\s*|of age\s*)?(?:or|and)\s*(?:older|above|over)"
                      rf"|\baged?\s+=(?=\d){_AGE}\s*{_YEARS}\b(?!\s*(?:old\s*)?(?:or|and)\s+(?:younger|less|under|below))",
                      re.IGNORECASE)
_AGE_MAX = re.compile(rf"{_AT_MOST}\s*{_AGE}\s*{_YEARS}|\bage[ds]?\s*(?:of\s+)?:?\s*{_AT_MOST}\s*{_AGE}(?!\s*%)",
                      re.IGNORECASE)
#: An age that only says to whom another threshold applies ("Lansky for <16 years", "Karnofsky ≥ 50% for patients
#: > 16 years of age", "For patients <7 years of age … O2 Sat >92%"): no bound of the trial's ages.
_QUALIFYING_AGE = re.compile(rf"\bfor\s+(?:(?:patients|participants|subjects|children|adults|those|people|ages?)\s+)?"
                             rf"(?:aged?\s+)?(?:{_AT_LEAST}|{_AT_MOST})?\s*=?\s*\d{{1,3}}\s*{_YEARS}(?:\s+of\s+age|\s+old)?",
                             re.IGNORECASE)


#: The ages a summary states of whom the trial takes: "Subjects from 18 to 75 years of age who are diagnosed with …".
_WHO_AGED = re.compile(rf"\b(?:subjects|patients|participants|adults|children|people|men|women)\s+(?:aged\s+|from\s+|between\s+)+"
                       rf"(\d{{1,2}})\s*(?:{_YEARS}\s*)?(?:-|–|to|and)\s*(\d{{1,3}})\s*{_YEARS}\s*(?:of\s+age|old)?", re.IGNORECASE)


def ages_from_prose(text: str) -> tuple[float | None, float | None]:
    """The age range a summary states of the trial's participants.

    >>> ages_from_prose("Subjects from 18 to 75 years of age who are diagnosed with lung cancer will receive NK cells.")
    (18.0, 75.0)
    >>> ages_from_prose("Survival of patients with 10 to 15 percent blasts")
    (None, None)
    """
    match = _WHO_AGED.search(text)
    return (float(match.group(1)), float(match.group(2))) if match else (None, None)


def ages_from_criteria(texts: list[str]) -> tuple[float | None, float | None]:
    """Minimum and maximum age in years stated by the inclusion criteria about age.

    >>> ages_from_criteria(["Age ≥ 18 years old, no gender or race"])
    (18.0, None)
    >>> ages_from_criteria(["Aged between 1-18 years at the time of HSCT"])
    (1.0, 18.0)
    >>> ages_from_criteria(["Patients aged 18 years or older", "age under 75 years"])
    (18.0, 75.0)
    >>> ages_from_criteria(["Age: ≥ 10 years old and ≤ 75 years old, male or female"])
    (10.0, 75.0)
    >>> ages_from_criteria(["Male or female, aged at 18 years-65 years old"])
    (18.0, 65.0)
    >>> ages_from_criteria(["Platelets ≥ 50 x 10^9/L", "Life expectancy > 3 months"])
    (None, None)
    >>> ages_from_criteria(["Patients should be 17 years or older. Creatinine less than 3.0 mg/dl."])
    (17.0, None)
    >>> ages_from_criteria(["Performance status ≥70% (Lansky for <16 years; Karnofsky for ≥16 years)"])
    (None, None)
    >>> ages_from_criteria(["Male or female aged =40 years and =75 years"]), ages_from_criteria(["aged =18 years"])
    ((40.0, 75.0), (18.0, None))
    >>> ages_from_criteria(["13 Years to 70 Years, Male and female"])  # ignite-sd.com NCT04303520, the registry's range
    (13.0, 70.0)
    >>> ages_from_criteria(["Adults 18–70 with active SLE"]), ages_from_criteria(["Adults 18-70 kg in weight"])
    ((18.0, 70.0), (None, None))
    """
    low = high = None
    clauses = [clause for text in texts for clause in re.split(r"(?<=[.;])\s+", text)]
    for text in clauses:
        text = _QUALIFYING_AGE.sub(" ", text)
        if not _ABOUT_AGE.search(text):
            continue
        match = _AGE_RANGE.search(text) or _ADULTS_RANGE.match(text)
        lost = None if match else _LOST_SIGNS_RANGE.search(text)
        match = match or (lost if lost and float(lost.group(1)) < float(lost.group(2)) else None)
        if match and low is None and high is None:
            low, high = float(match.group(1)), float(match.group(2))
            continue
        match = _AGE_MIN.search(text)
        if match and low is None:
            low = float(next(group for group in match.groups() if group))
        match = _AGE_MAX.search(text)
        if match and high is None:
            high = float(next(group for group in match.groups() if group))
    return low, high


#: An exclusion about age ("Age less than 17 years", 123dok.com IRCT20190717044241N1; "Age less than 45 years old or more
#: than 80 years old", WHO ICTRP ISRCTN15677760): the ages it excludes bound the trial's from outside.
_EXCLUDED_AGE = re.compile(r"^\W*age[ds]?\b", re.IGNORECASE)
_YOUNGER_THAN = re.compile(rf"(?:less\s+than|under|below|younger\s+than|<(?!=))\s*{_AGE}\s*{_YEARS}", re.IGNORECASE)
_OLDER_THAN = re.compile(rf"(?:more\s+than|over|above|older\s+than|greater\s+than|>(?!=))\s*{_AGE}\s*{_YEARS}", re.IGNORECASE)


def ages_from_exclusions(texts: list[str]) -> tuple[float | None, float | None]:
    """Minimum and maximum age in years an exclusion about age states from outside.

    >>> ages_from_exclusions(["Patient dissatisfaction", "Age less than 17 years"])
    (17.0, None)
    >>> ages_from_exclusions(["Age less than 45 years old or more than 80 years old"])
    (45.0, 80.0)
    >>> ages_from_exclusions(["Prior transplant less than 3 years ago"])  # no criterion about age
    (None, None)
    """
    low = high = None
    for text in texts:
        if not _EXCLUDED_AGE.match(text):
            continue
        younger, older = _YOUNGER_THAN.search(text), _OLDER_THAN.search(text)
        low = low if low is not None or younger is None else float(younger.group(1))
        high = high if high is not None or older is None else float(older.group(1))
    return low, high


def complete_from_prose(record: TrialRecord) -> TrialRecord:
    """Fill empty fields from what the title, summaries and criteria state."""
    prose = "\n".join(t for t in (record.brief_summary, record.detailed_description) if t)
    # the scientific title states them too, where the public one does not ("A single-arm, open-label, phase 2 study of
    # autologous CD34+ stem cells-selected transplantation …", the English title of jrct.mhlw.go.jp jRCTc071190041 under
    # its Japanese public title)
    titles = "\n".join(filter(None, (record.title, record.official_title)))
    if not record.phases:
        record.phases = parse_phases(record.title) or parse_phases(record.official_title)
        if not record.phases:
            statement = _SELF_PHASE.search(prose)
            record.phases = parse_phases(statement.group(0)) if statement else []
    # The design the title or a summary states in words ("single-arm, open label, interventional study").
    designs = [stated_design(record.title or "", design=True), stated_design(record.official_title or "", design=True),
               stated_design(prose)]
    record.allocation = record.allocation or next((d[0] for d in designs if d[0]), None)
    record.intervention_model = record.intervention_model or next((d[1] for d in designs if d[1]), None)
    record.study_type = record.study_type or next((d[2] for d in designs if d[2]), None)
    if record.enrollment is None:
        record.enrollment = stated_enrollment(prose)
    if record.masking is None and _OPEN_LABEL.search(f"{titles}\n{prose}"):
        record.masking = "NONE"
    # the title's, or a line of prose that states the trial's design ("A phase I/II, randomised, double-blind, placebo
    # controlled, single-centre study of …"): a summary's "double-blind" elsewhere may be another study's ("a previous
    # double-blind trial")
    record.masking = record.masking or stated_masking(titles, design=True) or stated_masking(prose)
    if record.min_age_years is None and record.max_age_years is None:
        # A criterion of no stated kind that bounds the age is the trial's age range too ("Patient age 16-65 years").
        inclusion = [c.text for c in record.criteria if c.kind != "EXCLUSION" and c.population != "DONOR"]
        record.min_age_years, record.max_age_years = ages_from_criteria(inclusion)
    if record.min_age_years is None and record.max_age_years is None:
        exclusion = [c.text for c in record.criteria if c.kind == "EXCLUSION" and c.population != "DONOR"]
        record.min_age_years, record.max_age_years = ages_from_exclusions(exclusion)
    if record.min_age_years is None and record.max_age_years is None:
        record.min_age_years, record.max_age_years = ages_from_prose(prose)
    if not record.outcomes:
        record.outcomes = outcomes_from_prose(record.detailed_description) or outcomes_from_prose(record.brief_summary)
    return record
