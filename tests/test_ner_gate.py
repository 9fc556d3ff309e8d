"""Quality gate: the shipped NER model on held-out gold it was never trained on, against pinned floors.

Floors live in ``tests/floors/ner.json`` (a little below the measured scores; they only go up).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdossier.evaluate.ner import load_ner_pipeline, score_docs, tag_gold
from newsdossier.models import shipped_model_path
from newsdossier.training.recipe import gum_docs, uner_docs

pytestmark = pytest.mark.gate

FLOORS = {k: v for k, v in json.loads((Path(__file__).parent / "floors" / "ner.json").read_text("utf-8")).items() if not k.startswith("_")}
HELD_OUT = {
    "uner_ewt_test": lambda data: uner_docs(data, "test"),
    "gum_open_test": lambda data: gum_docs(data, "test"),
    "gum_news_test": lambda data: [d for d in gum_docs(data, "test") if d.genre == "news"],
}


@pytest.fixture(scope="module")
def nlp():
    if not shipped_model_path().is_dir():
        pytest.skip(f"no shipped model at {shipped_model_path()}; run `make model`")
    return load_ner_pipeline("default")


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_ner_gate_held_out_f1_at_or_above_floor(shared_data, nlp, name):
    docs = HELD_OUT[name](shared_data)
    scores = score_docs(docs, tag_gold(nlp, docs)).as_dict()
    floors = FLOORS[name]
    below = {k: (scores[k]["f"], floor) for k, floor in floors.items() if scores[k]["f"] < floor}
    assert not below, f"{name}: F1 below floor (measured, floor): {below}"
