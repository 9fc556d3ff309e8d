"""The sample corpus: titles, dates, author and outlet a reader would write down; no furniture left; no sentence lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdossier.clean import CorpusStats, clean_record, removal_reasons
from newsdossier.clean.normalize import normalize_text
from newsdossier.model import Document, RawRecord

EXPECTED = {
    "000": ("Azeri people celebrates Victory Day", None, None, None),
    "001": (
        "Statement of the Ministry of Foreign Affairs of the Republic of Azerbaijan on the occasion of "
        "November 8 – Victory Day in the Republic of Azerbaijan",
        "2021-11-08",
        None,
        None,
    ),
    "002": ("Azerbaijan Marks Second Anniversary of Victory Day", None, "Yasir Rehman", None),
    "003": ("November 8 - Azerbaijan's Victory Day", "2024-11-08T10:33", None, "Fakti"),
    "004": ("Azerbaijan celebrates third anniversary of victory in Karabakh", "2023-11-08T16:51:00", None, "TRT"),
}

# The furniture PRODUCT.md lists for this corpus; none of it may remain in a cleaned text.
FURNITURE = [
    "Notify of",
    "Inline Feedbacks",
    "View all comments",
    "Search in archive",
    "Last news in",
    "Last Update",
    "BYYasir",
    "Source: TRT",
    "WARNING: Comments",
    "10:33 100",
    "Victory Day  - 1",
    "\n---\n",
    "\u00a0",
]

_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*$")


def _documents(corpus: Path) -> dict[str, tuple[str, Document]]:
    paths = sorted(corpus.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    stats = CorpusStats.from_texts(texts)
    out = {}
    for path, text in zip(paths, texts):
        doc = clean_record(RawRecord(str(path), text, "text"), stats)
        assert isinstance(doc, Document), doc
        out[path.name[:3]] = (text, doc)
    return out


@pytest.fixture(scope="module")
def documents(sample_corpus: Path) -> dict[str, tuple[str, Document]]:
    return _documents(sample_corpus)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_sample_metadata_is_what_a_reader_writes_down(documents, key):
    _, doc = documents[key]
    title, published, author, outlet = EXPECTED[key]
    assert (doc.title, doc.published, doc.author, doc.outlet) == (title, published, author, outlet)
    assert doc.published_basis == ("text" if published else None)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_sample_text_has_no_furniture_left(documents, key):
    _, doc = documents[key]
    for furniture in FURNITURE:
        assert furniture not in doc.text
    assert {r.reason for r in doc.removed} <= removal_reasons()
    assert doc.title not in doc.text.split("\n")  # neither the headline nor its repetition
    assert "\n\n\n" not in doc.text and doc.text == doc.text.strip()


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_sample_loses_no_sentence(documents, key):
    raw, doc = documents[key]
    reason = {r.line: r.reason for r in doc.removed}
    kept = set(doc.text.split("\n"))
    for number, line in enumerate(normalize_text(raw).split("\n")):
        if not line:
            continue
        assert (line in kept) != (number in reason), line  # every line is either kept or removed, never both
        if len(line.split()) >= 5 and _SENTENCE_END.search(line) and number in reason:
            assert reason[number] == "moderation-notice", line  # the only sentence-like furniture here
