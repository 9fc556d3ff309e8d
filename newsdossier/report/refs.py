"""Where things are in the page: document anchors, evidence anchors and the links to them.

Every section builds a :class:`Refs` from the dossier, so a link made in the timeline section and
the ``<mark>`` made in the source text agree on the same id without passing state around.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdossier.model import Document, Dossier
from newsdossier.report.html import esc

MAX_TEXTS = 400  # documents whose full text the page shows; beyond this the page gets too heavy to open


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch of a document's text to highlight, with its anchor id and what cites it."""

    start: int
    end: int
    anchor: str
    kind: str  # "timeline" | "claim" | "entity" | "quote"
    note: str


def ordered_documents(d: Dossier) -> list[Document]:
    return sorted(d.documents, key=lambda doc: (doc.path, doc.id))


def anchor(kind: str, *index: int) -> str:
    """The id of an evidence mark: ``anchor("t", 2, 0)`` is the first evidence of timeline entry 2."""
    return "-".join([f"ev{kind}", *map(str, index)])


class Refs:
    """Document numbers ([1], [2], … in path order) and links to documents and to evidence."""

    def __init__(self, d: Dossier) -> None:
        docs = ordered_documents(d)
        self.number = {doc.id: i for i, doc in enumerate(docs, start=1)}
        self.docs = {doc.id: doc for doc in docs}
        self.with_text = {doc.id for doc in docs[:MAX_TEXTS]}

    def order(self, doc_id: str) -> int:
        """Sort key putting documents in citation order ([1], [2], …), unknown ids last."""
        return self.number.get(doc_id, len(self.number) + 1)

    def doc_anchor(self, doc_id: str) -> str:
        return f"doc-{self.number[doc_id]}"

    def doc(self, doc_id: str | None) -> str:
        """A short citation ``[n]`` linking to the document's text, with its title on hover."""
        if doc_id is None:
            return "—"
        if doc_id not in self.number:
            return f'<span class="doc missing" title="not among the documents">{esc(doc_id)}</span>'
        doc = self.docs[doc_id]
        label = " — ".join(x for x in (doc.outlet, doc.title) if x) or doc.path
        target = f"#{self.doc_anchor(doc_id)}" if doc_id in self.with_text else "#sources"
        return f'<a class="doc" href="{target}" title="{esc(label)}">[{self.number[doc_id]}]</a>'

    def shows(self, doc_id: str, start: int, end: int) -> bool:
        """Whether the page highlights this span (a known, shown document and offsets inside its text)."""
        doc = self.docs.get(doc_id)
        return doc is not None and doc_id in self.with_text and 0 <= start < end <= len(doc.text)

    def cite(self, doc_id: str, start: int, end: int, anchor_id: str, text: str, quoted: bool = False) -> str:
        """``text`` linking to its highlight in the source (in quotation marks if ``quoted``), then ``[n]``."""
        words = esc(text)
        if self.shows(doc_id, start, end):
            words = f'<a class="ev" href="#{anchor_id}">{words}</a>'
        if quoted:
            words = f"<q>{words}</q>"
        return f"{words} {self.doc(doc_id)}"


def marks_by_document(d: Dossier) -> dict[str, list[Mark]]:
    """Every highlight the sections link to, grouped by document id."""
    marks: dict[str, list[Mark]] = {}

    def add(doc: str, start: int, end: int, anchor_id: str, kind: str, note: str) -> None:
        marks.setdefault(doc, []).append(Mark(start, end, anchor_id, kind, note))

    for i, entry in enumerate(d.timeline):
        for j, ev in enumerate(entry.evidence):
            add(ev.doc, ev.start, ev.end, anchor("t", i, j), "timeline", f"timeline: {entry.date}")
    for i, claim in enumerate(d.claims):
        for j, value in enumerate(claim.values):
            add(value.doc, value.start, value.end, anchor("c", i, j), "claim", f"claim: {claim.subject}")
    for i, entity in enumerate(d.entities):
        for j, mention in enumerate(entity.mentions):
            add(mention.doc, mention.start, mention.end, anchor("e", i, j), "entity", f"{entity.type}: {entity.name}")
    for i, quote in enumerate(d.quotes):
        add(quote.doc, quote.start, quote.end, anchor("q", i), "quote", f"quote: {quote.speaker or 'unknown speaker'}")
    return marks
