"""Values a page states without a label, in forms definite enough to read.

A badge line made only of a status, phases and a study type ("RECRUITINGPhase
2INTERVENTIONAL", "Completed · Phase 1/2"); a title written just before the trial's
register number ("Title (NCT…) is a …", a browser title "Title… (NCT…) | Site"); a
page whose first line is a title rather than its site's banner. Anything less definite
stays unread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import islice, takewhile

from kg.model.records import Identifier
from kg.model.text import fold
from kg.model.vocab import lookup, scheme
from kg.read.parse.fields import parse_date, parse_phases

__all__ = ["badge", "title_before_identifier", "first_line_title", "stated_phase", "stated_status", "stated_study",
           "sponsor_line", "archived_status", "referred_own_number", "phase_of_this_study", "record_number_line", "numbers_line",
           "number_under_officer",
           "FIELD_LINE", "title_after_number", "title_after_labelled_number",
           "stated_study_type", "stated_enrollment", "phase_under_header", "stated_design", "stated_masking",
           "stated_eligible_people", "stated_site", "summary_paragraph",
           "stated_start", "title_before_contents", "title_above_summary", "pdq_outline", "phase_line",
           "title_named_by_number", "given_paragraphs",
           "background_summary", "protocol_heading", "protocol_heading_line",
           "title_cut_short", "named_trial_heading", "registration_statement", "registry_design_line",
           "summary_within_paragraph",
           "treatment_called", "official_title_line", "pdq_summary", "pdq_objectives", "typed_intervention_list",
           "icon_tags", "without_icon_names", "group_number_line", "title_opened_by", "listed_group_numbers",
           "group_serial_heading", "title_under_group_serial", "title_above_number_label", "title_under_acronym",
           "group_number_lines", "title_under_number", "group_news_number", "title_quoted_before_number",
           "NumberSentence", "number_sentence", "title_over_number_sentence"]

_PHASE_WORDS = r"(?:early\s*)?phase\s*(?:[0-4]|iv|iii|ii|i)[ab]?(?:\s*/\s*(?:phase\s*)?(?:[0-4]|iv|iii|ii|i)[ab]?)*"
#: Words a site's banner uses, never a trial's title.
_BANNER = re.compile(r"\b(?:register|registry|skip|navigation|website|logo|menu|home|help|search|cookies?|version|"
                     r"site|module|login|sign in|user\s?name|password|gebruikersnaam|wachtwoord|benutzername|passwort)\b",
                     re.IGNORECASE)


def _wordings(name: str) -> str:
    keys = sorted(scheme(name).wordings, key=len, reverse=True)
    return "|".join(r"\W*".join(map(re.escape, key.split())) for key in keys)


@cache
def _badge() -> re.Pattern[str]:
    token = rf"(?P<status>{_wordings('status')})|(?P<phase>{_PHASE_WORDS})|(?P<type>{_wordings('study-type')})"
    return re.compile(rf"\s*(?:{token})\s*[·|,•]?", re.IGNORECASE)


def badge(line: str) -> tuple[str | None, list[str], str | None]:
    """Status, phases and study type of a line made of nothing else (at least two of them).

    >>> badge("RECRUITINGPhase 2INTERVENTIONAL")
    ('RECRUITING', ['PHASE2'], 'INTERVENTIONAL')
    >>> badge("CompletedPhase 1/2")
    ('COMPLETED', ['PHASE1', 'PHASE2'], None)
    >>> badge("Completed the study")
    (None, [], None)
    """
    status, phases, study_type, position, tokens = None, [], None, 0, 0
    folded = fold(line)
    while position < len(folded):
        match = _badge().match(folded, position)
        if not match or match.end() == position:
            return None, [], None
        status = status or (lookup("status", match.group("status")) if match.group("status") else None)
        phases = phases or parse_phases(match.group("phase"))
        study_type = study_type or (lookup("study-type", match.group("type")) if match.group("type") else None)
        position, tokens = match.end(), tokens + 1
    return (status, phases, study_type) if tokens >= 2 and (status or phases) else (None, [], None)


def title_before_identifier(text: str, identifiers: list[Identifier]) -> str | None:
    """A title written as "Title (NCT…)" at the start of a line; a title cut short with "…" is completed from a
    line of the page that it begins.
    """
    def written_before(match: re.Match[str]) -> str:
        return _line_before(text, match.start()) or ""

    def titles(match: re.Match[str]) -> bool:
        # not sentences that name their trial's number on the way: "Reiss Binder stressed the lack of clinical implications
        # provided by early research in the use of CAR-M. However, she pointed to promising initial safety and
        # efficacy results from the first-in-human, multicenter, phase 1 study of adenovirally transduced anti-HER2 CAR
        # macrophages (NCT04660929) to suggest that CAR-M may someday have a role" (an OncLive interview)
        before = written_before(match)
        return len(before) >= 12 and not _SENTENCE_BREAK.search(before)

    for value, match in _first_mentions(r"\(\s*{number}\s*\)", text, identifiers, titles):
        title = fold(written_before(match))
        if title.endswith(("…", "...")):
            stem = title.rstrip(".…").strip()
            whole = [fold(line) for line in text.split("\n") if fold(line).startswith(stem) and len(fold(line)) > len(stem)
                     and value not in line]
            return whole[0] if whole else None
        return title
    return None




def _first_mentions(pattern: str, text: str, identifiers: list[Identifier],
                    accept: Callable[[re.Match[str]], bool] = bool) -> list[tuple[str, re.Match[str]]]:
    """The first accepted match of ``pattern`` (its group ``{number}`` standing for a register number) for each
    identifier, in the identifiers' order. One pass over the text and a set lookup per candidate, however many
    numbers a page repeats: a search per number made long pages quadratic.
    """
    values = list(dict.fromkeys(identifier.value for identifier in identifiers))
    wanted, first = set(values), {}
    for match in re.finditer(pattern.replace("{number}", r"(?P<id>[^()\n]{1,80}?)"), text):
        if match.group("id") in wanted and match.group("id") not in first and accept(match):
            first[match.group("id")] = match
    return [(value, first[value]) for value in values if value in first]


def _line_before(text: str, position: int, longest: int = 400) -> str | None:
    """The text on the line before ``position`` (whitespace and line breaks just before it skipped), or None
    when that is longer than ``longest``; looks back no further than that, so that many matches on one long
    line cost no more than the line.
    """
    end = position
    while end and text[end - 1].isspace():
        end -= 1
    start = text.rfind("\n", max(0, end - longest - 1), end) + 1
    if start == 0 and end > longest:
        return None
    return text[start:end]


#: A heading naming the kind of page a site's trial finder shows, above the trial's title: "Find A Clinical Trial"
#: (georgiacancerinfo.org), "Ensayo clínico" (app.hemotrial.es), "Clinical Trial Details".
_PAGE_KIND = re.compile(r"^(?:find\s+an?\s+)?(?:clinical\s+(?:trial|study)|ensayo\s+cl[ií]nico|essai\s+clinique|"
                        r"klinische\s+studie)(?:\s+details)?$", re.IGNORECASE)


def first_line_title(text: str) -> str | None:
    r"""The page's first line, when it reads as a title: five to forty words, no sentence end,
    no register number, none of a banner's words. Lines of the site's banner above it ("Skip to
    main content", "An official website of the United States government", "Overview") are passed over,
    and so is a line over a heading naming the kind of page, which is the site's name or tagline: the
    title is the line under that heading ("Georgia's Online Cancer Information Center" / "Find A Clinical
    Trial" / "A Phase I Study of Mesenchymal Stromal Cells for …", georgiacancerinfo.org).

    >>> first_line_title("Hemotrial Un proyecto de SEHH\n\nEnsayo clínico\n\nAdministración intratecal de células "
    ...                  "mesenquimales troncales adultas autólogas")
    'Administración intratecal de células mesenquimales troncales adultas autólogas'
    >>> first_line_title("Georgia's Online Cancer Information Center\n\nFind A Clinical Trial\n\nStatus\nActive")
    """
    lines = [fold(line) for line in islice((line for line in text.split("\n") if line.strip()), 6)]
    for at, line in enumerate(lines[:4]):
        if at + 1 < len(lines) and _PAGE_KIND.match(lines[at + 1]):
            return lines[at + 2] if at + 2 < len(lines) and _reads_as_title(lines[at + 2]) else None
        if _reads_as_title(line):
            return line
        if not _is_banner(line):
            return None
    return None


#: Bracketed notes a register's reprint puts after a title: "[essai clos aux inclusions]", "[Informations issues du site
#: clinicaltrials.gov et traduites par l'INCa]".
_TRAILING_NOTES = re.compile(r"(?:\s*\[[^\[\]\n]*\])+\s*$")


def title_cut_short(text: str, within: int = 8) -> str | None:
    r"""The page's title, where its first line is the title cut short with an ellipsis and one of the next lines gives it
    whole ("ICAR : Essai de phase 1 évaluant … chez des patients ayant un carcinome hépatocellulai..." over "ICAR : Essai
    de phase 1 évaluant … chez des patients ayant un carcinome hépatocellulaire. [essai clos aux inclusions]",
    kusajili.com): the whole line, without the bracketed notes after it.

    >>> title_cut_short("ICAR : Essai de phase 1 évaluant la tolérance d'une immunothérapie...\n\nRéférence : RECF0244\n"
    ...                 "ICAR : Essai de phase 1 évaluant la tolérance d'une immunothérapie par injection. [essai clos]")
    "ICAR : Essai de phase 1 évaluant la tolérance d'une immunothérapie par injection."
    >>> title_cut_short("A Study of NK Cells in Leukemia\nA Study of NK Cells in Leukemia") is None
    True
    """
    lines = _first_lines(text, within)
    if not lines:
        return None
    stem = re.sub(r"\s*(?:\.{3}|…)$", "", lines[0])
    if stem == lines[0] or len(stem.split()) < 5:
        return None
    whole = next((line for line in lines[1:] if line.startswith(stem) and len(line) > len(stem)), None)
    return _TRAILING_NOTES.sub("", whole) if whole else None


#: A heading naming the trial: its name, then "Trial" or "Study" ("DESTINY-Breast04 Trial"); a name with a digit, a
#: hyphen or a capital inside it, not a word ("Clinical Trial", "Featured Study").
_NAMED_HEADING = re.compile(r"^(?P<name>[A-Z][\w-]*(?:\s[A-Z0-9][\w-]*){0,2})\s+(?:Trial|Study)$")


def named_trial_heading(text: str, within: int = 6) -> str | None:
    r"""A heading among the page's first ``within`` lines that names its trial ("DESTINY-Breast04 Trial" over
    "Phase: Phase III" and "ClinicalTrials.gov ID number: NCT03734029", breastcancer.org), the name written again in
    the text ("The DESTINY-Breast04 trial is a phase III trial …"): the trial's title where the page gives no other.

    >>> named_trial_heading("Join Us\n\nDESTINY-Breast04 Trial\n\nThe DESTINY-Breast04 trial is a phase III trial.")
    'DESTINY-Breast04 Trial'
    >>> named_trial_heading("Clinical Trial\n\nThe clinical trial is open.") is None
    True
    """
    for line in _first_lines(text, within):
        match = _NAMED_HEADING.match(line)
        name = match.group("name") if match else ""
        if match and re.search(r"\d|-|[a-z][A-Z]|^[A-Z0-9]{3,}$", name) and text.count(name) >= 2:
            return line
    return None


#: A heading that is the study's acronym alone: one word of capitals, perhaps with digits or a hyphen ("TRAUMACELL").
_ACRONYM_HEADING = re.compile(r"^[A-Z][A-Z0-9-]{3,19}$")
#: The text calling that word its study: "L'étude TRAUMACELL", "the TRAUMACELL study", "TRAUMACELL trial".
_STUDY_CALLED = re.compile(r"\b(?i:the|l['’])\s*(?i:étude|study|trial|essai|estudio|studie)\s+(?P<after>[A-Z][A-Z0-9-]{3,19})\b"
                           r"|\b(?P<before>[A-Z][A-Z0-9-]{3,19})\s+(?i:study|trial)\b")


def title_under_acronym(text: str, within: int = 4) -> str | None:
    r"""The line under a heading that is the study's acronym, among the page's first ``within`` lines, when the text
    calls the acronym its study and the line reads as a descriptive title of eight words or more: "Centre MEARY" /
    "TRAUMACELL" / "Effets de l'administration intravasculaire de cellules stromales mésenchymateuses …" and, further on,
    "L'étude TRAUMACELL fait l'objet d'un essai clinique de phase II" (prod-meary.adimeo.tech, generic-holdout2).

    >>> title_under_acronym("TRAUMACELL\nEffets de l'administration de cellules stromales dans la lésion cérébrale.\n"
    ...                     "L'étude TRAUMACELL fait l'objet d'un essai clinique de phase II.")
    "Effets de l'administration de cellules stromales dans la lésion cérébrale."
    >>> title_under_acronym("COVID-19\nVaccines and treatments for the coronavirus disease in adults and children.")
    """
    lines = _first_lines(text, within + 1)
    headed = [(line, lines[at + 1]) for at, line in enumerate(lines[:within]) if _ACRONYM_HEADING.match(line)
              and at + 1 < len(lines) and len(lines[at + 1].split()) >= 8 and lines[at + 1][0].isupper()]
    if not headed:
        return None
    called = {match.group("after") or match.group("before") for match in _STUDY_CALLED.finditer(text)}
    return next((below for line, below in headed if line in called), None)


def title_before_contents(text: str) -> str | None:
    """The line right above the page's table of contents, when it reads as a title: the contents are three or
    more short lines in a row that head sections further down ("Alternate Title", "Basic Trial Information",
    "Trial Description", "Purpose" … on the NCI's PDQ pages, each printed again as a heading, "Purpose:").
    """
    lines = [fold(line) for line in text.split("\n") if line.strip()]
    # Where each heading is printed last: an entry heads a section further down when it is printed again after
    # itself (a set of the later lines for each entry made this quadratic: minutes for a page of repeated lines).
    last = {line.rstrip(":").lower(): at for at, line in enumerate(lines)}
    for index, line in enumerate(lines[:-3]):
        if not _reads_as_title(line):
            continue
        run = 0
        for at in range(index + 1, len(lines)):
            entry = lines[at]
            if len(entry.split()) > 4 or last[entry.rstrip(":").lower()] <= at:
                break
            run += 1
        if run >= 3:
            return line
    return None


def _reads_as_title(line: str, longest: int = 40) -> bool:
    words = line.split()
    if not 5 <= len(words) <= longest or line.endswith((".", "!", "?", ":")) or not line[0].isupper():
        return False
    return not (re.search(r"[|·©]|\b[A-Za-z]+\d{6,}", line) or _BANNER.search(line) or _SITE_LINE.search(line))


#: Lines a site prints above a page's title: its name, a government banner, a tab name.
_SITE_LINE = re.compile(r"\bofficial website\b|\bskip to\b|^(?:overview|home|menu|print|share|back)$", re.IGNORECASE)


def _is_banner(line: str) -> bool:
    """A line of the site's banner rather than the page: banner words, or at most three words (a site or tab name)."""
    return bool(_BANNER.search(line) or _SITE_LINE.search(line)) or (len(line.split()) <= 3 and ":" not in line)


#: "Sponsored by X" on a line of its own ("Research Sponsored by M.D. Anderson Cancer Center").
_SPONSOR_LINE = re.compile(r"^\s*(?:research\s+|study\s+|trial\s+)?sponsored\s+by\s*:?\s+(?P<name>[A-Z0-9][^\n]{2,150}?)\s*$",
                           re.IGNORECASE | re.MULTILINE)


def sponsor_line(text: str) -> str | None:
    r"""The organisation of a line "Sponsored by X".

    >>> sponsor_line("Led By Chitra Hosing\nResearch Sponsored by M.D. Anderson Cancer Center\nEligibility")
    'M.D. Anderson Cancer Center'
    """
    match = _SPONSOR_LINE.search(text)
    return fold(match.group("name")).rstrip(".") if match else None


def stated_study(text: str, identifiers: list[Identifier]) -> tuple[list[str], str | None]:
    """The conditions and sponsor a sentence states of the trial by its number: "… (NCT02727803) is a Phase 2
    interventional studying A and B, sponsored by M.D. Anderson Cancer Center. RECRUITING as of …".
    """
    pattern = (r"\(\s*{number}\s*\)(?i:\s+is\s+an?\s+[^\n]{0,60}?\b(?:interventional|observational)\s+(?:study\s+|trial\s+)?"
               r"studying\s+)(?P<conditions>[^\n]+?)(?i:,\s+sponsored\s+by\s+)(?P<sponsor>[^\n]+)")
    for _, match in _first_mentions(pattern, text, identifiers):
        conditions = [fold(part) for part in match.group("conditions").rsplit(" and ", 1) if part.strip()]
        return conditions, _up_to_sentence_end(match.group("sponsor"))
    return [], None


#: An article's sentence whose subject is the trial's number, saying what study it is: "NCT01691625 (study ID: JR-01) was a
#: single-centre interventional study sponsored by Capital Medical University, conducted at …" / "NCT01691625 was a
#: prospective interventional study conducted at Capital Medical University Cancer Center, Beijing, evaluating …"
#: (cancerfax.com NCT01691625). The number opens a line or follows a sentence's end; the sponsor's own id in brackets
#: after it, labelled "study ID"; at most four words before "study" or "trial".
_NUMBER_SUBJECT = re.compile(r"(?:^|(?<=[.!?]\s))(?P<id>[A-Z]{2,8}\d{6,14}|[A-Z]{2,8}-\d{4}-\d{6}(?:-\d{2})?)"
                             r"(?:\s+\((?i:study\s+id):\s*(?P<own>[A-Z0-9][A-Za-z0-9/._-]{1,30})\))?"
                             r"\s+(?:is|was)\s+an?\s+(?:[\w-]+,?\s+){0,4}?(?:study|trial)\b\s*(?P<rest>[^\n]{0,300})",
                             re.MULTILINE)
#: What such a sentence goes on to say: "sponsored by Capital Medical University," (the sponsor, up to a comma or the
#: sentence's end), "conducted at Capital Medical University Cancer Center, Beijing, evaluating …" (the site: capitalised
#: words, then a city of one capitalised word between commas). A site named otherwise ("conducted at several centres",
#: "conducted at X (CMUCC), Beijing Shijitan Hospital") is not read.
_SPONSORED_BY = re.compile(r"sponsored\s+by\s+(?P<sponsor>[A-Z][^,.;()\n]{2,100}?)\s*(?=[,.;]|$)")
_CONDUCTED_AT = re.compile(r"(?:sponsored\s+by\s+[^,.;()\n]{2,100}?,\s+)?conducted\s+at\s+(?:the\s+)?"
                           r"(?P<site>[A-Z][\w'&-]*(?:\s+(?:of\s+)?[A-Z][\w'&-]*){1,7}),\s+(?P<city>[A-Z][a-z]{2,20}),")


@dataclass(frozen=True)
class NumberSentence:
    """What the sentences whose subject is the trial's number say of it (:data:`_NUMBER_SUBJECT`)."""

    own_id: str | None = None
    sponsor: str | None = None
    site: str | None = None
    city: str | None = None


def number_sentence(text: str, identifiers: list[Identifier]) -> NumberSentence:
    """The sponsor's own id, the sponsor and the one site that the page's sentences opening with its trial's number state,
    each from the first sentence that states it.

    >>> number_sentence("NCT01691625 (study ID: JR-01) was a single-centre interventional study sponsored by Capital "
    ...                 "Medical University, conducted at it.", [Identifier("NCT01691625", "NCT")])
    NumberSentence(own_id='JR-01', sponsor='Capital Medical University', site=None, city=None)
    >>> number_sentence("NCT01691625 was a prospective interventional study conducted at Capital Medical University "
    ...                 "Cancer Center, Beijing, evaluating DC-CIK.", [Identifier("NCT01691625", "NCT")])
    NumberSentence(own_id=None, sponsor=None, site='Capital Medical University Cancer Center', city='Beijing')
    >>> number_sentence("NCT01691625 was sponsored by Capital Medical University, and the trial NCT01691625 is a study "
    ...                 "that was conducted at several centres.", [Identifier("NCT01691625", "NCT")])
    NumberSentence(own_id=None, sponsor=None, site=None, city=None)
    """
    wanted = {identifier.value for identifier in identifiers}
    own = sponsor = site = city = None
    for match in _NUMBER_SUBJECT.finditer(text):
        if match.group("id") not in wanted:
            continue
        own = own or match.group("own")
        sponsored = _SPONSORED_BY.match(match.group("rest"))
        sponsor = sponsor or (fold(sponsored.group("sponsor")) if sponsored else None)
        conducted = None if site else _CONDUCTED_AT.match(match.group("rest"))
        if conducted:
            site, city = fold(conducted.group("site")), conducted.group("city")
    return NumberSentence(own, sponsor, site, city)


def title_over_number_sentence(text: str, identifiers: list[Identifier]) -> str | None:
    r"""The page's first line, read as a title (:func:`first_line_title`), when the line under it opens with a sentence
    whose subject is the trial's number: the article's heading is the trial's name ("DC-CIK Immunotherapy Combined With
    Concurrent Chemoradiation for Locally Advanced Esophageal Cancer" / "NCT01691625 was a prospective interventional
    study …", cancerfax.com). A headline over any other sentence tells news, and is no title.

    >>> title_over_number_sentence("DC-CIK Immunotherapy Combined With Chemoradiation for Esophageal Cancer\nNCT01691625 "
    ...                            "was a prospective interventional study.", [Identifier("NCT01691625", "NCT")])
    'DC-CIK Immunotherapy Combined With Chemoradiation for Esophageal Cancer'
    >>> title_over_number_sentence("DC-CIK Immunotherapy Improves Survival in Esophageal Cancer\nThe first patient was "
    ...                            "dosed in the study NCT01691625 today.", [Identifier("NCT01691625", "NCT")])
    """
    title = first_line_title(text)
    if not title:
        return None
    lines = [line for line in islice((line for line in text.split("\n") if line.strip()), 6)]
    under = next((after for line, after in zip(lines, lines[1:]) if fold(line) == title), "")
    match = _NUMBER_SUBJECT.match(under.strip())
    return title if match and match.group("id") in {identifier.value for identifier in identifiers} else None


def _up_to_sentence_end(text: str) -> str | None:
    """Text up to the full stop that ends its sentence, not one that ends an abbreviation ("M.D. Anderson", "Co.")."""
    for stop in re.finditer(r"\.(?=\s|$)", text):
        if not re.search(r"(?:\b[A-Z]\.?[A-Z]?|\b(?:Inc|Co|Corp|Ltd|St|Dr|Univ|Jr))$", text[:stop.start()]):
            return fold(text[:stop.start()]) or None
    return fold(text) or None


def stated_phase(text: str, identifiers: list[Identifier]) -> list[str]:
    """The phase a sentence states of the trial by its number: "… (NCT06158828) is a Phase 1 / Phase 2 interventional",
    or of "this trial": "This phase I/Ib trial tests the safety …" (NCI's summaries).

    >>> stated_phase("This phase I/Ib trial tests the safety, side effects, and best dose of gamma delta T cell", [])
    ['PHASE1']
    """
    pattern = rf"\(\s*{{number}}\s*\)(?i:\s+is\s+an?\s+(?P<phase>{_PHASE_WORDS})(?![a-z0-9]))"
    for _, match in _first_mentions(pattern, text, identifiers):
        return parse_phases(match.group("phase"))
    return phase_of_this_study(text)


#: "This phase I/Ib trial", "This is an open-label, single-center, phase 1/2 study", "This study is a single-arm,
#: open label, phase I/II clinical trial"; a summary opening "A Phase I/II, Open Label Study to …".
_THIS_PHASE = re.compile(rf"\bthis\s+(?:(?:(?:study|trial)\s+)?is\s+an?\s+(?:[\w-]+,?\s+){{0,4}}?)?(?P<phase>{_PHASE_WORDS})"
                         r"(?![a-z0-9])(?:,?\s+[\w-]+){0,3}?\s+(?:clinical\s+)?(?:trial|study)\b|"
                         rf"^\s*an?\s+(?P<opening>{_PHASE_WORDS})(?![a-z0-9])(?:,?\s+[\w-]+){{0,3}}?\s+(?:clinical\s+)?(?:trial|study)\b",
                         re.IGNORECASE)


def phase_of_this_study(text: str) -> list[str]:
    """The phase a summary states of its own study ("This phase I/Ib trial tests …", "A Phase I/II, Open Label
    Study to Evaluate …"); none from a phase named in passing ("Phase I stage is for dose escalation").

    >>> phase_of_this_study("This is an open-label, single-center, phase 1/2 study to evaluate the safety")
    ['PHASE1', 'PHASE2']
    >>> phase_of_this_study("A Phase I/II, Open Label Study to Evaluate the Safety and Efficacy of Autologous CIK")
    ['PHASE1', 'PHASE2']
    >>> phase_of_this_study("The study is composed of two stages, Phase I stage is for dose escalation")
    []
    >>> phase_of_this_study("This study is linked the ACT-I Phase I trial (ACTRN12618000076279).")
    []
    """
    this = _THIS_PHASE.search(text)
    return parse_phases(this.group("phase") or this.group("opening")) if this else []


_STATED_STATUS = re.compile(r"\bthis (?:trial|study) is (?:currently |now )?(?P<status>not yet recruiting|recruiting|"
                            r"enrolling by invitation|active, not recruiting|completed|terminated|withdrawn|suspended)\b",
                            re.IGNORECASE)


def stated_status(text: str) -> str | None:
    """The status a sentence states of "this trial": "This trial is currently recruiting participants"."""
    match = _STATED_STATUS.search(text)
    return lookup("status", match.group("status")) if match else None


#: ClinicalTrials.gov's old record view's statuses, as its header sentence says them ("This study has been completed.").
_ARCHIVED_STATUS = {"has been completed": "COMPLETED", "is currently recruiting participants": "RECRUITING",
                   "is ongoing, but not recruiting participants": "ACTIVE_NOT_RECRUITING",
                   "is not yet open for participant recruitment": "NOT_YET_RECRUITING",
                   "has been terminated": "TERMINATED", "has been withdrawn prior to enrollment": "WITHDRAWN",
                   "has been suspended": "SUSPENDED"}
_ARCHIVED_SENTENCE = re.compile(r"^\s*This study (.+?)\.\s*$")


def archived_status(sentence: str | None) -> str | None:
    """The status the old record view's header sentence says, the sentence whole on its line or as a value.

    >>> archived_status("This study has been completed."), archived_status("This study has been completed by many.")
    ('COMPLETED', None)
    """
    said = _ARCHIVED_SENTENCE.match(sentence or "")
    return _ARCHIVED_STATUS.get(said.group(1).strip()) if said else None


#: A page that sends its reader to the registry's record of its own trial: "Study sponsor and potential other
#: locations can be found on ClinicalTrials.gov for NCT03434769.", "Additional locations may be listed on
#: ClinicalTrials.gov for NCT05015426." (NCI's trial search pages).
#: Or that links to it: "LINK TO CLINICAL TRIAL clinicaltrials.gov/ct2/show/NCT03327467" (bio-cord.com's news item).
_REFERRED = re.compile(r"\b(?:locations?|sponsors?|information)\b[^.\n]{0,80}?\bon\s+ClinicalTrials\.gov\s+for\s+"
                       r"(?P<number>NCT\d{8})\b"
                       r"|\blink\s+to\s+(?:the\s+)?(?:clinical\s+)?(?:trial|study)\b[\s:]*(?:https?://)?(?:www\.)?"
                       r"clinicaltrials\.gov/[\w/?=.-]*?(?P<linked>NCT\d{8})\b"
                       # "For more information about STEMTRA, visit" / "https://clinicaltrials.gov/ct2/show/NCT02416492."
                       # (a sponsor's sheet on its trial, scarlettlawgroup.com)
                       r"|\bfor\s+more\s+information\s+(?:about|on)\s+[^.\n]{1,60}?,?\s+(?:please\s+)?visit\s*:?\s*"
                       r"(?:https?://)?(?:www\.)?clinicaltrials\.gov/[\w/?=.-]*?(?P<visited>NCT\d{8})\b", re.IGNORECASE)


def referred_own_number(text: str) -> str | None:
    r"""The NCT number of the page's own trial, where the page refers its reader to that record for its
    sponsor or locations.

    >>> referred_own_number("Additional locations may be listed on ClinicalTrials.gov for NCT05015426.")
    'NCT05015426'
    >>> referred_own_number("For more information about STEMTRA, visit\nhttps://clinicaltrials.gov/ct2/show/NCT02416492.")
    'NCT02416492'
    >>> referred_own_number("Results of a similar trial (NCT01234567) were published.") is None
    True
    """
    match = _REFERRED.search(text)
    return (match.group("number") or match.group("linked") or match.group("visited")).upper() if match else None


def _first_lines(text: str, count: int) -> list[str]:
    """The first ``count`` non-empty lines of ``text``, folded (only those: a page can be long)."""
    return [fold(line) for line in islice((line for line in text.split("\n") if line.strip()), count)]


def numbers_line(text: str, identifiers: list[Identifier], within: int = 25) -> bool:
    """Whether one of the page's first ``within`` lines is nothing but its register numbers, one of each register, and
    perhaps the sponsor's code: how a sponsor's trial page heads its record ("NCT05862285 2023-504263-16-00 BX44273",
    forpatients.roche.com). Never on a page showing two numbers of one register (a listing).
    """
    values = [identifier.value for identifier in identifiers]
    if len(values) < 2 or len({identifier.scheme for identifier in identifiers}) != len(values):
        return False
    for line in _first_lines(text, within):
        words = line.split()
        rest = [word for word in words if word not in values]
        if len(words) - len(rest) == len(values) and len(rest) <= 1 and all(_SPONSOR_CODE.fullmatch(w) for w in rest):
            return True
    return False


#: The trial's officer's role on a line of its own, over the registry's closing lines of a record: "Roberta L. Hayes, PhD" /
#: "Study Chair" / "Immune Therapy, LLC" / "United States: Federal Government" / "CDR0000065739" / "NCT00003067" / "July
#: 1997" (knowcancer.com NCT00003067).
_OFFICER_ROLE = re.compile(r"^\s*(?:Study\s+(?:Chair|Director)|Principal\s+Investigator)\s*$")


def number_under_officer(text: str, identifiers: list[Identifier], within: int = 6) -> bool:
    """Whether the page's one register number stands on a line of its own a few lines under its officer's role (a
    record's closing lines, _OFFICER_ROLE): the page's own number, as a label would say. A page of one number only.
    """
    values = {identifier.value for identifier in identifiers}
    if len(values) != 1:
        return False
    lines = text.split("\n")
    return any(line.strip() in values and any(_OFFICER_ROLE.match(before) for before in lines[max(0, index - within):index])
               for index, line in enumerate(lines))


#: A heading that names its trial's protocol by the sponsor's number: in brackets at its end ("Trial Results: MSV-100-IV
#: Pediatric Expanded Access Program (EAP) in Steroid Refractory Acute Graft Versus Host Disease (Protocol 275)"), or
#: before the title ("Protocol SAKK 11/16: Personalized and cell-based anti-tumor immunization MVX-ONCO-1 in advanced
#: head and neck squamous cell carcinoma. …", research.kssg.ch: the Swiss cancer trials group's number).
_PROTOCOL_HEADING = re.compile(r"^[^.!?]{20,300}\((?:Protocol|Study)\s+(?:No\.?\s*|Number\s+|#\s*)?"
                               r"(?P<number>[A-Z0-9][A-Za-z0-9-]{0,19})\)\s*$"
                               r"|^Protocol\s+(?P<opening>[A-Z][A-Za-z0-9-]{0,19}(?:\s\d{1,4}(?:/\d{1,4})?)?)\s*:\s+[A-Z]\S*"
                               r"(?:\s+\S+){3}")


def protocol_heading(text: str, within: int = 5) -> Identifier | None:
    r"""The sponsor's protocol number of the trial a page heads with it, one of its first ``within`` lines being a heading
    that ends in "(Protocol 275)" (mesoblast.com, the sponsor's page of that protocol's results; no sentence) or opens
    with "Protocol SAKK 11/16:" and the title (research.kssg.ch): the sponsor's own id (scheme ORG), which keys a trial
    with no register number. A number with no digit is a name.

    >>> protocol_heading("MSV-100-IV Pediatric\n\nTrial Results: MSV-100-IV Pediatric Expanded Access Program (EAP) in "
    ...                  "Steroid Refractory Acute Graft Versus Host Disease (Protocol 275)\n\nUse of our MSC-100-IV ...")
    Identifier(value='275', scheme='ORG')
    >>> protocol_heading("Kantonsspital St.Gallen\nProtocol SAKK 11/16: Personalized and cell-based anti-tumor immunization")
    Identifier(value='SAKK 11/16', scheme='ORG')
    >>> protocol_heading("We changed the dosing in the study (Protocol 275). It went well.") is None
    True
    >>> protocol_heading("Protocol amendments: What changed in the consent form") is None
    True
    """
    line = protocol_heading_line(text, within)
    if line is None:
        return None
    match = _PROTOCOL_HEADING.match(line)
    return Identifier(match.group("number") or match.group("opening"), "ORG")


def protocol_heading_line(text: str, within: int = 5) -> str | None:
    """The heading :func:`protocol_heading` reads the protocol number from."""
    for line in _first_lines(text, within):
        match = _PROTOCOL_HEADING.match(line)
        if match and re.search(r"\d", match.group("number") or match.group("opening")):
            return line
    return None


#: A study group's number for its trial: the group's letters (a hyphen among them or before the digits, or a space
#: before them), then three digits or more ("EA3202", ECOG-ACRIN; "NRG-GI002", NRG Oncology; "USO 22284", US Oncology);
#: "COVID-19" has two, and "FY 2024" is a year.
_GROUP_NUMBER = re.compile(r"[A-Z][A-Z-]{0,7}[A-Z](?:-?|[ ](?!(?:19|20)\d\d\b))\d{3,5}[A-Z]?")


def group_number_line(text: str, within: int = 5) -> str | None:
    r"""The study group's number of the trial a page heads with it alone on a line, among its first ``within`` lines, as
    a cooperative group's trial page does ("Head And Neck Cancer" / "EA3202" / "<title>" / "STATUS: Active",
    ecog-acrin.org; "NRG-GI002" / "NRG-GI002: A Phase II Clinical Trial Platform …", nrgoncology.org; a trial search's
    "Protocol:" / "NRG-GY012" above "Status:" / "OPEN", mcrconline.org). The caller asks
    for the page's sign that the number is its trial's: a status it labels, or a title it opens with the number
    (:func:`title_opened_by`); and asks only on a page with no register number, which that number keys.

    >>> group_number_line("Head And Neck Cancer\n\nEA3202\n\nTesting the Use of Investigational Drugs")
    'EA3202'
    >>> group_number_line("COVID-19\n\nOur hospital's visitor rules"), group_number_line("Trial EA3202 opened today.")
    (None, None)
    """
    return next((line for line in _first_lines(text, within) if _GROUP_NUMBER.fullmatch(line)), None)


def group_number_lines(text: str) -> int:
    r"""How many of the page's lines are a study group's number alone (:func:`group_number_line`): more than one on a
    list of the group's trials ("USO 22284" / "<title>" / … / "USO 22285" / "<title>").

    >>> group_number_lines("USO 22284\nMolecularly Informed Lung Cancer Treatment\nUSO 22285\nA Study of Tumour Testing")
    2
    """
    return sum(1 for line in text.split("\n") if _GROUP_NUMBER.fullmatch(line.strip()))


def title_under_number(text: str, number: str, within: int = 3) -> str | None:
    r"""The title on the line under the study group's number heading the page, when it reads as a title: a community
    practice's trial page ("USO 22284" / "Molecularly Informed Lung Cancer Treatment in a Community Cancer Network: A
    Longitudinal Prospective Study …" / "Disease Types: Lung Cancer Research", virginiacancer.com).

    >>> title_under_number("USO 22284\nMolecularly Informed Lung Cancer Treatment in a Community Cancer Network", "USO 22284")
    'Molecularly Informed Lung Cancer Treatment in a Community Cancer Network'
    >>> title_under_number("USO 22284\nOur practice is certified.", "USO 22284") is None
    True
    """
    lines = _first_lines(text, within + 1)
    index = lines.index(number) if number in lines[:within] else None
    following = lines[index + 1] if index is not None and index + 1 < len(lines) else ""
    return following if _shaped_as_title(following, longest=60) else None


#: A study group's number heading the study's news on its page: "HO133 News" over "18APR2018: Study documents …"
#: (hovon.nl).
_GROUP_NEWS_HEADING = re.compile(r"(?P<number>(?P<letters>[A-Z]{2,6})-?\d{2,5}[A-Z]?)[ \t]+(?:News|Updates)")
#: A page's line naming the groups that run its study: "Participating Groups: GLSG (sponsor), HOVON, Nordic Lymphoma …".
_PARTICIPATING_GROUPS = re.compile(r"(?im)^[ \t]*(?:participating|cooperative|collaborating)[ \t]+groups?[ \t]*:(?P<groups>[^\n]+)")


def group_news_number(text: str, within: int = 30) -> str | None:
    r"""The study group's number of the study whose page heads its news with it ("HO133 News", hovon.nl), among the
    first ``within`` lines, when the number's letters open the name of a group the page lists as running the study
    ("Participating Groups: GLSG (sponsor), HOVON, …"): the group's own number for its study. None when no listed group
    is the number's, or the page heads the news of two numbers (a group's news of its studies).

    >>> group_news_number("HO133 News\n18APR2018: Documents uploaded.\n1. Overview\nParticipating Groups: GLSG, HOVON")
    'HO133'
    >>> group_news_number("HO133 News\n18APR2018: Documents uploaded.\nParticipating Groups: GLSG, NCRI") is None
    True
    """
    headings = (_GROUP_NEWS_HEADING.fullmatch(line) for line in _first_lines(text, within))
    numbers = {match.group("number"): match.group("letters") for match in headings if match}
    if len(numbers) != 1:
        return None
    number, letters = numbers.popitem()
    # each listed group's first word ("GLSG (sponsor)" -> "GLSG")
    groups = [group.split()[0] for line in _PARTICIPATING_GROUPS.findall(text) for group in line.split(",") if group.split()]
    return number if any(group.startswith(letters) for group in groups) else None


def title_opened_by(text: str, number: str, within: int = 8) -> str | None:
    r"""The line among the page's first ``within`` that opens with its trial's number, a colon and the title
    ("NRG-GI002: A Phase II Clinical Trial Platform of Sensitization …", nrgoncology.org), when the rest reads as a title.

    >>> title_opened_by("NRG-GI002\n\nNRG-GI002: A Phase II Clinical Trial Platform of Sensitization", "NRG-GI002")
    'NRG-GI002: A Phase II Clinical Trial Platform of Sensitization'
    >>> title_opened_by("NRG-GI002\n\nNRG-GI002: see the slides", "NRG-GI002") is None
    True
    """
    for line in _first_lines(text, within):
        head, colon, rest = line.partition(":")
        if colon and head == number and _reads_as_title(rest.strip()):
            return line
    return None


#: A list's entry headed by a study group's name, its number for the trial, a colon and the trial's title ("Alliance
#: A012301: LoTam: A randomized, phase III clinical trial of low-dose tamoxifen …", allianceforclinicaltrialsinoncology.org).
_ENTRY_HEADING = re.compile(r"^(?P<group>[A-Z][A-Za-z-]{2,30})\s+(?P<number>[A-Z]{1,4}\d{3,6})\s*:\s+[A-Z0-9]", re.MULTILINE)


def listed_group_numbers(text: str) -> list[str]:
    r"""The numbers of the trials a page heads as entries of one group's list, two or more ("Alliance A012301: LoTam: …"
    / … / "Alliance A032201: Short term intensified pembrolizumab …"): a listing of the group's trials, whatever register
    number one entry labels ("ClinicalTrials.gov Identifier: NCT06671912" under the first). None for one such heading.

    >>> listed_group_numbers("Alliance A012301: LoTam: low-dose tamoxifen\nOverview: …\nAlliance A032201: STRIKE")
    ['A012301', 'A032201']
    >>> listed_group_numbers("Alliance A012301: LoTam: low-dose tamoxifen\nOverview: This phase III trial …")
    []
    """
    numbers: dict[str, list[str]] = {}
    for match in _ENTRY_HEADING.finditer(text):
        group = numbers.setdefault(match.group("group"), [])
        if match.group("number") not in group:
            group.append(match.group("number"))
    return next((group for group in numbers.values() if len(group) >= 2), [])


#: A heading that ends with a study group's abbreviation and its serial number for the study, in brackets: "Pregnancy
#: (GBG 29)" (gbg.de).
_GROUP_SERIAL_HEADING = re.compile(r"^[^()]{3,120}\((?P<group>[A-Z]{2,6})[ -](?P<serial>\d{1,4})\)\s*$")


def title_under_group_serial(text: str, within: int = 5) -> str | None:
    r"""The title on the line under the heading :func:`group_serial_heading` reads the study's number from ("Pregnancy
    (GBG 29)" / "Prospective and Retrospective Registry Study of the German Breast Group (GBG) for Diagnosis and Treatment
    of Breast Cancer in Pregnancy …", gbg.de), when it is shaped as one (five to forty words, a capital, no stop): under
    the study's heading a "Registry Study" is the study's name, not a register's banner.

    >>> title_under_group_serial("Pregnancy (GBG 29)\nProspective and Retrospective Registry Study of the German Breast Group")
    'Prospective and Retrospective Registry Study of the German Breast Group'
    >>> title_under_group_serial("Pregnancy (GBG 29)\nBreast cancer is the most common cancer in women over 25.") is None
    True
    """
    lines = _first_lines(text, within + 1)
    for index, line in enumerate(lines[:within]):
        if _GROUP_SERIAL_HEADING.match(line) and index + 1 < len(lines):
            following = lines[index + 1]
            return following if _shaped_as_title(following) else None
    return None


def _shaped_as_title(line: str, longest: int = 40) -> bool:
    """Five to ``longest`` words, a capital first, no stop at the end: a title's shape, whatever words it uses (under the
    study's own heading a "Registry Study" or a "Module A" is the study's name, not a site's banner).
    """
    return 5 <= len(line.split()) <= longest and line[:1].isupper() and not line.endswith((".", "!", "?", ":"))


def title_above_number_label(text: str, identifiers: list[Identifier], within: int = 10) -> str | None:
    r"""The title on the line above the label of the page's one number, the label alone on its line and the number on
    the next ("<title>" / "Protocol:" / "NRG-GY012", mcrconline.org's trial search), when it reads as a title; a long
    one too, a platform trial's list of combinations (forty-two words).

    >>> title_above_number_label("Clinical Trials Search\n\nA Randomized Phase II Study Comparing Single-Agent Olaparib "
    ...                          "and Cediranib\n\nProtocol:\n\nNRG-GY012", [Identifier("NRG-GY012", "ORG")])
    'A Randomized Phase II Study Comparing Single-Agent Olaparib and Cediranib'
    >>> title_above_number_label("We enrolled the first patient.\n\nProtocol:\n\nNRG-GY012", [Identifier("NRG-GY012", "ORG")])
    """
    if len(identifiers) != 1:
        return None
    lines = _first_lines(text, within)
    for index in range(1, len(lines) - 1):
        if lines[index].endswith(":") and len(lines[index].split()) <= 3 and lines[index + 1] == identifiers[0].value:
            return lines[index - 1] if _reads_as_title(lines[index - 1], longest=60) else None
    return None


def group_serial_heading(text: str, within: int = 5) -> Identifier | None:
    r"""The study group's own number of the study a page heads with it in brackets, among its first ``within`` lines,
    when the page spells the abbreviation out as the group's ("Pregnancy (GBG 29)" over "… Registry Study of the German
    Breast Group (GBG) for Diagnosis and Treatment of Breast Cancer in Pregnancy …", gbg.de): the sponsor's study id
    (scheme ORG), written as the heading writes it. None when the abbreviation names no group on the page ("Long Covid
    (SARS 2)"); asked only on a page with no register number.

    >>> group_serial_heading("Pregnancy (GBG 29)\n\nProspective Registry Study of the German Breast Group (GBG) for ...")
    Identifier(value='GBG 29', scheme='ORG')
    >>> group_serial_heading("Pregnancy (GBG 29)\n\nA registry of breast cancer in pregnancy.") is None
    True
    """
    for line in _first_lines(text, within):
        match = _GROUP_SERIAL_HEADING.match(line)
        if match and re.search(rf"\b(?:Group|Network|Consortium|Organi[sz]ation)\s*\({match.group('group')}\)", text):
            return Identifier(f"{match.group('group')} {match.group('serial')}", "ORG")
    return None


#: A sponsor's code for its trial: letters and digits, at least two of each ("BX44273", "GO29781").
_SPONSOR_CODE = re.compile(r"(?=(?:[^\d]*\d){2})(?=(?:[^A-Za-z]*[A-Za-z]){2})[A-Za-z0-9-]{4,20}")


def record_number_line(text: str, identifiers: list[Identifier], within: int = 15) -> int | None:
    """The index (among the page's non-empty lines) of a line that is nothing but the page's one register number,
    among its first ``within`` lines: how a registry's record page heads its record ("jRCTc030220374" under the
    jRCT banner and the record's dates), or a table row whose one filled cell is that number ("| jRCTc030250451 | |||",
    the jRCT record page of jRCTc030250451 as a table of cells, tests/data/therapy-holdout11). None on a page showing
    more than one number.
    """
    if len(identifiers) != 1:
        return None
    lines = _first_lines(text, within)
    number = identifiers[0].value
    return next((index for index, line in enumerate(lines)
                 if number in (_TABLE_EDGE.sub("", line), _BREADCRUMB.sub("", line.strip()))), None)


#: The bars and empty cells around a table row's one filled cell: "| jRCTc030250451 | |||".
_TABLE_EDGE = re.compile(r"^[|\s]+|[|\s]+$")
#: A page's trail of headings before its number: "CLINICAL TRIAL / NCT04623944" over the title (uchicagomedicine.org); or
#: the kind of page and a dash: "Clinical Trial - NCT03486873" over the title (targetedcancercare.massgeneral.org).
_BREADCRUMB = re.compile(r"^(?:(?:[A-Za-z][A-Za-z ]{2,30}?\s+/\s+){1,3}|(?i:(?:clinical\s+)?(?:trial|study)\s+[-–]\s+))(?=\S+$)")


def title_after_number(text: str, identifiers: list[Identifier]) -> str | None:
    """The line after the register number that heads a record page, when it reads as a title."""
    index = record_number_line(text, identifiers)
    if index is None:
        return None
    lines = _first_lines(text, index + 2)
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return following if _reads_as_title(following) else None


#: A record's date on a line of its own under its number: "Registered date:21/04/2021", "Last updated: 2023-11-26".
_DATED_LINE = re.compile(r"^[^:]{1,40}:\s*(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}-\d{2})\b[^:]*$")


#: A "Field: value" line ("Candidate: Natural killer (NK) cell therapy", "Sponsors of the trial: Daiichi Sankyo, Inc., and
#: AstraZeneca"): a field, no title or headline.
FIELD_LINE = re.compile(r"^[A-Za-z][\w ()'/&-]{0,40}:\s")


def title_after_labelled_number(text: str, identifiers: list[Identifier]) -> str | None:
    """The title under the line that labels the page's one register number at the head of its record, past the
    record's dates: "JRCT ID: jRCT2053210009" / "Registered date:21/04/2021" / "A Clinical Study of UC-MSCs for
    Pediatric Patients with Cerebral Palsy" (rctportal.niph.go.jp). None when the line after them is no title.
    """
    if len(identifiers) != 1:
        return None
    lines = _first_lines(text, 15)
    for index, line in enumerate(lines):
        label, colon, value = line.partition(":")
        if colon and value.strip() == identifiers[0].value and 0 < len(label.split()) <= 4:
            following = next((other for other in lines[index + 1:] if not _DATED_LINE.match(other)), "")
            # (not the next field: "ClinicalTrials.gov ID number: NCT03734029" / "Sponsors of the trial: Daiichi Sankyo,
            # Inc., and AstraZeneca", breastcancer.org)
            return following if _reads_as_title(following) and not FIELD_LINE.match(following) else None
    return None


def stated_study_type(text: str, identifiers: list[Identifier]) -> str | None:
    """The study type a sentence states of the trial by its number: "… (NCT06158828) is a Phase 1 / Phase 2
    interventional studying …".
    """
    pattern = r"\(\s*{number}\s*\)(?i:\s+is\s+an?\s+[^\n.]{0,60}?\b(?P<type>interventional|observational)\b)"
    for _, match in _first_mentions(pattern, text, identifiers):
        return lookup("study-type", match.group("type"))
    return None


_PEOPLE = r"(?:participants|patients|subjects|people)"
#: How a text states the number it enrols: "Target enrollment of 68 participants", "15 eligible AML patients will be
#: enrolled", "in total 200 patients will be enrolled", "The investigators expect to enroll 36 participants", "A pilot
#: single arm clinical trial of 3 patients". A number
#: "for each" group or "per" arm is not the trial's.
_STATED_ENROLLMENT = re.compile(
    rf"\b(?:target|planned|anticipated|estimated|actual)\s+enrol(?:l)?ment\s+(?:of|is|was)\s+(?P<count>\d[\d,]{{0,9}})\s+{_PEOPLE}\b"
    rf"|(?<![\d,.])(?P<total>(?:in\s+total|a\s+total\s+of)\s+)?(?P<will>\d[\d,]{{0,9}})\s+(?:eligible\s+)?(?:[A-Z]{{2,}}\s+)?"
    rf"{_PEOPLE}\s+(?:will\s+be|(?:is|are)\s+(?:estimated|expected|planned)\s+to\s+be)\s+(?:enrolled|recruited)\b"
    rf"(?!\s+(?:for|in)\s+each\b|\s+per\b)"
    rf"|\b(?:expects?|plans?|aims?)\s+to\s+(?:enrol|enroll|recruit)\s+(?P<plan>\d[\d,]{{0,9}})\s+{_PEOPLE}\b"
    rf"|(?<!previous )(?<!prior )(?<!earlier )\b(?:clinical\s+)?(?:trial|study)\s+(?:of|in|with)\s+"
    rf"(?P<of>\d[\d,]{{0,9}})\s+{_PEOPLE}\b"
    # A count that is a cell of a facts line, glued or set apart: "South Korea47 participantsStarted 2009-01".
    rf"|(?:(?<=[a-z])|^|(?<=[\s·|•]))(?P<cell>\d[\d,]{{0,9}})\s+participants(?=[A-Z]|\s*$|\s+[·|•])",
    re.IGNORECASE)


def stated_enrollment(text: str) -> int | None:
    """The enrolment a sentence states; a total ("in total 200 patients will be enrolled") over a first number.

    >>> stated_enrollment("Target enrollment of 68 participants puts this in the typical range")
    68
    >>> stated_enrollment("Study Design: This study is a phase I clinical trial. 15 eligible AML patients will be enrolled")
    15
    >>> stated_enrollment("40 patients will be enrolled for each of the five cancers (in total 200 patients will be enrolled)")
    200
    >>> stated_enrollment("The investigators expect to enroll 36 participants. Haploidentical family members (donors) will also")
    36
    >>> stated_enrollment("A pilot single arm clinical trial of 3 patients"), stated_enrollment("a previous trial of 40 patients")
    (3, None)
    >>> stated_enrollment("A total of 36 subjects is estimated to be enrolled.")
    36
    >>> stated_enrollment("South Korea47 participantsStarted 2009-01"), stated_enrollment("47 participants were treated")
    (47, None)
    """
    matches = list(_STATED_ENROLLMENT.finditer(text or ""))
    match = next((m for m in matches if m.group("total")), matches[0] if matches else None)
    return int(next(filter(None, match.group("count", "will", "plan", "of", "cell"))).replace(",", "")) if match else None


#: A table header whose last column is the phase ("Condition or Disease Intervention/Treatment Phase").
_PHASE_HEADER = re.compile(r"^\s*(?:\S+\s+){1,6}Phase\s*\|?\s*$")


def phase_under_header(text: str) -> list[str]:
    r"""The phase of a table whose header ends in "Phase" and whose cells print one a line: a line made only of
    a phase, among the few after the header (before a blank line).

    >>> phase_under_header("Condition or Disease Intervention/Treatment Phase\nEarly Phase 1\n\nDetailed Description")
    ['EARLY_PHASE1']
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _PHASE_HEADER.match(line):
            for cell in lines[index + 1:index + 8]:
                if not cell.strip():
                    break
                if re.fullmatch(rf"\s*{_PHASE_WORDS}\s*", cell, re.IGNORECASE):
                    return parse_phases(cell)
    return []


_NON_RANDOMIZED = re.compile(r"\bnon[- ]?randomi[sz]ed\b", re.IGNORECASE)
#: "randomized" where it describes the trial's own design: "Randomized, Parallel Group, …", "an international,
#: multicentre randomised controlled trial", "were randomly divided into test group and control group", "One arm will
#: be randomised to receive …" (not "a randomized trial showed …" of another study, unless ``design`` says it is the
#: trial's design line or title).
_RANDOMIZED = re.compile(r"\brandomi[sz]ed[, ]+(?:\w+[, ]+){0,2}?(?:controlled|clinical|trial|study|phase|parallel|double|open|"
                         r"multi-?cent\w*|placebo)|\b(?:are|were|be|being)\s+randomi[sz]ed\b|\brandomly\s+(?:divided|assigned|"
                         r"allocated|split)\b", re.IGNORECASE)
_SINGLE_GROUP = re.compile(r"\bsingle[- ](?:arm|group|cohort)\b", re.IGNORECASE)
_PARALLEL = re.compile(r"\bparallel[- ](?:group|arm|assignment)s?\b", re.IGNORECASE)
_INTERVENTIONAL = re.compile(r"\bintervention(?:al)?\s+(?:study|trial)\b", re.IGNORECASE)


def stated_design(text: str, design: bool = False) -> tuple[str | None, str | None, str | None]:
    """The allocation, intervention model and study type the wording of a trial's design states; ``design`` when
    the text is the trial's design line or title, where "randomized" alone says it.

    >>> stated_design("Randomized, Parallel Group, Placebo Controlled Trial", design=True)
    ('RANDOMIZED', 'PARALLEL', None)
    >>> stated_design("Phase I treatment, single centric, randomized, intervention study on chronic HBV infected patients",
    ...               design=True)
    ('RANDOMIZED', None, 'INTERVENTIONAL')
    >>> stated_design("A pilot single arm clinical trial of 3 patients")
    (None, 'SINGLE_GROUP', None)
    >>> stated_design("Prospective, multicenter, single-arm, open label, interventional study evaluating adoptive cell therapy")
    (None, 'SINGLE_GROUP', 'INTERVENTIONAL')
    >>> stated_design("Study group: All subjects were randomly divided into test group and control group.")
    ('RANDOMIZED', None, None)
    >>> stated_design("a prospective, open-label, multi-cohort, non-randomized, multicenter Phase 2 study")
    ('NON_RANDOMIZED', None, None)
    >>> stated_design("A previous randomized trial showed a benefit")[0], stated_design("randomization")[0]
    (None, None)
    """
    text = text or ""
    allocation = None
    if _NON_RANDOMIZED.search(text):
        allocation = "NON_RANDOMIZED"
    elif _RANDOMIZED.search(text) and not re.search(r"\b(?:previous|prior|earlier)\s+randomi[sz]ed", text, re.IGNORECASE) \
            or design and re.search(r"\brandomi[sz]ed\b", text, re.IGNORECASE):
        allocation = "RANDOMIZED"
    model = "SINGLE_GROUP" if _SINGLE_GROUP.search(text) else "PARALLEL" if _PARALLEL.search(text) else None
    return allocation, model, "INTERVENTIONAL" if _INTERVENTIONAL.search(text) else None


#: A title's or a design field's masking: "A Phase II, 12-Week Randomised, Double-Blind, Placebo-Controlled ... Study",
#: "Double-blind randomised placebo-controlled trial" (ISRCTN's "Study design", isrctn.com ISRCTN71717097).
_BLINDED = re.compile(r"\b(single|double|triple|quadruple)[- ]?(?:blind(?:ed)?|mask(?:ed)?)\b", re.IGNORECASE)
#: A word of a design statement's list before its "study" or "trial" ("randomised", "placebo controlled",
#: "single-centre", "phase I/II"): no preposition or relative word, nothing that makes it another study ("previous",
#: "parent", "completed").
_DESIGN_WORD = (r"(?!(?:of|in|for|with|by|to|on|at|from|who|that|which|previous|prior|earlier|recent|published|similar"
                r"|separate|parent|completed|original|preceding)\b)[\w/-]+")
#: The trial's design stated in a sentence of its own: a line opening "A …" or "This study is a …" whose list of design
#: words before "study" or "trial" holds the masking: "A phase I/II, randomised, double-blind, placebo controlled,
#: single-centre study of bone marrow mononuclear cells …" (the description of clinicaltrials.gov NCT00285454, under its
#: "Study Design:"); not one that tells what such a study found ("A randomised, double-blind trial showed …").
_BLINDED_STATEMENT = re.compile(
    rf"^[ \t]*(?:(?:this|the)\s+(?:(?:study|trial)\s+)?is\s+)?an?\s+(?:{_DESIGN_WORD},?\s+){{0,6}}?"
    rf"(?P<masking>single|double|triple|quadruple)[- ]?(?:blind(?:ed)?|mask(?:ed)?),?\s+(?:{_DESIGN_WORD},?\s+){{0,6}}?"
    rf"(?:study|trial)\b(?![^.\n]{{0,80}}?\b(?:showed|found|demonstrated|reported|suggested|has\s+shown)\b)",
    re.IGNORECASE | re.MULTILINE)


def stated_masking(text: str | None, design: bool = False) -> str | None:
    """The masking a trial's wording states: a "double-blind" of its title or design field (``design``), or of a line
    of prose that states its design (:data:`_BLINDED_STATEMENT`); a summary's "double-blind" may be another study's.

    >>> stated_masking("Double-blind randomised placebo-controlled trial", design=True)
    'DOUBLE'
    >>> stated_masking("A phase I/II, randomised, double-blind, placebo controlled, single-centre study of bone marrow cells")
    'DOUBLE'
    >>> [stated_masking(text) for text in ("A previous double-blind trial showed a benefit",
    ...  "A long-term extension study of patients who completed the double-blind trial",
    ...  "A single-blind assessment of the MRI scans will be made for this trial",
    ...  "In a randomised, double-blind, placebo-controlled trial, the drug reduced relapses",
    ...  "A randomized, double-blind, placebo-controlled trial of the drug in 2015 showed fewer relapses",
    ...  "Outcome assessors will be blinded to the treatment allocation in this double-blind study")]
    [None, None, None, None, None, None]
    """
    found = (_BLINDED.search if design else _BLINDED_STATEMENT.search)(text or "")
    return found.group(1 if design else "masking").upper() if found else None


#: Who may take part, as an article says it: "Women 18 and older with previously untreated advanced cervical cancer
#: may be eligible to participate".
_ELIGIBLE_PEOPLE = re.compile(r"\b(?P<who>women|men|adults|children|patients|people|participants)\s+(?:aged\s+)?(?P<age>\d{1,2})"
                              r"\s*(?:years?\s*)?(?:of\s+age\s+)?(?:and|or)\s+(?:older|over|above)\b[^.]{0,120}?\beligible\b",
                              re.IGNORECASE)
#: Where a single-site trial is held, as an article says it: "a clinical trial at the NIH Clinical Center".
_AT_SITE = re.compile(r"\b(?:clinical\s+trial|trial|study)\s+(?:is\s+being\s+conducted\s+|taking\s+place\s+)?at\s+(?:the\s+)?"
                      r"(?P<site>(?:[A-Z][\w'&-]*)(?:\s+(?:of\s+)?[A-Z][\w'&-]*){1,6})")


def stated_eligible_people(text: str) -> tuple[str | None, float | None]:
    """The sex and minimum age of the people a sentence says may be eligible.

    >>> stated_eligible_people("Women 18 and older with previously untreated advanced cervical cancer may be eligible to "
    ...                        "participate in a clinical trial at the NIH Clinical Center.")
    ('FEMALE', 18.0)
    >>> stated_eligible_people("Adults 65 or older are eligible"), stated_eligible_people("Women 18 and older")
    ((None, 65.0), (None, None))
    """
    match = _ELIGIBLE_PEOPLE.search(text or "")
    if not match:
        return None, None
    return {"women": "FEMALE", "men": "MALE"}.get(match.group("who").lower()), float(match.group("age"))


def stated_site(text: str) -> str | None:
    """The one site a sentence says the trial is held at.

    >>> stated_site("may be eligible to participate in a clinical trial at the NIH Clinical Center.")
    'NIH Clinical Center'
    >>> stated_site("The study at this time is closed"), stated_site("a trial at Stanford")  # a name of two words or more
    (None, None)
    """
    match = _AT_SITE.search(text or "")
    return match.group("site") if match else None


#: A paragraph that says what the trial does: "This phase I/Ib trial tests the safety …", "This study will analyze and
#: evaluate …", "The goal of this clinical research study is to learn if …".
#: ("The proposed study plans to realize an adoptive anti-leukaemic immunotherapy by infusion of HLA-I mismatched NK cells",
#: smartpatients.com NCT01947322, after a sentence of background)
_SUMMARY_OPENING = re.compile(r"^\s*(?:(?:this|the\s+(?:present|proposed))\s+(?:[\w/-]+\s+){0,4}?(?:trial|study)\b"
                              r"(?!\s+(?:id|number|record)\b)"
                              r"(?!\s+(?:is|was|has)\s+(?:currently\s+|now\s+|not\s+yet\s+|no\s+longer\s+)?(?:recruiting|enrolling|"
                              r"open|closed|active|completed|registered|listed)\b)"
                              r"|the\s+(?:goal|purpose|aim|objective)s?\s+of\s+this\s+(?:[\w-]+\s+){0,3}?(?:trial|study)\b"
                              # the trial by its phase, the word "trial" left out: "This phase II / III compares the
                              # standard therapy (chemotherapy plus cetuximab) versus adding bevacizumab …" (ecog-acrin.org)
                              rf"|this\s+{_PHASE_WORDS}\s+(?:compares|studies|tests|evaluates|examines|investigates)\b"
                              # the trial by its name, saying what it is: "The DESTINY-Breast04 trial is a phase III trial for
                              # people diagnosed with metastatic breast cancer …" (breastcancer.org)
                              r"|the\s+(?-i:[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,2})\s+(?:trial|study)\s+is\s+an?\s+"
                              r"(?:[\w/-]+\s+){0,5}?(?:trial|study)\b"
                              # a listing's one sentence on the trial, where and what it tests: "An investigator-initiated
                              # study at Beijing GoBroad Hospital evaluating an off-the-shelf, umbilical cord blood derived
                              # dual CD19-BCMA CAR-T cell therapy for …" (cancerfax.com NCT06947473); a sentence, ending
                              # in a stop, not a title ("A Study of … Evaluating …")
                              r"|an?\s+(?:[\w/-]+\s+){0,4}?(?:trial|study)\s+(?:at|in)\s+[^.\n]{3,120}?\s"
                              r"(?:evaluating|testing|investigating|assessing|exploring|comparing)\s(?=[^\n]*\.(?:\s|$)))",
                              re.IGNORECASE)


def summary_paragraph(lines: list[str]) -> str | None:
    """The first paragraph (a line of at least 80 characters) that opens by saying what this trial does: a page's
    summary when it gives it no label.

    >>> summary_paragraph(["Additional locations may be listed on ClinicalTrials.gov.",
    ...                    "This phase I/Ib trial tests the safety, side effects, and best dose of gamma delta T cell in "
    ...                    "treating patients with acute myeloid leukemia."])[:40]
    'This phase I/Ib trial tests the safety, '
    >>> summary_paragraph(["The goal of this clinical research study is to learn if giving cells called natural killer "
    ...                    "(NK) cells after receiving 1 of 3 pre-treatment plans can improve response."])[:30]
    'The goal of this clinical rese'
    >>> summary_paragraph(["This trial is currently recruiting participants. The sponsor has registered the study with "
    ...                    "ClinicalTrials.gov as actively enrolling."]) is None  # trialfinderdata.org: its status
    True
    """
    return next((fold(line) for line in lines if len(line.strip()) >= 80 and _SUMMARY_OPENING.match(line)), None)


#: A sentence break inside a paragraph: a stop, then a capital.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def summary_within_paragraph(lines: list[str]) -> str | None:
    """The sentences of a paragraph from the first that says what this trial does, where the paragraph opens with its
    background: "Outcomes for patients with recurrent or metastatic squamous cell carcinoma of the head and neck (SCCHN)
    remain quite poor … This phase I trial will establish the safety for cytokine-induced memory-like (CIML) NK cells in
    combination with N-803 in patients with recurrent or metastatic SCCHN. There will also be …" (gatewaycr.org,
    NCT04290546): the trial's summary, without the background before it.

    >>> summary_within_paragraph(["Outcomes remain quite poor with survival measured in months in most cases. This phase I "
    ...                           "trial will establish the safety for CIML NK cells in combination with N-803."])
    'This phase I trial will establish the safety for CIML NK cells in combination with N-803.'

    A sentence inside a quotation the paragraph opens is someone's words reported, no summary: "According to the Duke
    Center for Autism, “previous research has shown … The goal of this study was to investigate whether similar success
    will be shown in children with ASD.”" (bio-cord.com, generic-holdout2).
    """
    for line in lines:
        if len(line.strip()) < 80:
            continue
        parts = _SENTENCE_BREAK.split(fold(line))
        opening = next((index for index, part in enumerate(parts) if index and _SUMMARY_OPENING.match(part)), None)
        if opening is not None and not _quoting(" ".join(parts[:opening])):
            return " ".join(parts[opening:])
    return None


def _quoting(before: str) -> bool:
    """Whether text leaves a quotation open (“ without its ”): what follows is inside the quotation."""
    return before.count("“") > before.count("”")


#: The NCI's description (cancer.gov, PDQ): its parts are headed in capitals on a line of their own ("PRIMARY OBJECTIVE:",
#: "SECONDARY OBJECTIVES:", "OUTLINE:"); the outline's own parts head their sentences ("LYMPHODEPLETION: Patients
#: receive …", "ARM I: Patients receive …").
_OUTLINE_HEADING = re.compile(r"^\s*OUTLINE\s*:\s*(?P<rest>.*)$")
#: What ends the outline: another part of the description on a line of its own ("PRIMARY OBJECTIVES:"), or the page's
#: next part (cancer.gov's "Trial Phase & Type", "Lead Organization", "Eligibility Criteria", …).
_AFTER_OUTLINE = re.compile(r"^\s*(?:[A-Z][A-Z/ -]*OBJECTIVES?|PROJECTED ACCRUAL|RATIONALE|PURPOSE)\s*:\s*$"
                            r"|^\s*(?:Trial Phase|Trial Type|Lead Organi[sz]ation|Principal Investigator|Eligibility Criteria"
                            r"|Inclusion Criteria|Exclusion Criteria|Locations?\b|Trial IDs|Primary ID|Secondary IDs"
                            r"|Contacts?\b|Study Type\b|Keep in mind)")


def pdq_outline(lines: list[str]) -> str | None:
    r"""The outline of the NCI's description: the lines under "OUTLINE:" up to the description's next part, which say
    what the patients receive ("LYMPHODEPLETION: Patients receive cyclophosphamide intravenously (IV) on days -8 and
    -7 …", cancer.gov NCI-2020-14066).

    >>> pdq_outline(["PRIMARY OBJECTIVE:", "I. To determine the rate of dose limiting toxicity.", "OUTLINE:",
    ...              "LYMPHODEPLETION: Patients receive cyclophosphamide IV on days -8 and -7.",
    ...              "TRANSPLANT: Patients receive TIL IV on day 0.", "Trial Phase Phase I"]).split("\n")
    ['LYMPHODEPLETION: Patients receive cyclophosphamide IV on days -8 and -7.', 'TRANSPLANT: Patients receive TIL IV on day 0.']
    """
    start = next((index for index, line in enumerate(lines) if _OUTLINE_HEADING.match(line)), None)
    if start is None:
        return None
    parts = [_OUTLINE_HEADING.match(lines[start]).group("rest")]
    for line in lines[start + 1:]:
        if _AFTER_OUTLINE.match(line):
            break
        if parts and fold(parts[-1]) and fold(line)[:1].islower():
            # a line hard-wrapped onto the next goes on with it: "Patients undergo outpatient leukapheresis on day -4 or
            # -5, and cells are incubated ex vivo" / "with interleukin-2 (IL-2). Lymphokine-activated killer (LAK) cells
            # and IL-2 are infused on" / "day 1. ..." (knowcancer.com NCT00003067): one sentence, not three
            parts[-1] = f"{fold(parts[-1])} {fold(line)}"
            continue
        parts.append(line)
    return "\n".join(fold(part) for part in parts if fold(part)) or None


#: The parts of the NIH's summary of an intramural protocol, each heading its own line: "Background:", "Objectives:",
#: "Eligibility:", "Design:" (clinicalstudies.info.nih.gov, and ClinicalTrials.gov's brief summaries of such protocols).
_NIH_BACKGROUND = re.compile(r"^\s*Background\s*:\s*$")
_NIH_NEXT_PART = re.compile(r"^\s*(?:Objectives?|Eligibility|Design)\s*:\s*$")


def background_summary(lines: list[str]) -> str | None:
    r"""The summary of an NIH intramural protocol written in its parts: the lines under "Background:" up to
    "Objectives:", when both head a line of their own (the protocol page's text after its table,
    clinicalstudies.info.nih.gov 09-C-0053); its list items without their dashes.

    >>> background_summary(["Background:", "- A federal government mandate requires stem cell transplant centers to "
    ...                     "collect and maintain a minimum of information.", "Objectives:", "- To learn more"])
    'A federal government mandate requires stem cell transplant centers to collect and maintain a minimum of information.'
    >>> background_summary(["Background:", "Tregs prevent autoimmune disease."]) is None  # no "Objectives:" after it
    True
    """
    start = next((index for index, line in enumerate(lines) if _NIH_BACKGROUND.match(line)), None)
    if start is None:
        return None
    end = next((index for index in range(start + 1, len(lines)) if _NIH_NEXT_PART.match(lines[index])), None)
    if end is None:
        return None
    return " ".join(filter(None, (fold(re.sub(r"^\s*[-–•*]+\s*", "", line)) for line in lines[start + 1:end]))) or None


def title_above_summary(text: str) -> str | None:
    """The line right above the page's unlabelled summary paragraph, when it reads as a title: a page of bare values
    (npcf.us: dates, counts, the sponsor, "INTERVENTIONAL", then the title over "This study will analyze …").
    """
    lines = [line for line in text.split("\n") if line.strip()]
    summary = next((index for index, line in enumerate(lines)
                    if len(line.strip()) >= 80 and _SUMMARY_OPENING.match(line)), None)
    if not summary:
        return None
    above = fold(lines[summary - 1])
    return above if _reads_as_title(above) else None


#: A start date as a facts line states it: "Started 2009-01", "Started: March 2021".
_STARTED = re.compile(r"(?:\b|(?<=[a-z]))Started:?\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?|[A-Z][a-z]+\.?\s+(?:\d{1,2},\s+)?\d{4})\b")


def stated_start(text: str) -> str | None:
    """The start date a facts line states.

    >>> stated_start("South Korea47 participantsStarted 2009-01"), stated_start("Started March 2021")
    ('2009-01', '2021-03')
    >>> stated_start("Treatment is started 2 weeks after")
    """
    match = _STARTED.search(text or "")
    return parse_date(match.group("date")) if match else None


#: A line that opens with the trial's phase, then a dash, a bullet or nothing: "Phase 1 — Testing in a small group
#: (usually 20–80 people) to find a safe dose …" (stellatrials.com), "PHASE2 · St. Jude Children's Research Hospital ·
#: NCT06847269" (findatrial.com). Not "Phase I: Patients receive …", the part of an outline that a phase I/II trial gives
#: each of its phases.
_PHASE_LINE = re.compile(rf"^[ \t]*(?P<phase>{_PHASE_WORDS})(?![a-z0-9])[ \t]*(?:[—–·|]|-[ \t]|$)", re.IGNORECASE | re.MULTILINE)


def phase_line(text: str) -> list[str]:
    """The phase a line opens with, as a page's heading or facts line states it.

    >>> phase_line("Phase 1 — Testing in a small group (usually 20–80 people) to find a safe dose and watch for side effects.")
    ['PHASE1']
    >>> phase_line("PHASE2 · St. Jude Children's Research Hospital · NCT06847269")
    ['PHASE2']
    >>> phase_line("Phase I: Patients receive an infusion of donor natural killer (NK) cells on days 18 and 21.")
    []
    """
    match = _PHASE_LINE.search(text)
    return parse_phases(match.group("phase")) if match else []


#: The quoted title that follows "titled" after the trial's number; it ends at a closing quote followed by a space or a
#: stop (an apostrophe inside a word, "Hodgkin's", does not end it).
_QUOTED_TITLE = re.compile(r"(?P<title>[^\n]{10,400}?)['\"’”](?=[\s.,;)]|$)")


def title_named_by_number(text: str, identifiers: list[Identifier]) -> str | None:
    """The title a sentence gives the trial after its number: "… received information related to the study
    (NCT06991361) titled 'Ex Vivo-Expanded (EVE) Regulatory T Cells in Combination With Low-Dose Interleukin-2 for
    Steroid-Refractory Chronic Graft-versus-Host-Disease' on May 20." (a news wire's copy of a registry record).
    """
    for _, match in _first_mentions(r"\(\s*{number}\s*\),?\s+(?:en)?titled\s+['\"‘“]", text, identifiers):
        quoted = _QUOTED_TITLE.match(text, match.end())
        if quoted and _reads_as_title(fold(quoted.group("title"))):
            return fold(quoted.group("title"))
    return None


def title_quoted_before_number(text: str, identifiers: list[Identifier]) -> str | None:
    r"""The title a sentence gives the trial in double quotes just before its number in brackets: "Estimated enrollment
    for “Phase III Randomized, Double-Blind Study of Pembrolizumab plus Epacadostat vs Pembrolizumab plus placebo as
    First-line Treatment in Patients with Metastatic NSCLC expressing high levels of PDL1” (NCT03322540) is more than 580
    patients …" (medstarresearch.blogspot.com), when the quoted words read as a title; not a quoted remark ("“We were
    the first in the world.” (NCT03322540)").

    >>> title_quoted_before_number("Enrollment for “Phase III Study of Pembrolizumab plus Epacadostat in NSCLC” "
    ...                            "(NCT03322540) is 580.", [Identifier("NCT03322540", "NCT")])
    'Phase III Study of Pembrolizumab plus Epacadostat in NSCLC'
    >>> title_quoted_before_number("She said “we were the first in the world to enrol.” (NCT03322540)",
    ...                            [Identifier("NCT03322540", "NCT")]) is None
    True
    """
    for _, match in _first_mentions(r"[“\"](?P<title>[^“”\"\n]{20,400})[”\"]\s*\(\s*{number}\s*\)", text, identifiers):
        title = fold(match.group("title"))
        return title if _reads_as_title(title, longest=60) else None
    return None


#: What participants are given or undergo, as a page tells them or of them: "You'll receive preparation chemotherapy for
#: a few days, then the engineered cells are infused into your bloodstream." (stellatrials.com), "Patients will receive a
#: three-day regimen of chemotherapy consisting of fludarabine and cyclophosphamide …, patients are intravenously infused
#: autologous anti-CD19 CAR T cells." (cdek.wustl.edu).
#: One patient's course, as a design tells it: "Two weeks after the first infusion the patient receives the same dose again,
#: followed by infusions of IL-2 for 5 days." (smartpatients.com NCT01694472, under "Study Design").
#: And in the past, as a sponsor's page reports its finished study: "Patients who had successfully achieved complete remission
#: after chemotherapy were treated with oNKord®, comprising natural killer cells (NK-cells) generated ex vivo from umbilical
#: cord blood progenitor cells." (glycostem.com, EudraCT 2010-018988-41).
_GIVEN = re.compile(r"\b(?:you|patients?|participants?|subjects?)(?:\s+will|\s+then|['’]ll)?\s+(?:receives?|undergo(?:es)?"
                    r"|be\s+given)\b"
                    r"|\b(?:are|is|will\s+be|were|was)\s+(?:\w+ly\s+)?(?:infused|injected|transfused|administered)\b"
                    r"|\b(?:patients|participants|subjects)\b[^.;]{0,120}?\b(?:were|was)\s+(?:treated|given)\s+(?:with\s+)?\S",
                    re.IGNORECASE)


def given_paragraphs(lines: list[str]) -> list[str]:
    """The paragraphs (lines of at least 80 characters) that say what the participants are given or undergo: a page's
    treatment, when no label heads it.

    >>> given_paragraphs(["First, you will have cells collected from your blood during an outpatient procedure. You'll "
    ...                   "receive preparation chemotherapy for a few days, then the engineered cells are infused."])[0][:20]
    'First, you will have'
    >>> given_paragraphs(["Patients who have received prior allogeneic stem cell transplantation within 100 days are "
    ...                   "not eligible for this study."])
    []
    """
    return [fold(line) for line in lines if len(line.strip()) >= 80 and _GIVEN.search(line)]


#: How a paper or a news item states the registration of the trial it reports: "This trial was registered at
#: www.clinicaltrials.gov as #NCT01287104.", "Trial registration number: NCT02968459".
_REGISTRATION = re.compile(r"\bregistered\s+(?:at|with|in|on|as)\b|\btrial\s+registration\b", re.IGNORECASE)


def registration_statement(text: str) -> bool:
    """Whether the text states where the trial it reports was registered, as a paper does (a trial page shows its number).

    >>> registration_statement("This trial was registered at www.clinicaltrials.gov as #NCT01287104.")
    True
    >>> registration_statement("Plain-English translation of NCT07172958 on ClinicalTrials.gov")
    False
    """
    return bool(_REGISTRATION.search(text))


#: The registry's design as one line of its own labels and values, as its records printed it before 2017 and its mirrors
#: copy it: "Endpoint Classification: Safety Study, Intervention Model: Single Group Assignment, Masking: Open Label, Primary
#: Purpose: Treatment" (knowcancer.com NCT00586703; apps.who.int NCT02218437 after "Study design:").
_DESIGN_LABEL = (r"(?:Allocation|Endpoint Classification|Intervention Model|Masking|Primary Purpose|Observational Model"
                 r"|Time Perspective)")
_REGISTRY_DESIGN_LINE = re.compile(rf"{_DESIGN_LABEL}:\s*[^,:\n]{{2,60}},\s*{_DESIGN_LABEL}:\s*[^,:\n]{{2,60}}")


def registry_design_line(text: str) -> bool:
    """Whether the text prints the registry's design line (two or more of its labels, each with its value, in one line).

    >>> registry_design_line("Endpoint Classification: Safety Study, Intervention Model: Single Group Assignment, "
    ...                      "Masking: Open Label, Primary Purpose: Treatment")
    True
    >>> registry_design_line("Masking: None (Open Label)")
    False
    """
    return bool(_REGISTRY_DESIGN_LINE.search(text))


#: The cells a plain-language page names as the trial's treatment: "This trial is testing a new treatment called CAR-TA T
#: cells—specialized immune cells that are engineered in a lab …" (stellatrials.com), "The researchers want to see how
#: effective a treatment called CAR T cell therapy is, which works by using modified immune cells …" (clinconnect.io).
#: "This study is testing a new approach called SARS-CoV-2-specific cytotoxic T lymphocytes (immune cells trained to fight
#: the COVID-19 virus) to treat people hospitalized with mild to moderate COVID-19" (stellatrials.com NCT04896606).
_TREATMENT_CALLED = re.compile(r"\b(?:a|the)\s+(?:new\s+|experimental\s+|investigational\s+)?(?:treatment|therapy|approach)\s+"
                               r"called\s+"
                               r"(?P<name>[^,.;:()—–\n]{3,80}?)(?=\s*[,.;:()—–]|\s+(?:is|are|which|that|to|for|in)\b|\s*$)",
                               re.IGNORECASE)
_CELLS_NAMED = re.compile(r"\bcells?\b|\bcell\s+therap|\blymphocytes?\b", re.IGNORECASE)


def treatment_called(text: str) -> str | None:
    """The cells a sentence names as the trial's treatment ("a new treatment called X"); none where the treatment named
    is no cells ("a study of a treatment called induction immunotherapy that uses the patient's own T cells").

    >>> treatment_called("This trial is testing a new treatment called CAR-TA T cells—specialized immune cells that are")
    'CAR-TA T cells'
    >>> treatment_called("The researchers want to see how effective a treatment called CAR T cell therapy is, which works")
    'CAR T cell therapy'
    >>> treatment_called("This study is testing a new approach called SARS-CoV-2-specific cytotoxic T lymphocytes (immune")
    'SARS-CoV-2-specific cytotoxic T lymphocytes'
    >>> treatment_called("is leading a study of a treatment called induction immunotherapy that uses the patient’s own") is None
    True
    """
    match = _TREATMENT_CALLED.search(text)
    return fold(match.group("name")) if match and _CELLS_NAMED.search(match.group("name")) else None


def official_title_line(text: str, title: str | None) -> str | None:
    r"""The registry's official title, printed on the line under the page's title as a second title: findatrial.com's
    headline "Using T cells to treat high-risk solid tumors" over "Phase I Research Study Utilizing Allogeneic Multi
    Tumor-Associated Antigen-Specific T Lymphocytes to Advance the Care of Patients With High-Risk Solid Tumors";
    seattlecca.org's "Donor Lymphocyte Infusion in Treating Patients … (FHCRC-1803)" over "Donor Lymphocyte Infusion
    for the Treatment Of Malignancy After Hematopoietic Cell Transplantation Using Nonmyeloablative Conditioning - A
    Multi-Center Trial". The next line must read as a title too (five to forty words, no sentence end, no register
    number, no banner words) and say something else.

    >>> official_title_line("Using T cells to treat solid tumors\n\nPhase I Study Utilizing Allogeneic T Lymphocytes "
    ...                     "for Solid Tumors\n\nPHASE1 · Sponsor · NCT05238792", "Using T cells to treat solid tumors")
    'Phase I Study Utilizing Allogeneic T Lymphocytes for Solid Tumors'
    >>> official_title_line("Using T cells to treat solid tumors\nThis study is testing a new type of immune therapy.",
    ...                     "Using T cells to treat solid tumors") is None
    True
    """
    if not title:
        return None
    lines = [fold(line) for line in text.split("\n") if line.strip()]
    for index, line in enumerate(lines[:-1]):
        if line.startswith(title):
            below = lines[index + 1]
            return below if _reads_as_title(below) and _title_cased(below) and below.lower() != title.lower() \
                and ":" not in below else None
    return None


def _title_cased(line: str) -> bool:
    """A registry's title capitalises its words: most words of four letters or more open with a capital ("Donor
    Lymphocyte Infusion for the Treatment Of Malignancy …"); a sentence does not.
    """
    words = [word for word in re.findall(r"[^\W\d_][\w'-]*", line) if len(word) >= 4]
    return bool(words) and sum(word[0].isupper() for word in words) >= 0.6 * len(words)


#: The parts of the NCI's PDQ summary, in capitals at the start of a paragraph ("RATIONALE: Drugs used in chemotherapy
#: …", "OBJECTIVES: I. Compare the efficacy of …"), as pages that copy a PDQ-era record print them without a label.
_PDQ_RATIONALE = re.compile(r"^\s*RATIONALE\s*:\s*\S")
_PDQ_OBJECTIVES = re.compile(r"^\s*(?:PRIMARY\s+|SECONDARY\s+)?OBJECTIVES?\s*:\s*\S")
#: cancer.gov's own pages head each part on a line of its own and number its objectives below: "PRIMARY OBJECTIVE:" /
#: "I. To investigate if donor lymphocytes depleted of ... can be infused on day 28 ..." / "SECONDARY OBJECTIVES:" / "I. …"
#: / "II. …" (NCI-2021-04180).
#: (the spaces after the optional word belong to it: two runs of spaces side by side made a line of spaces quadratic)
_PDQ_OBJECTIVES_HEADING = re.compile(r"^\s*(?:(?:PRIMARY|SECONDARY|TERTIARY|EXPLORATORY)\s*)?OBJECTIVES?\s*:\s*$")
_NUMBERED_OBJECTIVE = re.compile(r"^\s*[IVX]{1,5}\.\s+\S")
#: The same part's heading in the record's 2008 print, a word alone on its line: "Objectives".
_ARCHIVED_OBJECTIVES_HEADING = re.compile(r"^Objectives[ \t]*$")
#: knowcancer.com's bullets, each wrapped over lines: "OBJECTIVES:" / "- Confirm the antitumor efficacy of intracavitary
#: interleukin-2 plus autologous" / "lymphokine-activated killer cells in patients with ..." / "- Determine whether ..." /
#: "OUTLINE: Patients receive ..." (knowcancer.com NCT00003067); the next part's heading ends them.
_BULLETED_OBJECTIVE = re.compile(r"^\s*[-*•]\s+\S")
_PDQ_PART = re.compile(r"^\s*[A-Z][A-Z ]{2,30}:")


def pdq_summary(lines: list[str]) -> str | None:
    """The NCI's summary a page prints without a label: the paragraph that opens "RATIONALE:" (its "PURPOSE:" on the
    same line or the next).

    >>> pdq_summary(["RATIONALE: Drugs used in chemotherapy use different ways to stop tumor cells from dividing. "
    ...              "PURPOSE: Randomized phase II trial to compare gemcitabine with biological therapy."])[:30]
    'RATIONALE: Drugs used in chemo'
    >>> pdq_summary(["PURPOSE:", "Giving an infusion of natural killer cells may help kill cancer cells."]) is None
    True
    """
    for index, line in enumerate(lines):
        if _PDQ_RATIONALE.match(line):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            purpose = following if re.match(r"^\s*PURPOSE\s*:\s*\S", following) and "PURPOSE:" not in line else ""
            return " ".join(filter(None, [fold(line), fold(purpose)]))
    return None


def pdq_objectives(lines: list[str]) -> str | None:
    r"""The objectives of the NCI's description a page prints without a label, on their own paragraph ("OBJECTIVES: I.
    Compare the efficacy of CYTOIMPLANT (intratumor implants of allogeneic peripheral blood mononuclear cells …) vs
    gemcitabine …", findmecure.com NCT00003780; "OBJECTIVES: Primary * To assess the safety of donor natural killer (NK)
    cell infusion …", crick.ai NCT00823524).

    >>> pdq_objectives(["OBJECTIVES: I. Compare the efficacy of CYTOIMPLANT vs gemcitabine in these patients."])[:20]
    'OBJECTIVES: I. Compa'
    >>> pdq_objectives(["PRIMARY OBJECTIVE:", "I. To investigate if donor lymphocytes can be infused on day 28.",
    ...                 "SECONDARY OBJECTIVES:", "I. To characterize the yield.", "II. To describe relapse.",
    ...                 "Trial Phase Phase I"]).split("\n")[1]
    'SECONDARY OBJECTIVES: I. To characterize the yield. II. To describe relapse.'
    """
    inline = next((fold(line) for line in lines if _PDQ_OBJECTIVES.match(line)), None)
    if inline:
        return inline
    parts = []
    read_to = 0  # (the archived objectives taken so far: each line is read once)
    for index, line in enumerate(lines):
        if _PDQ_OBJECTIVES_HEADING.match(line):
            items = list(takewhile(_NUMBERED_OBJECTIVE.match, lines[index + 1:]))
            if not items and index + 1 < len(lines) and _BULLETED_OBJECTIVE.match(lines[index + 1]):
                # bullets, each wrapped over lines, up to the next heading ("OUTLINE: Patients receive ...")
                items = list(takewhile(lambda item: fold(item) and not _PDQ_PART.match(item), lines[index + 1:]))
            if items:
                parts.append(" ".join([fold(line), *map(fold, items)]))
        elif index >= read_to and _ARCHIVED_OBJECTIVES_HEADING.match(line):
            # cancer.gov's PDQ record as archived in 2008: "Objectives" alone, a blank line, then numbered objectives
            # hard-wrapped over lines up to a blank line ("I.  Evaluate the toxicity and therapeutic efficacy of" /
            # "interleukin-2/cyclophosphamide in patients with advanced cancer." / "II.  …", webarchive.library.unt.edu
            # NCI-86-C-183E); the same word in the page's contents, a heading over no numbered line, heads nothing
            start = next((after for after in range(index + 1, min(index + 3, len(lines))) if fold(lines[after])), None)
            if start is not None and _NUMBERED_OBJECTIVE.match(lines[start]):
                items = list(takewhile(fold, map(lines.__getitem__, range(start, len(lines)))))
                read_to = start + len(items)
                parts.append(" ".join(["Objectives:", *map(fold, items)]))
    return "\n".join(parts) or None


#: A bulleted intervention as the registry types it: "• Biological: tumor infiltrating lymphocyte therapy".
_TYPED_BULLET = re.compile(r"^\s*[-*•]\s+(?P<type>[A-Z][A-Za-z ]{1,25}?)\s*:\s*(?P<name>\S.*?)\s*$")


def typed_intervention_list(lines: list[str]) -> list[str]:
    """The interventions a page lists without a label, as bullets typed the registry's way: a run of bulleted lines
    each of which opens with an intervention type ("• Biological: tumor infiltrating lymphocyte therapy", "• Drug:
    gemcitabine hydrochloride", findmecure.com). A bulleted run with any other item (a criterion that mentions "Drug:")
    lists something else.

    >>> typed_intervention_list(["  • Biological: tumor infiltrating lymphocyte therapy", "    • Drug: gemcitabine hydrochloride",
    ...                          "      Ages eligible for Study"])
    ['Biological: tumor infiltrating lymphocyte therapy', 'Drug: gemcitabine hydrochloride']
    >>> typed_intervention_list(["- Drug: none within 4 weeks", "- Pregnant or nursing"])
    []
    """
    found: list[str] = []
    run: list[str] = []
    typed = True
    for line in [*lines, ""]:
        if re.match(r"^\s*[-*•]\s+\S", line):
            match = _TYPED_BULLET.match(line)
            typed = typed and bool(match and lookup("intervention-type", match.group("type")))
            run.append(f"{match.group('type')}: {match.group('name')}" if match else line)
            continue
        if run and typed:
            found += run
        run, typed = [], True
    return found


#: The names of icons a site draws with an icon font (Google's Material Symbols), which the page's text keeps glued to
#: the words after them: "circleActive — Recruitment in Progress", "sciencePhase 1 — Investigator-Initiated",
#: "labelAllogeneic Cell Therapy", "tagRegistry ID: NCT06947473", "shieldClinical trial participation is …"
#: (cancerfax.com NCT06947473).
_ICON_NAME = re.compile(r"^(?P<indent>[ \t]*)(?:circle|science|label|tag|shield|info|schedule|event|place|location_on"
                        r"|person|groups?|calendar_today|call|mail|language|public|verified|check_circle|local_hospital"
                        r"|medical_services|biotech|description|assignment)(?=[A-Z][a-z]|[A-Z]\w*\s)", re.MULTILINE)


def without_icon_names(text: str) -> str:
    r"""The text without the icon names glued to the start of its lines (:data:`_ICON_NAME`), on a page that glues two
    or more: one glued word could be a name written that way ("infoMed").

    >>> without_icon_names("CancerFax\nlabelAllogeneic Cell Therapy\nlabelCord Blood Derived\ninfo")
    'CancerFax\nAllogeneic Cell Therapy\nCord Blood Derived\ninfo'
    >>> without_icon_names("infoMed Clinic\nA study")
    'infoMed Clinic\nA study'
    """
    if len(_ICON_NAME.findall(text, 0, 20000)) < 2:
        return text
    return _ICON_NAME.sub(r"\g<indent>", text)


#: A line the "label" icon opens: a tag the page gives its trial ("labelAllogeneic Cell Therapy").
_TAG_LINE = re.compile(r"^[ \t]*label(?P<tag>[A-Z][^\n]{1,80}?)[ \t]*$", re.MULTILINE)


def icon_tags(text: str) -> list[str]:
    r"""The tags a page marks with the "label" icon, on a page that glues icon names to its lines (:func:`without_icon_names`):
    "labelAllogeneic Cell Therapy", "labelCord Blood Derived" (cancerfax.com NCT06947473), the trial's keywords.

    >>> icon_tags("circleActive\nlabelAllogeneic Cell Therapy\nlabelCord Blood Derived")
    ['Allogeneic Cell Therapy', 'Cord Blood Derived']
    """
    if without_icon_names(text) is text:
        return []
    return [fold(match.group("tag")) for match in _TAG_LINE.finditer(text)]
