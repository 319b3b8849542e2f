"""Rules about how trial pages lay out and word things, each shown on the real wording of a page.

Every text below is quoted from a real page (its address is given); where a test reads a file of
tests/data/pages, the page is read as saved, with its '# source: URL' first line.
"""

from __future__ import annotations

from conftest import TESTS

from kg.enrich import enrich
from kg.enrich.prose import ages_from_criteria
from kg.errors import DocumentError
from kg.rdf.mapping import document_triples
from kg.read import read_bytes
from kg.read.parse.criteria import criteria_from_lines, criteria_from_mixed_lines, kind_from_wording, split_numbered
from kg.read.parse.cues import first_line_title, sponsor_line
from kg.read.parse.fields import typed_interventions

PAGES = TESTS / "data" / "pages"


def read_saved(path: str):
    page = PAGES / path
    return next(read_bytes(page.read_bytes(), page.name))


# --- Titles and the '# source:' line -----------------------------------------------------------------

def test_the_source_line_is_the_documents_address_not_its_text():
    record = read_saved("trialfinderdata.org/NCT06158828.txt")
    assert record.source.url == "https://www.trialfinderdata.org/trial/NCT06158828"
    assert record.title == ("Pilot Study of Memory-like Natural Killer (ML NK) Cells After TCRαβ T Cell Depleted "
                            "Haploidentical Transplant in AML")
    url = ('<http://schema.org/url> "https://www.trialfinderdata.org/trial/NCT06158828"'
           '^^<http://www.w3.org/2001/XMLSchema#anyURI>')
    assert any(triple.endswith(url) for triple in document_triples(record))


def test_a_register_number_only_in_the_source_line_is_not_the_pages():
    # trials.co shows the NCT number only in its address ('…/clinical-trials-details/-/NCT05842707').
    assert isinstance(read_saved("trials.co/NCT05842707-cb-car-nk-cd19-cd70.txt"), DocumentError)


def test_the_title_is_the_first_line_after_the_source_line():
    page = (PAGES / "trials.co/NCT04836390-excel-haplo-nk-aml.txt").read_text(encoding="utf-8")
    assert first_line_title(page) is None  # '# source: https://trials.co/…' is no title
    assert first_line_title(page.split("\n", 1)[1]).startswith(
        "Donor-Derived Ex-Vivo Expanded Natural Killer Cell Infusions in Children")


def test_a_title_under_the_sites_banner_is_read():
    # https://cancer.gov/research/participate/clinical-trials-search/v?id=NCI-2016-01559
    page = ("Skip to main content\nAn official website of the United States government\n\n"
            "Cytokine-Induced Killer Cells after Donor Stem Cell Transplant in Treating Patients with Refractory or "
            "Relapsed Acute Myeloid Leukemia\n\nTrial Status: closed to accrual\n")
    assert first_line_title(page).startswith("Cytokine-Induced Killer Cells after Donor Stem Cell Transplant")
    # An Ignite module page: banner lines, then a sentence, never a title.
    assert first_line_title("Eligibility Module\n\nEligibility Module\n\nThe Eligibility Module contains detailed "
                            "information about who can participate in the clinical trial.") is None


# --- Criteria -------------------------------------------------------------------------------------------

#: https://trial.medpath.com/clinical-trial/74b290fab71bae22/hla-haploidentical-hematopoietic-cell-transplantation-acute-leukemia
#: (NCT01795378): criteria after 'Target Recruitment', with no inclusion or exclusion heading.
MEDPATH_UNHEADED = """Safety and Efficacy Study of Donor Natural Killer Cells Given After Haploidentical \
Hematopoietic Cell Transplantation
- Conditions
- Acute Myelogenous LeukemiaAcute Lymphoblastic Leukemia
- Registration Number
- NCT01795378
- Lead Sponsor
- Asan Medical Center
Recruitment & Eligibility
- Status
- COMPLETED
- Sex
- All
- Target Recruitment
- 56
Patients with acute leukemia, which are refractory to standard treatment. Patients should be 17 years of age or older. \
The performance status of the patients should be 70 or over by Karnofsky scale. Patients should not have excessive hepatic \
dysfunction (bilirubin less than 3.0 mg/dl, AST less than 5 times the upper normal limit).
Patients should not have excessive renal dysfunction (creatinine less than 3.0 mg/dl).
Patients should not have clinically-evident cardiac or pulmonary dysfunction. Patients and donors must sign informed consent.
Patients who are pregnant or lactating are not eligible.
Study & Design
- Study Type
- INTERVENTIONAL
"""


def test_without_headings_a_criterion_is_of_the_kind_its_wording_says_or_of_none():
    record = enrich(next(read_bytes(MEDPATH_UNHEADED.encode(), "medpath-NCT01795378.txt")))
    assert [(criterion.text.split(",")[0][:40], criterion.kind) for criterion in record.criteria] == [
        ("Patients with acute leukemia", None),  # says both what patients should and should not have
        ("Patients should not have excessive renal", "EXCLUSION"),
        ("Patients should not have clinically-evid", None),  # "… should not have … must sign informed consent"
        ("Patients who are pregnant or lactating a", "EXCLUSION"),
    ]
    assert (record.min_age_years, record.max_age_years) == (17.0, None)  # 'should be 17 years of age or older'


def test_exclusion_wordings():
    # Exclusion items of ignite-sd.com eligibility modules 108392 (NCT03488160) and 139721 (NCT04303520), and of
    # the NCI table of CAR T-cell trial criteria (pmc.ncbi.nlm.nih.gov/articles/PMC4929924/table/T1).
    for text in ("Pregnant or lactating women;", "No history of primary immunodeficiency",
                 "No active uncontrolled systemic infection", "Subjects with any of the following exclusion criteria "
                 "were not eligible for this trial"):
        assert kind_from_wording(text) == "EXCLUSION", text
    for text in ("Uncontrolled infection;", "Active hepatitis B, hepatitis C, syphilis, HIV infection",
                 "Expected survival > 12 weeks;"):
        assert kind_from_wording(text) is None, text


def test_a_heading_naming_both_kinds_leaves_the_kind_to_each_item():
    # ignite-sd.com/clinical/show/eligibilitymodule/108392 (NCT03488160), under a heading of both kinds.
    criteria = criteria_from_mixed_lines(["Inclusion Criteria and Exclusion Criteria:",
                                          "1. Pregnant or lactating women;", "2. Uncontrolled infection;"])
    assert [(c.kind, c.text) for c in criteria] == [("EXCLUSION", "Pregnant or lactating women"),
                                                    (None, "Uncontrolled infection")]


def test_sub_headings_are_not_criteria_and_paragraphs_stay_apart():
    # https://trials.co/clinical-trials-details/-/NCT00526292
    lines = ["Diagnosis and Status",
             "- Patients with a pathologically confirmed diagnosis of relapsed or persistent resistant AML, MDS, or "
             "blastic CML following HSCT and who have been deemed ineligible for second HSCT after consideration of "
             "adequacy of their physical function, extent of disease, and prior treatment-related toxicities.",
             "Eligible patients have evidence of disease with ≥5% bone marrow involvement detected by morphology or "
             "abnormal cytogenetics (by karyotype or FISH).",
             "- Patients with extramedullary relapse are eligible except for those with CNS involvement.",
             "- Patients must have received an allogeneic HSCT."]
    criteria = criteria_from_lines(lines, "INCLUSION")
    assert [" ".join(c.text.split()[:4]) for c in criteria] == ["Patients with a pathologically",
                                                                "Eligible patients have evidence",
                                                                "Patients with extramedullary relapse",
                                                                "Patients must have received"]
    assert {c.kind for c in criteria} == {"INCLUSION"}  # the heading says the kind: the wording is not asked


def test_a_patient_criteria_heading_sets_the_population():
    # The heading of a held-back page of issue 16, and the donor group headers of trialx.com listing 250544.
    criteria = criteria_from_mixed_lines(["Patient inclusion criteria for induction phase",
                                          "- primary high risk AML", "Exclusion Criteria:", "- Donors", "-",
                                          "- pregnancy"])
    assert [(c.kind, c.population, c.text) for c in criteria] == [("INCLUSION", "PATIENT", "primary high risk AML"),
                                                                   ("EXCLUSION", "DONOR", "pregnancy")]


def test_a_number_inside_a_sentence_does_not_cut_it():
    # trials.co NCT05842707: '… performance status of 0 - 3. Adequate reserve of organ function: …'
    assert split_numbered("Eastern Cooperative Oncology Group (ECOG) performance status of 0 - 3. Adequate reserve of "
                          "organ function") == ["Eastern Cooperative Oncology Group (ECOG) performance status of 0 - 3. "
                                                "Adequate reserve of organ function"]
    # medifind.com/conditions/infertility/5899/clinical-trial/533355968: '2)' closes no list number but a bracket.
    text = ("Measurable residual disease based on imaging findings using Curie scoring or MIBG or PET imaging criteria "
            "(1: measurable tumor of at least 10 mm in one dimension on MRI or CT scan with positive uptake on I-123 "
            "MIBG scan (MIBG avid) oOR 2): increased FDG uptake on 18F-FDG PET-CT or PET-MRI (PET avid)).")
    assert split_numbered(text) == [text]
    # ignite-sd.com eligibility module 47984 (NCT04320303): '3 weeks 10.' — a unit, then the next list number.
    assert split_numbered("8. Patient Karnofsky score> 70% 9. Estimated survival> 3 weeks 10. Patient agrees to "
                          "participate in study") == ["Patient Karnofsky score> 70%", "Estimated survival> 3 weeks",
                                                      "Patient agrees to participate in study"]


def test_roman_numerals_number_the_items():
    assert split_numbered("i) B-cell acute lymphoblastic leukemia; ii) Indolent B-cell lymphomas; iii) Aggressive B-cell "
                          "lymphoma") == ["B-cell acute lymphoblastic leukemia", "Indolent B-cell lymphomas",
                                          "Aggressive B-cell lymphoma"]
    assert [c.text for c in criteria_from_lines(["i) B-cell acute lymphoblastic leukemia", "ii) Indolent B-cell "
                                                 "lymphomas"], "INCLUSION")] == ["B-cell acute lymphoblastic leukemia",
                                                                                 "Indolent B-cell lymphomas"]


# --- Fields ---------------------------------------------------------------------------------------------

def test_a_performance_scale_by_age_is_no_age_limit():
    # trials.co NCT04836390 and the Karnofsky/Lansky wording of a held-back page of issue 16.
    assert ages_from_criteria(["Performance status ≥70% (Lansky for <16 years; Karnofsky for ≥16 years)"]) == (None, None)
    assert ages_from_criteria(["Karnofsky ≥ 50% for patients > 16 years of age or Lansky ≥ 50 for patients ≤ 16 "
                               "years"]) == (None, None)


def test_an_age_is_never_a_digit_of_another_number():
    # trials.co NCT04836390: 'O2 Sat >92%' once gave the minimum age 9; the page states only 'Age ≤ 25 years'.
    assert ages_from_criteria(["Age ≤ 25 years at time of enrollment",
                               "Pulmonary: DLCO, FEV1, and FVC ≥ 50% of predicted corrected for hemoglobin. For patients "
                               "<7 years of age or those unable to perform PFTs: O2 Sat >92% on room air by pulse "
                               "oximetry and on no supplemental O2 at rest"]) == (None, 25.0)


def test_typed_interventions_glued_together_are_split():
    # ct2 NCT02229266 'Biological: NK cells Drug: Cytarabine'; issue 16's 'cytarabine hydrochlorideBiological: …'.
    assert typed_interventions("Biological: NK cells Drug: Cytarabine") == [("BIOLOGICAL", "NK cells"),
                                                                            ("DRUG", "Cytarabine")]
    assert typed_interventions("Drug: cytarabine hydrochlorideBiological: natural killer cells") == [
        ("DRUG", "cytarabine hydrochloride"), ("BIOLOGICAL", "natural killer cells")]


# --- Generic sections -----------------------------------------------------------------------------------

def test_sponsored_by_is_the_sponsor():
    # withpower.com: 'Research Sponsored by M.D. Anderson Cancer Center'; trialfinderdata.org: the generated sentence.
    assert sponsor_line("Led By Chitra Hosing\nResearch Sponsored by M.D. Anderson Cancer Center\n") == \
        "M.D. Anderson Cancer Center"
    record = read_saved("trialfinderdata.org/NCT02727803.txt")
    assert [(s.name, s.role) for s in record.sponsors] == [("M.D. Anderson Cancer Center", "LEAD")]
    assert record.conditions == ["Accelerated Phase Chronic Myelogenous Leukemia, BCR-ABL1 Positive",
                                 "Acute Biphenotypic Leukemia"]


def test_an_interventions_list_is_read():
    record = read_saved("apps.who.int/NCT02218437-msc-saa.txt")  # 'Intervention(s)' / 'Drug: MSC+ATG'
    assert [(i.name, i.type) for i in record.interventions] == [("MSC+ATG", "DRUG")]


def test_a_sponsor_block_names_its_organisation_after_its_name_label():
    # ctri.nic.in: 'Primary Sponsor' / '| Name |' / 'Institute of Cellular Therapies Private Limited |' / '| Address |'
    record = read_saved("ctri.nic.in/CTRI-2010-091-000234.txt")
    assert [(s.name, s.role) for s in record.sponsors] == [("Institute of Cellular Therapies Private Limited", "LEAD")]
    # ignite-sd.com show_json: 'Sponsor:' / 'Organization:' empty, then 'Raw JSON': no sponsor stated.
    assert read_saved("ignite-sd.com/show_json-94026-NCT00303667.txt").sponsors == []


def test_a_description_under_an_intervention_label_is_no_intervention():
    # isrctn.com ISRCTN65902492: 'Intervention | Patients will receive pre-' (cut off).
    assert read_saved("isrctn.com/ISRCTN65902492-MFEz.txt").interventions == []


def test_a_site_list_under_a_plain_heading():
    # trial.medpath.com NCT01795378 ('Trial Locations' / 'Locations (1)' / name / flag and place) and
    # crick.ai/trials/NCT00823524 (name, then 'Seoul, South Korea'), under a generic page's heading.
    page = ("Registration number: NCT01795378\nStatus: Completed\nPhase: Phase 1\nTrial Locations\nLocations (1)\n"
            "Asan Medical Center\n🇰🇷Seoul, Korea, Republic of\nUniversity of Ulsan, Asan Medical Center\n"
            "Seoul, South Korea\nThis platform is for informational purposes only and does not constitute medical advice.\n")
    record = next(read_bytes(page.encode(), "sites.txt"))
    assert [(s.name, s.city, s.country) for s in record.sites] == [
        ("Asan Medical Center", "Seoul", "KR"), ("University of Ulsan, Asan Medical Center", "Seoul", "KR")]


def registry_criteria(nct: str) -> list[str]:
    import json
    study = json.loads((TESTS / "data" / "ctgov-json" / f"{nct}.json").read_text(encoding="utf-8"))
    return study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"].split("\n")


def test_an_exclusion_list_set_apart_makes_the_list_before_it_inclusion():
    # NCT03630471: 'Eligibility criteria:' / 'For adolescent participants:' / … / 'Exclusion criteria:' / …
    criteria = criteria_from_mixed_lines(registry_criteria("NCT03630471"))
    first = next(c for c in criteria if c.text.startswith("Enrolled as a student in Grades 9-12"))
    last = next(c for c in criteria if c.text.startswith("Requiring urgent medical attention"))
    assert (first.kind, first.population) == ("INCLUSION", None)  # parents and adolescents are no cell donors
    assert last.kind == "EXCLUSION"


def test_key_criteria_headings_and_version_numbers():
    # NCT02210780 and NCT04431453: 'Key Inclusion Criteria:' is one heading, not an item 'Key'.
    for nct in ("NCT02210780", "NCT04431453"):
        assert not [c for c in criteria_from_mixed_lines(registry_criteria(nct)) if "Key" in c.text.split()], nct
    # NCT02576665: '(such as ≥ Grade 2 dyspnea, according to CTCAE 4.03).' keeps its version number.
    texts = [c.text for c in criteria_from_mixed_lines(registry_criteria("NCT02576665"))]
    assert any(text.endswith("according to CTCAE 4.03).") for text in texts) and "." not in texts


def test_a_sub_list_numbered_from_one_under_an_item_ending_in_a_colon_stays_in_that_item():
    # ignite-sd.com NCT04658004: criteria run on one line; item 2 holds its own numbered conditions, and the
    # exclusion list opens with a sentence that introduces it.
    inclusion = ("1. Histologically confirmed diagnosis of NKG2D ligand positive AML; 2. Relapsed or refractory NKG2D "
                 "ligand positive AML (meeting one of the following conditions): 1. CR not achieved after standardized "
                 "chemotherapy; 2. CR achieved following the first induction, but CR duration is less than 12 months; "
                 "3. Ineffectively after first or multiple remedial treatments; 4. 2 or more relapses; 3. The number of "
                 "primordial cells in bone marrow is > 5% (by morphology)")
    assert [item[:40] for item in split_numbered(inclusion)] == [
        "Histologically confirmed diagnosis of NK", "Relapsed or refractory NKG2D ligand posi",
        "The number of primordial cells in bone m"]
    exclusion = ("Subjects with any of the following exclusion criteria were not eligible for this trial: 1. History of "
                 "craniocerebral trauma; 2. Electrocardiogram shows prolonged QT interval")
    assert split_numbered(exclusion) == ["History of craniocerebral trauma",
                                         "Electrocardiogram shows prolonged QT interval"]


def test_a_sub_list_on_the_line_under_an_item_ending_in_a_colon_stays_in_it_and_the_list_goes_on_after_it():
    # trial.medpath.com NCT03619954: item 6's sub-list "1. … 2) … 3) …" is on the next line, followed by items (7), (8).
    lines = ["  5. Expected survival period ≥ 3 months;",
             "  6. Hematology tests also meet the following requirements:",
             "  1. WBC≥3×109/L, ANC≥1.5×109/L, Hb≥90g/L, PLT≥100×109/L; 2) TBIL ≤ 1.5 × ULN (normal upper limit), ALT and "
             "AST ≤ 2 × ULN (if there is liver metastasis, then ≤ 5 × ULN); 3) Endogenous creatinine clearance ≥ 60 ml/min "
             "(calculated based on Cockcroft-Gault formula); (7) Length of solid tumors do not exceed 6 cm; (8) Signing of "
             "informed consent from each patient"]
    texts = [criterion.text for criterion in criteria_from_lines(lines, "INCLUSION")]
    assert [text[:45] for text in texts] == [
        "Expected survival period ≥ 3 months", "Hematology tests also meet the following requ",
        "Length of solid tumors do not exceed 6 cm", "Signing of informed consent from each patient"]
    assert "3) Endogenous creatinine clearance" in texts[1]


# --- A one-row table: a header line of labels over its cells --------------------------------------------

def test_a_header_line_of_labels_over_its_row_gives_each_cell_to_its_column():
    # seattlecca.org FHCRC-1803: 'Status Conditions Phase Study ID' over the cells, one condition a line; no register
    # number in the text, so the labelled study id keys the trial.
    record = read_saved("seattlecca.org/transplant-NCT00068718-FHCRC-1803-dli.txt")
    assert [(i.value, i.scheme) for i in record.identifiers] == [("FHCRC-1803", "ORG")]
    assert record.phases == ["PHASE1", "PHASE2"] and record.status is None  # 'Closed' has no registry token
    assert record.conditions == ["Acute Lymphoid Leukemia (ALL)", "Acute Myeloid Leukemia (AML)",
                                 "Chronic Myeloid Leukemia (CML)", "Hodgkin's Lymphoma", "Juvenile Myeloid Leukemia (JML)",
                                 "Multiple Myeloma (MM)", "Non-Hodgkin's Lymphoma (NHL)"]
    assert len(record.criteria) == 3


def test_a_glued_header_line_over_glued_cells_is_read_by_the_form_of_each_cell():
    # cancer.gov's legacy PDQ record of NCT00823524: 'PhaseTypeStatusAgeSponsorProtocol IDs'.
    record = read_saved("cancer.gov/legacy-pdq-cdrid-632275-NCT00823524.txt")
    assert [(i.value, i.scheme) for i in record.identifiers] == [
        ("NCT00823524", "NCT"), ("AMC-UUCM-2008-0383", "ORG"), ("2008-0383", "ORG")]
    assert (sorted(record.phases), record.primary_purpose, record.min_age_years, record.max_age_years) == (
        ["PHASE1", "PHASE2"], "TREATMENT", 15, 75)
    assert record.sponsors == []  # 'Other' is the sponsor's class, no organisation


def test_a_heading_saying_the_items_are_requirements_makes_them_inclusion_criteria():
    # cancer.gov's legacy PDQ record of NCT00823524: "Eligibility criteria include the following:".
    lines = ["Eligibility criteria include the following:", "", "  • 15-75 years old",
             "  • Has undergone donor stem cell transplant"]
    assert [(c.kind, c.text) for c in criteria_from_mixed_lines(lines)] == [
        ("INCLUSION", "15-75 years old"), ("INCLUSION", "Has undergone donor stem cell transplant")]


# --- pages from the misses tests/data/pages-holdout3-gold/README.md lists ---------------------------------------------

def test_a_sub_list_marked_otherwise_stays_in_its_item_and_a_list_numbered_alike_is_split() -> None:
    assert split_numbered("1. Hemoglobin 1) men: below 12.5 g/dl 2) women: below 12.0 g/dl 2. Salivary gland tumor") == [
        "Hemoglobin 1) men: below 12.5 g/dl 2) women: below 12.0 g/dl", "Salivary gland tumor"]
    # one mark throughout: every number is the list's
    assert split_numbered("1) Presence of progressive neurological disease 2) Presence of congenital anomaly") == [
        "Presence of progressive neurological disease", "Presence of congenital anomaly"]
    # an item "1. …" on a line of its own keeps its sub-list too
    texts = [c.text for c in criteria_from_lines(["1. Hemoglobin 1) men: below 12.5 2) women: below 12.0",
                                                   "2. Salivary gland tumor"], "EXCLUSION")]
    assert texts == ["Hemoglobin 1) men: below 12.5 2) women: below 12.0", "Salivary gland tumor"]
