"""How trial texts say a thing, from the kinds of error the sixteenth held-out corpus showed
(tests/data/therapy-holdout16/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout16/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in pages and records of their own, and the gold is unchanged.
"""

from __future__ import annotations

import pytest
from conftest import generic_page as _read
from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.cell_kinds import _cell_types
from kg.enrich.therapy.quantities import cell_doses, find_amounts
from kg.enrich.therapy.schedules import infusion_count
from kg.model.records import Intervention
from kg.read.parse.prose_pages import one_trial_in_prose

# --- a news item's number in prose: a footnote's number after it, the trial's name in brackets ----------------------

# cgtlive.com/NCT04582201-agent-797-inkt-cells-covid-ards-news.txt
AGENT797 = ("iNKT Cells Safe, Shows Anti-Inflammatory Response in Patients With SARS-CoV-2\n\n"
            "Invariant natural killer T (iNKT) cells were found to be safe and associated with an anti-inflammatory "
            "response in patients with virally induced acute respiratory distress syndrome (ARDS) caused by SARS-CoV-2, "
            "according to findings from a phase 2 trial (NCT04582201).1\n\n"
            "“Allogeneic iNKT cells represent a novel approach for treating severe respiratory distress and these data "
            "underscore the important role that iNKT-based cell therapies could play in respiratory distress and critical "
            "illness mo\n")
# markets.businessinsider.com/NCT05302037-cytomed-ctm-n2d-car-gamma-delta-t-angelica-first-patient-news.txt
ANGELICA = ("Update on Clinical Milestone - CytoMed Therapeutics Announces First Patient Dosed in its First-in-Human "
            "Phase I Clinical Trial of Allogeneic CAR-Gamma Delta T Cell Therapy in Patients with Advanced...\n\n"
            "PRESS RELEASE GlobeNewswire\nNov. 20, 2024, 07:00 AM\n\n"
            "SINGAPORE, Nov. 20, 2024 (GLOBE NEWSWIRE) -- Further to an announcement on October 7, 2024, CytoMed "
            "Therapeutics Limited (NASDAQ: GDTC) (“CytoMed” or “Company”), a Singapore-based biopharmaceutical company "
            "focused on harnessing its proprietary technologies to develop novel donor blood-derived, cell-based allogeneic "
            "therapies for the treatment of blood and solid cancers, is pleased to announce that the first patient has been "
            "dosed in its first-in-human Phase I dose-escalation clinical trial (NCT05302037) (“ANGELICA Trial”). This "
            "trial has been registered with and has received clinical trial authorisation from the Health Sciences "
            "Authority in Singapore.\n\n"
            "The ANGELICA Trial evaluates allogeneic NKG2DL-targeting chimeric antigen receptor-grafted (CAR) gamma delta T "
            "cells (CTM-N2D) in patients with advanced solid tumours or haematological malignancies. Refer to Form 6K "
            "announcement on October 7, 2024.\n\n"
            "“Dosing the first patient in the ANGELICA Trial, CytoMed has reached a significant milestone as a clinical "
            "stage biopharma,” says Chairman Peter Choo. “The ANGELICA Trial aims to assess the safety and potential "
            "efficacy of an allogeneic CAR-T therapy patients with advanced solid tumours or haematological "
            "malignancies.”\n")


@pytest.mark.parametrize(("text", "number", "cells"), [
    (AGENT797, "NCT04582201", [("NKT", ["ALLOGENEIC"])]),
    (ANGELICA, "NCT05302037", [("CAR_T", ["ALLOGENEIC"])]),
])
def test_a_news_items_number_before_a_footnote_or_the_trials_name_keys_the_page(text: str, number: str,
                                                                                cells: list[tuple]) -> None:
    assert [i.value for i in one_trial_in_prose(text)] == [number]
    record = describe_therapy(_read(text))
    assert [i.value for i in record.identifiers] == [number]
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == cells


@pytest.mark.parametrize("text", [
    # a paper's registration under its number, in the sentence or the next line (tests/test_generic_reader.py's Blood
    # paper, and as abstracts print it)
    "We conclude that aNK-DLI contributed to the acute GVHD observed, likely by augmenting underlying T-cell "
    "alloreactivity in the patients. This trial was registered at www.clinicaltrials.gov as #NCT01287104.",
    "We conclude that aNK-DLI contributed to the acute GVHD observed, likely by augmenting underlying T-cell "
    "alloreactivity in the patients (NCT01287104).\nTrial registration: ClinicalTrials.gov.",
    # a title's number, a bracket that is not the trial's name, a number of another trial
    "Efficacy and Safety of CD19 CAR-γδ T Cells in the Treatment of Relapsed/Refractory Autoimmune Nep… (NCT07535138) | "
    "Clinical Trial Compass",
    "the first patient has been dosed in its first-in-human Phase I dose-escalation clinical trial (NCT05302037) "
    "(“ANGELICA Trial”) | Markets Insider",
    "Background: an earlier trial (ClinicalTrials.gov Identifier: NCT01287104).1 gave NK cells after a transplant to "
    "patients with leukaemia in first remission.",
])
def test_a_papers_registration_a_title_or_another_trial_stays_refused(text: str) -> None:
    assert one_trial_in_prose(text) == []


# --- cell doses: the power as "E6" after "1x"; a lost superscript after a spaced "x" ------------------------------------

def test_a_power_written_e6_after_the_multiplication_sign_is_ten_to_that_power() -> None:
    # ctv.veeva.com/NCT06671236-np001-autologous-polyclonal-tregs-intrathecal-als.txt
    text = ("This study is evaluating NP001 cell injection at the dose of 1x E6 cells, 1x E7 cells, and 1x E8 cells/times, "
            "with up to 3 times separated by 4 weeks among dosing (intrathecally on Days 1, 29, and 57).")
    assert [(d.minimum, d.unit, d.per_dose) for d in cell_doses(text)] == [
        (1e6, "{cells}", True), (1e7, "{cells}", True), (1e8, "{cells}", True)]


def test_a_spaced_x_before_a_lost_superscript_is_a_power_of_ten() -> None:
    # cgtlive.com/NCT04765449-tvgn-489-sars-cov-2-specific-ctl-covid-19-news.txt (read so already: held here)
    text = ("Four dose levels of CTLs will be evaluated: 1 x 105/kg, 3 x 105/kg, 1 x 106/kg, and 3 x 106/kg, with groups of "
            "3 to 6 patients receiving each ascending dose pending no serious AEs.")
    assert [(d.minimum, d.unit, d.per_dose) for d in cell_doses(text)] == [
        (1e5, "{cells}/kg", True), (3e5, "{cells}/kg", True), (1e6, "{cells}/kg", True), (3e6, "{cells}/kg", True)]


@pytest.mark.parametrize("text", [
    "Patients will receive 1 x 100 mL of saline before the cells.",  # a volume: "x 100" is no power
    "2x E. coli strains were used to make the vector for the cells.",  # "E." no power
    "Patients with 3 E6 mutations and 2 x 106 patients in all",  # no multiplication sign; no cells after the count
    "neutrophils < 0.5 x 10e6/L before the cells",  # a lab value per litre
])
def test_counts_that_are_no_cell_dose_stay_none(text: str) -> None:
    assert cell_doses(text) == []


def test_an_e_power_reads_only_with_its_digits() -> None:
    assert [(a.low, a.high) for a in find_amounts("1x E6 cells, 1.5E+7 cells/kg, 1e8 cells")] == [
        (1e6, 1e6), (1.5e7, 1.5e7), (1e8, 1e8)]


# --- a regimen's drugs each with its dose in brackets ----------------------------------------------------------------

def test_drugs_each_with_its_dose_in_brackets_after_a_named_lymphodepletion_are_one_regimen() -> None:
    # lupus.bmj.com/NCT05938725-kyv-101-cd19-car-t-lupus-nephritis-kysa-1-abstract.txt
    record = _page(brief_summary="After apheresis and manufacturing, patients receive 3 days of lymphodepletion (LD) with "
                                 "fludarabine (30 mg/m2/day) and cyclophosphamide (300 mg/m2/day) starting on day –7 to "
                                 "–5, then a single infusion of KYV-101, a fully human autologous anti-CD19 CAR T-cell "
                                 "therapy.")
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("fludarabine and cyclophosphamide", "LYMPHODEPLETION",  # each dose no part of the name (test_regimen_language)
         ["fludarabine", "cyclophosphamide"])]


def test_a_bracket_without_a_dose_still_ends_the_drugs() -> None:
    # the abbreviation of the list ("cyclophosphamide and fludarabine (Cy/Flu)") stays the name's, as before
    record = _page(brief_summary="Patients receive lymphodepletion with cyclophosphamide and fludarabine (Cy/Flu) followed "
                                 "by a single infusion of autologous anti-CD19 CAR T cells.")
    assert [(r.purpose, r.components) for r in record.regimens] == [
        ("LYMPHODEPLETION", ["cyclophosphamide", "fludarabine"])]


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


# --- cytotoxic T lymphocytes named as a "therapy", the product by its code --------------------------------------------

# cgtlive.com/NCT04765449-tvgn-489-sars-cov-2-specific-ctl-covid-19-news.txt
TVGN489 = ("TVGN-489 is an investigational allogeneic cytotoxic CD8+ T lymphocyte therapy that may help prevent breakthrough "
           "COVID infection. Tevogen Bio and Thomas Jefferson University are beginning enrollment of their phase 1 trial "
           "(NCT04765449) for TVGN-489 for the treatment of high-risk patients with COVID-19. TVGN-489 is an investigational "
           "allogeneic SARS-CoV-2 specific Cytotoxic CD8+ T lymphocytes (CTL) therapy designed to protect against "
           "breakthrough COVID infection and hospitalization in high-risk patients, whether due to age or other underlying "
           "health conditions. The study plans to enroll 24 participants with COVID-19 that are elderly or high-risk. "
           "Participants with an HLA antigen in common with COVID-19 fighting T cells will receive a single infusion of "
           "TVGN-489. The control group will not receive any CTLs. Four dose levels of CTLs will be evaluated: 1 x 105/kg, "
           "3 x 105/kg, 1 x 106/kg, and 3 x 106/kg, with groups of 3 to 6 patients receiving each ascending dose pending "
           "no serious AEs.")


def test_a_t_lymphocyte_therapy_named_by_its_code_is_the_product_and_its_dose_levels_are_its() -> None:
    record = _page(brief_summary=TVGN489)
    assert _products(record) == [("T", ["ALLOGENEIC"], [], None, None, 1)]
    assert [(d.minimum, d.unit, d.per_dose) for d in record.cell_products[0].doses] == [
        (1e5, "{cells}/kg", True), (3e5, "{cells}/kg", True), (1e6, "{cells}/kg", True), (3e6, "{cells}/kg", True)]


def test_the_first_sentence_alone_names_the_product() -> None:
    record = _page(brief_summary="TVGN-489 is an investigational allogeneic cytotoxic CD8+ T lymphocyte therapy that may "
                                 "help prevent breakthrough COVID infection. Participants will receive a single infusion "
                                 "of TVGN-489.")
    assert _products(record) == [("T", ["ALLOGENEIC"], [], None, None, 1)]


@pytest.mark.parametrize("text", [
    # a checkpoint antibody's target, T lymphocytes measured, a disease named as the subject
    "Ipilimumab is a fully human monoclonal antibody against cytotoxic T lymphocyte-associated antigen 4 (CTLA-4), given "
    "by infusion every 3 weeks.",
    "Patients will receive nivolumab infusions; the cytotoxic T lymphocyte response to the vaccine will be measured.",
    "COVID-19 is a disease in which cytotoxic T lymphocyte counts fall; patients will receive remdesivir by infusion.",
])
def test_t_lymphocytes_that_are_no_therapy_give_no_product(text: str) -> None:
    assert _products(_page(brief_summary=text)) == []


# --- a product named by its code and the form it is given in ---------------------------------------------------------

def test_a_code_named_with_the_form_of_giving_ties_the_sentences_that_use_it_to_the_product() -> None:
    # ctv.veeva.com/NCT06671236-np001-autologous-polyclonal-tregs-intrathecal-als.txt
    record = _page(
        title="Clinical Study of Regulatory T Cells (Tregs) in the Treatment of Neurodegenerative Diseases",
        interventions=[Intervention(name="Autologous Human Polyclonal Regulatory T Cells Injection (NP001 Cell Injection)",
                                    type="BIOLOGICAL")],
        brief_summary="An open, multi- center phase Ⅰ clinical study evaluating the safety and efficacy of autologous human "
                      "polyclonal regulatory T cell injection (NP001 cell injection) in patients with Neurodegenerative "
                      "diseases (ALS).",
        detailed_description="This is an open-label, non-randomized, multi-center clinical trial of single-agent NP001 cell "
                             "injection in patients with with Neurodegenerative diseases (ALS).\n\nAfter subject consents to "
                             "the study, an apheresis procedure will be performed to collect cells to manufacture the "
                             "investigational product, NP001 cell injection. NP001 cell injection are manufactured ex vivo to "
                             "yield enriched Tregs.\n\nThis study is evaluating NP001 cell injection at the dose of 1x E6 "
                             "cells, 1x E7 cells, and 1x E8 cells/times, with up to 3 times separated by 4 weeks among dosing "
                             "(intrathecally on Days 1, 29, and 57).")
    assert _products(record) == [("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, 3)]
    assert [(d.minimum, d.unit, d.per_dose) for d in record.cell_products[0].doses] == [
        (1e6, "{cells}", True), (1e7, "{cells}", True), (1e8, "{cells}", True)]


@pytest.mark.parametrize("text", [
    # brackets after the cells that are no name of them: a day, a cytokine given with them, a marker
    "Patients will receive a donor NK cell injection (IL-2 injection) after the transplant. IL-2 injection at the dose "
    "of 1x E6 cells on Days 1, 3 and 5.",
    "Patients will receive a donor NK cell infusion (Day 0 infusion) after the transplant. Day 0 infusion at the dose of "
    "1x E7 cells was planned for the other study.",
    "Patients will receive donor NK cells (CD56 cells) after the transplant. CD56 at the dose of 1x E6 cells on Days 1, 29 "
    "and 57 were counted.",
])
def test_brackets_that_name_no_product_tie_nothing(text: str) -> None:
    [product] = _page(brief_summary=text).cell_products
    assert (product.cell_type, product.doses) == ("NK", [])


# --- the product's growth in the patient, said as a result ------------------------------------------------------------

# lupus.bmj.com/NCT05938725-kyv-101-cd19-car-t-lupus-nephritis-kysa-1-abstract.txt
KYV101 = ("KYV-101 is a fully human autologous anti-CD19 CAR T-cell therapy designed and demonstrated to have a favorable "
          "safety profile (Brudno, Nat Med, 2020). After apheresis and manufacturing, patients receive 3 days of "
          "lymphodepletion (LD) with fludarabine (30 mg/m2/day) and cyclophosphamide (300 mg/m2/day) starting on day –7 to "
          "–5, followed by a single infusion of KYV-101 on day 0. KYV-101 rapidly expanded and B cell depletion was "
          "observed with evidence of B-cell recovery observed in patient 1 starting on day 56.")


@pytest.mark.parametrize(("text", "expanded"), [
    (KYV101, None),
    # a making: the cells "can be rapidly expanded when exposed to ADV antigen", and "rapidly expanded ex vivo"
    ("Patients will receive a single infusion of virus-specific T cells, which can be rapidly expanded when exposed to ADV "
     "antigen over a 10 day culture.", True),
    ("Patients will receive a single infusion of autologous NK cells rapidly expanded ex vivo.", True),
])
def test_cells_that_rapidly_expanded_in_the_patient_were_not_expanded_ex_vivo(text: str, expanded: bool | None) -> None:
    [product] = _page(brief_summary=text).cell_products
    assert product.ex_vivo_expanded is expanded


# --- a product named by a code the text says is made from the patient's collected cells --------------------------------

# clinicaltrials.gov/ct2-show-NCT03686124-ima203-prame-tcr-t-solid-tumors.txt
IMA203 = ("SCREENING: Patient eligibility will be determined by protocol inclusion/exclusion criteria including HLA (human "
          "leukocyte antigen) screening and a biopsy for biomarker screening. If the patient is eligible, white blood cells "
          "will be taken during leukapheresis for the manufacture of the IMA203 product.\nMANUFACTURING: IMA203 product "
          "will be made from the patient's white blood cells.\nTREATMENT: Lymphodepletion with cyclophosphamide and "
          "fludarabine will occur in the days before the IMA203 product infusion to improve the duration of time that "
          "IMA203 product stays in the body. The patient will be admitted to the hospital during the T-cell infusion.\n"
          "After the IMA203 product infusion, a low dose of IL-2 will be given subcutaneously daily for 10 days.")


def test_a_code_made_from_the_patients_collected_white_blood_cells_is_the_products_name() -> None:
    record = _page(title="ACTengine® IMA203 as Monotherapy or in Combination With Nivolumab in Recurrent and/or Refractory "
                         "Solid Tumors (ACTengine)",
                   interventions=[Intervention(name="IMA203 Product", type="BIOLOGICAL"),
                                  Intervention(name="nivolumab (Opdivo®)", type="DRUG")],
                   detailed_description=IMA203)
    assert _products(record) == [("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, None)]


@pytest.mark.parametrize(("text", "donors"), [
    # another's cells made into the product; a sample collected for a measurement, not for a making
    ("The patient will be admitted to the hospital during the T-cell infusion. MB-CART2019 will be made from the donor's "
     "white blood cells.", ["ALLOGENEIC"]),
    ("The patient will be admitted to the hospital during the T-cell infusion. Blood will be taken for the measurement of "
     "ABC123, a marker in the patient's own blood.", []),
])
def test_cells_made_from_anothers_blood_or_collected_for_a_measure_are_not_the_patients(text: str,
                                                                                         donors: list[str]) -> None:
    [product] = _page(brief_summary=text).cell_products
    assert product.donor_types == donors


# --- the graft of the transplant the patients relapsed after ----------------------------------------------------------

# meddatax.com/NCT04024761-ciml-nk-il-2-myeloid-relapse-after-hct.txt
CIML = ("This research study is studying cytokine induced memory-like natural killer (CIML NK) cells combined with IL-2 in "
        "adult patients (18 years of age or older) with Acute Myeloid Leukemia (AML), Myelodysplastic Syndrome (MDS) and "
        "Myeloproliferative Neoplasms (MPN) who relapse after haploidentical hematopoietic cell transplantation (haplo-HCT) "
        "or HLA matched stem cells. This study will also study CIML NK cell infusion combined with IL-2 in pediatric "
        "patients (12 years of age or older) with AML, MDS, JMML who relapse after stem cell transplantation using "
        "HLA-matched related donor or related donor haploidentical stem cells.")


@pytest.mark.parametrize(("text", "donors"), [
    (CIML, []),
    # the product's own donor beside the patients' transplant (withpower.com's CIML NK page, and the same donor named)
    ("Patients with relapse of AML after receiving a stem cell transplant from a matched donor and have an available donor "
     "willing to participate will receive CIML NK cells.", ["ALLOGENEIC"]),
    ("Patients who relapse after haploidentical transplantation with CIML NK cells from the same haploidentical donor "
     "will receive an infusion of the CIML NK cells.", ["HAPLOIDENTICAL"]),
])
def test_the_donor_of_the_graft_the_patients_relapsed_after_is_not_the_products(text: str, donors: list[str]) -> None:
    [product] = _page(title="A Phase 1 Trial of CIML NK Cell Infusion for Myeloid Disease Relapse After Hematopoietic Cell "
                            "Transplantation", brief_summary=text).cell_products
    assert (product.cell_type, product.donor_types) == ("NK", donors)


# --- αβ T cells given as an immune-cell therapy (held-out 14's jRCT page) ----------------------------------------------

def test_alpha_beta_t_cells_given_as_a_therapy_are_t_cells() -> None:
    # tests/data/therapy-holdout14/pages/jrct.niph.go.jp/jRCTc030200089-alpha-beta-t-cell-therapy-cancer-risk-group.txt
    record = _page(title="がんリスク群に対する免疫細胞療法による免疫パラメーターの検討",
                   brief_summary="がんリスク群に対する先制医療としての免疫細胞療法(αβT)による免疫パラメーターに及ぼす影響の検討\n"
                                 "Healthy subjects who have risk factors for cancer and desire to receive the preemptive "
                                 "immune-cell therapy. Fourteen subjects were received abT-cell therapy of which 6 were "
                                 "females and 8 were males. Average age was 61 years old.")
    assert [p.cell_type for p in record.cell_products] == ["T"]
    # the Japanese title's kind (its giving is said in English: "were received abT-cell therapy")
    assert _cell_types("がんリスク群に対する先制医療としての免疫細胞療法(αβT)による免疫パラメーターに及ぼす影響の検討") == ["T"]


@pytest.mark.parametrize(("fields", "kinds"), [
    # a graft depleted of αβ T cells (meddatax.com NCT06158828 in tests/data/pages), αβ T cells described beside the γδ T
    # cells given (clinicaltrials.gov NCT03533816 in tests/data/pages), a word with "ab" glued to no T cell
    ({"title": "Pilot Study of Memory-like Natural Killer (ML NK) Cells After TCRαβ T Cell Depleted Haploidentical "
               "Transplant in AML"}, ["NK"]),
    ({"title": "Expanded Activated Gamma Delta T Cells (EAGD) Infusion",
      "brief_summary": "The majority of T-cells are composed of alpha beta T-cells with a small minority of gamma delta "
                       "T-cells."}, ["T"]),
    ({"brief_summary": "Patients will receive the antibody abTherapy by infusion; their αβ T cells will be counted."}, []),
])
def test_alpha_beta_t_cells_depleted_or_described_are_no_product(fields: dict, kinds: list[str]) -> None:
    assert [p.cell_type for p in _page(**fields).cell_products] == kinds
