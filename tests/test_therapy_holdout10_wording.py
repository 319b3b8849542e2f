"""How trial texts say a thing, from the gaps the tenth held-out corpus showed (tests/data/therapy-holdout10/README.md).

Each rule is about a layout or a way of saying something, tested on the real page's words (the page named) and, where
it matters, on wording the rule must leave alone. The held-out pages themselves stay a measure: the gold is unchanged.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import TESTS, read_enriched

from kg.enrich.therapy import describe_therapy
from kg.model.records import SourceDocument, TrialRecord

HOLDOUT10 = TESTS / "data" / "therapy-holdout10" / "pages"
HOLDOUT4 = TESTS / "data" / "therapy-holdout4" / "pages"


def _page(**fields: Any) -> TrialRecord:
    """A record as the generic reader gives a page of a site no layout module reads."""
    fields.setdefault("source", SourceDocument("p.txt", "0" * 64, "generic"))
    return describe_therapy(TrialRecord(**fields))


def _held_out(site: str, number: str, pages=HOLDOUT10) -> TrialRecord:
    [path] = (pages / site).glob(f"*{number}*.txt")
    return read_enriched(path.read_bytes(), path.name)


# --- a study that says it is observational, no treatment, gives no cells ------------------------------------------------

def test_an_observational_study_of_people_receiving_car_t_therapy_gives_no_product() -> None:
    # curemydisease.com NCT05397132: "This study tracks 50 people with blood cancers who are receiving CAR T therapy.
    # Researchers will take blood samples over time ... This is an observational study, not a new treatment."
    record = _held_out("curemydisease.com", "NCT05397132")
    assert "receiving CAR T therapy" in record.brief_summary
    assert record.cell_products == [] and record.regimens == [] and record.cytokines == []


@pytest.mark.parametrize("summary", [
    # the same page's words, and its "What could go wrong"
    "This study tracks 50 people with blood cancers who are receiving CAR T therapy. This is an observational study, not "
    "a new treatment.",
    "This study tracks 50 people with blood cancers who are receiving CAR T therapy. This is an observational study, not "
    "a treatment trial.",
    # bereflected.org/clinical-trials/listings/338552 (its words; the cells named here for the test)
    "This study is for people who received CAR T cells. Study involves observation and data collection; no treatment is "
    "provided.",
], ids=["not-a-new-treatment", "not-a-treatment-trial", "no-treatment-is-provided"])
def test_a_study_that_says_it_is_observational_and_no_treatment_gives_no_product(summary: str) -> None:
    assert _page(title="Relapse after CAR T", brief_summary=summary).cell_products == []


def test_an_observational_study_that_infuses_cells_still_gives_them() -> None:
    # tests/data/therapy-holdout4, ClinicalTrials.gov NCT01498055: registered "Observational", its purpose "To study the
    # efficacy and safety of autologous CIK cells infusion for the treatment of lung cancer" (the gold has its product);
    # it never says it is no treatment
    record = _held_out("clinicaltrials.gov", "NCT01498055", HOLDOUT4)
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("CIK", ["AUTOLOGOUS"])]


def test_an_observational_count_of_exhausted_t_cells_gives_nothing() -> None:
    # ClinicalTrials.gov NCT04470323: "our prospective, observational study is to count T cells in patients with
    # laboratory-confirmed COVID-19"
    record = _held_out("clinicaltrials.gov", "NCT04470323")
    assert record.cell_products == [] and record.regimens == [] and record.cytokines == []


# --- the NCI's outline: a conditioning regimen the patients undergo --------------------------------------------------

def test_total_body_irradiation_under_a_conditioning_heading_is_the_transplants_conditioning() -> None:
    # cancer.gov NCI-2020-08290 (NCT04556266): "OUTLINE: ... CONDITIONING REGIMEN: Patients undergo total body
    # irradiation on days -9 to -6." in a trial of "donor-derived CAR T cells following allogeneic stem cell
    # transplantation": the irradiation, CONDITIONING (as the earlier golds keep NCT01370213's and NCT00789776's TBI), not
    # a drugless lymphodepletion named by the heading
    record = _held_out("cancer.gov", "NCT04556266")
    assert [(r.name, r.purpose, r.components, r.days) for r in record.regimens] == [
        ("total body irradiation", "CONDITIONING", ["total body irradiation"], "days -9 to -6")]


@pytest.mark.parametrize(("summary", "purpose"), [
    # the page's own summary: cells given after the transplant
    ("This phase I trial evaluates the side effects and best dose of donor-derived CAR T cells following allogeneic stem "
     "cell transplantation in treating patients with CD19 malignancies.", "CONDITIONING"),
    # a transplant the patients relapsed after is no transplant the trial gives: the heading's conditioning makes room
    # for the cells
    ("This phase I trial evaluates the best dose of CAR T cells for patients with CD19 malignancies who relapsed after "
     "allogeneic stem cell transplantation.", "LYMPHODEPLETION"),
], ids=["cells-after-the-transplant", "relapse-after-a-transplant"])
def test_a_conditioning_heading_is_the_transplants_where_the_cells_follow_one(summary: str, purpose: str) -> None:
    record = _page(brief_summary=summary,
                   detailed_description="CONDITIONING REGIMEN: Patients undergo total body irradiation on days -9 to -6.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("total body irradiation", purpose)]


# --- chemotherapy before enrolment, which the trial does not give ----------------------------------------------------

@pytest.mark.parametrize(("site", "number", "words"), [
    # ctv.veeva.com NCT01592422, an inclusion criterion: "Patients currently receiving 4-6 cycles of chemotherapy regimen
    # with VP-16 and a platinum-based drug as first-line therapy in the absence of disease progression"
    ("ctv.veeva.com", "NCT01592422", "chemotherapy regimen with VP-16"),
    # trial.medpath.com NCT02490735: "Patients who had completed chemotherapy" (a criterion), "In this study, the patients
    # will be treated with CIK cells after chemotherapy" (its summary)
    ("trial.medpath.com", "NCT02490735", "treated with CIK cells after chemotherapy"),
], ids=["currently-receiving-first-line", "had-completed-chemotherapy"])
def test_chemotherapy_that_precedes_enrolment_is_no_regimen(site: str, number: str, words: str) -> None:
    record = _held_out(site, number)
    assert [p.cell_type for p in record.cell_products] == ["CIK"]
    assert words in " ".join(filter(None, [record.brief_summary, *(c.text for c in record.criteria)]))
    assert record.regimens == []


# --- where the cells come from, said in other words -------------------------------------------------------------------

def test_til_generated_from_the_participants_resected_tumour_are_autologous() -> None:
    # meddatax.com NCT04052334, its study group: "Participants will undergo tumor resection from which the tumor
    # infiltrating lymphocyte (TIL) product will be generated." (the page never says "autologous")
    record = _held_out("meddatax.com", "NCT04052334")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("T", ["AUTOLOGOUS"])]


@pytest.mark.parametrize(("sentence", "donors"), [
    ("Participants will undergo tumor resection from which the tumor infiltrating lymphocyte (TIL) product will be "
     "generated.", ["AUTOLOGOUS"]),
    ("Patients will undergo leukapheresis from which the NK cells will be expanded.", ["AUTOLOGOUS"]),
    # a resection that is the trial's surgery, the cells given after it, says nothing of whose the cells are
    ("Patients will undergo tumor resection, after which NK cells will be infused.", []),
], ids=["tumour-resection-from-which-til", "leukapheresis-from-which-nk", "resection-after-which"])
def test_the_participants_tissue_the_product_is_made_from(sentence: str, donors: list) -> None:
    [product] = _page(title="Cells after resection", arms=[], interventions=[],
                      brief_summary=sentence).cell_products or [None]
    assert product is not None and product.donor_types == donors


def test_stem_cells_from_donated_umbilical_cords_in_three_monthly_infusions() -> None:
    # curemydisease.com NCT03186456: "This early-stage trial tests whether stem cells from donated umbilical cords are safe
    # for people who recently had a stroke. Forty participants will receive three monthly infusions of the cells along
    # with standard aspirin therapy." and "Active substance" / "human umbilical cord-derived mesenchymal stem cells"; the
    # title's "Cord blood stem cells" is not read as the tissue (the gold leaves it empty)
    record = _held_out("curemydisease.com", "NCT03186456")
    assert [(p.cell_type, p.donor_types, p.tissue_sources, p.infusions) for p in record.cell_products] == [
        (None, ["ALLOGENEIC"], [], 3)]


@pytest.mark.parametrize(("summary", "given"), [
    # the heading of a plain-language page names the trial's product
    ("Forty participants will take part. Active substance human umbilical cord-derived mesenchymal stem cells.", True),
    # umbilical cord stem cells only spoken of: no product
    ("Researchers will measure stem cells from donated umbilical cords in the laboratory.", False),
], ids=["active-substance", "measured"])
def test_the_active_substance_of_a_page_is_given(summary: str, given: bool) -> None:
    assert bool(_page(title="Stroke study", brief_summary=summary).cell_products) is given


# --- the registry's arms table describes the interventions a page lists by name ----------------------------------------

def test_the_arms_table_describes_the_intervention_the_page_lists() -> None:
    # clincosm.com NCT05017298: "• Biological: Allogeneic adipose-derived stem cells" in the conditions table, and under
    # "Arm Intervention/Treatment" / "Experimental: Study Group": "Biological: Allogeneic adipose-derived stem cells" /
    # "Culture expanded mesenchymal stem cells isolated from a patient's own abdominal fat tissue" / "Other Names:" /
    # "• Celltex-Ad" (its other names, no description)
    record = _held_out("clincosm.com", "NCT05017298")
    assert [(i.type, i.name, i.description) for i in record.interventions] == [
        ("BIOLOGICAL", "Allogeneic adipose-derived stem cells",
         "Culture expanded mesenchymal stem cells isolated from a patient's own abdominal fat tissue")]
    # "adipose-derived stem cells" and "mesenchymal stem cells" are one product: stromal cells named by their tissue
    [product] = record.cell_products
    assert (product.kind, product.donor_types, product.ex_vivo_expanded, product.infusions) == (
        "mesenchymal-stromal-cells", ["ALLOGENEIC"], True, 3)


# --- a Markdown record: its heading is the title, its typed list the interventions -------------------------------------

def test_a_markdown_record_gives_its_title_interventions_and_conditions() -> None:
    # api.ai-analytics.org/clinical/NCT03779711.md: "# Intramyocardial Injection of Autologous Umbilical Cord Blood Derived
    # Mononuclear Cells During Surgical Repair of Hypoplastic Left Heart Syndrome", "## Interventions" / "- **BIOLOGICAL:**
    # Autologous (self) mononuclear cells derived from umbilical cord blood" / "- **PROCEDURE:** Stage II Surgical repair",
    # "## Conditions studied" / "- Hypoplastic Left Heart Syndrome"; its collaborators "- [object Object]" name nobody, and
    # "## Primary source", "## Citation" after them are none
    record = _held_out("api.ai-analytics.org", "NCT03779711")
    assert record.title.startswith("Intramyocardial Injection of Autologous Umbilical Cord Blood Derived Mononuclear Cells")
    assert [(i.type, i.name) for i in record.interventions] == [
        ("BIOLOGICAL", "Autologous (self) mononuclear cells derived from umbilical cord blood"),
        ("PROCEDURE", "Stage II Surgical repair")]
    assert record.conditions == ["Hypoplastic Left Heart Syndrome"]
    assert [(s.name, s.role) for s in record.sponsors] == [("Timothy J Nelson, MD, PhD", "LEAD")]
    assert [(p.cell_type, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        (None, ["AUTOLOGOUS"], ["UMBILICAL_CORD_BLOOD"])]


def test_the_same_sites_record_of_a_follow_up_study_gives_no_cells() -> None:
    # api.ai-analytics.org/clinical/NCT02445222.md (tests/data/therapy-holdout4): "# CAR-T Long Term Follow Up (LTFU)
    # Study", "- **GENETIC:** Previously treated CAR-T patients": a follow-up of earlier recipients, no product
    record = _held_out("api.ai-analytics.org", "NCT02445222", HOLDOUT4)
    assert record.title == "CAR-T Long Term Follow Up (LTFU) Study"
    assert [(i.type, i.name) for i in record.interventions] == [("GENETIC", "Previously treated CAR-T patients")]
    assert record.cell_products == []


@pytest.mark.parametrize(("line", "title"), [
    ("# Intramyocardial Injection of Autologous Cells", "Intramyocardial Injection of Autologous Cells"),
    ("# source: https://api.ai-analytics.org/clinical/NCT03779711.md", None),  # a "label: value" line
    ("## Key facts", None),  # a second-level heading
], ids=["title", "label-line", "section-heading"])
def test_a_markdown_first_level_heading_is_a_title(line: str, title: str | None) -> None:
    from kg.read.layouts.generic import _markdown_title
    assert _markdown_title(line + "\n") == title
