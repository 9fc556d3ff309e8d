"""Independent sources: the one place that turns document ids into a count of independent sources.

Every count in the dossier (timeline status, claim ``independent_sources``) goes through here, so a
copy group (exact copy, near copy or rewrite) is counted once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsdossier.model import DuplicateGroup


def source_of(groups: Sequence[DuplicateGroup]) -> dict[str, str]:
    """Map each grouped document id to a representative of its group (the original, else the smallest id)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for group in groups:
        members = sorted(group.members)
        for other in members[1:]:
            a, b = find(members[0]), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    roots: dict[str, list[str]] = {}
    for doc in list(parent):
        roots.setdefault(find(doc), []).append(doc)
    originals = {g.original for g in groups if g.original}
    representative: dict[str, str] = {}
    for members in roots.values():
        preferred = sorted(m for m in members if m in originals) or sorted(members)
        for m in members:
            representative[m] = preferred[0]
    return representative


def independent_count(doc_ids: Iterable[str], groups: Sequence[DuplicateGroup]) -> int:
    """How many independent sources stand behind these documents (each copy group counts once)."""
    rep = source_of(groups)
    return len({rep.get(d, d) for d in doc_ids})
