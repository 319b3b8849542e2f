"""Fuzzing every reader with real documents broken every way scraped pages and bulk files break
(tests/mutations.py): no document makes a reader raise anything but a DocumentError naming it,
none takes unbounded time, and every record read survives the build.

The default run tries 700 documents (and archives) in about 25 s; ``pytest -m slow tests/test_fuzz_readers.py``
runs 100,000 (KG_FUZZ_EXAMPLES sets another number).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import pytest
from fuzzing import read_as_a_build_does, read_path_as_a_build_does
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import JSON_DOCUMENTS, PAGES, any_document, broken_archives, broken_json, broken_pages, raw_bytes

from kg.errors import DocumentError
from kg.model.records import TrialRecord

JSON_BYTES = [(name, json.dumps(study).encode()) for name, study in JSON_DOCUMENTS]
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
_QUICK = settings(deadline=None, suppress_health_check=_HEALTH, max_examples=300)


def test_the_real_documents_read_as_the_build_does():
    """The starting points of the fuzzing: every real document gives records or a named refusal."""
    results = [item for name, data in PAGES + JSON_BYTES for item in read_as_a_build_does(data, name)]
    assert sum(isinstance(item, TrialRecord) for item in results) >= 30 + len(JSON_BYTES)
    assert all(isinstance(item, TrialRecord | DocumentError) for item in results)


@settings(_QUICK, max_examples=150)  # pages are the slowest to read: up to a MB of repeated sections
@given(broken_pages())
def test_broken_pages(document):
    read_as_a_build_does(document[1], document[0])


@settings(_QUICK, max_examples=200)
@given(broken_json())
def test_broken_json(document):
    read_as_a_build_does(document[1], document[0])


@_QUICK
@given(raw_bytes())
def test_raw_bytes(document):
    read_as_a_build_does(document[1], document[0])


@settings(_QUICK, max_examples=50)
@given(broken_archives())
def test_broken_archives(archive):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "bulk.zip").write_bytes(archive)
        read_path_as_a_build_does(Path(folder) / "bulk.zip")


_TRIED = [0]


@pytest.mark.slow
@settings(deadline=None, suppress_health_check=_HEALTH, max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", 100_000)))
@given(st.one_of(any_document(), broken_archives().map(lambda archive: ("bulk.zip", archive))))
def test_many_broken_documents(document):
    _TRIED[0] += 1
    if _TRIED[0] % 5000 == 0:  # a long run says how far it is (pytest -s shows it)
        print(f"{_TRIED[0]:,} documents fuzzed", file=sys.stderr, flush=True)
    name, data = document
    if name != "bulk.zip":
        read_as_a_build_does(data, name)
        return
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(data)
        read_path_as_a_build_does(Path(folder) / name)
