"""Building graphs: bad documents are named and left out, trials merge by identity, output is stable."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import rdflib
from conftest import SEEDS, run_kg

from kg.build.streaming import build
from kg.errors import DocumentError
from kg.read import read_text

CTK = rdflib.Namespace("https://w3id.org/celltherapy-kg/ontology#")


@pytest.mark.parametrize(("data", "problem"), [
    (b"", "the file is empty"),
    (b"   \n\n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    ("MedPath\n\nTitre\n\nRegistration Number\nNCT01234567\nEssai clinique".encode("latin-1") + b"\xe9", "not UTF-8"),
    (b"Dear colleague,\nplease find the minutes of our meeting attached.\n", "unknown layout"),
    (b"MedPath\n\nA page about nothing\n\nConditions\nAML\n", "no trial identifier"),
])
def test_bad_documents_raise_an_error_naming_the_file_and_problem(data, problem):
    with pytest.raises(DocumentError) as caught:
        read_text(data, "bad.txt")
    assert caught.value.path == "bad.txt"
    assert problem in str(caught.value)


def test_a_build_keeps_every_good_document_and_names_each_bad_one(tmp_path):
    documents = tmp_path / "docs"
    shutil.copytree(SEEDS, documents)
    (documents / "empty.txt").write_bytes(b"")
    (documents / "notes.txt").write_text("Shopping list: milk, eggs\n")
    result = run_kg("build", documents, "-o", tmp_path / "graph.ttl")
    assert result.returncode == 1
    assert "left out: empty.txt: the file is empty" in result.stderr
    assert "left out: notes.txt: unknown layout" in result.stderr
    assert "documents read: 5" in result.stdout and "documents left out: 2" in result.stdout
    graph = rdflib.Graph().parse(tmp_path / "graph.ttl")
    assert len(set(graph.subjects(rdflib.RDF.type, CTK.Trial))) == 5


def test_a_page_a_reader_fails_on_is_named_as_a_bug_and_the_build_goes_on(tmp_path, monkeypatch):
    # One page of 560,000 that trips a reader must not cost the other 559,999: it is left out, named as kg's bug.
    from kg.errors import ReaderBug
    from kg.read import READERS

    def broken(text, source):
        return {}["arms"]  # a reader's slip, no fault of the page

    monkeypatch.setattr(READERS["veeva"], "read", broken)
    report = build([SEEDS], tmp_path / "graph.ttl")
    assert [type(failure) for failure in report.failures] == [ReaderBug]
    assert "a bug in kg's veeva reader (KeyError('arms')); please report it with this document" \
        in str(report.failures[0])
    assert report.written and report.documents == 4


def test_the_same_documents_give_byte_identical_turtle_in_any_order(tmp_path):
    first, second, third = tmp_path / "a.ttl", tmp_path / "b.ttl", tmp_path / "c.ttl"
    build([SEEDS], first)
    build([SEEDS], second)
    build(sorted(SEEDS.iterdir(), reverse=True), third)
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()


def test_the_graph_has_no_blank_nodes(seed_rdflib_graph):
    terms = {term for triple in seed_rdflib_graph for term in triple}
    assert not [term for term in terms if isinstance(term, rdflib.BNode)]


def test_every_trial_links_to_its_source_document_with_checksum_and_layout(seed_rdflib_graph):
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    for trial in seed_rdflib_graph.subjects(rdflib.RDF.type, CTK.Trial):
        documents = list(seed_rdflib_graph.objects(trial, prov.wasDerivedFrom))
        assert documents, trial
        for document in documents:
            assert len(str(seed_rdflib_graph.value(document, CTK.sha256))) == 64
            assert seed_rdflib_graph.value(document, CTK.layout) is not None


def test_documents_sharing_a_register_number_become_one_trial(tmp_path):
    """A mirror page known only by its EudraCT number and a Veeva page giving both numbers
    describe one trial, keyed by its NCT number whatever order they come in.
    """
    mirror = (SEEDS / "004_5a4c1896c7211adb.txt").read_text(encoding="utf-8")
    veeva = (SEEDS / "003_c40fa93b6f9a0a38.txt").read_text(encoding="utf-8").replace(
        "NCT05333705\nXJYFY-2020N8", "NCT04347616\n2019-001929-27 (EudraCT Number)")
    for order, names in enumerate([("a.txt", "b.txt"), ("b.txt", "a.txt")]):
        folder = tmp_path / f"order{order}"
        folder.mkdir()
        (folder / names[0]).write_text(mirror, encoding="utf-8")
        (folder / names[1]).write_text(veeva, encoding="utf-8")
        report = build([folder], folder / "graph.ttl")
        assert report.trials == {"NCT04347616"}
        graph = rdflib.Graph().parse(folder / "graph.ttl")
        trial = rdflib.URIRef("https://w3id.org/celltherapy-kg/id/trial/NCT04347616")
        assert len(list(graph.objects(trial, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))) == 2
        assert {str(v) for v in graph.objects(trial, CTK.hasIdentifier / CTK.identifierValue)} >= {
            "NCT04347616", "2019-001929-27"}


def test_a_failed_write_leaves_the_previous_graph_untouched(tmp_path, monkeypatch):
    output = tmp_path / "graph.ttl"
    output.write_text("# the graph of yesterday\n")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("kg.build.pipeline.record_triples", broken)
    with pytest.raises(RuntimeError):
        build([SEEDS], output)
    assert output.read_text() == "# the graph of yesterday\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_a_store_build_empties_its_spool_before_the_store_is_compacted(tmp_path, monkeypatch):
    # The compaction rewrites the whole store; at the registry's size the spool (8.5 GB) is room it needs
    import kg.build.streaming

    spools, sizes = [], []
    opened, filled = tempfile.TemporaryFile, kg.build.streaming.fill_store
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda *a, **k: spools.append(opened(*a, **k)) or spools[-1])

    def fill(directory, *, nquads, loaded):
        def compacting():
            sizes.append(os.fstat(spools[0].fileno()).st_size)
            loaded()
            sizes.append(os.fstat(spools[0].fileno()).st_size)
        filled(directory, nquads=nquads, loaded=compacting)

    monkeypatch.setattr(kg.build.streaming, "fill_store", fill)
    report = build([SEEDS], store=tmp_path / "store")
    assert report.ok and report.triples > 500
    assert sizes[0] > 0 and sizes[1] == 0
    assert (tmp_path / "store").is_dir()


def test_export_writes_each_format_readably(seed_graph, tmp_path):
    for format, suffix, rdflib_format in (("ntriples", "nt", "nt"), ("jsonld", "jsonld", "json-ld"),
                                          ("turtle", "ttl", "turtle")):
        output = tmp_path / f"graph.{suffix}"
        result = run_kg("export", seed_graph, "--format", format, "-o", output)
        assert result.returncode == 0, result.stderr
        assert len(rdflib.Graph().parse(output, format=rdflib_format)) == len(rdflib.Graph().parse(seed_graph))


def test_a_graph_file_is_written_in_the_format_its_name_says(tmp_path):
    result = run_kg("build", SEEDS, "-o", tmp_path / "graph.nt", "-s")
    assert result.returncode == 0, result.stderr
    assert "conforms to the shapes: yes" in result.stdout
    assert len(rdflib.Graph().parse(tmp_path / "graph.nt", format="nt")) > 0

    result = run_kg("export", tmp_path / "graph.nt", "-o", tmp_path / "graph.jsonld")
    assert result.returncode == 0, result.stderr
    assert len(rdflib.Graph().parse(tmp_path / "graph.jsonld", format="json-ld")) > 0


@pytest.mark.parametrize(("name", "options", "problem"), [
    ("graph.ttl", ["--format", "ntriples"], "graph.ttl: the name says turtle, but the format asked for is ntriples"),
    ("graph.out", [], "graph.out: name the graph file for its format (.ttl, .nt, .trig, .nq)"),
])
def test_a_graph_file_named_for_another_format_is_refused_before_reading(tmp_path, name, options, problem):
    result = run_kg("build", SEEDS, "-o", tmp_path / name, *options)
    assert result.returncode == 2
    assert problem in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_build_names_a_missing_input(tmp_path):
    result = run_kg("build", tmp_path / "nowhere", "-o", tmp_path / "g.ttl")
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "g.ttl").exists()


def test_documents_in_hidden_folders_are_not_read(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n")
    shutil.copy(SEEDS / "000_611aa22ea74317fe.txt", tmp_path / "page.txt")
    report = build([tmp_path], tmp_path / "out" / "g.ttl")
    assert report.ok and report.documents == 1


def test_worker_processes_give_the_same_bytes_as_one_process(tmp_path):
    """The registry's JSON (a zip, read in slices by the workers) and the seed pages, in every format."""
    import zipfile

    from kg.build.pipeline import ZIP_SLICE

    archive = tmp_path / "ctg-studies.json.zip"
    studies = sorted((SEEDS.parent / "ctgov-json").glob("*.json"))
    with zipfile.ZipFile(archive, "w") as bundle:
        for study in studies * 3:  # more entries than one slice, and the same study under three names
            bundle.write(study, f"{len(bundle.infolist())}-{study.name}")
    assert len(studies) * 3 > ZIP_SLICE
    for format in ("turtle", "nquads"):
        one, two = tmp_path / f"one.{format}", tmp_path / f"two.{format}"
        first = build([archive, SEEDS], one, format=format, workers=1)
        second = build([SEEDS, archive], two, format=format, workers=2)
        assert first.documents == second.documents == len(studies) * 3 + 5
        assert first.triples == second.triples and first.trials == second.trials
        assert one.read_bytes() == two.read_bytes()
