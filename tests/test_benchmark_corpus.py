"""The benchmark's corpus: the same studies every time, and read as the registry's own."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.enrich import enriched
from kg.read import read_path

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from corpus import studies, write_corpus  # noqa: E402


def test_the_corpus_is_the_same_for_the_same_seed_and_grows_by_appending(tmp_path):
    first, second = write_corpus(30, tmp_path / "a.zip"), write_corpus(30, tmp_path / "b.zip")
    assert first.read_bytes() == second.read_bytes()
    assert list(studies(10)) == list(studies(30))[:10]
    assert list(studies(10, seed=1)) != list(studies(10))


def test_every_study_of_the_corpus_is_read_as_a_trial_of_its_own(tmp_path):
    records = list(enriched(read_path(write_corpus(30, tmp_path / "ctg-studies.json.zip"))))
    assert all(not isinstance(record, Exception) for record in records), records
    numbers = {i.value for record in records for i in record.identifiers if i.scheme == "NCT"}
    assert len(numbers) == len(records) == 30
    # (studies mixed from several real ones: only those whose title or interventions give cells have therapy facts)
    assert sum(bool(record.cell_products or record.cytokines or record.regimens) for record in records) >= 3


def test_json_lines_give_the_same_studies(tmp_path):
    lines = list(read_path(write_corpus(5, tmp_path / "studies.jsonl", format="jsonl")))
    assert [r.title for r in lines] == [s["protocolSection"]["identificationModule"]["briefTitle"] for s in studies(5)]


def test_sponsors_conditions_and_sites_are_as_varied_as_in_the_registry_sample():
    import corpus

    for kind, share in corpus.NEW_NAME_SHARE.items():
        assert abs(corpus._first_mentions(kind) - share) < 0.005, kind
    made = [study["protocolSection"] for study in studies(2000)]
    for kind, share in corpus.NEW_NAME_SHARE.items():
        names = [repr(corpus._name(kind, m)) for protocol in made for m in corpus._mentions(protocol, kind)]
        assert abs(len(set(names)) / len(names) - share) < 0.03, kind


def test_one_study_in_thousands_has_thousands_of_sites():
    import corpus

    sizes = [len(study["protocolSection"]["contactsLocationsModule"]["locations"]) for study in studies(20000)]
    huge = [size for size in sizes if size >= 1000]
    assert 1 <= len(huge) <= 12 and max(sizes) <= 3000
    assert sorted(sizes)[len(sizes) // 2] == sorted(corpus._site_counts())[len(corpus._site_counts()) // 2]
