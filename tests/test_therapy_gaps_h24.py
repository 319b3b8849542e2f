"""How trial texts say a thing, from the misses tests/data/therapy-holdout24/README.md lists.

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout24/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy.quantities import cell_doses
from kg.model.identifiers import find_registry_ids
from kg.model.records import Intervention, SourceDocument, TrialRecord
from kg.read.layouts import ctgov_classic
from kg.read.parse.cues import number_under_officer, pdq_objectives, pdq_outline


def _doses(text: str) -> list[tuple[float, float | None, bool]]:
    return [(d.minimum, d.maximum, d.per_dose) for d in cell_doses(text)]


def _regimens(**fields) -> list[tuple[str, str]]:  # noqa: ANN003 - TrialRecord's fields
    return [(r.name, r.purpose) for r in _page(**fields).regimens]


# trial.medpath.com/NCT03366064-haploidentical-nk-after-pemetrexed-nsclc.txt, its detailed description
LEVELS = ("Eligible patients receive pemetrexed 500 mg/m2 intravenously (Day 1). On Day 8, patients receive donor-derived "
          "NK cells via a central venous catheter.\n\nThe NK cell dose is as follows;\n\nLevel 1: 1.25 X 109 cells Level 2: "
          "2.50 X 109 cells Level 3: 5.00 X 109 cells\n\nThree patients each will be treated on each dose level.")
HAPLO_TITLE = "Haploidentical NK Cells After Pemetrexed in Patients With Stage IV Non-Small Cell Lung Cancer (NSCLC)"


def test_numbered_levels_of_cells_are_dose_levels() -> None:
    assert _doses("Level 1: 1.25 X 109 cells Level 2: 2.50 X 109 cells Level 3: 5.00 X 109 cells") == [
        (1.25e9, 1.25e9, True), (2.5e9, 2.5e9, True), (5e9, 5e9, True)]
    # a level of something else opens no dose, and a level that is no item of a list says no dose
    assert _doses("Evidence level 2: 3 x 10^9 cells were given") == [(3e9, 3e9, False)]
    assert _doses("Risk level 1: 2 x 10^9 cells/L") == []
    # a trial of one product doses it in the levels, though they do not name it again
    record = _page(title=HAPLO_TITLE, detailed_description=LEVELS)
    assert [[(d.minimum, d.unit, d.per_dose) for d in p.doses] for p in record.cell_products] == [
        [(1.25e9, "{cells}", True), (2.5e9, "{cells}", True), (5e9, "{cells}", True)]]
    # a level of a drug is none of the cells'
    record = _page(title=HAPLO_TITLE, detailed_description="Level 1: 250 mg/m2 pemetrexed Level 2: 500 mg/m2 pemetrexed")
    assert [p.doses for p in record.cell_products] == [[]]


def test_cells_after_a_solid_tumours_chemotherapy_follow_a_treatment_not_a_lymphodepletion() -> None:
    assert _regimens(title=HAPLO_TITLE, detailed_description=LEVELS) == [("Pemetrexed", "CHEMOTHERAPY")]
    # the drugs that deplete the lymphocytes before the cells still do
    assert _regimens(title="Allogeneic Tumour-activated Natural Killer Lymphocytes After Low Dose TBI and Fludarabine") == [
        ("Low Dose TBI and Fludarabine", "LYMPHODEPLETION")]
    assert _regimens(title="NK Cells After Fludarabine and Cyclophosphamide in AML") == [
        ("Fludarabine and Cyclophosphamide", "LYMPHODEPLETION")]


# knowcancer.com/NCT00003067-intracavitary-il-2-lak-cells-malignant-glioma.txt, its OUTLINE hard-wrapped as the page has it
WRAPPED = ["OUTLINE: Patients receive cytoreductive tumor surgery and/or biopsy and implantation of",
           "intracavitary Ommaya reservoir prior to therapy induction.",
           "Patients undergo outpatient leukapheresis on day -4 or -5, and cells are incubated ex vivo",
           "with interleukin-2 (IL-2). Lymphokine-activated killer (LAK) cells and IL-2 are infused on",
           "day 1. Bolus infusions of low-dose IL-2 are administered on days 3, 5, 8, 10, and 12,"]


def test_a_hard_wrapped_outline_is_read_in_its_sentences_and_its_bulleted_objectives_too() -> None:
    assert pdq_outline(WRAPPED).split("\n") == [
        "Patients receive cytoreductive tumor surgery and/or biopsy and implantation of intracavitary Ommaya reservoir "
        "prior to therapy induction.",
        "Patients undergo outpatient leukapheresis on day -4 or -5, and cells are incubated ex vivo with interleukin-2 "
        "(IL-2). Lymphokine-activated killer (LAK) cells and IL-2 are infused on day 1. Bolus infusions of low-dose IL-2 "
        "are administered on days 3, 5, 8, 10, and 12,"]
    # a line that opens in capitals is a line of its own
    assert pdq_outline(["OUTLINE:", "ARM I: Patients receive NK cells.", "ARM II: Patients receive IL-2."]).split("\n") == [
        "ARM I: Patients receive NK cells.", "ARM II: Patients receive IL-2."]
    assert pdq_objectives(["OBJECTIVES:", "- Confirm the antitumor efficacy of intracavitary interleukin-2 plus autologous",
                           "lymphokine-activated killer cells in patients with malignant gliomas.",
                           "- Determine whether eosinophilia is a prognosticator.", "OUTLINE: Patients receive surgery."]) == (
        "OBJECTIVES: - Confirm the antitumor efficacy of intracavitary interleukin-2 plus autologous lymphokine-activated "
        "killer cells in patients with malignant gliomas. - Determine whether eosinophilia is a prognosticator.")
    # and so the record: the cells made of the patients' leukapheresis, the IL-2 they are incubated in and given with
    record = _page(title="Intracavitary Interleukin-2 (IL-2) and Lymphokine-Activated Killer (LAK) Cell Therapy for "
                         "Malignant Gliomas",
                   detailed_description="OBJECTIVES: - Confirm the antitumor efficacy of intracavitary interleukin-2 plus "
                                        "autologous lymphokine-activated killer cells in patients with malignant gliomas.\n"
                                        + pdq_outline(WRAPPED))
    # (one infusion a course: "LAK cells and IL-2 are infused on day 1", as the corpus's gold has it; s24-products)
    assert _products(record) == [(None, ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, 1)]
    assert sorted((c.cytokine, c.role) for c in record.cytokines) == [("IL-2", "EX_VIVO_EXPANSION"),
                                                                      ("IL-2", "IN_VIVO_SUPPORT")]


def test_the_number_under_the_records_officer_is_the_pages_own() -> None:
    lines = ("Roberta L. Hayes, PhD\nStudy Chair\nImmune Therapy, LLC\nUnited States: Federal Government\nCDR0000065739\n"
             "NCT00003067\nJuly 1997")
    assert number_under_officer(lines, find_registry_ids(lines))
    # a number far from the officer, or one of two, is not said the page's this way
    far = "Study Chair\n" + "\n".join(["a line"] * 8) + "\nNCT00003067"
    assert not number_under_officer(far, find_registry_ids(far))
    two = "Study Chair\nNCT00003067\nNCT00331526"
    assert not number_under_officer(two, find_registry_ids(two))


def test_what_a_culture_yields_is_no_dose() -> None:
    assert _doses("10e9 to 10e10 TILs were yielded.") == []
    assert _doses("1e9 to 1e10 TILs were infused") == [(1e9, 1e10, False)]


# ClinicalTrials.gov ct2/show NCT00909948, its title and description
RLI_TITLE = ("Intentional Rejection of the Donor Graft Using Recipient Leukocyte Infusion(s) Following Nonmyeloablative "
             "Allogeneic Stem Cell Transplant (RLI)")
RLI_SUMMARY = ("We hypothesize that clinically meaningful responses can be achieved in patients with advanced malignancies with "
               "a transplant strategy using nonmyeloablative conditioning and related mismatched donor stem cell transplant "
               "where the intention will be to initially achieve mixed chimerism which will be followed by recipient "
               "lymphocyte infusion (RLI) in an attempt to deliberately reject the donor graft.")


def test_the_recipients_lymphocytes_are_the_patients_own_whatever_donor_the_graft_has() -> None:
    assert [p.donor_types for p in _page(title=RLI_TITLE, brief_summary=RLI_SUMMARY).cell_products] == [["AUTOLOGOUS"]]
    # a donor's lymphocytes given to the recipient are the donor's
    record = _page(title="Donor Lymphocyte Infusion After Allogeneic Stem Cell Transplant",
                   brief_summary="Patients receive a donor lymphocyte infusion from the recipient's transplant donor.")
    assert [p.donor_types for p in record.cell_products] == [["ALLOGENEIC"]]


# trial.medpath.com/KCT0003463-snk01-nk-cells-pembrolizumab-nsclc.txt, its title
def test_a_chemotherapy_the_patients_failed_is_no_regimen_of_the_trial() -> None:
    assert _regimens(title="Evaluating the Safety and Anti-Tumor Activity of SNK01 (Natural Killer Cells) Plus Pembrolizumab "
                           "in Patients with Stage IV Non-Small Cell Lung Cancer Who Failed First-Line Platinum-Based "
                           "Chemotherapy") == []
    assert _regimens(title="NK Cells in Patients Who Progressed After Platinum-Based Chemotherapy") == []
    # the chemotherapy the trial gives with the cells is its regimen (meddatax.com NCT07318636's title)
    assert _regimens(title="NK-cell Therapy Combined With PD-1 Antibody and Platinum-Based Chemotherapy as Neoadjuvant "
                           "Therapy in Resectable NSCLC") == [("Platinum-Based Chemotherapy", "CHEMOTHERAPY")]
    assert _regimens(title="NK Cells Plus Platinum-Based Chemotherapy in Patients Who Failed EGFR TKI") == [
        ("Platinum-Based Chemotherapy", "CHEMOTHERAPY")]


# meddatax.com/NCT04960072-gc101-til-hydroxychloroquine-cyclophosphamide-gi-tumors.txt, its brief summary
GC101 = ("Autologous TILs are expanded from tumor resections or biopsies and infused i.v. into the patient after NMA "
         "lymphodepletion treatment with hydroxychloroquine(600mg,single-dose) and cyclophosphamide.")


def test_hydroxychloroquine_given_to_deplete_the_lymphocytes_is_in_the_lymphodepletion() -> None:
    assert [(r.name, r.purpose, r.components) for r in _page(title="A Study of GC101 TIL in r/r Gastrointestinal Tumors",
                                                             brief_summary=GC101).regimens] == [
        ("hydroxychloroquine and cyclophosphamide", "LYMPHODEPLETION",  # its dose no part of the name
         ["hydroxychloroquine", "cyclophosphamide"])]
    # the antimalarial a lupus patient takes, said of no regimen, is none
    assert _regimens(title="CD19 CAR-T Cells in Refractory Lupus",
                     brief_summary="Patients on a stable dose of hydroxychloroquine may take part.") == []


# ClinicalTrials.gov ct2/show NCT00909948, the conditions table's row the excerpt cuts in its second intervention
CUT_TABLE = ("Intentional Rejection of the Donor Graft Using Recipient Leukocyte Infusion(s) Following Nonmyeloablative "
             "Allogeneic Stem Cell Transplant (RLI)\n![]() |\nClinicalTrials.gov Identifier: NCT00909948 |\n"
             "Recruitment Status :\nTerminated\n(Slow Accrual)\nFirst Posted : May 29, 2009\n"
             "Condition or disease | Intervention/treatment | Phase |\n---|---|---|\n"
             "Non Hodgkin's Lymphoma Hodgkin Disease Multiple Myeloma | Other: Fludarabine and total body irradiation "
             "Radiation: Total b")


def _classic(text: str) -> TrialRecord:
    return ctgov_classic.read(text, SourceDocument("p.txt", "0" * 64, "ctgov_classic"))


def test_a_conditions_row_the_excerpt_cuts_gives_what_comes_before_the_cut() -> None:
    record = _classic(CUT_TABLE)
    assert record.conditions == ["Non Hodgkin's Lymphoma", "Hodgkin Disease", "Multiple Myeloma"]
    assert [(i.name, i.type) for i in record.interventions] == [("Fludarabine and total body irradiation", "OTHER")]
    # a row that goes on (the page's text after it) is no cut row: without its phase cell it is not read
    record = _classic(CUT_TABLE + "\nThe study will enrol 20 patients.")
    assert record.interventions == []


def test_the_drugs_of_a_transplant_the_title_names_by_its_conditioning_are_that_conditioning() -> None:
    # (with the page's summary, which gives the recipient's lymphocytes: a regimen is read only around cells given)
    record = _page(title=RLI_TITLE, brief_summary=RLI_SUMMARY,
                   interventions=[Intervention("Fludarabine and total body irradiation", "OTHER")])
    assert [(r.name, r.purpose) for r in record.regimens] == [("Fludarabine and total body irradiation", "CONDITIONING")]
    # cells after a nonmyeloablative lymphodepletion, no transplant: the drugs are no conditioning
    record = _page(title="NK Cells Following Nonmyeloablative Lymphodepletion",
                   interventions=[Intervention("Fludarabine", "DRUG")])
    assert [(r.name, r.purpose) for r in record.regimens] != [("Fludarabine", "CONDITIONING")]
