"""How trial texts name the cells they give, and the titles of studies that only measure cells.

Each case is a real page's wording (tests/data/therapy-holdout6 names the page) and, where one was found, a second
real source's.
"""

from __future__ import annotations

from typing import Any

import pytest

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.cell_kinds import CELL_TYPES, _cell_types
from kg.enrich.therapy.giving_cues import _measured_title
from kg.enrich.therapy.manufacture import _EXPANDED, _STUDY_EXPANSION
from kg.enrich.therapy.product_names import _product_names
from kg.enrich.therapy.product_sentences import _MODIFIED_T
from kg.enrich.therapy.schedules import infusion_count
from kg.enrich.therapy.text import Passage
from kg.enrich.therapy.untyped_cells import _UNTYPED_CELLS
from kg.model.records import Arm, Criterion, Intervention, SourceDocument, TrialRecord


def _page(**fields: Any) -> TrialRecord:
    """A record as the generic reader gives a page of a site no layout module reads."""
    fields.setdefault("source", SourceDocument("p.txt", "0" * 64, "generic"))
    return describe_therapy(TrialRecord(**fields))


def test_an_abbreviation_between_the_cells_and_therapy_still_gives_the_cells() -> None:
    # tests/data/therapy-holdout6/pages/findatrial.com/NCT05238792-multi-taa-specific-t-cells-solid-tumors.txt
    record = _page(title="Using T cells to treat high-risk solid tumors",
                   brief_summary="This phase I dose-escalation trial evaluates the safety of partially HLA-matched multi "
                                 "tumor-associated antigen-specific T cell (TAA-T) therapy for patients with high-risk "
                                 "solid tumors that have not responded to conventional treatments. The study includes two "
                                 "arms based on age, with patients receiving TAA-T therapy after a lymphodepleting "
                                 "chemotherapy regimen.")
    assert [p.cell_type for p in record.cell_products] == ["T"]
    assert [(r.name, r.purpose) for r in record.regimens] == [("lymphodepleting chemotherapy", "LYMPHODEPLETION")]


@pytest.mark.parametrize(("text", "expanded"), [
    # tests/data/therapy-holdout6/pages/curemydisease.com/NCT01875601-activated-nk-cells-rhil15-solid-tumors.txt
    ("Sixteen participants received chemotherapy to lower their immune system, then infusions of their own lab-grown "
     "NK cells.", True),
    ("laboratory-grown T cells", True),
    # the same page: activation is not expansion
    ("giving activated natural killer (NK) cells, with or without a protein called rhIL15", False),
])
def test_lab_grown_cells_are_expanded(text: str, expanded: bool) -> None:
    assert bool(_EXPANDED.search(text)) is expanded


@pytest.mark.parametrize(("title", "measured"), [
    # tests/data/therapy-holdout6/pages/clinicaltrials.gov/ct2-show-NCT02301065-t-and-nk-cell-analysis-observational.txt
    ("Analysis of T Cell and Natural Killer (NK) Cell in Relation to Viral Infections in Pediatric Stem Cell Transplant "
     "Patients and Donors", True),
    # libmast.utm.my (Translational Oncology, 2019): an assay's correlation with treatment
    ("Correlation Between Natural Killer Cell Activity and Treatment Effect in Patients with Disseminated Cancer", True),
    # a product's title speaks of its giving: no study of measurement
    ("Safety Analysis of Donor NK Cell Infusion After Haploidentical Transplant", False),
])
def test_a_title_that_analyses_or_correlates_cells_measures_them(title: str, measured: bool) -> None:
    assert _measured_title(title) is measured


def test_a_study_that_analyses_nk_cells_after_a_transplant_gives_none() -> None:
    # the classic page of NCT02301065 as its reader gives it: the title and the objective, no interventions
    record = _page(title="Analysis of T Cell and Natural Killer (NK) Cell in Relation to Viral Infections in Pediatric "
                         "Stem Cell Transplant Patients and Donors",
                   detailed_description="PRIMARY OBJECTIVE:\n- To explore the expansion patterns of KIR+CD56+ T-cells and "
                                        "FcRg-CD56+CD3- NK cells in response to viral infection and reactivation in "
                                        "pediatric allogeneic hematopoietic stem cell transplant")
    assert record.cell_products == []


# --- engineered T cells named by their receptor ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kinds"), [
    # findatrial.com NCT07162012 (tests/data/therapy-holdout7)
    ("This is an early-phase, dose-escalation trial giving autologous TCR-T cells engineered to target EBV", ["T"]),
    # medifind.com, "Autologous T Cells Transduced With NY-ESO-1 Antigen-specific High-affinity T Cell Receptors"
    ("Antineoplastic drugs and treatments were not allowed for 4 weeks before TCR-T cell infusion", ["T"]),
    # trial.medpath.com NCT02644655 (tests/data/therapy-holdout7): the CAR named after the T cells, and its abbreviation
    ("Immunotherapy Using Autologous T Cell-Engineered With CD19-specific Chimeric Antigen Receptor for the Treatment of "
     "Recurrent /Refractory B Cell Leukemia", ["CAR_T"]),
    ("New Cluster of Differentiation Antigen 19-chimeric Antigen Receptor T (nCAR19-T) Cells", ["CAR_T"]),
    # recruiting-trials.novartis.com NCT04318327 (tests/data/therapy-holdout7)
    ("autologous T cells genetically engineered with a novel B-cell Maturation Antigen (BCMA)-specific chimeric antigen "
     "receptor (CAR) and manufactured with a new process", ["CAR_T"]),
    ("nCAR19-T transfusion:day 0(5×10※5/kg,1×10※6/kg,3×10※6/kg)", ["CAR_T"]),
])
def test_t_cells_named_by_their_engineered_receptor(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


@pytest.mark.parametrize(("text", "in_the_patient"), [
    # meddatax.com NCT01385423 (tests/data/therapy-holdout7): the donor NK cells' growth in the patient, measured
    ("the maximum tolerated, minimum efficacious dose (MTD/MED) of IL-15 (Intravenous Recombinant Human IL-15) and "
     "incidence of donor natural killer (NK) cell expansion by day +14 when given after haploidentical donor NK cells", True),
    ("NK cell expansion after infusion was measured by flow cytometry", True),
    ("NK cells were expanded ex vivo for 14 days", False),
])
def test_expansion_by_a_day_after_the_infusion_is_in_the_patient(text: str, in_the_patient: bool) -> None:
    assert bool(_STUDY_EXPANSION.search(text)) is in_the_patient


def test_an_allogeneic_transplant_beside_car_t_or_cik_cells_is_not_their_donor() -> None:
    # meddatax.com NCT06913179 (tests/data/therapy-holdout8): the transplant's donor, not the CAR-T cells'
    record = _page(title="CAR-T Cell Therapy Combined With Allogeneic Hematopoietic Stem Cell Transplantation for Relapsed or "
                         "Refractory Multiple Myeloma")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("CAR_T", [])]
    # apps.who.int NCT02752243 (tests/data/therapy-holdout7), its scientific title
    record = _page(title="CIK-Cells in Relapsing Patients With Acute Leukemia or Myelodysplastic Syndromes After SCT.",
                   official_title="A Prospective Phase I/II Study to Investigate the Feasibility, Safety and Efficacy of "
                                  "IL-15 Activated Cytokine Induced Killer (CIK) Cells in Relapsing Patients With Acute "
                                  "Leukemia or Myelodysplastic Syndromes After Allogeneic SCT")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("CIK", [])]


def test_virus_specific_t_lymphocytes_with_a_word_of_their_kind_between() -> None:
    # ClinicalTrials.gov NCT00002956 (tests/data/therapy-holdout8), the NCI's outline as it spells it
    assert _cell_types("Donors undergo leukapheresis, and Epstein-Barr virus (EBV) specific cytoxic T lymphocytes are "
                       "cultivated in vitro.") == ["T"]


# --- a product named by its code glued to the word for its cells --------------------------------------------------

#: tests/data/therapy-holdout8/pages/ignite-sd.com/NCT05730361-sctil210-with-b-lymphocyte-adjuvant-digestive-tumors.txt
SCTIL_SUMMARY = ("This is an open-lable, single-arm, single-dose escalation and multiple-dose extention clinical study of cell "
                 "therapy designed to observe and evaluate the tolerance, the pharmacokinetic characteristics, the safety "
                 "and the efficacy of ScTIL210 injection alone and in combination with B lymphocytes adjuvant in the "
                 "treatment of digestive system malignant solid tumors.")
SCTIL_DESCRIPTION = (
    "This study consists of two phases: the first phase will be the dose exploration phase (Phase I), followed by the dose "
    "extension phase (Phase II). In phase I, 3 subjects are enrolled for 1st treatment group, starting with single dose of "
    "ScTIL injection of 5x10^9 alone. If there is no dose limiting toxicity (DLT) observed, 3 subjects are enrolled into "
    "treatment groups successively in sequential order of: 1) Group 2: ScTIL1.5x10^10 alone; 2) Group 3: ScTIL 5x10^9 plus "
    "B lymphocytes adjuvant 5x10^9; and 3) Gorup 4: ScTIL1.5x10^10 plus B lymphocytes adjuvant 1.5x10^10. Preconditioning "
    "chemotherapy will be performed to subjects of 3rd and 4th treatment group. Fludarabine 25mg/m2/day and "
    "cyclophosphamide 250mg/m2/day will be intravenously administered at 5 and 4 days (Day -5 and Day -4) before "
    "reinfusion of ScTIL and B lymphocyte adjuvant at Day 0.")


@pytest.mark.parametrize(("text", "kinds"), [
    ("the efficacy of ScTIL210 injection alone and in combination with B lymphocytes adjuvant", ["TIL"]),
    ("starting with single dose of ScTIL injection of 5x10^9 alone", ["TIL"]),
    ("Group 2: ScTIL1.5x10^10 alone", ["TIL"]),
    # a word in capitals that ends so is none, nor a word in small letters
    ("PATIENTS WILL BE FOLLOWED UNTIL DEATH", []),
    ("until disease progression", []),
])
def test_a_code_glued_to_til_names_tumour_infiltrating_lymphocytes(text: str, kinds: list[str]) -> None:
    assert [kind for kind, pattern in CELL_TYPES if pattern.search(text)] == kinds


def test_a_til_product_named_by_its_code_its_levels_of_a_single_dose_escalation_and_no_infusion_count() -> None:
    record = _page(brief_summary=SCTIL_SUMMARY, detailed_description=SCTIL_DESCRIPTION)
    [product] = record.cell_products
    # T cells; no donor word ("reinfusion" is the gold's question), and no one infusion: the multiple-dose extension
    # gives more than one
    assert (product.cell_type, product.donor_types, product.infusions) == ("T", [], None)
    assert [(d.minimum, d.unit, d.per_dose) for d in product.doses] == [(5e9, "{cells}", True), (1.5e10, "{cells}", True)]


# --- a product named by its brand or code: what names it speaks of it ---------------------------------------------

#: tests/data/therapy-holdout8/pages/ignite-sd.com/NCT00136903-prochymal-msc-acute-gvhd.txt
PROCHYMAL_SUMMARY = ("To establish the safety and efficacy of two dose levels of ex-vivo cultured adult human mesenchymal stem "
                     "cells (hMSCs) (Prochymal®) in participants experiencing acute GVHD, Grades II-IV, post hematopoietic "
                     "stem cells (HSC) transplant.")
PROCHYMAL_DESCRIPTION = ("Protocol 260 - Participants will be randomized with equal probability to the treatment arms (2 "
                         "million cells/kilogram (kg) of Prochymal® or 8 million cells/kg of Prochymal®) using a stratified "
                         "block design. The stratification factor is acute GVHD grade.")


def test_the_doses_of_a_product_named_by_its_brand_beside_its_cells_are_its_doses() -> None:
    record = _page(brief_summary=PROCHYMAL_SUMMARY, detailed_description=PROCHYMAL_DESCRIPTION)
    [product] = record.cell_products
    # mesenchymal stem cells (no cell-type token), given in two dose arms; per empty: given on two days, the page does
    # not say whether per infusion
    assert (product.cell_type, product.kind, product.ex_vivo_expanded) == (None, "mesenchymal-stromal-cells", True)
    assert [(d.minimum, d.unit, d.per_dose) for d in product.doses] == [(2e6, "{cells}/kg", False), (8e6, "{cells}/kg", False)]


@pytest.mark.parametrize(("text", "names"), [
    (PROCHYMAL_SUMMARY, ["Prochymal"]),  # after the abbreviation "(hMSCs)", itself the cells' words
    # the registry's entry of the same trial as the brief quotes it: the brand before the bracket the cells stand in
    ("Prochymal® (ex vivo cultured adult human mesenchymal stem cells)", ["Prochymal"]),
    # tests/data/therapy-holdout3/pages/meddatax.com/NCT02716571-donor-leukapheresis-for-mg4101.txt: a code
    ("The purpose of this study is to manufacture MG4101 (allogeneic natural killer cell) which will be used for clinical "
     "trial in HCC after TACE.", ["MG4101"]),
    # tests/data/pages/meddatax.com/NCT07288203-lifileucel-til-advanced-melanoma.txt: an international name (-cel)
    ("This is a Phase 2, multicenter, open-label study of lifileucel (tumor-infiltrating lymphocytes [TIL]) in participants "
     "with previously treated advanced melanoma", ["lifileucel"]),
    # a word in brackets that says something of the cells names none: a word, a marker, a cytokine
    ("infusion of natural killer cells (allogeneic) on day 0", []),
    ("infusion of natural killer cells (CD56) or natural killer cells (IL-15)", []),
])
def test_a_brand_or_code_in_brackets_beside_the_cells_names_the_product(text: str, names: list[str]) -> None:
    patterns = [pattern for kind, pattern in CELL_TYPES if kind in ("NK", "TIL")] + [_UNTYPED_CELLS]
    assert _product_names([Passage(text)], patterns, TrialRecord(SourceDocument("p.txt", "0" * 64, "generic"))) == names


def test_a_biological_entry_described_as_the_cells_is_named_by_its_name() -> None:
    til = [pattern for kind, pattern in CELL_TYPES if kind == "TIL"]
    # meddatax.com NCT04571892 (a sibling trial of tests/data/therapy-holdout8's NCT05730361, found with the search tool):
    # the registry's entry "Super circulating tumor infiltrating lymphocytes(ScTIL)", here as the description of the
    # product's code
    entry = Intervention("ScTIL210", "BIOLOGICAL", "Super circulating tumor infiltrating lymphocytes(ScTIL)")
    record = TrialRecord(SourceDocument("t.json", "0" * 64, "ctgov_api_v2"), interventions=[entry])
    assert _product_names([], til, record) == ["ScTIL210"]
    # the same entry typed DRUG, or described by what it is given as, names nothing ("Given IV", the registry's
    # Pembrolizumab of tests/data/ctgov-json/NCT04267848.json)
    for other in (Intervention("ScTIL210", "DRUG", entry.description), Intervention("ScTIL210", "BIOLOGICAL", "Given IV")):
        assert _product_names([], til, TrialRecord(record.source, interventions=[other])) == []


def test_a_registry_record_doses_its_product_where_its_entry_and_arms_name_it() -> None:
    # the registry's entry of NCT00136903 as the brief quotes it, given the doses of the ignite-sd.com page's description
    # (tests/data/therapy-holdout8) in two arms that name the brand alone
    name = "Prochymal® (ex vivo cultured adult human mesenchymal stem cells)"
    record = describe_therapy(TrialRecord(
        SourceDocument("t.json", "0" * 64, "ctgov_api_v2"),
        title="Safety and Efficacy Study of Adult Human Mesenchymal Stem Cells to Treat Acute Graft Versus Host Disease (GVHD)",
        interventions=[Intervention(name, "BIOLOGICAL")],
        arms=[Arm("Low dose", "EXPERIMENTAL", "2 million cells/kilogram (kg) of Prochymal®", [name]),
              Arm("High dose", "EXPERIMENTAL", "8 million cells/kg of Prochymal®", [name])]))
    [product] = record.cell_products
    assert [(d.minimum, d.unit, d.arm) for d in product.doses] == [(2e6, "{cells}/kg", "Low dose"),
                                                                   (8e6, "{cells}/kg", "High dose")]


def test_a_biological_entry_described_as_the_cells_lends_its_name_to_the_sentences_that_dose_it() -> None:
    # the entry as the brief quotes NCT00136903's, its words for the cells as the entry's description; the page's
    # description (tests/data/therapy-holdout8) doses the product by that name alone
    record = describe_therapy(TrialRecord(
        SourceDocument("t.json", "0" * 64, "ctgov_api_v2"),
        title="Safety and Efficacy Study of Adult Human Mesenchymal Stem Cells to Treat Acute Graft Versus Host Disease (GVHD)",
        detailed_description=PROCHYMAL_DESCRIPTION,
        interventions=[Intervention("Prochymal", "BIOLOGICAL", "ex vivo cultured adult human mesenchymal stem cells")]))
    [product] = record.cell_products
    assert [(d.minimum, d.unit) for d in product.doses] == [(2e6, "{cells}/kg"), (8e6, "{cells}/kg")]


def test_infusions_on_the_weeks_listed_are_one_each() -> None:
    # tests/data/therapy-holdout8/pages/clinicaltrials.gov/ct-show-NCT00002956-ebv-specific-ctl-organ-transplant-lpd.txt,
    # the NCI's outline
    record = _page(title="Allogeneic Epstein-Barr Virus-Specific Cytotoxic T Lymphocytes in Treating Organ Transplant "
                         "Patients With Lymphoproliferative Disorders",
                   brief_summary="OUTLINE: Donors undergo leukapheresis, and Epstein-Barr virus (EBV) specific cytoxic T "
                                 "lymphocytes are cultivated in vitro. Patients receive infusions of EBV specific cytotoxic T "
                                 "lymphocytes over 5 to 10 minutes on weeks 0, 2, and 4.")
    [product] = record.cell_products
    assert (product.cell_type, product.ex_vivo_expanded, product.infusions) == ("T", True, 3)


@pytest.mark.parametrize(("text", "kinds"), [
    # tests/data/ctgov-negative (NCT04405661.json, a pathology study that gives no cells): TILs counted in a biopsy
    ("first, the classification of TIL cells needs further refinement, and different types of TIL infiltration have "
     "different guiding significance for prognosis", []),
    ("second, the subjective second-order semi quantitative scoring is often used for til count scoring", []),
    # the abbreviations of stromal and intratumoral TILs are no code of a product
    ("sTIL", []), ("iTIL", []),
    # TIL given stays TIL: tests/data/pages/meddatax.com/NCT07288203-lifileucel-til-advanced-melanoma.txt
    ("This is a Phase 2, multicenter, open-label study of lifileucel (tumor-infiltrating lymphocytes [TIL])", ["TIL"]),
    # the same record's "up til now" is no TIL
    ("However, up til now, there was no epidemiology report", []),
])
def test_tumour_infiltrating_lymphocytes_counted_in_a_biopsy_are_no_product(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_the_investigators_plan_to_modify_t_cells_gives_gene_modified_t_cells() -> None:
    # tests/data/therapy-unseen/pages/ignite-sd.com/NCT01204502-safety-switch-t-cells-haploidentical.txt: a page whose
    # reader gives only the summary; its plan ("propose modifying T cells", "use gene therapy to produce") holds a general
    # claim ("can be") that is no background of another trial's
    record = _page(brief_summary="To safeguard against GVHD, the investigators propose modifying T cells to encode a "
                                 "'switch' so that they can be eliminated if problems arise. Children receiving "
                                 "half-matched (haploidentical) transplants from a parent are most likely to benefit from "
                                 "this strategy. The investigators want to use gene therapy to produce \"safe\" T cells "
                                 "which can be used to strengthen the transplant and prevent these serious complications.")
    [product] = record.cell_products
    assert (product.cell_type, product.genetically_modified, product.donor_types) == ("T", True, [])


@pytest.mark.parametrize("summary", [
    # a claim of what T cells can be, said by no investigator: background
    "T cells can be modified to encode a 'switch' so that they can be eliminated if problems arise.",
    # what the investigators will measure gives no cells: tests/data/therapy-holdout5/pages/trial.medpath.com/
    # NCT03422120-blood-specimens-nk-activity-assay.txt
    "In this observational study, the investigators will measure NK cell cytotoxicity by the gold standard method "
    "(51Cr, a chromium51 release assay) and by a new interferon-ɣ (IFN-ɣ) release assay.",
    # a drug of a criterion: tests/data (eligibility), "disease-modifying agents"
    "Patients had systemic treatment within the last 2 years (e.g., disease-modifying agents, corticosteroids, or "
    "immunosuppressive drugs).",
])
def test_words_of_modifying_that_give_no_cells(summary: str) -> None:
    assert _page(brief_summary=summary).cell_products == []


def test_cells_modified_to_target_a_cancer_are_not_said_to_carry_a_gene() -> None:
    # tests/data/pages/cancer.gov/NCI-2018-00983-NCT03434769-anti-cd19-car-t-nhl.txt: "removing T cells from the blood and
    # modifying them to be able to target cancer" names no gene (its CAR says it elsewhere)
    from kg.enrich.therapy.manufacture import _MODIFIED
    assert not _MODIFIED.search("works by removing T cells from the blood and modifying them to be able to target cancer")
    assert _MODIFIED.search("the investigators propose modifying T cells to encode a 'switch'")
    assert _MODIFIED.search("use gene therapy to produce \"safe\" T cells")


def test_an_aim_to_develop_a_therapy_is_no_plan_of_this_trial() -> None:
    # tests/test_therapy_language.py's NCT03885076 (ClinicalTrials.gov): "Researchers aim to develop a new therapy which
    # uses a patient's own immune cells" gives nobody cells
    from kg.enrich.therapy.products import _INVESTIGATORS_PLAN
    assert not _INVESTIGATORS_PLAN.search("Researchers aim to develop a new therapy which uses a patient's own immune cells")
    assert _INVESTIGATORS_PLAN.search("the investigators propose modifying T cells")


def _criteria_only(*texts: str, kind: str = "INCLUSION") -> TrialRecord:
    """A page whose reader gives nothing but its criteria (ignite-sd.com's eligibility module)."""
    return _page(identifiers=[], criteria=[Criterion(kind=kind, text=text) for text in texts])


@pytest.mark.parametrize(("criteria", "product"), [
    # tests/data/therapy-holdout5/pages/ignite-sd.com/NCT03378102-adenovirus-specific-t-cells-eligibility.txt: the
    # pregnancy warning names the trial's agent (as "The effects of Niraparib on the developing human fetus are unknown"
    # of a drug trial on ClinicalTrials.gov)
    (["Patients must have received allogeneic HSCT and be greater than 30 days post-HSCT at the time of registration.",
      "The effects of virus-specific, antigen-selected T cells on the developing human fetus are unknown. For this reason, "
      "women of child-bearing potential and men must agree to use adequate contraception"], ("T", None)),
    # tests/data/therapy-unseen/pages/ignite-sd.com/NCT04289220-anti-cd19-car-t-eligibility.txt
    (["Pathologically and histologically confirmed CD19 + B cell tumors; Patients currently have no effective treatment "
      "options, such as chemotherapy or relapse after hematopoietic stem cell transplantation; Or patients voluntarily "
      "choose transfusion of anti-CD19 CAR-T cells as the first treatment program"], ("CAR_T", True)),
])
def test_a_page_of_criteria_alone_names_its_product_where_a_criterion_names_the_trials_agent(
        criteria: list[str], product: tuple[str, bool | None]) -> None:
    [found] = _criteria_only(*criteria).cell_products
    assert (found.cell_type, found.genetically_modified) == product


@pytest.mark.parametrize("criterion", [
    # a therapy the patients had before is no product of the trial
    "Patients who relapsed after prior CAR-T cell therapy are eligible.",
    # the warning of a trial's drug names no cells
    "The effects of Niraparib on the developing human fetus are unknown but based on its mechanism of action Niraparib "
    "may cause fetal harm.",
    # a choice of no treatment with cells
    "Patients voluntarily choose to sign the informed consent.",
])
def test_a_criterion_that_names_no_agent_of_cells_gives_no_product(criterion: str) -> None:
    assert _criteria_only(criterion).cell_products == []


def test_a_warning_in_an_exclusion_criterion_is_not_read_for_the_product() -> None:
    assert _criteria_only("The effects of NK cells on the developing human fetus are unknown.",
                          kind="EXCLUSION").cell_products == []


def test_selected_t_cells_are_given_t_cells() -> None:
    # tests/data/generic-dev/pages/webhealthnetwork.com/id-60962-cmv-specific-t-cells-no-number.txt
    assert _cell_types("These selected T-cells are then infused to the patient") == ["T"]
    assert _cell_types("virus-specific, antigen-selected T cells") == ["T"]


def test_one_infusion_of_the_cells_followed_after_another_treatment() -> None:
    # tests/data/therapy-unseen/pages/findatrial.com/NCT06847269-car19pk-cd19-car-t-leukemia.txt
    assert infusion_count("Participants will undergo a single course of chemotherapy using age-based doses of fludarabine "
                          "and cyclophosphamide, followed by an infusion of modified T cells designed to target cancer "
                          "cells.") == 1
    # tests/data/therapy-holdout25/pages/ctv.veeva.com/NCT01337544-haploidentical-il-15-nk-cells-after-haplo-transplant-
    # paediatric-solid-tumours.txt
    assert infusion_count("Patients will receive an haploidentical stem cell transplantation, followed by IL-15 stimulated "
                          "NK cells infusion one month after transplantation.") == 1
    # repeated, or a drug's infusion, is no single infusion of the cells
    assert infusion_count("Patients receive chemotherapy, followed by an infusion of NK cells every week.") is None
    assert infusion_count("The cells are given first, followed by an infusion of IL-2 for 5 days.") is None
    assert infusion_count("followed by NK cells infusion and a second NK cells infusion a month later") is None
    # the therapy named by its infusion, with no time of its own (tests/data/therapy-holdout10/pages/cancer.gov/
    # NCI-2020-08290-NCT04556266-donor-derived-19-28z-car-t-after-tcd-allo-hsct.txt; tests/data/therapy-holdout24/pages/
    # clinicaltrials.gov/ct2-show-NCT00909948-recipient-leukocyte-infusion-after-nonmyeloablative-transplant.txt)
    assert infusion_count("To describe 1-year progression-free (PFS) and overall (OS) survival following TCD allo-HSCT "
                          "followed by allogeneic 19-28z CAR T cell infusion for B cell malignancies expressing CD19.") is None
    assert infusion_count("initially achieve mixed chimerism which will be followed by recipient lymphocyte infusion (RLI) in "
                          "an attempt to deliberately reject the donor graft.") is None


def test_patients_infused_with_the_cells_at_a_dose_or_given_a_dli() -> None:
    # tests/data/therapy-holdout23/pages/ctv.veeva.com/NCT07266181-cd19-car-t-membranous-nephropathy-per-kg.txt
    assert infusion_count("After prophylactic administration of antihistamines and acetaminophen, patients will be "
                          "infused with CD19 CAR-T cells at a dose of 1×10⁶ cells/kg.") == 1
    # tests/data/therapy-holdout6/pages/meddatax.com/NCT01027702-dli-methotrexate-after-cd34-selected-transplant.txt
    assert infusion_count("Thirty days after a T-cell depleted transplant, patients will be given a DLI.") == 1
    # a dose given each week, or DLIs as needed, are no one infusion
    assert infusion_count("Patients will be infused with NK cells at a dose of 1×10⁷ cells/kg every week.") is None
    assert infusion_count("Patients will be given DLIs at escalating doses.") is None


def test_cells_and_a_cytokine_infused_on_one_day() -> None:
    # tests/data/therapy-holdout24/pages/knowcancer.com/NCT00003067-intracavitary-il-2-lak-cells-malignant-glioma.txt
    assert infusion_count("Lymphokine-activated killer (LAK) cells and IL-2 are infused on day 1.") == 1
    # on two days, two infusions or a list: not one
    assert infusion_count("LAK cells and IL-2 are infused on days 1 and 8.") != 1


def test_modified_t_cells_are_a_car_t_trials_cells() -> None:
    # tests/data/therapy-unseen/pages/findatrial.com/NCT06847269-car19pk-cd19-car-t-leukemia.txt (its title "CAR T cell
    # therapy for young patients with CD19-positive leukemia")
    assert _MODIFIED_T.search("followed by an infusion of modified T cells designed to target cancer cells")
    # T cells that modify something, or a modified dose, are no modified T cells
    assert not _MODIFIED_T.search("a modified dose of cyclophosphamide before the T cells")
    assert not _MODIFIED_T.search("T cells that have modified the tumour environment")


def test_cells_whose_safety_a_study_evaluates_in_patients_are_given() -> None:
    from kg.enrich.therapy.giving_cues import _given_cell_types

    # tests/data/pages-holdout3/meddatax.com/NCT05127135-thiscart7-allogeneic-cd7-car-t.txt (the only giving word, "dose",
    # stands a clause away from the cells)
    assert _given_cell_types("This is a single dose escalation study to evaluate the safety and clinical activity of "
                             "ThisCART7(Allogeneic CAR-T targeting CD7) in patients with refractory or relapsed CD7 "
                             "positive T cell malignancies") == ["CAR_T"]
    # the activity of cells is a measurement; their safety in no one, or cells after the patients, gives nothing
    assert _given_cell_types("To evaluate the activity of NK cells in patients treated with lenalidomide") == []
    assert _given_cell_types("The safety of CAR-T cells has been reviewed elsewhere") == []
    assert _given_cell_types("To evaluate the efficacy of pembrolizumab in patients whose tumours hold NK cells") == []
