"""ClinicalTrials.Veeva and ClinicalTrials.gov-mirror pages built from each layout's structure."""

from __future__ import annotations

from conftest import TESTS, product_rows, read_enriched, saved_page, therapy_page

from kg.enrich.therapy.cell_kinds import CELL_TYPES


def veeva_page(title: str, sponsor: str, blocks: list[tuple[str, str]], *, logo: str | None = None) -> bytes:
    """A Veeva page: banner, title, sponsor under its logo, then label / value blocks."""
    parts = ["ClinicalTrials.Veeva", "", "Menu", "", title, "", logo or sponsor[0], "", sponsor, ""]
    for label, body in blocks:
        parts += [label, "", body, ""]
    parts += ["Data sourced from clinicaltrials.gov", "", "© Copyright 2026 Veeva Systems"]
    return "\n".join(parts).encode("utf-8")


VEEVA = [
    ("Status and phase", "Completed\nPhase 2\nPhase 1"),
    ("Conditions", "Acute Myeloid Leukemia"),
    ("Treatments", "Biological: CIML NK cells\nDrug: Fludarabine"),
    ("Study type", "Interventional"),
    ("Identifiers", "NCT02222222\nEXAMPLE-001"),
    ("Details and patient eligibility", ""),
    ("About", "A study of memory-like NK cells."),
    ("Enrollment", "60 patients"),
    ("Sex", "All"),
    ("Ages", "6 months to 21 years old"),
    ("Volunteers", "Accepts Healthy Volunteers"),
    ("Inclusion criteria", "  • Relapsed AML\n  • Adequate organ function"),
    ("Exclusion criteria", "  • Active CNS disease"),
    ("Trial design", ""),
    ("Primary purpose", "Treatment"),
    ("Allocation", "Randomized"),
    ("Interventional model", "Parallel Assignment"),
    ("Masking", "Double Blind"),
    ("60 participants in 2 patient groups", "CIML NK\nExperimental group\nDescription:\nNK cells after Flu.\n"
                                            "Treatment:\nBiological: CIML NK cells\nDrug: Fludarabine\n\n"
                                            "Standard care\nActive Comparator group\nDescription:\nFludarabine only.\n"
                                            "Treatment:\nDrug: Fludarabine"),
    ("Trial contacts and locations", "2\n\nWashington University\nSaint Louis, Missouri, United States\n\n"
                                     "Charité Berlin\nBerlin, Germany"),
]


def test_a_veeva_page_gives_every_field():
    record = read_enriched(veeva_page("CIML NK Cells in AML", "Washington University", VEEVA), "veeva.txt")
    assert record.source.layout == "veeva"
    assert record.title == "CIML NK Cells in AML"
    assert [(s.name, s.role) for s in record.sponsors] == [("Washington University", "LEAD")]
    assert record.phases == ["PHASE1", "PHASE2"] and record.status == "COMPLETED"
    assert [(i.value, i.scheme) for i in record.identifiers] == [("NCT02222222", "NCT"), ("EXAMPLE-001", "ORG")]
    assert (record.enrollment, record.sex, record.min_age_years, record.max_age_years) == (60, "ALL", 0.5, 21.0)
    assert record.healthy_volunteers is True
    assert (record.allocation, record.intervention_model, record.primary_purpose, record.masking) == (
        "RANDOMIZED", "PARALLEL", "TREATMENT", "DOUBLE")
    assert [(c.kind, c.text) for c in record.criteria] == [
        ("INCLUSION", "Relapsed AML"), ("INCLUSION", "Adequate organ function"), ("EXCLUSION", "Active CNS disease")]
    assert [(a.label, a.type, a.description, a.interventions) for a in record.arms] == [
        ("CIML NK", "EXPERIMENTAL", "NK cells after Flu.", ["CIML NK cells", "Fludarabine"]),
        ("Standard care", "ACTIVE_COMPARATOR", "Fludarabine only.", ["Fludarabine"])]
    assert [(s.name, s.city, s.country) for s in record.sites] == [
        ("Washington University", "Saint Louis", "US"), ("Charité Berlin", "Berlin", "DE")]


def test_a_sponsor_logo_may_be_named_rather_than_a_letter():
    record = read_enriched(veeva_page("T", "University Hospital Basel", VEEVA[:5], logo="University Hospital Basel logo"),
                       "logo.txt")
    assert [s.name for s in record.sponsors] == ["University Hospital Basel"]


def test_endpoints_stated_in_the_description_become_outcomes():
    blocks = [*VEEVA[:5], ("Full description", "Primary end point:\n\nOverall survival at 1 year\n\n"
                                               "Secondary end points:\n\nRelapse within 100 days. Safety.")]
    record = read_enriched(veeva_page("T", "Sponsor", blocks), "endpoints.txt")
    assert [(o.kind, o.measure, o.time_frame) for o in record.outcomes] == [
        ("PRIMARY", "Overall survival at 1 year", "1 year"), ("SECONDARY", "Relapse within 100 days", "100 days"),
        ("SECONDARY", "Safety", None)]


def mirror_page(title: str | None, sections: list[tuple[str, str]]) -> bytes:
    """A ClinicalTrials.gov mirror page: every heading followed by a sentence explaining it."""
    parts = [title, "NCT ID: NCT03333333", "Last Updated: 2025-01-01"] if title else []
    for heading, body in sections:
        parts += [heading, f"Review the {heading.lower()} of this study.", body]
    return "\n".join(parts).encode("utf-8")


MIRROR = [
    ("Basic Information", "COMPLETED\nPHASE2\n40 participants\nINTERVENTIONAL\n2019-05-01\n2023-12\n"),
    ("Conditions", "Acute Myeloid Leukemia\nMyelodysplastic Syndromes"),
    ("Study Design", "RANDOMIZED\nPARALLEL\nA two-arm design.\nTREATMENT\nDOUBLE"),
    ("Study Groups", "NK arm\nPatients receive NK cells.\nNK cells\nExpanded NK cells\n"
                     "Control arm\nPatients receive standard care.\nStandard care\nInvestigator's choice"),
    ("Interventions", "NK cells\nExpanded NK cells\nStandard care\nInvestigator's choice"),
    ("Eligibility Criteria", "Inclusion Criteria\n* AML in remission\n* Age 18 to 75\nExclusion Criteria\n"
                             "* Active infection\n18 Years\n75 Years\nALL\nYes"),
    ("Sponsors", "Example Cancer Center\nOTHER\nExample Biotech\nINDUSTRY"),
    ("Locations", "Example Cancer Center\nHouston, Texas, United States"),
    ("References", "Doe J. NK cells in AML. Blood. 2020;1:1-2. doi: 10.1182/blood.2020000001. PMID: 31234567"),
    ("Other Identifiers", "2019-123456-12\nIdentifier Type: EUDRACT_NUMBER\nIdentifier Source: secondary_id\n"
                          "ECC-2019-01\nIdentifier Type: -\nIdentifier Source: org_study_id"),
    ("Related Clinical Trials", "Another NK trial\nNCT04444444"),
]


def test_a_mirror_page_with_bare_tokens_gives_every_field():
    record = read_enriched(mirror_page("NK Cells in AML", MIRROR), "mirror.txt")
    assert record.source.layout == "ctgov_mirror"
    assert [(i.value, i.scheme) for i in record.identifiers] == [
        ("NCT03333333", "NCT"), ("2019-123456-12", "EUDRACT"), ("ECC-2019-01", "ORG")]
    assert (record.status, record.phases, record.enrollment, record.study_type) == (
        "COMPLETED", ["PHASE2"], 40, "INTERVENTIONAL")
    assert (record.start_date, record.completion_date) == ("2019-05-01", "2023-12")
    assert (record.allocation, record.intervention_model, record.primary_purpose, record.masking) == (
        "RANDOMIZED", "PARALLEL", "TREATMENT", "DOUBLE")
    assert [(a.label, a.description, a.interventions) for a in record.arms] == [
        ("NK arm", "Patients receive NK cells.", ["NK cells"]),
        ("Control arm", "Patients receive standard care.", ["Standard care"])]
    assert (record.min_age_years, record.max_age_years, record.sex, record.healthy_volunteers) == (
        18.0, 75.0, "ALL", True)
    assert [(c.kind, c.text) for c in record.criteria] == [
        ("INCLUSION", "AML in remission"), ("INCLUSION", "Age 18 to 75"), ("EXCLUSION", "Active infection")]
    assert [(s.name, s.role) for s in record.sponsors] == [("Example Cancer Center", None), ("Example Biotech", None)]
    assert [(s.name, s.city, s.country) for s in record.sites] == [("Example Cancer Center", "Houston", "US")]
    assert [(r.doi, r.pmid) for r in record.references] == [("10.1182/blood.2020000001", "31234567")]
    assert record.related_ids == ["NCT04444444"]


def test_a_mirror_page_with_labelled_values_reads_the_same():
    labelled = [("Basic Information", ""), ("Recruitment Status", "COMPLETED"), ("Clinical Phase", "PHASE2"),
                ("Total Enrollment", "40 participants"), ("Study Classification", "INTERVENTIONAL"),
                ("Study Start Date", "2019-05-01"), ("Study Completion Date", "2023-12-31"),
                ("Study Design", "Allocation Method\nRANDOMIZED\nIntervention Model\nPARALLEL"),
                ("Study Groups", "Experimental:NK arm\nGroup Type EXPERIMENTAL\nPatients receive NK cells.")]
    record = read_enriched(mirror_page("NK Cells in AML", labelled), "labelled.txt")
    assert (record.status, record.phases, record.enrollment, record.study_type) == (
        "COMPLETED", ["PHASE2"], 40, "INTERVENTIONAL")
    assert (record.start_date, record.completion_date) == ("2019-05-01", "2023-12-31")
    assert (record.allocation, record.intervention_model) == ("RANDOMIZED", "PARALLEL")
    assert [(a.label, a.type, a.description) for a in record.arms] == [
        ("NK arm", "EXPERIMENTAL", "Patients receive NK cells.")]


def test_a_mirror_page_without_an_nct_number_is_keyed_by_its_eudract_number():
    from kg.model.identifiers import trial_key

    record = read_enriched(mirror_page(None, MIRROR), "no-nct.txt")
    assert record.title is None
    assert trial_key(record.identifiers) == "2019-123456-12"


def test_an_intervention_named_under_its_group_with_its_type_links_to_the_group():
    # meddatax.com NCT05371730: the Interventions section comes after the groups (here cut off), so the
    # group's own "Intervention Type DRUG" line says which line names an intervention.
    page = "\n".join([
        "Study Groups",
        "Review each arm or cohort in the study, along with the interventions and objectives associated with them.",
        "NK cells", "Group Type EXPERIMENTAL", "NCR300", "Intervention Type DRUG",
        "Intravenous infusion of NK cells(NCR300)",
        "Interventions", "Learn about t"])
    record = read_enriched(mirror_page("NK Cells in MDS", MIRROR[:2]) + b"\n"
                           + page.encode(), "NCT05371730.txt")
    assert [(a.label, a.type, a.description, a.interventions) for a in record.arms] == [
        ("NK cells", "EXPERIMENTAL", None, ["NCR300"])]
    assert [(i.name, i.type) for i in record.interventions] == [("NCR300", "DRUG")]


def test_an_explaining_sentence_the_excerpt_breaks_off_in_is_no_group():
    # meddatax.com NCT03994913 ends in "Review each arm" (of "Review each arm or cohort in the study, …").
    record = read_enriched(mirror_page("CAR-T in Lymphoma", MIRROR[:3])
                           + b"\nStudy Groups\n\nReview each arm\n", "NCT03994913.txt")
    assert record.arms == []


def test_a_group_label_the_excerpt_ends_in_is_no_group():
    # meddatax.com NCT04594135 ends in the first line of its group, "anti" (of "anti-CD5 CAR T cells").
    record = read_enriched(mirror_page("Anti-CD5 CAR T Cells", MIRROR[:3]) + b"\nStudy Groups\n\nReview each arm or "
                           b"cohort in the study, along with the interventions and objectives associated with them.\n\nanti\n",
                           "NCT04594135.txt")
    assert record.arms == []


def test_the_mirror_joins_its_conditions_with_spaces_and_they_are_split_at_each_diseases_name():
    # meddatax.com NCT03994913 and NCT07288203: the registry's condition list on one line.
    sections = [*MIRROR[:1], ("Conditions", "Refractory B-Cell Non-Hodgkin Lymphoma Relapsed B-cell Non-Hodgkin Lymphoma\n"
                                            "Melanoma (Skin Cancer) Unresectable Melanoma Metastatic Melanoma"), *MIRROR[2:4]]
    assert read_enriched(mirror_page("CAR-T", sections), "NCT03994913.txt").conditions == [
        "Refractory B-Cell Non-Hodgkin Lymphoma", "Relapsed B-cell Non-Hodgkin Lymphoma", "Melanoma (Skin Cancer)",
        "Unresectable Melanoma", "Metastatic Melanoma"]


#: meddatax.com/clinical-trials/NCT01370213/results (tests/data/therapy-holdout), as scraped: the results page has no
#: explained headings; the participant flow's groups give the treatment.
MIRROR_RESULTS = """Trial Outcomes & Findings for NK Cell Based Non-Myeloablative Transplantation in Acute Myeloid Diseases (NCT NCT01370213)

NCT ID: NCT01370213

Last Updated: 2020-05-13

Results Overview

The rate of donor neutrophil engraftment in the absence of leukemia at day +28 will be determined.

Recruitment status

COMPLETED

Study phase

PHASE2

Target enrollment

25 participants

Participant Flow

Participant milestones

Participant milestones
Measure
CD34+ Selection Schema : High-Risk Acute Myeloid Disease
Patients with high risk acute myeloid disease treated with preparative regimen including Fludara, Cytoxan and total body irradiation followed by haploidentical donor NK cells, Interleukin-2, rabbit anti-thymocyte globulin, and filgrastim mobilized CD34+ selected peripheral blood stem cell graft from the same donor. Preparative Regimen: 1\\) fludarabine 40 mg/m\\^2 x 4 doses on Days -22 through -19 pretransplant (pre-tx), 2) cyclophosphamide 50 mg/kg x 2 doses on Days -20 and -19 pre-tx, 3) total body irradiation 200 cGy twice a day (BID) (at least 6 hours apart) on Day -18 pre-tx NK Cells: CD3\\^- CD19\\^- selected, interleukin-2 (IL-2) activated, haploidentical donor natural killer (NK) cells infused on Day -17 pre-tx Interleukin-2: Interleukin-2 6 million units (MU) subcutaneously (SQ) every other day for 6 doses beginning evening of NK cell infusion Anti-thymocyte globulin: rabbit anti-thymocyte globulin will be administered on day -6 (0.5 mg/kg) and day -5 (3 mg/kg/day) pre-tx.
TCR α/β Depletion Schema : High-Risk Acute Myeloid Disease
Patients with high risk acute myeloid disease treated with preparative regi
"""  # noqa: E501 (the lines as the page was scraped)


def test_the_mirrors_results_page_reads_the_trial_and_the_participant_flows_groups_as_arms():
    record = read_enriched(MIRROR_RESULTS.encode(), "NCT01370213-results.txt")
    assert record.source.layout == "ctgov_mirror"
    assert record.title == "NK Cell Based Non-Myeloablative Transplantation in Acute Myeloid Diseases"
    assert [i.value for i in record.identifiers] == ["NCT01370213"]
    assert (record.status, record.phases, record.enrollment) == ("COMPLETED", ["PHASE2"], 25)
    assert [arm.label for arm in record.arms] == ["CD34+ Selection Schema : High-Risk Acute Myeloid Disease",
                                                  "TCR α/β Depletion Schema : High-Risk Acute Myeloid Disease"]
    assert record.brief_summary is None  # the overview describes an outcome's measurement, not the trial
    # the group's description gives the cells, their donor and their one infusion, and the IL-2 given after them; the
    # stem cell graft is the transplant's, no tissue of the NK cells
    assert [(p.cell_type, p.donor_types, p.tissue_sources, p.infusions) for p in record.cell_products] == [
        ("NK", ["HAPLOIDENTICAL"], [], 1)]
    given = [c for c in record.cytokines if c.role == "IN_VIVO_SUPPORT"]
    assert [(c.cytokine, c.dose, c.route, c.frequency, c.number_of_doses, c.arm) for c in given] == [
        ("IL-2", 6e6, "SUBCUTANEOUS", "EVERY_OTHER_DAY", 6, "CD34+ Selection Schema : High-Risk Acute Myeloid Disease")]


def test_the_mirrors_results_table_rendering_gives_each_groups_cell():
    # meddatax.com/clinical-trials/NCT01312675/results: labels lost (bare tokens), the flow as a table whose group cells
    # end in "|" lines
    page = """Trial Outcomes & Findings for S.A.F.E.BT System Extracorporeal Treatment With DIAPACT CRRT (NCT NCT01312675)
NCT ID: NCT01312675
Last Updated: 2018-10-12
Results Overview
The primary outcome measure is the average of all changes in daily SOFA scores from baseline through Day 8.
TERMINATED
NA
16 participants
Baseline through Day 8
2018-10-12
Participant Flow
Participant milestones
| Measure |
Group A
S.A.F.E.BT plus Standard of Care therapy
S.A.F.E.BT: Five (5) S.A.F.E.BT treatments within a 7 day treatment period.
|
Group B
Standard of Care therapy alone
|
|---|---|---|
|
Overall Study
STARTED
"""
    record = read_enriched(page.encode(), "NCT01312675-results.txt")
    assert (record.status, record.phases, record.enrollment) == ("TERMINATED", ["NA"], 16)
    assert [(arm.label, arm.description) for arm in record.arms] == [
        ("Group A", "S.A.F.E.BT plus Standard of Care therapy S.A.F.E.BT: Five (5) S.A.F.E.BT treatments within a 7 day "
                    "treatment period."),
        ("Group B", "Standard of Care therapy alone")]
    assert record.cell_products == [] and record.regimens == []


def test_the_mirrors_interventions_give_each_entry_its_type_and_description():
    # tests/data/therapy-holdout2/pages/meddatax.com/NCT03824951-anti-cd19-icar-nk.txt: name, description, then the
    # registry's type closing the entry (it was read as an intervention of its own, "Intervention Type BIOLOGICAL")
    page = (TESTS / "data" / "therapy-holdout2" / "pages" / "meddatax.com" / "NCT03824951-anti-cd19-icar-nk.txt").read_bytes()
    record = read_enriched(page, "NCT03824951.txt")
    assert [(i.name, i.type, i.description) for i in record.interventions] == [
        ("Anti-CD19 iCAR NK Cells", "BIOLOGICAL", "Anti-CD19 iCAR NK Cells injection")]


# --- pages-holdout2-gold/README.md 1. universal CAR-T cells ---------------------------------------------------------

PH2_PAGES = TESTS / "data" / "pages-holdout2"


VEEVA_UCART = (PH2_PAGES / "ctv.veeva.com" / "NCT04227015-cta101-ucar-t-cd19-b-line.txt").read_text()


CAR_T = dict(CELL_TYPES)["CAR_T"]


def test_a_universal_car_t_is_car_t_cells() -> None:
    # ctv.veeva.com NCT04227015: the title names "CTA101 UCAR-T Cell Injection", the treatment is listed as "Drug: CTA101"
    record = read_enriched(VEEVA_UCART.encode(), "page.txt")
    assert "A Study of CTA101 UCAR-T Cell Injection in Patients" in record.title
    # genetically modified (a CAR), the donor left empty: the "U" is no text that says allogeneic
    assert product_rows(record) == [("CAR_T", [], [], None, True, None)]
    # Cellectis's names, the CAR's target glued on: "UCART19", "UCARTCS1"; and the donor said in words
    assert all(CAR_T.search(text) for text in ("UCART19 in Advanced Lymphoid Malignancies", "UCARTCS1 cells",
                                               "anti-CD19 U-CAR-T cells", "allogeneic CAR-T cells"))
    assert product_rows(therapy_page(title="Allogeneic CAR-T Cells for B-ALL"))[0][:2] == ("CAR_T", ["ALLOGENEIC"])


def test_car_in_other_words_is_no_car_t() -> None:
    # "UCAR" alone, "cardiac", and "CART" the statistical method (classification and regression trees)
    for text in ("UCAR 2019 annual meeting abstracts", "cardiac function after transplant",
                 "a classification and regression tree (CART) analysis of the predictors",
                 "A CART model was built", "CART analysis"):
        assert not CAR_T.search(text), text
    # (CART cells are still CAR T cells: "They will get the split doses CART cells on day0", "CD19 CART")
    assert CAR_T.search("They will get the split doses CART cells on day0") and CAR_T.search("CD19 CART")


# --- pages-holdout2-gold/README.md 4. numbered sub-items indented under a Veeva item ending in a colon --------------

def test_indented_numbered_sub_items_belong_to_the_item_ending_in_a_colon() -> None:
    texts = [c.text for c in read_enriched(VEEVA_UCART.encode(), "page.txt").criteria]
    assert texts[2] == ("Relapsed or refractory CD19+ B-ALL (meeting one of the following conditions): CR not achieved "
                        "after standardized chemotherapy; CR achieved following the first induction, but CR duration is "
                        "≤ 12 months; Ineffective after first or multiple remedial treatments; 2 or more recurrences")
    # the list goes on at the parent's next number; the group heading "Inclusion criteria applicable to ALL only:"
    # ending in a colon is no parent: its top-level items stay apart
    assert len(texts) == 5
    assert texts[0] == "Male or female aged ≥ 3 and <70 years old"
    assert texts[3].startswith("The number of primordial cells")


def test_indented_numbered_items_under_an_item_without_a_colon_stay_items() -> None:
    page = VEEVA_UCART.replace("(meeting one of the following conditions):", "(meeting one of the following conditions).")
    texts = [c.text for c in read_enriched(page.encode(), "page.txt").criteria]
    assert len(texts) == 9
    assert "CR achieved following the first induction, but CR duration is ≤ 12 months" in texts


PH6_MEDDATAX_CKD = TESTS / "data" / "pages-holdout6" / "meddatax.com" / "NCT05042206-cellgram-ckd-bm-msc.txt"
PH6_MEDDATAX_ICH = TESTS / "data" / "pages-holdout6" / "meddatax.com" / "NCT03371329-bm-msc-intracerebral-hemorrhage.txt"


# --- pages held-out 6: "an open, single-center" trial on a meddatax.com page ------------------------------------------

def test_an_open_single_center_trial_is_open_label() -> None:
    # "This clinical trial is an open, single-center, phase 1 clinical trial to evaluate the safety of allogeneic bone
    # marrow-derived mesenchymal stem cell injection in patients with chronic kidney disease."
    assert saved_page(PH6_MEDDATAX_CKD).masking == "NONE"
    # "open" of other phrases is no masking
    text = PH6_MEDDATAX_CKD.read_text().replace("an open, single-center,", "a single-center, open surgery,").replace(
        "open,", "")
    assert read_enriched(text.encode(), PH6_MEDDATAX_CKD.name).masking is None


# --- pages held-out 6: meddatax.com's compact study groups ------------------------------------------------------------

def test_a_recurring_intervention_line_and_its_description() -> None:
    # "Group 1 MSC dose .5 x 10^6/kg IV" / "Intravenous infusion of MSC (mesenchymal stem cell) dose .5 x 10\^6/kg for 3
    # participants." / "MSC" / "bone marrow derived cultured MSC (mesenchymal stem cell)" / "Group 2 …" / "MSC" / …
    record = saved_page(PH6_MEDDATAX_ICH)
    assert [(i.name, i.description) for i in record.interventions] == [
        ("MSC", "bone marrow derived cultured MSC (mesenchymal stem cell)")]
    [product] = record.cell_products
    assert (product.donor_types, product.tissue_sources, product.ex_vivo_expanded) == (
        ["ALLOGENEIC"], ["BONE_MARROW"], True)
    assert sorted(d.minimum for d in product.doses) == [5e5, 1e6, 2e6]
