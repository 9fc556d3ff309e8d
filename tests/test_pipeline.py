"""The per-document stage: paragraphs, sentences, and annotate_batch as a pure function."""

from __future__ import annotations

import pickle

import pytest

from newsdossier.model import Document, Span
from newsdossier.nlp.pipeline import annotate_batch, paragraphs_of


def _doc(text: str, published: str | None = "2021-11-08") -> Document:
    return Document(
        id="d1", path="a.txt", title="T", published=published, published_basis="text" if published else None,
        author=None, outlet=None, text=text,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.", [(0, 4)]),
        ("One.\n\nTwo.", [(0, 4), (6, 10)]),
        ("  One.  \n \n\nTwo.\n", [(2, 6), (12, 16)]),
        ("line one\nline two\n\nnext", [(0, 17), (19, 23)]),
        ("", []),
    ],
)
def test_paragraphs_of_splits_at_blank_lines(text: str, expected: list[tuple[int, int]]) -> None:
    assert paragraphs_of(text) == tuple(Span(a, b) for a, b in expected)


def test_annotate_batch_sentences_never_cross_paragraphs() -> None:
    text = "A heading without a stop\n\nThe war began on Sept. 27, 2020. It lasted 44 days."
    [annotated] = annotate_batch([_doc(text)], pipeline="blank")
    sentences = [text[s.start : s.end] for s in annotated.sentences]
    assert sentences == ["A heading without a stop", "The war began on Sept. 27, 2020.", "It lasted 44 days."]


def test_annotate_batch_offsets_point_into_cleaned_text() -> None:
    text = "  Leading space.\n\nSecond paragraph here."
    [annotated] = annotate_batch([_doc(text)], pipeline="blank")
    for span in (*annotated.sentences, *annotated.paragraphs):
        chunk = text[span.start : span.end]
        assert chunk == chunk.strip() and chunk


def test_annotate_batch_results_are_picklable_for_process_pools() -> None:
    [annotated] = annotate_batch([_doc("One sentence. Two sentences.")], pipeline="blank")
    assert pickle.loads(pickle.dumps(annotated)) == annotated


def test_annotate_batch_keeps_document_order() -> None:
    docs = [_doc(f"Text {i}.") for i in range(3)]
    assert [a.doc.text for a in annotate_batch(docs, pipeline="blank")] == ["Text 0.", "Text 1.", "Text 2."]
