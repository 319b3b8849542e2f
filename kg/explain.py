"""Why a document was read the way it was (``kg build --explain``): the reader that took it and
why, what it found, the text it left unread, and the records the build makes of it.

It goes through the same dispatch (:func:`kg.read.dispatch`), reading (:func:`kg.read.read_path`)
and enrichment (:func:`kg.enrich.enriched`) as the build, and uses nothing of a reader but its
declared interface (:class:`kg.read.Reader`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from kg.enrich import enriched
from kg.errors import DocumentError, ReaderBug
from kg.read import dispatch, read_path
from kg.read.limits import LIMITS, Limits
from kg.read.sources import read_document

__all__ = ["explain"]

#: Unread lines shown at most, each cut at this many characters.
_UNREAD_SHOWN, _LINE_SHOWN = 40, 100


def explain(path: Path, limits: Limits = LIMITS) -> str:
    """A readable account of how the document at ``path`` is read."""
    lines = [f"{path}:"]
    if zipfile.is_zipfile(path):
        lines.append("  reader: a zip archive, read entry by entry as documents of their own")
    else:
        lines += _account(read_document(path, limits), path.name)
    for record in enriched(read_path(path, limits)):
        if isinstance(record, (DocumentError, ReaderBug)):
            lines.append(f"  left out: {record}")
        else:
            ids = ", ".join(f"{i.value} ({i.scheme})" for i in record.identifiers)
            lines.append(f"  record: {ids}; title {record.title!r}; {len(record.criteria)} criteria, "
                         f"{len(record.outcomes)} outcomes, {len(record.arms)} arms, "
                         f"{len(record.cell_products)} cell products")
    return "\n".join(lines)


def _account(data: bytes, name: str) -> list[str]:
    try:
        chosen = dispatch(data, name)
    except DocumentError as error:
        return [f"  reader: none takes it ({error.problem})"]
    lines = [f"  reader: {chosen.layout} ({chosen.reason})"]
    if chosen.reader is None or chosen.text is None:
        return lines
    outline = chosen.reader.outline(chosen.text)
    lines.append(f"  sections found: {', '.join(outline.sections) or 'none'}")
    if outline.unread is not None:
        count = len(outline.unread)
        lines.append(f"  text not used ({count} line{'s' * (count != 1)}):")
        lines += [f"    {line[:_LINE_SHOWN]}" for line in outline.unread[:_UNREAD_SHOWN]]
    return lines
