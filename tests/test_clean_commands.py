"""The cleaner's commands and public surface."""

from __future__ import annotations

import json

import pytest

import newsdossier.clean
from newsdossier.cli import main

ARTICLE = "Ceasefire holds in the north\n\nBY JANE DOE\n\nThe ceasefire held for a third day, officials said.\n\nNotify of\n"


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_clean_command_prints_metadata_and_removed_lines(article, capsys):
    assert main(["clean", str(article)]) == 0
    out = capsys.readouterr().out
    assert "title:     Ceasefire holds in the north" in out
    assert "author:    Jane Doe" in out
    assert "comment-widget" in out and "byline" in out


def test_clean_command_prints_json_lines(article, capsys):
    assert main(["clean", str(article), "--json"]) == 0
    (line,) = capsys.readouterr().out.strip().split("\n")
    doc = json.loads(line)
    assert (doc["kind"], doc["author"], doc["text"]) == ("document", "Jane Doe", "The ceasefire held for a third day, officials said.")


def test_eval_clean_reports_sentence_retention(article, capsys):
    assert main(["eval", "clean", str(article)]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert (scores["documents"], scores["sentences"], scores["retention"]) == (1, 1, 1.0)


def test_clean_package_exports_what_it_declares():
    assert sorted(newsdossier.clean.__all__) == ["CorpusStats", "clean_record", "normalize_text", "removal_reasons"]
    assert all(hasattr(newsdossier.clean, name) for name in newsdossier.clean.__all__)


def test_every_removal_reason_is_documented():
    documented = newsdossier.clean.__doc__
    assert all(f"``{reason}``" in documented for reason in newsdossier.clean.removal_reasons())
