"""The build's work, cut into pieces that worker processes can do in any order.

Pass one reads a *unit* (a file, or a slice of a zip archive's entries) into records;
pass two maps a *chunk* of spooled records to N-Triples or N-Quads text. Both give back
plain bytes and tuples, cheap to send between processes, and :func:`in_order` hands the
results back in the order the work was given, so the output never depends on how many
workers there are. At most a few pieces are in flight at once: memory stays bounded
whatever the corpus size.
"""

from __future__ import annotations

import hashlib
import pickle
import tempfile
import zipfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, compress
from pathlib import Path
from typing import NamedTuple, TypeVar

from kg.enrich import enrich
from kg.errors import DocumentError, ReaderBug
from kg.model.facts import TRIAL_FACTS, SourceRank, source_rank, states
from kg.model.identifiers import source_registry
from kg.model.records import Identifier, Organization, TrialRecord
from kg.rdf import iris, ntriples
from kg.rdf.mapping import SHARED_GRAPH, document_triples, record_triples, shared_triples, trial_fact_triples
from kg.read import read_archive, read_path
from kg.read.limits import LIMITS, Limits
from kg.read.sources import BROKEN_ARCHIVE

__all__ = ["Read", "Unit", "units", "read_unit", "close_archives", "as_read", "Mapped", "Grouped", "grouped", "map_chunk",
           "once", "blocks"]

_SHARED = ntriples.iri(SHARED_GRAPH)
#: Zip entries (studies of the registry's bulk download) per unit of pass one.
ZIP_SLICE = 64

_In = TypeVar("_In")
_Out = TypeVar("_Out")


class Unit(NamedTuple):
    """A piece of pass one: a file, or the entries ``start:stop`` of a zip archive."""

    path: Path
    start: int | None = None
    stop: int | None = None

    @property
    def size(self) -> int:
        """Documents in the unit, for progress (a JSON Lines file counts as one)."""
        return 1 if self.start is None or self.stop is None else self.stop - self.start


class Read(NamedTuple):
    """A record as pass one gives it back: pickled, with what identity needs to know of it."""

    blob: bytes
    order: tuple[str, str]
    layout: str
    identifiers: tuple[Identifier, ...]
    sponsors: tuple[Organization, ...]
    rank: SourceRank
    facts: tuple[str, ...]
    #: The registry the document comes from (:func:`kg.model.identifiers.source_registry`).
    registry: str | None


def units(paths: Iterable[Path]) -> list[Unit]:
    """The pieces of pass one: every file, and every zip archive cut into slices of entries."""
    pieces: list[Unit] = []
    for path in paths:
        try:
            count = len(zipfile.ZipFile(path).infolist()) if zipfile.is_zipfile(path) else None
        except (OSError, *BROKEN_ARCHIVE):
            count = None  # read_path names the problem when the unit is read
        if count is None:
            pieces.append(Unit(path))
        else:
            pieces += [Unit(path, start, min(start + ZIP_SLICE, count)) for start in range(0, count, ZIP_SLICE)] or [Unit(path)]
    return pieces


#: Archives this process has open: reading a slice of a big archive must not read its
#: table of contents again (560,000 entries take a second).
_ARCHIVES: dict[Path, zipfile.ZipFile] = {}


def read_unit(unit: Unit, limits: Limits = LIMITS) -> list[Read | DocumentError | ReaderBug]:
    """Pass one for one unit: its records, or the reason a document was left out."""
    if unit.start is None:
        found = list(read_path(unit.path, limits))
    else:
        entries = slice(unit.start, unit.stop)
        try:
            if unit.path not in _ARCHIVES:
                _ARCHIVES[unit.path] = zipfile.ZipFile(unit.path)
        except (OSError, *BROKEN_ARCHIVE):
            found = list(read_path(unit.path, limits, entries=entries))  # which says what is wrong, as for any document
        else:
            found = list(read_archive(_ARCHIVES[unit.path], unit.path.name, limits, entries=entries))
    return [item if isinstance(item, (DocumentError, ReaderBug)) else as_read(enrich(item)) for item in found]


def close_archives() -> None:
    """Close the archives :func:`read_unit` opened in this process."""
    while _ARCHIVES:
        _ARCHIVES.popitem()[1].close()


def as_read(record: TrialRecord) -> Read:
    """A record as pass one gives it back (also a record an incremental build kept)."""
    rank = source_rank(record)
    identifiers, sponsors = tuple(record.identifiers), tuple(record.sponsors)
    return Read(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL), (record.source.name, record.source.sha256),
                record.source.layout, identifiers, sponsors, rank, tuple(fact for fact in TRIAL_FACTS if states(record, fact)),
                source_registry(record))


class Grouped(NamedTuple):
    """A chunk's statements about shared things by subject, as :func:`once` compares them with what
    earlier chunks said, worked out in the worker that maps the chunk (where it runs in parallel) and
    in a form cheap to send: a few bytes objects and arrays, no object per statement.
    """

    #: The subjects, in the order of their first statement, joined by newlines.
    subjects: bytes
    #: Each subject's 128-bit blake2b digest of ``statements``' part for it, one after the other.
    digests: bytes
    #: Each subject's statements sorted and joined, one subject after the other.
    statements: bytes
    #: Where each subject's part of ``statements`` ends.
    ends: array[int]
    #: For each line of the chunk's statements about shared things, in order, its subject's index.
    owners: array[int]


def grouped(shared: bytes) -> Grouped:
    """A chunk's statements about shared things (:attr:`Mapped.shared`) grouped by subject (:class:`Grouped`)."""
    index: dict[bytes, int] = {}
    parts: list[list[bytes]] = []
    owners = array("I")
    for line in shared.splitlines(keepends=True):
        subject = line[:line.index(b" ")]
        at = index.get(subject)
        if at is None:
            at = index[subject] = len(parts)
            parts.append([line])
        else:
            parts[at].append(line)
        owners.append(at)
    joined = [b"".join(sorted(part)) for part in parts]
    return Grouped(b"\n".join(index), b"".join(hashlib.blake2b(part, digest_size=16).digest() for part in joined),
                   b"".join(joined), array("Q", accumulate(map(len, joined))), owners)


class Mapped(NamedTuple):
    """Pass two's text for a chunk: the records' statements, the chunk's statements about shared
    things (each once, see :func:`kg.rdf.mapping.shared_triples`), and how many of the first there are;
    with the second grouped by subject for :func:`once` (which groups them itself if not), and as the
    output writes them if that is not N-Triples or N-Quads (``written``: then ``text`` is in that form too).
    """

    text: bytes
    shared: bytes
    count: int
    grouped: Grouped | None = None
    written: bytes | None = None


def map_chunk(chunk: list[tuple[bytes, str, tuple[str, ...], bool]], dataset: bool, store: bool = False) -> Mapped:
    """Pass two for a chunk of (pickled record, trial key, facts it speaks for, whether other
    records are about the same trial): the statements as N-Quads (``dataset``) or N-Triples.

    Each record's statements come in a stable order, so the text is the same every time. In a
    dataset each document's statements are in its own graph, the trial's facts in the trial's,
    and the descriptions of documents and shared things in :data:`~kg.rdf.mapping.SHARED_GRAPH`:
    nothing is in the default graph. In a ``store`` (a dataset too) only the trials several
    documents describe keep their documents' and their own graphs, which say which document
    said what; everything else is in the default graph, each statement once (see :mod:`kg.graphs.store`).
    """
    statements: list[str] = []
    shared: dict[str, None] = {}
    for blob, key, facts, several in chunk:
        record: TrialRecord = pickle.loads(blob)
        described = document_triples(record)
        stated = record_triples(record, key)
        taken = trial_fact_triples(record, key, facts)
        shared.update(dict.fromkeys(shared_triples(record, key)))
        if not dataset or (store and not several):
            # Merged, two documents of one trial make some statements alike (its identifiers, an arm
            # both list): written once, as the shared ones are. In a store a trial of one document needs
            # no graph (its prov:wasDerivedFrom names the document), and Oxigraph keeps a named graph's
            # statement in six indexes, a default graph's in three.
            if several:
                shared.update(dict.fromkeys(stated))
                stated = []
            statements += [*described, *stated, *taken]
            continue
        document, trial = ntriples.iri(iris.document(record.source.sha256)), ntriples.iri(iris.trial(key))
        statements += described if store else [f"{triple} {_SHARED}" for triple in described]
        statements += [f"{triple} {document}" for triple in stated]
        statements += [f"{triple} {trial}" for triple in taken]
    lines = list(shared) if not dataset or store else [f"{triple} {_SHARED}" for triple in shared]
    shared_text = ntriples.text(lines)
    return Mapped(ntriples.text(statements), shared_text, len(statements), grouped(shared_text))


def blocks(shared: bytes) -> dict[bytes, list[bytes]]:
    """A chunk's statements about shared things (:attr:`Mapped.shared`), by subject (as written), each a line."""
    found: dict[bytes, list[bytes]] = {}
    for line in shared.splitlines(keepends=True):
        found.setdefault(line[:line.index(b" ")], []).append(line)
    return found


_TRIAL_NODE = ntriples.iri(iris.trial("")).encode()[:-1]  # b"<.../id/trial/"
#: Bytes of things' statements :func:`once` gathers before it writes them to its spill in one call.
_SPILL_BATCH = 1 << 20


def once(mapped: Iterable[Mapped], differed: set[bytes] | None = None,
         form: Callable[[bytes], bytes] | None = None) -> Iterator[tuple[bytes, int]]:
    """The text of each chunk, then the statements about shared things no earlier chunk made, as two
    pieces (the chunk's text is not copied to put them behind it), each with how many statements it holds;
    the second as the chunk's :attr:`Mapped.written` gives it when all are new, else as ``form`` writes
    the N-Triples or N-Quads of those that are (if given).

    Memory holds one entry per shared thing (site, organisation, condition, ...), not per
    statement: at the registry's variety the statements about shared things are tens of millions,
    the things a sixth of that. A thing is remembered by its subject, with the digest of the
    statements written about it and where they sit in a spill file on disk. A chunk's statements
    about a thing are left out at once when they are those; otherwise (:func:`~kg.rdf.mapping.shared_triples`
    of two records can differ for one thing: a site with coordinates in one record and none in the
    other, a trial's own type and id against another record's mention of it as a related trial)
    the statements written are read back from the spill and only the others are written. Which
    statements are written, and in which order, is what a set of every statement gives. The grouping
    by subject, sorting and digests are a chunk's :class:`Grouped`, worked out by the worker that mapped it.
    """
    things: dict[int, bytes] = {}
    with tempfile.TemporaryFile() as spill:
        # where the spill ends (with what waits to be written), whether it was read since the last write, and
        # what waits: written in one call (a thing's statements are a few hundred bytes) before a read or
        # when a megabyte waits
        end, read_back, waited = 0, False, 0
        waiting: list[bytes | memoryview] = []
        for text, shared, count, group, shared_written in mapped:
            if group is None:
                group = grouped(shared)
            ends, digests = group.ends, group.digests
            subjects = group.subjects.split(b"\n") if ends else []
            statements_of = memoryview(group.statements)
            # of each subject: 1 if all its statements are new, 2 if some (those in partial), 0 if none
            keep = bytearray(len(subjects))
            partial: set[bytes] = set()
            start = 0
            for at, subject in enumerate(subjects):
                stop = ends[at]
                digest = digests[16 * at:16 * at + 16]
                # hash() is no digest: two subjects may share it, and then the second one's statements are
                # compared with the first one's, which are not them, and written (so the entry is a hint, never
                # a reason to leave a statement out; only the 128-bit digest is).
                entry = hash(subject)
                known = things.get(entry)
                if known is None:
                    statements: bytes | memoryview = statements_of[start:stop]
                    keep[at] = 1
                elif known[:16] == digest:
                    start = stop
                    continue
                else:
                    if differed is not None and not subject.startswith(_TRIAL_NODE):
                        differed.add(subject)
                    if waiting:
                        if read_back:
                            spill.seek(end - waited)
                        spill.write(b"".join(waiting))
                        waiting, waited = [], 0
                    spill.seek(int.from_bytes(known[16:24], "little"))
                    read_back = True
                    written = set(spill.read(int.from_bytes(known[24:], "little")).splitlines(keepends=True))
                    block = group.statements[start:stop].splitlines(keepends=True)
                    start = stop
                    new = [line for line in block if line not in written]
                    if not new:
                        continue
                    partial.update(new)
                    keep[at] = 2
                    statements = b"".join(sorted(written.union(block)))
                    digest = hashlib.blake2b(statements, digest_size=16).digest()
                start = stop
                things[entry] = digest + end.to_bytes(8, "little") + len(statements).to_bytes(4, "little")
                waiting.append(statements)
                end += len(statements)
                waited += len(statements)
            if waited >= _SPILL_BATCH:
                if read_back:
                    spill.seek(end - waited)
                    read_back = False
                spill.write(b"".join(waiting))
                waiting, waited = [], 0
            yield text, count
            if keep.count(1) == len(subjects):
                yield shared if shared_written is None else shared_written, len(group.owners)
                continue
            lines = shared.splitlines(keepends=True)
            if partial:
                new_lines = [line for line, owner in zip(lines, group.owners)
                             if keep[owner] == 1 or (keep[owner] == 2 and line in partial)]
            else:
                new_lines = list(compress(lines, map(keep.__getitem__, group.owners)))
            yield b"".join(new_lines) if form is None else form(b"".join(new_lines)), len(new_lines)
