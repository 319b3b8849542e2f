"""How trial texts say a thing, from the rule gaps the held-out corpora's READMEs list (issue 17: reading that follows
the language, not the seeds).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdoutNN/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in pages and records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import generic_page, read_enriched
from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.build.streaming import build
from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.quantities import cell_doses, find_amounts
from kg.enrich.therapy.schedules import infusion_count
from kg.graphs.files import load_graph
from kg.model.identifiers import trial_key
from kg.model.records import Arm, Intervention
from kg.query.catalogue import stored_query
from kg.query.run import run_local
from kg.validation.reference import validate_graph


def _doses(text: str) -> list[tuple[float, float | None, str, bool]]:
    return [(d.minimum, d.maximum, d.unit, d.per_dose) for d in cell_doses(text)]


# therapy-holdout22 meddatax.com/NCT06371040-cd19-bcma-car-t-per-kg-myasthenia-gravis.txt
def test_a_power_of_ten_as_a_small_e_set_apart_from_its_number() -> None:
    # (each a numbered dose's, one administration's, as the corpus's gold has it: tests/test_dose_language_s23.py)
    assert _doses("CD19-BCMA Targeted CAR-T Dose 1 5.0 e5/ kg CD19-BCMA CAR-T positive T cells") == [
        (5e5, 5e5, "{cells}/kg", True)]
    assert _doses("CD19-BCMA Targeted CAR-T Dose 2 1.5 e6/ kg CD19-BCMA CAR-T positive T cells") == [
        (1.5e6, 1.5e6, "{cells}/kg", True)]
    # a capital E apart from a number is a gene's name: the HPV-16 E6 and E7 oncoproteins
    assert _doses("HPV-16 E6 E7-specific T cells") == []
    assert [(a.low, a.high) for a in find_amounts("HPV-16 E6 and E7")] == [(16.0, 16.0)]


MIRROR_PAGE = """Safety and Efficacy of CD19-BCMA Targeted CAR-T Therapy for Refractory Generalized Myasthenia Gravis

NCT ID: NCT06371040

Basic Information

Get a concise snapshot of the trial, including recruitment status, study phase, enrollment targets, and key timeline milestones.

Recruitment Status

RECRUITING

Brief Summary

Review the sponsor-provided synopsis that highlights what the study is about and why it is being conducted.

This study is a single-center, open-label, single-arm, dose-exploration study of CD19-BCMA CAR-T in myasthenia gravis.

Study Design

Understand how the trial is structured, including allocation methods, masking strategies, primary purpose, and other design elements.

Allocation Method

NA

Intervention Model

SEQUENTIAL

CD19-BCMA Targeted CAR-T Dose 1 5.0 e5/ kg CD19-BCMA CAR-T positive T cells

CD19-BCMA Targeted CAR-T Dose 2 1.5 e6/ kg CD19-BCMA CAR-T positive T cells

Primary Study Purpose

TREATMENT
"""


# therapy-holdout22 meddatax.com/NCT06371040: the intervention model's description printed without its label
def test_a_mirrors_prose_among_the_design_tokens_is_the_intervention_model_description() -> None:
    record = read_enriched(MIRROR_PAGE.encode(), "NCT06371040.txt")
    assert record.source.layout == "ctgov_mirror"
    assert (record.intervention_model, record.primary_purpose) == ("SEQUENTIAL", "TREATMENT")
    assert record.design_description == ("CD19-BCMA Targeted CAR-T Dose 1 5.0 e5/ kg CD19-BCMA CAR-T positive T cells\n"
                                         "CD19-BCMA Targeted CAR-T Dose 2 1.5 e6/ kg CD19-BCMA CAR-T positive T cells")
    assert [(d.minimum, d.unit) for p in record.cell_products for d in p.doses] == [(5e5, "{cells}/kg"),
                                                                                   (1.5e6, "{cells}/kg")]


# therapy-holdout20 acir.org NCT04074746 (a PubMed abstract): powers of ten and "per kg" as PubMed prints them
def test_powers_of_ten_in_brackets_and_kg_to_the_power_minus_one() -> None:
    sentence = ("This is the final analysis of this trial; 42 heavily pretreated patients received 2 to 4 cycles of "
                "lymphodepletion followed by AFM13-NK cell infusion at 3 dose levels (10(6), 10(7) and 10(8)_kg(-1)) and 3 "
                "weekly AFM13 infusions.")
    assert _doses(sentence) == [(1e6, 1e6, "{cells}/kg", True), (1e7, 1e7, "{cells}/kg", True),
                                (1e8, 1e8, "{cells}/kg", True)]
    # therapy-holdout22 ncbi.nlm.nih.gov NCT00602693: "10(5)" after a number
    assert _doses("Patients received a dose of 0.1-30 × 10(5)UCB Treg/kg after double UCB transplantation.") == [
        (1e4, 3e6, "{cells}/kg", True)]
    # a ten with a bracket that is no power: a reference, a count
    assert _doses("NK cells were infused in 10 (6%) patients") == []
    assert [(a.low, a.high) for a in find_amounts("see table 10(2)")] == [(100.0, 100.0)]


# therapy-holdout22 meddatax.com/NCT07243366-allogeneic-cd19-car-nk-every-two-weeks-myasthenia-gravis.txt
def test_infusions_counted_from_a_rhythm_and_a_total_duration() -> None:
    assert infusion_count("Allogeneic CD19-CAR-NK cells will be administered intravenously at a fixed dose, once every two "
                          "weeks for a total treatment duration of 24 weeks.") == 12
    assert infusion_count("NK cells given every 2 weeks for 8 weeks") == 4
    # an interval that does not divide the duration, or a bound, says no count
    assert infusion_count("given every 3 weeks for 8 weeks") is None
    assert infusion_count("once every two weeks for up to 24 weeks") is None
    record = _page(title="Allogeneic CD19-CAR-NK Cells in Patients With Refractory Myasthenia Gravis",
                   arms=[Arm("CD19-CAR-NK Cells Group",
                             description="Allogeneic CD19-CAR-NK cells will be administered intravenously at a fixed "
                                         "dose, once every two weeks for a total treatment duration of 24 weeks.")])
    assert [p.infusions for p in record.cell_products] == [12]


TIL_SENTENCE = ("Ex vivo–expanded auto-TILs (>1 × 109 cells in a single dose) were infused 3 days after the completion of "
                "CCRT and brachytherapy.")


# therapy-holdout22 jci.org/NCT04443296-til-after-cisplatin-chemoradiotherapy-im-il-2-cervical-cancer.txt
def test_auto_written_for_autologous_and_a_bound_on_the_cells_given_is_no_til_measure() -> None:
    record = _page(title="TIL after chemoradiotherapy in cervical cancer",
                   brief_summary="This trial aimed to investigate the safety of cisplatin CCRT plus TIL infusion. "
                                 + TIL_SENTENCE)
    assert _products(record) == [("T", ["AUTOLOGOUS"], [], True, None, 1)]
    # an autologous transplant written "auto-" is no product's donor
    record = _page(title="NK cells after auto-HSCT", brief_summary="Patients will receive NK cells after auto-HSCT.")
    assert [p.donor_types for p in record.cell_products] == [[]]
    # TILs measured in a biopsy stay measured
    record = _page(title="Chemotherapy in breast cancer with high TILs",
                   brief_summary="Patients with TILs (>= 30%) receive paclitaxel.")
    assert record.cell_products == []


@pytest.mark.parametrize("sentence", [TIL_SENTENCE, "auto-TILs (1 × 109 cells in a single dose) were infused"])
def test_cells_in_a_single_dose_are_one_doses_amount(sentence: str) -> None:
    assert infusion_count(sentence) == 1
    assert [d.per_dose for d in cell_doses(sentence)] in ([True], [])


def test_a_lower_bound_alone_is_a_dose_with_no_maximum() -> None:
    assert _doses(TIL_SENTENCE) == [(1e9, None, "{cells}", True)]
    assert _doses("patients received more than 2 x 10^6 CAR-T cells/kg") == [(2e6, None, "{cells}/kg", False)]
    # the open level at the end of a list is the list's beyond its last (ctv.veeva.com NCT04327037, held-out 11)
    assert _doses("10 patients will be enrolled in phase I to test different doses of NK cells: 20, 50, 70, 100 and >100 x "
                  "10^6/kg") == [(2e7, 2e7, "{cells}/kg", True), (5e7, 5e7, "{cells}/kg", True),
                                 (7e7, 7e7, "{cells}/kg", True), (1e8, 1e8, "{cells}/kg", True)]
    # an upper bound stays a limit, not a dose
    assert _doses("the product contains < 1 x 10^5/kg CD3+ T cells") == []


def test_a_dose_with_no_maximum_conforms_and_is_listed_with_dose_max_empty(tmp_path: Path) -> None:
    page = tmp_path / "NCT04443296.txt"
    summary = ("This trial aimed to investigate the safety of cisplatin CCRT plus TIL infusion for the treatment of "
               "patients with FIGO stage IIIA–IVA CC. " + TIL_SENTENCE)
    text = MIRROR_PAGE.replace("NCT06371040", "NCT04443296").split("\n")
    text = [line for line in text if "CAR-T" not in line or line.startswith("This study")]
    text[0] = "Tumor-infiltrating Lymphocytes After Chemoradiotherapy in Cervical Cancer"
    page.write_text("\n".join(summary if line.startswith("This study") else line for line in text), encoding="utf-8")
    graph_file = tmp_path / "graph.ttl"
    build([page], graph_file)
    graph = load_graph([graph_file])
    assert validate_graph(graph).conforms
    rows = run_local(graph, stored_query("cell_doses").text).rows
    assert [row[:6] for row in rows] == [["NCT04443296", "T", "1.0E9", None, "cells", "DOSE"]]


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


# therapy-holdout8 ignite-sd.com/NCT00136903-prochymal-msc-acute-gvhd.txt; ClinicalTrials.gov NCT03196414
def test_infusions_on_the_studys_days_and_in_one_infusion() -> None:
    assert infusion_count("Treatment with investigational agent will be administered on study Days 1 and 4.") == 2
    assert infusion_count("They will get the split doses CART cells on day0, day1, day2 through the IV in 1 infusion") == 1
    assert infusion_count("Blood will be drawn on study days 1, 4 and 8") is None


# therapy-holdout22 jci.org/NCT04443296: a drug said given, with its dose after
def test_a_drug_said_given_at_a_dose_per_body_size_is_a_regimen() -> None:
    record = _page(title="TIL after chemoradiotherapy in cervical cancer",
                   brief_summary="This trial aimed to investigate the safety of cisplatin CCRT plus TIL infusion. "
                                 "During EBRT, cisplatin was given weekly at 30–40 mg/m2 for a maximum of 6 doses. "
                                 + TIL_SENTENCE)
    assert [(r.name, r.purpose) for r in record.regimens] == [("cisplatin", "CHEMOTHERAPY")]
    # a drug named beside a dose that is not its own is none
    record = _page(title="TIL after chemoradiotherapy in cervical cancer",
                   brief_summary=TIL_SENTENCE + " Patients previously treated with cisplatin were eligible.")
    assert record.regimens == []


NK_TRASTUZUMAB = ("During cycle 1, Day 1 patient will receive intravenous trastuzumab and subcutaneous IL-2 on day 1, followed "
                  "by NK cell infusion on day 2, followed by subcutaneous IL-2 for an additional 5 doses three times a week "
                  "to support NK cell viability and expansion in vivo.")


# therapy-holdout22 clinicaltrials.gov/ct2-show-NCT02030561-autologous-nk-trastuzumab-subcutaneous-il-2.txt
def test_one_dose_on_a_day_and_an_additional_few_are_all_the_doses() -> None:
    record = _page(title="NK Cell Infusions With Trastuzumab for Patients With HER2+ Breast and Gastric Cancer",
                   official_title="Phase I/II Study of Expanded, Activated Autologous Natural Killer Cell Infusions With "
                                  "Trastuzumab for Patients With HER2+ Breast and Gastric Cancer",
                   arms=[Arm("Trastuzumab + NK cells", description=NK_TRASTUZUMAB)])
    assert [(c.cytokine, c.route, c.frequency, c.number_of_doses) for c in record.cytokines] == [
        ("IL-2", "SUBCUTANEOUS", "THREE_TIMES_WEEKLY", 6)]
    # "an additional" few after doses that are not one say no total
    record = _page(title="NK cells with IL-2", arms=[Arm("NK", description=(
        "Patients receive NK cells on day 0 and IL-2 daily on days 1 to 5, followed by IL-2 for an additional 5 doses."))])
    assert [c.number_of_doses for c in record.cytokines] == [None]


# therapy-holdout21 ekfs.de/NCT03383978-car2brain-nk-92-5-28-z-her2-car-nk-glioblastoma.txt
def test_nk_cells_named_by_their_cell_line_are_the_products() -> None:
    record = _page(title="Phase I clinical trial of intracranial injection of CAR-engineered NK cells in patients with "
                         "recurrent HER2-positive glioblastoma",
                   brief_summary="Based on the clinically usable human NK cell line NK-92, the continuously expanding cell "
                                 "clone NK-92/5.28.z was generated that harbors a CAR specific for the tumor-associated "
                                 "antigen HER2 (ErbB2). GMP-compliant processes for expansion of clinical doses of "
                                 "NK-92/5.28.z cells were developed.")
    assert _products(record) == [("CAR_NK", [], ["CELL_LINE"], True, True, None)]
    # a trial of CAR T cells that names the line is no NK product's
    record = _page(title="CD19 CAR-T cells in lymphoma",
                   brief_summary="CD19 CAR-T cells will be infused. Their killing was compared in vitro with NK-92 cells.")
    assert [p.cell_type for p in record.cell_products] == ["CAR_T"]
    assert record.cell_products[0].tissue_sources == []


# therapy-holdout21 meddatax.com/NCT02481934-results-autologous-nkae-per-kg-lenalidomide-bortezomib-myeloma.txt
def test_the_myeloma_drugs_given_with_nk_cells_are_regimens() -> None:
    record = _page(title="Clinical Trial Phase I-II of NK Cells and Chemotherapy in Multiple Myeloma",
                   arms=[Arm("Expanded and activated autologous NK cells (NKAEs) + chemotherapy (lenalidomide OR "
                             "bortezomib)", description="Lenalidomide: Lenalidomide, 10 mg oral/day during 21 days (cycle)")])
    assert [(r.name, r.purpose) for r in record.regimens] == [("Lenalidomide", "CHEMOTHERAPY")]
    record = _page(title="NK cells in multiple myeloma",
                   brief_summary="Patients with myeloma refractory to lenalidomide and bortezomib receive expanded NK cells.")
    assert record.regimens == []
    # a maintenance after a transplant, no cells given (the negative corpus's NCT05827016): no regimen
    record = _page(title="A Study to Compare Iberdomide Maintenance Versus Lenalidomide Maintenance Therapy Following "
                         "Autologous Stem Cell Transplant in Participants With Newly Diagnosed Multiple Myeloma",
                   interventions=[Intervention("Lenalidomide", "DRUG", "Specified dose on specified days")])
    assert record.regimens == []


# therapy-holdout4 clinicaltrials.gov/ct-show-NCT00167180-dli-after-cyclophosphamide-fludarabine.txt
def test_drugs_given_to_promote_the_cells_growth_in_the_patient_deplete_lymphocytes() -> None:
    record = _page(title="Cyclophosphamide/Fludarabine Followed by Donor Lymphocyte Infusions",
                   official_title="Use of Cyclophosphamide/Fludarabine to Promote in Vivo Expansion of Donor Lymphocyte "
                                  "Infusions (DLI) to Enhance Efficacy After Allogeneic Transplant")
    assert [(r.name, r.purpose) for r in record.regimens] == [("Cyclophosphamide/Fludarabine", "LYMPHODEPLETION")]
    # a drug "to promote" something else is no lymphodepletion
    record = _page(title="NK cells after chemotherapy",
                   brief_summary="Patients receive NK cells. Cyclophosphamide to promote tumor cell death is given first.")
    assert [r.purpose for r in record.regimens] in ([], ["CHEMOTHERAPY"])


SMARTPATIENTS_PAGE = """This trial is active, not recruiting.

Condition malignant solid tumors
Treatment mage-a4 tcr gene-modified t cells
Phase phase 1
Sponsor Tianjin Medical University Cancer Institute and Hospital
Start date July 2012
Trial identifier NCT01694472, CIH-RXB-201205002


""" + ("The purpose of this study is to evaluate the clinical safety and preliminary efficacy of MAGE-A4 TCR Gene-Modified T "
       "lymphocytes in the treatment of malignant solid tumor patients.") + """

Study Design

Intervention model single group assignment
Masking open label
Primary purpose supportive care
mage-a4 tcr gene-modified t cells
""" + ("The study consists of a 2-dose escalation scheme, and the patient receives twice in each dose. The starting dose is "
       "1-3 x 10^9 cells of each TCR gene-modified cells and the second one is 3-8 x 10^9 cells of each TCR gene-modified "
       "cells. Two weeks after the first infusion the patient receives the same dose again, followed by infusions of IL-2 for "
       "5 days.") + """

Primary Outcomes

Objective response rate
"""


# therapy-holdout20 smartpatients.com NCT01694472: the design's prose, and dose levels said to be amounts
def test_a_study_design_paragraph_under_colon_less_labels_gives_its_doses_and_il2_course() -> None:
    record = read_enriched(SMARTPATIENTS_PAGE.encode(), "NCT01694472.txt")
    assert record.source.layout == "generic"
    # the page's "Study Design" paragraph reaches the record (the generic reader ends each colon-less label's value on its
    # line, so the paragraph below is the description), and the therapy rules read it
    assert (record.detailed_description or record.design_description or "").startswith(
        "The study consists of a 2-dose escalation scheme")
    assert [(d.minimum, d.maximum, d.unit, d.per_dose) for p in record.cell_products for d in p.doses] == [
        (1e9, 3e9, "{cells}", True), (3e9, 8e9, "{cells}", True)]
    assert [(c.cytokine, c.duration_days) for c in record.cytokines] == [("IL-2", 5.0)]
    # the next level's "one" after a dose that is no dose level: a count
    assert _doses("The cell dose is 1 x 10^9 cells and the second one is ready on day 5") == [(1e9, 1e9, "{cells}", True)]


# therapy-holdout2 clinicaltrials.gov/ct2-show-NCT03183232-gamma-delta-t-lung-cancer.txt
def test_autologous_cells_of_a_plan_given_up_are_not_the_products() -> None:
    record = _page(title="Safety and Efficacy of γδ T Cells in Lung Cancer",
                   detailed_description=(
                       "NOTE: Originally, our designed proposal was to use autologous PBMCs from cancer patients to ex vivo "
                       "expand Vγ9Vδ2-T cells, and then perform adoptive transfer therapy. Therefore, we submitted new "
                       "clinical study application by changing the autologous protocol with the allogeneic protocol. "
                       "The Vγ9Vδ2-T cells will be infused to the patients."))
    assert [p.donor_types for p in record.cell_products] == [[]]
    # cells first taken from somewhere ("originally" with no comma) are still described
    record = _page(title="Autologous γδ T cells", brief_summary="Autologous γδ T cells, originally isolated from the "
                                                                "patient's blood, will be infused.")
    assert [p.donor_types for p in record.cell_products] == [["AUTOLOGOUS"]]


# therapy-holdout parkinsonspathways.com NCT01808820 writes "patent-derived dendritic cells" (a typo no rule reads); the
# wording spelt right
def test_patient_derived_cells_are_autologous() -> None:
    record = _page(title="Dendritic Cell (DC) Vaccine for Malignant Glioma and Glioblastoma",
                   brief_summary="The purpose of this research study is to evaluate an investigational vaccine using "
                                 "patient-derived dendritic cells (DC) to treat malignant glioma or glioblastoma.")
    assert [p.donor_types for p in record.cell_products] == [["AUTOLOGOUS"]]
    # a patient-derived xenograft is a model of the tumour, not whose the cells are
    record = _page(title="NK cells for glioma", brief_summary="Patients receive NK cells, which kill patient-derived "
                                                              "xenograft tumour cells.")
    assert [p.donor_types for p in record.cell_products] == [[]]


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
