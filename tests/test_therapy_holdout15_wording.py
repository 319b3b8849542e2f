"""How trial texts say a thing, from the kinds of error the fifteenth held-out corpus showed
(tests/data/therapy-holdout15/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout15/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

import pytest
from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy.cell_kinds import _cell_types
from kg.enrich.therapy.schedules import infusion_count
from kg.model.records import TrialRecord


def _regimens(record: TrialRecord) -> list[tuple]:
    return [(r.name, r.purpose) for r in record.regimens]


# --- a CAR therapy the patients had before -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # 4-traders.com/NCT05798897-marker-mt-601-multitaa-t-cells-lymphoma-news.txt
    "2) the lack of an approved treatment for patients who experience relapse after treatment with CD19 CAR T (up to 60% "
    "within a year; Chong EA et al, N Engl J Med, 2021)",
    "Marker developed a long-term in vitro killing assay 1) to better understand resistance mechanisms following CAR T cell "
    "treatment",
    # as news items say it
    "for patients who have failed CAR T-cell therapy",
    "patients with lymphoma who progressed on CAR-T",
    "patients who relapsed after CAR T-cell therapy",
])
def test_a_car_therapy_the_patients_had_before_is_no_product(text: str) -> None:
    assert _cell_types(text) == []


@pytest.mark.parametrize(("text", "kinds"), [
    # left alone: the trial's own CAR cells, beside the earlier therapy or for a relapsed disease
    ("Second infusion of CD19 CAR-T cells for patients who relapsed after CAR T-cell therapy", ["CAR_T"]),
    ("CD19 CAR-T cells in relapsed or refractory B-cell lymphoma", ["CAR_T"]),
    ("patients who failed chemotherapy will receive CAR-T cells", ["CAR_T"]),
])
def test_the_trials_own_car_cells_stay(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_multi_antigen_specific_t_cells_for_patients_after_car_t() -> None:
    # 4-traders.com/NCT05798897-marker-mt-601-multitaa-t-cells-lymphoma-news.txt (its first sentences)
    record = _page(brief_summary="Marker Therapeutics, Inc. announced a restructuring of its clinical programs and a "
                                 "strategic prioritization of its multi-tumor associated antigen (multiTAA)-specific T cell "
                                 "product pipeline. In addition, the Company reported a clinical update on the Phase 2 "
                                 "ARTEMIS study investigating MT-401, a multiTAA-specific T cell product, for the treatment "
                                 "of patients with acute myeloid leukemia (AML). The Company announced the prioritization of "
                                 "MT-601 in chimeric antigen receptor (CAR) relapse patients with lymphoma (APOLLO; "
                                 "clinicaltrials.gov identifier: NCT05798897). This strategic decision was made based on 1) "
                                 "the Company?s promising non-clinical and clinical data using the multiTAA technology in "
                                 "lymphoma, and 2) the lack of an approved treatment for patients who experience relapse "
                                 "after treatment with CD19 CAR T (up to 60% within a year; Chong EA et al, N Engl J Med, "
                                 "2021), which is a clear unmet medical need.")
    assert _products(record) == [("T", [], [], None, None, None)]


# --- kinds named as the pages name them ---------------------------------------------------------------------------

def test_off_the_shelf_car_nk_cells_beside_an_nk_cell_therapy_are_car_nk() -> None:
    # genengnews.com/NCT04324996-nkg2d-ace2-car-nk-covid-19-news.txt
    record = _page(brief_summary="Candidate: Natural killer (NK) cell therapy\n\nType: Universal off-the-shelf NKG2D-ACE2 "
                                 "CAR-NK cells\n\nStatus: Chongqing Sidemu Biotechnology Technology and sponsor Chongqing "
                                 "Public Health Medical Center disclosed March 27 they are recruiting patients for an up to "
                                 "90-patient Phase I/II clinical trial (NCT04324996) assessing the company’s universal "
                                 "off-the-shelf NKG2D-ACE2 CAR-NK cells secreting IL15 superagonist.")
    assert _products(record) == [("CAR_NK", [], [], None, True, None)]


@pytest.mark.parametrize(("text", "kinds"), [
    # chictr.org.cn/ChiCTR2600125767-cd73-nk-cell-subsets-alzheimers-disease.txt: a subset bearing a product's code
    ("Study on the Safety and efficacy of CD73+NK Cell subsets (ZJ-S-0106) in the Rehabilitation Treatment of Mild and "
     "Moderate Alzheimer's Disease(Multicenter)", ["NK"]),
    # left alone: subsets counted or named by a marker in brackets
    ("Changes of NK cell subsets (CD56bright) after transplantation", []),
    ("NK cell subsets in peripheral blood of patients with Alzheimer's disease", []),
    # clinicaltrialcompass.org/NCT07535138-cd19-car-gamma-delta-t-autoimmune-nephropathy.txt: the spaced form
    ("Efficacy and Safety of CD19 CAR-γδ T Cells in the Treatment of Relapsed/Refractory Autoimmune Nephropathy", ["CAR_T"]),
])
def test_cell_kinds_named_as_the_pages_name_them(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_collecting_a_patients_t_cells_and_modifying_them_is_an_autologous_car_t() -> None:
    # sclerodermanews.com/NCT06375993-adi-001-car-t-systemic-sclerosis-news.txt
    record = _page(title="Phase 1 trial of CAR T-cell therapy likely to open soon to SSc patients",
                   brief_summary="Adicet Bio expects adults with systemic sclerosis (SSc) soon to start enrolling in its "
                                 "ongoing Phase 1 clinical trial of ADI-001, an experimental CAR T-cell therapy. This "
                                 "designation “highlights the significant unmet need for innovative, off-the-shelf therapies "
                                 "to treat autoimmune diseases,” Chen Schor said. ADI-001 involves collecting a patient’s "
                                 "immune T-cells and modifying them in the lab before returning them via an infusion.")
    assert _products(record) == [("CAR_T", ["AUTOLOGOUS"], [], None, True, None)]


def test_a_donors_t_cells_collected_are_not_autologous() -> None:
    record = _page(title="Donor CAR T-cell therapy",
                   brief_summary="The study involves collecting a donor's T-cells and modifying them in the lab.")
    assert "AUTOLOGOUS" not in record.cell_products[0].donor_types


# --- infusions ------------------------------------------------------------------------------------------------------

def test_a_one_time_treatment_named_after_its_kind_of_therapy_is_one_infusion() -> None:
    # join.targetedonc.com/NCT04614103-lifileucel-til-nsclc-iov-lun-202-news.txt (folder targetedonc.com)
    record = _page(title="TIL Cell Therapy Lifileucel Makes Efficacy, Safety Gains in Advanced NSCLC",
                   brief_summary="Positive interim data from the phase 2 IOV-LUN-202 study (NCT04614103) evaluating the "
                                 "autologous tumor-infiltrating lymphocyte (TIL) cell therapy lifileucel (LN-145; Amtagvi) "
                                 "show durable responses. At a median follow-up of 25.4 months, a 25.6% objective response "
                                 "rate (ORR) and 71.8% disease control rate was observed in patients who were treated with "
                                 "one-time lifileucel monotherapy.")
    assert _products(record) == [("T", ["AUTOLOGOUS"], [], None, None, 1)]


@pytest.mark.parametrize(("text", "count"), [
    # cgtlive.com/NCT06265220-allonk-ab-101-lupus-nephritis-first-patient-news.txt
    ("Participants will undergo lymphodepletion with cyclophosphamide and fludarabine, and then receive AlloNK, which will be "
     "administered in 3 doses, and the monoclonal antibody, which will be administered in 2 doses.", 3),
    ("indicating promising efficacy as a one-time monotherapy", 1),
    # left alone: dose levels, a frequency, a one-time payment
    ("NK cells administered in 3 dose levels", None),
    ("given in 2 doses a week", None),
    ("participants receive a one-time payment", None),
])
def test_infusions_counted_as_news_items_say_them(text: str, count: int | None) -> None:
    assert infusion_count(text) == count


# --- regimens -------------------------------------------------------------------------------------------------------

def test_lymphodepletion_conditioning_without_drugs_is_a_lymphodepletion() -> None:
    # clinicaltrialcompass.org/NCT07535138-cd19-car-gamma-delta-t-autoimmune-nephropathy.txt
    record = _page(title="Efficacy and Safety of CD19 CAR-γδ T Cells in the Treatment of Relapsed/Refractory Autoimmune "
                         "Nephropathy",
                   brief_summary="The treatment process is as follows: subjects who meet the inclusion criteria will receive "
                                 "lymphodepletion conditioning, followed by a single intravenous infusion of CD19 CAR-γδ T "
                                 "cells.")
    assert _regimens(record) == [("lymphodepletion conditioning", "LYMPHODEPLETION")]
    assert _products(record) == [("CAR_T", [], [], None, True, 1)]


def test_an_abbreviation_spelt_out_names_the_regimen_by_its_words() -> None:
    # join.targetedonc.com/NCT04614103-lifileucel-til-nsclc-iov-lun-202-news.txt: "NMA-LD" first alone, then spelt out
    record = _page(title="TIL Cell Therapy Lifileucel Makes Efficacy, Safety Gains in Advanced NSCLC",
                   brief_summary="Safety profile improvements were observed, reducing post-IL-2 hospitalization days, "
                                 "despite a temporary clinical hold due to a patient death related to NMA-LD. Regarding "
                                 "safety, lifileucel’s safety profile was consistent with the known safety profiles of "
                                 "non-myeloablative lymphodepletion (NMA-LD) and interleukin-2 (IL-2). Positive interim "
                                 "data evaluating the autologous tumor-infiltrating lymphocyte (TIL) cell therapy "
                                 "lifileucel.")
    assert _regimens(record) == [("non-myeloablative lymphodepletion", "LYMPHODEPLETION")]
    # left alone: the abbreviation never spelt out stays its name (held-out 5's NCT05398640)
    record = _page(title="Lifileucel in melanoma",
                   brief_summary="After preparative NMA-LD, patients are infused with their autologous TIL (lifileucel).")
    assert _regimens(record) == [("preparative NMA-LD", "LYMPHODEPLETION")]


def test_a_round_of_a_drug_is_a_chemotherapy_its_purpose_unsaid() -> None:
    # lymphomanewstoday.com/NCT03019666-gamida-nam-expanded-nk-cells-nhl-myeloma-news.txt (the excerpt ends mid-word)
    record = _page(brief_summary="Gamida’s therapy is called NAM-expanded natural killer cells. Before receiving NAM cells, "
                                 "patients must first have a round of cyclophosphamide a")
    assert _regimens(record) == [("cyclophosphamide", "CHEMOTHERAPY")]
    # left alone: a round of something that is no drug
    record = _page(brief_summary="Gamida’s therapy is called NAM-expanded natural killer cells. Before receiving NAM cells, "
                                 "patients must first have a round of screening tests.")
    assert _regimens(record) == []


def test_a_product_named_before_its_description_is_spoken_of_by_its_name() -> None:
    # cgtlive.com/NCT06265220-allonk-ab-101-lupus-nephritis-first-patient-news.txt (the reader refuses this page, which
    # names a second trial; its words as a record of their own)
    record = _page(title="Artiva Biotherapeutics Doses First Patient With NK Cell Therapy AlloNK in Lupus Trial",
                   brief_summary="The first patient has been dosed in Artiva Biotherapeutics phase 1 clinical trial "
                                 "(NCT06265220) evaluating AlloNK (AB-101), an investigational allogeneic natural killer (NK) "
                                 "cell therapy, alone or as part of a combination therapy with an antiCD20 monoclonal "
                                 "antibody. Participants will undergo lymphodepletion with cyclophosphamide and fludarabine, "
                                 "and then receive AlloNK, which will be administered in 3 doses, and the monoclonal "
                                 "antibody, which will be administered in 2 doses. AlloNK, which is intended to heighten the "
                                 "B-cell depleting effect of the monoclonal antibodies via antibody-dependent cellular "
                                 "cytotoxicity (ADCC), is unengineered and derived from cord blood units selected for the "
                                 "high affinity variant of the CD16 receptor.")
    assert _products(record) == [("NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], None, None, 3)]
    assert _regimens(record) == [("cyclophosphamide and fludarabine", "LYMPHODEPLETION")]
    # left alone: a register's number before the words is no name of the product
    record = _page(brief_summary="NCT01234567, a phase 1 study of allogeneic NK cell therapy. NCT01234567 will be "
                                 "administered in 3 doses.")
    assert [p.infusions for p in record.cell_products] == [None]
