"""ClinicalTrials.gov's classic study page: the arms table ("Arm | Intervention/treatment |"), whose
cells run over several lines, read into arms with their type, description and interventions.

The rows quoted are those of real pages (tests/data/pages/clinicaltrials.gov).
"""

from __future__ import annotations

from conftest import TESTS, read_enriched, run_kg, saved_page

from kg.model.records import SourceDocument, TrialRecord
from kg.read.layouts import ctgov_classic

#: The head of a classic page and its conditions table (NCT01631357, as scraped).
HEAD = """Study of Chemotherapy Combination With Autologous Cytokine-Induced Killer Cell Immunotherapy to Treat Lung Cancer (CIK)
ClinicalTrials.gov Identifier: NCT01631357 |
Recruitment Status :
Completed
Condition or disease | Intervention/treatment | Phase |
---|---|---|
Non-small Cell Lung Cancer | Biological: CIK cell Drug: Gemcitabine Injection Drug: Cisplatin injection | Phase 2 Phase 3 |
Allocation: | Randomized |
"""

#: NCT01631357's arms: one intervention cell names three interventions, each with its description and
#: "Other Name:" line, the next row's cell names two of them.
TWO_ARMS = HEAD + """
Arm | Intervention/treatment |
---|---|
Experimental: Arm 1: CIK+CT
Arm 1: We design chemotherapy combination with CIK cell immunotherapy as a experimential arm.
|
Biological: CIK cell
CIK cell injection
Other Name: Cytokine-induced killer cell Drug: Gemcitabine Injection Gemcitabine injection
Other Name: Gemcitabine Drug: Cisplatin injection Cisplatin injection
Other Name: Cisplatin |
Active Comparator: Arm 2: CT
Arm 2: We design chemotherapy alone as a control arm
|
Drug: Gemcitabine Injection
Gemcitabine injection
Other Name: Gemcitabine Drug: Cisplatin injection Cisplatin injection
Other Name: Cisplatin |
- Progression-free survival [ Time Frame: 2 years ]
"""


def test_each_row_of_the_arms_table_is_an_arm_with_the_interventions_its_cell_names_by_type():
    record = read_enriched(TWO_ARMS.encode(), "show-NCT01631357.txt")
    assert [(arm.label, arm.type, arm.interventions) for arm in record.arms] == [
        ("Arm 1: CIK+CT", "EXPERIMENTAL", ["CIK cell", "Gemcitabine Injection", "Cisplatin injection"]),
        ("Arm 2: CT", "ACTIVE_COMPARATOR", ["Gemcitabine Injection", "Cisplatin injection"]),
    ]
    assert record.arms[1].description == "Arm 2: We design chemotherapy alone as a control arm"


def test_an_arm_without_a_type_keeps_its_whole_name_and_a_description_naming_a_drug_links_nothing():
    # NCT03948828: the first arm has no type; its description repeats the drug's name without "Drug:".
    page = HEAD.replace("Drug: Gemcitabine Injection Drug: Cisplatin injection",
                        "Drug: GnRHa combained with reverse addition therapy") + """
Arm | Intervention/treatment |
---|---|
Conventional treatment group
GnRHa combained with reverse addition therapy
|
Drug: GnRHa combained with reverse addition therapy
Postoperative patients were treated with GnRHa combined with reverse addition treatment.
Other Name: Conventional treatment |
Experimental: Conventional treatment and Autologous NK cells therapy
GnRHa combained with reverse addition therapy and NK cell combined treatment group
|
Biological: CIK cell
After conventional treatment, the patients were treated with autologous NK cel"""
    record = read_enriched(page.encode(), "ct2-show-NCT03948828.txt")
    assert [(arm.label, arm.type, arm.interventions) for arm in record.arms] == [
        ("Conventional treatment group", None, ["GnRHa combained with reverse addition therapy"]),
        ("Conventional treatment and Autologous NK cells therapy", "EXPERIMENTAL", ["CIK cell"]),
    ]
    assert record.arms[0].description == "GnRHa combained with reverse addition therapy"


def test_a_page_cut_off_inside_the_arms_table_keeps_the_arm_read_so_far():
    # NCT03434769's excerpt ends inside the first arm's description.
    page = HEAD + """Arm | Intervention/treatment |
---|---|
Experimental: Cyclophosphamide + Fludarabine + Infusion of CAR-T Cells
Lymphodepletive regimen, consisti"""
    record = read_enriched(page.encode(), "ct2-show-NCT03434769.txt")
    assert [(arm.label, arm.type, arm.description, arm.interventions) for arm in record.arms] == [
        ("Cyclophosphamide + Fludarabine + Infusion of CAR-T Cells", "EXPERIMENTAL", "Lymphodepletive regimen, consisti", [])]


def test_the_conditions_cell_holds_the_registrys_conditions_joined_with_spaces():
    # NCT00068718's conditions cell: six conditions, one a line on the site.
    page = HEAD.replace("Non-small Cell Lung Cancer |", "Blast Phase Chronic Myelogenous Leukemia, BCR-ABL1 Positive "
                        "Recurrent Adult Acute Lymphoblastic Leukemia Recurrent Hodgkin Lymphoma Recurrent Plasma Cell "
                        "Myeloma |")
    assert read_enriched(page.encode(), "ct-show-NCT00068718.txt").conditions == [
        "Blast Phase Chronic Myelogenous Leukemia, BCR-ABL1 Positive", "Recurrent Adult Acute Lymphoblastic Leukemia",
        "Recurrent Hodgkin Lymphoma", "Recurrent Plasma Cell Myeloma"]


def test_the_record_views_sponsor_block_and_icmje_rows_are_read():
    # NCT04280224's record view: "Sponsor:" has lost its name, the collaborator keeps its own; tracking rows
    # print their value after "ICMJE".
    page = """NK Cells Treatment for Novel Coronavirus Pneumonia
ClinicalTrials.gov Identifier: NCT04280224
Recruitment Status : Recruiting
Sponsor:
Collaborator:
First Affiliated Hospital of Xinjiang Medical University
Information provided by (Responsible Party):
Xinxiang medical university

Tracking Information
First Submitted Date  ICMJE February 13, 2020
Estimated Study Start Date  ICMJE February 20, 2020
"""
    record = read_enriched(page.encode(), "ct2-show-record.txt")
    assert [(s.name, s.role) for s in record.sponsors] == [("First Affiliated Hospital of Xinjiang Medical University",
                                                            "COLLABORATOR")]
    assert record.start_date == "2020-02-20"


def test_the_record_views_lone_outcome_under_its_heading_is_read_and_the_original_outcomes_are_not():
    # tests/data/therapy-holdout3/pages/clinicaltrials.gov/ct2-show-record-NCT03881774-cord-blood-car-t.txt: one primary
    # outcome, without a bullet, under its heading and "(submitted: ...)" line; the outcomes as first submitted after
    # "Original Primary Outcome Measures"; the secondary outcomes bulleted (NCT01336478's record view the same way)
    page = """Cord Blood Derived Anti-CD19 CAR-Engineered NK Cells for B Lymphoid Malignancies
ClinicalTrials.gov Identifier: NCT03881774
Recruitment Status : Recruiting

Tracking Information
Current Primary Outcome Measures  ICMJE
 (submitted: March 19, 2019)
occurrence of study related adverse events [ Time Frame: one year ]
safety of CAR-T cells
Original Primary Outcome Measures  ICMJE
 (submitted: March 16, 2019)
safety [ Time Frame: one year ]
the rate of adverse events
Change History Complete list of historical versions of study NCT03881774 on ClinicalTrials.gov Archive Site
Current Secondary Outcome Measures  ICMJE
 (submitted: March 16, 2019)
  • objective response rate [ Time Frame: three months ]
    the proportion of patients with CR or PR
"""
    record = read_enriched(page.encode(), "ct2-show-record.txt")
    assert [(o.kind, o.measure, o.time_frame) for o in record.outcomes] == [
        ("PRIMARY", "occurrence of study related adverse events", "one year"),
        ("SECONDARY", "objective response rate", "three months")]


def test_outcomes_above_any_heading_are_read_with_no_kind():
    # tests/data/pages/clinicaltrials.gov/ct2-show-NCT02229266-HINKL.txt: the excerpt cut the "Primary Outcome
    # Measures" heading off, and its two outcomes follow the arms table; the page does not say their kind
    page = (TESTS / "data/pages/clinicaltrials.gov/ct2-show-NCT02229266-HINKL.txt").read_bytes()
    record = read_enriched(page, "ct2-show-NCT02229266-HINKL.txt")
    assert [(o.kind, o.measure, o.time_frame) for o in record.outcomes] == [
        (None, "2-year overall survival", "2 years after study inclusion"),
        (None, "Time to relapse", "2 years after study inclu")]


def test_the_outcome_an_excerpt_ends_in_is_read_without_its_time_frame():
    # the page's last line, bulleted, right after the arms table's last cell (NCT01631357) or after an outcome
    # (tests/data/pages-holdout NCT03166865: "- Change From Baseline in western Ontario")
    page = (TESTS / "data/pages/clinicaltrials.gov/show-NCT01631357-cik-chemo-squamous-nsclc.txt").read_bytes()
    assert [(o.kind, o.measure, o.time_frame) for o in read_enriched(page, "p.txt").outcomes] == [
        (None, "Progression-free survi", None)]
    page = (TESTS / "data/pages-holdout/clinicaltrials.gov/show-NCT03166865-uc-msc-knee-osteoarthritis.txt").read_bytes()
    assert [o.measure for o in read_enriched(page, "p.txt").outcomes][-2:] == [
        "Change From Baseline in visual analogue scale (VAS)", "Change From Baseline in western Ontario"]


def test_a_bulleted_last_line_elsewhere_is_no_outcome():
    after_summary = HEAD + "\nThe study compares two arms.\n- Patients receive CIK cells\n"
    assert read_enriched(after_summary.encode(), "p.txt").outcomes == []
    not_last = TWO_ARMS + "- Overall survival\nEligibility Criteria\n"  # TWO_ARMS ends in an outcome with its time frame
    assert [o.measure for o in read_enriched(not_last.encode(), "p.txt").outcomes] == ["Progression-free survival"]


def test_an_outcome_of_no_kind_is_listed_with_the_kind_empty_and_the_graph_conforms(tmp_path):
    page = TESTS / "data/pages/clinicaltrials.gov/ct2-show-NCT02229266-HINKL.txt"
    graph = tmp_path / "g.ttl"
    assert run_kg("build", page, "-o", graph).returncode == 0  # validated as it is built: exit 0 is "conforms"
    rows = run_kg("query", "outcomes", "--data", graph, "-f", "csv").stdout.splitlines()
    assert rows[1:] == ["NCT02229266,,2-year overall survival,2 years after study inclusion,",
                        "NCT02229266,,Time to relapse,2 years after study inclu,"]


def test_the_paragraphs_under_the_conditions_table_are_the_studys_description_up_to_the_design_rows():
    # NCT03533816 as scraped: the description's paragraphs, then the "Study Type : | … |" rows.
    page = """Expanded/Activated Gamma Delta T-cell Infusion Following Hematopoietic Stem Cell Transplantation and \
Post-transplant Cyclophosphamide
ClinicalTrials.gov Identifier: NCT03533816 |
Condition or disease | Intervention/treatment | Phase |
---|---|---|
Acute Myeloid Leukemia | Drug: EAGD T-cell infusion (Phase I) Drug: EAGD T-cell infusion (Expansion) | Phase 1 |
Many patients with hematological malignancies require a bone marrow transplant for curative treatment.
This study proposes to extract, concentrate, and activate gamma delta T-cells from the peripheral blood to provide \
innate anti-tumor effect with minimal risk of GVHD.
Study Type : | Interventional (Clinical Trial) |
Estimated Enrollment : | 38 participants |
"""
    record = read_enriched(page.encode(), "NCT03533816.txt")
    assert record.detailed_description.split("\n") == [
        "Many patients with hematological malignancies require a bone marrow transplant for curative treatment.",
        "This study proposes to extract, concentrate, and activate gamma delta T-cells from the peripheral blood to "
        "provide innate anti-tumor effect with minimal risk of GVHD."]
    assert record.enrollment == 38
    assert [(p.cell_type, p.tissue_sources) for p in record.cell_products] == [("T", ["PERIPHERAL_BLOOD"])]


def test_a_page_whose_design_rows_follow_the_conditions_table_has_no_description():
    assert read_enriched(HEAD.encode(), "NCT01631357.txt").detailed_description is None


def test_the_brief_summary_under_the_header_links_is_read_and_its_lymphodepletion_gives_the_listed_drugs_purpose():
    # NCT01883323 (tests/data/therapy-holdout): the summary stands between the header's links and the conditions table;
    # it says what the two drugs the registry lists separately are for.
    page = """Tumor-Infiltrating Lymphocytes And Low-Dose Interleukin-2 Therapy Following Cyclophosphamide And Fludarabine In Patients With Melanoma
ClinicalTrials.gov Identifier: NCT01883323 |
Recruitment Status :
Completed
|
- Study Details
- Tabular View
- No Results Posted
- Disclaimer
- How to Read a Study Record
This is a phase II clinical study for patients with metastatic (the cancer has spread to other parts of the body) melanoma. Patients will receive an infusion (given by vein) of autologous tumor infiltrating lymphocytes (TILs). TILs are a type of white blood cells that recognizes tumor cells and enter them which causes the tumor cells to break down.
Prior to the cell infusion, patients will receive a two drugs cyclophosphamide and fludarabine to prepare the body to receive the TILs. After cell infusion, patients will receive low-dose interleukin-2 therapy which is an approved drug to treat melanoma.
Condition or disease | Intervention/treatment | Phase |
---|---|---|
Metastatic, Stage III or Stage IV, Melanoma | Drug: Cyclophosphamide Drug: Fludarabine Biological: Tumor-Infiltrating Lymphocytes Biological: Low-Dose Interleukin | Phase 2 |
Study Type : | Interventional (Clinical Trial) |
"""  # noqa: E501 (the lines as the page was scraped)
    record = read_enriched(page.encode(), "ct2-show-NCT01883323.txt")
    assert record.brief_summary.startswith("This is a phase II clinical study")
    assert record.brief_summary.endswith("an approved drug to treat melanoma.")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("T", ["AUTOLOGOUS"])]
    assert sorted((r.name, r.purpose) for r in record.regimens) == [("Cyclophosphamide", "LYMPHODEPLETION"),
                                                                     ("Fludarabine", "LYMPHODEPLETION")]


def test_the_newer_classic_pages_brief_summary_heading_is_read():
    # classic.clinicaltrials.gov NCT01174121 (2024): "Brief Summary:" under the sponsor block.
    page = """Immunotherapy Using Tumor Infiltrating Lymphocytes for Patients With Metastatic Cancer
ClinicalTrials.gov Identifier: NCT01174121
Recruitment Status : Recruiting
Sponsor:
Information provided by (Responsible Party):
National Institutes of Health Clinical Center (CC) ( National Cancer Institute (NCI) )

Brief Summary:

Background:

The NCI Surgery Branch has developed an experimental therapy that involves taking white blood cells from patients' tumors, growing them in the laboratory in large numbers, and then giving the cells back to the patient. These cells are called Tumor Infiltrating Lymphocytes, or TIL and we have given this type of treatment to over 200 patients with melanoma.
"""  # noqa: E501 (the lines as the page was scraped)
    record = read_enriched(page.encode(), "ct2-show-NCT01174121.txt")
    assert record.status == "RECRUITING"
    assert record.brief_summary.startswith("Background:\nThe NCI Surgery Branch has developed")
    assert [(p.cell_type, p.ex_vivo_expanded) for p in record.cell_products] == [("T", True)]


def test_the_results_views_interventions_and_group_descriptions_are_read():
    # clinicaltrials.gov/ct2/show/results/NCT04355728: "Interventions" one a line, and the participant flow's
    # "Arm/Group Description" paragraphs, which give the cells, their dose and their number of infusions.
    page = """Use of UC-MSCs for COVID-19 Patients

ClinicalTrials.gov Identifier: NCT04355728
Recruitment Status : Completed
Study Type Interventional
Interventions Biological: Umbilical Cord Mesenchymal Stem Cells + Heparin along with best supportive care.
Other: Vehicle + Heparin along with best supportive care
Enrollment 24
Recruitment Details
Arm/Group Title UC-MSCs Group Control Group
Hide Arm/Group Description

Participants in this group will be treated with two infusions of UC-MCSs along with heparin (blood thinner) in addition to standard of care treatment. The first infusion will be administered within 24 hours of study enrollment and the second infusion will be administered within 72 hours of study enrollment.

Umbilical Cord Mesenchymal Stem Cells + Heparin along with best supportive care.: UC-MSC will be administered at 100x10^6 cells/infusion administered intravenously in addition to the standard of care treatment.
"""  # noqa: E501 (the lines as the page was scraped)
    record = read_enriched(page.encode(), "ct2-show-results-NCT04355728.txt")
    assert [(i.type, i.name) for i in record.interventions] == [
        ("BIOLOGICAL", "Umbilical Cord Mesenchymal Stem Cells + Heparin along with best supportive care."),
        ("OTHER", "Vehicle + Heparin along with best supportive care")]
    assert "two infusions of UC-MCSs" in record.detailed_description
    assert [(d.minimum, d.per_dose) for p in record.cell_products for d in p.doses] == [(1e8, True)]


def test_the_old_record_view_is_read_from_its_archive_link_title_status_and_prose():
    # clinicaltrials.gov/ct2/show/record/NCT00769106 (2015): the tracking table's labels were lost in the scrape
    # ("LI Sheng-ping, Sun Yat-sen University Identifier:" has no number); the archive link keeps it.
    page = """Study of Cytokine-induced Killer Cell (CIK) Treatment in Patients After Resection of Liver Cancer (HCC-CIK)

This study has been completed.
Information provided by (Responsible Party):
LI Sheng-ping, Sun Yat-sen University Identifier:
First received: October 7, 2008
Last updated: February 10, 2015

October 7, 2008
Time to recurrence (TTR) [ Time Frame: month ] [ Designated as safety issue: No ]
Same as current
Complete list of historical versions of study NCT00769106 on Archive Site
  • Overall survival (OS) [ Time Frame: month ] [ Designated as safety issue: No ]
Not Provided
Study of Cytokine-induced Killer Cell (CIK) Treatment in Patients After Resection of Liver Cancer

Study treatment:

Patients in group A will receive 4 cycles of CIK treatments within 3 months after their liver resection.
"""  # noqa: E501 (the lines as the page was scraped)
    record = read_enriched(page.encode(), "ct2-show-record-NCT00769106.txt")
    assert [i.value for i in record.identifiers] == ["NCT00769106"]
    assert record.source.layout == "ctgov_classic"
    assert record.title.endswith("After Resection of Liver Cancer (HCC-CIK)")
    assert record.status == "COMPLETED"
    assert "Time Frame" not in record.brief_summary and "October 7, 2008" not in record.brief_summary
    assert "receive 4 cycles of CIK treatments" in record.brief_summary
    assert [p.cell_type for p in record.cell_products] == ["CIK"]


def test_each_intervention_of_an_arms_row_gets_the_description_its_cell_prints_under_it():
    # NCT01631357: "CIK cell injection" under "Biological: CIK cell", up to its "Other Name:" line
    record = read_enriched(TWO_ARMS.encode(), "show-NCT01631357.txt")
    assert {i.name: i.description for i in record.interventions}["CIK cell"] == "CIK cell injection"


def test_an_intervention_description_of_a_table_the_excerpt_breaks_off_in_ends_at_the_outcomes():
    # tests/data/therapy-holdout2 NCT03121625: the cell is never closed by "|"; the outcome lines are not its description
    path = TESTS / "data" / "therapy-holdout2" / "pages" / "clinicaltrials.gov" / "ct2-show-NCT03121625-autologous-car-t.txt"
    record = read_enriched(path.read_bytes(), path.name)
    [intervention] = record.interventions
    assert intervention.description.startswith("Patients will be drawn 50-100 ml blood to obtain enough peripheral blood "
                                               "mononuclear cells (PBMC) for CAR-T manufacturing.")
    assert intervention.description.endswith("CAR-T cells will be infused.")
    [product] = record.cell_products
    assert (product.tissue_sources, product.ex_vivo_expanded) == (["PERIPHERAL_BLOOD"], True)


#: clinicaltrials.gov/ct2/show/NCT01498055 as saved in 2012 (therapy-holdout4)
CT2_2012 = (TESTS / "data" / "therapy-holdout4" / "pages" / "clinicaltrials.gov"
            / "ct2-show-NCT01498055-autologous-cik-lung-cancer-observational.txt")


def test_the_2012_page_that_puts_the_number_on_the_line_after_its_label_is_read():
    # "ClinicalTrials.gov Identifier:" alone on its line, the number under it; the reader once looked for both
    # on one line and failed on the page
    record = saved_page(CT2_2012)
    assert [i.value for i in record.identifiers] == ["NCT01498055"]
    assert record.source.layout == "ctgov_classic"
    assert record.title == "Autologous CIK Cells Infusion for the Treatment of Lung Cancer: a Randomized Controlled Study"


def test_the_expanded_access_views_bulleted_intervention_gets_its_description():
    # clinicaltrials.gov/ct2/show/NCT05398640 (tests/data/therapy-holdout5): no arms table; the intervention is a
    # bullet of its typed name over its description, "Other Name:" glued to the description's last sentence
    page = """Expanded Access Program of Lifileucel (LN-144) in Patients With Unresectable or Metastatic Melanoma
ClinicalTrials.gov Identifier: NCT05398640 |
Expanded Access Status :
Available
Condition or disease | Intervention/treatment |
---|---|
Unresectable Melanoma Metastatic Melanoma | Biological: Lifileucel |
Study Type : | Expanded Access |

- Biological: Lifileucel
A portion of the patient's tumor is resected and serves as the starting material for manufacturing lifileucel. After preparative NMA-LD, patients are infused with their autologous TIL (lifileucel), followed by a short course of high-dose IL-2.Other Name: LN-144

Choosing to participate in a study is an important personal decision.
"""  # noqa: E501 (the lines as the page was scraped)
    record = read_enriched(page.encode(), "ct2-show-NCT05398640.txt")
    [lifileucel] = record.interventions
    assert lifileucel.description.endswith("followed by a short course of high-dose IL-2.")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("T", ["AUTOLOGOUS"])]
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-2", "IN_VIVO_SUPPORT")]
    assert [(r.name, r.purpose) for r in record.regimens] == [("preparative NMA-LD", "LYMPHODEPLETION")]


#: clinicaltrials.gov/show/NCT03690310 (tests/data/therapy-holdout5), the 2019 page design: its text keeps no pipes; the
#: conditions table is a header line over the three cells run together, the arms table a header line over each arm's
#: typed label and its description (the excerpt is cut inside the first arm's description).
PLAIN_2019 = """Study of Anti-CD19 CAR NK Cells in Relapsed and Refractory B Cell Lymphoma

ClinicalTrials.gov Identifier: NCT03690310
Recruitment Status : Not yet recruiting
First Posted : October 1, 2018

Brief Summary:
This is a single-centre, single-arm and open-label study to investigate the safety and efficacy of anti CD19 CAR NK cells in patients with relapsed refractory B cell lymphoma.

Condition or disease Intervention/treatment Phase
Refractory B-Cell Lymphoma Biological: Anti-CD19 CAR NK Cells Early Phase 1

Layout table for study information
Study Type : Interventional  (Clinical Trial)
Estimated Enrollment : 9 participants
Allocation: N/A
Intervention Model: Single Group Assignment
Official Title: An Observational Clinical Study on the Safety and Efficacy of Anti-CD19 CAR NK Cells in Relapsed and Refractory B Cell Lymphoma

Resource links provided by the National Library of Medicine

MedlinePlus related topics: Lymphoma

Arm Intervention/treatment
Experimental: Anti-CD19 CAR NK Cells
Total dose of 50-600 thousand /kg Anti-CD19 CAR NK ce"""  # noqa: E501 (the lines as the page was scraped)


def test_the_2019_pages_tables_without_pipes_give_conditions_interventions_phase_and_arms():
    record = read_enriched(PLAIN_2019.encode(), "show-NCT03690310.txt")
    assert record.source.layout == "ctgov_classic"
    assert (record.conditions, [(i.type, i.name) for i in record.interventions], record.phases) == (
        ["Refractory B-Cell Lymphoma"], [("BIOLOGICAL", "Anti-CD19 CAR NK Cells")], ["EARLY_PHASE1"])
    # the brief summary ends at the conditions table's header; no description follows the row
    assert record.brief_summary.endswith("patients with relapsed refractory B cell lymphoma.")
    assert record.detailed_description is None
    assert [(a.label, a.type, a.description) for a in record.arms] == [
        ("Anti-CD19 CAR NK Cells", "EXPERIMENTAL", "Total dose of 50-600 thousand /kg Anti-CD19 CAR NK ce")]
    # the arm's description gives the dose, a total (no one infusion's), in that arm
    [product] = record.cell_products
    assert [(d.minimum, d.maximum, d.unit, d.per_dose, d.arm) for d in product.doses] == [
        (5e4, 6e5, "{cells}/kg", False, "Anti-CD19 CAR NK Cells")]


def test_a_second_2019_page_without_pipes_its_arm_over_its_typed_intervention_and_description():
    # linchuang.chujingyi.cn/trials/34288.html (tests/data/pages): a Chinese site's copy of the 2019 page of a CT032 CAR-T
    # trial (no register number in its text, so no page the reader is given); its conditions row and arms table
    from kg.model.records import SourceDocument, TrialRecord
    from kg.read.layouts.ctgov_classic import _description, _plain_arms, _plain_conditions_row
    page = (TESTS / "data" / "pages" / "linchuang.chujingyi.cn" / "trials-34288-ct032-cd19-car-t.txt").read_text()
    record = TrialRecord(source=SourceDocument("trials-34288.txt", "0" * 64, "ctgov_classic"))
    _plain_conditions_row("Refractory B-Cell Non-Hodgkin Lymphoma Relapsed B-cell Non-Hodgkin Lymphoma Biological: "
                          "CAR-CD19 T Cells Phase 1 Phase 2", record)
    assert page.count("Biological: CAR-CD19 T Cells Phase 1 Phase 2") == 1
    assert (record.conditions, [i.name for i in record.interventions], record.phases) == (
        ["Refractory B-Cell Non-Hodgkin Lymphoma", "Relapsed B-cell Non-Hodgkin Lymphoma"], ["CAR-CD19 T Cells"],
        ["PHASE1", "PHASE2"])
    [arm] = _plain_arms(page.split("\n"), record.interventions)
    assert (arm.label, arm.type, arm.description, arm.interventions) == (
        "CAR-CD19-T Cells", "EXPERIMENTAL", "The subjects are enrolled into 3 dose levels cohorts in sequence.",
        ["CAR-CD19 T Cells"])
    assert record.interventions[0].description == "The CAR- CD19 T cells (st"
    # the description under the row, its "Detailed Description:" heading left out, up to "Study Design"
    assert _description(page.split("\n")) == (
        "This study is a single-arm, open label, phase I/II clinical trial to evaluate the safety, efficacy and cellular "
        "kinetics of CT032 CAR-CD19 T cells in patients with R/R B-NHL. The study is composed of two stages, Phase I stage "
        "is for dose escalation and recommendation of phase 2 dose, and Phase II stage is to verify the efficacy and safety "
        "of the dose proposed.")


def test_the_results_views_group_title_that_names_a_dose_gives_the_dose():
    # clinicaltrials.gov/ct2/show/results/NCT00789776?view=record (tests/data/therapy-holdout5): the participant flow's
    # group titles run together on their label's line, the excerpt cut inside the first title's unit ("/k[g]"); the
    # titles are no arms, the dose they state is the product's
    page = """Fludarabine Phosphate, Cyclophosphamide, Total-Body Irradiation, and Donor Bone Marrow Transplant Followed by Donor Natural Killer Cell Therapy, Mycophenolate Mofetil, and Tacrolimus in Treating Patients With Hematologic Cancer

ClinicalTrials.gov Identifier: NCT00789776
Recruitment Status : Active, not recruiting
Study Type Interventional
Interventions Procedure: Allogeneic Bone Marrow Transplantation
Drug: Cyclophosphamide
Biological: Natural Killer Cell Therapy
Enrollment 41

Recruitment Details  
Pre-assignment Details  
Arm/Group Title Dose 1 (2.5 x 10^6/k"""  # noqa: E501,W291 (the lines as the page was scraped)
    record = read_enriched(page.encode(), "ct2-show-results-record-NCT00789776.txt")
    assert record.arms == []
    assert [(p.cell_type, [(d.minimum, d.unit, d.per_dose, d.arm) for d in p.doses]) for p in record.cell_products] == [
        ("NK", [(2.5e6, "{cells}/kg", False, None)])]


def test_the_results_views_groups_are_arms_where_their_run_together_titles_part():
    # clinicaltrials.gov/ct2/show/results/NCT04355728 (tests/data/therapy-holdout), the whole stored excerpt of its
    # participant flow: two titles on one line, each ending in "Group"; two groups of paragraphs, the first with its
    # intervention's "Name: description" paragraph (the excerpt is cut inside the second group's)
    page = """Use of UC-MSCs for COVID-19 Patients

ClinicalTrials.gov Identifier: NCT04355728
Recruitment Status : Completed
Study Type Interventional
Interventions Biological: Umbilical Cord Mesenchymal Stem Cells + Heparin along with best supportive care.
Other: Vehicle + Heparin along with best supportive care
Enrollment 24
Recruitment Details
Pre-assignment Details
Arm/Group Title UC-MSCs Group Control Group
Hide Arm/Group Description

Participants in this group will be treated with two infusions of UC-MCSs along with heparin (blood thinner) in addition to standard of care treatment. The first infusion will be administered within 24 hours of study enrollment and the second infusion will be administered within 72 hours of study enrollment.

Umbilical Cord Mesenchymal Stem Cells + Heparin along with best supportive care.: UC-MSC will be administered at 100x10^6 cells/infusion administered intravenously in addition to the standard of care treatment.

Participants in this group will be treated with two infusions of vehicle along with heparin (blood thinner) in addition to standard of care treatment. The first infusion will be administere"""  # noqa: E501 (the lines as the page was scraped)
    record = read_enriched(page.encode(), "ct2-show-results-NCT04355728.txt")
    msc = "Umbilical Cord Mesenchymal Stem Cells + Heparin along with best supportive care."
    assert [(a.label, a.interventions) for a in record.arms] == [("UC-MSCs Group", [msc]), ("Control Group", [])]
    assert record.arms[0].description.endswith("100x10^6 cells/infusion administered intravenously in addition to the "
                                               "standard of care treatment.")
    assert record.arms[1].description.startswith("Participants in this group will be treated with two infusions of vehicle")
    # the paragraphs are the arms', not the study's description too
    assert record.detailed_description is None
    assert [(d.minimum, d.per_dose, d.arm) for p in record.cell_products for d in p.doses] == [(1e8, True, "UC-MSCs Group")]


def test_run_together_titles_part_only_where_a_repeated_word_says_where():
    from kg.read.layouts.ctgov_classic import _split_titles
    assert _split_titles("UC-MSCs Group Control Group", 2) == ["UC-MSCs Group", "Control Group"]  # NCT04355728
    # where the word is not said once a title, which title ends where cannot be read: no titles
    assert _split_titles("Dose 1 (2.5 x 10^6/k", 2) == []  # NCT00789776, cut
    assert _split_titles("UC-MSCs Group Control Group", 3) == []


def test_a_sponsors_page_naming_its_clinicaltrials_gov_identifier_is_not_the_classic_page_and_keeps_its_description():
    # recruiting-trials.novartis.com NCT04318327 (tests/data/therapy-holdout7): "ClinicalTrials.gov Identifier:
    # NCT04318327" under the titles, then the site's own "Novartis Reference Number:", "Last Update: Jul 29, 2022" and
    # "Study Description" -- none of the classic page's status line, dates or conditions table. The classic reader took
    # it and kept its title alone; the generic reader keeps the description, which says the T cells are autologous.
    page = (TESTS / "data" / "therapy-holdout7" / "pages" / "recruiting-trials.novartis.com"
            / "NCT04318327-bcma-car-t-multiple-myeloma.txt").read_bytes()
    record = read_enriched(page, "NCT04318327.txt")
    assert record.source.layout == "generic"
    assert [i.value for i in record.identifiers] == ["NCT04318327"]
    assert record.title == "BCMA-directed CAR-T Cell Therapy in Adult Patients With Relapsed and/or Refractory Multiple Myeloma"
    assert record.brief_summary.startswith("This is a first-in-human study to evaluate the feasibility, safety and "
                                           "preliminary antitumor efficacy of autologous T cells genetically engineered")
    assert (record.phases, record.start_date, record.completion_date) == (["PHASE1"], "2020-07-23", "2025-03-20")
    # The classic page of a Novartis trial (clinicaltrials.gov/ct2/show/record/NCT02471144, its head as scraped) prints
    # the register's status line and dates under the number: it stays the classic reader's.
    classic = """Pediatric Study in Children and Adolescents With Severe Plaque Psoriasis
ClinicalTrials.gov Identifier: NCT02471144
Recruitment Status : Active, not recruiting
First Posted : June 15, 2015
Last Update Posted : October 1, 2020
Sponsor:
Information provided by (Responsible Party):
Novartis ( Novartis Pharmaceuticals )
"""
    record = read_enriched(classic.encode(), "ct2-show-record-NCT02471144.txt")
    assert (record.source.layout, record.status) == ("ctgov_classic", "ACTIVE_NOT_RECRUITING")


def test_the_2020_page_without_the_sites_name_before_identifier_is_classic_and_its_cut_conditions_row_is_read():
    # tests/data/therapy-holdout27 show/NCT02650986: "... Read our disclaimer for details. Identifier: NCT02650986", the
    # conditions row without pipes cut by the excerpt in its last intervention: the ones before it are read
    path = (TESTS / "data/therapy-holdout27/pages/clinicaltrials.gov"
            / "show-NCT02650986-ny-eso-1-tcr-pbl-cyclophosphamide-roswell.txt")
    record = read_enriched(path.read_bytes(), path.name)
    assert (record.source.layout, [i.value for i in record.identifiers], record.conditions) == (
        "ctgov_classic", ["NCT02650986"], ["Adult Solid Neoplasm"])
    assert [(i.type, i.name) for i in record.interventions] == [
        ("DRUG", "Cyclophosphamide"), ("OTHER", "Laboratory Biomarker Analysis"),
        ("BIOLOGICAL", "NY-ESO-1 Reactive TCR Retroviral Vector Transduced Autologous PBL")]
    # the same row with lines after it is not cut: without its phase cell its parts cannot be told, and it stays unread
    text = path.read_text(encoding="utf-8") + "\nStudy Type : Interventional\n"
    assert read_enriched(text.encode(), path.name).interventions == []


def test_every_saved_classic_page_shows_its_status_line_dates_or_conditions_table_and_is_the_classic_readers():
    # The rule of the claim, on every page of ClinicalTrials.gov's classic site the tests keep (36: the study, record,
    # results and expanded-access views, the 2012 page and the old record view among them).
    from kg.read import dispatch
    pages = sorted((TESTS / "data").glob("**/*clinicaltrials.gov/*.txt"))
    assert len(pages) >= 30
    assert {page.name: dispatch(page.read_bytes(), page.name).layout for page in pages} == {
        page.name: "ctgov_classic" for page in pages}


def test_the_design_rows_official_title_is_the_records_official_title_and_the_therapy_rules_read_it():
    # clinicaltrials.gov/ct2/show/NCT02932826 (tests/data/therapy-holdout13): "Ex-vivo Expanded Umbilical Cord Blood
    # Regulatory T Cells" is said only in the row "Official Title: | Phase 1/ Phase 2 Study of ... |"
    path = (TESTS / "data" / "therapy-holdout13" / "pages" / "clinicaltrials.gov"
            / "ct2-show-NCT02932826-umbilical-cord-blood-treg-insulin-type1-diabetes.txt")
    record = read_enriched(path.read_bytes(), path.name)
    assert record.title == "Safety Study and Therapeutic Effects of Umbilical Cord Blood Treg on Autoimmune Diabetes"
    assert record.official_title == ("Phase 1/ Phase 2 Study of the Therapeutic Effect of Ex-vivo Expanded Umbilical Cord "
                                     "Blood Regulatory T Cells on Autoimmune Diabetes")
    [product] = record.cell_products
    assert (product.cell_type, product.tissue_sources, product.ex_vivo_expanded) == ("T", ["UMBILICAL_CORD_BLOOD"], True)


def test_the_official_title_of_the_older_page_and_of_the_2019_page_without_pipes_is_read():
    # tests/data/therapy-holdout4 NCT00167180 (ct/show, pipe rows): the conditioning drugs are named only there;
    # tests/data/therapy-holdout5 NCT03690310 (2019, no pipes): "Official Title: An Observational Clinical Study ..."
    pages = TESTS / "data"
    old = (pages / "therapy-holdout4" / "pages" / "clinicaltrials.gov"
           / "ct-show-NCT00167180-dli-after-cyclophosphamide-fludarabine.txt")
    plain = pages / "therapy-holdout5" / "pages" / "clinicaltrials.gov" / "show-NCT03690310-anti-cd19-car-nk-lymphoma.txt"
    assert read_enriched(old.read_bytes(), old.name).official_title == (
        "Use of Cyclophosphamide/Fludarabine to Promote in Vivo Expansion of Donor Lymphocyte Infusions (DLI) to Enhance "
        "Efficacy After Allogeneic Transplant")
    record = read_enriched(plain.read_bytes(), plain.name)
    assert record.official_title == ("An Observational Clinical Study on the Safety and Efficacy of Anti-CD19 CAR NK Cells "
                                     "in Relapsed and Refractory B Cell Lymphoma")
    assert record.source.layout == "ctgov_classic"


def test_an_official_title_that_repeats_the_brief_title_is_not_kept_twice():
    # tests/data/therapy-holdout2 NCT04008524: "Official Title: | A Clinical Study of CAR-T Cells in the Treatment of
    # Relapsed and Refractory Hematological Malignancies |", the page's title word for word
    path = TESTS / "data" / "therapy-holdout2" / "pages" / "clinicaltrials.gov" / "show-NCT04008524-car-t-expanded-access.txt"
    record = read_enriched(path.read_bytes(), path.name)
    assert record.title == "A Clinical Study of CAR-T Cells in the Treatment of Relapsed and Refractory Hematological Malignancies"
    assert record.official_title is None


# --- wordings from the misses tests/data/therapy-holdout24/README.md lists --------------------------------------------

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


# --- pages from the misses tests/data/therapy-holdout23/README.md lists -----------------------------------------------

# clinicaltrials.gov/ct2/show/NCT00717184 (therapy-holdout23): the 2008 page under the 2023 banner, "Sponsor:" without
# its name, the status a sentence, the summary under "Purpose", the conditions table's cells run together on one line
CT2_2008 = """We are updating the design of this site. Learn more.
Show more
ClinicalTrials.gov
ClinicalTrials.gov Menu

A Pilot Study of Autologous Ex Vivo Activated NK Cell Infusion in the Treatment of Metastatic Nasopharyngeal Carcinoma

This study has been completed.
Sponsor:
ClinicalTrials.gov Identifier:
NCT00717184
First Posted: July 17, 2008
Last Update Posted: April 9, 2010
The safety and scientific validity of this study is the responsibility of the study sponsor and investigators. \
Listing a study does not mean it has been evaluated by the U.S. Federal Government. Read our disclaimer for details.
Information provided by:
National University Hospital, Singapore
  Purpose
  1. To demonstrate the feasibility of leukapheresis and ex vivo activation of autologous NK cells in patients with \
metastatic NPC
  2. To demonstrate the safety of low dose systemic IL-2 in combination with escalating doses of autologous Ex Vivo \
Activated NK cells in patients with metastatic NPC

Condition Intervention Phase
Metastatic Nasopharyngeal Drug: Interleukin, NK cells Phase 1

Study Type: Interventional
Study Design: Allocation: Non-Randomized
Masking: None (Open Label)
Primary Purpose: Treatment
Official Title: A Pilot Study of Autologous Ex Vivo Activated NK Cell Infusion in the Treatment of Metastatic \
Nasopharyngeal Carcinoma

Further study details as provided by National University Hospital, Singapore:

Study Start Date: May 2007
Detailed Description:

We are investigating the use of immune cell therapy in metastatic Nasopharyngeal Cancer (NPC).
"""


def test_the_2008_pages_title_is_above_its_status_sentence() -> None:
    record = read_enriched(CT2_2008.encode(), "ct2-show-NCT00717184.txt")
    assert record.source.layout == "ctgov_classic"
    assert record.title == ("A Pilot Study of Autologous Ex Vivo Activated NK Cell Infusion in the Treatment of Metastatic "
                            "Nasopharyngeal Carcinoma")
    assert record.status == "COMPLETED"
    # "Sponsor:" names no one: the identifier's label and the dates under it are no sponsors
    assert record.sponsors == []


def test_the_2008_pages_purpose_and_conditions_table_are_read() -> None:
    record = read_enriched(CT2_2008.encode(), "ct2-show-NCT00717184.txt")
    assert record.brief_summary.startswith("1. To demonstrate the feasibility of leukapheresis and ex vivo activation of "
                                           "autologous NK cells")
    assert "low dose systemic IL-2 in combination with escalating doses of autologous Ex Vivo Activated NK cells" in (
        record.brief_summary)
    assert record.conditions == ["Metastatic Nasopharyngeal"]
    assert [(i.type, i.name) for i in record.interventions] == [("DRUG", "Interleukin, NK cells")]
    assert record.phases == ["PHASE1"]
    assert record.allocation == "NON_RANDOMIZED"
    assert record.detailed_description.startswith("We are investigating the use of immune cell therapy")
    # the leukapheresis gives the cells' tissue, the IL-2 given with them a cytokine row
    [product] = record.cell_products
    assert (product.cell_type, product.donor_types, product.tissue_sources) == ("NK", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"])
    assert [c.cytokine for c in record.cytokines] == ["IL-2"]


def test_the_2012_pages_conditions_table_one_cell_a_line_is_read() -> None:
    # "Condition Phase" over "Lung Cancer" / "Phase 2" / "Phase 3"; the status only "was" Recruiting, now unknown
    record = saved_page(CT2_2012)
    assert record.brief_summary == ("To study the efficacy and safety of autologous CIK cells infusion for the treatment of "
                                    "lung cancer.")
    assert (record.conditions, record.phases, record.status) == (["Lung Cancer"], ["PHASE2", "PHASE3"], "UNKNOWN")
    assert record.interventions == []


PH6_CLASSIC = TESTS / "data" / "pages-holdout6" / "clinicaltrials.gov" / "NCT05362786-bm-msc-ckd-classic.txt"


# --- pages held-out 6: the classic page's intervention cell cut mid-word ----------------------------------------------

def test_an_intervention_cell_the_excerpt_cuts_mid_word() -> None:
    # "Experimental: Dose Arm 2" / "Subjects … single intravenous infusion of 200x10^6 cells" / "|" / "Drug: Allogeneic
    # adipose-derived mesen" (the excerpt's end)
    record = saved_page(PH6_CLASSIC)
    assert [(a.label, a.interventions) for a in record.arms] == [
        ("Dose Arm 1", ["Allogeneic adipose-derived mesenchymal stem cells (MSC)"]),
        ("Dose Arm 2", ["Allogeneic adipose-derived mesen"])]
    # the cell closed and whole: the page's own intervention, nothing more
    cut = PH6_CLASSIC.read_text().rstrip()
    assert cut.endswith("\nDrug: Allogeneic adipose-derived mesen")
    whole = cut + "chymal stem cells (MSC)\nOne infusion |\n"
    record = read_enriched(whole.encode(), PH6_CLASSIC.name)
    assert [i.name for i in record.interventions] == ["Allogeneic adipose-derived mesenchymal stem cells (MSC)"]
    assert record.arms[1].interventions == ["Allogeneic adipose-derived mesenchymal stem cells (MSC)"]


# --- pages held-out 7 (tests/data/pages-holdout7) ---------------------------------------------------------------------

def test_the_classic_pages_design_rows_still_end_its_description():
    lines = ["Condition or disease | Intervention/treatment | Phase |", "---|---|---|", "Cancer | Drug: X | Phase 1 |",
             "A study of X.", "Study Design:", "Allocation: Randomized", "Masking: None (Open Label)"]
    assert ctgov_classic._description(lines) == "A study of X."
