"""JSON and JSON Lines records to raw records.

A record is an object with ``text`` or ``html`` and optional ``url``, ``title``, ``published``,
``outlet``, ``author`` (plus the aliases common scrapers write, listed in
``newsdossier/data/ingest/formats.json``). Metadata given in the record wins over what an
``html`` page states. One malformed line is a rejection; the other lines still come through.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator

from newsdossier.errors import RecordError
from newsdossier.ingest.html import extract_page
from newsdossier.ingest.sniff import FORMATS_FILE
from newsdossier.ingest.text import normalise_newlines, rejection, require_text
from newsdossier.model import RawRecord, Rejection

JSON_FORMAT = "jsonl"  # RawRecord.format for records from JSON and JSON Lines alike


@functools.cache
def _fields() -> dict[str, list[str]]:
    return json.loads(FORMATS_FILE.read_text(encoding="utf-8"))["json_fields"]


def iter_json_lines(
    lines: Iterable[str | bytes], path: str, max_bytes: int, encoding: str | None = None
) -> Iterator[RawRecord | Rejection]:
    """One record per non-blank line, named ``path#N`` with N the 1-based line number.

    Byte lines are decoded as UTF-8 (JSON's encoding); a line longer than ``max_bytes`` is rejected.
    """
    for number, line in enumerate(lines, start=1):
        where = f"{path}#{number}"
        try:
            text = _line_text(line, number, max_bytes)
            if not text.strip():
                continue
            yield record_from_object(_loads(text, f"line {number}"), where, encoding)
        except RecordError as exc:
            yield rejection(where, exc)


def _line_text(line: str | bytes, number: int, max_bytes: int) -> str:
    if len(line) > max_bytes:
        raise RecordError(
            "too-large", f"line {number} is longer than the limit of {max_bytes:,} bytes; split it or raise --max-bytes"
        )
    if isinstance(line, str):
        return line.removeprefix("\ufeff")
    try:
        return line.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(
            "undecodable",
            f"line {number} is not valid UTF-8 (byte {exc.start + 1}); JSON Lines must be UTF-8 — re-save the file as UTF-8",
        ) from None


def iter_json_document(text: str, path: str, encoding: str | None = None) -> Iterator[RawRecord | Rejection]:
    """A JSON file: one object (named ``path``) or a list of objects (named ``path#N``, 1-based).

    A ``.json`` file that is really JSON Lines (one object per line) is read as JSON Lines.
    """
    try:
        data = _loads(text, "the file")
    except RecordError as exc:
        if _is_json_lines(text):
            yield from iter_json_lines(text.splitlines(), path, max_bytes=len(text), encoding=encoding)
            return
        yield rejection(path, exc)
        return
    if not isinstance(data, list):
        try:
            yield record_from_object(data, path, encoding)
        except RecordError as exc:
            yield rejection(path, exc)
        return
    for number, item in enumerate(data, start=1):
        where = f"{path}#{number}"
        try:
            yield record_from_object(item, where, encoding)
        except RecordError as exc:
            yield rejection(where, exc)


def record_from_object(obj: object, path: str, encoding: str | None = None) -> RawRecord:
    """The raw record a JSON object describes; raises :class:`RecordError` when it holds no article."""
    if not isinstance(obj, dict):
        found = type(obj).__name__
        raise RecordError("malformed-json", f"expected a JSON object with a 'text' or 'html' field, found a {found}")
    meta = {name: _field(obj, name) for name in ("url", "title", "published", "outlet", "author")}
    text, html = _field(obj, "text"), _field(obj, "html")
    if text and text.strip():
        text = require_text(normalise_newlines(text))
        return RawRecord(path=path, text=text, format=JSON_FORMAT, encoding=encoding, **meta)
    if html and html.strip():
        page = extract_page(html, url=meta["url"])
        stated = {
            "url": page.url, "title": page.title, "published": page.published,
            "outlet": page.outlet, "author": page.author,
        }
        merged = {k: meta[k] or stated[k] for k in meta}
        return RawRecord(path=path, text=page.text, format=JSON_FORMAT, encoding=encoding, **merged)
    if text is not None or html is not None:
        raise RecordError("empty", "the record's 'text'/'html' field is empty; there is no article to read")
    raise RecordError(
        "missing-text", "the record has neither a 'text' nor an 'html' field; add the article text under 'text'"
    )


def _is_json_lines(text: str) -> bool:
    """True when the first two non-blank lines each parse as a JSON object."""
    lines = [line for line in text.splitlines() if line.strip()][:2]
    if len(lines) < 2:
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines)
    except json.JSONDecodeError:
        return False


def _loads(text: str, what: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(
            "malformed-json", f"{what} is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove it"
        ) from None


def _field(obj: dict, name: str) -> str | None:
    for key in _fields()[name]:
        value = obj.get(key)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ", ".join(v.strip() for v in value if v.strip())
        if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "published":
            value = str(value)
        if isinstance(value, str):
            return value if name in ("text", "html") else (value.strip() or None)
    return None



__all__ = ["JSON_FORMAT", "iter_json_document", "iter_json_lines", "record_from_object"]
