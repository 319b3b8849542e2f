"""How trial texts say a thing, from the kinds of error the twentieth held-out corpus showed
(tests/data/therapy-holdout20/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout20/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in pages and records of their own, and the gold is unchanged.
"""

from __future__ import annotations

import pytest
from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.enrich.therapy.cell_kinds import _cell_types
from kg.enrich.therapy.schedules import infusion_count
from kg.model.records import Arm, Intervention


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
