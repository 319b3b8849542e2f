"""How a document finds its reader: one declared interface, one dispatch for the build and
``--explain``, and a reader's bug told apart from a fault of the document.
"""

from __future__ import annotations

import json
import zipfile

import pytest
from conftest import SEEDS, TESTS, run_kg

from kg.errors import DocumentError, ReaderBug
from kg.read import LAYOUTS, READERS, Reader, dispatch, read_bytes, read_text

PAGES = TESTS / "data" / "pages"
#: One real document of each layout.
EXAMPLES = {
    "medpath": SEEDS / "000_611aa22ea74317fe.txt",
    "medpath_bullets": SEEDS / "001_15efe548cf533e3f.txt",
    "veeva": SEEDS / "003_c40fa93b6f9a0a38.txt",
    "ctgov_mirror": SEEDS / "004_5a4c1896c7211adb.txt",
    "ctgov_classic": PAGES / "clinicaltrials.gov" / "ct2-show-NCT02229266-HINKL.txt",
    "eu_ctr": PAGES / "clinicaltrialsregister.eu" / "2008-002130-30-DE.txt",
    "who_ictrp": PAGES / "apps.who.int" / "ChiCTR2000030329.txt",
    "jrct": TESTS / "data" / "jrct" / "jrct.niph.go.jp" / "jRCTb030230603-autologous-adipose-derived-msc-knee-osteoarthritis.txt",
    "generic": PAGES / "anzctr.org.au" / "ACTRN12610000068066-id335014.txt",
    "ctgov_api_v2": TESTS / "data" / "ctgov-json" / "NCT00184067.json",
}


def test_every_layout_has_an_example():
    assert set(EXAMPLES) == set(LAYOUTS)


@pytest.mark.parametrize("layout", READERS)
def test_every_page_reader_declares_the_reader_interface(layout):
    assert isinstance(READERS[layout], Reader)


@pytest.mark.parametrize("layout", EXAMPLES)
def test_each_example_is_dispatched_to_its_layout_with_a_reason(layout):
    chosen = dispatch(EXAMPLES[layout].read_bytes(), EXAMPLES[layout].name)
    assert chosen.layout == layout
    assert chosen.reason


@pytest.mark.parametrize("layout", READERS)
def test_every_reader_outlines_its_example(layout):
    chosen = dispatch(EXAMPLES[layout].read_bytes(), EXAMPLES[layout].name)
    outline = READERS[layout].outline(chosen.text)
    assert outline.sections, f"{layout} found no section on {EXAMPLES[layout].name}"


def test_explain_answers_on_every_layout_and_on_an_archive(tmp_path):
    archive = tmp_path / "studies.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(EXAMPLES["ctgov_api_v2"], "NCT00184067.json")
    result = run_kg("build", "--explain", *EXAMPLES.values(), archive)
    assert result.returncode == 0, result.stderr
    for layout, path in EXAMPLES.items():
        assert f"{path}:\n  reader: {layout} (" in result.stdout, result.stdout
    assert "reader: a zip archive" in result.stdout
    assert result.stdout.count("  record: NCT00184067 (NCT)") == 2


def test_explain_says_why_no_reader_takes_a_document(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping list: milk, eggs.\n", encoding="utf-8")
    result = run_kg("build", "--explain", notes)
    assert "reader: none takes it (unknown layout" in result.stdout, result.stdout


def test_a_readers_bug_is_raised_as_a_bug_naming_the_document(monkeypatch):
    def broken(text, source):
        return {}["arms"]  # what a reader's slip looks like: a KeyError, no fault of the page

    monkeypatch.setattr(READERS["medpath"], "read", broken)
    with pytest.raises(ReaderBug, match=r"000_611aa22ea74317fe.txt: a bug in kg's medpath reader \(KeyError\('arms'\)\)"):
        read_text(EXAMPLES["medpath"].read_bytes(), EXAMPLES["medpath"].name)


def test_a_registry_readers_bug_is_not_passed_off_as_a_fault_of_the_study(monkeypatch):
    from kg.read.layouts import ctgov_json

    def broken(study, source):
        return study.name  # AttributeError: the reader's own mistake

    monkeypatch.setattr(ctgov_json, "read_study", broken)
    # given back in place of the study, as a document's fault is, so that a build names it and goes on
    [bug] = read_bytes(EXAMPLES["ctgov_api_v2"].read_bytes(), "NCT00184067.json")
    assert isinstance(bug, ReaderBug)
    assert str(bug).startswith("NCT00184067.json: a bug in kg's ctgov_api_v2 reader")


@pytest.mark.parametrize(("module", "field", "value", "said"), [
    ("sponsorCollaboratorsModule", "collaborators", ["Children's Oncology Group"], "collaborators holds a str, not an object"),
    ("conditionsModule", "conditions", "Leukemia", "conditions is a str, not list"),
    ("eligibilityModule", "minimumAge", 18, "minimumAge is a int, not str"),
    ("contactsLocationsModule", "locations", [{"facility": "St. Jude", "geoPoint": {"lat": 999, "lon": 0}}],
     "lat 999 is not a coordinate"),
])
def test_a_registry_value_of_the_wrong_form_is_a_fault_of_the_study_naming_the_field(module, field, value, said):
    study = json.loads(EXAMPLES["ctgov_api_v2"].read_text(encoding="utf-8"))
    study["protocolSection"].setdefault(module, {})[field] = value
    [result] = read_bytes(json.dumps(study).encode(), "changed.json")
    assert isinstance(result, DocumentError)
    assert result.problem.startswith("a study whose fields do not have the registry's shape: ")
    assert said in result.problem
