"""Quality gate: quantity extraction scored on ../shared/data/quantities must not drop below its floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdossier.evaluate.quantities import evaluate, load_gold

FLOORS = Path(__file__).parent / "floors" / "quantities.json"
FLOOR_TABLE = {k: v for k, v in json.loads(FLOORS.read_text("utf-8")).items() if not k.startswith("_")}


@pytest.fixture(scope="module")
def scores(shared_data):
    return evaluate(load_gold(shared_data / "quantities"), ["ours"])["ours"]


@pytest.mark.gate
@pytest.mark.parametrize("dataset, metric", [(d, m) for d, metrics in FLOOR_TABLE.items() for m in metrics])
def test_quantities_gate_above_floor(scores, dataset, metric):
    floor = FLOOR_TABLE[dataset][metric]
    s = scores if dataset == "all" else scores.by_dataset[dataset]
    f1 = 100 * s.prf(metric)[2]
    assert f1 >= floor, f"{dataset} {metric} F1 {f1:.1f} fell below its floor {floor}"
