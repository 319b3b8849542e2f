"""Cell doses and the arm they are given in (kg/enrich/therapy/quantities.py, read on registry records): each case
quotes a real registry record of a held-out corpus (the source in a comment), with a nearby wording the rule must leave
alone.
"""

from __future__ import annotations

from typing import Any

from kg.enrich.therapy import describe_therapy
from kg.model.records import Arm, Intervention, SourceDocument, TrialRecord

# --- the arm a dose is given in ---------------------------------------------------------------------------------------

CELLS = "{cells}"


def _record(**fields: Any) -> TrialRecord:
    fields.setdefault("source", SourceDocument("t.json", "0" * 64, "ctgov_api_v2"))
    return describe_therapy(TrialRecord(**fields))


_CAR_T = "chimeric antigen receptor T cell"


#: ClinicalTrials.gov NCT04835519 (tests/data/ctgov-therapy-holdout): the brief summary and the intervention's description
#: (the record's markdown escapes, "10\\^5", taken out as the reader does)
_PRESET = ("The protocol preset 2 dose levels: Dose 1 (DL-1) was 5×10^5 (±20%) CAR T cells/kg, and dose 2 (DL-2) was "
           "1×10^6 (±20%) CAR T cells/kg.")


def test_a_summary_saying_the_doses_again_does_not_take_their_arm() -> None:
    record = _record(title="CAR T Cells in Patients With Relapsed or Refractory T-cell Leukemia", brief_summary=_PRESET,
                     interventions=[Intervention(_CAR_T, "BIOLOGICAL", _PRESET)],
                     arms=[Arm("chimeric antigen receptor T cell treatment", "EXPERIMENTAL", None, [_CAR_T])])
    [product] = record.cell_products
    assert {(d.minimum, d.arm) for d in product.doses} == {(5e5, "chimeric antigen receptor T cell treatment"),
                                                           (1e6, "chimeric antigen receptor T cell treatment")}


def test_an_intervention_two_arms_list_names_no_arm_of_its_dose() -> None:
    record = _record(title="CAR T Cells in Patients With Relapsed or Refractory T-cell Leukemia", brief_summary=_PRESET,
                     interventions=[Intervention(_CAR_T, "BIOLOGICAL", _PRESET)],
                     arms=[Arm("Cohort A", "EXPERIMENTAL", None, [_CAR_T]), Arm("Cohort B", "EXPERIMENTAL", None, [_CAR_T])])
    [product] = record.cell_products
    assert {d.arm for d in product.doses} == {None}


#: ClinicalTrials.gov NCT04714372 (tests/data/ctgov-therapy-holdout): four arms named by their dose, all listing FT538
_FT538 = ("FT538 is administered as an IV infusion via gravity using an IV administration set with an in-line filter at "
          "the patient's assigned dose levels (DL) on Day 1, Day 8, and Day 15")


_FT538_DESCRIPTION = ("The starting dose is FT538 1x10e8 cells per dose with a lower safety dose of 5x10e7 if needed (Dose "
                      "Level -1). The subsequent planned FT538 cohorts are 3x10e8, 1x10e9, and 1.5 x10e9 FT538 cells per "
                      "dose.")


def _ft538(labels: list[str]) -> TrialRecord:
    return _record(title="FT538 in Combination With Daratumumab in AML", detailed_description=_FT538_DESCRIPTION,
                   interventions=[Intervention("FT538", "DRUG", _FT538 + ". FT538 is an off-the-shelf NK cell product.")],
                   arms=[Arm(label, "EXPERIMENTAL", "FT538 administered at assigned dose as an IV infusion via gravity on "
                             "Day 1, Day 8, and Day 15", ["FT538"]) for label in labels])


def test_an_arm_named_by_its_dose_is_where_that_dose_is_given() -> None:
    labels = ["Dose Level 1: FT538 at 1 x10^8 cells/dose", "Dose Level 2: FT538 at 3 x10^8 cells/dose",
              "Dose Level 3: FT538 at 1 x10^9 cells/dose", "Dose Level 4: FT538 at 1.5 x10^9 cells/dose"]
    [product] = _ft538(labels).cell_products
    assert sorted((d.minimum, d.unit, d.per_dose, d.arm) for d in product.doses) == [
        (5e7, CELLS, True, None), (1e8, CELLS, True, labels[0]), (3e8, CELLS, True, labels[1]),
        (1e9, CELLS, True, labels[2]), (1.5e9, CELLS, True, labels[3])]


def test_two_arms_naming_one_dose_give_it_no_arm() -> None:
    # (and an arm named by no dose gives none: "Cohort 2")
    [product] = _ft538(["Part A: FT538 at 1 x10^8 cells/dose", "Part B: FT538 at 1 x10^8 cells/dose",
                        "Cohort 2"]).cell_products
    assert {d.arm for d in product.doses} == {None}


def test_the_amount_of_a_group_named_by_its_dose_is_its_one_dose() -> None:
    # meddatax.com NCT04538313 (tests/data/therapy-holdout24): the study group "High dose group", its description "10\^10 TIL"
    name = "Tumor infiltrating lymphocyte"
    record = _record(title="A Clinical Study in Patients With High-risk Recurrent Primary Hepatocellular Carcinoma Using "
                           "Autologous TILs",
                     interventions=[Intervention(name, "DRUG", "Tumor infiltrating lymphocytes were isolated from tumor "
                                                 "tissues from tumor biopsy or operation.")],
                     arms=[Arm("High dose group", "EXPERIMENTAL", "10^10 TIL", [name])])
    [product] = record.cell_products
    assert [(d.minimum, d.per_dose, d.arm) for d in product.doses] == [(1e10, True, "High dose group")]


def test_a_group_named_by_a_drugs_high_dose_is_no_dose_group() -> None:
    name = "Tumor infiltrating lymphocyte"
    record = _record(title="Autologous TILs With High-dose IL-2 in Melanoma",
                     interventions=[Intervention(name, "DRUG", "Tumor infiltrating lymphocytes were isolated from tumor "
                                                 "tissues from tumor biopsy or operation.")],
                     arms=[Arm("High-dose IL-2 and TIL", "EXPERIMENTAL", "10^10 TIL", [name])])
    [product] = record.cell_products
    assert [(d.minimum, d.per_dose) for d in product.doses] == [(1e10, False)]
