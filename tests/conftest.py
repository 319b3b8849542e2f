"""Shared fixtures: the seed documents, a graph built from them once, and running the CLI."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from kg.enrich import enrich
from kg.enrich.therapy import describe_therapy
from kg.model.records import SourceDocument, TrialRecord
from kg.read import READERS, read_text
from kg.read.layouts import generic

TESTS = Path(__file__).resolve().parent
SEEDS = TESTS / "data" / "seeds"
REPO = TESTS.parent


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Turtle graph of the five seed documents, built once for the whole session."""
    from kg.build.streaming import build

    output = tmp_path_factory.mktemp("seed-graph") / "seeds.ttl"
    report = build([SEEDS], output)
    assert report.ok and report.documents == 5
    return output


@pytest.fixture(scope="session")
def seed_rdflib_graph(seed_graph: Path):
    from kg.graphs.files import load_graph

    return load_graph([seed_graph])


@cache
def shacl_report(path: Path):
    """Pyshacl's report on a graph file, made once per session: several tests ask for the same file's."""
    from kg.graphs.files import load_graph
    from kg.validation.reference import validate_graph

    return validate_graph(load_graph([path]))


def run_kg(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kg ARGS`` as a user would, capturing its output."""
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def read_enriched(data: bytes, name: str, readers=READERS) -> TrialRecord:
    """One page as a build reads it: its layout's record, then enriched (prose and therapy)."""
    return enrich(read_text(data, name, readers))


def generic_page(text: str) -> TrialRecord:
    """A page's text as the generic reader alone reads it (the news items and other pages no layout claims)."""
    return read_text(text.encode(), "page.txt", {"generic": generic})


def therapy_page(**fields) -> TrialRecord:  # noqa: ANN003 - TrialRecord's fields
    """A record as a page's reader gives it, read for its cell therapy (the held-out wording tests' records)."""
    fields.setdefault("source", SourceDocument("p.txt", "0" * 64, "generic"))
    return describe_therapy(TrialRecord(**fields))


def product_rows(record: TrialRecord) -> list[tuple]:
    """Each cell product as cell_products reports it: type, donors, tissues, expanded, modified, infusions."""
    return [(p.cell_type, p.donor_types, p.tissue_sources, p.ex_vivo_expanded, p.genetically_modified, p.infusions)
            for p in record.cell_products]
