"""The expressions of the shapes' SPARQL rules, read and written back to run as rdflib runs them.

Each comparison, IN and value function becomes a call of the custom function that runs
rdflib's own operator (kg.validation.compiler.functions), guarded by Oxigraph's own operator on
the values where the two provably agree (:func:`~kg.validation.compiler.functions.call`). Oxigraph keeps the rest, where the two agree:
EXISTS, COUNT, BOUND, IF, COALESCE, sameTerm, the isIRI family and ``! && ||``. Anything
else (arithmetic, casts, other aggregates and functions) raises ShapesError: a rule using
it is left to pyshacl, never run with other semantics.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.errors import ShapesError
from kg.validation.compiler.functions import BASE, BUILTINS, RELATIONS, call

__all__ = ["Tokens", "tokens", "Expressions"]

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
_NATIVE = {"BOUND", "IF", "COALESCE", "SAMETERM", "ISIRI", "ISURI", "ISBLANK", "ISLITERAL"}


def tokens(text: str) -> Tokens:
    return [(match.lastgroup or "other", match.group()) for match in _TOKEN.finditer(text)]


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
        if op in RELATIONS:
            self.take()
            return call(RELATIONS[op], [left, self._unary()])
        if self.keyword() in ("IN", "NOT"):
            negated = self.take().upper() == "NOT"
            if negated:
                self.take("IN")
            return f"<{BASE}{'notin' if negated else 'in'}>({', '.join([left, *self.arguments()])})"
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
        if word in BUILTINS:
            self.take()
            return call(word, self.arguments())
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
