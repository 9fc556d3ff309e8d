"""Quality gate: TempEval-3 Task A scores of our tagger on TimeBank + AQUAINT and WikiWars.

Floors live in ``tests/floors/timex.json`` (a little below the measured scores; they only go up).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdossier.evaluate.timex import tag_and_score

FLOORS = json.loads((Path(__file__).parent / "floors" / "timex.json").read_text())
SETS = {"tbaq": "temporal/tbaq-cleaned", "wikiwars": "temporal/wikiwars/timeml-tml"}
METRICS = ("strict_f1", "relaxed_f1", "type_f1", "value_f1")


@pytest.mark.gate
@pytest.mark.parametrize("name", sorted(SETS))
def test_timex_gate_scores_stay_above_floors(shared_data: Path, name: str) -> None:
    scores = tag_and_score(shared_data / SETS[name]).as_dict()
    below = {m: (round(scores[m] * 100, 2), FLOORS[name][m]) for m in METRICS if scores[m] * 100 < FLOORS[name][m]}
    assert not below, f"{name}: (score, floor) below floor: {below}"
