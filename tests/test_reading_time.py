"""Reading time stays bounded: documents built to make the readers backtrack or go quadratic;
and the inputs the fuzzer found that stopped a build.

Each case is a real page with one field replaced by a long run that once took seconds to minutes
(found by fuzzing and by auditing every pattern of kg/ on long runs; the commits name them).
Each must now read within the fuzzing's CPU budget (two seconds and forty per MB), and give a
record: the runs are hostile, the pages still trial pages.
"""

from __future__ import annotations

import json
import time

import pytest
from conftest import SEEDS, TESTS
from fuzzing import cpu_budget, read_as_a_build_does

from kg.errors import DocumentError
from kg.model.records import TrialRecord
from kg.read.parse.cues import title_before_contents

MEDPATH = SEEDS / "000_611aa22ea74317fe.txt"
VEEVA = SEEDS / "003_c40fa93b6f9a0a38.txt"
CLASSIC = TESTS / "data" / "pages" / "clinicaltrials.gov" / "ct2-show-NCT02229266-HINKL.txt"
EU_CTR = TESTS / "data" / "pages" / "clinicaltrialsregister.eu" / "2008-002130-30-DE.txt"
GENERIC = sorted((TESTS / "data" / "pages" / "isrctn.com").glob("*.txt"))[0]


def page(path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return (text.split("\n", 1)[1] if text.startswith("# source: ") else text).split("\n")


def after(lines: list[str], label: str, value: str, skip: int = 1) -> str:
    """The page with the line ``skip`` lines after ``label`` replaced by ``value``."""
    at = lines.index(label) + skip
    return "\n".join([*lines[:at], value, *lines[at + 1:]])


def replaced(lines: list[str], old: str, new: str) -> str:
    return "\n".join(lines).replace(old, new, 1)


CASES = {
    # kg/enrich/therapy/quantities.py: each number searched all the text before and after it (6.3 s at 45 KB).
    "cell doses in the interventions": lambda: after(page(MEDPATH), "Interventions", "3 x 10^6/kg NK cells " * 5000),
    # kg/read/parse/arms.py: one regex per word as long as the row (454 s at 45 KB).
    "doses in an arms row": lambda: after(page(MEDPATH), "GroupInterventionDescription", "3 x 10^6/kg NK cells " * 5000),
    # kg/read/parse/arms.py: the row copied for each occurrence of an intervention name (3 s at 44 KB).
    "intervention names in an arms row": lambda: after(page(MEDPATH), "GroupInterventionDescription",
                                                       "x NK cell infusions y " * 5000),
    # kg/enrich/therapy/cytokines.py: each mention looked at every other (19.5 s for 800 mentions).
    "cytokine mentions in the title": lambda: after(page(MEDPATH), "MedPath", "IL-2 " * 20_000, skip=2),
    # kg/enrich/therapy/products.py: the feeder cell name tried from every digit (0.5 s at 4 KB).
    "digits before feeder cells": lambda: after(page(MEDPATH), "Interventions", "9" * 100_000 + " feeder cells"),
    # kg/read/layouts/generic.py: a label line with a long run of spaces (minutes at 8 KB).
    "spaces in a label line": lambda: replaced(page(GENERIC), "\n", "\na" + " " * 100_000 + "x\n"),
    # kg/read/layouts/ctgov_classic.py: \s+ tried from every space of a table cell (0.35 s at 4 KB).
    "spaces in an interventions cell": lambda: replaced(page(CLASSIC), "Biological: NK cells Drug:",
                                                        "Biological: NK cells" + " " * 100_000 + "x Drug:"),
    # kg/enrich/therapy/regimens.py: \s* around drug separators (1.1 s at 4 KB).
    "spaces in a regimen's name": lambda: after(page(MEDPATH), "Interventions", "Drug: Cy" + " " * 100_000 + "x and Flu"),
    # kg/read/parse/fields.py: each age looked through all the numbers after it for its unit (0.8 s for 8,000).
    "numbers in the ages": lambda: after(page(VEEVA), "Ages", "1 " * 50_000, skip=2),
    # kg/read/parse/cues.py: the title and the stated phase searched the page once per register number (15 s for 8,000).
    "register numbers in the sponsor's list": lambda: after(page(EU_CTR), "    Sponsor's Protocol Code Number:NSCLC-TKD/IL-2",
                                                             "\n".join(f"P-{i}" for i in range(8000))),
}


@pytest.mark.parametrize("name", CASES)
def test_a_document_built_to_backtrack_reads_in_bounded_time(name):
    data = CASES[name]().encode("utf-8")
    assert len(data) > 40_000
    started = time.process_time()
    [record] = read_as_a_build_does(data, f"{name}.txt")
    assert isinstance(record, TrialRecord), record
    assert time.process_time() - started < cpu_budget(len(data))


def test_a_table_of_contents_is_found_in_time_linear_in_the_page():
    """kg/read/parse/cues.py looked for each entry of a table of contents among all the lines after it: the fuzzer's
    2 MB page of repeated lines (NCT03634501's npcf.us page, its body printed again and again) took 85.7 s of CPU.
    A page whose other lines give the title never asks; here the contents are all there is.
    """
    text = "A Study of Natural Killer Cells in Patients With Solid Tumours\n" + "Purpose\nEligibility\nTreatment Plan\n" * 2500
    started = time.process_time()
    assert title_before_contents(text) == "A Study of Natural Killer Cells in Patients With Solid Tumours"
    assert time.process_time() - started < cpu_budget(len(text)) / 10


def _study(**changes) -> str:
    study = json.loads((TESTS / "data" / "ctgov-json" / "NCT00184067.json").read_text(encoding="utf-8"))
    protocol = study["protocolSection"]
    for path, value in changes.items():
        module, field = path.split("__")
        protocol[module][field] = value
    return json.dumps(study)


#: Inputs the fuzzer found that stopped a build or wrote an ill-typed literal, and what each gives now:
#: a record that says nothing of the absurd value, or the study refused.
FOUND = {
    "a count of 5,000 digits": (lambda: after(page(MEDPATH), "Target Recruitment", "1" * 5000),
                                lambda record: record.enrollment is None),
    "an age of 400 digits": (lambda: after(page(VEEVA), "Ages", "1" * 400 + " years", skip=2),
                             lambda record: record.min_age_years is None),
    "an IL-2 dose of 400 nines": (lambda: after(page(MEDPATH), "Interventions", "Drug: IL-2 " + "9" * 400 + " IU"),
                                  lambda record: all(use.dose is None for use in record.cytokines if use.cytokine == "IL-2")),
    # The registry's WITHHELD status is not in our vocabulary (AVAILABLE, which the fuzzer found, now is).
    "a status the vocabulary lacks": (lambda: _study(statusModule__overallStatus="WITHHELD"),
                                      lambda record: record.status is None),
    "a fractional enrollment": (lambda: _study(designModule__enrollmentInfo={"count": 1.75}), None),
    "an nctId that is a number": (lambda: _study(identificationModule__nctId=300), None),
}


@pytest.mark.parametrize("name", FOUND)
def test_inputs_the_fuzzer_found(name):
    build_document, check = FOUND[name]
    [result] = read_as_a_build_does(build_document().encode("utf-8"), "found.txt")
    if check is None:
        assert isinstance(result, DocumentError) and "registry's shape" in result.problem
    else:
        assert isinstance(result, TrialRecord) and check(result)


def test_the_therapy_reading_compiles_no_pattern_made_of_a_studys_words(monkeypatch):
    """A pattern built from a study's own words (its intervention names) misses the regex cache and is compiled again
    for every study: half again of the therapy reading's time, which runs on every registry record. Module-level
    patterns are compiled once; reading 600 real studies may look up only a handful of patterns by their text.
    """
    import copy
    import re

    from kg.enrich.therapy import describe_therapy
    from kg.read import read_path

    studies = [TESTS / "data" / "ctgov-negative" / "studies.zip", *sorted((TESTS / "data" / "ctgov-json").glob("*.json"))]
    records = [r for path in studies for r in read_path(path) if isinstance(r, TrialRecord)]
    compiled: set[tuple[object, int]] = set()
    compile_once = re._compile

    def counted(pattern, flags):
        compiled.add((getattr(pattern, "pattern", pattern), flags))
        return compile_once(pattern, flags)

    monkeypatch.setattr(re, "_compile", counted)
    for record in records:
        describe_therapy(copy.copy(record))
    assert len(records) > 600
    assert len(compiled) <= 12, sorted(str(p)[:80] for p, _ in compiled)


def test_a_name_said_to_be_something_is_found_as_one_pattern_of_the_names_would_find_it():
    import re

    from kg.enrich.therapy.products import _subjects

    names = ["FT538", "Daratumumab", "NK cells", "NK"]
    one_pattern = re.compile(rf"(?<![\w-])(?P<name>{'|'.join(map(re.escape, names))})\s+(?:is|are)\s(?P<what>[^.;]*)")
    for text in ("FT538 is an off the shelf product comprised of allogeneic natural killer (NK)-cell immunotherapy "
                 "lacking CD38 and expressing hnCD16 and IL-15RF. Daratumumab is a monoclonal antibody",
                 "The NK cells are expanded ex vivo; NK are given on day 0. pre-FT538 is not a name",
                 "FT538 is given as FT538 is; Daratumumab  are"):
        assert list(_subjects(text, names)) == [(m["name"], m["what"]) for m in one_pattern.finditer(text)]
