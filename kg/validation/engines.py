"""Which engine validates what: graph files or an on-disk store, by the compiled engine or pyshacl; the report as text.

This module is the one place that chooses; ``kg validate`` and ``kg build`` only name the
engine and the graph. It imports the engines when they are asked for, so that naming them
(the command line's choices) loads neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.progress import Progress

if TYPE_CHECKING:  # the engines and their report load rdflib: only when one is asked for
    from kg.validation.report import ValidationReport

__all__ = ["ENGINES", "REPORT_FORMATS", "EngineMismatch", "validate", "format_report"]

#: The validators, each with what it is; they give the same report (tests/test_shapes_sparql.py).
ENGINES = {
    "sparql": "the shapes compiled to SPARQL queries on Oxigraph (fast; graph files or a store)",
    "pyshacl": "the reference validator on an rdflib graph in memory (the same report, far slower)",
}

#: How a report is written: a readable list, or the SHACL report graph.
REPORT_FORMATS = ("text", "turtle")


class EngineMismatch(KgError, ValueError):
    """An engine asked to validate what it cannot (pyshacl and an on-disk store)."""


def validate(graphs: Sequence[Path] = (), store: Path | None = None, *, engine: str = "sparql", workers: int = 1,
             progress: Progress | None = None, shapes: Path | None = None) -> ValidationReport:
    """The report on graph files, or on the on-disk store in ``store`` (validated in place by ``workers`` processes).

    ``shapes``: a shapes file of one's own instead of the project's (relative IRIs resolved against its URI).

    >>> validate([Path("g.ttl")], Path("store"))
    Traceback (most recent call last):
    ...
    ValueError: validate graph files or a store, not both
    >>> validate(store=Path("store"), engine="pyshacl")
    Traceback (most recent call last):
    ...
    kg.validation.engines.EngineMismatch: --engine pyshacl validates graph files; validate a store with --engine sparql
    """
    if bool(graphs) == (store is not None):
        raise ValueError("validate graph files or a store, not both" if graphs else "nothing to validate")
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if store is not None and engine == "pyshacl":
        raise EngineMismatch("--engine pyshacl validates graph files; validate a store with --engine sparql")
    own = None
    if shapes is not None:
        from kg.validation.shapes import load_shapes

        own = load_shapes(shapes)
    if engine == "pyshacl":
        from kg.graphs.files import load_graph
        from kg.validation.reference import validate_graph

        return validate_graph(load_graph(graphs), own)
    from kg.validation.compiler.compile import compile_shapes
    from kg.validation.sparql_engine import validate_store

    compiled = compile_shapes(own) if own is not None else None
    if store is not None:
        return validate_store(store, compiled, workers=workers, progress=progress)
    from kg.graphs.files import load_store

    return validate_store(load_store(graphs), compiled)


def format_report(report: ValidationReport, format: str, name: str) -> str:
    """``report`` written in ``format`` (one of :data:`REPORT_FORMATS`); ``name`` is what was validated.

    >>> from kg.validation.report import ValidationReport
    >>> print(format_report(ValidationReport(True, [], None), "text", "g.ttl"), end="")
    g.ttl: conforms (0 violations, 0 warnings)
    """
    if format == "turtle":
        return report.report_graph.serialize(format="turtle")
    if format != "text":
        raise ValueError(f"unknown report format {format!r} (choose from {', '.join(REPORT_FORMATS)})")
    lines = [str(v) for v in report.violations]
    summary = "conforms" if report.conforms else "does not conform"
    errors = sum(1 for v in report.violations if v.severity == "Violation")
    warnings = len(report.violations) - errors
    lines.append(f"{name}: {summary} ({errors} violation{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)})")
    return "\n".join(lines) + "\n"
