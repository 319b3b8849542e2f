"""Where a registry study's build time goes, stage by stage: prints figures, asserts nothing.

    python tests/benchmarks/stage_time.py ARCHIVE [--studies N] [--rounds R] [--profile cumulative|tottime]

Takes the first N studies (default 2,000) of a zip of registry JSON (the registry's bulk download,
or the synthetic one of tests/benchmarks/scale.py), unzips them once, then times each stage of the
build over all of them in CPU time of this process (``time.process_time``, steadier than wall time on
a shared machine): reading (``read_bytes``), enriching (``enrich``: prose, eligibility, therapy),
spooling (``as_read``: pickling, what trial identity needs) and mapping (``map_chunk``: records to
N-Triples text, in the build's chunks). Each stage is the median of R rounds (default 3). With
``--profile`` it runs the stages once under cProfile instead and prints each stage's top entries
(``--stages`` names the stages to print).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
import zipfile
from pathlib import Path

from kg.build.identity import TrialIdentity
from kg.build.pipeline import as_read, map_chunk
from kg.enrich import enrich
from kg.model.facts import TRIAL_FACTS
from kg.model.records import TrialRecord
from kg.read import read_bytes

_CHUNK = 256  # records per pass-two chunk, as the build


def _entries(archive: Path, studies: int) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(archive) as zipped:
        names = [n for n in zipped.namelist() if n.endswith(".json")][:studies]
        return [(name, zipped.read(name)) for name in names]


def _read(entries: list[tuple[str, bytes]]) -> list[TrialRecord]:
    return [r for name, data in entries for r in read_bytes(data, name) if isinstance(r, TrialRecord)]


def _enrich(records: list[TrialRecord]) -> list[TrialRecord]:
    return [enrich(record) for record in records]


def _spool(records: list[TrialRecord]) -> list:
    return [as_read(record) for record in records]


def _chunks(reads: list) -> list[list[tuple[bytes, str, tuple[str, ...], bool]]]:
    identity = TrialIdentity()
    handles = [identity.add(read.identifiers, read.sponsors, read.rank, read.facts, read.registry) for read in reads]
    items = [(read.blob, identity.key(handle),
              tuple(f for f in TRIAL_FACTS if identity.speaks_for(handle, f, read.rank)), False)
             for read, handle in zip(reads, handles)]
    return [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def _map(chunks: list) -> int:
    return sum(map_chunk(chunk, dataset=False).count for chunk in chunks)


def _timed(function, *args):
    start = time.process_time()
    result = function(*args)
    return result, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--studies", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", choices=("cumulative", "tottime"))
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--stages", nargs="+", default=["read", "enrich", "spool", "map"], help="the stages to profile")
    args = parser.parse_args()
    entries = _entries(args.archive, args.studies)
    if args.profile:
        profiles = {stage: cProfile.Profile() for stage in ("read", "enrich", "spool", "map")}
        records = profiles["read"].runcall(_read, entries)
        records = profiles["enrich"].runcall(_enrich, records)
        reads = profiles["spool"].runcall(_spool, records)
        profiles["map"].runcall(_map, _chunks(reads))
        for stage, profile in profiles.items():
            if stage in args.stages:
                print(f"== {stage}")
                pstats.Stats(profile).sort_stats(args.profile).print_stats(args.top)
        return
    times: dict[str, list[float]] = {"read": [], "enrich": [], "spool": [], "map": []}
    statements = 0
    for _ in range(args.rounds):
        records, seconds = _timed(_read, entries)
        times["read"].append(seconds)
        records, seconds = _timed(_enrich, records)
        times["enrich"].append(seconds)
        reads, seconds = _timed(_spool, records)
        times["spool"].append(seconds)
        chunks = _chunks(reads)
        statements, seconds = _timed(_map, chunks)
        times["map"].append(seconds)
    count = len(records)
    total = 0.0
    print(f"{count} studies, {statements} statements; CPU time per study, median of {args.rounds} rounds:")
    for stage, values in times.items():
        per = statistics.median(values) / count * 1e6
        total += per
        print(f"  {stage:<7} {per:8.0f} us   (rounds: {', '.join(f'{v:.2f}' for v in values)} s)")
    print(f"  {'total':<7} {total:8.0f} us   -> 560,000 studies: {total * 560_000 / 1e6 / 60:.1f} min on one core, "
          f"{total * 560_000 / 1e6 / 60 / 2:.1f} min on two")


if __name__ == "__main__":
    main()
