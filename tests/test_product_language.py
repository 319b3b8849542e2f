"""How trial texts name the cells they give, and the titles of studies that only measure cells: the cell products
kg/enrich/therapy reads (cell_kinds, products, product_names, product_sentences, product_sources, manufacture,
untyped_cells): their kind, donors, tissue, making and infusions.

Each case is a real page's wording (tests/data/therapy-holdout6 names the page; a section headed "wordings from the misses
tests/data/therapy-holdoutN/README.md lists", or a comment, names the corpus its pages are from) and, where one was found,
a second real source's or a nearby wording the rule must leave alone.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import (
    HOLDOUT4,
    HOLDOUT7,
    TESTS,
    generic_page,
    holdout9_record,
    holdout10_record,
    product_rows,
    read_enriched,
    saved_page,
    therapy_page,
)
from conftest import generic_page as _read
from conftest import product_rows as _products
from conftest import regimen_rows as _regimens

from kg.enrich.therapy import describe_therapy
from kg.enrich.therapy.cell_kinds import CELL_TYPES, _cell_types
from kg.enrich.therapy.cytokines import cytokine_uses
from kg.enrich.therapy.giving_cues import _given_cell_types, _measured_title
from kg.enrich.therapy.manufacture import _EXPANDED, _STUDY_EXPANSION
from kg.enrich.therapy.product_names import _product_names
from kg.enrich.therapy.product_sentences import _MODIFIED_T
from kg.enrich.therapy.schedules import infusion_count, route
from kg.enrich.therapy.text import Passage, donor_clauses
from kg.enrich.therapy.untyped_cells import _UNTYPED_CELLS
from kg.model.records import Arm, Criterion, Intervention, SourceDocument, TrialRecord
from kg.read.layouts import ctgov_mirror
from kg.read.parse.cues import pdq_objectives


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


# --- cell types ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kinds"), [
    # invariant NKT cells: ctv.veeva.com/NCT03175679-autologous-inkt-cells-il2-tegafur-hcc.txt
    ("Adoptive Transfer of iNKT Cells for Treating Patients With Relapsed/Advanced HCC", ["NKT"]),
    # clinicaltrials.gov/show-NCT00631072-...: the intervention "Biological: INKT", and the title with the T dropped (the
    # description says "iNKT cells" throughout): NK cells have no invariant receptor
    ("INKT", ["NKT"]),
    ("In Vitro Expanded Autologous Invariant Natural Killer Cells in Cancer", ["NKT"]),
    ("invariant natural killer T cells", ["NKT"]),
    ("In Vitro Expanded Autologous Natural Killer Cells in Cancer", ["NK"]),
    # γδ T cells with a slash: umin.ac.jp/C000000336-R000000431-autologous-gamma-delta-t-cells-nsclc.txt
    ("Clinical study on safety and efficacy of adoptive transfer of autologous gamma/delta T lymphocytes in patients with "
     "non-small cell lung cancer.", ["GAMMA_DELTA_T"]),
    ("Clinical study of gamma/delta T cell therapy for non-small cell lung cancer", ["GAMMA_DELTA_T"]),
    # TCR-transduced donor T cells: clinicaltrialsregister.eu/2008-006649-18-results-cmv-tcr-transduced-donor-t-cells.txt
    ("CMV TCR Gene Therapy: A Phase I Safety, Toxicity and Feasibility Study of Adoptive Immunotherapy with CMV "
     "TCR-transduced Donor-derived T cells for Recipients of Allogeneic Haematopoietic Stem Cell Transplantation.", ["T"]),
    # T cells of a synthetic T cell antigen receptor, no CAR: mycancergenome.org/NCT03953599-cd19-star-t-cells-...
    ("CD19-Synthetic T Cell Antigen Receptor(STAR)-T in B-cell Malignancies Patients", ["T"]),
    ("CD19-STAR-T for Patients With B Cell Malignancies", ["T"]),
    ("efficacy of CD19-STAR-T cells in patients with refractory and relapsed B-cell malignancies", ["T"]),
    # left alone: a star, a graft's T-cell depletion
    ("Star Trial of Exercise in Cancer", []),
    ("after transplantation of T-cell depleted stem cell grafts", []),
])
def test_cell_kinds_named_as_the_pages_name_them(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_tcr_transduced_donor_derived_t_cells_are_allogeneic_and_modified() -> None:
    # clinicaltrialsregister.eu/2008-006649-18-results-cmv-tcr-transduced-donor-t-cells.txt (its title, all the reader gives)
    record = _page(title="CMV TCR Gene Therapy: A Phase I Safety, Toxicity and Feasibility Study of Adoptive Immunotherapy "
                         "with CMV TCR-transduced Donor-derived T cells for Recipients of Allogeneic Haematopoietic Stem "
                         "Cell Transplantation.")
    assert _products(record) == [("T", ["ALLOGENEIC"], [], None, True, None)]


def test_t_cells_prepared_via_lentiviral_infection_are_modified_and_their_chemotherapy_a_regimen() -> None:
    # mycancergenome.org/NCT03953599-cd19-star-t-cells-cyclophosphamide-fludarabine.txt
    record = _page(title="CD19-Synthetic T Cell Antigen Receptor(STAR)-T in B-cell Malignancies Patients",
                   detailed_description="This Phase I study is designed as a pilot trial evaluating the safety and of "
                                        "CD19-STAR-T cell therapy in subjects with refractory and relapsed B cell "
                                        "malignancies. Subjects will receive cytoreductive chemotherapy with cyclophosphamide "
                                        "and fludarabine on days -5, -4 and -3 followed by infusion of CD19-STAR-T cells. "
                                        "CD19-STAR-T cells are prepared via lentiviral infection.")
    assert _products(record) == [("T", [], [], None, True, None)]
    assert [(r.name, r.purpose) for r in record.regimens] == [("cyclophosphamide and fludarabine", "CHEMOTHERAPY")]


# --- where the words live: a therapy the patients had, a donor they lack ----------------------------------------------

def test_a_cell_therapy_the_patients_had_before_is_not_the_trials_product() -> None:
    # meddatax.com/NCT07212335-allogeneic-cord-blood-msc-cytopenia-after-car-t.txt: stromal cells for a complication of an
    # earlier CAR-T therapy
    record = _page(title="Safety and Efficacy of Umbilical Cord Blood-Derived Mesenchymal Stem Cells in the Treatment of "
                         "Long-Term Cytopenia After CAR-T Therapy",
                   brief_summary="This study is a single arm, open label, exploratory clinical study aimed at evaluating "
                                 "the efficacy, and safety of allogeneic umbilical cord blood-derived mesenchymal stem cells "
                                 "in the treatment of long-term cytopenia after CAR-T therapy.",
                   detailed_description="This is a single-center, open-label, dose-escalation exploratory trial, whose "
                                        "primary objective is to evaluate the safety and preliminary efficacy of human "
                                        "umbilical cord-derived mesenchymal stem cell injection in patients with acute "
                                        "lymphoblastic leukemia, lymphoma, and multiple myeloma who still suffer from severe "
                                        "cytopenia 3 weeks after CAR-T infusion, so as to provide dose evidence and efficacy "
                                        "reference for subsequent studies.\n\nTargeting the severe cytopenia complication "
                                        "with a high incidence rate (27%-95%) after CAR-T therapy and limited efficacy of "
                                        "conventional treatments, this trial adopts a \"3+3\" dose-escalation design. All "
                                        "three groups use a unified single dose of 2×10⁶ cells/kg body weight, differing "
                                        "only in infusion frequency (Group A: once; Group B: twice; Group C:")
    assert _products(record) == [(None, ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], None, None, None)]
    # the dose of the one product, in a sentence that does not name it again
    assert [(d.minimum, d.maximum, d.unit, d.per_dose) for d in record.cell_products[0].doses] == [
        (2e6, 2e6, "{cells}/kg", True)]


@pytest.mark.parametrize(("text", "kinds"), [
    ("Long-Term Cytopenia After CAR-T Therapy", []),
    ("patients who relapsed after prior CD19 CAR-T therapy", []),
    # the trial's own cells, given after something else or before a condition is looked for, stay
    ("CD19 CAR-T Cells After Lymphodepleting Chemotherapy", ["CAR_T"]),
    ("Relapse after transplant treated with donor NK cell infusion", ["NK"]),
    ("fludarabine is given prior to NK cell infusion", ["NK"]),
    ("A second infusion of CAR-T cells for patients with relapse after CAR-T therapy", ["CAR_T"]),
])
def test_only_the_named_therapy_of_a_past_or_complication_phrase_is_blanked(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_a_donor_the_patient_lacks_is_no_source_of_the_cells() -> None:
    # trial.medpath.com/NCT01220544-haploidentical-transplant-il2-activated-donor-nk-cells.txt: an inclusion criterion
    criterion = Criterion("INCLUSION", "lack of a suitable HLA-identical family, unrelated or cord blood donor")
    record = _page(title="Haploidentical Transplantation With Early Adoptive Transfer of CD56+CD3- NK Cells",
                   interventions=[Intervention("Haploidentical transplantation with donor NK cells", "BIOLOGICAL")],
                   brief_summary="Aim of the study is to evaluate cellular therapy with alloreactive, IL-2 activated NK "
                                 "cells after transplantation of T-cell depleted stem cell grafts from one haplotype "
                                 "mismatched family donors in patients with hematological malignancies.",
                   criteria=[criterion])
    assert _products(record) == [("NK", ["HAPLOIDENTICAL"], [], None, None, None)]
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-2", "EX_VIVO_EXPANSION")]
    # a donor the patient has is still read
    record = TrialRecord(source=SourceDocument("p.txt", "0" * 64, "generic"), criteria=[
        criterion, Criterion("INCLUSION", "no matched sibling donor available; a haploidentical donor willing to donate")])
    assert donor_clauses(record) == ["a haploidentical donor willing to donate"]
    # a limit on the donor's match is no lacking donor
    record = TrialRecord(source=SourceDocument("p.txt", "0" * 64, "generic"), criteria=[
        Criterion("INCLUSION", "HLA-haploidentical related donor with no more than one mismatch with the donor")])
    assert donor_clauses(record) == ["HLA-haploidentical related donor with no more than one mismatch with the donor"]


# --- the making of the cells, told step by step -----------------------------------------------------------------------

NCT03175679_DESCRIPTION = (
    "PBMCs of enrolled patients were collected and then further separated by density gradient centrifugation. After "
    "washing three times, the cells were resuspended in serum-free medium with recombinant human IL-2 and α-GalCer. "
    "Restimulation with α-GalCer-pulsed autologous DCs was done on days 7. After 14 days of cultivation, the iNKT cells "
    "were harvested, washed thrice, and then resuspended in saline. The frequency of iNKT cells before and after cultured "
    "in vitro were determined by flow cytometry analysis.")


def test_the_steps_of_a_making_from_the_patients_blood_to_the_harvest_are_the_products() -> None:
    # ctv.veeva.com/NCT03175679-autologous-inkt-cells-il2-tegafur-hcc.txt: its treatments and Full description
    record = _page(title="Adoptive Transfer of iNKT Cells for Treating Patients With Relapsed/Advanced HCC",
                   interventions=[Intervention("iNKT cells", "BIOLOGICAL"), Intervention("IL-2", "DRUG"),
                                  Intervention("Tegafur", "DRUG")],
                   detailed_description=NCT03175679_DESCRIPTION)
    assert _products(record) == [("NKT", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], True, None, None)]
    # IL-2 in the culture medium makes the cells; "Drug: IL-2" among the treatments is given
    assert sorted((c.cytokine, c.role) for c in record.cytokines) == [("IL-2", "EX_VIVO_EXPANSION"),
                                                                      ("IL-2", "IN_VIVO_SUPPORT")]


def test_steps_that_do_not_start_from_a_collection_give_no_source() -> None:
    record = _page(title="Adoptive Transfer of iNKT Cells",
                   detailed_description="After washing three times, the cells were resuspended in serum-free medium. "
                                        "After 14 days of cultivation, the iNKT cells were harvested.")
    assert _products(record) == [("NKT", [], [], True, None, None)]


@pytest.mark.parametrize(("text", "roles"), [
    # ctv.veeva.com/NCT03175679-...
    ("After washing three times, the cells were resuspended in serum-free medium with recombinant human IL-2 and α-GalCer.",
     ["EX_VIVO_EXPANSION"]),
    ("NK cells were cultured in medium supplemented with IL-2 for 14 days.", ["EX_VIVO_EXPANSION"]),
    ("Patients receive IL-2 subcutaneously after the infusion.", ["IN_VIVO_SUPPORT"]),
])
def test_a_cytokine_in_the_culture_medium_makes_the_cells(text: str, roles: list[str]) -> None:
    assert [u.role for u in cytokine_uses([Passage(text)])] == roles


def test_the_participants_peripheral_blood_and_the_cells_divided_into_equal_doses() -> None:
    # clinicaltrials.gov/show-NCT00631072-in-vitro-expanded-autologous-inkt-cells-gm-csf.txt
    record = _page(title="In Vitro Expanded Autologous Invariant Natural Killer Cells in Cancer",
                   interventions=[Intervention("INKT", "BIOLOGICAL"), Intervention("GM-CSF", "DRUG")],
                   detailed_description="- The first step in the study will be to collect iNKT cells from the participants "
                                        "peripheral blood. For this procedure an intravenous catheter will be used to "
                                        "remove the blood.\n- If we are successful in growing the iNKT cells to large "
                                        "enough numbers, they will be divided into 3 equal doses. Participants will "
                                        "receive one dose of these cells by intravenous infusion every 2 weeks or days 1, "
                                        "15 and 29.")
    assert _products(record) == [("NKT", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], True, None, 3)]


def test_a_dose_of_milligrams_is_no_cell_dose() -> None:
    record = _page(title="Mesenchymal Stem Cells for Cytopenia",
                   brief_summary="Patients will be given an infusion of mesenchymal stem cells. Patients also receive a "
                                 "dose of 2 mg/kg methylprednisolone.",
                   arms=[Arm("MSC", description="Mesenchymal stem cells")])
    assert [p.doses for p in record.cell_products] == [[]]


# --- a CAR glued into a construct's name, and the construct's cytokine --------------------------------------------------

#: cancer.gov/NCI-2021-10898-NCT05110742-cd5-car-il-15-cord-blood-nk-cells.txt, its summary as the generic reader gives it
NCT05110742_SUMMARY = (
    "This phase I/II trial tests the safety, side effects, and best dose of iC9/CD5CAR/IL-15 NK cells and whether they "
    "work in treating patients with T-cell leukemia or lymphoma, mantle cell lymphoma, chronic lymphocytic leukemia, or "
    "small lymphocytic lymphoma that has come back (relapsed) or does not respond to treatment (refractory). Immune system "
    "cells (such as NK cells) are made by the body to attack foreign or cancerous cells. NK cells from the donor may react "
    "against the cancer cells in the patient's body, which may help to control the disease. The NK cells are separated "
    "from a donor's umbilical cord blood. These separated NK cells will then be grown in the lab to increase the number of "
    "NK cells that can be given to the patient by vein. In this study, the NK cells given are called iC9/CD5CAR/IL-15 NK "
    "cells. Giving lymphodepleting chemotherapy before iC9/CD5CAR/IL-15 NK cells helps kill cancer cells in the body and "
    "helps make room in the patient's bone marrow for new blood-forming cells (stem cells) to grow. Giving patients an NK "
    "cell infusion may help to control the disease.")


@pytest.mark.parametrize(("text", "kinds"), [
    ("the safety, side effects, and best dose of iC9/CD5CAR/IL-15 NK cells", ["CAR_NK"]),
    ("iC9/CD5 chimeric antigen receptor (CAR)/IL-15 natural killer (NK) cells", ["CAR_NK"]),
    # left alone: a word ending in "car" is no CAR, nor are capitals without a target's number before them
    ("Oscar NK cells study", ["NK"]),
    ("SCAR NK cells", ["NK"]),
])
def test_a_car_glued_to_its_target_in_a_constructs_name(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_the_nk_cells_a_construct_is_called_by_are_its_cells() -> None:
    record = _page(brief_summary=NCT05110742_SUMMARY)
    # "the NK cells given are called iC9/CD5CAR/IL-15 NK cells": the NK cells separated from the donor's cord blood and
    # "grown in the lab to increase the number of NK cells that can be given to the patient" are the product's
    assert _products(record) == [("CAR_NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], True, True, None)]
    # the construct's IL-15 is its transgene, no cytokine given
    assert record.cytokines == []
    assert [(r.name, r.purpose) for r in record.regimens] == [("lymphodepleting chemotherapy", "LYMPHODEPLETION")]


@pytest.mark.parametrize(("text", "cytokines"), [
    ("This is a dose-escalation study of iC9/CD5CAR/IL-15 NK cells.", []),
    ("To determine the safety of iC9/CD5 chimeric antigen receptor (CAR)/IL-15 natural killer (NK) cells.", []),
    # left alone: IL-15 given beside the CAR-NK cells, a slash between two cytokines given
    ("Patients receive CAR-NK cells and IL-15 subcutaneously.", ["IL-15"]),
    ("Patients receive IL-2/IL-15 subcutaneously after the NK cells.", ["IL-2", "IL-15"]),
])
def test_a_cytokine_joined_to_a_car_in_a_constructs_name_is_no_cytokine_given(text: str, cytokines: list[str]) -> None:
    assert [u.cytokine for u in cytokine_uses([Passage(text)])] == cytokines


def test_cells_that_can_be_given_are_no_background_claim() -> None:
    # the same page: "that can be given to the patient by vein" says what the trial's cells are grown for
    record = _page(brief_summary="The NK cells are separated from a donor's umbilical cord blood. These separated NK cells "
                                 "will then be grown in the lab to increase the number of NK cells that can be given to the "
                                 "patient by vein. Giving patients an NK cell infusion may help to control the disease.")
    assert _products(record) == [("NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], True, None, None)]
    # a general claim still is one
    record = _page(brief_summary="Giving patients an NK cell infusion may help to control the disease. NK cells can be "
                                 "grown in the lab from cord blood.")
    assert _products(record) == [("NK", [], [], None, None, None)]


# --- plain-language (NIH, patient-facing) wording of the making ---------------------------------------------------------

#: trialfinderdata.org/NCT05003895-gpc3-car-t-solid-tumors-nci.txt, its summary as the generic reader gives it (cut)
NCT05003895_SUMMARY = (
    "Background: A new cancer treatment takes a person s own T cells, modifies them in a laboratory so they can better "
    "fight cancer cells, and then gives them back to the person. Researchers want to see if this treatment can help people "
    "with a certain types of cancer. Objective: To see if a personalized immune treatment, anti-GPC3 CAR-T cells, is safe. "
    "Design: Participants will be screened with the following: Blood and urine tests Medical history Physical exam Tumor "
    "biopsy Imaging scan of the chest, abdomen, and pelvis Participants will have leukapheresis. They may have an IV "
    "(intravenous catheter, a small tube put into an arm vein) inserted into each arm or get a central line. Blood will be "
    "removed. A machine will separate the white blood cells from their blood. The rest of their blood will be returned to "
    "them. Participants will be admitted to the hospital for about 2 weeks. They will get the chemotherapy drugs "
    "fludarabine and cyclophosphamide by IV for 3 days. Then they will receive the modified white blood cells by IV. "
    "Participants will have frequent blood draws.")


def test_a_persons_own_t_cells_taken_and_the_participants_leukapheresis() -> None:
    record = _page(title="GPC3 Targeted CAR-T Cell Therapy in Advanced GPC3 Expressing Solid Tumor Malignancies",
                   brief_summary=NCT05003895_SUMMARY)
    # "takes a person s own T cells" (the apostrophe lost): autologous; "Participants will have leukapheresis": blood
    assert _products(record) == [("CAR_T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, True, None)]
    # "They will get the chemotherapy drugs fludarabine and cyclophosphamide ... Then they will receive the modified white
    # blood cells": the drugs make room for the cells
    assert [(r.name, r.purpose, r.components) for r in record.regimens] == [
        ("fludarabine and cyclophosphamide", "LYMPHODEPLETION", ["fludarabine", "cyclophosphamide"])]


def test_chemotherapy_drugs_without_cells_after_them_are_chemotherapy() -> None:
    record = _page(title="GPC3 Targeted CAR-T Cell Therapy",
                   brief_summary="Participants will receive anti-GPC3 CAR-T cells. They will get the chemotherapy drugs "
                                 "gemcitabine and cisplatin by IV for 3 days. Then they will have scans.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("gemcitabine and cisplatin", "CHEMOTHERAPY")]


def test_leukapheresis_of_a_transplant_is_no_source_of_the_product() -> None:
    record = _page(title="Donor NK Cells After Transplant",
                   brief_summary="Patients will receive donor NK cell infusions. Patients will undergo leukapheresis for "
                                 "the stem cell transplant.")
    assert _products(record) == [("NK", ["ALLOGENEIC"], [], None, None, None)]


#: inclinicaltrials.com/NCT04015336-e7-tcr-t-cell-induction-oropharyngeal-cancer.txt, its summary's first sentences
NCT04015336_SUMMARY = (
    "Background: The therapy used in this study is called E7 T-cell receptor (TCR) T cell therapy. This therapy is a type "
    "of treatment in which a participant's T cells (a type of immune system cell) are changed in the laboratory to attack "
    "cancer cells. This treatment might help people with human papillomavirus (HPV)-associated oropharyngeal cancer. "
    "Objective: The purpose of this study is to determine if E7 TCR T cells can be given safely without delaying standard "
    "treatment for HPV-16 associated oropharyngeal cancer. Standard treatment may be surgery or radiation therapy with "
    "chemotherapy.")


def test_a_participants_t_cells_changed_in_the_laboratory_in_a_tcr_t_cell_therapy() -> None:
    record = _page(title="Clinical Trial Details — Status: Terminated", brief_summary=NCT04015336_SUMMARY)
    # "This therapy is a type of treatment in which ...": the therapy just named; its TCR put into the participant's cells
    assert _products(record) == [("T", ["AUTOLOGOUS"], [], None, True, None)]
    assert record.regimens == []


def test_t_cells_changed_in_the_laboratory_without_a_receptor_are_not_said_modified() -> None:
    # "removing T cells from the blood and modifying them to be able to target cancer" says no gene (cancer.gov
    # NCT03434769); nor do activated T cells "changed in the laboratory" without a receptor given them
    record = _page(title="Activated T Cell Therapy",
                   brief_summary="The therapy used in this study is called activated T cell therapy. This therapy is a type "
                                 "of treatment in which a participant's T cells are changed in the laboratory.")
    assert _products(record) == [("T", ["AUTOLOGOUS"], [], None, None, None)]


# --- cytotoxic T lymphocytes named as a "therapy", the product by its code --------------------------------------------

# cgtlive.com/NCT04765449-tvgn-489-sars-cov-2-specific-ctl-covid-19-news.txt
TVGN489 = ("TVGN-489 is an investigational allogeneic cytotoxic CD8+ T lymphocyte therapy that may help prevent breakthrough "
           "COVID infection. Tevogen Bio and Thomas Jefferson University are beginning enrollment of their phase 1 trial "
           "(NCT04765449) for TVGN-489 for the treatment of high-risk patients with COVID-19. TVGN-489 is an investigational "
           "allogeneic SARS-CoV-2 specific Cytotoxic CD8+ T lymphocytes (CTL) therapy designed to protect against "
           "breakthrough COVID infection and hospitalization in high-risk patients, whether due to age or other underlying "
           "health conditions. The study plans to enroll 24 participants with COVID-19 that are elderly or high-risk. "
           "Participants with an HLA antigen in common with COVID-19 fighting T cells will receive a single infusion of "
           "TVGN-489. The control group will not receive any CTLs. Four dose levels of CTLs will be evaluated: 1 x 105/kg, "
           "3 x 105/kg, 1 x 106/kg, and 3 x 106/kg, with groups of 3 to 6 patients receiving each ascending dose pending "
           "no serious AEs.")


def test_a_t_lymphocyte_therapy_named_by_its_code_is_the_product_and_its_dose_levels_are_its() -> None:
    record = _page(brief_summary=TVGN489)
    assert _products(record) == [("T", ["ALLOGENEIC"], [], None, None, 1)]
    assert [(d.minimum, d.unit, d.per_dose) for d in record.cell_products[0].doses] == [
        (1e5, "{cells}/kg", True), (3e5, "{cells}/kg", True), (1e6, "{cells}/kg", True), (3e6, "{cells}/kg", True)]


def test_the_first_sentence_alone_names_the_product() -> None:
    record = _page(brief_summary="TVGN-489 is an investigational allogeneic cytotoxic CD8+ T lymphocyte therapy that may "
                                 "help prevent breakthrough COVID infection. Participants will receive a single infusion "
                                 "of TVGN-489.")
    assert _products(record) == [("T", ["ALLOGENEIC"], [], None, None, 1)]


@pytest.mark.parametrize("text", [
    # a checkpoint antibody's target, T lymphocytes measured, a disease named as the subject
    "Ipilimumab is a fully human monoclonal antibody against cytotoxic T lymphocyte-associated antigen 4 (CTLA-4), given "
    "by infusion every 3 weeks.",
    "Patients will receive nivolumab infusions; the cytotoxic T lymphocyte response to the vaccine will be measured.",
    "COVID-19 is a disease in which cytotoxic T lymphocyte counts fall; patients will receive remdesivir by infusion.",
])
def test_t_lymphocytes_that_are_no_therapy_give_no_product(text: str) -> None:
    assert _products(_page(brief_summary=text)) == []


# --- a product named by its code and the form it is given in ---------------------------------------------------------

def test_a_code_named_with_the_form_of_giving_ties_the_sentences_that_use_it_to_the_product() -> None:
    # ctv.veeva.com/NCT06671236-np001-autologous-polyclonal-tregs-intrathecal-als.txt
    record = _page(
        title="Clinical Study of Regulatory T Cells (Tregs) in the Treatment of Neurodegenerative Diseases",
        interventions=[Intervention(name="Autologous Human Polyclonal Regulatory T Cells Injection (NP001 Cell Injection)",
                                    type="BIOLOGICAL")],
        brief_summary="An open, multi- center phase Ⅰ clinical study evaluating the safety and efficacy of autologous human "
                      "polyclonal regulatory T cell injection (NP001 cell injection) in patients with Neurodegenerative "
                      "diseases (ALS).",
        detailed_description="This is an open-label, non-randomized, multi-center clinical trial of single-agent NP001 cell "
                             "injection in patients with with Neurodegenerative diseases (ALS).\n\nAfter subject consents to "
                             "the study, an apheresis procedure will be performed to collect cells to manufacture the "
                             "investigational product, NP001 cell injection. NP001 cell injection are manufactured ex vivo to "
                             "yield enriched Tregs.\n\nThis study is evaluating NP001 cell injection at the dose of 1x E6 "
                             "cells, 1x E7 cells, and 1x E8 cells/times, with up to 3 times separated by 4 weeks among dosing "
                             "(intrathecally on Days 1, 29, and 57).")
    assert _products(record) == [("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, 3)]
    assert [(d.minimum, d.unit, d.per_dose) for d in record.cell_products[0].doses] == [
        (1e6, "{cells}", True), (1e7, "{cells}", True), (1e8, "{cells}", True)]


@pytest.mark.parametrize("text", [
    # brackets after the cells that are no name of them: a day, a cytokine given with them, a marker
    "Patients will receive a donor NK cell injection (IL-2 injection) after the transplant. IL-2 injection at the dose "
    "of 1x E6 cells on Days 1, 3 and 5.",
    "Patients will receive a donor NK cell infusion (Day 0 infusion) after the transplant. Day 0 infusion at the dose of "
    "1x E7 cells was planned for the other study.",
    "Patients will receive donor NK cells (CD56 cells) after the transplant. CD56 at the dose of 1x E6 cells on Days 1, 29 "
    "and 57 were counted.",
])
def test_brackets_that_name_no_product_tie_nothing(text: str) -> None:
    [product] = _page(brief_summary=text).cell_products
    assert (product.cell_type, product.doses) == ("NK", [])


# --- the product's growth in the patient, said as a result ------------------------------------------------------------

# lupus.bmj.com/NCT05938725-kyv-101-cd19-car-t-lupus-nephritis-kysa-1-abstract.txt
KYV101 = ("KYV-101 is a fully human autologous anti-CD19 CAR T-cell therapy designed and demonstrated to have a favorable "
          "safety profile (Brudno, Nat Med, 2020). After apheresis and manufacturing, patients receive 3 days of "
          "lymphodepletion (LD) with fludarabine (30 mg/m2/day) and cyclophosphamide (300 mg/m2/day) starting on day –7 to "
          "–5, followed by a single infusion of KYV-101 on day 0. KYV-101 rapidly expanded and B cell depletion was "
          "observed with evidence of B-cell recovery observed in patient 1 starting on day 56.")


@pytest.mark.parametrize(("text", "expanded"), [
    (KYV101, None),
    # a making: the cells "can be rapidly expanded when exposed to ADV antigen", and "rapidly expanded ex vivo"
    ("Patients will receive a single infusion of virus-specific T cells, which can be rapidly expanded when exposed to ADV "
     "antigen over a 10 day culture.", True),
    ("Patients will receive a single infusion of autologous NK cells rapidly expanded ex vivo.", True),
])
def test_cells_that_rapidly_expanded_in_the_patient_were_not_expanded_ex_vivo(text: str, expanded: bool | None) -> None:
    [product] = _page(brief_summary=text).cell_products
    assert product.ex_vivo_expanded is expanded


# --- a product named by a code the text says is made from the patient's collected cells --------------------------------

# clinicaltrials.gov/ct2-show-NCT03686124-ima203-prame-tcr-t-solid-tumors.txt
IMA203 = ("SCREENING: Patient eligibility will be determined by protocol inclusion/exclusion criteria including HLA (human "
          "leukocyte antigen) screening and a biopsy for biomarker screening. If the patient is eligible, white blood cells "
          "will be taken during leukapheresis for the manufacture of the IMA203 product.\nMANUFACTURING: IMA203 product "
          "will be made from the patient's white blood cells.\nTREATMENT: Lymphodepletion with cyclophosphamide and "
          "fludarabine will occur in the days before the IMA203 product infusion to improve the duration of time that "
          "IMA203 product stays in the body. The patient will be admitted to the hospital during the T-cell infusion.\n"
          "After the IMA203 product infusion, a low dose of IL-2 will be given subcutaneously daily for 10 days.")


def test_a_code_made_from_the_patients_collected_white_blood_cells_is_the_products_name() -> None:
    record = _page(title="ACTengine® IMA203 as Monotherapy or in Combination With Nivolumab in Recurrent and/or Refractory "
                         "Solid Tumors (ACTengine)",
                   interventions=[Intervention(name="IMA203 Product", type="BIOLOGICAL"),
                                  Intervention(name="nivolumab (Opdivo®)", type="DRUG")],
                   detailed_description=IMA203)
    assert _products(record) == [("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, None)]


@pytest.mark.parametrize(("text", "donors"), [
    # another's cells made into the product; a sample collected for a measurement, not for a making
    ("The patient will be admitted to the hospital during the T-cell infusion. MB-CART2019 will be made from the donor's "
     "white blood cells.", ["ALLOGENEIC"]),
    ("The patient will be admitted to the hospital during the T-cell infusion. Blood will be taken for the measurement of "
     "ABC123, a marker in the patient's own blood.", []),
])
def test_cells_made_from_anothers_blood_or_collected_for_a_measure_are_not_the_patients(text: str,
                                                                                         donors: list[str]) -> None:
    [product] = _page(brief_summary=text).cell_products
    assert product.donor_types == donors


# --- the graft of the transplant the patients relapsed after ----------------------------------------------------------

# meddatax.com/NCT04024761-ciml-nk-il-2-myeloid-relapse-after-hct.txt
CIML = ("This research study is studying cytokine induced memory-like natural killer (CIML NK) cells combined with IL-2 in "
        "adult patients (18 years of age or older) with Acute Myeloid Leukemia (AML), Myelodysplastic Syndrome (MDS) and "
        "Myeloproliferative Neoplasms (MPN) who relapse after haploidentical hematopoietic cell transplantation (haplo-HCT) "
        "or HLA matched stem cells. This study will also study CIML NK cell infusion combined with IL-2 in pediatric "
        "patients (12 years of age or older) with AML, MDS, JMML who relapse after stem cell transplantation using "
        "HLA-matched related donor or related donor haploidentical stem cells.")


@pytest.mark.parametrize(("text", "donors"), [
    (CIML, []),
    # the product's own donor beside the patients' transplant (withpower.com's CIML NK page, and the same donor named)
    ("Patients with relapse of AML after receiving a stem cell transplant from a matched donor and have an available donor "
     "willing to participate will receive CIML NK cells.", ["ALLOGENEIC"]),
    ("Patients who relapse after haploidentical transplantation with CIML NK cells from the same haploidentical donor "
     "will receive an infusion of the CIML NK cells.", ["HAPLOIDENTICAL"]),
])
def test_the_donor_of_the_graft_the_patients_relapsed_after_is_not_the_products(text: str, donors: list[str]) -> None:
    [product] = _page(title="A Phase 1 Trial of CIML NK Cell Infusion for Myeloid Disease Relapse After Hematopoietic Cell "
                            "Transplantation", brief_summary=text).cell_products
    assert (product.cell_type, product.donor_types) == ("NK", donors)


# --- αβ T cells given as an immune-cell therapy (held-out 14's jRCT page) ----------------------------------------------

def test_alpha_beta_t_cells_given_as_a_therapy_are_t_cells() -> None:
    # tests/data/therapy-holdout14/pages/jrct.niph.go.jp/jRCTc030200089-alpha-beta-t-cell-therapy-cancer-risk-group.txt
    record = _page(title="がんリスク群に対する免疫細胞療法による免疫パラメーターの検討",
                   brief_summary="がんリスク群に対する先制医療としての免疫細胞療法(αβT)による免疫パラメーターに及ぼす影響の検討\n"
                                 "Healthy subjects who have risk factors for cancer and desire to receive the preemptive "
                                 "immune-cell therapy. Fourteen subjects were received abT-cell therapy of which 6 were "
                                 "females and 8 were males. Average age was 61 years old.")
    assert [p.cell_type for p in record.cell_products] == ["T"]
    # the Japanese title's kind (its giving is said in English: "were received abT-cell therapy")
    assert _cell_types("がんリスク群に対する先制医療としての免疫細胞療法(αβT)による免疫パラメーターに及ぼす影響の検討") == ["T"]


@pytest.mark.parametrize(("fields", "kinds"), [
    # a graft depleted of αβ T cells (meddatax.com NCT06158828 in tests/data/pages), αβ T cells described beside the γδ T
    # cells given (clinicaltrials.gov NCT03533816 in tests/data/pages), a word with "ab" glued to no T cell
    ({"title": "Pilot Study of Memory-like Natural Killer (ML NK) Cells After TCRαβ T Cell Depleted Haploidentical "
               "Transplant in AML"}, ["NK"]),
    ({"title": "Expanded Activated Gamma Delta T Cells (EAGD) Infusion",
      "brief_summary": "The majority of T-cells are composed of alpha beta T-cells with a small minority of gamma delta "
                       "T-cells."}, ["T"]),
    ({"brief_summary": "Patients will receive the antibody abTherapy by infusion; their αβ T cells will be counted."}, []),
])
def test_alpha_beta_t_cells_depleted_or_described_are_no_product(fields: dict, kinds: list[str]) -> None:
    assert [p.cell_type for p in _page(**fields).cell_products] == kinds


# --- wordings from the misses tests/data/therapy-holdout18/README.md lists --------------------------------------------

# trial.medpath.com/ISRCTN06128462-t-regulatory-cells-type-1-diabetes-children.txt
@pytest.mark.parametrize(("text", "kinds"), [
    ("Cellular therapy of type 1 diabetes with T regulatory cells", ["T"]),
    ("Patients receive T-regulatory cell infusions every month", ["T"]),
    # T regulatory cells counted or measured are no product
    ("T regulatory cells were measured in the blood of patients given insulin", []),
    ("The frequency of T regulatory cells after cellular therapy with mesenchymal cells", []),
])
def test_t_regulatory_cells_in_that_order_given_as_a_cellular_therapy_are_t_cells(text: str, kinds: list[str]) -> None:
    assert [kind for kind in _cell_types(text) if kind == "T"] == kinds


def test_cells_grown_from_a_donors_samples_or_blood_samples_measured_are_not_the_patients() -> None:
    record = _page(brief_summary="NK cells will be expanded from blood samples of a healthy donor. Blood samples from "
                                 "the patient will be collected to measure NK cell persistence after the NK cell infusion.")
    assert [p.donor_types for p in record.cell_products] == [["ALLOGENEIC"]]


# trial.medpath.com/NCT04599452-allogeneic-nk-cord-blood-kir-mismatch-elderly-aml.txt
def test_a_kir_mismatch_with_cord_blood_is_the_nk_cells_source() -> None:
    record = _page(title="NK Cell Therapy Recurrent/Refractory Elderly AML",
                   brief_summary="The aim of this investigation was to assess safety and efficacy of allogenic NK cells "
                                 "therapy for recurrent refractory elderly AML.",
                   criteria=[Criterion("INCLUSION", "Patients with age 60 years to 70 years."),
                             Criterion("INCLUSION", "KIR mismatch between patient and umbilical cord blood.")])
    assert _products(record) == [("NK", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], None, None, None)]


# clinicaltrials.gov/ct2-show-NCT02782546-ciml-nk-alt-803-after-haplo-hct-aml.txt
def test_the_donor_in_a_haploidentical_transplants_name_does_not_make_the_cells_haploidentical() -> None:
    record = _page(title="Cytokine Induced Memory-like NK Cell Adoptive Therapy After Haploidentical Donor Hematopoietic "
                         "Cell Transplantation")
    assert [p.donor_types for p in record.cell_products] != [["HAPLOIDENTICAL"]]
    said = _page(title="Haploidentical Donor NK Cells After Haploidentical Donor Hematopoietic Cell Transplantation")
    assert [p.donor_types for p in said.cell_products] == [["HAPLOIDENTICAL"]]


# --- wordings from the misses tests/data/therapy-holdout19/README.md lists --------------------------------------------

# clinicaltrials.gov/ct2-show-NCT03084380-anti-gpc3-car-t-fludarabine-cyclophosphamide-hcc.txt
def test_t_cells_transduced_to_express_cars_are_car_t_cells_and_blood_they_persist_in_is_no_source() -> None:
    record = _page(
        title="Anti-GPC3 CAR-T for Treating GPC3-positive Advanced Hepatocellular Carcinoma (HCC)",
        brief_summary="Secondary Objectives: - To assess the persistence in peripheral blood and intratumoral infiltration "
                      "of anti-GPC3 CAR-T cells",
        interventions=[Intervention("Retroviral vector-transduced autologous T cells to express anti-GPC3 CARs", "BIOLOGICAL"),
                       Intervention("Fludarabine", "DRUG"), Intervention("Cyclophosphamide", "DRUG")])
    assert _products(record) == [("CAR_T", ["AUTOLOGOUS"], [], None, True, None)]


@pytest.mark.parametrize(("text", "kinds"), [
    ("Retroviral vector-transduced autologous T cells to express anti-GPC3 CARs", ["CAR_T"]),
    # the first CAR-T products' international names (trial.medpath.com NCT02348216's arm; the NCI's drug dictionary)
    ("Phase 1 Study: Axicabtagene Ciloleucel and Conditioning Chemotherapy", ["CAR_T"]),
    ("equecabtagene autoleucel in relapsed multiple myeloma", ["CAR_T"]),
    ("Tisagenlecleucel in children with relapsed ALL", ["CAR_T"]),
    # (ctv.veeva.com NCT00891592; thelancet.com NCT04578210)
    ("Biological: Ex Vivo CD3/CD28 costimulated Umbilical Cord Blood T cells", ["T"]),
    ("the last three received the highest dose (1 × 106 cells/kg) of CD45RA memory T cells", ["T"]),
    # memory T cells counted are no product
    ("The frequency of memory T cells was measured after the vaccine", []),
])
def test_the_ways_trial_texts_name_car_t_and_t_cell_products(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


# trial.medpath.com/NCT04351659-sars-cov-2-specific-t-cells-convalescent-donors-covid-19.txt
def test_the_studys_hypothesis_speaks_of_its_cells_and_cells_isolated_from_donors_blood_come_from_blood() -> None:
    record = _page(
        title="Novel Adoptive Cellular Therapy With SARS-CoV-2 Specific T Cells in Patients With Severe COVID-19",
        detailed_description="The specific hypothesis is that SARS-CoV-2 specific T cells can be isolated from the blood of "
                             "convalescent donors rapidly and efficiently using SARS-CoV-2 specific peptides and an "
                             "automated medical device for emergent treatment of severe COVID-19 disease.")
    assert [(p.donor_types, p.tissue_sources) for p in record.cell_products] == [(["ALLOGENEIC"], ["PERIPHERAL_BLOOD"])]
    # a general claim about such cells stays background
    record = _page(title="Adoptive Cellular Therapy With SARS-CoV-2 Specific T Cells",
                   detailed_description="Virus specific T cells can be isolated from the blood of convalescent donors.")
    assert [p.tissue_sources for p in record.cell_products] == [[]]


# wwwonclivecom-b2oh4h7sc-mjhls.vercel.app/NCT04660929-ct-0508-anti-her2-car-macrophages-interview.txt
ONCLIVE = (
    "Kim A. Reiss Binder, MD, discusses the rationale behind the first-in-human study of adenovirally transduced anti-HER2 "
    "CAR-Ms and where the research will be heading in the future.\n"
    "Reiss Binder stressed the lack of clinical implications provided by early research in the use of CAR-M. However, she "
    "pointed to promising initial safety and efficacy results from the first-in-human, multicenter, phase 1 study of "
    "adenovirally transduced anti-HER2 CAR macrophages (NCT04660929) to suggest that CAR-M may someday have a role in "
    "treating these patients.1\n")


def test_car_macrophages_of_a_first_in_human_study_are_a_genetically_modified_product_of_their_own_kind() -> None:
    record = describe_therapy(_read(ONCLIVE))
    # the sentence naming the number is no title
    assert record.title is None
    assert [(p.cell_type, p.kind, p.genetically_modified) for p in record.cell_products] == [(None, "macrophages", True)]


@pytest.mark.parametrize("text", [
    "Patients with macrophage activation syndrome will receive anakinra infusions.",
    "Tumor-associated macrophages will be counted in biopsies taken before the infusion of NK cells.",
])
def test_macrophages_a_text_names_a_disease_for_or_counts_are_no_product(text: str) -> None:
    record = _page(title="A study", brief_summary=text)
    assert [p.kind for p in record.cell_products if p.kind] == []


# --- wordings from the misses tests/data/therapy-holdout20/README.md lists --------------------------------------------

# ctv.veeva.com/NCT02153905-anti-mage-a3-tcr-t-cells-aldesleukin-cy-flu.txt
def test_a_t_cell_receptor_given_as_immunotherapy_with_the_nci_plain_english_of_its_making() -> None:
    record = _page(
        title="T Cell Receptor Immunotherapy Targeting MAGE-A3 for Patients With Metastatic Cancer Who Are HLA-A*01 Positive",
        brief_summary="Background: The National Cancer Institute (NCI) Surgery Branch has developed an experimental therapy for "
                      "treating patients with cancer that involves taking white blood cells from the patient, growing them "
                      "in the laboratory in large numbers, genetically modifying these specific cells with a type of virus "
                      "(retrovirus) to attack only the tumor cells, and then giving the cells back to the patient. "
                      "Leukapheresis: If the patients meet all of the requirements for the study they will undergo "
                      "leukapheresis to obtain white blood cells to make the anti MAGE-A3 cells.",
        interventions=[Intervention("Aldesleukin", "DRUG"),
                       Intervention("Anti-MAGE-A3 human leukocyte antigen serotype within HLA-A A serotype group (HLA-A* 01)-"
                                    "restricted T-cell receptor (TCR)", "BIOLOGICAL"),
                       Intervention("Cyclophosphamide", "DRUG"), Intervention("Fludarabine", "DRUG")])
    assert _products(record) == [("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], True, True, None)]
    assert [(r.name, r.purpose) for r in record.regimens] == [("Cyclophosphamide", "CHEMOTHERAPY"),
                                                               ("Fludarabine", "CHEMOTHERAPY")]


@pytest.mark.parametrize(("text", "kinds"), [
    ("T Cell Receptor Immunotherapy Targeting MAGE-A3", ["T"]),
    # (smartpatients.com NCT01694472)
    ("The purpose of this study is to evaluate the clinical safety of MAGE-A4 TCR Gene-Modified T lymphocytes", ["T"]),
    # receptors and responses measured are no product
    ("The T cell receptor repertoire will be sequenced before and after vaccination", []),
    ("HLA-restricted T cell responses were measured", []),
])
def test_t_cell_receptors_given_and_measured(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


# --- wordings from the misses tests/data/therapy-holdout27/README.md lists --------------------------------------------

def test_a_target_glued_to_car_before_the_t_cells_is_car_t() -> None:
    # clinicaltrials.gov/ct2-show-study-NCT01815749: the intervention, and the objective cut before "T cells"
    record = therapy_page(title="Genetically Modified T-cell Infusion Following Peripheral Blood Stem Cell Transplant",
                          interventions=[Intervention("autologous CD19CAR-CD28-CD3zeta-EGFRt-expressing Tcm-enriched T cells",
                                                      "BIOLOGICAL")],
                          detailed_description="PRIMARY OBJECTIVES:\nI. To assess the safety and describe the full toxicity "
                                               "profile of cellular immunotherapy utilizing ex vivo expanded autologous "
                                               "central memory")
    assert product_rows(record) == [("CAR_T", ["AUTOLOGOUS"], [], True, True, None)]
    # cancer.gov NCI-2018-00704 (NCT02050347): the donor and tissue of the objective's allogeneic lymphocytes
    record = therapy_page(title="CD19.CAR T cells after stem cell transplant", detailed_description=(
        "I. To evaluate the safety and persistence of escalating doses of CD19CAR-CD28zeta-4-1BB-expressing Allogeneic T "
        "Lymphocytes (allogeneic- CD3/CD28 activated peripheral blood T lymphocytes [ATL]) genetically modified to express "
        "artificial T-cell receptors (CAR) targeting the CD19 molecule (CD19.CAR)."))
    assert product_rows(record) == [("CAR_T", ["ALLOGENEIC"], ["PERIPHERAL_BLOOD"], None, True, None)]
    # a CAR glued to its target before NK cells is no CAR T; a cellular immunotherapy named without its cells names none
    assert product_rows(therapy_page(interventions=[Intervention("CD19CAR-expressing NK cells", "BIOLOGICAL")]))[0][0] != "CAR_T"
    assert product_rows(therapy_page(title="CD19CAR T cells", brief_summary="Cellular immunotherapy is an ex vivo "
                                                                             "expanded field."))[0][3] is None


def test_gene_transfer_in_plain_english_is_a_modification_of_the_patients_blood_cells() -> None:
    # clinicaltrials.gov/show-NCT00968760
    summary = ("Researchers then perform a gene transfer to change the T-cells' DNA, and then inject the changed T-cells into "
               "the body of the patient. The gene transfer involves drawing blood, separating out T cells (white blood cells "
               "that fight infection and disease), changing the T cells' DNA (genetic material) in a specific way, and "
               "returning the changed T cells back to the body.")
    record = therapy_page(title="CD19-specific T Cell Infusion in Patients With B-Lineage Lymphoid Malignancies",
                          brief_summary=summary)
    assert product_rows(record) == [("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, True, None)]
    # changes in DNA measured, blood drawn for tests, and cells returned to the clinic say none of it
    other = ("Researchers then measure changes in the T-cells' DNA methylation of the changed T-cells. Drawing blood "
             "to measure cytokines is done weekly, and returning the T cells to the clinic.")
    assert product_rows(therapy_page(title="CD19-specific T Cell Infusion in Patients With B-Lineage Lymphoid Malignancies",
                                     brief_summary=other)) == [("T", [], [], None, None, None)]


def test_transduced_autologous_pbl_are_the_patients_t_cells() -> None:
    # clinicaltrials.gov/show-NCT02650986: the row under "Condition or disease Intervention/treatment Phase"
    page = (TESTS / "data" / "therapy-holdout27" / "pages" / "clinicaltrials.gov" /
            "show-NCT02650986-ny-eso-1-tcr-pbl-cyclophosphamide-roswell.txt").read_text()
    record = generic_page(page)
    assert [(i.type, i.name) for i in record.interventions] == [
        ("DRUG", "Cyclophosphamide"), ("OTHER", "Laboratory Biomarker Analysis"),
        ("BIOLOGICAL", "NY-ESO-1 Reactive TCR Retroviral Vector Transduced Autologous PBL"),
        ("BIOLOGICAL", "TGFbDNRII-transduced Autologou")]
    assert product_rows(read_enriched(page.encode(), "page.txt")) == [("T", ["AUTOLOGOUS"], [], None, True, None)]
    # PBL counted are no product
    assert product_rows(therapy_page(title="Cyclophosphamide in solid tumors",
                                     brief_summary="Autologous PBL counts are measured weekly.")) == []


def test_transduced_peripheral_blood_lymphocytes_spelt_out_are_the_patients_t_cells() -> None:
    # clinicaltrials.gov/show/NCT02774291 (therapy-holdout29): "Biological: Anti-thyroglobulin mTCR-transduced Autologous
    # Peripheral Blood Lymphocytes", "anti-ESO (cancer/test antigen) mTCR (T cell receptor)-engineered peripheral blood
    # lymphocytes ... following a nonmyeloablative lymphoid depleting preparative regimen"
    page = (TESTS / "data" / "therapy-holdout29" / "pages" / "clinicaltrials.gov" /
            "show-NCT02774291-anti-eso-mtcr-pbl-cy-flu-aldesleukin.txt")
    record = read_enriched(page.read_bytes(), page.name)
    assert product_rows(record) == [("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, True, None)]
    assert sorted((r.name, r.purpose) for r in record.regimens) == [
        ("Cyclophosphamide", "LYMPHODEPLETION"), ("Fludarabine Phosphate", "LYMPHODEPLETION")]
    assert product_rows(therapy_page(title="mTCR (T cell receptor)-engineered peripheral blood lymphocytes in metastatic "
                                           "cancer"))[0][0] == "T"
    # the patients' lymphocytes counted, measured or collected are no product
    for about in ("Peripheral blood lymphocyte counts and the absolute lymphocyte count are measured weekly.",
                  "Peripheral blood lymphocytes are collected by leukapheresis and stored for laboratory studies.",
                  "The frequency of NY-ESO-1 specific T cells among autologous peripheral blood lymphocytes is measured."):
        assert product_rows(therapy_page(title="Cyclophosphamide in solid tumors", brief_summary=about)) == []


def test_a_french_title_that_studies_the_functions_of_nk_cells_gives_none() -> None:
    # kusajili.fr/RECF0903: blood samples studied, RFC the patients' own treatment
    title = ('LLC-NK : Étude visant à déterminer les fonctions des cellules "natural killer" (NK), chez des patients ayant '
             'une leucémie lymphoïde chronique non antérieurement traitée.')
    assert product_rows(therapy_page(title=title)) == []
    assert product_rows(therapy_page(title="Étude de l'injection de cellules NK activées chez des patients"))[0][0] == "NK"


# --- wordings from the misses tests/data/therapy-holdout26/README.md lists --------------------------------------------

# api.ai-analytics.org/NCT00670748-anti-ny-eso-1-tcr-pbl-aldesleukin-chemotherapy.txt
ESO_TITLE = "Chemotherapy Followed by ESO-1 Lymphocytes and Aldesleukin to Treat Metastatic Cancer"


ESO_INTERVENTIONS = [Intervention("Anti-NY ESO-1 T-cell receptor PBL", "BIOLOGICAL"), Intervention("aldesleukin", "DRUG"),
                     Intervention("Cyclophosphamide", "DRUG"), Intervention("fludarabine phosphate", "DRUG"),
                     Intervention("ALVAC NY ESO-1 vaccine", "BIOLOGICAL")]


def test_lymphocytes_named_by_the_receptor_put_in_them_are_a_modified_t_product() -> None:
    record = _page(title=ESO_TITLE, interventions=ESO_INTERVENTIONS)
    assert _products(record) == [("T", [], [], None, True, None)]
    assert sorted((r.name, r.purpose) for r in record.regimens) == [
        ("Cyclophosphamide", "CHEMOTHERAPY"), ("fludarabine phosphate", "CHEMOTHERAPY")]
    # the receptors of the patients' own lymphocytes, measured, are none
    assert _products(_page(title="T-cell receptor repertoire of PBL after chemotherapy in melanoma")) == []


# meddatax.com/NCT05887882-feeder-expanded-unrelated-donor-nk-intratumoral-brain-tumors.txt
FEEDER_ABOUT = ("NK cells from unrelated donors will be propagated ex vivo with genetically-modified feeder cells and given "
                "into the tumour through an Ommaya reservoir.")


def test_a_feeder_named_by_its_modification_is_the_feeder_and_the_product_stays_unmodified() -> None:
    record = _page(title="Intratumoral NK cells for brain tumors", brief_summary=FEEDER_ABOUT)
    assert [(p.cell_type, p.feeder_cells, p.genetically_modified) for p in record.cell_products] == [
        ("NK", "genetically-modified feeder cells", None)]
    # inclinicaltrials.com NCT05250362: "a non-feeder cell regimen" names no feeder
    record = _page(title="Expanded NK cells after transplant",
                   brief_summary="Investigators expand NK cells ex vivo with a non-feeder cell regimen to avoid the risk "
                                 "of infusion of feeder cells with expanded NK cells.")
    assert [p.feeder_cells for p in record.cell_products] == [None]


# --- wordings from the rule gaps the held-out corpora's READMEs list --------------------------------------------------

# therapy-holdout21 ekfs.de/NCT03383978-car2brain-nk-92-5-28-z-her2-car-nk-glioblastoma.txt
def test_nk_cells_named_by_their_cell_line_are_the_products() -> None:
    record = _page(title="Phase I clinical trial of intracranial injection of CAR-engineered NK cells in patients with "
                         "recurrent HER2-positive glioblastoma",
                   brief_summary="Based on the clinically usable human NK cell line NK-92, the continuously expanding cell "
                                 "clone NK-92/5.28.z was generated that harbors a CAR specific for the tumor-associated "
                                 "antigen HER2 (ErbB2). GMP-compliant processes for expansion of clinical doses of "
                                 "NK-92/5.28.z cells were developed.")
    assert _products(record) == [("CAR_NK", [], ["CELL_LINE"], True, True, None)]
    # a trial of CAR T cells that names the line is no NK product's
    record = _page(title="CD19 CAR-T cells in lymphoma",
                   brief_summary="CD19 CAR-T cells will be infused. Their killing was compared in vitro with NK-92 cells.")
    assert [p.cell_type for p in record.cell_products] == ["CAR_T"]
    assert record.cell_products[0].tissue_sources == []


# therapy-holdout2 clinicaltrials.gov/ct2-show-NCT03183232-gamma-delta-t-lung-cancer.txt
def test_autologous_cells_of_a_plan_given_up_are_not_the_products() -> None:
    record = _page(title="Safety and Efficacy of γδ T Cells in Lung Cancer",
                   detailed_description=(
                       "NOTE: Originally, our designed proposal was to use autologous PBMCs from cancer patients to ex vivo "
                       "expand Vγ9Vδ2-T cells, and then perform adoptive transfer therapy. Therefore, we submitted new "
                       "clinical study application by changing the autologous protocol with the allogeneic protocol. "
                       "The Vγ9Vδ2-T cells will be infused to the patients."))
    assert [p.donor_types for p in record.cell_products] == [[]]
    # cells first taken from somewhere ("originally" with no comma) are still described
    record = _page(title="Autologous γδ T cells", brief_summary="Autologous γδ T cells, originally isolated from the "
                                                                "patient's blood, will be infused.")
    assert [p.donor_types for p in record.cell_products] == [["AUTOLOGOUS"]]


# therapy-holdout parkinsonspathways.com NCT01808820 writes "patent-derived dendritic cells" (a typo no rule reads); the
# wording spelt right
def test_patient_derived_cells_are_autologous() -> None:
    record = _page(title="Dendritic Cell (DC) Vaccine for Malignant Glioma and Glioblastoma",
                   brief_summary="The purpose of this research study is to evaluate an investigational vaccine using "
                                 "patient-derived dendritic cells (DC) to treat malignant glioma or glioblastoma.")
    assert [p.donor_types for p in record.cell_products] == [["AUTOLOGOUS"]]
    # a patient-derived xenograft is a model of the tumour, not whose the cells are
    record = _page(title="NK cells for glioma", brief_summary="Patients receive NK cells, which kill patient-derived "
                                                              "xenograft tumour cells.")
    assert [p.donor_types for p in record.cell_products] == [[]]


# --- cell types ---------------------------------------------------------------------------------------------------

def _doses(record: TrialRecord) -> list[tuple]:
    return [(d.minimum, d.maximum, d.unit, d.per_dose) for p in record.cell_products for d in p.doses]


@pytest.mark.parametrize(("text", "kinds"), [
    # regulatory T cells given, by their abbreviation or named by their source or their giving:
    # clinicaltrials.gov/ct2-show-NCT02932826-umbilical-cord-blood-treg-insulin-type1-diabetes.txt
    ("Safety Study and Therapeutic Effects of Umbilical Cord Blood Treg on Autoimmune Diabetes", ["T"]),
    ("Umbilical Cord Blood Regulatory T cells Therapy", ["T"]),
    ("Receive Treg infusion: 1~5*10^6/kg b.w. in 100ml NS", ["T"]),
    ("Treg Treatment + Insulin", ["T"]),
    # ctv.veeva.com/NCT02385019-donor-regulatory-t-cells-chronic-gvhd.txt
    ("Phase 1 clinical trial will include groups of 5 patients sequentially treated with: 0.5 x 10ˆ6, 1.0 x 10ˆ6, 2-3 x "
     "10ˆ6 donor Treg/kg.", ["T"]),
    # left alone: Tregs counted or measured, a study's acronym
    ("Treg levels and Treg frequency in peripheral blood", []),
    ("Effect of low-dose IL-2 on regulatory T cells in lupus", []),
    ("A Phase 1/2 Trial (TREGeneration)", []),
    # activated T cells, so spelt: anzctr.org.au/ACTRN12618001337268-cord-blood-activated-t-cells-sclc-kidney-liver-cancer.txt
    ("The safety and efficacy of immunotherapy with the activited T cells from from umbilical cord blood mononuclear cells "
     "ex vivo for small cell lung cancer,Kidney cancer and Primary liver cancer treatment", ["T"]),
    # a CAR on a subset of T cells: meddatax.com/NCT05554939-allogeneic-gene-edited-cd19-car-gamma-delta-t-nhl.txt
    ("Allogenic CD19-targeting CAR-γδT Cell Therapy in R/R NHL", ["CAR_T"]),
    ("receive allogeneic CD19 CAR-γδT cell infusion", ["CAR_T"]),
    ("CAR-gamma delta T cells", ["CAR_T"]),
    ("adoptive transfer of autologous gamma/delta T lymphocytes", ["GAMMA_DELTA_T"]),
])
def test_cell_kinds_named_as_the_pages_name_them_in_holdout13(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


@pytest.mark.parametrize("text", [
    # meddatax.com/NCT03417414-cmv-g-nk-cells-anti-cd20-observational-no-cells.txt: NK cells studied, not given
    "Does CMV Induced Changes in NK Lymphocyte Biology Influence the Effectiveness of Antibody Therapy Used to Treat B Cell "
    "Lymphoproliferative Diseases?",
    "The initial blood draw will be analysed test patients for Cytomegalovirus and conduct a g-NK cell analysis.",
    "The final three blood draws will be conducted to analyse the g-NK cells at specified time points.",
    "2) Determine changes in circulating g-NK cells during and after anti-CD20 monoclonal antibody containing remission "
    "induction chemotherapy",
    "3) Evaluate whether the presence of g-NK cells improve the outcome of anti-CD20 monoclonal antibody containing "
    "remission induction treatment",
])
def test_nk_cells_analysed_or_studied_are_no_product(text: str) -> None:
    assert _cell_types(text) == []


def test_an_observational_study_of_nk_cells_has_no_product() -> None:
    # meddatax.com/NCT03417414-cmv-g-nk-cells-anti-cd20-observational-no-cells.txt (its title and Brief Summary)
    record = _page(title="Does CMV Induced Changes in NK Lymphocyte Biology Influence the Effectiveness of Antibody Therapy "
                         "Used to Treat B Cell Lymphoproliferative Diseases?",
                   brief_summary="This is an observational cohort study of patients with a new diagnosis of B cell Chronic "
                                 "Lymphocytic Leukemia or B cell Non-Hodgkin's Lymphoma who will receive an anti-CD20 "
                                 "monoclonal antibody treatment during the induction phase of their treatment. The initial "
                                 "blood draw will be analysed test patients for Cytomegalovirus and conduct a g-NK cell "
                                 "analysis. The final three blood draws will be conducted to analyse the g-NK cells at "
                                 "specified time points. The objectives of this study are to: 1) characterize the frequency "
                                 "of CMV (+) and g-NK (+) individuals in the B-NHL and B-CLL populations, 2) Determine "
                                 "changes in circulating g-NK cells during and after anti-CD20 monoclonal antibody "
                                 "containing remission induction chemotherapy and 3) Evaluate whether the presence of g-NK "
                                 "cells improve the outcome of anti-CD20 monoclonal antibody containing remission induction "
                                 "treatment of patients with B-NHL or B-CLL.")
    assert record.cell_products == []
    # NK cells given still are
    assert _cell_types("Prophylactic administration of Natural Killer cells early after hematopoietic stem cell "
                       "transplantation") == ["NK"]


def test_cord_blood_regulatory_t_cells_of_a_registry_page() -> None:
    # clinicaltrials.gov/ct2-show-NCT02932826-umbilical-cord-blood-treg-insulin-type1-diabetes.txt, as the classic reader
    # gives it (the next intervention glued on the description)
    record = _page(title="Safety Study and Therapeutic Effects of Umbilical Cord Blood Treg on Autoimmune Diabetes",
                   interventions=[Intervention("Umbilical Cord Blood Regulatory T cells Therapy", "BIOLOGICAL",
                                               "Receive Treg infusion: 1~5*10^6/kg b.w. in 100ml NS Drug: Insulin Treated "
                                               "according to routine clinical practice at the discretion of the treating "
                                               "physician"),
                                  Intervention("Insulin", "DRUG")],
                   arms=[Arm("Treg Treatment + Insulin", description="subjects will be treated with Umbilical Cord Blood "
                             "Regulatory T cells Therapy and insulin according to routine clinical practice",
                             interventions=["Umbilical Cord Blood Regulatory T cells Therapy", "Insulin"])])
    # (cord blood is another person's: the rules' convention, where the gold leaves the donor empty)
    assert _products(record) == [("T", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], None, None, None)]
    # a tilde range, an asterisk for the multiplication: 1e6 to 5e6 cells/kg, not said to be a dose
    assert _doses(record) == [(1e6, 5e6, "{cells}/kg", False)]


# --- doses and infusions ------------------------------------------------------------------------------------------

def test_dose_levels_with_the_modifier_circumflex_as_power_sign_and_tregs_per_kg() -> None:
    # ctv.veeva.com/NCT02385019-donor-regulatory-t-cells-chronic-gvhd.txt (its treatment, About and Full description)
    record = _page(title="A Phase 1/2 Trial of Donor Regulatory T-cells for Steroid-Refractory Chronic Graft-versus-Host-Disease "
                         "(TREGeneration)",
                   interventions=[Intervention("Donor regulatory T cell adoptive immunotherapy in chronic graft versus host "
                                               "disease", "BIOLOGICAL")],
                   brief_summary="Phase 1/2 clinical study for the treatment of steroid-refractory chronic graft versus host "
                                 "disease after an allogeneic transplant of hematopoietic progenitors with donor "
                                 "CliniMACS-selected regulatory T cells",
                   detailed_description="Phase 1 clinical trial will include groups of 5 patients sequentially treated with: "
                                        "0.5 x 10ˆ6, 1.0 x 10ˆ6, 2-3 x 10ˆ6 donor Treg/kg. Phase 2 clinical trial will "
                                        "include another 5 to 10 patients treated with MTD.")
    assert _products(record) == [("T", ["ALLOGENEIC"], [], None, None, None)]
    # three levels, the list's "x 10ˆ6" each, none called a dose
    assert _doses(record) == [(5e5, 5e5, "{cells}/kg", False), (1e6, 1e6, "{cells}/kg", False),
                              (2e6, 3e6, "{cells}/kg", False)]


@pytest.mark.parametrize(("text", "doses"), [
    ("0.5 x 10ˆ6, 1.0 x 10ˆ6, 2-3 x 10ˆ6 donor Treg/kg", [(5e5, 5e5), (1e6, 1e6), (2e6, 3e6)]),
    ("2 x 10ˆ7 cells/kg", [(2e7, 2e7)]),
    ("10ˆ6 cells/kg", [(1e6, 1e6)]),
    # left alone: a circumflex that is no power
    ("grade 2ˆ toxicity in 10 patients", []),
])
def test_the_modifier_circumflex_is_a_power_sign(text: str, doses: list[tuple]) -> None:
    from kg.enrich.therapy.quantities import cell_doses
    assert [(d.minimum, d.maximum) for d in cell_doses(text)] == doses


def test_cells_per_kilogram_said_injected_are_the_one_products_dose_beside_the_transplant_they_are_timed_by() -> None:
    # irct.behdasht.gov.ir/IRCT20140911019125N10-tooth-pulp-msc-after-autologous-hsct.txt (its study aim, settings and
    # intervention groups, as the generic reader gives them)
    record = _page(brief_summary="Determining the effect of intravenous injection of deciduous tooth pulp mesenchymal stem "
                                 "cells on the regeneration process of blood cells after autologous hematopoietic stem cell "
                                 "transplantation in patients with Hodgkin Lymphoma and Non-Hodgkin Lymphoma.",
                   detailed_description="After selecting the patients, they are divided into 3 control groups, intervention "
                                        "1 and intervention 2, and mesenchymal stem cells are injected according to the "
                                        "mentioned method.\nIn intervention group 1, 1 million cells per kilogram of the "
                                        "person's body weight are injected 4 hours before the injection of hematopoietic "
                                        "stem cells. In intervention group 2, 1 million cells per kilogram of body weight "
                                        "will be injected in a divided manner on days 0, +2, +4, +6 after transplantation.")
    assert _products(record) == [(None, [], [], None, None, None)]
    # one level, the same in both groups, not called a dose; no infusions (the groups differ)
    assert _doses(record) == [(1e6, 1e6, "{cells}/kg", False)]


def test_a_graft_given_in_the_dose_sentence_is_still_no_products_dose() -> None:
    record = _page(title="Mesenchymal Stem Cells for Poor Graft Function",
                   detailed_description="Patients receive mesenchymal stem cells intravenously.\n"
                                        "2 million cells per kg of the CD34+ stem cell graft are infused on day 0.")
    assert _doses(record) == []


def test_infusions_at_the_days_named_are_counted() -> None:
    # irct.behdasht.gov.ir/IRCT20140818018842N35-prophylactic-nk-cells-after-hsct-aml.txt (and N38, the same words)
    record = _page(title="Prophylactic administration of Natural Killer cells early after hematopoietic stem cell "
                         "transplantation in adult patients with high-risk acute myeloid leukemia",
                   design_description="This is a non-randomized, interventional, single-group assignment study to assess "
                                      "the safety and feasibility of an allogeneic NK cell therapy on ten patients with "
                                      "high-risk acute myeloid leukemia.",
                   detailed_description="All patients will be assigned to the only interventional arm of the study. "
                                        "Recipients of allogeneic Stem Cell Transplantation will receive the systemic "
                                        "intravenous infusion of natural killer cells at days +6 and +12 post-transplantation.")
    assert _products(record) == [("NK", ["ALLOGENEIC"], [], None, None, 2)]


# --- where the cells come from, how they are made ---------------------------------------------------------------

def test_blood_collected_for_the_products_manufacture_is_its_source() -> None:
    # anzctr.org.au/ACTRN12613000866707-autologous-ebv-specific-t-cells-nasopharyngeal-carcinoma.txt (its titles and
    # "Description of intervention(s) / exposure")
    record = _page(title="A clinical trial of adoptive T-cell immunotherapy for patients with Epstein-Barr virus-associated "
                         "nasopharyngeal carcinoma.",
                   official_title="Phase I/II open-label clinical trial of autologous Epstein-Barr virus-specific T cell "
                                  "therapy as consolidative treatment following chemotherapy for metastatic EBV-associated "
                                  "nasopharyngeal carcinoma.",
                   detailed_description="EBV-specific T cell adoptive immunotherapy. Patients will be identified prior to "
                                        "completing three cycles of chemotherapy for metastatic or loco-regionally recurrent "
                                        "NPC. Blood for T cell therapy manufacture must be collected prior to the completion "
                                        "of the third cycle of chemotherapy.")
    assert _products(record) == [("T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, None)]


@pytest.mark.parametrize("text", [
    "Blood samples for cytokine measurement will be collected at baseline.",
    "Cord blood for the manufacture of the NK cells is collected at delivery.",
])
def test_blood_collected_for_something_else_is_no_peripheral_blood_source(text: str) -> None:
    from kg.enrich.therapy.product_sources import _TISSUES
    assert not dict(_TISSUES)["PERIPHERAL_BLOOD"].search(text)


ACTRN12618001337268_INTERVENTION = (
    "UCMCs are isolated from the Umbilical cord blood and seeded in serum-free medium at a concentration of 10(7) cells / "
    "mL. The cells are stimulated with different cytokines, including IFN-Gamma, CD-3 monoclonal antibody and PD-1, The "
    "cells are reconstituted with fresh, complete culture medium until the mature immune cells are harvested on day 14.")


def test_a_making_told_step_by_step_from_the_materials_isolation_to_the_harvest_is_the_one_products() -> None:
    # anzctr.org.au/ACTRN12618001337268-cord-blood-activated-t-cells-sclc-kidney-liver-cancer.txt
    record = _page(title="Investigate the safety and efficacy of small cell lung cancer,Kidney cancer and Primary liver "
                         "cancer immunotherapy",
                   official_title="The safety and efficacy of immunotherapy with the activited T cells from from umbilical "
                                  "cord blood mononuclear cells ex vivo for small cell lung cancer,Kidney cancer and Primary "
                                  "liver cancer treatment",
                   detailed_description=ACTRN12618001337268_INTERVENTION)
    # (cord blood is another person's: the rules' convention, where the gold leaves the donor empty)
    assert _products(record) == [("T", ["ALLOGENEIC"], ["UMBILICAL_CORD_BLOOD"], True, None, None)]


def test_a_harvest_of_a_transplants_stem_cells_is_no_making_of_the_product() -> None:
    record = _page(title="Activated T cells after autologous transplant",
                   detailed_description="Stem cells are isolated from the peripheral blood by apheresis. The stem cells are "
                                        "washed and frozen. The stem cells are harvested after mobilisation.")
    assert _products(record) == [("T", [], [], None, None, None)]


# --- a CAR therapy the patients had before -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # 4-traders.com/NCT05798897-marker-mt-601-multitaa-t-cells-lymphoma-news.txt
    "2) the lack of an approved treatment for patients who experience relapse after treatment with CD19 CAR T (up to 60% "
    "within a year; Chong EA et al, N Engl J Med, 2021)",
    "Marker developed a long-term in vitro killing assay 1) to better understand resistance mechanisms following CAR T cell "
    "treatment",
    # as news items say it
    "for patients who have failed CAR T-cell therapy",
    "patients with lymphoma who progressed on CAR-T",
    "patients who relapsed after CAR T-cell therapy",
])
def test_a_car_therapy_the_patients_had_before_is_no_product(text: str) -> None:
    assert _cell_types(text) == []


@pytest.mark.parametrize(("text", "kinds"), [
    # left alone: the trial's own CAR cells, beside the earlier therapy or for a relapsed disease
    ("Second infusion of CD19 CAR-T cells for patients who relapsed after CAR T-cell therapy", ["CAR_T"]),
    ("CD19 CAR-T cells in relapsed or refractory B-cell lymphoma", ["CAR_T"]),
    ("patients who failed chemotherapy will receive CAR-T cells", ["CAR_T"]),
])
def test_the_trials_own_car_cells_stay(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_multi_antigen_specific_t_cells_for_patients_after_car_t() -> None:
    # 4-traders.com/NCT05798897-marker-mt-601-multitaa-t-cells-lymphoma-news.txt (its first sentences)
    record = _page(brief_summary="Marker Therapeutics, Inc. announced a restructuring of its clinical programs and a "
                                 "strategic prioritization of its multi-tumor associated antigen (multiTAA)-specific T cell "
                                 "product pipeline. In addition, the Company reported a clinical update on the Phase 2 "
                                 "ARTEMIS study investigating MT-401, a multiTAA-specific T cell product, for the treatment "
                                 "of patients with acute myeloid leukemia (AML). The Company announced the prioritization of "
                                 "MT-601 in chimeric antigen receptor (CAR) relapse patients with lymphoma (APOLLO; "
                                 "clinicaltrials.gov identifier: NCT05798897). This strategic decision was made based on 1) "
                                 "the Company?s promising non-clinical and clinical data using the multiTAA technology in "
                                 "lymphoma, and 2) the lack of an approved treatment for patients who experience relapse "
                                 "after treatment with CD19 CAR T (up to 60% within a year; Chong EA et al, N Engl J Med, "
                                 "2021), which is a clear unmet medical need.")
    assert _products(record) == [("T", [], [], None, None, None)]


# --- kinds named as the pages name them ---------------------------------------------------------------------------

def test_off_the_shelf_car_nk_cells_beside_an_nk_cell_therapy_are_car_nk() -> None:
    # genengnews.com/NCT04324996-nkg2d-ace2-car-nk-covid-19-news.txt
    record = _page(brief_summary="Candidate: Natural killer (NK) cell therapy\n\nType: Universal off-the-shelf NKG2D-ACE2 "
                                 "CAR-NK cells\n\nStatus: Chongqing Sidemu Biotechnology Technology and sponsor Chongqing "
                                 "Public Health Medical Center disclosed March 27 they are recruiting patients for an up to "
                                 "90-patient Phase I/II clinical trial (NCT04324996) assessing the company’s universal "
                                 "off-the-shelf NKG2D-ACE2 CAR-NK cells secreting IL15 superagonist.")
    assert _products(record) == [("CAR_NK", [], [], None, True, None)]


@pytest.mark.parametrize(("text", "kinds"), [
    # chictr.org.cn/ChiCTR2600125767-cd73-nk-cell-subsets-alzheimers-disease.txt: a subset bearing a product's code
    ("Study on the Safety and efficacy of CD73+NK Cell subsets (ZJ-S-0106) in the Rehabilitation Treatment of Mild and "
     "Moderate Alzheimer's Disease(Multicenter)", ["NK"]),
    # left alone: subsets counted or named by a marker in brackets
    ("Changes of NK cell subsets (CD56bright) after transplantation", []),
    ("NK cell subsets in peripheral blood of patients with Alzheimer's disease", []),
    # clinicaltrialcompass.org/NCT07535138-cd19-car-gamma-delta-t-autoimmune-nephropathy.txt: the spaced form
    ("Efficacy and Safety of CD19 CAR-γδ T Cells in the Treatment of Relapsed/Refractory Autoimmune Nephropathy", ["CAR_T"]),
])
def test_cell_kinds_named_as_the_pages_name_them_in_holdout15(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_collecting_a_patients_t_cells_and_modifying_them_is_an_autologous_car_t() -> None:
    # sclerodermanews.com/NCT06375993-adi-001-car-t-systemic-sclerosis-news.txt
    record = _page(title="Phase 1 trial of CAR T-cell therapy likely to open soon to SSc patients",
                   brief_summary="Adicet Bio expects adults with systemic sclerosis (SSc) soon to start enrolling in its "
                                 "ongoing Phase 1 clinical trial of ADI-001, an experimental CAR T-cell therapy. This "
                                 "designation “highlights the significant unmet need for innovative, off-the-shelf therapies "
                                 "to treat autoimmune diseases,” Chen Schor said. ADI-001 involves collecting a patient’s "
                                 "immune T-cells and modifying them in the lab before returning them via an infusion.")
    assert _products(record) == [("CAR_T", ["AUTOLOGOUS"], [], None, True, None)]


def test_a_donors_t_cells_collected_are_not_autologous() -> None:
    record = _page(title="Donor CAR T-cell therapy",
                   brief_summary="The study involves collecting a donor's T-cells and modifying them in the lab.")
    assert "AUTOLOGOUS" not in record.cell_products[0].donor_types


# --- a sentence that tells the whole course of the cells without naming them -------------------------------------------

NK_HCC = ("Since killer cell immunoglobulin-like receptor (KIR) mismatch can inhibit the negative regulatory signal of "
          "autologous major histocompatibility complex (MHC) molecules and ensure sufficient NK cell activation, allogeneic "
          "NK cells therapy, as a potential therapeutic option for tumor, has achieved good results in patients with acute "
          "myeloid leukemia. In this study, investigators evaluate the safety and efficacy of allogeneic NK cells in the "
          "treatment of advanced HCC. 200 patients from three hospitals will be enrolled in this study and followed up for "
          "1 year. Peripheral blood mononuclear cells (PBMCs) were isolated from patient-related donor and cultured in "
          "vitro for 15 days and infused to the patient in two consecutive days.")


def test_cells_isolated_cultured_and_infused_in_one_sentence_are_the_one_products() -> None:
    record = _page(title="Safety and Efficacy of Allogeneic NK Cells Therapy in Patients With Advanced Hepatocellular "
                         "Carcinoma", detailed_description=NK_HCC)
    assert _products(record) == [("NK", ["ALLOGENEIC"], ["PERIPHERAL_BLOOD"], True, None, 2)]


def test_a_graft_isolated_and_infused_without_a_culture_tells_nothing_of_the_product() -> None:
    record = _page(title="Safety and Efficacy of Allogeneic NK Cells Therapy",
                   detailed_description="Allogeneic NK cells will be given after the transplant. Stem cells were "
                                        "isolated from bone marrow and infused to the patient on two consecutive days.")
    assert _products(record) == [("NK", ["ALLOGENEIC"], [], None, None, None)]


# --- the donors' apheresis, and a site's summary heading ----------------------------------------------------------------

# clinconnect.io/NCT02123836-expanded-activated-nk-cells-family-donor-aml-mds-t-all.txt
CLINCONNECT = (
    "ClinConnect ClinConnect Logo\nSearch / Trial NCT02123836\n\n"
    "Natural Killer Cells in Acute Leukaemia and Myelodysplastic Syndrome\n\n"
    "Launched by NATIONAL UNIVERSITY HOSPITAL, SINGAPORE · Apr 25, 2014\n\nTrial Information\n\n"
    "Current as of May 28, 2025\n\nUnknown status\n\nKeywords\n\nClinConnect Summary\n\n"
    "The study will enroll 20 eligible subjects who will receive NK cell infusion to test whether infusion of expanded "
    "activated NK cells can produce measurable clinical responses in patients with AML/MDS or T-ALL.The study aims to "
    "infuse a target dose of 10 x 107 CD56+ cells/kg, however, as the actual cell dose obtained will vary depending on the "
    "donor harvest, the accepted range for cell infusion will be 0.5-20 x 107 CD56+ cells/kg. On day -10, eligible donors "
    "(adult family member of recipient) will undergo apheresis once. A second apheresis procedure may be needed to obtain "
    "the required cell ...\n\nGender\n\nALL\n")


def test_clinconnects_summary_is_the_trials_summary_and_the_donors_apheresis_the_products_blood() -> None:
    record = describe_therapy(_read(CLINCONNECT))
    assert record.brief_summary.startswith("The study will enroll 20 eligible subjects")
    assert _products(record) == [("NK", ["ALLOGENEIC"], ["PERIPHERAL_BLOOD"], True, None, None)]
    assert [(d.minimum, d.maximum, d.unit, d.per_dose) for d in record.cell_products[0].doses] == [
        (1e8, 1e8, "{cells}/kg", True), (5e6, 2e8, "{cells}/kg", False)]


def test_the_patients_apheresis_for_their_own_transplant_is_no_source_of_donor_cells() -> None:
    record = _page(title="Donor NK Cells after Autologous Transplant",
                   brief_summary="Donor NK cells will be infused. Patients will undergo apheresis for the autologous stem "
                                 "cell transplant.")
    assert _products(record)[0][2] == []


# --- the NCI's objectives, headed on lines of their own -----------------------------------------------------------------

# cancer.gov/NCI-2021-04180-NCT03939585-tcr-alpha-beta-cd19-depleted-dli-day-28.txt
NCI_OBJECTIVES = [
    "PRIMARY OBJECTIVE:",
    "I. To investigate if donor lymphocytes depleted of T-cell receptor (TCR) alpha/beta/CD19-depleted allogeneic "
    "hematopoietic progenitor cells (TCR-alpha-beta T cells and B cells) can be infused on day 28 following allogeneic stem "
    "cell transplantation without inducing grade III-IV graft versus host disease.",
    "SECONDARY OBJECTIVES:",
    "I. To characterize the yield of lymphocyte subsets in each study product following depletion of TCR-alpha-beta T "
    "cells and B cells from non-mobilized, two-blood volume leukapheresis of study donors.",
    "II. To describe the occurrence of disease relapse at one year post-transplant in all study subjects.",
]


def test_the_ncis_objectives_headed_on_their_own_lines_are_read_with_their_numbered_items() -> None:
    assert pdq_objectives(NCI_OBJECTIVES).split("\n") == [
        "PRIMARY OBJECTIVE: " + NCI_OBJECTIVES[1], "SECONDARY OBJECTIVES: " + " ".join(NCI_OBJECTIVES[3:])]


def test_donor_lymphocytes_infused_on_one_day_from_the_study_donors_leukapheresis() -> None:
    record = _page(brief_summary="This phase I trial studies the effects of a donor lymphocyte infusion in reducing the "
                                 "risk of cancer relapse.",
                   detailed_description=pdq_objectives(NCI_OBJECTIVES))
    assert _products(record) == [("T", ["ALLOGENEIC"], ["PERIPHERAL_BLOOD"], None, None, 1)]


# cancer.gov/NCI-2020-08290-NCT04556266-donor-derived-19-28z-car-t-after-tcd-allo-hsct.txt (held-out 10), whose objectives
# are read since the NCI's headed objectives are
def test_donor_derived_autologous_cells_after_an_allogeneic_transplant_are_the_donors() -> None:
    objectives = pdq_objectives([
        "PRIMARY OBJECTIVE:",
        "I. To determine the toxicity and maximum tolerated dose (MTD) of intravenously administered allogeneic, donor "
        "derived autologous CD19-28z chimeric antigen receptor-expressing T-lymphocytes (19-28z CAR T cells) administered "
        "following T-cell depletion allogeneic hematopoietic stem cell transplantation (TCD allo-HSCT) for patients with "
        "high-risk CD19+ malignancies."])
    record = _page(brief_summary="This phase I trial evaluates the side effects and best dose of donor-derived CAR T cells "
                                 "following allogeneic stem cell transplantation.", detailed_description=objectives)
    assert [p.donor_types for p in record.cell_products] == [["ALLOGENEIC"]]
    assert [p.donor_types for p in _page(brief_summary="Patients receive autologous CAR T cells.").cell_products] == [
        ["AUTOLOGOUS"]]


# --- wordings from the misses tests/data/therapy-holdout25/README.md lists --------------------------------------------

def test_lymphocytes_counted_depleted_or_infiltrating_keep_their_own_reading() -> None:
    assert _products(_page(title="Autologous lymphocyte count recovery after autologous stem cell transplant")) == []
    assert _products(_page(title="Autologous lymphocyte depletion with alemtuzumab in multiple sclerosis")) == []
    assert _products(_page(title="Lymphocyte therapy in treating patients with kidney cancer")) == []  # whose, not said
    # tumour-infiltrating lymphocytes given stay TILs (a T product of their own reading, expanded)
    assert _products(_page(title="Therapeutic autologous tumor-infiltrating lymphocytes after expansion")) == [
        ("T", ["AUTOLOGOUS"], [], True, None, None)]


def test_a_donors_leukapheresis_or_a_patients_graft_is_not_the_patients_own_cells() -> None:
    record = _page(title="Study of BCMA CAR-T in Multiple Myeloma",
                   detailed_description="After a donor is identified, leukapheresis will be performed to obtain peripheral "
                                        "blood mononuclear cells which will be sent to a manufacturing site to produce "
                                        "anti- BCMA CAR T cells.")
    assert [p.donor_types for p in record.cell_products] == [["ALLOGENEIC"]]
    record = _page(title="NK cells after transplant in myeloma",
                   detailed_description="The patient's apheresis product will be used for the transplant, and NK cells "
                                        "will be given after it.")
    assert [p.donor_types for p in record.cell_products] == [[]]


# --- wordings from the misses tests/data/therapy-holdout24/README.md lists --------------------------------------------

# knowcancer.com/NCT00331526-il-2-stimulated-lak-cells-intralesional-glioblastoma.txt
LAK_OUTLINE = ("Patients undergo therapeutic craniotomy.\nPatients undergo leukapheresis to obtain lymphokine-activated killer "
               "(LAK) cells 3-7 days before therapeutic craniotomy OR 4-6 weeks after therapeutic craniotomy. Patients receive "
               "cellular adoptive immunotherapy comprising aldesleukin-stimulated LAK cells intracranially at the time of "
               "therapeutic craniotomy OR via an Ommaya reservoir (placed during craniotomy) no sooner than 4-6 weeks after "
               "therapeutic craniotomy.")


def test_lymphokine_activated_killer_cells_are_a_product_of_no_cell_type() -> None:
    record = _page(title="Phase II Trial of Intralesional Adoptive Cellular Therapy of Glioblastoma With "
                         "Interleukin-2-Stimulated Lymphocytes", detailed_description=LAK_OUTLINE)
    assert _products(record) == [(None, ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, None, None)]
    assert [p.kind for p in record.cell_products] == ["lymphokine-activated-killer-cells"]
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-2", "EX_VIVO_EXPANSION")]
    # LAK cells a study measures are given to nobody
    record = _page(title="LAK Cell Activity in Patients With Melanoma",
                   brief_summary="LAK cell activity and NK cell activity are measured in the blood of patients treated with "
                                 "interferon.")
    assert _products(record) == []


def test_the_patients_leukapheresis_to_obtain_the_cells_makes_them_their_own() -> None:
    given = "Patients receive LAK cells intracranially at craniotomy."
    record = _page(title="Lymphokine-Activated Killer Cell Therapy for Glioma", detailed_description=(
        f"Patients undergo leukapheresis to obtain lymphokine-activated killer (LAK) cells. {given}"))
    assert [p.donor_types for p in record.cell_products] == [["AUTOLOGOUS"]]
    # a donor's leukapheresis is the donor's
    record = _page(title="Lymphokine-Activated Killer Cell Therapy for Glioma", detailed_description=(
        f"Donors undergo leukapheresis to obtain lymphokine-activated killer (LAK) cells. {given}"))
    assert [p.donor_types for p in record.cell_products] == [["ALLOGENEIC"]]


# meddatax.com/NCT04538313-autologous-til-il-2-medium-recurrent-hcc.txt, its study group (the excerpt ends before the
# Interventions section)
GROUP = ["High dose group", "10\\^10 TIL", "Group Type EXPERIMENTAL", "Tumor infiltrating lymphocyte",
         "Intervention Type DRUG",
         "Tumor infiltrating lymphocytes were isolated from tumor tissues from tumor biopsy or operation. These TILs were "
         "cultured in human IL-2 medium for 4 to 5 weeks. 10e9 to 10e10 TILs were yielded."]


def test_a_groups_typed_intervention_keeps_the_line_after_its_type_as_its_description() -> None:
    assert [(i.name, i.type, i.description) for i in ctgov_mirror._typed_in_arms(GROUP)] == [
        ("Tumor infiltrating lymphocyte", "DRUG", GROUP[-1])]
    # the next intervention's name, or the next group's label, is no description
    assert [i.description for i in ctgov_mirror._typed_in_arms(
        ["A", "Group Type EXPERIMENTAL", "NCR300", "Intervention Type DRUG", "NCR301", "Intervention Type DRUG"])] == [
        None, None]
    assert [i.description for i in ctgov_mirror._typed_in_arms(
        ["A", "Group Type EXPERIMENTAL", "TIL", "Intervention Type DRUG", "B", "Group Type EXPERIMENTAL"])] == [None]
    # and so the culture in IL-2 medium is read: expanded, IL-2 used to make them
    record = _page(title="A Clinical Study in Patients With High-risk Recurrent Primary Hepatocellular Carcinoma Using "
                         "Autologous TILs", arms=[Arm("High dose group", "EXPERIMENTAL", "10^10 TIL",
                                                     interventions=["Tumor infiltrating lymphocyte"])],
                   interventions=ctgov_mirror._typed_in_arms(GROUP))
    assert _products(record) == [("T", ["AUTOLOGOUS"], [], True, None, None)]
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-2", "EX_VIVO_EXPANSION")]
    assert [[(d.minimum, d.maximum, d.arm) for d in p.doses] for p in record.cell_products] == [
        [(1e10, 1e10, "High dose group")]]


def test_the_held_out_pages_words_in_records_of_their_own_give_the_products() -> None:
    # the SNK01 page's sentence, in a record of one NK product
    record = _page(title="SNK_ASTER: A Study to Evaluate the Safety and Anti-tumor Activity of SNK01 (NK Cells) Administered "
                         "in Combination With Chemotherapy",
                   brief_summary="The subjects allotted to each cohort are administered with the SNK01 manufactured from "
                                 "peripheral blood mononuclear cells total 8 times over a period of about 10 weeks.")
    assert _products(record) == [("NK", [], ["PERIPHERAL_BLOOD"], None, None, 8)]


# --- 4. Cells' engraftment and expansion in the patient -------------------------------------------------------------------

def test_engraftment_and_expansion_in_the_patient_is_no_making() -> None:
    # "ATHENA CAR-T (ET-901): autologous chimeric antigen receptor T-cell therapy ... Fludarabine (...) and
    # Cyclophosphamide (...): lymphodepleting chemotherapy to enhance CAR‑T engraftment/expansion."
    summary = ("ATHENA CAR-T (ET-901): autologous chimeric antigen receptor T-cell therapy (biologic/cell therapy). "
               "Fludarabine and Cyclophosphamide: lymphodepleting chemotherapy to enhance CAR-T engraftment/expansion.")
    assert [row[3] for row in _products(_page(brief_summary=summary))] == [None]
    # cells grown before they are given are expanded
    made = "Autologous CAR-T cells expanded ex vivo are infused to enhance engraftment."
    assert [row[3] for row in _products(_page(brief_summary=made))] == [True]


# --- 5. Mesenchymal stem cells evaluated in patients ------------------------------------------------------------------------

def test_mesenchymal_cells_whose_safety_is_evaluated_in_patients_are_given() -> None:
    # "The aim of this study was to verify the safety and efficacy of allogeneic mesenchymal stem cells from healthy
    # donors in RRI patients." (meddatax.com NCT05939778)
    text = ("The aim of this study was to verify the safety and efficacy of allogeneic mesenchymal stem cells from healthy "
            "donors in RRI patients.")
    assert [(p.kind, p.donor_types) for p in _page(detailed_description=text).cell_products] == [
        ("mesenchymal-stromal-cells", ["ALLOGENEIC"])]
    # the cells' safety without people they are given to is no giving
    bench = "Earlier work showed the safety and efficacy of mesenchymal stem cells in animal models of colitis."
    assert _page(detailed_description=bench).cell_products == []


# --- cell types --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kinds"), [
    # meddatax.com NCT06161545: "Pembrolizumab + N-803 Alone or in Combination With PD-L1 t-haNK Cells". The haNK family
    # (high-affinity NK cells of the NK-92 line) are NK cells; the contract's CAR_NK is for a product said to carry a CAR
    # (or chimeric antigen receptor), and this page says neither "CAR" nor "NK-92": NK, no cell line, no modification,
    # as the text gives (that the PD-L1 t-haNK carries a CAR is knowledge from outside the page, and a gold question).
    ("Pembrolizumab + N-803 Alone or in Combination With PD-L1 t-haNK Cells for Resectable Head and Neck Squamous Cell "
     "Carcinoma", ["NK"]),
    ("Some participants will also receive PD-L1 t-haNK cells by intravenous infusion.", ["NK"]),
    ("QUILT-3.064: PD-L1 t-haNK in Subjects With Locally Advanced or Metastatic Solid Cancers", ["NK"]),
    # a CAR said of them is a CAR-NK product
    ("haNK cells engineered to express a chimeric antigen receptor (CAR) against PD-L1", ["CAR_NK"]),
    # the cells' wash, Hank's balanced salt solution, in its own lower case, is none
    ("Cells were washed in Hank's balanced salt solution (HBSS)", []),
    # "SARS-CoV-2 Specific CTLs are a type of immune cells that are made from donated blood cells grown in the laboratory"
    # (cancer.gov NCT04742595); a CTL response is measured, not given
    ("SARS-CoV-2 Specific CTLs are a type of immune cells that are made from donated blood cells", ["T"]),
    ("CMV-specific CTL responses were measured by ELISpot", []),
    ("The frequency of EBV-specific CTLs will be measured after the transplant", []),
])
def test_cell_products_named_by_their_family_or_abbreviation(text: str, kinds: list[str]) -> None:
    assert _cell_types(text) == kinds


def test_the_t_hank_product_and_its_n803_given_under_the_skin() -> None:
    # meddatax.com NCT06161545: "Pembrolizumab is given through a tube attached to a needle inserted into a vein in the arm
    # (intravenous infusion). N-803 is injected under the skin of the abdomen." / "Some participants will also receive
    # PD-L1 t-haNK cells by intravenous infusion. These are cells that attack cancer cells. These participants will
    # receive this treatment on days 1, 5, 8, 12, and 15."
    record = holdout9_record("meddatax.com", "NCT06161545")
    assert [(p.cell_type, p.donor_types, p.tissue_sources, p.genetically_modified, p.infusions)
            for p in record.cell_products] == [("NK", [], [], None, 5)]
    assert [(c.cytokine, c.role, c.route, c.number_of_doses, c.days) for c in record.cytokines] == [
        ("IL-15", "IN_VIVO_SUPPORT", "SUBCUTANEOUS", 1, "day 1")]


@pytest.mark.parametrize(("after", "doses"), [
    # meddatax.com NCT06161545: the sentence after those naming each drug gives them all on one day
    ("All participants will receive these 2 treatments on day 1.", 1),
    ("All participants will receive these 2 treatments on days 1 and 8.", None),
    ("All participants will receive these 2 treatments on day 1 of each cycle.", None),
])
def test_the_treatments_just_named_given_on_one_day_are_one_dose(after: str, doses: int | None) -> None:
    record = _page(title="Pembrolizumab + N-803 Alone or in Combination With PD-L1 t-haNK Cells",
                   brief_summary="N-803 is injected under the skin of the abdomen. " + after)
    assert [(c.cytokine, c.number_of_doses) for c in record.cytokines] == [("IL-15", doses)]


@pytest.mark.parametrize(("text", "expected"), [
    ("N-803 is injected under the skin of the abdomen.", "SUBCUTANEOUS"),
    ("IGF-1 is an injection under the skin that contains human IGF-1.", "SUBCUTANEOUS"),  # tests/data/ctgov-json NCT01525901
    ("The tumour had spread under the skin of the chest.", None),
])
def test_under_the_skin_is_subcutaneous(text: str, expected: str | None) -> None:
    assert route(text) == expected


# --- where the cells come from, and their making, in plain words -------------------------------------------------------

def test_cells_made_from_donated_blood_grown_in_the_laboratory() -> None:
    # cancer.gov NCI-2020-13875 (NCT04742595)
    record = holdout9_record("cancer.gov", "NCT04742595")
    assert [(p.cell_type, p.donor_types, p.tissue_sources, p.ex_vivo_expanded) for p in record.cell_products] == [
        ("T", ["ALLOGENEIC"], ["PERIPHERAL_BLOOD"], True)]


def test_a_graft_of_donated_blood_stem_cells_is_no_source_of_blood() -> None:
    record = _page(title="Virus-specific T cells after a transplant",
                   brief_summary="Patients will receive virus-specific T cells after a transplant of donated blood stem "
                                 "cells.", interventions=[Intervention("virus-specific T cells", "BIOLOGICAL")])
    assert [p.tissue_sources for p in record.cell_products] == [[]]


def test_the_plain_english_approach_called_specific_t_lymphocytes_is_the_trials_product() -> None:
    # stellatrials.com NCT04896606: "This study is testing a new approach called SARS-CoV-2-specific cytotoxic T lymphocytes
    # (immune cells trained to fight the COVID-19 virus) ... The immune cells come from a family member who has already
    # recovered from COVID-19"; "up to 5 times" is a bound, no count
    record = holdout9_record("stellatrials.com", "NCT04896606")
    assert [i.name for i in record.interventions] == ["SARS-CoV-2-specific cytotoxic T lymphocytes"]
    assert [(p.cell_type, p.donor_types, p.infusions) for p in record.cell_products] == [("T", ["ALLOGENEIC"], None)]


def test_pbmcs_separated_from_peripheral_blood_and_made_into_the_cells() -> None:
    # trial.medpath.com NCT04008381: "PBMCs will be separated from peripheral blood of suitable donors. After making them
    # potential cancer killer γδ T Cells, they will be infused to the patients as an immunotherapy treatment."
    record = holdout9_record("trial.medpath.com", "NCT04008381")
    assert [(p.cell_type, p.donor_types, p.tissue_sources, p.ex_vivo_expanded) for p in record.cell_products] == [
        ("T", ["ALLOGENEIC"], ["PERIPHERAL_BLOOD"], True)]


# --- a study that says it is observational, no treatment, gives no cells ------------------------------------------------

def test_an_observational_study_of_people_receiving_car_t_therapy_gives_no_product() -> None:
    # curemydisease.com NCT05397132: "This study tracks 50 people with blood cancers who are receiving CAR T therapy.
    # Researchers will take blood samples over time ... This is an observational study, not a new treatment."
    record = holdout10_record("curemydisease.com", "NCT05397132")
    assert "receiving CAR T therapy" in record.brief_summary
    assert record.cell_products == [] and record.regimens == [] and record.cytokines == []


@pytest.mark.parametrize("summary", [
    # the same page's words, and its "What could go wrong"
    "This study tracks 50 people with blood cancers who are receiving CAR T therapy. This is an observational study, not "
    "a new treatment.",
    "This study tracks 50 people with blood cancers who are receiving CAR T therapy. This is an observational study, not "
    "a treatment trial.",
    # bereflected.org/clinical-trials/listings/338552 (its words; the cells named here for the test)
    "This study is for people who received CAR T cells. Study involves observation and data collection; no treatment is "
    "provided.",
], ids=["not-a-new-treatment", "not-a-treatment-trial", "no-treatment-is-provided"])
def test_a_study_that_says_it_is_observational_and_no_treatment_gives_no_product(summary: str) -> None:
    assert _page(title="Relapse after CAR T", brief_summary=summary).cell_products == []


def test_an_observational_study_that_infuses_cells_still_gives_them() -> None:
    # tests/data/therapy-holdout4, ClinicalTrials.gov NCT01498055: registered "Observational", its purpose "To study the
    # efficacy and safety of autologous CIK cells infusion for the treatment of lung cancer" (the gold has its product);
    # it never says it is no treatment
    record = holdout10_record("clinicaltrials.gov", "NCT01498055", HOLDOUT4)
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("CIK", ["AUTOLOGOUS"])]


def test_an_observational_count_of_exhausted_t_cells_gives_nothing() -> None:
    # ClinicalTrials.gov NCT04470323: "our prospective, observational study is to count T cells in patients with
    # laboratory-confirmed COVID-19"
    record = holdout10_record("clinicaltrials.gov", "NCT04470323")
    assert record.cell_products == [] and record.regimens == [] and record.cytokines == []


# --- where the cells come from, said in other words -------------------------------------------------------------------

def test_til_generated_from_the_participants_resected_tumour_are_autologous() -> None:
    # meddatax.com NCT04052334, its study group: "Participants will undergo tumor resection from which the tumor
    # infiltrating lymphocyte (TIL) product will be generated." (the page never says "autologous")
    record = holdout10_record("meddatax.com", "NCT04052334")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("T", ["AUTOLOGOUS"])]


@pytest.mark.parametrize(("sentence", "donors"), [
    ("Participants will undergo tumor resection from which the tumor infiltrating lymphocyte (TIL) product will be "
     "generated.", ["AUTOLOGOUS"]),
    ("Patients will undergo leukapheresis from which the NK cells will be expanded.", ["AUTOLOGOUS"]),
    # a resection that is the trial's surgery, the cells given after it, says nothing of whose the cells are
    ("Patients will undergo tumor resection, after which NK cells will be infused.", []),
], ids=["tumour-resection-from-which-til", "leukapheresis-from-which-nk", "resection-after-which"])
def test_the_participants_tissue_the_product_is_made_from(sentence: str, donors: list) -> None:
    [product] = _page(title="Cells after resection", arms=[], interventions=[],
                      brief_summary=sentence).cell_products or [None]
    assert product is not None and product.donor_types == donors


def test_stem_cells_from_donated_umbilical_cords_in_three_monthly_infusions() -> None:
    # curemydisease.com NCT03186456: "This early-stage trial tests whether stem cells from donated umbilical cords are safe
    # for people who recently had a stroke. Forty participants will receive three monthly infusions of the cells along
    # with standard aspirin therapy." and "Active substance" / "human umbilical cord-derived mesenchymal stem cells"; the
    # title's "Cord blood stem cells" is not read as the tissue (the gold leaves it empty)
    record = holdout10_record("curemydisease.com", "NCT03186456")
    assert [(p.cell_type, p.donor_types, p.tissue_sources, p.infusions) for p in record.cell_products] == [
        (None, ["ALLOGENEIC"], [], 3)]


@pytest.mark.parametrize(("summary", "given"), [
    # the heading of a plain-language page names the trial's product
    ("Forty participants will take part. Active substance human umbilical cord-derived mesenchymal stem cells.", True),
    # umbilical cord stem cells only spoken of: no product
    ("Researchers will measure stem cells from donated umbilical cords in the laboratory.", False),
], ids=["active-substance", "measured"])
def test_the_active_substance_of_a_page_is_given(summary: str, given: bool) -> None:
    assert bool(_page(title="Stroke study", brief_summary=summary).cell_products) is given


# --- wordings from the misses tests/data/therapy-holdout25/README.md lists --------------------------------------------

# trial.medpath.com/NCT03559764-anti-bcma-car-t-multiple-myeloma.txt, its detailed description
BCMA_MADE = ("After a patient enrolls,leukapheresis will be performed to obtain peripheral blood mononuclear cells which will "
             "be sent to a manufacturing site to produce anti- BCMA CAR T cells. The cells will then be returned to the "
             "investigational site and, after a standard chemotherapy based conditioning regimen, will be administered to "
             "the patient.")


def test_car_t_cells_made_from_the_patients_leukapheresis_are_autologous() -> None:
    record = _page(title="Study of BCMA CAR-T in Multiple Myeloma", detailed_description=BCMA_MADE,
                   interventions=[Intervention("Anti-BCMA CAR T cells", "BIOLOGICAL")])
    assert [(p.cell_type, p.donor_types, p.tissue_sources) for p in record.cell_products] == [
        ("CAR_T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"])]
    # the patient's leukapheresis in the plain forms, made into the cells
    record = _page(title="CD19 CAR T cells in ALL",
                   detailed_description="The patient's leukapheresis product will be transduced to make the CAR T cells.")
    assert [p.donor_types for p in record.cell_products] == [["AUTOLOGOUS"]]


def test_a_regimen_named_by_its_purpose_keeps_the_texts_qualifiers() -> None:
    assert _regimens(title="Study of BCMA CAR-T in Multiple Myeloma", detailed_description=BCMA_MADE) == [
        ("standard chemotherapy based conditioning regimen", "LYMPHODEPLETION")]
    # the plain name stays as the text gives it, and a drug-based regimen is still its drugs
    assert _regimens(title="CD19 CAR T cells", detailed_description="CAR T cells will be given after a conditioning "
                                                                     "regimen.") == [("conditioning regimen", "LYMPHODEPLETION")]
    assert _regimens(title="CD19 CAR T cells", detailed_description="CAR T cells will be given after a fludarabine-based "
                                                                     "conditioning regimen.") == [
        ("fludarabine", "LYMPHODEPLETION")]


# --- pages from the misses tests/data/pages-holdout-gold/README.md lists ----------------------------------------------

def test_misspelt_mesenchymal_stem_cells_are_the_products_and_its_doses_are_read() -> None:
    record = therapy_page(
        title="Clinical Study of Umbilical Cord Mesenchymal Stem Cells (UC-MSC) for Treatment of Knee Osteoarthritis",
        brief_summary="Intraarticular injection of 2×10~7 Umbilical-cord mesenchimal stem cells with plateler Rich "
                      "Plasma(5ml).")
    assert [(d.minimum, d.unit) for p in record.cell_products for d in p.doses] == [(2e7, "{cells}")]


def test_bone_marrow_mononuclear_cells_given_are_an_autologous_bone_marrow_product() -> None:
    # WHO ICTRP NCT02241395 (pages-holdout)
    record = therapy_page(title="Cell Therapy as Treatment for Cerebral Palsy",
                          official_title="Autologous Bone Marrow Mononuclear Cell Therapy in Cerebral Palsy")
    assert product_rows(record) == [(None, ["AUTOLOGOUS"], ["BONE_MARROW"], None, None, None)]
    assert record.cell_products[0].kind == "bone-marrow-mononuclear-cells"
    # an autologous bone marrow transplant is a graft, whose donor says nothing of the cells given after it
    record = therapy_page(title="NK Cells Given After Autologous Bone Marrow Transplantation")
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == [("NK", [])]


def test_cells_named_as_the_vaccine_given_are_its_product() -> None:
    # clinicaltrialsregister.eu 2009-009879-35 (pages-holdout): the results page's title in capitals
    record = therapy_page(title="PROSPECTIVE, PHASE II CLINICAL TRIAL TO EVALUATE EFFICACY AND SAFETY OF AUTOLOGOUS "
                                "DENDRITIC CELL VACCINATION IN GLIOBLASTOMA MULTIFORME PATIENTS AFTER COMPLETE SURGICAL "
                                "RESECTION WITH FLUORESCENCE MICROSCOPE")
    assert product_rows(record) == [(None, ["AUTOLOGOUS"], [], None, None, None)]
    # a vaccine's effect on dendritic cells gives none
    assert therapy_page(title="Influenza Vaccination and Dendritic Cells in Elderly Volunteers").cell_products == []


# --- pages from the misses tests/data/pages-holdout3-gold/README.md lists ---------------------------------------------

def test_mononuclear_cells_counted_are_no_product_and_only_the_times_of_intervention_count() -> None:
    record = therapy_page(title="Development of cell therapy for Salivary gland regeneration",
                          interventions=[Intervention("Saline injection")],
                          brief_summary="PB-MNC counts were measured before and after radiotherapy.")
    assert record.cell_products == []
    assert infusion_count("Intervention period: 1-year Number of times of intervention: 1 time") == 1
    assert infusion_count("Number of times of visits: 3 times") is None


# --- after: the pages-holdout corpus's misses (pages-holdout2), the cells' source -------------------------------------

def test_t_cells_removed_from_the_blood_to_be_modified_come_from_peripheral_blood() -> None:
    # cancer.gov NCI-2018-00983 (tests/data/pages, NCT03434769): the NCI's summary sentence
    summary = ("This phase I trial studies the side effects and best dose of autologous anti-CD19 CAR-CD3zeta-4-1BB-expressing "
               "T-cells (antiCD9 chimeric antigen receptor T-cells) when given together with chemotherapy in treating "
               "patients with CD19 positive non-Hodgkin lymphoma. Therapy with antiCD9 chimeric antigen receptor T-cells "
               "works by removing T cells from the blood and modifying them to be able to target cancer.")
    record = therapy_page(title="Anti-CD19 CAR T-Cells in Treating Patients With Non-Hodgkin Lymphoma", brief_summary=summary)
    assert product_rows(record) == [("CAR_T", ["AUTOLOGOUS"], ["PERIPHERAL_BLOOD"], None, True, None)]
    # something else removed from the blood is no source of the cells
    other = summary.replace("works by removing T cells from the blood", "works by removing antibodies from the blood")
    assert product_rows(therapy_page(title="Anti-CD19 CAR T-Cells in Treating Patients With Non-Hodgkin Lymphoma",
                                     brief_summary=other))[0][2] == []


# --- after: the pages-holdout corpus's misses (pages-holdout2), feeder cells ------------------------------------------

def test_artificial_antigen_presenting_cells_the_product_is_expanded_on_are_its_feeder_cells() -> None:
    # cancer.gov NCI-2021-09278 (tests/data/pages, NCT05015426): the objectives name the product by its feeder cells
    objective = ("To determine the maximal tolerated dose (MTD) of artificial antigen presenting cell (AAPC)-expanded donor "
                 "gamma delta T-cells administered after allogeneic hematopoietic cell transplantation (alloHCT) as a single "
                 "infusion to patients with adverse risk acute myeloid leukemia (AML).")
    (product,) = therapy_page(title="Gamma Delta T-Cells for Acute Myeloid Leukemia", brief_summary=objective).cell_products
    assert product.feeder_cells == "artificial antigen presenting cell (AAPC)"
    # antigen-presenting cells that are no artificial feeder (a patient's dendritic cells) are none
    other = objective.replace("artificial antigen presenting cell (AAPC)-expanded", "APC-expanded")
    (product,) = therapy_page(title="Gamma Delta T-Cells for Acute Myeloid Leukemia", brief_summary=other).cell_products
    assert product.feeder_cells is None


# --- therapy-holdout28/README.md: a release's CAR-T named by its donors, a PDQ record's TIL, a summary's experiments ---

# wallstreet-online.de/NCT04035434-ctx110-allogeneic-car-t-flu-cy-news.txt: a release that names its product by its code
# alone, and its kind and donor only where it speaks of the donors
CTX110 = ("Patients were infused with CTX110 following three days of lymphodepletion using fludarabine (30mg/m2/day) and "
          "cyclophosphamide (500mg/m2/day). The primary endpoints include safety as measured by the incidence of dose "
          "limiting toxicities (DLTs) and overall response rate.\nNo DLTs were observed. There were no cases of "
          "Graft-vs-Host Disease (GvHD) despite high HLA-mismatch between allogeneic CAR-T donors and patients. No infusion "
          "reactions to either lymphodepleting chemotherapy or CTX110 were observed.")


def test_cells_whose_donors_are_mismatched_with_the_patients_are_given_to_them() -> None:
    record = therapy_page(identifiers=[], detailed_description=CTX110)
    assert product_rows(record) == [("CAR_T", ["ALLOGENEIC"], [], None, True, None)]
    assert [(r.name, r.purpose) for r in record.regimens] == [("fludarabine and cyclophosphamide", "LYMPHODEPLETION")]


def test_a_mismatch_of_a_grafts_donors_or_of_donors_alone_gives_no_cells() -> None:
    # (left alone) the donors of a transplant, the cells a sentence names elsewhere; donors with no cells named before them
    assert _given_cell_types("NK cell alloreactivity depends on the KIR mismatch between stem cell donors and patients.") == []
    assert _given_cell_types("CAR-T responses were studied; HLA mismatch between donors and patients was high.") == []
    record = therapy_page(identifiers=[], detailed_description=CTX110.replace("allogeneic CAR-T donors", "donors"))
    assert record.cell_products == [] and record.regimens == []


# webarchive.library.unt.edu/NCI-86-C-183E-til-il-2-cyclophosphamide-pdq-1986.txt: cancer.gov's PDQ record, 2008
PDQ_TITLE = ("Phase I/II Chemoimmunotherapy with IL-2/CY, plus Tumor Infiltrating Lymphocytes in Selected Patients and "
             "alpha-Interferon in Some Patients, in Treatment of Advanced Refractory Cancer")
PDQ_OBJECTIVES = ("Objectives: I. Evaluate the toxicity and therapeutic efficacy of interleukin-2/cyclophosphamide in patients "
                  "with advanced cancer. II. Evaluate the toxicity and therapeutic efficacy of infusing tumor infiltrating "
                  "lymphocytes (TIL), when available from freshly resected tumor, into selected patients. III. Mark and "
                  "follow the in vivo distribution and survival of TIL in order to gain knowledge that should assist in "
                  "optimizing the use of autologous lymphocytes as immunotherapy vehicles. IV. Evaluate the feasibility "
                  "and safety of retroviral-mediated gene transfer using a marker gene in order to gain knowledge that "
                  "should assist in augmenting TIL immunotherapy by the introduction of therapeutic genes.")


def test_a_retroviral_gene_transfer_into_the_cells_modifies_them_and_a_drug_after_il2_is_its_chemotherapy() -> None:
    record = therapy_page(identifiers=[], title=PDQ_TITLE, detailed_description=PDQ_OBJECTIVES)
    assert product_rows(record) == [("T", ["AUTOLOGOUS"], [], None, True, None)]
    assert [(c.cytokine, c.role) for c in record.cytokines] == [("IL-2", "IN_VIVO_SUPPORT")]
    assert [(r.components, r.purpose) for r in record.regimens] == [(["cyclophosphamide"], "CHEMOTHERAPY")]


def test_gene_transfer_without_a_retrovirus_and_two_cytokines_by_a_slash_are_left_alone() -> None:
    # (left alone) a gene transfer the text does not say is made by a retrovirus; two cytokines joined by a slash
    record = therapy_page(identifiers=[], title=PDQ_TITLE.replace("IL-2/CY", "IL-2/IL-15"),
                          detailed_description=PDQ_OBJECTIVES.replace("retroviral-mediated gene transfer", "gene transfer")
                          .replace("interleukin-2/cyclophosphamide", "interleukin-2"))
    assert product_rows(record) == [("T", ["AUTOLOGOUS"], [], None, None, None)]
    assert record.regimens == []


# clinicaltrials.gov/ct2-show-NCT01868490-modified-autologous-cik-solid-tumors-siriraj.txt: the laboratory's findings,
# "after the co-culture", are no making of this trial's cells
CIK_TITLE = "The Adoptive Immunotherapy for Solid Tumors Using Modified Autologous Cytokine-induced Killer Cells"
CIK_EXPERIMENTS = ("Experiments to block the MHC class-I and -II pathways on tumors-RNA transfected DCs showed that only MHC "
                   "class-I blocking led to a significant reduction of heterogeneous CIK cells cytotoxicity after the "
                   "co-culture.")


def test_what_experiments_showed_is_no_making_of_the_trials_cells() -> None:
    record = therapy_page(identifiers=[], title=CIK_TITLE, brief_summary=CIK_EXPERIMENTS)
    assert product_rows(record) == [("CIK", ["AUTOLOGOUS"], [], None, None, None)]
    # (left alone) the trial's own culture, said of what will be done
    record = therapy_page(identifiers=[], title=CIK_TITLE, brief_summary="CIK cells will be expanded in culture for "
                          "14 days and then infused. " + CIK_EXPERIMENTS)
    assert product_rows(record) == [("CIK", ["AUTOLOGOUS"], [], True, None, None)]


# --- pages held-out 7 (tests/data/pages-holdout7) ---------------------------------------------------------------------

NIPH_SHEETS = HOLDOUT7 / "rctportal.niph.go.jp" / "jRCTa030240663-allogeneic-chondrocyte-sheets-knee.txt"
UMIN_SHEETS = HOLDOUT7 / "umin.ac.jp" / "UMIN000006650-chondrocyte-sheets-knee-cartilage.txt"
ISRCTN_CD133 = HOLDOUT7 / "isrctn.com" / "ISRCTN71717097-cd133-stem-cells-lv-restoration.txt"
MEDDATAX_FISTULA = HOLDOUT7 / "meddatax.com" / "NCT06429241-th-sc01-uc-msc-perianal-fistula.txt"


def test_cell_sheets_implanted_are_a_product():
    # rctportal.niph.go.jp jRCTa030240663: "Allogeneic cell sheet implantation on cartilage defects"; umin.ac.jp
    # UMIN000006650: "Chondrocyte sheets are fabricated using temperature-responsive culture dish, and to be transplanted
    # to the cartilage defect of the knee joint"
    niph, umin = (describe_therapy(saved_page(path, enriched=False)) for path in (NIPH_SHEETS, UMIN_SHEETS))
    assert [(p.kind, p.donor_types, p.ex_vivo_expanded) for p in niph.cell_products] == [("cell-sheets", ["ALLOGENEIC"], None)]
    assert [(p.kind, p.ex_vivo_expanded) for p in umin.cell_products] == [("cell-sheets", True)]
    # ISRCTN's "Study type Participant information sheet" and a data sheet are no cells
    assert therapy_page(title="A trial of aspirin", interventions=[Intervention("Participant information sheet")],
                        brief_summary="Data will be entered on a case report sheet and a cell culture sheet.").cell_products == []


def test_cd133_stem_cells_transplanted_into_the_tissue_they_treat():
    # isrctn.com ISRCTN71717097: "The aim of this study is to determine the effects of CD133+ autologous stem cells
    # transplantation in and around asynergic non-viable left ventricular (LV) segments in patients with …"
    products = describe_therapy(saved_page(ISRCTN_CD133, enriched=False)).cell_products
    assert [(p.kind, p.donor_types) for p in products] == [("cd34-cd133-stem-cells", ["AUTOLOGOUS"])]
    # a transplant of CD34+ stem cells in patients is the patients' graft, no product
    assert therapy_page(title="A study of aspirin", brief_summary="Aspirin after CD34+ autologous stem cell transplantation "
                        "in patients with myeloma.").cell_products == []


def test_cells_named_by_a_group_whose_description_gives_them():
    # meddatax.com NCT06429241's one group: "MSCs treatment group" / "Intralesional injection of expanded human umbilical
    # cord-deri" (cut by the page)
    products = describe_therapy(saved_page(MEDDATAX_FISTULA, enriched=False)).cell_products
    assert [(p.cell_type, p.donor_types, p.ex_vivo_expanded) for p in products] == [(None, [], True)]
    # a group named so whose description gives nothing
    assert therapy_page(title="Follow-up of fistula patients", arms=[Arm("MSC group", description="Follow-up visits only")]
                        ).cell_products == []


# --- wordings from the misses tests/data/therapy-holdout29/README.md lists --------------------------------------------

def test_a_memory_t_cell_infusion_beside_a_car_t_is_a_product_of_its_own() -> None:
    # meddatax.com NCT07087847: the CAR-T and the memory T cells, two infusions of two kinds (as a DLI beside a CAR-T is)
    title = ("Ex Vivo T-Cell-Depleted Haploidentical Transplantation Bridging With Chimeric Antigen Receptor T-cell Therapy "
             "and Prophylactic Memory T Cell Infusion for Acute Leukemia")
    assert [row[0] for row in product_rows(therapy_page(title=title))] == ["CAR_T", "T"]
    assert _cell_types("This protocol further incorporates prophylactic CD45RO+ memory T-cell (Tm) infusion to: Minimize "
                       "graft-versus-host disease (GVHD) risks") == ["MEMORY_T"]
    # plain T cells beside the CAR are its own cells (one product named two ways), memory T cells it is made from too, and
    # memory T cells measured are none
    about = ("Autologous T cells are transduced with a CD19 CAR and infused. CAR T cells made from central memory T cells "
             "persist longer; memory T cell responses are measured.")
    assert product_rows(therapy_page(title="CD19 CAR-T cells in leukemia", brief_summary=about)) == [
        ("CAR_T", [], [], None, True, None)]
    assert product_rows(therapy_page(title="Memory T cell responses after vaccination")) == []
