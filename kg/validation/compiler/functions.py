"""rdflib's semantics for the SPARQL engine: the terms pyshacl sees and the operators it runs.

pyshacl evaluates SPARQL with rdflib, which departs from SPARQL 1.1 where values are odd:
it compares literals of different datatypes by their datatype IRIs (18 >
"2020-01-01"^^xsd:date is true), calls an ill-typed "abc"^^xsd:double numeric, prints a
double as Python does, and its REGEX is Python's ``re.search``. The rules' comparisons,
IN and value functions are therefore run by these Oxigraph custom functions, each calling
rdflib's own operator on the rdflib terms pyshacl would see.
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

__all__ = ["BASE", "RELATIONS", "BUILTINS", "FUNCTIONS", "rdflib_term", "oxigraph_term"]

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
