"""How trial texts say a cell product's infusions and cells, from the cell_products mismatches of every held-out corpus (s24).

Each rule is tested on the words of the page it was seen on (the corpora stay a measure: the tests quote their words in
passages of their own) and on a nearby wording it must leave alone.
"""

from __future__ import annotations

from kg.enrich.therapy.product_sentences import _MODIFIED_T
from kg.enrich.therapy.schedules import infusion_count


def test_one_infusion_of_the_cells_followed_after_another_treatment() -> None:
    # tests/data/therapy-unseen/pages/findatrial.com/NCT06847269-car19pk-cd19-car-t-leukemia.txt
    assert infusion_count("Participants will undergo a single course of chemotherapy using age-based doses of fludarabine "
                          "and cyclophosphamide, followed by an infusion of modified T cells designed to target cancer "
                          "cells.") == 1
    # tests/data/therapy-holdout25/pages/ctv.veeva.com/NCT01337544-haploidentical-il-15-nk-cells-after-haplo-transplant-
    # paediatric-solid-tumours.txt
    assert infusion_count("Patients will receive an haploidentical stem cell transplantation, followed by IL-15 stimulated "
                          "NK cells infusion one month after transplantation.") == 1
    # repeated, or a drug's infusion, is no single infusion of the cells
    assert infusion_count("Patients receive chemotherapy, followed by an infusion of NK cells every week.") is None
    assert infusion_count("The cells are given first, followed by an infusion of IL-2 for 5 days.") is None
    assert infusion_count("followed by NK cells infusion and a second NK cells infusion a month later") is None
    # the therapy named by its infusion, with no time of its own (tests/data/therapy-holdout10/pages/cancer.gov/
    # NCI-2020-08290-NCT04556266-donor-derived-19-28z-car-t-after-tcd-allo-hsct.txt; tests/data/therapy-holdout24/pages/
    # clinicaltrials.gov/ct2-show-NCT00909948-recipient-leukocyte-infusion-after-nonmyeloablative-transplant.txt)
    assert infusion_count("To describe 1-year progression-free (PFS) and overall (OS) survival following TCD allo-HSCT "
                          "followed by allogeneic 19-28z CAR T cell infusion for B cell malignancies expressing CD19.") is None
    assert infusion_count("initially achieve mixed chimerism which will be followed by recipient lymphocyte infusion (RLI) in "
                          "an attempt to deliberately reject the donor graft.") is None


def test_patients_infused_with_the_cells_at_a_dose_or_given_a_dli() -> None:
    # tests/data/therapy-holdout23/pages/ctv.veeva.com/NCT07266181-cd19-car-t-membranous-nephropathy-per-kg.txt
    assert infusion_count("After prophylactic administration of antihistamines and acetaminophen, patients will be "
                          "infused with CD19 CAR-T cells at a dose of 1×10⁶ cells/kg.") == 1
    # tests/data/therapy-holdout6/pages/meddatax.com/NCT01027702-dli-methotrexate-after-cd34-selected-transplant.txt
    assert infusion_count("Thirty days after a T-cell depleted transplant, patients will be given a DLI.") == 1
    # a dose given each week, or DLIs as needed, are no one infusion
    assert infusion_count("Patients will be infused with NK cells at a dose of 1×10⁷ cells/kg every week.") is None
    assert infusion_count("Patients will be given DLIs at escalating doses.") is None


def test_cells_and_a_cytokine_infused_on_one_day() -> None:
    # tests/data/therapy-holdout24/pages/knowcancer.com/NCT00003067-intracavitary-il-2-lak-cells-malignant-glioma.txt
    assert infusion_count("Lymphokine-activated killer (LAK) cells and IL-2 are infused on day 1.") == 1
    # on two days, two infusions or a list: not one
    assert infusion_count("LAK cells and IL-2 are infused on days 1 and 8.") != 1


def test_modified_t_cells_are_a_car_t_trials_cells() -> None:
    # tests/data/therapy-unseen/pages/findatrial.com/NCT06847269-car19pk-cd19-car-t-leukemia.txt (its title "CAR T cell
    # therapy for young patients with CD19-positive leukemia")
    assert _MODIFIED_T.search("followed by an infusion of modified T cells designed to target cancer cells")
    # T cells that modify something, or a modified dose, are no modified T cells
    assert not _MODIFIED_T.search("a modified dose of cyclophosphamide before the T cells")
    assert not _MODIFIED_T.search("T cells that have modified the tumour environment")


def test_cells_whose_safety_a_study_evaluates_in_patients_are_given() -> None:
    from kg.enrich.therapy.giving_cues import _given_cell_types

    # tests/data/pages-holdout3/meddatax.com/NCT05127135-thiscart7-allogeneic-cd7-car-t.txt (the only giving word, "dose",
    # stands a clause away from the cells)
    assert _given_cell_types("This is a single dose escalation study to evaluate the safety and clinical activity of "
                             "ThisCART7(Allogeneic CAR-T targeting CD7) in patients with refractory or relapsed CD7 "
                             "positive T cell malignancies") == ["CAR_T"]
    # the activity of cells is a measurement; their safety in no one, or cells after the patients, gives nothing
    assert _given_cell_types("To evaluate the activity of NK cells in patients treated with lenalidomide") == []
    assert _given_cell_types("The safety of CAR-T cells has been reviewed elsewhere") == []
    assert _given_cell_types("To evaluate the efficacy of pembrolizumab in patients whose tumours hold NK cells") == []
