"""The `search`, `report` and `validate` commands on a store built by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdossier.cli import main
from newsdossier.dossier import write_outputs
from newsdossier.model import Annotated, Document, Dossier, Span
from newsdossier.store import Store

TEXT = "Shusha was taken on 8 November 2020. More than 300 settlements were liberated."


@pytest.fixture
def out(tmp_path: Path) -> Path:
    doc = Document("d1", "in/a.txt", "Victory", None, None, None, None, TEXT)
    dossier = Dossier(documents=(doc,), meta={"title": "t"})
    with Store.open(tmp_path / "dossier.sqlite") as store:
        store.save_annotated([Annotated(doc, (Span(0, 36), Span(37, len(TEXT))), (Span(0, len(TEXT)),))])
        store.save_links(dossier)
    write_outputs(dossier, tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["settlements", "LIBERATED"], [{"doc": "d1", "start": 37, "end": len(TEXT), "text": TEXT[37:]}]),
        (["Shusha"], [{"doc": "d1", "start": 0, "end": 36, "text": TEXT[:36]}]),
        (["nowhere"], []),
    ],
)
def test_search_command_prints_matching_sentences(out: Path, capsys, words: list[str], expected: list[dict]) -> None:
    assert main(["search", str(out), *words, "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == expected


def test_report_command_rewrites_identical_outputs(out: Path) -> None:
    before = {name: (out / name).read_bytes() for name in ("dossier.json", "report.html")}
    (out / "report.html").unlink()
    assert main(["-q", "report", str(out)]) == 0
    assert {name: (out / name).read_bytes() for name in before} == before


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (None, 0, "valid"),
        ('{"meta": {}}', 5, "'documents' is a required property"),
        ("[1, 2]", 5, "not the dossier object"),
        ("{not json", 5, "not a readable JSON file"),
    ],
)
def test_validate_command_exit_codes(out: Path, capsys, content: str | None, code: int, message: str) -> None:
    path = out / "dossier.json"
    if content is not None:
        path.write_text(content)
    assert main(["validate", str(path)]) == code
    captured = capsys.readouterr()
    assert message in captured.out + captured.err


@pytest.mark.parametrize("command", [["search", "{dir}", "x"], ["report", "{dir}"], ["validate", "{dir}/dossier.json"]])
def test_commands_on_a_missing_build_exit_2(tmp_path: Path, command: list[str]) -> None:
    args = [part.format(dir=tmp_path / "nothing") for part in command]
    assert main(args) == 2
