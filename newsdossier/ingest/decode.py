"""Bytes to text: byte-order marks, then strict UTF-8, then BOM-less UTF-16, then charset-normalizer.

charset-normalizer is the only importer of its library. Its guess is limited to the legacy encodings
news pages are actually written in (``newsdossier/data/ingest/formats.json``, ``"encodings"``) and
one known confusion is settled explicitly: Western European text (latin-1/cp1252) that the detector
calls cp1250/cp1257 because the bytes decode in both.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from newsdossier.errors import RecordError
from newsdossier.ingest.sniff import FORMATS_FILE, bom_encoding, utf16_without_bom

# Decoded text whose share of control characters (other than tab, newlines, form feed) is above
# this is not text in the encoding we chose; real articles have none, a stray one is tolerated.
MAX_CONTROL_SHARE = 0.01

UTF16_SNIFF_BYTES = 8192  # the NUL pattern of UTF-16 shows in the first few KB

# Non-ASCII characters that may stand between two letters of a real word (apostrophe, middle dot).
_INWORD_MARKS = frozenset("’·\u2011")

# Code pages charset-normalizer picks for Western text whose bytes they share with cp1252.
_LATIN1_SIBLINGS = frozenset(
    {"cp1250", "cp1257", "iso8859_2", "iso8859_4", "iso8859_13", "iso8859_15", "cp1254", "latin_1"}
)
_C1_RANGE = re.compile(rb"[\x80-\x9f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Unicode Cc minus tab, newlines, form feed


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


@functools.cache
def _candidate_encodings() -> tuple[str, ...]:
    return tuple(json.loads(FORMATS_FILE.read_text(encoding="utf-8"))["encodings"])


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a whole file's bytes; raises :class:`RecordError` (``undecodable``) when no encoding fits.

    ``declared`` is an encoding the container names (an HTTP header, an HTML ``<meta charset>``);
    it is tried after a BOM and strict UTF-8, because pages often declare a charset they do not use.
    The text is returned as decoded (a leading BOM removed); newlines are not touched here.
    """
    encoding = bom_encoding(data)
    if encoding:
        return _checked(data, encoding, "byte-order mark")
    encoding = utf16_without_bom(data[:UTF16_SNIFF_BYTES])
    if encoding:
        return _checked(data, encoding, "NUL-byte pattern")
    try:
        return _checked_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared and _decodes(data, declared):
        return _checked(data, declared, "declared charset")
    encoding = _guess(data)
    if encoding is None:
        raise RecordError(
            "undecodable",
            "the bytes are not valid UTF-8 and match no common text encoding; re-save the file as UTF-8",
        )
    return _checked(data, encoding, "detected encoding")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _guess(data: bytes) -> str | None:
    matches = list(from_bytes(data, cp_isolation=list(_candidate_encodings())))
    if not matches:
        return None
    plausible = [m for m in matches if not _has_word_internal_symbol(str(m))]
    encoding = (plausible or matches)[0].encoding
    if encoding in _LATIN1_SIBLINGS:
        western = _western(data)
        if western:
            return western
    return encoding


def _looks_western(data: bytes) -> bool:
    """True when the bytes decode as cp1252 into plain letters (no symbol inside a word)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not _has_word_internal_symbol(text) and _letters_are_latin(text)


def _has_word_internal_symbol(text: str) -> bool:
    """A letter, a non-ASCII non-letter, a letter: the mark of a wrong code page ("pêk³a" for "pękła")."""
    return any(
        ord(ch) > 0x7F and not ch.isalpha() and ch not in _INWORD_MARKS and text[i - 1].isalpha() and text[i + 1].isalpha()
        for i, ch in enumerate(text[1:-1], start=1)
    )


def _letters_are_latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in set(text) if ord(ch) > 0x7F and ch.isalpha())


def _western(data: bytes) -> str | None:
    """``iso-8859-1`` when cp1252 and latin-1 agree, ``cp1252`` when only cp1252 fits, else ``None``."""
    if not _looks_western(data):
        return None
    return "cp1252" if _C1_RANGE.search(data) else "iso-8859-1"


def _checked(data: bytes, encoding: str, basis: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        why = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc)
        raise RecordError(
            "undecodable", f"the file claims {encoding} ({basis}) but its bytes do not decode ({why}); re-save it as UTF-8"
        ) from None
    return _checked_text(text.removeprefix("\ufeff"), _label(encoding))


def _checked_text(text: str, encoding: str) -> Decoded:
    controls = len(_CONTROL_CHARS.findall(text))
    if text and controls / len(text) > MAX_CONTROL_SHARE:
        raise RecordError(
            "undecodable",
            f"decoded as {encoding} the file is full of control characters, so it is not text; "
            "check that it is an article and re-save it as UTF-8",
        )
    return Decoded(text, encoding)


def _label(encoding: str) -> str:
    """A readable, stable label: ``utf-8-sig`` → ``utf-8``, python aliases → common names."""
    name = encoding.lower().replace("_", "-")
    return {"utf-8-sig": "utf-8", "latin-1": "iso-8859-1"}.get(name, name)


__all__ = ["Decoded", "decode"]
