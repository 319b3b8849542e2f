"""How trial texts say a cytokine's role and schedule (kg/enrich/therapy/cytokines.py), from the cytokine mismatches of
every held-out corpus.

Each rule is tested on the words of the page or record it was seen on (the corpora stay a measure: the tests quote
their words in passages of their own) and on a nearby wording it must leave alone.
"""

from __future__ import annotations

from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy.cytokines import cytokine_uses
from kg.enrich.therapy.text import Passage
from kg.model.records import Intervention


def _uses(*texts: str, arm: str | None = None) -> list[tuple]:
    return [(u.cytokine, u.role, u.route, u.frequency, u.number_of_doses)
            for u in cytokine_uses([Passage(text, arm) for text in texts])]


def test_a_cytokine_in_the_expansion_culture_made_the_cells() -> None:
    # tests/data/therapy-holdout22/pages/ncbi.nlm.nih.gov/NCT00602693-ucb-tregs-after-double-cord-blood-transplant.txt
    made = ("To reduce these risks, we established a method of CD4(+)CD25(+)FoxP3(+) T regulatory cell (Treg) enrichment "
            "from cryopreserved UCB followed by a 18 (+) 1-day expansion culture including anti-CD3/anti-CD28 "
            "antibody-coated beads and recombinant human interleukin-2.")
    assert [u[:2] for u in _uses(made)] == [("IL-2", "EX_VIVO_EXPANSION")]
    # a treatment including a cytokine gives it to the patient
    given = "Patients then receive a treatment including recombinant human interleukin-2."
    assert [u[:2] for u in _uses(given)] == [("IL-2", "IN_VIVO_SUPPORT")]


def test_an_infusion_of_a_cytokine_goes_into_a_vein_where_no_other_place_is_named() -> None:
    # tests/data/therapy-holdout20/pages/smartpatients.com/NCT01694472-mage-a4-tcr-t-cells-two-infusions-il-2.txt
    words = ("Two weeks after the first infusion the patient receives the same dose again, followed by infusions of IL-2 "
             "for 5 days.")
    assert _uses(words)[0][2] == "INTRAVENOUS"
    assert _uses("MAGE-A4 TCR T cells, then IL-2 infusion for 5 days.")[0][2] == "INTRAVENOUS"
    # tests/data/therapy-holdout24/pages/knowcancer.com/NCT00003067-intracavitary-il-2-lak-cells-malignant-glioma.txt:
    # the infusions go into the tumour's cavity, which the title names
    title = "Intracavitary Interleukin-2 (IL-2) and Lymphokine-Activated Killer (LAK) Cell Therapy for Malignant Gliomas"
    bolus = "Bolus infusions of low-dose IL-2 are administered on days 3, 5, 8, 10, and 12, followed by a rest period."
    assert {u[2] for u in _uses(title, bolus)} == {None}
    # a cytokine named beside cells infused is not itself said to be infused
    assert _uses("NK cell infusion followed by IL-2 for 5 days.")[0][2] is None


def test_a_cytokine_given_on_the_days_listed_is_one_dose_each_day() -> None:
    # tests/data/therapy-holdout24/pages/knowcancer.com/NCT00003067-intracavitary-il-2-lak-cells-malignant-glioma.txt
    incubated = "Patients undergo outpatient leukapheresis on day -4 or -5, and cells are incubated ex vivo with interleukin-2 (IL-2)."
    day_one = "Lymphokine-activated killer (LAK) cells and IL-2 are infused on day 1."
    listed = ("Bolus infusions of low-dose IL-2 are administered on days 3, 5, 8, 10, and 12, followed by a rest period on "
              "days 13-24.")
    assert [(u[1], u[4]) for u in _uses(incubated, day_one, listed)] == [("EX_VIVO_EXPANSION", None),
                                                                        ("IN_VIVO_SUPPORT", 6)]
    assert [u[4] for u in _uses(listed)] == [5]  # the days listed alone
    # the days of cells named after the cytokine are the cells' ("N-803 (under the skin, day 1) with or without PD-L1
    # t-haNK cells on days 1, 5, 8, 12 and 15", meddatax.com NCT06161545 as held-out 16's README puts it); a range is
    # no list of days
    assert [u[4] for u in _uses("N-803 with or without PD-L1 t-haNK cells on days 1, 5, 8, 12 and 15.")] == [None]
    assert [u[4] for u in _uses("IL-2 is given on days 1, 3 and 5-7.")] == [None]


def test_a_cytokine_given_with_each_infusion_of_the_cells_is_as_frequent_as_they() -> None:
    # tests/data/ctgov-therapy-holdout/pages/clinicaltrials.gov/NCT05519384.json (the arm's and the intervention's words)
    cells = ("They were divided into three dose groups: 10\\^6, 5x10\\^6 and 3x10\\^7 JK500 cells injection /kg/ time, "
             "three times a week, a total of 6 times.")
    lymphodepletion = ("Pretreatment regimen before cell infusion: intravenous infusion of cyclophosphamide 60mg/kg day -7, "
                       "intravenous infusion of fludarabine 25mg/㎡/day day -6 to -2 days.")
    il2 = ("In order to activate and expand circulating NK cells, on the day of each infusion of JK500 cells, the "
           "patients were first subcutaneously injected with 100WU/ m2 of interleukin (IL)-2 0.5h-1h in advance, for a "
           "total of 6 doses.")
    assert _uses(cells, lymphodepletion, il2) == [("IL-2", "IN_VIVO_SUPPORT", "SUBCUTANEOUS", "THREE_TIMES_WEEKLY", 6)]
    # without the cells' frequency stated, or with two that differ, none
    assert _uses(lymphodepletion, il2)[0][3] is None
    other = "JK500 cells are given once a week in the second course."
    assert _uses(cells, other, il2)[0][3] is None
    # a cytokine given once with the first infusion only is not given with each
    first = "On the day of the first infusion of JK500 cells, the patients were injected with 100WU/ m2 of IL-2."
    assert _uses(cells, first)[0][3] is None


# --- wordings from the misses tests/data/therapy-holdout25/README.md lists --------------------------------------------

# clinicaltrials.gov/ct2-show-NCT00002589-autologous-lymphocyte-therapy-il-2-okt3-kidney-cancer.txt
ALT_TITLE = "Lymphocyte Therapy in Treating Patients With Kidney Cancer"


ALT_RATIONALE = ("RATIONALE: Treating a person's lymphocytes with interleukin-2 and monoclonal antibody may help them kill more "
                 "cancer cells when they are put back in the body.")


ALT_OBJECTIVE = ("Evaluate the ability of autologous lymphocyte therapy (ALT) given as adjuvant therapy following nephrectomy "
                 "and/or complete surgical resection of any metastatic disease to delay or prevent metastatic recurrence in "
                 "patients with high-risk renal cell carcinoma.")


ALT_INTERVENTIONS = [Intervention("aldesleukin", "BIOLOGICAL"), Intervention("muromonab-CD3", "BIOLOGICAL"),
                     Intervention("therapeutic autologous lymphocytes", "BIOLOGICAL"),
                     Intervention("adjuvant therapy", "PROCEDURE")]


def test_lymphocytes_given_back_as_a_therapy_are_an_autologous_t_cell_product() -> None:
    record = _page(title=ALT_TITLE, brief_summary=ALT_RATIONALE, detailed_description=ALT_OBJECTIVE,
                   interventions=ALT_INTERVENTIONS)
    assert _products(record) == [("T", ["AUTOLOGOUS"], [], None, None, None)]
    # the objective's name alone, and the listed intervention alone, each give the product
    assert _products(_page(title="Autologous lymphocyte therapy (ALT) after nephrectomy")) == [
        ("T", ["AUTOLOGOUS"], [], None, None, None)]
    assert [p[0] for p in _products(_page(title="Kidney Cancer", interventions=ALT_INTERVENTIONS[2:3]))] == ["T"]


def _cytokines(**fields) -> list[tuple[str, str]]:  # noqa: ANN003 - TrialRecord's fields
    return sorted((c.cytokine, c.role) for c in _page(**fields).cytokines)


def test_a_cytokine_that_treated_the_cells_made_them() -> None:
    # the rationale's IL-2 treated the lymphocytes before they were put back
    assert _cytokines(title=ALT_TITLE, brief_summary=ALT_RATIONALE, detailed_description=ALT_OBJECTIVE,
                      interventions=ALT_INTERVENTIONS[2:3]) == [("IL-2", "EX_VIVO_EXPANSION")]
    # patients treated with it are given it
    assert _cytokines(title="Autologous lymphocyte therapy (ALT)",
                      brief_summary="Treating patients with interleukin-2 after the infusion may help the cells.") == [
        ("IL-2", "IN_VIVO_SUPPORT")]


def test_a_listed_cytokine_is_given_as_the_other_corpora_read_it() -> None:
    # "Biological: aldesleukin" in the list of interventions is IL-2 given (held-out 12's NCT03175679 "Drug: IL-2",
    # held-out 20's NCT02153905 "Drug: Aldesleukin"), beside the IL-2 that treated the cells
    assert _cytokines(title=ALT_TITLE, brief_summary=ALT_RATIONALE, detailed_description=ALT_OBJECTIVE,
                      interventions=ALT_INTERVENTIONS) == [("IL-2", "EX_VIVO_EXPANSION"), ("IL-2", "IN_VIVO_SUPPORT")]


# ctv.veeva.com/NCT01337544-haploidentical-il-15-nk-cells-after-haplo-transplant-paediatric-solid-tumours.txt
IL15_TITLE = "Haploidentical Stem Cell Transplantation and IL-15 NK Cell Infusion for Paediatric Refractory Solid Tumours"


IL15_ABOUT = ("Patients will receive an haploidentical stem cell transplantation, followed by IL-15 stimulated NK cells "
              "infusion one month after transplantation.")


def test_a_cytokine_that_names_or_stimulated_the_cells_is_their_making() -> None:
    assert _cytokines(title=IL15_TITLE, brief_summary=IL15_ABOUT,
                      interventions=[Intervention("HAPLOIDENTICAL IL-15 STIMULATED NK CELLS", "OTHER")]) == [
        ("IL-15", "EX_VIVO_EXPANSION")]
    # "followed by" gives the cells; the words right after the cytokine say it stimulated them
    assert _cytokines(title="NK cells in AML", brief_summary=IL15_ABOUT) == [("IL-15", "EX_VIVO_EXPANSION")]
    # a cytokine given separately stays given: its own route after the infusion
    assert _cytokines(title=IL15_TITLE, brief_summary="Subcutaneous IL-15 will be given after the infusion.") == [
        ("IL-15", "EX_VIVO_EXPANSION"), ("IL-15", "IN_VIVO_SUPPORT")]
    # "IL-2 and NK cells": two things given, and a cytokine followed by cells measured is not their making
    assert _cytokines(title="IL-2 and NK cell infusion in AML") == [("IL-2", "IN_VIVO_SUPPORT")]
    assert _cytokines(title="NK cell infusion in AML", brief_summary="Patients receive IL-2 NK cell activity.") == [
        ("IL-2", "IN_VIVO_SUPPORT")]
