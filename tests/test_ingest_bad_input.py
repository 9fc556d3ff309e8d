"""Bad input: each bad file or record becomes a Rejection with a stable reason; the run goes on."""

from __future__ import annotations

import gzip
import io
import os
import tempfile
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdossier.errors import InputNotFound
from newsdossier.ingest import REASONS, read_inputs
from newsdossier.model import RawRecord, Rejection
from newsdossier.settings import Options
from test_ingest_formats import ARTICLE_HTML, make_warc

GOOD = b"A dam failed on Tuesday. Rescue teams searched the valley."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("article.txt", GOOD)
    return out.getvalue()


def _truncated_warc() -> bytes:
    data = make_warc([(f"https://gazette.example/{i}", "200 OK", "text/html", ARTICLE_HTML.encode()) for i in range(3)])
    return data[: len(data) - 60]


BAD_FILES: list[tuple[str, Callable[[], bytes], str]] = [
    ("empty.txt", lambda: b"", "empty"),
    ("blank.txt", lambda: b"  \n\t\r\n   \n", "empty"),
    ("blank16.txt", lambda: " \n \n".encode("utf-16"), "empty"),
    ("image.png", lambda: PNG, "binary"),
    ("image-named.txt", lambda: PNG, "binary"),
    ("archive.zip", _zip, "binary"),
    ("paper.pdf", lambda: PDF, "binary"),
    ("nul.txt", lambda: b"text\x00\x01\x02\x03 more \x00 binary", "binary"),
    ("notes.gz", lambda: gzip.compress(GOOD), "binary"),
    ("noise.txt", lambda: bytes((i * 37 + 11) % 255 + 1 for i in range(4000)), "undecodable"),
    ("nav-only.html", lambda: b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "no-article-text"),
    ("bad.json", lambda: b'{"text": "unterminated', "malformed-json"),
    ("list-of-strings.json", lambda: b'"just a string"', "malformed-json"),
    ("no-text.json", lambda: b'{"title": "A title only"}', "missing-text"),
    ("robots.warc.gz", lambda: make_warc([("https://a.example/robots.txt", "200 OK", "text/plain", b"User-agent: *")]), "no-html-responses"),
    ("stub.warc.gz", lambda: b"\x1f\x8b\x08\x00", "truncated"),
]


@pytest.mark.parametrize(("name", "make", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_read_inputs_rejects_bad_file_and_goes_on(tmp_path: Path, name: str, make: Callable[[], bytes], reason: str) -> None:
    (tmp_path / name).write_bytes(make())
    (tmp_path / "zz-good.txt").write_bytes(GOOD)
    bad, good = list(read_inputs([str(tmp_path)], Options()))
    assert isinstance(bad, Rejection) and (bad.path, bad.stage, bad.reason) == (str(tmp_path / name), "ingest", reason)
    assert bad.detail[0].isupper() and bad.detail.endswith(".") and len(bad.detail) > 30
    assert reason in REASONS
    assert isinstance(good, RawRecord) and good.text == GOOD.decode()


def test_read_truncated_warc_keeps_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(_truncated_warc())
    items = list(read_inputs([str(path)], Options()))
    assert [(type(i).__name__, i.path) for i in items] == [
        ("RawRecord", f"{path}#1"), ("RawRecord", f"{path}#2"), ("Rejection", str(path)),
    ]
    assert items[-1].reason == "truncated" and "after record 2" in items[-1].detail


def test_read_file_over_limit_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write(GOOD)
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    tracemalloc.start()
    try:
        [item] = list(read_inputs([str(path)], Options()))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(item, Rejection) and item.reason == "too-large"
    assert "209,715,200 bytes" in item.detail and "--max-bytes" in item.detail
    assert peak < 1024 * 1024  # nowhere near the file's size: it was never read


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.txt", GOOD), ("page.html", ARTICLE_HTML.encode()), ("noext", GOOD), ("dump.json", b'{"text": "%s"}' % GOOD)],
)
def test_read_respects_configured_size_limit(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    [item] = list(read_inputs([str(tmp_path / name)], Options(max_bytes=len(content) - 1)))
    assert isinstance(item, Rejection) and item.reason == "too-large"
    [item] = list(read_inputs([str(tmp_path / name)], Options(max_bytes=len(content))))
    assert isinstance(item, RawRecord)


def test_read_jsonl_limit_applies_per_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "short"}\n{"text": "%s"}\n{"text": "short again"}\n' % ("x" * 500), encoding="utf-8")
    items = list(read_inputs([str(path)], Options(max_bytes=100)))
    assert [(i.path, getattr(i, "reason", None)) for i in items] == [
        (f"{path}#1", None), (f"{path}#2", "too-large"), (f"{path}#3", None),
    ]


def test_read_jsonl_undecodable_line_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "fine"}\n')
    items = list(read_inputs([str(path)], Options()))
    assert [getattr(i, "reason", None) for i in items] == ["undecodable", None]


def test_read_warc_response_over_limit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    small = "<html><body><article><p>" + "Short but real article text about the harbour. " * 6 + "</p></article></body></html>"
    path.write_bytes(make_warc([
        ("https://a.example/big", "200 OK", "text/html", ARTICLE_HTML.encode()),
        ("https://a.example/small", "200 OK", "text/html", small.encode()),
    ]))
    items = list(read_inputs([str(path)], Options(max_bytes=len(small) + 10)))
    assert [(i.path, getattr(i, "reason", None)) for i in items] == [(f"{path}#1", "too-large"), (f"{path}#2", None)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_read_fifo_is_rejected_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it would block forever: it must be rejected from its stat alone
    [item] = list(read_inputs([str(fifo)], Options()))
    assert (item.reason, item.path) == ("not-a-file", str(fifo))


def test_read_file_that_vanished_after_expansion(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    path.write_bytes(GOOD)
    items = read_inputs([str(path)], Options())
    path.unlink()
    [item] = list(items)
    assert item.reason == "unreadable" and "still exists" in item.detail


def test_read_inputs_missing_path_raises_before_reading(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_bytes(GOOD)
    with pytest.raises(InputNotFound, match="no such file or folder"):
        read_inputs([str(tmp_path / "ok.txt"), str(tmp_path / "missing.txt")], Options())


NOBODY = 65534  # the conventional uid/gid of 'nobody'


def _read_in_child(paths: list[str], as_nobody: bool) -> str:
    """Read ``paths`` in a forked child (optionally as 'nobody'); returns "Kind:reason" per item."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: the interpreter and modules are already loaded, so dropping rights is safe
        status = 0
        try:
            os.close(read_end)
            if as_nobody:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            items = read_inputs(paths, Options())
            os.write(write_end, " ".join(f"{type(i).__name__}:{getattr(i, 'reason', '-')}" for i in items).encode())
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the test
            os.write(write_end, f"error:{exc!r}".encode())
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        out = pipe.read().decode()
    os.waitpid(pid, 0)
    return out


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to drop privileges")
def test_read_unreadable_file_is_rejected() -> None:
    """Permission denied, for real: root may read anything, so as root the read runs as 'nobody'."""
    folder = Path(tempfile.mkdtemp(prefix="nd-perm-"))
    secret, public = folder / "secret.txt", folder / "public.txt"
    try:
        folder.chmod(0o755)
        secret.write_bytes(GOOD)
        public.write_bytes(GOOD)
        secret.chmod(0o000)
        public.chmod(0o644)
        out = _read_in_child([str(secret), str(public)], as_nobody=os.geteuid() == 0)
        assert out == "Rejection:unreadable RawRecord:-"
    finally:
        secret.chmod(0o600)
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()


@pytest.mark.parametrize("seed", range(4))
def test_read_file_never_raises_on_damaged_examples(tmp_path: Path, seed: int) -> None:
    """Cut, overwritten, inserted and spliced bytes of every example file: records or rejections, never an error."""
    import random

    rng = random.Random(seed)
    examples = sorted((Path(__file__).resolve().parent.parent / "examples" / "corpus").iterdir())
    for n, source in enumerate(examples * 2):
        data = bytearray(source.read_bytes())
        operation = rng.choice(["cut", "overwrite", "insert", "splice"])
        at = rng.randrange(len(data))
        if operation == "cut":
            data = data[:at]
        elif operation == "overwrite":
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif operation == "insert":
            data[at:at] = rng.randbytes(rng.randint(1, 50))
        else:
            other = rng.choice(examples).read_bytes()
            data = data[:at] + other[rng.randrange(len(other)) :]
        damaged = tmp_path / f"{n:02}-{source.name}"
        damaged.write_bytes(bytes(data))
        items = list(read_inputs([str(damaged)], Options()))
        assert items and all(isinstance(i, (RawRecord, Rejection)) for i in items)
