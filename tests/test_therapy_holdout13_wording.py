"""How trial texts say a thing, from the kinds of error the thirteenth held-out corpus showed
(tests/data/therapy-holdout13/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout13/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

import pytest
from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy.cell_kinds import _cell_types
from kg.model.records import Arm, Intervention, TrialRecord


def _doses(record: TrialRecord) -> list[tuple]:
    return [(d.minimum, d.maximum, d.unit, d.per_dose) for p in record.cell_products for d in p.doses]


# --- cell types ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kinds"), [
    # regulatory T cells given, by their abbreviation or named by their source or their giving:
    # clinicaltrials.gov/ct2-show-NCT02932826-umbilical-cord-blood-treg-insulin-type1-diabetes.txt
    ("Safety Study and Therapeutic Effects of Umbilical Cord Blood Treg on Autoimmune Diabetes", ["T"]),
    ("Umbilical Cord Blood Regulatory T cells Therapy", ["T"]),
    ("Receive Treg infusion: 1~5*10^6/kg b.w. in 100ml NS", ["T"]),
    ("Treg Treatment + Insulin", ["T"]),
    # ctv.veeva.com/NCT02385019-donor-regulatory-t-cells-chronic-gvhd.txt
    ("Phase 1 clinical trial will include groups of 5 patients sequentially treated with: 0.5 x 10ˆ6, 1.0 x 10ˆ6, 2-3 x "
     "10ˆ6 donor Treg/kg.", ["T"]),
    # left alone: Tregs counted or measured, a study's acronym
    ("Treg levels and Treg frequency in peripheral blood", []),
    ("Effect of low-dose IL-2 on regulatory T cells in lupus", []),
    ("A Phase 1/2 Trial (TREGeneration)", []),
    # activated T cells, so spelt: anzctr.org.au/ACTRN12618001337268-cord-blood-activated-t-cells-sclc-kidney-liver-cancer.txt
    ("The safety and efficacy of immunotherapy with the activited T cells from from umbilical cord blood mononuclear cells "
     "ex vivo for small cell lung cancer,Kidney cancer and Primary liver cancer treatment", ["T"]),
    # a CAR on a subset of T cells: meddatax.com/NCT05554939-allogeneic-gene-edited-cd19-car-gamma-delta-t-nhl.txt
    ("Allogenic CD19-targeting CAR-γδT Cell Therapy in R/R NHL", ["CAR_T"]),
    ("receive allogeneic CD19 CAR-γδT cell infusion", ["CAR_T"]),
    ("CAR-gamma delta T cells", ["CAR_T"]),
    ("adoptive transfer of autologous gamma/delta T lymphocytes", ["GAMMA_DELTA_T"]),
])
def test_cell_kinds_named_as_the_pages_name_them(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


@pytest.mark.parametrize("text", [
    # meddatax.com/NCT03417414-cmv-g-nk-cells-anti-cd20-observational-no-cells.txt: NK cells studied, not given
    "Does CMV Induced Changes in NK Lymphocyte Biology Influence the Effectiveness of Antibody Therapy Used to Treat B Cell "
    "Lymphoproliferative Diseases?",
    "The initial blood draw will be analysed test patients for Cytomegalovirus and conduct a g-NK cell analysis.",
    "The final three blood draws will be conducted to analyse the g-NK cells at specified time points.",
    "2) Determine changes in circulating g-NK cells during and after anti-CD20 monoclonal antibody containing remission "
    "induction chemotherapy",
    "3) Evaluate whether the presence of g-NK cells improve the outcome of anti-CD20 monoclonal antibody containing "
    "remission induction treatment",
])
def test_nk_cells_analysed_or_studied_are_no_product(text: str) -> None:
    assert _cell_types(text) == []


def test_an_observational_study_of_nk_cells_has_no_product() -> None:
    # meddatax.com/NCT03417414-cmv-g-nk-cells-anti-cd20-observational-no-cells.txt (its title and Brief Summary)
    record = _page(title="Does CMV Induced Changes in NK Lymphocyte Biology Influence the Effectiveness of Antibody Therapy "
                         "Used to Treat B Cell Lymphoproliferative Diseases?",
                   brief_summary="This is an observational cohort study of patients with a new diagnosis of B cell Chronic "
                                 "Lymphocytic Leukemia or B cell Non-Hodgkin's Lymphoma who will receive an anti-CD20 "
                                 "monoclonal antibody treatment during the induction phase of their treatment. The initial "
                                 "blood draw will be analysed test patients for Cytomegalovirus and conduct a g-NK cell "
                                 "analysis. The final three blood draws will be conducted to analyse the g-NK cells at "
                                 "specified time points. The objectives of this study are to: 1) characterize the frequency "
                                 "of CMV (+) and g-NK (+) individuals in the B-NHL and B-CLL populations, 2) Determine "
                                 "changes in circulating g-NK cells during and after anti-CD20 monoclonal antibody "
                                 "containing remission induction chemotherapy and 3) Evaluate whether the presence of g-NK "
                                 "cells improve the outcome of anti-CD20 monoclonal antibody containing remission induction "
                                 "treatment of patients with B-NHL or B-CLL.")
    assert record.cell_products == []
    # NK cells given still are
    assert _cell_types("Prophylactic administration of Natural Killer cells early after hematopoietic stem cell "
                       "transplantation") == ["NK"]


def test_cord_blood_regulatory_t_cells_of_a_registry_page() -> None:
    # clinicaltrials.gov/ct2-show-NCT02932826-umbilical-cord-blood-treg-insulin-type1-diabetes.txt, as the classic reader
    # gives it (the next intervention glued on the description)
    record = _page(title="Safety Study and Therapeutic Effects of Umbilical Cord Blood Treg on Autoimmune Diabetes",
                   interventions=[Intervention("Umbilical Cord Blood Regulatory T cells Therapy", "BIOLOGICAL",
                                               "Receive Treg infusion: 1~5*10^6/kg b.w. in 100ml NS Drug: Insulin Treated "
                                               "according to routine clinical practice at the discretion of the treating "
                                               "physician"),
                                  Intervention("Insulin", "DRUG")],
                   arms=[Arm("Treg Treatment + Insulin", description="subjects will be treated with Umbilical Cord Blood "
                             "Regulatory T cells Therapy and insulin according to routine clinical practice",
                             interventions=["Umbilical Cord Blood Regulatory T cells Therapy", "Insulin"])])
    # (cord blood is another person's: the rules' convention, where the gold leaves the donor empty)
    assert _products(record) == [("T", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], None, None, None)]
    # a tilde range, an asterisk for the multiplication: 1e6 to 5e6 cells/kg, not said to be a dose
    assert _doses(record) == [(1e6, 5e6, "{cells}/kg", False)]


# --- doses and infusions ------------------------------------------------------------------------------------------

def test_dose_levels_with_the_modifier_circumflex_as_power_sign_and_tregs_per_kg() -> None:
    # ctv.veeva.com/NCT02385019-donor-regulatory-t-cells-chronic-gvhd.txt (its treatment, About and Full description)
    record = _page(title="A Phase 1/2 Trial of Donor Regulatory T-cells for Steroid-Refractory Chronic Graft-versus-Host-Disease "
                         "(TREGeneration)",
                   interventions=[Intervention("Donor regulatory T cell adoptive immunotherapy in chronic graft versus host "
                                               "disease", "BIOLOGICAL")],
                   brief_summary="Phase 1/2 clinical study for the treatment of steroid-refractory chronic graft versus host "
                                 "disease after an allogeneic transplant of hematopoietic progenitors with donor "
                                 "CliniMACS-selected regulatory T cells",
                   detailed_description="Phase 1 clinical trial will include groups of 5 patients sequentially treated with: "
                                        "0.5 x 10ˆ6, 1.0 x 10ˆ6, 2-3 x 10ˆ6 donor Treg/kg. Phase 2 clinical trial will "
                                        "include another 5 to 10 patients treated with MTD.")
    assert _products(record) == [("T", ["ALLOGENEIC"], [], None, None, None)]
    # three levels, the list's "x 10ˆ6" each, none called a dose
    assert _doses(record) == [(5e5, 5e5, "{cells}/kg", False), (1e6, 1e6, "{cells}/kg", False),
                              (2e6, 3e6, "{cells}/kg", False)]


@pytest.mark.parametrize(("text", "doses"), [
    ("0.5 x 10ˆ6, 1.0 x 10ˆ6, 2-3 x 10ˆ6 donor Treg/kg", [(5e5, 5e5), (1e6, 1e6), (2e6, 3e6)]),
    ("2 x 10ˆ7 cells/kg", [(2e7, 2e7)]),
    ("10ˆ6 cells/kg", [(1e6, 1e6)]),
    # left alone: a circumflex that is no power
    ("grade 2ˆ toxicity in 10 patients", []),
])
def test_the_modifier_circumflex_is_a_power_sign(text: str, doses: list[tuple]) -> None:
    from kg.enrich.therapy.quantities import cell_doses
    assert [(d.minimum, d.maximum) for d in cell_doses(text)] == doses


def test_cells_per_kilogram_said_injected_are_the_one_products_dose_beside_the_transplant_they_are_timed_by() -> None:
    # irct.behdasht.gov.ir/IRCT20140911019125N10-tooth-pulp-msc-after-autologous-hsct.txt (its study aim, settings and
    # intervention groups, as the generic reader gives them)
    record = _page(brief_summary="Determining the effect of intravenous injection of deciduous tooth pulp mesenchymal stem "
                                 "cells on the regeneration process of blood cells after autologous hematopoietic stem cell "
                                 "transplantation in patients with Hodgkin Lymphoma and Non-Hodgkin Lymphoma.",
                   detailed_description="After selecting the patients, they are divided into 3 control groups, intervention "
                                        "1 and intervention 2, and mesenchymal stem cells are injected according to the "
                                        "mentioned method.\nIn intervention group 1, 1 million cells per kilogram of the "
                                        "person's body weight are injected 4 hours before the injection of hematopoietic "
                                        "stem cells. In intervention group 2, 1 million cells per kilogram of body weight "
                                        "will be injected in a divided manner on days 0, +2, +4, +6 after transplantation.")
    assert _products(record) == [(None, [], [], None, None, None)]
    # one level, the same in both groups, not called a dose; no infusions (the groups differ)
    assert _doses(record) == [(1e6, 1e6, "{cells}/kg", False)]


def test_a_graft_given_in_the_dose_sentence_is_still_no_products_dose() -> None:
    record = _page(title="Mesenchymal Stem Cells for Poor Graft Function",
                   detailed_description="Patients receive mesenchymal stem cells intravenously.\n"
                                        "2 million cells per kg of the CD34+ stem cell graft are infused on day 0.")
    assert _doses(record) == []


def test_infusions_at_the_days_named_are_counted() -> None:
    # irct.behdasht.gov.ir/IRCT20140818018842N35-prophylactic-nk-cells-after-hsct-aml.txt (and N38, the same words)
    record = _page(title="Prophylactic administration of Natural Killer cells early after hematopoietic stem cell "
                         "transplantation in adult patients with high-risk acute myeloid leukemia",
                   design_description="This is a non-randomized, interventional, single-group assignment study to assess "
                                      "the safety and feasibility of an allogeneic NK cell therapy on ten patients with "
                                      "high-risk acute myeloid leukemia.",
                   detailed_description="All patients will be assigned to the only interventional arm of the study. "
                                        "Recipients of allogeneic Stem Cell Transplantation will receive the systemic "
                                        "intravenous infusion of natural killer cells at days +6 and +12 post-transplantation.")
    assert _products(record) == [("NK", ["ALLOGENEIC"], [], None, None, 2)]


# --- where the cells come from, how they are made ---------------------------------------------------------------

def test_blood_collected_for_the_products_manufacture_is_its_source() -> None:
    # anzctr.org.au/ACTRN12613000866707-autologous-ebv-specific-t-cells-nasopharyngeal-carcinoma.txt (its titles and
    # "Description of intervention(s) / exposure")
    record = _page(title="A clinical trial of adoptive T-cell immunotherapy for patients with Epstein-Barr virus-associated "
                         "nasopharyngeal carcinoma.",
                   official_title="Phase I/II open-label clinical trial of autologous Epstein-Barr virus-specific T cell "
                                  "therapy as consolidative treatment following chemotherapy for metastatic EBV-associated "
                                  "nasopharyngeal carcinoma.",
                   detailed_description="EBV-specific T cell adoptive immunotherapy. Patients will be identified prior to "
                                        "completing three cycles of chemotherapy for metastatic or loco-regionally recurrent "
                                        "NPC. Blood for T cell therapy manufacture must be collected prior to the completion "
                                        "of the third cycle of chemotherapy.")
    assert _products(record) == [("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, None)]


@pytest.mark.parametrize("text", [
    "Blood samples for cytokine measurement will be collected at baseline.",
    "Cord blood for the manufacture of the NK cells is collected at delivery.",
])
def test_blood_collected_for_something_else_is_no_peripheral_blood_source(text: str) -> None:
    from kg.enrich.therapy.product_sources import _TISSUES
    assert not dict(_TISSUES)["PERIPHERAL_BLOOD"].search(text)


ACTRN12618001337268_INTERVENTION = (
    "UCMCs are isolated from the Umbilical cord blood and seeded in serum-free medium at a concentration of 10(7) cells / "
    "mL. The cells are stimulated with different cytokines, including IFN-Gamma, CD-3 monoclonal antibody and PD-1, The "
    "cells are reconstituted with fresh, complete culture medium until the mature immune cells are harvested on day 14.")


def test_a_making_told_step_by_step_from_the_materials_isolation_to_the_harvest_is_the_one_products() -> None:
    # anzctr.org.au/ACTRN12618001337268-cord-blood-activated-t-cells-sclc-kidney-liver-cancer.txt
    record = _page(title="Investigate the safety and efficacy of small cell lung cancer,Kidney cancer and Primary liver "
                         "cancer immunotherapy",
                   official_title="The safety and efficacy of immunotherapy with the activited T cells from from umbilical "
                                  "cord blood mononuclear cells ex vivo for small cell lung cancer,Kidney cancer and Primary "
                                  "liver cancer treatment",
                   detailed_description=ACTRN12618001337268_INTERVENTION)
    # (cord blood is another person's: the rules' convention, where the gold leaves the donor empty)
    assert _products(record) == [("T", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], True, None, None)]


def test_a_harvest_of_a_transplants_stem_cells_is_no_making_of_the_product() -> None:
    record = _page(title="Activated T cells after autologous transplant",
                   detailed_description="Stem cells are isolated from the peripheral blood by apheresis. The stem cells are "
                                        "washed and frozen. The stem cells are harvested after mobilisation.")
    assert _products(record) == [("T", [], [], None, None, None)]
