"""How trial texts say a thing, from the rule gaps the held-out corpora's READMEs list (issue 17: reading that follows
the language, not the seeds).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdoutNN/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in pages and records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import product_rows as _products
from conftest import read_enriched
from conftest import therapy_page as _page

from kg.build.streaming import build
from kg.enrich.therapy.quantities import cell_doses, find_amounts
from kg.enrich.therapy.schedules import infusion_count
from kg.graphs.files import load_graph
from kg.model.records import Arm
from kg.query.catalogue import stored_query
from kg.query.run import run_local
from kg.validation.reference import validate_graph


def _doses(text: str) -> list[tuple[float, float | None, str, bool]]:
    return [(d.minimum, d.maximum, d.unit, d.per_dose) for d in cell_doses(text)]


# therapy-holdout22 meddatax.com/NCT06371040-cd19-bcma-car-t-per-kg-myasthenia-gravis.txt
def test_a_power_of_ten_as_a_small_e_set_apart_from_its_number() -> None:
    # (each a numbered dose's, one administration's, as the corpus's gold has it: tests/test_dose_language.py)
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
