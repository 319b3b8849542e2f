"""Reader and rule gaps tests/data/pages-holdout5-gold/README.md lists: Unicode hyphens ("CAR‑T", "gene‑modified",
"single‑arm" with U+2011), cytotargetdb.ca's stored field names and its summary's "Exclude:" run, the WHO record view's
criteria lead-in, a CAR-T's "engraftment/expansion" in the patient, and mesenchymal stem cells whose safety and efficacy
are evaluated in patients. Each test quotes the real page's words (the pages are in tests/data/pages-holdout5), with a
nearby wording the rule must leave alone; the held-out pages stay a measure.
"""

from __future__ import annotations

from conftest import TESTS, generic_page, read_enriched
from conftest import therapy_page as _page

from kg.enrich.prose import ages_from_criteria, ages_from_exclusions, complete_from_prose
from kg.model.text import clean_document_text, repair_unicode_hyphens
from kg.read.parse.criteria import criteria_from_lines, criteria_from_mixed_lines
from kg.read.parse.labels import reading

PAGES = TESTS / "data" / "pages-holdout5"
RD06 = PAGES / "cytotargetdb.ca" / "NCT06310811-rd06-04-cd19-car-t-sle.txt"
ATHENA = PAGES / "cytotargetdb.ca" / "NCT06373991-athena-car-t-sle.txt"
WHO = PAGES / "apps.who.int" / "NCT02415218-oral-mucosal-epithelial-sheets-lscd.txt"


def _criteria(record) -> list[tuple[str | None, str]]:  # noqa: ANN001 - a TrialRecord
    return [(c.kind, " ".join(c.text.split()[:3])) for c in record.criteria]


# --- 1. Unicode hyphens -----------------------------------------------------------------------------------------------

def test_unicode_hyphens_are_read_as_hyphens() -> None:
    # "an autologous anti‑CD19 CAR‑T cell therapy (gene‑modified cellular immunotherapy) ... Design: single‑arm" (U+2011)
    record = read_enriched(RD06.read_bytes(), RD06.name)
    assert [(p.cell_type, p.genetically_modified) for p in record.cell_products] == [("CAR_T", True)]
    assert record.intervention_model == "SINGLE_GROUP"
    assert clean_document_text("anti\u2011CD19 CAR\u2010T") == "anti-CD19 CAR-T"
    # dashes and the minus sign mean ranges and signs: "Adults 18–70", "moderate–severe", "−20 °C" stay
    dashes = "Adults 18\u201370, moderate\u2014severe, \u221220"
    assert repair_unicode_hyphens(dashes) == dashes


# --- 2. cytotargetdb.ca's field names and its "Exclude:" run ------------------------------------------------------------

def test_stored_field_names_are_labels_not_criteria() -> None:
    # "eligibility_summary" / "Adults 18–56 with SLE ..." / "trial_source" / "clinical_trials.gov from Dec 2, 2025" /
    # "annotation_status" / "manual_review_required" / "ai_summary" / "Trial: NCT06373991 (Phase 1, single-arm) ..."
    record = generic_page(ATHENA.read_text())
    assert _criteria(record) == [("INCLUSION", "Adults 18–56 with"), ("EXCLUSION", "malignancy, prior CD19/CAR-T/gene")]
    assert record.brief_summary.startswith("Trial: NCT06373991 (Phase 1, single-arm)")
    # a line of the page's own words is no field name: "Trial source" prose stays where it is
    record = generic_page("NCT06373991\nEligibility criteria\nAdults 18 to 56 with SLE\nthe trial source was not given\n")
    assert [c.text for c in record.criteria] == ["Adults 18 to 56 with SLE", "the trial source was not given"]


def test_a_summary_run_of_exclusions_after_exclude() -> None:
    # "Eligibility: Adults 18–70 with active SLE ... Negative pregnancy test, contraception. Exclude: recent severe lupus
    # crises, CNS/cardiac disease, ..."
    record = generic_page(RD06.read_text())
    assert _criteria(record) == [("INCLUSION", "Adults 18–70 with"), ("EXCLUSION", "recent severe lupus")]
    # "exclude" in a sentence of its own is no heading
    found = criteria_from_mixed_lines(["Adults with SLE, consent. We exclude: cancer, HIV."])
    assert [(c.kind, c.text) for c in found] == [(None, "Adults with SLE, consent. We exclude: cancer, HIV.")]


# --- 3. The WHO record view's criteria lead-in ----------------------------------------------------------------------------

def test_a_lead_in_to_the_criteria_listed_below_is_no_criterion() -> None:
    # "- Among patients with bilateral limbal stem-cell deficiency, those who meet all the" / "criteria listed below when
    # they give their informed consent to participate in this" / "research will be included."
    record = read_enriched(WHO.read_bytes(), WHO.name)
    assert [c.text[:25] for c in record.criteria][:1] == ["Patients in whom the eye("]
    assert not any("listed below" in c.text for c in record.criteria)
    # an item that goes on after its colon, or names criteria of elsewhere, is an item
    found = criteria_from_lines(["- Patients who meet the criteria listed below: age 18 to 70 years",
                                 "- Patients who meet the criteria of the protocol"], "INCLUSION")
    assert len(found) == 2


# --- 6. An IRCT protocol's text with its section labels run onto the section before ------------------------------------

IRCT = PAGES / "123dok.com" / "IRCT20190717044241N1-placental-msc-acute-liver-failure.txt"


def test_irct_protocol_labels_at_a_line_end_and_criterias() -> None:
    # "... Imam Khomeini hospital in Tehran Participants/Inclusion and exclusion criteria" / "Inclusion Criterias: 1. ALF:
    # ... 2. All patients ... Exclusion criteria: 1. Patient dissatisfaction 2. Pregnant patient 3. Age less than 17 years
    # 4. A patient with known active malignancy Intervention groups"
    record = generic_page(IRCT.read_text())
    assert [(c.kind, c.text) for c in record.criteria][2:] == [
        ("EXCLUSION", "Patient dissatisfaction"), ("EXCLUSION", "Pregnant patient"), ("EXCLUSION", "Age less than 17 years"),
        ("EXCLUSION", "A patient with known active malignancy")]
    assert [c.kind for c in record.criteria[:2]] == ["INCLUSION", "INCLUSION"]
    # the words of a sentence, in lower case, are no label; nor a label alone on its line with nothing before it
    found = reading("Eligibility criteria\nAdults with two intervention groups\nPatients with ALF Intervention groups\n")
    assert found.sections["eligibility"] == ["Adults with two intervention groups", "Patients with ALF"]


# --- 7. A summary of the criteria opening with the adults' ages; a summary's design with its phase ---------------------

def test_adults_and_their_ages_and_the_summarys_phase() -> None:
    # "Eligibility: Adults 18–70 with active SLE ..." and "Design: single‑arm, Phase I, 3+3 dose escalation"
    # (NCT06310811); "Adults 18–56 with SLE ..." and "Trial: NCT06373991 (Phase 1, single-arm)" (NCT06373991)
    rd06, athena = (read_enriched(page.read_bytes(), page.name) for page in (RD06, ATHENA))
    assert (rd06.min_age_years, rd06.max_age_years, rd06.phases) == (18, 70, ["PHASE1"])
    assert (athena.min_age_years, athena.max_age_years, athena.phases) == (18, 56, ["PHASE1"])
    # a weight after the word, or another trial's number with its phase, is neither
    assert ages_from_criteria(["Adults 50-90 kg body weight"]) == (None, None)
    other = _page(brief_summary="NK cells will be infused. A previous study, NCT01234567 (Phase 2), showed responses.")
    assert complete_from_prose(other).phases == []


def test_ages_an_exclusion_states_from_outside() -> None:
    # exclusion 3. "Age less than 17 years" (123dok.com IRCT20190717044241N1)
    assert generic_page(IRCT.read_text()).min_age_years is None  # the reader's record; the enrichment reads it
    assert read_enriched(IRCT.read_bytes(), IRCT.name).min_age_years == 17
    # an exclusion not about age, or an inclusion's wording, bounds nothing from outside
    assert ages_from_exclusions(["Prior transplant less than 3 years ago", "Children under 12 years of age"]) == (None, None)
