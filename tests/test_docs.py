"""The README cannot drift from the code: every command and stored query it should name, it names."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, run_kg

from kg.cli import cli
from kg.query.catalogue import catalogue

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_and_appears_in_the_readme(command):
    assert cli.commands[command].help, f"kg {command} has no help text"
    assert f"kg {command}" in README, f"the README never shows `kg {command}`"


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_stored_query_is_listed_in_the_readme(name):
    assert f"| `{name}` |" in README, f"queries/{name}.rq is missing from the README's query table"


def test_the_readme_test_command_is_what_ci_runs():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert f"$ {ci}" in README


def test_help_lists_the_commands():
    result = run_kg("--help")
    assert result.returncode == 0
    for command in cli.commands:
        assert re.search(rf"^\s+{command}\b", result.stdout, re.MULTILINE)
