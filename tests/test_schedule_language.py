"""How trial texts say when and how the cells are given (kg/enrich/therapy/schedules.py): how many infusions, their
route and frequency.

Each rule is tested on the words of the page or record it was seen on (the held-out corpora stay a measure: the tests
quote their words in passages of their own, each naming its page) and on a nearby wording it must leave alone.
"""

from __future__ import annotations

import pytest
from conftest import holdout9_record
from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy.schedules import frequency, infusion_count
from kg.model.records import Arm, Intervention

# --- infusions: a number of times the listed days agree with ---------------------------------------------------------

@pytest.mark.parametrize(("text", "count"), [
    # ctv.veeva.com/NCT06671236-np001-autologous-polyclonal-tregs-intrathecal-als.txt
    ("This study is evaluating NP001 cell injection at the dose of 1x E6 cells, 1x E7 cells, and 1x E8 cells/times, with "
     "up to 3 times separated by 4 weeks among dosing (intrathecally on Days 1, 29, and 57).", 3),
    # left alone: days that disagree with the times, a frequency, samples taken so many times
    ("NP001 cell injection up to 3 times, on days 1 and 29", None),
    ("IL-2 given 3 times a week on days 1, 3 and 5", None),
    ("blood will be collected 3 times on days 1, 8 and 15 after the cells", None),
])
def test_as_many_times_as_the_days_listed_are_as_many_infusions(text: str, count: int | None) -> None:
    assert infusion_count(text) == count


# clinicaltrials.gov/ct2-show-NCT01220895-cmv-specific-t-cells-after-unrelated-donor-transplant-cmv-ace.txt
def test_a_single_infusion_in_a_listed_interventions_name_is_one_infusion() -> None:
    assert infusion_count("CMV-specific T-cells, single infusion following single positive CMV PCR result") == 1
    # a dose of the cells given once, not a count of infusions, stays as it was: no count without the word
    assert infusion_count("CMV-specific T-cells following single positive CMV PCR result") is None


def test_one_injection_of_a_dose_of_marked_cells_is_one_infusion() -> None:
    assert infusion_count("HLA Haploidentical selected NK cell infusion (one injection of 1x107/kg CD3-CD56+ cells)") == 1
    assert infusion_count("one injection of 1x107/kg IL-2 daily") is None


def test_a_single_dose_of_a_drug_in_milligrams_is_no_infusion_of_the_cells() -> None:
    # clinicaltrials.gov/show-NCT03166397: TIL with ipilimumab
    assert infusion_count("- TIL-ACT with FMT given using colonoscopy once and 2 maintenance doses of 12 orally ingested "
                          "capsules, concurrently with a single dose of Ipilimumab 1 mg/kg up to 100 mg.") is None
    assert infusion_count("Patients receive a single dose of 1 x 10^9 TIL cells") == 1


def test_three_times_daily_is_no_daily_frequency() -> None:
    # cancer.gov NCI-2012-02875 (NCT01586403)
    assert frequency("low-dose aldesleukin IV over 15 minutes three times daily (TID) for 7 days") is None
    assert frequency("aldesleukin twice daily") is None
    assert frequency("low-dose aldesleukin subcutaneously daily for 7 days") == "DAILY"


# --- infusions: a number of times the listed days agree with ---------------------------------------------------------


# --- wordings from the misses tests/data/therapy-holdout21/README.md lists --------------------------------------------


# --- wordings from the misses tests/data/therapy-holdout27/README.md lists --------------------------------------------


# --- wordings from the rule gaps the held-out corpora's READMEs list --------------------------------------------------

# therapy-holdout8 ignite-sd.com/NCT00136903-prochymal-msc-acute-gvhd.txt; ClinicalTrials.gov NCT03196414
def test_infusions_on_the_studys_days_and_in_one_infusion() -> None:
    assert infusion_count("Treatment with investigational agent will be administered on study Days 1 and 4.") == 2
    assert infusion_count("They will get the split doses CART cells on day0, day1, day2 through the IV in 1 infusion") == 1
    assert infusion_count("Blood will be drawn on study days 1, 4 and 8") is None


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


# --- how many infusions: counted in words, by cycles, by consecutive days, per the dose ----------------------------------

# trial.medpath.com/NCT00394381-autologous-cik-cells-aml-mds.txt
CIK_SUMMARY = ("This is a Phase I /II study on the feasibility / efficacy of adoptive immunotherapy with autologous CIK "
               "cells for the following 2 groups of patients who have AML or high grade MDS. The CIK cells will be "
               "generated by leukapheresis from patients and cultured in GMP facilities. Four repeated infusions will be "
               "given for a target dose of 1x10e10 T cell per infusion.")


def test_the_infusions_a_cell_dose_is_given_per_are_the_products() -> None:
    record = _page(title="Autologous Cytokine-induced Killer Cell Adoptive Immunotherapy for Acute Myeloid Leukemia",
                   brief_summary=CIK_SUMMARY)
    assert _products(record) == [("CIK", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], True, None, 4)]
    assert [(d.minimum, d.unit, d.per_dose) for d in record.cell_products[0].doses] == [(1e10, "{cells}", True)]


def test_a_count_of_another_drugs_injections_beside_a_cell_dose_is_not_the_cells() -> None:
    record = _page(title="Autologous Cytokine-induced Killer Cell Adoptive Immunotherapy",
                   brief_summary="The CIK cells will be cultured in GMP facilities. Patients receive a cell dose of "
                                 "1x10e10 cells, followed by 6 injections of interleukin-2.")
    assert _products(record)[0][-1] is None


@pytest.mark.parametrize(("text", "count"), [
    # meddatax.com/NCT02854839-mg4101-allogeneic-nk-hcc-after-tace.txt
    ("Patients who were assigned Treatment group will receive 2 cycles of MG4101 (each cycle is 3 treatments at a "
     "frequency of once per week, between each cycle has 3 weeks of withdrawal period).", 6),
    ("Patients will receive 4 courses of NK cells, each course consisting of 2 infusions.", 8),
    ("Patients will receive 2 cycles of chemotherapy followed by NK cells.", None),
])
def test_cycles_of_so_many_treatments_each_are_their_product(text: str, count: int | None) -> None:
    assert infusion_count(text) == count


@pytest.mark.parametrize(("text", "count"), [
    # trial.medpath.com/NCT04162158-allogeneic-nk-related-donor-advanced-hcc.txt
    ("Peripheral blood mononuclear cells (PBMCs) were isolated from patient-related donor and cultured in vitro for 15 "
     "days and infused to the patient in two consecutive days.", 2),
    # a cytokine given so many days in a row is no count of infusions of cells
    ("IL-2 will be given subcutaneously for 5 consecutive days after the infusion.", None),
    # (blood drawn on consecutive days counts no infusion: "infused once" does)
    ("The cells were infused once; blood was drawn on 3 consecutive days.", 1),
])
def test_cells_infused_on_so_many_consecutive_days_are_as_many_infusions(text: str, count: int | None) -> None:
    assert infusion_count(text) == count


# --- wordings from the misses tests/data/therapy-holdout25/README.md lists --------------------------------------------

# ctv.veeva.com/NCT04011033-autologous-inkt-cells-tae-tace-il-2-unresectable-hcc.txt, its full description
INKT_SCHEDULE = ("Patients in trial group will be treated with combination of TAE/TACE and adoptive transfer of autologus iNKT "
                 "cells. TAE/TACE will be performed at 0th and 4th week. iNKT cells will be infused at 1st, 3rd, 5th, 7th, "
                 "9th, 11th week after first TAE/TACE therapy.")


def test_infusions_on_listed_occasions_are_as_many_as_the_occasions() -> None:
    record = _page(title="Study of Adoptive Transfer of iNKT Cells Combined With TAE/TACE to Treat Unresectable HCC",
                   detailed_description=INKT_SCHEDULE)
    assert [p.infusions for p in record.cell_products] == [6]
    # the procedure's occasions, and visits listed after the infusion, count no infusions
    record = _page(title="Study of Adoptive Transfer of iNKT Cells Combined With TAE/TACE to Treat Unresectable HCC",
                   detailed_description="TAE/TACE will be performed at 0th and 4th week. iNKT cells will be infused once "
                                        "a month; patients are evaluated at 4th, 8th and 12th week.")
    assert [p.infusions for p in record.cell_products] == [None]
    record = _page(title="NK Cells in AML", detailed_description="Patients receive infusions of NK cells and are evaluated "
                                                                 "at weeks 4, 8, and 12.")
    assert [p.infusions for p in record.cell_products] == [None]
    # the cardinal forms the corpora hold still count: "Patients receive infusions of EBV specific cytotoxic T lymphocytes
    # over 5 to 10 minutes on weeks 0, 2, and 4" (ClinicalTrials.gov NCT00002956)
    record = _page(title="NK Cells in AML", detailed_description="NK cells will be infused on days 0, 7 and 14.")
    assert [p.infusions for p in record.cell_products] == [3]


# --- wordings from the misses tests/data/therapy-holdout24/README.md lists --------------------------------------------

# clincosm.com/NCT04872634-snk01-nk-cells-gc-cetuximab-nsclc-after-tki.txt, its brief summary
def test_a_product_administered_a_total_of_so_many_times() -> None:
    assert infusion_count("The subjects allotted to each cohort are administered with the SNK01 manufactured from peripheral "
                          "blood mononuclear cells total 8 times over a period of about 10 weeks.") == 8
    assert infusion_count("NK cells are infused a total of 6 times") == 6
    # blood collected so many times, and a frequency, are no count of infusions
    assert infusion_count("Blood is collected a total of 8 times") is None
    assert infusion_count("NK cells are administered a total of 3 times a week") is None


# --- how many infusions ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "count"), [
    # med.agiltrace.com NCT04365101 (the group "Phase I"): three days, the last after ", and"
    ("CYNK-001 infusions on Days 1, 4, and 7. CYNK-001 IV infusions administered at an initial desensitizing dose of "
     "150 × 106 cells on Day 1 followed by a dose of 600 × 106 cells on Days 4 and 7 plus best supportive care.", 3),
    # ClinicalTrials.gov NCT04678453's arms: one administration every three weeks for four cycles
    ("SNK01 (low dose) administered once every three weeks (Q3W) for four cycles.", 4),
    ("SNK01 (medium dose) administered Q3W for four cycles.", 4),
    # ClinicalTrials.gov NCT01729091's outline: the cells on one day, among the other drugs' days and schedules
    ("Patients receive elotuzumab intravenously (IV) over 2-5 hours on day -15 and -8, lenalidomide orally (PO) once daily "
     "(QD) on days -8 to -2, high-dose melphalan IV over 30 minutes on day -7, and UCB-derived NK cells IV over 1 hour on "
     "day -5. Patients undergo autologous stem cell transplant on day 0.", 1),
    # meddatax.com NCT06161545, the sentence that goes on about the cells just named
    ("These participants will receive this treatment on days 1, 5, 8, 12, and 15.", 5),
    # not a count: the cells on two days, or repeated
    ("NK cells IV over 1 hour on day -5 and day 2", None),
    ("NK cells IV over 1 hour on day 0, repeated every 28 days", None),
    ("administered every three weeks for up to four cycles", None),
])
def test_infusions_as_trial_texts_count_them(text: str, count: int | None) -> None:
    assert infusion_count(text) == count


def test_the_arms_that_list_the_intervention_described_as_the_cells_give_their_schedule() -> None:
    # ClinicalTrials.gov NCT04678453: "Experimental: Cohort 1 - Low dose SNK01" lists "Biological: SNK01", described
    # "Patient-specific ex vivo expanded autologous natural killer cells"; the arm's "administered once every three weeks
    # (Q3W) for four cycles" is the cells' schedule though no word of it names NK cells
    record = holdout9_record("clinicaltrials.gov", "NCT04678453")
    assert [(p.cell_type, p.donor_types, p.ex_vivo_expanded, p.infusions) for p in record.cell_products] == [
        ("NK", ["AUTOLOGOUS"], True, 4)]


# --- wordings from the rule gaps the held-out corpora's READMEs list --------------------------------------------------

# therapy-holdout22 meddatax.com/NCT07243366-allogeneic-cd19-car-nk-every-two-weeks-myasthenia-gravis.txt
def test_infusions_counted_from_a_rhythm_and_a_total_duration() -> None:
    assert infusion_count("Allogeneic CD19-CAR-NK cells will be administered intravenously at a fixed dose, once every two "
                          "weeks for a total treatment duration of 24 weeks.") == 12
    assert infusion_count("NK cells given every 2 weeks for 8 weeks") == 4
    # an interval that does not divide the duration, or a bound, says no count
    assert infusion_count("given every 3 weeks for 8 weeks") is None
    assert infusion_count("once every two weeks for up to 24 weeks") is None
    record = _page(title="Allogeneic CD19-CAR-NK Cells in Patients With Refractory Myasthenia Gravis",
                   arms=[Arm("CD19-CAR-NK Cells Group",
                             description="Allogeneic CD19-CAR-NK cells will be administered intravenously at a fixed "
                                         "dose, once every two weeks for a total treatment duration of 24 weeks.")])
    assert [p.infusions for p in record.cell_products] == [12]


# --- wordings from the misses tests/data/therapy-holdout25/README.md lists --------------------------------------------

# ctv.veeva.com/NCT00562666-gamma-delta-t-cells-hepatic-intra-arterial-hcc.txt, its About
GAMMA_DELTA_ABOUT = ("In the ICAR study, increasing doses of a cell therapy product will be evaluated in patients in a palliative "
                     "setting. All patients will have one hepatic intra-arterial injection of immunological cells (gamma-delta "
                     "T lymphocytes) and will be evaluated for safety.")


def test_one_injection_of_the_cells_is_one_infusion() -> None:
    record = _page(title="Immunotherapy of Hepatocellular Carcinoma With Gamma Delta T Cells (ICAR)",
                   brief_summary=GAMMA_DELTA_ABOUT, interventions=[Intervention("T gamma delta lymphocytes", "OTHER")])
    assert [(p.cell_type, p.infusions) for p in record.cell_products] == [("T", 1)]
    # at least one, or one injection of a drug beside the cells, is no count of the cells' infusions
    record = _page(title="Gamma Delta T Cells in HCC",
                   brief_summary="Patients will have at least one hepatic intra-arterial injection of immunological cells.")
    assert [p.infusions for p in record.cell_products] == [None]
    record = _page(title="Gamma Delta T Cells in HCC",
                   brief_summary="Gamma delta T cells are infused with one subcutaneous injection of IL-2 daily.")
    assert [p.infusions for p in record.cell_products] == [None]


# --- therapy-holdout28/README.md: the cells' infusion named with its one day ------------------------------------------

# meddatax.com/NCT00698009-results-haploidentical-nk-flu-cy-il-2-neuroblastoma.txt: the arm's steps, one a sentence
NK_ARM = ("Fludarabine 25 mg/m^2 intravenous (IV) Daily Over 30 minutes Starting 6 days before the NK cell infusion "
          "(considered Day -6) and once a day through Day -2. Cyclophosphamide 60 mg/kg IV Daily Over 2 Hours On Days -5 and "
          "-4. Natural Killer Cell Infusion on Day 0.")


def test_the_cells_infusion_named_with_its_one_day_is_one_infusion() -> None:
    title = "Haploidentical Natural Killer (NK) Cells in Patients With Relapsed or Refractory Neuroblastoma"
    record = _page(identifiers=[], title=title, detailed_description=NK_ARM)
    assert _products(record) == [("NK", ["HAPLOIDENTICAL"], [], None, None, 1)]
    # (left alone) two days
    record = _page(identifiers=[], title=title, detailed_description=NK_ARM.replace("on Day 0.", "on Day 0 and Day 7."))
    assert _products(record) == [("NK", ["HAPLOIDENTICAL"], [], None, None, None)]
