"""Remote SPARQL 1.1 endpoints, through SPARQLWrapper: the client, and loading graphs (by Update, or
by the Graph Store Protocol where the store has it).

Credentials come from the environment, never from the command line or into output:
``KG_ENDPOINT_USER`` / ``KG_ENDPOINT_PASSWORD`` (basic auth) or ``KG_ENDPOINT_TOKEN``
(a bearer token). A failing endpoint gives one line naming the endpoint and the reason, in the
server's own words where it gave some.

A load streams the graph files and sends them in bounded requests, so client memory stays flat whatever
the size of the graph. By SPARQL Update alone (any store): requests of at most ``block`` statements
(stores limit one request: Virtuoso refuses an ``INSERT DATA`` of much more than a thousand). With the
store's graph store address (``graph_store``, where it takes N-Quads by HTTP POST: the SPARQL 1.1 Graph
Store HTTP Protocol service, Oxigraph's ``/store``), batches of at most ``batch`` statements, each as
one Update dropping the batch's graphs and one POST of its statements as N-Quads; Oxigraph takes
that about ten times faster than ``INSERT DATA`` blocks. What a load guarantees:

- every document's and trial's graph the load names is replaced: the first request that writes it
  drops it first (``DROP SILENT GRAPH``), so a re-run of a failed or killed load mends the store;
- each document's and trial's graph is sent whole in one request (one larger than ``block`` in a request
  of its own, as several ``INSERT DATA`` operations); on a store that runs a request as one transaction
  (Oxigraph, Jena) it is there whole or not at all. Virtuoso commits each operation of a request by itself,
  so a failed request may leave a graph dropped, or one of more than ``block`` statements in part. With
  a graph store, a load that fails between a batch's Update and its POST leaves the batch's graphs
  dropped (absent, never in part: Oxigraph runs each request as one transaction);
- the shared graph (:data:`kg.rdf.mapping.SHARED_GRAPH`) is added to, never dropped; a document
  loaded again with new content (same name, another checksum) takes the place of its old version:
  the old version's graph and description are deleted.
"""

from __future__ import annotations

import ast
import base64
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from SPARQLWrapper import SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.errors import GraphError
from kg.graphs.files import dataset_statements
from kg.model.namespaces import CTK, ID, RDFS
from kg.progress import Progress
from kg.rdf.mapping import SHARED_GRAPH

__all__ = ["client", "call", "post_update", "post_quads", "server_text", "load_remote", "LoadReport", "BLOCK",
           "BATCH"]

#: Statements per request of a load by Update (Virtuoso 7.2 refuses one INSERT DATA above about 1,400).
BLOCK = 1000
#: Statements per N-Quads request of a load by the graph store: larger requests gain nothing on
#: Oxigraph (100,000 statements took it as long as two requests of 50,000) and cost client memory.
BATCH = 50_000


def client(endpoint: str, timeout: float) -> SPARQLWrapper:
    """A client for ``endpoint``; parameters in its URL (``/query?union-default-graph``) go with every request."""
    base, _, parameters = endpoint.partition("?")
    client = SPARQLWrapper(base)
    for name, value in urllib.parse.parse_qsl(parameters, keep_blank_values=True):
        client.addParameter(name, value)
    client.setTimeout(max(1, int(timeout)))
    if os.environ.get("KG_ENDPOINT_TOKEN"):
        client.addCustomHttpHeader("Authorization", f"Bearer {os.environ['KG_ENDPOINT_TOKEN']}")
    elif os.environ.get("KG_ENDPOINT_USER"):
        client.setCredentials(os.environ["KG_ENDPOINT_USER"], os.environ.get("KG_ENDPOINT_PASSWORD", ""))
    return client


def _headers() -> dict[str, str]:
    """The credentials of :func:`client`, as HTTP headers."""
    if os.environ.get("KG_ENDPOINT_TOKEN"):
        return {"Authorization": f"Bearer {os.environ['KG_ENDPOINT_TOKEN']}"}
    if os.environ.get("KG_ENDPOINT_USER"):
        pair = f"{os.environ['KG_ENDPOINT_USER']}:{os.environ.get('KG_ENDPOINT_PASSWORD', '')}"
        return {"Authorization": "Basic " + base64.b64encode(pair.encode("utf-8")).decode("ascii")}
    return {}


def post_update(endpoint: str, text: str, timeout: float) -> None:
    """Send one SPARQL Update as the body of a POST (application/sparql-update, SPARQL 1.1 Protocol): a load's
    requests are large, and SPARQLWrapper spends longer on one (comment stripping, URL-encoding) than the store.
    """
    _post(endpoint, text.encode("utf-8"), "application/sparql-update; charset=utf-8", timeout)


def post_quads(graph_store: str, body: bytes, timeout: float) -> None:
    """Add N-Quads to the store's dataset by a POST to its graph store address (no ``graph`` parameter: the
    statements keep their own graphs, as Oxigraph's ``/store`` and Fuseki's ``/DATASET/data`` take them).
    """
    _post(graph_store, body, "application/n-quads", timeout)


def _post(url: str, body: bytes, content_type: str, timeout: float) -> None:
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type, **_headers()})
    with urllib.request.urlopen(request, timeout=max(1, timeout)) as answer:
        answer.read()


def server_text(error: Exception) -> str:
    """What the server said of a refused request, in one line (not SPARQLWrapper's guess at a reason)."""
    body: object = None
    if isinstance(error, urllib.error.HTTPError):
        body = error.read()
    elif "\n\nResponse:\n" in str(error):  # SPARQLWrapper keeps the server's answer only in its message
        try:
            body = ast.literal_eval(str(error).split("\n\nResponse:\n", 1)[1])
        except (ValueError, SyntaxError):
            body = None
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    detail = " ".join(lines[:3]) or (str(error).splitlines()[0].rstrip(". ") if str(error) else type(error).__name__)
    code = getattr(error, "code", None) or {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404,
                                              "URITooLong": 414, "EndPointInternalError": 500}.get(type(error).__name__)
    detail = detail if len(detail) <= 400 else detail[:399] + "…"
    return f"HTTP {code}: {detail}" if code else detail


def call(endpoint: str, action: Callable, retries: int):
    """Run ``action`` with retries on a connection failure; every failure becomes one GraphError line."""
    for attempt in range(retries + 1):
        try:
            return action()
        except (urllib.error.HTTPError, SPARQLWrapperException) as error:
            raise GraphError(f"{endpoint}: the endpoint refused the request ({server_text(error)})") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            if attempt == retries:
                reason = getattr(error, "reason", error)
                raise GraphError(f"{endpoint}: endpoint unreachable ({reason})") from None
            time.sleep(min(2.0 ** attempt, 10.0))
    raise AssertionError("unreachable")


@dataclass
class LoadReport:
    """What a load sent."""

    statements: int = 0
    graphs: int = 0
    requests: int = 0


_SHARED = f"<{SHARED_GRAPH}>"
_LABEL = f"<{RDFS}label>"
_DOCUMENT = f"<{ID}document/"


class _Request:
    """One request of a load: the graphs it drops, the statements it inserts, the documents it renews."""

    def __init__(self) -> None:
        self.drop: list[str] = []
        self.graphs: dict[str, list[str]] = {}
        self.documents: list[tuple[str, str]] = []
        self.size = 0

    def add(self, graph: str, lines: list[str]) -> None:
        self.graphs.setdefault(graph, []).extend(lines)
        self.size += len(lines)

    def text(self, block: int) -> str:
        operations = [f"DROP SILENT GRAPH {graph}" for graph in self.drop]
        if self.documents:
            operations += _renewal(self.documents)
        # INSERT DATA operations of at most ``block`` statements each (Virtuoso's limit is per operation).
        body: list[str] = []
        size = 0
        for graph, lines in self.graphs.items():
            for start in range(0, len(lines), block):
                part = lines[start:start + block]
                if size and size + len(part) > block:
                    operations.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
                    body, size = [], 0
                body.append(f"GRAPH {graph} {{\n" + "\n".join(part) + "\n}")
                size += len(part)
        if body:
            operations.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
        return " ;\n".join(operations)


def _renewal(documents: list[tuple[str, str]]) -> list[str]:
    """Delete the older versions of documents loaded again with new content: a document of the same
    name and another checksum, its graph and its description.
    """
    values = " ".join(f"({name} {document})" for document, name in documents)
    older = (f"VALUES (?name ?new) {{ {values} }} GRAPH {_SHARED} {{ ?old a <{CTK}SourceDocument> ; {_LABEL} ?name }} "
             "FILTER (?old != ?new)")
    return [f"DELETE {{ GRAPH ?old {{ ?s ?p ?o }} }} WHERE {{ {older} GRAPH ?old {{ ?s ?p ?o }} }}",
            f"DELETE {{ GRAPH {_SHARED} {{ ?old ?p ?o }} }} WHERE {{ {older} GRAPH {_SHARED} {{ ?old ?p ?o }} }}"]


def _runs(paths: Iterable[Path], tell: Callable[[int], None]) -> Iterator[tuple[str, list[ox.Quad]]]:
    """The statements of the files as runs of (graph, statements) of one graph each: a document's or
    a trial's graph as the file has it in one piece (a build writes each document's at once), the shared
    graph, which a load adds to, in runs of at most :data:`BLOCK`.
    """
    graph: str | None = None
    quads: list[ox.Quad] = []
    for quad in dataset_statements(paths, tell=tell):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            raise GraphError(f"{quad}: a statement outside any named graph; load a dataset build "
                             "(kg build --format trig or nquads), whose statements are each in a named graph")
        name = str(quad.graph_name)
        if name != graph or (name == _SHARED and len(quads) >= BLOCK):
            if quads:
                yield graph, quads  # type: ignore[misc]
            graph, quads = name, []
        quads.append(quad)
    if quads:
        yield graph, quads  # type: ignore[misc]


def _lines(quads: list[ox.Quad]) -> list[str]:
    """Statements as the N-Triples lines of an ``INSERT DATA`` (their graph is said around them)."""
    return [f"{quad.subject} {quad.predicate} {quad.object} ." for quad in quads]


def _described(quads: list[ox.Quad]) -> list[tuple[str, str]]:
    """The (document, name) pairs of the document descriptions among statements of the shared graph."""
    return [(str(quad.subject), str(quad.object)) for quad in quads
            if str(quad.predicate) == _LABEL and str(quad.subject).startswith(_DOCUMENT)]


def load_remote(endpoint: str, paths: Iterable[Path], *, graph_store: str | None = None, timeout: float = 300.0,
                retries: int = 2, block: int = BLOCK, batch: int = BATCH,
                progress: Progress | None = None) -> LoadReport:
    """Load dataset files (TriG, N-Quads: a build's) into the store behind the SPARQL Update ``endpoint``:
    in requests of at most ``block`` statements, or, given the store's ``graph_store`` address, in
    batches of at most ``batch`` statements posted as N-Quads (see the module's docstring for what a
    load guarantees).
    """
    paths = list(paths)
    total = sum(path.stat().st_size for path in paths if path.exists())
    report = LoadReport()
    seen: set[str] = set()
    limit = batch if graph_store else block
    request = _Request()
    quads: list[ox.Quad] = []  # the batch's statements, for the graph store

    def send() -> None:
        nonlocal request, quads
        if graph_store:
            if request.drop or request.documents:
                text = request.text(block)  # the drops and renewals only: the statements go as N-Quads
                call(endpoint, lambda: post_update(endpoint, text, timeout), retries)
                report.requests += 1
            if quads:
                body = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
                call(graph_store, lambda: post_quads(graph_store, body, timeout), retries)
                report.requests += 1
        elif request.size or request.drop:
            text = request.text(block)
            call(endpoint, lambda: post_update(endpoint, text, timeout), retries)
            report.requests += 1
        request, quads = _Request(), []

    def tell(done: int) -> None:
        if progress:
            progress("loading", min(done, total), total)

    for graph, run in _runs(paths, tell):
        if request.size and request.size + len(run) > limit:
            send()  # a graph is never split between requests: one larger than a block has one of its own
        if graph == _SHARED:
            request.documents += _described(run)
        elif graph not in seen:
            seen.add(graph)
            request.drop.append(graph)
            report.graphs += 1
        if graph_store:
            quads += run
            request.size += len(run)
        else:
            request.add(graph, _lines(run))
        report.statements += len(run)
    send()
    if progress:
        progress("loading", total, total)
    return report
