"""`newsdossier build` end to end: outputs, idempotence, bad input, exit codes, resume after SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdossier.build import build
from newsdossier.cli import main
from newsdossier.dossier import validate
from newsdossier.settings import Options

ARTICLE = """Harbour strike enters third day

By Ana Lima

The strike at the port of Veloria entered its third day on Wednesday, union leaders said.

More than 400 dockworkers walked out on March 3, 2024, demanding higher pay.

Notify of
View all comments
"""

QUIET = Options(progress=False)


def _corpus(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(ARTICLE.replace("third", ["first", "second", "third", "fourth"][i % 4]) + f"\nStory number {i}.\n")
    return folder


def _dump(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    tables = [r[0] for r in con.execute("select name from sqlite_master where type='table' and name not like '%fts%' order by name")]
    rows = [(t, *row) for t in tables for row in con.execute(f"select * from {t} order by 1")]
    con.close()
    return rows


def test_build_writes_store_json_and_report(tmp_path: Path) -> None:
    result = build([str(_corpus(tmp_path))], tmp_path / "out", QUIET)
    data = json.loads((tmp_path / "out" / "dossier.json").read_text())
    validate(data)
    assert result.documents == 3 and len(data["documents"]) == 3
    assert all("Notify of" not in d["text"] for d in data["documents"])
    assert (tmp_path / "out" / "report.html").read_text().startswith("<!DOCTYPE html>")
    assert (tmp_path / "out" / "dossier.sqlite").stat().st_size > 0


def test_build_again_on_same_input_changes_nothing(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    build([str(corpus)], out, QUIET)
    first_json, first_db = (out / "dossier.json").read_bytes(), _dump(out / "dossier.sqlite")
    again = build([str(corpus)], out, QUIET)
    assert again.annotated_now == 0
    assert (out / "dossier.json").read_bytes() == first_json
    assert _dump(out / "dossier.sqlite") == first_db


def test_build_records_bad_files_and_goes_on(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, n=1)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (corpus / "feed.jsonl").write_text('{"text": "A record that is fine. It has two sentences."}\n{not json\n')
    result = build([str(corpus)], tmp_path / "out", QUIET)
    reasons = sorted(r.reason for r in result.rejections)
    assert result.documents == 2
    assert len(reasons) == 3, reasons
    data = json.loads((tmp_path / "out" / "dossier.json").read_text())
    assert sorted(r["reason"] for r in data["rejections"]) == reasons


@pytest.mark.parametrize(
    ("setup", "expected_code"),
    [
        (lambda p: [str(p / "missing-folder")], 2),
        (lambda p: [str(p / "nothing-*.txt")], 2),
    ],
)
def test_cli_build_exit_code_for_bad_paths(tmp_path: Path, capsys, setup, expected_code: int) -> None:
    assert main(["-q", "build", *setup(tmp_path), "--out", str(tmp_path / "out")]) == expected_code
    assert "error" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_cli_build_exit_code_when_every_input_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["-q", "build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")]) == 6


def test_build_escapes_hostile_text_in_report(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text("Hostile page\n\nThe text says <script>alert(1)</script> and <img src=x onerror=alert(2)>.\n")
    build([str(folder)], tmp_path / "out", QUIET)
    html = (tmp_path / "out" / "report.html").read_text()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_build_killed_with_sigkill_and_restarted_ends_with_same_dossier(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(120):
        (corpus / f"a{i:03d}.txt").write_text(f"Report {i}\n\nThe council met on May {i % 28 + 1}, 2023. " * 20)
    reference = tmp_path / "ref"
    build([str(corpus)], reference, Options(progress=False, batch_size=4))
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "newsdossier.cli", "-q", "build", str(corpus), "--out", str(out), "--batch-size", "4"]
    kills = 0
    for delay in (0.8, 1.2, 1.6, 2.0):
        proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONHASHSEED": "0"})
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert subprocess.run(cmd, check=False).returncode == 0
    assert kills >= 1, "the build finished before any kill; make the corpus larger"
    assert (out / "dossier.json").read_bytes() == (reference / "dossier.json").read_bytes()


def test_build_with_another_pipeline_annotates_again(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    build([str(corpus)], out, Options(progress=False, pipeline="blank"))
    assert build([str(corpus)], out, Options(progress=False, pipeline="blank")).annotated_now == 0
    assert build([str(corpus)], out, QUIET).annotated_now == 3


def test_build_reports_story_similarity_per_pair(tmp_path: Path) -> None:
    build([str(_corpus(tmp_path))], tmp_path / "out", QUIET)
    data = json.loads((tmp_path / "out" / "dossier.json").read_text())
    ids = {d["id"] for d in data["documents"]}
    assert data["story_pairs"] and all({p["a"], p["b"]} <= ids and 0 <= p["score"] <= 1 for p in data["story_pairs"])
    assert data["meta"]["unrelated_documents"] == []
