"""dossier.json: the public contract, its schema, validation and atomic outputs."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from newsdossier.dossier import (
    LIST_KEYS,
    dossier_from_json,
    dossier_to_json,
    schema,
    to_text,
    validate,
    write_atomic,
    write_outputs,
)
from newsdossier.errors import OutputError
from newsdossier.model import (
    Claim,
    ClaimValue,
    Document,
    Dossier,
    DuplicateGroup,
    Entity,
    Evidence,
    MentionRef,
    Quote,
    Rejection,
    RemovedLine,
    TimelineEntry,
)

REPO = Path(__file__).resolve().parent.parent
TEXT_A = "The war began on 27 September 2020. More than 300 settlements were liberated."
TEXT_B = "Nearly 300 settlements and villages were freed, the minister said."


def doc(doc_id: str, text: str, path: str, **fields: object) -> Document:
    base: dict = dict(title=None, published=None, published_basis=None, author=None, outlet=None)
    base.update(fields)
    return Document(id=doc_id, path=path, text=text, **base)


DOC_A = doc("aaaa", TEXT_A, "in/a.txt", title="War", published="2021-11-08", published_basis="text",
            removed=(RemovedLine("Notify of", "comment-widget", 7),))  # fmt: skip
DOC_B = doc("bbbb", TEXT_B, "in/b.txt", outlet="Example", published="2023-11-08T16:51:00+04:00", published_basis="metadata")

FULL = Dossier(
    documents=(DOC_B, DOC_A),
    rejections=(Rejection("z.png", "ingest", "binary", "a PNG image"), Rejection("a.bin", "ingest", "binary", "zeros")),
    duplicates=(DuplicateGroup(("aaaa", "bbbb"), "near", None, 0.5),),
    timeline=(TimelineEntry("2020-09-27", None, "War begins", ("aaaa",), (Evidence("aaaa", 0, 35, TEXT_A[:35]),), "single"),),
    claims=(
        Claim(
            "settlements liberated",
            (
                ClaimValue("aaaa", "More than 300 settlements", 300.0, None, "settlements", "more than", 36, 61),
                ClaimValue("bbbb", "Nearly 300 settlements", None, 300.0, "settlements", "nearly", 0, 22),
            ),
            "conflict",
            2,
        ),
    ),
    entities=(Entity("minister", "PERSON", (), (MentionRef("bbbb", 52, 60),)),),
    quotes=(Quote("the minister", "Nearly 300 settlements and villages were freed", "said", "bbbb", 0, 46),),
    meta={"title": "A test event"},
)


def test_dossier_json_has_every_contract_key_even_when_empty() -> None:
    data = dossier_to_json(Dossier(documents=()))
    assert list(data) == ["meta", *LIST_KEYS]
    assert all(data[key] == [] for key in LIST_KEYS)
    assert data["meta"]["counts"] == {key: 0 for key in LIST_KEYS}
    validate(data)


def test_dossier_json_orders_documents_and_rejections() -> None:
    data = dossier_to_json(FULL)
    assert [d["path"] for d in data["documents"]] == ["in/a.txt", "in/b.txt"]
    assert [r["path"] for r in data["rejections"]] == ["a.bin", "z.png"]
    assert data["meta"]["title"] == "A test event"


def test_dossier_json_is_identical_for_identical_input() -> None:
    shuffled = Dossier(**{**{k: getattr(FULL, k) for k in ("duplicates", "timeline", "claims", "entities", "quotes", "meta")},
                          "documents": FULL.documents[::-1], "rejections": FULL.rejections[::-1]})  # fmt: skip
    assert to_text(dossier_to_json(FULL)) == to_text(dossier_to_json(shuffled))


def test_dossier_json_round_trips() -> None:
    back = dossier_from_json(json.loads(to_text(dossier_to_json(FULL))))
    for key in LIST_KEYS[2:]:
        assert getattr(back, key) == getattr(FULL, key)
    assert set(back.documents) == set(FULL.documents)


def test_dossier_json_items_hold_the_contract_fields() -> None:
    data = dossier_to_json(FULL)
    validate(data)
    assert set(data["documents"][0]) >= {"id", "path", "title", "published", "published_basis", "author", "outlet", "text", "removed"}
    assert data["documents"][0]["removed"] == [{"text": "Notify of", "reason": "comment-widget", "line": 7}]
    assert set(data["claims"][0]["values"][0]) >= {"doc", "text", "low", "high", "unit", "qualifier", "start", "end"}


def _set(path: str, value: object):
    def mutate(data: dict) -> None:
        *parents, last = path.strip("/").split("/")
        node = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if value is _DELETE:
            del node[last]
        else:
            node[int(last) if isinstance(node, list) else last] = value

    return mutate


_DELETE = object()

BROKEN = [
    (_set("/timeline", _DELETE), "/"),
    (_set("/documents/0/published_basis", "guessed"), "/documents/0/published_basis"),
    (_set("/documents/0/published", "08/11/2021"), "/documents/0/published"),
    (_set("/documents/0/published", "2021-13-01"), "/documents/0/published"),
    (_set("/documents/0/title", 7), "/documents/0/title"),
    (_set("/documents/0/removed", _DELETE), "/documents/0"),
    (_set("/duplicates/0/kind", "copy"), "/duplicates/0/kind"),
    (_set("/duplicates/0/members", ["aaaa"]), "/duplicates/0/members"),
    (_set("/duplicates/0/similarity", 1.5), "/duplicates/0/similarity"),
    (_set("/duplicates/0/original", "nope"), "/duplicates/0/members/2"),
    (_set("/timeline/0/status", "probable"), "/timeline/0/status"),
    (_set("/timeline/0/date", "Sept. 2020"), "/timeline/0/date"),
    (_set("/timeline/0/evidence/0/doc", "missing"), "/timeline/0/evidence/0"),
    (_set("/timeline/0/evidence/0/end", 9999), "/timeline/0/evidence/0"),
    (_set("/timeline/0/sources/0", "missing"), "/timeline/0/sources/0"),
    (_set("/claims/0/status", "disagree"), "/claims/0/status"),
    (_set("/claims/0/values/1/unit", _DELETE), "/claims/0/values/1"),
    (_set("/claims/0/independent_sources", -1), "/claims/0/independent_sources"),
    (_set("/entities/0/mentions/0/start", -3), "/entities/0/mentions/0/start"),
    (_set("/quotes/0/doc", "missing"), "/quotes/0"),
]


@pytest.mark.parametrize(("mutate", "where"), BROKEN)
def test_validate_names_the_failing_path(mutate, where: str) -> None:
    data = copy.deepcopy(dossier_to_json(FULL))
    mutate(data)
    with pytest.raises(OutputError, match=f"at {where}:"):
        validate(data)


@pytest.mark.parametrize("date", ["2020", "2020-11", "2020-11-08", "2020-11-08T10:33", "2023-11-08T16:51:00+04:00",
                                  "2020-11-08T10:33:00.250Z"])  # fmt: skip
def test_schema_accepts_iso_dates_at_any_precision(date: str) -> None:
    data = dossier_to_json(FULL)
    data["timeline"][0]["date"] = data["documents"][0]["published"] = date
    validate(data)


def test_schema_allows_additional_fields() -> None:
    data = dossier_to_json(FULL)
    data["summary"] = "later"
    data["claims"][0]["confidence"] = 0.9
    data["documents"][0]["language"] = "en"
    validate(data)


def test_schema_is_valid_draft_2020_12_and_the_repo_copy_is_the_shipped_one() -> None:
    Draft202012Validator.check_schema(schema())
    assert json.loads((REPO / "schema" / "dossier.schema.json").read_text()) == schema()


def test_to_text_refuses_nan() -> None:
    data = dossier_to_json(Dossier(documents=()))
    data["meta"]["x"] = float("nan")
    with pytest.raises(OutputError, match="cannot hold"):
        to_text(data)


def test_write_outputs_writes_valid_json_and_report(tmp_path: Path) -> None:
    paths = write_outputs(FULL, tmp_path / "out")
    assert set(paths) == {"json", "report"}
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    validate(data)
    assert paths["report"].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["dossier.json", "report.html"]  # no temp files
    assert os.stat(paths["json"]).st_mode & 0o777 == 0o644


def test_write_outputs_twice_gives_identical_files(tmp_path: Path) -> None:
    first = {k: p.read_bytes() for k, p in write_outputs(FULL, tmp_path / "one").items()}
    second = {k: p.read_bytes() for k, p in write_outputs(FULL, tmp_path / "two").items()}
    assert first == second


def test_write_outputs_refuses_an_invalid_dossier_and_keeps_the_old_file(tmp_path: Path) -> None:
    write_outputs(FULL, tmp_path)
    before = (tmp_path / "dossier.json").read_bytes()
    bad = Dossier(documents=FULL.documents, timeline=(TimelineEntry("yesterday", None, "x", (), (), "single"),))
    with pytest.raises(OutputError, match="/timeline/0/date"):
        write_outputs(bad, tmp_path)
    assert (tmp_path / "dossier.json").read_bytes() == before


def test_write_atomic_leaves_no_temp_file_when_it_fails(tmp_path: Path) -> None:
    target = tmp_path / "dir-in-the-way"
    target.mkdir()
    (target / "x").write_text("keep")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(target, "text")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir-in-the-way"]
