"""MedPath pages, plain and bulleted: pages built from the layout's structure, with sections
present, missing, empty or glued, read into records.
"""

from __future__ import annotations

from conftest import TESTS, read_enriched

from kg.enrich.prose import ages_from_criteria
from kg.read.parse.criteria import criteria_from_lines

FLAG_NL = "\U0001F1F3\U0001F1F1"
FLAG_US = "\U0001F1FA\U0001F1F8"


def medpath_page(title: str, *preamble: str, sections: list[tuple[str, str]], footer: bool = True) -> bytes:
    """A MedPath page as the site prints it: banner, title, phase/status lines, labelled sections."""
    parts = ["MedPath", "", title, "", *preamble]
    for label, body in sections:
        parts += [label, body]
    if footer:
        parts.append("© Copyright 2025. All Rights Reserved by MedPath")
    return "\n".join(parts).encode("utf-8")


def bulleted_page(title: str, sections: list[tuple[str, str]]) -> bytes:
    """The same page scraped as a list: every label and one-line value behind "- "."""
    parts = [title]
    for label, body in sections:
        parts.append(f"- {label}")
        parts += [line if line.startswith(("-", "Name Time", "Group ")) else f"- {line}"
                  for line in body.split("\n") if line]
    return "\n".join(parts).encode("utf-8")


FULL = [
    ("Conditions", "Acute Myeloid Leukemia\nMyelodysplastic Syndromes"),
    ("Interventions", "Biological: Memory-like NK cells\nDrug: Interleukin-2"),
    ("Registration Number", "NCT01234567"),
    ("Lead Sponsor", "Example University Hospital"),
    ("Brief Summary", "\nThis phase 2 study tests memory-like NK cells.\n"),
    ("Detailed Description", "\nPatients receive NK cells after lymphodepletion.\n"),
    ("Recruitment & Eligibility", ""),
    ("Status", "COMPLETED"),
    ("Sex", "Female"),
    ("Target Recruitment", "40"),
    ("Inclusion Criteria", "\n  1. Age 18 to 70 years\n  2. Relapsed AML\n"),
    ("Exclusion Criteria", "\n  1. Active infection\n  2. Pregnancy\n"),
    ("Study & Design", ""),
    ("Study Type", "INTERVENTIONAL"),
    ("Study Design", "PARALLEL"),
    ("Arm && Interventions", "GroupInterventionDescription\n"
                             "Cohort A: NK cellsMemory-like NK cellsPatients receive one infusion of NK cells.\n"
                             "Cohort B: NK cells plus IL-2Memory-like NK cellsInterleukin-2Patients receive NK cells "
                             "and then IL-2."),
    ("Primary Outcome Measures", "NameTimeMethod\nDose-limiting toxicity (DLT)Up to 28 days\n\n"
                                 "Graded by CTCAE v5.\n\nComplete remission rate6 months"),
    ("Secondary Outcome Measures", "NameTimeMethod\nOverall survival (OS)2 years"),
    ("Trial Locations", f"\nLocations (2)\n\nLeiden Hospital\n\n{FLAG_NL}\n\nLeiden, South Holland, Netherlands\n\n"
                        f"Boston Center\n\n{FLAG_US}\n\nBoston, Massachusetts, United States\n"),
]


def test_a_full_page_gives_every_field():
    record = read_enriched(medpath_page("Memory-like NK Cells for AML", "Phase 2", "Completed", sections=FULL), "full.txt")
    assert record.source.layout == "medpath"
    assert [i.value for i in record.identifiers] == ["NCT01234567"]
    assert record.title == "Memory-like NK Cells for AML"
    assert record.phases == ["PHASE2"] and record.status == "COMPLETED"
    assert record.sex == "FEMALE" and record.enrollment == 40 and record.study_type == "INTERVENTIONAL"
    assert record.intervention_model == "PARALLEL"
    assert record.conditions == ["Acute Myeloid Leukemia", "Myelodysplastic Syndromes"]
    assert [(i.type, i.name) for i in record.interventions] == [("BIOLOGICAL", "Memory-like NK cells"),
                                                               ("DRUG", "Interleukin-2")]
    assert [(s.name, s.role) for s in record.sponsors] == [("Example University Hospital", "LEAD")]
    assert (record.min_age_years, record.max_age_years) == (18.0, 70.0)
    assert [(c.kind, c.text) for c in record.criteria] == [
        ("INCLUSION", "Age 18 to 70 years"), ("INCLUSION", "Relapsed AML"),
        ("EXCLUSION", "Active infection"), ("EXCLUSION", "Pregnancy")]
    assert [(s.name, s.city, s.country) for s in record.sites] == [
        ("Leiden Hospital", "Leiden", "NL"), ("Boston Center", "Boston", "US")]


def test_arm_rows_with_glued_cells_are_split_at_the_known_interventions():
    record = read_enriched(medpath_page("T", sections=FULL), "arms.txt")
    assert [(a.label, a.interventions, a.description) for a in record.arms] == [
        ("Cohort A: NK cells", ["Memory-like NK cells"], "Patients receive one infusion of NK cells."),
        ("Cohort B: NK cells plus IL-2", ["Memory-like NK cells", "Interleukin-2"],
         "Patients receive NK cells and then IL-2."),
    ]


def test_outcome_rows_split_measure_time_frame_and_description():
    record = read_enriched(medpath_page("T", sections=FULL), "outcomes.txt")
    assert [(o.kind, o.measure, o.time_frame, o.description) for o in record.outcomes] == [
        ("PRIMARY", "Dose-limiting toxicity (DLT)", "Up to 28 days", "Graded by CTCAE v5."),
        ("PRIMARY", "Complete remission rate", "6 months", None),
        ("SECONDARY", "Overall survival (OS)", "2 years", None),
    ]


def test_missing_sections_leave_their_fields_empty():
    kept = [(label, body) for label, body in FULL
            if label not in ("Detailed Description", "Trial Locations", "Lead Sponsor", "Arm && Interventions")]
    record = read_enriched(medpath_page("T", sections=kept), "missing.txt")
    assert record.detailed_description is None and record.sites == [] and record.sponsors == []
    assert record.arms == [] and record.status == "COMPLETED" and len(record.outcomes) == 3


def test_placeholder_sections_are_empty_not_text():
    sections = [("Registration Number", "NL-OMON12345"), ("Brief Summary", "\nNot available\n"),
                ("Sex", "Not specified"), ("Secondary Outcome Measures", "NameTimeMethod")]
    record = read_enriched(medpath_page("T", "Recruiting", sections=sections), "placeholders.txt")
    assert record.brief_summary is None and record.sex is None and record.outcomes == []
    assert [(i.value, i.scheme) for i in record.identifiers] == [("NL-OMON12345", "OMON")]
    assert record.status == "RECRUITING"


def test_glued_conditions_are_split_where_a_word_runs_into_a_capital():
    sections = [("Conditions", "Acute lymphoblastic leukemia (ALL)Acute myeloid leukemia (AML)Graft vs Host Disease"),
                ("Registration Number", "NCT01234567")]
    record = read_enriched(medpath_page("T", sections=sections), "conditions.txt")
    assert record.conditions == ["Acute lymphoblastic leukemia (ALL)", "Acute myeloid leukemia (AML)",
                                 "Graft vs Host Disease"]


def test_patient_and_donor_sub_lists_set_the_population():
    sections = [("Registration Number", "NCT01234567"),
                ("Inclusion Criteria",
                 "\nRecipients:\n\n  • AML in CR1\n\nDonor:\n\n  • HLA-haploidentical relative\n"),
                ("Exclusion Criteria", "\nPatients:\n\n  • HIV infection\n")]
    record = read_enriched(medpath_page("T", sections=sections), "donors.txt")
    assert [(c.kind, c.population, c.text) for c in record.criteria] == [
        ("INCLUSION", "PATIENT", "AML in CR1"), ("INCLUSION", "DONOR", "HLA-haploidentical relative"),
        ("EXCLUSION", "PATIENT", "HIV infection")]


def test_mojibake_and_markup_escapes_are_repaired():
    sections = [("Registration Number", "NCT01234567"),
                ("Inclusion Criteria", "\n- GvHD ¡Ý grade II\n- Life expectancy \\> 3 months\n")]
    record = read_enriched(medpath_page("T", sections=sections), "encoding.txt")
    assert [c.text for c in record.criteria] == ["GvHD ≥ grade II", "Life expectancy > 3 months"]


def test_phase_is_read_from_the_title_when_the_page_has_no_phase_line():
    page = medpath_page("A Phase I/II Study of NK Cells", sections=[("Registration Number", "NCT01234567")])
    record = read_enriched(page, "title.txt")
    assert record.phases == ["PHASE1", "PHASE2"]


def test_the_bulleted_rendering_reads_like_the_plain_one():
    sections = [("Conditions", "Acute Myeloid Leukemia"), ("Interventions", "Biological: NK cells"),
                ("Registration Number", "NCT07654321"), ("Brief Summary", "An open-label study."),
                ("Status", "RECRUITING"), ("Sex", "All"), ("Target Recruitment", "12"),
                ("Study Type", "INTERVENTIONAL"),
                ("Arm && Interventions",
                 "Group Intervention Description Dose escalation cohort NK cells After chemotherapy, patients "
                 "receive three doses of NK cells."),
                ("Primary Outcome Measures",
                 "Name Time Method Adverse events 1 month Adverse events\n"
                 "Relapse rate 6 months Overall survival 1 year Overall survival")]
    record = read_enriched(bulleted_page("Donor NK Cells After Transplant", sections), "bullets.txt")
    assert record.source.layout == "medpath_bullets"
    assert record.status == "RECRUITING" and record.enrollment == 12 and record.masking == "NONE"
    assert [(a.label, a.interventions, a.description) for a in record.arms] == [
        ("Dose escalation cohort", ["NK cells"], "After chemotherapy, patients receive three doses of NK cells.")]
    assert [(o.measure, o.time_frame) for o in record.outcomes] == [
        ("Adverse events", "1 month"), ("Relapse rate", "6 months"), ("Overall survival", "1 year")]


def test_without_an_interventions_list_the_intervention_is_the_group_name_repeated():
    sections = [("Conditions", "AML"), ("Interventions", ""), ("Registration Number", "NCT07654321"),
                ("Status", "RECRUITING"),
                ("Arm && Interventions", "Group Intervention Description NK cell infusion after relapse NK cell "
                                         "The patients will receive donor NK cells twice.")]
    record = read_enriched(bulleted_page("Donor NK Cells", sections), "bullets.txt")
    assert [(a.label, a.interventions, a.description) for a in record.arms] == [
        ("NK cell infusion after relapse", ["NK cell"], "The patients will receive donor NK cells twice.")]


def test_bulleted_criteria_without_headings_split_at_a_double_empty_bullet():
    text = "\n".join(["NK cells for AML", "- Registration Number", "- NCT07654321", "- Target Recruitment", "- 10",
                      "- 1.Age ≥ 18 years; 2.ECOG 0-2", "-", "-", "Active infection; 2. Pregnancy", "-",
                      "Study & Design", "- Study Type", "- INTERVENTIONAL", "- Brief Summary", "- x"])
    record = read_enriched(text.encode(), "criteria.txt")
    assert [(c.kind, c.text) for c in record.criteria] == [
        ("INCLUSION", "Age ≥ 18 years"), ("INCLUSION", "ECOG 0-2"),
        ("EXCLUSION", "Active infection"), ("EXCLUSION", "Pregnancy")]
    assert record.min_age_years == 18.0


def bulleted_criteria_page(*criteria: str) -> bytes:
    """A bulleted MedPath page whose criteria follow the enrollment value without headings."""
    return "\n".join(["NK cells for AML", "- Registration Number", "- NCT07654321", "- Target Recruitment", "- 6",
                      *criteria, "- ", "Study & Design", "- Study Type", "- INTERVENTIONAL"]).encode()


def test_bulleted_criteria_without_headings_or_gap_split_where_their_wording_turns_to_exclusion():
    # trial.medpath.com NCT04209712: inclusion items, then exclusion items, one "- " bullet each and nothing between.
    page = bulleted_criteria_page(
        "- Patients diagnosed with acute myeloid leukemia;", "- MRD after 2 course of standard chemotherapy;",
        "- No plan for hematopoietic stem cell transplantation;",
        "- Hemoglobin (Hb) >=60g/L, white blood cell count (WBC) >=2.5x10^9/L, platelet count >=30x10^9/L;",
        "- Patients have self-knowledge ability and can sign informed and voluntary consent forms;",
        "- Intracranial hypertension or unconsciousness;", "- Respiratory failure;", "- T lymphocytic acute leukemia;",
        "- Serum total bilirubin >=1.5 times the normal value;", "- Uncontrollable diabetes;")
    record = read_enriched(page, "NCT04209712.txt")
    assert [c.kind for c in record.criteria] == ["INCLUSION", "INCLUSION", "EXCLUSION", "INCLUSION", "INCLUSION",
                                                 "EXCLUSION", "EXCLUSION", "EXCLUSION", "EXCLUSION", "EXCLUSION"]


def test_a_paragraph_whose_wording_says_both_kinds_keeps_none_wherever_it_stands():
    # trial.medpath.com NCT01795378: paragraphs, not items; the first and third mix requirements and negations.
    page = bulleted_criteria_page(
        "Patients with acute leukemia, which are refractory to standard treatment. Patients should be 17 years of age "
        "or older. Patients should not have excessive hepatic dysfunction.",
        "Patients should not have excessive renal dysfunction (creatinine less than 3.0 mg/dl).",
        "Patients should not have clinically-evident cardiac or pulmonary dysfunction. Patients and donors must sign "
        "informed consent.",
        "Patients who are pregnant or lactating are not eligible.")
    record = read_enriched(page, "NCT01795378.txt")
    assert [c.kind for c in record.criteria] == [None, "EXCLUSION", None, "EXCLUSION"]


def test_bulleted_sub_items_under_an_item_ending_in_a_colon_belong_to_it():
    # trial.medpath.com NCT03124498: items are an empty bullet and the text on the next line; the laboratory
    # values under "... as follows:" are "- " bullets of their own, as are the exclusion items after the list.
    page = bulleted_criteria_page(
        "-", "20 to 80 years old men and women;", "-", "Patients who have clinical laboratory test results as follows:",
        "- Hemoglobin ≥ 8.5 g/dL", "- Platelet count ≥ 50,000/µL", "-", "Written informed consent.",
        "- Patients who have infiltrative or diffuse HCC;",
        "- Patients with other malignant tumor within the past 5 years before treatment;")
    record = read_enriched(page, "NCT03124498.txt")
    assert [(c.kind, c.text) for c in record.criteria] == [
        ("INCLUSION", "20 to 80 years old men and women"),
        ("INCLUSION", "Patients who have clinical laboratory test results as follows: Hemoglobin ≥ 8.5 g/dL; "
                      "Platelet count ≥ 50,000/µL"),
        ("INCLUSION", "Written informed consent."),
        ("EXCLUSION", "Patients who have infiltrative or diffuse HCC"),
        ("EXCLUSION", "Patients with other malignant tumor within the past 5 years before treatment")]


def test_without_a_phase_line_the_phase_is_what_the_summary_states_of_its_study():
    # trial.medpath.com NCT03124498's brief summary; NCT04765462's detailed description says "This is an
    # open-label, single-center, phase 1/2 study".
    page = medpath_page("Autologous CIK Cells for HCC", sections=[
        ("Registration Number", "NCT03124498"),
        ("Brief Summary", "A Phase I/II, Open Label Study to Evaluate the Safety and Efficacy of Autologous "
                          "Cytokine-Induced Killer (CIK) Cell for Patients with Hepatocellular Carcinoma (HCC).")])
    assert read_enriched(page, "NCT03124498.txt").phases == ["PHASE1", "PHASE2"]


# --- pages from the misses tests/data/pages-holdout-gold/README.md lists ----------------------------------------------

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


# --- pages from the misses tests/data/pages-holdout3-gold/README.md lists ---------------------------------------------

MEDPATH = (TESTS / "data" / "pages-holdout3" / "trial.medpath.com"
           / "EUCTR2015-003049-24-SE-precision-hypertension-care.txt").read_text()


# trial.medpath.com EUCTR2015-003049-24-SE: MedPath's dash variant of a WHO record of the EU register


def test_an_age_range_with_both_signs_lost_is_read_and_one_such_age_alone_is_a_minimum() -> None:
    record = read_enriched(MEDPATH.encode(), "page.txt")
    assert (record.min_age_years, record.max_age_years) == (40.0, 75.0)
    assert ages_from_criteria(["Male or female aged =40 years and =75 years"]) == (40.0, 75.0)
    # one such age alone is the minimum (trial.medpath.com KCT0000709), no maximum
    assert ages_from_criteria(["The subject is aged =18 years at signature of the ICF"]) == (18.0, None)


def _kinds_texts(record) -> list[tuple[str | None, str]]:  # noqa: ANN001 - a TrialRecord
    return [(c.kind, c.text) for c in record.criteria]


def test_an_item_numbered_without_its_full_stop_and_the_eu_form_fields_between_the_lists() -> None:
    record = read_enriched(MEDPATH.encode(), "page.txt")
    criteria = _kinds_texts(record)
    assert criteria[4:6] == [("INCLUSION", "Patients must give informed consent to participate in the study."),
                             ("INCLUSION", "Access to a smartphone.")]
    assert [kind for kind, _ in criteria] == ["INCLUSION"] * 6 + ["EXCLUSION"] * 6
    assert not any("trial subjects under 18" in text or "F.1.2" in text for _, text in criteria)
    # a number that does not go on with the list is a wrapped line's
    texts = [c.text for c in criteria_from_lines(["4. Office systolic.", "5. Platelets at least 100 within",
                                                   "8 Weeks before enrolment."], "INCLUSION")]
    assert texts == ["Office systolic.", "Platelets at least 100 within 8 Weeks before enrolment."]


def test_the_eu_classification_glued_to_the_condition_is_no_condition() -> None:
    assert read_enriched(MEDPATH.encode(), "page.txt").conditions == ["Hypertension"]
    # a condition that opens with the word is one
    page = MEDPATH.replace("HypertensionTherapeutic area: Diseases [C] - Cardiovascular Diseases [C14]",
                           "Therapeutic drug resistance")
    assert read_enriched(page.encode(), "page.txt").conditions == ["Therapeutic drug resistance"]
