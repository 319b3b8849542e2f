"""How trial texts and a layout say a thing, from the misses tests/data/therapy-holdout26/README.md lists (issue 17).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout26/pages) and on a nearby wording the rule must leave alone. The held-out pages stay a
measure: the tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy.quantities import cell_doses
from kg.model.records import Intervention
from kg.read import read_text


def _regimens(**fields) -> list[tuple[str, str]]:  # noqa: ANN003 - TrialRecord's fields
    return sorted((r.name, r.purpose) for r in _page(**fields).regimens)


# utm-ext01a.mdacc.tmc.edu/NCT00338377-lymphodepletion-adoptive-t-cells-dendritic-cells-il-2-melanoma.txt: every value glued
# to its label's colon
MDACC = """MDACC Study No:2004-0069 ( NCT No: NCT00338377)
Title:Lymphodepletion Plus Adoptive Cell Transfer With or Without Dendritic Cell Immunization in Patients With Metastatic Melanoma
Principal Investigator:Patrick Hwu
Treatment Agent:Cyclophosphamide; Filgrastim; Fludarabine; Interleukin-2; Mesna; Ondansetron Hydrochloride; Pegfilgrastim
Study Status:Open
Study Description:The goal of the main part of this clinical research study is to learn if a
vaccine prepared from special blood cells (dendritic cells) will improve the
function of tumor fighting immune cells (T cells) specific for melanoma.

Disease Group:Melanoma
Phase of Study:Phase II
Treatment Agents:Cyclophosphamide
Ondansetron Hydrochloride
Treatment Location:Only at MDACC
"""


def test_a_protocol_page_that_glues_its_values_to_their_labels_is_read_by_its_labels() -> None:
    record = read_text(MDACC.encode(), "NCT00338377.txt")
    assert record.brief_summary.startswith("The goal of the main part of this clinical research study")
    assert record.brief_summary.endswith("specific for melanoma.")  # "Disease Group:Melanoma" ends it
    assert [i.name for i in record.interventions] == ["Cyclophosphamide", "Filgrastim", "Fludarabine", "Interleukin-2",
                                                      "Mesna", "Ondansetron Hydrochloride", "Pegfilgrastim"]


def test_a_study_description_heading_and_labels_written_with_a_space_keep_their_reading() -> None:
    # "Study Description" alone over the registry's "Brief Summary" (clincosm.com, clinicaltrials.gov's old view) opens nothing
    record = read_text(b"NCT01234567\nTitle: NK cells in AML\nStudy Description\nBrief Summary:\nNK cells are given to patients.\n"
                       b"Note: cells are counted at 10:30\n", "p.txt")
    assert record.brief_summary == "NK cells are given to patients."
    # on a page written "Label: value", an unknown label glued to its value does not end the field ("Note:The" is text)
    record = read_text(b"NCT01234567\nTitle: NK cells in AML\nBrief Summary: NK cells are given to patients\nNote:The cells are "
                       b"expanded.\nStatus: Recruiting\n", "p.txt")
    assert record.brief_summary == "NK cells are given to patients Note:The cells are expanded."


def test_drugs_listed_without_a_purpose_in_a_trial_titled_by_its_lymphodepletion_are_that_lymphodepletion() -> None:
    interventions = [Intervention("Cyclophosphamide"), Intervention("Fludarabine"), Intervention("Mesna")]
    about = ("These special blood cells and immune cells will be taken from the donor's blood and grown in the laboratory "
             "and then given back to the patient.")
    title = "Lymphodepletion Plus Adoptive Cell Transfer With or Without Dendritic Cell Immunization in Patients With Melanoma"
    assert _regimens(title=title, brief_summary=about, interventions=interventions) == [
        ("Cyclophosphamide", "LYMPHODEPLETION"), ("Fludarabine", "LYMPHODEPLETION")]
    # a title that says chemotherapy keeps it (api.ai-analytics.org NCT00670748: "Chemotherapy Followed by ESO-1
    # Lymphocytes and Aldesleukin to Treat Metastatic Cancer")
    assert _regimens(title=title.replace("Lymphodepletion", "Chemotherapy"), brief_summary=about,
                     interventions=interventions) == [("Cyclophosphamide", "CHEMOTHERAPY"), ("Fludarabine", "CHEMOTHERAPY")]


# api.ai-analytics.org/NCT00670748-anti-ny-eso-1-tcr-pbl-aldesleukin-chemotherapy.txt
ESO_TITLE = "Chemotherapy Followed by ESO-1 Lymphocytes and Aldesleukin to Treat Metastatic Cancer"
ESO_INTERVENTIONS = [Intervention("Anti-NY ESO-1 T-cell receptor PBL", "BIOLOGICAL"), Intervention("aldesleukin", "DRUG"),
                     Intervention("Cyclophosphamide", "DRUG"), Intervention("fludarabine phosphate", "DRUG"),
                     Intervention("ALVAC NY ESO-1 vaccine", "BIOLOGICAL")]


def test_lymphocytes_named_by_the_receptor_put_in_them_are_a_modified_t_product() -> None:
    record = _page(title=ESO_TITLE, interventions=ESO_INTERVENTIONS)
    assert _products(record) == [("T", [], [], None, True, None)]
    assert sorted((r.name, r.purpose) for r in record.regimens) == [
        ("Cyclophosphamide", "CHEMOTHERAPY"), ("fludarabine phosphate", "CHEMOTHERAPY")]
    # the receptors of the patients' own lymphocytes, measured, are none
    assert _products(_page(title="T-cell receptor repertoire of PBL after chemotherapy in melanoma")) == []


# meddatax.com/NCT05887882-feeder-expanded-unrelated-donor-nk-intratumoral-brain-tumors.txt
FEEDER_ABOUT = ("NK cells from unrelated donors will be propagated ex vivo with genetically-modified feeder cells and given "
                "into the tumour through an Ommaya reservoir.")


def test_a_feeder_named_by_its_modification_is_the_feeder_and_the_product_stays_unmodified() -> None:
    record = _page(title="Intratumoral NK cells for brain tumors", brief_summary=FEEDER_ABOUT)
    assert [(p.cell_type, p.feeder_cells, p.genetically_modified) for p in record.cell_products] == [
        ("NK", "genetically-modified feeder cells", None)]
    # inclinicaltrials.com NCT05250362: "a non-feeder cell regimen" names no feeder
    record = _page(title="Expanded NK cells after transplant",
                   brief_summary="Investigators expand NK cells ex vivo with a non-feeder cell regimen to avoid the risk "
                                 "of infusion of feeder cells with expanded NK cells.")
    assert [p.feeder_cells for p in record.cell_products] == [None]


def test_a_regimen_named_by_its_acronym_is_one_row() -> None:
    # trialfinderdata.org NCT05634369
    gem_dox = ("This study tests whether adding TGFβ-imprinted NK cells to the sarcoma chemotherapy regimen GEM/DOX "
               "(gemcitabine and docetaxel) can improve outcomes in people with childhood sarcomas.")
    assert _regimens(title="Universal donor NK cells with GEM/DOX", brief_summary=gem_dox) == [
        ("GEM/DOX (gemcitabine and docetaxel)", "CHEMOTHERAPY")]
    # trial.medpath.com NCT05909098
    gemox = "The intervention was R-GemOx regimen combined with autologous NK cells."
    assert _regimens(title="Autologous NK cells in B-cell lymphoma", brief_summary=gemox) == [("R-GemOx", "CHEMOTHERAPY")]
    # antigens are no acronym of a regimen, and a lymphodepletion's drugs keep their reading
    assert _regimens(title="CAR-T cells", brief_summary="The CD19/CD22 regimen of CAR T cells is given once.") == []
    assert _regimens(title="NK cells", brief_summary="NK cells are given after a Flu/Cy lymphodepletion regimen.") == [
        ("Flu/Cy", "LYMPHODEPLETION")]


def test_a_conditioning_therapy_named_by_its_intensity_is_the_transplants_conditioning() -> None:
    # inclinicaltrials.com NCT05250362
    about = "Investigators infuse NK cells after myeloablative conditioning therapy."
    assert _regimens(title="Expanded NK cells after haploidentical transplant", brief_summary=about) == [
        ("myeloablative conditioning therapy", "CONDITIONING")]
    # a regimen with no purpose word ("a non-feeder cell regimen") is none
    assert _regimens(title="Expanded NK cells", brief_summary="Investigators expand NK cells ex vivo with a non-feeder "
                                                              "cell regimen.") == []


def test_a_dose_per_body_surface_area_is_no_count_of_cells() -> None:
    # trial.medpath.com NCT05909098 ("109" is 10^9, its superscript lost)
    assert cell_doses("The dose of autologous NK cells was body surface area x (2-4) x 109 cells.") == []
    assert cell_doses("patients received 1 x 10^9 NK cells x BSA") == []
    # the count alone, and body surface area said elsewhere, stay cells
    assert [d.minimum for d in cell_doses("The dose of autologous NK cells was (2-4) x 109 cells.")] == [2e9]
    assert [d.minimum for d in cell_doses("a dose of 2 x 10^9 cells; body surface area was measured")] == [2e9]
