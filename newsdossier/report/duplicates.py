"""The copy groups: documents that are one source (exact copies, near copies, rewrites)."""

from __future__ import annotations

from newsdossier.model import Dossier, DuplicateGroup
from newsdossier.report.html import badge, esc, extras, section
from newsdossier.report.refs import Refs

SHOWN_FIELDS = ("members", "kind", "original", "similarity", "aligned")
MAX_ALIGNED_SHOWN = 50  # aligned sentence pairs listed per group; the rest are counted


def render_duplicates(d: Dossier) -> str:
    refs = Refs(d)
    cards = "".join(_group(group, refs) for group in d.duplicates)
    return section("duplicates", "Copies and rewrites", len(d.duplicates), cards)


def _group(group: DuplicateGroup, refs: Refs) -> str:
    members = " ".join(
        refs.doc(m) + (' <span class="muted small">(original)</span>' if m == group.original else "")
        for m in group.members
    )
    return (
        f'<div class="card"><p>{badge(group.kind)} {members} '
        f'<span class="muted">similarity {group.similarity:.2f}</span></p>'
        f"{_aligned(group, refs)}{extras(group, SHOWN_FIELDS)}</div>"
    )


def _aligned(group: DuplicateGroup, refs: Refs) -> str:
    if not group.aligned:
        return ""
    rows = "".join(
        f"<tr><td>{esc(p.derived.text)} {refs.doc(p.derived.doc)}</td>"
        f"<td>{esc(p.original.text)} {refs.doc(p.original.doc)}</td><td class=\"num\">{p.similarity:.2f}</td></tr>"
        for p in group.aligned[:MAX_ALIGNED_SHOWN]
    )
    more = len(group.aligned) - MAX_ALIGNED_SHOWN
    tail = f'<p class="muted small">and {more} more pairs</p>' if more > 0 else ""
    return (
        f"<details><summary>{len(group.aligned)} aligned sentences</summary>"
        "<table><thead><tr><th>derived</th><th>original</th><th>similarity</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{tail}</details>"
    )
