"""How trial texts say a thing, from the kinds of error the sixteenth held-out corpus showed
(tests/data/therapy-holdout16/README.md).

Each rule is about a way of saying something, tested on the real page's words (the page named, under
tests/data/therapy-holdout16/pages) and on wording the rule must leave alone. The held-out pages stay a measure: the
tests quote their words in pages and records of their own, and the gold is unchanged.
"""

from __future__ import annotations

import pytest

from kg.enrich.therapy import describe_therapy
from kg.read import read_text
from kg.read.layouts import generic
from kg.read.parse.prose_pages import one_trial_in_prose


def _read(text: str):  # noqa: ANN202 - a TrialRecord
    return read_text(text.encode(), "page.txt", {"generic": generic})


# --- a news item's number in prose: a footnote's number after it, the trial's name in brackets ----------------------

# cgtlive.com/NCT04582201-agent-797-inkt-cells-covid-ards-news.txt
AGENT797 = ("iNKT Cells Safe, Shows Anti-Inflammatory Response in Patients With SARS-CoV-2\n\n"
            "Invariant natural killer T (iNKT) cells were found to be safe and associated with an anti-inflammatory "
            "response in patients with virally induced acute respiratory distress syndrome (ARDS) caused by SARS-CoV-2, "
            "according to findings from a phase 2 trial (NCT04582201).1\n\n"
            "“Allogeneic iNKT cells represent a novel approach for treating severe respiratory distress and these data "
            "underscore the important role that iNKT-based cell therapies could play in respiratory distress and critical "
            "illness mo\n")
# markets.businessinsider.com/NCT05302037-cytomed-ctm-n2d-car-gamma-delta-t-angelica-first-patient-news.txt
ANGELICA = ("Update on Clinical Milestone - CytoMed Therapeutics Announces First Patient Dosed in its First-in-Human "
            "Phase I Clinical Trial of Allogeneic CAR-Gamma Delta T Cell Therapy in Patients with Advanced...\n\n"
            "PRESS RELEASE GlobeNewswire\nNov. 20, 2024, 07:00 AM\n\n"
            "SINGAPORE, Nov. 20, 2024 (GLOBE NEWSWIRE) -- Further to an announcement on October 7, 2024, CytoMed "
            "Therapeutics Limited (NASDAQ: GDTC) (“CytoMed” or “Company”), a Singapore-based biopharmaceutical company "
            "focused on harnessing its proprietary technologies to develop novel donor blood-derived, cell-based allogeneic "
            "therapies for the treatment of blood and solid cancers, is pleased to announce that the first patient has been "
            "dosed in its first-in-human Phase I dose-escalation clinical trial (NCT05302037) (“ANGELICA Trial”). This "
            "trial has been registered with and has received clinical trial authorisation from the Health Sciences "
            "Authority in Singapore.\n\n"
            "The ANGELICA Trial evaluates allogeneic NKG2DL-targeting chimeric antigen receptor-grafted (CAR) gamma delta T "
            "cells (CTM-N2D) in patients with advanced solid tumours or haematological malignancies. Refer to Form 6K "
            "announcement on October 7, 2024.\n\n"
            "“Dosing the first patient in the ANGELICA Trial, CytoMed has reached a significant milestone as a clinical "
            "stage biopharma,” says Chairman Peter Choo. “The ANGELICA Trial aims to assess the safety and potential "
            "efficacy of an allogeneic CAR-T therapy patients with advanced solid tumours or haematological "
            "malignancies.”\n")


@pytest.mark.parametrize(("text", "number", "cells"), [
    (AGENT797, "NCT04582201", [("NKT", ["ALLOGENEIC"])]),
    (ANGELICA, "NCT05302037", [("CAR_T", ["ALLOGENEIC"])]),
])
def test_a_news_items_number_before_a_footnote_or_the_trials_name_keys_the_page(text: str, number: str,
                                                                                cells: list[tuple]) -> None:
    assert [i.value for i in one_trial_in_prose(text)] == [number]
    record = describe_therapy(_read(text))
    assert [i.value for i in record.identifiers] == [number]
    assert [(p.cell_type, p.donor_types) for p in record.cell_products] == cells


@pytest.mark.parametrize("text", [
    # a paper's registration under its number, in the sentence or the next line (tests/test_generic_reader.py's Blood
    # paper, and as abstracts print it)
    "We conclude that aNK-DLI contributed to the acute GVHD observed, likely by augmenting underlying T-cell "
    "alloreactivity in the patients. This trial was registered at www.clinicaltrials.gov as #NCT01287104.",
    "We conclude that aNK-DLI contributed to the acute GVHD observed, likely by augmenting underlying T-cell "
    "alloreactivity in the patients (NCT01287104).\nTrial registration: ClinicalTrials.gov.",
    # a title's number, a bracket that is not the trial's name, a number of another trial
    "Efficacy and Safety of CD19 CAR-γδ T Cells in the Treatment of Relapsed/Refractory Autoimmune Nep… (NCT07535138) | "
    "Clinical Trial Compass",
    "the first patient has been dosed in its first-in-human Phase I dose-escalation clinical trial (NCT05302037) "
    "(“ANGELICA Trial”) | Markets Insider",
    "Background: an earlier trial (ClinicalTrials.gov Identifier: NCT01287104).1 gave NK cells after a transplant to "
    "patients with leukaemia in first remission.",
])
def test_a_papers_registration_a_title_or_another_trial_stays_refused(text: str) -> None:
    assert one_trial_in_prose(text) == []
