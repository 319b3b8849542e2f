"""How trial texts say a cytokine's role and schedule (kg/enrich/therapy/cytokines.py), from the cytokine mismatches of
every held-out corpus.

Each rule is tested on the words of the page or record it was seen on (the corpora stay a measure: the tests quote
their words in passages of their own) and on a nearby wording it must leave alone.
"""

from __future__ import annotations

from kg.enrich.therapy.cytokines import cytokine_uses
from kg.enrich.therapy.text import Passage


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
