"""Reader gaps tests/data/therapy-holdout23/README.md lists: ClinicalTrials.gov's study page of 2008-2012 (its "Purpose"
heading, its conditions table "Condition Intervention Phase", its status sentence), and cancerfax.com's page stored as
Thai Windows-874 with icon names glued to its lines. Each test quotes the real page's words in a page of its own; the
held-out pages stay a measure.
"""

from __future__ import annotations

from conftest import generic_page, product_rows, read_enriched

from kg.model.text import clean_document_text, repair_windows874_mojibake
from kg.read.parse.cues import icon_tags, summary_paragraph, without_icon_names

# clinicaltrials.gov/ct2/show/NCT00717184 (therapy-holdout23): the 2008 page under the 2023 banner, "Sponsor:" without
# its name, the status a sentence, the summary under "Purpose", the conditions table's cells run together on one line
CT2_2008 = """We are updating the design of this site. Learn more.
Show more
ClinicalTrials.gov
ClinicalTrials.gov Menu

A Pilot Study of Autologous Ex Vivo Activated NK Cell Infusion in the Treatment of Metastatic Nasopharyngeal Carcinoma

This study has been completed.
Sponsor:
ClinicalTrials.gov Identifier:
NCT00717184
First Posted: July 17, 2008
Last Update Posted: April 9, 2010
The safety and scientific validity of this study is the responsibility of the study sponsor and investigators. \
Listing a study does not mean it has been evaluated by the U.S. Federal Government. Read our disclaimer for details.
Information provided by:
National University Hospital, Singapore
  Purpose
  1. To demonstrate the feasibility of leukapheresis and ex vivo activation of autologous NK cells in patients with \
metastatic NPC
  2. To demonstrate the safety of low dose systemic IL-2 in combination with escalating doses of autologous Ex Vivo \
Activated NK cells in patients with metastatic NPC

Condition Intervention Phase
Metastatic Nasopharyngeal Drug: Interleukin, NK cells Phase 1

Study Type: Interventional
Study Design: Allocation: Non-Randomized
Masking: None (Open Label)
Primary Purpose: Treatment
Official Title: A Pilot Study of Autologous Ex Vivo Activated NK Cell Infusion in the Treatment of Metastatic \
Nasopharyngeal Carcinoma

Further study details as provided by National University Hospital, Singapore:

Study Start Date: May 2007
Detailed Description:

We are investigating the use of immune cell therapy in metastatic Nasopharyngeal Cancer (NPC).
"""


def test_the_2008_pages_title_is_above_its_status_sentence() -> None:
    record = read_enriched(CT2_2008.encode(), "ct2-show-NCT00717184.txt")
    assert record.source.layout == "ctgov_classic"
    assert record.title == ("A Pilot Study of Autologous Ex Vivo Activated NK Cell Infusion in the Treatment of Metastatic "
                            "Nasopharyngeal Carcinoma")
    assert record.status == "COMPLETED"
    # "Sponsor:" names no one: the identifier's label and the dates under it are no sponsors
    assert record.sponsors == []


def test_the_2008_pages_purpose_and_conditions_table_are_read() -> None:
    record = read_enriched(CT2_2008.encode(), "ct2-show-NCT00717184.txt")
    assert record.brief_summary.startswith("1. To demonstrate the feasibility of leukapheresis and ex vivo activation of "
                                           "autologous NK cells")
    assert "low dose systemic IL-2 in combination with escalating doses of autologous Ex Vivo Activated NK cells" in (
        record.brief_summary)
    assert record.conditions == ["Metastatic Nasopharyngeal"]
    assert [(i.type, i.name) for i in record.interventions] == [("DRUG", "Interleukin, NK cells")]
    assert record.phases == ["PHASE1"]
    assert record.allocation == "NON_RANDOMIZED"
    assert record.detailed_description.startswith("We are investigating the use of immune cell therapy")
    # the leukapheresis gives the cells' tissue, the IL-2 given with them a cytokine row
    [product] = record.cell_products
    assert (product.cell_type, product.donor_types, product.tissue_sources) == ("NK", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"])
    assert [c.cytokine for c in record.cytokines] == ["IL-2"]


def test_the_2012_pages_conditions_table_one_cell_a_line_is_read() -> None:
    # clinicaltrials.gov/ct2/show/NCT01498055 (therapy-holdout4): "Condition Phase" over "Lung Cancer" / "Phase 2" /
    # "Phase 3"; the status only "was" Recruiting, now unknown
    page = """Autologous CIK Cells Infusion for the Treatment of Lung Cancer: a Randomized Controlled Study

The recruitment status of this study is unknown because the information has not been verified recently.
Verified December 2011 by Third Military Medical University.
Recruitment status was  Recruiting
Sponsor:
Information provided by (Responsible Party):
Gong Liang, Third Military Medical University
ClinicalTrials.gov Identifier:
NCT01498055
First received: November 24, 2011
  Purpose

To study the efficacy and safety of autologous CIK cells infusion for the treatment of lung cancer.


Condition Phase
Lung Cancer
Phase 2
Phase 3

Study Type: Observational
Study Design: Observational Model: Case Control
"""
    record = read_enriched(page.encode(), "ct2-show-NCT01498055.txt")
    assert record.brief_summary == ("To study the efficacy and safety of autologous CIK cells infusion for the treatment of "
                                    "lung cancer.")
    assert (record.conditions, record.phases, record.status) == (["Lung Cancer"], ["PHASE2", "PHASE3"], "UNKNOWN")
    assert record.interventions == []


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


def test_thai_text_and_a_lone_pair_without_a_sure_sign_are_left_alone() -> None:
    assert repair_windows874_mojibake("ภาษาไทย ยก") == "ภาษาไทย ยก"
    assert repair_windows874_mojibake("China ยท Beijing") == "China ยท Beijing"  # no "โ€" anywhere: could be Thai
    # a Thai word beside the mojibake stays as it is
    assert repair_windows874_mojibake("โ€” ภาษาไทย") == "— ภาษาไทย"


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
