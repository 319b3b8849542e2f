"""Seventeen ways to break the seed graph, each caught by the shape meant to catch it; every real document conforms.

Each corruption is applied alone to the graph `kg build` makes of the seed documents and the
result is validated by the default, compiled engine (and, in the slow tests, by pyshacl): it
must report a violation of the named shape. The corruptions are those issue 18 found passing
(a site link to an organisation, a latitude of 999, a part of no trial, a node stripped of
its type and content...), plus the one caught before (a phase given as the sex).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import rdflib
from conftest import TESTS, run_kg
from rdflib.namespace import RDF, XSD

from kg.build.streaming import build
from kg.graphs.files import load_graph, load_store
from kg.model.namespaces import CTK, VOC
from kg.validation.reference import validate_graph
from kg.validation.report import ValidationReport
from kg.validation.sparql_engine import validate_store

C = rdflib.Namespace(CTK)
V = rdflib.Namespace(VOC)


def _nodes(g: rdflib.Graph, cls: str) -> list[rdflib.URIRef]:
    return sorted(g.subjects(RDF.type, C[cls]))  # type: ignore[arg-type]


def _first(g: rdflib.Graph, subject_class: str, link: str) -> tuple[rdflib.URIRef, rdflib.URIRef]:
    """The first (node, value) pair of ``link`` on nodes of ``subject_class``."""
    return min((s, o) for s in _nodes(g, subject_class) for o in g.objects(s, C[link]))  # type: ignore[return-value]


def _strip(g: rdflib.Graph, cls: str) -> None:
    """Every node of ``cls`` loses its type and content; the links to it stay."""
    for node in _nodes(g, cls):
        g.remove((node, None, None))


def sex_is_a_phase(g: rdflib.Graph) -> None:
    g.set((_nodes(g, "Trial")[0], C.sex, V["phase-PHASE1"]))


def site_is_an_organization(g: rdflib.Graph) -> None:
    trial, site = _first(g, "Trial", "hasSite")
    g.remove((trial, C.hasSite, site))
    g.add((trial, C.hasSite, _first(g, "Trial", "leadSponsor")[1]))


def latitude_999(g: rdflib.Graph) -> None:
    site = _nodes(g, "Site")[0]
    g.add((site, C.latitude, rdflib.Literal("999", datatype=XSD.decimal)))
    g.add((site, C.longitude, rdflib.Literal("5.12", datatype=XSD.decimal)))


def longitude_plain_string(g: rdflib.Graph) -> None:
    site = _nodes(g, "Site")[0]
    g.add((site, C.latitude, rdflib.Literal("52.09", datatype=XSD.decimal)))
    g.add((site, C.longitude, rdflib.Literal("5.12")))


def publication_unidentified(g: rdflib.Graph) -> None:
    for publication in _nodes(g, "Publication"):
        for link in (C.doi, C.pmid, C.citation):
            g.remove((publication, link, None))


def misspelt_has_sites(g: rdflib.Graph) -> None:
    trial, site = _first(g, "Trial", "hasSite")
    g.remove((trial, C.hasSite, site))
    g.add((trial, C.hasSites, site))


def country_xx(g: rdflib.Graph) -> None:
    g.set((_first(g, "Site", "countryCode")[0], C.countryCode, rdflib.Literal("XX")))


def cytokine_in_arm_of_another_trial(g: rdflib.Graph) -> None:
    cytokine, arm = _first(g, "CytokineUse", "givenInArm")
    owner = next(g.subjects(C.usesCytokine, cytokine))
    other = min(a for t in _nodes(g, "Trial") if t != owner for a in g.objects(t, C.hasArm))
    g.set((cytokine, C.givenInArm, other))


def completion_before_start(g: rdflib.Graph) -> None:
    trial = _nodes(g, "Trial")[0]
    g.set((trial, C.startDate, rdflib.Literal("2021-06-01", datatype=XSD.date)))
    g.set((trial, C.completionDate, rdflib.Literal("2020-12", datatype=XSD.gYearMonth)))


def outcome_of_no_trial(g: rdflib.Graph) -> None:
    g.remove((None, C.hasOutcome, _nodes(g, "Outcome")[0]))


def cytokine_of_no_trial(g: rdflib.Graph) -> None:
    g.remove((None, C.usesCytokine, _nodes(g, "CytokineUse")[0]))


def dose_maximum_lost(g: rdflib.Graph) -> None:
    g.remove((_first(g, "DoseLevel", "doseMaximum")[0], C.doseMaximum, None))


def lower_bound_only_beside_a_maximum(g: rdflib.Graph) -> None:
    g.add((_first(g, "DoseLevel", "doseMaximum")[0], C.lowerBoundOnly, rdflib.Literal(True)))


#: Each corruption and the shape that must report it.
CORRUPTIONS: list[tuple[Callable[[rdflib.Graph], None], str]] = [
    (sex_is_a_phase, "Trial-sex"),
    (site_is_an_organization, "Trial-hasSite"),
    (latitude_999, "Site-latitude"),
    (longitude_plain_string, "Site-longitude"),
    (publication_unidentified, "Publication-identified"),
    (misspelt_has_sites, "Trial-closed"),
    (country_xx, "Site-countryCode"),
    (cytokine_in_arm_of_another_trial, "Cytokine-arm-of-its-trial"),
    (completion_before_start, "Trial-dates-ordered"),
    (outcome_of_no_trial, "Outcome-one-trial"),
    (cytokine_of_no_trial, "Cytokine-one-trial"),
    (lambda g: _strip(g, "Outcome"), "Trial-hasOutcome"),
    (lambda g: _strip(g, "EligibilityCriterion"), "Trial-hasEligibilityCriterion"),
    (lambda g: _strip(g, "Site"), "Trial-hasSite"),
    (lambda g: _strip(g, "Regimen"), "Trial-hasRegimen"),
    (dose_maximum_lost, "DoseLevel-upper-bound"),
    (lower_bound_only_beside_a_maximum, "DoseLevel-upper-bound"),
]
REAL_FOLDERS = ["seeds", "pages", "ctgov-json"]
IDS = [f"{n:02d}-{shape}" for n, (_, shape) in enumerate(CORRUPTIONS, 1)]


def _shapes_of(report: ValidationReport) -> set[str]:
    return {v.shape.split(":")[-1].split("#")[-1] for v in report.violations if v.severity == "Violation"}


def _corrupted(seed_graph: Path, tmp_path: Path, corrupt: Callable[[rdflib.Graph], None]) -> Path:
    """The seed graph broken by ``corrupt``, as an N-Triples file."""
    graph = load_graph([seed_graph])
    before = set(graph)
    corrupt(graph)
    assert set(graph) != before, "the corruption changed nothing"
    path = tmp_path / "corrupted.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    return path


def _caught(engine: str, report: ValidationReport, shape: str) -> None:
    assert not report.conforms, f"{engine}: the corrupted graph conforms"
    assert shape in _shapes_of(report), f"{engine}: no violation of shape:{shape}, only {sorted(_shapes_of(report))}"


@pytest.mark.parametrize(("corrupt", "shape"), CORRUPTIONS, ids=IDS)
def test_corruption_of_the_seed_graph_is_caught(seed_graph: Path, tmp_path: Path,
                                                corrupt: Callable[[rdflib.Graph], None], shape: str) -> None:
    """The seed graph, broken one way, does not conform, and the shape meant for it says so (the default engine)."""
    _caught("sparql", validate_store(load_store([_corrupted(seed_graph, tmp_path, corrupt)])), shape)


@pytest.mark.slow
@pytest.mark.parametrize(("corrupt", "shape"), CORRUPTIONS, ids=IDS)
def test_corruption_of_the_seed_graph_is_caught_by_pyshacl(seed_graph: Path, tmp_path: Path,
                                                           corrupt: Callable[[rdflib.Graph], None], shape: str) -> None:
    """The same with the reference validator (seconds each; the default suite holds the two engines to one
    report on the shapes' test files and on a graph broken in some eighty ways: tests/test_shapes_sparql.py).
    """
    _caught("pyshacl", validate_graph(load_graph([_corrupted(seed_graph, tmp_path, corrupt)])), shape)


def test_cli_reports_a_corruption(seed_graph: Path, tmp_path: Path) -> None:
    """`kg validate` on a corrupted graph exits 1 and names the shape's message."""
    graph = load_graph([seed_graph])
    latitude_999(graph)
    path = tmp_path / "corrupted.ttl"
    graph.serialize(path, format="turtle")
    done = run_kg("validate", path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "'999'" in done.stdout and "between -90 and 90" in done.stdout


def _real_graph(tmp_path: Path, folder: str) -> Path:
    """The graph of every real document of ``tests/data/FOLDER``."""
    output = tmp_path / "graph.nt"
    # The pages' folders keep the expected record of each page beside it (NAME.expected.json): no document.
    documents = sorted(p for p in (TESTS / "data" / folder).rglob("*") if p.is_file() and ".expected." not in p.name
                       and p.suffix != ".md")
    report = build(documents, output, format="ntriples")
    assert len(report.trials) > 3  # some pages are there to be refused (no register number): what is read must conform
    return output


@pytest.mark.parametrize("folder", REAL_FOLDERS)
def test_every_real_document_conforms(tmp_path: Path, folder: str) -> None:
    """The graph of every real document we have conforms (the default engine; pyshacl agrees on the seed
    graph in tests/test_shapes_sparql.py, and on every folder in the slow test below).
    """
    result = validate_store(load_store([_real_graph(tmp_path, folder)]))
    assert result.conforms and not result.violations, "\n".join(map(str, result.violations[:20]))


@pytest.mark.slow
@pytest.mark.parametrize("folder", REAL_FOLDERS)
def test_every_real_document_conforms_by_pyshacl(tmp_path: Path, folder: str) -> None:
    result = validate_graph(load_graph([_real_graph(tmp_path, folder)]))
    assert result.conforms and not result.violations, "\n".join(map(str, result.violations[:20]))


def test_a_dose_given_as_a_lower_bound_alone_conforms_and_says_so(tmp_path: Path) -> None:
    """">1 × 109 cells in a single dose" (jci.org, NCT04443296): a level with a minimum, no maximum and
    ctk:lowerBoundOnly true conforms by both engines; the same level with its marker lost does not.
    """
    page = next((TESTS / "data" / "therapy-holdout22" / "pages" / "jci.org").glob("NCT04443296-*.txt"))
    graph_path = tmp_path / "lower-bound.nt"
    assert build([page], graph_path, format="ntriples").ok
    graph = load_graph([graph_path])
    levels = _nodes(graph, "DoseLevel")
    assert [(graph.value(level, C.doseMaximum), graph.value(level, C.lowerBoundOnly)) for level in levels] == [
        (None, rdflib.Literal(True))]
    assert validate_store(load_store([graph_path])).conforms and validate_graph(graph).conforms
    graph.remove((levels[0], C.lowerBoundOnly, None))
    graph.serialize(graph_path, format="nt", encoding="utf-8")
    assert "DoseLevel-upper-bound" in _shapes_of(validate_store(load_store([graph_path])))
