"""One trial from many sources: each source's statements in a named graph of its own, each
disagreeing value kept with its source, and the trial taking the most recent one.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter

import pyoxigraph as ox
import pytest
import rdflib
from conftest import SEEDS, TESTS, run_kg

from kg.build.streaming import build
from kg.graphs.files import load_graph
from kg.graphs.store import open_store
from kg.query.catalogue import stored_query
from kg.query.run import run_local, run_store
from kg.rdf.mapping import SHARED_GRAPH

SHARED = ox.NamedNode(SHARED_GRAPH)
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
    assert not any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)  # every statement in a named graph
    graphs = {q.graph_name for q in quads}
    documents = {q.subject for q in quads if q.graph_name == SHARED and q.predicate.value.endswith("#sha256")}
    trials = {q.subject for q in quads if q.object == ox.NamedNode("https://w3id.org/celltherapy-kg/ontology#Trial")}
    assert len(documents) == 5 and len(trials) == 5 and graphs == documents | trials | {SHARED}
    trial = ox.NamedNode("https://w3id.org/celltherapy-kg/id/trial/NCT05272293")
    homes = {q.graph_name.value: q.predicate.value.rsplit("#", 1)[-1] for q in quads if q.subject == trial
             and q.graph_name != trial}
    # the document says what it says in its own graph; the facts the trial takes from it are in the trial's
    # graph; its type and id, which every document about it states, in the shared graph
    assert set(homes) == {SHARED.value, "https://w3id.org/celltherapy-kg/id/document/"
                                        "sha256-5056b675516d86ccf98879e435fb43d541bfd069f7eb7dc0eb9fe6dc79a79e9f"}
    assert {q.predicate.value.rsplit("#", 1)[-1] for q in quads if q.subject == trial and q.graph_name == SHARED} == {
        "type", "trialId"}
    status = [q for q in quads if q.subject == trial and q.predicate.value.endswith("#overallStatus")]
    assert [q.graph_name for q in status] == [trial]

    assert run_kg("export", tmp_path / "seeds.trig", "--format", "nquads", "-o", tmp_path / "seeds.nq").returncode == 0
    with open(tmp_path / "seeds.nq", "rb") as stream:
        exported = list(ox.parse(stream, ox.RdfFormat.N_QUADS))
    assert sorted(map(str, exported)) == sorted(map(str, quads))
    assert run_kg("export", tmp_path / "seeds.trig", "--format", "turtle", "-o", tmp_path / "merged.ttl").returncode == 0
    assert len(rdflib.Graph().parse(tmp_path / "merged.ttl")) == len({(q.subject, q.predicate, q.object) for q in quads})


def test_what_many_trials_name_is_described_once_in_the_shared_graph(tmp_path):
    """Organisations, conditions, sites, publications and MeSH descriptors are named by thousands of
    trials at registry scale; described in each document's graph, a store's union default graph
    would repeat each description once per trial, and every query joining through them with it.
    """
    result = run_kg("build", TESTS / "data" / "ctgov-json", "-o", tmp_path / "g.trig", "--format", "trig", "--no-validate")
    records = len(list((TESTS / "data" / "ctgov-json").glob("NCT*.json")))
    assert f"trials: {records}" in result.stdout, result.stderr
    with open(tmp_path / "g.trig", "rb") as stream:
        quads = list(ox.parse(stream, ox.RdfFormat.TRIG))
    ctk = "https://w3id.org/celltherapy-kg/ontology#"
    links = {f"{ctk}{name}" for name in ("leadSponsor", "collaborator", "studiesCondition", "hasSite")}
    named = Counter(q.object for q in quads if q.predicate.value in links)
    nci = ox.NamedNode("https://w3id.org/celltherapy-kg/id/organization/national-cancer-institute-nci-7e3ddd38")
    naming_nci = 0
    for path in (TESTS / "data" / "ctgov-json").glob("NCT*.json"):
        sponsors = json.loads(path.read_text(encoding="utf-8"))["protocolSection"].get("sponsorCollaboratorsModule", {})
        names = [sponsors.get("leadSponsor", {}).get("name")] + [c.get("name") for c in sponsors.get("collaborators", [])]
        naming_nci += "National Cancer Institute (NCI)" in names
    assert named[nci] == naming_nci >= 2 and max(named.values()) >= naming_nci  # one node, named by several trials
    descriptions = [q for q in quads if q.subject in named]
    assert descriptions and all(q.graph_name == SHARED for q in descriptions)
    assert Counter(q.triple for q in quads).most_common(1)[0][1] == 1  # no statement in two graphs


def test_a_store_keeps_named_graphs_only_for_a_trial_several_documents_describe(tmp_path):
    """`kg build --store`: a trial one document describes needs no graph to say where its statements come
    from (the trial's prov:wasDerivedFrom names its one document), so they are in the default graph, once;
    a trial of several documents keeps each document's graph and its own, which say which document said what.
    The store holds the TriG file's statements and answers `conflicts` and `documents` as the file does.
    """
    shutil.copy(REGISTRY_RECORD, tmp_path / "registry.json")
    (tmp_path / "mirror.txt").write_text(mirror_page("COMPLETED", "2026-02-03", 310), encoding="utf-8")
    shutil.copy(TESTS / "data" / "ctgov-json" / "NCT00184067.json", tmp_path)  # a trial of one document
    build([tmp_path], store=tmp_path / "store")
    build([tmp_path], tmp_path / "graph.trig", format="trig")
    stored = list(open_store(tmp_path / "store"))
    filed = ox.Store()  # the file's statements as a store writes them (a double's canonical form)
    with open(tmp_path / "graph.trig", "rb") as stream:
        filed.bulk_extend(ox.parse(stream, ox.RdfFormat.TRIG))
    trial = ox.NamedNode("https://w3id.org/celltherapy-kg/id/trial/NCT06388018")
    derived = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
    sources = {q.object for q in filed.quads_for_pattern(trial, derived, None)}
    assert len(sources) == 2 and len(stored) == len(filed) > 600  # the same statements, in fewer graphs
    assert {q.graph_name for q in stored if not isinstance(q.graph_name, ox.DefaultGraph)} == sources | {trial}
    for graph in sources | {trial}:
        assert {q for q in stored if q.graph_name == graph} == set(filed.quads_for_pattern(None, None, None, graph))
    assert {q.triple for q in stored} == {q.triple for q in filed}
    other = ox.NamedNode("https://w3id.org/celltherapy-kg/id/trial/NCT00184067")
    assert {q.graph_name for q in stored if q.subject == other} == {ox.DefaultGraph()}
    repeated = {triple for triple, count in Counter(q.triple for q in stored).items() if count > 1}
    # what both documents say of the trial (its NCT number, ...), each in its graph; nothing else twice
    assert repeated and {q.graph_name for q in stored if q.triple in repeated} == sources
    for name, values in (("conflicts", {"trial_id": "NCT06388018"}), ("documents", {})):
        from_store = run_store(tmp_path / "store", stored_query(name).bind(values)).rows
        assert from_store == run_local(load_graph([tmp_path / "graph.trig"]), stored_query(name).bind(values)).rows
        assert len(from_store) >= 3


def graphs_of(path) -> dict[str, set[str]]:
    """Each named graph of a TriG file, as the set of its statements."""
    with open(path, "rb") as stream:
        graphs: dict[str, set[str]] = {}
        for quad in ox.parse(stream, ox.RdfFormat.TRIG):
            graphs.setdefault(str(quad.graph_name), set()).add(str(quad.triple))
    return graphs


def test_an_incremental_build_replaces_exactly_the_changed_documents_graph(tmp_path):
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    output = tmp_path / "graph.trig"
    first = build([pages], output, format="trig", incremental=True)
    assert first.documents == 5
    before = graphs_of(output)

    changed = pages / "000_611aa22ea74317fe.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Status\nRECRUITING", "Status\nCOMPLETED"),
                       encoding="utf-8")
    second = build([changed], output, format="trig", incremental=True)
    assert (second.documents, second.replaced, second.kept, second.unchanged) == (1, 1, 4, 0)
    after = graphs_of(output)

    trial = "<https://w3id.org/celltherapy-kg/id/trial/NCT05272293>"
    old_graph = [g for g in before if g not in after]
    new_graph = [g for g in after if g not in before]
    assert len(old_graph) == len(new_graph) == 1  # the document's graph, named by its new checksum
    untouched = set(before) - {old_graph[0], trial, str(SHARED)}
    assert all(before[g] == after[g] for g in untouched)
    assert any("status-COMPLETED" in statement for statement in after[trial])
    assert not any("status-RECRUITING" in statement for statement in after[trial])

    third = build([pages], output, format="trig", incremental=True)
    assert (third.documents, third.unchanged) == (0, 5)
    assert graphs_of(output) == after


def test_a_page_and_a_registry_record_merge_whatever_order_they_come_in(tmp_path):
    for first, second in (("a-registry.json", "b-mirror.txt"), ("b-registry.json", "a-mirror.txt")):
        folder = tmp_path / first
        folder.mkdir()
        shutil.copy(REGISTRY_RECORD, folder / first)
        (folder / second).write_text(mirror_page("COMPLETED", "2026-02-03", 310), encoding="utf-8")
        report = build([folder], folder / "graph.ttl")
        assert report.trials == {"NCT06388018"}
        row = trial_row(load_graph([folder / "graph.ttl"]), "NCT06388018")
        assert (row["status"], row["enrollment"]) == ("COMPLETED", "310")


RAPPER = shutil.which("rapper")


@pytest.mark.skipif(RAPPER is None, reason="raptor's rapper is not installed (Debian: raptor2-utils; .ci/run installs it)")
def test_a_merged_graph_file_states_each_statement_once(tmp_path, seed_graph):
    """Raptor's rapper counts the statements a file writes, rdflib the distinct ones: a related trial's id and
    what two documents of one trial both say (its identifiers) are each written once.
    """
    shutil.copy(REGISTRY_RECORD, tmp_path / "registry.json")
    (tmp_path / "mirror.txt").write_text(mirror_page("COMPLETED", "2026-02-03", 310), encoding="utf-8")
    build([tmp_path], tmp_path / "one-trial.ttl")
    build([tmp_path], tmp_path / "one-trial.nt", format="ntriples")
    for path, syntax in ((seed_graph, "turtle"), (tmp_path / "one-trial.ttl", "turtle"), (tmp_path / "one-trial.nt", "ntriples")):
        counted = subprocess.run([RAPPER, "-c", "-i", syntax, str(path)], capture_output=True, text=True, check=True)
        written = int(re.search(r"returned (\d+) triples", counted.stderr).group(1))
        assert written == len(rdflib.Graph().parse(path)), path.name
    assert written > 400
