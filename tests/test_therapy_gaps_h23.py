"""How trial texts say a thing, from the rule gaps tests/data/therapy-holdout23/README.md lists.

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout23/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from conftest import therapy_page as _page

from kg.model.records import Arm, Intervention

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
