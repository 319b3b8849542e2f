"""How trial texts say a thing, from the kinds of error the eighteenth held-out corpus showed
(tests/data/therapy-holdout18/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout18/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in pages and records of their own, and the gold is unchanged.
"""

from __future__ import annotations

import pytest
from conftest import generic_page as _read
from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.cell_kinds import _cell_types
from kg.model.records import Criterion


# trial.medpath.com/ISRCTN06128462-t-regulatory-cells-type-1-diabetes-children.txt
@pytest.mark.parametrize(("text", "kinds"), [
    ("Cellular therapy of type 1 diabetes with T regulatory cells", ["T"]),
    ("Patients receive T-regulatory cell infusions every month", ["T"]),
    # T regulatory cells counted or measured are no product
    ("T regulatory cells were measured in the blood of patients given insulin", []),
    ("The frequency of T regulatory cells after cellular therapy with mesenchymal cells", []),
])
def test_t_regulatory_cells_in_that_order_given_as_a_cellular_therapy_are_t_cells(text: str, kinds: list[str]) -> None:
    assert [kind for kind in _cell_types(text) if kind == "T"] == kinds


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


def test_cells_grown_from_a_donors_samples_or_blood_samples_measured_are_not_the_patients() -> None:
    record = _page(brief_summary="NK cells will be expanded from blood samples of a healthy donor. Blood samples from "
                                 "the patient will be collected to measure NK cell persistence after the NK cell infusion.")
    assert [p.donor_types for p in record.cell_products] == [["ALLOGENEIC"]]


# trial.medpath.com/NCT04599452-allogeneic-nk-cord-blood-kir-mismatch-elderly-aml.txt
def test_a_kir_mismatch_with_cord_blood_is_the_nk_cells_source() -> None:
    record = _page(title="NK Cell Therapy Recurrent/Refractory Elderly AML",
                   brief_summary="The aim of this investigation was to assess safety and efficacy of allogenic NK cells "
                                 "therapy for recurrent refractory elderly AML.",
                   criteria=[Criterion("INCLUSION", "Patients with age 60 years to 70 years."),
                             Criterion("INCLUSION", "KIR mismatch between patient and umbilical cord blood.")])
    assert _products(record) == [("NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], None, None, None)]


# clinicaltrials.gov/ct2-show-NCT02782546-ciml-nk-alt-803-after-haplo-hct-aml.txt
def test_the_donor_in_a_haploidentical_transplants_name_does_not_make_the_cells_haploidentical() -> None:
    record = _page(title="Cytokine Induced Memory-like NK Cell Adoptive Therapy After Haploidentical Donor Hematopoietic "
                         "Cell Transplantation")
    assert [p.donor_types for p in record.cell_products] != [["HAPLOIDENTICAL"]]
    said = _page(title="Haploidentical Donor NK Cells After Haploidentical Donor Hematopoietic Cell Transplantation")
    assert [p.donor_types for p in said.cell_products] == [["HAPLOIDENTICAL"]]
