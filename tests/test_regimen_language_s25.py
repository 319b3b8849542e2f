"""Regimens as trial texts name them: the s25 pass over every regimens mismatch of the therapy corpora (issue 17).

Each rule with the real page's or record's words (the page named, in the repository) and a nearby wording it must leave
alone. The held-out pages stay a measure: their words are quoted in records of their own, the golds unchanged.
"""

from __future__ import annotations

from typing import Any

from conftest import therapy_page as _page

from kg.model.records import Criterion


def _regimens(**fields: Any) -> list[tuple[str, str | None]]:
    return [(r.name, r.purpose) for r in _page(**fields).regimens]


CAR_T_TITLE = "CD19 CAR-T Cell Therapy in Refractory Membranous Nephropathy"

# --- a drug a bracket adds to the regimen where needed ------------------------------------------------------------------

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
