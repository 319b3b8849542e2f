"""The dev corpus (tests/data/pages with hand-written gold for the whole stored-query contract in
tests/data/pages-gold): the gold is complete and well-formed, and the graph's facts on it do not fall.

The per-query table is printed by ``python tests/benchmarks/dev_corpus.py`` (a script, not this test).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from dev_corpus import COLUMNS, GOLD, assemble, gold_file, measure, pages, parse_gold  # noqa: E402

#: Overall fact F1 of today's readers on the whole dev corpus, less a margin for small changes that
#: trade one fact for another. Measured 0.676 (P 0.730 R 0.630, 1,165 gold facts) on the 114 pages of
#: 2026-12-06, before issue 16's readers work; 0.778 at the start of s3-arms, 0.890 (P 0.961 R 0.828) after it;
#: 0.951 (P 0.971 R 0.932, 1,168 gold facts) after s4-pages' layout rules; 0.980 (P 0.995 R 0.965, 1,187 gold
#: facts) after s6-therapy's reconciled golds and therapy rules.
#: Raise it when the readers improve; never lower it to make a change pass (a gold correction that lowers the
#: figure says so in its commit).
F1_FLOOR = 0.97
#: F1 of the cell-therapy queries on the whole dev corpus (s6-therapy: cell_products 0.946 (P 0.988), cell_doses,
#: cytokines and regimens 1.000), less a margin.
THERAPY_F1_FLOOR = {"cell_products": 0.93, "cell_doses": 0.98, "cytokines": 0.98, "regimens": 0.98}

#: The contract's enumerations (shared/spec/queries.md); cell types as the vocabulary has them.
TOKENS = {
    ("trials", "phase"): {"EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"},
    ("trials", "status"): {"NOT_YET_RECRUITING", "RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING",
                           "COMPLETED", "SUSPENDED", "TERMINATED", "WITHDRAWN", "UNKNOWN"},
    ("trials", "study_type"): {"INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"},
    ("trials", "sex"): {"ALL", "FEMALE", "MALE"},
    ("trials", "allocation"): {"RANDOMIZED", "NON_RANDOMIZED", "NA"},
    ("trials", "intervention_model"): {"SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL"},
    ("trials", "masking"): {"NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE"},
    ("trials", "healthy_volunteers"): {"true", "false"},
    ("identifiers", "scheme"): {"NCT", "EUDRACT", "EUCT", "OMON", "CHICTR", "ISRCTN", "ORG", "OTHER"},
    ("sponsors", "role"): {"LEAD", "COLLABORATOR"},
    ("arms", "arm_type"): {"EXPERIMENTAL", "ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR",
                           "NO_INTERVENTION", "OTHER"},
    ("interventions", "intervention_type"): {"BIOLOGICAL", "DRUG", "PROCEDURE", "RADIATION", "DEVICE", "GENETIC",
                                             "BEHAVIORAL", "DIETARY_SUPPLEMENT", "COMBINATION_PRODUCT",
                                             "DIAGNOSTIC_TEST", "OTHER"},
    ("cell_products", "cell_type"): {"NK", "CAR_NK", "NKT", "CIK", "T", "CAR_T"},
    ("cell_products", "donor_type"): {"HAPLOIDENTICAL", "ALLOGENEIC", "AUTOLOGOUS"},
    ("cell_products", "tissue_source"): {"PERIPHERAL_BLOOD", "UMBILICAL_CORD_BLOOD", "BONE_MARROW", "CELL_LINE",
                                         "IPSC"},
    ("cell_products", "ex_vivo_expanded"): {"true", "false"},
    ("cell_products", "genetically_modified"): {"true", "false"},
    ("cell_doses", "unit"): {"cells", "cells/kg"},
    ("cell_doses", "per"): {"DOSE"},
    ("cytokines", "cytokine"): {"IL-2", "IL-7", "IL-12", "IL-15", "IL-18", "IL-21"},
    ("cytokines", "role"): {"IN_VIVO_SUPPORT", "EX_VIVO_EXPANSION"},
    ("cytokines", "route"): {"SUBCUTANEOUS", "INTRAVENOUS"},
    ("regimens", "purpose"): {"CHEMOTHERAPY", "CONDITIONING", "LYMPHODEPLETION", "GVHD_PROPHYLAXIS", "PREMEDICATION"},
    ("outcomes", "kind"): {"PRIMARY", "SECONDARY", "OTHER"},
    ("eligibility", "kind"): {"INCLUSION", "EXCLUSION"},
    ("eligibility", "population"): {"PATIENT", "DONOR"},
}
NUMBERS = {("trials", "enrollment"), ("trials", "min_age_years"), ("trials", "max_age_years"),
           ("cell_products", "infusions"), ("cell_doses", "dose_min"), ("cell_doses", "dose_max"),
           ("cytokines", "dose"), ("cytokines", "number_of_doses"), ("cytokines", "duration_days")}
DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def test_every_page_has_its_gold_and_the_gold_csvs_are_assembled_from_them():
    assert len(pages()) >= 66
    assert [p for p in pages() if not gold_file(p).exists()] == []
    for query, text in assemble().items():
        assert (GOLD / f"{query}.csv").read_text(encoding="utf-8") == text, (
            f"{query}.csv is stale: run python tests/benchmarks/dev_corpus.py --write-gold")


@pytest.mark.parametrize("page", pages(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_values_are_contract_values_and_the_trial_is_named_on_its_page(page: Path):
    assert_gold_is_contract_values_of_trials_on_the_page(page)


def assert_gold_is_contract_values_of_trials_on_the_page(page: Path) -> None:
    """A page's hand-written gold: each trial keyed by a number its text shows, each row of one of those trials, each
    value of a token, number or date column a contract value (also asked of the held-out corpora's gold).
    """
    rows = parse_gold(gold_file(page))
    # The '# source:' line is provenance: a trial is keyed only by a number the page's text shows.
    text = page.read_text(encoding="utf-8").split("\n", 1)[1]
    for trial in rows.get("trials", []):
        assert trial[0] in text, f"{trial[0]} is not in the text of {page}"
    keys = {trial[0] for trial in rows.get("trials", [])}
    for query, query_rows in rows.items():
        for row in query_rows:
            assert row[0] in keys, f"{query} row of a trial the page does not describe: {row}"
            for column, value in zip(COLUMNS[query], row):
                if not value:
                    continue
                if (query, column) in TOKENS:
                    assert set(value.split("|")) <= TOKENS[query, column], (query, column, value)
                elif (query, column) in NUMBERS:
                    float(value)
                elif column.endswith("_date"):
                    assert DATE.fullmatch(value), (query, column, value)


def test_gold_csvs_have_the_columns_of_the_seed_gold():
    for query, columns in COLUMNS.items():
        header = next(csv.reader(io.StringIO((GOLD / f"{query}.csv").read_text(encoding="utf-8"))))
        assert header == columns


def test_the_facts_read_from_the_dev_corpus_do_not_fall():
    figures = measure()
    assert figures.f1 >= F1_FLOOR, figures.table("dev corpus")
    therapy = {query: round(figures.prf(*figures.queries[query])[2], 3) for query in THERAPY_F1_FLOOR}
    assert {query: f1 for query, f1 in therapy.items() if f1 < THERAPY_F1_FLOOR[query]} == {}, figures.table("dev corpus")
