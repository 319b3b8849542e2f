"""Documents -> one graph file: read every document, resolve trial identity, write the triples.

The build streams: pass one reads each document into records and spools them to a
temporary file, noting each record's identifiers and the facts it states; pass two maps
the spooled records, in a fixed order, to triples streamed into the output. Memory holds
one record, the identity index and one small entry per record, never the corpus or the
graph.

Dataset formats (TriG, N-Quads) keep each source document's statements in a named graph
of its own (the document's IRI), describe the documents in the default graph, and put
the facts a trial takes from its sources (status, title, ...) in the trial's own graph
(the trial's IRI); Turtle and N-Triples merge everything into one graph.

An incremental build keeps its records beside the output (``OUTPUT.records.jsonl``):
the next incremental build skips a document whose checksum it already has, replaces the
records of a document whose name it has with another checksum, and keeps the rest.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg import iris
from kg.errors import DocumentError
from kg.files import atomic_output, document_paths
from kg.graphs import DATASET_FORMATS, EXPORT_FORMATS
from kg.identity import TrialIdentity
from kg.limits import LIMITS, Limits
from kg.mapping import TRIAL_FACTS, document_triples, record_triples, source_rank, states, trial_fact_triples
from kg.namespaces import PREFIXES
from kg.readers import read_path
from kg.records import TrialRecord
from kg.store import fill_store

__all__ = ["BuildReport", "build", "FORMATS", "state_path"]

#: The formats a build writes (those of kg.graphs but JSON-LD, which is no streaming format).
FORMATS = {name: rdf for name, rdf in EXPORT_FORMATS.items() if name != "jsonld"}


@dataclass
class BuildReport:
    """What a build read, wrote, kept from before and left out."""

    documents: int = 0
    trials: set[str] = field(default_factory=set)
    triples: int = 0
    layouts: dict[str, int] = field(default_factory=dict)
    failures: list[DocumentError] = field(default_factory=list)
    unchanged: int = 0
    replaced: int = 0
    kept: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures


def state_path(output: Path) -> Path:
    """Where an incremental build keeps the records behind ``output``."""
    return output.with_name(f"{output.name}.records.jsonl")


def build(inputs: Iterable[Path], output: Path | None = None, *, format: str = "turtle",
          on_document: Callable[[Path], None] | None = None, incremental: bool = False,
          store: Path | None = None, limits: Limits = LIMITS) -> BuildReport:
    """Build the graph of every document under ``inputs`` into the file ``output``, or into
    the on-disk Oxigraph store in the directory ``store`` (one named graph per document).

    A document that cannot be read, or is over ``limits``, is reported in the result and
    left out; the rest of the build goes on. The output (and an incremental build's records) is written
    whole or not at all.
    """
    if (output is None) == (store is None):
        raise ValueError("build into a file (output) or into a store, one of the two")
    report = BuildReport()
    target = output if output is not None else store / "records"
    state = state_path(target) if incremental else None
    known = _known_sources(state) if state and state.exists() else {}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        order: list[tuple[int, tuple[str, str]]] = []
        renewed: set[str] = set()
        for path in document_paths(inputs):
            if on_document:
                on_document(path)
            for record in read_path(path, limits):
                if isinstance(record, DocumentError):
                    report.failures.append(record)
                elif record.source.sha256 in known:
                    report.unchanged += 1
                else:
                    report.documents += 1
                    report.layouts[record.source.layout] = report.layouts.get(record.source.layout, 0) + 1
                    renewed.add(record.source.name)
                    _spool(spool, order, record.to_json(), record)
        if state and state.exists():
            _carry_over(state, renewed, spool, order, report)
        order.sort(key=lambda entry: entry[1])  # by document (name, checksum): the output never depends on input order
        identity = TrialIdentity()
        for record in _records(spool, order):
            identity.add(record.identifiers, record.sponsors, source_rank(record),
                         [fact for fact in TRIAL_FACTS if states(record, fact)])
        dataset = store is not None or format in DATASET_FORMATS
        statements = _statements(_records(spool, order), identity, report, dataset=dataset)
        if store is not None:
            fill_store(store, statements)  # type: ignore[arg-type]  # dataset statements are quads
        else:
            with atomic_output(output) as stream:
                ox.serialize(statements, stream, FORMATS[format], prefixes=PREFIXES)
        if state:
            with atomic_output(state) as stream:
                for offset, _ in order:
                    spool.seek(offset)
                    stream.write(spool.readline().encode("utf-8"))
    return report


def _known_sources(state: Path) -> dict[str, str]:
    """Checksum -> document name of the records a previous incremental build kept."""
    with open(state, encoding="utf-8") as lines:
        return {(r := TrialRecord.from_json(line)).source.sha256: r.source.name for line in lines if line.strip()}


def _spool(spool: IO[str], order: list[tuple[int, tuple[str, str]]], line: str, record: TrialRecord) -> None:
    """Append a record's line to the spool and note where it starts and which document it is."""
    spool.seek(0, 2)
    order.append((spool.tell(), (record.source.name, record.source.sha256)))
    spool.write(line.rstrip("\n") + "\n")


def _carry_over(state: Path, renewed: set[str], spool: IO[str], order: list[tuple[int, tuple[str, str]]],
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
                _spool(spool, order, line, record)


def _records(spool: IO[str], order: list[tuple[int, tuple[str, str]]]) -> Iterator[TrialRecord]:
    for offset, _ in order:
        spool.seek(offset)
        yield TrialRecord.from_json(spool.readline())


def _statements(records: Iterable[TrialRecord], identity: TrialIdentity, report: BuildReport,
                dataset: bool) -> Iterator[ox.Triple | ox.Quad]:
    for record in records:
        rank = source_rank(record)
        handle = identity.handle(record.identifiers, record.sponsors, rank)
        key = identity.key(handle)
        report.trials.add(key)
        described = list(document_triples(record))
        stated = list(record_triples(record, key))
        taken = list(trial_fact_triples(record, key, [f for f in TRIAL_FACTS if identity.speaks_for(handle, f, rank)]))
        report.triples += len(described) + len(stated) + len(taken)
        if not dataset:
            yield from [*described, *stated, *taken]
            continue
        document = ox.NamedNode(iris.document(record.source.sha256))
        yield from (ox.Quad(*triple, ox.DefaultGraph()) for triple in described)
        yield from (ox.Quad(*triple, document) for triple in stated)
        yield from (ox.Quad(*triple, ox.NamedNode(iris.trial(key))) for triple in taken)
