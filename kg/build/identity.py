"""Which documents describe the same trial, the key that trial goes by, and which source
speaks for it where sources disagree.

Documents that share a register number describe one trial (the contract's rule), in
whatever order they arrive; the merged trial's key follows the key rule over every
identifier of every document in the group. Register numbers join documents; a sponsor's
own study id joins them only together with the sponsor's name; grant numbers never do.

Where documents disagree, the trial takes each fact from the most recently updated
source that states it (ties broken by the registry's own JSON first, then checksum, so
the choice never depends on the order documents arrive in).
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.model.facts import SourceRank
from kg.model.identifiers import scheme_of, trial_key
from kg.model.records import Identifier, Organization
from kg.model.text import slug

__all__ = ["TrialIdentity", "SourceRank"]


def _join_keys(identifiers: list[Identifier], sponsors: Iterable[Organization]) -> list[str]:
    keys = [i.value for i in identifiers if i.scheme != "ORG" and scheme_of(i.value)]
    names = sorted({slug(s.name) for s in sponsors if slug(s.name)})
    keys += [f"org:{name}/{i.value}" for i in identifiers if i.scheme == "ORG" for name in names]
    return keys


def _anchor(joining: list[str], identifiers: list[Identifier], rank: SourceRank) -> str:
    """A document's handle: its first join key, or a key of its own when nothing can join it."""
    return joining[0] if joining else f"document:{rank[2]}:{min((i.value for i in identifiers), default='')}"


class TrialIdentity:
    """A union-find over join keys; memory grows with identifiers, not with documents."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._members: dict[str, set[Identifier]] = {}
        self._speakers: dict[str, dict[str, SourceRank]] = {}

    def _root(self, value: str) -> str:
        parent = self._parent.setdefault(value, value)
        while parent != self._parent[parent]:
            self._parent[parent] = self._parent[self._parent[parent]]
            parent = self._parent[parent]
        self._parent[value] = parent
        return parent

    def add(self, identifiers: Iterable[Identifier], sponsors: Iterable[Organization] = (),
            rank: SourceRank = ("", 0, ""), facts: Iterable[str] = ()) -> str:
        """Register one document: its identifiers, sponsors, rank and the trial facts it states.

        Returns the handle to ask :meth:`key` and :meth:`speaks_for` with.
        """
        identifiers = list(identifiers)
        joining = _join_keys(identifiers, sponsors)
        anchor = _anchor(joining, identifiers, rank)
        root = self._root(anchor)
        self._members.setdefault(root, set()).update(identifiers)
        self._offer(root, {fact: rank for fact in facts})
        for value in joining[1:]:
            other = self._root(value)
            if other != root:
                self._parent[other] = root
                self._members[root].update(self._members.pop(other, set()))
                self._offer(root, self._speakers.pop(other, {}))
        return anchor

    @staticmethod
    def handle(identifiers: Iterable[Identifier], sponsors: Iterable[Organization], rank: SourceRank) -> str:
        """The handle :meth:`add` gives a document (the same for the same document, always)."""
        identifiers = list(identifiers)
        return _anchor(_join_keys(identifiers, sponsors), identifiers, rank)

    def _offer(self, root: str, ranks: dict[str, SourceRank]) -> None:
        speakers = self._speakers.setdefault(root, {})
        for fact, rank in ranks.items():
            if rank > speakers.get(fact, ("", -1, "")):
                speakers[fact] = rank

    def key(self, handle: str) -> str:
        """The key of the trial a document belongs to, once every document was added."""
        members = self._members[self._root(handle)]
        return trial_key(sorted(members, key=lambda i: (i.scheme, i.value))) or handle

    def speaks_for(self, handle: str, fact: str, rank: SourceRank) -> bool:
        """Whether the source ranked ``rank`` is the one the trial takes ``fact`` from."""
        return self._speakers.get(self._root(handle), {}).get(fact) == rank
