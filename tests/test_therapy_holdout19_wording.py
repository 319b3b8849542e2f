"""How trial texts say a thing, from the kinds of error the nineteenth held-out corpus showed
(tests/data/therapy-holdout19/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout19/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in pages and records of their own, and the gold is unchanged.
"""

from __future__ import annotations

import pytest
from conftest import generic_page as _read
from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.cell_kinds import _cell_types
from kg.model.records import Intervention
from kg.read.parse.cues import given_paragraphs


# clinicaltrials.gov/ct2-show-NCT03084380-anti-gpc3-car-t-fludarabine-cyclophosphamide-hcc.txt
def test_t_cells_transduced_to_express_cars_are_car_t_cells_and_blood_they_persist_in_is_no_source() -> None:
    record = _page(
        title="Anti-GPC3 CAR-T for Treating GPC3-positive Advanced Hepatocellular Carcinoma (HCC)",
        brief_summary="Secondary Objectives: - To assess the persistence in peripheral blood and intratumoral infiltration "
                      "of anti-GPC3 CAR-T cells",
        interventions=[Intervention("Retroviral vector-transduced autologous T cells to express anti-GPC3 CARs", "BIOLOGICAL"),
                       Intervention("Fludarabine", "DRUG"), Intervention("Cyclophosphamide", "DRUG")])
    assert _products(record) == [("CAR_T", ["AUTOLOGOUS"], [], None, True, None)]


@pytest.mark.parametrize(("text", "kinds"), [
    ("Retroviral vector-transduced autologous T cells to express anti-GPC3 CARs", ["CAR_T"]),
    # the first CAR-T products' international names (trial.medpath.com NCT02348216's arm; the NCI's drug dictionary)
    ("Phase 1 Study: Axicabtagene Ciloleucel and Conditioning Chemotherapy", ["CAR_T"]),
    ("equecabtagene autoleucel in relapsed multiple myeloma", ["CAR_T"]),
    ("Tisagenlecleucel in children with relapsed ALL", ["CAR_T"]),
    # (ctv.veeva.com NCT00891592; thelancet.com NCT04578210)
    ("Biological: Ex Vivo CD3/CD28 costimulated Umbilical Cord Blood T cells", ["T"]),
    ("the last three received the highest dose (1 × 106 cells/kg) of CD45RA memory T cells", ["T"]),
    # memory T cells counted are no product
    ("The frequency of memory T cells was measured after the vaccine", []),
])
def test_the_ways_trial_texts_name_car_t_and_t_cell_products(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


# ctv.veeva.com/NCT00891592-cd3-cd28-costimulated-cord-blood-t-cells-after-ucb-transplant.txt
def test_cord_blood_t_cells_co_infused_after_a_myeloablative_conditioning_are_a_donors_with_the_transplants_conditioning() -> None:
    record = _page(
        title="Umbilical Cord Blood Transplant for Hematological Malignancies (UCB)",
        brief_summary="The main study intervention includes CD3/CD28 ex vivo costimulated T cells derived from a thawed "
                      "umbilical cord blood unit, co-infused following a myeloablative conditioning regimen.",
        interventions=[Intervention("Observation Arm", "OTHER"),
                       Intervention("Ex Vivo CD3/CD28 costimulated Umbilical Cord Blood T cells", "BIOLOGICAL")])
    assert [(p.cell_type, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        ("T", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"])]
    assert [(r.name, r.purpose) for r in record.regimens] == [("myeloablative conditioning regimen", "CONDITIONING")]


# trial.medpath.com/NCT04351659-sars-cov-2-specific-t-cells-convalescent-donors-covid-19.txt
def test_the_studys_hypothesis_speaks_of_its_cells_and_cells_isolated_from_donors_blood_come_from_blood() -> None:
    record = _page(
        title="Novel Adoptive Cellular Therapy With SARS-CoV-2 Specific T Cells in Patients With Severe COVID-19",
        detailed_description="The specific hypothesis is that SARS-CoV-2 specific T cells can be isolated from the blood of "
                             "convalescent donors rapidly and efficiently using SARS-CoV-2 specific peptides and an "
                             "automated medical device for emergent treatment of severe COVID-19 disease.")
    assert [(p.donor_types, p.tissue_sources) for p in record.cell_products] == [(["ALLOGENEIC"], ["PERIPHERAL_BLOOD"])]
    # a general claim about such cells stays background
    record = _page(title="Adoptive Cellular Therapy With SARS-CoV-2 Specific T Cells",
                   detailed_description="Virus specific T cells can be isolated from the blood of convalescent donors.")
    assert [p.tissue_sources for p in record.cell_products] == [[]]


# thelancet.com/NCT04578210-convalescent-cd45ra-negative-memory-t-cells-covid-19-per-kg.txt
def test_doses_of_memory_t_cells_per_kilogram_are_the_products_doses() -> None:
    record = _page(
        title="Phase I dose-escalation single centre clinical trial to evaluate the safety of infusion of memory T cells "
              "as adoptive therapy in COVID-19 (RELEASE)",
        detailed_description="The first three subjects received the lowest dose (1 × 105 cells/kg), the next three received "
                             "the intermediate dose (5 × 105 cells/kg) and the last three received the highest dose "
                             "(1 × 106 cells/kg) of CD45RA memory T cells.")
    assert [(d.minimum, d.unit) for p in record.cell_products for d in p.doses] == [
        (1e5, "{cells}/kg"), (5e5, "{cells}/kg"), (1e6, "{cells}/kg")]


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


# wwwonclivecom-b2oh4h7sc-mjhls.vercel.app/NCT04660929-ct-0508-anti-her2-car-macrophages-interview.txt
ONCLIVE = (
    "Kim A. Reiss Binder, MD, discusses the rationale behind the first-in-human study of adenovirally transduced anti-HER2 "
    "CAR-Ms and where the research will be heading in the future.\n"
    "Reiss Binder stressed the lack of clinical implications provided by early research in the use of CAR-M. However, she "
    "pointed to promising initial safety and efficacy results from the first-in-human, multicenter, phase 1 study of "
    "adenovirally transduced anti-HER2 CAR macrophages (NCT04660929) to suggest that CAR-M may someday have a role in "
    "treating these patients.1\n")


def test_car_macrophages_of_a_first_in_human_study_are_a_genetically_modified_product_of_their_own_kind() -> None:
    record = describe_therapy(_read(ONCLIVE))
    # the sentence naming the number is no title
    assert record.title is None
    assert [(p.cell_type, p.kind, p.genetically_modified) for p in record.cell_products] == [(None, "macrophages", True)]


@pytest.mark.parametrize("text", [
    "Patients with macrophage activation syndrome will receive anakinra infusions.",
    "Tumor-associated macrophages will be counted in biopsies taken before the infusion of NK cells.",
])
def test_macrophages_a_text_names_a_disease_for_or_counts_are_no_product(text: str) -> None:
    record = _page(title="A study", brief_summary=text)
    assert [p.kind for p in record.cell_products if p.kind] == []
