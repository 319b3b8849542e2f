"""Running a stored query's SPARQL on a graph in memory or an on-disk store, as rows of text.

Every runner gives back a :class:`Result`, whatever engine answered, so that the output
formats (:mod:`kg.query.output`) never know where an answer came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.graphs.store import open_store

__all__ = ["Result", "check_read_only", "run_local", "run_store", "query_store", "term_text"]


@dataclass
class Result:
    """Rows of a SELECT, as plain strings (None where a variable is unbound)."""

    columns: list[str]
    rows: list[list[str | None]]


def check_read_only(sparql: str) -> None:
    """Stored queries only read: anything that does not parse as a query (an update) is refused."""
    try:
        prepareQuery(sparql)
    except Exception as error:  # rdflib raises pyparsing errors of several kinds
        raise QueryError(f"not a read-only SPARQL query: {error}") from None


def run_local(graph: rdflib.Graph, sparql: str) -> Result:
    """Run a SELECT on an in-memory graph."""
    check_read_only(sparql)
    result = graph.query(sparql)
    columns = [str(v) for v in (result.vars or [])]
    rows = [[None if value is None else str(value) for value in row] for row in result]
    return Result(columns, rows)


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    """A result term as the CSV/JSON outputs print it: the IRI or the literal's lexical form."""
    return None if term is None else term.value


def run_store(directory: Path, sparql: str) -> Result:
    """Run a SELECT on the store in ``directory`` (opened read-only, never loaded into memory)."""
    return query_store(open_store(directory), sparql)


def query_store(store: ox.Store, sparql: str) -> Result:
    """Run a SELECT on an open store, over the union of its graphs.

    Oxigraph's ``query`` parses queries only (an update is a syntax error to it), so the check
    that rdflib parses the text, 0.1 s a query, is not needed here.
    """
    try:
        solutions = store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise QueryError(f"not a read-only SPARQL query: {error}") from None
    columns = [variable.value for variable in solutions.variables]
    rows = [[term_text(solution[column]) for column in columns] for solution in solutions]
    return Result(columns, rows)
