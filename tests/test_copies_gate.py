"""Quality gate: copy and rewrite detection on the reprint benchmark. Floors in floors/copies.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdossier.evaluate.copies import evaluate_copies
from newsdossier.evaluate.similarity import evaluate_similarity

FLOORS = json.loads((Path(__file__).parent / "floors" / "copies.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.gate


def test_copies_gate_reprint_benchmark(shared_data: Path) -> None:
    scores = evaluate_copies(shared_data)
    assert scores.gold_pairs > 500
    assert scores.precision >= FLOORS["reprint_precision"], scores.as_dict()
    assert scores.recall >= FLOORS["reprint_recall"], scores.as_dict()
    assert scores.f1 >= FLOORS["reprint_f1"], scores.as_dict()
    assert scores.direction_accuracy >= FLOORS["reprint_direction_accuracy"], scores.as_dict()


def test_copies_gate_story_similarity_semeval_en(shared_data: Path) -> None:
    scores = evaluate_similarity(shared_data, "en")
    assert scores.pairs > 100
    assert scores.pearson >= FLOORS["similarity_pearson_en"], scores.as_dict()
    assert scores.pearson > scores.tfidf_baseline, scores.as_dict()
