"""The reader gaps of the seventh pages held-out corpus (tests/data/pages-holdout7; the misses its gold README lists):
each rule read from the real page's words, beside a nearby wording it must leave alone.
"""

from __future__ import annotations

from pathlib import Path

from conftest import therapy_page

from kg.enrich.prose import complete_from_prose
from kg.enrich.therapy import describe_therapy
from kg.model.records import Arm, Intervention
from kg.model.vocab import lookup
from kg.read import read_text
from kg.read.layouts import ctgov_classic
from kg.read.parse.labels import label_of, reading

PAGES = Path(__file__).parent / "data" / "pages-holdout7"


def _record(site: str, name: str = ""):
    page = next((PAGES / site).glob(f"{name}*.txt"))
    return read_text(page.read_bytes(), page.name)


def test_the_niph_portal_record_with_labels_glued_to_values():
    # "Target sample size4", "Date of first enrollment05/02/2025", "Age minimum>= 20age old", "Age maximum< 60age old",
    # "Intervention(s)High tibial osteotomy Allogeneic cell sheet implantation on cartilage defects"
    record = _record("rctportal.niph.go.jp")
    assert record.enrollment == 4
    assert record.start_date == "2025-02-05"  # the portal prints its dates day first
    assert (record.min_age_years, record.max_age_years) == (20, 60)
    assert [i.name for i in record.interventions] == [
        "High tibial osteotomy", "Allogeneic cell sheet implantation on cartilage defects"]
    texts = [(c.kind, c.text) for c in record.criteria]
    assert texts[0] == ("INCLUSION", "20 to 60 years of age, either male or female")
    assert texts[5] == ("EXCLUSION", "Patients for whom it is difficult to obtain informed consent")
    assert len(texts) == 7 and not any("following" in text or "Age m" in text for _, text in texts)


def test_a_day_and_month_in_digits_stay_unread_off_the_niph_portal():
    # the same glued line on a page without the portal's "JRCT ID:" head: 05/02/2025 may be either date
    text = ("NCT01234567\nTitleA trial\nStudy typeInterventional\nGenderBoth\nDate of first enrollment05/02/2025\n"
            "Target sample size4\n")
    record = read_text(text.encode(), "page.txt")
    assert record.start_date is None
    assert record.enrollment == 4


def test_umin_keeps_its_index_on_labels_of_texts_not_on_a_count():
    assert label_of("Narrative objectives1") == ("detailed_description", None)
    assert label_of("Interventions/Control_1") == ("interventions", None)
    assert label_of("Target sample size4", glued=True) == ("enrollment", "4")


def test_the_umin_intervention_fields_are_labels_not_interventions():
    # "No. of arms" / "1" / "Purpose of intervention" / "Treatment" / "Type of intervention" / "Device,equipment" /
    # "Interventions/Control_1" / "We confirm the status of cartilage defect"; "Blinding" / "Open -no one is blinded"
    record = _record("umin.ac.jp")
    assert [i.name for i in record.interventions] == ["We confirm the status of cartilage defect"]
    assert record.primary_purpose == "TREATMENT"
    assert record.masking == "NONE"
    assert lookup("masking", "Open -no one is blinded") == "NONE"
    assert lookup("masking", "Single blind -participants are blinded") != "NONE"  # UMIN's wording of a blinded trial


def test_isrctn_protocol_serial_number_and_funder():
    # "Protocol serial number CS/2008/3027", "Funder National Institute for Health Research (NIHR) (UK) - Biomedical
    # Research Unit" beside "Sponsor University Hospitals Bristol NHS Foundation Trust (UK)"
    record = _record("isrctn.com")
    assert ("CS/2008/3027", "ORG") in [(i.value, i.scheme) for i in record.identifiers]
    assert [(s.name, s.role) for s in record.sponsors] == [
        ("University Hospitals Bristol NHS Foundation Trust (UK)", "LEAD"),
        ("National Institute for Health Research (NIHR) (UK) - Biomedical Research Unit", None)]
    # ctv.veeva.com's "Funder types" heads the kinds of its funders, no funder
    assert reading("NCT01234567\nFunder types\nOther\n").sections.get("funders") is None


def test_a_summary_naming_its_interventions_in_a_bulleted_run():
    # ignite-sd.com NCT07358260's brief summary: "The names of the treatment interventions used in this study are: *
    # B7-H3.CD28Z.CART / B7-H3 CAR T cells * Fludarabine * Cyclophosphamide"
    record = _record("ignite-sd.com")
    assert [i.name for i in record.interventions] == [
        "B7-H3.CD28Z.CART / B7-H3 CAR T cells", "Fludarabine", "Cyclophosphamide"]


# --- rule gaps: products without a cell-type token, and a design statement's masking ---------------------------------


def test_cell_sheets_implanted_are_a_product():
    # rctportal.niph.go.jp jRCTa030240663: "Allogeneic cell sheet implantation on cartilage defects"; umin.ac.jp
    # UMIN000006650: "Chondrocyte sheets are fabricated using temperature-responsive culture dish, and to be transplanted
    # to the cartilage defect of the knee joint"
    assert [(p.kind, p.donor_types, p.ex_vivo_expanded) for p in describe_therapy(_record("rctportal.niph.go.jp")).cell_products] \
        == [("cell-sheets", ["ALLOGENEIC"], None)]
    assert [(p.kind, p.ex_vivo_expanded) for p in describe_therapy(_record("umin.ac.jp")).cell_products] == [
        ("cell-sheets", True)]
    # ISRCTN's "Study type Participant information sheet" and a data sheet are no cells
    assert therapy_page(title="A trial of aspirin", interventions=[Intervention("Participant information sheet")],
                        brief_summary="Data will be entered on a case report sheet and a cell culture sheet.").cell_products == []


def test_cd133_stem_cells_transplanted_into_the_tissue_they_treat():
    # isrctn.com ISRCTN71717097: "The aim of this study is to determine the effects of CD133+ autologous stem cells
    # transplantation in and around asynergic non-viable left ventricular (LV) segments in patients with …"
    products = describe_therapy(_record("isrctn.com")).cell_products
    assert [(p.kind, p.donor_types) for p in products] == [("cd34-cd133-stem-cells", ["AUTOLOGOUS"])]
    # a transplant of CD34+ stem cells in patients is the patients' graft, no product
    assert therapy_page(title="A study of aspirin", brief_summary="Aspirin after CD34+ autologous stem cell transplantation "
                        "in patients with myeloma.").cell_products == []


def test_cells_named_by_a_group_whose_description_gives_them():
    # meddatax.com NCT06429241's one group: "MSCs treatment group" / "Intralesional injection of expanded human umbilical
    # cord-deri" (cut by the page)
    products = describe_therapy(_record("meddatax.com", "NCT06429241")).cell_products
    assert [(p.cell_type, p.donor_types, p.ex_vivo_expanded) for p in products] == [(None, [], True)]
    # a group named so whose description gives nothing
    assert therapy_page(title="Follow-up of fistula patients", arms=[Arm("MSC group", description="Follow-up visits only")]
                        ).cell_products == []


def test_a_design_statement_states_the_masking():
    # clinicaltrials.gov NCT00285454 (the classic page): "Study Design:" / "A phase I/II, randomised, double-blind, placebo
    # controlled, single-centre study of bone marrow mononuclear cells …", a paragraph of its description
    record = complete_from_prose(_record("clinicaltrials.gov"))
    assert (record.allocation, record.masking) == ("RANDOMIZED", "DOUBLE")
    # isrctn.com ISRCTN71717097: "Study designDouble-blind randomised placebo-controlled trial"
    assert _record("isrctn.com").masking == "DOUBLE"
    # a summary's double-blind trial that is another study's (stated_masking's doctest has more)
    other = therapy_page(title="Cells for heart failure", brief_summary="A previous double-blind trial showed a benefit.")
    assert complete_from_prose(other).masking is None


def test_the_classic_pages_design_rows_still_end_its_description():
    lines = ["Condition or disease | Intervention/treatment | Phase |", "---|---|---|", "Cancer | Drug: X | Phase 1 |",
             "A study of X.", "Study Design:", "Allocation: Randomized", "Masking: None (Open Label)"]
    assert ctgov_classic._description(lines) == "A study of X."
