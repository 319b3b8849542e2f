"""Which documents describe the same trial, and the key that trial goes by.

Documents that share a register number describe one trial (the contract's rule), in
whatever order they arrive; the merged trial's key follows the key rule over every
identifier of every document in the group. Only register numbers join documents: a
sponsor's own id or a grant number may be shared by unrelated trials.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.identifiers import scheme_of, trial_key
from kg.records import Identifier

__all__ = ["TrialIdentity"]


class TrialIdentity:
    """A union-find over register numbers; memory grows with identifiers, not documents."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._members: dict[str, set[Identifier]] = {}

    def _root(self, value: str) -> str:
        parent = self._parent.setdefault(value, value)
        while parent != self._parent[parent]:
            self._parent[parent] = self._parent[self._parent[parent]]
            parent = self._parent[parent]
        self._parent[value] = parent
        return parent

    def add(self, identifiers: Iterable[Identifier]) -> str:
        """Register one document's identifiers; returns the handle to ask :meth:`key` with."""
        identifiers = list(identifiers)
        joining = [i.value for i in identifiers if i.scheme != "ORG" and scheme_of(i.value)]
        anchor = joining[0] if joining else f"document:{min(i.value for i in identifiers)}"
        root = self._root(anchor)
        self._members.setdefault(root, set()).update(identifiers)
        for value in joining[1:]:
            other = self._root(value)
            if other != root:
                self._parent[other] = root
                self._members.setdefault(root, set()).update(self._members.pop(other, set()))
        return anchor

    def key(self, handle: str) -> str:
        """The key of the trial a document belongs to, once every document was added."""
        members = self._members[self._root(handle)]
        return trial_key(sorted(members, key=lambda i: (i.scheme, i.value)))
