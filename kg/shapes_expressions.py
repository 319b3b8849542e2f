"""SPARQL expressions of the shapes' rules, evaluated as rdflib evaluates them (pyshacl runs rdflib's SPARQL).

rdflib departs from SPARQL 1.1 where values are odd: it compares literals of different
datatypes by their datatype IRIs (18 > "2020-01-01"^^xsd:date is true), calls an ill-typed
"abc"^^xsd:double numeric, prints a double as Python does, and its REGEX is Python's
``re.search``. So each comparison, IN, and value function of a rule is rewritten into a
call of an Oxigraph custom function that runs rdflib's own operator on the rdflib terms
pyshacl would see. Oxigraph keeps the rest, where the two agree: graph patterns,
EXISTS, COUNT, BOUND, IF, COALESCE, sameTerm, the isIRI family and ``! && ||``. Anything
else (arithmetic, casts, other aggregates and functions) raises ShapesError.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Callable
from types import SimpleNamespace

import pyoxigraph as ox
import rdflib
from rdflib.plugins.sparql import operators

from kg.errors import KgError

__all__ = ["ShapesError", "Tokens", "tokens", "rdflib_term", "oxigraph_term", "FUNCTIONS", "Expressions"]

_TOKEN = re.compile(r'''
    (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<comment>\#[^\n]*)
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<number>[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.?[0-9]+[eE][+-]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+)
  | (?P<word>(?:[A-Za-z_][A-Za-z0-9_\-.]*)?:[A-Za-z0-9_\-.:%\u00B7\u00C0-\uFFFF]*|[A-Za-z_][A-Za-z0-9_]*)
  | (?P<space>\s+)
  | (?P<op>\|\||&&|!=|<=|>=|\^\^)
  | (?P<other>.)
''', re.X | re.S)
Tokens = list[tuple[str, str]]
_BASE = "urn:kg:rdflib:"
_RELATIONS = {"=": "eq", "!=": "ne", "<": "lt", ">": "gt", "<=": "le", ">=": "ge"}
#: rdflib's builtins a rule may call, with the names of their arguments.
_BUILTINS = {"STR": ("arg",), "LANG": ("arg",), "DATATYPE": ("arg",), "STRLEN": ("arg",), "UCASE": ("arg",),
             "LCASE": ("arg",), "ISNUMERIC": ("arg",), "SUBSTR": ("arg", "start", "length"),
             "STRSTARTS": ("arg1", "arg2"), "STRENDS": ("arg1", "arg2"), "CONTAINS": ("arg1", "arg2"),
             "STRBEFORE": ("arg1", "arg2"), "STRAFTER": ("arg1", "arg2"), "LANGMATCHES": ("arg1", "arg2"),
             "REGEX": ("text", "pattern", "flags"), "CONCAT": ("arg",)}
_NATIVE = {"BOUND", "IF", "COALESCE", "SAMETERM", "ISIRI", "ISURI", "ISBLANK", "ISLITERAL"}


class ShapesError(KgError):
    """A shape the SPARQL engine cannot compile (pyshacl may still check it)."""


def tokens(text: str) -> Tokens:
    return [(match.lastgroup or "other", match.group()) for match in _TOKEN.finditer(text)]


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
    """An Oxigraph custom function running ``run`` on rdflib terms; an rdflib error is a SPARQL error."""
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
        arguments = {"arg": values} if name == "CONCAT" else dict.fromkeys(_BUILTINS[name])
        if name != "CONCAT":
            arguments.update(zip(_BUILTINS[name], values))
        return function(SimpleNamespace(**arguments), None)
    return run


#: The custom functions the rewritten rules call, by IRI.
FUNCTIONS = {ox.NamedNode(f"{_BASE}{name}"): _rdflib_function(_relation(op))
             for op, name in {**_RELATIONS, "IN": "in", "NOT IN": "notin"}.items()}
FUNCTIONS |= {ox.NamedNode(f"{_BASE}{name}"): _rdflib_function(_builtin(name)) for name in _BUILTINS}


class Expressions:
    """A recursive-descent reader of SPARQL expressions that writes them back with rdflib's operators."""

    def __init__(self, items: Tokens, start: int, name: str, group: Callable[[str], str]) -> None:
        self.items, self.i, self.name, self.group = items, start, name, group

    def peek(self) -> tuple[str, str]:
        while self.i < len(self.items) and self.items[self.i][0] in ("space", "comment"):
            self.i += 1
        return self.items[self.i] if self.i < len(self.items) else ("end", "")

    def take(self, expected: str | None = None) -> str:
        kind, text = self.peek()
        if expected is not None and text.upper() != expected:
            raise ShapesError(f"{self.name}: expected {expected} in the query, found {text!r}")
        self.i += 1
        return text

    def keyword(self) -> str:
        kind, text = self.peek()
        return text.upper() if kind == "word" and ":" not in text else ""

    def expression(self) -> str:
        return self._chain("||", self._and)

    def _and(self) -> str:
        return self._chain("&&", self._relational)

    def _chain(self, op: str, part: Callable[[], str]) -> str:
        parts = [part()]
        while self.peek()[1] == op:
            self.take()
            parts.append(part())
        return parts[0] if len(parts) == 1 else "(" + f" {op} ".join(parts) + ")"

    def _relational(self) -> str:
        left = self._unary()
        op = self.peek()[1]
        if op in _RELATIONS:
            self.take()
            return f"<{_BASE}{_RELATIONS[op]}>({left}, {self._unary()})"
        if self.keyword() in ("IN", "NOT"):
            negated = self.take().upper() == "NOT"
            if negated:
                self.take("IN")
            return f"<{_BASE}{'notin' if negated else 'in'}>({', '.join([left, *self.arguments()])})"
        if op in ("+", "-", "*", "/"):
            raise ShapesError(f"{self.name}: arithmetic in a SPARQL-based constraint is not compiled")
        return left

    def _unary(self) -> str:
        if self.peek()[1] == "!":
            self.take()
            return f"!{self._unary()}"
        if self.peek()[1] in ("+", "-"):
            sign = self.take()
            if self.peek()[0] != "number":
                raise ShapesError(f"{self.name}: arithmetic in a SPARQL-based constraint is not compiled")
            return sign + self.take()
        return self.primary()

    def arguments(self) -> list[str]:
        self.take("(")
        found = []
        while self.peek()[1] != ")":
            found.append(self.expression())
            if self.peek()[1] == ",":
                self.take()
        self.take(")")
        return found

    def primary(self) -> str:
        kind, text = self.peek()
        word = self.keyword()
        if text == "(":
            self.take()
            inner = self.expression()
            self.take(")")
            return f"({inner})"
        if kind in ("var", "number") or word in ("TRUE", "FALSE"):
            return self.take()
        if kind == "string":
            literal = self.take()
            if self.peek()[1] == "^^":
                literal += self.take() + self.take()
            elif self.peek()[1] == "@":
                literal += self.take() + self.take()
            return literal
        if word in ("EXISTS", "NOT"):
            self.take()
            if word == "NOT":
                self.take("EXISTS")
            return f"{word}{' EXISTS' if word == 'NOT' else ''} {self.group_pattern()}"
        if word == "COUNT":
            self.take()
            self.take("(")
            distinct = "DISTINCT " if self.keyword() == "DISTINCT" and self.take() else ""
            counted = self.take() if self.peek()[1] == "*" else self.expression()
            self.take(")")
            return f"COUNT({distinct}{counted})"
        if word in _NATIVE:
            return f"{self.take()}({', '.join(self.arguments())})"
        if word in _BUILTINS:
            self.take()
            return f"<{_BASE}{word}>({', '.join(self.arguments())})"
        if kind in ("iri", "word") and self.items[self.i + 1:self.i + 2] != [("other", "(")]:
            if kind == "iri" or ":" in text:
                return self.take()
        raise ShapesError(f"{self.name}: {text!r} in a SPARQL-based constraint is not compiled by the SPARQL engine")

    def group_pattern(self) -> str:
        """A { ... } block, kept as written but for the expressions inside it."""
        start, depth = self.i, 0
        while True:
            text = self.take()
            depth += {"{": 1, "}": -1}.get(text, 0)
            if depth == 0:
                break
        return self.group("".join(text for _, text in self.items[start:self.i]))
