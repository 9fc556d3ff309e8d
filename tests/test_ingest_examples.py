"""The bundled example corpus (fiction, examples/corpus) and the sample corpus ingest cleanly."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from newsdossier.ingest import read_inputs
from newsdossier.model import RawRecord, Rejection
from newsdossier.settings import Options

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def test_examples_ingest_without_rejections() -> None:
    items = list(read_inputs([str(EXAMPLES)], Options()))
    assert [i for i in items if isinstance(i, Rejection)] == []
    assert len(items) == 8
    assert all(i.text.strip() and "\r" not in i.text for i in items)


@pytest.mark.parametrize(
    ("name", "fmt", "encoding", "outlet", "published"),
    [
        ("001_interior-ministry-statement.txt", "text", "utf-8", None, None),
        ("003_pellan-courier.html", "html", "utf-8", "Pellan Courier", "2024-03-07"),
        ("004_riverland-post.txt", "text", "iso-8859-1", None, None),
        ("005_eastern-wire.txt", "text", "utf-16-le", None, None),
        ("006_wire-feed.jsonl#1", "jsonl", "utf-8", "Kestrel News Agency", "2024-03-12T18:40:00+01:00"),
        ("006_wire-feed.jsonl#2", "jsonl", "utf-8", "Daily Meridian", "2024-09-18"),
        ("007_valley-times.warc.gz#2", "warc", "utf-8", "The Valley Times", "2024-03-13"),
    ],
)
def test_examples_formats_and_metadata(name: str, fmt: str, encoding: str, outlet: str | None, published: str | None) -> None:
    by_name = {Path(i.path).name: i for i in read_inputs([str(EXAMPLES)], Options())}
    record = by_name[name]
    assert (record.format, record.encoding, record.outlet, record.published) == (fmt, encoding, outlet, published)


def test_examples_keep_non_ascii_text() -> None:
    by_name = {Path(i.path).name: i for i in read_inputs([str(EXAMPLES)], Options())}
    assert "Hélène Sauvé" in by_name["004_riverland-post.txt"].text
    assert "€310 million" in by_name["005_eastern-wire.txt"].text


def test_sample_corpus_ingests_as_utf8_text(sample_corpus: Path) -> None:
    items = list(read_inputs([str(sample_corpus)], Options()))
    assert len(items) == 5 and all(isinstance(i, RawRecord) and i.encoding == "utf-8" for i in items)


def test_read_inputs_memory_does_not_grow_with_file_count(tmp_path: Path) -> None:
    body = ("The harbour strike entered its ninth day as more than 80 ships waited offshore. " * 60).encode()
    for i in range(400):
        (tmp_path / f"{i:04}.txt").write_bytes(body)
    stream = read_inputs([str(tmp_path)], Options())
    for _ in range(50):  # warm up caches and imports
        next(stream)
    tracemalloc.start()
    try:
        count = sum(1 for _ in stream)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 350
    assert peak < 20 * len(body)  # a few files' worth, not 350 of them
