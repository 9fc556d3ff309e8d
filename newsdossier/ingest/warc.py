"""WARC / WARC.gz archives to HTML responses; the only importer of warcio.

Only ``response`` records with HTTP status 200 and an HTML content type are articles; requests,
metadata, redirects, images and scripts are the normal rest of a crawl and are passed over
without a rejection. The archive is streamed: memory does not grow with its size.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from newsdossier.errors import RecordError

HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b"
RECORD_END = b"\r\n\r\n"
GZIP_WBITS = 16 + zlib.MAX_WBITS  # zlib reads a gzip header and trailer
DRAIN_BYTES = 1 << 16  # read size when skipping the rest of a record or checking the tail

# What warcio's parser raises on a cut or corrupt archive (a header block cut short leaves, e.g.,
# a missing target URI, which surfaces as AttributeError/KeyError inside warcio).
_BROKEN_ARCHIVE = (
    ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, ValueError, AttributeError, KeyError,
)


@dataclass(frozen=True, slots=True)
class WarcResponse:
    """One HTML response: its 1-based position among the archive's records, target URI and body."""

    index: int
    url: str | None
    body: bytes
    charset: str | None
    too_large: bool = False


def iter_html_responses(stream: BinaryIO, max_bytes: int) -> Iterator[WarcResponse]:
    """The archive's HTML 200 responses, in order. A body over ``max_bytes`` comes with ``too_large``.

    Raises :class:`RecordError` (``truncated``) when the archive breaks off; the responses read
    before the break have already been yielded. ``stream`` must be seekable (a file): the last
    gzip member is re-read to prove it is complete, because warcio stops silently at a cut.
    """
    gzipped = stream.read(2) == GZIP_MAGIC
    stream.seek(0)
    iterator = ArchiveIterator(stream)
    index, last_offset = 0, 0
    try:
        for record in iterator:
            index += 1
            last_offset = iterator.offset
            if record.rec_headers.get_header("Content-Length") is None:
                raise _truncated(index - 1, f"record {index} has no Content-Length header")
            response = _response(record, index, max_bytes) if _is_html_ok(record) else None
            while record.raw_stream.read(DRAIN_BYTES):
                pass
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise _truncated(index - 1, f"record {index} is shorter than its declared length")
            if response is not None:
                yield response
        if not _tail_complete(stream, last_offset, iterator.offset, gzipped):
            raise _truncated(index, "the bytes after it are not a complete record")
    except _BROKEN_ARCHIVE as exc:
        raise _truncated(index - 1, f"{exc.__class__.__name__}: {str(exc)[:120]}") from None


def _response(record, index: int, max_bytes: int) -> WarcResponse:
    body = record.content_stream().read(max_bytes + 1)
    return WarcResponse(
        index=index,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        body=body[:max_bytes],
        charset=_charset(record.http_headers.get_header("Content-Type") or ""),
        too_large=len(body) > max_bytes,
    )


def _tail_complete(stream: BinaryIO, last_record: int, end_of_records: int, gzipped: bool) -> bool:
    """True when nothing but whole records (gzip) or blank lines (plain WARC) follows the last record."""
    if gzipped:
        return _gzip_tail_complete(stream, last_record)
    stream.seek(end_of_records)
    if any(chunk.strip() for chunk in iter(lambda: stream.read(DRAIN_BYTES), b"")):
        return False
    stream.seek(max(end_of_records - len(RECORD_END), 0))
    return stream.read().rstrip(b" \t").replace(b"\r\n", b"\n").endswith(b"\n\n")  # every record ends in two CRLFs


def _gzip_tail_complete(stream: BinaryIO, offset: int) -> bool:
    """True when every gzip member from ``offset`` (the last record's) to the end is complete."""
    stream.seek(offset)
    decompressor = zlib.decompressobj(GZIP_WBITS)
    while chunk := stream.read(DRAIN_BYTES):
        while chunk:
            if decompressor.eof:
                decompressor = zlib.decompressobj(GZIP_WBITS)
            decompressor.decompress(chunk)
            chunk = decompressor.unused_data
    return decompressor.eof


def _truncated(complete: int, why: str) -> RecordError:
    return RecordError(
        "truncated",
        f"the archive breaks off after record {max(complete, 0)} ({why}); the records before it were "
        "read — download or re-create the archive to get the rest",
    )


def _is_html_ok(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(t in content_type for t in HTML_CONTENT_TYPES)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


__all__ = ["WarcResponse", "iter_html_responses"]
