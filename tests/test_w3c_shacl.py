"""The default engine on the W3C SHACL core test suite, through `kg validate DATA --shapes SHAPES`: right or refusing.

tests/w3c_shacl.py runs each of the suite's 98 tests as a user would and judges the report;
here no test may get a wrong report or crash, a refusal must name the SHACL feature, and at
least 80 % must be right (the figures are in tests/w3c-shacl/README.md).
"""

from __future__ import annotations

import pytest
from w3c_shacl import entries, run_all, table


@pytest.fixture(scope="module")
def outcomes():
    return run_all("sparql")


def test_the_suite_is_there() -> None:
    found = entries()
    assert len(found) == 98, len(found)
    assert all(entry.data.exists() and entry.shapes.exists() for entry in found)


def test_default_engine_is_right_or_refuses(outcomes) -> None:
    """0 wrong, 0 crashed: a shape the engine does not compile is refused (exit 2), never judged wrongly."""
    bad = [f"{o.verdict} {o.entry.name}: {o.detail}" for o in outcomes if o.verdict in ("wrong", "crashed")]
    assert not bad, "\n".join(bad) + "\n" + table(outcomes)


def test_a_refusal_names_the_feature(outcomes) -> None:
    for outcome in outcomes:
        if outcome.verdict == "refused":
            assert "sh:" in outcome.detail and outcome.detail.startswith("Error: "), outcome.detail


def test_default_engine_gets_most_of_the_suite_right(outcomes) -> None:
    correct = sum(o.verdict == "correct" for o in outcomes)
    assert correct >= 0.8 * len(outcomes), table(outcomes)
