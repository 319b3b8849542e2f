"""Stored queries on a remote SPARQL 1.1 endpoint (the client and its credentials: :mod:`kg.graphs.remote`)."""

from __future__ import annotations

import warnings

from SPARQLWrapper import JSON, POST, SELECT

from kg.errors import GraphError, QueryError
from kg.graphs.remote import call, client
from kg.query.run import Result, cell_text, check_read_only, settled

__all__ = ["run_remote"]


def run_remote(endpoint: str, sparql: str, *, timeout: float = 60.0, retries: int = 2) -> Result:
    """Run a SELECT on ``endpoint``; results come back as the local runner's :class:`Result`, in the
    same text (:func:`kg.query.run.cell_text`, :func:`kg.query.run.settled`).

    A server that cuts answers short and says so (Virtuoso's ``X-SPARQL-MaxRows`` header, 10,000 rows
    by default) gives an error when the answer reaches that many rows, never a silent part of it.
    """
    check_read_only(sparql)
    select = client(endpoint, timeout)
    select.setQuery(sparql)
    # POST as a form: a long query (trials_for_patient is 8 KB) makes a URL servers refuse.
    select.setMethod(POST)
    # SPARQLWrapper guesses the query form from its words, and a header such as
    # "#+ description:" reads as DESCRIBE to it; stored queries are SELECTs.
    select.queryType = SELECT
    select.setReturnFormat(JSON)

    def ask() -> tuple[object, str | None]:
        answer = select.query()
        with warnings.catch_warnings():
            # SPARQLWrapper warns of an answer that is not results, then returns it raw: said below, in one line.
            warnings.filterwarnings("ignore", "unknown response content type", RuntimeWarning)
            return answer.convert(), answer.info().get("x-sparql-maxrows")

    data, most = call(endpoint, ask, retries)
    if not (isinstance(data, dict) and isinstance(data.get("head"), dict) and isinstance(data.get("results"), dict)):
        # An update endpoint or a server's home page answers, but not with SPARQL results.
        raise GraphError(f"{endpoint}: the answer is not SPARQL query results; is this the query endpoint "
                         "(e.g. http://127.0.0.1:7878/query, not .../update or the server's home page)?")
    columns = data["head"]["vars"]
    bindings = data["results"]["bindings"]
    if most and most.strip().isdigit() and len(bindings) >= int(most):
        raise QueryError(f"{endpoint}: the server cut the answer at {len(bindings):,} rows (X-SPARQL-MaxRows: "
                         f"{most.strip()}); raise its limit (Virtuoso: ResultSetMaxRows in the [SPARQL] section "
                         "of virtuoso.ini) to get every row")
    rows = [[cell_text(binding[c]["value"], binding[c].get("datatype")) if c in binding else None for c in columns]
            for binding in bindings]
    return settled(Result(columns, rows), sparql)
