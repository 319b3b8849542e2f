"""Pass two's split between the workers and the main process: prints figures, asserts nothing.

    python tests/benchmarks/once_time.py ARCHIVE [--studies N] [--rounds R] [--cache FILE] [--profile]

Reads and enriches the first N studies (default 2,000) of a zip of registry JSON once (kept in
``--cache`` if given, so that two versions of the code are timed on the same records), cuts them into
the build's chunks, then, R rounds (default 3), times in CPU time of this process
(``time.process_time``): what a worker does for a chunk (``map_chunk`` of a store build, and pickling
its result to send it) and what the main process does with it (unpickling, and ``once``: the statements
about shared things written once; ``main`` is the two). ``--profile`` profiles the workers' part, then
``once`` alone in CPU time. Prints each as µs per study, median of the rounds, and a digest of
what ``once`` gives (the same for two versions that write the same statements in the same order).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pickle
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stage_time import _chunks, _enrich, _entries, _read, _spool  # noqa: E402

from kg.build.pipeline import map_chunk, once  # noqa: E402


def _reads(archive: Path, studies: int, cache: Path | None) -> list:
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    reads = _spool(_enrich(_read(_entries(archive, studies))))
    if cache is not None:
        cache.write_bytes(pickle.dumps(reads, protocol=pickle.HIGHEST_PROTOCOL))
    return reads


def _workers(chunks: list) -> list[bytes]:
    return [pickle.dumps(map_chunk(chunk, dataset=True, store=True), protocol=pickle.HIGHEST_PROTOCOL)
            for chunk in chunks]


def _received(sent: list[bytes]) -> list:
    return [pickle.loads(data) for data in sent]


def _once(received: list) -> list[bytes]:
    return [text for text, _count in once(received)]


def _digest(texts: list[bytes]) -> str:
    digest = hashlib.blake2b()
    for text in texts:
        digest.update(text)
    return digest.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--studies", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    reads = _reads(args.archive, args.studies, args.cache)
    chunks = _chunks(reads)
    if args.profile:
        profile = cProfile.Profile()
        sent = profile.runcall(_workers, chunks)
        received = _received(sent)
        once_profile = cProfile.Profile(time.process_time)
        once_profile.runcall(_once, received)
        pstats.Stats(once_profile).sort_stats("tottime").print_stats(25)
        return
    workers: list[float] = []
    unpickled: list[float] = []
    onced: list[float] = []
    digest = ""
    for _ in range(args.rounds):
        start = time.process_time()
        sent = _workers(chunks)
        workers.append(time.process_time() - start)
        start = time.process_time()
        received = _received(sent)
        unpickled.append(time.process_time() - start)
        start = time.process_time()
        texts = _once(received)
        onced.append(time.process_time() - start)
        digest = _digest(texts)
    count = len(reads)
    print(f"{count} studies in {len(chunks)} chunks, {sum(map(len, sent)) / count:.0f} bytes sent per study, output "
          f"{digest}; CPU µs per study, median of {args.rounds} rounds:")
    mains = [a + b for a, b in zip(unpickled, onced)]
    for name, values in (("workers", workers), ("unpickle", unpickled), ("once", onced), ("main", mains)):
        print(f"  {name:<8} {statistics.median(values) / count * 1e6:8.0f} µs   "
              f"(rounds: {', '.join(f'{v:.3f}' for v in values)} s)")


if __name__ == "__main__":
    main()
