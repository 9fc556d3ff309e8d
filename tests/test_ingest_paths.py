"""expand_inputs: files, folders (recursive, sorted, hidden skipped), globs, stdin, de-duplication."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.errors import InputError, InputNotFound
from newsdossier.ingest import expand_inputs


@pytest.fixture()
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for rel in ["b.txt", "a.html", "sub/c.txt", "sub/deeper/d.txt", ".hidden.txt", ".git/e.txt", "sub/.f.txt", "empty/.keep"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (["."], ["a.html", "b.txt", "sub/c.txt", "sub/deeper/d.txt"]),
        (["sub"], ["sub/c.txt", "sub/deeper/d.txt"]),
        (["b.txt"], ["b.txt"]),
        ([".hidden.txt"], [".hidden.txt"]),  # named directly: read even though hidden
        (["*.html"], ["a.html"]),
        (["**/*.txt"], ["b.txt", "sub/c.txt", "sub/deeper/d.txt"]),
        (["sub/*"], ["sub/c.txt", "sub/deeper/d.txt"]),  # a glob matching a folder expands it
        (["-"], ["-"]),
        (["b.txt", "-", "a.html"], ["b.txt", "-", "a.html"]),  # argument order is kept
    ],
)
def test_expand_inputs_finds_files(tree: Path, inputs: list[str], expected: list[str]) -> None:
    assert [str(Path(p)) for p in expand_inputs(inputs)] == [str(Path(p)) for p in expected]


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (["b.txt", "b.txt"], ["b.txt"]),
        (["b.txt", "./b.txt"], ["b.txt"]),
        (["sub", "sub/c.txt", "**/*.txt"], ["sub/c.txt", "sub/deeper/d.txt", "b.txt"]),
        (["-", "-"], ["-"]),
    ],
)
def test_expand_inputs_removes_duplicates(tree: Path, inputs: list[str], expected: list[str]) -> None:
    assert [str(Path(p)) for p in expand_inputs(inputs)] == [str(Path(p)) for p in expected]


def test_expand_inputs_is_deterministic(tree: Path) -> None:
    assert expand_inputs(["."]) == expand_inputs(["."])


@pytest.mark.parametrize(
    ("inputs", "error", "message"),
    [
        (["missing.txt"], InputNotFound, "no such file or folder: 'missing.txt'"),
        (["b.txt", "nope/"], InputNotFound, "no such file or folder"),
        (["*.pdf"], InputNotFound, "matches no file"),
        (["empty"], InputError, "holds no (non-hidden) files"),
    ],
)
def test_expand_inputs_rejects_what_is_not_there(tree: Path, inputs: list[str], error: type, message: str) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        expand_inputs(inputs)


def test_ingest_public_api_is_declared() -> None:
    import newsdossier.ingest as ingest

    assert sorted(ingest.__all__) == ["REASONS", "expand_inputs", "read_file", "read_inputs"]
    assert all(hasattr(ingest, name) for name in ingest.__all__)
