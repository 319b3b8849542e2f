"""Precision and recall of the eligibility thresholds read from criteria, against a hand-written gold.

    python tests/benchmarks/eligibility_thresholds.py            # the per-quantity table
    python tests/benchmarks/eligibility_thresholds.py -v         # and every miss and every extra
    python tests/benchmarks/eligibility_thresholds.py --timing   # and the time per registry study

The gold (``tests/data/eligibility-gold.tsv``, conventions in ``tests/data/eligibility-gold.md``)
holds real criteria, each with the thresholds a reader of the text finds in it. A threshold read
counts as right only when its quantity, comparator, value and unit all equal one of the gold's for
the same criterion (each gold threshold is matched once). ``--timing`` reads every criterion of the
real registry records in ``tests/data/ctgov-json`` and prints the time per study.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.enrich.eligibility import QUANTITIES, criterion_thresholds
from kg.model.records import Criterion

__all__ = ["GOLD", "Key", "Score", "load_gold", "score"]

TESTS = Path(__file__).resolve().parent.parent
GOLD = TESTS / "data" / "eligibility-gold.tsv"

#: One threshold as the gold writes it: quantity, comparator, value, unit ("" when none).
Key = tuple[str, str, float, str]


@dataclass(frozen=True)
class GoldCriterion:
    source: str
    text: str
    thresholds: tuple[Key, ...]
    note: str


def _key(written: str) -> Key:
    quantity, comparator, value, *unit = written.split()
    return quantity, comparator, float(value), unit[0] if unit else ""


def load_gold(path: Path = GOLD) -> list[GoldCriterion]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [GoldCriterion(row["source"], row["criterion"],
                              tuple(_key(part) for part in row["thresholds"].split(";") if part.strip()), row["note"])
                for row in csv.DictReader(handle, delimiter="\t")]


def read(text: str) -> list[Key]:
    return [(t.quantity, t.comparator, float(t.value), t.unit or "") for t in criterion_thresholds(Criterion("INCLUSION", text))]


@dataclass
class Score:
    right: Counter[str]
    found: Counter[str]
    expected: Counter[str]
    misses: list[tuple[GoldCriterion, list[Key], list[Key]]]  # criterion, not read, read wrongly

    def precision(self, quantity: str | None = None) -> float:
        found = self.found[quantity] if quantity else sum(self.found.values())
        right = self.right[quantity] if quantity else sum(self.right.values())
        return right / found if found else 1.0

    def recall(self, quantity: str | None = None) -> float:
        expected = self.expected[quantity] if quantity else sum(self.expected.values())
        right = self.right[quantity] if quantity else sum(self.right.values())
        return right / expected if expected else 1.0


def score(gold: list[GoldCriterion]) -> Score:
    result = Score(Counter(), Counter(), Counter(), [])
    for criterion in gold:
        found = Counter(read(criterion.text))
        expected = Counter(criterion.thresholds)
        right = found & expected
        for counter, keys in ((result.found, found), (result.expected, expected), (result.right, right)):
            for key, count in keys.items():
                counter[key[0]] += count
        if found != expected:
            result.misses.append((criterion, sorted((expected - found).elements()), sorted((found - expected).elements())))
    return result


def table(result: Score) -> str:
    lines = [f"{'quantity':22} {'gold':>5} {'read':>5} {'right':>5} {'precision':>9} {'recall':>7}"]
    for quantity in [*QUANTITIES, None]:
        name = quantity or "overall"
        expected = result.expected[quantity] if quantity else sum(result.expected.values())
        found = result.found[quantity] if quantity else sum(result.found.values())
        right = result.right[quantity] if quantity else sum(result.right.values())
        lines.append(f"{name:22} {expected:5d} {found:5d} {right:5d} {result.precision(quantity):9.3f} {result.recall(quantity):7.3f}")
    return "\n".join(lines)


def _timing() -> str:
    from kg.read import read_path

    records = sorted((TESTS / "data" / "ctgov-json").glob("*.json"))
    studies = [record for path in records for record in read_path(path)]
    criteria = [criterion for study in studies for criterion in study.criteria]
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        for criterion in criteria:
            criterion_thresholds(criterion)
    seconds = (time.perf_counter() - start) / runs
    return (f"{len(studies)} studies, {len(criteria)} criteria: {seconds / len(studies) * 1e3:.3f} ms per study, "
            f"{seconds / max(len(criteria), 1) * 1e6:.1f} µs per criterion (mean of {runs} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every criterion read otherwise than the gold")
    parser.add_argument("--timing", action="store_true", help="time the reading over the real registry records")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    result = score(gold)
    if args.verbose:
        for criterion, missed, extra in result.misses:
            print(f"[{criterion.source}] {criterion.text}\n    missed: {missed}\n    extra:  {extra}")
        print()
    print(f"{len(gold)} criteria, {sum(1 for c in gold if not c.thresholds)} stating no threshold")
    print(table(result))
    if args.timing:
        print(_timing())


if __name__ == "__main__":
    main()
