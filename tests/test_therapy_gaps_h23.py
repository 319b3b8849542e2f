"""How trial texts say a thing, from the rule gaps tests/data/therapy-holdout23/README.md lists.

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout23/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy.quantities import cell_doses
from kg.enrich.therapy.schedules import infusion_count
from kg.model.records import Arm, Intervention


def _doses(text: str) -> list[tuple[float, float | None, str, bool]]:
    return [(d.minimum, d.maximum, d.unit, d.per_dose) for d in cell_doses(text)]


# meddatax.com/NCT07324889-cd19-bcma-car-t-warm-aiha-per-kg.txt, its detailed description
SCHETT_DOSAGE = ("With reference to the protocol by the team led by Georg Schett from Germany, a dosage of 1×10⁶ CAR⁺ cells per "
                 "kilogram was selected, and it is planned to enroll 24 subjects with relapsed/refractory warm antibody "
                 "autoimmune hemolytic anemia (wAIHA).")


def test_a_superscript_plus_marks_the_cells_and_a_dosage_is_one_administrations() -> None:
    assert _doses(SCHETT_DOSAGE) == [(1e6, 1e6, "{cells}/kg", True)]
    # the superscript plus is read as the plus it is, "CAR+ cells"; without "a dosage of" the amount is no one dose's
    assert _doses("1×10⁶ CAR⁺ cells per kilogram") == _doses("1×10⁶ CAR+ cells per kilogram") == [
        (1e6, 1e6, "{cells}/kg", False)]
    # a count of marked cells in a volume of blood is a lab value, superscript or not; a drug's dosage no cells
    assert _doses("CD4⁺ T cells ≥ 0.2×10⁹/L") == []
    assert _doses("CD19⁺ B cells below 1×10⁶ /L") == []
    assert _doses("a dosage of 25 mg/m2 per day") == []


def test_a_dosage_sentence_that_does_not_name_the_product_doses_the_trials_one_product() -> None:
    record = _page(title="An Open-label, Single-arm, Prospective, Multicenter, Phase I/II Clinical Study on the Safety and "
                         "Efficacy of CD19/BCMA CAR-T Cell Therapy for Relapsed/Refractory Warm Antibody Autoimmune "
                         "Hemolytic Anemia",
                   detailed_description="This study is an open-label, single-arm, prospective, multicenter, phase I/II "
                                        f"clinical trial. {SCHETT_DOSAGE}")
    assert [(p.cell_type, [(d.minimum, d.unit, d.per_dose) for d in p.doses]) for p in record.cell_products] == [
        ("CAR_T", [(1e6, "{cells}/kg", True)])]
    # the dosage of a drug in a sentence of its own doses no cells
    record = _page(title="CD19/BCMA CAR-T Cell Therapy for Warm Antibody Autoimmune Hemolytic Anemia",
                   detailed_description="Prednisone is continued at a dosage of 10 mg per day.")
    assert [p.doses for p in record.cell_products] == [[]]


# ctv.veeva.com/NCT07247201-allogeneic-nk-allonk1-chemoradiotherapy-nasopharyngeal.txt
def test_one_of_so_many_escalating_doses_is_a_dose_level_not_a_count_of_infusions() -> None:
    assert infusion_count("Phase 1: Participants will receive one of five escalating doses of allogeneic NK cells with CRT "
                          "to determine the MTD.") is None
    # doses said to differ are levels, whoever gets them; "one of" so many infusions is no count either
    assert infusion_count("three sequential escalating doses of AST-OPC1 cells") is None
    assert infusion_count("two different doses of NK cells") is None
    assert infusion_count("Patients will receive one of three infusions of NK cells") is None
    # a course's doses and infusions are still counted
    assert infusion_count("Participants will receive five doses of allogeneic NK cells with CRT") == 5
    assert infusion_count("followed by three doses of NK cells infusion") == 3
    assert infusion_count("receive three intravenous infusions of expanded NK cells") == 3
    record = _page(title="Allogeneic NK Cells Combined With Chemoradiotherapy in Nasopharyngeal Carcinoma",
                   arms=[Arm("Allogenic expanded Natural Killer Cells", None,
                             "Phase 1: Participants will receive one of five escalating doses of allogeneic NK cells with "
                             "CRT to determine the MTD.")])
    assert [row[-1] for row in _products(record)] == [None]


# ctv.veeva.com/NCT07266181-cd19-car-t-membranous-nephropathy-per-kg.txt, its detailed description
PROPHYLAXIS = ("Prior to receiving CAR-T cell therapy, patients will undergo lymphodepletion chemotherapy with cyclophosphamide "
               "(fludarabine will be added if necessary). After prophylactic administration of antihistamines and "
               "acetaminophen, patients will be infused with CD19 CAR-T cells at a dose of 1×10⁶ cells/kg.")


def _regimens(description: str) -> list[tuple[str, str]]:
    record = _page(title="CD19 CAR-T Cell Therapy in Refractory Membranous Nephropathy", detailed_description=description)
    return [(r.name, r.purpose) for r in record.regimens]


def test_the_drugs_given_with_antihistamines_before_the_infusion_are_one_premedication() -> None:
    assert ("antihistamines and acetaminophen", "PREMEDICATION") in _regimens(PROPHYLAXIS)
    assert ("antihistamines", "PREMEDICATION") not in _regimens(PROPHYLAXIS)
    assert _regimens("Premedication with antihistamines, paracetamol and steroids is given before the CAR-T cells.") == [
        ("Premedication with antihistamines, paracetamol and steroids", "PREMEDICATION")]
    # what is no premedication drug stays out of the row; acetaminophen alone is no premedication the text says
    assert _regimens("Patients receive antihistamines and CAR-T cells.") == [("antihistamines", "PREMEDICATION")]
    assert _regimens("Patients receive antihistamines and IL-2 with the CAR-T cells.") == [("antihistamines", "PREMEDICATION")]
    assert _regimens("Acetaminophen may be given for fever after the CAR-T cells.") == []


# meddatax.com/NCT06464679-cd19-car-nk-autoimmune-flu-cy.txt, the arm's description (the page cuts it in the second dose)
CUT_ARM = "Patients will receive Fludarabine (25 mg/m2 per day) and Cyclophosphamide (300mg/"


def _arm_regimens(description: str, **fields) -> list[tuple[str, str, list[str]]]:  # noqa: ANN003 - TrialRecord's fields
    record = _page(title="An Exploratory Clinical Study of CD19 CAR NK Cell Injection for the Treatment of "
                         "Relapsed/Refractory Autoimmune Diseases",
                   arms=[Arm("CD19 CAR NK cells", None, description)], **fields)
    return [(r.name, r.purpose, [c.lower() for c in r.components]) for r in record.regimens]


def test_the_drugs_the_patients_receive_each_with_its_dose_are_one_regimen() -> None:
    # no purpose said: CHEMOTHERAPY; the drugs named together, one row
    # (each drug's dose is no part of the regimen's name: tests/test_regimen_language.py)
    assert _arm_regimens(CUT_ARM) == [("Fludarabine and Cyclophosphamide", "CHEMOTHERAPY",
                                       ["fludarabine", "cyclophosphamide"])]
    # the cells after them say what for
    assert _arm_regimens("Patients will receive fludarabine (30 mg/m2) and cyclophosphamide (500 mg/m2) followed by an "
                         "infusion of CAR-NK cells") == [("fludarabine and cyclophosphamide",
                                                          "LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]
    # drugs another sentence names with their purpose are that regimen, not a second one
    assert _arm_regimens("Lymphodepletion with fludarabine and cyclophosphamide. Patients will receive fludarabine (30 "
                         "mg/m2) and cyclophosphamide (500 mg/m2) on days -5 to -3.") == [
        ("fludarabine and cyclophosphamide", "LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]
    # drugs the registry lists as interventions are a row each, as listed
    assert _arm_regimens(CUT_ARM, interventions=[Intervention("Fludarabine", "DRUG"),
                                                 Intervention("Cyclophosphamide", "DRUG")]) == [
        ("Fludarabine", "CHEMOTHERAPY", ["fludarabine"]), ("Cyclophosphamide", "CHEMOTHERAPY", ["cyclophosphamide"])]
    # what the patients receive that is no drug list, or do not receive
    assert _arm_regimens("Patients will receive NK cells (1×10^6/kg) and IL-2.") == []
    assert _arm_regimens("Patients will not receive fludarabine (25 mg/m2) and cyclophosphamide.") == []
