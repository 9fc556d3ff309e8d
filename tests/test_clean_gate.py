"""Quality gate: the cleaner keeps (nearly) every sentence of real news text. Floors in floors/clean.json."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from newsdossier.clean.evaluate import score_records
from newsdossier.model import RawRecord

FLOORS = json.loads((Path(__file__).parent / "floors" / "clean.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.gate


def _polnear(shared_data: Path) -> list[RawRecord]:
    root = shared_data / "quotes" / "polnear" / "data"
    return [RawRecord(str(p), p.read_text(encoding="utf-8"), "text") for p in sorted(root.rglob("*.txt"))]


def _semeval_en(shared_data: Path) -> list[RawRecord]:
    csv.field_size_limit(1 << 30)
    path = shared_data / "near-duplicates" / "semeval2022-task8" / "training_set.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = dict.fromkeys(row[f"text{k}"] for row in rows for k in "12" if row[f"lang{k}"] == "en")
    return [RawRecord(f"semeval#{i}", text, "text") for i, text in enumerate(texts)]


@pytest.mark.parametrize(("name", "load"), [("polnear", _polnear), ("semeval_en", _semeval_en)])
def test_clean_gate_sentence_retention(shared_data, name, load):
    scores = score_records(load(shared_data))
    assert scores.documents > 0 and scores.rejected == 0
    assert scores.retention >= FLOORS[f"{name}_retention"], scores.lost_examples
