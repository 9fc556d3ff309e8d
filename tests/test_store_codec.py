"""The codec between stage objects and plain JSON data used by the store and dossier.json."""

from __future__ import annotations

import json

import pytest

from newsdossier.model import (
    AlignedPair,
    Annotated,
    Claim,
    ClaimValue,
    Document,
    Dossier,
    DuplicateGroup,
    Entity,
    Evidence,
    Mention,
    MentionRef,
    Quantity,
    Quote,
    Rejection,
    RemovedLine,
    Span,
    TimelineEntry,
    Timex,
    as_dict,
)
from newsdossier.store.codec import from_dict, to_json, to_plain

DOC = Document("d", "p.txt", "T", "2020-11-08", "text", None, "O", "Text «x».", (RemovedLine("Notify of", "widget", 2),))
EV = Evidence("d", 0, 4, "Text")

OBJECTS = [
    DOC,
    Rejection("p", "ingest", "binary", "png"),
    Annotated(
        DOC,
        (Span(0, 9),),
        (Span(0, 9),),
        (Timex(0, 4, "Text", "DATE", "2020", "APPROX"),),
        (Quantity(0, 4, "300", 300.0, 300.0, None, None, "more than", "settlements"),),
        (Mention(0, 4, "Text", "ORG"),),
        (Quote(None, "x", None, "d", 0, 1),),
    ),
    DuplicateGroup(("a", "b"), "derived", "a", 0.5, (AlignedPair(EV, EV, 0.9),)),
    TimelineEntry("2020", None, "s", ("d",), (EV,), "single"),
    Claim("s", (ClaimValue("d", "t", None, 2.5, "km", None, 0, 1),), "agree", 2),
    Entity("E", "ORG", ("e",), (MentionRef("d", 0, 1),)),
    Dossier((DOC,), meta={"k": {"nested": [1, 2]}}),
]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
def test_codec_to_plain_matches_as_dict(obj: object) -> None:
    assert to_plain(obj) == as_dict(obj)


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
def test_codec_from_dict_inverts_to_plain_through_json(obj: object) -> None:
    assert from_dict(type(obj), json.loads(to_json(to_plain(obj)))) == obj


def test_codec_from_dict_ignores_unknown_keys_and_fills_defaults() -> None:
    data = {"text": "x", "reason": "r", "line": 1, "added_later": True}
    assert from_dict(RemovedLine, data) == RemovedLine("x", "r", 1)
    assert from_dict(Document, {**to_plain(DOC), "removed": []}).removed == ()
    minimal = {k: v for k, v in to_plain(DOC).items() if k not in {"url", "format", "published_evidence"}}
    assert from_dict(Document, minimal) == DOC


def test_codec_to_json_is_deterministic_and_keeps_unicode() -> None:
    assert to_json({"b": 1, "a": "«x»"}) == '{"a":"«x»","b":1}'
