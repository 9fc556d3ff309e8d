"""Files to raw records: one generator over all inputs that never raises for one bad file.

Size rule: plain text, HTML and JSON files are read whole, so a file over ``options.max_bytes``
is rejected from its size alone, before it is opened. WARC archives and JSON Lines files are
streamed record by record, so the limit applies to each record (a response body, a line) instead:
a multi-gigabyte crawl or feed is normal and costs no more memory than its largest record.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO, TextIO

from newsdossier.errors import RecordError
from newsdossier.ingest.decode import decode
from newsdossier.ingest.html import extract_page
from newsdossier.ingest.paths import STDIN, expand_inputs
from newsdossier.ingest.records import iter_json_document, iter_json_lines
from newsdossier.ingest.sniff import HEAD_BYTES, declared_charset, format_from_name, sniff
from newsdossier.ingest.text import normalise_newlines, rejection, require_text
from newsdossier.ingest.warc import WarcResponse, iter_html_responses
from newsdossier.model import RawRecord, Rejection
from newsdossier.settings import Options

STDIN_NAME = "<stdin>"
STREAMED_FORMATS = frozenset({"warc", "jsonl"})
SKIP_CHUNK_BYTES = 1 << 20  # the rest of an over-long JSON line is skipped in chunks of this size

Item = RawRecord | Rejection


def read_inputs(inputs: Sequence[str], options: Options, stdin: TextIO | None = None) -> Iterator[Item]:
    """Raw records and rejections for everything the inputs name, in :func:`expand_inputs` order.

    The inputs are expanded at once (so a missing path raises :class:`InputNotFound` here);
    the files are then read lazily, one at a time.
    """
    paths = expand_inputs(inputs)
    return _read_all(paths, options, stdin)


def _read_all(paths: list[str], options: Options, stdin: TextIO | None) -> Iterator[Item]:
    for path in paths:
        if path == STDIN:
            yield from iter_json_lines(stdin if stdin is not None else sys.stdin, STDIN_NAME, options.max_bytes)
        else:
            yield from read_file(path, options)


def read_file(path: str, options: Options) -> Iterator[Item]:
    """The records one file holds (several for WARC/JSON Lines/JSON lists), or its rejection."""
    try:
        size = _checked_size(path)
        hinted = format_from_name(path)
        if size > options.max_bytes and hinted not in STREAMED_FORMATS:
            raise _too_large(size, options.max_bytes)
        with _open(path) as f:
            head = f.read(HEAD_BYTES)
            fmt = sniff(head, path)
            if fmt in STREAMED_FORMATS:
                f.seek(0)
                yield from (_read_warc(f, path, options) if fmt == "warc" else _read_jsonl(f, path, options))
                return
            if size > options.max_bytes:
                raise _too_large(size, options.max_bytes)
            # read(n) allocates n bytes up front: ask for what stat said (+1 to see growth), not the limit
            data = head + f.read(max(min(size, options.max_bytes) + 1 - len(head), 0))
        if len(data) > options.max_bytes:
            raise _too_large(len(data), options.max_bytes)
        yield from _read_whole(data, path, fmt)
    except RecordError as exc:
        yield rejection(path, exc)


def _checked_size(path: str) -> int:
    try:
        st = os.stat(path)
    except PermissionError:
        raise _unreadable("permission denied") from None
    except OSError as exc:
        raise _unreadable(exc.strerror or str(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise RecordError(
            "not-a-file", "this is not a regular file (a pipe, socket or device); save its content to a file first"
        )
    if st.st_size == 0:
        raise RecordError("empty", "the file is empty (0 bytes); remove it or fill it")
    return st.st_size


def _open(path: str) -> BinaryIO:
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the caller's with-block
    except PermissionError:
        raise _unreadable("permission denied") from None
    except OSError as exc:
        raise _unreadable(exc.strerror or str(exc)) from None


def _read_whole(data: bytes, path: str, fmt: str) -> Iterator[Item]:
    declared = declared_charset(data[:HEAD_BYTES]) if fmt == "html" else None
    decoded = decode(data, declared=declared)
    if fmt == "json":
        yield from iter_json_document(decoded.text, path, decoded.encoding)
        return
    text = require_text(normalise_newlines(decoded.text))
    if fmt == "text":
        yield RawRecord(path=path, text=text, format="text", encoding=decoded.encoding)
        return
    page = extract_page(text)
    yield RawRecord(
        path=path, text=page.text, format="html", url=page.url, title=page.title,
        published=page.published, author=page.author, outlet=page.outlet, encoding=decoded.encoding,
    )


def _read_warc(f: BinaryIO, path: str, options: Options) -> Iterator[Item]:
    found = 0
    try:
        for response in iter_html_responses(f, options.max_bytes):
            found += 1
            where = f"{path}#{response.index}"
            try:
                if response.too_large:
                    raise _too_large(None, options.max_bytes, what="this response body")
                yield _warc_record(response, where)
            except RecordError as exc:
                yield rejection(where, exc)
    except RecordError as exc:
        yield rejection(path, exc)
        return
    if not found:
        why = "the archive holds no HTML response with status 200, so no article; check that it is the crawl you meant"
        yield rejection(path, RecordError("no-html-responses", why))


def _warc_record(response: WarcResponse, where: str) -> RawRecord:
    decoded = decode(response.body, declared=response.charset or declared_charset(response.body[:HEAD_BYTES]))
    page = extract_page(require_text(normalise_newlines(decoded.text)), url=response.url)
    return RawRecord(
        path=where, text=page.text, format="warc", url=response.url or page.url, title=page.title,
        published=page.published, author=page.author, outlet=page.outlet, encoding=decoded.encoding,
    )


def _read_jsonl(f: BinaryIO, path: str, options: Options) -> Iterator[Item]:
    yield from iter_json_lines(_lines(f, options.max_bytes), path, options.max_bytes, encoding="utf-8")


def _lines(f: BinaryIO, limit: int) -> Iterator[bytes]:
    """Raw lines, each read with a bound: an over-long line comes back cut at ``limit + 1`` bytes."""
    while raw := f.readline(limit + 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := f.readline(SKIP_CHUNK_BYTES)) and not rest.endswith(b"\n"):
                pass
        yield raw


def _too_large(size: int | None, limit: int, what: str = "the file") -> RecordError:
    actual = f" ({size:,} bytes)" if size is not None else ""
    return RecordError(
        "too-large", f"{what} is larger than the limit of {limit:,} bytes{actual}; raise --max-bytes to read it"
    )


def _unreadable(why: str) -> RecordError:
    return RecordError("unreadable", f"the file cannot be read ({why}); check its permissions and that it still exists")



__all__ = ["read_file", "read_inputs"]
