"""Plain-text helpers shared by the readers: newline normalisation and the empty-text check.

Ingest changes nothing else in the source text; cleaning is a separate stage.
"""

from __future__ import annotations

from newsdossier.errors import RecordError


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading byte-order mark is dropped."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def require_text(text: str) -> str:
    """``text`` unchanged, or :class:`RecordError` (``empty``) when it is blank."""
    if not text.strip():
        raise RecordError("empty", "the file holds no text (it is empty or only whitespace); remove it or fill it")
    return text


__all__ = ["normalise_newlines", "require_text"]
