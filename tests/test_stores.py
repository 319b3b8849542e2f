"""The graph in the SPARQL stores people already run: each test starts a real server on 127.0.0.1
(Oxigraph; Virtuoso and Apache Jena, Debian's packages, each skipped saying why where it is not
installed; Jena on a TDB2 dataset with Fuseki's union default graph), loads the seeds
and the registry records with `kg load` (into Oxigraph through its graph store, `--graph-store`; into the
others by SPARQL Update alone), and expects every stored query to give the same bytes as
the graph file, a changed document to replace its old version, a broken-off load to leave no
half-document and be mended by running it again, and a cut-short answer to be an error.
"""

from __future__ import annotations

import socket
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest
import servers
from conftest import SEEDS, TESTS, record_with_cell_products, run_kg

import kg.graphs.remote
from kg.build.streaming import build
from kg.errors import GraphError, QueryError
from kg.graphs.files import dataset_statements, load_graph
from kg.graphs.remote import call, client, load_remote, post_quads
from kg.query.catalogue import catalogue
from kg.query.output import format_result
from kg.query.remote import run_remote
from kg.query.run import run_local, run_store

PARAMETERS = {"trial": {"trial_id": "NCT05272293"}, "trials_for_patient": {"age": "50", "ecog": "1"}}
#: The Virtuoso of these tests answers at most this many rows (Debian's default is 10,000); every
#: stored query's answer on the test data is shorter, all the statements are not.
MAX_ROWS = 5000
#: The documents of the seeds and the registry records (SOURCES.md beside them is none).
DOCUMENTS = len(list(SEEDS.glob("*.txt"))) + len(list((TESTS / "data" / "ctgov-json").glob("*.json")))


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    """The seeds and the registry records as one TriG build."""
    output = tmp_path_factory.mktemp("dataset") / "graph.trig"
    assert build([SEEDS, TESTS / "data" / "ctgov-json"], output, format="trig").documents == DOCUMENTS  # SOURCES.md is none
    return output


@pytest.fixture(scope="module")
def answers(dataset) -> dict[str, str]:
    """Every stored query's CSV on the graph file."""
    graph = load_graph([dataset])
    return {name: format_result(run_local(graph, stored.bind(PARAMETERS.get(name, {}))), "csv")
            for name, stored in catalogue().items()}


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso", "jena"])
def store(request, tmp_path_factory, dataset):
    """A server of each kind (started once for the module), loaded with the dataset by `kg load`."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "virtuoso" and not (servers.VIRTUOSO and servers.ISQL):
        pytest.skip(servers.NO_VIRTUOSO)
    if request.param == "jena" and not servers.HAS_JENA:
        pytest.skip(servers.NO_JENA)
    start = {"oxigraph": lambda: servers.oxigraph(folder), "virtuoso": lambda: servers.virtuoso(folder, max_rows=MAX_ROWS),
             "jena": lambda: servers.jena(folder)}[request.param]()
    with start as server:
        loaded = run_kg("load", dataset, *targets(server))
        assert loaded.returncode == 0, loaded.stderr
        sizes = file_sizes(dataset)
        assert loaded.stdout.startswith(f"{sum(sizes.values())} statements in {len(sizes) - 1} graphs loaded"), loaded.stdout
        yield server


def targets(server: servers.Server) -> list[str]:
    """`kg load`'s options for a server: its Update endpoint, and its graph store where it has one (Oxigraph)."""
    return ["--endpoint", server.update, *(["--graph-store", server.graph_store] if server.graph_store else [])]


#: Stored queries a server is known to answer otherwise than the file, by server name (none now:
#: trials_for_patient, whose OPTIONAL { UNION ... FILTER(outer variables) } Virtuoso 7.2 read otherwise,
#: was rewritten in plain SPARQL 1.1).
ENGINE_DIFFERS: dict[str, set[str]] = {}


def differing(server: servers.Server, answers: dict[str, str]) -> list[str]:
    """The stored queries whose CSV from the server is not the file's, byte for byte (but the known ones)."""
    return [name for name, stored in sorted(catalogue().items()) if name not in ENGINE_DIFFERS.get(server.name, set())
            and format_result(run_remote(server.query, stored.bind(PARAMETERS.get(name, {}))), "csv") != answers[name]]


def graph_sizes(server: servers.Server) -> dict[str, int]:
    rows = run_remote(server.query, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
    return {row[0]: int(row[1]) for row in rows}


def file_sizes(path: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for quad in dataset_statements([path]):
        sizes[quad.graph_name.value] = sizes.get(quad.graph_name.value, 0) + 1
    return sizes


def test_every_stored_query_gives_the_file_s_bytes(store, answers):
    assert len(answers) == len(catalogue()) >= 26 and differing(store, answers) == []


def test_the_embedded_store_gives_the_file_s_bytes(tmp_path, answers):
    assert build([SEEDS, TESTS / "data" / "ctgov-json"], store=tmp_path / "store").documents == DOCUMENTS
    assert [name for name, stored in sorted(catalogue().items()) if format_result(
        run_store(tmp_path / "store", stored.bind(PARAMETERS.get(name, {}))), "csv") != answers[name]] == []


def test_no_statement_is_in_the_default_graph(store, dataset):
    assert not any(isinstance(quad.graph_name, ox.DefaultGraph) for quad in dataset_statements([dataset]))
    ours = 'FILTER(STRSTARTS(STR(?g), "https://w3id.org/celltherapy-kg/"))'  # Virtuoso has graphs of its own
    total = run_remote(store.query, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {ours} }}").rows
    assert total == [[str(sum(file_sizes(dataset).values()))]]  # the union of the named graphs is the whole graph


def test_a_changed_document_loaded_again_replaces_its_old_version(store, dataset, answers, tmp_path):
    page = SEEDS / "002_8d5448df4b0db5fc.txt"
    edited = tmp_path / "edited" / page.name
    edited.parent.mkdir()
    edited.write_text(page.read_text(encoding="utf-8").replace("Target Recruitment\n12", "Target Recruitment\n14"),
                      encoding="utf-8")
    assert build([edited], tmp_path / "edited.trig", format="trig").ok
    assert run_kg("load", tmp_path / "edited.trig", *targets(store)).returncode == 0

    documents = run_remote(store.query, catalogue()["documents"].bind({})).rows
    assert len(documents) == DOCUMENTS  # the new version instead of the old, not beside it
    conflicts = run_remote(store.query, catalogue()["conflicts"].bind({"trial_id": "NL-OMON26066"})).rows
    assert conflicts == []  # one document does not disagree with itself
    enrollment = run_remote(store.query, catalogue()["trials"].bind({})).rows
    assert [row for row in enrollment if row[0] == "NL-OMON26066"][0][5] == "14"

    assert run_kg("load", dataset, *targets(store)).returncode == 0  # and back again
    assert differing(store, answers) == []


def test_a_load_broken_off_leaves_no_half_document_and_a_rerun_mends_it(store, dataset, answers, monkeypatch):
    drop = client(store.update, 60)
    drop.setMethod("POST")
    drop.setQuery("DROP SILENT ALL" if store.name != "virtuoso" else "DROP SILENT GRAPH <https://w3id.org/celltherapy-kg/id/graph/shared>")
    call(store.update, drop.query, 0)
    if store.name == "virtuoso":  # Virtuoso's DROP ALL would drop its own system graphs too
        for graph in file_sizes(dataset):
            drop.setQuery(f"DROP SILENT GRAPH <{graph}>")
            call(store.update, drop.query, 0)
    assert graph_sizes(store) == {} or set(graph_sizes(store)).isdisjoint(file_sizes(dataset))

    sent = []
    real = kg.graphs.remote.call

    def broken_off(endpoint, action, retries):  # the client killed as it sends its fourth request
        if len(sent) == 3:  # with a graph store: the POST of the second batch, whose graphs are dropped
            raise KeyboardInterrupt
        sent.append(1)
        return real(endpoint, action, retries)

    monkeypatch.setattr(kg.graphs.remote, "call", broken_off)
    with pytest.raises(KeyboardInterrupt):
        load_remote(store.update, [dataset], graph_store=store.graph_store, block=300, batch=300)
    monkeypatch.undo()
    whole = file_sizes(dataset)
    there = {graph: size for graph, size in graph_sizes(store).items() if graph in whole}
    assert 0 < len(there) < len(whole)
    halves = {graph: (size, whole[graph]) for graph, size in there.items()
              if size != whole[graph] and not graph.endswith("/graph/shared")}
    assert max(whole.values()) > 300  # a graph larger than a block is sent whole too, in a request of its own
    assert halves == {}

    report = load_remote(store.update, [dataset], graph_store=store.graph_store, block=300, batch=300)
    assert report.statements == sum(whole.values()) and report.requests > 20
    assert differing(store, answers) == []


def test_a_wrong_graph_store_address_is_one_line_and_a_rerun_mends_what_it_dropped(store, dataset, answers):
    if not store.graph_store:
        pytest.skip(f"{store.name}: loaded by SPARQL Update alone")
    wrong = store.graph_store.replace("/store", "/statements")
    result = run_kg("load", dataset, "--endpoint", store.update, "--graph-store", wrong, "--retries", "0")
    assert result.returncode == 2 and result.stderr.strip().splitlines() == [
        f"Error: {wrong}: the endpoint refused the request (HTTP 404: POST /statements is not supported by this server)"]
    whole = file_sizes(dataset)
    there = {graph: size for graph, size in graph_sizes(store).items() if graph in whole}
    assert len(there) < len(whole)  # the first batch's graphs were dropped before its POST was refused
    assert {graph for graph, size in there.items() if size != whole[graph] and not graph.endswith("/graph/shared")} == set()

    assert run_kg("load", dataset, *targets(store)).returncode == 0
    assert differing(store, answers) == []


def test_a_post_of_n_quads_cut_off_mid_way_leaves_none_of_its_statements(store):
    """What a load by the graph store relies on: Oxigraph adds a POST's statements in one transaction,
    so a client killed while it sends a batch leaves none of it (here the body is cut at a line end,
    the cut-off part itself valid N-Quads).
    """
    if not store.graph_store:
        pytest.skip(f"{store.name}: loaded by SPARQL Update alone")
    body = b"".join(f'<urn:kg-test:s{n}> <urn:kg-test:p> "{n}" <urn:kg-test:cut> .\n'.encode() for n in range(20_000))
    sent = body[:body.index(b"\n", len(body) // 2) + 1]
    address = urllib.parse.urlsplit(store.graph_store)
    with socket.create_connection((address.hostname, address.port), timeout=60) as connection:
        connection.sendall(f"POST {address.path} HTTP/1.1\r\nHost: {address.netloc}\r\nContent-Type: application/n-quads\r\n"
                           f"Connection: close\r\nContent-Length: {len(body)}\r\n\r\n".encode() + sent)
        connection.shutdown(socket.SHUT_WR)  # the client is gone
        answer = b"".join(iter(lambda: connection.recv(4096), b"")).decode("utf-8", "replace")
    assert answer.startswith("HTTP/1.1 500") and "expected to contain" in answer
    assert run_remote(store.query, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:kg-test:cut> { ?s ?p ?o } }").rows == [["0"]]

    post_quads(store.graph_store, body, 60)  # and sent whole, it is there whole
    assert run_remote(store.query, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:kg-test:cut> { ?s ?p ?o } }").rows == [["20000"]]
    drop = client(store.update, 60)
    drop.setMethod("POST")
    drop.setQuery("DROP GRAPH <urn:kg-test:cut>")
    call(store.update, drop.query, 0)


def test_a_cut_short_answer_is_an_error_and_the_server_s_reasons_reach_the_user(store):
    if store.name != "virtuoso":
        pytest.skip("only Virtuoso cuts answers short")
    with pytest.raises(QueryError, match=f"cut the answer at {MAX_ROWS:,} rows"):
        run_remote(store.query, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    update = client(store.update, 60)
    update.setMethod("POST")
    update.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(GraphError, match="SP031: SPARQL compiler: No plain default graph") as refused:
        call(store.update, update.query, 0)
    assert "probably" not in str(refused.value)


def test_a_graph_file_without_named_graphs_is_refused_in_one_line(store, seed_graph):
    result = run_kg("load", seed_graph, *targets(store))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "outside any named graph" in result.stderr



def _page_answers(store, page: Path, query_name: str, trial_id: str, folder: Path) -> tuple[str, str]:
    """A page's graph put in a graph of its own on the server: the stored query's CSV on its file and on the server."""
    graph_file = folder / f"{page.stem}.nt"
    assert build([page], graph_file, format="ntriples").ok
    query = catalogue()[query_name].bind({"trial_id": trial_id})
    expected = format_result(run_local(load_graph([graph_file]), query), "csv")
    update = client(store.update, 60)
    update.setMethod("POST")
    update.setQuery(f"INSERT DATA {{ GRAPH <urn:kg-test:page> {{ {graph_file.read_text(encoding='utf-8')} }} }}")
    call(store.update, update.query, 0)
    try:
        return expected, format_result(run_remote(store.query, query), "csv")
    finally:
        update.setQuery("DROP SILENT GRAPH <urn:kg-test:page>")
        call(store.update, update.query, 0)


def test_a_regimen_without_a_purpose_gives_the_file_s_bytes(store, tmp_path):
    """The regimens query asks for a purpose in an OPTIONAL (a drug listed with no purpose has none, issue 17): every
    server leaves it empty as the file does, the regimens of a purpose beside it as they were. The trial of held-out 5
    whose tacrolimus and mycophenolate mofetil are listed after the graft, no purpose said, put in a graph of its own.
    """
    page = TESTS / "data" / "therapy-holdout5" / "pages" / "clinicaltrials.gov" / \
        "ct2-show-results-record-NCT00789776-donor-nk-after-bmt.txt"
    expected, answered = _page_answers(store, page, "regimens", "NCT00789776", tmp_path)
    assert ",Tacrolimus,," in expected and ",CONDITIONING," in expected
    assert answered == expected


def test_an_outcome_of_no_kind_gives_the_file_s_bytes(store, tmp_path):
    """The outcomes query asks for a kind in an OPTIONAL (an excerpt that cut the outcomes' heading off says none):
    every server gives its kind empty as the file does. The classic page NCT02229266, in a graph of its own.
    """
    page = TESTS / "data" / "pages" / "clinicaltrials.gov" / "ct2-show-NCT02229266-HINKL.txt"
    expected, answered = _page_answers(store, page, "outcomes", "NCT02229266", tmp_path)
    assert "NCT02229266,,2-year overall survival," in expected
    assert answered == expected


def test_a_trial_with_two_cell_products_gives_the_file_s_serious_adverse_event_rates(store, tmp_path):
    """serious_adverse_event_rates gives each group's posted serious-event totals once however many cell products its
    trial gives (the products are a FILTER EXISTS) and the rate computed the same (ROUND of a decimal division): every
    server answers as the file does. NK and CAR-T cells added to the real record NCT02210780 (already in the servers'
    dataset), in a graph of their own.
    """
    graph, _, added = record_with_cell_products(tmp_path, "NCT02210780", {"NK": "Dupilumab 300 mg qw", "CAR_T": "Placebo qw"})
    update = client(store.update, 60)
    update.setMethod("POST")
    update.setQuery(f"INSERT DATA {{ GRAPH <urn:kg-test:products> {{ {added} }} }}")
    call(store.update, update.query, 0)
    try:
        for given in ({}, {"cell_type": "NK"}, {"cell_type": "CAR_T"}):
            query = catalogue()["serious_adverse_event_rates"].bind(given)
            expected = format_result(run_local(graph, query), "csv")
            assert expected.count("\n") > 2 and format_result(run_remote(store.query, query), "csv") == expected, given
    finally:
        update.setQuery("DROP SILENT GRAPH <urn:kg-test:products>")
        call(store.update, update.query, 0)
