"""How trial texts say a thing, from the kinds of error the twenty-first held-out corpus showed
(tests/data/therapy-holdout21/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout21/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in pages and records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from conftest import generic_page as _read
from conftest import therapy_page as _page

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.schedules import duration_before, infusion_count
from kg.model.identifiers import trial_key
from kg.model.records import Arm, Intervention

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


# meddatax.com/NCT06690827-cd123-car-nk-per-kg-two-infusions-d0-d7.txt
def test_dose_groups_of_car_positive_cells_per_kilogram_and_an_expansion_trial_is_no_expansion_of_cells() -> None:
    record = _page(
        title="Anti-CD123 CAR-NK Cells in Relapsed/Refractory AML or BPDCN",
        brief_summary="This study is a single-arm, open-label, dose-finding and expansion clinical trial aimed at "
                      "evaluating the safety and efficacy of antiCD123 CAR-NK therapy for the treatment of patients with "
                      "relapsed/refractory AML or BPDCN. The study includes three dose groups: 1×107 CAR-positive "
                      "cells/kg, 3×107 CAR-positive cells/kg and 5×107 CAR-positive cells/kg.")
    assert [(p.cell_type, p.ex_vivo_expanded) for p in record.cell_products] == [("CAR_NK", None)]
    assert [d.minimum for p in record.cell_products for d in p.doses] == [1e7, 3e7, 5e7]


# clinicaltrials.gov/ct2-show-NCT01220895-cmv-specific-t-cells-after-unrelated-donor-transplant-cmv-ace.txt
def test_a_single_infusion_in_a_listed_interventions_name_is_one_infusion() -> None:
    assert infusion_count("CMV-specific T-cells, single infusion following single positive CMV PCR result") == 1
    # a dose of the cells given once, not a count of infusions, stays as it was: no count without the word
    assert infusion_count("CMV-specific T-cells following single positive CMV PCR result") is None


# meddatax.com/NCT02481934-…: each drug dosed after its name and a comma in an arm's description (there lenalidomide and
# bortezomib, myeloma drugs the regimen rules do not take: in a transplant trial they are its maintenance, no regimen
# around cells, tests/data/ctgov-negative NCT05827016)
def test_drugs_dosed_after_a_comma_or_by_mouth_a_day_are_regimens() -> None:
    description = ("Expanded and activated autologous NK cells infusion. Each patient will receive two infusions of 7.5 x "
                   "106 expanded and activated autologous NK cells/kg/cycle. Cyclophosphamide: cyclophosphamide, 500 "
                   "mg/m2, i.v., day -3. Temozolomide: temozolomide, 150 mg oral/day during 5 days.")
    record = _page(title="Expanded and Activated Autologous NK Cells With Chemotherapy",
                   arms=[Arm("NKAE Cells Infusion + Chemotherapy", "EXPERIMENTAL", description)])
    assert [r.components for r in record.regimens] == [["cyclophosphamide"], ["temozolomide"]]
    # a trial that gives no cells has none, whatever it doses
    record = _page(title="Temozolomide in glioblastoma",
                   interventions=[Intervention("Temozolomide", "DRUG", "Temozolomide, 150 mg oral/day during 5 days")])
    assert record.regimens == []
