"""Records -> cell-therapy semantics: the cell product, its doses, cytokines and regimens.

Runs on any record, whichever reader (or registry format) produced it, over the record's
free text: title, summaries, interventions, arms, and the donor's eligibility criteria.
"""

from __future__ import annotations

from kg.enrich.therapy.cytokines import cytokine_uses
from kg.enrich.therapy.products import BACKGROUND, cell_products
from kg.enrich.therapy.regimens import regimens
from kg.enrich.therapy.text import Passage, therapy_passages
from kg.model.records import TrialRecord

__all__ = ["describe_therapy"]


def describe_therapy(record: TrialRecord) -> TrialRecord:
    """Fill the record's cell products, cytokines and regimens from its text."""
    # What the record gives (title, interventions, arms) is read first; its summaries, the longest
    # texts, are cut into sentences only when it gives cells or names them nowhere else.
    giving = therapy_passages(record, summaries=False)
    everything: list[Passage] = []

    def all_passages() -> list[Passage]:
        if not everything:
            everything.extend(therapy_passages(record))
        return everything

    record.cell_products = cell_products(record, giving, all_passages)
    gives_cells = bool(record.cell_products)
    passages = all_passages() if gives_cells else giving
    # a summary's background ("It has been shown to increase EFS ... with GM-CSF and intravenous IL-2", NCT02573896; "In
    # previous trials in the Surgery Branch ... a non-myeloablative preparative regimen", NCT00924001) tells of other
    # trials' treatment, not of this trial's cytokines and regimens
    this_trial = [p for p in passages if p.place != "summary" or not BACKGROUND.search(p.text)]
    record.cytokines = cytokine_uses(this_trial, gives_cells=gives_cells)
    record.regimens = regimens(record, this_trial, gives_cells=gives_cells)
    return record
