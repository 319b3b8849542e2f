"""What the generic reader gets right on the pages of tests/data/generic-dev (fields right per page).

    PYTHONPATH=. python tests/benchmarks/generic_dev.py [--corpus DIR] [-v]

Each page of the corpus is read as ``kg build`` reads it (the layout that claims it, or refused), and the
record's trial key, title, interventions, arms, summary and intervention text are compared with
``expected.json`` (written by reading the pages; see the corpus README). Text is compared the way
``shared/eval/score.py`` does (folded, ≥ 0.85 similarity, alternatives after ``¦``). ``--corpus DIR`` measures
another corpus laid out the same way (``DIR/expected.json``, ``DIR/pages``), e.g. ``tests/data/generic-holdout``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path

from kg.errors import DocumentError
from kg.model.identifiers import source_registry, trial_key
from kg.read import read_path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "generic-dev"
TEXT_MIN = 0.85


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower().rstrip(" .;,:")


def similar(expected: str, got: str | None) -> bool:
    return any(SequenceMatcher(None, fold(alternative), fold(got)).ratio() >= TEXT_MIN
               for alternative in expected.split("¦"))


def same_names(expected: list[str], got: list[str]) -> bool:
    """Every expected name matched by one read, and nothing more read."""
    left = list(got)
    for name in expected:
        match = next((value for value in left if similar(name, value)), None)
        if match is None:
            return False
        left.remove(match)
    return not left


def fields(entry: dict, corpus: Path = CORPUS) -> dict[str, bool]:
    """Each scored field of one page: right or not."""
    results = list(read_path(corpus / entry["page"]))
    record = next((r for r in results if not isinstance(r, Exception)), None)
    if entry["trial_id"] is None:
        return {"refused": record is None and all(isinstance(r, DocumentError) for r in results)}
    if record is None:
        return {"trial_id": False, "title": False, "interventions": entry["interventions"] is None or False,
                "arms": False, "summary": False} | ({"intervention_text": False} if entry["intervention_text"] else {})
    scored = {"trial_id": trial_key(record.identifiers, [source_registry(record)]) == entry["trial_id"],
              "title": record.title is None if entry["title"] is None else similar(entry["title"], record.title)}
    if entry["interventions"] is not None:
        scored["interventions"] = same_names(entry["interventions"], [i.name for i in record.interventions])
    scored["arms"] = same_names(entry["arms"], [a.label for a in record.arms])
    summary = fold(record.brief_summary)
    scored["summary"] = (not summary if entry["summary"] is None
                         else fold(entry["summary"]) in summary[:len(entry["summary"]) + 40])
    if entry["intervention_text"]:
        text = fold(" ".join(filter(None, [record.brief_summary, record.detailed_description, record.design_description,
                                           *(a.description for a in record.arms), *(i.name for i in record.interventions),
                                           *(getattr(i, "description", None) for i in record.interventions)])))
        scored["intervention_text"] = fold(entry["intervention_text"]) in text
    return scored


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a corpus laid out as tests/data/generic-dev")
    parser.add_argument("-v", "--verbose", action="store_true", help="what was read of every page with a field wrong")
    arguments = parser.parse_args(argv)
    verbose, corpus = arguments.verbose, arguments.corpus
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    right = total = 0
    for entry in expected:
        scored = fields(entry, corpus)
        right += sum(scored.values())
        total += len(scored)
        wrong = [name for name, ok in scored.items() if not ok]
        print(f"{sum(scored.values())}/{len(scored)}  {entry['page']}" + (f"  wrong: {', '.join(wrong)}" if wrong else ""))
        if verbose and wrong:
            for result in read_path(corpus / entry["page"]):
                if isinstance(result, Exception):
                    print(f"    {result}")
                else:
                    print(f"    key={trial_key(result.identifiers, [source_registry(result)])} title={result.title!r}")
                    print(f"    interventions={[i.name for i in result.interventions]}")
                    print(f"    arms={[a.label for a in result.arms]}")
                    print(f"    summary={(result.brief_summary or '')[:120]!r}")
    print(f"fields right: {right}/{total} = {right / total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
