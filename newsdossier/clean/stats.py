"""Corpus-wide line statistics, computed once before cleaning and handed to every document.

A short line that appears in many documents of one corpus ("Share this article", a site's footer) is
furniture even when no pattern knows it. Only short lines are counted and the table is capped, so
memory stays bounded on any corpus size.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsdossier.clean.lines import line_key
from newsdossier.clean.normalize import normalize_text

STATS_MAX_LINE_CHARS = 100  # furniture lines are short; longer lines are text and need no counting
STATS_MAX_KEYS = 200_000  # ~20 MB of keys at most; past this, lines seen in one document only are dropped
REPEAT_MIN_DOCS = 3  # in 3+ documents: two is a coincidence (two copies of one story), three is a template


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """How many documents each normalised short line occurs in, and how many documents there are."""

    documents: int = 0
    line_documents: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_texts(cls, texts: Iterable[str], max_keys: int = STATS_MAX_KEYS) -> CorpusStats:
        counts: dict[str, int] = {}
        documents = 0
        for text in texts:
            documents += 1
            keys = {line_key(line) for line in normalize_text(text).split("\n") if 0 < len(line) <= STATS_MAX_LINE_CHARS}
            for key in keys:
                if key:
                    counts[key] = counts.get(key, 0) + 1
            if len(counts) > max_keys:
                counts = _prune(counts, max_keys)
        return cls(documents=documents, line_documents=counts)

    def documents_with(self, line: str) -> int:
        """In how many documents of the corpus this line (normalised) occurs."""
        if len(line) > STATS_MAX_LINE_CHARS:
            return 0
        return self.line_documents.get(line_key(line), 0)

    def is_repeated(self, line: str) -> bool:
        """The line occurs in enough documents to be a template line of the corpus."""
        return self.documents_with(line) >= REPEAT_MIN_DOCS


def _prune(counts: dict[str, int], max_keys: int) -> dict[str, int]:
    """Drop lines seen once; if that is not enough, keep the most frequent half of the cap."""
    kept = {k: n for k, n in counts.items() if n > 1}
    if len(kept) > max_keys // 2:
        kept = dict(sorted(kept.items(), key=lambda item: -item[1])[: max_keys // 2])
    return kept
