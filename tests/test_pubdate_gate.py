"""Quality gate: inferred publication dates against gold DCTs (TimeBank + AQUAINT, DCT hidden)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsdossier.evaluate.timeml import read_timeml
from newsdossier.nlp.pubdate import infer_published
from newsdossier.nlp.timex import tag_text

FLOORS = json.loads((Path(__file__).parent / "floors" / "pubdate.json").read_text())


@pytest.mark.gate
def test_pubdate_gate_tbaq(shared_data):
    inferred = close = 0
    for path in sorted((shared_data / "temporal" / "tbaq-cleaned").rglob("*.tml")):
        doc = read_timeml(path)
        if not doc.dct:
            continue
        guess = infer_published(doc.text, tag_text(doc.text, None))
        if guess is None:
            continue
        inferred += 1
        gap = abs(dt.date.fromisoformat(guess.value) - dt.date.fromisoformat(doc.dct[:10])).days
        close += gap <= 1
    assert inferred >= FLOORS["tbaq_inferred"]
    assert close / inferred >= FLOORS["tbaq_within_one_day_share"]
    assert inferred - close <= FLOORS["tbaq_wrong_by_more_than_a_day_max"]
