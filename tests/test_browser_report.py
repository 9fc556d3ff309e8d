"""The report in a real browser (headless Chromium): hostile article text runs nothing, loads nothing,
shows as text, and the page renders to a non-blank screenshot."""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from newsdossier.dossier import write_outputs
from newsdossier.model import (
    Claim,
    ClaimValue,
    Document,
    Dossier,
    Entity,
    Evidence,
    MentionRef,
    Quote,
    Rejection,
    RemovedLine,
    TimelineEntry,
)

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1200, "height": 900}
MIN_COLOURS = 12  # a rendered report has text, badges, marks and borders; a blank or failed page has 1-3
MIN_INK_FRACTION = 0.02  # share of sampled pixels that differ from the most common (background) colour

HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '<a href="javascript:window.__pwned=3">x</a>',
]
TEXT = (
    "Azerbaijan marked Victory Day on 8 November 2021.\n\n"
    f"A reader comment said {HOSTILE[0]} and then {HOSTILE[1]}.\n\n"
    f"More than 300 settlements were liberated, another wrote {HOSTILE[2]}."
)


def _at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def hostile_dossier() -> Dossier:
    doc = Document(
        id="d1",
        path=f"in/{HOSTILE[0]}.txt",
        title=f"Victory Day {HOSTILE[1]}",
        published="2021-11-08",
        published_basis="text",
        author=HOSTILE[2],
        outlet="Example <b>News</b>",
        text=TEXT,
        removed=(RemovedLine(HOSTILE[0], "comment-widget", 4),),
        url="javascript:window.__pwned=4",
    )
    date, claim, name = _at("8 November 2021"), _at("More than 300 settlements"), _at("Azerbaijan")
    return Dossier(
        documents=(doc,),
        rejections=(Rejection(HOSTILE[1], "ingest", "binary", HOSTILE[2]),),
        timeline=(TimelineEntry("2021-11-08", None, HOSTILE[0], ("d1",), (Evidence("d1", *date, "8 November 2021"),), "single"),),
        claims=(Claim("settlements", (ClaimValue("d1", "More than 300 settlements", 300.0, None, None, "more than", *claim),), "single", 1),),
        entities=(Entity("Azerbaijan", "GPE", (HOSTILE[1],), (MentionRef("d1", *name),)),),
        quotes=(Quote(HOSTILE[2], HOSTILE[0], "said", "d1", *_at(HOSTILE[0])),),
        meta={"title": HOSTILE[0]},
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {CHROMIUM} is missing: install Debian's chromium (see .ci/run)")
        pytest.skip(f"needs Debian's Chromium at {CHROMIUM} (apt-get install chromium); not in CI, so skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A page opened on a file, recording every request, dialog and console message it causes."""

    def __init__(self, browser, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport=VIEWPORT, java_script_enabled=True)
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url, wait_until="load")

    def _route(self, route) -> None:
        if route.request.url.split("#")[0] == self.url:
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def report(browser, tmp_path: Path) -> Iterator[Visit]:
    path = write_outputs(hostile_dossier(), tmp_path)["report"]
    visit = Visit(browser, path)
    yield visit
    visit.close()


def test_browser_hostile_text_runs_nothing_and_loads_nothing(report: Visit) -> None:
    page = report.page
    page.wait_for_timeout(300)  # give any stray handler (onerror, timers) the chance to fire
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert report.dialogs == []
    assert report.requests == []
    assert page.evaluate("document.querySelectorAll('script, img, iframe, [onerror]').length") == 0
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0


def test_browser_hostile_text_is_visible_as_text(report: Visit) -> None:
    text = report.page.locator("article.source .text").inner_text()
    for hostile in HOSTILE:
        assert hostile in text
    assert HOSTILE[1] in report.page.locator("table.sources").inner_text()
    assert "javascript:window.__pwned=4" in report.page.locator("article.source dl.facts").inner_text()


def test_browser_evidence_link_targets_its_highlight(report: Visit) -> None:
    page = report.page
    page.locator("#timeline a.ev").first.click()
    assert page.evaluate("document.querySelector(':target').tagName") == "MARK"
    assert page.evaluate("document.querySelector(':target').textContent") == "8 November 2021"
    assert report.requests == []


def test_browser_removed_furniture_is_collapsed_until_opened(report: Visit) -> None:
    details = report.page.locator("article.source details")
    assert not details.locator("table").is_visible()
    details.locator("summary").click()
    assert details.locator("table").is_visible()
    assert HOSTILE[0] in details.inner_text()


def test_browser_screenshot_is_not_blank(report: Visit, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    report.page.screenshot(path=str(shot))
    pixels = decode_png(shot.read_bytes())
    assert pixels.shape[:2] == (VIEWPORT["height"], VIEWPORT["width"])
    packed = pixels[:, :, :3].astype(np.uint32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.uint32)
    _, counts = np.unique(packed, return_counts=True)
    assert len(counts) >= MIN_COLOURS
    assert 1 - counts.max() / counts.sum() >= MIN_INK_FRACTION


def test_browser_harness_detects_script_and_requests(browser, tmp_path: Path) -> None:
    """Control: an unescaped page does run its script and does try to load, so the checks above can fail."""
    page_file = tmp_path / "unsafe.html"
    page_file.write_text('<p>x</p><script>window.__pwned=1</script><img src="http://example.invalid/x.png">')
    visit = Visit(browser, page_file)
    try:
        assert visit.page.evaluate("window.__pwned") == 1
        assert visit.requests == ["http://example.invalid/x.png"]
    finally:
        visit.close()


# --- a tiny PNG decoder (8-bit RGB/RGBA, not interlaced: what Chromium writes) -----------------


def decode_png(data: bytes) -> np.ndarray:
    """The pixels of a PNG as an array of shape (height, width, channels)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, "decoder handles 8-bit RGB/RGBA only"
    bpp = 3 if colour == 2 else 4
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, width * bpp + 1)
    image = np.zeros((height, width * bpp), dtype=np.uint8)
    prev = np.zeros(width * bpp, dtype=np.uint8)
    for y in range(height):
        image[y] = prev = _unfilter(int(raw[y, 0]), raw[y, 1:], prev, bpp)
    return image.reshape(height, width, bpp)


def _unfilter(filt: int, line: np.ndarray, prev: np.ndarray, bpp: int) -> np.ndarray:
    if filt == 0:
        return line.copy()
    if filt == 1:  # Sub: a running sum along each channel
        return (np.cumsum(line.reshape(-1, bpp).astype(np.int64), axis=0) % 256).astype(np.uint8).reshape(-1)
    if filt == 2:  # Up
        return line + prev
    out = bytearray(line.tobytes())
    up = prev.tobytes()
    for i in range(len(out)):  # Average and Paeth depend on the byte just decoded: one at a time
        a = out[i - bpp] if i >= bpp else 0
        b = up[i]
        if filt == 3:
            out[i] = (out[i] + (a + b) // 2) & 0xFF
        else:
            c = up[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            out[i] = (out[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    return np.frombuffer(bytes(out), dtype=np.uint8)
