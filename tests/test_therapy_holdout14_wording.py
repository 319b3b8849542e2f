"""How trial texts say a thing, from the kinds of error the fourteenth held-out corpus showed
(tests/data/therapy-holdout14/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout14/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

import pytest
from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy.cell_kinds import _cell_types
from kg.enrich.therapy.cytokines import cytokine_uses
from kg.enrich.therapy.text import Passage

# --- a CAR glued into a construct's name, and the construct's cytokine --------------------------------------------------

#: cancer.gov/NCI-2021-10898-NCT05110742-cd5-car-il-15-cord-blood-nk-cells.txt, its summary as the generic reader gives it
NCT05110742_SUMMARY = (
    "This phase I/II trial tests the safety, side effects, and best dose of iC9/CD5CAR/IL-15 NK cells and whether they "
    "work in treating patients with T-cell leukemia or lymphoma, mantle cell lymphoma, chronic lymphocytic leukemia, or "
    "small lymphocytic lymphoma that has come back (relapsed) or does not respond to treatment (refractory). Immune system "
    "cells (such as NK cells) are made by the body to attack foreign or cancerous cells. NK cells from the donor may react "
    "against the cancer cells in the patient's body, which may help to control the disease. The NK cells are separated "
    "from a donor's umbilical cord blood. These separated NK cells will then be grown in the lab to increase the number of "
    "NK cells that can be given to the patient by vein. In this study, the NK cells given are called iC9/CD5CAR/IL-15 NK "
    "cells. Giving lymphodepleting chemotherapy before iC9/CD5CAR/IL-15 NK cells helps kill cancer cells in the body and "
    "helps make room in the patient's bone marrow for new blood-forming cells (stem cells) to grow. Giving patients an NK "
    "cell infusion may help to control the disease.")


@pytest.mark.parametrize(("text", "kinds"), [
    ("the safety, side effects, and best dose of iC9/CD5CAR/IL-15 NK cells", ["CAR_NK"]),
    ("iC9/CD5 chimeric antigen receptor (CAR)/IL-15 natural killer (NK) cells", ["CAR_NK"]),
    # left alone: a word ending in "car" is no CAR, nor are capitals without a target's number before them
    ("Oscar NK cells study", ["NK"]),
    ("SCAR NK cells", ["NK"]),
])
def test_a_car_glued_to_its_target_in_a_constructs_name(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_the_nk_cells_a_construct_is_called_by_are_its_cells() -> None:
    record = _page(brief_summary=NCT05110742_SUMMARY)
    # "the NK cells given are called iC9/CD5CAR/IL-15 NK cells": the NK cells separated from the donor's cord blood and
    # "grown in the lab to increase the number of NK cells that can be given to the patient" are the product's
    assert _products(record) == [("CAR_NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], True, True, None)]
    # the construct's IL-15 is its transgene, no cytokine given
    assert record.cytokines == []
    assert [(r.name, r.purpose) for r in record.regimens] == [("lymphodepleting chemotherapy", "LYMPHODEPLETION")]


@pytest.mark.parametrize(("text", "cytokines"), [
    ("This is a dose-escalation study of iC9/CD5CAR/IL-15 NK cells.", []),
    ("To determine the safety of iC9/CD5 chimeric antigen receptor (CAR)/IL-15 natural killer (NK) cells.", []),
    # left alone: IL-15 given beside the CAR-NK cells, a slash between two cytokines given
    ("Patients receive CAR-NK cells and IL-15 subcutaneously.", ["IL-15"]),
    ("Patients receive IL-2/IL-15 subcutaneously after the NK cells.", ["IL-2", "IL-15"]),
])
def test_a_cytokine_joined_to_a_car_in_a_constructs_name_is_no_cytokine_given(text: str, cytokines: list[str]) -> None:
    assert [u.cytokine for u in cytokine_uses([Passage(text)])] == cytokines


def test_cells_that_can_be_given_are_no_background_claim() -> None:
    # the same page: "that can be given to the patient by vein" says what the trial's cells are grown for
    record = _page(brief_summary="The NK cells are separated from a donor's umbilical cord blood. These separated NK cells "
                                 "will then be grown in the lab to increase the number of NK cells that can be given to the "
                                 "patient by vein. Giving patients an NK cell infusion may help to control the disease.")
    assert _products(record) == [("NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], True, None, None)]
    # a general claim still is one
    record = _page(brief_summary="Giving patients an NK cell infusion may help to control the disease. NK cells can be "
                                 "grown in the lab from cord blood.")
    assert _products(record) == [("NK", [], [], None, None, None)]


# --- plain-language (NIH, patient-facing) wording of the making ---------------------------------------------------------

#: trialfinderdata.org/NCT05003895-gpc3-car-t-solid-tumors-nci.txt, its summary as the generic reader gives it (cut)
NCT05003895_SUMMARY = (
    "Background: A new cancer treatment takes a person s own T cells, modifies them in a laboratory so they can better "
    "fight cancer cells, and then gives them back to the person. Researchers want to see if this treatment can help people "
    "with a certain types of cancer. Objective: To see if a personalized immune treatment, anti-GPC3 CAR-T cells, is safe. "
    "Design: Participants will be screened with the following: Blood and urine tests Medical history Physical exam Tumor "
    "biopsy Imaging scan of the chest, abdomen, and pelvis Participants will have leukapheresis. They may have an IV "
    "(intravenous catheter, a small tube put into an arm vein) inserted into each arm or get a central line. Blood will be "
    "removed. A machine will separate the white blood cells from their blood. The rest of their blood will be returned to "
    "them. Participants will be admitted to the hospital for about 2 weeks. They will get the chemotherapy drugs "
    "fludarabine and cyclophosphamide by IV for 3 days. Then they will receive the modified white blood cells by IV. "
    "Participants will have frequent blood draws.")


def test_a_persons_own_t_cells_taken_and_the_participants_leukapheresis() -> None:
    record = _page(title="GPC3 Targeted CAR-T Cell Therapy in Advanced GPC3 Expressing Solid Tumor Malignancies",
                   brief_summary=NCT05003895_SUMMARY)
    # "takes a person s own T cells" (the apostrophe lost): autologous; "Participants will have leukapheresis": blood
    assert _products(record) == [("CAR_T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, True, None)]
    # "They will get the chemotherapy drugs fludarabine and cyclophosphamide ... Then they will receive the modified white
    # blood cells": the drugs make room for the cells
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("fludarabine and cyclophosphamide", "LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]


def test_chemotherapy_drugs_without_cells_after_them_are_chemotherapy() -> None:
    record = _page(title="GPC3 Targeted CAR-T Cell Therapy",
                   brief_summary="Participants will receive anti-GPC3 CAR-T cells. They will get the chemotherapy drugs "
                                 "gemcitabine and cisplatin by IV for 3 days. Then they will have scans.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("gemcitabine and cisplatin", "CHEMOTHERAPY")]


def test_leukapheresis_of_a_transplant_is_no_source_of_the_product() -> None:
    record = _page(title="Donor NK Cells After Transplant",
                   brief_summary="Patients will receive donor NK cell infusions. Patients will undergo leukapheresis for "
                                 "the stem cell transplant.")
    assert _products(record) == [("NK", ["ALLOGENEIC"], [], None, None, None)]


#: inclinicaltrials.com/NCT04015336-e7-tcr-t-cell-induction-oropharyngeal-cancer.txt, its summary's first sentences
NCT04015336_SUMMARY = (
    "Background: The therapy used in this study is called E7 T-cell receptor (TCR) T cell therapy. This therapy is a type "
    "of treatment in which a participant's T cells (a type of immune system cell) are changed in the laboratory to attack "
    "cancer cells. This treatment might help people with human papillomavirus (HPV)-associated oropharyngeal cancer. "
    "Objective: The purpose of this study is to determine if E7 TCR T cells can be given safely without delaying standard "
    "treatment for HPV-16 associated oropharyngeal cancer. Standard treatment may be surgery or radiation therapy with "
    "chemotherapy.")


def test_a_participants_t_cells_changed_in_the_laboratory_in_a_tcr_t_cell_therapy() -> None:
    record = _page(title="Clinical Trial Details — Status: Terminated", brief_summary=NCT04015336_SUMMARY)
    # "This therapy is a type of treatment in which ...": the therapy just named; its TCR put into the participant's cells
    assert _products(record) == [("T", ["AUTOLOGOUS"], [], None, True, None)]
    assert record.regimens == []


def test_t_cells_changed_in_the_laboratory_without_a_receptor_are_not_said_modified() -> None:
    # "removing T cells from the blood and modifying them to be able to target cancer" says no gene (cancer.gov
    # NCT03434769); nor do activated T cells "changed in the laboratory" without a receptor given them
    record = _page(title="Activated T Cell Therapy",
                   brief_summary="The therapy used in this study is called activated T cell therapy. This therapy is a type "
                                 "of treatment in which a participant's T cells are changed in the laboratory.")
    assert _products(record) == [("T", ["AUTOLOGOUS"], [], None, None, None)]


# --- a regimen named by its purpose, and a product by its short name ----------------------------------------------------

def test_preconditioning_received_before_the_cells_is_a_lymphodepletion() -> None:
    # clinicaltrials.gov/ct2-show-NCT04404595-claudin18-2-car-t-ct041-digestive-cancers.txt, its description
    record = _page(title="Claudin18.2 CAR-T (CT041) in Patients With Gastric, Pancreatic Cancer, or Other Specified "
                         "Digestive Cancers",
                   brief_summary="Patients meeting all eligibility criteria will undergo a leukapheresis procedure to "
                                 "collect autologous mononuclear cells for manufacture of investigational drug product "
                                 "(CT041). Following manufacture of the drug product, subjects will receive preconditioning "
                                 "prior to CT041 infusion. All subjects will be asked to continue to undergo long-term gene "
                                 "safety follow-up.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("preconditioning", "LYMPHODEPLETION")]
    # before a transplant, it conditions the graft
    record = _page(title="CAR-T Cells After Allogeneic Stem Cell Transplantation",
                   brief_summary="Subjects will receive conditioning prior to the stem cell transplant and CAR-T infusion.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("conditioning", "CONDITIONING")]


#: trial.medpath.com/NCT07053800-obe-cel-car-t-refractory-lupus-nephritis.txt, its brief summary (cut where the page is)
NCT07053800_SUMMARY = (
    "This trial aims to find out if obe-cel gets rid of harmful B cells that contribute to systemic lupus erythematosus "
    "(SLE)/lupus nephritis (LN) when available treatments have not worked (refractory). Main trial endpoint is to look at "
    "the percentage of patients whose LN has completely disappeared 6 months after obe-cel treatment. The trial includes "
    "only 1 group of patients (single arm). This trial is the second phase in testing obe-cel in SLE (Phase II). We will "
    "screen patients to make sure they are suitable for the trial, and then collect white blood cells (leukapheresis) to "
    "make obe-cel. Patients will have lymphodepletion chemotherapy to")


def test_a_product_named_by_a_cell_therapys_short_name_made_from_collected_cells() -> None:
    record = _page(title="Obe-cel in Severe, Refractory Systemic Lupus Erythematosus With Active Lupus Nephritis",
                   brief_summary=NCT07053800_SUMMARY)
    # the page never says which cells obe-cel is: no cell type; the screened patients' white blood cells, collected by
    # leukapheresis to make it, are their own and from their blood
    assert _products(record) == [(None, ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, None)]
    assert [(r.name, r.purpose) for r in record.regimens] == [("lymphodepletion chemotherapy", "LYMPHODEPLETION")]


def test_a_short_name_without_cells_collected_for_it_is_no_product() -> None:
    record = _page(title="Obe-cel in Lupus Nephritis", brief_summary="This trial aims to find out if obe-cel gets rid of "
                                                                      "harmful B cells. We will collect blood samples.")
    assert record.cell_products == []


# --- doses ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "doses"), [
    # ClinicalTrials.gov ct2-show-NCT05783089-msln-car-t-solid-tumors.txt, its arm: "at a dose ranging from" is one
    # infusion's dose
    ("Anti-mesothelin CAR-T cells Injection will be infused at a dose ranging from 0.1×10^6/Kg ~ 2.0×10^6/Kg after receiving "
     "lymphodepleting chemotherapy.", [(1e5, 2e6, "{cells}/kg", True)]),
    ("NK cells will be infused at doses from 1 to 5 × 10^6 cells/kg.", [(1e6, 5e6, "{cells}/kg", True)]),
    ("NK cells were infused over a range from 1 to 5 × 10^6 cells/kg.", [(1e6, 5e6, "{cells}/kg", False)]),
    # meddatax.com NCT02711826-results-polyclonal-tregs-kidney-transplant-inflammation.txt, its group: a mean and its
    # spread, the spread's power of ten the mean's too (the stated value, 5.5e8)
    ("Participants in the polyclonally expanded regulatory T cells (polyTregs) group received a single infusion of 550 ± 450 "
     "x 10⁶ polyTregs administered via a peripheral intravenous line", [(5.5e8, 5.5e8, "{cells}", True)]),
    ("a mean of 3 +/- 1 × 10^8 Tregs", [(3e8, 3e8, "{cells}", False)]),
    # left alone: a count of patients with a spread, a lab value
    ("The mean age was 61 ± 9 years.", []),
    ("CD4 counts of 550 ± 450 x 10⁶/L", []),
])
def test_dose_wordings(text: str, doses: list[tuple]) -> None:
    from kg.enrich.therapy.quantities import cell_doses
    assert [(d.minimum, d.maximum, d.unit, d.per_dose) for d in cell_doses(text)] == doses
