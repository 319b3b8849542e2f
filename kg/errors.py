"""The errors the project raises on purpose; each names what it is about and the problem."""

from __future__ import annotations

__all__ = ["KgError", "DocumentError", "QueryError", "GraphError", "ShapesError"]


class KgError(Exception):
    """Base of every error this project reports to a user (never a traceback)."""


class DocumentError(KgError, ValueError):
    """A document that cannot be read as a trial document.

    >>> str(DocumentError("seeds/003.txt", "no trial identifier found"))
    'seeds/003.txt: no trial identifier found'
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type[DocumentError], tuple[str, str]]:
        # A build's worker processes send these back to the main process.
        return DocumentError, (self.path, self.problem)


class QueryError(KgError, ValueError):
    """A stored query that does not exist, lacks a parameter, or failed to run."""


class GraphError(KgError):
    """A graph or shapes file that cannot be loaded, or an endpoint that cannot be reached."""


class ShapesError(KgError):
    """A shape the SPARQL engine cannot compile (``kg validate --engine pyshacl`` still checks it)."""
