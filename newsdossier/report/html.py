"""Small HTML helpers shared by the report sections. Everything from an article goes through :func:`esc`."""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

SAFE_URL_SCHEMES = frozenset({"http", "https"})  # anything else (javascript:, data:, file:) is shown as text


def esc(value: object) -> str:
    """Text safe inside an element or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def url_link(url: str | None) -> str:
    """An http(s) URL as a link that leaves no referrer; any other URL as plain text."""
    if not url:
        return ""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme not in SAFE_URL_SCHEMES:
        return f'<span class="url">{esc(url)}</span>'
    return f'<a class="url" href="{esc(url.strip())}" rel="noopener noreferrer nofollow">{esc(url)}</a>'


def section(key: str, title: str, count: int, body: str, note: str = "") -> str:
    """One report section with its heading and item count; ``body`` is already safe HTML."""
    note_html = f'<p class="note">{note}</p>' if note else ""
    return (
        f'<section id="{esc(key)}"><h2>{esc(title)} <span class="count">{count}</span></h2>'
        f"{note_html}{body or none_found()}</section>"
    )


def none_found() -> str:
    return '<p class="none">none found</p>'


def badge(value: str | None) -> str:
    """A coloured label for an enum value (status, kind, basis)."""
    if not value:
        return ""
    return f'<span class="badge b-{esc(value)}">{esc(value)}</span>'


def plural(n: int, noun: str) -> str:
    """``1 source``, ``2 sources`` (nouns that take an s)."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def number(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.4g}"


def extras(item: Any, known: Iterable[str]) -> str:
    """Fields of a stage object a section does not render itself (added to the model later), shown as
    small key/value lines; fields left at their default or empty are not shown."""
    skip = set(known)
    rows = [
        f"<dt>{esc(f.name)}</dt><dd>{esc(_short(value))}</dd>"
        for f in dataclasses.fields(item)
        if f.name not in skip
        and (value := getattr(item, f.name)) not in (None, "", (), [], {})
        and not (f.default is not dataclasses.MISSING and value == f.default)
    ]
    return f'<dl class="extras">{"".join(rows)}</dl>' if rows else ""


EXTRA_VALUE_CHARS = 300  # longer extra values are cut for display; dossier.json keeps them whole


def _short(value: Any) -> str:
    text = _plain_text(value)
    return text if len(text) <= EXTRA_VALUE_CHARS else text[: EXTRA_VALUE_CHARS - 1] + "…"


def _plain_text(value: Any) -> str:
    """A value as a reader would write it: lists joined by commas, objects as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(map(str, value))
    if isinstance(value, (list, tuple)) and all(
        isinstance(v, (list, tuple)) and all(isinstance(x, (str, int, float)) for x in v) for v in value
    ):
        return ", ".join(" ".join(map(str, v)) for v in value)
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=True, default=str)


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value
