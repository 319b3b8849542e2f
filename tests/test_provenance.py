"""One trial from many sources: each source's statements in a named graph of its own, each
disagreeing value kept with its source, and the trial taking the most recent one.
"""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import rdflib
from conftest import SEEDS, TESTS, run_kg

from kg.build import build
from kg.graphs import load_graph
from kg.queries import run_local, stored_query

REGISTRY_RECORD = TESTS / "data" / "ctgov-json" / "NCT06388018.json"  # RECRUITING, last updated 2024-07-15


def mirror_page(status: str, updated: str, enrollment: int) -> str:
    """A ClinicalTrials.gov mirror page about NCT06388018 as the mirror prints it."""
    return "\n".join([
        "Molecular Profile-Based Adjuvant Therapy in Early-Stage Endometrial Cancer", "NCT ID: NCT06388018",
        f"Last Updated: {updated}", "Basic Information",
        "Get a concise snapshot of the trial, including recruitment status, study phase, enrollment targets.",
        status, "PHASE2", f"{enrollment} participants", "INTERVENTIONAL", "2025-01-16", "2027-01-16",
        "Brief Summary", "Review the sponsor-provided synopsis that highlights what the study is about.",
        "A study of adjuvant therapy.", "Conditions", "See the medical conditions this research is targeting.",
        "Endometrial Cancer"])


def trial_row(graph, trial_id: str) -> dict[str, str]:
    result = run_local(graph, stored_query("trials").bind({}))
    rows = [dict(zip(result.columns, row)) for row in result.rows]
    return next(row for row in rows if row["trial_id"] == trial_id)


def test_the_trial_takes_the_most_recently_updated_source_and_conflicts_lists_the_rest(tmp_path):
    shutil.copy(REGISTRY_RECORD, tmp_path / "registry.json")
    (tmp_path / "mirror.txt").write_text(mirror_page("COMPLETED", "2026-02-03", 310), encoding="utf-8")
    build([tmp_path], tmp_path / "graph.ttl")
    graph = load_graph([tmp_path / "graph.ttl"])
    row = trial_row(graph, "NCT06388018")
    assert (row["status"], row["enrollment"]) == ("COMPLETED", "310")  # the mirror was updated in 2026
    conflicts = run_local(graph, stored_query("conflicts").bind({"trial_id": "NCT06388018"}))
    found = {(r[1], r[2], r[3], r[5]) for r in conflicts.rows}
    assert found == {("status", "COMPLETED", "mirror.txt", "true"), ("status", "RECRUITING", "registry.json", "false"),
                     ("enrollment", "310", "mirror.txt", "true"), ("enrollment", "325", "registry.json", "false")}


def test_an_older_page_does_not_override_the_registry(tmp_path):
    shutil.copy(REGISTRY_RECORD, tmp_path / "registry.json")
    (tmp_path / "mirror.txt").write_text(mirror_page("COMPLETED", "2023-01-01", 310), encoding="utf-8")
    build([tmp_path], tmp_path / "graph.ttl")
    row = trial_row(load_graph([tmp_path / "graph.ttl"]), "NCT06388018")
    assert (row["status"], row["enrollment"]) == ("RECRUITING", "325")


def test_trig_keeps_one_named_graph_per_source_document_and_turtle_merges_them(tmp_path):
    result = run_kg("build", SEEDS, "-o", tmp_path / "seeds.trig", "--format", "trig", "--no-validate")
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "seeds.trig", "rb") as stream:
        quads = list(ox.parse(stream, ox.RdfFormat.TRIG))
    graphs = {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    documents = {q.subject for q in quads if isinstance(q.graph_name, ox.DefaultGraph)
                 and q.predicate.value.endswith("#sha256")}
    assert len(graphs) == 5 and graphs == documents
    trial = ox.NamedNode("https://w3id.org/celltherapy-kg/id/trial/NCT05272293")
    [home] = {q.graph_name for q in quads if q.subject == trial}
    assert home.value.endswith("5056b675516d86ccf98879e435fb43d541bfd069f7eb7dc0eb9fe6dc79a79e9f")

    assert run_kg("export", tmp_path / "seeds.trig", "--format", "nquads", "-o", tmp_path / "seeds.nq").returncode == 0
    with open(tmp_path / "seeds.nq", "rb") as stream:
        exported = list(ox.parse(stream, ox.RdfFormat.N_QUADS))
    assert sorted(map(str, exported)) == sorted(map(str, quads))
    assert run_kg("export", tmp_path / "seeds.trig", "--format", "turtle", "-o", tmp_path / "merged.ttl").returncode == 0
    assert len(rdflib.Graph().parse(tmp_path / "merged.ttl")) == len({(q.subject, q.predicate, q.object) for q in quads})
