"""Format sniffing: content first, the file name as a hint; binary files named for what they are."""

from __future__ import annotations

import gzip

import pytest

from newsdossier.errors import RecordError
from newsdossier.ingest.sniff import declared_charset, format_from_name, sniff


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"Dam fails after heavy rain\n\nThe dam...", "a.txt", "text"),
        (b"Dam fails", "noext", "text"),
        (b"<!DOCTYPE html><html><body><p>x</p>", "a.html", "html"),
        (b"\n  <html lang='en'><head>", "saved-page.txt", "html"),  # content wins over a wrong name
        (b"<p>Only a paragraph</p>", "a.htm", "html"),
        (b"<b>bold claims</b> in a text file", "a.txt", "text"),
        (b"\xef\xbb\xbf<!doctype html><html>", "page", "html"),
        ("<html><body>".encode("utf-16"), "page.html", "html"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "crawl.warc", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"), "crawl.warc.gz", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"), "crawl.bin", "warc"),
        (b'{"text": "a"}\n{"text": "b"}\n', "feed.jsonl", "jsonl"),
        (b'{"text": "a"}\n{"text": "b"}\n', "feed", "jsonl"),
        (b'[{"text": "a"}]', "dump.json", "json"),
        (b'{"text": "a"}', "one", "json"),
        (b'{"text": "a"}', "feed.ndjson", "jsonl"),
    ],
)
def test_sniff_detects_format(head: bytes, name: str, expected: str) -> None:
    assert sniff(head, name) == expected


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"\x7fELF\x02\x01\x01", "ELF"),
        (b"SQLite format 3\x00", "SQLite"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4"),
        (b"text then \x00\x01\x02 binary", "NUL bytes"),
        (gzip.compress(b"just some gzipped text"), "gzip"),
    ],
)
def test_sniff_rejects_binary_files(head: bytes, kind: str) -> None:
    with pytest.raises(RecordError) as info:
        sniff(head, "upload.txt")
    assert info.value.reason == "binary"
    assert kind in info.value.detail


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.TXT", "text"), ("a.warc.gz", "warc"), ("a.gz", None), ("a.jsonl", "jsonl"), ("a.HTM", "html"), ("README", None)],
)
def test_format_from_name(name: str, expected: str | None) -> None:
    assert format_from_name(name) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="windows-1251">', "windows-1251"),
        (b'<META http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "iso-8859-1"),
        (b"<html><head><title>x</title>", None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected
