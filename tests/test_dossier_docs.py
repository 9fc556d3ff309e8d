"""docs/json-contract.md documents every key and item field the schema requires."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdossier.dossier import schema

DOC = Path(__file__).resolve().parent.parent / "docs" / "json-contract.md"


def _required_fields() -> list[tuple[str, str]]:
    s = schema()
    pairs = [("(top level)", key) for key in s["required"]]
    for key, prop in s["properties"].items():
        ref = prop.get("items", {}).get("$ref")
        if ref:
            pairs += [(key, field) for field in s["$defs"][ref.rsplit("/", 1)[1]]["required"]]
    return pairs


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## `(\w+)`", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


@pytest.mark.parametrize(("key", "field"), _required_fields())
def test_json_contract_doc_explains_every_required_field(key: str, field: str) -> None:
    sections = _sections(DOC.read_text(encoding="utf-8"))
    if key == "(top level)":
        assert field in sections
    else:
        assert f"`{field}`" in sections[key]


@pytest.mark.parametrize("enum_path", [("document", "published_basis"), ("duplicate", "kind"),
                                       ("timeline_entry", "status"), ("claim", "status")])  # fmt: skip
def test_json_contract_doc_lists_every_enum_value(enum_path: tuple[str, str]) -> None:
    definition, field = enum_path
    text = DOC.read_text(encoding="utf-8")
    for value in schema()["$defs"][definition]["properties"][field]["enum"]:
        if value is not None:
            assert f'`"{value}"`' in text
