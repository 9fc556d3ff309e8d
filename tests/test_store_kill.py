"""A writer killed with SIGKILL mid-write leaves a consistent store holding only whole batches."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from newsdossier.store import Store

BATCH = 40  # documents per transaction
SENTENCES = 25  # per document: enough that a batch takes a few milliseconds to write
KILL_DELAYS = (0.0, 0.013, 0.031)  # seconds after the child reports a committed batch; varied to land mid-write

WRITER = f"""
import sys
from newsdossier.model import Annotated, Document, Span
from newsdossier.store import Store

store = Store.open(sys.argv[1])
first = len(store.annotated_ids()) // {BATCH}
sentence = "Sentence number {{n}} of a document written in batch {{b}}."
for b in range(first, first + 100000):
    batch = []
    for j in range({BATCH}):
        parts = [sentence.format(n=n, b=b) for n in range({SENTENCES})]
        text = " ".join(parts)
        spans, start = [], 0
        for p in parts:
            spans.append(Span(start, start + len(p)))
            start += len(p) + 1
        doc = Document(f"b{{b:05d}}-{{j:02d}}", f"in/{{b}}/{{j}}.txt", None, None, None, None, None, text)
        batch.append(Annotated(doc, tuple(spans), (Span(0, len(text)),)))
    store.save_annotated(batch)
    print(b, flush=True)
"""


def _run_and_kill(path: Path, delay: float) -> int:
    """Start a writer, wait for some committed batches, SIGKILL it; return the last batch it reported."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    reported = [int(child.stdout.readline()) for _ in range(3)]
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    rest = child.stdout.read()
    child.wait()
    assert child.returncode == -signal.SIGKILL
    return max(reported + [int(x) for x in rest.split()])


def test_store_survives_sigkill_with_whole_batches(tmp_path: Path) -> None:
    path = tmp_path / "dossier.sqlite"
    for delay in KILL_DELAYS:
        last_reported = _run_and_kill(path, delay)
        with Store.open(path) as store:
            store.check()
            dump = store.dump()
            per_batch = Counter(row["id"].split("-")[0] for row in dump["documents"])
            assert set(per_batch.values()) == {BATCH}, "a batch was stored in part"
            assert len(dump["annotations"]) == len(dump["documents"])
            assert len(dump["sentences"]) == SENTENCES * len(dump["documents"])
            assert max(int(b[1:]) for b in per_batch) >= last_reported  # every reported commit survived
            assert store.search("batch") != []


@pytest.mark.parametrize("delay", [0.005])
def test_store_resumes_after_sigkill(tmp_path: Path, delay: float) -> None:
    path = tmp_path / "dossier.sqlite"
    _run_and_kill(path, delay)
    with Store.open(path) as store:
        before = store.annotated_ids()
    _run_and_kill(path, delay)
    with Store.open(path) as store:
        after = store.annotated_ids()
    assert before < after
