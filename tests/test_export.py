"""`kg export`: graph files, or a store built by `kg build --store`, written as one Turtle,
N-Triples, JSON-LD, TriG or N-Quads file.

The documents: a trial two documents describe (its registry record and a mirror page), whose
statements a store keeps in named graphs, each document's own and the trial's, and a trial of one
document, in the default graph. Both documents state the first trial's identifiers, so the union
of the store's graphs holds those statements twice.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from conftest import TESTS, run_kg
from test_provenance import REGISTRY_RECORD, mirror_page

from kg.build.streaming import build
from kg.cli import cli
from kg.graphs.store import open_store


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documents built into a store (``store``) and into a TriG file (``graph.trig``)."""
    folder = tmp_path_factory.mktemp("export")
    documents = folder / "documents"
    documents.mkdir()
    shutil.copy(REGISTRY_RECORD, documents / "registry.json")
    (documents / "mirror.txt").write_text(mirror_page("COMPLETED", "2026-02-03", 310), encoding="utf-8")
    shutil.copy(TESTS / "data" / "ctgov-json" / "NCT00184067.json", documents)
    build([documents], store=folder / "store")
    build([documents], folder / "graph.trig", format="trig")
    return folder


def kg(*args: str | Path) -> str:
    """Run `kg ARGS` in this process; its output."""
    result = CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_store_exports_the_statements_of_the_same_build_made_to_a_file(built, tmp_path):
    stored = list(open_store(built / "store"))
    assert max(Counter(quad.triple for quad in stored).values()) == 2  # the union repeats a statement

    said = kg("export", "--store", built / "store", "-o", tmp_path / "store.nt")
    kg("export", built / "graph.trig", "-o", tmp_path / "file.nt")
    lines = (tmp_path / "store.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len({quad.triple for quad in stored})  # each statement once
    assert set(lines) == set((tmp_path / "file.nt").read_text(encoding="utf-8").splitlines())
    assert said == f"{len(lines)} triples written to {tmp_path / 'store.nt'}\n"

    kg("export", "--store", built / "store", "-o", tmp_path / "store.ttl")
    kg("export", built / "graph.trig", "-o", tmp_path / "file.ttl")
    store_graph, file_graph = rdflib.Graph().parse(tmp_path / "store.ttl"), rdflib.Graph().parse(tmp_path / "file.ttl")
    assert len(store_graph) == len(lines) and set(store_graph) == set(file_graph)  # no blank nodes: same statements

    kg("export", "--store", built / "store", "-o", tmp_path / "store.jsonld")
    assert set(rdflib.Graph().parse(tmp_path / "store.jsonld", format="json-ld")) == set(file_graph)


def test_the_same_store_is_exported_byte_for_byte_the_same(built, tmp_path):
    kg("export", "--store", built / "store", "-o", tmp_path / "first.ttl")
    kg("export", "--store", built / "store", "-o", tmp_path / "second.ttl")
    assert (tmp_path / "first.ttl").read_bytes() == (tmp_path / "second.ttl").read_bytes()
    assert b"@prefix ctk: " in (tmp_path / "first.ttl").read_bytes()  # shortened with the project's prefixes


@pytest.mark.parametrize(("name", "format"), [("store.nq", ox.RdfFormat.N_QUADS), ("store.trig", ox.RdfFormat.TRIG)])
def test_trig_and_n_quads_keep_the_store_s_named_graphs(built, tmp_path, name, format):
    kg("export", "--store", built / "store", "-o", tmp_path / name)
    with open(tmp_path / name, "rb") as stream:
        exported = list(ox.parse(stream, format))
    stored = list(open_store(built / "store"))
    assert len(exported) == len(stored) and set(exported) == set(stored)
    assert {type(quad.graph_name) for quad in exported} == {ox.DefaultGraph, ox.NamedNode}


def test_a_missing_store_is_one_line_and_no_file_is_written(tmp_path):
    result = run_kg("export", "--store", tmp_path / "mistyped", "-o", tmp_path / "graph.ttl")
    assert result.returncode == 2
    assert result.stderr == (f"Error: {tmp_path / 'mistyped'}: no store there (build one with "
                             f"`kg build ... --store {tmp_path / 'mistyped'}`)\n")
    assert not list(tmp_path.iterdir())


def test_graph_files_and_a_store_together_are_refused(built, tmp_path):
    result = CliRunner().invoke(cli, ["export", str(built / "graph.trig"), "--store", str(built / "store"),
                                      "-o", str(tmp_path / "graph.ttl")])
    assert result.exit_code == 2
    assert "give what to export: graph files or --store DIRECTORY (one of the two)" in result.output
    assert not (tmp_path / "graph.ttl").exists()


def test_an_export_that_fails_half_way_leaves_the_old_file_as_it_was(built, tmp_path, monkeypatch):
    output = tmp_path / "graph.nq"
    output.write_text("# the export of yesterday\n")

    def failing(store, keep_graphs=False):
        yield from list(store)[:10]
        raise OSError("disk full")

    monkeypatch.setattr("kg.graphs.files.store_statements", failing)
    with pytest.raises(OSError):
        kg("export", "--store", built / "store", "-o", output)
    assert output.read_text() == "# the export of yesterday\n"
    assert [path.name for path in tmp_path.iterdir()] == ["graph.nq"]  # no half-written file beside it
