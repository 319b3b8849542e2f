"""Which facts a record states about its trial as a whole, and how its source ranks.

This is the one home of "which source speaks for a trial": the build's identity index
(:mod:`kg.build.identity`) picks, for each trial fact, the best-ranked source that states it,
and the mapping (:mod:`kg.rdf.mapping`) writes only what a record states.
"""

from __future__ import annotations

from kg.model.records import TrialRecord

__all__ = ["TRIAL_FACTS", "SourceRank", "states", "source_rank"]

#: How a source ranks against another: (last updated, is the registry's JSON, checksum).
SourceRank = tuple[str, int, str]

#: The facts about a trial as a whole (record fields). Where documents disagree, the trial
#: takes each from the most recently updated source stating it (kg.build.identity).
TRIAL_FACTS = ("title", "official_title", "brief_summary", "detailed_description", "phases", "status", "study_type", "enrollment",
               "sex", "min_age_years", "max_age_years", "healthy_volunteers", "allocation", "intervention_model",
               "primary_purpose", "masking", "start_date", "completion_date")


def states(record: TrialRecord, fact: str) -> bool:
    """Whether a record states a trial fact at all."""
    return getattr(record, fact) not in (None, "", [])


def source_rank(record: TrialRecord) -> SourceRank:
    """How a record's source ranks when sources disagree: most recently updated first, then
    the registry's own JSON, then the checksum (so the order documents come in never matters).
    """
    return (record.last_updated or "", int(record.source.layout == "ctgov_api_v2"), record.source.sha256)
