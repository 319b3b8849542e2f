"""Remote SPARQL 1.1 endpoints, through SPARQLWrapper: the client, and loading graphs by Update.

Credentials come from the environment, never from the command line or into output:
``KG_ENDPOINT_USER`` / ``KG_ENDPOINT_PASSWORD`` (basic auth) or ``KG_ENDPOINT_TOKEN``
(a bearer token). A failing endpoint gives one line naming the endpoint and the reason.
"""

from __future__ import annotations

import os
import time
import urllib.error
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from SPARQLWrapper import POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.errors import GraphError
from kg.graphs.files import dataset_statements

__all__ = ["client", "call", "load_remote"]


def client(endpoint: str, timeout: float) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setTimeout(max(1, int(timeout)))
    if os.environ.get("KG_ENDPOINT_TOKEN"):
        client.addCustomHttpHeader("Authorization", f"Bearer {os.environ['KG_ENDPOINT_TOKEN']}")
    elif os.environ.get("KG_ENDPOINT_USER"):
        client.setCredentials(os.environ["KG_ENDPOINT_USER"], os.environ.get("KG_ENDPOINT_PASSWORD", ""))
    return client


def call(endpoint: str, action, retries: int):
    """Run ``action`` with retries on a connection failure; every failure becomes one GraphError line."""
    for attempt in range(retries + 1):
        try:
            return action()
        except (urllib.error.HTTPError, SPARQLWrapperException) as error:
            detail = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise GraphError(f"{endpoint}: the endpoint refused the request ({detail})") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            if attempt == retries:
                reason = getattr(error, "reason", error)
                raise GraphError(f"{endpoint}: endpoint unreachable ({reason})") from None
            time.sleep(min(2.0 ** attempt, 10.0))
    raise AssertionError("unreachable")


def _update_text(quads: Iterable[ox.Quad]) -> str:
    """One SPARQL Update replacing each named graph with the given statements and adding the
    default graph's: a store runs it as one transaction, so a load completes or changes nothing.
    """
    graphs: dict[str, list[str]] = {}
    for quad in quads:
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else str(quad.graph_name)
        graphs.setdefault(name, []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    operations = []
    for name in sorted(graphs):
        body = "\n".join(graphs[name])
        if name:
            operations.append(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
        else:
            operations.append(f"INSERT DATA {{\n{body}\n}}")
    return " ;\n".join(operations)


def load_remote(endpoint: str, paths: Iterable[Path], *, timeout: float = 300.0, retries: int = 2) -> int:
    """Load graph files into the store behind the SPARQL Update ``endpoint``; returns the statements sent.

    Each named graph (one per source document, from a TriG or N-Quads build) replaces the
    graph of that name in the store, so re-loading a document replaces exactly its
    statements; a Turtle file's triples go to the default graph.
    """
    quads = list(dataset_statements(paths))
    update = client(endpoint, timeout)
    update.setMethod(POST)
    update.setQuery(_update_text(quads))
    call(endpoint, update.query, retries)
    return len(quads)
