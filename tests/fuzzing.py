"""What a build does with one document, with the checks a fuzzed document must pass.

A document gives records or the project's own :class:`DocumentError` naming it, in
bounded time; every record survives what the build does with it (spooled as JSON and
read back equal, keyed, mapped to triples, written as N-Triples and parsed back), and
every typed literal has a lexical form of its datatype.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pyoxigraph as ox

from kg.build.identity import TrialIdentity
from kg.enrich import enriched
from kg.errors import DocumentError
from kg.model.facts import TRIAL_FACTS, source_rank, states
from kg.model.identifiers import source_registry
from kg.model.namespaces import XSD
from kg.model.records import TrialRecord
from kg.rdf.mapping import document_triples, record_triples, shared_triples, trial_fact_triples
from kg.rdf.ntriples import text
from kg.read import read_bytes, read_path

__all__ = ["read_as_a_build_does", "read_path_as_a_build_does", "survives_the_build", "cpu_budget"]

#: Lexical forms of the datatypes the mapping writes (XML Schema 1.1, without the rarities).
_LEXICAL = {f"{XSD}{name}": re.compile(pattern) for name, pattern in {
    "integer": r"[+-]?\d+",
    "decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)",
    "double": r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|-INF|NaN",
    "boolean": r"true|false|1|0",
    "date": r"-?\d{4,}-\d{2}-\d{2}",
    "gYearMonth": r"-?\d{4,}-\d{2}",
}.items()}


def cpu_budget(size: int) -> float:
    """CPU seconds a reader may take over a document of ``size`` bytes: two seconds and forty per MB.

    Real documents take about one second per MB; the slowest linear case seen, a text naming IL-2
    20,000 times, thirty. What backtracks or grows with the square of the length takes minutes to
    hours at a MB (the cases of tests/test_reading_time.py did, at 45 KB).
    """
    return 2.0 + 40.0 * size / 1_000_000


def read_as_a_build_does(data: bytes, name: str) -> list[TrialRecord | DocumentError]:
    """Read ``data`` and do with each record what ``kg build`` does; fail on anything a build could not survive."""
    started = time.process_time()
    results = list(enriched(read_bytes(data, name)))
    spent = time.process_time() - started
    assert spent < cpu_budget(len(data)), f"reading {len(data)} bytes took {spent:.1f} s of CPU"
    return survives_the_build(results, name)


def read_path_as_a_build_does(path: Path) -> list[TrialRecord | DocumentError]:
    """The same for a file the build reads by its path (an archive, entry by entry)."""
    started = time.process_time()
    results = list(enriched(read_path(path)))
    spent = time.process_time() - started
    assert spent < cpu_budget(path.stat().st_size * 100), f"reading {path} took {spent:.1f} s of CPU"
    return survives_the_build(results, path.name, str(path))


def survives_the_build(results: list[TrialRecord | DocumentError], *names: str) -> list[TrialRecord | DocumentError]:
    """Each result is a one-line error naming the document (by one of ``names``), or a record the build
    can spool, key, map and write.
    """
    for item in results:
        if isinstance(item, DocumentError):
            assert item.path in names or item.path.startswith(tuple(f"{name}{mark}" for name in names for mark in "#!")), \
                f"an error naming another document: {item}"
            assert item.problem and "\n" not in str(item), f"not a one-line error: {item!r}"
            continue
        assert isinstance(item, TrialRecord), f"read_bytes gave {item!r}"
        line = item.to_json()
        line.encode("utf-8")
        assert TrialRecord.from_json(line) == item, "the record does not come back equal from the spool"
        identity = TrialIdentity()
        handle = identity.add(item.identifiers, item.sponsors, source_rank(item), [f for f in TRIAL_FACTS if states(item, f)],
                              source_registry(item))
        key = identity.key(handle)
        lines = [*document_triples(item), *record_triples(item, key), *shared_triples(item, key),
                 *trial_fact_triples(item, key, TRIAL_FACTS)]
        written = text(lines).decode("utf-8")
        triples = [quad.triple for quad in ox.parse(written, ox.RdfFormat.N_TRIPLES)]  # the text is N-Triples
        for triple in triples:
            literal = triple.object
            if isinstance(literal, ox.Literal) and literal.datatype.value in _LEXICAL:
                assert _LEXICAL[literal.datatype.value].fullmatch(literal.value), f"ill-typed literal {literal}"
        # ... and exactly what Oxigraph writes for those triples
        assert ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode() == written
    return results
