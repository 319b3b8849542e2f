"""The pages held-out corpus (tests/data/pages-holdout, gold in tests/data/pages-holdout-gold), the dev corpus's first
held-out sibling: its gold is complete and well-formed, and the graph's facts on it do not fall.

Its figure is a measure only before rules are written from it: the README gives the untuned one; the floor here guards
what the rules of its gaps reached (labelled there as no measure). The table: ``python tests/benchmarks/dev_corpus.py
--pages tests/data/pages-holdout``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from dev_corpus import assemble, gold_file, gold_of, measure, pages  # noqa: E402
from test_dev_corpus import assert_gold_is_contract_values_of_trials_on_the_page  # noqa: E402

HOLDOUT = Path(__file__).parent / "data" / "pages-holdout"

#: Overall fact F1 on the held-out pages, less a margin: 0.895 (P 0.963 R 0.835, 188 gold facts) untuned (main at
#: 100f922); 0.978 (P 0.995 R 0.963) after the rules of branch s23-pages-holdout.
F1_FLOOR = 0.97


def test_every_held_out_page_has_its_gold_and_the_gold_csvs_are_assembled_from_them():
    assert len(pages(HOLDOUT)) == 10
    assert [p for p in pages(HOLDOUT) if not gold_file(p).exists()] == []
    for query, text in assemble(pages(HOLDOUT)).items():
        assert (gold_of(HOLDOUT) / f"{query}.csv").read_text(encoding="utf-8") == text, (
            f"{query}.csv is stale: run python tests/benchmarks/dev_corpus.py --pages tests/data/pages-holdout --write-gold")


@pytest.mark.parametrize("page", pages(HOLDOUT), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_held_out_gold_values_are_contract_values_and_the_trial_is_named_on_its_page(page: Path):
    assert_gold_is_contract_values_of_trials_on_the_page(page)


def test_the_facts_read_from_the_held_out_pages_do_not_fall():
    figures = measure(pages(HOLDOUT))
    assert figures.f1 >= F1_FLOOR, figures.table("pages held-out corpus")
