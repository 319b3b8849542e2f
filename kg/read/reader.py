"""What a reader of one page layout promises: the interface the build and ``kg build --explain`` use.

A layout module (:mod:`kg.read.layouts`) is a :class:`Reader`: it names its layout, claims the
pages of its layout, reads one into a record, and outlines what it found on a page. Nothing
else of a reader is used outside it, so a reader is free to keep its internals as it likes.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol, runtime_checkable

from kg.model.records import SourceDocument, TrialRecord
from kg.read.parse.sections import Sections

__all__ = ["Reader", "Outline"]


class Outline(NamedTuple):
    """What a reader found on a page: the sections it reads, in page order, and the lines it left
    unread (None where the reader does not keep track of them).
    """

    sections: tuple[str, ...]
    unread: tuple[str, ...] | None = None

    @classmethod
    def of(cls, sections: Sections) -> Outline:
        """The outline of a page cut into sections (the preamble, named "", is not a section)."""
        return cls(tuple(dict.fromkeys(name for name in sections.names() if name)))


@runtime_checkable
class Reader(Protocol):
    """A reader of one page layout (a module of :mod:`kg.read.layouts`)."""

    #: The layout's name, recorded on the source document (``ctk:layout``).
    LAYOUT: str

    def claims(self, text: str) -> bool:
        """Whether a cleaned page has this layout; the first paragraph of its docstring says why."""

    def read(self, text: str, source: SourceDocument) -> TrialRecord:
        """The page as a record. A fault of the page raises :class:`kg.errors.DocumentError`;
        anything else a reader raises is a bug in it.
        """

    def outline(self, text: str) -> Outline:
        """What the reader finds on the page, for ``kg build --explain``."""
