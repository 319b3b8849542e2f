"""Score the cell-therapy queries on a corpus with gold: a per-query precision / recall / F1 table.

    python tests/benchmarks/therapy_score.py                 # the therapy dev corpus
    python tests/benchmarks/therapy_score.py --seeds DIR GOLD  # also another corpus (e.g. the seeds)
    python tests/benchmarks/therapy_score.py -v               # every mismatch
    python tests/benchmarks/therapy_score.py --held-out tests/data/therapy-holdout2   # also a held-out corpus

The therapy dev corpus is ``tests/data/therapy-dev``: ``documents.txt`` names the documents (under
tests/data), ``gold/*.csv`` holds the rows read from them by hand. The graph is built and queried in
this process; rows are matched as the shared evaluation matches them (``contract_score``, vendored), and
``cell_doses`` is also scored on its ``arm`` (the arm a dose is given in).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contract_score  # noqa: E402

from kg.build.streaming import build  # noqa: E402
from kg.graphs.files import load_graph, prefixed_graph  # noqa: E402
from kg.query.catalogue import stored_query  # noqa: E402
from kg.query.run import run_local  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"
DEV = DATA / "therapy-dev"
QUERIES = ("cell_products", "cell_doses", "cytokines", "regimens")
#: The evaluation's columns, and the arm of a dose (an extra column of cell_doses).
_DOSES = contract_score.SPEC["cell_doses"]
SPEC = {**contract_score.SPEC, "cell_doses": (_DOSES[0], [*_DOSES[1], "arm:text"])}


@dataclass(frozen=True)
class Score:
    query: str
    gold: int
    found: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else (1.0 if not self.found else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def dev_documents() -> list[Path]:
    """The documents of the therapy dev corpus."""
    lines = (DEV / "documents.txt").read_text(encoding="utf-8").splitlines()
    return [DATA / line.strip() for line in lines if line.strip() and not line.startswith("#")]


def held_out_documents(corpus: Path) -> list[Path]:
    """The documents of a held-out corpus: its saved pages (``.txt``) and registry records (``.json``) under
    ``corpus/pages``, one folder per site.
    """
    return sorted(path for path in (corpus / "pages").rglob("*") if path.suffix in (".txt", ".json"))


def _csv(columns: list[str], rows: list[list[str | None]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return out.getvalue()


def score(documents: list[Path], gold: Path, *, verbose: bool = False) -> list[Score]:
    """The score of each therapy query on ``documents`` against the gold CSVs in ``gold``."""
    with tempfile.TemporaryDirectory() as tmp:
        graph_file = Path(tmp) / "graph.ttl"
        build(documents, graph_file)
        # a corpus whose every document is refused gives no graph file: nothing found, scored as such
        graph = load_graph([graph_file]) if graph_file.exists() else prefixed_graph()
    scores = []
    contract = dict(contract_score.SPEC)
    contract_score.SPEC.update(SPEC)  # score_query reads the module's SPEC: ours while we score, then the contract's again
    try:
        for query in QUERIES:
            result = run_local(graph, stored_query(query).text)
            gold_text = (gold / f"{query}.csv").read_text(encoding="utf-8") if (gold / f"{query}.csv").exists() else ""
            found = contract_score.score_query(query, gold_text or "trial_id\n", _csv(result.columns, result.rows), verbose)
            scores.append(Score(query, *found))
    finally:
        contract_score.SPEC.clear()
        contract_score.SPEC.update(contract)
    return scores


def table(title: str, scores: list[Score]) -> str:
    lines = [title, f"{'query':16} {'gold':>5} {'found':>5} {'right':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    lines += [f"{s.query:16} {s.gold:5d} {s.found:5d} {s.right:5d} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
              for s in scores]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", nargs=2, metavar=("DOCS", "GOLD"), type=Path, help="Also score this corpus.")
    parser.add_argument("--held-out", nargs="+", metavar="DIR", type=Path, default=[],
                        help="Also score these held-out corpora: the pages under DIR/pages (one folder per site), "
                             "the gold in DIR/gold (e.g. tests/data/therapy-holdout2); registry records as .json files.")
    parser.add_argument("-v", "--verbose", action="store_true", help="List every mismatch.")
    arguments = parser.parse_args()
    print(table(f"therapy dev corpus ({len(dev_documents())} documents)",
                score(dev_documents(), DEV / "gold", verbose=arguments.verbose)))
    if arguments.seeds:
        docs, gold = arguments.seeds
        print(table(f"\n{docs}", score(sorted(p for p in docs.iterdir() if p.is_file()), gold, verbose=arguments.verbose)))
    for corpus in arguments.held_out:
        pages = held_out_documents(corpus)
        print(table(f"\n{corpus.name} ({len(pages)} documents)", score(pages, corpus / "gold", verbose=arguments.verbose)))


if __name__ == "__main__":
    main()
