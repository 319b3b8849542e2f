"""How long the cell-therapy reading takes per registry study: prints a figure, asserts nothing.

    python tests/benchmarks/therapy_time.py [ARCHIVE_OR_JSON ...]

Reads the studies once (default: the 578 studies of tests/data/ctgov-negative and the 38 of
tests/data/ctgov-json), then times ``describe_therapy`` alone over all of them, best of five rounds. The time is this
process's CPU time, not the wall clock, so that a figure taken beside other work on the machine still compares.
"""

from __future__ import annotations

import copy
import sys
import time
from pathlib import Path

from kg.enrich.therapy import describe_therapy
from kg.model.records import TrialRecord
from kg.read import read_path

DATA = Path(__file__).resolve().parents[1] / "data"


def main() -> None:
    inputs = [Path(a) for a in sys.argv[1:]] or [DATA / "ctgov-negative" / "studies.zip",
                                                 *sorted((DATA / "ctgov-json").glob("*.json"))]
    records = [r for path in inputs for r in read_path(path) if isinstance(r, TrialRecord)]
    rounds = []
    for _ in range(5):
        copies = [copy.copy(r) for r in records]
        start = time.process_time()
        for record in copies:
            describe_therapy(record)
        rounds.append(time.process_time() - start)
    best = min(rounds)
    print(f"{len(records)} studies: therapy reading {best:.3f} s, {best / len(records) * 1e6:.0f} us per study "
          f"of CPU (best of 5; 560,000 studies: {best / len(records) * 560_000:.0f} s on one core)")


if __name__ == "__main__":
    main()
