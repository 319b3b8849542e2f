"""Regimens as trial texts name them (issue 17): each rule with the page's wording and, where one was found, a second
real source's. Where a text does not say what a regimen is for, its purpose stays empty (None), never guessed.
"""

from __future__ import annotations

from typing import Any

from kg.enrich.therapy import describe_therapy
from kg.model.records import Intervention, SourceDocument, TrialRecord


def _record(**fields: Any) -> TrialRecord:
    fields.setdefault("source", SourceDocument("t.json", "0" * 64, "ctgov_api_v2"))
    return describe_therapy(TrialRecord(**fields))


def _page(**fields: Any) -> TrialRecord:
    return _record(source=SourceDocument("t.txt", "0" * 64, "generic"), **fields)


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
    record = _record(title="Combining Chemotherapy, Tacrolimus, Mycophenolate Mofetil, and Radiation Therapy With Donor "
                           "Bone Marrow Transplantation in Treating Patients With Hematologic Cancer",
                     interventions=[Intervention("tacrolimus", "DRUG"), Intervention("mycophenolate mofetil", "DRUG"),
                                    Intervention("MMF", "DRUG"), Intervention("cyclosporine", "DRUG")])
    assert [purpose for _, purpose in _rows(record)] == [None, None, None, None]


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
