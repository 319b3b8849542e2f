"""Layout rules of the generic reader found on tests/data/generic-dev (real pages of sites no reader module is written
for): labels glued to their values, lettered intervention groups, the title under a labelled record number, and the
interventions' description kept out of the summary. Each test quotes the page it comes from.
"""

from __future__ import annotations

import json

import pytest
from conftest import TESTS, read_enriched

from kg.errors import DocumentError
from kg.model.identifiers import trial_key
from kg.read import read_text
from kg.read.parse.cues import title_after_labelled_number
from kg.read.parse.labels import label_of

CORPUS = TESTS / "data" / "generic-dev"


def _read(relative: str):
    path = CORPUS / "pages" / relative
    return read_enriched(path.read_bytes(), path.name)


def test_a_label_ending_in_s_glued_to_its_value_opens_its_field():
    # rctportal.niph.go.jp jRCT2053210009: "Intervention(s)2.5 x 10^6 cells/kg of UDI-001 are administered intravenously."
    line = "Intervention(s)2.5 x 10^6 cells/kg of UDI-001 are administered intravenously."
    assert label_of(line, glued=True) == ("interventions", "2.5 x 10^6 cells/kg of UDI-001 are administered intravenously.")
    # … and a lettered list glued to its label (isrctn.com ISRCTN47591706)
    assert label_of("Intervention[A] Control group receiving only myocardial revascularisation", glued=True) == (
        "interventions", "[A] Control group receiving only myocardial revascularisation")
    # a label glued to a lower-case word is no label ("Interventionally …")
    assert label_of("Interventionally treated", glued=True) == (None, None)


def test_the_title_under_a_labelled_record_number_past_its_dates():
    record = _read("rctportal.niph.go.jp/jRCT2053210009-uc-msc-cerebral-palsy.txt")
    assert trial_key(record.identifiers) == "jRCT2053210009"
    # "JRCT ID: jRCT2053210009" / "Registered date:21/04/2021" / the title
    assert record.title == "A Clinical Study of UC-MSCs for Pediatric Patients with Cerebral Palsy"
    assert "2.5 x 10^6 cells/kg of UDI-001 are administered intravenously" in (record.detailed_description or "")


def test_a_labelled_number_over_a_sentence_gives_no_title():
    from kg.model.records import Identifier

    identifiers = [Identifier("NCT00001823", "NCT")]
    assert title_after_labelled_number("NCT ID: NCT00001823\nThe NCI Surgery Branch has developed experimental "
                                       "therapies that involve taking white blood cells.", identifiers) is None
    assert title_after_labelled_number("Trial ID: NCT00001823\nRegistered: 2020-01-02\nA Study of NK Cells in Acute "
                                       "Myeloid Leukemia", identifiers) == "A Study of NK Cells in Acute Myeloid Leukemia"
    # a number the page names on a line that labels another trial's number is not its record's head
    assert title_after_labelled_number("Related study: NCT00001823\nA Study of NK Cells in Acute Myeloid Leukemia",
                                       [Identifier("NCT05128786", "NCT")]) is None


def test_lettered_intervention_groups_are_the_arms():
    # isrctn.com ISRCTN47591706: "Intervention[A] Control group receiving only myocardial revascularisation" /
    # "[B] Direct injection into the scar muscle of self bone marrow mononuclear cells …" / "[C] Intravascular …"
    record = _read("isrctn.com/ISRCTN47591706-bone-marrow-cells-heart-scar.txt")
    assert [arm.label for arm in record.arms] == [
        "Control group receiving only myocardial revascularisation",
        "Direct injection into the scar muscle of self bone marrow mononuclear cells in addition to myocardial "
        "revascularisation",
        "Intravascular administration of self bone marrow into the graft used for myocardial revascularisation"]
    assert [i.name for i in record.interventions] == [arm.label for arm in record.arms]
    # the glued "Study objectivesStudy the efficacy …" is the description, not the empty "Scientific title" above it
    assert record.title == ("Efficacy of the mode of delivery of autologous bone marrow cells into heart scar muscle for "
                            "the recovery of contractile function")
    assert (record.detailed_description or "").startswith("Study the efficacy of the intravascular")
    # 'Intervention typeProcedure/Surgery' ends the list, it is no group
    assert len(record.interventions) == 3


def test_the_interventions_description_is_no_summary():
    # anzctr.org.au ACTRN12614000812695: "Description of intervention(s) / exposure" / "This study will determine the
    # efficacy of autologous adipose derived mesenchymal stem cell injections …" (the Brief summary is further down)
    record = _read("anzctr.org.au/ACTRN12614000812695-msc-injections-knee-cartilage.txt")
    assert record.brief_summary is None
    assert "autologous adipose derived mesenchymal stem cell injections" in (record.detailed_description or "")


@pytest.mark.parametrize("relative", ["trials.co/NCT05128786-cct301-38-car-t-sarcoma-number-only-in-url.txt",
                                      "webhealthnetwork.com/id-60962-cmv-specific-t-cells-no-number.txt"])
def test_a_page_whose_text_gives_no_number_is_refused(relative):
    path = CORPUS / "pages" / relative
    with pytest.raises(DocumentError):
        read_text(path.read_bytes(), path.name)


def test_the_generic_dev_corpus_stays_right():
    import importlib.util

    spec = importlib.util.spec_from_file_location("generic_dev", TESTS / "benchmarks" / "generic_dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    wrong = {entry["page"]: [name for name, ok in module.fields(entry).items() if not ok] for entry in expected}
    assert {page: names for page, names in wrong.items() if names} == {}


def test_the_registrys_arms_table_flattened_under_its_header_gives_arms_and_interventions():
    # clincosm.com NCT05371730: "Arms and Interventions" / "Arm Intervention/Treatment" / "Experimental: NK cells" /
    # "Drug: NCR300" / "Intravenous infusion of NK cells(NCR300)" / "Outcome Measures"
    path = TESTS / "data" / "pages" / "clincosm.com" / "NCT05371730-relapsed-refractory-mds-ncr300.txt"
    record = read_enriched(path.read_bytes(), path.name)
    assert [(a.label, a.type, a.interventions) for a in record.arms] == [("NK cells", "EXPERIMENTAL", ["NCR300"])]
    assert [(i.name, i.type, i.description) for i in record.interventions] == [
        ("NCR300", "DRUG", "Intravenous infusion of NK cells(NCR300)")]


def test_an_arms_table_header_without_typed_rows_gives_nothing():
    from kg.read.layouts.generic import _arms_table

    # a header over prose (no "Type: label" row) is no table; the table ends at the page's next label
    assert _arms_table(["Arm Intervention/Treatment", "Patients will be followed for 2 years."]) == ([], [])
    arms, interventions = _arms_table(["Arm | Intervention/treatment |", "Experimental: CAR-CD19-T Cells",
                                       "The subjects are enrolled into 3 dose levels cohorts in sequence.",
                                       "Biological: CAR-CD19 T Cells", "Primary Outcome Measures:", "Drug: Not a row"])
    assert [(a.label, a.description, a.interventions) for a in arms] == [
        ("CAR-CD19-T Cells", "The subjects are enrolled into 3 dose levels cohorts in sequence.", ["CAR-CD19 T Cells"])]
    assert [i.name for i in interventions] == ["CAR-CD19 T Cells"]
