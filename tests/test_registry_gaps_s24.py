"""How registry records (ClinicalTrials.gov API v2 JSON) say a thing, from the gaps s24-registry listed on
tests/data/ctgov-therapy-holdout (still missed after s23-registry).

Each rule is tested on the record's words (quoted in study objects of their own: the corpus's records stay as they are)
and on a nearby wording it must leave alone.
"""

from __future__ import annotations

import json

from test_registry_gaps_s23 import _read, _regimens, _study

from kg.enrich.therapy.manufacture import _MODIFIED
from kg.enrich.therapy.product_sources import _keyword_donor
from kg.enrich.therapy.schedules import named_infusion_count

# --- counts said of the product's code name ---------------------------------------------------------------------

SAR445419_TITLE = ("A Study to Investigate Use of Off-the-shelf Natural Killer (NK) Cells (SAR445419) in Relapsed/Refractory "
                   "Acute Myeloid Leukemia")
SAR445419_ARM = ("Treatment consists of chemotherapy with fludarabine 30mg/m2/day and cytarabine 2g/m2/day administered for 5 "
                 "days (Day -6 to Day -2), followed by 6 doses of SAR445419 given thrice weekly for 2 weeks beginning Day 1.")


def test_doses_counted_of_the_code_the_title_names_the_cells_by() -> None:
    # NCT05712278: the title names the NK cells "(SAR445419)", the arm counts "6 doses of SAR445419"
    record = _study("NCT00000101", SAR445419_TITLE, arms=[{"label": "SAR445419", "description": SAR445419_ARM}],
                    interventions=[{"type": "DRUG", "name": "SAR445419"}, {"type": "DRUG", "name": "fludarabine"},
                                   {"type": "DRUG", "name": "cytarabine"}])
    assert [(p.cell_type, p.infusions) for p in record.cell_products] == [("NK", 6)]
    # doses of another coded drug given beside the cells count none of the cells' infusions
    arm = SAR445419_ARM.replace("6 doses of SAR445419 given thrice weekly", "4 doses of AFM13 given weekly, then SAR445419")
    record = _study("NCT00000101", SAR445419_TITLE, arms=[{"label": "SAR445419", "description": arm}])
    assert [p.infusions for p in record.cell_products] == [None]


def test_named_infusion_count_asks_the_products_names() -> None:
    names = frozenset({"sar445419"})
    assert named_infusion_count("followed by 6 doses of SAR445419 given thrice weekly for 2 weeks", names) == 6
    assert named_infusion_count("Single infusion of SCRI-CAR22v2", frozenset({"scri-car22v2"})) == 1
    # a bound is no count; another name none
    assert named_infusion_count("up to 6 doses of SAR445419", names) is None
    assert named_infusion_count("6 doses of SAR445419X", names) is None


def test_a_car_code_intervention_is_the_car_products_name() -> None:
    # NCT04571138: "Biological: SCRI-CAR22v2", described "Single infusion of SCRI-CAR22v2", of a trial of "CD22-Specific CAR T
    # Cells"
    protocol = {"identificationModule": {
        "nctId": "NCT00000102",
        "briefTitle": "A Pediatric and Young Adult Trial of Genetically Modified T Cells Directed Against CD22 for "
                      "Relapsed/Refractory Leukemia or Lymphoma",
        "officialTitle": "Pediatric and Young Adult Leukemia Adoptive Therapy (PLAT)-07: A Phase 1/2 Study of CD22-Specific "
                         "CAR T Cells for CD22+ Leukemia or Lymphoma"},
        "armsInterventionsModule": {"interventions": [{"type": "BIOLOGICAL", "name": "SCRI-CAR22v2",
                                                       "description": "Single infusion of SCRI-CAR22v2"}]}}
    record = _read(json.dumps({"protocolSection": protocol}).encode(), "NCT00000102.json")
    assert [(p.cell_type, p.infusions) for p in record.cell_products] == [("CAR_T", 1)]
    # an antibody's code ("Biological: AFM13") is no name of the CAR T cells: its single infusion is not theirs
    protocol["armsInterventionsModule"]["interventions"] = [{"type": "BIOLOGICAL", "name": "AFM13",
                                                             "description": "Single infusion of AFM13"}]
    record = _read(json.dumps({"protocolSection": protocol}).encode(), "NCT00000102.json")
    assert [(p.cell_type, p.infusions) for p in record.cell_products] == [("CAR_T", None)]


# --- what the reader passes on besides the free text: keywords, outcomes ------------------------------------------

def test_the_donor_a_registry_keyword_names_alone() -> None:
    # NCT05886491: "GDX012 is a novel cell therapy ...", keywords "cell therapy", "allogenic", "gamma delta T cells"
    summary = ("GDX012 is a novel cell therapy developed for the treatment of certain types of cancer, including Acute Myeloid "
               "Leukemia (AML).")
    keywords = ["Drug Therapy", "AML", "acute myeloid leukemia", "cell therapy", "allogenic", "gamma delta T cells"]
    record = _study("NCT00000103", "A Study of GDX012 in Adults With Relapsed or Refractory Acute Myeloid Leukemia",
                    summary=summary, interventions=[{"type": "DRUG", "name": "GDX012"}], keywords=keywords)
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("T", ["ALLOGENEIC"])]
    # a keyword of the transplant is the graft's donor, not the cells'; two donor words say neither
    assert _keyword_donor(["allogeneic stem cell transplantation", "gamma delta T cells"]) is None
    assert _keyword_donor(["Allogeneic hematopoietic cells"]) is None
    assert _keyword_donor(["autologous", "allogeneic"]) is None
    assert _keyword_donor(["Autologous NK cells"]) == "AUTOLOGOUS"


def _with_outcome(description: str) -> dict:
    return {"protocolSection": {
        "identificationModule": {"nctId": "NCT00000104",
                                 "briefTitle": "Phase I / II Study on Infusion of Natural Killer Cells After Haploidentical "
                                               "Transplantation in Pediatric Patients"},
        "outcomesModule": {"primaryOutcomes": [{"measure": "Dose-limiting toxicity (TLD)", "description": description}]}}}


def test_a_single_infusion_of_the_cells_an_outcome_speaks_of() -> None:
    # NCT05304754's primary outcome: the only place the record counts the infusions
    words = ("To determine dose-limiting toxicity (TLD) of a single infusion of aloreactive NK cells or ex vivo "
             "IL-15-stimulated NK cells after haploTPH in pediatric patients with high-risk leukemias.")
    record = _read(json.dumps(_with_outcome(words)).encode(), "NCT00000104.json")
    assert [(p.cell_type, p.infusions) for p in record.cell_products] == [("NK", 1)]
    # a single infusion of a drug, or of other cells, is not the NK cells'
    for other in ("To determine the toxicity of a single infusion of rituximab after haploTPH.",
                  "To compare with a single infusion of CAR T cells after haploTPH."):
        record = _read(json.dumps(_with_outcome(other)).encode(), "NCT00000104.json")
        assert [p.infusions for p in record.cell_products] == [None], other


# --- what the cells are made to express ---------------------------------------------------------------------------

def test_engineered_receptors_say_the_cells_are_modified() -> None:
    # NCT04714372's detailed description
    assert _MODIFIED.search("FT538 is an off the shelf product comprised of allogeneic natural killer (NK)-cell immunotherapy "
                            "lacking CD38 and expressing hnCD16 and IL-15RF.")
    # the CD16 NK cells have by nature is no modification
    assert not _MODIFIED.search("NK cells expressing CD16 mediate antibody-dependent cytotoxicity.")
    assert not _MODIFIED.search("Dosing is based on CD16 expression of the CD16+ NK cells.")


# --- regimens as registry records write them ----------------------------------------------------------------------

CAR33 = ("Subjects will be pretreated with chemotherapy prior to infusion of CAR T cells: about 5 days before cells "
         "transfusion, the patients who planned to reinfuse CAR T cells were treated with fluorodarabine 30 mg/m^2( body "
         "surface area) and cyclophosphamide 250 mg/m^2( body surface area) for 3 days.")


def test_drugs_treated_with_each_dosed_before_the_cells() -> None:
    # NCT04835519's intervention (its spelling "fluorodarabine")
    interventions = [{"type": "BIOLOGICAL", "name": "chimeric antigen receptor T cell", "description": CAR33}]
    record = _study("NCT00000105", "Phase I/II Study of Enhanced CD33 CAR T Cells in Subjects With Relapsed or Refractory "
                    "Acute Myeloid Leukemia", interventions=interventions)
    assert _regimens(record) == {("fluorodarabine 30 mg/m^2( body surface area) and cyclophosphamide 250 mg/m^2( body "
                                  "surface area)", "LYMPHODEPLETION")}
    assert [r.components for r in record.regimens] == [["fludarabine", "cyclophosphamide"]]
    # without the sentence's opening that puts the chemotherapy before the cells: one regimen, no purpose said
    interventions[0]["description"] = CAR33.split(": ", 1)[1].replace("about 5 days", "About 5 days")
    record = _study("NCT00000105", "Phase I/II Study of Enhanced CD33 CAR T Cells", interventions=interventions)
    assert {r.purpose for r in record.regimens} == {"CHEMOTHERAPY"}


def test_a_listed_drug_given_as_lymphodepletion() -> None:
    # NCT04714372: "Drug: Daratumumab/rHuPH20", no drug of a regimen, said given "as lymphodepletion"
    description = ("FT538 is an off the shelf product comprised of allogeneic natural killer (NK)-cell immunotherapy. Fixed "
                   "dose subcutaneous daratumumab is given on Day -12 and Day 5 prior to the NK cells as lymphodepletion, "
                   "and on Day +3, Day +10, and Day +17 to maximize targeting.")
    listed = [{"type": "DRUG", "name": "Daratumumab/rHuPH20"}, {"type": "DRUG", "name": "FT538"}]
    record = _study("NCT00000106", "FT538 in Combination With Daratumumab in AML", description=description,
                    interventions=listed)
    assert ("daratumumab/rhuph20", "LYMPHODEPLETION") in _regimens(record)
    # given for another purpose, or not listed as the study's drug: no row
    for words, entries in ((description.replace("prior to the NK cells as lymphodepletion, and", "and"), listed),
                           (description, listed[1:])):
        record = _study("NCT00000106", "FT538 in Combination With Daratumumab in AML", description=words,
                        interventions=entries)
        assert not any("daratumumab" in name for name, _ in _regimens(record)), words
