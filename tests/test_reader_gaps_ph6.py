"""Reader and rule gaps tests/data/pages-holdout6-gold/README.md lists: smartpatients.com's label lines without
separators, its study-group line and its flattened "- " criteria run; cancerfax.com's prose article; the classic
ClinicalTrials.gov page's intervention cell cut mid-word; an "open, single-center" trial; meddatax.com's compact study
groups naming their intervention by a recurring line; and a dose written ".5 x 10^6/kg". Each test quotes the real
page's words (the pages are in tests/data/pages-holdout6), with a nearby wording the rule must leave alone; the held-out
pages stay a measure.
"""

from __future__ import annotations

from pathlib import Path

from conftest import TESTS, generic_page, read_enriched

from kg.enrich.therapy.quantities import cell_doses
from kg.read.parse.criteria import criteria_from_lines

PAGES = TESTS / "data" / "pages-holdout6"
SMARTPATIENTS = PAGES / "smartpatients.com" / "NCT01898663-adenovirus-dc-cik-soft-tissue-sarcoma.txt"
CANCERFAX = PAGES / "cancerfax.com" / "NCT01691625-dc-cik-chemoradiation-esophageal.txt"
CLASSIC = PAGES / "clinicaltrials.gov" / "NCT05362786-bm-msc-ckd-classic.txt"
MEDDATAX_CKD = PAGES / "meddatax.com" / "NCT05042206-cellgram-ckd-bm-msc.txt"
CLINCOSM_CKD = PAGES / "clincosm.com" / "NCT05042206-cellgram-ckd-bm-msc.txt"
MEDDATAX_ICH = PAGES / "meddatax.com" / "NCT03371329-bm-msc-intracerebral-hemorrhage.txt"


def _read(path: Path):  # noqa: ANN202 - a TrialRecord
    return read_enriched(path.read_bytes(), path.name)


# --- 1. smartpatients.com: label lines without separators, the study group, the "- " run -------------------------------

def test_trial_size_and_own_id_on_label_lines_without_separators() -> None:
    # "Trial size 30 participants" / "Trial identifier NCT01898663, 307-CTC-DC/CIK"
    record = _read(SMARTPATIENTS)
    assert record.enrollment == 30
    assert [(i.value, i.scheme) for i in record.identifiers] == [("NCT01898663", "NCT"), ("307-CTC-DC/CIK", "ORG")]
    # only on a page that writes its values so, and only in that shape: a sentence about the size, or an id line that
    # opens with no register number, is none
    lines = ("Condition high-risk soft tissue sarcoma\nPhase phase 1/phase 2\nMasking open label\n"
             "Primary purpose treatment\nNCT01898663\n")
    record = generic_page(lines + "Trial size was 30 in the end\nTrial identifier 307-CTC-DC/CIK\n")
    assert record.enrollment is None
    assert [i.value for i in record.identifiers] == ["NCT01898663"]


def test_the_study_group_line_over_the_interventions_name() -> None:
    # "Primary purpose treatment" / "Adenovirus-transfected autologous DCs + CIK cells" / "adenovirus-transfected dc + cik"
    # / "Adenovirus-transfected autologous DC vaccine plus CIK cells", the "Treatment" line naming the intervention
    record = _read(SMARTPATIENTS)
    assert [(a.label, a.interventions) for a in record.arms] == [
        ("Adenovirus-transfected autologous DCs + CIK cells", ["adenovirus-transfected dc + cik"])]
    # a label's line over the name is no group ("Primary purpose supportive care" / "mage-a4 tcr gene-modified t cells",
    # smartpatients.com NCT01694472), nor is a sentence
    record = generic_page("NCT01694472\nCondition malignant solid tumors\nTreatment mage-a4 tcr gene-modified t cells\n"
                          "Phase phase 1\nMasking open label\nPrimary purpose supportive care\n"
                          "mage-a4 tcr gene-modified t cells\nThe patients are given the cells twice.\n"
                          "mage-a4 tcr gene-modified t cells\n")
    assert record.arms == []


def test_a_flattened_dash_list_of_criteria() -> None:
    # "Inclusion Criteria: - Intermediate or high grade sarcoma as determined by pathology review - Histopathologically
    # confirmed diagnosis of intermediate or high grade sarcoma - Age≥18 years at time of consent - KPS(Karnofsky
    # Performance Scale) ≥70 - … - Normal liver, kidney and marrow functi"
    record = _read(SMARTPATIENTS)
    inclusion = [c.text for c in record.criteria if c.kind == "INCLUSION"]
    assert len(inclusion) == 9
    assert inclusion[0] == "Intermediate or high grade sarcoma as determined by pathology review"
    assert inclusion[-1] == "Normal liver, kidney and marrow functi"
    # a range, or one dash inside an item, cuts nothing
    found = criteria_from_lines(["- Age 18 - 65 years", "- Hepatitis B - Positive serology"], "EXCLUSION")
    assert [c.text for c in found] == ["Age 18 - 65 years", "Hepatitis B - Positive serology"]


def test_the_sex_and_age_sentence_over_the_criteria() -> None:
    # "Eligibility Criteria" / "Male or female participants at least 18 years old." / "Inclusion Criteria: - …"
    record = _read(SMARTPATIENTS)
    assert (record.sex, record.min_age_years) == ("ALL", 18.0)
    assert not any(c.text.startswith("Male or female") for c in record.criteria)
    # the same words as a criterion among the criteria stay a criterion, and say no sex
    record = generic_page("NCT01898663\nEligibility Criteria\nInclusion Criteria:\n- Histologically confirmed sarcoma\n"
                          "- Male or female participants at least 18 years old.\n")
    assert record.sex is None
    assert [c.text for c in record.criteria] == ["Histologically confirmed sarcoma",
                                                "Male or female participants at least 18 years old."]


# --- 2. cancerfax.com's prose article --------------------------------------------------------------------------------------

def test_an_articles_sentences_that_open_with_the_trials_number() -> None:
    # "DC-CIK Immunotherapy Combined With Concurrent Chemoradiation for Locally Advanced Esophageal Cancer" / "NCT01691625
    # was a prospective interventional study conducted at Capital Medical University Cancer Center, Beijing, evaluating
    # …" … "NCT01691625 (study ID: JR-01) was a single-centre interventional study sponsored by Capital Medical University,
    # conducted at Capital Medical University Cancer Center (CMUCC), Beijing Shijitan Hospital."
    record = _read(CANCERFAX)
    assert record.title == "DC-CIK Immunotherapy Combined With Concurrent Chemoradiation for Locally Advanced Esophageal Cancer"
    assert ("JR-01", "ORG") in [(i.value, i.scheme) for i in record.identifiers]
    assert [(s.name, s.role) for s in record.sponsors] == [("Capital Medical University", "LEAD")]
    assert [(s.name, s.city, s.country) for s in record.sites] == [
        ("Capital Medical University Cancer Center", "Beijing", None)]  # the text names no country


def test_a_news_headline_and_other_sentences_are_left_alone() -> None:
    # a headline over a sentence that does not open with the number tells news; a site named otherwise is not read
    record = generic_page("DC-CIK Immunotherapy Improves Survival in Esophageal Cancer Patients\nThe first patient has "
                          "been dosed in the phase 1 trial (NCT01691625) of DC-CIK cells, which was conducted at several "
                          "centres in China and is sponsored by a university.\n")
    assert record.title is None
    assert record.sites == [] and record.sponsors == []


# --- 3. the classic page's intervention cell cut mid-word ------------------------------------------------------------------

def test_an_intervention_cell_the_excerpt_cuts_mid_word() -> None:
    # "Experimental: Dose Arm 2" / "Subjects … single intravenous infusion of 200x10^6 cells" / "|" / "Drug: Allogeneic
    # adipose-derived mesen" (the excerpt's end)
    record = _read(CLASSIC)
    assert [(a.label, a.interventions) for a in record.arms] == [
        ("Dose Arm 1", ["Allogeneic adipose-derived mesenchymal stem cells (MSC)"]),
        ("Dose Arm 2", ["Allogeneic adipose-derived mesen"])]
    # the cell closed and whole: the page's own intervention, nothing more
    cut = CLASSIC.read_text().rstrip()
    assert cut.endswith("\nDrug: Allogeneic adipose-derived mesen")
    whole = cut + "chymal stem cells (MSC)\nOne infusion |\n"
    record = read_enriched(whole.encode(), CLASSIC.name)
    assert [i.name for i in record.interventions] == ["Allogeneic adipose-derived mesenchymal stem cells (MSC)"]
    assert record.arms[1].interventions == ["Allogeneic adipose-derived mesenchymal stem cells (MSC)"]


# --- 4. "an open, single-center" trial -------------------------------------------------------------------------------------

def test_an_open_single_center_trial_is_open_label() -> None:
    # "This clinical trial is an open, single-center, phase 1 clinical trial to evaluate the safety of allogeneic bone
    # marrow-derived mesenchymal stem cell injection in patients with chronic kidney disease."
    assert _read(MEDDATAX_CKD).masking == "NONE"
    # "open" of other phrases is no masking
    text = MEDDATAX_CKD.read_text().replace("an open, single-center,", "a single-center, open surgery,").replace(
        "open,", "")
    assert read_enriched(text.encode(), MEDDATAX_CKD.name).masking is None


# --- 5. meddatax.com's compact study groups, and a dose written ".5 x 10^6/kg" --------------------------------------------

def test_a_recurring_intervention_line_and_its_description() -> None:
    # "Group 1 MSC dose .5 x 10^6/kg IV" / "Intravenous infusion of MSC (mesenchymal stem cell) dose .5 x 10\^6/kg for 3
    # participants." / "MSC" / "bone marrow derived cultured MSC (mesenchymal stem cell)" / "Group 2 …" / "MSC" / …
    record = _read(MEDDATAX_ICH)
    assert [(i.name, i.description) for i in record.interventions] == [
        ("MSC", "bone marrow derived cultured MSC (mesenchymal stem cell)")]
    [product] = record.cell_products
    assert (product.donor_types, product.tissue_sources, product.ex_vivo_expanded) == (
        ["ALLOGENEIC"], ["BONE_MARROW"], True)
    assert sorted(d.minimum for d in product.doses) == [5e5, 1e6, 2e6]


def test_a_decimal_without_its_leading_zero() -> None:
    # "Group 1 MSC dose .5 x 10^6/kg IV"
    assert [(d.minimum, d.unit) for d in cell_doses("Group 1 MSC dose .5 x 10^6/kg IV")] == [(5e5, "{cells}/kg")]
    # a sentence's full stop before a number is no decimal point
    assert [d.minimum for d in cell_doses("Enrolled in 2019. 5 x 10^6 cells/kg were given")] == [5e6]
