"""How trial texts say a thing, from the kinds of error the twelfth held-out corpus showed
(tests/data/therapy-holdout12/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout12/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from typing import Any

import pytest

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.products import _cell_types
from kg.enrich.therapy.text import donor_clauses
from kg.model.records import Criterion, Intervention, SourceDocument, TrialRecord


def _page(**fields: Any) -> TrialRecord:
    """A record as a page's reader gives it."""
    fields.setdefault("source", SourceDocument("p.txt", "0" * 64, "generic"))
    return describe_therapy(TrialRecord(**fields))


def _products(record: TrialRecord) -> list[tuple]:
    return [(p.cell_type, p.donor_types, p.tissue_sources, p.ex_vivo_expanded, p.genetically_modified, p.infusions)
            for p in record.cell_products]


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
