"""The generic reader: a trial page from a site we have no reader for is read from the labels
trial sites use and the register numbers it shows, and --explain says how.

The pages quoted are real (a comment names each; a section headed "pages (or wordings) from the misses
tests/data/<corpus>/README.md lists" names the held-out corpus they were seen in), with a nearby wording the rule must
leave alone.
"""

from __future__ import annotations

import pytest
from conftest import (
    HOLDOUT4,
    HOLDOUT7,
    HOLDOUT9,
    SEEDS,
    TESTS,
    generic_page,
    holdout9_record,
    holdout10_record,
    product_rows,
    read_enriched,
    run_kg,
    saved_page,
    therapy_page,
)
from conftest import generic_page as _read
from conftest import product_rows as _products

from kg.enrich.prose import ages_from_criteria, ages_from_exclusions, complete_from_prose
from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.schedules import duration_before
from kg.errors import DocumentError
from kg.model.identifiers import find_registry_ids, listed_identifiers, trial_key
from kg.model.records import Identifier
from kg.model.text import clean_document_text, repair_unicode_hyphens
from kg.model.vocab import lookup
from kg.read import read_text
from kg.read.layouts import generic
from kg.read.layouts.generic import _described_cells, _with_placebo
from kg.read.parse.criteria import criteria_from_lines, criteria_from_mixed_lines
from kg.read.parse.cues import (
    first_line_title,
    given_paragraphs,
    group_number_line,
    icon_tags,
    listed_group_numbers,
    number_under_officer,
    pdq_objectives,
    pdq_outline,
    registration_statement,
    summary_paragraph,
    summary_within_paragraph,
    title_after_number,
    title_quoted_before_number,
    title_under_acronym,
    without_icon_names,
)
from kg.read.parse.fields import parse_date
from kg.read.parse.header_row import header_row_lines
from kg.read.parse.labels import inline_fields, label_of, reading
from kg.read.parse.prose_pages import one_trial_in_prose

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
    record = read_enriched(REGISTRY_PAGE.encode(), "isrctn.txt")
    assert record.source.layout == "generic"
    # A labelled secondary id of no register the page names: OTHER (a protocol code label gives ORG).
    assert [(i.value, i.scheme) for i in record.identifiers] == [("ISRCTN12345678", "ISRCTN"), ("NKHAPLO-01", "OTHER")]
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
        read_enriched(page.encode(), "no-id.txt")


def test_explain_names_the_reader_its_reason_sections_and_unread_text(tmp_path):
    (tmp_path / "isrctn.txt").write_text(REGISTRY_PAGE, encoding="utf-8")
    result = run_kg("build", "--explain", tmp_path / "isrctn.txt", SEEDS / "000_611aa22ea74317fe.txt")
    assert result.returncode == 0, result.stderr
    assert "reader: generic (Any page that shows a register number" in result.stdout
    assert ("sections found: title, registration, secondary_ids, status, phase, conditions, sponsor, enrollment, sex, "
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
    record = read_enriched(CLASSIC_PAGE.encode(), "ct2.txt")
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


def test_a_badge_line_and_the_title_before_the_register_number_are_read():
    page = ("Skip to main content\nRECRUITINGPhase 2INTERVENTIONAL\n"
            "Personalized NK Cell Therapy in CBT (NCT02727803) is a Phase 2 interventional study.\n")
    record = read_enriched(page.encode(), "badge.txt")
    assert (record.title, record.status, record.phases, record.study_type) == (
        "Personalized NK Cell Therapy in CBT", "RECRUITING", ["PHASE2"], "INTERVENTIONAL")


def test_a_page_that_labels_without_colons_is_read():
    page = ("Recruitment status Completed\nUnique ID issued by UMIN UMIN000011555\n"
            "Public title Phase I/IIa study of ZNK cells for solid cancer\nCondition Solid cancer, Malignant tumor\n"
            "Primary outcomes Adverse events and safety\nMaximum tolerated dose (MTD)\n")
    record = read_enriched(page.encode(), "umin.txt")
    assert (record.status, record.title, record.phases) == ("COMPLETED", "Phase I/IIa study of ZNK cells for solid cancer",
                                                            ["PHASE1", "PHASE2"])
    assert record.conditions == ["Solid cancer, Malignant tumor"]
    assert [o.measure for o in record.outcomes] == ["Adverse events and safety", "Maximum tolerated dose (MTD)"]


def test_a_table_of_trials_is_not_read_as_one_of_them():
    page = "Table 1.\nPhase:\nPhase 1\nSex:\nAll\nNCT03358849 one\nNCT02008929 two\nNCT01212341 three\n"
    with pytest.raises(DocumentError, match="review.txt: unknown layout"):
        read_enriched(page.encode(), "review.txt")
    assert read_enriched(("Trial ID: NCT02008929\n" + page).encode(), "labelled.txt").identifiers[0].value == "NCT02008929"


def test_the_item_a_cut_off_page_breaks_off_in_is_kept_as_the_page_has_it_unless_only_a_letter_or_two_is_left():
    # A reader cannot know how the item went on: what the page shows of it is kept (apps.who.int NCT02185781 breaks
    # off in "WBC bigger or equal to 2.000/mm3 lymphocytes"); "H" or "To" is no item yet.
    page = "Trial ID: NCT01234567\nStatus: Recruiting\nInclusion criteria:\n* Age 18 or older\n* Acute myeloid leuk"
    assert [c.text for c in read_enriched(page.encode(), "cut.txt").criteria] == ["Age 18 or older", "Acute myeloid leuk"]
    short = page.replace("Acute myeloid leuk", "To")
    assert [c.text for c in read_enriched(short.encode(), "short.txt").criteria] == ["Age 18 or older"]


EU_PAGE = """EU Clinical Trials Register
Summary
EudraCT Number:2013-003421-28
Trial Status:Prematurely Ended
| E.1 Medical condition or disease under investigation |
| E.1.1 | Medical condition(s) being investigated |
| Newly diagnosed high-risk AML |
| neu diagnostizierte AML |  |
| E.3 | Principal inclusion criteria |
| • Newly diagnosed AML • Age ≥ 60 years |
| • Neu diagnostizierte AML • Alter ≥ 60 Jahre |  |
| E.5.1 | Primary end point(s) |
| Relapse-free survival |
| Rezidivfreies Überleben |  |
"""


def test_the_eu_register_page_is_read_by_section_number_in_english():
    record = read_enriched(EU_PAGE.encode(), "eu.txt")
    assert record.source.layout == "eu_ctr"
    assert (record.identifiers[0].value, record.status) == ("2013-003421-28", "TERMINATED")
    assert record.conditions == ["Newly diagnosed high-risk AML"]
    assert [(c.kind, c.text) for c in record.criteria] == [("INCLUSION", "Newly diagnosed AML"), ("INCLUSION", "Age ≥ 60 years")]
    assert [(o.kind, o.measure) for o in record.outcomes] == [("PRIMARY", "Relapse-free survival")]


def test_a_who_ictrp_record_is_the_trial_its_main_id_names():
    page = ("World Health Organization site\nMain ID:  NCT02185781\nSecondary ID:  2013-001234-12\n"
            "Public title: NK cells for Ph+ ALL\nRecruitment status: Completed\nPhase:  0\n"
            "Study design:  Allocation: N/A. Intervention model: Single Group Assignment. Primary purpose: Treatment. "
            "Masking: None (Open Label).\nIntervention(s)\nBiological: NK cells\n")
    record = read_enriched(page.encode(), "who.txt")
    assert record.source.layout == "who_ictrp"
    assert [i.value for i in record.identifiers] == ["NCT02185781", "2013-001234-12"]
    assert (record.status, record.phases) == ("COMPLETED", ["EARLY_PHASE1"])
    assert (record.allocation, record.intervention_model, record.primary_purpose, record.masking) == (
        "NA", "SINGLE_GROUP", "TREATMENT", "NONE")
    assert [(i.type, i.name) for i in record.interventions] == [("BIOLOGICAL", "NK cells")]


def test_a_who_ictrp_records_scientific_title_is_its_official_title_where_it_says_more_than_the_public_title():
    # apps.who.int NCT02752243 (tests/data/therapy-holdout7): the public title says "CIK-Cells"; the scientific title
    # alone says they are "IL-15 Activated". The record's title is the public one; the scientific title its official one.
    who = TESTS / "data"
    page = (who / "therapy-holdout7" / "pages" / "apps.who.int"
            / "NCT02752243-il15-activated-cik-relapse-after-allogeneic-sct.txt").read_bytes()
    record = read_enriched(page, "NCT02752243.txt")
    assert record.title == "CIK-Cells in Relapsing Patients With Acute Leukemia or Myelodysplastic Syndromes After SCT."
    assert record.official_title == (
        "A Prospective Phase I/II Study to Investigate the Feasibility, Safety and Efficacy of IL-15 Activated Cytokine "
        "Induced Killer (CIK) Cells in Relapsing Patients With Acute Leukemia or Myelodysplastic Syndromes After "
        "Allogeneic SCT")
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-15", "EX_VIVO_EXPANSION")]
    # apps.who.int NCT02185781 (tests/data/pages): the scientific title names the population the public one leaves out.
    record = read_enriched((who / "pages" / "apps.who.int" / "NCT02185781-nk-ph-all.txt").read_bytes(), "NCT02185781.txt")
    assert record.title.startswith("Phase I Study of Adoptive Immunotherapy With Enriched and Expanded Autologous")
    assert record.official_title.startswith("Phase I Protocol of Adoptive Immunotherapy With Enriched and Expanded")
    assert record.official_title.endswith("=60 Years or Not Eligible for Other Post-CHR Treatment Modalities")
    # apps.who.int ChiCTR2000030329 (tests/data/pages): the public title holds the scientific one ("Cancelled by the
    # investigator Clinical trial for umbilical cord blood CIK and NK cells ..."), which adds nothing.
    record = read_enriched((who / "pages" / "apps.who.int" / "ChiCTR2000030329.txt").read_bytes(), "ChiCTR.txt")
    assert record.official_title is None


def test_a_linked_trial_named_in_the_text_is_not_the_pages_trial():
    page = ("Registration number\nACTRN12622000588796p\nPublic title\nACT2: Amnion Cell Therapy for Ischaemic Stroke\n"
            "Linked study record\nThis study is linked the ACT-I Phase I trial (ACTRN12618000076279) .\n")
    assert [i.value for i in read_enriched(page.encode(), "anzctr.txt").identifiers] == ["ACTRN12622000588796p"]


def test_a_sponsor_block_gives_names_without_their_funder_class_and_ends_at_a_line_without_letters():
    # clincosm.com NCT04292769 and NCT05371730: the funder class after each name, "(none)" for no collaborator,
    # then the site's figures (enrolment, arms, ...) and its next headings under the same block.
    page = """Clinical Study of DC-CIK Cells as a Post-remission Treatment for Malignant Tumors

Sponsor
Nuwacell Biotechnologies Co., Ltd. (Industry)
Overall Status
Recruiting
CT.gov ID
NCT04292769
Collaborator
The First Affiliated Hospital of University of Science and Technology of China (Other)
200
1
2
36
5.6

Study Details
"""
    record = read_enriched(page.encode(), "clincosm.txt")
    assert [(s.name, s.role) for s in record.sponsors] == [
        ("Nuwacell Biotechnologies Co., Ltd.", "LEAD"),
        ("The First Affiliated Hospital of University of Science and Technology of China", "COLLABORATOR")]
    none = read_enriched(page.replace("The First Affiliated Hospital of University of Science and Technology of China "
                                      "(Other)", "(none)").encode(), "clincosm.txt")
    assert [s.name for s in none.sponsors] == ["Nuwacell Biotechnologies Co., Ltd."]


def test_a_record_anzctr_imported_from_clinicaltrials_gov_gives_its_arms_and_typed_intervention():
    # anzctr.org.au, NCT01589549 as imported: "Treatment: Other - name" and "Arm type: label - description" lines
    # under "Description of intervention(s) / exposure" (each written like a label, none ends the list).
    page = """Mesenchymal Stromal Cells for Acute Graft Versus Host Disease
Registration number
NCT01589549
Public title
Mesenchymal Stromal Cells for Acute Graft Versus Host Disease
Description of intervention(s) / exposure
Treatment: Other - Mesenchymal stromal cell therapy

Experimental: Mesenchymal stromal cell therapy - Mesenchymal stromal cell therapy in addition to corticosteroid therapy

Active comparator: Corticosteroid therapy -


Treatment: Other: Mesenchymal stromal cell therapy
One arm will be randomised to receive mesenchymal stromal cell therapy in addition to corticosteroid therapy

Intervention code [1] 0 0
Treatment: Other
"""
    record = read_enriched(page.encode(), "anzctr-imported.txt")
    assert [(i.name, i.type) for i in record.interventions] == [("Mesenchymal stromal cell therapy", "OTHER")]
    assert [(a.label, a.type, a.description) for a in record.arms] == [
        ("Mesenchymal stromal cell therapy", "EXPERIMENTAL",
         "Mesenchymal stromal cell therapy in addition to corticosteroid therapy"),
        ("Corticosteroid therapy", "ACTIVE_COMPARATOR", None)]


def test_a_page_that_refers_to_the_registry_record_of_its_trial_is_that_trials_page():
    # cancer.gov (NCI-2021-09278): no labels; the summary and a sentence sending the reader to ClinicalTrials.gov.
    page = """This phase I/Ib trial tests the safety, side effects, and best dose of gamma delta T cell in treating \
patients with acute myeloid leukemia who are at high risk of having disease coming back (relapse) after allogeneic \
hematopoietic stem cell transplant.
Additional locations may be listed on ClinicalTrials.gov for NCT05015426.
See trial information on ClinicalTrials.gov for a list of participating sites.
"""
    record = read_enriched(page.encode(), "NCI-2021-09278.txt")
    assert [i.value for i in record.identifiers] == ["NCT05015426"]
    assert record.phases == ["PHASE1"]


def test_a_trial_named_in_passing_is_no_referral_and_the_page_stays_refused():
    page = "This study is linked the ACT-I Phase I trial (ACTRN12618000076279). The previous study was a dose escalation study.\n"
    with pytest.raises(DocumentError):
        read_enriched(page.encode(), "linked.txt")


def test_a_numbered_measure_with_its_time_frame_in_brackets_is_an_outcome_with_that_time_frame():
    # clincosm.com NCT05371730: the registry's "measure [time frame]", numbered, a description under each.
    page = """A Trial to Evaluate the Safety and Efficacy of NK Cells in Subjects With Myelodysplastic Syndromes
CT.gov ID
NCT05371730
Overall Status
Not yet recruiting
Primary Outcome Measures

  1. AE or SAE [From infusion day 365]

    The incidence of AE or SAE of NK cells infusion

Secondary Outcome Measures

  1. Bone Marrow Morphology [58 days after initial infusion]
"""
    record = read_enriched(page.encode(), "clincosm.txt")
    assert [(o.kind, o.measure, o.time_frame) for o in record.outcomes] == [
        ("PRIMARY", "AE or SAE", "From infusion day 365"),
        ("SECONDARY", "Bone Marrow Morphology", "58 days after initial infusion")]


def test_an_older_who_design_sentence_of_commas_a_bare_design_token_and_group_sizes_are_read():
    # apps.who.int NCT02218437 (commas between the design parts) and ChiCTR2000030329 (a bare token; the sample size
    # as the size of each group).
    older = ("World Health Organization site\nMain ID:  NCT02218437\nPublic title: MSC for severe aplastic anemia\n"
             "Target sample size: 20\nStudy design:  Endpoint Classification: Safety/Efficacy Study, Intervention Model: "
             "Single Group Assignment, Masking: Open Label, Primary Purpose: Treatment  \n")
    record = read_enriched(older.encode(), "who.txt")
    assert (record.intervention_model, record.masking, record.primary_purpose) == ("SINGLE_GROUP", "NONE", "TREATMENT")
    chictr = ("World Health Organization site\nMain ID:  ChiCTR2000030329\nPublic title: NK and CIK cells for COVID-19\n"
              "Target sample size: Control group:30;CIK group:30;NK group:30;\nStudy design:  Parallel  \n")
    record = read_enriched(chictr.encode(), "who.txt")
    assert (record.enrollment, record.intervention_model) == (90, "PARALLEL")


def test_a_record_page_headed_by_its_register_number_on_a_line_of_its_own_is_that_trials_page():
    # jrct.mhlw.go.jp's English record: no labels; the banner, the record's dates, its number, then its title.
    page = """jRCT ロゴ

臨床研究等提出・公開システム

Top

Japanese

Oct. 11, 2022

June. 08, 2023

jRCTc030220374

A study for the safety of NKT cell therapy using alpha-galactosylceramide-pulesed dendritic cells for malignant tumors

NKT cell therapy for malignant tumors (NKT therapy for malignant tumors)
"""
    record = read_enriched(page.encode(), "jRCTc030220374.txt")
    assert [i.value for i in record.identifiers] == ["jRCTc030220374"]
    assert record.title == ("A study for the safety of NKT cell therapy using alpha-galactosylceramide-pulesed dendritic "
                            "cells for malignant tumors")
    # A number on a line of its own far down a page (a related record, a reference list) heads nothing.
    with pytest.raises(DocumentError):
        read_enriched(("\n".join(f"Line {n} of the page text" for n in range(20)) + "\njRCTc030220374\n").encode(),
                      "far.txt")


def test_a_record_page_as_table_rows_heads_its_record_with_a_row_of_its_number_alone():
    # jrct.mhlw.go.jp's record of jRCTc030250451 as a table of cells (tests/data/therapy-holdout11/pages/jrct.mhlw.go.jp):
    # the record's dates and committee number, then a row whose one filled cell is its number.
    page = """再生医療等提供計画情報の詳細情報です。
| 第三種 | ||
| 令和7年10月23日 | ||
| がんリスク群に対する免疫細胞療法(複数回投与) | ||
| 瀬田クリニックグループ認定再生医療等委員会 | ||
| NB3140002 | ||
| 令和7年10月22日 | |||
| jRCTc030250451 | |||
| 医療法人社団滉志会 瀬田クリニック東京 | |||
"""
    record = read_enriched(page.encode(), "jRCTc030250451.txt")
    assert [i.value for i in record.identifiers] == ["jRCTc030250451"]
    # a row that cites the number beside other cells, or a second number, heads nothing
    for cited in ("| jRCTc030250451 | a related study | ||\n", "| jRCTc030250451 | |||\n| NCT01234567 | ||\n"):
        with pytest.raises(DocumentError):
            read_enriched(("Line of the page text\n" + cited).encode(), "cited.txt")


def test_a_pactr_record_labels_its_number_trial_no():
    # pactr.samrc.ac.za's record of PACTR202007828853091 (tests/data/therapy-holdout11/pages/pactr.samrc.ac.za): the
    # number after "Trial no.:", its titles and summary after labels with no colon.
    page = """Pan African Clinical Trials Registry
Trial no.: PACTR202007828853091 Date of Approval: 06/07/2020
Trial Status: Registered in accordance with WHO and ICMJE standards
TRIAL DESCRIPTION
Public title STEM CELLS FOR OVARIAN REJUVENATION (The SCORE trial)
Official scientific title OVARIAN REJUVENATION WITH AUTOLOGOUS ADIPOSE DERIVED STEM CELL THERAPY
Brief summary describing the background and objectives of the trial The diagnosis of a diminished ovarian reserve is \
devastating for women with infertility.
"""
    record = read_enriched(page.encode(), "PACTR202007828853091.txt")
    assert [i.value for i in record.identifiers] == ["PACTR202007828853091"]
    assert record.title == "STEM CELLS FOR OVARIAN REJUVENATION (The SCORE trial)"
    assert record.official_title == "OVARIAN REJUVENATION WITH AUTOLOGOUS ADIPOSE DERIVED STEM CELL THERAPY"
    assert record.brief_summary.startswith("The diagnosis of a diminished ovarian reserve")


def test_isrctns_design_rows_give_study_type_allocation_and_purpose():
    # isrctn.com ISRCTN65902492: "Primary study design" is the study type, "Secondary study design" the allocation,
    # and "Study type" the purpose.
    page = """ISRCTN65902492
Mesenchymal stem cells for severe acute GvHD
ClinicalTrials.gov number | NCT01212887 |
Primary study design | Interventional |
Secondary study design | Non randomised controlled trial |
Study type | Treatment |
"""
    record = read_enriched(page.encode(), "isrctn.txt")
    assert (record.study_type, record.allocation, record.primary_purpose) == (
        "INTERVENTIONAL", "NON_RANDOMIZED", "TREATMENT")


def test_the_study_type_and_enrollment_a_summary_states_are_read():
    # trialfinderdata.org NCT06158828.
    page = """Pilot Study of Memory-like Natural Killer (ML NK) Cells After TCRαβ T Cell Depleted Haploidentical \
Transplant in AML (NCT06158828) is a Phase 1 / Phase 2 interventional studying AML, Childhood and Aml, sponsored by \
Washington University School of Medicine. RECRUITING as of the most recent ClinicalTrials.gov update.
Target enrollment of 68 participants puts this in the typical range for a Phase 2-style efficacy study.
"""
    record = read_enriched(page.encode(), "trialfinderdata.txt")
    assert (record.study_type, record.enrollment, record.phases) == ("INTERVENTIONAL", 68, ["PHASE1", "PHASE2"])


def test_a_labelled_brief_summary_is_the_summary_and_the_endpoints_a_detailed_description_labels_inline_are_outcomes():
    # ignite-sd.com NCT05333705's description module.
    page = """NCT ID: NCT05333705
Brief Summary: This study aims to introduce a new technology of donor NK cell infusion. NK cells defend against \
viruses and cancer cells in vivo whereas this effect declines in patiens with tumors.
Detailed Description: Primary end point: To determine the rate of overall survival at 2 years of Interventional cohort \
Secondary end point: To determine the cumulative incidence of relapse at 2 years. To determine the rate of \
disease-free survival at 2 years. Describe the safety and toxicity of donor NK cell infusion. Study Design: This study \
is a phase I clinical trial. 15 eligible AML patients will be enrolled sequentially to receive detached NK cells product.
"""
    record = read_enriched(page.encode(), "descriptionmodule.txt")
    assert record.brief_summary.startswith("This study aims to introduce a new technology of donor NK cell infusion.")
    assert [(o.kind, o.measure) for o in record.outcomes] == [
        ("PRIMARY", "To determine the rate of overall survival at 2 years of Interventional cohort"),
        ("SECONDARY", "To determine the cumulative incidence of relapse at 2 years"),
        ("SECONDARY", "To determine the rate of disease-free survival at 2 years"),
        ("SECONDARY", "Describe the safety and toxicity of donor NK cell infusion")]


def test_the_sexes_eligible_and_whether_healthy_volunteers_are_accepted_are_read():
    # clincosm.com NCT05371730 (values under their labels); ignite-sd.com NCT04320303 ("Healthy Volunteers: True").
    page = """NCT ID: NCT05371730
Ages Eligible for Study:
18 Years to 75 Years
Sexes Eligible for Study:
All
Accepts Healthy Volunteers:
No
"""
    record = read_enriched(page.encode(), "clincosm.txt")
    assert (record.sex, record.healthy_volunteers, record.min_age_years, record.max_age_years) == ("ALL", False, 18, 75)
    ignite = read_enriched(b"NCT ID: NCT04320303\nHealthy Volunteers: True\nSex: ALL\n", "eligibilitymodule.txt")
    assert ignite.healthy_volunteers is True


def test_the_phase_cell_of_a_table_printed_one_cell_a_line_is_read():
    # clincosm.com NCT04292769: the conditions and interventions cells are empty, the phase cell is "Phase 3".
    page = "CT.gov ID\nNCT04292769\nOverall Status\nRecruiting\n\nCondition or Disease Intervention/Treatment Phase\n" \
           "Phase 3\n\nDetailed Description\n"
    assert read_enriched(page.encode(), "clincosm.txt").phases == ["PHASE3"]


def test_a_quick_facts_box_that_glues_each_label_to_its_value_is_read():
    # findatrial.com NCT06152809: a box of "LabelValue" lines with no colon and no space.
    page = """CIML NK cells combined with venetoclax for treating acute myeloid leukemia

Quick facts

PhasePHASE1
Study typeInterventional
Enrollment10 (estimated)
Ages18 Years and up
SexAll
SponsorDana-Farber Cancer Institute (other)
Drugs / interventionsCAR-T, chemotherapy, cyclophosphamide, fludarabine, prednisone
Trial IDNCT06152809 on ClinicalTrials.gov

What this trial studies

The study is an open-label, single-center phase I trial that will involve lymphodepleting therapy.
"""
    record = read_enriched(page.encode(), "findatrial.txt")
    assert [i.value for i in record.identifiers] == ["NCT06152809"]
    assert (record.phases, record.study_type, record.enrollment, record.sex, record.min_age_years) == (
        ["PHASE1"], "INTERVENTIONAL", 10, "ALL", 18)
    assert [(s.name, s.role) for s in record.sponsors] == [("Dana-Farber Cancer Institute", "LEAD")]
    assert [i.name for i in record.interventions] == ["CAR-T", "chemotherapy", "cyclophosphamide", "fludarabine",
                                                      "prednisone"]
    assert record.masking == "NONE"  # "open-label" in the summary the box is followed by


def test_a_label_qualified_as_estimated_opens_its_field():
    # hpscreg.eu trial 186 (ChiCTR2300077942): labels and values separated by a space only.
    page = """Phase II clinical trial of CAStem cell injection in the treatment of acute graft-versus-host disease

General Information

Clinical trials phase Phase 2
Start date (estimated) 2023-12-01
End date (estimated) 2024-11-30
Other study identifiers
Name ChiCTR2300077942
Sponsors West China Hospital of Sichuan University

Recruitment

Recruitment Status Recruiting
Estimated number of participants 18
"""
    record = read_enriched(page.encode(), "hpscreg.txt")
    assert (record.start_date, record.completion_date, record.enrollment, record.status) == (
        "2023-12-01", "2024-11-30", 18, "RECRUITING")
    assert [s.name for s in record.sponsors] == ["West China Hospital of Sichuan University"]


def test_the_design_a_design_line_or_title_states_in_words_is_read():
    # ctri.nic.in CTRI/2010/091/000234 (table cells); irct.behdasht.gov.ir IRCT20140818018842N41 ("Design").
    ctri = """| CTRI Number |
CTRI/2010/091/000234 [Registered on: 01/04/2010] |
| Study Design |
Randomized, Parallel Group, Placebo Controlled Trial |
|
Public Title of Study
|
Treatment of hepatitis B carriers by immune cell therapy maturing their own WBC(CD14) cells for treatment |
|
Scientific Title of Study
|
Phase I treatment, single centric, randomized, intervention study on chronic HBV infected patients by autologous \
dendritic cell therapy in lowering serum viral load. |
"""
    record = read_enriched(ctri.encode(), "ctri.txt")
    assert (record.allocation, record.intervention_model, record.study_type) == ("RANDOMIZED", "PARALLEL", "INTERVENTIONAL")
    irct = """Cell Therapy using NK cells in Patients with Hepatocellular carcinoma
Design
A pilot single arm clinical trial of 3 patients
Settings and conduct
1- Patient selection. 2- Isolation of mononuclear cells isolated using ficoll and density gradient centrifugation
IRCT registration number: IRCT20140818018842N41
"""
    record = read_enriched(irct.encode(), "irct.txt")
    assert (record.intervention_model, record.enrollment) == ("SINGLE_GROUP", 3)
    assert record.detailed_description.startswith("1- Patient selection.")


def test_a_study_date_range_a_disease_label_and_typed_interventions_followed_by_their_descriptions_are_read():
    # aamds.org node 5216 (NCT02727803): ClinicalTrials.gov's fields copied under the site's own labels.
    page = """Clinical Trial: NCT02727803

Personalized Natural Killer (NK) Cell Therapy in Cord Blood Transplantation (CBT)
Status:
Recruiting
Study Date:
Sun, 05/01/2016 to Fri, 05/01/2020
Bone Marrow Disease(s):
myelodysplastic syndromes (MDS)
Intervention:
Drug: Busulfan Busulfan 32 mg/m2 by vein test dose administrated either as an outpatient before Day -14 or as an \
inpatient on Day -9. Other Names: Busulfex Myleran Drug: Fludarabine Treatment Plan #1: 10 mg/m2 by vein on Days -7 to -4.
"""
    record = read_enriched(page.encode(), "aamds.txt")
    assert (record.start_date, record.completion_date) == ("2016-05-01", "2020-05-01")
    assert record.conditions == ["myelodysplastic syndromes (MDS)"]
    assert [(i.name, i.type) for i in record.interventions] == [("Busulfan", "DRUG"), ("Fludarabine", "DRUG")]


def test_a_sample_size_given_group_by_group_names_the_arms():
    # apps.who.int ChiCTR2000030329 (ChiCTR's target sample size, as ICTRP shows it).
    page = """Main ID:  ChiCTR2000030329
Public title: Clinical trial for umbilical cord blood CIK and NK cells in the treatment of novel coronavirus pneumonia
Target sample size: Control group:30;CIK group:30;NK group:30;
Recruitment status: Pending
"""
    record = read_enriched(page.encode(), "who.txt")
    assert [arm.label for arm in record.arms] == ["Control group", "CIK group", "NK group"]
    assert record.enrollment == 90


def test_an_article_about_one_trial_gives_who_may_take_part_where_and_the_protocol_id():
    # ccr.cancer.gov: an NCI Center for Cancer Research article about NCT04476251.
    page = """Treatment for women with advanced, untreated cervical cancer tested in new clinical trial

Women 18 and older with previously untreated advanced cervical cancer may be eligible to participate in a clinical \
trial at the NIH Clinical Center.

Clinicaltrials.gov identifier: NCT04476251

NCI Protocol ID: NCI-20-C-0116

Official Title: A Pilot Study of E7 TCR T Cell Induction Immunotherapy for Stage IIB-IVA Cervical Cancer
"""
    record = read_enriched(page.encode(), "ccr.txt")
    assert [(i.value, i.scheme) for i in record.identifiers] == [("NCT04476251", "NCT"), ("NCI-20-C-0116", "ORG")]
    assert (record.sex, record.min_age_years, record.max_age_years) == ("FEMALE", 18, None)
    assert [site.name for site in record.sites] == ["NIH Clinical Center"]


def test_a_paragraph_saying_what_the_trial_does_is_its_summary_when_the_page_gives_none_a_label():
    # cancer.gov NCI-2021-09278 (NCT05015426): the summary opens the page, unlabelled.
    page = """This phase I/Ib trial tests the safety, side effects, and best dose of gamma delta T cell in treating patients \
with acute myeloid leukemia who are at high risk of having disease coming back (relapse) after allogeneic hematopoietic \
stem cell transplant.
Additional locations may be listed on ClinicalTrials.gov for NCT05015426.
See trial information on ClinicalTrials.gov for a list of participating sites.
PRIMARY OBJECTIVES:
I. To determine the maximal tolerated dose (MTD) of artificial antigen presenting cell (AAPC)-expanded donor gamma delta.
Trial ID: NCT05015426
"""
    record = read_enriched(page.encode(), "cancer-gov.txt")
    assert record.brief_summary.startswith("This phase I/Ib trial tests the safety, side effects, and best dose of gamma")


def test_a_linked_study_record_names_a_related_trial_not_the_pages_own():
    # anzctr.org.au ACTRN12622000588796p.
    page = """Registration number
ACTRN12622000588796p
Public title
ACT2: Phase 2 trial of Amnion Cell Therapy for Ischaemic Stroke
Linked study record
This study is linked the ACT-I Phase I trial (ACTRN12618000076279) . The previous study was a dose escalation study.
"""
    record = read_enriched(page.encode(), "anzctr.txt")
    assert [i.value for i in record.identifiers] == ["ACTRN12622000588796p"]
    assert record.related_ids == ["ACTRN12618000076279"]


def test_the_allocation_a_sentence_of_the_interventions_states_is_read():
    # anzctr.org.au (NCT01589549 imported): the description under 'Description of intervention(s) / exposure'.
    page = """Registration number
NCT01589549
Public title
Mesenchymal Stromal Cells for Acute Graft Versus Host Disease
Description of intervention(s) / exposure
Treatment: Other: Mesenchymal stromal cell therapy
One arm will be randomised to receive mesenchymal stromal cell therapy in addition to corticosteroid therapy
"""
    assert read_enriched(page.encode(), "anzctr.txt").allocation == "RANDOMIZED"


def test_sentences_under_the_interventions_label_describe_the_trial_and_name_no_intervention():
    # anzctr.org.au ACTRN12622000588796p: 'Description of intervention(s) / exposure' in prose.
    page = """Registration number
ACTRN12622000588796p
Public title
ACT2: Phase 2 trial of Amnion Cell Therapy for Ischaemic Stroke
Description of intervention(s) / exposure
Patients will be given 230 millions human amnion epithelial cells (hAECs) by intravenous infusion over 2 hours.
"""
    record = read_enriched(page.encode(), "anzctr.txt")
    # (the sentence is no name; the cells it gives before "by" the route are: below)
    assert [i.name for i in record.interventions] == ["human amnion epithelial cells (hAECs)"]
    assert record.detailed_description.startswith("Patients will be given 230 millions human amnion epithelial cells")


def test_a_label_with_an_index_glued_to_it_opens_its_field():
    # umin.ac.jp UMIN000011555 as saved: "Narrative objectives1 The primary objective …" (UMIN numbers those labels).
    page = (TESTS / "data" / "pages" / "umin.ac.jp" / "UMIN000011555-R000013518.txt").read_bytes()
    record = read_enriched(page, "UMIN000011555-R000013518.txt")
    assert record.detailed_description.startswith("The primary objective of this study is to assess the safety")


def test_irct_intervention_groups_describe_what_each_group_is_given_after_the_settings_and_conduct():
    # irct.behdasht.gov.ir IRCT20140818018842N41: "Intervention groups" says how many cells, how often.
    page = """Cell Therapy using NK cells in Patients with Hepatocellular carcinoma
Settings and conduct
1- Patient selection. 2- Isolation of mononuclear cells isolated using ficoll and density gradient centrifugation
Intervention groups
Injection of the number of 7x10^5 NK cells in 3 periods with an interval of 5 days to 3 patients with HCC
Main outcome variables
Follow- up of patients after each injection and 28 days after the last injection based on clinical response and safety
IRCT registration information
IRCT registration number:IRCT20140818018842N41
"""
    record = read_enriched(page.encode(), "irct.txt")
    assert record.interventions == []
    assert record.detailed_description.split("\n") == [
        "1- Patient selection. 2- Isolation of mononuclear cells isolated using ficoll and density gradient centrifugation",
        "Injection of the number of 7x10^5 NK cells in 3 periods with an interval of 5 days to 3 patients with HCC"]
    assert [(p.cell_type, p.infusions) for p in record.cell_products] == [("NK", 3)]


def test_a_short_line_of_giving_under_the_interventions_label_names_the_intervention():
    page = """Registration number
ACTRN12622000588796p
Public title
NK cells for myeloma
Intervention(s)
Infusion of NK cells
"""
    record = read_enriched(page.encode(), "anzctr.txt")
    assert [i.name for i in record.interventions] == ["Infusion of NK cells"]
    assert record.detailed_description is None


def test_isrctns_study_hypothesis_is_the_trials_description_and_its_contact_block_no_summary():
    # isrctn.com ISRCTN65902492 (MFEz): an empty "Plain English Summary" followed by the contact block, then
    # the study rows printed as "Label | value |".
    page = """Plain English Summary
Contact information
Ms Anvi Wadke
Scientific
Department of Medical Oncology
ISRCTN | ISRCTN65902492 |
Scientific title | A Cancer Research UK phase I trial of adoptive transfer of autologous tumour antigen specific \
T-cells with pre-conditioning chemotherapy and intravenous interleukin-2 (IL2) in patients with advanced \
carcinoembryonic antigen (CEA) positive tumours |
Study acronym | MFEz Study |
Study hypothesis | This trial proposes to use engineered T cells (MFEz T cells) comprising polyclonal CD4 and CD8 \
populations in place of the selected, specific TILs and combines these with 'supportive therapies' of \
pre-conditioning chemotherapy and high dose intravenous IL2. |
Ethics approval(s) | MREC approved (ref: GTAC096) |
"""
    record = read_enriched(page.encode(), "isrctn.txt")
    assert record.brief_summary is None or "Anvi Wadke" not in record.brief_summary
    assert record.detailed_description == (
        "This trial proposes to use engineered T cells (MFEz T cells) comprising polyclonal CD4 and CD8 populations "
        "in place of the selected, specific TILs and combines these with 'supportive therapies' of pre-conditioning "
        "chemotherapy and high dose intravenous IL2.")


def test_a_plain_language_summary_in_the_nci_format_keeps_its_purpose_and_outline_paragraphs():
    # clinicaltrialcompass.org NCT00823524: "Plain-language summary" over the NCI's RATIONALE / PURPOSE paragraphs.
    page = (TESTS / "data" / "pages" / "clinicaltrialcompass.org" / "NCT00823524.txt").read_bytes()
    record = read_enriched(page, "NCT00823524.txt")
    assert record.brief_summary == (
        "RATIONALE: Giving an infusion of natural killer cells from a donor after a donor stem cell transplant may help "
        "kill any remaining cancer cells after the transplant. PURPOSE: This phase I/II trial is studying the side "
        "effects and best dose of donor natural killer cells when given after a donor stem cell transplant in treating "
        "patients with advanced cancer.")
    assert record.primary_purpose is None
    assert [p.cell_type for p in record.cell_products] == ["NK"]
    # The same trial's OBJECTIVES and OUTLINE as crick.ai prints them, one paragraph a line under a summary label.
    outline = """Trial ID: NCT00823524
Summary
OBJECTIVES: Primary * To assess the safety of donor natural killer (NK) cell infusion after \
HLA-mismatched/haploidentical allogeneic hematopoietic stem cell transplantation from a familial donor in patients \
with advanced malignant disorders.
OUTLINE: This is a phase I, dose-escalation study followed by a phase II study. * Phase I: Patients receive an \
infusion of donor natural killer (NK) cells on days 18 and 21. * Phase II: Patients receive an infusion of donor NK \
cells on days 14 and 21.
Purpose
TREATMENT
"""
    record = read_enriched(outline.encode(), "outline.txt")
    assert record.brief_summary.startswith("OBJECTIVES: Primary * To assess the safety of donor natural killer")
    assert record.brief_summary.endswith("Patients receive an infusion of donor NK cells on days 14 and 21.")
    assert record.primary_purpose == "TREATMENT"


def test_a_description_of_intervention_that_says_how_cells_are_administered_is_the_trials_description():
    # anzctr.org.au ACTRN12610000068066: the dose and route in one line, no verb but "administered".
    page = """Registration number
ACTRN12610000068066
Public title
Mesenchymal Stromal Cells to Treat Steroid-refractory Graft Versus Host Disease after Bone Marrow Transplantation
Description of intervention(s) / exposure
Mesenchymal stromal cells 2 X 10E6/kg administered intrvenously over 15 minutes weekly for two weeks
Intervention code [1] 255800 0
"""
    record = read_enriched(page.encode(), "anzctr.txt")
    # (the line is no name; the cells it gives before their dose are: below)
    assert [i.name for i in record.interventions] == ["Mesenchymal stromal cells"]
    assert record.detailed_description == (
        "Mesenchymal stromal cells 2 X 10E6/kg administered intrvenously over 15 minutes weekly for two weeks")


def test_anticipated_study_dates_are_read_and_an_empty_conditions_table_head_ends_the_summary():
    # clincosm.com NCT05371730: labels over their values, the conditions table's cells lost under its head.
    page = """A Trial to Evaluate the Safety and Efficacy of NK Cells in Subjects With Myelodysplastic Syndromes
CT.gov ID
NCT05371730
Brief Summary

A clinical study to Evaluate the Safety and Efficacy of NK cells in the treatment of Myelodysplastic Syndromes

Condition or Disease Intervention/Treatment Phase
Early Phase 1

Study Type:
Interventional
Anticipated Study Start Date :
May 30, 2022
Anticipated Primary Completion Date :
May 30, 2025
Anticipated Study Completion Date :
Apr 30, 2026
"""
    record = read_enriched(page.encode(), "clincosm.txt")
    assert record.brief_summary == (
        "A clinical study to Evaluate the Safety and Efficacy of NK cells in the treatment of Myelodysplastic Syndromes")
    assert (record.start_date, record.completion_date) == ("2022-05-30", "2026-04-30")
    assert record.phases == ["EARLY_PHASE1"]


def test_the_nci_pdq_patient_version_gives_its_title_above_its_contents_and_its_purpose_as_the_summary():
    # cancer.gov's PDQ page of 2009 (cdrid 632275, NCT00823524), as the web archive keeps it.
    page = (TESTS / "data" / "pages" / "cancer.gov" / "legacy-pdq-cdrid-632275-NCT00823524.txt").read_bytes()
    record = read_enriched(page, "legacy-pdq-cdrid-632275-NCT00823524.txt")
    assert record.title == "Donor Natural Killer Cells After Donor Stem Cell Transplant in Treating Patients With Advanced Cancer"
    assert record.brief_summary == (
        "Giving an infusion of natural killer cells from a donor after a donor stem cell transplant may help kill any "
        "remaining cancer cells after the transplant. This phase I/II trial is studying the side effects and best dose "
        "of donor natural killer cells when given after a donor stem cell transplant in treating patients with advanced "
        "cancer.")



def test_a_title_over_links_that_head_no_section_of_the_page_is_not_taken_for_a_title_above_contents():
    from kg.read.parse.cues import title_before_contents

    # The same page's "Related Links" box: its entries are printed nowhere else on the page.
    links = """Drug Information from MedlinePlus
Donor Natural Killer Cells After Donor Stem Cell Transplant in Treating Patients With Advanced Cancer
Educational Materials About Clinical Trials
Clinical Trials: Questions and Answers
Questions to Ask Your Doctor
Eligibility:
"""
    assert title_before_contents(links) is None
    contents = links.replace("Eligibility:", "Alternate Title\nBasic Trial Information\nTrial Description\n\nAlternate Title\n"
                                           "Basic Trial Information\nTrial Description")
    contents = contents.replace("Educational Materials About Clinical Trials\nClinical Trials: Questions and Answers\n"
                                "Questions to Ask Your Doctor\n", "")
    assert title_before_contents(contents) == (
        "Donor Natural Killer Cells After Donor Stem Cell Transplant in Treating Patients With Advanced Cancer")


def test_a_page_of_bare_values_gives_the_title_above_its_summary_and_the_registrys_study_type_token():
    # npcf.us NCT03634501: the labels lost, the values one a line, the title over the summary.
    page = (TESTS / "data" / "pages" / "npcf.us" / "NCT03634501-activated-primary-nk.txt").read_bytes()
    record = read_enriched(page, "NCT03634501-activated-primary-nk.txt")
    assert record.title == "Clinical Study on Anti-tumor Effect Induced by Activated Primary Natural Killer(NK)Cells"
    assert record.study_type == "INTERVENTIONAL"
    assert record.brief_summary.startswith("This study will analyze and evaluate the following items:")


def test_the_ncis_outline_is_read_as_the_description_and_gives_the_treatment():
    # cancer.gov NCI-2020-14066 (NCT03991741, tests/data/therapy-holdout): the summary paragraph is unlabelled, the
    # description's parts are headed in capitals; the OUTLINE says what the patients receive.
    page = """# source: https://www.cancer.gov/clinicaltrials/NCI-2020-14066
This phase I trial studies the possible benefits and/or side effects of autologous tumor infiltrating lymphocytes and high-dose IL-2 in treating patients with head and neck squamous cell cancer that has come back (recurrent) or has spread to other places in the body (metastatic) or stage III-IV cutaneous or mucosal melanoma. Autologous tumor infiltrating lymphocytes are special tumor-fighting cells that are taken from patients’ tumors, grown in the laboratory, and then given back to the patient to fight their cancer.
Study sponsor and potential other locations can be found on ClinicalTrials.gov for NCT03991741.
PRIMARY OBJECTIVE:
I. To determine the rate of dose limiting toxicity of adoptive cell transfer (ACT) using cultured autologous tumor infiltrating lymphocytes (TIL) following non-myeloablative chemotherapy plus aldesleukin (IL-2) treatment for treating patients with cancer.
OUTLINE:
LYMPHODEPLETION: Patients receive cyclophosphamide intravenously (IV) on days -8 and -7 and fludarabine phosphate IV on days -6 to -2.
TRANSPLANT: Patients receive autologous TIL IV over 20-30 minutes on day 0 (1-3 days after the last dose of lymphodepletion).
Between 3-24 hours after cell infusion, patients receive high-dose IL-2 IV over 15 minutes every 8 hours (q8h) for up to 5 days (ma
"""  # noqa: E501 (the lines as the page was scraped)
    record = read_enriched(page.encode(), "NCI-2020-14066.txt")
    assert record.source.layout == "generic"
    # the description as the registry keeps it (ClinicalTrials.gov's detailed description of NCT03991741): the objectives
    # headed on their own lines, then the outline
    assert record.detailed_description.split("\n")[:2] == [
        "PRIMARY OBJECTIVE: I. To determine the rate of dose limiting toxicity of adoptive cell transfer (ACT) using "
        "cultured autologous tumor infiltrating lymphocytes (TIL) following non-myeloablative chemotherapy plus aldesleukin "
        "(IL-2) treatment for treating patients with cancer.",
        "LYMPHODEPLETION: Patients receive cyclophosphamide intravenously (IV) on days -8 and -7 and fludarabine phosphate "
        "IV on days -6 to -2."]
    assert [(p.cell_type, p.infusions) for p in record.cell_products] == [("T", 1)]
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("cyclophosphamide and fludarabine", "LYMPHODEPLETION", ["cyclophosphamide", "fludarabine"])]
    assert [(c.cytokine, c.route) for c in record.cytokines] == [("IL-2", "INTRAVENOUS")]


HOLDOUT2 = TESTS / "data" / "therapy-holdout2" / "pages"


def test_a_research_summary_of_the_uk_health_research_authority_gives_its_full_title_and_summary():
    # hra.nhs.uk: bulleted labels over their values ("• Full title", "• Research summary")
    path = HOLDOUT2 / "hra.nhs.uk" / "ToTem-NCT03836690-effector-memory-t-cells.txt"
    record = read_enriched(path.read_bytes(), path.name)
    assert record.title == ("Phase I study of transfer of effector memory T cells (Tem) following allogeneic stem cell "
                            "transplantation.")
    assert record.brief_summary.startswith("Healthy bone marrow produces blood cells")
    assert "Patients will receive additional donor immune cells about one month after the transplant." in record.brief_summary
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("T", ["ALLOGENEIC"])]


def test_the_about_this_trial_paragraph_of_trialfinderdata_is_the_trials_summary():
    # trialfinderdata.org: the registry's summary under "About This Trial", then the site's own text
    # ("What Stage of Research Is This?"), which is not the trial's
    path = HOLDOUT2 / "trialfinderdata.org" / "NCT03676504-third-generation-cd19-car-t.txt"
    record = read_enriched(path.read_bytes(), path.name)
    assert record.brief_summary.startswith("Adult patients with r/r acute lymphoblastic leukemia (ALL) (stratum I)")
    assert record.brief_summary.endswith("after lymphodepletion with fludarabine and cyclophosphamide.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("fludarabine and cyclophosphamide", "LYMPHODEPLETION")]


UNSEEN = TESTS / "data" / "therapy-unseen" / "pages"


def test_a_page_stating_one_register_number_its_phase_and_what_this_trial_does_is_that_trials_page():
    # stellatrials.com: no labels; its one number in a sentence, a line opening with the phase, the summary of "this
    # trial" and the paragraph of what the participant is given
    path = UNSEEN / "stellatrials.com" / "NCT07172958-car-ta-t-cells-children.txt"
    record = read_enriched(path.read_bytes(), path.name)
    assert [i.value for i in record.identifiers] == ["NCT07172958"]
    assert record.phases == ["PHASE1"]
    assert record.brief_summary.startswith("This trial is testing a new treatment called CAR-TA T cells")
    assert record.detailed_description.startswith("First, you will have cells collected from your blood")
    assert [i.name for i in record.interventions] == ["CAR-TA T cells"]
    assert [(p.cell_type, p.donor_types, p.genetically_modified) for p in record.cell_products] == [
        ("CAR_T", ["AUTOLOGOUS"], True)]


def test_a_facts_line_opening_with_the_phase_gives_the_phase():
    # findatrial.com (NCT06152809): "PHASE1 · Dana-Farber Cancer Institute · NCT06152809" under the title
    path = TESTS / "data" / "pages" / "findatrial.com" / "NCT06152809-ciml-nk-venetoclax-aml.txt"
    assert read_enriched(path.read_bytes(), path.name).phases == ["PHASE1"]


def test_a_paper_that_states_where_its_trial_was_registered_is_no_trial_page():
    # Blood 2015;125(5):784 (ashpublications.com), its key points and abstract as the page gives them: one trial,
    # reported, and where it was registered
    page = """  • Acute GVHD occurred in 5 of 9 patients after major histocompatibility–matched, T-cell–depleted peripheral \
blood stem cell transplantation plus IL-15/4-1BBL aNK-DLI.

  • GVHD was more common in matched unrelated donor transplants and associated with higher CD3 chimerism, \
suggesting that aNK-DLI may augment T-cell alloreactivity.

Natural killer (NK) cells can enhance engraftment and mediate graft-versus-leukemia following allogeneic \
hematopoietic stem cell transplantation (HSCT), but the potency of graft-versus-leukemia mediated by naturally\
 reconstituting NK cells following HSCT is limited. Preclinical studies demonstrate that activation of NK \
cells using interleukin-15 (IL-15) plus 4-1BBL upregulates activating receptor expression and augments killing\
 capacity. In an effort to amplify the beneficial effects of NK cells post-HSCT, we conducted a first-in-human\
 trial of adoptive transfer of donor-derived IL-15/4-1BBL–activated NK cells (aNK-DLI) following HLA-matched, \
T-cell–depleted (1-2 × 104 T cells/kg) nonmyeloablative peripheral blood stem cell transplantation in children\
 and young adults with ultra-high-risk solid tumors. aNK-DLI were CD3+-depleted, CD56+-selected lymphocytes, \
cultured for 9 to 11 days with recombinant human IL-15 plus 4-1BBL+IL-15Rα+ artificial antigen-presenting \
cells. aNK-DLI demonstrated potent killing capacity and displayed high levels of activating receptor \
expression. Five of 9 transplant recipients experienced acute graft-versus-host disease (GVHD) following aNK-\
DLI, with grade 4 GVHD observed in 3 subjects. GVHD was more common in matched unrelated donor vs matched \
sibling donor recipients and was associated with higher donor CD3 chimerism. Given that the T-cell dose was \
below the threshold required for GVHD in this setting, we conclude that aNK-DLI contributed to the acute GVHD \
observed, likely by augmenting underlying T-cell alloreactivity. This trial was registered at \
www.clinicaltrials.gov as #NCT01287104.
"""
    assert registration_statement(page)
    with pytest.raises(DocumentError):
        read_enriched(page.encode(), "blood-2015-125-784.txt")


def test_the_title_a_sentence_gives_the_trial_after_its_number_is_its_title():
    # htsyndication.com (a news wire's copy of the registry record): "… related to the study (NCT06991361) titled '…'"
    path = UNSEEN / "htsyndication.com" / "NCT06991361-ex-vivo-expanded-tregs-low-dose-il-2.txt"
    record = read_enriched(path.read_bytes(), path.name)
    assert record.title == ("Ex Vivo-Expanded (EVE) Regulatory T Cells in Combination With Low-Dose Interleukin-2 for "
                            "Steroid-Refractory Chronic Graft-versus-Host-Disease")
    assert record.brief_summary.startswith("Hematopoietic Stem Cell Transplant (HCT) has been used to treat children")


def test_the_cells_a_plain_language_summary_names_as_the_trials_treatment_are_its_intervention():
    # clinconnect.io (NCT06847269): "how effective a treatment called CAR T cell therapy is"; ccr.cancer.gov names a
    # treatment that is no cells ("a treatment called induction immunotherapy that uses the patient's own T cells")
    path = UNSEEN / "clinconnect.io" / "NCT06847269-car19pk-cd19-car-t-leukemia.txt"
    assert [i.name for i in read_enriched(path.read_bytes(), path.name).interventions] == ["CAR T cell therapy"]
    path = TESTS / "data" / "pages" / "ccr.cancer.gov" / "NCT04476251-e7-tcr-t-cervical-cancer.txt"
    assert "induction immunotherapy" not in [i.name for i in read_enriched(path.read_bytes(), path.name).interventions]


def test_a_paragraph_that_says_what_patients_are_given_is_the_trials_treatment():
    # cdek.wustl.edu (NCT02842138; its number in the URL only, so the page stays refused) and stellatrials.com: what
    # the participants receive, under no label; not the eligibility criteria that speak of treatment received before
    cdek = (TESTS / "data" / "pages" / "cdek.wustl.edu" / "NCT02842138-autologous-cd19-car-t-lymphoma.txt").read_text()
    assert [paragraph[:60] for paragraph in given_paragraphs(cdek.split("\n"))] == [
        "Patients will receive a three-day regimen of chemotherapy co"]
    stella = (UNSEEN / "stellatrials.com" / "NCT07172958-car-ta-t-cells-children.txt").read_text()
    assert [paragraph[:60] for paragraph in given_paragraphs(stella.split("\n"))] == [
        "First, you will have cells collected from your blood during "]


def test_the_intervention_model_description_gives_the_cohorts_doses_of_the_one_product():
    # tests/data/therapy-holdout5/pages/clincosm.com/NCT04764513-gamma-delta-t-after-allo-hsct.txt: the registry's design
    # field, as the mirror prints it, is where the three dose cohorts stand (the ideographic comma as written)
    [page] = (TESTS / "data" / "therapy-holdout5" / "pages" / "clincosm.com").glob("NCT04764513*.txt")
    record = read_enriched(page.read_bytes(), page.name)
    assert record.design_description.startswith("This dose escalation study will be conducted in two phases.")
    [product] = record.cell_products
    assert product.cell_type == "T"
    assert sorted(d.minimum for d in product.doses) == [2e6, 1e7, 5e7]
    assert {d.unit for d in product.doses} == {"{cells}/kg"}


def test_a_page_with_the_registrys_design_line_and_a_summary_of_this_study_is_claimed():
    # tests/data/therapy-holdout5/pages/knowcancer.com: the registry's values without their labels, its number on a line
    # of its own; what makes it the trial's page is its "This pilot study is designed to ..." and the registry's design
    # line. Without the design line it stays refused (one sign is not enough), if its number is not under its officer's
    # role either ("Principal Investigator" / ... / "NCT00586703", a sign of its own since held-out 24's knowcancer.com
    # NCT00003067: test_the_number_under_the_records_officer_is_the_pages_own).
    [page] = (TESTS / "data" / "therapy-holdout5" / "pages" / "knowcancer.com").glob("NCT00586703*.txt")
    record = read_enriched(page.read_bytes(), page.name)
    assert record.source.layout == "generic"
    assert [i.value for i in record.identifiers] == ["NCT00586703"]
    assert record.title.startswith("Safety Trial of NK Cell Donor Lymphocyte Infusions From 3-5/6 HLA Matched Family")
    assert [p.cell_type for p in record.cell_products] == ["NK"]
    without = page.read_text(encoding="utf-8").replace("Endpoint Classification: Safety Study, Intervention Model: "
                                                       "Single Group Assignment, Masking: Open Label, Primary Purpose: "
                                                       "Treatment\n", "").replace("Principal Investigator\n", "")
    with pytest.raises(DocumentError, match="unknown layout"):
        read_enriched(without.encode(), page.name)


HOLDOUT6 = TESTS / "data" / "therapy-holdout6" / "pages"


def _page(folder, pattern):
    [page] = folder.glob(pattern)
    return page


def test_the_official_title_under_a_pages_title_is_the_records_official_title():
    # findatrial.com prints its own headline, then the registry's official title, then "PHASE1 · sponsor · NCT…": the
    # official title is the only place NCT05238792's page says its T lymphocytes are allogeneic
    page = _page(HOLDOUT6 / "findatrial.com", "NCT05238792*.txt")
    record = read_enriched(page.read_bytes(), page.name)
    assert record.title == "Using T cells to treat high-risk solid tumors"
    assert "Phase I Research Study Utilizing Allogeneic Multi Tumor-Associated Antigen-Specific T Lymphocytes to Advance " \
           "the Care of Patients With High-Risk Solid Tumors" == record.official_title
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("T", ["ALLOGENEIC"])]
    # a second page of the site (tests/data/pages/findatrial.com) and seattlecca.org's brief title over its official one
    page = TESTS / "data" / "pages" / "findatrial.com" / "NCT06152809-ciml-nk-venetoclax-aml.txt"
    assert read_enriched(page.read_bytes(), page.name).official_title == (
        "A Phase 1 Study of Cytokine-induced Memory-like (CIML) NK Cells With Venetoclax as Consolidation Therapy in AML")
    page = TESTS / "data" / "pages" / "seattlecca.org" / "transplant-NCT00068718-FHCRC-1803-dli.txt"
    record = read_enriched(page.read_bytes(), page.name)
    assert record.title.startswith("Donor Lymphocyte Infusion in Treating Patients With Persistent")
    assert record.official_title == ("Donor Lymphocyte Infusion for the Treatment Of Malignancy After Hematopoietic "
                                           "Cell Transplantation Using Nonmyeloablative Conditioning - A Multi-Center Trial")


def test_a_sentence_under_the_title_is_no_official_title():
    from kg.read.parse.cues import official_title_line

    # ccr.cancer.gov: the line under the trial's title is the site's own sentence about itself
    text = ("A Pilot Study of E7 TCR T Cell Induction Immunotherapy for Stage IIB-IVA Cervical Cancer\n"
            "The Center for Cancer Research is NCI’s internal cancer center, a publicly funded organization working "
            "to improve the lives of cancer patients\n")
    assert official_title_line(text, "A Pilot Study of E7 TCR T Cell Induction Immunotherapy for Stage IIB-IVA "
                                     "Cervical Cancer") is None


def test_the_nci_summary_and_objectives_without_labels_are_the_trials_summary_and_description():
    # findmecure.com NCT00003780: "RATIONALE: … PURPOSE: …" and "OBJECTIVES: I. Compare the efficacy of CYTOIMPLANT
    # (intratumor implants of allogeneic peripheral blood mononuclear cells …)", under no label
    page = _page(HOLDOUT6 / "findmecure.com", "NCT00003780*.txt")
    record = read_enriched(page.read_bytes(), page.name)
    assert record.brief_summary.startswith("RATIONALE: Drugs used in chemotherapy use different ways to stop tumor cells")
    assert "PURPOSE: Randomized phase II trial to compare the effectiveness of gemcitabine" in record.brief_summary
    description = record.detailed_description.split("\n")
    assert description[0].startswith("OBJECTIVES: I. Compare the efficacy of CYTOIMPLANT (intratumor implants of "
                                     "allogeneic peripheral blood mononuclear cells")
    # the outline once, without its heading repeated as a paragraph of its own
    assert [line[:40] for line in description[1:]] == ["This is a randomized, open label, multic"]
    # seattlecca.org: the same summary, the only one the page gives
    page = TESTS / "data" / "pages" / "seattlecca.org" / "transplant-NCT00068718-FHCRC-1803-dli.txt"
    assert read_enriched(page.read_bytes(), page.name).brief_summary.startswith(
        "RATIONALE: White blood cells from donors may be able to kill cancer cells")


def test_the_nci_summary_parts_are_found_on_one_line_or_two():
    from kg.read.parse.cues import pdq_objectives, pdq_summary

    # the 2019 ClinicalTrials.gov page (held-out 1, NCT00534118) breaks "PURPOSE:" onto the next line; crick.ai
    # (NCT00823524, refused: its number is in its address only) runs the objectives and the outline on one line
    ct2 = (TESTS / "data" / "therapy-holdout" / "pages" / "clinicaltrials.gov" / "ct2-show-NCT00534118-dli.txt").read_text()
    summary = pdq_summary(ct2.split("\n"))
    assert summary.startswith("RATIONALE: Giving an infusion of donor lymphocytes")
    assert "PURPOSE: This clinical trial is studying how well donor lymphocyte infusion works" in summary
    crick = (TESTS / "data" / "pages" / "crick.ai" / "NCT00823524.txt").read_text()
    assert pdq_objectives(crick.split("\n")).startswith(
        "OBJECTIVES: Primary * To assess the safety of donor natural killer (NK) cell infusion")


def test_a_bulleted_list_typed_the_registrys_way_is_the_interventions():
    # findmecure.com NCT00003780 lists "• Biological: tumor infiltrating lymphocyte therapy" and "• Drug: gemcitabine
    # hydrochloride" under no label; clincosm.com NCT04764513 "• Biological: Ex-vivo expanded γδ T cell infusion" under
    # the head of a table whose labels the reader does not take
    page = _page(HOLDOUT6 / "findmecure.com", "NCT00003780*.txt")
    record = read_enriched(page.read_bytes(), page.name)
    assert [(i.type, i.name) for i in record.interventions] == [
        ("BIOLOGICAL", "tumor infiltrating lymphocyte therapy"), ("DRUG", "gemcitabine hydrochloride")]
    page = _page(TESTS / "data" / "therapy-holdout5" / "pages" / "clincosm.com", "NCT04764513*.txt")
    record = read_enriched(page.read_bytes(), page.name)
    assert [(i.type, i.name) for i in record.interventions] == [("BIOLOGICAL", "Ex-vivo expanded γδ T cell infusion")]


def test_a_menu_of_the_pages_parts_heads_no_section():
    from kg.read.parse.labels import _menu_lines, reading

    # findmecure.com: "• Overview", "• Eligibility", "• More info", "• Locations" atop the record; "• Locations" took the
    # title, the summary and the interventions for sites, "• Eligibility" took "More info" for a criterion
    page = _page(HOLDOUT6 / "findmecure.com", "NCT00003780*.txt")
    record = read_enriched(page.read_bytes(), page.name)
    assert record.sites == [] and record.criteria == []
    assert "locations" not in reading(page.read_text().split("\n", 1)[1]).sections
    # the 2019 ClinicalTrials.gov page's tabs ("- Study Details" … "- How to Read a Study Record") are a menu too;
    # MedPath's bulleted labels and values ("- Conditions", "- Hepatocellular Carcinoma", "- Interventions", "- Biological:
    # CIK Cell") are not
    ct2 = (TESTS / "data" / "therapy-holdout" / "pages" / "clinicaltrials.gov" / "ct2-show-NCT00534118-dli.txt").read_text()
    lines = ct2.split("\n")
    assert sorted(lines[index] for index in _menu_lines(lines)) == [
        "- Disclaimer", "- How to Read a Study Record", "- Study Details", "- Study Results", "- Tabular View"]
    medpath = (TESTS / "data" / "pages" / "trial.medpath.com" / "NCT03124498-autologous-cik-hcc.txt").read_text()
    assert _menu_lines(medpath.split("\n")) == set()


def test_explain_lists_only_the_text_the_reader_did_not_take():
    # findmecure.com NCT00003780: the title, the summary, the typed interventions, the objectives and the outline are
    # read without labels; only the site's menu is left
    page = _page(HOLDOUT6 / "findmecure.com", "NCT00003780*.txt")
    result = run_kg("build", "--explain", page)
    assert result.returncode == 0, result.stderr
    assert "text not used (4 lines):\n    • Overview\n    • Eligibility\n    • More info\n    • Locations\n" in result.stdout


def test_a_title_that_opens_with_a_fields_word_is_no_label_and_value():
    from kg.read.parse.labels import reading

    # findatrial.com writes "Label Value" without colons ("PhasePHASE1", "Study typeInterventional"); its official title
    # "Phase I Research Study Utilizing Allogeneic …" opened the phase field and took the badge line and the summary
    # sentence under it as phase values
    page = _page(HOLDOUT6 / "findatrial.com", "NCT05238792*.txt")
    assert reading(page.read_text().split("\n", 1)[1]).sections["phase"] == ["PHASE1"]
    # a short spaced value stays a value ("Phase I/II", "Recruitment Status Not yet recruiting")
    from kg.read.parse.labels import label_of

    assert label_of("Phase I/II", spaced=True) == ("phase", "I/II")
    assert label_of("Recruitment Status Not yet recruiting", spaced=True) == ("status", "Not yet recruiting")


def test_a_description_heading_under_the_summary_is_the_trials_description():
    # tests/data/therapy-holdout7/pages/inclinicaltrials.com/NCT05247957-cord-blood-nkg2d-car-nk-aml.txt: "Clinical Trial
    # Summary", then "Description:" alone on its line over the cohorts and their doses
    page = (TESTS / "data" / "therapy-holdout7" / "pages" / "inclinicaltrials.com"
            / "NCT05247957-cord-blood-nkg2d-car-nk-aml.txt").read_bytes()
    record = read_enriched(page, "NCT05247957.txt")
    assert record.brief_summary.startswith("This trial will explore the maximum tolerated dose of cord blood NKG2D CAR-NK")
    assert record.detailed_description == (
        "This is a single arm, open-label, Phase 1 study initiated with 3 cohorts: Cohort 1: 2×10∧6/kg CAR-NK cells, 2 "
        "infusions on Day 0 and Day 7 Cohort 2: 6×10∧6/kg CAR-NK cells, 2 infusions on Day 0 and Day 7 Cohort 3: "
        "18×10∧6/kg CAR-NK cells, 2 infusions on Day 0 and Day 7")  # not the "Recruitment information" heading after it
    [product] = record.cell_products
    assert (product.infusions, [(d.minimum, d.unit, d.per_dose) for d in product.doses]) == (
        2, [(2e6, "{cells}/kg", False), (6e6, "{cells}/kg", False), (1.8e7, "{cells}/kg", False)])


def test_a_description_heading_under_an_outcome_is_no_trial_description():
    # the same site's labels, an outcome's "Description:" under its measure: the outcome's, not the trial's
    page = ("Clinical Trial Details — Status: Terminated\n\nNCT number NCT05247957\n\nClinical Trial Summary\n\n"
            "This trial will explore the maximum tolerated dose of cord blood NKG2D CAR-NK.\n\n"
            "Primary outcome measures\n\nDose-limiting toxicity\n\nDescription:\n\nToxicity graded by CTCAE v5.0 after "
            "2×10∧6/kg CAR-NK cells\n")
    record = read_enriched(page.encode(), "NCT05247957.txt")
    assert record.detailed_description is None


# --- a news item's number in prose: a footnote's number after it, the trial's name in brackets ----------------------

# cgtlive.com/NCT04582201-agent-797-inkt-cells-covid-ards-news.txt
AGENT797 = ("iNKT Cells Safe, Shows Anti-Inflammatory Response in Patients With SARS-CoV-2\n\n"
            "Invariant natural killer T (iNKT) cells were found to be safe and associated with an anti-inflammatory "
            "response in patients with virally induced acute respiratory distress syndrome (ARDS) caused by SARS-CoV-2, "
            "according to findings from a phase 2 trial (NCT04582201).1\n\n"
            "“Allogeneic iNKT cells represent a novel approach for treating severe respiratory distress and these data "
            "underscore the important role that iNKT-based cell therapies could play in respiratory distress and critical "
            "illness mo\n")


# markets.businessinsider.com/NCT05302037-cytomed-ctm-n2d-car-gamma-delta-t-angelica-first-patient-news.txt
ANGELICA = ("Update on Clinical Milestone - CytoMed Therapeutics Announces First Patient Dosed in its First-in-Human "
            "Phase I Clinical Trial of Allogeneic CAR-Gamma Delta T Cell Therapy in Patients with Advanced...\n\n"
            "PRESS RELEASE GlobeNewswire\nNov. 20, 2024, 07:00 AM\n\n"
            "SINGAPORE, Nov. 20, 2024 (GLOBE NEWSWIRE) -- Further to an announcement on October 7, 2024, CytoMed "
            "Therapeutics Limited (NASDAQ: GDTC) (“CytoMed” or “Company”), a Singapore-based biopharmaceutical company "
            "focused on harnessing its proprietary technologies to develop novel donor blood-derived, cell-based allogeneic "
            "therapies for the treatment of blood and solid cancers, is pleased to announce that the first patient has been "
            "dosed in its first-in-human Phase I dose-escalation clinical trial (NCT05302037) (“ANGELICA Trial”). This "
            "trial has been registered with and has received clinical trial authorisation from the Health Sciences "
            "Authority in Singapore.\n\n"
            "The ANGELICA Trial evaluates allogeneic NKG2DL-targeting chimeric antigen receptor-grafted (CAR) gamma delta T "
            "cells (CTM-N2D) in patients with advanced solid tumours or haematological malignancies. Refer to Form 6K "
            "announcement on October 7, 2024.\n\n"
            "“Dosing the first patient in the ANGELICA Trial, CytoMed has reached a significant milestone as a clinical "
            "stage biopharma,” says Chairman Peter Choo. “The ANGELICA Trial aims to assess the safety and potential "
            "efficacy of an allogeneic CAR-T therapy patients with advanced solid tumours or haematological "
            "malignancies.”\n")


@pytest.mark.parametrize(("text", "number", "cells"), [
    (AGENT797, "NCT04582201", [("NKT", ["ALLOGENEIC"])]),
    (ANGELICA, "NCT05302037", [("CAR_T", ["ALLOGENEIC"])]),
])
def test_a_news_items_number_before_a_footnote_or_the_trials_name_keys_the_page(text: str, number: str,
                                                                                cells: list[tuple]) -> None:
    assert [i.value for i in one_trial_in_prose(text)] == [number]
    record = describe_therapy(_read(text))
    assert [i.value for i in record.identifiers] == [number]
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == cells


@pytest.mark.parametrize("text", [
    # a paper's registration under its number, in the sentence or the next line (tests/test_generic_reader.py's Blood
    # paper, and as abstracts print it)
    "We conclude that aNK-DLI contributed to the acute GVHD observed, likely by augmenting underlying T-cell "
    "alloreactivity in the patients. This trial was registered at www.clinicaltrials.gov as #NCT01287104.",
    "We conclude that aNK-DLI contributed to the acute GVHD observed, likely by augmenting underlying T-cell "
    "alloreactivity in the patients (NCT01287104).\nTrial registration: ClinicalTrials.gov.",
    # a title's number, a bracket that is not the trial's name, a number of another trial
    "Efficacy and Safety of CD19 CAR-γδ T Cells in the Treatment of Relapsed/Refractory Autoimmune Nep… (NCT07535138) | "
    "Clinical Trial Compass",
    "the first patient has been dosed in its first-in-human Phase I dose-escalation clinical trial (NCT05302037) "
    "(“ANGELICA Trial”) | Markets Insider",
    "Background: an earlier trial (ClinicalTrials.gov Identifier: NCT01287104).1 gave NK cells after a transplant to "
    "patients with leukaemia in first remission.",
])
def test_a_papers_registration_a_title_or_another_trial_stays_refused(text: str) -> None:
    assert one_trial_in_prose(text) == []


# --- wordings from the misses tests/data/therapy-holdout18/README.md lists --------------------------------------------

# centerwatch.com/NCT04165967-til-cy-flu-low-dose-il-2-nivolumab-melanoma.txt
CENTERWATCH = (
    "Adoptive Tumor-infiltrating Lymphocyte Transfer With Nivolumab for Melanoma\n\n"
    "  • End date\n    Aug 25, 2025\n  • participants needed\n  • sponsor\n    University Hospital, Basel, Switzerland\n"
    "Updated on 25 January 2021\nplatelet count\nmetastatic melanoma\n\n\n"
    "This study is to investigate safety and feasibility of a combination therapy of a tumor infiltrating lymphocytes "
    "(TIL) transfer with anti-programmed cell death protein (PD)-1 therapy in patients with metastatic melanoma that failed "
    "immunotherapy.Tumor-infiltrating lymphocytes will be expanded from resected melanoma samples from the patient and "
    "expanded TILs will be transferred to the patient after non-myeloablative chemotherapy with cyclophosphamide and "
    "fludarabine. TIL transfer will be combined with low dose Interleukin (IL)-2 and nivolumab anti-PD-1 treatment.\n\n"
    "Condition Advanced Melanoma\nTreatment Combination of TIL Transfer with anti-PD-1 Therapy and low dose IL-2\n"
    "Clinical Study IdentifierNCT04165967\nSponsorUniversity Hospital, Basel,\n")


def test_centerwatchs_glued_study_identifier_keys_the_page_and_tils_grown_from_the_patients_samples_are_theirs() -> None:
    record = describe_therapy(_read(CENTERWATCH))
    assert [i.value for i in record.identifiers] == ["NCT04165967"]
    assert _products(record) == [("T", ["AUTOLOGOUS"], [], True, None, None)]
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-2", "IN_VIVO_SUPPORT")]
    assert [(r.name, r.purpose) for r in record.regimens] == [("cyclophosphamide and fludarabine", "CHEMOTHERAPY")]


# --- wordings from the misses tests/data/therapy-holdout19/README.md lists --------------------------------------------

# glycostem.com/2010-018988-41-onkord-cord-blood-nk-cells-flu-cy-elderly-aml.txt
GLYCOSTEM = (
    "NK cell immunotherapy for AML in elderly patients using oNKord®\n\nA phase I study\n\n"
    "In collaboration with the Department of Hematology of the Radboud Medical Centre in Nijmegen (The Netherlands) a first "
    "in man study has been conducted using oNKord®. This HOVON-associated study was designed for elderly acute myeloid "
    "leukemia (AML) patients who were not eligible for allogeneic stem cell transplantation. Patients who had successfully "
    "achieved complete remission after chemotherapy were treated with oNKord®, comprising natural killer cells (NK-cells) "
    "generated ex vivo from umbilical cord blood progenitor cells. Previous studies suggest that NK cells can have an "
    "anti-leukemic effect.\n\n"
    "This phase I dose escalation study investigated safety of ex vivo generated NK-cells - oNKord®. Secondary objectives "
    "were in vivo lifespan and expansion of infused NK-cells, and the effect on residual disease.\n\n"
    "  • Ten elderly AML patients ineligible to receive allogeneic stem-cell transplantation (Allo-SCT) were treated with "
    "oNKord® following chemotherapy and fludarabine cyclophosphamide (Flu-Cy) conditioning Study: EudraCT number "
    "2010-018988-41\n  • Confirmed that 100 billion NK cells can be produced from one cord blood under GMP\n")


def test_a_sponsors_page_of_its_finished_study_gives_what_the_patients_were_treated_with() -> None:
    record = describe_therapy(_read(GLYCOSTEM))
    assert [i.value for i in record.identifiers] == ["2010-018988-41"]
    assert _products(record) == [("NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], True, None, None)]
    # the drugs named with spaces only, before cells given without the transplant the patients could not have
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("fludarabine cyclophosphamide (Flu-Cy)", "LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]


def test_paragraphs_in_the_past_tense_give_what_participants_were_treated_with_not_what_they_had() -> None:
    assert given_paragraphs(["Twelve participants were treated with autologous NK cells after a course of chemotherapy "
                             "in the first part of the study."])
    assert not given_paragraphs(["Participants must have had at least two prior lines of therapy, including an anti-CD20 "
                                 "antibody, before they enrol."])


# --- wordings from the misses tests/data/therapy-holdout21/README.md lists --------------------------------------------

# translational-medicine.com/NCT00937625-til-low-dose-subcutaneous-il-2-melanoma.txt
TIL_PAPER = (
    "Adoptive cell therapy with tumor-infiltrating lymphocytes and low-dose interleukin-2 in metastatic melanoma\n\n"
    "Here we present data from a feasibility study at a Danish Translational Research Center using TIL adoptive transfer "
    "in combination with low-dose subcutaneous IL-2 injections.\n"
    "This is a pilot trial (ClinicalTrials.gov identifier: NCT00937625) including patients with metastatic melanoma, PS "
    "≤1, age <70, measurable and progressive disease and no involvement of the central nervous system. Six patients were "
    "treated with lymphodepleting chemotherapy, TIL infusion, and 14 days of subcutaneous low-dose IL-2 injections, 2 "
    "MIU/day.\n")


def test_this_trial_with_its_numbers_label_between_is_the_pages_trial_and_a_span_said_before_il_2_is_its_course() -> None:
    record = describe_therapy(_read(TIL_PAPER))
    assert trial_key(record.identifiers) == "NCT00937625"
    assert [(c.cytokine, c.dose, c.unit, c.route, c.frequency, c.duration_days) for c in record.cytokines] == [
        ("IL-2", 2e6, "[IU]", "SUBCUTANEOUS", "DAILY", 14.0)]
    assert duration_before("a course for 14 days of ") is None


# --- wordings from the misses tests/data/therapy-holdout22/README.md lists --------------------------------------------

# jci.org/NCT04443296-til-after-cisplatin-chemoradiotherapy-im-il-2-cervical-cancer.txt
def test_this_trial_said_to_be_a_study_with_its_number_is_the_pages_trial() -> None:
    record = _read("Tumor-infiltrating lymphocytes after cisplatin chemoradiotherapy in cervical cancer\n"
                   "Study design. This trial was a single-center, phase I study (ClinicalTrials.gov NCT04443296) of "
                   "tumor-infiltrating lymphocytes given after concurrent chemoradiotherapy to patients with locally "
                   "advanced cervical cancer.\n")
    assert trial_key(record.identifiers) == "NCT04443296"


# --- wordings from the misses tests/data/therapy-holdout27/README.md lists --------------------------------------------

# smartpatients.com/NCT01947322-haploidentical-nk-flu-arac-cy-aml.txt: values in lower case after labels without colons,
# the "Treatment" line, an unlabelled summary, and each intervention repeated under the design fields over its description
SMARTPATIENTS = """# source: https://www.smartpatients.com/trials/NCT01947322
This trial is active, not recruiting.

Condition acute myeloid leukemia
Treatment allogenic nk cells infusion
Phase phase 1/phase 2
Sponsor Assistance Publique - Hôpitaux de Paris
Trial identifier NCT01947322, P070505


Leukemia cells can be killed by natural killer (NK) from HLA-I mismatched donor. The proposed study plans to realize an \
adoptive anti-leukaemic immunotherapy by infusion of HLA-I mismatched NK cells to treat poor prognosis acute myeloid leukemia \
patients. NK cells will be selected from HLA mismatch familial donor peripheral mononuclear cells by purification protocol. \
Before NK-infusion, patients received immunosuppressive chemotherapy.

Study Design

Intervention model single group assignment
Masking open label
Primary purpose treatment
allogenic nk cells infusion cellular therapy
HLA Haploidentical selected NK cell infusion (one injection of 1x107/kg CD3-CD56+ cells) after chemotherapy associating \
fludarabine, cytosine arabinoside and cyclophosphamide.

Primary Outcomes
"""


def test_a_lower_case_pages_treatment_line_names_its_intervention_and_the_line_under_its_name_describes_it() -> None:
    record = generic_page(SMARTPATIENTS)
    assert [(i.name, i.description[:41]) for i in record.interventions] == [
        ("allogenic nk cells infusion", "HLA Haploidentical selected NK cell infus")]
    assert record.brief_summary.startswith("The proposed study plans to realize an adoptive anti-leukaemic immunotherapy")
    enriched = read_enriched(SMARTPATIENTS.encode(), "page.txt")
    assert product_rows(enriched) == [("NK", ["HAPLOIDENTICAL"], ["PERIPHERAL_BLOOD"], None, None, 1)]
    assert [(d.minimum, d.unit) for d in enriched.cell_products[0].doses] == [(1e7, "{cells}/kg")]


def test_treatment_alone_is_no_label_where_values_are_not_written_in_lower_case() -> None:
    # a page labelled with colons: "Treatment ..." in a sentence is no interventions field, and a name repeated in a
    # sentence is not a description's heading
    record = generic_page("NCT01947322\nTitle: NK cells in AML\nStatus: Recruiting\nPhase: Phase 1\n"
                          "Treatment naive patients with AML\n")
    assert record.interventions == []
    lower = SMARTPATIENTS.replace("allogenic nk cells infusion cellular therapy",
                                  "allogenic nk cells infusion were given to Patient 4 in the pilot")
    assert generic_page(lower).interventions[0].description is None


def test_the_proposed_study_opens_a_summary_within_a_paragraph() -> None:
    record = generic_page(SMARTPATIENTS)
    assert record.brief_summary.endswith("patients received immunosuppressive chemotherapy.")
    # "the proposed treatment" is no study
    other = SMARTPATIENTS.replace("The proposed study plans to realize", "The proposed treatment would realize")
    assert not (generic_page(other).brief_summary or "").startswith("The proposed")


# --- wordings from the misses tests/data/therapy-holdout26/README.md lists --------------------------------------------

# utm-ext01a.mdacc.tmc.edu/NCT00338377-lymphodepletion-adoptive-t-cells-dendritic-cells-il-2-melanoma.txt: every value glued
# to its label's colon
MDACC = """MDACC Study No:2004-0069 ( NCT No: NCT00338377)
Title:Lymphodepletion Plus Adoptive Cell Transfer With or Without Dendritic Cell Immunization in Patients With Metastatic Melanoma
Principal Investigator:Patrick Hwu
Treatment Agent:Cyclophosphamide; Filgrastim; Fludarabine; Interleukin-2; Mesna; Ondansetron Hydrochloride; Pegfilgrastim
Study Status:Open
Study Description:The goal of the main part of this clinical research study is to learn if a
vaccine prepared from special blood cells (dendritic cells) will improve the
function of tumor fighting immune cells (T cells) specific for melanoma.

Disease Group:Melanoma
Phase of Study:Phase II
Treatment Agents:Cyclophosphamide
Ondansetron Hydrochloride
Treatment Location:Only at MDACC
"""


def test_a_protocol_page_that_glues_its_values_to_their_labels_is_read_by_its_labels() -> None:
    record = read_text(MDACC.encode(), "NCT00338377.txt")
    assert record.brief_summary.startswith("The goal of the main part of this clinical research study")
    assert record.brief_summary.endswith("specific for melanoma.")  # "Disease Group:Melanoma" ends it
    assert [i.name for i in record.interventions] == ["Cyclophosphamide", "Filgrastim", "Fludarabine", "Interleukin-2",
                                                      "Mesna", "Ondansetron Hydrochloride", "Pegfilgrastim"]


def test_a_study_description_heading_and_labels_written_with_a_space_keep_their_reading() -> None:
    # "Study Description" alone over the registry's "Brief Summary" (clincosm.com, clinicaltrials.gov's old view) opens nothing
    record = read_text(b"NCT01234567\nTitle: NK cells in AML\nStudy Description\nBrief Summary:\nNK cells are given to patients.\n"
                       b"Note: cells are counted at 10:30\n", "p.txt")
    assert record.brief_summary == "NK cells are given to patients."
    # on a page written "Label: value", an unknown label glued to its value does not end the field ("Note:The" is text)
    record = read_text(b"NCT01234567\nTitle: NK cells in AML\nBrief Summary: NK cells are given to patients\nNote:The cells are "
                       b"expanded.\nStatus: Recruiting\n", "p.txt")
    assert record.brief_summary == "NK cells are given to patients Note:The cells are expanded."


# --- wordings from the rule gaps the held-out corpora's READMEs list --------------------------------------------------

# therapy-holdout21 nationwidechildrens.org/NCT04254419-donor-nk-cells-ommaya-brain-tumors-weekly-3-weeks.txt
def test_a_plain_language_pages_question_headings_are_its_summary_and_description() -> None:
    record = read_enriched((
        "Early-Phase Study of Targeted Natural Killer Cell Therapy for Children and Young Adults With Recurrent, "
        "Progressive or Refractory Brain Tumors\n\nPhase: Recruiting\n\nCondition(s): Recurrent, Progressive or "
        "Refractory Brain Tumors\n\nNCT Number: NCT04254419 Other Study ID Number(s): NK Brain Tumor\n\n"
        "What Is the Purpose of This Study?\n\nTo see if it is safe and feasible to treat malignant brain tumors with "
        "donor natural killer (NK) cells. The hope is to see if the NK cells are effective against the tumors and improve "
        "quality of life.\n\nWhat Will Happen During This Study?\n\n  • They will receive NK cell infusions weekly for 3 "
        "weeks, followed by 1 week of rest. This is called a cycle.\n").encode(), "nk-brain-tumor.txt")
    assert record.brief_summary.startswith("To see if it is safe and feasible")
    assert "weekly for 3 weeks" in record.detailed_description
    assert _products(record) == [("NK", ["ALLOGENEIC"], [], None, None, 3)]


# therapy-holdout21 uchicagomedicine.org NCT04623944: a trail of headings before the number heads the record
def test_the_line_under_a_heading_trail_ending_in_the_number_is_the_title() -> None:
    record = generic_page("CLINICAL TRIAL / NCT04623944\nNKX101, Intravenous Allogeneic CAR NK Cells, in Adults With AML or MDS\n"
                          "- Interventional\n- Recruiting\n- NCT04623944\nContact Information\n"
                          "This is a single-arm, open-label, multi-center, Phase 1 study to determine safety and tolerability "
                          "of an experimental therapy called NKX101 (allogeneic CAR NK cells targeting NKG2D ligands).\n")
    assert record.title == "NKX101, Intravenous Allogeneic CAR NK Cells, in Adults With AML or MDS"
    assert _products(describe_therapy(record)) == [("CAR_NK", ["ALLOGENEIC"], [], None, True, None)]
    # a number with slashes of its own is no trail ("CTRI/2012/04/002560" alone on its line)
    record = generic_page("CTRI/2012/04/002560\n\nThis trial aims to assess the safety and effectiveness of donated mesenchymal "
                          "stem cells in patients with alcoholic liver cirrhosis.\n")
    assert trial_key(record.identifiers) == "CTRI/2012/04/002560"


# --- a news item's headline is the item's, not the trial's title -------------------------------------------------

# generic-holdout2/pages/multiplesclerosisnewstoday.com/NCT03355365-msc-np-progressive-ms-news.txt (abridged)
MS_NEWS = ("Phase 2 Trial Will Assess Autologous Mesenchymal Stem Cell Therapy to Treat Progressive Forms of MS\n\n"
           "The National Multiple Sclerosis Society is funding a new Phase 2 clinical trial to test the effectiveness of "
           "stem cell therapy on individuals with progressive forms of multiple sclerosis (MS), using mesenchymal stem "
           "cells from their own bone marrow.\n\n"
           "The new clinical trial (NCT03355365) is being conducted by researchers at the Tisch MS Research Center of New "
           "York in collaboration with the Cleveland Clinic and the University of Colorado.\n")


# generic-holdout3/pages/alsnewstoday.com/NCT04055623-treg-il-2-als-phase-2a-news.txt (abridged)
ALS_NEWS = ("Treg Therapy Found Safe, Effective at Slowing ALS in Small Trial\n\n"
            "Inflammatory markers may help predict patient response to Treg/IL-2 therapy\n\n"
            "That’s according to a small Phase 2a clinical trial (NCT04055623), whose data also suggested that levels of "
            "inflammatory and oxidative stress markers may help predict patients’ response to treatment.\n")


def test_a_news_items_headline_is_no_title_and_stays_in_its_text() -> None:
    for text, number, headline in ((MS_NEWS, "NCT03355365", "Phase 2 Trial Will Assess Autologous Mesenchymal Stem Cell"),
                                   (ALS_NEWS, "NCT04055623", "Treg Therapy Found Safe, Effective at Slowing ALS")):
        record = _read(text)
        assert trial_key(record.identifiers) == number
        assert record.title is None
        assert headline in record.detailed_description


def test_the_title_a_news_item_names_its_trial_by_is_still_its_title() -> None:
    # (left alone) the MS news item saying its trial's title after the number, as a news wire's copy of a registry
    # record does ("… (NCT06991361) titled 'Ex Vivo-Expanded …'", above)
    text = MS_NEWS.replace("(NCT03355365) is being conducted",
                           "(NCT03355365) titled 'Autologous Mesenchymal Stem Cell-Derived Neural Progenitors in "
                           "Progressive Multiple Sclerosis' is being conducted")
    assert _read(text).title == "Autologous Mesenchymal Stem Cell-Derived Neural Progenitors in Progressive Multiple Sclerosis"


# --- a site's name over a heading naming the kind of page: the title is under the heading ------------------------

# generic-holdout2/pages/georgiacancerinfo.org/NCT02359929-msc-for-gvhd-emory.txt (abridged)
GEORGIA = ("Georgia's Online Cancer Information Center\n\nFind A Clinical Trial\n\n"
           "A Phase I Study of Mesenchymal Stromal Cells for the Treatment of Acute and Chronic Graft versus Host Disease\n\n"
           "Status\nActive\nTrial Phase\nPhase I\nNCD ID\nNCT02359929\nStudy Sponsor\nEmory University/Winship Cancer "
           "Institute\n\nSummary\n\nThis phase I trial studies the side effects and best dose of mesenchymal stem cells in "
           "treating patients with graft-versus-host disease.\n")


# generic-holdout/pages/hemotrial.es/2014-005613-24-cme-lem3-msc-spinal-cord.txt (its first lines)
HEMOTRIAL = ("Hemotrial Un proyecto de SEHH\n\nEnsayo clínico\n\nAdministración intratecal (pauta 100/3) de células "
             "mesenquimales troncales adultas autólogas de médula ósea expandidas en lesiones de la medula espinal "
             "crónicamente establecidas\n\n  • Guardar\n")


def test_the_line_under_a_page_kind_heading_is_the_title_not_the_sites_name_above() -> None:
    assert _read(GEORGIA).title == ("A Phase I Study of Mesenchymal Stromal Cells for the Treatment of Acute and Chronic "
                                    "Graft versus Host Disease")
    assert first_line_title(HEMOTRIAL).startswith("Administración intratecal (pauta 100/3) de células mesenquimales")


def test_a_site_name_over_a_page_kind_heading_is_never_the_title() -> None:
    # (left alone) no title under the heading: none at all, not the site's name
    assert first_line_title("Georgia's Online Cancer Information Center\n\nFind A Clinical Trial\n\nStatus\nActive\n") is None
    # … and a first line with no such heading under it is still the title
    assert first_line_title(GEORGIA.replace("Find A Clinical Trial\n\n", "")) == "Georgia's Online Cancer Information Center"


# --- a product "and placebo" in one interventions value: two interventions -----------------------------------------

# generic-holdout4/pages/memory.ucsf.edu/NCT03887455-clarity-ad-ban2401.txt: "• Intervention: BAN2401 and placebo control"
def test_a_product_and_its_placebo_in_one_value_are_two_interventions() -> None:
    record = _read("Study to Confirm Safety and Efficacy of BAN2401 in Participants with Early Alzheimer’s Disease "
                   "(Clarity AD)\n\n  • Sponsor: Eisai Inc.\n  • Status: Active, not recruiting\n"
                   "  • ClinicalTrials.gov Identifier: NCT03887455\n  • Intervention: BAN2401 and placebo control\n"
                   "  • Phase: Phase 3\n")
    assert [i.name for i in record.interventions] == ["BAN2401", "placebo control"]
    # (left alone) two products joined by "and" may be one regimen
    assert _with_placebo("Fludarabine and cyclophosphamide") == ["Fludarabine and cyclophosphamide"]


# --- a sentence inside a quotation is someone's words, no summary --------------------------------------------------

# generic-holdout2/pages/bio-cord.com/NCT03327467-cord-blood-autism-news-number-in-link.txt
QUOTED = ("According to the Duke Center for Autism, “previous research has shown that cord blood cells can help reduce "
          "inflammation and signal cells to help repair damaged brain areas. The goal of this study was to investigate "
          "whether similar success will be shown in children with ASD.”")


def test_a_summary_sentence_inside_a_quotation_is_no_summary() -> None:
    assert summary_within_paragraph([QUOTED]) is None
    # (left alone) a quotation closed before the sentence: the sentence is the page's own
    closed = QUOTED.replace("“previous", "previous").replace("damaged brain areas.", "damaged “brain” areas.")
    assert summary_within_paragraph([closed]).startswith("The goal of this study was to investigate")


# --- the descriptive line under the study's acronym heading ------------------------------------------------------

# generic-holdout2/pages/prod-meary.adimeo.tech/2021-006873-50-traumacell-wharton-jelly-msc-tbi.txt (abridged)
MEARY = ("Centre MEARY\n\nTRAUMACELL\n\nEffets de l'administration intravasculaire de cellules stromales mésenchymateuses "
         "dérivées de la gelée de Wharton du cordon ombilical sur l'immunomodulation systémique et la neuroinflammation "
         "après une lésion cérébrale traumatique.\n\nPhases du projet\n\nA propos\n\n"
         "L'étude TRAUMACELL fait l'objet d'un essai clinique de phase II, autorisé en juin 2024 (EudraCT 2021-006873-50). "
         "Il est prévu d’inclure 68 personnes présentant des lésions cérébrales traumatiques dans des établissements.\n")


def test_the_line_under_the_studys_acronym_heading_is_its_title() -> None:
    record = _read(MEARY)
    assert trial_key(record.identifiers) == "2021-006873-50"
    assert record.title.startswith("Effets de l'administration intravasculaire de cellules stromales mésenchymateuses")
    # (left alone) an acronym heading the text never calls its study gives no title
    assert title_under_acronym(MEARY.replace("L'étude TRAUMACELL", "L'étude")) is None


# --- a phase and the register number in the dot-separated facts heading a trial's profile ---------------------------

# generic-holdout4/pages/kolpulse.com/NCT03651128-karmma-3-ide-cel-trial-profile.txt (abridged; the separators between
# the header's facts lost, as the page gives them)
KOLPULSE = ("FDA Approved · Apr 4, 2024Triple-class-exposed R/R MyelomaPhase 3 · NCT03651128BMS / 2seventy bio\n"
            "KarMMa-3 is a Phase 3 trial of idecabtagene vicleucel (ide-cel, Abecma; BMS / 2seventy bio) versus standard "
            "regimens in triple-class-exposed relapsed/refractory multiple myeloma (2-4 prior lines).\n"
            "Design: ide-cel vs standard regimens (investigator's choice of 5), triple-class-exposed R/R MM, 2-4 prior lines "
            "(N=386).\n")


def test_a_phase_dot_number_heading_the_page_makes_it_the_trials_own_page() -> None:
    record = _read(KOLPULSE)
    assert trial_key(record.identifiers) == "NCT03651128"
    assert record.title is None and record.interventions == [] and record.brief_summary is None


def test_a_phase_and_number_without_the_badge_or_beside_another_number_make_no_trial_page() -> None:
    # (left alone) the same facts in a sentence: no badge, and the number in no sentence of the page's own
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(KOLPULSE.replace("Phase 3 · NCT03651128", "Phase 3, NCT03651128"))
    # … and the badge on a page showing a second number of the register: a listing
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(KOLPULSE + "KarMMa-2 · Phase 2 · NCT03601078\n")


# --- a heading over a list of trials: a listing, whatever number its first entry labels ----------------------------

# generic-holdout/pages/lls.org/node-19046-listing-of-trials.txt (abridged)
LLS_ENTRY = ("Oregon Health & Science University and The Leukemia & Lymphoma Society\n\n"
             "CSF1R Inhibitor JNJ-40346527 in Treating Participants With Relapsed or Refractory Acute Myeloid Leukemia\n\n"
             "This phase II trial studies how well FMS inhibitor JNJ-40346527 works in treating participants with acute "
             "myeloid leukemia that has come back or does not respond to treatment.\n\n"
             "ClinicalTrials.gov identifier: NCT03557970\n\n"
             "For more information contact :\nElie Traer, MD\nOHSU Knight Cancer Institute\n\n")


LLS = ("Academic Clinical Division\n\nFor information on how to apply to TAP, please click here.\n\n"
       f"Clinical Studies Ongoing\n\n{LLS_ENTRY}"
       "Case Western Reserve and The Leukemia & Lymphoma Society\n\nPhase I Trial of Universal Donor NK Cel")


def test_a_list_under_a_heading_of_ongoing_studies_is_refused() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(LLS)


def test_the_entry_alone_under_a_plain_section_heading_is_still_read() -> None:
    # (left alone) "Clinical Trials", a site's section over one trial's page, and the words in a sentence
    record = _read(f"Clinical Trials\n\n{LLS_ENTRY}Current clinical trials of the society are funded by TAP.\n")
    assert trial_key(record.identifiers) == "NCT03557970"


# --- a network's number alone over the title, on a page heading eligibility ---------------------------------------

# generic-holdout6/pages/virginiacancer.com/USO-22284-mylung-project-engage-community-practice-trial-page.txt (abridged)
USO_TITLE = ("Molecularly Informed Lung Cancer Treatment in a Community Cancer Network: A Longitudinal Prospective Study "
             "(MYLUNG Consortium: Part 3) Module A: Project ENGAGE: Increasing Biomarker Testing Awareness in Patients "
             "with Non-Small-Cell Lung Cancer Through Patient Education")


USO = (f"USO 22284\n{USO_TITLE}\nDisease Types: Lung Cancer Research\nEligibility Requirements:\n"
       "- Written informed consent, according to local guidelines, signed and dated by the participant or by a legal "
       "guardian prior to the performance of any study-specific procedures, sampling, or analyses\n"
       "- Must be able to read and answer survey questions in English or Spanish\n"
       "Available at:\n- Chesapeake\n- Hampton (CarePlex)\n- Williamsburg")


def test_a_networks_number_alone_over_the_title_keys_a_page_heading_eligibility() -> None:
    record = _read(USO)
    assert trial_key(record.identifiers) == "USO 22284"  # as the page writes it
    assert record.title == USO_TITLE  # "Module A" is the study's, not a site's banner


@pytest.mark.parametrize("text", [
    # (left alone) a list of the network's trials: two numbers alone on their lines
    USO.replace("Available at:", "USO 22285\nA Study of Tumour Testing in Patients With Colorectal Cancer\nAvailable at:"),
    # (left alone) no eligibility heading: a code over a line (a certificate, a product)
    USO.replace("Eligibility Requirements:", "Requirements we meet:"),
    # (left alone) a year, not a number: "FY 2024" over a report's title
    USO.replace("USO 22284", "FY 2024"),
])
def test_a_number_over_a_title_without_a_trial_pages_signs_keys_nothing(text: str) -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(text)


# --- a group's number heading its study's news, the group listed as running the study ------------------------------

# generic-holdout6/pages/hovon.nl/HO133-nhl-r-chop-r-dhap-ibrutinib-asct-study-page.txt (abridged)
HOVON_DESIGN = ("Randomized, three-arm, parallel-group, open label, international phase III trial comparing six "
                "alternating courses of R-CHOP/R-DHAP (one cycle every 21 days) followed by ASCT versus the combination "
                "with ibrutinib in induction and maintenance (2 years) or the experimental arm without ASCT.")


HOVON = ("sluit venster\n\nLog in\n\nGebruikersnaam Wachtwoord Gebruikersnaam en/of wachtwoord vergeten? Gebruikersnaam en "
         "wachtwoord aanvragen\n\nZoek in de HOVON website\n\nLet op!\n\nClinical picture: NHL (Non Hodgkin Lymphoma)\n\n"
         "1. Overview\nStudy details\n2. Patient eligibility criteria\n3. Registration (& randomization) of patients\n\n"
         "HO133 News\n\n18APR2018: Study documents regarding AM1 are uploaded on the HOVON website.\n\n"
         "10OCT2017: The first site in the Netherlands opened for patient inclusion.\n\n"
         f"1. Overview\n\n\n{HOVON_DESIGN}\n\n"
         "Participating Groups: GLSG (sponsor), HOVON, Nordic Lymphoma Group, FIL, SAKK, PLRG, GELTAMO, NCRI\n")


def test_a_groups_number_heading_its_studys_news_keys_the_page() -> None:
    record = _read(HOVON)
    assert trial_key(record.identifiers) == "HO133"  # "HO" opens "HOVON", a participating group
    assert record.title is None  # the page names the study only by number; the login form is no title
    assert record.brief_summary == HOVON_DESIGN  # the design paragraph under "1. Overview"


@pytest.mark.parametrize("text", [
    # (left alone) the number's letters open no participating group's name
    HOVON.replace("HOVON, Nordic", "Nordic"),
    # (left alone) the news of two studies: a group's news page
    HOVON.replace("10OCT2017:", "HO150 News\n\n10OCT2017:"),
    # (left alone) the number named in the news, not heading it
    HOVON.replace("HO133 News", "News on HO133 and our other studies"),
])
def test_a_groups_number_in_news_without_its_signs_keys_nothing(text: str) -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(text)


def test_a_login_forms_line_is_no_title_and_an_overview_over_contents_no_summary() -> None:
    assert first_line_title("Log in\n\nGebruikersnaam Wachtwoord Gebruikersnaam en/of wachtwoord vergeten? Gebruikersnaam "
                            "en wachtwoord aanvragen\n\nZoek in de HOVON website") is None
    assert first_line_title("Log in\n\nA Study of Ibrutinib With R-CHOP in Mantle Cell Lymphoma") == (
        "A Study of Ibrutinib With R-CHOP in Mantle Cell Lymphoma")  # (left alone) a title under the login link
    # (left alone) a paragraph under "Overview" that does not describe the trial's design
    other = HOVON.replace(HOVON_DESIGN, "The HOVON data center in Rotterdam handles the registration of all patients "
                                       "for the participating Dutch and Belgian sites of this group.")
    assert _read(other).brief_summary in (None, "")


# --- the title under "Clinical Trial - NCT…" ----------------------------------------------------------------------

# generic-holdout6/pages/targetedcancercare.massgeneral.org/NCT03486873-keynote-587-pembrolizumab-extension-mgh-protocol-page.txt
MGH_TITLE = ("Long-term Safety and Efficacy Extension Study for Participants With Advanced Tumors Who Are Currently on "
             "Treatment or in Follow-up in a Pembrolizumab (MK-3475) Study (MK-3475-587/KEYNOTE-587)")


MGH = (f"Clinical Trial - NCT03486873\n\n{MGH_TITLE}\n\nRecruiting\n\nSponsor: Merck Sharp & Dohme Corp.\n\n"
       "ClinicalTrials.gov Identifier: NCT03486873\n\nProtocol Info\n\n"
       "Short Description: Phase III Extension Trial of Pembrolizumab in Advanced Tumors\n")


def test_the_title_under_clinical_trial_dash_number() -> None:
    assert _read(MGH).title == MGH_TITLE
    # (left alone) a news heading with a dash before the number: not the kind of page
    numbered = [Identifier("NCT03486873", "NCT")]
    assert title_after_number(MGH.replace("Clinical Trial -", "Press release -"), numbered) is None


# --- a title quoted before the number in a post's prose -----------------------------------------------------------

# generic-holdout6/pages/medstarresearch.blogspot.com/NCT03322540-first-in-world-enrolment-pembrolizumab-epacadostat-nsclc-blog.txt
MEDSTAR_TITLE = ("Phase III Randomized, Double-Blind Study of Pembrolizumab plus Epacadostat vs Pembrolizumab plus placebo as "
                 "First-line Treatment in Patients with Metastatic NSCLC expressing high levels of PDL1")


MEDSTAR = ("Tuesday, February 27, 2018\n\nFirst in the World!\n\nLast month, the team at Harry and Jeanette Weinberg Cancer "
           "Institute at MedStar Franklin Square Medical Center let me know that they are again the first to enroll a "
           "patient in a world-wide clinical trial!\n\nMany studies for oncology research are conducted around the world "
           f"to help the largest number of patients.  Estimated enrollment for “{MEDSTAR_TITLE}” (NCT03322540) is more than "
           "580 patients from around the world, at over 160 locations.\n")


def test_a_title_quoted_before_the_number_in_prose() -> None:
    record = _read(MEDSTAR)
    assert trial_key(record.identifiers) == "NCT03322540"
    assert record.title == MEDSTAR_TITLE
    # (left alone) a quoted remark before the number, a sentence not a title
    remark = MEDSTAR.replace(f"“{MEDSTAR_TITLE}”", "“we were the first in the world to enrol a patient.”")
    assert title_quoted_before_number(remark, [Identifier("NCT03322540", "NCT")]) is None


# --- pages from the misses tests/data/generic-holdout5/README.md lists ------------------------------------------------

# recruit.cumc.columbia.edu/studyinfopage/1763 (generic-holdout5): "Label: value" lines, the register number under
# "U.S. Govt. ID", the site's review-board number beside it
COLUMBIA = (
    "NCORP Tissue Procurement Protocol: An NCI Cancer Moonshot Study\n"
    "Genetic Analysis of Blood and Tissue Samples From Participants With Advanced Cancer\n"
    "Sponsor: NIH\n"
    "Enrolling: Male and Female Patients\n"
    "IRB Number: AAAS4112\n"
    "U.S. Govt. ID: NCT03707574\n"
    "Contact: Research Nurse Navigator: 212-342-5162 /\n"
    "Additional Study Information: Major advances are being made in the treatment of cancer. One such advance involves "
    "the use of targeted treatments designed to work against specific molecular alterations in a given patients tumor.\n"
    "This study is closed\n"
    "Matthew Ingham, MD\n")


def test_the_us_government_id_labels_the_pages_register_number() -> None:
    record = _read(COLUMBIA)
    assert trial_key(record.identifiers) == "NCT03707574"
    assert record.title == "NCORP Tissue Procurement Protocol: An NCI Cancer Moonshot Study"
    assert record.brief_summary.startswith("Major advances are being made in the treatment of cancer.")


def test_the_sites_irb_number_alone_keys_nothing() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(COLUMBIA.replace("U.S. Govt. ID: NCT03707574\n", ""))
    # "Additional information" is no label of the summary
    assert label_of("Additional information: call the study team") == (None, None)


# usahealthsystem.com, the Mitchell Cancer Institute's page of ECOG-ACRIN EA1131 (generic-holdout5): each label and its
# value on one line, spaces between ("Protocol No." with a no-break space), the title quoted under "Summary"
MITCHELL = (
    "Clinical Trials\n\n"
    "Title   ECOG-ACRIN EA1131\n"
    "Principal Investigator/ Physician   Carole Norden, MD\n"
    "Protocol\u00a0No.   EA1131\n"
    "Open Date   09/21/2015\n"
    "Gender   Female\n"
    "Cancer Site   Breast\n"
    "Status   Open\n"
    "Sponsor   Eastern Cooperative Oncology Group\n"
    "Contact Email   MCI Clinical Trials\n"
    "Summary  \n\n"
    "Protocol Tiltle:  \"A Randomized Phase III Post-Operative Trial of Platinum Based Chemotherapy Vs. Capecitabine in "
    "Patients with Residual Triple-Negative Basal-Like Breast Cancer following Neoadjuvant Chemotherapy.\"\n\n"
    "Inclusion Criteria: ECOG performance status 0 or 1 within 2 weeks prior to screening\n")


def test_a_protocol_number_written_with_its_full_stop_keys_a_cancer_institutes_trial_page() -> None:
    assert label_of("Protocol No. EA1131", spaced=True) == ("sponsor_ids", "EA1131")
    record = _read(MITCHELL)
    assert trial_key(record.identifiers) == "EA1131"
    assert record.title == "ECOG-ACRIN EA1131"
    assert record.status == "RECRUITING"
    # the quoted protocol title under "Summary" is a name, not the summary
    assert record.brief_summary is None


def test_a_protocol_number_without_a_status_and_prose_under_summary_are_left_alone() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(MITCHELL.replace("Status   Open\n", ""))
    prose = MITCHELL.replace("Protocol Tiltle:  \"A Randomized", "Protocol summary: This trial compares platinum based "
                             "chemotherapy with capecitabine after neoadjuvant chemotherapy. A Randomized")
    assert _read(prose).brief_summary.startswith("Protocol summary: This trial compares platinum")


# mcrconline.org's trial search (generic-holdout5): one trial shown, its title above "Protocol:" and the number under it
MCRC = (
    "Clinical Trials Search\n\n"
    "A Randomized Phase II Study Comparing Single-Agent Olaparib, Single Agent Cediranib, and the Combinations of "
    "Cediranib/Olaparib, Olaparib/Durvalumab (MEDI4736), Cediranib/Durvalumab (MEDI4736), Olaparib/AZD5363 "
    "(Capivasertib) in Women with Recurrent, Persistent or Metastatic Endometrial Cancer.: A Platform Trial for Women "
    "with Recurrent or Persistent Endometrial Cancer\n\n"
    "Protocol:\n\nNRG-GY012\n\n"
    "Category:\nMiscellaneous\nDepartment:\nGynecology Oncology\nStatus:\nOPEN\n")


def test_a_groups_number_under_its_label_beside_a_status_keys_a_trial_search_page() -> None:
    record = _read(MCRC)
    assert trial_key(record.identifiers) == "NRG-GY012"
    # the title above the number's label, forty-two words
    assert record.title.startswith("A Randomized Phase II Study Comparing Single-Agent Olaparib")
    assert record.title.endswith("A Platform Trial for Women with Recurrent or Persistent Endometrial Cancer")


def test_the_number_without_a_status_keys_no_search_page() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(MCRC.replace("Status:\nOPEN\n", ""))


# ecog-acrin.org/clinical-trials/ea3202-head-and-neck-cancer/ (generic-holdout5): the group's number alone on a line,
# then the title, the status, and one unlabelled paragraph that says what the trial does
ECOG = (
    "Head And Neck Cancer\n\nEA3202\n\n\n\n"
    "Testing the Use of Investigational Drugs Atezolizumab and / or Bevacizumab with or without Standard Chemotherapy in "
    "the Second-Line Treatment of Advanced-Stage Head and Neck Cancers\n\n"
    "STATUS: Active\n\n\n"
    "This phase II / III compares the standard therapy (chemotherapy plus cetuximab) versus adding bevacizumab to "
    "standard chemotherapy, versus combination of just bevacizumab and atezolizumab in treating patients with head and "
    "neck cancer that has spread to other places in the body (metastatic or advanced stage) or has come back after prior "
    "treatment (recurrent).\n"
    "  \u2022 Patient must have histologically confirmed squamous cell carcinoma of the head and neck (HNSCC)\n")


def test_a_groups_number_heading_its_page_beside_a_status_keys_it() -> None:
    record = _read(ECOG)
    assert trial_key(record.identifiers) == "EA3202"
    assert record.title.startswith("Testing the Use of Investigational Drugs Atezolizumab and / or Bevacizumab")
    assert record.brief_summary.startswith("This phase II / III compares the standard therapy (chemotherapy plus")


def test_a_code_heading_a_page_without_a_status_or_a_title_by_it_keys_nothing() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(ECOG.replace("STATUS: Active\n", ""))
    assert group_number_line("COVID-19\n\nVisitor rules for our hospital") is None
    # "This phase" of a study is no trial saying what it does
    assert summary_paragraph(["This phase begins when the first two cohorts have been treated and compares their "
                              "response with that of the historical controls."]) is None


# nrgoncology.org/Clinical-Trials/NRG-GI002 (generic-holdout5): the number alone, then the title opened by it
NRG = (
    "Search\nBack \n\nNRG-GI002\n\n"
    "NRG-GI002: A Phase II Clinical Trial Platform of Sensitization Utilizing Total Neoadjuvant Therapy (TNT) in Rectal "
    "Cancer\n\nPrincipal Investigator\n\nThomas George, MD\n\nPrimary Objective\n\n"
    "To demonstrate an absolute improvement in Neoadjuvant Rectal Cancer (NAR) score for the experimental regimen as "
    "compared to control.\n\nTarget Accrual\n\n174\n")


def test_a_title_opened_by_the_groups_number_keys_its_page() -> None:
    record = _read(NRG)
    assert trial_key(record.identifiers) == "NRG-GI002"
    assert "A Phase II Clinical Trial Platform of Sensitization" in record.title
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(NRG.replace("NRG-GI002: A Phase II", "A Phase II"))


# gbg.de/en/trials/pregnancy (generic-holdout5): the study named by the group's abbreviation and serial number in
# brackets, the abbreviation spelt out as the group's in the title
GBG = (
    "Pregnancy (GBG 29)\n\n"
    "Prospective and Retrospective Registry Study of the German Breast Group (GBG) for Diagnosis and Treatment of Breast "
    "Cancer in Pregnancy compared to young non-pregnant women (<40 years) as comparative cohort\n\n \n\n"
    "Introduction\n\nBreast cancer is the most common cancer malignancy in women after the age of 25 years.\n")


def test_a_groups_serial_number_in_the_heading_keys_its_study() -> None:
    record = _read(GBG)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("GBG 29", "ORG")]
    assert record.title.startswith("Prospective and Retrospective Registry Study of the German Breast Group (GBG)")
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(GBG.replace("German Breast Group (GBG)", "German Breast Group"))


# allianceforclinicaltrialsinoncology.org's "Recently activated" page (generic-holdout5): a list of the group's trials,
# the first entry's register number labelled
ALLIANCE = (
    "RECENTLY ACTIVATED ALLIANCE TRIALS\n\n"
    "Alliance A012301: LoTam: A randomized, phase III clinical trial of low\u2010dose tamoxifen for selected patients with "
    "molecular low-risk early\u2010stage breast cancer\n\n"
    "Overview: This phase III trial compares the effect of low dose tamoxifen to usual hormonal therapy, including "
    "aromatase inhibitors, in treating post-menopausal women with hormone positive, HER2 negative early stage breast "
    "cancer.\n"
    "Study Chair: Dean Shumway, MD, Mayo Clinic\n"
    "Activated: 2/5/2025 | To learn more about LoTam, visit CT.gov or click here.\n"
    "ClinicalTrials.gov Identifier: NCT06671912\n\n"
    "Alliance A032201: Short term intensified pembrolizumab (KEytruda) and tivozanib for high-risk renal cell carcinoma - "
    "STRIKE\n\n"
    "Overview: This phase III trial compares the effect of adding tivozanib to standard therapy pembrolizumab versus "
    "pembrolizumab alone for the treatment of patients with high-risk renal cell carcinoma (RCC).\n")


def test_a_groups_list_of_its_trials_is_no_trials_page() -> None:
    assert listed_group_numbers(ALLIANCE) == ["A012301", "A032201"]
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(ALLIANCE)


def test_one_entry_with_its_labelled_number_is_that_trials_page() -> None:
    first = ALLIANCE.split("\n\nAlliance A032201")[0]
    assert listed_group_numbers(first) == []
    assert trial_key(_read(first).identifiers) == "NCT06671912"


# --- pages from the misses the generic held-out corpora's READMEs list ------------------------------------------------

# clinicalstudies.info.nih.gov 09-C-0053 (generic-holdout): the NIH Clinical Center's protocol page, a table of
# "Label | value |" rows, its protocol number under "Number", no register number; its summary in the NIH's parts
NIH_CC = (
    "Protocol Details\n"
    "Autologous and Related/Unrelated Allogeneic Hematopoietic Stem Cell Transplant and Cellular Therapies Data "
    "Submission and Research Sample Collection to the Center for International Blood and Marrow Transplant Research "
    "(CIBMTR) and the National Marrow Donor Program (NMDP)\n"
    "This study is currently recruiting participants.\n"
    "Summary\n"
    "Number | 09-C-0053 |\n"
    "Sponsoring Institute | National Cancer Institute (NCI) |\n"
    "Referral Letter Required | Yes |\n"
    "Investigational Drug(s) | None |\n"
    "Intervention(s) | None |\n"
    "Supporting Site | National Cancer Institute |\n"
    "Background:\n"
    "- A federal government mandate requires stem cell transplant centers to collect and maintain in a database a minimum "
    "of information regarding transplant recipients and their donors.\n"
    "- Information collected under this study will be submitted to NMDP/CIBMTR in response to the federal mandate.\n"
    "Objectives:\n"
    "- To learn more about what makes stem cell transplants work well, such as determining the following:\n")


def test_the_nih_clinical_centers_number_row_keys_its_protocol_page() -> None:
    record = _read(NIH_CC)
    assert trial_key(record.identifiers) == "09-C-0053"
    assert record.title.startswith("Autologous and Related/Unrelated Allogeneic Hematopoietic Stem Cell Transplant")
    # "Intervention(s) | None |" names none, and the next row ("Supporting Site | …") is no intervention
    assert record.interventions == []
    assert record.brief_summary.startswith("A federal government mandate requires stem cell transplant centers")
    assert "Objectives" not in record.brief_summary


def test_a_number_label_alone_keys_only_the_nih_protocol_number_form() -> None:
    assert label_of("Number | 09-C-0053 |") == ("registration", "09-C-0053")
    # any other value under "Number" is no page's own number (a phone number, a count, a reference)
    assert label_of("Number | 301-496-4000 |")[0] is None
    assert label_of("Number: 12")[0] is None
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(NIH_CC.replace("09-C-0053", "2009-53"))


# nomenclator.org 2012-004444-30 (generic-holdout): the Spanish register's record in upper-case Spanish labels, each
# value after a space, a title wrapped over two lines
NOMENCLATOR = (
    "Tratamiento de la discopatía degenerativa lumbar con células mesenquimales alogénicas (MSV*).\n\n"
    "Fecha: 2013-04. Area: Enfermedades [C] - Enfermedades músculoesqueléticas [C05].\n\n"
    "DATOS GENERALES\n\nIDENTIFICADOR 2012-004444-30.\n\nTIPO Ensayo Clínico.\n\n"
    "TITULO PÚBLICO Tratamiento de la discopatía degenerativa lumbar con células\n"
    "mesenquimales alogénicas (MSV*).\n\nESTADO EC Finalizado.\n\nSEXO Ambos.\n\nINFORMACIÓN\n\n"
    "TITULO CIENTÍFICO Tratamiento de la discopatía degenerativa lumbar con células\n"
    "mesenquimales alogénicas (MSV*).\n\n"
    "INDICACIÓN PÚBLICA Tratamiento de la discopatía degenerativa.\n\n"
    "CRITERIOS INCLUSIÓN 1. Discopatía degenerativa lumbar de uno o dos discos con predominio de dolor lumbar.\n"
    "2. Ausencia de infección espinal.\n\n"
    "CRITERIOS EXCLUSIÓN 1. Edad menor de 18 años, o mayor de 75 años o legalmente dependiente\n")


def test_spanish_upper_case_labels_open_their_fields() -> None:
    record = _read(NOMENCLATOR)
    assert trial_key(record.identifiers) == "2012-004444-30"
    # the title's second line goes on in lower case: one title
    assert record.title == ("Tratamiento de la discopatía degenerativa lumbar con células mesenquimales alogénicas "
                            "(MSV*).")
    assert record.conditions == ["Tratamiento de la discopatía degenerativa."]
    found = reading(NOMENCLATOR)
    assert found.sections["inclusion"][0].startswith("1. Discopatía degenerativa lumbar")
    assert found.sections["exclusion"] == ["1. Edad menor de 18 años, o mayor de 75 años o legalmente dependiente"]


def test_spanish_label_words_in_lower_case_are_a_sentence() -> None:
    assert label_of("Identificador 2012-004444-30.")[0] is None
    assert label_of("Titulo público del ensayo")[0] is None


# mesoblast.com (generic-holdout3): the sponsor's results page of one protocol, named by its number in its heading
MESOBLAST = (
    "MSV-100-IV Pediatric\n\n"
    "Trial Results: MSV-100-IV Pediatric Expanded Access Program (EAP) in Steroid Refractory Acute Graft Versus Host "
    "Disease (Protocol 275)\n\n"
    "Use of our MSC-100-IV, resulted in a clear, significant survival benefit among responding pediatric BMT recipients "
    "with SR-aGVHD. In the additional analysis of the first 160 patients completed, 64% achieved a response at day 28.")


def test_a_protocol_number_ending_the_heading_keys_the_sponsors_page() -> None:
    record = _read(MESOBLAST)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("275", "ORG")]
    assert trial_key(record.identifiers) == "275"
    assert record.title.startswith("Trial Results: MSV-100-IV Pediatric Expanded Access Program")


def test_a_protocol_number_in_a_sentence_keys_nothing() -> None:
    text = ("MSV-100-IV Pediatric\n\nUse of our MSC-100-IV resulted in a clear benefit among responding recipients "
            "treated under the expanded access program (Protocol 275).\n")
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(text)


def test_two_lower_case_values_make_no_such_page() -> None:
    # a page with only two such lines does not label that way: its "Condition …" line stays unread
    found = reading("Condition malignant solid tumors\nand other cancers\nPhase phase 1\n")
    assert "conditions" not in found.sections
    assert found.unread == ["Condition malignant solid tumors", "and other cancers"]


# scarlettlawgroup.com (generic-holdout4): a sponsor's sheet on its trial refers its reader to the trial's record
STEMTRA = (
    "Introduction Information of STEMTRA to Clinicians\n"
    "The STEMTRA (\"STEM cell therapy for TRAumatic brain injury\")\n"
    "study, a Phase II clinical trial, is designed to evaluate the efficacy\n"
    "and safety of a genetically modified adult stem cell therapy, SB623, which\n"
    "is administered directly to the injured brain through a neurosurgical\n"
    "procedure.\n"
    "Key eligibility criteria:\n- Are age 18 or older, male or female\n"
    "For more information about STEMTRA, visit\n"
    "https://clinicaltrials.gov/ct2/show/NCT02416492.\n"
    "Contact: Mena Niakian, Director of Clinical Operations: mena.niakian@san-bio.com;\n")


def test_a_sheet_sending_its_reader_to_the_trials_record_for_more_information_is_that_trials_page() -> None:
    record = _read(STEMTRA)
    assert trial_key(record.identifiers) == "NCT02416492"


def test_an_address_of_a_record_without_that_referral_keys_nothing() -> None:
    text = STEMTRA.replace("For more information about STEMTRA, visit", "See also")
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(text)


# glance.eyesoneyecare.com (generic-holdout4): a news item naming two trials by their numbers, neither labelled
OPREGEN = (
    "OpRegen shows durable benefit at 36 months in geographic atrophy\n\n"
    "OpRegen is being developed under an exclusive worldwide collaboration between Lineage, Roche, and Genentech, a "
    "member of the Roche Group, and is currently being evaluated in the phase 2a clinical trial GAlette (NCT05626114).\n\n"
    "The clinical trial is an open-label, single-arm, multi-center, dose-escalation study (NCT02286089) evaluating a "
    "single administration of OpRegen cell therapy delivered subretinally in patients with bilateral GA secondary to "
    "AMD. The phase 1/2a study enrolled 24 patients.\n")


def test_a_page_with_two_unlabelled_numbers_of_one_register_is_refused() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(OPREGEN)


def test_a_labelled_number_beside_another_trials_number_still_keys_its_page() -> None:
    record = _read("NCT ID: NCT05626114\nPhase: Phase 2\n\n" + OPREGEN)
    assert trial_key(record.identifiers) == "NCT05626114"


# biospace.com (generic-holdout4): a press release on one trial, designated only by the sponsor's code in a sentence
CELZ = (
    "Creative Medical Technology Holdings, Inc. today announced that the U.S. Food and Drug Administration has cleared the "
    "Company's Investigational New Drug (IND) application, enabling the Company to proceed with initiating a clinical "
    "trial for Type 1 Diabetes using AlloStem™.\n"
    "Creative Medical Technology Holdings, Inc. (NASDAQ: CELZ), an immuno-endocrine company, today announced the "
    "clearance. The primary objective of the study (CELZ-201) is to evaluate AlloStem™ in patients with newly diagnosed "
    "Type 1 Diabetes. Patient recruitment is expected to begin in Q1 2023 with trial commencement updates to follow.\n")


def test_the_sponsors_designation_of_the_study_in_a_sentence_keys_a_release_with_no_register_number() -> None:
    record = _read(CELZ)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("CELZ-201", "ORG")]
    assert record.title is None


def test_a_designation_beside_a_register_number_or_another_designation_keys_nothing_of_its_own() -> None:
    assert one_trial_in_prose(CELZ.replace("(CELZ-201)", "(CELZ-201) and the trial (CELZ-100)")) == []
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(CELZ.replace("(CELZ-201)", "(CELZ-201) and the trial (CELZ-100)"))


# kusajili.com RECF0244 (generic-holdout2): the French cancer trials register's record reprinted, its title cut short on
# the first line and whole under the register number, its lay summary under "Extrait"
KUSAJILI = (
    "ICAR : Essai de phase 1 évaluant la tolérance d’une immunothérapie par injection intra-artérielle hépatique de "
    "lymphocytes T gamma-delta autologues, chez des patients ayant un carcinome hépatocellulai...\n\n"
    "Mise à jour : Il y a 4 ans\nRéférence : RECF0244\n\n"
    "ICAR : Essai de phase 1 évaluant la tolérance d’une immunothérapie par injection intra-artérielle hépatique de "
    "lymphocytes T gamma-delta autologues, chez des patients ayant un carcinome hépatocellulaire. [essai clos aux "
    "inclusions]\n\nFemme et Homme | 18 ans et plus\n\nExtrait\n\n"
    "L’objectif de cet essai est de déterminer la dose tolérée de lymphocytes T gamma-delta pour le traitement des "
    "patients ayant un carcinome hépatocellulaire.\n\nExtrait Scientifique\n\n"
    "Il s'agit d'un essai de phase 1, en ouvert, multicentrique.\n")


def test_the_french_cancer_registers_reference_keys_its_reprinted_record() -> None:
    record = _read(KUSAJILI)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("RECF0244", "OTHER")]
    assert trial_key(record.identifiers) == "RECF0244"
    # the title whole, without the register's note after it
    assert record.title.endswith("chez des patients ayant un carcinome hépatocellulaire.")
    assert record.brief_summary == ("L’objectif de cet essai est de déterminer la dose tolérée de lymphocytes T "
                                    "gamma-delta pour le traitement des patients ayant un carcinome hépatocellulaire.")


def test_reference_over_anything_but_a_register_number_labels_nothing() -> None:
    assert label_of("Référence : Dupont et al., Lancet 2019")[0] is None
    assert label_of("Référence : RECF0244") == ("registration", "RECF0244")


# trials.starfile.org NCT03289988 (therapy-holdout12, its negative): the record's status run into its number
STARFILE = (
    "Clinical Trials Directory\n\nTrials / Unknown\n\nUnknownNCT03289988\n\n"
    "Novel Blood-based Colorectal Cancer Screening Method Using Natural Killer Cell Activity and Gene Panel Expression\n\n"
    "Status\nUnknown\nPhase\nStudy type\nObservational\nEnrollment\n964 (estimated)\nSponsor\n"
    "Yonsei University · Academic / Other\n")


def test_an_nct_number_glued_after_a_status_word_is_found_and_keys_its_record() -> None:
    assert [i.value for i in find_registry_ids("UnknownNCT03289988")] == ["NCT03289988"]
    # a ninth digit before or after makes it no NCT number
    assert find_registry_ids("1NCT03289988") == [] and find_registry_ids("NCT032899881") == []
    record = _read(STARFILE)
    assert trial_key(record.identifiers) == "NCT03289988"
    assert record.title.startswith("Novel Blood-based Colorectal Cancer Screening Method")


# research.kssg.ch (generic-holdout2): a Swiss hospital's research-project page, German labels over English values, the
# cancer trials group's protocol number before the title in its heading and no register number
KSSG = (
    "Kantonsspital St.Gallen\nanmelden\n\n"
    "Protocol SAKK 11/16: Personalized and cell-based anti-tumor immunization MVX-ONCO-1 in advanced head and neck "
    "squamous cell carcinoma. A single arm, open label, multicenter phase II trial\n\nMarkus Joerger\n\n"
    "Kurzfassung MVX-ONCO-1 is a form of active specific immunotherapy, a process by which the patient’s immune response "
    "to tumor cells is stimulated and/or augmented.\n   \n"
    "Projektpartner Dr. Veronika Nagy, Dr. Karen Nestor, Prof. Dr. Markus Joerger\n"
    "Art des Forschungsprojektes Klinische Forschung\nStatus Geplant\nProjektstart 2020\nProjektende 2025\n"
    "Studiendesign Phase II\n")


def test_a_protocol_number_opening_the_heading_keys_the_page_and_kurzfassung_heads_its_summary() -> None:
    record = _read(KSSG)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("SAKK 11/16", "ORG")]
    assert record.title.startswith("Protocol SAKK 11/16: Personalized and cell-based anti-tumor immunization")
    assert record.brief_summary == ("MVX-ONCO-1 is a form of active specific immunotherapy, a process by which the "
                                    "patient’s immune response to tumor cells is stimulated and/or augmented.")


def test_a_heading_opening_with_protocol_and_no_number_keys_nothing() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(KSSG.replace("Protocol SAKK 11/16:", "Protocol overview:"))


# info.shine.com NCT03093350 (generic-holdout2): a syndicated item copying a registry record's fields onto one line
SHINE = (
    "Clinical Trial: TUMOR-ASSOCIATED ANTIGEN (TAA)-SPECIFIC CYTOTOXIC T LYMPHOCYTES ADMINISTERED IN PATIENTS WITH BREAST "
    "CANCER\n\nThursday, March 30, 2017\n6\n"
    "U.S., March 30 -- ClinicalTrials.gov registry received information related to the study (NCT03093350) titled "
    "'TUMOR-ASSOCIATED ANTIGEN (TAA)-SPECIFIC CYTOTOXIC T LYMPHOCYTES ADMINISTERED IN PATIENTS WITH BREAST CANCER' on "
    "March 22. Brief Summary: The study is being conducted in patients in which breast cancer has come back after "
    "standard treatment. Study Start Date: Study Type: Interventional Condition: Breast Cancer Intervention: Biological: "
    "TAA-specific CTLs Each patient will receive 2 injections at a fixed dose, 28 days apart, according to the following "
    "dose schedule: The expected volume of infusion will be 1 to 10 cc. Dose schedule: Day 0: 2 x 10^7 cells/m2\n")


def test_a_registry_records_fields_run_onto_one_line_are_read_as_its_fields() -> None:
    record = _read(SHINE)
    assert trial_key(record.identifiers) == "NCT03093350"
    # the headline is a "Field: value" line: the title the text names the study by
    assert record.title == ("TUMOR-ASSOCIATED ANTIGEN (TAA)-SPECIFIC CYTOTOXIC T LYMPHOCYTES ADMINISTERED IN PATIENTS WITH "
                            "BREAST CANCER")
    assert record.brief_summary == ("The study is being conducted in patients in which breast cancer has come back after "
                                    "standard treatment.")
    assert record.conditions == ["Breast Cancer"]
    # the intervention's name ends where the sentence about the patients begins
    assert [(i.name, i.type) for i in record.interventions] == [("TAA-specific CTLs", "BIOLOGICAL")]


def test_endpoints_in_a_description_line_cut_no_fields() -> None:
    # ignite-sd.com NCT05333705: its endpoints are read from the description's sentences, the line stays whole
    line = ("Primary end point: To determine the rate of overall survival at 2 years of Interventional cohort Secondary "
            "end point: To determine the cumulative incidence of relapse at 2 years. Study Design: This study is a phase I "
            "clinical trial.")
    assert inline_fields([line]) == [line]


# gsk-studyregister.com 103813 (generic-holdout3): "Trial description:" with its text on its line is the summary;
# "TRIAL DESCRIPTION" alone heads a group of fields (pactr.samrc.ac.za)
def test_trial_description_with_its_text_is_the_summary_and_alone_a_heading() -> None:
    assert label_of("Trial description: This study evaluates the immunogenicity and consistency of 3 Hib-MenCY-TT "
                    "vaccine lots") == ("brief_summary", "This study evaluates the immunogenicity and consistency of 3 "
                                        "Hib-MenCY-TT vaccine lots")
    assert label_of("TRIAL DESCRIPTION") == ("other", None)


# nationwidechildrens.org NCT04254419 (therapy-holdout21): a children's hospital's trial page asks its headings
NATIONWIDE = (
    "Early-Phase Study of Targeted Natural Killer Cell Therapy for Children and Young Adults With Recurrent, Progressive "
    "or Refractory Brain Tumors\n\nPhase: Recruiting\n\nNCT Number: NCT04254419 Other Study ID Number(s): NK Brain Tumor\n\n"
    "What Is the Purpose of This Study?\n\n"
    "To see if it is safe and feasible to treat malignant brain tumors with donor natural killer (NK) cells.\n\n"
    "Who Can Take Part in This Study?\n\nPeople who may be eligible for this study:\n\n  • Age: 1 to 39 years old.\n\n"
    "What Will Happen During This Study?\n\n"
    "  • They will receive NK cell infusions weekly for 3 weeks, followed by 1 week of rest. This is called a cycle.\n")


def test_question_headings_over_a_studys_purpose_and_course_head_its_summary_and_description() -> None:
    record = _read(NATIONWIDE)
    assert record.brief_summary == ("To see if it is safe and feasible to treat malignant brain tumors with donor natural "
                                    "killer (NK) cells.")
    assert "They will receive NK cell infusions weekly for 3 weeks" in record.detailed_description


# breastcancer.org NCT03734029 (generic-holdout4): the trial's name as the page's heading, and a paragraph that says
# what the trial is by that name
DESTINY = (
    "Join Us\n\nDESTINY-Breast04 Trial\n\nSave as Favorite\nSign in to receive recommendations (Learn more)\n\n"
    "Phase: Phase III\n\nClinicalTrials.gov ID number: NCT03734029\n\n"
    "Sponsors of the trial: Daiichi Sankyo, Inc., and AstraZeneca\n\nWho is the trial for?\n\n"
    "The DESTINY-Breast04 trial is a phase III trial for people diagnosed with metastatic breast cancer with low HER2 "
    "levels or other stages of breast cancer with low HER2 levels that can’t be removed with surgery.\n")


def test_a_heading_naming_the_trial_is_its_title_and_a_paragraph_saying_what_it_is_its_summary() -> None:
    record = _read(DESTINY)
    assert record.title == "DESTINY-Breast04 Trial"
    assert record.brief_summary.startswith("The DESTINY-Breast04 trial is a phase III trial for people diagnosed")


def test_a_heading_of_common_words_names_no_trial() -> None:
    record = _read(DESTINY.replace("DESTINY-Breast04 Trial\n", "Featured Trial\n"))
    assert record.title is None


# --- 1. CTRI's view with change flags ------------------------------------------------------------------------------

PAGES = TESTS / "data" / "pages-holdout4"


CTRI = (PAGES / "ctri.nic.in" / "CTRI-2013-10-004099-bone-marrow-autologous-cells-acute-paraplegia.txt").read_text()


def test_ctri_change_flags_are_no_values() -> None:
    # "Public Title of Study" / "Modification(s)" / "A clinical trial to study ...": the flag is no title
    record = generic_page(CTRI)
    assert record.title == ("A clinical trial to study the safety and efficacy of Bone marrow derived autologous cells for "
                            "the treatment of Acute Paraplegia")
    # a line that only opens with the word is a value ("Modification(s) of the protocol were approved")
    found = reading("Public Title of Study\nModification(s) of the protocol were approved\n")
    assert found.sections["title"] == ["Modification(s) of the protocol were approved"]


def test_ctri_label_and_value_two_spaces_apart() -> None:
    # "Type of Trial  Interventional", "Study Design  Single Arm Study"
    record = generic_page(CTRI)
    assert (record.study_type, record.intervention_model) == ("INTERVENTIONAL", "SINGLE_GROUP")
    assert label_of("Study Design  Single Arm Study ") == ("study_design", "Single Arm Study")
    # one space apart, or a lower-case sentence after the gap, is no label row
    assert label_of("Study Design Single Arm Study") == (None, None)
    assert label_of("Study design  is single arm") == (None, None)


def test_ctri_protocol_number_in_secondary_id_table() -> None:
    # "Secondary ID  Registry" / "CSCC/BMAP/2011/01  Protocol Number"
    record = generic_page(CTRI)
    assert ("CSCC/BMAP/2011/01", "ORG") in [(i.value, i.scheme) for i in record.identifiers]
    # the kind one space apart is part of a line of words, no id of its own
    assert [i.value for i in listed_identifiers(["CSCC/BMAP/2011/01  Protocol Number"])] == ["CSCC/BMAP/2011/01"]
    assert [i.value for i in listed_identifiers(["Registry"])] == []


def test_ctri_funder_is_a_sponsor_with_no_role() -> None:
    # "Source of Monetary or Material Support" / "Modification(s)" / "Chaitanya Vaidyakeeya Seva Sanstha, 44/2 Hill View
    # Society, Paud Phata, ..."
    record = generic_page(CTRI)
    assert [(o.name, o.role) for o in record.sponsors] == [("Chaitanya Vaidyakeeya Seva Sanstha", None)]
    # a funder that is the primary sponsor is one organisation, its role the sponsor's
    page = ("CTRI Number  CTRI/2010/091/000234 [Registered on: 01/04/2010]\nSource of Monetary or Material Support\n"
            "Institute of Cellular Therapies\nPrimary Sponsor\nName  Institute of Cellular Therapies\n")
    assert [o.name for o in generic_page(page).sponsors].count("Institute of Cellular Therapies") <= 1


# --- 2. the WHO ICTRP record view's dates, day first -----------------------------------------------------------------

WHO = (PAGES / "apps.who.int" / "ISRCTN15677760-cd34-stem-cells-acute-ischemic-stroke.txt").read_text()


def test_who_enrolment_date_is_day_first() -> None:
    # "Date of registration: 23/04/2018" / "Date of first enrolment: 01/05/2018": ICTRP's dates are day first
    record = read_enriched(WHO.encode(), "page.txt")
    assert record.start_date == "2018-05-01"
    # elsewhere a date both orders make stays unread ("05/01/2016" with no weekday, aamds.org)
    assert parse_date("05/01/2016") is None
    assert parse_date("01/05/2018", day_first=True) == "2018-05-01"


# --- 3. ISRCTN's numbered trial groups ------------------------------------------------------------------------------

ISRCTN = (PAGES / "isrctn.com" / "ISRCTN91288089-cd133-stem-cells-gcsf-cirrhosis.txt").read_text()


def test_isrctn_trial_groups_are_arms() -> None:
    # "InterventionTrial Group 1: Standard conservative management" / "Trial Group 2: GCSF (Lenograstim) 15 µg"
    record = generic_page(ISRCTN)
    assert [(a.label, a.description, a.interventions) for a in record.arms] == [
        ("Trial Group 1", "Standard conservative management", []),
        ("Trial Group 2", "GCSF (Lenograstim) 15 µg", ["GCSF (Lenograstim)"])]
    assert [i.name for i in record.interventions] == ["GCSF (Lenograstim)"]


def test_one_group_or_a_sentence_is_no_arm_list() -> None:
    # a single group line, or groups named in a sentence, make no arms of their own
    page = ("ISRCTN ISRCTN91288089\nStatus  Completed\nIntervention\nTrial Group 2: GCSF (Lenograstim) 15 µg\n")
    assert [a.label for a in generic_page(page).arms] != ["Trial Group 2"]
    page = ("ISRCTN ISRCTN91288089\nStatus  Completed\nIntervention\nPatients in trial group 1 receive care; in group 2 "
            "GCSF.\n")
    assert generic_page(page).arms == []


# --- 4. CRIS's Korean labels ------------------------------------------------------------------------------------------

CRIS = (PAGES / "cris.nih.go.kr" / "KCT0005020-cte-stomach-symptoms.txt").read_text()


def test_cris_korean_labels() -> None:
    # "CRIS등록번호 KCT0005020", "연구고유번호 KUMC 2019-11-010-001", "요약제목" / "국문" / (Korean) / "영문" / (English)
    record = generic_page(CRIS)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("KCT0005020", "OTHER"), ("KUMC 2019-11-010-001", "ORG")]
    assert record.title == ("A 8 week, Multi-center, Randomized, Double-blind, Placebo-Controlled Clinical Trial for the "
                            "Evaluation of the Efficacy and Safety of CTE on Stomach Symptom")
    enriched = read_enriched(CRIS.encode(), "page.txt")
    assert (enriched.allocation, enriched.masking) == ("RANDOMIZED", "DOUBLE")
    # the label's words opening a Korean sentence, and the register's note naming it, are no labels
    assert label_of("연구제목에 관한 설명") == (None, None)
    assert label_of("CRIS 필수등록항목입니다.") == (None, None)
    # a language tag outside a title is no tag: the Korean version under another field is kept
    found = reading("Brief summary\n국문\nA study of CTE\n")
    assert found.sections["brief_summary"] == ["국문", "A study of CTE"]


# --- 5. cell products named only in titles ---------------------------------------------------------------------------

def test_hyphenated_chimeric_antigen_receptor_t_cells() -> None:
    # chictr.org.cn ChiCTR-OOC-16007779: "A clinical study of CD19-chimeric-antigen-receptor-tranduced T cells in the
    # treatment of chemotherapy resistant or refractory B cell malignancy"
    record = therapy_page(title="A clinical study of CD19-chimeric-antigen-receptor-tranduced T cells in the treatment of "
                                "chemotherapy resistant or refractory B cell malignancy")
    assert [(p.cell_type, p.genetically_modified) for p in record.cell_products] == [("CAR_T", True)]
    # the words hyphenated with no T cells after them name no CAR-T product
    assert therapy_page(title="Chimeric-antigen-receptor signalling in B cell malignancy").cell_products == []


def test_msc_co_transplanted_are_given() -> None:
    # WHO ICTRP NCT02247973: "Mesenchymal Stem Cells Co-transplantation in Alternative Donor Transplantation of Severe
    # Aplastic Anemia." / "Co-transplantation With Bone Marrow Derived Mesenchymal Stem Cells From Related Donors"
    record = therapy_page(title="Mesenchymal Stem Cells Co-transplantation in Alternative Donor Transplantation of Severe "
                                "Aplastic Anemia.",
                          official_title="Phase?Trial of Co-transplantation With Bone Marrow Derived Mesenchymal Stem Cells "
                                         "From Related Donors in Alternative Donor Transplantation of Severe Aplastic Anemia.")
    assert [(p.kind, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        ("mesenchymal-stromal-cells", ["ALLOGENEIC"], ["BONE_MARROW"])]
    # mesenchymal stem cells a transplant's patients are measured for are not given
    assert therapy_page(title="Mesenchymal Stem Cells of the Marrow After Alternative Donor Transplantation").cell_products == []


def test_cd34_cd133_stem_cells_given() -> None:
    # isrctn.com ISRCTN91288089: "repeated autologous infusions of granulocyte colony stimulating factor (GCSF) mobilised
    # CD133+ bone marrow stem cells in patients with cirrhosis"; WHO ICTRP ISRCTN15677760: "intra-carotid arterial
    # transfusion of autologous peripheral blood-derived stem cell/progenitor cell (CD34+) therapy"
    for title in ("A multicentre, phase II, open-label, randomised controlled trial of repeated autologous infusions of "
                  "granulocyte colony stimulating factor (GCSF) mobilised CD133+ bone marrow stem cells in patients with "
                  "cirrhosis",
                  "An investigation of the therapeutic impact of intra-carotid arterial transfusion of autologous peripheral "
                  "blood-derived stem cell/progenitor cell (CD34+) therapy on acute ischemic stroke"):
        assert [p.kind for p in therapy_page(title=title).cell_products] == ["cd34-cd133-stem-cells"]
    # a graft's count of CD34+ cells, and CD34+ stem cells counted in the blood, are no product
    assert therapy_page(title="CD34+ cells/kg in the Graft and Survival After Transplantation").cell_products == []
    assert therapy_page(title="Circulating CD34+ stem cells in patients with cirrhosis").cell_products == []


    # (a transplant's "CD34+ stem cell graft" is the graft: tests/test_product_language.py)


def test_bone_marrow_derived_cells_for_the_treatment_of() -> None:
    # ctri.nic.in CTRI/2013/10/004099: "A clinical trial to study the safety and efficacy of Bone marrow derived autologous
    # cells for the treatment of Acute Paraplegia"
    record = read_enriched(CTRI.encode(), "page.txt")
    assert [(p.kind, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        ("bone-marrow-derived-cells", ["AUTOLOGOUS"], ["BONE_MARROW"])]
    # bone marrow derived cells a study counts are none
    assert therapy_page(title="Bone marrow derived cells in the blood of patients with Acute Paraplegia").cell_products == []


# --- 1. an interventions field of sentences only: the cells they give ----------------------------------------------

ANZCTR = TESTS / "data" / "pages" / "anzctr.org.au"


def _names(page: str) -> list[str]:
    path = ANZCTR / page
    return [intervention.name for intervention in read_text(path.read_bytes(), path.name).interventions]


def test_the_cells_a_description_only_interventions_field_gives_are_its_interventions() -> None:
    # "Description of intervention(s) / exposure" / "Mesenchymal stromal cells 2 X 10E6/kg administered intrvenously over
    # 15 minutes weekly for two weeks": the cells named before their dose
    assert _names("ACTRN12610000068066-id335014.txt") == ["Mesenchymal stromal cells"]
    # "One to two intravenous infusions of autologous umbilical cord blood derived cells (UCBCs) at a dose of 50 million
    # total nucleated cells per kg given over 1 hour": before "at a dose", the count words not part of the name
    assert _names("ACTRN12624000968572-id388172.txt") == ["autologous umbilical cord blood derived cells (UCBCs)"]
    # "… as set dose of 230 million cells or 460 million cells or placebo in the hospital. Patients will be given 230
    # millions human amnion epithelial cells (hAECs) by intravenous infusion over 2 hours …": before "by" the route; the
    # placebo given "or" the cells
    assert _names("ACTRN12622000588796p-id382636.txt") == ["human amnion epithelial cells (hAECs)", "placebo"]


def test_a_named_or_typed_intervention_is_left_to_the_list_reader() -> None:
    # ANZCTR's record imported from ClinicalTrials.gov types its intervention ("Treatment: Other - Mesenchymal stromal
    # cell therapy"): read as before, not from its sentences
    assert _names("dev-NCT01589549-imported-id3536.txt") == ["Mesenchymal stromal cell therapy"]
    # a short name is a name (the list reader's), and a sentence naming cells without a dose, route or "at a dose" after
    # them names no intervention; "placebo-controlled" is no placebo given
    assert _described_cells(["Mesenchymal stromal cells"]) == []
    assert _described_cells(["Patients will receive NK cells after chemotherapy in the outpatient clinic."]) == []
    assert [i.name for i in _described_cells(
        ["A placebo-controlled study: Mesenchymal stromal cells 2 X 10E6/kg administered intravenously weekly"])] == [
        "Mesenchymal stromal cells"]
    # the count before the cells is no part of their name ("230 million cells or 460 million cells")
    assert _described_cells(["The nurse will give a set dose of 230 million cells or 460 million cells in the ward"]) == []


# --- 2. a labelled count of 0 ---------------------------------------------------------------------------------------

def test_a_labelled_enrolment_of_zero_is_the_enrolment() -> None:
    # apps.who.int NCT02241395 (pages-holdout), a withdrawn trial: "Target sample size: 0" / "Recruitment status: Withdrawn"
    path = TESTS / "data" / "pages-holdout" / "apps.who.int" / "NCT02241395-bmmnc-cerebral-palsy.txt"
    assert read_text(path.read_bytes(), path.name).enrollment == 0
    # the label without a count still leaves the count to a sentence stating one, and a page stating none has none
    page = ("Main ID: NCT02241395\nPublic title: Cell Therapy as Treatment for Cerebral Palsy\nTarget sample size: N/A\n"
            "Study type: Interventional\nPhase: Phase 1\n\nA total of 36 subjects is estimated to be enrolled.\n")
    assert generic_page(page).enrollment == 36
    assert generic_page(page.replace("A total of 36 subjects is estimated to be enrolled.", "")).enrollment is None


# --- the generic reader: a registry's label of the number, under a label of the page's own ----------------------------

def test_a_registry_label_of_the_number_under_the_pages_own_label_keys_the_page() -> None:
    # gatewaycr.org (NCT04290546) ends its page "Trial Registration: ClinicalTrials.gov Identifier: NCT04290546": the
    # registry's own label of its number, under a label the table does not know; its summary opens with the background
    # and turns to the trial mid-paragraph ("... This phase I trial will establish the safety for cytokine-induced
    # memory-like (CIML) NK cells in combination with N-803 ...")
    record = holdout9_record("gatewaycr.org", "NCT04290546")
    assert record.source.layout == "generic"
    assert [i.value for i in record.identifiers] == ["NCT04290546"]
    assert record.brief_summary.startswith("This phase I trial will establish the safety for cytokine-induced")
    assert [p.cell_type for p in record.cell_products] == ["NK"]
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-15", "IN_VIVO_SUPPORT")]


@pytest.mark.parametrize(("line", "sections"), [
    ("Trial Registration: ClinicalTrials.gov Identifier: NCT04290546", {"registration": ["NCT04290546"]}),
    # a number named in a sentence after a label is the sentence's, not a label's: no section
    ("Background: the earlier trial (ClinicalTrials.gov Identifier: NCT01287104) showed NK cells are safe", {}),
    ("Note: This study is linked to NCT01287104", {}),
    # two numbers are no one trial's label
    ("Trial Registration: ClinicalTrials.gov Identifier: NCT01287104, NCT04290546", {}),
])
def test_only_a_registry_label_over_the_number_alone_labels_it(line: str, sections: dict) -> None:
    assert reading(line + "\n").sections == sections


def test_a_page_that_cites_another_trials_number_in_its_text_stays_refused() -> None:
    # the gatewaycr.org page without its labelled number, citing another trial in a sentence instead
    [path] = (HOLDOUT9 / "gatewaycr.org").glob("*.txt")
    text = path.read_text(encoding="utf-8").replace(
        "Trial Registration: ClinicalTrials.gov Identifier: NCT04290546",
        "Background: an earlier trial (ClinicalTrials.gov Identifier: NCT01287104) gave NK cells after a transplant.")
    with pytest.raises(DocumentError, match="unknown layout"):
        read_enriched(text.encode(), path.name)


# --- the registry's arms table describes the interventions a page lists by name ----------------------------------------

def test_the_arms_table_describes_the_intervention_the_page_lists() -> None:
    # clincosm.com NCT05017298: "• Biological: Allogeneic adipose-derived stem cells" in the conditions table, and under
    # "Arm Intervention/Treatment" / "Experimental: Study Group": "Biological: Allogeneic adipose-derived stem cells" /
    # "Culture expanded mesenchymal stem cells isolated from a patient's own abdominal fat tissue" / "Other Names:" /
    # "• Celltex-Ad" (its other names, no description)
    record = holdout10_record("clincosm.com", "NCT05017298")
    assert [(i.type, i.name, i.description) for i in record.interventions] == [
        ("BIOLOGICAL", "Allogeneic adipose-derived stem cells",
         "Culture expanded mesenchymal stem cells isolated from a patient's own abdominal fat tissue")]
    # "adipose-derived stem cells" and "mesenchymal stem cells" are one product: stromal cells named by their tissue
    [product] = record.cell_products
    assert (product.kind, product.donor_types, product.ex_vivo_expanded, product.infusions) == (
        "mesenchymal-stromal-cells", ["ALLOGENEIC"], True, 3)


# --- a Markdown record: its heading is the title, its typed list the interventions -------------------------------------

def test_a_markdown_record_gives_its_title_interventions_and_conditions() -> None:
    # api.ai-analytics.org/clinical/NCT03779711.md: "# Intramyocardial Injection of Autologous Umbilical Cord Blood Derived
    # Mononuclear Cells During Surgical Repair of Hypoplastic Left Heart Syndrome", "## Interventions" / "- **BIOLOGICAL:**
    # Autologous (self) mononuclear cells derived from umbilical cord blood" / "- **PROCEDURE:** Stage II Surgical repair",
    # "## Conditions studied" / "- Hypoplastic Left Heart Syndrome"; its collaborators "- [object Object]" name nobody, and
    # "## Primary source", "## Citation" after them are none
    record = holdout10_record("api.ai-analytics.org", "NCT03779711")
    assert record.title.startswith("Intramyocardial Injection of Autologous Umbilical Cord Blood Derived Mononuclear Cells")
    assert [(i.type, i.name) for i in record.interventions] == [
        ("BIOLOGICAL", "Autologous (self) mononuclear cells derived from umbilical cord blood"),
        ("PROCEDURE", "Stage II Surgical repair")]
    assert record.conditions == ["Hypoplastic Left Heart Syndrome"]
    assert [(s.name, s.role) for s in record.sponsors] == [("Timothy J Nelson, MD, PhD", "LEAD")]
    assert [(p.cell_type, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        (None, ["AUTOLOGOUS"], ["UMBILICAL_CORD_BLOOD"])]


def test_the_same_sites_record_of_a_follow_up_study_gives_no_cells() -> None:
    # api.ai-analytics.org/clinical/NCT02445222.md (tests/data/therapy-holdout4): "# CAR-T Long Term Follow Up (LTFU)
    # Study", "- **GENETIC:** Previously treated CAR-T patients": a follow-up of earlier recipients, no product
    record = holdout10_record("api.ai-analytics.org", "NCT02445222", HOLDOUT4)
    assert record.title == "CAR-T Long Term Follow Up (LTFU) Study"
    assert [(i.type, i.name) for i in record.interventions] == [("GENETIC", "Previously treated CAR-T patients")]
    assert record.cell_products == []


@pytest.mark.parametrize(("line", "title"), [
    ("# Intramyocardial Injection of Autologous Cells", "Intramyocardial Injection of Autologous Cells"),
    ("# source: https://api.ai-analytics.org/clinical/NCT03779711.md", None),  # a "label: value" line
    ("## Key facts", None),  # a second-level heading
], ids=["title", "label-line", "section-heading"])
def test_a_markdown_first_level_heading_is_a_title(line: str, title: str | None) -> None:
    from kg.read.layouts.generic import _markdown_title
    assert _markdown_title(line + "\n") == title


# --- wordings from the misses tests/data/therapy-holdout24/README.md lists --------------------------------------------

# knowcancer.com/NCT00003067-intracavitary-il-2-lak-cells-malignant-glioma.txt, its OUTLINE hard-wrapped as the page has it
WRAPPED = ["OUTLINE: Patients receive cytoreductive tumor surgery and/or biopsy and implantation of",
           "intracavitary Ommaya reservoir prior to therapy induction.",
           "Patients undergo outpatient leukapheresis on day -4 or -5, and cells are incubated ex vivo",
           "with interleukin-2 (IL-2). Lymphokine-activated killer (LAK) cells and IL-2 are infused on",
           "day 1. Bolus infusions of low-dose IL-2 are administered on days 3, 5, 8, 10, and 12,"]


def test_a_hard_wrapped_outline_is_read_in_its_sentences_and_its_bulleted_objectives_too() -> None:
    assert pdq_outline(WRAPPED).split("\n") == [
        "Patients receive cytoreductive tumor surgery and/or biopsy and implantation of intracavitary Ommaya reservoir "
        "prior to therapy induction.",
        "Patients undergo outpatient leukapheresis on day -4 or -5, and cells are incubated ex vivo with interleukin-2 "
        "(IL-2). Lymphokine-activated killer (LAK) cells and IL-2 are infused on day 1. Bolus infusions of low-dose IL-2 "
        "are administered on days 3, 5, 8, 10, and 12,"]
    # a line that opens in capitals is a line of its own
    assert pdq_outline(["OUTLINE:", "ARM I: Patients receive NK cells.", "ARM II: Patients receive IL-2."]).split("\n") == [
        "ARM I: Patients receive NK cells.", "ARM II: Patients receive IL-2."]
    assert pdq_objectives(["OBJECTIVES:", "- Confirm the antitumor efficacy of intracavitary interleukin-2 plus autologous",
                           "lymphokine-activated killer cells in patients with malignant gliomas.",
                           "- Determine whether eosinophilia is a prognosticator.", "OUTLINE: Patients receive surgery."]) == (
        "OBJECTIVES: - Confirm the antitumor efficacy of intracavitary interleukin-2 plus autologous lymphokine-activated "
        "killer cells in patients with malignant gliomas. - Determine whether eosinophilia is a prognosticator.")
    # and so the record: the cells made of the patients' leukapheresis, the IL-2 they are incubated in and given with
    record = therapy_page(title="Intracavitary Interleukin-2 (IL-2) and Lymphokine-Activated Killer (LAK) Cell Therapy for "
                                "Malignant Gliomas",
                          detailed_description="OBJECTIVES: - Confirm the antitumor efficacy of intracavitary interleukin-2 plus "
                                               "autologous lymphokine-activated killer cells in patients with malignant gliomas.\n"
                                               + pdq_outline(WRAPPED))
    # (one infusion a course: "LAK cells and IL-2 are infused on day 1", as the corpus's gold has it; s24-products)
    assert _products(record) == [(None, ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, 1)]
    assert sorted((c.cytokine, c.role) for c in record.cytokines) == [("IL-2", "EX_VIVO_EXPANSION"),
                                                                      ("IL-2", "IN_VIVO_SUPPORT")]


def test_the_number_under_the_records_officer_is_the_pages_own() -> None:
    lines = ("Roberta L. Hayes, PhD\nStudy Chair\nImmune Therapy, LLC\nUnited States: Federal Government\nCDR0000065739\n"
             "NCT00003067\nJuly 1997")
    assert number_under_officer(lines, find_registry_ids(lines))
    # a number far from the officer, or one of two, is not said the page's this way
    far = "Study Chair\n" + "\n".join(["a line"] * 8) + "\nNCT00003067"
    assert not number_under_officer(far, find_registry_ids(far))
    two = "Study Chair\nNCT00003067\nNCT00331526"
    assert not number_under_officer(two, find_registry_ids(two))


# --- pages from the misses tests/data/therapy-holdout23/README.md lists -----------------------------------------------

# cancerfax.com NCT06947473 (therapy-holdout23): UTF-8 stored as Thai Windows-874 ("โ€”" for "—", "ย\xa0" for a no-break
# space, "ยท" for "·"), Material icons' names glued to the lines ("labelAllogeneic Cell Therapy"), the title and a
# one-sentence summary above the register number, then a facts table
CANCERFAX = """CancerFax
circleActive โ€” Recruitment in Progress (โš\xa0 VERIFY: registry last verified May 2025 showed not-yet-recruiting)
sciencePhase 1 โ€” Investigator-Initiated
labelAllogeneic Cell Therapy
labelCord Blood Derived
labelInternational Patient Review Available

Cord Blood CD19-BCMA CAR-T Cell Therapy for Refractory Lupus Nephritis, Systemic Sclerosis, and Primary Sjogren's \
Syndrome with Pulmonary Hypertension

An investigator-initiated study at Beijing GoBroad Hospital evaluating an off-the-shelf, umbilical cord blood derived \
dual CD19-BCMA CAR-T cell therapy for patients with refractory lupus nephritis, systemic sclerosis, or primary Sjogren's \
syndrome with pulmonary arterial hypertension. CancerFax helps families review records, coordinate communication with \
the trial team, and understand whether this advanced cell therapy pathway may be relevant.

tagRegistry ID:ย\xa0NCT06947473 / BJGBYY-IIT-LCYJ-2025-025View on ClinicalTrials.gov โ†—
shieldClinical trial participation is subject to medical review. CancerFax does not guarantee enrollment or outcome.
Status
recruiting
Cancer Type
Refractory Autoimmune Disease (SLE-LN ยท SSc ยท pSS-PAH)
Treatment Type
Allogeneic Cord Blood Dual CD19-BCMA CAR-T
Phase
Phase 1 (Investigator-Initiated)
Required Biomarker
Refractory B-cell / plasma-cell driven disease
Location
China ยท Beijing (Single Center)
Estimated Participation
~12 months (inpatient + follow-up)
Case Review
Required
info

About This Clinical Trial

Systemic lupus erythematosus with lupus nephritis (SLE-LN), systemic sclerosis (SSc), and primary Sjogren's syndrome \
with pulmonary arterial hypertension (pSS-PAH) are severe autoimmune diseases driven by pathogenic autoantibodies.
"""


def test_utf8_read_as_thai_windows_874_is_repaired() -> None:
    text = clean_document_text(CANCERFAX)
    assert "circleActive — Recruitment in Progress (⚠ VERIFY" in text  # "โš\\xa0" is "⚠" whole
    assert "tagRegistry ID:\xa0NCT06947473 / BJGBYY-IIT-LCYJ-2025-025View on ClinicalTrials.gov ↗" in text
    assert "Refractory Autoimmune Disease (SLE-LN · SSc · pSS-PAH)" in text
    assert not any("\u0e00" <= char <= "\u0e7f" for char in text)


def test_icon_names_glued_to_the_lines_are_set_aside_and_the_label_icons_lines_are_tags() -> None:
    assert without_icon_names("labelAllogeneic Cell Therapy\nsciencePhase 1 — Investigator-Initiated\ninfo") == (
        "Allogeneic Cell Therapy\nPhase 1 — Investigator-Initiated\ninfo")
    assert icon_tags(CANCERFAX) == ["Allogeneic Cell Therapy", "Cord Blood Derived", "International Patient Review Available"]
    # one glued word is no sign of an icon font
    assert without_icon_names("tagRNA Study\nA study") == "tagRNA Study\nA study"


def test_cancerfax_pages_title_summary_and_facts_are_read() -> None:
    record = generic_page(CANCERFAX)
    assert record.title == ("Cord Blood CD19-BCMA CAR-T Cell Therapy for Refractory Lupus Nephritis, Systemic Sclerosis, "
                            "and Primary Sjogren's Syndrome with Pulmonary Hypertension")
    assert record.brief_summary.startswith("An investigator-initiated study at Beijing GoBroad Hospital evaluating an "
                                           "off-the-shelf, umbilical cord blood derived dual CD19-BCMA CAR-T cell therapy")
    assert record.keywords == ["Allogeneic Cell Therapy", "Cord Blood Derived", "International Patient Review Available"]
    assert record.conditions == ["Refractory Autoimmune Disease (SLE-LN · SSc · pSS-PAH)"]
    assert [i.name for i in record.interventions] == ["Allogeneic Cord Blood Dual CD19-BCMA CAR-T"]
    assert [s.name for s in record.sites] == ["China · Beijing (Single Center)"]
    assert (record.status, record.phases) == ("RECRUITING", ["PHASE1"])
    assert record.detailed_description.startswith("Systemic lupus erythematosus with lupus nephritis (SLE-LN)")


def test_cancerfax_pages_product_is_the_cord_blood_car_t() -> None:
    record = read_enriched(CANCERFAX.encode(), "page.txt")
    assert product_rows(record)[0][:4] == ("CAR_T", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], None)


def test_a_listings_one_sentence_on_where_and_what_a_study_tests_is_its_summary_a_title_is_not() -> None:
    # cancerfax.com NCT06947460's summary; a title of the same shape has no stop
    sentence = ("A Phase 1/2 single-arm study at Beijing GoBroad Hospital testing CD19-BCMA dual-target CAR-T cell therapy "
                "in patients with refractory lupus nephritis, systemic sclerosis, or primary Sjögren syndrome.")
    assert summary_paragraph([sentence]) == sentence
    assert summary_paragraph(["A Phase 1 Study in Patients With Relapsed Lymphoma Evaluating Autologous CD19 CAR T Cells "
                              "After Lymphodepletion"]) is None


# --- pages from the misses tests/data/pages-holdout3-gold/README.md lists ---------------------------------------------

PH3_PAGES = TESTS / "data" / "pages-holdout3"


NIPH = (PH3_PAGES / "rctportal.niph.go.jp" / "jRCTb070190057-e-mnc-salivary-gland.txt").read_text()


# rctportal.niph.go.jp jRCTb070190057: pipe rows "label | value |", a table rule "---|---|" under the first row of each
# table


def test_a_markdown_tables_rule_row_is_no_outcome() -> None:
    record = generic_page(NIPH)
    assert [(o.kind, o.measure) for o in record.outcomes] == [
        ("PRIMARY", "Safety"), ("SECONDARY", "Efficay (improvement of saliva secreation and gland volume)")]
    # a rule of dashes with no pipe is no table's: it stays where it was (the outcome's text)
    page = NIPH.replace("Primary Outcome | Safety |\n---|---|", "Primary Outcome | Safety |\n---")
    assert [o.measure for o in generic_page(page).outcomes if o.kind == "PRIMARY"] != ["Safety"]


def test_the_portals_criteria_and_first_enrollment_rows_are_read() -> None:
    record = generic_page(NIPH)
    assert record.start_date == "2019-03-19"
    kinds = [c.kind for c in record.criteria]
    assert kinds == ["INCLUSION"] * 4 + ["EXCLUSION"] * 6
    assert record.criteria[0].text == ("Patients who are suffering form sever xerostomia caused by the radiotherapy for "
                                       "head and neck cancer.")
    # exclusion 1's sub-list "1) … 2) …" stays in it; item "2." goes on after it
    assert record.criteria[4].text.startswith("Hemoglobin concentration in peripheral blood 1) blood collection within")
    assert record.criteria[4].text.endswith("femal: less than 12.5g/dl of hemoglobin concentration")
    assert record.criteria[5].text == "Patients who had got salivary gland tumor as a primary disease."
    # the row after the criteria is a heading of the portal, no criterion
    assert "Related Information" not in " ".join(c.text for c in record.criteria)


def test_a_digits_only_date_is_read_where_only_one_order_makes_a_date() -> None:
    assert parse_date("19/03/2019") == "2019-03-19"
    assert parse_date("05/01/2016") is None  # May 1 or January 5


def test_study_type_other_is_no_purpose_unless_the_page_types_its_study_elsewhere() -> None:
    assert generic_page(NIPH).primary_purpose is None
    # ISRCTN: "Primary study design" is the study type, "Study type" the purpose
    page = NIPH.replace("Study type | Other |", "Primary study design | Interventional |\nStudy type | Other |")
    record = generic_page(page)
    assert (record.study_type, record.primary_purpose) == ("INTERVENTIONAL", "OTHER")


def test_the_intervention_row_names_what_is_given_before_its_sub_labels() -> None:
    record = read_enriched(NIPH.encode(), "page.txt")
    assert [i.name for i in record.interventions] == ["injection of E-MNC to the submandibular gland"]
    assert record.interventions[0].description.endswith("Number of times of intervention: 1 time")
    # E-MNC (mononuclear cells) injected, once: a product of no cell type
    assert product_rows(record) == [(None, [], [], None, None, 1)]
    assert record.cell_products[0].kind == "mononuclear-cells"
    # a field without the sub-labels is as before: a sentence, no named intervention
    page = NIPH.replace(" Intervention period: 1-year Number of times of intervention: 1 time", " over one year.")
    assert read_enriched(page.encode(), "page.txt").interventions == []


UMIN_ICDS = (PH3_PAGES / "umin.ac.jp" / "UMIN000035608-R000040566-immune-cell-therapy-rectal-cancer.txt").read_text()


# umin.ac.jp UMIN000035608 (UMIN-ICDS) and jrct.mhlw.go.jp jRCTc071190041


def test_umins_phase_numerals_and_its_base_heading() -> None:
    record = read_enriched(UMIN_ICDS.encode(), "page.txt")
    assert record.phases == ["PHASE1", "PHASE2"]
    assert [(o.kind, o.measure) for o in record.outcomes if o.kind == "SECONDARY"] == [("SECONDARY", "Efficacy")]
    # a value that is no list of numerals is no phase
    page = UMIN_ICDS.replace("Phase I,II", "Phase Not applicable")
    assert read_enriched(page.encode(), "page.txt").phases in ([], ["NA"])


# astrazenecaclinicaltrials.com SD-037-0739: a sponsor's site of its trials, no register number ("ClinicalTrials.gov
# identifier:N/A"); the contract keys such a trial by the sponsor's own study id (/work/shared/spec/queries.md)
ASTRAZENECA = (PH3_PAGES / "astrazenecaclinicaltrials.com" / "SD-037-0739-oxis-turbuhaler-asthma.txt").read_text()


def test_a_sponsors_labelled_study_identifier_keys_a_page_without_a_register_number() -> None:
    record = read_enriched(ASTRAZENECA.encode(), "page.txt")
    assert [(i.value, i.scheme) for i in record.identifiers] == [("SD-037-0739", "ORG")]
    assert (record.phases, record.study_type, record.start_date) == (["PHASE3"], "INTERVENTIONAL", "2001-06-01")
    assert [s.name for s in record.sponsors] == ["AstraZeneca"] and record.conditions == ["asthma"]
    # the label with no number under it keys nothing: the page is refused
    page = ASTRAZENECA.replace("Study identifier:SD-037-0739", "Study identifier:N/A")
    assert not generic.claims(page)
    # "randomised, open, parallel group": "open" among the design's words is open-label
    assert (record.allocation, record.intervention_model, record.masking) == ("RANDOMIZED", "PARALLEL", "NONE")
    page = ASTRAZENECA.replace("randomised, open, parallel group", "randomised, parallel group, open-heart surgery")
    assert read_enriched(page.encode(), "page.txt").masking is None


def test_activated_lymphocytes_given_as_a_therapy_are_a_product_and_counted_ones_are_not() -> None:
    # umin.ac.jp UMIN000035608: its chemotherapy is then the trial's regimen
    record = read_enriched(UMIN_ICDS.encode(), "page.txt")
    assert product_rows(record) == [(None, [], [], None, None, None)]
    assert record.cell_products[0].kind == "activated-lymphocytes"
    assert [(r.name, r.purpose) for r in record.regimens] == [("mFOLFOX6", "CHEMOTHERAPY")]
    record = therapy_page(title="Lymphocyte subsets after surgery",
                          brief_summary="Activated lymphocytes in the peripheral blood were counted before and after "
                                        "infusion of the anaesthetic.")
    assert record.cell_products == []


# --- pages-holdout5-gold/README.md 1. Unicode hyphens -----------------------------------------------------------------

PH5_PAGES = TESTS / "data" / "pages-holdout5"


RD06 = PH5_PAGES / "cytotargetdb.ca" / "NCT06310811-rd06-04-cd19-car-t-sle.txt"


def test_unicode_hyphens_are_read_as_hyphens() -> None:
    # "an autologous anti‑CD19 CAR‑T cell therapy (gene‑modified cellular immunotherapy) ... Design: single‑arm" (U+2011)
    record = read_enriched(RD06.read_bytes(), RD06.name)
    assert [(p.cell_type, p.genetically_modified) for p in record.cell_products] == [("CAR_T", True)]
    assert record.intervention_model == "SINGLE_GROUP"
    assert clean_document_text("anti\u2011CD19 CAR\u2010T") == "anti-CD19 CAR-T"
    # dashes and the minus sign mean ranges and signs: "Adults 18–70", "moderate–severe", "−20 °C" stay
    dashes = "Adults 18\u201370, moderate\u2014severe, \u221220"
    assert repair_unicode_hyphens(dashes) == dashes


# --- pages-holdout5-gold/README.md 2. cytotargetdb.ca's field names and its "Exclude:" run ------------------------------

ATHENA = PH5_PAGES / "cytotargetdb.ca" / "NCT06373991-athena-car-t-sle.txt"


def _criteria(record) -> list[tuple[str | None, str]]:  # noqa: ANN001 - a TrialRecord
    return [(c.kind, " ".join(c.text.split()[:3])) for c in record.criteria]


def test_stored_field_names_are_labels_not_criteria() -> None:
    # "eligibility_summary" / "Adults 18–56 with SLE ..." / "trial_source" / "clinical_trials.gov from Dec 2, 2025" /
    # "annotation_status" / "manual_review_required" / "ai_summary" / "Trial: NCT06373991 (Phase 1, single-arm) ..."
    record = generic_page(ATHENA.read_text())
    assert _criteria(record) == [("INCLUSION", "Adults 18–56 with"), ("EXCLUSION", "malignancy, prior CD19/CAR-T/gene")]
    assert record.brief_summary.startswith("Trial: NCT06373991 (Phase 1, single-arm)")
    # a line of the page's own words is no field name: "Trial source" prose stays where it is
    record = generic_page("NCT06373991\nEligibility criteria\nAdults 18 to 56 with SLE\nthe trial source was not given\n")
    assert [c.text for c in record.criteria] == ["Adults 18 to 56 with SLE", "the trial source was not given"]


def test_a_summary_run_of_exclusions_after_exclude() -> None:
    # "Eligibility: Adults 18–70 with active SLE ... Negative pregnancy test, contraception. Exclude: recent severe lupus
    # crises, CNS/cardiac disease, ..."
    record = generic_page(RD06.read_text())
    assert _criteria(record) == [("INCLUSION", "Adults 18–70 with"), ("EXCLUSION", "recent severe lupus")]
    # "exclude" in a sentence of its own is no heading
    found = criteria_from_mixed_lines(["Adults with SLE, consent. We exclude: cancer, HIV."])
    assert [(c.kind, c.text) for c in found] == [(None, "Adults with SLE, consent. We exclude: cancer, HIV.")]


# --- pages-holdout5-gold/README.md 6. An IRCT protocol's text with its section labels run onto the section before ------

IRCT = PH5_PAGES / "123dok.com" / "IRCT20190717044241N1-placental-msc-acute-liver-failure.txt"


def test_irct_protocol_labels_at_a_line_end_and_criterias() -> None:
    # "... Imam Khomeini hospital in Tehran Participants/Inclusion and exclusion criteria" / "Inclusion Criterias: 1. ALF:
    # ... 2. All patients ... Exclusion criteria: 1. Patient dissatisfaction 2. Pregnant patient 3. Age less than 17 years
    # 4. A patient with known active malignancy Intervention groups"
    record = generic_page(IRCT.read_text())
    assert [(c.kind, c.text) for c in record.criteria][2:] == [
        ("EXCLUSION", "Patient dissatisfaction"), ("EXCLUSION", "Pregnant patient"), ("EXCLUSION", "Age less than 17 years"),
        ("EXCLUSION", "A patient with known active malignancy")]
    assert [c.kind for c in record.criteria[:2]] == ["INCLUSION", "INCLUSION"]
    # the words of a sentence, in lower case, are no label; nor a label alone on its line with nothing before it
    found = reading("Eligibility criteria\nAdults with two intervention groups\nPatients with ALF Intervention groups\n")
    assert found.sections["eligibility"] == ["Adults with two intervention groups", "Patients with ALF"]


# --- pages-holdout5-gold/README.md 7. A summary of the criteria opening with the adults' ages; a summary's design with its phase ---

def test_adults_and_their_ages_and_the_summarys_phase() -> None:
    # "Eligibility: Adults 18–70 with active SLE ..." and "Design: single‑arm, Phase I, 3+3 dose escalation"
    # (NCT06310811); "Adults 18–56 with SLE ..." and "Trial: NCT06373991 (Phase 1, single-arm)" (NCT06373991)
    rd06, athena = (read_enriched(page.read_bytes(), page.name) for page in (RD06, ATHENA))
    assert (rd06.min_age_years, rd06.max_age_years, rd06.phases) == (18, 70, ["PHASE1"])
    assert (athena.min_age_years, athena.max_age_years, athena.phases) == (18, 56, ["PHASE1"])
    # a weight after the word, or another trial's number with its phase, is neither
    assert ages_from_criteria(["Adults 50-90 kg body weight"]) == (None, None)
    other = therapy_page(brief_summary="NK cells will be infused. A previous study, NCT01234567 (Phase 2), showed responses.")
    assert complete_from_prose(other).phases == []


def test_ages_an_exclusion_states_from_outside() -> None:
    # exclusion 3. "Age less than 17 years" (123dok.com IRCT20190717044241N1)
    assert generic_page(IRCT.read_text()).min_age_years is None  # the reader's record; the enrichment reads it
    assert read_enriched(IRCT.read_bytes(), IRCT.name).min_age_years == 17
    # an exclusion not about age, or an inclusion's wording, bounds nothing from outside
    assert ages_from_exclusions(["Prior transplant less than 3 years ago", "Children under 12 years of age"]) == (None, None)


# --- pages from the misses the generic held-out corpora's READMEs list ------------------------------------------------

# inova.org (generic-holdout4): a hospital's page of a sponsor's trial, labels and values on lines of their own
INOVA = (
    "Semaglutide effects on cardiovascular outcomes in people with overweight or obesity (SELECT)\n\n"
    "General Information\n\nAge Group\n\nAdults\n\nStatus\n\nClosed\n\nProtocol Number\n\nEX9536-4388\n\n"
    "Background Information\n\n"
    "People that are overweight or obese are at high risk for cardiovascular (CV) disease.\n")


def test_a_labelled_protocol_number_beside_a_status_keys_a_hospitals_trial_page() -> None:
    record = _read(INOVA)
    assert trial_key(record.identifiers) == "EX9536-4388"
    assert record.title == "Semaglutide effects on cardiovascular outcomes in people with overweight or obesity (SELECT)"


def test_a_protocol_number_without_a_status_makes_no_trial_page() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(INOVA.replace("Status\n\nClosed\n\n", ""))


# ndorms.ox.ac.uk (generic-holdout3): a news item on the TWO Study whose only number is the ONE Study's
NDORMS = (
    "The TWO Study is a Phase IIb randomised controlled trial of regulatory T cells (Tregs) in renal transplantation, "
    "with the aim of facilitating the minimisation of drug immunosuppression. The first patient was recruited to the "
    "trial in late February, marking the start of an exciting phase of the study.\n\n"
    "Tregs are a subset of T cells that act physiologically to prevent autoimmune disease. Having proven the safety and "
    "feasibility of Treg-based immunotherapy in the ONE Study (EudraCT number: 2013-002099-42), the TWO Study aims to "
    "demonstrate the efficacy of this treatment in a Phase IIb setting, with the goal of allowing minimisation of drug "
    "immunosuppression to a single agent by 6-months after kidney transplantation.\n\n"
    " For any questions, please contact the TWO Study team (twostudy@nds.ox.ac.uk).\n")


def test_a_number_by_another_named_study_than_the_pages_is_not_the_pages() -> None:
    assert one_trial_in_prose(NDORMS) == []
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(NDORMS)


def test_a_number_by_the_study_the_page_names_is_the_pages() -> None:
    # the same sentences about the ONE Study itself: its number is the page's
    text = NDORMS.replace("TWO Study", "ONE Study").replace("the ONE Study aims", "the study aims")
    assert [i.value for i in one_trial_in_prose(text)] == ["2013-002099-42"]


# smartpatients.com NCT01694472 (therapy-holdout20): labels without colons, each value in lower case on its label's line;
# the "Study Design" paragraph that says what the patients receive is no design field's value
SMARTPATIENTS_LABELS = (
    "This trial is active, not recruiting.\n\n"
    "Condition malignant solid tumors\nTreatment mage-a4 tcr gene-modified t cells\nPhase phase 1\n"
    "Sponsor Tianjin Medical University Cancer Institute and Hospital\nStart date July 2012\nEnd date November 2016\n"
    "Trial size 15 participants\nTrial identifier NCT01694472, CIH-RXB-201205002\n\n\n"
    "The purpose of this study is to evaluate the clinical safety and preliminary efficacy of MAGE-A4 TCR Gene-Modified T "
    "lymphocytes in the treatment of malignant solid tumor patients, such as malignant melanoma and lung cancer.\n\n"
    "Study Design\n\nIntervention model single group assignment\nMasking open label\nPrimary purpose supportive care\n"
    "mage-a4 tcr gene-modified t cells\n"
    "The study consists of a 2-dose escalation scheme, and the patient receives twice in each dose. The starting dose is "
    "1-3 x 10^9 cells of each TCR gene-modified cells and the second one is 3-8 x 10^9 cells of each TCR gene-modified "
    "cells. Two weeks after the first infusion the patient receives the same dose again, followed by infusions of IL-2 "
    "for 5 days.\n\nPrimary Outcomes\n\nObjective response rate\ntime frame: Up to 12 months\n")


def test_lower_case_values_after_colonless_labels_open_their_fields_and_end_at_their_line() -> None:
    found = reading(SMARTPATIENTS_LABELS)
    assert found.sections["conditions"] == ["malignant solid tumors"]
    assert found.sections["intervention_model"] == ["single group assignment"]
    assert found.sections["masking"] == ["open label"]
    assert found.sections["primary_purpose"] == ["supportive care"]
    assert found.sections["completion_date"] == ["November 2016"]
    record = _read(SMARTPATIENTS_LABELS)
    assert record.conditions == ["malignant solid tumors"]
    assert record.brief_summary.startswith("The purpose of this study is to evaluate the clinical safety")
    # the paragraph saying what the patients receive reaches the record (the doses, the infusions, IL-2)
    assert "The starting dose is 1-3 x 10^9 cells" in record.detailed_description
    assert "followed by infusions of IL-2 for 5 days" in record.detailed_description


# --- after: the pages-holdout corpus's misses (pages-holdout2), a design value ----------------------------------------

def test_a_design_value_cut_where_the_excerpt_ends_is_the_one_wording_it_begins() -> None:
    # clinicaltrials.gov NCT03533816 (tests/data/pages): the excerpt ends inside the allocation row
    page = (TESTS / "data" / "pages" / "clinicaltrials.gov" / "show-NCT03533816-eagd-gamma-delta-t.txt").read_text()
    assert page.rstrip().endswith("Allocation: | Non-Randomi")
    assert read_enriched(page.encode(), "page.txt").allocation == "NON_RANDOMIZED"
    # a start too short to tell, or a row that is not where the excerpt ends, is not completed
    assert read_enriched(page.replace("Non-Randomi", "Non-R").encode(), "page.txt").allocation is None
    inside = page.replace("Allocation: | Non-Randomi", "Allocation: | Non-Randomi\nIntervention Model: | Single Group |")
    assert read_enriched(inside.encode(), "page.txt").allocation is None


# --- therapy-holdout28/README.md: cancer.gov's PDQ record archived in 2008, a glued table header over its protocol ids ---

# therapy-holdout28/pages/webarchive.library.unt.edu/NCI-86-C-183E-til-il-2-cyclophosphamide-pdq-1986.txt (abridged)
PDQ = ("Phase I/II Chemoimmunotherapy with IL-2/CY, plus Tumor Infiltrating Lymphocytes in Selected Patients and "
       "alpha-Interferon in Some Patients, in Treatment of Advanced Refractory Cancer\n\n"
       "Basic Trial Information\nObjectives\nEntry Criteria\n\nBasic Trial Information\n\n"
       "PhaseTypeStatusAgeSponsorProtocol IDs\nPhase II, Phase ITreatmentCompletedany ageNCINCI-86-C-183E\n"
       "NCI-T86-0225N, T86-0225\n\nObjectives\n\n"
       "I.  Evaluate the toxicity and therapeutic efficacy of \ninterleukin-2/cyclophosphamide in patients with advanced "
       "cancer.\nII.  Evaluate the toxicity and therapeutic efficacy of infusing tumor \ninfiltrating lymphocytes (TIL), "
       "when available from freshly resected tumor, \ninto selected patients.\n\nEntry Criteria\n")


def test_a_pdq_records_first_protocol_id_keys_it_the_others_are_its_ids() -> None:
    record = _read(PDQ)
    assert trial_key(record.identifiers) == "NCI-86-C-183E"  # the first "Protocol IDs" entry, the sponsor's id
    assert [(i.value, i.scheme) for i in record.identifiers] == [
        ("NCI-86-C-183E", "ORG"), ("NCI-T86-0225N", "ORG"), ("T86-0225", "ORG")]
    assert record.status == "COMPLETED" and [s.name for s in record.sponsors] == ["NCI"]
    assert "infusing tumor infiltrating lymphocytes (TIL)" in (record.detailed_description or "")


def test_the_glued_cells_of_the_pdq_row() -> None:
    rows = header_row_lines(["PhaseTypeStatusAgeSponsorProtocol IDs",
                             "Phase II, Phase ITreatmentCompletedany ageNCINCI-86-C-183E", "NCI-T86-0225N, T86-0225"])
    assert rows[0][2] == ["Phase: Phase II, Phase I", "Purpose: Treatment", "Status: Completed", "Age: any age",
                          "Sponsor: NCI", "Protocol ID: NCI-86-C-183E", "Protocol ID: NCI-T86-0225N", "Protocol ID: T86-0225"]
    # (left alone) a sponsor whose id does not open with its letters: the id is not cut ("Other" / "AMC-…" is cut at the
    # capital, as before), and a status word going on in lower case with no space is no status glued to a cell
    other = header_row_lines(["PhaseTypeStatusAgeSponsorProtocol IDs", "Phase ITreatmentCompleted18 and overNCIT86-0225"])
    assert other[0][2] == ["Phase: Phase I", "Purpose: Treatment", "Status: Completed", "Age: 18 and over",
                           "Protocol ID: NCIT86-0225"]
    glued = header_row_lines(["PhaseTypeStatusAgeSponsorProtocol IDs", "Phase ITreatmentCompletedness18 to 65XYZ-1"])
    assert not any(cell.startswith("Status") for cell in glued[0][2])


def test_a_pdq_records_status_alone_makes_no_trial_page_without_its_id() -> None:
    # (left alone) the same record with no protocol id: no number of its own, refused
    with pytest.raises(DocumentError):
        _read(PDQ.replace("NCINCI-86-C-183E\nNCI-T86-0225N, T86-0225", "NCI"))


def test_the_archived_objectives_heading_over_numbered_objectives() -> None:
    lines = PDQ.split("\n")
    assert pdq_objectives(lines).startswith("Objectives: I. Evaluate the toxicity and therapeutic efficacy of "
                                            "interleukin-2/cyclophosphamide in patients")
    # (left alone) the word in the page's contents, over no numbered objective
    assert pdq_objectives(["Basic Trial Information", "Objectives", "Entry Criteria", "Outline"]) is None


# --- pages held-out 6: smartpatients.com's label lines, study group and '- ' criteria run (pages-holdout6-gold README) ---

PH6_SMARTPATIENTS = TESTS / "data" / "pages-holdout6" / "smartpatients.com" / "NCT01898663-adenovirus-dc-cik-soft-tissue-sarcoma.txt"
PH6_CANCERFAX = TESTS / "data" / "pages-holdout6" / "cancerfax.com" / "NCT01691625-dc-cik-chemoradiation-esophageal.txt"


def test_trial_size_and_own_id_on_label_lines_without_separators() -> None:
    # "Trial size 30 participants" / "Trial identifier NCT01898663, 307-CTC-DC/CIK"
    record = saved_page(PH6_SMARTPATIENTS)
    assert record.enrollment == 30
    assert [(i.value, i.scheme) for i in record.identifiers] == [("NCT01898663", "NCT"), ("307-CTC-DC/CIK", "ORG")]
    # only on a page that writes its values so, and only in that shape: a sentence about the size, or an id line that
    # opens with no register number, is none
    lines = ("Condition high-risk soft tissue sarcoma\nPhase phase 1/phase 2\nMasking open label\n"
             "Primary purpose treatment\nNCT01898663\n")
    record = generic_page(lines + "Trial size was 30 in the end\nTrial identifier 307-CTC-DC/CIK\n")
    assert record.enrollment is None
    assert [i.value for i in record.identifiers] == ["NCT01898663"]


def test_the_study_group_line_over_the_interventions_name() -> None:
    # "Primary purpose treatment" / "Adenovirus-transfected autologous DCs + CIK cells" / "adenovirus-transfected dc + cik"
    # / "Adenovirus-transfected autologous DC vaccine plus CIK cells", the "Treatment" line naming the intervention
    record = saved_page(PH6_SMARTPATIENTS)
    assert [(a.label, a.interventions) for a in record.arms] == [
        ("Adenovirus-transfected autologous DCs + CIK cells", ["adenovirus-transfected dc + cik"])]
    # a label's line over the name is no group ("Primary purpose supportive care" / "mage-a4 tcr gene-modified t cells",
    # smartpatients.com NCT01694472), nor is a sentence
    record = generic_page("NCT01694472\nCondition malignant solid tumors\nTreatment mage-a4 tcr gene-modified t cells\n"
                          "Phase phase 1\nMasking open label\nPrimary purpose supportive care\n"
                          "mage-a4 tcr gene-modified t cells\nThe patients are given the cells twice.\n"
                          "mage-a4 tcr gene-modified t cells\n")
    assert record.arms == []


def test_a_flattened_dash_list_of_criteria() -> None:
    # "Inclusion Criteria: - Intermediate or high grade sarcoma as determined by pathology review - Histopathologically
    # confirmed diagnosis of intermediate or high grade sarcoma - Age≥18 years at time of consent - KPS(Karnofsky
    # Performance Scale) ≥70 - … - Normal liver, kidney and marrow functi"
    record = saved_page(PH6_SMARTPATIENTS)
    inclusion = [c.text for c in record.criteria if c.kind == "INCLUSION"]
    assert len(inclusion) == 9
    assert inclusion[0] == "Intermediate or high grade sarcoma as determined by pathology review"
    assert inclusion[-1] == "Normal liver, kidney and marrow functi"
    # a range, or one dash inside an item, cuts nothing
    found = criteria_from_lines(["- Age 18 - 65 years", "- Hepatitis B - Positive serology"], "EXCLUSION")
    assert [c.text for c in found] == ["Age 18 - 65 years", "Hepatitis B - Positive serology"]


def test_the_sex_and_age_sentence_over_the_criteria() -> None:
    # "Eligibility Criteria" / "Male or female participants at least 18 years old." / "Inclusion Criteria: - …"
    record = saved_page(PH6_SMARTPATIENTS)
    assert (record.sex, record.min_age_years) == ("ALL", 18.0)
    assert not any(c.text.startswith("Male or female") for c in record.criteria)
    # the same words as a criterion among the criteria stay a criterion, and say no sex
    record = generic_page("NCT01898663\nEligibility Criteria\nInclusion Criteria:\n- Histologically confirmed sarcoma\n"
                          "- Male or female participants at least 18 years old.\n")
    assert record.sex is None
    assert [c.text for c in record.criteria] == ["Histologically confirmed sarcoma",
                                                "Male or female participants at least 18 years old."]


# --- 2. cancerfax.com's prose article --------------------------------------------------------------------------------------

def test_an_articles_sentences_that_open_with_the_trials_number() -> None:
    # "DC-CIK Immunotherapy Combined With Concurrent Chemoradiation for Locally Advanced Esophageal Cancer" / "NCT01691625
    # was a prospective interventional study conducted at Capital Medical University Cancer Center, Beijing, evaluating
    # …" … "NCT01691625 (study ID: JR-01) was a single-centre interventional study sponsored by Capital Medical University,
    # conducted at Capital Medical University Cancer Center (CMUCC), Beijing Shijitan Hospital."
    record = saved_page(PH6_CANCERFAX)
    assert record.title == "DC-CIK Immunotherapy Combined With Concurrent Chemoradiation for Locally Advanced Esophageal Cancer"
    assert ("JR-01", "ORG") in [(i.value, i.scheme) for i in record.identifiers]
    assert [(s.name, s.role) for s in record.sponsors] == [("Capital Medical University", "LEAD")]
    assert [(s.name, s.city, s.country) for s in record.sites] == [
        ("Capital Medical University Cancer Center", "Beijing", None)]  # the text names no country


def test_a_news_headline_and_other_sentences_are_left_alone() -> None:
    # a headline over a sentence that does not open with the number tells news; a site named otherwise is not read
    record = generic_page("DC-CIK Immunotherapy Improves Survival in Esophageal Cancer Patients\nThe first patient has "
                          "been dosed in the phase 1 trial (NCT01691625) of DC-CIK cells, which was conducted at several "
                          "centres in China and is sponsored by a university.\n")
    assert record.title is None
    assert record.sites == [] and record.sponsors == []


# --- pages held-out 7 (tests/data/pages-holdout7) ---------------------------------------------------------------------

def test_umin_keeps_its_index_on_labels_of_texts_not_on_a_count():
    assert label_of("Narrative objectives1") == ("detailed_description", None)
    assert label_of("Interventions/Control_1") == ("interventions", None)
    assert label_of("Target sample size4", glued=True) == ("enrollment", "4")


def test_the_umin_intervention_fields_are_labels_not_interventions():
    # "No. of arms" / "1" / "Purpose of intervention" / "Treatment" / "Type of intervention" / "Device,equipment" /
    # "Interventions/Control_1" / "We confirm the status of cartilage defect"; "Blinding" / "Open -no one is blinded"
    record = saved_page(HOLDOUT7 / "umin.ac.jp" / "UMIN000006650-chondrocyte-sheets-knee-cartilage.txt", enriched=False)
    assert [i.name for i in record.interventions] == ["We confirm the status of cartilage defect"]
    assert record.primary_purpose == "TREATMENT"
    assert record.masking == "NONE"
    assert lookup("masking", "Open -no one is blinded") == "NONE"
    assert lookup("masking", "Single blind -participants are blinded") != "NONE"  # UMIN's wording of a blinded trial


def test_isrctn_protocol_serial_number_and_funder():
    # "Protocol serial number CS/2008/3027", "Funder National Institute for Health Research (NIHR) (UK) - Biomedical
    # Research Unit" beside "Sponsor University Hospitals Bristol NHS Foundation Trust (UK)"
    record = saved_page(HOLDOUT7 / "isrctn.com" / "ISRCTN71717097-cd133-stem-cells-lv-restoration.txt", enriched=False)
    assert ("CS/2008/3027", "ORG") in [(i.value, i.scheme) for i in record.identifiers]
    assert [(s.name, s.role) for s in record.sponsors] == [
        ("University Hospitals Bristol NHS Foundation Trust (UK)", "LEAD"),
        ("National Institute for Health Research (NIHR) (UK) - Biomedical Research Unit", None)]
    # ctv.veeva.com's "Funder types" heads the kinds of its funders, no funder
    assert reading("NCT01234567\nFunder types\nOther\n").sections.get("funders") is None


def test_a_summary_naming_its_interventions_in_a_bulleted_run():
    # ignite-sd.com NCT07358260's brief summary: "The names of the treatment interventions used in this study are: *
    # B7-H3.CD28Z.CART / B7-H3 CAR T cells * Fludarabine * Cyclophosphamide"
    record = saved_page(HOLDOUT7 / "ignite-sd.com" / "NCT07358260-b7-h3-car-t-pediatric-solid-tumors-description.txt", enriched=False)
    assert [i.name for i in record.interventions] == [
        "B7-H3.CD28Z.CART / B7-H3 CAR T cells", "Fludarabine", "Cyclophosphamide"]
