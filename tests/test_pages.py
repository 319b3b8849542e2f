"""Real trial pages of 24 sites (tests/data/pages, each with its address and the values it
states): the generic reader never puts a page under another trial's number, never reads a
trial from a page without a register number, and its per-site tally is printed.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from conftest import TESTS

from kg.errors import DocumentError
from kg.identifiers import trial_key
from kg.readers import read_bytes

PAGES = TESTS / "data" / "pages"
CASES = sorted(PAGES.glob("*/*.expected.json"))


def read_page(expected_path: Path):
    page = expected_path.with_name(expected_path.name.replace(".expected.json", ".txt"))
    text = page.read_bytes()
    assert text.startswith(b"# source: "), f"{page} does not open with its address"
    return list(read_bytes(text.split(b"\n", 1)[1], page.name))[0], json.loads(expected_path.read_text(encoding="utf-8"))


def test_the_page_folder_covers_many_sites():
    assert len(CASES) >= 30 and len({case.parent.name for case in CASES}) >= 8


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name.removesuffix('.expected.json')}")
def test_a_page_is_never_read_as_another_trial(case):
    record, expected = read_page(case)
    if isinstance(record, DocumentError):
        return  # refusing is allowed; inventing is not
    assert expected["trial_id"] is not None, f"read a trial from a page that shows no register number: {record.identifiers}"
    assert trial_key(record.identifiers) == expected["trial_id"]


def test_per_site_tally(capsys):
    """Prints, per site, how many of the facts each page states the readers get right."""
    tally: dict[str, Counter] = defaultdict(Counter)
    for case in CASES:
        record, expected = read_page(case)
        counts = tally[case.parent.name]
        counts["pages"] += 1
        if isinstance(record, DocumentError):
            counts["refused"] += 1
            continue
        checks = {
            "title": record.title == expected["title"],
            "status": record.status == expected["status"],
            "phase": sorted(record.phases) == sorted(expected["phase"] or []),
            "conditions": [c.lower() for c in record.conditions] == [c.lower() for c in expected["conditions"] or []],
            "outcomes": [o.measure.lower() for o in record.outcomes] == [o.lower() for o in expected["outcomes"] or []],
        }
        counts.update(name for name, ok in checks.items() if ok)
    with capsys.disabled():
        print("\nsite                        pages refused title status phase conditions outcomes")
        for site, counts in sorted(tally.items()):
            print(f"{site:28} {counts['pages']:5} {counts['refused']:7} {counts['title']:5} {counts['status']:6} "
                  f"{counts['phase']:5} {counts['conditions']:10} {counts['outcomes']:8}")
    assert sum(counts["pages"] for counts in tally.values()) == len(CASES)
