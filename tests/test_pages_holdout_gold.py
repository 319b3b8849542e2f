"""The later pages held-out corpora (tests/data/pages-holdout2 … pages-holdout7, gold in the
``-gold`` folders beside them): each page has its hand-written gold, the gold CSVs are assembled from those files, and
every gold value is a contract value of a trial the page's text names.

A measure only: no floor guards their figures (each gold README gives the untuned table). The table:
``python tests/benchmarks/dev_corpus.py --pages tests/data/pages-holdout7``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from dev_corpus import assemble, gold_file, gold_of, pages  # noqa: E402
from test_dev_corpus import assert_gold_is_contract_values_of_trials_on_the_page  # noqa: E402

DATA = Path(__file__).parent / "data"

#: Each later held-out corpus and its number of pages.
LATER_HOLDOUT_PAGES = {DATA / "pages-holdout2": 6, DATA / "pages-holdout3": 11, DATA / "pages-holdout4": 9,
                       DATA / "pages-holdout5": 10, DATA / "pages-holdout6": 12,
                       DATA / "pages-holdout7": 11}


@pytest.mark.parametrize("corpus", sorted(LATER_HOLDOUT_PAGES), ids=lambda path: path.name)
def test_every_page_has_its_gold_and_the_gold_csvs_are_assembled_from_them(corpus: Path):
    assert len(pages(corpus)) == LATER_HOLDOUT_PAGES[corpus]
    assert [p for p in pages(corpus) if not gold_file(p).exists()] == []
    for query, text in assemble(pages(corpus)).items():
        assert (gold_of(corpus) / f"{query}.csv").read_text(encoding="utf-8") == text, (
            f"{query}.csv is stale: run python tests/benchmarks/dev_corpus.py --pages tests/data/{corpus.name} --write-gold")


@pytest.mark.parametrize("page", [page for corpus in sorted(LATER_HOLDOUT_PAGES) for page in pages(corpus)],
                         ids=lambda p: f"{p.parents[1].name}/{p.parent.name}/{p.stem}")
def test_gold_values_are_contract_values_and_the_trial_is_named_on_its_page(page: Path):
    assert_gold_is_contract_values_of_trials_on_the_page(page)
