"""MedPath pages, plain and bulleted: pages built from the layout's structure, with sections
present, missing, empty or glued, read into records.
"""

from __future__ import annotations

from conftest import read_enriched

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
