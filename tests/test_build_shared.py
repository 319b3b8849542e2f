"""The statements about shared things (sites, organisations, conditions, trials named by others)
are written once each: the build remembers a thing by its subject, and reads back what it wrote
of a thing only when a record says something else of it.
"""

from __future__ import annotations

import builtins
import copy
import json
import pickle
from pathlib import Path

import kg.build.pipeline
from kg.build.pipeline import Mapped, map_chunk, once
from kg.enrich import enrich
from kg.model.records import TrialRecord
from kg.rdf import iris
from kg.rdf.mapping import shared_triples
from kg.read import read_bytes

RECORDS = Path(__file__).resolve().parent / "data" / "ctgov-json"


def _record(study: dict, name: str) -> TrialRecord:
    (record,) = read_bytes(json.dumps(study).encode("utf-8"), name)
    assert isinstance(record, TrialRecord)
    return enrich(record)


def _studies() -> list[tuple[dict, str]]:
    """Real registry records, and variants of one as another snapshot of the registry gives it."""
    original = json.loads((RECORDS / "NCT04431453.json").read_text(encoding="utf-8"))
    no_coordinates = copy.deepcopy(original)  # the registry geocodes sites some time after they are listed
    for location in no_coordinates["protocolSection"]["contactsLocationsModule"]["locations"]:
        location.pop("geoPoint", None)
    studies = [(json.loads(path.read_text(encoding="utf-8")), path.name) for path in sorted(RECORDS.glob("*.json"))]
    return [(no_coordinates, "early.json"), *studies, (original, "again.json"), (no_coordinates, "early-again.json")]


def _every_statement_once(mapped: list[Mapped]) -> list[tuple[bytes, int]]:
    """What :func:`once` gives, the plain way: every statement written remembered (each chunk's text, then its
    statements about shared things not written before).
    """
    seen: set[bytes] = set()
    out = []
    for text, shared, count, *_ in mapped:
        new = [line for line in shared.splitlines(keepends=True) if line not in seen]
        seen.update(new)
        out += [(text, count), (b"".join(new), len(new))]
    return out


def _mapped(studies: list[tuple[dict, str]] | None = None) -> list[Mapped]:
    chunks = []
    for study, name in _studies() if studies is None else studies:
        record = _record(study, name)
        key = record.identifiers[0].value
        chunks.append(map_chunk([(pickle.dumps(record), key, (), True)], dataset=False))
    return chunks


def test_two_records_can_say_different_things_of_one_site():
    """Why :func:`once` cannot take a thing's statements from its first record alone: the same site
    (one IRI: name, city and country) has coordinates in one snapshot of a record and none in another.
    """
    (early, _), *_, (original, _), _ = _studies()
    with_coordinates, without = _record(original, "a.json"), _record(early, "b.json")
    site = f"<{iris.site(with_coordinates.sites[0])}>"
    assert iris.site(with_coordinates.sites[0]) == iris.site(without.sites[0])
    said = [{line for line in shared_triples(record, "NCT04431453") if line.startswith(site)}
            for record in (with_coordinates, without)]
    assert said[1] < said[0] and any("latitude" in line for line in said[0] - said[1])


def test_each_statement_about_a_shared_thing_is_written_once_in_the_order_first_made():
    mapped = _mapped()
    assert list(once(mapped)) == _every_statement_once(mapped)
    written = b"".join(new for new, _ in list(once(mapped))[1::2]).splitlines()
    assert len(written) == len(set(written)) == len(set(b"".join(chunk.shared for chunk in mapped).splitlines()))


def test_things_whose_subjects_share_a_hash_lose_no_statement(monkeypatch):
    """The entry of a thing is found by the subject's hash(), which two subjects may share."""
    studies = _studies()
    mapped = _mapped([*studies[:4], *studies[-2:]])
    monkeypatch.setattr(kg.build.pipeline, "hash", lambda subject: builtins.hash(subject) % 64, raising=False)
    assert list(once(mapped)) == _every_statement_once(mapped)


def test_a_chunk_sent_without_its_grouping_gives_the_same():
    """The workers group a chunk's statements about shared things by subject (:class:`kg.build.pipeline.Grouped`);
    a chunk without that grouping is grouped by :func:`once` itself, to the same statements in the same order.
    """
    mapped = _mapped()
    assert all(chunk.grouped is not None for chunk in mapped)
    assert list(once([Mapped(chunk.text, chunk.shared, chunk.count) for chunk in mapped])) == list(once(mapped))


def test_statements_made_up_at_random_are_written_once_in_order(monkeypatch):
    """Chunks of statements about a few things, each chunk saying some of what the others say of them, with the
    spill written every few statements and subjects sharing hashes: what a set of every statement gives.
    """
    import random

    pick = random.Random(22)
    mapped = []
    for _ in range(40):
        lines = {f"<s{pick.randrange(12)}> <p{pick.randrange(3)}> \"{pick.randrange(4)}\" .\n".encode()
                 for _ in range(pick.randrange(0, 30))}
        shared = b"".join(sorted(lines, key=lambda _: pick.random()))
        mapped.append(Mapped(b"", shared, 0, kg.build.pipeline.grouped(shared) if pick.random() < 0.8 else None))
    monkeypatch.setattr(kg.build.pipeline, "_SPILL_BATCH", 100)
    assert list(once(mapped)) == _every_statement_once(mapped)
    monkeypatch.setattr(kg.build.pipeline, "hash", lambda subject: builtins.hash(subject) % 3, raising=False)
    assert list(once(mapped)) == _every_statement_once(mapped)
