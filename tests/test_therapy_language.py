"""Cell-therapy reading that follows how trial texts say things, each rule with real wording.

Every case quotes a real registry record or trial page (the source in a comment): the words a
disease, a lab measurement or an abbreviation shares with a cell therapy must not become a
product, a cytokine use or a regimen, and the plain-English ways of saying donor, dose count and
purpose must be read.
"""

from __future__ import annotations

from typing import Any

import pytest

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.cytokines import cytokine_uses
from kg.enrich.therapy.product_sources import _AUTOLOGOUS
from kg.enrich.therapy.products import _FOLLOW_UP_STUDY
from kg.enrich.therapy.text import Passage
from kg.enrich.therapy.untyped_cells import _UNTYPED_CELLS
from kg.model.records import Arm, Criterion, Intervention, SourceDocument, TrialRecord


def _record(**fields: Any) -> TrialRecord:
    fields.setdefault("source", SourceDocument("t.json", "0" * 64, "ctgov_api_v2"))
    return describe_therapy(TrialRecord(**fields))


# --- words that name NK cells without giving them ---------------------------------------------

NOT_A_PRODUCT = [
    # tests/data/ctgov-negative NCT05863234 (an antibody, PPMX-T003)
    pytest.param(dict(title="Safety Evaluation Study for Patients With Aggressive NK-cell Leukemia",
                      brief_summary="This study is to evaluate the tolerability, safety, efficacy and pharmacokinetics "
                                    "of PPMX-T003 in aggressive NK-cell leukemia.",
                      interventions=[Intervention("PPMX-T003", "DRUG")]), id="nk-cell-leukemia"),
    # NCT00854425 (registry summary, via ejaybennett/healthdata CNNFORMAT/summaries2/NCT00854425.story)
    pytest.param(dict(title="L-asparaginase Monotherapy as Salvage Treatment in Patients With NK/T Cell Lymphoma",
                      brief_summary="The prognosis of patients with progressive and recurrent NK/T cell lymphoma is "
                                    "poor partially due to lack of effective treatment.",
                      interventions=[Intervention("L-asparaginase", "DRUG")]), id="nk-t-cell-lymphoma"),
    # NCT02764281 (same source): a transplant-only trial of natural killer/T-cell lymphoma
    pytest.param(dict(title="MEDA Chemotherapy and Autologous Hematopoietic Stem Cell Transplantation for Stage IV "
                            "Natural Killer/T-cell Lymphoma",
                      brief_summary="Extranodal natural killer/T-cell lymphoma (ENKTCL), nasal type, is a rare subtype "
                                    "of non-Hodgkin lymphoma (NHL) with relatively high incidence in China."),
                 id="natural-killer-t-cell-lymphoma"),
    # NCT02445872 (same source): an antiemetic, "neurokinin-1(NK-1) antagonist"
    pytest.param(dict(title="Safety and Efficacy of Aprepitant for CINV in Patients With Lung Cancer Receiving "
                            "Multiple-day Cisplatin Chemotherapy",
                      brief_summary="Aprepitant is an oral neurokinin-1(NK-1) antagonist which is used for the "
                                    "prevention of chemotherapy-induced nausea and vomiting (CINV)."), id="nk-1-antagonist"),
]


@pytest.mark.parametrize("fields", NOT_A_PRODUCT)
def test_a_disease_or_receptor_named_after_nk_cells_is_no_product(fields: dict) -> None:
    assert _record(**fields).cell_products == []


# --- measured, not given ---------------------------------------------------------------------

def test_a_cytokine_measured_in_serum_is_not_given() -> None:
    # tests/data/ctgov-negative NCT02387086 (gefitinib + thalidomide)
    record = _record(title="Gefitinib Combined With Thalidomide to Treat NSCLC",
                     brief_summary="3. To acquire preliminary data regarding the effects of thalidomide on "
                                   "interleukin-2 level in serum.",
                     interventions=[Intervention("Thalidomide", "DRUG")])
    assert record.cytokines == []


def test_a_cytokine_measured_in_a_cell_trial_is_not_given() -> None:
    record = _record(title="NK cells for AML", interventions=[Intervention("NK cells", "BIOLOGICAL")],
                     brief_summary="Serum levels of IL-12 and IFN-gamma will be measured before and after infusion.")
    assert record.cytokines == []


# --- abbreviations that are not regimens -------------------------------------------------------

def test_highly_emetogenic_chemotherapy_is_no_regimen() -> None:
    # NCT01661335 (registry summary, via ejaybennett/healthdata CNNFORMAT/summaries14/NCT01661335.story)
    record = _record(title="Efficacy of Aprepitant (Emend) in Children",
                     brief_summary="To determine the efficacy of aprepitant (Emend(R)) in preventing and reducing "
                                   "chemotherapy-induced nausea and vomiting (CINV) when added to standard antiemetic "
                                   "drug regimens for children receiving highly emetogenic chemotherapy (HEC).",
                     interventions=[Intervention("Aprepitant", "DRUG")])
    assert record.regimens == []


def test_radiochemotherapy_abbreviated_is_no_regimen() -> None:
    # tests/data/pages/clinicaltrialsregister.eu/2008-002130-30-results.txt (i16 dev corpus)
    record = _record(title="Targeted Natural Killer (NK) cell based adoptive immunotherapy for the treatment of patients "
                           "with Non-Small Cell Lung Cancer (NSCLC) after radiochemotherapy (RCT)")
    assert [p.cell_type for p in record.cell_products] == ["NK"]
    assert record.regimens == []


def test_a_trial_without_cells_or_transplant_has_no_regimen_around_them() -> None:
    # tests/data/ctgov-negative NCT06094296
    record = _record(title="A Study of BMS-986315 and Nivolumab in Combination With Chemotherapy in NSCLC",
                     brief_summary="The purpose of this study is to evaluate the efficacy and safety of BMS-986315 plus "
                                   "nivolumab in combination with platinum-based doublet chemotherapy (PDCT) versus "
                                   "nivolumab in combination with PDCT",
                     interventions=[Intervention("Cisplatin", "DRUG"), Intervention("Pemetrexed", "DRUG")])
    assert record.regimens == []


def test_an_acronym_of_the_words_before_is_no_regimen_even_in_a_cell_trial() -> None:
    record = _record(title="NK cells with chemotherapy", interventions=[Intervention("NK cells", "BIOLOGICAL")],
                     brief_summary="Patients receiving highly emetogenic chemotherapy (HEC) get antiemetics.")
    assert record.regimens == []


# --- activation is not expansion; donors in plain English; background is not the product ------

def test_in_vitro_activated_cells_are_not_said_to_be_expanded() -> None:
    # tests/data/pages/clinicaltrialexchange.com/NCT04221971-nk-infusion-aml.txt
    record = _record(title="NK Cell Infusion in High Risk AML",
                     brief_summary="In recent years, with the continuous advancement of in vitro expansion methods, "
                                   "the application of good quality management technology, NK cells could be clinical "
                                   "grade expanded without the need for pre-purification, feeder-free, and serum-free "
                                   "culture. In this clinical trial the investigators want to demonstrate the safety and "
                                   "efficacy chemotherapy combined with donor-derived in vitro activated NK cells "
                                   "infusion for high risk AML patients.")
    (product,) = record.cell_products
    assert (product.cell_type, product.ex_vivo_expanded, product.donor_types) == ("NK", None, ["ALLOGENEIC"])


@pytest.mark.parametrize(("sentence", "donor"), [
    # wording of lay summaries (cancerresearchuk.org, trialx.com pages in tests/data/pages)
    ("The NK cells are made from the participant's own blood.", "AUTOLOGOUS"),
    ("The trial uses NK cells. The cells are taken from the patient's own blood and grown in the lab.", "AUTOLOGOUS"),
    ("It tests CD123 CAR-NK cells. These cells are developed from healthy donors and are meant to attack leukemia "
     "that shows a marker called CD123.", "ALLOGENEIC"),
    ("The NK cells are collected from a healthy donor.", "ALLOGENEIC"),
])
def test_donor_in_plain_english(sentence: str, donor: str) -> None:
    record = _record(title="NK cells for leukaemia", brief_summary=sentence,
                     interventions=[Intervention("NK cells", "BIOLOGICAL")])
    assert record.cell_products[0].donor_types == [donor]


def test_haploidentical_said_of_the_transplant_is_not_the_products_donor() -> None:
    # tests/data/pages/trialfinderdata.org/NCT06158828.txt
    record = _record(title="Pilot Study of Memory-like Natural Killer (ML NK) Cells After TCRαβ T Cell Depleted "
                           "Haploidentical Transplant in AML")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("NK", [])]
    # tests/data/pages/trials.co/NCT04836390-excel-haplo-nk-aml.txt: donor-derived cells of that transplant's donor
    record = _record(title="Donor-Derived Ex-Vivo Expanded Natural Killer Cell Infusions in Children and Young Adults "
                           "With High Risk Acute Myeloid Leukemia Receiving Myeloablative HLA-Haploidentical "
                           "Hematopoietic Cell Transplant (EXCEL)")
    assert [(p.cell_type, p.donor_types, p.ex_vivo_expanded) for p in record.cell_products] == [
        ("NK", ["HAPLOIDENTICAL"], True)]


def test_a_page_of_criteria_only_names_its_cells_in_the_donors_criteria() -> None:
    # tests/data/pages/ignite-sd.com/eligibilitymodule-74519-NCT01639456.txt and -47984-NCT04320303.txt
    record = _record(criteria=[Criterion("INCLUSION", "Available related HLA haploidentical natural killer (NK) cell "
                                                      "donor (sibling, offspring, or offspring of an HLA identical sibling)")])
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("NK", ["HAPLOIDENTICAL"])]
    record = _record(criteria=[Criterion("INCLUSION", "Prior to transplantation, the CMV IgG of the recipient and donor "
                                                      "were positive, and the recipient had a suitable donor to expand NK cells.")])
    assert [(p.cell_type, p.donor_types, p.ex_vivo_expanded) for p in record.cell_products] == [
        ("NK", ["ALLOGENEIC"], True)]


# --- cell types -------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "cell_type"), [
    # tests/data/pages/cancer.gov/NCI-2024-00762-ciml-nk-aml-mds.txt
    # the contract's tokens: CIML / memory-like NK cells are NK; TIL, γδ T cells and donor lymphocytes are T
    ("Cytokine-Induced Memory-Like Natural Killer Cells for the Treatment of AML or MDS", "NK"),
    ("CIML NK Cell in Head & Neck Cancer", "NK"),
    ("Tumor-Infiltrating Lymphocytes (TIL) in Metastatic Melanoma", "T"),
    ("Ex Vivo Expanded Gamma Delta T Cells in Relapsed Leukemia", "T"),
    ("Prophylactic Donor Lymphocyte Infusion After Allogeneic Transplantation", "T"),
    # tests/data/pages/medifind.com/447989158-anti-cd56-car-t-nk-t-lymphoma.txt
    ("Anti-CD56 CAR-T Cells for Relapsed or Refractory NK/T Cell Lymphoma", "CAR_T"),
    ("CD19 CAR-NK Cells From Cord Blood", "CAR_NK"),
    # ClinicalTrials.gov titles (via ejaybennett/healthdata CNNFORMAT): NCT03146234, NCT03093168, NCT03060356
    ("CAR-GPC3 T Cells in Patients With Refractory Hepatocellular Carcinoma", "CAR_T"),
    ("BCMA Chimeric Antigen Receptor Expressing T Cells in Multiple Myeloma", "CAR_T"),
    ("Autologous T Cells Expressing MET scFv CAR (RNA CART-cMET)", "CAR_T"),
    # umin.ac.jp UMIN000015617 (tests/data/therapy-holdout11): the receptor written out after the T cells
    ("Clinical Research of gene therapy for relapsed or refractory B-cell Non-Hodgkin Lymphoma using autologous T cells "
     "expressing a chimeric antigen receptor specific to the CD19 antigen", "CAR_T"),
])
def test_cell_types(title: str, cell_type: str) -> None:
    record = _record(title=title)
    assert [p.cell_type for p in record.cell_products] == [cell_type]


@pytest.mark.parametrize(("title", "summary"), [
    # NCT02354053, NCT00864916 (same source): "cART" is a combination antiretroviral therapy, no CAR-T product
    ("Evaluation of Switching From Current cART to Triumeq With Adherence Support Will Enhance HIV Control in Vulnerable "
     "Populations", None),
    ("Pentoxifylline and Combination Antiretroviral Therapy to Improve Blood Vessel Function in HIV-Infected People",
     "The purpose of this study is to compare the safety and effectiveness of pentoxifylline and cART versus cART alone at "
     "improving endothelial function and reducing inflammation in HIV-infected people."),
])
def test_combination_antiretroviral_therapy_is_no_car_t(title: str, summary: str | None) -> None:
    record = _record(source=SourceDocument("t.txt", "0" * 64, "generic"), title=title, brief_summary=summary)
    assert record.cell_products == []


# --- cells of a kind the contract has no token for ---------------------------------------------

@pytest.mark.parametrize(("fields", "product"), [
    # tests/data/pages/anzctr.org.au/ACTRN12610000068066-id335014.txt: "to treat", then "administered ... weekly for two
    # weeks"; the allogeneic transplant is the patients', not the cells' donor
    pytest.param(dict(title="Mesenchymal Stromal Cells to Treat Steroid-refractory Graft Versus Host Disease after Bone Marrow "
                            "Transplantation",
                      brief_summary="A phase 1 study to assess the safety of mesenchymal stromal cells to treat "
                                    "steroid-refractory graft versus host disease after allogeneic haemopoietic stem cell "
                                    "tranplantation. Mesenchymal stromal cells 2 X 10E6/kg administered intrvenously over 15 "
                                    "minutes weekly for two weeks"),
                 (None, [], [], 2, [(2e6, True)]), id="msc"),
    # tests/data/pages/anzctr.org.au/ACTRN12624000968572-id388172.txt
    pytest.param(dict(title="Autologous cord blood-derived cell therapy for extremely preterm infants: An international, "
                            "multicentre randomised controlled trial",
                      brief_summary="One to two intravenous infusions of autologous umbilical cord blood derived cells "
                                    "(UCBCs) at a dose of 50 million total nucleated cells per kg given over 1 hour."),
                 (None, ["AUTOLOGOUS"], ["UMBILICAL_CORD_BLOOD"], None, [(5e7, True)]), id="cord-blood-derived-cells"),
    # tests/data/pages/apps.who.int/NCT02218437-msc-saa.txt: an intervention named by the cells
    pytest.param(dict(title="Treatment Protocol of Child SAA With the Injection of Mesenchymal Stem Cells(Umbilical Cord "
                            "Derived) MSC-SAA", interventions=[Intervention("MSC+ATG", "DRUG")]),
                 (None, [], [], None, []), id="msc-intervention"),
])
def test_cells_without_a_cell_type_token_given_as_a_therapy_are_a_product_without_a_type(fields: dict,
                                                                                          product: tuple) -> None:
    (found,) = _page(**fields).cell_products
    assert (found.cell_type, found.donor_types, found.tissue_sources, found.infusions,
            [(d.minimum, d.per_dose) for d in found.doses]) == product


@pytest.mark.parametrize("fields", [
    # tests/data/ctgov-negative (a study of titanium implants citing "Banik BL, ... Human Mesenchymal Stem Cell Morphology
    # and Migration on Microtextured Titanium"): cells studied, not given
    pytest.param(dict(title="Human Mesenchymal Stem Cell Morphology and Migration on Microtextured Titanium"), id="studied"),
])
def test_cells_without_a_token_named_without_a_word_of_giving_are_no_product(fields: dict) -> None:
    assert _page(**fields).cell_products == []


def test_a_cell_therapy_named_by_the_cells_it_acts_on_gives_the_cells_it_uses() -> None:
    # tests/data/pages/jrct.mhlw.go.jp/jRCTc030220374-nkt-alphagc-dc.txt: the dendritic cells are given, the patients' NKT
    # cells activated by them; no NKT product
    record = _page(title="A study for the safety of NKT cell therapy using alpha-galactosylceramide-pulesed dendritic cells "
                         "for malignant tumors (NKT cell therapy using alphaGC-DCs for malignant tumors)")
    assert [p.cell_type for p in record.cell_products] == [None]


def test_a_degree_is_no_mesenchymal_stromal_cell() -> None:
    # tests/data/ctgov-negative: "Riley Bove, MD MSc", "Tineke Dineen, MSc" (the abbreviation is read in capitals only)
    assert [_UNTYPED_CELLS.search(name) for name in ("Riley Bove, MD MSc", "Tineke Dineen, MSc")] == [None, None]


# --- regimens from the interventions, and their purpose ----------------------------------------

def test_lymphodepletion_drugs_listed_among_the_interventions_are_regimens() -> None:
    record = _record(title="CAR-NK Cells for CD19 Positive Lymphoma",
                     interventions=[Intervention("Fludarabine Phosphate", "DRUG", "Given IV"),
                                    Intervention("Cyclophosphamide", "DRUG", "Given IV"),
                                    Intervention("CAR-NK cells", "BIOLOGICAL", "Given IV")],
                     arms=[Arm("Treatment (CAR-NK cells)", "EXPERIMENTAL",
                               "Patients receive lymphodepleting chemotherapy with fludarabine phosphate IV and "
                               "cyclophosphamide IV on days -5 to -3. Patients then receive CAR-NK cells IV on day 0.")])
    assert {(drug.lower(), r.purpose) for r in record.regimens for drug in r.components} == {
        ("fludarabine", "LYMPHODEPLETION"), ("cyclophosphamide", "LYMPHODEPLETION")}


def test_the_arm_that_names_the_drugs_says_what_they_are_for() -> None:
    # clinicaltrials.gov/ct2-show-NCT03434769-anti-cd19-car-t-nhl.txt: "Drug: Cyclophosphamide", "Drug: Fludarabine"
    # and the arm "Experimental: Cyclophosphamide + Fludarabine + Infusion of CAR-T Cells" / "Lymphodepletive regimen,
    # consisti" (the page is cut there): the drugs the arm names are its lymphodepletion, the unnamed regimen is them
    record = _record(source=SourceDocument("t.txt", "0" * 64, "ctgov_classic"),
                     title="AntiCD19 Chimeric Antigen Receptor T Cells for Relapsed or Refractory Non Hodgkin Lymphoma",
                     interventions=[Intervention("Cyclophosphamide", "DRUG"), Intervention("Fludarabine", "DRUG"),
                                    Intervention("CAR-T Cells", "BIOLOGICAL")],
                     arms=[Arm("Cyclophosphamide + Fludarabine + Infusion of CAR-T Cells", "EXPERIMENTAL",
                               "Lymphodepletive regimen, consisti")])
    assert {(r.name, r.purpose) for r in record.regimens} == {("Cyclophosphamide", "LYMPHODEPLETION"),
                                                              ("Fludarabine", "LYMPHODEPLETION")}


def test_drugs_listed_beside_cells_given_after_high_dose_chemotherapy_and_stem_cells_are_its_conditioning() -> None:
    # ctv.veeva.com/NCT02130869-haplo-nk-cd133-autologous-hsct.txt: "Treatments Drug: Melphalan ... Drug: Busulfan" and
    # "Natural killer cells from a haploidentical family member will be given after high dose chemotherapy and positively
    # selected autologous stem cells": the only chemotherapy the page gives is the conditioning of the graft
    record = _page(title="A Pilot Study of Immunotherapy Including Haploidentical NK Cell Infusion Following CD133+ "
                         "Positively-Selected Autologous Hematopoietic Stem Cells in Children With High Risk Solid Tumors or "
                         "Lymphomas",
                   interventions=[Intervention("Melphalan", "DRUG"), Intervention("IL-2", "BIOLOGICAL"),
                                  Intervention("Busulfan", "DRUG"),
                                  Intervention("Haploidentical natural killer cell infusion", "DEVICE")],
                   brief_summary="This is a pilot clinical trial investigating the addition of haploidentical natural killer "
                                 "cell infusion to autologous stem cell transplantation. Natural killer cells from a "
                                 "haploidentical family member will be given after high dose chemotherapy and positively "
                                 "selected autologous stem cells.")
    assert {(r.name, r.purpose) for r in record.regimens} == {("Melphalan", "CONDITIONING"), ("Busulfan", "CONDITIONING")}


def test_drugs_listed_beside_cells_given_after_pre_treatment_plans_and_a_transplant_are_its_conditioning() -> None:
    # aamds.org/node-5216-NCT02727803-personalized-nk-cbt.txt: "Drug: Busulfan ... Drug: Fludarabine" and "giving cells
    # called natural killer (NK) cells after receiving 1 of 3 pre-treatment plans and a UCB transplant"
    record = _page(interventions=[Intervention("Busulfan", "DRUG"), Intervention("Fludarabine", "DRUG")],
                   brief_summary="The goal of this clinical research study is to learn if giving cells called natural "
                                 "killer (NK) cells after receiving 1 of 3 pre-treatment plans and a UCB transplant can "
                                 "improve response in participants with MDS, leukemia, lymphoma, or MM.")
    assert {(r.name, r.purpose) for r in record.regimens} == {("Busulfan", "CONDITIONING"), ("Fludarabine", "CONDITIONING")}


def test_listed_drugs_of_a_trial_with_a_consolidation_besides_the_transplant_keep_no_conditioning() -> None:
    # the same wording beside a course of consolidation (clinicaltrials.gov HINKL NCT02229266's "1 cycle of consolidation
    # chemotherapy with high-dose cytarabine"): which drug is which is not said
    record = _page(interventions=[Intervention("Busulfan", "DRUG"), Intervention("Cytarabine", "DRUG")],
                   brief_summary="NK cells will be given after high dose chemotherapy and a stem cell transplant. Patients "
                                 "then receive 1 cycle of consolidation chemotherapy.")
    assert {r.purpose for r in record.regimens if r.name in ("Busulfan", "Cytarabine")} == {"CHEMOTHERAPY"}


def test_the_nci_drugs_used_in_chemotherapy_sentence_names_the_regimen_and_says_what_for() -> None:
    # cancer.gov/NCI-2018-00983-NCT03434769-anti-cd19-car-t-nhl.txt
    record = _page(brief_summary="This phase I trial studies the side effects and best dose of autologous anti-CD19 "
                                 "CAR-CD3zeta-4-1BB-expressing T-cells (antiCD9 chimeric antigen receptor T-cells) when given "
                                 "together with chemotherapy in treating patients with CD19 positive non-Hodgkin lymphoma. "
                                 "Drugs used in chemotherapy, such as cyclophosphamide and fludarabine phosphate, work in "
                                 "different ways to stop the growth of cancer cells, either by killing the cells, by stopping "
                                 "them from dividing, or by stopping them from spreading, and may work to suppress the immune "
                                 "system and allow antiCD9 chimeric antigen receptor T-cells to work better.")
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("cyclophosphamide and fludarabine phosphate", "LYMPHODEPLETION", ["cyclophosphamide", "fludarabine"])]


def test_the_nci_drugs_used_in_chemotherapy_sentence_without_a_purpose_is_chemotherapy() -> None:
    # the NCI's sentence in its usual form (NCT00296062's RATIONALE, a chemotherapy trial), in a record that gives cells:
    # the drugs as it lists them, to stop the growth of the tumour only
    record = _page(title="Donor Natural Killer Cells in Treating Patients With Solid Tumors",
                   brief_summary="RATIONALE: Drugs used in chemotherapy, such as capecitabine, irinotecan, and oxaliplatin, "
                                 "work in different ways to stop the growth of tumor cells, either by killing the cells or by "
                                 "stopping them from dividing.")
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("capecitabine, irinotecan, and oxaliplatin", "CHEMOTHERAPY", ["capecitabine", "irinotecan", "oxaliplatin"])]


def test_chemotherapy_listed_with_cik_cells_is_a_regimen_of_its_drug() -> None:
    # i16 dev corpus page clinicaltrials.gov/show-NCT01631357-cik-chemo-squamous-nsclc.txt:
    # "Biological: CIK cell Drug: Gemcitabine Injection Drug: Cisplatin injection"
    record = _record(title="CIK Cell Treatment Combined With Chemotherapy in Squamous NSCLC",
                     interventions=[Intervention("CIK cell", "BIOLOGICAL", "CIK cell injection"),
                                    Intervention("Gemcitabine Injection", "DRUG", "Gemcitabine injection"),
                                    Intervention("Cisplatin injection", "DRUG", "Cisplatin injection")])
    assert {(r.name, r.purpose, tuple(r.components)) for r in record.regimens} == {
        ("Gemcitabine Injection", "CHEMOTHERAPY", ("gemcitabine",)), ("Cisplatin injection", "CHEMOTHERAPY", ("cisplatin",))}


def test_a_lymphodepleting_regimen_named_twice_without_its_drugs_is_one_regimen() -> None:
    # i16 dev corpus page meddatax.com/NCT02360579-lifileucel-til-melanoma.txt
    record = _record(source=SourceDocument("t.txt", "0" * 64, "generic"), title="Study of LN-144 in Metastatic Melanoma",
                     brief_summary="Prospective, interventional multicenter study evaluating adoptive cell therapy (ACT) via "
                                   "infusion of LN-144 (autologous TIL) followed by interleukin 2 (IL-2) after a "
                                   "nonmyeloablative lymphodepletion (NMA LD) preconditioning regimen. The adoptive cell "
                                   "transfer therapy used in this study involves patients receiving a lymphocyte depleting "
                                   "preconditioning regimen, prior to infusion of autologous TIL, followed by the "
                                   "administration of a regimen of IL-2.")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("T", ["AUTOLOGOUS"])]
    assert [(r.name, r.purpose) for r in record.regimens] == [
        ("nonmyeloablative lymphodepletion (NMA LD) preconditioning regimen", "LYMPHODEPLETION")]
    assert [(u.cytokine, u.role) for u in record.cytokines] == [("IL-2", "IN_VIVO_SUPPORT")]


def test_myeloablative_busulfan_and_cyclophosphamide_is_a_conditioning() -> None:
    record = _record(title="NK cells after allogeneic stem cell transplantation",
                     brief_summary="Patients receive busulfan and cyclophosphamide-based myeloablative conditioning "
                                   "regimen before allogeneic stem cell transplantation, then donor NK cells.")
    (regimen,) = record.regimens
    assert (regimen.purpose, regimen.components) == ("CONDITIONING", ["busulfan", "cyclophosphamide"])


def test_a_preparative_regimen_before_an_allosct_is_its_conditioning() -> None:
    # NCT00670410 (ClinicalTrials.gov summary via ejaybennett/healthdata)
    record = _page(title="Autologous Transplant Followed by Allogeneic Transplant for High Risk Neuroblastoma",
                   brief_summary="Immunotherapy with Non-myeloablative AlloSCT Immunotherapy with a non-myeloablative "
                                 "preparative regimen of busulfan and fludarabine followed by AlloSCT with either: (Arm A) a "
                                 "related donor (5/6 or 6/6 HLA matched); or (Arm B) an umbilical cord blood donor (unrelated "
                                 "4/6, 5/6, or 6/6 HLA matched, or related 3/6, 4/6, 5/6, or 6/6 HLA matched). Maintenance "
                                 "Therapy Patients with a related donor who have persistent disease detected prior to "
                                 "NAT/AlloSCT will be assigned to Arm A1 and will receive two courses of DLI, followed by "
                                 "cis-RA for 6 cycles.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("busulfan and fludarabine", "CONDITIONING")]


def test_flu_cy_before_nk_cells_stays_a_lymphodepletion() -> None:
    # /work/shared/corpus/seeds 004 (EudraCT 2019-001929-27)
    record = _record(title="UCB-NK cells in AML", brief_summary="Prior to NK cell infusion, patients will receive "
                     "cyclophosphamide and fludarabine (Cy/Flu) based lymphodepleting chemotherapy.")
    assert [r.purpose for r in record.regimens] == ["LYMPHODEPLETION"]


def test_a_preparative_regimen_named_by_its_drugs_and_again_with_their_doses_is_one_lymphodepletion() -> None:
    # NCT01593696 (ClinicalTrials.gov summary via ejaybennett/healthdata CNNFORMAT/summaries*/NCT01593696.story)
    record = _record(source=SourceDocument("t.txt", "0" * 64, "generic"),
                     title="Anti-CD19 White Blood Cells for Children and Young Adults With B Cell Leukemia or Lymphoma",
                     brief_summary="Primary: To determine the feasibility of administering anti-CD19 CAR transduced T cells "
                                   "within 21 days of the target date in children and young adults with B-cell malignancies "
                                   "expressing CD19 enrolled on arm 2. This is a phase I study of children and young adults "
                                   "with B cell malignancies following a cyclophosphamide/fludarabine preparative regimen. "
                                   "Arm 1: Patients will begin preparative regimen comprising fludarabine 25 mg/m(2) on Days "
                                   "-4, -3 and -2 and cyclophosphamide 900 mg/m(2) on day -2.")
    assert [(p.cell_type, p.genetically_modified) for p in record.cell_products] == [("CAR_T", True)]
    assert [(r.name, r.purpose, sorted(r.components)) for r in record.regimens] == [
        ("cyclophosphamide/fludarabine", "LYMPHODEPLETION", ["cyclophosphamide", "fludarabine"])]


def test_a_preparative_regimen_comprising_drugs_with_their_doses() -> None:
    # the same summary's arm sentence alone
    record = _record(title="Anti-CD19 CAR T cells", interventions=[Intervention("anti-CD19 CAR T cells", "BIOLOGICAL")],
                     brief_summary="Arm 1: Patients will begin preparative regimen comprising fludarabine 25 mg/m(2) on "
                                   "Days -4, -3 and -2 and cyclophosphamide 900 mg/m(2) on day -2.")
    assert [(r.purpose, r.components) for r in record.regimens] == [
        ("LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]


def test_a_regimen_keeps_its_days() -> None:
    record = _record(title="NK cells", interventions=[Intervention("NK cells", "BIOLOGICAL")],
                     brief_summary="Lymphodepletion with fludarabine/cyclophosphamide on days -6 to -2.")
    assert [(r.purpose, r.days) for r in record.regimens] == [("LYMPHODEPLETION", "days -6 to -2")]


# --- cytokines: feeder cells, dose counts, another drug's dose -----------------------------------

def test_il21_on_membrane_bound_feeder_cells_is_only_ex_vivo() -> None:
    # wording of NCT05272293 (seed 000): "K562-mbIL21-41BBL" feeder cells, IL-21 named again elsewhere
    record = _record(title="Expanded haploidentical NK cells",
                     brief_summary="NK cells are expanded on K562-mbIL21-41BBL feeder cells. "
                                   "IL-21 expanded NK cells are infused on days 1, 3 and 5.",
                     interventions=[Intervention("NK cells", "BIOLOGICAL")])
    assert {(u.cytokine, u.role) for u in record.cytokines} == {("IL-21", "EX_VIVO_EXPANSION")}


def test_doses_counted_in_brackets() -> None:
    record = _record(title="NK cells", interventions=[Intervention("NK cells", "BIOLOGICAL")],
                     brief_summary="IL-2 2 million units/m2 subcutaneously three times per week for two weeks (6 doses).")
    (use,) = record.cytokines
    assert (use.number_of_doses, use.frequency, use.duration_days) == (6, "THREE_TIMES_WEEKLY", 14.0)


def test_another_drugs_dose_in_the_sentence_is_not_the_cytokines() -> None:
    record = _record(title="Haploidentical NK cells", interventions=[Intervention("NK cells", "BIOLOGICAL")],
                     brief_summary="Patients receive cyclophosphamide 60 mg/kg on day -5 and fludarabine 25 mg/m2 on "
                                   "days -6 to -2, followed by NK cells and IL-2 on day 0.")
    assert [(u.cytokine, u.dose) for u in record.cytokines] == [("IL-2", None)]


def test_a_cytokine_dose_in_international_units_written_ui_and_a_course_during_weeks() -> None:
    # NCT02763475 (ClinicalTrials.gov summary via ejaybennett/healthdata CNNFORMAT/summaries*/NCT02763475.story)
    record = _record(source=SourceDocument("t.txt", "0" * 64, "generic"),
                     title="NK Cells as Consolidation Therapy of Acute Myeloid Leukemia in Children/Adolescents",
                     brief_summary="- From day 0, IL-2 1x10^6 UI/m2 subcutaneous will be administrated three times a week "
                                   "during two weeks.")
    assert [(u.cytokine, u.dose, u.unit, u.route, u.frequency, u.duration_days) for u in record.cytokines] == [
        ("IL-2", 1e6, "[IU]/m2", "SUBCUTANEOUS", "THREE_TIMES_WEEKLY", 14.0)]


# --- doses tied to their arm; infusions and tissue from the arm description ----------------------

def test_a_dose_stated_in_an_arm_names_the_arm_and_the_arm_gives_infusions_and_tissue() -> None:
    # arm wording of tests/data/ctgov-negative's left-out NK510 study (NCT06097962)
    record = _record(title="Safety and Efficacy of NK510 to Treat NSCLC",
                     interventions=[Intervention("NK510", "DRUG", "NK cells")],
                     arms=[Arm("Group A (low-dose group)", "EXPERIMENTAL",
                               "NK510 will be administered once a week for a total of six weeks. 6×10^9 NK cells/dose. "
                               "The NK cells are expanded from the peripheral blood of healthy donors. "
                               "Patients receive 6 infusions.")])
    (product,) = record.cell_products
    assert [(d.minimum, d.unit, d.per_dose, d.arm) for d in product.doses] == [
        (6e9, "{cells}", True, "Group A (low-dose group)")]
    assert (product.infusions, product.tissue_sources) == (6, ["PERIPHERAL_BLOOD"])


def test_the_doses_of_an_intervention_one_arm_lists_name_that_arm() -> None:
    # tests/data/therapy-holdout3/pages/clinicaltrials.gov/show-NCT04264039-anti-cd19-ucar-t.txt: the arm lists the one
    # cell intervention, whose description gives the dose levels
    record = _record(
        title="Anti-CD19 U-CAR-T Cell Therapy for B Cell Hematologic Malignancies",
        interventions=[Intervention("anti-CD19 UCAR-T cells", "BIOLOGICAL",
                                    "Dose range:1 to 5 ×10^7 cells/Kg, Dose level one: 1×10^7 cells/Kg, Dose level two: "
                                    "3×10^7 cells/Kg, Dose level three:5 ×10^7 cells/Kg"),
                       Intervention("Fludarabine", "DRUG")],
        arms=[Arm("anti-CD19 UCAR-T cells", "EXPERIMENTAL",
                  "After preconditioning with chemotherapy ( Fludarabine, Cytoxan and/or Melphalan), the dosage of "
                  "anti-CD19 UCAR-T cells between 1 and 5 ×10^7 cells/Kg will be evaluated",
                  ["anti-CD19 UCAR-T cells", "Fludarabine"])])
    (product,) = record.cell_products
    assert [(d.minimum, d.maximum, d.arm) for d in product.doses] == [
        (1e7, 5e7, "anti-CD19 UCAR-T cells"), (1e7, 1e7, "anti-CD19 UCAR-T cells"),
        (3e7, 3e7, "anti-CD19 UCAR-T cells"), (5e7, 5e7, "anti-CD19 UCAR-T cells")]


def test_the_dose_of_an_intervention_several_arms_list_names_no_arm() -> None:
    # tests/data/ctgov-therapy/NCT06097962.json lists "NK510" in its three dose groups; a dose in the intervention's own
    # description (here the description of the study's arms moved to it) belongs to none of them alone
    groups = ["Group A (low-dose group)", "Group B (medium-dose group)", "Group C (high-dose group)"]
    record = _record(title="Safety and Efficacy of NK510 to Treat NSCLC",
                     interventions=[Intervention("NK510", "DRUG", "NK510 will be administered once a week for a total "
                                                                  "of six weeks.1×10^9 NK cells/dose.")],
                     arms=[Arm(label, "EXPERIMENTAL", None, ["NK510"]) for label in groups])
    (product,) = record.cell_products
    assert [(d.minimum, d.arm) for d in product.doses] == [(1e9, None)]


# --- issue 17: regimens as trial texts name them ------------------------------------------------

def test_drugs_listed_as_interventions_and_named_as_a_preconditioning_before_the_cells_deplete_lymphocytes() -> None:
    # tests/data/therapy-holdout3/pages/clinicaltrials.gov/show-NCT04264039-anti-cd19-ucar-t.txt: no transplant, the
    # chemotherapy "preconditioning" the cells; "Cytoxan" is cyclophosphamide's brand name, the row keeps the page's name
    arm = ("After preconditioning with chemotherapy ( Fludarabine, Cytoxan and/or Melphalan), the dosage of anti-CD19 "
           "UCAR-T cells between 1 and 5 ×10^7 cells/Kg will be evaluated")
    names = ["anti-CD19 UCAR-T cells", "Fludarabine", "Cytoxan", "Melphalan"]
    record = _record(title="Anti-CD19 U-CAR-T Cell Therapy for B Cell Hematologic Malignancies",
                     interventions=[Intervention(names[0], "BIOLOGICAL"),
                                    *(Intervention(name, "DRUG") for name in names[1:])],
                     arms=[Arm("anti-CD19 UCAR-T cells", "EXPERIMENTAL", arm, names)])
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("Fludarabine", "LYMPHODEPLETION", ["fludarabine"]), ("Cytoxan", "LYMPHODEPLETION", ["cyclophosphamide"]),
        ("Melphalan", "LYMPHODEPLETION", ["melphalan"])]


def test_a_preconditioning_before_a_transplant_is_its_conditioning() -> None:
    # the same wording, the chemotherapy preparing a transplant instead (tests/data/pages/ctv.veeva.com NCT02130869
    # "high dose chemotherapy and positively selected autologous stem cells" is the dev corpus's CONDITIONING)
    record = _record(title="Haploidentical NK cells after autologous stem cell transplantation",
                     interventions=[Intervention("NK cells", "BIOLOGICAL"), Intervention("Melphalan", "DRUG")],
                     arms=[Arm("NK cells", "EXPERIMENTAL", "After preconditioning with chemotherapy (Melphalan) and an "
                               "autologous stem cell transplant, NK cells will be given", ["NK cells", "Melphalan"])])
    assert [(r.name, r.purpose) for r in record.regimens] == [("Melphalan", "CONDITIONING")]


def test_a_regimen_named_by_its_purpose_with_its_drugs_in_brackets_is_the_drugs() -> None:
    # tests/data/therapy-holdout3/pages/hra.nhs.uk/2018-001608-12-autologous-til-solid-tumours.txt
    page = SourceDocument("2018-001608-12.txt", "0" * 64, "generic")
    record = _record(title="Autologous TIL in Patients with Solid Tumours", source=page,
                     brief_summary="The Investigational Drug TIL (LN-144/LN-145) is given with other medications that "
                                   "together make up the therapy. This includes receiving a preconditioning regimen of "
                                   "chemotherapy medications (cyclophosphamide and fludarabine).")
    assert [(r.name, r.purpose) for r in record.regimens] == [("cyclophosphamide and fludarabine", "LYMPHODEPLETION")]
    # without the drugs (tests/data/pages/meddatax.com/NCT02360579-lifileucel-til-melanoma.txt, the same sponsor's TIL)
    # the purpose names the row
    record = _record(title="Lifileucel (autologous TIL) in metastatic melanoma", source=page,
                     brief_summary="The adoptive cell transfer therapy used in this study involves patients receiving a "
                                   "lymphocyte depleting preconditioning regimen, prior to infusion of autologous TIL, "
                                   "followed by the administration of a regimen of IL-2.")
    assert [(r.name, r.purpose) for r in record.regimens] == [
        ("lymphocyte depleting preconditioning regimen", "LYMPHODEPLETION")]


def test_immunosuppression_with_cy_flu_before_nk_cells_is_a_lymphodepletion_and_il2_after_them_is_given() -> None:
    # tests/data/pages/clinicaltrials.gov/ct2-show-NCT02229266-HINKL.txt, its two arms
    record = _record(title="Adoptive Immunotherapy With NK Cells in High-risk AML (HINKL)",
                     interventions=[Intervention("NK cells", "BIOLOGICAL"), Intervention("Cytarabine", "DRUG")],
                     arms=[Arm("NK cells", "EXPERIMENTAL", "Infusion of haploidentical NK cells after immunosuppression with "
                               "cyclophosphamide and fludarabine, followed by immunostimulatory treatment with interleukin-2"),
                           Arm("Control Intervention", "ACTIVE_COMPARATOR",
                               "1 cycle of consolidation chemotherapy with high-dose cytarabine")])
    assert {(r.name, r.purpose) for r in record.regimens} == {
        ("cyclophosphamide and fludarabine", "LYMPHODEPLETION"), ("high-dose cytarabine", "CHEMOTHERAPY")}
    # "immunostimulatory treatment with" gives the cytokine to the patient: it does not stimulate the cells ex vivo
    assert [(u.cytokine, u.role) for u in record.cytokines] == [("IL-2", "IN_VIVO_SUPPORT")]


def test_immunosuppression_with_gvhd_drugs_is_a_gvhd_prophylaxis() -> None:
    record = _record(title="Donor NK cells after haploidentical transplantation",
                     brief_summary="Patients receive immunosuppression with tacrolimus and mycophenolate mofetil from day 5.")
    assert [r.purpose for r in record.regimens] == ["GVHD_PROPHYLAXIS"]


def test_lymphodepleting_therapy_with_its_drugs() -> None:
    # tests/data/pages/findatrial.com/NCT06152809-ciml-nk-venetoclax-aml.txt
    record = _record(title="CIML NK cells combined with venetoclax for treating acute myeloid leukemia",
                     brief_summary="The study is an open-label, single-center phase I trial that will involve lymphodepleting "
                                   "therapy with Fludarabine and Cyclophosphamide prior to the infusion of CIML NK cells.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("Fludarabine and Cyclophosphamide", "LYMPHODEPLETION")]


def test_a_drug_based_consolidation_is_a_chemotherapy() -> None:
    # tests/data/pages/clinicaltrialsregister.eu/2013-003421-28-DE-section-E.txt, E.2.1
    record = _record(title="Haploidentical NK cells in AML",
                     brief_summary="To compare the efficacy of haploidentical NK-cell based consolidation with standard "
                                   "cytarabine based consolidation in elderly patients suffering from AML.")
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("cytarabine based consolidation", "CHEMOTHERAPY", ["cytarabine"])]


@pytest.mark.parametrize(("summary", "regimens"), [
    # tests/data/pages/trial.medpath.com/NCT04209712-haploid-nk-aml-mrd.txt: given with the cells
    ("Patients of acute myeloid leukemia after chemotherapy with MRD(minimal residual disease) will receive NK cell "
     "infusion combined with consolidation chemotherapy.", [("consolidation chemotherapy", "CHEMOTHERAPY")]),
    # the patient's past treatment: no regimen of the trial
    ("Patients in complete remission after induction chemotherapy will receive NK cell infusions.", []),
])
def test_a_course_of_chemotherapy_named_by_its_phase_is_a_regimen_only_when_given(summary: str, regimens: list) -> None:
    record = _record(source=SourceDocument("t.txt", "0" * 64, "generic"), title="Haploid NK cells for AML with MRD",
                     brief_summary=summary)
    assert [(r.name, r.purpose) for r in record.regimens] == regimens


def test_post_transplant_cyclophosphamide_is_a_gvhd_prophylaxis() -> None:
    # tests/data/pages/clinicaltrials.gov/show-NCT03533816-eagd-gamma-delta-t.txt, its title
    record = _record(title="Expanded/Activated Gamma Delta T-cell Infusion Following Hematopoietic Stem Cell "
                           "Transplantation and Post-transplant Cyclophosphamide")
    assert [(r.name, r.purpose, [drug.lower() for drug in r.components]) for r in record.regimens] == [
        ("Post-transplant Cyclophosphamide", "GVHD_PROPHYLAXIS", ["cyclophosphamide"])]


def test_each_drug_a_page_lists_is_a_regimen_even_when_one_name_holds_another() -> None:
    # tests/data/pages/ctv.veeva.com/NCT02130869-haplo-nk-cd133-autologous-hsct.txt: "Drug: Etoposide phosphate",
    # "Drug: Etoposide"
    record = _record(title="Haploidentical NK Cell Infusion Following CD133+ Positively-Selected Autologous Hematopoietic "
                           "Stem Cells", interventions=[Intervention("Etoposide phosphate", "DRUG"),
                                                        Intervention("Etoposide", "DRUG"), Intervention("Etoposide", "DRUG")])
    assert [r.name for r in record.regimens] == ["Etoposide phosphate", "Etoposide"]


# --- issue 17: the product's source, manufacture and dose -----------------------------------------

def test_cord_blood_derived_cells_are_another_persons_whatever_the_background_says() -> None:
    # tests/data/pages/ctv.veeva.com/NCT01914263-cord-blood-cik.txt (its description breaks off after the last words)
    record = _record(source=SourceDocument("t.txt", "0" * 64, "veeva"),
                     title="Safety Study of Cord Blood-derived Cytokine-induced Killer Cells in Patients With Solid Tumor "
                           "After Radical Resection",
                     detailed_description="CIK cells are expanded conventionally from peripheral blood mononuclear cells by "
                                          "addition of a variety of cytokines in vitro culture.\nAutologous CIK cells infusion",
                     interventions=[Intervention("cytokine induced killer cell", "BIOLOGICAL")])
    (product,) = record.cell_products
    assert (product.cell_type, product.donor_types, product.tissue_sources) == ("CIK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"])


def test_a_childs_own_cord_blood_stays_autologous() -> None:
    record = _record(title="Autologous Cord Blood Derived NK Cells in Children",
                     interventions=[Intervention("cord blood NK cells", "BIOLOGICAL")])
    assert [p.donor_types for p in record.cell_products] == [["AUTOLOGOUS"]]


def test_days_of_cultivation_are_an_ex_vivo_expansion() -> None:
    # tests/data/pages/meddatax.com/NCT03634501-activated-primary-nk.txt
    record = _record(source=SourceDocument("t.txt", "0" * 64, "ctgov_mirror"),
                     title="Clinical Study on Anti-tumor Effect Induced by Activated Primary Natural Killer(NK)Cells",
                     brief_summary="Peripheral blood mononuclear cells(PBMC) will be isolated and purified for NK "
                                   "manufacturing. After 14~21 days cultivation, activated NK will be harvested and "
                                   "formulated for clinical administration.")
    assert [(p.ex_vivo_expanded, p.tissue_sources) for p in record.cell_products] == [(True, ["PERIPHERAL_BLOOD"])]


def test_the_dose_of_the_one_product_in_a_sentence_that_does_not_name_it() -> None:
    # tests/data/pages/trial.medpath.com/NCT04765462-allogeneic-gamma-delta-t-solid-tumors.txt
    record = _record(source=SourceDocument("t.txt", "0" * 64, "medpath_bullets"),
                     title="Allogeneic γδ T Cell Therapy for the Treatment of Solid Tumors",
                     interventions=[Intervention("Allogeneic γδ T cells", "BIOLOGICAL")],
                     detailed_description="This is an open-label, single-center, phase 1/2 study to evaluate the safety, "
                                          "feasibility and efficacy of allogeneic γδ T cell therapy. The initial infusion dose "
                                          "level will start from 2x10^6/kg to 5x10^7/kg in every 2-4 weeks.")
    (product,) = record.cell_products
    assert [(d.minimum, d.maximum, d.unit, d.per_dose) for d in product.doses] == [(2e6, 5e7, "{cells}/kg", True)]


def test_the_nci_plain_english_of_a_car_t_product() -> None:
    # tests/data/pages/meddatax.com/NCT05625594-icv-cd19-car-t-cns-lymphoma.txt, its brief summary
    record = _record(source=SourceDocument("t.txt", "0" * 64, "ctgov_mirror"),
                     title="Intracerebroventricular Administration of CD19-CAR T Cells for the Treatment of Central Nervous "
                           "System Lymphoma",
                     brief_summary="CAR T cell therapy is a type of treatment in which a patient's T cells (a type of immune "
                                   "system cell) are changed in the laboratory so they will attack cancer cells. T cells are "
                                   "taken from a patient's blood. Then the gene for a special receptor that binds to a certain "
                                   "protein, CD19, on the patient's cancer cells is added to the T cells in the laboratory. "
                                   "Large numbers of the CAR T cells are grown in the laboratory and given to the patient by "
                                   "infusion for treatment of certain cancers.")
    (product,) = record.cell_products
    assert (product.cell_type, product.donor_types, product.tissue_sources, product.ex_vivo_expanded,
            product.genetically_modified) == ("CAR_T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], True, True)


def test_cells_given_to_the_patient_are_not_said_to_be_the_patients() -> None:
    # "given to the patient by infusion" names whom the cells are for, not whose they are
    record = _record(title="Donor NK Cells for Leukemia", interventions=[Intervention("NK cells", "BIOLOGICAL")],
                     brief_summary="NK cells are collected from a healthy donor and given to the patient by infusion.")
    assert [p.donor_types for p in record.cell_products] == [["ALLOGENEIC"]]


# --- issue 17: wording of dev-corpus pages whose readers give no text yet -------------------------
# (the rules read these once a reader gives the text; the scorer lists them as reader gaps today)

def test_cells_given_in_parts_at_an_interval_count_as_infusions() -> None:
    # tests/data/pages/irct.behdasht.gov.ir/IRCT20140818018842N41-trial-76631.txt, "Intervention groups"
    record = _record(source=SourceDocument("t.txt", "0" * 64, "generic"),
                     title="Cell Therapy using NK cells in Patients with Hepatocellular carcinoma",
                     brief_summary="Injection of the number of 7x10^5 NK cells in 3 periods with an interval of 5 days to 3 "
                                   "patients with HCC")
    (product,) = record.cell_products
    assert (product.infusions, [(d.minimum, d.per_dose) for d in product.doses]) == (3, [(7e5, True)])


# --- issue 17: how trial texts name a product, its making and its source ---------------------------

def test_a_product_name_glued_to_nk_cell_is_an_nk_product() -> None:
    # tests/data/pages/umin.ac.jp/UMIN000011555-R000013518.txt, "Public title"
    record = _page(title="Phase I/IIa clinical study of the immunotherapy using ZNK cell for solid cancer")
    assert [p.cell_type for p in record.cell_products] == ["NK"]


def test_cultivated_cells_in_a_sentence_that_turns_from_an_earlier_study_to_this_one_are_expanded() -> None:
    # tests/data/pages/umin.ac.jp/UMIN000013378-R000015605.txt, "Narrative objectives1"
    record = _page(title="The phase I clinical study about the combined therapy, natural killer (NK) cell therapy and IgG1 "
                         "antibody to digestive cancer",
                   brief_summary="The safety about the repeated dose of cultivated NK cell to digestive cancer patient who "
                                 "had failed standard treatment was checked in the our previous phase I clinical study, so in "
                                 "this study, main purpose is to evaluate the safety of the combined therapy of the cultivated "
                                 "NK cell, chemotherapy and IgG1 antibody.")
    (product,) = record.cell_products
    assert (product.cell_type, product.ex_vivo_expanded) == ("NK", True)


def test_what_an_earlier_study_did_is_still_not_this_trials_product() -> None:
    # tests/data/pages/clinicaltrialexchange.com/NCT04221971-nk-infusion-aml.txt: "In recent years, with the continuous
    # advancement of in vitro expansion methods, ... NK cells could be clinical grade expanded": no turn to this trial
    record = _page(title="NK Cell Infusion for Patients With Acute Myeloid Leukemia",
                   brief_summary="In recent years, with the continuous advancement of in vitro expansion methods, the "
                                 "application of good quality management technology, NK cells could be clinical grade "
                                 "expanded without the need for pre-purification, feeder-free, and serum-free culture.")
    (product,) = record.cell_products
    assert product.ex_vivo_expanded is None


def test_engineered_t_cells_are_genetically_modified() -> None:
    # tests/data/pages/isrctn.com/ISRCTN65902492-MFEz.txt, "Study hypothesis"
    record = _page(title="A Cancer Research UK phase I trial of adoptive transfer of autologous tumour antigen specific T-cells "
                         "with pre-conditioning chemotherapy and intravenous interleukin-2 (IL2) in patients with advanced "
                         "carcinoembryonic antigen (CEA) positive tumours",
                   brief_summary="This trial proposes to use engineered T cells (MFEz T cells) comprising polyclonal CD4 and "
                                 "CD8 populations in place of the selected, specific TILs and combines these with "
                                 "'supportive therapies' of pre-conditioning chemotherapy and high dose intravenous IL2.")
    (product,) = record.cell_products
    assert (product.cell_type, product.genetically_modified) == ("T", True)


def test_blood_the_participants_give_for_the_products_making_is_their_own() -> None:
    # tests/data/pages/meddatax.com/NCT03634501-activated-primary-nk.txt (the lead-in line and its item on two lines)
    record = _page(title="Clinical Study on Anti-tumor Effect Induced by Activated Primary Natural Killer(NK)Cells",
                   brief_summary="Participants undergo the following procedures:\n\nPeripheral blood will be collected from a "
                                 "vein of arm. Peripheral blood mononuclear cells(PBMC) will be isolated and purified for NK "
                                 "manufacturing. After 14~21 days cultivation, activated NK will be harvested and formulated "
                                 "for clinical administration.\n\nSubjects will receive NK cell treatment by intravenous "
                                 "infusion.")
    (product,) = record.cell_products
    assert (product.donor_types, product.tissue_sources, product.ex_vivo_expanded) == (
        ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], True)


@pytest.mark.parametrize(("title", "product"), [
    # tests/data/pages/trials.co/NCT04836390-excel-haplo-nk-aml.txt
    ("Donor-Derived Ex-Vivo Expanded Natural Killer Cell Infusions in Children and Young Adults With High Risk Acute "
     "Myeloid Leukemia Receiving Myeloablative HLA-Haploidentical Hematopoietic Cell Transplant (EXCEL)",
     ("NK", ["HAPLOIDENTICAL"], [], True, None)),
    # tests/data/pages/trials.co/NCT05842707-cb-car-nk-cd19-cd70.txt
    ("Study of Cord Blood-derived CAR NK Cells Targeting CD19/CD70 in Refractory/Relapsed B-cell Non-Hodgkin Lymphoma",
     ("CAR_NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], None, True)),
])
def test_a_title_that_says_it_all(title: str, product: tuple) -> None:
    (found,) = _record(source=SourceDocument("t.txt", "0" * 64, "generic"), title=title).cell_products
    assert (found.cell_type, found.donor_types, found.tissue_sources, found.ex_vivo_expanded,
            found.genetically_modified) == product


def test_the_patients_cells_as_a_target_say_nothing_of_the_donor() -> None:
    record = _record(title="Donor Lymphocyte Infusion After Allogeneic Transplantation",
                     brief_summary="Donor lymphocytes may attack the patient's cells that remain after the transplant.")
    assert [p.donor_types for p in record.cell_products] == [["ALLOGENEIC"]]


# --- a page's summary names cells it does not give --------------------------------------------
# (ClinicalTrials.gov summaries via ejaybennett/healthdata CNNFORMAT/summaries*/<NCT>.story, read as a page's text:
# a page whose title names no cells has its cell product read from its summary)

def _page(**fields: Any) -> TrialRecord:
    return _record(source=SourceDocument("t.txt", "0" * 64, "generic"), **fields)


SUMMARIES_THAT_GIVE_NO_CELLS = [
    # NCT02660411: a trial of anaesthetics
    pytest.param("Impact of Anesthesia Maintenance Methods on Long-term Survival Rate",
                 "The results showed that the percentages of CD3+, CD3+CD4+, and NK cells and the ratio of CD4+/CD8+ were "
                 "significantly decreased in the two sevoflurane groups, but not in the total propofol group. In a recent "
                 "small sample size (n = 28) randomized controlled trial, the levels of NK and T helper cell infiltration "
                 "in breast cancer tissue were significantly higher in patients receiving propofol anesthesia.",
                 id="cells-counted"),
    # NCT00331162: an antibody's target
    pytest.param("Study of Alemtuzumab Versus Anti-thymocyte Globulin to Help Prevent Rejection in Kidney and Pancreas "
                 "Transplantation",
                 "CD52 is present on most lymphocytes, macrophages, monocytes, and NK cells, and causes antibody-dependent "
                 "cell lysis following the binding of alemtuzumab to the CD52 surface antigen.", id="cells-targeted"),
    # NCT00248365: extracorporeal photochemotherapy (ECP) is no chemotherapy regimen either
    pytest.param("Theralux Extracorporeal Photochemotherapy (ECP) in Patients With Extensive Chronic Graft Versus Host "
                 "Disease (GvHD)",
                 "Response and toxicity will be determined at each intensity level and the dose associated with clinical "
                 "response and immunomodulatory effects on DC and NK cell populations will be defined as the optimal "
                 "intensity level for subsequent larger trials.", id="cell-populations"),
    # NCT01790269: a title that monitors cells
    pytest.param("Monitoring Natural Killer Cells in Multiple Sclerosis Patients Treated With Fingolimod",
                 "However, more recent reports indicate an increased frequency of NK cells in peripheral blood and CSF of "
                 "MS patients treated with fingolimod and a relative reduction of immature CD56bright NK cells in "
                 "fingolimod-treated MS patients.", id="cells-monitored"),
    # NCT02565589
    pytest.param("Hyporesponsiveness of Natural Killer Cells and a Dysfunctional Inflammatory Response in Critically Ill "
                 "Patients", "NK cell activities, cytokine concentrations and cytokine production by PBMCs and "
                 "lipopolysaccharide (LPS)-stimulated PBMCs were measured.", id="cells-hyporesponsive"),
    # NCT01976182: large granular lymphocyte leukaemia of NK cells
    pytest.param("Prospective, Multicentric, Phase II Randomized Controlled Trial on Two Parallel Groups Comparing the "
                 "Efficacy of Two Immunosuppressive Drugs (Methotrexate, Cyclophosphamide) in Large Granular Lymphocytes "
                 "Leukemia",
                 "To compare the respective efficacies of methotrexate and cyclophosphamide when administered as first-line "
                 "therapies in patients suffering from T/NK LGL leukemia with severe neutropenia.", id="nk-lgl-leukemia"),
    # NCT01403181, NCT00815165 (a vaccine), NCT00466960 (GM-CSF): T cells whose responses or numbers are measured
    pytest.param("Effect of Boceprevir on HCV-specific T Cell Responses", None, id="t-cell-responses-title"),
    pytest.param("Cytomegalovirus Cell-Mediated Immunity",
                 "Samples from this phase will be used to evaluate the boosting affect of gB/MF59 after each of 3 doses of "
                 "vaccine and to evaluate the persistence of CMV-specific T cell responses.", id="t-cell-responses"),
    pytest.param("Sargramostim and Paclitaxel Albumin-Stabilized Nanoparticle Formulation in Treating Patients With "
                 "Advanced Ovarian Cancer, Fallopian Tube Cancer, or Primary Peritoneal Cancer That Did Not Respond to "
                 "Previous Chemotherapy",
                 "To determine the extent to which chronic GM-CSF administration can increase the number and functional "
                 "status of antigen specific T cells that recognize foreign pathogens in patients with advanced stage "
                 "epithelial ovarian cancer.", id="number-of-t-cells"),
    # NCT02983045: a cytokine that expands the patient's NK cells in the body
    pytest.param("A Dose Escalation and Cohort Expansion Study of CD122-Biased Cytokine (NKTR-214) in Combination With "
                 "Anti-PD-1 Antibody (Nivolumab) or in Combination With Nivolumab and Anti-CTLA4 Antibody (Ipilimumab) in "
                 "Patients With Select Advanced or Metastatic Solid Tumors",
                 "NKTR-214 is a cytokine (investigational agent) that is designed to target CD122, a protein which is found "
                 "on certain immune cells (known as CD8+ T Cells and Natural Killer Cells) to expand these cells to promote "
                 "their anti-tumor effects.", id="cells-expanded-in-the-body"),
]


@pytest.mark.parametrize(("title", "summary"), SUMMARIES_THAT_GIVE_NO_CELLS)
def test_cells_a_summary_counts_measures_or_targets_are_no_product(title: str, summary: str) -> None:
    record = _page(title=title, brief_summary=summary)
    assert (record.cell_products, record.regimens) == ([], [])


def test_cells_a_summary_gives_are_a_product() -> None:
    # NCT00660166: the cells are the relatives' ("Haplotype Mismatched"); "autologous" is said of the transplant
    record = _page(title="Human Leukocyte Antigen (HLA) Class I Haplotype Mismatched Natural Killer Cell Infusions",
                   brief_summary="These cells will be collected from the blood of a parent, child or sibling and after "
                                 "preparation in the laboratory, will be given to the patient early after an autologous "
                                 "stem cell transplantation like a blood or platelet transfusion. This study uses NK cells "
                                 "obtained from a relative to prevent disease recurrence.")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("NK", ["HAPLOIDENTICAL"])]


def test_an_autologous_transplant_says_nothing_of_whose_the_cells_are() -> None:
    # NCT03019640
    record = _page(title="Immunotherapy With Ex Vivo-Expanded Cord Blood-Derived NK Cells Combined With Rituximab "
                         "High-Dose Chemotherapy and Autologous Stem Cell Transplant for B-Cell Non-Hodgkin's Lymphoma")
    assert [(p.cell_type, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        ("NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"])]


# --- the National Cancer Institute's adoptive-transfer summaries (ClinicalTrials.gov, via ejaybennett/healthdata) ---

def test_tumour_reactive_t_cells_their_lymphodepletion_with_bracketed_doses_and_high_dose_il2() -> None:
    # NCT00091611
    record = _page(title="Cultured White Cells Plus Interleukin-2 to Treat Advanced Kidney Cancer",
                   brief_summary="Design: All patients will receive a non-myeloablative lymphocyte depleting preparative "
                                 "regimen of cyclophosphamide (60 mg/kg/day intravenous (IV)) on days -7 and -6 and "
                                 "fludarabine (25 mg/m^2/day intravenous (IV)) on days -5 through -1. On day 0 patients "
                                 "will receive an infusion of their own tumor-reactive T cells grown in vitro (greater than "
                                 "or equal to 5x10^8 cells for a cycle) and then begin high-dose IL-2 (720,000 IU/kg "
                                 "intravenous (IV) every 8 hours for up to 15 doses).")
    (product,) = record.cell_products
    assert (product.cell_type, product.donor_types, product.ex_vivo_expanded) == ("T", ["AUTOLOGOUS"], True)
    assert [(r.purpose, r.components) for r in record.regimens] == [
        ("LYMPHODEPLETION", ["cyclophosphamide", "fludarabine"])]
    assert [(u.cytokine, u.dose, u.unit, u.route) for u in record.cytokines] == [("IL-2", 720000.0, "[IU]/kg", "INTRAVENOUS")]


def test_a_preparative_chemotherapy_comprising_drugs_given_iv() -> None:
    # NCT00079144
    record = _page(title="Lymphocyte-Depleting Nonmyeloablative Preparative Chemotherapy Followed By Autologous Lymphocyte "
                         "Infusion, Peptide Vaccine Plus Montanide ISA-51, and Interleukin-2 in Treating Patients With "
                         "Metastatic Melanoma",
                   brief_summary="- Lymphocyte-depleting nonmyeloablative preparative chemotherapy: Patients receive "
                                 "lymphocyte-depleting nonmyeloablative preparative chemotherapy comprising cyclophosphamide IV "
                                 "over 1 hour on days -7 and -6 and fludarabine IV over 15-30 minutes on days -5 to -1.")
    assert [(r.purpose, r.components) for r in record.regimens] == [
        ("LYMPHODEPLETION", ["cyclophosphamide", "fludarabine"])]


def test_a_lymphodepletion_named_again_with_fewer_of_its_drugs_is_the_same_regimen() -> None:
    # NCT02482090: "fludara" is fludarabine
    record = _page(title="TIL Therapy for Metastatic Ovarian Cancer",
                   brief_summary="Before TIL infusion the patients receive 1 week of preconditioning chemotherapy with "
                                 "cyclophosphamide and fludarabine. Patients is admitted day -8 in order to undergo "
                                 "lymphodepleting chemotherapy with cyclophosphamide and fludara starting day -7.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("cyclophosphamide and fludarabine", "LYMPHODEPLETION")]


def test_a_cytokine_dosed_in_the_clause_before_its_name() -> None:
    # NCT00706992: "125,000" is one number, and the injection's route is the cytokine's
    uses = cytokine_uses([Passage("F5 cells on day 0 followed by the subcutaneous injection of 125,000 IU/kg/day "
                                  "aldesleukin on days 0-4.")])
    assert [(u.cytokine, u.dose, u.unit, u.route, u.days) for u in uses] == [
        ("IL-2", 125000.0, "[IU]/kg", "SUBCUTANEOUS", "days 0-4")]


def test_a_count_of_doses_before_the_cytokine_and_every_second_day() -> None:
    # tests/data/therapy-holdout11/pages/ctv.veeva.com/NCT04327037-expanded-haploidentical-nk-cells-il2-flu-cy-leukemia.txt
    uses = cytokine_uses([Passage("To sustain proliferation of donor NK cells in vivo patients receive 6 doses of Il-2 "
                                  "every second day.")])
    assert [(u.cytokine, u.role, u.frequency, u.number_of_doses) for u in uses] == [
        ("IL-2", "IN_VIVO_SUPPORT", "EVERY_OTHER_DAY", 6)]


def test_interleukine_spelt_the_french_way() -> None:
    # NCT01462903
    record = _page(title="A Study of Adoptive Immunotherapy With Autologous Tumor Infiltrating Lymphocytes in Solid Tumors",
                   brief_summary="After accepting operation or first round of routine chemotherapy and radiotherapy, the "
                                 "patients were treated with autologous TILs 10e9-10e10 via intravenous in 30 min, q weekX2 "
                                 "weeks, and followed by two weeks with daily sc low-dose interleukine-2.")
    assert [(u.cytokine, u.role) for u in record.cytokines] == [("IL-2", "IN_VIVO_SUPPORT")]


def test_a_non_myeloablative_conditioning_written_with_a_space_stays_a_lymphodepletion() -> None:
    # NCT00924001 ("non- myeloablative", and "regiment" as written)
    record = _page(title="Chemotherapy Followed by Infusion of DMF5 Cells to Treat Metastatic Melanoma",
                   brief_summary="Objectives: To evaluate the safety of the administration of the DMF5 allogeneic T-cell "
                                 "product in patients receiving the non- myeloablative conditioning regimen, and aldesleukin. "
                                 "Design: Patients will receive a non-myeloablative lymphocyte depleting preparative "
                                 "regiment consisting of cyclophosphamide (60 mg/kg/day times 2 days intravenous (IV)) and "
                                 "fludarabine (25 mg/m2/day IV times 5 days).")
    assert [(r.purpose, r.components) for r in record.regimens] == [
        ("LYMPHODEPLETION", ["cyclophosphamide", "fludarabine"])]


OUTLINE = ("OUTLINE: CONDITIONING: Patients receive fludarabine intravenously (IV) over 30 minutes on days -6 to -2 and "
           "cyclophosphamide IV over 1 hour on days -6 and -5.")
OUTLINE_TITLE = ("Fludarabine Phosphate, Cyclophosphamide, Total-Body Irradiation, and Donor Bone Marrow Transplant Followed by "
                 "Donor Natural Killer Cell Therapy, Mycophenolate Mofetil, and Tacrolimus in Treating Patients With "
                 "Hematologic Cancer")


def test_an_outline_heading_says_what_the_drugs_it_gives_are_for() -> None:
    # NCT00789776 (ClinicalTrials.gov detailed description via ejaybennett/healthdata), read as a page's text: the
    # conditioning of the trial's transplant
    record = _page(title=OUTLINE_TITLE, brief_summary=OUTLINE)
    assert [(r.name, r.purpose, r.days) for r in record.regimens] == [
        ("fludarabine and cyclophosphamide", "CONDITIONING", "days -6 to -2")]


def test_drugs_listed_as_interventions_stay_a_row_each_beside_the_outline() -> None:
    # the same outline in a registry record that lists "Drug: fludarabine", "Drug: cyclophosphamide"
    record = _record(title=OUTLINE_TITLE, detailed_description=OUTLINE,
                     interventions=[Intervention("fludarabine", "DRUG"), Intervention("cyclophosphamide", "DRUG"),
                                    Intervention("natural killer cell therapy", "BIOLOGICAL")])
    assert [(r.name, r.purpose) for r in record.regimens] == [("fludarabine", "CONDITIONING"),
                                                              ("cyclophosphamide", "CONDITIONING")]


def test_an_outline_heading_of_post_transplant_immunosuppression_is_a_gvhd_prophylaxis() -> None:
    # NCT00789776, its next outline paragraph
    record = _page(title=OUTLINE_TITLE,
                   brief_summary="POST-TRANSPLANTATION IMMUNOSUPPRESSION: Patients receive cyclophosphamide IV over 1 hour on "
                                 "day 3 and mycophenolate mofetil orally (PO) thrice daily (TID) on days 4 to 40, followed by "
                                 "a taper until day 84 in the absence of GVHD.")
    assert [(r.purpose, r.components) for r in record.regimens] == [
        ("GVHD_PROPHYLAXIS", ["cyclophosphamide", "mycophenolate mofetil"])]


def test_drugs_given_to_lower_the_immune_system_in_plain_english() -> None:
    # NCT01904136 (MD Anderson's wording, ClinicalTrials.gov summary via ejaybennett/healthdata)
    record = _page(title="NK Cells to Prevent Disease Relapse for Patients High Risk Myeloid Malignancies",
                   brief_summary="On Days -7 through -4, you will receive fludarabine by vein over 1 hour. Fludarabine and "
                                 "melphalan are given to treat the cancer and lower the immune system in order to lower the "
                                 "risk of the body rejecting the NK cells. Cyclophosphamide is given to lower the immune system "
                                 "in order to lower the risk of graft-versus-host disease (GVHD -- when transplanted immune "
                                 "tissue, such as donor NK and stem cells, attacks the tissues of the recipient's body). Mesna "
                                 "is given to lower the risk of side effects to the bladder caused by cyclophosphamide. The "
                                 "infusion will last anywhere from about 30 minutes to several hours.")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("NK", ["ALLOGENEIC"])]
    assert [(r.name, r.purpose) for r in record.regimens] == [("Fludarabine and melphalan", "LYMPHODEPLETION"),
                                                              ("Cyclophosphamide", "GVHD_PROPHYLAXIS")]


def test_a_summarys_background_gives_no_cytokine_or_regimen_of_this_trial() -> None:
    # NCT02573896 (the antibody's earlier trials) and NCT00924001 (the Surgery Branch's earlier trials)
    record = _page(title="Immunotherapy of Relapsed Refractory Neuroblastoma With Expanded NK Cells",
                   brief_summary="It has been shown to increase EFS and OS in patients with high-risk neuroblastoma when "
                                 "given after autologous stem cell transplant in combination with subcutaneous GM-CSF and "
                                 "intravenous IL-2, followed by isotretinoin. Background: In previous trials in the Surgery "
                                 "Branch, a 51 percent objective response rate has been observed in heavily pre-treated "
                                 "patients with metastatic melanoma undergoing adoptive cell transfer therapy utilizing a "
                                 "non-myeloablative preparative regimen followed by administration of autologous "
                                 "tumor-reactive lymphocytes and subsequent treatment with high-dose aldesleukin.")
    assert [p.cell_type for p in record.cell_products] == ["NK"]
    assert (record.cytokines, record.regimens) == ([], [])


def test_cells_from_a_relative_are_another_persons() -> None:
    # NCT00660166 (ClinicalTrials.gov summary via ejaybennett/healthdata), without its title ("Haplotype Mismatched")
    record = _page(brief_summary="These cells will be collected from the blood of a parent, child or sibling and after "
                                 "preparation in the laboratory, will be given to the patient early after an autologous stem "
                                 "cell transplantation like a blood or platelet transfusion. This study uses NK cells "
                                 "obtained from a relative to prevent disease recurrence by potentially eliminating and "
                                 "eradicating any residual cancerous cells.")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("NK", ["ALLOGENEIC"])]


def test_a_cytokine_fused_to_an_antibody_is_the_antibodys() -> None:
    # NCT03209869 (ClinicalTrials.gov summary; the story format of ejaybennett/healthdata cuts "hu14.18" at its stop)
    uses = cytokine_uses([Passage("The second strategy to overcome the cancer cells' ability to avoid NK cell-mediated death "
                                  "is to administer the immunocytokine, hu14.18-IL2, every day for seven days after infusion "
                                  "of the donor NK cells.")])
    assert uses == []


def test_drugs_received_to_prepare_the_body_for_the_cells_and_to_lower_the_risk_of_gvhd() -> None:
    # NCT03056339 and NCT01904136 (MD Anderson's wording, same source)
    record = _page(title="Umbilical & Cord Blood (CB) Derived CAR-Engineered NK Cells for B Lymphoid Malignancies",
                   brief_summary="Study Drug Administration: You will receive fludarabine and cyclophosphamide to help "
                                 "prepare your body for CAR-NK infusion. Starting on Day +5, you will receive tacrolimus and "
                                 "mycophenolate mofetil (MMF) to help lower the risk of GVHD.")
    assert [(p.cell_type, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        ("CAR_NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"])]
    assert [(r.name, r.purpose) for r in record.regimens] == [
        ("fludarabine and cyclophosphamide", "LYMPHODEPLETION"),
        ("tacrolimus and mycophenolate mofetil (MMF)", "GVHD_PROPHYLAXIS")]


def test_a_pages_tag_list_naming_cells_the_page_never_speaks_of_is_no_product() -> None:
    # tests/data/pages/findatrial.com/NCT06152809-ciml-nk-venetoclax-aml.txt: "Drugs / interventionsCAR-T, chemotherapy,
    # cyclophosphamide, fludarabine, prednisone" on a page about CIML NK cells
    record = _page(title="CIML NK cells combined with venetoclax for treating acute myeloid leukemia",
                   brief_summary="This clinical trial aims to evaluate the safety and effectiveness of infusing "
                                 "cytokine-induced memory-like (CIML) natural killer (NK) cells alongside Interleukin-2 (IL-2) "
                                 "and venetoclax in patients with acute myeloid leukemia (AML).",
                   interventions=[Intervention(name) for name in ("CAR-T", "chemotherapy", "cyclophosphamide", "fludarabine",
                                                                  "prednisone")])
    assert [p.cell_type for p in record.cell_products] == ["NK"]


def test_giving_cells_in_plain_english() -> None:
    # tests/data/pages/aamds.org/node-5216-NCT02727803-personalized-nk-cbt.txt (MD Anderson's wording)
    record = _page(title=None, brief_summary="The goal of this clinical research study is to learn if giving cells called "
                   "natural killer (NK) cells after receiving 1 of 3 pre-treatment plans and a UCB transplant can improve "
                   "response in participants with MDS, leukemia, lymphoma, or MM.",
                   interventions=[Intervention("Busulfan", "DRUG"), Intervention("Fludarabine", "DRUG")])
    assert [p.cell_type for p in record.cell_products] == ["NK"]
    assert [r.name for r in record.regimens] == ["Busulfan", "Fludarabine"]


def test_cells_given_once_are_one_infusion():
    # trial.medpath.com NCT04689659 (tests/data/therapy-holdout): the brief summary says how often
    record = _record(title="Multi-centers, Open-Label, Phase 2 Study to Evaluate the Efficacy and Safety of Donor-Derived "
                           "CD7 CAR T Cells in Subjects With Relapsed or Refractory T-cell Leukemia/Lymphoma",
                     brief_summary="CD7 CAR T cells will be given once intravenously at one dose (1×106, with an allowance "
                                   "of ± 20%) in patients received previous HSCT donor-derived CAR T cells.",
                     interventions=[Intervention("chimeric antigen receptor T cell treatment", "BIOLOGICAL")])
    assert [(p.cell_type, p.infusions) for p in record.cell_products] == [("CAR_T", 1)]
    # the number has no unit: 1×10^6 cells or per kilogram, the page does not say, so no dose is read
    assert record.cell_products[0].doses == []


@pytest.mark.parametrize("title", [
    # clinicaltrialsregister.eu 2016-001454-18 and 2017-002877-20 (results pages, tests/data/therapy-holdout)
    "T cell therapy for patients with advanced Renal Cell Carcinoma",
    "An open-label phase II single-centre study investigating the safety and efficacy of LTX-315 and adoptive T-cell "
    "therapy in patients with advanced/metastatic soft tissue sarcoma",
])
def test_a_t_cell_therapy_named_in_a_title_is_a_t_cell_product(title):
    record = _record(title=title, source=SourceDocument("t.txt", "0" * 64, "eu_ctr"))
    assert [p.cell_type for p in record.cell_products] == ["T"]


def test_a_car_t_cell_therapy_is_no_second_plain_t_cell_product():
    # meddatax.com NCT05625594 (tests/data/pages): "CAR T cell therapy" names the CAR's cells, which have their own type
    record = _record(title="Intracerebroventricular Administration of CD19-CAR T Cells (CD19CAR-CD28-CD3zeta-EGFRt-expressing "
                           "Tn/Mem T-lymphocytes) for the Treatment of Central Nervous System Lymphoma",
                     brief_summary="CAR T cell therapy is a type of treatment in which a patient's T cells (a type of "
                                   "immune system cell) are changed in the laboratory so they will attack cancer cells.",
                     source=SourceDocument("t.txt", "0" * 64, "ctgov_mirror"))
    assert [p.cell_type for p in record.cell_products] == ["CAR_T"]


def test_a_combination_regimen_known_by_its_acronym_and_listed_as_a_drug_is_a_chemotherapy():
    # clinicaltrials.gov NCT03084809 (tests/data/therapy-holdout): "Drug: Cytokine-induced killer cells+ FOLFOX4
    # Drug: FOLFOX4"; the CIK arm's cell names both
    record = _record(title="Chemotherapy Combined With CIK Treating Colon Cancer",
                     interventions=[Intervention("Cytokine-induced killer cells+ FOLFOX4", "DRUG"),
                                    Intervention("FOLFOX4", "DRUG")],
                     source=SourceDocument("t.txt", "0" * 64, "ctgov_classic"))
    assert [p.cell_type for p in record.cell_products] == ["CIK"]
    assert [(r.name, r.purpose) for r in record.regimens] == [("FOLFOX4", "CHEMOTHERAPY")]


def test_the_drugs_the_cells_are_given_after_without_a_transplant_are_a_lymphodepletion():
    # isrctn.com ISRCTN11950134 (tests/data/therapy-holdout), its title
    record = _page(title="A phase I trial of allogeneic tumour-activated natural killer lymphocytes after low dose TBI and "
                         "fludarabine for the treatment of selected patients with acute myeloid leukaemia.")
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("low dose TBI and fludarabine", "LYMPHODEPLETION", ["total body irradiation", "fludarabine"])]


def test_a_regimens_heading_over_numbered_drugs_gives_a_row_each_with_its_days():
    # meddatax.com NCT01370213 (results page, tests/data/therapy-holdout): the group's description; "pretransplant"
    # makes the preparative regimen the transplant's conditioning
    record = _page(title="NK Cell Based Non-Myeloablative Transplantation in Acute Myeloid Diseases",
                   arms=[Arm("CD34+ Selection Schema : High-Risk Acute Myeloid Disease", description=(
                       "Preparative Regimen: 1) fludarabine 40 mg/m^2 x 4 doses on Days -22 through -19 pretransplant "
                       "(pre-tx), 2) cyclophosphamide 50 mg/kg x 2 doses on Days -20 and -19 pre-tx, 3) total body "
                       "irradiation 200 cGy twice a day (BID) (at least 6 hours apart) on Day -18 pre-tx NK Cells: CD3^- "
                       "CD19^- selected, interleukin-2 (IL-2) activated, haploidentical donor natural killer (NK) cells "
                       "infused on Day -17 pre-tx"))])
    assert [(r.name, r.purpose, r.days) for r in record.regimens] == [
        ("fludarabine", "CONDITIONING", "Days -22 through -19"), ("cyclophosphamide", "CONDITIONING", "Days -20 and -19"),
        ("total body irradiation", "CONDITIONING", "Day -18")]


# --- the second held-out corpus's rule gaps (tests/data/therapy-holdout2, issue 17) ----------------

@pytest.mark.parametrize("title", [
    # clinicaltrials.gov NCT01839916 (classic page): the title is all the excerpt gives
    "Donor T Cells After Donor Stem Cell Transplant in Treating Patients With Hematologic Malignancies",
    # clinicaltrialsregister.eu 2013-000872-14 (results page)
    "Adoptive Immunotherapy with CD25/71 allodepleted donor T cells to improve immunity after unrelated donor stem cell "
    "transplant (ICAT)",
    # hra.nhs.uk NCT03836690 ("Full title")
    "Phase I study of transfer of effector memory T cells (Tem) following allogeneic stem cell transplantation.",
])
def test_donor_t_cells_named_in_a_title_are_an_allogeneic_t_cell_product(title):
    record = _record(title=title, source=SourceDocument("t.txt", "0" * 64, "eu_ctr"))
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("T", ["ALLOGENEIC"])]


def test_a_grafts_donor_t_cell_depletion_is_no_product():
    # the words of a T-cell-depleted transplant: the donor's T cells are taken out, not given
    record = _record(title="Donor T Cell Depletion in Haploidentical Transplant", interventions=[Intervention("ATG", "DRUG")])
    assert record.cell_products == []


def test_an_icar_nk_cell_is_a_car_nk_product():
    # meddatax.com NCT03824951 (tests/data/therapy-holdout2)
    record = _record(title="Study of Anti-CD19 iCAR NK Cells in Relapsed and Refractory B Cell Lymphoma",
                     source=SourceDocument("t.txt", "0" * 64, "ctgov_mirror"))
    assert [(p.cell_type, p.genetically_modified) for p in record.cell_products] == [("CAR_NK", True)]


def test_t_cells_expressing_a_car_are_a_car_t_product():
    # trialfinderdata.org NCT03676504 (tests/data/therapy-holdout2): the title
    record = _record(title="Treatment of Patients With Relapsed or Refractory CD19+ Lymphoid Disease With T Cells "
                           "Expressing a Third-generation CAR", source=SourceDocument("t.txt", "0" * 64, "generic"))
    assert [p.cell_type for p in record.cell_products] == ["CAR_T"]


def test_cells_grown_in_a_lab_are_expanded():
    # curemydisease.com NCT01005745 (tests/data/therapy-holdout2)
    record = _record(title="Own immune cells shrink tumors in advanced melanoma trial",
                     brief_summary="Doctors removed a tumor, grew special immune cells (TILs) from it in a lab, then gave "
                                   "them back to the patient along with high-dose IL-2.",
                     source=SourceDocument("t.txt", "0" * 64, "generic"))
    assert [(p.cell_type, p.ex_vivo_expanded) for p in record.cell_products] == [("T", True)]


def test_cells_collected_from_the_blood_of_a_relative_come_from_peripheral_blood():
    # ctv.veeva.com NCT00660166 (tests/data/therapy-holdout2)
    record = _record(title="Human Leukocyte Antigen (HLA) Class I Haplotype Mismatched Natural Killer Cell Infusions",
                     brief_summary="It has been shown that NK cells coming from a \"mismatched\" person (a relative) have a "
                                   "better chance than the patient's own NK cells to recognize and kill cancer cells. These "
                                   "cells will be collected from the blood of a parent, child or sibling and after "
                                   "preparation in the laboratory, will be given to the patient early after an autologous "
                                   "stem cell transplantation like a blood or platelet transfusion.",
                     source=SourceDocument("t.txt", "0" * 64, "veeva"))
    assert [p.tissue_sources for p in record.cell_products] == [["PERIPHERAL_BLOOD"]]


def test_an_amount_of_human_mscs_delivered_by_an_infusion_is_a_dose_of_that_infusion():
    # meddatax.com NCT02065245 results page (tests/data/therapy-holdout2): the participant flow's group descriptions
    from kg.enrich.therapy.quantities import cell_doses
    assert [(d.minimum, d.unit, d.per_dose) for d in cell_doses(
        "Group 1 participants will receive Allogeneic Human Mesenchymal Stem Cells (allo-hMSCs): 20 million "
        "allo-hMSCs/kg delivered via peripheral intravenous infusion.")] == [(2e7, "{cells}/kg", True)]
    assert [(d.minimum, d.unit, d.per_dose) for d in cell_doses(
        "Participants in this group have the option to receive an additional 3 infusions of 100million allo-hMSCs/kg "
        "per infusion with a 12 to 18 month interval.")] == [(1e8, "{cells}/kg", True)]


def test_cells_given_together_with_the_named_ones_are_a_product_too_and_a_definition_is_not():
    # clinicaltrials.gov NCT03183232 (tests/data/therapy-holdout2): the title names the γδ T cells alone
    record = _record(title="Safety and Efficiency of γδ T Cell Against Lung Cancer",
                     detailed_description="PBMC of the patient will be separated from peripheral blood. After making them "
                                          "potential cancer killer γδ T Cell and DC-CIK, they will be infused to the "
                                          "patients as an immunotherapy treatment.",
                     source=SourceDocument("t.txt", "0" * 64, "ctgov_classic"))
    assert sorted(p.cell_type for p in record.cell_products) == ["CIK", "T"]
    # ctv.veeva.com NCT01914263 (tests/data/pages): CIK cells defined as T lymphocytes are one product
    record = _record(title="Safety Study of Cord Blood-derived Cytokine-induced Killer Cells in Patients With Solid Tumor "
                           "After Radical Resection",
                     brief_summary="Cytokine-induced killer (CIK) cells are a heterogeneous subset of ex-vivo expanded T "
                                   "lymphocytes which present a mixed T-NK phenotype and are endowed with a major "
                                   "histocompatibility complex-unrestricted antitumor activity.",
                     source=SourceDocument("t.txt", "0" * 64, "veeva"))
    assert [p.cell_type for p in record.cell_products] == ["CIK"]


def test_a_patients_own_immune_cells_used_as_the_therapy_are_autologous():
    # curemydisease.com NCT01005745 (tests/data/therapy-holdout2)
    record = _record(title="Own immune cells shrink tumors in advanced melanoma trial",
                     brief_summary="This study tested a new way to treat metastatic melanoma by using a patient's own "
                                   "immune cells. Doctors removed a tumor, grew special immune cells (TILs) from it in a "
                                   "lab, then gave them back to the patient along with high-dose IL-2.",
                     source=SourceDocument("t.txt", "0" * 64, "generic"))
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("T", ["AUTOLOGOUS"])]


def test_the_transduced_t_lymphocytes_of_a_car_t_trial_are_its_product():
    # trialfinderdata.org NCT03676504 (tests/data/therapy-holdout2): "About This Trial"
    record = _record(title="Treatment of Patients With Relapsed or Refractory CD19+ Lymphoid Disease With T Cells "
                           "Expressing a Third-generation CAR",
                     brief_summary="Adult patients with r/r acute lymphoblastic leukemia (ALL) (stratum I) ... will be "
                                   "treated with autologous T-lymphocytes transduced by the third-generation "
                                   "RV-SFG.CD19.CD28.4-1BBzeta retroviral vector.",
                     source=SourceDocument("t.txt", "0" * 64, "generic"))
    assert [(p.cell_type, p.donor_types, p.genetically_modified) for p in record.cell_products] == [
        ("CAR_T", ["AUTOLOGOUS"], True)]


def test_cells_expanded_conventionally_from_pbmc_come_from_peripheral_blood():
    # ctv.veeva.com NCT03198923 (tests/data/therapy-holdout2): "conventionally" says how the cells are made, not that
    # the sentence tells of other trials
    record = _record(title="Clinical Efficacy and Safety of NK and NKT Cells Infusion in Patients With Non Small Cell Lung "
                           "Cancer",
                     brief_summary="NK and NKT cells are expanded conventionally from peripheral blood mononuclear cells "
                                   "by addition of a variety of cytokines in vitro culture.",
                     source=SourceDocument("t.txt", "0" * 64, "veeva"))
    assert [(p.cell_type, p.tissue_sources, p.ex_vivo_expanded) for p in record.cell_products] == [
        ("NKT", ["PERIPHERAL_BLOOD"], True), ("NK", ["PERIPHERAL_BLOOD"], True)]


# --- a study of cells that gives them to nobody (tests/data/therapy-holdout3, NCT03885076) -------

_GAMMA_DELTA_SAMPLES = (
    "Researchers aim to develop a new therapy which uses a patient's own immune cells called T cells to treat AML. "
    "In this study, numbers and properties of T cells which can be collected from the blood of patients with AML at "
    "various points throughout their treatment will be investigated. Currently this is only an exploratory study and "
    "none of the samples collected will be used for treatment and is only to assess whether or not this strategy")


def test_a_study_whose_samples_treat_nobody_has_no_cell_product() -> None:
    page = SourceDocument("ct2-show-NCT03885076.txt", "0" * 64, "ctgov_classic")
    record = _record(title="Gamma Delta T Cells in AML", brief_summary=_GAMMA_DELTA_SAMPLES, source=page)
    assert record.cell_products == []


def test_an_aim_to_develop_a_therapy_is_no_donor_of_this_trials_cells() -> None:
    """The aim names a patient's own cells, but of a therapy still to be made: no donor is read from it."""
    page = SourceDocument("page.txt", "0" * 64, "ctgov_classic")
    record = _record(title="Gamma Delta T Cells in AML", source=page,
                     brief_summary=_GAMMA_DELTA_SAMPLES.split(" In this study")[0])
    assert [p.donor_types for p in record.cell_products] in ([], [[]])


def test_a_study_that_makes_cells_for_another_trial_gives_no_product() -> None:
    """tests/data/therapy-holdout3, NCT02716571: healthy donors give white blood cells to make another trial's NK cells."""
    page = SourceDocument("NCT02716571.txt", "0" * 64, "ctgov_mirror")
    record = _record(title="Recruiting Blood Donor With Allogeneic Natural Killer Cell", source=page,
                     brief_summary="The purpose of this study is to manufacture MG4101 (allogeneic natural killer cell) "
                                   "which will be used for clinical trial in HCC after TACE.")
    assert record.cell_products == []


# --- tests/data/therapy-holdout3: infusions "in 3 times", cells grown "in a laboratory" -----------------

@pytest.mark.parametrize(("title", "description"), [
    # tests/data/therapy-holdout3/pages/clinicaltrials.gov/ct2-show-NCT03190811-anti-pd-1-dc-cik.txt
    ("Anti-PD-1 plus DC-CIK in Solid Tumors",
     "DC-CIK Immunotherapy: Mononuclear cells were collected aseptically with blood cell separator composition apheresis, "
     "and cultured DC-CIK cells for 10-14 days. Cells were infused back to the patients in 3 times via intravenous "
     "infusion .Patients will received at least 2 cycles of DC-CIK Immunotherapy along with 4 dosage of anti-PD-1 "
     "antibody treatment."),
    # crick.ai NCT02849015 (cryosurgery plus NK cells), its intervention
    ("Cryosurgery Plus NK Immunotherapy for Tumors in Transplanted Liver",
     "Natural killer cell(each treatment: about 10 billion cells transfusion in 3 times, i.v.)"),
], ids=["infused-back-in-3-times", "transfusion-in-3-times"])
def test_cells_infused_in_three_times_are_three_infusions(title: str, description: str) -> None:
    record = _record(title=title, source=SourceDocument("p.txt", "0" * 64, "ctgov_classic"),
                     interventions=[Intervention("Cell immunotherapy", "BIOLOGICAL", description)])
    assert [p.infusions for p in record.cell_products] == [3]


def test_a_frequency_in_times_a_week_is_no_count_of_infusions() -> None:
    from kg.enrich.therapy.schedules import infusion_count
    assert infusion_count("NK cells will be infused in 3 times a week") is None


def test_the_process_of_growth_in_a_laboratory_of_the_cells_just_named_expands_them() -> None:
    # tests/data/therapy-holdout3/pages/hra.nhs.uk/2018-001608-12-autologous-til-solid-tumours.txt
    page = SourceDocument("2018-001608-12.txt", "0" * 64, "generic")
    record = _record(title="Autologous TIL in Patients with Solid Tumours", source=page,
                     brief_summary="TIL (LN-144/LN-145) is made up of specialised white blood cells called lymphocytes or "
                                   "“T cells” found within the patient’s tumour, after a small piece is surgically removed "
                                   "from the patient. The process involves the collection and growth in a laboratory of "
                                   "‘T cells’ (white blood cells) found inside the patient’s tumour, then infused (given "
                                   "back to participants through a vein) back into the participants body.")
    assert [(p.cell_type, p.ex_vivo_expanded) for p in record.cell_products] == [("T", True)]


# --- the subjects' own material collected to make the cells: AUTOLOGOUS ---------------------------------------

_SUBJECTS_PBMC = ("Upon meeting the eligibility requirements and enrolling on study, Subjects will be collected large numbers "
                  "of peripheral blood mononuclear cells (PBMC) for the generation of the CD19 CAR-T cells. The T cells are "
                  "isolated from the PBMC, transduced with a lentivirus to express the CD19 CAR as well as a truncated EGFR "
                  "that has no signaling capacity (noted EGFRt) and expanded in vitro and then administered to subjects.")


def test_the_subjects_pbmc_collected_to_make_the_cells_make_them_autologous() -> None:
    # tests/data/therapy-holdout3/pages/ctv.veeva.com/NCT03263208-cd19-car-t-b-all.txt
    record = _record(title="CD19 CAR-T Cells for B-ALL", brief_summary=_SUBJECTS_PBMC,
                     source=SourceDocument("p.txt", "0" * 64, "veeva"))
    assert [(p.cell_type, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        ("CAR_T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"])]


@pytest.mark.parametrize(("sentence", "autologous"), [
    (_SUBJECTS_PBMC.split(". ")[0], True),
    # paidtrials.com, "Kappa-CD28 T Lymphocytes, Chronic Lymphocytic Leukemia, B-cell Lymphoma or Multiple Myeloma"
    # (CHARKALL): the patient's blood taken to make the cells
    ("To prepare the lymphoma, MM or CLL specific T cells investigators will take 240 ml (up to 16 tablespoonfuls)of "
     "blood from the patient.", True),
    # paidtrials.com, "Activated T Lymphocytes Expressing CARs, Relapsed CD19+ Malignancies Post-Allo HSCT" (CARPASCIO):
    # the subject's or a donor's blood, which is not said
    ("The subject or his/her donor will give blood to make CD19/CD28 chimeric receptor-T cells in the laboratory.", False),
    # centerwatch.com, "Leukapheresis for CAR-Therapy Manufacturing": collected for another study, not to make this one's
    ("Researchers want to collect these cells from people who may become eligible for a CAR T-cell study in the future.",
     False),
], ids=["subjects-collected-pbmc-for-generation", "blood-taken-from-the-patient-to-prepare", "subject-or-donor",
        "for-a-future-study"])
def test_whose_material_is_collected_to_make_the_cells(sentence: str, autologous: bool) -> None:
    assert bool(_AUTOLOGOUS.search(sentence)) is autologous


# --- plain-language summaries addressed to the reader: where the cells come from, and their growing -----------------

def test_cells_collected_from_your_blood_then_engineered_and_grown_are_the_products_source_and_making() -> None:
    # tests/data/therapy-unseen/pages/stellatrials.com/NCT07172958-car-ta-t-cells-children.txt, as the generic reader
    # gives it (the treatment the summary names as the intervention, the unlabelled paragraph as the description)
    record = _record(title="CAR-TA T Cells for Children With Relapsed Cancers",
                     source=SourceDocument("p.txt", "0" * 64, "generic"),
                     interventions=[Intervention("CAR-TA T cells", None)],
                     brief_summary="This trial is testing a new treatment called CAR-TA T cells—specialized immune cells "
                                   "that are engineered in a lab to recognize and attack cancer cells.",
                     detailed_description="First, you will have cells collected from your blood during an outpatient "
                                          "procedure. Those cells are then sent to the lab to be engineered and grown. "
                                          "Once the cells are ready, you will be admitted to Children's National Hospital "
                                          "for about a week.")
    assert [(p.cell_type, p.tissue_sources, p.ex_vivo_expanded) for p in record.cell_products] == \
        [("CAR_T", ["PERIPHERAL_BLOOD"], True)]


@pytest.mark.parametrize(("text", "source", "expanded"), [
    # stellatrials.com NCT07172958
    ("These cells are made from your own immune cells, then grown in large numbers and infused back into your body",
     None, True),
    ("First, you will have cells collected from your blood during an outpatient procedure.", "PERIPHERAL_BLOOD", False),
    # cancerresearchuk.org, "A trial looking at a technique that uses your own white blood cells to treat your cancer"
    ("The researchers removed some T cells from your blood and then in the laboratory tried to grow T cells that would "
     "attack your cancer cells.", "PERIPHERAL_BLOOD", True),
    # no source and no growing: blood tests after the infusion, a tumour's growth
    ("After that, you'll have weekly clinic visits and blood tests for the first month", None, False),
    ("Blood samples will be taken from your arm to see how the tumour grows", None, False),
], ids=["grown-in-large-numbers", "collected-from-your-blood", "cruk-removed-and-grown", "blood-tests", "tumour-grows"])
def test_plain_language_says_where_cells_come_from_and_that_they_are_grown(text, source, expanded) -> None:
    from kg.enrich.therapy.manufacture import _EXPANDED
    from kg.enrich.therapy.product_sources import _TISSUES

    assert dict(_TISSUES)["PERIPHERAL_BLOOD"].search(text) is not None if source else \
        dict(_TISSUES)["PERIPHERAL_BLOOD"].search(text) is None
    assert bool(_EXPANDED.search(text)) == expanded


# --- regulatory T cells given, and the cytokine given with them --------------------------------------------------------

@pytest.mark.parametrize("title", [
    # tests/data/therapy-unseen/pages/htsyndication.com (NCT06991361)
    "Ex Vivo-Expanded (EVE) Regulatory T Cells in Combination With Low-Dose Interleukin-2 for Steroid-Refractory "
    "Chronic Graft-versus-Host-Disease",
    # Blood Advances 6(21):5786 (NCT01937468): "Infusion of healthy donor Treg followed by daily LD IL-2 ..."
    "Donor Regulatory T Cells Followed by Daily Low-Dose IL-2 for Refractory Chronic GVHD",
], ids=["eve-tregs-with-ld-il2", "donor-tregs-followed-by-il2"])
def test_regulatory_t_cells_given_are_a_t_cell_product_and_the_il2_given_with_them_supports_them_in_vivo(title) -> None:
    record = _record(title=title, source=SourceDocument("p.txt", "0" * 64, "generic"))
    assert [p.cell_type for p in record.cell_products] == ["T"]
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-2", "IN_VIVO_SUPPORT")]


def test_regulatory_t_cells_measured_are_no_product() -> None:
    # pmc.ncbi.nlm.nih.gov (Bone Marrow Transplantation, bmt2015215): a study of the Tregs in a graft, none given
    record = _record(title="Higher proportions of regulatory T cells in PBSC grafts and outcomes after allogeneic HSCT",
                     brief_summary="We hypothesised that higher proportions of Tregs (Tregs/CD4+ T cells) in PBSC grafts "
                                   "are associated with improved haematological, immunological and clinical outcomes.")
    assert record.cell_products == []


# --- tests/data/therapy-holdout4: a follow-up of earlier trials' recipients gives no cells -------------------------

@pytest.mark.parametrize(("title", "intervention", "summary"), [
    # tests/data/therapy-holdout4/pages/clinicaltrials.gov/ct2-show-NCT03435796-ltfu-gene-modified-t-no-product.txt
    ("Long-Term Follow-up Protocol for Participants Treated With Gene-Modified T Cells",
     "Gene-modified (GM) T cell therapy",
     "Participants who received at least one GM T cell infusion will be asked to enroll in this LTFU protocol upon either "
     "premature discontinuation from, or completion of the prior parent treatment protocol."),
    # clinicaltrials.ucsf.edu/trial/NCT02445222, its official title and summary
    ("Long Term Follow-Up of Patients Exposed to Lentiviral-Based CAR T-Cell Therapy", "Previously treated CAR-T patients",
     "The purpose of this study is to monitor all patients exposed to CAR-T therapied for 15 years following their last "
     "CAR-T (e.g. CTL019) infusion to assess the risk of delayed adverse events (AEs)."),
    # api.ai-analytics.org/clinical/NCT02445222.md, its brief title
    ("CAR-T Long Term Follow Up (LTFU) Study", "Previously treated CAR-T patients", None),
    # cancer.osu.edu, OSU-15042 (the same protocol at one site), its full title
    ("Long Term Follow-Up of Patients Exposed to Lentiviral-Based CD19 directed CART Cell Therapy", "CD19 CART",
     "The purpose of this study is to monitor all patients exposed to CD19 directed CAR T-cells (CD19 CART) for 15 years "
     "following last CD19 CART (e.g. CTL019) infusion"),
], ids=["ltfu-protocol-for-participants-treated-with", "ltfu-of-patients-exposed-to", "car-t-ltfu-study",
        "ltfu-cd19-cart"])
def test_a_long_term_follow_up_of_earlier_recipients_gives_no_product(title: str, intervention: str,
                                                                      summary: str | None) -> None:
    record = _record(title=title, brief_summary=summary, interventions=[Intervention(intervention, "GENETIC")],
                     source=SourceDocument("p.txt", "0" * 64, "ctgov_classic"))
    assert record.cell_products == []


def test_the_cells_intervention_that_administers_nothing_gives_no_product() -> None:
    # tests/data/therapy-holdout4, NCT03435796's intervention and its description
    record = _record(title="Participants exposed to Gene-modified (GM) T cell therapy",
                     interventions=[Intervention("Gene-modified (GM) T cell therapy", "GENETIC",
                                                 "No investigational product will be administered")])
    assert record.cell_products == []


def test_a_study_that_includes_no_therapy_gives_no_product() -> None:
    # clinicaltrialsgps.com trial-54256, the NCI's "Gene Therapy Follow-up Protocol for People Previously Enrolled in NCI
    # Experimental Transplantation and Immunology Branch Studies"
    record = _record(title="Gene Therapy Follow up Protocol for Subjects Previously Enrolled in NCI Experimental "
                           "Transplantation and Immunology Branch Studies",
                     source=SourceDocument("p.txt", "0" * 64, "generic"),
                     brief_summary="This trial does not include any therapy and is only for patients previously treated on "
                                   "gene-therapy trials at the NCI Experimental Transplantation an Immunology Branch who are "
                                   "no longer enrolled on their original gene therapy clinical trial. After they get the "
                                   "genetically modified cells, participants will have blood drawn 3, 6, and 12 months later.")
    assert record.cell_products == []


@pytest.mark.parametrize(("title", "follow_up"), [
    # tests/data/pages (ADP's study, the dev corpus): "Adoptive Cell Therapy Long-term Follow-up (LTFU) Study", and its
    # official title
    ("Adoptive Cell Therapy Long-term Follow-up (LTFU) Study", True),
    ("Long-Term Follow-Up (LTFU) of Participants Treated With ADP Adoptive Cell Therapies", True),
    # trial.medpath.com NCT05713214 (St. Jude)
    ("Long-term Follow-up After Adoptive Transfer of Genetically Modified Cell Products", True),
    # clinicaltrialsgps.com trial-54256, its title
    ("Gene Therapy Follow-up Protocol for People Previously Enrolled in NCI Experimental Transplantation and Immunology "
     "Branch Studies", True),
    # JCI Insight 2019;4(9):e122627 (Geyer et al.), a trial that gave the cells: "we report safety and long-term follow-up
    # of CAR T cell therapy with or without conditioning chemotherapy"
    ("Safety and long-term follow-up of CAR T cell therapy with or without conditioning chemotherapy", False),
], ids=["adp-ltfu-study", "adp-ltfu-of-participants-treated", "ltfu-after-adoptive-transfer",
        "follow-up-protocol-for-people-previously-enrolled", "follow-up-of-a-therapy"])
def test_a_title_that_is_a_follow_up_of_earlier_recipients(title: str, follow_up: bool) -> None:
    assert bool(_FOLLOW_UP_STUDY.search(title)) is follow_up


# --- tests/data/therapy-holdout4: the donor of the patients' transplant is not the stromal cells' donor -------------

@pytest.mark.parametrize("criterion", [
    # tests/data/therapy-holdout4/pages/trial.medpath.com/NCT01941394-msc-for-agvhd-prophylaxis.txt, its inclusion criterion
    "allogenic BMT from related or unrelated donor",
    # radiopharmaconnect.srsweb.org (an Iranian trial of MSC given with the graft), its patients
    "Patients included in the study were candidate for allogeneic hematopoietic stem cell transplantation with a donor "
    "with DNAM-1 above 8 ng / ml.",
], ids=["allogenic-bmt-from-related-or-unrelated-donor", "candidate-for-allogeneic-hsct-with-a-donor"])
def test_the_transplants_donor_in_a_criterion_is_not_the_mscs(criterion: str) -> None:
    record = _record(title="Mesenchymal Stem Cells Infusion for aGVHD Prophylaxis Transplantation",
                     source=SourceDocument("p.txt", "0" * 64, "medpath"),
                     brief_summary="Infusion of Mesenchymal Stem Cell (MSC) at day of recovery after bone marrow transplant "
                                   "(BMT) for patients with AL, AA and MM for acute Graft-versus-host Disease (GVHD) "
                                   "prophylaxis and treatment.",
                     interventions=[Intervention("Mesenchymal stem cells", "BIOLOGICAL")],
                     criteria=[Criterion("INCLUSION", criterion)])
    assert [(p.kind, p.donor_types) for p in record.cell_products] == [("mesenchymal-stromal-cells", [])]


def test_a_donor_of_the_stromal_cells_themselves_is_still_read() -> None:
    # tests/data/therapy-holdout4/pages/meddatax.com/NCT03818854-results-bone-marrow-msc-ards.txt (its title and group
    # description), with NCT01941394's criterion of a transplant beside it
    record = _record(title="Mesenchymal Stromal Cells For Acute Respiratory Distress Syndrome",
                     source=SourceDocument("p.txt", "0" * 64, "ctgov_mirror"),
                     interventions=[Intervention("Human Mesenchymal Stromal Cells", "BIOLOGICAL",
                                                 "A single dose of 10 million cells/kg predicted body weight (PBW) Allogeneic "
                                                 "Bone Marrow-Derived Human Mesenchymal Stromal Cells will administered "
                                                 "intravenously over approximately 60-80 minutes.")],
                     criteria=[Criterion("INCLUSION", "allogenic BMT from related or unrelated donor")])
    assert [p.donor_types for p in record.cell_products] == [["ALLOGENEIC"]]


@pytest.mark.parametrize(("title", "summary"), [
    # tests/data/therapy-holdout4/pages/trial.medpath.com/NCT01941394-msc-for-agvhd-prophylaxis.txt
    ("Mesenchymal Stem Cells Infusion for aGVHD Prophylaxis Transplantation",
     "Infusion of Mesenchymal Stem Cell (MSC) at day of recovery after bone marrow transplant (BMT) for patients with AL, "
     "AA and MM for acute Graft-versus-host Disease (GVHD) prophylaxis and treatment."),
    # Stem Cells International 2012, 968213 (hindawi.com), a phase II study of MSC given with the graft
    ("Multipotent Mesenchymal Stromal Cells for the Prophylaxis of Acute Graft-versus-Host Disease", None),
], ids=["msc-infusion-for-agvhd-prophylaxis", "mmsc-for-the-prophylaxis-of-acute-gvhd"])
def test_the_gvhd_prophylaxis_the_cells_are_given_for_is_no_regimen(title: str, summary: str | None) -> None:
    record = _record(title=title, brief_summary=summary, source=SourceDocument("p.txt", "0" * 64, "medpath"),
                     interventions=[Intervention("Mesenchymal stem cells", "BIOLOGICAL")])
    assert [p.kind for p in record.cell_products] == ["mesenchymal-stromal-cells"]
    assert record.regimens == []


def test_a_standard_gvhd_prophylaxis_given_beside_the_cells_is_a_regimen() -> None:
    # Stem Cells International 2012, 968213, its second group: "Standard GVHD prophylaxis + MMSC"
    record = _record(title="Multipotent Mesenchymal Stromal Cells for the Prophylaxis of Acute Graft-versus-Host Disease",
                     source=SourceDocument("p.txt", "0" * 64, "medpath"),
                     interventions=[Intervention("Mesenchymal stem cells", "BIOLOGICAL")],
                     arms=[Arm("Second group", description="Standard GVHD prophylaxis + MMSC")])
    assert [(r.name, r.purpose) for r in record.regimens] == [("GVHD prophylaxis", "GVHD_PROPHYLAXIS")]


# --- tests/data/therapy-holdout4: doses in "mln", a stray letter before "x 10^n", T cells named by their marker -------

@pytest.mark.parametrize(("sentence", "dose"), [
    # tests/data/therapy-holdout4/pages/clinicaltrials.gov/ct-show-NCT00167180-dli-after-cyclophosphamide-fludarabine.txt,
    # the intervention "Procedure: Donor Lymphocyte Infusion"
    ("donor cells infused over 2 hrs at cell dose of 0.5 dx 10^8 CD3+T-cells/kg", (5e7, "{cells}/kg", True)),
    # tests/data/therapy-holdout4/pages/trial.medpath.com/NCT01941394-msc-for-agvhd-prophylaxis.txt, the arm "With MSC"
    ("Mesenchymal stem cells infusion of Mesenchymal stem cells at dose 1 mln cells per kg", (1e6, "{cells}/kg", True)),
], ids=["dx-10-8-cd3-t-cells-per-kg", "1-mln-cells-per-kg"])
def test_a_cell_dose_in_mln_or_with_a_stray_letter_before_times_ten(sentence: str, dose: tuple) -> None:
    from kg.enrich.therapy.quantities import cell_doses
    assert [(d.minimum, d.unit, d.per_dose) for d in cell_doses(sentence)] == [dose]


def test_a_scale_written_after_the_unit_is_left_unread() -> None:
    # the same page's detailed description: "1 cells mln/kg" could be read as 1 cell; it is no dose
    from kg.enrich.therapy.quantities import cell_doses
    assert cell_doses("Infusion at dose 1 cells mln/kg at day of white blood cells recovery.") == []


# --- tests/data/therapy-holdout4: a chemotherapy listed as a drug intervention beside the cells ------------------------

@pytest.mark.parametrize(("title", "interventions", "rows"), [
    # tests/data/therapy-holdout4/pages/clinicaltrials.gov/ct-show-NCT00167180-dli-after-cyclophosphamide-fludarabine.txt
    ("Post Transplant Donor Lymphocyte Infusion", [Intervention("Donor Lymphocyte Infusion", "PROCEDURE",
                   "donor cells infused over 2 hrs at cell dose of 0.5 dx 10^8 CD3+T-cells/kg"),
      Intervention("Induction Chemotherapy", "DRUG")], [("Induction Chemotherapy", "CHEMOTHERAPY")]),
    # tests/data/therapy-holdout4/pages/trial.medpath.com/NCT01533727-autologous-cik-plus-chemotherapy-nsclc.txt
    ("CIK Cell Transfusion Plus Chemotherapy as Adjuvant Therapy for Stage IB-IIIA Non-Small Cell Lung Cancer (NSCLC)",
     [Intervention("Autologous CIK Transfusion plus Chemotherapy", "DRUG"), Intervention("chemotherapy alone", "DRUG")],
     [("chemotherapy alone", "CHEMOTHERAPY")]),
], ids=["induction-chemotherapy", "chemotherapy-alone"])
def test_a_chemotherapy_listed_as_a_drug_beside_the_cells_is_a_regimen(title: str, interventions: list, rows: list) -> None:
    record = _record(title=title, interventions=interventions,
                     source=SourceDocument("p.txt", "0" * 64, "ctgov_classic"))
    assert record.cell_products
    assert [(r.name, r.purpose) for r in record.regimens] == rows


def test_a_chemotherapy_listed_by_a_study_that_gives_no_cells_is_no_regimen() -> None:
    # tests/data/ctgov-negative NCT05209256
    record = _record(title="Alflutinib Versus Alflutinib Plus Chemotherapy for NSCLC",
                     interventions=[Intervention("Alflutinib", "DRUG"), Intervention("Chemotherapy", "DRUG")])
    assert (record.cell_products, record.regimens) == ([], [])


# --- tests/data/therapy-holdout4: letters glued to the stromal cells' name -------------------------------------------

@pytest.mark.parametrize("name", [
    # tests/data/therapy-holdout4/pages/ctv.veeva.com/NCT06321198-imsc-steroid-refractory-agvhd.txt, its title and intervention
    "iMesenchymal Stromal Cells(iMSC)", "iMSC",
    # tests/data/therapy-holdout2 meddatax.com NCT02065245, its arms
    "20 million allo-hMSCs/kg",
])
def test_stromal_cells_with_letters_glued_to_their_name(name: str) -> None:
    assert _UNTYPED_CELLS.search(name)


def test_an_msc_product_named_only_with_glued_letters_is_given() -> None:
    # tests/data/therapy-holdout4, NCT06321198 (ctv.veeva.com)
    record = _record(title="A Trial to Evaluate the Safety and Preliminary Efficacy of iMesenchymal Stromal Cells(iMSC) in "
                           "Subjects With SR-aGVHD",
                     source=SourceDocument("p.txt", "0" * 64, "veeva"),
                     brief_summary="A study to evaluate the safety and preliminary efficacy of iMSC in subjects with SR-aGVHD",
                     interventions=[Intervention("iMSC", "BIOLOGICAL")])
    assert [(p.cell_type, p.kind) for p in record.cell_products] == [(None, "mesenchymal-stromal-cells")]


@pytest.mark.parametrize("word", ["MSc", "msc", "iMSc"])
def test_a_degree_is_no_stromal_cell(word: str) -> None:
    """The glued letters are lowercase, the cells' abbreviation capitals: a master's degree "MSc" stays none."""
    assert not _UNTYPED_CELLS.search(word)


def test_the_description_of_the_intervention_naming_the_product_doses_it_sentence_by_sentence() -> None:
    # tests/data/therapy-holdout5/pages/clinicaltrials.gov/ct2-show-NCT01210664-autologous-polyclonal-tregs-t1d.txt:
    # the product named by the intervention, its four cohorts' doses in sentences that say only "cells"
    name = "Ex vivo Expanded Human Autologous Polyclonal Regulatory T Cells"
    record = _record(title="Phase 1 Study of Autologous Polyclonal Tregs in Type 1 Diabetes",
                     source=SourceDocument("p.txt", "0" * 64, "ctgov_classic"),
                     interventions=[Intervention(name, "BIOLOGICAL",
                                                 "The researchers will multiply/expand the Tregs in the laboratory using "
                                                 "anti-CD3/anti-CD28 coated beads plus IL-2. Then, the Tregs will be "
                                                 "infused back into the patient in a single infusion. The first cohort "
                                                 "will receive 0.05 x10^8 cells. The second cohort will receive 0.4 x10^8 "
                                                 "cells. The third cohort will receive 3.2 x10^8 cells. The fourth cohort "
                                                 "will receive 26 x10^8 cells.")])
    [product] = record.cell_products
    assert (product.cell_type, product.donor_types, product.ex_vivo_expanded) == ("T", ["AUTOLOGOUS"], True)
    assert [(d.minimum, d.unit) for d in product.doses] == [(5e6, "{cells}"), (4e7, "{cells}"), (3.2e8, "{cells}"), (2.6e9, "{cells}")]


@pytest.mark.parametrize(("title", "conditioning"), [
    # tests/data/therapy-holdout5: clinicaltrials.gov results record NCT00789776
    ("Fludarabine Phosphate, Cyclophosphamide, Total-Body Irradiation, and Donor Bone Marrow Transplant Followed by Donor "
     "Natural Killer Cell Therapy, Mycophenolate Mofetil, and Tacrolimus in Treating Patients With Hematologic Cancer",
     ["Fludarabine Phosphate", "Cyclophosphamide", "Total-Body Irradiation"]),
    # crick.ai NCT00014235: "This clinical trial studies fludarabine phosphate and total-body radiation followed by donor
    # peripheral blood stem cell transplant and immunosuppression ..."
    ("fludarabine phosphate and total-body radiation followed by donor peripheral blood stem cell transplant and "
     "immunosuppression in treating patients with hematologic malignancies", ["Fludarabine Phosphate"]),
], ids=["nci-title-drugs-and-donor-bmt", "crick-drugs-followed-by-donor-pbsct"])
def test_drugs_a_title_lists_before_the_transplant_are_its_conditioning(title, conditioning) -> None:
    from kg.enrich.therapy.regimens import _intervention_purpose

    assert [_intervention_purpose(drug, [], title) for drug in conditioning] == ["CONDITIONING"] * len(conditioning)
    # the drugs after the transplant are not its conditioning
    assert _intervention_purpose("Tacrolimus", [], title) != "CONDITIONING"


def test_the_blood_the_cells_are_isolated_from_is_their_tissue() -> None:
    # tests/data/therapy-holdout11/pages/anzctr.org.au/ACTRN12613000981729-autologous-expanded-cmv-specific-t-cells-after-
    # transplant.txt, its "Description of intervention(s) / exposure"
    # (the generic reader gives it as the detailed description): the sentence that takes the cells from blood need not
    # name the product as the others do
    record = _page(title="Phase I open label clinical trial of autologous T cell therapy for the treatment of cytomegalovirus "
                         "(CMV) reactivation and disease after transplantation",
                   detailed_description="There will be a single treatment arm. Patients will donate 250 - 300mL of blood, "
                                        "from which T cells will be isolated and expanded. A minimum of 2 and a maximum of 6 "
                                        "intravenous infusions of 1-2 x10e7 /m2 autologous ex vivo expanded, polyclonal, "
                                        "bulk, CMV-specific T cells will be given at weeks 0,2,4,6,10 and 14.")
    assert [(p.cell_type, p.donor_types, p.tissue_sources, p.ex_vivo_expanded) for p in record.cell_products] == [
        ("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], True)]


def test_the_feeder_cells_gene_modification_is_not_the_products() -> None:
    # tests/data/therapy-holdout11/pages/ctv.veeva.com/NCT04327037-expanded-haploidentical-nk-cells-il2-flu-cy-leukemia.txt
    record = _page(title="Safety of Expanded Haploidentical Natural Killer Cells for Leukemia",
                   brief_summary="For this purpose, NK cells were expanded in the presence of feeder K562 cells "
                                 "gene-modified for expression 4-1BBL and membrane bound IL-21. In the result of expansion, "
                                 "large number of activated NK cells are obtained.")
    [product] = record.cell_products
    assert (product.cell_type, product.ex_vivo_expanded, product.genetically_modified) == ("NK", True, None)
    assert product.feeder_cells


def test_donor_t_cells_added_back_after_a_haploidentical_transplant_are_the_product() -> None:
    # tests/data/therapy-holdout11/pages/anzctr.org.au/ACTRN12614000290695-haplo-hsct-icasp9-donor-t-cell-addback-tbi-
    # thiotepa-fludarabine.txt: the public title names the T cells "addback", the scientific title whose they are and
    # their suicide gene
    record = _page(title="Haploidentical stem cell transplantation with iCasp9 T cell addback in patients with poor risk "
                         "haematological malignancies",
                   official_title="A phase I study of haploidentical haematopoietic stem cell transplantation with add-back "
                                  "of donor T cells transduced with inducible caspase 9 suicide gene in patients with poor "
                                  "risk haematological malignancies")
    assert [(p.cell_type, p.donor_types, p.genetically_modified) for p in record.cell_products] == [
        ("T", ["HAPLOIDENTICAL"], True)]


def test_drugs_in_brackets_after_the_word_conditioning_are_its_regimen() -> None:
    # tests/data/therapy-holdout11/pages/ctv.veeva.com/NCT04327037-expanded-haploidentical-nk-cells-il2-flu-cy-leukemia.txt:
    # no transplant, so a conditioning before the cells is their lymphodepletion (the corpus's gold writes CHEMOTHERAPY, a
    # gold question of its README)
    record = _page(title="Safety of Expanded Haploidentical Natural Killer Cells for Leukemia",
                   brief_summary="Protocol of immunotherapy includes conditioning (fludarabine + cyclophosphamide or any "
                                 "other protocol of chemotherapy) followed by expanded NK cells intravenous infusion.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("fludarabine + cyclophosphamide", "LYMPHODEPLETION")]


def test_autologous_adipose_derived_stem_cells_are_the_product_not_a_graft() -> None:
    # tests/data/therapy-holdout11/pages/pactr.samrc.ac.za/PACTR202007828853091-autologous-adipose-stem-cells-ovarian-
    # rejuvenation.txt: the stem cells given are the patient's own; the bone marrow-derived stem cells "the current trials
    # have focused on" are other trials'
    record = _page(title="STEM CELLS FOR OVARIAN REJUVENATION (The SCORE trial)",
                   official_title="OVARIAN REJUVENATION WITH AUTOLOGOUS ADIPOSE DERIVED STEM CELL THERAPY",
                   brief_summary="Furthermore, the current trials have focused on bone marrow-derived stem cells and there "
                                 "are currently no trials analyzing adipose-derived stem cells (ADSC). This study aims to "
                                 "determine if autologous adipose derived stem cells injected into the ovary of women with "
                                 "reduced ovarian reserves or premature ovarian failure can improve ovarian function.")
    assert [(p.cell_type, p.donor_types, p.tissue_sources) for p in record.cell_products] == [(None, ["AUTOLOGOUS"], [])]
