"""Copies and rewrites: which documents are one source.

Three kinds of link, found in three passes that each stay sub-quadratic:

1. **exact** — equal hashes of the text with case, punctuation and whitespace folded;
2. **near** — MinHash LSH (datasketch) over word shingles proposes pairs; the exact shingle
   Jaccard of each proposed pair confirms it;
3. **derived** (rewrites) — an index of sentence fingerprints (banded MinHash values of each
   sentence's content-word bigrams) proposes pairs that share two or more sentences; a sentence
   alignment (:mod:`newsdossier.link.align`) confirms them when enough sentences, and a large
   enough share of one side, have a counterpart. The original is the earlier-published text,
   else the text the other one quotes, else the text whose sentences the other contains.

Indexes are flat numpy arrays sorted once (no dict per key), and crowded keys link documents in a
star rather than all pairs, so memory grows linearly with the corpus.

Links are joined into connected components; each component is one :class:`DuplicateGroup`.
Only one representative of each exact-copy class takes part in passes 2 and 3, and a pair that is
already connected is not aligned again, so a story reprinted a thousand times costs little.
"""

from __future__ import annotations

import logging
import multiprocessing
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from newsdossier.link.align import Alignment, align_sentences
from newsdossier.link.shingles import (
    MIN_SENTENCE_WORDS,
    SentenceUnit,
    content_words,
    normalised_words_hash,
    quoted,
    sentence_spans,
    sentence_units,
    shingle_hashes,
    word_hashes,
    words,
)
from newsdossier.model import AlignedPair, Annotated, DuplicateGroup, Evidence

__all__ = [
    "Link",
    "MIN_ALIGNED_SENTENCES",
    "MIN_ALIGNED_SHARE",
    "NEAR_MIN_JACCARD",
    "find_duplicates",
    "find_links",
    "group_links",
]

# Words per shingle for near copies. Five is the usual choice for news (Broder; Theobald et al.'s
# SpotSigs use 3-5): long enough that unrelated articles share almost none, short enough that a
# light edit breaks few.
SHINGLE_SIZE = 5
# MinHash signature of a document: LSH_BANDS bands of LSH_ROWS values. Two documents whose
# shingle Jaccard is J become candidates with probability 1 - (1 - J**5)**20: 0.9997 at J = 0.8
# (NEAR_MIN_JACCARD), 0.47 at J = 0.5, 0.006 at J = 0.2 — the S-curve's midpoint (1/20)**(1/5) =
# 0.55 sits well below NEAR_MIN_JACCARD so that no near copy is missed; candidates are then
# confirmed with the exact Jaccard, and pairs that fail go on to the sentence alignment.
LSH_BANDS = 20
LSH_ROWS = 5
NUM_PERM = LSH_BANDS * LSH_ROWS
# A band value shared by more documents than this links each of them to the first only (a star,
# enough to connect a group) instead of every pair: a story reprinted a thousand times stays linear.
MAX_BAND_POSTINGS = 50
# Exact shingle Jaccard a near copy must reach: the same text give or take a headline, a byline,
# page furniture or a few edited words. A text with whole paragraphs added or cut is a rewrite
# ("derived", with direction and aligned evidence) instead. On the reprint benchmark every value
# from 0.7 to 0.9 scores the same F1 (the alignment catches the rest); 0.8 keeps "near" strict.
NEAR_MIN_JACCARD = 0.8
# Sentence index keys: SENTENCE_BANDS bands of SENTENCE_ROWS MinHash values over the sentence's
# content-word bigrams. Two sentences whose bigram sets have Jaccard J share a key with probability
# 1 - (1 - J**2)**4: 1.0 for a copied sentence, 0.98 at J = 0.8 (a word changed), 0.68 at J = 0.5,
# 0.04 at J = 0.1 — single MinHash values (rows = 1) made every sentence with a common phrase
# ("police said") a candidate and tripled the alignments on the bench corpus.
SENTENCE_BANDS = 4
SENTENCE_ROWS = 2
# Fingerprinting runs in worker processes from this many documents up (below, start-up costs more).
PARALLEL_MIN_DOCS = 2000
FINGERPRINT_CHUNK = 64  # documents per task sent to a worker
# A sentence key found in more documents than this is boilerplate ("Follow us on Twitter", an agency
# credit) or a much-rewritten statement: it links each document to the first one only (a star),
# which connects a rewritten group and costs one alignment per document for boilerplate (rejected:
# a few shared lines are no rewrite). At 10 a key proposes at most 45 pairs; on the bench corpus
# (20,000 articles) 50 proposed 2.4 times as many chance pairs, and the reprint benchmark scores
# the same with either.
MAX_KEY_POSTINGS = 10
# A rewrite has at least this many aligned sentences, and they cover at least this share of one
# side's sentences (the side taken from, or the side built from it): one line quoted from a
# statement is not a rewrite of it. Chosen on the reprint benchmark (`newsdossier eval copies`,
# seeds 20221122, 7, 8: precision 1.0 throughout; recall rises 0.966 -> 0.986 from 3 to 2 sentences
# when two-sentence matches need the higher share) and the sample corpus (000 rewrites half of 001).
MIN_ALIGNED_SENTENCES = 3
MIN_ALIGNED_SHARE = 0.5
# A short piece (a teaser, a truncated reprint) may align only two sentences; then they must be
# most of one side.
SHORT_MIN_ALIGNED_SENTENCES = 2
SHORT_MIN_ALIGNED_SHARE = 0.6
# Aligned sentences one side must quote more often than the other before quoting decides the
# direction: two, so a single quoted line (often quoted on both sides) does not.
DIRECTION_MIN_QUOTED = 2
# A truncated copy: at least this share of its sentences align, all within the first aligned-count
# + TRUNCATION_SLACK sentences of the other (a new headline may shift them by one), and the
# other goes on for TRUNCATION_MIN_CUT sentences or more after the last aligned one.
TRUNCATION_MIN_COVER = 0.8
TRUNCATION_SLACK = 1
TRUNCATION_MIN_CUT = 2
# Shares of aligned sentences closer than this say nothing about which side contains the other
# (one sentence in ten): the direction is then left unknown.
DIRECTION_MIN_SHARE_GAP = 0.1

# Documents whose sentence units stay cached while candidate pairs are aligned (pairs come sorted by
# their first document, so it is reused): bounded, about 25 kB a document, 13 MB in all.
UNIT_CACHE_SIZE = 512

log = logging.getLogger(__name__)

_KEY_SEED = np.random.default_rng(20251122)
_KEY_A = _KEY_SEED.integers(1, 2**63, SENTENCE_BANDS * SENTENCE_ROWS, dtype=np.uint64) | np.uint64(1)
_KEY_B = _KEY_SEED.integers(0, 2**63, SENTENCE_BANDS * SENTENCE_ROWS, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Link:
    """Two documents found to be one source. ``original`` is one of them, or None when unknown."""

    a: str
    b: str
    kind: str  # "exact" | "near" | "derived"
    similarity: float
    original: str | None = None
    aligned: tuple[AlignedPair, ...] = ()


def find_duplicates(annotated: Sequence[Annotated], workers: int = 1) -> list[DuplicateGroup]:
    """Group documents that are exact copies, near copies or rewrites of each other.

    Groups are ordered by their sorted member ids; members are sorted by id. ``workers`` > 1
    fingerprints large inputs in that many processes; the result is the same.
    """
    return group_links(list(find_links(annotated, workers)), annotated)


def find_links(annotated: Sequence[Annotated], workers: int = 1) -> Iterator[Link]:
    """Every link the three passes confirm, enough to connect each group (not every pair).

    ``workers`` > 1 fingerprints documents in that many processes (for large inputs).
    """
    docs = _unique_by_id(annotated)
    forest = _Forest(len(docs))

    first_of_hash: dict[str, int] = {}
    band_parts: list[np.ndarray] = []
    key_parts: list[np.ndarray] = []
    sent_parts: list[np.ndarray] = []
    band_doc_parts: list[np.ndarray] = []
    key_doc_parts: list[np.ndarray] = []
    for i, fp in enumerate(_fingerprints(docs, workers)):
        j = first_of_hash.setdefault(fp.text_hash, i)
        if j != i:
            forest.union(i, j)
            yield Link(docs[j].doc.id, docs[i].doc.id, "exact", 1.0, _earlier(docs[j], docs[i]))
            continue
        band_parts.append(fp.bands)
        band_doc_parts.append(np.full(len(fp.bands), i, dtype=np.uint32))
        key_parts.append(fp.keys)
        sent_parts.append(fp.sentences)
        key_doc_parts.append(np.full(len(fp.keys), i, dtype=np.uint32))
    del first_of_hash
    near_candidates = _band_pairs(band_parts, band_doc_parts)
    del band_parts, band_doc_parts

    rewrite_candidates: set[tuple[int, int]] = set()
    for j, i in sorted(near_candidates):
        jaccard = _shingle_jaccard(docs[j], docs[i])
        if jaccard >= NEAR_MIN_JACCARD:
            if forest.union(i, j):
                yield Link(docs[j].doc.id, docs[i].doc.id, "near", round(jaccard, 4), _earlier(docs[j], docs[i]))
        else:
            rewrite_candidates.add((j, i))
    rewrite_candidates.update(_shared_sentence_pairs(key_parts, key_doc_parts, sent_parts))
    del key_parts, key_doc_parts, sent_parts

    units = _UnitCache(docs)
    for j, i in sorted(rewrite_candidates):
        if forest.find(i) == forest.find(j):
            continue
        link = _rewrite_link(docs[j], docs[i], units[j], units[i])
        if link is not None:
            forest.union(i, j)
            yield link


def group_links(links: Sequence[Link], annotated: Sequence[Annotated]) -> list[DuplicateGroup]:
    """Connected components of the links, as duplicate groups in a deterministic order."""
    published = {a.doc.id: a.doc.published for a in annotated}
    position = {doc: n for n, doc in enumerate(sorted({m for link in links for m in (link.a, link.b)}))}
    forest = _Forest(len(position))
    for link in links:
        forest.union(position[link.a], position[link.b])
    components: dict[int, list[Link]] = {}
    for link in links:
        components.setdefault(forest.find(position[link.a]), []).append(link)
    groups = [_group(component, published) for component in components.values()]
    groups.sort(key=lambda g: g.members)
    return groups


# --- passes -----------------------------------------------------------------------------------


def _unique_by_id(annotated: Sequence[Annotated]) -> list[Annotated]:
    seen: dict[str, Annotated] = {}
    for a in annotated:
        seen.setdefault(a.doc.id, a)
    return sorted(seen.values(), key=lambda a: a.doc.id)


def _shingle_set(a: Annotated) -> set[int]:
    return set(shingle_hashes(word_hashes(words(a.doc.text)), SHINGLE_SIZE).tolist())


def _shingle_jaccard(a: Annotated, b: Annotated) -> float:
    sa, sb = _shingle_set(a), _shingle_set(b)
    union = len(sa | sb)
    return len(sa & sb) / union if union else 1.0


@dataclass(frozen=True, slots=True)
class _Fingerprint:
    """What the passes need of one document: small, picklable, computed in one go."""

    text_hash: str
    bands: np.ndarray  # LSH_BANDS band values of the MinHash signature of the word shingles
    keys: np.ndarray  # sentence index keys (SENTENCE_BANDS per countable sentence)
    sentences: np.ndarray  # the sentence number of each key


def _fingerprint(a: Annotated) -> _Fingerprint:
    tokens = words(a.doc.text)
    shingles = np.unique(shingle_hashes(word_hashes(tokens), SHINGLE_SIZE))
    mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int, permutations=_permutations(), scheme=_SCHEME)
    mh.update_batch(shingles)
    keys, sentences = _sentence_keys(a)
    return _Fingerprint(normalised_words_hash(tokens), _band_values(mh.hashvalues), keys, sentences)


def _band_values(signature: np.ndarray) -> np.ndarray:
    """One value per band: the band's LSH_ROWS MinHash values combined, tagged with the band number."""
    rows = signature.astype(np.uint64).reshape(LSH_BANDS, LSH_ROWS)
    values = np.arange(LSH_BANDS, dtype=np.uint64)
    for r in range(LSH_ROWS):
        values = values * np.uint64(0x100000001B3) + rows[:, r]
    return values


_SCHEME = MinHash(num_perm=1).scheme
_PERMUTATIONS: list = []


def _permutations():
    """The MinHash permutations, made once per process (datasketch makes them per object otherwise)."""
    if not _PERMUTATIONS:
        _PERMUTATIONS.append(MinHash(num_perm=NUM_PERM, seed=1).permutations)
    return _PERMUTATIONS[0]


def _fingerprints(docs: Sequence[Annotated], workers: int) -> Iterator[_Fingerprint]:
    if workers <= 1 or len(docs) < PARALLEL_MIN_DOCS:
        yield from map(_fingerprint, docs)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_fingerprint, docs, chunksize=FINGERPRINT_CHUNK)


def _sentence_keys(a: Annotated) -> tuple[np.ndarray, np.ndarray]:
    """Index keys of each countable sentence: banded MinHash values over its content-word bigrams.

    Each band combines SENTENCE_ROWS MinHash values, so two sentences share a band key with
    probability J**rows (J the Jaccard of their bigram sets): near-certain for a copied or lightly
    edited sentence, rare for two sentences that merely share a common phrase.
    """
    text = a.doc.text
    flat: list[str] = []
    owner: list[int] = []
    for n, span in enumerate(sentence_spans(a)):
        content = content_words(words(text[span.start : span.end]))
        if len(set(content)) >= MIN_SENTENCE_WORDS:
            flat.extend(content)
            owner.extend([n] * len(content))
    if not flat:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint32)
    owners = np.array(owner, dtype=np.uint32)
    bigrams = shingle_hashes(word_hashes(flat), 2)
    inside = owners[:-1] == owners[1:]  # a bigram never spans two sentences
    bigrams, bigram_owner = bigrams[inside], owners[:-1][inside]
    starts = np.flatnonzero(np.r_[True, bigram_owner[1:] != bigram_owner[:-1]])
    values = (bigrams[None, :] * _KEY_A[:, None] + _KEY_B[:, None]) >> np.uint64(32)
    minima = np.minimum.reduceat(values, starts, axis=1)  # (bands * rows, sentences)
    minima = minima.reshape(SENTENCE_BANDS, SENTENCE_ROWS, len(starts))
    keys = np.zeros((SENTENCE_BANDS, len(starts)), dtype=np.uint64)
    for row in range(SENTENCE_ROWS):
        keys = keys * np.uint64(0x100000001B3) + minima[:, row, :]
    keys = keys * np.uint64(0x100000001B3) + np.arange(SENTENCE_BANDS, dtype=np.uint64)[:, None]
    return keys.ravel(), np.tile(bigram_owner[starts], SENTENCE_BANDS)


def _sorted_runs(key_parts: list[np.ndarray], *payload_parts: list[np.ndarray]) -> Iterator[tuple[list[int], ...]]:
    """Runs of equal keys (two entries or more), with the payloads of each run, in key order.

    Takes lists of per-document arrays and empties them as it joins them, so that only one copy
    of the (corpus-sized) arrays is alive at a time.
    """
    keys = np.concatenate(key_parts)
    key_parts.clear()
    payloads = []
    for parts in payload_parts:
        payloads.append(np.concatenate(parts))
        parts.clear()
    order = np.lexsort((payloads[0], keys))
    keys = keys[order]
    payloads = [p[order] for p in payloads]
    del order
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    lengths = np.diff(np.r_[starts, len(keys)])
    del keys
    for start, length in zip(starts[lengths > 1].tolist(), lengths[lengths > 1].tolist()):
        yield tuple(p[start : start + length].tolist() for p in payloads)


def _band_pairs(band_parts: list[np.ndarray], doc_parts: list[np.ndarray]) -> list[tuple[int, int]]:
    """Document pairs sharing an LSH band value (a star for crowded values), smaller index first."""
    if not band_parts:
        return []
    pairs: set[tuple[int, int]] = set()
    for (run_docs,) in _sorted_runs(band_parts, doc_parts):
        if len(run_docs) > MAX_BAND_POSTINGS:
            pairs.update((run_docs[0], d) for d in run_docs[1:])
        else:
            pairs.update((x, y) for n, x in enumerate(run_docs) for y in run_docs[n + 1 :])
    return sorted(pairs)


def _shared_sentence_pairs(
    key_parts: list[np.ndarray], doc_parts: list[np.ndarray], sent_parts: list[np.ndarray]
) -> set[tuple[int, int]]:
    """Document pairs sharing keys on two different sentences of each, the least a rewrite aligns.

    (SHORT_MIN_ALIGNED_SENTENCES is two; the filter tracks the first shared sentence and one more.)
    """
    if not key_parts:
        return set()
    # One entry per (document pair, shared sentence pair), kept in flat 8-byte arrays: a corpus
    # has millions of pairs that share one key by chance, and a dict of them would not fit.
    pair_codes, sents_x, sents_y = array("Q"), array("Q"), array("Q")
    runs = _sorted_runs(key_parts, doc_parts, sent_parts)
    for run_docs, run_sents in runs:
        length = len(run_docs)
        if run_docs[0] == run_docs[-1]:
            continue
        if length > MAX_KEY_POSTINGS:  # boilerplate or a much-rewritten story: link to the first only
            spans = [(0, y) for y in range(1, length)]
        else:
            spans = [(x, y) for x in range(length) for y in range(x + 1, length)]
        for x, y in spans:
            if run_docs[x] != run_docs[y]:
                pair_codes.append((run_docs[x] << 32) | run_docs[y])
                sents_x.append(run_sents[x])
                sents_y.append(run_sents[y])
    if not pair_codes:
        return set()
    codes = np.frombuffer(pair_codes, dtype=np.uint64)
    both = np.intersect1d(_two_distinct(codes, np.frombuffer(sents_x, dtype=np.uint64)),
                          _two_distinct(codes, np.frombuffer(sents_y, dtype=np.uint64)))
    log.debug("%d document pairs share a sentence key, %d on two sentences", len(np.unique(codes)), len(both))
    return {(int(c) >> 32, int(c) & 0xFFFFFFFF) for c in both}


def _two_distinct(codes: np.ndarray, sentences: np.ndarray) -> np.ndarray:
    """The codes that come with at least two different sentences."""
    order = np.lexsort((sentences, codes))
    codes, sentences = codes[order], sentences[order]
    new_code = np.r_[True, codes[1:] != codes[:-1]]
    new_sentence = new_code | np.r_[True, sentences[1:] != sentences[:-1]]
    distinct = np.add.reduceat(new_sentence.astype(np.int64), np.flatnonzero(new_code))
    return codes[new_code][distinct >= 2]


class _UnitCache:
    """Sentence units of recently aligned documents (candidate pairs come sorted, so reuse is high)."""

    def __init__(self, docs: Sequence[Annotated], size: int = UNIT_CACHE_SIZE) -> None:
        self.docs, self.size = docs, size
        self.cache: OrderedDict[int, list[SentenceUnit]] = OrderedDict()

    def __getitem__(self, i: int) -> list[SentenceUnit]:
        units = self.cache.get(i)
        if units is None:
            units = self.cache[i] = sentence_units(self.docs[i])
            if len(self.cache) > self.size:
                self.cache.popitem(last=False)
        else:
            self.cache.move_to_end(i)
        return units


def _rewrite_link(a: Annotated, b: Annotated, units_a: list[SentenceUnit], units_b: list[SentenceUnit]) -> Link | None:
    alignment = align_sentences(units_a, units_b)
    if not _is_rewrite(alignment):
        return None
    original = _earlier(a, b) or _contained(a, b, units_a, units_b, alignment)
    a_is_original = original == a.doc.id
    aligned = []
    for i, j, sim in alignment.pairs:
        ea, eb = _evidence(a, units_a[i].span), _evidence(b, units_b[j].span)
        aligned.append(AlignedPair(derived=eb if a_is_original else ea, original=ea if a_is_original else eb, similarity=sim))
    aligned.sort(key=lambda p: (p.derived.doc, p.derived.start, p.original.start))
    similarity = round(max(alignment.share_a, alignment.share_b), 4)
    return Link(a.doc.id, b.doc.id, "derived", similarity, original, tuple(aligned))


def _contained(a: Annotated, b: Annotated, units_a, units_b, alignment: Alignment) -> str | None:
    """The original by content when dates do not tell: the text the other one takes from.

    First the side that states the aligned sentences where the other quotes them (a report
    quoting a statement is derived from the statement); then a truncation (a text that is the
    other's opening cut short is the copy); then the contained text — most of its sentences
    reappear in the other, which adds its own. None when neither tells.
    """
    text_a, text_b = a.doc.text, b.doc.text
    quoted_a = sum(quoted(text_a[units_a[i].span.start : units_a[i].span.end]) for i, _, _ in alignment.pairs)
    quoted_b = sum(quoted(text_b[units_b[j].span.start : units_b[j].span.end]) for _, j, _ in alignment.pairs)
    if abs(quoted_a - quoted_b) >= DIRECTION_MIN_QUOTED:
        return b.doc.id if quoted_a > quoted_b else a.doc.id
    truncated = _truncation(alignment, len(units_a), len(units_b))
    if truncated is not None:
        return b.doc.id if truncated == "a" else a.doc.id
    if abs(alignment.share_a - alignment.share_b) > DIRECTION_MIN_SHARE_GAP:
        return a.doc.id if alignment.share_a > alignment.share_b else b.doc.id
    return None


def _truncation(alignment: Alignment, n_a: int, n_b: int) -> str | None:
    """"a" or "b" when that side is the other cut short: all of it is the other's opening sentences.

    Editors cut a reprint from the bottom (news is written most important first), so a text that
    is wholly the first sentences of a longer one is its shortened copy, not its source.
    """
    pairs = alignment.pairs
    if not pairs:
        return None
    last_a, last_b = max(i for i, _, _ in pairs), max(j for _, j, _ in pairs)

    def cut_short(share: float, last_in_other: int, n_other: int) -> bool:
        opening = last_in_other < len(pairs) + TRUNCATION_SLACK
        return share >= TRUNCATION_MIN_COVER and opening and n_other - last_in_other - 1 >= TRUNCATION_MIN_CUT

    if cut_short(alignment.share_a, last_b, n_b):
        return "a"
    if cut_short(alignment.share_b, last_a, n_a):
        return "b"
    return None


def _is_rewrite(alignment: Alignment) -> bool:
    aligned, share = len(alignment.pairs), max(alignment.share_a, alignment.share_b)
    if aligned >= MIN_ALIGNED_SENTENCES:
        return share >= MIN_ALIGNED_SHARE
    return aligned >= SHORT_MIN_ALIGNED_SENTENCES and share >= SHORT_MIN_ALIGNED_SHARE


def _evidence(a: Annotated, span) -> Evidence:
    return Evidence(doc=a.doc.id, start=span.start, end=span.end, text=a.doc.text[span.start : span.end])


def _day(published: str | None) -> str | None:
    return published[:10] if published else None


def _earlier(a: Annotated, b: Annotated) -> str | None:
    """The id of the document published on an earlier day, or None when that is not known."""
    da, db = _day(a.doc.published), _day(b.doc.published)
    if da and db and da != db:
        return a.doc.id if da < db else b.doc.id
    return None


# --- grouping ---------------------------------------------------------------------------------


def _group(links: list[Link], published: dict[str, str | None]) -> DuplicateGroup:
    members = tuple(sorted({m for link in links for m in (link.a, link.b)}))
    kinds = {link.kind for link in links}
    kind = "derived" if "derived" in kinds else "near" if "near" in kinds else "exact"
    derived_from = {m for link in links if link.original for m in (link.a, link.b) if m != link.original}
    originals = sorted({link.original for link in links if link.original} - derived_from)
    if originals:
        original: str | None = min(originals, key=lambda m: (_day(published.get(m)) or "9999", m))
    else:
        original = _unique_earliest(members, published)
    aligned = tuple(p for link in sorted(links, key=lambda l: (l.a, l.b)) for p in link.aligned)
    similarity = min(link.similarity for link in links)
    return DuplicateGroup(members=members, kind=kind, original=original, similarity=similarity, aligned=aligned)


def _unique_earliest(members: tuple[str, ...], published: dict[str, str | None]) -> str | None:
    days = [(_day(published.get(m)), m) for m in members]
    known = sorted(d for d in days if d[0])
    if len(known) != len(members) or (len(known) > 1 and known[0][0] == known[1][0]):
        return None
    return known[0][1]


class _Forest:
    """Union-find over document positions."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, x: int, y: int) -> bool:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return False
        self.parent[max(rx, ry)] = min(rx, ry)
        return True

