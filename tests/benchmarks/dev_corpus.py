"""The dev corpus: real trial pages (tests/data/pages) scored on the whole stored-query contract.

Gold values are written by hand from each page's text, one file per page in
``tests/data/pages-gold/pages/<site>/<slug>.gold`` (format below), and assembled into one CSV
per contract query in ``tests/data/pages-gold/<query>.csv`` -- the format of the steering
repo's ``shared/eval/gold-seeds`` -- so that ``shared/eval/score.py --gold`` can use them too.

    python tests/benchmarks/dev_corpus.py                 # build with today's code, print the table
    python tests/benchmarks/dev_corpus.py -v              # ... and every mismatch
    python tests/benchmarks/dev_corpus.py --write-gold    # re-assemble the CSVs from the .gold files
    python tests/benchmarks/dev_corpus.py --pages tests/data/pages-holdout   # ... any corpus built this way: its
                                                          # gold in tests/data/pages-holdout-gold (gold_of)

The table is printed for the whole corpus and split by page group: ``seed-layout`` (pages of
the layouts of the seed documents: trial.medpath.com, ctv.veeva.com and ClinicalTrials.gov
mirrors such as meddatax.com) and ``other`` (every other site). Each group is built on its
own, so a trial is scored only against the pages of its group.

A .gold file: ``# ...`` comment lines (say why a page gives no trial), then sections
``[query]`` holding CSV rows in the column order of ``COLUMNS`` (trial_id first); the
``[trials]`` section instead holds ``column: value`` lines, a new trial at each
``trial_id:``. A page that gives no trial has no sections; whatever the build makes of it
is then counted as extra (a false fact).

Scoring is shared/eval/score.py's (vendored as ``contract_score.py``): a fact is a matched
row or one non-empty scored cell of a matched row; precision, recall and F1 over facts.
"""

from __future__ import annotations

import argparse
import csv
import io
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from contract_score import SPEC, score_query  # noqa: E402

__all__ = ["COLUMNS", "PAGES", "GOLD", "SEED_LAYOUT_SITES", "Figures", "assemble", "gold_of", "group_of", "measure",
           "pages", "write_gold"]

TESTS = Path(__file__).resolve().parents[1]
PAGES = TESTS / "data" / "pages"
GOLD = TESTS / "data" / "pages-gold"

#: The columns of each contract query, in the order of shared/eval/gold-seeds.
COLUMNS: dict[str, list[str]] = {
    "trials": ["trial_id", "title", "phase", "status", "study_type", "enrollment", "sex", "min_age_years",
               "max_age_years", "healthy_volunteers", "allocation", "intervention_model", "primary_purpose",
               "masking", "start_date", "completion_date"],
    "identifiers": ["trial_id", "identifier", "scheme"],
    "sponsors": ["trial_id", "organization", "role"],
    "conditions": ["trial_id", "condition"],
    "arms": ["trial_id", "arm", "arm_type", "description"],
    "interventions": ["trial_id", "arm", "intervention", "intervention_type"],
    "cell_products": ["trial_id", "cell_type", "donor_type", "tissue_source", "ex_vivo_expanded", "feeder_cells",
                      "genetically_modified", "infusions"],
    "cell_doses": ["trial_id", "dose_min", "dose_max", "unit", "per"],
    "cytokines": ["trial_id", "cytokine", "role", "arm", "dose", "unit", "route", "frequency", "number_of_doses",
                  "duration_days"],
    "regimens": ["trial_id", "regimen", "purpose"],
    "outcomes": ["trial_id", "kind", "measure", "time_frame"],
    "sites": ["trial_id", "site", "city", "country"],
    "eligibility": ["trial_id", "kind", "population", "criterion"],
    "related_trials": ["trial_id", "related_id"],
    "references": ["trial_id", "doi", "pmid", "citation"],
}
assert set(COLUMNS) == set(SPEC)

#: Sites whose pages are in the layouts of the seed documents.
SEED_LAYOUT_SITES = frozenset({"trial.medpath.com", "ctv.veeva.com", "meddatax.com"})


def gold_of(folder: Path) -> Path:
    """The gold folder of a corpus built this way: ``tests/data/pages-gold`` for ``tests/data/pages``,
    ``tests/data/pages-holdout-gold`` for the held-out ``tests/data/pages-holdout``.
    """
    return folder.with_name(folder.name + "-gold")


def pages(folder: Path = PAGES) -> list[Path]:
    """Every page of the corpus (``<site>/<slug>.txt``), in a stable order."""
    return sorted(folder.glob("*/*.txt"))


def group_of(page: Path) -> str:
    return "seed-layout" if page.parent.name in SEED_LAYOUT_SITES else "other"


def gold_file(page: Path) -> Path:
    return gold_of(page.parents[1]) / "pages" / page.parent.name / (page.stem + ".gold")


def parse_gold(path: Path) -> dict[str, list[list[str]]]:
    """The rows of one .gold file by query (each row in ``COLUMNS`` order)."""
    rows: dict[str, list[list[str]]] = {}
    section = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.rstrip().endswith("]"):
            section = line.strip()[1:-1]
            if section not in COLUMNS:
                raise ValueError(f"{path}:{number}: no contract query named {section!r}")
            rows.setdefault(section, [])
            continue
        if section is None:
            raise ValueError(f"{path}:{number}: a row before any [query] section")
        columns = COLUMNS[section]
        if section == "trials":
            name, sep, value = line.partition(":")
            if not sep or name.strip() not in columns:
                raise ValueError(f"{path}:{number}: expected 'column: value' with a trials column, got {line!r}")
            if name.strip() == "trial_id":
                rows[section].append([""] * len(columns))
            elif not rows[section]:
                raise ValueError(f"{path}:{number}: a trials value before its trial_id")
            rows[section][-1][columns.index(name.strip())] = value.strip()
            continue
        row = next(csv.reader([line]))
        if len(row) != len(columns):
            raise ValueError(f"{path}:{number}: {section} rows have {len(columns)} cells "
                             f"({', '.join(columns)}), this one has {len(row)}: {line!r}")
        rows[section].append([cell.strip() for cell in row])
    return rows


def assemble(selected: list[Path] | None = None) -> dict[str, str]:
    """The gold CSV text of each query over ``selected`` pages (all by default)."""
    out = {}
    parsed = [parse_gold(gold_file(page)) for page in (pages() if selected is None else selected)]
    for query, columns in COLUMNS.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        seen = set()
        for rows in parsed:
            for row in rows.get(query, []):
                # A trial read from several pages is listed once per page; its rows once.
                if tuple(row) not in seen:
                    seen.add(tuple(row))
                    writer.writerow(row)
        out[query] = buffer.getvalue()
    return out


def write_gold(folder: Path = PAGES) -> None:
    missing = [page for page in pages(folder) if not gold_file(page).exists()]
    if missing:
        raise SystemExit("no gold file for: " + ", ".join(str(gold_file(p)) for p in missing))
    for query, text in assemble(pages(folder)).items():
        (gold_of(folder) / f"{query}.csv").write_text(text, encoding="utf-8")


@dataclass
class Figures:
    """Facts per query: in the gold, found by the graph, right."""

    queries: dict[str, tuple[int, int, int]]

    @property
    def totals(self) -> tuple[int, int, int]:
        return tuple(sum(v[i] for v in self.queries.values()) for i in range(3))  # type: ignore[return-value]

    @staticmethod
    def prf(gold: int, found: int, right: int) -> tuple[float, float, float]:
        precision = right / found if found else 0.0
        recall = right / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def f1(self) -> float:
        return self.prf(*self.totals)[2]

    def table(self, title: str) -> str:
        lines = [f"## {title}", f"{'query':16} {'gold':>5} {'found':>5} {'right':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        for name, (g, f, r) in self.queries.items():
            p, rec, f1 = self.prf(g, f, r)
            lines.append(f"{name:16} {g:5d} {f:5d} {r:5d} {p:6.3f} {rec:6.3f} {f1:6.3f}")
        p, rec, f1 = self.prf(*self.totals)
        g, f, r = self.totals
        lines.append(f"{'overall':16} {g:5d} {f:5d} {r:5d} {p:6.3f} {rec:6.3f} {f1:6.3f}")
        lines.append(f"fact F1 {f1:.3f} (P {p:.3f} R {rec:.3f}) over {g} gold facts")
        return "\n".join(lines)


def measure(selected: list[Path] | None = None, cmd: list[str] | None = None, verbose: bool = False) -> Figures:
    """Build a graph from ``selected`` pages and score every contract query.

    With ``cmd`` (e.g. ``["python", "-m", "kg"]``) the graph is built and queried by that command line, as
    shared/eval/score.py does; without it, in this process by the same functions the CLI calls (faster).
    """
    selected = pages() if selected is None else selected
    gold = assemble(selected)
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        # Only the pages: the folder also holds the older .expected.json files, which are no documents.
        for page in selected:
            target = docs / page.parent.name / page.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)
        graph = Path(tmp) / "graph.ttl"
        run = _in_process(docs, graph) if cmd is None else _by_command(cmd, docs, graph)
        queries = {}
        for name in COLUMNS:
            predicted = run(name)
            if predicted is None and verbose:
                print(f"  {name}: the query failed")
            queries[name] = score_query(name, gold[name], predicted, verbose)
    return Figures(queries)


def _in_process(docs: Path, graph: Path):
    from kg.build.streaming import build
    from kg.graphs.files import load_graph
    from kg.query.catalogue import stored_query
    from kg.query.output import format_result
    from kg.query.run import run_local

    build([docs], graph)
    loaded = load_graph([graph])

    def run(name: str) -> str | None:
        return format_result(run_local(loaded, stored_query(name).bind({})), "csv")

    return run


def _by_command(cmd: list[str], docs: Path, graph: Path):
    built = subprocess.run(cmd + ["build", str(docs), "-o", str(graph)], capture_output=True, text=True, timeout=600)
    if not graph.exists():
        raise RuntimeError(f"the build wrote no graph:\n{built.stdout[-2000:]}\n{built.stderr[-2000:]}")

    def run(name: str) -> str | None:
        ran = subprocess.run(cmd + ["query", name, "--data", str(graph), "--format", "csv"],
                             capture_output=True, text=True, timeout=600)
        return ran.stdout if ran.returncode == 0 else None

    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", help="build and query with this command line (e.g. 'python -m kg', as score.py "
                    "does) instead of in this process")
    ap.add_argument("--write-gold", action="store_true", help="assemble the gold CSVs from the .gold files")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    ap.add_argument("--pages", type=Path, default=PAGES, help="the pages folder of a corpus built this way, its gold "
                    "in the folder of the same name ending '-gold' (default tests/data/pages, the dev corpus)")
    a = ap.parse_args()
    if a.write_gold:
        write_gold(a.pages)
        return 0
    cmd = shlex.split(a.cmd) if a.cmd else None
    everything = pages(a.pages)
    name = "dev corpus" if a.pages == PAGES else f"corpus {a.pages}"
    print(f"{name}: {len(everything)} pages of {len({p.parent.name for p in everything})} sites")
    for group in ("seed-layout", "other"):
        selected = [p for p in everything if group_of(p) == group]
        if selected:
            if a.verbose:
                print(f"# mismatches, {group} pages")
            print(measure(selected, cmd, a.verbose).table(f"{group} pages ({len(selected)})"))
    if a.verbose:
        print("# mismatches, all pages")
    print(measure(everything, cmd, a.verbose).table(f"all pages ({len(everything)})"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
