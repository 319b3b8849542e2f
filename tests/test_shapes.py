"""The SHACL shapes accept good graphs and reject each broken one on the right shape.

``tests/shapes/`` holds paired data (shared/style.md, practice 14): ``<Shape>-valid.ttl``
conforms, and ``<Shape>-invalid-NN.ttl`` is a complete minimal graph with one defect that
``shape:<Shape>`` must catch. The first line of every file says why it is (in)valid.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from conftest import shacl_report
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, SKOS

from kg.build.streaming import build
from kg.graphs.files import load_graph
from kg.model.namespaces import CTK, ID, SHAPES, VOC
from kg.read import LAYOUTS
from kg.validation.reference import validate_graph
from kg.validation.report import Violation
from kg.validation.shapes import shapes_graph

ROOT = Path(__file__).resolve().parent.parent
SHAPE_DATA = ROOT / "tests" / "shapes"
SEEDS = ROOT / "tests" / "data" / "seeds"

VALID = sorted(SHAPE_DATA.glob("*-valid.ttl"))
INVALID = sorted(SHAPE_DATA.glob("*-invalid-*.ttl"))

SHAPES_GRAPH = shapes_graph()  # shapes.ttl with the closed property sets derived from kg.ttl
VOCABULARIES = rdflib.Graph().parse(ROOT / "ontology" / "vocabularies.ttl", format="turtle")
SH_IN = rdflib.URIRef(f"{SH}in")
TRIAL_CLASS = rdflib.URIRef(f"{CTK}Trial")

#: The defects the issue asks the shapes to catch, by the shape that must catch them.
REQUIRED_INVALID = {
    "Trial-enrollment",  # wrong datatype
    "Trial-trialId", "Outcome-measure",  # missing required value
    "Identifier-pattern",  # bad identifier pattern
    "Trial-phase", "Trial-status",  # value outside an enumeration
    "Arm-one-trial",  # dangling arm
    "Trial-ages-ordered",  # minimum age above maximum age
}

def _name(path: Path) -> str:
    return path.name


def _shape_name(path: Path) -> str:
    """The shape a file is about: ``Trial-enrollment-invalid-01.ttl`` -> ``Trial-enrollment``."""
    return re.sub(r"-(valid|invalid-\d+)\.ttl$", "", path.name)


def _local(shape: str) -> str:
    """The local name of a shape written ``shape:Trial-enrollment`` or ``https://...shapes#Trial-enrollment``."""
    return re.split(r"[#:]", shape)[-1]


def _shape_iri(name: str) -> rdflib.URIRef:
    iri = rdflib.URIRef(f"{SHAPES}{name}")
    assert (iri, RDF.type, None) in SHAPES_GRAPH, f"ontology/shapes.ttl has no shape:{name}"
    return iri


def _caught_by(violation: Violation, iri: rdflib.URIRef) -> bool:
    """Whether ``violation`` comes from the property shape or SPARQL-based constraint ``iri``."""
    return _local(violation.shape) == _local(str(iri))


def _message(iri: rdflib.URIRef) -> re.Pattern[str]:
    """The shape's sh:message as a pattern; a ``{?var}`` placeholder matches the text put in its place."""
    message = SHAPES_GRAPH.value(iri, SH.message)
    assert message is not None, f"shape:{_local(str(iri))} has no sh:message"
    return re.compile(".+?".join(re.escape(part) for part in re.split(r"\{[?$]\w+\}", str(message))))


def _trial_keys(focus: str, data: rdflib.Graph) -> set[str]:
    """The keys of the trials a node belongs to: the trial itself, a node under its IRI, or one it links to."""
    keys = set()
    for trial in data.subjects(RDF.type, TRIAL_CLASS):
        if focus == str(trial) or focus.startswith(f"{trial}/") or (trial, None, rdflib.URIRef(focus)) in data:
            keys.add(str(trial).removeprefix(f"{ID}trial/"))
    return keys


def _listing(violations: list[Violation]) -> str:
    return "\n".join(f"  [{v.shape}] {v}" for v in violations) or "  (none)"


# ---------------------------------------------------------------------------
# The test data itself
# ---------------------------------------------------------------------------

def test_shape_data_is_present() -> None:
    """The globs find the files, so the parametrized tests below cannot pass by running nothing."""
    assert VALID, f"no *-valid.ttl under {SHAPE_DATA}"
    assert INVALID, f"no *-invalid-NN.ttl under {SHAPE_DATA}"
    missing = REQUIRED_INVALID - {_shape_name(path) for path in INVALID}
    assert not missing, f"no invalid file for: {', '.join(sorted(missing))}"


@pytest.mark.parametrize("path", VALID + INVALID, ids=_name)
def test_shape_file_says_why_and_has_no_blank_nodes(path: Path) -> None:
    """Each file opens with a comment saying why it is (in)valid, and, like a built graph, has no blank nodes."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# Valid: " if path in VALID else "# Invalid: "), first
    blank = [triple for triple in load_graph([path]) if any(isinstance(term, rdflib.BNode) for term in triple)]
    assert not blank, blank


def test_every_node_shape_meets_valid_data() -> None:
    """Each node shape's target class has instances in the valid files, so no shape goes untried on good data."""
    typed = set()
    for path in VALID:
        typed |= set(load_graph([path]).objects(None, RDF.type))
    node_shapes = sorted(SHAPES_GRAPH.subjects(RDF.type, SH.NodeShape))
    assert node_shapes
    untried = [_local(str(shape)) for shape in node_shapes if not set(SHAPES_GRAPH.objects(shape, SH.targetClass)) & typed]
    assert not untried, f"no valid file has an instance for: {', '.join(untried)}"


# ---------------------------------------------------------------------------
# Valid data conforms; each broken graph fails on its shape, in words
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", VALID, ids=_name)
def test_valid_graph_conforms(path: Path) -> None:
    """A valid file conforms with no violation or warning: the shapes do not reject well-formed data."""
    result = shacl_report(path)
    assert result.conforms and not result.violations, f"{path.name}:\n{_listing(result.violations)}"


@pytest.mark.parametrize("path", INVALID, ids=_name)
def test_invalid_graph_does_not_conform(path: Path) -> None:
    """A broken graph does not conform, and each violation names the trial its node belongs to."""
    data = load_graph([path])
    result = shacl_report(path)
    assert not result.conforms, f"{path.name} conforms, but its defect should be caught"
    for violation in result.violations:
        keys = _trial_keys(violation.focus, data)
        assert not keys or any(key in str(violation) for key in keys), f"no trial ({keys}) in: {violation}"


@pytest.mark.parametrize("path", INVALID, ids=_name)
def test_invalid_graph_fails_on_its_shape(path: Path) -> None:
    """The shape the file is named after catches the defect, with its message; no other shape objects."""
    iri = _shape_iri(_shape_name(path))
    result = shacl_report(path)
    violations = [v for v in result.violations if v.severity == "Violation"]
    caught = [v for v in violations if _caught_by(v, iri)]
    assert caught, f"{path.name}: no violation from shape:{_local(str(iri))}; got:\n{_listing(violations)}"
    others = [v for v in violations if v not in caught]
    assert not others, f"{path.name} has more than its one defect:\n{_listing(others)}"
    message = _message(iri)
    for violation in caught:
        assert message.search(str(violation)), f"the shape's sh:message is not in: {violation}"


# ---------------------------------------------------------------------------
# Real data conforms
# ---------------------------------------------------------------------------

def test_seed_graph_conforms(tmp_path: Path) -> None:
    """The graph `kg build` makes of the seed documents conforms: the shapes accept what the mapping writes."""
    output = tmp_path / "seeds.ttl"
    report = build([SEEDS], output)
    assert report.ok and report.documents, [str(failure) for failure in report.failures]
    result = validate_graph(load_graph([output]))
    assert result.conforms, _listing(result.violations)


# ---------------------------------------------------------------------------
# Enumerations agree with the vocabularies and the readers
# ---------------------------------------------------------------------------

def _concept_lists() -> list:
    """Each sh:in list of a property shape on a ctk: property whose members are all voc: concepts."""
    lists = []
    for shape, head in SHAPES_GRAPH.subject_objects(SH_IN):
        path = SHAPES_GRAPH.value(shape, SH.path)
        members = list(Collection(SHAPES_GRAPH, head))
        if str(path).startswith(CTK) and members and all(str(m).startswith(VOC) for m in members):
            lists.append(pytest.param(shape, members, id=_local(str(shape))))
    return sorted(lists, key=lambda param: param.id)


CONCEPT_LISTS = _concept_lists()


def test_concept_lists_are_found() -> None:
    """The shapes do enumerate concepts, so the agreement test below is not vacuous."""
    assert len(CONCEPT_LISTS) >= 10, [param.id for param in CONCEPT_LISTS]


@pytest.mark.parametrize(("shape", "listed"), CONCEPT_LISTS)
def test_concept_list_matches_its_scheme(shape: rdflib.URIRef, listed: list[rdflib.URIRef]) -> None:
    """An sh:in list holds exactly the concepts of its scheme in vocabularies.ttl, each once.

    The scheme is the one the listed concepts are in (skos:inScheme); they must all share it.
    """
    schemes = {VOCABULARIES.value(concept, SKOS.inScheme) for concept in listed}
    assert len(schemes) == 1 and None not in schemes, f"{_local(str(shape))} lists concepts of schemes {schemes}"
    scheme = schemes.pop()
    assert (scheme, RDF.type, SKOS.ConceptScheme) in VOCABULARIES, f"no concept scheme {scheme}"
    concepts = set(VOCABULARIES.subjects(SKOS.inScheme, scheme))
    assert len(listed) == len(set(listed)), f"a concept is listed twice in {shape}"
    assert set(listed) == concepts, (f"{_local(str(shape))}: not in the scheme: {sorted(set(listed) - concepts)}; "
                                     f"missing from sh:in: {sorted(concepts - set(listed))}")


def test_layout_list_matches_readers() -> None:
    """shape:SourceDocument-layout accepts exactly the layouts and formats kg.read can read (kg.read.LAYOUTS)."""
    head = SHAPES_GRAPH.value(rdflib.URIRef(f"{SHAPES}SourceDocument-layout"), SH_IN)
    assert head is not None, "shape:SourceDocument-layout has no sh:in"
    listed = [str(value) for value in Collection(SHAPES_GRAPH, head)]
    assert len(listed) == len(set(listed))
    assert set(listed) == set(LAYOUTS)


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------

def _kg(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kg ARGS`` as a user would."""
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_cli_validate_prints_violation_and_exits_1() -> None:
    """`kg validate` on a broken graph exits 1 and prints the violation: trial, value and the shape's message."""
    done = _kg("validate", SHAPE_DATA / "Trial-enrollment-invalid-01.ttl")
    assert done.returncode == 1, done.stdout + done.stderr
    message = str(SHAPES_GRAPH.value(rdflib.URIRef(f"{SHAPES}Trial-enrollment"), SH.message))
    assert message in done.stdout
    assert "trial NCT01234567" in done.stdout and "'fifteen'" in done.stdout
    assert "does not conform" in done.stdout


def test_cli_validate_exits_0_on_valid_graph() -> None:
    """`kg validate` on a valid graph exits 0 and says it conforms."""
    done = _kg("validate", SHAPE_DATA / "Trial-valid.ttl")
    assert done.returncode == 0, done.stdout + done.stderr
    assert ": conforms (0 violations" in done.stdout


def test_cli_validate_exits_2_on_file_that_is_not_rdf(tmp_path: Path) -> None:
    """`kg validate` on a file that is not RDF exits 2 with one line on stderr starting "Error:", no traceback."""
    path = tmp_path / "page.ttl"
    path.write_text("Phase 1 trial of CAR-T cells {enrollment: 15\n", encoding="utf-8")
    done = _kg("validate", path)
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:"), done.stderr
    assert str(path) in lines[0]
    assert not done.stdout


def test_country_list_is_iso_3166_1() -> None:
    """shape:Site-countryCode lists exactly the alpha-2 codes of ISO 3166-1 as pycountry has them, each once."""
    import pycountry

    head = SHAPES_GRAPH.value(rdflib.URIRef(f"{SHAPES}Site-countryCode"), SH_IN)
    listed = [str(code) for code in Collection(SHAPES_GRAPH, head)]
    assert len(listed) == len(set(listed))
    assert set(listed) == {country.alpha_2 for country in pycountry.countries}


def test_closed_property_sets_follow_the_ontology() -> None:
    """Each class's closed set holds the ctk: properties kg.ttl gives it a domain of, and its property shapes' paths."""
    select = str(SHAPES_GRAPH.value(rdflib.URIRef(f"{SHAPES}Trial-closed"), SH.select))
    allowed = set(re.search(r"\(\?!\(([^)]*)\)\$\)", select).group(1).split("|"))  # its filter's (?!(a|b|...)$)
    assert {"trialId", "hasSite", "briefSummary", "relatedTrial", "completionDate"} <= allowed
    assert "hasSites" not in allowed and "measure" not in allowed
