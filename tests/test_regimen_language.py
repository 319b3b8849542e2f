"""Regimens as trial texts name them (issue 17): each rule with the page's wording and, where one was found, a second
real source's. Where a text does not say what a regimen is for, its purpose stays empty (None), never guessed.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import holdout10_record
from conftest import product_rows as _products
from conftest import regimen_rows as _regimens
from conftest import therapy_page as _page

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.schedules import infusion_count
from kg.model.records import Arm, Criterion, Intervention, SourceDocument, TrialRecord
from kg.read.layouts import ctgov_mirror


def _record(**fields: Any) -> TrialRecord:
    fields.setdefault("source", SourceDocument("t.json", "0" * 64, "ctgov_api_v2"))
    return describe_therapy(TrialRecord(**fields))


def _rows(record: TrialRecord) -> list[tuple[str, str | None]]:
    return [(r.name, r.purpose) for r in record.regimens]


# --- an immunosuppressant listed with no purpose is no chemotherapy ----------------------------

#: tests/data/therapy-holdout5, clinicaltrials.gov results record NCT00789776: "Drug: Mycophenolate Mofetil",
#: "Drug: Tacrolimus" among its interventions, given after the graft, no sentence saying what for.
NCI_TITLE = ("Fludarabine Phosphate, Cyclophosphamide, Total-Body Irradiation, and Donor Bone Marrow Transplant Followed by "
             "Donor Natural Killer Cell Therapy, Mycophenolate Mofetil, and Tacrolimus in Treating Patients With "
             "Hematologic Cancer")


def test_an_immunosuppressant_listed_without_a_purpose_has_none() -> None:
    record = _record(title=NCI_TITLE, interventions=[
        Intervention("Fludarabine Phosphate", "DRUG"), Intervention("Cyclophosphamide", "DRUG"),
        Intervention("Mycophenolate Mofetil", "DRUG"), Intervention("Tacrolimus", "DRUG"),
        Intervention("Donor Natural Killer Cells", "BIOLOGICAL")])
    assert _rows(record) == [("Fludarabine Phosphate", "CONDITIONING"), ("Cyclophosphamide", "CONDITIONING"),
                             ("Mycophenolate Mofetil", None), ("Tacrolimus", None)]


def test_an_immunosuppressant_a_second_registry_title_lists_has_no_purpose_either() -> None:
    # the NCI's title of a haploidentical marrow transplant trial (as awardpharm.awardspace.info quotes it, "Stem Cell
    # Clinical Trials - Combining Chemotherapy, Tacrolimus, Mycophenolate Mofetil, and Radiation Therapy with Donor Bone
    # Marrow Transplantation in Treating Patients with Hematologic Cancer"): the drugs listed, none said to be for what
    title = ("Combining Chemotherapy, Tacrolimus, Mycophenolate Mofetil, and Radiation Therapy With Donor Bone Marrow "
             "Transplantation in Treating Patients With Hematologic Cancer")
    drugs = [Intervention("tacrolimus", "DRUG"), Intervention("mycophenolate mofetil", "DRUG"), Intervention("MMF", "DRUG"),
             Intervention("cyclosporine", "DRUG")]
    # the drugs of a trial that gives donor NK cells beside the graft (as NCT00789776 does)
    record = _record(title=title, interventions=[*drugs, Intervention("Donor Natural Killer Cells", "BIOLOGICAL")])
    assert [purpose for _, purpose in _rows(record)] == [None, None, None, None]
    # the transplant alone gives no cell therapy, and a regimen is one given around a cell therapy (queries.md)
    assert _rows(_record(title=title, interventions=drugs)) == []


def test_an_immunosuppressant_an_outline_heading_gives_a_purpose_keeps_it() -> None:
    # NCT00789776's outline (ClinicalTrials.gov detailed description via ejaybennett/healthdata): "POST-TRANSPLANTATION
    # IMMUNOSUPPRESSION: Patients receive cyclophosphamide IV over 1 hour on day 3 and mycophenolate mofetil orally (PO)
    # thrice daily (TID) on days 4 to 40, followed by a taper until day 84 in the absence of GVHD." The heading says what
    # the mycophenolate mofetil is for; the tacrolimus, in no sentence, has no purpose
    record = _record(title=NCI_TITLE,
                     detailed_description="POST-TRANSPLANTATION IMMUNOSUPPRESSION: Patients receive cyclophosphamide IV "
                                          "over 1 hour on day 3 and mycophenolate mofetil orally (PO) thrice daily (TID) "
                                          "on days 4 to 40, followed by a taper until day 84 in the absence of GVHD.",
                     interventions=[Intervention("Mycophenolate Mofetil", "DRUG"), Intervention("Tacrolimus", "DRUG"),
                                    Intervention("Donor Natural Killer Cells", "BIOLOGICAL")])
    assert _rows(record) == [("Mycophenolate Mofetil", "GVHD_PROPHYLAXIS"), ("Tacrolimus", None)]


def test_a_chemotherapy_drug_listed_without_a_purpose_stays_chemotherapy() -> None:
    # tests/data/therapy-dev NCT01631357 (CIK cells with "Drug: Gemcitabine Injection", "Drug: Cisplatin injection"):
    # chemotherapy drugs by what they are; methotrexate, a drug of GVHD prophylaxis too, is one of them
    record = _record(title="CIK Cells Combined With Chemotherapy in Non-small Cell Lung Cancer",
                     interventions=[Intervention("Gemcitabine Injection", "DRUG"), Intervention("Methotrexate", "DRUG"),
                                    Intervention("CIK cells", "BIOLOGICAL")])
    assert _rows(record) == [("Gemcitabine Injection", "CHEMOTHERAPY"), ("Methotrexate", "CHEMOTHERAPY")]


# --- a chemotherapy named by what it prepares for ---------------------------------------------

def test_preparation_chemotherapy_named_by_its_purpose_is_a_lymphodepletion() -> None:
    # tests/data/therapy-unseen, stellatrials.com NCT07172958 (the generic reader's summary and description)
    record = _page(brief_summary="This trial is testing a new treatment called CAR-TA T cells—specialized immune cells "
                                 "that are engineered in a lab to recognize and attack cancer cells. These cells are made "
                                 "from your own immune cells, then grown in large numbers and infused back into your body "
                                 "along with special preparation chemotherapy.",
                   detailed_description="You'll receive preparation chemotherapy for a few days, then the engineered "
                                        "cells are infused into your bloodstream.",
                   interventions=[Intervention("CAR-TA T cells", None)])
    assert _rows(record) == [("preparation chemotherapy", "LYMPHODEPLETION")]


def test_preparative_chemotherapy_of_a_second_source_is_a_lymphodepletion() -> None:
    # bookmarksclub.com on CAR-T: "This preparative chemotherapy, also known as lymphodepletion, reduces the number of
    # existing immune cells, creating space for the infused CAR-T cells to expand and function more effectively."
    record = _page(title="CAR-T cell therapy",
                   brief_summary="This preparative chemotherapy, also known as lymphodepletion, reduces the number of "
                                 "existing immune cells, creating space for the infused CAR-T cells to expand and function "
                                 "more effectively.")
    assert _rows(record) == [("preparative chemotherapy", "LYMPHODEPLETION")]


# --- a course of chemotherapy, then the cells ---------------------------------------------------

#: tests/data/therapy-unseen, findatrial.com NCT06847269: the site's untyped tags list the drugs, the summary one course.
CAR19PK = ("This study evaluates the effectiveness of CAR T cell therapy combined with lymphodepleting chemotherapy in "
           "treating pediatric, adolescent, and young adult patients with refractory or relapsed CD19-positive leukemia. "
           "Participants will undergo a single course of chemotherapy using age-based doses of fludarabine and "
           "cyclophosphamide, followed by an infusion of modified T cells designed to target cancer cells.")


def test_a_course_of_chemotherapy_followed_by_the_cells_is_one_lymphodepletion_beside_a_tag_list() -> None:
    record = _page(title="CAR T cell therapy for young patients with CD19-positive leukemia", brief_summary=CAR19PK,
                   interventions=[Intervention(name, None) for name in
                                  ("CAR T", "chemotherapy", "chimeric antigen receptor", "cyclophosphamide", "fludarabine")])
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("fludarabine and cyclophosphamide", "LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]


def test_a_treatment_with_drugs_prior_to_the_infusion_of_the_cells_is_a_lymphodepletion() -> None:
    # paidtrials.com, the kappa-CD28 T lymphocytes trial (CHARKALL): "the patient may receive treatment with
    # cyclophosphamide and fludarabine (Cy and Flu) prior to the infusion of the T cells."
    record = _page(title="Kappa-CD28 T Lymphocytes, Chronic Lymphocytic Leukemia, B-cell Lymphoma or Multiple Myeloma",
                   brief_summary="Because of that, if the level of circulating T cells is relatively high or the patient "
                                 "has B-CLL, the patient may receive treatment with cyclophosphamide and fludarabine (Cy "
                                 "and Flu) prior to the infusion of the T cells.",
                   interventions=[Intervention("kappa-CD28 T cells", "BIOLOGICAL")])
    assert [(r.purpose, r.components) for r in record.regimens] == [
        ("LYMPHODEPLETION", ["cyclophosphamide", "fludarabine"])]


def test_a_combination_known_by_its_acronym_followed_by_the_cells_stays_a_chemotherapy() -> None:
    # shared/corpus/seeds NCT05272293 (its gold): "a cycle of immunotherapy includes chemotherapy (FLAG - fludarabine,
    # cytarabine, G-CSF) followed by three doses of NK cells infusion" treats the leukaemia
    record = _page(title="NK Cells in Refractory/Relapsed AML",
                   brief_summary="For patients with refractory/relapsed AML a cycle of immunotherapy includes chemotherapy "
                                 "(FLAG - fludarabine, cytarabine, G-CSF) followed by three doses of NK cells infusion.",
                   interventions=[Intervention("NK cells", "BIOLOGICAL")])
    assert _rows(record) == [("FLAG", "CHEMOTHERAPY")]


def test_a_treatment_with_drugs_no_cells_follow_is_no_regimen() -> None:
    # the words without the cells after them: "treatment with cyclophosphamide" is read only before the cells
    record = _page(title="Kappa-CD28 T Lymphocytes, Chronic Lymphocytic Leukemia, B-cell Lymphoma or Multiple Myeloma",
                   brief_summary="Patients previously had treatment with cyclophosphamide and fludarabine.",
                   interventions=[Intervention("kappa-CD28 T cells", "BIOLOGICAL")])
    assert record.regimens == []


# --- a chemotherapy with its drug, then a graft ------------------------------------------------

def test_a_chemotherapy_with_its_drug_and_an_autologous_graft_is_its_conditioning() -> None:
    # tests/data/therapy-holdout2, ctv.veeva.com NCT01040026 (crick.ai's NCT01040026 page gives the same sentence):
    # "High-dose chemotherapy with melphalan and autologous hematopoietic stem cell transplantation (HSCT) is
    # considered standard treatment for patients with multiple myeloma."
    record = _page(title="Expanded Natural Killer (NK) Cells for Multiple Myeloma Study",
                   brief_summary="High-dose chemotherapy with melphalan and autologous hematopoietic stem cell "
                                 "transplantation (HSCT) is considered standard treatment for patients with multiple "
                                 "myeloma.",
                   interventions=[Intervention("Treatment with in vitro expanded haploidentical NK cells", "OTHER")])
    assert _rows(record) == [("melphalan", "CONDITIONING")]


def test_a_chemotherapy_with_its_drug_and_nothing_after_stays_a_chemotherapy() -> None:
    # tests/data/therapy-dev NCT02229266, its control arm: "1 cycle of consolidation chemotherapy with high-dose
    # cytarabine"
    record = _page(title="NK Cells Infusion in AML",
                   brief_summary="Patients in the control arm receive 1 cycle of consolidation chemotherapy with "
                                 "high-dose cytarabine.",
                   interventions=[Intervention("NK cells", "BIOLOGICAL")])
    assert [purpose for _, purpose in _rows(record)] == ["CHEMOTHERAPY"]


def test_an_immunosuppressant_is_not_the_conditioning_a_trial_s_only_chemotherapy_is() -> None:
    # ctv.veeva.com NCT02130869 (tests/data/pages, as _BEFORE_THE_GRAFT quotes it): "Natural killer cells from a
    # haploidentical family member will be given after high dose chemotherapy and positively selected autologous stem
    # cells": its listed chemotherapy ("Drug: Melphalan") is that conditioning. The page lists no immunosuppressant; the
    # "Drug: Tacrolimus" beside it here is added to show that one no sentence names is not that conditioning
    record = _record(title="A Pilot Study of Immunotherapy Including Haploidentical NK Cell Infusion Following CD133+ "
                           "Positively-Selected Autologous Hematopoietic Stem Cells in Children With High Risk Solid Tumors "
                           "or Lymphomas",
                     brief_summary="Natural killer cells from a haploidentical family member will be given after high dose "
                                   "chemotherapy and positively selected autologous stem cells.",
                     interventions=[Intervention("Melphalan", "DRUG"), Intervention("Tacrolimus", "DRUG"),
                                    Intervention("Natural killer cells", "BIOLOGICAL")])
    assert _rows(record) == [("Melphalan", "CONDITIONING"), ("Tacrolimus", None)]


def test_an_immunosuppressant_a_title_lists_before_the_transplant_is_its_conditioning() -> None:
    # Malard et al., Biol Blood Marrow Transplant 2011 (cited by Cancer 2013, doi 10.1002/cncr.27858): "Fludarabine,
    # antithymocyte globulin, and very low-dose busulfan for reduced-intensity conditioning before allogeneic stem cell
    # transplantation ...": an immunosuppressant the title lists before the graft is its conditioning; the NCI's title
    # of NCT00789776 lists tacrolimus after the graft, which gives it no purpose
    from kg.enrich.therapy.regimens import _intervention_purpose

    title = ("Fludarabine, antithymocyte globulin, and very low-dose busulfan for reduced-intensity conditioning before "
             "allogeneic stem cell transplantation in patients with lymphoid malignancies")
    assert [_intervention_purpose(drug, [], title) for drug in ("antithymocyte globulin", "Fludarabine")] == [
        "CONDITIONING", "CONDITIONING"]
    assert _intervention_purpose("Tacrolimus", [], NCI_TITLE) is None


# --- a chemotherapy named by what it does, a drug the cells are given with ------------------------------------------

def test_chemotherapy_to_lower_their_immune_system_before_the_cells_is_a_lymphodepletion() -> None:
    # curemydisease.com NCT01875601 (tests/data/therapy-holdout6), as the generic reader gives it
    record = _page(title="Immune cell boost shows promise against childhood cancers",
                   brief_summary="This early-phase trial tested whether giving activated natural killer (NK) cells, with or "
                                 "without a protein called rhIL15, is safe and feasible for children and young adults with "
                                 "solid tumors that didn't respond to other treatments. Sixteen participants received "
                                 "chemotherapy to lower their immune system, then infusions of their own lab-grown NK cells.")
    assert _rows(record) == [("chemotherapy", "LYMPHODEPLETION")]


def test_a_drug_a_dli_is_given_with_to_spare_gvhd_is_its_prophylaxis() -> None:
    # meddatax.com NCT01027702 (tests/data/therapy-holdout6)
    record = _page(title="Donor Lymphocyte Infusion After Alternative Donor Transplantation",
                   brief_summary="The purpose of this study is to find the highest dose of a donor lymphocyte infusion "
                                 "(DLI) given with methotrexate to hasten immune recovery without causing severe "
                                 "graft-versus-host disease (GVHD).")
    assert _rows(record) == [("methotrexate", "GVHD_PROPHYLAXIS")]


# --- drugs named with their dose; a chemotherapy the trial is giving -----------------------------------------------

def test_drugs_named_with_their_dose_beside_the_cells_are_a_row_each() -> None:
    # trial.medpath.com NCT02644655 (tests/data/therapy-holdout7): "with or without" gives the second drug to some
    record = _page(title="Immunotherapy Using Autologous T Cell-Engineered With CD19-specific Chimeric Antigen Receptor for "
                         "the Treatment of Recurrent /Refractory B Cell Leukemia",
                   brief_summary="This study designs a novel therapy using nCAR19-T. 20 patients will be enrolled. "
                                 "Cyclophosphamide 500 mg - 2000 mg/m2 (day 2) with or without Fludarabine 30 mg/m2 /day, 4 "
                                 "days (day-6,-5,-4,-3); nCAR19-T transfusion:day 0(5×10※5/kg,1×10※6/kg,3×10※6/kg).")
    assert _rows(record) == [("Cyclophosphamide", "CHEMOTHERAPY"), ("Fludarabine", "CHEMOTHERAPY")]


def test_a_drug_named_with_its_dose_is_no_row_where_a_regimen_already_names_it() -> None:
    # NCT01593696's wording (tests/data/therapy-dev): the preparative regimen names its drugs with their doses
    record = _record(title="Anti-CD19 CAR T Cells", interventions=[Intervention("anti-CD19 CAR T cells", "BIOLOGICAL")],
                     brief_summary="Patients receive a preparative regimen comprising fludarabine 25 mg/m(2) on Days -4, -3 "
                                   "and -2 and cyclophosphamide 900 mg/m(2) on day -2, then the CAR T cells.")
    assert [purpose for _, purpose in _rows(record)] == ["LYMPHODEPLETION"]


def test_a_phase_of_chemotherapy_the_trial_is_giving_with_the_dli_is_a_row() -> None:
    # ctv.veeva.com NCT03297528 (tests/data/therapy-holdout7): what the trial gives, not the patients' past treatment
    record = _page(title="Chemotherapy and DLI for Second Relapse",
                   brief_summary="Based on these data the investigators designed a randomized control study to determine "
                                 "whether giving additional consolidation chemotherapy and DLI might decrease likelihood of "
                                 "second relapse in persons without chronic GvHD or with a positive MRD-test after initial "
                                 "post-relapse therapy with induction chemotherapy and DLI.")
    assert _rows(record) == [("additional consolidation chemotherapy", "CHEMOTHERAPY")]


# --- a period of the protocol named lymphodepletion, as the page spells it -------------------------------------------

#: tests/data/therapy-holdout5/pages/ctv.veeva.com/NCT05563545-car-nk-cd19-all.txt, the full description ("lymophodepletion"
#: is the page's spelling)
PROTOCOL_PERIODS = ("The protocol will be performed into screening period (-30~-10 days), prophase of lymophodepletion "
                    "(-10~-5 days), Lymophodepletion (-5~-3 days), pre-infusion evaluation (-2~-1 days), infusion (day 0), "
                    "and follow-up period (1-720 days).")


def test_a_protocol_period_named_lymphodepletion_with_its_days_is_a_lymphodepletion_as_spelt() -> None:
    record = _page(title="Anti-CD19 CAR-Engineered NK Cells in the Treatment of Relapsed/Refractory Acute Lymphoblastic "
                         "Leukemia", detailed_description=PROTOCOL_PERIODS,
                   interventions=[Intervention("CAR-NK-CD19 Cells", "BIOLOGICAL")])
    assert _rows(record) == [("Lymophodepletion", "LYMPHODEPLETION")]  # not the "prophase of" it


def test_a_lymphodepletion_period_in_the_usual_spelling_too() -> None:
    record = _page(title="Anti-CD19 CAR-Engineered NK Cells",
                   detailed_description="pre-infusion evaluation (-2~-1 days), lymphodepletion (days -5 to -3), infusion "
                                        "(day 0).", interventions=[Intervention("CAR-NK-CD19 Cells", "BIOLOGICAL")])
    assert _rows(record) == [("lymphodepletion", "LYMPHODEPLETION")]


def test_a_lymphodepletion_without_days_or_after_of_is_no_period() -> None:
    record = _page(title="Anti-CD19 CAR-Engineered NK Cells",
                   detailed_description="the assessment of lymphodepletion (day 0) and lymphodepletion (CD3 count) "
                                        "measured", interventions=[Intervention("CAR-NK-CD19 Cells", "BIOLOGICAL")])
    assert _rows(record) == []


def test_drugs_named_with_their_dose_before_the_reinfusion_of_the_cells_are_a_lymphodepletion() -> None:
    # tests/data/therapy-holdout8/pages/ignite-sd.com/NCT05730361-sctil210-with-b-lymphocyte-adjuvant-digestive-tumors.txt
    record = _page(brief_summary="the efficacy of ScTIL210 injection alone and in combination with B lymphocytes adjuvant",
                   detailed_description="Preconditioning chemotherapy will be performed to subjects of 3rd and 4th treatment "
                                        "group. Fludarabine 25mg/m2/day and cyclophosphamide 250mg/m2/day will be "
                                        "intravenously administered at 5 and 4 days (Day -5 and Day -4) before reinfusion of "
                                        "ScTIL and B lymphocyte adjuvant at Day 0.")
    # a row each, for what they are given before; the "Preconditioning chemotherapy" that names no drug is the same one
    assert _rows(record) == [("Fludarabine", "LYMPHODEPLETION"), ("cyclophosphamide", "LYMPHODEPLETION")]


# --- a drug's dose after its name is no part of the regimen's name ---------------------------

def test_a_dose_glued_to_a_drug_is_left_out_of_the_regimen_s_name() -> None:
    # tests/data/therapy-holdout24, meddatax.com NCT04960072 (its summary): the dose glued to the first drug
    record = _page(title="A Study of GC101 TIL in r/r Gastrointestinal Tumors",
                   brief_summary="Autologous TILs are expanded from tumor resections or biopsies and infused i.v. into the "
                                 "patient after NMA lymphodepletion treatment with hydroxychloroquine(600mg,single-dose) "
                                 "and cyclophosphamide.")
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("hydroxychloroquine and cyclophosphamide", "LYMPHODEPLETION", ["hydroxychloroquine", "cyclophosphamide"])]


def test_each_drug_s_dose_in_brackets_is_left_out_of_the_regimen_s_name() -> None:
    # lupus.bmj.com NCT05938725 (tests/data, its gold "fludarabine and cyclophosphamide"): "3 days of lymphodepletion (LD)
    # with fludarabine (30 mg/m2/day) and cyclophosphamide (300 mg/m2/day)"
    record = _page(title="CD19 CAR-T cells in systemic lupus erythematosus",
                   brief_summary="Patients received 3 days of lymphodepletion (LD) with fludarabine (30 mg/m2/day) and "
                                 "cyclophosphamide (300 mg/m2/day) followed by CAR-T cells.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("fludarabine and cyclophosphamide", "LYMPHODEPLETION")]


def test_a_bracket_without_an_amount_stays_in_the_regimen_s_name() -> None:
    # the abbreviation after the drugs is kept: "lymphodepletion by Fludarabine/Cyclophosphamide (Flu/Cy)" (ijgc.bmj.com
    # NCT03539406)
    record = _page(title="RNK001 in ovarian cancer",
                   brief_summary="Intraperitoneal (IP) infusion of RNK001 NK cells combined with IL2 without or with "
                                 "lymphodepletion by Fludarabine/Cyclophosphamide (Flu/Cy).")
    assert [r.name for r in record.regimens] == ["Fludarabine/Cyclophosphamide (Flu/Cy)"]


# --- a group's description in a second paragraph (ClinicalTrials.gov mirror pages) ----------------

def test_a_sentence_after_a_group_s_description_continues_it_and_its_drugs_are_a_regimen() -> None:
    # tests/data/therapy-holdout23, meddatax.com NCT06464679 (compact rendering, the excerpt cut in the second dose): the
    # third line is a sentence saying what the group receives, not a group's label
    values = ["CD19 CAR NK cells", "anti-CD19 CAR NK cells",
              "Patients will receive Fludarabine (25 mg/m2 per day) and Cyclophosphamide (300mg/"]
    arms = ctgov_mirror._arms(values, [])
    assert [(a.label, a.description) for a in arms] == [("CD19 CAR NK cells", "\n".join(values[1:]))]
    record = _page(title="An Exploratory Clinical Study of CD19 CAR NK Cell Injection for the Treatment of "
                         "Relapsed/Refractory Autoimmune Diseases", arms=arms)
    assert _rows(record) == [("Fludarabine and Cyclophosphamide", "CHEMOTHERAPY")]


def test_a_title_after_a_group_s_description_opens_the_next_group() -> None:
    # shared/corpus/seeds 004 (meddatax.com, compact rendering, no Interventions list read here): each group's label is a
    # title after the previous group's description
    values = ["NK cells without IL-2", "On day 0, patients will receive a fixed dose of 1.0-3.0 x 10^9 allogeneic UCB-NK "
              "cells.", "NK cells with low dose IL-2", "On day 0, patients will receive a fixed dose of 1.0-3.0 x 10^9 "
              "allogeneic UCB-NK cells."]
    assert [a.label for a in ctgov_mirror._arms(values, [])] == ["NK cells without IL-2", "NK cells with low dose IL-2"]


# --- drugs counted, not named (the NIH's plain English) ---------------------------------------

#: tests/data/therapy-holdout8, ClinicalTrials.gov NCT03196414 (its brief summary).
CART_138 = ("The cells will be changed in a laboratory. Participants will get 2 chemotherapy drugs over 5 days. Two days "
            "later, participants will get an intravenous (IV) catheter in an arm. They will get the split doses CART cells "
            "on day0, day1, day2 through the IV in 1 infusion.")


def test_chemotherapy_drugs_the_participants_will_get_counted_are_a_regimen() -> None:
    record = _page(title="Study of T Cells Targeting CD138/BCMA/CD19/More Antigens (CART-138/BCMA/19/More) for "
                         "Chemotherapy Refractory and Relapsed Multiple Myeloma", brief_summary=CART_138,
                   interventions=[Intervention("CART-138/BCMA/19/more", "BIOLOGICAL")])
    assert _rows(record) == [("2 chemotherapy drugs", "CHEMOTHERAPY")]


def test_chemotherapy_drugs_counted_followed_by_the_cells_make_room_for_them() -> None:
    # the NIH's next sentence as trialfinderdata.org NCT05003895 writes it ("Then they will receive the modified white blood
    # cells by IV."), after the drugs counted
    record = _page(title="GPC3 CAR T cells for solid tumors",
                   brief_summary="Participants will get 2 chemotherapy drugs over 3 days. Then they will receive the "
                                 "modified white blood cells by IV.",
                   interventions=[Intervention("GPC3 CAR T cells", "BIOLOGICAL")])
    assert _rows(record) == [("2 chemotherapy drugs", "LYMPHODEPLETION")]


def test_chemotherapy_drugs_the_patients_had_are_no_regimen() -> None:
    # the patients' past: no "will"
    record = _page(title="Study of T Cells Targeting CD138/BCMA/CD19/More Antigens (CART-138/BCMA/19/More) for "
                         "Chemotherapy Refractory and Relapsed Multiple Myeloma",
                   brief_summary="Participants had received 2 chemotherapy drugs before the study. "
                                 "They will get the split doses CART cells on day0.",
                   interventions=[Intervention("CART-138/BCMA/19/more", "BIOLOGICAL")])
    assert record.regimens == []


# --- a chemotherapy named by the antibody it contains -----------------------------------------

#: tests/data/therapy-holdout22, haematologica.org UMIN000014072 (the letter's first paragraph).
AUTO_NK = ("Therefore, we have conducted a phase I study of therapy using ex vivo expanded auto-NK cells from patients’ "
           "peripheral blood mononuclear cells (PBMC) combined with rituximab-containing chemotherapy for relapsed "
           "CD20-positive malignant lymphoma patients.")


def test_a_rituximab_containing_chemotherapy_is_a_chemotherapy() -> None:
    record = _page(title="Expanded autologous NK cells with rituximab-containing chemotherapy in lymphoma",
                   brief_summary=AUTO_NK)
    assert _rows(record) == [("rituximab-containing chemotherapy", "CHEMOTHERAPY")]


def test_rituximab_alone_beside_the_cells_is_no_regimen() -> None:
    # the antibody without a chemotherapy: "NK cells ... combined with rituximab"
    record = _page(title="Expanded autologous NK cells with rituximab in lymphoma",
                   brief_summary=AUTO_NK.replace("rituximab-containing chemotherapy", "rituximab"))
    assert record.regimens == []


# --- a chemotherapy given with radiotherapy, the cells with both --------------------------------

#: tests/data/therapy-holdout23, ctv.veeva.com NCT07247201 (AlloNK1, its summary).
ALLO_NK1 = ("This clinical trial aims to determine whether Natural Killer (NK) cell therapy administered in combination with "
            "concurrent chemoradiotherapy (CRT) can reduce recurrence in patients with advanced nasopharyngeal cancer (NPC), "
            "and to identify the highest safe and tolerable dose of allogeneic NK cells.")


def test_cells_in_combination_with_concurrent_chemoradiotherapy_give_it() -> None:
    record = _page(title="Integrating Allogeneic NK Cells in High-risk Advanced Stage III-IV Nasopharyngeal Cancer Patients "
                         "(AlloNK1)", brief_summary=ALLO_NK1,
                   interventions=[Intervention("Allogenic expanded Natural Killer Cells (AlloNK1)", "BIOLOGICAL")])
    assert _rows(record) == [("concurrent chemoradiotherapy (CRT)", "CHEMOTHERAPY")]


def test_a_chemoradiotherapy_named_without_the_cells_given_with_it_is_no_regimen() -> None:
    # tests/data/therapy-holdout22, jci.org NCT04443296: "All patients planned to receive prior platinum-based
    # chemoradiotherapy." (the page's cisplatin, given with a dose, is read as the trial's; here without it)
    record = _page(title="TIL in cervical cancer",
                   brief_summary="All patients planned to receive prior platinum-based chemoradiotherapy.",
                   interventions=[Intervention("Tumor-infiltrating lymphocytes", "BIOLOGICAL")])
    assert record.regimens == []


# --- drugs joined by a hyphen -------------------------------------------------------------------

def test_drugs_joined_by_a_hyphen_are_one_regimen() -> None:
    # Frame et al., Front. Immunol. 2024 (doi 10.3389/fimmu.2024.1403145), its title: "Comparing 2-day vs 3-day flu-CY
    # lymphodepleting regimens for CD19 CAR T-cell therapy in patients with non-hodgkin's lymphoma"
    record = _page(title="Comparing 2-day vs 3-day flu-CY lymphodepleting regimens for CD19 CAR T-cell therapy in patients "
                         "with non-hodgkin's lymphoma",
                   interventions=[Intervention("CD19 CAR T cells", "BIOLOGICAL")])
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("flu-CY", "LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]


def test_a_hyphen_after_a_drug_to_no_drug_joins_nothing() -> None:
    # "flu-like" names a symptom; "cyclophosphamide-based" stays the based-on chemotherapy it names
    record = _page(title="CD19 CAR T cells in lymphoma",
                   brief_summary="Patients may have flu-like symptoms after the infusion of the CAR T cells. Patients "
                                 "receive a cyclophosphamide-based lymphodepleting chemotherapy before the CAR T cells.",
                   interventions=[Intervention("CD19 CAR T cells", "BIOLOGICAL")])
    assert [(r.name, r.purpose) for r in record.regimens] == [("cyclophosphamide", "LYMPHODEPLETION")]


# --- a conditioning "containing" its drugs; antithymocyte globulin as pages spell it -------------

#: Biol Blood Marrow Transplant 2014;20:696 (PMID 24525278), its abstract: donor NK cells after a haploidentical HCT.
HAPLO_NK = ("Forty-one patients (ages 17 to 75 years) with hematologic malignancy underwent HLA-haploidentical HCT after "
            "reduced-intensity conditioning containing busulfan, fludarabine, and antithymocyte globulin.")


def test_a_conditioning_containing_its_drugs_is_that_regimen() -> None:
    record = _page(title="Donor-derived natural killer cells infused after human leukocyte antigen-haploidentical "
                         "hematopoietic cell transplantation: a dose-escalation study", brief_summary=HAPLO_NK,
                   interventions=[Intervention("donor NK cells", "BIOLOGICAL")])
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("busulfan, fludarabine, and antithymocyte globulin", "CONDITIONING",
         ["busulfan", "fludarabine", "antithymocyte globulin"])]


def test_a_medium_containing_a_drug_is_no_regimen() -> None:
    # "containing" after no regimen's word: the medium the cells are grown in
    record = _page(title="Donor-derived natural killer cells", interventions=[Intervention("donor NK cells", "BIOLOGICAL")],
                   brief_summary="NK cells were cultured in a medium containing cyclosporine.")
    assert record.regimens == []


def test_anti_thymocyte_globulin_spelt_with_a_hyphen_is_the_drug() -> None:
    # sparkcures.com NCT02727803 (tests/data/pages), the NCI's outline: "Patients receive anti-thymocyte globulin
    # intravenously (IV) over 4 hours on days -9 and -8, fludarabine phosphate IV over 1 hour, clofarabine IV over 1 hour,
    # and busulfan IV over 3 hours on days -7 to -4." (under "MYELOABLATIVE REGIMEN 1:"; here under the NCI's
    # "CONDITIONING REGIMEN:" heading, as cancer.gov NCI-2020-08290 writes it). Without the hyphenated spelling no drug
    # was read: the outline's first drug it knew stood too far into the sentence.
    record = _page(title="Personalized NK Cell Therapy After Chemotherapy and Cord Blood Transplant",
                   brief_summary="CONDITIONING REGIMEN: Patients receive anti-thymocyte globulin intravenously (IV) over 4 "
                                 "hours on days -9 and -8, fludarabine phosphate IV over 1 hour, clofarabine IV over 1 hour, "
                                 "and busulfan IV over 3 hours on days -7 to -4.",
                   interventions=[Intervention("natural killer cells", "BIOLOGICAL")])
    assert [(r.purpose, r.components) for r in record.regimens] == [
        ("CONDITIONING", ["antithymocyte globulin", "fludarabine", "clofarabine", "busulfan"])]


def test_a_transplant_trial_that_gives_no_cells_has_no_regimen() -> None:
    # the kidney trial of tests/test_therapy_language.py: its antithymocyte globulin, a drug by its hyphenated spelling, is
    # given against the organ's rejection; and a stem cell transplant's alone, no cells given beside it, is no regimen
    # either (queries.md: a regimen is given around the cell therapy; tests/test_readers_ctgov_json.py)
    for organ in ("Kidney and Pancreas Transplantation", "Haploidentical Stem Cell Transplantation"):
        assert _page(title=f"Study of Alemtuzumab Versus Anti-thymocyte Globulin to Help Prevent Rejection in {organ}").regimens == []


def test_each_drug_s_dose_in_the_long_form_stays_in_one_regimen() -> None:
    # a CD19 CAR-T study's methods (as potassium-channel.com quotes them, 2022-02-15): "Patients received lymphodepletion
    # with fludarabine (30 mg per square meter of body surface area per day) and cyclophosphamide (500 mg per square meter
    # per day) on days -5, -4, and -3, followed by an infusion of CAR T cells on day 0."
    record = _page(title="CD19 CAR T cells with a PD-1 inhibitor in lymphoma",
                   brief_summary="Patients received lymphodepletion with fludarabine (30 mg per square meter of body "
                                 "surface area per day) and cyclophosphamide (500 mg per square meter per day) on days -5, "
                                 "-4, and -3, followed by an infusion of CAR T cells on day 0.")
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("fludarabine and cyclophosphamide", "LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]
    # a bracket without an amount ends the list, however long
    record = _page(title="CD19 CAR T cells with a PD-1 inhibitor in lymphoma",
                   brief_summary="Patients received lymphodepletion with fludarabine (as the protocol of the sponsor sets "
                                 "out in its appendix) and then CAR T cells.")
    assert [(r.name, r.components) for r in record.regimens] == [("fludarabine", ["fludarabine"])]


# --- a drug a bracket adds to the regimen where needed ------------------------------------------------------------------

CAR_T_TITLE = "CD19 CAR-T Cell Therapy in Refractory Membranous Nephropathy"


#: tests/data/therapy-holdout23/pages/ctv.veeva.com/NCT07266181-cd19-car-t-membranous-nephropathy-per-kg.txt
ADDED_IF_NECESSARY = ("Prior to receiving CAR-T cell therapy, patients will undergo lymphodepletion chemotherapy with "
                      "cyclophosphamide (fludarabine will be added if necessary). After prophylactic administration of "
                      "antihistamines and acetaminophen, patients will be infused with CD19 CAR-T cells at a dose of "
                      "1×10⁶ cells/kg.")


def test_a_drug_a_bracket_adds_where_needed_is_a_row_of_its_own_for_the_regimen_s_purpose() -> None:
    rows = _regimens(title=CAR_T_TITLE, detailed_description=ADDED_IF_NECESSARY)
    assert ("cyclophosphamide", "LYMPHODEPLETION") in rows
    assert ("fludarabine", "LYMPHODEPLETION") in rows
    assert not any(name.startswith("cyclophosphamide (") or " and fludarabine" in name for name, _ in rows)


def test_a_bracket_that_doses_the_drug_or_abbreviates_it_adds_no_drug() -> None:
    # the dose in brackets after each drug: one regimen of both (NCT00924001's wording)
    rows = _regimens(title=CAR_T_TITLE, detailed_description=(
        "Patients receive a preparative regiment consisting of cyclophosphamide (60 mg/kg/day times 2 days intravenous "
        "(IV)) and fludarabine (25 mg/m2/day IV times 5 days), followed by the CAR-T cells."))
    assert rows == [("cyclophosphamide and fludarabine", "LYMPHODEPLETION")]
    # a bracket that names no drug to add, or a drug not added ("will not be added"), makes no row of its own
    assert ("fludarabine", "LYMPHODEPLETION") not in _regimens(title=CAR_T_TITLE, detailed_description=(
        "Patients will undergo lymphodepletion chemotherapy with cyclophosphamide (Cy) before the CAR-T cells. "
        "No fludarabine will be added."))


# --- a drug said given on days before the transplant ---------------------------------------------------------------------

#: tests/data/therapy-holdout/pages/meddatax.com/NCT01370213-results-haplo-nk-nonmyeloablative.txt, the results view's
#: interventions run together after the numbered "Preparative Regimen"
HAPLO_TITLE = "Haploidentical Donor Natural Killer Cells and Stem Cell Transplant for High Risk Acute Myeloid Leukemia"


PRE_TX = ("Preparative Regimen: 1) fludarabine 40 mg/m^2 x 4 doses on Days -22 through -19 pretransplant (pre-tx), 2) "
          "cyclophosphamide 50 mg/kg x 2 doses on Days -20 and -19 pre-tx, 3) total body irradiation 200 cGy twice a day "
          "(BID) (at least 6 hours apart) on Day -18 pre-tx NK Cells: CD3- CD19- selected, interleukin-2 (IL-2) activated, "
          "haploidentical donor natural killer (NK) cells infused on Day -17 pre-tx Interleukin-2: Interleukin-2 6 million "
          "units (MU) subcutaneously (SQ) every other day for 6 doses beginning evening of NK cell infusion Anti-thymocyte "
          "globulin: rabbit anti-thymocyte globulin will be administered on day -6 (0.5 mg/kg) and day -5 (3 mg/kg/day) "
          "pre-tx.")


def test_a_drug_given_on_days_before_the_transplant_is_a_row_its_purpose_empty_for_an_immunosuppressant() -> None:
    rows = _regimens(title=HAPLO_TITLE, detailed_description=PRE_TX)
    assert ("anti-thymocyte globulin", None) in rows
    assert {purpose for name, purpose in rows if name in ("fludarabine", "cyclophosphamide")} == {"CONDITIONING"}
    # a chemotherapy drug so said is the transplant's conditioning
    assert ("Melphalan", "CONDITIONING") in _regimens(title=HAPLO_TITLE, detailed_description=(
        "Haploidentical NK cells are infused on day -3. Melphalan will be given on day -2 before the transplant."))


def test_a_drug_on_days_without_a_transplant_or_in_the_eligibility_is_no_such_row() -> None:
    # no transplant the days count to: no row of this rule
    assert _regimens(title=HAPLO_TITLE.replace(" and Stem Cell Transplant", ""), detailed_description=(
        "Haploidentical NK cells are infused on day 0. Rabbit anti-thymocyte globulin will be administered on day -6.")) == []
    # a drug the patients had, named in a criterion, is none the trial gives
    assert _regimens(title=HAPLO_TITLE, detailed_description="Haploidentical NK cells are infused on day -17 pre-tx.",
                     criteria=[Criterion("EXCLUSION", "Anti-thymocyte globulin is given on day -30 before the transplant "
                                                       "of a prior graft.")]) == []


def test_a_drug_before_the_transplant_of_a_trial_that_gives_no_cells_is_the_studied_treatment_no_regimen() -> None:
    # the conditioning drug a transplant trial studies is its treatment, not a regimen around a cell therapy
    assert _regimens(title="Pharmacokinetically Guided Busulfan Before Allogeneic Stem Cell Transplantation",
                     detailed_description="Busulfan will be given on days -5 to -2 before the transplant.") == []


# --- a numbered cycle of the chemotherapy the cells are given with ---------------------------------------------------

#: tests/data/therapy-holdout24/pages/clincosm.com/NCT04872634-snk01-nk-cells-gc-cetuximab-nsclc-after-tki.txt
SNK_TITLE = ("SNK_ASTER: A Study to Evaluate the Safety and Anti-tumor Activity of SNK01 (NK Cells) Administered in "
             "Combination With Chemotherapy or Chemotherapy / Cetuximab in Local Advanced or Metastatic Non-small Cell Lung "
             "Cancer Patients Who Failed Tyrosine Kinase Inhibitor Treatment")


SNK_CYCLE = ("The subjects allotted to each cohort are administered with the SNK01 manufactured from peripheral blood "
             "mononuclear cells total 8 times over a period of about 10 weeks. Combined administration of SNK01 starts from "
             "the Cycle 2 (Week 4) of Cytotoxic Chemotherapy and SNK01 is administered at an interval of 1 week starting "
             "from the day after the administration of Cytotoxic Chemotherapy and/or Cetuximab (Visit 5-1, D23).")


def test_a_numbered_cycle_of_a_chemotherapy_the_cells_are_given_with_is_that_chemotherapy() -> None:
    assert _regimens(title=SNK_TITLE, detailed_description=SNK_CYCLE) == [("Cytotoxic Chemotherapy", "CHEMOTHERAPY")]


def test_cycles_of_chemotherapy_the_patients_had_or_highly_emetogenic_chemotherapy_are_no_cycle_of_the_trial() -> None:
    # the patients' past: no numbered cycle
    assert _regimens(title=SNK_TITLE, detailed_description=(
        "SNK01 is administered weekly. Patients received at least 2 cycles of cytotoxic chemotherapy before the "
        "study.")) == []
    # "HEC" abbreviates a kind of chemotherapy the cycle is for, no chemotherapy the trial names
    assert _regimens(title=SNK_TITLE, detailed_description=(
        "SNK01 is administered weekly. Nausea is scored on cycle 1 of highly emetogenic chemotherapy (HEC).")) == []


# --- lymphodepletion and its drugs: "composed by", and drugs before a colon ---------------------------------------------

TIL_TITLE = "TIL-ACT Followed by Nivolumab in Unresectable Melanoma"


def test_lymphodepleting_chemotherapy_composed_by_drugs_is_the_drugs() -> None:
    # tests/data/therapy-holdout27/pages/clincosm.com/NCT03475134-til-act-flu-cy-high-dose-il-2-nivolumab-melanoma.txt
    text = ("Study treatment will begin with intravenous non-myeloablative (NMA) lymphodepleting chemotherapy composed by "
            "fludarabine and cyclophosphamide. Both treatments will be started on the same day.")
    assert _regimens(title=TIL_TITLE, detailed_description=text) == [("fludarabine and cyclophosphamide", "LYMPHODEPLETION")]
    # composed by people, not drugs: the regimen keeps the name its purpose gives it
    text = "Study treatment will begin with lymphodepleting chemotherapy composed by the investigators' protocol."
    assert all("investigators" not in name for name, _ in _regimens(title=TIL_TITLE, detailed_description=text))


def test_drugs_described_in_brackets_before_a_colon_saying_lymphodepleting_are_the_regimen() -> None:
    # tests/data/pages-holdout5/cytotargetdb.ca/NCT06373991-athena-car-t-sle.txt
    text = ("Interventions and mechanisms: • ATHENA CAR-T (ET-901): autologous chimeric antigen receptor T-cell therapy. "
            "• Fludarabine (antimetabolite, purine analog) and Cyclophosphamide (alkylating agent): lymphodepleting "
            "chemotherapy to enhance CAR-T engraftment/expansion.")
    assert _regimens(title="ATHENA CAR-T in SLE", brief_summary=text) == [
        ("Fludarabine (antimetabolite, purine analog) and Cyclophosphamide (alkylating agent)", "LYMPHODEPLETION")]
    # one drug described before a colon that says something else is no lymphodepletion
    text = "• Cyclophosphamide (alkylating agent): prior therapy allowed if stopped 4 weeks before."
    assert _regimens(title="ATHENA CAR-T in SLE", brief_summary=text) == []


def test_chemotherapy_associating_its_drugs_with_cytarabine_by_its_long_name() -> None:
    # tests/data/therapy-holdout27/pages/smartpatients.com/NCT01947322-haploidentical-nk-flu-arac-cy-aml.txt
    text = ("HLA Haploidentical selected NK cell infusion (one injection of 1x107/kg CD3-CD56+ cells) after chemotherapy "
            "associating fludarabine, cytosine arabinoside and cyclophosphamide.")
    [regimen] = _page(title="Haploidentical NK Cells in AML", brief_summary=text).regimens
    assert (regimen.name, regimen.purpose, regimen.components) == (
        "fludarabine, cytosine arabinoside and cyclophosphamide", "CHEMOTHERAPY",
        ["fludarabine", "cytarabine", "cyclophosphamide"])
    # the patients' earlier treatment with it gives none
    text = "Patients previously treated with cytosine arabinoside are eligible. HLA Haploidentical selected NK cell infusion."
    assert _page(title="Haploidentical NK Cells in AML", brief_summary=text).regimens == []


# --- regimens -------------------------------------------------------------------------------------------------------

def test_tegafur_listed_among_a_cell_trials_treatments_is_its_chemotherapy() -> None:
    # ctv.veeva.com/NCT03175679-autologous-inkt-cells-il2-tegafur-hcc.txt: "Treatments Biological: iNKT cells Drug: IL-2
    # Drug: Tegafur", no purpose given
    record = _page(title="Adoptive Transfer of iNKT Cells for Treating Patients With Relapsed/Advanced HCC",
                   interventions=[Intervention("iNKT cells", "BIOLOGICAL"), Intervention("IL-2", "DRUG"),
                                  Intervention("Tegafur", "DRUG")])
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [("Tegafur", "CHEMOTHERAPY", ["tegafur"])]
    # a trial that gives no cells has no regimen around them
    record = _page(title="Tegafur for Hepatocellular Carcinoma", interventions=[Intervention("Tegafur", "DRUG")])
    assert record.regimens == []


# --- a regimen named by its purpose, and a product by its short name ----------------------------------------------------

def test_preconditioning_received_before_the_cells_is_a_lymphodepletion() -> None:
    # clinicaltrials.gov/ct2-show-NCT04404595-claudin18-2-car-t-ct041-digestive-cancers.txt, its description
    record = _page(title="Claudin18.2 CAR-T (CT041) in Patients With Gastric, Pancreatic Cancer, or Other Specified "
                         "Digestive Cancers",
                   brief_summary="Patients meeting all eligibility criteria will undergo a leukapheresis procedure to "
                                 "collect autologous mononuclear cells for manufacture of investigational drug product "
                                 "(CT041). Following manufacture of the drug product, subjects will receive preconditioning "
                                 "prior to CT041 infusion. All subjects will be asked to continue to undergo long-term gene "
                                 "safety follow-up.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("preconditioning", "LYMPHODEPLETION")]
    # before a transplant, it conditions the graft
    record = _page(title="CAR-T Cells After Allogeneic Stem Cell Transplantation",
                   brief_summary="Subjects will receive conditioning prior to the stem cell transplant and CAR-T infusion.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("conditioning", "CONDITIONING")]


#: trial.medpath.com/NCT07053800-obe-cel-car-t-refractory-lupus-nephritis.txt, its brief summary (cut where the page is)
NCT07053800_SUMMARY = (
    "This trial aims to find out if obe-cel gets rid of harmful B cells that contribute to systemic lupus erythematosus "
    "(SLE)/lupus nephritis (LN) when available treatments have not worked (refractory). Main trial endpoint is to look at "
    "the percentage of patients whose LN has completely disappeared 6 months after obe-cel treatment. The trial includes "
    "only 1 group of patients (single arm). This trial is the second phase in testing obe-cel in SLE (Phase II). We will "
    "screen patients to make sure they are suitable for the trial, and then collect white blood cells (leukapheresis) to "
    "make obe-cel. Patients will have lymphodepletion chemotherapy to")


def test_a_product_named_by_a_cell_therapys_short_name_made_from_collected_cells() -> None:
    record = _page(title="Obe-cel in Severe, Refractory Systemic Lupus Erythematosus With Active Lupus Nephritis",
                   brief_summary=NCT07053800_SUMMARY)
    # the page never says which cells obe-cel is: no cell type; the screened patients' white blood cells, collected by
    # leukapheresis to make it, are their own and from their blood
    assert _products(record) == [(None, ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, None)]
    assert [(r.name, r.purpose) for r in record.regimens] == [("lymphodepletion chemotherapy", "LYMPHODEPLETION")]


def test_a_short_name_without_cells_collected_for_it_is_no_product() -> None:
    record = _page(title="Obe-cel in Lupus Nephritis", brief_summary="This trial aims to find out if obe-cel gets rid of "
                                                                      "harmful B cells. We will collect blood samples.")
    assert record.cell_products == []


# --- a regimen's drugs each with its dose in brackets ----------------------------------------------------------------

def test_drugs_each_with_its_dose_in_brackets_after_a_named_lymphodepletion_are_one_regimen() -> None:
    # lupus.bmj.com/NCT05938725-kyv-101-cd19-car-t-lupus-nephritis-kysa-1-abstract.txt
    record = _page(brief_summary="After apheresis and manufacturing, patients receive 3 days of lymphodepletion (LD) with "
                                 "fludarabine (30 mg/m2/day) and cyclophosphamide (300 mg/m2/day) starting on day –7 to "
                                 "–5, then a single infusion of KYV-101, a fully human autologous anti-CD19 CAR T-cell "
                                 "therapy.")
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("fludarabine and cyclophosphamide", "LYMPHODEPLETION",  # each dose no part of the name (test_regimen_language)
         ["fludarabine", "cyclophosphamide"])]


def test_a_bracket_without_a_dose_still_ends_the_drugs() -> None:
    # the abbreviation of the list ("cyclophosphamide and fludarabine (Cy/Flu)") stays the name's, as before
    record = _page(brief_summary="Patients receive lymphodepletion with cyclophosphamide and fludarabine (Cy/Flu) followed "
                                 "by a single infusion of autologous anti-CD19 CAR T cells.")
    assert [(r.purpose, r.components) for r in record.regimens] == [
        ("LYMPHODEPLETION", ["cyclophosphamide", "fludarabine"])]


# --- wordings from the misses tests/data/therapy-holdout19/README.md lists --------------------------------------------

# ctv.veeva.com/NCT00891592-cd3-cd28-costimulated-cord-blood-t-cells-after-ucb-transplant.txt
def test_cord_blood_t_cells_co_infused_after_a_myeloablative_conditioning_are_a_donors_with_the_transplants_conditioning() -> None:
    record = _page(
        title="Umbilical Cord Blood Transplant for Hematological Malignancies (UCB)",
        brief_summary="The main study intervention includes CD3/CD28 ex vivo costimulated T cells derived from a thawed "
                      "umbilical cord blood unit, co-infused following a myeloablative conditioning regimen.",
        interventions=[Intervention("Observation Arm", "OTHER"),
                       Intervention("Ex Vivo CD3/CD28 costimulated Umbilical Cord Blood T cells", "BIOLOGICAL")])
    assert [(p.cell_type, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        ("T", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"])]
    assert [(r.name, r.purpose) for r in record.regimens] == [("myeloablative conditioning regimen", "CONDITIONING")]


# --- wordings from the misses tests/data/therapy-holdout20/README.md lists --------------------------------------------

# meddatax.com/NCT00652899-donor-nk-aldesleukin-after-cy-flu-tbi-ovarian.txt
def test_nk_cells_expanded_in_the_patient_are_not_expanded_ex_vivo_and_a_regimen_keeps_its_irradiation() -> None:
    record = _page(
        title="Allogeneic Natural Killer Cells in Patients With Recurrent Ovarian Cancer, Fallopian Tube, and Primary "
              "Peritoneal Cancer",
        detailed_description="* To evaluate the in vivo expansion of an infused allogeneic natural killer (NK) cell product "
                             "following a preparative regimen comprising cyclophosphamide, fludarabine phosphate, and "
                             "total-body irradiation in treating patients with recurrent ovarian cancer.\n"
                             "* To evaluate immune activation of the in vivo expanded haploidentical allogeneic NK cells.")
    assert [p.ex_vivo_expanded for p in record.cell_products] == [None]
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("cyclophosphamide, fludarabine phosphate, and total-body irradiation", "LYMPHODEPLETION",
         ["cyclophosphamide", "fludarabine", "total-body irradiation"])]


# clinicaltrials.gov/ct2-show-NCT02621333-autologous-cik-platinum-doublet-chemotherapy-lung-adenocarcinoma.txt
def test_a_listed_chemotherapy_whose_description_doses_a_choice_of_drugs_is_one_regimen() -> None:
    description = ("platinum combined doublets: Paclitaxel 175mg/m2 D1, or Docetaxel75mg/m2 D1, or Pemetrexed Disodium "
                   "500mg/m2,D1;combined cisplatin 25mg/m2,D1-3 or carboplatin AUC=5, D1. After 3 or 4 days of "
                   "chemotherapy, about 5×109 autologous cytokine-induced killer cells are transfused into the vein.")
    record = _page(
        title="Chemotherapy Combined Autologous Cytokine-induced Killer Cells in Naive Stage IV EGFR-wild Type Lung "
              "Adenocarcinoma",
        interventions=[Intervention("CIK", "BIOLOGICAL", description), Intervention("chemotherapy", "DRUG", description)],
        arms=[Arm("CIK combined chemotherapy group", "EXPERIMENTAL", description, ["CIK", "chemotherapy"])])
    assert [(r.name, r.purpose) for r in record.regimens] == [("chemotherapy", "CHEMOTHERAPY")]


# clinicaltrials.gov/show-NCT00953420-ebv-ctl-after-carboplatin-docetaxel-nasopharyngeal-caden.txt
def test_drugs_a_title_opens_with_before_the_cells_are_a_regimen() -> None:
    record = _page(title="Carboplatin and Docetaxel Followed by Epstein-Barr Virus Cytotoxic T Lymphocytes (CADEN)",
                   brief_summary="In this study, carboplatin will be used in combination with another drug called "
                                 "docetaxel. These cells are grown in the laboratory and taught to recognize and attack "
                                 "EBV-infected cancer cells.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("Carboplatin and Docetaxel", "CHEMOTHERAPY")]


# acir.org/NCT04074746-afm13-cord-blood-nk-per-kg-lymphodepletion.txt
ACIR = ("Here we studied cord-blood-derived cytokine-preactivated and expanded NK cells precomplexed with AFM13 (AFM13-NK) in "
        "patients with CD30(+) lymphoma refractory to BV and CPI. This is the final analysis of this trial; 42 heavily "
        "pretreated patients received 2 to 4 cycles of lymphodepletion followed by AFM13-NK cell infusion at 3 dose levels "
        "(10(6), 10(7) and 10(8)_kg(-1)) and 3 weekly AFM13 infusions.")


def test_cord_blood_hyphenated_a_lymphodepletion_in_cycles_and_infusions_of_an_antibody_are_no_cell_infusions() -> None:
    record = _page(title="Cord-blood-derived NK cells precomplexed with AFM13", brief_summary=ACIR)
    assert [(p.tissue_sources, p.infusions) for p in record.cell_products] == [(["UMBILICAL_CORD_BLOOD"], None)]
    assert [(r.name, r.purpose) for r in record.regimens] == [("lymphodepletion", "LYMPHODEPLETION")]
    assert infusion_count("3 weekly AFM13 infusions") is None
    assert infusion_count("3 weekly NK infusions") == 3


# e-cmh.org/NCT05339321-scg101-hbv-tcr-t-cells-per-kg-after-lymphodepletion.txt; ijgc.bmj.com/NCT03539406-…
def test_cells_per_kilogram_received_after_a_lymphodepletion_and_a_lymphodepletion_by_its_drugs_as_an_option() -> None:
    record = _page(title="Autologous HBV-specific TCR T cells (SCG101) in HBV-related hepatocellular carcinoma",
                   brief_summary="Subsequently, a patient with advanced HBV-HCC received 7.9×107 cells/kg after "
                                 "lymphodepletion. Safety, T-cell persistence, and antiviral and antitumor efficacy were "
                                 "evaluated.")
    assert [(d.minimum, d.unit) for p in record.cell_products for d in p.doses] == [(7.9e7, "{cells}/kg")]
    assert [(r.name, r.purpose) for r in record.regimens] == [("lymphodepletion", "LYMPHODEPLETION")]
    record = _page(title="Intraperitoneal cord blood NK cells (RNK001) for recurrent ovarian cancer",
                   brief_summary="The INTRO-study is a phase-I clinical trial evaluating the feasibility, safety and "
                                 "toxicity of intraperitoneal (IP) infusion of RNK001 combined with IL2 without or with "
                                 "lymphodepletion by Fludarabine/Cyclophosphamide (Flu/Cy).")
    assert [(r.purpose, r.components) for r in record.regimens] == [("LYMPHODEPLETION", ["Fludarabine", "Cyclophosphamide"])]


# --- wordings from the misses tests/data/therapy-holdout21/README.md lists --------------------------------------------

# meddatax.com/NCT02481934-…: each drug dosed after its name and a comma in an arm's description (there lenalidomide and
# bortezomib, myeloma drugs the regimen rules do not take: in a transplant trial they are its maintenance, no regimen
# around cells, tests/data/ctgov-negative NCT05827016)
def test_drugs_dosed_after_a_comma_or_by_mouth_a_day_are_regimens() -> None:
    description = ("Expanded and activated autologous NK cells infusion. Each patient will receive two infusions of 7.5 x "
                   "106 expanded and activated autologous NK cells/kg/cycle. Cyclophosphamide: cyclophosphamide, 500 "
                   "mg/m2, i.v., day -3. Temozolomide: temozolomide, 150 mg oral/day during 5 days.")
    record = _page(title="Expanded and Activated Autologous NK Cells With Chemotherapy",
                   arms=[Arm("NKAE Cells Infusion + Chemotherapy", "EXPERIMENTAL", description)])
    assert [r.components for r in record.regimens] == [["cyclophosphamide"], ["temozolomide"]]
    # a trial that gives no cells has none, whatever it doses
    record = _page(title="Temozolomide in glioblastoma",
                   interventions=[Intervention("Temozolomide", "DRUG", "Temozolomide, 150 mg oral/day during 5 days")])
    assert record.regimens == []


# --- wordings from the misses tests/data/therapy-holdout22/README.md lists --------------------------------------------

# trial.medpath.com/NCT04836728-…: a chemotherapy named by its drug class
def test_a_chemotherapy_named_by_its_drug_class_is_a_regimen() -> None:
    record = _page(title="Autologous CIK Cell Immunotherapy With PD-1 Inhibitor and Chemotherapy in NSCLC",
                   brief_summary="This trial is to evaluate the efficacy and safety of autologous cytokine-induced killer "
                                 "cell immunotherapy in combination with PD-1 inhibitor and platinum-containing chemotherapy "
                                 "in the first-line treatment of stage IV non-small cell lung cancer.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("platinum-containing chemotherapy", "CHEMOTHERAPY")]


# --- wordings from the rule gaps the held-out corpora's READMEs list --------------------------------------------------

# therapy-holdout21 meddatax.com/NCT02481934-results-autologous-nkae-per-kg-lenalidomide-bortezomib-myeloma.txt
def test_the_myeloma_drugs_given_with_nk_cells_are_regimens() -> None:
    record = _page(title="Clinical Trial Phase I-II of NK Cells and Chemotherapy in Multiple Myeloma",
                   arms=[Arm("Expanded and activated autologous NK cells (NKAEs) + chemotherapy (lenalidomide OR "
                             "bortezomib)", description="Lenalidomide: Lenalidomide, 10 mg oral/day during 21 days (cycle)")])
    assert [(r.name, r.purpose) for r in record.regimens] == [("Lenalidomide", "CHEMOTHERAPY")]
    record = _page(title="NK cells in multiple myeloma",
                   brief_summary="Patients with myeloma refractory to lenalidomide and bortezomib receive expanded NK cells.")
    assert record.regimens == []
    # a maintenance after a transplant, no cells given (the negative corpus's NCT05827016): no regimen
    record = _page(title="A Study to Compare Iberdomide Maintenance Versus Lenalidomide Maintenance Therapy Following "
                         "Autologous Stem Cell Transplant in Participants With Newly Diagnosed Multiple Myeloma",
                   interventions=[Intervention("Lenalidomide", "DRUG", "Specified dose on specified days")])
    assert record.regimens == []


# therapy-holdout4 clinicaltrials.gov/ct-show-NCT00167180-dli-after-cyclophosphamide-fludarabine.txt
def test_drugs_given_to_promote_the_cells_growth_in_the_patient_deplete_lymphocytes() -> None:
    record = _page(title="Cyclophosphamide/Fludarabine Followed by Donor Lymphocyte Infusions",
                   official_title="Use of Cyclophosphamide/Fludarabine to Promote in Vivo Expansion of Donor Lymphocyte "
                                  "Infusions (DLI) to Enhance Efficacy After Allogeneic Transplant")
    assert [(r.name, r.purpose) for r in record.regimens] == [("Cyclophosphamide/Fludarabine", "LYMPHODEPLETION")]
    # a drug "to promote" something else is no lymphodepletion
    record = _page(title="NK cells after chemotherapy",
                   brief_summary="Patients receive NK cells. Cyclophosphamide to promote tumor cell death is given first.")
    assert [r.purpose for r in record.regimens] in ([], ["CHEMOTHERAPY"])


# --- the NCI's outline: a conditioning regimen the patients undergo --------------------------------------------------

def test_total_body_irradiation_under_a_conditioning_heading_is_the_transplants_conditioning() -> None:
    # cancer.gov NCI-2020-08290 (NCT04556266): "OUTLINE: ... CONDITIONING REGIMEN: Patients undergo total body
    # irradiation on days -9 to -6." in a trial of "donor-derived CAR T cells following allogeneic stem cell
    # transplantation": the irradiation, CONDITIONING (as the earlier golds keep NCT01370213's and NCT00789776's TBI), not
    # a drugless lymphodepletion named by the heading
    record = holdout10_record("cancer.gov", "NCT04556266")
    assert [(r.name, r.purpose, r.components, r.days) for r in record.regimens] == [
        ("total body irradiation", "CONDITIONING", ["total body irradiation"], "days -9 to -6")]


@pytest.mark.parametrize(("summary", "purpose"), [
    # the page's own summary: cells given after the transplant
    ("This phase I trial evaluates the side effects and best dose of donor-derived CAR T cells following allogeneic stem "
     "cell transplantation in treating patients with CD19 malignancies.", "CONDITIONING"),
    # a transplant the patients relapsed after is no transplant the trial gives: the heading's conditioning makes room
    # for the cells
    ("This phase I trial evaluates the best dose of CAR T cells for patients with CD19 malignancies who relapsed after "
     "allogeneic stem cell transplantation.", "LYMPHODEPLETION"),
], ids=["cells-after-the-transplant", "relapse-after-a-transplant"])
def test_a_conditioning_heading_is_the_transplants_where_the_cells_follow_one(summary: str, purpose: str) -> None:
    record = _page(brief_summary=summary,
                   detailed_description="CONDITIONING REGIMEN: Patients undergo total body irradiation on days -9 to -6.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("total body irradiation", purpose)]


# --- chemotherapy before enrolment, which the trial does not give ----------------------------------------------------

@pytest.mark.parametrize(("site", "number", "words"), [
    # ctv.veeva.com NCT01592422, an inclusion criterion: "Patients currently receiving 4-6 cycles of chemotherapy regimen
    # with VP-16 and a platinum-based drug as first-line therapy in the absence of disease progression"
    ("ctv.veeva.com", "NCT01592422", "chemotherapy regimen with VP-16"),
    # trial.medpath.com NCT02490735: "Patients who had completed chemotherapy" (a criterion), "In this study, the patients
    # will be treated with CIK cells after chemotherapy" (its summary)
    ("trial.medpath.com", "NCT02490735", "treated with CIK cells after chemotherapy"),
], ids=["currently-receiving-first-line", "had-completed-chemotherapy"])
def test_chemotherapy_that_precedes_enrolment_is_no_regimen(site: str, number: str, words: str) -> None:
    record = holdout10_record(site, number)
    assert [p.cell_type for p in record.cell_products] == ["CIK"]
    assert words in " ".join(filter(None, [record.brief_summary, *(c.text for c in record.criteria)]))
    assert record.regimens == []


# --- regimens -------------------------------------------------------------------------------------------------------

def _regimens_of_record(record: TrialRecord) -> list[tuple]:
    return [(r.name, r.purpose) for r in record.regimens]


def test_lymphodepletion_conditioning_without_drugs_is_a_lymphodepletion() -> None:
    # clinicaltrialcompass.org/NCT07535138-cd19-car-gamma-delta-t-autoimmune-nephropathy.txt
    record = _page(title="Efficacy and Safety of CD19 CAR-γδ T Cells in the Treatment of Relapsed/Refractory Autoimmune "
                         "Nephropathy",
                   brief_summary="The treatment process is as follows: subjects who meet the inclusion criteria will receive "
                                 "lymphodepletion conditioning, followed by a single intravenous infusion of CD19 CAR-γδ T "
                                 "cells.")
    assert _regimens_of_record(record) == [("lymphodepletion conditioning", "LYMPHODEPLETION")]
    assert _products(record) == [("CAR_T", [], [], None, True, 1)]


def test_an_abbreviation_spelt_out_names_the_regimen_by_its_words() -> None:
    # join.targetedonc.com/NCT04614103-lifileucel-til-nsclc-iov-lun-202-news.txt: "NMA-LD" first alone, then spelt out
    record = _page(title="TIL Cell Therapy Lifileucel Makes Efficacy, Safety Gains in Advanced NSCLC",
                   brief_summary="Safety profile improvements were observed, reducing post-IL-2 hospitalization days, "
                                 "despite a temporary clinical hold due to a patient death related to NMA-LD. Regarding "
                                 "safety, lifileucel’s safety profile was consistent with the known safety profiles of "
                                 "non-myeloablative lymphodepletion (NMA-LD) and interleukin-2 (IL-2). Positive interim "
                                 "data evaluating the autologous tumor-infiltrating lymphocyte (TIL) cell therapy "
                                 "lifileucel.")
    assert _regimens_of_record(record) == [("non-myeloablative lymphodepletion", "LYMPHODEPLETION")]
    # left alone: the abbreviation never spelt out stays its name (held-out 5's NCT05398640)
    record = _page(title="Lifileucel in melanoma",
                   brief_summary="After preparative NMA-LD, patients are infused with their autologous TIL (lifileucel).")
    assert _regimens_of_record(record) == [("preparative NMA-LD", "LYMPHODEPLETION")]


def test_a_round_of_a_drug_is_a_chemotherapy_its_purpose_unsaid() -> None:
    # lymphomanewstoday.com/NCT03019666-gamida-nam-expanded-nk-cells-nhl-myeloma-news.txt (the excerpt ends mid-word)
    record = _page(brief_summary="Gamida’s therapy is called NAM-expanded natural killer cells. Before receiving NAM cells, "
                                 "patients must first have a round of cyclophosphamide a")
    assert _regimens_of_record(record) == [("cyclophosphamide", "CHEMOTHERAPY")]
    # left alone: a round of something that is no drug
    record = _page(brief_summary="Gamida’s therapy is called NAM-expanded natural killer cells. Before receiving NAM cells, "
                                 "patients must first have a round of screening tests.")
    assert _regimens_of_record(record) == []


def test_a_product_named_before_its_description_is_spoken_of_by_its_name() -> None:
    # cgtlive.com/NCT06265220-allonk-ab-101-lupus-nephritis-first-patient-news.txt (the reader refuses this page, which
    # names a second trial; its words as a record of their own)
    record = _page(title="Artiva Biotherapeutics Doses First Patient With NK Cell Therapy AlloNK in Lupus Trial",
                   brief_summary="The first patient has been dosed in Artiva Biotherapeutics phase 1 clinical trial "
                                 "(NCT06265220) evaluating AlloNK (AB-101), an investigational allogeneic natural killer (NK) "
                                 "cell therapy, alone or as part of a combination therapy with an antiCD20 monoclonal "
                                 "antibody. Participants will undergo lymphodepletion with cyclophosphamide and fludarabine, "
                                 "and then receive AlloNK, which will be administered in 3 doses, and the monoclonal "
                                 "antibody, which will be administered in 2 doses. AlloNK, which is intended to heighten the "
                                 "B-cell depleting effect of the monoclonal antibodies via antibody-dependent cellular "
                                 "cytotoxicity (ADCC), is unengineered and derived from cord blood units selected for the "
                                 "high affinity variant of the CD16 receptor.")
    assert _products(record) == [("NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], None, None, 3)]
    assert _regimens_of_record(record) == [("cyclophosphamide and fludarabine", "LYMPHODEPLETION")]
    # left alone: a register's number before the words is no name of the product
    record = _page(brief_summary="NCT01234567, a phase 1 study of allogeneic NK cell therapy. NCT01234567 will be "
                                 "administered in 3 doses.")
    assert [p.infusions for p in record.cell_products] == [None]


# --- wordings from the misses tests/data/therapy-holdout23/README.md lists --------------------------------------------

# ctv.veeva.com/NCT07266181-cd19-car-t-membranous-nephropathy-per-kg.txt, its detailed description
PROPHYLAXIS = ("Prior to receiving CAR-T cell therapy, patients will undergo lymphodepletion chemotherapy with cyclophosphamide "
               "(fludarabine will be added if necessary). After prophylactic administration of antihistamines and "
               "acetaminophen, patients will be infused with CD19 CAR-T cells at a dose of 1×10⁶ cells/kg.")


def _drugs_of(description: str) -> list[tuple[str, str]]:
    record = _page(title="CD19 CAR-T Cell Therapy in Refractory Membranous Nephropathy", detailed_description=description)
    return [(r.name, r.purpose) for r in record.regimens]


def test_the_drugs_given_with_antihistamines_before_the_infusion_are_one_premedication() -> None:
    assert ("antihistamines and acetaminophen", "PREMEDICATION") in _drugs_of(PROPHYLAXIS)
    assert ("antihistamines", "PREMEDICATION") not in _drugs_of(PROPHYLAXIS)
    assert _drugs_of("Premedication with antihistamines, paracetamol and steroids is given before the CAR-T cells.") == [
        ("Premedication with antihistamines, paracetamol and steroids", "PREMEDICATION")]
    # what is no premedication drug stays out of the row; acetaminophen alone is no premedication the text says
    assert _drugs_of("Patients receive antihistamines and CAR-T cells.") == [("antihistamines", "PREMEDICATION")]
    assert _drugs_of("Patients receive antihistamines and IL-2 with the CAR-T cells.") == [("antihistamines", "PREMEDICATION")]
    assert _drugs_of("Acetaminophen may be given for fever after the CAR-T cells.") == []


# meddatax.com/NCT06464679-cd19-car-nk-autoimmune-flu-cy.txt, the arm's description (the page cuts it in the second dose)
CUT_ARM = "Patients will receive Fludarabine (25 mg/m2 per day) and Cyclophosphamide (300mg/"


def _arm_regimens(description: str, **fields) -> list[tuple[str, str, list[str]]]:  # noqa: ANN003 - TrialRecord's fields
    record = _page(title="An Exploratory Clinical Study of CD19 CAR NK Cell Injection for the Treatment of "
                         "Relapsed/Refractory Autoimmune Diseases",
                   arms=[Arm("CD19 CAR NK cells", None, description)], **fields)
    return [(r.name, r.purpose, [c.lower() for c in r.components]) for r in record.regimens]


def test_the_drugs_the_patients_receive_each_with_its_dose_are_one_regimen() -> None:
    # no purpose said: CHEMOTHERAPY; the drugs named together, one row
    # (each drug's dose is no part of the regimen's name: tests/test_regimen_language.py)
    assert _arm_regimens(CUT_ARM) == [("Fludarabine and Cyclophosphamide", "CHEMOTHERAPY",
                                       ["fludarabine", "cyclophosphamide"])]
    # the cells after them say what for
    assert _arm_regimens("Patients will receive fludarabine (30 mg/m2) and cyclophosphamide (500 mg/m2) followed by an "
                         "infusion of CAR-NK cells") == [("fludarabine and cyclophosphamide",
                                                          "LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]
    # drugs another sentence names with their purpose are that regimen, not a second one
    assert _arm_regimens("Lymphodepletion with fludarabine and cyclophosphamide. Patients will receive fludarabine (30 "
                         "mg/m2) and cyclophosphamide (500 mg/m2) on days -5 to -3.") == [
        ("fludarabine and cyclophosphamide", "LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]
    # drugs the registry lists as interventions are a row each, as listed
    assert _arm_regimens(CUT_ARM, interventions=[Intervention("Fludarabine", "DRUG"),
                                                 Intervention("Cyclophosphamide", "DRUG")]) == [
        ("Fludarabine", "CHEMOTHERAPY", ["fludarabine"]), ("Cyclophosphamide", "CHEMOTHERAPY", ["cyclophosphamide"])]
    # what the patients receive that is no drug list, or do not receive
    assert _arm_regimens("Patients will receive NK cells (1×10^6/kg) and IL-2.") == []
    assert _arm_regimens("Patients will not receive fludarabine (25 mg/m2) and cyclophosphamide.") == []


# --- wordings from the misses tests/data/therapy-holdout24/README.md lists --------------------------------------------

# ClinicalTrials.gov ct2/show NCT00909948, its title and description
RLI_TITLE = ("Intentional Rejection of the Donor Graft Using Recipient Leukocyte Infusion(s) Following Nonmyeloablative "
             "Allogeneic Stem Cell Transplant (RLI)")


RLI_SUMMARY = ("We hypothesize that clinically meaningful responses can be achieved in patients with advanced malignancies with "
               "a transplant strategy using nonmyeloablative conditioning and related mismatched donor stem cell transplant "
               "where the intention will be to initially achieve mixed chimerism which will be followed by recipient "
               "lymphocyte infusion (RLI) in an attempt to deliberately reject the donor graft.")


def test_the_recipients_lymphocytes_are_the_patients_own_whatever_donor_the_graft_has() -> None:
    assert [p.donor_types for p in _page(title=RLI_TITLE, brief_summary=RLI_SUMMARY).cell_products] == [["AUTOLOGOUS"]]
    # a donor's lymphocytes given to the recipient are the donor's
    record = _page(title="Donor Lymphocyte Infusion After Allogeneic Stem Cell Transplant",
                   brief_summary="Patients receive a donor lymphocyte infusion from the recipient's transplant donor.")
    assert [p.donor_types for p in record.cell_products] == [["ALLOGENEIC"]]


# trial.medpath.com/KCT0003463-snk01-nk-cells-pembrolizumab-nsclc.txt, its title
def test_a_chemotherapy_the_patients_failed_is_no_regimen_of_the_trial() -> None:
    assert _regimens(title="Evaluating the Safety and Anti-Tumor Activity of SNK01 (Natural Killer Cells) Plus Pembrolizumab "
                           "in Patients with Stage IV Non-Small Cell Lung Cancer Who Failed First-Line Platinum-Based "
                           "Chemotherapy") == []
    assert _regimens(title="NK Cells in Patients Who Progressed After Platinum-Based Chemotherapy") == []
    # the chemotherapy the trial gives with the cells is its regimen (meddatax.com NCT07318636's title)
    assert _regimens(title="NK-cell Therapy Combined With PD-1 Antibody and Platinum-Based Chemotherapy as Neoadjuvant "
                           "Therapy in Resectable NSCLC") == [("Platinum-Based Chemotherapy", "CHEMOTHERAPY")]
    assert _regimens(title="NK Cells Plus Platinum-Based Chemotherapy in Patients Who Failed EGFR TKI") == [
        ("Platinum-Based Chemotherapy", "CHEMOTHERAPY")]


# meddatax.com/NCT04960072-gc101-til-hydroxychloroquine-cyclophosphamide-gi-tumors.txt, its brief summary
GC101 = ("Autologous TILs are expanded from tumor resections or biopsies and infused i.v. into the patient after NMA "
         "lymphodepletion treatment with hydroxychloroquine(600mg,single-dose) and cyclophosphamide.")


def test_hydroxychloroquine_given_to_deplete_the_lymphocytes_is_in_the_lymphodepletion() -> None:
    assert [(r.name, r.purpose, r.components) for r in _page(title="A Study of GC101 TIL in r/r Gastrointestinal Tumors",
                                                             brief_summary=GC101).regimens] == [
        ("hydroxychloroquine and cyclophosphamide", "LYMPHODEPLETION",  # its dose no part of the name
         ["hydroxychloroquine", "cyclophosphamide"])]
    # the antimalarial a lupus patient takes, said of no regimen, is none
    assert _regimens(title="CD19 CAR-T Cells in Refractory Lupus",
                     brief_summary="Patients on a stable dose of hydroxychloroquine may take part.") == []


def test_the_drugs_of_a_transplant_the_title_names_by_its_conditioning_are_that_conditioning() -> None:
    # (with the page's summary, which gives the recipient's lymphocytes: a regimen is read only around cells given)
    record = _page(title=RLI_TITLE, brief_summary=RLI_SUMMARY,
                   interventions=[Intervention("Fludarabine and total body irradiation", "OTHER")])
    assert [(r.name, r.purpose) for r in record.regimens] == [("Fludarabine and total body irradiation", "CONDITIONING")]
    # cells after a nonmyeloablative lymphodepletion, no transplant: the drugs are no conditioning
    record = _page(title="NK Cells Following Nonmyeloablative Lymphodepletion",
                   interventions=[Intervention("Fludarabine", "DRUG")])
    assert [(r.name, r.purpose) for r in record.regimens] != [("Fludarabine", "CONDITIONING")]


# --- wordings from the misses tests/data/therapy-holdout26/README.md lists --------------------------------------------

def _sorted_regimens(**fields) -> list[tuple[str, str]]:  # noqa: ANN003 - TrialRecord's fields
    return sorted((r.name, r.purpose) for r in _page(**fields).regimens)


def test_drugs_listed_without_a_purpose_in_a_trial_titled_by_its_lymphodepletion_are_that_lymphodepletion() -> None:
    interventions = [Intervention("Cyclophosphamide"), Intervention("Fludarabine"), Intervention("Mesna")]
    about = ("These special blood cells and immune cells will be taken from the donor's blood and grown in the laboratory "
             "and then given back to the patient.")
    title = "Lymphodepletion Plus Adoptive Cell Transfer With or Without Dendritic Cell Immunization in Patients With Melanoma"
    assert _sorted_regimens(title=title, brief_summary=about, interventions=interventions) == [
        ("Cyclophosphamide", "LYMPHODEPLETION"), ("Fludarabine", "LYMPHODEPLETION")]
    # a title that says chemotherapy keeps it (api.ai-analytics.org NCT00670748: "Chemotherapy Followed by ESO-1
    # Lymphocytes and Aldesleukin to Treat Metastatic Cancer")
    assert _sorted_regimens(title=title.replace("Lymphodepletion", "Chemotherapy"), brief_summary=about,
                     interventions=interventions) == [("Cyclophosphamide", "CHEMOTHERAPY"), ("Fludarabine", "CHEMOTHERAPY")]


def test_a_regimen_named_by_its_acronym_is_one_row() -> None:
    # trialfinderdata.org NCT05634369
    gem_dox = ("This study tests whether adding TGFβ-imprinted NK cells to the sarcoma chemotherapy regimen GEM/DOX "
               "(gemcitabine and docetaxel) can improve outcomes in people with childhood sarcomas.")
    assert _sorted_regimens(title="Universal donor NK cells with GEM/DOX", brief_summary=gem_dox) == [
        ("GEM/DOX (gemcitabine and docetaxel)", "CHEMOTHERAPY")]
    # trial.medpath.com NCT05909098
    gemox = "The intervention was R-GemOx regimen combined with autologous NK cells."
    assert _sorted_regimens(title="Autologous NK cells in B-cell lymphoma", brief_summary=gemox) == [("R-GemOx", "CHEMOTHERAPY")]
    # antigens are no acronym of a regimen, and a lymphodepletion's drugs keep their reading
    assert _sorted_regimens(title="CAR-T cells", brief_summary="The CD19/CD22 regimen of CAR T cells is given once.") == []
    assert _sorted_regimens(title="NK cells", brief_summary="NK cells are given after a Flu/Cy lymphodepletion regimen.") == [
        ("Flu/Cy", "LYMPHODEPLETION")]


def test_a_conditioning_therapy_named_by_its_intensity_is_the_transplants_conditioning() -> None:
    # inclinicaltrials.com NCT05250362
    about = "Investigators infuse NK cells after myeloablative conditioning therapy."
    assert _sorted_regimens(title="Expanded NK cells after haploidentical transplant", brief_summary=about) == [
        ("myeloablative conditioning therapy", "CONDITIONING")]
    # a regimen with no purpose word ("a non-feeder cell regimen") is none
    assert _sorted_regimens(title="Expanded NK cells", brief_summary="Investigators expand NK cells ex vivo with a non-feeder "
                                                              "cell regimen.") == []


# --- wordings from the misses tests/data/therapy-holdout29/README.md lists --------------------------------------------

def test_a_lymphoid_depleting_preparative_regimen_is_the_lymphodepletion_of_the_listed_drugs() -> None:
    # clinicaltrials.gov/show/NCT02774291: "Drug: Cyclophosphamide", "Drug: Fludarabine Phosphate" listed, the objective
    # naming the regimen by its purpose, the outline the drugs without it
    interventions = [Intervention("Anti-thyroglobulin mTCR-transduced Autologous Peripheral Blood Lymphocytes", "BIOLOGICAL"),
                     Intervention("Cyclophosphamide", "DRUG"), Intervention("Fludarabine Phosphate", "DRUG")]
    about = ("To determine the safety and tolerability of the administration of anti-ESO (cancer/test antigen) mTCR (T cell "
             "receptor)-engineered peripheral blood lymphocytes plus high-dose aldesleukin following a nonmyeloablative "
             "lymphoid depleting preparative regimen. Patients receive standard cyclophosphamide intravenously (IV) over 1 "
             "hour on days -7 to -6 and fludarabine phosphate.")
    title = "Anti-ESO mTCR-transduced Autologous Peripheral Blood Lymphocytes and Combination Chemotherapy"
    assert _sorted_regimens(title=title, brief_summary=about, interventions=interventions) == [
        ("Cyclophosphamide", "LYMPHODEPLETION"), ("Fludarabine Phosphate", "LYMPHODEPLETION")]
    # the drug's lymphoid depleting effect named, no regimen by its purpose: the drugs keep their chemotherapy
    effect = about.replace("following a nonmyeloablative lymphoid depleting preparative regimen",
                           "after chemotherapy known for its lymphoid depleting effects")
    assert _sorted_regimens(title=title, brief_summary=effect, interventions=interventions) == [
        ("Cyclophosphamide", "CHEMOTHERAPY"), ("Fludarabine Phosphate", "CHEMOTHERAPY")]
