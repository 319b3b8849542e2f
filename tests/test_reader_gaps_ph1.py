"""Reader gaps tests/data/pages-holdout-gold/README.md lists (issue 17, facts right on any document in the seed layouts):
MedPath's pages of WHO ICTRP records (a CTRI record's own "Inclusion Criteria" heading under MedPath's, a lettered
sub-item, a KCT record's sub-items under a numbered item, the EU register's form fields after an EUCTR record's
criteria), a title's masking, a power of ten written "10~7", cells without a cell-type token (misspelt mesenchymal stem
cells, bone-marrow mononuclear cells, a dendritic cell vaccination) and WHO ICTRP's "Secondary ID(s)" label. Each test
quotes the real page's words in a page of its own, with a nearby wording the rule must leave alone; the held-out pages
stay a measure.
"""

from __future__ import annotations

from conftest import product_rows, read_enriched, therapy_page

from kg.enrich.therapy.quantities import cell_doses, find_amounts


def _criteria(record) -> list[tuple[str | None, str, str | None]]:  # noqa: ANN001 - a TrialRecord
    return [(c.kind, c.text, c.population) for c in record.criteria]


# trial.medpath.com CTRI/2024/01/062047 (pages-holdout): MedPath's "Inclusion Criteria" label, the CTRI record's lead-in
# sentence, then the record's own "Inclusion Criteria" heading over its numbered items; item 9 opens a lettered sub-list
MEDPATH_CTRI = """MedPath

Study to Assess the Effects of Deglusterol on Fasting Glucose and Other Cardiometabolic Risk Factors in type 2 \
diabetes mellitus patients who are on Metformin + gliptin combination therapy.

Phase 3
Conditions
Health Condition 1: E119- Type 2 diabetes mellitus without complications
Registration Number
CTRI/2024/01/062047
Lead Sponsor
Caregen Co., Ltd.
Recruitment & Eligibility

Status
Closed to Recruitment of Participants
Target Recruitment
0
Inclusion Criteria

Subjects will be considered eligible to participate in the study if they meet all the following inclusion criteria:

Inclusion Criteria

1. Males and females between 20 to 75 years of age (inclusive) of any ethnicity.

2. Subjects diagnosed with type 2 diabetes mellitus with HbA1c 6.5Percent - 10Percent and fasting plasma glucose \
level greater than 125 mg per dl.

4. Non-smoker.

9. Female subjects who are:

a. Postmeno
"""


def test_a_registers_inclusion_heading_under_medpaths_goes_on_with_the_list() -> None:
    record = read_enriched(MEDPATH_CTRI.encode(), "page.txt")
    assert _criteria(record) == [
        ("INCLUSION", "Males and females between 20 to 75 years of age (inclusive) of any ethnicity.", None),
        ("INCLUSION", "Subjects diagnosed with type 2 diabetes mellitus with HbA1c 6.5Percent - 10Percent and fasting "
                      "plasma glucose level greater than 125 mg per dl.", None),
        ("INCLUSION", "Non-smoker.", None),
        # the lettered sub-item (cut) goes with its item
        ("INCLUSION", "Female subjects who are: Postmeno", None)]
    # the lead-in sentence is no criterion and names no population; the ages come from the first item
    assert (record.min_age_years, record.max_age_years) == (20, 75)


def test_an_exclusion_heading_still_starts_its_own_list_and_lettered_items_without_a_parent_stay_items() -> None:
    page = MEDPATH_CTRI.replace("9. Female subjects who are:\n\na. Postmeno\n",
                                "Exclusion Criteria\n\na. Pregnant women.\n\nb. Smokers.\n")
    assert _criteria(read_enriched(page.encode(), "page.txt"))[-2:] == [
        ("EXCLUSION", "Pregnant women.", None), ("EXCLUSION", "Smokers.", None)]
    # a short heading naming the patients still names their population
    page = MEDPATH_CTRI.replace("Subjects will be considered eligible to participate in the study if they meet all the "
                                "following inclusion criteria:", "Patient inclusion criteria for induction phase:")
    assert {c.population for c in read_enriched(page.encode(), "page.txt").criteria} == {"PATIENT"}


# trial.medpath.com EUCTR2009-016382-29-CZ (pages-holdout): an EUCTR record's inclusion items run together on one line,
# then the EU register's form fields of section F
MEDPATH_EUCTR = """MedPath

A Phase II, 12-Week Randomised, Double-Blind, Placebo-Controlled, Proof of Concept Study to Evaluate Safety, \
Tolerability, Pharmacokinetics and Effect On Glycemic Control of P1736-05 in Subjects with Type 2 Diabetes Mellitus - \
P1736-05 POC study

Phase 1
Registration Number
EUCTR2009-016382-29-CZ
Recruitment & Eligibility

Inclusion Criteria

1. Age : 18- 65 yrs, inclusive 2. BMI : 25 - 40 kg/m2, inclusive 3. HbA1c: at screening between 7 and 10% for \
subjects on diet and exercise
Are the trial subjects under 18? no
Number of subjects for this age range:
F.1.2 Adults (
"""


def test_the_eu_registers_form_fields_after_an_euctr_records_criteria_are_no_criterion() -> None:
    record = read_enriched(MEDPATH_EUCTR.encode(), "page.txt")
    assert [c.text for c in record.criteria] == [
        "Age : 18- 65 yrs, inclusive", "BMI : 25 - 40 kg/m2, inclusive",
        "HbA1c: at screening between 7 and 10% for subjects on diet and exercise"]
    # a criterion that speaks of subjects under 18 is one
    page = MEDPATH_EUCTR.replace("Are the trial subjects under 18? no\n", "4. Subjects under 18 years are excluded.\n")
    assert "Subjects under 18 years are excluded." in [c.text for c in read_enriched(page.encode(), "page.txt").criteria]


def test_a_titles_double_blind_is_the_trials_masking() -> None:
    record = read_enriched(MEDPATH_EUCTR.encode(), "page.txt")
    assert (record.allocation, record.masking) == ("RANDOMIZED", "DOUBLE")
    # (trial.medpath.com KCT0000709's "A Phase III, double blind, parallel-group, randomized, placebo controlled study")
    page = MEDPATH_EUCTR.replace("Double-Blind", "double blind")
    assert read_enriched(page.encode(), "page.txt").masking == "DOUBLE"
    # a summary's "double-blind" may be another study's: only the title states this trial's masking
    page = MEDPATH_EUCTR.replace("Randomised, Double-Blind, ", "Randomised, ").replace(
        "Phase 1\n", "Phase 1\nBrief Summary\n\nA previous double-blind trial showed benefit.\n\n")
    assert read_enriched(page.encode(), "page.txt").masking is None


# trial.medpath.com KCT0000709 (pages-holdout): MedPath's bulleted page, its items numbered with no space after the
# number, the first exclusion item's examples as "- " sub-items after "for example:"
MEDPATH_KCT = """A Phase III, double blind, parallel-group, randomized, placebo controlled study to compare the efficacy and \
safety of MP-513 when added to ongoing metformin monotherapy in patients with Type 2 DM
- Conditions
- Endocrine, nutritional and metabolic disease
- Registration Number
- KCT0000709
- Lead Sponsor
- Handok
Recruitment & Eligibility
- Status
- Active, not recruiting
- Target Recruitment
- 189
1.The subject is aged =18 years at signature of the ICF
2.The subject has had a documented diagnosis of Type 2 diabetes for at least 6 months at the screening visit
1.The subject is suffering from any disease, including Type 2 diabetes or its complications that, in the opinion of \
the Investigator, is sufficiently severe to render the subject unfit, or affect the subject's ability, to participate in \
the study, for example:
- Macroangiopathy with symptoms of coronary heart disease or peripheral arterial obstructive disease.
- Microangiopathy with symptoms of (autonomous) neuropathy with any one or more of the following: gastroparesis
- Symptoms of poor blood glucose control (polyuria, polydipsia or weight loss)
2.The subject has a history of Type 1 diabetes or a secondary form of diabetes
"""


def test_sub_items_under_a_numbered_item_ending_in_a_colon_belong_to_it() -> None:
    record = read_enriched(MEDPATH_KCT.encode(), "page.txt")
    assert record.source.layout == "medpath_bullets"
    texts = [c.text for c in record.criteria]
    assert len(texts) == 4
    assert texts[2].endswith("to participate in the study, for example: Macroangiopathy with symptoms of coronary heart "
                             "disease or peripheral arterial obstructive disease.; Microangiopathy with symptoms of "
                             "(autonomous) neuropathy with any one or more of the following: gastroparesis; Symptoms of "
                             "poor blood glucose control (polyuria, polydipsia or weight loss)")
    assert [c.kind for c in record.criteria] == ["INCLUSION", "INCLUSION", "EXCLUSION", "EXCLUSION"]
    assert record.masking == "DOUBLE"


def test_a_numbered_item_without_a_colon_keeps_the_lines_after_it_apart_and_a_label_is_no_sub_item() -> None:
    page = MEDPATH_KCT.replace("to participate in the study, for example:", "to participate in the study.")
    assert len(read_enriched(page.encode(), "page.txt").criteria) == 6
    page = MEDPATH_KCT.replace("2.The subject has a history of Type 1 diabetes or a secondary form of diabetes\n",
                               "2.The subject has a history of:\n- Study Type\n- INTERVENTIONAL\n")
    record = read_enriched(page.encode(), "page.txt")
    assert record.study_type == "INTERVENTIONAL"
    assert record.criteria[-1].text == "The subject has a history of:"


def test_a_tilde_glued_to_the_ten_is_the_lost_superscripts_power() -> None:
    # clinicaltrials.gov NCT03166865 (pages-holdout): the arm's and the intervention's doses
    assert cell_doses("Intraarticular injection of 2×10~7 Umbilical-cord mesenchimal stem cells with plateler Rich "
                      "Plasma(5ml)")[0].minimum == 2e7
    assert [(a.low, a.high) for a in find_amounts("Allogeneic UC-MSCs 1 x 10~7 diluted on 5 mL")][0] == (1e7, 1e7)
    # a tilde between spaces is a range: "10 ~ 20" is no power
    assert [(a.low, a.high) for a in find_amounts("2 x 10 ~ 20 mL")] == [(2, 2), (10, 20)]


def test_misspelt_mesenchymal_stem_cells_are_the_products_and_its_doses_are_read() -> None:
    record = therapy_page(
        title="Clinical Study of Umbilical Cord Mesenchymal Stem Cells (UC-MSC) for Treatment of Knee Osteoarthritis",
        brief_summary="Intraarticular injection of 2×10~7 Umbilical-cord mesenchimal stem cells with plateler Rich "
                      "Plasma(5ml).")
    assert [(d.minimum, d.unit) for p in record.cell_products for d in p.doses] == [(2e7, "{cells}")]


def test_bone_marrow_mononuclear_cells_given_are_an_autologous_bone_marrow_product() -> None:
    # WHO ICTRP NCT02241395 (pages-holdout)
    record = therapy_page(title="Cell Therapy as Treatment for Cerebral Palsy",
                          official_title="Autologous Bone Marrow Mononuclear Cell Therapy in Cerebral Palsy")
    assert product_rows(record) == [(None, ["AUTOLOGOUS"], ["BONE_MARROW"], None, None, None)]
    assert record.cell_products[0].kind == "bone-marrow-mononuclear-cells"
    # an autologous bone marrow transplant is a graft, whose donor says nothing of the cells given after it
    record = therapy_page(title="NK Cells Given After Autologous Bone Marrow Transplantation")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("NK", [])]


def test_cells_named_as_the_vaccine_given_are_its_product() -> None:
    # clinicaltrialsregister.eu 2009-009879-35 (pages-holdout): the results page's title in capitals
    record = therapy_page(title="PROSPECTIVE, PHASE II CLINICAL TRIAL TO EVALUATE EFFICACY AND SAFETY OF AUTOLOGOUS "
                                "DENDRITIC CELL VACCINATION IN GLIOBLASTOMA MULTIFORME PATIENTS AFTER COMPLETE SURGICAL "
                                "RESECTION WITH FLUORESCENCE MICROSCOPE")
    assert product_rows(record) == [(None, ["AUTOLOGOUS"], [], None, None, None)]
    # a vaccine's effect on dendritic cells gives none
    assert therapy_page(title="Influenza Vaccination and Dendritic Cells in Elderly Volunteers").cell_products == []


# apps.who.int NCT02241395 (pages-holdout): the outcomes, then the "Secondary ID(s)" label that ends the record's excerpt
WHO_OUTCOMES = """World Health Organization site
Main
Register: ClinicalTrials.gov
Main ID:  NCT02241395
Public title: Cell Therapy as Treatment for Cerebral Palsy
Primary Outcome(s)
change in clinical symptoms over a period of 2 years [Time Frame: 2 years]
Secondary Outcome(s)
Change in GMFM score [Time Frame: 1 year]
Secondary ID(s)
"""


def test_who_ictrps_secondary_ids_label_is_no_secondary_outcome() -> None:
    record = read_enriched(WHO_OUTCOMES.encode(), "page.txt")
    assert record.source.layout == "who_ictrp"
    assert [(o.kind, o.measure) for o in record.outcomes] == [
        ("PRIMARY", "change in clinical symptoms over a period of 2 years"), ("SECONDARY", "Change in GMFM score")]
