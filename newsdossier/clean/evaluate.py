"""How much article text the cleaner keeps: the no-sentence-lost check, measured on any pile of texts.

There is no gold for scraped furniture, so the score that guards the cleaner is *sentence retention*:
of the raw lines that read as sentences (``SENTENCE_MIN_WORDS`` words or more, ending like a
sentence), the share still in the cleaned text. A line taken as the document's title counts as kept
(it moved to ``title``); every other removal of a sentence-like line counts as a loss.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsdossier.clean.document import clean_record
from newsdossier.clean.lines import ends_like_sentence, word_count
from newsdossier.clean.normalize import normalize_text
from newsdossier.clean.stats import CorpusStats
from newsdossier.model import Document, RawRecord

SENTENCE_MIN_WORDS = 5  # shorter "sentences" ("Read more.", "Details later.") are where furniture lives

__all__ = ["CleanScores", "score_records"]


@dataclass(slots=True)
class CleanScores:
    """Counts over a corpus: documents, sentence-like lines kept and lost, removed lines by reason."""

    documents: int = 0
    rejected: int = 0
    titles: int = 0
    sentences: int = 0
    sentences_lost: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    lost_examples: list[str] = field(default_factory=list)

    @property
    def retention(self) -> float:
        return 1.0 - self.sentences_lost / self.sentences if self.sentences else 1.0

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "rejected": self.rejected,
            "titles": self.titles,
            "sentences": self.sentences,
            "sentences_lost": self.sentences_lost,
            "retention": round(self.retention, 5),
            "removed": dict(self.removed.most_common()),
        }


def score_records(records: Sequence[RawRecord], max_examples: int = 20) -> CleanScores:
    """Clean ``records`` (with corpus statistics over all of them) and count what was kept and lost."""
    stats = CorpusStats.from_texts(r.text for r in records)
    scores = CleanScores()
    for record in records:
        scores.documents += 1
        result = clean_record(record, stats)
        if not isinstance(result, Document):
            scores.rejected += 1
            removed: dict[int, str] = {}
        else:
            scores.titles += result.title is not None
            removed = {r.line: r.reason for r in result.removed}
            scores.removed.update(removed.values())
        for number, line in enumerate(_sentence_lines(record.text)):
            if line is None:
                continue
            scores.sentences += 1
            if number in removed and removed[number] != "title" or isinstance(result, Document) is False:
                scores.sentences_lost += 1
                if len(scores.lost_examples) < max_examples:
                    scores.lost_examples.append(f"{record.path}: [{removed.get(number, 'rejected')}] {line}")
    return scores


def _sentence_lines(text: str) -> Iterable[str | None]:
    """Each normalised line of the raw text, or ``None`` where it does not read as a sentence."""
    for line in normalize_text(text).split("\n"):
        yield line if word_count(line) >= SENTENCE_MIN_WORDS and ends_like_sentence(line) else None
