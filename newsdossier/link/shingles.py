"""Text fingerprints for copy detection: normalised words, word shingles, sentence units.

Pure functions over plain strings and :class:`~newsdossier.model.Annotated` values. Hashes are
deterministic across processes (CRC-32 of the word, combined with fixed odd multipliers), so the
same corpus always gives the same groups.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from newsdossier.model import Annotated, Span

__all__ = [
    "MIN_SENTENCE_WORDS",
    "SentenceUnit",
    "content_words",
    "normalised_hash",
    "normalised_words_hash",
    "quote_marks",
    "quoted",
    "sentence_units",
    "shingle_hashes",
    "stopwords",
    "word_hashes",
    "words",
]

# A sentence counts for alignment only with at least this many content words: shorter ones
# ("Read more.", "He said no.") match by chance across unrelated articles. Four keeps every
# sentence of a news lede and drops datelines and bylines (checked on the sample corpus).
MIN_SENTENCE_WORDS = 4

_WORD = re.compile(r"\w+")
# Fallback sentence split for documents that come without sentence spans.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n\s*\n")
# Fixed odd 64-bit multipliers that position-weight word hashes inside a shingle.
_SHINGLE_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
    dtype=np.uint64,
)
MAX_SHINGLE_SIZE = len(_SHINGLE_MULTIPLIERS)


@cache
def stopwords() -> frozenset[str]:
    """English function words (``data/copies/stopwords.txt``), casefolded."""
    return frozenset(_data_lines("copies/stopwords.txt"))


@cache
def quote_marks() -> frozenset[str]:
    """Quotation marks (``data/copies/quote_marks.txt``); the apostrophe is not one."""
    return frozenset(_data_lines("copies/quote_marks.txt"))


def quoted(text: str) -> bool:
    """Whether the text carries a quotation mark."""
    marks = quote_marks()
    return any(ch in marks for ch in text)


def _data_lines(name: str) -> list[str]:
    text = resources.files("newsdossier.data").joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def words(text: str) -> list[str]:
    """Casefolded word tokens: punctuation and whitespace are folded away."""
    return _WORD.findall(text.casefold())


def content_words(tokens: list[str]) -> list[str]:
    """The tokens that carry content: not a stop word, and not a single letter."""
    stop = stopwords()
    return [t for t in tokens if t not in stop and (len(t) > 1 or t.isdigit())]


def normalised_hash(text: str) -> str:
    """A hash of the text with case, punctuation and whitespace folded: equal for exact copies."""
    return normalised_words_hash(words(text))


def normalised_words_hash(tokens: list[str]) -> str:
    """:func:`normalised_hash` of a text from its :func:`words`."""
    folded = " ".join(tokens)
    return hashlib.blake2b(folded.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


_word_hash_cache: dict[str, int] = {}
_WORD_CACHE_LIMIT = 2_000_000  # distinct words kept; a news corpus of 10^5 articles has ~10^6


def word_hashes(tokens: list[str]) -> np.ndarray:
    """A 32-bit hash per token (CRC-32 of its UTF-8 bytes), as ``uint64``."""
    cache_ = _word_hash_cache
    if len(cache_) > _WORD_CACHE_LIMIT:
        cache_.clear()
    get = cache_.get
    out = [get(t) for t in tokens]
    if None in out:
        for n, h in enumerate(out):
            if h is None:
                t = tokens[n]
                out[n] = cache_[t] = zlib.crc32(t.encode("utf-8", "surrogatepass"))
    return np.array(out, dtype=np.uint64)


def shingle_hashes(hashes: np.ndarray, size: int) -> np.ndarray:
    """Hashes of every run of ``size`` consecutive words (32-bit values in ``uint64``).

    A text shorter than ``size`` words gives one shingle of all its words.
    """
    if not 1 <= size <= MAX_SHINGLE_SIZE:
        raise ValueError(f"shingle size must be 1..{MAX_SHINGLE_SIZE}, got {size}")
    n = len(hashes)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    width = min(size, n)
    count = n - width + 1
    acc = np.zeros(count, dtype=np.uint64)
    for k in range(width):
        acc += hashes[k : k + count] * _SHINGLE_MULTIPLIERS[k]
    return acc >> np.uint64(32)


@dataclass(frozen=True, slots=True)
class SentenceUnit:
    """One sentence of a document: where it is, and its content words."""

    span: Span
    content: frozenset[str]


def sentence_spans(annotated: Annotated) -> tuple[Span, ...]:
    """The document's sentence spans, or a punctuation split when the annotation has none."""
    if annotated.sentences:
        return annotated.sentences
    text = annotated.doc.text
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append(Span(start, m.start()))
        start = m.end()
    spans.append(Span(start, len(text)))
    return tuple(s for s in spans if text[s.start : s.end].strip())


def sentence_units(annotated: Annotated) -> list[SentenceUnit]:
    """The sentences with at least :data:`MIN_SENTENCE_WORDS` content words, in text order."""
    text = annotated.doc.text
    units = []
    for span in sentence_spans(annotated):
        content = content_words(words(text[span.start : span.end]))
        if len(set(content)) >= MIN_SENTENCE_WORDS:
            units.append(SentenceUnit(_trimmed(text, span), frozenset(content)))
    return units


def _trimmed(text: str, span: Span) -> Span:
    """The span without surrounding whitespace, so evidence starts and ends on a character."""
    piece = text[span.start : span.end]
    start = span.start + len(piece) - len(piece.lstrip())
    return Span(start, max(start, span.start + len(piece.rstrip())))
