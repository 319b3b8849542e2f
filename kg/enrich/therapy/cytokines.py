"""Cytokines: which ones a trial gives patients or grows its cells with, at what dose and schedule."""

from __future__ import annotations

import re

from kg.enrich.therapy.quantities import cytokine_dose
from kg.enrich.therapy.regimens import DRUGS
from kg.enrich.therapy.schedules import (
    additional_doses,
    days_given,
    doses_counted_before,
    doses_on_days,
    duration_before,
    duration_days,
    frequency,
    number_of_doses,
    route,
)
from kg.enrich.therapy.text import GIVING_PLACES, Passage, negated
from kg.model.records import CytokineUse

__all__ = ["CYTOKINES", "cytokine_uses"]


def _interleukin(number: int, *aliases: str) -> re.Pattern[str]:
    # "IL-2", "interleukin 2", "interleukin (IL)-2", "rhIL-15" (recombinant human)
    # ("interleukine-2", NCT01462903)
    names = [rf"(?<![A-Za-z0-9])(?:rh|h)?(?:IL|interleukine?)(?:\s*\(IL\))?[- ]?{number}(?![\d])(?!\s*R\b)", *aliases]
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
#: (The alternatives open with their letter, the word boundary checked behind it, so that the regex engine skips to "m".)
_MEMBRANE_BOUND = re.compile(r"m(?:(?<=\bm)b-?IL-?(\d{1,2})\b|(?<=\bm)b(\d{2})\b|embrane[- ]bound\s+(?:IL|interleukin)[- ]?(\d{1,2}))",
                             re.IGNORECASE)
#: Words that put a cytokine in the making of the cells rather than into the patient.
_EX_VIVO_BEFORE = re.compile(r"(?:\b(?:expan\w*|cultur\w*|activat\w*|stimulat\w*|prim(?:ed|ing)|incubat\w*|induced|"
                             r"generated|grown|feeder\w*)\s+(?:\S+\s+){0,4}?(?:with|in|by|using|of)|in the presence of"
                             # the culture's medium: "the cells were resuspended in serum-free medium with recombinant human
                             # IL-2 and α-GalCer" (ctv.veeva.com NCT03175679), "medium supplemented with 500 IU/ml IL-2"
                             # and the culture's: "a 18 (+) 1-day expansion culture including anti-CD3/anti-CD28
                             # antibody-coated beads and recombinant human interleukin-2" (ncbi.nlm.nih.gov NCT00602693)
                             r"|\b(?:medium|media|cultures?)\s+(?:\S+\s+){0,2}?(?:with|containing|including|supplemented\s+with"
                             r"|plus)"
                             # the cells treated with it: "Treating a person's lymphocytes with interleukin-2 and monoclonal
                             # antibody may help them kill more cancer cells when they are put back in the body"
                             # (ClinicalTrials.gov NCT00002589); not "treating patients with interleukin-2"
                             r"|\btreat(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,3}?(?:lymphocytes|(?:white\s+blood\s+|immune\s+|T\s+|NK\s+)?cells"
                             r"|PBMCs?)\s+with)"
                             r"\s+(?:\S+\s+){0,7}$", re.IGNORECASE)
#: A denial after the name: "IL-2 will not be administered".
_NEGATED_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:will|is|are|was|were|should)\s+not\b|^[^.;]{0,30}?\bnot\s+(?:be\s+)?"
                            r"(?:given|administered|required|used)\b", re.IGNORECASE)
#: A cytokine gene the cells are engineered with ("IL15-transduced", "expressing IL-15") is
#: part of the product, not a cytokine given or used to grow the cells.
_ENGINEERED_AFTER = re.compile(r"^[-\s]*(?:transduced|expressing|secreting|armou?red|encoding|(?:[-\w]+\s+)?receptor\s+fusion)\b",
                               re.IGNORECASE)
_ENGINEERED_BEFORE = re.compile(r"(?:transduced|expressing|secreting|armou?red|encoding|engineered)\s+(?:with\s+)?"
                                r"(?:\S+\s+){0,5}$"
                                # a part of a construct's name, joined by a slash to its CAR: "iC9/CD5CAR/IL-15 NK cells",
                                # "iC9/CD5 chimeric antigen receptor (CAR)/IL-15 natural killer (NK) cells" (cancer.gov
                                # NCT05110742), "CAR.70/IL15-transduced"; the cells' transgene, not a cytokine given
                                r"|(?-i:CAR)\)?[\w.]{0,4}\s*/\s*$", re.IGNORECASE)
#: A cytokine measured, not given: "interleukin-2 level in serum", "serum levels of IL-12",
#: "IL-12 will be measured", or one of a panel of cytokines measured together ("IL-2, IL-6, IL-10").
_MEASURED_AFTER = re.compile(r"^[-\s]*(?:\)\s*)?(?:levels?|concentrations?|secretion|production|expression|release|"
                             r"gene|polymorphisms?|genotypes?|receptors?|signal\w*|mRNA|in (?:the )?(?:serum|plasma|blood))\b"
                             r"|^[^.;]{0,40}?\b(?:will be|was|were|is|are)\s+(?:measured|assessed|analy[sz]ed|quantified|"
                             r"detected|determined|evaluated|tested)\b", re.IGNORECASE)
_MEASURED_BEFORE = re.compile(r"(?:levels?|concentrations?|secretion|production|expression|release|measur\w+|"
                              r"assess\w*|analy[sz]\w*|quantif\w+|detect\w*|serum|plasma|cytokines? such as|"
                              r"cytokine (?:panel|profile)s?)\s+(?:of\s+|\(\s*)?(?:\S+\s+){0,2}$", re.IGNORECASE)
_PANEL = re.compile(r"\b(?:IL|interleukin)[- ]?(?:1β|1b|1|4|6|8|10|17\w?)\b|\bTNF|\bIFN|interferon[- ]gamma", re.IGNORECASE)
#: Another drug whose dose may stand in the same sentence as the cytokine ("cyclophosphamide
#: 60 mg/kg ... IL-2"): a cytokine's dose is not looked for past it.
_OTHER_DRUG = re.compile(rf"\b(?:{DRUGS})\b|\b[a-z]{{4,}}(?:mab|nib|platin|taxel|rubicin|abine|mide|stat)\b", re.IGNORECASE)
#: An antibody the cytokine is fused to, written against its name: "hu14.18-IL2", "NHS-IL12", "L19-IL2" (not "low-dose-").
_FUSED_BEFORE = re.compile(r"(?<![\w.-])(?!(?:low|high|intermediate)-?dose-$)[A-Za-z][\w.]*\d[\w.]*-$"
                           r"|(?<![\w.-])(?!(?:SC|SQ|IV|IM)-$)[A-Z]{2,5}-$")
#: A cytokine given beside the cells, whatever was said of their making just before: "Ex Vivo-Expanded (EVE) Regulatory
#: T Cells in Combination With Low-Dose Interleukin-2" (htsyndication.com NCT06991361), "Infusion of healthy donor Treg
#: followed by daily LD IL-2" (Blood Advances 6(21):5786, NCT01937468).
_GIVEN_WITH_BEFORE = re.compile(r"\b(?:in\s+combination\s+with|combined\s+with|together\s+with|along\s+with|followed\s+by)"
                                r"\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
#: (and one of two kinds of cells named with a slash: "a post-haploTPH IL-15 alloreactive / stimulated NK cell infusion",
#: ClinicalTrials.gov NCT05304754, the IL-15-stimulated NK cells of one arm and the alloreactive ones of the other)
_EX_VIVO_AFTER = re.compile(r"^[-\s]*(?:\)\s*)?-?(?:[\w-]+\s*/\s*)?(?:activated|stimulated|expanded|induced|primed"
                            r"|pre-?activated)\b", re.IGNORECASE)
#: A cytokine that names the cells it stands before, as what made them: "Haploidentical Stem Cell Transplantation and IL-15
#: NK Cell Infusion" (ctv.veeva.com NCT01337544, whose cells are "IL-15 stimulated NK cells"): the cells' making, not a
#: cytokine given to the patient; not cells measured ("IL-2 NK cell activity"), nor "IL-2 and NK cells".
_NAMES_THE_CELLS_AFTER = re.compile(r"^[-\s]*(?:NK|natural\s+killer|i?NKT|CIK|LAK|T)[- ]?(?:cells?|lymphocytes)\b"
                                    r"(?![- ]?(?:activit|functio|counts?\b|respons|levels?\b|numbers?\b|frequenc|subsets?\b"
                                    r"|populations?\b|receptors?\b|lymphoma|leuka?emia))", re.IGNORECASE)


#: A cytokine infused: "followed by infusions of IL-2 for 5 days" (smartpatients.com NCT01694472), "IL-2 infusion",
#: "IL-2 is infused": into a vein, as an infusion is where the text names no other place for it.
_INFUSED_BEFORE = re.compile(r"\binfusions?\s+of\s+(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
_INFUSED_AFTER = re.compile(r"^\s*(?:\)\s*)?(?:infusions?\b|(?:is|are|was|were|will\s+be)\s+infused\b)", re.IGNORECASE)
#: Another place an infusion goes: "Intracavitary Interleukin-2 (IL-2) and Lymphokine-Activated Killer (LAK) Cell Therapy"
#: (knowcancer.com NCT00003067: "Bolus infusions of low-dose IL-2", into the tumour's cavity), "intraperitoneal (IP)
#: infusion of RNK001 combined with IL2" (NCT03539406), an infusion under the skin.
_ANOTHER_PLACE = re.compile(r"\bintra-?(?:cavit|periton|thecal|tumou?r|pleur|vesic|arteri|lesion|dermal|muscul|ventric|hepat"
                            r"|ocular|vitreal|nodal)\w*|\binto\s+(?:the\s+)?(?:\w+\s+)?(?:cavity|tumou?rs?)\b|\bIP\b"
                            r"|\bsub-?cutaneous", re.IGNORECASE)
#: A cytokine given with each of the cells' infusions: "on the day of each infusion of JK500 cells, the patients were first
#: subcutaneously injected with 100WU/ m2 of interleukin (IL)-2" (ClinicalTrials.gov NCT05519384): as often as the cells.
_WITH_EACH_INFUSION = re.compile(r"\b(?:each|every)\s+(?:[\w-]+\s+){0,2}?(?:infusion|injection|transfusion)s?\b"
                                 r"(?:\s+of\s+(?:[\w-]+\s+){0,3}?cells)?", re.IGNORECASE)
_CELLS = re.compile(r"\bcells?\b", re.IGNORECASE)
#: One day and no more: "LAK cells and IL-2 are infused on day 1" (knowcancer.com NCT00003067).
_ONE_DAY = re.compile(r"^(?:day|D)\s*[-−–+]?\s*(\d{1,3})$", re.IGNORECASE)


def _cells_frequency(passages: list[Passage]) -> str | None:
    """How often the sentences that give the cells give them, where they agree and name no cytokine nor other drug:
    "10^6, 5x10^6 and 3x10^7 JK500 cells injection /kg/ time, three times a week, a total of 6 times" (NCT05519384).
    """
    found = {frequency(p.text) for p in passages
             if _CELLS.search(p.text) and not _ANY_NAME_IN.search(p.text) and not _OTHER_DRUG.search(p.text)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


#: What every name in CYTOKINES starts with or holds: text without it names no cytokine.
_ANY_NAME = re.compile(r"(?<![A-Za-z0-9])(?:rh|h)?(?:IL|interleukin)|aldesleukin|proleukin|803|nogapendekin", re.IGNORECASE)
#: Whether a text holds one of _ANY_NAME's names: the same texts, found from the name's first letter (the look-behind
#: checked behind it) rather than by trying the look-behind at every character.
_ANY_NAME_IN = re.compile(r"I(?:(?<![A-Za-z0-9]I)|(?<=(?<![A-Za-z0-9])hI)|(?<=(?<![A-Za-z0-9])rhI))(?:L|nterleukin)"
                          r"|aldesleukin|proleukin|803|nogapendekin", re.IGNORECASE)


def _mentions(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, cytokine, membrane-bound) of each cytokine named in ``text``, in order."""
    found = []
    for token, pattern in CYTOKINES if _ANY_NAME_IN.search(text) else ():
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
    """The route a document gives a cytokine anywhere ("SC IL-2", "IL-2 subcutaneously", "N-803 is injected under the
    skin"), in the sentence that names it: "Pembrolizumab is given ... (intravenous infusion). N-803 is injected under the
    skin of the abdomen." (meddatax.com NCT06161545) routes the pembrolizumab intravenously, not the N-803.
    """
    pattern = dict(CYTOKINES)[cytokine]
    for match in pattern.finditer(record_text):
        before = _SENTENCE_END.split(record_text[max(0, match.start() - 30): match.start()])[-1]
        after = _SENTENCE_END.split(record_text[match.start(): match.end() + 30])[0]
        if route(before + after):
            return route(before + after)
    return None


#: The end of a sentence: a stop and a space, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def cytokine_uses(passages: list[Passage], *, gives_cells: bool = True) -> list[CytokineUse]:
    """The cytokines of a trial's therapy sentences: one use per cytokine, role, arm and dose.

    A trial that gives no cells (``gives_cells`` false) uses a cytokine only where it gives it: in
    its interventions and arms, not in a title or summary that may name it as what is measured.
    """
    if not gives_cells:
        passages = [p for p in passages if p.place in GIVING_PLACES]
    everything = "\n".join(p.text for p in passages)
    if not (_ANY_NAME_IN.search(everything) or _MEMBRANE_BOUND.search(everything)):
        return []  # no cytokine named anywhere: most of the registry's studies
    uses: list[CytokineUse] = []
    # Asked once per cytokine and passage, not per mention: per mention, a text naming IL-2 800
    # times took 20 s (each mention looked at every other and copied the rest of the text).
    named_routes: dict[str, str | None] = {}
    elsewhere = bool(_ANOTHER_PLACE.search(everything))
    cells_frequency: list[str | None] = []  # (asked once, where a cytokine is given with each of the cells' infusions)
    # the one day a cytokine was given on, said before in an arm: (cytokine, arm) -> the day
    given_on_one_day: dict[tuple[str, str | None], str] = {}
    # A cytokine a document shows on feeder cells ("K562-mbIL21") is the making of the cells
    # wherever else the document names it without a dose ("NK cells expanded with IL-21").
    named = [_mentions(p.text) for p in passages]  # (each passage's mentions found once, for both uses)
    on_feeders = {m[2] for mentions in named for m in mentions if m[3]}
    for place, (passage, mentions) in enumerate(zip(passages, named)):
        feeders = "feeder" in passage.text.lower()
        panel = len(_PANEL.findall(passage.text)) >= 1
        # each cytokine's mentions so far in this passage: (how many, where the first one starts)
        seen: dict[str, tuple[int, int]] = {}
        for index, (start, end, cytokine, membrane_bound) in enumerate(mentions):
            before = seen.get(cytokine, (0, start))
            seen[cytokine] = (before[0] + 1, before[1])
            previous_end = mentions[index - 1][1] if index else 0
            following = mentions[index + 1][0] if index + 1 < len(mentions) else len(passage.text)
            segment = passage.text[start:following]
            other_drug = _OTHER_DRUG.search(segment, end - start)
            if other_drug:
                segment = segment[:other_drug.start()]
            if negated(passage.text[previous_end:start]) or _NEGATED_AFTER.match(passage.text[end:end + 200]):
                continue
            if not membrane_bound and _FUSED_BEFORE.search(passage.text[max(0, start - 30):start]):
                continue  # "hu14.18-IL2" (NCT03209869): an antibody fused to the cytokine is the antibody's drug
            if not membrane_bound and (_ENGINEERED_AFTER.match(passage.text[end:end + 40])
                                       or _ENGINEERED_BEFORE.search(passage.text[max(0, start - 40):start])):
                continue
            given_with = bool(_GIVEN_WITH_BEFORE.search(passage.text[max(0, start - 40):start]))
            # (the words back to 100 characters: "expansion culture including anti-CD3/anti-CD28 antibody-coated beads and
            # recombinant human interleukin-2", NCT00602693)
            # (the words right after it say what it did to the cells, whatever gives them: "followed by IL-15 stimulated
            # NK cells infusion", ctv.veeva.com NCT01337544)
            ex_vivo = (membrane_bound or bool(_EX_VIVO_AFTER.match(passage.text[end:end + 40]))
                       or bool(_NAMES_THE_CELLS_AFTER.match(passage.text[end:end + 40]))
                       or (not given_with and (bool(_EX_VIVO_BEFORE.search(passage.text[max(0, start - 100):start]))
                                               or feeders)))
            if not ex_vivo and (_MEASURED_AFTER.match(passage.text[end:end + 120])
                                or _MEASURED_BEFORE.search(passage.text[max(0, start - 60):start])
                                or (panel and not cytokine_dose(segment))):
                continue
            dose = None if ex_vivo else _dose(segment, passage.text[previous_end:start])
            if cytokine in on_feeders and dose is None:
                ex_vivo = True
            use = CytokineUse(cytokine=cytokine, role="EX_VIVO_EXPANSION" if ex_vivo else "IN_VIVO_SUPPORT",
                              arm=passage.arm)
            if not ex_vivo:
                if dose:
                    use.dose, use.unit = dose
                if cytokine not in named_routes:
                    named_routes[cytokine] = _route_named_with(everything, cytokine)
                # "the subcutaneous injection of 125,000 IU/kg/day aldesleukin": the clause that doses it routes it
                lead = _lead(passage.text[previous_end:start])
                use.route = route(segment) or (route(lead) if _DOSE_RIGHT_BEFORE.search(lead) else None) \
                    or named_routes[cytokine]
                if use.route is None and not elsewhere and (_INFUSED_BEFORE.search(passage.text[max(0, start - 40):start])
                                                            or _INFUSED_AFTER.match(passage.text[end:end + 30])):
                    use.route = "INTRAVENOUS"
                use.frequency = frequency(segment)
                if use.frequency is None and (_WITH_EACH_INFUSION.search(passage.text[max(previous_end, start - 120):start])
                                              or _WITH_EACH_INFUSION.search(segment[:100])):
                    if not cells_frequency:
                        cells_frequency.append(_cells_frequency(passages))
                    use.frequency = cells_frequency[0]
                use.number_of_doses = number_of_doses(segment) or doses_counted_before(passage.text[previous_end:start])
                if use.number_of_doses is None and before[0] == 1:
                    # "subcutaneous IL-2 on day 1, followed by NK cell infusion on day 2, followed by subcutaneous IL-2
                    # for an additional 5 doses" (ClinicalTrials.gov NCT02030561): the one dose before and those after
                    # (counted as the mentions go: a list of the earlier ones took 5.6 s at 20,000 mentions)
                    use.number_of_doses = additional_doses(segment, passage.text[before[1]:start])
                use.duration_days = duration_days(segment) or duration_before(passage.text[previous_end:start])
                use.days = days_given(segment)
                listed = doses_on_days(segment) if use.number_of_doses is None else []
                if listed:
                    # "LAK cells and IL-2 are infused on day 1. Bolus infusions of low-dose IL-2 are administered on days
                    # 3, 5, 8, 10, and 12" (knowcancer.com NCT00003067): the one day before and those listed, 6 doses
                    day_before = given_on_one_day.get((cytokine, passage.arm))
                    use.number_of_doses = len(listed) + (day_before is not None and day_before not in listed)
                one_day = _ONE_DAY.match(use.days or "")
                if one_day and use.number_of_doses is None:
                    given_on_one_day.setdefault((cytokine, passage.arm), one_day.group(1))
                following_passage = passages[place + 1] if place + 1 < len(passages) else None
                given_then = _TREATMENTS_ON_ONE_DAY.match(following_passage.text) if following_passage else None
                if given_then and following_passage.place == passage.place and use.number_of_doses is None \
                        and use.days is None:
                    use.number_of_doses, use.days = 1, given_then.group("day")
            uses.append(use)
    return _merge(uses)


#: The sentence after those that name each drug, giving them all on one day: "Pembrolizumab is given through a tube
#: attached to a needle inserted into a vein in the arm (intravenous infusion). N-803 is injected under the skin of the
#: abdomen. All participants will receive these 2 treatments on day 1." (meddatax.com NCT06161545): one dose, that day.
_TREATMENTS_ON_ONE_DAY = re.compile(r"\s*(?:All\s+)?(?:participants|patients|subjects)\s+will\s+(?:all\s+)?(?:receive|get)\s+"
                                    r"(?:these|both|the)\s+(?:(?:\d|two|three|four)\s+)?(?:treatments|drugs|medicines)\s+"
                                    r"on\s+(?P<day>day\s+[-−+]?\d{1,3})\b"
                                    r"(?!\s*(?:,|and|to|through|-|–|−)\s*(?:days?\s+)?[-−+]?\d)(?![^.;]*\b(?:every|each|daily|weekly"
                                    r"|repeat\w*|cycles?|times)\b)", re.IGNORECASE)


#: What may stand between a cytokine's dose and its name: "1 MIU of IL-2", "2 x 10^6 IU/m2 rhIL-2".
_DOSE_RIGHT_BEFORE = re.compile(r"(?:IU|MIU|mIU|MU|WU|units?|µg|μg|ug|mcg|ng|mg)(?:\s*/\s*(?:m2|m²|kg))?(?:\s*/\s*(?:day|dose))?"
                                r"\s*(?:of\s+|\(\s*)?(?:\S+\s+)?$", re.IGNORECASE)


def _dose(segment: str, before: str) -> tuple[float, str] | None:
    """The cytokine's dose: after its name, or right before it ("1 MIU of IL-2"); a dose further
    back in the clause is another drug's ("cyclophosphamide 60 mg/kg and IL-2").
    """
    dose = cytokine_dose(segment)
    if dose:
        return dose
    clause = _lead(before)
    return cytokine_dose(clause) if _DOSE_RIGHT_BEFORE.search(clause) else None


def _lead(before: str) -> str:
    """The clause that leads up to a cytokine's name (not cut at the comma of "125,000 IU/kg/day aldesleukin",
    NCT00706992).
    """
    return re.split(r";|,(?!\d{3}\b)", before)[-1]


def _merge(uses: list[CytokineUse]) -> list[CytokineUse]:
    """One use per cytokine, role, arm and dose; a use without a dose says nothing more
    when the same cytokine and role have a dose elsewhere.
    """
    dosed = {(u.cytokine, u.role) for u in uses if u.dose is not None}
    merged: dict[tuple[str, str, str | None, float | None], CytokineUse] = {}
    for use in uses:
        if use.dose is None and (use.cytokine, use.role) in dosed:
            continue
        if use.role == "EX_VIVO_EXPANSION":
            use.arm = None  # the making of the cells is the product's, not an arm's
        key = (use.cytokine, use.role, use.arm if use.dose is not None else None, use.dose)
        if use.dose is None:
            use.arm = None
        known = merged.setdefault(key, use)
        for field in ("unit", "route", "frequency", "number_of_doses", "duration_days", "days"):
            if getattr(known, field) is None:
                setattr(known, field, getattr(use, field))
    return list(merged.values())
