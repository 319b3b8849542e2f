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


def saved_page(path: Path, enriched: bool = True) -> TrialRecord:
    """A saved page of a corpus under tests/data, read and enriched as a build reads it (or as its reader alone gives it)."""
    return read_enriched(path.read_bytes(), path.name) if enriched else read_text(path.read_bytes(), path.name)


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


def regimen_rows(**fields) -> list[tuple[str, str | None]]:  # noqa: ANN003 - TrialRecord's fields
    """Each regimen of a page read for its cell therapy (therapy_page): name and purpose."""
    return [(r.name, r.purpose) for r in therapy_page(**fields).regimens]


HOLDOUT4 = TESTS / "data" / "therapy-holdout4" / "pages"
HOLDOUT9 = TESTS / "data" / "therapy-holdout9" / "pages"
HOLDOUT10 = TESTS / "data" / "therapy-holdout10" / "pages"
HOLDOUT7 = TESTS / "data" / "pages-holdout7"


def holdout10_record(site: str, number: str, pages: Path = HOLDOUT10) -> TrialRecord:
    """The held-out page of ``site`` whose name holds ``number`` (therapy held-out 10 unless ``pages`` says), read and
    enriched as the tool reads it.
    """
    [path] = (pages / site).glob(f"*{number}*.txt")
    return read_enriched(path.read_bytes(), path.name)


def holdout9_record(site: str, number: str) -> TrialRecord:
    """The page of therapy held-out 9 of ``site`` whose name holds ``number``, read and enriched."""
    return holdout10_record(site, number, HOLDOUT9)


def record_with_cell_products(tmp_path: Path, nct: str, products: dict[str, str]):
    """The ClinicalTrials.gov record ``nct`` (tests/data/ctgov-json) built to a graph, with a cell product of each type in
    ``products`` added, one dose of 1e6 cells/kg in the named arm. No real record here is both a cell-therapy trial and
    one with posted results, so the queries that join the two are tested on a real record with added cells.
    Returns the rdflib graph, an Oxigraph store of the same statements and the added statements as N-Triples.
    """
    import pyoxigraph as ox
    import rdflib

    built = tmp_path / f"{nct}.ttl"
    assert run_kg("build", TESTS / "data" / "ctgov-json" / f"{nct}.json", "-o", built, "-q").returncode == 0
    graph = rdflib.Graph().parse(built)
    before = set(graph)
    for cell_type, arm in products.items():
        graph.update(f"""
            PREFIX ctk: <https://w3id.org/celltherapy-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            INSERT {{ ?trial ctk:hasCellProduct ?product .
                     ?product ctk:cellType <https://w3id.org/celltherapy-kg/vocab/cell-type-{cell_type}> ; ctk:hasDoseLevel ?level .
                     ?level ctk:doseInArm ?arm ; ctk:doseMinimum "1.0E6"^^xsd:double ; ctk:doseMaximum "1.0E6"^^xsd:double ;
                            ctk:unitCode "{{cells}}/kg" ; ctk:perDose true }}
            WHERE {{ ?trial ctk:trialId "{nct}" ; ctk:hasArm ?arm . ?arm rdfs:label "{arm}" .
                    BIND(IRI(CONCAT(STR(?trial), "/cell-product/{cell_type}")) AS ?product)
                    BIND(IRI(CONCAT(STR(?trial), "/cell-product/{cell_type}/dose/1")) AS ?level) }}""")
    added = rdflib.Graph()
    for triple in set(graph) - before:
        added.add(triple)
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode(), ox.RdfFormat.N_TRIPLES)
    return graph, store, added.serialize(format="nt")
