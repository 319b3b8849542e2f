"""The reference engine: pyshacl on an rdflib graph, reported as the compiled engine reports."""

from __future__ import annotations

from collections.abc import Iterable

import rdflib
from rdflib.namespace import PROV

from kg.validation.report import ValidationReport, document_name, report_violations
from kg.validation.shapes import shapes_graph

__all__ = ["validate_graph"]


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

    _, report, _ = pyshacl.validate(data, shacl_graph=shapes if shapes is not None else shapes_graph(),
                                    inference="none", advanced=True, allow_warnings=False)
    violations = report_violations(report, data, _GraphProvenance(data))
    return ValidationReport(all(v.severity != "Violation" for v in violations), violations, report)

