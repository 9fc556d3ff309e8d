"""Story similarity: how likely two articles report the same story, as a score in [0, 1].

The score is mostly *wording* — the TF-IDF cosine of the two texts' content words (headline, lede
and names weighted up), with IDF from English word frequencies (the ``wordfreq`` package) or from a
corpus the caller gives — put on a log scale, because judges see most of the difference between "same story" and "same topic" at low
cosines. Shared *entities* (NER mentions when the document has them, else capitalised words),
*dates* (TIMEX values, else years and "Month day" expressions) and *numbers* add a little each.

:func:`similar_pairs` scores the pairs of a corpus that share rare words, so it never compares all
pairs of a large input.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsdossier.link.shingles import content_words, stopwords, words
from newsdossier.model import Annotated, StoryPair

__all__ = [
    "CorpusIdf",
    "StoryFeatures",
    "similar_pairs",
    "story_features",
    "story_pairs",
    "story_similarity",
    "tfidf_cosine",
    "unrelated_documents",
    "wording_idf",
]

log = logging.getLogger(__name__)

# The cosine scale: ``log1p(c / COSINE_SCALE) / log1p(1 / COSINE_SCALE)`` maps 0 -> 0 and 1 -> 1 and
# spreads the low cosines where same-topic and same-story pairs differ. On the SemEval-2022 Task 8
# English pairs Pearson r with the Overall score is 0.74 for the raw cosine, 0.81 on this scale (both
# before the lead and name weights); scales 0.02-0.1 score within 0.005 of each other.
COSINE_SCALE = 0.05
# Weights of the four signals in the score; a signal one document lacks (no dates) is neutral and
# takes the wording's value. Wording decides: on the SemEval English pairs wording alone gives
# r 0.831, these weights 0.824, doubling the others 0.814 — the entity, date and number overlaps add
# nothing there, but they tell apart two reports of the same kind of event on different days or
# places, which those pairs rarely test; small weights keep that at little cost.
WEIGHTS = {"wording": 0.9, "entities": 0.05, "dates": 0.025, "numbers": 0.025}
# Words of the headline and lede (the first LEAD_CHARS characters, the title when the document has
# one) weigh LEAD_BOOST times more, and capitalised words (names) NAME_BOOST times more: news puts the
# story in its first lines and its names. On the SemEval English pairs r rises from 0.801 to 0.824;
# lead lengths 100-200 and boosts 1.3-2 all give 0.814-0.825, so the choice is not a knife edge.
LEAD_CHARS = 150
LEAD_BOOST = 1.5
NAME_BOOST = 1.3
# IDF for a word wordfreq has never seen (frequency 0): as rare as one in 10^8 words.
UNSEEN_FREQUENCY = 1e-8
# IDF is log(1 / frequency) minus this: words more common than e^-4 (about 1 in 55: "the", "of")
# weigh nothing. Chosen on the SemEval English pairs (r 0.797 at 0, 0.811 at 4, 0.809 at 5).
IDF_OFFSET = 4.0
# A pair scoring below this is probably not the same story. On the SemEval English pairs 87% of
# pairs judged unrelated (Overall >= 3.5 of 4) score below 0.3 and 2% of pairs judged the same story
# (Overall <= 2); median scores are 0.74 (Overall 1), 0.59 (2), 0.39 (3), 0.13 (4).
SAME_STORY_MIN_SCORE = 0.3
# unrelated_documents needs at least this many documents: with two, neither is the odd one out.
UNRELATED_MIN_DOCS = 3
# similar_pairs: inputs up to this many documents are compared all pairs with all pairs (10^4
# comparisons); above it, pairs must share BLOCK_MIN_SHARED of each document's BLOCK_TERMS
# highest-weighted words.
ALL_PAIRS_MAX = 150
BLOCK_TERMS = 12  # twelve key words capture a story's names and places (checked on ECB+ topics)
BLOCK_MIN_SHARED = 2
# A key word shared by more documents than this (common in this corpus) proposes no pairs: each word
# proposes at most 100 * 99 / 2 pairs, so memory stays linear in the corpus.
BLOCK_MAX_POSTINGS = 100

_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’-]*")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_DAY = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b|"
    r"\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
)


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """The signals behind a story similarity; ``None`` where a document has nothing to compare."""

    wording: float
    entities: float | None
    dates: float | None
    numbers: float | None

    def score(self) -> float:
        """The weighted signals; a missing one counts as neutral (it takes the wording's value)."""
        wording = _log_scale(self.wording)
        signals = {"wording": wording, "entities": self.entities, "dates": self.dates, "numbers": self.numbers}
        total = sum(WEIGHTS.values())
        return round(sum(WEIGHTS[k] * (wording if v is None else v) for k, v in signals.items()) / total, 4)


class CorpusIdf:
    """IDF from a corpus's document frequencies (smoothed: ``log((N + 1) / (df + 1)) + 1``)."""

    def __init__(self, texts: Iterable[str]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for text in texts:
            df.update(set(words(text)))
            n += 1
        self.n, self.df = n, df

    def __call__(self, word: str) -> float:
        return math.log((self.n + 1) / (self.df.get(word, 0) + 1)) + 1


@lru_cache(maxsize=200_000)
def wording_idf(word: str) -> float:
    """IDF of an English word from its frequency in general text (``wordfreq``); 1.0 without it."""
    frequency = _frequency(word)
    if frequency is None:
        return 1.0
    return max(0.0, math.log(1 / max(frequency, UNSEEN_FREQUENCY)) - IDF_OFFSET)


def _frequency(word: str) -> float | None:
    try:
        from wordfreq import word_frequency
    except ImportError:  # pragma: no cover - wordfreq is a declared dependency
        log.warning("wordfreq is not installed: story similarity weighs all words alike")
        return None
    return word_frequency(word, "en")


def _weights(text: str, idf) -> dict[str, float]:
    """Sublinear TF x IDF of the content words, lead and capitalised words weighted up."""
    counts = Counter(content_words(words(text)))
    lead = set(words(text[:LEAD_CHARS]))
    names = {w.casefold() for w in _CAPITALISED_WORD.findall(text)}
    return {
        w: (1 + math.log(n)) * idf(w) * (LEAD_BOOST if w in lead else 1.0) * (NAME_BOOST if w in names else 1.0)
        for w, n in counts.items()
    }


def _story_text(a: Annotated) -> str:
    """The text compared: the title first when the cleaned text does not start with it."""
    title, text = a.doc.title, a.doc.text
    return f"{title}\n\n{text}" if title and not text.lstrip().startswith(title.strip()) else text


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return min(1.0, dot / (na * nb)) if na and nb else 0.0


def tfidf_cosine(text_a: str, text_b: str, idf=None) -> float:
    """Cosine of sublinear-TF x IDF vectors of the two texts' content words."""
    idf = idf or wording_idf
    return _cosine(_weights(text_a, idf), _weights(text_b, idf))


def _log_scale(cosine: float) -> float:
    return math.log1p(cosine / COSINE_SCALE) / math.log1p(1 / COSINE_SCALE)


def _overlap(a: set[str], b: set[str]) -> float | None:
    """Share of the smaller set found in the other; None when either side has nothing."""
    if not a or not b:
        return None
    return len(a & b) / min(len(a), len(b))


def _entities(a: Annotated) -> set[str]:
    if a.mentions:
        return {m.text.casefold() for m in a.mentions}
    stop = stopwords()
    found = set()
    for m in _CAPITALISED.finditer(a.doc.text):
        name = " ".join(w for w in m.group().split() if w.casefold() not in stop)
        if name:
            found.add(name.casefold())
    return found


def _dates(a: Annotated) -> set[str]:
    if a.timexes:
        return {t.value for t in a.timexes if t.type == "DATE" and t.value[:1].isdigit()}
    text = a.doc.text
    found = set(_YEAR.findall(text))
    for m in _MONTH_DAY.finditer(text):
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        found.add(f"{month[:3].casefold()}-{int(day)}")
    return found


def _numbers(a: Annotated) -> set[str]:
    if a.quantities:
        return {f"{q.value:g}" for q in a.quantities}
    return {n.replace(",", "") for n in _NUMBER.findall(a.doc.text)} - set(_YEAR.findall(a.doc.text))


@dataclass(frozen=True, slots=True)
class _Profile:
    """What the signals compare, computed once per document."""

    weights: dict[str, float]
    entities: set[str]
    dates: set[str]
    numbers: set[str]


def _profile(a: Annotated, idf=None) -> _Profile:
    return _Profile(_weights(_story_text(a), idf or wording_idf), _entities(a), _dates(a), _numbers(a))


def _features(a: _Profile, b: _Profile) -> StoryFeatures:
    return StoryFeatures(
        wording=round(_cosine(a.weights, b.weights), 4),
        entities=_overlap(a.entities, b.entities),
        dates=_overlap(a.dates, b.dates),
        numbers=_overlap(a.numbers, b.numbers),
    )


def story_features(a: Annotated, b: Annotated, idf=None) -> StoryFeatures:
    """The four signals for a pair; ``idf`` is a word -> weight callable (default :func:`wording_idf`)."""
    return _features(_profile(a, idf), _profile(b, idf))


def story_similarity(a: Annotated, b: Annotated, idf=None) -> float:
    """How likely ``a`` and ``b`` report the same story, in [0, 1]."""
    return story_features(a, b, idf).score()


def similar_pairs(annotated: Sequence[Annotated], min_score: float = 0.0, idf=None) -> list[tuple[str, str, float]]:
    """``(id_a, id_b, score)`` for the pairs worth scoring, ``id_a < id_b``, best first.

    Small inputs score every pair; larger ones only pairs sharing key words (see BLOCK_*).
    """
    docs = sorted({a.doc.id: a for a in annotated}.values(), key=lambda a: a.doc.id)
    if len(docs) <= ALL_PAIRS_MAX:
        candidates = [(i, j) for i in range(len(docs)) for j in range(i + 1, len(docs))]
    else:
        candidates = sorted(_blocked_pairs(docs, idf or wording_idf))
    profiles = [_profile(a, idf) for a in docs]
    out = []
    for i, j in candidates:
        score = _features(profiles[i], profiles[j]).score()
        if score >= min_score:
            out.append((docs[i].doc.id, docs[j].doc.id, score))
    out.sort(key=lambda p: (-p[2], p[0], p[1]))
    return out


def story_pairs(annotated: Sequence[Annotated], min_score: float = 0.0, idf=None) -> list[StoryPair]:
    """:func:`similar_pairs` as :class:`~newsdossier.model.StoryPair` values for the dossier."""
    return [StoryPair(a, b, s) for a, b, s in similar_pairs(annotated, min_score, idf)]


def unrelated_documents(
    annotated: Sequence[Annotated], min_score: float = SAME_STORY_MIN_SCORE, idf=None
) -> list[str]:
    """Ids of documents that share no story with any other document of the input, sorted.

    A document is unrelated when its best story similarity to every other one is below
    ``min_score`` — what to keep out of (or flag in) a dossier about one event.
    """
    ids = sorted({a.doc.id for a in annotated})
    if len(ids) < UNRELATED_MIN_DOCS:
        return []
    return unrelated_in(ids, similar_pairs(annotated, min_score, idf), min_score)


def unrelated_in(ids: Sequence[str], pairs: Iterable[tuple[str, str, float]], min_score: float = SAME_STORY_MIN_SCORE) -> list[str]:
    """The ids (sorted) whose best score in ``pairs`` is below ``min_score``; absent ones count as 0."""
    if len(ids) < UNRELATED_MIN_DOCS:
        return []
    best = dict.fromkeys(ids, 0.0)
    for a, b, score in pairs:
        best[a] = max(best[a], score)
        best[b] = max(best[b], score)
    return sorted(doc for doc in ids if best[doc] < min_score)


def _blocked_pairs(docs: Sequence[Annotated], idf) -> set[tuple[int, int]]:
    postings: dict[str, list[int]] = {}
    for i, a in enumerate(docs):
        weights = _weights(_story_text(a), idf)
        for w in sorted(weights, key=lambda w: (-weights[w], w))[:BLOCK_TERMS]:
            postings.setdefault(w, []).append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if len(members) > BLOCK_MAX_POSTINGS:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    return {pair for pair, n in shared.items() if n >= BLOCK_MIN_SHARED}
