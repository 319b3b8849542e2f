"""The W3C SHACL core test suite (tests/w3c-shacl/core), run through `kg validate DATA --shapes SHAPES`.

Each manifest entry gives a data graph, a shapes graph and the expected validation report (or
sht:Failure: the shapes are ill-formed). The entry is run as a user runs kg, in a process of
its own, asking for the W3C report (``--format turtle -o REPORT``), and is then:

- ``correct``: exit 0 or 1 and the same report: sh:conforms, and the same results, each with
  the same focus node, path, value, constraint component, source shape and severity (a
  result's message is not compared; blank nodes, which the two graphs name differently,
  compare equal to any blank node); or sht:Failure expected and exit 2.
- ``refused``: exit 2, with a message naming the SHACL feature (an ``sh:`` term) not compiled.
- ``wrong``: any other report.
- ``crashed``: any other exit status, or a traceback.

Run as a script it prints the table per folder (``python tests/w3c_shacl.py [--engine pyshacl]``);
tests/test_w3c_shacl.py holds the default engine to it.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

SUITE = Path(__file__).resolve().parent / "w3c-shacl" / "core"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = rdflib.Namespace("http://www.w3.org/ns/shacl-test#")
FIELDS = (SH.focusNode, SH.resultPath, SH.value, SH.sourceConstraintComponent, SH.sourceShape, SH.resultSeverity)


@dataclass(frozen=True)
class Entry:
    name: str  # folder/test
    data: Path
    shapes: Path
    expected: rdflib.Graph
    report: rdflib.term.Node  # the expected report node, or sht:Failure


@dataclass(frozen=True)
class Outcome:
    entry: Entry
    verdict: str  # correct, refused, wrong, crashed
    detail: str


def _path(iri: rdflib.term.Node) -> Path:
    return Path(str(iri).removeprefix("file://"))


def entries(manifest: Path = SUITE / "manifest.ttl") -> list[Entry]:
    """Every test of ``manifest`` and the manifests it includes, in order."""
    logging.disable(logging.WARNING)  # rdflib logs a traceback for each ill-typed literal the tests hold on purpose
    graph = rdflib.Graph().parse(manifest, format="turtle", publicID=manifest.resolve().as_uri())
    found: list[Entry] = []
    for included in graph.objects(None, MF.include):
        found += entries(_path(included))
    for head in graph.objects(None, MF.entries):
        for test in Collection(graph, head):
            action = graph.value(test, MF.action)
            found.append(Entry(f"{manifest.parent.name}/{str(test).rsplit('/', 1)[-1]}",
                               _path(graph.value(action, SHT.dataGraph)), _path(graph.value(action, SHT.shapesGraph)),
                               graph, graph.value(test, MF.result)))
    return found


def _results(graph: rdflib.Graph, report: rdflib.term.Node) -> Counter:
    def norm(term: rdflib.term.Node | None) -> str | None:
        return None if term is None else "_:" if isinstance(term, rdflib.BNode) else term.n3()

    return Counter(tuple(norm(graph.value(r, f)) for f in FIELDS) for r in graph.objects(report, SH.result))


def _differences(expected: rdflib.Graph, report: rdflib.term.Node, actual: rdflib.Graph) -> str:
    roots = list(actual.subjects(RDF.type, SH.ValidationReport))
    if len(roots) != 1:
        return f"{len(roots)} sh:ValidationReport nodes in the report"
    want, got = expected.value(report, SH.conforms), actual.value(roots[0], SH.conforms)
    lines = [] if want == got else [f"sh:conforms {got}, expected {want}"]
    wanted, given = _results(expected, report), _results(actual, roots[0])
    lines += [f"missing {r}" for r in sorted((wanted - given).elements())]
    lines += [f"extra {r}" for r in sorted((given - wanted).elements())]
    return "; ".join(lines)


def run(entry: Entry, engine: str = "sparql") -> Outcome:
    """Run one entry through `kg validate` and judge what it did."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.ttl"
        done = subprocess.run([sys.executable, "-m", "kg", "validate", str(entry.data), "--shapes", str(entry.shapes),
                               "--engine", engine, "--format", "turtle", "-o", str(output)],
                              capture_output=True, text=True, timeout=300)
        said = (done.stderr.strip().splitlines() or [""])[-1]
        if done.returncode not in (0, 1, 2) or (done.returncode == 1 and not output.exists()):
            return Outcome(entry, "crashed", f"exit {done.returncode}: {said}")
        if entry.report == SHT.Failure:
            return Outcome(entry, "correct" if done.returncode == 2 else "wrong", said or f"exit {done.returncode}")
        if done.returncode == 2:
            named = "sh:" in said or str(SH) in said
            return Outcome(entry, "refused" if named else "wrong", said)
        differences = _differences(entry.expected, entry.report, rdflib.Graph().parse(output, format="turtle"))
        return Outcome(entry, "wrong" if differences else "correct", differences)


def run_all(engine: str = "sparql", workers: int = max(2, os.cpu_count() or 1)) -> list[Outcome]:
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda entry: run(entry, engine), entries()))


def table(outcomes: list[Outcome]) -> str:
    verdicts = ("correct", "refused", "wrong", "crashed")
    folders: dict[str, Counter] = {}
    for outcome in outcomes:
        folders.setdefault(outcome.entry.name.split("/")[0], Counter())[outcome.verdict] += 1
    total = sum(folders.values(), Counter())
    lines = [f"| folder | tests | {' | '.join(verdicts)} |", "|---" * (len(verdicts) + 2) + "|"]
    for name, counts in [*sorted(folders.items()), ("all", total)]:
        lines.append(f"| {name} | {sum(counts.values())} | {' | '.join(str(counts[v]) for v in verdicts)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    engine = sys.argv[sys.argv.index("--engine") + 1] if "--engine" in sys.argv else "sparql"
    outcomes = run_all(engine)
    for outcome in outcomes:
        if outcome.verdict != "correct" or "-v" in sys.argv:
            print(f"{outcome.verdict:8} {outcome.entry.name}: {outcome.detail}")
    print(table(outcomes))
