"""Where a stored query runs: graph files (rdflib, in memory), an on-disk store, or a SPARQL endpoint.

This module is the one place that chooses the runner; ``kg query`` and ``kg build --show``
only say what to run on. It imports a runner when it is asked for, so that a query on a
store never loads rdflib's parser of graph files, nor one on files the endpoint client.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg.query.run import Result

if TYPE_CHECKING:
    import rdflib

    from kg.query.catalogue import StoredQuery

__all__ = ["run_stored", "stream_stored", "listing_pages", "FIRST_PAGE", "LARGEST_PAGE"]


#: The trials in a listing's first page, and at most in any page: each page asks for ten times the trials
#: of the one before, so the first rows come after a few trials' worth of work and a long listing takes few
#: queries. A store sorts the keys of the listed trials for every page (6 ms for 10,000 on Oxigraph).
FIRST_PAGE, LARGEST_PAGE = 100, 10_000


def run_stored(name: str, values: Mapping[str, str], *, data: Sequence[Path] = (), graph: rdflib.Graph | None = None,
               store: Path | None = None, endpoint: str | None = None, timeout: float = 60.0,
               retries: int = 2, limit: int | None = None, offset: int | None = None) -> tuple[StoredQuery, Result]:
    """Run the stored query ``name`` with ``values`` for its parameters on exactly one target: graph files
    (``data``), a graph already loaded (``graph``), the on-disk store in ``store``, or ``endpoint`` (waiting
    ``timeout`` seconds, trying ``retries`` more times when it cannot be reached). ``limit`` and ``offset``
    ask for one page of the rows (:func:`stream_stored`). Returns the query and its rows.

    >>> run_stored("trials", {}, data=[Path("g.ttl")], store=Path("store"))
    Traceback (most recent call last):
    ...
    ValueError: run a query on one target; given 2
    """
    stored, pages = stream_stored(name, values, data=data, graph=graph, store=store, endpoint=endpoint,
                                  timeout=timeout, retries=retries, limit=limit, offset=offset)
    first = next(pages)
    for more in pages:
        first.rows.extend(more.rows)
    return stored, first


def stream_stored(name: str, values: Mapping[str, str], *, data: Sequence[Path] = (), graph: rdflib.Graph | None = None,
                  store: Path | None = None, endpoint: str | None = None, timeout: float = 60.0,
                  retries: int = 2, limit: int | None = None, offset: int | None = None
                  ) -> tuple[StoredQuery, Iterator[Result]]:
    """:func:`run_stored`'s rows as they come: one :class:`Result` after another (at least one, with the
    columns), whose rows in turn are the query's rows in its order.

    A listing on a store or an endpoint is asked for page by page of its trials
    (:func:`kg.query.catalogue.trial_page`: the rows of the first 100 trials, then of the next 1,000, ...),
    so that its first rows come before the store has read the whole registry, and ``offset`` and ``limit``
    (rows) cost the rows up to the last one asked for, not a sort of the whole listing. Graph files (rdflib)
    and the other queries are asked once, with ``LIMIT`` and ``OFFSET`` (:func:`kg.query.catalogue.page`).
    """
    given = sum(map(bool, (data, graph is not None, store is not None, endpoint)))
    if given != 1:
        raise ValueError(f"run a query on one target; given {given}")
    from kg.query.catalogue import page, pages_by_trial, stored_query

    stored = stored_query(name)
    sparql = stored.bind(values)
    if (limit is not None and limit < 0) or (offset is not None and offset < 0):
        page(sparql, limit, offset)  # refused there, in the words of every other target
    execute: Callable[[str], Result]
    if endpoint:
        from kg.query.remote import run_remote

        def execute(text: str) -> Result:
            return run_remote(endpoint, text, timeout=timeout, retries=retries)
    elif store is not None:
        from kg.graphs.store import open_store
        from kg.query.run import query_store

        opened = open_store(store)

        def execute(text: str) -> Result:
            return query_store(opened, text)
    else:
        from kg.query.run import run_local

        if graph is None:
            from kg.graphs.files import load_graph

            graph = load_graph(data)
        loaded = graph

        def execute(text: str) -> Result:
            return run_local(loaded, text)

        return stored, iter([execute(page(sparql, limit, offset))])
    if not pages_by_trial(sparql):
        return stored, iter([execute(page(sparql, limit, offset))])
    return stored, listing_pages(execute, sparql, limit, offset or 0)


def listing_pages(execute: Callable[[str], Result], sparql: str, limit: int | None = None, offset: int = 0) -> Iterator[Result]:
    """The rows ``offset`` to ``offset + limit`` of the listing ``sparql`` (bound), page of trials by page, each
    page's query run by ``execute``.
    """
    from kg.query.catalogue import trial_count, trial_page

    trials = None  # counted once a second page is wanted
    at, size, skip, left, read = 0, FIRST_PAGE, offset, limit, 0
    while True:
        result = execute(trial_page(sparql, size, at))
        read += len(result.rows)
        rows = result.rows[skip:]
        skip -= len(result.rows) - len(rows)
        if left is not None:
            rows, left = rows[:left], left - len(rows[:left])
        yield Result(result.columns, rows)
        at += size
        if left == 0:
            return
        if trials is None:
            trials = int(execute(trial_count(sparql)).rows[0][0] or 0)
        if at >= trials:
            return
        size = min(size * 10, LARGEST_PAGE)
        if left is not None and read:
            # Rows asked for: as many trials as they take at the rows per trial read so far, and a fifth more.
            size = max(FIRST_PAGE, min(size, math.ceil((skip + left) * at / read * 1.2)))
