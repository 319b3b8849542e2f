"""The reference engine: pyshacl on an rdflib graph, reported as the compiled engine reports."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

import rdflib
from rdflib.namespace import PROV

from kg.validation.report import ValidationReport, document_name, report_violations
from kg.validation.shapes import shapes_graph

__all__ = ["validate_graph", "prepared_queries"]


@lru_cache(maxsize=512)
def _prepared(text: str, base: str | None, namespaces: tuple[tuple[str, str], ...]):
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    return translateQuery(parseQuery(text), base, dict(namespaces) or None)


@contextmanager
def prepared_queries() -> Iterator[None]:
    """While pyshacl runs, rdflib parses each query text once and reuses the prepared query.

    pyshacl hands rdflib a SPARQL-based constraint's text once per focus node, and rdflib
    parses it every time: four fifths of pyshacl's time on the seed graph (3.2 s of CPU, 0.6 s
    with this). A prepared query is what rdflib's prepareQuery makes, to be run with other
    initBindings; the reports are the same (tests/test_shapes_sparql.py compares them).
    """
    from rdflib.plugins.sparql.processor import SPARQLProcessor

    original = SPARQLProcessor.query

    def query(self, query, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803 (rdflib's names)
        if isinstance(query, str):
            query = _prepared(query, base, tuple(sorted((initNs or {}).items())))
        return original(self, query, initBindings or {}, initNs, base, DEBUG)

    SPARQLProcessor.query = query
    try:
        yield
    finally:
        SPARQLProcessor.query = original


class _GraphProvenance:
    def __init__(self, data: rdflib.Graph) -> None:
        self.data = data

    def owners(self, focus: str) -> Iterable[str]:
        return map(str, self.data.subjects(None, rdflib.URIRef(focus)))

    def documents(self, trial: str) -> tuple[str, ...]:
        return tuple(sorted(document_name(str(d), map(str, self.data.objects(d, rdflib.RDFS.label)))
                            for d in self.data.objects(rdflib.URIRef(trial), PROV.wasDerivedFrom)))


def validate_graph(data: rdflib.Graph, shapes: rdflib.Graph | None = None) -> ValidationReport:
    """Validate ``data`` with pyshacl against ``shapes`` (the project's by default).

    The report graph's sh:conforms is SHACL's (false on any result); the report's ``conforms``
    is kg's (warnings and infos do not make a graph non-conforming).
    """
    import pyshacl  # loaded only when it runs: the sparql engine needs the rest of this module, not pyshacl

    with prepared_queries():
        _, report, _ = pyshacl.validate(data, shacl_graph=shapes if shapes is not None else shapes_graph(),
                                        inference="none", advanced=True, allow_warnings=False)
    violations = report_violations(report, data, _GraphProvenance(data))
    return ValidationReport(all(v.severity != "Violation" for v in violations), violations, report)

