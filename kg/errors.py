"""The errors the project raises on purpose; each names what it is about and the problem."""

from __future__ import annotations

__all__ = ["KgError", "DocumentError", "QueryError", "GraphError", "ShapesError", "ReaderBug"]


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


class ReaderBug(RuntimeError):
    """A reader failed on a document in a way no document should make it fail: a bug in kg, not a
    fault of the data. Not a :class:`KgError`, so it is never printed as a user's mistake; it names
    the document, so the bug can be reported with what triggers it.

    >>> str(ReaderBug("NCT01.json", "ctgov_api_v2", KeyError("arms")))
    "NCT01.json: a bug in kg's ctgov_api_v2 reader (KeyError('arms')); please report it with this document"
    """

    def __init__(self, path: str, layout: str, error: BaseException) -> None:
        super().__init__(f"{_printable(path)}: a bug in kg's {layout} reader ({error!r}); please report it with this document")
        self.path, self.layout, self.error = path, layout, error

    def __reduce__(self) -> tuple[type[ReaderBug], tuple[str, str, BaseException]]:
        # Raised in a build's worker process, re-raised in the main one.
        return ReaderBug, (self.path, self.layout, self.error)
