"""Records -> cell-therapy semantics: the cell product, its doses, cytokines and regimens.

Runs on any record, whichever reader (or registry format) produced it, over the record's
free text: title, summaries, interventions, arms, and the donor's eligibility criteria.
"""

from __future__ import annotations

from kg.records import TrialRecord
from kg.therapy.cytokines import cytokine_uses
from kg.therapy.products import cell_products
from kg.therapy.regimens import regimens

__all__ = ["describe_therapy"]


def describe_therapy(record: TrialRecord) -> TrialRecord:
    """Fill the record's cell products, cytokines and regimens from its text."""
    record.cell_products = cell_products(record)
    record.cytokines = cytokine_uses(record)
    record.regimens = regimens(record)
    return record
