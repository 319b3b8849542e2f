"""Which documents describe the same trial, the key that trial goes by, and which source
speaks for it where sources disagree.

Documents that share a register number describe one trial (the contract's rule), in
whatever order they arrive; the merged trial's key follows the key rule over every
identifier of every document in the group. Register numbers join documents; a sponsor's
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

from kg.model.facts import SourceRank
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

    __slots__ = ("identifiers", "numbers", "speakers")

    def __init__(self, identifiers: set[Identifier], speakers: dict[str, SourceRank]) -> None:
        self.identifiers = set(identifiers)
        self.numbers: dict[str, set[str]] = {}
        for identifier in identifiers:
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
        for register, values in other.numbers.items():
            self.numbers.setdefault(register, set()).update(values)
        for fact, rank in other.speakers.items():
            if rank > self.speakers.get(fact, ("", -1, "")):
                self.speakers[fact] = rank


class TrialIdentity:
    """Documents by handle, grouped into trials when first asked (and again after more are added).

    Memory holds one small entry per document (its join keys, identifiers and the facts it
    states), not the documents.
    """

    def __init__(self) -> None:
        self._documents: dict[str, tuple[set[str], set[str], set[Identifier], dict[str, SourceRank]]] = {}
        self._root: dict[str, str] | None = None
        self._groups: dict[str, _Group] = {}
        self._keys: dict[str, str] = {}

    def add(self, identifiers: Iterable[Identifier], sponsors: Iterable[Organization] = (),
            rank: SourceRank = ("", 0, ""), facts: Iterable[str] = ()) -> str:
        """Register one document: its identifiers, sponsors, rank and the trial facts it states.

        Returns the handle to ask :meth:`key` and :meth:`speaks_for` with.
        """
        identifiers = list(identifiers)
        numbers, sponsor_ids = _join_keys(identifiers, sponsors)
        handle = self.handle(identifiers, sponsors, rank)
        entry = self._documents.setdefault(handle, (set(), set(), set(), {}))
        entry[0].update(numbers)
        entry[1].update(sponsor_ids)
        entry[2].update(identifiers)
        for fact in facts:
            if rank > entry[3].get(fact, ("", -1, "")):
                entry[3][fact] = rank
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

    def _resolve(self) -> dict[str, str]:
        """Group the documents: each register number's documents, then each sponsor id's, join
        unless the join would give one trial two numbers of a register.
        """
        if self._root is not None:
            return self._root
        parent = {handle: handle for handle in self._documents}
        groups = {handle: _Group(entry[2], entry[3]) for handle, entry in self._documents.items()}

        def find(handle: str) -> str:
            while parent[handle] != handle:
                parent[handle] = parent[parent[handle]]
                handle = parent[handle]
            return handle

        for tier in (0, 1):
            holders: dict[str, list[str]] = {}
            for handle in sorted(self._documents):
                for key in self._documents[handle][tier]:
                    holders.setdefault(key, []).append(handle)
            for key in sorted(holders):
                for handle in holders[key][1:]:
                    first, other = find(holders[key][0]), find(handle)
                    if first != other and not groups[first].conflicts(groups[other]):
                        root, child = min(first, other), max(first, other)
                        groups[root].absorb(groups.pop(child))
                        parent[child] = root
        self._root = {handle: find(handle) for handle in self._documents}
        self._groups = groups
        self._keys = {}
        return self._root

    def key(self, handle: str) -> str:
        """The key of the trial a document belongs to, once every document was added."""
        root = self._resolve()[handle]
        if root not in self._keys:
            self._keys[root] = trial_key(sorted(self._groups[root].identifiers, key=lambda i: (i.scheme, i.value))) or root
        return self._keys[root]

    def speaks_for(self, handle: str, fact: str, rank: SourceRank) -> bool:
        """Whether the source ranked ``rank`` is the one the trial takes ``fact`` from."""
        return self._groups[self._resolve()[handle]].speakers.get(fact) == rank
