"""Running a stored query's SPARQL on a graph in memory or an on-disk store, as rows of text.

Every runner gives back a :class:`Result`, whatever engine answered, so that the output
formats (:mod:`kg.query.output`) never know where an answer came from.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.graphs.store import open_store

__all__ = ["Result", "check_read_only", "run_local", "run_store", "query_store", "term_text", "cell_text", "settled"]


@dataclass
class Result:
    """Rows of a SELECT, as plain strings (None where a variable is unbound)."""

    columns: list[str]
    rows: list[list[str | None]]


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{name}" for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
_DOUBLES = {f"{_XSD}double", f"{_XSD}float"}
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN")


def _decimal_text(value: Decimal) -> str:
    """XSD 1.1's canonical decimal: no exponent, no trailing zeros, no point for a whole number."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _double_text(value: float) -> str:
    """XSD 1.1's canonical double: the shortest digits as one digit, point, digits, E, exponent (1.0E9)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    if value == 0:
        return "-0.0E0" if math.copysign(1, value) < 0 else "0.0E0"
    sign, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    text = "".join(map(str, digits))
    return f"{'-' if sign else ''}{text[0]}.{text[1:] or '0'}E{len(digits) - 1 + int(exponent)}"


def cell_text(lexical: str | None, datatype: str | None) -> str | None:
    """A result term as every output prints it, whatever engine answered: the IRI or the literal's
    lexical form, numbers and booleans in the canonical form of their datatype (engines write the same
    double as 1000000000.0, 1000000000, 1e+09 or 1.0E9).
    """
    if lexical is None or datatype is None or not datatype.startswith(_XSD):
        return lexical
    try:
        if datatype in _INTEGERS:
            return str(int(lexical.strip()))
        if datatype == f"{_XSD}decimal":
            return _decimal_text(Decimal(lexical.strip()))
        if datatype in _DOUBLES:
            return _double_text(float(lexical.strip()))
    except (ValueError, ArithmeticError):
        return lexical  # not a valid literal of its type: printed as written
    if datatype == f"{_XSD}boolean":
        return {"1": "true", "0": "false"}.get(lexical.strip(), lexical.strip())
    return lexical


_AS = re.compile(r"\bAS\s*\?(\w+)\s*\)", re.IGNORECASE)


def _joined_columns(sparql: str) -> dict[str, bool]:
    """The columns made by ``(EXPRESSION AS ?name)`` with a GROUP_CONCAT in the expression (several values
    in one cell), each with whether the values are numbers written by ``STR``.
    """
    joined = {}
    for match in _AS.finditer(sparql):
        depth, at = 0, match.start()
        while at > 0:  # back to the parenthesis that opens this (EXPRESSION AS ?name)
            at -= 1
            if sparql[at] == ")":
                depth += 1
            elif sparql[at] == "(":
                if depth == 0:
                    break
                depth -= 1
        expression = sparql[at:match.start()].upper()
        if "GROUP_CONCAT" in expression:
            joined[match.group(1)] = "STR(" in expression
    return joined
_ORDER = re.compile(r"ORDER\s+BY\s+(.*?)\s*(?:LIMIT|OFFSET|$)", re.IGNORECASE | re.DOTALL)


def settled(result: Result, sparql: str) -> Result:
    """``result`` with what SPARQL leaves to the engine settled, so every engine's answer is the
    same text: the parts of a ``|``-joined cell sorted (numbers from ``STR`` in canonical form), and
    the rows in the order ORDER BY asks for (when it orders by columns), ties in the order of their
    text; without ORDER BY, in the order of their text.
    """
    joined = _joined_columns(sparql)
    for index, column in enumerate(result.columns):
        if column in joined:
            for row in result.rows:
                if row[index]:
                    parts = row[index].split("|")
                    if joined[column]:
                        parts = [_decimal_text(Decimal(part)) if _PLAIN_NUMBER.fullmatch(part) else part for part in parts]
                    row[index] = "|".join(sorted(parts))
    # The query's own ORDER BY is its last one: a listing's sub-select of trials has one of its own.
    last = ([None] + list(re.finditer(r"ORDER\s+BY\b", sparql, re.IGNORECASE)))[-1]
    order = _ORDER.match(sparql, last.start()) if last else None
    keys = re.findall(r"(DESC\s*\(\s*)?\?(\w+)", order.group(1), re.IGNORECASE) if order else []
    if all(key in result.columns for _, key in keys):
        # Engines order alike only in principle: Virtuoso compares long strings by their start, and
        # ties come in any order. Sorted here by the ORDER BY columns (numbers by value), then the rest.
        result.rows.sort(key=lambda row: [_text_key(value) for value in row])
        for descending, key in reversed(keys):
            at = result.columns.index(key)
            result.rows.sort(key=lambda row: _value_key(row[at]), reverse=bool(descending))
    return result


def _text_key(value: str | None) -> tuple[int, str]:
    return (0, "") if value is None else (1, value)


def _value_key(value: str | None) -> tuple[int, float, str]:
    """SPARQL's order for a cell: unbound first, then numbers by value, then text by code point."""
    if value is None:
        return (0, 0.0, "")
    try:
        return (1, float(value), "") if _NUMBER.fullmatch(value) else (2, 0.0, value)
    except ValueError:
        return (2, 0.0, value)


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
    rows = [[None if value is None else cell_text(str(value), getattr(value, "datatype", None) and str(value.datatype))
             for value in row] for row in result]
    return settled(Result(columns, rows), sparql)


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    """A result term as the outputs print it (:func:`cell_text`)."""
    if term is None:
        return None
    return cell_text(term.value, term.datatype.value if isinstance(term, ox.Literal) else None)


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
    return settled(Result(columns, rows), sparql)
