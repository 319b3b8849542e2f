"""The Japan Registry of Clinical Trials' record pages (kg.read.layouts.jrct), read from real stored pages.

The pages are in tests/data/jrct (tests/data/jrct/SOURCES.md says where each comes from): records of plans of
regenerative medicine whose summary table lost its labels in the stored copy, its values left one a row in the
registry's order. Each test names the page and quotes the rows it rests on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HOLDOUT7, TESTS, read_enriched, saved_page

from kg.errors import DocumentError
from kg.read import dispatch, read_text
from kg.read.layouts import jrct

PAGES = TESTS / "data" / "jrct"
RICACELL = PAGES / "jrct.mhlw.go.jp" / "jRCTb030250640-autologous-pbmnc-cultured-cells-ricacell-alopecia.txt"
KNEE_MSC = PAGES / "jrct.niph.go.jp" / "jRCTb030230603-autologous-adipose-derived-msc-knee-osteoarthritis.txt"
MNC_QQ = PAGES / "jrct.niph.go.jp" / "jRCTb030230627-autologous-pbmnc-cultured-cells-mnc-qq-breast-augmentation.txt"
PRP = PAGES / "jrct.niph.go.jp" / "jRCTb032240218-platelet-rich-plasma-knee-osteoarthritis.txt"
HELD_OUT_14 = (TESTS / "data" / "therapy-holdout14" / "pages" / "jrct.niph.go.jp"
               / "jRCTc030200089-alpha-beta-t-cell-therapy-cancer-risk-group.txt")


def read(path: Path):
    return read_text(path.read_bytes(), path.name)


@pytest.mark.parametrize("path", [RICACELL, KNEE_MSC, MNC_QQ, PRP, HELD_OUT_14])
def test_every_stored_jrct_record_page_is_read_by_the_jrct_reader(path):
    assert dispatch(path.read_bytes(), path.name).layout == "jrct"


def test_a_summary_in_table_rows_gives_the_english_title_the_record_gives_beside_the_japanese():
    # "| 複数回投与自己末梢血単核球生体外培養増幅細胞(Ricacell)の … 第1 / 2相臨床研究 | The safety and efficacy of multiple dose
    # autologous … (Ricacell) for alopecia: Phase 1 / 2 clinical study ( … ) |"
    record = read(RICACELL)
    assert [i.value for i in record.identifiers] == ["jRCTb030250640"]  # "| jRCTb030250640 | |||"
    assert record.title.startswith("The safety and efficacy of multiple dose autologous Regenerative function Induced")
    assert record.title.endswith("( Phase 1/2 clinical trial using Ricacell for alopecia )")
    assert record.official_title is None  # the plain name is the same as the name
    assert record.status == "RECRUITING"  # "| 募集中 | ||"
    assert record.conditions == ["男性型脱毛症(AGA)または女性型脱毛症(FAGA)"]  # given only in Japanese: kept as it is
    assert record.brief_summary.startswith("男性型脱毛症(AGA)または女性型脱毛症(FAGA)を有する患者で")
    assert record.phases == []  # "| 1-2 | ||" is unlabelled: no phase read from it
    assert record.interventions == []  # the summary names none


def test_a_record_given_only_in_japanese_keeps_its_japanese_title_and_its_number_from_its_address():
    # no row of the stored text shows the number: it is the record the address names (latest-detail/jRCTb030230603)
    record = read(KNEE_MSC)
    assert [i.value for i in record.identifiers] == ["jRCTb030230603"]
    assert record.title == ("変形性膝関節症を対象とした極少量の皮下脂肪組織から製造した"
                            "自己脂肪組織由来間葉系幹細胞関節内注射の安全性検討")
    assert record.status == "ACTIVE_NOT_RECRUITING"  # "募集終了"; its history: "進捗状況:募集終了 / Not Recruiting"
    assert record.conditions == ["変形性膝関節症"]
    assert record.phases == []


def test_the_english_after_the_japanese_on_one_line_is_the_title():
    # "自己末梢血単核球生体外培養増幅細胞(MNC-QQ)を用いた … 第1 / 2相臨床研究 Phase 1 / 2 clinical study of patients seeking
    # breast augmentation using autologous peripheral blood mononuclear cell ex vivo culture amplified cells (MNC-QQ)( … )"
    record = read(MNC_QQ)
    assert [i.value for i in record.identifiers] == ["jRCTb030230627"]
    assert record.title.startswith("Phase 1 / 2 clinical study of patients seeking breast augmentation using autologous "
                                   "peripheral blood mononuclear cell ex vivo culture amplified cells (MNC-QQ)")
    assert record.status == "RECRUITING"
    assert record.conditions == ["乳房増大術を希望する者。"]
    assert record.detailed_description is None  # the title's rows name the record, they describe nothing more


def test_the_english_on_the_line_under_the_japanese_is_the_title():
    # "JC-5724-01医師主導治験 終了者を対象とした変形性膝関節症に対する多血小板血漿治療" / "Platelet-Rich Plasma Therapy for …"
    record = read(PRP)
    assert [i.value for i in record.identifiers] == ["jRCTb032240218"]
    assert record.title == ("Platelet-Rich Plasma Therapy for Osteoarthritis of the Knee: For Subjects Completing the "
                            "JC-5724-01 physician-initiated clinical trial")
    assert record.status == "RECRUITING"
    assert record.conditions == ["変形性膝関節症"]
    assert record.phases == []  # "N/A"


def test_the_held_out_14_jrct_page_is_read_instead_of_refused():
    # "第三種 | ||" … "研究終了 | ||" … "jRCTc030200089 | |||": the summary's rows, the number on a row of its own
    record = read(HELD_OUT_14)
    assert [i.value for i in record.identifiers] == ["jRCTc030200089"]
    assert record.title == "がんリスク群に対する免疫細胞療法による免疫パラメーターの検討"
    assert record.official_title == "がんリスク群に対する先制医療としての免疫細胞療法(αβT)による免疫パラメーターに及ぼす影響の検討"
    assert record.status == "COMPLETED"
    assert record.conditions == []  # "なし": none (healthy people at risk of cancer)
    # the English of the results summary: "/ | がんリスク要因を有すると考えられ … |" / "Healthy subjects who have …"
    assert record.detailed_description.startswith("Healthy subjects who have risk factors for cancer")
    assert "Fourteen subjects were received abT-cell therapy" in record.detailed_description


def test_the_summary_is_read_only_where_its_rows_are_where_the_registry_puts_them():
    rows = ["第三種", "令和7年10月23日", "名称", "平易な名称", "病院", "医師", "目的", "1", "がん発症予防", "募集中", "委員会",
            "NB3140002"]
    assert jrct.summary("\n".join(rows))["status"] == "募集中"
    # no phase token before the disease: not the summary
    assert jrct.summary("\n".join(rows[:7] + ["がん発症予防", "募集中"])) == {}
    # a page listing classes of plans with no status is no summary
    assert jrct.summary("第三種\nヒト自己活性化αβt細胞によるがん免疫細胞療法\nPC5190049") == {}


def test_a_page_that_only_names_a_plan_is_no_jrct_record():
    text = "当院の再生医療等提供計画\n第三種\nヒト自己活性化αβt細胞によるがん免疫細胞療法\nPC5190049\n"
    assert not jrct.claims(text)
    with pytest.raises(DocumentError):
        read_text(text.encode(), "clinic.txt")


# --- pages from the misses tests/data/pages-holdout3-gold/README.md lists ---------------------------------------------

JRCT = (TESTS / "data" / "pages-holdout3" / "jrct.mhlw.go.jp" / "jRCTc071190041-autologous-hsct-systemic-sclerosis.txt").read_text()


def test_the_english_scientific_title_states_phase_and_design_under_a_japanese_public_title() -> None:
    record = read_enriched(JRCT.encode(), "page.txt")
    assert record.official_title.startswith("A single-arm, open-label, phase 2 study of autologous CD34+")
    assert (record.phases, record.intervention_model, record.masking) == (["PHASE2"], "SINGLE_GROUP", "NONE")
    # a title that states none gives none
    page = JRCT.replace("A single-arm, open-label, phase 2 study of", "A study of").replace(
        "( A single-arm, open-label, phase 2", "")
    record = read_enriched(page.encode(), "page.txt")
    assert (record.phases, record.intervention_model, record.masking) == ([], None, None)


# --- pages held-out 7 (tests/data/pages-holdout7) ---------------------------------------------------------------------

def test_the_niph_portal_record_with_labels_glued_to_values():
    # "Target sample size4", "Date of first enrollment05/02/2025", "Age minimum>= 20age old", "Age maximum< 60age old",
    # "Intervention(s)High tibial osteotomy Allogeneic cell sheet implantation on cartilage defects"
    record = saved_page(HOLDOUT7 / "rctportal.niph.go.jp" / "jRCTa030240663-allogeneic-chondrocyte-sheets-knee.txt", enriched=False)
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
