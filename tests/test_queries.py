"""Stored queries: every file is a valid, self-describing query; contract columns; safe parameters."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph
import pytest
import rdflib
from conftest import REPO, run_kg

from kg.errors import QueryError
from kg.model.vocab import scheme
from kg.query.catalogue import catalogue, stored_query
from kg.query.run import check_read_only, query_store, run_local

#: The columns of the stored-query contract (shared/spec/queries.md), query by query.
CONTRACT = {
    "trials": ["trial_id", "title", "phase", "status", "study_type", "enrollment", "sex", "min_age_years",
               "max_age_years", "healthy_volunteers", "allocation", "intervention_model", "primary_purpose",
               "masking", "start_date", "completion_date"],
    "identifiers": ["trial_id", "identifier", "scheme"],
    "sponsors": ["trial_id", "organization", "role"],
    "conditions": ["trial_id", "condition"],
    "arms": ["trial_id", "arm", "arm_type", "description"],
    "interventions": ["trial_id", "arm", "intervention", "intervention_type"],
    "outcomes": ["trial_id", "kind", "measure", "time_frame"],
    "sites": ["trial_id", "site", "city", "country"],
    "eligibility": ["trial_id", "kind", "population", "criterion"],
    "related_trials": ["trial_id", "related_id"],
    "references": ["trial_id", "doi", "pmid", "citation"],
}

QUERIES = sorted((REPO / "queries").glob("*.rq"))


def test_the_query_folder_is_found():
    assert len(QUERIES) >= len(CONTRACT)
    assert set(CONTRACT) <= set(catalogue())


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_each_stored_query_parses_and_describes_itself(path):
    stored = catalogue()[path.stem]
    check_read_only(stored.text)
    assert stored.summary and stored.description.startswith("One row per"), path.name
    for parameter in stored.parameters:
        assert parameter.variable in stored.body, f"{path.name} declares {parameter.name} but never uses it"


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_queries_return_the_contract_columns_on_the_seed_graph(name, seed_rdflib_graph):
    result = run_local(seed_rdflib_graph, stored_query(name).bind({}))
    assert set(CONTRACT[name]) <= set(result.columns)
    assert result.rows, f"{name} found nothing in the seed graph"


def test_trials_lists_only_trials_described_by_a_document(seed_rdflib_graph):
    rows = run_local(seed_rdflib_graph, stored_query("trials").bind({})).rows
    assert sorted(row[0] for row in rows) == ["2019-001929-27", "NCT05272293", "NCT05333705", "NCT06641648",
                                              "NL-OMON26066"]


def test_nk_trials_without_cytokine_support_leave_out_trials_giving_il2_to_patients(seed_graph, seed_rdflib_graph):
    """IL-21 used only to grow the cells keeps a trial in; IL-2 given after the infusion takes it out."""
    query = stored_query("nk_trials_without_cytokine_support").bind({})
    store = pyoxigraph.Store()
    store.load(path=str(seed_graph), format=pyoxigraph.RdfFormat.TURTLE)
    for rows in (run_local(seed_rdflib_graph, query).rows, query_store(store, query).rows):
        assert [row[0] for row in rows] == ["NCT05272293", "NCT05333705", "NL-OMON26066"]


def test_a_parameter_restricts_the_rows(seed_rdflib_graph):
    result = run_local(seed_rdflib_graph, stored_query("trials").bind({"status": "NOT_YET_RECRUITING"}))
    assert [row[0] for row in result.rows] == ["NCT06641648"]


def test_a_hostile_parameter_stays_a_string_and_changes_nothing(seed_rdflib_graph):
    hostile = 'x" } ; DROP ALL ; #'
    before = len(seed_rdflib_graph)
    sparql = stored_query("identifiers").bind({"trial_id": hostile})  # free text: a vocabulary token is checked first
    assert '"x\\" } ; DROP ALL ; #"' in sparql
    assert run_local(seed_rdflib_graph, sparql).rows == []
    assert len(seed_rdflib_graph) == before


def test_parameters_are_typed():
    with pytest.raises(QueryError, match="not a valid integer"):
        from kg.query.catalogue import Parameter

        Parameter("n", "integer", "").term("twelve")


def test_an_unknown_parameter_is_named_with_the_accepted_ones():
    with pytest.raises(QueryError, match=r"no parameter colour \(it accepts: trial_id, sponsor, condition, phase, status, "
                                          r"cell_type, country\)"):
        stored_query("trials").bind({"colour": "red"})


@pytest.mark.parametrize("update", ["DROP ALL", "INSERT DATA { <a:b> <a:c> <a:d> }", "CLEAR DEFAULT"])
def test_updates_are_refused(update):
    with pytest.raises(QueryError, match="not a read-only SPARQL query"):
        check_read_only(update)


@pytest.mark.parametrize("update", ["DROP ALL", "INSERT DATA { <a:b> <a:c> <a:d> }", "CLEAR DEFAULT"])
def test_updates_are_refused_by_a_store(update):
    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("a:b"), pyoxigraph.NamedNode("a:c"), pyoxigraph.NamedNode("a:d")))
    with pytest.raises(QueryError, match="not a read-only SPARQL query"):
        query_store(store, update)
    assert len(store) == 1


def test_cli_query_prints_csv_json_and_tables(seed_graph):
    csv_result = run_kg("query", "sites", "--data", seed_graph, "--format", "csv")
    assert csv_result.returncode == 0, csv_result.stderr
    rows = list(csv.DictReader(io.StringIO(csv_result.stdout)))
    assert {(r["trial_id"], r["city"], r["country"]) for r in rows} == {
        ("NCT05272293", "Minsk", "BY"), ("2019-001929-27", "Nijmegen", "NL")}
    json_rows = json.loads(run_kg("query", "sites", "--data", seed_graph, "--format", "json").stdout)
    assert len(json_rows) == 2 and json_rows[0].keys() >= {"trial_id", "site", "city", "country"}
    table = run_kg("query", "trials", "--data", seed_graph, "--param", "phase=PHASE2").stdout
    assert "2019-001929-27" in table and "NCT05272293" not in table and table.rstrip().endswith("(1 row)")


def test_cli_query_names_an_unknown_query(seed_graph):
    result = run_kg("query", "nope", "--data", seed_graph)
    assert result.returncode == 2
    assert result.stderr.strip() == "Error: no stored query named 'nope'; `kg query list` shows them all"


def test_cli_query_list_shows_every_query_and_its_parameters():
    result = run_kg("query", "list")
    for name in catalogue():
        assert name in result.stdout
    assert "--param status=<string>" in result.stdout


def test_query_results_are_the_same_through_the_file_and_the_graph(seed_graph):
    graph = rdflib.Graph().parse(seed_graph)
    direct = run_local(graph, stored_query("eligibility").bind({}))
    printed = list(csv.reader(io.StringIO(run_kg("query", "eligibility", "--data", seed_graph, "-f", "csv").stdout)))
    assert printed[0] == direct.columns
    assert printed[1:] == [[value or "" for value in row] for row in direct.rows]


# ---------------------------------------------------------------------------
# grlc: the folder serves as a grlc Web API as it is
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_each_header_parses_as_grlc_parses_it(path):
    """The grlc package (its gquery.get_metadata) reads the same summary, tags, parameters and enumerations as kg query."""
    gquery = pytest.importorskip("grlc.gquery")
    stored = catalogue()[path.stem]
    metadata = gquery.get_metadata(stored.text, "http://127.0.0.1:1/unused")  # enumerations are listed: no endpoint asked
    assert metadata["type"] == "SelectQuery"
    assert (metadata["summary"], metadata["description"], metadata["tags"]) == (stored.summary, stored.description,
                                                                              list(stored.tags))
    grlc_parameters = metadata["parameters"]
    assert set(grlc_parameters) == {p.grlc_name for p in stored.parameters}
    for parameter in stored.parameters:
        seen = grlc_parameters[parameter.grlc_name]
        assert (seen["original"], seen["required"], seen["type"]) == (parameter.variable, parameter.required, "string")
        assert "lang" not in seen and seen.get("datatype") == (None if parameter.type == "string" else f"xsd:{parameter.type}")
        assert seen.get("enum", []) == sorted(parameter.values)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_each_header_is_as_written_from_the_vocabularies(path):
    """`python -m kg.query.headers` writes every header: the enumerations are the schemes' notations."""
    from kg.query.headers import header

    stored = catalogue()[path.stem]
    assert stored.text.startswith(header(stored)), f"run python -m kg.query.headers to rewrite {path.name}"
    for parameter in stored.parameters:
        if parameter.scheme:
            assert set(parameter.values) == set(scheme(parameter.scheme).tokens)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_each_filter_on_the_trials_is_spelt_as_in_every_other_listing(path):
    from kg.query.headers import written

    stored = catalogue()[path.stem]
    assert stored.text == written(stored), f"run python -m kg.query.headers to rewrite {path.name}"


def test_a_filter_copied_wrong_is_written_back_as_the_others(tmp_path):
    from kg.query.catalogue import _parse_header
    from kg.query.headers import written

    original = stored_query("arms")
    drifted = tmp_path / "arms.rq"
    drifted.write_text(original.text.replace("?filter_condition rdfs:label", "?filter_condition ctk:name"), encoding="utf-8")
    assert _parse_header(drifted).text != original.text
    assert written(_parse_header(drifted)) == original.text


def test_grlc_conventions_required_optional_and_list_tags():
    trial, trials = stored_query("trial"), stored_query("trials")
    assert [(p.name, p.variable, p.required) for p in trial.parameters] == [("trial_id", "?_trialId", True)]
    assert [(p.name, p.variable, p.required) for p in trials.parameters][2:5] == [
        ("condition", "?__condition", False), ("phase", "?__phase", False), ("status", "?__status", False)]
    assert trials.tags == ("contract", "trials")


def test_kg_query_takes_a_parameter_by_its_name_or_by_grlc_s(seed_rdflib_graph):
    rows = [run_local(seed_rdflib_graph, stored_query("trial").bind({key: "NCT06641648"})).rows
            for key in ("trial_id", "trialId")]
    assert rows[0] and rows[0] == rows[1]
    with pytest.raises(QueryError, match="needs --param trial_id=<string>"):
        stored_query("trial").bind({})


def test_a_parameter_name_grlc_would_read_as_a_language_tag_is_refused(tmp_path):
    from kg.query.catalogue import _parse_header

    path = tmp_path / "bad.rq"
    path.write_text("#+ summary: x\nSELECT ?s WHERE { ?s ?p ?__trial_id }\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"bad.rq: grlc reads \?__trial_id as a literal tagged @id"):
        _parse_header(path)


def test_a_header_in_the_old_format_is_refused_saying_what_to_write(tmp_path):
    from kg.query.catalogue import _parse_header

    path = tmp_path / "old.rq"
    path.write_text("#+ summary: x\n#+ param: status | string | a status\nSELECT ?s WHERE { ?s ?p ?_status }\n",
                    encoding="utf-8")
    with pytest.raises(QueryError, match=r"old.rq: '#\+ param:' and '#\+ required:' are not grlc's"):
        _parse_header(path)
