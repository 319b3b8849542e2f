"""The package's modules: no module binds one name twice at its top level.

Two branches merged on 2026-12-07 each added a pattern named ``_TOTAL_TIMES`` to kg/enrich/therapy/schedules.py; the
later assignment hid the earlier and "three times a week, a total of 6 times" lost its count with no error anywhere.
Ruff reports a function or an import defined twice, not an assignment.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kg"


def _top_level_names(tree: ast.Module) -> Counter[str]:
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


@pytest.mark.parametrize("module", sorted(PACKAGE.rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_binds_a_name_twice(module: Path) -> None:
    names = _top_level_names(ast.parse(module.read_text(encoding="utf-8")))
    assert [name for name, count in names.items() if count > 1] == []


def test_a_name_bound_twice_is_found() -> None:
    assert _top_level_names(ast.parse("_P = 1\ndef f(): pass\n_P = 2\n"))["_P"] == 2
