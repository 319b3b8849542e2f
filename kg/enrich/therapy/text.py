"""The prose a trial describes its therapy in, cut into sentences that keep their origin."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model.records import TrialRecord

__all__ = ["Passage", "therapy_passages", "donor_clauses", "sentences", "negated"]

#: A sentence break: spaces after a full stop, "!" or "?" before a capital or "(", or line breaks. (Written to open
#: with the space it cuts at, the stop checked behind it: the regex engine then skips to spaces, where a leading
#: look-behind had it try both alternatives at every character.)
_SENTENCE = re.compile(r"\s(?:(?<=[.!?]\s)\s*(?=[A-Z(])|(?<=\n)\n*)")
_NEGATION = re.compile(r"\b(?:no|not|without|none|never)\b", re.IGNORECASE)


#: Where a passage comes from: the places a registry record gives its therapy in. A cell-therapy
#: fact of a study that names no cell product is read only from what it *gives* (its interventions
#: and arms), not from its title or summary, where words such as "IL-2 level" or "NK-cell leukemia"
#: name what is measured or treated.
GIVING_PLACES = frozenset({"intervention", "arm"})
#: Layouts whose records are the registry's structured fields: their title and interventions say what
#: the study gives. A page's reader may miss both, so a page's summary is read for its cells.
STRUCTURED_LAYOUTS = frozenset({"ctgov_api_v2"})


@dataclass(frozen=True)
class Passage:
    """A sentence of the therapy's description; ``arm`` names the arm whose text it is, ``place``
    where in the document it stands (title, summary, intervention, arm), ``intervention`` the name of the
    intervention whose description it is.
    """

    text: str
    arm: str | None = None
    place: str = "summary"
    intervention: str | None = None


#: A full stop glued to the next sentence's number ("for a total of six weeks.1×10^9 NK cells/dose").
_GLUED_STOP = re.compile(r"(?<=[a-z)])\.(?=\d)")
#: A line that leads in to the next with a colon: "Participants undergo the following procedures:" over "Peripheral blood
#: will be collected from a vein of arm." (NCT03634501) is one sentence.
_LEAD_IN = re.compile(r"(?<=\w):[ \t]*\n+(?=[A-Z][^\n]*\.[ \t]*(?:\n|$))")


def sentences(text: str | None) -> list[str]:
    """The sentences of a text (lines count as sentence breaks; a stop glued to a number is a break too)."""
    text = _GLUED_STOP.sub(".\n", text) if text and "." in text else text
    text = _LEAD_IN.sub(": ", text) if text and ":" in text and "\n" in text else text
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def therapy_passages(record: TrialRecord, *, summaries: bool = True) -> list[Passage]:
    """Every sentence that can describe the therapy: title, summaries, interventions, arms
    (without the summaries, the longest texts, when ``summaries`` is false: only what the record
    gives is looked at first, and most registry studies give no cells).

    Eligibility criteria are left out: they speak of past treatment, lab values and the
    patient's disease, not of the therapy the trial gives.
    """
    passages = [Passage(sentence, place="title") for sentence in sentences(record.title)]
    if summaries:
        passages += [Passage(sentence) for text in (record.official_title, record.brief_summary, record.detailed_description,
                                                    record.design_description)
                     for sentence in sentences(text)]
    for intervention in record.interventions:
        passages.append(Passage(intervention.name, place="intervention"))
        passages += [Passage(sentence, place="intervention", intervention=intervention.name)
                     for sentence in sentences(intervention.description)]
    for arm in record.arms:
        passages += [Passage(sentence, arm.label, "arm") for sentence in sentences(arm.description)]
    return passages


#: A donor the patient does not have: "lack of a suitable HLA-identical family, unrelated or cord blood donor"
#: (trial.medpath.com NCT01220544), "no matched sibling donor available", "without an HLA-identical donor": none of the
#: cells' source.
_NO_DONOR = re.compile(r"\b(?:lack(?:s|ing)?(?:\s+of)?|absence\s+of|no|without|(?:does|do)\s+not\s+have|unavailability\s+of)"
                       # (the words between name the donor: not "no more than one mismatch with the donor", a limit)
                       r"\s+(?:an?\s+)?(?:(?!(?:than|with|from|to|for|in|of|the|and)\b)[\w-]+,?\s+(?:or\s+)?){0,6}?donors?\b"
                       r"(?:\s+(?:is\s+|are\s+)?available\b)?",
                       re.IGNORECASE)


#: A KIR mismatch is between the patient and the NK cells' source: "KIR mismatch between patient and umbilical cord
#: blood" (trial.medpath.com NCT04599452).
_KIR_MISMATCH = re.compile(r"\bKIR(?:[- ]ligand)?\s+mis-?match\w*\s+between\b", re.IGNORECASE)


#: Donor cells the patients had before, a criterion of their history, not of the trial's donor: "Participants with relapsed
#: AML after allogeneic stem cells transplantation, including those who have received donor lymphocyte infusions"
#: (ClinicalTrials.gov NCT05712278, whose NK cells are "off-the-shelf").
_RECEIVED_DONOR_CELLS = re.compile(r"\b(?:have|has|had)\s+(?:previously\s+|already\s+)?(?:received|undergone|had)\s+"
                                   r"(?:an?\s+|prior\s+|previous\s+)?donor\s+lymphocyte\s+infusions?(?:\s*\(DLIs?\))?",
                                   re.IGNORECASE)


def donor_clauses(record: TrialRecord) -> list[str]:
    """Clauses of the inclusion criteria that speak of the cell donor: they reveal where the
    cells come from ("donor ... willing to donate by leukapheresis"); a donor the patient lacks is none.
    """
    clauses = []
    for criterion in record.criteria:
        if criterion.kind != "INCLUSION":
            continue
        for clause in re.split(r"(?<=[.;])\s+", criterion.text):
            clause = _RECEIVED_DONOR_CELLS.sub(" ", _NO_DONOR.sub(" ", clause)) if "donor" in clause.lower() else clause
            if (criterion.population == "DONOR" or re.search(r"\bdono(?:r|rs|te|ted|tion)\b", clause, re.IGNORECASE)
                    or _KIR_MISMATCH.search(clause)):
                clauses.append(clause)
    return clauses


def negated(before: str) -> bool:
    """Whether the words just before a mention deny it ("will not be followed by", "without")."""
    return bool(_NEGATION.search(before))
