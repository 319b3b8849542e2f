"""A SHACL-SPARQL constraint's SELECT, rewritten to run once over the whole graph.

pyshacl runs the query once per focus node with ``$this`` pre-bound; here it runs once,
with ``?this`` ranging over the shape's targets. Pre-binding reaches into sub-queries (a
node with no trial still gets its count of 0), so the targets are put at the head of the
WHERE clause of every SELECT, the nested ones too. Expressions are rewritten to run as
rdflib runs them (kg.validation.compiler.expressions). The rewrite works on tokens, so strings, IRIs
and comments are never touched, and it refuses what pyshacl refuses (MINUS, VALUES,
SERVICE, a sub-query that does not select ``$this``, re-binding ``$this``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import ShapesError
from kg.validation.compiler.expressions import Expressions, Tokens, tokens

__all__ = ["RuleQuery", "rewrite_select"]

_REFUSED = {"MINUS", "VALUES", "SERVICE"}
_UNSUPPORTED_VARS = {"PATH", "currentShape", "shapesGraph"}


@dataclass(frozen=True)
class RuleQuery:
    text: str
    selects_this: bool  # whether the rule's own SELECT names $this (pyshacl then takes the focus from it)
    counts_repeats: bool  # COUNT without DISTINCT: it would count a statement twice in two named graphs


def _checked(items: Tokens, name: str) -> Tokens:
    """The tokens with ``$this`` written ``?this``; what pyshacl refuses, refused."""
    if not any(kind == "var" and text[1:] == "this" for kind, text in items):
        raise ShapesError(f"{name}: the query does not use $this")
    for kind, text in items:
        if kind == "word" and text.upper() in _REFUSED:
            raise ShapesError(f"{name}: a SPARQL-based constraint must not use {text.upper()}")
        if kind == "var" and text[1:] in _UNSUPPORTED_VARS:
            raise ShapesError(f"{name}: {text} is not supported by the SPARQL engine")
    return [(kind, "?this" if kind == "var" and text[1:] == "this" else text) for kind, text in items]


class _Rewriter:
    def __init__(self, name: str, targets: str) -> None:
        self.name, self.targets = name, targets
        self.selects_this: bool | None = None  # known once the outer SELECT is read

    def rewrite(self, items: Tokens) -> str:
        out: list[str] = []
        reader = Expressions(items, 0, self.name, lambda block: self.rewrite(tokens(block)))
        while reader.i < len(items):
            kind, text = items[reader.i]
            word = text.upper() if kind == "word" else ""
            if word == "FILTER":
                reader.take()
                out.append(f"FILTER {reader.primary()}")
            elif word == "BIND":
                reader.take()
                reader.take("(")
                value = reader.expression()
                reader.take("AS")
                out.append(f"BIND ({value} AS {reader.take()}")
                out.append(reader.take(")"))
            elif word == "SELECT":
                out.append(self._select(reader))
            elif word == "HAVING":
                reader.take()
                out.append("HAVING")
                while reader.peek()[1] == "(" or reader.keyword() not in ("", "LIMIT", "OFFSET", "ORDER"):
                    out.append(f" {reader.primary()}")
            elif word == "GROUP":
                out.append(f"{reader.take()} {reader.take('BY')}")
                while reader.peek()[0] == "var":
                    out.append(f" {reader.take()}")
                if reader.peek()[1] == "(" or reader.keyword() not in ("", "HAVING", "LIMIT", "OFFSET"):
                    raise ShapesError(f"{self.name}: GROUP BY an expression is not compiled by the SPARQL engine")
            elif word == "ORDER":
                raise ShapesError(f"{self.name}: ORDER BY has no use in a constraint and is not compiled")
            else:
                out.append(text)
                reader.i += 1
        return "".join(out)

    def _select(self, reader: Expressions) -> str:
        """SELECT ... { : the projection's expressions rewritten, ?this made sure of, the targets put first."""
        reader.take()
        head, projected, depth_zero_this = ["SELECT"], [], False
        if reader.keyword() in ("DISTINCT", "REDUCED"):
            head.append(reader.take())
        while reader.peek()[1] != "{" and reader.keyword() != "WHERE":
            kind, text = reader.peek()
            if text == "*":
                raise ShapesError(f"{self.name}: SELECT * does not say which variables the rule reports; name them")
            if text == "(":
                reader.take()
                value = reader.expression()
                reader.take("AS")
                variable = reader.take()
                if variable == "?this":
                    raise ShapesError(f"{self.name}: $this cannot be bound with AS")
                reader.take(")")
                projected.append(f"({value} AS {variable})")
                continue
            if kind != "var":
                raise ShapesError(f"{self.name}: {text!r} in a SELECT clause")
            depth_zero_this |= text == "?this"
            projected.append(reader.take())
        if reader.keyword() == "WHERE":
            reader.take()
        reader.take("{")
        if self.selects_this is None:
            self.selects_this = depth_zero_this
            if not depth_zero_this:
                projected.insert(0, "?this")
        elif not depth_zero_this:
            raise ShapesError(f"{self.name}: a sub-query must select $this")
        return " ".join(head + projected) + f" WHERE {{ {self.targets} "


def _counts_repeats(items: Tokens) -> bool:
    """Whether a COUNT counts without DISTINCT."""
    significant = [text.upper() for kind, text in items if kind not in ("space", "comment")]
    return any(word == "COUNT" and significant[i + 1:i + 3][-1:] != ["DISTINCT"] for i, word in enumerate(significant))


def rewrite_select(select: str, targets: str, name: str) -> RuleQuery:
    """``select`` with ``?this`` ranging over ``targets`` (a group pattern binding ?this) in every SELECT."""
    items = _checked(tokens(select), name)
    rewriter = _Rewriter(name, targets)
    text = rewriter.rewrite(items)
    return RuleQuery(text, bool(rewriter.selects_this), _counts_repeats(items))
