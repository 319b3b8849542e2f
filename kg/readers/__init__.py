"""Documents -> records: one reader per page layout, chosen from the text itself.

Every reader module exposes ``LAYOUT`` (its name), ``claims(text)`` (does this page have
my layout?) and ``read(text, source)`` (the record). :data:`READERS` lists them, most
specific first; a page no reader claims is refused with an error naming the file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType

from kg.errors import DocumentError
from kg.readers import ctgov_mirror, medpath, medpath_bullets, veeva
from kg.readers.inference import complete_from_prose
from kg.records import SourceDocument, TrialRecord
from kg.text import clean_document_text
from kg.therapy import describe_therapy

__all__ = ["READERS", "detect_layout", "read_document", "read_text"]

#: The readers, in the order they are asked to claim a page.
READERS: dict[str, ModuleType] = {module.LAYOUT: module for module in (medpath_bullets, medpath, veeva, ctgov_mirror)}


def detect_layout(text: str) -> str | None:
    """The layout of a cleaned page, or None when no reader claims it."""
    return next((name for name, reader in READERS.items() if reader.claims(text)), None)


def read_text(data: bytes, name: str) -> TrialRecord:
    """Read one document's bytes; ``name`` is how errors and provenance refer to it."""
    if not data.strip():
        raise DocumentError(name, "the file is empty")
    if b"\x00" in data[:8192]:
        raise DocumentError(name, "binary data, not a text document")
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(name, f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from None
    text = clean_document_text(decoded)
    layout = detect_layout(text)
    if layout is None:
        raise DocumentError(name, "unknown layout: not a MedPath, ClinicalTrials.Veeva or ClinicalTrials.gov-mirror "
                                  "trial page")
    source = SourceDocument(name=name, sha256=hashlib.sha256(data).hexdigest(), layout=layout)
    record = describe_therapy(complete_from_prose(READERS[layout].read(text, source)))
    if not record.identifiers:
        raise DocumentError(name, f"no trial identifier found (read as a {layout} page)")
    return record


def read_document(path: Path) -> TrialRecord:
    """Read the document at ``path``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(str(path), f"cannot be read ({error.strerror})") from None
    return read_text(data, path.name)
