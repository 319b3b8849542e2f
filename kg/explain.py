"""Why a document was read the way it was: the reader that took it, the sections it found,
and the text it did not use (``kg build --explain``).
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import DocumentError
from kg.model.text import clean_document_text, fold
from kg.read import LABEL_TABLE_READERS, READERS, detect_layout, read_bytes
from kg.read.layouts import ctgov_json, generic
from kg.read.parse.sections import split_sections

__all__ = ["explain"]


def explain(path: Path) -> str:
    """A readable account of how ``path`` is read."""
    data = path.read_bytes()
    lines = [f"{path}:"]
    if ctgov_json.looks_like_json(data):
        lines.append("  reader: ctgov_api_v2 (the text opens a JSON object or array: ClinicalTrials.gov API v2 study JSON)")
    else:
        try:
            text = clean_document_text(data.decode("utf-8"))
        except UnicodeDecodeError:
            text = ""
        layout = detect_layout(text) if text else None
        if layout is None:
            lines.append("  reader: none claims it")
        else:
            reader = READERS[layout]
            why = fold((reader.claims.__doc__ or "").split("\n\n")[0])
            lines.append(f"  reader: {layout} ({why})")
            if layout in LABEL_TABLE_READERS:
                found = generic.reading(text)
                lines.append(f"  sections found: {', '.join(found.sections) or 'none'}")
                count = len(found.unread)
                lines.append(f"  text not used ({count} line{'s' * (count != 1)}):")
                lines += [f"    {line[:100]}" for line in found.unread[:40]]
            else:
                parts = split_sections(text.split("\n"), reader.LABELS).parts
                sections = dict.fromkeys(name for name, _ in parts if name)
                lines.append(f"  sections found: {', '.join(sections) or 'none'}")
    for record in read_bytes(data, path.name):
        if isinstance(record, DocumentError):
            lines.append(f"  left out: {record.problem}")
        else:
            ids = ", ".join(f"{i.value} ({i.scheme})" for i in record.identifiers)
            lines.append(f"  record: {ids}; title {record.title!r}; {len(record.criteria)} criteria, "
                         f"{len(record.outcomes)} outcomes, {len(record.arms)} arms")
    return "\n".join(lines)
