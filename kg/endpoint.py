"""Stored queries on a remote SPARQL 1.1 endpoint, through SPARQLWrapper."""

from __future__ import annotations

import os
import urllib.error

from SPARQLWrapper import JSON, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.errors import GraphError
from kg.queries import Result, check_read_only

__all__ = ["run_remote"]


def run_remote(endpoint: str, sparql: str, *, timeout: float = 60.0) -> Result:
    """Run a SELECT on ``endpoint``; results come back as the local runner's :class:`Result`.

    Credentials come from the environment (``KG_ENDPOINT_USER`` / ``KG_ENDPOINT_PASSWORD``
    for basic auth, or ``KG_ENDPOINT_TOKEN`` for a bearer token), never from the command line.
    """
    check_read_only(sparql)
    client = SPARQLWrapper(endpoint)
    client.setQuery(sparql)
    client.setReturnFormat(JSON)
    client.setTimeout(int(timeout))
    if os.environ.get("KG_ENDPOINT_TOKEN"):
        client.addCustomHttpHeader("Authorization", f"Bearer {os.environ['KG_ENDPOINT_TOKEN']}")
    elif os.environ.get("KG_ENDPOINT_USER"):
        client.setCredentials(os.environ["KG_ENDPOINT_USER"], os.environ.get("KG_ENDPOINT_PASSWORD", ""))
    try:
        data = client.queryAndConvert()
    except (TimeoutError, urllib.error.URLError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        raise GraphError(f"{endpoint}: endpoint unreachable ({reason})") from None
    except SPARQLWrapperException as error:
        raise GraphError(f"{endpoint}: the endpoint refused the query ({str(error).splitlines()[0]})") from None
    columns = data["head"]["vars"]
    rows = [[binding[c]["value"] if c in binding else None for c in columns] for binding in data["results"]["bindings"]]
    return Result(columns, rows)
