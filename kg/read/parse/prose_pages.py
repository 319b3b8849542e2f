"""Pages about one trial that state its register number only in their prose: news items and press releases.

A news item names the trial it reports by its number inside a sentence ("The first patient has been dosed in
Artiva Biotherapeutics phase 1 clinical trial (NCT06265220) evaluating AlloNK (AB-101), …", cgtlive.com; "(APOLLO;
clinicaltrials.gov identifier: NCT05798897).", 4-traders.com), with no label of a trial page around it. Such a page
is that trial's document when it names exactly one trial: one register number, however often, or one number and
the same trial's number in another register stated with it ("(NCT… ; EudraCT 2020-…)"). A page naming several
trials (a second trial "(NCT04673617)" the product is "already being evaluated in") or none is no trial's page.

Read as such, the page gives its number, the title its text names the trial by (none from its headline: a news
item's headline is the item's, not the trial's), and its text, headline included, as the trial's description for the
enrichment; a status or phase only when a label states it, nothing else guessed.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from kg.model.identifiers import find_registry_ids
from kg.model.records import Identifier, TrialRecord
from kg.model.text import fold
from kg.model.vocab import lookup
from kg.read.parse.cues import (
    FIELD_LINE,
    first_line_title,
    registration_statement,
    title_named_by_number,
    title_quoted_before_number,
    title_under_acronym,
)
from kg.read.parse.fields import parse_phases
from kg.read.parse.labels import Reading, label_of

__all__ = ["one_trial_in_prose", "designated_study", "headline", "prose_lines", "amend"]

#: A sentence holding the number: a line of at least this many words.
_SENTENCE_WORDS = 12
#: What may stand between two numbers of one trial stated together: "(NCT04324996; EudraCT 2020-001234-56)",
#: "NCT… and ISRCTN…", "NCT… (EU CT number 2023-…)".
_TOGETHER = re.compile(r"(?i)^[\s,;:/()\[\].–-]*(?:(?:and|or|also|registered|as|under|with|the|identifiers?|numbers?|no|ids?|"
                       r"clinicaltrials\.gov|eudract|eu\s*ct|euctr|ctis|isrctn|drks|chictr|anzctr|jrct|ctri|registry|register)"
                       r"\b[\s,;:/()\[\].–-]*){0,6}$")


#: The most characters between two numbers of one trial stated together.
_GAP = 80
#: The most characters between a statement of registration and the number it gives ("registered at www.clinicaltrials.gov
#: as #NCT01287104", "registered at ClinicalTrials.gov.\nIdentifier: NCT…").
_REGISTERED_GAP = 120


def _mentions(text: str, identifier: Identifier) -> list[re.Match[str]]:
    """Where the text writes the number (its first twenty mentions: a page about one trial names it a few times)."""
    return list(itertools.islice(re.finditer(re.escape(identifier.value), text), 20))


def _in_sentence(text: str, mention: re.Match[str]) -> bool:
    """A number inside a sentence: its line holds at least twelve words (or fewer, the sentence giving the number by its
    identifier: "using identifier: NCT04035434."), and the sentence goes on after the number
    in lower case ("(NCT03019666) at the Masonic Cancer Center") or ends with it
    ("identifier: NCT05798897)."); not a title before its number ("… Nephropathy (NCT07535138) | Clinical Trial Compass").
    """
    start = text.rfind("\n", 0, mention.start()) + 1
    end = text.find("\n", mention.end())
    end = len(text) if end < 0 else end
    after = text[mention.end():end]
    short = len(text[start:end].split()) < _SENTENCE_WORDS
    if short and not _IDENTIFIER_PHRASE.search(text[max(start, mention.start() - 60):mention.start()]) \
            or _SENTENCE_GOES_ON.match(after) is None:
        return False
    return not _another_study(text, mention)


#: The words a shorter sentence gives the number by, after a word of it in lower case: "Additional details may be found
#: at, using identifier: NCT04035434." (a release reprinted on wallstreet-online.de, its link's text lost), "more at
#: ClinicalTrials.gov (identifier NCT…)"; a line that opens with them is a label ("ClinicalTrials.gov Identifier: NCT…").
_IDENTIFIER_PHRASE = re.compile(r"(?<!\S)[a-z][a-z-]*,?\s+(?:(?i:clinicaltrials\.gov)[\s,(:]*(?:(?i:identifier)\s*[:#]?\s*)?"
                                r"|(?i:identifier)\s*[:#]?\s*)$")


#: What follows a number inside a sentence: the sentence going on in lower case, or its end ("identifier:
#: NCT05798897)."), a footnote's number on that end ("a phase 2 trial (NCT04582201).1", cgtlive.com), or the trial's
#: name in brackets first ("clinical trial (NCT05302037) (“ANGELICA Trial”).", a GlobeNewswire release).
_SENTENCE_GOES_ON = re.compile(r"[\s)\]]*(?:\([^()\n]{1,60}\)[\s)\]]*)?(?:[a-z]|[.,;:]\d{0,3}(?:\s|$))")


#: "This study", "the present trial": the page's own study, in a sentence that names a numbered one.
_THIS_STUDY = re.compile(r"(?i)\b(?:this|the\s+present|the\s+current|our)\s+(?:[\w-]+\s+){0,3}?(?:study|trial)\b")


#: A trial the sentence calls another than the page's: "an earlier trial", "a previous phase 1 study", "other trials".
_OTHER_STUDY = re.compile(r"(?i)\b(?:earlier|previous|prior|former|another|other|separate|parent|preceding)\s+"
                          r"(?:[\w/-]+\s+){0,3}?(?:study|studies|trials?)"
                          # then nothing but the number's label: "an earlier trial (ClinicalTrials.gov Identifier: NCT…"
                          r"[\s(\[,:#]*(?:(?:clinicaltrials\.gov|identifier|number|no|registered|as|under|id)\b[\s(\[,:.#]*)*$")


#: What may stand between "This trial" and its own number: brackets, and the number's label; or what the trial is, then
#: those: "This trial was a single-center, phase I study (ClinicalTrials.gov NCT04443296)" (jci.org).
_LABEL_BETWEEN = re.compile(r"(?i)(?:\s+(?:is|was)\s+an?\s+[^.()]{0,80}?\b(?:study|trial))?"
                            r"[\s(\[]*(?:(?:clinicaltrials\.gov|eudract|isrctn|registry|registration|trial|study)\s*)*"
                            r"(?:identifier|number|no\.?|id)?[\s:#]*")


def _another_study(text: str, mention: re.Match[str]) -> bool:
    """The number names another trial than the page's: its sentence speaks of "this study" apart from it ("This study is
    linked the ACT-I Phase I trial (ACTRN12618000076279).", an ANZCTR record's text), or calls the trial it numbers an
    earlier or another one ("Background: an earlier trial (ClinicalTrials.gov Identifier: NCT01287104) gave NK cells
    after a transplant.", tests/test_generic_reader.py).
    """
    start = max(text.rfind(". ", 0, mention.start()) + 1, text.rfind("\n", 0, mention.start()) + 1)
    stop = text.find(". ", mention.end())
    sentence_before, sentence_after = text[start:mention.start()], text[mention.end():stop if stop >= 0 else len(text)]
    if _OTHER_STUDY.search(sentence_before[-80:]):
        return True
    own = _THIS_STUDY.search(sentence_before)
    # "This trial (NCT…)": the number is this study's
    # (and its number's label between: "This is a pilot trial (ClinicalTrials.gov identifier: NCT00937625) including
    # patients with metastatic melanoma", translational-medicine.com)
    attached = own is not None and _LABEL_BETWEEN.fullmatch(sentence_before[own.end():]) is not None
    return (own is not None and not attached) or _THIS_STUDY.search(sentence_after.split("\n")[0]) is not None \
        or _named_another(text, sentence_before)


#: A study called by its name: "the ONE Study", "The TWO Study", "the SELECT trial" (not "the Phase IIb trial").
_NAMED_STUDY = re.compile(r"\b[Tt]he\s+(?!Phase\b)(?P<name>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,2})\s+(?:[Ss]tudy|[Tt]rial)\b")


def _named_another(text: str, sentence_before: str) -> bool:
    """The number stands by a study's name, and the page names another study by its name more often: it numbers that
    other study, not the page's ("The TWO Study is a Phase IIb randomised controlled trial …" / "Having proven the
    safety and feasibility of Treg-based immunotherapy in the ONE Study (EudraCT number: 2013-002099-42), the TWO Study
    aims …", ndorms.ox.ac.uk, generic-holdout3).
    """
    named = [match for match in _NAMED_STUDY.finditer(sentence_before)
             if _LABEL_BETWEEN.fullmatch(sentence_before[match.end():]) is not None]
    if not named:
        return False
    counts = Counter(match.group("name") for match in _NAMED_STUDY.finditer(text))
    own = named[-1].group("name")
    return any(count > counts[own] for name, count in counts.items() if name != own)


def _stated_together(text: str, identifiers: list[Identifier]) -> bool:
    """Numbers of different registers, each stated right by the first ("(NCT… ; EudraCT …)"): one trial's numbers."""
    if len({identifier.scheme for identifier in identifiers}) != len(identifiers):
        return False
    first = _mentions(text, identifiers[0])
    for other in identifiers[1:]:
        if not any(_TOGETHER.match(text[min(a.end(), b.end()):max(a.start(), b.start())])
                   for a in first for b in _mentions(text, other)
                   if 0 <= b.start() - a.end() <= _GAP or 0 <= a.start() - b.end() <= _GAP):
            return False
    return True


def _registered_as(text: str, identifiers: list[Identifier]) -> bool:
    """A paper stating where the trial it reports was registered, under its number ("This trial was registered at
    www.clinicaltrials.gov as #NCT01287104.", tests/test_generic_reader.py; "Trial registration: NCT…"): a report of
    the trial, not its document. A release saying only that its trial is registered, its number before it
    ("This trial has been registered with and has received clinical trial authorisation from the Health Sciences
    Authority in Singapore.", markets.businessinsider.com), states no registration of a paper.
    """
    if re.search(r"(?i)\btrial\s+registration\b", text):
        return True
    return any(registration_statement(text[max(0, mention.start() - _REGISTERED_GAP):mention.start()])
               for identifier in identifiers for mention in _mentions(text, identifier))


#: A sponsor's designation of its study in brackets right after "the study" or "the trial": "The primary objective of
#: the study (CELZ-201) is to evaluate AlloStem™ in patients with newly diagnosed Type 1 Diabetes." (a PR Newswire release,
#: biospace.com): capitals, a hyphen, digits.
_DESIGNATED = re.compile(r"\b[Tt]he\s+(?:study|trial)\s+\((?P<code>[A-Z][A-Z0-9]{1,9}-\d{2,}[A-Za-z0-9-]*)\)")


def designated_study(text: str) -> list[Identifier]:
    """The sponsor's designation of the one study a page names so, on a page with no register number: its key (scheme
    ORG, the last rung of the key rule); none on a page with a register number or two designations.

    >>> designated_study("The primary objective of the study (CELZ-201) is to evaluate AlloStem™ in patients.")
    [Identifier(value='CELZ-201', scheme='ORG')]
    >>> designated_study("The study (CELZ-201) follows the trial (CELZ-100)."), designated_study("The study (n=20) ended.")
    ([], [])
    """
    if find_registry_ids(text):
        return []
    codes = {match.group("code") for match in _DESIGNATED.finditer(text)}
    return [Identifier(codes.pop(), "ORG")] if len(codes) == 1 else []


def one_trial_in_prose(text: str) -> list[Identifier]:
    """The numbers of the one trial a page names, when it names it inside a sentence; none when the page names no
    trial, several, or its number nowhere in a sentence. A page with no register number: the sponsor's designation of
    its study, if it gives one (:func:`designated_study`).

    >>> [i.value for i in one_trial_in_prose("The trial (NCT03019666) at the Masonic Cancer Center, University of "
    ...                                      "Minnesota, will include 24 patients aged 18 to 70.")]
    ['NCT03019666']
    >>> one_trial_in_prose("Efficacy and Safety of CD19 CAR-γδ T Cells in the Treatment of Relapsed/Refractory Autoimmune "
    ...                    "Nep… (NCT07535138) | Clinical Trial Compass")
    []
    """
    identifiers = find_registry_ids(text)
    if not identifiers:
        return designated_study(text)
    if _registered_as(text, identifiers) or len(identifiers) > 1 and not _stated_together(text, identifiers):
        return []
    if not any(_in_sentence(text, mention) for identifier in identifiers for mention in _mentions(text, identifier)):
        return []
    return identifiers




def headline(text: str) -> str | None:
    r"""The page's headline: its first line when it reads as a title, not a "Field: value" line.

    >>> headline("Artiva Biotherapeutics Doses First Patient With NK Cell Therapy AlloNK in Lupus Trial\n\nNews")
    'Artiva Biotherapeutics Doses First Patient With NK Cell Therapy AlloNK in Lupus Trial'
    >>> headline("Candidate: Natural killer (NK) cell therapy\n\nType: Universal off-the-shelf NKG2D-ACE2 CAR-NK cells") is None
    True
    """
    title = first_line_title(text)
    return None if title is None or FIELD_LINE.match(title) else title


def prose_lines(text: str, title: str | None) -> list[str]:
    """The page's lines of four or more words, the headline aside: its sentences and "Field: value" lines ("Type:
    Universal off-the-shelf NKG2D-ACE2 CAR-NK cells"), not its bylines and credits ("Credit: Artiva", "News").
    """
    return [line for line in map(fold, text.split("\n")) if len(line.split()) >= 4 and line != title]


def _opens_with_another_field(title: str) -> bool:
    """A title that is a labelled line of another field ("Status: Chongqing Sidemu Biotechnology Technology and …")."""
    name, _ = label_of(title)
    return FIELD_LINE.match(title) is not None and name not in (None, "title", "official_title")


def amend(record: TrialRecord, text: str, found: Reading, trial_page: bool) -> TrialRecord:
    """A record the generic reader made of a page, as a page about one trial in prose reads.

    On a page the generic reader takes as a trial's own page (``trial_page``), only a title that is another field's
    labelled line is changed: the page's headline, if any, is the title, and the page's text the description (a
    news item's "Status: … (NCT04324996) assessing …" under its "Candidate:" and "Type:" lines, genengnews.com). A page
    taken only for naming one trial in prose gives the title its text names the trial by, if any, its text (headline
    included) as description, and a status or phase only from a label. Its headline is no title: it tells the news
    ("Phase 2 Trial Will Assess Autologous Mesenchymal Stem Cell Therapy to Treat Progressive Forms of MS",
    multiplesclerosisnewstoday.com; "Treg Therapy Found Safe, Effective at Slowing ALS in Small Trial",
    alsnewstoday.com), or is the site's tagline over it ("Integrated personalized cell technologies for improving health
    outcomes in children and adults", pact.wisc.edu), never the registered title of the trial it reports.
    """
    labelled_title = record.title is not None and _opens_with_another_field(record.title)
    if trial_page and not labelled_title:
        return record
    # the title the text names its trial by: "… the study (NCT03093350) titled 'TUMOR-ASSOCIATED ANTIGEN (TAA)-SPECIFIC
    # CYTOTOXIC T LYMPHOCYTES …'", under the headline "Clinical Trial: …", info.shine.com
    # (or the descriptive line under the study's acronym heading: "TRAUMACELL" / "Effets de l'administration …",
    # prod-meary.adimeo.tech)
    # (or the title it quotes before the number: "Estimated enrollment for “Phase III Randomized, Double-Blind Study of
    # Pembrolizumab plus Epacadostat …” (NCT03322540)", medstarresearch.blogspot.com)
    named = (title_named_by_number(text, record.identifiers) or title_quoted_before_number(text, record.identifiers)
             or title_under_acronym(text))
    record.title = (headline(text) or named) if trial_page else named
    if not trial_page:
        record.status = next(filter(None, (lookup("status", fold(value)) for value in found.sections.get("status", []))), None)
        record.phases = next(filter(None, (parse_phases(fold(value)) for value in found.sections.get("phase", []))), [])
    known = "\n".join(filter(None, [record.brief_summary, record.detailed_description]))
    added = [line for line in prose_lines(text, record.title) if line not in known]
    record.detailed_description = "\n".join(filter(None, [record.detailed_description, *added])) or None
    return record
