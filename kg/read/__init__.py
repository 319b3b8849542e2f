"""Documents -> records: one reader per page layout, chosen from the text itself.

Every page reader is a :class:`~kg.read.reader.Reader` (a module of :mod:`kg.read.layouts`):
its ``LAYOUT``, ``claims(text)``, ``read(text, source)`` and ``outline(text)``. :data:`READERS`
lists them, most specific first; a page no reader claims is refused with an error naming
the file. ClinicalTrials.gov API JSON (a study, an API page, JSON Lines) is read by
:mod:`kg.read.layouts.ctgov_json`, and a zip archive entry by entry, never whole. A document
over the limits of :mod:`kg.read.limits` is refused as any unreadable one is.

A fault of the document (empty, not UTF-8, no layout, a registry value of the wrong type) is
a :class:`~kg.errors.DocumentError`, given back in place of its record so that the build names
it and goes on. Anything else a reader raises is a bug in kg: :func:`read_text` raises it as a
:class:`~kg.errors.ReaderBug` naming the document, never passed off as a fault of the data, and
:func:`read_bytes` gives that back in place of the record too, so that one page a reader fails on
is named and left out, not the end of a build of the whole registry.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from kg.errors import DocumentError, ReaderBug
from kg.model.records import SourceDocument, TrialRecord
from kg.model.text import clean_document_text
from kg.read.layouts import (
    ctgov_classic,
    ctgov_json,
    ctgov_mirror,
    eu_ctr,
    generic,
    jrct,
    medpath,
    medpath_bullets,
    veeva,
    who_ictrp,
)
from kg.read.limits import LIMITS, Limits
from kg.read.parse.source_line import split_source_line
from kg.read.reader import Outline, Reader
from kg.read.sources import BROKEN_ARCHIVE, archive_entries, packaged_document, read_document

__all__ = ["READERS", "LAYOUTS", "Reader", "Outline", "Dispatch", "dispatch", "detect_layout", "read_path", "read_archive",
           "read_bytes", "read_text"]

#: The readers, in the order they are asked to claim a page.
READERS: dict[str, Reader] = {
    module.LAYOUT: module
    for module in (medpath_bullets, medpath, veeva, ctgov_mirror, ctgov_classic, eu_ctr, who_ictrp, jrct, generic)
}
#: Every layout or format a source document can be recorded with.
LAYOUTS = (*READERS, ctgov_json.LAYOUT)

#: Why a document is read as registry JSON (what ``kg build --explain`` says of it).
_JSON_REASON = "the text opens a JSON object or array: ClinicalTrials.gov API v2 study JSON"


class Dispatch(NamedTuple):
    """How a document is read: its layout, why, and the cleaned page text (None for JSON)."""

    layout: str
    reason: str
    text: str | None = None

    @property
    def reader(self) -> Reader | None:
        """The page reader (None for registry JSON, read study by study)."""
        return READERS.get(self.layout)


def detect_layout(text: str, readers: Mapping[str, Reader] = READERS) -> str | None:
    """The layout of a cleaned page, or None when no reader claims it."""
    return next((name for name, reader in readers.items() if reader.claims(text)), None)


def dispatch(data: bytes, name: str, readers: Mapping[str, Reader] = READERS) -> Dispatch:
    """Which reader takes one document's bytes, and why; a document none can take raises
    :class:`DocumentError` saying what is wrong with it. ``readers`` narrows the layouts asked.
    """
    if ctgov_json.looks_like_json(data):
        return Dispatch(ctgov_json.LAYOUT, _JSON_REASON)
    _, data = split_source_line(data)  # the address a saved page was fetched from: provenance, not page text
    if not data.strip():
        raise DocumentError(name, "the file is empty")
    if b"\x00" in data[:8192]:
        raise DocumentError(name, "binary data, not a text document")
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(name, f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from None
    text = clean_document_text(decoded)
    layout = detect_layout(text, readers)
    if layout is None:
        raise DocumentError(name, "unknown layout: not a page of a layout we read, and no register number with "
                                  "labels of a trial page for the generic reader")
    reason = " ".join((readers[layout].claims.__doc__ or "").split("\n\n")[0].split())
    return Dispatch(layout, reason, text)


def read_text(data: bytes, name: str, readers: Mapping[str, Reader] = READERS) -> TrialRecord:
    """Read one page's bytes; ``name`` is how errors and provenance refer to it.

    ``readers`` narrows the layouts asked (the page tests ask the generic reader alone).
    """
    if ctgov_json.looks_like_json(data):
        raise DocumentError(name, "registry JSON, not a page (read it with read_bytes)")
    chosen = dispatch(data, name, readers)
    assert chosen.text is not None and chosen.reader is not None
    url, _ = split_source_line(data)
    source = SourceDocument(name=name, sha256=hashlib.sha256(data).hexdigest(), layout=chosen.layout, url=url)
    try:
        record = chosen.reader.read(chosen.text, source)
    except DocumentError:
        raise
    except Exception as error:
        raise ReaderBug(name, chosen.layout, error) from error
    if not record.identifiers:
        raise DocumentError(name, f"no trial identifier found (read as a {chosen.layout} page)")
    return record


def read_bytes(data: bytes, name: str, readers: Mapping[str, Reader] = READERS, *,
               limits: Limits = LIMITS) -> Iterator[TrialRecord | DocumentError | ReaderBug]:
    """The records of one document: a page gives one, a JSON document one per study.

    A document that cannot be read, or is over ``limits``, gives its error in place of a
    record, and so does one a reader fails on (a :class:`~kg.errors.ReaderBug`), so that the
    caller can name it and go on.
    """
    if len(data) > limits.document_bytes:
        yield DocumentError(name, f"larger than the limit of {limits.document_bytes:,} bytes per document (--max-document-size)")
        return
    if not ctgov_json.looks_like_json(data):
        try:
            yield read_text(data, name, readers)
        except (DocumentError, ReaderBug) as error:
            yield error
        return
    try:
        for study, source in ctgov_json.studies_in(data, name, max_depth=limits.json_depth):
            try:
                yield ctgov_json.read_study(study, source)
            except ctgov_json.RegistryShapeError as error:
                yield DocumentError(source.name, f"a study whose fields do not have the registry's shape: {error} "
                                                 "(is the file the registry's own JSON?)")
            except Exception as error:
                yield ReaderBug(source.name, ctgov_json.LAYOUT, error)
    except DocumentError as error:
        yield error


def read_path(path: Path, limits: Limits = LIMITS, *,
              entries: slice | None = None) -> Iterator[TrialRecord | DocumentError | ReaderBug]:
    """The records of the document at ``path``; a zip archive is read entry by entry
    (only its ``entries`` when given, so that worker processes can share one archive).
    """
    archive: zipfile.ZipFile | None = None
    try:
        if zipfile.is_zipfile(path):
            archive = zipfile.ZipFile(path)
        else:
            data = read_document(path, limits)
    except OSError as error:
        yield DocumentError(str(path), f"cannot be read ({error.strerror or error})")
        return
    except BROKEN_ARCHIVE as error:
        yield DocumentError(str(path), f"a broken zip archive ({error})")
        return
    if archive is None:
        yield from read_bytes(data, path.name, limits=limits)
        return
    with archive:
        yield from read_archive(archive, path.name, limits, entries=entries)


def read_archive(archive: zipfile.ZipFile, name: str, limits: Limits = LIMITS, *,
                 entries: slice | None = None) -> Iterator[TrialRecord | DocumentError | ReaderBug]:
    """The records of an open zip archive called ``name``, entry by entry (only ``entries``
    when given; an entry over the limits or unsafe is refused, see :func:`kg.read.sources.archive_entries`).
    Raises what opening the archive raises; :func:`read_path` names it. A zip that is a document
    of an office format (a Word file is a zip of XML) is refused, once, not read as an archive.
    """
    packaged = packaged_document(archive)
    if packaged:
        if not entries or not entries.start:
            yield DocumentError(name, f"{packaged}, not a trial document or an archive of them: save the page as text "
                                      "(.txt) or HTML and build from that")
        return
    for entry_name, data in archive_entries(archive, name, limits, entries):
        yield from [data] if isinstance(data, DocumentError) else read_bytes(data, entry_name, limits=limits)
