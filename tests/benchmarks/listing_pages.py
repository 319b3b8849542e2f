"""How soon a listing answers on a store: its first rows, one page, the whole listing, and filtered forms.

    python tests/benchmarks/listing_pages.py STORE [--runs 3] [--code CHECKOUT] [--queries eligibility ...]

Each form runs as ``kg query NAME --store STORE`` runs it, on a store opened once (read-only): "first" is the
time until the first rows are in hand (``kg query`` writes them then), "whole" until the last, both wall
seconds, and "CPU" the process's CPU seconds over the whole (Oxigraph answers in the calling thread, so it
is the query's own work; a loaded machine stretches the wall time). ``--code`` times another checkout's
``kg`` (e.g. ``git archive main | tar -x -C /tmp/main``): a checkout without ``stream_stored`` hands over
its rows all at once, so its first rows come with the last. Medians of ``--runs``, the load average beside
each; a measurement, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

#: The forms timed, each with the values for --param and --limit / --offset. The sponsors and countries are
#: those scale.py's filter_values reads from tests/benchmarks/corpus.py's 10,000-study store: the largest
#: sponsor (440 trials) and a typical one (1 trial), the largest country (3,919 trials) and a typical one (200).
FORMS = {"all rows": ({}, None, None), "first 100 rows": ({}, 100, None), "rows 1000-1099": ({}, 100, 1000),
         "country=US": ({"country": "US"}, None, None), "country=FI": ({"country": "FI"}, None, None),
         "sponsor=NCI": ({"sponsor": "National Cancer Institute (NCI)"}, None, None),
         "sponsor (typical)": ({"sponsor": "Hennepin Healthcare Research Institute 684-0"}, None, None),
         "status=RECRUITING": ({"status": "RECRUITING"}, None, None)}
QUERIES = ("eligibility", "outcomes", "sites", "trials", "interventions")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--code", type=Path, default=REPO, help="the checkout whose kg is timed")
    parser.add_argument("--queries", nargs="*", default=list(QUERIES))
    parser.add_argument("--forms", nargs="*", default=list(FORMS))
    arguments = parser.parse_args()
    sys.path.insert(0, str(arguments.code.resolve()))
    import kg.query.targets as targets

    streaming = hasattr(targets, "stream_stored")
    print(f"code: {arguments.code} ({'pages of trials' if streaming else 'one query'}); store {arguments.store}",
          file=sys.stderr)
    print("| query | form | rows | first s | whole s | CPU s | load |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name in arguments.queries:
        for form in arguments.forms:
            values, limit, offset = FORMS[form]
            runs = []
            for _ in range(arguments.runs):
                began, cpu, first, rows = time.perf_counter(), time.process_time(), None, 0
                if streaming:
                    _, pages = targets.stream_stored(name, values, store=arguments.store, limit=limit, offset=offset)
                else:
                    pages = iter([targets.run_stored(name, values, store=arguments.store, limit=limit, offset=offset)[1]])
                for result in pages:
                    rows += len(result.rows)
                    if first is None and result.rows:
                        first = time.perf_counter() - began
                runs.append((time.perf_counter() - began, first or 0.0, time.process_time() - cpu, rows))
            whole = statistics.median(run[0] for run in runs)
            print(f"| {name} | {form} | {runs[0][3]:,} | {statistics.median(run[1] for run in runs):.2f} | {whole:.2f} | "
                  f"{statistics.median(run[2] for run in runs):.2f} | {os.getloadavg()[0]:.1f} |", flush=True)


if __name__ == "__main__":
    main()
