"""A real SPARQL server: the tests start an Oxigraph server on a free local port, load the
seed graph into it, and run every stored query remotely, in the embedded store and on the
graph file, expecting the same answers.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import SEEDS, run_kg

from kg.build.streaming import build
from kg.graphs.files import load_graph
from kg.graphs.server import server_command
from kg.graphs.store import fill_store, open_store
from kg.query.catalogue import catalogue
from kg.query.remote import run_remote
from kg.query.run import run_local, run_store

#: Parameters for the queries that need one.
PARAMETERS = {"trial": {"trial_id": "NCT05272293"}}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ask(endpoint: str) -> bool:
    url = f"{endpoint}/query?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


def start(command: list[str], port: int) -> tuple[subprocess.Popen, str]:
    """Start a server and wait (30 s at most) until it answers ASK; returns it and its base URL."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not ask(endpoint):
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, f"{command[:2]} did not answer within 30 s"
        time.sleep(0.1)
    return process, endpoint


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Oxigraph server of our own on 127.0.0.1, up once it answers ASK, stopped at the end."""
    port = free_port()
    process, endpoint = start(server_command(tmp_path_factory.mktemp("oxigraph") / "store", port, writable=True), port)
    yield {"base": endpoint, "query": f"{endpoint}/query", "update": f"{endpoint}/update", "process": process}
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def seed_dataset(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("dataset") / "seeds.trig"
    assert build([SEEDS], output, format="trig").ok
    return output


@pytest.fixture(scope="module")
def loaded(server, seed_dataset):
    result = run_kg("load", seed_dataset, "--endpoint", server["update"])
    assert result.returncode == 0, result.stderr
    return server


def normalised(rows: list[list[str | None]]) -> list[tuple]:
    """Rows compared as sets of values per cell (GROUP_CONCAT order is free) and numbers by value
    (engines write 1.0E9 or 1000000000.0 for the same double).
    """
    def cell(value: str | None):
        parts = []
        for part in (value or "").split("|"):
            try:
                parts.append(float(part))
            except ValueError:
                parts.append(part)
        return tuple(sorted(parts, key=str))
    return sorted((tuple(cell(v) for v in row) for row in rows), key=str)


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_stored_query_answers_the_same_remotely_as_locally(name, loaded, seed_dataset):
    sparql = catalogue()[name].bind(PARAMETERS.get(name, {}))
    local = run_local(load_graph([seed_dataset]), sparql)
    remote = run_remote(loaded["query"], sparql)
    assert remote.columns == local.columns
    assert normalised(remote.rows) == normalised(local.rows)


def test_the_embedded_store_answers_the_same_as_the_graph_file(tmp_path, seed_dataset):
    assert build([SEEDS], store=tmp_path / "store").ok
    graph = load_graph([seed_dataset])
    for name, stored in sorted(catalogue().items()):
        sparql = stored.bind(PARAMETERS.get(name, {}))
        assert normalised(run_store(tmp_path / "store", sparql).rows) == normalised(run_local(graph, sparql).rows), name


def test_a_store_loaded_in_pieces_holds_every_statement_once(tmp_path, seed_dataset, monkeypatch):
    with open(seed_dataset, "rb") as stream:
        quads = list(ox.parse(stream, ox.RdfFormat.TRIG))
    lines = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
    fill_store(tmp_path / "whole", nquads=[b"".join(lines)])
    monkeypatch.setattr("kg.graphs.store.LOAD_PIECE", 4096)  # about twenty statements a piece, as a large build's 64 MB
    fill_store(tmp_path / "pieces", nquads=iter(lines))
    whole, pieces = (sorted(map(str, open_store(tmp_path / name))) for name in ("whole", "pieces"))
    assert len(lines) > 400 and len(whole) == len(set(quads)) and pieces == whole


def test_the_cli_queries_a_store_and_an_endpoint(loaded, tmp_path):
    assert run_kg("build", SEEDS, "--store", tmp_path / "store").returncode == 0
    from_store = run_kg("query", "sites", "--store", tmp_path / "store", "-f", "csv")
    from_endpoint = run_kg("query", "sites", "--endpoint", loaded["query"], "-f", "csv")
    assert from_store.returncode == from_endpoint.returncode == 0
    assert sorted(from_store.stdout.splitlines()) == sorted(from_endpoint.stdout.splitlines())
    assert "Minsk,BY" in from_endpoint.stdout


def graph_sizes(endpoint: str) -> dict[str, int]:
    result = run_remote(endpoint, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row[0]: int(row[1]) for row in result.rows}


def test_reloading_a_document_replaces_only_its_graph(loaded, tmp_path):
    before = graph_sizes(loaded["query"])
    page = SEEDS / "002_8d5448df4b0db5fc.txt"
    one = tmp_path / "one.trig"
    build([page], one, format="trig")
    assert run_kg("load", one, "--endpoint", loaded["update"]).returncode == 0
    assert graph_sizes(loaded["query"]) == before  # the same document again: nothing changes

    edited = tmp_path / "edited" / page.name
    edited.parent.mkdir()
    edited.write_text(page.read_text(encoding="utf-8").replace("Target Recruitment\n12", "Target Recruitment\n14"),
                      encoding="utf-8")
    build([edited], tmp_path / "edited.trig", format="trig")
    assert run_kg("load", tmp_path / "edited.trig", "--endpoint", loaded["update"]).returncode == 0
    after = graph_sizes(loaded["query"])
    new = set(after) - set(before)
    assert len(new) == 1 and next(iter(new)).startswith("https://w3id.org/celltherapy-kg/id/document/")
    assert {g: n for g, n in after.items() if g in before and "NL-OMON26066" not in g} == {
        g: n for g, n in before.items() if "NL-OMON26066" not in g}


def test_a_hostile_parameter_is_harmless_on_the_server(loaded):
    before = graph_sizes(loaded["query"])
    result = run_kg("query", "trials", "--endpoint", loaded["query"], "--param", 'status=x" } ; DROP ALL ; #')
    assert result.returncode == 0 and "(0 rows)" in result.stdout
    assert graph_sizes(loaded["query"]) == before


def test_updates_are_refused_before_they_reach_the_server(loaded):
    from kg.errors import QueryError

    with pytest.raises(QueryError):
        run_remote(loaded["query"], "DROP ALL")


def test_an_unreachable_endpoint_gives_one_clear_line_and_no_credentials():
    dead = f"http://127.0.0.1:{free_port()}/query"
    env_result = run_kg_with_env({"KG_ENDPOINT_TOKEN": "s3cret-token"}, "query", "sites", "--endpoint", dead,
                                 "--retries", "0", "--timeout", "2")
    assert env_result.returncode == 2
    assert env_result.stderr.strip().splitlines() == [
        f"Error: {dead}: endpoint unreachable ([Errno 111] Connection refused)"]
    assert "s3cret" not in env_result.stderr + env_result.stdout


def test_a_server_stopped_mid_run_gives_one_clear_line(tmp_path, seed_dataset):
    port = free_port()
    process, endpoint = start(server_command(tmp_path / "store", port, writable=True), port)
    assert run_kg("load", seed_dataset, "--endpoint", f"{endpoint}/update").returncode == 0
    assert run_kg("query", "sites", "--endpoint", f"{endpoint}/query").returncode == 0
    process.terminate()
    process.wait(timeout=10)
    result = run_kg("query", "sites", "--endpoint", f"{endpoint}/query", "--retries", "1")
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"Error: {endpoint}/query: endpoint unreachable")
    assert "Traceback" not in result.stderr


def run_kg_with_env(extra: dict[str, str], *args):
    """``python -m kg ARGS`` with extra environment variables."""
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **extra}, timeout=120)


def test_kg_serve_gives_a_read_only_endpoint_on_graph_files(seed_dataset):
    port = free_port()
    process, endpoint = start([sys.executable, "-m", "kg", "serve", "--data", str(seed_dataset), "--port", str(port)], port)
    try:
        rows = run_remote(f"{endpoint}/query", catalogue()["sites"].bind({})).rows
        assert {row[3] for row in rows} == {"BY", "NL"}
        refused = run_kg("load", seed_dataset, "--endpoint", f"{endpoint}/update", "--retries", "0")
        assert refused.returncode == 2 and refused.stderr.startswith(f"Error: {endpoint}/update: the endpoint refused")
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=10)


@pytest.mark.parametrize("where", ["update", "base"])
def test_a_query_sent_to_the_update_endpoint_or_the_home_page_says_which_endpoint_to_use(server, where):
    result = run_kg("query", "trials", "--endpoint", server[where], "--retries", "0")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "is this the query endpoint" in result.stderr or "refused the request" in result.stderr, result.stderr

