"""Graphs -> SHACL report: validate against ontology/shapes.ttl and explain each violation.

A violation is reported with the trial it concerns, the property path, the offending
value, the shape's message and the source document(s) of the trial, so a user can go
straight to the page that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyshacl
import rdflib
from rdflib.namespace import PROV, SH

from kg.namespaces import CTK, ID, SHAPES
from kg.resources import ontology_file

__all__ = ["Violation", "ValidationReport", "shapes_graph", "validate_graph"]

_TRIAL_PREFIX = f"{ID}trial/"


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in the words a user needs."""

    severity: str
    trial: str | None
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str
    documents: tuple[str, ...]

    def __str__(self) -> str:
        where = f"trial {self.trial}" if self.trial else self.focus
        parts = [f"{self.severity}: {where}"]
        if self.path:
            parts.append(f"property {self.path}")
        if self.value is not None:
            parts.append(f"value {self.value!r}")
        text = ", ".join(parts) + f": {self.message}"
        if self.trial and self.focus != f"{_TRIAL_PREFIX}{self.trial}":
            text += f" (node {self.focus})"
        if self.documents:
            text += f" [from {', '.join(self.documents)}]"
        return text


@dataclass
class ValidationReport:
    """Whether a graph conforms, and why not."""

    conforms: bool
    violations: list[Violation]
    report_graph: rdflib.Graph


@cache
def shapes_graph() -> rdflib.Graph:
    """The project's shapes (parsed once per process)."""
    graph = rdflib.Graph()
    graph.parse(ontology_file("shapes.ttl"), format="turtle")
    return graph


def _short(graph: rdflib.Graph, term: rdflib.term.Node | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:  # rdflib raises on IRIs it cannot shorten
            return str(term)
    return str(term)


def _trial_of(focus: str, data: rdflib.Graph) -> str | None:
    if focus.startswith(_TRIAL_PREFIX):
        return focus[len(_TRIAL_PREFIX):].split("/")[0]
    for owner in data.subjects(None, rdflib.URIRef(focus)):
        if str(owner).startswith(_TRIAL_PREFIX):
            return str(owner)[len(_TRIAL_PREFIX):].split("/")[0]
    return None


def validate_graph(data: rdflib.Graph) -> ValidationReport:
    """Validate ``data`` against the shapes; warnings do not make a graph non-conforming."""
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph(), inference="none",
                                           advanced=True, allow_warnings=True)
    report.bind("ctk", CTK)
    report.bind("shape", SHAPES)
    violations: list[Violation] = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = str(report.value(result, SH.focusNode))
        trial = _trial_of(focus, data)
        documents = ()
        if trial:
            trial_node = rdflib.URIRef(f"{_TRIAL_PREFIX}{trial}")
            documents = tuple(sorted(str(data.value(d, rdflib.RDFS.label) or d)
                                     for d in data.objects(trial_node, PROV.wasDerivedFrom)))
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        # A SPARQL-based rule is reported under its node shape; the rule itself is the
        # result's source constraint, and that is the name a user needs.
        rule = report.value(result, SH.sourceConstraint) or report.value(result, SH.sourceShape)
        violations.append(Violation(
            severity=severity, trial=trial, focus=focus,
            path=_short(data, report.value(result, SH.resultPath)),
            value=_short(data, report.value(result, SH.value)),
            message=str(report.value(result, SH.resultMessage) or "does not conform"),
            shape=_short(report, rule) or "",
            documents=documents))
    # One broken value can fail several constraints of one shape (datatype and range): say it once.
    unique = sorted(set(violations), key=lambda v: (v.severity != "Violation", v.trial or "", v.focus, v.path or "",
                                                    v.message, v.shape))
    return ValidationReport(bool(conforms), unique, report)
