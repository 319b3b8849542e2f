"""How trial texts say a thing, from the kinds of error the fifteenth held-out corpus showed
(tests/data/therapy-holdout15/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout15/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from conftest import product_rows as _products
from conftest import therapy_page as _page

from kg.model.records import TrialRecord


def _regimens(record: TrialRecord) -> list[tuple]:
    return [(r.name, r.purpose) for r in record.regimens]


# --- regimens -------------------------------------------------------------------------------------------------------

def test_lymphodepletion_conditioning_without_drugs_is_a_lymphodepletion() -> None:
    # clinicaltrialcompass.org/NCT07535138-cd19-car-gamma-delta-t-autoimmune-nephropathy.txt
    record = _page(title="Efficacy and Safety of CD19 CAR-γδ T Cells in the Treatment of Relapsed/Refractory Autoimmune "
                         "Nephropathy",
                   brief_summary="The treatment process is as follows: subjects who meet the inclusion criteria will receive "
                                 "lymphodepletion conditioning, followed by a single intravenous infusion of CD19 CAR-γδ T "
                                 "cells.")
    assert _regimens(record) == [("lymphodepletion conditioning", "LYMPHODEPLETION")]
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
    assert _regimens(record) == [("non-myeloablative lymphodepletion", "LYMPHODEPLETION")]
    # left alone: the abbreviation never spelt out stays its name (held-out 5's NCT05398640)
    record = _page(title="Lifileucel in melanoma",
                   brief_summary="After preparative NMA-LD, patients are infused with their autologous TIL (lifileucel).")
    assert _regimens(record) == [("preparative NMA-LD", "LYMPHODEPLETION")]


def test_a_round_of_a_drug_is_a_chemotherapy_its_purpose_unsaid() -> None:
    # lymphomanewstoday.com/NCT03019666-gamida-nam-expanded-nk-cells-nhl-myeloma-news.txt (the excerpt ends mid-word)
    record = _page(brief_summary="Gamida’s therapy is called NAM-expanded natural killer cells. Before receiving NAM cells, "
                                 "patients must first have a round of cyclophosphamide a")
    assert _regimens(record) == [("cyclophosphamide", "CHEMOTHERAPY")]
    # left alone: a round of something that is no drug
    record = _page(brief_summary="Gamida’s therapy is called NAM-expanded natural killer cells. Before receiving NAM cells, "
                                 "patients must first have a round of screening tests.")
    assert _regimens(record) == []


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
    assert _regimens(record) == [("cyclophosphamide and fludarabine", "LYMPHODEPLETION")]
    # left alone: a register's number before the words is no name of the product
    record = _page(brief_summary="NCT01234567, a phase 1 study of allogeneic NK cell therapy. NCT01234567 will be "
                                 "administered in 3 doses.")
    assert [p.infusions for p in record.cell_products] == [None]
