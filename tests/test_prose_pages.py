"""Pages about one trial that state its number only in prose (news items), and a bilingual record's labels glued
onto the line before them: how the generic reader reads them (issue 17).

The wording is quoted from the real pages of tests/data/therapy-holdout15/pages (each file named); the held-out pages
stay a measure: the tests quote their words in pages of their own, and the gold is unchanged.
"""

from __future__ import annotations

import pytest
from conftest import HOLDOUT7, saved_page, therapy_page
from conftest import generic_page as _read

from kg.enrich.prose import complete_from_prose
from kg.enrich.therapy import describe_therapy
from kg.errors import DocumentError
from kg.model.identifiers import trial_key
from kg.read.parse.glued_labels import unglued_lines
from kg.read.parse.prose_pages import headline, one_trial_in_prose

REFUSAL = ("unknown layout: not a page of a layout we read, and no register number with labels of a trial page for the "
           "generic reader")

# cgtlive.com/NCT06265220-allonk-ab-101-lupus-nephritis-first-patient-news.txt
ALLONK_HEADLINE = "Artiva Biotherapeutics Doses First Patient With NK Cell Therapy AlloNK in Lupus Trial"
ALLONK_FIRST = ("The first patient has been dosed in Artiva Biotherapeutics phase 1 clinical trial (NCT06265220) evaluating "
                "AlloNK (AB-101), an investigational allogeneic natural killer (NK) cell therapy, alone or as part of a "
                "combination therapy with an antiCD20 monoclonal antibody in patients with systemic lupus erythematosus (SLE) "
                "and active lupus nephritis (LN).1")
ALLONK_OTHER = ("AlloNK, which is intended to heighten the B-cell depleting effect of the monoclonal antibodies via "
                "antibody-dependent cellular cytotoxicity (ADCC), is unengineered and derived from cord blood units selected "
                "for the high affinity variant of the CD16 receptor and the KIR-B haplotype.2 AlloNK is already being evaluated "
                "in 2 separate clinical trials for lymphoma indications: a multicenter phase 1/2 clinical trial (NCT04673617) "
                "both alone and in combination with rituximab for the treatment of")
# lymphomanewstoday.com/NCT03019666-gamida-nam-expanded-nk-cells-nhl-myeloma-news.txt
GAMIDA = ("Gamida Cell is enrolling participants in a Phase 1 clinical trial of its natural killer cell treatment for adults "
          "with relapsed or refractory non-Hodgkin’s lymphoma and multiple myeloma.\n"
          "The trial (NCT03019666) at the Masonic Cancer Center, University of Minnesota, will include 24 patients aged 18 "
          "to 70.\n"
          "Gamida’s therapy is called NAM-expanded natural killer cells. It is based on increasing the number of immune "
          "killer cells that can fight cancer by exposing them to a small molecule called nicotinamide, or NAM.\n")
# targetedonc.com/NCT04614103-lifileucel-til-nsclc-iov-lun-202-news.txt
LIFILEUCEL = ("\nTIL Cell Therapy Lifileucel Makes Efficacy, Safety Gains in Advanced NSCLC\n"
              "Key Takeaways\n"
              "Positive interim data from the phase 2 IOV-LUN-202 study (NCT04614103) evaluating the autologous "
              "tumor-infiltrating lymphocyte (TIL) cell therapy lifileucel (LN-145; Amtagvi) show durable responses and an "
              "improved safety profile in pretreated patients with advanced nonsquamous non–small cell lung cancer (NSCLC).1\n")
# 4-traders.com/NCT05798897-marker-mt-601-multitaa-t-cells-lymphoma-news.txt: the number labelled inside a sentence
MARKER = ("Marker has made significant progress on clinical and corporate restructuring with the objective of accelerating "
          "the commercial development of their unique multiTAA technology. The Company announced the prioritization of "
          "MT-601 in chimeric antigen receptor (CAR) relapse patients with lymphoma (APOLLO; clinicaltrials.gov identifier: "
          "NCT05798897).\n")
# urologytimes.com/NCT03022825-n-803-il-15-superagonist-bcg-nmibc-no-cells.txt: a news item that gives no cells
N803 = ("IL-15 superagonist N-803 achieves strong antitumor activity in NMIBC\n\n"
        "N-803 is an interleukin-15 superagonist that activates and proliferates endogenous natural killer and CD8-positive T "
        "cells without inducing T-regulatory simulation.\n\n"
        "QUILT-3.032 (NCT03022825) enrolled 81 patients with histologically confirmed BCG-unresponsive NMIBC, with "
        "persistent or recurrent CIS within 12 months of receiving adequate BGC treatment. Patients were treated with 50 mg "
        "of BCG plus 400 mg of intravesical N-803 weekly for 6 weeks, followed by re-induction for re-induction and "
        "maintenance for up to 3 years.\n")
# genengnews.com/NCT04324996-nkg2d-ace2-car-nk-covid-19-news.txt: a news item's "Field: value" lines
SIDEMU = ("Candidate: Natural killer (NK) cell therapy\n\n"
          "Type: Universal off-the-shelf NKG2D-ACE2 CAR-NK cells\n\n"
          "Status: Chongqing Sidemu Biotechnology Technology and sponsor Chongqing Public Health Medical Center disclosed "
          "March 27 they are recruiting patients for an up to 90-patient Phase I/II clinical trial (NCT04324996) assessing "
          "the company’s universal off-the-shelf NKG2D-ACE2 CAR-NK cells secreting IL15 superagonist and "
          "granulocyte-macrophage colony-stimulating factor (GM-CSF)-neutralizing single-chain variable fragment (scFv).\n")


# --- a page about one trial, its number in a sentence -------------------------------------------------------------

def test_a_news_item_naming_one_trial_in_a_sentence_is_that_trials_document() -> None:
    record = _read(f"{ALLONK_HEADLINE}\n\nNews\nArticle\n\n{ALLONK_FIRST}\n")
    assert [(i.value, i.scheme) for i in record.identifiers] == [("NCT06265220", "NCT")]
    assert record.source.layout == "generic"
    # its headline is the news item's, not the trial's title (generic-holdout2/3's news items, tests/test_generic_reader.py);
    # it stays in the description the enrichment reads
    assert record.title is None
    assert ALLONK_FIRST in record.detailed_description and ALLONK_HEADLINE in record.detailed_description
    assert "News" not in record.detailed_description.split("\n")  # no byline, no credit: lines of fewer than four words


@pytest.mark.parametrize(("text", "number"), [
    (GAMIDA, "NCT03019666"),  # "The trial (NCT03019666) at the Masonic Cancer Center, …"
    (LIFILEUCEL, "NCT04614103"),  # "the phase 2 IOV-LUN-202 study (NCT04614103) evaluating the autologous …"
    (MARKER, "NCT05798897"),  # "(APOLLO; clinicaltrials.gov identifier: NCT05798897)." ends the sentence
    (N803, "NCT03022825"),  # "QUILT-3.032 (NCT03022825) enrolled 81 patients …"
])
def test_the_number_inside_a_sentence_keys_the_page(text: str, number: str) -> None:
    assert [i.value for i in one_trial_in_prose(text)] == [number]
    assert [i.value for i in _read(text).identifiers] == [number]


def test_neither_the_headline_nor_a_sentence_is_the_title() -> None:
    # a news headline tells the news: no title (it stays in the description)
    assert _read(LIFILEUCEL).title is None
    assert _read(N803).title is None
    assert "IL-15 superagonist N-803 achieves strong antitumor activity in NMIBC" in _read(N803).detailed_description
    # the page opens with its first sentence: no headline, no title
    assert _read(GAMIDA).title is None
    assert _read(MARKER).title is None


def test_a_prose_page_gives_no_status_or_phase_without_a_label() -> None:
    # "phase 2 IOV-LUN-202 study", "Gamida Cell is enrolling participants in a Phase 1 clinical trial": prose, no label
    for text in (LIFILEUCEL, GAMIDA):
        record = _read(text)
        assert record.status is None and record.phases == []
        assert record.enrollment is None and record.sponsors == [] and record.conditions == []


def test_a_page_naming_two_trials_is_refused_with_the_same_line() -> None:
    # the AlloNK news item names a second trial, of the same product in lymphoma (NCT04673617): not one trial's page
    text = f"{ALLONK_HEADLINE}\n\n{ALLONK_FIRST}\n\n{ALLONK_OTHER}"
    assert one_trial_in_prose(text) == []
    with pytest.raises(DocumentError) as refused:
        _read(text)
    assert str(refused.value) == f"page.txt: {REFUSAL}"


def test_a_page_naming_no_trial_is_refused() -> None:
    # the AlloNK news item without its number
    text = f"{ALLONK_HEADLINE}\n\n{ALLONK_FIRST.replace(' (NCT06265220)', '')}\n"
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(text)


def test_a_number_after_a_title_is_no_prose() -> None:
    # clinicaltrialcompass.org/NCT07535138-…: the page's title line, the number and the site's name after it
    line = ("Efficacy and Safety of CD19 CAR-γδ T Cells in the Treatment of Relapsed/Refractory Autoimmune Nep… "
            "(NCT07535138) | Clinical Trial Compass")
    assert one_trial_in_prose(line) == []
    # … and a number on a short line ("Registration number: ChiCTR2600122319") is none either
    assert one_trial_in_prose("Trial: NCT06265220\nThe first patient has been dosed.") == []


def test_one_trials_numbers_of_two_registers_stated_together_are_one_trial() -> None:
    # The AlloNK sentence with the trial's EudraCT number stated with its NCT number (constructed: no real page of the
    # repository states two numbers of one trial in prose); two NCT numbers together are two trials.
    together = ALLONK_FIRST.replace("(NCT06265220)", "(NCT06265220; EudraCT 2023-000123-45)")
    assert [i.value for i in one_trial_in_prose(together)] == ["NCT06265220", "2023-000123-45"]
    assert one_trial_in_prose(ALLONK_FIRST.replace("(NCT06265220)", "(NCT06265220; NCT04673617)")) == []
    # the second number apart from the first (another sentence) is another trial's
    apart = f"{ALLONK_FIRST}\n{ALLONK_OTHER.replace('NCT04673617', 'EudraCT 2023-000123-45')}"
    assert one_trial_in_prose(apart) == []


def test_a_news_items_status_line_is_no_title_and_its_field_lines_reach_the_description() -> None:
    record = _read(SIDEMU)
    assert [i.value for i in record.identifiers] == ["NCT04324996"]
    assert record.title is None  # not "Status: Chongqing Sidemu Biotechnology Technology and sponsor …"
    assert headline(SIDEMU) is None  # "Candidate: Natural killer (NK) cell therapy" is a field line, no headline
    assert "Type: Universal off-the-shelf NKG2D-ACE2 CAR-NK cells" in record.detailed_description
    assert "Candidate: Natural killer (NK) cell therapy" in record.detailed_description
    assert record.phases == ["PHASE1", "PHASE2"]  # read as before, by the page's "Phase I/II clinical trial (NCT…)"


def test_a_news_item_that_gives_no_cells_gives_no_therapy_fact() -> None:
    # N-803 "activates and proliferates endogenous natural killer and CD8-positive T cells": no cells are given
    record = describe_therapy(_read(N803))
    assert record.cell_products == [] and record.cytokines == [] and record.regimens == []


def test_a_news_item_hands_its_cells_to_the_enrichment() -> None:
    record = describe_therapy(_read(GAMIDA))
    assert [(p.cell_type, p.ex_vivo_expanded) for p in record.cell_products] == [("NK", True)]


# --- labels glued onto the line before them ---------------------------------------------------------------------------

# synapse.zhihuiya.com/ChiCTR2600122319-cd19-car-t-refractory-sle.txt (the ChiCTR record as copied)
CHICTR_GLUED = "\n".join([
    '注册号:',
    'Registration number:',
    'ChiCTR2600122319 最近更新日期:',
    'Date of Last Refreshed on:',
    '2026-04-12 22:21:08 注册时间:',
    'Date of Registration:',
    '2026-04-12 00:00:00 注册号状态:',
    '补注册Registration Status:',
    'Retrospective registration注册题目:',
    '靶向CD19的人源化嵌合抗原受体基因修饰的T细胞治疗复发/难治性系统性红斑狼疮安全性和有效性的临床研究Public title:',
    'Clinical study on the safety and efficacy of humanized chimeric antigen receptor gene modified T cell therapy '
    'targeting CD19 for relapse/refractory systemic lupus erythematosus'
    '注册题目简写:English Acronym:研究课题的正式科学名称:',
    '靶向CD19的人源化嵌合抗原受体基因修饰的T细胞治疗复发/难治性系统性红斑狼疮安全性和有效性的临床研究Scientific title:',
    'Clinical study on the safety and efficacy of humanized chimeric antigen receptor gene modified T cell therapy '
    'targeting CD19 for relapse/refractory systemic lupus erythematosus'
    '研究课题代号(代码):',
    'Study subject ID:在二级注册机构或其它机构的注册号:',
    "",
])
CHICTR_TITLE = ("Clinical study on the safety and efficacy of humanized chimeric antigen receptor gene modified T cell therapy "
                "targeting CD19 for relapse/refractory systemic lupus erythematosus")


def test_labels_glued_where_the_script_changes_are_cut_off_the_line() -> None:
    lines = CHICTR_GLUED.split("\n")
    assert unglued_lines(lines[9:11]) == [
        "靶向CD19的人源化嵌合抗原受体基因修饰的T细胞治疗复发/难治性系统性红斑狼疮安全性和有效性的临床研究", "Public title:",
        CHICTR_TITLE, "注册题目简写:", "English Acronym:", "研究课题的正式科学名称:"]
    assert unglued_lines(["yangzg@gdmu.edu.cn申请单位网址(自愿提供):", "+86 135 6051 2702申请注册联系人传真 :"]) == [
        "yangzg@gdmu.edu.cn", "申请单位网址(自愿提供):", "+86 135 6051 2702", "申请注册联系人传真 :"]


def test_a_bilingual_record_with_glued_labels_gives_its_title() -> None:
    record = _read(CHICTR_GLUED)
    assert [i.value for i in record.identifiers] == ["ChiCTR2600122319"]
    assert record.title == CHICTR_TITLE


def test_lines_of_one_script_are_left_as_they_are() -> None:
    # an English line ending in a colon, and the chictr.org.cn record that prints each label on its own line
    lines = ["Major organ function must meet the following criteria:", "注册题目:", "Public title:",
             "Study on the Safety and efficacy of CD73+NK Cell subsets (ZJ-S-0106)"]
    assert unglued_lines(lines) == lines


def test_a_number_the_sentence_gives_to_an_earlier_or_another_trial_is_no_prose_pages_trial() -> None:
    # tests/test_generic_reader.py's gatewaycr.org page, its labelled number replaced by a background sentence
    background = ("Background: an earlier trial (ClinicalTrials.gov Identifier: NCT01287104) gave NK cells after a "
                  "transplant to patients with leukaemia in first remission.")
    assert one_trial_in_prose(background) == []
    # an "other" word that does not name the numbered trial leaves it the page's
    own = ("Patients who failed other treatments were enrolled in this phase 1 trial (NCT03019666) at the Masonic Cancer "
           "Center, University of Minnesota.")
    assert [i.value for i in one_trial_in_prose(own)] == ["NCT03019666"]


# --- therapy-holdout28/README.md: a release naming its one trial by 'identifier' in a short sentence ------------------

# therapy-holdout28/pages/wallstreet-online.de/NCT04035434-ctx110-allogeneic-car-t-flu-cy-news.txt (abridged): page 2 of
# a release, the link's text lost in the copy
RELEASE = ("Patients were infused with CTX110 following three days of lymphodepletion using fludarabine (30mg/m2/day) and "
           "cyclophosphamide (500mg/m2/day). The primary endpoints include safety as measured by the incidence of dose "
           "limiting toxicities (DLTs) and overall response rate.\n\n"
           "Additional details may be found at, using identifier: NCT04035434.\n\n"
           "Safety Data Overview\nDose Levels 1 – 3 (n=10)\nNo DLTs were observed.")


def test_a_release_naming_one_number_by_identifier_in_a_short_sentence_is_that_trials_page() -> None:
    record = _read(RELEASE)
    assert trial_key(record.identifiers) == "NCT04035434"
    assert "three days of lymphodepletion" in (record.detailed_description or "")


@pytest.mark.parametrize("text", [
    # (left alone) the number in a short sentence without an identifier phrase
    RELEASE.replace("using identifier: NCT04035434", "NCT04035434"),
    # (left alone) two trials' numbers, each by its identifier: a news item on two trials
    RELEASE.replace("using identifier: NCT04035434.", "using identifier: NCT04035434.\n\n"
                    "Details of the CTX130 trial may be found using identifier: NCT04438083."),
    # (left alone) a label line opening with the phrase, the number not closing a sentence: no sentence at all
    RELEASE.replace("Additional details may be found at, using identifier: NCT04035434.",
                    "see ClinicalTrials.gov, identifier NCT04035434 and NCT04438083"),
])
def test_a_number_outside_an_identifier_sentence_or_beside_another_keys_no_release(text: str) -> None:
    with pytest.raises(DocumentError):
        _read(text)


# --- pages held-out 7 (tests/data/pages-holdout7) ---------------------------------------------------------------------

ISRCTN_CD133 = HOLDOUT7 / "isrctn.com" / "ISRCTN71717097-cd133-stem-cells-lv-restoration.txt"
CLASSIC_BM_MNC = HOLDOUT7 / "clinicaltrials.gov" / "NCT00285454-bm-mnc-heart-failure-classic.txt"


def test_a_design_statement_states_the_masking():
    # clinicaltrials.gov NCT00285454 (the classic page): "Study Design:" / "A phase I/II, randomised, double-blind, placebo
    # controlled, single-centre study of bone marrow mononuclear cells …", a paragraph of its description
    record = complete_from_prose(saved_page(CLASSIC_BM_MNC, enriched=False))
    assert (record.allocation, record.masking) == ("RANDOMIZED", "DOUBLE")
    # isrctn.com ISRCTN71717097: "Study designDouble-blind randomised placebo-controlled trial"
    assert saved_page(ISRCTN_CD133, enriched=False).masking == "DOUBLE"
    # a summary's double-blind trial that is another study's (stated_masking's doctest has more)
    other = therapy_page(title="Cells for heart failure", brief_summary="A previous double-blind trial showed a benefit.")
    assert complete_from_prose(other).masking is None
