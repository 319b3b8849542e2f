"""Stored queries on a remote SPARQL 1.1 endpoint (the client and its credentials: :mod:`kg.graphs.remote`)."""

from __future__ import annotations

from SPARQLWrapper import JSON, SELECT

from kg.graphs.remote import call, client
from kg.query.run import Result, check_read_only

__all__ = ["run_remote"]


def run_remote(endpoint: str, sparql: str, *, timeout: float = 60.0, retries: int = 2) -> Result:
    """Run a SELECT on ``endpoint``; results come back as the local runner's :class:`Result`."""
    check_read_only(sparql)
    select = client(endpoint, timeout)
    select.setQuery(sparql)
    # SPARQLWrapper guesses the query form from its words, and a header such as
    # "#+ description:" reads as DESCRIBE to it; stored queries are SELECTs.
    select.queryType = SELECT
    select.setReturnFormat(JSON)
    data = call(endpoint, select.queryAndConvert, retries)
    columns = data["head"]["vars"]
    rows = [[binding[c]["value"] if c in binding else None for c in columns] for binding in data["results"]["bindings"]]
    return Result(columns, rows)


