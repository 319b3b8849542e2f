"""Records -> cell-therapy semantics: the cell product, its doses, cytokines and regimens.

Runs on any record, whichever reader (or registry format) produced it, over the record's
free text: title, summaries, interventions, arms, and the donor's eligibility criteria.
"""

from __future__ import annotations

from kg.enrich.therapy.cytokines import cytokine_uses
from kg.enrich.therapy.products import cell_products
from kg.enrich.therapy.regimens import regimens
from kg.enrich.therapy.text import therapy_passages
from kg.model.records import TrialRecord

__all__ = ["describe_therapy"]


def describe_therapy(record: TrialRecord) -> TrialRecord:
    """Fill the record's cell products, cytokines and regimens from its text."""
    passages = therapy_passages(record)
    record.cell_products = cell_products(record, passages)
    record.cytokines = cytokine_uses(passages)
    record.regimens = regimens(record, passages)
    return record
