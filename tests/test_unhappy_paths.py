"""What a new user walks into when something is wrong: the command says so in one line, exits
non-zero, and never destroys the last good output.
"""

from __future__ import annotations

import os
import stat
import zipfile

from conftest import SEEDS, run_kg

MEDPATH = SEEDS / "000_611aa22ea74317fe.txt"


def _unreadable(tmp_path):
    paper, notes = tmp_path / "paper.pdf", tmp_path / "notes.txt"
    paper.write_bytes(b"%PDF-1.7\n\x00\x01binary")
    notes.write_text("Things to read this week.\n", encoding="utf-8")
    return paper, notes


def test_a_build_that_reads_no_document_leaves_the_last_graph_as_it_was(tmp_path):
    graph = tmp_path / "graph.ttl"
    assert run_kg("build", MEDPATH, "-o", graph, "-q").returncode == 0
    before = graph.read_bytes()
    result = run_kg("build", *_unreadable(tmp_path), "-o", graph, "-q")
    assert result.returncode == 1, result.stderr
    assert f"nothing written: no document could be read, so {graph} is left as it was (2 left out" in result.stderr, result.stderr
    assert "conforms to the shapes" not in result.stdout
    assert graph.read_bytes() == before


def test_a_build_that_reads_no_document_leaves_the_last_store_as_it_was(tmp_path):
    store = tmp_path / "store"
    assert run_kg("build", MEDPATH, "--store", store, "-q").returncode == 0
    result = run_kg("build", *_unreadable(tmp_path), "--store", store, "-q")
    assert result.returncode == 1 and "is left as it was" in result.stderr, result.stderr
    rows = run_kg("query", "trials", "--store", store, "--format", "csv")
    assert rows.stdout.count("\n") == 2, rows.stdout  # the header and the one trial built before


def test_a_build_where_some_documents_fail_says_how_many_trials_it_kept(tmp_path):
    result = run_kg("build", MEDPATH, *_unreadable(tmp_path), "-o", tmp_path / "graph.ttl", "-q", "--no-validate")
    assert result.returncode == 1
    said = "documents left out: 2 (reasons above); the graph holds the 1 trials of the other 1 documents"
    assert said in result.stdout, result.stdout


def test_files_and_stores_kg_writes_honour_the_umask(tmp_path):
    env_umask = os.umask(0o022)
    try:
        graph, store, report = tmp_path / "graph.ttl", tmp_path / "store", tmp_path / "report.ttl"
        assert run_kg("build", MEDPATH, "-o", graph, "-q").returncode == 0
        assert run_kg("build", MEDPATH, "--store", store, "-q").returncode == 0
        run_kg("validate", graph, "--format", "turtle", "-o", report)
    finally:
        os.umask(env_umask)
    assert stat.S_IMODE(graph.stat().st_mode) == 0o644
    assert stat.S_IMODE(report.stat().st_mode) == 0o644
    assert stat.S_IMODE(store.stat().st_mode) == 0o755


def test_a_word_file_is_refused_not_read_as_an_archive_of_documents(tmp_path):
    docx = tmp_path / "protocol.docx"
    with zipfile.ZipFile(docx, "w") as word:
        word.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        word.writestr("word/document.xml", "<w:document/>")
        word.writestr("docProps/core.xml", "<cp:coreProperties/>")
    result = run_kg("build", docx, MEDPATH, "-o", tmp_path / "graph.ttl", "-q", "--no-validate")
    assert result.returncode == 1
    assert result.stderr.count("left out:") == 1, result.stderr
    assert ("left out: protocol.docx: an Office document (Word, Excel or PowerPoint), not a trial document or an "
            "archive of them: save the page as text (.txt) or HTML and build from that") in result.stderr, result.stderr


def test_the_trial_table_shows_compact_iris_a_person_can_read(tmp_path):
    graph = tmp_path / "graph.ttl"
    run_kg("build", MEDPATH, "-o", graph, "-q", "--no-validate")
    table = run_kg("query", "trial", "--data", graph, "--param", "trial_id=NCT05272293").stdout
    assert "id:trial/NCT05272293" in table and "rdf:type" in table and "ctk:Trial" in table, table
    assert "https://w3id.org/" not in table, table

