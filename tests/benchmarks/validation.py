"""Validation speed: pyshacl (the reference) against the shapes compiled to SPARQL, on real records.

Builds the ClinicalTrials.gov API v2 records of a folder (by default the 38 real ones in
``tests/data/ctgov-json``) into N-Triples, replicates them under new NCT numbers and
document checksums to each size asked for (shared organisations, conditions and sites stay
shared, as in the registry), and times each engine on the whole graph: loading, then
validating. pyshacl runs only up to --pyshacl-up-to trials (it takes ~0.3 s a trial on
these records); where both run, the script says whether they found the same violations.
The sparql engine is also timed on an on-disk store (what `kg build --store` writes).

    .venv/bin/python tests/benchmarks/validation.py --sizes 1000 10000

A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.build.streaming import build
from kg.graphs.files import dataset_statements, load_graph, load_store
from kg.graphs.store import fill_store, open_store
from kg.validation.reference import validate_graph
from kg.validation.report import ValidationReport
from kg.validation.sparql_engine import validate_store

#: The real registry records shipped with the tests (the same 38 as the shared corpus).
RECORDS = Path(__file__).resolve().parents[1] / "data" / "ctgov-json"


def replicate(text: str, trials: int) -> tuple[str, int]:
    """The N-Triples ``text`` copied under new NCT numbers and checksums until it holds ``trials`` trials or more."""
    numbers = sorted(set(re.findall(r"id/trial/(NCT[0-9]{8})", text)))
    checksums = sorted(set(re.findall(r"sha256-([0-9a-f]{64})", text)))
    pattern = re.compile("|".join(map(re.escape, numbers + checksums)))
    copies = math.ceil(trials / len(numbers))
    parts = []
    for copy in range(copies):
        new = {n: f"NCT{copy * 100 + i:08d}" for i, n in enumerate(numbers)}
        new |= {c: f"{c[:56]}{copy:08x}" for c in checksums}
        parts.append(pattern.sub(lambda match, new=new: new[match.group()], text))
    return "".join(parts), copies * len(numbers)


def timed(step: Callable[..., Any], *arguments: object) -> tuple[float, Any]:
    started = time.perf_counter()
    result = step(*arguments)
    return time.perf_counter() - started, result


def row(trials: int, engine: str, load: float, check: float, report: ValidationReport) -> None:
    print(f"{trials:>7} {engine:<16} {load:>9.2f} {check:>11.2f} {1000 * check / trials:>13.3f} {len(report.violations):>11}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=Path, default=RECORDS, help="folder of API v2 JSON records")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="numbers of trials")
    parser.add_argument("--pyshacl-up-to", type=int, default=1100, help="largest graph (trials) pyshacl validates")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the sparql engine (the median is printed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "records.nt"
        report = build(sorted(args.records.glob("*.json")), base, format="ntriples")
        text = base.read_text(encoding="utf-8")
        print(f"records: {report.documents} documents, {len(report.trials)} trials, {report.triples} triples")
        print(f"{'trials':>7} {'engine':<16} {'load s':>9} {'validate s':>11} {'ms per trial':>13} {'violations':>11}")
        for size in args.sizes:
            path = Path(folder) / f"{size}.nt"
            replicated, trials = replicate(text, size)
            path.write_text(replicated, encoding="utf-8")
            runs = []
            for _ in range(args.repeat):
                load, store = timed(load_store, [path])
                check, fast = timed(validate_store, store)
                runs.append((check, load, fast))
            check, load, fast = sorted(runs, key=lambda run: run[0])[len(runs) // 2]
            row(trials, "sparql, memory", statistics.median(r[1] for r in runs), check, fast)
            directory = Path(folder) / f"store-{size}"
            load, _ = timed(fill_store, directory, dataset_statements([path]))
            check, on_disk = timed(validate_store, open_store(directory))
            row(trials, "sparql, on disk", load, check, on_disk)
            if trials <= args.pyshacl_up_to:
                load, graph = timed(load_graph, [path])
                check, reference = timed(validate_graph, graph)
                row(trials, "pyshacl", load, check, reference)
                same = set(reference.violations) == set(fast.violations) == set(on_disk.violations)
                print(f"{'':>7} same violations from both engines: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
