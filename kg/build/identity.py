"""Which documents describe the same trial, the key that trial goes by, and which source
speaks for it where sources disagree.

Documents that share a register number describe one trial (the contract's rule), in
whatever order they arrive; the merged trial's key follows the key rule
(:func:`kg.model.identifiers.trial_key`) over every identifier of every document in the group
and the registries they come from: the NCT number, else the number of a registry that one of
the documents comes from (where the documents come from several registries and none gives an
NCT number, the first of the key rule's order of schemes, then the least number: an ISRCTN page
and an ANZCTR page of one trial are keyed by the ISRCTN number, whichever came first), else the
EudraCT / EU CT number, and so on. Register numbers join documents; a sponsor's
own study id joins them only together with the sponsor's name; grant numbers never do.
Two different numbers of one register (two NCT numbers, two EudraCT numbers) are two
trials whatever else they share: two groups are never joined when each holds a number of
the same register and they share none of them.

Where documents disagree, the trial takes each fact from the most recently updated
source that states it (ties broken by the registry's own JSON first, then checksum, so
the choice never depends on the order documents arrive in).

The groups are formed once every document was added, in an order fixed by the documents'
own join keys and checksums (register numbers first, then sponsor ids), so that which
documents join never depends on the order they arrive in either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from kg.model.facts import TRIAL_FACTS, SourceRank
from kg.model.identifiers import register_of, scheme_of, trial_key
from kg.model.records import Identifier, Organization
from kg.model.text import slug

__all__ = ["TrialIdentity", "SourceRank"]


def _join_keys(identifiers: list[Identifier], sponsors: Iterable[Organization]) -> tuple[list[str], list[str]]:
    """A document's register numbers, and its sponsor ids each qualified by a sponsor's name."""
    numbers = sorted({i.value for i in identifiers if i.scheme != "ORG" and scheme_of(i.value)})
    names = sorted({slug(s.name) for s in sponsors if slug(s.name)})
    sponsor_ids = sorted({f"org:{name}/{i.value}" for i in identifiers if i.scheme == "ORG" for name in names})
    return numbers, sponsor_ids


class _Group:
    """Documents found to describe one trial: their identifiers, register numbers by register,
    and for each trial fact the best rank of a source stating it.
    """

    __slots__ = ("identifiers", "numbers", "speakers", "registries")

    def __init__(self, identifiers: Iterable[Identifier], speakers: dict[str, SourceRank],
                 registries: Iterable[str] = ()) -> None:
        self.identifiers = set(identifiers)
        self.registries = set(registries)
        self.numbers: dict[str, set[str]] = {}
        for identifier in self.identifiers:
            register = register_of(identifier)
            if register:
                self.numbers.setdefault(register, set()).add(identifier.value)
        self.speakers = dict(speakers)

    def conflicts(self, other: _Group) -> bool:
        """Whether joining would give one trial two numbers of a register that neither shares."""
        return any(register in other.numbers and not values & other.numbers[register]
                   for register, values in self.numbers.items())

    def absorb(self, other: _Group) -> None:
        self.identifiers |= other.identifiers
        self.registries |= other.registries
        for register, values in other.numbers.items():
            self.numbers.setdefault(register, set()).update(values)
        for fact, rank in other.speakers.items():
            if rank > self.speakers.get(fact, ("", -1, "")):
                self.speakers[fact] = rank


#: The trial facts a document states and the rank they are stated with: (rank, bit mask of
#: TRIAL_FACTS) for a document added once, fact -> best rank for one added several times.
_Speakers = tuple[SourceRank, int] | dict[str, SourceRank]
_FACT_BIT = {fact: bit for bit, fact in enumerate(TRIAL_FACTS)}


def _identifiers(pairs: Iterable[tuple[str, str]]) -> list[Identifier]:
    return [Identifier(value, scheme) for value, scheme in pairs]


def _speakers_of(speakers: _Speakers) -> dict[str, SourceRank]:
    if isinstance(speakers, dict):
        return dict(speakers)
    rank, mask = speakers
    return {fact: rank for fact, bit in _FACT_BIT.items() if mask >> bit & 1}


class TrialIdentity:
    """Documents by handle, grouped into trials when first asked (and again after more are added).

    Memory holds one small entry per document (its join keys, identifiers and the facts it
    states, in tuples and a bit mask: at the registry's 560,000 documents each 100 bytes of an
    entry are 56 MB), not the documents, and a :class:`_Group` only for the trials of several documents.
    """

    def __init__(self) -> None:
        #: handle -> (register numbers, sponsor ids, identifiers as (value, scheme), the facts it states and
        #: their rank, the registry the document comes from). Plain tuples: an Identifier a worker's result was
        #: unpickled into holds a dict of its own.
        self._documents: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...], _Speakers,
                                         str | None]] = {}
        self._schemes: dict[str, str] = {}
        #: handle -> its group's root, for the documents that joined a group they are not the root of.
        self._root: dict[str, str] | None = None
        #: The groups of several documents, by root; a document alone is its own group.
        self._groups: dict[str, _Group] = {}
        self._keys: dict[str, str] = {}

    def add(self, identifiers: Iterable[Identifier], sponsors: Iterable[Organization] = (),
            rank: SourceRank = ("", 0, ""), facts: Iterable[str] = (), registry: str | None = None) -> str:
        """Register one document: its identifiers, sponsors, rank, the trial facts it states and the
        registry it comes from (:func:`kg.model.identifiers.source_registry`).

        Returns the handle to ask :meth:`key` and :meth:`speaks_for` with.
        """
        identifiers = tuple(identifiers)
        numbers, sponsor_ids = _join_keys(list(identifiers), sponsors)
        handle = self.handle(identifiers, sponsors, rank)
        mask = 0
        for fact in facts:
            mask |= 1 << _FACT_BIT[fact]
        entry = self._documents.get(handle)
        pairs = tuple((i.value, self._schemes.setdefault(i.scheme, i.scheme)) for i in identifiers)
        registry = self._schemes.setdefault(registry, registry) if registry else None
        if entry is None:
            self._documents[handle] = (tuple(numbers), tuple(sponsor_ids), pairs, (rank, mask), registry)
        else:  # the same document again: what both say
            speakers = _speakers_of(entry[3])
            for fact, rank_of in _speakers_of((rank, mask)).items():
                if rank_of > speakers.get(fact, ("", -1, "")):
                    speakers[fact] = rank_of
            # the same checksum is the same page, read from the same address: the same registry (the lesser of two
            # only if a caller said otherwise, so that the order documents come in never matters)
            registry = min(filter(None, (entry[4], registry)), default=None)
            self._documents[handle] = (tuple(sorted({*entry[0], *numbers})), tuple(sorted({*entry[1], *sponsor_ids})),
                                       tuple(dict.fromkeys((*entry[2], *pairs))), speakers, registry)
        self._root = None
        return handle

    @staticmethod
    def handle(identifiers: Iterable[Identifier], sponsors: Iterable[Organization], rank: SourceRank) -> str:
        """The handle :meth:`add` gives a document: its checksum and identifiers (the same for the
        same document, always, and another for each record of a document of several trials).
        """
        identifiers = list(identifiers)
        digest = hashlib.sha256("\n".join(sorted(f"{i.scheme} {i.value}" for i in identifiers)).encode("utf-8"))
        first = min((i.value for i in identifiers), default="")
        return f"document:{rank[2]}:{first}:{digest.hexdigest()[:16]}"

    def _group(self, root: str) -> _Group:
        """The group whose root is ``root``: one of several documents, or the document alone."""
        group = self._groups.get(root)
        if group is None:
            entry = self._documents[root]
            group = _Group(_identifiers(entry[2]), _speakers_of(entry[3]), filter(None, [entry[4]]))
        return group

    def _resolve(self) -> dict[str, str]:
        """Group the documents: each register number's documents, then each sponsor id's, join
        unless the join would give one trial two numbers of a register.
        """
        if self._root is not None:
            return self._root
        parent: dict[str, str] = {}  # only the documents that are no root (any more)
        self._groups = {}

        def find(handle: str) -> str:
            while handle in parent:
                above = parent[handle]
                if above in parent:
                    parent[handle] = parent[above]
                handle = above
            return handle

        handles = sorted(self._documents)
        for tier in (0, 1):
            holders: dict[str, list[str]] = {}
            for handle in handles:
                for key in self._documents[handle][tier]:
                    holders.setdefault(key, []).append(handle)
            for key in sorted(holders):
                for handle in holders[key][1:]:
                    first, other = find(holders[key][0]), find(handle)
                    if first != other:
                        kept, joined = self._group(first), self._group(other)
                        if not kept.conflicts(joined):
                            root, child = min(first, other), max(first, other)
                            if root != first:
                                kept, joined = joined, kept
                            kept.absorb(joined)
                            self._groups[root] = kept
                            self._groups.pop(child, None)
                            parent[child] = root
            del holders
        self._root = {handle: find(handle) for handle in parent}
        self._keys = {}
        return self._root

    def key(self, handle: str) -> str:
        """The key of the trial a document belongs to, once every document was added."""
        root = self._resolve().get(handle, handle)
        if root in self._keys:
            return self._keys[root]
        group = self._groups.get(root)
        if group is not None:
            identifiers, registries = group.identifiers, group.registries
        else:
            entry = self._documents[root]
            identifiers, registries = set(_identifiers(entry[2])), {entry[4]}
        key = trial_key(sorted(identifiers, key=lambda i: (i.scheme, i.value)), registries) or root
        if group is not None:  # a document alone is asked for its key once or twice: no need to keep it
            self._keys[root] = key
        return key

    def speaks_for(self, handle: str, fact: str, rank: SourceRank) -> bool:
        """Whether the source ranked ``rank`` is the one the trial takes ``fact`` from."""
        root = self._resolve().get(handle, handle)
        group = self._groups.get(root)
        if group is not None:
            return group.speakers.get(fact) == rank
        speakers = self._documents[root][3]
        if isinstance(speakers, dict):
            return speakers.get(fact) == rank
        return bool(speakers[1] >> _FACT_BIT[fact] & 1) and speakers[0] == rank
