"""Copies and rewrites: which documents are one source.

Three kinds of link, found in three passes that each stay sub-quadratic:

1. **exact** — equal hashes of the text with case, punctuation and whitespace folded;
2. **near** — MinHash LSH (datasketch) over word shingles proposes pairs; the exact shingle
   Jaccard of each proposed pair confirms it;
3. **derived** (rewrites) — an inverted index of sentence fingerprints (a few MinHash values of
   each sentence's content-word bigrams) proposes pairs that share several sentences; a
   sentence alignment (:mod:`newsdossier.link.align`) confirms them when enough sentences, and a
   large enough share of one side, have a counterpart. The earlier-published text, else the text
   whose sentences are covered (contained) by the other, is the original.

Links are joined into connected components; each component is one :class:`DuplicateGroup`.
Only one representative of each exact-copy class takes part in passes 2 and 3, and a pair that is
already connected is not aligned again, so a story reprinted a thousand times costs little.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsdossier.link.align import Alignment, align_sentences
from newsdossier.link.shingles import (
    MIN_SENTENCE_WORDS,
    SentenceUnit,
    content_words,
    normalised_hash,
    quoted,
    sentence_spans,
    sentence_units,
    shingle_hashes,
    word_hashes,
    words,
)
from newsdossier.model import AlignedPair, Annotated, DuplicateGroup, Evidence

__all__ = [
    "MIN_ALIGNED_SENTENCES",
    "MIN_ALIGNED_SHARE",
    "NEAR_MIN_JACCARD",
    "find_duplicates",
    "find_links",
    "Link",
]

# Words per shingle for near copies. Five is the usual choice for news (Broder; Theobald et al.'s
# SpotSigs use 3-5): long enough that unrelated articles share almost none, short enough that a
# light edit breaks few.
SHINGLE_SIZE = 5
# MinHash permutations: 128 gives a Jaccard estimate within ±0.09 (2 s.d.) — enough to propose pairs,
# which are then confirmed with the exact Jaccard.
NUM_PERM = 128
# LSH proposes pairs whose estimated shingle Jaccard is about this or more; set well below
# NEAR_MIN_JACCARD so that estimation noise loses no near copy. Proposed pairs below
# NEAR_MIN_JACCARD go on to the sentence alignment.
NEAR_LSH_THRESHOLD = 0.5
# Exact shingle Jaccard a near copy must reach: the same text give or take a headline, a byline,
# page furniture or a few edited words. A text with whole paragraphs added or cut is a rewrite
# ("derived", with direction and aligned evidence) instead. On the reprint benchmark every value
# from 0.7 to 0.9 scores the same F1 (the alignment catches the rest); 0.8 keeps "near" strict.
NEAR_MIN_JACCARD = 0.8
# MinHash values kept per sentence as index keys. With three, a sentence whose bigram Jaccard with
# its counterpart is 0.5 shares a key with probability 1 - 0.5**3 = 0.88.
SENTENCE_KEYS = 3
# A sentence key found in more documents than this is boilerplate ("Follow us on Twitter", an
# agency credit) and proposes nothing; a genuine story reprinted more often is caught as near or
# exact copies by passes 1-2 first. Keeps the pairs a key can propose below 100**2 / 2.
MAX_KEY_POSTINGS = 100
# Distinct sentences two documents must share keys on before they are aligned at all.
MIN_SHARED_SENTENCES = 2
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
# Shares of aligned sentences closer than this say nothing about which side contains the other
# (one sentence in ten), and the direction falls to the fuller wording.
DIRECTION_MIN_SHARE_GAP = 0.1

# Documents whose sentence units stay cached while candidate pairs are aligned: bounded, so memory
# does not grow with the corpus (a few MB at 10^4 documents of 30 sentences).
UNIT_CACHE_SIZE = 4096

_KEY_SEED = np.random.default_rng(20251122)
_KEY_A = (_KEY_SEED.integers(1, 2**63, SENTENCE_KEYS, dtype=np.uint64) | np.uint64(1))
_KEY_B = _KEY_SEED.integers(0, 2**63, SENTENCE_KEYS, dtype=np.uint64)
_KEY_SLOT = np.arange(SENTENCE_KEYS, dtype=np.uint64) << np.uint64(32)


@dataclass(frozen=True, slots=True)
class Link:
    """Two documents found to be one source. ``original`` is one of them, or None when unknown."""

    a: str
    b: str
    kind: str  # "exact" | "near" | "derived"
    similarity: float
    original: str | None = None
    aligned: tuple[AlignedPair, ...] = ()


def find_duplicates(annotated: Sequence[Annotated]) -> list[DuplicateGroup]:
    """Group documents that are exact copies, near copies or rewrites of each other.

    Groups are ordered by their sorted member ids; members are sorted by id.
    """
    return group_links(list(find_links(annotated)), annotated)


def find_links(annotated: Sequence[Annotated]) -> Iterator[Link]:
    """Every link the three passes confirm, enough to connect each group (not every pair)."""
    docs = _unique_by_id(annotated)
    forest = _Forest(len(docs))

    representatives: list[int] = []
    first_of_hash: dict[str, int] = {}
    for i, a in enumerate(docs):
        h = normalised_hash(a.doc.text)
        if h in first_of_hash:
            j = first_of_hash[h]
            forest.union(i, j)
            yield Link(docs[j].doc.id, a.doc.id, "exact", 1.0, _earlier(docs[j], a))
        else:
            first_of_hash[h] = i
            representatives.append(i)
    del first_of_hash

    lsh = MinHashLSH(threshold=NEAR_LSH_THRESHOLD, num_perm=NUM_PERM)
    template = MinHash(num_perm=NUM_PERM, seed=1)  # its permutations are made once, not per document
    near_candidates: list[tuple[int, int]] = []
    key_parts: list[np.ndarray] = []
    doc_parts: list[np.ndarray] = []
    sent_parts: list[np.ndarray] = []
    for i in representatives:
        shingles = np.unique(shingle_hashes(word_hashes(words(docs[i].doc.text)), SHINGLE_SIZE))
        mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int, permutations=template.permutations, scheme=template.scheme)
        mh.update_batch(shingles)
        near_candidates.extend((j, i) for j in lsh.query(mh))
        lsh.insert(i, mh, check_duplication=False)
        keys, sents = _sentence_keys(docs[i])
        key_parts.append(keys)
        sent_parts.append(sents)
        doc_parts.append(np.full(len(keys), i, dtype=np.uint32))
    del lsh

    rewrite_candidates: set[tuple[int, int]] = set()
    for j, i in sorted(near_candidates):
        jaccard = _shingle_jaccard(docs[j], docs[i])
        if jaccard >= NEAR_MIN_JACCARD:
            if forest.union(i, j):
                yield Link(docs[j].doc.id, docs[i].doc.id, "near", round(jaccard, 4), _earlier(docs[j], docs[i]))
        else:
            rewrite_candidates.add((j, i))
    rewrite_candidates.update(_shared_sentence_pairs(key_parts, doc_parts, sent_parts))
    del key_parts, doc_parts, sent_parts

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


def _sentence_keys(a: Annotated) -> tuple[np.ndarray, np.ndarray]:
    """Index keys for each countable sentence: its slot-tagged MinHash values over content-word bigrams."""
    text = a.doc.text
    keys: list[np.ndarray] = []
    sents: list[int] = []
    for n, span in enumerate(sentence_spans(a)):
        content = content_words(words(text[span.start : span.end]))
        if len(set(content)) < MIN_SENTENCE_WORDS:
            continue
        bigrams = shingle_hashes(word_hashes(content), 2)
        mins = ((bigrams[None, :] * _KEY_A[:, None] + _KEY_B[:, None]) >> np.uint64(32)).min(axis=1)
        keys.append(mins | _KEY_SLOT)
        sents.extend([n] * SENTENCE_KEYS)
    if not keys:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint32)
    return np.concatenate(keys), np.array(sents, dtype=np.uint32)


def _shared_sentence_pairs(
    key_parts: list[np.ndarray], doc_parts: list[np.ndarray], sent_parts: list[np.ndarray]
) -> set[tuple[int, int]]:
    """Document pairs sharing keys on at least MIN_SHARED_SENTENCES distinct sentences of each."""
    if not key_parts:
        return set()
    keys = np.concatenate(key_parts)
    doc_ix = np.concatenate(doc_parts)
    sent_ix = np.concatenate(sent_parts)
    order = np.lexsort((doc_ix, keys))
    keys, doc_ix, sent_ix = keys[order], doc_ix[order], sent_ix[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    lengths = np.diff(np.r_[starts, len(keys)])
    shared: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for start, length in zip(starts.tolist(), lengths.tolist()):
        if length < 2 or length > MAX_KEY_POSTINGS:
            continue
        run_docs = doc_ix[start : start + length].tolist()
        run_sents = sent_ix[start : start + length].tolist()
        if run_docs[0] == run_docs[-1]:
            continue
        for x in range(length):
            for y in range(x + 1, length):
                if run_docs[x] == run_docs[y]:
                    continue
                entry = shared.setdefault((run_docs[x], run_docs[y]), (set(), set()))
                entry[0].add(run_sents[x])
                entry[1].add(run_sents[y])
    return {pair for pair, (sa, sb) in shared.items() if min(len(sa), len(sb)) >= MIN_SHARED_SENTENCES}


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
    quoting a statement is derived from the statement); then the contained text — most of its
    sentences reappear in the other, which adds its own. None when neither tells.
    """
    text_a, text_b = a.doc.text, b.doc.text
    quoted_a = sum(quoted(text_a[units_a[i].span.start : units_a[i].span.end]) for i, _, _ in alignment.pairs)
    quoted_b = sum(quoted(text_b[units_b[j].span.start : units_b[j].span.end]) for _, j, _ in alignment.pairs)
    if abs(quoted_a - quoted_b) >= DIRECTION_MIN_QUOTED:
        return b.doc.id if quoted_a > quoted_b else a.doc.id
    if abs(alignment.share_a - alignment.share_b) > DIRECTION_MIN_SHARE_GAP:
        return a.doc.id if alignment.share_a > alignment.share_b else b.doc.id
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

