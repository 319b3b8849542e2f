"""Eligibility as data: the limits criteria state, read from their real wording, and the trials a
patient's values let them enter.
"""

from __future__ import annotations

import csv
import io

import pytest
from conftest import TESTS, run_kg

from kg.enrich.eligibility import QUANTITIES, criterion_thresholds
from kg.model.records import Criterion
from kg.model.vocab import scheme

#: Criteria as real registry records word them (trial in the comment), and the limits each states.
REAL_WORDING = [
    # NCT03475563
    ("Age over 18 years.", [("AGE", ">", 18.0, "a")]),
    # NCT02576665
    ("Patient is between 18 and 75 years of age, inclusive.", [("AGE", ">=", 18.0, "a"), ("AGE", "<=", 75.0, "a")]),
    # NCT02210780
    ("Male or female adults ages 18 to 64 years with Chronic AD", [("AGE", ">=", 18.0, "a"), ("AGE", "<=", 64.0, "a")]),
    # NCT05594173
    ("Healthy adults under age 60", [("AGE", "<", 60.0, "a")]),
    # NCT04207047
    ("Male or female, age 18 years and older.", [("AGE", ">=", 18.0, "a")]),
    # NCT03934567
    ("Eastern Cooperative Oncology Group (ECOG) performance status of 0 to 2", [("ECOG", "<=", 2.0, None)]),
    # NCT06388018
    ("Patients' Eastern Cooperative Group (ECOG) performance status must be 0, 1, or 2", [("ECOG", "<=", 2.0, None)]),
    # NCT02576665: two alternatives (solid tumours or recurrent high-grade glioma)
    ("Patient has an ECOG Performance Status score of 0 or 1 (solid tumors) or KPS score ≥ 70 (rHGG).",
     [("ECOG", "<=", 1.0, None), ("KARNOFSKY", ">=", 70.0, None)]),
    # NCT04431453
    ("Alanine Aminotransferase (ALT) or aspartate aminotransferase (AST) > 5 X upper limit of normal (ULN).",
     [("ALT", ">", 5.0, "ULN"), ("AST", ">", 5.0, "ULN")]),
    # NCT00184067
    ("Serum creatinine of 2.0 mg/dl or less, total bilirubin of 2.0 mg/dl or less and SGOT/SGPT of 2.5 X institutional norm or less.",
     [("CREATININE", "<=", 2.0, "mg/dL"), ("BILIRUBIN", "<=", 2.0, "mg/dL"), ("AST", "<=", 2.5, "ULN"), ("ALT", "<=", 2.5, "ULN")]),
    # NCT00184067
    ("Total whte blood cell (WBC) of 3,000 or more with at least 1500 granulocytes, hemoglobin of 9.0 gm/dl or more, and platelet "
     "count of 100,000 per cu mm or more.",
     [("ANC", ">=", 1500.0, None), ("HEMOGLOBIN", ">=", 9.0, "g/dL"), ("PLATELETS", ">=", 100000.0, "/mm3")]),
    # NCT02576665
    ("Bone marrow: hemoglobin ≥ 10 g/dL, platelet count ≥ 100,000/mm3, absolute neutrophil count ≥ 1,500/ mm3, absolute "
     "lymphocyte count ≥ 500/ mm3.",
     [("HEMOGLOBIN", ">=", 10.0, "g/dL"), ("PLATELETS", ">=", 100000.0, "/mm3"), ("ANC", ">=", 1500.0, "/mm3")]),
    # NCT06641648
    ("Adequate organ function: A. Liver function: ALT≤3×ULN, AST≤3×ULN, total bilirubin≤2×ULN;",
     [("ALT", "<=", 3.0, "ULN"), ("AST", "<=", 3.0, "ULN"), ("BILIRUBIN", "<=", 2.0, "ULN")]),
    # NCT05333705
    ("Patients with normal heart function (ejection fraction ≥ 50%), normal liver function(ALT and AST ≤ 2.5 times the upper limit "
     "of normal value, bilirubin ≤ 2 times the upper limit of normal value)",
     [("LVEF", ">=", 50.0, "%"), ("ALT", "<=", 2.5, "ULN"), ("AST", "<=", 2.5, "ULN"), ("BILIRUBIN", "<=", 2.0, "ULN")]),
    # NCT04431453: a limit with an age condition; the condition ("≥ 1 year of age") states no age limit
    ("Estimated glomerular filtration rate (eGFR) < 30 mL/min/1.73m^2 using Schwartz formula for individuals ≥ 1 year of age.",
     [("CREATININE_CLEARANCE", "<", 30.0, "mL/min/{1.73_m2}")]),
    # Text that states no limit stays text.
    ("Life expectancy > 3 months", []),
    ("Weight must be stable within 5% for 3 months prior to initiation visit", []),
    ("Patients who have received systemic steroids for more than 28 days during the 6 months prior to the study", []),
]


@pytest.mark.parametrize(("text", "expected"), REAL_WORDING, ids=[text[:40] for text, _ in REAL_WORDING])
def test_a_criterion_is_read_as_the_limits_it_states(text, expected):
    found = [(t.quantity, t.comparator, t.value, t.unit) for t in criterion_thresholds(Criterion("INCLUSION", text))]
    assert found == expected


def test_limits_joined_by_or_are_alternatives_and_scaled_units_are_normalised():
    either = Criterion("INCLUSION", "Serum creatinine ≤ 1.5 mg/dL or creatinine clearance ≥ 60 mL/min")
    creatinine, clearance = criterion_thresholds(either)
    assert (creatinine.alternative, clearance.alternative) == (0, 1)
    [anc] = criterion_thresholds(Criterion("INCLUSION", "ANC ≥ 1.5 x 10^9/L"))
    assert (anc.value, anc.unit, anc.normalized_value, anc.normalized_unit) == (1.5, "10*9/L", 1500.0, "/uL")


def test_the_quantities_read_are_the_vocabulary_of_the_graph():
    assert set(QUANTITIES) == set(scheme("eligibility-quantity").tokens)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    output = tmp_path_factory.mktemp("eligibility") / "graph.ttl"
    records = sorted((TESTS / "data" / "ctgov-json").glob("*.json"))
    assert run_kg("build", *records, "-o", output, "-q", "--no-validate").returncode == 0
    return output


def patients_trials(graph, *values: str) -> dict[str, dict[str, str]]:
    result = run_kg("query", "trials_for_patient", "--data", graph, "--format", "csv", *[a for v in values for a in ("--param", v)])
    assert result.returncode == 0, result.stderr
    return {row["trial_id"]: row for row in csv.DictReader(io.StringIO(result.stdout))}


def test_a_patient_is_offered_the_trials_whose_limits_they_meet(graph):
    # NCT00184067 asks for serum creatinine of 2.0 mg/dl or less.
    fit = patients_trials(graph, "age=67", "ecog=1", "creatinine_mg_dl=1.6")
    assert "CREATININE <= 2 mg/dL" in fit["NCT00184067"]["met"].split("|")
    assert "ALT <= 2.5 ULN" in fit["NCT00184067"]["unknown"].split("|")
    assert "NCT00184067" not in patients_trials(graph, "age=67", "ecog=1", "creatinine_mg_dl=2.5")


def test_an_age_outside_the_range_and_an_exclusion_that_holds_keep_a_patient_out(graph):
    assert "NCT02576665" in patients_trials(graph, "age=60")  # between 18 and 75 years of age
    assert "NCT02576665" not in patients_trials(graph, "age=80")
    # NCT04431453 excludes ALT or AST > 5 x ULN.
    rows = run_kg("query", "eligibility_thresholds", "--data", graph, "--param", "trial_id=NCT04431453", "--format", "csv").stdout
    assert "EXCLUSION,,ALT,>,5" in rows
    assert "NCT04431453" not in patients_trials(graph, "alt_uln=6")
