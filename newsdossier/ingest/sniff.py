"""Which reader a file needs: sniffed from its first bytes, with its name as a hint.

The signatures, extensions and HTML openings are data (``newsdossier/data/ingest/formats.json``).
"""

from __future__ import annotations

import functools
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from newsdossier.errors import RecordError

FORMATS_FILE = Path(__file__).resolve().parent.parent / "data" / "ingest" / "formats.json"

HEAD_BYTES = 8192  # enough for any signature, a BOM, an HTML prologue and a WARC header
HTML_LOOKAHEAD_CHARS = 1024  # HTML markers are looked for among the first tags, not deep in a text

BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

# A BOM-less UTF-16 text has a NUL in (nearly) every other byte; chosen so ASCII-range UTF-16
# passes (ratio ~1.0) while binary formats, whose NULs are scattered, do not.
UTF16_NUL_SHARE = 0.9
UTF16_OTHER_NUL_SHARE = 0.05

GZIP_MAGIC = b"\x1f\x8b"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Signature:
    magic: bytes
    kind: str
    offset: int


@functools.cache
def _formats() -> dict:
    return json.loads(FORMATS_FILE.read_text(encoding="utf-8"))


@functools.cache
def _signatures() -> tuple[_Signature, ...]:
    return tuple(
        _Signature(bytes.fromhex(m["bytes"]), m["kind"], int(m.get("offset", 0))) for m in _formats()["magic"]
    )


def format_from_name(name: str) -> str | None:
    """The format a file name suggests (``"text"``, ``"html"``, ``"warc"``, ``"json"``, ``"jsonl"``), if any."""
    lower = name.lower()
    return next((fmt for ending, fmt in _endings() if lower.endswith(ending)), None)


@functools.cache
def _endings() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_formats()["extensions"].items(), key=lambda kv: -len(kv[0])))


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark names, or ``None`` when there is none."""
    return next((enc for bom, enc in BOMS if head.startswith(bom)), None)


def utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the NUL pattern says so, else ``None``."""
    if len(head) < 4 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= UTF16_NUL_SHARE and even_nul <= UTF16_OTHER_NUL_SHARE:
        return "utf-16-le"
    if even_nul >= UTF16_NUL_SHARE and odd_nul <= UTF16_OTHER_NUL_SHARE:
        return "utf-16-be"
    return None


def binary_kind(head: bytes) -> str | None:
    """A name for the binary format ``head`` starts with, or ``None`` when it may be text."""
    for sig in _signatures():
        if head[sig.offset : sig.offset + len(sig.magic)] == sig.magic:
            return sig.kind
    if bom_encoding(head) or utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    return None


def _gzip_holds_warc(head: bytes) -> bool:
    try:
        inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
    except zlib.error:
        return False
    return inner.startswith(b"WARC/")


def sniff(head: bytes, name: str) -> str:
    """The reader for a file: ``"text"``, ``"html"``, ``"warc"``, ``"json"`` or ``"jsonl"``.

    Raises :class:`RecordError` (``binary``) for images, archives, documents and other binary data.
    """
    hinted = format_from_name(name)
    if head.startswith(GZIP_MAGIC):
        if _gzip_holds_warc(head) or hinted == "warc":
            return "warc"  # a named .warc.gz too short to show its header is reported as truncated
        raise RecordError(
            "binary",
            "this is a gzip-compressed file that is not a WARC archive; decompress it and pass the result",
        )
    if head.startswith(b"WARC/") or hinted == "warc":
        return "warc"
    kind = binary_kind(head)
    if kind:
        raise RecordError("binary", f"this is a {kind}, not an article; pass text, HTML, WARC or JSON files")
    opening = _opening(head)
    if hinted in ("json", "jsonl"):
        return hinted
    if hinted is None and opening[:1] in ("{", "["):
        return "jsonl" if opening.startswith("{") and "\n{" in opening else "json"
    if any(opening.startswith(marker) for marker in _formats()["html_markers"]):
        return "html"
    if hinted == "html" and opening.startswith("<"):
        return "html"
    return "text"


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag among its first bytes, if any."""
    match = _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _opening(head: bytes) -> str:
    """The start of the text, lower-cased and left-stripped, decoded leniently (for markers only)."""
    encoding = bom_encoding(head) or utf16_without_bom(head) or "utf-8"
    text = head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")
    return text[:HTML_LOOKAHEAD_CHARS].lower()


__all__ = ["binary_kind", "bom_encoding", "declared_charset", "format_from_name", "sniff", "utf16_without_bom"]
