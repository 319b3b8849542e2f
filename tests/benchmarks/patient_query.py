"""How long ``trials_for_patient`` takes on a store: wall and CPU time, medians, for three patients.

    python tests/benchmarks/patient_query.py STORE [--runs 5] [--against OLD.rq ...]

The store is opened once (read-only, as a server or ``kg query --store`` opens it) and each query runs
as ``kg query --store`` runs it (rows turned into text and ordered); Python's start (~0.3 s) is not in
the figures. Oxigraph runs a query in the calling thread, so the process's CPU time is the query's own
work, which a machine shared with other jobs leaves nearly as it is while it stretches the wall time;
both are printed, with the load average before and after. ``--against`` runs other texts of the query
(e.g. ``git show main:queries/trials_for_patient.rq > old.rq``) in the same rounds, interleaved with the
stored one, and says whether each gives the same rows. This is a measurement, not a test: it asserts
nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))

from kg.graphs.store import open_store  # noqa: E402
from kg.query.catalogue import StoredQuery, stored_query  # noqa: E402
from kg.query.run import query_store  # noqa: E402

#: The issue's example, a patient who gives most values, and one who gives none (every threshold unknown).
PATIENTS = {
    "age, ECOG, creatinine": {"age": "67", "ecog": "2", "creatinine_mg_dl": "1.6"},
    "twelve values": {"age": "45", "ecog": "1", "karnofsky": "80", "creatinine_mg_dl": "1.1", "bilirubin_mg_dl": "0.9",
                      "alt_uln": "1.2", "ast_uln": "1.0", "lvef_percent": "55", "anc_per_ul": "1800",
                      "platelets_per_ul": "120000", "hemoglobin_gDl": "10.5", "prior_lines": "2"},
    "no value": {},
}


def _load() -> str:
    return " ".join(f"{figure:.2f}" for figure in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path, help="An Oxigraph store built by `kg build --store`.")
    parser.add_argument("--runs", type=int, default=5, help="Runs of each query per patient (the median is printed).")
    parser.add_argument("--against", type=Path, nargs="*", default=[], help="Other texts of the query to time beside it.")
    arguments = parser.parse_args()

    stored = stored_query("trials_for_patient")
    texts = {"stored": stored} | {str(path): StoredQuery(stored.name, path.resolve(), stored.summary, stored.description,
                                                         stored.parameters, stored.tags) for path in arguments.against}
    store = open_store(arguments.store)
    print(f"load average before: {_load()}")
    print("| patient | query | rows | wall s | CPU s | same rows as stored |")
    print("|---|---|---:|---:|---:|---|")
    for patient, values in PATIENTS.items():
        bound = {name: query.bind(values) for name, query in texts.items()}
        walls: dict[str, list[float]] = {name: [] for name in texts}
        cpus: dict[str, list[float]] = {name: [] for name in texts}
        rows = {}
        for _ in range(arguments.runs):  # interleaved, so that each text meets the same load
            for name, sparql in bound.items():
                wall, cpu = time.perf_counter(), time.process_time()
                rows[name] = query_store(store, sparql).rows
                walls[name].append(time.perf_counter() - wall)
                cpus[name].append(time.process_time() - cpu)
        for name in texts:
            same = "—" if name == "stored" else ("yes" if rows[name] == rows["stored"] else "NO")
            print(f"| {patient} | {name} | {len(rows[name]):,} | {statistics.median(walls[name]):.3f} "
                  f"| {statistics.median(cpus[name]):.3f} | {same} |", flush=True)
    print(f"load average after: {_load()}")


if __name__ == "__main__":
    main()
