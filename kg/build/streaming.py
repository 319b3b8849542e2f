"""Documents -> one graph file: read every document, resolve trial identity, write the triples.

The build streams: pass one reads each document into records and spools them to a
temporary file, noting each record's identifiers and the facts it states; pass two maps
the spooled records, in a fixed order, to triples streamed into the output. Memory holds
a few records, the identity index and one small entry per record, never the corpus or
the graph. Both passes run in worker processes (:mod:`kg.build.pipeline`) when asked to, and
give the same bytes whatever the number of workers.

Dataset formats (TriG, N-Quads) keep each source document's statements in a named graph
of its own (the document's IRI), put the facts a trial takes from its sources (status,
title, ...) in the trial's own graph (the trial's IRI), and the descriptions of the documents
and of what many trials name in one shared graph (:data:`kg.rdf.mapping.SHARED_GRAPH`):
every statement is in a named graph. Turtle and N-Triples merge everything into one graph,
each statement once. A store keeps the graphs of the trials several documents describe and
puts everything else in its default graph (:mod:`kg.graphs.store`).

An incremental build keeps its records beside the output (``OUTPUT.records.jsonl``):
the next incremental build skips a document whose checksum it already has, replaces the
records of a document whose name it has with another checksum, and keeps the rest.
"""

from __future__ import annotations

import io
import pickle
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, NamedTuple

import pyoxigraph as ox

from kg.atomic import atomic_output
from kg.build.identity import TrialIdentity
from kg.build.pipeline import Mapped, Read, as_read, close_archives, map_chunk, once, read_unit, units
from kg.errors import DocumentError, ReaderBug
from kg.graphs.files import DATASET_FORMATS, EXPORT_FORMATS
from kg.graphs.store import fill_store
from kg.model.facts import TRIAL_FACTS, SourceRank
from kg.model.namespaces import PREFIXES
from kg.model.records import TrialRecord
from kg.progress import Progress
from kg.rdf.turtle import Joined
from kg.rdf.turtle import piece as turtle_piece
from kg.read.limits import LIMITS, Limits
from kg.read.sources import document_paths
from kg.workers import in_order, workers_pool

__all__ = ["BuildReport", "build", "FORMATS", "state_path", "Progress"]

#: The formats a build writes (those of kg.graphs.files but JSON-LD, which is no streaming format).
FORMATS = {name: rdf for name, rdf in EXPORT_FORMATS.items() if name != "jsonld"}
#: Records per piece of pass two.
_CHUNK = 128


@dataclass
class BuildReport:
    """What a build read, wrote, kept from before and left out."""

    documents: int = 0
    trials: set[str] = field(default_factory=set)
    triples: int = 0
    layouts: dict[str, int] = field(default_factory=dict)
    failures: list[DocumentError | ReaderBug] = field(default_factory=list)
    unchanged: int = 0
    replaced: int = 0
    kept: int = 0
    #: Whether the output was written: a build with no record to write leaves the last one as it was.
    written: bool = False
    #: What ``check`` gave for each chunk, in order (kg.validation.chunks validates with it).
    checked: list[object] = field(default_factory=list)
    #: The shared things (their subjects as written, but trial nodes) that chunks describe differently
    #: (kg.build.pipeline.once; kg.validation.chunks validates with it).
    differed: set[bytes] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.failures


class _Spooled(NamedTuple):
    """Where a record's pickle sits in the spool, and what pass two needs to know of it: one
    small tuple per record, sorted by the document's (name, checksum), whose handle and rank
    are the very objects the identity index keeps (at 560,000 records every copy counts).
    """

    name: str
    sha256: str
    offset: int
    length: int
    handle: str
    rank: SourceRank


def state_path(output: Path) -> Path:
    """Where an incremental build keeps the records behind ``output``."""
    return output.with_name(f"{output.name}.records.jsonl")


def build(inputs: Iterable[Path], output: Path | None = None, *, format: str = "turtle",
          progress: Progress | None = None, incremental: bool = False, store: Path | None = None,
          workers: int = 1, limits: Limits = LIMITS,
          check: Callable[[bytes, bytes, frozenset[str]], object] | None = None,
          checked: Callable[[object], object] | None = None) -> BuildReport:
    """Build the graph of every document under ``inputs`` into the file ``output``, or into
    the on-disk Oxigraph store in the directory ``store`` (see :mod:`kg.graphs.store`),
    with ``workers`` processes reading and mapping the documents.

    A document that cannot be read, or is over ``limits``, is reported in the result and
    left out; the rest of the build goes on. The output (and an incremental build's records) is written
    whole or not at all, and not at all when no document gives a record (``report.written``).

    ``check``, if given, is called in the worker that maps each chunk, with the chunk's statements,
    its statements about shared things and the keys of the trials all of whose records it holds;
    what it returns is kept in ``report.checked``, or what ``checked`` (called in this process, in
    order) makes of it.
    """
    if (output is None) == (store is None):
        raise ValueError("build into a file (output) or into a store, one of the two")
    report = BuildReport()
    target = output if output is not None else store / "records"
    state = state_path(target) if incremental else None
    known = _known_sources(state) if state and state.exists() else {}
    tell = progress or (lambda stage, done, total: None)
    pool = workers_pool(workers)
    try:
        with tempfile.TemporaryFile("w+b") as spool:
            order: list[_Spooled] = []
            identity = TrialIdentity()
            renewed: set[str] = set()
            pieces = units(document_paths(inputs))
            total, done = sum(piece.size for piece in pieces), 0
            tell("reading", 0, total)
            for piece, found in zip(pieces, in_order(pool, partial(read_unit, limits=limits), pieces)):
                for read in found:
                    if isinstance(read, (DocumentError, ReaderBug)):
                        report.failures.append(read)
                    elif read.order[1] in known:
                        report.unchanged += 1
                    else:
                        report.documents += 1
                        report.layouts[read.layout] = report.layouts.get(read.layout, 0) + 1
                        renewed.add(read.order[0])
                        _spool(spool, order, identity, read)
                done += piece.size
                tell("reading", done, total)
            if state and state.exists():
                _carry_over(state, renewed, spool, order, identity, report)
            if not order:  # nothing read and nothing kept: an empty graph would only destroy the last good one
                return report
            order.sort()  # by document (name, checksum): the output never depends on input order
            chunks = _chunks(spool, order, identity, report, tell)
            # Turtle is written by the workers, each chunk by itself, and its pieces joined here (kg.rdf.turtle)
            turtle = store is None and format == "turtle"
            work = partial(_mapped, dataset=store is not None or format in DATASET_FORMATS, store=store is not None,
                           check=check, turtle=turtle)
            texts = _kept(in_order(pool, work, chunks), report, checked)
            # The spool is read for the last time here, unless an incremental build keeps its records: emptied
            # before the store's compaction, which needs the room (8.5 GB of spool at the registry's size)
            freed = None if state else partial(spool.truncate, 0)
            _write(_counted(once(texts, report.differed, turtle_piece if turtle else None), report), output, store,
                   format, freed)
            report.written = True
            if state:
                with atomic_output(state) as stream:
                    for spooled in order:
                        stream.write((_record(spool, spooled).to_json() + "\n").encode("utf-8"))
    finally:
        close_archives()
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return report


def _write(texts: Iterator[bytes], output: Path | None, store: Path | None, format: str,
           loaded: Callable[[], object] | None = None) -> None:
    """N-Triples / N-Quads text from pass two into the store (calling ``loaded`` once it is all in),
    or the file in ``format``.
    """
    if store is not None:
        fill_store(store, nquads=texts, loaded=loaded)
        return
    with atomic_output(output) as stream:  # type: ignore[arg-type]
        if format in ("ntriples", "nquads"):
            for text in texts:
                stream.write(text)
        elif format == "turtle":  # pieces of Turtle already
            joined = Joined(stream.write)
            for text in texts:
                joined.add(text)
            joined.close()
        else:
            statements = ox.parse(_Reader(texts), ox.RdfFormat.N_QUADS if format in DATASET_FORMATS else ox.RdfFormat.N_TRIPLES)
            ox.serialize(statements, stream, FORMATS[format], prefixes=PREFIXES)


class _Reader(io.RawIOBase):
    """The pieces of text of an iterator as one binary stream, for Oxigraph's parsers."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self._pieces, self._piece, self._at = pieces, memoryview(b""), 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while self._at >= len(self._piece):
            piece = next(self._pieces, None)
            if piece is None:
                return 0
            self._piece, self._at = memoryview(piece), 0
        size = min(len(buffer), len(self._piece) - self._at)
        buffer[:size] = self._piece[self._at:self._at + size]
        self._at += size
        return size


def _known_sources(state: Path) -> dict[str, str]:
    """Checksum -> document name of the records a previous incremental build kept."""
    with open(state, encoding="utf-8") as lines:
        return {(r := TrialRecord.from_json(line)).source.sha256: r.source.name for line in lines if line.strip()}


def _spool(spool: IO[bytes], order: list[_Spooled], identity: TrialIdentity, read: Read) -> None:
    """Append a record to the spool, note where it is, and tell identity what it says."""
    spool.seek(0, 2)
    handle = identity.add(read.identifiers, read.sponsors, read.rank, read.facts, read.registry)
    order.append(_Spooled(*read.order, spool.tell(), len(read.blob), handle, read.rank))
    spool.write(read.blob)


def _record(spool: IO[bytes], spooled: _Spooled) -> TrialRecord:
    spool.seek(spooled.offset)
    return pickle.loads(spool.read(spooled.length))


def _carry_over(state: Path, renewed: set[str], spool: IO[bytes], order: list[_Spooled], identity: TrialIdentity,
                report: BuildReport) -> None:
    """Keep the previous records, except those of documents read again with new content."""
    with open(state, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = TrialRecord.from_json(line)
            if record.source.name in renewed:
                report.replaced += 1
            else:
                report.kept += 1
                _spool(spool, order, identity, as_read(record))


_Chunk = list[tuple[bytes, str, tuple[str, ...], bool]]


def _mapped(piece: tuple[_Chunk, frozenset[str]], dataset: bool, store: bool,
            check: Callable[[bytes, bytes, frozenset[str]], object] | None, turtle: bool = False) -> tuple[Mapped, object]:
    """Pass two for a chunk (in a worker), and what ``check`` says of its statements; with their Turtle
    (:func:`kg.rdf.turtle.piece`) if ``turtle``.
    """
    chunk, whole = piece
    mapped = map_chunk(chunk, dataset, store)
    checked = check(mapped.text, mapped.shared, whole) if check is not None else None
    if turtle:
        mapped = mapped._replace(text=turtle_piece(mapped.text), written=turtle_piece(mapped.shared))
    return mapped, checked


def _kept(results: Iterator[tuple[Mapped, object]], report: BuildReport,
          keep: Callable[[object], object] | None) -> Iterator[Mapped]:
    for mapped, checked in results:
        if checked is not None:
            report.checked.append(keep(checked) if keep is not None else checked)
        yield mapped


def _chunks(spool: IO[bytes], order: list[_Spooled], identity: TrialIdentity, report: BuildReport,
            tell: Progress) -> Iterator[tuple[_Chunk, frozenset[str]]]:
    """Pass two's pieces: each record with its trial's key, the facts the trial takes from it, and
    whether other records are about the same trial; with the keys of the trials whose records are all
    in the piece.
    """
    records = Counter(identity.key(spooled.handle) for spooled in order)
    chunk: _Chunk = []
    for done, spooled in enumerate(order, 1):
        key = identity.key(spooled.handle)
        report.trials.add(key)
        spool.seek(spooled.offset)
        facts = tuple(fact for fact in TRIAL_FACTS if identity.speaks_for(spooled.handle, fact, spooled.rank))
        chunk.append((spool.read(spooled.length), key, facts, records[key] > 1))
        if len(chunk) == _CHUNK or done == len(order):
            here = Counter(key for _, key, _, _ in chunk)
            yield chunk, frozenset(key for key, count in here.items() if count == records[key])
            chunk = []
            tell("writing", done, len(order))


def _counted(texts: Iterator[tuple[bytes, int]], report: BuildReport) -> Iterator[bytes]:
    for text, count in texts:
        report.triples += count
        yield text
