"""How often, how long and by which route something is given, as trial texts say it.

"1mIU ih, Qd" (Chinese-registry shorthand: ih is subcutaneous, Qd daily), "every other
day for 6 doses", "for 28 days", "three infusions", "twice per 2 weeks".
"""

from __future__ import annotations

import re

__all__ = ["route", "frequency", "number_of_doses", "doses_counted_before", "additional_doses", "duration_days",
           "days_given", "doses_on_days", "infusion_count", "named_infusion_count", "duration_before", "COUNT_WORDS",
           "INFUSION_DAY"]

COUNT_WORDS = {"one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "twelve": 12}
_COUNT = rf"(\d{{1,2}}|{'|'.join(COUNT_WORDS)})"

_ROUTES = [
    # in plain English: "N-803 is injected under the skin of the abdomen" (meddatax.com NCT06161545)
    ("SUBCUTANEOUS", re.compile(r"\bsub-?cutaneous(?:ly)?\b|\bs\.?c\.?(?=[\s,;)]|$)|\bSC\b|\bSQ\b|\bi\.?h\.?(?=[\s,;)]|$)"
                                r"|\bhypodermic|\b(?:injected|injections?|given|shots?)\s+under\s+the\s+skin\b", re.IGNORECASE)),
    # "IV" is also a Roman four: not after stage, grade, phase, class or type, nor in "III/IV".
    ("INTRAVENOUS", re.compile(r"\bintravenous(?:ly)?\b|\bi\.v\.|(?<!stage )(?<!grade )(?<!phase )(?<!class )(?<!type )"
                               r"(?<![/-])\bIV\b(?![/-])", re.IGNORECASE)),
    ("INTRAMUSCULAR", re.compile(r"\bintramuscular(?:ly)?\b|\bi\.m\.|\bIM\b")),
]

_FREQUENCIES = [
    # "6 doses of Il-2 every second day" (ctv.veeva.com NCT04327037)
    ("EVERY_OTHER_DAY", re.compile(r"\bevery\s+(?:other|second|2nd)\s+day\b|\bq\.?o\.?d\.?\b|\bon\s+alternate\s+days\b"
                                   r"|\bevery\s+(?:2|two)\s+days\b|\bevery\s+48\s*(?:hours|h)\b", re.IGNORECASE)),
    ("THREE_TIMES_WEEKLY", re.compile(r"\b(?:three|3)\s+times\s+(?:a|per)\s+week\b|\bthrice\s+(?:a\s+week|weekly)\b"
                                      r"|\btiw\b", re.IGNORECASE)),
    ("TWICE_WEEKLY", re.compile(r"\b(?:twice|two\s+times|2\s+times)\s+(?:a|per)\s+week\b|\btwice\s+weekly\b|\bbiw\b",
                                re.IGNORECASE)),
    ("EVERY_2_WEEKS", re.compile(r"\bevery\s+(?:2|two)\s+weeks\b|\bevery\s+14\s+days\b|\bbi-?weekly\b|\bq2w\b",
                                 re.IGNORECASE)),
    ("WEEKLY", re.compile(r"\b(?:once\s+)?weekly\b|\bonce\s+(?:a|per)\s+week\b|\bevery\s+(?:week|7\s+days)\b|\bqw\b",
                          re.IGNORECASE)),
    # (not two or three times a day, which have no token: "low-dose aldesleukin IV over 15 minutes three times daily (TID)"
    # (cancer.gov NCT01586403), "twice daily")
    ("DAILY", re.compile(r"\bq\.?d\.?\b|(?<!times\s)(?<!twice\s)(?<!thrice\s)\bdaily\b"
                         r"|\bonce\s+(?:a|per)\s+day\b|\bevery\s+(?:day|24\s*(?:hours|h))\b|/day\b",
                         re.IGNORECASE)),
]


def route(text: str) -> str | None:
    """The route of administration a phrase states.

    >>> route("1mIU ih, Qd"), route("subcutaneous (SC) IL-2"), route("given intravenously")
    ('SUBCUTANEOUS', 'SUBCUTANEOUS', 'INTRAVENOUS')
    """
    return next((token for token, pattern in _ROUTES if pattern.search(text)), None)


def frequency(text: str) -> str | None:
    """How often a phrase says something is given.

    >>> frequency("1mIU ih, Qd"), frequency("given every other day for 6 doses"), frequency("three times a week")
    ('DAILY', 'EVERY_OTHER_DAY', 'THREE_TIMES_WEEKLY')
    >>> frequency("once weekly for 4 weeks"), frequency("on day 0") is None
    ('WEEKLY', True)
    >>> frequency("aldesleukin IV over 15 minutes three times daily (TID) for 7 days") is None, frequency("IL-2 daily")
    (True, 'DAILY')
    """
    return next((token for token, pattern in _FREQUENCIES if pattern.search(text)), None)


_DOSES = re.compile(rf"(?:\bfor|\ba\s+total\s+of|\btotal\s+of|\bx|×)\s*{_COUNT}\s+(?:doses|injections|administrations)\b"
                    rf"|\b{_COUNT}\s+(?:doses|injections|administrations)\s+in\s+total\b"
                    # "three times per week for two weeks (6 doses)"
                    rf"|\(\s*{_COUNT}\s+(?:doses|injections|administrations)(?:\s+in\s+total|\s+total)?\s*\)"
                    rf"|\b{_COUNT}\s+(?:total|once[- ]\w+[- ]\w+)\s+doses\b", re.IGNORECASE)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNT_WORDS[word.lower()]


def number_of_doses(text: str) -> int | None:
    """How many doses a phrase says are given.

    >>> number_of_doses("every other day for 6 doses in total"), number_of_doses("a total of six injections")
    (6, 6)
    >>> number_of_doses("three times per week for two weeks (6 doses)")
    6
    """
    match = _DOSES.search(text)
    return _count(next(group for group in match.groups() if group)) if match else None


#: Doses beyond those given before: "subcutaneous IL-2 on day 1, followed by NK cell infusion on day 2, followed by
#: subcutaneous IL-2 for an additional 5 doses three times a week" (ClinicalTrials.gov NCT02030561).
_ADDITIONAL_DOSES = re.compile(rf"\bfor\s+an?\s+(?:additional|further)\s+{_COUNT}\s+(?:doses|injections|administrations)\b",
                               re.IGNORECASE)
#: One day a drug is given on, and no more: "IL-2 on day 1," (not "on days 1 and 3", nor "on day 1 of each cycle").
_ON_ONE_DAY_ONLY = re.compile(r"\bon\s+day\s+[-−+]?\d{1,3}\b(?!\s*(?:,\s*\d|and|to|through|-|–|of\s+each|every))",
                              re.IGNORECASE)


def additional_doses(text: str, before: str) -> int | None:
    """How many doses in all, where ``text`` gives "an additional" so many after the one dose ``before`` gives on one day
    ("IL-2 on day 1, ... followed by IL-2 for an additional 5 doses": 6); none where the doses before are not one.

    >>> additional_doses("IL-2 for an additional 5 doses three times a week", "IL-2 on day 1, followed by NK cells on day 2, ")
    6
    >>> additional_doses("IL-2 for an additional 5 doses", "IL-2 daily for a week, then ") is None
    True
    """
    match = _ADDITIONAL_DOSES.search(text)
    if not match or not _ON_ONE_DAY_ONLY.search(before) or _DOSES.search(before):
        return None
    return _count(match.group(1)) + 1


#: A drug given on the days listed after its name, one dose each day: "Bolus infusions of low-dose IL-2 are administered on
#: days 3, 5, 8, 10, and 12" (knowcancer.com NCT00003067); not cells' days after it ("N-803 ... with or without PD-L1
#: t-haNK cells on days 1, 5, 8, 12 and 15"), a range ("on days 1, 3 and 5-7") nor days of each cycle.
_GIVEN_ON_DAYS = re.compile(r"^(?:(?!\bcells?\b)[^.;]){0,80}?\bon\s+(?:study\s+)?days\s+"
                            r"(?P<days>[-−+]?\d{1,3}(?:\s*(?:,\s*and|,|and)\s*[-−+]?\d{1,3})+)\b"
                            r"(?!\s*(?:-|–|−|~|to\b|through\b|of\s+(?:each|every)\b|every\b|each\b|(?:,\s*and|,|and)\s*[-−+]?\d))",
                            re.IGNORECASE)


def doses_on_days(text: str) -> list[str]:
    """The days listed after a drug's name it is given on, one dose each.

    >>> doses_on_days("IL-2 are administered on days 3, 5, 8, 10, and 12, followed by a rest period")
    ['3', '5', '8', '10', '12']
    >>> doses_on_days("IL-2 with PD-L1 t-haNK cells on days 1, 5, 8"), doses_on_days("IL-2 on days 1, 3 and 5-7")
    ([], [])
    """
    match = _GIVEN_ON_DAYS.search(text)
    return re.findall(r"[-−+]?\d{1,3}", match.group("days")) if match else []


#: A count of doses right before the drug they are of: "patients receive 6 doses of Il-2 every second day" (ctv.veeva.com
#: NCT04327037).
_DOSES_OF = re.compile(rf"\b{_COUNT}\s+(?:doses|injections|administrations)\s+of\s+$", re.IGNORECASE)


def doses_counted_before(text: str) -> int | None:
    """How many doses the words right before a drug's name count.

    >>> doses_counted_before("To sustain proliferation of donor NK cells in vivo patients receive 6 doses of ")
    6
    >>> doses_counted_before("6 doses of NK cells with ") is None
    True
    """
    match = _DOSES_OF.search(text[-40:])
    return _count(match.group(1)) if match else None


_NUMBER = rf"(?:\d{{1,3}}|{'|'.join(COUNT_WORDS)})"
_DURATION = re.compile(rf"\b(?:for|during)\s+(?:a\s+total\s+of\s+)?(?P<number>{_NUMBER})\s+(?:consecutive\s+)?"
                       rf"(?P<unit>days?|weeks?|months?)\b"
                       rf"|\b(?P<course>\d{{1,3}})-(?P<course_unit>day|week)\s+course\b", re.IGNORECASE)
_DAYS = {"day": 1, "week": 7, "month": 30}


def duration_days(text: str) -> float | None:
    """How many days a phrase says a course lasts ("for 28 days", "for 2 weeks").

    >>> duration_days("(1mIU ih, Qd) for 28 days"), duration_days("daily for 2 weeks"), duration_days("4 hours after")
    (28.0, 14.0, None)
    >>> duration_days("subcutaneous will be administrated three times a week during two weeks")
    14.0
    """
    match = _DURATION.search(text)
    if not match:
        return None
    number, unit = match.group("number") or match.group("course"), match.group("unit") or match.group("course_unit")
    return float(_count(number) * _DAYS[unit.lower().rstrip("s")])


#: The span said right before what is given in it: "14 days of subcutaneous low-dose IL-2 injections, 2 MIU/day"
#: (translational-medicine.com NCT00937625).
_SPAN_BEFORE = re.compile(rf"\b(?P<number>{_NUMBER})\s+(?P<unit>days?|weeks?)\s+of\s+(?:[\w-]+\s+){{0,3}}$", re.IGNORECASE)


def duration_before(text: str) -> float | None:
    """How many days the words right before a drug's name say it is given for.

    >>> duration_before("TIL infusion, and 14 days of subcutaneous low-dose "), duration_before("for 14 days of ") is None
    (14.0, True)
    """
    match = _SPAN_BEFORE.search(text[-60:])
    if not match or re.search(r"\b(?:for|during)\s+$", text[-60:][:match.start()]):
        return None
    return float(_count(match.group("number")) * _DAYS[match.group("unit").lower().rstrip("s")])


#: "day -1", "days -6 to -2", "on days 1, 3 and 5", "Day 0", "D-5 to D-3" (with the minus signs
#: registries write: "-", "−", "–").
_DAYS_GIVEN = re.compile(r"\b(?:on\s+)?(?:days?|D)\s*[-−–]?\s*\d{1,3}"
                         r"(?:\s*(?:,|and|to|through|-|−|–|~)\s*(?:days?\s*|D)?[-−–]?\s*\d{1,3})*"
                         r"(?!\s*(?:%|mg|hours?|weeks?|months?|cycles?))\b", re.IGNORECASE)


def days_given(text: str) -> str | None:
    """The days a phrase says something is given on, as it writes them.

    >>> days_given("fludarabine 30 mg/m2 on days -6 to -2"), days_given("IL-2 on day -1 and day +1")
    ('days -6 to -2', 'day -1')
    >>> days_given("cyclophosphamide 60 mg/kg on Day −5"), days_given("for 28 days") is None
    ('Day −5', True)
    """
    match = _DAYS_GIVEN.search(text)
    if not match:
        return None
    days = re.sub(r"^on\s+", "", match.group(0), flags=re.IGNORECASE)
    return days


#: Words that make doses dose levels: "five escalating doses", "two different doses", "three ascending doses".
_LEVELS_DIFFER = r"(?:escalating|escalated|increasing|ascending|rising|graded|different|varying)\b"
_INFUSIONS = re.compile(
    # (not "at least one infusions" nor "up to 3 infusions": a bound is no count; nor "One to two intravenous infusions",
    # ACTRN12624000968572, "1-2 infusions": a range is none)
    # nor "the option to receive an additional 3 infusions of 100million allo-hMSCs/kg" (meddatax.com NCT02065245): infusions
    # beyond the course's
    rf"(?<!at least )(?<!up to )(?<!maximum of )(?<!more than )(?<!less than )(?<! to )(?<! or )(?<![-–])"
    rf"(?<!additional )(?<!further )(?<!extra )(?<!optional )"
    # nor a choice among so many: "Participants will receive one of five escalating doses of allogeneic NK cells with CRT
    # to determine the MTD" (ctv.veeva.com NCT07247201), one dose level a patient is given
    rf"(?<!\bone of )(?<!\bone of the )"
    # (and not the "one" of "one of three infusions" itself)
    rf"\b{_COUNT}\s+(?!of\b)"
    # nor "3 weekly AFM13 infusions" (acir.org NCT04074746): infusions of a drug the words between name by its code; nor
    # doses said to differ, "five escalating doses", "two different doses of MSB-CAR001": dose levels, not one patient's
    # course
    rf"(?:(?![A-Za-z-]*\d)(?!{_LEVELS_DIFFER})\w+\s+){{0,2}}?(?:\([^()]{{1,30}}\)\s+)?"
    rf"(?:infusions|doses\s+of\s+(?:[\w-]+\s+){{0,4}}?(?:cells?|NK)|injections|courses\s+of\s+NK)\b",
    re.IGNORECASE)
#: What follows a count of times that is a frequency, not a count: "twice a week", "3 times daily".
_NOT_A_FREQUENCY = r"(?!\s+(?:a|per|every|each)\s+(?:day|week|month)\b|\s+(?:daily|weekly))"
#: "twice" counts infusions, but "twice a week" is a frequency.
_TWICE = re.compile(rf"\b(?:twice|two\s+times)\b{_NOT_A_FREQUENCY}", re.IGNORECASE)
#: (not a drug's dose, in milligrams: "concurrently with a single dose of Ipilimumab 1 mg/kg up to 100 mg", ClinicalTrials.gov
#: NCT03166397, a trial of TIL)
_SINGLE = re.compile(r"\b(?:a\s+single|one|a\s+fixed|single)\s+(?:\w+\s+)?(?:dose|infusion)\s+of\b"
                     r"(?![^.;,]{0,40}?\d\s*(?:mg|µg|mcg|ug)\b)"
                     r"|\b(?:as\s+)?a\s+single\s+(?:\w+\s+)?infusion\b"
                     # the cells' amount given at once: "Ex vivo–expanded auto-TILs (>1 × 109 cells in a single dose) were
                     # infused" (jci.org NCT04443296)
                     r"|\bcells\s+(?:in|as)\s+a\s+single\s+dose\b"
                     # "They will get the split doses CART cells on day0, day1, day2 through the IV in 1 infusion"
                     # (ClinicalTrials.gov NCT03196414): the course in one infusion
                     r"|\bin\s+(?:1|one)\s+infusion\b"
                     # a listed intervention's name and its count: "Biological: CMV-specific T-cells, single infusion
                     # following single positive CMV PCR result" (ClinicalTrials.gov NCT01220895)
                     r"|(?:^|,)\s*single\s+infusion\b"
                     # "patients who were treated with one-time lifileucel monotherapy" (join.targetedonc.com
                     # NCT04614103): a treatment given once
                     r"|\bone[- ]time\s+(?:[\w-]+\s+){0,2}?(?:monotherapy|treatment|therapy|infusion|dose|administration)\b",
                     re.IGNORECASE)


#: "once a week for a total of six weeks", "FT538 is administered once a week for 3 consecutive weeks (Day 1, Day 8, and
#: Day 15)" (ClinicalTrials.gov NCT04714372): one infusion a week, so as many as the weeks (not "thrice weekly for 2
#: weeks", three a week).
_WEEKLY_FOR = re.compile(rf"(?<!thrice )(?<!twice )(?<!times )\b(?:once\s+(?:a|per|every)\s+week|weekly)\s+for\s+"
                         rf"(?:a\s+total\s+of\s+)?{_COUNT}\s+(?:consecutive\s+)?weeks\b", re.IGNORECASE)
#: A frequency, then the course's count: "three dose groups: 10^6, 5x10^6 and 3x10^7 JK500 cells injection /kg/ time, three
#: times a week, a total of 6 times" (ClinicalTrials.gov NCT05519384).
_FREQUENCY_THEN_TOTAL = re.compile(rf"\b(?:times|thrice|twice)\s+(?:a|per|every)\s+week,?\s+(?:for\s+)?a\s+total\s+of\s+{_COUNT}"
                          r"\s+(?:times|doses|infusions)\b", re.IGNORECASE)
#: "once every two weeks for a total treatment duration of 24 weeks" (meddatax.com NCT07243366): one infusion each
#: interval, so as many as the weeks over the interval's (where it divides them); as "once a week for a total of six weeks"
#: is six.
_EVERY_WEEKS_FOR = re.compile(rf"\b(?:once\s+)?every\s+(?P<every>\d|two|three|four|other|second)\s+weeks?,?\s+for\s+"
                              rf"(?:a\s+total\s+(?:(?:treatment\s+)?(?:duration|period)\s+)?of\s+)?(?P<weeks>{_COUNT[1:-1]})"
                              r"\s+weeks\b", re.IGNORECASE)
#: Days (or weeks) listed: "18 and 21", "1, 4, and 7", "+6 and +12".
_DAYS_LISTED = r"(?P<days>[-−+]?\d{1,3}(?:\s*(?:,\s*and|,|and)\s*[-−+]?\d{1,3})+)\b"
#: "receive an infusion of donor NK cells on days 18 and 21": one infusion on each day listed; the days may be the
#: study's: "Treatment with investigational agent will be administered on study Days 1 and 4" (ignite-sd.com NCT00136903).
#: "Patients receive infusions of EBV specific cytotoxic T lymphocytes over 5 to 10 minutes on weeks 0, 2, and 4"
#: (ClinicalTrials.gov NCT00002956): one on each week listed.
#: "CYNK-001 infusions on Days 1, 4, and 7" (med.agiltrace.com NCT04365101): the last day after a comma and "and".
#: "These participants will receive this treatment on days 1, 5, 8, 12, and 15" (meddatax.com NCT06161545, of the cells
#: named before it).
#: "will receive the systemic intravenous infusion of natural killer cells at days +6 and +12 post-transplantation"
#: (irct.behdasht.gov.ir IRCT20140818018842N35, N38): "at" the days as "on" them.
_ON_DAYS = re.compile(r"\b(?:infusions?|infused|injected|administered|receive\s+(?:this|these)\s+(?:treatments?|therap(?:y|ies)"
                      rf"|cells|infusions?))\b[^.;]{{0,90}}?\b(?:on|at)\s+(?:study\s+)?(?:days?|weeks?)\s+{_DAYS_LISTED}",
                      re.IGNORECASE)
#: The occasions listed as ordinals: "iNKT cells will be infused at 1st, 3rd, 5th, 7th, 9th, 11th week after first TAE/TACE
#: therapy" (ctv.veeva.com NCT04011033), "injected on the 1st, 8th and 15th day": one infusion on each (not a procedure
#: "performed at 0th and 4th week", nor visits "evaluated at 4th and 8th week", which give nothing).
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_ORDINAL_OCCASIONS = re.compile(r"\b(?:infusions?|infused|injected|injections?|administered|transfused|given)\b[^.;]{0,60}?"
                                rf"\b(?:on|at|in)\s+(?:the\s+)?(?P<days>{_ORDINAL}(?:\s*(?:,\s*and|,|and)\s*{_ORDINAL})+)"
                                r"\s+(?:weeks?|days?|months?)\b", re.IGNORECASE)
#: A visit or assessment between the infusion and the days listed: the days are its, not the infusions' ("Patients receive
#: infusions of NK cells and are evaluated at weeks 4, 8, and 12").
_CHECKED_BETWEEN = re.compile(r"\b(?:evaluat|assess|measur|examin|test|sampl|collect|drawn|visit|seen|follow(?:ed)?[- ]up|scan"
                              r"|imag|biops)\w*", re.IGNORECASE)
#: One injection of the cells named right after it: "All patients will have one hepatic intra-arterial injection of
#: immunological cells (gamma-delta T lymphocytes)" (ctv.veeva.com NCT00562666); not "at least one injection", nor one
#: injection of a drug ("one injection of IL-2"). (The words between may be a dose and the cells' markers: "HLA Haploidentical
#: selected NK cell infusion (one injection of 1x107/kg CD3-CD56+ cells)", smartpatients.com NCT01947322.)
_ONE_INJECTION_OF_CELLS = re.compile(r"(?<!at least )(?<!more than )(?<!up to )\b(?:one|a\s+single|single)\s+"
                                     r"(?:[\w-]+\s+){0,3}?(?:injection|infusion|transfusion|administration)\s+of\s+"
                                     r"(?:[\w/+.-]+\s+){0,4}?(?:cells?|lymphocytes|CTLs?|TILs?)\b", re.IGNORECASE)
#: A number of times the days listed after it agree with: "with up to 3 times separated by 4 weeks among dosing
#: (intrathecally on Days 1, 29, and 57)" (ctv.veeva.com NCT06671236): one administration on each day, as many as the
#: times (the count read only where the days listed are as many).
_TIMES_ON_DAYS = re.compile(rf"\b(?:up\s+to\s+)?{_COUNT}\s+times\b{_NOT_A_FREQUENCY}[^.;]{{0,80}}?\bon\s+days?\s+{_DAYS_LISTED}",
                            re.IGNORECASE)
#: (not samples taken so many times: "blood will be collected 3 times on days 1, 8 and 15")
_MEASURED = re.compile(r"\b(?:measured|assessed|collected|sampled|drawn|tested|evaluated|visits?|seen)\b[^.;]{0,40}$",
                       re.IGNORECASE)
#: "SNK01 (low dose) administered once every three weeks (Q3W) for four cycles" (ClinicalTrials.gov NCT04678453): one
#: administration every so many weeks for as many cycles, a cycle the interval, so as many as the cycles.
_CYCLES = re.compile(rf"\b(?:(?:once\s+)?every\s+(?:\d|two|three|four)\s+weeks(?:\s*\(Q\dW\))?|Q\dW)\s+for\s+{_COUNT}\s+cycles\b",
                     re.IGNORECASE)

#: "CD7 CAR T cells will be given once intravenously at one dose" (NCT04689659); not "once a week", "once daily".
_GIVEN_ONCE = re.compile(r"\b(?:given|administered|infused|injected)\s+once\b(?!\s+(?:a|per|every|each|daily|weekly|monthly"
                         r"|more|again)\b)", re.IGNORECASE)
#: The NCI's outline: "Patients receive autologous TIL IV over 20-30 minutes on day 0" (NCT03991741), "Patients will
#: receive an infusion (given by vein) of autologous tumor infiltrating lymphocytes" (NCT01883323): one infusion, given
#: on one day, where nothing in the sentence repeats it.
#: An infusion written as a step of the protocol with its one day: "transfusion:day 0", "infusion (day 0)".
_INFUSION_DAY = (r"\b(?:infusion|transfusion|injection)\s*(?::|\()\s*(?:on\s+)?day\s*[-−+]?\d{1,3}\b"
                 r"(?!\s*(?:,|and|to|through|-|–|~)\s*(?:days?\s*)?[-−+]?\d)")
INFUSION_DAY = re.compile(_INFUSION_DAY, re.IGNORECASE)
_ONE_DAY = r"\bon\s+day\s+[-−+]?\d{1,3}\b(?!\s*(?:,|and|to|through|-|–)\s*(?:days?\s+)?[-−+]?\d)"  # not "on days 1, 4"
_ON_ONE_DAY = re.compile(rf"\breceive\s+(?:[\w-]+\s+){{0,5}}?(?:IV|intravenously)\b[^.;]{{0,40}}?{_ONE_DAY}"
                         r"|\breceive\s+an\s+infusion\b"
                         # "haploidentical donor natural killer (NK) cells infused on Day -17 pre-tx" (NCT01370213)
                         # "donor lymphocytes depleted of ... (TCR-alpha-beta T cells and B cells) can be infused on day
                         # 28 following allogeneic stem cell transplantation" (cancer.gov NCT03939585)
                         # "Lymphokine-activated killer (LAK) cells and IL-2 are infused on day 1." (knowcancer.com
                         # NCT00003067): the cells and the drug infused with them
                         rf"|\b(?:cells|products?|lymphocytes)\)?\s+(?:and\s+[\w-]+\s+)?(?:(?:will|can|may|could|shall)\s+be\s+"
                         rf"|are\s+|were\s+)?infused\s+{_ONE_DAY}"
                         # the cells' infusion named with its one day, as a registry's arm lists its steps: "Cyclophosphamide
                         # 60 mg/kg IV Daily Over 2 Hours On Days -5 and -4. Natural Killer Cell Infusion on Day 0."
                         # (meddatax.com NCT00698009): a step of its own, its sentence ending with the day (not "NK cell
                         # infusion on day 0, then IL-2 ...", a course told in one sentence)
                         rf"|\b(?:cells?|lymphocytes?)\s+infusion\s+{_ONE_DAY}(?=\s*(?:[.;]|$))"
                         # the day of an event of the patient's: "Infusion at dose 1 cells mln/kg at day of white blood cells
                         # recovery", "Infusion of Mesenchymal Stem Cell (MSC) at day of recovery after bone marrow
                         # transplant (BMT)" (NCT01941394)
                         r"|\b(?:infusion|injection|infused|injected)\b[^.;]{0,60}?\b(?:at|on)\s+(?:the\s+)?day\s+of\s+"
                         r"(?:[\w-]+\s+){0,4}?(?:recovery|engraftment)\b"
                         # the infusion as a protocol's step on its day: "nCAR19-T transfusion:day 0(5×10※5/kg,...)"
                         # (trial.medpath.com NCT02644655), "pre-infusion evaluation (-2~-1 days), infusion (day 0), and
                         # follow-up period" (ctv.veeva.com NCT05563545)
                         rf"|{_INFUSION_DAY}", re.IGNORECASE)
#: The cells of an NCI outline's list of what the patients receive, each with its route and day: "Patients receive elotuzumab
#: intravenously (IV) over 2-5 hours on day -15 and -8, lenalidomide orally (PO) once daily (QD) on days -8 to -2, high-dose
#: melphalan IV over 30 minutes on day -7, and UCB-derived NK cells IV over 1 hour on day -5." (ClinicalTrials.gov
#: NCT01729091): one infusion of the cells, the other drugs' days and schedules their own.
_CELLS_ON_ONE_DAY = re.compile(rf"\bcells\s+(?:IV|intravenously)\b[^.;,]{{0,30}}?{_ONE_DAY}", re.IGNORECASE)
#: One infusion of the cells said as what the patients are given, with no count: "followed by an infusion of modified T
#: cells designed to target cancer cells" (findatrial.com NCT06847269), "followed by IL-15 stimulated NK cells infusion one
#: month after transplantation" (ctv.veeva.com NCT01337544), "patients will be infused with CD19 CAR-T cells at a dose of
#: 1×10⁶ cells/kg" (ctv.veeva.com NCT07266181), "patients will be given a DLI" (meddatax.com NCT01027702). Read only where
#: the rest of the sentence repeats nothing ("followed by an infusion of NK cells every week"); not a drug's infusion
#: ("followed by an infusion of IL-2"), nor the therapy named without its time ("TCD allo-HSCT followed by allogeneic 19-28z
#: CAR T cell infusion", cancer.gov NCT04556266; "followed by recipient lymphocyte infusion (RLI)", NCT00909948).
_GIVEN_AN_INFUSION = re.compile(r"\bfollowed\s+by\s+(?:an\s+infusion\s+of\s+(?:[\w-]+\s+){0,4}?(?:cells|lymphocytes|TILs?)\b"
                                r"|(?:[\w-]+\s+){0,4}?(?:cells?|lymphocytes?)\s+infusion\s+(?:one|a|an|\d{1,3})\s+(?:days?|weeks?"
                                r"|months?)\s+(?:after|post|following)\b)"
                                r"|\b(?:will\s+be|are|were)\s+infused\s+with\s+(?:[\w-]+\s+){0,4}?cells\s+at\s+a\s+dose\s+of\b"
                                r"|\b(?:will\s+be\s+given|receive|will\s+receive)\s+a\s+(?:DLI|donor\s+lymphocyte\s+infusion)\b",
                                re.IGNORECASE)
_TO_SENTENCE_END = re.compile(r"[^.;]*")
_REPEATED = re.compile(r"\b(?:every|each|weekly|daily|monthly|repeat\w*|cycles?|courses?|times|twice|up\s+to|additional"
                       r"|second|another|doses|infusions)\b|\bq\d", re.IGNORECASE)

#: "Injection of the number of 7x10^5 NK cells in 3 periods with an interval of 5 days" (IRCT20140818018842N41):
#: the cells given in as many parts, each after the interval.
_IN_PARTS = re.compile(rf"\bcells?\s+in\s+{_COUNT}\s+(?:periods|sessions|rounds|portions|times|parts)\s+"
                       rf"(?:with\s+(?:an?\s+)?intervals?|at\s+(?:an?\s+)?intervals?|every|each)\b", re.IGNORECASE)

#: The cells infused "in" as many times: "Cells were infused back to the patients in 3 times via intravenous infusion"
#: (NCT03190811), "about 10 billion cells transfusion in 3 times, i.v." (crick.ai NCT02849015); not "in 3 times a week",
#: a frequency.
_IN_TIMES = re.compile(rf"\b(?:infused|transfused|injected|infusions?|transfusions?|injections?)\s+(?:[\w-]+\s+){{0,4}}?"
                       rf"in\s+{_COUNT}\s+times\b{_NOT_A_FREQUENCY}",
                       re.IGNORECASE)

#: The product given a total of so many times: "The subjects allotted to each cohort are administered with the SNK01
#: manufactured from peripheral blood mononuclear cells total 8 times over a period of about 10 weeks." (clincosm.com
#: NCT04872634); not "3 times a week" (a frequency), nor blood "collected a total of 8 times".
_TOTAL_TIMES = re.compile(rf"\b(?:administered|infused|given|injected|transfused)\b[^.;]{{0,100}}?\b(?:a\s+|in\s+)?total\s+"
                          rf"(?:of\s+)?{_COUNT}\s+times\b{_NOT_A_FREQUENCY}", re.IGNORECASE)

#: The cells divided into as many doses: "If we are successful in growing the iNKT cells to large enough numbers, they will
#: be divided into 3 equal doses. Participants will receive one dose of these cells by intravenous infusion every 2 weeks"
#: (ClinicalTrials.gov NCT00631072); not "divided into 3 dose levels" nor "3 groups", which are no one patient's course.
_DIVIDED = re.compile(rf"\b(?:divided|split)\s+into\s+{_COUNT}\s+(?:equal\s+)?(?:doses|infusions|injections|portions|aliquots)\b"
                      r"(?!\s*levels?\b)"
                      # "receive AlloNK, which will be administered in 3 doses" (cgtlive.com NCT06265220): given in as
                      # many doses (not "in 3 dose levels", nor "in 3 doses a week", a frequency)
                      rf"|\b(?:administered|given|infused|delivered)\s+in\s+{_COUNT}\s+(?:separate\s+)?(?:doses|infusions)\b"
                      r"(?!\s*(?:levels?\b|(?:a|per|every|each)\s+(?:day|week|month)\b))", re.IGNORECASE)


#: Cycles of so many treatments each: "Patients who were assigned Treatment group will receive 2 cycles of MG4101 (each
#: cycle is 3 treatments at a frequency of once per week, between each cycle has 3 weeks of withdrawal period)"
#: (meddatax.com NCT02854839): as many as the cycles times the treatments of one.
_CYCLES_OF_EACH = re.compile(rf"\b{_COUNT}\s+(?:cycles|courses)\s+of\s+[^.;()]{{1,60}}?[(,]\s*each\s+(?:cycle|course)\s+"
                             rf"(?:is|consists\s+of|consisting\s+of|includes|including|of|with)\s+{_COUNT}\s+"
                             r"(?:treatments|infusions|doses|injections|administrations)\b", re.IGNORECASE)
#: The cells infused on so many days in a row: "cultured in vitro for 15 days and infused to the patient in two
#: consecutive days" (trial.medpath.com NCT04162158): one infusion a day (not a cytokine "given for 5 consecutive days").
_CONSECUTIVE_DAYS = re.compile(rf"\b(?:re)?(?:infused|transfused)\b[^.;]{{0,40}}?\b(?:in|on|over)\s+{_COUNT}\s+"
                               r"consecutive\s+days\b", re.IGNORECASE)


def _days_in(match: re.Match[str]) -> int:
    """How many days (or weeks) a match's listed ``days`` are."""
    return len(re.findall(r"\d{1,3}", match.group("days")))


#: A count of infusions said of a product by its code name, as registry arms and interventions write it: "followed by 6 doses
#: of SAR445419 given thrice weekly for 2 weeks beginning Day 1" (ClinicalTrials.gov NCT05712278, whose title names "Natural
#: Killer (NK) Cells (SAR445419)"), "Single infusion of SCRI-CAR22v2" (NCT04571138). The name is asked against the product's
#: own names (named_infusion_count): "3 weekly AFM13 infusions" (acir.org NCT04074746) count an antibody's, and "4 doses of
#: AFM13" too. (Not a bound: "up to 6 doses of", "at least one dose of".)
_NAMED_COURSE = re.compile(rf"(?<!at least )(?<!up to )(?<!maximum of )(?<!additional )(?<! or )(?<![-–])"
                           rf"\b(?:{_COUNT}\s+(?:doses|infusions|injections)|(?P<single>(?:a\s+)?single|one)\s+"
                           rf"(?:dose|infusion|injection))\s+of\s+(?P<name>[A-Za-z][\w-]{{1,30}})(?![\w-])", re.IGNORECASE)


def named_infusion_count(text: str, names: frozenset[str]) -> int | None:
    """How many infusions a course gives of the product called by one of ``names`` (lower case).

    >>> named_infusion_count("followed by 6 doses of SAR445419 given thrice weekly", frozenset({"sar445419"}))
    6
    >>> named_infusion_count("Single infusion of SCRI-CAR22v2", frozenset({"scri-car22v2"}))
    1
    >>> named_infusion_count("4 doses of AFM13 before the NK cells", frozenset({"nk510"})) is None
    True
    >>> named_infusion_count("up to 6 doses of SAR445419", frozenset({"sar445419"})) is None
    True
    """
    if not names or " of " not in text:
        return None
    for match in _NAMED_COURSE.finditer(text):
        if match.group("name").lower() in names:
            return 1 if match.group("single") else _count(match.group(1))
    return None


#: A registry's count of the times the intervention is given, as a labelled field: "Number of times of intervention: 1
#: time" (jRCT's intervention field, rctportal.niph.go.jp jRCTb070190057).
_TIMES_OF_INTERVENTION = re.compile(rf"\bnumber\s+of\s+times\s+of\s+(?:intervention|administration|injection|infusion)s?"
                                    rf"\s*:\s*{_COUNT}\s+times?\b", re.IGNORECASE)


def infusion_count(text: str) -> int | None:
    """How many infusions of the cells a course gives.

    >>> infusion_count("followed by three doses of NK cells infusion")
    3
    >>> infusion_count("receive three intravenous infusions of expanded NK cells")
    3
    >>> infusion_count("donor NK cells injections for a total dose of twice per 2 weeks")
    2
    >>> infusion_count("On day 0, patients will receive a fixed dose of 1.0-3.0 x 10^9 NK cells")
    1
    >>> infusion_count("efficacy of three fixed dose (1 x 108/kg) infusions of ex-vivo expanded NK cells")
    3
    >>> infusion_count("NK510 will be administered once a week for a total of six weeks")
    6
    >>> infusion_count("FT538 is administered once a week for 3 consecutive weeks (Day 1, Day 8, and Day 15).")
    3
    >>> infusion_count("JK500 cells injection /kg/ time, three times a week, a total of 6 times.")
    6
    >>> infusion_count("6 doses of SAR445419 given thrice weekly for 2 weeks") is None, infusion_count("3 times a week") is None
    (True, True)
    >>> infusion_count("Patients receive an infusion of donor natural killer (NK) cells on days 18 and 21")
    2
    >>> infusion_count("Patients receive infusions of EBV specific cytotoxic T lymphocytes over 5 to 10 minutes on weeks 0, 2, "
    ...                "and 4.")
    3
    >>> infusion_count("Injection of the number of 7x10^5 NK cells in 3 periods with an interval of 5 days")
    3
    >>> infusion_count("Cells were infused back to the patients in 3 times via intravenous infusion")
    3
    >>> infusion_count("If we are successful in growing the iNKT cells to large enough numbers, they will be divided into 3 "
    ...                "equal doses.")
    3
    >>> infusion_count("Participants will undergo lymphodepletion ..., and then receive AlloNK, which will be administered "
    ...                "in 3 doses")
    3
    >>> infusion_count("patients who were treated with one-time lifileucel monotherapy")
    1
    >>> infusion_count("administered in 3 dose levels") is None, infusion_count("one-time payment") is None
    (True, True)
    >>> infusion_count("Patients will be divided into 3 groups") is None
    True
    >>> infusion_count("3 dose levels") is None, infusion_count("twice a week of NK cells") is None
    (True, True)
    >>> infusion_count("Each patient will receive at least one infusions according to the enrolled dose level") is None
    True
    >>> infusion_count("MSCs (4 doses of 2 x 106/kg administered on days 1, 4, 11 and 18)")
    4
    >>> infusion_count("One to two intravenous infusions of autologous umbilical cord blood derived cells (UCBCs)") is None
    True
    >>> infusion_count("CD7 CAR T cells will be given once intravenously at one dose (1×106, with an allowance of ± 20%)")
    1
    >>> infusion_count("TRANSPLANT: Patients receive autologous TIL IV over 20-30 minutes on day 0 (1-3 days after the last dose")
    1
    >>> infusion_count("Patients will receive an infusion (given by vein) of autologous tumor infiltrating lymphocytes (TILs).")
    1
    >>> infusion_count("haploidentical donor natural killer (NK) cells infused on Day -17 pre-tx Interleukin-2: ...")
    1
    >>> infusion_count("the option to receive an additional 3 infusions of 100million allo-hMSCs/kg per infusion") is None
    True
    >>> infusion_count("Infusion at dose 1 cells mln/kg at day of white blood cells recovery.")
    1
    >>> infusion_count("Infusion of Mesenchymal Stem Cell (MSC) at day of recovery after bone marrow transplant (BMT)")
    1
    >>> infusion_count("These participants will receive this treatment on days 1, 5, 8, 12, and 15.")
    5
    >>> infusion_count("CYNK-001 infusions on Days 1, 4, and 7.")
    3
    >>> infusion_count("will receive the systemic intravenous infusion of natural killer cells at days +6 and +12 "
    ...                "post-transplantation.")
    2
    >>> infusion_count("SNK01 (low dose) administered once every three weeks (Q3W) for four cycles.")
    4
    >>> infusion_count("CAR-NK cells will be administered intravenously at a fixed dose, once every two weeks for a total "
    ...                "treatment duration of 24 weeks.")
    12
    >>> infusion_count("given every 3 weeks for 8 weeks") is None
    True
    >>> infusion_count("high-dose melphalan IV over 30 minutes on day -7, and UCB-derived NK cells IV over 1 hour on day -5.")
    1
    >>> infusion_count("nCAR19-T transfusion:day 0(5×10※5/kg,1×10※6/kg,3×10※6/kg)")
    1
    >>> infusion_count("pre-infusion evaluation (-2~-1 days), infusion (day 0), and follow-up period (1-720 days)")
    1
    >>> infusion_count("Patients who were assigned Treatment group will receive 2 cycles of MG4101 (each cycle is 3 "
    ...                "treatments at a frequency of once per week, between each cycle has 3 weeks of withdrawal period).")
    6
    >>> infusion_count("PBMCs were isolated from patient-related donor and cultured in vitro for 15 days and infused to the "
    ...                "patient in two consecutive days.")
    2
    >>> infusion_count("IL-2 will be given subcutaneously for 5 consecutive days") is None
    True
    >>> infusion_count("donor lymphocytes depleted of TCR-alpha-beta T cells and B cells (TCR-alpha-beta T cells and B cells) "
    ...                "can be infused on day 28 following allogeneic stem cell transplantation")
    1
    >>> infusion_count("infusion (day 0, day 7)") is None
    True
    >>> infusion_count("iNKT cells will be infused at 1st, 3rd, 5th, 7th, 9th, 11th week after first TAE/TACE therapy.")
    6
    >>> infusion_count("TAE/TACE will be performed at 0th and 4th week.") is None
    True
    >>> infusion_count("Patients receive infusions of NK cells and are evaluated at weeks 4, 8, and 12.") is None
    True
    >>> infusion_count("NK cells will be infused at 1st week and patients evaluated at 4th, 8th and 12th week.") is None
    True
    >>> infusion_count("All patients will have one hepatic intra-arterial injection of immunological cells (gamma-delta T "
    ...                "lymphocytes) and will be evaluated for safety.")
    1
    >>> infusion_count("NK cells with at least one injection of immunological cells") is None
    True
    >>> infusion_count("Intervention period: 1-year Number of times of intervention: 1 time")
    1
    >>> infusion_count("Number of times of visits: 3 times") is None
    True
    >>> infusion_count("NK cells will be given once a week") is None, infusion_count("receive NK cells IV on day 0 and day 7") is None
    (True, True)
    >>> infusion_count("Natural Killer Cell Infusion on Day 0."), infusion_count("NK Cell Infusion on Day 0 and Day 7.") is None
    (1, True)
    """
    each = _CYCLES_OF_EACH.search(text)  # before "4 courses of NK cells", which counts the courses alone
    if each:
        return _count(each.group(1)) * _count(each.group(2))
    match = _INFUSIONS.search(text) or _TIMES_OF_INTERVENTION.search(text)
    if match:
        return _count(match.group(1))
    divided = _DIVIDED.search(text)
    if divided:
        return _count(next(group for group in divided.groups() if group))
    weekly = _WEEKLY_FOR.search(text) or _CYCLES.search(text) or _FREQUENCY_THEN_TOTAL.search(text)
    if weekly:
        return _count(weekly.group(1))
    every = _EVERY_WEEKS_FOR.search(text)
    if every:
        interval = 2 if every.group("every").lower() in ("other", "second") else _count(every.group("every"))
        weeks = _count(every.group("weeks"))
        return weeks // interval if weeks % interval == 0 and weeks > interval else None
    days = next((match for pattern in (_ON_DAYS, _ORDINAL_OCCASIONS) for match in pattern.finditer(text)
                 if not _CHECKED_BETWEEN.search(match.group(0), 0, match.start("days") - match.start())), None)
    if days:
        return _days_in(days)
    times_days = _TIMES_ON_DAYS.search(text)
    if (times_days and _count(times_days.group(1)) == _days_in(times_days)
            and not _MEASURED.search(text, max(0, times_days.start() - 60), times_days.start())):
        return _count(times_days.group(1))
    consecutive = _CONSECUTIVE_DAYS.search(text)
    if consecutive:
        return _count(consecutive.group(1))
    parts = _IN_PARTS.search(text)
    if parts:
        return _count(parts.group(1))
    times = _IN_TIMES.search(text) or _TOTAL_TIMES.search(text)
    if times:
        return _count(times.group(1))
    if _TWICE.search(text):
        return 2
    if _SINGLE.search(text) or _GIVEN_ONCE.search(text) or _ONE_INJECTION_OF_CELLS.search(text):
        return 1
    one_day = _ON_ONE_DAY.search(text)
    if one_day and not _REPEATED.search(text, max(0, one_day.start() - 80), one_day.end() + 30):
        return 1
    cells_day = _CELLS_ON_ONE_DAY.search(text)
    if cells_day and not _REPEATED.search(text[cells_day.start():].split(".")[0]):
        return 1
    given = _GIVEN_AN_INFUSION.search(text)
    if given and not _REPEATED.search(text, given.start(), _TO_SENTENCE_END.match(text, given.end()).end()):
        return 1
    return None
