"""The EU Clinical Trials Register layout (kg/read/layouts/eu_ctr.py), read from the held-out pages' words
(tests/data/pages-holdout2-gold/README.md lists the misses the tests come from). The held-out pages stay a measure.
"""

from __future__ import annotations

from conftest import TESTS, read_enriched

from kg.read.layouts import eu_ctr

# --- pages-holdout2-gold/README.md 3. the EU register's results page, copied without its banner ---------------------

EU_RESULTS = (TESTS / "data" / "pages-holdout2" / "clinicaltrialsregister.eu"
              / "2015-005615-32-results-elamipretide-hfpef.txt").read_text()


def test_a_results_pages_sponsor_rows_give_the_lead_sponsor_and_its_protocol_code() -> None:
    # clinicaltrialsregister.eu 2015-005615-32/results: "Sponsor protocol code |" / "SPIHF-203", "Sponsors" over
    # "Sponsor organisation name |" / "Stealth BioTherapeutics, Inc."
    record = read_enriched(EU_RESULTS.encode(), "page.txt")
    assert record.source.layout == "eu_ctr"
    assert [(s.name, s.role) for s in record.sponsors] == [("Stealth BioTherapeutics, Inc.", "LEAD")]
    assert [(i.value, i.scheme) for i in record.identifiers] == [("2015-005615-32", "EUDRACT"), ("SPIHF-203", "ORG")]
    # what the page read before stays read
    assert (record.phases, record.allocation, record.masking, str(record.completion_date)) == (
        ["PHASE2"], "RANDOMIZED", "DOUBLE", "2020-09-28")


def test_a_label_row_without_its_value_is_no_sponsor_and_a_dash_no_code() -> None:
    cut = EU_RESULTS[: EU_RESULTS.index("Stealth BioTherapeutics, Inc.\n")]
    assert read_enriched(cut.encode(), "page.txt").sponsors == []
    dashed = EU_RESULTS.replace("Sponsor protocol code |\nSPIHF-203", "Sponsor protocol code |\n-")
    assert [i.scheme for i in read_enriched(dashed.encode(), "page.txt").identifiers] == ["EUDRACT"]
    # "Clinical Trial Results:" in a news item, no EudraCT number label under it: not the register's page
    assert not eu_ctr.claims("Clinical Trial Results:\nA new drug works.\nEudraCT 2015-005615-32 was ...\n" + "x\n" * 900)
