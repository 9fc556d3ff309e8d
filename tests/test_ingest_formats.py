"""read_inputs per format: plain text, HTML, WARC/WARC.gz, JSON Lines, JSON, stdin."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdossier.ingest import read_inputs
from newsdossier.model import RawRecord, Rejection
from newsdossier.settings import Options

ARTICLE_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour strike ends after nine days | Portside Gazette</title>
<meta property="og:site_name" content="Portside Gazette">
<meta property="og:title" content="Harbour strike ends after nine days">
<meta name="author" content="Ada Quill">
<meta property="article:published_time" content="2023-06-14T09:00:00Z">
<link rel="canonical" href="https://gazette.example/strike-ends">
<script>var tracker = "do not keep me";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/port">Port</a> <a href="/login">Log in</a></nav>
<article><h1>Harbour strike ends after nine days</h1>
<p>Dock workers in the fictional port of Saltmere voted on Tuesday to end a nine-day strike that had left more than 80 ships waiting offshore.</p>
<p>"We got what we came for," union leader Bram Oster said after the vote, which passed with 71 percent.</p>
<p>The port authority said normal operations would resume on Wednesday morning and the backlog would take two weeks to clear.</p>
</article>
<footer>Copyright Portside Gazette. <a href="/privacy">Privacy</a></footer>
<script>console.log("footer script")</script>
</body></html>"""


def _read(*inputs: str, options: Options = Options(), stdin: io.StringIO | None = None) -> list[RawRecord | Rejection]:
    return list(read_inputs(list(inputs), options, stdin=stdin))


def make_warc(responses: list[tuple[str, str, str, bytes]], gz: bool = True) -> bytes:
    """A WARC with one response record per (url, status line, content type, body)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, status, content_type, body in responses:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return out.getvalue()


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"Title\r\n\r\nFirst line.\r\nSecond line.\r\n", "Title\n\nFirst line.\nSecond line.\n"),
        (b"Old Mac\rline\r", "Old Mac\nline\n"),
        (b"  Keep   spacing  \n\n\n\nand blank lines\n", "  Keep   spacing  \n\n\n\nand blank lines\n"),
        ("\ufeffBOM dropped".encode("utf-8"), "BOM dropped"),
    ],
)
def test_read_text_normalises_newlines_only(tmp_path: Path, raw: bytes, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    [record] = _read(str(path))
    assert record == RawRecord(path=str(path), text=text, format="text", encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("Плотина прорвалась во вторник.\nПогибли 40 человек.", "cp1251", "cp1251"),
        ("Le barrage a cédé mardi à l'aube, près de Sète.", "latin-1", "iso-8859-1"),
        ("The dam failed on Tuesday — 40 dead.", "utf-16", "utf-16-le"),
        ("The dam failed on Tuesday — 40 dead.", "utf-8", "utf-8"),
    ],
)
def test_read_text_records_encoding(tmp_path: Path, text: str, encoding: str, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    [record] = _read(str(path))
    assert (record.text, record.encoding) == (text, expected)


def test_read_html_extracts_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "strike.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    [record] = _read(str(path))
    assert isinstance(record, RawRecord)
    assert (record.format, record.title, record.published, record.author, record.outlet, record.url) == (
        "html", "Harbour strike ends after nine days", "2023-06-14", "Ada Quill", "Portside Gazette",
        "https://gazette.example/strike-ends",
    )
    paragraphs = record.text.split("\n\n")
    assert paragraphs[1].startswith("Dock workers in the fictional port of Saltmere")
    assert paragraphs[-1].startswith("The port authority said")
    for furniture in ("tracker", "Log in", "Privacy", "footer script"):
        assert furniture not in record.text


def test_read_warc_keeps_html_200_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        make_warc(
            [
                ("https://gazette.example/robots.txt", "200 OK", "text/plain", b"User-agent: *"),
                ("https://gazette.example/strike-ends", "200 OK", "text/html; charset=utf-8", ARTICLE_HTML.encode()),
                ("https://gazette.example/old", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
                ("https://gazette.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
                ("https://gazette.example/again", "200 OK", "text/html", ARTICLE_HTML.encode()),
            ]
        )
    )
    records = _read(str(path))
    assert [(r.path, r.format, r.url) for r in records] == [
        (f"{path}#2", "warc", "https://gazette.example/strike-ends"),
        (f"{path}#5", "warc", "https://gazette.example/again"),
    ]
    assert records[0].title == "Harbour strike ends after nine days"


def test_read_warc_uncompressed(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(make_warc([("https://gazette.example/a", "200 OK", "text/html", ARTICLE_HTML.encode())], gz=False))
    [record] = _read(str(path))
    assert (record.path, record.format) == (f"{path}#1", "warc")


def test_read_warc_decodes_with_http_charset(tmp_path: Path) -> None:
    html = "<html><body><article><p>" + "Плотина прорвалась во вторник, погибли сорок человек. " * 8 + "</p></article></body></html>"
    path = tmp_path / "ru.warc.gz"
    path.write_bytes(make_warc([("https://ru.example/a", "200 OK", "text/html; charset=windows-1251", html.encode("cp1251"))]))
    [record] = _read(str(path))
    assert record.text.startswith("Плотина прорвалась") and record.encoding == "windows-1251"


def test_read_jsonl_records_with_metadata(tmp_path: Path) -> None:
    lines = [
        {"text": "First article.\r\nSecond line.", "url": "https://a.example/1", "title": "One", "published": "2024-01-02",
         "outlet": "Alpha", "author": "Ann"},
        {"html": ARTICLE_HTML, "outlet": "Overridden Outlet"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    first, second = _read(str(path))
    assert first == RawRecord(
        path=f"{path}#1", text="First article.\nSecond line.", format="jsonl", url="https://a.example/1", title="One",
        published="2024-01-02", author="Ann", outlet="Alpha", encoding="utf-8",
    )
    assert second.path == f"{path}#2" and second.outlet == "Overridden Outlet"  # the record's own field wins
    assert second.title == "Harbour strike ends after nine days" and "Saltmere" in second.text


def test_read_jsonl_malformed_line_is_rejected_and_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "one"}\n{"text": "two"\n["not an object"]\n{"title": "no text"}\n{"text": "five"}\n', encoding="utf-8")
    items = _read(str(path))
    assert [(type(i).__name__, i.path, getattr(i, "reason", None)) for i in items] == [
        ("RawRecord", f"{path}#1", None),
        ("Rejection", f"{path}#2", "malformed-json"),
        ("Rejection", f"{path}#3", "malformed-json"),
        ("Rejection", f"{path}#4", "missing-text"),
        ("RawRecord", f"{path}#5", None),
    ]
    assert "Line 2 is not valid JSON" in items[1].detail


@pytest.mark.parametrize(
    ("content", "paths"),
    [
        ({"text": "single object"}, [""]),
        ([{"text": "a"}, {"text": "b"}], ["#1", "#2"]),
    ],
)
def test_read_json_object_or_list(tmp_path: Path, content: object, paths: list[str]) -> None:
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    assert [r.path for r in _read(str(path))] == [f"{path}{p}" for p in paths]


def test_read_json_file_holding_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"text": "one"}\n{"text": "two"}\n{broken\n', encoding="utf-8")
    items = _read(str(path))
    assert [(i.path, getattr(i, "reason", None)) for i in items] == [
        (f"{path}#1", None), (f"{path}#2", None), (f"{path}#3", "malformed-json"),
    ]


def test_read_stdin_json_lines() -> None:
    stdin = io.StringIO('{"text": "from a pipe", "outlet": "Pipe"}\nnot json\n{"text": "second"}\n')
    items = _read("-", stdin=stdin)
    assert [(i.path, type(i).__name__) for i in items] == [
        ("<stdin>#1", "RawRecord"), ("<stdin>#2", "Rejection"), ("<stdin>#3", "RawRecord"),
    ]
    assert items[0].outlet == "Pipe"


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"article {i}", encoding="utf-8")
    stream = read_inputs([str(tmp_path)], Options())
    first = next(stream)
    (tmp_path / "2.txt").write_text("changed before it was read", encoding="utf-8")
    rest = list(stream)
    assert first.text == "article 0" and rest[-1].text == "changed before it was read"
