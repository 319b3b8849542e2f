"""Reader gaps of the pages corpora scored on every contract query (tests/benchmarks/dev_corpus.py -v): the kinds that
recur on two or more pages. Each test quotes the real page's words (the pages are in tests/data/pages) with a nearby
wording the rule must leave alone.
"""

from __future__ import annotations

from conftest import TESTS, generic_page

from kg.read import read_text
from kg.read.layouts.generic import _described_cells

ANZCTR = TESTS / "data" / "pages" / "anzctr.org.au"


def _names(page: str) -> list[str]:
    path = ANZCTR / page
    return [intervention.name for intervention in read_text(path.read_bytes(), path.name).interventions]


# --- 1. an interventions field of sentences only: the cells they give ----------------------------------------------

def test_the_cells_a_description_only_interventions_field_gives_are_its_interventions() -> None:
    # "Description of intervention(s) / exposure" / "Mesenchymal stromal cells 2 X 10E6/kg administered intrvenously over
    # 15 minutes weekly for two weeks": the cells named before their dose
    assert _names("ACTRN12610000068066-id335014.txt") == ["Mesenchymal stromal cells"]
    # "One to two intravenous infusions of autologous umbilical cord blood derived cells (UCBCs) at a dose of 50 million
    # total nucleated cells per kg given over 1 hour": before "at a dose", the count words not part of the name
    assert _names("ACTRN12624000968572-id388172.txt") == ["autologous umbilical cord blood derived cells (UCBCs)"]
    # "… as set dose of 230 million cells or 460 million cells or placebo in the hospital. Patients will be given 230
    # millions human amnion epithelial cells (hAECs) by intravenous infusion over 2 hours …": before "by" the route; the
    # placebo given "or" the cells
    assert _names("ACTRN12622000588796p-id382636.txt") == ["human amnion epithelial cells (hAECs)", "placebo"]


def test_a_named_or_typed_intervention_is_left_to_the_list_reader() -> None:
    # ANZCTR's record imported from ClinicalTrials.gov types its intervention ("Treatment: Other - Mesenchymal stromal
    # cell therapy"): read as before, not from its sentences
    assert _names("dev-NCT01589549-imported-id3536.txt") == ["Mesenchymal stromal cell therapy"]
    # a short name is a name (the list reader's), and a sentence naming cells without a dose, route or "at a dose" after
    # them names no intervention; "placebo-controlled" is no placebo given
    assert _described_cells(["Mesenchymal stromal cells"]) == []
    assert _described_cells(["Patients will receive NK cells after chemotherapy in the outpatient clinic."]) == []
    assert [i.name for i in _described_cells(
        ["A placebo-controlled study: Mesenchymal stromal cells 2 X 10E6/kg administered intravenously weekly"])] == [
        "Mesenchymal stromal cells"]
    # the count before the cells is no part of their name ("230 million cells or 460 million cells")
    assert _described_cells(["The nurse will give a set dose of 230 million cells or 460 million cells in the ward"]) == []


# --- 2. a labelled count of 0 ---------------------------------------------------------------------------------------

def test_a_labelled_enrolment_of_zero_is_the_enrolment() -> None:
    # apps.who.int NCT02241395 (pages-holdout), a withdrawn trial: "Target sample size: 0" / "Recruitment status: Withdrawn"
    path = TESTS / "data" / "pages-holdout" / "apps.who.int" / "NCT02241395-bmmnc-cerebral-palsy.txt"
    assert read_text(path.read_bytes(), path.name).enrollment == 0
    # the label without a count still leaves the count to a sentence stating one, and a page stating none has none
    page = ("Main ID: NCT02241395\nPublic title: Cell Therapy as Treatment for Cerebral Palsy\nTarget sample size: N/A\n"
            "Study type: Interventional\nPhase: Phase 1\n\nA total of 36 subjects is estimated to be enrolled.\n")
    assert generic_page(page).enrollment == 36
    assert generic_page(page.replace("A total of 36 subjects is estimated to be enrolled.", "")).enrollment is None
