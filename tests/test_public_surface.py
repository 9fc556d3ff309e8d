"""The public and documented surface: exported names, and every CLI command's help and docs."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import newsdossier
from newsdossier.cli import build_parser

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> dict[str, argparse.ArgumentParser]:
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[f"{prefix}{name}"] = sub
                found.update(_commands(sub, f"{prefix}{name} "))
    return found


COMMANDS = _commands(build_parser())


def test_all_exports_exist_and_are_sorted() -> None:
    assert newsdossier.__all__ == sorted(newsdossier.__all__)
    for name in newsdossier.__all__:
        assert hasattr(newsdossier, name), name


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_command_help_has_an_example(command: str) -> None:
    parser = COMMANDS[command]
    has_subcommands = any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
    assert has_subcommands or "example" in (parser.epilog or ""), f"`newsdossier {command} --help` shows no example"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_command_is_documented(command: str) -> None:
    assert f"`newsdossier {command}" in DOCS.read_text(), f"docs/cli.md does not document `newsdossier {command}`"
