"""rdflib's semantics for the SPARQL engine: the terms pyshacl sees and the operators it runs.

pyshacl evaluates SPARQL with rdflib, which departs from SPARQL 1.1 where values are odd:
it compares literals of different datatypes by their datatype IRIs (18 >
"2020-01-01"^^xsd:date is true), calls an ill-typed "abc"^^xsd:double numeric, prints a
double as Python does, and its REGEX is Python's ``re.search``. The rules' comparisons,
IN and value functions are therefore run by these Oxigraph custom functions, each calling
rdflib's own operator on the rdflib terms pyshacl would see.

A call costs a trip into Python per row (at 2,000 registry studies a fifth of the per-trial
checks' time), so :func:`call` has Oxigraph evaluate the operator itself on the values where
the two provably agree, and calls the function on the others only: a comparison of two valid
xsd:integer literals (both compare values) or of two xsd:string literals (both compare code
points); STR of an IRI, of a string or of a literal whose lexical form rdflib keeps; SUBSTR
and STRLEN of a string with integer bounds SPARQL and Python slice alike.
tests/test_shapes_sparql.py holds each to rdflib's own answer on awkward values.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from functools import lru_cache
from types import SimpleNamespace

import pyoxigraph as ox
import rdflib
from rdflib.plugins.sparql import operators

__all__ = ["BASE", "RELATIONS", "BUILTINS", "FUNCTIONS", "call", "rdflib_term", "oxigraph_term"]

BASE = "urn:kg:rdflib:"
#: SPARQL's comparison operators, by the name of the function that runs each.
RELATIONS = {"=": "eq", "!=": "ne", "<": "lt", ">": "gt", "<=": "le", ">=": "ge"}
#: rdflib's builtins a rule may call, with the names of their arguments.
BUILTINS = {"STR": ("arg",), "LANG": ("arg",), "DATATYPE": ("arg",), "STRLEN": ("arg",), "UCASE": ("arg",),
            "LCASE": ("arg",), "ISNUMERIC": ("arg",), "SUBSTR": ("arg", "start", "length"),
            "STRSTARTS": ("arg1", "arg2"), "STRENDS": ("arg1", "arg2"), "CONTAINS": ("arg1", "arg2"),
            "STRBEFORE": ("arg1", "arg2"), "STRAFTER": ("arg1", "arg2"), "LANGMATCHES": ("arg1", "arg2"),
            "REGEX": ("text", "pattern", "flags"), "CONCAT": ("arg",)}


def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
    """The rdflib term pyshacl would see: rdflib's own reading of the literal (its value, its ill-typedness)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return rdflib.Literal(term.value)
    with warnings.catch_warnings():  # rdflib warns, and logs a traceback, for each ill-typed literal
        warnings.simplefilter("ignore")
        logging.disable(logging.WARNING)
        try:
            return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
        finally:
            logging.disable(logging.NOTSET)


def oxigraph_term(term: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return ox.BlankNode(str(term)) if isinstance(term, rdflib.BNode) else ox.NamedNode(str(term))


def _rdflib_function(run: Callable[[list[rdflib.term.Node]], rdflib.term.Node]) -> Callable[..., object]:
    """An Oxigraph custom function running ``run`` on rdflib terms; an rdflib error is a SPARQL error.

    Each function is pure, and a rule calls it with the same few arguments over and over (a
    scheme's name, its pattern): remembered results spare most of the calls into rdflib.
    """
    @lru_cache(maxsize=1 << 14)
    def call(*arguments: ox.NamedNode | ox.BlankNode | ox.Literal) -> object:
        try:
            result = run([rdflib_term(argument) for argument in arguments])
        except Exception:  # rdflib raises SPARQLError, TypeError, ValueError... all mean an unbound value
            return None
        return None if isinstance(result, Exception) else oxigraph_term(result)
    return call


def _relation(op: str) -> Callable[[list[rdflib.term.Node]], rdflib.term.Node]:
    def run(values: list[rdflib.term.Node]) -> rdflib.term.Node:
        other = values[1:] if op in ("IN", "NOT IN") else values[1]
        return operators.RelationalExpression(SimpleNamespace(expr=values[0], other=other, op=op), None)
    return run


def _builtin(name: str) -> Callable[[list[rdflib.term.Node]], rdflib.term.Node]:
    function = getattr(operators, "Builtin_isNUMERIC" if name == "ISNUMERIC" else f"Builtin_{name}")

    def run(values: list[rdflib.term.Node]) -> rdflib.term.Node:
        arguments = {"arg": values} if name == "CONCAT" else dict.fromkeys(BUILTINS[name])
        if name != "CONCAT":
            arguments.update(zip(BUILTINS[name], values))
        return function(SimpleNamespace(**arguments), None)
    return run


#: The custom functions the rewritten rules call, by IRI.
FUNCTIONS = {ox.NamedNode(f"{BASE}{name}"): _rdflib_function(_relation(op))
             for op, name in {**RELATIONS, "IN": "in", "NOT IN": "notin"}.items()}
FUNCTIONS |= {ox.NamedNode(f"{BASE}{name}"): _rdflib_function(_builtin(name)) for name in BUILTINS}


_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRINGS = f"(<{_XSD}string>, <http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>)"


def _integer(value: str) -> str:
    """A valid xsd:integer literal (Oxigraph's isNumeric: its lexical form is one; rdflib reads it as the same int)."""
    return f"(isNumeric({value}) && DATATYPE({value}) = <{_XSD}integer>)"


def _string(value: str) -> str:
    """An xsd:string literal (no language tag), which rdflib sees as a plain literal."""
    return f"(isLiteral({value}) && DATATYPE({value}) = <{_XSD}string>)"


def _text(value: str) -> str:
    """A string literal, with or without a language tag (rdflib's ``string()`` accepts both)."""
    return f"(isLiteral({value}) && DATATYPE({value}) IN {_STRINGS})"


def _kept(value: str) -> str:
    """A term whose STR rdflib gives as Oxigraph does: an IRI; a string; a literal rdflib keeps as written
    (xsd:gYearMonth, which it does not read; an xsd:date spelt YYYY-MM-DD, which it writes back so when it
    reads it, and keeps when it cannot). Not an xsd:date with a time zone, which rdflib drops.
    """
    return (f"(isIRI({value}) || (isLiteral({value}) && (DATATYPE({value}) IN ({_STRINGS[1:-1]}, <{_XSD}gYearMonth>) "
            f"|| (DATATYPE({value}) = <{_XSD}date> && REGEX(STR({value}), \"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$\")))))")


def call(name: str, arguments: list[str]) -> str:
    """SPARQL text running rdflib's operator or builtin ``name`` (a RELATIONS value or a BUILTINS key) on
    ``arguments`` (expressions): Oxigraph's own where it provably gives rdflib's value, the custom function
    elsewhere. A guard never raises where the function would not: it is made of isIRI, isLiteral,
    isNumeric and DATATYPE behind isLiteral.
    """
    function = f"<{BASE}{name}>({', '.join(arguments)})"
    operators = {v: k for k, v in RELATIONS.items()}
    if name in operators and len(arguments) == 2:
        a, b = arguments
        guard = f"(({_integer(a)} && {_integer(b)}) || ({_string(a)} && {_string(b)}))"
        native = f"({a} {operators[name]} {b})"
    elif name == "STR" and len(arguments) == 1:
        guard, native = _kept(arguments[0]), f"STR({arguments[0]})"
    elif name == "STRLEN" and len(arguments) == 1:
        guard, native = _text(arguments[0]), f"STRLEN({arguments[0]})"
    elif name == "SUBSTR" and len(arguments) in (2, 3):
        # Python slices text[start - 1:start - 1 + length]: SPARQL's substring for start >= 1, length >= 0.
        bounds = [f"({_integer(n)} && {n} >= {limit})" for n, limit in zip(arguments[1:], ("1", "0"))]
        guard, native = "(" + " && ".join([_text(arguments[0]), *bounds]) + ")", f"SUBSTR({', '.join(arguments)})"
    else:
        return function
    return f"IF({guard}, {native}, {function})"
