"""The prose a trial describes its therapy in, cut into sentences that keep their origin."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model.records import TrialRecord

__all__ = ["Passage", "therapy_passages", "donor_clauses", "sentences", "negated"]

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])|\n+")
_NEGATION = re.compile(r"\b(?:no|not|without|none|never)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Passage:
    """A sentence of the therapy's description; ``arm`` names the arm whose text it is."""

    text: str
    arm: str | None = None


def sentences(text: str | None) -> list[str]:
    """The sentences of a text (lines count as sentence breaks)."""
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def therapy_passages(record: TrialRecord) -> list[Passage]:
    """Every sentence that can describe the therapy: title, summaries, interventions, arms.

    Eligibility criteria are left out: they speak of past treatment, lab values and the
    patient's disease, not of the therapy the trial gives.
    """
    passages = [Passage(sentence) for text in (record.title, record.brief_summary, record.detailed_description)
                for sentence in sentences(text)]
    for intervention in record.interventions:
        passages.append(Passage(intervention.name))
        passages += [Passage(sentence) for sentence in sentences(intervention.description)]
    for arm in record.arms:
        passages += [Passage(sentence, arm.label) for sentence in sentences(arm.description)]
    return passages


def donor_clauses(record: TrialRecord) -> list[str]:
    """Clauses of the inclusion criteria that speak of the cell donor: they reveal where the
    cells come from ("donor ... willing to donate by leukapheresis").
    """
    clauses = []
    for criterion in record.criteria:
        if criterion.kind != "INCLUSION":
            continue
        for clause in re.split(r"(?<=[.;])\s+", criterion.text):
            if criterion.population == "DONOR" or re.search(r"\bdono(?:r|rs|te|ted|tion)\b", clause, re.IGNORECASE):
                clauses.append(clause)
    return clauses


def negated(before: str) -> bool:
    """Whether the words just before a mention deny it ("will not be followed by", "without")."""
    return bool(_NEGATION.search(before))
