"""Reader gaps tests/data/generic-holdout5/README.md lists (issue 17, the generic reader on registry portals and trial
finders it was not tuned on): cooperative groups' trial pages keyed only by the group's number, a recruitment page that
labels the ClinicalTrials.gov number as the "U.S. Govt. ID", a cancer institute's "Protocol No.   EA1131", a trial
search's "Protocol:" / "NRG-GY012" beside "Status:" / "OPEN", and a group's list of its trials that labels one entry's
register number. Each test quotes the real page's words in a page of its own, with a nearby wording it must leave
alone; the held-out pages stay a measure.
"""

from __future__ import annotations

import pytest
from conftest import generic_page as _read

from kg.errors import DocumentError
from kg.model.identifiers import trial_key
from kg.read.parse.cues import group_number_line, listed_group_numbers, summary_paragraph
from kg.read.parse.labels import label_of

# recruit.cumc.columbia.edu/studyinfopage/1763 (generic-holdout5): "Label: value" lines, the register number under
# "U.S. Govt. ID", the site's review-board number beside it
COLUMBIA = (
    "NCORP Tissue Procurement Protocol: An NCI Cancer Moonshot Study\n"
    "Genetic Analysis of Blood and Tissue Samples From Participants With Advanced Cancer\n"
    "Sponsor: NIH\n"
    "Enrolling: Male and Female Patients\n"
    "IRB Number: AAAS4112\n"
    "U.S. Govt. ID: NCT03707574\n"
    "Contact: Research Nurse Navigator: 212-342-5162 /\n"
    "Additional Study Information: Major advances are being made in the treatment of cancer. One such advance involves "
    "the use of targeted treatments designed to work against specific molecular alterations in a given patients tumor.\n"
    "This study is closed\n"
    "Matthew Ingham, MD\n")


def test_the_us_government_id_labels_the_pages_register_number() -> None:
    record = _read(COLUMBIA)
    assert trial_key(record.identifiers) == "NCT03707574"
    assert record.title == "NCORP Tissue Procurement Protocol: An NCI Cancer Moonshot Study"
    assert record.brief_summary.startswith("Major advances are being made in the treatment of cancer.")


def test_the_sites_irb_number_alone_keys_nothing() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(COLUMBIA.replace("U.S. Govt. ID: NCT03707574\n", ""))
    # "Additional information" is no label of the summary
    assert label_of("Additional information: call the study team") == (None, None)


# usahealthsystem.com, the Mitchell Cancer Institute's page of ECOG-ACRIN EA1131 (generic-holdout5): each label and its
# value on one line, spaces between ("Protocol No." with a no-break space), the title quoted under "Summary"
MITCHELL = (
    "Clinical Trials\n\n"
    "Title   ECOG-ACRIN EA1131\n"
    "Principal Investigator/ Physician   Carole Norden, MD\n"
    "Protocol\u00a0No.   EA1131\n"
    "Open Date   09/21/2015\n"
    "Gender   Female\n"
    "Cancer Site   Breast\n"
    "Status   Open\n"
    "Sponsor   Eastern Cooperative Oncology Group\n"
    "Contact Email   MCI Clinical Trials\n"
    "Summary  \n\n"
    "Protocol Tiltle:  \"A Randomized Phase III Post-Operative Trial of Platinum Based Chemotherapy Vs. Capecitabine in "
    "Patients with Residual Triple-Negative Basal-Like Breast Cancer following Neoadjuvant Chemotherapy.\"\n\n"
    "Inclusion Criteria: ECOG performance status 0 or 1 within 2 weeks prior to screening\n")


def test_a_protocol_number_written_with_its_full_stop_keys_a_cancer_institutes_trial_page() -> None:
    assert label_of("Protocol No. EA1131", spaced=True) == ("sponsor_ids", "EA1131")
    record = _read(MITCHELL)
    assert trial_key(record.identifiers) == "EA1131"
    assert record.title == "ECOG-ACRIN EA1131"
    assert record.status == "RECRUITING"
    # the quoted protocol title under "Summary" is a name, not the summary
    assert record.brief_summary is None


def test_a_protocol_number_without_a_status_and_prose_under_summary_are_left_alone() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(MITCHELL.replace("Status   Open\n", ""))
    prose = MITCHELL.replace("Protocol Tiltle:  \"A Randomized", "Protocol summary: This trial compares platinum based "
                             "chemotherapy with capecitabine after neoadjuvant chemotherapy. A Randomized")
    assert _read(prose).brief_summary.startswith("Protocol summary: This trial compares platinum")


# mcrconline.org's trial search (generic-holdout5): one trial shown, its title above "Protocol:" and the number under it
MCRC = (
    "Clinical Trials Search\n\n"
    "A Randomized Phase II Study Comparing Single-Agent Olaparib, Single Agent Cediranib, and the Combinations of "
    "Cediranib/Olaparib, Olaparib/Durvalumab (MEDI4736), Cediranib/Durvalumab (MEDI4736), Olaparib/AZD5363 "
    "(Capivasertib) in Women with Recurrent, Persistent or Metastatic Endometrial Cancer.: A Platform Trial for Women "
    "with Recurrent or Persistent Endometrial Cancer\n\n"
    "Protocol:\n\nNRG-GY012\n\n"
    "Category:\nMiscellaneous\nDepartment:\nGynecology Oncology\nStatus:\nOPEN\n")


def test_a_groups_number_under_its_label_beside_a_status_keys_a_trial_search_page() -> None:
    record = _read(MCRC)
    assert trial_key(record.identifiers) == "NRG-GY012"
    # the title above the number's label, forty-two words
    assert record.title.startswith("A Randomized Phase II Study Comparing Single-Agent Olaparib")
    assert record.title.endswith("A Platform Trial for Women with Recurrent or Persistent Endometrial Cancer")


def test_the_number_without_a_status_keys_no_search_page() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(MCRC.replace("Status:\nOPEN\n", ""))


# ecog-acrin.org/clinical-trials/ea3202-head-and-neck-cancer/ (generic-holdout5): the group's number alone on a line,
# then the title, the status, and one unlabelled paragraph that says what the trial does
ECOG = (
    "Head And Neck Cancer\n\nEA3202\n\n\n\n"
    "Testing the Use of Investigational Drugs Atezolizumab and / or Bevacizumab with or without Standard Chemotherapy in "
    "the Second-Line Treatment of Advanced-Stage Head and Neck Cancers\n\n"
    "STATUS: Active\n\n\n"
    "This phase II / III compares the standard therapy (chemotherapy plus cetuximab) versus adding bevacizumab to "
    "standard chemotherapy, versus combination of just bevacizumab and atezolizumab in treating patients with head and "
    "neck cancer that has spread to other places in the body (metastatic or advanced stage) or has come back after prior "
    "treatment (recurrent).\n"
    "  \u2022 Patient must have histologically confirmed squamous cell carcinoma of the head and neck (HNSCC)\n")


def test_a_groups_number_heading_its_page_beside_a_status_keys_it() -> None:
    record = _read(ECOG)
    assert trial_key(record.identifiers) == "EA3202"
    assert record.title.startswith("Testing the Use of Investigational Drugs Atezolizumab and / or Bevacizumab")
    assert record.brief_summary.startswith("This phase II / III compares the standard therapy (chemotherapy plus")


def test_a_code_heading_a_page_without_a_status_or_a_title_by_it_keys_nothing() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(ECOG.replace("STATUS: Active\n", ""))
    assert group_number_line("COVID-19\n\nVisitor rules for our hospital") is None
    # "This phase" of a study is no trial saying what it does
    assert summary_paragraph(["This phase begins when the first two cohorts have been treated and compares their "
                              "response with that of the historical controls."]) is None


# nrgoncology.org/Clinical-Trials/NRG-GI002 (generic-holdout5): the number alone, then the title opened by it
NRG = (
    "Search\nBack \n\nNRG-GI002\n\n"
    "NRG-GI002: A Phase II Clinical Trial Platform of Sensitization Utilizing Total Neoadjuvant Therapy (TNT) in Rectal "
    "Cancer\n\nPrincipal Investigator\n\nThomas George, MD\n\nPrimary Objective\n\n"
    "To demonstrate an absolute improvement in Neoadjuvant Rectal Cancer (NAR) score for the experimental regimen as "
    "compared to control.\n\nTarget Accrual\n\n174\n")


def test_a_title_opened_by_the_groups_number_keys_its_page() -> None:
    record = _read(NRG)
    assert trial_key(record.identifiers) == "NRG-GI002"
    assert "A Phase II Clinical Trial Platform of Sensitization" in record.title
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(NRG.replace("NRG-GI002: A Phase II", "A Phase II"))


# gbg.de/en/trials/pregnancy (generic-holdout5): the study named by the group's abbreviation and serial number in
# brackets, the abbreviation spelt out as the group's in the title
GBG = (
    "Pregnancy (GBG 29)\n\n"
    "Prospective and Retrospective Registry Study of the German Breast Group (GBG) for Diagnosis and Treatment of Breast "
    "Cancer in Pregnancy compared to young non-pregnant women (<40 years) as comparative cohort\n\n \n\n"
    "Introduction\n\nBreast cancer is the most common cancer malignancy in women after the age of 25 years.\n")


def test_a_groups_serial_number_in_the_heading_keys_its_study() -> None:
    record = _read(GBG)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("GBG 29", "ORG")]
    assert record.title.startswith("Prospective and Retrospective Registry Study of the German Breast Group (GBG)")
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(GBG.replace("German Breast Group (GBG)", "German Breast Group"))


# allianceforclinicaltrialsinoncology.org's "Recently activated" page (generic-holdout5): a list of the group's trials,
# the first entry's register number labelled
ALLIANCE = (
    "RECENTLY ACTIVATED ALLIANCE TRIALS\n\n"
    "Alliance A012301: LoTam: A randomized, phase III clinical trial of low\u2010dose tamoxifen for selected patients with "
    "molecular low-risk early\u2010stage breast cancer\n\n"
    "Overview: This phase III trial compares the effect of low dose tamoxifen to usual hormonal therapy, including "
    "aromatase inhibitors, in treating post-menopausal women with hormone positive, HER2 negative early stage breast "
    "cancer.\n"
    "Study Chair: Dean Shumway, MD, Mayo Clinic\n"
    "Activated: 2/5/2025 | To learn more about LoTam, visit CT.gov or click here.\n"
    "ClinicalTrials.gov Identifier: NCT06671912\n\n"
    "Alliance A032201: Short term intensified pembrolizumab (KEytruda) and tivozanib for high-risk renal cell carcinoma - "
    "STRIKE\n\n"
    "Overview: This phase III trial compares the effect of adding tivozanib to standard therapy pembrolizumab versus "
    "pembrolizumab alone for the treatment of patients with high-risk renal cell carcinoma (RCC).\n")


def test_a_groups_list_of_its_trials_is_no_trials_page() -> None:
    assert listed_group_numbers(ALLIANCE) == ["A012301", "A032201"]
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(ALLIANCE)


def test_one_entry_with_its_labelled_number_is_that_trials_page() -> None:
    first = ALLIANCE.split("\n\nAlliance A032201")[0]
    assert listed_group_numbers(first) == []
    assert trial_key(_read(first).identifiers) == "NCT06671912"
