"""Helpers shared by the readers: newline normalisation, the empty-text check, rejections.

Ingest changes nothing else in the source text; cleaning is a separate stage.
"""

from __future__ import annotations

from newsdossier.errors import RecordError
from newsdossier.model import Rejection


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading byte-order mark is dropped."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def require_text(text: str) -> str:
    """``text`` unchanged, or :class:`RecordError` (``empty``) when it is blank."""
    if not text.strip():
        raise RecordError("empty", "the file holds no text (it is empty or only whitespace); remove it or fill it")
    return text


def rejection(path: str, exc: RecordError) -> Rejection:
    """The ingest rejection for ``path``; the detail reads as a sentence."""
    detail = exc.detail if exc.detail.endswith(".") else exc.detail + "."
    return Rejection(path=path, stage="ingest", reason=exc.reason, detail=detail[:1].upper() + detail[1:])


__all__ = ["normalise_newlines", "rejection", "require_text"]
