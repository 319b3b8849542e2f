"""SHACL's value-node constraints as pyshacl judges them, each with a SPARQL pre-filter.

A component has two halves. ``maybe(var)`` is a SPARQL expression, true for every value
that may fail; Oxigraph runs it over the whole graph. ``fails(value, ask)`` is pyshacl's
own judgement of one value (an rdflib term, as pyshacl sees it), run in Python on those
candidates only. The pre-filter may let through values that pass, never stop one that
fails: where Oxigraph and rdflib could disagree (an ill-typed literal, a number's
spelling, a regular expression's dialect) it lets the value through to Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Protocol

import rdflib
from rdflib.namespace import RDF, RDFS, SH, XSD

__all__ = ["Ask", "Component", "STRING_TYPES", "Datatype", "NodeKind", "In", "LanguageIn", "Class", "Or", "sparql_term"]

#: Runs a SPARQL ASK on the data, with ``?value`` bound to the given term.
Ask = Callable[[str, rdflib.term.Node], bool]
#: The datatypes whose literals Oxigraph and rdflib spell alike (their lexical forms are kept as written).
STRING_TYPES = f"(<{XSD.string}>, <{RDF.langString}>)"


class Component(Protocol):
    iri: rdflib.URIRef  # the sh:...ConstraintComponent a result names

    def maybe(self, var: str) -> str: ...

    def fails(self, value: rdflib.term.Node, ask: Ask) -> bool: ...


def sparql_term(term: rdflib.term.Node) -> str:
    """A term as SPARQL text."""
    if isinstance(term, rdflib.URIRef):
        return f"<{term}>"
    if isinstance(term, rdflib.Literal):
        text = '"' + "".join({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}.get(c, c) for c in str(term)) + '"'
        return text + (f"@{term.language}" if term.language else f"^^<{term.datatype}>" if term.datatype else "")
    raise ValueError(f"{term!r} cannot be written in a query")


#: What a literal's Python value must be for pyshacl to accept it as of the datatype.
_PYTHON_TYPES = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
                 XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}
#: Datatypes of which rdflib accepts every literal Oxigraph accepts, and what else rdflib rejects
#: (dates outside Python's years 1-9999); tests/test_shapes_sparql.py checks it on awkward spellings.
_OXIGRAPH_VALID_SUFFICES = {XSD.integer: "", XSD.decimal: "", XSD.double: "", XSD.boolean: "",
                            XSD.date: " || COALESCE(YEAR({v}) < 1 || YEAR({v}) > 9999, true)"}


@dataclass(frozen=True)
class Datatype:
    rule: rdflib.URIRef
    iri = SH.DatatypeConstraintComponent

    def maybe(self, var: str) -> str:
        rule, other = self.rule, f"!isLiteral({var}) || DATATYPE({var}) != <{self.rule}>"
        if rule == RDFS.Literal:
            return f"!isLiteral({var})"
        if rule == RDFS.Datatype:  # rdflib gives plain and language-tagged strings no datatype
            return f"!isLiteral({var}) || DATATYPE({var}) IN {STRING_TYPES}"
        if rule == RDF.langString:
            return f"!isLiteral({var}) || LANG({var}) = \"\""
        if rule == XSD.string or (rule not in _PYTHON_TYPES and rdflib.Literal("0", datatype=rule).ill_typed is None):
            return other  # rdflib cannot judge the lexical form, so pyshacl looks at the datatype only
        if rule in _OXIGRAPH_VALID_SUFFICES:
            return f"{other} || !COALESCE(isLiteral(<{rule}>({var})), false)" + _OXIGRAPH_VALID_SUFFICES[rule].format(v=var)
        return "true"

    def fails(self, value: rdflib.term.Node, ask: Ask) -> bool:
        if not isinstance(value, rdflib.Literal):
            return True
        rule, datatype = self.rule, value.datatype
        if datatype == rule:
            return getattr(value, "ill_typed", None) is True or not self._actual(value)
        if rule == RDFS.Literal or (rule == RDFS.Datatype and datatype):
            return False
        if (datatype is None and value.language is None and rule == XSD.string) or (rule == RDF.langString
                                                                                     and value.language):
            return not self._actual(value)
        return True

    def _actual(self, value: rdflib.Literal) -> bool:
        python_type = _PYTHON_TYPES.get(self.rule)
        return python_type is None or isinstance(value.value, python_type)


_KINDS = {SH.IRI: {"iri"}, SH.BlankNode: {"blank"}, SH.Literal: {"literal"}, SH.BlankNodeOrIRI: {"blank", "iri"},
          SH.BlankNodeOrLiteral: {"blank", "literal"}, SH.IRIOrLiteral: {"iri", "literal"}}


@dataclass(frozen=True)
class NodeKind:
    kind: rdflib.term.Node
    iri = SH.NodeKindConstraintComponent

    def maybe(self, var: str) -> str:
        tests = {"iri": f"isIRI({var})", "blank": f"isBlank({var})", "literal": f"isLiteral({var})"}
        return "!(" + " || ".join(["false", *(tests[k] for k in sorted(_KINDS.get(self.kind, ())))]) + ")"

    def fails(self, value: rdflib.term.Node, ask: Ask) -> bool:
        kind = "blank" if isinstance(value, rdflib.BNode) else "literal" if isinstance(value, rdflib.Literal) else "iri"
        return kind not in _KINDS.get(self.kind, set())


@dataclass(frozen=True)
class In:
    members: frozenset[rdflib.term.Node]
    iri = SH.InConstraintComponent

    def maybe(self, var: str) -> str:
        same = " || ".join(f"sameTerm({var}, {sparql_term(m)})" for m in self.members if not isinstance(m, rdflib.BNode))
        return f"(isLiteral({var}) && DATATYPE({var}) != <{XSD.string}>) || !({same or 'false'})"

    def fails(self, value: rdflib.term.Node, ask: Ask) -> bool:
        return value not in self.members


@dataclass(frozen=True)
class LanguageIn:
    tags: tuple[str, ...]
    iri = SH.LanguageInConstraintComponent

    def maybe(self, var: str) -> str:
        matches = " || ".join(f"langMatches(LANG({var}), {sparql_term(rdflib.Literal(t))})" for t in self.tags)
        return f"!isLiteral({var}) || !({matches or 'false'})"

    def fails(self, value: rdflib.term.Node, ask: Ask) -> bool:
        language = (value.language or "").lower() if isinstance(value, rdflib.Literal) else ""
        return not language or not any(language == t.lower() or language.startswith(f"{t.lower()}-") for t in self.tags)


@dataclass(frozen=True)
class Class:
    cls: rdflib.URIRef
    iri = SH.ClassConstraintComponent

    def instance(self, var: str) -> str:
        """A pattern true of the instances of the class (and of its subclasses), bound to ``var``."""
        return f"{var} <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(self.cls)}"

    def maybe(self, var: str) -> str:
        return f"NOT EXISTS {{ {self.instance(var)} }}"

    def fails(self, value: rdflib.term.Node, ask: Ask) -> bool:
        return isinstance(value, rdflib.Literal) or not ask(f"ASK {{ {self.instance('?value')} }}", value)


@dataclass(frozen=True)
class Or:
    members: tuple[Sequence[Component] | None, ...]  # None: a deactivated member, which every value conforms to
    iri = SH.OrConstraintComponent

    def maybe(self, var: str) -> str:
        if any(member is None for member in self.members):
            return "false"
        fail = ["(" + " || ".join(["false", *(c.maybe(var) for c in member or ())]) + ")" for member in self.members]
        return "(" + " && ".join(fail) + ")"

    def fails(self, value: rdflib.term.Node, ask: Ask) -> bool:
        return all(member is not None and any(c.fails(value, ask) for c in member) for member in self.members)
