"""Reader gaps tests/data/pages-holdout4-gold/README.md lists: CTRI's view with change flags (a "Modification(s)" line
between each label and its value; label and value on one line two spaces apart; the protocol number in the secondary-id
table; the funder under "Source of Monetary or Material Support"), CRIS's Korean labels, ISRCTN's numbered trial groups,
the WHO record view's day-first dates, and cell products named only in titles (CD34+/CD133+ stem cells, bone marrow
derived cells, co-transplanted MSC, a hyphenated "chimeric-antigen-receptor"). Each test quotes the real page's words (the pages are
in tests/data/pages-holdout4), with a nearby wording the rule must leave alone; the held-out pages stay a measure.
"""

from __future__ import annotations

from conftest import TESTS, generic_page, read_enriched, therapy_page

from kg.model.identifiers import listed_identifiers
from kg.read.parse.fields import parse_date
from kg.read.parse.labels import label_of, reading

PAGES = TESTS / "data" / "pages-holdout4"
CTRI = (PAGES / "ctri.nic.in" / "CTRI-2013-10-004099-bone-marrow-autologous-cells-acute-paraplegia.txt").read_text()


# --- 1. CTRI's view with change flags ------------------------------------------------------------------------------

def test_ctri_change_flags_are_no_values() -> None:
    # "Public Title of Study" / "Modification(s)" / "A clinical trial to study ...": the flag is no title
    record = generic_page(CTRI)
    assert record.title == ("A clinical trial to study the safety and efficacy of Bone marrow derived autologous cells for "
                            "the treatment of Acute Paraplegia")
    # a line that only opens with the word is a value ("Modification(s) of the protocol were approved")
    found = reading("Public Title of Study\nModification(s) of the protocol were approved\n")
    assert found.sections["title"] == ["Modification(s) of the protocol were approved"]


def test_ctri_label_and_value_two_spaces_apart() -> None:
    # "Type of Trial  Interventional", "Study Design  Single Arm Study"
    record = generic_page(CTRI)
    assert (record.study_type, record.intervention_model) == ("INTERVENTIONAL", "SINGLE_GROUP")
    assert label_of("Study Design  Single Arm Study ") == ("study_design", "Single Arm Study")
    # one space apart, or a lower-case sentence after the gap, is no label row
    assert label_of("Study Design Single Arm Study") == (None, None)
    assert label_of("Study design  is single arm") == (None, None)


def test_ctri_protocol_number_in_secondary_id_table() -> None:
    # "Secondary ID  Registry" / "CSCC/BMAP/2011/01  Protocol Number"
    record = generic_page(CTRI)
    assert ("CSCC/BMAP/2011/01", "ORG") in [(i.value, i.scheme) for i in record.identifiers]
    # the kind one space apart is part of a line of words, no id of its own
    assert [i.value for i in listed_identifiers(["CSCC/BMAP/2011/01  Protocol Number"])] == ["CSCC/BMAP/2011/01"]
    assert [i.value for i in listed_identifiers(["Registry"])] == []


def test_ctri_funder_is_a_sponsor_with_no_role() -> None:
    # "Source of Monetary or Material Support" / "Modification(s)" / "Chaitanya Vaidyakeeya Seva Sanstha, 44/2 Hill View
    # Society, Paud Phata, ..."
    record = generic_page(CTRI)
    assert [(o.name, o.role) for o in record.sponsors] == [("Chaitanya Vaidyakeeya Seva Sanstha", None)]
    # a funder that is the primary sponsor is one organisation, its role the sponsor's
    page = ("CTRI Number  CTRI/2010/091/000234 [Registered on: 01/04/2010]\nSource of Monetary or Material Support\n"
            "Institute of Cellular Therapies\nPrimary Sponsor\nName  Institute of Cellular Therapies\n")
    assert [o.name for o in generic_page(page).sponsors].count("Institute of Cellular Therapies") <= 1


# --- 2. the WHO ICTRP record view's dates, day first -----------------------------------------------------------------

WHO = (PAGES / "apps.who.int" / "ISRCTN15677760-cd34-stem-cells-acute-ischemic-stroke.txt").read_text()


def test_who_enrolment_date_is_day_first() -> None:
    # "Date of registration: 23/04/2018" / "Date of first enrolment: 01/05/2018": ICTRP's dates are day first
    record = read_enriched(WHO.encode(), "page.txt")
    assert record.start_date == "2018-05-01"
    # elsewhere a date both orders make stays unread ("05/01/2016" with no weekday, aamds.org)
    assert parse_date("05/01/2016") is None
    assert parse_date("01/05/2018", day_first=True) == "2018-05-01"


# --- 3. ISRCTN's numbered trial groups ------------------------------------------------------------------------------

ISRCTN = (PAGES / "isrctn.com" / "ISRCTN91288089-cd133-stem-cells-gcsf-cirrhosis.txt").read_text()


def test_isrctn_trial_groups_are_arms() -> None:
    # "InterventionTrial Group 1: Standard conservative management" / "Trial Group 2: GCSF (Lenograstim) 15 µg"
    record = generic_page(ISRCTN)
    assert [(a.label, a.description, a.interventions) for a in record.arms] == [
        ("Trial Group 1", "Standard conservative management", []),
        ("Trial Group 2", "GCSF (Lenograstim) 15 µg", ["GCSF (Lenograstim)"])]
    assert [i.name for i in record.interventions] == ["GCSF (Lenograstim)"]


def test_one_group_or_a_sentence_is_no_arm_list() -> None:
    # a single group line, or groups named in a sentence, make no arms of their own
    page = ("ISRCTN ISRCTN91288089\nStatus  Completed\nIntervention\nTrial Group 2: GCSF (Lenograstim) 15 µg\n")
    assert [a.label for a in generic_page(page).arms] != ["Trial Group 2"]
    page = ("ISRCTN ISRCTN91288089\nStatus  Completed\nIntervention\nPatients in trial group 1 receive care; in group 2 "
            "GCSF.\n")
    assert generic_page(page).arms == []


# --- 4. CRIS's Korean labels ------------------------------------------------------------------------------------------

CRIS = (PAGES / "cris.nih.go.kr" / "KCT0005020-cte-stomach-symptoms.txt").read_text()


def test_cris_korean_labels() -> None:
    # "CRIS등록번호 KCT0005020", "연구고유번호 KUMC 2019-11-010-001", "요약제목" / "국문" / (Korean) / "영문" / (English)
    record = generic_page(CRIS)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("KCT0005020", "OTHER"), ("KUMC 2019-11-010-001", "ORG")]
    assert record.title == ("A 8 week, Multi-center, Randomized, Double-blind, Placebo-Controlled Clinical Trial for the "
                            "Evaluation of the Efficacy and Safety of CTE on Stomach Symptom")
    enriched = read_enriched(CRIS.encode(), "page.txt")
    assert (enriched.allocation, enriched.masking) == ("RANDOMIZED", "DOUBLE")
    # the label's words opening a Korean sentence, and the register's note naming it, are no labels
    assert label_of("연구제목에 관한 설명") == (None, None)
    assert label_of("CRIS 필수등록항목입니다.") == (None, None)
    # a language tag outside a title is no tag: the Korean version under another field is kept
    found = reading("Brief summary\n국문\nA study of CTE\n")
    assert found.sections["brief_summary"] == ["국문", "A study of CTE"]


# --- 5. cell products named only in titles ---------------------------------------------------------------------------

def test_hyphenated_chimeric_antigen_receptor_t_cells() -> None:
    # chictr.org.cn ChiCTR-OOC-16007779: "A clinical study of CD19-chimeric-antigen-receptor-tranduced T cells in the
    # treatment of chemotherapy resistant or refractory B cell malignancy"
    record = therapy_page(title="A clinical study of CD19-chimeric-antigen-receptor-tranduced T cells in the treatment of "
                                "chemotherapy resistant or refractory B cell malignancy")
    assert [(p.cell_type, p.genetically_modified) for p in record.cell_products] == [("CAR_T", True)]
    # the words hyphenated with no T cells after them name no CAR-T product
    assert therapy_page(title="Chimeric-antigen-receptor signalling in B cell malignancy").cell_products == []


def test_msc_co_transplanted_are_given() -> None:
    # WHO ICTRP NCT02247973: "Mesenchymal Stem Cells Co-transplantation in Alternative Donor Transplantation of Severe
    # Aplastic Anemia." / "Co-transplantation With Bone Marrow Derived Mesenchymal Stem Cells From Related Donors"
    record = therapy_page(title="Mesenchymal Stem Cells Co-transplantation in Alternative Donor Transplantation of Severe "
                                "Aplastic Anemia.",
                          official_title="Phase?Trial of Co-transplantation With Bone Marrow Derived Mesenchymal Stem Cells "
                                         "From Related Donors in Alternative Donor Transplantation of Severe Aplastic Anemia.")
    assert [(p.kind, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        ("mesenchymal-stromal-cells", ["ALLOGENEIC"], ["BONE_MARROW"])]
    # mesenchymal stem cells a transplant's patients are measured for are not given
    assert therapy_page(title="Mesenchymal Stem Cells of the Marrow After Alternative Donor Transplantation").cell_products == []


def test_cd34_cd133_stem_cells_given() -> None:
    # isrctn.com ISRCTN91288089: "repeated autologous infusions of granulocyte colony stimulating factor (GCSF) mobilised
    # CD133+ bone marrow stem cells in patients with cirrhosis"; WHO ICTRP ISRCTN15677760: "intra-carotid arterial
    # transfusion of autologous peripheral blood-derived stem cell/progenitor cell (CD34+) therapy"
    for title in ("A multicentre, phase II, open-label, randomised controlled trial of repeated autologous infusions of "
                  "granulocyte colony stimulating factor (GCSF) mobilised CD133+ bone marrow stem cells in patients with "
                  "cirrhosis",
                  "An investigation of the therapeutic impact of intra-carotid arterial transfusion of autologous peripheral "
                  "blood-derived stem cell/progenitor cell (CD34+) therapy on acute ischemic stroke"):
        assert [p.kind for p in therapy_page(title=title).cell_products] == ["cd34-cd133-stem-cells"]
    # a graft's count of CD34+ cells, and CD34+ stem cells counted in the blood, are no product
    assert therapy_page(title="CD34+ cells/kg in the Graft and Survival After Transplantation").cell_products == []
    assert therapy_page(title="Circulating CD34+ stem cells in patients with cirrhosis").cell_products == []
    # (a transplant's "CD34+ stem cell graft" is the graft: tests/test_therapy_holdout13_wording.py)


def test_bone_marrow_derived_cells_for_the_treatment_of() -> None:
    # ctri.nic.in CTRI/2013/10/004099: "A clinical trial to study the safety and efficacy of Bone marrow derived autologous
    # cells for the treatment of Acute Paraplegia"
    record = read_enriched(CTRI.encode(), "page.txt")
    assert [(p.kind, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        ("bone-marrow-derived-cells", ["AUTOLOGOUS"], ["BONE_MARROW"])]
    # bone marrow derived cells a study counts are none
    assert therapy_page(title="Bone marrow derived cells in the blood of patients with Acute Paraplegia").cell_products == []
