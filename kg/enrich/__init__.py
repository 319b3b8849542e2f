"""Records -> records: what a document states in prose, its eligibility thresholds and its cell
therapy, added to the record.

One composition for every input, applied by the build (and by ``kg build --explain``) to
each record a reader gives back. Readers only read what a document lays out; everything
inferred from wording happens here, so it is the same for a page and a registry study.

The prose rules (:mod:`kg.enrich.prose`) fill a field a *page* leaves empty. A registry
study is not completed from prose: its fields are the registry's own statements, and an
empty one says something (phase "NA" is no phase, no maximum age is none), which a title
such as "A Phase I/II ..." must not overrule. The therapy (:mod:`kg.enrich.therapy`) is
read from every record's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from kg.enrich.eligibility import read_thresholds
from kg.enrich.prose import complete_from_prose
from kg.enrich.therapy import describe_therapy
from kg.model.records import TrialRecord

__all__ = ["enrich", "enriched", "REGISTRY_LAYOUTS"]

#: Layouts whose records are the registry's structured fields (not completed from prose).
REGISTRY_LAYOUTS = frozenset({"ctgov_api_v2"})

_Other = TypeVar("_Other")


def enrich(record: TrialRecord) -> TrialRecord:
    """The record with what its prose states and its cell therapy filled in."""
    if record.source.layout not in REGISTRY_LAYOUTS:
        record = complete_from_prose(record)
    record.thresholds = read_thresholds(record)
    return describe_therapy(record)


def enriched(items: Iterable[TrialRecord | _Other]) -> Iterator[TrialRecord | _Other]:
    """Each record of ``items`` enriched; anything else (a reader's error) passed on as it is."""
    for item in items:
        yield enrich(item) if isinstance(item, TrialRecord) else item
