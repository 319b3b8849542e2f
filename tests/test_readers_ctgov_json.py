"""How registry records (ClinicalTrials.gov API v2 JSON, kg/read/layouts/ctgov_json.py) say a thing for the therapy
reading, from the gaps s23-registry and s24-registry listed on their corpora.

tests/data/ctgov-therapy-holdout (real records that give cells, with gold) stays a measure: the tests quote its
records' words in study objects of their own. tests/data/ctgov-negative (real records that give no cells) is read as
it is. Each rule is tested on the record's words and on a nearby wording it must leave alone. The s24-registry gaps
(still missed after s23-registry) follow those of s23-registry.
"""

from __future__ import annotations

import json
import zipfile
from typing import Any

from conftest import TESTS

from kg.enrich import enrich
from kg.enrich.therapy.manufacture import _MODIFIED
from kg.enrich.therapy.product_sources import _keyword_donor
from kg.enrich.therapy.schedules import named_infusion_count
from kg.model.records import TrialRecord
from kg.read import read_bytes

NEGATIVE = TESTS / "data" / "ctgov-negative" / "studies-2.zip"


def _read(data: bytes, name: str) -> TrialRecord:
    """One registry study as a build reads it: the JSON reader's record, enriched."""
    (record,) = read_bytes(data, name)
    assert isinstance(record, TrialRecord)
    return enrich(record)


def _negative(nct: str) -> TrialRecord:
    """A study of the negative corpus, read as a build reads it."""
    with zipfile.ZipFile(NEGATIVE) as archive:
        return _read(archive.read(f"{nct}.json"), f"{nct}.json")


def _study(nct: str, title: str, *, summary: str = "", description: str = "", arms: list[dict[str, Any]] = (),
           interventions: list[dict[str, Any]] = (), keywords: list[str] = ()) -> TrialRecord:
    """A study object of the registry's shape holding the quoted words, read as a build reads it."""
    protocol = {"identificationModule": {"nctId": nct, "briefTitle": title},
                "descriptionModule": {"briefSummary": summary, "detailedDescription": description},
                "conditionsModule": {"conditions": ["Leukemia"], "keywords": list(keywords)},
                "armsInterventionsModule": {"armGroups": list(arms), "interventions": list(interventions)}}
    return _read(json.dumps({"protocolSection": protocol}).encode(), f"{nct}.json")


# --- a transplant no cells are given with: its conditioning is no regimen ----------------------------------------

def test_a_transplant_only_study_has_no_regimen() -> None:
    # tests/data/ctgov-negative NCT01949129, "Allogeneic Stem Cell Transplantation for Children and Adolescents With Acute
    # Lymphoblastic Leukaemia", its interventions "Drug: Treosulfan", "Drug: Thiotepa", "Radiation: TBI", ...: read before
    # as six CONDITIONING rows; and NCT05739630 "M-PTCy vs BuCy in Haploidentical HSCT for Acute Leukemia"
    for nct in ("NCT01949129", "NCT04547049", "NCT04747912", "NCT05589896", "NCT05739630", "NCT06111625"):
        record = _negative(nct)
        assert (record.cell_products, record.regimens) == ([], []), nct


def test_a_transplant_with_cells_keeps_its_conditioning() -> None:
    # the same transplant with donor CAR T cells (NCT05507827's title): the conditioning is a regimen around the cells
    record = _study("NCT00000001", "Safety of Myeloablative Conditioning, Orca-T, and Allogeneic, Donor-Derived CD19/CD22-CAR "
                    "(Chimeric Antigen Receptor) T Cells in Adults With B-cell Acute Lymphoblastic Leukemia (ALL)",
                    summary="To assess the safety of administering allogenic, donor-derived CD19/CD22-CAR T cells that meet "
                            "established release specifications in adults with B-cell ALL following a myeloablative "
                            "conditioning regimen and Orca-T.")
    assert [p.cell_type for p in record.cell_products] == ["CAR_T"]
    assert {r.purpose for r in record.regimens} == {"CONDITIONING"}


# --- a coded intervention the description says is cells ----------------------------------------------------------

FT538 = ("FT538 is an off the shelf product comprised of allogeneic natural killer (NK)-cell immunotherapy lacking CD38 and "
         "expressing hnCD16 and IL-15RF. Daratumumab is a targeted therapy (IgG1k human monoclonal antibody) that targets "
         "CD38.\n\nFT538 is administered once a week for 3 consecutive weeks (Day 1, Day 8, and Day 15). Up to 5 dose levels "
         "will be tested.\n\nThere are five potential FT538 dose cohorts. The starting dose is FT538 1x10e8 cells per dose "
         "with a lower safety dose of 5x10e7 if needed (Dose Level -1). The subsequent planned FT538 cohorts are 3x10e8, "
         "1x10e9, and 1.5 x10e9 FT538 cells per dose.")


def test_a_code_the_description_says_is_nk_cells_is_the_product() -> None:
    # ClinicalTrials.gov NCT04714372 (tests/data/ctgov-therapy-holdout): title and interventions name FT538 only
    record = _study("NCT00000002", "FT538 in Combination With Daratumumab in AML Acute Myeloid Leukemia", description=FT538,
                    interventions=[{"type": "DRUG", "name": "Daratumumab/rHuPH20"}, {"type": "DRUG", "name": "FT538"}])
    (product,) = record.cell_products
    assert (product.cell_type, product.donor_types, product.infusions) == ("NK", ["ALLOGENEIC"], 3)
    # (and the lower safety dose "of 5x10e7", cells as the sentence's other dose: tests/test_dose_language.py)
    assert sorted(d.minimum for d in product.doses) == [5e7, 1e8, 3e8, 1e9, 1.5e9]


def test_a_code_that_acts_on_cells_is_no_product() -> None:
    # what the code does to NK cells, not what it is; and a sentence that is no intervention's
    for description in ("FT538 is a trifunctional antibody that engages natural killer (NK) cells against AML.",
                        "Natural killer (NK) cells are a type of immune cell."):
        record = _study("NCT00000003", "FT538 in Combination With Daratumumab in AML Acute Myeloid Leukemia",
                        description=description, interventions=[{"type": "DRUG", "name": "FT538"}])
        assert record.cell_products == [], description


# --- counts, units and expansion as registry records write them ---------------------------------------------------

def test_a_weekly_course_and_a_total_of_times_count_infusions() -> None:
    from kg.enrich.therapy.schedules import infusion_count

    # NCT04714372; NCT05519384's arm "10^6, 5x10^6 and 3x10^7 JK500 cells injection /kg/ time, three times a week, a
    # total of 6 times"
    assert infusion_count("FT538 is administered once a week for 3 consecutive weeks (Day 1, Day 8, and Day 15).") == 3
    assert infusion_count("JK500 cells injection /kg/ time, three times a week, a total of 6 times.") == 6
    # three a week for two weeks is not two; a frequency alone no count
    assert infusion_count("6 doses of SAR445419 given thrice weekly for 2 weeks beginning Day 1.") is None
    assert infusion_count("three times a week") is None


def test_cells_per_kilogram_with_the_form_between() -> None:
    from kg.enrich.therapy.quantities import cell_doses

    # NCT05519384's arm
    text = ("They were divided into three dose groups: 10^6, 5x10^6 and 3x10^7 JK500 cells injection /kg/ time, three "
            "times a week, a total of 6 times.")
    assert [(d.minimum, d.unit) for d in cell_doses(text)] == [(1e6, "{cells}/kg"), (5e6, "{cells}/kg"), (3e7, "{cells}/kg")]
    # the form without "/kg" after it: cells
    assert [d.unit for d in cell_doses("3x10^7 JK500 cells injection, for a 60 kg patient")] == ["{cells}"]


JK500 = ("After enrollment, patients received JK500 cell injection infusion after reinduction therapy. Pretreatment regimen "
         "before cell infusion: intravenous infusion of cyclophosphamide 60mg/kg day -7, intravenous infusion of fludarabine "
         "25mg/㎡/day day -6 to -2 days. In order to activate and expand circulating NK cells, on the day of each infusion of "
         "JK500 cells, the patients were first subcutaneously injected with 100WU/ m2 of interleukin (IL)-2 0.5h-1h in "
         "advance, for a total of 6 doses.")


def test_circulating_cells_expanded_by_a_drug_and_ten_thousand_units() -> None:
    # NCT05519384 (tests/data/ctgov-therapy-holdout): the IL-2 grows the patient's own NK cells; "WU" is 万 units
    record = _study("NCT00000004", "Safety and Preliminary Efficacy of JK500 Cell Injection in Relapsed/Refractory Pediatric "
                    "Acute Myeloid Leukemia", description="The Main components of JK500 cell injection are regenerative "
                    "natural killer (NK) cells derived from human embryonic stem cells and 0.9% sodium chloride solution.",
                    interventions=[{"type": "DRUG", "name": "JK500 cell injection", "description": JK500}])
    (product,) = record.cell_products
    assert (product.cell_type, product.ex_vivo_expanded) == ("NK", None)
    (il2,) = record.cytokines
    assert (il2.cytokine, il2.role, il2.dose, il2.unit, il2.route) == ("IL-2", "IN_VIVO_SUPPORT", 1e6, "[IU]/m2",
                                                                        "SUBCUTANEOUS")


def test_cells_expanded_in_the_laboratory_still_are() -> None:
    from kg.enrich.therapy.manufacture import _EXPANDED, _STUDY_EXPANSION

    for made in ("Cells will be transduced with the anti-CD22 TCRζ/4-1BB lentiviral vector, expanded in vitro and then "
                 "frozen for future administration.", "NK cells expanded ex vivo from the donor's blood"):
        assert _EXPANDED.search(_STUDY_EXPANSION.sub(" ", made))
    # NCT05304754: the NK cells' growth in the patient after the transplant, monitored
    for grown in ("The investigators will monitor immune reconstitution, chimerism, Post-transplantation NK cell expansion, "
                  "phenotype, and function.", "In order to activate and expand circulating NK cells"):
        assert not _EXPANDED.search(_STUDY_EXPANSION.sub(" ", grown))


def test_a_journals_report_of_another_study_counts_no_infusion() -> None:
    # NCT05164042 (tests/data/ctgov-therapy-holdout), its summary
    reported = ("In 2018, New England Journal published the long-term follow-up data of CD19 CAR-T for relapse/refractory "
                "(R/R) ALL, 53 patients with r/r ALL who received a single infusion of CD19 CAR-T The response efficiency "
                "(CR+PR) reached 98%.")
    record = _study("NCT00000005", "Allogeneic CD19 CAR-T Cells for the Treatment of Relapsed/Refractory B-cell Acute "
                    "Lymphoblastic Leukemia", description=reported,
                    interventions=[{"type": "BIOLOGICAL", "name": "Allogeneic CD19 CAR-T cells",
                                    "description": "infusion of allogeneic CD19 CAR-T cells"}])
    assert [(p.cell_type, p.infusions) for p in record.cell_products] == [("CAR_T", None)]
    # this trial's own single infusion is counted
    record = _study("NCT00000005", "Allogeneic CD19 CAR-T Cells for the Treatment of Relapsed/Refractory B-cell Acute "
                    "Lymphoblastic Leukemia", interventions=[{"type": "BIOLOGICAL", "name": "Allogeneic CD19 CAR-T cells",
                                                               "description": "A single infusion of CD19 CAR-T cells"}])
    assert [(p.cell_type, p.infusions) for p in record.cell_products] == [("CAR_T", 1)]


# --- cytokines, donors and kinds as registry records say them -----------------------------------------------------

def test_a_cytokine_before_two_kinds_of_cells_with_a_slash_made_them() -> None:
    from kg.enrich.therapy.cytokines import cytokine_uses
    from kg.enrich.therapy.text import Passage

    # NCT05304754's description: the IL-15-stimulated NK cells of one arm and the alloreactive ones of the other
    made = ("The investigators propose a phase I / II clinical trial ... to determine the safety and efficacy of a "
            "post-haploTPH IL-15 alloreactive / stimulated NK cell infusion in children with malignant blood diseases.")
    assert [(u.cytokine, u.role) for u in cytokine_uses([Passage(made)])] == [("IL-15", "EX_VIVO_EXPANSION")]
    # a cytokine given with the cells, another kind's slash aside
    given = "NK cells / T cells infusion followed by IL-15 subcutaneously"
    assert [(u.cytokine, u.role) for u in cytokine_uses([Passage(given)])] == [("IL-15", "IN_VIVO_SUPPORT")]


def test_donor_lymphocytes_the_patients_received_before_are_no_donor() -> None:
    from kg.enrich.therapy.text import donor_clauses
    from kg.model.records import Criterion, SourceDocument

    # NCT05712278's inclusion criterion (its NK cells are "off-the-shelf", no donor said)
    past = Criterion("INCLUSION", "Participants with relapsed AML after allogeneic stem cells transplantation, including "
                     "those who have received donor lymphocyte infusions,")
    # a donor criterion of the trial's own cells stays
    own = Criterion("INCLUSION", "Donor willing to undergo leukapheresis for donor lymphocyte infusion")
    record = TrialRecord(source=SourceDocument("t.json", "0" * 64, "ctgov_api_v2"), criteria=[past, own])
    assert donor_clauses(record) == [own.text]


def test_a_brief_titles_plain_t_cells_the_official_title_calls_car_t_cells() -> None:
    # NCT04571138: brief title "Genetically Modified T Cells", official title "CD22-Specific CAR T Cells", intervention
    # "SCRI-CAR22v2"; "T cells obtained directly from the patient, which can be genetically engineered" (autologous)
    protocol = {"identificationModule": {
        "nctId": "NCT00000006",
        "briefTitle": "A Pediatric and Young Adult Trial of Genetically Modified T Cells Directed Against CD22 for "
                      "Relapsed/Refractory Leukemia or Lymphoma",
        "officialTitle": "Pediatric and Young Adult Leukemia Adoptive Therapy (PLAT)-07: A Phase 1/2 Study of CD22-Specific "
                         "CAR T Cells for CD22+ Leukemia or Lymphoma"},
        "descriptionModule": {"briefSummary": "In this study, the investigators will attempt to use T cells obtained "
                                              "directly from the patient, which can be genetically engineered to express a "
                                              "chimeric antigen receptor (CAR)."},
        "armsInterventionsModule": {"interventions": [{"type": "BIOLOGICAL", "name": "SCRI-CAR22v2",
                                                       "description": "Single infusion of SCRI-CAR22v2"}]}}
    record = _read(json.dumps({"protocolSection": protocol}).encode(), "NCT00000006.json")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("CAR_T", ["AUTOLOGOUS"])]
    # an official title that names the same plain T cells leaves them T cells
    protocol["identificationModule"]["officialTitle"] = "A Phase 1/2 Study of CD22-Specific T Cells"
    record = _read(json.dumps({"protocolSection": protocol}).encode(), "NCT00000006.json")
    assert [p.cell_type for p in record.cell_products] == ["T"]


# --- doses as registry records write them -------------------------------------------------------------------------

def test_a_split_dose_is_one_dose_and_its_fractions_none() -> None:
    from kg.enrich.therapy.quantities import cell_doses

    # NCT02650414's arm
    assert [(d.minimum, d.maximum, d.unit, d.per_dose) for d in cell_doses(
        "Subjects <50kg will receive 0.2-1 x 10^7 CART22 cells/kg as a split dose over three days as follows:")] == [
        (2e6, 1e7, "{cells}/kg", True)]
    assert cell_doses("* Day 1, 10% fraction: 0.2-1x10^6 CART22 cells/kg") == []
    # a dose that is no fraction: a level
    assert [d.minimum for d in cell_doses("* Dose level 1: 0.2-1x10^6 CART22 cells/kg")] == [2e5]


def test_a_protocols_lowest_and_highest_dose_and_an_allowance() -> None:
    from kg.enrich.therapy.quantities import cell_doses

    # NCT04835519's summary
    assert [(d.minimum, d.maximum, d.per_dose) for d in cell_doses(
        "The lowest dose is 1×10^5 CAR T cells/kg (±20%), and the highest dose is 1×10^6 CAR T cells/kg (±20%).")] == [
        (1e5, 1e6, True)]
    assert [(d.minimum, d.per_dose) for d in cell_doses(
        "Dose 1 (DL-1) was 5×10^5 (±20%) CAR T cells/kg, and dose 2 (DL-2) was 1×10^6 (±20%) CAR T cells/kg.")] == [
        (5e5, True), (1e6, True)]
    # a lowest dose alone is no range; a percentage in brackets that is no allowance leaves the amount without cells
    assert [(d.minimum, d.maximum) for d in cell_doses("The lowest dose is 1×10^5 CAR T cells/kg.")] == [(1e5, 1e5)]
    assert cell_doses("5×10^5 (20% of patients) CAR T cells/kg") == []


# --- regimens as registry records say them ------------------------------------------------------------------------

def _regimens(record: TrialRecord) -> set[tuple[str, str]]:
    return {(r.name.lower(), r.purpose) for r in record.regimens}


def test_drugs_on_their_days_then_the_cells_make_room_for_them() -> None:
    def regimens_of(description: str) -> set[tuple[str, str]]:
        return _regimens(_study("NCT00000007", "LILRB4 STAR-T Cell Therapy for Monocytic Leukemia",
                                interventions=[{"type": "BIOLOGICAL", "name": "LILRB4 STAR-T cells injection",
                                                "description": description}]))

    # the days of the drugs between them and the cells they come before (NCT05739409's wording, its purpose word aside)
    assert regimens_of("Subjects will receive chemotherapy with cyclophosphamide and fludarabine on days -5, -4 and -3 "
                       "followed by infusion of STAR-T cells.") == {("cyclophosphamide and fludarabine", "LYMPHODEPLETION")}
    # NCT05739409's own words name the purpose, the tumour's reduction: CHEMOTHERAPY, as held-out 12's gold has it for the
    # same sentence (NCT03953599; this corpus's gold wrote LYMPHODEPLETION, a gold question)
    assert regimens_of("Subjects will receive cytoreductive chemotherapy with cyclophosphamide and fludarabine on days -5, "
                       "-4 and -3 followed by infusion of STAR-T cells.") == {("cyclophosphamide and fludarabine",
                                                                               "CHEMOTHERAPY")}
    # the same drugs on their days, nothing given after them: no purpose said
    assert regimens_of("Subjects will receive chemotherapy with cyclophosphamide and fludarabine on days -5, -4 and "
                       "-3.") == {("cyclophosphamide and fludarabine", "CHEMOTHERAPY")}


def test_a_heading_before_the_cell_infusion_over_dosed_drugs() -> None:
    # NCT05519384 (JK500 above): "Pretreatment regimen before cell infusion: ... cyclophosphamide 60mg/kg day -7, ...
    # fludarabine 25mg/㎡/day day -6 to -2 days"
    record = _study("NCT00000008", "Safety and Preliminary Efficacy of JK500 Cell Injection",
                    interventions=[{"type": "DRUG", "name": "JK500 cell injection", "description": JK500}])
    assert _regimens(record) == {("cyclophosphamide", "LYMPHODEPLETION"), ("fludarabine", "LYMPHODEPLETION")}
    # dosed drugs without the heading, nothing said of what for
    record = _study("NCT00000008", "Safety and Preliminary Efficacy of JK500 Cell Injection",
                    interventions=[{"type": "DRUG", "name": "JK500 cell injection",
                                    "description": "Patients receive cyclophosphamide 60mg/kg day -7."}])
    assert {purpose for _, purpose in _regimens(record)} <= {"CHEMOTHERAPY"}


def test_listed_drugs_of_a_lymphodepletion_named_without_them() -> None:
    # NCT04714372 (FT538 above): "A short course of outpatient lymphodepleting chemotherapy is given on Day -4 and Day -3 to
    # promote adoptive transfer", its drugs listed as interventions only
    listed = [{"type": "DRUG", "name": "FT538"},
              {"type": "DRUG", "name": "Fludarabine", "description": "Fludarabine 25 mg/m^2 is administered as a 1 hour "
               "intravenous (IV) infusion per institutional guidelines once a day on 2 consecutive days (Day -4, and Day -3)."},
              {"type": "DRUG", "name": "Cyclophosphamide", "description": "Cyclophosphamide 300 mg/m^2 is administered as a "
               "2 hour intravenous (IV) infusion per institutional guidelines once a day on the same days that fludarabine is "
               "given."}]
    course = " A short course of outpatient lymphodepleting chemotherapy is given on Day -4 and Day -3 to promote adoptive transfer."
    record = _study("NCT00000009", "FT538 in Combination With Daratumumab in AML", description=FT538 + course,
                    interventions=listed)
    assert _regimens(record) == {("fludarabine", "LYMPHODEPLETION"), ("cyclophosphamide", "LYMPHODEPLETION")}
    # a drug given beside the cells that no lymphodepletion is made of keeps its own (no) purpose
    record = _study("NCT00000009", "FT538 in Combination With Daratumumab in AML", description=FT538 + course,
                    interventions=[*listed, {"type": "DRUG", "name": "Lenalidomide"}])
    assert ("lenalidomide", "CHEMOTHERAPY") in _regimens(record)


def test_a_drug_named_with_its_purpose_and_again_without_is_one_row() -> None:
    # NCT05712278: the arm's "chemotherapy with fludarabine 30mg/m2/day and cytarabine 2g/m2/day" and the summary's
    # "SAR445419 administered after fludarabine and cytarabine conditioning"
    record = _study("NCT00000010", "A Study to Investigate Use of Off-the-shelf Natural Killer (NK) Cells (SAR445419) in "
                    "Relapsed/Refractory Acute Myeloid Leukemia",
                    summary="This is a single group, Phase 1, single-arm, dose escalation study to determine the candidate "
                            "dose(s), and evaluate safety, tolerability, and preliminary anti-tumor activity of SAR445419 "
                            "administered after fludarabine and cytarabine conditioning for the treatment of relapsed or "
                            "refractory acute myeloid leukemia (R/R AML).",
                    arms=[{"label": "SAR445419", "description": "Treatment consists of chemotherapy with fludarabine "
                           "30mg/m2/day and cytarabine 2g/m2/day administered for 5 days (Day -6 to Day -2), followed by 6 "
                           "doses of SAR445419 given thrice weekly for 2 weeks beginning Day 1."}],
                    interventions=[{"type": "DRUG", "name": "SAR445419"}, {"type": "DRUG", "name": "fludarabine"},
                                   {"type": "DRUG", "name": "cytarabine"}])
    assert _regimens(record) == {("fludarabine", "LYMPHODEPLETION"), ("cytarabine", "LYMPHODEPLETION")}


# --- cells named glued, made after collection, or typed by the keywords -------------------------------------------

def test_car_t_glued_to_cells() -> None:
    from kg.enrich.therapy.cell_kinds import _cell_types

    # NCT04100187's detailed description
    assert _cell_types("patients will undergo an unstimulated leukapheresis for the generation of the CD19 CAR Tcells.") == [
        "CAR_T"]
    # a car's T-cell lymphoma is none; "CARTcells" in one word neither
    assert _cell_types("Car Tcelllymphoma registry") == []


CART22 = [{"type": "BIOLOGICAL", "name": "CART22 cells transduced with a lentiviral vector to express anti-CD22 scFv "
                                          "TCRz:41BB"}]


def test_cells_collected_then_made_are_the_products() -> None:
    # NCT02650414's detailed description: the cells collected for CART22, then transduced and expanded
    collected = ("Once patient eligibility is confirmed, patients will have cells collected by leukapheresis to obtain "
                 "peripheral blood mononuclear cells (PBMC) for CART22 manufacturing, unless adequate numbers of cells are "
                 "available from a prior apheresis. ")
    record = _study("NCT00000011", "CD22 Redirected Autologous T Cells for ALL", description=collected + (
        "Cells will be transduced with the anti-CD22 TCRζ/4-1BB lentiviral vector, expanded in vitro and then frozen for "
        "future administration."), interventions=CART22)
    assert [(p.cell_type, p.ex_vivo_expanded) for p in record.cell_products] == [("CAR_T", True)]
    # a sentence of other cells after it ("Cells of the marrow will be examined") says nothing of their making
    record = _study("NCT00000011", "CD22 Redirected Autologous T Cells for ALL", description=collected + (
        "Bone marrow cells will be examined and expanded counts reported."), interventions=CART22)
    assert [(p.cell_type, p.ex_vivo_expanded) for p in record.cell_products] == [("CAR_T", None)]


def test_an_untyped_cell_therapy_code_typed_by_the_keywords() -> None:
    # NCT05886491: "GDX012 is a novel cell therapy developed for the treatment of certain types of cancer, including Acute
    # Myeloid Leukemia (AML)", keywords "cell therapy", "allogenic", "gamma delta T cells"
    summary = ("GDX012 is a novel cell therapy developed for the treatment of certain types of cancer, including Acute Myeloid "
               "Leukemia (AML).")
    keywords = ["Drug Therapy", "AML", "acute myeloid leukemia", "cell therapy", "allogenic", "gamma delta T cells"]
    record = _study("NCT00000012", "A Study of GDX012 in Adults With Relapsed or Refractory Acute Myeloid Leukemia",
                    summary=summary, keywords=keywords, interventions=[{"type": "DRUG", "name": "GDX012"}])
    assert [p.cell_type for p in record.cell_products] == ["T"]
    # a drug the summary calls a drug, whatever cells the keywords name
    record = _study("NCT00000012", "A Study of GDX012 in Adults With Relapsed or Refractory Acute Myeloid Leukemia",
                    summary="GDX012 is a novel antibody developed for the treatment of AML.", keywords=keywords,
                    interventions=[{"type": "DRUG", "name": "GDX012"}])
    assert record.cell_products == []


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
