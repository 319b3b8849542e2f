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
from collections.abc import Iterable, Iterator
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

__all__ = ["Read", "Unit", "units", "read_unit", "close_archives", "as_read", "Mapped", "map_chunk", "once", "blocks"]

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


class Mapped(NamedTuple):
    """Pass two's text for a chunk: the records' statements, the chunk's statements about shared
    things (each once, see :func:`kg.rdf.mapping.shared_triples`), and how many of the first there are.
    """

    text: bytes
    shared: bytes
    count: int


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
    return Mapped(ntriples.text(statements), ntriples.text(lines), len(statements))


def blocks(shared: bytes) -> dict[bytes, list[bytes]]:
    """A chunk's statements about shared things (:attr:`Mapped.shared`), by subject (as written), each a line."""
    found: dict[bytes, list[bytes]] = {}
    for line in shared.splitlines(keepends=True):
        found.setdefault(line[:line.index(b" ")], []).append(line)
    return found


_TRIAL_NODE = ntriples.iri(iris.trial("")).encode()[:-1]  # b"<.../id/trial/"


def once(mapped: Iterable[Mapped], differed: set[bytes] | None = None) -> Iterator[tuple[bytes, int]]:
    """The text of each chunk, then the statements about shared things no earlier chunk made, as two
    pieces (the chunk's text is not copied to put them behind it), each with how many statements it holds.

    Memory holds one entry per shared thing (site, organisation, condition, ...), not per
    statement: at the registry's variety the statements about shared things are tens of millions,
    the things a sixth of that. A thing is remembered by its subject, with the digest of the
    statements written about it and where they sit in a spill file on disk. A chunk's statements
    about a thing are left out at once when they are those; otherwise (:func:`~kg.rdf.mapping.shared_triples`
    of two records can differ for one thing: a site with coordinates in one record and none in the
    other, a trial's own type and id against another record's mention of it as a related trial)
    the statements written are read back from the spill and only the others are written. Which
    statements are written, and in which order, is what a set of every statement gives.
    """
    things: dict[int, bytes] = {}
    with tempfile.TemporaryFile() as spill:
        end, read_back = 0, False  # where the spill ends, and whether it was read since the last write
        for text, shared, count in mapped:
            lines = shared.splitlines(keepends=True)
            fresh: set[bytes] = set()
            for subject, block in blocks(shared).items():
                statements = b"".join(sorted(block))
                digest = hashlib.blake2b(statements, digest_size=16).digest()
                # hash() is no digest: two subjects may share it, and then the second one's statements are
                # compared with the first one's, which are not them, and written (so the entry is a hint, never
                # a reason to leave a statement out; only the 128-bit digest is).
                entry = hash(subject)
                known = things.get(entry)
                if known is not None:
                    if known[:16] == digest:
                        continue
                    if differed is not None and not subject.startswith(_TRIAL_NODE):
                        differed.add(subject)
                    spill.seek(int.from_bytes(known[16:24], "little"))
                    read_back = True
                    written = set(spill.read(int.from_bytes(known[24:], "little")).splitlines(keepends=True))
                    new = [line for line in block if line not in written]
                    if not new:
                        continue
                    statements = b"".join(sorted(written.union(block)))
                    digest = hashlib.blake2b(statements, digest_size=16).digest()
                else:
                    new = block
                fresh.update(new)
                if read_back:
                    spill.seek(end)
                    read_back = False
                things[entry] = digest + end.to_bytes(8, "little") + len(statements).to_bytes(4, "little")
                spill.write(statements)
                end += len(statements)
            new_lines = lines if len(fresh) == len(lines) else [line for line in lines if line in fresh]
            yield text, count
            yield b"".join(new_lines), len(new_lines)
