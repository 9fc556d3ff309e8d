"""The reprint benchmark's generator and pairwise scoring (newsdossier.evaluate.copies)."""

from __future__ import annotations

import pytest

from newsdossier.evaluate.copies import BenchArticle, make_reprint_benchmark, score_pairs
from newsdossier.model import DuplicateGroup

ARTICLES = [
    BenchArticle(
        id=f"{topic}_{n}ecb", topic=str(topic), event=str(topic), title=f"Headline number {n} about topic {topic}",
        dateline=None,
        body=tuple(f"Sentence {k} of article {n} in topic {topic} says something quite specific, officials said." for k in range(8)),
    )
    for topic in (1, 2)
    for n in range(6)
]


def test_make_reprint_benchmark_is_deterministic_and_names_sources() -> None:
    docs, source = make_reprint_benchmark(ARTICLES, seed=3)
    again, _ = make_reprint_benchmark(ARTICLES, seed=3)
    assert [d.doc.text for d in docs] == [d.doc.text for d in again]
    assert set(source) == {d.doc.id for d in docs}
    assert all(source[d.doc.id] == d.doc.id.split("~")[0] for d in docs)
    for d in docs:
        for span in d.sentences:
            assert d.doc.text[span.start : span.end].strip() == d.doc.text[span.start : span.end]


def _group(*members: str) -> DuplicateGroup:
    return DuplicateGroup(members=members, kind="derived", original=members[0], similarity=1.0)


@pytest.mark.parametrize(
    ("groups", "precision", "recall"),
    [
        ([_group("a", "a~r0", "a~r1")], 1.0, 1.0),
        ([_group("a", "a~r0")], 1.0, 1 / 3),
        ([_group("a", "a~r0", "a~r1", "c")], 3 / 6, 1.0),  # c is another event: three false pairs
        ([_group("a", "a~r0", "a~r1", "b")], 1.0, 1.0),  # b is the same event: not scored
        ([], 0.0, 0.0),
    ],
)
def test_score_pairs_precision_recall(groups: list[DuplicateGroup], precision: float, recall: float) -> None:
    source = {"a": "a", "a~r0": "a", "a~r1": "a", "b": "b", "c": "c"}
    event = {"a": "1", "b": "1", "c": "2"}
    scores = score_pairs(groups, source, event)
    assert scores.precision == pytest.approx(precision, abs=1e-4)
    assert scores.recall == pytest.approx(recall, abs=1e-4)
