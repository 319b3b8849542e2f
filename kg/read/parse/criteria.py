"""Eligibility criteria lists: bullets, inline numbering, and patient / donor sub-lists."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kg.model.records import Criterion
from kg.model.text import fold, is_placeholder, strip_bullet
from kg.model.vocab import lookup

__all__ = ["split_numbered", "criteria_from_lines", "criteria_from_mixed_lines", "population_heading",
           "kind_from_wording", "kinds_in_order"]

#: A list number inside running text: "1.Age", "; 2. Patients", "(3) Women", or a small roman
#: numeral "i) … ii) … iii)".
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[\s;.,:]))\(?(\d{1,2}|(?:i{1,3}|iv|v|vi{1,3}|ix|x)(?=\)))[.)]\s*(?!\d)(?=\S)")
#: What every list number of _INLINE_NUMBER holds: its last digit or numeral and its "." or ")" (a text without
#: one is not searched with that pattern, whose look-behind is tried at every character).
_NUMBER_MARK = re.compile(r"[.)](?<=[\divx].)")  # (a "." or ")" looked for first: the rarer character)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
#: Words that take a number in running text ("grade 3", "day 7."): the number after them is no list number.
#: After a number ("1 month 2. Active infection") the word is a unit, and the number after it may start an item.
_COUNTED = re.compile(r"(?:(?<!\d )\b(?:grade|stage|phase|day|cycle|level|type|class|step|version|cohort|arm|group|"
                      r"week|month|score)|[<>≤≥=×+-])\s*$", re.IGNORECASE)

#: Words around a population name in a sub-heading ("Donor inclusion criteria:").
_HEADING_NOISE = re.compile(r"\b(for|the|all|inclusion|exclusion|eligibility|criteria|criterion|key)\b", re.IGNORECASE)


def split_numbered(text: str, following: int | None = None) -> list[str]:
    """Split a run of text at its list numbers, when they count up one by one.

    Numbers that do not continue the count (doses, "1.5×ULN", dates) stay in the text, and so does a sub-list
    numbered from 1 under an item ending in a colon. Text before the first number is an item of its own (a list
    whose first number was lost), unless it ends in a colon: then it introduces the list.

    >>> split_numbered("1.Age ≥ 18 years; 2.Bilirubin ≤ 1.5×ULN; 3. Consent")
    ['Age ≥ 18 years', 'Bilirubin ≤ 1.5×ULN', 'Consent']
    >>> split_numbered("CNS involvement; 2. Prior CAR-T within 6 months; 3. Active infection.")
    ['CNS involvement', 'Prior CAR-T within 6 months', 'Active infection.']
    >>> split_numbered("Platelets > 50 x 10^9/L and creatinine < 2.0 mg/dL")
    ['Platelets > 50 x 10^9/L and creatinine < 2.0 mg/dL']
    >>> split_numbered("Subjects with any of the following were not eligible: 1. AML (one of the following): "
    ...                "1. CR not achieved; 2. CR shorter than 12 months; 2. Blasts > 5%")
    ['AML (one of the following): 1. CR not achieved; 2. CR shorter than 12 months', 'Blasts > 5%']
    >>> split_numbered("1. Hemoglobin 1) men: below 12.5 g/dl 2) women: below 12.0 g/dl 2. Salivary gland tumor")
    ['Hemoglobin 1) men: below 12.5 g/dl 2) women: below 12.0 g/dl', 'Salivary gland tumor']
    >>> split_numbered("Patients who meet any of the following exclusion criteria will not be included. 1. Patients for "
    ...                "whom it is difficult to obtain informed consent 2. Patients with complications")
    ['Patients for whom it is difficult to obtain informed consent', 'Patients with complications']
    >>> split_numbered("Patients must meet all of the following criteria and have the ability to give informed consent 1. "
    ...                "20 to 60 years of age 2. Have a cartilage defect of the knee joint 3. Written consent")
    ['20 to 60 years of age', 'Have a cartilage defect of the knee joint', 'Written consent']
    >>> split_numbered("Meets the criteria of the protocol 2. Age 18 or older 3. Consent")
    ['Meets the criteria of the protocol', 'Age 18 or older', 'Consent']

    ``following`` is the number the enclosing list counts next, when the text is an item of it: its sub-list stays
    in it, and the enclosing count goes on after it (trial.medpath.com NCT03619954's item 6):

    >>> split_numbered("Hematology tests also meet the following requirements: 1. WBC≥3×109/L; 2) TBIL ≤ 1.5 × ULN; "
    ...                "(7) Length of solid tumors do not exceed 6 cm; (8) Signing of informed consent", following=7)
    ['Hematology tests also meet the following requirements: 1. WBC≥3×109/L; 2) TBIL ≤ 1.5 × ULN', \
'Length of solid tumors do not exceed 6 cm', 'Signing of informed consent']
    """
    if not _NUMBER_MARK.search(text):  # no list number: most criteria
        tidy = _tidy(text)
        return [tidy] if tidy else []
    cuts: list[tuple[int, int]] = []
    expected: int | None = following
    nested: int | None = None  # the next number of a sub-list under an item ending in a colon
    nested_mark: str | None = None  # … or of a sub-list marked otherwise than the list, with that mark
    list_mark: str | None = None  # the mark of the list's own numbers, "." or ")"
    pointer = _FOLLOWING_CRITERIA.search(text)  # "… all of the following criteria …" before a list whose colon is lost
    for match in _INLINE_NUMBER.finditer(text):
        if not _starts_item(text, match):
            continue
        number = _ROMAN.get(match.group(1)) or int(match.group(1))
        mark = match.group(0).rstrip()[-1]
        if expected is None:
            if match.start() == 0 or number > 1 or text[:match.start()].rstrip().endswith(":") \
                    or pointer and pointer.end() <= match.start():
                expected = number
            else:
                continue
        if nested is not None and number == nested and nested_mark in (None, mark):
            nested += 1  # "(meeting one of the following conditions): 1. … 2. …" stays in its item
            continue
        if number == 1 and (cuts or following) and text[:match.start()].rstrip().endswith(":"):
            nested, nested_mark = 2, None
            continue
        if number == 1 and cuts and list_mark and mark != list_mark:
            # a sub-list numbered "1) … 2) …" in an item of a list numbered "1. … 2. …" (rctportal.niph.go.jp
            # jRCTb070190057's exclusion 1, "Hemoglobin concentration in peripheral blood 1) blood collection
            # within 200ml … 2) blood collection with 200ml and over …"): its numbers stay in the item
            nested, nested_mark = 2, mark
            continue
        if number != expected:
            continue
        cuts.append((match.start(), match.end()))
        list_mark = list_mark or mark
        expected, nested = number + 1, None
    if len(cuts) < 2 and not (cuts and cuts[0][0] > 0):
        tidy = _tidy(text)
        return [tidy] if tidy else []
    lead = text[: cuts[0][0]]
    # Text before the first number is an item whose number was lost, unless it introduces the list
    # ("Subjects with any of the following exclusion criteria were not eligible for this trial:"), with no colon too
    # when it points to the criteria that follow (_FOLLOWING_CRITERIA)
    pointed = _FOLLOWING_CRITERIA.search(lead) if len(cuts) >= 2 else None
    introduces = lead.rstrip().endswith(":") or pointed
    # (… and its item 1 is the text after its "1." when that number was not taken for one: "… informed consent 1. 20 to
    # 60 years of age, …", a number after it)
    first = _FIRST_ITEM.search(lead, pointed.end()) if pointed else None
    pieces = ([lead[first.end():]] if first else [] if introduces else [lead]) + [
        text[end: next_start] for (_, end), (next_start, _) in zip(cuts, cuts[1:] + [(len(text), 0)])]
    return [piece for piece in (_tidy(p) for p in pieces) if piece]


#: A sentence before a run's first list number that points to the criteria after it, its colon lost: "Patients must
#: meet all of the following criteria and have the ability to give informed consent 1. 20 to 60 years of age, …",
#: "Patients who meet any of the following exclusion criteria will not be included. 1. Patients for whom …" (the NIPH
#: portal's view of jRCTa030240663, rctportal.niph.go.jp).
_FOLLOWING_CRITERIA = re.compile(r"\b(?:all|any|each)\s+(?:of\s+)?the\s+following\s+(?:[a-z]+\s+)?criteria\b", re.IGNORECASE)


#: The number of a list's first item after the sentence pointing to it ("… informed consent 1. 20 to 60 years").
_FIRST_ITEM = re.compile(r"\s\(?1[.)]\s+(?=\S)")


def _starts_item(text: str, match: re.Match[str]) -> bool:
    """Whether a number with its ")" or "." starts a list item rather than belonging to the sentence around it:
    "(>= grade 3) to" closes a bracket opened before it, "grade 3." counts grades, "3. of" goes on in lower case.
    """
    if match.start() == 0:
        return True
    before, after = text[:match.start()], text[match.end():]
    if not match.group(0).startswith("(") and match.group(0).rstrip().endswith(")") \
            and before.count("(") > before.count(")"):
        return False
    # Only the end of the text before can count the number (the longest word, "version", and the two
    # characters its look-behind reads fit in twelve): searching all of it made a long list quadratic.
    if _COUNTED.search(before.rstrip()[-12:]):
        return False
    return not (match.group(0).rstrip().endswith(".") and after[:1].islower())


def _tidy(text: str) -> str:
    return fold(text).rstrip(";").strip()


@lru_cache(maxsize=1 << 12)  # each line of a list is asked whether it names a population
def _population(wording: str) -> str | None:
    return lookup("population", wording)


def population_heading(line: str) -> str | None:
    """The population a sub-heading such as "Donors:" or "Patient inclusion criteria:" opens.

    >>> population_heading("Donors:"), population_heading("Recipient Inclusion Criteria:")
    ('DONOR', 'PATIENT')
    >>> population_heading("Patients may belong to any of the following categories:") is None
    True
    """
    text = fold(line)
    if not text.endswith(":") or len(text.split()) > 5:
        return None
    words = fold(_HEADING_NOISE.sub(" ", text.rstrip(":")))
    return _population(words)


def _population_named(heading: str) -> str | None:
    """The one population a criteria heading names among its words ("Patient inclusion criteria for
    induction phase", "Recipient Inclusion Criteria"), or None when it names none or both.
    """
    found = {_population(word) for word in re.findall(r"[A-Za-z]+", heading)} - {None}
    return found.pop() if len(found) == 1 else None


#: A sub-heading written without a colon: a few capitalised words ("General", "Primary Study").
_TITLE_WORDS = re.compile(r"(?:[A-Z][A-Za-z'/-]*)(?:\s+(?:[A-Z][A-Za-z'/-]*|of|and|for|the|in|with|or)){0,3}")


def _is_heading(line: str, listed: bool = False) -> bool:
    """A short unbulleted line ending in a colon ("Donors:", "General:", "For AML subjects:") or any such line
    in a bulleted list ("Eligibility criteria include the following:"), a line naming
    a kind of criteria ("Patient inclusion criteria for induction phase"), or, in a list whose items carry
    bullets or numbers (``listed``), a few capitalised words without a colon ("General", "Primary Study"),
    introduces the items after it; it is not a criterion.
    """
    text = fold(line)
    if text.endswith(":") and (len(text.split()) <= 3 or listed) or population_heading(text) is not None:
        return True  # in a bulleted list, an unbulleted line ending in a colon introduces the items after it
    if _KIND_HEADING.search(text) and len(text.split()) <= 8 and not re.search(r"[.;]$|\d", text):
        return True
    return listed and bool(_TITLE_WORDS.fullmatch(text))


#: Wording that makes a criterion an exclusion whatever list it stands in.
_EXCLUDES = re.compile(
    r"\b(?:not\s+(?:be\s+)?|in)eligible\b|\b(?:is|are|will\s+be|be)\s+excluded\b|\b(?:must|should)\s+not\s+(?:be|have|receive|take|use|meet)\b|"
    r"\bpregnan(?:t|cy)\b[^.;]{0,30}\b(?:breast[- ]?feeding|lactating|lactation|nursing)\b|"
    r"\b(?:who|that)\s+(?:are|is)\s+not\b|^no\s+plans?\b|"
    r"\b(?:breast[- ]?feeding|lactating|nursing)\b[^.;]{0,30}\bpregnan(?:t|cy)\b|"
    r"^(?:no|none\s+of|without)\s+(?:prior|previous|history|known|active|evidence|concurrent|current|other|"
    r"significant|uncontrolled|severe|serious)\b|^(?:a\s+)?(?:known\s+|prior\s+|previous\s+)?history\s+of\b",
    re.IGNORECASE)
#: Wording that makes a criterion an inclusion: what a participant must be or have.
_INCLUDES = re.compile(r"\b(?:must|should)\s+(?:be|have|meet|fulfil|fulfill|satisfy|sign)\b|(?<!not\s)\bare\s+eligible\b",
                       re.IGNORECASE)


def kind_from_wording(text: str) -> str | None:
    """The kind a criterion's own wording states, for a list whose headings do not: None when it does not say.

    >>> kind_from_wording("Patients with CNS involvement are not eligible.")
    'EXCLUSION'
    >>> kind_from_wording("Pregnant or breastfeeding women"), kind_from_wording("No prior allogeneic transplant")
    ('EXCLUSION', 'EXCLUSION')
    >>> kind_from_wording("Patients must have adequate organ function"), kind_from_wording("Age 18 to 70 years")
    ('INCLUSION', None)
    """
    stated = _stated(text)
    return stated if stated != "BOTH" else None


def _stated(text: str) -> str | None:
    """INCLUSION or EXCLUSION as the wording states it, BOTH for a paragraph saying both ("should be 17 … should
    not have …"), None where it says neither.
    """
    text = fold(text)
    excludes, includes = bool(_EXCLUDES.search(text)), bool(_INCLUDES.search(text))
    if excludes == includes:
        return "BOTH" if excludes else None
    return "EXCLUSION" if excludes else "INCLUSION"


#: Wording that leans to a kind without stating it: what inclusion criteria ask for (a diagnosis, an age in years,
#: consent, a life expectancy, a performance status, adequate function) and what exclusion criteria name (an organ
#: failure, an infection, another cancer, an uncontrolled or severe illness). It places the boundary of a list
#: known to run inclusion then exclusion; it gives no item its kind.
_LEANS_IN = re.compile(r"\b(?:diagnos(?:ed|is)|confirm(?:ed|ation)|histolog\w*|years?\s+(?:old|of\s+age)|aged?\s+\d|consent|"
                       r"life\s+expectancy|expected\s+survival|performance\s+(?:status|score)|ecog|karnofsky|adequate|"
                       r"measurable)\b", re.IGNORECASE)
_LEANS_OUT = re.compile(r"\b(?:failure|infections?|uncontroll(?:ed|able)|severe|significant\s+\w+\s+disease|"
                        r"other\s+(?:types?\s+of\s+)?malignan\w*|other\s+malignant|hypertension|arrhythmias?|"
                        r"unconscious\w*|sepsis|hiv|hepatitis|allerg(?:y|ic)|hypersensitivity|plan\s+to\s+receive|"
                        r"brain\s+metastas[ie]s)\b", re.IGNORECASE)


def kinds_in_order(texts: list[str]) -> list[str | None]:
    """The kinds of a list that runs inclusion criteria, then exclusion criteria, without showing where one
    ends (a layout that dropped the two headings): the boundary is where the items' leanings agree best
    with "inclusion before, exclusion after" (the earliest such place), and an item whose own wording states
    its kind keeps that kind (one saying both, none). Without any leaning, each item's own wording alone.

    >>> kinds_in_order(["Patients diagnosed with acute myeloid leukemia;", "MRD after 2 course of standard chemotherapy;",
    ...                 "Patients have self-knowledge ability and can sign informed and voluntary consent forms;",
    ...                 "Respiratory failure;", "T lymphocytic acute leukemia;", "Pregnant or breastfeeding women"])
    ['INCLUSION', 'INCLUSION', 'INCLUSION', 'EXCLUSION', 'EXCLUSION', 'EXCLUSION']
    """
    stated = [_stated(text) for text in texts]
    # Only items without a stated kind place the boundary: "No prior …" stands in inclusion lists too.
    leanings = [None if kind else _leaning(text) for kind, text in zip(stated, texts)]
    if not any(leanings):
        return [kind_from_wording(text) for text in texts]

    def agreement(boundary: int) -> int:
        return sum((1 if lean == ("INCLUSION" if index < boundary else "EXCLUSION") else -1)
                   for index, lean in enumerate(leanings) if lean)

    boundary = max(range(len(texts) + 1), key=lambda b: (agreement(b), -b))
    # A paragraph whose wording says both kinds stays without one: where it stands says nothing more.
    return [None if kind == "BOTH" else kind or ("INCLUSION" if index < boundary else "EXCLUSION")
            for index, kind in enumerate(stated)]


def _leaning(text: str) -> str | None:
    text = fold(text)
    leans_in, leans_out = bool(_LEANS_IN.search(text)), bool(_LEANS_OUT.search(text))
    return None if leans_in == leans_out else "INCLUSION" if leans_in else "EXCLUSION"


def _unmarked(line: str) -> str:
    """A line without its bullet, list number or roman numeral ("ii) Adequate renal function")."""
    return _ROMAN_BULLET.sub("", strip_bullet(line), count=1)


#: The letter a sub-list's line opens with ("a. Postmenopausal", "b) Surgically sterile").
_LETTER_MARK = re.compile(r"^\s*\(?[a-h][.)]\s")
#: The list number a line opens with ("  6. Hematology tests …", "(2) …").
_LIST_NUMBER = re.compile(r"^\s*\(?(\d{1,2})[.)]\s")
#: A number and a capitalised word, no mark between ("6 Access to a smartphone."): an item only as its list's next number.
_UNMARKED_NUMBER = re.compile(r"^\s*(\d{1,2})\s+(?=[A-Z][a-z])")
_ROMAN_BULLET = re.compile(r"^\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)]\s+")


def criteria_from_lines(lines: Iterable[str], kind: str | None, population: str | None = None) -> list[Criterion]:
    """The criteria of one list (inclusion or exclusion), one per bullet or list number.

    A sub-heading such as "Donors:" switches the population of the items after it. With no ``kind``
    (a list whose headings do not say), each criterion's kind is what its own wording states, or None.
    """
    criteria: list[Criterion] = []
    # only a line with a "*" or "•" can be a flattened list: the others are not searched (a third of reading a study's criteria)
    lines = [piece for raw in lines for piece in (_FLAT_BULLET.split(raw) if _INNER_BULLET.search(raw) else (raw,))]
    lines = [piece for raw in lines for piece in _flat_dashes(raw)]
    unmarked = [_unmarked(raw) for raw in lines]
    bulleted = any(bare != raw.strip() for bare, raw in zip(unmarked, lines))
    number: int | None = None  # the list number of the last item
    lettered: Criterion | None = None  # the item whose lettered sub-list ("a. …", "b) …") the last line went on
    opened_at: int | None = None  # how far the last item's bulleted or numbered line was indented
    nested: tuple[Criterion, int] | None = None  # the item an indented numbered sub-list went on, and its next number
    for raw, bare in zip(lines, unmarked):
        if not raw.strip() or is_placeholder(raw):
            continue
        marker = _LIST_NUMBER.match(raw)
        indent = len(raw) - len(raw.lstrip())
        if marker and criteria and opened_at is not None and indent > opened_at and (
                (nested is not None and nested[0] is criteria[-1] and int(marker.group(1)) == nested[1])
                or (int(marker.group(1)) == 1 and criteria[-1].text.endswith(":"))):
            # "  3. Relapsed or refractory CD19+ B-ALL (meeting one of the following conditions):" then "    1. CR not
            # achieved after standardized chemotherapy;" "    2. …" (ctv.veeva.com NCT04227015): numbered items
            # indented under an item ending in a colon are its sub-list, joined onto it ("parent: first; second"), and
            # the list goes on at the parent's next number
            parent = criteria[-1]
            parent.text = f"{parent.text}{' ' if parent.text.endswith(':') else '; '}{_tidy(bare)}"
            nested = (parent, int(marker.group(1)) + 1)
            continue
        nested = None
        if marker and int(marker.group(1)) == 1 and number and number > 1 and criteria and criteria[-1].text.endswith(":"):
            # "6. Hematology tests also meet the following requirements:" then "1. WBC …; 2) …; (7) Length …": a
            # sub-list of item 6, after which the list goes on at 7.
            first, *more = split_numbered(f"{criteria[-1].text} {raw.strip()}", following=number + 1)
            criteria[-1].text = first
            criteria += [Criterion(kind=kind or kind_from_wording(text), text=text, population=population) for text in more]
            number += len(more)
            continue
        unmarked_next = None if marker or number is None else _UNMARKED_NUMBER.match(raw)
        if unmarked_next and int(unmarked_next.group(1)) == number + 1:
            # the list's next number with its full stop lost, before a capital: "5. Patients must give informed consent
            # to participate in the study." / "6 Access to a smartphone." (trial.medpath.com EUCTR2015-003049-24-SE)
            number += 1
            text = _tidy(raw[unmarked_next.end():])
            criteria.append(Criterion(kind=kind or kind_from_wording(text), text=text, population=population))
            continue
        number = int(marker.group(1)) if marker else number
        if _LETTER_MARK.match(raw) and criteria and (criteria[-1].text.endswith(":") or criteria[-1] is lettered):
            # "9. Female subjects who are:" then "a. Postmeno": a lettered sub-list of the item above, joined onto it
            # as the nested items of other lists are ("parent: first; second").
            lettered = criteria[-1]
            lettered.text = f"{lettered.text}{' ' if lettered.text.endswith(':') else '; '}{_tidy(bare)}"
            continue
        lettered = None
        if bare == raw.strip():
            if _is_heading(raw, bulleted):
                # a heading names a population ("Patient inclusion criteria for induction phase"); a lead-in sentence
                # ("Subjects will be considered eligible ... if they meet all the following inclusion criteria:")
                # names none
                named = (_population_named(raw) if _KIND_HEADING.search(raw) and len(fold(raw).split()) <= 8
                         else None)
                population = population_heading(raw) or named or population
                continue
            if bulleted and criteria and criteria[-1].population == population and _goes_on(criteria[-1].text, raw):
                # A hard-wrapped bullet: the line goes on with the item above it.
                criteria[-1].text = fold(f"{criteria[-1].text} {raw}")
                continue
        elif bare and _population(bare.rstrip(":")):
            population = _population(bare.rstrip(":"))  # "- Patients", "- Donors" group a list
            continue
        opened_at = indent if bare != raw.strip() else None
        # (split with its own number, when it has one: the number's mark tells the list's from a sub-list's inside
        # the item, "1. Hemoglobin … 1) … 2) … 2. Patients who …")
        pieces = split_numbered(raw.strip()) if marker and bare != raw.strip() else []
        pieces = pieces if len(pieces) > 1 else [_tidy(bare)] if pieces else split_numbered(bare)
        for text in filter(None, pieces):
            if _is_pointer(text):
                continue
            criteria.append(Criterion(kind=kind or kind_from_wording(text), text=text, population=population))
    # (a lead-in is known only once its hard-wrapped lines are joined onto it)
    return [criterion for criterion in criteria if not _LEAD_IN.search(criterion.text)]


#: A sentence that leads in to the list rather than being an item of it, ending with no item after a colon: "Among
#: patients with bilateral limbal stem-cell deficiency, those who meet all the criteria listed below when they give
#: their informed consent to participate in this research will be included." (apps.who.int NCT02415218). An item
#: that names criteria elsewhere ("Meets the criteria of the protocol", "criteria below 2 g/dL") is an item.
_LEAD_IN = re.compile(r"\bcriteria\s+(?:listed|given|stated|set\s+out)\s+below\b[^:]*$", re.IGNORECASE)


def _is_pointer(text: str) -> bool:
    """An item that sends the reader elsewhere ("For more information, see …"; cut off: "For more informa") is no
    criterion (cancer.gov's PDQ summaries end their eligibility list with one).

    >>> _is_pointer("For more informa"), _is_pointer("For more information, see the protocol"), _is_pointer("Age 18")
    (True, True, False)
    """
    lowered = fold(text).lower()
    return lowered.startswith("for more information") or len(lowered) >= 10 and "for more information".startswith(lowered)


def _goes_on(item: str, line: str) -> bool:
    """Whether an unbulleted line under a bulleted item goes on with it: it does unless the item has ended
    its sentence and the line starts a new one (a paragraph of its own, not 1,000 characters of one item).
    """
    return not (re.search(r"[.!?]$", item) and fold(line)[:1].isupper())


#: A list flattened onto one line: "* first item * second item".
_FLAT_BULLET = re.compile(r"(?<=\S)\s+(?=[*•]\s)")
#: What each cut of _FLAT_BULLET holds: a bullet between spaces (a line's own bullet, at its start, is not one).
_INNER_BULLET = re.compile(r"[*•](?<=\s.)\s")


#: A list of "- " items flattened onto one line, each item opening with a capital: "- Intermediate or high grade sarcoma
#: as determined by pathology review - Histopathologically confirmed diagnosis … - Age≥18 years at time of consent"
#: (smartpatients.com NCT01898663, after "Inclusion Criteria:").
_FLAT_DASH = re.compile(r"(?<=\S)\s+(?=-\s+[A-Z])")


def _flat_dashes(line: str) -> list[str]:
    """A "- " item holding two more " - " items that open with a capital, cut into its items; any other line whole (a
    range, "- Age 18 - 65 years"; one dash inside an item, "- Hepatitis B - Positive serology").

    >>> _flat_dashes("- Sarcoma by pathology review - Age≥18 years at consent - KPS ≥70")
    ['- Sarcoma by pathology review', '- Age≥18 years at consent', '- KPS ≥70']
    >>> _flat_dashes("- Age 18 - 65 years"), _flat_dashes("- Hepatitis B - Positive serology")
    (['- Age 18 - 65 years'], ['- Hepatitis B - Positive serology'])
    """
    if " - " not in line or not line.lstrip().startswith("- "):
        return [line]
    pieces = _FLAT_DASH.split(line)
    return pieces if len(pieces) >= 3 else [line]


#: ("Inclusion Criteria and Exclusion Criteria:" is one heading of both kinds, not two).
#: (and its misspelling "Criterias": "Inclusion Criterias: 1. ALF: … Exclusion criteria: 1. …", 123dok.com's text of an
#: IRCT protocol, IRCT20190717044241N1)
_INLINE_KIND = re.compile(r"(?<=\S)(?<!\band)(?<!&)(?<!/)\s+(?=(?:inclusion|exclusion)\s+criterias?\s*:)|(?<=criteria:)\s+(?=\S)"
                          r"|(?<=criterias:)\s+(?=\S)",
                          re.IGNORECASE)
_KIND_HEADING = re.compile(r"\b(inclusion|exclusion)\s+criteri(?:as|a|on)\b", re.IGNORECASE)
#: A summary's run of exclusions after the inclusions, opened by "Exclude:" after a full stop ("... Negative pregnancy test,
#: contraception. Exclude: recent severe lupus crises, CNS/cardiac disease, ...", cytotargetdb.ca NCT06310811): cut
#: before and after the word, which heads the exclusions (:data:`_EXCLUDE_HEADING`).
_INLINE_EXCLUDE = re.compile(r"(?<=[.;])\s+(?=Exclude:\s)|(?<=^Exclude:)\s+|(?<=[.;]\sExclude:)\s+")
_EXCLUDE_HEADING = re.compile(r"Exclude:")
#: What each match of _INLINE_KIND holds: a line without it is not searched with that (slow) pattern's look-behinds.
_CRITERIA = re.compile("criteria", re.IGNORECASE)


def criteria_from_mixed_lines(lines: Iterable[str]) -> list[Criterion]:
    """One list holding both kinds, opened by headings such as "Patient Inclusion Criteria"; items under one
    naming both kinds are of the kind their own wording states (or none). Items before any such heading are
    inclusion criteria when the list sets its exclusion criteria apart under a heading of their own and has
    no inclusion heading ("Eligibility criteria: … Exclusion criteria: …"), else of the kind their wording states.
    """
    criteria: list[Criterion] = []
    population: str | None = None
    block: list[str] = []
    # A flattened page runs "Inclusion Criteria: … Exclusion Criteria: …" on one line.
    lines = _joined_prefixes([piece for line in lines
                              for piece in (_INLINE_KIND.split(line) if _CRITERIA.search(line) else (line,)) if piece.strip()])
    lines = [piece for line in lines for piece in (_INLINE_EXCLUDE.split(line) if "xclude:" in line else (line,))]
    kinds_of = [*map(_heading_kinds, lines), {"INCLUSION"}]  # each line's, and the closing heading's
    headings = [kinds for kinds in kinds_of[:-1] if kinds]
    kind = "INCLUSION" if {"EXCLUSION"} in headings and {"INCLUSION"} not in headings else None
    for line, kinds in zip([*lines, "Inclusion criteria"], kinds_of):
        if kinds:
            criteria += criteria_from_lines(block, kind, population)
            # "Inclusion Criteria and Exclusion Criteria:" heads both kinds: the items' own wording tells them apart.
            kind = kinds.pop() if len(kinds) == 1 else None
            population, block = _population_named(_KIND_HEADING.sub("", line)), []
        else:
            block.append(line)
    return criteria


#: A heading that says its items are what a patient must meet: "Eligibility criteria include the following:" (PDQ),
#: "(must meet the following to participate in this study)".
_REQUIREMENTS_HEADING = re.compile(r"^\W*(?:(?:the\s+)?eligibility\s+)?criteria\s+include\s+the\s+following\s*:?\s*$"
                                   r"|\bmust\s+meet\s+(?:all\s+(?:of\s+)?)?the\s+following\b", re.IGNORECASE)


def _heading_kinds(line: str) -> set[str]:
    """The kinds a heading line names ("Key Inclusion Criteria:" -> INCLUSION), none for any other line.

    >>> _heading_kinds("Eligibility criteria include the following:")
    {'INCLUSION'}
    >>> sorted(_heading_kinds("Inclusion Criteria and Exclusion Criteria:"))
    ['EXCLUSION', 'INCLUSION']
    """
    if strip_bullet(line) != line.strip():
        return set()
    if _EXCLUDE_HEADING.fullmatch(line.strip()):
        return {"EXCLUSION"}
    if len(line.split()) <= 8 and _KIND_HEADING.search(line):
        return {found.upper() for found in _KIND_HEADING.findall(line)}
    return {"INCLUSION"} if len(line.split()) <= 12 and _REQUIREMENTS_HEADING.search(line) else set()


def _joined_prefixes(pieces: list[str]) -> list[str]:
    """Pieces cut from a flattened line, with a word or two that began a heading put back before it ("Key" +
    "Inclusion Criteria:" is "Key Inclusion Criteria:").
    """
    joined: list[str] = []
    for piece in pieces:
        if joined and len(joined[-1].split()) <= 2 and not re.search(r"[.;:)\]]\s*$", joined[-1]) \
                and _KIND_HEADING.match(piece.strip()):
            joined[-1] = f"{joined[-1].rstrip()} {piece.strip()}"
        else:
            joined.append(piece)
    return joined
