"""Stored queries on a remote SPARQL 1.1 endpoint (the client and its credentials: :mod:`kg.graphs.remote`)."""

from __future__ import annotations

import warnings

from SPARQLWrapper import JSON, POST, SELECT

from kg.errors import GraphError
from kg.graphs.remote import call, client
from kg.query.run import Result, check_read_only

__all__ = ["run_remote"]


def run_remote(endpoint: str, sparql: str, *, timeout: float = 60.0, retries: int = 2) -> Result:
    """Run a SELECT on ``endpoint``; results come back as the local runner's :class:`Result`."""
    check_read_only(sparql)
    select = client(endpoint, timeout)
    select.setQuery(sparql)
    # POST as a form: a long query (trials_for_patient is 8 KB) makes a URL servers refuse.
    select.setMethod(POST)
    # SPARQLWrapper guesses the query form from its words, and a header such as
    # "#+ description:" reads as DESCRIBE to it; stored queries are SELECTs.
    select.queryType = SELECT
    select.setReturnFormat(JSON)
    with warnings.catch_warnings():
        # SPARQLWrapper warns of an answer that is not results, then returns it raw: said below, in one line.
        warnings.filterwarnings("ignore", "unknown response content type", RuntimeWarning)
        data = call(endpoint, select.queryAndConvert, retries)
    if not (isinstance(data, dict) and isinstance(data.get("head"), dict) and isinstance(data.get("results"), dict)):
        # An update endpoint or a server's home page answers, but not with SPARQL results.
        raise GraphError(f"{endpoint}: the answer is not SPARQL query results; is this the query endpoint "
                         "(e.g. http://127.0.0.1:7878/query, not .../update or the server's home page)?")
    columns = data["head"]["vars"]
    rows = [[binding[c]["value"] if c in binding else None for c in columns] for binding in data["results"]["bindings"]]
    return Result(columns, rows)


