"""Where a stored query runs: graph files (rdflib, in memory), an on-disk store, or a SPARQL endpoint.

This module is the one place that chooses the runner; ``kg query`` and ``kg build --show``
only say what to run on. It imports a runner when it is asked for, so that a query on a
store never loads rdflib's parser of graph files, nor one on files the endpoint client.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import rdflib

    from kg.query.catalogue import StoredQuery
    from kg.query.run import Result

__all__ = ["run_stored"]


def run_stored(name: str, values: Mapping[str, str], *, data: Sequence[Path] = (), graph: rdflib.Graph | None = None,
               store: Path | None = None, endpoint: str | None = None, timeout: float = 60.0,
               retries: int = 2, limit: int | None = None, offset: int | None = None) -> tuple[StoredQuery, Result]:
    """Run the stored query ``name`` with ``values`` for its parameters on exactly one target: graph files
    (``data``), a graph already loaded (``graph``), the on-disk store in ``store``, or ``endpoint`` (waiting
    ``timeout`` seconds, trying ``retries`` more times when it cannot be reached). ``limit`` and ``offset``
    ask the engine for one page of the rows (:func:`kg.query.catalogue.page`). Returns the query and its rows.

    >>> run_stored("trials", {}, data=[Path("g.ttl")], store=Path("store"))
    Traceback (most recent call last):
    ...
    ValueError: run a query on one target; given 2
    """
    given = sum(map(bool, (data, graph is not None, store is not None, endpoint)))
    if given != 1:
        raise ValueError(f"run a query on one target; given {given}")
    from kg.query.catalogue import page, stored_query

    stored = stored_query(name)
    sparql = page(stored.bind(values), limit, offset)
    if endpoint:
        from kg.query.remote import run_remote

        return stored, run_remote(endpoint, sparql, timeout=timeout, retries=retries)
    if store is not None:
        from kg.query.run import run_store

        return stored, run_store(store, sparql)
    from kg.query.run import run_local

    if graph is None:
        from kg.graphs.files import load_graph

        graph = load_graph(data)
    return stored, run_local(graph, sparql)
