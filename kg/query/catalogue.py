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

A listing opens with the sub-select of the trials it lists, in the order of their keys::

    { SELECT DISTINCT ?trial ?trial_id WHERE {
        ?trial ctk:trialId ?trial_id .
        FILTER(COALESCE(?__sponsor, "") = "" || EXISTS { ?trial ctk:leadSponsor ?org . ?org rdfs:label ?__sponsor })
        ...
      } ORDER BY ?trial_id }

whose filters on the trials (trial, sponsor, condition, phase, status, cell type, country) are each
one line of that form around an ``EXISTS``, which grlc and any store answer as it is. Engines
evaluate such a filter row by row (Oxigraph: 26 s for one sponsor's criteria at 10,000 studies, the
whole listing's time), so :meth:`StoredQuery.bind` writes the same question in the form stores answer
from their indexes: a filter given becomes its patterns in the query (56 ms), a filter not given is
left out. (The country was a sub-select of its distinct trials while it read every site's country; a trial states
its sites' countries as ``ctk:siteCountryCode`` since, one statement per country, and the pattern is as fast.)
A token of a scheme (phase, status, cell type) is asked as the concept IRI it stands for
(``?trial ctk:phase voc:phase-PHASE2``), where the file compares each trial's concept with the token as a
string. The rows are the same (the sub-select is DISTINCT, and so is a query with such a filter
outside one, or it groups with DISTINCT aggregates, so a trial matched twice is one row; otherwise
the filter stays as it is); tests/test_query_filters.py checks it query by query. :func:`page` adds
``LIMIT`` / ``OFFSET`` to a query whose ``ORDER BY`` orders every column, so pages are stable;
:func:`trial_page` adds them to the sub-select of the trials instead, so that a store reads the rows
of those trials only (the listing's ``ORDER BY`` starts with the trial key, so pages of trials follow
each other in the listing's order), and :func:`trial_count` counts the trials listed. The sub-select
also answers a filter once per trial: where a trial matches a filter many times, its rows are read
once, not once per match before a DISTINCT folds them.

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
from kg.model.vocab import concept_iri
from kg.resources import queries_dir

__all__ = ["Parameter", "StoredQuery", "catalogue", "stored_query", "grlc_decorators", "grlc_variables", "page",
           "pages_by_trial", "trial_page", "trial_count"]

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
        if self.values:
            # A token of a vocabulary in any case ("recruiting"); an unknown one is refused with the known ones,
            # never quietly matched against nothing.
            known = {token.casefold(): token for token in self.values}
            if value.casefold() not in known:
                raise QueryError(f"parameter {self.name}: {value!r} is not one of {', '.join(self.values)}")
            value = known[value.casefold()]
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
        # An empty value asks for nothing, as in grlc's form (COALESCE("", "") = ""): the filter is left out.
        given = {known[name].variable: known[name] for name, value in values.items() if value != ""}
        # A token of a scheme asks for its concept: the filter's patterns name the concept's IRI itself.
        concepts = {known[name].variable: concept_iri(known[name].scheme, str(known[name].term(value)))
                    for name, value in values.items() if value != "" and known[name].scheme}
        text = _settle_filters(self.text, set(given), concepts)
        for name, value in values.items():
            parameter = known[name]
            term = parameter.term(value).n3()
            text = re.sub(rf"{re.escape(parameter.variable)}(?![A-Za-z0-9_])", lambda _, term=term: term, text)
        return text


#: A filter on the trials, one line: ``FILTER(COALESCE(?__name, "") = "" || EXISTS { PATTERNS })``.
_GUARDED_FILTER = re.compile(r'^[ \t]*FILTER\(COALESCE\((?P<variable>\?__[A-Za-z0-9]+), ""\) = "" \|\| '
                             r'EXISTS \{ (?P<patterns>.*) \}\)[ \t]*\n', re.MULTILINE)
#: Aggregates a second row of the same values changes (MIN, MAX and SAMPLE it does not).
_COUNTING = re.compile(r"\b(COUNT|SUM|AVG|GROUP_CONCAT)\s*\(\s*(?!DISTINCT\b)", re.IGNORECASE)


#: A token compared with the concept IRI it ends: ``FILTER(STRAFTER(STR(?x), "/vocab/phase-") = ?__phase)``.
_TOKEN_OF_CONCEPT = r' \. FILTER\(STRAFTER\(STR\((?P<concept>\?[A-Za-z0-9_]+)\), "/vocab/(?P<scheme>[a-z-]+)-"\) = {variable}\)'


def _concept_patterns(patterns: str, variable: str, iri: str | None) -> str:
    """A filter's ``patterns`` with its token comparison made a pattern on the concept ``iri`` itself (an
    index lookup, where the comparison reads the concept of every trial and compares strings).
    """
    found = re.search(_TOKEN_OF_CONCEPT.format(variable=re.escape(variable)), patterns)
    if iri is None or found is None or f"/vocab/{found.group('scheme')}-" not in iri:
        return patterns
    kept = patterns[: found.start()] + patterns[found.end():]
    return re.sub(rf"{re.escape(found.group('concept'))}(?![A-Za-z0-9_])", f"<{iri}>", kept)


def _settle_filters(text: str, given: set[str], concepts: Mapping[str, str] | None = None) -> str:
    """``text`` with each guarded filter on the trials settled: its patterns in the query where its
    variable is in ``given`` (a store then starts from the value's index entry), left out where it is
    not (``COALESCE(?__name, "") = ""`` is true of an unbound variable). A query whose rows a repeated
    match would change keeps the filter as written. A variable used outside its filter line as well (the
    cell type of cell_products' own rows) is given there too, so the filter settles all the same. A
    variable in ``concepts`` stands for a token of a scheme: its patterns name the concept's IRI.
    """
    concepts = concepts or {}
    body = "\n".join(row for row in text.split("\n") if not row.startswith("#"))
    outer = body[body.rindex("}"):] if "}" in body else ""
    repeats_harmless = bool(re.match(r"\s*SELECT\s+DISTINCT\b", body[body.find("SELECT"):], re.IGNORECASE)) or (
        "GROUP BY" in outer.upper() and not _COUNTING.search(body))
    # A filter in the sub-select of a listing's trials is folded by its DISTINCT, whatever the listing.
    trials = _TRIALS.search(text)

    def settle(match: re.Match[str]) -> str:
        variable = match.group("variable")
        if variable not in given:
            return ""
        patterns = _concept_patterns(match.group("patterns"), variable, concepts.get(variable))
        if not (repeats_harmless or (trials and trials.start() < match.start() < trials.end())):
            start, end = match.span("patterns")
            return match.group(0)[: start - match.start()] + patterns + match.group(0)[end - match.start():]
        indent = match.group(0)[: len(match.group(0)) - len(match.group(0).lstrip())]
        return f"{indent}{patterns} .\n"

    return _GUARDED_FILTER.sub(settle, text)


#: The sub-select of a listing's trials, in the order of their keys (every listing opens with it): a store
#: answers the filters there once per trial, and a page of the listing is a page of these trials.
_TRIALS = re.compile(r"\{ SELECT DISTINCT \?trial \?trial_id WHERE \{\n.*?\n[ \t]*\} ORDER BY \?trial_id(?= \})", re.DOTALL)


def pages_by_trial(sparql: str) -> bool:
    """Whether ``sparql`` is a listing that opens with the sub-select of its trials (:func:`trial_page`)."""
    return _TRIALS.search(sparql) is not None


def trial_page(sparql: str, limit: int, offset: int = 0) -> str:
    r"""The listing ``sparql`` on ``limit`` of its trials after the first ``offset`` (in the order of their keys):
    all the rows of those trials, in the listing's order. A store then reads only these trials' rows, where an
    ``OFFSET`` on the rows sorts the whole listing first.

    >>> listing = stored_query("conditions").bind({"country": "FI"})
    >>> [row.strip() for row in trial_page(listing, 100, 200).split("\n") if "LIMIT 100" in row]
    ['} ORDER BY ?trial_id LIMIT 100 OFFSET 200 }']
    """
    found = _TRIALS.search(sparql)
    if found is None:
        raise QueryError("this query does not list trials by the sub-select of their keys")
    return f"{sparql[:found.end()]} LIMIT {limit} OFFSET {offset}{sparql[found.end():]}"


def trial_count(sparql: str) -> str:
    """A query for the number of trials the listing ``sparql`` (filters bound) lists, as ``?trials``."""
    found = _TRIALS.search(sparql)
    if found is None:
        raise QueryError("this query does not list trials by the sub-select of their keys")
    prefixes = "".join(row + "\n" for row in sparql.split("\n") if re.match(r"\s*PREFIX\b", row, re.IGNORECASE))
    inner = found.group(0)[: found.group(0).rindex("ORDER BY")]
    return f"{prefixes}SELECT (COUNT(*) AS ?trials) WHERE {{\n  {inner}}}\n}}"


def page(sparql: str, limit: int | None = None, offset: int | None = None) -> str:
    r"""``sparql`` asking for at most ``limit`` rows after the first ``offset``, in its ``ORDER BY``.

    The query's last line must be its ``ORDER BY`` (every stored listing ends so, ordering by all its
    columns, so a page holds the same rows on every run).

    >>> print(page("SELECT ?a WHERE { ?a ?b ?c }\nORDER BY ?a", limit=10, offset=20))
    SELECT ?a WHERE { ?a ?b ?c }
    ORDER BY ?a
    LIMIT 10 OFFSET 20
    """
    if limit is None and offset is None:
        return sparql
    if (limit is not None and limit < 0) or (offset is not None and offset < 0):
        raise QueryError("--limit and --offset take a number of rows, 0 or more")
    last = sparql.rstrip().rsplit("\n", 1)[-1]
    if not re.match(r"\s*ORDER\s+BY\b", last, re.IGNORECASE) or "#" in last:
        raise QueryError("this query does not end with an ORDER BY, so its pages would not be the same from one "
                         "run to the next; run it without --limit and --offset")
    slices = ([f"LIMIT {limit}"] if limit is not None else []) + ([f"OFFSET {offset}"] if offset is not None else [])
    return f"{sparql.rstrip()}\n{' '.join(slices)}"


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
