"""Copies, near copies and rewrites (newsdossier.link.copies, .align, .shingles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.link.align import align_sentences
from newsdossier.link.copies import find_duplicates
from newsdossier.link.shingles import content_words, normalised_hash, sentence_units, shingle_hashes, word_hashes, words
from newsdossier.model import Annotated, Document, Span

STATEMENT = [
    "The ministry of health confirmed on Monday that 42 patients were treated at the central hospital.",
    "Doctors said the outbreak began in a school canteen in the northern district last week.",
    "Officials closed the canteen and ordered inspections of every kitchen in the region.",
    "The regional governor promised compensation to the families of children who fell ill.",
    "Laboratory tests identified salmonella in samples of chicken served at lunch.",
    "The supplier, a local poultry farm, has suspended deliveries pending the investigation.",
]
OTHER = [
    "A powerful earthquake shook the coastal city early on Sunday, damaging dozens of buildings.",
    "Rescue teams searched collapsed apartment blocks for survivors throughout the night.",
    "The national seismology institute measured the quake at magnitude 6.1 near the harbour.",
    "Electricity was cut across three provinces while engineers inspected the power lines.",
]


def _sentences(text: str) -> tuple[Span, ...]:
    """Split after sentence punctuation (and a closing quote) followed by a space."""
    spans, start = [], 0
    for n, ch in enumerate(text):
        if ch in ".!?”" and (n + 1 == len(text) or text[n + 1] == " "):
            spans.append(Span(start, n + 1))
            start = n + 2
    if start < len(text):
        spans.append(Span(start, len(text)))
    return tuple(spans)


def _ann(doc_id: str, sentences: list[str], published: str | None = None) -> Annotated:
    text = " ".join(sentences)
    doc = Document(id=doc_id, path=f"{doc_id}.txt", title=None, published=published, published_basis=None,
                   author=None, outlet=None, text=text)
    return Annotated(doc=doc, sentences=_sentences(text), paragraphs=())


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        ("Hello, World!", "hello world", True),
        ("A  b\n\nc.", "a b c", True),
        ("a b c", "a b d", False),
    ],
)
def test_normalised_hash_folds_case_punctuation_and_whitespace(a: str, b: str, equal: bool) -> None:
    assert (normalised_hash(a) == normalised_hash(b)) is equal


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["the", "ministry", "said", "it", "was", "42"], ["ministry", "said", "42"]),
        (["a", "b", "7"], ["7"]),
    ],
)
def test_content_words_drop_stop_words_and_single_letters(tokens: list[str], expected: list[str]) -> None:
    assert content_words(tokens) == expected


@pytest.mark.parametrize(("n_words", "size", "expected"), [(10, 5, 6), (3, 5, 1), (0, 5, 0), (5, 1, 5)])
def test_shingle_hashes_one_per_window(n_words: int, size: int, expected: int) -> None:
    tokens = [f"w{i}" for i in range(n_words)]
    assert len(shingle_hashes(word_hashes(tokens), size)) == expected


def test_shingle_hashes_are_deterministic_and_order_sensitive() -> None:
    h = word_hashes(words("one two three four five six"))
    assert shingle_hashes(h, 5).tolist() == shingle_hashes(h.copy(), 5).tolist()
    assert shingle_hashes(h, 5).tolist() != shingle_hashes(h[::-1].copy(), 5).tolist()


def test_sentence_units_trim_whitespace_and_skip_short_sentences() -> None:
    text = "  Read more.\n\nThe ministry of health confirmed 42 patients were treated.  "
    doc = Document(id="d", path="d", title=None, published=None, published_basis=None, author=None, outlet=None, text=text)
    units = sentence_units(Annotated(doc=doc, sentences=(Span(0, 13), Span(13, len(text))), paragraphs=()))
    assert [text[u.span.start : u.span.end] for u in units] == [
        "The ministry of health confirmed 42 patients were treated."
    ]


def test_align_sentences_pairs_edited_sentences_one_to_one() -> None:
    a = sentence_units(_ann("a", STATEMENT))
    edited = [s.replace("confirmed on Monday", "said on Monday") for s in STATEMENT[:3]] + OTHER
    b = sentence_units(_ann("b", edited))
    alignment = align_sentences(a, b)
    assert [(i, j) for i, j, _ in alignment.pairs] == [(0, 0), (1, 1), (2, 2)]
    assert alignment.share_a == pytest.approx(3 / 6)
    assert alignment.share_b == pytest.approx(3 / 7)


@pytest.mark.parametrize(
    ("b_sentences", "kind"),
    [
        (STATEMENT, "exact"),
        ([s.upper() for s in STATEMENT], "exact"),
        (["By Jane Doe, Staff Reporter."] + STATEMENT + ["Copyright 2024 Example News."], "near"),
        (STATEMENT[:4] + OTHER, "derived"),
        ([STATEMENT[4], STATEMENT[0], STATEMENT[2], STATEMENT[1]], "derived"),
        (OTHER, None),
        ([STATEMENT[0]] + OTHER, None),  # quoting one line is not a rewrite
        ([STATEMENT[0], STATEMENT[3]] + OTHER, None),  # nor are two
    ],
)
def test_find_duplicates_kind(b_sentences: list[str], kind: str | None) -> None:
    groups = find_duplicates([_ann("a", STATEMENT), _ann("b", b_sentences)])
    assert [g.kind for g in groups] == ([kind] if kind else [])
    if kind:
        assert groups[0].members == ("a", "b")


def test_find_duplicates_derived_group_carries_aligned_evidence_with_offsets() -> None:
    original, derived = _ann("orig", STATEMENT), _ann("copy", OTHER[:2] + STATEMENT[:4])
    (group,) = find_duplicates([derived, original])
    assert group.kind == "derived" and len(group.aligned) == 4
    for pair in group.aligned:
        assert original.doc.text[pair.original.start : pair.original.end] == pair.original.text
        assert derived.doc.text[pair.derived.start : pair.derived.end] == pair.derived.text
        assert {pair.original.doc, pair.derived.doc} == {"orig", "copy"}


def _quoted(sentences: list[str]) -> list[str]:
    return [f"“{s}”" for s in sentences]


@pytest.mark.parametrize(
    ("published_a", "published_b", "b_sentences", "original"),
    [
        ("2024-01-01", "2024-01-03", STATEMENT + OTHER, "a"),  # earlier published wins
        ("2024-01-05", "2024-01-03T10:00:00", STATEMENT + OTHER, "b"),
        (None, None, _quoted(STATEMENT) + OTHER, "a"),  # the side quoting the other is derived
        (None, None, STATEMENT[:4], "a"),  # b is a's opening cut short: a truncated copy
        (None, None, OTHER[:2] + STATEMENT + OTHER[2:], "a"),  # the contained text is the original
        (None, None, STATEMENT + OTHER, "b"),  # a is b's opening, b goes on: a is b cut short
    ],
)
def test_find_duplicates_direction(
    published_a: str | None, published_b: str | None, b_sentences: list[str], original: str
) -> None:
    (group,) = find_duplicates([_ann("a", STATEMENT, published_a), _ann("b", b_sentences, published_b)])
    assert group.original == original
    assert all(p.original.doc == original for p in group.aligned)


def test_find_duplicates_groups_are_connected_components_in_stable_order() -> None:
    docs = [_ann("c", STATEMENT), _ann("a", STATEMENT), _ann("x", OTHER), _ann("b", STATEMENT[:4] + OTHER[:1]),
            _ann("y", [s.lower() for s in OTHER])]
    groups = find_duplicates(docs)
    assert [(g.members, g.kind) for g in groups] == [(("a", "b", "c"), "derived"), (("x", "y"), "exact")]
    assert find_duplicates(list(reversed(docs))) == groups


def test_find_duplicates_sample_corpus_000_is_derived_from_001(sample_corpus: Path) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    annotated = []
    for path in sorted(sample_corpus.glob("*.txt")):
        text = path.read_text("utf-8")
        doc = Document(id=path.name[:3], path=str(path), title=None, published=None, published_basis=None,
                       author=None, outlet=None, text=text)
        spans = tuple(Span(s.start_char, s.end_char) for s in nlp(text).sents)
        annotated.append(Annotated(doc=doc, sentences=spans, paragraphs=()))
    groups = find_duplicates(annotated)
    assert [(g.members, g.kind, g.original) for g in groups] == [(("000", "001"), "derived", "001")]
    assert len(groups[0].aligned) >= 5
    texts = {a.doc.id: a.doc.text for a in annotated}
    for pair in groups[0].aligned:
        assert pair.derived.doc == "000" and texts["000"][pair.derived.start : pair.derived.end] == pair.derived.text


def test_find_duplicates_same_groups_with_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdossier.link import copies

    monkeypatch.setattr(copies, "PARALLEL_MIN_DOCS", 2)
    docs = [_ann("a", STATEMENT), _ann("b", STATEMENT[:4] + OTHER[:1]), _ann("x", OTHER), _ann("y", OTHER)]
    assert find_duplicates(docs, workers=2) == find_duplicates(docs, workers=1)
