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

from newsdossier.errors import RecordError

HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")


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
    before the break have already been yielded.
    """
    index = 0
    try:
        for record in ArchiveIterator(stream):
            index += 1
            if not _is_html_ok(record):
                continue
            body = record.content_stream().read(max_bytes + 1)
            yield WarcResponse(
                index=index,
                url=record.rec_headers.get_header("WARC-Target-URI"),
                body=body[:max_bytes],
                charset=_charset(record.http_headers.get_header("Content-Type") or ""),
                too_large=len(body) > max_bytes,
            )
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as exc:
        raise RecordError(
            "truncated",
            f"the archive breaks off after record {index} ({exc.__class__.__name__}: {str(exc)[:120]}); "
            "the records before it were read — download or re-create the archive to get the rest",
        ) from None


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
