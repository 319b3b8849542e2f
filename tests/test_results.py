"""Posted results as the registry gives them: every reported value and every adverse event count of
each real record with results comes back from the stored queries, group by group.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import SEEDS, TESTS, record_with_cell_products, run_kg

RECORDS = sorted(path for path in (TESTS / "data" / "ctgov-json").glob("*.json")
                 if "resultsSection" in json.loads(path.read_text(encoding="utf-8")))
KINDS = {"PRIMARY": "PRIMARY", "SECONDARY": "SECONDARY", "OTHER_PRE_SPECIFIED": "OTHER", "POST_HOC": "OTHER"}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    output = tmp_path_factory.mktemp("results") / "results.ttl"
    result = run_kg("build", *RECORDS, "-o", output, "-q")
    assert result.returncode == 0, result.stderr
    return output


def rows(graph, name: str) -> list[dict[str, str]]:
    result = run_kg("query", name, "--data", graph, "--format", "csv")
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_there_are_records_with_results():
    assert len(RECORDS) >= 5


def _reported_values(study) -> set[tuple[str, ...]]:
    """(trial, measure, kind, group, category, value) of every value the record posts, read straight from its JSON."""
    nct = study["protocolSection"]["identificationModule"]["nctId"]
    found = set()
    for outcome in study["resultsSection"]["outcomeMeasuresModule"]["outcomeMeasures"]:
        groups = {group["id"]: group["title"] for group in outcome.get("groups", [])}
        for klass in outcome.get("classes", []):
            for category in klass.get("categories", []):
                for value in category.get("measurements", []):
                    group = " ".join(groups[value["groupId"]].split())
                    found.add((nct, " ".join(outcome["title"].split()), KINDS[outcome["type"]], group,
                               category.get("title") or klass.get("title") or "", value.get("value", "")))
    return found


def _reported_events(study) -> list[tuple[str, ...]]:
    nct = study["protocolSection"]["identificationModule"]["nctId"]
    module = study["resultsSection"]["adverseEventsModule"]
    groups = {group["id"]: group["title"] for group in module.get("eventGroups", [])}
    return sorted((nct, " ".join(groups[stats["groupId"]].split()), " ".join(event["term"].split()), str(serious).lower(),
                   str(stats.get("numAffected", "")), str(stats.get("numAtRisk", "")))
                  for serious, key in ((True, "seriousEvents"), (False, "otherEvents"))
                  for event in module.get(key, []) for stats in event.get("stats", []))


def test_every_reported_value_of_every_group_comes_back(graph):
    expected = set().union(*(_reported_values(json.loads(path.read_text(encoding="utf-8"))) for path in RECORDS))
    got = {(row["trial_id"], row["measure"], row["kind"], row["group"], row["category"], row["value"])
           for row in rows(graph, "outcome_results")}
    assert got == expected, (sorted(expected - got)[:5], sorted(got - expected)[:5])
    assert len(got) > 500


def test_every_adverse_event_count_of_every_group_comes_back(graph):
    expected = sorted(event for path in RECORDS for event in _reported_events(json.loads(path.read_text(encoding="utf-8"))))
    got = sorted((row["trial_id"], row["group"], row["term"], row["serious"], row["affected"], row["at_risk"])
                 for row in rows(graph, "adverse_events"))
    assert got == expected, ([e for e in expected if e not in got][:5], [g for g in got if g not in expected][:5])


def test_a_standard_deviation_and_a_confidence_interval_keep_their_numbers(graph):
    by_dispersion = {row["dispersion_type"]: row for row in rows(graph, "outcome_results") if row["dispersion_type"]}
    assert by_dispersion["Standard Deviation"]["spread"]
    assert by_dispersion["95% Confidence Interval"]["lower"] and by_dispersion["95% Confidence Interval"]["upper"]


def test_officials_are_named_with_their_role_and_never_a_contact(graph):
    officials = rows(graph, "officials")
    assert ("NCT02210780", "Clinical Trial Management", "STUDY_DIRECTOR", "Regeneron Pharmaceuticals") in {
        tuple(row.values()) for row in officials}
    text = graph.read_text(encoding="utf-8")
    assert "@" not in "".join(row["name"] + row["affiliation"] for row in officials)
    assert "phone" not in text.lower()


def test_no_contact_detail_of_any_registry_record_reaches_the_graph(tmp_path):
    records = sorted((TESTS / "data" / "ctgov-json").glob("*.json"))
    contacts = set()
    for path in records:
        module = json.loads(path.read_text(encoding="utf-8"))["protocolSection"].get("contactsLocationsModule", {})
        people = module.get("centralContacts", []) + [c for site in module.get("locations", []) for c in site.get("contacts", [])]
        contacts |= {person[field] for person in people for field in ("email", "phone") if person.get(field)}
    assert len(contacts) >= 15  # the records do publish contacts: the test has something to find
    graph = tmp_path / "all.nt"
    run_kg("build", *records, "-o", graph, "-q", "--no-validate")
    text = graph.read_text(encoding="utf-8")
    assert not [contact for contact in contacts if contact in text]


def test_response_by_dose_joins_a_response_and_a_cell_dose_only_of_the_same_arm(tmp_path):
    """No real record here is both an NK/CAR trial and one with posted results, so the answer is empty;
    each half of the join has real data to bite on. Read from the documents:
    NCT02210780 posts a response for groups titled exactly as its arms ("Dupilumab 300 mg qw": 83.3
    percentage of participants of 90), but gives no cells; the NK trial NCT06641648 (seed page) gives
    its NK cells in the arm "NK cell treatment in AML replase after HSCT", but posts no results.
    """
    graph = tmp_path / "graph.ttl"
    assert run_kg("build", SEEDS, TESTS / "data" / "ctgov-json" / "NCT02210780.json", "-o", graph, "-q").returncode == 0
    responses = {(row["trial_id"], row["group"], row["value"], row["analyzed"]) for row in rows(graph, "outcome_results")
                 if row["measure"].startswith("Percentage of Participants With a Positive Response (≥4-Fold")}
    assert ("NCT02210780", "Dupilumab 300 mg qw", "83.3", "90") in responses
    arms = {row["arm"] for row in rows(graph, "arms") if row["trial_id"] == "NCT02210780"}
    assert arms == {"Dupilumab 300 mg qw", "Placebo qw"}  # the groups' titles, character for character
    doses = {(row["trial_id"], row["cell_type"], row["arm"]) for row in rows(graph, "cell_doses")}
    assert ("NCT06641648", "NK", "NK cell treatment in AML replase after HSCT") in doses
    assert rows(graph, "response_by_dose") == []


def test_response_by_dose_gives_the_response_of_the_arm_a_cell_dose_is_given_in(tmp_path):
    """The join itself, on a real record with posted results (NCT02210780) to which one NK dose is added in the arm
    "Dupilumab 300 mg qw" (no real record here has both): the responses posted for the group titled as that arm come
    back with the dose, the same rows from rdflib and from Oxigraph (the query is written for Oxigraph's planner, whose
    hash joins over the whole registry took 12 GB where this form takes 0.6 GB: docs/benchmarks.md).
    """
    from kg.query.catalogue import stored_query
    from kg.query.run import query_store, run_local

    graph, store, _ = record_with_cell_products(tmp_path, "NCT02210780", {"NK": "Dupilumab 300 mg qw"})

    for given, expected in (({}, 3), ({"cell_type": "NK"}, 3), ({"cell_type": "CAR_T"}, 0)):
        query = stored_query("response_by_dose").bind(given)
        in_memory, in_store = run_local(graph, query), query_store(store, query)
        assert in_memory == in_store and len(in_memory.rows) == expected
    row = dict(zip(in_memory.columns, run_local(graph, stored_query("response_by_dose").bind({})).rows[2]))
    assert (row["arm"], row["dose_min"], row["dose_unit"], row["per"], row["value"], row["analyzed"], row["rate_percent"]) == (
        "Dupilumab 300 mg qw", "1.0E6", "cells/kg", "DOSE", "83.3", "90", "83.3")
    assert row["measure"].startswith("Percentage of Participants With a Positive Response (≥4-Fold Increase) to Tetanus")


def test_serious_adverse_event_rates_give_each_group_s_posted_totals_once_however_many_cell_products(tmp_path):
    """Each group's serious-event totals as the registry posts them (eventGroups' seriousNumAtRisk and
    seriousNumAffected, read from the record's JSON here), once per group however many cell products the trial gives,
    with or without a cell type asked; rdflib and Oxigraph alike. NK and CAR-T cells are added to the real record
    NCT02210780. The query counted over the event terms before (the largest number one serious term affected, and
    the terms): its group "Dupilumab 300 mg qw" posts 3 participants with a serious event where no term affected
    more than 1, so the rate is the posted 3 of 97, not 1 of 97.
    """
    from kg.query.catalogue import stored_query
    from kg.query.run import query_store, run_local

    study = json.loads((TESTS / "data" / "ctgov-json" / "NCT02210780.json").read_text(encoding="utf-8"))
    posted = {" ".join(group["title"].split()): (str(group["seriousNumAtRisk"]), str(group["seriousNumAffected"]))
              for group in study["resultsSection"]["adverseEventsModule"]["eventGroups"]}
    assert posted == {"Placebo qw": ("97", "0"), "Dupilumab 300 mg qw": ("97", "3")}
    by_one_term = max(int(affected or 0) for _, group, _, serious, affected, _ in _reported_events(study)
                      if group == "Dupilumab 300 mg qw" and serious == "true")
    assert by_one_term == 1
    graph, store, _ = record_with_cell_products(tmp_path, "NCT02210780", {"NK": "Dupilumab 300 mg qw", "CAR_T": "Placebo qw"})

    for given in ({}, {"cell_type": "NK"}, {"cell_type": "CAR_T"}):
        query = stored_query("serious_adverse_event_rates").bind(given)
        in_memory, in_store = run_local(graph, query), query_store(store, query)
        assert in_memory == in_store
        got = [dict(zip(in_memory.columns, row)) for row in in_memory.rows]
        assert {row["group"]: (row["at_risk"], row["serious_affected"]) for row in got} == posted, given
        assert len(got) == len(posted)
        assert {row["group"]: row["serious_rate_percent"] for row in got} == {"Placebo qw": "0", "Dupilumab 300 mg qw": "3.1"}
    assert run_local(graph, stored_query("serious_adverse_event_rates").bind({"cell_type": "CIK"})).rows == []
