"""Stored SPARQL queries: the catalogue and safe parameter binding (running them: :mod:`kg.query.run`).

Each ``queries/NAME.rq`` follows grlc's conventions (https://github.com/CLARIAH/grlc), so a
grlc server can serve the folder as a Web API as it is. The header is YAML in ``#+`` lines::

    #+ summary: Trials with their phase, status and design
    #+ description: One row per trial described by at least one ingested document.
    #+ tags:
    #+   - contract
    #+ enumerate:
    #+   - status:
    #+       - ACTIVE_NOT_RECRUITING
    #+ params:
    #+   status:
    #+     description: Only trials with this status token, e.g. RECRUITING
    #+     scheme: status

and a parameter is a variable of the query: ``?_name`` a required one, ``?__name`` an optional
one, the name letters and digits only (grlc reads ``?_trial_id`` as the parameter ``trial`` with
the language tag ``id``), so the trial key stands in the query as ``?_trialId``. ``enumerate``
lists the values a parameter takes; :mod:`kg.query.headers` writes it from the parameter's
SKOS scheme (``params`` is ours: grlc ignores keys it does not know). ``kg query`` calls a
parameter by the snake_case form of its name (``--param trial_id=...``), or by grlc's.

:func:`grlc_decorators` and :func:`grlc_variables` read a file as grlc 1.3.11 does
(``grlc/gquery.py``: ``get_yaml_decorators`` and ``get_parameters``); tests/test_queries.py
checks them against grlc itself. A value given for a parameter is turned into an RDF term
(typed and escaped by rdflib) and put in place of the variable, so a value can never become
SPARQL syntax. A parameter left out stays an unbound variable (as grlc leaves it), so a query
reads "no value given, or the row has it" as ``FILTER(COALESCE(?__status, "") = "" || ...)``.

The same text runs on an in-memory rdflib graph and on a remote endpoint.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import rdflib
import yaml
from rdflib.namespace import XSD

from kg.errors import QueryError
from kg.resources import queries_dir

__all__ = ["Parameter", "StoredQuery", "catalogue", "stored_query", "grlc_decorators", "grlc_variables"]

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
    #: The variable that stands for it in the query, as grlc names it: ``?_trialId``, ``?__status``.
    variable: str = ""
    #: The SKOS scheme (``ontology/vocabularies.ttl``) whose notations are its values, if any.
    scheme: str | None = None
    #: The values grlc offers for it (``#+ enumerate:``).
    values: tuple[str, ...] = ()

    @property
    def grlc_name(self) -> str:
        """The name grlc gives it: the variable's name part (``?__age_xsd_decimal`` is ``age``)."""
        match = _GRLC_VARIABLE.match(self.variable)
        return match.group("name") if match else self.variable.lstrip("?_")

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

    @property
    def body(self) -> str:
        """The query without its ``#+`` header lines."""
        return "\n".join(row for row in self.text.split("\n") if not row.startswith("#+"))

    def bind(self, values: Mapping[str, str]) -> str:
        """The query text with each given parameter replaced by its RDF term.

        A parameter is named as ``kg query`` names it (``trial_id``) or as grlc does (``trialId``).
        """
        known = {p.grlc_name: p for p in self.parameters} | {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            accepted = ", ".join(p.name for p in self.parameters) or "none"
            raise QueryError(f"query {self.name} has no parameter {', '.join(unknown)} (it accepts: {accepted})")
        given = {known[name].name for name in values}
        missing = [p for p in self.parameters if p.required and p.name not in given]
        if missing:
            raise QueryError(f"query {self.name} needs --param {missing[0].name}=<{missing[0].type}>")
        text = self.text
        for name, value in values.items():
            parameter = known[name]
            term = parameter.term(value).n3()
            text = re.sub(rf"{re.escape(parameter.variable)}(?![A-Za-z0-9_])", lambda _, term=term: term, text)
        return text


#: A parameter variable as grlc matches it (``grlc/gquery.py``, ``get_parameters``: regexes re1 to re6).
_GRLC_VARIABLE = re.compile(
    r"\?(?P<required>[_]{1,2})(?P<name>[a-zA-Z0-9]+)([_](?P<type>(iri)|(number)|(literal)|(integer)))?"
    r"([_](?P<prefix>[a-zA-Z0-9]+)[_](?P<userdefined>[a-zA-Z0-9]+))?([_](?P<lang>[a-zA-Z0-9]+))?")


def grlc_decorators(text: str) -> dict[str, Any]:
    """The header's YAML as grlc's ``get_yaml_decorators`` reads it: the ``#+`` lines, their marks stripped."""
    yaml_string = "\n".join(row.lstrip("#+") for row in text.split("\n") if row.startswith("#+"))
    try:
        metadata = yaml.safe_load(yaml_string)
    except (yaml.parser.ParserError, yaml.scanner.ScannerError):
        try:
            metadata = json.loads(yaml_string)
        except json.JSONDecodeError:
            metadata = None
    return metadata if isinstance(metadata, dict) else {}


def grlc_variables(text: str) -> dict[str, dict[str, Any]]:
    """The parameters grlc's ``get_parameters`` finds in a query file's text, by grlc name (the last use wins, as there)."""
    found: dict[str, dict[str, Any]] = {}
    for match in _GRLC_VARIABLE.finditer(text):
        kind = match.group("type")
        parameter: dict[str, Any] = {"original": match.group(0), "required": len(match.group("required")) == 1,
                                     "name": match.group("name")}
        if kind in ("number", "literal", "string"):
            parameter["type"] = kind
        elif kind == "iri":
            parameter.update(type="string", format="iri")
        else:
            parameter["type"] = "string"
            if kind:
                parameter["datatype"] = f"xsd:{kind}"
            elif match.group("prefix") and match.group("userdefined"):
                parameter["datatype"] = f"{match.group('prefix')}:{match.group('userdefined')}"
        if match.group("lang") is not None:
            parameter["lang"] = match.group("lang")
        found[match.group("name")] = parameter
    return found


def snake_case(name: str) -> str:
    """``kg query``'s name of a grlc parameter.

    >>> snake_case("trialId"), snake_case("status"), snake_case("meshId")
    ('trial_id', 'status', 'mesh_id')
    """
    return re.sub(r"(?<=[a-z0-9])([A-Z])", lambda m: "_" + m.group(1).lower(), name)


def _type(variable: Mapping[str, Any]) -> str:
    """Our parameter type of a grlc parameter: a plain string, an IRI, or an XSD datatype we bind."""
    if variable.get("lang"):
        raise ValueError(f"grlc reads {variable['original']} as a literal tagged @{variable['lang']}: "
                         "a parameter's name is letters and digits only (trialId, not trial_id)")
    if variable.get("format") == "iri":
        return "iri"
    if variable["type"] == "number":
        return "decimal"
    datatype = str(variable.get("datatype") or "")
    if datatype.startswith("xsd:") and datatype[4:] in PARAMETER_TYPES:
        return datatype[4:]
    if datatype:
        raise ValueError(f"{variable['original']}: kg query binds no values of datatype {datatype}")
    return "string"


def _parse_header(path: Path) -> StoredQuery:
    text = path.read_text(encoding="utf-8")
    decorators = grlc_decorators(text)
    if {"param", "required"} & set(decorators):
        raise QueryError(f"{path.name}: '#+ param:' and '#+ required:' are not grlc's; name a parameter in the query as "
                         "?_name (required) or ?__name (optional) and describe it under '#+ params:' (see queries/trials.rq)")
    documented = decorators.get("params") or {}
    enumerations = {name: tuple(map(str, values)) for entry in decorators.get("enumerate") or []
                    if isinstance(entry, dict) for name, values in entry.items()}
    parameters = []
    try:
        for grlc_name, variable in grlc_variables(text).items():
            doc = documented.get(grlc_name) or {}
            parameters.append(Parameter(snake_case(grlc_name), _type(variable), str(doc.get("description", "")),
                                        variable["required"], variable["original"], doc.get("scheme"),
                                        enumerations.get(grlc_name, ())))
    except ValueError as error:
        raise QueryError(f"{path.name}: {error}") from None
    undocumented = sorted(set(documented) - {p.grlc_name for p in parameters})
    if undocumented:
        raise QueryError(f"{path.name}: params documents {', '.join(undocumented)}, which the query never uses")
    tags = decorators.get("tags") or []
    if not isinstance(tags, list):
        raise QueryError(f"{path.name}: tags must be a YAML list, as grlc reads them")
    return StoredQuery(name=path.stem, path=path, summary=str(decorators.get("summary", "")),
                       description=str(decorators.get("description", "")), parameters=tuple(parameters),
                       tags=tuple(map(str, tags)))


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
