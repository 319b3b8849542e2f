"""Cut a page's lines into labelled sections, given the labels its layout prints."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from kg.model.text import fold
from kg.read.parse.fields import value_or_none

__all__ = ["Sections", "split_sections"]


def _label_key(line: str) -> str:
    return re.sub(r"[^a-z0-9&]+", " ", fold(line).lower()).strip()


class Sections:
    """The sections of a page in order; the preamble (before any label) is named ``""``."""

    def __init__(self, parts: list[tuple[str, list[str]]]) -> None:
        self.parts = parts

    def names(self) -> list[str]:
        """Section names in page order (a name may repeat)."""
        return [name for name, _ in self.parts]

    def has(self, name: str) -> bool:
        return any(part == name for part, _ in self.parts)

    def lines(self, name: str) -> list[str]:
        """The lines of the first section called ``name`` (empty when absent)."""
        for part, lines in self.parts:
            if part == name:
                return lines
        return []

    def every_line(self, name: str) -> list[str]:
        """The lines of every section called ``name``, in page order: a heading a page repeats goes on with its list
        (MedPath's "Inclusion Criteria" over a CTRI record's own "Inclusion Criteria" heading).

        >>> split_sections(["Inclusion", "a", "Exclusion", "b", "Inclusion", "c"],
        ...                {"Inclusion": "inc", "Exclusion": "exc"}).every_line("inc")
        ['a', 'c']
        """
        return [line for part, lines in self.parts if part == name for line in lines]

    def values(self, name: str) -> list[str]:
        """The non-empty, non-placeholder lines of a section, folded."""
        return [v for v in (value_or_none(line) for line in self.lines(name)) if v]

    def value(self, name: str) -> str | None:
        """The first value of a section, or None."""
        values = self.values(name)
        return values[0] if values else None

    def text(self, name: str) -> str | None:
        """A section's paragraphs joined by blank lines; None when it has no value."""
        paragraphs = self.values(name)
        return "\n\n".join(paragraphs) if paragraphs else None

    def raw(self, name: str) -> str:
        """A section's lines as the page has them, joined by newlines."""
        return "\n".join(self.lines(name))


def split_sections(lines: Iterable[str], labels: Mapping[str, str],
                   patterns: Iterable[tuple[re.Pattern[str], str]] = ()) -> Sections:
    """Cut ``lines`` at every line that is one of ``labels`` (page wording -> section name).

    ``patterns`` name sections whose label varies ("Locations (3)").

    >>> s = split_sections(["MedPath", "Title", "Conditions", "AML", "Sex", "All"],
    ...                    {"Conditions": "conditions", "Sex": "sex"})
    >>> s.names(), s.value("sex"), s.values("")
    (['', 'conditions', 'sex'], 'All', ['MedPath', 'Title'])
    """
    keyed = {_label_key(label): name for label, name in labels.items()}
    compiled = list(patterns)
    parts: list[tuple[str, list[str]]] = [("", [])]
    for line in lines:
        key = _label_key(line)
        name = keyed.get(key) if key else None
        if name is None:
            name = next((section for pattern, section in compiled if pattern.fullmatch(fold(line))), None)
        if name is not None:
            parts.append((name, []))
        else:
            parts[-1][1].append(line)
    return Sections(parts)
