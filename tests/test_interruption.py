"""Interruption: a build killed mid-way (SIGKILL, while it writes) leaves the previous output
whole, and the next run completes and removes what the killed one left; two builds writing
the same output at once leave one of them, whole. For graph files (with an incremental
build's records) and for on-disk stores.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import TESTS

from kg.model.namespaces import CTK

REAL = sorted((TESTS / "data" / "ctgov-json").glob("NCT*.json"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    """The real API v2 records twice over under new NCT numbers (two halves), and one record alone."""
    root = tmp_path_factory.mktemp("corpus")
    halves = {"a": root / "a", "b": root / "b", "one": root / "one"}
    for folder in halves.values():
        folder.mkdir()
    number = 0
    for copy in range(2):
        for path in REAL:
            study = json.loads(path.read_bytes())
            number += 1
            identification = study["protocolSection"]["identificationModule"]
            identification["nctId"] = nct = f"NCT9{number:07d}"
            for joining in ("orgStudyIdInfo", "secondaryIdInfos"):  # the copies stay trials of their own
                identification.pop(joining, None)
            (halves["a" if copy % 2 else "b"] / f"{nct}.json").write_text(json.dumps(study), encoding="utf-8")
    (halves["one"] / REAL[0].name).write_bytes(REAL[0].read_bytes())
    return halves


def build(*args: str | Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", "build", *map(str, args), "--no-validate", "-s"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen) -> None:
    _, errors = process.communicate(timeout=300)
    assert process.returncode == 0, errors


def writing(process: subprocess.Popen, folder: Path, pattern: str) -> None:
    """Wait until the build writes its temporary output (``pattern`` in ``folder``)."""
    deadline = time.monotonic() + 300
    while not list(folder.glob(pattern)):
        assert process.poll() is None, "the build finished before it wrote its output"
        assert time.monotonic() < deadline
        time.sleep(0.002)


def kill_while_writing(process: subprocess.Popen, folder: Path, pattern: str) -> None:
    """SIGKILL the build as soon as its temporary output (``pattern`` in ``folder``) appears."""
    writing(process, folder, pattern)
    workers = children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "the killed build's workers live on"


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux /proc), e.g. the build's workers."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def trial_ids(statements) -> set[str]:
    trials = {s.subject for s in statements if s.predicate.value.endswith("rdf-syntax-ns#type") and s.object.value == f"{CTK}Trial"}
    return {s.object.value for s in statements if s.subject in trials and s.predicate.value == f"{CTK}trialId"}


def file_trials(path: Path) -> set[str]:
    with open(path, "rb") as stream:
        return trial_ids(list(ox.parse(stream, ox.RdfFormat.TURTLE)))


def store_trials(directory: Path) -> set[str]:
    return trial_ids(list(ox.Store.read_only(str(directory))))


def numbers(folder: Path) -> set[str]:
    return {path.stem for path in folder.glob("*.json")}


def test_a_killed_build_leaves_the_previous_graph_and_records_and_the_next_run_completes(corpus, tmp_path):
    output, records = tmp_path / "graph.ttl", tmp_path / "graph.ttl.records.jsonl"
    finished(build(corpus["one"], "-o", output, "--incremental"))
    before = output.read_bytes(), records.read_bytes()

    kill_while_writing(build(corpus["a"], "-o", output, "--incremental"), tmp_path, ".graph.ttl.*.part")
    assert (output.read_bytes(), records.read_bytes()) == before
    assert list(tmp_path.glob(".graph.ttl.*.part")), "the killed build left its temporary file"

    finished(build(corpus["a"], "-o", output, "--incremental"))
    assert file_trials(output) == numbers(corpus["a"]) | {"NCT00184067"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["graph.ttl", "graph.ttl.records.jsonl"]


def test_a_killed_store_build_leaves_the_previous_store_and_the_next_run_completes(corpus, tmp_path):
    store = tmp_path / "store"
    finished(build(corpus["one"], "--store", store))
    kill_while_writing(build(corpus["a"], "--store", store), tmp_path, ".store.*.part")
    assert store_trials(store) == {"NCT00184067"}
    finished(build(corpus["a"], "--store", store))
    assert store_trials(store) == numbers(corpus["a"])
    assert [path.name for path in tmp_path.iterdir()] == ["store"]


@pytest.mark.parametrize("target", ["-o", "--store"])
def test_two_builds_of_one_output_at_once_leave_one_of_them_whole(corpus, tmp_path, target):
    output = tmp_path / ("graph.ttl" if target == "-o" else "store")
    first, second = build(corpus["a"], target, output), build(corpus["b"], target, output)
    finished(first)
    finished(second)
    trials = file_trials(output) if target == "-o" else store_trials(output)
    assert trials in (numbers(corpus["a"]), numbers(corpus["b"]))
    assert [path.name for path in tmp_path.iterdir()] == [output.name]


def interrupt_while_writing(process: subprocess.Popen, folder: Path, pattern: str) -> str:
    """Ctrl-C (SIGINT to the build and its workers) as soon as its temporary output appears; what it said."""
    writing(process, folder, pattern)
    os.killpg(process.pid, signal.SIGINT)
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 130, "an interrupted build exits as the shell reports an interrupted command"
    return errors


@pytest.mark.parametrize("target", ["-o", "--store"])
def test_an_interrupted_build_stops_leaves_the_previous_output_and_removes_its_own(corpus, tmp_path, target):
    output = tmp_path / ("graph.ttl" if target == "-o" else "store")
    finished(build(corpus["one"], target, output))
    before = file_trials(output) if target == "-o" else store_trials(output)

    # a terminal's Ctrl-C reaches the whole process group; a shell's background job would ignore it
    interrupted = subprocess.Popen([sys.executable, "-m", "kg", "build", corpus["a"], target, output, "--no-validate", "-s"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   preexec_fn=lambda: (signal.signal(signal.SIGINT, signal.SIG_DFL), os.setpgrp()))
    errors = interrupt_while_writing(interrupted, tmp_path, f".{output.name}.*.part")
    assert "Traceback" not in errors and "Aborted." in errors
    assert (file_trials(output) if target == "-o" else store_trials(output)) == before
    assert [path.name for path in tmp_path.iterdir()] == [output.name]
