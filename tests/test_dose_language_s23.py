"""Cell doses as trial texts say them (issue 17): the arm a dose is given in, a dose said without the word "cells", a
numbered dose, a group's size between the doses of a list.

Every case quotes a real registry record or trial page of a held-out corpus (the source in a comment), with a nearby
wording the rule must leave alone.
"""

from __future__ import annotations

import pytest

from kg.enrich.therapy.quantities import cell_doses

KG = "{cells}/kg"
CELLS = "{cells}"


def _doses(text: str) -> list[tuple[float, float | None, str, bool]]:
    return [(d.minimum, d.maximum, d.unit, d.per_dose) for d in cell_doses(text)]


# --- how a sentence says a dose -------------------------------------------------------------------------------------

SAID = [
    # ClinicalTrials.gov NCT04714372 (tests/data/ctgov-therapy-holdout): the lower dose's count without "cells"
    pytest.param("The starting dose is FT538 1x10e8 cells per dose with a lower safety dose of 5x10e7 if needed (Dose "
                 "Level -1).", [(1e8, 1e8, CELLS, True), (5e7, 5e7, CELLS, True)], id="a-dose-of-a-bare-count"),
    # trial.medpath.com NCT04689659 (tests/data/therapy-holdout): the count after "one dose", no dose of the sentence
    # saying its unit (cells, or cells per kilogram? tests/test_therapy_language.py leaves it unread)
    pytest.param("CD7 CAR T cells will be given once intravenously at one dose (1×106, with an allowance of ± 20%) in "
                 "patients received previous HSCT donor-derived CAR T cells.", [], id="a-bare-dose-alone-has-no-unit"),
    # a cytokine's dose said the same way is not the cells'
    pytest.param("NK cells at a dose of 1×10^9 cells and IL-2 at a dose of 1×10^6, three times a week.",
                 [(1e9, 1e9, CELLS, True)], id="a-cytokines-bare-dose"),
    # meddatax.com NCT06371040 (tests/data/therapy-holdout22): the groups "Dose 1", "Dose 2" over their amounts
    pytest.param("CD19-BCMA Targeted CAR-T Dose 1 5.0 e5/ kg CD19-BCMA CAR-T positive T cells", [(5e5, 5e5, KG, True)],
                 id="a-numbered-dose"),
    pytest.param("On day 1 5x10^5/kg CAR-T cells", [(5e5, 5e5, KG, False)], id="a-numbered-day-is-no-dose"),
    # cgtlive.com NCT04582201 (tests/data/therapy-holdout16): a group's size between the doses, and the last dose's "10⁹"
    # printed "109"
    pytest.param("Participants received 100 million (n = 3), 300 million (n = 4), or 109 iNKT cells (n = 14).",
                 [(1e8, 1e8, CELLS, False), (3e8, 3e8, CELLS, False), (1e9, 1e9, CELLS, False)], id="group-sizes-in-a-list"),
    pytest.param("Participants received 100 million (n = 3) or 300 million iNKT cells (n = 4) over 109 days.",
                 [(1e8, 1e8, CELLS, False), (3e8, 3e8, CELLS, False)], id="a-count-of-days-after-the-list"),
    pytest.param("3 × 10^8 cells in 109 patients", [(3e8, 3e8, CELLS, False)], id="a-count-of-patients-alone"),
]


@pytest.mark.parametrize(("text", "doses"), SAID)
def test_how_a_sentence_says_a_dose(text: str, doses: list[tuple[float, float, str, bool]]) -> None:
    assert _doses(text) == doses
