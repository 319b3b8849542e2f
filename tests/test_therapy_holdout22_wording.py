"""How trial texts say a thing, from the kinds of error the twenty-second held-out corpus showed
(tests/data/therapy-holdout22/README.md). The held-out pages stay a measure: the tests quote their words in pages and
records of their own, and the gold is unchanged.
"""

from __future__ import annotations

from conftest import generic_page as _read
from conftest import therapy_page as _page

from kg.model.identifiers import trial_key


# jci.org/NCT04443296-til-after-cisplatin-chemoradiotherapy-im-il-2-cervical-cancer.txt
def test_this_trial_said_to_be_a_study_with_its_number_is_the_pages_trial() -> None:
    record = _read("Tumor-infiltrating lymphocytes after cisplatin chemoradiotherapy in cervical cancer\n"
                   "Study design. This trial was a single-center, phase I study (ClinicalTrials.gov NCT04443296) of "
                   "tumor-infiltrating lymphocytes given after concurrent chemoradiotherapy to patients with locally "
                   "advanced cervical cancer.\n")
    assert trial_key(record.identifiers) == "NCT04443296"



# trial.medpath.com/NCT04836728-…: a chemotherapy named by its drug class
def test_a_chemotherapy_named_by_its_drug_class_is_a_regimen() -> None:
    record = _page(title="Autologous CIK Cell Immunotherapy With PD-1 Inhibitor and Chemotherapy in NSCLC",
                   brief_summary="This trial is to evaluate the efficacy and safety of autologous cytokine-induced killer "
                                 "cell immunotherapy in combination with PD-1 inhibitor and platinum-containing chemotherapy "
                                 "in the first-line treatment of stage IV non-small cell lung cancer.")
    assert [(r.name, r.purpose) for r in record.regimens] == [("platinum-containing chemotherapy", "CHEMOTHERAPY")]
