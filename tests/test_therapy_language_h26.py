"""How trial texts and a layout say a thing, from the misses tests/data/therapy-holdout26/README.md lists (issue 17).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout26/pages) and on a nearby wording the rule must leave alone. The held-out pages stay a
measure: the tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from conftest import therapy_page as _page

from kg.model.records import Intervention


def _regimens(**fields) -> list[tuple[str, str]]:  # noqa: ANN003 - TrialRecord's fields
    return sorted((r.name, r.purpose) for r in _page(**fields).regimens)


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
