r"""A SHACL-SPARQL constraint's SELECT, rewritten to run once over the whole graph.

pyshacl runs the query once per focus node with ``$this`` pre-bound; here it runs once,
with ``?this`` ranging over the shape's targets. Pre-binding reaches into sub-queries (a
node with no trial still gets its count of 0), so the targets are put at the head of the
WHERE clause of every SELECT, the nested ones too. The rewrite works on tokens (strings,
IRIs and comments are never touched) and refuses what pyshacl refuses (MINUS, VALUES,
SERVICE, a sub-query that does not select ``$this``, re-binding ``$this``).

rdflib's REGEX is Python's ``re.search``, whose ``$`` also matches before a final newline;
Oxigraph's is Rust's, whose ``$`` does not. ``REGEX(t, p)`` becomes ``REGEX(t, p) ||
(STRENDS(t, "\n") && REGEX(t without its last character, p))``, which is Python's reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import KgError

__all__ = ["RuleQuery", "ShapesError", "rewrite_select"]

_TOKEN = re.compile(r'''
    (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<comment>\#[^\n]*)
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-.]*(?::[^\s{}()\[\],;]*)?|:[^\s{}()\[\],;]*)
  | (?P<space>\s+)
  | (?P<other>.)
''', re.X | re.S)
_REFUSED = {"MINUS", "VALUES", "SERVICE"}
_UNSUPPORTED_VARS = {"PATH", "currentShape", "shapesGraph"}
_COUNTING = {"COUNT", "SUM", "AVG", "GROUP_CONCAT"}


class ShapesError(KgError):
    """A shape the SPARQL engine cannot compile (pyshacl may still check it)."""


@dataclass(frozen=True)
class RuleQuery:
    text: str
    selects_this: bool  # whether the rule's own SELECT names $this (pyshacl then takes the focus from it)
    counts_repeats: bool  # an aggregate without DISTINCT: it would count a statement twice in two named graphs


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(match.lastgroup or "other", match.group()) for match in _TOKEN.finditer(text)]


def _word(token: tuple[str, str]) -> str | None:
    return token[1].upper() if token[0] == "word" and ":" not in token[1] else None


def _significant(tokens: list[tuple[str, str]], i: int, step: int = 1) -> int:
    """The index of the first token from ``i`` on (or back, step -1) that is not space or a comment."""
    while 0 <= i < len(tokens) and tokens[i][0] in ("space", "comment"):
        i += step
    return i


def _at(tokens: list[tuple[str, str]], i: int) -> tuple[str, str]:
    return tokens[i] if 0 <= i < len(tokens) else ("other", "")


def _checked(select: str, name: str) -> tuple[str, bool]:
    """``select`` with ``$this`` written ``?this``, refused constructs refused; and whether it counts repeats."""
    tokens, counts_repeats, found_this = _tokens(select), False, False
    for i, (kind, text) in enumerate(tokens):
        word = _word(tokens[i])
        if word in _REFUSED:
            raise ShapesError(f"{name}: a SPARQL-based constraint must not use {word}")
        if kind == "var" and text[1:] in _UNSUPPORTED_VARS:
            raise ShapesError(f"{name}: {text} is not supported by the SPARQL engine")
        if kind == "var" and text[1:] == "this":
            found_this = True
            tokens[i] = (kind, "?this")
        opening = _significant(tokens, i + 1)
        if word in _COUNTING and _at(tokens, opening)[1] == "(":
            counts_repeats |= _word(_at(tokens, _significant(tokens, opening + 1))) != "DISTINCT"
    if not found_this:
        raise ShapesError(f"{name}: the query does not use $this")
    return "".join(text for _, text in tokens), counts_repeats


def _python_regex(text: str) -> str:
    """``text`` with each REGEX call made to read ``$`` as Python does."""
    tokens, out, i = _tokens(text), [], 0
    while i < len(tokens):
        opening = _significant(tokens, i + 1)
        if _word(tokens[i]) != "REGEX" or _at(tokens, opening)[1] != "(":
            out.append(tokens[i][1])
            i += 1
            continue
        args, current, depth, i = [], [], 0, opening + 1
        while i < len(tokens):
            kind, piece = tokens[i]
            i += 1
            depth += {"(": 1, ")": -1}.get(piece, 0) if kind == "other" else 0
            if depth < 0 or (kind == "other" and piece == "," and depth == 0):
                args.append(_python_regex("".join(current)))
                current = []
                if depth < 0:
                    break
                continue
            current.append(piece)
        subject, rest = args[0], "".join(f", {arg}" for arg in args[1:])
        out.append(f"(REGEX({subject}{rest}) || (STRENDS({subject}, \"\\n\") && "
                   f"REGEX(SUBSTR({subject}, 1, STRLEN({subject}) - 1){rest})))")
    return "".join(out)


def _projects_this(tokens: list[tuple[str, str]], select: int, brace: int, name: str) -> bool:
    depth, projects = 0, False
    for j in range(select + 1, brace):
        kind, text = tokens[j]
        if kind == "other" and text == "*" and depth == 0:
            raise ShapesError(f"{name}: SELECT * does not say which variables the rule reports; name them")
        depth += {"(": 1, ")": -1}.get(text, 0) if kind == "other" else 0
        if kind == "var" and text == "?this":
            if _word(_at(tokens, _significant(tokens, j - 1, -1))) == "AS":
                raise ShapesError(f"{name}: $this cannot be bound with AS")
            projects |= depth == 0
    return projects


def rewrite_select(select: str, targets: str, name: str) -> RuleQuery:
    """``select`` with ``?this`` ranging over ``targets`` (a group pattern binding ?this) in every SELECT."""
    text, counts_repeats = _checked(select, name)
    tokens = _tokens(_python_regex(text))
    inserts: dict[int, str] = {}  # text to put after the token at an index
    selects_this = None
    for i, token in enumerate(tokens):
        if _word(token) != "SELECT":
            continue
        brace = next((j for j in range(i, len(tokens)) if tokens[j] == ("other", "{")), None)
        if brace is None:
            raise ShapesError(f"{name}: a SELECT without a WHERE clause")
        projects = _projects_this(tokens, i, brace, name)
        if selects_this is None:
            selects_this = projects
            modifier = _significant(tokens, i + 1)
            if not projects:
                inserts[modifier if _word(_at(tokens, modifier)) in ("DISTINCT", "REDUCED") else i] = " ?this"
        elif not projects:
            raise ShapesError(f"{name}: a sub-query must select $this")
        inserts[brace] = f" {targets} "
    out = [text + inserts.get(i, "") for i, (_, text) in enumerate(tokens)]
    return RuleQuery("".join(out), bool(selects_this), counts_repeats)
