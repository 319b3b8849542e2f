"""The errors the project raises on purpose; each names what it is about and the problem."""

from __future__ import annotations

__all__ = ["KgError", "DocumentError", "QueryError", "GraphError", "ShapesError"]


class KgError(Exception):
    """Base of every error this project reports to a user (never a traceback)."""


class DocumentError(KgError, ValueError):
    r"""A document that cannot be read as a trial document.

    The message is one line whatever the name holds: a file or zip entry named with line
    breaks or other control characters shows them escaped.

    >>> str(DocumentError("seeds/003.txt", "no trial identifier found"))
    'seeds/003.txt: no trial identifier found'
    >>> str(DocumentError("bulk.zip!a\nb\u202e.json", "the file is empty"))
    'bulk.zip!a\\nb\\u202e.json: the file is empty'
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{_printable(path)}: {_printable(problem)}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type[DocumentError], tuple[str, str]]:
        # A build's worker processes send these back to the main process.
        return DocumentError, (self.path, self.problem)


def _printable(text: str) -> str:
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


class QueryError(KgError, ValueError):
    """A stored query that does not exist, lacks a parameter, or failed to run."""


class GraphError(KgError):
    """A graph or shapes file that cannot be loaded, or an endpoint that cannot be reached."""


class ShapesError(KgError):
    """A shape the SPARQL engine cannot compile (``kg validate --engine pyshacl`` still checks it)."""
