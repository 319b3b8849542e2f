"""How registry records (ClinicalTrials.gov API v2 JSON) say a thing, from the gaps of s23-registry's corpora.

tests/data/ctgov-therapy-holdout (real records that give cells, with gold) stays a measure: the tests quote its
records' words in study objects of their own. tests/data/ctgov-negative (real records that give no cells) is read as
it is. Each rule is tested on the record's words and on a nearby wording it must leave alone.
"""

from __future__ import annotations

import json
import zipfile
from typing import Any

from conftest import TESTS

from kg.enrich import enrich
from kg.model.records import TrialRecord
from kg.read import read_bytes

NEGATIVE = TESTS / "data" / "ctgov-negative" / "studies.zip"


def _read(data: bytes, name: str) -> TrialRecord:
    """One registry study as a build reads it: the JSON reader's record, enriched."""
    (record,) = read_bytes(data, name)
    assert isinstance(record, TrialRecord)
    return enrich(record)


def _negative(nct: str) -> TrialRecord:
    """A study of the negative corpus, read as a build reads it."""
    with zipfile.ZipFile(NEGATIVE) as archive:
        return _read(archive.read(f"{nct}.json"), f"{nct}.json")


def _study(nct: str, title: str, *, summary: str = "", description: str = "", arms: list[dict[str, Any]] = (),
           interventions: list[dict[str, Any]] = (), keywords: list[str] = ()) -> TrialRecord:
    """A study object of the registry's shape holding the quoted words, read as a build reads it."""
    protocol = {"identificationModule": {"nctId": nct, "briefTitle": title},
                "descriptionModule": {"briefSummary": summary, "detailedDescription": description},
                "conditionsModule": {"conditions": ["Leukemia"], "keywords": list(keywords)},
                "armsInterventionsModule": {"armGroups": list(arms), "interventions": list(interventions)}}
    return _read(json.dumps({"protocolSection": protocol}).encode(), f"{nct}.json")


# --- a transplant no cells are given with: its conditioning is no regimen ----------------------------------------

def test_a_transplant_only_study_has_no_regimen() -> None:
    # tests/data/ctgov-negative NCT01949129, "Allogeneic Stem Cell Transplantation for Children and Adolescents With Acute
    # Lymphoblastic Leukaemia", its interventions "Drug: Treosulfan", "Drug: Thiotepa", "Radiation: TBI", ...: read before
    # as six CONDITIONING rows; and NCT05739630 "M-PTCy vs BuCy in Haploidentical HSCT for Acute Leukemia"
    for nct in ("NCT01949129", "NCT04547049", "NCT04747912", "NCT05589896", "NCT05739630", "NCT06111625"):
        record = _negative(nct)
        assert (record.cell_products, record.regimens) == ([], []), nct


def test_a_transplant_with_cells_keeps_its_conditioning() -> None:
    # the same transplant with donor CAR T cells (NCT05507827's title): the conditioning is a regimen around the cells
    record = _study("NCT00000001", "Safety of Myeloablative Conditioning, Orca-T, and Allogeneic, Donor-Derived CD19/CD22-CAR "
                    "(Chimeric Antigen Receptor) T Cells in Adults With B-cell Acute Lymphoblastic Leukemia (ALL)",
                    summary="To assess the safety of administering allogenic, donor-derived CD19/CD22-CAR T cells that meet "
                            "established release specifications in adults with B-cell ALL following a myeloablative "
                            "conditioning regimen and Orca-T.")
    assert [p.cell_type for p in record.cell_products] == ["CAR_T"]
    assert {r.purpose for r in record.regimens} == {"CONDITIONING"}
