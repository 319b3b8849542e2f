"""A SHACL report as a user reads it: each violation with its trial, property, value and source.

A violation is reported with the trial it concerns, the property path, the offending
value, the shape's message and the source document(s) of the trial, so a user can go
straight to the page that produced it.

Two engines give the same report: pyshacl on an rdflib graph
(:func:`kg.validation.reference.validate_graph`, the reference) and the shapes compiled to SPARQL on an Oxigraph store
(:func:`kg.validation.sparql_engine.validate_store`, for large graphs and stores). Both turn a SHACL
report graph into :class:`Violation` objects here, with :func:`report_violations`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import rdflib
from rdflib.namespace import SH

from kg.model.namespaces import CTK, ID, SHAPES

__all__ = ["Violation", "ValidationReport", "Provenance", "report_violations", "trial_key", "document_name"]

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


class Provenance(Protocol):
    """Where a node comes from: the trial it belongs to and that trial's source documents."""

    def owners(self, focus: str) -> Iterable[str]:
        """IRIs of the nodes that link to ``focus``."""

    def documents(self, trial: str) -> tuple[str, ...]:
        """File names of the documents the trial (its IRI) is derived from, sorted."""


def trial_key(iri: str) -> str | None:
    """The key of the trial an IRI is about (``.../id/trial/NCT1/arm/2`` -> ``NCT1``), if any."""
    return iri[len(_TRIAL_PREFIX):].split("/")[0] if iri.startswith(_TRIAL_PREFIX) else None


def document_name(iri: str, labels: Iterable[str]) -> str:
    """How a source document is named in a report: its label (the smallest, if several), else its IRI."""
    return min(labels, default="") or iri


def _short(graph: rdflib.Graph, term: rdflib.term.Node | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:  # rdflib raises on IRIs it cannot shorten
            return str(term)
    return str(term)


def _trial_of(focus: str, provenance: Provenance) -> str | None:
    """The trial a node belongs to: its own IRI says so, or the first trial (by IRI) that links to it."""
    return trial_key(focus) or min(filter(None, map(trial_key, provenance.owners(focus))), default=None)


def report_violations(report: rdflib.Graph, names: rdflib.Graph, provenance: Provenance) -> list[Violation]:
    """The results of a SHACL report graph as violations, each said once, errors first.

    ``names`` shortens the data's IRIs (its prefixes); ``provenance`` finds trials and documents.
    """
    report.bind("ctk", CTK)
    report.bind("shape", SHAPES)
    violations: set[Violation] = set()
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = str(report.value(result, SH.focusNode))
        trial = _trial_of(focus, provenance)
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        # A SPARQL-based rule is reported under its node shape; the rule itself is the
        # result's source constraint, and that is the name a user needs.
        rule = report.value(result, SH.sourceConstraint) or report.value(result, SH.sourceShape)
        violations.add(Violation(
            severity=severity, trial=trial, focus=focus,
            path=_short(names, report.value(result, SH.resultPath)),
            value=_short(names, report.value(result, SH.value)),
            message=str(report.value(result, SH.resultMessage) or "does not conform"),
            shape=_short(report, rule) or "",
            documents=provenance.documents(f"{_TRIAL_PREFIX}{trial}") if trial else ()))
    # One broken value can fail several constraints of one shape (datatype and range): it is said once.
    return sorted(violations, key=lambda v: (v.severity != "Violation", v.trial or "", v.focus, v.path or "",
                                             v.message, v.shape, v.value or ""))


