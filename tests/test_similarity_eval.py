"""Scoring story similarity on SemEval-2022 Task 8 style pairs (newsdossier.evaluate.similarity)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsdossier.errors import InputError
from newsdossier.evaluate.similarity import SEMEVAL_CSV, evaluate_similarity, read_semeval_pairs, tfidf_baseline
from newsdossier.link.similarity import CorpusIdf

ROWS = [
    ("en", "en", "Earthquake hits Qeshm island in Iran, ten dead", "Iran quake on Qeshm island kills ten people", 1.0),
    ("en", "en", "Earthquake hits Qeshm island in Iran, ten dead", "Italy quake near Perugia damages churches", 3.0),
    ("en", "en", "Cup final won at Wembley after late goals", "Iran quake on Qeshm island kills ten people", 4.0),
    ("de", "en", "Erdbeben im Iran", "Iran quake on Qeshm island kills ten people", 1.0),
]


def _write(root: Path) -> None:
    path = root / SEMEVAL_CSV
    path.parent.mkdir(parents=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pair_id", "lang1", "lang2", "text1", "text2", "Overall"])
        for n, row in enumerate(ROWS):
            writer.writerow([n, *row])


def test_read_semeval_pairs_keeps_one_language(tmp_path: Path) -> None:
    _write(tmp_path)
    pairs = read_semeval_pairs(tmp_path / SEMEVAL_CSV, "en")
    assert [overall for *_, overall in pairs] == [1.0, 3.0, 4.0]


def test_read_semeval_pairs_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_semeval_pairs(tmp_path / "absent.csv")


def test_evaluate_similarity_correlates_with_negated_overall(tmp_path: Path) -> None:
    _write(tmp_path)
    scores = evaluate_similarity(tmp_path, "en")
    assert scores.pairs == 3 and scores.pearson > 0.5 and scores.tfidf_baseline > 0.0


@pytest.mark.parametrize(("a", "b", "expected"), [("a b c", "a b c", 1.0), ("a b", "c d", 0.0)])
def test_tfidf_baseline_cosine(a: str, b: str, expected: float) -> None:
    assert tfidf_baseline(a, b, CorpusIdf([a, b])) == pytest.approx(expected)
