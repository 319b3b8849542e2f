"""How trial texts say a thing, from the gaps the ninth held-out corpus showed (tests/data/therapy-holdout9/README.md).

Each rule is about a layout or a way of saying something, tested on the real page's words (the page named) and, where
it matters, on wording the rule must leave alone. The held-out pages themselves stay a measure: the gold is unchanged.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import TESTS, read_enriched

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.cell_kinds import _cell_types
from kg.enrich.therapy.schedules import infusion_count, route
from kg.errors import DocumentError
from kg.model.records import Intervention, SourceDocument, TrialRecord
from kg.read.parse.labels import reading

HOLDOUT9 = TESTS / "data" / "therapy-holdout9" / "pages"


def _page(**fields: Any) -> TrialRecord:
    """A record as the generic reader gives a page of a site no layout module reads."""
    fields.setdefault("source", SourceDocument("p.txt", "0" * 64, "generic"))
    return describe_therapy(TrialRecord(**fields))


def _held_out(site: str, number: str) -> TrialRecord:
    [path] = (HOLDOUT9 / site).glob(f"*{number}*.txt")
    return read_enriched(path.read_bytes(), path.name)


# --- the generic reader: a registry's label of the number, under a label of the page's own ----------------------------

def test_a_registry_label_of_the_number_under_the_pages_own_label_keys_the_page() -> None:
    # gatewaycr.org (NCT04290546) ends its page "Trial Registration: ClinicalTrials.gov Identifier: NCT04290546": the
    # registry's own label of its number, under a label the table does not know; its summary opens with the background
    # and turns to the trial mid-paragraph ("... This phase I trial will establish the safety for cytokine-induced
    # memory-like (CIML) NK cells in combination with N-803 ...")
    record = _held_out("gatewaycr.org", "NCT04290546")
    assert record.source.layout == "generic"
    assert [i.value for i in record.identifiers] == ["NCT04290546"]
    assert record.brief_summary.startswith("This phase I trial will establish the safety for cytokine-induced")
    assert [p.cell_type for p in record.cell_products] == ["NK"]
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-15", "IN_VIVO_SUPPORT")]


@pytest.mark.parametrize(("line", "sections"), [
    ("Trial Registration: ClinicalTrials.gov Identifier: NCT04290546", {"registration": ["NCT04290546"]}),
    # a number named in a sentence after a label is the sentence's, not a label's: no section
    ("Background: the earlier trial (ClinicalTrials.gov Identifier: NCT01287104) showed NK cells are safe", {}),
    ("Note: This study is linked to NCT01287104", {}),
    # two numbers are no one trial's label
    ("Trial Registration: ClinicalTrials.gov Identifier: NCT01287104, NCT04290546", {}),
])
def test_only_a_registry_label_over_the_number_alone_labels_it(line: str, sections: dict) -> None:
    assert reading(line + "\n").sections == sections


def test_a_page_that_cites_another_trials_number_in_its_text_stays_refused() -> None:
    # the gatewaycr.org page without its labelled number, citing another trial in a sentence instead
    [path] = (HOLDOUT9 / "gatewaycr.org").glob("*.txt")
    text = path.read_text(encoding="utf-8").replace(
        "Trial Registration: ClinicalTrials.gov Identifier: NCT04290546",
        "Background: an earlier trial (ClinicalTrials.gov Identifier: NCT01287104) gave NK cells after a transplant.")
    with pytest.raises(DocumentError, match="unknown layout"):
        read_enriched(text.encode(), path.name)


# --- cell types --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kinds"), [
    # meddatax.com NCT06161545: "Pembrolizumab + N-803 Alone or in Combination With PD-L1 t-haNK Cells". The haNK family
    # (high-affinity NK cells of the NK-92 line) are NK cells; the contract's CAR_NK is for a product said to carry a CAR
    # (or chimeric antigen receptor), and this page says neither "CAR" nor "NK-92": NK, no cell line, no modification,
    # as the text gives (that the PD-L1 t-haNK carries a CAR is knowledge from outside the page, and a gold question).
    ("Pembrolizumab + N-803 Alone or in Combination With PD-L1 t-haNK Cells for Resectable Head and Neck Squamous Cell "
     "Carcinoma", ["NK"]),
    ("Some participants will also receive PD-L1 t-haNK cells by intravenous infusion.", ["NK"]),
    ("QUILT-3.064: PD-L1 t-haNK in Subjects With Locally Advanced or Metastatic Solid Cancers", ["NK"]),
    # a CAR said of them is a CAR-NK product
    ("haNK cells engineered to express a chimeric antigen receptor (CAR) against PD-L1", ["CAR_NK"]),
    # the cells' wash, Hank's balanced salt solution, in its own lower case, is none
    ("Cells were washed in Hank's balanced salt solution (HBSS)", []),
    # "SARS-CoV-2 Specific CTLs are a type of immune cells that are made from donated blood cells grown in the laboratory"
    # (cancer.gov NCT04742595); a CTL response is measured, not given
    ("SARS-CoV-2 Specific CTLs are a type of immune cells that are made from donated blood cells", ["T"]),
    ("CMV-specific CTL responses were measured by ELISpot", []),
    ("The frequency of EBV-specific CTLs will be measured after the transplant", []),
])
def test_cell_products_named_by_their_family_or_abbreviation(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_the_t_hank_product_and_its_n803_given_under_the_skin() -> None:
    # meddatax.com NCT06161545: "Pembrolizumab is given through a tube attached to a needle inserted into a vein in the arm
    # (intravenous infusion). N-803 is injected under the skin of the abdomen." / "Some participants will also receive
    # PD-L1 t-haNK cells by intravenous infusion. These are cells that attack cancer cells. These participants will
    # receive this treatment on days 1, 5, 8, 12, and 15."
    record = _held_out("meddatax.com", "NCT06161545")
    assert [(p.cell_type, p.donor_types, p.tissue_sources, p.genetically_modified, p.infusions)
            for p in record.cell_products] == [("NK", [], [], None, 5)]
    assert [(c.cytokine, c.role, c.route, c.number_of_doses, c.days) for c in record.cytokines] == [
        ("IL-15", "IN_VIVO_SUPPORT", "SUBCUTANEOUS", 1, "day 1")]


@pytest.mark.parametrize(("after", "doses"), [
    # meddatax.com NCT06161545: the sentence after those naming each drug gives them all on one day
    ("All participants will receive these 2 treatments on day 1.", 1),
    ("All participants will receive these 2 treatments on days 1 and 8.", None),
    ("All participants will receive these 2 treatments on day 1 of each cycle.", None),
])
def test_the_treatments_just_named_given_on_one_day_are_one_dose(after: str, doses: int | None) -> None:
    record = _page(title="Pembrolizumab + N-803 Alone or in Combination With PD-L1 t-haNK Cells",
                   brief_summary="N-803 is injected under the skin of the abdomen. " + after)
    assert [(c.cytokine, c.number_of_doses) for c in record.cytokines] == [("IL-15", doses)]


@pytest.mark.parametrize(("text", "expected"), [
    ("N-803 is injected under the skin of the abdomen.", "SUBCUTANEOUS"),
    ("IGF-1 is an injection under the skin that contains human IGF-1.", "SUBCUTANEOUS"),  # tests/data/ctgov-json NCT01525901
    ("The tumour had spread under the skin of the chest.", None),
])
def test_under_the_skin_is_subcutaneous(text: str, expected: str | None) -> None:
    assert route(text) == expected


# --- where the cells come from, and their making, in plain words -------------------------------------------------------

def test_cells_made_from_donated_blood_grown_in_the_laboratory() -> None:
    # cancer.gov NCI-2020-13875 (NCT04742595)
    record = _held_out("cancer.gov", "NCT04742595")
    assert [(p.cell_type, p.donor_types, p.tissue_sources, p.ex_vivo_expanded) for p in record.cell_products] == [
        ("T", ["ALLOGENEIC"], ["PERIPHERAL_BLOOD"], True)]


def test_a_graft_of_donated_blood_stem_cells_is_no_source_of_blood() -> None:
    record = _page(title="Virus-specific T cells after a transplant",
                   brief_summary="Patients will receive virus-specific T cells after a transplant of donated blood stem "
                                 "cells.", interventions=[Intervention("virus-specific T cells", "BIOLOGICAL")])
    assert [p.tissue_sources for p in record.cell_products] == [[]]


def test_the_plain_english_approach_called_specific_t_lymphocytes_is_the_trials_product() -> None:
    # stellatrials.com NCT04896606: "This study is testing a new approach called SARS-CoV-2-specific cytotoxic T lymphocytes
    # (immune cells trained to fight the COVID-19 virus) ... The immune cells come from a family member who has already
    # recovered from COVID-19"; "up to 5 times" is a bound, no count
    record = _held_out("stellatrials.com", "NCT04896606")
    assert [i.name for i in record.interventions] == ["SARS-CoV-2-specific cytotoxic T lymphocytes"]
    assert [(p.cell_type, p.donor_types, p.infusions) for p in record.cell_products] == [("T", ["ALLOGENEIC"], None)]


def test_pbmcs_separated_from_peripheral_blood_and_made_into_the_cells() -> None:
    # trial.medpath.com NCT04008381: "PBMCs will be separated from peripheral blood of suitable donors. After making them
    # potential cancer killer γδ T Cells, they will be infused to the patients as an immunotherapy treatment."
    record = _held_out("trial.medpath.com", "NCT04008381")
    assert [(p.cell_type, p.donor_types, p.tissue_sources, p.ex_vivo_expanded) for p in record.cell_products] == [
        ("T", ["ALLOGENEIC"], ["PERIPHERAL_BLOOD"], True)]


# --- how many infusions ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "count"), [
    # med.agiltrace.com NCT04365101 (the group "Phase I"): three days, the last after ", and"
    ("CYNK-001 infusions on Days 1, 4, and 7. CYNK-001 IV infusions administered at an initial desensitizing dose of "
     "150 × 106 cells on Day 1 followed by a dose of 600 × 106 cells on Days 4 and 7 plus best supportive care.", 3),
    # ClinicalTrials.gov NCT04678453's arms: one administration every three weeks for four cycles
    ("SNK01 (low dose) administered once every three weeks (Q3W) for four cycles.", 4),
    ("SNK01 (medium dose) administered Q3W for four cycles.", 4),
    # ClinicalTrials.gov NCT01729091's outline: the cells on one day, among the other drugs' days and schedules
    ("Patients receive elotuzumab intravenously (IV) over 2-5 hours on day -15 and -8, lenalidomide orally (PO) once daily "
     "(QD) on days -8 to -2, high-dose melphalan IV over 30 minutes on day -7, and UCB-derived NK cells IV over 1 hour on "
     "day -5. Patients undergo autologous stem cell transplant on day 0.", 1),
    # meddatax.com NCT06161545, the sentence that goes on about the cells just named
    ("These participants will receive this treatment on days 1, 5, 8, 12, and 15.", 5),
    # not a count: the cells on two days, or repeated
    ("NK cells IV over 1 hour on day -5 and day 2", None),
    ("NK cells IV over 1 hour on day 0, repeated every 28 days", None),
    ("administered every three weeks for up to four cycles", None),
])
def test_infusions_as_trial_texts_count_them(text: str, count: int | None) -> None:
    assert infusion_count(text) == count


def test_the_arms_that_list_the_intervention_described_as_the_cells_give_their_schedule() -> None:
    # ClinicalTrials.gov NCT04678453: "Experimental: Cohort 1 - Low dose SNK01" lists "Biological: SNK01", described
    # "Patient-specific ex vivo expanded autologous natural killer cells"; the arm's "administered once every three weeks
    # (Q3W) for four cycles" is the cells' schedule though no word of it names NK cells
    record = _held_out("clinicaltrials.gov", "NCT04678453")
    assert [(p.cell_type, p.donor_types, p.ex_vivo_expanded, p.infusions) for p in record.cell_products] == [
        ("NK", ["AUTOLOGOUS"], True, 4)]
