"""A real SPARQL server: the tests start an Oxigraph server on a free local port, load the seed
graph into it and query it as users do; and `kg serve`, which serves a store or graph files
(every stored query on every kind of store: tests/test_stores.py).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import servers
from conftest import SEEDS, run_kg

from kg.build.streaming import build
from kg.graphs.store import fill_store, open_store
from kg.query.catalogue import catalogue
from kg.query.remote import run_remote


def start(command: list[str], port: int) -> tuple[subprocess.Popen, str]:
    """Start a server and wait until it answers ASK; returns it and its base URL."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    endpoint = f"http://127.0.0.1:{port}"
    servers.wait_for(process, f"{endpoint}/query", 30)
    return process, endpoint


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Oxigraph server of our own on 127.0.0.1, up once it answers ASK, stopped at the end."""
    with servers.oxigraph(tmp_path_factory.mktemp("oxigraph")) as running:
        yield {"query": running.query, "update": running.update, "process": running.process,
               "base": running.query.split("/query")[0] + "/"}


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


def test_a_hostile_parameter_is_harmless_on_the_server(loaded):
    before = graph_sizes(loaded["query"])
    result = run_kg("query", "identifiers", "--endpoint", loaded["query"], "--param", 'trial_id=x" } ; DROP ALL ; #')
    assert result.returncode == 0 and "(0 rows)" in result.stdout
    refused = run_kg("query", "trials", "--endpoint", loaded["query"], "--param", 'status=x" } ; DROP ALL ; #')
    assert refused.returncode == 2 and "is not one of" in refused.stderr  # a vocabulary token is checked before it is sent
    assert graph_sizes(loaded["query"]) == before


def test_updates_are_refused_before_they_reach_the_server(loaded):
    from kg.errors import QueryError

    with pytest.raises(QueryError):
        run_remote(loaded["query"], "DROP ALL")


def test_an_unreachable_endpoint_gives_one_clear_line_and_no_credentials():
    dead = f"http://127.0.0.1:{servers.free_port()}/query"
    env_result = run_kg_with_env({"KG_ENDPOINT_TOKEN": "s3cret-token"}, "query", "sites", "--endpoint", dead,
                                 "--retries", "0", "--timeout", "2")
    assert env_result.returncode == 2
    assert env_result.stderr.strip().splitlines() == [
        f"Error: {dead}: endpoint unreachable ([Errno 111] Connection refused)"]
    assert "s3cret" not in env_result.stderr + env_result.stdout


def test_a_server_stopped_mid_run_gives_one_clear_line(tmp_path, seed_dataset):
    with servers.oxigraph(tmp_path) as running:
        assert run_kg("load", seed_dataset, "--endpoint", running.update).returncode == 0
        assert run_kg("query", "sites", "--endpoint", running.query).returncode == 0
    result = run_kg("query", "sites", "--endpoint", running.query, "--retries", "1")
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"Error: {running.query}: endpoint unreachable")
    assert "Traceback" not in result.stderr


def run_kg_with_env(extra: dict[str, str], *args):
    """``python -m kg ARGS`` with extra environment variables."""
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **extra}, timeout=120)


def test_kg_serve_gives_a_read_only_endpoint_on_graph_files(seed_dataset):
    port = servers.free_port()
    process, endpoint = start([sys.executable, "-m", "kg", "serve", "--data", str(seed_dataset), "--port", str(port)], port)
    try:
        rows = run_remote(f"{endpoint}/query", catalogue()["sites"].bind({})).rows
        assert {row[3] for row in rows} == {"BY", "NL"}
        refused = run_kg("load", seed_dataset, "--endpoint", f"{endpoint}/update", "--retries", "0")
        assert refused.returncode == 2 and refused.stderr.startswith(f"Error: {endpoint}/update: the endpoint refused")
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=10)


def serving(*args: str, scratch: Path | None = None) -> tuple[subprocess.Popen, int]:
    """`kg serve ARGS` on a free port (its temporary files in ``scratch``), up once it answers."""
    port = servers.free_port()
    env = {**os.environ, "TMPDIR": str(scratch)} if scratch else None
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", *args, "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    servers.wait_for(process, f"http://127.0.0.1:{port}/query", 60)
    return process, port


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_kg_serve_stopped_stops_its_server_and_removes_its_temporary_store(seed_dataset, stop, tmp_path):
    process, port = serving("--data", str(seed_dataset), scratch=tmp_path)
    try:
        assert [path.name[:9] for path in tmp_path.iterdir()] == ["kg-serve-"]
    finally:
        process.send_signal(stop)  # to kg alone, as a service manager does, not to its process group
    assert process.wait(timeout=20) == 0
    assert not servers.answers(f"http://127.0.0.1:{port}/query")  # the Oxigraph child is gone
    assert list(tmp_path.iterdir()) == []


def test_kg_serve_on_a_busy_port_or_a_missing_store_says_so_in_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = run_kg("serve", "--store", tmp_path, "--port", port)
    assert busy.returncode == 2
    assert busy.stderr.splitlines() == [f"Error: 127.0.0.1:{port}: cannot serve there (Address already in use); "
                                        "choose another port with --port"]
    missing = run_kg("serve", "--store", tmp_path / "mistyped", "--writable", "--port", servers.free_port())
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1
    assert missing.stderr.startswith(f"Error: {tmp_path / 'mistyped'}: no store there")
    assert not (tmp_path / "mistyped").exists()


def test_kg_serve_writable_takes_updates_with_WITH_and_USING(tmp_path):
    assert build([SEEDS], store=tmp_path / "store").ok
    process, port = serving("--store", str(tmp_path / "store"), "--writable")
    try:
        query = f"http://127.0.0.1:{port}/query?union-default-graph"
        sites = len({row[1] for row in run_remote(query, catalogue()["sites"].bind({})).rows})
        assert sites > 0  # the union of the store's graphs
        # The seeds' trials are each one document's: the store keeps them in its default graph (a graph of
        # notes of one's own is where WITH and USING name one).
        graph, site = "urn:example:notes", "https://w3id.org/celltherapy-kg/ontology#Site"
        for update, seen in ((f"INSERT {{ GRAPH <{graph}> {{ ?s a <{site}> }} }} WHERE {{ ?s a <{site}> }}", 0),
                             (f'WITH <{graph}> INSERT {{ ?s <urn:seen> "yes" }} WHERE {{ ?s a <{site}> }}', sites),
                             (f"DELETE {{ GRAPH <{graph}> {{ ?s <urn:seen> ?o }} }} USING <{graph}> WHERE {{ ?s <urn:seen> ?o }}", 0)):
            request = urllib.request.Request(f"http://127.0.0.1:{port}/update", data=update.encode(),
                                             headers={"Content-Type": "application/sparql-update"})
            with urllib.request.urlopen(request, timeout=10) as answer:
                assert answer.status == 204
            assert run_remote(query, "SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:seen> ?o }").rows == [[str(seen)]]
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_kg_serve_writable_says_where_kg_load_sends_its_statements(seed_dataset, tmp_path):
    ox.Store(str(tmp_path / "store")).flush()  # an empty store, as a new service starts with
    process, port = serving("--store", str(tmp_path / "store"), "--writable")
    try:
        said = process.stderr.readline().decode()
        addresses = dict(part.split(": ", 1) for part in said.split("  ") if ": " in part)
        assert addresses["graph store"] == f"http://127.0.0.1:{port}/store"
        loaded = run_kg("load", seed_dataset, "--endpoint", addresses["updates"], "--graph-store", addresses["graph store"])
        assert loaded.returncode == 0, loaded.stderr
        from_server = run_kg("query", "trials", "--endpoint", addresses["SPARQL endpoint"], "-f", "csv")
        from_file = run_kg("query", "trials", "--data", seed_dataset, "-f", "csv")
        assert from_server.stdout == from_file.stdout and from_file.stdout.count("\n") > 1
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.parametrize("where", ["update", "base"])
def test_a_query_sent_to_the_update_endpoint_or_the_home_page_says_which_endpoint_to_use(server, where):
    result = run_kg("query", "trials", "--endpoint", server[where], "--retries", "0")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "is this the query endpoint" in result.stderr or "refused the request" in result.stderr, result.stderr

