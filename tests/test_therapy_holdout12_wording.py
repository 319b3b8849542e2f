"""How trial texts say a thing, from the kinds of error the twelfth held-out corpus showed
(tests/data/therapy-holdout12/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout12/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

import pytest
from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy.cell_kinds import _cell_types
from kg.enrich.therapy.cytokines import cytokine_uses
from kg.enrich.therapy.text import Passage, donor_clauses
from kg.model.records import Arm, Criterion, Intervention, SourceDocument, TrialRecord

# --- cell types ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kinds"), [
    # invariant NKT cells: ctv.veeva.com/NCT03175679-autologous-inkt-cells-il2-tegafur-hcc.txt
    ("Adoptive Transfer of iNKT Cells for Treating Patients With Relapsed/Advanced HCC", ["NKT"]),
    # clinicaltrials.gov/show-NCT00631072-...: the intervention "Biological: INKT", and the title with the T dropped (the
    # description says "iNKT cells" throughout): NK cells have no invariant receptor
    ("INKT", ["NKT"]),
    ("In Vitro Expanded Autologous Invariant Natural Killer Cells in Cancer", ["NKT"]),
    ("invariant natural killer T cells", ["NKT"]),
    ("In Vitro Expanded Autologous Natural Killer Cells in Cancer", ["NK"]),
    # γδ T cells with a slash: umin.ac.jp/C000000336-R000000431-autologous-gamma-delta-t-cells-nsclc.txt
    ("Clinical study on safety and efficacy of adoptive transfer of autologous gamma/delta T lymphocytes in patients with "
     "non-small cell lung cancer.", ["GAMMA_DELTA_T"]),
    ("Clinical study of gamma/delta T cell therapy for non-small cell lung cancer", ["GAMMA_DELTA_T"]),
    # TCR-transduced donor T cells: clinicaltrialsregister.eu/2008-006649-18-results-cmv-tcr-transduced-donor-t-cells.txt
    ("CMV TCR Gene Therapy: A Phase I Safety, Toxicity and Feasibility Study of Adoptive Immunotherapy with CMV "
     "TCR-transduced Donor-derived T cells for Recipients of Allogeneic Haematopoietic Stem Cell Transplantation.", ["T"]),
    # T cells of a synthetic T cell antigen receptor, no CAR: mycancergenome.org/NCT03953599-cd19-star-t-cells-...
    ("CD19-Synthetic T Cell Antigen Receptor(STAR)-T in B-cell Malignancies Patients", ["T"]),
    ("CD19-STAR-T for Patients With B Cell Malignancies", ["T"]),
    ("efficacy of CD19-STAR-T cells in patients with refractory and relapsed B-cell malignancies", ["T"]),
    # left alone: a star, a graft's T-cell depletion
    ("Star Trial of Exercise in Cancer", []),
    ("after transplantation of T-cell depleted stem cell grafts", []),
])
def test_cell_kinds_named_as_the_pages_name_them(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_tcr_transduced_donor_derived_t_cells_are_allogeneic_and_modified() -> None:
    # clinicaltrialsregister.eu/2008-006649-18-results-cmv-tcr-transduced-donor-t-cells.txt (its title, all the reader gives)
    record = _page(title="CMV TCR Gene Therapy: A Phase I Safety, Toxicity and Feasibility Study of Adoptive Immunotherapy "
                         "with CMV TCR-transduced Donor-derived T cells for Recipients of Allogeneic Haematopoietic Stem "
                         "Cell Transplantation.")
    assert _products(record) == [("T", ["ALLOGENEIC"], [], None, True, None)]


def test_t_cells_prepared_via_lentiviral_infection_are_modified_and_their_chemotherapy_a_regimen() -> None:
    # mycancergenome.org/NCT03953599-cd19-star-t-cells-cyclophosphamide-fludarabine.txt
    record = _page(title="CD19-Synthetic T Cell Antigen Receptor(STAR)-T in B-cell Malignancies Patients",
                   detailed_description="This Phase I study is designed as a pilot trial evaluating the safety and of "
                                        "CD19-STAR-T cell therapy in subjects with refractory and relapsed B cell "
                                        "malignancies. Subjects will receive cytoreductive chemotherapy with cyclophosphamide "
                                        "and fludarabine on days -5, -4 and -3 followed by infusion of CD19-STAR-T cells. "
                                        "CD19-STAR-T cells are prepared via lentiviral infection.")
    assert _products(record) == [("T", [], [], None, True, None)]
    assert [(r.name, r.purpose) for r in record.regimens] == [("cyclophosphamide and fludarabine", "CHEMOTHERAPY")]


# --- where the words live: a therapy the patients had, a donor they lack ----------------------------------------------

def test_a_cell_therapy_the_patients_had_before_is_not_the_trials_product() -> None:
    # meddatax.com/NCT07212335-allogeneic-cord-blood-msc-cytopenia-after-car-t.txt: stromal cells for a complication of an
    # earlier CAR-T therapy
    record = _page(title="Safety and Efficacy of Umbilical Cord Blood-Derived Mesenchymal Stem Cells in the Treatment of "
                         "Long-Term Cytopenia After CAR-T Therapy",
                   brief_summary="This study is a single arm, open label, exploratory clinical study aimed at evaluating "
                                 "the efficacy, and safety of allogeneic umbilical cord blood-derived mesenchymal stem cells "
                                 "in the treatment of long-term cytopenia after CAR-T therapy.",
                   detailed_description="This is a single-center, open-label, dose-escalation exploratory trial, whose "
                                        "primary objective is to evaluate the safety and preliminary efficacy of human "
                                        "umbilical cord-derived mesenchymal stem cell injection in patients with acute "
                                        "lymphoblastic leukemia, lymphoma, and multiple myeloma who still suffer from severe "
                                        "cytopenia 3 weeks after CAR-T infusion, so as to provide dose evidence and efficacy "
                                        "reference for subsequent studies.\n\nTargeting the severe cytopenia complication "
                                        "with a high incidence rate (27%-95%) after CAR-T therapy and limited efficacy of "
                                        "conventional treatments, this trial adopts a \"3+3\" dose-escalation design. All "
                                        "three groups use a unified single dose of 2×10⁶ cells/kg body weight, differing "
                                        "only in infusion frequency (Group A: once; Group B: twice; Group C:")
    assert _products(record) == [(None, ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], None, None, None)]
    # the dose of the one product, in a sentence that does not name it again
    assert [(d.minimum, d.maximum, d.unit, d.per_dose) for d in record.cell_products[0].doses] == [
        (2e6, 2e6, "{cells}/kg", True)]


@pytest.mark.parametrize(("text", "kinds"), [
    ("Long-Term Cytopenia After CAR-T Therapy", []),
    ("patients who relapsed after prior CD19 CAR-T therapy", []),
    # the trial's own cells, given after something else or before a condition is looked for, stay
    ("CD19 CAR-T Cells After Lymphodepleting Chemotherapy", ["CAR_T"]),
    ("Relapse after transplant treated with donor NK cell infusion", ["NK"]),
    ("fludarabine is given prior to NK cell infusion", ["NK"]),
    ("A second infusion of CAR-T cells for patients with relapse after CAR-T therapy", ["CAR_T"]),
])
def test_only_the_named_therapy_of_a_past_or_complication_phrase_is_blanked(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_a_donor_the_patient_lacks_is_no_source_of_the_cells() -> None:
    # trial.medpath.com/NCT01220544-haploidentical-transplant-il2-activated-donor-nk-cells.txt: an inclusion criterion
    criterion = Criterion("INCLUSION", "lack of a suitable HLA-identical family, unrelated or cord blood donor")
    record = _page(title="Haploidentical Transplantation With Early Adoptive Transfer of CD56+CD3- NK Cells",
                   interventions=[Intervention("Haploidentical transplantation with donor NK cells", "BIOLOGICAL")],
                   brief_summary="Aim of the study is to evaluate cellular therapy with alloreactive, IL-2 activated NK "
                                 "cells after transplantation of T-cell depleted stem cell grafts from one haplotype "
                                 "mismatched family donors in patients with hematological malignancies.",
                   criteria=[criterion])
    assert _products(record) == [("NK", ["HAPLOIDENTICAL"], [], None, None, None)]
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-2", "EX_VIVO_EXPANSION")]
    # a donor the patient has is still read
    record = TrialRecord(source=SourceDocument("p.txt", "0" * 64, "generic"), criteria=[
        criterion, Criterion("INCLUSION", "no matched sibling donor available; a haploidentical donor willing to donate")])
    assert donor_clauses(record) == ["a haploidentical donor willing to donate"]
    # a limit on the donor's match is no lacking donor
    record = TrialRecord(source=SourceDocument("p.txt", "0" * 64, "generic"), criteria=[
        Criterion("INCLUSION", "HLA-haploidentical related donor with no more than one mismatch with the donor")])
    assert donor_clauses(record) == ["HLA-haploidentical related donor with no more than one mismatch with the donor"]


# --- the making of the cells, told step by step -----------------------------------------------------------------------

NCT03175679_DESCRIPTION = (
    "PBMCs of enrolled patients were collected and then further separated by density gradient centrifugation. After "
    "washing three times, the cells were resuspended in serum-free medium with recombinant human IL-2 and α-GalCer. "
    "Restimulation with α-GalCer-pulsed autologous DCs was done on days 7. After 14 days of cultivation, the iNKT cells "
    "were harvested, washed thrice, and then resuspended in saline. The frequency of iNKT cells before and after cultured "
    "in vitro were determined by flow cytometry analysis.")


def test_the_steps_of_a_making_from_the_patients_blood_to_the_harvest_are_the_products() -> None:
    # ctv.veeva.com/NCT03175679-autologous-inkt-cells-il2-tegafur-hcc.txt: its treatments and Full description
    record = _page(title="Adoptive Transfer of iNKT Cells for Treating Patients With Relapsed/Advanced HCC",
                   interventions=[Intervention("iNKT cells", "BIOLOGICAL"), Intervention("IL-2", "DRUG"),
                                  Intervention("Tegafur", "DRUG")],
                   detailed_description=NCT03175679_DESCRIPTION)
    assert _products(record) == [("NKT", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], True, None, None)]
    # IL-2 in the culture medium makes the cells; "Drug: IL-2" among the treatments is given
    assert sorted((c.cytokine, c.role) for c in record.cytokines) == [("IL-2", "EX_VIVO_EXPANSION"),
                                                                      ("IL-2", "IN_VIVO_SUPPORT")]


def test_steps_that_do_not_start_from_a_collection_give_no_source() -> None:
    record = _page(title="Adoptive Transfer of iNKT Cells",
                   detailed_description="After washing three times, the cells were resuspended in serum-free medium. "
                                        "After 14 days of cultivation, the iNKT cells were harvested.")
    assert _products(record) == [("NKT", [], [], True, None, None)]


@pytest.mark.parametrize(("text", "roles"), [
    # ctv.veeva.com/NCT03175679-...
    ("After washing three times, the cells were resuspended in serum-free medium with recombinant human IL-2 and α-GalCer.",
     ["EX_VIVO_EXPANSION"]),
    ("NK cells were cultured in medium supplemented with IL-2 for 14 days.", ["EX_VIVO_EXPANSION"]),
    ("Patients receive IL-2 subcutaneously after the infusion.", ["IN_VIVO_SUPPORT"]),
])
def test_a_cytokine_in_the_culture_medium_makes_the_cells(text: str, roles: list[str]) -> None:
    assert [u.role for u in cytokine_uses([Passage(text)])] == roles


def test_the_participants_peripheral_blood_and_the_cells_divided_into_equal_doses() -> None:
    # clinicaltrials.gov/show-NCT00631072-in-vitro-expanded-autologous-inkt-cells-gm-csf.txt
    record = _page(title="In Vitro Expanded Autologous Invariant Natural Killer Cells in Cancer",
                   interventions=[Intervention("INKT", "BIOLOGICAL"), Intervention("GM-CSF", "DRUG")],
                   detailed_description="- The first step in the study will be to collect iNKT cells from the participants "
                                        "peripheral blood. For this procedure an intravenous catheter will be used to "
                                        "remove the blood.\n- If we are successful in growing the iNKT cells to large "
                                        "enough numbers, they will be divided into 3 equal doses. Participants will "
                                        "receive one dose of these cells by intravenous infusion every 2 weeks or days 1, "
                                        "15 and 29.")
    assert _products(record) == [("NKT", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], True, None, 3)]


def test_a_dose_of_milligrams_is_no_cell_dose() -> None:
    record = _page(title="Mesenchymal Stem Cells for Cytopenia",
                   brief_summary="Patients will be given an infusion of mesenchymal stem cells. Patients also receive a "
                                 "dose of 2 mg/kg methylprednisolone.",
                   arms=[Arm("MSC", description="Mesenchymal stem cells")])
    assert [p.doses for p in record.cell_products] == [[]]


# --- regimens -------------------------------------------------------------------------------------------------------

def test_tegafur_listed_among_a_cell_trials_treatments_is_its_chemotherapy() -> None:
    # ctv.veeva.com/NCT03175679-autologous-inkt-cells-il2-tegafur-hcc.txt: "Treatments Biological: iNKT cells Drug: IL-2
    # Drug: Tegafur", no purpose given
    record = _page(title="Adoptive Transfer of iNKT Cells for Treating Patients With Relapsed/Advanced HCC",
                   interventions=[Intervention("iNKT cells", "BIOLOGICAL"), Intervention("IL-2", "DRUG"),
                                  Intervention("Tegafur", "DRUG")])
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [("Tegafur", "CHEMOTHERAPY", ["tegafur"])]
    # a trial that gives no cells has no regimen around them
    record = _page(title="Tegafur for Hepatocellular Carcinoma", interventions=[Intervention("Tegafur", "DRUG")])
    assert record.regimens == []
