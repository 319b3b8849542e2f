"""SHACL's constraints on a value's text and order (sh:pattern, sh:minLength, sh:minInclusive and co).

pyshacl reads a literal's text from rdflib, which rewrites numbers and dates in its own way
("1E3"^^xsd:double is "1000.0"), so only strings are pre-filtered by their text in SPARQL;
every other literal goes to Python. Ranges are pre-filtered on numbers only, where SPARQL
and Python order alike; a value of any other kind goes to Python, which compares it as
pyshacl does (rdflib's order, a string never against a number).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal

import rdflib
from rdflib.namespace import RDF, SH, XSD

from kg.validation.compiler.regex import rust_pattern
from kg.validation.compiler.values import STRING_TYPES, Ask, sparql_term

__all__ = ["Pattern", "Length", "Range", "RANGES"]


def _string_of(value: rdflib.term.Node) -> str:
    """The string pyshacl matches and measures (sh:pattern, sh:minLength): a literal's normalised lexical form."""
    if isinstance(value, rdflib.Literal) and value.value is not None and value.datatype in (None, RDF.langString,
                                                                                           XSD.string):
        return str(value.value)
    return str(value)


def _non_string(var: str) -> str:
    """True for a literal pyshacl reads other than by its lexical form as Oxigraph gives it."""
    return f"(isLiteral({var}) && !(DATATYPE({var}) IN {STRING_TYPES}))"


@dataclass(frozen=True)
class Pattern:
    pattern: str
    flags: str  # pyshacl honours i and m only
    iri = SH.PatternConstraintComponent

    def maybe(self, var: str) -> str:
        rust = None if {"i", "m"} & set(self.flags.lower()) else rust_pattern(self.pattern)
        if rust is None:
            return "true"
        return f"isBlank({var}) || {_non_string(var)} || !REGEX(STR({var}), {sparql_term(rdflib.Literal(rust))})"

    def fails(self, value: rdflib.term.Node, ask: Ask) -> bool:
        if isinstance(value, rdflib.BNode):
            return True
        flags = (re.I if "i" in self.flags.lower() else 0) | (re.M if "m" in self.flags.lower() else 0)
        matcher = re.compile(self.pattern, flags)
        text = _string_of(value)
        return not (matcher.match(text) or matcher.search(text))


@dataclass(frozen=True)
class Length:
    limit: int
    minimum: bool  # sh:minLength, else sh:maxLength

    @property
    def iri(self) -> rdflib.URIRef:
        return SH.MinLengthConstraintComponent if self.minimum else SH.MaxLengthConstraintComponent

    def maybe(self, var: str) -> str:
        if self.minimum and self.limit == 0:
            return "false"
        short = f"STRLEN(STR({var})) {'<' if self.minimum else '>'} {self.limit}"
        return f"isBlank({var}) || {_non_string(var)} || {short}"

    def fails(self, value: rdflib.term.Node, ask: Ask) -> bool:
        if self.minimum and self.limit == 0:
            return False
        if isinstance(value, rdflib.BNode):
            return True
        length = len(_string_of(value))
        return length < self.limit if self.minimum else length > self.limit


#: sh:minExclusive and co: the comparison a value must pass, as SPARQL and as Python.
RANGES = {SH.minExclusive: (">", operator.gt, SH.MinExclusiveConstraintComponent),
          SH.minInclusive: (">=", operator.ge, SH.MinInclusiveConstraintComponent),
          SH.maxExclusive: ("<", operator.lt, SH.MaxExclusiveConstraintComponent),
          SH.maxInclusive: ("<=", operator.le, SH.MaxInclusiveConstraintComponent)}


def _compare(value: rdflib.Literal, bound: rdflib.Literal) -> int:
    """The order pyshacl gives two literals (raises TypeError when they cannot be compared)."""
    if value.eq(bound):
        return 0
    if value.value.__class__ in (datetime, time):
        return 0 if value.value == bound.value else 1 if value.value > bound.value else -1
    return 1 if value > bound else -1


@dataclass(frozen=True)
class Range:
    bound: rdflib.Literal
    parameter: rdflib.URIRef  # sh:minInclusive, ...

    @property
    def iri(self) -> rdflib.URIRef:
        return RANGES[self.parameter][2]

    def maybe(self, var: str) -> str:
        numeric = isinstance(self.bound.value, (int, float, Decimal)) and not isinstance(self.bound.value, bool)
        if not numeric:
            return "true"
        return f"!(isNumeric({var}) && {var} {RANGES[self.parameter][0]} {sparql_term(self.bound)})"

    def fails(self, value: rdflib.term.Node, ask: Ask) -> bool:
        if not isinstance(value, rdflib.Literal) or isinstance(value.value, str) != isinstance(self.bound.value, str):
            return True
        try:
            return not RANGES[self.parameter][1](_compare(value, self.bound), 0)
        except (TypeError, NotImplementedError):
            return True
