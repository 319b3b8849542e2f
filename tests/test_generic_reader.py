"""The generic reader: a trial page from a site we have no reader for is read from the labels
trial sites use and the register numbers it shows, and --explain says how.
"""

from __future__ import annotations

import pytest
from conftest import SEEDS, run_kg

from kg.errors import DocumentError
from kg.readers import read_text

REGISTRY_PAGE = """Natural Killer Cells After Haploidentical Transplantation
Public title: Natural Killer Cells After Haploidentical Transplantation
Trial ID: ISRCTN12345678
Secondary identifying numbers: NKHAPLO-01
Recruitment status: Completed
Phase: Phase II
Health condition(s) or problem(s) studied: Acute myeloid leukaemia; Myelodysplastic syndrome
Primary sponsor: Example University Hospital
Target sample size: 40
Gender: Both
Inclusion criteria
1. Aged 18 to 70 years
2. AML in first remission
Exclusion criteria
1. Active infection
Primary outcome measure
Relapse-free survival
Time frame: 2 years
Secondary outcome measures
Overall survival at 1 year
"""


def test_a_labelled_page_of_another_site_is_read_from_its_labels():
    record = read_text(REGISTRY_PAGE.encode(), "isrctn.txt")
    assert record.source.layout == "generic"
    assert [(i.value, i.scheme) for i in record.identifiers] == [("ISRCTN12345678", "ISRCTN"), ("NKHAPLO-01", "ORG")]
    assert record.title == "Natural Killer Cells After Haploidentical Transplantation"
    assert (record.status, record.phases, record.enrollment, record.sex) == ("COMPLETED", ["PHASE2"], 40, "ALL")
    assert record.conditions == ["Acute myeloid leukaemia", "Myelodysplastic syndrome"]
    assert [s.name for s in record.sponsors] == ["Example University Hospital"]
    assert [(c.kind, c.text) for c in record.criteria] == [
        ("INCLUSION", "Aged 18 to 70 years"), ("INCLUSION", "AML in first remission"), ("EXCLUSION", "Active infection")]
    assert (record.min_age_years, record.max_age_years) == (18.0, 70.0)
    assert [(o.kind, o.measure, o.time_frame) for o in record.outcomes] == [
        ("PRIMARY", "Relapse-free survival", "2 years"), ("SECONDARY", "Overall survival at 1 year", "1 year")]


def test_the_generic_reader_never_invents_a_trial_without_a_register_number():
    page = REGISTRY_PAGE.replace("Trial ID: ISRCTN12345678\n", "")
    with pytest.raises(DocumentError, match="no-id.txt: unknown layout"):
        read_text(page.encode(), "no-id.txt")


def test_explain_names_the_reader_its_reason_sections_and_unread_text(tmp_path):
    (tmp_path / "isrctn.txt").write_text(REGISTRY_PAGE, encoding="utf-8")
    result = run_kg("build", "--explain", tmp_path / "isrctn.txt", SEEDS / "000_611aa22ea74317fe.txt")
    assert result.returncode == 0, result.stderr
    assert "reader: generic (Any page that shows a register number" in result.stdout
    assert ("sections found: title, registration, sponsor_ids, status, phase, conditions, sponsor, enrollment, sex, "
            "inclusion, exclusion, primary_outcomes, secondary_outcomes") in result.stdout
    assert "text not used (1 line):\n    Natural Killer Cells After Haploidentical Transplantation" in result.stdout
    assert "reader: medpath (A MedPath page opens with its banner" in result.stdout
    assert "record: NCT05272293 (NCT)" in result.stdout


CLASSIC_PAGE = """Memory-like NK Cells After Transplant
The safety and scientific validity of this study is the responsibility of the study sponsor and investigators.
ClinicalTrials.gov Identifier: NCT01234567 |
Recruitment Status :
Active, not recruiting
First Posted : March 3, 2020
Condition or disease | Intervention/treatment | Phase |
---|---|---|
Acute Myeloid Leukemia | Biological: ML NK cells Drug: Fludarabine | Phase 1 Phase 2 |
Study Type : | Interventional (Clinical Trial) |
Estimated Enrollment : | 36 participants |
Allocation: | N/A |
Intervention Model: | Single Group Assignment |
Masking: | None (Open Label) |
Primary Purpose: | Treatment |
Actual Study Start Date : | June 1, 2020 |
Estimated Study Completion Date : | December 2025 |
Primary Outcome Measures :
- Dose-limiting toxicity [ Time Frame: 28 days ]
Secondary Outcome Measures :
- Relapse-free survival [ Time Frame: 2 years ]
"""


def test_the_classic_clinicaltrials_gov_page_has_a_reader_of_its_own():
    record = read_text(CLASSIC_PAGE.encode(), "ct2.txt")
    assert record.source.layout == "ctgov_classic"
    assert [i.value for i in record.identifiers] == ["NCT01234567"]
    assert record.title == "Memory-like NK Cells After Transplant"
    assert (record.status, record.phases, record.conditions) == (
        "ACTIVE_NOT_RECRUITING", ["PHASE1", "PHASE2"], ["Acute Myeloid Leukemia"])
    assert [(i.type, i.name) for i in record.interventions] == [("BIOLOGICAL", "ML NK cells"), ("DRUG", "Fludarabine")]
    assert (record.study_type, record.enrollment, record.allocation, record.intervention_model, record.masking,
            record.primary_purpose) == ("INTERVENTIONAL", 36, "NA", "SINGLE_GROUP", "NONE", "TREATMENT")
    assert (record.start_date, record.completion_date) == ("2020-06-01", "2025-12")
    assert [(o.kind, o.measure, o.time_frame) for o in record.outcomes] == [
        ("PRIMARY", "Dose-limiting toxicity", "28 days"), ("SECONDARY", "Relapse-free survival", "2 years")]
