"""Reader gaps tests/data/pages-holdout3-gold/README.md lists: the NIPH portal's view of a jRCT record (pipe rows, its
table rules, its criteria and intervention rows, a day-first date), MedPath's page of an EUCTR record (an age range
with both signs lost, an item number without its full stop, the EU form fields between the two lists, the EU
classification glued to the condition), UMIN-ICDS's "Phase I,II", "Base" heading and activated lymphocytes, a jRCT
title's phase and design in its English rendering, a sponsor's site keyed by its "Study identifier" and "open" among a
title's design words. Each test quotes the real page's words (the page is in the repository) with a nearby wording the
rule must leave alone; the held-out pages stay a measure.
"""

from __future__ import annotations

from conftest import TESTS, generic_page, product_rows, read_enriched, therapy_page

from kg.enrich.prose import ages_from_criteria
from kg.enrich.therapy.schedules import infusion_count
from kg.model.records import Intervention
from kg.read.layouts import generic
from kg.read.parse.criteria import criteria_from_lines, split_numbered
from kg.read.parse.fields import parse_date

HOLDOUT3 = TESTS / "data" / "pages-holdout3"
NIPH = (HOLDOUT3 / "rctportal.niph.go.jp" / "jRCTb070190057-e-mnc-salivary-gland.txt").read_text()
MEDPATH = (HOLDOUT3 / "trial.medpath.com" / "EUCTR2015-003049-24-SE-precision-hypertension-care.txt").read_text()
UMIN_ICDS = (HOLDOUT3 / "umin.ac.jp" / "UMIN000035608-R000040566-immune-cell-therapy-rectal-cancer.txt").read_text()
JRCT = (HOLDOUT3 / "jrct.mhlw.go.jp" / "jRCTc071190041-autologous-hsct-systemic-sclerosis.txt").read_text()


def _criteria(record) -> list[tuple[str | None, str]]:  # noqa: ANN001 - a TrialRecord
    return [(c.kind, c.text) for c in record.criteria]


# rctportal.niph.go.jp jRCTb070190057: pipe rows "label | value |", a table rule "---|---|" under the first row of each
# table


def test_a_markdown_tables_rule_row_is_no_outcome() -> None:
    record = generic_page(NIPH)
    assert [(o.kind, o.measure) for o in record.outcomes] == [
        ("PRIMARY", "Safety"), ("SECONDARY", "Efficay (improvement of saliva secreation and gland volume)")]
    # a rule of dashes with no pipe is no table's: it stays where it was (the outcome's text)
    page = NIPH.replace("Primary Outcome | Safety |\n---|---|", "Primary Outcome | Safety |\n---")
    assert [o.measure for o in generic_page(page).outcomes if o.kind == "PRIMARY"] != ["Safety"]


def test_the_portals_criteria_and_first_enrollment_rows_are_read() -> None:
    record = generic_page(NIPH)
    assert record.start_date == "2019-03-19"
    kinds = [c.kind for c in record.criteria]
    assert kinds == ["INCLUSION"] * 4 + ["EXCLUSION"] * 6
    assert record.criteria[0].text == ("Patients who are suffering form sever xerostomia caused by the radiotherapy for "
                                       "head and neck cancer.")
    # exclusion 1's sub-list "1) … 2) …" stays in it; item "2." goes on after it
    assert record.criteria[4].text.startswith("Hemoglobin concentration in peripheral blood 1) blood collection within")
    assert record.criteria[4].text.endswith("femal: less than 12.5g/dl of hemoglobin concentration")
    assert record.criteria[5].text == "Patients who had got salivary gland tumor as a primary disease."
    # the row after the criteria is a heading of the portal, no criterion
    assert "Related Information" not in " ".join(c.text for c in record.criteria)


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


def test_a_digits_only_date_is_read_where_only_one_order_makes_a_date() -> None:
    assert parse_date("19/03/2019") == "2019-03-19"
    assert parse_date("05/01/2016") is None  # May 1 or January 5


def test_study_type_other_is_no_purpose_unless_the_page_types_its_study_elsewhere() -> None:
    assert generic_page(NIPH).primary_purpose is None
    # ISRCTN: "Primary study design" is the study type, "Study type" the purpose
    page = NIPH.replace("Study type | Other |", "Primary study design | Interventional |\nStudy type | Other |")
    record = generic_page(page)
    assert (record.study_type, record.primary_purpose) == ("INTERVENTIONAL", "OTHER")


def test_the_intervention_row_names_what_is_given_before_its_sub_labels() -> None:
    record = read_enriched(NIPH.encode(), "page.txt")
    assert [i.name for i in record.interventions] == ["injection of E-MNC to the submandibular gland"]
    assert record.interventions[0].description.endswith("Number of times of intervention: 1 time")
    # E-MNC (mononuclear cells) injected, once: a product of no cell type
    assert product_rows(record) == [(None, [], [], None, None, 1)]
    assert record.cell_products[0].kind == "mononuclear-cells"
    # a field without the sub-labels is as before: a sentence, no named intervention
    page = NIPH.replace(" Intervention period: 1-year Number of times of intervention: 1 time", " over one year.")
    assert read_enriched(page.encode(), "page.txt").interventions == []


def test_mononuclear_cells_counted_are_no_product_and_only_the_times_of_intervention_count() -> None:
    record = therapy_page(title="Development of cell therapy for Salivary gland regeneration",
                          interventions=[Intervention("Saline injection")],
                          brief_summary="PB-MNC counts were measured before and after radiotherapy.")
    assert record.cell_products == []
    assert infusion_count("Intervention period: 1-year Number of times of intervention: 1 time") == 1
    assert infusion_count("Number of times of visits: 3 times") is None


# trial.medpath.com EUCTR2015-003049-24-SE: MedPath's dash variant of a WHO record of the EU register


def test_an_age_range_with_both_signs_lost_is_read_and_one_such_age_alone_is_a_minimum() -> None:
    record = read_enriched(MEDPATH.encode(), "page.txt")
    assert (record.min_age_years, record.max_age_years) == (40.0, 75.0)
    assert ages_from_criteria(["Male or female aged =40 years and =75 years"]) == (40.0, 75.0)
    # one such age alone is the minimum (trial.medpath.com KCT0000709), no maximum
    assert ages_from_criteria(["The subject is aged =18 years at signature of the ICF"]) == (18.0, None)


def test_an_item_numbered_without_its_full_stop_and_the_eu_form_fields_between_the_lists() -> None:
    record = read_enriched(MEDPATH.encode(), "page.txt")
    criteria = _criteria(record)
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


# umin.ac.jp UMIN000035608 (UMIN-ICDS) and jrct.mhlw.go.jp jRCTc071190041


def test_umins_phase_numerals_and_its_base_heading() -> None:
    record = read_enriched(UMIN_ICDS.encode(), "page.txt")
    assert record.phases == ["PHASE1", "PHASE2"]
    assert [(o.kind, o.measure) for o in record.outcomes if o.kind == "SECONDARY"] == [("SECONDARY", "Efficacy")]
    # a value that is no list of numerals is no phase
    page = UMIN_ICDS.replace("Phase I,II", "Phase Not applicable")
    assert read_enriched(page.encode(), "page.txt").phases in ([], ["NA"])


def test_the_english_scientific_title_states_phase_and_design_under_a_japanese_public_title() -> None:
    record = read_enriched(JRCT.encode(), "page.txt")
    assert record.official_title.startswith("A single-arm, open-label, phase 2 study of autologous CD34+")
    assert (record.phases, record.intervention_model, record.masking) == (["PHASE2"], "SINGLE_GROUP", "NONE")
    # a title that states none gives none
    page = JRCT.replace("A single-arm, open-label, phase 2 study of", "A study of").replace(
        "( A single-arm, open-label, phase 2", "")
    record = read_enriched(page.encode(), "page.txt")
    assert (record.phases, record.intervention_model, record.masking) == ([], None, None)


# astrazenecaclinicaltrials.com SD-037-0739: a sponsor's site of its trials, no register number ("ClinicalTrials.gov
# identifier:N/A"); the contract keys such a trial by the sponsor's own study id (/work/shared/spec/queries.md)
ASTRAZENECA = (HOLDOUT3 / "astrazenecaclinicaltrials.com" / "SD-037-0739-oxis-turbuhaler-asthma.txt").read_text()


def test_a_sponsors_labelled_study_identifier_keys_a_page_without_a_register_number() -> None:
    record = read_enriched(ASTRAZENECA.encode(), "page.txt")
    assert [(i.value, i.scheme) for i in record.identifiers] == [("SD-037-0739", "ORG")]
    assert (record.phases, record.study_type, record.start_date) == (["PHASE3"], "INTERVENTIONAL", "2001-06-01")
    assert [s.name for s in record.sponsors] == ["AstraZeneca"] and record.conditions == ["asthma"]
    # the label with no number under it keys nothing: the page is refused
    page = ASTRAZENECA.replace("Study identifier:SD-037-0739", "Study identifier:N/A")
    assert not generic.claims(page)
    # "randomised, open, parallel group": "open" among the design's words is open-label
    assert (record.allocation, record.intervention_model, record.masking) == ("RANDOMIZED", "PARALLEL", "NONE")
    page = ASTRAZENECA.replace("randomised, open, parallel group", "randomised, parallel group, open-heart surgery")
    assert read_enriched(page.encode(), "page.txt").masking is None


def test_activated_lymphocytes_given_as_a_therapy_are_a_product_and_counted_ones_are_not() -> None:
    # umin.ac.jp UMIN000035608: its chemotherapy is then the trial's regimen
    record = read_enriched(UMIN_ICDS.encode(), "page.txt")
    assert product_rows(record) == [(None, [], [], None, None, None)]
    assert record.cell_products[0].kind == "activated-lymphocytes"
    assert [(r.name, r.purpose) for r in record.regimens] == [("mFOLFOX6", "CHEMOTHERAPY")]
    record = therapy_page(title="Lymphocyte subsets after surgery",
                          brief_summary="Activated lymphocytes in the peripheral blood were counted before and after "
                                        "infusion of the anaesthetic.")
    assert record.cell_products == []
