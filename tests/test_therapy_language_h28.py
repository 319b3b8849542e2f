"""How trial texts say a thing, from the misses tests/data/therapy-holdout28/README.md lists (issue 17).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout28/pages) and on a nearby wording the rule must leave alone. The held-out pages stay a
measure: the tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from conftest import product_rows, therapy_page

from kg.enrich.therapy.giving_cues import _given_cell_types

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


# meddatax.com/NCT00698009-results-haploidentical-nk-flu-cy-il-2-neuroblastoma.txt: the arm's steps, one a sentence
NK_ARM = ("Fludarabine 25 mg/m^2 intravenous (IV) Daily Over 30 minutes Starting 6 days before the NK cell infusion "
          "(considered Day -6) and once a day through Day -2. Cyclophosphamide 60 mg/kg IV Daily Over 2 Hours On Days -5 and "
          "-4. Natural Killer Cell Infusion on Day 0.")


def test_the_cells_infusion_named_with_its_one_day_is_one_infusion() -> None:
    title = "Haploidentical Natural Killer (NK) Cells in Patients With Relapsed or Refractory Neuroblastoma"
    record = therapy_page(identifiers=[], title=title, detailed_description=NK_ARM)
    assert product_rows(record) == [("NK", ["HAPLOIDENTICAL"], [], None, None, 1)]
    # (left alone) two days
    record = therapy_page(identifiers=[], title=title, detailed_description=NK_ARM.replace("on Day 0.", "on Day 0 and Day 7."))
    assert product_rows(record) == [("NK", ["HAPLOIDENTICAL"], [], None, None, None)]
