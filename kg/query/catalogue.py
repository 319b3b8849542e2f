"""Stored SPARQL queries: the catalogue and safe parameter binding (running them: :mod:`kg.query.run`).

Each ``queries/NAME.rq`` opens with a header of ``#+ key: value`` lines (grlc style)::

    #+ summary: Trials with their phase, status and design
    #+ description: One row per trial described by at least one ingested document.
    #+ param: status | string | Only trials with this status token (e.g. RECRUITING)
    #+ required: trial_id          (parameters the query cannot run without)

A parameter ``status`` stands in the query as the variable ``?_status``. A value given
for it is turned into an RDF term (typed and escaped by rdflib) and put in place of the
variable, so a value can never become SPARQL syntax. A parameter left out stays an
unbound variable, so a query reads "no value given, or the row has it" as
``FILTER(COALESCE(?_status, "") = "" || ?status = ?_status)``.

The same text runs on an in-memory rdflib graph and on a remote endpoint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import rdflib
from rdflib.namespace import XSD

from kg.errors import QueryError
from kg.resources import queries_dir

__all__ = ["Parameter", "StoredQuery", "catalogue", "stored_query"]

#: Parameter types and the XSD datatype of their values (``iri`` values become IRIs).
PARAMETER_TYPES = {"string": XSD.string, "integer": XSD.integer, "decimal": XSD.decimal,
                   "boolean": XSD.boolean, "date": XSD.date, "iri": None}


@dataclass(frozen=True)
class Parameter:
    """A parameter a stored query accepts."""

    name: str
    type: str
    description: str
    required: bool = False

    def term(self, value: str) -> rdflib.term.Identifier:
        """The RDF term for a value given on the command line, checked against the type."""
        if self.type == "iri":
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*", value):
                raise QueryError(f"parameter {self.name}: {value!r} is not an IRI")
            return rdflib.URIRef(value)
        # A string is written as a plain literal: the same term as xsd:string in RDF 1.1,
        # and the only form rdflib matches against the plain literals of our graphs.
        literal = rdflib.Literal(value, datatype=None if self.type == "string" else PARAMETER_TYPES[self.type])
        if literal.ill_typed:
            raise QueryError(f"parameter {self.name}: {value!r} is not a valid {self.type}")
        return literal


@dataclass(frozen=True)
class StoredQuery:
    """One ``queries/NAME.rq`` file and its header."""

    name: str
    path: Path
    summary: str
    description: str
    parameters: tuple[Parameter, ...] = field(default=())
    tags: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def bind(self, values: Mapping[str, str]) -> str:
        """The query text with each given parameter replaced by its RDF term."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            accepted = ", ".join(known) or "none"
            raise QueryError(f"query {self.name} has no parameter {', '.join(unknown)} (it accepts: {accepted})")
        missing = [p.name for p in self.parameters if p.required and p.name not in values]
        if missing:
            raise QueryError(f"query {self.name} needs --param {missing[0]}=<{known[missing[0]].type}>")
        text = self.text
        for name, value in values.items():
            term = known[name].term(value).n3()
            text = re.sub(rf"\?_{re.escape(name)}\b", lambda _, term=term: term, text)
        return text


def _parse_header(path: Path) -> StoredQuery:
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"#\+\s*(\w+)\s*:\s*(.*)$", line)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            name, type_, description = (part.strip() for part in value.split("|", 2))
            if type_ not in PARAMETER_TYPES:
                raise QueryError(f"{path.name}: parameter {name} has unknown type {type_!r}")
            parameters.append(Parameter(name, type_, description))
        else:
            fields[key] = value
    required = {name.strip() for name in fields.get("required", "").split(",") if name.strip()}
    parameters = [Parameter(p.name, p.type, p.description, p.name in required) for p in parameters]
    return StoredQuery(
        name=path.stem, path=path, summary=fields.get("summary", ""), description=fields.get("description", ""),
        parameters=tuple(parameters), tags=tuple(t.strip() for t in fields.get("tags", "").split(",") if t.strip()))


@cache
def catalogue() -> dict[str, StoredQuery]:
    """Every stored query by name."""
    return {path.stem: _parse_header(path) for path in sorted(queries_dir().glob("*.rq"))}


def stored_query(name: str) -> StoredQuery:
    """The stored query called ``name``, or an error listing the names there are."""
    try:
        return catalogue()[name]
    except KeyError:
        raise QueryError(f"no stored query named {name!r}; `kg query list` shows them all") from None


