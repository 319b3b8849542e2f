"""How trial texts and a layout say a thing, from the misses tests/data/therapy-holdout27/README.md lists (issue 17).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout27/pages) and on a nearby wording the rule must leave alone. The held-out pages stay a
measure: the tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from conftest import TESTS, generic_page, product_rows, read_enriched, therapy_page

from kg.enrich.therapy.schedules import frequency, infusion_count
from kg.model.records import Intervention

# smartpatients.com/NCT01947322-haploidentical-nk-flu-arac-cy-aml.txt: values in lower case after labels without colons,
# the "Treatment" line, an unlabelled summary, and each intervention repeated under the design fields over its description
SMARTPATIENTS = """# source: https://www.smartpatients.com/trials/NCT01947322
This trial is active, not recruiting.

Condition acute myeloid leukemia
Treatment allogenic nk cells infusion
Phase phase 1/phase 2
Sponsor Assistance Publique - Hôpitaux de Paris
Trial identifier NCT01947322, P070505


Leukemia cells can be killed by natural killer (NK) from HLA-I mismatched donor. The proposed study plans to realize an \
adoptive anti-leukaemic immunotherapy by infusion of HLA-I mismatched NK cells to treat poor prognosis acute myeloid leukemia \
patients. NK cells will be selected from HLA mismatch familial donor peripheral mononuclear cells by purification protocol. \
Before NK-infusion, patients received immunosuppressive chemotherapy.

Study Design

Intervention model single group assignment
Masking open label
Primary purpose treatment
allogenic nk cells infusion cellular therapy
HLA Haploidentical selected NK cell infusion (one injection of 1x107/kg CD3-CD56+ cells) after chemotherapy associating \
fludarabine, cytosine arabinoside and cyclophosphamide.

Primary Outcomes
"""


def test_a_lower_case_pages_treatment_line_names_its_intervention_and_the_line_under_its_name_describes_it() -> None:
    record = generic_page(SMARTPATIENTS)
    assert [(i.name, i.description[:41]) for i in record.interventions] == [
        ("allogenic nk cells infusion", "HLA Haploidentical selected NK cell infus")]
    assert record.brief_summary.startswith("The proposed study plans to realize an adoptive anti-leukaemic immunotherapy")
    enriched = read_enriched(SMARTPATIENTS.encode(), "page.txt")
    assert product_rows(enriched) == [("NK", ["HAPLOIDENTICAL"], ["PERIPHERAL_BLOOD"], None, None, 1)]
    assert [(d.minimum, d.unit) for d in enriched.cell_products[0].doses] == [(1e7, "{cells}/kg")]


def test_treatment_alone_is_no_label_where_values_are_not_written_in_lower_case() -> None:
    # a page labelled with colons: "Treatment ..." in a sentence is no interventions field, and a name repeated in a
    # sentence is not a description's heading
    record = generic_page("NCT01947322\nTitle: NK cells in AML\nStatus: Recruiting\nPhase: Phase 1\n"
                          "Treatment naive patients with AML\n")
    assert record.interventions == []
    lower = SMARTPATIENTS.replace("allogenic nk cells infusion cellular therapy",
                                  "allogenic nk cells infusion were given to Patient 4 in the pilot")
    assert generic_page(lower).interventions[0].description is None


def test_the_proposed_study_opens_a_summary_within_a_paragraph() -> None:
    record = generic_page(SMARTPATIENTS)
    assert record.brief_summary.endswith("patients received immunosuppressive chemotherapy.")
    # "the proposed treatment" is no study
    other = SMARTPATIENTS.replace("The proposed study plans to realize", "The proposed treatment would realize")
    assert not (generic_page(other).brief_summary or "").startswith("The proposed")


def test_one_injection_of_a_dose_of_marked_cells_is_one_infusion() -> None:
    assert infusion_count("HLA Haploidentical selected NK cell infusion (one injection of 1x107/kg CD3-CD56+ cells)") == 1
    assert infusion_count("one injection of 1x107/kg IL-2 daily") is None


def test_a_single_dose_of_a_drug_in_milligrams_is_no_infusion_of_the_cells() -> None:
    # clinicaltrials.gov/show-NCT03166397: TIL with ipilimumab
    assert infusion_count("- TIL-ACT with FMT given using colonoscopy once and 2 maintenance doses of 12 orally ingested "
                          "capsules, concurrently with a single dose of Ipilimumab 1 mg/kg up to 100 mg.") is None
    assert infusion_count("Patients receive a single dose of 1 x 10^9 TIL cells") == 1


def test_a_target_glued_to_car_before_the_t_cells_is_car_t() -> None:
    # clinicaltrials.gov/ct2-show-study-NCT01815749: the intervention, and the objective cut before "T cells"
    record = therapy_page(title="Genetically Modified T-cell Infusion Following Peripheral Blood Stem Cell Transplant",
                          interventions=[Intervention("autologous CD19CAR-CD28-CD3zeta-EGFRt-expressing Tcm-enriched T cells",
                                                      "BIOLOGICAL")],
                          detailed_description="PRIMARY OBJECTIVES:\nI. To assess the safety and describe the full toxicity "
                                               "profile of cellular immunotherapy utilizing ex vivo expanded autologous "
                                               "central memory")
    assert product_rows(record) == [("CAR_T", ["AUTOLOGOUS"], [], True, True, None)]
    # cancer.gov NCI-2018-00704 (NCT02050347): the donor and tissue of the objective's allogeneic lymphocytes
    record = therapy_page(title="CD19.CAR T cells after stem cell transplant", detailed_description=(
        "I. To evaluate the safety and persistence of escalating doses of CD19CAR-CD28zeta-4-1BB-expressing Allogeneic T "
        "Lymphocytes (allogeneic- CD3/CD28 activated peripheral blood T lymphocytes [ATL]) genetically modified to express "
        "artificial T-cell receptors (CAR) targeting the CD19 molecule (CD19.CAR)."))
    assert product_rows(record) == [("CAR_T", ["ALLOGENEIC"], ["PERIPHERAL_BLOOD"], None, True, None)]
    # a CAR glued to its target before NK cells is no CAR T; a cellular immunotherapy named without its cells names none
    assert product_rows(therapy_page(interventions=[Intervention("CD19CAR-expressing NK cells", "BIOLOGICAL")]))[0][0] != "CAR_T"
    assert product_rows(therapy_page(title="CD19CAR T cells", brief_summary="Cellular immunotherapy is an ex vivo "
                                                                             "expanded field."))[0][3] is None


def test_gene_transfer_in_plain_english_is_a_modification_of_the_patients_blood_cells() -> None:
    # clinicaltrials.gov/show-NCT00968760
    summary = ("Researchers then perform a gene transfer to change the T-cells' DNA, and then inject the changed T-cells into "
               "the body of the patient. The gene transfer involves drawing blood, separating out T cells (white blood cells "
               "that fight infection and disease), changing the T cells' DNA (genetic material) in a specific way, and "
               "returning the changed T cells back to the body.")
    record = therapy_page(title="CD19-specific T Cell Infusion in Patients With B-Lineage Lymphoid Malignancies",
                          brief_summary=summary)
    assert product_rows(record) == [("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, True, None)]
    # changes in DNA measured, blood drawn for tests, and cells returned to the clinic say none of it
    other = ("Researchers then measure changes in the T-cells' DNA methylation of the changed T-cells. Drawing blood "
             "to measure cytokines is done weekly, and returning the T cells to the clinic.")
    assert product_rows(therapy_page(title="CD19-specific T Cell Infusion in Patients With B-Lineage Lymphoid Malignancies",
                                     brief_summary=other)) == [("T", [], [], None, None, None)]


def test_transduced_autologous_pbl_are_the_patients_t_cells() -> None:
    # clinicaltrials.gov/show-NCT02650986: the row under "Condition or disease Intervention/treatment Phase"
    page = (TESTS / "data" / "therapy-holdout27" / "pages" / "clinicaltrials.gov" /
            "show-NCT02650986-ny-eso-1-tcr-pbl-cyclophosphamide-roswell.txt").read_text()
    record = generic_page(page)
    assert [(i.type, i.name) for i in record.interventions] == [
        ("DRUG", "Cyclophosphamide"), ("OTHER", "Laboratory Biomarker Analysis"),
        ("BIOLOGICAL", "NY-ESO-1 Reactive TCR Retroviral Vector Transduced Autologous PBL"),
        ("BIOLOGICAL", "TGFbDNRII-transduced Autologou")]
    assert product_rows(read_enriched(page.encode(), "page.txt")) == [("T", ["AUTOLOGOUS"], [], None, True, None)]
    # PBL counted are no product
    assert product_rows(therapy_page(title="Cyclophosphamide in solid tumors",
                                     brief_summary="Autologous PBL counts are measured weekly.")) == []


def test_a_french_title_that_studies_the_functions_of_nk_cells_gives_none() -> None:
    # kusajili.fr/RECF0903: blood samples studied, RFC the patients' own treatment
    title = ('LLC-NK : Étude visant à déterminer les fonctions des cellules "natural killer" (NK), chez des patients ayant '
             'une leucémie lymphoïde chronique non antérieurement traitée.')
    assert product_rows(therapy_page(title=title)) == []
    assert product_rows(therapy_page(title="Étude de l'injection de cellules NK activées chez des patients"))[0][0] == "NK"


def test_three_times_daily_is_no_daily_frequency() -> None:
    # cancer.gov NCI-2012-02875 (NCT01586403)
    assert frequency("low-dose aldesleukin IV over 15 minutes three times daily (TID) for 7 days") is None
    assert frequency("aldesleukin twice daily") is None
    assert frequency("low-dose aldesleukin subcutaneously daily for 7 days") == "DAILY"
