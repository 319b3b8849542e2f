"""The generic reader's Chinese labels: a page labelled in Chinese (a Taiwanese company's page on its trial,
traditional characters, "Label Value" with a space) is read from its labels, and a bilingual registry record
(ChiCTR, simplified characters, each label in Chinese then English) keeps its English values.
"""

from __future__ import annotations

from conftest import TESTS, generic_page, read_enriched

from kg.read.parse.cues import archived_status
from kg.read.parse.labels import cjk_label, reading

VECTORITE = TESTS / "data" / "therapy-holdout17" / "pages" / "vectorite.com.tw" / \
    "NCT00815321-autologous-cik-cells-cml-on-kinase-inhibitors.txt"
CHICTR = TESTS / "data" / "zh-labels" / "pages" / "chictr.org.cn" / \
    "ChiCTR2600116105-cel001-injection-advanced-solid-tumours.txt"


def test_a_chinese_label_then_a_space_opens_its_field():
    # vectorite.com.tw NCT00815321: "臨床試驗編號 NCT00815321", "針對症狀 Chronic Myeloid Leukemia", "臨床階段 Phase II"
    assert cjk_label("臨床試驗編號 NCT00815321") == ("registration", "NCT00815321")
    assert cjk_label("針對症狀 Chronic Myeloid Leukemia") == ("conditions", "Chronic Myeloid Leukemia")
    assert cjk_label("臨床階段 Phase II") == ("phase", "Phase II")
    assert cjk_label("臨床試驗位址 Singapore General Hospital") == ("locations", "Singapore General Hospital")
    assert cjk_label("試驗開始日期 December 28, 2008") == ("start_date", "December 28, 2008")
    # chictr.org.cn: the label alone on its line, with a colon ("注册号:"), or a full-width one
    assert cjk_label("注册号:") == ("registration", None)
    assert cjk_label("注册号：ChiCTR2600116105") == ("registration", "ChiCTR2600116105")


def test_a_chinese_label_is_the_whole_run_of_han_before_a_space_or_colon():
    # "注册号状态:" (the registration's timing) and "注册题目简写:" (the acronym) go on in Han: not "注册号", "注册题目"
    assert cjk_label("注册号状态:") == (None, None)
    assert cjk_label("注册题目简写:") == (None, None)
    # a Chinese sentence that opens with a label's words is no label
    assert cjk_label("臨床目的是評估CIK細胞的安全性") == (None, None)
    # English prose never opens with a Chinese label
    assert cjk_label("Phase II study of CIK cells") == (None, None)


def test_a_taiwanese_company_page_labelled_in_chinese_is_read():
    record = read_enriched(VECTORITE.read_bytes(), VECTORITE.name)
    assert record.source.layout == "generic"
    assert [(i.value, i.scheme) for i in record.identifiers] == [("NCT00815321", "NCT")]
    # the page's first line, as the generic reader takes an English page's
    assert record.title == ("Autologous Cytokine Induced Killer Cells (CIK) for Chronic Myeloid Leukemia (CML) Patients "
                            "on Standard Drug Therapy")
    assert record.conditions == ["Chronic Myeloid Leukemia"]
    assert record.phases == ["PHASE2"]
    assert [site.name for site in record.sites] == ["Singapore General Hospital"]
    # "臨床目的 This is an extension of our ongoing clinical trial …" and the paragraphs under it: the trial's summary,
    # which the therapy rules read
    assert record.brief_summary.startswith("This is an extension of our ongoing clinical trial using ex vivo expanded "
                                           "autologous Cytokine-induced killer (CIK) cells")
    assert "We therefore plan to expand our current CIK trial to include CML" in record.brief_summary


def test_a_repeated_start_date_label_gives_its_first_date_and_no_end_date():
    # "試驗開始日期 December 28, 2008" / "試驗開始日期 May 14, 2012": the second line repeats the start label over
    # another date (by its place, the end date mislabelled); the page labels no end date, so none is read
    record = generic_page(VECTORITE.read_text(encoding="utf-8"))
    assert record.start_date == "2008-12-28"
    assert record.completion_date is None


def test_the_old_registry_sentence_under_a_status_label_gives_the_status():
    # "目前研究進度 This study has been completed.": ClinicalTrials.gov's old header sentence, copied under the page's
    # status label; the old record view's rule for that sentence reads it
    assert archived_status("This study has been completed.") == "COMPLETED"
    assert generic_page(VECTORITE.read_text(encoding="utf-8")).status == "COMPLETED"


def test_a_bilingual_registry_record_keeps_its_english_values():
    # chictr.org.cn ChiCTR2600116105: "注册题目:" / "一项评估CEL001注射液…" / "Public title:" / "A Phase I Clinical Study …"
    # (expected values written from the page before the tool was run on it: tests/data/zh-labels/README.md)
    text = CHICTR.read_text(encoding="utf-8")
    record = read_enriched(text.encode(), CHICTR.name)
    assert record.source.layout == "generic"
    assert [(i.value, i.scheme) for i in record.identifiers] == [("ChiCTR2600116105", "CHICTR")]
    assert record.title == ("A Phase I Clinical Study Evaluating the Safety and Tolerability of CEL001 Injection in the "
                            "Treatment of Advanced Solid Tumors")
    assert record.official_title is None
    assert record.phases == ["PHASE1"]
    assert record.status is None
    # the Chinese title is read under its label, and yields to the English one
    assert all("一项评估" not in value for value in reading(text).sections["title"])


def test_a_field_labelled_only_in_chinese_keeps_its_chinese_label_value():
    page = "注册号:\nRegistration number:\nChiCTR2600116105\n注册题目:\n一项评估CEL001注射液的临床研究\n"
    assert reading(page).sections["title"] == ["一项评估CEL001注射液的临床研究"]
