"""Reader gaps the held-out corpora's READMEs list (issue 17, other sites' recall): pages whose own number is labelled
in ways no rule knew, and a news item whose one number is another study's. Each test quotes the real page's words in a
page of its own; the held-out pages stay a measure.
"""

from __future__ import annotations

import pytest
from conftest import generic_page as _read

from kg.errors import DocumentError
from kg.model.identifiers import find_registry_ids, trial_key
from kg.read.parse.labels import inline_fields, label_of, reading
from kg.read.parse.prose_pages import one_trial_in_prose

# clinicalstudies.info.nih.gov 09-C-0053 (generic-holdout): the NIH Clinical Center's protocol page, a table of
# "Label | value |" rows, its protocol number under "Number", no register number; its summary in the NIH's parts
NIH_CC = (
    "Protocol Details\n"
    "Autologous and Related/Unrelated Allogeneic Hematopoietic Stem Cell Transplant and Cellular Therapies Data "
    "Submission and Research Sample Collection to the Center for International Blood and Marrow Transplant Research "
    "(CIBMTR) and the National Marrow Donor Program (NMDP)\n"
    "This study is currently recruiting participants.\n"
    "Summary\n"
    "Number | 09-C-0053 |\n"
    "Sponsoring Institute | National Cancer Institute (NCI) |\n"
    "Referral Letter Required | Yes |\n"
    "Investigational Drug(s) | None |\n"
    "Intervention(s) | None |\n"
    "Supporting Site | National Cancer Institute |\n"
    "Background:\n"
    "- A federal government mandate requires stem cell transplant centers to collect and maintain in a database a minimum "
    "of information regarding transplant recipients and their donors.\n"
    "- Information collected under this study will be submitted to NMDP/CIBMTR in response to the federal mandate.\n"
    "Objectives:\n"
    "- To learn more about what makes stem cell transplants work well, such as determining the following:\n")


def test_the_nih_clinical_centers_number_row_keys_its_protocol_page() -> None:
    record = _read(NIH_CC)
    assert trial_key(record.identifiers) == "09-C-0053"
    assert record.title.startswith("Autologous and Related/Unrelated Allogeneic Hematopoietic Stem Cell Transplant")
    # "Intervention(s) | None |" names none, and the next row ("Supporting Site | …") is no intervention
    assert record.interventions == []
    assert record.brief_summary.startswith("A federal government mandate requires stem cell transplant centers")
    assert "Objectives" not in record.brief_summary


def test_a_number_label_alone_keys_only_the_nih_protocol_number_form() -> None:
    assert label_of("Number | 09-C-0053 |") == ("registration", "09-C-0053")
    # any other value under "Number" is no page's own number (a phone number, a count, a reference)
    assert label_of("Number | 301-496-4000 |")[0] is None
    assert label_of("Number: 12")[0] is None
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(NIH_CC.replace("09-C-0053", "2009-53"))


# nomenclator.org 2012-004444-30 (generic-holdout): the Spanish register's record in upper-case Spanish labels, each
# value after a space, a title wrapped over two lines
NOMENCLATOR = (
    "Tratamiento de la discopatía degenerativa lumbar con células mesenquimales alogénicas (MSV*).\n\n"
    "Fecha: 2013-04. Area: Enfermedades [C] - Enfermedades músculoesqueléticas [C05].\n\n"
    "DATOS GENERALES\n\nIDENTIFICADOR 2012-004444-30.\n\nTIPO Ensayo Clínico.\n\n"
    "TITULO PÚBLICO Tratamiento de la discopatía degenerativa lumbar con células\n"
    "mesenquimales alogénicas (MSV*).\n\nESTADO EC Finalizado.\n\nSEXO Ambos.\n\nINFORMACIÓN\n\n"
    "TITULO CIENTÍFICO Tratamiento de la discopatía degenerativa lumbar con células\n"
    "mesenquimales alogénicas (MSV*).\n\n"
    "INDICACIÓN PÚBLICA Tratamiento de la discopatía degenerativa.\n\n"
    "CRITERIOS INCLUSIÓN 1. Discopatía degenerativa lumbar de uno o dos discos con predominio de dolor lumbar.\n"
    "2. Ausencia de infección espinal.\n\n"
    "CRITERIOS EXCLUSIÓN 1. Edad menor de 18 años, o mayor de 75 años o legalmente dependiente\n")


def test_spanish_upper_case_labels_open_their_fields() -> None:
    record = _read(NOMENCLATOR)
    assert trial_key(record.identifiers) == "2012-004444-30"
    # the title's second line goes on in lower case: one title
    assert record.title == ("Tratamiento de la discopatía degenerativa lumbar con células mesenquimales alogénicas "
                            "(MSV*).")
    assert record.conditions == ["Tratamiento de la discopatía degenerativa."]
    found = reading(NOMENCLATOR)
    assert found.sections["inclusion"][0].startswith("1. Discopatía degenerativa lumbar")
    assert found.sections["exclusion"] == ["1. Edad menor de 18 años, o mayor de 75 años o legalmente dependiente"]


def test_spanish_label_words_in_lower_case_are_a_sentence() -> None:
    assert label_of("Identificador 2012-004444-30.")[0] is None
    assert label_of("Titulo público del ensayo")[0] is None


# mesoblast.com (generic-holdout3): the sponsor's results page of one protocol, named by its number in its heading
MESOBLAST = (
    "MSV-100-IV Pediatric\n\n"
    "Trial Results: MSV-100-IV Pediatric Expanded Access Program (EAP) in Steroid Refractory Acute Graft Versus Host "
    "Disease (Protocol 275)\n\n"
    "Use of our MSC-100-IV, resulted in a clear, significant survival benefit among responding pediatric BMT recipients "
    "with SR-aGVHD. In the additional analysis of the first 160 patients completed, 64% achieved a response at day 28.")


def test_a_protocol_number_ending_the_heading_keys_the_sponsors_page() -> None:
    record = _read(MESOBLAST)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("275", "ORG")]
    assert trial_key(record.identifiers) == "275"
    assert record.title.startswith("Trial Results: MSV-100-IV Pediatric Expanded Access Program")


def test_a_protocol_number_in_a_sentence_keys_nothing() -> None:
    text = ("MSV-100-IV Pediatric\n\nUse of our MSC-100-IV resulted in a clear benefit among responding recipients "
            "treated under the expanded access program (Protocol 275).\n")
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(text)


# inova.org (generic-holdout4): a hospital's page of a sponsor's trial, labels and values on lines of their own
INOVA = (
    "Semaglutide effects on cardiovascular outcomes in people with overweight or obesity (SELECT)\n\n"
    "General Information\n\nAge Group\n\nAdults\n\nStatus\n\nClosed\n\nProtocol Number\n\nEX9536-4388\n\n"
    "Background Information\n\n"
    "People that are overweight or obese are at high risk for cardiovascular (CV) disease.\n")


def test_a_labelled_protocol_number_beside_a_status_keys_a_hospitals_trial_page() -> None:
    record = _read(INOVA)
    assert trial_key(record.identifiers) == "EX9536-4388"
    assert record.title == "Semaglutide effects on cardiovascular outcomes in people with overweight or obesity (SELECT)"


def test_a_protocol_number_without_a_status_makes_no_trial_page() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(INOVA.replace("Status\n\nClosed\n\n", ""))


# ndorms.ox.ac.uk (generic-holdout3): a news item on the TWO Study whose only number is the ONE Study's
NDORMS = (
    "The TWO Study is a Phase IIb randomised controlled trial of regulatory T cells (Tregs) in renal transplantation, "
    "with the aim of facilitating the minimisation of drug immunosuppression. The first patient was recruited to the "
    "trial in late February, marking the start of an exciting phase of the study.\n\n"
    "Tregs are a subset of T cells that act physiologically to prevent autoimmune disease. Having proven the safety and "
    "feasibility of Treg-based immunotherapy in the ONE Study (EudraCT number: 2013-002099-42), the TWO Study aims to "
    "demonstrate the efficacy of this treatment in a Phase IIb setting, with the goal of allowing minimisation of drug "
    "immunosuppression to a single agent by 6-months after kidney transplantation.\n\n"
    " For any questions, please contact the TWO Study team (twostudy@nds.ox.ac.uk).\n")


def test_a_number_by_another_named_study_than_the_pages_is_not_the_pages() -> None:
    assert one_trial_in_prose(NDORMS) == []
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(NDORMS)


def test_a_number_by_the_study_the_page_names_is_the_pages() -> None:
    # the same sentences about the ONE Study itself: its number is the page's
    text = NDORMS.replace("TWO Study", "ONE Study").replace("the ONE Study aims", "the study aims")
    assert [i.value for i in one_trial_in_prose(text)] == ["2013-002099-42"]


# smartpatients.com NCT01694472 (therapy-holdout20): labels without colons, each value in lower case on its label's line;
# the "Study Design" paragraph that says what the patients receive is no design field's value
SMARTPATIENTS = (
    "This trial is active, not recruiting.\n\n"
    "Condition malignant solid tumors\nTreatment mage-a4 tcr gene-modified t cells\nPhase phase 1\n"
    "Sponsor Tianjin Medical University Cancer Institute and Hospital\nStart date July 2012\nEnd date November 2016\n"
    "Trial size 15 participants\nTrial identifier NCT01694472, CIH-RXB-201205002\n\n\n"
    "The purpose of this study is to evaluate the clinical safety and preliminary efficacy of MAGE-A4 TCR Gene-Modified T "
    "lymphocytes in the treatment of malignant solid tumor patients, such as malignant melanoma and lung cancer.\n\n"
    "Study Design\n\nIntervention model single group assignment\nMasking open label\nPrimary purpose supportive care\n"
    "mage-a4 tcr gene-modified t cells\n"
    "The study consists of a 2-dose escalation scheme, and the patient receives twice in each dose. The starting dose is "
    "1-3 x 10^9 cells of each TCR gene-modified cells and the second one is 3-8 x 10^9 cells of each TCR gene-modified "
    "cells. Two weeks after the first infusion the patient receives the same dose again, followed by infusions of IL-2 "
    "for 5 days.\n\nPrimary Outcomes\n\nObjective response rate\ntime frame: Up to 12 months\n")


def test_lower_case_values_after_colonless_labels_open_their_fields_and_end_at_their_line() -> None:
    found = reading(SMARTPATIENTS)
    assert found.sections["conditions"] == ["malignant solid tumors"]
    assert found.sections["intervention_model"] == ["single group assignment"]
    assert found.sections["masking"] == ["open label"]
    assert found.sections["primary_purpose"] == ["supportive care"]
    assert found.sections["completion_date"] == ["November 2016"]
    record = _read(SMARTPATIENTS)
    assert record.conditions == ["malignant solid tumors"]
    assert record.brief_summary.startswith("The purpose of this study is to evaluate the clinical safety")
    # the paragraph saying what the patients receive reaches the record (the doses, the infusions, IL-2)
    assert "The starting dose is 1-3 x 10^9 cells" in record.detailed_description
    assert "followed by infusions of IL-2 for 5 days" in record.detailed_description


def test_two_lower_case_values_make_no_such_page() -> None:
    # a page with only two such lines does not label that way: its "Condition …" line stays unread
    found = reading("Condition malignant solid tumors\nand other cancers\nPhase phase 1\n")
    assert "conditions" not in found.sections
    assert found.unread == ["Condition malignant solid tumors", "and other cancers"]


# scarlettlawgroup.com (generic-holdout4): a sponsor's sheet on its trial refers its reader to the trial's record
STEMTRA = (
    "Introduction Information of STEMTRA to Clinicians\n"
    "The STEMTRA (\"STEM cell therapy for TRAumatic brain injury\")\n"
    "study, a Phase II clinical trial, is designed to evaluate the efficacy\n"
    "and safety of a genetically modified adult stem cell therapy, SB623, which\n"
    "is administered directly to the injured brain through a neurosurgical\n"
    "procedure.\n"
    "Key eligibility criteria:\n- Are age 18 or older, male or female\n"
    "For more information about STEMTRA, visit\n"
    "https://clinicaltrials.gov/ct2/show/NCT02416492.\n"
    "Contact: Mena Niakian, Director of Clinical Operations: mena.niakian@san-bio.com;\n")


def test_a_sheet_sending_its_reader_to_the_trials_record_for_more_information_is_that_trials_page() -> None:
    record = _read(STEMTRA)
    assert trial_key(record.identifiers) == "NCT02416492"


def test_an_address_of_a_record_without_that_referral_keys_nothing() -> None:
    text = STEMTRA.replace("For more information about STEMTRA, visit", "See also")
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(text)


# glance.eyesoneyecare.com (generic-holdout4): a news item naming two trials by their numbers, neither labelled
OPREGEN = (
    "OpRegen shows durable benefit at 36 months in geographic atrophy\n\n"
    "OpRegen is being developed under an exclusive worldwide collaboration between Lineage, Roche, and Genentech, a "
    "member of the Roche Group, and is currently being evaluated in the phase 2a clinical trial GAlette (NCT05626114).\n\n"
    "The clinical trial is an open-label, single-arm, multi-center, dose-escalation study (NCT02286089) evaluating a "
    "single administration of OpRegen cell therapy delivered subretinally in patients with bilateral GA secondary to "
    "AMD. The phase 1/2a study enrolled 24 patients.\n")


def test_a_page_with_two_unlabelled_numbers_of_one_register_is_refused() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(OPREGEN)


def test_a_labelled_number_beside_another_trials_number_still_keys_its_page() -> None:
    record = _read("NCT ID: NCT05626114\nPhase: Phase 2\n\n" + OPREGEN)
    assert trial_key(record.identifiers) == "NCT05626114"


# biospace.com (generic-holdout4): a press release on one trial, designated only by the sponsor's code in a sentence
CELZ = (
    "Creative Medical Technology Holdings, Inc. today announced that the U.S. Food and Drug Administration has cleared the "
    "Company's Investigational New Drug (IND) application, enabling the Company to proceed with initiating a clinical "
    "trial for Type 1 Diabetes using AlloStem™.\n"
    "Creative Medical Technology Holdings, Inc. (NASDAQ: CELZ), an immuno-endocrine company, today announced the "
    "clearance. The primary objective of the study (CELZ-201) is to evaluate AlloStem™ in patients with newly diagnosed "
    "Type 1 Diabetes. Patient recruitment is expected to begin in Q1 2023 with trial commencement updates to follow.\n")


def test_the_sponsors_designation_of_the_study_in_a_sentence_keys_a_release_with_no_register_number() -> None:
    record = _read(CELZ)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("CELZ-201", "ORG")]
    assert record.title is None


def test_a_designation_beside_a_register_number_or_another_designation_keys_nothing_of_its_own() -> None:
    assert one_trial_in_prose(CELZ.replace("(CELZ-201)", "(CELZ-201) and the trial (CELZ-100)")) == []
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(CELZ.replace("(CELZ-201)", "(CELZ-201) and the trial (CELZ-100)"))


# kusajili.com RECF0244 (generic-holdout2): the French cancer trials register's record reprinted, its title cut short on
# the first line and whole under the register number, its lay summary under "Extrait"
KUSAJILI = (
    "ICAR : Essai de phase 1 évaluant la tolérance d’une immunothérapie par injection intra-artérielle hépatique de "
    "lymphocytes T gamma-delta autologues, chez des patients ayant un carcinome hépatocellulai...\n\n"
    "Mise à jour : Il y a 4 ans\nRéférence : RECF0244\n\n"
    "ICAR : Essai de phase 1 évaluant la tolérance d’une immunothérapie par injection intra-artérielle hépatique de "
    "lymphocytes T gamma-delta autologues, chez des patients ayant un carcinome hépatocellulaire. [essai clos aux "
    "inclusions]\n\nFemme et Homme | 18 ans et plus\n\nExtrait\n\n"
    "L’objectif de cet essai est de déterminer la dose tolérée de lymphocytes T gamma-delta pour le traitement des "
    "patients ayant un carcinome hépatocellulaire.\n\nExtrait Scientifique\n\n"
    "Il s'agit d'un essai de phase 1, en ouvert, multicentrique.\n")


def test_the_french_cancer_registers_reference_keys_its_reprinted_record() -> None:
    record = _read(KUSAJILI)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("RECF0244", "OTHER")]
    assert trial_key(record.identifiers) == "RECF0244"
    # the title whole, without the register's note after it
    assert record.title.endswith("chez des patients ayant un carcinome hépatocellulaire.")
    assert record.brief_summary == ("L’objectif de cet essai est de déterminer la dose tolérée de lymphocytes T "
                                    "gamma-delta pour le traitement des patients ayant un carcinome hépatocellulaire.")


def test_reference_over_anything_but_a_register_number_labels_nothing() -> None:
    assert label_of("Référence : Dupont et al., Lancet 2019")[0] is None
    assert label_of("Référence : RECF0244") == ("registration", "RECF0244")


# trials.starfile.org NCT03289988 (therapy-holdout12, its negative): the record's status run into its number
STARFILE = (
    "Clinical Trials Directory\n\nTrials / Unknown\n\nUnknownNCT03289988\n\n"
    "Novel Blood-based Colorectal Cancer Screening Method Using Natural Killer Cell Activity and Gene Panel Expression\n\n"
    "Status\nUnknown\nPhase\nStudy type\nObservational\nEnrollment\n964 (estimated)\nSponsor\n"
    "Yonsei University · Academic / Other\n")


def test_an_nct_number_glued_after_a_status_word_is_found_and_keys_its_record() -> None:
    assert [i.value for i in find_registry_ids("UnknownNCT03289988")] == ["NCT03289988"]
    # a ninth digit before or after makes it no NCT number
    assert find_registry_ids("1NCT03289988") == [] and find_registry_ids("NCT032899881") == []
    record = _read(STARFILE)
    assert trial_key(record.identifiers) == "NCT03289988"
    assert record.title.startswith("Novel Blood-based Colorectal Cancer Screening Method")


# research.kssg.ch (generic-holdout2): a Swiss hospital's research-project page, German labels over English values, the
# cancer trials group's protocol number before the title in its heading and no register number
KSSG = (
    "Kantonsspital St.Gallen\nanmelden\n\n"
    "Protocol SAKK 11/16: Personalized and cell-based anti-tumor immunization MVX-ONCO-1 in advanced head and neck "
    "squamous cell carcinoma. A single arm, open label, multicenter phase II trial\n\nMarkus Joerger\n\n"
    "Kurzfassung MVX-ONCO-1 is a form of active specific immunotherapy, a process by which the patient’s immune response "
    "to tumor cells is stimulated and/or augmented.\n   \n"
    "Projektpartner Dr. Veronika Nagy, Dr. Karen Nestor, Prof. Dr. Markus Joerger\n"
    "Art des Forschungsprojektes Klinische Forschung\nStatus Geplant\nProjektstart 2020\nProjektende 2025\n"
    "Studiendesign Phase II\n")


def test_a_protocol_number_opening_the_heading_keys_the_page_and_kurzfassung_heads_its_summary() -> None:
    record = _read(KSSG)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("SAKK 11/16", "ORG")]
    assert record.title.startswith("Protocol SAKK 11/16: Personalized and cell-based anti-tumor immunization")
    assert record.brief_summary == ("MVX-ONCO-1 is a form of active specific immunotherapy, a process by which the "
                                    "patient’s immune response to tumor cells is stimulated and/or augmented.")


def test_a_heading_opening_with_protocol_and_no_number_keys_nothing() -> None:
    with pytest.raises(DocumentError, match="unknown layout"):
        _read(KSSG.replace("Protocol SAKK 11/16:", "Protocol overview:"))


# info.shine.com NCT03093350 (generic-holdout2): a syndicated item copying a registry record's fields onto one line
SHINE = (
    "Clinical Trial: TUMOR-ASSOCIATED ANTIGEN (TAA)-SPECIFIC CYTOTOXIC T LYMPHOCYTES ADMINISTERED IN PATIENTS WITH BREAST "
    "CANCER\n\nThursday, March 30, 2017\n6\n"
    "U.S., March 30 -- ClinicalTrials.gov registry received information related to the study (NCT03093350) titled "
    "'TUMOR-ASSOCIATED ANTIGEN (TAA)-SPECIFIC CYTOTOXIC T LYMPHOCYTES ADMINISTERED IN PATIENTS WITH BREAST CANCER' on "
    "March 22. Brief Summary: The study is being conducted in patients in which breast cancer has come back after "
    "standard treatment. Study Start Date: Study Type: Interventional Condition: Breast Cancer Intervention: Biological: "
    "TAA-specific CTLs Each patient will receive 2 injections at a fixed dose, 28 days apart, according to the following "
    "dose schedule: The expected volume of infusion will be 1 to 10 cc. Dose schedule: Day 0: 2 x 10^7 cells/m2\n")


def test_a_registry_records_fields_run_onto_one_line_are_read_as_its_fields() -> None:
    record = _read(SHINE)
    assert trial_key(record.identifiers) == "NCT03093350"
    # the headline is a "Field: value" line: the title the text names the study by
    assert record.title == ("TUMOR-ASSOCIATED ANTIGEN (TAA)-SPECIFIC CYTOTOXIC T LYMPHOCYTES ADMINISTERED IN PATIENTS WITH "
                            "BREAST CANCER")
    assert record.brief_summary == ("The study is being conducted in patients in which breast cancer has come back after "
                                    "standard treatment.")
    assert record.conditions == ["Breast Cancer"]
    # the intervention's name ends where the sentence about the patients begins
    assert [(i.name, i.type) for i in record.interventions] == [("TAA-specific CTLs", "BIOLOGICAL")]


def test_endpoints_in_a_description_line_cut_no_fields() -> None:
    # ignite-sd.com NCT05333705: its endpoints are read from the description's sentences, the line stays whole
    line = ("Primary end point: To determine the rate of overall survival at 2 years of Interventional cohort Secondary "
            "end point: To determine the cumulative incidence of relapse at 2 years. Study Design: This study is a phase I "
            "clinical trial.")
    assert inline_fields([line]) == [line]


# gsk-studyregister.com 103813 (generic-holdout3): "Trial description:" with its text on its line is the summary;
# "TRIAL DESCRIPTION" alone heads a group of fields (pactr.samrc.ac.za)
def test_trial_description_with_its_text_is_the_summary_and_alone_a_heading() -> None:
    assert label_of("Trial description: This study evaluates the immunogenicity and consistency of 3 Hib-MenCY-TT "
                    "vaccine lots") == ("brief_summary", "This study evaluates the immunogenicity and consistency of 3 "
                                        "Hib-MenCY-TT vaccine lots")
    assert label_of("TRIAL DESCRIPTION") == ("other", None)


# nationwidechildrens.org NCT04254419 (therapy-holdout21): a children's hospital's trial page asks its headings
NATIONWIDE = (
    "Early-Phase Study of Targeted Natural Killer Cell Therapy for Children and Young Adults With Recurrent, Progressive "
    "or Refractory Brain Tumors\n\nPhase: Recruiting\n\nNCT Number: NCT04254419 Other Study ID Number(s): NK Brain Tumor\n\n"
    "What Is the Purpose of This Study?\n\n"
    "To see if it is safe and feasible to treat malignant brain tumors with donor natural killer (NK) cells.\n\n"
    "Who Can Take Part in This Study?\n\nPeople who may be eligible for this study:\n\n  • Age: 1 to 39 years old.\n\n"
    "What Will Happen During This Study?\n\n"
    "  • They will receive NK cell infusions weekly for 3 weeks, followed by 1 week of rest. This is called a cycle.\n")


def test_question_headings_over_a_studys_purpose_and_course_head_its_summary_and_description() -> None:
    record = _read(NATIONWIDE)
    assert record.brief_summary == ("To see if it is safe and feasible to treat malignant brain tumors with donor natural "
                                    "killer (NK) cells.")
    assert "They will receive NK cell infusions weekly for 3 weeks" in record.detailed_description


# breastcancer.org NCT03734029 (generic-holdout4): the trial's name as the page's heading, and a paragraph that says
# what the trial is by that name
DESTINY = (
    "Join Us\n\nDESTINY-Breast04 Trial\n\nSave as Favorite\nSign in to receive recommendations (Learn more)\n\n"
    "Phase: Phase III\n\nClinicalTrials.gov ID number: NCT03734029\n\n"
    "Sponsors of the trial: Daiichi Sankyo, Inc., and AstraZeneca\n\nWho is the trial for?\n\n"
    "The DESTINY-Breast04 trial is a phase III trial for people diagnosed with metastatic breast cancer with low HER2 "
    "levels or other stages of breast cancer with low HER2 levels that can’t be removed with surgery.\n")


def test_a_heading_naming_the_trial_is_its_title_and_a_paragraph_saying_what_it_is_its_summary() -> None:
    record = _read(DESTINY)
    assert record.title == "DESTINY-Breast04 Trial"
    assert record.brief_summary.startswith("The DESTINY-Breast04 trial is a phase III trial for people diagnosed")


def test_a_heading_of_common_words_names_no_trial() -> None:
    record = _read(DESTINY.replace("DESTINY-Breast04 Trial\n", "Featured Trial\n"))
    assert record.title is None
