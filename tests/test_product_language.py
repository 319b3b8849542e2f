"""How trial texts name the cells they give, and the titles of studies that only measure cells.

Each case is a real page's wording (tests/data/therapy-holdout6 names the page) and, where one was found, a second
real source's.
"""

from __future__ import annotations

from typing import Any

import pytest

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.products import _EXPANDED, _STUDY_EXPANSION, _cell_types, _measured_title
from kg.model.records import SourceDocument, TrialRecord


def _page(**fields: Any) -> TrialRecord:
    """A record as the generic reader gives a page of a site no layout module reads."""
    fields.setdefault("source", SourceDocument("p.txt", "0" * 64, "generic"))
    return describe_therapy(TrialRecord(**fields))


def test_an_abbreviation_between_the_cells_and_therapy_still_gives_the_cells() -> None:
    # tests/data/therapy-holdout6/pages/findatrial.com/NCT05238792-multi-taa-specific-t-cells-solid-tumors.txt
    record = _page(title="Using T cells to treat high-risk solid tumors",
                   brief_summary="This phase I dose-escalation trial evaluates the safety of partially HLA-matched multi "
                                 "tumor-associated antigen-specific T cell (TAA-T) therapy for patients with high-risk "
                                 "solid tumors that have not responded to conventional treatments. The study includes two "
                                 "arms based on age, with patients receiving TAA-T therapy after a lymphodepleting "
                                 "chemotherapy regimen.")
    assert [p.cell_type for p in record.cell_products] == ["T"]
    assert [(r.name, r.purpose) for r in record.regimens] == [("lymphodepleting chemotherapy", "LYMPHODEPLETION")]


@pytest.mark.parametrize(("text", "expanded"), [
    # tests/data/therapy-holdout6/pages/curemydisease.com/NCT01875601-activated-nk-cells-rhil15-solid-tumors.txt
    ("Sixteen participants received chemotherapy to lower their immune system, then infusions of their own lab-grown "
     "NK cells.", True),
    ("laboratory-grown T cells", True),
    # the same page: activation is not expansion
    ("giving activated natural killer (NK) cells, with or without a protein called rhIL15", False),
])
def test_lab_grown_cells_are_expanded(text: str, expanded: bool) -> None:
    assert bool(_EXPANDED.search(text)) is expanded


@pytest.mark.parametrize(("title", "measured"), [
    # tests/data/therapy-holdout6/pages/clinicaltrials.gov/ct2-show-NCT02301065-t-and-nk-cell-analysis-observational.txt
    ("Analysis of T Cell and Natural Killer (NK) Cell in Relation to Viral Infections in Pediatric Stem Cell Transplant "
     "Patients and Donors", True),
    # libmast.utm.my (Translational Oncology, 2019): an assay's correlation with treatment
    ("Correlation Between Natural Killer Cell Activity and Treatment Effect in Patients with Disseminated Cancer", True),
    # a product's title speaks of its giving: no study of measurement
    ("Safety Analysis of Donor NK Cell Infusion After Haploidentical Transplant", False),
])
def test_a_title_that_analyses_or_correlates_cells_measures_them(title: str, measured: bool) -> None:
    assert _measured_title(title) is measured


def test_a_study_that_analyses_nk_cells_after_a_transplant_gives_none() -> None:
    # the classic page of NCT02301065 as its reader gives it: the title and the objective, no interventions
    record = _page(title="Analysis of T Cell and Natural Killer (NK) Cell in Relation to Viral Infections in Pediatric "
                         "Stem Cell Transplant Patients and Donors",
                   detailed_description="PRIMARY OBJECTIVE:\n- To explore the expansion patterns of KIR+CD56+ T-cells and "
                                        "FcRg-CD56+CD3- NK cells in response to viral infection and reactivation in "
                                        "pediatric allogeneic hematopoietic stem cell transplant")
    assert record.cell_products == []


# --- engineered T cells named by their receptor ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kinds"), [
    # findatrial.com NCT07162012 (tests/data/therapy-holdout7)
    ("This is an early-phase, dose-escalation trial giving autologous TCR-T cells engineered to target EBV", ["T"]),
    # medifind.com, "Autologous T Cells Transduced With NY-ESO-1 Antigen-specific High-affinity T Cell Receptors"
    ("Antineoplastic drugs and treatments were not allowed for 4 weeks before TCR-T cell infusion", ["T"]),
    # trial.medpath.com NCT02644655 (tests/data/therapy-holdout7): the CAR named after the T cells, and its abbreviation
    ("Immunotherapy Using Autologous T Cell-Engineered With CD19-specific Chimeric Antigen Receptor for the Treatment of "
     "Recurrent /Refractory B Cell Leukemia", ["CAR_T"]),
    ("New Cluster of Differentiation Antigen 19-chimeric Antigen Receptor T (nCAR19-T) Cells", ["CAR_T"]),
    # recruiting-trials.novartis.com NCT04318327 (tests/data/therapy-holdout7)
    ("autologous T cells genetically engineered with a novel B-cell Maturation Antigen (BCMA)-specific chimeric antigen "
     "receptor (CAR) and manufactured with a new process", ["CAR_T"]),
    ("nCAR19-T transfusion:day 0(5×10※5/kg,1×10※6/kg,3×10※6/kg)", ["CAR_T"]),
])
def test_t_cells_named_by_their_engineered_receptor(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


@pytest.mark.parametrize(("text", "in_the_patient"), [
    # meddatax.com NCT01385423 (tests/data/therapy-holdout7): the donor NK cells' growth in the patient, measured
    ("the maximum tolerated, minimum efficacious dose (MTD/MED) of IL-15 (Intravenous Recombinant Human IL-15) and "
     "incidence of donor natural killer (NK) cell expansion by day +14 when given after haploidentical donor NK cells", True),
    ("NK cell expansion after infusion was measured by flow cytometry", True),
    ("NK cells were expanded ex vivo for 14 days", False),
])
def test_expansion_by_a_day_after_the_infusion_is_in_the_patient(text: str, in_the_patient: bool) -> None:
    assert bool(_STUDY_EXPANSION.search(text)) is in_the_patient


def test_an_allogeneic_transplant_beside_car_t_or_cik_cells_is_not_their_donor() -> None:
    # meddatax.com NCT06913179 (tests/data/therapy-holdout8): the transplant's donor, not the CAR-T cells'
    record = _page(title="CAR-T Cell Therapy Combined With Allogeneic Hematopoietic Stem Cell Transplantation for Relapsed or "
                         "Refractory Multiple Myeloma")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("CAR_T", [])]
    # apps.who.int NCT02752243 (tests/data/therapy-holdout7), its scientific title
    record = _page(title="CIK-Cells in Relapsing Patients With Acute Leukemia or Myelodysplastic Syndromes After SCT.",
                   official_title="A Prospective Phase I/II Study to Investigate the Feasibility, Safety and Efficacy of "
                                  "IL-15 Activated Cytokine Induced Killer (CIK) Cells in Relapsing Patients With Acute "
                                  "Leukemia or Myelodysplastic Syndromes After Allogeneic SCT")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("CIK", [])]


def test_virus_specific_t_lymphocytes_with_a_word_of_their_kind_between() -> None:
    # ClinicalTrials.gov NCT00002956 (tests/data/therapy-holdout8), the NCI's outline as it spells it
    assert _cell_types("Donors undergo leukapheresis, and Epstein-Barr virus (EBV) specific cytoxic T lymphocytes are "
                       "cultivated in vitro.") == ["T"]
