"""The command line's options: each declared once, their choices taken from the tables that define them."""

from __future__ import annotations

import pytest

from kg.build.streaming import FORMATS
from kg.cli import cli
from kg.graphs.files import EXPORT_FORMATS
from kg.query.output import OUTPUT_FORMATS
from kg.query.targets import run_stored
from kg.validation.engines import ENGINES, REPORT_FORMATS, validate


def _option(command: str, name: str):
    return next(param for param in cli.commands[command].params if name in param.opts)


@pytest.mark.parametrize(("command", "table"), [("build", FORMATS), ("export", EXPORT_FORMATS),
                                                ("query", OUTPUT_FORMATS), ("validate", REPORT_FORMATS)])
def test_format_choices_are_the_formats_the_code_writes(command, table):
    assert list(_option(command, "--format").type.choices) == list(table)


def test_engine_choices_and_help_come_from_the_engines_table():
    engine = _option("validate", "--engine")
    assert list(engine.type.choices) == list(ENGINES)
    assert all(f"{name}: {summary}" in engine.help for name, summary in ENGINES.items())


def test_an_option_shared_by_commands_means_the_same_everywhere():
    for name in ("--store", "--workers", "--timeout", "--retries", "--data"):
        declared = [(command, _option(command, name)) for command in cli.commands
                    if any(name in param.opts for param in cli.commands[command].params)]
        assert len(declared) >= 2, name
        assert len({(type(option.type), option.multiple, option.opts[0]) for _, option in declared}) == 1, name


def test_a_query_runs_on_a_graph_file_or_a_store_with_the_same_rows(seed_graph, tmp_path):
    from kg.graphs.files import dataset_statements
    from kg.graphs.store import fill_store

    fill_store(tmp_path / "store", dataset_statements([seed_graph]))
    stored, on_file = run_stored("identifiers", {}, data=[seed_graph])
    _, on_store = run_stored("identifiers", {}, store=tmp_path / "store")
    assert stored.name == "identifiers" and on_file.columns == on_store.columns
    assert sorted(map(tuple, on_file.rows), key=str) == sorted(map(tuple, on_store.rows), key=str)


def test_the_seed_graph_validates_the_same_by_both_engines(seed_graph):
    assert validate([seed_graph], engine="sparql").conforms and validate([seed_graph], engine="pyshacl").conforms


def test_the_limits_kg_build_shows_are_the_limits_a_build_applies_by_default():
    from kg.read.limits import Limits, parse_size

    defaults = Limits()
    assert parse_size(_option("build", "--max-document-size").default) == defaults.document_bytes
    assert _option("build", "--max-compression-ratio").default == defaults.compression_ratio
    assert _option("build", "--max-json-depth").default == defaults.json_depth
