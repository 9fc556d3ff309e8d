"""The copy groups: documents that are one source (exact copies, near copies, rewrites)."""

from __future__ import annotations

import difflib
import re

from newsdossier.model import AlignedPair, Dossier, DuplicateGroup
from newsdossier.report.html import badge, esc, extras, section
from newsdossier.report.refs import Refs

SHOWN_FIELDS = ("members", "kind", "original", "similarity", "aligned")
MAX_ALIGNED_SHOWN = 50  # aligned sentence pairs listed per group; the rest are counted
NOTE = (
    "Each group is one source: every count of sources in this dossier counts it once. The original is "
    "the earlier-published text, else the one the other quotes, else the one it contains; "
    "in aligned sentences the marked words are those the two versions do not share."
)
_TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")


def render_duplicates(d: Dossier) -> str:
    refs = Refs(d)
    cards = "".join(_group(group, refs) for group in d.duplicates)
    return section("duplicates", "Copies and rewrites", len(d.duplicates), cards, NOTE if d.duplicates else "")


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
    rows = "".join(_row(p, refs) for p in group.aligned[:MAX_ALIGNED_SHOWN])
    more = len(group.aligned) - MAX_ALIGNED_SHOWN
    tail = f'<p class="muted small">and {more} more pairs</p>' if more > 0 else ""
    return (
        f"<details><summary>{len(group.aligned)} aligned sentences</summary>"
        "<table><thead><tr><th>derived</th><th>original</th><th>similarity</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{tail}</details>"
    )


def _row(pair: AlignedPair, refs: Refs) -> str:
    derived, original = marked_differences(pair.derived.text, pair.original.text)
    return (
        f"<tr><td>{derived} {refs.doc(pair.derived.doc)}</td>"
        f'<td>{original} {refs.doc(pair.original.doc)}</td><td class="num">{pair.similarity:.2f}</td></tr>'
    )


def marked_differences(a: str, b: str) -> tuple[str, str]:
    """Both texts as safe HTML, with the words one has and the other lacks in ``<mark>``."""
    tokens_a, tokens_b = _TOKEN.findall(a), _TOKEN.findall(b)
    matcher = difflib.SequenceMatcher(
        None, [t.casefold() for t in tokens_a], [t.casefold() for t in tokens_b], autojunk=False
    )
    out_a: list[str] = []
    out_b: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        out_a.append(_piece(tokens_a[i1:i2], tag != "equal"))
        out_b.append(_piece(tokens_b[j1:j2], tag != "equal"))
    return "".join(out_a), "".join(out_b)


def _piece(tokens: list[str], changed: bool) -> str:
    text = "".join(tokens)
    if not changed or not text.strip():
        return esc(text)
    stripped = text.strip()
    lead, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f'{esc(lead)}<mark class="k-diff">{esc(stripped)}</mark>{esc(tail)}'
