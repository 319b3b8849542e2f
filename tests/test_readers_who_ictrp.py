"""The WHO ICTRP layout (kg/read/layouts/who_ictrp.py): record views of the WHO's trial search, and MedPath's copies
of them, read from the held-out pages' words (tests/data/pages-holdout-gold and pages-holdout5; their READMEs list the
misses each test comes from). The held-out pages stay a measure.
"""

from __future__ import annotations

from conftest import TESTS, read_enriched

from kg.read.parse.criteria import criteria_from_lines

# --- pages from the misses tests/data/pages-holdout-gold/README.md lists ----------------------------------------------

# apps.who.int NCT02241395 (pages-holdout): the outcomes, then the "Secondary ID(s)" label that ends the record's excerpt
WHO_OUTCOMES = """World Health Organization site
Main
Register: ClinicalTrials.gov
Main ID:  NCT02241395
Public title: Cell Therapy as Treatment for Cerebral Palsy
Primary Outcome(s)
change in clinical symptoms over a period of 2 years [Time Frame: 2 years]
Secondary Outcome(s)
Change in GMFM score [Time Frame: 1 year]
Secondary ID(s)
"""


def test_who_ictrps_secondary_ids_label_is_no_secondary_outcome() -> None:
    record = read_enriched(WHO_OUTCOMES.encode(), "page.txt")
    assert record.source.layout == "who_ictrp"
    assert [(o.kind, o.measure) for o in record.outcomes] == [
        ("PRIMARY", "change in clinical symptoms over a period of 2 years"), ("SECONDARY", "Change in GMFM score")]


# --- pages-holdout5-gold/README.md 3. The WHO record view's criteria lead-in ----------------------------------------------

WHO = TESTS / "data" / "pages-holdout5" / "apps.who.int" / "NCT02415218-oral-mucosal-epithelial-sheets-lscd.txt"


def test_a_lead_in_to_the_criteria_listed_below_is_no_criterion() -> None:
    # "- Among patients with bilateral limbal stem-cell deficiency, those who meet all the" / "criteria listed below when
    # they give their informed consent to participate in this" / "research will be included."
    record = read_enriched(WHO.read_bytes(), WHO.name)
    assert [c.text[:25] for c in record.criteria][:1] == ["Patients in whom the eye("]
    assert not any("listed below" in c.text for c in record.criteria)
    # an item that goes on after its colon, or names criteria of elsewhere, is an item
    found = criteria_from_lines(["- Patients who meet the criteria listed below: age 18 to 70 years",
                                 "- Patients who meet the criteria of the protocol"], "INCLUSION")
    assert len(found) == 2
