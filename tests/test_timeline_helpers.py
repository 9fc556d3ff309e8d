"""Hand-made annotated documents for the timeline tests: text, publication date and timexes."""

from __future__ import annotations

import re

from newsdossier.model import Annotated, Document, Span, Timex

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_ABBREVIATION = re.compile(r"\b(?:Sept|Nov|Dec|Jan|Feb|Aug|Oct)\.$")


def sentences(text: str) -> tuple[Span, ...]:
    """Sentence spans: split after . ! ? (not after a month abbreviation) and at line breaks."""
    spans: list[Span] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if start >= end:
            continue
        if spans and _ABBREVIATION.search(text[spans[-1].start : spans[-1].end]):
            spans[-1] = Span(spans[-1].start, end)
        else:
            spans.append(Span(start, end))
    return tuple(spans)


def annotated(doc_id: str, text: str, published: str | None, *marks: tuple[str, str]) -> Annotated:
    """``marks`` are (surface, value) pairs found left to right: the timexes a tagger would give."""
    timexes, pos = [], 0
    for surface, value in marks:
        start = text.index(surface, pos)
        timexes.append(Timex(start, start + len(surface), surface, "DATE", value))
        pos = start + len(surface)
    document = Document(doc_id, f"{doc_id}.txt", None, published, "metadata" if published else None, None, None, text)
    return Annotated(document, sentences(text), (Span(0, len(text)),), tuple(timexes))
