"""A document's cleaned text as escaped paragraphs, with evidence spans as ``<mark id=…>`` anchors.

Spans may overlap (an entity mention inside a timeline sentence): the text is cut at every span
boundary and each piece covered by any span becomes one ``<mark>`` carrying the kinds of all the
spans over it. A span's anchor id sits on the mark of its first piece; when several spans start at
the same place, the others get an empty ``<a id=…>`` just before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from newsdossier.report.html import esc
from newsdossier.report.refs import Mark

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")  # Document.text separates paragraphs by a blank line


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text``."""
    start = 0
    for gap in PARAGRAPH_BREAK.finditer(text):
        if gap.start() > start:
            yield start, gap.start()
        start = gap.end()
    if start < len(text):
        yield start, len(text)


def render_text(text: str, marks: Sequence[Mark]) -> str:
    """``text`` as ``<p>`` paragraphs with the valid ``marks`` highlighted (invalid offsets are skipped)."""
    valid = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end, m.anchor))
    placed: set[str] = set()
    return "".join(
        f"<p>{_render_piece(text, start, end, valid, placed)}</p>" for start, end in paragraphs(text)
    )


def _render_piece(text: str, start: int, end: int, marks: Sequence[Mark], placed: set[str]) -> str:
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in inside if m.start <= a and m.end >= b]
        piece = esc(text[a:b])
        if not covering:
            out.append(piece)
            continue
        new = [m for m in covering if m.anchor not in placed]
        placed.update(m.anchor for m in new)
        out.extend(f'<a class="anchor" id="{esc(m.anchor)}"></a>' for m in new[1:])
        kinds = " ".join(sorted({f"k-{m.kind}" for m in covering}))
        title = "; ".join(dict.fromkeys(m.note for m in covering))
        id_attr = f' id="{esc(new[0].anchor)}"' if new else ""
        out.append(f'<mark{id_attr} class="{kinds}" title="{esc(title)}">{piece}</mark>')
    return "".join(out)
