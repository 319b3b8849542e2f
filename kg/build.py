"""Documents -> one graph file: read every document, resolve trial identity, write the triples.

The build streams: pass one reads each document into records, spools them to a
temporary file and notes their identifiers and which facts they state; pass two maps the
spooled records to triples and streams them into the output. Memory holds one record and
the identity index, never the corpus or the graph.

Dataset formats (TriG, N-Quads) keep each source document's statements in a named graph
of its own (the document's IRI), with the documents described in the default graph;
Turtle and N-Triples merge everything into one graph.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import iris
from kg.errors import DocumentError
from kg.files import atomic_output, document_paths
from kg.identity import TrialIdentity
from kg.mapping import TRIAL_FACTS, document_triples, record_triples, source_rank, states
from kg.namespaces import PREFIXES
from kg.readers import read_path
from kg.records import TrialRecord

__all__ = ["BuildReport", "build", "FORMATS", "DATASET_FORMATS"]

#: Output formats by name.
FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
           "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
#: The formats that keep one named graph per source document.
DATASET_FORMATS = {"trig", "nquads"}


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
                facts = [fact for fact in TRIAL_FACTS if states(record, fact)]
                handle = identity.add(record.identifiers, record.sponsors, source_rank(record), facts)
                spool.write(f"{handle}\t{record.to_json()}\n")
        spool.seek(0)
        statements = _statements(spool, identity, report, dataset=format in DATASET_FORMATS)
        with atomic_output(output) as stream:
            ox.serialize(statements, stream, FORMATS[format], prefixes=PREFIXES)
    return report


def _statements(spool: Iterable[str], identity: TrialIdentity, report: BuildReport,
                dataset: bool) -> Iterator[ox.Triple | ox.Quad]:
    for line in spool:
        handle, _, data = line.rstrip("\n").partition("\t")
        record = TrialRecord.from_json(data)
        key = identity.key(handle)
        report.trials.add(key)
        rank = source_rank(record)
        triples = [*document_triples(record),
                   *record_triples(record, key, lambda fact, h=handle, r=rank: identity.speaks_for(h, fact, r))]
        report.triples += len(triples)
        if not dataset:
            yield from triples
            continue
        described = set(document_triples(record))
        graph = ox.NamedNode(iris.document(record.source.sha256))
        for triple in triples:
            yield ox.Quad(*triple, ox.DefaultGraph() if triple in described else graph)
