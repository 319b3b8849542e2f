"""The package as a user installs it: a wheel (not editable) in a fresh virtual environment builds the seed graph
with the ontology, shapes and stored queries it carries. Slow (it installs the dependencies): run with -m slow.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SEEDS

pytestmark = pytest.mark.slow


def test_an_installed_wheel_builds_the_seed_graph_with_its_own_data_folders(tmp_path: Path, seed_graph: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([venv / "bin" / "pip", "install", "-q", REPO], check=True, capture_output=True, timeout=900)
    elsewhere = tmp_path / "elsewhere"  # not the checkout: the data folders must come from the installed package
    elsewhere.mkdir()
    build = subprocess.run([venv / "bin" / "kg", "build", SEEDS, "-o", "x.ttl", "--show", "trials"], cwd=elsewhere,
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    assert "conforms to the shapes: yes" in build.stdout and "NCT05272293" in build.stdout
    assert (elsewhere / "x.ttl").read_bytes() == seed_graph.read_bytes()  # the graph the checkout builds
    where = subprocess.run([venv / "bin" / "python", "-c", "from kg.resources import ontology_file, queries_dir; "
                            "print(ontology_file('shapes.ttl')); print(queries_dir())"],
                           cwd=elsewhere, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(path).is_relative_to(venv) and Path(path).exists() for path in where), where
