"""The cell-therapy reading over whole corpora of real registry studies.

``tests/data/ctgov-negative/studies.zip`` and ``studies-2.zip`` hold 885 real ClinicalTrials.gov API v2 studies that
give no cell therapy (drugs, devices, behavioural and observational studies, transplant-only and
graft studies, a study of NK-cell leukemia, one that measures IL-2; see its SOURCES.md). The graph
built from them must hold no cell product, no dose, no cytokine use and no regimen: SOURCES.md lists
no study that states one.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from kg.build.streaming import build
from kg.graphs.files import load_graph
from kg.query.catalogue import stored_query
from kg.query.run import run_local

NEGATIVE = [Path(__file__).parent / "data" / "ctgov-negative" / name for name in ("studies.zip", "studies-2.zip")]
THERAPY_QUERIES = ("cell_products", "cell_doses", "cytokines", "regimens")


def test_the_negative_corpus_is_large_and_real() -> None:
    names = []
    for path in NEGATIVE:
        with zipfile.ZipFile(path) as archive:
            names += archive.namelist()
    assert len(set(names)) == len(names) == 885
    assert all(name.startswith("NCT") and name.endswith(".json") for name in names)


def test_studies_that_give_no_cells_have_no_cell_therapy_facts(tmp_path: Path) -> None:
    graph = tmp_path / "negative.ttl"
    build(NEGATIVE, graph)
    loaded = load_graph([graph])
    for query in THERAPY_QUERIES:
        rows = run_local(loaded, stored_query(query).text).rows
        assert rows == [], f"{query}: {rows[:5]}"


# --- the therapy dev corpus: hand-written gold, scored as the shared evaluation scores ----------------

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from therapy_score import DEV, dev_documents, held_out_documents, score  # noqa: E402

#: F1 per query measured on the dev corpus (tests/benchmarks/therapy_score.py; s6-therapy: 1.000 each, after the
#: golds were reconciled and the rules read the wording they missed), less a margin; the reading must not fall below it.
FLOOR = {"cell_products": 0.98, "cell_doses": 0.98, "cytokines": 0.98, "regimens": 0.98}


def test_the_therapy_dev_corpus_does_not_fall_below_its_measured_f1() -> None:
    scores = {s.query: s for s in score(dev_documents(), DEV / "gold")}
    assert {query: round(s.f1, 3) for query, s in scores.items() if s.f1 < FLOOR[query]} == {}


def test_a_registry_study_gives_each_dose_with_its_arm(tmp_path: Path) -> None:
    # tests/data/ctgov-therapy/NCT06097962.json: "Group A (low-dose group)": "... once a week for a total of
    # six weeks.1×10^9 NK cells/dose."
    graph = tmp_path / "nk510.ttl"
    build([Path(__file__).parent / "data" / "ctgov-therapy" / "NCT06097962.json"], graph)
    result = run_local(load_graph([graph]), stored_query("cell_doses").text)
    rows = {(float(row[result.columns.index("dose_min")]), row[result.columns.index("per")],
             row[result.columns.index("arm")]) for row in result.rows}
    assert rows == {(1e9, "DOSE", "Group A (low-dose group)"), (9e9, "DOSE", "Group B (medium-dose group)"),
                    (12e9, "DOSE", "Group C (high-dose group)")}


# --- the therapy held-out corpus: pages the rules were never tuned on (tests/data/therapy-holdout/README.md) ------

HOLDOUT = Path(__file__).parent / "data" / "therapy-holdout"
#: F1 per query measured on the corpus (at its creation, s6-holdout: cell_products 0.737, cell_doses 0.000, cytokines
#: 0.471, regimens 0.286; after its reader gaps were fixed, s7-readers: 0.968, 0.600, 1.000, 0.800), less a margin: a
#: floor that fails if the reading regresses, not a target. The corpus is a dev corpus now (its README).
HOLDOUT_FLOOR = {"cell_products": 0.95, "cell_doses": 0.55, "cytokines": 0.95, "regimens": 0.75}
#: cell_doses 0.727 since s12-doses (the results view's groups as arms: NCT04355728's dose in its group): its floor raised.
HOLDOUT_FLOOR["cell_doses"] = 0.70


def _under_floor(corpus: Path, floors: dict[str, float]) -> dict[str, float]:
    """The queries of a held-out corpus (its pages in one folder per site) whose F1 falls under its floor."""
    scores = {s.query: s for s in score(held_out_documents(corpus), corpus / "gold")}
    return {query: round(scores[query].f1, 3) for query, floor in floors.items() if scores[query].f1 < floor}


def test_the_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert _under_floor(HOLDOUT, HOLDOUT_FLOOR) == {}


# --- the second therapy held-out corpus: 17 more pages nobody tunes on (tests/data/therapy-holdout2/README.md) --

HOLDOUT2 = Path(__file__).parent / "data" / "therapy-holdout2"
#: F1 per query measured on the second held-out corpus after s8-readers2 fixed its reader and rule gaps (it is now a dev
#: corpus: cell_products 0.966, cell_doses 1.000, cytokines 1.000, regimens 0.714), less a margin: a floor against
#: regression. (At its creation, s7-holdout2: 0.638, 0.000, 0.500, 0.600.) Regimens 0.857 after s12-regimens read
#: NCT01040026's melphalan "and autologous ... transplantation" as its conditioning.
HOLDOUT2_FLOOR = {"cell_products": 0.94, "cell_doses": 0.95, "cytokines": 0.95, "regimens": 0.83}


def test_the_second_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT2 / "pages").rglob("*.txt"))) == 17
    assert _under_floor(HOLDOUT2, HOLDOUT2_FLOOR) == {}


# --- the third therapy held-out corpus: 10 more pages nobody tunes on (tests/data/therapy-holdout3/README.md) ---

HOLDOUT3 = Path(__file__).parent / "data" / "therapy-holdout3"
#: F1 per query measured on the third held-out corpus after s10-rules fixed its rule and reader gaps (it is a dev corpus
#: now; measured on s11-rules4: cell_products 0.966, cell_doses 0.968, cytokines 1.000, regimens 1.000), less a margin: a
#: floor against regression. (At its creation, s9-holdout3 on bf44510: 0.746, 0.815, 1.000, 0.545.)
HOLDOUT3_FLOOR = {"cell_products": 0.94, "cell_doses": 0.94, "cytokines": 0.95, "regimens": 0.97}
#: cell_doses 1.000 since s12-doses (a dose range over dose levels is per dose): its floor raised.
HOLDOUT3_FLOOR["cell_doses"] = 0.97


def test_the_third_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT3 / "pages").rglob("*.txt"))) == 10
    assert _under_floor(HOLDOUT3, HOLDOUT3_FLOOR) == {}


# --- the unseen-site corpus: 8 pages of sites no dedicated reader knows (tests/data/therapy-unseen/README.md) -----------

UNSEEN = Path(__file__).parent / "data" / "therapy-unseen"
#: F1 per query measured on the unseen-site corpus after the generic reader's rules of s10-generic and the lead's
#: therapy rules of cc19261 (cell_products 0.833, cell_doses 1.000: no dose stated, none found, cytokines 1.000), less a
#: margin: a floor against regression. Its regimens, 0.000 before, score 1.000 after s12-regimens ("preparation
#: chemotherapy", a course "using ... doses of" its drugs followed by the cells); cell_products 0.902 after s17-gaps (the
#: investigators' plan to modify T cells, NCT01204502), 0.963 after the product named by a page's criteria alone
#: (NCT04289220).
UNSEEN_FLOOR = {"cell_products": 0.93, "cell_doses": 0.95, "cytokines": 0.95, "regimens": 0.95}


def test_the_unseen_site_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((UNSEEN / "pages").rglob("*.txt"))) == 8
    assert _under_floor(UNSEEN, UNSEEN_FLOOR) == {}


# --- the fifth therapy held-out corpus: 13 more pages nobody tunes on (tests/data/therapy-holdout5/README.md) ---

HOLDOUT5 = Path(__file__).parent / "data" / "therapy-holdout5"
#: F1 per query measured on the fifth held-out corpus after the lead tuned on it (lead-h5: cell_products 0.955,
#: cell_doses 0.762, cytokines 1.000, regimens 0.833; untuned, at 8cda417: 0.750, 0.093, 0.667, 0.400), less a margin: a
#: floor against regression (it is a dev corpus now). Regimens 0.909 after s12-regimens left NCT00789776's tacrolimus and
#: mycophenolate mofetil without a purpose; cell_doses 1.000 since s12-doses (the levels of a dose escalation and the doses
#: of a single infusion per dose, the 2019 page's arms table and the results view's group title read).
#: cell_products 1.000 after s17-gaps (the product named by a page's criteria alone, NCT03378102).
HOLDOUT5_FLOOR = {"cell_products": 0.97, "cell_doses": 0.97, "cytokines": 0.95, "regimens": 0.88}


def test_the_fifth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT5 / "pages").rglob("*.txt"))) == 13
    assert _under_floor(HOLDOUT5, HOLDOUT5_FLOOR) == {}


# --- the fourth therapy held-out corpus: 12 more pages nobody tunes on (tests/data/therapy-holdout4/README.md) ---

HOLDOUT4 = Path(__file__).parent / "data" / "therapy-holdout4"
#: F1 per query measured on the fourth held-out corpus after s11-rules4 fixed its rule gaps (it is a dev corpus now:
#: cell_products 0.857, cell_doses 0.957, cytokines 1.000, regimens 0.667), less a margin: a floor against regression.
#: (Untuned, on main at b459c44 and a9fb92e: 0.727, 0.500, 1.000, 0.000.) Regimens 0.857 after s12-regimens read
#: NCT07172958's "preparation chemotherapy".
HOLDOUT4_FLOOR = {"cell_products": 0.83, "cell_doses": 0.93, "cytokines": 0.95, "regimens": 0.83}


def test_the_fourth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT4 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT4, HOLDOUT4_FLOOR) == {}


# --- the sixth therapy held-out corpus: 12 more pages nobody tunes on (tests/data/therapy-holdout6/README.md) ---

HOLDOUT6 = Path(__file__).parent / "data" / "therapy-holdout6"
#: F1 per query measured on the sixth held-out corpus after the lead tuned on it (lead-h6b: cell_products 0.885,
#: cell_doses 1.000, cytokines 1.000, regimens 0.857; untuned, at 29d8bee and 3550187: 0.774, 0.800, 1.000, 0.000), then
#: after the generic reader read findmecure.com's and findatrial.com's layouts (s13-generic: 0.906, 1.000, 1.000, 1.000),
#: less a margin: a floor against regression (it is a dev corpus now).
HOLDOUT6_FLOOR = {"cell_products": 0.88, "cell_doses": 0.97, "cytokines": 0.95, "regimens": 0.95}


def test_the_sixth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT6 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT6, HOLDOUT6_FLOOR) == {}


# --- the seventh therapy held-out corpus: 12 more pages nobody tunes on (tests/data/therapy-holdout7/README.md) ---

HOLDOUT7 = Path(__file__).parent / "data" / "therapy-holdout7"
#: F1 per query measured on the seventh held-out corpus after tuning on it (main at e80423a: cell_products 0.954,
#: cell_doses 0.571, cytokines 1.000, regimens 1.000; untuned, at ea59d2c: 0.814, 0.000, 0.750, 0.400), less a margin: a
#: floor against regression (it is a dev corpus now).
HOLDOUT7_FLOOR = {"cell_products": 0.92, "cell_doses": 0.54, "cytokines": 0.95, "regimens": 0.95}


def test_the_seventh_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT7 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT7, HOLDOUT7_FLOOR) == {}


# --- the eighth therapy held-out corpus: 12 more pages nobody tunes on (tests/data/therapy-holdout8/README.md) ---

HOLDOUT8 = Path(__file__).parent / "data" / "therapy-holdout8"
#: F1 per query measured on the eighth held-out corpus untuned (main at 333bd81: cell_products 0.847, cell_doses
#: 0.000, cytokines 1.000, regimens 0.400), less a margin; cell_doses, measured at 0, has no floor.
HOLDOUT8_FLOOR = {"cell_products": 0.82, "cytokines": 0.95, "regimens": 0.37}


def test_the_eighth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT8 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT8, HOLDOUT8_FLOOR) == {}


# --- the ninth therapy held-out corpus: 12 more pages nobody tunes on (tests/data/therapy-holdout9/README.md) ---

HOLDOUT9 = Path(__file__).parent / "data" / "therapy-holdout9"
#: F1 per query measured on the ninth held-out corpus untuned (main at 86e8278: cell_products 0.636, cell_doses 1.000,
#: cytokines 0.000, regimens 0.500), less a margin; cytokines, measured at 0, has no floor.
HOLDOUT9_FLOOR = {"cell_products": 0.61, "cell_doses": 0.95, "regimens": 0.47}


def test_the_ninth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT9 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT9, HOLDOUT9_FLOOR) == {}


# --- the tenth therapy held-out corpus: 12 more pages nobody tunes on (tests/data/therapy-holdout10/README.md) ---

HOLDOUT10 = Path(__file__).parent / "data" / "therapy-holdout10"
#: F1 per query measured on the tenth held-out corpus untuned (main at dae17c5: cell_products 0.778, cell_doses 0.000,
#: cytokines 1.000, regimens 0.500), less a margin; cell_doses, measured at 0, has no floor.
HOLDOUT10_FLOOR = {"cell_products": 0.75, "cytokines": 0.95, "regimens": 0.47}


def test_the_tenth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT10 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT10, HOLDOUT10_FLOOR) == {}


# --- the eleventh therapy held-out corpus: 12 more pages nobody tunes on, 9 of sites with no reader module ----------
# (tests/data/therapy-holdout11/README.md)

HOLDOUT11 = Path(__file__).parent / "data" / "therapy-holdout11"
#: F1 per query measured on the eleventh held-out corpus untuned (main at 23e921b: cell_products 0.721, cell_doses
#: 0.250, cytokines 0.800, regimens 0.000), less a margin; regimens, measured at 0, has no floor.
HOLDOUT11_FLOOR = {"cell_products": 0.69, "cell_doses": 0.22, "cytokines": 0.77}


def test_the_eleventh_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT11 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT11, HOLDOUT11_FLOOR) == {}


# --- the twelfth therapy held-out corpus: 12 more pages nobody tunes on, 6 of seed layouts and 6 of sites with no ----
# reader module (tests/data/therapy-holdout12/README.md)

HOLDOUT12 = Path(__file__).parent / "data" / "therapy-holdout12"
#: F1 per query measured on the twelfth held-out corpus untuned (main at e47e5c0: cell_products 0.481, cell_doses
#: 0.000, cytokines 0.750, regimens 0.000), less a margin; cell_doses and regimens, measured at 0, have no floor.
HOLDOUT12_FLOOR = {"cell_products": 0.45, "cytokines": 0.72}


def test_the_twelfth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT12 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT12, HOLDOUT12_FLOOR) == {}


# --- the thirteenth therapy held-out corpus: 10 more pages nobody tunes on, 5 of seed layouts and 5 of sites with no --
# reader module (tests/data/therapy-holdout13/README.md)

HOLDOUT13 = Path(__file__).parent / "data" / "therapy-holdout13"
#: F1 per query measured on the thirteenth held-out corpus untuned (main at 2cb8585: cell_products 0.717, cell_doses
#: 0.000, cytokines 1.000 — no gold row and none found —, regimens 1.000), less a margin; cell_doses, measured at 0,
#: has no floor.
HOLDOUT13_FLOOR = {"cell_products": 0.69, "cytokines": 0.97, "regimens": 0.97}


def test_the_thirteenth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT13 / "pages").rglob("*.txt"))) == 10
    assert _under_floor(HOLDOUT13, HOLDOUT13_FLOOR) == {}


# --- the fourteenth therapy held-out corpus: 12 more pages, 6 of seed layouts and 6 of other sites ------------------
# (tests/data/therapy-holdout14/README.md)

HOLDOUT14 = Path(__file__).parent / "data" / "therapy-holdout14"
#: F1 per query measured on the fourteenth held-out corpus untuned (main at 15e2a83: cell_products 0.774, cell_doses
#: 0.600, cytokines 0.000, regimens 0.571), less a margin; cytokines, measured at 0, has no floor.
HOLDOUT14_FLOOR = {"cell_products": 0.74, "cell_doses": 0.57, "regimens": 0.54}


def test_the_fourteenth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT14 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT14, HOLDOUT14_FLOOR) == {}


# --- the fifteenth therapy held-out corpus: 10 pages of sites never seen, 7 of them news items ---------------------
# (tests/data/therapy-holdout15/README.md)

HOLDOUT15 = Path(__file__).parent / "data" / "therapy-holdout15"
#: F1 per query measured on the fifteenth held-out corpus untuned (main at 15e2a83: 6 of 10 pages refused,
#: cell_products 0.121, cell_doses 1.000 — no gold row and none found —, cytokines 0.000, regimens 0.000), less a
#: margin; cytokines and regimens, measured at 0, have no floor.
HOLDOUT15_FLOOR = {"cell_products": 0.09, "cell_doses": 0.97}


def test_the_fifteenth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT15 / "pages").rglob("*.txt"))) == 10
    assert _under_floor(HOLDOUT15, HOLDOUT15_FLOOR) == {}


# --- the sixteenth therapy held-out corpus: 12 more pages, 7 of seed layouts and 5 of other sites ------------------
# (tests/data/therapy-holdout16/README.md)

HOLDOUT16 = Path(__file__).parent / "data" / "therapy-holdout16"
#: F1 per query measured on the sixteenth held-out corpus untuned (main at f8b0be2: cell_products 0.778, cell_doses
#: 0.308, cytokines 1.000, regimens 0.667), less a margin.
HOLDOUT16_FLOOR = {"cell_products": 0.74, "cell_doses": 0.27, "cytokines": 0.97, "regimens": 0.63}


def test_the_sixteenth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT16 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT16, HOLDOUT16_FLOOR) == {}


# --- the seventeenth therapy held-out corpus: 10 more pages, 5 of seed layouts and 5 of other sites -----------------
# (tests/data/therapy-holdout17/README.md)

HOLDOUT17 = Path(__file__).parent / "data" / "therapy-holdout17"
#: F1 per query measured on the seventeenth held-out corpus untuned (main at fe7b223: cell_products 0.767, cell_doses
#: 0.545, cytokines and regimens 1.000 — no gold row and none found: a row found would be false), less a margin.
HOLDOUT17_FLOOR = {"cell_products": 0.73, "cell_doses": 0.51, "cytokines": 0.97, "regimens": 0.97}


def test_the_seventeenth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT17 / "pages").rglob("*.txt"))) == 10
    assert _under_floor(HOLDOUT17, HOLDOUT17_FLOOR) == {}


# --- the eighteenth therapy held-out corpus: 10 more pages, 6 of seed layouts and 4 of other sites -----------------
# (tests/data/therapy-holdout18/README.md)

HOLDOUT18 = Path(__file__).parent / "data" / "therapy-holdout18"
#: F1 per query measured on the eighteenth held-out corpus untuned (main at f45b8c4: cell_products 0.683, cell_doses
#: 1.000 — no gold row and none found —, cytokines 0.800, regimens 0.800), less a margin.
HOLDOUT18_FLOOR = {"cell_products": 0.64, "cell_doses": 0.97, "cytokines": 0.76, "regimens": 0.76}


def test_the_eighteenth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT18 / "pages").rglob("*.txt"))) == 10
    assert _under_floor(HOLDOUT18, HOLDOUT18_FLOOR) == {}


# --- the nineteenth therapy held-out corpus: 12 pages, 6 of seed layouts and 6 of sites no corpus used --------------
# (tests/data/therapy-holdout19/README.md)

HOLDOUT19 = Path(__file__).parent / "data" / "therapy-holdout19"
#: F1 per query measured on the nineteenth held-out corpus untuned (main at 5e6397e: cell_products 0.600, cell_doses
#: 0.000 — no floor then —, cytokines 1.000, regimens 0.500), less a margin.
HOLDOUT19_FLOOR = {"cell_products": 0.56, "cytokines": 0.97, "regimens": 0.46}


def test_the_nineteenth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT19 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT19, HOLDOUT19_FLOOR) == {}


# --- the twentieth therapy held-out corpus: 12 pages, 6 of seed layouts and 6 of sites no corpus used ---------------
# (tests/data/therapy-holdout20/README.md)

HOLDOUT20 = Path(__file__).parent / "data" / "therapy-holdout20"
#: F1 per query measured on the twentieth held-out corpus untuned (main at f592f4e: cell_products 0.812, cell_doses 0.414,
#: cytokines 0.750, regimens 0.000 — no floor then), less a margin.
HOLDOUT20_FLOOR = {"cell_products": 0.77, "cell_doses": 0.38, "cytokines": 0.71}


def test_the_twentieth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT20 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT20, HOLDOUT20_FLOOR) == {}


# --- the twenty-first therapy held-out corpus: 12 pages, 6 of seed layouts and 6 of sites no corpus used ------------
# (tests/data/therapy-holdout21/README.md)

HOLDOUT21 = Path(__file__).parent / "data" / "therapy-holdout21"
#: F1 per query measured on the twenty-first held-out corpus untuned (main at c5f5a25: cell_products 0.743, cell_doses
#: 0.400, cytokines 0.625, regimens 0.286), less a margin.
HOLDOUT21_FLOOR = {"cell_products": 0.70, "cell_doses": 0.36, "cytokines": 0.58, "regimens": 0.25}


def test_the_twenty_first_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT21 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT21, HOLDOUT21_FLOOR) == {}


# --- the twenty-second therapy held-out corpus: 12 pages, 8 of seed layouts and 4 of sites no corpus used -----------
# (tests/data/therapy-holdout22/README.md)

HOLDOUT22 = Path(__file__).parent / "data" / "therapy-holdout22"
#: F1 per query measured on the twenty-second held-out corpus untuned (main at 2a49d95: cell_products 0.688, cytokines
#: 0.471; cell_doses and regimens 0.000, no floor), less a margin.
HOLDOUT22_FLOOR = {"cell_products": 0.65, "cytokines": 0.44}


def test_the_twenty_second_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT22 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT22, HOLDOUT22_FLOOR) == {}


# --- the twenty-third therapy held-out corpus: 12 pages, 8 of seed layouts and 4 of sites no corpus used ------------
# (tests/data/therapy-holdout23/README.md)

HOLDOUT23 = Path(__file__).parent / "data" / "therapy-holdout23"
#: F1 per query measured on the twenty-third held-out corpus untuned (main at 87536a4: cell_products 0.750, cell_doses
#: 0.667, regimens 0.222; cytokines 0.000, no floor), less a margin.
HOLDOUT23_FLOOR = {"cell_products": 0.71, "cell_doses": 0.63, "regimens": 0.19}


def test_the_twenty_third_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT23 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT23, HOLDOUT23_FLOOR) == {}


# --- the twenty-fourth therapy held-out corpus: 12 pages, 9 of seed layouts and 3 of other sites ----------------------
# (tests/data/therapy-holdout24/README.md)

HOLDOUT24 = Path(__file__).parent / "data" / "therapy-holdout24"
#: F1 per query measured on the twenty-fourth held-out corpus untuned (main at 8e1c870: cell_products 0.818, cell_doses
#: 0.545, regimens 0.375; cytokines 0.000, no floor), less a margin.
HOLDOUT24_FLOOR = {"cell_products": 0.78, "cell_doses": 0.50, "regimens": 0.34}


def test_the_twenty_fourth_therapy_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((HOLDOUT24 / "pages").rglob("*.txt"))) == 12
    assert _under_floor(HOLDOUT24, HOLDOUT24_FLOOR) == {}


# --- the registry held-out corpus: 21 real ClinicalTrials.gov API v2 records that give cells ------------------------
# (tests/data/ctgov-therapy-holdout/README.md)

CTGOV_HOLDOUT = Path(__file__).parent / "data" / "ctgov-therapy-holdout"
#: F1 per query measured on the registry held-out corpus untuned (main at d947491: cell_products 0.842, cell_doses 0.692,
#: cytokines 0.154, regimens 0.333) and after s23-registry's rules from its gaps (0.949, 0.939, 0.933, 0.607: tuned, a dev
#: corpus now), less a margin: a floor against regression.
CTGOV_HOLDOUT_FLOOR = {"cell_products": 0.92, "cell_doses": 0.91, "cytokines": 0.90, "regimens": 0.57}


def test_the_registry_held_out_corpus_does_not_fall_below_its_measured_f1() -> None:
    assert len(list((CTGOV_HOLDOUT / "pages").rglob("*.json"))) == 21
    assert _under_floor(CTGOV_HOLDOUT, CTGOV_HOLDOUT_FLOOR) == {}


def test_a_corpus_whose_every_page_is_refused_scores_nothing_found(tmp_path: Path) -> None:
    # (held-out 22's other sites were four papers, all refused: the score says so instead of failing on a missing graph)
    page = tmp_path / "pages" / "example.org" / "paper.txt"
    page.parent.mkdir(parents=True)
    page.write_text("An essay on cell therapies, naming no trial at all.\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "cell_products.csv").write_text("trial_id,cell_type\nNCT04443296,T\n", encoding="utf-8")
    scores = {s.query: (s.gold, s.found, s.right) for s in score([page], tmp_path / "gold")}
    assert scores["cell_products"] == (2, 0, 0)  # the row and its cell type, none found
