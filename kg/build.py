"""Documents -> one graph file: read every document, resolve trial identity, write the triples.

The build streams: pass one reads each document into a record, spools it to a
temporary file and notes its identifiers; pass two maps the spooled records to
triples and streams them into the output. Memory holds one record and the identifier
index, never the corpus or the graph.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import DocumentError
from kg.files import atomic_output, document_paths
from kg.identity import TrialIdentity
from kg.mapping import record_triples
from kg.namespaces import PREFIXES
from kg.readers import read_path
from kg.records import TrialRecord

__all__ = ["BuildReport", "build", "FORMATS"]

#: Output formats by name; Turtle merges everything into one readable file.
FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}


@dataclass
class BuildReport:
    """What a build read, wrote and left out."""

    documents: int = 0
    trials: set[str] = field(default_factory=set)
    triples: int = 0
    layouts: dict[str, int] = field(default_factory=dict)
    failures: list[DocumentError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def build(inputs: Iterable[Path], output: Path, *, format: str = "turtle",
          on_document: Callable[[Path], None] | None = None) -> BuildReport:
    """Build the graph of every document under ``inputs`` into ``output``.

    A document that cannot be read is reported in the result and left out; the rest
    of the build goes on. The output is written whole or not at all.
    """
    report = BuildReport()
    identity = TrialIdentity()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for path in document_paths(inputs):
            if on_document:
                on_document(path)
            for record in read_path(path):
                if isinstance(record, DocumentError):
                    report.failures.append(record)
                    continue
                report.documents += 1
                report.layouts[record.source.layout] = report.layouts.get(record.source.layout, 0) + 1
                handle = identity.add(record.identifiers)
                spool.write(f"{handle}\t{record.to_json()}\n")
        spool.seek(0)
        with atomic_output(output) as stream:
            ox.serialize(_triples(spool, identity, report), stream, FORMATS[format], prefixes=PREFIXES)
    return report


def _triples(spool: Iterable[str], identity: TrialIdentity, report: BuildReport) -> Iterator[ox.Triple]:
    for line in spool:
        handle, _, data = line.rstrip("\n").partition("\t")
        key = identity.key(handle)
        report.trials.add(key)
        for triple in record_triples(TrialRecord.from_json(data), key):
            report.triples += 1
            yield triple
