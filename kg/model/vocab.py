"""The controlled values (SKOS concept schemes) and how page wordings map onto them.

``ontology/vocabularies.ttl`` is the one list of concepts and their synonyms; this
module reads it once and answers "which token does this wording mean?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from kg.model.namespaces import VOC
from kg.resources import ontology_file

__all__ = ["Scheme", "scheme", "lookup", "concept_iri", "SCHEMES"]

_SKOS = "http://www.w3.org/2004/02/skos/core#"

#: The schemes the graph uses, by the local name of their IRI.
SCHEMES = (
    "phase", "status", "study-type", "sex", "allocation", "intervention-model",
    "primary-purpose", "masking", "arm-type", "intervention-type", "identifier-scheme",
    "sponsor-role", "outcome-kind", "criterion-kind", "population",
    "cell-type", "donor-type", "tissue-source", "cytokine", "cytokine-role", "route", "frequency", "regimen-purpose",
    "eligibility-quantity",
)


def _key(text: str) -> str:
    """Case, punctuation and spacing do not distinguish wordings."""
    return re.sub(r"[^A-Z0-9]+", " ", text.upper()).strip()


@dataclass
class Scheme:
    """One concept scheme: its tokens (skos:notation) and the wordings that mean each."""

    name: str
    tokens: list[str] = field(default_factory=list)
    wordings: dict[str, str] = field(default_factory=dict)

    def lookup(self, text: str | None) -> str | None:
        """The token a wording means, or None when the wording is not known.

        >>> scheme("masking").lookup("None (Open label)")
        'NONE'
        >>> scheme("status").lookup("Enrolling")
        'RECRUITING'
        >>> scheme("intervention-model").lookup("SINGLE_GROUP")
        'SINGLE_GROUP'
        """
        if not text:
            return None
        return self.wordings.get(_key(text))

    def lookup_cut(self, text: str | None) -> str | None:
        """The token of a wording cut short where a page excerpt ends: the one token every known wording that begins so
        means, at least six letters of it ("Non-Randomi", "Allocation: | Non-Randomi" the last line of
        clinicaltrials.gov NCT03533816's excerpt); None where the start fits no wording or wordings of several tokens.

        >>> scheme("allocation").lookup_cut("Non-Randomi"), scheme("allocation").lookup_cut("Rand")
        ('NON_RANDOMIZED', None)
        """
        key = _key(text or "")
        if len(key.replace(" ", "")) < 6:
            return None
        tokens = {token for wording, token in self.wordings.items() if wording.startswith(key)}
        return tokens.pop() if len(tokens) == 1 else None

    def iri(self, token: str) -> str:
        """The concept IRI of a token."""
        if token not in self.tokens:
            raise ValueError(f"{token!r} is not a value of the {self.name} scheme ({', '.join(self.tokens)})")
        return f"{VOC}{self.name}-{token}"


@cache
def _schemes() -> dict[str, Scheme]:
    schemes = {name: Scheme(name) for name in SCHEMES}
    by_concept: dict[str, Scheme] = {}
    notations: dict[str, str] = {}
    labels: list[tuple[str, str]] = []
    with open(ontology_file("vocabularies.ttl"), "rb") as handle:
        for triple in ox.parse(handle, ox.RdfFormat.TURTLE):
            subject, predicate, obj = triple.subject.value, triple.predicate.value, triple.object
            if predicate == f"{_SKOS}inScheme":
                by_concept[subject] = schemes[obj.value.removeprefix(VOC)]
            elif predicate == f"{_SKOS}notation":
                notations[subject] = obj.value
            elif predicate in (f"{_SKOS}prefLabel", f"{_SKOS}altLabel", f"{_SKOS}hiddenLabel"):
                labels.append((subject, obj.value))
    for concept, token in sorted(notations.items()):
        owner = by_concept[concept]
        owner.tokens.append(token)
        owner.wordings[_key(token)] = token
    for concept, label in labels:
        if concept in by_concept:
            by_concept[concept].wordings.setdefault(_key(label), notations[concept])
    return schemes


def scheme(name: str) -> Scheme:
    """The concept scheme called ``name`` (one of :data:`SCHEMES`)."""
    return _schemes()[name]


def lookup(scheme_name: str, text: str | None) -> str | None:
    """Shorthand for ``scheme(scheme_name).lookup(text)``."""
    return scheme(scheme_name).lookup(text)


def concept_iri(scheme_name: str, token: str) -> str:
    """Shorthand for ``scheme(scheme_name).iri(token)``."""
    return scheme(scheme_name).iri(token)
